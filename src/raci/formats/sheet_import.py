"""Importing a team from a spreadsheet file: safe opening, then the layout.

A file is checked before any parser sees it: its size (50 MB at most), its
first bytes (an encrypted workbook and an old .xls file are both OLE
containers and get their own sentence), and for a workbook the unpacked
size of the zip (so a zip bomb is refused, not expanded). openpyxl parses
with defusedxml installed, so XML entity tricks are refused too. Every
failure is one :class:`SheetImportError` sentence.

A workbook exported by this app is read back whole (see
:mod:`raci.formats.own_import`); anything else is read by its layout (see
:mod:`raci.formats.sheet_layout`).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from raci.errors import SheetImportError, TeamFileError
from raci.formats import ImportResult
from raci.formats.sheet_layout import Row, find_layout, read_generic
from raci.teamfile import FORMAT, VERSION, loads_team

MAX_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED = 500 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# An encrypted Office file is an OLE container holding these streams (names in UTF-16).
ENCRYPTION_MARKERS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))


def fail(path: Path, fault: str, advice: str) -> SheetImportError:
    return SheetImportError(f"Cannot import {path.name}: {fault}; {advice}.")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing a missing, unreadable, empty or oversized file."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise fail(path, f"the file is {size / 1_000_000:.0f} MB, over the 50 MB limit for imports",
                       "check that this is the right file")
        data = path.read_bytes()
    except FileNotFoundError:
        raise fail(path, "there is no such file", "check the name and folder") from None
    except IsADirectoryError:
        raise fail(path, "it is a folder, not a file", "choose a spreadsheet file") from None
    except OSError as error:
        raise fail(path, f"it cannot be read ({error.strerror})", "check its permissions") from None
    if not data.strip():
        raise fail(path, "the file is empty", "choose a spreadsheet with a RACI matrix in it")
    return data


def read_workbook(path: Path) -> ImportResult:
    """Read a team from an .xlsx file (this app's export, or a sheet from any tool)."""
    data = read_bytes(path)
    _check_workbook_bytes(path, data)
    from openpyxl import load_workbook

    workbook = None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        return _read_open_workbook(path, workbook)
    except SheetImportError:
        raise
    except Exception as error:  # noqa: BLE001 - any parser failure means the same thing to a person
        raise _damaged(path, error) from None
    finally:
        if workbook is not None:
            workbook.close()


def _check_workbook_bytes(path: Path, data: bytes) -> None:
    if data.startswith(OLE_MAGIC):
        if any(marker in data for marker in ENCRYPTION_MARKERS):
            raise fail(path, "the workbook is password-protected", "open it in Excel, remove the password "
                       "(File > Info > Protect Workbook) and import the saved copy")
        raise fail(path, "it is an old Excel 97-2003 workbook (.xls) renamed to .xlsx",
                   "open it in a spreadsheet program and save it as .xlsx")
    if not data.startswith(ZIP_MAGIC):
        raise fail(path, "it is not an Excel workbook (an .xlsx file is a zip archive and this is not one)",
                   "save the sheet as .xlsx or .csv and import that")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise fail(path, "the workbook is damaged or cut short (its zip archive cannot be read)",
                   "open it in Excel, save a fresh copy and import that") from None
    if unpacked > MAX_UNZIPPED:
        raise fail(path, f"it unpacks to {unpacked / 1_000_000:.0f} MB, far more than any RACI sheet",
                   "check that this is the right file")


def _damaged(path: Path, error: Exception) -> SheetImportError:
    kind = type(error).__name__
    chain: BaseException | None = error
    while chain is not None:  # openpyxl wraps the parser's error in a ValueError
        # defusedxml: DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
        if "Forbidden" in type(chain).__name__:
            break
        chain = chain.__cause__ or chain.__context__
    if chain is not None:
        return fail(path, "the workbook contains XML entity declarations, which are refused for safety",
                    "open it in Excel, save a fresh copy and import that")
    return fail(path, f"the workbook is damaged or not a spreadsheet Excel wrote ({kind})",
                "open it in Excel, save a fresh copy and import that")


def _read_open_workbook(path: Path, workbook: Any) -> ImportResult:
    from raci.formats.own_import import read_own

    own = read_own(workbook, path.name)
    if own is not None:
        return own
    names = sorted(workbook.sheetnames, key=lambda name: name.casefold() != "raci")
    candidates = []
    for name in names:
        worksheet = workbook[name]
        if getattr(worksheet, "sheet_state", "visible") != "visible":
            continue
        rows = sheet_rows(worksheet)
        layout = find_layout(rows)
        if layout is not None and layout.score > 0:
            return build_generic(rows, f"Sheet {name}", path)
        if layout is not None:
            candidates.append((name, rows))
    if candidates:
        name, rows = candidates[0]
        return build_generic(rows, f"Sheet {name}", path)
    raise _no_header(path, "of any sheet")


def sheet_rows(worksheet: Any) -> list[tuple[Any, ...]]:
    """Every row of a read-only worksheet as a tuple of values, in one streaming pass."""
    worksheet.reset_dimensions()  # some writers store a wrong size; read what is really there
    return list(worksheet.iter_rows(values_only=True))


def _no_header(path: Path, where: str) -> SheetImportError:
    return fail(path, f"no row of names with RACI letters under it was found in the first 20 rows {where}",
                "put the people's names in one row above the letters, with the activities in a column on the left")


def build_generic(rows: Sequence[Row], where: str, path: Path) -> ImportResult:
    """A team from a sheet read by its layout; raises when no layout is found."""
    layout = find_layout(rows)
    if layout is None:
        raise _no_header(path, "of the sheet")
    found = read_generic(rows, layout, where)
    document = {
        "format": FORMAT, "version": VERSION, "name": found.title or _name_from(path),
        "description": f"Imported from {path.name}."[:5000],
        "profile": {"size": "medium", "delivery_teams": 1, "notes": ""},
        "people": found.people, "responsibilities": found.responsibilities, "cells": found.cells,
    }
    return result_from_document(document, found.warnings, path)


def _name_from(path: Path) -> str:
    stem = path.name.split(".")[0].replace("_", " ").replace("-", " ").strip()
    return (stem or "Imported team")[:200]


def result_from_document(document: dict[str, Any], warnings: Sequence[str], path: Path) -> ImportResult:
    """Check the document as a team file would be checked and wrap it up."""
    try:
        team = loads_team(json.dumps(document), path.name)
    except TeamFileError as error:
        raise fail(path, f"the sheet does not make a valid team ({error.sentence})",
                   "fix the sheet and import it again") from None
    return ImportResult(team, tuple(warnings))


def read_csv_file(path: Path) -> ImportResult:
    """Read a team from a .csv file (any delimiter, UTF-8 with or without BOM, or Windows-1252)."""
    data = read_bytes(path)
    if b"\x00" in data[:8192]:
        raise fail(path, "it is not a text file (it holds binary data)", "export the sheet as .csv and import that")
    warnings: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        warnings.append(f"{path.name}: the file is not UTF-8; it was read as Windows-1252 text.")
    rows = _csv_rows(path, text)
    return _with_warnings(build_generic(rows, path.name, path), warnings)


def _csv_rows(path: Path, text: str) -> list[tuple[Any, ...]]:
    # The standard csv module rather than pandas: a sheet saved as CSV often
    # has a title row above the header, so rows differ in length, and
    # pandas' read_csv refuses such ragged rows.
    try:
        reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
        return [tuple(value or None for value in row) for row in reader]
    except csv.Error as error:
        raise fail(path, f"it cannot be read as comma-separated values ({error})",
                   "export the sheet as .csv again and import that") from None


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


def _with_warnings(result: ImportResult, extra: Sequence[str]) -> ImportResult:
    return ImportResult(result.team, (*extra, *result.warnings)) if extra else result
