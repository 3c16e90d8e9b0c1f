"""The article rules: each fires on the situation the articles describe and stays silent on a near miss."""

from __future__ import annotations

import pytest

from raci.findings import Severity
from raci.rules import check

from tests.test_rules_support import findings_of, only_finding, person_id, row_id, team_of

VISION = {"Set the vision": ("manager", ["vision"])}
ROADMAP = {"Own the roadmap": ("manager", ["roadmap"])}
BACKLOG = {"Order the backlog": ("owner", ["backlog"])}
GOAL = {"Set the product goal": ("owner", ["backlog"])}
FINANCE = {"Forecast revenue": ("manager", ["finance"])}
CUSTOMER = {"Talk to customers": ("manager", ["customer"])}
PEOPLE = {"Ana Lima": ["Product Manager"], "Ben Okafor": ["Product Owner"], "Chloé Martin": ["Developer"]}


def _one_person_holds_both(size: str = "medium", delivery_teams: int = 1):
    return team_of({**VISION, **ROADMAP, **BACKLOG}, PEOPLE,
                   {("Set the vision", "Ana Lima"): "A", ("Own the roadmap", "Ana Lima"): "A/R",
                    ("Order the backlog", "Ana Lima"): "A", ("Order the backlog", "Ben Okafor"): "R"},
                   size=size, delivery_teams=delivery_teams)


# ------------------------------------------------------------ combined-roles
def test_one_person_on_both_cores_is_told_which_rows_of_each_side_they_hold() -> None:
    finding = only_finding(_one_person_holds_both(), "combined-roles")
    assert finding.message == ("Ana Lima holds both product roles: \u201cSet the vision\u201d and \u201cOwn the "
                               "roadmap\u201d on the manager's side and \u201cOrder the backlog\u201d on the owner's side.")
    assert finding.people == (person_id("Ana Lima"),)
    assert set(finding.cells) == {(row_id(t), person_id("Ana Lima"))
                                  for t in ("Set the vision", "Own the roadmap", "Order the backlog")}
    assert finding.citation == ("nathanson-2019", "fechter-2024")


@pytest.mark.parametrize(("size", "teams", "severity"), [
    ("small", 1, Severity.INFO),
    ("medium", 1, Severity.WARNING),
    ("large", 1, Severity.ERROR),
    ("small", 2, Severity.ERROR),
    ("medium", 3, Severity.ERROR),
])
def test_combined_roles_grow_more_serious_with_the_product(size: str, teams: int, severity: Severity) -> None:
    finding = only_finding(_one_person_holds_both(size, teams), "combined-roles")
    assert finding.severity is severity


def test_the_small_product_note_explains_why_it_is_allowed() -> None:
    assert "small product" in only_finding(_one_person_holds_both("small"), "combined-roles").explanation


def test_roles_held_by_two_people_are_not_combined() -> None:
    team = team_of({**VISION, **BACKLOG}, PEOPLE,
                   {("Set the vision", "Ana Lima"): "A", ("Order the backlog", "Ben Okafor"): "A",
                    ("Order the backlog", "Ana Lima"): "C"})
    assert findings_of(team, "combined-roles") == []


def test_a_shared_roadmap_row_does_not_count_as_the_managers_side() -> None:
    team = team_of({"Decide what gets built": ("shared", ["roadmap"]), **BACKLOG}, PEOPLE,
                   {("Decide what gets built", "Ben Okafor"): "A", ("Order the backlog", "Ben Okafor"): "A"})
    assert findings_of(team, "combined-roles") == []


# ----------------------------------------------------------- backlog-unowned
def test_a_backlog_nobody_is_accountable_for_is_one_error_naming_its_rows() -> None:
    team = team_of({**BACKLOG, **GOAL}, PEOPLE, {("Order the backlog", "Ben Okafor"): "R"})
    finding = only_finding(team, "backlog-unowned")
    assert finding.severity is Severity.ERROR
    assert "\u201cOrder the backlog\u201d and \u201cSet the product goal\u201d have no A" in finding.message
    assert set(finding.responsibilities) == {row_id("Order the backlog"), row_id("Set the product goal")}


def test_a_single_backlog_row_without_an_a_is_reported_on_its_own() -> None:
    team = team_of({**BACKLOG, **GOAL}, PEOPLE,
                   {("Order the backlog", "Ben Okafor"): "A", ("Set the product goal", "Ben Okafor"): "R"})
    finding = only_finding(team, "backlog-unowned")
    assert finding.responsibilities == (row_id("Set the product goal"),)
    assert "Set the product goal" in finding.message


def test_an_owned_backlog_and_a_team_without_backlog_rows_are_fine() -> None:
    owned = team_of({**BACKLOG, **GOAL}, PEOPLE,
                    {("Order the backlog", "Ben Okafor"): "A", ("Set the product goal", "Ben Okafor"): "A/R"})
    no_backlog = team_of({"Write the docs": ("other", [])}, PEOPLE, {("Write the docs", "Chloé Martin"): "R"})
    assert findings_of(owned, "backlog-unowned") == findings_of(no_backlog, "backlog-unowned") == []


# ------------------------------------------------------------- backlog-split
def test_two_backlog_owners_for_one_delivery_team_is_a_committee() -> None:
    team = team_of({**BACKLOG, **GOAL}, PEOPLE,
                   {("Order the backlog", "Ben Okafor"): "A", ("Set the product goal", "Ana Lima"): "A"})
    finding = only_finding(team, "backlog-split")
    assert finding.severity is Severity.WARNING
    assert finding.message == ("2 people are accountable for backlog rows (Ana Lima and Ben Okafor) "
                               "for 1 delivery team.")
    assert finding.people == (person_id("Ana Lima"), person_id("Ben Okafor"))


def test_one_backlog_owner_per_delivery_team_is_fine() -> None:
    team = team_of({**BACKLOG, **GOAL}, PEOPLE,
                   {("Order the backlog", "Ben Okafor"): "A", ("Set the product goal", "Ana Lima"): "A"},
                   delivery_teams=2)
    assert findings_of(team, "backlog-split") == []


# ------------------------------------------------------------ vision-unowned
def test_a_vision_without_an_a_is_an_error() -> None:
    team = team_of({**VISION, **BACKLOG}, PEOPLE,
                   {("Set the vision", "Ana Lima"): "R", ("Order the backlog", "Ben Okafor"): "A"})
    finding = only_finding(team, "vision-unowned")
    assert finding.severity is Severity.ERROR
    assert finding.responsibilities == (row_id("Set the vision"),)


def test_an_owned_vision_or_no_vision_row_is_fine() -> None:
    owned = team_of(VISION, PEOPLE, {("Set the vision", "Ana Lima"): "A/R"})
    none = team_of(BACKLOG, PEOPLE, {("Order the backlog", "Ben Okafor"): "A"})
    assert findings_of(owned, "vision-unowned") == findings_of(none, "vision-unowned") == []


# ------------------------------------------------------- no-customer-contact
def test_customer_rows_with_only_onlookers_mean_nobody_talks_to_customers() -> None:
    team = team_of(CUSTOMER, PEOPLE, {("Talk to customers", "Ana Lima"): "C", ("Talk to customers", "Ben Okafor"): "I"})
    finding = only_finding(team, "no-customer-contact")
    assert finding.severity is Severity.WARNING
    assert "Talk to customers" in finding.message


def test_someone_doing_customer_work_is_enough() -> None:
    team = team_of(CUSTOMER, PEOPLE, {("Talk to customers", "Chloé Martin"): "R"})
    assert findings_of(team, "no-customer-contact") == []


# ------------------------------------------------ owner-overloaded-with-finance
def _owner_with_finance(size: str):
    return team_of({**BACKLOG, **FINANCE}, PEOPLE,
                   {("Order the backlog", "Ben Okafor"): "A", ("Forecast revenue", "Ben Okafor"): "R"}, size=size)


@pytest.mark.parametrize("size", ["medium", "large"])
def test_the_backlog_owner_doing_finance_on_a_bigger_product_is_warned(size: str) -> None:
    finding = only_finding(_owner_with_finance(size), "owner-overloaded-with-finance")
    assert finding.severity is Severity.WARNING
    assert finding.message == ("Ben Okafor is accountable for the backlog (\u201cOrder the backlog\u201d) "
                               "and also works on finance (\u201cForecast revenue\u201d).")
    assert finding.citation == ("cowan",)


def test_finance_work_by_the_backlog_owner_of_a_small_product_is_fine() -> None:
    assert findings_of(_owner_with_finance("small"), "owner-overloaded-with-finance") == []


def test_being_consulted_on_finance_is_not_finance_work() -> None:
    team = team_of({**BACKLOG, **FINANCE}, PEOPLE,
                   {("Order the backlog", "Ben Okafor"): "A", ("Forecast revenue", "Ben Okafor"): "C"})
    assert findings_of(team, "owner-overloaded-with-finance") == []


# -------------------------------------------------------- developer-as-owner
@pytest.mark.parametrize("title", ["Developer", "QA"])
def test_a_developer_or_tester_owning_the_backlog_gets_a_note(title: str) -> None:
    team = team_of(BACKLOG, {"Dev Person": [title]}, {("Order the backlog", "Dev Person"): "A"})
    finding = only_finding(team, "developer-as-owner")
    assert finding.severity is Severity.INFO
    assert finding.message == f"Dev Person, a {title}, is accountable for the backlog (\u201cOrder the backlog\u201d)."


def test_a_developer_working_on_the_backlog_without_owning_it_is_fine() -> None:
    team = team_of(BACKLOG, PEOPLE, {("Order the backlog", "Chloé Martin"): "R", ("Order the backlog", "Ben Okafor"): "A"})
    assert findings_of(team, "developer-as-owner") == []


# ------------------------------------------------------------- custom rows
def test_custom_rows_without_tags_take_no_part_in_the_article_rules() -> None:
    team = team_of({"Plan the offsite": ("other", [])}, PEOPLE, {("Plan the offsite", "Chloé Martin"): "A/R"})
    article_rules = {"combined-roles", "backlog-unowned", "backlog-split", "vision-unowned", "no-customer-contact",
                     "owner-overloaded-with-finance", "developer-as-owner"}
    assert [f.rule for f in check(team) if f.rule in article_rules] == []
