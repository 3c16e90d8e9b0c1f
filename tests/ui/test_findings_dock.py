"""The findings panel: grouped by severity with counts, acknowledged findings greyed, selection kept across reports."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from raci.findings import Finding, Report, Severity
from raci.model import Acknowledgment, Team
from raci.rules import check
from raci.ui.findings_dock import FindingRole, FindingsDock, FindingsModel, SeverityCounts
from raci.ui.findings_model import runs

ERROR = Finding("no-accountable", Severity.ERROR, "Nobody is accountable for “Order the backlog”.",
                "Someone has to own it.", ("racki",), responsibilities=("order",), fix="Give one person an A.")
WARNING = Finding("overloaded-person", Severity.WARNING, "Ana is R or A on 12 rows.", "Work queues behind her.",
                  ("RACI practice",), people=("ana",))
ACKNOWLEDGED = Finding("too-many-consulted", Severity.WARNING, "Seven people are consulted on “Vision”.",
                       "Too many voices slow it down.", ("RACI practice",), responsibilities=("vision",)
                       ).acknowledged_by(Acknowledgment("too-many-consulted", ("vision",), (), "Board review.",
                                                        "2024-05-01"))


def group_texts(model: FindingsModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def listed(model: FindingsModel) -> list[tuple[Finding, object, str]]:
    """Every finding row as a person sees it: the finding, its acknowledgment and its text, group by group."""
    rows = []
    for severity in Severity:
        group = model.group_index(severity)
        for row in range(model.rowCount(group)):
            index = model.index(row, 0, group)
            finding = index.data(FindingRole)
            rows.append((finding, finding.acknowledgment, index.data()))
    return rows


def as_listed(report: Report) -> list[tuple[Finding, object, str]]:
    """What :func:`listed` should read for ``report``."""
    return [(finding, finding.acknowledgment,
             finding.message + (f"\nAcknowledged: {finding.acknowledgment.reason}" if finding.acknowledged else ""))
            for severity in Severity for finding in report if finding.severity is severity]


_POOL = [Finding(rule, severity, f"{rule} says {number}", "Why.", ("RACI practice",), people=(f"p{number}",))
         for rule, severity in (("a-rule", Severity.ERROR), ("b-rule", Severity.WARNING), ("c-rule", Severity.INFO))
         for number in range(4)]
_ACK = Acknowledgment("a-rule", (), ("p1",), "Meant so.", "2024-05-01")


@st.composite
def reports(draw: st.DrawFn) -> Report:
    """Reports over a small pool of findings; some acknowledged, some as fresh but equal objects (a full re-check).

    Sorted as a report is, or in any order, so that findings two reports share come in another order.
    """
    findings = []
    for finding in draw(st.lists(st.sampled_from(_POOL), unique=True, max_size=len(_POOL))):
        if draw(st.booleans()):
            finding = finding._replace()  # equal, but a new object
        if draw(st.integers(0, 4)) == 0:
            finding = finding.acknowledged_by(_ACK)
        findings.append(finding)
    return Report.of(findings) if draw(st.booleans()) else Report(tuple(findings))


def test_the_model_passes_qts_model_checks_while_reports_change(qapp: object, qtmodeltester: ModelTester) -> None:
    model = FindingsModel()
    model.set_report(Report.of([ERROR, WARNING, ACKNOWLEDGED]))
    qtmodeltester.check(model)  # the tester stays attached and checks every change below
    model.set_report(Report.of([WARNING]))
    model.set_report(Report.of([ERROR, ACKNOWLEDGED, WARNING]))
    model.set_report(Report.of([ERROR, WARNING.acknowledged_by(ACKNOWLEDGED.acknowledgment)]))  # type: ignore[arg-type]
    assert [model.rowCount(model.group_index(s)) for s in Severity] == [1, 1, 0]


def test_a_new_report_inserts_and_removes_rows_instead_of_resetting(qtbot: QtBot) -> None:
    model = FindingsModel()
    model.set_report(Report.of([ERROR, WARNING]))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignals(
            [model.rowsRemoved, model.rowsInserted], order="strict"):
        model.set_report(Report.of([ERROR, ACKNOWLEDGED]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(reports(), min_size=1, max_size=5))
def test_after_any_run_of_reports_the_list_shows_exactly_the_last_one(qapp: object, qtmodeltester: ModelTester,
                                                                       sequence: list[Report]) -> None:
    model = FindingsModel()
    qtmodeltester.check(model)
    for report in sequence:
        model.set_report(report)
        assert listed(model) == as_listed(report)


def test_the_same_findings_made_anew_keep_their_rows_and_selection(qtbot: QtBot) -> None:
    dock = FindingsDock()
    qtbot.addWidget(dock)
    dock.set_report(Report.of([ERROR, WARNING]))
    dock.select_finding(WARNING)
    renewed = Report.of([ERROR._replace(), WARNING._replace()])  # what a full re-check hands back
    with qtbot.assertNotEmitted(dock.model.rowsRemoved), qtbot.assertNotEmitted(dock.findingSelected):
        dock.set_report(renewed)
    assert dock.current_finding is renewed.findings[1]


def test_rows_follow_reports_after_the_person_expands_everything(qtbot: QtBot) -> None:
    dock = FindingsDock()
    qtbot.addWidget(dock)
    dock.set_report(Report.of([ERROR, WARNING]))
    dock.tree.expandAll()
    dock.set_report(Report.of([WARNING, ACKNOWLEDGED]))
    assert listed(dock.model) == as_listed(Report.of([WARNING, ACKNOWLEDGED]))
    assert all(dock.tree.isExpanded(dock.model.group_index(severity)) for severity in Severity)


def test_runs_group_consecutive_positions() -> None:
    assert list(runs([2, 3, 4, 9])) == [(2, 3), (9, 1)]
    assert list(runs([0])) == [(0, 1)]
    assert list(runs([])) == []


def test_findings_are_grouped_by_severity_with_open_counts(qtbot: QtBot) -> None:
    dock = FindingsDock()
    qtbot.addWidget(dock)
    dock.set_report(Report.of([ERROR, WARNING, ACKNOWLEDGED]))
    assert group_texts(dock.model) == ["Errors (1)", "Warnings (1), 1 acknowledged", "Notes (0)"]
    warnings = dock.model.group_index(Severity.WARNING)
    assert dock.tree.isExpanded(warnings)
    assert {dock.model.index(row, 0, warnings).data(FindingRole).rule for row in range(2)} == {
        "overloaded-person", "too-many-consulted"}


def test_an_acknowledged_finding_is_greyed_and_shows_its_reason(qtbot: QtBot) -> None:
    dock = FindingsDock()
    qtbot.addWidget(dock)
    dock.set_report(Report.of([WARNING, ACKNOWLEDGED]))
    index = dock.model.index_of(ACKNOWLEDGED)
    assert index.data() == "Seven people are consulted on “Vision”.\nAcknowledged: Board review."
    assert index.data(Qt.ItemDataRole.ForegroundRole).name() == "#8a939c"
    assert dock.model.index_of(WARNING).data(Qt.ItemDataRole.ForegroundRole) is None


def test_selecting_a_finding_emits_it_and_shows_explanation_citation_and_fix(qtbot: QtBot) -> None:
    dock = FindingsDock()
    qtbot.addWidget(dock)
    dock.set_report(Report.of([ERROR, WARNING]))
    with qtbot.waitSignal(dock.findingSelected) as selected:
        dock.select_finding(ERROR)
    assert selected.args == [ERROR]
    text = dock.details.toPlainText()
    assert "Someone has to own it." in text
    assert "Suggested fix: Give one person an A." in text
    assert "Source: Racki" in text
    assert dock.acknowledge_button.isEnabled() and not dock.withdraw_button.isEnabled()


def test_acknowledge_and_withdraw_buttons_ask_for_the_selected_finding(qtbot: QtBot) -> None:
    dock = FindingsDock()
    qtbot.addWidget(dock)
    dock.set_report(Report.of([WARNING, ACKNOWLEDGED]))
    dock.select_finding(ACKNOWLEDGED)
    assert not dock.acknowledge_button.isEnabled()
    with qtbot.waitSignal(dock.withdrawRequested) as asked:
        dock.withdraw_button.click()
    assert asked.args[0].acknowledgment.reason == "Board review."


def test_a_new_report_keeps_the_selected_finding_without_selecting_it_again(qtbot: QtBot) -> None:
    dock = FindingsDock()
    qtbot.addWidget(dock)
    dock.set_report(Report.of([ERROR, WARNING]))
    dock.select_finding(WARNING)
    with qtbot.assertNotEmitted(dock.findingSelected):
        dock.set_report(Report.of([WARNING, ACKNOWLEDGED]))
    assert dock.current_finding == WARNING
    dock.set_report(Report.of([ERROR]))
    assert dock.current_finding is None
    assert "Select a finding" in dock.details.toPlainText()


def test_the_same_findings_again_do_not_reset_the_list(qtbot: QtBot) -> None:
    dock = FindingsDock()
    qtbot.addWidget(dock)
    dock.set_report(Report.of([ERROR, WARNING]))
    with qtbot.assertNotEmitted(dock.model.modelReset):
        dock.set_report(Report.of([WARNING, ERROR]))


def test_a_group_the_person_collapsed_stays_collapsed(qtbot: QtBot) -> None:
    dock = FindingsDock()
    qtbot.addWidget(dock)
    dock.set_report(Report.of([ERROR, WARNING]))
    dock.tree.setExpanded(dock.model.group_index(Severity.ERROR), False)
    dock.set_report(Report.of([ERROR]))
    assert not dock.tree.isExpanded(dock.model.group_index(Severity.ERROR))


def test_two_hundred_empty_rows_list_every_finding(qtbot: QtBot) -> None:
    team = Team()
    ana = team.add_person("Ana", ["Product Manager"])
    for number in range(201):
        team.add_responsibility(f"Row {number}")
    team.set_cell(team.responsibilities[0].id, ana.id, "A/R")  # a matrix with no letter gives one line
    report = check(team)
    dock = FindingsDock()
    qtbot.addWidget(dock)
    dock.set_report(report)
    listed = sum(dock.model.rowCount(dock.model.group_index(severity)) for severity in Severity)
    assert listed == len(report.findings) >= 200


def test_the_status_counts_say_how_many_of_each(qtbot: QtBot) -> None:
    counts = SeverityCounts()
    qtbot.addWidget(counts)
    counts.set_report(Report.of([ERROR, WARNING, ACKNOWLEDGED]))
    assert counts.text() == "1 error, 1 warning, 0 notes"
    assert counts.toolTip() == Report.of([ERROR, WARNING, ACKNOWLEDGED]).summary()
