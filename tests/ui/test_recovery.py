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


def test_a_copy_that_cannot_be_written_is_told_in_the_status_bar_and_written_once_it_can(
        qtbot: QtBot, make_window: WindowFactory, recovery_folder: Path) -> None:
    recovery_folder.write_text("a file where the folder should be", encoding="utf-8")
    window = make_window(autosave_ms=FAST)
    with qtbot.waitSignal(window.autosaver.failed, timeout=2000) as failure:
        edit_a_cell(window)
    (sentence,) = failure.args
    assert sentence.startswith(f"Cannot write a recovery copy to {recovery_folder}: ")
    assert sentence.endswith("; save the team yourself.")
    assert window.statusBar().currentMessage() == sentence
    assert window.autosaver.active  # it keeps trying
    recovery_folder.unlink()
    qtbot.waitUntil(lambda: len(copies(recovery_folder)) == 1, timeout=2000)


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


def crash_left_a_copy(folder: Path, original: str | None, session: str = "crashed",
                      **meta_changes: object) -> RecoveryStore:
    """What a window that died mid-edit leaves behind: a copy, its meta file and a lock nobody holds."""
    team = make_small_team()
    team.set_cell(team.responsibilities[3].id, "ben-okafor", "R")
    store = RecoveryStore(folder, session=session)
    folder.mkdir(parents=True, exist_ok=True)
    store.team_file.write_text(dumps_team(team), encoding="utf-8")
    meta = {"format": "raci-recovery", "original_path": original, "pid": dead_pid(),
            "saved_at": "2024-05-01T14:03:00", "team_name": team.name, **meta_changes}
    store.meta_file.write_text(json.dumps(meta), encoding="utf-8")
    (folder / f"{session}.lock").write_bytes(b"")
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


# ------------------------------------------------------- nothing in the folder is trusted
def test_a_garbage_meta_file_no_longer_hides_a_good_copy(recovery_folder: Path) -> None:
    store = crash_left_a_copy(recovery_folder, "/teams/checkout.raci.json")
    store.meta_file.write_bytes(b"\x00garbage{")
    (copy,) = RecoveryStore(recovery_folder, session="mine").pending()
    assert copy.team_name == "Checkout" and copy.original_path is None
    assert copy.load().cell(copy.load().responsibilities[3].id, "ben-okafor") == "R"
    assert copy.describe().startswith("Checkout (never saved), autosaved ")


def test_a_meta_file_without_its_copy_is_removed(recovery_folder: Path) -> None:
    store = crash_left_a_copy(recovery_folder, None)
    store.team_file.unlink()
    os.utime(recovery_folder / "crashed.lock", (0, 0))  # an old lock nobody holds
    assert RecoveryStore(recovery_folder, session="mine").pending() == []
    assert sorted(recovery_folder.iterdir()) == []


def test_a_copy_without_a_meta_file_is_still_offered(recovery_folder: Path) -> None:
    store = crash_left_a_copy(recovery_folder, None)
    store.meta_file.unlink()
    (copy,) = RecoveryStore(recovery_folder, session="mine").pending()
    assert copy.team_name == "Checkout" and copy.saved_at


def test_a_running_unrelated_process_with_the_recorded_pid_does_not_hide_the_copy(recovery_folder: Path) -> None:
    crash_left_a_copy(recovery_folder, None, pid=os.getppid())  # alive, but not the window: its lock is free
    assert len(RecoveryStore(recovery_folder, session="mine").pending()) == 1


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="process start times come from /proc")
def test_without_a_lock_a_reused_pid_is_told_apart_by_its_start_time(recovery_folder: Path) -> None:
    store = crash_left_a_copy(recovery_folder, None, pid=os.getppid(), started=12.0)
    (recovery_folder / "crashed.lock").unlink()  # as an older version left it: no lock at all
    assert len(RecoveryStore(recovery_folder, session="mine").pending()) == 1
    meta = json.loads(store.meta_file.read_text(encoding="utf-8"))
    del meta["started"]  # an older version's meta: the copy was saved before that process started
    store.meta_file.write_text(json.dumps({**meta, "saved_at": "2000-01-01T00:00:00"}), encoding="utf-8")
    assert len(RecoveryStore(recovery_folder, session="mine").pending()) == 1


def test_a_copy_whose_window_still_holds_its_lock_is_not_offered(tmp_path: Path) -> None:
    live = RecoveryStore(tmp_path, session="live")
    live.write(make_small_team(), None)
    meta = json.loads(live.meta_file.read_text(encoding="utf-8"))
    meta["pid"] = dead_pid()  # even when the meta file says otherwise
    live.meta_file.write_text(json.dumps(meta), encoding="utf-8")
    assert RecoveryStore(tmp_path, session="mine").pending() == []
    live.remove()
    assert sorted(tmp_path.iterdir()) == []


@pytest.mark.parametrize("original", ["relative/team.raci.json", "/etc/passwd", "/tmp", "/x/\x1b[2Jteam.raci.json",
                                      42, ["a"]])
def test_an_original_path_that_is_not_a_team_files_is_not_used(recovery_folder: Path, original: object) -> None:
    crash_left_a_copy(recovery_folder, original)  # type: ignore[arg-type]
    (copy,) = RecoveryStore(recovery_folder, session="mine").pending()
    assert copy.original_path is None


def test_an_original_path_to_a_file_that_is_not_a_team_file_or_is_a_link_is_not_used(
        tmp_path: Path, recovery_folder: Path) -> None:
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / "link.raci.json").symlink_to(tmp_path / "notes.json")
    for original in (tmp_path / "notes.json", tmp_path / "link.raci.json"):
        crash_left_a_copy(recovery_folder, str(original))
        (copy,) = RecoveryStore(recovery_folder, session="mine").pending()
        assert copy.original_path is None, original


def test_an_original_path_to_a_team_file_is_kept(tmp_path: Path, recovery_folder: Path) -> None:
    saved = tmp_path / "checkout.raci.json"
    saved.write_text(dumps_team(make_small_team()), encoding="utf-8")
    crash_left_a_copy(recovery_folder, str(saved))
    (copy,) = RecoveryStore(recovery_folder, session="mine").pending()
    assert copy.original_path == str(saved)


@pytest.mark.parametrize("pid", [2**31, 2**64, -1, 0, True, "12", 1.5])
def test_a_process_id_no_process_can_have_does_not_stop_the_search(recovery_folder: Path, pid: object) -> None:
    store = crash_left_a_copy(recovery_folder, None, pid=pid)
    (recovery_folder / "crashed.lock").unlink()  # no lock: only the process id is left to judge by
    assert [copy.team_file for copy in RecoveryStore(recovery_folder, session="mine").pending()] == [store.team_file]


def test_wrong_types_in_the_meta_file_are_never_shown_as_written(recovery_folder: Path) -> None:
    crash_left_a_copy(recovery_folder, None, team_name=None, saved_at=12345, pid="x")
    (copy,) = RecoveryStore(recovery_folder, session="mine").pending()
    text = copy.describe()
    assert "None" not in text and "12345" not in text
    assert text.startswith("Checkout (never saved), autosaved 20")


def test_a_copy_that_cannot_be_read_is_reported_once_in_one_sentence_and_set_aside(
        make_window: WindowFactory, recovery_folder: Path, messages: MessageBoxes) -> None:
    store = crash_left_a_copy(recovery_folder, None)
    store.team_file.write_text(store.team_file.read_text(encoding="utf-8").replace('"version": 2',
                                                                                  '"version": ' + "9" * 5000))
    window = make_window()
    messages.answer = QMessageBox.StandardButton.Yes
    assert not window.files.offer_recovery()
    (sentence,) = messages.texts("critical")
    assert "at /version" in sentence and sentence.isprintable()
    assert RecoveryStore(recovery_folder, session="next").pending() == []


def test_a_dead_sessions_temporary_files_are_cleaned(recovery_folder: Path) -> None:
    from raci.saving import temporary_name

    store = crash_left_a_copy(recovery_folder, None)
    leftover = recovery_folder / temporary_name(store.team_file.name)
    leftover.write_bytes(b"half a copy")
    os.utime(leftover, (0, 0))
    RecoveryStore(recovery_folder, session="mine").pending()
    assert not leftover.exists()


def test_an_oversized_meta_file_is_ignored_and_the_copy_offered(recovery_folder: Path) -> None:
    store = crash_left_a_copy(recovery_folder, "/teams/checkout.raci.json")
    store.meta_file.write_text(json.dumps({"format": "raci-recovery", "pad": "x" * 100_000}), encoding="utf-8")
    (copy,) = RecoveryStore(recovery_folder, session="mine").pending()
    assert copy.original_path is None


def test_a_team_with_half_a_surrogate_pair_still_gets_a_recovery_copy(tmp_path: Path) -> None:
    team = make_small_team()
    team.rename("Half \ud800 pair")
    store = RecoveryStore(tmp_path, session="mine")
    store.write(team, None)
    assert load_team(store.team_file).name == "Half \ufffd pair"
    store.remove()
