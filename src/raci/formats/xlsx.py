"""Excel workbooks: an export that looks finished and stays editable, and the import.

``write`` builds the workbook described in :mod:`raci.formats.xlsx_matrix`
and :mod:`raci.formats.xlsx_sheets`; ``read`` hands the file to
:mod:`raci.formats.sheet_import`, which recognises this app's own workbooks
and reads any other RACI sheet by its layout.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook

from raci.findings import Report
from raci.formats import ImportResult, common
from raci.formats.output import Target, write_bytes
from raci.formats.xlsx_matrix import SHEET, write_matrix
from raci.formats.xlsx_sheets import (
    write_data_sheet,
    write_findings,
    write_people,
    write_responsibilities,
    write_sources,
)
from raci.formats.safety import clean_text
from raci.model import Team


def write(team: Team, target: Target, report: Report | None = None) -> None:
    """Write ``team`` as an .xlsx workbook to a path (atomically) or a binary stream."""
    if report is None:
        report = common.default_report(team)
    workbook = Workbook()
    matrix = workbook.active
    matrix.title = SHEET
    write_matrix(matrix, team, report)
    write_findings(workbook.create_sheet("Findings"), team, report)
    write_people(workbook.create_sheet("People"), team)
    write_responsibilities(workbook.create_sheet("Responsibilities"), team)
    write_sources(workbook.create_sheet("Sources"))
    write_data_sheet(workbook, team)
    workbook.active = 0
    _set_properties(workbook, team)
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_bytes(target, buffer.getvalue())


def _set_properties(workbook: Workbook, team: Team) -> None:
    properties = workbook.properties
    properties.title = clean_text(f"RACI matrix: {team.name}", 250)
    properties.subject = "Who does what in a product team (RACI)"
    properties.creator = common.CREATOR
    properties.lastModifiedBy = common.CREATOR
    properties.keywords = "RACI"
    if team.description:
        properties.description = clean_text(team.description, 2000)


def read(path: str | Path) -> ImportResult:
    """Read a team from an .xlsx workbook (see :mod:`raci.formats.sheet_import`)."""
    from raci.formats.sheet_import import read_workbook

    return read_workbook(Path(path))
