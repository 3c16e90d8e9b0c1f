"""`raci check` through its real entry point: text for people, JSON for scripts, and its exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from raci.model import Team
from raci.resources import data_file, read_text
from raci.rules import RULES, acknowledge, check
from raci.teamfile import save_team

from tests.conftest import make_small_team


def raci(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "raci", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def _saved(tmp_path: Path, team: Team) -> str:
    path = tmp_path / "team.raci.json"
    save_team(team, path)
    return str(path)


def _team_with_an_error() -> Team:
    team = make_small_team()  # warnings and a note only
    team.set_cell("run-the-demo", "chloe-martin", "R")  # a row with letters and no A: an error
    return team


def _acknowledged_idle_person() -> Team:
    team = make_small_team()
    idle = next(finding for finding in check(team) if finding.rule == "idle-person")
    team.add_acknowledgment(acknowledge(idle, "Joins next month", today=date(2026, 11, 20)))
    return team


def test_text_output_groups_findings_by_severity_with_names_citations_and_a_summary(tmp_path: Path) -> None:
    result = raci("check", _saved(tmp_path, _team_with_an_error()))
    assert result.returncode == 1, result.stderr
    text = result.stdout
    assert text.index("Errors (1)") < text.index("Warnings (") < text.rstrip().rindex("\n")
    assert "\u201cRun the demo\u201d has letters but nobody accountable (no A)." in text
    assert "Source: RACI practice" in text
    assert "chloe-martin" not in text and "run-the-demo" not in text  # names, never ids
    assert text.rstrip().splitlines()[-1] == "1 error, 2 warnings, 0 notes"


def test_text_output_gives_each_rules_why_once_then_its_findings(tmp_path: Path) -> None:
    team = _team_with_an_error()
    team.set_cell("write-user-stories", "chloe-martin", "R")  # a second row with letters and no A
    text = raci("check", _saved(tmp_path, team)).stdout
    why = RULES["no-accountable"].explanation.split()[:6]
    assert text.count(f"Why: {' '.join(why)}") == 1
    assert text.count("[no-accountable]") == 1
    assert "- \u201cRun the demo\u201d has letters but nobody accountable (no A)." in text
    assert "- \u201cWrite user stories\u201d has letters but nobody accountable (no A)." in text
    assert text.count("Fix: Give one person an A (or A/R) on this row.") == 1


@pytest.mark.parametrize("name", ["startup", "scrum-team", "scaled", "blank"])
def test_every_template_checks_with_no_error_or_warning(name: str) -> None:
    result = raci("check", str(data_file("templates", f"{name}.raci.json")), "--fail-on", "warning")
    assert result.returncode == 0, result.stdout
    last = result.stdout.rstrip().splitlines()[-1]
    assert last == "No findings." or last.startswith("0 errors, 0 warnings"), last


def test_a_brand_new_matrix_says_what_is_left_in_one_line_and_passes(tmp_path: Path) -> None:
    team = Team(name="New")
    for number in range(54):
        team.add_responsibility(f"Task {number}")
    result = raci("check", _saved(tmp_path, team))
    assert result.returncode == 0
    assert result.stdout.splitlines()[1:] == ["", "54 rows to fill, nobody in the team yet.", "",
                                              "0 errors, 0 warnings, 1 note"]


def test_the_first_letter_starts_the_checks(tmp_path: Path) -> None:
    team = Team(name="New")
    team.add_person("Ana Lima")
    first = team.add_responsibility("Task one")
    team.add_responsibility("Task two")
    team.set_cell(first.id, "ana-lima", "R")
    result = raci("check", _saved(tmp_path, team))
    assert result.returncode == 1 and "rows to fill" not in result.stdout


def test_text_output_marks_an_acknowledged_finding_with_its_reason(tmp_path: Path) -> None:
    result = raci("check", _saved(tmp_path, _acknowledged_idle_person()))
    assert result.returncode == 0
    assert "Acknowledged on 2026-11-20: \u201cJoins next month\u201d" in result.stdout
    assert result.stdout.rstrip().endswith("1 acknowledged")


def test_json_output_follows_the_published_schema(tmp_path: Path) -> None:
    result = raci("check", _saved(tmp_path, _acknowledged_idle_person()), "--format", "json")
    document = json.loads(result.stdout)
    schema = json.loads(read_text("resources", "check-output.schema.json"))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft7Validator(schema).validate(document)
    assert document["team"] == "Checkout"
    assert document["summary"] == {"error": 0, "warning": 3, "info": 0, "acknowledged": 1, "total": 4}
    idle = next(finding for finding in document["findings"] if finding["rule"] == "idle-person")
    assert idle["acknowledged"] is True and idle["acknowledgment_reason"] == "Joins next month"
    assert idle["people"] == ["chloe-martin"]
    assert document["rules"]["idle-person"]["citation_text"] == "RACI practice"


@pytest.mark.parametrize(("fail_on", "code"), [("error", 0), ("warning", 1), ("info", 1)])
def test_the_exit_code_follows_fail_on(tmp_path: Path, fail_on: str, code: int) -> None:
    result = raci("check", _saved(tmp_path, make_small_team()), "--fail-on", fail_on)
    assert result.returncode == code


def test_an_error_fails_the_check_by_default(tmp_path: Path) -> None:
    assert raci("check", _saved(tmp_path, _team_with_an_error()), "--format", "json").returncode == 1


def test_an_unreadable_file_exits_2_with_one_sentence(tmp_path: Path) -> None:
    result = raci("check", str(tmp_path / "missing.raci.json"))
    assert result.returncode == 2
    assert result.stderr == "raci: Cannot open missing.raci.json: there is no such file; check the name and folder.\n"
    assert result.stdout == ""


def test_a_file_naming_an_unknown_rule_exits_2(tmp_path: Path) -> None:
    path = Path(_saved(tmp_path, make_small_team()))
    document = json.loads(path.read_text(encoding="utf-8"))
    document["settings"] = {"rules": {"no-such-rule": {"enabled": False}}}
    path.write_text(json.dumps(document), encoding="utf-8")
    result = raci("check", str(path))
    assert result.returncode == 2
    assert "at /settings/rules/no-such-rule" in result.stderr and "Traceback" not in result.stderr


def test_text_output_shows_control_characters_from_the_file_escaped_on_one_line(tmp_path: Path) -> None:
    team = make_small_team()
    team.rename("Team\x1b[2J")
    team.add_person("Evil\x1b[31mRED\x1b[0m")  # no letters: the idle-person note names them
    result = raci("check", _saved(tmp_path, team), "--fail-on", "info")
    assert "\x1b" not in result.stdout
    assert "Evil\\x1b[31mRED\\x1b[0m has no letters in the matrix." in result.stdout
    assert result.stdout.startswith("Team\\x1b[2J (")
