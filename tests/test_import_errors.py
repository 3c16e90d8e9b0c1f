"""Files that are not RACI sheets: one clear sentence and exit code 2, never a traceback."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from raci.cli import main
from raci.errors import SheetImportError
from raci.findings import Report
from raci.formats import export_team, import_sheet
from raci.teamfile import load_team

from tests.conftest import make_small_team


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _one_sentence(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("raci: Cannot import ") and lines[0].endswith(".")
    assert "Traceback" not in err
    return lines[0]


def _xlsx(tmp_path: Path) -> Path:
    path = tmp_path / "team.xlsx"
    export_team(make_small_team(), path, Report())
    return path


def test_a_truncated_workbook_is_refused_as_damaged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _xlsx(tmp_path).read_bytes()
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(good[: len(good) // 2])
    code, _, err = _run(capsys, "import", str(broken), "-o", str(tmp_path / "out.raci.json"))
    assert code == 2
    assert "damaged" in _one_sentence(err)
    assert not (tmp_path / "out.raci.json").exists()


@pytest.mark.parametrize("own", [True, False], ids=["own workbook", "other workbook"])
def test_a_fault_in_the_imports_own_code_is_not_reported_as_a_damaged_workbook(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own: bool) -> None:
    path = tmp_path / "team.xlsx"
    if own:
        export_team(make_small_team(), path, Report())
    else:
        book = Workbook()
        for row in (["Responsibility", "Ana", "Ben"], ["Order the backlog", "A", "R"]):
            book.active.append(row)
        book.save(path)

    def fault(*args: object) -> None:
        raise TypeError("a bug in the import, not in the file")

    monkeypatch.setattr("raci.formats.sheet_import.read_own" if own else "raci.formats.sheet_import.choose_sheet",
                        fault)
    with pytest.raises(TypeError, match="a bug in the import"):
        import_sheet(path)


def test_a_damaged_sheet_part_is_still_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "team.xlsx"
    export_team(make_small_team(), path, Report())
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # the sheet's XML cut in the middle
            target.writestr(item, data)
    with pytest.raises(SheetImportError, match=r"^Cannot import broken\.xlsx: the workbook is damaged"):
        import_sheet(broken)


def test_random_bytes_are_not_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "noise.xlsx"
    path.write_bytes(os.urandom(4096))
    code, _, err = _run(capsys, "import", str(path), "-o", str(tmp_path / "out.raci.json"))
    assert code == 2
    assert "not an Excel workbook" in _one_sentence(err)


@pytest.mark.parametrize(("cell", "old", "new", "what"), [
    ("B1", 1, 2, "workbook layout 2"),
    ("A2", '"version":2', '"version":3', "team-file format 3"),
])
def test_a_workbook_from_a_newer_version_asks_for_an_update(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], cell: str, old: object, new: object, what: str) -> None:
    workbook = load_workbook(_xlsx(tmp_path))
    data = workbook["_raci"][cell]
    data.value = new if not isinstance(old, str) else data.value.replace(old, new, 1)
    newer = tmp_path / "newer.xlsx"
    workbook.save(newer)
    code, _, err = _run(capsys, "import", str(newer), "-o", str(tmp_path / "out.raci.json"))
    assert code == 2
    sentence = _one_sentence(err)
    assert f"newer RACI Builder ({what};" in sentence and sentence.endswith("update RACI Builder to import it.")
    assert not (tmp_path / "out.raci.json").exists()


def test_a_text_file_is_not_a_format_that_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Activity,Ana\nPlan,A\n", encoding="utf-8")
    code, _, err = _run(capsys, "import", str(path), "-o", str(tmp_path / "out.raci.json"))
    assert code == 2
    assert "'.txt' is not a format RACI Builder reads" in _one_sentence(err)


def test_a_password_protected_workbook_says_so(tmp_path: Path) -> None:
    path = tmp_path / "locked.xlsx"
    # An encrypted Office file: an OLE container whose directory names the EncryptionInfo stream.
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le"))
    with pytest.raises(SheetImportError, match="password-protected"):
        import_sheet(path)


def test_a_damaged_old_xls_file_renamed_to_xlsx_is_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "old.xlsx"  # one renamed but whole is read (see test_import_formats)
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    with pytest.raises(SheetImportError, match=r"the workbook is damaged or not a spreadsheet Excel wrote"):
        import_sheet(path)


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(SheetImportError, match="damaged or not a spreadsheet"):
        import_sheet(path)


def test_xml_entity_declarations_are_refused(tmp_path: Path) -> None:
    source = _xlsx(tmp_path)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(bomb, "w") as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' + data
            copy.writestr(item, data)
    with pytest.raises(SheetImportError, match="XML entity declarations, which are refused for safety"):
        import_sheet(bomb)


def test_a_sheet_without_a_row_of_names_says_what_to_do(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.append(["Just one cell"])
    path = tmp_path / "empty.xlsx"
    workbook.save(path)
    with pytest.raises(SheetImportError, match="put the people's names in one row above the letters"):
        import_sheet(path)


def test_a_binary_file_named_csv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(b"\x00\x01\x02binary" * 50)
    with pytest.raises(SheetImportError, match="not a text file"):
        import_sheet(path)


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(51 * 1024 * 1024)
    with pytest.raises(SheetImportError, match="over the 50 MB limit"):
        import_sheet(path)


def test_import_writes_the_team_file_and_reports_warnings_on_stderr(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = Workbook()
    for row in (["Activity", "Ana", "Ben"], ["Plan", "A", "maybe"], ["Build", "R", "A"]):
        workbook.active.append(row)
    sheet = tmp_path / "plan.xlsx"
    workbook.save(sheet)
    out = tmp_path / "plan.raci.json"
    code, stdout, err = _run(capsys, "import", str(sheet), "-o", str(out))
    assert code == 0
    assert err.strip() == "1 cell could not be read as RACI letters and was left blank: C2 'maybe'."
    assert stdout.splitlines() == [
        "Read 2 responsibilities, 2 people and 3 cells from Sheet Sheet (RACI letters); 0 of 2 rows matched the "
        "catalog.",
        f"Wrote {out} with 1 warning."]
    assert [person.name for person in load_team(out).people] == ["Ana", "Ben"]


def test_import_refuses_to_overwrite_a_file_unless_forced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = _xlsx(tmp_path)
    out = tmp_path / "team.raci.json"
    out.write_text("keep me", encoding="utf-8")
    code, _, err = _run(capsys, "import", str(sheet), "-o", str(out))
    assert code == 2
    assert "already exists; pass --force" in err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert _run(capsys, "import", str(sheet), "-o", str(out), "--force")[0] == 0
    assert load_team(out).name == "Checkout"


def test_export_to_an_unknown_extension_exits_2_with_one_sentence(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from raci.teamfile import save_team

    team_file = tmp_path / "team.raci.json"
    save_team(make_small_team(), team_file)
    code, _, err = _run(capsys, "export", str(team_file), "-o", str(tmp_path / "team.docx"))
    assert code == 2
    assert err.strip() == ("raci: Cannot export to team.docx: '.docx' is not a format RACI Builder writes; "
                           "end the file name with one of .xlsx, .csv, .md, .pdf.")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".md"])
def test_export_writes_each_format_and_says_what_it_wrote(
        suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from raci.teamfile import save_team

    team_file = tmp_path / "team.raci.json"
    save_team(make_small_team(), team_file)
    out = tmp_path / f"team{suffix}"
    code, stdout, _ = _run(capsys, "export", str(team_file), "-o", str(out))
    assert code == 0
    assert stdout.startswith(f"Wrote {out}: 4 responsibilities, 3 people; findings: ")
    assert out.stat().st_size > 0
