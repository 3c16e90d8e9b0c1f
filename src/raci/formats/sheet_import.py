"""Importing a team from a spreadsheet file: a bounded grid first, then the layout.

:mod:`raci.formats.sheet_reader` turns the file into grids of cell values,
refusing anything over its caps before the expensive work (an encrypted
workbook and an old .xls file get their own sentence, openpyxl parses with
defusedxml, so XML entity tricks are refused too). A workbook exported by
this app is then read back whole (see :mod:`raci.formats.own_import`);
anything else is read by its layout (see :mod:`raci.formats.sheet_layout`).
Every failure is one :class:`SheetImportError` sentence.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from raci.errors import TeamFileError, shown
from raci.formats import ImportResult, Warnings
from raci.formats.sheet_layout import Row, find_layout, read_generic, without_note
from raci.formats.sheet_reader import CAPS, fail, read_csv
from raci.formats.workbook_reader import Workbook, open_workbook
from raci.letters import DEFAULT, to_data
from raci.teamfile import FORMAT, VERSION, loads_team, paused_collector


__all__ = ["CAPS", "build_generic", "fail", "read_csv_file", "read_workbook", "result_from_document"]


def read_workbook(path: Path) -> ImportResult:
    """Read a team from an .xlsx file (this app's export, or a sheet from any tool)."""
    from raci.formats.own_import import read_own

    with paused_collector(), open_workbook(path) as book:
        result = read_own(book)
        if result is None:
            result = _read_generic_workbook(path, book)
    return _with_warnings(result, book.notes)


def _read_generic_workbook(path: Path, book: Workbook) -> ImportResult:
    names = sorted(book.sheet_names, key=lambda name: name.casefold() != "raci")
    candidates = []
    for name in names:
        if not book.visible(name):
            continue
        grid = book.grid(name)
        layout = find_layout(grid.rows)
        if layout is not None and layout.score > 0:
            return build_generic(grid.rows, grid.where, path)
        if layout is not None:
            candidates.append(grid)
    if candidates:
        return build_generic(candidates[0].rows, candidates[0].where, path)
    raise _no_header(path, "of any sheet")


def _no_header(path: Path, where: str) -> Exception:
    return fail(path, f"no row of names with RACI letters under it was found in the first 20 rows {where}",
                "put the people's names in one row above the letters, with the activities in a column on the left")


def build_generic(rows: Sequence[Row], where: str, path: Path) -> ImportResult:
    """A team from a sheet read by its layout; raises when no layout is found."""
    rows, recorded = without_note(rows)
    layout = find_layout(rows, recorded)
    if layout is None:
        raise _no_header(path, "of the sheet")
    found = read_generic(rows, layout, where, recorded)
    document = {
        "format": FORMAT, "version": VERSION, "name": found.title or _name_from(path),
        "description": f"Imported from {path.name}."[:5000],
        "profile": {"size": "medium", "delivery_teams": 1, "notes": ""},
        "people": found.people, "responsibilities": found.responsibilities, "cells": found.cells,
    }
    if found.letter_set != DEFAULT:
        document["letters"] = to_data(found.letter_set)
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
    return ImportResult(team, bounded(warnings))


def bounded(warnings: Sequence[str]) -> tuple[str, ...]:
    """The warnings, each one printable line, cut at :attr:`Warnings.LIMIT` with a count of the rest."""
    limit = Warnings.LIMIT
    total = len(warnings) + getattr(warnings, "dropped", 0)
    kept = tuple(shown(warning, 500) for warning in warnings[:limit])
    if total > limit:
        kept = (*kept[:-1], f"... and {total - limit + 1:,} more warnings like these.")
    return kept


def read_csv_file(path: Path) -> ImportResult:
    """Read a team from a .csv file (any delimiter, UTF-8 with or without BOM, or Windows-1252)."""
    with paused_collector():
        grid, notes = read_csv(path)
        return _with_warnings(build_generic(grid.rows, grid.where, path), notes)


def _with_warnings(result: ImportResult, extra: Sequence[str]) -> ImportResult:
    return ImportResult(result.team, (*extra, *result.warnings)) if extra else result
