"""Which cells, rows and people the open findings name, for the grid's markers and tooltips.

Qt-free on purpose: it follows the report after every edit and only maps
ids to severities and findings. Following costs what the report changed:
the checker hands back the very same finding objects for everything an
edit did not touch, so the findings that came and went are found by
identity (in C), and only the keys they name are looked at again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress
from operator import attrgetter, not_
from typing import Any

from raci.findings import Finding, Report, Severity

KINDS = ("cell", "row", "person")
_SEVERITIES = tuple(Severity)  # most severe first
_NAMED = {"cell": attrgetter("cells"), "row": attrgetter("responsibilities"), "person": attrgetter("people")}
_acknowledgment = attrgetter("acknowledgment")


class Markers:
    """What the open findings of a report name: per cell, row and person, the worst severity and the findings.

    :meth:`follow` moves it from one report to the next and says which
    keys' markers changed; the tooltip text is only put together when asked
    for. ``kinds`` limits what it keeps (the workload panel needs people only).
    """

    _NOTES_SHOWN = 8  # a person named by hundreds of findings gets a readable tooltip

    def __init__(self, kinds: Sequence[str] = KINDS) -> None:
        self.kinds = tuple(kinds)
        # kind -> key -> {id(finding): finding}, for the open findings naming that key
        self._named: dict[str, dict[Any, dict[int, Finding]]] = {kind: {} for kind in self.kinds}
        self._severity: dict[str, dict[Any, Severity]] = {kind: {} for kind in self.kinds}
        self._open: dict[int, Finding] = {}  # the open findings followed, by id

    @classmethod
    def from_report(cls, report: Report, kinds: Sequence[str] = KINDS) -> Markers:
        markers = cls(kinds)
        markers.follow(report)
        return markers

    def follow(self, report: Report) -> dict[str, set[Any]]:
        """Move to ``report``; returns, per kind, the keys whose marker (its severity, or its presence) changed."""
        findings = report.findings
        open_findings = list(compress(findings, map(not_, map(_acknowledgment, findings))))
        now = dict(zip(map(id, open_findings), open_findings))
        gone_ids, came_ids = self._open.keys() - now.keys(), now.keys() - self._open.keys()
        if len(gone_ids) + len(came_ids) > len(now):  # most of it changed (a full re-check): start again
            return self._restart(now)
        gone, came = [self._open[key] for key in gone_ids], [now[key] for key in came_ids]
        self._open = now
        touched = {kind: self._remove(kind, gone) | self._add(kind, came) for kind in self.kinds}
        return {kind: self._settle(kind, keys) for kind, keys in touched.items()}

    def _restart(self, now: dict[int, Finding]) -> dict[str, set[Any]]:
        before = self._severity
        self._named = {kind: {} for kind in self.kinds}
        self._severity = {kind: {} for kind in self.kinds}
        self._open = now
        changed = {}
        for kind in self.kinds:
            keys = self._add(kind, now.values())
            self._settle(kind, keys)
            mine, theirs = self._severity[kind], before[kind]
            changed[kind] = {key for key in mine.keys() | theirs.keys() if mine.get(key) is not theirs.get(key)}
        return changed

    def _remove(self, kind: str, findings: Iterable[Finding]) -> set[Any]:
        named, keys_of, touched = self._named[kind], _NAMED[kind], set()
        for finding in findings:
            marker = id(finding)
            for key in keys_of(finding):
                bucket = named[key]
                del bucket[marker]
                if not bucket:
                    del named[key]
                touched.add(key)
        return touched

    def _add(self, kind: str, findings: Iterable[Finding]) -> set[Any]:
        named, keys_of, touched = self._named[kind], _NAMED[kind], set()
        for finding in findings:
            marker = id(finding)
            for key in keys_of(finding):
                bucket = named.get(key)
                if bucket is None:
                    bucket = named[key] = {}
                bucket[marker] = finding
                touched.add(key)
        return touched

    def _settle(self, kind: str, keys: set[Any]) -> set[Any]:
        """Work out the worst severity of ``keys`` again; returns those whose severity changed."""
        named, severities, changed = self._named[kind], self._severity[kind], set()
        for key in keys:
            bucket = named.get(key)
            worst = _worst(bucket.values()) if bucket else None
            if worst is not severities.get(key):
                changed.add(key)
                if worst is None:
                    del severities[key]
                else:
                    severities[key] = worst
        return changed

    def severity(self, kind: str, key: Any) -> Severity | None:
        """The worst severity among the findings naming ``key`` (a cell key or an id)."""
        return self._severity[kind].get(key)

    def findings(self, kind: str, key: Any) -> list[Finding]:
        """The open findings naming ``key``, most severe first, then by rule and message as a report lists them."""
        bucket = self._named[kind].get(key)
        return sorted(bucket.values(), key=_report_order) if bucket else []

    def messages(self, kind: str, key: Any) -> list[str]:
        """The findings' messages as "Error: ..." lines, once each, most severe first."""
        return list(dict.fromkeys(f"{finding.severity.label}: {finding.message}"
                                  for finding in self.findings(kind, key)))

    def notes(self, kind: str, key: Any) -> str:
        """The findings' messages as tooltip lines, after a blank line; empty when none."""
        lines = self.messages(kind, key)
        if not lines:
            return ""
        hidden = len(lines) - self._NOTES_SHOWN
        shown = lines[: self._NOTES_SHOWN] + ([f"... and {hidden} more in the findings list"] if hidden > 0 else [])
        return "\n\n" + "\n".join(shown)


def _worst(findings: Iterable[Finding]) -> Severity:
    severities = {finding.severity for finding in findings}
    return next(severity for severity in _SEVERITIES if severity in severities)


def _report_order(finding: Finding) -> tuple[int, str, str]:
    return (-finding.severity.rank, finding.rule, finding.message)
