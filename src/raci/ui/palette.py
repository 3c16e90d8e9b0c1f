"""Colours, fonts and marker icons of the matrix, in a light and a dark scheme.

Letter colours derive from the Okabe-Ito palette, which stays distinct for
the common forms of colour blindness: in the light scheme each letter gets
a light fill of one Okabe-Ito hue and dark text of the same hue; in the
dark scheme a dark fill and light text of the same hue. Either way the
letter itself reads clearly (well above 4.5:1 contrast) and the colour is
only a second cue. Severity markers differ by shape as well as colour for
the same reason. The light colours are also what printed exports use.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap, QPolygonF

from raci.findings import Severity
from raci.model import Letter

# Light fills: R sky blue, A orange, A/R reddish purple, C bluish green, I yellow; their lightness
# and strength differ as well as their hue, so that they stay apart (CIE76 distance of 6 or more)
# for protan, deutan and tritan colour vision too (tests/ui/test_theme.py simulates each).
LETTER_COLOURS: Mapping[Letter, QColor] = MappingProxyType(
    {
        Letter.R: QColor("#dbeefc"),
        Letter.A: QColor("#f9cc98"),
        Letter.AR: QColor("#efbfdc"),
        Letter.C: QColor("#a9dfc4"),
        Letter.I: QColor("#faf6d2"),
    }
)

# Dark text of the same hue as each fill.
LETTER_TEXT_COLOURS: Mapping[Letter, QColor] = MappingProxyType(
    {
        Letter.R: QColor("#00466f"),
        Letter.A: QColor("#7a3c00"),
        Letter.AR: QColor("#6b2350"),
        Letter.C: QColor("#00533c"),
        Letter.I: QColor("#4f4800"),
    }
)

# The dark scheme: deep fills and light text of the same Okabe-Ito hues.
DARK_LETTER_COLOURS: Mapping[Letter, QColor] = MappingProxyType(
    {
        Letter.R: QColor("#133f5f"),
        Letter.A: QColor("#6b3a02"),
        Letter.AR: QColor("#55203f"),
        Letter.C: QColor("#0b4634"),
        Letter.I: QColor("#66600a"),
    }
)

DARK_LETTER_TEXT_COLOURS: Mapping[Letter, QColor] = MappingProxyType(
    {
        Letter.R: QColor("#c2e4fa"),
        Letter.A: QColor("#ffd9ab"),
        Letter.AR: QColor("#f7cbe6"),
        Letter.C: QColor("#b5eed8"),
        Letter.I: QColor("#f7f0ae"),
    }
)

SEVERITY_COLOURS: Mapping[Severity, QColor] = MappingProxyType(
    {
        Severity.ERROR: QColor("#d55e00"),  # vermillion
        Severity.WARNING: QColor("#e69f00"),  # orange
        Severity.INFO: QColor("#0072b2"),  # blue
    }
)

CATEGORY_FILL = QColor("#dfe4ea")
CATEGORY_TEXT = QColor("#1f2933")


class GridColours(NamedTuple):
    """The grid's colours in one scheme."""

    letter_fill: Mapping[Letter, QColor]
    letter_text: Mapping[Letter, QColor]
    category_fill: QColor
    category_text: QColor


LIGHT_GRID = GridColours(LETTER_COLOURS, LETTER_TEXT_COLOURS, CATEGORY_FILL, CATEGORY_TEXT)
DARK_GRID = GridColours(DARK_LETTER_COLOURS, DARK_LETTER_TEXT_COLOURS, QColor("#2c3238"), QColor("#e3e7eb"))


def is_dark(palette: QPalette) -> bool:
    """Whether a palette is a dark scheme (its window colour is dark)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def grid_colours(dark: bool) -> GridColours:
    return DARK_GRID if dark else LIGHT_GRID


def bar_colours(letter: Letter, dark: bool) -> tuple[QColor, QColor]:
    """A letter's chip (white letter on it) and bar colours in the workload panel, in one scheme."""
    if dark:
        return DARK_LETTER_COLOURS[letter], DARK_LETTER_TEXT_COLOURS[letter].darker(130)
    return LETTER_TEXT_COLOURS[letter], LETTER_COLOURS[letter].darker(125)


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
        icon = _ICONS[severity] = QIcon(_draw_severity(severity, _ICON_SIZE))
    return icon


_ICONS: dict[Severity, QIcon] = {}


def _draw_severity(severity: Severity, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(SEVERITY_COLOURS[severity])
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
