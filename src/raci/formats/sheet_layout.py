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

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from raci.formats.letters import Unreadable, is_letter, read_letter, shown
from raci.formats.safety import csv_unguard
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
    return csv_unguard(" ".join(str(value).split()))


def cell_address(row: int, column: int) -> str:
    """``D7`` for 0-based (6, 3)."""
    return f"{get_column_letter(column + 1)}{row + 1}"


def find_layout(rows: Sequence[Row]) -> Layout | None:
    """The most likely header row, activity column and people columns, or ``None``."""
    best: Layout | None = None
    for header in range(min(HEADER_SEARCH_ROWS, len(rows))):
        layout = _layout_at(rows, header)
        if layout is None:
            continue
        if best is None or (layout.score, len(layout.people)) > (best.score, len(best.people)):
            best = layout
    return best


def _layout_at(rows: Sequence[Row], header: int) -> Layout | None:
    named = [column for column, value in enumerate(rows[header]) if _is_name(value)]
    if len(named) < 2:
        return None
    below = rows[header + 1: header + 1 + SAMPLE_ROWS]
    activity, category = _activity_columns(rows[header], below)
    if activity is None:
        return None
    people = tuple(c for c in named if c > activity and c != category)
    if not people:
        return None
    score = sum(1 for row in below for column in people if column < len(row) and is_letter(row[column]))
    return Layout(header, activity, category, people, score)


def _is_name(value: Any) -> bool:
    return bool(text_of(value)) and not is_letter(value)


def _is_wordy(value: Any) -> bool:
    text = text_of(value)
    return sum(character.isalpha() for character in text) >= 2 and not is_letter(value)


def _activity_columns(header: Row, below: Sequence[Row]) -> tuple[int | None, int | None]:
    """The activity column and, if there is one, the category column."""
    width = max((len(row) for row in below), default=0)
    wordy = []
    for column in range(width):
        values = [row[column] for row in below if column < len(row) and text_of(row[column])]
        if values and sum(map(_is_wordy, values)) * 2 >= len(values):
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
    warnings: list[str] = []
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
    found = []
    for column in range(layout.activity + 1, width):
        if column == layout.category:
            continue
        name = text_of(header[column]) if column < len(header) else ""
        values = [row[column] for row in data if column < len(row) and text_of(row[column])]
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


def _looks_like_notes(name: str, values: Sequence[Any]) -> bool:
    """A lettered-free column that is headed like, or reads like, notes or totals rather than a person."""
    if name.casefold().rstrip(":") in NON_PERSON_HEADERS:
        return True
    return sum(len(text_of(value)) for value in values) / len(values) > 12


def _row_letters(row: Row, number: int, columns: list[tuple[int, str]], people: list[dict[str, Any]],
                 where: str, warnings: list[str]) -> dict[str, str]:
    letters = {}
    for (column, _), person in zip(columns, people):
        if column >= len(row):
            continue
        try:
            letter = read_letter(row[column])
        except Unreadable:
            warnings.append(f"{where}, cell {cell_address(number, column)}: '{shown(row[column])}' is not a "
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
