"""The shipped templates pass the checks they are meant to pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from raci.findings import Severity
from raci.model import Team
from raci.resources import data_file
from raci.rules import check
from raci.teamfile import load_team


def _template(name: str) -> Team:
    path = Path(str(data_file("templates", f"{name}.raci.json")))
    if not path.is_file():
        pytest.skip(f"templates/{name}.raci.json is not part of this checkout yet")
    return load_team(path)


def _errors(team: Team) -> list[str]:
    return [finding.message for finding in check(team) if finding.severity is Severity.ERROR]


def test_the_startup_template_notes_combined_roles_and_has_no_errors() -> None:
    team = _template("startup")
    combined = [finding for finding in check(team) if finding.rule == "combined-roles"]
    assert combined and all(finding.severity is Severity.INFO for finding in combined)
    assert _errors(team) == []


@pytest.mark.parametrize("name", ["scrum-team", "scaled"])
def test_the_scrum_and_scaled_templates_have_no_errors(name: str) -> None:
    assert _errors(_template(name)) == []


@pytest.mark.parametrize("name", ["scrum-team", "scaled"])
def test_the_templates_with_separate_roles_do_not_combine_them(name: str) -> None:
    assert [finding.message for finding in check(_template(name)) if finding.rule == "combined-roles"] == []
