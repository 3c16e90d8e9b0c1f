"""Which cells, rows and people the open findings name, for the grid's markers and tooltips.

Qt-free on purpose: it is rebuilt after every edit and only maps ids to
severities and findings.
"""

from __future__ import annotations

from typing import Any

from raci.findings import Finding, Report, Severity


class Markers:
    """What the open findings of a report name: per cell, row and person, the worst severity and the findings.

    Built after every edit, so building is kept to one dict update per
    named item; the tooltip text is only put together when asked for.
    """

    _NOTES_SHOWN = 8  # a person named by hundreds of findings gets a readable tooltip

    def __init__(self) -> None:
        self._severity: dict[str, dict[Any, Severity]] = {"cell": {}, "row": {}, "person": {}}
        self._findings: dict[str, dict[Any, list[Finding]]] = {"cell": {}, "row": {}, "person": {}}

    @classmethod
    def from_report(cls, report: Report) -> Markers:
        markers = cls()
        for finding in report.open_findings:  # most severe first: the first severity seen is the worst
            for kind, keys in (("cell", finding.cells), ("row", finding.responsibilities),
                               ("person", finding.people)):
                severities, findings = markers._severity[kind], markers._findings[kind]
                for key in keys:
                    severities.setdefault(key, finding.severity)
                    findings.setdefault(key, []).append(finding)
        return markers

    def changed(self, other: Markers, kind: str) -> set[Any]:
        """The keys of one kind whose marker (its severity, or its presence) differs in ``other``."""
        mine, theirs = self._severity[kind], other._severity[kind]
        return {key for key in mine.keys() | theirs.keys() if mine.get(key) is not theirs.get(key)}

    def severity(self, kind: str, key: Any) -> Severity | None:
        """The worst severity among the findings naming ``key`` (a cell key or an id)."""
        return self._severity[kind].get(key)

    def notes(self, kind: str, key: Any) -> str:
        """The findings' messages as tooltip lines, after a blank line; empty when none."""
        findings = self._findings[kind].get(key)
        if not findings:
            return ""
        lines = list(dict.fromkeys(f"{finding.severity.label}: {finding.message}" for finding in findings))
        hidden = len(lines) - self._NOTES_SHOWN
        shown = lines[: self._NOTES_SHOWN] + ([f"... and {hidden} more in the findings list"] if hidden > 0 else [])
        return "\n\n" + "\n".join(shown)
