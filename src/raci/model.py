"""The team: people, responsibilities and the letters between them.

Qt-free. The window and the command line both edit a :class:`Team` through
its methods only; every method that changes the team announces the change
to its subscribers as a :class:`TeamEvent`, which is how the window's table
model learns what to repaint.

Cells live in one dict per responsibility (``{person id: Letter}``), so a
cell edit is a dict assignment and a whole-team pass is a loop over the
filled cells only.
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


class Letter(str, Enum):
    """What a person does for a responsibility."""

    R = "R"
    A = "A"
    C = "C"
    I = "I"  # noqa: E741 - the RACI letter itself
    AR = "A/R"

    # Enum's own __hash__ runs in Python; the str one is C and agrees with
    # str equality, which this mixin already uses. Sets and dicts of letters
    # are on the rules' hot path.
    __hash__ = str.__hash__

    @property
    def accountable(self) -> bool:
        return self in (Letter.A, Letter.AR)

    @property
    def responsible(self) -> bool:
        return self in (Letter.R, Letter.AR)

    @property
    def meaning(self) -> str:
        return LETTER_MEANINGS[self]

    def combined_with(self, typed: Letter) -> Letter:
        """The letter a cell holds after ``typed`` is entered over this one.

        A over R (or R over A) gives A/R; a letter that A/R already holds
        leaves just that letter (R over A/R gives R, A over A/R gives A), so
        typing undoes a combination as easily as it makes one; any other
        letter replaces.
        """
        if {self, typed} == {Letter.A, Letter.R}:
            return Letter.AR
        return typed


LETTER_MEANINGS: Mapping[Letter, str] = MappingProxyType(
    {
        Letter.R: "Responsible: does the work",
        Letter.A: "Accountable: owns the outcome and signs it off",
        Letter.C: "Consulted: asked before, two-way",
        Letter.I: "Informed: told after, one-way",
        Letter.AR: "Accountable and Responsible: owns it and does it",
    }
)

# Space in the grid walks this cycle; A/R is reached by typing A on R.
LETTER_CYCLE: tuple[Letter | None, ...] = (None, Letter.R, Letter.A, Letter.C, Letter.I)

_COMBINED = re.compile(r"^\s*([AR])\s*[/,&+ ]?\s*([AR])\s*$")


def parse_letter(text: str | None) -> Letter | None:
    """Read a cell as a person would write it; ``None`` for blank.

    Accepts any case and surrounding spaces, and the usual spellings of the
    combined letter: ``A/R``, ``R/A``, ``AR``, ``RA``, ``A,R``, ``R, A``.
    Raises :class:`TeamEditError` for anything else.
    """
    if text is None:
        return None
    cleaned = text.strip().upper()
    if not cleaned:
        return None
    if cleaned in ("R", "A", "C", "I"):
        return Letter(cleaned)
    match = _COMBINED.match(cleaned)
    if match and {match.group(1), match.group(2)} == {"A", "R"}:
        return Letter.AR
    raise TeamEditError(f"'{text.strip()}' is not a RACI letter; use R, A, C, I or A/R.")


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
    cells: Mapping[str, Letter]  # other id -> letter

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


@dataclass
class Team:
    """A RACI matrix: responsibilities (rows) by people (columns)."""

    name: str = "Untitled team"
    description: str = ""
    profile: Profile = field(default_factory=Profile)
    rule_settings: dict[str, RuleSetting] = field(default_factory=dict)
    acknowledgments: list[Acknowledgment] = field(default_factory=list)
    _people: list[Person] = field(default_factory=list, repr=False)
    _rows: list[Responsibility] = field(default_factory=list, repr=False)
    _cells: dict[str, dict[str, Letter]] = field(default_factory=dict, repr=False)
    _person_pos: dict[str, int] = field(default_factory=dict, repr=False)
    _row_pos: dict[str, int] = field(default_factory=dict, repr=False)
    _listeners: list[Listener] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def from_parts(
        cls,
        *,
        people: Iterable[Person] = (),
        responsibilities: Iterable[Responsibility] = (),
        cells: Mapping[str, Mapping[str, Letter]] | None = None,
        **fields: Any,
    ) -> Team:
        """Build a whole team at once (a loader's path: no events, one index pass).

        ``cells`` maps responsibility id to ``{person id: Letter}``; the values
        must already be :class:`Letter` members.

        Raises :class:`TeamEditError` on a duplicate id and the unknown-id
        errors on a cell naming someone or something the team lacks.
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
                team._cells[responsibility_id] = dict(row)
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

    def cell(self, responsibility_id: str, person_id: str) -> Letter | None:
        row = self._cells.get(responsibility_id)
        return row.get(person_id) if row else None

    def letter_at(self, row: int, column: int) -> Letter | None:
        """The letter at a grid position; the fast path for views."""
        cells = self._cells.get(self._rows[row].id)
        return cells.get(self._people[column].id) if cells else None

    def row_letters(self, responsibility_id: str) -> Mapping[str, Letter]:
        """``{person id: letter}`` for one row, read-only."""
        return MappingProxyType(self._cells.get(responsibility_id, {}))

    def iter_cells(self) -> Iterator[tuple[str, str, Letter]]:
        """Every filled cell as (responsibility id, person id, letter), in row order."""
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

    def insert_person(self, person: Person, index: int, cells: Mapping[str, Letter] | None = None) -> None:
        """Put a person at ``index``, optionally with their letters (``{responsibility id: letter}``)."""
        if person.id in self._person_pos:
            raise TeamEditError(f"A person with id '{person.id}' is already on the team.")
        _check_position(index, len(self._people), inclusive=True)
        for responsibility_id in cells or {}:
            self.responsibility_index(responsibility_id)
        self._emit(TeamEvent(Change.PEOPLE, Phase.BEFORE, "insert", index, ids=(person.id,)))
        self._people.insert(index, person)
        self._reindex_people()
        for responsibility_id, letter in (cells or {}).items():
            self._cells.setdefault(responsibility_id, {})[person.id] = Letter(letter)
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
        self, row: Responsibility, index: int, cells: Mapping[str, Letter] | None = None
    ) -> None:
        """Put a responsibility at ``index``, optionally with its letters (``{person id: letter}``)."""
        if row.id in self._row_pos:
            raise TeamEditError(f"A responsibility with id '{row.id}' is already in the matrix.")
        _check_position(index, len(self._rows), inclusive=True)
        for person_id in cells or {}:
            self.person_index(person_id)
        self._emit(TeamEvent(Change.RESPONSIBILITIES, Phase.BEFORE, "insert", index, ids=(row.id,)))
        self._rows.insert(index, row)
        self._reindex_rows()
        if cells:
            self._cells[row.id] = {person_id: Letter(letter) for person_id, letter in cells.items()}
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
    def set_cell(self, responsibility_id: str, person_id: str, letter: Letter | None) -> Letter | None:
        """Set one cell (``None`` clears it); returns what it held."""
        previous = self.set_cells({(responsibility_id, person_id): letter})
        return previous.get((responsibility_id, person_id), letter)

    def set_cells(self, changes: Mapping[CellKey, Letter | None]) -> dict[CellKey, Letter | None]:
        """Set many cells at once, announced as one event.

        Returns the previous value of each cell that actually changed, which
        is exactly what an undo needs to pass back in.
        """
        for responsibility_id, person_id in changes:
            self.responsibility_index(responsibility_id)
            self.person_index(person_id)
        previous: dict[CellKey, Letter | None] = {}
        for key, letter in changes.items():
            responsibility_id, person_id = key
            row = self._cells.get(responsibility_id)
            old = row.get(person_id) if row else None
            new = letter if letter is None or type(letter) is Letter else Letter(letter)
            if old is new:
                continue
            previous[key] = old
            if new is None:
                del row[person_id]  # type: ignore[index]  # old is not None, so row exists
            else:
                self._cells.setdefault(responsibility_id, {})[person_id] = new
        if previous:
            self._emit(TeamEvent(Change.CELLS, cells=tuple(previous)))
        return previous

    def clear_cells(self, keys: Iterable[CellKey]) -> dict[CellKey, Letter | None]:
        return self.set_cells(dict.fromkeys(keys))

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
