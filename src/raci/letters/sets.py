"""A letter set and the cells it allows: canonical spelling, kinds, typing, meanings.

A cell is the canonical string of the letters it holds (:data:`Cell`):
the letters ordered by kind (owner first, then does, helps, asked, told,
not involved; ties in the set's own order) and joined by ``/``. RACI's
combined letter is therefore ``A/R``, as the team file has always spelled
it. Every cell a set allows is made once, when the set is built, and
handed out from then on, so equal cells are the same object and a cell's
kinds are one dict lookup.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NewType

from raci.letters.kinds import KIND_ORDER, Kind, mask
from raci.letters.text import fold, shown
from raci.letters.validate import LetterSetError, check_set
from raci.phrases import joined

Cell = NewType("Cell", str)
"""One or more letters of a set in canonical order, joined by ``/``: ``"R"``, ``"A/R"``, ``"C/I"``."""

SEPARATOR = "/"
_COMBINED_MEANING = "owns it and does it"  # the owner-and-doer cell's meaning, as RACI's A/R always said


@dataclass(frozen=True, slots=True)
class LetterDef:
    """One letter of a set: what it looks like, what it is called, what it means to the checks.

    ``colour`` names a colour of ``resources/palette.json``; ``None`` lets
    the palette choose by kind. ``aliases`` are other words a sheet may use
    for the letter (translations, spellings), read like its name.
    """

    symbol: str
    name: str
    meaning: str
    kind: Kind
    colour: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, repr=False)
class LetterSet:
    """A team's letters, in the order the set lists them (its legend, menu and Space cycle order).

    ``say_names``: the checks and the legend call letters by name
    ("no Approver") rather than by symbol ("no A"), as DACI teams speak.
    Building a set checks it (see :mod:`raci.letters.validate`) and raises
    :class:`LetterSetError` with a sentence.
    """

    id: str
    name: str
    letters: tuple[LetterDef, ...]
    say_names: bool = False
    description: str = ""
    # Derived once in __post_init__; see _Tables.
    _tables: _Tables = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.letters, tuple):
            object.__setattr__(self, "letters", tuple(self.letters))
        check_set(self.id, self.name, self.letters, self.description)
        object.__setattr__(self, "_tables", _Tables(self.letters))

    def __repr__(self) -> str:
        return f"<LetterSet {self.id}: {' '.join(self.symbols)}>"

    # -------------------------------------------------------------- cells
    @property
    def symbols(self) -> tuple[str, ...]:
        """The letters' symbols in the set's order; each is also that letter's one-letter cell."""
        return tuple(letter.symbol for letter in self.letters)

    @property
    def kind_of(self) -> Mapping[Cell | None, int]:
        """``{cell: kinds mask}`` for every cell of the set, and ``None`` (blank) -> 0; for hot loops."""
        return self._tables.kind_view

    def kinds(self, cell: Cell | None) -> int:
        """The cell's kinds as a bit mask (see :mod:`raci.letters.kinds`); 0 for blank."""
        try:
            return self._tables.kind_of[cell]
        except (KeyError, TypeError):
            raise LetterSetError(f"'{shown(cell)}' is not a cell of {self.name}.") from None

    def codes(self, cells: Iterable[Cell | None]) -> bytes:
        """One byte per cell, its kinds mask: a row of the grid as the rules count it."""
        return bytes(map(self._tables.kind_of.__getitem__, cells))

    def row_codes(self, row: Mapping[str, Cell] | None, people: tuple[str, ...],
                  column: Mapping[str, int]) -> bytes:
        """One row of the grid as bytes: the kinds of ``row[person]`` for each person id in ``people``.

        ``column`` maps person id to position. Three ways, each the quickest
        for its case: a full row in column order (a loaded file's) is read
        straight off its values, a busy row looks every person up, a sparse
        one places its few cells.
        """
        kind_of = self._tables.kind_of
        if not row:
            return bytes(len(people))
        if len(row) == len(people) and tuple(row) == people:
            return bytes(map(kind_of.__getitem__, row.values()))
        if 2 * len(row) >= len(people):
            return bytes(map(kind_of.__getitem__, map(row.get, people)))
        placed = bytearray(len(people))
        for person_id, cell in row.items():
            placed[column[person_id]] = kind_of[cell]
        return bytes(placed)

    def is_cell(self, value: object) -> bool:
        """Whether ``value`` is a cell of this set, spelled canonically."""
        return isinstance(value, str) and value in self._tables.position_of

    def cell(self, *symbols: str) -> Cell:
        """The cell holding these letters (symbols in any order and case): ``RACI.cell("R", "A") == "A/R"``."""
        positions = 0
        for symbol in symbols:
            position = self._tables.symbol_at.get(fold(symbol))
            if position is None:
                raise LetterSetError(f"{self.name} has no letter '{shown(symbol)}'.")
            positions |= 1 << position
        if not positions:
            raise LetterSetError("A cell holds at least one letter.")
        return self._tables.cells[positions]  # type: ignore[return-value]  # positions != 0

    def letters_of(self, cell: Cell | None) -> tuple[LetterDef, ...]:
        """The letters a cell holds, in canonical order; none for blank."""
        return self._tables.letters_in[self._positions(cell)]

    def letter(self, symbol: str) -> LetterDef:
        """The letter with this symbol (any case)."""
        return self.letters_of(self.cell(symbol))[0]

    def first(self, kind: Kind) -> LetterDef | None:
        """The set's first letter of a kind, or ``None`` if it has none."""
        return next((letter for letter in self.letters if letter.kind is kind), None)

    def all_cells(self) -> tuple[Cell, ...]:
        """Every cell the set allows: single letters first, in the set's order, then the combinations."""
        return self._tables.all_cells

    def legend_cells(self) -> tuple[Cell, ...]:
        """The cells a legend or a pick list shows: each letter, and owner-and-doer after the later of the two.

        RACI gives ``R, A, A/R, C, I``, the legend it has always had.
        """
        cells = list(self._tables.singles)
        owner, doer = self.first(Kind.OWNS), self.first(Kind.DOES)
        if owner is not None and doer is not None:
            later = max(self.letters.index(owner), self.letters.index(doer))
            cells.insert(later + 1, self.cell(owner.symbol, doer.symbol))
        return tuple(cells)

    # -------------------------------------------------------- wording
    def word(self, kind: Kind) -> str:
        """How a check names the set's letter of a kind: ``"A"`` in RACI, ``"Approver"`` in DACI; ``""`` if none."""
        letter = self.first(kind)
        if letter is None:
            return ""
        return letter.name if self.say_names else letter.symbol

    def name_of(self, cell: Cell) -> str:
        """The cell's letters by name: ``"Accountable and Responsible"``."""
        return joined([letter.name for letter in self.letters_of(cell)])

    def describe(self, cell: Cell) -> str:
        """What a cell means, for a legend or a tooltip: ``"Responsible: does the work"``."""
        letters = self.letters_of(cell)
        if len(letters) == 1:
            return f"{letters[0].name}: {letters[0].meaning}" if letters[0].meaning else letters[0].name
        meaning = _COMBINED_MEANING if self._owns_and_does(letters) else "; ".join(
            letter.meaning for letter in letters if letter.meaning)
        return f"{self.name_of(cell)}: {meaning}" if meaning else self.name_of(cell)

    # -------------------------------------------------------- editing
    def combine(self, cell: Cell | None, typed: Cell) -> Cell:
        """What a cell holds after ``typed`` is typed over it.

        An owner typed on a lone doer, or a doer on a lone owner, gives both
        (A on R gives A/R); anything else replaces what was there (R on A/R
        gives R, C on R gives C).
        """
        typed_positions = self._positions(typed)
        held = self._positions(cell)
        pair = self._tables.letters_in[held | typed_positions]
        if held.bit_count() == 1 and typed_positions.bit_count() == 1 and self._owns_and_does(pair):
            typed_positions |= held
        return self._tables.cells[typed_positions]  # type: ignore[return-value]  # never 0: typed is a cell

    def toggle(self, cell: Cell | None, symbol: str) -> Cell | None:
        """A cell with one letter ticked or unticked, as the cell's check-box menu does it.

        A *not involved* letter excludes the others: ticking it leaves it
        alone in the cell, and ticking any other letter unticks it.
        """
        letter = self._positions(self.cell(symbol))
        held = self._positions(cell)
        if held & letter:
            held &= ~letter
        elif letter & self._tables.not_involved:
            held = letter
        else:
            held = (held & ~self._tables.not_involved) | letter
        return self._tables.cells[held]

    def cycle(self, cell: Cell | None) -> Cell | None:
        """The next cell in the Space-bar cycle: blank, each letter in the set's order, blank again.

        A cell of several letters goes on from its first letter (A/R from A).
        """
        order = (None, *self._tables.singles)
        current = self.cell(self.letters_of(cell)[0].symbol) if cell is not None else None
        return order[(order.index(current) + 1) % len(order)]

    # -------------------------------------------------------- helpers
    def _positions(self, cell: Cell | None) -> int:
        """The bit mask of the set's letters (by position) a cell holds."""
        try:
            return self._tables.position_of[cell]
        except (KeyError, TypeError):
            raise LetterSetError(f"'{shown(cell)}' is not a cell of {self.name}.") from None

    @staticmethod
    def _owns_and_does(letters: tuple[LetterDef, ...]) -> bool:
        return len(letters) == 2 and {letter.kind for letter in letters} == {Kind.OWNS, Kind.DOES}


class _Tables:
    """Everything a set derives from its letters, built once: cells by letter positions and back, kinds."""

    __slots__ = (
        "all_cells",
        "cells",
        "kind_of",
        "kind_view",
        "letters_in",
        "not_involved",
        "position_of",
        "reader",
        "singles",
        "symbol_at",
    )

    def __init__(self, letters: tuple[LetterDef, ...]) -> None:
        rank = sorted(range(len(letters)), key=lambda position: (KIND_ORDER[letters[position].kind], position))
        size = 1 << len(letters)
        self.letters_in = tuple(tuple(letters[p] for p in rank if positions >> p & 1) for positions in range(size))
        self.cells: tuple[Cell | None, ...] = tuple(
            Cell(sys.intern(SEPARATOR.join(letter.symbol for letter in held))) if held else None
            for held in self.letters_in)
        self.singles: tuple[Cell, ...] = tuple(self.cells[1 << p] for p in range(len(letters)))  # type: ignore[misc]
        self.position_of: dict[Cell | None, int] = {cell: positions for positions, cell in enumerate(self.cells)}
        self.kind_of: dict[Cell | None, int] = {
            cell: mask(*(letter.kind for letter in self.letters_in[positions]))
            for cell, positions in self.position_of.items()}
        self.kind_view = MappingProxyType(self.kind_of)
        self.symbol_at = {fold(letter.symbol): position for position, letter in enumerate(letters)}
        by_size = sorted(range(1, size), key=lambda positions: (positions.bit_count(), _order_key(positions)))
        self.all_cells: tuple[Cell, ...] = tuple(self.cells[positions] for positions in by_size)  # type: ignore[misc]
        self.not_involved = sum(1 << p for p, letter in enumerate(letters) if letter.kind is Kind.NOT_INVOLVED)
        self.reader: object = None  # raci.letters.reading's word index and memo for this set, made on first read


def _order_key(positions: int) -> tuple[int, ...]:
    return tuple(p for p in range(positions.bit_length()) if positions >> p & 1)
