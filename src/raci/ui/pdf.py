"""PDF: a printable A4 landscape copy of the matrix and its findings, drawn with Qt.

The page carries a title, the profile line and a colour legend, then the
matrix: responsibilities down the left, people across, letters in their
colours (and bold, so they read in black and white too), a check column
that turns red where a row does not have exactly one A. Rows run onto as
many pages as they need, with the header repeated; a team wider than a
page is split into blocks of people. The findings follow as a list.

Called from the command line there is no application object yet; one is
made (on the offscreen platform when there is no display), because Qt
needs it for fonts.

The grid is most of the work, so it is drawn in bulk: fonts are made once,
each row's letter boxes are filled with one call per colour, each letter is
laid out once as a :class:`QStaticText` and stamped where it goes (instead
of a text layout per cell), and the column lines run once per page from the
header down instead of once per row.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLineF, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QStaticText,
)

from raci import APP_NAME
from raci.findings import Finding, Report
from raci.formats import common
from raci.formats.output import Target, write_bytes
from raci.letters import Cell, Kind
from raci.model import Person, Responsibility, Team

RESOLUTION = 300  # dots per inch of the PDF's drawing surface
MARGIN_MM = 10.0
FIRST_COLUMN_MM = 78.0
CHECK_COLUMN_MM = 11.0
MIN_PERSON_MM, MAX_PERSON_MM = 7.0, 24.0
ROTATE_BELOW_MM = 16.0  # narrower columns than this get their names turned on their side
ROW_MM, CATEGORY_MM = 5.6, 6.0
GRID = QColor("#b4b4b4")
_application: QGuiApplication | None = None  # kept alive for the whole process


def write(team: Team, target: Target, report: Report | None = None) -> None:
    """Write the PDF to a path (atomically) or a binary stream."""
    _ensure_application()
    if report is None:
        report = common.default_report(team)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(f"RACI matrix: {team.name}")
    writer.setCreator(common.CREATOR)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    painter = QPainter(writer)
    try:
        _Document(painter, writer, team, report).draw()
    finally:
        painter.end()
    buffer.close()
    write_bytes(target, bytes(data.data()))


def _ensure_application() -> None:
    global _application
    if QGuiApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _application = QGuiApplication([APP_NAME])


@functools.cache
def _font(points: float, *, bold: bool = False, italic: bool = False) -> QFont:
    """A font, made once per size and style (painter.setFont copies it)."""
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    return font


class _LetterLook:
    """A cell's colours and its letters laid out once, with half their size for centring."""

    def __init__(self, letter: Cell, colours: tuple[str, str], device: QPdfWriter) -> None:
        background, colour = colours
        self.background, self.colour = QColor(f"#{background}"), QColor(f"#{colour}")
        self.text = QStaticText(letter)
        self.text.prepare(font=_font(8, bold=True))
        metrics = QFontMetricsF(_font(8, bold=True), device)
        self.half_width = metrics.horizontalAdvance(letter) / 2
        self.half_height = metrics.height() / 2


@dataclass(frozen=True)
class _Column:
    person: Person
    x: float
    width: float


class _Document:
    """Draws the pages; all lengths are in device pixels at :data:`RESOLUTION`."""

    def __init__(self, painter: QPainter, writer: QPdfWriter, team: Team, report: Report) -> None:
        self.painter, self.writer, self.team, self.report = painter, writer, team, report
        # The painter's origin is already the top-left corner inside the margins.
        paintable = writer.pageLayout().paintRectPixels(RESOLUTION)
        self.area = QRectF(0, 0, paintable.width(), paintable.height())
        self.page = 1
        self.y = 0.0
        self.label = ""
        self._segment: tuple[list[_Column], float] | None = None  # the columns whose lines run down from a top
        self._heights: dict[str, float] = {}
        self._metrics = QFontMetricsF(_font(8), writer)
        colours = common.letter_colours(team.letter_set)
        self._legend_cells = team.letter_set.legend_cells()
        self._letters = {cell: _LetterLook(cell, colours[cell], writer) for cell in common.legend_cells(team)}
        kinds = team.letter_set.kind_of
        self._owns = {cell for cell in team.letter_set.all_cells() if kinds[cell] & Kind.OWNS.bit}

    def mm(self, millimetres: float) -> float:
        return millimetres * RESOLUTION / 25.4

    def draw(self) -> None:
        self.y = self._title_block(first=True)
        blocks = self._people_blocks()
        for number, block in enumerate(blocks, start=1):
            self._matrix(block, f" (people block {number} of {len(blocks)})" if len(blocks) > 1 else "")
        self._findings()
        self._footer()

    # ----------------------------------------------------------- page furniture
    def _new_page(self) -> None:
        self._close_segment()
        self._footer()
        self.writer.newPage()
        self.page += 1
        self.y = self._title_block(first=False)

    def _footer(self) -> None:
        self.painter.setFont(_font(7))
        self.painter.setPen(QColor("#606060"))
        rect = QRectF(self.area.left(), self.area.bottom() - self.mm(4), self.area.width(), self.mm(4))
        self.painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                              f"{self.team.name}  ·  page {self.page}")

    def _title_block(self, *, first: bool) -> float:
        painter, left, y = self.painter, self.area.left(), self.area.top()
        painter.setPen(Qt.GlobalColor.black)
        painter.setFont(_font(15 if first else 10, bold=True))
        y = self._text(self.team.name, QRectF(left, y, self.area.width(), self.mm(9 if first else 6)))
        if not first:
            return y + self.mm(2)
        painter.setFont(_font(8))
        painter.setPen(QColor("#404040"))
        y = self._text(common.profile_line(self.team), QRectF(left, y, self.area.width(), self.mm(12)))
        return self._legend(y + self.mm(1.5)) + self.mm(3)

    def _legend(self, y: float) -> float:
        painter, x = self.painter, self.area.left()
        painter.setFont(_font(8))
        metrics = QFontMetricsF(painter.font(), self.writer)
        box = self.mm(6)
        letters = self.team.letter_set
        for cell in self._legend_cells:
            width = box * (1.3 if len(cell) < 3 else 0.45 * len(cell))
            self._letter_box(cell, QRectF(x, y, width, box * 0.8))
            x += width + self.mm(1.5)
            painter.setPen(QColor("#303030"))
            painter.setFont(_font(8))  # the box left its bold letters' font; the words are measured in this one
            words = letters.describe(cell).split(":")[0]
            painter.drawText(QRectF(x, y, self.area.width(), box * 0.8), Qt.AlignmentFlag.AlignVCenter, words)
            x += metrics.horizontalAdvance(words) + self.mm(5)
        painter.setFont(_font(8, italic=True))
        owner = letters.first(Kind.OWNS)
        owners = (" or ".join(cell for cell in self._legend_cells if cell in self._owns)
                  or (owner.symbol if owner else ""))
        painter.drawText(QRectF(x, y, self.area.right() - x, box * 0.8), Qt.AlignmentFlag.AlignVCenter,
                         f"Each row needs exactly one {owners}.")
        return y + box * 0.8

    def _text(self, text: str, rect: QRectF, flags: int = 0) -> float:
        """Draw wrapped text from the top of ``rect``; returns the y below it."""
        flags |= int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        used = self.painter.boundingRect(rect, flags, text)
        self.painter.drawText(rect, flags, text)
        return rect.top() + used.height()

    def _letter_box(self, letter: Cell, rect: QRectF) -> None:
        self._letter_boxes(letter, [rect])

    def _letter_boxes(self, letter: Cell, rects: list[QRectF]) -> None:
        """Boxes of one letter: one fill for all of them, then the letter stamped in each."""
        look, painter = self._letters[letter], self.painter
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(look.background)
        painter.drawRects(rects)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(look.colour)
        painter.setFont(_font(8, bold=True))
        draw, text, half_width, half_height = painter.drawStaticText, look.text, look.half_width, look.half_height
        for rect in rects:
            draw(QPointF(rect.center().x() - half_width, rect.center().y() - half_height), text)

    # ------------------------------------------------------------------ matrix
    def _people_blocks(self) -> list[Sequence[Person]]:
        people = self.team.people
        room = self.area.width() - self.mm(FIRST_COLUMN_MM + CHECK_COLUMN_MM)
        per_page = max(1, int(room // self.mm(MIN_PERSON_MM)))
        return [people[start:start + per_page] for start in range(0, len(people), per_page)] or [[]]

    def _columns(self, block: Sequence[Person]) -> list[_Column]:
        room = self.area.width() - self.mm(FIRST_COLUMN_MM + CHECK_COLUMN_MM)
        width = min(self.mm(MAX_PERSON_MM), room / max(len(block), 1))
        x = self.area.left() + self.mm(FIRST_COLUMN_MM)
        return [_Column(person, x + index * width, width) for index, person in enumerate(block)]

    def _matrix(self, block: Sequence[Person], label: str) -> None:
        columns = self._columns(block)
        if self.y > self.area.top() + self.area.height() * 0.6:
            self._new_page()
        self.label = label
        self._header(columns)
        for group in common.category_groups(self.team):
            if group.category:
                self._fit(self.mm(CATEGORY_MM), columns)
                self._category_row(group.category, columns)
            for row in group.rows:
                height = self._row_height(row)
                self._fit(height, columns)
                self._row(row, columns, height)
        self._close_segment()
        self.y += self.mm(4)

    def _fit(self, height: float, columns: list[_Column]) -> None:
        if self.y + height > self.area.bottom() - self.mm(6):
            self._new_page()
            self._header(columns, continued=True)

    def _close_segment(self) -> None:
        """Draw the column lines of the grid drawn since the header, from its top to the current row."""
        if self._segment is None:
            return
        columns, top = self._segment
        self._segment = None
        self.painter.setPen(QPen(GRID, self.mm(0.15)))
        self.painter.drawLines([QLineF(x, top, x, self.y) for x in self._column_lines(columns)])

    def _column_lines(self, columns: list[_Column]) -> list[float]:
        right = self._right(columns)
        return [self.area.left(), *(c.x for c in columns), right - self.mm(CHECK_COLUMN_MM), right]

    def _rule(self, columns: list[_Column], y: float) -> None:
        """A grid line across the matrix at ``y``."""
        self.painter.setPen(QPen(GRID, self.mm(0.15)))
        self.painter.drawLine(QPointF(self.area.left(), y), QPointF(self._right(columns), y))

    def _header(self, columns: list[_Column], continued: bool = False) -> None:
        rotated = bool(columns) and columns[0].width < self.mm(ROTATE_BELOW_MM)
        height = self.mm(32 if rotated else 14)
        top, painter = self.y, self.painter
        painter.fillRect(QRectF(self.area.left(), top, self._right(columns) - self.area.left(), height),
                         QColor(f"#{common.HEADER_FILL}"))
        painter.setPen(Qt.GlobalColor.black)
        painter.setFont(_font(8, bold=True))
        label = "Responsibility" + self.label + (" (continued)" if continued else "")
        painter.drawText(QRectF(self.area.left() + self.mm(1), top, self.mm(FIRST_COLUMN_MM), height - self.mm(1)),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, label)
        for column in columns:
            self._person_header(column, top, height, rotated)
        check = QRectF(self._right(columns) - self.mm(CHECK_COLUMN_MM), top, self.mm(CHECK_COLUMN_MM), height)
        painter.setFont(_font(7, bold=True))
        painter.setPen(Qt.GlobalColor.black)
        painter.drawText(check.adjusted(0, 0, 0, -self.mm(1)), Qt.AlignmentFlag.AlignHCenter
                         | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap, "A's")
        self._rule(columns, top)
        self._rule(columns, top + height)
        self._segment = (columns, top)
        self.y = top + height

    def _person_header(self, column: _Column, top: float, height: float, rotated: bool) -> None:
        painter = self.painter
        name, titles = column.person.name, common.titles_text(column.person)
        painter.setPen(Qt.GlobalColor.black)
        if not rotated:
            painter.setFont(_font(7.5, bold=True))
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
            painter.drawText(QRectF(column.x, top, column.width, height * 0.62), flags, name)
            painter.setFont(_font(6.5, italic=True))
            painter.setPen(QColor("#505050"))
            painter.drawText(QRectF(column.x, top + height * 0.64, column.width, height * 0.36),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             titles)
            return
        painter.save()
        painter.translate(column.x + column.width / 2, top + height - self.mm(1))
        painter.rotate(-90)
        length = height - self.mm(2)
        for text, font, rect, align in (
            (name, _font(7, bold=True), QRectF(0, -column.width / 2, length, column.width / 2),
             Qt.AlignmentFlag.AlignBottom),
            (titles, _font(6, italic=True), QRectF(0, 0, length, column.width / 2), Qt.AlignmentFlag.AlignTop),
        ):
            painter.setFont(font)
            elided = QFontMetricsF(font, self.writer).elidedText(text, Qt.TextElideMode.ElideRight, length)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | align, elided)
            painter.setPen(QColor("#505050"))
        painter.restore()

    def _right(self, columns: list[_Column]) -> float:
        end = columns[-1].x + columns[-1].width if columns else self.area.left() + self.mm(FIRST_COLUMN_MM)
        return end + self.mm(CHECK_COLUMN_MM)

    def _row_height(self, row: Responsibility) -> float:
        """The row's height, measured once per row (the matrix is drawn once per block of people)."""
        height = self._heights.get(row.id)
        if height is None:
            width = self.mm(FIRST_COLUMN_MM - 2)
            used = self._metrics.boundingRect(QRectF(0, 0, width, self.mm(100)), int(Qt.TextFlag.TextWordWrap),
                                              row.title)
            height = self._heights[row.id] = max(self.mm(ROW_MM), used.height() + self.mm(1.6))
        return height

    def _category_row(self, category: str, columns: list[_Column]) -> None:
        height = self.mm(CATEGORY_MM)
        rect = QRectF(self.area.left(), self.y, self._right(columns) - self.area.left(), height)
        self.painter.fillRect(rect, QColor(f"#{common.CATEGORY_FILL}"))
        self.painter.setPen(Qt.GlobalColor.black)
        self.painter.setFont(_font(8.5, bold=True))
        self.painter.drawText(rect.adjusted(self.mm(1), 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, category)
        self._rule(columns, self.y + height)
        self.y += height

    def _row(self, row: Responsibility, columns: list[_Column], height: float) -> None:
        painter, top = self.painter, self.y
        painter.setPen(Qt.GlobalColor.black)
        painter.setFont(_font(8))
        painter.drawText(QRectF(self.area.left() + self.mm(1), top, self.mm(FIRST_COLUMN_MM - 2), height),
                         Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, row.title)
        letters = self.team.row_letters(row.id)
        boxes: dict[Cell, list[QRectF]] = {}
        for column in columns:
            letter = letters.get(column.person.id)
            if letter is not None:
                boxes.setdefault(letter, []).append(QRectF(column.x + 1, top + 1, column.width - 2, height - 2))
        for letter, rects in boxes.items():
            self._letter_boxes(letter, rects)
        accountable = sum(letter in self._owns for letter in letters.values())
        check = QRectF(self._right(columns) - self.mm(CHECK_COLUMN_MM), top, self.mm(CHECK_COLUMN_MM), height)
        if accountable != 1:
            background, text = common.CHECK_BAD_COLOURS
            painter.fillRect(check, QColor(f"#{background}"))
            painter.setPen(QColor(f"#{text}"))
        else:
            painter.setPen(Qt.GlobalColor.black)
        painter.setFont(_font(8, bold=accountable != 1))
        painter.drawText(check, Qt.AlignmentFlag.AlignCenter, str(accountable))
        self._rule(columns, top + height)
        self.y = top + height

    # ---------------------------------------------------------------- findings
    def _findings(self) -> None:
        if self.y > self.area.bottom() - self.mm(30):
            self._new_page()
        self.painter.setPen(Qt.GlobalColor.black)
        self.painter.setFont(_font(12, bold=True))
        width = self.area.width()
        self.y = self._text(f"Findings ({self.report.summary()})", QRectF(self.area.left(), self.y, width,
                                                                           self.mm(10))) + self.mm(2)
        if not self.report.findings:
            self.painter.setFont(_font(9))
            self._text("No findings: every check passes for this team.",
                       QRectF(self.area.left(), self.y, width, self.mm(10)))
        for finding in self.report.findings:
            self._finding(finding)

    def _finding(self, finding: Finding) -> None:
        text = "\n".join([finding.message, *(f"{label}: {note}" for label, note in common.finding_notes(finding))])
        tag_width = self.mm(18)
        body = QRectF(self.area.left() + tag_width + self.mm(2), self.y, self.area.width() - tag_width - self.mm(2),
                      self.mm(60))
        metrics = QFontMetricsF(_font(8.5), self.writer)
        height = metrics.boundingRect(body, int(Qt.TextFlag.TextWordWrap), text).height()
        if self.y + height > self.area.bottom() - self.mm(6):
            self._new_page()
            body.moveTop(self.y)
        background, colour = common.severity_colours()[finding.severity]
        tag = QRectF(self.area.left(), self.y, tag_width, self.mm(4.5))
        self.painter.fillRect(tag, QColor(f"#{background}"))
        self.painter.setPen(QColor(f"#{colour}"))
        self.painter.setFont(_font(7.5, bold=True))
        self.painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, finding.severity.label)
        self.painter.setPen(Qt.GlobalColor.black)
        self.painter.setFont(_font(8.5))
        self.y = self._text(text, body) + self.mm(2.5)
