"""Suggested assignments: letters from titles and each row's side and tags, never over a filled cell."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raci.letters import BUILT_IN, DACI, RACI, RASCI, Kind, LetterSet
from raci.model import Side, Team
from raci.rules import check
from raci.suggest import Suggestion, row_topics, suggest, suggest_assignments
from raci.templates import load_template


def product_team() -> Team:
    team = Team(name="Product")
    for name, title in (("Pat", "Product Manager"), ("Oli", "Product Owner"), ("Sam", "Scrum Master"),
                        ("Dev", "Developer"), ("Quinn", "QA"), ("Stan", "Stakeholder"), ("Spo", "Sponsor")):
        team.add_person(name, [title], person_id=name.lower())
    for rid, side, tags, category in (
        ("vision", Side.MANAGER, ["vision"], "Vision & strategy"),
        ("budget", Side.MANAGER, ["finance"], "Business & finance"),
        ("backlog", Side.OWNER, ["backlog"], "Product backlog"),
        ("stories", Side.OWNER, ["delivery"], "Product backlog"),
        ("accept", Side.OWNER, ["quality"], "Quality & acceptance"),
        ("sprints", Side.OWNER, ["delivery", "team"], "Delivery & iterations"),
        ("priorities", Side.SHARED, ["roadmap"], "Roadmap & prioritisation"),
        ("custom", Side.OTHER, [], ""),
    ):
        team.add_responsibility(rid.title(), side=side, tags=tags, category=category, responsibility_id=rid)
    return team


def _owns(cell: str) -> bool:
    return bool(RACI.kinds(cell) & Kind.OWNS.bit)


def test_the_product_manager_is_accountable_for_manager_rows_and_the_owner_for_backlog_rows() -> None:
    cells = suggest_assignments(product_team())
    assert _owns(cells[("vision", "pat")]) and _owns(cells[("budget", "pat")])
    assert _owns(cells[("backlog", "oli")]) and _owns(cells[("stories", "oli")])
    assert cells[("priorities", "pat")] == "A"  # shared: the manager decides, the owner does it
    assert cells[("priorities", "oli")] == "R"


def test_every_row_gets_at_most_one_accountable() -> None:
    cells = suggest_assignments(product_team())
    for rid in ("vision", "budget", "backlog", "stories", "accept", "sprints", "priorities", "custom"):
        assert sum(1 for (row, _), letter in cells.items() if row == rid and _owns(letter)) <= 1


def test_the_team_roles_do_the_work_their_titles_name() -> None:
    cells = suggest_assignments(product_team())
    assert cells[("sprints", "sam")] == "R"  # Scrum Master on team rows
    assert cells[("sprints", "dev")] == "R" and cells[("stories", "dev")] == "R"  # delivery
    assert cells[("backlog", "dev")] == "C"
    assert cells[("accept", "quinn")] == "R"  # QA on quality
    assert cells[("vision", "stan")] == "C" and cells[("budget", "stan")] == "I"
    assert cells[("budget", "spo")] == "C" and cells[("vision", "spo")] == "I"


def test_the_scrum_master_owns_the_teams_process_as_the_scrum_guide_has_it() -> None:
    team = product_team()
    team.add_responsibility("Run the events", side=Side.OWNER, tags=["delivery", "team", "process"],
                            responsibility_id="events")
    cells = suggest_assignments(team)
    assert cells[("events", "sam")] in ("A", "A/R")
    assert cells.get(("events", "oli"), "C") not in ("A", "A/R")


def test_without_a_scrum_master_the_owner_keeps_the_process_rows() -> None:
    team = Team()
    team.add_person("Oli", ["Product Owner"], person_id="oli")
    team.add_responsibility("Run the events", side=Side.OWNER, tags=["process"], responsibility_id="events")
    assert suggest_assignments(team) == {("events", "oli"): "A/R"}


def test_suggested_letters_for_a_typical_team_pass_every_check() -> None:
    team = load_template("blank")
    for name, title in (("Pat", "Product Manager"), ("Oli", "Product Owner"), ("Sam", "Scrum Master"),
                        ("Dev", "Developer"), ("Dee", "Developer"), ("Quinn", "QA"), ("Stan", "Stakeholder")):
        team.add_person(name, [title])
    team.set_cells(suggest(team).cells)
    assert [finding.message for finding in check(team)] == []


def test_an_accountable_person_nobody_else_works_for_becomes_a_slash_r() -> None:
    cells = suggest_assignments(product_team())
    assert cells[("vision", "pat")] == "A/R"  # nobody else is R on the vision
    assert cells[("accept", "oli")] == "A"  # QA does the acceptance work


def test_a_row_without_side_or_topics_is_left_to_the_team() -> None:
    cells = suggest_assignments(product_team())
    assert not any(row == "custom" for row, _ in cells)


def test_filled_cells_are_never_overwritten_and_a_row_with_an_a_gets_no_second_one() -> None:
    team = product_team()
    team.set_cells({("vision", "oli"): "A", ("backlog", "oli"): "I"})
    cells = suggest_assignments(team)
    assert ("vision", "oli") not in cells and ("backlog", "oli") not in cells
    assert not any(_owns(letter) for (row, _), letter in cells.items() if row == "vision")
    assert cells[("backlog", "pat")] == "C"  # the owner's cell was filled, so nobody else takes the A


def test_the_owner_covers_a_missing_manager() -> None:
    team = Team()
    team.add_person("Oli", ["Product Owner"], person_id="oli")
    team.add_responsibility("Vision", side=Side.MANAGER, tags=["vision"], responsibility_id="vision")
    assert suggest_assignments(team) == {("vision", "oli"): "A/R"}


def test_category_words_count_as_topics_for_custom_rows() -> None:
    team = Team()
    row = team.add_responsibility("Security review", category="Quality & acceptance")
    assert row_topics(row) == {"quality"}


def test_the_summary_counts_each_letter_and_the_skipped_rows() -> None:
    summary = Suggestion({("a", "p"): "A", ("b", "p"): "R", ("c", "p"): "R", ("d", "q"): "I"},
                         skipped_rows=2).summary()
    assert summary == "Filled 4 cells: 2 R, 1 A, 1 I. 2 rows were skipped because they already had letters."


def test_a_filled_template_only_gains_letters_in_its_empty_cells() -> None:
    team = load_template("scrum-team")
    result = suggest(team)
    assert result.cells and all(team.cell(*key) is None for key in result.cells)
    assert result.skipped_rows > 0


def test_the_blank_template_has_nobody_to_suggest() -> None:
    assert suggest(load_template("blank")) == Suggestion({}, 0)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 7), st.integers(0, 6), st.sampled_from(["R", "A", "C", "I", "A/R"])),
                max_size=30))
def test_suggestions_never_touch_filled_cells_and_never_add_a_second_a(filled: list[tuple[int, int, str]]) -> None:
    team = product_team()
    rows, people = team.responsibilities, team.people
    team.set_cells({(rows[r].id, people[p].id): letter for r, p, letter in filled})
    cells = suggest_assignments(team)
    assert all(team.cell(*key) is None for key in cells)
    for row in rows:
        before = sum(1 for letter in team.row_letters(row.id).values() if "A" in letter)
        added = sum(1 for (rid, _), letter in cells.items() if rid == row.id and "A" in letter)
        assert added <= 1 and (before == 0 or added == 0)


@pytest.mark.parametrize("letter_set", BUILT_IN, ids=lambda letter_set: letter_set.id)
def test_every_set_gets_the_same_reading_in_its_own_letters(letter_set: LetterSet) -> None:
    raci = suggest_assignments(product_team())
    team = product_team()
    team.set_letter_set(letter_set)
    ours = suggest_assignments(team)
    assert ours.keys() == raci.keys()
    for key, cell in raci.items():
        assert [kind for kind in Kind if letter_set.kinds(ours[key]) & kind.bit] == \
            [kind for kind in Kind if RACI.kinds(cell) & kind.bit], key
    if letter_set is DACI:
        assert ours[("priorities", "pat")] == "A" and ours[("priorities", "oli")] == "D"
        assert "Filled" in suggest(team).summary() and " D" in suggest(team).summary()


def test_a_rasci_summary_lists_its_letters_in_the_sets_order() -> None:
    summary = Suggestion({("a", "p"): "S", ("b", "p"): "A/R", ("c", "p"): "R"}, letter_set=RASCI).summary()
    assert summary == "Filled 3 cells: 1 R, 1 S, 1 A/R."


def test_suggestions_are_computed_without_qt() -> None:
    import subprocess
    import sys

    code = "import sys, raci.suggest; print(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "False"
