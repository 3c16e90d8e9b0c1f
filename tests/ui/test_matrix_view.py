"""The matrix widget through real key and mouse events: what a person does, and what the team holds after."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence, QMouseEvent, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from raci.model import Team
from raci.ui.matrix_model import MatrixModel
from raci.ui.matrix_view import MatrixView

from benchmarks.common import make_team
from tests.conftest import make_small_team

# Model rows of the small team: 0 "Vision & strategy", 1 vision, 2 "Product backlog",
# 3 order, 4 stories, 5 "Delivery & iterations", 6 demo. Columns: 0 title, 1 Ana, 2 Ben, 3 Chloé.
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@dataclass
class Grid:
    team: Team
    stack: QUndoStack
    model: MatrixModel
    view: MatrixView

    def go(self, row: int, column: int) -> None:
        """Put the cursor on one cell, selecting only it (whatever modifiers an earlier test left pressed)."""
        self.view.selectionModel().setCurrentIndex(self.model.index(row, column),
                                                   QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def letter(self, row: int, column: int) -> str | None:
        key = self.model.cell_key(row, column)
        assert key is not None
        return self.team.cell(*key)


def _grid(qtbot: object, team: Team, width: int = 760) -> Grid:
    stack = QUndoStack()
    model = MatrixModel(team, stack)
    view = MatrixView(model)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.resize(width, 420)
    view.show()
    qtbot.waitExposed(view)  # type: ignore[attr-defined]
    view.setFocus()
    return Grid(team, stack, model, view)


@pytest.fixture
def grid(qtbot: object) -> Grid:
    return _grid(qtbot, make_small_team())


def test_typing_a_letter_sets_the_current_cell_in_any_case(qtbot: object, grid: Grid) -> None:
    grid.go(6, 1)
    qtbot.keyClick(grid.view, "r")  # type: ignore[attr-defined]
    assert grid.letter(6, 1) == "R"
    qtbot.keyClick(grid.view, "C", SHIFT)  # type: ignore[attr-defined]
    assert grid.letter(6, 1) == "C"


def test_a_letter_typed_over_a_selection_sets_every_cell_as_one_undo_step(qtbot: object, grid: Grid) -> None:
    grid.go(3, 1)
    qtbot.keyClick(grid.view, Qt.Key.Key_Right, SHIFT)  # type: ignore[attr-defined]
    qtbot.keyClick(grid.view, Qt.Key.Key_Right, SHIFT)  # type: ignore[attr-defined]
    qtbot.keyClick(grid.view, Qt.Key.Key_Down, SHIFT)  # type: ignore[attr-defined]
    qtbot.keyClick(grid.view, "i")  # type: ignore[attr-defined]
    assert [grid.letter(row, column) for row in (3, 4) for column in (1, 2, 3)] == ["I"] * 6
    assert grid.stack.count() == 1
    assert grid.stack.undoText() == "Set 6 cells to I"
    grid.stack.undo()
    assert [grid.letter(3, column) for column in (1, 2, 3)] == ["C", "A/R", None]
    assert [grid.letter(4, column) for column in (1, 2, 3)] == [None, None, None]
    grid.stack.redo()
    assert grid.letter(4, 3) == "I"


def test_a_on_r_and_r_on_a_give_a_slash_r(qtbot: object, grid: Grid) -> None:
    grid.go(1, 1)  # Ana holds A on the vision
    qtbot.keyClick(grid.view, "r")  # type: ignore[attr-defined]
    assert grid.letter(1, 1) == "A/R"
    grid.go(6, 2)
    qtbot.keyClick(grid.view, "r")  # type: ignore[attr-defined]
    qtbot.keyClick(grid.view, "a")  # type: ignore[attr-defined]
    assert grid.letter(6, 2) == "A/R"


def test_space_cycles_blank_r_a_c_i_blank(qtbot: object, grid: Grid) -> None:
    grid.go(6, 3)
    seen = []
    for _ in range(5):
        qtbot.keyClick(grid.view, Qt.Key.Key_Space)  # type: ignore[attr-defined]
        seen.append(grid.letter(6, 3))
    assert seen == ["R", "A", "C", "I", None]


def test_delete_and_backspace_clear_the_selection(qtbot: object, grid: Grid) -> None:
    grid.go(3, 1)
    qtbot.keyClick(grid.view, Qt.Key.Key_Right, SHIFT)  # type: ignore[attr-defined]
    qtbot.keyClick(grid.view, Qt.Key.Key_Delete)  # type: ignore[attr-defined]
    assert (grid.letter(3, 1), grid.letter(3, 2)) == (None, None)
    assert grid.stack.undoText() == "Clear 2 cells"
    grid.go(1, 1)
    qtbot.keyClick(grid.view, Qt.Key.Key_Backspace)  # type: ignore[attr-defined]
    assert grid.letter(1, 1) is None
    grid.stack.undo()
    grid.stack.undo()
    assert (grid.letter(1, 1), grid.letter(3, 1), grid.letter(3, 2)) == ("A", "C", "A/R")


def test_arrow_keys_step_over_category_rows_and_tab_moves_right(qtbot: object, grid: Grid) -> None:
    grid.go(1, 2)
    qtbot.keyClick(grid.view, Qt.Key.Key_Down)  # type: ignore[attr-defined]
    assert (grid.view.currentIndex().row(), grid.view.currentIndex().column()) == (3, 2)
    qtbot.keyClick(grid.view, Qt.Key.Key_Up)  # type: ignore[attr-defined]
    assert grid.view.currentIndex().row() == 1
    qtbot.keyClick(grid.view, Qt.Key.Key_Tab)  # type: ignore[attr-defined]
    assert grid.view.currentIndex().column() == 3


def test_a_category_row_takes_no_letter(qtbot: object, grid: Grid) -> None:
    grid.go(2, 0)
    qtbot.keyClick(grid.view, "r")  # type: ignore[attr-defined]
    qtbot.keyClick(grid.view, Qt.Key.Key_Space)  # type: ignore[attr-defined]
    assert grid.stack.count() == 0


def test_copy_puts_the_selected_block_on_the_clipboard_as_tab_separated_text(qtbot: object, grid: Grid) -> None:
    grid.go(1, 0)
    for _ in range(2):  # the category row between is stepped over
        qtbot.keyClick(grid.view, Qt.Key.Key_Down, SHIFT)  # type: ignore[attr-defined]
    for _ in range(2):
        qtbot.keyClick(grid.view, Qt.Key.Key_Right, SHIFT)  # type: ignore[attr-defined]
    qtbot.keyClick(grid.view, Qt.Key.Key_C, CTRL)  # type: ignore[attr-defined]
    assert QApplication.clipboard().text() == (
        "Set the product vision\tA\t\nOrder the backlog\tC\tA/R\nWrite user stories\t\t"
    )


def test_a_pasted_block_applies_as_one_step_and_a_bad_value_is_reported_with_its_place(
        qtbot: object, grid: Grid) -> None:
    QApplication.clipboard().setText("R\tX\r\nc\t\"i\"\r\n")
    grid.go(3, 1)
    with qtbot.waitSignal(grid.view.pasteProblems) as blocker:  # type: ignore[attr-defined]
        qtbot.keyClick(grid.view, Qt.Key.Key_V, CTRL)  # type: ignore[attr-defined]
    assert blocker.args[0] == [
        "Row 1, column 2: 'X' is not a RACI letter (meant for Ben Okafor on 'Order the backlog'); "
        "that cell was left as it was."
    ]
    assert [grid.letter(3, 1), grid.letter(3, 2), grid.letter(4, 1), grid.letter(4, 2)] == [
        "R", "A/R", "C", "I"]
    assert grid.stack.count() == 1
    grid.stack.undo()
    assert [grid.letter(3, 1), grid.letter(4, 1), grid.letter(4, 2)] == ["C", None, None]


def test_a_block_copied_from_the_grid_pastes_back_elsewhere(qtbot: object, grid: Grid) -> None:
    grid.view.selectionModel().select(QItemSelection(grid.model.index(3, 1), grid.model.index(3, 2)),
                                      QItemSelectionModel.SelectionFlag.ClearAndSelect)
    grid.view.copy_selection()
    grid.go(6, 2)
    with qtbot.assertNotEmitted(grid.view.pasteProblems):  # type: ignore[attr-defined]
        grid.view.paste()
    assert (grid.letter(6, 2), grid.letter(6, 3)) == ("C", "A/R")


def test_a_paste_past_the_edge_is_clipped_and_reported(qtbot: object, grid: Grid) -> None:
    grid.go(6, 3)
    with qtbot.waitSignal(grid.view.pasteProblems) as blocker:  # type: ignore[attr-defined]
        grid.view.paste("A\tR\nC\tC\n")
    assert grid.letter(6, 3) == "A"
    assert blocker.args[0] == [
        "The pasted block reaches past the edge of the matrix: 1 row and 1 column were left out."]


def test_one_pasted_value_fills_every_selected_cell(grid: Grid) -> None:
    grid.view.selectionModel().select(QItemSelection(grid.model.index(3, 1), grid.model.index(4, 3)),
                                      QItemSelectionModel.SelectionFlag.ClearAndSelect)
    grid.view.paste("c\n")
    assert [grid.letter(row, column) for row in (3, 4) for column in (1, 2, 3)] == ["C"] * 6
    assert grid.stack.count() == 1


def test_dragging_a_persons_header_moves_them_in_the_team(grid: Grid) -> None:
    header = grid.view.horizontalHeader()
    header.moveSection(1, 3)  # what a drag of Ana's header to the right end does
    assert [person.name for person in grid.team.people] == ["Ben Okafor", "Chloé Martin", "Ana Lima"]
    assert all(header.visualIndex(section) == section for section in range(header.count()))
    assert grid.model.headerData(3, Qt.Orientation.Horizontal) == "Ana Lima\nProduct Manager"
    assert grid.stack.undoText() == "Move person Ana Lima"
    grid.stack.undo()
    assert [person.name for person in grid.team.people] == ["Ana Lima", "Ben Okafor", "Chloé Martin"]


def test_a_real_mouse_drag_of_a_header_moves_the_person(grid: Grid) -> None:
    header = grid.view.horizontalHeader()
    start = QPoint(header.sectionViewportPosition(3) + 20, header.height() // 2)
    end = QPoint(header.sectionViewportPosition(1) + 10, header.height() // 2)
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(header.viewport(), QPoint(start.x() - 30, start.y()))
    QTest.mouseMove(header.viewport(), end)
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert [person.name for person in grid.team.people] == ["Chloé Martin", "Ana Lima", "Ben Okafor"]
    assert all(header.visualIndex(section) == section for section in range(header.count()))


def test_ctrl_shift_up_moves_the_current_row_and_the_cursor_follows(qtbot: object, grid: Grid) -> None:
    vision, order, stories, demo = (row.id for row in grid.team.responsibilities)
    grid.go(4, 2)
    qtbot.keyClick(grid.view, Qt.Key.Key_Up, CTRL | SHIFT)  # type: ignore[attr-defined]
    assert [row.id for row in grid.team.responsibilities] == [vision, stories, order, demo]
    assert grid.model.responsibility_at(grid.view.currentIndex().row()).id == stories
    qtbot.keyClick(grid.view, Qt.Key.Key_Up, CTRL | SHIFT)  # past the top of its category: joins the one above
    assert grid.team.responsibility(stories).category == "Vision & strategy"
    grid.stack.undo()
    grid.stack.undo()
    assert [row.id for row in grid.team.responsibilities] == [vision, order, stories, demo]
    assert grid.team.responsibility(stories).category == "Product backlog"


# The offscreen platform cannot raise a popup or grab the keyboard for it, and says so.
_POPUP_WARNINGS = pytest.mark.qt_log_ignore("This plugin does not support")


def test_a_single_click_selects_the_cell_and_offers_no_menu(qtbot: object, grid: Grid) -> None:
    index = grid.model.index(6, 2)
    qtbot.mouseClick(grid.view.viewport(), Qt.MouseButton.LeftButton,  # type: ignore[attr-defined]
                     pos=grid.view.visualRect(index).center())
    assert not grid.view.letter_menu.isVisible()
    assert grid.view.currentIndex() == index
    assert grid.view.selected_cells() == [grid.model.cell_key(6, 2)]
    qtbot.keyClick(grid.view, "c")  # type: ignore[attr-defined]  # typing goes straight on, no Escape first
    assert grid.letter(6, 2) == "C"


@_POPUP_WARNINGS
def test_a_double_click_on_a_cell_offers_the_letters_with_a_check_box_each(qtbot: object, grid: Grid) -> None:
    index = grid.model.index(6, 2)
    qtbot.mouseDClick(grid.view.viewport(), Qt.MouseButton.LeftButton,  # type: ignore[attr-defined]
                      pos=grid.view.visualRect(index).center())
    menu = grid.view.letter_menu
    assert menu.isVisible()
    assert [action.text() for action in menu.actions() if action.text()] == [
        "&R   Responsible: does the work", "&A   Accountable: owns the outcome and signs it off",
        "&C   Consulted: asked before, two-way", "&I   Informed: told after, one-way", "C&lear"]
    assert all(action.isCheckable() and not action.isChecked() for action in menu.actions()[:4])
    next(action for action in menu.actions() if action.data() == "A").trigger()
    menu.hide()
    assert grid.letter(6, 2) == "A"
    grid.view.show_letter_menu(index)
    assert [action.isChecked() for action in menu.actions()[:4]] == [False, True, False, False]
    next(action for action in menu.actions() if action.data() == "R").trigger()
    menu.hide()
    assert grid.letter(6, 2) == "A/R"
    assert grid.stack.count() == 2 and grid.stack.text(1) == "Tick R in cell"


@_POPUP_WARNINGS
def test_ticking_combines_any_letters_and_unticking_takes_one_away_from_every_selected_cell(
        qtbot: object, grid: Grid) -> None:
    grid.go(4, 1)
    qtbot.keyClick(grid.view, Qt.Key.Key_Right, SHIFT)  # type: ignore[attr-defined]
    grid.view.toggle_letter("C")
    grid.view.toggle_letter("I")
    assert (grid.letter(4, 1), grid.letter(4, 2)) == ("C/I", "C/I")
    grid.view.toggle_letter("C")
    assert (grid.letter(4, 1), grid.letter(4, 2)) == ("I", "I")
    grid.stack.undo()
    assert (grid.letter(4, 1), grid.letter(4, 2)) == ("C/I", "C/I")


@_POPUP_WARNINGS
@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_offers_the_letters_for_the_selected_cells(qtbot: object, grid: Grid, key: Qt.Key) -> None:
    grid.go(4, 1)
    qtbot.keyClick(grid.view, Qt.Key.Key_Right, SHIFT)  # type: ignore[attr-defined]
    qtbot.keyClick(grid.view, key)  # type: ignore[attr-defined]
    menu = grid.view.letter_menu
    assert menu.isVisible()
    next(action for action in menu.actions() if action.data() == "I").trigger()
    menu.hide()
    assert (grid.letter(4, 1), grid.letter(4, 2)) == ("I", "I")


@_POPUP_WARNINGS
def test_enter_on_a_category_row_offers_nothing(qtbot: object, grid: Grid) -> None:
    grid.go(2, 0)
    qtbot.keyClick(grid.view, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert not grid.view.letter_menu.isVisible()


@_POPUP_WARNINGS
def test_the_right_click_menu_sets_clears_and_carries_the_windows_actions(qtbot: object, grid: Grid) -> None:
    add_person = QAction("Add person…", grid.view)
    grid.view.extra_context_actions = [add_person]
    position = grid.view.visualRect(grid.model.index(3, 2)).center()
    qtbot.mouseClick(grid.view.viewport(), Qt.MouseButton.RightButton, pos=position)  # type: ignore[attr-defined]
    viewport = grid.view.viewport()
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, position,
                                                       viewport.mapToGlobal(position)))
    menu = grid.view.context_menu
    assert menu is not None and menu.isVisible()
    assert add_person in menu.actions()
    next(action for action in menu.actions() if action.text() == "Clear").trigger()
    menu.hide()
    assert grid.letter(3, 2) is None


def test_selecting_a_findings_targets_selects_and_reports_the_responsibility(qtbot: object, grid: Grid) -> None:
    order, ben = grid.team.responsibilities[1].id, grid.team.people[1].id
    with qtbot.waitSignal(grid.view.currentResponsibilityChanged) as blocker:  # type: ignore[attr-defined]
        grid.view.select_targets([], [], [(order, ben)])
    assert blocker.args[0].id == order
    assert grid.view.selected_cells() == [(order, ben)]


def test_the_title_column_stays_in_view_while_scrolling_sideways(qtbot: object) -> None:
    grid = _grid(qtbot, make_team(40, 20), width=700)
    view, frozen = grid.view, grid.view.titles
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    view.verticalScrollBar().setValue(200)
    assert view.horizontalScrollBar().value() > 0
    assert frozen.isVisible() and frozen.geometry().left() == view.viewport().x()
    assert frozen.columnWidth(0) == view.columnWidth(0)
    assert frozen.verticalScrollBar().value() == view.verticalScrollBar().value() == 200
    assert frozen.visualRect(grid.model.index(5, 0)).top() == view.visualRect(grid.model.index(5, 3)).top()
    grid.go(3, 1)  # a cell scrolled under the frozen column comes out beside it
    assert view.visualRect(view.currentIndex()).left() >= view.columnWidth(0)


@pytest.mark.skipif(os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen",
                    reason="a drag needs a window system: run under xvfb-run with QT_QPA_PLATFORM=xcb")
def test_dragging_a_title_onto_another_row_moves_the_responsibility_there(qtbot: object, grid: Grid) -> None:
    frozen = grid.view.titles
    viewport = frozen.viewport()
    source = frozen.visualRect(grid.model.index(6, 0)).center()  # "Run the demo"
    target = frozen.visualRect(grid.model.index(3, 0)).center()  # onto "Order the backlog"

    def drop() -> None:  # runs inside the drag's own event loop
        QTest.mouseMove(viewport, target)
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)

    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, source)
    QTimer.singleShot(100, drop)
    for step in (20, 40):  # QTest.mouseMove carries no button, so send the held-button moves directly
        point = QPointF(source.x(), source.y() - step)
        QApplication.sendEvent(viewport, QMouseEvent(
            QEvent.Type.MouseMove, point, QPointF(viewport.mapToGlobal(point.toPoint())),
            Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    assert [row.title for row in grid.team.responsibilities] == [
        "Set the product vision", "Run the demo", "Order the backlog", "Write user stories"]
    assert grid.team.responsibility(grid.team.responsibilities[1].id).category == "Product backlog"


def test_the_grids_editing_keys_win_over_a_window_shortcut_on_the_same_key(qtbot: object) -> None:
    window = QWidget()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    stolen = QAction("Remove", window)
    stolen.setShortcut(QKeySequence(Qt.Key.Key_Delete))
    window.addAction(stolen)
    team = make_small_team()
    model = MatrixModel(team, QUndoStack())
    grid = Grid(team, model.undo_stack, model, MatrixView(model, window))
    window.resize(700, 400)
    with qtbot.waitActive(window):  # type: ignore[attr-defined]
        window.show()
        window.activateWindow()
    grid.view.setFocus()
    grid.go(1, 1)
    assert QApplication.focusWidget() is grid.view
    with qtbot.assertNotEmitted(stolen.triggered):  # type: ignore[attr-defined]
        # Sent to the window, the key goes through Qt's shortcut handling as a real one does.
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_Delete)
    assert grid.letter(1, 1) is None


# --------------------------------------------------------------- navigation
def test_home_and_end_go_to_the_first_and_last_person_of_the_row(qtbot: object, grid: Grid) -> None:
    grid.go(4, 2)
    qtbot.keyClick(grid.view, Qt.Key.Key_End)  # type: ignore[attr-defined]
    assert (grid.view.currentIndex().row(), grid.view.currentIndex().column()) == (4, 3)
    qtbot.keyClick(grid.view, Qt.Key.Key_Home)  # type: ignore[attr-defined]
    assert (grid.view.currentIndex().row(), grid.view.currentIndex().column()) == (4, 1)


def test_ctrl_home_and_ctrl_end_go_to_the_first_and_last_cell_past_the_category_rows(
        qtbot: object, grid: Grid) -> None:
    grid.go(4, 2)
    qtbot.keyClick(grid.view, Qt.Key.Key_End, CTRL)  # type: ignore[attr-defined]
    assert (grid.view.currentIndex().row(), grid.view.currentIndex().column()) == (6, 3)
    qtbot.keyClick(grid.view, Qt.Key.Key_Home, CTRL)  # type: ignore[attr-defined]
    assert (grid.view.currentIndex().row(), grid.view.currentIndex().column()) == (1, 1)  # row 0 is a category


def test_ctrl_end_scrolls_the_last_cell_into_view(qtbot: object) -> None:
    grid = _grid(qtbot, make_team(60, 30), width=700)
    grid.go(1, 1)
    qtbot.keyClick(grid.view, Qt.Key.Key_End, CTRL)  # type: ignore[attr-defined]
    index = grid.view.currentIndex()
    assert (index.row(), index.column()) == (grid.model.rowCount() - 1, grid.model.columnCount() - 1)
    assert grid.view.viewport().rect().contains(grid.view.visualRect(index))


# ---------------------------------------------------------- combined letters
@pytest.mark.parametrize(("typed", "left"), [("r", "R"), ("a", "A")])
def test_typing_a_letter_an_a_slash_r_cell_holds_leaves_just_that_letter_as_one_step(
        qtbot: object, grid: Grid, typed: str, left: str) -> None:
    grid.go(3, 2)  # Ben holds A/R on the backlog
    qtbot.keyClick(grid.view, typed)  # type: ignore[attr-defined]
    assert grid.letter(3, 2) == left
    assert grid.stack.count() == 1
    grid.stack.undo()
    assert grid.letter(3, 2) == "A/R"


# ------------------------------------------------------------ finding cells
def test_a_finding_about_a_person_on_some_rows_selects_exactly_those_cells(grid: Grid) -> None:
    _vision, order, _stories, demo = (row.id for row in grid.team.responsibilities)
    ana = grid.team.people[0].id
    assert grid.view.select_targets([order, demo], [ana], [])
    assert sorted(grid.view.selected_cells()) == sorted([(order, ana), (demo, ana)])
    assert grid.view.currentIndex() == grid.model.index_for(order, ana)  # the first on screen


def test_a_finding_naming_cells_selects_those_cells_and_scrolls_to_the_first(qtbot: object) -> None:
    grid = _grid(qtbot, make_team(80, 30), width=700)
    far = [(grid.team.responsibilities[70].id, grid.team.people[25].id),
           (grid.team.responsibilities[75].id, grid.team.people[28].id)]
    grid.view.select_targets([], [], far)
    assert sorted(grid.view.selected_cells()) == sorted(far)
    first = grid.model.index_for(*far[0])
    assert grid.view.currentIndex() == first
    assert grid.view.viewport().rect().contains(grid.view.visualRect(first))
    assert grid.view.visualRect(first).left() >= grid.view.columnWidth(0)  # beside the frozen titles


def test_a_finding_about_rows_only_selects_those_rows(grid: Grid) -> None:
    _vision, order, *_ = (row.id for row in grid.team.responsibilities)
    grid.view.select_targets([order], [], [])
    assert grid.view.selected_cells() == [(order, person.id) for person in grid.team.people]


def test_a_finding_about_a_person_only_selects_their_column(grid: Grid) -> None:
    ben = grid.team.people[1].id
    grid.view.select_targets([], [ben], [])
    assert sorted(grid.view.selected_cells()) == sorted((row.id, ben) for row in grid.team.responsibilities)


def test_a_finding_whose_rows_are_filtered_out_selects_nothing(grid: Grid) -> None:
    grid.model.set_row_filter("vision")
    order = grid.team.responsibilities[1].id
    assert not grid.view.select_targets([order], [grid.team.people[0].id], [])
    assert grid.view.selected_cells() == []
