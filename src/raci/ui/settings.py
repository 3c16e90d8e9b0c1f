"""The window's settings: one QSettings wrapper with declared, typed options and their defaults.

Each option is an :class:`Option` declared once below; reads convert what
QSettings hands back (an ini file returns strings, and a one-item list as a
plain string) into the declared type, so callers never see the difference
between the registry, a plist and an ini file. Tests build a
:class:`Settings` from a temporary ini file with :meth:`Settings.from_file`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

MAX_RECENT_FILES = 8


class Option(Generic[T]):
    """One setting: where it is stored, its type and its value when never set.

    A plain class rather than a dataclass: this module is read before the
    window first shows, and the dataclasses module would cost that moment.
    """

    __slots__ = ("default", "key", "kind")

    def __init__(self, key: str, kind: type, default: T) -> None:
        self.key, self.kind, self.default = key, kind, default

    def __repr__(self) -> str:
        return f"Option({self.key!r}, {self.kind.__name__}, {self.default!r})"


WINDOW_RECT: Option[str] = Option("window/rect", str, "")  # "x,y,width,height" of the window's normal size
MAXIMISED: Option[bool] = Option("window/maximised", bool, False)
DOCK_STATE: Option[QByteArray] = Option("window/dock_state", QByteArray, QByteArray())
PANEL_SIZES: Option[str] = Option("window/panels", str, "")  # each dock area's width or height, by area
LAYOUT_SCREEN: Option[str] = Option("window/screen", str, "")  # "1280x720": the screen the layout was saved on
ZOOM: Option[float] = Option("grid/zoom", float, 1.0)
TITLE_WIDTH: Option[int] = Option("grid/title_width", int, 0)  # 0: the default width
RECENT_FILES: Option[list[str]] = Option("files/recent", list, [])
LAST_FOLDER: Option[str] = Option("files/last_folder", str, "")


class Settings:
    """Typed access to the window's QSettings."""

    def __init__(self, store: QSettings | None = None) -> None:
        # QSettings() with no arguments uses the application's name and
        # organisation, which app.run sets before building the window.
        self._store = store if store is not None else QSettings()

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Settings:
        """Settings kept in an ini file (for tests and portable use)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def get(self, option: Option[T]) -> T:
        """The stored value converted to the option's type, or its default."""
        raw = self._store.value(option.key)
        if raw is None:
            return _copy(option.default)
        try:
            return _convert(raw, option.kind)
        except (TypeError, ValueError):
            return _copy(option.default)  # a hand-edited or foreign value: fall back quietly

    def set(self, option: Option[T], value: T) -> None:
        if not isinstance(value, option.kind):
            raise TypeError(f"The setting {option.key} takes {option.kind.__name__}, not {type(value).__name__}.")
        self._store.setValue(option.key, value)

    def remove(self, option: Option[Any]) -> None:
        """Forget a setting: it reads as its default again."""
        self._store.remove(option.key)

    def sync(self) -> None:
        self._store.sync()

    # --------------------------------------------------------- recent files
    def recent_files(self) -> list[str]:
        """Recently opened or saved team files, newest first, those that still exist."""
        return [path for path in self.get(RECENT_FILES) if Path(path).is_file()]

    def add_recent_file(self, path: str | os.PathLike[str]) -> None:
        """Put a file first in the recent list (and remember its folder for the file dialogs)."""
        text = str(Path(path).resolve())
        recent = [text, *(item for item in self.get(RECENT_FILES) if item != text)]
        self.set(RECENT_FILES, recent[:MAX_RECENT_FILES])
        self.set(LAST_FOLDER, str(Path(text).parent))

    def clear_recent_files(self) -> None:
        self.set(RECENT_FILES, [])


def _convert(raw: Any, kind: type) -> Any:
    if kind is list:
        if isinstance(raw, str):
            return [raw] if raw else []
        return [str(item) for item in raw]
    if kind is QByteArray:
        return raw if isinstance(raw, QByteArray) else QByteArray(bytes(raw))
    if kind is bool and isinstance(raw, str):
        return raw.strip().lower() in ("true", "1", "yes")
    return kind(raw)


def _copy(value: T) -> T:
    return list(value) if isinstance(value, list) else value  # type: ignore[return-value]
