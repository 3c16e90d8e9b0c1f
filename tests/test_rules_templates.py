"""The shipped templates open quiet: no error or warning, and what they intend is acknowledged with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from raci.findings import Severity
from raci.model import Team
from raci.resources import data_file
from raci.rules import check
from raci.teamfile import load_team

TEMPLATES = ("startup", "scrum-team", "scaled", "blank")


def _template(name: str) -> Team:
    path = Path(str(data_file("templates", f"{name}.raci.json")))
    if not path.is_file():
        pytest.skip(f"templates/{name}.raci.json is not part of this checkout yet")
    return load_team(path)


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_template_opens_without_an_open_error_or_warning(name: str) -> None:
    report = check(_template(name))
    assert (report.count(Severity.ERROR), report.count(Severity.WARNING)) == (0, 0), report.summary()


@pytest.mark.parametrize("name", ["startup", "scrum-team", "scaled"])
def test_every_finding_a_filled_template_shows_is_acknowledged_with_its_reason(name: str) -> None:
    for finding in check(_template(name)):
        assert finding.acknowledgment is not None and len(finding.acknowledgment.reason) > 40, finding.message


def test_the_startup_ships_its_one_product_person_acknowledged() -> None:
    combined = [finding for finding in check(_template("startup")) if finding.rule == "combined-roles"]
    assert len(combined) == 1 and combined[0].severity is Severity.INFO
    assert "small product" in combined[0].acknowledgment.reason


def test_the_blank_template_says_how_much_is_left_to_fill_in_one_line() -> None:
    team = _template("blank")
    assert [finding.message for finding in check(team)] == [
        f"{len(team.responsibilities)} rows to fill, nobody in the team yet."]


@pytest.mark.parametrize("name", ["scrum-team", "scaled"])
def test_the_templates_with_separate_roles_do_not_combine_them(name: str) -> None:
    assert [finding.message for finding in check(_template(name)) if finding.rule == "combined-roles"] == []
