"""Builders the rule tests share: a team written the way a person would describe it.

Holds no tests itself; the ``test_rules_*`` modules import from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from raci.findings import Finding, Report
from raci.letters import RACI, LetterSet, parse_cell
from raci.model import Profile, Side, Size, Team, make_id
from raci.rules import check


def team_of(
    rows: Mapping[str, tuple[str, Iterable[str]]],
    people: Mapping[str, Iterable[str]],
    letters: Mapping[tuple[str, str], str] | None = None,
    *,
    size: str = "medium",
    delivery_teams: int = 1,
    letter_set: LetterSet = RACI,
) -> Team:
    """``rows``: title -> (side, tags); ``people``: name -> titles; ``letters``: (row title, name) -> cell.

    Cells are written as people type them in ``letter_set`` ("A/R", "r/a", "C I").
    """
    team = Team(name="Test team", profile=Profile(Size(size), delivery_teams), letter_set=letter_set)
    for name, titles in people.items():
        team.add_person(name, list(titles))
    for title, (side, tags) in rows.items():
        team.add_responsibility(title, side=Side(side), tags=list(tags))
    team.set_cells({(row_id(title), person_id(name)): parse_cell(letter, letter_set)
                    for (title, name), letter in (letters or {}).items()})
    return team


def row_id(title: str) -> str:
    return make_id(title, (), "responsibility")


def person_id(name: str) -> str:
    return make_id(name, (), "person")


def findings_of(team: Team | Report, rule: str) -> list[Finding]:
    """The findings one rule makes about a team (or in a report)."""
    report = check(team) if isinstance(team, Team) else team
    return [finding for finding in report if finding.rule == rule]


def only_finding(team: Team, rule: str) -> Finding:
    found = findings_of(team, rule)
    assert len(found) == 1, [finding.message for finding in found]
    return found[0]
