"""The Excel export: a finished-looking workbook that stays safe and editable."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from raci.findings import RACI_PRACTICE, Finding, Report, Severity
from raci.formats import export_team
from raci.formats.safety import CELL_LIMIT
from raci.model import Profile, Size, Team

from tests.conftest import make_small_team

INJECTIONS = ['=HYPERLINK("http://x","y")', "=1+1", "+1", "-1", "@SUM(A1)"]


def _export(team: Team, tmp_path: Path, report: Report | None = None) -> Path:
    path = tmp_path / "team.xlsx"
    export_team(team, path, report if report is not None else Report())
    return path


def _grid_cell(ws: Worksheet, title: str, name: str):  # returns an openpyxl cell (untyped)
    """The cell where a row titled ``title`` meets the column of ``name``."""
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == title)
    column = next(c for c in range(1, ws.max_column + 1) if ws.cell(5, c).value == name)
    return ws.cell(row, column)


def test_the_workbook_has_the_matrix_findings_people_responsibilities_and_sources(tmp_path: Path) -> None:
    workbook = load_workbook(_export(make_small_team(), tmp_path))
    assert workbook.sheetnames[:5] == ["RACI", "Findings", "People", "Responsibilities", "Sources"]
    assert workbook.active.title == "RACI"
    assert workbook.properties.creator.startswith("RACI Builder ")
    assert "Checkout" in workbook.properties.title


def test_the_matrix_shows_title_names_titles_categories_and_letters(tmp_path: Path) -> None:
    ws = load_workbook(_export(make_small_team(), tmp_path))["RACI"]
    assert ws["A1"].value == "Checkout"
    assert "Medium product, 1 delivery team." in ws["A2"].value
    assert ws["A3"].value.startswith("Legend: R = Responsible")
    assert [ws.cell(5, c).value for c in range(2, 5)] == ["Ana Lima", "Ben Okafor", "Chloé Martin"]
    assert [ws.cell(6, c).value for c in range(2, 5)] == ["Product Manager", "Product Owner", "Developer"]
    column_a = [ws.cell(r, 1).value for r in range(7, ws.max_row + 1)]
    assert column_a == ["Vision & strategy", "Set the product vision", "Product backlog", "Order the backlog",
                        "Write user stories", "Delivery & iterations", "Run the demo"]
    assert _grid_cell(ws, "Order the backlog", "Ben Okafor").value == "A/R"
    assert _grid_cell(ws, "Order the backlog", "Ana Lima").value == "C"


def test_blank_cells_are_written_as_no_cell_at_all(tmp_path: Path) -> None:
    path = _export(make_small_team(), tmp_path)
    workbook = load_workbook(path, read_only=True)
    try:  # a read-only workbook keeps its file open until closed
        values = [cell.value for row in workbook["RACI"].iter_rows(min_row=7, min_col=2, max_col=4) for cell in row
                  if cell.value is not None]
    finally:
        workbook.close()
    assert "" not in values
    assert sorted(values) == ["A", "A/R", "C"]


def test_each_row_counts_its_accountables_with_the_only_formulas_in_the_workbook(tmp_path: Path) -> None:
    workbook = load_workbook(_export(make_small_team(), tmp_path))
    ws = workbook["RACI"]
    check = _grid_cell(ws, "Order the backlog", "Check")
    assert check.data_type == "f"
    assert check.value == f'=COUNTIF(B{check.row}:D{check.row},"A")+COUNTIF(B{check.row}:D{check.row},"A/R")'
    formulas = [(sheet.title, cell.coordinate) for sheet in workbook.worksheets for row in sheet.iter_rows()
                for cell in row if cell.data_type == "f"]
    assert len(formulas) == 4  # one per responsibility, none on the category rows
    assert all(title == "RACI" and coordinate.startswith("E") for title, coordinate in formulas)


def test_formula_looking_text_is_stored_as_plain_text_everywhere(tmp_path: Path) -> None:
    team = Team(name=INJECTIONS[0])
    for number, text in enumerate(INJECTIONS):
        person = team.add_person(text, [text], person_id=f"p{number}")
        row = team.add_responsibility(text, category=text, responsibility_id=f"r{number}")
        team.set_cell(row.id, person.id, "A")
    workbook = load_workbook(_export(team, tmp_path))
    seen = {}
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value in INJECTIONS:
                    seen.setdefault(cell.value, set()).add(sheet.title)
                    assert cell.data_type == "s", (sheet.title, cell.coordinate)
                    # Marked as text, so it stays text after someone edits the cell in Excel.
                    assert cell.quotePrefix, (sheet.title, cell.coordinate)
                elif cell.data_type == "f":
                    assert sheet.title == "RACI" and str(cell.value).startswith("=COUNTIF("), cell.value
    assert set(seen) == set(INJECTIONS)
    assert all({"RACI", "People", "Responsibilities"} <= sheets for sheets in seen.values())


def test_the_check_column_already_holds_its_counts_for_viewers_that_do_not_recalculate(tmp_path: Path) -> None:
    team = make_small_team()
    row = team.responsibilities[0]
    for person in team.people:
        team.set_cell(row.id, person.id, "A")
    ws = load_workbook(_export(team, tmp_path), data_only=True)["RACI"]
    counts = {ws.cell(r, 1).value: ws.cell(r, 5).value for r in range(7, ws.max_row + 1)}
    assert counts == {"Vision & strategy": None, row.title: 3, "Product backlog": None, "Order the backlog": 1,
                      "Write user stories": 0, "Delivery & iterations": None, "Run the demo": 0}


def test_letters_are_coloured_and_checked_by_rules_over_the_whole_grid(tmp_path: Path) -> None:
    ws = load_workbook(_export(make_small_team(), tmp_path))["RACI"]
    last = ws.max_row
    rules = {str(formatting.sqref): formatting.rules for formatting in ws.conditional_formatting}
    letter_rules = rules[f"B7:D{last}"]
    assert sorted(rule.formula[0] for rule in letter_rules) == ['"A"', '"A/R"', '"C"', '"I"', '"R"']
    assert all(rule.dxf.fill is not None and rule.dxf.font.b for rule in letter_rules)
    assert f"E7:E{last}" in rules  # the check column turns red when a row does not have one A
    validations = ws.data_validations.dataValidation
    assert len(validations) == 1
    assert str(validations[0].sqref) == f"B7:D{last}"
    assert validations[0].formula1 == '"R,A,C,I,A/R"'


def test_the_sheet_is_frozen_filtered_and_set_up_to_print_on_landscape_pages(tmp_path: Path) -> None:
    ws = load_workbook(_export(make_small_team(), tmp_path))["RACI"]
    assert ws.freeze_panes == "B7"
    assert ws.auto_filter.ref == f"A6:E{ws.max_row}"
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1)  # one page wide; 1 is the format's default, so may be left out
    assert ws.page_setup.fitToHeight == 0  # as many pages down as it takes
    assert ws.print_title_rows == "$5:$6" and ws.print_title_cols == "$A:$A"


def test_more_than_twelve_people_get_their_names_turned_on_their_side(tmp_path: Path) -> None:
    team = make_small_team()
    for number in range(12):
        team.add_person(f"Extra person {number}")
    ws = load_workbook(_export(team, tmp_path))["RACI"]
    assert ws.cell(5, 2).alignment.textRotation == 90
    assert ws.column_dimensions["B"].width < 7


def test_control_characters_are_shown_as_their_pictures_and_huge_text_is_cut_with_a_marker(tmp_path: Path) -> None:
    team = make_small_team()
    team.add_person("Bell\x07 Ringer")
    team.update_responsibility(team.responsibilities[0].id, description="x" * (CELL_LIMIT + 500))
    workbook = load_workbook(_export(team, tmp_path))
    assert workbook["RACI"].cell(5, 5).value == "Bell\u2407 Ringer"  # visible, never silently dropped
    description = workbook["Responsibilities"]["F2"].value
    assert CELL_LIMIT - 50 < len(description) <= CELL_LIMIT
    assert description.endswith("more characters]")


def test_long_notes_and_titles_grow_their_rows_no_taller_than_excel_allows(tmp_path: Path) -> None:
    team = make_small_team()
    team.set_profile(Profile(Size.LARGE, 3, "Notes that go on. " * 270))
    team.add_person("Many Titles", [f"Title number {n} of a long list" for n in range(60)])
    team.update_responsibility(team.responsibilities[0].id, description="word " * 1000)
    workbook = load_workbook(_export(team, tmp_path))
    heights = {(sheet.title, row): dimension.height for sheet in workbook.worksheets
               for row, dimension in sheet.row_dimensions.items() if dimension.height}
    tallest = [key for key, height in heights.items() if height > 400]  # 409, to the nearest pixel
    assert sorted(tallest) == [("RACI", 2), ("RACI", 6), ("Responsibilities", 2)]  # profile, titles, description
    assert max(heights.values()) <= 409


def test_findings_are_listed_with_citation_and_fix_or_one_line_says_there_are_none(tmp_path: Path) -> None:
    team = make_small_team()
    finding = Finding("no-accountable", Severity.ERROR, "Nobody is accountable for “Run the demo”.",
                      "A row without an A has no owner.", (RACI_PRACTICE,), responsibilities=("run-the-demo",),
                      fix="Make one person A.")
    ws = load_workbook(_export(team, tmp_path, Report.of([finding])))["Findings"]
    assert [ws.cell(2, c).value for c in range(1, 7)] == [
        "Error", "no-accountable", "Nobody is accountable for “Run the demo”.", "Run the demo", RACI_PRACTICE,
        "Make one person A."]
    empty = load_workbook(_export(team, tmp_path, Report()))["Findings"]
    assert empty["A2"].value == "No findings: every check passes for this team."


def test_people_sheet_counts_letters_and_charts_the_workload(tmp_path: Path) -> None:
    ws = load_workbook(_export(make_small_team(), tmp_path))["People"]
    assert [ws.cell(1, c).value for c in range(1, 9)] == ["Person", "Titles", "R", "A", "A/R", "C", "I", "Total"]
    assert [ws.cell(2, c).value for c in range(1, 9)] == ["Ana Lima", "Product Manager", 0, 1, 0, 1, 0, 2]
    assert len(ws._charts) == 1


def test_responsibilities_sheet_names_the_articles_behind_catalog_rows(tmp_path: Path) -> None:
    from raci.catalog import load_catalog

    entry = load_catalog().entries[0]
    team = make_small_team()
    team.add_responsibility(entry.title, sources=[entry.id])
    ws = load_workbook(_export(team, tmp_path))["Responsibilities"]
    articles = ws.cell(ws.max_row, 7).value
    first_source = load_catalog().source(entry.source_ids[0])
    assert first_source.title in articles and first_source.author in articles


@pytest.mark.skipif(not (shutil.which("libreoffice") or shutil.which("soffice")),
                    reason="LibreOffice is not installed, so the workbook cannot be converted to check it opens")
def test_libreoffice_opens_and_converts_the_workbook(tmp_path: Path) -> None:
    path = _export(make_small_team(), tmp_path)
    office = shutil.which("libreoffice") or shutil.which("soffice")
    result = subprocess.run(
        [office, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(path)],
        capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "team.pdf").read_bytes().startswith(b"%PDF")
