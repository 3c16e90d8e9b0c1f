"""Corrections by hand to a detected layout, as `raci import --explain` shows them, and the sentences a sheet
without a matrix gives."""

from __future__ import annotations

import pytest

from raci.formats.sheet_detect import ColumnRole, LayoutNotFound, RowRole, detect_layout, explain, read_sheet
from raci.letters import RASCI

GRID = [["Task", "Note", "Ann", "Bob"],
        ["Plan the work", "first", "A", "R"],
        ["Ship it", "second", "R", "A"]]


def test_choosing_another_title_column_sends_the_old_one_to_the_description() -> None:
    layout = detect_layout(GRID, "RACI").with_column_role(1, ColumnRole.TITLE)
    assert [(plan.index, plan.role, plan.reason) for plan in layout.columns[:2]] == [
        (0, ColumnRole.DESCRIPTION, "was the title column"), (1, ColumnRole.TITLE, "set by hand")]
    assert [(row.title, row.description) for row in read_sheet(GRID, layout).rows] == [
        ("first", "Plan the work"), ("second", "Ship it")]


def test_a_role_given_to_a_column_past_the_table_is_added_with_its_reason() -> None:
    layout = detect_layout(GRID, "RACI").with_column_role(6, ColumnRole.NOTES)
    assert layout.column(6) is not None
    assert (layout.column(6).role, layout.column(6).reason) == (ColumnRole.NOTES, "set by hand")
    assert layout.column(7) is None


def test_the_last_row_can_be_given_a_role_and_a_row_past_it_cannot() -> None:
    layout = detect_layout(GRID, "RACI")
    assert layout.with_row_role(2, RowRole.SKIPPED).rows[2] is RowRole.SKIPPED
    with pytest.raises(IndexError, match=r"^The sheet has no row 4\.$"):
        layout.with_row_role(3, RowRole.SKIPPED)
    with pytest.raises(IndexError, match=r"^The sheet has no row 0\.$"):
        layout.with_row_role(-1, RowRole.SKIPPED)


def test_a_letter_set_chosen_by_hand_says_so() -> None:
    layout = detect_layout(GRID, "RACI").with_letter_set(RASCI)
    assert layout.letter_set is RASCI
    assert "Letters: RASCI: chosen by hand." in explain(layout).splitlines()
    assert detect_layout(GRID, "RACI").with_letter_set(RASCI, "the team uses it").letter_set_reason == (
        "RASCI: the team uses it.")


def test_a_turned_sheet_names_rows_as_columns_and_columns_as_rows() -> None:
    grid = [["", "Plan", "Build"], ["Ann", "A", "R"], ["Bob", "R", "A"], ["Cy", "C", "I"]]
    layout = detect_layout(grid, "Turned")
    assert (layout.row_label(1), layout.column_label(2), layout.address(1, 2)) == ("column B", "row 3", "B3")
    plain = detect_layout(GRID, "RACI")
    assert (plain.row_label(1), plain.column_label(2), plain.address(1, 2)) == ("row 2", "column C", "C2")


def test_a_sheet_without_letters_or_names_names_itself_in_the_sentence() -> None:
    with pytest.raises(LayoutNotFound) as caught:
        detect_layout([["Just one cell"], ["and another"]], "Notes")
    assert str(caught.value) == (
        "Sheet Notes has no letters (R, A, C, I) and no row of names above responsibilities; put the people's names "
        "in one row above the letters, with the responsibilities in a column on the left, and import it again.")
    with pytest.raises(LayoutNotFound, match=r"^The sheet has no letters "):
        detect_layout([["Just one cell"], ["and another"]], "")
