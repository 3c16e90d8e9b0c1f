"""Reading a sheet's cells at their edges: ticks and formulas in a column of their own, a cell of letters
written out at the length limit, and values of other types quoted in notes and titles as a sheet shows them."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from raci.errors import SheetImportError
from raci.formats import import_sheet
from raci.formats.sheet_detect import LayoutNotFound, SheetRead, detect_layout, explain, prepare, read_sheet
from raci.formats.sheet_reader import Caps, read_csv
from raci.formats.workbook_reader import open_workbook
from raci.letters import RASCI, note_cells

from tests.test_sheet_xml_stream import inline, workbook_with

TICKS = ["true", "false", "yes", "no", "x", "X", "✓", "✔"]


def read(grid: list[list[object]]) -> SheetRead:
    return read_sheet(grid, detect_layout(grid, "S"))


def warnings_of(grid: list[list[object]]) -> list[str]:
    return [str(warning) for warning in read(grid).warnings]


@pytest.mark.parametrize("tick", TICKS)
def test_a_column_of_ticks_is_skipped_and_named_as_ticks(tick: str) -> None:
    grid = [["Task", "Done", "Ann", "Bob"], ["Plan the work", tick, "R", "A"], ["Ship it", tick, "A", "R"]]
    assert warnings_of(grid) == ["Column B 'Done' holds ticks (TRUE/FALSE, x): skipped."]
    assert [row.description for row in read(grid).rows] == ["", ""]


@pytest.mark.parametrize("formula", ["=7", "=A1", '  =COUNTIF(C2:D2,"A")'])
def test_a_column_of_formulas_is_skipped_even_the_shortest_or_indented(formula: str) -> None:
    grid = [["Task", "Count", "Ann", "Bob"], ["Plan the work", formula, "R", "A"], ["Ship it", formula, "A", "R"]]
    assert warnings_of(grid) == ["Column B 'Count' holds formulas: skipped."]
    assert "Skipped columns: column B 'Count' (holds formulas)" in explain(detect_layout(grid, "S"), grid)


def test_an_equals_sign_alone_is_a_note_not_a_formula() -> None:
    grid = [["Task", "Count", "Ann", "Bob"], ["Plan the work", "=", "R", "A"], ["Ship it", "=", "A", "R"]]
    assert warnings_of(grid) == []
    assert [row.description for row in read(grid).rows] == ["Count: =", "Count: ="]


def test_letters_written_out_in_exactly_60_characters_still_read_as_letters() -> None:
    cell = "Responsible, Accountable, Consulted, Informed, Responsible R"
    assert len(cell) == 60
    grid = [["Task", "Ann", "Bob"], ["Plan the work", cell, "A"], ["Ship it", "", "R"]]
    found = read(grid)
    assert [person.name for person in found.people] == ["Ann", "Bob"]
    assert [row.cells for row in found.rows] == [((0, "A/R/C/I"), (1, "A")), ((1, "R"),)]


ODD_VALUES: list[object] = [True, False, 2.0, 2.5, dt.timedelta(days=2)]
AS_SHOWN = ["TRUE", "FALSE", "2", "2.5", "2 days, 0:00:00"]


def test_notes_of_other_types_are_kept_as_the_sheet_shows_them() -> None:
    grid: list[list[object]] = [["Task", "Notes", "Ann", "Bob"]]
    grid += [[f"Task {number}", value, "R", "A"] for number, value in enumerate(ODD_VALUES)]
    grid += [[f"Other {number}", "some words here", "R", "A"] for number in range(8)]
    descriptions = [row.description for row in read(grid).rows]
    assert descriptions[:5] == [f"Notes: {text}" for text in AS_SHOWN]


def test_titles_of_other_types_read_as_the_sheet_shows_them_and_a_blank_number_has_none() -> None:
    grid: list[list[object]] = [["Task", "Ann", "Bob"]]
    grid += [[value, "R", "A"] for value in [*ODD_VALUES, float("nan")]]
    grid += [[f"Other {number}", "R", "A"] for number in range(8)]
    found = read(grid)
    assert [row.title for row in found.rows][:5] == AS_SHOWN
    assert [str(warning) for warning in found.warnings] == [
        "1 row with letters but no responsibility title, skipped: A7."]


# ------------------------------------------------------------------ refused files
def refusal(path: Path) -> str:
    with pytest.raises(SheetImportError) as caught:
        import_sheet(path)
    return str(caught.value)


def test_a_csv_of_only_blank_lines_is_refused_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(b"  \r\n\n")
    assert refusal(path) == "Cannot import plan.csv: the file is empty; choose a spreadsheet with a RACI matrix in it."


def test_a_folder_named_like_a_csv_is_refused_as_a_folder(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.mkdir()
    assert refusal(path) == "Cannot import plan.csv: it is a folder, not a file; choose a spreadsheet file."


def test_a_csv_field_past_the_csv_modules_limit_is_refused_in_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text('Task,Ann\nPlan the work,"' + "a" * 140_000 + '"\n', encoding="utf-8")
    assert refusal(path) == (
        "Cannot import plan.csv: it cannot be read as comma-separated values (field larger than field limit "
        "(131072)); export the sheet as .csv again and import that.")


def test_a_csv_over_the_size_limit_it_is_read_with_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Task,Ann\n" + "Plan the work,R\n" * 80_000, encoding="utf-8")
    with pytest.raises(SheetImportError) as caught:
        read_csv(path, Caps(file_bytes=1_048_576))
    assert str(caught.value) == (
        "Cannot import plan.csv: the file is 1.2 MB, over the 1 MB limit for imports; check that this is the right "
        "file.")


# ------------------------------------------------------------------ rows written twice
TWICE = (f'<row r="1">{inline("Task")}{inline("Ann")}</row><row r="3">{inline("Ship it")}</row>'
         f'<row r="2">{inline("Plan the work")}</row>'
         '<row r="1"><c r="C1" t="inlineStr"><is><t>Bob</t></is></c></row>'
         '<row r="3"><c r="C3" t="inlineStr"><is><t>R</t></is></c></row>')


def test_rows_written_twice_and_out_of_order_are_merged_and_counted_once_against_the_cells_cap(
        tmp_path: Path) -> None:
    path = workbook_with(tmp_path, TWICE)
    with open_workbook(path, Caps(cells=7)) as book:  # 3 + 1 + 3 cells, each row up to its last filled cell
        assert list(book.grid("Plan").rows) == [("Task", "Ann", "Bob"), ("Plan the work",), ("Ship it", None, "R")]
    with pytest.raises(SheetImportError) as caught, open_workbook(path, Caps(cells=6)) as book:
        book.grid("Plan")
    assert str(caught.value) == (
        "Cannot import other.xlsx: Sheet Plan: it holds more than 6 cells (counting each row up to its last filled "
        "cell); import a sheet that holds only the RACI matrix.")


# ------------------------------------------------------------------ the team's name from the file's
@pytest.mark.parametrize(("file_name", "team_name"), [
    ("apollo_raci-2024.v2.csv", "apollo raci 2024"),
    ("_-_.csv", "Imported team"),
    (".hidden.csv", "Imported team"),
])
def test_a_csv_team_is_named_after_the_file_up_to_its_first_dot(tmp_path: Path, file_name: str,
                                                               team_name: str) -> None:
    path = tmp_path / file_name
    path.write_text("Task,Ann,Bob\nPlan the work,A,R\nShip it,R,A\n", encoding="utf-8")
    team = import_sheet(path).team
    assert (team.name, team.description) == (team_name, f"Imported from {file_name}.")


# ------------------------------------------------------------------ a file by its content and its extension
def test_an_xlsx_workbook_saved_under_an_ods_name_is_read_as_the_workbook_it_is(tmp_path: Path) -> None:
    path = tmp_path / "plan.ods"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("RACI")
    for number, row in enumerate([["Task", "Ann", "Bob"], ["Plan the work", "A", "R"], ["Ship it", "R", "A"]]):
        sheet.write_row(number, 0, row)
    book.close()
    assert import_sheet(path).summary == (
        "Read 2 responsibilities, 2 people and 4 cells from Sheet RACI (RACI letters); 0 of 2 rows matched the "
        "catalog.")


def test_a_zip_under_an_ods_name_holding_no_spreadsheet_is_refused_as_no_opendocument(tmp_path: Path) -> None:
    path = tmp_path / "broken.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", "<office:document-content/>")
    assert refusal(path) == (
        "Cannot import broken.ods: it is not an OpenDocument spreadsheet (an .ods file is a zip archive holding "
        "one); save the sheet as .ods, .xlsx or .csv and import that.")


@pytest.mark.parametrize("name", ["plan.xls", "notes.ODS"])
def test_text_under_an_old_excel_or_opendocument_name_is_refused_as_neither(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("Task,Ann\n", encoding="utf-8")
    assert refusal(path) == (
        f"Cannot import {name}: it is neither an OpenDocument spreadsheet nor an Excel 97-2003 workbook; save the "
        "sheet as .xlsx, .ods or .csv and import that.")


# ------------------------------------------------------------------ the header
def header_and_people(grid: list[list[object]]) -> list[str]:
    return [text for text in explain(detect_layout(grid, "S"), grid).splitlines()
            if text.startswith(("Header:", "People", "Title rows:", "Skipped rows:", "Team name:"))]


def test_one_word_over_three_people_above_the_header_is_a_title_not_a_header_row() -> None:
    grid = [["", "", "", "Draft"], ["Task", "Ann", "Bob", "Cy"], ["Plan", "R", "A", "C"], ["Ship", "A", "R", "I"]]
    assert header_and_people(grid) == [
        "Header: row 2", "People (3): column B 'Ann', column C 'Bob', column D 'Cy'", "Title rows: row 1",
        "Team name: Draft"]


def test_of_two_matrices_of_the_same_size_the_first_is_read_and_the_second_skipped() -> None:
    grid = [["Task", "Ann", "Bob", "Cy"], ["Plan", "R", "A", "C"], ["Ship", "A", "R", "I"], [],
            ["Task", "Dee", "Eve", "Fay"], ["Run", "R", "A", "C"], ["Go", "A", "R", "I"]]
    assert header_and_people(grid) == [
        "Header: row 1", "People (3): column B 'Ann', column C 'Bob', column D 'Cy'", "Skipped rows: rows 5-7",
        "Team name: S"]


def test_a_row_of_groups_under_some_of_the_names_is_part_of_the_header() -> None:
    grid = [["Task", "Ann", "Bob", "Cy", "Dee", "Eve"], ["", "Dev", "Ops", "QA", "", ""],
            ["Plan", "R", "A", "C", "I", "I"], ["Ship", "A", "R", "I", "C", "I"]]
    assert header_and_people(grid) == [
        "Header: rows 1-2, names in row 1",
        "People (5): column B 'Ann', column C 'Bob', column D 'Cy', column E 'Dee', column F 'Eve'",
        "Team name: S"]


def test_a_row_of_roles_under_a_header_below_a_title_is_part_of_the_header() -> None:
    grid = [["RACI for Apollo"], [], ["Task", "Ann", "Bob", "Cy"], ["", "PM", "Dev", "QA"],
            ["Plan", "R", "A", "C"], ["Ship", "A", "R", "I"]]
    assert header_and_people(grid) == [
        "Header: rows 3-4, names in row 3", "People (3): column B 'Ann', column C 'Bob', column D 'Cy'",
        "Title rows: row 1", "Team name: RACI for Apollo"]


# ------------------------------------------------------------------ plural words
def test_a_plural_of_a_titles_label_under_the_names_is_part_of_the_header() -> None:
    grid = [["", "Ann", "Bob", "Cy"], ["Etapes"], ["Plan the work", "R", "A", "C"], ["Ship it", "A", "R", "I"]]
    assert header_and_people(grid)[0] == "Header: rows 1-2, names in row 1"


@pytest.mark.parametrize("heading", ["Sprints", "Later sprints"])
def test_a_row_naming_sprints_between_the_rows_heads_those_below_it(heading: str) -> None:
    grid = [["Task", "Ann", "Bob", "Cy"], ["Plan the work", "R", "A", "C"], [heading], ["Ship it", "A", "R", "I"],
            ["Run the demo", "A", "R", "I"]]
    lines = explain(detect_layout(grid, "S"), grid).splitlines()
    assert [text for text in lines if text.startswith(("Category rows:", "Responsibilities:"))] == [
        f"Category rows: row 3 ('{heading}')", "Responsibilities: 3 rows"]


# ------------------------------------------------------------------ the grid's width, turned
TURNED = [["", "Plan", "Build", "Ship"], ["Ann", "A", "R", "C"], ["Bob", "R", "A", "A"], ["Cy", "I", "C", "R"]]


@pytest.mark.parametrize("grid", [[], [list(note_cells(RASCI))]], ids=["nothing", "only the letter-set record"])
def test_a_sheet_without_cells_turns_into_no_rows_and_is_refused_as_empty(grid: list[list[object]]) -> None:
    frame = prepare(grid)
    assert (frame.width, frame.turn().height) == (0, 0)
    with pytest.raises(LayoutNotFound) as caught:
        detect_layout(grid, "S")
    assert caught.value.sentence == (
        "Sheet S is empty; put the people's names in one row above the letters, with the responsibilities in a "
        "column on the left, and import it again.")


@pytest.mark.parametrize("grid", [TURNED, [*TURNED, [], list(note_cells(RASCI))]], ids=["plain", "with its record"])
def test_a_sheet_turned_has_one_row_per_column_it_fills(grid: list[list[object]]) -> None:
    frame = prepare(grid)
    assert (frame.width, frame.turn().height) == (4, 4)
    assert frame.turn().turn() == frame
