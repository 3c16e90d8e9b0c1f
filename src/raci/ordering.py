"""The order rows are shown in: one block per category, as the window and every export show them.

Qt-free, so the grid, the workbook, the Markdown table, the CSV file and
the PDF all ask this module and cannot disagree. A category's block sits
where the category first appears in the team's own row order, and holds
every row of that category in team order; rows without a category form
the "Other" block. Editing a row's category therefore moves that one row
into its new block and leaves every other block where it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from raci.model import Responsibility, Team

OTHER_CATEGORY = "Other"  # the block of rows that have no category


class Block(NamedTuple):
    """One category's rows: the category shown and the rows' positions in the team, in team order."""

    category: str
    positions: tuple[int, ...]


def category_of(row: Responsibility) -> str:
    """The block a row belongs to: its category, or "Other" when it has none."""
    return row.category or OTHER_CATEGORY


def category_blocks(rows: Sequence[Responsibility],
                    keep: Callable[[Responsibility], bool] | None = None) -> list[Block]:
    """The rows (those ``keep`` accepts, all by default) as category blocks, in the order shown.

    A 1000-row team is one pass and one dict: the window calls this after
    every structural change.
    """
    groups: dict[str, list[int]] = {}
    for position, row in enumerate(rows):
        if keep is None or keep(row):
            groups.setdefault(row.category or OTHER_CATEGORY, []).append(position)
    return [Block(category, tuple(positions)) for category, positions in groups.items()]


def ordered_rows(team: Team) -> list[Responsibility]:
    """Every responsibility in the order the grid and the exports show it."""
    rows = team.responsibilities
    return [rows[position] for block in category_blocks(rows) for position in block.positions]
