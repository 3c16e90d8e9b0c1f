"""The legend of the letters (colour and letter together), the grid's keys, and the roles from the catalog.

:class:`LegendStrip` is the compact legend in the status bar, with the
keys that set letters; :class:`HelpPanel` is the panel with the letters'
meanings, the keys in full and the four roles as the articles describe
them. The panel builds its role text the first time it is shown, so a
hidden help panel costs nothing at start-up. Both redraw their letter
chips when the window switches between light and dark.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPainter, QPalette, QPixmap, QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from raci.model import LETTER_MEANINGS, Letter
from raci.ui.palette import grid_colours, is_dark

LEGEND_ORDER = (Letter.R, Letter.A, Letter.AR, Letter.C, Letter.I)
SHORT_MEANINGS = {
    Letter.R: "Responsible",
    Letter.A: "Accountable",
    Letter.AR: "Accountable and responsible",
    Letter.C: "Consulted",
    Letter.I: "Informed",
}
KEYS_HINT = "Type R A C I \u00b7 Enter: letter menu"
KEYS_HELP = ("Type R, A, C or I to set every selected cell (A on R gives A/R; R or A on A/R leaves just that "
             "letter). Space steps through the letters, Delete clears. Enter, a double click or the context "
             "menu offers the letters. Home and End go to the first and last person of a row, Ctrl+Home and "
             "Ctrl+End to the first and last cell of the grid.")


def letter_chip(letter: Letter, height: int = 18, font: QFont | None = None, dark: bool = False) -> QPixmap:
    """A small rounded swatch in the letter's cell colour with the letter on it, as the grid shows it."""
    colours = grid_colours(dark)
    width = height * 2 if letter is Letter.AR else round(height * 1.3)
    ratio = 2  # drawn at twice the size so it stays sharp on high-density screens
    pixmap = QPixmap(width * ratio, height * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(colours.letter_text[letter].lighter(160) if not dark else colours.letter_text[letter].darker(160))
    painter.setBrush(colours.letter_fill[letter])
    painter.drawRoundedRect(QRect(0, 0, width - 1, height - 1), 3, 3)
    chip_font = QFont(font) if font is not None else QFont()
    chip_font.setBold(True)
    chip_font.setPixelSize(round(height * 0.62))
    painter.setFont(chip_font)
    painter.setPen(colours.letter_text[letter])
    painter.drawText(QRect(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, letter.value)
    painter.end()
    return pixmap


class LegendStrip(QWidget):
    """One line: the keys, then a chip and a word per letter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        keys = QLabel(KEYS_HINT, self)
        keys.setObjectName("legendWord")
        keys.setToolTip(KEYS_HELP)
        layout.addWidget(keys)
        layout.addSpacing(10)
        self._chips: dict[Letter, QLabel] = {}
        dark = is_dark(self.palette())
        for letter in LEGEND_ORDER:
            chip = QLabel(self)
            chip.setPixmap(letter_chip(letter, 16, dark=dark))
            self._chips[letter] = chip
            chip.setToolTip(LETTER_MEANINGS[letter])
            word = QLabel(SHORT_MEANINGS[letter] if letter is not Letter.AR else "Both", self)
            word.setToolTip(LETTER_MEANINGS[letter])
            word.setObjectName("legendWord")
            layout.addWidget(chip)
            layout.addWidget(word)
            layout.addSpacing(6)

    def set_dark(self, dark: bool) -> None:
        for letter, chip in self._chips.items():
            chip.setPixmap(letter_chip(letter, 16, dark=dark))


class HelpPanel(QWidget):
    """The letters and the roles, for someone new to RACI or to the two product roles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        legend = QGridLayout()
        legend.setHorizontalSpacing(8)
        legend.setVerticalSpacing(3)
        self._chips: dict[Letter, QLabel] = {}
        dark = is_dark(self.palette())
        for row, letter in enumerate(LEGEND_ORDER):
            chip = QLabel(self)
            chip.setPixmap(letter_chip(letter, 18, dark=dark))
            chip.setToolTip(LETTER_MEANINGS[letter])
            self._chips[letter] = chip
            meaning = QLabel(SHORT_MEANINGS[letter] if letter is not Letter.AR else "Both", self)
            meaning.setToolTip(LETTER_MEANINGS[letter])
            legend.addWidget(chip, row // 2, 2 * (row % 2))
            legend.addWidget(meaning, row // 2, 2 * (row % 2) + 1)
        legend.setColumnStretch(1, 1)
        legend.setColumnStretch(3, 1)
        # The keys and the roles scroll together: on a laptop the panel is short.
        self.roles = QTextBrowser(self)
        self.roles.setObjectName("rolesBrowser")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(legend)
        layout.addWidget(self.roles, 1)
        self._built = False

    def set_dark(self, dark: bool) -> None:
        for letter, chip in self._chips.items():
            chip.setPixmap(letter_chip(letter, 18, dark=dark))
        self._built = False
        if self.isVisible():
            self.build()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.build()

    def build(self) -> None:
        """Fill in the letters' meanings, the keys and the role definitions (once per scheme)."""
        if self._built:
            return
        self._built = True
        self.roles.setHtml(help_html())


def help_html() -> str:
    """What each letter means, the grid's keys, and the roles."""
    letters = "".join(f"<li><b>{html.escape(letter.value)}</b> {html.escape(LETTER_MEANINGS[letter])}</li>"
                      for letter in LEGEND_ORDER)
    return (f"<p><b>The letters</b></p><ul style='margin-left:-24px'>{letters}</ul>"
            f"{guide_html()}"
            f"<p><b>The keys</b><br>{html.escape(KEYS_HELP)}</p>"
            f"<p><b>The roles, as the articles describe them</b></p>{roles_html()}")


def guide_html() -> str:
    """The short guide to R versus A, with its examples from the catalog."""
    from raci.catalog import letter_guide  # read when help is first shown, not at start-up

    guide = letter_guide()
    points = "".join(f"<li>{html.escape(point)}</li>" for point in guide.points)
    examples = "".join(f"<li><i>{html.escape(example.title)}</i>: {html.escape(example.text)}</li>"
                       for example in guide.examples)
    return (f"<p><b>{html.escape(guide.title)}</b><br>{html.escape(guide.summary)}</p>"
            f"<ul style='margin-left:-24px'>{points}</ul>"
            f"<p>For example:</p><ul style='margin-left:-24px'>{examples}</ul>")


def roles_html() -> str:
    """Each role from the catalog: name, summary and the articles it draws on."""
    from raci.catalog import load_catalog  # read when help is first shown, not at start-up

    catalog = load_catalog()
    muted = QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText).name()
    authors = {source.id: source.author for source in catalog.sources}
    parts = []
    for role in catalog.roles:
        cited = ", ".join(authors.get(source, source) for source in role.sources)
        parts.append(f"<p><b>{html.escape(role.name)}</b><br>{html.escape(role.summary)}<br>"
                     f"<span style='color:{muted}'>From: {html.escape(cited)}</span></p>")
    return "".join(parts)
