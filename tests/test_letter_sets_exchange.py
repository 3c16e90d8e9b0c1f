"""Letter sets through the workbook and the CSV: any team comes back in its letters, and sheets in other sets
come in with no cell lost."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook

from raci.findings import Report
from raci.formats import csv_format, export_team, import_sheet, markdown
from raci.formats.sheet_import import inspect
from raci.letters import CAIRO, DACI, RACI, RACI_VS, RASCI, Kind, LetterDef, LetterSet
from raci.model import Team
from raci.resources import data_file
from raci.teamfile import team_to_document

from tests.conftest import make_small_team
from tests.letter_teams import teams

HERE = Path(__file__).resolve().parent
CASES = HERE / "data" / "import-cases"
LETTER_CASES = HERE / "data" / "letter-import"
_SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                         HealthCheck.function_scoped_fixture])


def grid_of(team: Team) -> list[tuple[str, str, str]]:
    """The matrix as a person reads it: (row title, person name, cell)."""
    names = {person.id: person.name for person in team.people}
    titles = {row.id: row.title for row in team.responsibilities}
    return sorted((titles[row], names[person], cell) for row, person, cell in team.iter_cells())


def rasci_team() -> Team:
    team = make_small_team()
    team.set_letter_set(RASCI)
    team.set_cells({("run-the-demo", "chloe-martin"): "R/S", ("run-the-demo", "ben-okafor"): "S",
                    ("write-user-stories", "ana-lima"): "C/I"})
    return team


# ------------------------------------------------------------------ workbook
@_SLOW
@given(team=teams())
def test_any_team_in_any_letter_set_comes_back_whole_through_the_workbook(tmp_path_factory: pytest.TempPathFactory,
                                                                         team: Team) -> None:
    path = tmp_path_factory.mktemp("xlsx") / "team.xlsx"
    export_team(team, path, Report())
    result = import_sheet(path)
    assert result.warnings == ()
    assert result.team.letter_set == team.letter_set
    assert team_to_document(result.team) == team_to_document(team)


def test_the_workbook_speaks_the_teams_letters(tmp_path: Path) -> None:
    path = tmp_path / "rasci.xlsx"
    export_team(rasci_team(), path, Report())
    sheet = load_workbook(path)["RACI"]
    validation = sheet.data_validations.dataValidation[0]
    assert validation.formula1 == '"R,A,S,C,I,A/R,R/S,C/I"'
    assert validation.errorTitle == "Not a RASCI letter"
    assert validation.error == "Use R, A, S, C, I, A/R, R/S or C/I, or leave the cell empty."
    rules = {rule.formula[0] for entry in sheet.conditional_formatting for rule in entry.rules if rule.formula}
    assert {'"S"', '"R/S"', '"C/I"', '"A/R"'} <= rules
    legend = next(str(cell.value) for row in sheet.iter_rows(max_row=6) for cell in row
                  if str(cell.value or "").startswith("Legend"))
    assert legend.startswith("Legend (RASCI): R = Responsible: does the work; A = Accountable")
    assert "S = Support: helps those responsible do the work" in legend


def test_the_workbooks_check_column_counts_every_cell_that_holds_the_owner(tmp_path: Path) -> None:
    team = make_small_team()
    team.set_letter_set(DACI)
    team.set_cell("run-the-demo", "chloe-martin", "A/C")
    path = tmp_path / "daci.xlsx"
    export_team(team, path, Report())
    sheet = load_workbook(path)["RACI"]
    formulas = [cell.value for row in sheet.iter_rows() for cell in row
                if isinstance(cell.value, str) and cell.value.startswith("=COUNTIF")]
    assert formulas and all('"A"' in formula and '"A/D"' in formula and '"A/C"' in formula for formula in formulas)
    assert any(cell.value == "A's (need 1)" for row in sheet.iter_rows(max_row=12) for cell in row)


def test_a_raci_workbook_keeps_its_pick_list_and_check_column_as_they_were(tmp_path: Path) -> None:
    path = tmp_path / "raci.xlsx"
    export_team(make_small_team(), path, Report())
    sheet = load_workbook(path)["RACI"]
    validation = sheet.data_validations.dataValidation[0]
    assert validation.formula1 == '"R,A,C,I,A/R"'
    assert (validation.errorTitle, validation.error) == ("Not a RACI letter",
                                                          "Use R, A, C, I or A/R, or leave the cell empty.")
    formulas = {cell.value.split("(")[0] + cell.value.count("COUNTIF") * "+" for row in sheet.iter_rows()
                for cell in row if isinstance(cell.value, str) and cell.value.startswith("=COUNTIF")}
    assert formulas == {"=COUNTIF++"}


def test_the_people_sheet_counts_each_cell_of_the_legend_and_each_combination_in_use(tmp_path: Path) -> None:
    path = tmp_path / "rasci.xlsx"
    export_team(rasci_team(), path, Report())
    rows = list(load_workbook(path)["People"].iter_rows(values_only=True))
    assert rows[0] == ("Person", "Titles", "R", "A", "A/R", "S", "C", "I", "R/S", "C/I", "Total")
    ben = next(row for row in rows if row[0] == "Ben Okafor")
    assert ben[2:] == (0, 0, 1, 1, 0, 0, 0, 0, 2)


# ----------------------------------------------------------------------- CSV
@_SLOW
@given(team=teams(categories=("Build",)))  # today's CSV import reads an empty Category column as a person
def test_any_team_in_any_letter_set_comes_back_through_the_csv_with_its_grid_and_letters(
        tmp_path_factory: pytest.TempPathFactory, team: Team) -> None:
    path = tmp_path_factory.mktemp("csv") / "team.csv"
    export_team(team, path, Report())
    back = import_sheet(path).team
    assert back.letter_set == team.letter_set
    assert [person.name for person in back.people] == [person.name for person in team.people]
    assert grid_of(back) == grid_of(team)


def test_a_raci_csv_is_the_matrix_alone_and_another_set_names_its_letters_under_it() -> None:
    raci = io.BytesIO()
    csv_format.write(make_small_team(), raci)
    rows = csv.reader(io.StringIO(raci.getvalue().decode("utf-8-sig")))
    assert not any(row and row[0].startswith("Letters") for row in rows)
    rasci = io.BytesIO()
    csv_format.write(rasci_team(), rasci)
    rows = list(csv.reader(io.StringIO(rasci.getvalue().decode("utf-8-sig"))))
    assert rows[-2] == [] and rows[-1] == [
        "Letters (RASCI): R = Responsible; A = Accountable; S = Support; C = Consulted; I = Informed", "rasci"]


def test_a_teams_own_set_comes_back_through_the_csv_whole(tmp_path: Path) -> None:
    studio = LetterSet("studio", "Studio", (LetterDef("M", "Maker", "makes it", Kind.DOES),
                                            LetterDef("O", "Owner", "answers for it", Kind.OWNS)), say_names=True)
    team = make_small_team()
    team.set_letter_set(studio, {"A": "O", "A/R": "O/M", "C": None})
    export_team(team, tmp_path / "studio.csv", Report())
    back = import_sheet(tmp_path / "studio.csv")
    assert back.team.letter_set == studio and grid_of(back.team) == grid_of(team)
    assert back.warnings == ()


def test_the_markdown_page_names_the_sets_letters(tmp_path: Path) -> None:
    text = markdown.render(rasci_team(), Report())
    assert "Legend (RASCI): R = Responsible: does the work;" in text
    assert "| R/S |" in text or "R/S" in text


# -------------------------------------------------------------------- import
def expected(folder: Path, name: str) -> dict:
    return json.loads((folder / "expected.json").read_text(encoding="utf-8"))[name]


def letters(cell: str) -> frozenset[str]:
    return frozenset(cell.split("/"))


def cells_by_title(team: Team) -> dict[str, dict[str, frozenset[str]]]:
    names = {person.id: person.name for person in team.people}
    return {row.title: {names[person]: letters(cell) for person, cell in team.row_letters(row.id).items()}
            for row in team.responsibilities}


def assert_no_cell_lost(team: Team, want: dict) -> None:
    got = cells_by_title(team)
    for row in want["rows"]:
        assert got[row["title"]] == {person: letters(cell) for person, cell in row["cells"].items()}, row["title"]


def test_cells_holding_several_letters_come_in_as_written(tmp_path: Path) -> None:
    result = import_sheet(LETTER_CASES / "combined-cells.csv")
    assert result.team.letter_set is RACI and result.warnings == ()
    assert_no_cell_lost(result.team, expected(LETTER_CASES, "combined-cells.csv"))


def test_a_rasci_sheet_with_s_and_a_legend_comes_in_as_rasci_with_no_cell_lost() -> None:
    result = import_sheet(CASES / "rasci-legend.csv")
    assert result.team.letter_set is RASCI
    assert_no_cell_lost(result.team, expected(CASES, "rasci-legend.csv"))
    assert "(RASCI letters)" in result.summary and result.warnings == ()
    assert inspect(CASES / "rasci-legend.csv").layout.letter_set_reason == (
        "RASCI: the sheet uses S (Support) and its legend lists S = Support.")


def test_spelled_out_letters_and_combinations_come_in_and_marks_are_one_warning() -> None:
    result = import_sheet(CASES / "words-not-involved-multi.csv")
    assert result.team.letter_set is RACI
    assert_no_cell_lost(result.team, expected(CASES, "words-not-involved-multi.csv"))
    assert result.warnings == ("'N' and '-' in 2 cells read as not involved: B5, C5.",)


@pytest.mark.parametrize(("letter_set", "cells"), [
    (DACI, ["D", "A", "C", "I", "A/D"]),
    (CAIRO, ["R", "A", "C", "O", "A/R"]),
    (RACI_VS, ["R", "A", "V", "S", "C"]),
])
def test_a_sheet_in_another_built_in_set_comes_in_in_that_set(tmp_path: Path, letter_set: LetterSet,
                                                               cells: list[str]) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Task,Ann,Bob,Cy,Dee,Eve\n" + "Plan," + ",".join(cells) + "\nBuild," + ",".join(reversed(cells))
                     + "\n", encoding="utf-8")
    result = import_sheet(sheet)
    assert result.team.letter_set is letter_set
    assert sorted(cell for _row, _person, cell in result.team.iter_cells()) == sorted(cells * 2)


def test_the_app_reads_its_own_export_of_every_template_in_every_built_in_set(tmp_path: Path) -> None:
    from raci.letters import BUILT_IN
    from raci.teamfile import load_team

    for template in sorted(data_file("templates").glob("*.raci.json")):
        for letter_set in BUILT_IN:
            team = load_team(template)
            team.set_letter_set(letter_set)
            path = tmp_path / f"{letter_set.id}.csv"
            export_team(team, path, Report())
            back = import_sheet(path).team
            assert back.letter_set is letter_set and grid_of(back) == grid_of(team), (template.name, letter_set.id)
