"""What every benchmark shares: a case record and a generated team."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from raci.model import Letter, Person, Profile, Responsibility, Side, Size, Team

TAGS = ("vision", "roadmap", "market", "customer", "finance", "backlog", "delivery", "quality")
TITLES = ("Product Manager", "Product Owner", "Scrum Master", "Developer", "QA", "Designer")


@dataclass(frozen=True)
class Baseline:
    """What a case is compared with: ``run(setup())``, timed in turn with the case, run for run.

    Taking turns puts both under the same load, so the ratio holds even
    when the machine's speed drifts during the measurement.
    """

    setup: Callable[[], Any]
    run: Callable[[Any], Any]
    most: float | None  # the case may take at most this many times the baseline's median (None: only shown)


@dataclass(frozen=True)
class Case:
    """One measured operation: ``run(setup())`` is timed, ``setup`` is not."""

    name: str
    target_ms: float | None
    setup: Callable[[], Any]
    run: Callable[[Any], Any]
    repeat: int = 7
    note: str = ""
    baseline: Baseline | None = None
    memory_mb: float | None = None  # when set, ``run`` returns its peak memory in MB and must stay under this


def make_team(rows: int, people: int, density: float = 1.0, seed: int = 7) -> Team:
    """A team of ``rows`` x ``people`` with about ``density`` of the cells filled."""
    rng = random.Random(seed)
    persons = [Person(f"p{j}", f"Person {j}", (TITLES[j % len(TITLES)],)) for j in range(people)]
    responsibilities = [
        # Nine categories in blocks, as a team keeps them (a category heads one run of rows).
        Responsibility(f"r{i}", f"Responsibility number {i}", "A generated row for measuring.",
                       f"Category {i * 9 // rows}", list(Side)[i % 4], (TAGS[i % len(TAGS)],))
        for i in range(rows)
    ]
    letters = list(Letter)
    cells = {}
    for row in responsibilities:
        filled = {p.id: rng.choice(letters) for p in persons if rng.random() < density}
        if filled:
            cells[row.id] = filled
    return Team.from_parts(name="Benchmark team", profile=Profile(Size.LARGE, 3), people=persons,
                           responsibilities=responsibilities, cells=cells)


def make_planned_team(rows: int, people: int, density: float, seed: int = 7) -> Team:
    """A team filled the way a team lead fills one: about ``density`` of the cells, yet sound.

    Each row has one A (an A/R one time in three), one or two R's beside
    it, at most three C's, and I's for the rest of its letters. Its
    findings are the few a real matrix shows, where :func:`make_team`'s
    random letters break the one-A rule on almost every row.
    """
    rng = random.Random(seed)
    team = make_team(rows, people, 0.0, seed)
    ids = [person.id for person in team.people]
    cells = {}
    per_row = max(2, round(density * people))
    for row in team.responsibilities:
        chosen = rng.sample(ids, min(per_row, people))
        letters = [Letter.AR if rng.random() < 1 / 3 else Letter.A, Letter.R]
        if rng.random() < 0.5:
            letters.append(Letter.R)
        letters += [Letter.C] * min(3, rng.randint(0, 3))
        letters += [Letter.I] * max(0, len(chosen) - len(letters))
        cells.update({(row.id, person_id): letter for person_id, letter in zip(chosen, letters)})
    team.set_cells(cells)
    return team
