"""The matrix on screen: a table with a frozen title column and keyboard-first editing.

The title column stays in view while the people scroll sideways: a second
table sharing the model and the selection model lies over the first
column (Qt's frozen-column pattern), scrolling up and down with the main
table. Keys edit every selected cell as one undo step; a click offers the
letters; copy and paste speak the tab-separated text spreadsheets use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QKeySequence, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFrame, QHeaderView, QMenu, QTableView, QWidget

from raci.clipboard import format_tsv, parse_tsv
from raci.model import LETTER_CYCLE, CellKey, Letter
from raci.ui.clipboard import Rect, bounding_rect, copied_block, pasted_cells
from raci.ui.commands import MovePersonCommand, cells_phrase
from raci.ui.delegate import LetterDelegate
from raci.ui.matrix_model import MatrixModel

ROW_HEIGHT = 30
PERSON_WIDTH = 108
TITLE_WIDTH = 320
_LETTER_KEYS = {"R": Letter.R, "A": Letter.A, "C": Letter.C, "I": Letter.I}
_NO_MODIFIER = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
_CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
_MOVE = QAbstractItemView.CursorAction


class _FrozenColumn(QTableView):
    """The title column, laid over the main table's first column; rows are dragged from here."""

    def __init__(self, view: MatrixView) -> None:
        super().__init__(view)
        self._view = view
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDropIndicatorShown(True)
        # Not overwrite mode: after a drop Qt would otherwise clear the dragged cells.
        self.setDragDropOverwriteMode(False)
        self.setStyleSheet("QTableView { border-right: 2px solid #8a96a3; }")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._view.setFocus(Qt.FocusReason.MouseFocusReason)  # typing goes on in the grid
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self._view.show_context_menu(event.globalPos())


class MatrixView(QTableView):
    """Responsibilities by people; type R, A, C or I to set every selected cell."""

    pasteProblems = Signal(list)
    currentResponsibilityChanged = Signal(object)

    def __init__(self, model: MatrixModel | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.extra_context_actions: list[QAction] = []
        self.context_menu: QMenu | None = None
        self.letter_menu = QMenu(self)
        self._menu_keys: list[CellKey] = []
        self._press_index = QModelIndex()
        self._current_id: str | None = None
        self._title_width = TITLE_WIDTH
        self._frozen = _FrozenColumn(self)
        self._configure()
        self._build_letter_menu()
        if model is not None:
            self.setModel(model)

    def _configure(self) -> None:
        self.setItemDelegate(LetterDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        # The delegate draws the grid: a category row then reads as one band across
        # the people. (Spans would do that too, but they widen every selection that
        # crosses a category row to the full width, and a typed letter would follow.)
        self.setShowGrid(False)
        self.setDragDropOverwriteMode(False)
        rows, columns = self.verticalHeader(), self.horizontalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        columns.setDefaultSectionSize(PERSON_WIDTH)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        columns.setSectionsMovable(True)
        columns.setFirstSectionMovable(False)
        columns.sectionMoved.connect(self._on_section_moved)
        columns.sectionResized.connect(self._on_section_resized)
        self.viewport().stackUnder(self._frozen)
        self._frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self._frozen.verticalScrollBar().setValue)

    def _build_letter_menu(self) -> None:
        for letter in Letter:
            mnemonic = "" if letter is Letter.AR else "&"  # A/R would share A's key
            action = self.letter_menu.addAction(f"{mnemonic}{letter.value}   {letter.meaning}")
            action.setData(letter.value)
            action.triggered.connect(lambda _=False, chosen=letter: self._set_menu_cells(chosen))
        self.letter_menu.addSeparator()
        self.letter_menu.addAction("C&lear").triggered.connect(lambda: self._set_menu_cells(None))

    # ------------------------------------------------------------------ model
    def setModel(self, model: MatrixModel) -> None:  # type: ignore[override]
        super().setModel(model)
        self._frozen.setModel(model)
        self._frozen.setSelectionModel(self.selectionModel())
        for signal in (model.modelReset, model.layoutChanged, model.columnsInserted, model.columnsRemoved):
            signal.connect(self._refresh_structure)
        model.headerDataChanged.connect(self._fit_person_columns)
        self.selectionModel().currentChanged.connect(self._on_current_changed)
        self._refresh_structure()

    def matrix_model(self) -> MatrixModel:
        model = self.model()
        assert isinstance(model, MatrixModel)
        return model

    def _refresh_structure(self) -> None:
        """The frozen table's columns, widths and geometry, after any structural change."""
        for column in range(1, self.matrix_model().columnCount()):
            self._frozen.setColumnHidden(column, True)
        self._fit_person_columns()
        self.setColumnWidth(0, self._title_width)
        self._frozen.setColumnWidth(0, self._title_width)
        self._on_current_changed(self.currentIndex())
        self._update_frozen_geometry()

    def _fit_person_columns(self, *_: object) -> None:
        """Widen a person's column to its header (name, titles, marker); never narrow what a person widened."""
        header = self.horizontalHeader()
        for column in range(1, header.count()):
            wanted = max(PERSON_WIDTH, header.sectionSizeHint(column))
            if header.sectionSize(column) < wanted:
                header.resizeSection(column, wanted)

    def _update_frozen_geometry(self) -> None:
        header = self.horizontalHeader()
        self._frozen.horizontalHeader().setFixedHeight(header.height())
        self._frozen.setGeometry(self.viewport().x(), header.y(), self.columnWidth(0) + 2,
                                 self.viewport().height() + header.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_frozen_geometry()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._update_frozen_geometry()

    def _on_section_resized(self, logical: int, _old: int, new: int) -> None:
        if logical == 0:
            self._title_width = new
            self._frozen.setColumnWidth(0, new)
            self._update_frozen_geometry()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        responsibility = self.matrix_model().responsibility_at(current.row()) if current.isValid() else None
        new_id = responsibility.id if responsibility else None
        if new_id != self._current_id:
            self._current_id = new_id
            self.currentResponsibilityChanged.emit(responsibility)

    # ------------------------------------------------------------- navigation
    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Qt's move, stepping over category rows, which hold no cells."""
        current = self.currentIndex()
        index = super().moveCursor(action, modifiers)
        model = self.matrix_model()
        if not index.isValid() or model.category_at(index.row()) is None:
            return index
        step = 1 if not current.isValid() or index.row() >= current.row() else -1
        row = index.row() + step
        if not 0 <= row < model.rowCount():
            return current
        keep_column = current.isValid() and action not in (_MOVE.MoveNext, _MOVE.MovePrevious)
        return model.index(row, current.column() if keep_column else 1 if step > 0 else model.columnCount() - 1)

    def scrollTo(self, index: QModelIndex, hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """Scroll so the cell is visible beside the frozen column, not under it."""
        bar = self.horizontalScrollBar()
        kept = bar.value()
        super().scrollTo(index, hint)
        if not index.isValid() or not isinstance(self.model(), MatrixModel):
            return
        if index.column() == 0 or self.matrix_model().category_at(index.row()) is not None:
            bar.setValue(kept)  # the title column is always in view
            return
        hidden = self.columnWidth(0) - self.visualRect(index).left()
        if hidden > 0:
            bar.setValue(bar.value() - hidden)

    # ---------------------------------------------------------------- editing
    def keyPressEvent(self, event: QKeyEvent) -> None:
        edit = self._edit_for(event)
        if edit is None:
            super().keyPressEvent(event)
            return
        edit()
        event.accept()

    def event(self, event: QEvent) -> bool:
        # The grid's editing keys win over any window shortcut on the same key while it has focus.
        if event.type() == QEvent.Type.ShortcutOverride and self._edit_for(event) is not None:  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def _edit_for(self, event: QKeyEvent) -> Callable[[], object] | None:
        """What an editing key does, or ``None`` for keys Qt handles (arrows, Tab, ...)."""
        key, modifiers = event.key(), event.modifiers()
        plain = modifiers in _NO_MODIFIER
        keys = QKeySequence.StandardKey
        if event.matches(keys.Copy):
            return self.copy_selection
        if event.matches(keys.Cut):
            return self.cut_selection
        if event.matches(keys.Paste):
            return self.paste
        if event.matches(keys.Delete) or (key == Qt.Key.Key_Backspace and plain):
            return self.clear_selected_cells
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and modifiers == _CTRL_SHIFT:
            return lambda: self.move_current_responsibility(-1 if key == Qt.Key.Key_Up else 1)
        if key == Qt.Key.Key_Space and modifiers == Qt.KeyboardModifier.NoModifier:
            return self.cycle_selection
        letter = _LETTER_KEYS.get(event.text().upper()) if plain else None
        return (lambda: self.type_letter(letter)) if letter is not None else None

    def selected_cells(self) -> list[CellKey]:
        """The letter cells selected (or the current one when nothing is), top to bottom, left to right."""
        model = self.matrix_model()
        ranges = [(r.top(), r.bottom(), r.left(), r.right()) for r in self.selectionModel().selection()]
        current = self.currentIndex()
        if not ranges and current.isValid():
            ranges = [(current.row(), current.row(), current.column(), current.column())]
        keys: dict[CellKey, None] = {}
        for top, bottom, left, right in sorted(ranges):
            people = [p.id for p in (model.person_at(c) for c in range(max(left, 1), right + 1)) if p]
            for row in range(top, bottom + 1):
                responsibility = model.responsibility_at(row)
                if responsibility is not None:
                    keys.update(dict.fromkeys((responsibility.id, pid) for pid in people))
        return list(keys)

    def type_letter(self, letter: Letter) -> bool:
        """A typed letter over every selected cell (A on R, or R on A, gives A/R); one undo step."""
        team = self.matrix_model().team
        changes = {}
        for key in self.selected_cells():
            held = team.cell(*key)
            changes[key] = held.combined_with(letter) if held is not None else letter
        return self.matrix_model().set_cells(changes, lambda n: f"Set {cells_phrase(n)} to {letter.value}")

    def set_letter(self, letter: Letter | None, keys: Sequence[CellKey] | None = None) -> bool:
        """Set (or with ``None`` clear) exactly this letter in the cells; one undo step."""
        return self.matrix_model().set_cells(dict.fromkeys(self.selected_cells() if keys is None else keys, letter))

    def clear_selected_cells(self) -> bool:
        return self.set_letter(None)

    def cycle_selection(self) -> bool:
        """Space: the current cell's next letter in blank, R, A, C, I, blank, set on every selected cell."""
        keys = self.selected_cells()
        if not keys:
            return False
        current = self.matrix_model().cell_key(self.currentIndex().row(), self.currentIndex().column())
        held = self.matrix_model().team.cell(*(current if current in keys else keys[0]))
        position = LETTER_CYCLE.index(Letter.A if held is Letter.AR else held)
        return self.set_letter(LETTER_CYCLE[(position + 1) % len(LETTER_CYCLE)], keys)

    def move_current_responsibility(self, step: int) -> bool:
        """Ctrl+Shift+Up/Down: move the current row up or down; the cursor stays on it."""
        responsibility = self.matrix_model().responsibility_at(self.currentIndex().row())
        if responsibility is None or not self.matrix_model().move_responsibility_step(responsibility.id, step):
            return False
        self.scrollTo(self.currentIndex())
        return True

    # -------------------------------------------------------------- clipboard
    def _selected_rect(self) -> Rect | None:
        return bounding_rect([(r.top(), r.left(), r.bottom(), r.right()) for r in self.selectionModel().selection()])

    def copy_selection(self) -> str:
        """Put the selected rectangle on the clipboard as tab-separated text (category rows left out)."""
        rect = self._selected_rect()
        text = format_tsv(copied_block(self.matrix_model(), rect)) if rect else ""
        if rect:
            QApplication.clipboard().setText(text)
        return text

    def cut_selection(self) -> bool:
        self.copy_selection()
        return self.matrix_model().set_cells(dict.fromkeys(self.selected_cells()), lambda n: f"Cut {cells_phrase(n)}")

    def paste(self, text: str | None = None) -> list[str]:
        """Paste a tab-separated block at the selection's top-left cell as one undo step.

        Values that are not letters are left out and reported through
        :attr:`pasteProblems`, as is anything beyond the matrix's edge;
        returns those sentences.
        """
        block = parse_tsv(QApplication.clipboard().text() if text is None else text)
        current = self.currentIndex()
        top, left, _, _ = self._selected_rect() or (current.row(), current.column(), 0, 0)
        if not block or top < 0 or left < 0:
            return []
        plan = pasted_cells(self.matrix_model(), block, top, left, self.selected_cells())
        self.matrix_model().set_cells(plan.changes, lambda n: f"Paste {cells_phrase(n)}")
        if plan.problems:
            self.pasteProblems.emit(plan.problems)
        return plan.problems

    # ------------------------------------------------------------------ mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:
        plain_left = event.button() == Qt.MouseButton.LeftButton and event.modifiers() == Qt.KeyboardModifier.NoModifier
        self._press_index = self.indexAt(event.position().toPoint()) if plain_left else QModelIndex()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        index = self.indexAt(event.position().toPoint())
        pressed, self._press_index = self._press_index, QModelIndex()
        if event.button() == Qt.MouseButton.LeftButton and index.isValid() and index == pressed:
            key = self.matrix_model().cell_key(index.row(), index.column())
            if key is not None:
                self.show_letter_menu(index)

    def show_letter_menu(self, index: QModelIndex) -> None:
        """The small menu of letters under a clicked cell; it sets the selected cells."""
        self._menu_keys = self.selected_cells()
        self.letter_menu.popup(self.viewport().mapToGlobal(self.visualRect(index).bottomLeft()))

    def _set_menu_cells(self, letter: Letter | None) -> None:
        self.set_letter(letter, self._menu_keys)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.show_context_menu(event.globalPos())

    def show_context_menu(self, global_pos: QPoint) -> QMenu:
        """Set or clear the selected cells, plus the window's own actions (add or remove a row or person)."""
        menu = QMenu(self)
        keys = self.selected_cells()
        for letter in Letter:
            action = menu.addAction(f"Set to {letter.value}")
            action.setEnabled(bool(keys))
            action.triggered.connect(lambda _=False, chosen=letter, cells=keys: self.set_letter(chosen, cells))
        clear = menu.addAction("Clear")
        clear.setEnabled(bool(keys))
        clear.triggered.connect(lambda _=False, cells=keys: self.set_letter(None, cells))
        if self.extra_context_actions:
            menu.addSeparator()
            menu.addActions(self.extra_context_actions)
        self.context_menu = menu
        menu.popup(global_pos)
        return menu

    # ----------------------------------------------------------- header drag
    def _on_section_moved(self, logical: int, old_visual: int, new_visual: int) -> None:
        """A person's header dragged: move them in the team, and keep the header in model order."""
        header = self.horizontalHeader()
        header.sectionMoved.disconnect(self._on_section_moved)
        header.moveSection(new_visual, old_visual)  # visual order always equals the team's order
        header.sectionMoved.connect(self._on_section_moved)
        model = self.matrix_model()
        person = model.person_at(logical)
        if person is not None and new_visual != old_visual:
            model.undo_stack.push(MovePersonCommand(model.team, person.id, max(new_visual, 1) - 1))

    # ------------------------------------------------------------- selection
    def select_targets(self, responsibilities: Sequence[str], people: Sequence[str], cells: Sequence[CellKey]) -> None:
        """Select what a finding names (rows, people's columns, cells) and scroll to it."""
        model = self.matrix_model()
        last_row, last_column = model.rowCount() - 1, model.columnCount() - 1
        selection = QItemSelection()
        firsts: list[QModelIndex] = []
        for rid, pid in cells:
            index = model.index_for(rid, pid)
            if index.isValid():
                selection.select(index, index)
                firsts.append(index)
        for rid in responsibilities:
            index = model.index_for(rid)
            if index.isValid():
                selection.select(index, model.index(index.row(), last_column))
                firsts.append(index)
        for pid in people:
            column = model.team.person_index(pid) + 1 if model.team.has_person(pid) else -1
            if column > 0 and last_row >= 0:
                selection.select(model.index(0, column), model.index(last_row, column))
                firsts.append(model.index(0, column))
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if firsts:
            self.selectionModel().setCurrentIndex(firsts[0], QItemSelectionModel.SelectionFlag.NoUpdate)
            self.scrollTo(firsts[0])
