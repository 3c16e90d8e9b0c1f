"""Switching a team's letters from one set to another: by kind, planned before it is made."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from raci.letters import BUILT_IN, CAIRO, DACI, RACI, RACI_VS, RASCI, LetterSet, counterpart, map_cell, plan_switch


def test_each_letter_goes_to_the_new_sets_letter_of_its_kind() -> None:
    assert [map_cell(cell, RACI, DACI) for cell in ("R", "A", "C", "I", "A/R", "R/C")] == [
        "D", "A", "C", "I", "A/D", "D/C"]
    assert [map_cell(cell, DACI, RACI) for cell in ("D", "A/D", "C/I")] == ["R", "A/R", "C/I"]


def test_a_letter_keeps_its_symbol_where_the_new_set_has_two_of_its_kind() -> None:
    assert counterpart(RACI.letter("C"), RACI_VS) is RACI_VS.letter("C")  # not the Signatory, also asked
    assert map_cell("S", RACI_VS, RACI) == "C"  # the Signatory is asked: RACI's asked letter is C


def test_a_letter_without_a_counterpart_leaves_its_cells() -> None:
    assert map_cell("S", RASCI, RACI) is None
    assert map_cell("R/S", RASCI, RACI) == "R"
    assert map_cell("O", CAIRO, DACI) is None
    assert map_cell(None, RACI, DACI) is None


def test_the_plan_says_what_changes_before_anything_does() -> None:
    cells = ["R"] * 40 + ["A/R"] * 3 + ["S"] * 12 + ["R/S"] * 2 + ["C"] * 5
    plan = plan_switch(cells, RASCI, DACI)
    assert dict(plan.cells) == {"R": "D", "A/R": "A/D", "S": None, "R/S": "D", "C": "C"}
    assert [(move.old.symbol, move.new.symbol if move.new else None, move.cells) for move in plan.moves] == [
        ("R", "D", 45), ("A", "A", 3), ("S", None, 14), ("C", "C", 5)]
    assert [move.old.symbol for move in plan.lost] == ["S"]
    assert (plan.changed, plan.emptied) == (57, 12)
    assert plan.sentences() == [
        "R (Responsible) becomes D (Driver) in 45 cells.",
        "A (Accountable) becomes A (Approver) in 3 cells.",
        "S (Support) has no counterpart in DACI: it leaves 14 cells.",
        "C (Consulted) becomes C (Contributor) in 5 cells.",
        "In all, 57 cells change; 12 of them become blank.",
    ]


def test_a_switch_that_changes_nothing_says_so() -> None:
    plan = plan_switch(["R", "A", "C"], RACI, RASCI)
    assert plan.changed == 0 and plan.lost == ()
    assert plan.sentences() == ["No cell changes: every letter in use means the same in RASCI."]
    assert plan_switch([], RACI, DACI).sentences() == ["No cell changes: every letter in use means the same in DACI."]


def test_one_cell_is_counted_in_the_singular() -> None:
    assert plan_switch(["S"], RASCI, RACI).sentences() == [
        "S (Support) has no counterpart in RACI: it leaves 1 cell.",
        "In all, 1 cell changes; 1 of them becomes blank.",
    ]


def _round_trips(from_set: LetterSet, to_set: LetterSet) -> set[str]:
    """The letters of ``from_set`` that come back as themselves through ``to_set``."""
    back = set()
    for letter in from_set.letters:
        there = counterpart(letter, to_set)
        if there is not None and counterpart(there, from_set) is letter:
            back.add(letter.symbol)
    return back


@given(st.sampled_from(BUILT_IN), st.sampled_from(BUILT_IN), st.data())
def test_a_cell_whose_letters_all_have_counterparts_comes_back_unchanged(from_set: LetterSet, to_set: LetterSet,
                                                                         data: st.DataObject) -> None:
    cell = data.draw(st.sampled_from(from_set.all_cells()))
    if set(cell.split("/")) <= _round_trips(from_set, to_set):
        assert map_cell(map_cell(cell, from_set, to_set), to_set, from_set) == cell


def test_raci_goes_to_daci_and_back_and_through_every_set_with_its_letters() -> None:
    for other in BUILT_IN:
        assert _round_trips(RACI, other) == {"R", "A", "C", "I"}
        for cell in RACI.all_cells():
            assert map_cell(map_cell(cell, RACI, other), other, RACI) == cell


def test_an_edited_set_says_which_old_letter_each_new_one_was_made_from() -> None:
    from raci.letters import Kind, LetterDef, LetterSet

    ours = LetterSet("ours", "Ours", (LetterDef("D", "Doer", "", Kind.DOES), LetterDef("A", "Owner", "", Kind.OWNS),
                                      LetterDef("X", "Expert", "", Kind.ASKED),
                                      LetterDef("Y", "Reviewer", "", Kind.ASKED)))
    plan = plan_switch(["R", "C", "C/I", "I"], RACI, ours, {"R": "D", "C": "Y", "I": None})
    assert dict(plan.cells) == {"R": "D", "C": "Y", "C/I": "Y", "I": None}
    assert plan.sentences()[:3] == ["R (Responsible) becomes D (Doer) in 1 cell.",
                                    "C (Consulted) becomes Y (Reviewer) in 2 cells.",
                                    "I (Informed) has no counterpart in Ours: it leaves 2 cells."]
