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
class Case:
    """One measured operation: ``run(setup())`` is timed, ``setup`` is not."""

    name: str
    target_ms: float | None
    setup: Callable[[], Any]
    run: Callable[[Any], Any]
    repeat: int = 7
    note: str = ""


def make_team(rows: int, people: int, density: float = 1.0, seed: int = 7) -> Team:
    """A team of ``rows`` x ``people`` with about ``density`` of the cells filled."""
    rng = random.Random(seed)
    persons = [Person(f"p{j}", f"Person {j}", (TITLES[j % len(TITLES)],)) for j in range(people)]
    responsibilities = [
        Responsibility(f"r{i}", f"Responsibility number {i}", "A generated row for measuring.", f"Category {i % 9}",
                       list(Side)[i % 4], (TAGS[i % len(TAGS)],))
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
