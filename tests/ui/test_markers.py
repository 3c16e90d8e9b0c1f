"""The grid's markers follow report after report: each cell, row and person shows the worst open finding naming it."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from raci.findings import Finding, Report, Severity
from raci.model import Acknowledgment
from raci.ui.markers import KINDS, Markers

_ACK = Acknowledgment("rule-1", ("r1",), (), "Meant so.", "2024-05-01")
_POOL = [Finding(f"rule-{number % 3}", severity, f"Finding {number}", "Why.", ("RACI practice",),
                 responsibilities=(f"r{number % 4}",), people=(f"p{number % 3}", f"p{(number + 1) % 3}"),
                 cells=((f"r{number % 4}", f"p{number % 3}"),))
         for number, severity in enumerate(list(Severity) * 4)]
# The same things found again, saying something else, naming other cells, some at another severity:
# what a finding about one row or person becomes after an edit.
_POOL += [finding._replace(message=finding.message + " again", cells=((finding.responsibilities[0], "p9"),),
                           severity=list(Severity)[number % 3]) for number, finding in enumerate(_POOL[:6])]
_KEYS: dict[str, set[Any]] = {
    "cell": {cell for finding in _POOL for cell in finding.cells},
    "row": {rid for finding in _POOL for rid in finding.responsibilities},
    "person": {pid for finding in _POOL for pid in finding.people},
}
_NAMED = {"cell": "cells", "row": "responsibilities", "person": "people"}


@st.composite
def reports(draw: st.DrawFn) -> Report:
    """Reports over a small pool; some findings acknowledged, some as new but equal objects (a full re-check)."""
    findings = []
    for finding in draw(st.lists(st.sampled_from(_POOL), unique=True)):
        if draw(st.booleans()):
            finding = finding._replace()
        if draw(st.integers(0, 3)) == 0:
            finding = finding.acknowledged_by(_ACK)
        findings.append(finding)
    return Report.of(findings)


def worst(report: Report, kind: str, key: Any) -> Severity | None:
    """What the marker should be: the most severe open finding naming ``key``."""
    naming = [f.severity for f in report.open_findings if key in getattr(f, _NAMED[kind])]
    return max(naming, key=lambda severity: severity.rank) if naming else None


@given(st.lists(reports(), min_size=1, max_size=6))
def test_following_reports_marks_what_the_last_one_names_and_says_what_changed(sequence: list[Report]) -> None:
    markers = Markers()
    previous = Report()
    for report in sequence:
        changed = markers.follow(report)
        for kind in KINDS:
            assert {key: markers.severity(kind, key) for key in _KEYS[kind]} == {
                key: worst(report, kind, key) for key in _KEYS[kind]}
            assert changed[kind] == {key for key in _KEYS[kind]
                                     if worst(report, kind, key) is not worst(previous, kind, key)}
            for key in _KEYS[kind]:  # the very findings of this report, for the tooltips
                assert sorted(map(id, markers.findings(kind, key))) == sorted(
                    id(f) for f in report.open_findings if key in getattr(f, _NAMED[kind]))
        previous = report


def test_a_tooltip_lists_the_findings_most_severe_first_and_shortens_a_long_list() -> None:
    many = [Finding("busy", Severity.INFO, f"Note {n}", "Why.", (), people=("ana",)) for n in range(10)]
    error = Finding("broken", Severity.ERROR, "Ana holds two roles.", "Why.", (), people=("ana",))
    markers = Markers.from_report(Report.of([*many, error]))
    lines = markers.notes("person", "ana").strip().split("\n")
    assert lines[0] == "Error: Ana holds two roles."
    assert lines[-1] == "... and 3 more in the findings list"
    assert len(lines) == 9
    assert markers.notes("person", "ben") == ""


def test_an_acknowledged_finding_marks_nothing() -> None:
    finding = Finding("rule-1", Severity.ERROR, "Two A's on 'Vision'.", "Why.", (), responsibilities=("r1",))
    markers = Markers.from_report(Report.of([finding]))
    assert markers.severity("row", "r1") is Severity.ERROR
    assert markers.follow(Report.of([finding.acknowledged_by(_ACK)]))["row"] == {"r1"}
    assert markers.severity("row", "r1") is None
