"""Reading a grid by a layout: the people, the rows, their letters, their catalog links, and the warnings.

:func:`read_sheet` applies a :class:`~raci.formats.sheet_detect.layout.Layout`
(found by :func:`~raci.formats.sheet_detect.detect.detect_layout` or
corrected by a person) to the grid in one pass over its rows and gives a
:class:`SheetRead`: plain, frozen data a preview can show and
:func:`raci.formats.sheet_detect.team.to_team` turns into a team. Cells are
the letter set's canonical cells (``"A/R"``, ``"R/C"``, ``"S"``), read with
:func:`raci.letters.read_cell`, each distinct text once.

Nothing is dropped without a warning (:mod:`.warnings`): skipped columns
and rows, unreadable cells, letters of another set, rows with letters but
no title, header rows that are not titles, text cut to the team file's
limits. Explicit not-involved marks are counted in one warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from raci.catalog import Catalog
from raci.catalog_match import CatalogMatcher, matcher_for
from raci.formats.sheet_detect.cells import CellKind, Frame, Line, lines_of, text_of
from raci.formats.sheet_detect.columns import EMPTY
from raci.formats.sheet_detect.layout import ColumnRole, Layout, RowRole
from raci.formats.sheet_detect.people import TITLE_LIMIT as PERSON_TITLE_LIMIT
from raci.formats.sheet_detect.people import person_from_header, titles_in
from raci.formats.sheet_detect.warnings import ImportWarning, WarningKind, WarningLog
from raci.formats.sheet_detect.words import is_one_of
from raci.letters import Cell, Reading, UnreadableCell, read_cell
from raci.model import Side

NAME_LIMIT, TITLE_LIMIT, CATEGORY_LIMIT, DESCRIPTION_LIMIT = 200, 500, 200, 5000  # as the team file allows
_LETTERISH = (CellKind.LETTER, CellKind.MARK)
_ROLE_LABELS = frozenset({"role", "roles", "title", "titles", "position", "function", "job title", "job"})
_NAME_SEPARATORS = re.compile(r"(?i)\s*(?:[,;/&+\n]|\band\b|\bet\b|\bund\b)\s*")


@dataclass(frozen=True, slots=True)
class ImportedPerson:
    """A person read from the sheet; ``column`` is their column, or -1 when an inverted sheet named them."""

    name: str
    titles: tuple[str, ...] = ()
    column: int = -1


@dataclass(frozen=True, slots=True)
class ImportedRow:
    """A responsibility read from the sheet; ``cells`` pairs a person's position with the cell."""

    title: str
    row: int
    category: str = ""
    description: str = ""
    cells: tuple[tuple[int, Cell], ...] = ()
    side: Side = Side.OTHER
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # the catalog entries it matched
    exact: bool = False  # matched the catalog exactly (after normalising)


@dataclass(frozen=True)
class SheetRead:
    """Everything a sheet gave by its layout, ready to become a team."""

    layout: Layout
    people: tuple[ImportedPerson, ...]
    rows: tuple[ImportedRow, ...]
    warnings: tuple[ImportWarning, ...]
    notes: str = ""  # the title block's other lines, for the team's description

    @property
    def matched(self) -> int:
        """How many rows are linked to a catalog entry."""
        return sum(1 for row in self.rows if row.sources)

    def summary(self) -> str:
        """One sentence: what was read, in which letters, and how many rows matched the catalog."""
        where = f"Sheet {self.layout.sheet}" if self.layout.sheet else "the sheet"
        cells = sum(len(row.cells) for row in self.rows)
        return (f"Read {_count(len(self.rows), 'responsibility', 'responsibilities')}, "
                f"{_count(len(self.people), 'person', 'people')} and {_count(cells, 'cell', 'cells')} from {where} "
                f"({self.layout.letter_set.name} letters); {self.matched:,} of {len(self.rows):,} rows matched "
                "the catalog.")


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def read_sheet(grid: Iterable[Sequence[Any] | None] | Frame, layout: Layout,
               catalog: Catalog | CatalogMatcher | None = None) -> SheetRead:
    """Read ``grid`` (or its :func:`prepare`'d frame) by ``layout``; rows are linked to ``catalog``'s entries
    where their titles match."""
    frame = Frame.from_grid(grid)
    if layout.turned != frame.turned:
        frame = frame.turn()
    matcher = matcher_for(catalog) if isinstance(catalog, Catalog) else catalog
    log = WarningLog(layout.address)
    reader = _RowReader(frame, layout, matcher, log)
    rows = reader.read()
    _column_warnings(layout, log)
    return SheetRead(layout, tuple(reader.people), tuple(rows), log.warnings(), _title_block(frame, layout))


class _RowReader:
    """One pass over the rows: categories carried down, cells read, titles matched."""

    def __init__(self, frame: Frame, layout: Layout, matcher: CatalogMatcher | None, log: WarningLog) -> None:
        self.frame, self.layout, self.matcher, self.log = frame, layout, matcher, log
        self.title = layout.title_column
        self.inverted = bool(layout.columns_with(ColumnRole.LETTER))
        self.readings: dict[str, Reading | UnreadableCell] = {}
        self.people: list[ImportedPerson] = []
        self.known: dict[str, int] = {}  # an inverted sheet's folded name -> position
        self.place: dict[int, int] = {}  # person column -> position
        self.letters = {plan.index: plan.letter for plan in layout.columns_with(ColumnRole.LETTER)}
        categories = [plan.index for plan in layout.columns_with(ColumnRole.CATEGORY)]
        # A sheet that gives categories gives them all: a row it leaves without one is no row to file by the catalog.
        self.has_categories = bool(categories or layout.rows_with(RowRole.CATEGORY))
        self.carried = {column: "" for column in categories if self.title is None or column < self.title}
        self.own_category = [column for column in categories if column not in self.carried]
        self.texts = [(plan.index, plan.role is ColumnRole.NOTES and plan.header)
                      for plan in layout.columns_with(ColumnRole.DESCRIPTION, ColumnRole.NOTES)]
        if not self.inverted:
            self._header_people()

    # ------------------------------------------------------------ people
    def _header_people(self) -> None:
        layout, seen = self.layout, dict[str, list[int]]()
        for plan in layout.columns_with(ColumnRole.PERSON):
            row = layout.names_row if layout.names_row is not None else 0
            if plan.header:
                name, titles = person_from_header(plan.header)
            else:
                name, titles = f"Person in {layout.column_label(plan.index)}", ()
                self.log.add(WarningKind.UNNAMED_PERSON, row, plan.index)
            folded = name.casefold()
            seen.setdefault(folded, []).append(plan.index)
            self.place[plan.index] = len(self.people)
            self.people.append(ImportedPerson(self._cut(name, NAME_LIMIT, row, plan.index), titles, plan.index))
        for columns in seen.values():
            for column in columns if len(columns) > 1 else ():
                self.log.add(WarningKind.SAME_NAME, row, column, self.people[self.place[column]].name)
        for header in layout.header_rows:
            if header != layout.names_row and header < self.frame.height:
                self._titles_from(header)

    def _titles_from(self, number: int) -> None:
        """A second header row under the people: their titles when it holds roles, else a warning."""
        line = self.frame.lines[number]
        under = {column: text for column, value in zip(line.columns, line.values, strict=True)
                 if column in self.place and (text := text_of(value))}
        if not under:
            return
        label = text_of(line.value(self.title))
        titles = {column: titles_in(text) for column, text in under.items()}
        if is_one_of(label, _ROLE_LABELS) or all(titles.values()):
            for column, text in under.items():
                person = self.people[self.place[column]]
                held = titles[column] or (text[:PERSON_TITLE_LIMIT],)
                merged = tuple(dict.fromkeys((*person.titles, *held)))
                self.people[self.place[column]] = ImportedPerson(person.name, merged, column)
            return
        key = f"{self.layout.row_label(number).capitalize()}" + (f" ('{label}')" if label else "")
        for column, text in under.items():
            self.log.add(WarningKind.HEADER_ROW, number, column, key, text)

    def _person(self, name: str, row: int, column: int) -> int:
        """An inverted sheet's person by name, added the first time they are named."""
        name, titles = person_from_header(name)
        folded = " ".join(name.casefold().split())
        if folded not in self.known:
            self.known[folded] = len(self.people)
            self.people.append(ImportedPerson(self._cut(name, NAME_LIMIT, row, column), titles))
        return self.known[folded]

    # ------------------------------------------------------------ rows
    def read(self) -> list[ImportedRow]:
        rows, heading = [], ""
        for number, role in enumerate(self.layout.rows):
            line = self.frame.lines[number] if number < self.frame.height else None
            if line is None:
                continue
            if role is RowRole.CATEGORY:
                heading = text_of(line.value(self.title)) or next(filter(None, map(text_of, line.values)), "")
                continue
            if role is not RowRole.RESPONSIBILITY:
                if role is RowRole.SKIPPED and line.columns:
                    held = any(column in self.letters or (column in self.place and kind in _LETTERISH)
                               for column, kind in zip(line.columns, line.kinds, strict=True))
                    self.log.add(WarningKind.SKIPPED_ROW, number, line.columns[0],
                                 "with letters" if held else "without letters", text_of(line.values[0]))
                continue
            for column in self.carried:
                self.carried[column] = text_of(line.value(column)) or self.carried[column]
            row = self._row(number, line, heading)
            if row is not None:
                rows.append(row)
        return rows

    def _row(self, number: int, line: Line, heading: str) -> ImportedRow | None:
        cells = self._inverted_cells(number, line) if self.inverted else self._cells(number, line)
        title = text_of(line.value(self.title))
        where = self.title if self.title is not None else 0
        if not title:
            if cells:
                self.log.add(WarningKind.NO_TITLE, number, where)
            elif line.columns:
                self.log.add(WarningKind.SKIPPED_ROW, number, where, "without a title", text_of(line.values[0]))
            return None
        parts = [heading, *self.carried.values(), *(text_of(line.value(column)) for column in self.own_category)]
        category = self._cut(" / ".join(part for part in parts if part), CATEGORY_LIMIT, number, where)
        description = self._cut(self._description(line), DESCRIPTION_LIMIT, number, where)
        row = ImportedRow(self._cut(title, TITLE_LIMIT, number, where), number, category, description,
                          tuple(sorted(cells.items())))
        return self._linked(row)

    def _description(self, line: Line) -> str:
        parts = []
        for column, header in self.texts:
            text = lines_of(line.value(column))
            if text:
                parts.append(f"{header}: {text}" if header else text)
        return "\n".join(parts)

    def _linked(self, row: ImportedRow) -> ImportedRow:
        found = self.matcher.match(row.title) if self.matcher is not None else None
        if found is None:
            return row
        entry = found.entry
        category = row.category or ("" if self.has_categories else entry.category)
        return ImportedRow(row.title, row.row, category, row.description or entry.description,
                           row.cells, Side(entry.side), entry.tags, (entry.id,), found.exact)

    # ------------------------------------------------------------ cells
    def _cells(self, number: int, line: Line) -> dict[int, Cell]:
        cells: dict[int, Cell] = {}
        for column, value, kind in zip(line.columns, line.values, line.kinds, strict=True):
            position = self.place.get(column)
            if position is None:
                continue
            reading = self._reading(value)
            if isinstance(reading, UnreadableCell):
                self._unreadable(number, column, value, reading)
            elif reading.cell is not None:
                cells[position] = reading.cell
            elif reading.not_involved:
                self.log.add(WarningKind.NOT_INVOLVED, number, column, "", text_of(value))
            elif kind != CellKind.BLANK:
                self.log.add(WarningKind.UNREADABLE, number, column, self.layout.letter_set.name, text_of(value))
        return cells

    def _inverted_cells(self, number: int, line: Line) -> dict[int, Cell]:
        held: dict[int, list[str]] = {}
        for column, value, kind in zip(line.columns, line.values, line.kinds, strict=True):
            letter = self.letters.get(column)
            if not letter:
                continue
            if kind == CellKind.MARK:
                self.log.add(WarningKind.NOT_INVOLVED, number, column, "", text_of(value))
                continue
            if kind not in (CellKind.TEXT, CellKind.LETTER):
                self.log.add(WarningKind.UNREADABLE, number, column, "names for", text_of(value))
                continue
            for name in split_names(lines_of(value)):
                held.setdefault(self._person(name, number, column), []).extend(letter.split("/"))
        return {position: self.layout.letter_set.cell(*symbols) for position, symbols in held.items()}

    def _reading(self, value: Any) -> Reading | UnreadableCell:
        if type(value) is str:
            known = self.readings.get(value)
            if known is None:
                known = self.readings[value] = _read(value, self.layout)
            return known
        return _read(value, self.layout)

    def _unreadable(self, number: int, column: int, value: Any, error: UnreadableCell) -> None:
        if error.other_sets:
            self.log.add(WarningKind.OTHER_SET, number, column, error.sentence, text_of(value))
        else:
            self.log.add(WarningKind.UNREADABLE, number, column, self.layout.letter_set.name, text_of(value))

    def _cut(self, text: str, limit: int, row: int, column: int) -> str:
        if len(text) <= limit:
            return text
        self.log.add(WarningKind.SHORTENED, row, column, f"({limit:,} characters)")
        return text[: limit - 1] + "…"


def _read(value: Any, layout: Layout) -> Reading | UnreadableCell:
    try:
        return read_cell(value, layout.letter_set)
    except UnreadableCell as error:
        return error


def split_names(text: str) -> list[str]:
    """The names in an inverted sheet's cell: "Ann, Bob & Cy (PM, SM)"; separators inside brackets stay."""
    depth_at, depth = [], 0
    for character in text:
        if character in "([":
            depth += 1
        elif character in ")]" and depth:
            depth -= 1
        depth_at.append(depth)
    names, start = [], 0
    for match in _NAME_SEPARATORS.finditer(text):
        if depth_at[match.start()] == 0:
            names.append(text[start:match.start()])
            start = match.end()
    names.append(text[start:])
    return [" ".join(name.split()) for name in names if name.strip()]


def _column_warnings(layout: Layout, log: WarningLog) -> None:
    row = layout.names_row if layout.names_row is not None else 0
    for plan in layout.columns_with(ColumnRole.SKIPPED):
        if plan.reason == EMPTY:
            continue  # nothing under it was dropped
        named = f"{layout.column_label(plan.index)}" + (f" '{plan.header}'" if plan.header else "")
        log.add(WarningKind.SKIPPED_COLUMN, row, plan.index, plan.reason or "is skipped", named)


def _title_block(frame: Frame, layout: Layout) -> str:
    """The title block's lines other than the team's name."""
    lines = []
    for number in layout.rows_with(RowRole.TITLE):
        if number < frame.height:
            text = " ".join(filter(None, map(text_of, frame.lines[number].values)))
            if text and text != layout.team_name:
                lines.append(text)
    return "\n".join(lines)
