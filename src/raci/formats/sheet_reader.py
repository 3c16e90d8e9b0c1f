"""Reading a spreadsheet file into a bounded grid of cell values, before any layout is guessed.

This is the first step of every import, kept apart from the layout
detection that follows it. It refuses, each with one sentence, whatever
would cost time or memory out of proportion to a RACI sheet, and it
refuses it before the expensive work:

* the file's size, before it is read;
* for a workbook, the zip's directory (how many parts, what compression),
  the unpacked size of the whole and of the parts openpyxl parses when it
  opens a workbook (it takes up to a second per megabyte of them), and the
  length of the defined names (it parses some of them in quadratic time),
  before openpyxl opens it;
* rows, columns, cells and XML elements while a sheet streams in, stopping
  at the first one over its cap. A sheet is read cell by cell from its XML,
  keeping only the cells that hold something, so a single cell in column
  XFD costs one cell, not a row of 16,384; a CSV's fields are counted
  before it is split.

What comes out is a :class:`Grid`: rows counted from 0, each a tuple as long
as its last filled cell (blanks are ``None``), ready for the layout
detection (:mod:`raci.formats.sheet_detect`). Every kind of file opens as a
:class:`Book` of named sheets read on demand: a CSV file is a book of one
sheet. This module holds the caps, the grid and CSV files;
:mod:`raci.formats.workbook_reader` opens .xlsx workbooks (and
:mod:`raci.formats.sheet_xml` streams their XML),
:mod:`raci.formats.pandas_sheets` .ods and .xls ones.

The caps (:data:`CAPS`) sit far above any RACI sheet (the largest common
ones are a few hundred rows by a few dozen people) and low enough that a
file at every cap at once is read or refused within seconds and well under
1 GB; ``make bench`` measures the worst cases.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from raci.errors import SheetImportError, shown
from raci.files import read_limited

Row = tuple[Any, ...]
_EMPTY: Row = ()


@dataclass(frozen=True)
class Caps:
    """What an import reads at most; each is refused with its own sentence."""

    file_bytes: int = 50 * 1024 * 1024
    unpacked_bytes: int = 200 * 1024 * 1024  # the workbook's parts together, unpacked
    structure_bytes: int = 4 * 1024 * 1024  # the parts openpyxl parses on opening (styles, shared strings, ...)
    parts: int = 10_000  # entries in the zip's directory
    defined_name: int = 1_024  # characters in one defined name
    defined_names: int = 16_384  # characters in all of them
    rows: int = 50_000
    columns: int = 1_024  # column AMJ
    cells: int = 1_000_000  # counted up to the last filled cell of each row, over every sheet read
    elements: int = 4_000_000  # XML elements in the sheets read (a filled cell takes two or three)
    # An .ods file is read by pandas through odfpy, which builds every element of every XML part in memory
    # (measured: 500,000 elements took 8 s to load, 12 s and 630 MB to import; 350,000 took 11 s on a busy
    # machine): these keep one within about 7 s and 400 MB. A 1000 x 100 matrix takes about 205,000 elements
    # (two a filled cell).
    ods_elements: int = 250_000
    ods_xml_bytes: int = 40 * 1024 * 1024


CAPS = Caps()


@dataclass(frozen=True)
class Grid:
    """One sheet's values: rows counted from 0, each as long as its last filled cell."""

    where: str  # how warnings name the sheet: "Sheet RACI", or the CSV file's name
    rows: list[Row]


class Book(Protocol):
    """A file's sheets, each read into a :class:`Grid` when asked for (and counted against the caps then)."""

    path: Path
    notes: list[str]  # what the reading step noticed, in this program's words (an encoding, a library warning)

    @property
    def sheet_names(self) -> list[str]: ...

    def visible(self, name: str) -> bool: ...

    def grid(self, name: str) -> Grid: ...


def fail(path: Path, fault: str, advice: str) -> SheetImportError:
    return SheetImportError(f"Cannot import {shown(path.name)}: {fault}; {advice}.")


def read_bytes(path: Path, caps: Caps | None = None) -> bytes:
    """The file's bytes, refusing a missing, unreadable, empty or oversized file (its size is checked first)."""
    caps = caps or CAPS
    data = read_limited(path, caps.file_bytes, f"{caps.file_bytes // 1_048_576} MB limit for imports",
                        "choose a spreadsheet file", lambda fault, advice: fail(path, fault, advice))
    if not data.strip():
        raise fail(path, "the file is empty", "choose a spreadsheet with a RACI matrix in it")
    return data


# ------------------------------------------------------------------ grids
class GridBuilder:
    """Collects filled cells row by row into ragged tuples, refusing the first row, column or cell over a cap."""

    def __init__(self, path: Path, where: str, caps: Caps, budget: list[int]) -> None:
        self.path, self.where, self.caps, self.budget = path, where, caps, budget
        self.rows: list[Row] = []

    def elements(self, count: int) -> None:
        """Count ``count`` more XML elements read from the workbook's sheets (the budget's second entry)."""
        self.budget[1] -= count
        if self.budget[1] < 0:
            raise self.over(f"its XML holds more than {self.caps.elements:,} elements, far more than its "
                             "cells need")

    def add(self, row: int, cells: list[tuple[int, Any]]) -> None:
        """Add the filled cells (0-based column, value) of the 0-based ``row``."""
        if not cells:
            return
        if row >= self.caps.rows:
            raise self.over(f"it has a filled cell in row {row + 1:,}, beyond the {self.caps.rows:,} rows "
                             "an import reads")
        width = max(column for column, _ in cells) + 1
        if width > self.caps.columns:
            from openpyxl.utils import get_column_letter

            raise self.over(f"it has a filled cell in column {get_column_letter(min(width, 18_278))} "
                             f"(row {row + 1:,}), beyond the {self.caps.columns:,} columns an import reads")
        while len(self.rows) < row:
            self.rows.append(_EMPTY)
        if row < len(self.rows):  # a row written twice, or out of order: merge it in
            old = self.rows[row]
            self.budget[0] += len(old)
            cells = [*enumerate(old), *cells]
            width = max(width, len(old))
        self.budget[0] -= width
        if self.budget[0] < 0:
            raise self.over(f"it holds more than {self.caps.cells:,} cells (counting each row up to its last "
                             "filled cell)")
        values: list[Any] = [None] * width
        for column, value in cells:
            if value is not None:
                values[column] = value
        if row < len(self.rows):
            self.rows[row] = tuple(values)
        else:
            self.rows.append(tuple(values))

    def over(self, fault: str) -> SheetImportError:
        where = "" if self.where == self.path.name else f"{self.where}: "
        return fail(self.path, f"{where}{fault}", "import a sheet that holds only the RACI matrix")

    def grid(self) -> Grid:
        return Grid(self.where, self.rows)


# -------------------------------------------------------------------- CSV
@dataclass
class CsvBook:
    """A CSV file as a book of one sheet, named ``""``."""

    path: Path
    sheet: Grid
    notes: list[str] = field(default_factory=list)

    @property
    def sheet_names(self) -> list[str]:
        return [""]

    def visible(self, name: str) -> bool:
        return True

    def grid(self, name: str) -> Grid:
        return self.sheet


@contextmanager
def open_csv(path: Path, caps: Caps | None = None) -> Iterator[CsvBook]:
    """A .csv file read whole (see :func:`read_csv`) as a :class:`Book`."""
    grid, notes = read_csv(path, caps)
    yield CsvBook(path, grid, notes)


_QUOTED = re.compile(r'"(?:[^"]|"")*"?')


def read_csv(path: Path, caps: Caps | None = None) -> tuple[Grid, list[str]]:
    """A .csv file as a grid (any common delimiter; UTF-8 with or without BOM, or Windows-1252), and its warnings."""
    caps = caps or CAPS
    data = read_bytes(path, caps)
    if b"\x00" in data[:8192]:
        raise fail(path, "it is not a text file (it holds binary data)", "export the sheet as .csv and import that")
    notes: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        notes.append(f"{shown(path.name)}: the file is not UTF-8; it was read as Windows-1252 text.")
    delimiter = _delimiter(text)
    _check_field_count(path, text, delimiter, caps)
    builder = GridBuilder(path, path.name, caps, [caps.cells, caps.elements])
    try:
        for number, fields in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)):
            # Fields stay as written: the layout detection takes off the apostrophe a CSV export puts before
            # formula-like text (raci.formats.safety), once, as it reads each cell's text.
            builder.add(number, [(column, value) for column, value in enumerate(fields) if value])
    except csv.Error as error:
        raise fail(path, f"it cannot be read as comma-separated values ({shown(error)})",
                   "export the sheet as .csv again and import that") from None
    return builder.grid(), notes


def _check_field_count(path: Path, text: str, delimiter: str, caps: Caps) -> None:
    """Refuse a CSV with more fields than the cells cap before splitting it (one line of 10 million
    commas would otherwise become 10 million strings first)."""
    bare = _QUOTED.sub("", text) if '"' in text else text
    fields = bare.count(delimiter) + bare.count("\n") + 1
    if fields > caps.cells + caps.rows:  # a separator more than the cells on each row, at most
        raise fail(path, f"it holds about {fields:,} fields, more than the {caps.cells:,} cells an import reads",
                   "import a sheet that holds only the RACI matrix")


def _delimiter(text: str) -> str:
    """The separator that splits the first lines most consistently into several fields.

    csv.Sniffer gives up when a title row above the header has no separator
    at all, so this counts the lines that share the most common field count.
    """
    sample = text[:65_536].splitlines()[:40]
    best, best_score = ",", 0
    for candidate in ",;\t|":
        counts = [len(row) for row in csv.reader(sample, delimiter=candidate)]
        wide = [count for count in counts if count > 1]
        if not wide:
            continue
        modal = max(set(wide), key=wide.count)
        score = wide.count(modal)
        if score > best_score:
            best, best_score = candidate, score
    return best
