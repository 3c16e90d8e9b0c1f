"""The figures the rules read: per-row and per-person tallies, built once and kept up to date.

Rules never walk the grid themselves. :class:`Facts` sorts each row's
letters by kind (:class:`RowTally`), counts each person's
(:class:`PersonTally`), and groups the rows the article rules care about
by their tags. After a cell edit only the touched rows and people are
counted again, which is what keeps a re-check after one edit far below a
full check.

The article rules read tags and sides from each row's own fields (a team
file carries them), so a custom row without tags is simply not part of
those rules.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import NamedTuple

from raci.model import Letter, Responsibility, Side, Team
from raci.rules.wording import listing_of, quoted

# The tags the article rules look at.
MANAGER_CORE_TAGS = frozenset({"vision", "roadmap", "market", "finance"})
WATCHED_TAGS = MANAGER_CORE_TAGS | {"backlog", "customer"}
# Marks for the two cores of combined-roles. A row counts towards a side's
# core only if it is not given to the other side or to both: "Decide what
# gets built" is tagged roadmap but shared, so holding it says nothing about
# holding both roles.
MANAGER_CORE = "manager-core"
OWNER_CORE = "owner-core"

# Letters are compared with `is`: a Letter's hash is computed in Python,
# so sets and dicts keyed by letters are slow over 100,000 cells.
_A, _R, _C, _I, _AR = Letter.A, Letter.R, Letter.C, Letter.I, Letter.AR


def marks_of(row: Responsibility) -> frozenset[str]:
    """The watched tags of a row (case-insensitive) plus its core marks."""
    marks = {tag.casefold() for tag in row.tags} & WATCHED_TAGS
    if marks & MANAGER_CORE_TAGS and row.side not in (Side.OWNER, Side.SHARED):
        marks.add(MANAGER_CORE)
    if "backlog" in marks and row.side not in (Side.MANAGER, Side.SHARED):
        marks.add(OWNER_CORE)
    return frozenset(marks)


class RowTally(NamedTuple):
    """One row's letters sorted by kind, person ids in column order.

    An A/R is in ``accountable``, ``responsible`` and ``active``. A named
    tuple rather than a dataclass: a full check makes a thousand of them.
    """

    filled: int = 0
    accountable: Sequence[str] = ()  # A or A/R
    responsible: Sequence[str] = ()  # R or A/R
    consulted: Sequence[str] = ()  # C
    active: Sequence[str] = ()  # R, A or A/R


_EMPTY_ROW = RowTally()


def tally_row(letters: dict[str, Letter] | None, column: dict[str, int]) -> RowTally:
    """Sort one row's ``{person id: letter}`` by kind, each kind in column order.

    ``column`` maps each person id to its column, in column order.
    """
    if not letters:
        return _EMPTY_ROW
    if 4 * len(letters) >= len(column):
        # A busy row: walking the columns gives column order for free.
        return _tally(zip(column, map(letters.get, column)), len(letters))
    ordered = sorted(letters, key=column.__getitem__)
    return _tally(zip(ordered, map(letters.__getitem__, ordered)), len(letters))


def _tally(cells: Iterable[tuple[str, Letter | None]], filled: int) -> RowTally:
    accountable: list[str] = []
    responsible: list[str] = []
    consulted: list[str] = []
    active: list[str] = []
    # Bound methods in locals: this loop runs once per filled cell of the team.
    to_accountable, to_responsible, to_consulted, to_active = (
        accountable.append, responsible.append, consulted.append, active.append)
    for person_id, letter in cells:
        if letter is _C:
            to_consulted(person_id)
        elif letter is _R:
            to_responsible(person_id)
            to_active(person_id)
        elif letter is _A:
            to_accountable(person_id)
            to_active(person_id)
        elif letter is _AR:
            to_accountable(person_id)
            to_responsible(person_id)
            to_active(person_id)
    return RowTally(filled, accountable, responsible, consulted, active)  # lists, read only: no copies


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
        cells = team._cells  # noqa: SLF001 - a read-only pass over the filled cells, the fastest there is
        self.rows = {row.id: tally_row(cells.get(row.id), self.column) for row in team.responsibilities}
        self.people = self._tally_everyone()
        self._median: float | None = None

    def _tally_everyone(self) -> dict[str, PersonTally]:
        # One C-level pass each: about four times faster than counting cell by cell.
        with_letters = set().union(*self.team._cells.values())  # noqa: SLF001
        load = Counter(chain.from_iterable(tally.active for tally in self.rows.values()))
        people = {pid: PersonTally(pid in with_letters, load[pid]) for pid in self.column}
        for row_id in self.rows_with.get(MANAGER_CORE, ()):
            for person_id in self.rows[row_id].active:
                people[person_id].manager_core.append(row_id)
        for row_id in self.rows_with.get(OWNER_CORE, ()):
            for person_id in self.rows[row_id].active:
                people[person_id].owner_core.append(row_id)
        for row_id in self.rows_with.get("finance", ()):
            for person_id in self.rows[row_id].active:
                people[person_id].finance.append(row_id)
        for row_id in self.rows_with.get("backlog", ()):
            for person_id in self.rows[row_id].accountable:
                people[person_id].backlog_accountable.append(row_id)
        return people

    def refresh(self, row_ids: Iterable[str], person_ids: Iterable[str]) -> None:
        """Count again the rows and people whose cells changed."""
        self._median = None
        cells = self.team._cells  # noqa: SLF001
        for row_id in row_ids:
            self.rows[row_id] = tally_row(cells.get(row_id), self.column)
        for person_id in person_ids:
            self.people[person_id] = self._tally_person(person_id)

    def _tally_person(self, person_id: str) -> PersonTally:
        person = PersonTally()
        cells = self.team._cells  # noqa: SLF001
        marked = self.marks
        for row in self.team.responsibilities:
            letters = cells.get(row.id)
            letter = letters.get(person_id) if letters else None
            if letter is None:
                continue
            person.has_letters = True
            if letter is _C or letter is _I:
                continue
            person.load += 1
            marks = marked.get(row.id)
            if marks:
                _note_marked_row(person, row.id, marks, accountable=letter is not _R)
        return person

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

    def title(self, row_id: str) -> str:
        """A row's title, quoted."""
        return self.quoted_title[row_id]

    def backlog_owners(self) -> list[str]:
        """People holding A on at least one backlog row, in column order."""
        return [person_id for person_id in self.column if self.people[person_id].backlog_accountable]


def _note_marked_row(person: PersonTally, row_id: str, marks: frozenset[str], *, accountable: bool) -> None:
    if MANAGER_CORE in marks:
        person.manager_core.append(row_id)
    if OWNER_CORE in marks:
        person.owner_core.append(row_id)
    if "finance" in marks:
        person.finance.append(row_id)
    if accountable and "backlog" in marks:
        person.backlog_accountable.append(row_id)
