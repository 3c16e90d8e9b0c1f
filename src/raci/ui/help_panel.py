"""The legend of the letters (colour and letter together), the grid's keys, and the roles from the catalog.

:class:`LegendStrip` is the compact legend in the status bar, with the
keys that set letters; :class:`HelpPanel` is the panel with the letters'
meanings, the keys in full and the four roles as the articles describe
them. Both show the team's own letter set (RACI, RASCI, DACI or the
team's own) and follow it when it changes (:meth:`LegendStrip.set_letters`).
The panel builds its role text the first time it is shown, so a hidden
help panel costs nothing at start-up. Both redraw their letter chips when
the window switches between light and dark.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPainter, QPalette, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLayout, QTextBrowser, QVBoxLayout, QWidget

from raci.letters import DEFAULT, Cell, Kind, LetterSet
from raci.ui.palette import grid_colours, is_dark

KEYS_HINT = "Type {keys} \u00b7 Enter: letter menu"


def typed_keys(letters: LetterSet) -> list[str]:
    """The symbols a key types: the set's one-character letters, in its order."""
    return [letter.symbol.upper() for letter in letters.letters if len(letter.symbol) == 1]


def keys_hint(letters: LetterSet) -> str:
    """``"Type R A C I · Enter: letter menu"``."""
    return KEYS_HINT.format(keys=" ".join(typed_keys(letters)) or "\u2014")


def keys_help(letters: LetterSet) -> str:
    """The grid's keys in full, in the set's letters."""
    keys = typed_keys(letters)
    typed = f"{', '.join(keys[:-1])} or {keys[-1]}" if len(keys) > 1 else "".join(keys)
    owner, doer = letters.first(Kind.OWNS), letters.first(Kind.DOES)
    pair = ""
    if owner is not None and doer is not None and len(owner.symbol) == len(doer.symbol) == 1:
        both = letters.cell(owner.symbol, doer.symbol)
        pair = (f" ({owner.symbol} on {doer.symbol} gives {both}; {doer.symbol} or {owner.symbol} on {both} leaves "
                "just that letter)")
    start = f"Type {typed} to set every selected cell{pair}. " if keys else ""
    return (f"{start}Space steps through the letters, Delete clears. Enter, a double click or the context menu "
            "offers the letters, with a check box each to combine them in one cell. Home and End go to the first "
            "and last person of a row, Ctrl+Home and Ctrl+End to the first and last cell of the grid.")


def short_word(letters: LetterSet, cell: Cell) -> str:
    """A legend's word for a cell: the letter's name, or "Both" for the owner-and-doer cell."""
    held = letters.letters_of(cell)
    return held[0].name if len(held) == 1 else "Both"


def letter_chip(letters: LetterSet, cell: Cell, height: int = 18, font: QFont | None = None,
                dark: bool = False) -> QPixmap:
    """A small rounded swatch in the cell's colour with its letters on it, as the grid shows it."""
    colours = grid_colours(letters, dark)
    width = round(height * (0.7 + 0.6 * len(cell))) if len(cell) > 1 else round(height * 1.3)
    ratio = 2  # drawn at twice the size so it stays sharp on high-density screens
    pixmap = QPixmap(width * ratio, height * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    text = colours.letter_text[cell]
    painter.setPen(text.lighter(160) if not dark else text.darker(160))
    painter.setBrush(colours.letter_fill[cell])
    painter.drawRoundedRect(QRect(0, 0, width - 1, height - 1), 3, 3)
    chip_font = QFont(font) if font is not None else QFont()
    chip_font.setBold(True)
    chip_font.setPixelSize(round(height * 0.62))
    painter.setFont(chip_font)
    painter.setPen(text)
    painter.drawText(QRect(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, cell)
    painter.end()
    return pixmap


def chip_and_word(parent: QWidget, letters: LetterSet, cell: Cell, height: int, dark: bool) -> tuple[QLabel, QLabel]:
    """A legend entry: the cell's chip and its word, each with the cell's meaning as tooltip."""
    chip = QLabel(parent)
    chip.setPixmap(letter_chip(letters, cell, height, dark=dark))
    word = QLabel(short_word(letters, cell), parent)
    for label in (chip, word):
        label.setToolTip(letters.describe(cell))
    return chip, word


def _clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


class LegendStrip(QWidget):
    """One line: the keys, then a chip and a word per letter of the team's set.

    Where the status bar cannot give it the room for every word (seven
    letters on a small screen), the words step aside and the chips, with
    their letters on them and their names as tooltips, stay.
    """

    def __init__(self, parent: QWidget | None = None, letters: LetterSet = DEFAULT) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.keys = QLabel(self)
        self.keys.setObjectName("legendWord")
        layout.addWidget(self.keys)
        layout.addSpacing(10)
        self._row = QHBoxLayout()
        self._row.setSpacing(4)
        layout.addLayout(self._row)
        self.letters = letters
        self._chips: dict[Cell, QLabel] = {}
        self._words: list[QLabel] = []
        self._full = QSize()
        self.set_letters(letters)

    def set_letters(self, letters: LetterSet) -> None:
        """Show another set's letters and keys."""
        self.letters = letters
        self.keys.setText(keys_hint(letters))
        self.keys.setToolTip(keys_help(letters))
        _clear(self._row)
        self._chips, self._words = {}, []
        dark = is_dark(self.palette())
        for cell in letters.legend_cells():
            chip, word = chip_and_word(self, letters, cell, 16, dark)
            self._chips[cell] = chip
            word.setObjectName("legendWord")
            self._words.append(word)
            self._row.addWidget(chip)
            self._row.addWidget(word)
            self._row.addSpacing(6)
        self._full = super().sizeHint()  # with every word
        self.updateGeometry()
        self._fit()

    def sizeHint(self) -> QSize:
        return self._full if self._full.isValid() else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        words = sum(word.sizeHint().width() for word in self._words)
        return QSize(max(0, self._full.width() - words), self._full.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        roomy = self.width() >= self._full.width()
        for word in self._words:
            word.setVisible(roomy)

    def words(self) -> list[str]:
        """The words beside the chips, in the legend's order."""
        return [word.text() for word in self._words]

    @property
    def shows_words(self) -> bool:
        return bool(self._words) and not self._words[0].isHidden()

    def set_dark(self, dark: bool) -> None:
        for cell, chip in self._chips.items():
            chip.setPixmap(letter_chip(self.letters, cell, 16, dark=dark))


class HelpPanel(QWidget):
    """The letters and the roles, for someone new to RACI or to the two product roles."""

    def __init__(self, parent: QWidget | None = None, letters: LetterSet = DEFAULT) -> None:
        super().__init__(parent)
        self.legend = QGridLayout()
        self.legend.setHorizontalSpacing(8)
        self.legend.setVerticalSpacing(3)
        self.legend.setColumnStretch(1, 1)
        self.legend.setColumnStretch(3, 1)
        # The keys and the roles scroll together: on a laptop the panel is short.
        self.roles = QTextBrowser(self)
        self.roles.setObjectName("rolesBrowser")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(self.legend)
        layout.addWidget(self.roles, 1)
        self._built = False
        self.letters = letters
        self._chips: dict[Cell, QLabel] = {}
        self.set_letters(letters)

    def set_letters(self, letters: LetterSet) -> None:
        """Explain another set's letters."""
        self.letters = letters
        _clear(self.legend)
        self._chips = {}
        dark = is_dark(self.palette())
        for row, cell in enumerate(letters.legend_cells()):
            chip, meaning = chip_and_word(self, letters, cell, 18, dark)
            self._chips[cell] = chip
            self.legend.addWidget(chip, row // 2, 2 * (row % 2))
            self.legend.addWidget(meaning, row // 2, 2 * (row % 2) + 1)
        self._built = False
        if self.isVisible():
            self.build()

    def set_dark(self, dark: bool) -> None:
        for cell, chip in self._chips.items():
            chip.setPixmap(letter_chip(self.letters, cell, 18, dark=dark))
        self._built = False
        if self.isVisible():
            self.build()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.build()

    def build(self) -> None:
        """Fill in the letters' meanings, the keys and the role definitions (once per scheme and set)."""
        if self._built:
            return
        self._built = True
        self.roles.setHtml(help_html(self.letters))


def help_html(letters: LetterSet = DEFAULT) -> str:
    """What each letter of the set means, the grid's keys, and the roles."""
    items = "".join(f"<li><b>{html.escape(cell)}</b> {html.escape(letters.describe(cell))}</li>"
                    for cell in letters.legend_cells())
    about = f"<br>{html.escape(letters.description)}" if letters.description else ""
    return (f"<p><b>The letters: {html.escape(letters.name)}</b>{about}</p><ul style='margin-left:-24px'>{items}</ul>"
            f"{guide_html()}"
            f"<p><b>The keys</b><br>{html.escape(keys_help(letters))}</p>"
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
