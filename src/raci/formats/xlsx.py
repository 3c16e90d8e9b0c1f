"""Excel workbooks: an export that looks finished and stays editable, and the import.

``write`` builds the workbook described in :mod:`raci.formats.xlsx_matrix`
and :mod:`raci.formats.xlsx_sheets` with XlsxWriter, which writes a large
team in about a third of the time openpyxl takes (see ``make bench``). A
large team is written in constant-memory mode: each row goes to a temporary
file as soon as the next one starts, so 3 million cells cost no more memory
than XlsxWriter's own minimum, where keeping every cell until the end cost
half a gigabyte. That mode stores text in the cells instead of a shared
table and takes about a third longer, so a team of up to
:data:`STREAM_ABOVE` letters (about 15 MB held) is written the usual way;
the import (:mod:`raci.formats.sheet_import`) reads workbooks back with
openpyxl, recognising this app's own and reading any other RACI sheet by
its layout.
"""

from __future__ import annotations

import io
import os
from typing import BinaryIO

from xlsxwriter.workbook import Workbook

from raci.findings import Report
from raci.formats import common
from raci.formats.output import Target, write_bytes
from raci.formats.safety import clean_text
from raci.formats.xlsx_cells import Sheet
from raci.formats.xlsx_layout import SHEET
from raci.formats.xlsx_matrix import write_matrix
from raci.formats.xlsx_sheets import (
    write_data_sheet,
    write_findings,
    write_people,
    write_responsibilities,
    write_sources,
)
from raci.model import Team

# Text is only ever written with write_string; these guard any generic write.
_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
STREAM_ABOVE = 50_000  # filled cells: above this, rows stream to disk as they are written


def write(team: Team, target: Target, report: Report | None = None) -> None:
    """Write ``team`` as an .xlsx workbook to a path (atomically) or a binary stream."""
    if report is None:
        report = common.default_report(team)
    buffer: BinaryIO = target if not isinstance(target, (str, os.PathLike)) else io.BytesIO()
    streamed = team.filled_count() > STREAM_ABOVE
    book = Workbook(buffer, {**_OPTIONS, "constant_memory": streamed, "in_memory": not streamed})
    write_matrix(Sheet(book, SHEET), team, report)
    write_findings(Sheet(book, "Findings"), team, report)
    write_people(Sheet(book, "People"), team)
    write_responsibilities(Sheet(book, "Responsibilities"), team)
    write_sources(Sheet(book, "Sources"))
    write_data_sheet(book, team)
    _set_properties(book, team)
    book.close()
    if isinstance(buffer, io.BytesIO) and buffer is not target:
        write_bytes(target, buffer.getbuffer())


def _set_properties(book: Workbook, team: Team) -> None:
    properties = {
        "title": clean_text(f"RACI matrix: {team.name}", 250),
        "subject": "Who does what in a product team (RACI)",
        "author": common.CREATOR,  # the workbook's creator and last editor
        "keywords": "RACI",
    }
    if team.description:
        properties["comments"] = clean_text(team.description, 2000)
    book.set_properties(properties)


