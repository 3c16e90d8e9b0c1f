"""Standard RACI hygiene: each rule fires, stays silent on a near miss, and follows the team's settings."""

from __future__ import annotations

from raci.findings import RACI_PRACTICE, Severity
from raci.letters import RACI, parse_cell
from raci.model import RuleSetting
from raci.rules import check

from tests.test_rules_support import findings_of, only_finding, person_id, row_id, team_of

ROW = {"Run the demo": ("other", [])}
NAMES = ["Ana", "Ben", "Chloé", "Dev", "Eve", "Finn"]
SIX = {name: [] for name in NAMES}


def _row(*letters: str):
    """One row; the letters go to Ana, Ben, Chloé... in order ('' leaves a cell blank)."""
    return team_of(ROW, SIX, {("Run the demo", name): letter
                              for name, letter in zip(NAMES, letters, strict=False) if letter})


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
    started = team_of({**ROW, "Ship it": ("other", [])}, SIX, {("Ship it", "Ana"): "A/R"})
    assert only_finding(started, "empty-row").message == "\u201cRun the demo\u201d has no letters yet."
    assert findings_of(_row("I"), "empty-row") == []


def test_once_a_letter_is_in_each_empty_row_is_its_own_finding() -> None:
    rows = {f"Task {number}": ("other", []) for number in range(50)}
    team = team_of(rows, SIX, {("Task 0", "Ana"): "A/R"})
    assert len(findings_of(team, "empty-row")) == 49


# --------------------------------------------------------------- not-started
def test_a_matrix_with_nobody_in_it_says_so_in_one_line() -> None:
    rows = {f"Task {number}": ("other", []) for number in range(54)}
    report = check(team_of(rows, {}))
    assert [(f.rule, f.severity, f.message) for f in report] == [
        ("not-started", Severity.INFO, "54 rows to fill, nobody in the team yet.")]


def test_a_matrix_with_people_and_no_letters_says_so_in_one_line() -> None:
    rows = {f"Task {number}": ("manager", ["vision"]) for number in range(3)}
    report = check(team_of(rows, SIX))
    assert [f.message for f in report] == ["3 rows to fill, 6 people in the team, no letters yet."]


def test_the_first_letter_starts_the_other_checks() -> None:
    rows = {f"Task {number}": ("other", []) for number in range(3)}
    team = team_of(rows, SIX)
    team.set_cell(row_id("Task 0"), person_id("Ana"), "R")
    rules = {finding.rule for finding in check(team)}
    assert "not-started" not in rules and {"empty-row", "no-accountable", "idle-person"} <= rules


def test_with_not_started_switched_off_every_empty_row_is_reported() -> None:
    rows = {f"Task {number}": ("other", []) for number in range(5)}
    team = team_of(rows, {})
    team.set_rule_setting("not-started", RuleSetting(enabled=False))
    assert len(findings_of(team, "empty-row")) == 5 and findings_of(team, "not-started") == []


def test_someone_with_no_letters_is_idle_and_anyone_with_a_letter_is_not() -> None:
    found = findings_of(_row("A/R", "I"), "idle-person")
    assert [finding.message for finding in found] == [f"{name} has no letters in the matrix." for name in NAMES[2:]]
    assert all(finding.severity is Severity.INFO for finding in found)


# --------------------------------------------------------- overloaded-person
def _loads(*loads: int, titles: tuple[str, ...] = ()):
    """A team where the n-th person is A/R on ``loads[n]`` rows of their own (titled ``titles[n]`` if given)."""
    rows = {f"Task {number}": ("other", []) for number in range(sum(loads))}
    letters, number = {}, 0
    for name, load in zip(NAMES, loads, strict=False):
        for _ in range(load):
            letters[(f"Task {number}", name)] = "A/R"
            number += 1
    people = {name: [titles[index]] if titles else [] for index, name in enumerate(NAMES[: len(loads)])}
    return team_of(rows, people, letters)


def test_a_person_with_far_more_work_than_the_rest_is_overloaded() -> None:
    finding = only_finding(_loads(8, 1, 1), "overloaded-person")
    assert finding.severity is Severity.WARNING
    assert finding.message == "Ana is R or A on 8 rows, more than twice the median of the 3 people without a title (1)."
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


DEVS = ("Product Manager", "Product Owner", "Developer", "Developer", "Developer")


def test_product_people_are_not_compared_with_developers() -> None:
    # As in the scrum-team starter: the two product people hold far more rows than the developers.
    assert findings_of(_loads(33, 29, 3, 3, 3, titles=DEVS), "overloaded-person") == []


def test_a_developer_far_busier_than_the_other_developers_is_overloaded() -> None:
    finding = only_finding(_loads(30, 20, 25, 3, 3, titles=DEVS), "overloaded-person")
    assert finding.people == (person_id("Chloé"),)
    assert finding.message.endswith("more than twice the median of the 3 people titled Developer (3).")


def test_two_people_sharing_a_title_are_too_few_to_compare() -> None:
    assert findings_of(_loads(25, 3, titles=("Developer", "Developer")), "overloaded-person") == []


# ------------------------------------------------- accountable-for-too-much
def _accountable(count: int, rows: int = 10):
    table = {f"Task {number}": ("other", []) for number in range(rows)}
    letters = {(f"Task {n}", "Ana" if n < count else "Ben"): "A" for n in range(rows)}
    letters.update({(f"Task {n}", "Chloé"): "R" for n in range(rows)})
    return team_of(table, {"Ana": [], "Ben": [], "Chloé": []}, letters)


def test_one_person_accountable_for_most_rows_gets_a_note() -> None:
    finding = only_finding(_accountable(7), "accountable-for-too-much")
    assert finding.severity is Severity.INFO
    assert finding.message == "Ana is accountable for 7 of the 10 rows (70%)."
    assert len(finding.cells) == 7


def test_accountable_for_two_thirds_or_less_is_not_too_much() -> None:
    assert findings_of(_accountable(6), "accountable-for-too-much") == []
    assert findings_of(_accountable(2, rows=3), "accountable-for-too-much") != []  # 67% is past two thirds


def test_the_accountability_share_follows_the_teams_setting() -> None:
    team = _accountable(5)
    assert findings_of(team, "accountable-for-too-much") == []
    team.set_rule_setting("accountable-for-too-much", RuleSetting(True, 40))
    found = findings_of(team, "accountable-for-too-much")
    assert [f.people for f in found] == [(person_id("Ana"),), (person_id("Ben"),)]


# ------------------------------------------------------------------ onlooker
def test_someone_only_consulted_or_informed_is_an_onlooker() -> None:
    team = team_of({**ROW, "Ship it": ("other", [])}, SIX,
                   {("Run the demo", "Ana"): "A/R", ("Ship it", "Ana"): "A/R", ("Run the demo", "Ben"): "C",
                    ("Ship it", "Ben"): "I"})
    finding = only_finding(team, "onlooker")
    assert finding.severity is Severity.INFO
    assert finding.message == "Ben is only consulted or informed, never responsible or accountable."


def test_one_r_makes_a_contributor_and_a_stakeholder_is_expected_to_watch() -> None:
    people = {"Ana": [], "Ben": [], "Carla": ["Stakeholder"], "Sam": ["Sponsor"]}
    team = team_of(ROW, people, {("Run the demo", "Ana"): "A", ("Run the demo", "Ben"): "R",
                                 ("Run the demo", "Carla"): "C", ("Run the demo", "Sam"): "I"})
    assert findings_of(team, "onlooker") == []


def test_the_onlooker_note_can_be_switched_off() -> None:
    team = _row("A/R", "C")
    assert len(findings_of(team, "onlooker")) == 1
    team.set_rule_setting("onlooker", RuleSetting(enabled=False))
    assert findings_of(team, "onlooker") == []


# ------------------------------------------------------------- informed-only
def test_a_row_where_everyone_is_only_informed_is_one_error() -> None:
    report = check(_row("I", "I"))
    finding = only_finding(_row("I", "I"), "informed-only")
    assert finding.severity is Severity.ERROR
    assert finding.message == "\u201cRun the demo\u201d has only I's: 2 people told, nobody owning or doing it."
    assert [f.rule for f in report if f.responsibilities] == ["informed-only"]  # not no-accountable, no-responsible


def test_one_c_among_the_is_is_not_informed_only() -> None:
    team = _row("I", "C")
    assert findings_of(team, "informed-only") == []
    assert len(findings_of(team, "no-accountable")) == 1


def test_with_informed_only_switched_off_the_plain_rules_speak() -> None:
    team = _row("I")
    team.set_rule_setting("informed-only", RuleSetting(enabled=False))
    assert {f.rule for f in check(team) if f.responsibilities} == {"no-accountable", "no-responsible"}


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
    team = team_of({**ROW, "Ship it": ("other", [])}, SIX, {("Ship it", "Ana"): "A/R"})
    team.set_rule_setting("empty-row", RuleSetting(enabled=False))
    assert findings_of(team, "empty-row") == []


def test_names_follow_the_columns_whatever_order_the_letters_were_typed_in() -> None:
    # Ten people; letters typed from the right, one at a time, as someone filling the grid backwards would.
    names = [f"Person {n}" for n in range(10)]
    team = team_of(ROW, {name: [] for name in names})
    row = row_id("Run the demo")
    people = [person.id for person in team.people]

    def typed_backwards(letters: list[str]) -> str:
        for person, letter in reversed(list(zip(people, letters, strict=True))):
            team.set_cell(row, person, parse_cell(letter, RACI))
        return only_finding(team, "many-accountable").message

    sparse = ["A", "", "A", "", "", "", "", "", "", "A"]  # few letters on the row
    assert typed_backwards(sparse).endswith("3 people accountable: Person 0, Person 2 and Person 9.")
    busy = ["A", "C", "A/R", "I", "A", "", "R", "A", "", "A"]  # most of the row
    assert typed_backwards(busy).endswith("5 people accountable: Person 0, Person 2, Person 4 and 2 more.")
    full = ["C", "A", "I", "A", "R", "A/R", "C", "A", "I", "A"]  # every cell
    assert typed_backwards(full).endswith("5 people accountable: Person 1, Person 3, Person 5 and 2 more.")
