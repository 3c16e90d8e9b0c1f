"""A sheet's cells as detection sees them: a kind per cell, their text, addresses, and a frame that turns.

A grid arrives as rows of values (``str``, ``int``, ``float``, ``bool``,
``datetime`` or ``None``, as openpyxl's ``iter_rows(values_only=True)`` or
Python's csv module give them), rows of any length. :class:`Frame` keeps
only each row's non-blank cells, with their columns and kinds, so a sheet
costs what it holds whatever its width, and turning it (for a sheet whose
people run down the side) is one more pass over those cells.

Each distinct text is classified once (:class:`Classifier`): blank,
letters of some built-in set, an explicit not-involved mark, words, a
number, a date or time, an ID, or TRUE/FALSE.

This app's CSV export of a team in another set than RACI ends with a line
that records the set (:func:`raci.letters.note_cells`). :meth:`Frame.from_grid`
takes that line off the grid and keeps the set as :attr:`Frame.letters`:
a team's own letters then read as letters, and the layout takes that set
rather than guessing one.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from raci.formats.safety import csv_unguard
from raci.formats.xlsx_layout import (
    CATEGORY_MARKER,
    CHECK_MARKER,
    IDS_MARKER,
    NAMES_MARKER,
    ROW_ID_MARKER,
    TITLES_MARKER,
)
from raci.letters import BUILT_IN, LetterSet, from_note, is_builtin, reads
from raci.letters.text import fold


class CellKind(IntEnum):
    """What a cell holds, as far as the layout cares."""

    BLANK = 0
    LETTER = 1  # letters of some built-in set: "R", "A/R", "Responsible", "S"
    MARK = 2  # an explicit "not involved": "N", "-", "/"
    TEXT = 3  # words: a title, a name, a note
    NUMBER = 4
    TIME = 5  # a date, a time, a week or a duration
    CODE = 6  # an ID: "1.2.3", "T-01", "#4", "set-product-vision"
    FLAG = 7  # TRUE or FALSE
    FORMULA = 8  # "=COUNTIF(B8:I8,"A")": a workbook read without its computed values


_NUMBER = re.compile(r"^[-+\u2212]?[$€£¥]?\s?(\d{1,3}([ ,.\u00a0']\d{3})+|\d+)([.,]\d+)?\s?[%$€£¥]?$")
_TIME = re.compile(
    r"^(\d{4}-\d{1,2}-\d{1,2}([ t]\d{1,2}:\d{2}(:\d{2})?)?"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|\d{1,2}:\d{2}(:\d{2})?\s?(am|pm)?"
    r"|(w|wk|week|kw|cw|sem|semaine|semana|sprint|q|quarter|day|month|m|t|j|jour|h)\s?\.?\s?\d{1,3}(\s?\d{4})?"
    r"|\d+([.,]\d+)?\s?(h|hr|hrs|hour|hours|d|day|days|w|wk|wks|week|weeks|month|months|min|mins|minutes|j|jours)"
    r"|(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september"
    r"|oct|october|nov|november|dec|december)\.?\s?\d{2,4})$"
)
_CODE = re.compile(r"^#?[a-z]{0,6}[-_.]?\d+([.\-_/]\d+)*[a-z]?$")
_SLUG = re.compile(r"^#?[a-z0-9]+(?:[-_.][a-z0-9]+)+$")  # an id as programs write them: "set-product-vision"
# The markers this app's own workbook puts beside its hidden ids (see raci.formats.xlsx_layout): ids, not words.
_APP_MARKERS = frozenset({IDS_MARKER, CHECK_MARKER, ROW_ID_MARKER, NAMES_MARKER, TITLES_MARKER, CATEGORY_MARKER})
_NAMEISH = re.compile(r"^[A-Z][a-z]{1,2}$")  # "Di", "Ai": a name more often than letters run together


class Classifier:
    """Gives each value its :class:`CellKind`; each distinct text is read once."""

    def __init__(self, own: LetterSet | None = None) -> None:
        self._memo: dict[str, CellKind] = {}
        self._own = own  # a set beyond the built-in ones whose letters are letters too

    def kind(self, value: Any) -> CellKind:
        if value is None:
            return CellKind.BLANK
        if type(value) is str:
            known = self._memo.get(value)
            if known is None:
                known = self._memo[value] = _text_kind(value, self._own)
            return known
        return _value_kind(value)


def _value_kind(value: Any) -> CellKind:
    if isinstance(value, bool):
        return CellKind.FLAG
    if isinstance(value, float) and math.isnan(value):
        return CellKind.BLANK
    if isinstance(value, (int, float)):
        return CellKind.NUMBER
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        return CellKind.TIME
    return _text_kind(text_of(value))


def _text_kind(value: str, own: LetterSet | None = None) -> CellKind:
    text = text_of(value)
    if not text:
        return CellKind.BLANK
    if value.lstrip().startswith("=") and len(text) > 1:
        return CellKind.FORMULA  # text guarded as "'=..." (as CSV exports write it) is text
    letters = _letter_kind(text, own)
    if letters is not None:
        return letters
    if _NUMBER.match(text):
        return CellKind.NUMBER
    folded = fold(text)
    if folded in ("true", "false", "yes", "no", "x", "✓", "✔"):
        return CellKind.FLAG
    if _TIME.match(folded):
        return CellKind.TIME
    if (_CODE.match(folded) and any(character.isdigit() for character in folded)) or _SLUG.match(text) \
            or text in _APP_MARKERS:
        return CellKind.CODE
    return CellKind.TEXT


def _letter_kind(text: str, own: LetterSet | None = None) -> CellKind | None:
    # "Di" or "Ca" read as letters run together, but are names more often:
    # the layout is found without them, and cells under letters are read
    # with the sheet's letter set afterwards all the same.
    if len(text) > 60:
        return None
    if own is not None and (reading := reads(text, own)) is not None and reading.cell is not None:
        return CellKind.LETTER
    if _NAMEISH.match(text):
        return None
    for letter_set in BUILT_IN:
        reading = reads(text, letter_set)
        if reading is not None:
            return CellKind.MARK if reading.cell is None else CellKind.LETTER
    return None


def text_of(value: Any) -> str:
    """A cell as one line of trimmed text ("" for blank); numbers and dates as a sheet shows them."""
    if value is None:
        return ""
    if type(value) is str:
        return csv_unguard(" ".join(value.split()))
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ", "minutes")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    try:
        return " ".join(str(value).split())
    except Exception:  # noqa: BLE001 - a value whose str() fails is unreadable, not a crash
        return ""


def lines_of(value: Any) -> str:
    """A cell's text with its line breaks kept (for descriptions and notes), each line trimmed."""
    if type(value) is not str:
        return text_of(value)
    lines = [" ".join(line.split()) for line in value.strip().splitlines()]
    return csv_unguard("\n".join(line for line in lines if line))


def runs(numbers: Iterable[int]) -> list[list[int]]:
    """Ascending numbers in runs of consecutive ones: [1, 2, 3, 7] -> [[1, 2, 3], [7]]."""
    found: list[list[int]] = []
    for number in numbers:
        if found and number == found[-1][-1] + 1:
            found[-1].append(number)
        else:
            found.append([number])
    return found


def column_name(column: int) -> str:
    """``"D"`` for 0-based column 3, ``"AA"`` for 26."""
    name = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name


def address(row: int, column: int) -> str:
    """``"D7"`` for 0-based (6, 3)."""
    return f"{column_name(column)}{row + 1}"


@dataclass(frozen=True, slots=True)
class Line:
    """One row of a frame: its non-blank cells, by ascending column."""

    columns: array[int]
    values: tuple[Any, ...]
    kinds: bytes

    def index(self, column: int) -> int:
        """Where ``column`` sits among this row's cells, or -1 when the cell is blank."""
        at = bisect.bisect_left(self.columns, column)
        return at if at < len(self.columns) and self.columns[at] == column else -1

    def value(self, column: int | None) -> Any:
        at = -1 if column is None else self.index(column)
        return None if at < 0 else self.values[at]

    def kind(self, column: int | None) -> CellKind:
        at = -1 if column is None else self.index(column)
        return CellKind.BLANK if at < 0 else CellKind(self.kinds[at])


EMPTY_LINE = Line(array("l"), (), b"")


def _recorded_set(lines: Sequence[Line]) -> LetterSet | None:
    """The set the last line records, when it is the two cells this app's CSV export writes under its grid."""
    if not lines:
        return None
    last = lines[-1]
    if tuple(last.columns) != (0, 1):
        return None
    return from_note(*last.values)


def _reclassified(line: Line, classifier: Classifier) -> Line:
    if not line.columns:
        return line
    return Line(line.columns, line.values, bytes(classifier.kind(value) for value in line.values))


@dataclass(frozen=True)
class Frame:
    """A grid's non-blank cells by row; ``turned`` when rows and columns were swapped; ``letters``: the set the
    grid records under itself (see the module docstring)."""

    lines: tuple[Line, ...]
    width: int
    turned: bool = False
    letters: LetterSet | None = None

    @classmethod
    def from_grid(cls, grid: Iterable[Sequence[Any] | None] | Frame, classifier: Classifier | None = None) -> Frame:
        """The grid's non-blank cells, each classified (a grid given as a frame is returned as it is)."""
        if isinstance(grid, Frame):
            return grid
        lines, width = [], 0
        classifier = classifier or Classifier()
        kind, known = classifier.kind, classifier._memo  # noqa: SLF001 - the hot loop reads the memo itself
        for row in grid:
            columns, values, kinds = array("l"), [], bytearray()
            for column, value in enumerate(row or ()):
                if value is None:
                    continue
                found = known.get(value) if type(value) is str else None
                if found is None:
                    found = kind(value)
                if found:
                    columns.append(column)
                    values.append(value)
                    kinds.append(found)
            if columns:
                width = max(width, columns[-1] + 1)
                lines.append(Line(columns, tuple(values), bytes(kinds)))
            else:
                lines.append(EMPTY_LINE)
        while lines and lines[-1] is EMPTY_LINE:
            lines.pop()
        recorded = _recorded_set(lines)
        if recorded is None:
            return cls(tuple(lines), width)
        lines.pop()  # the record, then the blank line above it
        while lines and lines[-1] is EMPTY_LINE:
            lines.pop()
        if not is_builtin(recorded):  # a team's own letters: read every text again, knowing them
            own = Classifier(recorded)
            lines = [_reclassified(line, own) for line in lines]
        width = max((line.columns[-1] + 1 for line in lines if line.columns), default=0)
        return cls(tuple(lines), width, letters=recorded)

    @property
    def height(self) -> int:
        return len(self.lines)

    def turn(self) -> Frame:
        """The same cells with rows and columns swapped, in one pass."""
        columns: list[array[int]] = [array("l") for _ in range(self.width)]
        values: list[list[Any]] = [[] for _ in range(self.width)]
        kinds = [bytearray() for _ in range(self.width)]
        for number, line in enumerate(self.lines):
            for column, value, kind in zip(line.columns, line.values, line.kinds, strict=True):
                columns[column].append(number)
                values[column].append(value)
                kinds[column].append(kind)
        lines = tuple(Line(columns[c], tuple(values[c]), bytes(kinds[c])) if columns[c] else EMPTY_LINE
                      for c in range(self.width))
        return Frame(lines, self.height, not self.turned, self.letters)

