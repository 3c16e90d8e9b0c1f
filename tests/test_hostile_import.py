"""Sheets that try to break the import: each is read in time linear in its cells, or refused in one sentence
before the expensive work; nothing a person wrote is changed on the way back in."""

from __future__ import annotations

import dataclasses
import struct
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter

from raci.errors import SheetImportError
from raci.findings import Report
from raci.formats import export_team, import_sheet
from raci.teamfile import load_team

from tests.conftest import make_small_team
from tests.hostile import one_sentence, run

Cells = dict[tuple[int, int], Any]
HEADER: Cells = {(0, 0): "Task", (0, 1): "Ana", (0, 2): "Ben", (1, 0): "Plan the work", (1, 1): "A", (1, 2): "R",
                 (2, 0): "Ship it", (2, 1): "R", (2, 2): "A"}


def reader() -> Any:
    """The reading step's module, imported here so the rest of this file also runs against older versions."""
    from raci.formats import sheet_reader

    return sheet_reader


def workbooks() -> Any:
    from raci.formats import workbook_reader

    return workbook_reader


def xlsx(path: Path, cells: Cells) -> Path:
    """A one-sheet workbook holding ``cells`` ((row, column) from 0 -> value)."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Matrix")
    for (row, column), value in sorted(cells.items()):
        sheet.write(row, column, value)
    book.close()
    return path


def csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def refusal(path: Path) -> str:
    with pytest.raises(SheetImportError) as caught:
        import_sheet(path)
    return one_sentence(str(caught.value), f"Cannot import {path.name}: ")


def rezip(source: Path, target: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """A copy of a workbook with each part passed through ``change`` (None drops the part)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = change(item.filename, original.read(item.filename))
            if data is not None:
                copy.writestr(item, data)
    return target


@pytest.fixture
def small_caps(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Any]:
    def set_caps(**changes: int) -> Any:
        caps = dataclasses.replace(reader().CAPS, **changes)
        monkeypatch.setattr(reader(), "CAPS", caps)
        return caps
    return set_caps


# ------------------------------------------------------- time linear in cells
def test_thousands_of_equal_titles_import_with_distinct_ids(tmp_path: Path) -> None:
    path = csv(tmp_path / "same.csv", "Task,Ana,Ben\n" + "Same title,A,R\n" * 5000)
    team = import_sheet(path).team
    assert len({row.id for row in team.responsibilities}) == 5000
    assert team.responsibilities[-1].id == "same-title-5000"


def test_one_cell_in_column_xfd_is_refused_naming_the_column(tmp_path: Path) -> None:
    sentence = refusal(xlsx(tmp_path / "far.xlsx", {**HEADER, (0, 16_383): "x"}))
    assert "a filled cell in column XFD (row 1), beyond the 1,024 columns an import reads" in sentence


def test_a_cell_in_column_xfd_on_every_row_is_refused_at_the_first_one(tmp_path: Path) -> None:
    cells = {**HEADER, **{(row, 16_383): "x" for row in range(3, 2000)}}
    assert "column XFD (row 4)" in refusal(xlsx(tmp_path / "far.xlsx", cells))


def test_a_cell_in_the_last_column_read_imports_and_costs_one_cell(tmp_path: Path) -> None:
    last = reader().CAPS.columns - 1
    cells = {**HEADER, **{(row, 0): f"Task {row}" for row in range(3, 500)}, (1, last): "note"}
    result = import_sheet(xlsx(tmp_path / "edge.xlsx", cells))
    assert [person.name for person in result.team.people] == ["Ana", "Ben"]
    assert len(result.team.responsibilities) == 499


def test_rows_at_the_cap_import_and_one_more_row_is_refused(
        tmp_path: Path, small_caps: Callable[..., Any]) -> None:
    small_caps(rows=5)
    lines = ["Task,Ana,Ben"] + [f"Task {n},A,R" for n in range(1, 5)]
    assert len(import_sheet(csv(tmp_path / "at.csv", "\n".join(lines))).team.responsibilities) == 4
    sentence = refusal(csv(tmp_path / "over.csv", "\n".join([*lines, "Task 5,A,R"])))
    assert "it has a filled cell in row 6, beyond the 5 rows an import reads" in sentence


def test_columns_at_the_cap_import_and_one_more_column_is_refused(
        tmp_path: Path, small_caps: Callable[..., Any]) -> None:
    small_caps(columns=4)
    assert len(import_sheet(csv(tmp_path / "at.csv", "Task,Ana,Ben,Cy\nPlan,A,R,C\n")).team.people) == 3
    sentence = refusal(csv(tmp_path / "over.csv", "Task,Ana,Ben,Cy,Di\nPlan,A,R,C,I\n"))
    assert "column E (row 1), beyond the 4 columns" in sentence


def test_cells_at_the_cap_import_and_one_more_is_refused(
        tmp_path: Path, small_caps: Callable[..., Any]) -> None:
    small_caps(cells=9)
    lines = ["Task,Ana,Ben", "Plan,A,R", "Ship,R,A"]
    assert len(import_sheet(csv(tmp_path / "at.csv", "\n".join(lines))).team.responsibilities) == 2
    sentence = refusal(csv(tmp_path / "over.csv", "\n".join([*lines, "Test"])))
    assert "it holds more than 9 cells (counting each row up to its last filled cell)" in sentence


def test_the_cells_cap_counts_every_sheet_read(tmp_path: Path, small_caps: Callable[..., Any]) -> None:
    small_caps(cells=12)
    path = tmp_path / "two.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("Notes").write_row(0, 0, ["a", "b", "c", "d", "e", "f"])
    matrix = book.add_worksheet("Matrix")
    for (row, column), value in HEADER.items():
        matrix.write(row, column, value)
    book.close()
    assert "Sheet Matrix: it holds more than 12 cells" in refusal(path)


def test_a_file_at_the_size_cap_is_read_and_one_byte_more_is_refused(
        tmp_path: Path, small_caps: Callable[..., Any]) -> None:
    path = csv(tmp_path / "team.csv", "Task,Ana,Ben\nPlan,A,R\n")
    small_caps(file_bytes=path.stat().st_size)
    assert import_sheet(path).team.people
    small_caps(file_bytes=path.stat().st_size - 1)
    assert "over the 0 MB limit for imports" in refusal(path)


def test_a_csv_of_18279_columns_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = csv(tmp_path / "wide.csv", "Task," + ",".join(["Person"] * 18_279) + "\nPlan," + "A," * 18_279 + "\n")
    code, _, err = run(capsys, "import", str(path), "-o", str(tmp_path / "out.raci.json"))
    assert code == 2
    assert "beyond the 1,024 columns an import reads" in one_sentence(err)


def test_one_line_of_millions_of_fields_is_refused_before_it_is_split(tmp_path: Path) -> None:
    path = csv(tmp_path / "line.csv", "ab," * 2_000_000)
    assert "it holds about 2,000,001 fields, more than the 1,000,000 cells an import reads" in refusal(path)


def test_separators_inside_quotes_are_not_counted_as_fields(
        tmp_path: Path, small_caps: Callable[..., Any]) -> None:
    small_caps(cells=9)
    text = 'Task,Ana,Ben\n"Plan, test, ship, and, more, commas",A,R\n'
    assert import_sheet(csv(tmp_path / "quoted.csv", text)).team.responsibilities[0].title.startswith("Plan, test")


# ------------------------------------------------------------- workbook parts
def _with_names(tmp_path: Path, *values: str) -> Path:
    names = "".join(f'<definedName name="n{number}">{value}</definedName>' for number, value in enumerate(values))

    def change(name: str, data: bytes) -> bytes:
        if name != "xl/workbook.xml":
            return data
        text = data.decode()
        if "<definedNames>" not in text:
            text = text.replace("</sheets>", "</sheets><definedNames></definedNames>")
        return text.replace("<definedNames>", f"<definedNames>{names}").encode()

    return rezip(xlsx(tmp_path / "plain.xlsx", HEADER), tmp_path / "names.xlsx", change)


def test_a_long_defined_name_is_refused_before_openpyxl_parses_it(tmp_path: Path) -> None:
    sentence = refusal(_with_names(tmp_path, "'" * 26_000))
    assert "a defined name in the workbook is 26,000 characters long, over the 1,024 an import reads" in sentence


def test_a_defined_name_at_the_cap_is_read_and_one_character_more_is_refused(tmp_path: Path) -> None:
    cap = reader().CAPS.defined_name
    assert import_sheet(_with_names(tmp_path, "x" * cap)).team.people
    assert "is 1,025 characters long" in refusal(_with_names(tmp_path, "x" * (cap + 1)))


def test_many_defined_names_together_are_capped(tmp_path: Path) -> None:
    values = ["x" * 1000] * 17
    assert "the workbook's defined names hold 17,000 characters, over the 16,384" in refusal(
        _with_names(tmp_path, *values))


def _patched(data: bytes, signature: bytes, offset: int, value: bytes) -> bytes:
    patched = bytearray(data)
    start = 0
    while (start := patched.find(signature, start)) >= 0:
        patched[start + offset: start + offset + len(value)] = value
        start += len(signature)
    return bytes(patched)


def test_a_zip_needing_a_newer_unpacker_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = xlsx(tmp_path / "good.xlsx", HEADER).read_bytes()
    path = tmp_path / "newer.xlsx"
    path.write_bytes(_patched(good, b"PK\x01\x02", 6, struct.pack("<H", 64)))  # version needed: 6.4
    code, _, err = run(capsys, "import", str(path), "-o", str(tmp_path / "out.raci.json"))
    assert code == 2
    assert "packed with a zip method this program cannot unpack" in one_sentence(err)


def test_an_unknown_compression_method_is_one_sentence(tmp_path: Path) -> None:
    good = xlsx(tmp_path / "good.xlsx", HEADER).read_bytes()
    path = tmp_path / "aes.xlsx"
    path.write_bytes(_patched(good, b"PK\x01\x02", 10, struct.pack("<H", 99)))  # method 99: AES
    assert "packed with a zip method this program cannot unpack (method 99" in refusal(path)


def test_a_zip_directory_of_too_many_parts_is_refused_from_its_last_record(tmp_path: Path) -> None:
    good = xlsx(tmp_path / "good.xlsx", HEADER).read_bytes()
    path = tmp_path / "many.xlsx"
    path.write_bytes(_patched(good, b"PK\x05\x06", 8, struct.pack("<HH", 60_000, 60_000)))
    assert "its zip archive lists 60,000 parts, far more than any workbook" in refusal(path)


def test_the_parts_openpyxl_parses_at_their_cap_are_read_and_one_byte_more_is_refused(
        tmp_path: Path, small_caps: Callable[..., Any]) -> None:
    path = xlsx(tmp_path / "good.xlsx", HEADER)
    opened = sum(part.file_size for part in zipfile.ZipFile(path).infolist()
                 if not part.filename.startswith("xl/worksheets/"))
    small_caps(structure_bytes=opened)
    assert import_sheet(path).team.people
    small_caps(structure_bytes=opened - 1)
    assert "its styles, shared text and other workbook parts unpack to" in refusal(path)


def test_a_styles_part_of_many_megabytes_is_refused_before_openpyxl_parses_it(tmp_path: Path) -> None:
    font = b"<font><sz val='11'/><name val='Calibri'/></font>"

    def change(name: str, data: bytes) -> bytes:
        return data.replace(b"</fonts>", font * 120_000 + b"</fonts>") if name == "xl/styles.xml" else data

    path = rezip(xlsx(tmp_path / "good.xlsx", HEADER), tmp_path / "styles.xlsx", change)
    assert "(the largest is xl/styles.xml), over the 4 MB an import reads" in refusal(path)


def test_a_sheet_of_millions_of_empty_elements_is_refused_at_the_elements_cap(
        tmp_path: Path, small_caps: Callable[..., Any]) -> None:
    small_caps(elements=50_000)

    def change(name: str, data: bytes) -> bytes:
        return data.replace(b"<sheetData>", b"<sheetData>" + b'<row r="1"/>' * 60_000) \
            if name == "xl/worksheets/sheet1.xml" else data

    path = rezip(xlsx(tmp_path / "good.xlsx", HEADER), tmp_path / "empty.xlsx", change)
    assert "its XML holds more than 50,000 elements, far more than its cells need" in refusal(path)


def test_a_workbook_over_the_unpacked_cap_is_refused(
        tmp_path: Path, small_caps: Callable[..., Any]) -> None:
    path = xlsx(tmp_path / "good.xlsx", HEADER)
    small_caps(unpacked_bytes=1000)
    assert "over the 0 MB an import unpacks" in refusal(path)


def test_a_part_whose_compressed_data_is_corrupt_is_one_sentence(tmp_path: Path) -> None:
    """Found by the fuzz tests: zlib's own error escaped while the workbook part was unpacked."""
    good = xlsx(tmp_path / "good.xlsx", HEADER).read_bytes()
    info = zipfile.ZipFile(tmp_path / "good.xlsx").getinfo("xl/workbook.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    path = tmp_path / "corrupt.xlsx"
    path.write_bytes(good[:start] + b"\xff" + good[start + 1:])  # a deflate block of the reserved type
    assert "the workbook is damaged or cut short" in refusal(path)


def test_an_endless_number_in_a_cell_is_one_sentence(tmp_path: Path) -> None:
    def change(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            row = b'<row r="9"><c r="B9"><v>' + b"9" * 5000 + b"</v></c></row>"
            return data.replace(b"</sheetData>", row + b"</sheetData>")
        return data

    path = rezip(xlsx(tmp_path / "good.xlsx", HEADER), tmp_path / "number.xlsx", change)
    assert "damaged or not a spreadsheet Excel wrote" in refusal(path)


# ------------------------------------------------------------- library words
def test_openpyxl_warnings_never_reach_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extension = (b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
                 b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
                 b'<x14:dataValidations count="0"/></ext></extLst></worksheet>')

    def change(name: str, data: bytes) -> bytes:  # a list of allowed values as Excel 2010 writes it
        return data.replace(b"</worksheet>", extension) if name == "xl/worksheets/sheet1.xml" else data

    path = rezip(xlsx(tmp_path / "plain.xlsx", HEADER), tmp_path / "validated.xlsx", change)
    code, _, err = run(capsys, "import", str(path), "-o", str(tmp_path / "out.raci.json"))
    assert code == 0
    assert "Warning" not in err and "openpyxl" not in err


def test_a_library_warning_that_matters_becomes_one_warning_in_our_words(tmp_path: Path) -> None:
    notes: list[str] = []
    with workbooks().library_warnings(notes, tmp_path / "team.xlsx"):
        warnings.warn("Sheet\x1b[2J part dropped", UserWarning, stacklevel=1)
        warnings.warn("Data Validation extension is not supported and will be removed", UserWarning, stacklevel=1)
    assert notes == ["team.xlsx: a part of the workbook could not be read and was skipped "
                     "(Sheet\\x1b[2J part dropped); the cells were read, check the result."]


def test_thousands_of_unreadable_cells_give_one_warning_with_a_count_and_the_first_addresses(tmp_path: Path) -> None:
    path = csv(tmp_path / "noisy.csv", "Task,Ana,Ben\n" + "Plan,A,R\nBuild,R,A\nShip,x?,y?\n" * 3000)
    result = import_sheet(path)
    assert result.warnings == (
        "6,000 cells could not be read as RACI letters and were left blank: B4 'x?', C4 'y?', B7 'x?', C7 'y?', "
        "B10 'x?', ...",)
    assert len(result.team.responsibilities) == 9000


def test_the_reading_steps_warnings_are_bounded(tmp_path: Path) -> None:
    from raci.formats import bounded

    kept = bounded([f"warning {number}" for number in range(3000)])
    assert len(kept) == 1000
    assert kept[-1] == "... and 2,001 more warnings like these."


# ------------------------------------------------------ nothing changed on the way back
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize(("typed", "back"), [
    ("'=1+1", "'=1+1"),
    ("''=1+1", "''=1+1"),
    ("=1+1", "=1+1"),
    ("'quoted'", "'quoted'"),
    ("\x00=1+1", "\u2400=1+1"),
    ("Bell\x07 Ringer", "Bell\u2407 Ringer"),
])
def test_text_comes_back_from_an_export_as_it_was_typed(tmp_path: Path, suffix: str, typed: str, back: str) -> None:
    team = make_small_team()
    team.update_responsibility(team.responsibilities[1].id, title=typed)
    team.update_person(team.people[1].id, name=typed)
    path = tmp_path / f"team{suffix}"
    export_team(team, path, Report())
    again = import_sheet(path).team
    assert again.responsibilities[1].title == back
    assert again.people[1].name == back


def test_the_apps_own_workbook_with_half_a_surrogate_pair_imports_with_a_visible_replacement(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    team = make_small_team()
    team.update_responsibility(team.responsibilities[0].id, description="Half \ud800 pair")
    path = tmp_path / "team.xlsx"
    export_team(team, path, Report())
    code, _, err = run(capsys, "import", str(path), "-o", str(tmp_path / "back.raci.json"))
    assert code == 0
    assert "was not valid Unicode (half of a surrogate pair)" in err
    assert load_team(tmp_path / "back.raci.json").responsibilities[0].description == "Half \ufffd pair"


def test_hidden_details_holding_nan_are_refused_in_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "team.xlsx"
    export_team(make_small_team(), path, Report())

    def change(name: str, data: bytes) -> bytes:
        return data.replace(b'"delivery_teams":1', b'"delivery_teams":NaN')

    broken = rezip(path, tmp_path / "nan.xlsx", change)
    sentence = refusal(broken)
    assert "at /profile/delivery_teams, NaN is not a number JSON allows" in sentence


def test_a_sheet_name_with_escape_sequences_is_shown_escaped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "named.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Bad\u202ename")  # a right-to-left override: it could reverse a message
    for (row, column), value in HEADER.items():
        sheet.write(row, column, value)
    sheet.write_row(3, 0, ["Test it", "zz"])
    book.close()
    code, out, err = run(capsys, "import", str(path), "-o", str(tmp_path / "named.raci.json"))
    assert code == 0
    assert err == "1 cell could not be read as RACI letters and was left blank: B4 'zz'.\n"
    assert "from Sheet Bad\\u202ename (RACI letters)" in out
    assert out.isprintable() or all(line.isprintable() for line in out.splitlines())
    code, out, _ = run(capsys, "import", str(path), "--explain")
    assert code == 0 and "Sheet: Bad\\u202ename" in out
    assert all(line.isprintable() for line in out.splitlines())


def test_the_stream_reader_gives_what_openpyxl_gives(tmp_path: Path) -> None:
    """The cell-by-cell reader and openpyxl's own agree on an ordinary workbook (numbers, text, formulas, dates)."""
    from datetime import datetime

    from openpyxl import load_workbook

    path = tmp_path / "mixed.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Mixed")
    sheet.write_row(0, 0, ["Task", "Ana", 3, 2.5, True])
    sheet.write_formula(1, 0, "=A1&\"!\"", None, "Task!")
    sheet.write_datetime(1, 1, datetime(2024, 5, 1), book.add_format({"num_format": "yyyy-mm-dd"}))
    sheet.write_string(2, 3, "  spaced  ")
    book.close()
    with workbooks().open_workbook(path) as workbook:
        ours = workbook.grid("Mixed").rows
    theirs_book = load_workbook(path, read_only=True)
    try:  # a read-only workbook keeps its file open until closed
        theirs = [tuple(row) for row in theirs_book["Mixed"].iter_rows(values_only=True)]
    finally:
        theirs_book.close()
    assert [list(row) + [None] * (len(theirs[0]) - len(row)) for row in ours] == [list(row) for row in theirs]


def test_the_cycle_collector_rests_while_a_sheet_becomes_a_team(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It found nothing to free and cost a fifth of a large import's time."""
    import gc

    import raci.formats.sheet_import as sheet_import

    seen: list[bool] = []

    def watched(real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            seen.append(gc.isenabled())
            return real(*args, **kwargs)
        return call

    for name in ("choose_sheet", "read_sheet", "to_team"):
        monkeypatch.setattr(sheet_import, name, watched(getattr(sheet_import, name)))
    import_sheet(csv(tmp_path / "team.csv", "Task,Ana,Ben\nPlan,A,R\n"))
    assert seen == [False, False, False] and gc.isenabled()
