"""The import cases: small sheets in the shapes real RACI sheets take, each giving the grid it should.

The cases live in ``tests/data/import-cases`` (copied from the shared
folder they were built in, so CI runs them); each CSV is read with
Python's csv module into a grid of strings, as the import reads a CSV.
"""

from __future__ import annotations

import csv
import filecmp
import json
from pathlib import Path
from typing import Any

import pytest

from raci.catalog import load_catalog
from raci.formats.sheet_detect import (
    ColumnRole,
    Orientation,
    RowRole,
    SheetRead,
    WarningKind,
    build_team,
    detect_layout,
    read_sheet,
)

CASES = Path(__file__).parent / "data" / "import-cases"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "import-cases"
EXPECTED: dict[str, dict[str, Any]] = json.loads((CASES / "expected.json").read_text(encoding="utf-8"))


def grid_of(name: str) -> list[list[str]]:
    with (CASES / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def expected(name: str) -> dict[str, Any]:
    case = EXPECTED[name]
    return EXPECTED[case["same_as"]] if "same_as" in case else case


def read_case(name: str) -> SheetRead:
    grid = grid_of(name)
    return read_sheet(grid, detect_layout(grid, name), load_catalog())


def letters(cell: str) -> set[str]:
    return set(cell.split("/"))


def test_every_case_in_the_folder_has_an_expected_grid_and_every_expected_grid_a_case() -> None:
    assert {path.name for path in CASES.glob("*.csv")} == set(EXPECTED)


def test_the_copied_cases_are_the_shared_cases_when_those_are_beside_the_checkout() -> None:
    if not SHARED.is_dir():
        pytest.skip("the shared import cases are not beside this checkout (../shared/import-cases)")
    names = sorted(path.name for path in SHARED.iterdir())
    _match, mismatch, errors = filecmp.cmpfiles(SHARED, CASES, names, shallow=False)
    assert (mismatch, errors) == ([], [])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_case_gives_its_people_in_order_with_their_titles(name: str) -> None:
    found = read_case(name)
    wanted = [person if isinstance(person, dict) else {"name": person} for person in expected(name)["people"]]
    assert [person.name for person in found.people] == [person["name"] for person in wanted]
    for person, want in zip(found.people, wanted, strict=True):
        if "titles" in want:
            assert list(person.titles) == want["titles"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_case_gives_its_rows_in_order_with_category_description_side_tags_and_cells(name: str) -> None:
    found = read_case(name)
    wanted = expected(name)["rows"]
    assert [row.title for row in found.rows] == [row["title"] for row in wanted]
    for row, want in zip(found.rows, wanted, strict=True):
        linked = bool(row.sources)
        if "category" in want or not linked:
            assert row.category == want.get("category", ""), row.title
        if "description" in want or not linked:
            assert row.description == want.get("description", ""), row.title
        if "side" in want:
            assert row.side.value == want["side"], row.title
        assert set(want.get("tags_include", ())) <= set(row.tags)
        cells = {found.people[position].name: letters(cell) for position, cell in row.cells}
        assert cells == {person: letters(cell) for person, cell in want["cells"].items()}, row.title


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_case_is_read_in_its_letter_set(name: str) -> None:
    assert read_case(name).layout.letter_set.name == expected(name).get("letter_set", "RACI")


def test_rows_that_match_catalog_entries_carry_the_entries_side_tags_and_sources() -> None:
    found = read_case("titles-in-headers.csv")
    catalog = load_catalog()
    for row in found.rows:
        (entry_id,) = row.sources
        entry = catalog.entry(entry_id)
        assert (row.side.value, row.tags, row.category) == (entry.side, entry.tags, entry.category)
    assert found.matched == 2
    assert found.summary().endswith("2 of 2 rows matched the catalog.")


def test_not_involved_marks_are_one_warning_and_no_cell() -> None:
    found = read_case("words-not-involved-multi.csv")
    assert [str(warning) for warning in found.warnings] == ["'N' and '-' in 2 cells read as not involved: B5, C5."]
    assert found.warnings[0].kind is WarningKind.NOT_INVOLVED


def test_a_number_column_is_named_in_a_warning_as_skipped() -> None:
    found = read_case("number-column.csv")
    assert [str(warning) for warning in found.warnings] == ["Column D 'Week' holds numbers: skipped."]


def test_the_second_header_row_is_a_header_named_in_a_warning_not_a_responsibility() -> None:
    found = read_case("second-header-row.csv")
    assert found.layout.header_rows == (0, 1) and found.layout.names_row == 0
    assert [str(warning) for warning in found.warnings] == [
        "Row 2 ('Group'), read as a header row describing the people and not kept: B2 'Sponsor', C2 'Team'."]


@pytest.mark.parametrize(("name", "orientation"), [("inverted.csv", Orientation.INVERTED),
                                                   ("transposed.csv", Orientation.TRANSPOSED),
                                                   ("lower-case.csv", Orientation.NORMAL)])
def test_the_orientation_is_found_from_the_sheet(name: str, orientation: Orientation) -> None:
    assert read_case(name).layout.orientation is orientation


def test_legends_beside_and_under_the_grid_are_legends_and_feed_the_letter_set() -> None:
    beside = read_case("legend-beside.csv").layout
    assert [plan.index for plan in beside.columns_with(ColumnRole.LEGEND)] == [4]
    below = read_case("phase-rows-legend-below.csv").layout
    assert below.rows_with(RowRole.LEGEND) == (5, 6)
    assert below.rows_with(RowRole.CATEGORY) == (1,)
    rasci = read_case("rasci-legend.csv").layout
    assert "S = Support" in rasci.letter_set_reason


def test_cases_whose_cells_a_raci_team_holds_become_teams_with_the_same_grid() -> None:
    for name in ("lower-case.csv", "legend-beside.csv", "inverted.csv", "transposed.csv", "group-column.csv"):
        grid = grid_of(name)
        team, _warnings = build_team(grid, detect_layout(grid, name), load_catalog())
        want = expected(name)
        assert [person.name for person in team.people] == [
            person if isinstance(person, str) else person["name"] for person in want["people"]]
        assert [row.title for row in team.responsibilities] == [row["title"] for row in want["rows"]]
        for row, wanted in zip(team.responsibilities, want["rows"], strict=True):
            by_name = {person.name: team.cell(row.id, person.id) for person in team.people}
            assert {person: letters(letter) for person, letter in by_name.items() if letter} == {
                person: letters(cell) for person, cell in wanted["cells"].items()}


def test_a_sheet_in_another_letter_set_keeps_every_cell_in_that_set() -> None:
    grid = grid_of("rasci-legend.csv")
    team, warnings = build_team(grid, detect_layout(grid), load_catalog())
    assert team.letter_set.name == "RASCI"
    assert [dict(team.row_letters(row.id)) for row in team.responsibilities] == [
        {"ann": "A", "bob": "R", "cy": "S"}, {"ann": "S", "bob": "A/R", "cy": "C"}]
    assert warnings == ()
