"""Finding the header: the row of names above the letters, and the rows that belong with it.

Only the *letter columns* matter here: columns with at least one letter
and no more words below it than letters and marks (a person's column,
whatever else the sheet holds). A row is *header-like* when it has words (not
letters) over at least two of them (one if there are only one or two),
more words than letters; it is a *strong* header when its words cover at
least 80% as many letter columns as the best header-like row's do, and it
does not follow rows with letters without a blank row between, so a row of
notes typed under the people ("TBD", "?") never passes for a header.

Strong headers cut the sheet into segments; the header is the strong row
whose segment holds the most rows with letters (the earliest on a tie, a
real header before none). A strong row repeating an earlier header's
names (a sheet printed on several pages) does not cut. The header rows are
the header-like rows touching the chosen one, and rows under it, above
the letters, that label the titles' column ("Responsibility"); among them the names are in
a row that is not all roles ("Product Manager", "QA"), with the most
distinct words, then the more capitalised words (not a row of ids like
"ann-lee"), then the top one, so a second row of groups or
roles under the names, or a row of departments above them written once
per group, is a header row but not the names.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from raci.formats.sheet_detect.cells import CellKind, Frame, Line, text_of
from raci.formats.sheet_detect.people import titles_in
from raci.formats.sheet_detect.words import TITLE_WORDS, is_one_of

_LETTERISH = (CellKind.LETTER, CellKind.MARK)


@dataclass(frozen=True)
class HeaderBlock:
    """The header rows, the names row among them, and the data rows they head (``start`` to ``end``)."""

    rows: tuple[int, ...]
    names: int | None
    start: int
    end: int

    @property
    def top(self) -> int:
        return self.rows[0] if self.rows else self.start


def find_header(frame: Frame, letter_columns: Set[int]) -> HeaderBlock:
    """The header over the letter columns (see the module docstring)."""
    height = frame.height
    letters, words = [0] * height, [0] * height
    for number, line in enumerate(frame.lines):
        for column, kind in zip(line.columns, line.kinds, strict=True):
            if column in letter_columns:
                if kind in _LETTERISH:
                    letters[number] += 1
                elif kind == CellKind.TEXT:
                    words[number] += 1
    need = 1 if len(letter_columns) <= 2 else 2
    headerish = [count >= need and count > held for count, held in zip(words, letters, strict=True)]
    strongest = max((count for count, flag in zip(words, headerish, strict=True) if flag), default=0)
    strong = [flag and 5 * count >= 4 * strongest and not within for count, flag, within
              in zip(words, headerish, _within_letters(frame, letters), strict=True)]
    counts, cuts = _segments(frame, letter_columns, letters, strong)
    best = max(counts, key=lambda row: (counts[row], row >= 0, -row))
    end = next((cut for cut in cuts if cut > best), height)
    if best < 0:
        start = next((number for number in range(end) if letters[number]), 0)
        return HeaderBlock((), None, start, end)
    top, bottom = best, best
    while top > 0 and headerish[top - 1]:
        top -= 1
    while bottom + 1 < end and not letters[bottom + 1] and (
            headerish[bottom + 1] or _labels_titles(frame.lines[bottom + 1])):
        bottom += 1
    rows = tuple(range(top, bottom + 1))
    names = max(rows, key=lambda row: (*_names_score(frame.lines[row], letter_columns), -row))
    return HeaderBlock(rows, names, bottom + 1, end)


def _within_letters(frame: Frame, letters: list[int]) -> list[bool]:
    """Whether each row comes after a row with letters with no blank row between: a row of words there is
    a row of notes ("TBD", "?") in the matrix, not the header of another one."""
    within, after = [], False
    for number, line in enumerate(frame.lines):
        within.append(after and not letters[number])
        after = (after or bool(letters[number])) and bool(line.columns)
    return within


def _segments(frame: Frame, letter_columns: Set[int], letters: list[int],
              strong: list[bool]) -> tuple[dict[int, int], list[int]]:
    """Lettered rows after each strong header (-1: before any), and the rows where segments start."""
    counts, cuts = {-1: 0}, []
    seen: set[tuple[tuple[int, str], ...]] = set()
    current = -1
    for number, line in enumerate(frame.lines):
        if strong[number]:
            signature = _signature(line, letter_columns)
            if signature not in seen:
                seen.add(signature)
                current = number
                counts[number] = 0
                cuts.append(number)
                continue
        if letters[number]:
            counts[current] += 1
    return counts, cuts


def _signature(line: Line, letter_columns: Set[int]) -> tuple[tuple[int, str], ...]:
    cells = zip(line.columns, line.values, line.kinds, strict=True)
    return tuple((column, text_of(value).casefold()) for column, value, kind in cells
                 if column in letter_columns and kind == CellKind.TEXT)


def _labels_titles(line: Line) -> bool:
    """Whether a row under the names labels the titles' column ("Responsibility", "Task"): a header row too."""
    return any(kind == CellKind.TEXT and is_one_of(text_of(value), TITLE_WORDS)
               for value, kind in zip(line.values, line.kinds, strict=True))


def _names_score(line: Line, letter_columns: Set[int]) -> tuple[bool, int, int]:
    """How well a header row names people: whether its words are more than titles, then how many distinct
    words it has, then how many are capitalised as names are."""
    words = [text_of(value) for column, value, kind in zip(line.columns, line.values, line.kinds, strict=True)
             if column in letter_columns and kind == CellKind.TEXT]
    capitalised = sum(1 for word in words if word[:1].isupper())
    return not all(titles_in(word) for word in words), len({word.casefold() for word in words}), capitalised
