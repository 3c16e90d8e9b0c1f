"""Counting letters: each row's holders and each person's cells, by kind and by cell.

The one home of these counts: the rules read them (through
:class:`raci.rules.facts.Facts`, which keeps them current after an edit),
the window's workload panel shows them, the exports' people sheet writes
them.

A row is kept as one byte per person, in column order: the bit mask of the
kinds the person's cell holds (:mod:`raci.letters.kinds`; 0 for none), so
an A/R is the owner's bit and the doer's. A kind of holder is a
``bytes.translate`` table over those bytes (1 for every mask holding the
kind), so counting a row is ``translate`` and ``count``, and so is counting
a person's column of bytes. All of it runs in C, which is what keeps a full
check of a team with every cell filled (a hundred thousand cells) within
budget.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping
from typing import NamedTuple

from raci.letters import INVOLVED, Cell, Kind, LetterSet, kind_table, mask
from raci.model import Team

KindCounts = tuple[int, ...]  # one count per Kind, in Kind order


def _where(keep: Callable[[int], object]) -> bytes:
    """A ``bytes.translate`` table: 1 for every kinds mask ``keep`` accepts, 0 for the others."""
    return bytes(1 if keep(code) else 0 for code in range(256))


# The kinds of holder, as translate tables over a row's bytes (any cell holding the kind).
ACCOUNTABLE = kind_table(Kind.OWNS)  # owns the outcome: A or A/R
RESPONSIBLE = kind_table(Kind.DOES)  # does the work: R or A/R
CONSULTED = kind_table(Kind.ASKED)  # is asked: C
INFORMED = kind_table(Kind.TOLD)  # is told: I
ACTIVE = kind_table(Kind.OWNS, Kind.DOES)  # owns or does: R, A or A/R
HANDS_ON = kind_table(Kind.OWNS, Kind.DOES, Kind.HELPS)  # owns, does or helps with the work
WATCHING = kind_table(Kind.ASKED, Kind.TOLD)  # is asked or told
_TOLD, _INVOLVED = mask(Kind.TOLD), mask(*INVOLVED)
ONLY_INFORMED = _where(lambda code: code == _TOLD)  # told and nothing else: I
TOLD_BESIDE = _where(lambda code: code & _TOLD and code & _INVOLVED & ~_TOLD)  # told and more: C/I, R/I
EACH_KIND = tuple(kind_table(kind) for kind in Kind)  # one table per Kind, in Kind order
class RowTally(NamedTuple):
    """How many people hold each kind on one row, and the row's bytes.

    A cell counts once in every kind it holds: an A/R in ``accountable``,
    ``responsible`` and (once) ``active``; a C/I in ``consulted`` and
    ``informed``. ``informed_only`` counts the cells that hold nothing but
    the told kind, ``told_beside`` those that hold it beside another
    (C/I). A named tuple rather than a dataclass: a full check makes a
    thousand of them.
    """

    filled: int
    accountable: int
    responsible: int
    consulted: int
    informed: int
    active: int
    codes: bytes  # one byte per person, in column order
    informed_only: int = 0
    told_beside: int = 0


def tally_row(letters: Mapping[str, Cell] | None, people: tuple[str, ...], column: dict[str, int],
              letter_set: LetterSet) -> RowTally:
    """Count one row's ``{person id: cell}``; ``people`` are the person ids in column order."""
    codes = letter_set.row_codes(letters, people, column)
    if not letters:
        return RowTally(0, 0, 0, 0, 0, 0, codes)
    translate = codes.translate
    informed = translate(INFORMED).count(1)
    told = (translate(ONLY_INFORMED).count(1), translate(TOLD_BESIDE).count(1)) if informed else (0, 0)
    return RowTally(len(letters), translate(ACCOUNTABLE).count(1), translate(RESPONSIBLE).count(1),
                    translate(CONSULTED).count(1), informed, translate(ACTIVE).count(1), codes, *told)


def kind_counts_of(column: bytes) -> KindCounts:
    """How many of a person's cells (their byte on every row) hold each kind, in :class:`Kind` order.

    A cell counts once for every kind it holds: an A/R is one owner's and one doer's.
    """
    translate = column.translate
    return tuple(translate(table).count(1) for table in EACH_KIND)


def kind_counts(team: Team, person_ids: Collection[str]) -> dict[str, KindCounts]:
    """Each person's cells counted by kind, read from the team (the checks keep the same counts current)."""
    kinds_of, rows = team.letter_set.kinds, [team.row_letters(row.id) for row in team.responsibilities]
    return {person_id: kind_counts_of(bytes(kinds_of(row.get(person_id)) for row in rows))
            for person_id in person_ids}


def cell_counts(team: Team) -> dict[str, Counter[Cell]]:
    """Per person id, how many of each cell they hold (an A/R is counted as A/R, not as an A and an R)."""
    counts: dict[str, Counter[Cell]] = {person.id: Counter() for person in team.people}
    for _, person_id, cell in team.iter_cells():
        counts[person_id][cell] += 1
    return counts
