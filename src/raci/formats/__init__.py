"""Exports and imports, picked by file extension from one table.

Every export module has ``write(team, path_or_stream, report)``; the
import (:mod:`raci.formats.sheet_import`) has ``read(path) -> ImportResult``
for every sheet it reads. The modules are loaded by
name on first use, so starting the app loads neither the workbook
libraries (XlsxWriter to write, openpyxl to read) nor pandas.

The PDF export draws with Qt's painter, and the core names no Qt module:
the faces that have Qt (the window's package, the ``raci`` command) add it
with :func:`register_export`. Without them, exporting a ``.pdf`` says so
in one sentence.
"""

from __future__ import annotations

import importlib
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from raci.errors import ExportError, SheetImportError, shown

if TYPE_CHECKING:  # the window registers its PDF writer here before it shows: nothing heavier loads with it
    from raci.findings import Report
    from raci.model import Team

EXPORT_SUFFIXES: dict[str, str] = {
    ".xlsx": "raci.formats.xlsx",
    ".csv": "raci.formats.csv_format",
    ".md": "raci.formats.markdown",
}
# Formats whose writer a face with Qt registers, and what they are called.
FACE_EXPORTS: dict[str, str] = {".pdf": "PDF"}
# One reader for every sheet: it tells the kinds apart by their bytes, not their names.
IMPORT_SUFFIXES: dict[str, str] = dict.fromkeys((".xlsx", ".csv", ".ods", ".xls"), "raci.formats.sheet_import")


class Warnings(list[str]):
    """An import's warnings as they are found: the first :data:`LIMIT` kept, the rest only counted.

    A sheet of a million unreadable cells would otherwise build a million
    sentences; :meth:`add` does not even format the ones past the limit.
    """

    LIMIT = 1_000

    def __init__(self) -> None:
        super().__init__()
        self.dropped = 0

    def append(self, text: str) -> None:
        if len(self) < self.LIMIT:
            super().append(text)
        else:
            self.dropped += 1

    def add(self, make: Callable[[], str]) -> None:
        """Keep the warning ``make()`` returns, or only count it once the list is full."""
        if len(self) < self.LIMIT:
            super().append(make())
        else:
            self.dropped += 1


def bounded(warnings: Sequence[str]) -> tuple[str, ...]:
    """The warnings, each one printable line, cut at :attr:`Warnings.LIMIT` with a count of the rest."""
    limit = Warnings.LIMIT
    total = len(warnings) + getattr(warnings, "dropped", 0)
    kept = tuple(shown(warning, 500) for warning in warnings[:limit])
    if total > limit:
        kept = (*kept[:-1], f"... and {total - limit + 1:,} more warnings like these.")
    return kept


@dataclass(frozen=True)
class ImportResult:
    """A team read from a spreadsheet, what could not be read (grouped warnings, one sentence each), and a
    summary sentence: what was read, and how many rows are linked to the catalog."""

    team: Team
    warnings: tuple[str, ...] = ()
    summary: str = ""


def export_team(team: Team, path: str | Path, report: Report | None = None) -> None:
    """Write ``team`` (with its findings) in the format ``path``'s extension names.

    The file is written whole or not at all. Raises :class:`ExportError` for
    an unknown extension and :class:`raci.errors.SaveError` when the file
    cannot be written.
    """
    from raci.formats.output import write_bytes
    from raci.saving import writable_target

    path = Path(path)
    module = importlib.import_module(_module_for(path, EXPORT_SUFFIXES, "export"))
    writable_target(path)  # a folder, a pipe or a device is refused before the work, not after
    if report is None:
        from raci.formats.common import default_report

        report = default_report(team)
    buffer = io.BytesIO()
    try:
        module.write(team, buffer, report)
    except OSError as error:  # the workbook writer's temporary files: a full or unwritable temporary folder
        raise ExportError(f"Cannot export to {shown(path.name)}: {error.strerror or error} while writing "
                          "temporary files; free some disk space and try again.") from None
    write_bytes(path, buffer.getbuffer())


def register_export(suffix: str, module: str) -> None:
    """Make ``module`` (loaded by name on first use) the writer of files ending in ``suffix``."""
    EXPORT_SUFFIXES[suffix.lower()] = module


def check_export_path(path: str | Path) -> None:
    """Raise :class:`ExportError` now if ``path``'s extension is no export format (before any work)."""
    _module_for(Path(path), EXPORT_SUFFIXES, "export")


def check_import_path(path: str | os.PathLike[str]) -> None:
    """Raise :class:`SheetImportError` now if ``path``'s extension is no import format (before any work)."""
    _module_for(Path(path), IMPORT_SUFFIXES, "import")


def import_sheet(path: str | Path) -> ImportResult:
    """Read a team from a spreadsheet; raises :class:`SheetImportError` with one sentence."""
    path = Path(path)
    module = importlib.import_module(_module_for(path, IMPORT_SUFFIXES, "import"))
    return module.read(path)


def _module_for(path: Path, table: dict[str, str], action: str) -> str:
    suffix = path.suffix.lower()
    if suffix in table:
        return table[suffix]
    known = ", ".join(table)
    named = f"'{shown(path.suffix)}'" if path.suffix else "no extension"
    if action == "export" and suffix in FACE_EXPORTS:
        raise ExportError(f"Cannot export to {shown(path.name)}: the {FACE_EXPORTS[suffix]} export is drawn by the "
                          "window, which is not loaded here; export from the window or with 'raci export'.")
    if action == "export":
        raise ExportError(f"Cannot export to {shown(path.name)}: {named} is not a format RACI Builder writes; "
                          f"end the file name with one of {known}.")
    raise SheetImportError(f"Cannot import {shown(path.name)}: {named} is not a format RACI Builder reads; "
                           f"save the sheet as one of {known} and import that.")
