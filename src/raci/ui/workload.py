"""The workload view: per person, how many cells of each kind they hold, as small painted bars.

One bar per kind the team's letter set has, labelled with its letter and in
its colour and pattern (R, A, C and I for RACI; S too for RASCI; D, A, C
and I for DACI); a cell counts in every kind it holds, so an A/R adds to
both the A and the R bar.

People named by an open finding carry that finding's severity marker.
Selecting a person emits :attr:`WorkloadView.personSelected` with their id
(the window filters the grid to that person's rows); "Show all rows" or
Escape clears it.

An edit costs what it changed: the model follows the team's cell events to
know whose letters changed and reads only those people's counts, from the
tallies the checker keeps anyway (:meth:`raci.rules.Checker.kind_counts`)
when the window hands them over, or else counted from the team
(:func:`raci.tally.kind_counts`); the flags follow the report by the
findings that came or went (:class:`~raci.ui.markers.Markers`). All of it
happens only while the view is visible: a hidden view catches up when it
is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPainter, QPalette, QShowEvent
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
from raci.letters import Cell, Kind, LetterSet
from raci.model import Change, Phase, Team, TeamEvent
from raci.tally import KindCounts, kind_counts
from raci.ui.markers import Markers
from raci.ui.palette import bar_colours, is_dark, severity_icon

LoadRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
Counts = tuple[int, ...]  # one count per bar (R, A, C, I for RACI)
_KINDS = tuple(Kind)
_person_of = itemgetter(1)  # of a cell key (responsibility id, person id)


class LetterTally(Protocol):
    """Where the counts come from: something that keeps each person's cells counted by kind (the checker)."""

    def kind_counts(self, person_ids: Collection[str]) -> Mapping[str, KindCounts]: ...


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: a kind of the set, the letter that stands for it (its chip and colour), and its label."""

    kind: Kind
    cell: Cell  # the set's first letter of this kind, whose colour the bar takes
    label: str  # "R"; "C+S" when two letters share the kind (RACI-VS's Signatory is asked, like C)
    name: str  # "Responsible", for the text a screen reader gets


def bars_of(letters: LetterSet) -> tuple[Bar, ...]:
    """The bars for a set: one per kind it has, in the order its letters first name them (R, A, C, I)."""
    bars: list[Bar] = []
    for letter in letters.letters:
        if any(bar.kind is letter.kind for bar in bars):
            continue
        same = [other.symbol for other in letters.letters if other.kind is letter.kind]
        bars.append(Bar(letter.kind, letters.cell(letter.symbol), "+".join(same), letter.name))
    return tuple(bars)


@dataclass(frozen=True, slots=True)
class PersonLoad:
    """One person's letters, and the severity of the most severe open finding that names them."""

    person_id: str
    name: str
    titles: tuple[str, ...]
    counts: Counts
    flag: Severity | None = None


class WorkloadModel(QAbstractListModel):
    """One row per person, in column order, following one team's edits."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.loads: list[PersonLoad] = []
        self.bars: tuple[Bar, ...] = ()
        self.letter_set: LetterSet | None = None
        self.scale = 1  # the largest single count, so bars compare across people
        self._team: Team | None = None
        self._unsubscribe: Callable[[], None] = lambda: None
        self._markers = Markers(("person",))
        self._row_of: dict[str, int] = {}
        self._letters_changed: set[str] = set()  # people whose letters changed since the last update
        self._everyone = True  # people added, removed, moved or renamed, rows added or removed: redo every row

    def update(self, team: Team, report: Report, tally: LetterTally | None = None) -> None:
        """Show ``team``'s loads and ``report``'s flags, redoing only the people either changed."""
        if team is not self._team:
            self._follow(team)
        flagged = self._markers.follow(report)["person"]
        by_kind: Callable[[Collection[str]], Mapping[str, KindCounts]] = (
            tally.kind_counts if tally is not None else lambda ids: kind_counts(team, ids))
        if team.letter_set is not self.letter_set:  # other bars: every row is drawn anew
            self.beginResetModel()
            self.letter_set, self.bars, self._everyone, self.loads = team.letter_set, bars_of(team.letter_set), True, []
            self._row_of = {}
            self.endResetModel()
        positions = [_KINDS.index(bar.kind) for bar in self.bars]

        def counts(ids: Collection[str]) -> dict[str, Counts]:
            return {person_id: tuple(kinds[position] for position in positions)
                    for person_id, kinds in by_kind(ids).items()}

        if self._everyone:
            self._everyone, self._letters_changed = False, set()
            self._show_everyone(team, counts([person.id for person in team.people]))
            return
        changed_letters = self._row_of.keys() & self._letters_changed
        self._letters_changed = set()
        fresh = counts(changed_letters) if changed_letters else {}
        rows = []
        for person_id in changed_letters | (self._row_of.keys() & flagged):
            row = self._row_of[person_id]
            old = self.loads[row]
            new = replace(old, counts=fresh.get(person_id, old.counts),
                          flag=self._markers.severity("person", person_id))
            if new != old:
                self.loads[row] = new
                rows.append(row)
        if rows:
            if self._rescale():
                rows = [0, len(self.loads) - 1]  # the bars of everyone are drawn to the new scale
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)), [LoadRole])

    def _show_everyone(self, team: Team, counts: Mapping[str, Counts]) -> None:
        loads = [PersonLoad(p.id, p.name, p.titles, counts[p.id], self._markers.severity("person", p.id))
                 for p in team.people]
        if loads == self.loads:
            return
        if [load.person_id for load in loads] == [load.person_id for load in self.loads]:
            self.loads = loads
            self._rescale()
            self.dataChanged.emit(self.index(0), self.index(len(loads) - 1), [LoadRole])
            return
        self.beginResetModel()
        self.loads = loads
        self._row_of = {load.person_id: row for row, load in enumerate(loads)}
        self._rescale()
        self.endResetModel()

    def _follow(self, team: Team) -> None:
        self._unsubscribe()
        self._team = team
        self._unsubscribe = team.subscribe(self._on_team_event)
        self._markers = Markers(("person",))
        self._everyone = True

    def _on_team_event(self, event: TeamEvent) -> None:
        # Plain Python only: the team may outlive this model.
        if event.phase is Phase.BEFORE:
            return
        if event.change is Change.CELLS:
            self._letters_changed.update(map(_person_of, event.cells))  # in C: Delete on everything is 100,000 cells
        elif event.change in (Change.PEOPLE, Change.PERSON, Change.LETTERS) or (
                event.change is Change.RESPONSIBILITIES and event.operation != "move"):
            self._everyone = True

    def _rescale(self) -> bool:
        """Set the scale from everyone's counts; True when it changed."""
        scale = max((max(load.counts, default=0) for load in self.loads), default=1) or 1
        changed, self.scale = scale != self.scale, scale
        return changed

    def row_of(self, person_id: str) -> int:
        return self._row_of.get(person_id, -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.loads)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.loads):
            return None
        load = self.loads[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            letters = ", ".join(f"{n} {bar.label}" for n, bar in zip(load.counts, self.bars, strict=True))
            return f"{load.name}: {letters}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._markers.notes("person", load.person_id).strip() or "No finding names this person."
        if role == LoadRole:
            return load
        return None


class WorkloadDelegate(QStyledItemDelegate):
    """Paints a person's name, titles and flag, then a small bar per kind, two to a line (R and A, C and I)."""

    ROW_HEIGHT = 60  # two lines of bars, as RACI's four need
    LINE = 15
    LINE_GAP = 3

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        model = index.model()
        lines = (len(model.bars) + 1) // 2 if isinstance(model, WorkloadModel) else 2
        return QSize(180, self.ROW_HEIGHT + max(0, lines - 2) * (self.LINE + self.LINE_GAP))

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
        for position, (bar, count) in enumerate(zip(model.bars, load.counts, strict=True)):
            line, column = divmod(position, 2)
            slot = QRect(rect.left() + column * (half + 10), rect.top() + 21 + line * (self.LINE + self.LINE_GAP),
                         half, self.LINE)
            self._paint_bar(painter, slot, model.letter_set, bar, count, model.scale, option.palette)  # type: ignore[arg-type]
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
    def _paint_bar(painter: QPainter, slot: QRect, letters: LetterSet, bar: Bar, count: int, scale: int,
                   palette: QPalette) -> None:
        dark = is_dark(palette)
        chip_fill, bar_fill, pattern = bar_colours(letters, bar.cell, dark)
        chip = QRect(slot.left(), slot.top(), max(16, painter.fontMetrics().horizontalAdvance(bar.label) + 6),
                     slot.height())
        painter.fillRect(chip, chip_fill)
        painter.setPen(QColor("white"))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, bar.label)
        count_width = painter.fontMetrics().horizontalAdvance("000") + 4
        track = QRect(chip.right() + 4, slot.top() + 3, max(8, slot.right() - chip.right() - 4 - count_width),
                      slot.height() - 6)
        painter.fillRect(track, palette.color(QPalette.ColorRole.AlternateBase))
        filled = QRect(track.left(), track.top(), round(track.width() * count / scale), track.height())
        painter.fillRect(filled, bar_fill)
        if pattern is not Qt.BrushStyle.SolidPattern:  # a second cue beside the colour
            painter.fillRect(filled, QBrush(chip_fill if not dark else bar_fill.lighter(170), pattern))
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
        self._pending: tuple[Team, Report, LetterTally | None] | None = None
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.clear_button.clicked.connect(self.clear_selection)

    def refresh(self, team: Team, report: Report, tally: LetterTally | None = None) -> None:
        """Show the team's loads and the report's flags (now if visible, else when next shown).

        ``tally`` gives the counts (the window passes its checker); without
        it the people whose letters changed are counted from the team.
        """
        self._pending = (team, report, tally)
        if self.isVisible():
            self._apply()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._apply()

    def _apply(self) -> None:
        if self._pending is None:
            return
        team, report, tally = self._pending
        self._pending = None
        self.model.update(team, report, tally)
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
        self.list.selectionModel().setCurrentIndex(self.model.index(row),
                                                   QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.selectionModel().blockSignals(False)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        load = current.data(LoadRole) if current.isValid() else None
        self._set_selected(load.person_id if load else None)

    def _set_selected(self, person_id: str | None) -> None:
        self.clear_button.setEnabled(person_id is not None)
        if person_id != self.selected:
            self.selected = person_id
            self.personSelected.emit(person_id)
