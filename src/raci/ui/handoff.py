"""One running program per user and screen: a second launch hands its file to the first and exits.

The file manager starts ``raci FILE`` for every team file a user opens.
The first launch holds a lock file and listens on a local socket (a Unix
domain socket in the user's runtime folder, a named pipe on Windows);
a later launch finds the lock held, sends the absolute path of its file
(or none) as one JSON line, waits for ``ok`` and exits. When the first
launch does not answer in time, the later one opens its own window, so a
hung or half-started program never swallows a file.

The lock decides who listens, not the socket: two launches at the same
moment cannot both listen, and a socket left behind by a crash is removed
by the next launch that takes the lock (QLockFile sees that its process is
gone).

Windows no one can see (the offscreen and minimal platforms, as in tests
and benchmarks) take no part: each such launch runs on its own.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject

if TYPE_CHECKING:  # QtNetwork loads only when a socket is needed, after the window shows
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

# The scope and the handoff's name are worked out before the window shows, so they use
# what Python and PySide have already loaded (os, zlib); json loads with the first message.

UNSEEN_PLATFORMS = frozenset({"offscreen", "minimal", "minimalegl"})
CONNECT_TIMEOUT_S = 5.0  # covers a first launch still starting: it takes the lock before it listens
RETRY_S = 0.05
ANSWER_TIMEOUT_MS = 5000
LONGEST_MESSAGE = 64 * 1024  # a path, with room to spare; anything longer is not from a launch of this program


def scope(environ: Mapping[str, str] | None = None) -> str | None:
    """What two launches must share to share a window: the user and the screen; None for an unseen platform."""
    environ = os.environ if environ is None else environ
    platform = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if platform in UNSEEN_PLATFORMS:
        return None
    screen = environ.get("WAYLAND_DISPLAY") or environ.get("DISPLAY") or ""
    if hasattr(os, "getuid"):
        user = str(os.getuid())  # the account itself, whatever LOGNAME or USER say
    else:
        import getpass

        user = getpass.getuser()
    return f"{user}@{screen}"


class Handoff:
    """The lock and the socket that let the first launch receive the files of later ones."""

    def __init__(self, name: str, folder: str | os.PathLike[str]) -> None:
        self.name = name
        self.folder = Path(folder)
        self._lock = QLockFile(str(self.folder / f"{name}.lock"))
        self._lock.setStaleLockTime(0)  # held as long as the program runs; only a dead process frees it
        self._server: QLocalServer | None = None

    @classmethod
    def for_scope(cls, environ: Mapping[str, str] | None = None) -> Handoff | None:
        """The handoff of this user's screen, in a private folder; None where launches run on their own."""
        where = scope(environ)
        folder = runtime_folder(environ)
        if where is None or folder is None:
            return None
        # A short name that only has to differ between one user's screens (the folder is the user's own).
        digest = zlib.crc32(where.encode("utf-8", "surrogatepass"))
        return cls(f"raci-builder-{digest:08x}", folder)

    @property
    def server_name(self) -> str:
        """The socket's name: a path in the private runtime folder on Unix, a pipe name on Windows."""
        return self.name if sys.platform == "win32" else str(self.folder / self.name)

    def claim(self) -> bool:
        """True when this launch is the first (it holds the lock from now on), False when another one runs."""
        self.folder.mkdir(parents=True, exist_ok=True)
        return bool(self._lock.tryLock(0))

    def send(self, path: str | os.PathLike[str] | None) -> bool:
        """Hand ``path`` (or no file) to the first launch; True once it has answered that it took it."""
        from PySide6.QtNetwork import QLocalSocket

        message = {"open": os.path.abspath(path) if path is not None else None}
        socket = QLocalSocket()
        deadline = time.monotonic() + CONNECT_TIMEOUT_S
        socket.connectToServer(self.server_name)
        while not socket.waitForConnected(int(RETRY_S * 1000)):
            if time.monotonic() > deadline:
                return False
            time.sleep(RETRY_S)  # the first launch holds the lock but does not listen yet
            socket.connectToServer(self.server_name)
        import json

        socket.write((json.dumps(message) + "\n").encode("ascii"))  # ensure_ascii: any path is ASCII here
        if not socket.waitForBytesWritten(ANSWER_TIMEOUT_MS):
            return False
        answer = b""
        while not answer.endswith(b"\n") and socket.waitForReadyRead(ANSWER_TIMEOUT_MS):
            answer += bytes(socket.readAll().data())
        socket.disconnectFromServer()
        return answer.strip() == b"ok"

    def listen(self, open_file: Callable[[str | None], object], parent: QObject | None = None) -> bool:
        """Take the files later launches send, calling ``open_file(path or None)`` for each.

        Returns False if it cannot listen.
        """
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(parent)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.server_name)  # a socket file left by a crash; we hold the lock
        if not server.listen(self.server_name):
            return False
        server.newConnection.connect(lambda: self._accept(server, open_file))
        self._server = server
        return True

    def close(self) -> None:
        """Stop listening and free the lock (the next launch becomes the first)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _accept(self, server: QLocalServer, open_file: Callable[[str | None], object]) -> None:
        while (socket := server.nextPendingConnection()) is not None:
            _Request(socket, open_file)


class _Request(QObject):
    """One later launch's message, read as it arrives; answered ``ok`` and opened, or dropped."""

    def __init__(self, socket: QLocalSocket, open_file: Callable[[str | None], object]) -> None:
        super().__init__(socket)  # lives as long as the connection
        self.socket = socket
        self.open_file = open_file
        self.received = b""
        socket.readyRead.connect(self.read)
        socket.disconnected.connect(socket.deleteLater)
        if socket.bytesAvailable():
            self.read()

    def read(self) -> None:
        self.received += bytes(self.socket.readAll().data())
        if b"\n" not in self.received and len(self.received) <= LONGEST_MESSAGE:
            return  # more to come
        self.socket.readyRead.disconnect(self.read)
        try:
            path = parse_request(self.received)
        except ValueError:
            self.socket.abort()  # not a launch of this program: open nothing
            return
        self.socket.write(b"ok\n")
        self.socket.flush()
        self.socket.disconnectFromServer()
        self.open_file(path)


def parse_request(message: bytes) -> str | None:
    """The absolute path a launch sent, or None for no file; ValueError for anything else."""
    line = message.split(b"\n", 1)[0]
    if len(line) > LONGEST_MESSAGE:
        raise ValueError("message too long")
    import json

    try:
        request = json.loads(line.decode("ascii"))  # UnicodeDecodeError and JSONDecodeError are ValueErrors
    except RecursionError as error:  # "[[[[..." nested deeper than the parser goes
        raise ValueError("nested too deeply") from error
    if not isinstance(request, dict) or set(request) != {"open"}:
        raise ValueError("not a request to open a file")
    path = request["open"]
    if path is None:
        return None
    if not isinstance(path, str) or "\0" in path or not os.path.isabs(path):
        raise ValueError("not an absolute path")
    return path


def runtime_folder(environ: Mapping[str, str] | None = None) -> Path | None:
    """A folder only this user can enter, for the lock and the socket; None when there is none to be had."""
    environ = os.environ if environ is None else environ
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isdir(runtime):
        return Path(runtime)
    if os.name != "posix" or sys.platform == "darwin":
        return Path(tempfile.gettempdir())  # already the user's own on Windows and macOS
    folder = Path(tempfile.gettempdir()) / f"raci-builder-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None  # someone else's, or open to others: never talk through it
    return folder
