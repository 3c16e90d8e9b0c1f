"""What each column of the table is, from what its cells hold below the header.

A column is profiled over the data rows: how many of its cells are
letters, words, numbers, dates or IDs, how many distinct words, how long.
Then, people (or an inverted sheet's letter columns) already known:

* the **title column** is the text column that scores best: filled on
  most rows (+2 x its fill), distinct values (+1 x distinct/filled), left
  of the people and leftmost among the candidates (-0.25 per candidate
  before it), a header like "Task" (+3) or like "Category" / "Notes" (-3),
  very long text (-1);
* a **category** column is a text column headed like one ("Phase",
  "Area"), or left of the titles and filled on fewer rows than they are
  (a group written on its first row only) or repeating a few values;
* other text columns are the **description** (the first one headed like
  one, or unheaded between the titles and the people) or **notes** (kept
  in the description after it);
* columns of numbers, dates, IDs, ticks or formulas are **skipped**, each named in a
  warning; an empty column named like a person (not "Notes", "Total"...)
  among or right beside the people is a person with no letters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from raci.formats.sheet_detect.cells import CellKind, Frame, text_of
from raci.formats.sheet_detect.layout import ColumnPlan, ColumnRole
from raci.formats.sheet_detect.words import (
    CATEGORY_WORDS,
    DESCRIPTION_WORDS,
    LEGEND_WORDS,
    NOT_PERSON_WORDS,
    NOTES_WORDS,
    TITLE_WORDS,
    is_one_of,
)

LONG_TEXT = 80  # mean characters past which a column reads as notes, not titles
EMPTY = "is empty"  # a skipped column that held nothing but maybe a header: no warning needed
_OTHER_KINDS = (CellKind.NUMBER, CellKind.TIME, CellKind.CODE, CellKind.FLAG, CellKind.FORMULA)
_NOT_NAMES = (TITLE_WORDS, CATEGORY_WORDS, DESCRIPTION_WORDS, NOTES_WORDS, LEGEND_WORDS, NOT_PERSON_WORDS)
SKIP_REASONS = {CellKind.NUMBER: "holds numbers", CellKind.TIME: "holds dates or times",
                CellKind.CODE: "holds IDs", CellKind.FLAG: "holds ticks (TRUE/FALSE, x)",
                CellKind.FORMULA: "holds formulas"}


@dataclass(slots=True)
class Profile:
    """What one column holds over the data rows."""

    counts: list[int] = field(default_factory=lambda: [0] * len(CellKind))
    distinct: set[str] = field(default_factory=set)
    length: int = 0

    @property
    def filled(self) -> int:
        return sum(self.counts) - self.counts[CellKind.BLANK]

    @property
    def text(self) -> int:
        return self.counts[CellKind.TEXT]

    @property
    def letters(self) -> int:
        return self.counts[CellKind.LETTER] + self.counts[CellKind.MARK]

    @property
    def other(self) -> int:
        return sum(self.counts[kind] for kind in _OTHER_KINDS)

    @property
    def holds_text(self) -> bool:
        return self.text >= 1 and self.text >= self.other

    @property
    def distinct_ratio(self) -> float:
        return len(self.distinct) / self.text if self.text else 0.0

    @property
    def mean_length(self) -> float:
        return self.length / self.text if self.text else 0.0

    def skip_reason(self) -> str:
        if not self.filled:
            return EMPTY
        if not self.other:
            return "holds no words or letters to read"
        return SKIP_REASONS[max(_OTHER_KINDS, key=lambda kind: self.counts[kind])]


def profile_columns(frame: Frame, rows: Iterable[int]) -> dict[int, Profile]:
    """Each column's :class:`Profile` over ``rows``, in one pass over their cells."""
    profiles: dict[int, Profile] = {}
    for number in rows:
        line = frame.lines[number]
        for column, value, kind in zip(line.columns, line.values, line.kinds, strict=True):
            profile = profiles.get(column)
            if profile is None:
                profile = profiles[column] = Profile()
            profile.counts[kind] += 1
            if kind == CellKind.TEXT:
                text = text_of(value)
                profile.distinct.add(text.casefold())
                profile.length += len(text)
    return profiles


@dataclass(frozen=True)
class ColumnFacts:
    """What column assignment needs: profiles, headers, the people (or letter) columns and the legend."""

    profiles: Mapping[int, Profile]
    headers: Mapping[int, str]
    assigned: Sequence[int]
    assigned_role: ColumnRole
    legend: frozenset[int]
    table: Sequence[int]

    def profile(self, column: int) -> Profile:
        return self.profiles.get(column) or Profile()

    def header(self, column: int) -> str:
        return self.headers.get(column, "")


def assign_columns(facts: ColumnFacts) -> tuple[ColumnPlan, ...] | None:
    """A plan for every column of the table, or ``None`` when no column can hold the titles."""
    plans: dict[int, ColumnPlan] = {}
    for column in facts.legend:
        plans[column] = ColumnPlan(column, ColumnRole.LEGEND, facts.header(column), "a legend")
    assigned = [column for column in facts.assigned if column not in facts.legend]
    title = _title_column(facts, assigned)
    if title is None:
        return None
    assigned = [column for column in assigned if column != title]
    reason = "letters under a name" if facts.assigned_role is ColumnRole.PERSON else "names under a letter"
    for column in assigned:
        plans[column] = ColumnPlan(column, facts.assigned_role, facts.header(column), reason)
    plans[title] = ColumnPlan(title, ColumnRole.TITLE, facts.header(title), "the responsibilities' titles")
    span = (min(assigned), max(assigned)) if assigned else (title, title)
    described = False
    for column in facts.table:
        if column in plans:
            continue
        plan = _other_column(facts, column, title, span, described)
        described = described or plan.role is ColumnRole.DESCRIPTION
        plans[column] = plan
    if facts.assigned_role is ColumnRole.PERSON:
        _named_but_empty(plans, title)
    return tuple(plans[column] for column in sorted(plans))


def _named_but_empty(plans: dict[int, ColumnPlan], title: int) -> None:
    """Empty columns named like people, right beside the people, are people who hold no letter yet."""
    people = sorted(column for column, plan in plans.items() if plan.role is ColumnRole.PERSON)
    for start, step in ((people[-1], 1), (people[0], -1)) if people else ():
        column = start + step
        while column != title and _empty_name(plans.get(column)):
            plans[column] = ColumnPlan(column, ColumnRole.PERSON, plans[column].header,
                                       "a name with no letters under it, beside the people")
            column += step


def _empty_name(plan: ColumnPlan | None) -> bool:
    return (plan is not None and plan.role is ColumnRole.SKIPPED and plan.reason == EMPTY and bool(plan.header)
            and not any(is_one_of(plan.header, words) for words in _NOT_NAMES))


def _title_column(facts: ColumnFacts, assigned: list[int]) -> int | None:
    first = min(assigned) if assigned else None
    candidates = [column for column in facts.table if column not in facts.legend and column not in assigned
                  and facts.profile(column).holds_text]
    left = [column for column in candidates if first is None or column < first]
    candidates = left or candidates
    if not candidates:
        headed = [column for column in assigned if is_one_of(facts.header(column), TITLE_WORDS)]
        return headed[0] if headed else None
    most = max(facts.profile(column).text for column in candidates)
    return max(candidates, key=lambda column: _title_score(facts, column, most, candidates.index(column)))


def _title_score(facts: ColumnFacts, column: int, most: int, rank: int) -> float:
    profile, header = facts.profile(column), facts.header(column)
    score = 2 * profile.text / most + profile.distinct_ratio - 0.25 * rank
    if is_one_of(header, TITLE_WORDS):
        score += 3
    if any(is_one_of(header, words) for words in (CATEGORY_WORDS, DESCRIPTION_WORDS, NOTES_WORDS)):
        score -= 3
    if profile.mean_length > LONG_TEXT:
        score -= 1
    return score


def _other_column(facts: ColumnFacts, column: int, title: int, span: tuple[int, int],
                  described: bool) -> ColumnPlan:
    profile, header = facts.profile(column), facts.header(column)
    titles = facts.profile(title)
    if is_one_of(header, CATEGORY_WORDS) and (profile.holds_text or not profile.filled):
        # Even empty: the sheet groups its rows in a column, so a row without letters is no heading.
        return ColumnPlan(column, ColumnRole.CATEGORY, header, "headed like a category")
    if not profile.filled:
        if header and span[0] < column < span[1] and facts.assigned_role is ColumnRole.PERSON:
            return ColumnPlan(column, ColumnRole.PERSON, header, "a name with no letters under it, among the people")
        return ColumnPlan(column, ColumnRole.SKIPPED, header, EMPTY)
    if not profile.holds_text:
        return ColumnPlan(column, ColumnRole.SKIPPED, header, profile.skip_reason())
    if column < title and profile.text < 0.9 * titles.text:
        return ColumnPlan(column, ColumnRole.CATEGORY, header, "filled only on each group's first row")
    if column < title and profile.distinct_ratio <= 0.5 and profile.text >= 2:
        return ColumnPlan(column, ColumnRole.CATEGORY, header, "repeats a few values")
    if is_one_of(header, DESCRIPTION_WORDS) and not described:
        return ColumnPlan(column, ColumnRole.DESCRIPTION, header, "headed like a description")
    if is_one_of(header, NOTES_WORDS):
        return ColumnPlan(column, ColumnRole.NOTES, header, "headed like notes")
    if not described and title < column < span[0] and not header:
        return ColumnPlan(column, ColumnRole.DESCRIPTION, header, "text beside the titles")
    return ColumnPlan(column, ColumnRole.NOTES, header, "text that is not letters")
