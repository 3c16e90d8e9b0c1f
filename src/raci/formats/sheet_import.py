"""Importing a team from a spreadsheet file: a bounded grid, then the layout, then the team.

Three steps, each in its own module:

1. **Reading** (:mod:`raci.formats.sheet_reader`): the file opens as a
   book of sheets, each read into a bounded grid when asked for; anything
   over the caps is refused in one sentence before the expensive work.
   .csv files are read by :mod:`~raci.formats.sheet_reader` itself, .xlsx
   by :mod:`~raci.formats.workbook_reader`, .ods and .xls by
   :mod:`~raci.formats.pandas_sheets`.
2. **Understanding**: a workbook this app exported is read back whole
   (:mod:`raci.formats.own_import`); any other file is read by its layout
   (:mod:`raci.formats.sheet_detect`): the sheet holding the matrix is
   chosen and its layout found.
3. **The team**: the layout, as found or as a person corrected it in the
   window's preview, makes the team, with its warnings grouped by kind and
   a summary that says how many rows matched the catalog.

:func:`inspect` does the first two steps (``raci import --explain`` and
the preview stop there), :func:`finish` the third, :func:`read` all
three. Every failure is one :class:`SheetImportError` sentence.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from raci.collector import paused_collector
from raci.errors import SheetImportError, shown
from raci.formats import ImportResult, bounded
from raci.formats.own_import import read_own
from raci.formats.sheet_detect import Frame, Layout, LayoutNotFound, SheetRead, choose_sheet, read_sheet, to_team
from raci.formats.sheet_reader import CAPS, Book, fail
from raci.phrases import plural

__all__ = ["CAPS", "Inspection", "describe_matches", "fail", "finish", "inspect", "open_book", "read"]

MATCHES_LISTED = 12  # catalog matches ``describe_matches`` names before "and N more"


@dataclass(frozen=True)
class Inspection:
    """What a file holds, before it becomes a team: this app's own workbook read whole (``own``), or the
    sheet holding the matrix with its grid (``frame``) and the layout found in it."""

    path: Path
    notes: tuple[str, ...] = ()  # the reading step's warnings (an encoding, a library warning)
    own: ImportResult | None = None
    sheet: str = ""
    frame: Frame | None = None
    layout: Layout | None = None

    @property
    def team_name(self) -> str:
        return (self.layout.team_name if self.layout is not None else "") or name_from(self.path)


def open_book(path: Path) -> AbstractContextManager[Book]:
    """The file opened as a :class:`Book` by the reader it needs: a .csv file by its name, a workbook by its
    bytes, so that an .xls file saved with an .xlsx name (or the other way round) is read all the same."""
    from raci.formats import sheet_reader

    if path.suffix.lower() == ".csv":
        return sheet_reader.open_csv(path)
    data = sheet_reader.read_bytes(path)
    if _read_by_pandas(path, data):
        from raci.formats.pandas_sheets import open_pandas_book

        return open_pandas_book(path, data=data)
    from raci.formats.workbook_reader import open_workbook

    return open_workbook(path, data=data)


def _read_by_pandas(path: Path, data: bytes) -> bool:
    """An OpenDocument spreadsheet, or an Excel 97-2003 workbook (an encrypted .xlsx is an OLE file too: the
    .xlsx reader says it is password-protected)."""
    from raci.formats.workbook_reader import ENCRYPTION_MARKERS, OLE_MAGIC, ZIP_MAGIC

    if data.startswith(OLE_MAGIC):
        return not any(marker in data for marker in ENCRYPTION_MARKERS)
    if data.startswith(ZIP_MAGIC):
        # An .ods file starts with its "mimetype" part, stored as it is; an .xlsx names its workbook part.
        opendocument = data[30:38] == b"mimetype" and b"opendocument" in data[38:120]
        return opendocument or (path.suffix.lower() == ".ods" and b"xl/workbook" not in data)
    return path.suffix.lower() in (".ods", ".xls")


def inspect(path: str | os.PathLike[str]) -> Inspection:
    """Read ``path`` and find what it holds; raises :class:`SheetImportError` with one sentence."""
    path = Path(path)
    with paused_collector(), open_book(path) as book:
        if path.suffix.lower() != ".csv":
            own = read_own(book)
            if own is not None:
                return Inspection(path, tuple(book.notes), own=_whole(own, book.notes))
        names = [name for name in book.sheet_names if book.visible(name)] or book.sheet_names
        try:
            sheet, frame, layout = choose_sheet((name, book.grid(name).rows) for name in names)
        except LayoutNotFound as error:
            raise _not_found(path, error) from None
        return Inspection(path, tuple(book.notes), sheet=sheet, frame=frame, layout=layout)


def _whole(result: ImportResult, notes: Sequence[str]) -> ImportResult:
    """This app's workbook read whole, with the reading step's notes and a summary."""
    team = result.team
    rows, linked = len(team.responsibilities), sum(1 for row in team.responsibilities if row.sources)
    summary = (f"Read {plural(rows, 'responsibility', 'responsibilities')}, "
               f"{plural(len(team.people), 'person', 'people')} and {plural(team.filled_count(), 'cell')} from a "
               f"RACI Builder workbook, whole; {linked:,} of {rows:,} rows are linked to the catalog.")
    return ImportResult(team, bounded((*notes, *result.warnings)), summary)


def _not_found(path: Path, error: LayoutNotFound) -> SheetImportError:
    sentence = error.sentence
    return SheetImportError(f"Cannot import {shown(path.name)}: {sentence[:1].lower()}{sentence[1:]}")


def preview(inspection: Inspection, layout: Layout | None = None) -> SheetRead:
    """What the sheet gives by ``layout`` (the one found, unless given): people, rows, cells, catalog links."""
    from raci.catalog import load_catalog

    chosen = layout or inspection.layout
    if inspection.frame is None or chosen is None:
        raise ValueError("a workbook read whole has no layout to preview")
    with paused_collector():
        return read_sheet(inspection.frame, chosen, load_catalog())


def finish(inspection: Inspection, layout: Layout | None = None, read: SheetRead | None = None) -> ImportResult:
    """The team the file makes: this app's workbook as it was, any other sheet by ``layout`` (the one found,
    unless a person corrected it); ``read`` is :func:`preview`'s result when the caller already has it."""
    if inspection.own is not None:
        return inspection.own
    read = read if read is not None else preview(inspection, layout)
    path = inspection.path
    with paused_collector():
        team = to_team(read, name=read.layout.team_name or name_from(path),
                       description=f"Imported from {path.name}."[:5000])
    warnings = (*inspection.notes, *(warning.sentence for warning in read.warnings))
    return ImportResult(team, bounded(warnings), read.summary())


def read(path: str | Path) -> ImportResult:
    """Read a team from a .csv, .xlsx, .ods or .xls file (see the module docstring)."""
    return finish(inspect(path))


def describe_matches(read: SheetRead, address: Callable[[int], str] | None = None) -> str:
    """The rows linked to catalog entries, one per line: "row 2 'Own the backlog' = own-product-backlog"."""
    label = address or read.layout.row_label
    linked = [row for row in read.rows if row.sources]
    lines = [f"Catalog matches: {len(linked):,} of {len(read.rows):,} rows"]
    for row in linked[:MATCHES_LISTED]:
        how = "=" if row.exact else "~"
        lines.append(f"  {label(row.row)} '{shown(row.title)}' {how} {row.sources[0]}")
    if len(linked) > MATCHES_LISTED:
        lines.append(f"  and {len(linked) - MATCHES_LISTED:,} more")
    return "\n".join(lines)


def name_from(path: Path) -> str:
    """A team name from a file name: ``apollo_raci-2024.xlsx`` -> ``apollo raci 2024``."""
    stem = path.name.split(".")[0].replace("_", " ").replace("-", " ").strip()
    return (stem or "Imported team")[:200]
