"""Understanding a RACI sheet someone else made: its layout, as data a person can correct, then the team.

Qt-free, and no workbook library: it takes a *grid*, the rows of cell
values that reading a .csv, .xlsx, .ods or .xls file gives (``str``,
``int``, ``float``, ``bool``, ``datetime`` or ``None``; rows of any
length), and works in time and memory linear in the grid's non-blank
cells.

Use
===
::

    frame = prepare(grid)                             # read the grid once
    layout = detect_layout(frame, sheet="RACI")       # raises LayoutNotFound (a SheetImportError)
    print(explain(layout, frame))                     # raci import --explain
    team, warnings = build_team(frame, layout, load_catalog(), name=..., description=...)

A workbook: ``name, frame, layout = choose_sheet((name, rows) for each visible sheet)``.

A preview dialog shows :func:`read_sheet`'s :class:`SheetRead` (people,
rows, cells, catalog links, warnings, :meth:`SheetRead.summary`), lets
the person correct the layout (``layout.with_column_role(3,
ColumnRole.DESCRIPTION)``, ``layout.with_row_role(7, RowRole.CATEGORY)``,
``layout.with_letter_set(RASCI)``, or ``detect_layout(grid, sheet,
orientation=Orientation.TRANSPOSED)`` to turn it) and reads again.

The modules
===========
* :mod:`.cells`: a kind per cell (letter, mark, words, number, date, ID),
  text, addresses, the sparse :class:`Frame` that turns.
* :mod:`.detect`: the steps and their scores; :mod:`.header`,
  :mod:`.columns`, :mod:`.rows`, :mod:`.legend`, :mod:`.people` and
  :mod:`.words` each decide one thing.
* :mod:`.layout`: :class:`Layout` and its roles. :mod:`.explain`: it in words.
* :mod:`.build`: reading by a layout; :mod:`.team`: the team;
  :mod:`.warnings`: grouped warnings; :mod:`.workbook`: which sheet.
"""

from collections.abc import Iterable, Sequence
from typing import Any

from raci.formats.sheet_detect.build import ImportedPerson, ImportedRow, SheetRead, read_sheet
from raci.formats.sheet_detect.cells import Frame
from raci.formats.sheet_detect.detect import detect_layout
from raci.formats.sheet_detect.explain import explain
from raci.formats.sheet_detect.layout import (
    ColumnPlan,
    ColumnRole,
    Layout,
    LayoutNotFound,
    Orientation,
    RowRole,
)
from raci.formats.sheet_detect.people import known_title, person_from_header
from raci.formats.sheet_detect.team import build_team, to_team
from raci.formats.sheet_detect.warnings import ImportWarning, WarningKind
from raci.formats.sheet_detect.workbook import choose_sheet, layout_size


def prepare(grid: Iterable[Sequence[Any] | None]) -> Frame:
    """A grid read once into a :class:`Frame` (its non-blank cells, each classified), for a caller that detects,
    explains and reads the same grid several times, as a preview dialog does; every function here takes either."""
    return Frame.from_grid(grid)


__all__ = [
    "ColumnPlan", "ColumnRole", "Frame", "ImportWarning", "ImportedPerson", "ImportedRow", "Layout", "LayoutNotFound",
    "Orientation", "RowRole", "SheetRead", "WarningKind",
    "build_team", "choose_sheet", "detect_layout", "explain", "known_title", "layout_size", "person_from_header",
    "prepare", "read_sheet", "to_team",
]
