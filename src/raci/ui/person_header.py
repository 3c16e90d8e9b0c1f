"""The people's headers of the grid, turned on their side so a person's column needs only a letter's width.

A name set across the column would make it as wide as "Product Manager,
Product Owner"; turned upwards, the name (bold) and the titles (below it,
in the text colour's muted shade) take the header's height instead, and a
column is about 40 pixels at any zoom. Text that does not fit is elided;
the model's tooltip shows the whole name, the titles and the findings. The
marker of the worst finding about the person stands upright at the foot.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QHeaderView, QWidget

PERSON_WIDTH = 42  # a bold A/R at the letters' size, with room for the current cell's frame
_PAD = 5
_ICON = 16
_MIN_TEXT, _MAX_TEXT = 70, 132  # the turned text's length, before the zoom


class PersonHeader(QHeaderView):
    """A horizontal header whose person sections are painted turned up; section 0 stays as Qt paints it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._zoom = 1.0
        self._text_length: int | None = None  # measured once per change of the names, the font or the zoom
        self.setSectionsMovable(True)
        self.setFirstSectionMovable(False)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setDefaultSectionSize(PERSON_WIDTH)
        self.setMinimumSectionSize(16)

    @property
    def person_width(self) -> int:
        return round(PERSON_WIDTH * self._zoom)

    def set_zoom(self, zoom: float) -> None:
        """Scale the columns and the header's text; the height follows the longest name."""
        self._zoom = zoom
        self._text_length = None
        self.setDefaultSectionSize(self.person_width)
        for logical in range(1, self.count()):
            self.resizeSection(logical, self.person_width)
        self.updateGeometry()
        self.viewport().update()

    def texts(self, logical: int) -> tuple[str, str]:
        """A person's name and titles, from the model's display text ("name\\ntitles")."""
        model = self.model()
        text = model.headerData(logical, self.orientation(), Qt.ItemDataRole.DisplayRole) if model else None
        name, _, titles = str(text or "").partition("\n")
        return name, titles

    def _fonts(self) -> tuple[QFont, QFont]:
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.88))
        return bold, small

    def names_changed(self) -> None:
        """A person was added, removed or renamed, or the font changed: measure the names again."""
        self._text_length = None
        self.updateGeometry()

    def text_length(self) -> int:
        """How tall the header needs to be for the longest name or titles, within the limits."""
        if self._text_length is None:
            self._text_length = self._measure()
        return self._text_length

    def _measure(self) -> int:
        bold, small = self._fonts()
        bold_metrics, small_metrics = QFontMetrics(bold), QFontMetrics(small)
        longest = 0
        for logical in range(1, self.count()):
            name, titles = self.texts(logical)
            longest = max(longest, bold_metrics.horizontalAdvance(name), small_metrics.horizontalAdvance(titles))
        # A few pixels more than measured: an exact fit would still be elided by a rounding.
        return max(round(_MIN_TEXT * self._zoom), min(longest + 4, round(_MAX_TEXT * self._zoom)))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.text_length() + 3 * _PAD + _ICON)

    def sectionSizeFromContents(self, logical: int) -> QSize:
        if logical == 0:
            return super().sectionSizeFromContents(logical)
        return QSize(self.person_width, self.text_length() + 3 * _PAD + _ICON)

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        if not rect.isValid():
            return
        if logical == 0:
            super().paintSection(painter, rect, logical)
            return
        palette = self.palette()
        painter.save()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Button))
        current = self.selectionModel().currentIndex() if self.selectionModel() is not None else None
        if current is not None and current.isValid() and current.column() == logical:
            tint = palette.color(QPalette.ColorRole.Highlight)
            tint.setAlpha(60)
            painter.fillRect(rect, tint)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        icon = self.model().headerData(logical, self.orientation(), Qt.ItemDataRole.DecorationRole)
        if icon is not None:  # the marker of the worst finding about the person (a QIcon)
            icon.paint(painter, QRect(rect.center().x() - _ICON // 2, rect.bottom() - _PAD - _ICON, _ICON, _ICON))
        self._paint_turned(painter, rect, logical)
        painter.restore()

    def _paint_turned(self, painter: QPainter, rect: QRect, logical: int) -> None:
        """The name and titles, reading upwards from just above the marker."""
        name, titles = self.texts(logical)
        bold, small = self._fonts()
        length = rect.height() - 3 * _PAD - _ICON
        painter.translate(rect.left(), rect.bottom() - 2 * _PAD - _ICON)
        painter.rotate(-90)
        lines = [(name, bold, QPalette.ColorRole.ButtonText)]
        if titles:
            lines.append((titles, small, QPalette.ColorRole.PlaceholderText))
        heights = [QFontMetrics(font).height() for _, font, _ in lines]
        top = max(0, (rect.width() - sum(heights)) // 2)
        for (text, font, role), height in zip(lines, heights, strict=True):
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(self.palette().color(role))
            painter.drawText(QPoint(0, top + metrics.ascent()), metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                                                   length))
            top += height
