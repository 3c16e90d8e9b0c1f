"""Acknowledging a finding: it stays listed, stops counting, survives a save, and goes stale when its situation goes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from raci.errors import TeamEditError
from raci.findings import Severity
from raci.model import RuleSetting, Team
from raci.rules import STALE, acknowledge, check
from raci.teamfile import load_team, save_team

from tests.test_rules_support import findings_of, only_finding, person_id, row_id, team_of

ROWS = {"Set the vision": ("manager", ["vision"]), "Order the backlog": ("owner", ["backlog"])}


def _one_person_team(size: str = "large") -> Team:
    return team_of(ROWS, {"Priya Raman": ["Product Manager"], "Tom Berg": ["Developer"]},
                   {("Set the vision", "Priya Raman"): "A/R", ("Order the backlog", "Priya Raman"): "A/R",
                    ("Order the backlog", "Tom Berg"): "C"}, size=size)


def _acknowledged(team: Team, rule: str = "combined-roles") -> Team:
    team.add_acknowledgment(acknowledge(only_finding(team, rule), "  Until we hire a product owner ",
                                        today=date(2026, 11, 20)))
    return team


def test_an_acknowledgment_records_what_the_finding_points_at_with_the_reason_and_date() -> None:
    finding = only_finding(_one_person_team(), "combined-roles")
    acknowledgment = acknowledge(finding, "  Until we hire a product owner ", today=date(2026, 11, 20))
    assert acknowledgment.rule == "combined-roles"
    assert acknowledgment.people == (person_id("Priya Raman"),)
    assert acknowledgment.reason == "Until we hire a product owner"
    assert acknowledgment.date == "2026-11-20"
    assert acknowledgment.key == finding.key


def test_an_acknowledged_finding_stays_listed_but_no_longer_fails_the_check() -> None:
    team = _one_person_team()
    assert check(team).at_or_above(Severity.ERROR)
    report = check(_acknowledged(team))
    finding = only_finding(team, "combined-roles")
    assert finding.acknowledged and finding.acknowledgment.reason == "Until we hire a product owner"
    assert not report.at_or_above(Severity.ERROR)
    assert report.summary().endswith("1 acknowledged")
    assert findings_of(report, STALE) == []  # its situation still exists


def test_an_acknowledgment_whose_situation_is_gone_is_reported_stale() -> None:
    team = _acknowledged(_one_person_team())
    team.set_cell(row_id("Order the backlog"), person_id("Priya Raman"), "C")
    assert findings_of(team, "combined-roles") == []
    stale = only_finding(team, STALE)
    assert stale.severity is Severity.INFO
    assert "Priya Raman" in stale.message and "Until we hire a product owner" in stale.message
    assert "Withdraw" in stale.fix
    assert stale.people == (person_id("Priya Raman"),)


def test_an_acknowledgment_of_someone_removed_is_stale_and_says_so() -> None:
    team = _acknowledged(_one_person_team())
    team.remove_person(person_id("Priya Raman"))
    assert "1 removed entry" in only_finding(team, STALE).message


def test_withdrawing_the_acknowledgment_makes_the_finding_count_again() -> None:
    team = _acknowledged(_one_person_team())
    team.remove_acknowledgment(team.acknowledgments[0])
    assert not only_finding(team, "combined-roles").acknowledged
    assert check(team).at_or_above(Severity.ERROR)


def test_an_acknowledgment_of_a_switched_off_rule_is_left_alone() -> None:
    team = _acknowledged(_one_person_team())
    team.set_rule_setting("combined-roles", RuleSetting(enabled=False))
    assert findings_of(team, STALE) == []


def test_an_acknowledgment_survives_a_save_and_load(tmp_path: Path) -> None:
    path = tmp_path / "team.raci.json"
    save_team(_acknowledged(_one_person_team()), path)
    finding = only_finding(load_team(path), "combined-roles")
    assert finding.acknowledged
    assert finding.acknowledgment.reason == "Until we hire a product owner"
    assert finding.acknowledgment.date == "2026-11-20"


@pytest.mark.parametrize("reason", ["", "   ", "x" * 2001])
def test_an_acknowledgment_needs_a_short_reason(reason: str) -> None:
    with pytest.raises(TeamEditError, match="reason"):
        acknowledge(only_finding(_one_person_team(), "combined-roles"), reason)


def test_a_stale_acknowledgment_is_withdrawn_not_acknowledged() -> None:
    team = _acknowledged(_one_person_team())
    team.remove_person(person_id("Priya Raman"))
    with pytest.raises(TeamEditError, match="withdraw"):
        acknowledge(only_finding(team, STALE), "Keep it")
