"""The grid's letters in a team's set: the keys that type them, the menu that ticks them, what a tick does.

:class:`LetterMenu` lists a set's letters with a check box each (ticked for
the letters the cell under it holds) and Clear; :func:`letter_keys` gives
the keys that type a letter (each one-character symbol); :func:`ticked`
works out what one tick does to several selected cells. Symbols longer
than one character have no key: the menu and paste set them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QWidget

from raci.letters import Cell, LetterSet
from raci.model import CellKey, Team


@functools.lru_cache(maxsize=16)
def letter_keys(letters: LetterSet) -> Mapping[str, Cell]:
    """``{"R": "R", "A": "A", ...}``: the key (upper case) that types each one-character letter of the set."""
    return {letter.symbol.upper(): letters.cell(letter.symbol) for letter in letters.letters if len(letter.symbol) == 1}


def ticked(team: Team, keys: Sequence[CellKey], anchor: CellKey, symbol: str) -> dict[CellKey, Cell | None]:
    """The cells that change when ``symbol`` is ticked or unticked on ``keys``, and what they become.

    The ``anchor`` cell (the current one) decides which: if it holds the
    letter, the letter leaves every cell that has it; if not, it joins
    every cell that lacks it (a *not involved* letter stands alone).
    """
    letters = team.letter_set
    letter = letters.letter(symbol)
    removing = letter in letters.letters_of(team.cell(*anchor))
    cells = {key: team.cell(*key) for key in keys}
    return {key: letters.toggle(cell, symbol) for key, cell in cells.items()
            if (letter in letters.letters_of(cell)) == removing}


class LetterMenu(QMenu):
    """A set's letters, one check box each, then Clear; ``on_tick(symbol)`` and ``on_clear()`` act on the cells."""

    def __init__(self, letters: LetterSet, on_tick: Callable[[str], object], on_clear: Callable[[], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterMenu")
        self.letters = letters
        for letter in letters.letters:
            action = self.addAction(f"&{letter.symbol}   {letters.describe(letters.cell(letter.symbol))}")
            action.setCheckable(True)
            action.setData(letter.symbol)
            action.triggered.connect(lambda _=False, symbol=letter.symbol: on_tick(symbol))
        self.addSeparator()
        self.addAction("C&lear").triggered.connect(lambda: on_clear())

    def show_for(self, cell: Cell | None, position: QPoint) -> None:
        """Tick the letters ``cell`` holds and pop up at ``position`` (global)."""
        held = {letter.symbol for letter in self.letters.letters_of(cell)}
        for action in self.actions():
            if action.isCheckable():
                action.setChecked(action.data() in held)
        self.popup(position)
