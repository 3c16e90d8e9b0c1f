"""Recovery copies: written while there are unsaved changes, offered after a crash, removed on save and close."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from raci.teamfile import dumps_team, load_team
from raci.templates import load_template
from raci.ui.main_window import MainWindow
from raci.ui.recovery import RecoveryStore
from tests.conftest import make_small_team
from tests.ui.conftest import OFFSCREEN_NOISE, MessageBoxes, WindowFactory

pytestmark = OFFSCREEN_NOISE
FAST = 30  # ms: the autosave interval is injected, so tests wait milliseconds, not a minute


def edit_a_cell(window: MainWindow) -> None:
    team = window.document.team
    window.model.set_cells({(team.responsibilities[3].id, team.people[0].id): "C"})


def copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.raci.json")) if folder.is_dir() else []


def test_unsaved_changes_are_copied_to_the_recovery_folder_after_the_interval(
        qtbot: QtBot, make_window: WindowFactory, recovery_folder: Path) -> None:
    window = make_window(autosave_ms=FAST)
    edit_a_cell(window)
    qtbot.waitUntil(lambda: len(copies(recovery_folder)) == 1, timeout=2000)
    assert dumps_team(load_team(copies(recovery_folder)[0])) == dumps_team(window.document.team)


def test_an_unmodified_team_is_never_copied(qtbot: QtBot, make_window: WindowFactory, recovery_folder: Path) -> None:
    window = make_window(autosave_ms=FAST)
    qtbot.wait(FAST * 4)
    assert copies(recovery_folder) == []
    assert not window.autosaver.active


def test_saving_removes_the_copy_and_stops_the_timer(
        tmp_path: Path, qtbot: QtBot, make_window: WindowFactory, recovery_folder: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(autosave_ms=FAST)
    edit_a_cell(window)
    qtbot.waitUntil(lambda: len(copies(recovery_folder)) == 1, timeout=2000)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "saved.raci.json"), ""))
    window.files.save_action.trigger()
    assert copies(recovery_folder) == []
    assert not window.autosaver.active


def test_closing_normally_removes_the_copy(
        qtbot: QtBot, make_window: WindowFactory, recovery_folder: Path, messages: MessageBoxes) -> None:
    window = make_window(autosave_ms=FAST)
    edit_a_cell(window)
    qtbot.waitUntil(lambda: len(copies(recovery_folder)) == 1, timeout=2000)
    messages.answer = QMessageBox.StandardButton.Discard
    assert window.close()
    assert copies(recovery_folder) == []


def crash_left_a_copy(folder: Path, original: str | None) -> RecoveryStore:
    """What a window that died mid-edit leaves behind: a copy from a session that no longer runs."""
    team = make_small_team()
    team.set_cell(team.responsibilities[3].id, "ben-okafor", "R")
    store = RecoveryStore(folder, session="crashed")
    store.write(team, original)
    meta = json.loads(store.meta_file.read_text(encoding="utf-8"))
    meta["pid"] = dead_pid()
    store.meta_file.write_text(json.dumps(meta), encoding="utf-8")
    return store


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_after_a_crash_the_next_window_offers_the_copy_and_restores_it_as_modified(
        make_window: WindowFactory, recovery_folder: Path, messages: MessageBoxes) -> None:
    crash_left_a_copy(recovery_folder, "/teams/checkout.raci.json")
    window = make_window(load_template("scrum-team"))
    messages.answer = QMessageBox.StandardButton.Yes
    assert window.files.offer_recovery()
    assert "closed without saving Checkout (checkout.raci.json)" in messages.texts("question")[0]
    team = window.document.team
    assert team.name == "Checkout" and team.cell(team.responsibilities[3].id, "ben-okafor") == "R"
    assert window.isWindowModified()
    assert window.document.path == Path("/teams/checkout.raci.json")
    assert window.model.columnCount() == 4
    assert [path.stem for path in copies(recovery_folder)] == []


def test_an_untitled_team_is_restored_untitled(
        make_window: WindowFactory, recovery_folder: Path, messages: MessageBoxes) -> None:
    crash_left_a_copy(recovery_folder, None)
    window = make_window(load_template("startup"))
    messages.answer = QMessageBox.StandardButton.Yes
    assert window.files.offer_recovery()
    assert window.document.path is None and window.document.is_modified
    assert window.windowTitle().startswith("Untitled[*]")


def test_discarding_the_offer_deletes_the_copy(
        make_window: WindowFactory, recovery_folder: Path, messages: MessageBoxes) -> None:
    crash_left_a_copy(recovery_folder, None)
    window = make_window(load_template("startup"))
    messages.answer = QMessageBox.StandardButton.Discard
    assert not window.files.offer_recovery()
    assert copies(recovery_folder) == []
    assert window.document.team.name == load_template("startup").name


def test_ignoring_the_offer_keeps_the_copy_for_the_next_start(
        make_window: WindowFactory, recovery_folder: Path, messages: MessageBoxes) -> None:
    crash_left_a_copy(recovery_folder, None)
    window = make_window()
    messages.answer = QMessageBox.StandardButton.Ignore
    assert not window.files.offer_recovery()
    assert len(copies(recovery_folder)) == 1


def test_a_copy_belonging_to_a_running_window_is_not_offered(tmp_path: Path) -> None:
    live = RecoveryStore(tmp_path, session="live")
    live.write(make_small_team(), None)
    meta = json.loads(live.meta_file.read_text(encoding="utf-8"))
    meta["pid"] = os.getppid()  # a process that is certainly running
    live.meta_file.write_text(json.dumps(meta), encoding="utf-8")
    assert RecoveryStore(tmp_path, session="mine").pending() == []


def test_a_damaged_copy_is_reported_and_the_current_team_kept(
        make_window: WindowFactory, recovery_folder: Path, messages: MessageBoxes) -> None:
    store = crash_left_a_copy(recovery_folder, None)
    store.team_file.write_text("{", encoding="utf-8")
    window = make_window()
    messages.answer = QMessageBox.StandardButton.Yes
    assert not window.files.offer_recovery()
    assert "Cannot open" in messages.texts("critical")[0]
    assert window.document.team.name == "Checkout" and not window.isWindowModified()
    assert store.pending() == [] and RecoveryStore(recovery_folder).pending() == []  # not offered again
    assert (recovery_folder / "crashed.raci.json.damaged").is_file()
