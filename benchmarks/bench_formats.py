"""Export to .xlsx and import back, for a 1000-responsibility x 100-person team.

Targets: each export and import under 3 s, and each export within 2.5x of
the "baseline" case beside it: a plain openpyxl write-only dump of the same
letters with no styling, measured in the same run. The exports carry the
rules' real report (computed in the setup, not timed); on a random team it
holds thousands of findings, so at 20% density the Findings sheet is as
big as the grid itself, and the "no findings" case shows the workbook's
own cost beside the same baseline.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import Case, make_team
from raci.findings import Report
from raci.formats import export_team, import_sheet
from raci.model import Team

_FOLDER = Path(tempfile.mkdtemp(prefix="raci-bench-formats-"))


def _export_state(density: float) -> tuple[Team, Path, Any]:
    from raci.rules import check

    team = make_team(1000, 100, density)
    return team, _FOLDER / f"out-{density}.xlsx", check(team)


def _baseline(team: Team) -> None:
    """The least any .xlsx writer can do: the same titles and letters, write-only, unstyled."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("RACI")
    people = [person.id for person in team.people]
    sheet.append(["Responsibility", *(person.name for person in team.people)])
    for row in team.responsibilities:
        letters = team.row_letters(row.id)
        sheet.append([row.title, *(letters[p].value if p in letters else None for p in people)])
    workbook.save(io.BytesIO())


def _exported(density: float) -> Path:
    team, path, report = _export_state(density)
    export_team(team, path, report)
    return path


CASES = [
    Case("xlsx export 1000 x 100, every cell filled", 3000, lambda: _export_state(1.0),
         lambda state: export_team(*state), repeat=3, note="within 2.5x of the baseline below"),
    Case("xlsx baseline dump 1000 x 100, every cell filled", None, lambda: make_team(1000, 100, 1.0), _baseline,
         repeat=3, note="openpyxl write-only, no styling"),
    Case("xlsx export 1000 x 100, 20% filled", 3000, lambda: _export_state(0.2),
         lambda state: export_team(*state), repeat=3,
         note="with the 2,556 findings, which cost about as much as the letters"),
    Case("xlsx baseline dump 1000 x 100, 20% filled", None, lambda: make_team(1000, 100, 0.2), _baseline,
         repeat=3, note="openpyxl write-only, no styling"),
    Case("xlsx export 1000 x 100, 20% filled, no findings", None,
         lambda: (make_team(1000, 100, 0.2), _FOLDER / "out-plain.xlsx", Report()),
         lambda state: export_team(*state), repeat=3, note="the matrix and its sheets without the 2,556 findings"),
    Case("xlsx import 1000 x 100, every cell filled", 3000, lambda: _exported(1.0), import_sheet, repeat=3),
    Case("xlsx import 1000 x 100, 20% filled", 3000, lambda: _exported(0.2), import_sheet, repeat=3),
]
