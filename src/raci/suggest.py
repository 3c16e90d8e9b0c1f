"""Suggest letters for the empty cells from people's titles and each row's side and tags.

Qt-free. The suggestions follow what the five articles say about who does
what (the same reading the starter templates use):

* one A per row: the product owner on backlog rows and owner-side rows, the
  product manager on manager-side and shared rows (each falls back to the
  other when the team lacks that title), and the Scrum Master on the rows of
  the team's own process (its events and its improvement), as the Scrum
  Guide has it; when nobody else does the work the A becomes A/R;
* the product owner does (R) the shared rows and is consulted (C) on the
  manager's vision, roadmap, market and customer rows; the product manager
  is consulted on the backlog;
* the Scrum Master does the team and process rows on the team's side and is
  consulted on the manager's team rows;
* developers do the delivery rows, are consulted on the backlog and told (I)
  about the vision; QA does the quality rows; designers and architects are
  consulted on customer, quality and delivery rows;
* stakeholders are consulted on vision and market rows and told about
  finance; sponsors are consulted on finance and told about the vision.

A filled cell is never overwritten, and a row that already has an A (or
A/R) gets no other.

The title rules (:data:`TITLE_RULES`; not the checks of :mod:`raci.rules`)
speak in kinds (owns, does, is asked, is told), so the same
reading fills a team in any letter set: a DACI team gets its Approver where
a RACI team gets its A. A kind the set has no letter for is left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from raci.letters import RACI, Cell, Kind, LetterSet
from raci.model import CellKey, Person, Responsibility, Side, Team
from raci.phrases import plural

PM, PO, SM = "Product Manager", "Product Owner", "Scrum Master"

# The vocabulary of the catalog's tags; a row's category words count as tags
# too, so custom rows in a catalog category ("Product backlog") are covered.
TOPICS = ("vision", "roadmap", "market", "customer", "customer-contact", "finance", "forecasting", "pricing",
          "backlog", "delivery", "quality", "stakeholders", "team", "process")


@dataclass(frozen=True, slots=True)
class TitleRule:
    """A title gets a letter of ``kind`` on rows with one of ``topics`` (any topic if empty) and one of ``sides``."""

    title: str
    kind: Kind
    topics: frozenset[str] = frozenset()
    sides: frozenset[Side] = frozenset(Side)

    def matches(self, person: Person, topics: frozenset[str], side: Side) -> bool:
        wanted = not self.topics or bool(self.topics & topics)
        return wanted and side in self.sides and person.has_title(self.title)


def _title_rule(title: str, kind: Kind, topics: str = "", sides: Sequence[Side] = tuple(Side)) -> TitleRule:
    return TitleRule(title, kind, frozenset(topics.split()), frozenset(sides))


_TEAM_SIDE = (Side.OWNER, Side.SHARED, Side.OTHER)

_DOES, _ASKED, _TOLD = Kind.DOES, Kind.ASKED, Kind.TOLD

# First match wins, so a person gets one letter per row; the rules for R come first.
TITLE_RULES: tuple[TitleRule, ...] = (
    _title_rule(PO, _DOES, sides=(Side.SHARED,)),
    _title_rule("Scrum Master", _DOES, "team", _TEAM_SIDE),
    _title_rule("Developer", _DOES, "delivery"),
    _title_rule("QA", _DOES, "quality"),
    _title_rule(PO, _ASKED, "vision roadmap market customer", (Side.MANAGER,)),
    _title_rule(PM, _ASKED, "backlog", _TEAM_SIDE),
    _title_rule("Scrum Master", _ASKED, "team", (Side.MANAGER,)),
    _title_rule("Developer", _ASKED, "backlog"),
    _title_rule("Designer", _ASKED, "customer quality"),
    _title_rule("Architect", _ASKED, "delivery quality"),
    _title_rule("Stakeholder", _ASKED, "vision market"),
    _title_rule("Sponsor", _ASKED, "finance"),
    _title_rule("Developer", _TOLD, "vision"),
    _title_rule("Stakeholder", _TOLD, "finance roadmap"),
    _title_rule("Sponsor", _TOLD, "vision"),
)


@dataclass(frozen=True)
class Suggestion:
    """The letters to add, and how many rows were left alone because they already had letters."""

    cells: dict[CellKey, Cell] = field(default_factory=dict)
    skipped_rows: int = 0
    letter_set: LetterSet = RACI

    def counts(self) -> Counter[Cell]:
        return Counter(self.cells.values())

    def summary(self) -> str:
        """``"Filled 34 cells: 15 R, 12 A, 5 C, 2 I, 3 A/R."`` plus the skipped rows, for a message box."""
        counts = self.counts()
        order = self.letter_set.all_cells()  # single letters in the set's order, then combinations
        parts = [f"{counts[cell]} {cell}" for cell in order if counts[cell]]
        total = len(self.cells)
        text = f"Filled {plural(total, 'cell')}" + (f": {', '.join(parts)}." if parts else ".")
        if self.skipped_rows:
            rows = "row was" if self.skipped_rows == 1 else "rows were"
            text += f" {self.skipped_rows} {rows} skipped because they already had letters."
        return text


def row_topics(row: Responsibility) -> frozenset[str]:
    """The row's tags plus the topic words in its category ("Market & customers" -> market, customer)."""
    category = row.category.casefold()
    return frozenset(row.tags) | frozenset(topic for topic in TOPICS if topic in category)


def suggest(team: Team) -> Suggestion:
    """Suggested letters for the team's empty cells, in the team's letter set, with the count of rows skipped."""
    cells: dict[CellKey, Cell] = {}
    skipped = 0
    letters = _Letters(team.letter_set)
    for row in team.responsibilities:
        existing = team.row_letters(row.id)
        added = _suggest_row(team.people, row, existing, letters)
        cells.update(((row.id, person_id), letter) for person_id, letter in added.items())
        if existing and not added:
            skipped += 1
    return Suggestion(cells, skipped, team.letter_set)


def suggest_assignments(team: Team) -> dict[CellKey, Cell]:
    """The cells :func:`suggest` would add, by (responsibility id, person id)."""
    return suggest(team).cells


class _Letters:
    """The set's cell for each kind a suggestion gives (``None`` where the set has no such letter)."""

    def __init__(self, letter_set: LetterSet) -> None:
        self.set = letter_set
        self.of: dict[Kind, Cell | None] = {}
        for kind in Kind:
            letter = letter_set.first(kind)
            self.of[kind] = letter_set.cell(letter.symbol) if letter is not None else None
        owner, doer = self.of[Kind.OWNS], self.of[Kind.DOES]
        self.both = letter_set.cell(owner, doer) if owner and doer else owner

    def holds(self, cell: Cell, kind: Kind) -> bool:
        return bool(self.set.kinds(cell) & kind.bit)


def _suggest_row(people: Sequence[Person], row: Responsibility, filled: Mapping[str, Cell],
                 letters: _Letters) -> dict[str, Cell]:
    topics = row_topics(row)
    added: dict[str, Cell] = {}
    accountable = None
    if not any(letters.holds(cell, Kind.OWNS) for cell in filled.values()):
        accountable = _accountable_person(people, row, topics)
        if accountable is not None and accountable.id not in filled:
            added[accountable.id] = letters.of[Kind.OWNS]  # type: ignore[assignment]  # every set has an owner
        else:
            accountable = None
    for person in people:
        if person.id in filled or person.id in added:
            continue
        kind = next((rule.kind for rule in TITLE_RULES if rule.matches(person, topics, row.side)), None)
        if kind is not None and letters.of[kind] is not None:
            added[person.id] = letters.of[kind]  # type: ignore[assignment]  # checked just above
    held = [*filled.values(), *added.values()]
    if accountable is not None and not any(letters.holds(cell, Kind.DOES) for cell in held):
        added[accountable.id] = letters.both  # type: ignore[assignment]  # nobody else does it, so the owner does
    return added


def _accountable_person(people: Sequence[Person], row: Responsibility, topics: frozenset[str]) -> Person | None:
    order: tuple[str, ...]
    if "process" in topics and row.side is not Side.MANAGER:
        order = (SM, PO, PM)
    elif "backlog" in topics or row.side is Side.OWNER:
        order = (PO, PM)
    elif row.side in (Side.MANAGER, Side.SHARED):
        order = (PM, PO)
    else:
        return None  # a custom row with no side: the team decides who answers for it
    for title in order:
        holder = next((person for person in people if person.has_title(title)), None)
        if holder is not None:
            return holder
    return None
