"""The team: people, responsibilities, its letter set and the cells between them.

Qt-free. The window and the command line both edit a :class:`Team` through
its methods only; every method that changes the team announces the change
to its subscribers as a :class:`TeamEvent`, which is how the window's table
model learns what to repaint.

A team writes its cells in one letter set (:mod:`raci.letters`; RACI unless
it chose another). A cell is a :data:`~raci.letters.Cell`: the canonical
string of the letters it holds (``"R"``, ``"A/R"``, ``"R/C"``), the very
object the set made for it. Cells live in one dict per responsibility
(``{person id: cell}``), so a cell edit is a dict assignment and a
whole-team pass is a loop over the filled cells only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from types import MappingProxyType
from typing import Any

from raci.errors import TeamEditError, UnknownPersonError, UnknownResponsibilityError
from raci.letters import DEFAULT, Cell, LetterSet, map_cell
from raci.letters.text import shown
from raci.phrases import plural


def _storage_of(letters: LetterSet) -> Mapping[object, Cell]:
    """``{cell: cell}`` for every cell of the set: equal strings in, the set's own cell objects out."""
    return MappingProxyType({cell: cell for cell in letters.all_cells()})


class Size(str, Enum):
    """How big the product is; the articles tie role splitting to it."""

    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


class Side(str, Enum):
    """Which role the articles give a responsibility to."""

    MANAGER = "manager"
    OWNER = "owner"
    SHARED = "shared"
    OTHER = "other"


KNOWN_TITLES: tuple[str, ...] = (
    "Product Manager",
    "Product Owner",
    "Scrum Master",
    "Developer",
    "QA",
    "Designer",
    "Architect",
    "Stakeholder",
    "Sponsor",
)
_TITLE_LOOKUP = {title.casefold(): title for title in KNOWN_TITLES}


def normalise_title(text: str) -> str:
    """A known title in its canonical spelling, or the free text trimmed."""
    cleaned = " ".join(text.split())
    return _TITLE_LOOKUP.get(cleaned.casefold(), cleaned)


@dataclass(frozen=True, slots=True)
class Person:
    """A column: someone on the team."""

    id: str
    name: str
    titles: tuple[str, ...] = ()

    def has_title(self, title: str) -> bool:
        wanted = title.casefold()
        return any(own.casefold() == wanted for own in self.titles)


@dataclass(frozen=True, slots=True)
class Responsibility:
    """A row: something the team must get done."""

    id: str
    title: str
    description: str = ""
    category: str = ""
    side: Side = Side.OTHER
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # catalog entry ids this row came from


@dataclass(frozen=True, slots=True)
class Profile:
    """The product the team works on, as far as the checks care."""

    size: Size = Size.MEDIUM
    delivery_teams: int = 1
    notes: str = ""

    def summary(self) -> str:
        """``"medium product, 1 delivery team"``: the line the exports and ``raci check`` describe it with."""
        return f"{self.size.value} product, {plural(self.delivery_teams, 'delivery team')}"


@dataclass(frozen=True, slots=True)
class RuleSetting:
    """A team's choice for one check: off, or a different threshold."""

    enabled: bool = True
    threshold: float | None = None


@dataclass(frozen=True, slots=True)
class Acknowledgment:
    """A finding the team has decided is intended, and why."""

    rule: str
    responsibilities: tuple[str, ...]
    people: tuple[str, ...]
    reason: str
    date: str  # ISO date

    @property
    def key(self) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """What the acknowledgment points at; a finding with the same key is covered by it."""
        return (self.rule, tuple(sorted(self.responsibilities)), tuple(sorted(self.people)))


CellKey = tuple[str, str]  # (responsibility id, person id)


@dataclass(frozen=True, slots=True)
class Removal:
    """What a removal took away, enough to put it back exactly."""

    item: Person | Responsibility
    index: int
    cells: Mapping[str, Cell]  # other id -> cell

    @property
    def cell_count(self) -> int:
        return len(self.cells)


class Change(str, Enum):
    """What part of the team an event is about."""

    CELLS = "cells"
    PEOPLE = "people"  # columns inserted, removed or moved
    RESPONSIBILITIES = "responsibilities"  # rows inserted, removed or moved
    PERSON = "person"  # one person's name or titles
    RESPONSIBILITY = "responsibility"  # one row's fields
    PROFILE = "profile"
    SETTINGS = "settings"
    ACKNOWLEDGMENTS = "acknowledgments"
    LETTERS = "letters"  # the letter set, and with it every cell
    TEAM = "team"  # name or description


class Phase(str, Enum):
    BEFORE = "before"  # structural changes only, so views can prepare
    AFTER = "after"


@dataclass(frozen=True, slots=True)
class TeamEvent:
    """One change to a team, announced to its subscribers."""

    change: Change
    phase: Phase = Phase.AFTER
    operation: str = ""  # "insert", "remove" or "move" for structural changes
    index: int = -1
    destination: int = -1
    ids: tuple[str, ...] = ()
    cells: tuple[CellKey, ...] = ()


Listener = Callable[[TeamEvent], None]


def make_id(text: str, taken: Iterable[str] | Mapping[str, Any], fallback: str) -> str:
    """A stable, readable id made from ``text`` that is not in ``taken``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-") or fallback
    taken_set = taken if isinstance(taken, (set, frozenset, dict, Mapping)) else set(taken)
    if slug not in taken_set:
        return slug
    # Counting up from 2 made n equal titles cost n^2 probes; doubling, then
    # halving the gap between a taken number and a free one, costs log n.
    # With numbers handed out in order this still finds the lowest free one.
    taken_number, free_number = 1, 2  # 1 stands for the bare slug
    while f"{slug}-{free_number}" in taken_set:
        taken_number, free_number = free_number, free_number * 2
    while free_number - taken_number > 1:
        middle = (taken_number + free_number) // 2
        if f"{slug}-{middle}" in taken_set:
            taken_number = middle
        else:
            free_number = middle
    return f"{slug}-{free_number}"


@dataclass(frozen=True, slots=True)
class LetterSwitch:
    """What a change of letter set replaced: the set and every cell, enough to put them back exactly."""

    letter_set: LetterSet
    cells: Mapping[str, Mapping[str, Cell]]  # responsibility id -> {person id: cell}


@dataclass
class Team:
    """A responsibility matrix: responsibilities (rows) by people (columns), in one letter set."""

    name: str = "Untitled team"
    description: str = ""
    profile: Profile = field(default_factory=Profile)
    letter_set: LetterSet = DEFAULT
    rule_settings: dict[str, RuleSetting] = field(default_factory=dict)
    acknowledgments: list[Acknowledgment] = field(default_factory=list)
    _people: list[Person] = field(default_factory=list, repr=False)
    _rows: list[Responsibility] = field(default_factory=list, repr=False)
    _cells: dict[str, dict[str, Cell]] = field(default_factory=dict, repr=False)
    _person_pos: dict[str, int] = field(default_factory=dict, repr=False)
    _row_pos: dict[str, int] = field(default_factory=dict, repr=False)
    _listeners: list[Listener] = field(default_factory=list, repr=False, compare=False)
    # The cells of ``_stored_set`` by any equal string: what set_cells stores (see _storage_of), so
    # equal cells are one object and an edit that changes nothing is seen by identity.
    _stored: Mapping[object, Cell] = field(default_factory=dict, repr=False, compare=False)
    _stored_set: LetterSet | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_parts(
        cls,
        *,
        people: Iterable[Person] = (),
        responsibilities: Iterable[Responsibility] = (),
        cells: Mapping[str, Mapping[str, str]] | None = None,
        **fields: Any,
    ) -> Team:
        """Build a whole team at once (a loader's path: no events, one index pass).

        ``cells`` maps responsibility id to ``{person id: cell}``, each cell
        spelled canonically in the team's ``letter_set`` (``"A/R"``).

        Raises :class:`TeamEditError` on a duplicate id or a value that is no
        cell of the set, and the unknown-id errors on a cell naming someone
        or something the team lacks.
        """
        team = cls(**fields)
        team._people = list(people)
        team._rows = list(responsibilities)
        team._reindex_people()
        team._reindex_rows()
        _require_unique(team._people, team._person_pos, "person")
        _require_unique(team._rows, team._row_pos, "responsibility")
        known_people = team._person_pos.keys()
        for responsibility_id, row in (cells or {}).items():
            team.responsibility_index(responsibility_id)
            for person_id in row.keys() - known_people:
                team.person_index(person_id)  # raises, naming the first unknown person
            if row:
                team._cells[responsibility_id] = team._stored_row(row)
        return team

    # ----------------------------------------------------------------- events
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` on every change; returns the function that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _emit(self, event: TeamEvent) -> None:
        for listener in tuple(self._listeners):
            listener(event)

    # ---------------------------------------------------------------- queries
    @property
    def people(self) -> Sequence[Person]:
        """The people in column order (read-only: edit through the methods)."""
        return self._people

    @property
    def responsibilities(self) -> Sequence[Responsibility]:
        """The responsibilities in row order (read-only: edit through the methods)."""
        return self._rows

    def person(self, person_id: str) -> Person:
        return self._people[self.person_index(person_id)]

    def person_index(self, person_id: str) -> int:
        try:
            return self._person_pos[person_id]
        except KeyError:
            raise UnknownPersonError(f"This team has no person with id '{person_id}'.") from None

    def responsibility(self, responsibility_id: str) -> Responsibility:
        return self._rows[self.responsibility_index(responsibility_id)]

    def responsibility_index(self, responsibility_id: str) -> int:
        try:
            return self._row_pos[responsibility_id]
        except KeyError:
            raise UnknownResponsibilityError(
                f"This team has no responsibility with id '{responsibility_id}'."
            ) from None

    def has_person(self, person_id: str) -> bool:
        return person_id in self._person_pos

    def has_responsibility(self, responsibility_id: str) -> bool:
        return responsibility_id in self._row_pos

    def cell(self, responsibility_id: str, person_id: str) -> Cell | None:
        """What a person holds on a responsibility (``"A/R"``), or ``None``."""
        row = self._cells.get(responsibility_id)
        return row.get(person_id) if row else None

    def letter_at(self, row: int, column: int) -> Cell | None:
        """The cell at a grid position; the fast path for views."""
        cells = self._cells.get(self._rows[row].id)
        return cells.get(self._people[column].id) if cells else None

    def row_letters(self, responsibility_id: str) -> Mapping[str, Cell]:
        """``{person id: cell}`` for one row, read-only."""
        return MappingProxyType(self._cells.get(responsibility_id, {}))

    def iter_cells(self) -> Iterator[tuple[str, str, Cell]]:
        """Every filled cell as (responsibility id, person id, cell), in row order."""
        for row in self._rows:
            for person_id, letter in self._cells.get(row.id, {}).items():
                yield row.id, person_id, letter

    def filled_count(self) -> int:
        return sum(len(cells) for cells in self._cells.values())

    def person_cell_count(self, person_id: str) -> int:
        """How many cells a person has, i.e. what removing them would take away."""
        self.person_index(person_id)
        return sum(1 for cells in self._cells.values() if person_id in cells)

    def responsibility_cell_count(self, responsibility_id: str) -> int:
        self.responsibility_index(responsibility_id)
        return len(self._cells.get(responsibility_id, {}))

    # ----------------------------------------------------------------- people
    def add_person(
        self,
        name: str,
        titles: Iterable[str] = (),
        *,
        index: int | None = None,
        person_id: str | None = None,
    ) -> Person:
        """Add a person (at the end unless ``index`` is given) and return them."""
        name = _require_text(name, "A person's name")
        new_id = person_id or make_id(name, self._person_pos, "person")
        person = Person(new_id, name, tuple(normalise_title(t) for t in titles if t.strip()))
        self.insert_person(person, len(self._people) if index is None else index)
        return person

    def insert_person(self, person: Person, index: int, cells: Mapping[str, str] | None = None) -> None:
        """Put a person at ``index``, optionally with their cells (``{responsibility id: cell}``)."""
        if person.id in self._person_pos:
            raise TeamEditError(f"A person with id '{person.id}' is already on the team.")
        _check_position(index, len(self._people), inclusive=True)
        for responsibility_id in cells or {}:
            self.responsibility_index(responsibility_id)
        stored = self._stored_row(cells or {})
        self._emit(TeamEvent(Change.PEOPLE, Phase.BEFORE, "insert", index, ids=(person.id,)))
        self._people.insert(index, person)
        self._reindex_people()
        for responsibility_id, letter in stored.items():
            self._cells.setdefault(responsibility_id, {})[person.id] = letter
        self._emit(TeamEvent(Change.PEOPLE, Phase.AFTER, "insert", index, ids=(person.id,)))

    def update_person(
        self, person_id: str, *, name: str | None = None, titles: Iterable[str] | None = None
    ) -> Person:
        """Rename a person or set their titles; returns the person as they were."""
        index = self.person_index(person_id)
        old = self._people[index]
        new = old
        if name is not None:
            new = replace(new, name=_require_text(name, "A person's name"))
        if titles is not None:
            new = replace(new, titles=tuple(normalise_title(t) for t in titles if t.strip()))
        self._people[index] = new
        self._emit(TeamEvent(Change.PERSON, index=index, ids=(person_id,)))
        return old

    def remove_person(self, person_id: str) -> Removal:
        """Remove a person and their letters; the removal says how many cells went."""
        index = self.person_index(person_id)
        self._emit(TeamEvent(Change.PEOPLE, Phase.BEFORE, "remove", index, ids=(person_id,)))
        person = self._people.pop(index)
        self._reindex_people()
        taken = {}
        for responsibility_id, cells in self._cells.items():
            letter = cells.pop(person_id, None)
            if letter is not None:
                taken[responsibility_id] = letter
        self._emit(TeamEvent(Change.PEOPLE, Phase.AFTER, "remove", index, ids=(person_id,)))
        return Removal(person, index, MappingProxyType(taken))

    def move_person(self, person_id: str, index: int) -> int:
        """Move a person to column ``index``; returns where they were."""
        old = self.person_index(person_id)
        _check_position(index, len(self._people), inclusive=False)
        if old != index:
            self._emit(TeamEvent(Change.PEOPLE, Phase.BEFORE, "move", old, index, ids=(person_id,)))
            self._people.insert(index, self._people.pop(old))
            self._reindex_people()
            self._emit(TeamEvent(Change.PEOPLE, Phase.AFTER, "move", old, index, ids=(person_id,)))
        return old

    # ------------------------------------------------------- responsibilities
    def add_responsibility(
        self,
        title: str,
        *,
        description: str = "",
        category: str = "",
        side: Side | str = Side.OTHER,
        tags: Iterable[str] = (),
        sources: Iterable[str] = (),
        index: int | None = None,
        responsibility_id: str | None = None,
    ) -> Responsibility:
        """Add a responsibility (at the end unless ``index`` is given) and return it."""
        title = _require_text(title, "A responsibility's title")
        new_id = responsibility_id or make_id(title, self._row_pos, "responsibility")
        row = Responsibility(
            new_id, title, description.strip(), category.strip(), Side(side), tuple(tags), tuple(sources)
        )
        self.insert_responsibility(row, len(self._rows) if index is None else index)
        return row

    def insert_responsibility(
        self, row: Responsibility, index: int, cells: Mapping[str, str] | None = None
    ) -> None:
        """Put a responsibility at ``index``, optionally with its cells (``{person id: cell}``)."""
        if row.id in self._row_pos:
            raise TeamEditError(f"A responsibility with id '{row.id}' is already in the matrix.")
        _check_position(index, len(self._rows), inclusive=True)
        for person_id in cells or {}:
            self.person_index(person_id)
        stored = self._stored_row(cells or {})
        self._emit(TeamEvent(Change.RESPONSIBILITIES, Phase.BEFORE, "insert", index, ids=(row.id,)))
        self._rows.insert(index, row)
        self._reindex_rows()
        if stored:
            self._cells[row.id] = stored
        self._emit(TeamEvent(Change.RESPONSIBILITIES, Phase.AFTER, "insert", index, ids=(row.id,)))

    def update_responsibility(self, responsibility_id: str, **changes: Any) -> Responsibility:
        """Change a row's title, description, category, side, tags or sources; returns the old row."""
        index = self.responsibility_index(responsibility_id)
        old = self._rows[index]
        if "id" in changes:
            raise TeamEditError("A responsibility's id never changes; rename it instead.")
        if "title" in changes:
            changes["title"] = _require_text(changes["title"], "A responsibility's title")
        if "side" in changes:
            changes["side"] = Side(changes["side"])
        for name in ("tags", "sources"):
            if name in changes:
                changes[name] = tuple(changes[name])
        try:
            self._rows[index] = replace(old, **changes)
        except TypeError as error:
            raise TeamEditError(f"A responsibility has no such field: {error}.") from None
        self._emit(TeamEvent(Change.RESPONSIBILITY, index=index, ids=(responsibility_id,)))
        return old

    def remove_responsibility(self, responsibility_id: str) -> Removal:
        """Remove a responsibility and its letters; the removal says how many cells went."""
        index = self.responsibility_index(responsibility_id)
        self._emit(TeamEvent(Change.RESPONSIBILITIES, Phase.BEFORE, "remove", index, ids=(responsibility_id,)))
        row = self._rows.pop(index)
        self._reindex_rows()
        taken = self._cells.pop(responsibility_id, {})
        self._emit(TeamEvent(Change.RESPONSIBILITIES, Phase.AFTER, "remove", index, ids=(responsibility_id,)))
        return Removal(row, index, MappingProxyType(taken))

    def move_responsibility(self, responsibility_id: str, index: int) -> int:
        """Move a responsibility to row ``index``; returns where it was."""
        old = self.responsibility_index(responsibility_id)
        _check_position(index, len(self._rows), inclusive=False)
        if old != index:
            ids = (responsibility_id,)
            self._emit(TeamEvent(Change.RESPONSIBILITIES, Phase.BEFORE, "move", old, index, ids=ids))
            self._rows.insert(index, self._rows.pop(old))
            self._reindex_rows()
            self._emit(TeamEvent(Change.RESPONSIBILITIES, Phase.AFTER, "move", old, index, ids=ids))
        return old

    def restore(self, removal: Removal) -> None:
        """Undo a removal: the person or row goes back where it was, with its letters."""
        if isinstance(removal.item, Person):
            self.insert_person(removal.item, removal.index, removal.cells)
        else:
            self.insert_responsibility(removal.item, removal.index, removal.cells)

    # ------------------------------------------------------------------ cells
    def set_cell(self, responsibility_id: str, person_id: str, letter: str | None) -> Cell | None:
        """Set one cell (``None`` clears it); returns what it held."""
        previous = self.set_cells({(responsibility_id, person_id): letter})
        return previous.get((responsibility_id, person_id), self.cell(responsibility_id, person_id))

    def set_cells(self, changes: Mapping[CellKey, str | None]) -> dict[CellKey, Cell | None]:
        """Set many cells at once, announced as one event.

        Each value is a cell of the team's letter set, spelled canonically
        (``"A/R"``, not ``"R/A"``; :func:`raci.letters.parse_cell` reads what
        people type), or ``None`` to clear. Returns the previous value of
        each cell that actually changed, which is exactly what an undo needs
        to pass back in.
        """
        for responsibility_id, person_id in changes:
            self.responsibility_index(responsibility_id)
            self.person_index(person_id)
        stored = self._storage()
        for letter in set(changes.values()) - stored.keys() - {None}:
            raise self._not_a_cell(letter)
        previous: dict[CellKey, Cell | None] = {}
        for key, letter in changes.items():
            responsibility_id, person_id = key
            row = self._cells.get(responsibility_id)
            old = row.get(person_id) if row else None
            new = None if letter is None else stored[letter]
            if old is new:
                continue
            previous[key] = old
            if new is None:
                del row[person_id]  # type: ignore[union-attr]  # old is not None, so row exists
            else:
                self._cells.setdefault(responsibility_id, {})[person_id] = new
        if previous:
            self._emit(TeamEvent(Change.CELLS, cells=tuple(previous)))
        return previous

    def clear_cells(self, keys: Iterable[CellKey]) -> dict[CellKey, Cell | None]:
        return self.set_cells(dict.fromkeys(keys))

    def _storage(self) -> Mapping[object, Cell]:
        if self._stored_set is not self.letter_set:
            self._stored, self._stored_set = _storage_of(self.letter_set), self.letter_set
        return self._stored

    def _stored_row(self, row: Mapping[str, str]) -> dict[str, Cell]:
        """``row`` with each value checked and replaced by the object the team stores for it."""
        stored = self._storage()
        try:
            return dict(zip(row.keys(), map(stored.__getitem__, row.values()), strict=True))
        except (KeyError, TypeError):
            bad = next(value for value in row.values() if not _is_key(stored, value))
            raise self._not_a_cell(bad) from None

    def _not_a_cell(self, value: object) -> TeamEditError:
        letters = self.letter_set
        return TeamEditError(f"'{shown(value)}' is not a cell of {letters.name}; a cell holds "
                             f"{', '.join(letters.symbols)} or several of them joined by '/'.")

    # ------------------------------------------------------------ letter set
    def set_letter_set(self, letters: LetterSet,
                       mapping: Mapping[Cell, Cell | None] | None = None) -> LetterSwitch:
        """Write the team in another letter set, every cell moved to its new letters, as one event.

        ``mapping`` gives each cell in use its new cell (``None``: blank),
        as :func:`raci.letters.plan_switch` works it out and shows it; by
        default each letter goes to its counterpart by kind
        (:func:`raci.letters.map_cell`). Returns what was replaced, for
        :meth:`restore_letter_set`.
        """
        old_set, stored = self.letter_set, _storage_of(letters)
        moved: dict[object, Cell | None] = {}
        cells: dict[str, dict[str, Cell]] = {}
        for responsibility_id, row in self._cells.items():
            new_row = {}
            for person_id, cell in row.items():
                if cell not in moved:
                    target = map_cell(cell, old_set, letters) if mapping is None else mapping.get(cell, cell)
                    if target is not None and not _is_key(stored, target):
                        raise TeamEditError(f"'{shown(cell)}' would become '{shown(target)}', "
                                            f"which is not a cell of {letters.name}.")
                    moved[cell] = None if target is None else stored[target]
                kept = moved[cell]
                if kept is not None:
                    new_row[person_id] = kept
            if new_row:
                cells[responsibility_id] = new_row
        switch = LetterSwitch(old_set, self._cells)
        self.letter_set, self._cells = letters, cells
        self._emit(TeamEvent(Change.LETTERS))
        return switch

    def restore_letter_set(self, switch: LetterSwitch) -> LetterSwitch:
        """Put back the letter set and the cells a switch replaced (an undo); returns what it replaced."""
        undone = LetterSwitch(self.letter_set, self._cells)
        self.letter_set = switch.letter_set
        self._cells = {responsibility_id: dict(row) for responsibility_id, row in switch.cells.items()}
        self._emit(TeamEvent(Change.LETTERS))
        return undone

    # --------------------------------------------------------- team-wide data
    def rename(self, name: str, description: str | None = None) -> None:
        self.name = _require_text(name, "A team's name")
        if description is not None:
            self.description = description
        self._emit(TeamEvent(Change.TEAM))

    def set_profile(self, profile: Profile) -> Profile:
        """Replace the product profile; returns the old one."""
        if profile.delivery_teams < 1:
            raise TeamEditError("A product has at least one delivery team.")
        old, self.profile = self.profile, profile
        self._emit(TeamEvent(Change.PROFILE))
        return old

    def set_rule_setting(self, rule_id: str, setting: RuleSetting | None) -> RuleSetting | None:
        """Set (or with ``None`` reset) one rule's setting; returns the old one."""
        old = self.rule_settings.pop(rule_id, None)
        if setting is not None:
            self.rule_settings[rule_id] = setting
        self._emit(TeamEvent(Change.SETTINGS, ids=(rule_id,)))
        return old

    def add_acknowledgment(self, acknowledgment: Acknowledgment, index: int | None = None) -> int:
        """Record an acknowledgment; returns its position."""
        position = len(self.acknowledgments) if index is None else index
        self.acknowledgments.insert(position, acknowledgment)
        self._emit(TeamEvent(Change.ACKNOWLEDGMENTS, index=position, ids=(acknowledgment.rule,)))
        return position

    def remove_acknowledgment(self, acknowledgment: Acknowledgment) -> int:
        """Withdraw an acknowledgment; returns where it was, for an undo."""
        position = self.acknowledgments.index(acknowledgment)
        del self.acknowledgments[position]
        self._emit(TeamEvent(Change.ACKNOWLEDGMENTS, index=position, ids=(acknowledgment.rule,)))
        return position

    # ---------------------------------------------------------------- helpers
    def _reindex_people(self) -> None:
        self._person_pos = {person.id: position for position, person in enumerate(self._people)}

    def _reindex_rows(self) -> None:
        self._row_pos = {row.id: position for position, row in enumerate(self._rows)}


def _is_key(mapping: Mapping[object, Cell], value: object) -> bool:
    try:
        return value in mapping
    except TypeError:  # unhashable
        return False


def _require_text(text: str, what: str) -> str:
    cleaned = " ".join(str(text).split())
    if not cleaned:
        raise TeamEditError(f"{what} cannot be empty.")
    return cleaned


def _require_unique(items: Sequence[Person] | Sequence[Responsibility], index: Mapping[str, int], what: str) -> None:
    if len(index) != len(items):
        seen: set[str] = set()
        for item in items:
            if item.id in seen:
                raise TeamEditError(f"The id '{item.id}' is used by more than one {what}.")
            seen.add(item.id)


def _check_position(index: int, length: int, *, inclusive: bool) -> None:
    limit = length if inclusive else length - 1
    if not 0 <= index <= limit:
        raise TeamEditError(f"Position {index} is outside the matrix (0 to {limit}).")
