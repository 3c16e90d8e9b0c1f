"""Reading a sheet at its edges: which sheet of a workbook is chosen when the sizes are close, a grid turned
for the preview, cells that are not plain text (dates in other calendars, numbers with exponents, values of
other types, text on several lines), CSV files of one column or with a capital X on every line, and a long
defined name the XML parser hands over in pieces."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from raci.errors import SheetImportError
from raci.formats import import_sheet
from raci.formats.sheet_detect import choose_sheet, detect_layout, explain, prepare, read_sheet
from raci.formats.sheet_reader import read_csv
from raci.letters import RASCI, note_cells

TURNED = [["", "Plan", "Build", "Ship"], ["Ann", "A", "R", "C"], ["Bob", "R", "A", "A"], ["Cy", "I", "C", "R"]]


def matrix(rows: int, people: int) -> list[list[object]]:
    names = ["Ann", "Bob", "Cy"][:people]
    titles = ["Plan the work", "Ship it", "Run the demo"][:rows]
    return [["Task", *names]] + [[title, *["R"] * people] for title in titles]


# ------------------------------------------------------------------ which sheet
def test_the_sheet_reading_the_most_cells_wins_over_a_longer_or_a_wider_one() -> None:
    assert choose_sheet([("Wide", matrix(1, 3)), ("Tall", matrix(3, 1)), ("Square", matrix(2, 2))])[0] == "Square"


def test_of_task_lists_nobody_is_on_yet_the_longest_is_read() -> None:
    ideas = [["Task", "Description"], ["Plan the work", "Agree the goal"], ["Ship it", "Put it live"]]
    backlog = [*ideas, ["Run the demo", "Show it"], ["Write the notes", "Say what changed"]]
    assert choose_sheet([("Ideas", ideas), ("Backlog", backlog)])[0] == "Backlog"


def test_a_key_sheet_holding_only_a_legend_loses_to_a_matrix_of_one_cell() -> None:
    key = [["Task", "Notes"], [], ["R = Responsible"], ["A = Accountable"], ["C = Consulted"], ["I = Informed"]]
    assert choose_sheet([("Key", key), ("Matrix", matrix(1, 1))])[0] == "Matrix"


# ------------------------------------------------------------------ a turned grid
def test_a_transposed_sheet_reads_the_same_through_the_grid_the_preview_turned() -> None:
    layout = detect_layout(TURNED, "Turned")
    frame = prepare(TURNED)
    through_turned = read_sheet(frame.turn(), layout)
    assert [person.name for person in through_turned.people] == ["Ann", "Bob", "Cy"]
    assert [row.cells for row in through_turned.rows] == [row.cells for row in read_sheet(frame, layout).rows]


def test_a_grid_turned_twice_is_the_grid_again_and_reads_as_before() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan the work", "A", "R"], [], ["Ship it", "R", "A"]]
    frame = prepare(grid)
    again = frame.turn().turn()
    assert again == frame
    layout = detect_layout(grid, "RACI")
    assert read_sheet(frame.turn(), layout).summary() == read_sheet(grid, layout).summary() == (
        "Read 2 responsibilities, 2 people and 4 cells from Sheet RACI (RACI letters); 0 of 2 rows matched the "
        "catalog.")


def test_a_transposed_sheet_keeps_the_letter_set_recorded_under_it() -> None:
    grid = [*TURNED, [], list(note_cells(RASCI))]
    assert prepare(grid).turn().letters == RASCI
    assert "Letters: RASCI: as the sheet records it under the grid." in explain(detect_layout(grid, "T"), grid)


# ------------------------------------------------------------------ cell values
def test_a_description_keeps_its_line_breaks_and_a_number_as_its_text() -> None:
    grid = [["Task", "Description", "Ann", "Bob"],
            ["Plan the work", "Agree the goal\n\n   Write it   down  ", "A", "R"], ["Ship it", 42, "R", "A"]]
    found = read_sheet(grid, detect_layout(grid, "RACI"))
    assert [(row.title, row.description) for row in found.rows] == [
        ("Plan the work", "Agree the goal\nWrite it down"), ("Ship it", "42")]


def test_a_column_of_values_of_another_type_is_read_by_their_text() -> None:
    grid = [["Key", "Task", "Ann", "Bob"], [Decimal("1"), "Plan the work", "A", "R"],
            [Decimal("2"), "Ship it", "R", "A"]]
    assert "Skipped columns: column A 'Key' (holds numbers)" in explain(detect_layout(grid, "RACI"), grid)


# ------------------------------------------------------------------ workbooks
def _workbook(path: Path, notes: tuple[object, object], cells: dict[str, str] | None = None,
              epoch: dt.datetime | None = None) -> Path:
    """A matrix with a Notes column (D2, D3); ``cells`` replaces a cell's XML by the one given."""
    book = Workbook()
    if epoch is not None:
        book.epoch = epoch
    sheet = book.active
    sheet.title = "RACI"
    for row in (["Task", "Ann", "Bob", "Notes"], ["Plan the work", "A", "R", notes[0]],
                ["Ship it", "R", "A", notes[1]]):
        sheet.append(row)
    book.save(path)
    if cells:
        with zipfile.ZipFile(path) as original:
            parts = {item.filename: original.read(item.filename) for item in original.infolist()}
        xml = parts["xl/worksheets/sheet1.xml"].decode()
        for reference, replacement in cells.items():
            xml = re.sub(rf'<c r="{reference}"[^>]*?(/>|>.*?</c>)', replacement, xml, count=1)
        parts["xl/worksheets/sheet1.xml"] = xml.encode()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy:
            for name, data in parts.items():
                copy.writestr(name, data)
    return path


def descriptions(path: Path) -> list[str]:
    return [row.description for row in import_sheet(path).team.responsibilities]


def test_a_date_in_a_workbook_counting_from_1904_reads_as_that_date(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "mac.xlsx", (dt.datetime(2024, 3, 1, 10, 30), "Before the launch"),
                     epoch=CALENDAR_MAC_1904)
    assert descriptions(path) == ["Notes: 2024-03-01 10:30", "Notes: Before the launch"]


def test_a_date_stored_as_iso_text_in_utc_reads_as_its_date_and_time(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "iso.xlsx", ("x", "Before the launch"),
                     {"D2": '<c r="D2" t="d"><v>2024-03-01T10:30:00Z</v></c>'})
    assert descriptions(path) == ["Notes: 2024-03-01 10:30", "Notes: Before the launch"]


def test_numbers_written_with_an_exponent_read_as_numbers(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "exp.xlsx", ("x", "y"), {"D2": '<c r="D2"><v>1e3</v></c>',
                                                         "D3": '<c r="D3"><v>25E2</v></c>'})
    assert import_sheet(path).warnings == ("Column D 'Notes' holds numbers: skipped.",)


def test_a_long_defined_name_full_of_ampersands_is_measured_whole(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "plain.xlsx", ("x", "y"))
    with zipfile.ZipFile(path) as original:
        parts = {item.filename: original.read(item.filename) for item in original.infolist()}
    ranges = "'R&amp;D'!$A$1," * 820  # 9,020 characters, which the XML parser hands over in pieces
    name = f'<definedNames><definedName name="long">{ranges}</definedName></definedNames>'
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b"</sheets>", f"</sheets>{name}".encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy:
        for part, data in parts.items():
            copy.writestr(part, data)
    with pytest.raises(SheetImportError) as caught:
        import_sheet(path)
    assert str(caught.value).startswith(
        "Cannot import plain.xlsx: a defined name in the workbook is 9,020 characters long, over the 1,024 an "
        "import reads")


# ------------------------------------------------------------------ CSV separators
def test_a_csv_of_one_column_is_refused_in_one_sentence(tmp_path: Path) -> None:
    sheet = tmp_path / "list.csv"
    sheet.write_text("Task\nPlan the work\nShip it\n", encoding="utf-8")
    with pytest.raises(SheetImportError) as caught:
        import_sheet(sheet)
    assert str(caught.value).startswith("Cannot import list.csv: the sheet has no letters (R, A, C, I)")


def test_a_capital_x_in_every_line_is_text_not_a_separator(tmp_path: Path) -> None:
    sheet = tmp_path / "xmas.csv"
    sheet.write_text("Task,Xena,Bob\nPlan the Xmas sale,A,R\nShip the Xbox bundle,R,A\n", encoding="utf-8")
    team = import_sheet(sheet).team
    assert [person.name for person in team.people] == ["Xena", "Bob"]
    assert [row.title for row in team.responsibilities] == ["Plan the Xmas sale", "Ship the Xbox bundle"]


def test_a_sheet_of_exactly_as_many_xml_elements_as_the_cap_is_read_and_one_fewer_allowed_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from xml.parsers import expat

    from raci.formats import sheet_reader

    path = _workbook(tmp_path / "plain.xlsx", ("Agree the goal", "Before the launch"))
    with zipfile.ZipFile(path) as book:
        xml = book.read("xl/worksheets/sheet1.xml")
    elements = []
    parser = expat.ParserCreate()
    parser.StartElementHandler = lambda name, attributes: elements.append(name)
    parser.Parse(xml, True)
    monkeypatch.setattr(sheet_reader, "CAPS", dataclasses.replace(sheet_reader.CAPS, elements=len(elements)))
    assert [row.title for row in import_sheet(path).team.responsibilities] == ["Plan the work", "Ship it"]
    monkeypatch.setattr(sheet_reader, "CAPS", dataclasses.replace(sheet_reader.CAPS, elements=len(elements) - 1))
    with pytest.raises(SheetImportError) as caught:
        import_sheet(path)
    assert str(caught.value) == (
        f"Cannot import plain.xlsx: Sheet RACI: its XML holds more than {len(elements) - 1:,} elements, far more "
        "than its cells need; import a sheet that holds only the RACI matrix.")


def test_the_separator_is_chosen_from_the_first_40_lines(tmp_path: Path) -> None:
    commas = [f"Step {k},A" for k in range(20)]
    semicolons = [f"Note {k};seen" for k in range(21)]  # the 41st line would tip the balance
    sheet = tmp_path / "forty.csv"
    sheet.write_text("\n".join(commas + semicolons) + "\n", encoding="utf-8")
    grid, _ = read_csv(sheet)
    assert (grid.rows[0], grid.rows[20], grid.rows[40]) == (("Step 0", "A"), ("Note 0;seen",), ("Note 20;seen",))


def test_the_separator_is_chosen_from_the_first_64_kib(tmp_path: Path) -> None:
    first = "Task;Ann\n"
    long_line = "n" * (65_536 - len(first)) + ",x"  # its comma is the 65,537th character
    sheet = tmp_path / "wide.csv"
    sheet.write_text(first + long_line + "\n", encoding="utf-8")
    grid, _ = read_csv(sheet)
    assert grid.rows == [("Task", "Ann"), (long_line,)]
