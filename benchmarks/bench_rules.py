"""The conflict rules on a 1000-responsibility x 100-person team: a full check, and a re-check after one edit."""

from __future__ import annotations

import itertools
from benchmarks.common import Case, make_planned_team, make_team
from raci.model import Letter, Team
from raci.rules import Checker, check

_LETTERS = itertools.cycle([Letter.A, Letter.C, None, Letter.R, Letter.AR, Letter.I])
_PLACES = itertools.count()


def _edited(density: float, planned: bool = False) -> Checker:
    """A checker that was up to date before one cell edit; the timed part is the re-check."""
    team = (make_planned_team if planned else make_team)(1000, 100, density)
    checker = Checker(team)
    checker.report()
    place = next(_PLACES)
    row, person = f"r{(place * 37) % 1000}", f"p{(place * 11) % 100}"
    letter = next(_LETTERS)
    while letter is team.cell(row, person):
        letter = next(_LETTERS)
    team.set_cell(row, person, letter)
    return checker


def _full(density: float, planned: bool = False) -> Team:
    team = (make_planned_team if planned else make_team)(1000, 100, density)
    check(team)  # the catalog and the rules are imported once per process; measure the steady state
    return team


CASES = [
    # Fifteen runs: a check is short, and the median of more of them rides out a busy moment on the machine.
    Case("rules: full check 1000 x 100, 20% filled", 50, lambda: _full(0.2), check, repeat=15),
    Case("rules: full check 1000 x 100, every cell filled", 50, lambda: _full(1.0), check, repeat=15),
    Case("rules: re-check after one cell edit, 20% filled", 5, lambda: _edited(0.2), Checker.report,
         repeat=15),
    Case("rules: re-check after one cell edit, every cell filled", 5, lambda: _edited(1.0), Checker.report,
         repeat=15),
    # A matrix filled as a team lead fills one (one A per row, few findings), where supersession and the
    # per-person checks run on sound rows rather than on random letters.
    Case("rules: full check 1000 x 100, planned, 20% filled", 50, lambda: _full(0.2, planned=True), check,
         repeat=15),
    Case("rules: re-check after one cell edit, planned, 20% filled", 5, lambda: _edited(0.2, planned=True),
         Checker.report, repeat=15),
]
