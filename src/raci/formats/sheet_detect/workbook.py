"""Choosing the sheet of a workbook that holds the matrix.

Each sheet's layout is found; the sheet whose layout reads the most
(responsibility rows times people, at least one each) wins, a sheet named
"RACI" first on a tie, then the earlier sheet. Sheets without a matrix are
passed over; when none has one, the error names the first sheet's fault.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from raci.formats.sheet_detect.cells import Frame
from raci.formats.sheet_detect.detect import detect_layout
from raci.formats.sheet_detect.layout import ColumnRole, Layout, LayoutNotFound, RowRole
from raci.letters.text import fold


def layout_size(layout: Layout) -> int:
    """How much a layout reads: its responsibility rows times its people (or letter columns)."""
    rows = len(layout.rows_with(RowRole.RESPONSIBILITY))
    people = len(layout.columns_with(ColumnRole.PERSON, ColumnRole.LETTER))
    return max(rows, 1) * max(people, 1) if rows or people else 0


def choose_sheet(sheets: Iterable[tuple[str, Iterable[Sequence[Any] | None]]]) -> tuple[str, Frame, Layout]:
    """The sheet holding the matrix, as (name, frame, layout); raises the first sheet's :class:`LayoutNotFound`."""
    best: tuple[tuple[int, bool, int], str, Frame, Layout] | None = None
    first_error: LayoutNotFound | None = None
    for position, (name, grid) in enumerate(sheets):
        frame = Frame.from_grid(grid)
        try:
            layout = detect_layout(frame, name)
        except LayoutNotFound as error:
            first_error = first_error or error
            continue
        rank = (layout_size(layout), fold(name) == "raci", -position)
        if best is None or rank > best[0]:
            best = (rank, name, frame, layout)
    if best is None:
        raise first_error or LayoutNotFound("", "is empty")
    return best[1], best[2], best[3]
