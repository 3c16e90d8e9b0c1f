"""The conflict rules on a 1000-responsibility x 100-person team: a full check, and a re-check after one edit.

RACI teams as the checks have always been measured, and RASCI teams where a
fifth of the cells hold two letters (R/C, S/C, C/I...), as imported sheets do.
"""

from __future__ import annotations

import itertools

from raci.letters import RACI, RASCI, LetterSet
from raci.model import Team
from raci.rules import Checker, check

from benchmarks.common import Case, make_planned_team, make_team

_LETTERS = {RACI.id: itertools.cycle(["A", "C", None, "R", "A/R", "I"]),
            RASCI.id: itertools.cycle(["A", "R/C", None, "S", "A/R", "C/I", "R"])}
_PLACES = itertools.count()
_COMBINED = 0.2  # the share of a RASCI team's cells that hold two letters


def _team(density: float, planned: bool, letter_set: LetterSet) -> Team:
    combined = _COMBINED if letter_set is not RACI else 0.0
    return (make_planned_team if planned else make_team)(1000, 100, density, letter_set=letter_set,
                                                         combined=combined)


def _edited(density: float, planned: bool = False, letter_set: LetterSet = RACI) -> Checker:
    """A checker that was up to date before one cell edit; the timed part is the re-check."""
    team = _team(density, planned, letter_set)
    checker = Checker(team)
    checker.report()
    place = next(_PLACES)
    row, person = f"r{(place * 37) % 1000}", f"p{(place * 11) % 100}"
    letters = _LETTERS[letter_set.id]
    letter = next(letters)
    while letter == team.cell(row, person):
        letter = next(letters)
    team.set_cell(row, person, letter)
    return checker


def _full(density: float, planned: bool = False, letter_set: LetterSet = RACI) -> Team:
    team = _team(density, planned, letter_set)
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
    # RASCI with combined cells: five letters, a fifth of the cells holding two of them.
    Case("rules: RASCI full check 1000 x 100, every cell filled, a fifth combined", 50,
         lambda: _full(1.0, letter_set=RASCI), check, repeat=15),
    Case("rules: RASCI full check 1000 x 100, planned, 20% filled, combined", 50,
         lambda: _full(0.2, planned=True, letter_set=RASCI), check, repeat=15),
    Case("rules: RASCI re-check after one cell edit, every cell filled, a fifth combined", 5,
         lambda: _edited(1.0, letter_set=RASCI), Checker.report, repeat=15),
    Case("rules: RASCI re-check after one cell edit, planned, 20% filled, combined", 5,
         lambda: _edited(0.2, planned=True, letter_set=RASCI), Checker.report, repeat=15),
]
