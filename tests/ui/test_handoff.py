"""A second launch hands its file to the running program, which opens it; the file manager's events too."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from raci.teamfile import save_team
from raci.ui import handoff as handoff_module
from raci.ui.app import Windows
from raci.ui.handoff import Handoff, parse_request, runtime_folder, scope
from raci.ui.main_window import MainWindow
from raci.ui.recovery import RecoveryStore
from raci.ui.settings import Settings

from tests.conftest import make_small_team
from tests.ui.conftest import MessageBoxes

# The offscreen platform cannot raise a window and says so; the same goes for its size hints.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       r"This plugin does not support raise\(\)")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder() -> Iterator[Path]:
    # Not tmp_path: a Unix socket's path must stay under about 100 characters.
    import tempfile

    with tempfile.TemporaryDirectory(prefix="raci-h-") as name:
        yield Path(name)


@pytest.fixture
def windows(qtbot: QtBot, settings: Settings, recovery_folder: Path, messages: MessageBoxes) -> Iterator[Windows]:
    def make(path: str | None) -> MainWindow:
        return MainWindow(start_file=path, settings=settings, recovery=RecoveryStore(recovery_folder))

    opened = Windows(make)
    yield opened
    for window in list(opened.windows):
        if window.built:
            window.document.undo_stack.setClean()  # closing must not ask about unsaved changes
        window.close()
    qtbot.waitUntil(lambda: not opened.windows)


@pytest.fixture
def first(folder: Path, windows: Windows) -> Iterator[Handoff]:
    """The first launch: it holds the lock and listens."""
    running = Handoff("raci-test", folder)
    assert running.claim()
    assert running.listen(windows.open)
    yield running
    running.close()


@pytest.fixture
def team_file(tmp_path: Path) -> Path:
    path = tmp_path / "checkout.raci.json"
    save_team(make_small_team(), path)
    return path


def second_launch(qtbot: QtBot, folder: Path, path: str | Path | None, cwd: Path | None = None) -> bool:
    """Run a later launch's handoff in its own process (it blocks) while this one serves it."""
    argument = None if path is None else str(path)
    code = ("import sys; from raci.ui.handoff import Handoff; "
            f"sys.exit(0 if Handoff('raci-test', {str(folder)!r}).send({argument!r}) else 1)")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=cwd)
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=20_000)
    return process.returncode == 0


def edit(window: MainWindow) -> None:
    """Type a letter into the first letter cell: the team now has unsaved changes."""
    model = window.model
    row, column = next((r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
                       if model.cell_key(r, c) is not None)
    assert model.setData(model.index(row, column), "R")
    assert window.document.is_modified


# ------------------------------------------------------------------ the lock
def test_only_one_launch_holds_the_lock_and_the_next_gets_it_once_freed(folder: Path) -> None:
    one, two = Handoff("raci-test", folder), Handoff("raci-test", folder)
    assert one.claim()
    assert not two.claim()
    one.close()
    assert two.claim()
    two.close()


def test_a_launch_where_no_one_listens_gives_up_and_opens_its_own_window(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handoff_module, "CONNECT_TIMEOUT_S", 0.3)
    assert Handoff("raci-test", folder).send(None) is False


# ----------------------------------------------------------- files handed over
def test_a_second_launch_opens_its_file_in_a_new_window_beside_an_edited_team(
        qtbot: QtBot, folder: Path, first: Handoff, windows: Windows, team_file: Path) -> None:
    edited = windows.open(None)
    edit(edited)

    assert second_launch(qtbot, folder, team_file)
    qtbot.waitUntil(lambda: len(windows.windows) == 2)

    opened = windows.windows[1]
    qtbot.waitUntil(lambda: opened.built)
    assert opened.document.path == team_file.resolve()
    assert opened.isVisible()
    assert edited.document.is_modified and edited.document.path is None  # untouched by the handoff


def test_a_handed_file_takes_the_place_of_an_untouched_new_team(
        qtbot: QtBot, folder: Path, first: Handoff, windows: Windows, team_file: Path) -> None:
    untouched = windows.open(None)
    assert second_launch(qtbot, folder, team_file)
    qtbot.waitUntil(lambda: untouched.document.path == team_file.resolve())
    assert windows.windows == [untouched]


@pytest.mark.parametrize("handed", ["the same file", "no file"])
def test_a_second_launch_with_the_open_file_or_none_brings_the_window_forward_and_opens_nothing_more(
        qtbot: QtBot, folder: Path, first: Handoff, windows: Windows, team_file: Path, handed: str) -> None:
    window = windows.open(str(team_file))
    window.showMinimized()
    assert second_launch(qtbot, folder, str(team_file) if handed == "the same file" else None)
    qtbot.waitUntil(lambda: not window.isMinimized())
    assert windows.windows == [window]


def test_a_relative_path_is_sent_as_the_file_in_the_launchs_own_folder(
        qtbot: QtBot, folder: Path, first: Handoff, windows: Windows, team_file: Path) -> None:
    assert second_launch(qtbot, folder, team_file.name, cwd=team_file.parent)
    qtbot.waitUntil(lambda: len(windows.windows) == 1 and windows.windows[0].built)
    assert windows.windows[0].document.path == team_file.resolve()


def test_a_damaged_file_handed_over_is_reported_and_the_edited_team_stays(
        qtbot: QtBot, folder: Path, first: Handoff, windows: Windows, tmp_path: Path,
        messages: MessageBoxes) -> None:
    edited = windows.open(None)
    edit(edited)
    damaged = tmp_path / "damaged.raci.json"
    damaged.write_text('{"format": "raci-team", "version": 1, "name": "Cut', encoding="utf-8")

    assert second_launch(qtbot, folder, damaged)
    qtbot.waitUntil(lambda: any("damaged.raci.json" in text for text in messages.texts()))
    assert edited.document.is_modified and edited.document.path is None


def test_a_socket_left_by_a_crash_does_not_stop_the_next_first_launch(
        qtbot: QtBot, folder: Path, windows: Windows, team_file: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("named pipes leave no file behind")
    leftover = socket.socket(socket.AF_UNIX)
    leftover.bind(str(folder / "raci-test"))
    leftover.close()  # the file stays, as after a crash

    running = Handoff("raci-test", folder)
    assert running.claim() and running.listen(windows.open)
    try:
        assert second_launch(qtbot, folder, team_file)
        qtbot.waitUntil(lambda: len(windows.windows) == 1)
    finally:
        running.close()


@pytest.mark.parametrize("message", [
    b"not json\n",
    b'{"open": "relative/team.raci.json"}\n',
    b'{"open": 5}\n',
    b'{"open": "/tmp/a", "and": "more"}\n',
    b'["/tmp/a"]\n',
    b'{"open": "/tmp/\\u0000.raci.json"}\n',
    b"[" * 200_000 + b"\n",
    b"x" * (handoff_module.LONGEST_MESSAGE + 10),
    b"\xff\xfe\n",
], ids=["text", "relative", "number", "extra-key", "list", "nul", "deep", "long", "not-ascii"])
def test_a_message_that_is_not_a_launchs_is_dropped_and_opens_nothing(
        qtbot: QtBot, folder: Path, first: Handoff, windows: Windows, message: bytes) -> None:
    if sys.platform == "win32":
        pytest.skip("talks to the Unix socket directly")
    client = socket.socket(socket.AF_UNIX)
    client.connect(first.server_name)
    client.sendall(message)
    client.settimeout(0.05)
    answer = b"pending"

    def closed() -> bool:
        nonlocal answer
        try:
            answer = client.recv(16)
        except TimeoutError:
            return False
        return True

    qtbot.waitUntil(closed, timeout=10_000)
    client.close()
    assert answer == b""  # closed without "ok"
    assert windows.windows == []


@given(st.binary(max_size=300))
def test_any_message_is_a_path_nothing_or_refused(message: bytes) -> None:
    try:
        path = parse_request(message)
    except ValueError:
        return
    assert path is None or os.path.isabs(path)


# ------------------------------------------------------- the file manager's events
def test_a_file_open_event_opens_the_file(qtbot: QtBot, windows: Windows, team_file: Path) -> None:
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(windows)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(team_file)))
    finally:
        app.removeEventFilter(windows)
    assert len(windows.windows) == 1
    assert windows.windows[0].document.path == team_file.resolve()


def test_a_closed_window_leaves_the_list(qtbot: QtBot, windows: Windows, team_file: Path) -> None:
    window = windows.open(str(team_file))
    window.close()
    qtbot.waitUntil(lambda: windows.windows == [])


# ----------------------------------------------------------- who shares a window
def test_launches_share_a_window_per_user_and_screen_and_unseen_ones_never() -> None:
    assert scope({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}) is None
    assert scope({"QT_QPA_PLATFORM": "minimal"}) is None
    assert scope({"DISPLAY": ":0"}) != scope({"DISPLAY": ":1"})
    assert scope({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}) == scope({"WAYLAND_DISPLAY": "wayland-0"})
    assert Handoff.for_scope({"QT_QPA_PLATFORM": "offscreen"}) is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="accounts are numbered on POSIX systems")
def test_the_account_not_the_login_name_decides_who_shares_a_window(tmp_path: Path) -> None:
    same_account = [{"DISPLAY": ":0", "XDG_RUNTIME_DIR": str(tmp_path), "USER": name, "LOGNAME": name}
                    for name in ("ana", "root")]
    assert scope(same_account[0]) == scope(same_account[1]) == f"{os.getuid()}@:0"
    first, second = (Handoff.for_scope(environ) for environ in same_account)
    assert first is not None and second is not None and first.server_name == second.server_name
    other_screen = Handoff.for_scope({**same_account[0], "DISPLAY": ":1"})
    assert other_screen is not None and other_screen.server_name != first.server_name


@pytest.mark.skipif(sys.platform == "win32" or sys.platform == "darwin", reason="the private folder of Linux")
def test_the_socket_lives_only_in_a_folder_no_one_else_can_enter(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    assert runtime_folder({"XDG_RUNTIME_DIR": str(runtime)}) == runtime

    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path))
    private = runtime_folder({})
    assert private is not None and private.stat().st_mode & 0o777 == 0o700
    private.chmod(0o755)
    assert runtime_folder({}) is None  # opened to others: never used


def test_a_file_handed_to_a_window_still_starting_goes_into_it(
        qtbot: QtBot, settings: Settings, recovery_folder: Path, messages: MessageBoxes, team_file: Path) -> None:
    def starting(path: str | None) -> MainWindow:
        return MainWindow(start_file=path, settings=settings, recovery=RecoveryStore(recovery_folder), deferred=True)

    opened = Windows(starting)
    window = opened.open(None)
    assert not window.built
    opened.open(str(team_file))
    assert opened.windows == [window]
    assert window.document.path == team_file.resolve()
    window.close()
    qtbot.waitUntil(lambda: not opened.windows)
