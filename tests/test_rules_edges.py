"""The checks at their limits: exactly at a threshold, and the sides that place a row on a role's core."""

from __future__ import annotations

import pytest

from tests.test_rules_support import findings_of, person_id, team_of

NAMES = ("Ana", "Ben", "Chloé", "Dev", "Eve")


def _loads(*loads: int, title: str = "Developer"):
    """A team where the n-th person, all sharing ``title``, is R on ``loads[n]`` rows of their own."""
    rows, letters, number = {}, {}, 0
    for name, load in zip(NAMES, loads, strict=False):
        for _ in range(load):
            rows[f"Task {number}"] = ("other", [])
            letters[(f"Task {number}", name)] = "R"
            number += 1
    return team_of(rows, {name: [title] for name in NAMES[: len(loads)]}, letters)


# --------------------------------------------------------- overloaded-person
def test_exactly_twice_the_median_is_not_yet_overloaded() -> None:
    assert findings_of(_loads(8, 4, 4), "overloaded-person") == []


def test_one_row_past_twice_the_median_is_overloaded() -> None:
    [finding] = findings_of(_loads(9, 4, 4), "overloaded-person")
    assert finding.people == (person_id("Ana"),)
    assert finding.message == ("Ana is R or A on 9 rows, more than twice the median of the 3 people titled "
                               "Developer (4).")


def test_the_median_is_the_middle_load_not_the_mean() -> None:
    # Mean (21 + 10 + 1) / 3 is 10.7, twice that is over 21; the median is 10, twice that is 20.
    [finding] = findings_of(_loads(21, 10, 1), "overloaded-person")
    assert finding.message.endswith("of the 3 people titled Developer (10).")


def test_the_median_of_an_even_group_is_between_the_middle_two() -> None:
    # Loads 3, 4, 6 and 20: the median is 5, so 10 is the limit and 20 is past it, 6 is not.
    [finding] = findings_of(_loads(20, 3, 4, 6), "overloaded-person")
    assert finding.message == ("Ana is R or A on 20 rows, more than twice the median of the 4 people titled "
                               "Developer (5).")


def test_at_exactly_the_minimum_count_a_person_can_be_overloaded() -> None:
    assert [f.people for f in findings_of(_loads(8, 3, 3), "overloaded-person")] == [(person_id("Ana"),)]
    assert findings_of(_loads(7, 3, 3), "overloaded-person") == []


def test_three_people_sharing_a_title_are_enough_to_compare() -> None:
    assert len(findings_of(_loads(12, 1, 1), "overloaded-person")) == 1
    assert findings_of(_loads(12, 1), "overloaded-person") == []


# --------------------------------------- which side makes a row a role's core
SIDES_ON_THE_OWNERS_CORE = [("owner", True), ("other", True), ("shared", False), ("manager", False)]


@pytest.mark.parametrize(("side", "core"), SIDES_ON_THE_OWNERS_CORE)
def test_a_backlog_row_is_on_the_owners_core_unless_given_to_the_manager_or_shared(side: str, core: bool) -> None:
    team = team_of({"Set the vision": ("manager", ["vision"]), "Order the backlog": (side, ["backlog"])},
                   {"Ana": ["Product Manager"], "Ben": ["Developer"]},
                   {("Set the vision", "Ana"): "A", ("Order the backlog", "Ana"): "A",
                    ("Order the backlog", "Ben"): "R"})
    found = findings_of(team, "combined-roles")
    assert [f.people for f in found] == ([(person_id("Ana"),)] if core else [])


@pytest.mark.parametrize(("side", "core"), [("manager", True), ("other", True), ("shared", False), ("owner", False)])
def test_a_vision_row_is_on_the_managers_core_unless_given_to_the_owner_or_shared(side: str, core: bool) -> None:
    team = team_of({"Set the vision": (side, ["vision"]), "Order the backlog": ("owner", ["backlog"])},
                   {"Ana": ["Product Owner"], "Ben": ["Developer"]},
                   {("Set the vision", "Ana"): "A", ("Order the backlog", "Ana"): "A",
                    ("Set the vision", "Ben"): "R", ("Order the backlog", "Ben"): "R"})
    found = findings_of(team, "combined-roles")
    assert [f.people for f in found] == ([(person_id("Ana"),)] if core else [])


@pytest.mark.parametrize("tag", ["roadmap", "market", "finance", "Vision"])
def test_every_manager_core_tag_counts_whatever_its_case(tag: str) -> None:
    team = team_of({"Manager work": ("manager", [tag]), "Order the backlog": ("owner", ["backlog"])},
                   {"Ana": [], "Ben": []},
                   {("Manager work", "Ana"): "A", ("Order the backlog", "Ana"): "A",
                    ("Manager work", "Ben"): "R", ("Order the backlog", "Ben"): "R"})
    assert [f.people for f in findings_of(team, "combined-roles")] == [(person_id("Ana"),)]


# ------------------------------------------------------ the product's words
@pytest.mark.parametrize(("teams", "product"), [(1, "a large product"), (2, "a large product with 2 delivery teams")])
def test_titles_held_together_name_the_product_and_its_teams_from_two_on(teams: int, product: str) -> None:
    team = team_of({"Set the vision": ("manager", ["vision"])}, {"Ana": ["Product Manager", "Product Owner"]},
                   {("Set the vision", "Ana"): "A"}, size="large", delivery_teams=teams)
    [finding] = findings_of(team, "combined-roles")
    assert finding.message == f"Ana is titled both Product Manager and Product Owner on {product}."


# ------------------------------------------------------ the checker, edit by edit
def test_clearing_the_last_letter_edit_by_edit_brings_back_the_not_started_note() -> None:
    from raci.rules.checker import Checker

    from tests.conftest import make_small_team

    team = make_small_team()
    with Checker(team) as checker:
        assert "not-started" not in {finding.rule for finding in checker.report()}
        team.clear_cells([("set-the-product-vision", "ana-lima"), ("order-the-backlog", "ben-okafor")])
        assert "not-started" not in {finding.rule for finding in checker.report()}  # one letter is left
        team.clear_cells([("order-the-backlog", "ana-lima")])
        assert [(f.rule, f.message) for f in checker.report()] == [
            ("not-started", "4 rows to fill, 3 people in the team, no letters yet.")]
        team.set_cell("run-the-demo", "ana-lima", "R")
        assert "not-started" not in {finding.rule for finding in checker.report()}


def test_an_empty_matrix_says_what_it_lacks() -> None:
    from raci.model import Team

    team = Team()
    assert [f.message for f in findings_of(team, "not-started")] == ["No rows yet, nobody in the team yet."]
    team.add_responsibility("Plan the work")
    assert [f.message for f in findings_of(team, "not-started")] == ["1 row to fill, nobody in the team yet."]
