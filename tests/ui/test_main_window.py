"""The window, driven as a person would: keys into the grid, menu actions, dialogs answered by the test."""

from __future__ import annotations

import importlib.util

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from raci.findings import Severity
from raci.model import Profile, Size
from raci.templates import load_template
from raci.ui import dialogs
from raci.ui.main_window import MainWindow

from tests.ui.conftest import OFFSCREEN_NOISE, MessageBoxes, WindowFactory

pytestmark = OFFSCREEN_NOISE

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def click_cell(qtbot: QtBot, window: MainWindow, rid: str, pid: str,
               modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Select a cell the way a keyboard user lands on it (current + selected), optionally extending."""
    view = window.view
    index = window.model.index_for(rid, pid)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect if modifier == Qt.KeyboardModifier.NoModifier \
        else QItemSelectionModel.SelectionFlag.Select
    view.selectionModel().setCurrentIndex(index, flags)
    view.setFocus()


def ids(window: MainWindow) -> tuple[list[str], list[str]]:
    team = window.document.team
    return [r.id for r in team.responsibilities], [p.id for p in team.people]


def focus_window(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


# ------------------------------------------------------------------ typing
def test_typing_a_letter_sets_the_current_cell(qtbot: QtBot, window: MainWindow) -> None:
    rows, people = ids(window)
    click_cell(qtbot, window, rows[2], people[2])
    qtbot.keyClicks(window.view, "r")
    assert window.document.team.cell(rows[2], people[2]) == "R"
    assert window.isWindowModified()


def test_typing_over_a_multi_selection_sets_every_cell_as_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    rows, people = ids(window)
    click_cell(qtbot, window, rows[2], people[0])
    click_cell(qtbot, window, rows[2], people[2], SHIFT)
    click_cell(qtbot, window, rows[3], people[1], SHIFT)
    qtbot.keyClicks(window.view, "c")
    team = window.document.team
    assert [team.cell(rows[2], people[0]), team.cell(rows[2], people[2]), team.cell(rows[3], people[1])] == ["C"] * 3
    assert window.document.undo_stack.count() == 1


def test_a_typed_over_r_gives_a_slash_r(qtbot: QtBot, window: MainWindow) -> None:
    rows, people = ids(window)
    click_cell(qtbot, window, rows[3], people[2])
    qtbot.keyClicks(window.view, "r")
    qtbot.keyClicks(window.view, "a")
    assert window.document.team.cell(rows[3], people[2]) == "A/R"


def test_ctrl_z_undoes_and_ctrl_shift_z_and_ctrl_y_redo(qtbot: QtBot, window: MainWindow) -> None:
    rows, people = ids(window)
    focus_window(qtbot, window)
    click_cell(qtbot, window, rows[3], people[0])
    qtbot.keyClicks(window.view, "i")
    team = window.document.team
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert team.cell(rows[3], people[0]) is None
    assert not window.isWindowModified()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert team.cell(rows[3], people[0]) == "I"
    window.undo_action.trigger()
    qtbot.keyClick(window.view, Qt.Key.Key_Y, CTRL)
    assert team.cell(rows[3], people[0]) == "I"


def test_the_edit_menu_names_what_undo_will_undo(qtbot: QtBot, window: MainWindow) -> None:
    rows, people = ids(window)
    click_cell(qtbot, window, rows[3], people[0])
    qtbot.keyClicks(window.view, "r")
    assert "Set cell to R" in window.undo_action.text()


def test_pasting_a_block_with_a_bad_value_keeps_the_good_ones_and_says_which_was_left_out(
        qtbot: QtBot, window: MainWindow) -> None:
    rows, people = ids(window)
    click_cell(qtbot, window, rows[2], people[0])
    QApplication.clipboard().setText("R\tX\nC\tI\n")
    qtbot.keyClick(window.view, Qt.Key.Key_V, CTRL)
    team = window.document.team
    assert team.cell(rows[2], people[0]) == "R"
    assert team.cell(rows[2], people[1]) is None
    assert (team.cell(rows[3], people[0]), team.cell(rows[3], people[1])) == ("C", "I")
    assert "'X' is not a RACI letter" in window.statusBar().currentMessage()
    assert window.document.undo_stack.count() == 1


# ------------------------------------------------------------------ people
def test_adding_a_person_through_the_dialog_adds_a_column_after_the_current_one(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    rows, people = ids(window)
    click_cell(qtbot, window, rows[0], people[0])
    monkeypatch.setattr(dialogs, "ask_person", lambda *args, **kwargs: ("Dana Wu", ["QA", "Coach"]))
    window.edits.add_person_action.trigger()
    team = window.document.team
    added = team.people[1]
    assert (added.name, added.titles) == ("Dana Wu", ("QA", "Coach"))
    assert window.model.columnCount() == 5
    window.undo_action.trigger()
    assert [p.name for p in team.people] == ["Ana Lima", "Ben Okafor", "Chloé Martin"]


def test_removing_a_person_asks_first_naming_how_many_cells_go(
        qtbot: QtBot, window: MainWindow, messages: MessageBoxes) -> None:
    rows, people = ids(window)
    click_cell(qtbot, window, rows[0], people[0])  # Ana holds two letters
    messages.answer = QMessageBox.StandardButton.Yes
    window.edits.remove_person_action.trigger()
    assert "2 filled cells go" in messages.texts("question")[-1]
    assert not window.document.team.has_person(people[0])
    window.undo_action.trigger()
    assert window.document.team.cell(rows[0], people[0]) == "A"


def test_cancelling_the_removal_keeps_the_person(qtbot: QtBot, window: MainWindow, messages: MessageBoxes) -> None:
    rows, people = ids(window)
    click_cell(qtbot, window, rows[0], people[1])
    messages.answer = QMessageBox.StandardButton.Cancel
    window.edits.remove_person_action.trigger()
    assert window.document.team.has_person(people[1])


def test_editing_a_person_sets_their_name_and_titles(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    rows, people = ids(window)
    click_cell(qtbot, window, rows[0], people[2])
    monkeypatch.setattr(dialogs, "ask_person", lambda *args, **kwargs: ("Chloé M.", ["Developer", "QA"]))
    window.edits.edit_person_action.trigger()
    person = window.document.team.person(people[2])
    assert (person.name, person.titles) == ("Chloé M.", ("Developer", "QA"))


def test_the_person_dialog_offers_the_known_titles_as_check_boxes_and_free_text(qtbot: QtBot) -> None:
    dialog = dialogs.PersonDialog(None, "Edit person", "Ana", ["Product Owner", "Coach"])
    qtbot.addWidget(dialog)
    assert dialog.title_boxes["Product Owner"].isChecked()
    assert dialog.other_edit.text() == "Coach"
    dialog.title_boxes["QA"].setChecked(True)
    assert dialog.result_value() == ("Ana", ["Product Owner", "QA", "Coach"])
    dialog.name_edit.clear()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


# -------------------------------------------------------- responsibilities
def test_moving_a_row_down_reorders_the_team_and_undoes(qtbot: QtBot, window: MainWindow) -> None:
    rows, people = ids(window)
    click_cell(qtbot, window, rows[1], people[0])
    window.edits.move_down_action.trigger()
    assert ids(window)[0] == [rows[0], rows[2], rows[1], rows[3]]
    window.undo_action.trigger()
    assert ids(window)[0] == rows


def test_adding_from_the_catalog_adds_the_checked_entries_as_one_step(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from raci.catalog import load_catalog

    catalog = load_catalog()
    chosen = [catalog.entry("set-product-goal"), catalog.entry("run-product-demos")]
    monkeypatch.setattr(dialogs, "ask_catalog_entries", lambda *args: chosen)
    window.edits.add_from_catalog_action.trigger()
    team = window.document.team
    assert [r.id for r in team.responsibilities[-2:]] == ["set-product-goal", "run-product-demos"]
    assert team.responsibility("run-product-demos").sources == ("run-product-demos",)
    window.undo_action.trigger()
    assert len(team.responsibilities) == 4


def test_the_catalog_picker_greys_out_entries_already_in_the_matrix_and_searches(qtbot: QtBot) -> None:
    from raci.catalog import load_catalog

    picker = dialogs.CatalogPicker(None, load_catalog(), {"set-product-vision"})
    qtbot.addWidget(picker)
    items = {item.data(0, dialogs.EntryRole).id: item for item in picker.entries()}
    assert not items["set-product-vision"].flags() & Qt.ItemFlag.ItemIsEnabled
    assert "(in the matrix)" in items["set-product-vision"].text(0)
    picker.search.setText("backlog order")
    shown = [entry_id for entry_id, item in items.items() if not item.isHidden()]
    assert "order-backlog-items" in shown and "set-product-vision" not in shown
    items["order-backlog-items"].setCheckState(0, Qt.CheckState.Checked)
    assert [entry.id for entry in picker.chosen()] == ["order-backlog-items"]


def test_a_custom_responsibility_is_added_below_the_current_row(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    rows, people = ids(window)
    click_cell(qtbot, window, rows[0], people[0])
    monkeypatch.setattr(dialogs, "ask_responsibility", lambda *args, **kwargs: {
        "title": "Run the security review", "description": "Yearly.", "category": "Quality", "side": "other"})
    window.edits.add_custom_action.trigger()
    team = window.document.team
    assert team.responsibilities[1].title == "Run the security review"
    assert team.responsibilities[1].sources == ()


def test_removing_a_row_names_its_letters_and_undo_restores_them(
        qtbot: QtBot, window: MainWindow, messages: MessageBoxes) -> None:
    rows, people = ids(window)
    click_cell(qtbot, window, rows[1], people[1])
    messages.answer = QMessageBox.StandardButton.Yes
    window.edits.remove_row_action.trigger()
    assert "2 filled cells go" in messages.texts("question")[-1]
    assert not window.document.team.has_responsibility(rows[1])
    window.undo_action.trigger()
    assert window.document.team.cell(rows[1], people[1]) == "A/R"


# ---------------------------------------------------------------- findings
def test_selecting_a_finding_selects_its_cells_or_row_in_the_grid(qtbot: QtBot, window: MainWindow) -> None:
    report = window.report
    finding = next(f for f in report.findings if f.responsibilities or f.cells)
    window.findings.select_finding(finding)
    selected = window.view.selectionModel().selectedIndexes()
    named_rows = set(finding.responsibilities) | {rid for rid, _ in finding.cells}
    rows_selected = {window.model.responsibility_at(index.row()).id for index in selected
                     if window.model.responsibility_at(index.row()) is not None}
    assert named_rows <= rows_selected
    assert finding.message in window.findings.details.toPlainText()
    assert finding.explanation[:40] in window.findings.details.toPlainText()


def test_the_status_bar_counts_the_findings(window: MainWindow) -> None:
    report = window.report
    assert window.counts.text().startswith(f"{report.count(Severity.ERROR)} error")
    assert f"{report.count(Severity.WARNING)} warning" in window.counts.text()


def test_acknowledging_a_finding_greys_it_out_and_both_steps_undo(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    finding = window.report.open_findings[0]
    window.findings.select_finding(finding)
    monkeypatch.setattr(dialogs, "ask_reason", lambda *args: "Known: we split this next quarter.")
    window.findings.acknowledge_button.click()
    team = window.document.team
    assert [a.reason for a in team.acknowledgments] == ["Known: we split this next quarter."]
    assert len(window.report.open_findings) == len(window.report.findings) - 1
    index = window.findings.model.index_of(finding)
    assert "Acknowledged: Known" in index.data()
    assert window.findings.withdraw_button.isEnabled()
    window.findings.withdraw_button.click()
    assert team.acknowledgments == []
    window.undo_action.trigger()
    assert len(team.acknowledgments) == 1
    window.undo_action.trigger()
    assert team.acknowledgments == []


def test_changing_the_profile_re_runs_the_checks_at_once(window: MainWindow, make_window: WindowFactory) -> None:
    startup = make_window(load_template("startup"))
    combined = next(f for f in startup.report.findings if f.rule == "combined-roles")
    assert combined.severity is Severity.INFO
    startup.profile_panel.size_box.setCurrentIndex(1)  # Medium
    assert startup.document.team.profile.size is Size.MEDIUM
    combined = next(f for f in startup.report.findings if f.rule == "combined-roles")
    assert combined.severity is Severity.WARNING
    startup.undo_action.trigger()
    assert startup.profile_panel.size_box.currentText() == "Small"
    assert next(f for f in startup.report.findings if f.rule == "combined-roles").severity is Severity.INFO


def test_the_profile_panel_pushes_one_step_per_change_of_delivery_teams(window: MainWindow) -> None:
    window.profile_panel.teams_box.setValue(3)
    assert window.document.team.profile == Profile(Size.MEDIUM, 3, "")
    assert window.document.undo_stack.count() == 1


# ------------------------------------------------------- suggest, filters
def test_suggest_assignments_fills_empty_cells_as_one_step_and_says_what_it_did(
        make_window: WindowFactory, messages: MessageBoxes) -> None:
    window = make_window(load_template("scrum-team"))
    team = window.document.team
    before = team.filled_count()
    window.edits.suggest_action.trigger()
    text = messages.texts("information")[-1]
    filled = team.filled_count() - before
    assert filled > 0 and text.startswith(f"Filled {filled} cells:")
    assert "skipped because they already had letters" in text
    assert window.document.undo_stack.count() == 1
    assert window.undo_action.text() == "&Undo Suggest assignments"
    window.undo_action.trigger()
    assert team.filled_count() == before


def test_selecting_a_person_in_the_workload_view_filters_the_grid_to_their_rows(window: MainWindow) -> None:
    team = window.document.team
    ben = team.people[1]
    window.workload.select_person(ben.id)
    shown = [window.model.responsibility_at(row) for row in range(window.model.rowCount())]
    assert [r.id for r in shown if r] == [r.id for r in team.responsibilities if team.cell(r.id, ben.id)]
    assert window.person_filter_label.text() == "Rows of Ben Okafor"
    window.workload.clear_button.click()
    shown = [window.model.responsibility_at(row) for row in range(window.model.rowCount())]
    assert len([r for r in shown if r]) == len(team.responsibilities)


def test_the_workload_view_counts_letters_and_marks_flagged_people(window: MainWindow) -> None:
    loads = {load.name: load for load in window.workload.model.loads}
    assert loads["Ben Okafor"].counts == (1, 1, 0, 0)  # one A/R counts as an R and an A
    assert loads["Ana Lima"].counts == (0, 1, 1, 0)
    flagged = {pid for f in window.report.open_findings for pid in f.people}
    assert {load.person_id for load in loads.values() if load.flag} == flagged


def test_the_find_shortcut_focuses_the_filter_box_and_typing_filters_rows(qtbot: QtBot, window: MainWindow) -> None:
    focus_window(qtbot, window)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL)
    assert window.filter_box.hasFocus()
    qtbot.keyClicks(window.filter_box, "backlog")
    titles = [r.title for r in map(window.model.responsibility_at, range(window.model.rowCount())) if r]
    assert titles == ["Order the backlog", "Write user stories"]  # by tag, and by category
    window.show_all_action.trigger()
    assert window.filter_box.text() == ""


# ---------------------------------------------------------------- panels
def test_the_details_pane_shows_what_each_article_says_and_their_disagreement(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(load_template("scrum-team"))
    click_cell(qtbot, window, "prioritise-features", "daniel-okonkwo")
    text = window.details.text()
    assert "Decide what gets built and in what order" in text
    assert "The articles disagree." in text
    assert "Josh Fechter" in text and "gives it to" in text


def test_the_details_pane_says_a_custom_row_has_no_sources(qtbot: QtBot, window: MainWindow) -> None:
    rows, people = ids(window)
    click_cell(qtbot, window, rows[3], people[0])
    assert "A custom responsibility" in window.details.text()


def test_the_help_panel_lists_the_roles_from_the_catalog(window: MainWindow) -> None:
    from raci.catalog import load_catalog

    window.show_help()
    text = window.help_panel.roles.toPlainText()
    for role in load_catalog().roles:
        assert role.name in text


def test_the_title_shows_the_file_name_and_a_modified_mark(qtbot: QtBot, window: MainWindow) -> None:
    assert window.windowTitle().startswith("Untitled[*]")
    rows, people = ids(window)
    click_cell(qtbot, window, rows[3], people[0])
    qtbot.keyClicks(window.view, "r")
    assert window.isWindowModified()


def test_import_and_export_appear_exactly_when_the_formats_exist(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions()]
    present = importlib.util.find_spec("raci.formats") is not None
    assert ("&Export\u2026" in texts) is present and ("&Import\u2026" in texts) is present
