"""The checks in every letter set: they count kinds, and speak in the set's own words."""

from __future__ import annotations

import pytest

from raci.findings import Severity
from raci.letters import BUILT_IN, CAIRO, DACI, RACI, RACI_VS, RASCI, Kind, LetterDef, LetterSet
from raci.model import RuleSetting
from raci.rules import RULES

from tests.test_rules_support import findings_of, only_finding, row_id, team_of

ROW = {"Run the demo": ("other", [])}
NAMES = ["Ana", "Ben", "Chloé", "Dev", "Eve", "Finn"]
SIX = {name: [] for name in NAMES}
DEMO = "\u201cRun the demo\u201d"


def _row(letter_set: LetterSet, *cells: str, rows: dict[str, tuple[str, list[str]]] = ROW):
    """One row in ``letter_set``; the cells go to Ana, Ben, Chloé... in order ('' leaves a cell blank)."""
    title = next(iter(rows))
    return team_of(rows, SIX, {(title, name): cell for name, cell in zip(NAMES, cells, strict=False) if cell},
                   letter_set=letter_set)


def _symbol(letter_set: LetterSet, kind: Kind) -> str:
    letter = letter_set.first(kind)
    assert letter is not None
    return letter.symbol


# The words each built-in set's findings use: (no owner, no doer, fix of a row without an owner).
OWN_WORDS = {
    "raci": ("(no A).", "(no R).", "Give one person an A (or A/R) on this row."),
    "rasci": ("(no A).", "(no R).", "Give one person an A (or A/R) on this row."),
    "daci": ("(no Approver).", "(no Driver).", "Give one person the Approver role (or A/D) on this row."),
    "cairo": ("(no A).", "(no R).", "Give one person an A (or A/R) on this row."),
    "raci-vs": ("(no A).", "(no R).", "Give one person an A (or A/R) on this row."),
}


@pytest.mark.parametrize("letter_set", BUILT_IN, ids=lambda letter_set: letter_set.id)
def test_a_row_without_an_owner_or_a_doer_is_named_in_the_sets_own_words(letter_set: LetterSet) -> None:
    no_owner, no_doer, fix = OWN_WORDS[letter_set.id]
    doer, owner = _symbol(letter_set, Kind.DOES), _symbol(letter_set, Kind.OWNS)
    finding = only_finding(_row(letter_set, doer, _symbol(letter_set, Kind.ASKED)), "no-accountable")
    assert finding.message == f"{DEMO} has letters but nobody accountable {no_owner}"
    assert finding.fix == fix
    finding = only_finding(_row(letter_set, owner), "no-responsible")
    assert finding.message == f"{DEMO} has nobody responsible for doing the work {no_doer}"


@pytest.mark.parametrize("letter_set", BUILT_IN, ids=lambda letter_set: letter_set.id)
def test_two_owners_in_any_set_are_one_error_naming_them(letter_set: LetterSet) -> None:
    owner, doer = _symbol(letter_set, Kind.OWNS), _symbol(letter_set, Kind.DOES)
    both = letter_set.cell(owner, doer)
    finding = only_finding(_row(letter_set, owner, both, doer), "many-accountable")
    assert finding.severity is Severity.ERROR
    assert finding.message == f"{DEMO} has 2 people accountable: Ana and Ben."
    assert findings_of(_row(letter_set, both, doer), "many-accountable") == []


def test_daci_speaks_of_approvers_drivers_and_contributors() -> None:
    finding = only_finding(_row(DACI, "D", "D", "D", "D", "A"), "too-many-responsible")
    assert finding.fix == "Split this row into smaller tasks, each with one or two Driver roles."
    finding = only_finding(_row(DACI, "A", "A", "D"), "many-accountable")
    assert finding.fix == "Keep one Approver on this row and change the others to Driver or Contributor."
    team = _row(DACI, "A/D", "C", "C", "I", "C")
    assert findings_of(team, "onlooker")[0].message == "Ben is only Contributor or Informed, never Driver or Approver."
    assert only_finding(_row(DACI, "I", "I"), "informed-only").message == (
        f"{DEMO} has only Informed roles: 2 people told, nobody owning or doing it.")


def test_rasci_support_helps_with_the_work_without_being_responsible_for_it() -> None:
    team = _row(RASCI, "A", "S", "S")
    assert only_finding(team, "no-responsible").message == f"{DEMO} has nobody responsible for doing the work (no R)."
    assert findings_of(team, "onlooker") == []  # a helper is not an onlooker
    assert findings_of(_row(RASCI, "A", "R/S", "S"), "no-responsible") == []


def test_cairo_out_of_the_loop_is_a_letter_but_not_involvement() -> None:
    team = _row(CAIRO, "A/R", "O", "O")
    assert findings_of(team, "onlooker") == []
    assert [finding.people for finding in findings_of(team, "idle-person")] == [("dev",), ("eve",), ("finn",)]
    assert only_finding(_row(CAIRO, "O", "O"), "no-accountable").message == (
        f"{DEMO} has letters but nobody accountable (no A).")


def test_raci_vs_signatories_are_asked_and_verifiers_help() -> None:
    finding = only_finding(_row(RACI_VS, "A/R", "C", "S", "S", "C", "S"), "too-many-consulted")
    assert finding.message == f"{DEMO} consults 5 people (Ben, Chloé, Dev and 2 more)."
    team = _row(RACI_VS, "A/R", "V")
    assert findings_of(team, "onlooker") == [] and findings_of(team, "many-accountable") == []


def test_the_article_checks_name_the_sets_owner() -> None:
    rows = {"Order the backlog": ("owner", ["backlog"])}
    finding = only_finding(_row(DACI, "D", rows=rows), "backlog-unowned")
    assert finding.message == ("Nobody is accountable for the product backlog: \u201cOrder the backlog\u201d "
                               "has no Approver.")
    assert finding.fix == "Give the product owner the Approver role on every backlog row."
    assert only_finding(_row(RASCI, "R", rows=rows), "backlog-unowned").fix == \
        "Give the product owner an A on every backlog row."


def test_a_teams_own_set_is_checked_by_the_kinds_of_its_letters() -> None:
    studio = LetterSet("studio", "Studio", (
        LetterDef("M", "Maker", "makes it", Kind.DOES), LetterDef("O", "Owner", "answers for it", Kind.OWNS),
        LetterDef("E", "Expert", "is asked", Kind.ASKED), LetterDef("H", "Hand", "lends a hand", Kind.HELPS),
    ))
    finding = only_finding(_row(studio, "M", "E"), "no-accountable")
    assert finding.message == f"{DEMO} has letters but nobody accountable (no O)."
    assert finding.fix == "Give one person an O (or O/M) on this row."
    assert only_finding(_row(studio, "O", "H"), "no-responsible").fix == \
        "Give someone an M, or make the O an O/M."
    assert findings_of(_row(studio, "O/M", "E", "E"), "no-accountable") == []
    assert only_finding(_row(studio, "O/M", "E", "E", "E", "E", "E"), "too-many-consulted").fix == \
        "Keep the E of those whose say the work needs."  # no told letter to turn them into


def test_a_letter_beside_informed_is_a_note_not_a_refusal() -> None:
    team = _row(RACI, "A/R", "C/I", "R/I", "I")
    finding = only_finding(team, "letter-adds-nothing")
    assert finding.severity is Severity.INFO
    assert finding.message == f"{DEMO}: Ben and Chloé hold I beside another letter, which adds nothing."
    assert finding.cells == ((row_id("Run the demo"), "ben"), (row_id("Run the demo"), "chloe"))
    assert team.cell(row_id("Run the demo"), "ben") == "C/I"  # kept as written
    assert findings_of(_row(RACI, "A/R", "C", "I"), "letter-adds-nothing") == []
    team.set_rule_setting("letter-adds-nothing", RuleSetting(enabled=False))
    assert findings_of(team, "letter-adds-nothing") == []
    assert RULES["letter-adds-nothing"].severity is Severity.INFO


def test_an_informed_beside_another_letter_does_not_make_a_row_informed_only() -> None:
    assert findings_of(_row(RACI, "C/I", "I"), "informed-only") == []
    assert len(findings_of(_row(RACI, "I", "I"), "informed-only")) == 1
