"""The grid's title column, frozen: a second table over the first column that stays put while people scroll.

Qt's frozen-column pattern: this table shares the grid's model and
selection model, shows only column 0, lies over the grid's own column 0
and scrolls up and down with it. Rows are dragged from here; the divider
at the right of its header resizes the column (the grid's own header
lies beneath and cannot be reached). Long titles are elided; the
model's tooltip shows the whole title and its description.

The column's width: until the person drags the divider, it fits itself
to the room the people's columns leave, between :data:`TITLE_WIDTH` and
the longest title (at most :data:`MAX_TITLE_WIDTH`); once dragged, it
keeps the person's width (and the window remembers it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView

if TYPE_CHECKING:
    from PySide6.QtGui import QContextMenuEvent, QMouseEvent

    from raci.ui.matrix_view import MatrixView

MIN_TITLE_WIDTH = 120  # what a drag of the divider can narrow it to
TITLE_WIDTH = 300  # its least width while it fits itself to the room left by the people
MAX_TITLE_WIDTH = 560  # and its most: past this a title is elided


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
        self._width = TITLE_WIDTH
        self._fits = True
        self._longest = 0
        self._zoom = 1.0
        header.sectionResized.connect(self._on_divider_dragged)

    # ------------------------------------------------------------------ width
    @property
    def title_width(self) -> int:
        """The title column's width."""
        return self._width

    @property
    def fits(self) -> bool:
        """Whether the column fits itself to the room (True until the person sets its width)."""
        return self._fits

    def set_width(self, width: int) -> None:
        """Widen or narrow the column and keep it so."""
        self._fits = False
        self._apply(max(MIN_TITLE_WIDTH, width))

    def fit_again(self) -> None:
        """Fit the column to the room again (View > Reset Layout)."""
        self._fits = True
        self.fit()

    def measure(self, zoom: float) -> None:
        """Note how wide the longest title is (after rows change, or at another zoom), then fit."""
        self._zoom = zoom
        metrics = self.fontMetrics()
        rows = self._view.matrix_model().team.responsibilities
        longest = max((metrics.horizontalAdvance(row.title) for row in rows), default=0)
        self._longest = longest + round(36 * zoom)  # with the margins and a finding's marker
        self.fit()

    def rescale(self, factor: float) -> None:
        """A kept width follows the zoom; a fitting one is fitted again on the next :meth:`fit`."""
        if not self._fits:
            self._width = round(self._width * factor)

    def fit(self) -> None:
        """Apply the width: the kept one, or what the room, the longest title and the limits allow."""
        if not self._fits:
            self._apply(self._width)
            return
        view = self._view
        people = sum(view.columnWidth(column) for column in range(1, view.matrix_model().columnCount()))
        room = view.viewport().width() - people - 2
        least, most = round(TITLE_WIDTH * self._zoom), round(MAX_TITLE_WIDTH * self._zoom)
        self._apply(max(least, min(room, most, self._longest)))

    def _apply(self, width: int) -> None:
        self._width = width
        if self._view.columnWidth(0) != width:
            self._view.setColumnWidth(0, width)
        if self.columnWidth(0) != width:
            self.setColumnWidth(0, width)
        self.follow_grid()

    def _on_divider_dragged(self, logical: int, _old: int, new: int) -> None:
        if logical == 0 and new != self._width:
            self._fits = False
            self._apply(new)

    def follow_grid(self) -> None:
        """Lie exactly over the grid's first column and header."""
        view = self._view
        header = view.horizontalHeader()
        viewport = view.viewport()
        if self.horizontalHeader().height() != header.height():
            self.horizontalHeader().setFixedHeight(header.height())
        place = QRect(viewport.x(), header.y(), view.columnWidth(0) + 2, viewport.height() + header.height())
        if self.geometry() != place:
            self.setGeometry(place)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._view.setFocus(Qt.FocusReason.MouseFocusReason)  # typing goes on in the grid
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self._view.show_context_menu(event.globalPos())
