"""Row order: one block per category, the same for the grid and every export."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from raci.findings import Report
from raci.formats import export_team
from raci.formats.common import category_groups
from raci.model import Team
from raci.ordering import OTHER_CATEGORY, category_blocks, ordered_rows


def team_with(categories: list[str]) -> Team:
    team = Team()
    for number, category in enumerate(categories):
        team.add_responsibility(f"Row {number}", category=category)
    return team


def titles(team: Team) -> list[str]:
    return [row.title for row in ordered_rows(team)]


def test_a_category_met_twice_is_one_block_where_it_first_appears() -> None:
    team = team_with(["Vision", "Backlog", "Vision", "", "Backlog"])
    blocks = category_blocks(team.responsibilities)
    assert [(block.category, block.positions) for block in blocks] == [
        ("Vision", (0, 2)), ("Backlog", (1, 4)), (OTHER_CATEGORY, (3,))]
    assert titles(team) == ["Row 0", "Row 2", "Row 1", "Row 4", "Row 3"]


def test_keep_leaves_out_rows_and_blocks_left_empty() -> None:
    team = team_with(["Vision", "Backlog", "Vision"])
    blocks = category_blocks(team.responsibilities, lambda row: row.title != "Row 1")
    assert [(block.category, block.positions) for block in blocks] == [("Vision", (0, 2))]


def test_an_empty_team_has_no_blocks() -> None:
    assert category_blocks(Team().responsibilities) == []


@given(st.lists(st.sampled_from(["", "A", "B", "C"]), max_size=30))
def test_ordered_rows_hold_every_row_once_with_each_category_together(categories: list[str]) -> None:
    team = team_with(categories)
    rows = ordered_rows(team)
    assert sorted(row.id for row in rows) == sorted(row.id for row in team.responsibilities)
    shown = [row.category or OTHER_CATEGORY for row in rows]
    runs = [category for position, category in enumerate(shown) if position == 0 or shown[position - 1] != category]
    assert len(runs) == len(set(runs))


def test_editing_a_category_moves_only_that_row_in_the_export_groups() -> None:
    team = team_with(["Vision", "Vision", "Backlog", "Backlog"])
    team.update_responsibility(team.responsibilities[3].id, category="Vision")
    groups = category_groups(team)
    assert [(group.category, [row.title for row in group.rows]) for group in groups] == [
        ("Vision", ["Row 0", "Row 1", "Row 3"]), ("Backlog", ["Row 2"])]


def test_the_csv_export_lists_rows_in_block_order(tmp_path: Path) -> None:
    team = team_with(["Vision", "Backlog", "Vision"])
    path = tmp_path / "team.csv"
    export_team(team, path, Report())
    lines = path.read_text(encoding="utf-8-sig").splitlines()[1:]
    assert [line.split(",")[0] for line in lines] == ["Row 0", "Row 2", "Row 1"]
