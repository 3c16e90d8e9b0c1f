"""How a cell of the matrix is painted: fill, big centred letter, selection, finding marker, grid.

The style's default painting replaces a selected cell's fill with the
selection colour, which would hide the letter's colour exactly while a
person works on it; this delegate keeps the fill, tints it, and frames the
current cell instead. It also draws the grid (the table's own grid is off)
so that a category row reads as one band across all the people. A cell
holding several letters (``A/C/I``) that would not fit its column is drawn
in a smaller font, never cut.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from raci.ui.matrix_model import CategoryRole, SeverityRole
from raci.ui.palette import corner_marker, severity_colour

_SELECTION_TINT = 70  # alpha of the selection colour over a cell's fill: the fill stays visible
_SMALLEST = 0.5  # the least a crowded cell's font shrinks to, as a share of the letters' size
_MARGIN = 3  # pixels kept free on each side of a cell's letters


class LetterDelegate(QStyledItemDelegate):
    """Paints the cells of the matrix's main table."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        rect = option.rect
        data = index.model().data  # the Python model itself: no round trip through QVariant per role
        line = option.palette.color(QPalette.ColorRole.Mid)
        if data(index, CategoryRole) is not None:
            painter.fillRect(rect, data(index, Qt.ItemDataRole.BackgroundRole))
            painter.setPen(line)
            painter.drawLine(rect.bottomLeft(), rect.bottomRight())
            return
        if index.column() == 0:
            super().paint(painter, option, index)
        else:
            self._paint_letter(painter, option, index, data)
        painter.setPen(line)
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

    def _paint_letter(self, painter: QPainter, option: QStyleOptionViewItem,
                      index: QModelIndex | QPersistentModelIndex, data: Callable[..., Any]) -> None:
        rect = QRectF(option.rect)
        palette = option.palette
        painter.save()
        fill = data(index, Qt.ItemDataRole.BackgroundRole)
        painter.fillRect(rect, fill if fill is not None else palette.color(QPalette.ColorRole.Base))
        if option.state & QStyle.StateFlag.State_Selected:
            tint = QColor(palette.color(QPalette.ColorRole.Highlight))
            tint.setAlpha(_SELECTION_TINT)
            painter.fillRect(rect, tint)
        text = data(index, Qt.ItemDataRole.DisplayRole)
        if text:
            colour = data(index, Qt.ItemDataRole.ForegroundRole)
            painter.setPen(colour if colour is not None else palette.color(QPalette.ColorRole.Text))
            font = data(index, Qt.ItemDataRole.FontRole) or option.font
            painter.setFont(_fitted(font, text, rect.width() - 2 * _MARGIN) if len(text) > 1 else font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        severity = data(index, SeverityRole)
        if severity is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillPath(corner_marker(rect, severity), severity_colour(severity))
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()


def _fitted(font: QFont, text: str, width: float) -> QFont:
    """``font``, or a smaller copy of it, so that ``text`` fits ``width`` (down to half the size)."""
    needed = QFontMetricsF(font).horizontalAdvance(text)
    if needed <= width or needed <= 0:
        return font
    smaller = QFont(font)
    size = font.pointSizeF()
    if size > 0:
        smaller.setPointSizeF(max(size * _SMALLEST, size * width / needed))
    else:
        smaller.setPixelSize(max(1, round(font.pixelSize() * max(_SMALLEST, width / needed))))
    return smaller
