"""Finding a sheet's layout: where the matrix is, which way round, what every row and column holds.

The steps, each linear in the sheet's non-blank cells:

1. Every cell gets a kind (:mod:`.cells`) and every column a profile
   (:mod:`.columns`).
2. **Inverted?** A row whose cells read as two or more different single
   letters (``R``, ``A``, ``Responsable``...) over columns that hold mostly
   words below, more words than the letters the rest of the sheet holds,
   heads an inverted sheet: the names in those columns are the people.
3. Otherwise the **letter columns** (at least one letter, and no more
   words below the first one than letters and marks) give the **header**
   (:mod:`.header`), the data rows under it and the column profiles over
   those rows.
4. Columns split into blocks at fully blank columns; the block with the
   most letters is the matrix. Another block headed "Key" or "Legend",
   spelling two or more symbol-and-word pairs, or listing distinct letters
   under no header is a **legend**; in the matrix block a column headed
   like a legend is one too, with the unheaded columns right after it.
5. Columns (:mod:`.columns`) and rows (:mod:`.rows`) get their roles; the
   letter set is the one the sheet records under its grid (this app's CSV
   export, :attr:`.cells.Frame.letters`), else chosen from the distinct
   texts under the people and the legend (:func:`raci.letters.choose_set`).
6. **Transposed?** Scored from the header rows' corner cells (+1.5 if they
   name people, "Person", "Role"; -1.5 if they name tasks) plus how much more the row
   titles read like people than the column headers do
   (:func:`.people.person_likeness`: known titles +2, one to three
   capitalised words +1, a task verb first -1.5, four words or more -1,
   digits or a colon -0.5). At 1 or more the sheet is read turned.
7. The **team name** is the first words above the header that are not a
   header word, a letter or a legend ("Responsible", "Letter" are never
   names), else the sheet's name unless it is a default like "Sheet1".
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from itertools import islice
from statistics import fmean
from typing import Any

from raci.formats.sheet_detect.cells import CellKind, Frame, text_of
from raci.formats.sheet_detect.columns import ColumnFacts, Profile, assign_columns, profile_columns
from raci.formats.sheet_detect.header import HeaderBlock, find_header
from raci.formats.sheet_detect.layout import ColumnPlan, ColumnRole, Layout, LayoutNotFound, Orientation, RowRole
from raci.formats.sheet_detect.legend import is_legend_row, legend_columns, legend_text_of
from raci.formats.sheet_detect.people import person_likeness
from raci.formats.sheet_detect.rows import RowFacts, RowResult, assign_rows
from raci.formats.sheet_detect.words import (
    CATEGORY_WORDS,
    DESCRIPTION_WORDS,
    GENERIC_NAMES,
    LEGEND_HEADER_WORDS,
    LEGEND_WORDS,
    NOT_PERSON_WORDS,
    NOTES_WORDS,
    PERSON_WORDS,
    TITLE_WORDS,
    is_generic_sheet_name,
    is_one_of,
    mentions,
    words_of,
)
from raci.formats.xlsx_layout import CATEGORY_MARKER, NAMES_MARKER, ROW_ID_MARKER
from raci.letters import BUILT_IN, LetterSet, choose_set, reads

TRANSPOSE_AT = 1.0
LABEL_SAMPLE = 200  # labels per axis that the transposed score reads
NAME_LIMIT = 200
_NOT_NAMES = (TITLE_WORDS, LEGEND_WORDS, LEGEND_HEADER_WORDS, PERSON_WORDS, GENERIC_NAMES)
_NOT_PEOPLE = (CATEGORY_WORDS, DESCRIPTION_WORDS, NOTES_WORDS, LEGEND_WORDS, NOT_PERSON_WORDS)


def detect_layout(grid: Iterable[Sequence[Any] | None] | Frame, sheet: str = "", *,
                  orientation: Orientation | None = None) -> Layout:
    """The layout of a grid (rows of cell values, or a :class:`Frame` made once with :func:`prepare` to read it
    several times); ``orientation`` forces one. Raises :class:`LayoutNotFound`."""
    return detect_in(Frame.from_grid(grid), sheet, orientation)


def detect_in(frame: Frame, sheet: str, orientation: Orientation | None = None) -> Layout:
    """:func:`detect_layout` for a grid already made a :class:`Frame`."""
    if not frame.height:
        raise LayoutNotFound(sheet, "is empty")
    if orientation in (None, Orientation.INVERTED):
        found = _inverted(frame, sheet)
        if found is not None:
            return found
        if orientation is Orientation.INVERTED:
            raise LayoutNotFound(sheet, "has no row of letters (R, A, C, I) with people's names under them")
    if orientation is Orientation.TRANSPOSED:
        return _normal(frame.turn(), sheet, Orientation.TRANSPOSED)
    layout = _normal(frame, sheet, Orientation.NORMAL)
    if orientation is None and transposed_score(frame, layout) >= TRANSPOSE_AT:
        try:
            return _normal(frame.turn(), sheet, Orientation.TRANSPOSED)
        except LayoutNotFound:
            return layout
    return layout


# --------------------------------------------------------------- normal sheets
def _normal(frame: Frame, sheet: str, orientation: Orientation) -> Layout:
    letter_columns = _letter_columns(frame)
    if not letter_columns:
        return _without_letters(frame, sheet, orientation)
    header = find_header(frame, letter_columns)
    profiles = profile_columns(frame, range(header.start, header.end))
    named = _header_texts(frame, header.names)
    # A column of marks only ("N" all the way down) is a person involved in nothing, when named.
    people = [column for column, profile in sorted(profiles.items())
              if (profile.counts[CellKind.LETTER] or (profile.counts[CellKind.MARK] and column in named))
              and profile.letters >= profile.text]
    return _finish(frame, sheet, orientation, header, profiles, people, ColumnRole.PERSON)


def _letter_columns(frame: Frame) -> set[int]:
    """Columns with a letter, and no more words below their first letter than letters and marks."""
    letters: dict[int, int] = {}
    words: dict[int, int] = {}
    for line in frame.lines:
        for column, kind in zip(line.columns, line.kinds, strict=True):
            if kind == CellKind.LETTER or (kind == CellKind.MARK and column in letters):
                letters[column] = letters.get(column, 0) + 1
            elif kind == CellKind.TEXT and column in letters:
                words[column] = words.get(column, 0) + 1
    return {column for column, count in letters.items() if count >= words.get(column, 0)}


def _without_letters(frame: Frame, sheet: str, orientation: Orientation) -> Layout:
    """A matrix nobody holds a letter in yet, or with nobody on it: the header is the first row of two
    words or more naming the titles' column ("Task"), else the first row of two words or more."""
    wordy = [number for number, line in enumerate(frame.lines) if line.kinds.count(CellKind.TEXT) >= 2]
    titled = [number for number in wordy if any(
        kind == CellKind.TEXT and is_one_of(text_of(value), TITLE_WORDS)
        for value, kind in zip(frame.lines[number].values, frame.lines[number].kinds, strict=True))]
    if wordy:
        number = titled[0] if titled else wordy[0]
        header = HeaderBlock((number,), number, number + 1, frame.height)
        profiles = profile_columns(frame, range(header.start, header.end))
        texts = [column for column, profile in sorted(profiles.items()) if profile.holds_text]
        line = frame.lines[number]
        named = [column for column, value, kind in zip(line.columns, line.values, line.kinds, strict=True)
                 if kind == CellKind.TEXT and not any(is_one_of(text_of(value), words) for words in _NOT_PEOPLE)]
        people = [column for column in named if texts and column > texts[0] and column not in profiles]
        if texts and (people or titled):
            return _finish(frame, sheet, orientation, header, profiles, people, ColumnRole.PERSON)
    raise LayoutNotFound(sheet, "has no letters (R, A, C, I) and no row of names above responsibilities")


def _finish(frame: Frame, sheet: str, orientation: Orientation, header: HeaderBlock,
            profiles: Mapping[int, Profile], assigned: list[int], role: ColumnRole) -> Layout:
    """Columns, rows, legend, letter set and team name, once the header and the assigned columns are known."""
    headers = _header_texts(frame, header.names)
    table = sorted(set(profiles) | set(headers))
    legend = legend_columns(frame, header, table, headers, profiles)
    facts = ColumnFacts(profiles, headers, assigned, role, legend, table)
    plans = assign_columns(facts)
    if plans is None:
        raise LayoutNotFound(sheet, "has letters but no column of responsibilities beside them")
    by_role = {plan.index: plan.role for plan in plans}
    title = next(index for index, found in by_role.items() if found is ColumnRole.TITLE)
    mine = frozenset(index for index, found in by_role.items() if found is role)
    rows = assign_rows(RowFacts(
        frame, header.start, header.end, mine, role is ColumnRole.LETTER, title,
        ColumnRole.CATEGORY in by_role.values(),
        frozenset(index for index, found in by_role.items() if found not in (role, ColumnRole.LEGEND)) - {title},
        tuple(words_of(headers[index]) for index in sorted(mine) if headers.get(index)), _marked(frame, header)))
    roles = _all_rows(frame, header, rows)
    legend_text = legend_text_of(frame, roles, legend)
    if frame.letters is not None:  # the sheet says which letters it holds
        letter_set, reason = frame.letters, f"{frame.letters.name}: as the sheet records it under the grid."
    else:
        choice = choose_set([headers[index] for index in sorted(mine)] if role is ColumnRole.LETTER
                            else rows.cell_texts, legend_text)
        letter_set, reason = choice.letter_set, choice.reason
    if role is ColumnRole.LETTER:
        plans = _with_letters(plans, letter_set)
    return Layout(sheet, orientation, header.rows, header.names, plans, roles, letter_set, reason,
                  _team_name(frame, roles, header.top, sheet), legend_text)


def _marked(frame: Frame, header: HeaderBlock) -> frozenset[int] | None:
    """The data rows (by offset) this app's own workbook marks as categories; ``None`` in any other sheet."""
    marked, ours = set(), False
    for offset, line in enumerate(frame.lines[header.start:header.end]):
        for value, kind in zip(line.values, line.kinds, strict=True):
            if kind == CellKind.CODE and value == CATEGORY_MARKER:
                marked.add(offset)
            ours = ours or (kind == CellKind.CODE and value == ROW_ID_MARKER)
    header_cells = (value for number in header.rows for value in frame.lines[number].values)
    ours = ours or any(value in (ROW_ID_MARKER, NAMES_MARKER) for value in header_cells)
    return frozenset(marked) if ours or marked else None


def _header_texts(frame: Frame, names: int | None) -> dict[int, str]:
    if names is None:
        return {}
    line = frame.lines[names]
    return {column: text for column, value in zip(line.columns, line.values, strict=True) if (text := text_of(value))}


def _all_rows(frame: Frame, header: HeaderBlock, rows: RowResult) -> tuple[RowRole, ...]:
    """Every row's role: the data rows' as assigned, the header's, the title block's; after the data, skipped."""
    roles = []
    headers = set(header.rows)
    for number, line in enumerate(frame.lines):
        if header.start <= number < header.end:
            roles.append(rows.roles[number - header.start])
        elif not line.columns:
            roles.append(RowRole.BLANK)
        elif number in headers:
            roles.append(RowRole.HEADER)
        elif number < header.top:
            texts = [text for text in map(text_of, line.values) if text]
            roles.append(RowRole.LEGEND if is_legend_row(texts) else RowRole.TITLE)
        else:
            roles.append(RowRole.SKIPPED)
    return tuple(roles)


# --------------------------------------------------------------- inverted sheets
def _inverted(frame: Frame, sheet: str) -> Layout | None:
    below = _Below(frame)
    singles: dict[str, str | None] = {}
    for number, line in enumerate(frame.lines):
        if line.kinds.count(CellKind.LETTER) < 2:
            continue
        symbols = {}
        for column, value, kind in zip(line.columns, line.values, line.kinds, strict=True):
            if kind == CellKind.LETTER:
                single = singles.get(value, "")
                if single == "":
                    single = singles[value] = _single_letter(text_of(value))
                if single:
                    symbols[column] = single
        if len(set(symbols.values())) < 2 or not below.may_hold_names(symbols) or below.letters_above(symbols, number):
            continue
        words = {column: below.count(below.words, column, number) for column in symbols}
        named = [column for column in symbols if words[column] > below.count(below.letters, column, number)]
        names = sum(words[column] for column in named)
        elsewhere = below.total_letters - sum(below.letter_count.get(column, 0) for column in symbols)
        if 3 * len(named) >= 2 * len(symbols) and names >= 2 and names > elsewhere:
            header = HeaderBlock((number,), number, number + 1, frame.height)
            profiles = profile_columns(frame, range(header.start, header.end))
            return _finish(frame, sheet, Orientation.INVERTED, header, profiles, sorted(symbols), ColumnRole.LETTER)
    return None


class _Below:
    """Words and letters per column, counted in one pass; the rows holding them listed when first asked."""

    def __init__(self, frame: Frame) -> None:
        self._frame = frame
        self._lists: tuple[dict[int, list[int]], dict[int, list[int]]] | None = None
        self.word_count: dict[int, int] = {}
        self.letter_count: dict[int, int] = {}
        for line in frame.lines:
            for column, kind in zip(line.columns, line.kinds, strict=True):
                if kind == CellKind.TEXT:
                    self.word_count[column] = self.word_count.get(column, 0) + 1
                elif kind == CellKind.LETTER:
                    self.letter_count[column] = self.letter_count.get(column, 0) + 1
        self.total_letters = sum(self.letter_count.values())

    def may_hold_names(self, columns: Iterable[int]) -> bool:
        """A quick first look: do these columns hold words at all, in any number near their letters?"""
        words = sum(self.word_count.get(column, 0) for column in columns)
        letters = sum(self.letter_count.get(column, 0) for column in columns)
        return words >= 2 and 2 * words > letters

    def letters_above(self, columns: Iterable[int], number: int) -> bool:
        """Whether any of these columns holds a letter above row ``number``: an inverted sheet's row of letters
        heads its columns, so a row of letters under other letters is a lettered row of a normal sheet."""
        return any(self.letter_count.get(column, 0) - self.count(self.letters, column, number) > 1
                   for column in columns)

    @property
    def words(self) -> dict[int, list[int]]:
        return self._rows()[0]

    @property
    def letters(self) -> dict[int, list[int]]:
        return self._rows()[1]

    def _rows(self) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
        if self._lists is None:
            words: dict[int, list[int]] = {}
            letters: dict[int, list[int]] = {}
            for number, line in enumerate(self._frame.lines):
                for column, kind in zip(line.columns, line.kinds, strict=True):
                    if kind == CellKind.TEXT:
                        words.setdefault(column, []).append(number)
                    elif kind == CellKind.LETTER:
                        letters.setdefault(column, []).append(number)
            self._lists = words, letters
        return self._lists

    @staticmethod
    def count(rows: Mapping[int, list[int]], column: int, number: int) -> int:
        held = rows.get(column, [])
        return len(held) - bisect.bisect_right(held, number)


def _single_letter(text: str) -> str | None:
    for letter_set in BUILT_IN:
        reading = reads(text, letter_set)
        if reading is not None and reading.cell is not None and "/" not in reading.cell:
            return reading.cell
    return None


def _with_letters(plans: tuple[ColumnPlan, ...], letter_set: LetterSet) -> tuple[ColumnPlan, ...]:
    """An inverted sheet's letter columns with the letter each gives, read in the chosen set."""
    done = []
    for plan in plans:
        if plan.role is ColumnRole.LETTER:
            reading = reads(plan.header, letter_set)
            if reading is None or reading.cell is None:
                plan = ColumnPlan(plan.index, ColumnRole.SKIPPED, plan.header, f"is no letter of {letter_set.name}")
            else:
                plan = ColumnPlan(plan.index, plan.role, plan.header, plan.reason, reading.cell)
        done.append(plan)
    return tuple(done)


# --------------------------------------------------------------- orientation and name
def transposed_score(frame: Frame, layout: Layout) -> float:
    """How strongly a layout read the normal way looks like people down the side (see step 6)."""
    title = layout.title_column
    # Every header row's corner: "Person" over "Responsibility" (names, then titles, as this app's own
    # workbook labels them) says nothing either way; "Person" alone says the people run down the side.
    first = next(iter(layout.rows_with(RowRole.RESPONSIBILITY)), len(layout.rows))
    corner = " ".join(text_of(frame.lines[number].value(title)) for number in layout.rows_with(RowRole.HEADER)
                      if number < first)
    score = 1.5 * mentions(corner, PERSON_WORDS) - 1.5 * mentions(corner, TITLE_WORDS)
    titles = [text for number in islice(layout.rows_with(RowRole.RESPONSIBILITY), LABEL_SAMPLE)
              if (text := text_of(frame.lines[number].value(title)))]
    names = [plan.header for plan in islice(layout.columns_with(ColumnRole.PERSON), LABEL_SAMPLE) if plan.header]
    if titles and names:
        score += fmean(map(person_likeness, titles)) - fmean(map(person_likeness, names))
    return score


def _team_name(frame: Frame, roles: Sequence[RowRole], top: int, sheet: str) -> str:
    for number in range(top):
        if roles[number] is not RowRole.TITLE:
            continue
        line = frame.lines[number]
        for value, kind in zip(line.values, line.kinds, strict=True):
            text = text_of(value)
            if kind == CellKind.TEXT and len(text) >= 2 and not any(is_one_of(text, words) for words in _NOT_NAMES):
                return text[:NAME_LIMIT]
    return sheet[:NAME_LIMIT] if sheet and not is_generic_sheet_name(sheet) else ""
