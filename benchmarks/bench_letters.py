"""Letter sets on a 1000 x 100 grid: rows as kind bytes and their counts, and reading sheet cells.

The rules turn a row into one kinds byte per person and count kinds
(:func:`raci.tally.tally_row`); the first case does only the counts
the hygiene rules read most, the others the rules' whole tally, on RACI
and on RASCI with combined cells.
"""

from __future__ import annotations

import random
from typing import Any

from raci.letters import RACI, RASCI, Kind, LetterSet, kind_table, read_cell
from raci.model import Team
from raci.tally import tally_row

from benchmarks.common import Baseline, Case, make_team

_OWNS, _DOES, _ASKED = kind_table(Kind.OWNS), kind_table(Kind.DOES), kind_table(Kind.ASKED)
_ACTIVE = kind_table(Kind.OWNS, Kind.DOES)


def _grid(team: Team) -> tuple[list[Any], tuple[str, ...], dict[str, int]]:
    people = tuple(person.id for person in team.people)
    cells = team._cells  # the rules read the filled cells directly, as this measures
    return [cells.get(row.id) for row in team.responsibilities], people, {p: n for n, p in enumerate(people)}


def _tally_by_kind(state: tuple[LetterSet, list[Any], tuple[str, ...], dict[str, int]]) -> list[tuple[int, ...]]:
    letter_set, rows, people, column = state
    tallies = []
    for row in rows:
        codes = letter_set.row_codes(row, people, column)
        tallies.append((len(row or ()), codes.translate(_OWNS).count(1), codes.translate(_DOES).count(1),
                        codes.translate(_ASKED).count(1), codes.translate(_ACTIVE).count(1)))
    return tallies


def _tally_rows(state: tuple[LetterSet, list[Any], tuple[str, ...], dict[str, int]]) -> list[Any]:
    letter_set, rows, people, column = state
    return [tally_row(row, people, column, letter_set) for row in rows]


def _raci(density: float) -> tuple[LetterSet, list[Any], tuple[str, ...], dict[str, int]]:
    return (RACI, *_grid(make_team(1000, 100, density)))


def _rasci_combined() -> tuple[LetterSet, list[Any], tuple[str, ...], dict[str, int]]:
    """A full RASCI grid where about one cell in five holds two letters (R/C, S/C, A/R, C/I...)."""
    rng = random.Random(11)
    singles = [cell for cell in RASCI.all_cells() if "/" not in cell]
    pairs = [cell for cell in RASCI.all_cells() if cell.count("/") == 1]
    people = tuple(f"p{n}" for n in range(100))
    rows = [{person: rng.choice(pairs if rng.random() < 0.2 else singles) for person in people} for _ in range(1000)]
    return RASCI, rows, people, {p: n for n, p in enumerate(people)}


def _sheet_cells() -> list[object]:
    """100,000 cells as an imported sheet holds them: a few dozen spellings, some blank or marked."""
    rng = random.Random(5)
    spellings = ["R", "A", "C", "I", "A/R", "r", "a", "R/A", "AR", "R, A", "R (A)", "C/I", "Responsible",
                 "Accountable", "Consulted", "Informed", " R ", "-", "N", "n/a", None, "", "R+C", "A C I"]
    return [rng.choice(spellings) for _ in range(100_000)]


def _read_all(cells: list[object]) -> None:
    for value in cells:
        read_cell(value, RACI)


CASES = [
    Case("letters: kinds tally of 1000 x 100 RACI rows, every cell filled", 50, lambda: _raci(1.0),
         _tally_by_kind, repeat=15, note="owners, doers, asked and active per row",
         baseline=Baseline(lambda: _raci(1.0), _tally_rows, None)),
    Case("letters: rules' row tally of 1000 x 100 RACI rows, 20% filled", 50, lambda: _raci(0.2),
         _tally_rows, repeat=15),
    Case("letters: rules' row tally of 1000 x 100 RASCI rows, a fifth combined", 50, _rasci_combined,
         _tally_rows, repeat=15),
    Case("letters: read 100,000 imported sheet cells", 100, _sheet_cells, _read_all, repeat=7),
]
