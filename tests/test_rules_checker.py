"""The checker: a full check never fails on a valid team, and the incremental report always equals it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from raci.findings import Report
from raci.model import KNOWN_TITLES, Profile, RuleSetting, Side, Size, Team
from raci.rules import RULES, STALE, Checker, acknowledge, check

from tests.conftest import make_small_team

TAGS = ("vision", "roadmap", "market", "finance", "backlog", "customer", "customer-contact", "forecasting", "pricing",
        "delivery", "Backlog", "team")
_sources = st.sampled_from([(), ("serve-several-sprint-teams",), ("own-team-backlog-area",)])
_letters = st.sampled_from(["R", "A", "C", "I", "A/R", None])
_titles = st.lists(st.sampled_from(KNOWN_TITLES), max_size=2)
_tags = st.lists(st.sampled_from(TAGS), max_size=3, unique=True)
_profile = st.builds(Profile, st.sampled_from(Size), st.integers(1, 4))
_setting = st.builds(RuleSetting, st.booleans(), st.none() | st.integers(0, 10))


def _shown(report: Report) -> list:
    """What a person sees of a report, acknowledgments included (Finding equality leaves them out)."""
    return [(finding, finding.acknowledgment) for finding in report]


@st.composite
def teams(draw: st.DrawFn) -> Team:
    team = Team(name="Generated", profile=draw(_profile))
    # Few distinct names and titles, so that findings with equal messages occur.
    for _ in range(draw(st.integers(0, 6))):
        team.add_person(f"Person {draw(st.integers(0, 2))}", draw(_titles))
    for _ in range(draw(st.integers(0, 8))):
        team.add_responsibility(f"Row {draw(st.integers(0, 3))}", side=draw(st.sampled_from(Side)), tags=draw(_tags),
                                sources=draw(_sources))
    people = [person.id for person in team.people]
    rows = [row.id for row in team.responsibilities]
    if people and rows:
        keys = st.tuples(st.sampled_from(rows), st.sampled_from(people))
        team.set_cells(draw(st.dictionaries(keys, _letters, max_size=30)))
    for rule_id in draw(st.lists(st.sampled_from(RULES.ids()), max_size=3, unique=True)):
        team.set_rule_setting(rule_id, draw(_setting))
    if draw(st.booleans()):  # low limits, so that small teams reach them
        for rule_id in ("overloaded-person", "too-many-consulted", "too-many-responsible"):
            team.set_rule_setting(rule_id, RuleSetting(True, draw(st.integers(0, 2))))
        team.set_rule_setting("accountable-for-too-much", RuleSetting(True, draw(st.integers(0, 60))))
    return team


@given(teams())
@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
def test_checking_any_valid_team_gives_a_report_without_raising(team: Team) -> None:
    report = check(team)
    assert all(finding.message.endswith(".") and finding.rule in RULES for finding in report)
    ranks = [finding.severity.rank for finding in report]
    assert ranks == sorted(ranks, reverse=True)


# ------------------------------------------------------------ random edits
def _set_cells(team: Team, data: st.DataObject, people: list[str], rows: list[str]) -> None:
    keys = st.tuples(st.sampled_from(rows), st.sampled_from(people))
    team.set_cells(data.draw(st.dictionaries(keys, _letters, min_size=1, max_size=4)))


def _acknowledge(team: Team, data: st.DataObject, people: list[str], rows: list[str]) -> None:
    findings = [finding for finding in check(team).open_findings if finding.rule != STALE]
    if findings:
        team.add_acknowledgment(acknowledge(data.draw(st.sampled_from(findings)), "Intended"))


_EDITS = {
    "cells": _set_cells,
    "acknowledge": _acknowledge,
    "add person": lambda team, data, people, rows: team.add_person(
        "Newcomer", data.draw(_titles), index=data.draw(st.integers(0, len(people)))),
    "add row": lambda team, data, people, rows: team.add_responsibility(
        "New row", side=data.draw(st.sampled_from(Side)), tags=data.draw(_tags),
        index=data.draw(st.integers(0, len(rows)))),
    "remove person": lambda team, data, people, rows: team.remove_person(data.draw(st.sampled_from(people))),
    "move person": lambda team, data, people, rows: team.move_person(
        data.draw(st.sampled_from(people)), data.draw(st.integers(0, len(people) - 1))),
    "retitle person": lambda team, data, people, rows: team.update_person(
        data.draw(st.sampled_from(people)), titles=data.draw(_titles)),
    "remove row": lambda team, data, people, rows: team.remove_responsibility(data.draw(st.sampled_from(rows))),
    "retag row": lambda team, data, people, rows: team.update_responsibility(
        data.draw(st.sampled_from(rows)), tags=data.draw(_tags), side=data.draw(st.sampled_from(Side)),
        sources=data.draw(_sources)),
    "profile": lambda team, data, people, rows: team.set_profile(data.draw(_profile)),
    "setting": lambda team, data, people, rows: team.set_rule_setting(
        data.draw(st.sampled_from(RULES.ids())), data.draw(st.none() | _setting)),
    "withdraw": lambda team, data, people, rows: team.remove_acknowledgment(
        data.draw(st.sampled_from(team.acknowledgments))),
}


def _edit(team: Team, data: st.DataObject) -> None:
    """One edit a person could make in the window, drawn at random."""
    people = [person.id for person in team.people]
    rows = [row.id for row in team.responsibilities]
    choices = ["add person", "add row", "profile", "setting"]
    if people and rows:
        choices += ["cells"] * 6 + ["acknowledge"]
    if people:
        choices += ["remove person", "move person", "retitle person"]
    if rows:
        choices += ["remove row", "retag row"]
    if team.acknowledgments:
        choices += ["withdraw"]
    _EDITS[data.draw(st.sampled_from(choices), label="edit")](team, data, people, rows)


@given(teams(), st.data())
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_the_incremental_report_always_equals_a_full_check(team: Team, data: st.DataObject) -> None:
    checker = Checker(team)
    checker.report()
    for _ in range(data.draw(st.integers(1, 12), label="edits")):
        _edit(team, data)
        if data.draw(st.booleans(), label="look now"):  # sometimes several edits land between two looks
            assert _shown(checker.report()) == _shown(check(team))
    assert _shown(checker.report()) == _shown(check(team))
    checker.close()


# ------------------------------------------------------------------ checker
def test_the_checker_follows_cell_edits_until_closed() -> None:
    team = make_small_team()
    with Checker(team) as checker:
        assert any(finding.rule == "idle-person" for finding in checker.report())
        team.set_cell("run-the-demo", "chloe-martin", "A/R")
        assert not any(finding.rule == "idle-person" for finding in checker.report())
    team.set_cell("run-the-demo", "chloe-martin", None)
    assert not any(finding.rule == "idle-person" for finding in checker.report())


def test_the_checker_returns_the_same_report_when_nothing_changed() -> None:
    checker = Checker(make_small_team())
    assert checker.report() is checker.report()
    checker.close()


def test_a_rename_shows_in_the_findings_at_once() -> None:
    team = make_small_team()
    checker = Checker(team)
    checker.report()
    team.update_person("chloe-martin", name="Chloé Dupont")
    assert "Chloé Dupont has no letters in the matrix." in [finding.message for finding in checker.report()]
    checker.close()
