"""An import finished by the layout a person corrected, a preview the caller already has, and a workbook
that is neither an OpenDocument spreadsheet nor an Excel one."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest

from raci.errors import SheetImportError
from raci.formats.sheet_detect import ColumnRole
from raci.formats.sheet_import import finish, inspect, preview

GRID = [["Task", "Note", "Ann", "Bob"],
        ["Plan the work", "first", "A", "R"],
        ["Ship it", "second", "R", "A"]]


def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "plan.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(GRID)
    return path


def titles(result) -> list[str]:
    return [row.title for row in result.team.responsibilities]


def test_finishing_with_a_corrected_layout_imports_by_that_layout(tmp_path: Path) -> None:
    inspection = inspect(sheet(tmp_path))
    corrected = inspection.layout.with_column_role(1, ColumnRole.TITLE)
    assert titles(finish(inspection)) == ["Plan the work", "Ship it"]
    assert titles(finish(inspection, corrected)) == ["first", "second"]


def test_finishing_with_the_preview_already_read_imports_what_it_showed(tmp_path: Path) -> None:
    inspection = inspect(sheet(tmp_path))
    shown = preview(inspection, inspection.layout.with_column_role(1, ColumnRole.TITLE))
    assert titles(finish(inspection, read=shown)) == ["first", "second"]


def test_a_workbook_of_this_app_has_no_layout_to_preview(tmp_path: Path) -> None:
    from raci.formats import export_team

    from tests.conftest import make_small_team

    path = tmp_path / "team.xlsx"
    export_team(make_small_team(), path)
    own = inspect(path)
    other = inspect(sheet(tmp_path))
    with pytest.raises(ValueError, match="a workbook read whole has no layout to preview"):
        preview(own, other.layout)


def test_a_zip_starting_with_a_mimetype_part_of_no_spreadsheet_is_read_as_an_excel_workbook(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr("content.opf", "<package/>")
    with pytest.raises(SheetImportError) as refused:
        inspect(path)
    assert str(refused.value).startswith(
        "Cannot import book.xlsx: the workbook is damaged or not a spreadsheet Excel wrote")


# --------------------------------------------------------------- the workbook's XML
def _with_part(path: Path, part: str, change) -> Path:
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts[part] = change(parts[part])
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_a_pretty_printed_workbook_part_with_defined_names_reads_its_sheet(tmp_path: Path) -> None:
    from tests.test_sheet_xml_stream import grid_of, workbook_with

    names = ('</sheets>\n  <definedNames>\n    <definedName name="first">Plan!$A$1</definedName>\n'
             '    <definedName name="second">Plan!$B$1</definedName>\n  </definedNames>\n  ')
    path = _with_part(workbook_with(tmp_path, '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), "xl/workbook.xml",
                      lambda data: data.replace(b"</sheets>", names.encode()))
    assert grid_of(path) == [("Task",)]


def test_cells_after_the_last_row_element_are_still_read(tmp_path: Path) -> None:
    from tests.test_sheet_xml_stream import grid_of, workbook_with

    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row><c r="B1" t="s"><v>1</v></c>'
    assert grid_of(workbook_with(tmp_path, rows)) == [("Task", "Ana")]


def test_a_phonetic_guide_is_left_out_whatever_it_holds(tmp_path: Path) -> None:
    from tests.test_sheet_xml_stream import grid_of, workbook_with

    rows = ('<row r="1"><c r="A1" t="inlineStr"><is><r><t>Ana</t></r>'
            '<rPh sb="0" eb="3"><t>ア</t><t>ナ</t></rPh><r><t> Lima</t></r></is></c></row>')
    assert grid_of(workbook_with(tmp_path, rows)) == [("Ana Lima",)]


# ------------------------------------------------- which labels read as people (detect.py, step 6)
@pytest.mark.parametrize(("label", "likeness"), [
    ("Ann", 1.0),  # one to three capitalised words: +1
    ("Product Owner", 3.0),  # a known title: +2, and capitalised: +1
    ("Ann Lee Kim", 1.0),
    ("Ann Lee Kim Bo", -1.0),  # four words and more: -1
    ("Dev Lead Ann Lee Kim", -1.0),
    ("A" * 30, 1.0),  # up to 30 characters
    ("A" * 31, 0.0),
    ("ann", 0.0),
    ("Plan the work", -1.5),  # starts with a task's verb: -1.5
    ("Write user stories and more", -2.5),
    ("Ann:", 0.5),  # a colon or a digit: -0.5
    ("Team 2", -0.5),
    ("Ann 2:", -0.5),
])
def test_how_much_a_label_reads_like_a_person(label: str, likeness: float) -> None:
    from raci.formats.sheet_detect.people import person_likeness

    assert person_likeness(label) == likeness
