"""More edges of reading a sheet's layout: lone letters and legend blocks under the grid, rows of numbers
under the people, title-only rows that head the rows below them, and this app's own category marks."""

from __future__ import annotations

import pytest

from raci.catalog import load_catalog
from raci.formats.sheet_detect import (
    ColumnRole,
    LayoutNotFound,
    Orientation,
    RowRole,
    SheetRead,
    detect_layout,
    explain,
    read_sheet,
)

from tests.test_sheet_detect_shapes import cells, read


def warned(found: SheetRead) -> list[str]:
    return [str(warning) for warning in found.warnings]


def titles(found: SheetRead) -> list[tuple[str, str]]:
    return [(row.title, row.category) for row in found.rows]


def explained(grid: list[list[object]]) -> list[str]:
    return explain(detect_layout(grid, "RACI"), grid).splitlines()


# ------------------------------------------------------------------ under the grid
def test_a_lone_letter_under_the_grid_is_a_legend_row_and_a_note_after_it_a_responsibility() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Build", "A", "R"], ["R"], ["Some note"]]
    found = read(grid)
    assert found.layout.rows == (RowRole.HEADER, RowRole.RESPONSIBILITY, RowRole.RESPONSIBILITY, RowRole.LEGEND,
                                 RowRole.RESPONSIBILITY)
    assert titles(found) == [("Plan", ""), ("Build", ""), ("Some note", "")]
    assert "Legend rows: row 4" in explained(grid)


def test_lone_letters_past_a_blank_row_under_the_grid_are_the_legend_not_a_footer() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Build", "A", "R"], [], ["R"], ["A"], ["Printed 2024"]]
    found = read(grid)
    assert found.layout.rows[4:] == (RowRole.LEGEND, RowRole.LEGEND, RowRole.SKIPPED)
    assert titles(found) == [("Plan", ""), ("Build", "")]
    assert warned(found) == ["1 row without letters was skipped: A7 'Printed 2024'."]


def test_a_legend_block_under_the_grid_takes_the_rows_after_its_opening_word() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Build", "A", "R"], ["Legend"], ["Ask the owner first"]]
    found = read(grid)
    assert found.layout.rows[3:] == (RowRole.LEGEND, RowRole.LEGEND)
    assert titles(found) == [("Plan", ""), ("Build", "")]
    assert "Legend: Legend; Ask the owner first" in explained(grid)


def test_a_legend_block_above_the_grid_ends_at_the_blank_row() -> None:
    grid = [["Task", "Ann", "Bob"], ["Key"], ["Ask the owner first"], [], ["Plan", "R", "A"], ["Build", "A", "R"]]
    found = read(grid)
    assert found.layout.rows == (RowRole.HEADER, RowRole.LEGEND, RowRole.LEGEND, RowRole.BLANK,
                                 RowRole.RESPONSIBILITY, RowRole.RESPONSIBILITY)
    assert cells(found) == [{"Ann": "R", "Bob": "A"}, {"Ann": "A", "Bob": "R"}]


# ------------------------------------------------------------------ numbers under the people
def test_a_row_half_numbers_is_a_responsibility_and_one_mostly_numbers_a_skipped_total() -> None:
    grid = [["Task", "Ann", "Bob", "Cy"], ["Plan", "R", "A", "I"], ["Hours", 3, "x"], ["Effort", 2, 4, "x"],
            ["Build", "A", "R", "C"]]
    found = read(grid)
    assert titles(found) == [("Plan", ""), ("Hours", ""), ("Build", "")]
    assert warned(found) == [
        "1 row without letters was skipped: A4 'Effort'.",
        "2 cells could not be read as RACI letters and were left blank: B3 '3', C3 'x'."]


def test_a_row_with_text_under_the_people_but_no_title_is_skipped() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], [None, "x", "y"], ["Build", "A", "R"]]
    found = read(grid)
    assert titles(found) == [("Plan", ""), ("Build", "")]
    assert warned(found) == ["1 row without letters was skipped: B3 'x'."]


# ------------------------------------------------------------------ title-only rows
def test_two_plain_title_rows_each_heading_lettered_rows_are_categories() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Design"], ["Sketch", "R", "A"], ["Delivery"],
            ["Ship", "A", "R"]]
    found = read(grid)
    assert titles(found) == [("Plan", ""), ("Sketch", "Design"), ("Ship", "Delivery")]
    assert "Category rows: rows 3, 5 ('Design', 'Delivery')" in explained(grid)


def test_one_plain_title_row_between_lettered_rows_is_a_responsibility_nobody_holds() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Design"], ["Sketch", "R", "A"], ["Ship", "A", "R"]]
    found = read(grid)
    assert titles(found) == [("Plan", ""), ("Design", ""), ("Sketch", ""), ("Ship", "")]


def test_a_plain_title_row_first_under_the_header_heads_the_rows_below() -> None:
    grid = [["Task", "Ann", "Bob"], ["Design"], ["Sketch", "R", "A"], ["Ship", "A", "R"]]
    found = read(grid)
    assert titles(found) == [("Sketch", "Design"), ("Ship", "Design")]
    assert "Category rows: row 2 ('Design')" in explained(grid)


def test_a_title_row_at_the_end_does_not_stop_a_heading_above_from_being_a_category() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Phase 1"], ["Sketch", "R", "A"], ["Ship", "A", "R"],
            ["Open question"]]
    found = read(grid)
    assert titles(found) == [("Plan", ""), ("Sketch", "Phase 1"), ("Ship", "Phase 1"), ("Open question", "Phase 1")]


def test_in_a_sheet_without_letters_a_row_past_a_blank_one_is_a_skipped_footer() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan"], [], ["Footer"]]
    found = read(grid)
    assert titles(found) == [("Plan", "")]
    assert warned(found) == ["1 row without letters was skipped: A4 'Footer'."]


# ------------------------------------------------------------------ this app's own workbook
def test_this_apps_category_marks_decide_and_a_marked_row_past_a_blank_one_is_still_a_footer() -> None:
    grid = [["#row-id", "Task", "Ann", "Bob"], ["#category", "Design"], ["r1", "Sketch", "R", "A"], [],
            ["#category", "Later"]]
    found = read(grid)
    assert found.layout.rows == (RowRole.HEADER, RowRole.CATEGORY, RowRole.RESPONSIBILITY, RowRole.BLANK,
                                 RowRole.SKIPPED)
    assert titles(found) == [("Sketch", "Design")]
    assert warned(found) == ["1 row without letters was skipped: A5 '#category'.",
                             "Column A '#row-id' holds IDs: skipped."]


# ------------------------------------------------------------------ warnings and their places
def placed(found: SheetRead) -> list[tuple[str, tuple[str, ...]]]:
    return [(warning.sentence, warning.addresses) for warning in found.warnings]


def test_a_sheet_without_a_header_row_names_its_people_and_skipped_columns_at_row_1() -> None:
    found = read([["Plan", "R", "A", 1], ["Build", "A", "R", 2]])
    assert [person.name for person in found.people] == ["Person in column B", "Person in column C"]
    assert placed(found) == [
        ("Column D holds numbers: skipped.", ("D1",)),
        ("2 columns with letters but no name, read as 'Person in column ...': B1, C1.", ("B1", "C1"))]


def test_a_header_below_a_title_places_its_warnings_on_the_header_row() -> None:
    found = read([["Title"], [], ["Spare", "Task", "Ann", None, "Week"], [None, "Plan", "R", "A", 1],
                  [None, "Build", "A", "R", 2]])
    assert [person.name for person in found.people] == ["Ann", "Person in column D"]
    assert placed(found) == [
        ("Column E 'Week' holds numbers: skipped.", ("E3",)),
        ("1 column with letters but no name, read as 'Person in column ...': D3.", ("D3",))]


def test_an_invisible_character_under_a_person_is_an_unreadable_cell_left_blank() -> None:
    found = read([["Task", "Ann", "Bob"], ["Plan", "R", "\u200b"], ["Build", "A", "R"]])
    assert cells(found) == [{"Ann": "R"}, {"Ann": "A", "Bob": "R"}]
    assert placed(found) == [
        ("1 cell could not be read as RACI letters and was left blank: C2 '\u200b'.", ("C2",))]


def test_texts_over_their_limits_are_cut_with_warnings_at_their_cells_and_a_name_at_the_limit_is_kept() -> None:
    grid = [["Task", "A" * 200, "B" * 201, "Notes"], ["Plan", "R", "A", "x" * 5001], ["Phase 1: " + "P" * 300],
            ["Build", "A", "R"]]
    found = read(grid)
    assert [person.name for person in found.people] == ["A" * 200, "B" * 199 + "…"]
    assert [(row.title, len(row.category), len(row.description)) for row in found.rows] == [
        ("Plan", 0, 5000), ("Build", 200, 0)]
    assert placed(found) == [
        ("2 texts over the team file's length limits (200 characters), shortened: C1, A4.", ("C1", "A4")),
        ("1 text over the team file's length limits (5,000 characters), shortened: A2.", ("A2",))]


# ------------------------------------------------------------------ categories
def test_two_category_columns_left_of_the_titles_join_and_carry_down() -> None:
    found = read([["Phase", "Area", "Task", "Ann", "Bob"], ["Build", "Backend", "Plan", "R", "A"],
                  [None, "Frontend", "Ship", "A", "R"]])
    assert titles(found) == [("Plan", "Build / Backend"), ("Ship", "Build / Frontend")]


def test_a_row_above_the_first_category_in_a_category_column_has_none() -> None:
    found = read([["Area", "Task", "Ann", "Bob"], [None, "Plan", "R", "A"], ["Backend", "Build", "A", "R"]])
    assert titles(found) == [("Plan", ""), ("Build", "Backend")]


def test_a_catalog_row_above_the_first_heading_takes_no_category_from_the_catalog() -> None:
    found = read([["Task", "Ann", "Bob"], ["Set the product vision", "R", "A"], ["Phase 2:"],
                  ["Own the product roadmap", "R", "A"]])
    assert titles(found) == [("Set the product vision", ""), ("Own the product roadmap", "Phase 2:")]
    assert found.matched == 2


def test_a_heading_row_with_an_id_is_named_by_its_title() -> None:
    found = read([["ID", "Task", "Ann", "Bob"], ["1", "Phase 1:"], ["1.1", "Plan", "R", "A"]])
    assert titles(found) == [("Plan", "Phase 1:")]


def test_the_title_block_lines_other_than_the_team_name_become_the_notes() -> None:
    found = read([["Apollo"], ["Prepared by the PMO"], ["Draft 2"], [], ["Task", "Ann", "Bob"], ["Plan", "R", "A"]])
    assert found.layout.team_name == "Apollo"
    assert found.notes == "Prepared by the PMO\nDraft 2"


# ------------------------------------------------------------------ corrections by hand
def test_with_the_titles_column_skipped_by_hand_each_lettered_row_is_named_in_a_warning_at_column_a() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Build", "A", "R"]]
    layout = detect_layout(grid, "RACI").with_column_role(0, ColumnRole.SKIPPED)
    found = read_sheet(grid, layout, load_catalog())
    assert found.rows == ()
    assert placed(found) == [
        ("2 rows with letters but no responsibility title, skipped: A2, A3.", ("A2", "A3")),
        ("Column A 'Task' set by hand: skipped.", ("A1",))]


def test_a_blank_row_made_a_category_by_hand_ends_the_heading_above_it() -> None:
    grid = [["Task", "Ann", "Bob"], ["Phase 1:"], ["Plan", "R", "A"], [], ["Build", "A", "R"]]
    layout = detect_layout(grid, "RACI").with_row_role(3, RowRole.CATEGORY)
    found = read_sheet(grid, layout, load_catalog())
    assert titles(found) == [("Plan", "Phase 1:"), ("Build", "")]


# ------------------------------------------------------------------ which sheet, and what it is called
ADVICE = ("; put the people's names in one row above the letters, with the responsibilities in a column on the left, "
          "and import it again.")


@pytest.mark.parametrize(("grid", "orientation", "fault"), [
    ([], None, "is empty"),
    ([["Task", "Ann", "Bob"], ["Plan", "R", "A"]], Orientation.INVERTED,
     "has no row of letters (R, A, C, I) with people's names under them"),
    ([["R", "A"], ["A", "R"]], None, "has letters but no column of responsibilities beside them"),
])
def test_a_sheet_without_a_matrix_is_refused_in_one_sentence_naming_it(
        grid: list[list[object]], orientation: Orientation | None, fault: str) -> None:
    with pytest.raises(LayoutNotFound) as refused:
        detect_layout(grid, "Team RACI", orientation=orientation)
    assert str(refused.value) == f"Sheet Team RACI {fault}{ADVICE}"


@pytest.mark.parametrize(("grid", "orientation", "found"), [
    ([["Task", "Plan", "Build"], ["Ann", "R", "A"], ["Bob", "A", "R"]], Orientation.TRANSPOSED, Orientation.TRANSPOSED),
    ([["Task", "R", "A"], ["Plan", "Ann", "Bob"], ["Build", "Bob", "Ann"]], None, Orientation.INVERTED),
])
def test_a_turned_or_inverted_sheet_keeps_its_sheet_name_as_the_team_name(
        grid: list[list[object]], orientation: Orientation | None, found: Orientation) -> None:
    layout = detect_layout(grid, "Team RACI", orientation=orientation)
    assert (layout.sheet, layout.orientation, layout.team_name) == ("Team RACI", found, "Team RACI")


def test_a_two_letter_title_above_the_header_names_the_team() -> None:
    layout = detect_layout([["QA"], [], ["Task", "Ann", "Bob"], ["Plan", "R", "A"]], "Sheet1")
    assert layout.rows == (RowRole.TITLE, RowRole.BLANK, RowRole.HEADER, RowRole.RESPONSIBILITY)
    assert layout.team_name == "QA"


def test_a_legend_above_the_header_is_a_legend_row_and_the_title_under_it_names_the_team() -> None:
    grid = [["R = Responsible, A = Accountable"], ["Apollo"], [], ["Task", "Ann", "Bob"], ["Plan", "R", "A"]]
    layout = detect_layout(grid, "Sheet1")
    assert layout.rows == (RowRole.LEGEND, RowRole.TITLE, RowRole.BLANK, RowRole.HEADER, RowRole.RESPONSIBILITY)
    assert layout.team_name == "Apollo"


def test_in_this_apps_own_workbook_an_unmarked_title_only_row_is_no_heading() -> None:
    found = read([["#row-id", "Task", "Ann", "Bob"], ["r0", "Phase 1:"], ["r1", "Sketch", "R", "A"]])
    assert titles(found) == [("Phase 1:", ""), ("Sketch", "")]
