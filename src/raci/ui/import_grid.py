"""The import preview's grid: the sheet as the layout reads it, each row's and column's role marked.

A thin adapter over the core's :class:`~raci.formats.sheet_detect.Frame`
(the sheet's non-blank cells, turned when the sheet is read transposed),
its :class:`~raci.formats.sheet_detect.Layout` and the
:class:`~raci.formats.sheet_detect.SheetRead` the layout gives. Headers
name each row and column as the sheet does (its own letters and numbers)
with its role; category and header rows are bold, what is skipped is
greyed, cells a warning names are tinted. A last column, "Catalog", shows
the entry each responsibility is linked to (``=`` exact, ``~`` close).
:meth:`ImportGrid.show` swaps all three at once with one model reset.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from raci.formats.sheet_detect import ColumnRole, Frame, Layout, RowRole, SheetRead
from raci.formats.sheet_detect.cells import text_of

Index = QModelIndex | QPersistentModelIndex
CELL_CHARACTERS = 80  # a cell shows at most this much of its text

COLUMN_WORDS = {
    ColumnRole.TITLE: "Titles", ColumnRole.PERSON: "Person", ColumnRole.LETTER: "Letter",
    ColumnRole.DESCRIPTION: "Description", ColumnRole.NOTES: "Notes", ColumnRole.CATEGORY: "Category",
    ColumnRole.LEGEND: "Legend", ColumnRole.SKIPPED: "Skipped",
}
ROW_WORDS = {
    RowRole.TITLE: "Title block", RowRole.HEADER: "Header", RowRole.CATEGORY: "Category",
    RowRole.RESPONSIBILITY: "Responsibility", RowRole.LEGEND: "Legend", RowRole.SKIPPED: "Skipped",
    RowRole.BLANK: "Blank",
}
_QUIET_ROWS = (RowRole.TITLE, RowRole.LEGEND, RowRole.SKIPPED, RowRole.BLANK)
_QUIET_COLUMNS = (ColumnRole.LEGEND, ColumnRole.SKIPPED)


class ImportGrid(QAbstractTableModel):
    """The grid of an import preview; see the module docstring."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.frame: Frame | None = None
        self.layout: Layout | None = None
        self._roles: dict[int, ColumnRole] = {}
        self._links: dict[int, tuple[str, bool]] = {}
        self._flagged: set[tuple[int, int]] = set()

    def show(self, frame: Frame, layout: Layout, read: SheetRead) -> None:
        """Show ``frame`` (as ``layout`` reads it: turned for a transposed sheet) with the roles and links."""
        self.beginResetModel()
        self.frame, self.layout = frame, layout
        self._roles = {plan.index: plan.role for plan in layout.columns}
        self._links = {row.row: (row.sources[0], row.exact) for row in read.rows if row.sources}
        self._flagged = {place for warning in read.warnings for address in warning.addresses
                         if (place := cell_of(address, layout.turned)) is not None}
        self.endResetModel()

    # ------------------------------------------------------------ roles
    def column_role(self, column: int) -> ColumnRole:
        return self._roles.get(column, ColumnRole.SKIPPED)

    def row_role(self, row: int) -> RowRole:
        layout = self.layout
        return layout.rows[row] if layout is not None and row < len(layout.rows) else RowRole.BLANK

    @property
    def catalog_column(self) -> int:
        return self.frame.width if self.frame is not None else 0

    # ------------------------------------------------------------ Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.frame is None else self.frame.height

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.frame is None else self.frame.width + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.frame is None:
            return None
        row, column = index.row(), index.column()
        if column == self.catalog_column:
            return self._link_data(row, role)
        if role == Qt.ItemDataRole.DisplayRole:
            text = text_of(self.frame.lines[row].value(column))
            return text if len(text) <= CELL_CHARACTERS else text[: CELL_CHARACTERS - 1] + "\u2026"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.describe(row, column)
        if role == Qt.ItemDataRole.FontRole:
            return _font(self.row_role(row), self.column_role(column))
        if role == Qt.ItemDataRole.ForegroundRole:
            quiet = self.row_role(row) in _QUIET_ROWS or self.column_role(column) in _QUIET_COLUMNS
            return _brush(QPalette.ColorRole.PlaceholderText) if quiet else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column)
        return None

    def _link_data(self, row: int, role: int) -> Any:
        link = self._links.get(row)
        if link is None:
            return None
        entry, exact = link
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{'=' if exact else '~'} {entry}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Linked to the catalog entry {entry} ({'same title' if exact else 'a close match'})."
        return None

    def _background(self, row: int, column: int) -> QBrush | None:
        if (row, column) in self._flagged:
            return QBrush(QColor(230, 120, 60, 70))
        if self.row_role(row) in (RowRole.CATEGORY, RowRole.HEADER):
            return _brush(QPalette.ColorRole.Midlight)
        if self.column_role(column) is ColumnRole.CATEGORY:
            return _brush(QPalette.ColorRole.AlternateBase)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.layout is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section == self.catalog_column:
                return "Catalog" if role == Qt.ItemDataRole.DisplayRole else "The catalog entry a row is linked to"
            label, word = self.layout.column_label(section), COLUMN_WORDS[self.column_role(section)]
            return f"{_short(label)}\n{word}" if role == Qt.ItemDataRole.DisplayRole else f"{label}: {word.lower()}"
        label, word = self.layout.row_label(section), ROW_WORDS[self.row_role(section)]
        return f"{_short(label)}  {word}" if role == Qt.ItemDataRole.DisplayRole else f"{label}: {word.lower()}"

    def describe(self, row: int, column: int) -> str:
        """A cell's place in the layout in words: "Row 7 is a category; column C is a person"."""
        assert self.layout is not None
        row_word, column_word = ROW_WORDS[self.row_role(row)].lower(), COLUMN_WORDS[self.column_role(column)].lower()
        return (f"{self.layout.row_label(row).capitalize()}: {row_word}; "
                f"{self.layout.column_label(column)}: {column_word}.")


def cell_of(address: str, turned: bool) -> tuple[int, int] | None:
    """A warning's address ("B7", as the sheet names it) as (row, column) of the grid shown."""
    letters = address.rstrip("0123456789")
    digits = address[len(letters):]
    if not letters.isalpha() or not digits:
        return None
    column = 0
    for character in letters.upper():
        column = column * 26 + ord(character) - 64
    row, column = int(digits) - 1, column - 1
    return (column, row) if turned else (row, column)


def _short(label: str) -> str:
    """``"column C"`` -> ``"C"``, ``"row 7"`` -> ``"7"``."""
    return label.split(" ", 1)[-1]


def _brush(role: QPalette.ColorRole) -> QBrush:
    return QBrush(QGuiApplication.palette().color(role))


def _font(row: RowRole, column: ColumnRole) -> QFont | None:
    if row in (RowRole.CATEGORY, RowRole.HEADER) or column is ColumnRole.TITLE:
        font = QFont()
        font.setBold(True)
        return font
    if column in (ColumnRole.DESCRIPTION, ColumnRole.NOTES):
        font = QFont()
        font.setItalic(True)
        return font
    return None


__all__ = ["COLUMN_WORDS", "ROW_WORDS", "ImportGrid", "cell_of"]
