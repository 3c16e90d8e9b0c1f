"""OpenDocument (.ods) and Excel 97-2003 (.xls) sheets, read by pandas under the import's caps.

openpyxl reads neither format; pandas' ``read_excel`` does, with odfpy
(``engine="odf"``) and xlrd (``engine="xlrd"``). pandas, odfpy and xlrd
load only when such a file is imported.

Both readers build whole sheets in memory, so the caps are checked before
they run wherever the file allows it:

* .ods: the file's size, its zip directory and unpacked size (as for an
  .xlsx), then every XML part streamed once by :mod:`raci.formats.ods_scan`
  (entity declarations refused, elements counted against the .ods caps),
  which also measures the rectangle pandas will make of each sheet;
* .xls: the file's size, then xlrd reads the sheet (linear in its records,
  which the size bounds) and its rows and columns are checked before
  pandas turns it into a table.

What pandas gives back goes through the same :class:`GridBuilder` as every
other format, so the row, column and cell caps hold for it too. Cells are
read as they are written (``na_filter=False``: a cell holding "N/A" or
"NA" is text, not a blank); dates arrive as ``datetime``. Library warnings
are caught, never printed (see :func:`raci.formats.workbook_reader.library_warnings`).
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from raci.errors import SheetImportError, shown
from raci.formats import sheet_reader
from raci.formats.sheet_reader import Caps, Grid, GridBuilder, fail, read_bytes
from raci.formats.workbook_reader import (
    OLE_MAGIC,
    ZIP_MAGIC,
    check_directory_size,
    check_parts,
    library_warnings,
    zip_errors,
)

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"




@dataclass(frozen=True)
class SheetSize:
    """A sheet as pandas will make it: a rectangle of ``height`` rows by ``width`` columns."""

    visible: bool
    height: int
    width: int
    characters: int = 0  # text in its cells, where the format lets it be measured first


class PandasBook:
    """An .ods or .xls file opened by pandas; each sheet is measured, then read into a grid, when asked for."""

    def __init__(self, path: Path, caps: Caps, excel: Any, sizes: Callable[[str], SheetSize], program: str) -> None:
        self.path, self.caps, self._excel, self._sizes, self.program = path, caps, excel, sizes, program
        self._budget = [caps.cells, caps.elements]
        self._grids: dict[str, Grid] = {}
        self.notes: list[str] = []

    @property
    def sheet_names(self) -> list[str]:
        return [str(name) for name in self._excel.sheet_names]

    def visible(self, name: str) -> bool:
        return self._measured(name).visible

    def _measured(self, name: str) -> SheetSize:
        with self._errors():
            return self._sizes(name)

    def grid(self, name: str) -> Grid:
        """The sheet's grid (read once, then kept); its size is checked against the caps before pandas makes it."""
        if name not in self._grids:
            builder = GridBuilder(self.path, f"Sheet {shown(name)}", self.caps, self._budget)
            self._check(builder, self._measured(name))
            with self._errors():
                frame = self._excel.parse(name, header=None, dtype=object, na_filter=False)
                for number, row in enumerate(frame.itertuples(index=False, name=None)):
                    builder.add(number, [(column, value) for column, raw in enumerate(row)
                                         if (value := cell_value(raw)) is not None])
            self._grids[name] = builder.grid()
        return self._grids[name]

    def _check(self, builder: GridBuilder, size: SheetSize) -> None:
        caps = self.caps
        if size.height > caps.rows:
            raise builder.over(f"it has a filled cell in row {size.height:,}, beyond the {caps.rows:,} rows an "
                               "import reads")
        if size.width > caps.columns:
            raise builder.over(f"it has a filled cell in column {column_label(size.width - 1)}, beyond the "
                               f"{caps.columns:,} columns an import reads")
        if size.height * size.width > builder.budget[0]:
            raise builder.over(f"its cells span {size.height:,} rows by {size.width:,} columns, more than the "
                               f"{caps.cells:,} cells an import reads")
        if size.characters > caps.unpacked_bytes:
            raise builder.over(f"its cells hold more than {caps.unpacked_bytes:,} characters of text once "
                               "repeated cells and runs of spaces are written out")

    @contextmanager
    def _errors(self) -> Iterator[None]:
        with library_warnings(self.notes, self.path):
            try:
                yield
            except SheetImportError:
                raise
            except MemoryError:
                raise
            except Exception as error:  # noqa: BLE001 - any reader's failure means the same thing to a person
                raise damaged(self.path, error, self.program) from None

    def close(self) -> None:
        self._excel.close()


def cell_value(value: Any) -> Any:
    """A value pandas gave, as the other readers give it: ``None`` for blank (NaN, NaT, ""), ``datetime`` for a
    pandas timestamp, Python numbers for numpy ones."""
    if value is None or (isinstance(value, str) and not value):
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    to_python = getattr(value, "to_pydatetime", None) or getattr(value, "item", None)
    if to_python is not None:
        try:
            value = to_python()
        except (ValueError, OverflowError):
            return None  # NaT, or a timestamp Python's datetime cannot hold
    return value


def column_label(column: int) -> str:
    from raci.formats.sheet_detect.cells import column_name

    return column_name(column)


def damaged(path: Path, error: BaseException, program: str) -> SheetImportError:
    if "encrypt" in str(error).lower():
        return fail(path, "the workbook is password-protected", f"open it in {program}, save a copy without the "
                    "password and import that")
    return fail(path, f"the workbook is damaged or not a spreadsheet {program} wrote ({type(error).__name__})",
                f"open it in {program}, save a fresh copy and import that")


@contextmanager
def open_pandas_book(path: Path, caps: Caps | None = None, data: bytes | None = None) -> Iterator[PandasBook]:
    """Open an .ods or .xls file (told apart by their bytes, not their names) as a :class:`PandasBook`."""
    caps = caps or sheet_reader.CAPS
    data = read_bytes(path, caps) if data is None else data
    if data.startswith(ZIP_MAGIC):
        book = _open_ods(path, data, caps)
    elif data.startswith(OLE_MAGIC):
        book = _open_xls(path, data, caps)
    elif b"<html" in data[:4096].lower() or b"<table" in data[:4096].lower():
        raise fail(path, "it is a web page saved with a spreadsheet's name, not a workbook",
                   "open it in a spreadsheet program, save it as .xlsx and import that")
    else:
        raise fail(path, "it is neither an OpenDocument spreadsheet nor an Excel 97-2003 workbook",
                   "save the sheet as .xlsx, .ods or .csv and import that")
    try:
        yield book
    finally:
        book.close()


# ------------------------------------------------------------------ .ods
def _open_ods(path: Path, data: bytes, caps: Caps) -> PandasBook:
    from raci.formats.ods_scan import scan

    check_directory_size(path, data, caps)
    elements = [caps.ods_elements]

    def count(number: int) -> None:
        elements[0] -= number
        if elements[0] < 0:
            raise fail(path, f"its XML holds more than {caps.ods_elements:,} elements, more than an .ods import "
                       "reads", "save it as .xlsx in LibreOffice and import that")

    with zip_errors(path, "LibreOffice"), zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = archive.infolist()
        check_parts(path, parts, caps, "LibreOffice", xlsx=False)
        _check_package(path, archive, parts, caps)
        try:
            sheets = {sheet.name: SheetSize(sheet.visible, sheet.height, sheet.width, sheet.characters)
                      for sheet in scan(archive, count)}
        except SheetImportError:
            raise
        except Exception as error:  # noqa: BLE001 - expat's errors and defusedxml's refusals
            from raci.formats.workbook_reader import damaged as xml_damaged

            raise xml_damaged(path, error) from None
    notes: list[str] = []
    excel = _excel(path, io.BytesIO(data), "odf", "LibreOffice", notes)
    book = PandasBook(path, caps, excel, lambda name: sheets.get(name, SheetSize(True, 0, 0)), "LibreOffice")
    book.notes.extend(notes)
    return book


def _check_package(path: Path, archive: zipfile.ZipFile, parts: list[zipfile.ZipInfo], caps: Caps) -> None:
    names = {part.filename for part in parts}
    mimetype = archive.read("mimetype")[:200].strip() if "mimetype" in names else b""
    if mimetype != ODS_MIMETYPE:
        if b"opendocument" in mimetype:
            kind = mimetype.rsplit(b".", 1)[-1].decode("ascii", "replace")
            raise fail(path, f"it is an OpenDocument {shown(kind)} file, not a spreadsheet",
                       "import a spreadsheet (.ods, .xlsx, .xls or .csv)")
        raise fail(path, "it is not an OpenDocument spreadsheet (an .ods file is a zip archive holding one)",
                   "save the sheet as .ods, .xlsx or .csv and import that")
    if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read("META-INF/manifest.xml"):
        raise fail(path, "the spreadsheet is password-protected", "open it in LibreOffice, save a copy without "
                   "the password (File > Properties > Security) and import that")
    xml = sum(part.file_size for part in parts if part.filename.lower().endswith(".xml"))
    if xml > caps.ods_xml_bytes:
        raise fail(path, f"its XML unpacks to {xml / 1_048_576:.1f} MB, over the {caps.ods_xml_bytes // 1_048_576} "
                   "MB an .ods import reads", "save it as .xlsx in LibreOffice and import that")


# ------------------------------------------------------------------ .xls
def _open_xls(path: Path, data: bytes, caps: Caps) -> PandasBook:
    import xlrd

    from raci.formats.workbook_reader import check_workbook_bytes

    if _encrypted_package(data):
        check_workbook_bytes(path, data, caps)
    notes: list[str] = []
    try:
        with library_warnings(notes, path):
            # on_demand: each sheet is parsed when asked for; xlrd's own messages go to a buffer, never the terminal.
            book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=io.StringIO(), verbosity=0)
    except MemoryError:
        raise
    except Exception as error:  # noqa: BLE001 - xlrd's errors, and its compound-document reader's
        raise damaged(path, error, "Excel") from None

    def size(name: str) -> SheetSize:
        sheet = book.sheet_by_name(name)
        return SheetSize(sheet.visibility == 0, sheet.nrows, sheet.ncols)

    excel = _excel(path, book, "xlrd", "Excel", notes)
    pandas_book = PandasBook(path, caps, excel, size, "Excel")
    pandas_book.notes.extend(notes)
    return pandas_book


def _encrypted_package(data: bytes) -> bool:
    """An encrypted .xlsx is an OLE file too; its own check gives the password sentence."""
    from raci.formats.workbook_reader import ENCRYPTION_MARKERS

    return any(marker in data for marker in ENCRYPTION_MARKERS)


def _excel(path: Path, source: Any, engine: str, program: str, notes: list[str]) -> Any:
    """pandas' reader of the whole file (odfpy parses every part here), its errors in one sentence."""
    try:
        with library_warnings(notes, path):
            import pandas as pd

            return pd.ExcelFile(source, engine=engine)
    except MemoryError:
        raise
    except Exception as error:  # noqa: BLE001 - any reader's failure means the same thing to a person
        raise damaged(path, error, program) from None
