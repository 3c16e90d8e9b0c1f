"""Edges of reading a sheet's layout: inverted sheets' names and marks, second header rows, brackets in names,
when a row of letters heads an inverted sheet, which row heads a sheet without letters, and what each column
and row becomes, said in the warnings and in ``raci import --explain``."""

from __future__ import annotations

from raci.catalog import load_catalog
from raci.formats.sheet_detect import (
    ColumnRole,
    ImportedPerson,
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
