"""Recovery copies: while a team has unsaved changes, a copy is written every minute.

A copy is two files in the recovery folder (by default
``QStandardPaths.AppDataLocation/recovery``): ``<session>.raci.json``, an
ordinary team file, and ``<session>.json``, which says where the team was
saved before (if anywhere), when the copy was made, and by which process.
A normal save or close removes the session's copy, so any copy found at the
next start was left by a crash, and the window offers to restore it.
Copies whose process is still running belong to another open window and
are left alone.
"""

from __future__ import annotations

import json
import os
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from raci.errors import SaveError
from raci.model import Team
from raci.teamfile import SUFFIX, dumps_team, load_team, write_atomically

AUTOSAVE_INTERVAL_MS = 60_000
_META_FORMAT = "raci-recovery"


def default_folder() -> Path:
    """Where recovery copies live for this user."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


@dataclass(frozen=True, slots=True)
class RecoveryCopy:
    """A team left behind by a window that did not close normally."""

    team_file: Path
    meta_file: Path
    original_path: str | None
    saved_at: str  # ISO date and time, local
    team_name: str

    def load(self) -> Team:
        """The team as it was at the last autosave; raises TeamFileError if the copy is damaged."""
        return load_team(self.team_file)

    def describe(self) -> str:
        """``"Checkout (checkout.raci.json), autosaved 2024-05-01 14:03"``."""
        where = Path(self.original_path).name if self.original_path else "never saved"
        when = self.saved_at.replace("T", " ")[:16]
        return f"{self.team_name} ({where}), autosaved {when}"


class RecoveryStore:
    """Writes this session's copy and finds the copies earlier sessions left behind."""

    def __init__(self, folder: Path | None = None, session: str | None = None) -> None:
        self.folder = folder if folder is not None else default_folder()
        self.session = session or f"{os.getpid()}-{uuid.uuid4().hex[:8]}"

    @property
    def team_file(self) -> Path:
        return self.folder / f"{self.session}{SUFFIX}"

    @property
    def meta_file(self) -> Path:
        return self.folder / f"{self.session}.json"

    def write(self, team: Team, original_path: str | None) -> None:
        """Write (or overwrite) this session's copy; raises SaveError if the folder cannot be written."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise SaveError(f"Cannot write a recovery copy to {self.folder}: {error.strerror}; "
                            "save the team yourself.") from None
        meta = {"format": _META_FORMAT, "original_path": original_path, "pid": os.getpid(),
                "saved_at": datetime.now().isoformat(timespec="seconds"), "team_name": team.name}
        write_atomically(self.team_file, dumps_team(team).encode("utf-8"))
        write_atomically(self.meta_file, json.dumps(meta, ensure_ascii=False, indent=2).encode("utf-8"))

    def remove(self) -> None:
        """Remove this session's copy (after a save, a close, or a new document)."""
        for path in (self.meta_file, self.team_file):
            path.unlink(missing_ok=True)

    def discard(self, copy: RecoveryCopy) -> None:
        for path in (copy.meta_file, copy.team_file):
            path.unlink(missing_ok=True)

    def set_aside(self, copy: RecoveryCopy) -> Path:
        """Rename a copy that cannot be read so it is not offered again (it stays for rescue by hand)."""
        for path in (copy.meta_file, copy.team_file):
            if path.exists():
                path.replace(path.with_name(path.name + ".damaged"))
        return copy.team_file.with_name(copy.team_file.name + ".damaged")

    def pending(self) -> list[RecoveryCopy]:
        """Copies left by sessions that ended without closing normally, newest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for meta_file in self.folder.glob("*.json"):
            if meta_file.name.endswith(SUFFIX) or meta_file.stem == self.session:
                continue
            copy = _read_meta(meta_file)
            if copy is not None:
                found.append(copy)
        return sorted(found, key=lambda copy: copy.saved_at, reverse=True)


def _read_meta(meta_file: Path) -> RecoveryCopy | None:
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    team_file = meta_file.with_name(meta_file.stem + SUFFIX)
    if not isinstance(meta, dict) or meta.get("format") != _META_FORMAT or not team_file.is_file():
        return None
    if _process_alive(meta.get("pid")):
        return None  # another window is running and owns this copy
    original = meta.get("original_path")
    return RecoveryCopy(team_file, meta_file, original if isinstance(original, str) else None,
                        str(meta.get("saved_at", "")), str(meta.get("team_name", "Untitled team")))


def _process_alive(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0 or pid == os.getpid():
        return False
    if sys.platform == "win32":
        return False  # os.kill(pid, 0) would end the process on Windows; assume it is gone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    except OSError:
        return False
    return True


class AutoSaver(QObject):
    """Writes a recovery copy every ``interval_ms`` while the document has unsaved changes.

    ``snapshot`` returns the team and its saved path (or None) at the moment
    of writing. ``changed()`` must be called on every edit and
    ``set_modified()`` when the document becomes modified or clean.
    """

    def __init__(self, store: RecoveryStore, snapshot: Callable[[], tuple[Team, str | None]],
                 interval_ms: int = AUTOSAVE_INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._snapshot = snapshot
        self._dirty = False  # edits since the last copy
        self.last_error: str | None = None
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
            self.last_error = str(error)  # keep the timer going: the folder may come back
            return False
        self._dirty = False
        self.last_error = None
        return True

    def stop(self) -> None:
        """Stop for good (the window closes) and remove this session's copy."""
        self._timer.stop()
        self.store.remove()
