"""The layout detection found in a sheet, as data a person can correct.

A :class:`Layout` says how to read a grid: its orientation, which rows are
headers, what each column is (a person, the titles, a description, notes,
a category, a legend, skipped) and what each row is (a responsibility, a
category heading, a header, a legend, skipped, blank), and which letter
set the cells are written in. It is frozen: a preview dialog changes it
with :meth:`Layout.with_column_role`, :meth:`Layout.with_row_role` and
:meth:`Layout.with_letter_set`, and applies the result again with
:func:`raci.formats.sheet_detect.build_team`. Changing the orientation
means finding the layout again:
``detect_layout(grid, layout.sheet, orientation=Orientation.TRANSPOSED)``.

Row and column numbers are 0-based and count in the frame the layout
reads: for a transposed sheet, the sheet's columns are the layout's rows.
:meth:`Layout.address` and the ``*_label`` methods give a person the
sheet's own addresses.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from raci.errors import SheetImportError
from raci.formats.sheet_detect.cells import address, column_name
from raci.letters import LetterSet


class Orientation(str, Enum):
    """How the sheet lays the matrix out."""

    NORMAL = "normal"  # people across the top, responsibilities down the side
    TRANSPOSED = "transposed"  # people down the side, responsibilities across the top
    INVERTED = "inverted"  # letters across the top, the people's names in the cells


class ColumnRole(str, Enum):
    """What a column holds."""

    TITLE = "title"  # the responsibilities' titles
    PERSON = "person"  # one person's letters
    LETTER = "letter"  # an inverted sheet's column: the names of those holding one letter
    DESCRIPTION = "description"
    NOTES = "notes"  # kept in each row's description, after the description
    CATEGORY = "category"  # a group, carried down to the rows below it until the next one
    LEGEND = "legend"
    SKIPPED = "skipped"


class RowRole(str, Enum):
    """What a row is."""

    TITLE = "title"  # the sheet's title block, above the header
    HEADER = "header"
    CATEGORY = "category"  # a heading: the rows below it belong to it
    RESPONSIBILITY = "responsibility"
    LEGEND = "legend"
    SKIPPED = "skipped"
    BLANK = "blank"


@dataclass(frozen=True, slots=True)
class ColumnPlan:
    """One column: its role, its header text, why detection gave it that role, and an inverted column's letter."""

    index: int
    role: ColumnRole
    header: str = ""
    reason: str = ""
    letter: str = ""


@dataclass(frozen=True)
class Layout:
    """How to read a sheet; see the module docstring."""

    sheet: str
    orientation: Orientation
    header_rows: tuple[int, ...]
    names_row: int | None
    columns: tuple[ColumnPlan, ...]
    rows: tuple[RowRole, ...]
    letter_set: LetterSet
    letter_set_reason: str
    team_name: str = ""
    legend: str = ""

    # ------------------------------------------------------------ queries
    @property
    def title_column(self) -> int | None:
        return next((plan.index for plan in self.columns if plan.role is ColumnRole.TITLE), None)

    def columns_with(self, *roles: ColumnRole) -> tuple[ColumnPlan, ...]:
        return tuple(plan for plan in self.columns if plan.role in roles)

    def rows_with(self, *roles: RowRole) -> tuple[int, ...]:
        return tuple(number for number, role in enumerate(self.rows) if role in roles)

    def column(self, index: int) -> ColumnPlan | None:
        return next((plan for plan in self.columns if plan.index == index), None)

    @property
    def turned(self) -> bool:
        return self.orientation is Orientation.TRANSPOSED

    def address(self, row: int, column: int) -> str:
        """A cell's address in the sheet as its user sees it (``"B7"``)."""
        return address(column, row) if self.turned else address(row, column)

    def row_label(self, row: int) -> str:
        """``"row 3"``, or ``"column C"`` for a transposed sheet."""
        return f"column {column_name(row)}" if self.turned else f"row {row + 1}"

    def column_label(self, column: int) -> str:
        """``"column B"``, or ``"row 2"`` for a transposed sheet."""
        return f"row {column + 1}" if self.turned else f"column {column_name(column)}"

    # ------------------------------------------------------------ corrections
    def with_column_role(self, index: int, role: ColumnRole) -> Layout:
        """The layout with one column's role changed; a new title column sends the old one to the description."""
        plans = {plan.index: plan for plan in self.columns}
        current = plans.get(index, ColumnPlan(index, ColumnRole.SKIPPED))
        if role is ColumnRole.TITLE:
            for other in self.columns_with(ColumnRole.TITLE):
                plans[other.index] = replace(other, role=ColumnRole.DESCRIPTION, reason="was the title column")
        plans[index] = replace(current, role=role, reason="set by hand")
        return replace(self, columns=tuple(plans[key] for key in sorted(plans)))

    def with_row_role(self, index: int, role: RowRole) -> Layout:
        """The layout with one row's role changed."""
        if not 0 <= index < len(self.rows):
            raise IndexError(f"The sheet has no row {index + 1}.")
        rows = list(self.rows)
        rows[index] = role
        return replace(self, rows=tuple(rows))

    def with_letter_set(self, letter_set: LetterSet, reason: str = "chosen by hand") -> Layout:
        return replace(self, letter_set=letter_set, letter_set_reason=f"{letter_set.name}: {reason}.")


class LayoutNotFound(SheetImportError):
    """A sheet holds no RACI matrix detection can find: one sentence naming the sheet and what to do."""

    def __init__(self, sheet: str, fault: str) -> None:
        where = f"Sheet {sheet}" if sheet else "The sheet"
        super().__init__(f"{where} {fault}; put the people's names in one row above the letters, "
                         "with the responsibilities in a column on the left, and import it again.")
