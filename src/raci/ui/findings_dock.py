"""The findings panel: the checks' findings grouped by severity, and the selected one explained.

The list is a tree over the report (three severity groups, findings
beneath, see :mod:`raci.ui.findings_model`); a new report arrives as row
insertions and removals for what changed, so the tree keeps its layout,
expansion and selection, and with rows of one height it paints only what
is on screen. Acknowledged findings stay in their
group, greyed, with the reason. Selecting a finding emits
:attr:`FindingsDock.findingSelected`; the window selects what it names in
the grid. The selection survives a new report when the same finding is
still there, without emitting again, so typing in the grid never makes the
grid's selection jump.
"""

from __future__ import annotations

import html
from collections import Counter
from itertools import compress
from operator import attrgetter, not_

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from raci.findings import Finding, Report, Severity
from raci.ui.findings_model import SEVERITIES, FindingRole, FindingsModel
from raci.ui.palette import severity_colour, severity_icon

__all__ = ["FindingRole", "FindingsDock", "FindingsModel", "SeverityCounts", "TwoLineDelegate", "finding_html"]


class TwoLineDelegate(QStyledItemDelegate):
    """Every row two lines high: a finding wraps onto its second line and is elided after it.

    One height for all rows lets the tree skip measuring each row
    (``uniformRowHeights``), which halves the cost of showing a new report;
    the whole text is in the details box below and in the tooltip.
    """

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), 2 * QFontMetrics(option.font).lineSpacing() + 10)


class FindingsDock(QWidget):
    """The findings tree, the selected finding's explanation, and acknowledge/withdraw buttons."""

    findingSelected = Signal(object)  # Finding, when the user selects one
    acknowledgeRequested = Signal(object)  # Finding
    withdrawRequested = Signal(object)  # Finding (acknowledged)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("findingsTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setItemDelegate(TwoLineDelegate(self.tree))
        self.details = QTextBrowser(self)
        self.details.setObjectName("findingDetails")
        self.details.setOpenLinks(False)
        self.acknowledge_button = QPushButton("Acknowledge\u2026", self)
        self.acknowledge_button.setToolTip("Mark this finding as intended, with a reason (undoable)")
        self.withdraw_button = QPushButton("Withdraw acknowledgment", self)
        self._building()
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.acknowledge_button.clicked.connect(lambda: self._request(self.acknowledgeRequested))
        self.withdraw_button.clicked.connect(lambda: self._request(self.withdrawRequested))
        self._show(None)

    def _building(self) -> None:
        lower = QWidget(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.acknowledge_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.details, 1)
        lower_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([205, 235])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    # ----------------------------------------------------------------- state
    @property
    def current_finding(self) -> Finding | None:
        return self.model.finding_at(self.tree.currentIndex())

    def set_report(self, report: Report) -> None:
        """Show a new report; the selected finding stays selected while it is still there."""
        current = self.current_finding
        selection = self.tree.selectionModel()
        selection.blockSignals(True)  # what the model's updates do to the selection is not the user selecting
        changed = self.model.set_report(report)
        if not self._expanded:
            self._expanded = True  # groups start open; after that the person's choice is kept
            for severity in SEVERITIES:  # the groups only: see findings_model on why not expandAll
                self.tree.setExpanded(self.model.group_index(severity), True)
        if changed and current is not None and self.current_finding != current:
            index = self.model.index_of(current)  # acknowledged or withdrawn: the same finding, a new row
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        selection.blockSignals(False)
        self._show(self.current_finding)

    _expanded = False

    def select_finding(self, finding: Finding) -> bool:
        """Select a finding as the user would (emits findingSelected); False if it is not shown."""
        index = self.model.index_of(finding)
        if not index.isValid():
            return False
        self.tree.scrollTo(index)
        self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        finding = self.model.finding_at(current)
        self._show(finding)
        if finding is not None:
            self.findingSelected.emit(finding)

    def _request(self, signal: SignalInstance) -> None:
        finding = self.current_finding
        if finding is not None:
            signal.emit(finding)

    def _show(self, finding: Finding | None) -> None:
        self.acknowledge_button.setEnabled(finding is not None and not finding.acknowledged)
        self.withdraw_button.setEnabled(finding is not None and finding.acknowledged)
        text = finding_html(finding) if finding else _EMPTY
        if text != self._shown_html:  # setting the same text again would lay out and repaint it for nothing
            self._shown_html = text
            self.details.setHtml(text)

    _shown_html = ""


_severity = attrgetter("severity")
_acknowledgment = attrgetter("acknowledgment")
_EMPTY = "<p style='color:#6b7580'>Select a finding to see why it matters, where it comes from and how to fix it.</p>"


def finding_html(finding: Finding) -> str:
    """The explanation, citation and fix of a finding, as the details box shows them."""
    from raci.rules import citation_text  # loads the catalog for article names on first use

    colour = severity_colour(finding.severity).name()
    parts = [
        f"<p><b style='color:{colour}'>{finding.severity.label}</b> &middot; <b>{html.escape(finding.message)}</b></p>",
        f"<p>{html.escape(finding.explanation)}</p>",
    ]
    if finding.fix:
        parts.append(f"<p><b>Suggested fix:</b> {html.escape(finding.fix)}</p>")
    if finding.citation:
        parts.append(f"<p style='color:#4a5560'><b>Source:</b> {html.escape(citation_text(finding.citation))}</p>")
    if finding.acknowledgment is not None:
        ack = finding.acknowledgment
        parts.append(f"<p style='color:#4a5560'><b>Acknowledged</b> on {html.escape(ack.date)}: "
                     f"{html.escape(ack.reason)}</p>")
    return "".join(parts)


class SeverityCounts(QWidget):
    """The status bar's counts: an icon and a number per severity."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(4)
        self._labels: dict[Severity, QLabel] = {}
        for severity in SEVERITIES:
            icon = QLabel(self)
            icon.setPixmap(severity_icon(severity).pixmap(14, 14))
            label = QLabel(self)
            label.setObjectName(f"count_{severity.value}")
            layout.addWidget(icon)
            layout.addWidget(label)
            layout.addSpacing(8)
            self._labels[severity] = label
        self.set_report(Report())

    def set_report(self, report: Report) -> None:
        """Count the report's open findings, in one pass (in C) over thousands of them."""
        findings = report.findings
        is_open = list(map(not_, map(_acknowledgment, findings)))
        counts = Counter(compress(map(_severity, findings), is_open))
        for severity, label in self._labels.items():
            label.setText(severity.counted(counts[severity]))
        acknowledged = len(findings) - sum(counts.values())
        self.setToolTip(self.text() + (f", {acknowledged} acknowledged" if acknowledged else ""))

    def text(self) -> str:
        return ", ".join(label.text() for label in self._labels.values())
