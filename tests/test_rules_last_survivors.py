"""The wording of findings at its edges: lists at their limit, letters with "a" or "an", hints on a new matrix."""

from __future__ import annotations

from raci.letters import RACI
from raci.model import Team
from raci.rules import RULES, Checker, check
from raci.rules.wording import LetterWords, letter_words, listing, listing_of

from tests.test_rules_support import findings_of, only_finding, person_id, row_id, team_of

NAMES = ["Ana", "Ben", "Chloé", "Dev", "Eve", "Finn"]


# ------------------------------------------------------------------ lists in messages
def test_a_list_of_nothing_reads_as_nothing() -> None:
    assert listing([]) == ""


def test_one_over_the_limit_is_named_rather_than_counted() -> None:
    assert listing(["Ana", "Ben", "Chloé", "Dev"]) == "Ana, Ben, Chloé and Dev"
    assert listing_of(["a", "b", "c", "d"], str.upper) == "A, B, C and D"


def test_two_over_the_limit_are_counted() -> None:
    assert listing(NAMES[:5]) == "Ana, Ben, Chloé and 2 more"
    assert listing_of(["a", "b", "c", "d", "e"], str.upper) == "A, B, C and 2 more"


def test_a_longer_limit_names_everyone_up_to_it() -> None:
    assert listing_of(["a", "b", "c", "d", "e"], str.upper, limit=5) == "A, B, C, D and E"


# ------------------------------------------------------------------ letters in sentences
def test_letters_take_a_or_an_as_they_are_spoken() -> None:
    words = letter_words(RACI)
    assert words.a("A") == "an A"
    assert words.a("C") == "a C"


def test_either_lists_the_letters_a_set_has() -> None:
    assert LetterWords.either("R", "C", "I") == "R, C or I"
    assert LetterWords.either("R", "", "I") == "R or I"
    assert LetterWords.either("R", "") == "R"
    assert LetterWords.either("", "") == ""


# ------------------------------------------------------------------ a matrix not started
def test_an_empty_team_is_told_to_add_people_first() -> None:
    finding = only_finding(team_of({"Ship it": ("other", [])}, {}), "not-started")
    assert finding.message == "1 row to fill, nobody in the team yet."
    assert finding.fix == "Add the people of the team, then fill in who does and who owns each row."


def test_one_person_and_no_letters_is_told_how_to_start() -> None:
    finding = only_finding(team_of({"Ship it": ("other", [])}, {"Ana": []}), "not-started")
    assert finding.message == "1 row to fill, 1 person in the team, no letters yet."
    assert finding.fix == "Fill in who does (R) and who owns (A) each row; the checks start with the first letter."


# ------------------------------------------------------------------ what a finding holds
def test_a_finding_without_a_fix_or_explanation_takes_the_rules_own() -> None:
    rule = RULES.get("not-started")
    finding = rule.finding("Nothing yet.")
    assert finding.fix == ""
    assert finding.explanation == rule.explanation
    assert rule.finding("Nothing yet.", explanation="Because.").explanation == "Because."


def test_a_finding_keeps_the_cells_rows_and_people_it_was_given() -> None:
    rule = RULES.get("not-started")
    cells = [("row-1", "person-1"), ("row-2", "person-1")]
    finding = rule.finding("Two cells.", responsibilities=iter(["row-1"]), people=iter(["person-1"]),
                           cells=iter(cells))
    assert finding.cells == tuple(cells) and finding.cells == tuple(cells)
    assert finding.responsibilities == ("row-1",) and finding.people == ("person-1",)
    assert rule.finding("Listed.", cells=cells).cells == tuple(cells)


# ------------------------------------------------------------------ one defect, reported once
def test_an_informed_only_row_hides_its_own_missing_a_but_not_another_rows() -> None:
    team = team_of({"News": ("other", []), "Work": ("other", [])}, {name: [] for name in NAMES[:2]},
                   {("News", "Ana"): "I", ("News", "Ben"): "I", ("Work", "Ana"): "R", ("Work", "Ben"): "C"})
    assert [f.responsibilities for f in findings_of(team, "no-accountable")] == [(row_id("Work"),)]
    assert [f.responsibilities for f in findings_of(team, "informed-only")] == [(row_id("News"),)]


# ------------------------------------------------------------------ both roles and forecasting
def test_both_roles_and_forecasting_are_named_in_one_sentence() -> None:
    team = team_of({"Set the vision": ("manager", ["vision"]), "Order the backlog": ("owner", ["backlog"]),
                    "Forecast revenue": ("manager", ["finance", "forecasting"])},
                   {"Ana Lima": ["Product Manager"]},
                   {("Set the vision", "Ana Lima"): "A", ("Order the backlog", "Ana Lima"): "A",
                    ("Forecast revenue", "Ana Lima"): "R"})
    finding = only_finding(team, "combined-roles")
    assert finding.message == ("Ana Lima holds both product roles: accountable for \u201cSet the vision\u201d on the "
                               "manager's side and for \u201cOrder the backlog\u201d on the owner's side, and also "
                               "works on \u201cForecast revenue\u201d, which Cowan says competes for the owner's time.")
    assert finding.people == (person_id("Ana Lima"),)
    assert check(team)


# ------------------------------------------------------------------ rows and people of the same name
def _two_rows_called_task() -> tuple[Team, str, str]:
    """Two rows titled "Task", the second one moved to the top, and a third row filled."""
    team = team_of({"Task": ("other", []), "Ship": ("other", [])}, {"Ana": [], "Ben": []},
                   {("Ship", "Ana"): "A/R"})
    second = team.add_responsibility("Task").id
    team.move_responsibility(second, 0)
    return team, second, row_id("Task")


def test_equal_messages_come_in_row_order() -> None:
    team, second, first = _two_rows_called_task()
    assert [f.responsibilities for f in findings_of(team, "empty-row")] == [(second,), (first,)]


def test_a_checker_follows_two_edits_on_rows_of_the_same_name() -> None:
    team, second, first = _two_rows_called_task()
    with Checker(team) as checker:
        team.set_cell(first, person_id("Ana"), "R")
        checker.report()
        team.set_cell(second, person_id("Ana"), "R")  # the same message as the first row's
        team.set_cell(second, person_id("Ana"), "C")
        assert checker.report() == check(team)
        assert [f.responsibilities for f in findings_of(checker.report(), "no-accountable")] == [
            (second,), (first,)]


def test_a_checker_follows_an_edit_made_before_its_first_report() -> None:
    team = team_of({"Ship": ("other", [])}, {"Ana": []})
    with Checker(team) as checker:
        team.set_cell(row_id("Ship"), person_id("Ana"), "R")
        assert [f.message for f in findings_of(checker.report(), "no-accountable")] == [
            "\u201cShip\u201d has letters but nobody accountable (no A)."]


# ------------------------------------------------------------------ people compared with their peers
def test_busier_peers_lift_the_median_for_everyone_in_a_checker() -> None:
    rows = {f"Task {number}": ("other", []) for number in range(10)}
    developers = {"Ana": ["Developer"], "Ben": ["Developer"], "Chloé": ["Developer"]}
    team = team_of(rows, developers, {**{(f"Task {number}", "Ana"): "A/R" for number in range(9)},
                                      ("Task 9", "Ben"): "A/R", ("Task 9", "Chloé"): "R"})
    with Checker(team) as checker:
        assert [f.people for f in findings_of(checker.report(), "overloaded-person")] == [(person_id("Ana"),)]
        team.set_cell(row_id("Task 9"), person_id("Ana"), "C")  # no one's load changes
        assert [f.people for f in findings_of(checker.report(), "overloaded-person")] == [(person_id("Ana"),)]
        team.set_cells({**{(row_id(f"Task {number}"), person_id("Ben")): "R" for number in range(5)},
                        **{(row_id(f"Task {number}"), person_id("Chloé")): "R" for number in range(5)}})
        assert findings_of(checker.report(), "overloaded-person") == []
        assert checker.report() == check(team)


def test_the_cells_of_someone_accountable_for_too_much_are_their_as() -> None:
    team = team_of({"One": ("other", []), "Two": ("other", []), "Three": ("other", [])}, {"Ana": [], "Ben": []},
                   {("One", "Ana"): "A/R", ("Two", "Ana"): "A", ("Two", "Ben"): "R",
                    ("Three", "Ana"): "C", ("Three", "Ben"): "A/R"})
    finding = only_finding(team, "accountable-for-too-much")
    assert finding.message == "Ana is accountable for 2 of the 3 rows (67%)."
    assert finding.cells == ((row_id("One"), person_id("Ana")), (row_id("Two"), person_id("Ana")))


def test_owning_other_work_and_the_backlog_is_not_holding_both_roles() -> None:
    team = team_of({"Run the demo": ("other", []), "Write the plan": ("manager", []),
                    "Order the backlog": ("owner", ["backlog"])}, {"Ana Lima": ["Product Owner"]},
                   {("Run the demo", "Ana Lima"): "A/R", ("Write the plan", "Ana Lima"): "A/R",
                    ("Order the backlog", "Ana Lima"): "A/R"})
    assert findings_of(team, "combined-roles") == []
