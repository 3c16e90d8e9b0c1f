"""This app's exports come back: its workbook whole (edits made in Excel included), its CSV by layout,
with the same grid, names and catalog links."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from raci.catalog import load_catalog
from raci.findings import Report
from raci.formats import export_team, import_sheet
from raci.letters import RACI, RASCI
from raci.model import KNOWN_TITLES, Acknowledgment, Profile, Responsibility, RuleSetting, Size, Team
from raci.ordering import ordered_rows
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


def _edit(path: Path, change) -> None:  # change: a function taking the RACI worksheet
    workbook = load_workbook(path)
    change(workbook["RACI"])
    workbook.save(path)


def test_letters_names_and_new_rows_edited_in_excel_come_back(tmp_path: Path) -> None:
    path = tmp_path / "team.xlsx"
    export_team(make_small_team(), path, Report())

    def change(ws) -> None:
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
    assert result.warnings == ("1 cell could not be read as RACI letters and was left blank: D10 'X?'.",)


def test_a_title_cleared_in_excel_skips_its_row_in_the_words_of_any_import(tmp_path: Path) -> None:
    path = tmp_path / "team.xlsx"
    export_team(make_small_team(), path, Report())
    _edit(path, lambda ws: ws.__setitem__("A10", None))
    result = import_sheet(path)
    assert result.warnings == ("1 row with letters but no responsibility title, skipped: A10.",)
    assert len(result.team.responsibilities) == 3


# ------------------------------------------------------------------ through the CSV export, by layout
def _rows(team: Team, rows: list[Responsibility] | None = None) -> list[tuple[object, ...]]:
    """Each row as a sheet carries it, with its catalog link and its letters by person name (a CSV has no ids)."""
    names = {person.id: person.name for person in team.people}
    return [(row.title, row.category, row.description, row.side, row.tags, row.sources,
             {names[person]: letter for person, letter in team.row_letters(row.id).items()})
            for row in (rows if rows is not None else team.responsibilities)]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_every_template_comes_back_through_its_csv_export_with_its_grid_names_and_catalog_links(
        template: Path, tmp_path: Path) -> None:
    team = load_team(template)
    result = import_sheet(_exported(team, tmp_path / "team.csv"))
    assert result.warnings == ()
    back = result.team
    assert [person.name for person in back.people] == [person.name for person in team.people]
    assert _rows(back) == _rows(team, ordered_rows(team))
    rows = len(team.responsibilities)
    assert result.summary.endswith(f"{rows} of {rows} rows matched the catalog.")


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_every_template_in_rasci_comes_back_through_csv_and_xlsx_with_its_letters_and_catalog_links(
        template: Path, tmp_path: Path) -> None:
    team = load_team(template)
    team.set_letter_set(RASCI)
    rows = len(team.responsibilities)
    whole = import_sheet(_exported(team, tmp_path / "team.xlsx"))
    assert whole.warnings == () and team_to_document(whole.team) == _in_export_order(team)
    by_layout = import_sheet(_exported(team, tmp_path / "team.csv"))
    assert by_layout.warnings == () and by_layout.team.letter_set is RASCI
    assert [person.name for person in by_layout.team.people] == [person.name for person in team.people]
    assert _rows(by_layout.team) == _rows(team, ordered_rows(team))
    assert by_layout.summary.endswith(f"(RASCI letters); {rows} of {rows} rows matched the catalog.")


def _exported(team: Team, path: Path) -> Path:
    export_team(team, path, Report())
    return path


def _in_export_order(team: Team) -> dict[str, object]:
    """The team's document with its rows in the order the exports write them (in category blocks)."""
    document = team_to_document(team)
    order = {row.id: number for number, row in enumerate(ordered_rows(team))}
    document["responsibilities"].sort(key=lambda row: order[row["id"]])
    return document


_CATALOG_TITLES = [entry.title for entry in load_catalog().entries]
_NAMES = st.from_regex(r"[A-Z][a-z]{3,8} [A-Z][a-z]{3,9}", fullmatch=True)
_OWN_TITLES = st.from_regex(r"[A-Z][a-z]{3,9}( [a-z]{3,9}){1,4}", fullmatch=True)


@st.composite
def _teams(draw: st.DrawFn) -> Team:
    """A team with unique names, catalog and own row titles, categories, person titles and RACI letters."""
    team = Team(name="Generated")
    names = draw(st.lists(_NAMES, min_size=1, max_size=6, unique=True))
    people = [team.add_person(name, draw(st.lists(st.sampled_from(KNOWN_TITLES), max_size=2, unique=True)))
              for name in names]
    titles = draw(st.lists(st.one_of(st.sampled_from(_CATALOG_TITLES), _OWN_TITLES), min_size=1, max_size=10,
                           unique=True))
    for title in titles:
        row = team.add_responsibility(title, category=draw(st.sampled_from(["", "Discovery", "Delivery"])))
        cells = draw(st.dictionaries(st.sampled_from(people), st.sampled_from(RACI.legend_cells()), min_size=1))
        team.set_cells({(row.id, person.id): letter for person, letter in cells.items()})
    return team


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_teams())
def test_generated_teams_come_back_through_the_csv_and_xlsx_exports(team: Team) -> None:
    with tempfile.TemporaryDirectory() as folder:
        whole = import_sheet(_exported(team, Path(folder) / "team.xlsx")).team
        by_layout = import_sheet(_exported(team, Path(folder) / "team.csv"))
    assert team_to_document(whole) == _in_export_order(team)
    back = by_layout.team
    assert [person.name for person in back.people] == [person.name for person in team.people]
    expected = ordered_rows(team)
    assert [row[:2] + row[6:] for row in _rows(back)] == [row[:2] + row[6:] for row in _rows(team, expected)]
    linked = [row.sources for row in back.responsibilities]
    catalog = {entry.title: entry.id for entry in load_catalog().entries}
    assert linked == [(catalog[row.title],) if row.title in catalog else linked[number]
                      for number, row in enumerate(expected)]
    assert by_layout.warnings == ()
