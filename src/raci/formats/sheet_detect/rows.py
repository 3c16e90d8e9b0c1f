"""What each row below the header is: a responsibility, a category heading, a legend, or something to skip.

One pass over the data rows, then one backwards over the rows that hold
a title and nothing else:

* a row with letters under the people (or, inverted, names under the
  letters; explicit not-involved marks count) is a **responsibility**;
* a row whose text pairs symbols with their words ("R: Responsible", or
  "R" as its title and "Responsible" beside it), or that opens with
  "Legend" or "Key" (and the rows after it up to a blank one), is the
  **legend**; so are lone letters under the last lettered row;
* a row repeating the header's names is a **header** (a sheet printed on
  several pages);
* a row with numbers under the people (totals), or text there but no
  title, is **skipped**, and named in a warning;
* a row with only a title (or one text left of the titles: a phase row
  merged across the table) is a **category** heading when the sheet has no
  category column, the next row with content has letters (or is a heading
  too), and it reads as a heading: heading words ("Phase 1", "Initiation
  phase"), a closing colon, capitals, the first row under the header, or
  at least two such rows each heading lettered rows. Otherwise it is a
  responsibility nobody holds yet;
* rows after a blank row below the last lettered row, without letters,
  are skipped (a footer, a second table), named in a warning.

This app's own workbook marks its category rows ("#category" in its
hidden ids column); where those marks are, they decide instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from raci.formats.sheet_detect.cells import CellKind, Frame, Line, text_of
from raci.formats.sheet_detect.layout import RowRole
from raci.formats.sheet_detect.legend import is_legend_row, starts_legend
from raci.formats.sheet_detect.words import HEADING_WORDS, NOT_PERSON_WORDS, mentions, words_of

_NUMBERED_HEADING = re.compile(r"^(phase|stage|step|part|section|milestone)?\s*([ivx]+|\d+)\s*[:.)-]?\s*$")


class _Next(Enum):
    """What the next row with content is, seen from a title-only row."""

    END = 0
    LETTERED = 1
    CATEGORY = 2
    OTHER = 3


@dataclass(frozen=True)
class RowFacts:
    """The columns row assignment looks at, and the data rows' range."""

    frame: Frame
    start: int
    end: int
    assigned: frozenset[int]
    inverted: bool
    title: int
    has_category_column: bool
    content: frozenset[int]  # table columns other than the assigned ones, the title and the legend
    names: tuple[str, ...] = ()  # the header's names, folded, to spot a repeated header
    marked: frozenset[int] | None = None  # rows this app's own workbook marks as categories, if it is one


@dataclass
class RowResult:
    """Each data row's role, whether it has letters, and the distinct texts under the people."""

    roles: list[RowRole]
    lettered: list[bool]
    cell_texts: set[str] = field(default_factory=set)


def assign_rows(facts: RowFacts) -> RowResult:
    """The role of each row in ``facts.start`` to ``facts.end``."""
    size = facts.end - facts.start
    result = RowResult([RowRole.BLANK] * size, [False] * size)
    candidates: list[int] = []
    in_legend = False
    for offset in range(size):
        role = _first_look(facts, offset, result)
        if role is RowRole.BLANK or result.lettered[offset]:
            in_legend = False
        elif role is RowRole.LEGEND:
            in_legend = in_legend or starts_legend(_texts(facts.frame.lines[facts.start + offset]))
        elif in_legend:
            role = RowRole.LEGEND
        if role is None:
            candidates.append(offset)
            role = RowRole.RESPONSIBILITY
        result.roles[offset] = role
    remaining = set(candidates)
    _after_the_matrix(facts, result, remaining)
    if facts.marked is not None:  # this app's workbook says which rows are categories: no guessing
        for offset in remaining & facts.marked:
            result.roles[offset] = RowRole.CATEGORY
        return result
    _headings(facts, result, [offset for offset in candidates if offset in remaining])
    return result


def _first_look(facts: RowFacts, offset: int, result: RowResult) -> RowRole | None:
    """A row's role from its own cells; ``None`` for a row holding a title and nothing else."""
    line = facts.frame.lines[facts.start + offset]
    letters = others = numbers = 0
    content = False
    under: list[str] = []
    for column, value, kind in zip(line.columns, line.values, line.kinds, strict=True):
        if column in facts.assigned:
            if facts.inverted or kind in (CellKind.LETTER, CellKind.MARK):
                letters += 1
            else:
                others += 1
                numbers += kind == CellKind.NUMBER
                under.append(words_of(text_of(value)))
            if type(value) is str and not facts.inverted:
                result.cell_texts.add(value)
        elif column in facts.content or column == facts.title:
            content = True
    if letters:
        if line.kind(facts.title) == CellKind.LETTER and is_legend_row(_texts(line)):
            return RowRole.LEGEND  # "R | Responsible" under the grid: a letter and its word
        result.lettered[offset] = True
        return RowRole.RESPONSIBILITY
    if not others and not content:
        return RowRole.BLANK
    texts = _texts(line)
    if is_legend_row(texts):
        return RowRole.LEGEND
    title = heading_text(line, facts)
    if others:
        if facts.names and tuple(under) == facts.names:
            return RowRole.HEADER
        if not title or 2 * numbers > others or mentions(title, NOT_PERSON_WORDS):
            return RowRole.SKIPPED
        return RowRole.RESPONSIBILITY
    return None if title else RowRole.SKIPPED


def heading_text(line: Line, facts: RowFacts) -> str:
    """A row's title; for a row whose only text in the table lies left of the titles (a phase row merged
    across the table, its text in the first cell, often an ID column), that text."""
    title = facts.title
    text = text_of(line.value(title))
    if text:
        return text
    inside = [(column, value, kind) for column, value, kind in zip(line.columns, line.values, line.kinds, strict=True)
              if column in facts.content or column in facts.assigned]
    if len(inside) != 1 or inside[0][0] >= title or inside[0][2] != CellKind.TEXT:
        return ""
    return text_of(inside[0][1])


def _texts(line: object) -> list[str]:
    return [text for text in map(text_of, line.values) if text]  # type: ignore[attr-defined]


def _after_the_matrix(facts: RowFacts, result: RowResult, candidates: set[int]) -> None:
    """Rows below the last lettered row: lone letters are a legend; past a blank row, a footer."""
    last = max((offset for offset, lettered in enumerate(result.lettered) if lettered), default=-1)
    past_blank = False
    for offset in range(last + 1, len(result.roles)):
        role = result.roles[offset]
        if role is RowRole.BLANK:
            past_blank = True
            continue
        line = facts.frame.lines[facts.start + offset]
        if offset in candidates and line.kind(facts.title) == CellKind.LETTER and len(line.columns) == 1:
            result.roles[offset] = RowRole.LEGEND
            candidates.discard(offset)
        elif past_blank and role is not RowRole.LEGEND:
            result.roles[offset] = RowRole.SKIPPED
            candidates.discard(offset)


def _headings(facts: RowFacts, result: RowResult, candidates: list[int]) -> None:
    """Decide which title-only rows head the rows below them (see the module docstring)."""
    if facts.has_category_column or not candidates:
        return
    pending = set(candidates)
    following = _following(result, pending)
    pattern = sum(following[offset] is _Next.LETTERED for offset in candidates if offset in following)
    first = next((offset for offset, role in enumerate(result.roles) if role is not RowRole.BLANK), -1)
    decided: set[int] = set()
    after_it = dict(zip(candidates, [*candidates[1:], -1], strict=True))
    for offset in reversed(candidates):
        if offset not in following:
            continue
        after = following[offset]
        if after is _Next.CATEGORY:
            after = _Next.LETTERED if after_it[offset] in decided else _Next.OTHER
        if after is not _Next.LETTERED:
            continue
        title = heading_text(facts.frame.lines[facts.start + offset], facts)
        if heading_like(title) or offset == first or pattern >= 2:
            result.roles[offset] = RowRole.CATEGORY
            decided.add(offset)


def _following(result: RowResult, pending: set[int]) -> dict[int, _Next]:
    """For each pending title-only row, what the next row with content is."""
    following: dict[int, _Next] = {}
    state = _Next.END
    for offset in range(len(result.roles) - 1, -1, -1):
        role = result.roles[offset]
        if offset in pending and role is RowRole.RESPONSIBILITY:
            following[offset] = state
            state = _Next.CATEGORY
        elif result.lettered[offset]:
            state = _Next.LETTERED
        elif role not in (RowRole.BLANK, RowRole.LEGEND, RowRole.HEADER):
            state = _Next.OTHER
    return following


def heading_like(title: str) -> bool:
    """Whether a title reads as a heading: heading words, a closing colon, capitals, or a bare number."""
    letters = [character for character in title if character.isalpha()]
    return (mentions(title, HEADING_WORDS) or title.rstrip().endswith(":")
            or (len(letters) >= 4 and title.isupper()) or bool(_NUMBERED_HEADING.match(words_of(title))))
