"""The colours of letters and of severities, read from ``resources/palette.json``, and which letter gets which.

Qt-free: colours are ``#RRGGBB`` strings, which ``QColor`` and the
workbook writers take as they are (the workbook wants them without ``#``).
A set's letters get their colours in three passes: a colour the letter
names itself, then its kind's colour (owner orange, doer sky blue, ...),
then the first colour still free. A cell of several letters takes the
colour of its first letter, except owner-and-doer (RACI's ``A/R``), which
has a colour of its own, as it always had.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType

from raci.letters.kinds import Kind
from raci.letters.sets import Cell, LetterSet
from raci.resources import read_text

PALETTE_FILE = ("resources", "palette.json")


class Theme(str, Enum):
    """Which background the colours sit on."""

    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True, slots=True)
class Swatch:
    """A cell's look in one theme: its fill and the colour of its letters, ``#RRGGBB``."""

    fill: str
    text: str


@dataclass(frozen=True, slots=True)
class Colour:
    """One palette colour: the full hue (legend chips, bars), a bar pattern, and a swatch per theme."""

    key: str
    name: str
    hue: str
    pattern: str  # solid, diagonal, horizontal, dots, vertical, cross, back-diagonal, diagonal-cross
    light: Swatch
    dark: Swatch

    def swatch(self, theme: Theme = Theme.LIGHT) -> Swatch:
        return self.light if theme is Theme.LIGHT else self.dark


@dataclass(frozen=True, slots=True)
class Marking:
    """A severity's colours: the full hue (the window's markers), and a fill with text on it (the exports' rows)."""

    hue: str
    fill: str
    text: str


SEVERITIES = ("error", "warning", "info")  # the values of raci.findings.Severity


@dataclass(frozen=True, slots=True)
class Palette:
    """The colours, the seven letters can take, one per kind by default, and owner-and-doer's own."""

    colours: Mapping[str, Colour]
    letter_order: tuple[str, ...]
    by_kind: Mapping[Kind, str]
    owns_and_does: str
    severities: Mapping[str, Marking]  # by the value of a raci.findings.Severity

    def letter_colours(self, letter_set: LetterSet) -> dict[str, Colour]:
        """``{symbol: colour}`` for a set's letters, each letter a different colour while colours last."""
        chosen: dict[str, str] = {}
        for letter in letter_set.letters:  # the colours letters name themselves
            named = letter.colour
            if named is not None and named in self.colours and named not in chosen.values():
                chosen[letter.symbol] = named
        for letter in letter_set.letters:  # then each kind's colour
            default = self.by_kind[letter.kind]
            if letter.symbol not in chosen and default not in chosen.values():
                chosen[letter.symbol] = default
        spare = [key for key in self.letter_order if key not in chosen.values()]
        for letter in letter_set.letters:  # then whatever is free
            if letter.symbol not in chosen:
                chosen[letter.symbol] = spare.pop(0) if spare else self.by_kind[letter.kind]
        return {letter.symbol: self.colours[chosen[letter.symbol]] for letter in letter_set.letters}

    def cell_colours(self, letter_set: LetterSet) -> dict[Cell, Colour]:
        """``{cell: colour}`` for every cell of a set; build it once per set and look cells up in it."""
        letters = self.letter_colours(letter_set)
        colours = {}
        for cell in letter_set.all_cells():
            held = letter_set.letters_of(cell)
            kinds = {letter.kind for letter in held}
            owns_and_does = len(held) == 2 and kinds == {Kind.OWNS, Kind.DOES}
            colours[cell] = self.colours[self.owns_and_does] if owns_and_does else letters[held[0].symbol]
        return colours


@functools.cache
def load_palette() -> Palette:
    """The program's palette (read once)."""
    return palette_from_text(read_text(*PALETTE_FILE))


def palette_from_text(text: str) -> Palette:
    """A palette from the text of a palette file; raises ``ValueError`` naming what is missing."""
    document = json.loads(text)
    try:
        colours = {key: Colour(key, entry["name"], entry["hue"], entry["pattern"],
                               Swatch(**entry["light"]), Swatch(**entry["dark"]))
                   for key, entry in document["colours"].items()}
        palette = Palette(MappingProxyType(colours), tuple(document["letters"]),
                          MappingProxyType({Kind(kind): key for kind, key in document["by_kind"].items()}),
                          document["owns_and_does"],
                          MappingProxyType({name: Marking(**document["severities"][name]) for name in SEVERITIES}))
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"The palette file is incomplete ({error!r}); reinstall the program.") from None
    named = {*palette.letter_order, *palette.by_kind.values(), palette.owns_and_does}
    if named - colours.keys() or set(Kind) - palette.by_kind.keys():
        raise ValueError("The palette file names a colour it does not define, or leaves a kind without one; "
                         "reinstall the program.")
    return palette
