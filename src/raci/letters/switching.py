"""Switching a team from one letter set to another, by kind, with a plan shown first.

Each old letter goes to the new set's letter of the same kind: the one with
the same symbol if there is one (RACI's C stays C in RACI-VS, though the
Signatory is *asked* too), else the one with the same name, else the
first. A letter whose kind the new set lacks (RASCI's Support in RACI) has
no counterpart and leaves its cells; a cell left with no letter becomes
blank. :func:`plan_switch` says all of this before anything changes, so
the window and ``raci letters`` can show it and apply it as one step.

Editing a team's own set is a switch too, from the set as it was to the
set as edited; there the editor knows which old letter each new one was
made from (a letter renamed from R to D), and says so with ``pairs``
(old symbol -> new symbol, or ``None`` for a letter taken out), which wins
over the counterpart by kind.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from raci.letters.sets import Cell, LetterDef, LetterSet
from raci.letters.text import fold
from raci.phrases import plural


def counterpart(letter: LetterDef, to_set: LetterSet) -> LetterDef | None:
    """The letter of ``to_set`` that ``letter`` becomes, or ``None`` if its kind has none there."""
    same_kind = [other for other in to_set.letters if other.kind is letter.kind]
    for same in (lambda other: fold(other.symbol) == fold(letter.symbol),
                 lambda other: fold(other.name) == fold(letter.name)):
        match = next(filter(same, same_kind), None)
        if match is not None:
            return match
    return same_kind[0] if same_kind else None


Pairs = Mapping[str, "str | None"]  # old symbol -> new symbol (None: the letter is taken out)


def _target(letter: LetterDef, to_set: LetterSet, pairs: Pairs | None) -> LetterDef | None:
    if pairs is not None and letter.symbol in pairs:
        symbol = pairs[letter.symbol]
        return None if symbol is None else to_set.letter(symbol)
    return counterpart(letter, to_set)


def map_cell(cell: Cell | None, from_set: LetterSet, to_set: LetterSet, pairs: Pairs | None = None) -> Cell | None:
    """The cell in ``to_set`` that holds the counterparts of ``cell``'s letters; ``None`` if none has one."""
    symbols = [match.symbol for letter in from_set.letters_of(cell)
               if (match := _target(letter, to_set, pairs)) is not None]
    return to_set.cell(*symbols) if symbols else None


@dataclass(frozen=True, slots=True)
class LetterMove:
    """What one old letter becomes, and in how many cells it is."""

    old: LetterDef
    new: LetterDef | None
    cells: int

    @property
    def changes(self) -> bool:
        """Whether the letter's cells read differently after the switch (another symbol, or none)."""
        return self.new is None or self.new.symbol != self.old.symbol


@dataclass(frozen=True, slots=True)
class SwitchPlan:
    """Everything a switch would change, worked out before it is made.

    ``cells`` maps every distinct cell in use to what it becomes (``None``:
    blank), which is all an apply step needs: ``plan.cells[old]`` per cell.
    """

    from_set: LetterSet
    to_set: LetterSet
    cells: Mapping[Cell, Cell | None]
    moves: tuple[LetterMove, ...]  # the old letters in use, in the old set's order
    changed: int  # cells whose text changes
    emptied: int  # cells left blank

    @property
    def lost(self) -> tuple[LetterMove, ...]:
        """The letters in use that have no counterpart in the new set."""
        return tuple(move for move in self.moves if move.new is None)

    def sentences(self) -> list[str]:
        """The plan in words, one sentence per letter that changes, then the total."""
        lines = []
        for move in self.moves:
            old = f"{move.old.symbol} ({move.old.name})"
            count = _cells(move.cells)
            if move.new is None:
                lines.append(f"{old} has no counterpart in {self.to_set.name}: it leaves {count}.")
            elif move.changes or move.new.name != move.old.name:
                lines.append(f"{old} becomes {move.new.symbol} ({move.new.name}) in {count}.")
        if not self.changed:
            renamed = any(move.new is not None and move.new.name != move.old.name for move in self.moves)
            same = "keeps its symbol" if renamed else "means the same"
            lines.append(f"No cell changes: every letter in use {same} in {self.to_set.name}.")
        else:
            verb = "changes" if self.changed == 1 else "change"
            blank = f"; {self.emptied:,} of them {'becomes' if self.emptied == 1 else 'become'} blank" \
                if self.emptied else ""
            lines.append(f"In all, {_cells(self.changed)} {verb}{blank}.")
        return lines


def plan_switch(cells: Iterable[Cell], from_set: LetterSet, to_set: LetterSet,
                pairs: Pairs | None = None) -> SwitchPlan:
    """What switching the given cells (a team's filled cells, any order) from one set to another does.

    ``pairs`` names the new letter of some old ones (see the module's
    docstring); the others go to their counterpart by kind.
    """
    counts = Counter(cells)
    mapping = {cell: map_cell(cell, from_set, to_set, pairs) for cell in counts}
    per_letter: Counter[str] = Counter()
    for cell, count in counts.items():
        for letter in from_set.letters_of(cell):
            per_letter[letter.symbol] += count
    moves = tuple(LetterMove(letter, _target(letter, to_set, pairs), per_letter[letter.symbol])
                  for letter in from_set.letters if per_letter[letter.symbol])
    changed = sum(count for cell, count in counts.items() if mapping[cell] != cell)
    emptied = sum(count for cell, count in counts.items() if mapping[cell] is None)
    return SwitchPlan(from_set, to_set, MappingProxyType(mapping), moves, changed, emptied)


def _cells(count: int) -> str:
    return plural(count, "cell")
