"""This app's own workbook comes back whole, including edits made to it in Excel."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from raci.findings import Report
from raci.formats import export_team, import_sheet
from raci.model import Acknowledgment, Profile, RuleSetting, Size, Team
from raci.resources import data_file
from raci.teamfile import load_team, team_to_document

from tests.conftest import make_small_team

TEMPLATES = sorted(data_file("templates").glob("*.raci.json"))


def _round_trip(team: Team, folder: Path, suffix: str = ".xlsx") -> Team:
    path = folder / f"team{suffix}"
    export_team(team, path, Report())
    result = import_sheet(path)
    assert result.warnings == ()
    return result.team


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_every_template_comes_back_whole_through_xlsx(template: Path, tmp_path: Path) -> None:
    team = load_team(template)
    back = _round_trip(team, tmp_path)
    assert team_to_document(back) == team_to_document(team)
    again = _round_trip(back, tmp_path)
    assert team_to_document(again) == team_to_document(team)


def test_there_are_templates_to_round_trip() -> None:
    assert TEMPLATES


def test_profile_settings_acknowledgments_and_hidden_fields_come_back(tmp_path: Path) -> None:
    team = make_small_team()
    team.set_profile(Profile(Size.LARGE, 3, "Three squads"))
    team.set_rule_setting("overloaded-person", RuleSetting(True, 3.0))
    row = team.responsibilities[0]
    team.update_responsibility(row.id, description="Where we go.", tags=["vision", "roadmap"])
    team.add_acknowledgment(Acknowledgment("many-accountable", (row.id,), (), "Shared on purpose.", "2026-01-02"))
    back = _round_trip(team, tmp_path)
    assert team_to_document(back) == team_to_document(team)


def test_a_team_with_tricky_text_comes_back_unchanged(tmp_path: Path) -> None:
    team = Team(name="=Ops | 'quoted' & <b>")
    person = team.add_person('=HYPERLINK("http://x","y")', ["-1", "Chef, Head"])
    row = team.add_responsibility("@SUM(A1)", category="+1")
    team.set_cell(row.id, person.id, "A/R")
    assert team_to_document(_round_trip(team, tmp_path)) == team_to_document(team)


def _edit(path: Path, change) -> None:  # noqa: ANN001 - a function taking the RACI worksheet
    workbook = load_workbook(path)
    change(workbook["RACI"])
    workbook.save(path)


def test_letters_names_and_new_rows_edited_in_excel_come_back(tmp_path: Path) -> None:
    path = tmp_path / "team.xlsx"
    export_team(make_small_team(), path, Report())

    def change(ws) -> None:  # noqa: ANN001
        ws["B11"] = "r"  # Write user stories x Ana Lima, typed in lower case
        ws["C10"] = None  # Order the backlog x Ben Okafor, cleared
        ws["D5"] = "Chloé Martin-Roy"  # renamed
        ws.insert_rows(12)
        ws["A12"] = "Groom the backlog"
        ws["C12"] = "A"

    _edit(path, change)
    team = import_sheet(path).team
    assert team.people[2].name == "Chloé Martin-Roy" and team.people[2].id == "chloe-martin"
    assert team.cell("write-user-stories", "ana-lima") == "R"
    assert team.cell("order-the-backlog", "ben-okafor") is None
    new = team.responsibilities[3]
    assert (new.title, new.category) == ("Groom the backlog", "Product backlog")
    assert team.cell(new.id, "ben-okafor") == "A"
    assert [row.title for row in team.responsibilities][-1] == "Run the demo"


def test_a_column_deleted_in_excel_takes_the_person_away(tmp_path: Path) -> None:
    path = tmp_path / "team.xlsx"
    export_team(make_small_team(), path, Report())
    _edit(path, lambda ws: ws.delete_cols(2))
    team = import_sheet(path).team
    assert [person.name for person in team.people] == ["Ben Okafor", "Chloé Martin"]
    assert team.cell("order-the-backlog", "ben-okafor") == "A/R"


def test_an_unreadable_letter_typed_in_excel_is_a_warning_with_its_cell(tmp_path: Path) -> None:
    path = tmp_path / "team.xlsx"
    export_team(make_small_team(), path, Report())
    _edit(path, lambda ws: ws.__setitem__("D10", "X?"))
    result = import_sheet(path)
    assert result.warnings == ("Sheet RACI, cell D10: 'X?' is not a RACI letter; left blank.",)
