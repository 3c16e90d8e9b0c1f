"""Copy and paste between the grid and spreadsheets: which cells a block comes from or lands on.

The text itself (tab-separated, quoted as Excel and LibreOffice quote) is
read and written by the Qt-free :mod:`raci.clipboard`; this module maps a
selection of the table model to a block and a block back to cells. Category
rows hold no cells, so a copied block leaves them out and a pasted block
steps over them, and a block copied from the grid pastes back unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

from raci.clipboard import PastePlan, plan_paste
from raci.model import CellKey
from raci.ui.matrix_model import MatrixModel

Rect = tuple[int, int, int, int]  # top, left, bottom, right (model rows and columns, inclusive)


def bounding_rect(ranges: Sequence[Rect]) -> Rect | None:
    """The smallest rectangle holding every range, or ``None`` for no range."""
    if not ranges:
        return None
    return (min(r[0] for r in ranges), min(r[1] for r in ranges),
            max(r[2] for r in ranges), max(r[3] for r in ranges))


def copied_block(model: MatrixModel, rect: Rect) -> list[list[str]]:
    """The texts of a rectangle of the grid (titles and letters), category rows left out."""
    top, left, bottom, right = rect
    return [[model.index(row, column).data() or "" for column in range(left, right + 1)]
            for row in range(top, bottom + 1) if model.responsibility_at(row) is not None]


def pasted_cells(model: MatrixModel, block: list[list[str]], top: int, left: int,
                 selected: Sequence[CellKey]) -> PastePlan:
    """The changes pasting ``block`` with its top-left at (``top``, ``left``) makes.

    One value over several selected cells fills them all, as in a
    spreadsheet. A block starting on the title column skips its first
    column: titles are not pasted over.
    """
    if len(block) == 1 and len(block[0]) == 1 and len(selected) > 1:
        first = plan_paste(model.team, block, [selected[0][0]], [selected[0][1]])
        if first.problems:
            return first
        return PastePlan(dict.fromkeys(selected, first.changes[selected[0]]), [])
    people = [person.id if person else None for person in map(model.person_at, range(left, model.columnCount()))]
    return plan_paste(model.team, block, model.responsibility_ids_from(top), people)
