"""File > Import's preview: the layout shown on the sheet, corrected by a person, opened as one undo step."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from raci.formats.sheet_detect import ColumnRole, Orientation, RowRole
from raci.formats.sheet_import import inspect
from raci.model import Team
from raci.teamfile import dumps_team
from raci.ui.import_preview import ImportPreview
from raci.ui.main_window import MainWindow

from tests.ui.conftest import MessageBoxes

# A combo box's list is a popup window: the offscreen platform says it can neither raise it nor give it the keys.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing)")

DATA = Path(__file__).parents[1] / "data"
PLAN = DATA / "sheets" / "project-plan.xlsx"


@pytest.fixture
def preview(qtbot: QtBot) -> ImportPreview:
    dialog = ImportPreview(None, inspect(PLAN))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click_cell(qtbot: QtBot, dialog: ImportPreview, row: int, column: int) -> None:
    view = dialog.view
    index = dialog.grid.index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert view.currentIndex() == index


def choose(qtbot: QtBot, box: QComboBox, text: str) -> None:
    """Pick ``text`` from a combo box's list with the mouse."""
    row = box.findText(text)
    assert row >= 0, f"{text!r} is not in the box"
    box.showPopup()
    popup = box.view()
    qtbot.waitUntil(popup.isVisible)
    index = popup.model().index(row, 0)
    popup.scrollTo(index)
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(index).center())
    qtbot.waitUntil(lambda: not popup.isVisible())


def arrow_to(qtbot: QtBot, box: QComboBox, text: str) -> None:
    """Reach ``text`` in a closed combo box with the arrow keys, as a person tabbing to it does."""
    qtbot.keyClick(box, Qt.Key.Key_Home)
    while box.currentText() != text:
        before = box.currentIndex()
        qtbot.keyClick(box, Qt.Key.Key_Down)
        assert box.currentIndex() != before, f"{text!r} is not in the box"


def header(dialog: ImportPreview, section: int, orientation: Qt.Orientation) -> str:
    return dialog.grid.headerData(section, orientation)


# ------------------------------------------------------------------ what it shows
def test_the_grid_marks_each_columns_and_each_rows_role_with_the_sheets_own_names(preview: ImportPreview) -> None:
    across = Qt.Orientation.Horizontal
    assert [header(preview, column, across) for column in range(8)] == [
        "A\nSkipped", "B\nTitles", "C\nPerson", "D\nPerson", "E\nPerson", "F\nPerson", "G\nNotes", "H\nNotes"]
    assert header(preview, preview.grid.catalog_column, across) == "Catalog"
    down = Qt.Orientation.Vertical
    assert [header(preview, row, down) for row in (0, 3, 4, 5, 16)] == [
        "1  Title block", "4  Header", "5  Category", "6  Responsibility", "17  Skipped"]
    assert preview.grid.data(preview.grid.index(10, preview.grid.catalog_column)) == "= manage-product-backlog"
    assert preview.summary.text().endswith("6 of 9 rows matched the catalog.")
    assert [preview.warnings.item(n).text() for n in range(preview.warnings.count())] == [
        "1 row without letters was skipped: B17 'Count of A'.", "Column A '#' holds numbers: skipped.",
        "'-' in 1 cell read as not involved: F6."]


def test_the_grid_passes_qts_model_checks(preview: ImportPreview, qtmodeltester: object) -> None:
    qtmodeltester.check(preview.grid)  # type: ignore[attr-defined]


def test_the_boxes_follow_the_current_cell(qtbot: QtBot, preview: ImportPreview) -> None:
    click_cell(qtbot, preview, 5, 6)
    assert (preview.column_label.text(), preview.column_box.currentText()) == ("Column G is:", "Notes")
    assert (preview.row_label.text(), preview.row_box.currentText()) == ("Row 6 is:", "Responsibility")


def test_choosing_a_warning_selects_the_cell_it_names(qtbot: QtBot, preview: ImportPreview) -> None:
    preview.warnings.setCurrentRow(2)
    assert (preview.view.currentIndex().row(), preview.view.currentIndex().column()) == (5, 5)  # F6


# ------------------------------------------------------------------ corrections
def test_a_column_made_skipped_leaves_its_text_out_and_is_named_in_a_warning(
        qtbot: QtBot, preview: ImportPreview) -> None:
    click_cell(qtbot, preview, 5, 6)
    choose(qtbot, preview.column_box, "Skipped")
    assert preview.sheet_layout.column(6).role is ColumnRole.SKIPPED
    assert header(preview, 6, Qt.Orientation.Horizontal) == "G\nSkipped"
    team = preview.result_value().team
    assert team.responsibilities[0].description == "Notes: Agreed at the kick-off"
    assert any("Column G 'Status'" in warning for warning in preview.result_value().warnings)


def test_a_notes_column_made_a_person_becomes_one(qtbot: QtBot, preview: ImportPreview) -> None:
    click_cell(qtbot, preview, 3, 7)
    choose(qtbot, preview.column_box, "Person")
    assert [person.name for person in preview.result_value().team.people][-1] == "Notes"


def test_arrowing_through_the_roles_leaves_only_the_last_one(qtbot: QtBot, preview: ImportPreview) -> None:
    click_cell(qtbot, preview, 5, 7)
    arrow_to(qtbot, preview.column_box, "Skipped")  # passes over "Titles", which would move the titles
    assert preview.sheet_layout.column(7).role is ColumnRole.SKIPPED
    assert preview.sheet_layout.title_column == 1


def test_a_row_made_skipped_is_left_out_and_a_category_row_made_a_responsibility_comes_in(
        qtbot: QtBot, preview: ImportPreview) -> None:
    click_cell(qtbot, preview, 7, 1)  # row 8: Interview ten customers
    choose(qtbot, preview.row_box, "Skipped")
    assert preview.sheet_layout.rows[7] is RowRole.SKIPPED
    titles = [row.title for row in preview.result_value().team.responsibilities]
    assert "Interview ten customers" not in titles and len(titles) == 8
    click_cell(qtbot, preview, 8, 0)  # row 9: Phase 2 - Build, its text in column A
    choose(qtbot, preview.row_box, "Skipped")
    rows = preview.result_value().team.responsibilities
    assert [row.category for row in rows if row.title == "Own the product roadmap"] == ["Phase 1 \u2013 Discovery"]


def test_the_header_menu_changes_a_columns_role(qtbot: QtBot, preview: ImportPreview) -> None:
    header_view = preview.view.horizontalHeader()
    point = QPoint(header_view.sectionViewportPosition(7) + 5, 5)
    header_view.customContextMenuRequested.emit(point)
    menu = preview.menu
    assert menu is not None and menu.isVisible()
    assert [action.text() for action in menu.actions() if action.isChecked()] == ["Notes"]
    next(action for action in menu.actions() if action.text() == "Category").trigger()
    menu.close()
    assert preview.sheet_layout.column(7).role is ColumnRole.CATEGORY


def test_transposing_reads_the_people_down_the_side_and_back(qtbot: QtBot) -> None:
    dialog = ImportPreview(None, inspect(DATA / "import-cases" / "transposed.csv"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.sheet_layout.orientation is Orientation.TRANSPOSED
    assert [person.name for person in dialog.read.people] == ["Ann", "Bob"]
    choose(qtbot, dialog.orientation_box, "People across the top")
    assert dialog.sheet_layout.orientation is Orientation.NORMAL
    assert [person.name for person in dialog.read.people] == ["Plan", "Build"]
    assert header(dialog, 0, Qt.Orientation.Vertical) == "1  Header"
    choose(qtbot, dialog.orientation_box, "People down the side (transposed)")
    assert [row.title for row in dialog.result_value().team.responsibilities] == ["Plan", "Build"]


def test_a_way_round_the_sheet_cannot_be_read_is_said_and_nothing_changes(qtbot: QtBot) -> None:
    dialog = ImportPreview(None, inspect(DATA / "import-cases" / "lower-case.csv"))
    qtbot.addWidget(dialog)
    dialog.show()
    before = dialog.sheet_layout
    choose(qtbot, dialog.orientation_box, "Names in the cells (inverted)")
    assert dialog.sheet_layout is before
    assert dialog.problem.isVisible() and dialog.problem.text().startswith("It cannot be read that way: ")
    assert dialog.orientation_box.currentText() == "People across the top"


def test_the_letter_set_can_be_chosen(qtbot: QtBot, preview: ImportPreview) -> None:
    choose(qtbot, preview.letters_box, "RASCI")
    assert preview.sheet_layout.letter_set.name == "RASCI"
    assert "(RASCI letters)" in preview.summary.text()


# ------------------------------------------------------------------ through File > Import
def answered(dialog_does: Callable[[ImportPreview], None], accept: bool = True) -> Callable[[ImportPreview], int]:
    """A stand-in for the modal ``exec``: the test acts on the dialog shown, then presses Import or Cancel."""
    def exec_(dialog: ImportPreview) -> int:
        dialog.show()
        dialog_does(dialog)
        (dialog.accept if accept else dialog.reject)()
        return dialog.result()
    return exec_


def sheet_copy(folder: Path) -> Path:
    target = folder / "plan.xlsx"
    shutil.copyfile(PLAN, target)
    return target


def test_cancel_leaves_the_open_team_and_its_history_as_they_were(
        tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    team, stack = window.document.team, window.document.undo_stack
    before, steps = dumps_team(team), stack.count()
    monkeypatch.setattr(ImportPreview, "exec", answered(lambda dialog: dialog.set_column_role(6, ColumnRole.SKIPPED),
                                                        accept=False))
    assert window.files.import_path(sheet_copy(tmp_path)) is False
    assert window.document.team is team and dumps_team(team) == before
    assert stack.count() == steps and not window.isWindowModified()


def test_import_is_one_undo_step_that_brings_back_the_open_team_and_its_file(
        tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    team, path, stack = window.document.team, window.document.path, window.document.undo_stack
    rows_shown = window.model.rowCount()
    monkeypatch.setattr(ImportPreview, "exec", answered(lambda dialog: dialog.set_column_role(6, ColumnRole.SKIPPED)))
    assert window.files.import_path(sheet_copy(tmp_path))
    imported = window.document.team
    assert imported.name == "Website relaunch \u2013 RACI matrix"
    assert imported.responsibilities[0].description == "Notes: Agreed at the kick-off"  # the correction
    assert stack.count() == 1 and stack.undoText() == "Import plan.xlsx"
    assert window.document.path is None and window.isWindowModified()
    assert window.model.rowCount() != rows_shown  # the grid shows the imported team
    stack.undo()
    assert window.document.team is team and window.document.path == path and not window.isWindowModified()
    assert window.model.rowCount() == rows_shown
    stack.redo()
    assert window.document.team is imported and window.isWindowModified()
    assert "6 of 9 rows matched the catalog." in window.statusBar().currentMessage()


def test_file_import_opens_the_preview_and_the_corrected_team(
        tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    sheet = sheet_copy(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(sheet), ""))
    monkeypatch.setattr(ImportPreview, "exec", answered(lambda dialog: dialog.set_row_role(7, RowRole.SKIPPED)))
    window.files.import_action.trigger()
    assert len(window.document.team.responsibilities) == 8


def test_a_sheet_that_cannot_be_read_says_why_shows_no_preview_and_keeps_the_open_team(
        tmp_path: Path, window: MainWindow, messages: MessageBoxes, monkeypatch: pytest.MonkeyPatch) -> None:
    sheet = tmp_path / "notes.csv"
    sheet.write_text("Just a note\n", encoding="utf-8")
    before = dumps_team(window.document.team)
    monkeypatch.setattr(ImportPreview, "exec", lambda dialog: pytest.fail("no preview for a bad sheet"))
    assert window.files.import_path(sheet) is False
    assert messages.texts("critical") == [
        "Cannot import notes.csv: the sheet has no letters (R, A, C, I) and no row of names above responsibilities; "
        "put the people's names in one row above the letters, with the responsibilities in a column on the left, "
        "and import it again."]
    assert dumps_team(window.document.team) == before and window.document.undo_stack.count() == 0


def test_this_apps_own_workbook_opens_whole_without_a_preview(
        tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ImportPreview, "exec", lambda dialog: pytest.fail("nothing to correct in our own workbook"))
    assert window.files.import_path(DATA / "sheets" / "own-export.ods")
    assert len(window.document.team.responsibilities) == 55
    assert window.document.undo_stack.count() == 1


def test_unsaved_changes_are_asked_about_after_the_preview_and_cancel_keeps_them(
        tmp_path: Path, window: MainWindow, messages: MessageBoxes, monkeypatch: pytest.MonkeyPatch) -> None:
    from raci.ui.commands import RenameTeamCommand

    window.document.undo_stack.push(RenameTeamCommand(window.document.team, "Renamed"))
    team = window.document.team
    monkeypatch.setattr(ImportPreview, "exec", answered(lambda dialog: None))
    assert window.files.import_path(sheet_copy(tmp_path)) is False  # the question was answered Cancel
    assert "unsaved changes" in messages.texts("question")[0]
    assert window.document.team is team and window.isWindowModified()


def test_the_preview_fits_a_small_laptop_screen(preview: ImportPreview) -> None:
    screen = preview.screen().availableGeometry()
    assert preview.width() <= screen.width() and preview.height() <= screen.height()
    assert preview.view.model() is preview.grid and preview.grid.rowCount(QModelIndex()) == 17
    assert isinstance(preview, QDialog)


# ------------------------------------------------------------------ letter sets
def test_a_rasci_sheet_is_shown_in_rasci_and_its_support_cells_come_in(qtbot: QtBot) -> None:
    dialog = ImportPreview(None, inspect(DATA / "import-cases" / "rasci-legend.csv"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.letters_box.currentText() == "RASCI"
    assert dialog.summary.text().startswith("Read 2 responsibilities, 3 people and 6 cells from the sheet (RASCI")
    assert header(dialog, 4, Qt.Orientation.Vertical) == "5  Legend"
    team = dialog.result_value().team
    assert team.letter_set.name == "RASCI"
    assert [team.cell(team.responsibilities[0].id, person.id) for person in team.people] == ["A", "R", "S"]


def test_the_csv_of_a_team_in_its_own_letters_comes_in_in_them_without_its_record_line(
        qtbot: QtBot, tmp_path: Path) -> None:
    from raci.findings import Report
    from raci.formats import export_team
    from raci.letters import Kind, LetterDef, LetterSet

    from tests.conftest import make_small_team

    studio = LetterSet("studio", "Studio", (LetterDef("M", "Maker", "makes it", Kind.DOES),
                                            LetterDef("O", "Owner", "answers for it", Kind.OWNS)))
    team = make_small_team()
    team.set_letter_set(studio, {"R": "M", "A": "O", "A/R": "O/M", "C": None, "I": None})
    export_team(team, tmp_path / "studio.csv", Report())
    dialog = ImportPreview(None, inspect(tmp_path / "studio.csv"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.letters_box.currentText() == "Studio"
    assert dialog.grid.rowCount() == 1 + len(team.responsibilities)  # the header and the rows, not the record
    back = dialog.result_value().team
    assert back.letter_set == studio
    assert named_cells(back) == named_cells(team)


def named_cells(team: Team) -> set[tuple[str, str, str]]:
    return {(team.responsibility(row).title, team.person(person).name, cell) for row, person, cell in team.iter_cells()}


def test_the_boxes_start_on_the_first_responsibilitys_title(preview: ImportPreview) -> None:
    assert (preview.column_label.text(), preview.column_box.currentText()) == ("Column B is:", "Titles")
    assert (preview.row_label.text(), preview.row_box.currentText()) == ("Row 6 is:", "Responsibility")
