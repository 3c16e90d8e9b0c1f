"""Window test helpers: isolated settings and recovery folders, answered message boxes, a shown window.

Nothing here touches the user's real settings: QStandardPaths runs in test
mode, every window gets an ini file and a recovery folder under tmp_path,
and message boxes are answered by the test instead of waiting for a click.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from raci.model import Team
from raci.ui.main_window import MainWindow
from raci.ui.recovery import RecoveryStore
from raci.ui.settings import Settings

from tests.conftest import make_small_team

QStandardPaths.setTestModeEnabled(True)  # any stray default path lands in a test folder

# The offscreen platform warns whenever a top-level window with a layout (any
# QMainWindow) is shown; the message says nothing about the program. Window
# test modules set ``pytestmark = OFFSCREEN_NOISE``.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@dataclass
class MessageBoxes:
    """Records every message box the window shows and answers questions with ``answer``."""

    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Cancel
    shown: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, title, text)

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for shown_kind, _title, text in self.shown if kind is None or shown_kind == kind]

    def _record(self, kind: str) -> Any:
        def show(_parent: Any, title: str, text: str, *_args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
            self.shown.append((kind, title, text))
            return self.answer if kind == "question" else QMessageBox.StandardButton.Ok
        return show


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    boxes = MessageBoxes()
    for kind in ("question", "critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, boxes._record(kind))
    return boxes


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.from_file(tmp_path / "settings.ini")


@pytest.fixture
def recovery_folder(tmp_path: Path) -> Path:
    return tmp_path / "recovery"


@dataclass
class WindowFactory:
    """Builds shown windows registered with qtbot, on isolated settings and recovery folders."""

    qtbot: QtBot
    settings: Settings
    recovery_folder: Path
    windows: list[MainWindow] = field(default_factory=list)

    def __call__(self, team: Team | None = None, path: Path | None = None, **options: Any) -> MainWindow:
        window = MainWindow(team if team is not None else make_small_team(), path, settings=self.settings,
                            recovery=RecoveryStore(self.recovery_folder), **options)
        self.qtbot.addWidget(window)
        window.show()
        self.qtbot.waitExposed(window)
        self.windows.append(window)
        return window

    def close_all(self) -> None:
        for window in self.windows:
            window.document.undo_stack.setClean()  # closing must not ask about unsaved changes
            window.close()


@pytest.fixture
def make_window(qtbot: QtBot, settings: Settings, recovery_folder: Path,
                messages: MessageBoxes) -> Iterator[WindowFactory]:
    factory = WindowFactory(qtbot, settings, recovery_folder)
    yield factory
    factory.close_all()


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    """A shown window on the small three-person team."""
    return make_window()
