"""Files through the window: open, save, save as, new, recent files, drops, unsaved-changes prompts, settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from raci.teamfile import dumps_team, load_team, save_team
from raci.templates import load_template
from raci.ui import app as window_app
from raci.ui import dialogs
from raci.ui import settings as options
from raci.ui.main_window import MainWindow
from raci.ui.settings import Settings

from tests.conftest import make_small_team
from tests.ui.conftest import OFFSCREEN_NOISE, MessageBoxes, WindowFactory

pytestmark = OFFSCREEN_NOISE
StartWindow = Callable[[str | None], MainWindow]
Buttons = QMessageBox.StandardButton


def edit_a_cell(window: MainWindow) -> None:
    team = window.document.team
    window.model.set_cells({(team.responsibilities[3].id, team.people[0].id): "R"})


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), ""))


def answer_open_dialog(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))


# ------------------------------------------------------------ open and save
def test_opening_a_bad_file_shows_the_reason_and_keeps_the_document_exactly_as_it_was(
        tmp_path: Path, window: MainWindow, messages: MessageBoxes, monkeypatch: pytest.MonkeyPatch) -> None:
    edit_a_cell(window)
    before = dumps_team(window.document.team)
    bad = tmp_path / "broken.raci.json"
    bad.write_text('{"format": "raci-team", "version": 1, "name": ', encoding="utf-8")
    answer_open_dialog(monkeypatch, bad)
    window.files.open_action.trigger()
    [shown] = messages.texts("critical")
    assert shown.startswith("Cannot open broken.raci.json: the JSON stops early")
    assert shown.endswith("restore a saved copy.")
    assert dumps_team(window.document.team) == before
    assert window.isWindowModified() and window.document.path is None
    assert window.document.undo_stack.count() == 1


def test_save_as_adds_the_suffix_and_reopening_gives_the_same_team(
        tmp_path: Path, window: MainWindow, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    edit_a_cell(window)
    answer_save_dialog(monkeypatch, tmp_path / "checkout")
    window.files.save_as_action.trigger()
    saved = tmp_path / "checkout.raci.json"
    assert saved.is_file() and not window.isWindowModified()
    assert window.windowTitle().startswith("checkout.raci.json[*]")
    other = make_window(load_template("startup"))
    assert other.files.open_path(saved)
    assert dumps_team(other.document.team) == dumps_team(window.document.team)
    assert other.document.path == saved.resolve()


def test_save_writes_to_the_same_file_without_asking_again(
        tmp_path: Path, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "team.raci.json"
    save_team(make_small_team(), path)
    window = make_window(load_team(path), path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("Save must not ask for a name"))
    edit_a_cell(window)
    window.files.save_action.trigger()
    assert load_team(path).cell(window.document.team.responsibilities[3].id, "ana-lima") == "R"
    assert not window.isWindowModified()


def test_undoing_back_to_the_saved_state_clears_the_modified_mark(window: MainWindow) -> None:
    edit_a_cell(window)
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert not window.isWindowModified()


def test_new_starts_from_the_chosen_template(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[list[str]] = []

    def choose(_parent: object, templates: list, current: str) -> str:
        offered.append([info.id for info in templates])
        return "startup"

    monkeypatch.setattr(dialogs, "ask_template", choose)
    window.files.new_action.trigger()
    assert offered == [["blank", "startup", "scrum-team", "scaled"]]
    assert window.document.team.name == load_template("startup").name
    assert window.document.path is None and not window.isWindowModified()
    assert window.model.columnCount() == len(window.document.team.people) + 1


def test_opened_and_saved_files_appear_in_the_recent_menu(
        tmp_path: Path, window: MainWindow, settings: Settings) -> None:
    path = tmp_path / "recent.raci.json"
    save_team(make_small_team(), path)
    window.files.open_path(path)
    window.files.fill_recent_menu()
    entries = [action.text() for action in window.files.recent_menu.actions()]
    assert entries[0] == "&1 recent.raci.json"
    assert settings.get(options.LAST_FOLDER) == str(tmp_path.resolve())


def test_dropping_a_team_file_on_the_window_opens_it(tmp_path: Path, window: MainWindow) -> None:
    path = tmp_path / "dropped.raci.json"
    save_team(load_template("startup"), path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert window.document.path == path.resolve()
    assert window.document.team.name == load_template("startup").name


# ---------------------------------------------------- unsaved-changes prompt
def test_closing_with_unsaved_changes_and_cancel_keeps_the_window_open(
        window: MainWindow, messages: MessageBoxes) -> None:
    edit_a_cell(window)
    messages.answer = Buttons.Cancel
    assert not window.close()
    assert window.isVisible()
    assert "has unsaved changes" in messages.texts("question")[-1]


def test_closing_with_unsaved_changes_and_discard_closes(window: MainWindow, messages: MessageBoxes) -> None:
    edit_a_cell(window)
    messages.answer = Buttons.Discard
    assert window.close()
    assert not window.isVisible()


def test_closing_and_choosing_save_saves_first(
        tmp_path: Path, window: MainWindow, messages: MessageBoxes, monkeypatch: pytest.MonkeyPatch) -> None:
    edit_a_cell(window)
    messages.answer = Buttons.Save
    answer_save_dialog(monkeypatch, tmp_path / "kept.raci.json")
    assert window.close()
    assert load_team(tmp_path / "kept.raci.json").filled_count() == window.document.team.filled_count()


def test_opening_another_file_with_unsaved_changes_and_cancel_keeps_the_current_team(
        tmp_path: Path, window: MainWindow, messages: MessageBoxes) -> None:
    edit_a_cell(window)
    path = tmp_path / "other.raci.json"
    save_team(load_template("startup"), path)
    messages.answer = Buttons.Cancel
    assert not window.files.open_path(path)
    assert window.document.team.name == "Checkout" and window.isWindowModified()


def test_a_clean_document_closes_without_asking(window: MainWindow, messages: MessageBoxes) -> None:
    assert window.close()
    assert messages.shown == []


# ----------------------------------------------------------------- settings
def test_window_geometry_and_dock_layout_persist_across_windows(
        make_window: WindowFactory, settings: Settings) -> None:
    first = make_window()
    first.resize(720, 660)  # within the offscreen screen, which restoreGeometry keeps windows inside
    first.workload_dock.hide()
    assert first.close()
    assert settings.get(options.WINDOW_RECT).endswith(",720,660")
    second = make_window()
    assert (second.width(), second.height()) == (720, 660)
    assert not second.workload_dock.isVisible()


def test_settings_read_back_their_declared_types_from_an_ini_file(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    first = Settings.from_file(path)
    assert first.get(options.RECENT_FILES) == [] and first.get(options.LAST_FOLDER) == ""
    team_file = tmp_path / "a.raci.json"
    save_team(make_small_team(), team_file)
    first.add_recent_file(team_file)
    first.set(options.DOCK_STATE, QByteArray(b"\x01\x02"))
    first.sync()
    second = Settings.from_file(path)
    assert second.recent_files() == [str(team_file.resolve())]  # one item: an ini file stores it as a string
    assert bytes(second.get(options.DOCK_STATE).data()) == b"\x01\x02"
    with pytest.raises(TypeError):
        second.set(options.LAST_FOLDER, 3)  # type: ignore[arg-type]


def test_recent_files_that_no_longer_exist_are_not_offered(tmp_path: Path) -> None:
    settings = Settings.from_file(tmp_path / "s.ini")
    gone = tmp_path / "gone.raci.json"
    save_team(make_small_team(), gone)
    settings.add_recent_file(gone)
    gone.unlink()
    assert settings.recent_files() == []


# ------------------------------------------------------------- app start-up
@pytest.fixture
def start_window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, settings: Settings, recovery_folder: Path,
                 messages: MessageBoxes) -> StartWindow:
    """app.build_window, on the test's settings and recovery folder; built as the event loop would."""
    from raci.ui.recovery import RecoveryStore

    def isolated(*args: object, **kwargs: object) -> MainWindow:
        return MainWindow(*args, settings=settings, recovery=RecoveryStore(recovery_folder), **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(window_app, "MainWindow", isolated)

    def start(path: str | None) -> MainWindow:
        window = window_app.build_window(path)
        qtbot.addWidget(window)
        assert not window.built  # shown first, built on the next turn of the event loop
        window.show()
        qtbot.waitUntil(lambda: window.built)
        return window

    return start


def test_starting_without_a_file_opens_an_untitled_scrum_team(start_window: StartWindow) -> None:
    window = start_window(None)
    assert window.document.path is None
    assert window.document.team.name == load_template("scrum-team").name


def test_starting_on_a_file_opens_it(tmp_path: Path, start_window: StartWindow, settings: Settings) -> None:
    path = tmp_path / "start.raci.json"
    save_team(make_small_team(), path)
    window = start_window(str(path))
    assert window.document.path == path.resolve()
    assert settings.recent_files() == [str(path.resolve())]


def test_starting_on_a_bad_file_says_why_and_opens_a_new_team(
        tmp_path: Path, qtbot: QtBot, start_window: StartWindow, messages: MessageBoxes) -> None:
    window = start_window(str(tmp_path / "missing.raci.json"))
    qtbot.waitUntil(lambda: bool(messages.texts("critical")))
    assert "there is no such file" in messages.texts("critical")[0]
    assert window.document.path is None


def test_starting_after_a_crash_offers_the_recovery_copy(
        start_window: StartWindow, recovery_folder: Path, messages: MessageBoxes) -> None:
    from tests.ui.test_recovery import crash_left_a_copy

    crash_left_a_copy(recovery_folder, None, session="old")
    messages.answer = QMessageBox.StandardButton.Yes
    window = start_window(None)
    assert "closed without saving Checkout" in messages.texts("question")[0]
    assert window.document.team.name == "Checkout" and window.isWindowModified()


# ---------------------------------------------------------- import / export
def test_export_writes_the_chosen_format_adding_its_suffix(
        tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(tmp_path / "checkout"), "Markdown (*.md)"))
    window.files.export_action.trigger()
    written = tmp_path / "checkout.md"
    assert written.is_file() and "Order the backlog" in written.read_text(encoding="utf-8")
    assert window.statusBar().currentMessage() == "Exported to checkout.md."


def test_the_window_offers_and_writes_the_pdf_its_painter_draws(
        tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []

    def choose_pdf(parent: object, caption: str, start: str, filters: str) -> tuple[str, str]:
        offered.extend(filters.split(";;"))
        return str(tmp_path / "checkout"), "PDF document (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose_pdf)
    window.files.export_action.trigger()
    assert "PDF document (*.pdf)" in offered
    assert (tmp_path / "checkout.pdf").read_bytes().startswith(b"%PDF")


def test_import_opens_the_sheet_as_a_new_untitled_modified_team(
        tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from raci import formats

    sheet = tmp_path / "plan.csv"
    formats.export_team(load_template("startup"), sheet)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(sheet), ""))
    from raci.ui.import_preview import ImportPreview

    monkeypatch.setattr(ImportPreview, "exec", lambda dialog: (dialog.accept(), dialog.result())[1])  # Import
    window.files.import_action.trigger()
    team = window.document.team
    assert [p.name for p in team.people] == [p.name for p in load_template("startup").people]
    assert window.document.path is None and window.isWindowModified()


def test_a_sheet_that_cannot_be_imported_says_why_and_keeps_the_open_team(
        tmp_path: Path, window: MainWindow, messages: MessageBoxes, monkeypatch: pytest.MonkeyPatch) -> None:
    from raci import formats

    sheet = tmp_path / "damaged.xlsx"
    formats.export_team(load_template("startup"), sheet)
    sheet.write_bytes(sheet.read_bytes()[:2000])
    before = dumps_team(window.document.team)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(sheet), ""))
    window.files.import_action.trigger()
    assert messages.texts("critical") == [
        "Cannot import damaged.xlsx: the workbook is damaged or cut short (its zip archive cannot be read); "
        "open it in Excel, save a fresh copy and import that."]
    assert dumps_team(window.document.team) == before and not window.isWindowModified()


def test_a_file_name_with_control_characters_is_shown_escaped_in_the_status_bar(
        tmp_path: Path, window: MainWindow) -> None:
    path = tmp_path / "odd\x1b[31m.raci.json"
    save_team(make_small_team(), path)
    assert window.files.open_path(path)
    assert window.statusBar().currentMessage() == "Opened odd\\x1b[31m.raci.json."
