"""Import of a RACI sheet another tool made (read by its layout), beside the readers' own load of the same file.

* .xlsx, 1000 x 100, every cell a letter: the whole import (reading,
  layout, catalog matching, the team) against openpyxl's read-only load
  of the same file with every row read (``iter_rows(values_only=True)``),
  timed in turn with it. The import may take at most 1.5x that: it reads
  the cells itself (faster than openpyxl's row padding) and then does the
  work openpyxl does not.
* The same at 4000 x 100, against the 1000 x 100 import: linear means
  about 4x, at most 5x.
* The same sheet as .csv, and as .ods against pandas' own ``read_excel``
  of it (odfpy builds the whole document; the import adds the checks
  before it and the layout after it).
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
import warnings
import zipfile
from pathlib import Path

import xlsxwriter

from raci.formats import import_sheet

from benchmarks.common import Baseline, Case

_FOLDER = Path(tempfile.mkdtemp(prefix="raci-bench-import-"))
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)
_LETTERS = ("R", "A", "C", "I", "A/R")


def _rows(rows: int, people: int) -> list[list[str]]:
    """A sheet as a team lead types one: a title, a header of names, a row of letters per task."""
    grid = [["Platform team: RACI matrix"], [], ["Task", *(f"Person {n}" for n in range(people))]]
    grid += [[f"Task number {row}", *(_LETTERS[(row + n) % 5] for n in range(people))] for row in range(rows)]
    return grid


@functools.cache
def _xlsx(rows: int, people: int = 100) -> Path:
    path = _FOLDER / f"sheet-{rows}x{people}.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("RACI")
    for number, row in enumerate(_rows(rows, people)):
        sheet.write_row(number, 0, row)
    book.close()
    return path


@functools.cache
def _csv(rows: int, people: int = 100) -> Path:
    path = _FOLDER / f"sheet-{rows}x{people}.csv"
    path.write_text("\n".join(",".join(row) for row in _rows(rows, people)) + "\n", encoding="utf-8")
    return path


_ODS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
             'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
             'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
             'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
             '<office:body><office:spreadsheet><table:table table:name="RACI">')
_ODS_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                 'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                 '<manifest:file-entry manifest:full-path="/" '
                 'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                 '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                 '</manifest:manifest>')


def write_ods(path: Path, grid: list[list[str]]) -> Path:
    """A minimal OpenDocument spreadsheet holding ``grid`` as text cells, as LibreOffice lays one out."""
    def cell(text: str) -> str:
        return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'

    body = "".join(f"<table:table-row>{''.join(map(cell, row)) or '<table:table-cell/>'}</table:table-row>"
                   for row in grid)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", _ODS_MANIFEST)
        archive.writestr("content.xml", _ODS_HEAD + body + "</table:table></office:spreadsheet></office:body>"
                                                         "</office:document-content>")
    return path


@functools.cache
def _ods(rows: int, people: int = 100) -> Path:
    return write_ods(_FOLDER / f"sheet-{rows}x{people}.ods", _rows(rows, people))


def _openpyxl_read(path: Path) -> None:
    """openpyxl's own read-only load of the workbook, every row read: the least any import of it costs."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    for _ in book["RACI"].iter_rows(values_only=True):
        pass
    book.close()


def _pandas_read(path: Path) -> None:
    import pandas as pd

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pd.read_excel(path, sheet_name=None, header=None, dtype=object, engine="odf", na_filter=False)


CASES = [
    Case("import 1000 x 100 .xlsx by its layout", 3000, lambda: _xlsx(1000), import_sheet, repeat=5,
         note="against openpyxl's read-only load, every row read",
         baseline=Baseline(lambda: _xlsx(1000), _openpyxl_read, 1.5)),
    Case("import 4000 x 100 .xlsx by its layout", 12_000, lambda: _xlsx(4000), import_sheet, repeat=3,
         note="linear: against the 1000 x 100 import",
         baseline=Baseline(lambda: _xlsx(1000), import_sheet, 5.0)),
    Case("import 1000 x 100 .csv", 3000, lambda: _csv(1000), import_sheet, repeat=5),
    Case("import 1000 x 100 .ods", 10_000, lambda: _ods(1000), import_sheet, repeat=3,
         note="against pandas' own read_excel of it (odfpy)", baseline=Baseline(lambda: _ods(1000), _pandas_read, 1.5)),
]
