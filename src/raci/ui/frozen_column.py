"""The grid's title column, frozen: a second table over the first column that stays put while people scroll.

Qt's frozen-column pattern: this table shares the grid's model and
selection model, shows only column 0, lies over the grid's own column 0
and scrolls up and down with it. Rows are dragged from here; the divider
at the right of its header resizes the column (the grid's own header
lies beneath and cannot be reached). Long titles are elided; the
model's tooltip shows the whole title and its description.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView

if TYPE_CHECKING:
    from raci.ui.matrix_view import MatrixView

MIN_TITLE_WIDTH = 120


class FrozenColumn(QTableView):
    """The title column, laid over the main table's first column."""

    def __init__(self, view: MatrixView) -> None:
        super().__init__(view)
        self._view = view
        self.setObjectName("frozenTitles")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(MIN_TITLE_WIDTH)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        header.setHighlightSections(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDropIndicatorShown(True)
        # Not overwrite mode: after a drop Qt would otherwise clear the dragged cells.
        self.setDragDropOverwriteMode(False)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._view.setFocus(Qt.FocusReason.MouseFocusReason)  # typing goes on in the grid
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self._view.show_context_menu(event.globalPos())
