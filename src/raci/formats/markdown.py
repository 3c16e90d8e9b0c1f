"""Markdown: the matrix as a table and the findings as a list, for a wiki page."""

from __future__ import annotations

import datetime

from raci.findings import Report
from raci.formats import common
from raci.formats.output import Target, write_bytes
from raci.formats.safety import visible_text
from raci.model import Team
from raci.saving import utf8

_ESCAPES = str.maketrans({"\\": "\\\\", "|": "\\|", "[": "\\[", "]": "\\]", "`": "\\`", "<": "&lt;", ">": "&gt;"})


def escape(text: str) -> str:
    """Text safe inside a Markdown table cell.

    Pipes are escaped so a name cannot split a cell; brackets and backticks
    so it cannot become a link or code; angle brackets so it cannot become
    HTML; line breaks become spaces so it cannot end the table row; control
    characters and half surrogate pairs are replaced visibly.
    """
    return visible_text(" ".join(text.split())).translate(_ESCAPES)


def render(team: Team, report: Report, today: datetime.date | None = None) -> str:
    """The whole page as Markdown text."""
    lines = [f"# {escape(team.name)}", "", escape(common.profile_line(team, today)), ""]
    if team.description.strip():
        lines += [escape(team.description), ""]
    lines += [escape(common.legend_line(team.letter_set)), ""]
    if common.speaks_of_r_and_a(team.letter_set):
        lines += _letter_guide()
    lines += _table(team)
    lines += ["", f"## Findings ({report.summary()})", ""]
    lines += _findings(team, report)
    return "\n".join(lines) + "\n"


def _letter_guide() -> list[str]:
    """The guide to R versus A beneath the legend (which gives its summary): rules of thumb, then catalog examples."""
    from raci.catalog import letter_guide

    guide = letter_guide()
    lines = [f"- {escape(point)}" for point in guide.points]
    lines += [f"- *{escape(example.title)}*: {escape(example.text)}" for example in guide.examples]
    return [*lines, ""]


def _table(team: Team) -> list[str]:
    headers = ["Responsibility"] + [
        escape(person.name) + (f" ({escape(common.titles_text(person))})" if person.titles else "")
        for person in team.people
    ]
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" + ":-:|" * len(team.people)]
    people = [person.id for person in team.people]
    for group in common.category_groups(team):
        if group.category:
            lines.append(f"| **{escape(group.category)}** |" + " |" * len(people))
        for row in group.rows:
            letters = team.row_letters(row.id)
            cells = [letters.get(pid, "") for pid in people]
            lines.append("| " + " | ".join([escape(row.title), *cells]) + " |")
    return lines


def _findings(team: Team, report: Report) -> list[str]:
    if not report.findings:
        return ["No findings: every check passes for this team."]
    lines = []
    for finding in report.findings:
        notes = "".join(f" *{label}:* {escape(text)}" for label, text in common.finding_notes(finding))
        lines.append(f"- **{finding.severity.label}** ({escape(finding.rule)}): {escape(finding.message)}{notes}")
    return lines


def write(team: Team, target: Target, report: Report | None = None) -> None:
    """Write the Markdown page (UTF-8)."""
    if report is None:
        report = common.default_report(team)
    write_bytes(target, utf8(render(team, report)))
