"""Export to .xlsx and import back, for a 1000-responsibility x 100-person team.

Targets: each export and import under 3 s, and each export within 2.5x of
a plain openpyxl write-only dump of the same letters with no styling, the
baseline, timed in turn with it. The exports carry the rules' real report
(computed in the setup, not timed).

Two kinds of team: "planned" letters, filled the way a team lead fills a
matrix (one A per row and a few findings, see make_planned_team), and
random letters, which break the one-A rule on almost every row. At 20%
the random team's 2,556 findings make a Findings sheet about as big as
the grid, which the letters-only baseline does not write.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from raci.formats import export_team, import_sheet
from raci.model import Team

from benchmarks.common import Baseline, Case, make_planned_team, make_team

_FOLDER = Path(tempfile.mkdtemp(prefix="raci-bench-formats-"))
Maker = Callable[[], Team]


def _export_state(make: Maker, name: str) -> tuple[Team, Path, Any]:
    from raci.rules import check

    team = make()
    return team, _FOLDER / f"{name}.xlsx", check(team)


def _baseline(team: Team) -> None:
    """The least any .xlsx writer can do: the same titles and letters, write-only, unstyled."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("RACI")
    people = [person.id for person in team.people]
    sheet.append(["Responsibility", *(person.name for person in team.people)])
    for row in team.responsibilities:
        letters = team.row_letters(row.id)
        sheet.append([row.title, *(letters.get(p, None) for p in people)])
    workbook.save(io.BytesIO())


def _exported(make: Maker, name: str) -> Path:
    team, path, report = _export_state(make, name)
    export_team(team, path, report)
    return path


def _export(name: str, make: Maker, note: str) -> Case:
    return Case(f"xlsx export 1000 x 100, {name}", 3000, lambda: _export_state(make, name.replace(" ", "-")),
                lambda state: export_team(*state), repeat=3, note=note, baseline=Baseline(make, _baseline, 2.5))


def _full() -> Team:
    return make_team(1000, 100, 1.0)


def _planned() -> Team:
    return make_planned_team(1000, 100, 0.2)


def _random() -> Team:
    return make_team(1000, 100, 0.2)


CASES = [
    _export("every cell filled", _full, "random letters: 3,234 findings"),
    _export("20% filled, planned", _planned, "one A per row: 196 findings"),
    _export("20% filled, random", _random, "2,556 findings: a Findings sheet as big as the grid"),
    Case("xlsx import 1000 x 100, every cell filled", 3000, lambda: _exported(_full, "import-full"), import_sheet,
         repeat=3),
    Case("xlsx import 1000 x 100, 20% filled", 3000, lambda: _exported(_planned, "import-planned"), import_sheet,
         repeat=3),
]
