"""Worksheets as other writers lay them out, read by the streaming reader exactly.

Excel writes every row and cell with its address; other writers leave the
addresses out, keep phonetic guides beside Japanese text, split a string into
runs, store ISO dates (Strict Open XML), pretty-print the XML or leave the
row elements out. Each test writes such a worksheet into a workbook and
compares the grid it imports to, cell for cell.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter

from raci.errors import SheetImportError
from raci.formats import sheet_xml
from raci.formats.workbook_reader import open_workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def workbook_with(tmp_path: Path, sheet_data: str) -> Path:
    """A workbook whose one sheet ("Plan") holds ``sheet_data``; its shared strings are "Task" (0) and "Ana" (1)."""
    path = tmp_path / "other.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Plan")
    sheet.write_string(0, 0, "Task")
    sheet.write_string(0, 1, "Ana")
    book.close()
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN}">\n  <sheetData>{sheet_data}</sheetData>\n</worksheet>\n'
    ).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def grid_of(path: Path) -> list[tuple[Any, ...]]:
    with open_workbook(path) as workbook:
        return list(workbook.grid("Plan").rows)


def inline(text: str) -> str:
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'


# ------------------------------------------------------------ addresses
def test_rows_and_cells_without_addresses_follow_one_another(tmp_path: Path) -> None:
    rows = (
        f"<row>{inline('Task')}{inline('Ana')}{inline('Ben')}</row>"
        f"<row>{inline('Plan')}<c><v>1</v></c><c><v>2</v></c></row>"
        f"<row>{inline('Ship')}</row>"
    )
    assert grid_of(workbook_with(tmp_path, rows)) == [("Task", "Ana", "Ben"), ("Plan", 1, 2), ("Ship",)]


def test_an_addressed_cell_sets_where_the_next_unaddressed_one_goes(tmp_path: Path) -> None:
    rows = '<row r="2"><c r="B2"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>'
    assert grid_of(workbook_with(tmp_path, rows)) == [(), (None, 1, 2), (3,)]


def test_a_row_numbered_zero_is_a_damaged_workbook(tmp_path: Path) -> None:
    with pytest.raises(SheetImportError) as error:
        grid_of(workbook_with(tmp_path, f'<row r="0">{inline("Task")}</row>'))
    assert str(error.value).startswith("Cannot import other.xlsx: the workbook is damaged")


def test_cells_written_without_any_row_element_make_the_first_row(tmp_path: Path) -> None:
    cells = '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"><v>7</v></c>'
    assert grid_of(workbook_with(tmp_path, cells)) == [("Task", "Ana", 7)]


# ---------------------------------------------------------------- values
def test_a_string_in_runs_is_joined_and_its_phonetic_guide_left_out(tmp_path: Path) -> None:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is>'
        "<r><t>Ana</t></r><rPh sb=\"0\" eb=\"3\"><t>アナ</t></rPh><r><t> Lima</t></r>"
        "</is></c>"
        '<c r="B1" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c></row>'
    )
    assert grid_of(workbook_with(tmp_path, rows)) == [("Ana Lima", "東京")]


def test_pretty_printed_cells_read_as_their_values(tmp_path: Path) -> None:
    rows = (
        '\n    <row r="1">\n      <c r="A1" t="inlineStr">\n        <is>\n          <t>Task</t>\n        </is>\n'
        '      </c>\n      <c r="B1">\n        <v>4</v>\n      </c>\n    </row>\n  '
    )
    assert grid_of(workbook_with(tmp_path, rows)) == [("Task", 4)]


def test_formulas_dates_booleans_errors_and_blanks_read_as_excel_keeps_them(tmp_path: Path) -> None:
    rows = (
        '<row r="1">'
        '<c r="A1" t="str"><f>B1&amp;"!"</f><v>Ana!</v></c>'
        '<c r="B1"><f></f><v>5</v></c>'  # an empty formula element leaves the value
        '<c r="C1" t="d"><v>2024-05-01T00:00:00Z</v></c>'
        '<c r="D1" t="b"><v>1</v></c>'
        '<c r="E1" t="e"><v>#N/A</v></c>'
        '<c r="F1" t="inlineStr"><is><t></t></is></c>'  # an empty string is a blank
        '<c r="G1" t="s"/>'  # a cell without a value too
        "</row>"
    )
    assert grid_of(workbook_with(tmp_path, rows)) == [('=B1&"!"', 5, datetime(2024, 5, 1), True, "#N/A")]


def test_a_strict_date_that_is_no_date_is_kept_as_its_text(tmp_path: Path) -> None:
    rows = '<row r="1"><c r="A1" t="d"><v>next sprint</v></c></row>'
    assert grid_of(workbook_with(tmp_path, rows)) == [("next sprint",)]


def test_text_longer_than_one_read_of_the_file_comes_back_whole(tmp_path: Path) -> None:
    long_text = "x" * 30_000
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{long_text}</t></is></c></row>' for n in range(1, 4))
    assert grid_of(workbook_with(tmp_path, rows)) == [(long_text,)] * 3  # the second crosses 64 KiB


# ------------------------------------------------------- counting elements
def test_every_element_is_counted_once_for_the_elements_cap() -> None:
    cells = "".join(f'<c r="A{n}"><v>{n}</v></c>' for n in range(1, 3001))
    xml = f'<worksheet xmlns="{MAIN}"><sheetData><row r="1">{cells}</row></sheetData></worksheet>'.encode()
    reports: list[int] = []
    rows: list[tuple[int, list[tuple[int, Any]]]] = []
    sheet_xml.read_sheet(io.BytesIO(xml), [], (set(), None), lambda row, found: rows.append((row, found)),
                         reports.append)
    assert sum(reports) == 3 + 2 * 3000  # worksheet, sheetData, row; each cell and its value
    assert len(rows) == 1


# --------------------------------------------------------- column letters
@pytest.mark.parametrize(
    ("reference", "column"),
    [("A1", 0), ("Z9", 25), ("AA1", 26), ("AZ3", 51), ("BA1", 52), ("XFD1048576", 16_383), ("xfd1", 16_383),
     ("AAAAAAA1", 321_272_406)],
)
def test_column_letters_count_from_a_as_zero(reference: str, column: int) -> None:
    assert sheet_xml.column_index(reference) == column
    assert sheet_xml.column_index(reference) == column  # and again, from what was remembered


@pytest.mark.parametrize("reference", ["AAAAAAAA1", "É1", "1", "A-1", "ＡＢ1"])
def test_a_reference_without_up_to_seven_latin_letters_is_refused_naming_it(reference: str) -> None:
    with pytest.raises(ValueError, match=f"^cell reference {reference!r}$"):
        sheet_xml.column_index(reference)


def test_a_refused_reference_is_named_by_its_first_twenty_characters() -> None:
    with pytest.raises(ValueError) as error:
        sheet_xml.column_index("ABCDEFGHIJKLMNOPQRSTUVWXYZ1")
    assert str(error.value) == "cell reference 'ABCDEFGHIJKLMNOPQRST'"


def test_the_letters_remembered_stay_at_twenty_thousand() -> None:
    from itertools import product
    from string import ascii_uppercase

    letters = ("".join(pair) for pair in product(ascii_uppercase, repeat=4))
    for _ in range(20_001):
        sheet_xml.column_index(next(letters) + "1")
    assert len(sheet_xml._COLUMNS) == 20_000
    assert sheet_xml.column_index("ZZZZ1") == 475_253  # one not remembered is still worked out
