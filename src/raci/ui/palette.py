"""Colours, fonts and marker icons of the matrix, in a light and a dark scheme.

Letter and severity colours come from ``resources/palette.json`` through
:func:`raci.letters.load_palette`, the one place the grid, the legend, the
workload bars, the markers and the exports take them from. They derive from the
Okabe-Ito palette, which stays distinct for the common forms of colour
blindness: in the light scheme each letter gets a light fill of one
Okabe-Ito hue and dark text of the same hue; in the dark scheme a dark
fill and light text of the same hue. Either way the letter itself reads
clearly (well above 4.5:1 contrast) and the colour is only a second cue;
workload bars add a pattern per letter. Severity markers differ by shape as
well as colour for the same reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen, QPixmap, QPolygonF

from raci.findings import Severity
from raci.letters import Cell, LetterSet, Theme, load_palette

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

_SEVERITY_COLOURS: dict[Severity, QColor] = {}


def severity_colour(severity: Severity) -> QColor:
    """A severity's hue from the palette (vermillion, orange, blue), for markers and icons (made once)."""
    colour = _SEVERITY_COLOURS.get(severity)
    if colour is None:
        colour = _SEVERITY_COLOURS[severity] = QColor(load_palette().severities[severity.value].hue)
    return colour


CATEGORY_FILL = QColor("#dfe4ea")
CATEGORY_TEXT = QColor("#1f2933")
_DARK_CATEGORY = (QColor("#2c3238"), QColor("#e3e7eb"))

# How the palette's bar patterns are drawn (the bars' second cue beside colour).
PATTERNS: Mapping[str, Qt.BrushStyle] = MappingProxyType({
    "solid": Qt.BrushStyle.SolidPattern, "diagonal": Qt.BrushStyle.BDiagPattern,
    "horizontal": Qt.BrushStyle.HorPattern, "dots": Qt.BrushStyle.Dense6Pattern,
    "vertical": Qt.BrushStyle.VerPattern, "cross": Qt.BrushStyle.CrossPattern,
    "back-diagonal": Qt.BrushStyle.FDiagPattern, "diagonal-cross": Qt.BrushStyle.DiagCrossPattern,
})


class GridColours(NamedTuple):
    """The grid's colours in one scheme, for one letter set: each cell's fill and text."""

    letter_fill: Mapping[Cell, QColor]
    letter_text: Mapping[Cell, QColor]
    category_fill: QColor
    category_text: QColor


_GRIDS: dict[tuple[LetterSet, bool], GridColours] = {}


def is_dark(palette: QPalette) -> bool:
    """Whether a palette is a dark scheme (its window colour is dark)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def grid_colours(letter_set: LetterSet, dark: bool) -> GridColours:
    """Every cell's colours for a set in one scheme (made once per set and scheme; look cells up in it)."""
    key = (letter_set, dark)
    grid = _GRIDS.get(key)
    if grid is None:
        theme = Theme.DARK if dark else Theme.LIGHT
        swatches = {cell: colour.swatch(theme) for cell, colour in load_palette().cell_colours(letter_set).items()}
        fills = MappingProxyType({cell: QColor(swatch.fill) for cell, swatch in swatches.items()})
        texts = MappingProxyType({cell: QColor(swatch.text) for cell, swatch in swatches.items()})
        category = _DARK_CATEGORY if dark else (CATEGORY_FILL, CATEGORY_TEXT)
        grid = _GRIDS[key] = GridColours(fills, texts, *category)
    return grid


def bar_colours(letter_set: LetterSet, cell: Cell, dark: bool) -> tuple[QColor, QColor, Qt.BrushStyle]:
    """A letter's chip (white letter on it) and bar colours in the workload panel in one scheme, and the bar's
    pattern."""
    colour = load_palette().cell_colours(letter_set)[cell]
    pattern = PATTERNS.get(colour.pattern, Qt.BrushStyle.SolidPattern)
    grid = grid_colours(letter_set, dark)
    if dark:
        return grid.letter_fill[cell], grid.letter_text[cell].darker(130), pattern
    return grid.letter_text[cell], grid.letter_fill[cell].darker(125), pattern


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21; text wants 4.5 or more)."""
    def luminance(colour: QColor) -> float:
        channels = [value / 255 for value in (colour.red(), colour.green(), colour.blue())]
        linear = [value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4 for value in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)

LETTER_POINT_SIZE = 12
_ICON_SIZE = 16


def letter_font(base: QFont | None = None, scale: float = 1.0) -> QFont:
    """The large bold font of the letters in the cells (``scale`` is the grid's zoom)."""
    font = QFont(base) if base is not None else QFont()
    font.setPointSizeF(LETTER_POINT_SIZE * scale)
    font.setBold(True)
    return font


def category_font(base: QFont | None = None, scale: float = 1.0) -> QFont:
    """The bold font of the category header rows."""
    font = QFont(base) if base is not None else QFont()
    if scale != 1.0 and font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    return font


def severity_icon(severity: Severity) -> QIcon:
    """A small marker for a finding: a round "!" for errors, a triangle for warnings, a round "i" for notes.

    Drawn with QPainter so the program needs no image files; cached, as the
    model hands the same icon to many rows.
    """
    icon = _ICONS.get(severity)
    if icon is None:
        # Imported here: QIcon's enums cost the grid's first paint a millisecond, and no marker shows on it.
        from PySide6.QtGui import QIcon

        icon = _ICONS[severity] = QIcon(_draw_severity(severity, _ICON_SIZE))
    return icon


_ICONS: dict[Severity, QIcon] = {}


def _draw_severity(severity: Severity, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(severity_colour(severity))
    outline = QRectF(1, 1, size - 2, size - 2)
    if severity is Severity.WARNING:
        painter.drawPolygon(
            QPolygonF([QPointF(size / 2, 1), QPointF(size - 1, size - 1), QPointF(1, size - 1)])
        )
    else:
        painter.drawEllipse(outline)
    painter.setPen(QPen(QColor("white") if severity is not Severity.WARNING else QColor("black")))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.7))
    painter.setFont(font)
    glyph = "i" if severity is Severity.INFO else "!"
    text_box = outline.adjusted(0, 2, 0, 0) if severity is Severity.WARNING else outline
    painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return pixmap


def corner_marker(rect: QRectF, severity: Severity) -> QPainterPath:
    """The triangle in a cell's top-right corner that says a finding names the cell.

    Errors get a larger triangle than warnings and notes, so the marker's
    weight does not rest on colour alone.
    """
    side = min(rect.width(), rect.height()) * (0.42 if severity is Severity.ERROR else 0.3)
    path = QPainterPath()
    path.moveTo(rect.right() - side, rect.top())
    path.lineTo(rect.right(), rect.top())
    path.lineTo(rect.right(), rect.top() + side)
    path.closeSubpath()
    return path
