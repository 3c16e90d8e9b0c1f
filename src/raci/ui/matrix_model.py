"""The table model: a thin Qt adapter over the core's :class:`~raci.model.Team`.

Nothing here copies the grid. ``data()`` reads the team through a row map
(model row -> team row, or a category header) that is rebuilt only when
rows are added, removed, moved or filtered, so a paint costs a list index
and a dict lookup per cell. Edits go through undo commands; the team
announces each change and the model turns it into Qt's signals: one
``dataChanged`` over the bounding range of the cells a change touched,
column inserts/removes/moves for people, a layout change (selection kept)
for moved rows and a reset for added or removed rows. A cell shows the
letters it holds in the team's letter set (``A/R``, ``R/C``) in that set's
colours; a new letter set repaints every cell and says so through
:attr:`MatrixModel.letterSetChanged`, for the legends. The undo commands
are imported with the first edit, so the grid's first paint does not wait
for them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack

from raci.errors import TeamEditError
from raci.findings import Report
from raci.letters import Cell, LetterSet, parse_cell
from raci.model import CellKey, Change, Person, Phase, Responsibility, Team, TeamEvent
from raci.ordering import OTHER_CATEGORY, category_blocks
from raci.phrases import joined
from raci.ui.markers import Markers
from raci.ui.palette import category_font, grid_colours, is_dark, letter_font, severity_icon

if TYPE_CHECKING:
    from raci.ui.commands import PlaceResponsibilitiesCommand

MIME_TYPE = "application/x-raci-responsibility-ids"

LetterRole = int(Qt.ItemDataRole.UserRole) + 1  # the cell (``"A/R"``), or None
SeverityRole = int(Qt.ItemDataRole.UserRole) + 2  # the worst open finding's Severity (its value through Qt), or None
CategoryRole = int(Qt.ItemDataRole.UserRole) + 3  # the category name on header rows, else None

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
CELL_ROLES = [_DISPLAY, _EDIT, _TOOLTIP, _BACKGROUND, _FOREGROUND, _ACCESSIBLE, LetterRole, SeverityRole]

_CENTRE = Qt.AlignmentFlag.AlignCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ITEM = Qt.ItemFlag


class MatrixModel(QAbstractTableModel):
    """Responsibilities grouped under category rows (column 0) by people (columns 1..n)."""

    teamChanged = Signal()
    letterSetChanged = Signal(object)  # the team's LetterSet: another team, or the team switched sets

    def __init__(self, team: Team, undo_stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self._undo_stack = undo_stack
        self._team = team
        self._unsubscribe = team.subscribe(self._on_team_event)
        self._row_filter = ""
        self._person_filter: str | None = None
        self._markers = Markers()
        self._letter_font = letter_font()
        self._category_font = category_font()
        self._dark = is_dark(QGuiApplication.palette())
        self._colours = grid_colours(team.letter_set, self._dark)
        self._pending_keys: list[tuple[tuple[str, str], int]] = []
        self._moving_columns = False
        self._slot_rows: list[int] = []  # team row index per model row; -1 on a category header
        self._slot_category: list[str] = []
        self._row_of: dict[str, int] = {}  # responsibility id -> model row, visible rows only
        self._header_of: dict[str, int] = {}  # category -> model row of its header
        self._rebuild()

    # ------------------------------------------------------------ the document
    @property
    def team(self) -> Team:
        return self._team

    @property
    def undo_stack(self) -> QUndoStack:
        return self._undo_stack

    def set_team(self, team: Team) -> None:
        """Show another team (a new or opened document)."""
        self.beginResetModel()
        self._unsubscribe()
        self._team = team
        self._unsubscribe = team.subscribe(self._on_team_event)
        self._markers = Markers()
        self._person_filter = None
        self._colours = grid_colours(team.letter_set, self._dark)
        self._rebuild()
        self.endResetModel()
        self.teamChanged.emit()
        self.letterSetChanged.emit(team.letter_set)

    @property
    def letter_set(self) -> LetterSet:
        """The letters the team writes its cells in."""
        return self._team.letter_set

    def set_report(self, report: Report) -> None:
        """Mark the cells, rows and people the report's open findings name.

        Emits one ``dataChanged`` over the range whose markers changed (the
        whole grid when all did) and one ``headerDataChanged`` for the people
        whose markers changed: the window re-checks after every edit, and a
        typed letter should not repaint the whole grid.
        """
        changed = self._markers.follow(report)  # looks only at the findings that came or went
        row_of = self._row_of
        rows = [row_of[rid] for rid in {rid for rid, _ in changed["cell"]} | changed["row"] if rid in row_of]
        columns = [self._column_of(pid) for pid in {pid for _, pid in changed["cell"]}] + [0] * bool(changed["row"])
        columns = [column for column in columns if column >= 0]
        if rows and columns:
            self.dataChanged.emit(self.index(min(rows), min(columns)), self.index(max(rows), max(columns)),
                                  [_TOOLTIP, _DECORATION, SeverityRole])
        sections = [self._column_of(pid) for pid in changed["person"]]
        sections = [section for section in sections if section > 0]
        if sections:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, min(sections), max(sections))

    def _column_of(self, pid: str) -> int:
        return self._team.person_index(pid) + 1 if self._team.has_person(pid) else -1

    def column_of(self, pid: str) -> int:
        """The model column of a person, or -1 for someone not on the team."""
        return self._column_of(pid)

    def set_dark(self, dark: bool) -> None:
        """Paint the letters in the dark scheme's colours (or the light one's)."""
        self._dark = dark
        self._colours = grid_colours(self._team.letter_set, dark)
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1),
                                  [_BACKGROUND, _FOREGROUND])

    def _letters_changed(self) -> None:
        """Another letter set: every cell reads and looks different."""
        self._colours = grid_colours(self._team.letter_set, self._dark)
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1),
                                  CELL_ROLES)
        self.letterSetChanged.emit(self._team.letter_set)

    def set_font_scale(self, scale: float) -> None:
        """The letters' and category rows' fonts at ``scale`` times their size (the grid's zoom)."""
        self._letter_font = letter_font(scale=scale)
        self._category_font = category_font(scale=scale)
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1), [_FONT])

    # ---------------------------------------------------------------- filters
    def set_row_filter(self, text: str) -> None:
        """Show only rows whose title, category or a tag contains ``text`` (any case)."""
        needle = text.strip().casefold()
        if needle != self._row_filter:
            self.beginResetModel()
            self._row_filter = needle
            self._rebuild()
            self.endResetModel()

    def set_person_filter(self, person_id: str | None) -> None:
        """Show only rows where that person has a letter (``None`` shows all).

        The filter applies when set: a row whose letter is cleared stays in
        view until the filter is set again, so it does not vanish mid-edit.
        """
        if person_id != self._person_filter:
            self.beginResetModel()
            self._person_filter = person_id
            self._rebuild()
            self.endResetModel()

    def _rebuild(self) -> None:
        self._slot_rows, self._slot_category, self._row_of, self._header_of = self._layout()

    def _layout(self) -> tuple[list[int], list[str], dict[str, int], dict[str, int]]:
        rows = self._team.responsibilities
        slot_rows: list[int] = []
        slot_category: list[str] = []
        row_of: dict[str, int] = {}
        header_of: dict[str, int] = {}
        keep = self._shows if self._row_filter or self._person_filter else None
        for category, positions in category_blocks(rows, keep):
            header_of[category] = len(slot_rows)
            slot_rows.append(-1)
            slot_category.append(category)
            for position in positions:
                row_of[rows[position].id] = len(slot_rows)
                slot_rows.append(position)
                slot_category.append(category)
        return slot_rows, slot_category, row_of, header_of

    def _shows(self, row: Responsibility) -> bool:
        if self._person_filter and self._team.cell(row.id, self._person_filter) is None:
            return False
        needle = self._row_filter
        if not needle:
            return True
        return (needle in row.title.casefold() or needle in row.category.casefold()
                or any(needle in tag.casefold() for tag in row.tags))

    # ---------------------------------------------------------------- lookups
    def responsibility_at(self, row: int) -> Responsibility | None:
        """The responsibility on a model row; ``None`` on category rows and outside."""
        if 0 <= row < len(self._slot_rows) and self._slot_rows[row] >= 0:
            return self._team.responsibilities[self._slot_rows[row]]
        return None

    def person_at(self, column: int) -> Person | None:
        """The person in a model column; ``None`` on the title column and outside."""
        people = self._team.people
        return people[column - 1] if 1 <= column <= len(people) else None

    def category_at(self, row: int) -> str | None:
        """The category of a header row; ``None`` on responsibility rows."""
        if 0 <= row < len(self._slot_rows) and self._slot_rows[row] < 0:
            return self._slot_category[row]
        return None

    def row_of(self, rid: str) -> int:
        """The model row showing a responsibility, or -1 when it is filtered out or unknown."""
        return self._row_of.get(rid, -1)

    def index_for(self, rid: str, pid: str | None = None) -> QModelIndex:
        """The index of a responsibility's title (or of its cell for a person); invalid if not shown."""
        row = self._row_of.get(rid, -1)
        if row < 0 or (pid is not None and not self._team.has_person(pid)):
            return QModelIndex()
        return self.index(row, 0 if pid is None else self._team.person_index(pid) + 1)

    def cell_key(self, row: int, column: int) -> CellKey | None:
        """(responsibility id, person id) of a letter cell; ``None`` elsewhere."""
        responsibility, person = self.responsibility_at(row), self.person_at(column)
        return (responsibility.id, person.id) if responsibility and person else None

    def responsibility_ids_from(self, row: int) -> list[str]:
        """The shown responsibilities from a model row down (category rows skipped)."""
        rows = self._team.responsibilities
        return [rows[position].id for position in self._slot_rows[max(row, 0):] if position >= 0]

    # --------------------------------------------------------------- Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._slot_rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._team.people) + 1

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _ITEM.ItemIsDropEnabled
        if self._slot_rows[index.row()] < 0:
            return _ITEM.ItemIsEnabled | _ITEM.ItemIsDropEnabled
        if index.column() == 0:
            return _ITEM.ItemIsEnabled | _ITEM.ItemIsSelectable | _ITEM.ItemIsDragEnabled | _ITEM.ItemIsDropEnabled
        return _ITEM.ItemIsEnabled | _ITEM.ItemIsSelectable | _ITEM.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        position = self._slot_rows[row]
        if position < 0:
            return self._category_data(row, column, role)
        if column == 0:
            return self._title_data(position, role)
        letter = self._team.letter_at(position, column - 1)
        if role in (_DISPLAY, _EDIT):
            return letter if letter is not None else ""
        if role == LetterRole:
            return letter
        if role == _BACKGROUND:
            return self._colours.letter_fill[letter] if letter is not None else None
        if role == _FOREGROUND:
            return self._colours.letter_text[letter] if letter is not None else None
        if role == _FONT:
            return self._letter_font
        if role == _ALIGN:
            return _CENTRE
        if role == SeverityRole:
            return self._markers.severity("cell", self._cell_at(position, column))
        if role in (_TOOLTIP, _ACCESSIBLE):
            return self._cell_text(position, column, letter, with_findings=role == _TOOLTIP)
        return None

    def _cell_at(self, position: int, column: int) -> CellKey:
        return (self._team.responsibilities[position].id, self._team.people[column - 1].id)

    def _cell_text(self, position: int, column: int, letter: Cell | None, *, with_findings: bool) -> str:
        rid, pid = self._cell_at(position, column)
        letters = self._team.letter_set
        what = letters.describe(letter) if letter is not None else f"no letter (type {_typed_keys(letters)})"
        text = f"{self._team.people[column - 1].name} on '{self._team.responsibilities[position].title}': {what}"
        return text + self._markers.notes("cell", (rid, pid)) if with_findings else text

    def _title_data(self, position: int, role: int) -> Any:
        row = self._team.responsibilities[position]
        if role in (_DISPLAY, _EDIT, _ACCESSIBLE):
            return row.title
        if role == _TOOLTIP:
            text = f"{row.title}\n{row.description}" if row.description else row.title
            return text + self._markers.notes("row", row.id)
        if role == _DECORATION:
            severity = self._markers.severity("row", row.id)
            return severity_icon(severity) if severity is not None else None
        if role == SeverityRole:
            return self._markers.severity("row", row.id)
        if role == _ALIGN:
            return _LEFT
        return None

    def _category_data(self, row: int, column: int, role: int) -> Any:
        if role == _BACKGROUND:
            return self._colours.category_fill
        if role == _FOREGROUND:
            return self._colours.category_text
        if role == _FONT:
            return self._category_font
        if role == CategoryRole:
            return self._slot_category[row]
        if column == 0 and role in (_DISPLAY, _TOOLTIP):
            return self._slot_category[row]
        if role == _ACCESSIBLE:  # every cell of the band, so a screen reader moving along it knows where it is
            return f"Category {self._slot_category[row]}"
        if role == _ALIGN:
            return _LEFT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        person = self.person_at(section)
        if person is None:
            return "Responsibility" if role in (_DISPLAY, _TOOLTIP) else None
        if role == _DISPLAY:
            return f"{person.name}\n{', '.join(person.titles)}" if person.titles else person.name
        if role == _TOOLTIP:
            titles = f"\n{', '.join(person.titles)}" if person.titles else ""
            return person.name + titles + self._markers.notes("person", person.id)
        if role == _ACCESSIBLE:
            return ", ".join((person.name, *person.titles))
        if role == _DECORATION:
            severity = self._markers.severity("person", person.id)
            return severity_icon(severity) if severity is not None else None
        if role == SeverityRole:
            return self._markers.severity("person", person.id)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = _EDIT) -> bool:
        """Set a letter cell from text (any spelling :func:`~raci.letters.parse_cell` reads) as an undo step."""
        key = self.cell_key(index.row(), index.column()) if index.isValid() else None
        if key is None or role != _EDIT:
            return False
        try:
            letter = parse_cell(None if value is None else str(value), self._team.letter_set)
        except TeamEditError:
            return False
        self.set_cells({key: letter})
        return True

    # ---------------------------------------------------------------- editing
    def set_cells(self, changes: Mapping[CellKey, str | None],
                  text: str | Callable[[int], str] | None = None) -> bool:
        """Push one undo step for the cells that actually change; False (and no step) when none does.

        ``text`` is the menu text, or a function of the number of cells
        that change ("Set 3 cells to A"); by default it says what was set.
        """
        from raci.ui.commands import SetCellsCommand

        command = SetCellsCommand(self._team, changes, text)
        self._undo_stack.push(command)
        return bool(command.previous)  # a Python attribute: readable even once the stack dropped the command

    def move_responsibilities(self, rids: Sequence[str], before_row: int) -> bool:
        """Move rows so they land before model row ``before_row``, joining that row's category; one undo step."""
        anchor = self._drop_anchor(before_row)
        moving = [rid for rid in rids if self._team.has_responsibility(rid) and anchor and rid != anchor[0]]
        if anchor is None or not moving:
            return False
        from raci.ui.commands import PlaceResponsibilitiesCommand

        return self._push_place(PlaceResponsibilitiesCommand(self._team, moving, *anchor))

    def move_responsibility_step(self, rid: str, step: int) -> bool:
        """Move a row one place up (-1) or down (+1) on screen; past its category's edge it joins the next one."""
        row = self._row_of.get(rid, -1)
        neighbour = row + step
        while 0 <= neighbour < len(self._slot_rows) and self._slot_rows[neighbour] < 0:
            neighbour += step
        other = self.responsibility_at(neighbour)
        if row < 0 or other is None:
            return False
        after = (step > 0) == (self._slot_category[neighbour] == self._slot_category[row])
        text = f"Move responsibility '{self._team.responsibility(rid).title}' {'down' if step > 0 else 'up'}"
        from raci.ui.commands import PlaceResponsibilitiesCommand

        return self._push_place(PlaceResponsibilitiesCommand(self._team, [rid], other.id, after, text))

    def _push_place(self, command: PlaceResponsibilitiesCommand) -> bool:
        self._undo_stack.push(command)
        return command.changed

    def _drop_anchor(self, before_row: int) -> tuple[str, bool] | None:
        """The row to place next to, and whether after it, for a drop before ``before_row``."""
        for row, after in ((before_row, False), (before_row - 1, True), (before_row + 1, False)):
            responsibility = self.responsibility_at(row)
            if responsibility is not None:
                return responsibility.id, after
        return None

    # ---------------------------------------------------------- drag and drop
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData:
        rids = dict.fromkeys(r.id for r in (self.responsibility_at(i.row()) for i in indexes) if r)
        data = QMimeData()
        data.setData(MIME_TYPE, "\n".join(rids).encode())
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: QModelIndex | QPersistentModelIndex) -> bool:
        return data.hasFormat(MIME_TYPE) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex | QPersistentModelIndex) -> bool:
        """Dropping rows onto a row puts them there; onto a category row, first in that category."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        rids = [rid for rid in bytes(data.data(MIME_TYPE).data()).decode().split("\n") if rid]
        if parent.isValid():
            before = parent.row() + (1 if self._slot_rows[parent.row()] < 0 else 0)
        else:
            before = row if row >= 0 else self.rowCount()
        return self.move_responsibilities(rids, before)

    # ----------------------------------------------------------- team events
    def _on_team_event(self, event: TeamEvent) -> None:
        if event.change is Change.CELLS:
            self._cells_changed(event.cells)
        elif event.change is Change.PEOPLE:
            self._people_changed(event)
        elif event.change is Change.RESPONSIBILITIES:
            self._rows_changed(event)
        elif event.change is Change.RESPONSIBILITY:
            self._row_updated(event.ids[0])
        elif event.change is Change.PERSON:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, event.index + 1, event.index + 1)
        elif event.change is Change.LETTERS:
            self._letters_changed()
        if event.phase is Phase.AFTER:
            self.teamChanged.emit()

    def _cells_changed(self, cells: Sequence[CellKey]) -> None:
        # One signal over the bounding range: a 30 000-cell paste repaints once.
        row_of, person_index = self._row_of, self._team.person_index
        rows = [row_of[rid] for rid, _ in cells if rid in row_of]
        if not rows:
            return
        columns = [person_index(pid) + 1 for pid in {pid for _, pid in cells}]
        top_left = self.index(min(rows), min(columns))
        self.dataChanged.emit(top_left, self.index(max(rows), max(columns)), CELL_ROLES)

    def _people_changed(self, event: TeamEvent) -> None:
        column, root = event.index + 1, QModelIndex()
        before = event.phase is Phase.BEFORE
        if event.operation == "insert":
            self.beginInsertColumns(root, column, column) if before else self.endInsertColumns()
        elif event.operation == "remove":
            self.beginRemoveColumns(root, column, column) if before else self.endRemoveColumns()
            if not before and self._person_filter in event.ids:
                self.set_person_filter(None)
        elif before:
            destination = event.destination + 1
            self._moving_columns = self.beginMoveColumns(
                root, column, column, root, destination + 1 if destination > column else destination)
        elif self._moving_columns:
            self._moving_columns = False
            self.endMoveColumns()

    def _rows_changed(self, event: TeamEvent) -> None:
        if event.operation == "move":
            self._begin_layout() if event.phase is Phase.BEFORE else self._end_layout()
        elif event.phase is Phase.BEFORE:
            self.beginResetModel()
        else:
            self._rebuild()
            self.endResetModel()

    def _row_updated(self, rid: str) -> None:
        row = self._row_of.get(rid, -1)
        category = self._team.responsibility(rid).category or OTHER_CATEGORY
        if row >= 0 and not self._row_filter and self._slot_category[row] == category:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1), [])
            return
        # A new category or a filter match can change the number of rows.
        if len(self._layout()[0]) == len(self._slot_rows):
            self._begin_layout()
            self._end_layout()
        else:
            self.beginResetModel()
            self._rebuild()
            self.endResetModel()

    def _begin_layout(self) -> None:
        self.layoutAboutToBeChanged.emit()
        self._pending_keys = [(self._slot_key(index.row()), index.column()) for index in self.persistentIndexList()]

    def _end_layout(self) -> None:
        self._rebuild()
        old = self.persistentIndexList()
        new = [self._index_for_key(key, column) for key, column in self._pending_keys]
        self.changePersistentIndexList(old, new)
        self._pending_keys = []
        self.layoutChanged.emit()

    def _slot_key(self, row: int) -> tuple[str, str]:
        responsibility = self.responsibility_at(row)
        return ("row", responsibility.id) if responsibility else ("category", self._slot_category[row])

    def _index_for_key(self, key: tuple[str, str], column: int) -> QModelIndex:
        kind, name = key
        row = (self._row_of if kind == "row" else self._header_of).get(name, -1)
        return self.index(row, column) if row >= 0 else QModelIndex()


def _typed_keys(letters: LetterSet) -> str:
    """``"R, A, C or I"``: the set's symbols, as the empty cell's tooltip lists them."""
    symbols = letters.symbols
    return joined(symbols, "or")
