"""The workload view: per person, how many R, A, C and I they hold, as small painted bars.

People named by an open finding carry that finding's severity marker.
Selecting a person emits :attr:`WorkloadView.personSelected` with their id
(the window filters the grid to that person's rows); "Show all rows" or
Escape clears it. Counting walks the filled cells once, and only while the
view is visible: a hidden view catches up when it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QItemSelectionModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from raci.findings import Report, Severity
from raci.model import Letter, Team
from raci.ui.palette import bar_colours, is_dark, severity_icon

BAR_LETTERS = (Letter.R, Letter.A, Letter.C, Letter.I)  # A/R counts as one A and one R
LoadRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class PersonLoad:
    """One person's letters, and the most severe open finding that names them."""

    person_id: str
    name: str
    titles: tuple[str, ...]
    counts: tuple[int, int, int, int]  # R, A, C, I
    flag: Severity | None = None
    flag_text: str = ""


def workload(team: Team, report: Report) -> list[PersonLoad]:
    """Everyone's letter counts in column order, with their flags from ``report``."""
    counts = {person.id: [0, 0, 0, 0] for person in team.people}
    for _row, person_id, letter in team.iter_cells():
        tally = counts[person_id]
        if letter.responsible:
            tally[0] += 1
        if letter.accountable:
            tally[1] += 1
        if letter is Letter.C:
            tally[2] += 1
        elif letter is Letter.I:
            tally[3] += 1
    flags: dict[str, list[str]] = {}
    worst: dict[str, Severity] = {}
    for finding in report.open_findings:  # most severe first
        for person_id in finding.people:
            worst.setdefault(person_id, finding.severity)
            flags.setdefault(person_id, []).append(finding.message)
    return [PersonLoad(p.id, p.name, p.titles, tuple(counts[p.id]), worst.get(p.id), "\n".join(flags.get(p.id, ())))
            for p in team.people]  # type: ignore[arg-type]


class WorkloadModel(QAbstractListModel):
    """One row per person."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.loads: list[PersonLoad] = []
        self.scale = 1  # the largest single count, so bars compare across people

    def set_loads(self, loads: list[PersonLoad]) -> None:
        if loads == self.loads:
            return
        if [load.person_id for load in loads] == [load.person_id for load in self.loads]:
            self.loads = loads
            self._rescale()
            self.dataChanged.emit(self.index(0), self.index(len(loads) - 1), [LoadRole])
            return
        self.beginResetModel()
        self.loads = loads
        self._rescale()
        self.endResetModel()

    def _rescale(self) -> None:
        self.scale = max((max(load.counts) for load in self.loads), default=1) or 1

    def row_of(self, person_id: str) -> int:
        return next((row for row, load in enumerate(self.loads) if load.person_id == person_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.loads)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.loads):
            return None
        load = self.loads[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            letters = ", ".join(f"{n} {letter.value}" for n, letter in zip(load.counts, BAR_LETTERS))
            return f"{load.name}: {letters}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return load.flag_text or "No finding names this person."
        if role == LoadRole:
            return load
        return None


class WorkloadDelegate(QStyledItemDelegate):
    """Paints a person's name, titles and flag, then four small bars in two rows (R and A, C and I)."""

    ROW_HEIGHT = 60
    LINE = 15

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(180, self.ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        load: PersonLoad = index.data(LoadRole)
        model: WorkloadModel = index.model()  # type: ignore[assignment]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Midlight))
        rect = option.rect.adjusted(8, 4, -8, -4)
        self._paint_name(painter, option, rect, load)
        half = (rect.width() - 10) // 2
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() - 1))
        small.setBold(True)
        painter.setFont(small)
        for position, (letter, count) in enumerate(zip(BAR_LETTERS, load.counts)):
            line, column = divmod(position, 2)
            slot = QRect(rect.left() + column * (half + 10), rect.top() + 21 + line * (self.LINE + 3), half, self.LINE)
            self._paint_bar(painter, slot, letter, count, model.scale, option.palette)
        painter.restore()

    def _paint_name(self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect, load: PersonLoad) -> None:
        name_font = QFont(option.font)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        text_left = rect.left()
        if load.flag is not None:
            severity_icon(load.flag).paint(painter, QRect(rect.left(), rect.top() + 1, 14, 14))
            text_left += 19
        name_rect = QRect(text_left, rect.top(), rect.right() - text_left, 18)
        name = painter.fontMetrics().elidedText(load.name, Qt.TextElideMode.ElideRight, name_rect.width())
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        used = painter.fontMetrics().horizontalAdvance(name) + 8
        painter.setFont(option.font)
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        titles = painter.fontMetrics().elidedText(", ".join(load.titles), Qt.TextElideMode.ElideRight,
                                                  max(0, name_rect.width() - used))
        painter.drawText(name_rect.adjusted(used, 0, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         titles)

    @staticmethod
    def _paint_bar(painter: QPainter, slot: QRect, letter: Letter, count: int, scale: int, palette: QPalette) -> None:
        chip_fill, bar_fill = bar_colours(letter, is_dark(palette))
        chip = QRect(slot.left(), slot.top(), 16, slot.height())
        painter.fillRect(chip, chip_fill)
        painter.setPen(QColor("white"))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, letter.value)
        count_width = painter.fontMetrics().horizontalAdvance("000") + 4
        track = QRect(chip.right() + 4, slot.top() + 3, max(8, slot.width() - 20 - count_width), slot.height() - 6)
        painter.fillRect(track, palette.color(QPalette.ColorRole.AlternateBase))
        painter.fillRect(QRect(track.left(), track.top(), round(track.width() * count / scale), track.height()),
                         bar_fill)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(QRect(track.right() + 4, slot.top(), count_width, slot.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(count))


class WorkloadView(QWidget):
    """The list of people with their bars, and the filter state."""

    personSelected = Signal(object)  # person id, or None when the filter is cleared

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = WorkloadModel(self)
        self.list = QListView(self)
        self.list.setObjectName("workloadList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(WorkloadDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.hint = QLabel("Select a person to show only their rows.", self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.clear_button = QPushButton("Show all rows", self)
        self.clear_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.selected: str | None = None
        self._pending: tuple[Team, Report] | None = None
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.clear_button.clicked.connect(self.clear_selection)

    def refresh(self, team: Team, report: Report) -> None:
        """Recount (now if visible, else when next shown)."""
        self._pending = (team, report)
        if self.isVisible():
            self._apply()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._apply()

    def _apply(self) -> None:
        if self._pending is None:
            return
        team, report = self._pending
        self._pending = None
        self.model.set_loads(workload(team, report))
        row = self.model.row_of(self.selected) if self.selected else -1
        if self.selected and row < 0:
            self.clear_selection()  # that person left the team
        elif row >= 0:
            self._select_quietly(row)

    def select_person(self, person_id: str | None) -> None:
        """Select a person as a click would (emits personSelected)."""
        if person_id is None:
            self.clear_selection()
            return
        self._apply()
        row = self.model.row_of(person_id)
        if row >= 0:
            self.list.selectionModel().setCurrentIndex(self.model.index(row),
                                                       QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def clear_selection(self) -> None:
        self.list.selectionModel().blockSignals(True)
        self.list.selectionModel().clear()
        self.list.selectionModel().blockSignals(False)
        self.list.viewport().update()
        self._set_selected(None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.selected:
            self.clear_selection()
            return
        super().keyPressEvent(event)

    def _select_quietly(self, row: int) -> None:
        self.list.selectionModel().blockSignals(True)
        self.list.selectionModel().setCurrentIndex(self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.selectionModel().blockSignals(False)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        load = current.data(LoadRole) if current.isValid() else None
        self._set_selected(load.person_id if load else None)

    def _set_selected(self, person_id: str | None) -> None:
        self.clear_button.setEnabled(person_id is not None)
        if person_id != self.selected:
            self.selected = person_id
            self.personSelected.emit(person_id)
