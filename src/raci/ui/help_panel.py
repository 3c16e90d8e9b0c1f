"""The legend of the letters (colour and letter together) and the role definitions from the catalog.

:class:`LegendStrip` is the compact legend in the status bar;
:class:`HelpPanel` is the dock with the letters' meanings and the four
roles as the articles describe them. The panel builds its text the first
time it is shown, so a hidden help dock costs nothing at start-up.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap, QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from raci.model import LETTER_MEANINGS, Letter
from raci.ui.palette import LETTER_COLOURS, LETTER_TEXT_COLOURS

LEGEND_ORDER = (Letter.R, Letter.A, Letter.AR, Letter.C, Letter.I)
SHORT_MEANINGS = {
    Letter.R: "Responsible",
    Letter.A: "Accountable",
    Letter.AR: "Accountable and responsible",
    Letter.C: "Consulted",
    Letter.I: "Informed",
}


def letter_chip(letter: Letter, height: int = 18, font: QFont | None = None) -> QPixmap:
    """A small rounded swatch in the letter's cell colour with the letter on it, as the grid shows it."""
    width = height * 2 if letter is Letter.AR else round(height * 1.3)
    ratio = 2  # drawn at twice the size so it stays sharp on high-density screens
    pixmap = QPixmap(width * ratio, height * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(LETTER_TEXT_COLOURS[letter].lighter(160))
    painter.setBrush(LETTER_COLOURS[letter])
    painter.drawRoundedRect(QRect(0, 0, width - 1, height - 1), 3, 3)
    chip_font = QFont(font) if font is not None else QFont()
    chip_font.setBold(True)
    chip_font.setPixelSize(round(height * 0.62))
    painter.setFont(chip_font)
    painter.setPen(LETTER_TEXT_COLOURS[letter])
    painter.drawText(QRect(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, letter.value)
    painter.end()
    return pixmap


class LegendStrip(QWidget):
    """One line: a chip and a word per letter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for letter in LEGEND_ORDER:
            chip = QLabel(self)
            chip.setPixmap(letter_chip(letter, 16))
            chip.setToolTip(LETTER_MEANINGS[letter])
            word = QLabel(SHORT_MEANINGS[letter] if letter is not Letter.AR else "Both", self)
            word.setToolTip(LETTER_MEANINGS[letter])
            word.setObjectName("legendWord")
            layout.addWidget(chip)
            layout.addWidget(word)
            layout.addSpacing(6)


class HelpPanel(QWidget):
    """The letters and the roles, for someone new to RACI or to the two product roles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        legend = QGridLayout()
        legend.setHorizontalSpacing(8)
        for row, letter in enumerate(LEGEND_ORDER):
            chip = QLabel(self)
            chip.setPixmap(letter_chip(letter, 20))
            meaning = QLabel(LETTER_MEANINGS[letter], self)
            meaning.setWordWrap(True)
            legend.addWidget(chip, row, 0, Qt.AlignmentFlag.AlignTop)
            legend.addWidget(meaning, row, 1)
        legend.setColumnStretch(1, 1)
        self.roles = QTextBrowser(self)
        self.roles.setObjectName("rolesBrowser")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        title = QLabel("<b>The letters</b>", self)
        layout.addWidget(title)
        layout.addLayout(legend)
        layout.addWidget(QLabel("<b>The roles, as the articles describe them</b>", self))
        layout.addWidget(self.roles, 1)
        self._built = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.build()

    def build(self) -> None:
        """Fill in the role definitions (once)."""
        if self._built:
            return
        self._built = True
        self.roles.setHtml(roles_html())


def roles_html() -> str:
    """Each role from the catalog: name, summary and the articles it draws on."""
    from raci.catalog import load_catalog  # read when help is first shown, not at start-up

    catalog = load_catalog()
    authors = {source.id: source.author for source in catalog.sources}
    parts = []
    for role in catalog.roles:
        cited = ", ".join(authors.get(source, source) for source in role.sources)
        parts.append(f"<p><b>{html.escape(role.name)}</b><br>{html.escape(role.summary)}<br>"
                     f"<span style='color:{QColor('#5d6873').name()}'>From: {html.escape(cited)}</span></p>")
    return "".join(parts)
