"""The matrix on screen: a table with a frozen title column and keyboard-first editing.

The title column stays in view while the people scroll sideways (see
:mod:`raci.ui.frozen_column`); the people's headers are turned on their
side (:mod:`raci.ui.person_header`), so a person's column is a letter
wide. Keys edit every selected cell as one undo step: each one-character
letter of the team's set is its key (R, A, C, I for RACI; S too for
RASCI), typed over a cell as :meth:`raci.letters.LetterSet.combine` says
(A on R gives A/R), and Space steps through the letters. A click selects;
a double click, Enter or the context menu offers the letters, with a check
box each so a cell can hold several; copy and paste speak the
tab-separated text spreadsheets use. The zoom scales the rows, the columns
and the fonts together.

What only editing needs (the clipboard, the undo commands, the letter menu,
the selection of a finding's cells) is imported where it is used, so the
grid's first paint does not wait for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from raci.ui.delegate import LetterDelegate
from raci.ui.frozen_column import FrozenColumn
from raci.ui.matrix_model import MatrixModel
from raci.ui.person_header import PersonHeader

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint
    from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QMouseEvent, QResizeEvent
    from PySide6.QtWidgets import QMenu

    from raci.letters import Cell
    from raci.model import CellKey
    from raci.ui.clipboard import Rect
    from raci.ui.letter_menu import LetterMenu

ROW_HEIGHT = 26
ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0)
_NO_MODIFIER = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
_CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
_MOVE = QAbstractItemView.CursorAction


class MatrixView(QTableView):
    """Responsibilities by people; type a letter of the team's set (R, A, C or I) to set every selected cell."""

    pasteProblems = Signal(list)
    currentResponsibilityChanged = Signal(object)

    def __init__(self, model: MatrixModel | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _own_viewport(self)
        self.extra_context_actions: list[QAction] = []
        self.context_menu: QMenu | None = None
        self._letter_menu: LetterMenu | None = None
        self._menu_keys: list[CellKey] = []
        self._current_id: str | None = None
        self._zoom = 1.0
        self._base_font = QFont(self.font())
        header = PersonHeader(self)
        _own_viewport(header)
        self.setHorizontalHeader(header)
        self.titles = FrozenColumn(self)
        self._configure()
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
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        self.titles.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.horizontalHeader().sectionMoved.connect(self._on_section_moved)
        self.viewport().stackUnder(self.titles)
        self.titles.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.titles.verticalScrollBar().setValue)

    @property
    def letter_menu(self) -> LetterMenu:
        """The small menu of letters, one check box each, made on first use and again for another set."""
        from raci.ui.letter_menu import LetterMenu

        letters = self.matrix_model().letter_set
        if self._letter_menu is None or self._letter_menu.letters is not letters:
            if self._letter_menu is not None:
                self._letter_menu.deleteLater()
            self._letter_menu = LetterMenu(letters, lambda symbol: self.toggle_letter(symbol, self._menu_keys),
                                           lambda: self.set_letter(None, self._menu_keys), self)
        return self._letter_menu

    # ------------------------------------------------------------------ model
    def setModel(self, model: MatrixModel) -> None:  # type: ignore[override]
        super().setModel(model)
        self.titles.setModel(model)
        self.titles.setSelectionModel(self.selectionModel())
        for signal in (model.modelReset, model.layoutChanged, model.columnsInserted, model.columnsRemoved):
            signal.connect(self._refresh_structure)
        model.headerDataChanged.connect(self._fit_header)
        self.selectionModel().currentChanged.connect(self._on_current_changed)
        self._refresh_structure()

    def matrix_model(self) -> MatrixModel:
        model = self.model()
        assert isinstance(model, MatrixModel)
        return model

    def _refresh_structure(self) -> None:
        """The frozen table's columns, widths and geometry, after any structural change."""
        for column in range(1, self.matrix_model().columnCount()):
            self.titles.setColumnHidden(column, True)
        self.person_header().set_zoom(self._zoom)
        self.titles.measure(self._zoom)
        self._on_current_changed(self.currentIndex())
        self._fit_header()

    def _fit_header(self, *_: object) -> None:
        """The header's height follows the longest name shown; the frozen header keeps to it."""
        self.person_header().names_changed()
        self.updateGeometries()
        self._update_frozen_geometry()

    def person_header(self) -> PersonHeader:
        header = self.horizontalHeader()
        assert isinstance(header, PersonHeader)
        return header

    # ------------------------------------------------------------------- zoom
    @property
    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        """Scale the grid: fonts, row height, the people's columns and the title column together."""
        zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        if zoom == self._zoom:
            return
        previous, self._zoom = self._zoom, zoom
        font = scaled_font(self._base_font, zoom)
        for widget in (self, self.titles, self.horizontalHeader(), self.titles.horizontalHeader()):
            widget.setFont(font)
        for rows in (self.verticalHeader(), self.titles.verticalHeader()):
            rows.setDefaultSectionSize(round(ROW_HEIGHT * zoom))
        self.matrix_model().set_font_scale(zoom)
        self.titles.rescale(zoom / previous)
        self._refresh_structure()

    def zoom_in(self) -> None:
        self.set_zoom(next((step for step in ZOOM_STEPS if step > self._zoom + 1e-6), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((step for step in reversed(ZOOM_STEPS) if step < self._zoom - 1e-6), ZOOM_STEPS[0]))

    def _update_frozen_geometry(self) -> None:
        self.titles.follow_grid()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.titles.fit()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._update_frozen_geometry()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        self.horizontalHeader().viewport().update()  # the current person's header is highlighted
        responsibility = self.matrix_model().responsibility_at(current.row()) if current.isValid() else None
        new_id = responsibility.id if responsibility else None
        if new_id != self._current_id:
            self._current_id = new_id
            self.currentResponsibilityChanged.emit(responsibility)

    # ------------------------------------------------------------- navigation
    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Qt's move, stepping over category rows, which hold no cells; Home and End as in a spreadsheet."""
        current = self.currentIndex()
        if action in (_MOVE.MoveHome, _MOVE.MoveEnd):
            return self._home_or_end(action is _MOVE.MoveHome, bool(modifiers & Qt.KeyboardModifier.ControlModifier))
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

    def _home_or_end(self, home: bool, whole_grid: bool) -> QModelIndex:
        """Home/End: the first or last person's cell in the row; with Ctrl, of the first or last row."""
        model = self.matrix_model()
        column = 1 if home else model.columnCount() - 1
        if whole_grid or not self.currentIndex().isValid():
            rows = range(model.rowCount()) if home else range(model.rowCount() - 1, -1, -1)
            row = next((row for row in rows if model.responsibility_at(row) is not None), -1)
        else:
            row = self.currentIndex().row()
        if row < 0 or column < 1 or model.responsibility_at(row) is None:
            return self.currentIndex()
        return model.index(row, column)

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
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
        from PySide6.QtGui import QKeySequence

        from raci.ui.letter_menu import letter_keys

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
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers in (Qt.KeyboardModifier.NoModifier,
                                                                        Qt.KeyboardModifier.KeypadModifier):
            return lambda: self.show_letter_menu(self.currentIndex())
        letter = letter_keys(self.matrix_model().letter_set).get(event.text().upper()) if plain else None
        return (lambda: self.type_letter(letter)) if letter is not None else None

    def selected_cells(self) -> list[CellKey]:
        """The letter cells selected (or the current one when nothing is), top to bottom, left to right."""
        model = self.matrix_model()
        selection = self.selectionModel().selection()
        ranges = [(r.top(), r.bottom(), r.left(), r.right()) for r in selection]  # type: ignore[attr-defined]  # iterable; the stubs omit it
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

    def type_letter(self, letter: Cell) -> bool:
        """A typed letter over every selected cell (A on R gives A/R, R on A/R gives R); one undo step."""
        from raci.ui.commands import cells_phrase

        team = self.matrix_model().team
        combine = team.letter_set.combine
        changes = {key: combine(team.cell(*key), letter) for key in self.selected_cells()}
        return self.matrix_model().set_cells(changes, lambda n: f"Set {cells_phrase(n)} to {letter}")

    def set_letter(self, letter: Cell | None, keys: Sequence[CellKey] | None = None) -> bool:
        """Set (or with ``None`` clear) exactly this letter in the cells; one undo step."""
        return self.matrix_model().set_cells(dict.fromkeys(self.selected_cells() if keys is None else keys, letter))

    def clear_selected_cells(self) -> bool:
        return self.set_letter(None)

    def cycle_selection(self) -> bool:
        """Space: the current cell's next letter (blank, R, A, C, I, blank for RACI), set on every selected cell."""
        keys = self.selected_cells()
        if not keys:
            return False
        team = self.matrix_model().team
        current = self.matrix_model().cell_key(self.currentIndex().row(), self.currentIndex().column())
        held = team.cell(*(current if current in keys else keys[0]))
        return self.set_letter(team.letter_set.cycle(held), keys)

    def toggle_letter(self, symbol: str, keys: Sequence[CellKey] | None = None) -> bool:
        """Tick or untick one letter in the cells, as the letter menu's check box does; one undo step.

        The current cell decides which: if it holds the letter, the letter
        leaves every selected cell that has it; if not, it joins every
        selected cell that lacks it (a *not involved* letter stands alone).
        """
        from raci.ui.commands import cells_phrase
        from raci.ui.letter_menu import ticked

        keys = self.selected_cells() if keys is None else list(keys)
        if not keys:
            return False
        team = self.matrix_model().team
        current = self.matrix_model().cell_key(self.currentIndex().row(), self.currentIndex().column())
        anchor = current if current in keys else keys[0]
        verb = "Untick" if symbol in {letter.symbol for letter in team.letter_set.letters_of(team.cell(*anchor))} \
            else "Tick"
        return self.matrix_model().set_cells(ticked(team, keys, anchor, symbol),
                                             lambda n: f"{verb} {symbol} in {cells_phrase(n)}")

    def move_current_responsibility(self, step: int) -> bool:
        """Ctrl+Shift+Up/Down: move the current row up or down; the cursor stays on it."""
        responsibility = self.matrix_model().responsibility_at(self.currentIndex().row())
        if responsibility is None or not self.matrix_model().move_responsibility_step(responsibility.id, step):
            return False
        self.scrollTo(self.currentIndex())
        return True

    # -------------------------------------------------------------- clipboard
    def _selected_rect(self) -> Rect | None:
        from raci.ui.clipboard import bounding_rect

        selection = self.selectionModel().selection()
        return bounding_rect([(r.top(), r.left(), r.bottom(), r.right())
                              for r in selection])  # type: ignore[attr-defined]  # iterable; the stubs omit it

    def copy_selection(self) -> str:
        """Put the selected rectangle on the clipboard as tab-separated text (category rows left out)."""
        from raci.clipboard import format_tsv
        from raci.ui.clipboard import copied_block

        rect = self._selected_rect()
        text = format_tsv(copied_block(self.matrix_model(), rect)) if rect else ""
        if rect:
            QApplication.clipboard().setText(text)
        return text

    def cut_selection(self) -> bool:
        from raci.ui.commands import cells_phrase

        self.copy_selection()
        return self.matrix_model().set_cells(dict.fromkeys(self.selected_cells()), lambda n: f"Cut {cells_phrase(n)}")

    def paste(self, text: str | None = None) -> list[str]:
        """Paste a tab-separated block at the selection's top-left cell as one undo step.

        Values that are not letters are left out and reported through
        :attr:`pasteProblems`, as is anything beyond the matrix's edge;
        returns those sentences.
        """
        from raci.clipboard import parse_tsv
        from raci.ui.clipboard import pasted_cells
        from raci.ui.commands import cells_phrase

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
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A click selects; a double click on a cell offers the letters."""
        index = self.indexAt(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and index.isValid():
            from PySide6.QtCore import QItemSelectionModel

            event.accept()
            if not self.selectionModel().isSelected(index):
                self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.show_letter_menu(index)
            return
        super().mouseDoubleClickEvent(event)

    def show_letter_menu(self, index: QModelIndex) -> bool:
        """The small menu of letters under a cell (double click or Enter); it sets the selected cells."""
        if not index.isValid() or self.matrix_model().cell_key(index.row(), index.column()) is None:
            return False
        self._menu_keys = self.selected_cells()
        held = self.matrix_model().team.cell(*self.matrix_model().cell_key(index.row(), index.column()))  # type: ignore[misc]
        self.letter_menu.show_for(held, self.viewport().mapToGlobal(self.visualRect(index).bottomLeft()))
        return True

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.show_context_menu(event.globalPos())

    def show_context_menu(self, global_pos: QPoint) -> QMenu:
        """Set or clear the selected cells, plus the window's own actions (add or remove a row or person)."""
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        keys = self.selected_cells()
        for letter in self.matrix_model().letter_set.legend_cells():
            action = menu.addAction(f"Set to {letter}")
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
        from raci.ui.commands import MovePersonCommand

        header = self.horizontalHeader()
        header.sectionMoved.disconnect(self._on_section_moved)
        header.moveSection(new_visual, old_visual)  # visual order always equals the team's order
        header.sectionMoved.connect(self._on_section_moved)
        model = self.matrix_model()
        person = model.person_at(logical)
        if person is not None and new_visual != old_visual:
            model.undo_stack.push(MovePersonCommand(model.team, person.id, max(new_visual, 1) - 1))

    # ------------------------------------------------------------- selection
    def select_targets(self, responsibilities: Sequence[str], people: Sequence[str], cells: Sequence[CellKey]) -> bool:
        """Select exactly what a finding names and scroll to the first of it (:mod:`raci.ui.grid_selection`)."""
        from raci.ui import grid_selection

        return grid_selection.select_targets(self, responsibilities, people, cells)

    def select_person(self, person_id: str) -> bool:
        """The cursor on a person's first cell, their column in view (after adding them)."""
        from raci.ui import grid_selection

        return grid_selection.select_person(self, person_id)

    def select_responsibilities(self, rids: Sequence[str]) -> bool:
        """Rows' titles selected, the cursor on the first row's first cell, in view (after adding them)."""
        from raci.ui import grid_selection

        return grid_selection.select_responsibilities(self, rids)


def scaled_font(font: QFont, zoom: float) -> QFont:
    """``font`` at ``zoom`` times its size (in points, or in pixels when it was set that way)."""
    scaled = QFont(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(font.pointSizeF() * zoom)
    else:
        scaled.setPixelSize(max(1, round(font.pixelSize() * zoom)))
    return scaled


def _own_viewport(view: QAbstractItemView) -> None:
    """Give a view a viewport made in Python, set up as the one Qt made.

    Handed a plain QWidget that Qt created, PySide first makes the Python
    classes of every QWidget subclass to find which one it is: about 7 ms,
    once per program, and the grid asks for its viewport while it is
    built. A viewport made here is already known.
    """
    role = QPalette.ColorRole.Button if isinstance(view, QHeaderView) else QPalette.ColorRole.Base
    viewport = QWidget(view)
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(role)
    viewport.setAutoFillBackground(True)
    viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    viewport.setMouseTracking(isinstance(view, QHeaderView))  # headers follow the mouse over their dividers
    view.setViewport(viewport)
