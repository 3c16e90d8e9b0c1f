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

The letters may be those of any built-in set (RACI, RASCI, DACI, CAIRO,
RACI-VS), several to a cell (``R/C``, ``R (A)``): the set is chosen from
the texts under the people and the sheet's legend
(:func:`raci.letters.choose_set`), or taken as this app's CSV export
records it under the grid (:func:`raci.letters.from_note`). Nothing is
dropped silently: every cell that is not a letter of that set becomes a
warning with its address, and cells marked as not involved (``N``, ``-``)
one warning for all of them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from raci.errors import shown as escaped
from raci.formats import Warnings
from raci.letters import (BUILT_IN, DEFAULT, INVOLVED, LetterSet, UnreadableCell, choose_set, from_note, legend_pairs,
                          mask, read_cell)
from raci.letters.reading import maybe_letters, reads
from raci.model import KNOWN_TITLES, make_id, normalise_title

Row = Sequence[Any]
HEADER_SEARCH_ROWS = 20
SAMPLE_ROWS = 200  # rows below a candidate header that are looked at to score it
CATEGORY_HEADERS = frozenset({"category", "categories", "group", "phase", "area", "stage"})
NON_PERSON_HEADERS = frozenset({"note", "notes", "comment", "comments", "remark", "remarks", "description",
                                "details", "total", "totals", "check", "count", "sum", "status", "id", "#", "a's"})
NAME_LIMIT, TITLE_LIMIT, CATEGORY_LIMIT = 200, 500, 200  # as the team file allows
_KNOWN = frozenset(KNOWN_TITLES)


_LETTERISH: dict[str, bool] = {}  # text -> whether some built-in set reads it as letters; sheets repeat a few
_LETTERISH_LIMIT = 8192
_INVOLVED = mask(*INVOLVED)
_CHOICE_SAMPLE = 5000  # distinct texts a letter set is chosen by


def shown(value: Any, limit: int = 40) -> str:
    """A cell's value as a warning quotes it: one line, spaces collapsed, control characters visible."""
    text = value if isinstance(value, str) else str(value)
    return escaped(" ".join(text.split()), limit)


def is_letter(value: Any, own: LetterSet | None = None) -> bool:
    """Whether a cell holds letters of some built-in set (``R``, ``A/R``, ``S``, ``Driver``), or of ``own``.

    Blank is not, nor a mark for "not involved" (``N``, ``-``), which CAIRO
    reads as its O: a column of marks alone says nobody is there. ``own`` is
    the set this app's CSV export recorded under its grid.
    """
    if type(value) is not str:
        return False
    if own is not None and (reading := reads(value, own)) is not None and reading.cell is not None \
            and own.kinds(reading.cell) & _INVOLVED:
        return True
    known = _LETTERISH.get(value)
    if known is None:
        known = maybe_letters(value) and any(
            (reading := reads(value, letters)) is not None and reading.cell is not None
            and letters.kinds(reading.cell) & _INVOLVED for letters in BUILT_IN)
        if len(_LETTERISH) < _LETTERISH_LIMIT:
            _LETTERISH[value] = known
    return known


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


def find_layout(rows: Sequence[Row], own: LetterSet | None = None) -> Layout | None:
    """The most likely header row, activity column and people columns, or ``None``.

    ``own``: letters beyond the built-in sets' to take as letters (the set this app's CSV recorded).
    """
    best: Layout | None = None
    stats = _ColumnStats(rows[: HEADER_SEARCH_ROWS + SAMPLE_ROWS], own)
    for header in range(min(HEADER_SEARCH_ROWS, len(rows))):
        layout = _layout_at(rows, header, stats, own)
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

    def __init__(self, rows: Sequence[Row], own: LetterSet | None = None) -> None:
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
                self.wordy[column][number + 1] = self.wordy[column][number] + (filled and _is_wordy(value, own))
                self.letters[column][number + 1] = self.letters[column][number] + (filled and is_letter(value, own))

    def width(self, first: int, last: int) -> int:
        return max(self.widths[first:last], default=0)

    @staticmethod
    def count(counts: list[list[int]], column: int, first: int, last: int) -> int:
        """How many of rows ``first`` to ``last - 1`` count in ``column``."""
        if column >= len(counts):
            return 0
        last = min(last, len(counts[column]) - 1)
        return counts[column][last] - counts[column][first] if last > first else 0


def _layout_at(rows: Sequence[Row], header: int, stats: _ColumnStats, own: LetterSet | None) -> Layout | None:
    named = [column for column, value in enumerate(rows[header]) if _is_name(value, own)]
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


def _is_name(value: Any, own: LetterSet | None = None) -> bool:
    return bool(text_of(value)) and not is_letter(value, own)


_TWO_LETTERS = re.compile(r"[^\W\d_].*?[^\W\d_]", re.DOTALL)


def _is_wordy(value: Any, own: LetterSet | None = None) -> bool:
    return _TWO_LETTERS.search(text_of(value)) is not None and not is_letter(value, own)


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
    letter_set: LetterSet = DEFAULT


def read_generic(rows: Sequence[Row], layout: Layout, where: str, recorded: LetterSet | None = None) -> GenericRead:
    """Turn the rows under ``layout`` into people, responsibilities and letters.

    ``recorded``: the letter set the sheet names itself (see :func:`without_note`); otherwise the set is
    chosen from the cells and the legend.
    """
    warnings = Warnings()
    data = rows[layout.header + 1:]
    columns = _person_columns(rows, layout, data, where, warnings, recorded)
    letter_set = recorded or _chosen_set(rows, layout, data, columns, where, warnings)
    marked: list[str] = []
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
        letters = _row_letters(row, number, columns, people, letter_set, where, warnings, marked)
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
    if marked:
        marks = ", ".join(dict.fromkeys(marked))
        warnings.append(f"{where}: {len(marked):,} cell{'s' if len(marked) != 1 else ''} marked as not involved "
                        f"({shown(marks)}) {'were' if len(marked) != 1 else 'was'} left blank.")
    return GenericRead(people, responsibilities, cells, warnings, _sheet_title(rows, layout), letter_set)


def _maybe_legend(text: str) -> bool:
    """Whether a text may spell out letters ("R = Responsible", "S: Support", "Support (S)")."""
    return "=" in text or ":" in text or "(" in text


def without_note(data: Sequence[Row]) -> tuple[Sequence[Row], LetterSet | None]:
    """The rows without the line this app's CSV export writes under the grid to name its letters, and that set."""
    for position in range(len(data) - 1, max(-1, len(data) - 4), -1):  # it is the last line, maybe before blanks
        row = data[position]
        recorded = from_note(row[0], row[1]) if len(row) >= 2 else None
        if recorded is not None:
            kept = list(data[:position])
            while kept and not any(text_of(value) for value in kept[-1]):
                kept.pop()  # the blank line before it
            return kept, recorded
    return data, None


def _chosen_set(rows: Sequence[Row], layout: Layout, data: Sequence[Row], columns: list[tuple[int, str]],
                where: str, warnings: list[str]) -> LetterSet:
    """The letter set the sheet's cells and legend fit best; a sentence says why when it is not RACI."""
    texts = {row[column] for row in data for column, _ in columns if column < len(row) and isinstance(row[column], str)}
    # Sheets repeat their spellings: each distinct text is read once, and only a sample of them when there are
    # more distinct texts than any sheet of letters holds (a million notes is not a matrix to choose letters by).
    letterish = [text for text in itertools.islice(texts, _CHOICE_SAMPLE) if maybe_letters(text)]
    candidates = {value for row in rows for value in row if isinstance(value, str) and _maybe_legend(value)}
    legend = "\n".join(text for value in itertools.islice(candidates, _CHOICE_SAMPLE)
                       for text in (text_of(value),) if len(legend_pairs(text)) >= 2)
    choice = choose_set(letterish, legend)
    if choice.letter_set != DEFAULT:
        warnings.append(f"{where}: read in the letters of {choice.reason}")
    return choice.letter_set


def _person_columns(rows: Sequence[Row], layout: Layout, data: Sequence[Row], where: str,
                    warnings: list[str], own: LetterSet | None = None) -> list[tuple[int, str]]:
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
        letters = sum(is_letter(value, own) for value in values)
        address = cell_address(layout.header, column)
        if name and values and not letters and _looks_like_notes(name, values):
            warnings.append(f"{where}, column {get_column_letter(column + 1)} ('{shown(name)}'): no letters "
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
                 letter_set: LetterSet, where: str, warnings: Warnings, marked: list[str]) -> dict[str, str]:
    """A row's cells in ``letter_set``; not-involved marks go to ``marked``, other unreadable cells to warnings."""
    letters = {}
    for (column, _), person in zip(columns, people):
        if column >= len(row):
            continue
        value = row[column]
        try:
            reading = read_cell(value, letter_set)
        except UnreadableCell:
            warnings.add(lambda: f"{where}, cell {cell_address(number, column)}: '{shown(value)}' is not a "
                                 f"{letter_set.name} letter; left blank.")
            continue
        if reading.cell is not None:
            letters[person["id"]] = reading.cell
        elif reading.not_involved:
            marked.append(text_of(value))
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
