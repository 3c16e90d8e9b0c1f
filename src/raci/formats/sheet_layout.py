"""Reading a RACI sheet laid out by another tool.

Such sheets differ in the details but share a shape: maybe a few title
rows, then a row of names, then one row per activity with its text in one
column and letters under the names. This module finds that shape by
itself:

* the header row is the row, among the first 20, that has at least two
  non-letter texts and the most readable letters below it under those
  texts;
* the activity column is the leftmost column below the header that holds
  mostly words (not numbers, not letters); a column headed "Category"
  (or "Group", "Phase", "Area", "Stage") gives each row its category;
* every other named column right of the activity column is a person,
  unless it holds text but no letter at all and is headed or reads like
  notes or totals, which is skipped with a warning.

Nothing is dropped silently: every cell that is not a letter becomes a
warning with its address.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from raci.formats import Warnings
from raci.formats.letters import Unreadable, is_letter, read_letter, shown
from raci.model import KNOWN_TITLES, make_id, normalise_title

Row = Sequence[Any]
HEADER_SEARCH_ROWS = 20
SAMPLE_ROWS = 200  # rows below a candidate header that are looked at to score it
CATEGORY_HEADERS = frozenset({"category", "categories", "group", "phase", "area", "stage"})
NON_PERSON_HEADERS = frozenset({"note", "notes", "comment", "comments", "remark", "remarks", "description",
                                "details", "total", "totals", "check", "count", "sum", "status", "id", "#", "a's"})
NAME_LIMIT, TITLE_LIMIT, CATEGORY_LIMIT = 200, 500, 200  # as the team file allows
_KNOWN = frozenset(KNOWN_TITLES)


@dataclass(frozen=True)
class Layout:
    header: int  # 0-based row index
    activity: int  # 0-based column index
    category: int | None
    people: tuple[int, ...]
    score: int


def text_of(value: Any) -> str:
    """A cell as trimmed text ("" for blank); numbers as they would show."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def cell_address(row: int, column: int) -> str:
    """``D7`` for 0-based (6, 3)."""
    return f"{get_column_letter(column + 1)}{row + 1}"


def find_layout(rows: Sequence[Row]) -> Layout | None:
    """The most likely header row, activity column and people columns, or ``None``."""
    best: Layout | None = None
    stats = _ColumnStats(rows[: HEADER_SEARCH_ROWS + SAMPLE_ROWS])
    for header in range(min(HEADER_SEARCH_ROWS, len(rows))):
        layout = _layout_at(rows, header, stats)
        if layout is None:
            continue
        if best is None or (layout.score, len(layout.people)) > (best.score, len(best.people)):
            best = layout
    return best


class _ColumnStats:
    """Per column, running counts of filled, wordy and letter cells over the rows a header search looks at.

    Each of the 20 candidate headers looks at up to 200 rows below it;
    classifying every cell once and answering each window from the running
    counts keeps that linear in the cells (it was 20 times the cells, each
    classified again).
    """

    def __init__(self, rows: Sequence[Row]) -> None:
        width = max((len(row) for row in rows), default=0)
        self.widths = [len(row) for row in rows]
        self.filled = [[0] * (len(rows) + 1) for _ in range(width)]
        self.wordy = [[0] * (len(rows) + 1) for _ in range(width)]
        self.letters = [[0] * (len(rows) + 1) for _ in range(width)]
        for number, row in enumerate(rows):
            for column in range(width):
                value = row[column] if column < len(row) else None
                filled = value is not None and bool(text_of(value))
                self.filled[column][number + 1] = self.filled[column][number] + filled
                self.wordy[column][number + 1] = self.wordy[column][number] + (filled and _is_wordy(value))
                self.letters[column][number + 1] = self.letters[column][number] + (filled and is_letter(value))

    def width(self, first: int, last: int) -> int:
        return max(self.widths[first:last], default=0)

    @staticmethod
    def count(counts: list[list[int]], column: int, first: int, last: int) -> int:
        """How many of rows ``first`` to ``last - 1`` count in ``column``."""
        if column >= len(counts):
            return 0
        last = min(last, len(counts[column]) - 1)
        return counts[column][last] - counts[column][first] if last > first else 0


def _layout_at(rows: Sequence[Row], header: int, stats: _ColumnStats) -> Layout | None:
    named = [column for column, value in enumerate(rows[header]) if _is_name(value)]
    if len(named) < 2:
        return None
    first, last = header + 1, header + 1 + SAMPLE_ROWS
    activity, category = _activity_columns(rows[header], stats, first, last)
    if activity is None:
        return None
    people = tuple(c for c in named if c > activity and c != category)
    if not people:
        return None
    score = sum(stats.count(stats.letters, column, first, last) for column in people)
    return Layout(header, activity, category, people, score)


def _is_name(value: Any) -> bool:
    return bool(text_of(value)) and not is_letter(value)


_TWO_LETTERS = re.compile(r"[^\W\d_].*?[^\W\d_]", re.DOTALL)


def _is_wordy(value: Any) -> bool:
    return _TWO_LETTERS.search(text_of(value)) is not None and not is_letter(value)


def _activity_columns(header: Row, stats: _ColumnStats, first: int, last: int) -> tuple[int | None, int | None]:
    """The activity column and, if there is one, the category column, judged on rows ``first`` to ``last - 1``."""
    wordy = []
    for column in range(stats.width(first, last)):
        filled = stats.count(stats.filled, column, first, last)
        if filled and stats.count(stats.wordy, column, first, last) * 2 >= filled:
            wordy.append(column)
    if not wordy:
        return None, None
    headed = {c: text_of(header[c]).casefold() if c < len(header) else "" for c in wordy}
    categories = [c for c in wordy if headed[c] in CATEGORY_HEADERS]
    activities = [c for c in wordy if c not in categories]
    if not activities:
        return None, None
    return activities[0], categories[0] if categories else None


@dataclass
class GenericRead:
    """What a generic sheet yields: team document parts and warnings."""

    people: list[dict[str, Any]]
    responsibilities: list[dict[str, Any]]
    cells: dict[str, dict[str, str]]
    warnings: list[str]
    title: str


def read_generic(rows: Sequence[Row], layout: Layout, where: str) -> GenericRead:
    """Turn the rows under ``layout`` into people, responsibilities and letters."""
    warnings = Warnings()
    data = rows[layout.header + 1:]
    columns = _person_columns(rows, layout, data, where, warnings)
    people, taken = [], set()
    for column, name in columns:
        person_id = make_id(name, taken, "person")
        taken.add(person_id)
        title = normalise_title(name)
        people.append({"id": person_id, "name": name, "titles": [title] if title in _KNOWN else []})
    responsibilities, cells, row_ids = [], {}, set()
    for offset, row in enumerate(data):
        number = layout.header + 1 + offset
        title = _cell_text(row, layout.activity)
        letters = _row_letters(row, number, columns, people, where, warnings)
        if not title:
            if letters:
                warnings.append(f"{where}, row {number + 1}: letters but no responsibility in cell "
                                f"{cell_address(number, layout.activity)}; row skipped.")
            continue
        row_id = make_id(title, row_ids, "responsibility")
        row_ids.add(row_id)
        category = _cell_text(row, layout.category)[:CATEGORY_LIMIT] if layout.category is not None else ""
        responsibilities.append({"id": row_id, "title": _cut(title, TITLE_LIMIT, number, layout.activity, where,
                                                              warnings), "category": category})
        if letters:
            cells[row_id] = letters
    return GenericRead(people, responsibilities, cells, warnings, _sheet_title(rows, layout))


def _person_columns(rows: Sequence[Row], layout: Layout, data: Sequence[Row], where: str,
                    warnings: list[str]) -> list[tuple[int, str]]:
    """(column, name) of each person; skips columns with text but no letter, with a warning."""
    header = rows[layout.header]
    width = max([len(header), *(len(row) for row in data)])
    by_column = _filled_by_column(data, layout.activity + 1)
    found = []
    for column in range(layout.activity + 1, width):
        if column == layout.category:
            continue
        name = text_of(header[column]) if column < len(header) else ""
        values = by_column.get(column, [])
        letters = sum(map(is_letter, values))
        address = cell_address(layout.header, column)
        if name and values and not letters and _looks_like_notes(name, values):
            warnings.append(f"{where}, column {get_column_letter(column + 1)} ('{shown(name)}'): no RACI letters "
                            "in it, so it was not read as a person.")
        elif not name and letters:
            name = f"Person in column {get_column_letter(column + 1)}"
            warnings.append(f"{where}, cell {address}: no name above letters; read as '{name}'.")
            found.append((column, name))
        elif name and column in layout.people:
            found.append((column, _cut(name, NAME_LIMIT, layout.header, column, where, warnings)))
    return found


def _filled_by_column(rows: Sequence[Row], first: int) -> dict[int, list[Any]]:
    """The filled values of each column from ``first`` on, in one pass over the cells.

    Asking every row for every column cost columns x rows even for the short
    rows, so one far-right cell made the scan quadratic.
    """
    found: dict[int, list[Any]] = {}
    for row in rows:
        for column in range(first, len(row)):
            value = row[column]
            if value is not None and text_of(value):
                found.setdefault(column, []).append(value)
    return found


def _looks_like_notes(name: str, values: Sequence[Any]) -> bool:
    """A lettered-free column that is headed like, or reads like, notes or totals rather than a person."""
    if name.casefold().rstrip(":") in NON_PERSON_HEADERS:
        return True
    return sum(len(text_of(value)) for value in values) / len(values) > 12


def _row_letters(row: Row, number: int, columns: list[tuple[int, str]], people: list[dict[str, Any]],
                 where: str, warnings: Warnings) -> dict[str, str]:
    letters = {}
    for (column, _), person in zip(columns, people):
        if column >= len(row):
            continue
        try:
            letter = read_letter(row[column])
        except Unreadable:
            value = row[column]
            warnings.add(lambda: f"{where}, cell {cell_address(number, column)}: '{shown(value)}' is not a "
                                 "RACI letter; left blank.")
            continue
        if letter is not None:
            letters[person["id"]] = letter.value
    return letters


def _cell_text(row: Row, column: int | None) -> str:
    return text_of(row[column]) if column is not None and column < len(row) else ""


def _cut(text: str, limit: int, row: int, column: int, where: str, warnings: list[str]) -> str:
    if len(text) <= limit:
        return text
    warnings.append(f"{where}, cell {cell_address(row, column)}: the text is over {limit} characters; "
                    "it was shortened.")
    return text[: limit - 1] + "…"


def _sheet_title(rows: Sequence[Row], layout: Layout) -> str:
    """The first text above the header (a title block), if any."""
    for row in rows[: layout.header]:
        for value in row:
            text = text_of(value)
            if text:
                return text[:NAME_LIMIT]
    return ""
