"""What every benchmark shares: a case record and a generated team."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from raci.letters import RACI, Kind, LetterSet
from raci.model import Person, Profile, Responsibility, Side, Size, Team

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


def cell_choices(letter_set: LetterSet, combined: float) -> tuple[list[str], list[str]]:
    """The cells a generated team picks from: each letter and owner-and-doer, and two-letter combinations.

    For RACI the first list is R, A, C, I, A/R, the order the generated
    teams have always drawn from, so a RACI benchmark keeps its team.
    """
    singles = [cell for cell in letter_set.all_cells() if "/" not in cell]
    owner, doer = letter_set.first(Kind.OWNS), letter_set.first(Kind.DOES)
    plain = [*singles, letter_set.cell(owner.symbol, doer.symbol)] if owner and doer else singles
    pairs = [cell for cell in letter_set.all_cells() if cell.count("/") == 1] if combined else []
    return plain, pairs


def make_team(rows: int, people: int, density: float = 1.0, seed: int = 7, letter_set: LetterSet = RACI,
              combined: float = 0.0) -> Team:
    """A team of ``rows`` x ``people`` with about ``density`` of the cells filled.

    ``combined`` is the share of filled cells holding two letters of the set (R/C, S/C, C/I...).
    """
    rng = random.Random(seed)
    persons = [Person(f"p{j}", f"Person {j}", (TITLES[j % len(TITLES)],)) for j in range(people)]
    responsibilities = [
        # Nine categories in blocks, as a team keeps them (a category heads one run of rows).
        Responsibility(f"r{i}", f"Responsibility number {i}", "A generated row for measuring.",
                       f"Category {i * 9 // rows}", list(Side)[i % 4], (TAGS[i % len(TAGS)],))
        for i in range(rows)
    ]
    plain, pairs = cell_choices(letter_set, combined)
    cells = {}
    for row in responsibilities:
        filled = {p.id: rng.choice(pairs if combined and rng.random() < combined else plain)
                  for p in persons if rng.random() < density}
        if filled:
            cells[row.id] = filled
    return Team.from_parts(name="Benchmark team", profile=Profile(Size.LARGE, 3), people=persons,
                           responsibilities=responsibilities, cells=cells, letter_set=letter_set)


def make_planned_team(rows: int, people: int, density: float, seed: int = 7, letter_set: LetterSet = RACI,
                      combined: float = 0.0) -> Team:
    """A team filled the way a team lead fills one: about ``density`` of the cells, yet sound.

    Each row has one owner (owner-and-doer one time in three), one or two
    doers beside it, at most three asked, and told for the rest of its
    letters; a set with a helping letter (RASCI's S) gives one helper on
    half the rows. ``combined`` turns that share of the asked into asked
    and told (C/I) and of the second doers into doer and helper (R/S); with
    none, a RACI team is drawn exactly as it always was. Its
    findings are the few a real matrix shows, where :func:`make_team`'s
    random letters break the one-owner rule on almost every row.
    """
    rng = random.Random(seed)
    team = make_team(rows, people, 0.0, seed, letter_set)
    ids = [person.id for person in team.people]

    def cell(*kinds: Kind) -> str | None:
        letters = [letter_set.first(kind) for kind in kinds]
        return letter_set.cell(*(letter.symbol for letter in letters)) if all(letters) else None

    owner, both, doer, helper = cell(Kind.OWNS), cell(Kind.OWNS, Kind.DOES), cell(Kind.DOES), cell(Kind.HELPS)
    asked, told = cell(Kind.ASKED), cell(Kind.TOLD)
    asked_told, doer_helper = cell(Kind.ASKED, Kind.TOLD), cell(Kind.DOES, Kind.HELPS)
    cells = {}
    per_row = max(2, round(density * people))
    for row in team.responsibilities:
        chosen = rng.sample(ids, min(per_row, people))
        letters = [both if rng.random() < 1 / 3 else owner, doer]
        if rng.random() < 0.5:
            letters.append(doer_helper if combined and doer_helper and rng.random() < combined else doer)
        if helper and rng.random() < 0.5:
            letters.append(helper)
        letters += [asked_told if combined and asked_told and rng.random() < combined else asked
                    for _ in range(min(3, rng.randint(0, 3)))]
        letters += [told] * max(0, len(chosen) - len(letters))
        # letters may outnumber the people chosen: the rest are dropped
        cells.update({(row.id, person_id): letter for person_id, letter in zip(chosen, letters, strict=False)})
    team.set_cells(cells)
    return team
