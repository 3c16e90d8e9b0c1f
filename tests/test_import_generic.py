"""RACI sheets laid out by other tools: found, read and warned about cell by cell."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from raci.formats import import_sheet
from raci.letters import RACI, UnreadableCell, read_cell
from raci.model import Side


def _workbook(path: Path, rows: list[list[object]], title: str = "Matrix") -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


TITLED = [
    ["Project Apollo: RACI matrix"],
    ["Prepared by the PMO", None, None, "2024-03-01"],
    [],
    ["Activity", "Ana", "Ben", "Product Owner"],
    ["Set the vision", "a", "c", "i"],
    ["Order the backlog", "R/A", "i", "C"],
    ["Write stories", "А", "Ｒ", "с"],  # Cyrillic A, full-width R, Cyrillic small c
    ["Plan the release", "X?", "AR", None],
]


def test_a_title_block_above_the_header_is_skipped_and_the_names_found(tmp_path: Path) -> None:
    team = import_sheet(_workbook(tmp_path / "apollo.xlsx", TITLED)).team
    assert team.name == "Project Apollo: RACI matrix"
    assert [person.name for person in team.people] == ["Ana", "Ben", "Product Owner"]
    assert [row.title for row in team.responsibilities] == [
        "Set the vision", "Order the backlog", "Write stories", "Plan the release"]


def test_letters_are_read_in_any_case_combined_and_from_look_alike_alphabets(tmp_path: Path) -> None:
    team = import_sheet(_workbook(tmp_path / "apollo.xlsx", TITLED)).team
    ana, ben, owner = (person.id for person in team.people)
    rows = [row.id for row in team.responsibilities]
    assert [team.cell(rows[0], p) for p in (ana, ben, owner)] == ["A", "C", "I"]
    assert [team.cell(rows[1], p) for p in (ana, ben, owner)] == ["A/R", "I", "C"]
    assert [team.cell(rows[2], p) for p in (ana, ben, owner)] == ["A", "R", "C"]
    assert team.cell(rows[3], ben) == "A/R"


def test_an_unreadable_value_is_a_warning_naming_its_cell_and_left_blank(tmp_path: Path) -> None:
    result = import_sheet(_workbook(tmp_path / "apollo.xlsx", TITLED))
    assert result.warnings == ("1 cell could not be read as RACI letters and was left blank: B8 'X?'.",)
    assert result.summary == ("Read 4 responsibilities, 3 people and 10 cells from Sheet Matrix (RACI letters); "
                              "2 of 4 rows matched the catalog.")
    assert result.team.cell(result.team.responsibilities[3].id, result.team.people[0].id) is None


def test_a_column_headed_with_a_known_title_gives_that_person_the_title(tmp_path: Path) -> None:
    team = import_sheet(_workbook(tmp_path / "apollo.xlsx", TITLED)).team
    assert team.people[2].titles == ("Product Owner",)
    assert team.people[0].titles == ()


def test_an_id_column_is_skipped_with_a_warning_a_notes_column_kept_and_a_category_column_used(
        tmp_path: Path) -> None:
    rows = [
        ["ID", "Task", "Phase", "Dana", "Eli", "Notes"],
        [1, "Kick off", "Start", "A", "R", "first week"],
        [2, "Ship", "End", "I", "A/R", "needs sign-off"],
    ]
    result = import_sheet(_workbook(tmp_path / "plan.xlsx", rows))
    team = result.team
    assert [person.name for person in team.people] == ["Dana", "Eli"]
    assert [(row.title, row.category, row.description) for row in team.responsibilities] == [
        ("Kick off", "Start", "Notes: first week"), ("Ship", "End", "Notes: needs sign-off")]
    assert result.warnings == ("Column A 'ID' holds numbers: skipped.",)


def test_letters_under_a_blank_header_are_kept_under_a_made_up_name(tmp_path: Path) -> None:
    rows = [["Activity", "Ana", None], ["Plan", "A", "R"]]
    result = import_sheet(_workbook(tmp_path / "blank.xlsx", rows))
    assert [person.name for person in result.team.people] == ["Ana", "Person in column C"]
    assert result.warnings == ("1 column with letters but no name, read as 'Person in column ...': C1.",)


def test_a_csv_with_a_title_row_semicolons_and_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "matrix.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Launch plan"])
        writer.writerow(["Activity", "Zoë", "Ümit"])
        writer.writerow(["Pick the date", "A", "c"])
        writer.writerow(["Book the room", "r", "??"])
    result = import_sheet(path)
    assert result.team.name == "Launch plan"
    assert [person.name for person in result.team.people] == ["Zoë", "Ümit"]
    assert result.warnings == ("1 cell could not be read as RACI letters and was left blank: C4 '??'.",)


def test_a_csv_written_by_the_csv_export_comes_back_with_categories_and_catalog_links(tmp_path: Path) -> None:
    from raci.findings import Report
    from raci.formats import export_team

    from tests.conftest import make_small_team

    team = make_small_team()
    team.add_person("=1+1")
    export_team(team, tmp_path / "team.csv", Report())
    back = import_sheet(tmp_path / "team.csv").team
    assert [person.name for person in back.people] == [person.name for person in team.people]
    assert [(row.title, row.category) for row in back.responsibilities] == [
        (row.title, row.category) for row in team.responsibilities]
    # A CSV carries no ids: rows come back by title, each with its letters, linked to the catalog again.
    names = {person.id: person.name for person in team.people}
    titles = {row.id: row.title for row in team.responsibilities}
    again_names = {person.id: person.name for person in back.people}
    again_titles = {row.id: row.title for row in back.responsibilities}
    assert sorted((again_titles[row], again_names[person], letter) for row, person, letter in back.iter_cells()) == \
        sorted((titles[row], names[person], letter) for row, person, letter in team.iter_cells())
    vision = back.responsibilities[0]
    assert (vision.side, vision.tags, vision.sources) == (Side.MANAGER, ("vision",), ("set-product-vision",))


@pytest.mark.parametrize("text", ["A/R", "R/A", "ar", "r a", "A,R", "R, A", "Ａ／Ｒ", "Р/А", "Α/Ρ"])
def test_every_usual_spelling_of_the_combined_letter_reads_as_a_r(text: str) -> None:
    assert read_cell(text, RACI).cell == "A/R"


@given(st.text(max_size=6))
def test_any_text_either_reads_as_a_cell_or_is_reported_unreadable(text: str) -> None:
    try:
        cell = read_cell(text, RACI).cell
    except UnreadableCell:
        return
    assert cell is None or RACI.is_cell(cell)


def test_numbers_and_dates_in_the_grid_are_unreadable() -> None:
    for value in (1, 2.5, True):
        with pytest.raises(UnreadableCell):
            read_cell(value, RACI)
