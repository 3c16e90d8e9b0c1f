"""Recovery copies: while a team has unsaved changes, a copy is written every minute.

A session's copy is three files in the recovery folder (by default
``QStandardPaths.AppDataLocation/recovery``): ``<session>.raci.json``, an
ordinary team file; ``<session>.json``, which says where the team was
saved before (if anywhere), when the copy was made and by which process;
and ``<session>.lock``, which the running window holds locked for as long
as its copy exists. A normal save or close removes all three, so a copy
found at the next start was left by a crash, and the window offers it.

Nothing in the folder is trusted. The lock tells a live window's copy from
a dead one's even when the dead one's process id has been reused (where
there is no lock, the process's start time does); the meta file and the
copy are read together, so a damaged meta file no longer hides a good copy
and a meta file without a copy is removed; the copy is loaded before it is
offered; the path the meta file names is used only if it still looks like a
team file's; every value shown is checked for its type and shown escaped.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal

from raci import strict_json
from raci.errors import RaciError, SaveError, TeamFileError, shown
from raci.model import Team
from raci.saving import remove_stale_temporaries, write_atomically
from raci.teamfile import SUFFIX, encode_team, load_team

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: process ids and start times only
    fcntl = None  # type: ignore[assignment]

AUTOSAVE_INTERVAL_MS = 60_000
_META_FORMAT = "raci-recovery"
_META_SUFFIX = ".json"
_LOCK_SUFFIX = ".lock"
_META_MAX_BYTES = 64 * 1024
_FRESH_S = 5.0  # a lock file younger than this may belong to a window that is only now taking its lock


def default_folder() -> Path:
    """Where recovery copies live for this user."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


@dataclass(frozen=True, slots=True)
class RecoveryCopy:
    """A team left behind by a window that did not close normally, read and checked."""

    team_file: Path
    meta_file: Path
    original_path: str | None  # where the team was saved before, if that still looks like a team file
    saved_at: str  # ISO date and time, local
    team_name: str
    team: Team | None = field(default=None, compare=False)
    problem: TeamFileError | None = field(default=None, compare=False)

    def load(self) -> Team:
        """The team as it was at the last autosave; raises TeamFileError if the copy is damaged."""
        if self.team is None:
            raise self.problem or TeamFileError(f"Cannot open {self.team_file.name}: the copy is gone.")
        return self.team

    def describe(self) -> str:
        """``"Checkout (checkout.raci.json), autosaved 2024-05-01 14:03"``."""
        where = shown(Path(self.original_path).name) if self.original_path else "never saved"
        when = self.saved_at.replace("T", " ")[:16]
        return f"{shown(self.team_name)} ({where}), autosaved {when}"


class RecoveryStore:
    """Writes this session's copy and finds the copies earlier sessions left behind."""

    def __init__(self, folder: Path | None = None, session: str | None = None) -> None:
        self.folder = folder if folder is not None else default_folder()
        self.session = session or f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._lock: int | None = None  # the descriptor holding this session's lock, once it has a copy

    @property
    def team_file(self) -> Path:
        return self.folder / f"{self.session}{SUFFIX}"

    @property
    def meta_file(self) -> Path:
        return self.folder / f"{self.session}{_META_SUFFIX}"

    @property
    def lock_file(self) -> Path:
        return self.folder / f"{self.session}{_LOCK_SUFFIX}"

    def write(self, team: Team, original_path: str | None) -> None:
        """Write (or overwrite) this session's copy; raises SaveError if the folder cannot be written."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._hold_lock()
        except OSError as error:
            raise SaveError(f"Cannot write a recovery copy to {shown(str(self.folder), 120)}: "
                            f"{error.strerror or error}; save the team yourself.") from None
        meta = {"format": _META_FORMAT, "original_path": original_path, "pid": os.getpid(),
                "started": process_started(os.getpid()), "saved_at": datetime.now().isoformat(timespec="seconds"),
                "team_name": team.name}
        write_atomically(self.team_file, encode_team(team, self.team_file.name))
        write_atomically(self.meta_file, json.dumps(meta, indent=2).encode("ascii"))

    def _hold_lock(self) -> None:
        if self._lock is None and fcntl is not None:
            descriptor = os.open(self.lock_file, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(descriptor)
                raise
            self._lock = descriptor  # held until remove(), or until the process ends, however it ends

    def remove(self) -> None:
        """Remove this session's copy (after a save, a close, or a new document)."""
        for path in (self.meta_file, self.team_file, self.lock_file):
            path.unlink(missing_ok=True)
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def discard(self, copy: RecoveryCopy) -> None:
        for path in (copy.meta_file, copy.team_file, _lock_of(copy.team_file)):
            path.unlink(missing_ok=True)

    def set_aside(self, copy: RecoveryCopy) -> Path:
        """Rename a copy that cannot be read so it is not offered again (it stays for rescue by hand)."""
        for path in (copy.meta_file, copy.team_file):
            if path.exists():
                path.replace(path.with_name(path.name + ".damaged"))
        _lock_of(copy.team_file).unlink(missing_ok=True)
        return copy.team_file.with_name(copy.team_file.name + ".damaged")

    def pending(self) -> list[RecoveryCopy]:
        """Copies left by sessions that ended without closing normally, newest first.

        Orphans are cleaned on the way: a meta file without its copy, a lock
        nobody holds, temporary files of a write that was killed.
        """
        found = []
        for session, files in _sessions(self.folder).items():
            if session == self.session or _alive(files):
                continue
            copy_file = files.get(SUFFIX, self.folder / f"{session}{SUFFIX}")
            meta_file = files.get(_META_SUFFIX, self.folder / f"{session}{_META_SUFFIX}")
            for target in (copy_file, meta_file):
                remove_stale_temporaries(target)  # a write the crash cut short
            if SUFFIX not in files:
                _remove_orphans(files)
                continue
            found.append(_read_copy(copy_file, meta_file))
        return sorted(found, key=lambda copy: copy.saved_at, reverse=True)


def _lock_of(team_file: Path) -> Path:
    return team_file.with_name(team_file.name[: -len(SUFFIX)] + _LOCK_SUFFIX)


def _sessions(folder: Path) -> dict[str, dict[str, Path]]:
    """The folder's files by session and kind (copy, meta, lock); anything else is left alone."""
    sessions: dict[str, dict[str, Path]] = {}
    try:
        entries = [entry for entry in os.scandir(folder) if not entry.name.startswith(".")]
    except OSError:
        return sessions
    for entry in entries:
        for suffix in (SUFFIX, _LOCK_SUFFIX, _META_SUFFIX):  # the copy's suffix first: it ends in .json too
            if entry.name.endswith(suffix) and len(entry.name) > len(suffix):
                sessions.setdefault(entry.name[: -len(suffix)], {})[suffix] = Path(entry.path)
                break
    return sessions


def _alive(files: dict[str, Path]) -> bool:
    """Whether the session's window still runs: its lock is held, or (without a lock file) its process lives."""
    lock = files.get(_LOCK_SUFFIX)
    if lock is not None and fcntl is not None:
        return _locked(lock)
    meta = _read_meta(files.get(_META_SUFFIX))
    return _process_alive(meta.get("pid"), meta.get("started"), meta.get("saved_at"))


def _locked(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False


def _remove_orphans(files: dict[str, Path]) -> None:
    """A meta file without a copy, or a lock nobody holds, left by a session that is gone."""
    for suffix, path in files.items():
        try:
            if suffix == _LOCK_SUFFIX and time.time() - path.stat().st_mtime < _FRESH_S:
                continue
            path.unlink(missing_ok=True)
        except OSError:
            continue


def _read_copy(copy_file: Path, meta_file: Path) -> RecoveryCopy:
    meta = _read_meta(meta_file)
    team: Team | None = None
    problem: TeamFileError | None = None
    try:
        team = load_team(copy_file)
    except TeamFileError as error:
        problem = error
    name = team.name if team is not None else meta.get("team_name")
    return RecoveryCopy(copy_file, meta_file, _trusted_path(meta.get("original_path")),
                        _saved_at(meta.get("saved_at"), copy_file), name if isinstance(name, str) else "A team",
                        team, problem)


def _read_meta(meta_file: Path | None) -> dict[str, Any]:
    """The meta file's fields, or nothing when it is missing, oversized, not strict JSON or not ours."""
    if meta_file is None:
        return {}
    try:
        with open(meta_file, "rb") as handle:
            data = handle.read(_META_MAX_BYTES + 1)
        meta = strict_json.loads(data.decode("utf-8")) if len(data) <= _META_MAX_BYTES else None
    except (OSError, ValueError, RecursionError):
        return {}
    return meta if isinstance(meta, dict) and meta.get("format") == _META_FORMAT else {}


def _saved_at(value: Any, copy_file: Path) -> str:
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value).isoformat(timespec="seconds")
        except ValueError:
            pass
    try:
        return datetime.fromtimestamp(copy_file.stat().st_mtime).isoformat(timespec="seconds")
    except OSError:
        return ""


def _trusted_path(value: Any) -> str | None:
    """The team's earlier path, if it still looks like a team file's; otherwise the copy comes back untitled.

    A restored team is saved where this points, so a meta file naming some
    other file (a link, a folder, a file that is not a team file) must not
    be believed.
    """
    if not isinstance(value, str) or not value or len(value) > 4096 or not value.isprintable():
        return None
    path = Path(value)
    if not path.is_absolute() or not path.name.lower().endswith(".json"):
        return None
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return value  # saved there once; a save now creates it again
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    try:
        load_team(path)
    except RaciError:
        return None
    return value


def process_started(pid: int) -> float | None:
    """When a process started, in seconds since the epoch (Linux only; ``None`` elsewhere or if it is gone)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        ticks = int(text[text.rindex(")") + 2:].split()[19])  # field 22, counted after the name
        with open("/proc/stat", encoding="ascii") as handle:
            boot = next(float(line.split()[1]) for line in handle if line.startswith("btime "))
        return boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def _process_alive(pid: object, started: object, saved_at: object) -> bool:
    """Whether the process that wrote a copy still runs; a process id taken over by another process is not it."""
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0 or pid == os.getpid():
        return False
    if sys.platform == "win32":
        return False  # os.kill(pid, 0) would end the process on Windows; assume it is gone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    except (OSError, OverflowError):  # OverflowError: a number no process id can be
        return False
    now_started = process_started(pid)
    if now_started is None:
        return True  # no way to tell: keep the copy for its window
    if isinstance(started, (int, float)) and not isinstance(started, bool):
        return abs(now_started - started) < 2.0
    if isinstance(saved_at, str):  # written before start times were recorded
        try:
            return now_started <= datetime.fromisoformat(saved_at).timestamp() + 2.0
        except ValueError:
            return True
    return True


class AutoSaver(QObject):
    """Writes a recovery copy every ``interval_ms`` while the document has unsaved changes.

    ``snapshot`` returns the team and its saved path (or None) at the moment
    of writing. ``changed()`` must be called on every edit and
    ``set_modified()`` when the document becomes modified or clean.
    :attr:`failed` carries the sentence of a copy that could not be written
    (the window shows it in the status bar); the timer keeps going, as the
    folder may come back.
    """

    failed = Signal(str)

    def __init__(self, store: RecoveryStore, snapshot: Callable[[], tuple[Team, str | None]],
                 interval_ms: int = AUTOSAVE_INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._snapshot = snapshot
        self._dirty = False  # edits since the last copy
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.write_now)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def changed(self) -> None:
        self._dirty = True

    def set_modified(self, modified: bool) -> None:
        """Start the timer when changes appear; stop it and drop the copy when they are saved."""
        if modified:
            self._dirty = True
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()
            self._dirty = False
            self.store.remove()

    def write_now(self) -> bool:
        """Write a copy if anything changed since the last one; returns whether one was written."""
        if not self._dirty:
            return False
        team, path = self._snapshot()
        try:
            self.store.write(team, path)
        except SaveError as error:
            self.failed.emit(str(error))
            return False
        self._dirty = False
        return True

    def stop(self) -> None:
        """Stop for good (the window closes) and remove this session's copy."""
        self._timer.stop()
        self.store.remove()
