"""Reading cells as sheets write them, and choosing the letter set a sheet uses."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from raci.letters import (
    BLANK,
    BUILT_IN,
    CAIRO,
    DACI,
    NOT_INVOLVED,
    RACI,
    RACI_VS,
    RASCI,
    Kind,
    LetterDef,
    LetterSet,
    Reading,
    UnreadableCell,
    builtin,
    choose_set,
    legend_pairs,
    parse_cell,
    read_cell,
    reads,
)
from raci.letters.reading import MAX_TEXT

ROOT = Path(__file__).resolve().parents[1]
# The shared import cases sit beside the checkouts: ../shared from the main
# checkout, ../../shared from a worktree under wt/.
CASES = next((path for path in (ROOT.parent / "shared" / "import-cases", ROOT.parent.parent / "shared" / "import-cases")
              if (path / "expected.json").is_file()), None)


# ----------------------------------------------------------------- spellings
@pytest.mark.parametrize("text", ["A/R", "R/A", "AR", "RA", "ar", "A,R", "R, A", "R (A)", "A & R", " a / r ",
                                  "A and R", "R+A", "A;R", "Ａ／Ｒ", "ＡＲ", "Р/А", "Α/Ρ", "A\u200b/R", "A\u2215R",
                                  "Accountable/Responsible", "Responsible, Accountable"])
def test_every_usual_spelling_of_owner_and_doer_reads_as_a_r(text: str) -> None:
    assert read_cell(text, RACI) == Reading("A/R")


@pytest.mark.parametrize(("text", "cell"), [
    ("R/C", "R/C"), ("C/I", "C/I"), ("I/C", "C/I"), ("A C I", "A/C/I"), ("R+C", "R/C"), ("c", "C"),
    ("Responsible", "R"), ("accountable", "A"), ("CONSULTED", "C"), ("Informed", "I"),
    ("Responsable", "R"), ("Approbateur", "A"), ("Consulté", "C"), ("Consulte", "C"), ("Informé", "I"),
    ("Aprobador", "A"), ("Informiert", "I"), ("Consultado", "C"),
])
def test_letters_and_words_read_as_their_letters_in_raci(text: str, cell: str) -> None:
    assert parse_cell(text, RACI) == cell


@pytest.mark.parametrize("text", ["N", "n", "-", "--", "/", "n/a", "N/A", "—", "–", "none", "Not involved",
                                  "out of the loop", "－"])
def test_explicit_not_involved_marks_read_as_a_blank_the_sheet_meant(text: str) -> None:
    assert read_cell(text, RACI) is NOT_INVOLVED
    assert parse_cell(text, RACI) is None


@pytest.mark.parametrize("text", [None, "", "   ", "\u200b", "\ufeff "])
def test_nothing_reads_as_plain_blank(text: str | None) -> None:
    assert read_cell(text, RACI) is BLANK


def test_a_set_with_a_not_involved_letter_reads_the_marks_as_that_letter() -> None:
    assert parse_cell("-", CAIRO) == "O" and parse_cell("n/a", CAIRO) == "O"
    assert parse_cell("Out of the loop", CAIRO) == "O"
    with pytest.raises(UnreadableCell, match="'R/-' is not a CAIRO letter"):
        read_cell("R/-", CAIRO)  # a mark among letters contradicts them


def test_a_teams_own_letters_win_over_the_not_involved_marks() -> None:
    own = LetterSet("ours", "Ours", (LetterDef("N", "Lead", "", Kind.OWNS), LetterDef("A", "Doer", "", Kind.DOES)))
    assert parse_cell("N/A", own) == "N/A" and parse_cell("n", own) == "N"
    assert read_cell("-", own) is NOT_INVOLVED


def test_words_read_as_the_sets_own_letter_of_their_kind() -> None:
    assert parse_cell("Responsible", DACI) == "D"
    assert parse_cell("Accountable/Driver", DACI) == "A/D"
    assert parse_cell("Support", RASCI) == "S"
    assert parse_cell("Soutien", RASCI) == "S"
    assert parse_cell("Consulted", RACI_VS) == "C"
    assert parse_cell("Sign-off", RACI_VS) == "S"


@pytest.mark.parametrize(("text", "sentence"), [
    ("X", "'X' is not a RACI letter; use R, A, C or I, or several joined by '/' like A/R."),
    ("RR!", "'RR!' is not a RACI letter"),
    ("Ric", "'Ric' is not a RACI letter"),  # a name, not R, I and C run together
    ("()", "'()' is not a RACI letter"),
    ("R/-", "'R/-' is not a RACI letter"),  # a mark among letters contradicts them, in every set
    (3, "'3' is not a RACI letter"),
    (2.5, "'2.5' is not a RACI letter"),
    ("R" * (MAX_TEXT + 1), "is not a RACI letter"),
])
def test_anything_else_is_refused_naming_the_value(text: object, sentence: str) -> None:
    with pytest.raises(UnreadableCell, match=sentence.replace("(", r"\(").replace(")", r"\)")) as raised:
        read_cell(text, RACI)
    assert raised.value.value == text and raised.value.other_sets == ()
    assert reads(text, RACI) is None


def test_a_long_value_is_quoted_short() -> None:
    with pytest.raises(UnreadableCell) as raised:
        read_cell("This cell holds a long note about the deliverable and its owner", RACI)
    assert "'This cell holds a long note about the d…' is not a RACI letter" in str(raised.value)


@pytest.mark.parametrize(("text", "sets", "sentence"), [
    ("S", ("rasci", "raci-vs"), "'S' is a letter of RASCI (Support) or RACI-VS (Signatory), not of RACI; "
                                "switch the team's letters to RASCI to use it."),
    ("D", ("daci",), "'D' is a letter of DACI (Driver), not of RACI"),
    ("V", ("raci-vs",), "'V' is a letter of RACI-VS (Verifier)"),
    ("O", ("cairo",), "'O' is a letter of CAIRO (Out of the loop)"),
    ("Support", ("rasci",), "'Support' is a letter of RASCI (Support)"),
    ("R/S", ("rasci", "raci-vs"), "'R/S' is a letter of RASCI (Responsible and Support)"),
])
def test_a_letter_of_another_built_in_set_is_named_as_such(text: str, sets: tuple[str, ...], sentence: str) -> None:
    with pytest.raises(UnreadableCell) as raised:
        read_cell(text, RACI)
    assert tuple(other.id for other in raised.value.other_sets) == sets
    assert str(raised.value).startswith(sentence)


def test_a_value_read_twice_gives_the_same_answer_from_memory() -> None:
    for _ in range(2):
        assert read_cell("r / a", RASCI) == Reading("A/R")
        with pytest.raises(UnreadableCell, match="'D' is a letter of DACI"):
            read_cell("D", RASCI)


@given(st.text(max_size=80))
def test_any_text_reads_or_is_refused_in_a_sentence_never_anything_else(text: str) -> None:
    for letter_set in BUILT_IN:
        try:
            reading = read_cell(text, letter_set)
        except UnreadableCell as error:
            assert str(error).startswith("'") and reads(text, letter_set) is None
        else:
            assert reading.cell is None or letter_set.is_cell(reading.cell)
            assert not (reading.cell and reading.not_involved)


# ----------------------------------------------------------------- choosing a set
def test_a_legend_is_read_in_the_ways_sheets_write_it() -> None:
    text = "Legend: R = Responsible; A: Accountable\nKey - S - Support | Consulted (C), I – Informed"
    assert legend_pairs(text) == [("R", "Responsible"), ("A", "Accountable"), ("S", "Support"),
                                  ("C", "Consulted"), ("I", "Informed")]
    assert legend_pairs("Phase 1: Start") == []
    assert legend_pairs("") == []


@pytest.mark.parametrize(("texts", "legend", "chosen", "reason"), [
    (["R", "A", "C", "I", "A/R", "-"], "", "raci", "RACI: every letter the sheet uses fits it."),
    (["R", "A", "S"], "", "rasci", "RASCI: the sheet uses S (Support)."),
    (["R", "A"], "R = Responsible; S = Support", "rasci", "RASCI: its legend lists S = Support."),
    (["D", "A", "C"], "", "daci", "DACI: the sheet uses D (Driver)."),
    (["Driver", "Approver", "Informed"], "", "daci",
     "DACI: the sheet writes 'Driver' and 'Approver', as DACI names its letters."),
    (["R", "A", "O"], "", "cairo", "CAIRO: the sheet uses O (Out of the loop)."),
    (["R", "A", "V", "S"], "", "raci-vs", "RACI-VS: the sheet uses V (Verifier) and S (Signatory)."),
    (["R", "A"], "S = Signatory", "raci-vs", "RACI-VS: its legend lists S = Signatory."),
    (["R", "A", "Q"], "", "raci", "RACI: it reads more of the sheet's letters than any other set."),
    ([], "", "raci", "RACI, the default: the sheet holds no letters it can read."),
])
def test_the_set_a_sheet_uses_is_chosen_with_its_reason(texts: list[str], legend: str, chosen: str,
                                                        reason: str) -> None:
    choice = choose_set(texts, legend)
    assert (choice.letter_set.id, choice.reason) == (chosen, reason)


def test_what_the_chosen_set_cannot_read_is_handed_back() -> None:
    assert choose_set(["R", "A", "Q", 7, "Q", None, "  "]).unread == ("Q",)


def test_the_teams_own_set_wins_a_tie_when_it_comes_first() -> None:
    own = LetterSet("ours", "Ours", RASCI.letters)
    assert choose_set(["R", "A"], candidates=(own, *BUILT_IN)).letter_set is own


# ----------------------------------------------------------------- the shared import cases
# The cells of ../shared/import-cases that need more than a plain letter,
# so the spellings are checked where the cases are not beside the checkout.
@pytest.mark.parametrize(("text", "letter_set", "expected"), [
    ("Responsible", RACI, "R"), ("Accountable", RACI, "A"), ("r", RACI, "R"), ("a/r", RACI, "A/R"),
    ("R/C", RACI, "R/C"), ("C/I", RACI, "C/I"), ("N", RACI, None), ("-", RACI, None),
    ("S", RASCI, "S"), ("A/R", RASCI, "A/R"),
])
def test_the_import_cases_spellings_read_as_expected(text: str, letter_set: LetterSet, expected: str | None) -> None:
    assert parse_cell(text, letter_set) == expected


def _case_cells(name: str) -> tuple[list[list[str]], dict]:
    expected = json.loads((CASES / "expected.json").read_text(encoding="utf-8"))  # type: ignore[operator]
    spec = expected[name]
    spec = expected[spec["same_as"]] if "same_as" in spec else spec
    with (CASES / name).open(encoding="utf-8", newline="") as handle:  # type: ignore[operator]
        return [row for row in csv.reader(handle)], spec


def _found(rows: list[list[str]], title: str, person: str) -> str:
    """The sheet's text for (row title, person): by row and column, transposed, or pivoted (names in cells)."""
    def name(header: str) -> str:
        return header.split("(")[0].strip()

    header = rows[0]
    for row in rows[1:]:
        if title in row:
            if person in map(name, header):
                return row[[name(h) for h in header].index(person)]
            if person in row:  # pivoted: the column's header is the letter
                return header[row.index(person)]
    if title in header and any(row and row[0] == person for row in rows):  # transposed
        return next(row for row in rows if row and row[0] == person)[header.index(title)]
    raise AssertionError(f"{title} / {person} not found")


@pytest.mark.skipif(CASES is None, reason="the shared import cases are not beside this checkout")
@pytest.mark.parametrize("name", sorted(path.name for path in CASES.glob("*.csv")) if CASES else [])
def test_every_import_case_cell_reads_as_its_expected_letters_in_the_chosen_set(name: str) -> None:
    rows, spec = _case_cells(name)
    people = [person if isinstance(person, str) else person["name"] for person in spec["people"]]
    texts = {(row["title"], person): _found(rows, row["title"], person)
             for row in spec["rows"] for person in people}
    legend = "\n".join(",".join(row) for row in rows)
    letter_set = choose_set(texts.values(), legend).letter_set
    assert letter_set is builtin(spec.get("letter_set", "RACI").lower())
    for row in spec["rows"]:
        for person in people:
            wanted = row["cells"].get(person)
            got = parse_cell(texts[(row["title"], person)], letter_set)
            assert got == (parse_cell(wanted, letter_set) if wanted else None), (row["title"], person)


@given(st.one_of(st.sampled_from(["R", "a/r", "R (A)", "A C I", "Responsable", "Support", "n/a", "—", "Driver",
                                  "Out of the loop", "RACI", "Sign-off", "c ; i", "ＡＲ"]),
                 st.text(max_size=12)))
def test_the_quick_test_never_refuses_what_a_built_in_set_reads(value: str) -> None:
    from raci.letters import BUILT_IN, reads
    from raci.letters.reading import maybe_letters

    if any(reads(value, letters) is not None for letters in BUILT_IN):
        assert maybe_letters(value), value


def test_the_quick_test_refuses_notes_and_numbers() -> None:
    from raci.letters.reading import maybe_letters

    assert not maybe_letters("not a letter: just some text to read here")
    assert not maybe_letters(3) and not maybe_letters(None)
