"""The findings panel: the checks' findings grouped by severity, and the selected one explained.

The list is a tree model over the report (three severity groups, findings
beneath); a new report arrives as row insertions and removals, so the tree
keeps its layout, expansion and selection, and with rows of one height it
lays out only what is on screen. Acknowledged findings stay in their
group, greyed, with the reason. Selecting a finding emits
:attr:`FindingsDock.findingSelected`; the window selects what it names in
the grid. The selection survives a new report when the same finding is
still there, without emitting again, so typing in the grid never makes the
grid's selection jump.
"""

from __future__ import annotations

import html
from difflib import SequenceMatcher
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics
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
from raci.ui.palette import SEVERITY_COLOURS, severity_icon

SEVERITIES = tuple(Severity)  # error, warning, note: the group order
FindingRole = Qt.ItemDataRole.UserRole + 1
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # computed once: the view asks per row
_GREY = QColor("#8a939c")
_Index = QModelIndex | QPersistentModelIndex


class FindingsModel(QAbstractItemModel):
    """Three severity groups at the top level, their findings as children."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: dict[Severity, list[Finding]] = {severity: [] for severity in SEVERITIES}
        self.report = Report()

    def set_report(self, report: Report) -> bool:
        """Show a new report as row inserts and removals; returns False when nothing changed.

        An edit changes a few findings at most, so the tree keeps its layout,
        expansion and selection for the rest (a reset would lay out every row).
        """
        groups = report.by_severity()
        self.report = report
        changed = False
        for group, severity in enumerate(SEVERITIES):
            old, new = self._groups[severity], groups[severity]
            if _same(new, old):
                continue
            changed = True
            for old_start, old_end, new_start, new_end in reversed(_differences(old, new)):
                self._splice(group, old, old_start, old_end, new[new_start:new_end])
            parent = self.index(group, 0)
            self.dataChanged.emit(parent, parent, [Qt.ItemDataRole.DisplayRole])  # the count in the header
        return changed

    def _splice(self, group: int, rows: list[Finding], start: int, end: int, replacement: list[Finding]) -> None:
        """Replace ``rows[start:end]`` with ``replacement``, announcing the removal and the insertion."""
        parent = self.index(group, 0)
        if end > start:
            self.beginRemoveRows(parent, start, end - 1)
            del rows[start:end]
            self.endRemoveRows()
        if replacement:
            self.beginInsertRows(parent, start, start + len(replacement) - 1)
            rows[start:start] = replacement
            self.endInsertRows()

    def finding_at(self, index: _Index) -> Finding | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[SEVERITIES[index.internalId() - 1]][index.row()]

    def index_of(self, finding: Finding) -> QModelIndex:
        """The index of the finding with the same key as ``finding``, or an invalid index."""
        group = SEVERITIES.index(finding.severity)
        for row, candidate in enumerate(self._groups[finding.severity]):
            if candidate.key == finding.key and candidate.message == finding.message:
                return self.createIndex(row, 0, group + 1)
        return QModelIndex()

    def group_index(self, severity: Severity) -> QModelIndex:
        return self.index(SEVERITIES.index(severity), 0)

    # ---------------------------------------------------- Qt's model interface
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(SEVERITIES) else QModelIndex()
        if parent.internalId() != 0 or row >= len(self._groups[SEVERITIES[parent.row()]]):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)  # the id names the group (1-based)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(SEVERITIES)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[SEVERITIES[parent.row()]])
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _SELECTABLE if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(SEVERITIES[index.row()], role)
        finding = self.finding_at(index)
        assert finding is not None
        return self._finding_data(finding, role)

    def _group_data(self, severity: Severity, role: int) -> Any:
        findings = self._groups[severity]
        if role == Qt.ItemDataRole.DisplayRole:
            open_count = sum(1 for f in findings if not f.acknowledged)
            text = f"{severity.label}s ({open_count})" if severity is not Severity.INFO else f"Notes ({open_count})"
            acknowledged = len(findings) - open_count
            return text + (f", {acknowledged} acknowledged" if acknowledged else "")
        if role == Qt.ItemDataRole.DecorationRole:
            return severity_icon(severity)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _finding_data(self, finding: Finding, role: int) -> Any:
        acknowledged = finding.acknowledgment
        if role == Qt.ItemDataRole.DisplayRole:
            if acknowledged is not None:
                return f"{finding.message}\nAcknowledged: {acknowledged.reason}"
            return finding.message
        if role == Qt.ItemDataRole.DecorationRole:
            return None if acknowledged else severity_icon(finding.severity)
        if role == Qt.ItemDataRole.ForegroundRole and acknowledged:
            return _GREY
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{finding.message}\n\n{finding.explanation}"
        if role == FindingRole:
            return finding
        return None


def _same(new: list[Finding], old: list[Finding]) -> bool:
    # Findings compare without their acknowledgment, so compare that too.
    return new == old and all(a.acknowledgment == b.acknowledgment for a, b in zip(new, old))


def _identity(finding: Finding) -> tuple[object, ...]:
    """What makes a finding's row the same row: the finding and its acknowledgment."""
    return (finding, finding.acknowledgment)


def _differences(old: list[Finding], new: list[Finding]) -> list[tuple[int, int, int, int]]:
    """The (old start, old end, new start, new end) spans that differ, first to last.

    The unchanged head and tail are skipped before matching the middle: an
    edit touches a few findings, so the middle is short.
    """
    old_ids, new_ids = [_identity(f) for f in old], [_identity(f) for f in new]
    head = 0
    while head < min(len(old_ids), len(new_ids)) and old_ids[head] == new_ids[head]:
        head += 1
    tail = 0
    while tail < min(len(old_ids), len(new_ids)) - head and old_ids[-1 - tail] == new_ids[-1 - tail]:
        tail += 1
    matcher = SequenceMatcher(None, old_ids[head:len(old_ids) - tail], new_ids[head:len(new_ids) - tail],
                              autojunk=False)
    return [(head + a0, head + a1, head + b0, head + b1)
            for tag, a0, a1, b0, b1 in matcher.get_opcodes() if tag != "equal"]


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
            self.tree.expandAll()
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

    def _request(self, signal: Signal) -> None:
        finding = self.current_finding
        if finding is not None:
            signal.emit(finding)  # type: ignore[attr-defined]

    def _show(self, finding: Finding | None) -> None:
        self.acknowledge_button.setEnabled(finding is not None and not finding.acknowledged)
        self.withdraw_button.setEnabled(finding is not None and finding.acknowledged)
        text = finding_html(finding) if finding else _EMPTY
        if text != self._shown_html:  # setting the same text again would lay out and repaint it for nothing
            self._shown_html = text
            self.details.setHtml(text)

    _shown_html = ""


_EMPTY = "<p style='color:#6b7580'>Select a finding to see why it matters, where it comes from and how to fix it.</p>"


def finding_html(finding: Finding) -> str:
    """The explanation, citation and fix of a finding, as the details box shows them."""
    from raci.rules import citation_text  # loads the catalog for article names on first use

    colour = SEVERITY_COLOURS[finding.severity].name()
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
        for severity, label in self._labels.items():
            number = report.count(severity)
            label.setText(f"{number} {severity.plural if number != 1 else severity.plural[:-1]}")
        self.setToolTip(report.summary())

    def text(self) -> str:
        return ", ".join(label.text() for label in self._labels.values())
