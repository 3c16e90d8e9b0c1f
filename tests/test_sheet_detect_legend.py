"""Which columns beside a matrix are its legend, and which are a person after all."""

from __future__ import annotations

from raci.formats.sheet_detect import ColumnRole, detect_layout

BASE = [["Task", "Ann", "Bob"], ["Plan the work", "A", "R"], ["Ship it", "R", "A"], ["Run the demo", "C", "A"]]


def beside(*rows: list[str]) -> list[list[object]]:
    """The matrix with a blank column, then ``rows`` from its header row down."""
    return [row + [None] + (list(rows[number]) if number < len(rows) else []) for number, row in enumerate(BASE)]


def roles(grid: list[list[object]]) -> tuple[dict[int, ColumnRole], str]:
    layout = detect_layout(grid, "RACI")
    return {plan.index: plan.role for plan in layout.columns if plan.index >= 3}, layout.legend


def test_letters_and_their_words_in_two_cells_beside_the_matrix_are_a_legend() -> None:
    assert roles(beside([], ["R", "Responsible"], ["A", "Accountable"])) == (
        {4: ColumnRole.LEGEND, 5: ColumnRole.LEGEND}, "R = Responsible; A = Accountable")


def test_distinct_letters_one_a_row_under_no_header_are_a_legend() -> None:
    assert roles(beside([], ["R"], ["A"], ["C"])) == ({4: ColumnRole.LEGEND}, "R; A; C")


def test_a_letter_listed_twice_under_no_header_is_a_person_without_a_name() -> None:
    assert roles(beside([], ["R"], ["R"], ["C"])) == ({4: ColumnRole.PERSON}, "")


def test_a_single_letter_under_no_header_is_a_person_without_a_name() -> None:
    assert roles(beside([], ["R"])) == ({4: ColumnRole.PERSON}, "")


def test_a_block_headed_legend_spelling_letters_with_colons_is_a_legend() -> None:
    assert roles(beside(["Legend"], ["R: Responsible"], ["A: Accountable"])) == (
        {4: ColumnRole.LEGEND}, "Legend; R: Responsible; A: Accountable")


def test_words_after_colons_that_are_no_letters_are_notes_not_a_legend() -> None:
    assert roles(beside([], ["Status: Responsible"], ["Ann: Accountable"])) == ({4: ColumnRole.NOTES}, "")


def test_a_key_column_in_the_matrix_takes_the_unheaded_column_after_it_up_to_the_next_header() -> None:
    grid = [["Task", "Ann", "Bob", "Key", None, "Week"],
            ["Plan the work", "A", "R", "R", "Responsible", 1],
            ["Ship it", "R", "A", "A", "Accountable", 2],
            ["Run the demo", "C", "A", "C", "Consulted", 3]]
    assert roles(grid) == ({3: ColumnRole.LEGEND, 4: ColumnRole.LEGEND, 5: ColumnRole.SKIPPED},
                           "Key; R = Responsible; A = Accountable; C = Consulted")
