"""Edges of reading a sheet's layout: inverted sheets' names and marks, second header rows, brackets in names,
when a row of letters heads an inverted sheet, which row heads a sheet without letters, and what each column
and row becomes, said in the warnings and in ``raci import --explain``."""

from __future__ import annotations

import pytest

from raci.catalog import load_catalog
from raci.formats.sheet_detect import (
    ColumnPlan,
    ColumnRole,
    ImportedPerson,
    LayoutNotFound,
    Orientation,
    RowRole,
    SheetRead,
    detect_layout,
    explain,
    prepare,
    read_sheet,
)
from raci.formats.sheet_detect.build import split_names

from tests.test_sheet_detect_shapes import cells, read


def people(found: SheetRead) -> list[tuple[str, tuple[str, ...], int]]:
    return [(person.name, person.titles, person.column) for person in found.people]


def warned(found: SheetRead) -> list[str]:
    return [str(warning) for warning in found.warnings]


def explained(grid: list[list[object]], sheet: str = "RACI") -> list[str]:
    return explain(detect_layout(grid, sheet), grid).splitlines()


# ------------------------------------------------------------------ inverted sheets
def test_a_not_involved_mark_in_one_letter_column_leaves_the_names_in_the_next_ones_read() -> None:
    grid = [["Task", "R", "A", "C"], ["Plan", "Ann", "-", "Bob"], ["Build", "Cy", "Bob", "Ann"]]
    found = read(grid)
    assert found.layout.orientation is Orientation.INVERTED
    assert cells(found) == [{"Ann": "R", "Bob": "C"}, {"Cy": "R", "Bob": "A", "Ann": "C"}]
    assert warned(found) == ["'-' in 1 cell read as not involved: C2."]


def test_a_number_in_one_letter_column_leaves_the_names_in_the_next_ones_read() -> None:
    grid = [["Task", "R", "A", "C"], ["Plan", "Ann", 42, "Bob"], ["Build", "Cy", "Bob", "Ann"]]
    found = read(grid)
    assert cells(found) == [{"Ann": "R", "Bob": "C"}, {"Cy": "R", "Bob": "A", "Ann": "C"}]
    assert warned(found) == ["1 cell could not be read as names for letters and was left blank: C2 '42'."]


def test_an_inverted_sheet_keeps_the_titles_written_beside_a_name() -> None:
    grid = [["Task", "R", "A"], ["Plan", "Ann (PM)", "Bob (Product Owner)"], ["Build", "Bob", "Ann"]]
    found = read(grid)
    assert people(found) == [("Ann", ("Product Manager",), -1), ("Bob", ("Product Owner",), -1)]
    assert found.people[0] == ImportedPerson("Ann", ("Product Manager",))


def test_a_name_too_long_in_an_inverted_sheet_is_cut_with_a_warning_at_its_cell() -> None:
    name = "Z" * 205
    grid = [["Task", "R", "A"], ["Plan", "Ann", "Bob"], ["Build", "Cy", f"Bob, {name}"]]
    found = read(grid)
    assert [person.name for person in found.people] == ["Ann", "Bob", "Cy", "Z" * 199 + "…"]
    assert warned(found) == ["1 text over the team file's length limits (200 characters), shortened: C3."]


def test_an_inverted_name_written_with_extra_spaces_is_the_same_person() -> None:
    grid = [["Task", "R", "A"], ["Plan", "Ann  Lee", "Bob"], ["Build", "Bob", "ann lee"]]
    found = read(grid)
    assert [person.name for person in found.people] == ["Ann Lee", "Bob"]
    assert cells(found) == [{"Ann Lee": "R", "Bob": "A"}, {"Bob": "R", "Ann Lee": "A"}]


def test_names_split_at_separators_outside_brackets_whatever_the_letters_in_them() -> None:
    assert split_names("Xavier, Bob") == ["Xavier", "Bob"]
    assert split_names("Ann (XO, PM) & Bob") == ["Ann (XO, PM)", "Bob"]
    assert split_names("Ann (PM [lead], SM), Bob") == ["Ann (PM [lead], SM)", "Bob"]


# ------------------------------------------------------------------ a second header row
def test_a_second_header_row_of_titles_keeps_each_person_in_their_column() -> None:
    grid = [["Task", "Ann", "Bob"], ["Role", "PM", "Product Owner"], ["Plan", "R", "A"]]
    found = read(grid)
    assert people(found) == [("Ann", ("Product Manager",), 1), ("Bob", ("Product Owner",), 2)]


def test_a_second_header_row_without_a_label_is_named_by_its_row_alone() -> None:
    grid = [["Task", "Ann", "Bob"], [None, "Mon", "Tue"], ["Plan", "R", "A"]]
    found = read(grid)
    assert people(found) == [("Ann", (), 1), ("Bob", (), 2)]
    assert warned(found) == [
        "Row 2, read as a header row describing the people and not kept: B2 'Mon', C2 'Tue'."]


# ------------------------------------------------------------------ a grid read once
def test_a_grid_prepared_once_is_detected_explained_and_read_like_the_grid_itself() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Build", "A", "R"]]
    frame = prepare(grid)
    layout = detect_layout(frame, "RACI")
    assert layout == detect_layout(grid, "RACI")
    assert explain(layout, frame) == explain(layout, grid)
    found = read_sheet(frame, layout, load_catalog())
    assert cells(found) == [{"Ann": "R", "Bob": "A"}, {"Ann": "A", "Bob": "R"}]
    assert layout.rows == (RowRole.HEADER, RowRole.RESPONSIBILITY, RowRole.RESPONSIBILITY)
    assert [plan.role for plan in layout.columns] == [ColumnRole.TITLE, ColumnRole.PERSON, ColumnRole.PERSON]


# ------------------------------------------------------------------ when a row of letters heads an inverted sheet
def test_one_row_of_two_names_under_two_letters_is_an_inverted_sheet() -> None:
    found = read([["Task", "R", "A"], ["Plan", "Ann", "Bob"]])
    assert found.layout.orientation is Orientation.INVERTED
    assert cells(found) == [{"Ann": "R", "Bob": "A"}]


def test_a_combined_letter_heads_no_letter_column_of_an_inverted_sheet_its_names_are_notes() -> None:
    grid = [["Task", "R", "A/R", "C"], ["Plan", "Ann", "Bob", "Cy"], ["Build", "Cy", "Ann", "Bob"]]
    found = read(grid)
    assert found.layout.orientation is Orientation.INVERTED
    assert cells(found) == [{"Ann": "R", "Cy": "C"}, {"Cy": "R", "Bob": "C"}]
    assert [row.description for row in found.rows] == ["A/R: Bob", "A/R: Ann"]


def test_a_letter_column_the_chosen_set_cannot_read_is_skipped_with_its_reason() -> None:
    grid = [["Task", "R", "A", "S", "D"], ["Plan", "Ann", "Bob", "Cy", "Di"], ["Build", "Cy", "Bob", "Ann", "Di"]]
    found = read(grid)
    assert found.layout.columns == (
        ColumnPlan(0, ColumnRole.TITLE, "Task", "the responsibilities' titles"),
        ColumnPlan(1, ColumnRole.LETTER, "R", "names under a letter", "R"),
        ColumnPlan(2, ColumnRole.LETTER, "A", "names under a letter", "A"),
        ColumnPlan(3, ColumnRole.LETTER, "S", "names under a letter", "S"),
        ColumnPlan(4, ColumnRole.SKIPPED, "D", "is no letter of RASCI"))
    assert cells(found) == [{"Ann": "R", "Bob": "A", "Cy": "S"}, {"Cy": "R", "Bob": "A", "Ann": "S"}]
    assert warned(found) == ["Column E 'D' is no letter of RASCI: skipped."]
    assert "Skipped columns: column E 'D' (is no letter of RASCI)" in explained(grid)


def test_initials_that_spell_letters_are_a_person_of_an_inverted_sheet() -> None:
    grid = [["Task", "R", "A", "C"], ["Plan", "Ann", "Bob", "Cy"], ["Build", "Bob", "AC", "Ann"],
            ["Ship", "AC", "Cy", "Bob"]]
    found = read(grid)
    assert found.layout.orientation is Orientation.INVERTED
    assert [person.name for person in found.people] == ["Ann", "Bob", "Cy", "AC"]
    assert cells(found) == [{"Ann": "R", "Bob": "A", "Cy": "C"}, {"Bob": "R", "AC": "A", "Ann": "C"},
                            {"AC": "R", "Cy": "A", "Bob": "C"}]


def test_a_row_of_letters_over_fewer_names_than_letters_is_no_inverted_header() -> None:
    # Two names, and four (then five) letters in those columns: the letters are the matrix, not the names.
    for grid in ([["Task", "R", "A", "C"], ["Plan", "Ann", "Bob", "I"]],
                 [["Task", "R", "A", "C"], ["Plan", "Ann", "Bob", "I"], ["Build", None, None, "A"]]):
        assert read(grid).layout.orientation is Orientation.NORMAL


def test_a_lettered_row_under_another_is_no_inverted_header_even_with_names_below_it() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Build", "C", "I"], ["Ship", "Cy", "Dan"]]
    found = read(grid)
    assert found.layout.orientation is Orientation.NORMAL
    assert [person.name for person in found.people] == ["Ann", "Bob"]
    assert [row.title for row in found.rows] == ["Plan", "Build", "Ship"]


# ------------------------------------------------------------------ sheets without letters
def test_a_sheet_without_letters_takes_the_row_naming_the_titles_column_as_its_header() -> None:
    grid = [["Apollo plan", "Draft"], ["Task", "Ann", "Bob"], ["Plan the release"], ["Build it"]]
    found = read(grid, "Plan")
    assert [person.name for person in found.people] == ["Ann", "Bob"]
    assert [row.title for row in found.rows] == ["Plan the release", "Build it"]
    assert found.layout.team_name == "Apollo plan"


def test_a_sheet_without_letters_or_a_titles_word_takes_its_first_row_of_names() -> None:
    grid = [[None, "Ann", "Bob"], ["Plan the release"], ["Build it"]]
    assert explained(grid, "Launch") == [
        "Sheet: Launch",
        "Orientation: normal (people across the top, responsibilities down the side)",
        "Header: row 1",
        "Titles: column A",
        "People (2): column B 'Ann', column C 'Bob'",
        "Responsibilities: 2 rows",
        "Letters: RACI, the default: the sheet holds no letters it can read.",
        "Team name: Launch"]


def test_a_sheet_without_letters_names_no_person_after_notes_or_left_of_the_titles_or_by_a_number() -> None:
    grid = [["Ref", "Task", "Ann", "Bob", "Notes", None, 2024], [None, "Plan the release"], [None, "Build it"]]
    found = read(grid)
    assert [person.name for person in found.people] == ["Ann", "Bob"]
    assert explained(grid)[4:6] == [
        "People (2): column C 'Ann', column D 'Bob'",
        "Skipped columns: column A 'Ref' (is empty), column E 'Notes' (is empty), column G '2024' (is empty)"]


def test_a_sheet_of_names_over_numbers_only_says_it_has_no_letters_and_no_names_above_responsibilities() -> None:
    grid = [["Task", "Ann", "Bob"], [1, 2, 3], [4, 5, 6]]
    with pytest.raises(LayoutNotFound) as raised:
        detect_layout(grid, "Budget")
    assert str(raised.value) == (
        "Sheet Budget has no letters (R, A, C, I) and no row of names above responsibilities; put the people's "
        "names in one row above the letters, with the responsibilities in a column on the left, and import it again.")


# ------------------------------------------------------------------ what each column becomes
def test_a_column_headed_like_a_category_but_holding_numbers_is_skipped_with_a_warning() -> None:
    found = read([["Task", "Phase", "Ann"], ["Plan", 1, "R"], ["Build", 2, "A"]])
    assert found.layout.column(1) == ColumnPlan(1, ColumnRole.SKIPPED, "Phase", "holds numbers")
    assert warned(found) == ["Column B 'Phase' holds numbers: skipped."]


def test_an_empty_column_headed_like_a_category_still_groups_the_rows() -> None:
    found = read([["Phase", "Task", "Ann"], [None, "Plan", "R"], [None, "Build", "A"]])
    assert found.layout.column(0) == ColumnPlan(0, ColumnRole.CATEGORY, "Phase", "headed like a category")
    assert warned(found) == []


def test_an_empty_notes_column_right_of_the_people_is_no_person() -> None:
    grid = [["Task", "Ann", "Bob", "Notes"], ["Plan", "R", "A"], ["Build", "A", "R"]]
    assert [person.name for person in read(grid).people] == ["Ann", "Bob"]
    assert explained(grid)[4:6] == ["People (2): column B 'Ann', column C 'Bob'",
                                    "Skipped columns: column D 'Notes' (is empty)"]


def test_a_column_left_of_the_titles_filled_on_nine_rows_in_ten_is_notes_not_a_category() -> None:
    grid = [["Owner note", "Task", "Ann"],
            *[[f"note {i}" if i < 9 else None, f"Task {i} to do", "R"] for i in range(10)]]
    found = read(grid)
    assert found.layout.column(0) == ColumnPlan(0, ColumnRole.NOTES, "Owner note", "text that is not letters")
    assert [row.category for row in found.rows] == [""] * 10
    assert found.rows[0].description == "Owner note: note 0"


def test_a_column_left_of_the_titles_filled_on_each_groups_first_row_is_named_as_the_category() -> None:
    grid = [["Squad", "Task", "Ann"], ["Build", "Plan", "R"], [None, "Make", "A"], ["Ship", "Test", "C"],
            [None, "Go", "R"]]
    found = read(grid)
    assert [row.category for row in found.rows] == ["Build", "Build", "Ship", "Ship"]
    assert "Category columns: column A 'Squad' (filled only on each group's first row)" in explained(grid)


def test_a_column_left_of_the_titles_repeating_one_value_twice_is_named_as_the_category() -> None:
    grid = [["Squad", "Task", "Ann"], ["Build", "Plan", "R"], ["Build", "Make", "A"]]
    found = read(grid)
    assert [row.category for row in found.rows] == ["Build", "Build"]
    assert "Category columns: column A 'Squad' (repeats a few values)" in explained(grid)


def test_unheaded_text_between_two_people_is_notes_and_the_description_column_stays_the_description() -> None:
    grid = [["Task", "Ann", None, "Bob", "Description"], ["Plan", "R", "why", "A", "desc"],
            ["Build", "A", "how", "R", "more"]]
    found = read(grid)
    assert [row.description for row in found.rows] == ["why\ndesc", "how\nmore"]
    assert found.layout.column(2) == ColumnPlan(2, ColumnRole.NOTES, "", "text that is not letters")


def test_unheaded_text_right_of_the_titles_is_the_description_under_no_header() -> None:
    found = read([["Task", None, "Ann"], ["Plan", "why", "R"], ["Build", "how", "A"]])
    assert found.layout.column(1) == ColumnPlan(1, ColumnRole.DESCRIPTION, "", "text beside the titles")
    assert [row.description for row in found.rows] == ["why", "how"]


def test_headed_text_right_of_the_people_is_kept_under_its_header() -> None:
    found = read([["Task", "Ann", "Owner team"], ["Plan", "R", "Platform"], ["Build", "A", "Payments"]])
    assert [row.description for row in found.rows] == ["Owner team: Platform", "Owner team: Payments"]


def test_an_unheaded_column_of_marks_only_is_skipped_as_holding_nothing_to_read() -> None:
    found = read([["Task", "Ann", None], ["Plan", "R", "-"], ["Build", "A", "-"]])
    assert warned(found) == ["Column C holds no words or letters to read: skipped."]


# ------------------------------------------------------------------ which rows head the rows below them
@pytest.mark.parametrize("heading", ["Delivery:", "SHIP", "IV", "2)", "Initiation phase"])
def test_a_title_only_row_between_lettered_rows_that_reads_as_a_heading_is_a_category(heading: str) -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], [heading], ["Build", "A", "R"]]
    found = read(grid)
    assert [(row.title, row.category) for row in found.rows] == [("Plan", ""), ("Build", heading)]
    assert f"Category rows: row 3 ('{heading}')" in explained(grid)


def test_a_title_only_row_between_lettered_rows_that_reads_as_a_task_is_a_responsibility_nobody_holds() -> None:
    found = read([["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Launch"], ["Build", "A", "R"]])
    assert [(row.title, row.category, row.cells) for row in found.rows] == [
        ("Plan", "", ((0, "R"), (1, "A"))), ("Launch", "", ()), ("Build", "", ((0, "A"), (1, "R")))]


def test_a_heading_over_a_blank_row_still_heads_the_lettered_rows_after_it() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Delivery:"], [], ["Build", "A", "R"]]
    found = read(grid)
    assert [(row.title, row.category) for row in found.rows] == [("Plan", ""), ("Build", "Delivery:")]


def test_a_heading_over_another_heading_is_a_category_row_too() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Phase 1: Planning"], ["Discovery:"], ["Build", "A", "R"]]
    found = read(grid)
    assert [row.title for row in found.rows] == ["Plan", "Build"]
    assert "Category rows: rows 3-4 ('Phase 1: Planning', 'Discovery:')" in explained(grid)


# ------------------------------------------------------------------ legends
def test_an_empty_column_headed_key_is_skipped_as_empty() -> None:
    grid = [["Task", "Ann", "Bob", "Key"], ["Plan", "R", "A"], ["Build", "A", "R"]]
    assert read(grid).warnings == ()
    assert "Skipped columns: column D 'Key' (is empty)" in explained(grid)


def test_a_key_column_holding_one_pair_or_one_letter_is_the_legend_and_no_person() -> None:
    for key, legend in (("R = Responsible", "Key; R = Responsible"), ("R", "Key; R")):
        grid = [["Task", "Ann", "Bob", "Key"], ["Plan", "R", "A", key], ["Build", "A", "R"]]
        found = read(grid)
        assert [person.name for person in found.people] == ["Ann", "Bob"]
        assert found.layout.column(3) == ColumnPlan(3, ColumnRole.LEGEND, "Key", "a legend")
        assert found.layout.legend == legend


def test_a_block_beside_the_matrix_spelling_two_pairs_under_any_header_is_a_legend() -> None:
    grid = [["Task", "Ann", "Bob", None, "Meaning"], ["Plan", "R", "A", None, "R = Responsible"],
            ["Build", "A", "R", None, "A = Accountable"]]
    found = read(grid)
    assert [person.name for person in found.people] == ["Ann", "Bob"]
    assert "Legend columns: column E 'Meaning' (a legend)" in explained(grid)
    assert [row.description for row in found.rows] == ["", ""]


def test_a_named_column_of_distinct_letters_past_a_blank_column_is_a_person() -> None:
    grid = [["Task", "Ann", None, "Cy"], ["Plan", "R", None, "A"], ["Build", "A", None, "R"]]
    found = read(grid)
    assert cells(found) == [{"Ann": "R", "Cy": "A"}, {"Ann": "A", "Cy": "R"}]
    assert found.layout.legend == ""


def test_two_distinct_letters_under_no_header_past_a_blank_column_are_a_legend() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A", None, "R"], ["Build", "A", "R", None, "A"]]
    found = read(grid)
    assert [person.name for person in found.people] == ["Ann", "Bob"]
    assert "Legend columns: column E (a legend)" in explained(grid)


def test_a_row_opening_a_legend_under_the_grid_is_no_responsibility() -> None:
    for opening in ("Legend", "RACI key: what the letters mean"):
        grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Build", "A", "R"], [opening],
                ["R", "Responsible"], ["A", "Accountable"]]
        found = read(grid)
        assert [row.title for row in found.rows] == ["Plan", "Build"]
        assert found.layout.rows_with(RowRole.LEGEND) == (3, 4, 5)
        assert found.layout.legend == f"{opening}; R; Responsible; A; Accountable"


# ------------------------------------------------------------------ the header and the team's name
def test_a_row_under_the_names_labelling_the_titles_column_belongs_to_the_header() -> None:
    grid = [[None, "Ann", "Bob"], ["Task"], ["Plan", "R", "A"], ["Build", "A", "R"]]
    found = read(grid)
    assert found.layout.header_rows == (0, 1)
    assert [(row.title, row.category) for row in found.rows] == [("Plan", ""), ("Build", "")]
    assert "Header: rows 1-2, names in row 1" in explained(grid)


def test_a_sheet_named_by_punctuation_alone_gives_the_team_no_name() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"]]
    assert detect_layout(grid, "***").team_name == ""
    assert detect_layout(grid, "Sheet").team_name == ""
    assert detect_layout(grid, "Web squad").team_name == "Web squad"


# ------------------------------------------------------------------ words for letters, rows without titles
def test_a_legend_under_the_grid_spelling_letters_as_words_of_up_to_five_characters_is_a_legend() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Build", "A", "R"], [],
            ["Doer", "Responsible"], ["Owner", "Accountable"]]
    found = read(grid)
    assert [row.title for row in found.rows] == ["Plan", "Build"]
    assert found.layout.rows_with(RowRole.LEGEND) == (4, 5)


def test_a_task_named_by_a_letter_word_of_six_characters_is_a_responsibility_not_a_legend() -> None:
    found = read([["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Inform", "Informed", "C"]])
    assert [(row.title, row.cells) for row in found.rows] == [
        ("Plan", ((0, "R"), (1, "A"))), ("Inform", ((0, "I"), (1, "C")))]


def test_a_row_holding_only_a_note_right_of_the_titles_is_skipped_with_a_warning() -> None:
    grid = [["Task", "Notes", "Ann"], ["Plan", "x", "R"], [None, "some note"], ["Build", None, "A"]]
    found = read(grid)
    assert [(row.title, row.category) for row in found.rows] == [("Plan", ""), ("Build", "")]
    assert warned(found) == ["1 row without letters was skipped: B3 'some note'."]


def test_text_left_of_the_titles_that_reads_as_no_heading_is_a_row_without_a_title() -> None:
    grid = [["Ref", "Task", "Ann"], [1, "Plan", "R"], ["Launch prep", None, None], [2, "Build", "A"]]
    found = read(grid)
    assert [(row.title, row.category) for row in found.rows] == [("Plan", ""), ("Build", "")]
    assert warned(found) == ["1 row without a title was skipped: B3 'Launch prep'.",
                             "Column A 'Ref' holds numbers: skipped."]


def test_text_left_of_the_titles_that_reads_as_a_heading_heads_the_rows_below() -> None:
    grid = [["Ref", "Task", "Ann"], [1, "Plan", "R"], ["Phase 2: Build", None, None], [2, "Build", "A"]]
    found = read(grid)
    assert [(row.title, row.category) for row in found.rows] == [("Plan", ""), ("Build", "Phase 2: Build")]
