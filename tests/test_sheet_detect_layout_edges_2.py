"""More edges of reading a sheet's layout: lone letters and legend blocks under the grid, rows of numbers
under the people, title-only rows that head the rows below them, and this app's own category marks."""

from __future__ import annotations

from raci.formats.sheet_detect import RowRole, SheetRead, detect_layout, explain

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
