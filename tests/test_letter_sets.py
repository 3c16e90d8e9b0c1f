"""Letter sets: the built-in sets, a team's own, cells in one spelling, typing, and the team file's form."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from itertools import compress

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from raci.letters import (
    BUILT_IN,
    CAIRO,
    DACI,
    DEFAULT,
    RACI,
    RACI_VS,
    RASCI,
    Kind,
    LetterDef,
    LetterSet,
    LetterSetError,
    builtin,
    from_data,
    kind_table,
    kinds_in,
    mask,
    parse_cell,
    to_data,
)

# ----------------------------------------------------------------- strategies
_SYMBOL_CHARS = "ABCDEFGHJKLMNOPQRSTUVWXYZ"


@st.composite
def letter_sets(draw: st.DrawFn) -> LetterSet:
    """Any valid set: one owner, at least one doer, up to seven letters, symbols of one to three characters."""
    size = draw(st.integers(2, 7))
    symbols = draw(st.lists(st.text(_SYMBOL_CHARS, min_size=1, max_size=1)
                            | st.tuples(st.sampled_from(_SYMBOL_CHARS), st.text("xyz0123456789", min_size=1,
                                                                              max_size=2)).map("".join),
                            min_size=size, max_size=size, unique_by=str.casefold))
    others = st.sampled_from([k for k in Kind if k is not Kind.OWNS])
    kinds = [Kind.OWNS, Kind.DOES, *draw(st.lists(others, min_size=size - 2, max_size=size - 2))]
    kinds = draw(st.permutations(kinds))
    letters = tuple(LetterDef(symbol, f"Role {symbol.lower()} {position}", f"meaning {position}", kind)
                    for position, (symbol, kind) in enumerate(zip(symbols, kinds, strict=True)))
    try:
        return LetterSet(draw(st.sampled_from(["ours", "team-letters", "x1"])), "Our letters", letters,
                         say_names=draw(st.booleans()))
    except LetterSetError:
        assume(False)
        raise


any_set = st.one_of(st.sampled_from(BUILT_IN), letter_sets())


@st.composite
def set_and_cell(draw: st.DrawFn) -> tuple[LetterSet, str]:
    letter_set = draw(any_set)
    return letter_set, draw(st.sampled_from(letter_set.all_cells()))


# ----------------------------------------------------------------- kinds
def test_kinds_are_one_bit_each_in_the_order_letters_take_in_a_cell() -> None:
    assert [kind.bit for kind in Kind] == [1, 2, 4, 8, 16, 32]
    assert list(Kind) == [Kind.OWNS, Kind.DOES, Kind.HELPS, Kind.ASKED, Kind.TOLD, Kind.NOT_INVOLVED]
    assert kinds_in(mask(Kind.TOLD, Kind.OWNS)) == (Kind.OWNS, Kind.TOLD)
    assert Kind.OWNS.phrase == "owns the outcome"


def test_a_kind_table_counts_and_picks_the_holders_of_a_kind_in_a_row() -> None:
    row = RACI.codes(["A/R", "C", None, "R", "A", "C/I"])
    assert row.translate(kind_table(Kind.OWNS)).count(1) == 2
    assert row.translate(kind_table(Kind.DOES)).count(1) == 2
    assert row.translate(kind_table(Kind.OWNS, Kind.DOES)).count(1) == 3
    assert list(compress("abcdef", row.translate(kind_table(Kind.ASKED)))) == ["b", "f"]
    assert row.count(0) == 1  # the blank


# ----------------------------------------------------------------- the sets
def test_the_built_in_sets_spell_their_names_and_raci_is_the_default() -> None:
    assert DEFAULT is RACI
    assert {s.id: "".join(s.symbols) for s in BUILT_IN} == {
        "raci": "RACI", "rasci": "RASCI", "daci": "DACI", "cairo": "CAIRO", "raci-vs": "RACIVS"}
    assert builtin("daci") is DACI
    with pytest.raises(LetterSetError, match="no built-in letter set 'dacy'; the built-in sets are raci, rasci"):
        builtin("dacy")


@pytest.mark.parametrize(("letter_set", "kinds"), [
    (RACI, {"R": Kind.DOES, "A": Kind.OWNS, "C": Kind.ASKED, "I": Kind.TOLD}),
    (RASCI, {"R": Kind.DOES, "A": Kind.OWNS, "S": Kind.HELPS, "C": Kind.ASKED, "I": Kind.TOLD}),
    (DACI, {"D": Kind.DOES, "A": Kind.OWNS, "C": Kind.ASKED, "I": Kind.TOLD}),
    (CAIRO, {"C": Kind.ASKED, "A": Kind.OWNS, "I": Kind.TOLD, "R": Kind.DOES, "O": Kind.NOT_INVOLVED}),
    (RACI_VS, {"R": Kind.DOES, "A": Kind.OWNS, "C": Kind.ASKED, "I": Kind.TOLD, "V": Kind.HELPS,
               "S": Kind.ASKED}),
])
def test_each_built_in_letter_has_the_kind_the_checks_read(letter_set: LetterSet, kinds: dict[str, Kind]) -> None:
    assert {letter.symbol: letter.kind for letter in letter_set.letters} == kinds


# What the window, the legend and the exports have always said about RACI's letters.
RACI_MEANINGS = {
    "R": "Responsible: does the work",
    "A": "Accountable: owns the outcome and signs it off",
    "A/R": "Accountable and Responsible: owns it and does it",
    "C": "Consulted: asked before, two-way",
    "I": "Informed: told after, one-way",
}


def test_a_raci_team_keeps_the_legend_meanings_and_spelling_it_always_had() -> None:
    assert RACI.legend_cells() == ("R", "A", "A/R", "C", "I")
    assert {cell: RACI.describe(cell) for cell in RACI.legend_cells()} == RACI_MEANINGS
    assert RACI.cell("R", "A") == "A/R"


def test_every_single_letter_value_is_a_raci_cell_with_the_kinds_it_always_had() -> None:
    kinds = {"R": Kind.DOES.bit, "A": Kind.OWNS.bit, "A/R": Kind.OWNS.bit | Kind.DOES.bit, "C": Kind.ASKED.bit,
             "I": Kind.TOLD.bit}
    for cell, bits in kinds.items():
        assert RACI.is_cell(cell) and parse_cell(cell, RACI) == cell and RACI.kinds(cell) == bits


def test_cells_are_written_owner_first_then_by_kind_and_ties_in_the_sets_order() -> None:
    assert RACI.cell("R", "A") == "A/R"
    assert RACI.cell("I", "C", "r") == "R/C/I"
    assert RASCI.cell("C", "S") == "S/C"
    assert CAIRO.cell("O", "C", "R") == "R/C/O"
    assert RACI_VS.cell("S", "C", "V") == "V/C/S"  # C and S are both asked: the set lists C first
    assert len(RACI_VS.all_cells()) == 2 ** 6 - 1
    assert RACI.all_cells()[:4] == ("R", "A", "C", "I")


def test_a_cell_is_the_same_object_however_it_was_reached() -> None:
    assert parse_cell("r/a", RACI) is RACI.cell("A", "R") is parse_cell("AR", RACI)
    assert RACI.is_cell("A/R") and not RACI.is_cell("R/A") and not RACI.is_cell("S") and not RACI.is_cell(3)


def test_a_set_refuses_a_cell_or_letter_it_does_not_have_in_a_sentence() -> None:
    with pytest.raises(LetterSetError, match="RACI has no letter 'S'"):
        RACI.cell("S")
    with pytest.raises(LetterSetError, match="'R/A' is not a cell of RACI"):
        RACI.kinds("R/A")  # type: ignore[arg-type]  # not canonical
    with pytest.raises(LetterSetError, match="'R/A' is not a cell of RACI"):
        RACI.combine("R/A", "C")  # type: ignore[arg-type]


def test_checks_name_letters_by_symbol_or_by_name_as_the_set_speaks() -> None:
    assert RACI.word(Kind.OWNS) == "A" and DACI.word(Kind.OWNS) == "Approver"
    assert DACI.word(Kind.DOES) == "Driver" and RASCI.word(Kind.HELPS) == "S"
    assert RACI.word(Kind.HELPS) == ""
    assert DACI.describe("A/D") == "Approver and Driver: owns it and does it"
    assert RACI.describe("C/I") == "Consulted and Informed: asked before, two-way; told after, one-way"
    assert RACI.name_of("R/C/I") == "Responsible, Consulted and Informed"


def test_a_row_becomes_one_byte_per_person_however_full_it_is() -> None:
    people = tuple(f"p{n}" for n in range(6))
    column = {person: n for n, person in enumerate(people)}
    cells = ["A/R", "C", "R", "I", "C/I", "A"]
    full = dict(zip(people, cells, strict=True))
    busy = {person: cell for person, cell in full.items() if person != "p2"}
    sparse = {"p4": "C/I"}
    shuffled = dict(reversed(list(full.items())))
    for row in (full, busy, sparse, shuffled, {}, None):
        expected = RACI.codes([(row or {}).get(person) for person in people])
        assert RACI.row_codes(row, people, column) == expected  # type: ignore[arg-type]
    assert RACI.row_codes(full, people, column) == bytes([3, 8, 2, 16, 24, 1])  # type: ignore[arg-type]


# ----------------------------------------------------------------- typing
def test_typing_keeps_the_grid_as_it_was_for_raci() -> None:
    assert RACI.combine(None, "R") == "R"
    assert RACI.combine("R", "A") == "A/R"
    assert RACI.combine("A", "R") == "A/R"
    assert RACI.combine("A/R", "R") == "R"
    assert RACI.combine("A/R", "A") == "A"
    assert RACI.combine("R", "C") == "C"
    assert RACI.combine("C", "I") == "I"
    assert RACI.combine("R", "R") == "R"


def test_typing_an_owner_on_a_doer_combines_in_every_set() -> None:
    assert DACI.combine("D", "A") == "A/D"
    assert RASCI.combine("S", "A") == "A"  # a helper is no doer: the owner replaces
    assert CAIRO.combine("R", "A") == "A/R"


def test_space_walks_blank_then_each_letter_in_the_sets_order() -> None:
    walked, cell = [], None
    for _ in range(5):
        cell = RACI.cycle(cell)
        walked.append(cell)
    assert walked == ["R", "A", "C", "I", None]
    assert RACI.cycle("A/R") == "C"  # from A, as the grid always did
    assert CAIRO.cycle("R") == "O" and CAIRO.cycle("O") is None


def test_ticking_letters_builds_combinations_and_not_involved_stands_alone() -> None:
    assert RACI.toggle(None, "R") == "R"
    assert RACI.toggle("R", "C") == "R/C"
    assert RACI.toggle("R/C", "R") == "C"
    assert RACI.toggle("C", "C") is None
    assert CAIRO.toggle("R/C", "O") == "O"
    assert CAIRO.toggle("O", "I") == "I"
    with pytest.raises(LetterSetError, match="RACI has no letter 'S'"):
        RACI.toggle("R", "S")


# ----------------------------------------------------------------- a team's own set
def _letter(symbol: str, kind: Kind, name: str | None = None, **extra: object) -> LetterDef:
    return LetterDef(symbol, name or f"Name of {symbol}", "", kind, **extra)  # type: ignore[arg-type]


OWN = LetterSet("our-letters", "Our letters", (
    _letter("Dr", Kind.DOES, "Doer", aliases=("Does it",)),
    _letter("Ow", Kind.OWNS, "Owner of it"),
    _letter("Rv", Kind.ASKED, "Reviewer"),
    _letter("N", Kind.TOLD, "Notified"),
))


def test_a_team_can_define_its_own_letters_with_longer_symbols() -> None:
    assert OWN.cell("rv", "DR", "ow") == "Ow/Dr/Rv"
    assert parse_cell("Ow, Dr", OWN) == "Ow/Dr"
    assert parse_cell("Does it", OWN) == "Dr"
    assert parse_cell("N", OWN) == "N"  # its own N, not the not-involved mark
    assert OWN.combine("Dr", "Ow") == "Ow/Dr"


@pytest.mark.parametrize(("letters", "sentence"), [
    ((), "has 0 letters; a set holds 1 to 7"),
    (tuple(_letter(s, Kind.TOLD) for s in "RABCDEFG"), "has 8 letters; a set holds 1 to 7"),
    ((_letter("R", Kind.DOES), _letter("C", Kind.ASKED)),
     "needs exactly one letter that owns the outcome and has none"),
    ((_letter("R", Kind.DOES), _letter("A", Kind.OWNS), _letter("B", Kind.OWNS)),
     r"needs exactly one letter that owns the outcome and has 2 \(A, B\)"),
    ((_letter("A", Kind.OWNS), _letter("C", Kind.ASKED)), "needs a letter that does the work"),
    ((_letter("R", Kind.DOES), _letter("r", Kind.OWNS)), "uses the symbol 'r' twice"),
    ((_letter("R/", Kind.DOES), _letter("A", Kind.OWNS)), "Letter 1 of 'Mine': the symbol 'R/' must be 1 to 3"),
    ((_letter("1R", Kind.DOES), _letter("A", Kind.OWNS)), "starting with a letter"),
    ((_letter("RESP", Kind.DOES), _letter("A", Kind.OWNS)), "must be 1 to 3 letters or digits"),
    ((_letter("R", Kind.DOES), _letter("A", Kind.OWNS), _letter("AR", Kind.TOLD)),
     "the symbol 'AR' can be read as shorter symbols"),
    ((_letter("R", Kind.DOES, "Lead"), _letter("A", Kind.OWNS, "lead")), "'lead' would stand for both R and A"),
    ((_letter("R", Kind.DOES, "A"), _letter("A", Kind.OWNS)), "'A' would stand for both A and R"),
    ((_letter("R", Kind.DOES, "Two\nlines"), _letter("A", Kind.OWNS)), "the name must be one line"),
    ((_letter("R", Kind.DOES), _letter("A", Kind.OWNS, colour="Not A Colour")), "is not a palette colour name"),
])
def test_a_set_the_checks_cannot_use_is_refused_with_a_sentence(letters: tuple[LetterDef, ...],
                                                                 sentence: str) -> None:
    with pytest.raises(LetterSetError, match=sentence):
        LetterSet("mine", "Mine", letters)


def test_a_sets_id_and_name_are_checked_too() -> None:
    letters = (_letter("R", Kind.DOES), _letter("A", Kind.OWNS))
    with pytest.raises(LetterSetError, match="id must be 1 to 40 lower-case"):
        LetterSet("Mine!", "Mine", letters)
    with pytest.raises(LetterSetError, match="the name must be one line of 1 to 40"):
        LetterSet("mine", "  ", letters)
    with pytest.raises(LetterSetError, match="the description must be one line"):
        LetterSet("mine", "Mine", letters, description="x" * 201)


# ----------------------------------------------------------------- the team file's form
def test_a_built_in_set_is_stored_by_its_id_and_a_teams_own_in_full() -> None:
    assert [to_data(s) for s in BUILT_IN] == ["raci", "rasci", "daci", "cairo", "raci-vs"]
    assert from_data("rasci") is RASCI
    data = to_data(OWN)
    assert data == {"id": "our-letters", "name": "Our letters", "letters": [
        {"symbol": "Dr", "name": "Doer", "meaning": "", "kind": "does", "aliases": ["Does it"]},
        {"symbol": "Ow", "name": "Owner of it", "meaning": "", "kind": "owns"},
        {"symbol": "Rv", "name": "Reviewer", "meaning": "", "kind": "asked"},
        {"symbol": "N", "name": "Notified", "meaning": "", "kind": "told"}]}
    assert from_data(json.loads(json.dumps(data))) == OWN


def test_a_written_out_copy_of_a_built_in_set_reads_as_that_set() -> None:
    copy = to_data(replace(RASCI, id="mine")) | {"id": "rasci"}
    assert from_data(copy) is RASCI


@pytest.mark.parametrize(("data", "sentence"), [
    (42, "the id of a built-in set or an object"),
    ("dacy", "no built-in letter set 'dacy'"),
    ({"id": "x", "name": "X"}, "has no list of letters"),
    ({"id": "x", "name": "X", "letters": [], "colour": "red"}, "a field this version does not know: 'colour'"),
    ({"id": "x", "name": "X", "letters": ["R"]}, "Letter 1 of the letter set is not an object"),
    ({"id": "x", "name": "X", "letters": [{"symbol": "R", "name": "R", "kind": "boss"}]},
     "the kind 'boss' is not one of owns, does, helps, asked, told, not-involved"),
    ({"id": "x", "name": "X", "letters": [{"symbol": "R", "name": "R", "kind": "does", "aliases": "Resp"}]},
     "must be a list"),
    ({"id": "x", "name": "X", "letters": [{"symbol": "R", "name": "R", "kind": "does", "size": 3}]},
     "does not know: 'size'"),
    ({"id": "x", "name": "X", "say_names": "yes", "letters": []}, "say_names must be true or false"),
    ({"id": "raci", "name": "RACI", "letters": [{"symbol": "R", "name": "R", "kind": "does"},
                                                  {"symbol": "A", "name": "A", "kind": "owns"}]},
     "belongs to the built-in RACI letters"),
    ({"id": 7, "name": "X", "letters": []}, "id must be 1 to 40"),
    ({"id": "x", "name": None, "letters": []}, "the name must be one line"),
])
def test_a_broken_letter_set_in_a_file_gets_one_sentence(data: object, sentence: str) -> None:
    with pytest.raises(LetterSetError, match=sentence):
        from_data(data)


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
                     lambda inner: (st.lists(inner, max_size=4)
                                    | st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                     max_leaves=20)
_LETTER_JSON = st.fixed_dictionaries({"symbol": _JSON | st.sampled_from(["R", "A", "Ab"]),
                                      "name": _JSON | st.text(max_size=12),
                                      "kind": _JSON | st.sampled_from([kind.value for kind in Kind])},
                                     optional={"meaning": _JSON, "colour": _JSON, "aliases": _JSON})


@given(_JSON | st.fixed_dictionaries({"id": _JSON | st.just("ours"), "name": _JSON | st.just("Ours"),
                                      "letters": st.lists(_LETTER_JSON, max_size=8)},
                                     optional={"say_names": _JSON, "description": _JSON}))
def test_whatever_a_file_holds_for_its_letters_gives_a_set_or_one_sentence(data: object) -> None:
    try:
        letter_set = from_data(data)
    except LetterSetError as error:
        assert str(error).endswith(".") and "\n" not in str(error)
    else:
        assert from_data(to_data(letter_set)) == letter_set


@given(letter_sets())
def test_any_set_comes_back_from_the_team_files_json_unchanged(letter_set: LetterSet) -> None:
    assert from_data(json.loads(json.dumps(to_data(letter_set)))) == letter_set


# ----------------------------------------------------------------- properties
@given(set_and_cell())
def test_a_cell_reads_back_as_itself(case: tuple[LetterSet, str]) -> None:
    letter_set, cell = case
    assert parse_cell(cell, letter_set) is cell
    assert parse_cell(cell.lower(), letter_set) == cell


@given(set_and_cell(), st.data())
def test_the_order_and_the_separator_letters_are_written_in_do_not_matter(case: tuple[LetterSet, str],
                                                                          data: st.DataObject) -> None:
    letter_set, cell = case
    symbols = data.draw(st.permutations(cell.split("/")))
    separator = data.draw(st.sampled_from(["/", ",", ", ", " ", " + ", ";", " / ", " & "]))
    assert parse_cell(separator.join(symbols), letter_set) == cell


@given(set_and_cell(), st.data())
def test_a_typed_letter_is_always_in_the_cell_and_only_owner_on_doer_keeps_the_old(
        case: tuple[LetterSet, str], data: st.DataObject) -> None:
    letter_set, cell = case
    typed = data.draw(st.sampled_from(letter_set.symbols))
    result = letter_set.combine(cell, typed)
    assert typed in result.split("/")
    kinds = {letter_set.letter(symbol).kind for symbol in (cell, typed)} if "/" not in cell else set()
    if kinds == {Kind.OWNS, Kind.DOES}:
        assert set(result.split("/")) == {cell, typed}
    else:
        assert result == typed


@given(set_and_cell(), st.data())
def test_ticking_a_letter_flips_it_and_ticking_again_restores_the_cell(case: tuple[LetterSet, str],
                                                                       data: st.DataObject) -> None:
    letter_set, cell = case
    symbol = data.draw(st.sampled_from(letter_set.symbols))
    ticked = letter_set.toggle(cell, symbol)
    held = set(ticked.split("/")) if ticked else set()
    assert (symbol in held) != (symbol in cell.split("/"))
    involved = [s for s in cell.split("/") if letter_set.letter(s).kind is not Kind.NOT_INVOLVED]
    if len(involved) == len(cell.split("/")) and letter_set.letter(symbol).kind is not Kind.NOT_INVOLVED:
        assert letter_set.toggle(ticked, symbol) == cell
    if symbol in held:  # ticked on: a not-involved letter stands alone, any other drops it
        out = {s for s in held if letter_set.letter(s).kind is Kind.NOT_INVOLVED}
        assert held == {symbol} if letter_set.letter(symbol).kind is Kind.NOT_INVOLVED else not out


@given(set_and_cell())
def test_a_cells_kinds_are_the_kinds_of_its_letters(case: tuple[LetterSet, str]) -> None:
    letter_set, cell = case
    assert kinds_in(letter_set.kinds(cell)) == tuple(
        dict.fromkeys(sorted((letter.kind for letter in letter_set.letters_of(cell)), key=list(Kind).index)))


# ----------------------------------------------------------------- architecture
def test_the_letter_sets_import_without_qt_or_the_table_libraries() -> None:
    code = "import raci.letters, sys; print('\\n'.join(sys.modules))"
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                timeout=60).stdout.split())
    assert "raci.letters" in loaded
    assert not {name for name in loaded if name.split(".")[0] in {"PySide6", "pandas", "openpyxl", "xlsxwriter"}}


def test_a_grid_export_records_its_set_in_two_cells_a_person_and_the_import_can_read() -> None:
    from raci.letters import from_note, note_cells

    first, second = note_cells(RASCI)
    assert (first, second) == ("Letters (RASCI): R = Responsible; A = Accountable; S = Support; C = Consulted; "
                               "I = Informed", "rasci")
    assert from_note(first, second) is RASCI
    ours = LetterSet("ours", "Ours", (_letter("M", Kind.DOES), _letter("O", Kind.OWNS)), say_names=True)
    assert from_note(*note_cells(ours)) == ours
    for cells in (("Legend: R = Responsible", "raci"), ("Letters", "xyz"), ("Letters", "{"), ("Letters", 3),
                  ("Letters", '{"id": "x"}'), (None, "raci")):
        assert from_note(*cells) is None
