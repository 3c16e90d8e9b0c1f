"""Letter sets: the letters a team uses, the cells they make, and how sheets write them.

Qt-free; imports nothing heavier than the standard library.

Design
======

*A set.* :class:`LetterSet` is a frozen list of :class:`LetterDef` (symbol,
name, one-line meaning, :class:`Kind`, optional colour and other words).
Built in: RACI (the default), RASCI, DACI, CAIRO, RACI-VS
(:mod:`raci.letters.builtin`); a team may define its own, checked when
built (:mod:`raci.letters.validate`: one owner letter, at least one doer,
one to seven letters, unambiguous symbols and words).

*A cell* is a plain ``str``: the letters it holds in canonical order (by
kind: owns, does, helps, asked, told, not involved; ties in the set's
order) joined by ``/``. RACI's combined letter stays ``A/R``, so a RACI
team's file and exports read exactly as before. Each set makes all its
cells (at most 127) once and interns them, so a parsed cell is the same
object every time and costs nothing to store, compare or hash.

*Kinds as bytes.* ``letter_set.kinds(cell)`` is a bit mask, one bit per
kind (:mod:`raci.letters.kinds`), which fits a byte. A row of the grid
becomes ``bytes`` with one byte per person (``letter_set.codes(cells)``,
or ``kind_of.__getitem__`` mapped over the row in the rules' own loops),
and the rules count with ``codes.translate(kind_table(Kind.OWNS)).count(1)``,
all in C. Measured on a dense 1000 x 100 grid (``benchmarks/bench_letters.py``):
row bytes alone take about 3 ms, and a tally by kind (owners, doers,
asked, active per row) about as long as the tally by single letter
(R, A, C, I, A/R) it replaces, which could not hold ``R/C`` at all.

How the rest of the app uses it
-------------------------------
* The team holds ``letter_set`` and cells as :data:`Cell` strings; the team
  file (version 2) stores the set with :func:`to_data` (a built-in id, or a
  team's own set in full) and reads it back with :func:`from_data`; a
  version-1 file is RACI.
* The rules build each row's bytes with the team's set and speak in kinds;
  their messages name letters with ``letter_set.word(kind)`` ("no A",
  "no Approver").
* The grid types with :meth:`LetterSet.combine` (A on R gives A/R),
  cycles with :meth:`LetterSet.cycle`, ticks letters with
  :meth:`LetterSet.toggle`, and parses typed or pasted text with
  :func:`parse_cell`; colours come from :func:`load_palette`.
* The import reads cells with :func:`read_cell` (blank, not involved, or
  letters; an unreadable value names the built-in set it belongs to) and
  picks the sheet's set with :func:`choose_set` from its cells and legend.
* Switching sets: :func:`plan_switch` says what would change, its
  ``cells`` mapping applies it (one undo step).
"""

import importlib
from typing import TYPE_CHECKING, Any

from raci.letters.builtin import BUILT_IN, CAIRO, DACI, DEFAULT, RACI, RACI_VS, RASCI, builtin, is_builtin
from raci.letters.kinds import INVOLVED, Kind, kind_table, kinds_in, mask
from raci.letters.palette import Colour, Palette, Swatch, Theme, load_palette
from raci.letters.reading import BLANK, NOT_INVOLVED, Reading, UnreadableCell, parse_cell, read_cell, reads
from raci.letters.serial import from_data, from_note, note_cells, to_data
from raci.letters.sets import Cell, LetterDef, LetterSet
from raci.letters.switching import LetterMove, SwitchPlan, counterpart, map_cell, plan_switch
from raci.letters.validate import LetterSetError

if TYPE_CHECKING:
    from raci.letters.choosing import SetChoice, choose_set, legend_pairs

# Choosing a sheet's letters (its regular expressions and tables) is the import's: it loads with the
# first import, not with the window.
_ON_FIRST_USE = dict.fromkeys(("SetChoice", "choose_set", "legend_pairs"), "raci.letters.choosing")


def __getattr__(name: str) -> Any:
    module = _ON_FIRST_USE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value

__all__ = [
    "BLANK", "BUILT_IN", "CAIRO", "DACI", "DEFAULT", "INVOLVED", "NOT_INVOLVED", "RACI", "RACI_VS", "RASCI",
    "Cell", "Colour", "Kind", "LetterDef", "LetterMove", "LetterSet", "LetterSetError", "Palette", "Reading",
    "SetChoice", "Swatch", "SwitchPlan", "Theme", "UnreadableCell",
    "builtin", "choose_set", "counterpart", "from_data", "from_note", "is_builtin", "kind_table", "kinds_in",
    "legend_pairs", "load_palette", "map_cell", "mask", "note_cells", "parse_cell", "plan_switch", "read_cell", "reads",
    "to_data",
]
