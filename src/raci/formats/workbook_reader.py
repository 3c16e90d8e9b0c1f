"""Opening an .xlsx file for an import: checked part by part against the caps, then opened by openpyxl.

Part of the reading step (see :mod:`raci.formats.sheet_reader` for the caps
and the grids). Before openpyxl sees the file: an encrypted workbook and an
old .xls file get their own sentence; the zip's directory is measured from
its last record; every part's compression, the unpacked total, the parts
openpyxl parses when it opens a workbook, and the defined names are checked
against the caps. openpyxl then opens the workbook read-only (through
defusedxml) for its structure, shared text and date styles, while each
sheet streams through :mod:`raci.formats.sheet_xml` into a grid, on demand.
openpyxl's warnings are caught, never printed.
"""

from __future__ import annotations

import io
import lzma
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from raci.errors import SheetImportError, shown
from raci.formats import sheet_reader
from raci.formats.sheet_reader import Caps, Grid, GridBuilder, fail, read_bytes

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# An encrypted Office file is an OLE container holding these streams (names in UTF-16).
ENCRYPTION_MARKERS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_READABLE_COMPRESSION = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_MAX_ZIP_VERSION = 63  # what Python's zipfile can extract (6.3)


class Workbook:
    """An .xlsx file, checked part by part, opened by openpyxl, its sheets read on demand into grids."""

    def __init__(self, path: Path, book: Any, caps: Caps, archive: zipfile.ZipFile,
                 unreadable: Callable[[BaseException], SheetImportError]) -> None:
        self.path, self.caps, self._book, self._archive = path, caps, book, archive
        self._unreadable = unreadable  # the sentence for a sheet its parser or its zip entry cannot read
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
            builder = GridBuilder(self.path, f"Sheet {shown(name)}", self.caps, self._budget)
            try:
                with library_warnings(self.notes, self.path), self._archive.open(_part(worksheet)) as source:
                    read_sheet(source, _shared_strings(worksheet), _date_styles(worksheet), builder.add,
                               builder.elements)
            except SheetImportError:
                raise
            except Exception as error:  # noqa: BLE001 - expat's, defusedxml's, zipfile's and openpyxl's failures
                raise self._unreadable(error) from None
            self._grids[name] = builder.grid()
        return self._grids[name]


@contextmanager
def open_workbook(path: Path, caps: Caps | None = None, data: bytes | None = None) -> Iterator[Workbook]:
    """Check an .xlsx file (or its ``data``, already read) against the caps, open it, and close it afterwards;
    every failure is one sentence. A Strict Open XML workbook is read too (see :mod:`raci.formats.strict_xlsx`)."""
    from raci.formats import strict_xlsx

    caps = caps or sheet_reader.CAPS
    data = read_bytes(path, caps) if data is None else data
    strict = strict_xlsx.is_strict(check_workbook_bytes(path, data, caps))
    from openpyxl import load_workbook

    def unreadable(error: BaseException) -> SheetImportError:
        return strict_xlsx.unreadable(path) if strict else damaged(path, error)

    notes: list[str] = []
    archive, book = None, None
    try:
        # Only the libraries' work is caught here: a fault in what the import does with the workbook
        # afterwards (the body of the caller's ``with``) is a bug to see, not a damaged file.
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            source = strict_xlsx.transitional_copy(archive, _opened_by_openpyxl) if strict else io.BytesIO(data)
            with library_warnings(notes, path):
                book = load_workbook(source, read_only=True, data_only=False, keep_links=False)
            sheets = book.sheetnames
        except SheetImportError:
            raise
        except Exception as error:  # noqa: BLE001 - zipfile's and openpyxl's failures mean the same to a person
            raise unreadable(error) from None
        if strict and not sheets:
            raise strict_xlsx.unreadable(path)
        workbook = Workbook(path, book, caps, archive, unreadable)
        workbook.notes.extend(notes)
        yield workbook
    finally:
        if book is not None:
            book.close()
        if archive is not None:
            archive.close()


def check_workbook_bytes(path: Path, data: bytes, caps: Caps | None = None) -> bytes | None:
    """Refuse what is not a workbook, and a workbook over the caps, before anything parses it; returns the
    workbook part's XML (``None`` when it is missing: openpyxl finds it by its content type, or says so)."""
    caps = caps or sheet_reader.CAPS
    if data.startswith(OLE_MAGIC):
        if any(marker in data for marker in ENCRYPTION_MARKERS):
            raise fail(path, "the workbook is password-protected", "open it in Excel, remove the password "
                       "(File > Info > Protect Workbook) and import the saved copy")
        raise fail(path, "it is an old Excel 97-2003 workbook (.xls) renamed to .xlsx",
                   "open it in a spreadsheet program and save it as .xlsx")
    if not data.startswith(ZIP_MAGIC):
        raise fail(path, "it is not an Excel workbook (an .xlsx file is a zip archive and this is not one)",
                   "save the sheet as .xlsx or .csv and import that")
    check_directory_size(path, data, caps)
    with zip_errors(path, "Excel"), zipfile.ZipFile(io.BytesIO(data)) as archive:
        check_parts(path, archive.infolist(), caps)
        workbook_xml = _read_part(archive, "xl/workbook.xml")
    if workbook_xml is not None:
        _check_defined_names(path, workbook_xml, caps)
    return workbook_xml


@contextmanager
def zip_errors(path: Path, program: str) -> Iterator[None]:
    """Turn what zipfile raises on a damaged or unusual archive into one sentence (``program`` saves a fresh copy)."""
    try:
        yield
    except NotImplementedError as error:  # zipfile's word for a version or method it cannot unpack
        raise fail(path, f"the workbook is packed with a zip method this program cannot unpack ({shown(error)})",
                   f"open it in {program}, save a fresh copy and import that") from None
    except (zipfile.BadZipFile, EOFError, ValueError, RuntimeError, OSError, zlib.error, lzma.LZMAError):
        raise fail(path, "the workbook is damaged or cut short (its zip archive cannot be read)",
                   f"open it in {program}, save a fresh copy and import that") from None


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        return archive.read(name)
    except KeyError:
        return None  # openpyxl finds the workbook part by its content type, or says it is missing


def check_directory_size(path: Path, data: bytes, caps: Caps) -> None:
    """Read the part count from the zip's last record, so a directory of millions of parts is never parsed."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        return  # zipfile will say it is damaged
    count = struct.unpack_from("<H", data, end + 10)[0]
    if count > caps.parts:  # 0xFFFF, the Zip64 marker, is over the cap too
        raise fail(path, f"its zip archive lists {count:,} parts, far more than any workbook",
                   "check that this is the right file")


def check_parts(path: Path, parts: list[zipfile.ZipInfo], caps: Caps, program: str = "Excel",
                xlsx: bool = True) -> None:
    """Refuse encrypted parts, unknown packing, too many parts and too much unpacked data (before unpacking);
    for an .xlsx file, also too much in the parts openpyxl parses on opening."""
    if len(parts) > caps.parts:
        raise fail(path, f"its zip archive lists {len(parts):,} parts, far more than any workbook",
                   "check that this is the right file")
    total = structure = 0
    largest: zipfile.ZipInfo | None = None
    for part in parts:
        if part.flag_bits & 0x1:
            raise fail(path, "parts of the workbook are encrypted", f"remove the password in {program} and import "
                       "the saved copy")
        if part.compress_type not in _READABLE_COMPRESSION or part.extract_version > _MAX_ZIP_VERSION:
            raise fail(path, f"the workbook is packed with a zip method this program cannot unpack "
                       f"(method {part.compress_type}, version {part.extract_version / 10:.1f})",
                       f"open it in {program}, save a fresh copy and import that")
        total += part.file_size
        if xlsx and _opened_by_openpyxl(part.filename):
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
def library_warnings(notes: list[str], path: Path) -> Iterator[None]:
    """Catch the reading library's warnings so none is printed; keep those that matter, in this program's words.

    A library's notice about its own future (pandas deprecating one of its readers) is for this program's
    developers, not for the person importing: it is dropped.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for warning in caught:
        message = str(warning.message)
        if issubclass(warning.category, (DeprecationWarning, PendingDeprecationWarning, FutureWarning)) \
                or any(part in message for part in _IGNORED_WARNINGS):
            continue
        note = (f"{shown(path.name)}: a part of the workbook could not be read and was skipped "
                f"({shown(message, 120)}); the cells were read, check the result.")
        if note not in notes:
            notes.append(note)


# openpyxl's read-only worksheet knows where its XML is, the shared strings and the date styles, but
# pads every row to the widest one when it reads cells; these three reach past that to the parts.
def _part(worksheet: Any) -> str:
    return worksheet._worksheet_path  # noqa: SLF001 - see above


def _shared_strings(worksheet: Any) -> Any:
    return worksheet._shared_strings  # noqa: SLF001


def _date_styles(worksheet: Any) -> tuple[set[int], Any]:
    book = worksheet.parent
    return set(book._date_formats), book.epoch  # noqa: SLF001
