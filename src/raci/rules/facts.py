"""The figures the rules read: per-row and per-person tallies, built once and kept up to date.

Rules never walk the grid themselves. :class:`Facts` counts each row's
letters by kind (:class:`RowTally`), counts each person's
(:class:`PersonTally`), and groups the rows the article rules care about
by their tags. After a cell edit only the touched rows and people are
counted again, which is what keeps a re-check after one edit far below a
full check.

A row is kept as one byte per person, in column order: the letter, ``x``
for A/R, ``.`` for none. Counting a row is ``bytes.count``; each person's
column is sliced out of the rows' bytes joined; the people a message names are picked
out with ``bytes.translate`` and ``itertools.compress``, and only as many
as it names. All of it runs in C, which is what keeps a full check of a
team with every cell filled (a hundred thousand letters) within budget.

The article rules read tags and sides from each row's own fields (a team
file carries them), so a custom row without tags is simply not part of
those rules.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress, islice, repeat
from typing import NamedTuple

from raci.model import Letter, Responsibility, Side, Team
from raci.rules.wording import LIST_LIMIT, listing_of, quoted

# The tags the article rules look at.
MANAGER_CORE_TAGS = frozenset({"vision", "roadmap", "market", "finance"})
WATCHED_TAGS = MANAGER_CORE_TAGS | {"backlog", "customer"}
# Marks for the two cores of combined-roles. A row counts towards a side's
# core only if it is not given to the other side or to both: "Decide what
# gets built" is tagged roadmap but shared, so holding it says nothing about
# holding both roles.
MANAGER_CORE = "manager-core"
OWNER_CORE = "owner-core"

def marks_of(row: Responsibility) -> frozenset[str]:
    """The watched tags of a row (case-insensitive) plus its core marks."""
    marks = {tag.casefold() for tag in row.tags} & WATCHED_TAGS
    if marks & MANAGER_CORE_TAGS and row.side not in (Side.OWNER, Side.SHARED):
        marks.add(MANAGER_CORE)
    if "backlog" in marks and row.side not in (Side.MANAGER, Side.SHARED):
        marks.add(OWNER_CORE)
    return frozenset(marks)


_NONE, _BOTH = ord("."), ord("x")


def _kind(codes: bytes) -> bytes:
    """A ``bytes.translate`` table: 1 for the given codes, 0 for every other byte."""
    table = bytearray(256)
    for code in codes:
        table[code] = 1
    return bytes(table)


# The kinds of holder, as translate tables over a row's bytes.
ACCOUNTABLE = _kind(b"Ax")  # A or A/R
RESPONSIBLE = _kind(b"Rx")  # R or A/R
CONSULTED = _kind(b"C")
ACTIVE = _kind(b"ARx")  # R, A or A/R
# PersonTally's lists after its counts, each with its rows' mark and the letters it keeps.
_PERSON_LISTS = ((MANAGER_CORE, ACTIVE), (OWNER_CORE, ACTIVE), ("finance", ACTIVE), ("backlog", ACCOUNTABLE))


class RowTally(NamedTuple):
    """How many people hold each kind of letter on one row, and the row's bytes.

    An A/R counts in ``accountable``, ``responsible`` and ``active``. A named
    tuple rather than a dataclass: a full check makes a thousand of them.
    """

    filled: int
    accountable: int
    responsible: int
    consulted: int
    active: int
    codes: bytes  # one byte per person, in column order


def tally_row(letters: dict[str, Letter] | None, people: tuple[str, ...], column: dict[str, int]) -> RowTally:
    """Count one row's ``{person id: letter}``; ``people`` are the person ids in column order."""
    if not letters:
        return RowTally(0, 0, 0, 0, 0, bytes([_NONE]) * len(people))
    if len(letters) == len(people) and tuple(letters) == people:
        # A full row whose letters are in column order, as a loaded file's are.
        text = "".join(letters.values())
    elif 2 * len(letters) >= len(people):
        # A busy row: look every person up, in C.
        text = "".join(map(letters.get, people, repeat(".")))
    else:
        # A sparse row: place its few letters.
        placed = ["."] * len(people)
        for person_id, letter in letters.items():
            placed[column[person_id]] = letter
        text = "".join(placed)
    codes = text.replace(Letter.AR.value, "x").encode("ascii")
    accountable, responsible, both = codes.count(b"A"), codes.count(b"R"), codes.count(_BOTH)
    return RowTally(len(letters), accountable + both, responsible + both, codes.count(b"C"),
                    accountable + responsible + both, codes)


@dataclass(slots=True)
class PersonTally:
    """One person's letters, counted, and the rows the article rules ask about.

    ``load`` is the number of rows where the person holds R, A or A/R: an
    A/R is one piece of work, so it counts once. The lists hold row ids in
    row order.
    """

    has_letters: bool = False
    load: int = 0
    manager_core: list[str] = field(default_factory=list)  # R, A or A/R on the manager's core
    owner_core: list[str] = field(default_factory=list)  # R, A or A/R on the owner's core
    finance: list[str] = field(default_factory=list)  # R, A or A/R on finance rows
    backlog_accountable: list[str] = field(default_factory=list)  # A or A/R on backlog rows


class Facts:
    """Everything the rules read about one team, kept current by :meth:`refresh`."""

    def __init__(self, team: Team) -> None:
        self.team = team
        self.column = {person.id: position for position, person in enumerate(team.people)}
        self.person_name = {person.id: person.name for person in team.people}
        self.quoted_title = {row.id: quoted(row.title) for row in team.responsibilities}
        self.marks: dict[str, frozenset[str]] = {}
        self.rows_with: dict[str, list[str]] = {}
        for row in team.responsibilities:
            marks = marks_of(row)
            if marks:
                self.marks[row.id] = marks
                for mark in marks:
                    self.rows_with.setdefault(mark, []).append(row.id)
        self.person_ids = tuple(self.column)
        cells = team._cells  # noqa: SLF001 - a read-only pass over the filled cells, the fastest there is
        self.rows = {row.id: tally_row(cells.get(row.id), self.person_ids, self.column)
                     for row in team.responsibilities}
        self.people = self._tally_everyone()
        self._median: float | None = None

    def _tally_everyone(self) -> dict[str, PersonTally]:
        """Every person's tally, each column sliced out of the rows' bytes joined."""
        width = len(self.person_ids)
        grid = b"".join(tally.codes for tally in self.rows.values())
        marked = [b"".join(self.rows[row_id].codes for row_id in self.rows_with.get(mark, []))
                  for mark, _ in _PERSON_LISTS]
        return {person_id: self._person_tally(grid[index::width], [rows[index::width] for rows in marked])
                for index, person_id in enumerate(self.person_ids)}

    def refresh(self, row_ids: Iterable[str], person_ids: Iterable[str]) -> None:
        """Count again the rows and people whose cells changed (rows first: a person is read from them)."""
        self._median = None
        cells = self.team._cells  # noqa: SLF001
        for row_id in row_ids:
            self.rows[row_id] = tally_row(cells.get(row_id), self.person_ids, self.column)
        for person_id in person_ids:
            index = self.column[person_id]
            column = bytes(tally.codes[index] for tally in self.rows.values())
            marked = [bytes(self.rows[row_id].codes[index] for row_id in self.rows_with.get(mark, []))
                      for mark, _ in _PERSON_LISTS]
            self.people[person_id] = self._person_tally(column, marked)

    def _person_tally(self, column: bytes, marked: list[bytes]) -> PersonTally:
        """A person's tally from their byte on every row, and on the rows of each mark in _PERSON_LISTS."""
        lists = [list(compress(self.rows_with.get(mark, []), codes.translate(kind)))
                 for (mark, kind), codes in zip(_PERSON_LISTS, marked)]
        load = column.count(b"A") + column.count(b"R") + column.count(_BOTH)
        return PersonTally(column.count(_NONE) != len(column), load, *lists)

    # ------------------------------------------------------------ reading
    def shared_state(self) -> tuple[float]:
        """The team-wide figures person rules may read; when they change, every person is re-checked."""
        return (self.median_load(),)

    def median_load(self) -> float:
        """The team's median load (see :class:`PersonTally`), 0 for a team of nobody."""
        if self._median is None:
            loads = [person.load for person in self.people.values()]
            self._median = float(statistics.median(loads)) if loads else 0.0
        return self._median

    def name(self, person_id: str) -> str:
        return self.person_name[person_id]

    def titles(self, row_ids: Sequence[str]) -> str:
        """The rows' titles, quoted and listed: ``“Set the vision” and “Own the roadmap”``."""
        return listing_of(row_ids, self.quoted_title.__getitem__)

    def names(self, person_ids: Sequence[str]) -> str:
        """The people's names, listed: ``Ana Lima, Ben Okafor and Chloé Martin``."""
        return listing_of(person_ids, self.person_name.__getitem__)

    def holder_names(self, row_id: str, kind: bytes, count: int) -> str:
        """The names of the ``count`` people holding ``kind`` on a row, listed as :meth:`names` lists them.

        Only the people the listing names are picked out of the row.
        """
        named = list(islice(compress(self.person_ids, self.rows[row_id].codes.translate(kind)), LIST_LIMIT + 1))
        return listing_of(named, self.person_name.__getitem__, total=count)

    def title(self, row_id: str) -> str:
        """A row's title, quoted."""
        return self.quoted_title[row_id]

    def letter_counts(self, person_ids: Iterable[str]) -> dict[str, tuple[int, int, int, int]]:
        """How many R, A, C and I each person holds (an A/R is one R and one A), read from the rows' bytes."""
        width = len(self.person_ids)
        grid = b"".join(tally.codes for tally in self.rows.values())
        counts = {}
        for person_id in person_ids:
            column = grid[self.column[person_id]::width]
            both = column.count(_BOTH)
            counts[person_id] = (column.count(b"R") + both, column.count(b"A") + both, column.count(b"C"),
                                 column.count(b"I"))
        return counts

    def backlog_owners(self) -> list[str]:
        """People holding A on at least one backlog row, in column order."""
        return [person_id for person_id in self.column if self.people[person_id].backlog_accountable]

