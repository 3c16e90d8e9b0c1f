"""The window's file actions: new, open, save, save as, recent files, import, export and recovery.

Every way of leaving the current team (New, Open, a drop, Import, a
restored copy, closing) asks first when it has unsaved changes (Save /
Discard / Cancel). A file that cannot be read is reported with the core's
one sentence, and the current team stays exactly as it was: the new file
is read completely before anything is replaced.
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from raci import APP_NAME
from raci.errors import RaciError, shown
from raci.teamfile import SUFFIX, load_team
from raci.templates import DEFAULT_TEMPLATE, list_templates, load_template
from raci.ui import dialogs
from raci.ui import settings as options
from raci.ui.window_layout import make_action

if TYPE_CHECKING:
    from raci.findings import Report
    from raci.ui.document import Document
    from raci.ui.recovery import RecoveryStore
    from raci.ui.settings import Settings

TEAM_FILTER = f"Team files (*{SUFFIX});;All files (*)"
FORMAT_NAMES = {".xlsx": "Excel workbook", ".csv": "CSV table", ".md": "Markdown", ".pdf": "PDF document"}
STATUS_MS = 8000


class FileActions(QObject):
    """The File menu's actions and what they do to the document.

    ``parent`` is where dialogs and messages appear, ``recovery`` the store
    of autosaved copies, ``report`` gives the checks' latest report (for an
    export) and ``status`` shows a sentence in the status bar.
    """

    def __init__(self, parent: QWidget, document: Document, settings: Settings, recovery: RecoveryStore,
                 report: Callable[[], Report], status: Callable[[str, int], None]) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.document = document
        self.settings = settings
        self.recovery = recovery
        self._report = report
        self._show_status = status
        keys = QKeySequence.StandardKey
        make = functools.partial(make_action, parent)
        self.new_action = make("&New\u2026", self.new_document, keys.New, "Start a new team from a template")
        self.open_action = make("&Open\u2026", self.open_dialog, keys.Open, "Open a team file")
        self.save_action = make("&Save", self.save, keys.Save, "Save the team")
        self.save_as_action = make("Save &As\u2026", self.save_as, keys.SaveAs, "Save the team under a new name")
        self.import_action = make("&Import\u2026", self.import_dialog, None, "Open a spreadsheet as a new team")
        self.export_action = make("&Export\u2026", self.export_dialog, None,
                                  "Write the matrix to a spreadsheet, Markdown or PDF")

    def fill_menu(self, menu: QMenu, quit_action: QAction) -> None:
        menu.addActions([self.new_action, self.open_action])
        self.recent_menu = menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        menu.addSeparator()
        menu.addActions([self.save_action, self.save_as_action])
        menu.addSeparator()
        menu.addActions([self.import_action, self.export_action])
        menu.addSeparator()
        menu.addAction(quit_action)

    def _status(self, text: str) -> None:
        self._show_status(text, STATUS_MS)

    def _last_folder(self) -> str:
        return self.settings.get(options.LAST_FOLDER) or str(Path.home())

    # ------------------------------------------------------- leaving a team
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to go on (saved or discarded)."""
        if not self.document.is_modified:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.parent_widget, "Unsaved changes",
            f"{self.document.display_name} has unsaved changes. Save them first?",
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def new_document(self) -> None:
        if not self.maybe_save():
            return
        template_id = dialogs.ask_template(self.parent_widget, list_templates(), DEFAULT_TEMPLATE)
        if template_id is not None:
            self.document.replace(load_template(template_id))

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, "Open team", self._last_folder(), TEAM_FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str | os.PathLike[str]) -> bool:
        """Open a team file; a bad file is reported and the current team stays exactly as it was."""
        try:
            team = load_team(path)
        except RaciError as error:
            QMessageBox.critical(self.parent_widget, "Cannot open the team", str(error))
            return False
        if not self.maybe_save():
            return False
        self.document.replace(team, Path(path).resolve())
        self.settings.add_recent_file(path)
        self._status(f"Opened {shown(Path(path).name)}.")
        return True

    # ----------------------------------------------------------------- save
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._write(lambda: self.document.save())

    def save_as(self) -> bool:
        start = self.document.path or Path(self._last_folder()) / f"{self.document.team.name}{SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, "Save team as", str(start), TEAM_FILTER)
        return bool(path) and self._write(lambda: self.document.save_as(path))

    def _write(self, save: Callable[[], object]) -> bool:
        try:
            save()
        except RaciError as error:
            QMessageBox.critical(self.parent_widget, "Cannot save the team", str(error))
            return False
        self.recovery.remove()
        if self.document.path is not None:  # set by every save that succeeds
            self.settings.add_recent_file(self.document.path)
        self._status(f"Saved {self.document.display_name}.")
        return True

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {shown(Path(path).name)}")
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, chosen=path: self.open_path(chosen))
        if not recent:
            self.recent_menu.addAction("No recent files").setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("Clear Recent Files", self.settings.clear_recent_files)

    # ------------------------------------------------------ import / export
    def import_dialog(self) -> None:
        formats = importlib.import_module("raci.formats")  # loads the spreadsheet readers only now
        patterns = " ".join(f"*{suffix}" for suffix in formats.IMPORT_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, "Import a sheet", self._last_folder(),
                                              f"Spreadsheets ({patterns});;All files (*)")
        if path:
            self.import_path(path)

    def import_path(self, path: str | os.PathLike[str]) -> bool:
        """Read a sheet, preview its layout for correction, and open the team as one undo step.

        A sheet that cannot be read is reported in one sentence and the
        open team stays exactly as it was; so it does when the preview is
        cancelled. Undo brings back the team that was open.
        """
        from PySide6.QtGui import QGuiApplication

        from raci.formats import check_import_path
        from raci.formats.sheet_import import inspect
        from raci.ui.import_preview import ask_import

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a large sheet takes seconds to read
        try:
            check_import_path(path)
            inspection = inspect(path)
        except RaciError as error:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.critical(self.parent_widget, "Cannot import the sheet", str(error))
            return False
        QGuiApplication.restoreOverrideCursor()
        result = ask_import(self.parent_widget, inspection)
        if result is None or not self.maybe_save():
            return False
        name = Path(path).name
        self.document.replace_undoably(result.team, f"Import {shown(name, 60)}")
        if inspection.own is not None and result.warnings:
            box = QMessageBox(QMessageBox.Icon.Warning, "Imported with warnings",
                              f"{shown(name)} was imported as a new team; some values could not be read and were "
                              "left out. Details below.", QMessageBox.StandardButton.Ok, self.parent_widget)
            box.setDetailedText("\n".join(result.warnings))
            box.exec()
        self._status(shown(result.summary, 300))
        return True

    def export_dialog(self) -> None:
        formats = importlib.import_module("raci.formats")
        suffixes = list(formats.EXPORT_SUFFIXES)
        filters = [f"{FORMAT_NAMES.get(suffix, suffix[1:].upper())} (*{suffix})" for suffix in suffixes]
        stem = self.document.path.name[: -len(SUFFIX)] if self.document.path else self.document.team.name
        start = Path(self._last_folder()) / f"{stem}{suffixes[0]}"
        path, chosen = QFileDialog.getSaveFileName(self.parent_widget, "Export", str(start), ";;".join(filters))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in suffixes:
            suffix = suffixes[filters.index(chosen)] if chosen in filters else suffixes[0]
            target = target.with_name(target.name + suffix)
        try:
            formats.export_team(self.document.team, target, self._report())
        except RaciError as error:
            QMessageBox.critical(self.parent_widget, "Cannot export", str(error))
            return
        self._status(f"Exported to {shown(target.name)}.")

    # ------------------------------------------------------------- recovery
    def offer_recovery(self) -> bool:
        """Offer the copies a crash left behind, newest first; True when one was restored."""
        store = self.recovery
        buttons = QMessageBox.StandardButton
        for copy in store.pending():
            answer = QMessageBox.question(
                self.parent_widget, "Restore unsaved changes?",
                f"{APP_NAME} closed without saving {copy.describe()}. Restore those changes?",
                buttons.Yes | buttons.Discard | buttons.Ignore, buttons.Yes)
            if answer == buttons.Ignore:
                return False  # keep it for the next start
            if answer == buttons.Discard:
                store.discard(copy)
                continue
            try:
                team = copy.load()
            except RaciError as error:
                kept = store.set_aside(copy)
                QMessageBox.critical(self.parent_widget, "Cannot restore", f"{error} The copy was kept as {kept}.")
                continue
            if not self.maybe_save():
                return False
            self.document.replace(team, copy.original_path, modified=True)
            store.discard(copy)
            return True
        return False
