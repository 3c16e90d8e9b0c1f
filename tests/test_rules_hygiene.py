"""Standard RACI hygiene: each rule fires, stays silent on a near miss, and follows the team's settings."""

from __future__ import annotations

from raci.findings import RACI_PRACTICE, Severity
from raci.model import RuleSetting, parse_letter

from tests.test_rules_support import findings_of, only_finding, row_id, team_of

ROW = {"Run the demo": ("other", [])}
NAMES = ["Ana", "Ben", "Chloé", "Dev", "Eve", "Finn"]
SIX = {name: [] for name in NAMES}


def _row(*letters: str):
    """One row; the letters go to Ana, Ben, Chloé... in order ('' leaves a cell blank)."""
    return team_of(ROW, SIX, {("Run the demo", name): letter for name, letter in zip(NAMES, letters) if letter})


def test_a_row_with_letters_but_no_a_is_an_error() -> None:
    finding = only_finding(_row("R", "C"), "no-accountable")
    assert finding.severity is Severity.ERROR
    assert finding.message == "\u201cRun the demo\u201d has letters but nobody accountable (no A)."
    assert finding.responsibilities == (row_id("Run the demo"),)
    assert finding.citation == (RACI_PRACTICE,)


def test_an_a_r_counts_as_accountable_and_a_blank_row_is_not_missing_one() -> None:
    assert findings_of(_row("A/R", "C"), "no-accountable") == findings_of(_row(), "no-accountable") == []


def test_two_accountable_people_on_one_row_are_named() -> None:
    finding = only_finding(_row("A", "A/R", "R"), "many-accountable")
    assert finding.severity is Severity.ERROR
    assert finding.message == "\u201cRun the demo\u201d has 2 people accountable: Ana and Ben."
    assert finding.responsibilities == (row_id("Run the demo"),) and finding.people == finding.cells == ()


def test_one_a_and_one_r_is_not_many_accountable() -> None:
    assert findings_of(_row("A", "R"), "many-accountable") == []


def test_a_row_without_anyone_doing_the_work_is_a_warning() -> None:
    finding = only_finding(_row("A", "C", "I"), "no-responsible")
    assert finding.severity is Severity.WARNING


def test_an_a_r_does_the_work() -> None:
    assert findings_of(_row("A/R", "C"), "no-responsible") == []


def test_an_empty_row_is_a_warning_and_a_filled_one_is_not() -> None:
    assert only_finding(_row(), "empty-row").message == "\u201cRun the demo\u201d has no letters yet."
    assert findings_of(_row("I"), "empty-row") == []


def test_a_blank_template_gives_one_empty_row_finding_per_row() -> None:
    rows = {f"Task {number}": ("other", []) for number in range(50)}
    assert len(findings_of(team_of(rows, SIX), "empty-row")) == 50


def test_someone_with_no_letters_is_idle_and_anyone_with_a_letter_is_not() -> None:
    found = findings_of(_row("A/R", "I"), "idle-person")
    assert [finding.message for finding in found] == [f"{name} has no letters in the matrix." for name in NAMES[2:]]
    assert all(finding.severity is Severity.INFO for finding in found)


# --------------------------------------------------------- overloaded-person
def _loads(*loads: int):
    """A team where the n-th person is A/R on ``loads[n]`` rows of their own."""
    rows = {f"Task {number}": ("other", []) for number in range(sum(loads))}
    letters, number = {}, 0
    for name, load in zip(NAMES, loads):
        for _ in range(load):
            letters[(f"Task {number}", name)] = "A/R"
            number += 1
    return team_of(rows, {name: [] for name in NAMES[: len(loads)]}, letters)


def test_a_person_with_far_more_work_than_the_rest_is_overloaded() -> None:
    finding = only_finding(_loads(8, 1, 1), "overloaded-person")
    assert finding.severity is Severity.WARNING
    assert finding.message == "Ana is R or A on 8 rows, more than twice the team's median of 1."
    assert len(finding.cells) == 8


def test_below_the_minimum_count_nobody_is_overloaded() -> None:
    assert findings_of(_loads(7, 1, 1), "overloaded-person") == []


def test_an_evenly_busy_team_has_nobody_overloaded() -> None:
    assert findings_of(_loads(9, 8, 8), "overloaded-person") == []


def test_the_overload_minimum_follows_the_teams_setting() -> None:
    team = _loads(4, 1, 1)
    assert findings_of(team, "overloaded-person") == []
    team.set_rule_setting("overloaded-person", RuleSetting(True, 3))
    assert len(findings_of(team, "overloaded-person")) == 1


# ------------------------------------------------------ too many C's and R's
def test_more_than_four_consulted_is_a_note_naming_them() -> None:
    finding = only_finding(_row("A", "C", "C", "C", "C", "C"), "too-many-consulted")
    assert finding.severity is Severity.INFO
    assert finding.message == "\u201cRun the demo\u201d consults 5 people (Ben, Chloé, Dev and 2 more)."
    assert findings_of(_row("A", "C", "C", "C", "C"), "too-many-consulted") == []


def test_the_consulted_limit_follows_the_teams_setting() -> None:
    team = _row("A", "C", "C", "C")
    team.set_rule_setting("too-many-consulted", RuleSetting(True, 2))
    assert len(findings_of(team, "too-many-consulted")) == 1


def test_more_than_three_responsible_suggests_splitting_the_task() -> None:
    finding = only_finding(_row("A/R", "R", "R", "R"), "too-many-responsible")
    assert finding.severity is Severity.INFO
    assert "Split" in finding.fix
    assert findings_of(_row("A/R", "R", "R"), "too-many-responsible") == []


def test_a_rule_the_team_switched_off_says_nothing() -> None:
    team = _row()
    team.set_rule_setting("empty-row", RuleSetting(enabled=False))
    assert findings_of(team, "empty-row") == []


def test_names_follow_the_columns_whatever_order_the_letters_were_typed_in() -> None:
    # Ten people; letters typed from the right, one at a time, as someone filling the grid backwards would.
    names = [f"Person {n}" for n in range(10)]
    team = team_of(ROW, {name: [] for name in names})
    row = row_id("Run the demo")
    people = [person.id for person in team.people]

    def typed_backwards(letters: list[str]) -> str:
        for person, letter in reversed(list(zip(people, letters))):
            team.set_cell(row, person, parse_letter(letter) if letter else None)
        return only_finding(team, "many-accountable").message

    sparse = ["A", "", "A", "", "", "", "", "", "", "A"]  # few letters on the row
    assert typed_backwards(sparse).endswith("3 people accountable: Person 0, Person 2 and Person 9.")
    busy = ["A", "C", "A/R", "I", "A", "", "R", "A", "", "A"]  # most of the row
    assert typed_backwards(busy).endswith("5 people accountable: Person 0, Person 2, Person 4 and 2 more.")
    full = ["C", "A", "I", "A", "R", "A/R", "C", "A", "I", "A"]  # every cell
    assert typed_backwards(full).endswith("5 people accountable: Person 1, Person 3, Person 5 and 2 more.")
