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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from raci.model import CellKey, Letter, Person, Responsibility, Side, Team

PM, PO, SM = "Product Manager", "Product Owner", "Scrum Master"

# The vocabulary of the catalog's tags; a row's category words count as tags
# too, so custom rows in a catalog category ("Product backlog") are covered.
TOPICS = ("vision", "roadmap", "market", "customer", "customer-contact", "finance", "forecasting", "pricing",
          "backlog", "delivery", "quality", "stakeholders", "team", "process")


@dataclass(frozen=True, slots=True)
class Rule:
    """A title gets ``letter`` on rows with one of ``topics`` (any topic if empty) and one of ``sides``."""

    title: str
    letter: Letter
    topics: frozenset[str] = frozenset()
    sides: frozenset[Side] = frozenset(Side)

    def matches(self, person: Person, topics: frozenset[str], side: Side) -> bool:
        wanted = not self.topics or bool(self.topics & topics)
        return wanted and side in self.sides and person.has_title(self.title)


def _rule(title: str, letter: Letter, topics: str = "", sides: Sequence[Side] = tuple(Side)) -> Rule:
    return Rule(title, letter, frozenset(topics.split()), frozenset(sides))


_TEAM_SIDE = (Side.OWNER, Side.SHARED, Side.OTHER)

# First match wins, so a person gets one letter per row; R rules come first.
RULES: tuple[Rule, ...] = (
    _rule(PO, Letter.R, sides=(Side.SHARED,)),
    _rule("Scrum Master", Letter.R, "team", _TEAM_SIDE),
    _rule("Developer", Letter.R, "delivery"),
    _rule("QA", Letter.R, "quality"),
    _rule(PO, Letter.C, "vision roadmap market customer", (Side.MANAGER,)),
    _rule(PM, Letter.C, "backlog", _TEAM_SIDE),
    _rule("Scrum Master", Letter.C, "team", (Side.MANAGER,)),
    _rule("Developer", Letter.C, "backlog"),
    _rule("Designer", Letter.C, "customer quality"),
    _rule("Architect", Letter.C, "delivery quality"),
    _rule("Stakeholder", Letter.C, "vision market"),
    _rule("Sponsor", Letter.C, "finance"),
    _rule("Developer", Letter.I, "vision"),
    _rule("Stakeholder", Letter.I, "finance roadmap"),
    _rule("Sponsor", Letter.I, "vision"),
)


@dataclass(frozen=True)
class Suggestion:
    """The letters to add, and how many rows were left alone because they already had letters."""

    cells: dict[CellKey, Letter] = field(default_factory=dict)
    skipped_rows: int = 0

    def counts(self) -> Counter[Letter]:
        return Counter(self.cells.values())

    def summary(self) -> str:
        """``"Filled 34 cells: 12 A, 15 R, 5 C, 2 I."`` plus the skipped rows, for a message box."""
        counts = self.counts()
        parts = [f"{counts[letter]} {letter.value}" for letter in Letter if counts[letter]]
        total = len(self.cells)
        text = f"Filled {total} cell{'s' if total != 1 else ''}" + (f": {', '.join(parts)}." if parts else ".")
        if self.skipped_rows:
            rows = "row was" if self.skipped_rows == 1 else "rows were"
            text += f" {self.skipped_rows} {rows} skipped because they already had letters."
        return text


def row_topics(row: Responsibility) -> frozenset[str]:
    """The row's tags plus the topic words in its category ("Market & customers" -> market, customer)."""
    category = row.category.casefold()
    return frozenset(row.tags) | frozenset(topic for topic in TOPICS if topic in category)


def suggest(team: Team) -> Suggestion:
    """Suggested letters for the team's empty cells, with the count of rows skipped."""
    cells: dict[CellKey, Letter] = {}
    skipped = 0
    for row in team.responsibilities:
        existing = team.row_letters(row.id)
        added = _suggest_row(team.people, row, existing)
        cells.update(((row.id, person_id), letter) for person_id, letter in added.items())
        if existing and not added:
            skipped += 1
    return Suggestion(cells, skipped)


def suggest_assignments(team: Team) -> dict[CellKey, Letter]:
    """The letters :func:`suggest` would add, by (responsibility id, person id)."""
    return suggest(team).cells


def _suggest_row(people: Sequence[Person], row: Responsibility, filled: Mapping[str, Letter]) -> dict[str, Letter]:
    topics = row_topics(row)
    added: dict[str, Letter] = {}
    accountable = None
    if not any(letter.accountable for letter in filled.values()):
        accountable = _accountable_person(people, row, topics)
        if accountable is not None and accountable.id not in filled:
            added[accountable.id] = Letter.A
        else:
            accountable = None
    for person in people:
        if person.id in filled or person.id in added:
            continue
        letter = next((rule.letter for rule in RULES if rule.matches(person, topics, row.side)), None)
        if letter is not None:
            added[person.id] = letter
    letters = [*filled.values(), *added.values()]
    if accountable is not None and not any(letter.responsible for letter in letters):
        added[accountable.id] = Letter.AR  # nobody else does it, so the owner of the outcome does
    return added


def _accountable_person(people: Sequence[Person], row: Responsibility, topics: frozenset[str]) -> Person | None:
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
