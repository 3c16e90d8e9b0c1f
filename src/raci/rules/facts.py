"""The figures the rules read: per-row and per-person tallies, built once and kept up to date.

Rules read cells only through these tallies, never letter by letter: they
ask for kinds of holder (:data:`~raci.tally.ACCOUNTABLE` for whoever owns
the outcome, :data:`~raci.tally.RESPONSIBLE` does the work,
:data:`~raci.tally.CONSULTED` is asked, :data:`~raci.tally.INFORMED` is
told, and :data:`~raci.tally.ACTIVE` for either of the first two),
whatever the team's letter set calls them (RACI's A, DACI's Approver).
Beside the tallies they read what the team says of itself: its profile,
and people's names and titles (:attr:`Facts.team`).

:class:`Facts` counts each row's holders by kind
(:class:`~raci.tally.RowTally`, from :mod:`raci.tally`, where every count
of letters lives), counts each person's (:class:`PersonTally`), and groups
the rows the article rules care about by their marks. After a cell edit
only the touched rows and people are counted again, which is what keeps a
re-check after one edit far below a full check. Each person's column is
sliced out of the rows' bytes joined; the people a message names are
picked out with ``itertools.compress``, and only as many as it names.

The article rules read tags, sides and sources from each row's own fields
(a team file carries them), so a custom row without tags is simply not part
of those rules.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress, islice, repeat
from typing import NamedTuple

from raci.model import Responsibility, Side, Team
from raci.rules.wording import LIST_LIMIT, LetterWords, letter_words, listing_of, quoted
from raci.tally import (
    ACCOUNTABLE,
    ACTIVE,
    HANDS_ON,
    WATCHING,
    KindCounts,
    kind_counts_of,
    tally_row,
)

# The tags the article rules look at.
MANAGER_CORE_TAGS = frozenset({"vision", "roadmap", "market", "finance"})
TIME_COMPETING_TAGS = frozenset({"forecasting", "pricing"})  # Cowan: the manager work that eats an owner's time
WATCHED_TAGS = MANAGER_CORE_TAGS | TIME_COMPETING_TAGS | {"backlog", "customer-contact"}
# Marks for the two cores of combined-roles. A row counts towards a side's
# core only if it is not given to the other side or to both: "Decide what
# gets built" is tagged roadmap but shared, so holding it says nothing about
# holding both roles.
MANAGER_CORE = "manager-core"
OWNER_CORE = "owner-core"
TIME_COMPETING = "time-competing"
# The catalog rows of a scaled set-up: one owner serving several sprint teams, and one team's
# bounded part of the backlog (a team file may hold one such row per team).
SEVERAL_TEAMS = "several-teams"
SEVERAL_TEAMS_ENTRY = "serve-several-sprint-teams"
TEAM_AREA = "team-area"
TEAM_AREA_ENTRY = "own-team-backlog-area"


def marks_of(row: Responsibility) -> frozenset[str]:
    """The watched tags of a row (case-insensitive) plus the marks derived from them."""
    marks = {tag.casefold() for tag in row.tags} & WATCHED_TAGS
    if marks & MANAGER_CORE_TAGS and row.side not in (Side.OWNER, Side.SHARED):
        marks.add(MANAGER_CORE)
    if "backlog" in marks and row.side not in (Side.MANAGER, Side.SHARED):
        marks.add(OWNER_CORE)
    if marks & TIME_COMPETING_TAGS:
        marks.add(TIME_COMPETING)
    if SEVERAL_TEAMS_ENTRY in row.sources:
        marks.add(SEVERAL_TEAMS)
    if TEAM_AREA_ENTRY in row.sources:
        marks.add(TEAM_AREA)
    return frozenset(marks)


# PersonTally's lists after its counts, each with its rows' mark and the kind of holder it keeps.
_PERSON_LISTS = ((MANAGER_CORE, ACCOUNTABLE), (OWNER_CORE, ACCOUNTABLE), (TIME_COMPETING, ACTIVE),
                 ("backlog", ACCOUNTABLE))
# Titles whose holders stand outside the team and are expected only to be asked or told.
OUTSIDE_TITLES = ("Stakeholder", "Sponsor")


@dataclass(slots=True)
class PersonTally:
    """One person's holdings, counted, and the rows the article rules ask about.

    ``load`` is the number of rows where the person owns or does the work
    (R, A or A/R): an A/R is one piece of work, so it counts once;
    ``accountable`` the rows where they own it; ``hands_on`` the rows where
    they own, do or help with it (RASCI's S); ``watching`` the rows where
    they are asked or told. The lists hold row ids in row order.
    """

    has_letters: bool = False
    load: int = 0
    accountable: int = 0
    hands_on: int = 0
    watching: int = 0
    manager_accountable: list[str] = field(default_factory=list)  # owns rows of the manager's core
    owner_accountable: list[str] = field(default_factory=list)  # owns rows of the owner's core (the backlog)
    time_competing: list[str] = field(default_factory=list)  # owns or does forecasting or pricing rows
    backlog_accountable: list[str] = field(default_factory=list)  # owns backlog rows, whatever their side


class PeerGroup(NamedTuple):
    """People compared with each other: those sharing a first title (or having none)."""

    label: str  # "people titled Developer", "people without a title"
    size: int
    median_load: float


class Facts:
    """Everything the rules read about one team, kept current by :meth:`refresh`."""

    def __init__(self, team: Team) -> None:
        self.team = team
        self.letter_set = team.letter_set
        self.words: LetterWords = letter_words(team.letter_set)
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
        self.peer_key = {person.id: person.titles[0].casefold() if person.titles else "" for person in team.people}
        self._peer_label = {self.peer_key[person.id]: f"people titled {person.titles[0]}" if person.titles
                            else "people without a title" for person in team.people}
        cells = team._cells  # noqa: SLF001 - a read-only pass over the filled cells, the fastest there is
        self.rows = {row.id: tally_row(cells.get(row.id), self.person_ids, self.column, self.letter_set)
                     for row in team.responsibilities}
        self.filled = sum(tally.filled for tally in self.rows.values())
        self.people = self._tally_everyone()
        self._shared: tuple[int, tuple[tuple[str, PeerGroup], ...]] | None = None
        self._groups: dict[str, PeerGroup] = {}

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
        self._shared = None
        cells = self.team._cells  # noqa: SLF001
        for row_id in row_ids:
            old = self.rows[row_id]
            self.rows[row_id] = new = tally_row(cells.get(row_id), self.person_ids, self.column, self.letter_set)
            self.filled += new.filled - old.filled
        for person_id in person_ids:
            self.people[person_id] = self._person_tally(self._column_of(person_id), [
                bytes(self.rows[row_id].codes[self.column[person_id]] for row_id in self.rows_with.get(mark, []))
                for mark, _ in _PERSON_LISTS])

    def _column_of(self, person_id: str) -> bytes:
        index = self.column[person_id]
        return bytes(tally.codes[index] for tally in self.rows.values())

    def _person_tally(self, column: bytes, marked: list[bytes]) -> PersonTally:
        """A person's tally from their byte on every row, and on the rows of each mark in _PERSON_LISTS."""
        lists = [list(compress(self.rows_with.get(mark, []), codes.translate(kind)))
                 for (mark, kind), codes in zip(_PERSON_LISTS, marked, strict=True)]
        translate = column.translate
        return PersonTally(column.count(0) != len(column), translate(ACTIVE).count(1),
                           translate(ACCOUNTABLE).count(1), translate(HANDS_ON).count(1),
                           translate(WATCHING).count(1), *lists)

    # ------------------------------------------------------------ reading
    def shared_state(self) -> tuple[int, tuple[tuple[str, PeerGroup], ...]]:
        """The team-wide figures person rules may read; when they change, every person is re-checked.

        The number of rows, and each peer group's size and median load
        (see :meth:`peers`).
        """
        if self._shared is None:
            loads: dict[str, list[int]] = {}
            for person_id, tally in self.people.items():
                loads.setdefault(self.peer_key[person_id], []).append(tally.load)
            groups = tuple(sorted((key, PeerGroup(self._peer_label[key], len(found), float(statistics.median(found))))
                                  for key, found in loads.items()))
            self._shared, self._groups = (len(self.rows), groups), dict(groups)
        return self._shared

    def peers(self, person_id: str) -> PeerGroup:
        """The group a person is compared with: everyone sharing their first title (them included)."""
        self.shared_state()
        return self._groups[self.peer_key[person_id]]

    def row_count(self) -> int:
        return self.shared_state()[0]

    def cells_held(self, person_id: str, kind: bytes) -> tuple[tuple[str, str], ...]:
        """The cells (row id, person id) where a person holds ``kind``, in row order."""
        return tuple(zip(compress(self.rows, self._column_of(person_id).translate(kind)), repeat(person_id)))

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

    def kind_counts(self, person_ids: Iterable[str]) -> dict[str, KindCounts]:
        """How many cells of each kind each person holds, in :class:`~raci.letters.Kind` order.

        A cell counts once for every kind it holds: an A/R is one owner's
        and one doer's. Read from the rows' bytes.
        """
        width = len(self.person_ids)
        grid = b"".join(tally.codes for tally in self.rows.values())
        return {person_id: kind_counts_of(grid[self.column[person_id]::width]) for person_id in person_ids}

    def backlog_owners(self) -> list[str]:
        """People accountable for at least one backlog row, in column order."""
        return [person_id for person_id in self.column if self.people[person_id].backlog_accountable]

    def shared_backlog_rows(self) -> list[str]:
        """The backlog rows every team works from: all backlog rows but one team's bounded part."""
        return [row_id for row_id in self.rows_with.get("backlog", []) if TEAM_AREA not in self.marks[row_id]]

    def holders(self, row_id: str, kind: bytes) -> list[str]:
        """The people holding ``kind`` on a row, in column order."""
        return list(compress(self.person_ids, self.rows[row_id].codes.translate(kind)))

    def is_outsider(self, person_id: str) -> bool:
        """Whether a person's titles place them outside the team (a stakeholder or sponsor)."""
        person = self.team.person(person_id)
        return any(person.has_title(title) for title in OUTSIDE_TITLES)
