"""A workbook's XML read as a stream of events, keeping only what an import needs.

Expat hands each element's start, text and end straight to a small target
object; no tree is built, so memory stays flat however many elements a part
holds, and no layer in between costs time per element (ElementTree's parser
tripled the time of a million cells). Entity declarations are refused as
defusedxml refuses them, with its exceptions, so a billion-laughs or an
external entity never expands. A worksheet yields each row's filled cells,
in the order of the file; the workbook part yields the lengths of its
defined names, measured before openpyxl parses them. Both the transitional
and the strict SpreadsheetML namespaces are read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import IO, Any
from xml.parsers import expat

from defusedxml import EntitiesForbidden, ExternalReferenceForbidden

_NAMESPACES = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
               "http://purl.oclc.org/ooxml/spreadsheetml/main")
_NAMES = ("row", "c", "v", "f", "is", "t", "rPh", "definedName")
_TAGS = {f"{namespace}}}{name}": name for namespace in _NAMESPACES for name in _NAMES}  # expat's "ns}name"
_CHUNK = 1 << 16
_COUNT_EVERY = 4096  # elements between two reports to the caller
_DIGITS = "0123456789"
AddRow = Callable[[int, list[tuple[int, Any]]], None]


def read_sheet(source: IO[bytes], shared_strings: Sequence[str], date_styles: tuple[set[int], Any],
               add: AddRow, count: Callable[[int], None]) -> None:
    """Stream a worksheet's XML, calling ``add(row, [(column, value), ...])`` per row (both from 0).

    ``count(n)`` hears how many elements were read, every few thousand, so
    its caller can stop a sheet that is mostly elements holding nothing.
    """
    feed(source, _SheetTarget(shared_strings, date_styles, add, count))


def defined_name_lengths(workbook_xml: bytes) -> list[int]:
    """How many characters each ``<definedName>`` in the workbook part holds."""
    target = _NamesTarget()
    feed(workbook_xml, target)
    return target.lengths


def feed(source: IO[bytes] | bytes, target: Any) -> None:
    """Parse ``source`` with expat, handing ``target`` each element's start, text and end (names as
    ``"namespace}name"``), then calling its ``close()``; entity declarations raise defusedxml's errors."""
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True  # one text event per run of text, not one per line
    parser.StartElementHandler = target.start
    parser.EndElementHandler = target.end
    parser.CharacterDataHandler = target.data
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_unparsed_entity
    parser.ExternalEntityRefHandler = _refuse_external
    if isinstance(source, bytes):
        parser.Parse(source, True)
    else:
        while chunk := source.read(_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    target.close()


def _refuse_entity(name: str, _parameter: bool, value: str | None, base: str | None, system: str | None,
                   public: str | None, notation: str | None) -> None:
    raise EntitiesForbidden(name, value, base, system, public, notation)


def _refuse_unparsed_entity(name: str, base: str | None, system: str | None, public: str | None,
                            notation: str | None) -> None:
    raise EntitiesForbidden(name, None, base, system, public, notation)


def _refuse_external(context: str, base: str | None, system: str | None, public: str | None) -> int:
    raise ExternalReferenceForbidden(context, base, system, public)


class _SheetTarget:
    """Keeps the current row's filled cells; everything else in the sheet passes by."""

    def __init__(self, shared_strings: Sequence[str], date_styles: tuple[set[int], Any], add: AddRow,
                 count: Callable[[int], None]) -> None:
        self.shared, (self.dates, self.epoch), self.add, self.count = shared_strings, date_styles, add, count
        self.elements = 0
        self.row = -1
        self.column = -1
        self.cells: list[tuple[int, Any]] = []
        self.in_cell = False
        self.kind, self.style = "n", ""
        self.value: str | None = None
        self.formula: str | None = None
        self.inline: list[str] | None = None
        self.phonetic = False
        self.text: list[str] | None = None  # the text being collected, if any

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.elements += 1
        if self.elements >= _COUNT_EVERY:
            self.count(self.elements)
            self.elements = 0
        name = _TAGS.get(tag)
        if name == "c":
            self.in_cell = True
            reference = attrib.get("r")
            self.column = column_index(reference) if reference else self.column + 1
            self.kind, self.style = attrib.get("t", "n"), attrib.get("s", "")
            self.value = self.formula = self.inline = None
        elif name == "row":
            number = attrib.get("r")
            self.row = int(number) - 1 if number else self.row + 1
            if self.row < 0:
                raise ValueError(f"row number {number}")
            self.column = -1
            self.cells = []
        elif not self.in_cell:
            return
        elif name in ("v", "f") or (name == "t" and self.inline is not None and not self.phonetic):
            self.text = []
        elif name == "is":
            self.inline = []
        elif name == "rPh":
            self.phonetic = True

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def end(self, tag: str) -> None:
        name = _TAGS.get(tag)
        if name is None:
            return
        if name == "c":
            value = self._cell_value()
            if value is not None and value != "":
                self.cells.append((self.column, value))
            self.in_cell = False
        elif name == "row":
            self.add(self.row, self.cells)
            self.cells = []
        elif self.text is not None and name in ("v", "f", "t"):
            text = "".join(self.text)
            self.text = None
            if name == "v":
                self.value = text
            elif name == "f":
                self.formula = text
            elif self.inline is not None:
                self.inline.append(text)
        elif name == "rPh":
            self.phonetic = False

    def close(self) -> None:
        self.count(self.elements)
        if self.cells:  # cells outside any row element: a writer that left the rows out
            self.add(max(self.row, 0), self.cells)

    def _cell_value(self) -> Any:
        """What openpyxl's reader would give (data_only=False): formulas as their text, strings, numbers, dates."""
        if self.formula:  # an empty formula element leaves the value, read by its type
            return f"={self.formula}"
        kind, value = self.kind, self.value
        if kind == "inlineStr":
            return "".join(self.inline or ())
        if value is None:
            return None
        if kind == "s":
            return self.shared[int(value)]
        if kind == "n":
            return self._number(value)
        if kind == "b":
            return bool(int(value))
        if kind == "d":  # an ISO 8601 date, as Strict Open XML workbooks store dates
            return _iso_date(value)
        return value  # "str" (a formula's text result), "e" (an error such as #N/A)

    def _number(self, text: str) -> Any:
        number: float = float(text) if any(mark in text for mark in ".eE") else int(text)
        if self.style and self.dates and int(self.style) in self.dates:
            from openpyxl.utils.datetime import from_excel

            try:
                return from_excel(number, self.epoch)
            except (OverflowError, ValueError):
                return number
        return number


def _iso_date(text: str) -> Any:
    from datetime import datetime

    try:
        return datetime.fromisoformat(text.removesuffix("Z"))
    except ValueError:
        return text


class _NamesTarget:
    def __init__(self) -> None:
        self.lengths: list[int] = []
        self.current: int | None = None

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if _TAGS.get(tag) == "definedName":
            self.current = 0

    def data(self, text: str) -> None:
        if self.current is not None:
            self.current += len(text)

    def end(self, tag: str) -> None:
        if _TAGS.get(tag) == "definedName" and self.current is not None:
            self.lengths.append(self.current)
            self.current = None

    def close(self) -> None:
        return None


_COLUMNS: dict[str, int] = {}  # column letters -> 0-based index, filled as they are met


def column_index(reference: str) -> int:
    """The 0-based column of a cell reference: ``"A1"`` is 0, ``"XFD9"`` is 16,383."""
    letters = reference.rstrip(_DIGITS)
    index = _COLUMNS.get(letters)
    if index is None:
        if not letters.isascii() or not letters.isalpha() or len(letters) > 7:
            raise ValueError(f"cell reference {reference[:20]!r}")
        index = -1
        for character in letters.upper():
            index = (index + 1) * 26 + ord(character) - 65
        if len(_COLUMNS) < 20_000:
            _COLUMNS[letters] = index
    return index
