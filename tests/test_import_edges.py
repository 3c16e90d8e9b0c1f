"""The import at its limits: the separator on a tie, the unpacked size of a workbook exactly at its cap,
the length that makes a column notes, and which sheet of a workbook is read."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from raci.errors import SheetImportError
from raci.formats import import_sheet
from raci.formats.sheet_detect import ColumnRole, LayoutNotFound, choose_sheet, detect_layout, read_sheet
from raci.formats.sheet_reader import read_csv
from raci.ordering import ordered_rows

MB = 1024 * 1024
MATRIX = [["Task", "Ana", "Ben"], ["Plan the work", "A", "R"], ["Ship it", "R", "A"]]


def workbook(path: Path, sheets: dict[str, list[list[object]]], hidden: tuple[str, ...] = ()) -> Path:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        if title in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


def csv_file(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- separator
def test_lines_that_split_as_well_on_commas_as_on_semicolons_are_read_with_commas(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "tie.csv", "Task,Ana,Ben;Notes\nPlan the work,A,R;first\n")
    grid, _ = read_csv(path)
    assert grid.rows == [("Task", "Ana", "Ben;Notes"), ("Plan the work", "A", "R;first")]


def test_semicolons_win_when_they_split_more_lines_alike(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "semi.csv", "Task;Ana;Ben\nPlan, then build;A;R\nShip it;R;A\n")
    team = import_sheet(path).team
    assert [row.title for row in team.responsibilities] == ["Plan, then build", "Ship it"]
    assert [person.name for person in team.people] == ["Ana", "Ben"]


def test_tabs_and_bars_are_separators_too(tmp_path: Path) -> None:
    for name, separator in (("tabs.csv", "\t"), ("bars.csv", "|")):
        text = "".join(separator.join(row) + "\n" for row in MATRIX)
        team = import_sheet(csv_file(tmp_path / name, text)).team
        assert [person.name for person in team.people] == ["Ana", "Ben"], name
        assert team.cell("ship-it", "ben") == "A", name


# -------------------------------------------------------------- unpacked size
def padded_workbook(path: Path, unpacked: int) -> Path:
    """A one-sheet workbook with a picture-like part of zeros that brings all its parts to ``unpacked`` bytes."""
    plain = workbook(path.with_suffix(".plain.xlsx"), {"Matrix": MATRIX})
    with zipfile.ZipFile(plain) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as copy:
        size = sum(item.file_size for item in original.infolist())
        for item in original.infolist():
            copy.writestr(item, original.read(item.filename))
        left = unpacked - size
        chunk = bytes(MB)
        with copy.open("xl/media/image1.bin", "w", force_zip64=True) as part:
            while left:
                part.write(chunk[:min(left, MB)])
                left -= min(left, MB)
    return path


def test_a_workbook_unpacking_to_exactly_the_200_mb_cap_is_read(tmp_path: Path) -> None:
    team = import_sheet(padded_workbook(tmp_path / "at-cap.xlsx", 200 * MB)).team
    assert [person.name for person in team.people] == ["Ana", "Ben"]


def test_a_workbook_unpacking_to_one_byte_over_200_mb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = padded_workbook(tmp_path / "bomb.xlsx", 200 * MB + 1)
    assert path.stat().st_size < 2 * MB  # a zip bomb: small packed, huge unpacked
    with pytest.raises(SheetImportError) as caught:
        import_sheet(path)
    assert str(caught.value) == ("Cannot import bomb.xlsx: it unpacks to 200 MB, over the 200 MB an import "
                                 "unpacks; check that this is the right file.")


# ------------------------------------------------------------- notes columns
def _with_column(tmp_path: Path, header: str, text: str) -> tuple[list[str], tuple[str, ...]]:
    rows = [[*row, header if number == 0 else text] for number, row in enumerate(MATRIX)]
    result = import_sheet(workbook(tmp_path / "notes.xlsx", {"Matrix": rows}))
    return [person.name for person in result.team.people], result.warnings


def test_a_column_without_letters_is_kept_in_each_rows_description_under_its_header(tmp_path: Path) -> None:
    for text in ("x" * 12, "x" * 13):  # short or long, text with no letters is no person
        people, warnings = _with_column(tmp_path, "Zoe", text)
        assert people == ["Ana", "Ben"]
        assert warnings == ()
        team = import_sheet(tmp_path / "notes.xlsx").team
        assert [row.description for row in ordered_rows(team)] == [f"Zoe: {text}", f"Zoe: {text}"]


def _titles_beside(first_column: str) -> list[str]:
    """The titles read from a sheet of two unheaded text columns, the first holding ``first_column``."""
    grid = [["", "", "Ana", "Ben"],
            [first_column + "1", "Plan the work", "A", "R"],
            [first_column + "2", "Ship it", "R", "A"],
            [first_column + "3", "Run the demo", "C", "A"]]
    found = read_sheet(grid, detect_layout(grid, "RACI"))
    return [row.title for row in found.rows]


def test_a_text_column_of_80_characters_a_cell_can_still_hold_the_titles() -> None:
    assert _titles_beside("t" * 79) == ["t" * 79 + "1", "t" * 79 + "2", "t" * 79 + "3"]


def test_a_text_column_of_more_than_80_characters_a_cell_reads_as_notes_beside_the_titles() -> None:
    grid = [["", "", "Ana", "Ben"], ["n" * 80 + "1", "Plan the work", "A", "R"], ["n" * 80 + "2", "Ship it", "R", "A"],
            ["n" * 80 + "3", "Run the demo", "C", "A"]]
    layout = detect_layout(grid, "RACI")
    assert [(plan.index, plan.role) for plan in layout.columns[:2]] == [(0, ColumnRole.NOTES), (1, ColumnRole.TITLE)]
    assert [row.title for row in read_sheet(grid, layout).rows] == ["Plan the work", "Ship it", "Run the demo"]


# ------------------------------------------------------------ which sheet
SMALL = [["Task", "Ana", "Ben"], ["Plan the work", "A", "R"]]
LARGE = [["Task", "Ana", "Ben", "Chloé"], ["Plan the work", "A", "R", "C"], ["Ship it", "R", "A", "I"]]


def test_the_sheet_holding_the_most_rows_times_people_is_chosen_wherever_it_is() -> None:
    assert choose_sheet([("Summary", SMALL), ("Matrix", LARGE)])[0] == "Matrix"
    assert choose_sheet([("Matrix", LARGE), ("Summary", SMALL)])[0] == "Matrix"


def test_on_a_tie_the_sheet_named_raci_wins_then_the_earlier_sheet() -> None:
    assert choose_sheet([("Plan", SMALL), ("raci", SMALL), ("Other", SMALL)])[0] == "raci"
    assert choose_sheet([("Plan", SMALL), ("Other", SMALL)])[0] == "Plan"


def test_a_bigger_sheet_wins_over_a_sheet_named_raci() -> None:
    assert choose_sheet([("RACI", SMALL), ("Matrix", LARGE)])[0] == "Matrix"


def test_sheets_without_a_matrix_are_passed_over_and_the_chosen_sheet_is_read_whole() -> None:
    name, frame, layout = choose_sheet([("About", [["Read me first"]]), ("Matrix", LARGE)])
    assert (name, layout.sheet) == ("Matrix", "Matrix")
    assert [row.title for row in read_sheet(frame, layout).rows] == ["Plan the work", "Ship it"]


def test_no_sheet_at_all_is_an_empty_workbook() -> None:
    with pytest.raises(LayoutNotFound, match="is empty"):
        choose_sheet([])


def test_a_workbook_is_read_from_the_first_sheet_with_letters_not_a_sheet_of_names_alone(tmp_path: Path) -> None:
    names_only = [["Task", "Ana", "Ben"], ["Plan the work", None, None]]
    path = workbook(tmp_path / "two.xlsx", {"People": names_only, "Matrix": LARGE})
    team = import_sheet(path).team
    assert [person.name for person in team.people] == ["Ana", "Ben", "Chloé"]
    assert team.cell("ship-it", "ben") == "A"


def test_a_larger_matrix_is_read_before_a_smaller_sheet_named_raci(tmp_path: Path) -> None:
    path = workbook(tmp_path / "raci-last.xlsx", {"Matrix": LARGE, "RACI": SMALL})
    assert [person.name for person in import_sheet(path).team.people] == ["Ana", "Ben", "Chloé"]


def test_a_hidden_sheet_is_not_read(tmp_path: Path) -> None:
    path = workbook(tmp_path / "hidden.xlsx", {"RACI": LARGE, "Matrix": SMALL}, hidden=("RACI",))
    assert [person.name for person in import_sheet(path).team.people] == ["Ana", "Ben"]


def test_a_workbook_with_names_but_no_letters_anywhere_is_read_from_its_first_such_sheet(tmp_path: Path) -> None:
    first = [["Task", "Ana", "Ben"], ["Plan the work", None, None]]
    second = [["Task", "Dee", "Eve"], ["Ship it", None, None]]
    team = import_sheet(workbook(tmp_path / "empty.xlsx", {"One": first, "Two": second})).team
    assert [person.name for person in team.people] == ["Ana", "Ben"]
    assert team.filled_count() == 0


# ------------------------------------------------------------ XML in sheets
ENTITIES = {
    "an entity": b'<!DOCTYPE x [<!ENTITY a "aaaa">]>',
    "an unparsed entity": b'<!DOCTYPE x [<!NOTATION png SYSTEM "png"><!ENTITY a SYSTEM "x.png" NDATA png>]>',
    "an external entity": b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]>',
}


def _with_doctype(tmp_path: Path, doctype: bytes) -> Path:
    plain = workbook(tmp_path / "plain.xlsx", {"Matrix": MATRIX})
    path = tmp_path / "doctype.xlsx"
    with zipfile.ZipFile(plain) as original, zipfile.ZipFile(path, "w") as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert data.startswith(b"<worksheet")  # no XML declaration to put the doctype after
                data = doctype + data
            copy.writestr(item, data)
    return path


@pytest.mark.parametrize("kind", list(ENTITIES))
def test_a_sheet_declaring_an_entity_is_refused(tmp_path: Path, kind: str) -> None:
    path = _with_doctype(tmp_path, ENTITIES[kind])
    with pytest.raises(SheetImportError) as caught:
        import_sheet(path)
    assert str(caught.value) == ("Cannot import doctype.xlsx: the workbook contains XML entity declarations, which "
                                 "are refused for safety; open it in Excel, save a fresh copy and import that.")


def test_a_sheet_naming_an_outside_dtd_is_read_without_fetching_it(tmp_path: Path) -> None:
    path = _with_doctype(tmp_path, b'<!DOCTYPE x SYSTEM "http://example.invalid/x.dtd">')
    assert [person.name for person in import_sheet(path).team.people] == ["Ana", "Ben"]


# ------------------------------------------------------------------- CSV text
def _refusal(path: Path) -> str:
    with pytest.raises(SheetImportError) as caught:
        import_sheet(path)
    return str(caught.value)


@pytest.fixture
def caps(monkeypatch: pytest.MonkeyPatch):
    import dataclasses

    from raci.formats import sheet_reader

    def set_caps(**changes: int) -> None:
        monkeypatch.setattr(sheet_reader, "CAPS", dataclasses.replace(sheet_reader.CAPS, **changes))
    return set_caps


def test_a_nul_byte_in_the_first_8192_bytes_makes_a_binary_file(tmp_path: Path) -> None:
    head = "Task,Ana,Ben\nPlan the work,A,R\n"
    path = tmp_path / "nul.csv"
    path.write_bytes(head.encode() + b"x" * (8191 - len(head)) + b"\x00\n")
    assert _refusal(path) == ("Cannot import nul.csv: it is not a text file (it holds binary data); export the sheet "
                              "as .csv and import that.")


def test_a_nul_byte_past_the_first_8192_bytes_does_not_make_a_binary_file(tmp_path: Path) -> None:
    head = "Task,Ana,Ben\nPlan the work,A,R\n"
    path = tmp_path / "late.csv"
    path.write_bytes(head.encode() + b"x" * (8192 - len(head)) + b"\x00\n")
    assert [person.name for person in import_sheet(path).team.people] == ["Ana", "Ben"]


def test_a_windows_1252_file_is_read_as_such_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    path.write_bytes("Task,Chloé,Ben\nPlan the work,A,R\n".encode("cp1252") + b"Ship it \x81,R,A\n")
    result = import_sheet(path)
    assert [person.name for person in result.team.people] == ["Chloé", "Ben"]
    assert result.team.responsibilities[1].title == "Ship it \ufffd"
    assert result.warnings[0] == "old.csv: the file is not UTF-8; it was read as Windows-1252 text."


def test_a_utf8_file_with_a_byte_order_mark_reads_its_first_header_plainly(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufeffTask,Ana,Ben\nPlan the work,A,R\n".encode())
    result = import_sheet(path)
    assert [person.name for person in result.team.people] == ["Ana", "Ben"]
    assert not any("UTF-8" in warning for warning in result.warnings)


def test_fields_at_the_field_cap_are_split_and_one_more_is_refused_before(tmp_path: Path, caps) -> None:
    caps(cells=4, rows=2)  # at most 6 fields: 4 cells and a separator more on each of 2 rows
    at_cap = _refusal(csv_file(tmp_path / "six.csv", "Task,Ana,Ben\nPlan,A,R"))
    assert at_cap == ("Cannot import six.csv: it holds more than 4 cells (counting each row up to its last filled "
                      "cell); import a sheet that holds only the RACI matrix.")
    assert _refusal(csv_file(tmp_path / "seven.csv", "Task,Ana,Ben\nPlan,A,R,C")) == (
        "Cannot import seven.csv: it holds about 7 fields, more than the 4 cells an import reads; import a sheet "
        "that holds only the RACI matrix.")


def test_separators_and_line_breaks_inside_quotes_are_not_fields(tmp_path: Path, caps) -> None:
    caps(cells=6, rows=2)
    team = import_sheet(csv_file(tmp_path / "quoted.csv", 'Task,Ana,Ben\n"Plan,\nthen, ship",A,R')).team
    assert [row.title for row in team.responsibilities] == ["Plan, then, ship"]


def test_a_csv_row_past_the_rows_cap_is_named_without_a_sheet(tmp_path: Path, caps) -> None:
    caps(rows=2)
    assert _refusal(csv_file(tmp_path / "long.csv", "Task,Ana,Ben\nPlan,A,R\nShip,R,A\n")) == (
        "Cannot import long.csv: it has a filled cell in row 3, beyond the 2 rows an import reads; import a sheet "
        "that holds only the RACI matrix.")


def test_a_single_line_split_by_semicolons_is_read_with_them(tmp_path: Path) -> None:
    grid, _ = read_csv(csv_file(tmp_path / "one.csv", "Task;Ana;Ben\n"))
    assert grid.rows == [("Task", "Ana", "Ben")]


def test_two_columns_split_by_semicolons_are_read_with_them(tmp_path: Path) -> None:
    grid, _ = read_csv(csv_file(tmp_path / "two.csv", "Task;Ana\nPlan the work;A\n"))
    assert grid.rows == [("Task", "Ana"), ("Plan the work", "A")]


def test_the_separator_is_the_one_most_lines_agree_on_not_the_one_splitting_one_line_most(tmp_path: Path) -> None:
    text = "Notes;a;b;c;d\nTask;Ana;Ben\nPlan, then build;A;R\nShip it;R;A\n"
    grid, _ = read_csv(csv_file(tmp_path / "odd.csv", text))
    assert grid.rows[1:] == [("Task", "Ana", "Ben"), ("Plan, then build", "A", "R"), ("Ship it", "R", "A")]
