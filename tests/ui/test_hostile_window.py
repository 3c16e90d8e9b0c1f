"""Hostile files through the window: one sentence in a dialog, a window that is always whole, nothing lost."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from raci.teamfile import dumps_team, load_team, save_team
from raci.templates import DEFAULT_TEMPLATE, load_template
from raci.ui.main_window import MainWindow
from raci.ui.recovery import RecoveryStore
from raci.ui.settings import Settings

from tests.conftest import make_small_team
from tests.ui.conftest import OFFSCREEN_NOISE, MessageBoxes, WindowFactory

pytestmark = OFFSCREEN_NOISE


def huge_version_file(folder: Path) -> Path:
    path = folder / "huge.raci.json"
    path.write_text(dumps_team(make_small_team()).replace('"version": 2', '"version": ' + "9" * 5000),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("deferred", [False, True])
def test_starting_on_a_file_with_a_5000_digit_number_says_why_and_builds_a_whole_window(
        tmp_path: Path, qtbot: QtBot, settings: Settings, messages: MessageBoxes, deferred: bool) -> None:
    window = MainWindow(start_file=huge_version_file(tmp_path), settings=settings,
                        recovery=RecoveryStore(tmp_path / "recovery"), deferred=deferred)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.built and bool(messages.texts("critical")))
    (sentence,) = messages.texts("critical")
    assert sentence.startswith("Cannot open huge.raci.json: at /version,") and sentence.isprintable()
    assert window.document.team.name == load_template(DEFAULT_TEMPLATE).name and window.document.path is None
    assert window.close()  # closing a window whose start file failed raised AttributeError before


def test_save_of_a_team_holding_half_a_surrogate_pair_saves_with_a_visible_replacement(
        tmp_path: Path, make_window: WindowFactory, messages: MessageBoxes) -> None:
    team = make_small_team()
    team.rename("Half \ud800 pair")
    path = tmp_path / "team.raci.json"
    window = make_window(team, path)
    window.document.undo_stack.resetClean()  # unsaved, as after an edit
    window.files.save_action.trigger()
    assert messages.texts("critical") == []
    assert load_team(path).name == "Half \ufffd pair"
    assert not window.isWindowModified()


def test_autosave_of_such_a_team_writes_a_recovery_copy(
        qtbot: QtBot, make_window: WindowFactory, recovery_folder: Path) -> None:
    team = make_small_team()
    team.rename("Half \ud800 pair")
    window = make_window(team)
    window.document.undo_stack.resetClean()
    window.autosaver.set_modified(True)
    with qtbot.assertNotEmitted(window.autosaver.failed):
        assert window.autosaver.write_now()
    assert load_team(window.autosaver.store.team_file).name == "Half \ufffd pair"


def test_save_to_a_named_pipe_shows_the_sentence_and_keeps_the_pipe(
        tmp_path: Path, make_window: WindowFactory, messages: MessageBoxes, monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = tmp_path / "team.raci.json"
    os.mkfifo(pipe)
    window = make_window()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(pipe), ""))
    window.files.save_as_action.trigger()
    (sentence,) = messages.texts("critical")
    assert "it is a named pipe, not a file" in sentence
    assert pipe.is_fifo() and window.document.path is None


def test_save_through_a_link_keeps_the_link(tmp_path: Path, make_window: WindowFactory) -> None:
    real = tmp_path / "real.raci.json"
    save_team(make_small_team(), real)
    link = tmp_path / "link.raci.json"
    link.symlink_to(real)
    window = make_window(make_small_team(), link)
    window.document.team.rename("Saved through the link")
    window.files.save_action.trigger()
    assert link.is_symlink() and load_team(real).name == "Saved through the link"


def test_opening_a_file_with_escape_sequences_shows_them_escaped(
        tmp_path: Path, make_window: WindowFactory, messages: MessageBoxes) -> None:
    document = json.loads(dumps_team(make_small_team()))
    document["cells"]["\x1b[31mred\nfake line"] = {}
    path = tmp_path / "odd.raci.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    window = make_window()
    before = dumps_team(window.document.team)
    assert not window.files.open_path(path)
    (sentence,) = messages.texts("critical")
    assert "\\x1b[31mred\\nfake line" in sentence and sentence.isprintable()
    assert dumps_team(window.document.team) == before


def test_importing_a_sheet_of_18279_columns_shows_one_sentence_and_keeps_the_team(
        tmp_path: Path, make_window: WindowFactory, messages: MessageBoxes, monkeypatch: pytest.MonkeyPatch) -> None:
    sheet = tmp_path / "wide.csv"
    sheet.write_text("Task," + ",".join(["Person"] * 18_279) + "\nPlan," + "A," * 18_279 + "\n", encoding="utf-8")
    window = make_window()
    before = dumps_team(window.document.team)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(sheet), ""))
    window.files.import_action.trigger()
    (sentence,) = messages.texts("critical")
    assert "beyond the 1,024 columns an import reads" in sentence
    assert dumps_team(window.document.team) == before


def test_a_recovery_copy_with_a_5000_digit_number_is_reported_once_not_at_every_start(
        tmp_path: Path, make_window: WindowFactory, recovery_folder: Path, messages: MessageBoxes) -> None:
    from tests.ui.test_recovery import crash_left_a_copy

    store = crash_left_a_copy(recovery_folder, None)
    store.team_file.write_text(huge_version_file(tmp_path).read_text(encoding="utf-8"), encoding="utf-8")
    messages.answer = QMessageBox.StandardButton.Yes
    first = make_window()
    assert not first.files.offer_recovery()
    assert len(messages.texts("critical")) == 1
    second = make_window()
    assert not second.files.offer_recovery()
    assert len(messages.texts("critical")) == 1 and len(messages.texts("question")) == 1
