"""The main window: the matrix in the centre, the panels around it, menus, toolbar and status bar.

The window owns one :class:`~raci.ui.document.Document` (team, path, undo
stack). Every edit is an undo command; the team announces it, the matrix
model emits ``teamChanged``, and the window re-checks once per user action
(when the undo stack moves, so adding 50 rows from the catalog is one
check, not 50) and hands the report to the grid, the findings panel, the
status bar and the workload view. The docks, menus and toolbar are laid
out in :mod:`raci.ui.window_layout`; editing lives in
:mod:`raci.ui.edit_actions`, files in :mod:`raci.ui.file_actions`.

Start-up: with ``deferred=True`` (what ``raci`` uses) the window shows
itself first and builds its contents on the next turn of the event loop.
Importing the grid, the rules and the team file (which compiles its JSON
schema) and building the panels costs several times what Python, PySide6
and an empty QMainWindow cost together, so those imports happen in
:meth:`MainWindow._build`, not at the top of this module. This module
imports few Qt names for the same reason: importing a class from PySide6
makes it create that class's enums as Python enums, and ``Qt`` alone has
about 110 of them (some 25 ms).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from raci import APP_NAME
from raci.errors import RaciError
from raci.ui import settings as options
from raci.ui.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from raci.findings import Finding, Report
    from raci.model import Responsibility, Team
    from raci.ui.recovery import RecoveryStore

DEFAULT_SIZE = QSize(1440, 900)


class MainWindow(QMainWindow):
    """RACI Builder's window around one team."""

    ready = Signal()  # the contents are built (at once, or just after the first show when deferred)

    def __init__(self, team: Team | None = None, path: str | os.PathLike[str] | None = None, *,
                 start_file: str | os.PathLike[str] | None = None, settings: Settings | None = None,
                 recovery: RecoveryStore | None = None, autosave_ms: int | None = None,
                 deferred: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.settings = settings if settings is not None else Settings()
        self._plan = (team, path, start_file, recovery, autosave_ms)
        self.built = False
        self._restore_geometry()
        if deferred:
            QTimer.singleShot(0, self.ensure_built)
        else:
            self.ensure_built()

    def ensure_built(self) -> None:
        """Build the contents now if they are not built yet."""
        if not self.built:
            self.built = True
            self._build(*self._plan)
            self.ready.emit()

    # ------------------------------------------------------------- building
    def _build(self, team: Team | None, path: str | os.PathLike[str] | None, start_file: str | os.PathLike[str] | None,
               recovery: RecoveryStore | None, autosave_ms: int | None) -> None:
        from raci.findings import Report
        from raci.rules import Checker
        from raci.ui import window_layout
        from raci.ui.document import Document
        from raci.ui.edit_actions import EditActions
        from raci.ui.file_actions import FileActions
        from raci.ui.matrix_model import MatrixModel
        from raci.ui.matrix_view import MatrixView
        from raci.ui.recovery import AUTOSAVE_INTERVAL_MS, AutoSaver, RecoveryStore

        team, path, problem = _starting_team(team, path, start_file)
        self.document = Document(team, path, self)
        self.checker = Checker(team)
        self.report = Report()
        self._stale = True
        self.model = MatrixModel(team, self.document.undo_stack, self)
        self.view = MatrixView(self.model, self)
        self.view.setObjectName("matrixView")
        self.setCentralWidget(self.view)
        self.autosaver = AutoSaver(recovery or RecoveryStore(), self._recovery_snapshot,
                                   autosave_ms or AUTOSAVE_INTERVAL_MS, self)
        window_layout.build_docks(self)
        self.files = FileActions(self)
        self.edits = EditActions(self)
        window_layout.build_actions(self)
        window_layout.build_menus(self)
        window_layout.build_toolbar(self)
        window_layout.build_status_bar(self)
        self._connect()
        self.setAcceptDrops(True)
        self._update_title()
        self.recheck()
        self._restore_docks()
        if path is not None:
            self.settings.add_recent_file(path)
        if problem:
            QTimer.singleShot(0, lambda: self._tell("Cannot open the team", problem))

    def _connect(self) -> None:
        document = self.document
        self.model.teamChanged.connect(self._on_team_changed)
        document.undo_stack.indexChanged.connect(self._on_undo_step)
        document.teamReplaced.connect(self._on_team_replaced)
        document.pathChanged.connect(self._update_title)
        document.modifiedChanged.connect(self._on_modified_changed)
        self.findings.findingSelected.connect(self.show_finding)
        self.findings.acknowledgeRequested.connect(self.edits.acknowledge)
        self.findings.withdrawRequested.connect(self.edits.withdraw)
        self.profile_panel.profileEdited.connect(self.edits.set_profile)
        self.workload.personSelected.connect(self._on_person_filter)
        self.filter_box.textChanged.connect(self.model.set_row_filter)
        self.view.currentResponsibilityChanged.connect(self._show_details)
        self.view.pasteProblems.connect(self.report_paste_problems)
        self.view.selectionModel().currentChanged.connect(lambda *_: self.edits.update_enabled())
        self._recheck_timer = QTimer(self)
        self._recheck_timer.setSingleShot(True)
        self._recheck_timer.setInterval(0)
        self._recheck_timer.timeout.connect(self._recheck_if_stale)

    # ------------------------------------------------------------ re-checks
    def _on_team_changed(self) -> None:
        self._stale = True
        self._recheck_timer.start()  # for changes outside the undo stack; undo steps re-check at once

    def _on_undo_step(self) -> None:
        self.autosaver.changed()
        self._recheck_if_stale()

    def _recheck_if_stale(self) -> None:
        if self._stale:
            self.recheck()

    def recheck(self) -> Report:
        """Run the checks (incrementally) and show the report everywhere."""
        self._stale = False
        team = self.document.team
        self.report = self.checker.report()
        self.model.set_report(self.report)
        self.findings.set_report(self.report)
        self.counts.set_report(self.report)
        self.workload.refresh(team, self.report, self.checker)  # counts from the checker's tallies
        self.profile_panel.set_profile(team.profile)
        current = self.details.responsibility
        if current is not None:
            still = team.responsibility(current.id) if team.has_responsibility(current.id) else None
            self.details.show_responsibility(still, team)
        self.edits.update_enabled()
        return self.report

    def _on_team_replaced(self, team: Team) -> None:
        from raci.rules import Checker

        self.checker.close()
        self.checker = Checker(team)
        self.workload.clear_selection()
        self.model.set_team(team)
        self.details.show_responsibility(None, None)
        self.autosaver.store.remove()
        self.recheck()

    # ------------------------------------------------------------ selection
    def show_finding(self, finding: Finding) -> None:
        """Select and scroll to what a finding names (clearing filters that hide it)."""
        rows = set(finding.responsibilities) | {rid for rid, _ in finding.cells}
        if any(self.model.row_of(rid) < 0 for rid in rows if self.document.team.has_responsibility(rid)):
            self.clear_filters()
        self.view.select_targets(finding.responsibilities, finding.people, finding.cells)

    def _show_details(self, row: Responsibility | None) -> None:
        self.details.show_responsibility(row, self.document.team)
        self.edits.update_enabled()

    def _on_person_filter(self, person_id: str | None) -> None:
        self.model.set_person_filter(person_id)
        team = self.document.team
        if person_id is not None and team.has_person(person_id):
            self.person_filter_label.setText(f"Rows of {team.person(person_id).name}")
        self.person_filter_label_action.setVisible(person_id is not None)

    def focus_filter(self) -> None:
        from PySide6.QtCore import Qt

        self.filter_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_box.selectAll()

    def clear_filters(self) -> None:
        self.filter_box.clear()
        self.workload.clear_selection()

    def report_paste_problems(self, problems: list[str]) -> None:
        """Tell the person which pasted values were left out."""
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            self.statusBar().showMessage(f"Pasted, but left out what is not a RACI letter: {problems[0]}{more}.",
                                         15_000)

    def show_help(self) -> None:
        self.help_dock.show()
        self.help_dock.raise_()

    def _tell(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self, title, text)

    # ---------------------------------------------------------------- files
    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.document.display_name}[*] \u2014 {APP_NAME}")
        self.setWindowModified(self.document.is_modified)

    def _on_modified_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)
        self.autosaver.set_modified(modified)

    def _recovery_snapshot(self) -> tuple[Team, str | None]:
        path = self.document.path
        return self.document.team, str(path) if path is not None else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.open_path(paths[0])

    # --------------------------------------------------------- layout, close
    def _restore_geometry(self) -> None:
        geometry = self.settings.get(options.GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            screen = QApplication.primaryScreen()
            available = screen.availableSize() if screen is not None else DEFAULT_SIZE
            self.resize(min(DEFAULT_SIZE.width(), available.width()), min(DEFAULT_SIZE.height(), available.height()))

    def _restore_docks(self) -> None:
        state = self.settings.get(options.DOCK_STATE)
        if not state.isEmpty():
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.built:
            event.accept()  # closed before its contents were built: nothing to save
            return
        if not self.files.maybe_save():
            event.ignore()
            return
        self.settings.set(options.GEOMETRY, self.saveGeometry())
        self.settings.set(options.DOCK_STATE, self.saveState())
        self.settings.sync()
        self.autosaver.stop()
        self.checker.close()
        event.accept()


def _starting_team(team: Team | None, path: str | os.PathLike[str] | None,
                   start_file: str | os.PathLike[str] | None) -> tuple[Team, str | os.PathLike[str] | None, str]:
    """The team to start on: the one given, the start file, or a new one from the default template.

    Returns the team, its path, and the sentence to show when the start file could not be read.
    """
    from pathlib import Path

    from raci.teamfile import load_team
    from raci.templates import DEFAULT_TEMPLATE, load_template

    if team is not None:
        return team, path, ""
    if start_file is not None:
        try:
            return load_team(start_file), Path(start_file).resolve(), ""
        except RaciError as error:
            return load_template(DEFAULT_TEMPLATE), None, f"{error} A new team is open instead."
    return load_template(DEFAULT_TEMPLATE), None, ""
