"""``raci check FILE``: run the conflict rules on a team file, for a person or for a script.

Text output groups the findings by severity and names people and
responsibilities by name; JSON output follows
``resources/check-output.schema.json``. The exit code says whether any
open (unacknowledged) finding is at or above ``--fail-on``.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import textwrap
from typing import Any, TextIO

from raci.errors import shown
from raci.findings import Finding, Report, Severity
from raci.model import Team
from raci.rules import RULES, check, citation_text
from raci.rules.hygiene import NOT_STARTED
from raci.teamfile import load_team

NAME = "check"
HELP = "Check a team file against the product-role and RACI rules; exit 1 if a finding is at or above --fail-on."

OUTPUT_FORMAT = "raci-check"
OUTPUT_VERSION = 1
_WIDTH = 88


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a team file (*.raci.json)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text for people (the default), json for scripts")
    parser.add_argument("--fail-on", choices=[severity.value for severity in Severity], default="error",
                        help="exit 1 when an open finding is this severe or more (default: error)")


def run(args: argparse.Namespace) -> int:
    team = load_team(args.file)
    report = check(team)
    fail_on = Severity(args.fail_on)
    failed = bool(report.at_or_above(fail_on))
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="replace")  # a name the console cannot show must not stop the report
    if args.format == "json":
        # One write: json.dump() writes piece by piece, four times slower when output is unbuffered.
        document = report_document(args.file, team, report, fail_on, failed)
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    else:
        write_text(sys.stdout, args.file, team, report)
    return 1 if failed else 0


# ----------------------------------------------------------------------- json
def report_document(file: str, team: Team, report: Report, fail_on: Severity, failed: bool) -> dict[str, Any]:
    """The JSON document ``raci check --format json`` writes (see resources/check-output.schema.json)."""
    shown = dict.fromkeys(finding.rule for finding in report)
    return {
        "format": OUTPUT_FORMAT,
        "version": OUTPUT_VERSION,
        "file": file,
        "team": team.name,
        "profile": {"size": team.profile.size.value, "delivery_teams": team.profile.delivery_teams},
        "fail_on": fail_on.value,
        "failed": failed,
        "summary": {
            **{severity.value: report.count(severity) for severity in Severity},
            "acknowledged": len(report) - len(report.open_findings),
            "total": len(report),
        },
        "rules": {rule_id: _rule_document(rule_id) for rule_id in shown},
        "findings": [finding.to_dict() for finding in report],
    }


def _rule_document(rule_id: str) -> dict[str, Any]:
    rule = RULES[rule_id]
    return {"title": rule.title, "description": rule.description, "citation_text": citation_text(rule.citation)}


# ----------------------------------------------------------------------- text
def write_text(out: TextIO, file: str, team: Team, report: Report) -> None:
    """The report for a person: findings by severity and, within it, by rule; then one summary line.

    Each rule's title, why-paragraph, fix and source are printed once, then
    its findings one line each (a finding's own fix only where it differs).
    A matrix with no letters yet gets the one line that says so.
    """
    out.write(f"{shown(team.name)} ({shown(file)}): {team.profile.summary()}; "
              f"{len(team.responsibilities)} responsibilities, {len(team.people)} people.\n")
    if len(report) == 1 and report.findings[0].rule == NOT_STARTED.id:
        out.write(f"\n{report.findings[0].message}\n\n{report.summary()}\n")
        return
    for severity, findings in report.by_severity().items():
        if findings:
            out.write(f"\n{severity.heading} ({len(findings)})\n")
            for group in _by_rule(findings):
                out.write(_group_text(group))
    out.write(f"\n{report.summary() if len(report) else 'No findings.'}\n")


def _by_rule(findings: list[Finding]) -> list[list[Finding]]:
    """Runs of findings with the same rule and explanation, in report order."""
    groups: list[list[Finding]] = []
    for finding in findings:
        if groups and (groups[-1][0].rule, groups[-1][0].explanation) == (finding.rule, finding.explanation):
            groups[-1].append(finding)
        else:
            groups.append([finding])
    return groups


def _group_text(group: list[Finding]) -> str:
    first = group[0]
    fixes = {finding.fix for finding in group}
    shared_fix = first.fix if len(fixes) == 1 else ""
    lines = ["", f"  {RULES.title_of(first.rule)} [{first.rule}]"]
    lines += _wrapped(f"Why: {first.explanation}", "    ", "      ")
    if shared_fix:
        lines += _wrapped(f"Fix: {shared_fix}", "    ", "      ")
    lines += _wrapped(f"Source: {citation_text(first.citation)}", "    ", "      ")
    for finding in group:
        lines += _wrapped(f"- {finding.message}", "    ", "      ")
        if finding.acknowledgment is not None:
            lines += _wrapped(f"Acknowledged on {finding.acknowledgment.date}: "
                              f"\u201c{finding.acknowledgment.reason}\u201d", "      ", "        ")
        if finding.fix and not shared_fix:
            lines += _wrapped(f"Fix: {finding.fix}", "      ", "        ")
    return "\n".join(lines) + "\n"


def _wrapped(text: str, first: str, rest: str) -> list[str]:
    """``text`` wrapped to the terminal's width, with any control character from the file shown escaped."""
    return textwrap.wrap(shown(text, len(text)), _WIDTH, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False)
