"""Any grid at all: layout detection and reading end in a layout and a team, or in the one import error."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from raci.catalog import load_catalog
from raci.errors import SheetImportError
from raci.formats.sheet_detect import (
    ColumnRole,
    Layout,
    Orientation,
    RowRole,
    build_team,
    detect_layout,
    explain,
)
from raci.teamfile import dumps_team, loads_team

CASES = sorted((Path(__file__).parent / "data" / "import-cases").glob("*.csv"))
WORDS = ["R", "A", "C", "I", "A/R", "r", "S", "D", "O", "V", "N", "-", "/", "n/a", "R/C", "C/I", "Responsible",
         "Approbateur", "Key", "Legend", "R: Responsible", "Legend: R = Responsible; S = Support", "Task", "Person",
         "Phase 1: Start", "Category", "Notes", "Ann", "Bob (PM)", "Product Owner", "Cy, QA", "Total", "Week",
         "=SUM(A1)", "'=1+1", "set-product-vision", "Set the product vision", "x" * 70, "1.2.3", "2024-03-01",
         "\u0000", "\ud800", " ", "", "Ann, Bob & Cy"]
VALUES = st.one_of(
    st.none(), st.sampled_from(WORDS), st.text(max_size=12), st.integers(-10**6, 10**6),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)),
)
GRIDS = st.lists(st.lists(VALUES, max_size=8), max_size=12)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read_all_ways(grid: list[list[Any]]) -> None:
    for orientation in (None, *Orientation):
        try:
            layout = detect_layout(grid, "Fuzz", orientation=orientation)
        except SheetImportError as error:
            assert str(error).count("\n") == 0
            continue
        explain(layout, grid)
        team, warnings = build_team(grid, layout, load_catalog())
        assert all(str(warning) for warning in warnings)
        assert loads_team(dumps_team(team)).name == team.name  # a team the team file takes


@FUZZ
@given(GRIDS)
def test_random_grids_give_a_team_or_the_one_import_error(grid: list[list[Any]]) -> None:
    _read_all_ways(grid)


@st.composite
def mutated_cases(draw: st.DrawFn) -> list[list[Any]]:
    path = draw(st.sampled_from(CASES))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        grid: list[list[Any]] = [list(row) for row in csv.reader(handle)]
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["set", "drop-row", "drop-column", "swap-rows", "add-row"]))
        if not grid:
            grid.append([])
        row = draw(st.integers(0, len(grid) - 1))
        if action == "set":
            column = draw(st.integers(0, 6))
            grid[row].extend([None] * (column + 1 - len(grid[row])))
            grid[row][column] = draw(VALUES)
        elif action == "drop-row":
            del grid[row]
        elif action == "drop-column":
            column = draw(st.integers(0, 5))
            grid = [cells[:column] + cells[column + 1:] for cells in grid]
        elif action == "swap-rows":
            other = draw(st.integers(0, len(grid) - 1))
            grid[row], grid[other] = grid[other], grid[row]
        else:
            grid.insert(row, draw(st.lists(VALUES, max_size=6)))
    return grid


@FUZZ
@given(mutated_cases())
def test_mutations_of_the_import_cases_give_a_team_or_the_one_import_error(grid: list[list[Any]]) -> None:
    _read_all_ways(grid)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CASES), st.data())
def test_any_correction_by_hand_reads_without_error(path: Path, data: st.DataObject) -> None:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        grid = list(csv.reader(handle))
    layout: Layout = detect_layout(grid)
    for _ in range(data.draw(st.integers(1, 4))):
        if data.draw(st.booleans()) and layout.rows:
            row = data.draw(st.integers(0, len(layout.rows) - 1))
            layout = layout.with_row_role(row, data.draw(st.sampled_from(list(RowRole))))
        else:
            column = data.draw(st.integers(0, 6))
            layout = layout.with_column_role(column, data.draw(st.sampled_from(list(ColumnRole))))
    team, _ = build_team(grid, layout, load_catalog())
    assert loads_team(dumps_team(team)).name == team.name
    explain(layout, grid)
