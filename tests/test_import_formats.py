"""A RACI sheet as people keep it, in every format it comes in: .xlsx, Strict Open XML, .ods and .xls.

The sheets in ``tests/data/sheets`` were made by ``make_sheets.py`` there:
a team lead's Excel sheet (title block, phase rows merged across the
table, an ID, a status and a notes column, a legend beside, a row counting
the A's), saved again by LibreOffice as .ods and .xls, and in Strict Open
XML as Excel writes it. Each must give the same team; the caps hold for
.ods and .xls before pandas builds anything.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from raci.errors import SheetImportError
from raci.formats import import_sheet
from raci.model import Side
from raci.teamfile import team_to_document
from raci.templates import load_template

from tests.hostile import one_sentence, run

SHEETS = Path(__file__).parent / "data" / "sheets"
PLAN = ["project-plan.xlsx", "project-plan-strict.xlsx", "project-plan.ods", "project-plan.xls"]
PEOPLE = [("Priya Shah", ("Product Manager",)), ("Tom Becker", ("Product Owner",)), ("Lena Ortiz", ("Designer",)),
          ("Dev team", ("Developer",))]
ROWS = [
    ("Set and share the long-term product vision", "Phase 1 \u2013 Discovery",
     "Status: Done\nNotes: Agreed at the kick-off"),
    ("Identify target markets and buyer personas", "Phase 1 \u2013 Discovery", "Status: Done"),
    ("Interview ten customers", "Phase 1 \u2013 Discovery", "Status: In progress\nNotes: Two interviews left"),
    ("Own the product roadmap", "Phase 2 \u2013 Build", "Status: In progress"),
    ("Manage the product backlog", "Phase 2 \u2013 Build", "Status: In progress"),
    ("Break work down into user stories", "Phase 2 \u2013 Build", "Status: Not started"),
    ("Design the new checkout pages", "Phase 2 \u2013 Build", "Status: Not started\nNotes: Mobile first"),
    ("Launch the product and support it in use", "Phase 3 \u2013 Launch", "Status: Not started"),
    ("Write the release notes", "Phase 3 \u2013 Launch", "Status: Not started"),
]
WARNINGS = ("1 row without letters was skipped: B17 'Count of A'.", "Column A '#' holds numbers: skipped.",
            "'-' in 1 cell read as not involved: F6.")


def copy(name: str, folder: Path, as_name: str | None = None) -> Path:
    target = folder / (as_name or name)
    shutil.copyfile(SHEETS / name, target)
    return target


def refusal(path: Path) -> str:
    with pytest.raises(SheetImportError) as caught:
        import_sheet(path)
    return one_sentence(str(caught.value), f"Cannot import {path.name}: ")


# ------------------------------------------------------------------ one sheet, four formats
@pytest.mark.parametrize("name", PLAN)
def test_the_project_sheet_gives_its_people_with_titles_phases_notes_and_letters_in_every_format(name: str) -> None:
    result = import_sheet(SHEETS / name)
    team = result.team
    assert team.name == "Website relaunch \u2013 RACI matrix"
    assert [(person.name, person.titles) for person in team.people] == PEOPLE
    assert [(row.title, row.category, row.description) for row in team.responsibilities] == ROWS
    priya, tom, _, dev = (person.id for person in team.people)
    vision, _, _, roadmap, backlog, *_ = (row.id for row in team.responsibilities)
    assert (team.cell(vision, priya), team.cell(vision, dev)) == ("A/R", None)
    assert (team.cell(roadmap, priya), team.cell(backlog, tom)) == ("A/R", "A/R")
    assert team.filled_count() == 33
    assert result.warnings == WARNINGS


@pytest.mark.parametrize("name", PLAN)
def test_rows_titled_as_catalog_entries_carry_their_side_tags_and_sources(name: str) -> None:
    result = import_sheet(SHEETS / name)
    linked = {row.title: (row.side, row.sources) for row in result.team.responsibilities if row.sources}
    assert len(linked) == 6
    assert linked["Manage the product backlog"] == (Side.OWNER, ("manage-product-backlog",))
    assert linked["Own the product roadmap"] == (Side.MANAGER, ("own-product-roadmap",))
    assert result.summary.endswith("6 of 9 rows matched the catalog.")


def test_this_apps_export_saved_again_by_libreoffice_as_ods_comes_back_whole() -> None:
    result = import_sheet(SHEETS / "own-export.ods")
    assert team_to_document(result.team) == team_to_document(load_template("scrum-team"))
    assert result.warnings == ()


@pytest.mark.parametrize(("name", "as_name"), [("project-plan.xls", "renamed.xlsx"),
                                               ("project-plan.xlsx", "renamed.xls"),
                                               ("project-plan.ods", "renamed.xlsx")])
def test_a_workbook_saved_under_another_formats_name_is_read_by_what_it_is(
        name: str, as_name: str, tmp_path: Path) -> None:
    team = import_sheet(copy(name, tmp_path, as_name)).team
    assert [(person.name, person.titles) for person in team.people] == PEOPLE


def test_a_strict_workbook_prints_nothing_of_openpyxl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", str(SHEETS / "project-plan-strict.xlsx"), "-o",
                         str(tmp_path / "plan.raci.json"))
    assert code == 0
    assert err.splitlines() == list(WARNINGS)
    assert "6 of 9 rows matched the catalog." in out


def test_a_strict_workbook_whose_structure_cannot_be_read_says_how_to_save_it(tmp_path: Path) -> None:
    def change(name: str, data: bytes) -> bytes:  # sheets named nowhere: nothing openpyxl can list
        return data.replace(b"<sheets>", b"<!-- -->").replace(b"</sheets>", b"") if name == "xl/workbook.xml" \
            else data

    path = rezip(SHEETS / "project-plan-strict.xlsx", tmp_path / "strict.xlsx", change)
    sentence = refusal(path)
    assert "it is saved as a Strict Open XML workbook" in sentence
    assert "File > Save As and the type 'Excel Workbook (*.xlsx)'" in sentence


def test_pandas_loads_only_when_an_ods_or_xls_file_is_imported(tmp_path: Path) -> None:
    code = ("import sys; from raci.formats import import_sheet; import_sheet(sys.argv[1]); "
            "print('pandas' in sys.modules)")
    for name, loaded in (("project-plan.xlsx", "False"), ("project-plan.ods", "True")):
        result = subprocess.run([sys.executable, "-c", code, str(SHEETS / name)], capture_output=True, text=True,
                                check=True, timeout=120)
        assert result.stdout.strip() == loaded, name


# ------------------------------------------------------------------ .ods under the caps
def rezip(source: Path, target: Path, change: Callable[[str, bytes], bytes]) -> Path:
    """A copy of a zip package with each part passed through ``change``, in the same order and packing."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy_:
        for item in original.infolist():
            copy_.writestr(item, change(item.filename, original.read(item.filename)))
    return target


def ods_with(tmp_path: Path, change: Callable[[bytes], bytes], name: str = "changed.ods") -> Path:
    return rezip(SHEETS / "project-plan.ods", tmp_path / name,
                 lambda part, data: change(data) if part == "content.xml" else data)


CELL = (b'<table:table-cell table:style-name="ce2" office:value-type="string" calcext:value-type="string">'
        b"<text:p>Owner: Marketing PMO</text:p>")


@pytest.fixture
def small_caps(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Any]:
    from raci.formats import sheet_reader

    def set_caps(**changes: int) -> Any:
        caps = dataclasses.replace(sheet_reader.CAPS, **changes)
        monkeypatch.setattr(sheet_reader, "CAPS", caps)
        return caps
    return set_caps


def test_a_cell_repeated_a_billion_times_is_refused_before_pandas_writes_it_out(tmp_path: Path) -> None:
    path = ods_with(tmp_path, lambda data: data.replace(
        CELL, CELL.replace(b"<table:table-cell ", b'<table:table-cell table:number-columns-repeated="999999999" ')))
    assert "it has a filled cell in column" in refusal(path)


def test_a_row_repeated_a_million_times_is_refused_naming_the_row(tmp_path: Path) -> None:
    path = ods_with(tmp_path, lambda data: data.replace(
        b'<table:table-row table:style-name="ro1"><table:table-cell table:style-name="ce2"',
        b'<table:table-row table:style-name="ro1" table:number-rows-repeated="1000000">'
        b'<table:table-cell table:style-name="ce2"', 1))
    assert "Sheet RACI: it has a filled cell in row 1,000," in refusal(path)


def test_a_run_of_a_billion_spaces_is_refused_before_it_is_written_out(tmp_path: Path) -> None:
    path = ods_with(tmp_path, lambda data: data.replace(b"<text:p>Owner: Marketing PMO</text:p>",
                                                        b'<text:p>Owner:<text:s text:c="999999999"/>PMO</text:p>'))
    assert "characters of text once repeated cells and runs of spaces are written out" in refusal(path)


def test_a_cell_far_to_the_right_makes_the_rectangle_pandas_builds_and_is_refused_over_the_cells_cap(
        tmp_path: Path, small_caps: Callable[..., Any]) -> None:
    small_caps(cells=2_000)
    path = ods_with(tmp_path, lambda data: data.replace(
        CELL, CELL.replace(b"<table:table-cell ", b'<table:table-cell table:number-columns-repeated="200" ')))
    assert "Sheet RACI: its cells span 17 rows by 203 columns, more than the 2,000 cells an import reads" in \
        refusal(path)


def test_ods_elements_at_the_cap_are_read_and_one_more_is_refused(
        tmp_path: Path, small_caps: Callable[..., Any]) -> None:
    from raci.formats.ods_scan import scan

    counted = [0]
    with zipfile.ZipFile(SHEETS / "project-plan.ods") as archive:
        scan(archive, lambda number: counted.__setitem__(0, counted[0] + number))
    small_caps(ods_elements=counted[0])
    assert import_sheet(SHEETS / "project-plan.ods").team.people
    small_caps(ods_elements=counted[0] - 1)
    assert f"its XML holds more than {counted[0] - 1:,} elements, more than an .ods import reads; save it as " \
           ".xlsx in LibreOffice" in refusal(SHEETS / "project-plan.ods")


def test_ods_xml_over_its_cap_is_refused_before_it_is_parsed(tmp_path: Path, small_caps: Callable[..., Any]) -> None:
    small_caps(ods_xml_bytes=10_000)
    assert "its XML unpacks to 0.1 MB, over the 0 MB an .ods import reads; save it as .xlsx in LibreOffice" in \
        refusal(SHEETS / "project-plan.ods")


def test_entity_declarations_in_an_ods_are_refused(tmp_path: Path) -> None:
    path = ods_with(tmp_path, lambda data: data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1))
    assert "XML entity declarations, which are refused for safety" in refusal(path)


def test_an_opendocument_text_named_ods_says_what_it_is(tmp_path: Path) -> None:
    path = rezip(SHEETS / "project-plan.ods", tmp_path / "letter.ods", lambda part, data: data.replace(
        b"opendocument.spreadsheet", b"opendocument.text") if part == "mimetype" else data)
    assert "it is an OpenDocument text file, not a spreadsheet" in refusal(path)


def test_a_password_protected_ods_says_how_to_remove_the_password(tmp_path: Path) -> None:
    entry = b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"'
    encrypted = entry + b'><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry>'
    path = rezip(SHEETS / "project-plan.ods", tmp_path / "locked.ods", lambda part, data: data.replace(
        entry + b"/>", encrypted) if part == "META-INF/manifest.xml" else data)
    assert "the spreadsheet is password-protected; open it in LibreOffice, save a copy without the password" in \
        refusal(path)


def test_a_hidden_ods_sheet_is_passed_over(tmp_path: Path) -> None:
    def hide(data: bytes) -> bytes:  # a second sheet holding a bigger matrix, hidden
        table = data[data.index(b'<table:table table:name="RACI"'):data.index(b"</table:table>") + 14]
        hidden = table.replace(b'table:name="RACI" table:style-name="ta1"', b'table:name="Old" table:style-name="taH"')
        hidden = hidden.replace(b"Priya Shah", b"Someone Else")
        style = b'<style:style style:name="taH" style:family="table"><style:table-properties table:display="false"/>' \
                b"</style:style>"
        return data.replace(b"</office:automatic-styles>", style + b"</office:automatic-styles>", 1).replace(
            table, hidden + table, 1)

    team = import_sheet(ods_with(tmp_path, hide)).team
    assert team.people[0].name == "Priya Shah"


# ------------------------------------------------------------------ damaged files, one sentence each
@pytest.mark.parametrize("name", ["project-plan.ods", "project-plan.xls", "project-plan-strict.xlsx"])
@pytest.mark.parametrize("keep", [0.3, 0.7])
def test_a_cut_short_file_is_one_sentence(name: str, keep: float, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    data = (SHEETS / name).read_bytes()
    path = tmp_path / name
    path.write_bytes(data[: int(len(data) * keep)])
    code, _, err = run(capsys, "import", str(path), "-o", str(tmp_path / "out.raci.json"))
    assert code == 2
    one_sentence(err)
    assert not (tmp_path / "out.raci.json").exists()


def test_a_web_page_saved_as_xls_says_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "report.xls"
    path.write_text("<html><body><table><tr><td>Task</td><td>Ann</td></tr></table></body></html>", encoding="utf-8")
    assert "it is a web page saved with a spreadsheet's name" in refusal(path)
