"""Strict Open XML workbooks: Excel's "Strict Open XML Spreadsheet" save option, read like any other .xlsx.

A Strict workbook is an .xlsx whose XML speaks the ISO namespaces
(``http://purl.oclc.org/ooxml/...``) instead of the transitional ones
(``http://schemas.openxmlformats.org/...``); the elements are the same.
openpyxl knows only the transitional names: it opens a Strict workbook as
one without sheets, and warns about it. The sheets themselves are streamed
by :mod:`raci.formats.sheet_xml`, which reads both; openpyxl only has to
read the workbook's structure (sheet names and states, shared text, date
styles). So openpyxl gets a copy of just those parts with the namespaces
renamed, plus an empty stand-in for each sheet (it lists a sheet only when
its part exists, and looks into it for its size), while the sheets are
read from the original file.

The parts copied are the ones :mod:`raci.formats.workbook_reader` caps
before anything is parsed (4 MB), so the copy costs little.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from raci.errors import SheetImportError
from raci.formats.sheet_reader import fail

STRICT_MAIN = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
# Strict names and their transitional twins; the longer names first, as some contain others.
_RENAMED = (
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/customProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
     b"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"),
    (STRICT_MAIN, b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
    (b"http://purl.oclc.org/ooxml/drawingml/main", b"http://schemas.openxmlformats.org/drawingml/2006/main"),
)
# openpyxl looks into each sheet on opening (for its size), so a sheet's stand-in is an empty worksheet.
_EMPTY_SHEET = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'


def is_strict(workbook_xml: bytes | None) -> bool:
    """Whether the workbook part speaks Strict Open XML."""
    return workbook_xml is not None and STRICT_MAIN in workbook_xml


def transitional(text: bytes) -> bytes:
    """A part's XML with the Strict namespaces renamed to the transitional ones."""
    for strict, plain in _RENAMED:
        text = text.replace(strict, plain)
    return text


def transitional_copy(archive: zipfile.ZipFile, opened: Callable[[str], bool]) -> io.BytesIO:
    """The workbook as openpyxl can open it: the parts it parses on opening (``opened(name)``) renamed, an empty
    stand-in for every other part (the sheets among them are read from the original)."""
    copy = io.BytesIO()
    with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in archive.infolist():
            if info.is_dir():
                continue
            if opened(info.filename):
                target.writestr(info.filename, transitional(archive.read(info)))
            else:
                sheet = info.filename.lower().startswith("xl/worksheets/") and info.filename.lower().endswith(".xml")
                target.writestr(info.filename, _EMPTY_SHEET if sheet else b"")
    copy.seek(0)
    return copy


def unreadable(path: Path) -> SheetImportError:
    """A Strict workbook that could not be read after all: how to save it so that it can."""
    return fail(path, "it is saved as a Strict Open XML workbook and its sheets could not be read",
                "in Excel, choose File > Save As and the type 'Excel Workbook (*.xlsx)' (not 'Strict Open XML "
                "Spreadsheet'), then import that copy")
