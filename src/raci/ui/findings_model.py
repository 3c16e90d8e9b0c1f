"""The findings list's item model: three severity groups, their findings beneath, following each new report.

A new report arrives as row removals and insertions for what it changed
only, so the tree keeps its layout, expansion and selection for the rest.
The checker hands back the very same finding objects for everything an
edit did not touch, so rows are matched by identity first, in C, over
thousands of findings; what is left is matched by equality (a full
re-check makes new objects, and an acknowledged finding is made anew on
every report). Each edit costs what it changed, not the size of the list.

The rows live in Qt's own item model (C++), not behind Python overrides:
after any insertion or removal under an expanded group, QTreeView lays out
every row of that group again and asks the model for each row's index and
flags. Through a Python model that is two calls into Python per finding,
14 ms for the 3,234 findings of a dense 1000 x 100 team, on every edit;
through items it is under a millisecond. Only the rows on screen are
painted, so the findings' texts are set once, when their row is made.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import compress
from operator import attrgetter, is_, not_
from typing import Any, NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel

from raci.findings import Finding, Report, Severity
from raci.ui.palette import severity_icon

SEVERITIES = tuple(Severity)  # error, warning, note: the group order
FindingRole = Qt.ItemDataRole.UserRole + 1
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
# Never-has-children spares the tree a question per row, and keeps its expand-all from
# remembering every finding as an expanded index (each of which a row change must then update).
_FINDING_FLAGS = _GROUP_FLAGS | Qt.ItemFlag.ItemNeverHasChildren
_GREY = QColor("#8a939c")
_Index = QModelIndex | QPersistentModelIndex

_severity = attrgetter("severity")
_acknowledgment = attrgetter("acknowledgment")
_rule, _message = attrgetter("rule"), attrgetter("message")


class FindingsModel(QStandardItemModel):
    """Three severity groups at the top level, their findings as children, in the report's order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.report = Report()
        self._shown: dict[Severity, list[Finding]] = {severity: [] for severity in SEVERITIES}
        bold = QFont()
        bold.setBold(True)
        for severity in SEVERITIES:
            group = QStandardItem(_group_text(severity, []))
            group.setFlags(_GROUP_FLAGS)
            group.setIcon(severity_icon(severity))
            group.setFont(bold)
            # One column before its first row: else inserting that row inserts the column
            # while the row insertion is under way, which views (and Qt's model tester) reject.
            group.setColumnCount(1)
            self.appendRow(group)

    def set_report(self, report: Report) -> bool:
        """Show a new report as row removals and insertions; returns False when nothing changed."""
        self.report = report
        changed = False
        for row, (severity, findings) in enumerate(_by_severity(report).items()):
            if self._show_group(self.item(row), self._shown[severity], findings):
                changed = True
                self._shown[severity] = list(findings)
                self.item(row).setText(_group_text(severity, findings))
        return changed

    def _show_group(self, group: QStandardItem, old: list[Finding], new: Sequence[Finding]) -> bool:
        """Turn the group's rows (showing ``old``) into rows showing ``new``; False when they are the same."""
        if len(old) == len(new) and all(map(is_, old, new)):
            return False
        matching = match_rows(old, new)
        if not matching.in_order:  # findings both lists hold come in another order: fill the group again
            group.removeRows(0, group.rowCount())
            group.insertRows(0, [_finding_item(finding) for finding in new])
            return True
        for start, count in reversed(list(runs(matching.removed))):
            group.removeRows(start, count)
        for start, count in runs(matching.inserted):
            group.insertRows(start, [_finding_item(finding) for finding in new[start:start + count]])
        for row in matching.renewed:
            group.child(row).setData(new[row], FindingRole)  # the same finding, as a new object
        return bool(matching.removed or matching.inserted or matching.renewed)

    def finding_at(self, index: _Index) -> Finding | None:
        """The finding on a row; ``None`` on a group row or an invalid index."""
        return index.data(FindingRole) if index.isValid() and index.parent().isValid() else None

    def index_of(self, finding: Finding) -> QModelIndex:
        """The index of the finding with the same key and message as ``finding``, or an invalid index."""
        group = SEVERITIES.index(finding.severity)
        for row, candidate in enumerate(self._shown[finding.severity]):
            if candidate.key == finding.key and candidate.message == finding.message:
                return self.index(row, 0, self.index(group, 0))
        return QModelIndex()

    def group_index(self, severity: Severity) -> QModelIndex:
        return self.index(SEVERITIES.index(severity), 0)


def _group_text(severity: Severity, findings: Sequence[Finding]) -> str:
    """"Errors (3)", with ", 2 acknowledged" when some are."""
    open_count = list(map(_acknowledgment, findings)).count(None)
    text = f"{severity.heading} ({open_count})"
    acknowledged = len(findings) - open_count
    return text + (f", {acknowledged} acknowledged" if acknowledged else "")


def _finding_item(finding: Finding) -> QStandardItem:
    """A finding's row: its message (and the acknowledgment's reason, greyed), icon and tooltip."""
    acknowledgment = finding.acknowledgment
    if acknowledgment is None:
        item = QStandardItem(severity_icon(finding.severity), finding.message)
    else:
        item = QStandardItem(f"{finding.message}\nAcknowledged: {acknowledgment.reason}")
        item.setData(_GREY, Qt.ItemDataRole.ForegroundRole)
    item.setFlags(_FINDING_FLAGS)
    item.setToolTip(f"{finding.message}\n\n{finding.explanation}")
    item.setData(finding, FindingRole)
    return item


def _by_severity(report: Report) -> dict[Severity, Sequence[Finding]]:
    """The report's findings by severity, in group order.

    A report lists its findings most severe first, so each group is one
    slice of it, found by counting in C; a report in any other order is
    sorted out finding by finding.
    """
    findings = report.findings
    severities = list(map(_severity, findings))
    groups: dict[Severity, Sequence[Finding]] = {}
    start = 0
    for severity in SEVERITIES:
        end = start + severities.count(severity)
        if severities[start:end].count(severity) != end - start:
            return dict(report.by_severity())
        groups[severity] = findings[start:end]
        start = end
    return groups


# ------------------------------------------------------------ matching rows
class Matching(NamedTuple):
    """How to turn a list of findings into the next one, row by row.

    Remove the rows at ``removed`` (positions in the old list), then insert
    the findings at ``inserted`` (positions in the new list); the rows at
    ``renewed`` (positions in the new list) show the same finding as a new
    object. When ``in_order`` is False, some findings both lists hold come
    in another order, and the rows cannot be matched by removing and
    inserting alone.
    """

    removed: list[int]
    inserted: list[int]
    renewed: list[int]
    in_order: bool


def match_rows(old: Sequence[Finding], new: Sequence[Finding]) -> Matching:
    """Match the rows of ``old`` with the findings of ``new``: by identity, then by equality.

    A row is the same when its finding says the same about the same things
    and carries the same acknowledgment (an acknowledged finding is shown
    differently, so acknowledging it is a new row).
    """
    old_ids, new_ids = list(map(id, old)), list(map(id, new))
    both = set(old_ids).intersection(new_ids)
    gone = list(compress(range(len(old)), map(not_, map(both.__contains__, old_ids))))
    came = list(compress(range(len(new)), map(not_, map(both.__contains__, new_ids))))
    renewed = _pair_equal(old, new, gone, came)
    tokens = new_ids  # what each new row is, as the id of the old row it keeps
    for new_position, old_position in renewed.items():
        tokens[new_position] = old_ids[old_position]
    removed = sorted(set(gone).difference(renewed.values()))
    inserted = [position for position in came if position not in renewed]
    in_order = _without(old_ids, removed) == _without(tokens, inserted)
    return Matching(removed, inserted, sorted(renewed), in_order)


def _pair_equal(old: Sequence[Finding], new: Sequence[Finding], gone: list[int], came: list[int]) -> dict[int, int]:
    """Pairs of new and old positions that hold equal findings with equal acknowledgments.

    Candidates are looked up by rule and message (cheap to hash, nearly
    unique; of several old findings with the same message, one is paired);
    a candidate is taken when the two are equal field by field,
    acknowledgment included (``tuple.__eq__``, in C).
    """
    if not gone or not came:
        return {}
    olds, news = list(map(old.__getitem__, gone)), list(map(new.__getitem__, came))
    waiting = dict(zip(zip(map(_rule, olds), map(_message, olds), strict=True), gone, strict=True))
    candidates = map(waiting.get, zip(map(_rule, news), map(_message, news), strict=True))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for position, finding, candidate in zip(came, news, candidates, strict=True):
        if candidate is not None and candidate not in taken and tuple.__eq__(old[candidate], finding):
            pairs[position] = candidate
            taken.add(candidate)
    return pairs


def _without(items: list[int], positions: list[int]) -> list[int]:
    """``items`` without the ones at ``positions``."""
    if not positions:
        return items
    keep = bytearray(b"\x01") * len(items)
    for position in positions:
        keep[position] = 0
    return list(compress(items, keep))


def runs(positions: list[int]) -> Iterator[tuple[int, int]]:
    """Sorted positions as (start, count) runs of consecutive ones: [2, 3, 4, 9] gives (2, 3), (9, 1)."""
    start = previous = None
    for position in positions:
        if previous is not None and position == previous + 1:
            previous = position
            continue
        if start is not None:
            yield start, previous - start + 1  # type: ignore[operator]
        start = previous = position
    if start is not None:
        yield start, previous - start + 1  # type: ignore[operator]
