"""The open document: its team, where it is saved, whether it has unsaved changes, and the team to start on.

"Modified" is the undo stack's clean state, so undoing back to the saved
state makes the document clean again. A restored recovery copy has no
saved state at all (:meth:`QUndoStack.resetClean`), so it stays modified
until it is saved. An imported sheet opens as one undo step
(:meth:`Document.replace_undoably`): it is modified until saved, and
undoing it brings back the team that was open, with its file and its own
undo history. Saving goes through :func:`raci.teamfile.save_team`, which
writes atomically.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from raci.errors import RaciError
from raci.model import Team
from raci.teamfile import SUFFIX, load_team, save_team

UNTITLED = "Untitled"


def with_team_suffix(path: str | os.PathLike[str]) -> Path:
    """``plan`` -> ``plan.raci.json``; a name that already ends in ``.raci.json`` is kept."""
    path = Path(path)
    if path.name.endswith(SUFFIX):
        return path
    if path.suffix == ".json":
        path = path.with_suffix("")
    return path.with_name(path.name + SUFFIX)


class Document(QObject):
    """One team being edited in the window."""

    teamReplaced = Signal(object)  # the new Team, after New, Open, Import or Restore
    pathChanged = Signal()
    modifiedChanged = Signal(bool)

    def __init__(self, team: Team, path: str | os.PathLike[str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.team = team
        self.path: Path | None = Path(path) if path is not None else None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(lambda clean: self.modifiedChanged.emit(not clean))

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        """The file name, or "Untitled" for a team never saved."""
        return self.path.name if self.path is not None else UNTITLED

    def replace(self, team: Team, path: str | os.PathLike[str] | None = None, *, modified: bool = False) -> None:
        """Start editing another team (the undo history of the old one is dropped)."""
        was_modified = self.is_modified
        self.undo_stack.clear()  # the old commands hold the old team
        self.team = team
        self.path = Path(path) if path is not None else None
        if modified:
            self.undo_stack.resetClean()
        self.teamReplaced.emit(team)
        self.pathChanged.emit()
        if was_modified != self.is_modified:
            self.modifiedChanged.emit(self.is_modified)

    def replace_undoably(self, team: Team, text: str) -> None:
        """Start editing another team (unsaved, untitled) as one undo step named ``text``: undoing it brings
        back this team, its file and its undo history."""
        self.undo_stack.push(ReplaceTeamCommand(self, team, text))

    def _swap(self, team: Team, path: Path | None) -> None:
        self.team = team
        self.path = path
        self.teamReplaced.emit(team)
        self.pathChanged.emit()

    def open(self, path: str | os.PathLike[str]) -> None:
        """Open a team file; raises TeamFileError and keeps the current team if it cannot be read."""
        team = load_team(path)
        self.replace(team, Path(path).resolve())

    def save(self) -> None:
        """Save to the current path (the caller asks for one first when there is none); raises SaveError."""
        if self.path is None:
            raise ValueError("An untitled team needs a path: use save_as.")
        save_team(self.team, self.path)
        self.undo_stack.setClean()

    def save_as(self, path: str | os.PathLike[str]) -> Path:
        """Save under a new name (``.raci.json`` added when missing); returns the path used."""
        target = with_team_suffix(path).resolve()
        save_team(self.team, target)
        self.path = target
        self.undo_stack.setClean()
        self.pathChanged.emit()
        return target


class ReplaceTeamCommand(QUndoCommand):
    """The document's team replaced by another (an imported sheet); undo puts back the team and its file."""

    def __init__(self, document: Document, team: Team, text: str) -> None:
        super().__init__(text)
        self.document = document
        self.old, self.old_path = document.team, document.path
        self.new = team

    def redo(self) -> None:
        self.document._swap(self.new, None)  # noqa: SLF001 - the document's own command

    def undo(self) -> None:
        self.document._swap(self.old, self.old_path)  # noqa: SLF001


def starting_team(team: Team | None, path: str | os.PathLike[str] | None,
                  start_file: str | os.PathLike[str] | None) -> tuple[Team, str | os.PathLike[str] | None, str]:
    """The team to start on: the one given, the start file, or a new one from the default template.

    Returns the team, its path, and the sentence to show when the start file could not be read.
    """
    from raci.templates import DEFAULT_TEMPLATE, load_template

    if team is not None:
        return team, path, ""
    if start_file is not None:
        try:
            return load_team(start_file), Path(start_file).resolve(), ""
        except RaciError as error:
            return load_template(DEFAULT_TEMPLATE), None, f"{error} A new team is open instead."
    return load_template(DEFAULT_TEMPLATE), None, ""
