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
as its last filled cell (blanks are ``None``), ready for
:mod:`raci.formats.sheet_layout`.

The caps (:data:`CAPS`) sit far above any RACI sheet (the largest common
ones are a few hundred rows by a few dozen people) and low enough that a
file at every cap at once is read or refused within seconds and well under
1 GB; ``make bench`` measures the worst cases.
"""

from __future__ import annotations

import csv
import io
import lzma
import re
import stat
import struct
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from raci.errors import SheetImportError, shown
from raci.formats.safety import csv_unguard

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


CAPS = Caps()
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# An encrypted Office file is an OLE container holding these streams (names in UTF-16).
ENCRYPTION_MARKERS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_READABLE_COMPRESSION = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_MAX_ZIP_VERSION = 63  # what Python's zipfile can extract (6.3)


@dataclass(frozen=True)
class Grid:
    """One sheet's values: rows counted from 0, each as long as its last filled cell."""

    where: str  # how warnings name the sheet: "Sheet RACI", or the CSV file's name
    rows: list[Row]


def fail(path: Path, fault: str, advice: str) -> SheetImportError:
    return SheetImportError(f"Cannot import {shown(path.name)}: {fault}; {advice}.")


def read_bytes(path: Path, caps: Caps | None = None) -> bytes:
    """The file's bytes, refusing a missing, unreadable, empty or oversized file (its size is checked first)."""
    caps = caps or CAPS
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(status.st_mode):  # reading a named pipe would wait for a writer
            raise fail(path, "it is not a regular file (a named pipe or a device)", "choose a spreadsheet file")
        size = status.st_size
        if size > caps.file_bytes:
            raise fail(path, f"the file is {size / 1_048_576:.0f} MB, over the {caps.file_bytes // 1_048_576} MB "
                             "limit for imports", "check that this is the right file")
        with path.open("rb") as handle:
            data = handle.read(caps.file_bytes + 1)
    except FileNotFoundError:
        raise fail(path, "there is no such file", "check the name and folder") from None
    except IsADirectoryError:
        raise fail(path, "it is a folder, not a file", "choose a spreadsheet file") from None
    except OSError as error:
        raise fail(path, f"it cannot be read ({error.strerror or error})", "check its name and permissions") from None
    except ValueError:  # a name holding a NUL character
        raise fail(path, "that is not a valid file name", "choose a spreadsheet file") from None
    if len(data) > caps.file_bytes:
        raise fail(path, f"the file is over the {caps.file_bytes // 1_048_576} MB limit for imports",
                   "check that this is the right file")
    if not data.strip():
        raise fail(path, "the file is empty", "choose a spreadsheet with a RACI matrix in it")
    return data


# ------------------------------------------------------------------ grids
class _GridBuilder:
    """Collects filled cells row by row into ragged tuples, refusing the first row, column or cell over a cap."""

    def __init__(self, path: Path, where: str, caps: Caps, budget: list[int]) -> None:
        self.path, self.where, self.caps, self.budget = path, where, caps, budget
        self.rows: list[Row] = []

    def elements(self, count: int) -> None:
        """Count ``count`` more XML elements read from the workbook's sheets (the budget's second entry)."""
        self.budget[1] -= count
        if self.budget[1] < 0:
            raise self._over(f"its XML holds more than {self.caps.elements:,} elements, far more than its "
                             "cells need")

    def add(self, row: int, cells: list[tuple[int, Any]]) -> None:
        """Add the filled cells (0-based column, value) of the 0-based ``row``."""
        if not cells:
            return
        if row >= self.caps.rows:
            raise self._over(f"it has a filled cell in row {row + 1:,}, beyond the {self.caps.rows:,} rows "
                             "an import reads")
        width = max(column for column, _ in cells) + 1
        if width > self.caps.columns:
            from openpyxl.utils import get_column_letter

            raise self._over(f"it has a filled cell in column {get_column_letter(min(width, 18_278))} "
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
            raise self._over(f"it holds more than {self.caps.cells:,} cells (counting each row up to its last "
                             "filled cell)")
        values: list[Any] = [None] * width
        for column, value in cells:
            if value is not None:
                values[column] = value
        if row < len(self.rows):
            self.rows[row] = tuple(values)
        else:
            self.rows.append(tuple(values))

    def _over(self, fault: str) -> SheetImportError:
        where = "" if self.where == self.path.name else f"{self.where}: "
        return fail(self.path, f"{where}{fault}", "import a sheet that holds only the RACI matrix")

    def grid(self) -> Grid:
        return Grid(self.where, self.rows)


# -------------------------------------------------------------------- CSV
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
    builder = _GridBuilder(path, path.name, caps, [caps.cells, caps.elements])
    try:
        for number, fields in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)):
            builder.add(number, [(column, csv_unguard(value)) for column, value in enumerate(fields) if value])
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


# --------------------------------------------------------------- workbooks
class Workbook:
    """An .xlsx file, checked part by part, opened by openpyxl, its sheets read on demand into grids."""

    def __init__(self, path: Path, book: Any, caps: Caps) -> None:
        self.path, self.caps, self._book = path, caps, book
        self._budget = [caps.cells, caps.elements]
        self._grids: dict[str, Grid] = {}
        self.notes: list[str] = []  # library warnings, in this program's words

    @property
    def sheet_names(self) -> list[str]:
        return list(self._book.sheetnames)

    def visible(self, name: str) -> bool:
        return getattr(self._book[name], "sheet_state", "visible") == "visible"

    def grid(self, name: str) -> Grid:
        """The sheet's grid (read once, then kept)."""
        if name not in self._grids:
            from raci.formats.sheet_xml import read_sheet

            worksheet = self._book[name]
            builder = _GridBuilder(self.path, f"Sheet {shown(name)}", self.caps, self._budget)
            with _library_warnings(self.notes, self.path), _source(worksheet) as source:
                read_sheet(source, _shared_strings(worksheet), _date_styles(worksheet), builder.add,
                           builder.elements)
            self._grids[name] = builder.grid()
        return self._grids[name]


@contextmanager
def open_workbook(path: Path, caps: Caps | None = None) -> Iterator[Workbook]:
    """Check an .xlsx file against the caps, open it, and close it afterwards; every failure is one sentence."""
    caps = caps or CAPS
    data = read_bytes(path, caps)
    check_workbook_bytes(path, data, caps)
    from openpyxl import load_workbook

    notes: list[str] = []
    book = None
    try:
        with _library_warnings(notes, path):
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
        workbook = Workbook(path, book, caps)
        workbook.notes.extend(notes)
        yield workbook
    except SheetImportError:
        raise
    except Exception as error:  # noqa: BLE001 - any parser failure means the same thing to a person
        raise damaged(path, error) from None
    finally:
        if book is not None:
            book.close()


def check_workbook_bytes(path: Path, data: bytes, caps: Caps | None = None) -> None:
    """Refuse what is not a workbook, and a workbook over the caps, before anything parses it."""
    caps = caps or CAPS
    if data.startswith(OLE_MAGIC):
        if any(marker in data for marker in ENCRYPTION_MARKERS):
            raise fail(path, "the workbook is password-protected", "open it in Excel, remove the password "
                       "(File > Info > Protect Workbook) and import the saved copy")
        raise fail(path, "it is an old Excel 97-2003 workbook (.xls) renamed to .xlsx",
                   "open it in a spreadsheet program and save it as .xlsx")
    if not data.startswith(ZIP_MAGIC):
        raise fail(path, "it is not an Excel workbook (an .xlsx file is a zip archive and this is not one)",
                   "save the sheet as .xlsx or .csv and import that")
    _check_directory_size(path, data, caps)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_parts(path, archive.infolist(), caps)
            workbook_xml = _read_part(archive, "xl/workbook.xml")
    except NotImplementedError as error:  # zipfile's word for a version or method it cannot unpack
        raise fail(path, f"the workbook is packed with a zip method this program cannot unpack ({shown(error)})",
                   "open it in Excel, save a fresh copy and import that") from None
    except (zipfile.BadZipFile, EOFError, ValueError, RuntimeError, OSError, zlib.error, lzma.LZMAError):
        raise fail(path, "the workbook is damaged or cut short (its zip archive cannot be read)",
                   "open it in Excel, save a fresh copy and import that") from None
    if workbook_xml is not None:
        _check_defined_names(path, workbook_xml, caps)


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        return archive.read(name)
    except KeyError:
        return None  # openpyxl finds the workbook part by its content type, or says it is missing


def _check_directory_size(path: Path, data: bytes, caps: Caps) -> None:
    """Read the part count from the zip's last record, so a directory of millions of parts is never parsed."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        return  # zipfile will say it is damaged
    count = struct.unpack_from("<H", data, end + 10)[0]
    if count > caps.parts:  # 0xFFFF, the Zip64 marker, is over the cap too
        raise fail(path, f"its zip archive lists {count:,} parts, far more than any workbook",
                   "check that this is the right file")


def _check_parts(path: Path, parts: list[zipfile.ZipInfo], caps: Caps) -> None:
    if len(parts) > caps.parts:
        raise fail(path, f"its zip archive lists {len(parts):,} parts, far more than any workbook",
                   "check that this is the right file")
    total = structure = 0
    largest: zipfile.ZipInfo | None = None
    for part in parts:
        if part.flag_bits & 0x1:
            raise fail(path, "parts of the workbook are encrypted", "remove the password in Excel and import "
                       "the saved copy")
        if part.compress_type not in _READABLE_COMPRESSION or part.extract_version > _MAX_ZIP_VERSION:
            raise fail(path, f"the workbook is packed with a zip method this program cannot unpack "
                       f"(method {part.compress_type}, version {part.extract_version / 10:.1f})",
                       "open it in Excel, save a fresh copy and import that")
        total += part.file_size
        if _opened_by_openpyxl(part.filename):
            structure += part.file_size
            largest = part if largest is None or part.file_size > largest.file_size else largest
    if total > caps.unpacked_bytes:
        raise fail(path, f"it unpacks to {total / 1_048_576:.0f} MB, over the {caps.unpacked_bytes // 1_048_576} MB "
                   "an import unpacks", "check that this is the right file")
    if structure > caps.structure_bytes and largest is not None:
        raise fail(path, f"its styles, shared text and other workbook parts unpack to {structure / 1_048_576:.1f} MB "
                   f"(the largest is {shown(largest.filename)}), over the {caps.structure_bytes // 1_048_576} MB "
                   "an import reads", "save the RACI sheet alone as a new workbook in Excel and import that")


# Parts openpyxl leaves alone when it opens a workbook read-only: the sheets (streamed here instead),
# pictures and other media, pivot caches, tables, comments, external links (keep_links=False).
_NOT_OPENED = ("xl/worksheets/", "xl/media/", "xl/embeddings/", "xl/printersettings/", "xl/pivotcache/",
               "xl/pivottables/", "xl/tables/", "xl/querytables/", "xl/comments", "xl/threadedcomments/",
               "xl/persons/", "xl/externallinks/", "xl/richdata/", "xl/ctrlprops/", "xl/activex/", "customxml/",
               "xl/vbaproject")


def _opened_by_openpyxl(name: str) -> bool:
    lowered = name.lower()
    return lowered.endswith((".xml", ".rels", ".vml")) and not lowered.startswith(_NOT_OPENED)


def _check_defined_names(path: Path, workbook_xml: bytes, caps: Caps) -> None:
    """Measure the defined names in ``xl/workbook.xml`` before openpyxl parses some of them in quadratic time."""
    from raci.formats.sheet_xml import defined_name_lengths

    try:
        lengths = defined_name_lengths(workbook_xml)
    except Exception as error:  # noqa: BLE001 - a parser's failure, entity declarations included
        raise damaged(path, error) from None
    longest = max(lengths, default=0)
    if longest > caps.defined_name:
        raise fail(path, f"a defined name in the workbook is {longest:,} characters long, over the "
                   f"{caps.defined_name:,} an import reads", "delete it in Excel (Formulas > Name Manager) and "
                   "import the saved copy")
    if sum(lengths) > caps.defined_names:
        raise fail(path, f"the workbook's defined names hold {sum(lengths):,} characters, over the "
                   f"{caps.defined_names:,} an import reads", "delete those you do not need in Excel "
                   "(Formulas > Name Manager) and import the saved copy")


def damaged(path: Path, error: BaseException) -> SheetImportError:
    kind = type(error).__name__
    chain: BaseException | None = error
    while chain is not None:  # openpyxl wraps the parser's error in a ValueError
        # defusedxml: DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
        if "Forbidden" in type(chain).__name__:
            return fail(path, "the workbook contains XML entity declarations, which are refused for safety",
                        "open it in Excel, save a fresh copy and import that")
        chain = chain.__cause__ or chain.__context__
    return fail(path, f"the workbook is damaged or not a spreadsheet Excel wrote ({kind})",
                "open it in Excel, save a fresh copy and import that")


# Warnings openpyxl gives about parts an import does not use: nothing a person needs to hear.
_IGNORED_WARNINGS = ("extension is not supported", "no default style", "Failed to load a conditional formatting",
                     "Print area cannot be set", "Defined names for sheet index", "is marked as a date",
                     "cannot contain any data", "header or footer")


@contextmanager
def _library_warnings(notes: list[str], path: Path) -> Iterator[None]:
    """Catch the reading library's warnings so none is printed; keep those that matter, in this program's words."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for warning in caught:
        message = str(warning.message)
        if any(part in message for part in _IGNORED_WARNINGS):
            continue
        note = (f"{shown(path.name)}: a part of the workbook could not be read and was skipped "
                f"({shown(message, 120)}); the cells were read, check the result.")
        if note not in notes:
            notes.append(note)


# openpyxl's read-only worksheet knows where its XML is, the shared strings and the date styles, but
# pads every row to the widest one when it reads cells; these three reach past that to the parts.
@contextmanager
def _source(worksheet: Any) -> Iterator[Any]:
    with worksheet._get_source() as source:  # noqa: SLF001 - see above
        yield source


def _shared_strings(worksheet: Any) -> Any:
    return worksheet._shared_strings  # noqa: SLF001


def _date_styles(worksheet: Any) -> tuple[set[int], Any]:
    book = worksheet.parent
    return set(book._date_formats), book.epoch  # noqa: SLF001
