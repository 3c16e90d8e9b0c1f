"""The main window: the matrix in the centre, the panels beside it, menus, toolbar and status bar.

The window owns one :class:`~raci.ui.document.Document` (team, path, undo
stack) and every widget and action it shows, all created in
:meth:`MainWindow._build`; :mod:`raci.ui.window_layout` only places them,
and :mod:`raci.ui.layout_memory` brings back the layout of the last
session, checked against today's screen. Every edit is an undo command;
the team announces it, the matrix model emits ``teamChanged``, and the
window re-checks once per user action (when the undo stack moves, so
adding 50 rows from the catalog is one check, not 50) and hands the
report to the grid, the findings panel, the status bar and the workload
view. Editing lives in :mod:`raci.ui.edit_actions`, files in
:mod:`raci.ui.file_actions`.

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
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from raci import APP_NAME
from raci.ui import layout_memory
from raci.ui import settings as options
from raci.ui.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from raci.findings import Finding, Report
    from raci.letters import LetterSet
    from raci.model import Responsibility, Team
    from raci.ui.recovery import RecoveryStore


_REST_AT_THE_LATEST_MS = 400


class _AfterFirstPaint(QObject):
    """Calls ``then`` on the next turn of the event loop after ``widget`` is first painted."""

    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from PySide6.QtCore import QEvent  # not at the top: its enums cost the first show a millisecond

        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


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
        self._grid_built = False
        self.built = False
        layout_memory.restore_geometry(self, self.settings)
        if deferred:
            QTimer.singleShot(0, self._build_grid_first)
        else:
            self.ensure_built()

    def ensure_built(self) -> None:
        """Build the contents now if they are not built yet."""
        if not self._grid_built:
            self._build_grid()
        if not self.built:
            self.built = True
            self._build_rest()
            self.ready.emit()

    # ------------------------------------------------------------- building
    def _build_grid_first(self) -> None:
        """The deferred start: the grid and the frame now, the panels' contents once the grid is painted."""
        if self._grid_built:
            return
        self._build_grid()
        self._after_paint = _AfterFirstPaint(self.view.viewport(), self.ensure_built)
        QTimer.singleShot(_REST_AT_THE_LATEST_MS, self.ensure_built)  # a window that never paints (minimised)

    def _build_grid(self) -> None:
        """The grid on its team, the panels' frames in their places, the menus' names and the toolbar's height.

        What comes later (:meth:`_build_rest`) fills the frames without
        moving them, so the grid a person sees first does not jump.
        """
        from PySide6.QtWidgets import QApplication

        from raci.ui import theme
        from raci.ui import window_layout as place
        from raci.ui.document import Document, starting_team
        from raci.ui.matrix_model import MatrixModel
        from raci.ui.matrix_view import MatrixView

        self._grid_built = True
        team, path, start_file, _recovery, _autosave = self._plan
        team, path, self._problem = starting_team(team, path, start_file)
        self.theme = theme.follow_system(QApplication.instance())  # type: ignore[arg-type]
        self.document = Document(team, path, self)
        self.model = MatrixModel(team, self.document.undo_stack, self)
        self.view = MatrixView(self.model, self)
        self.view.setObjectName("matrixView")
        self.setCentralWidget(self.view)
        self.findings_dock = place.dock(self, "Findings", "findingsDock")
        self.details_dock = place.dock(self, "Details", "detailsDock")
        self.profile_dock = place.dock(self, "Team", "profileDock")
        self.workload_dock = place.dock(self, "Workload", "workloadDock")
        self.help_dock = place.dock(self, "Letters", "helpDock")
        self.docks = (self.findings_dock, self.details_dock, self.profile_dock, self.workload_dock, self.help_dock)
        self.menus = place.menus(self.menuBar())
        self.filter_box = place.row_filter_box(self)
        self.person_filter_label = place.person_filter_label(self)
        self.toolbar = self.addToolBar("Main")
        self._toolbar_start, self.person_filter_label_action, _ = place.start_toolbar(
            self.toolbar, [self.person_filter_label, self.filter_box])
        self.person_filter_label_action.setVisible(False)
        self.statusBar()  # its line is there from the start; the legend and counts (no taller) come later
        self._update_title()
        self._restore_layout()

    def _build_rest(self) -> None:
        """The checks, the panels' contents, the actions in the menus and toolbar, and the connections."""
        from raci.findings import Report
        from raci.rules import Checker
        from raci.ui.recovery import AUTOSAVE_INTERVAL_MS, AutoSaver, RecoveryStore

        _team, _path, _start, recovery, autosave_ms = self._plan
        team = self.document.team
        self.checker = Checker(team)
        self.report = Report()
        self._stale = True
        self.autosaver = AutoSaver(recovery or RecoveryStore(), self._recovery_snapshot,
                                   autosave_ms or AUTOSAVE_INTERVAL_MS, self)
        self._build_panels()
        self._build_actions()
        self._build_bars()
        self._connect()
        self.setAcceptDrops(True)
        self.recheck()
        self._show_team_details()
        if self.document.path is not None:
            self.settings.add_recent_file(self.document.path)
        if self._problem:
            problem = self._problem
            QTimer.singleShot(0, lambda: self._tell("Cannot open the team", problem))

    def _build_panels(self) -> None:
        from raci.ui.details_pane import DetailsPane
        from raci.ui.findings_dock import FindingsDock, SeverityCounts
        from raci.ui.help_panel import HelpPanel, LegendStrip
        from raci.ui.profile_panel import ProfilePanel
        from raci.ui.workload import WorkloadView

        self.findings = FindingsDock(self)
        self.details = DetailsPane(self)
        self.profile_panel = ProfilePanel(self)
        self.workload = WorkloadView(self)
        self.help_panel = HelpPanel(self, self.document.team.letter_set)
        for dock, panel in zip(self.docks, (self.findings, self.details, self.profile_panel, self.workload,
                                            self.help_panel), strict=True):
            dock.setWidget(panel)
        self.legend = LegendStrip(self, self.document.team.letter_set)
        self.counts = SeverityCounts(self)
        self.statusBar().addPermanentWidget(self.legend)
        self.statusBar().addPermanentWidget(self.counts)

    def _build_actions(self) -> None:
        from PySide6.QtGui import QKeySequence

        from raci.ui import window_layout as place
        from raci.ui.edit_actions import EditActions
        from raci.ui.file_actions import FileActions

        keys, make = QKeySequence.StandardKey, place.make_action
        self.files = FileActions(self, self.document, self.settings, self.autosaver.store, lambda: self.report,
                                 self.show_status)
        self.edits = EditActions(self, self.document, self.view, self.findings, self.show_status)
        self.undo_action, self.redo_action = place.undo_actions(self, self.document.undo_stack)
        self.quit_action = make(self, "&Quit", self.close, QKeySequence.keyBindings(keys.Quit)
                                + QKeySequence.keyBindings(keys.Close), "Close the window")
        self.find_action = make(self, "&Filter Rows", self.focus_filter, keys.Find,
                                "Filter rows by title, category or tag")
        place.describe_row_filter(self.filter_box)
        self.show_all_action = make(self, "Show &All Rows", self.clear_filters, None,
                                    "Clear the row and person filters")
        self.zoom_in_action = make(self, "Zoom &In", self.view.zoom_in, [QKeySequence("Ctrl+="),
                                   QKeySequence("Ctrl++")], "Larger letters, rows and columns")
        self.zoom_out_action = make(self, "Zoom &Out", self.view.zoom_out, QKeySequence("Ctrl+-"),
                                    "Smaller letters, rows and columns")
        self.zoom_reset_action = make(self, "&Actual Size", lambda: self.view.set_zoom(1.0), QKeySequence("Ctrl+0"),
                                      "The grid at its normal size")
        self.reset_layout_action = make(self, "&Reset Layout", self.reset_layout, None,
                                        "Put the panels back beside the grid, as on a first launch")
        self.help_action = make(self, "&Letters and Roles", self.show_help, keys.HelpContents)
        self.about_action = make(self, f"&About {APP_NAME}", lambda: place.show_about(self))

    def _build_bars(self) -> None:
        from raci.ui import window_layout as place

        place.fill_menus(self)
        edits = self.edits
        place.fill_toolbar(self.toolbar, self._toolbar_start,
                           [[self.files.new_action, self.files.open_action, self.files.save_action],
                            [self.undo_action, self.redo_action],
                            [edits.add_person_action, edits.add_from_catalog_action, edits.suggest_action]],
                           [self.undo_action, self.redo_action])

    def _connect(self) -> None:
        document = self.document
        self.model.teamChanged.connect(self._on_team_changed)
        self.model.letterSetChanged.connect(self._on_letter_set_changed)
        document.undo_stack.indexChanged.connect(self._on_undo_step)
        document.teamReplaced.connect(self._on_team_replaced)
        document.pathChanged.connect(self._update_title)
        document.modifiedChanged.connect(self._on_modified_changed)
        self.autosaver.failed.connect(lambda sentence: self.show_status(sentence, 20_000))
        self.findings.findingSelected.connect(self.show_finding)
        self.findings.acknowledgeRequested.connect(self.edits.acknowledge)
        self.findings.withdrawRequested.connect(self.edits.withdraw)
        self.profile_panel.profileEdited.connect(self.edits.set_profile)
        self.profile_panel.teamEdited.connect(self.edits.set_team_details)
        self.workload.personSelected.connect(self._on_person_filter)
        self.filter_box.textChanged.connect(self.model.set_row_filter)
        self.view.currentResponsibilityChanged.connect(self._show_details)
        self.view.pasteProblems.connect(self.report_paste_problems)
        self.view.selectionModel().currentChanged.connect(lambda *_: self.edits.update_enabled())
        self.edits.teamDetailsRequested.connect(self.show_team_details)
        self.theme.changed.connect(self._on_scheme_changed)
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
        self._show_team_details()

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
        self._show_team_details()

    def _on_scheme_changed(self, dark: bool) -> None:
        """The system went light or dark: the letters, the legend and the details follow."""
        self.model.set_dark(dark)
        self.legend.set_dark(dark)
        self.help_panel.set_dark(dark)
        self.details.show_responsibility(self.details.responsibility, self.document.team)

    def _on_letter_set_changed(self, letters: LetterSet) -> None:
        """The team writes in other letters (switched, or another team): the legends follow."""
        if not hasattr(self, "legend"):
            return  # still building: the legends are made with the team's letters
        self.legend.set_letters(letters)
        self.help_panel.set_letters(letters)

    def _show_team_details(self) -> None:
        team = self.document.team
        self.profile_panel.set_team_details(team.name, team.description)

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
            letters = self.document.team.letter_set.name
            self.show_status(f"Pasted, but left out what is not a {letters} letter: {problems[0]}{more}.", 15_000)

    def show_status(self, text: str, milliseconds: int = 8000) -> None:
        self.statusBar().showMessage(text, milliseconds)

    def show_help(self) -> None:
        self.help_dock.show()
        self.help_dock.raise_()

    def show_team_details(self) -> None:
        """Bring the team panel forward with its name selected, ready to type over."""
        self.profile_dock.show()
        self.profile_dock.raise_()
        self.profile_panel.focus_name()

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
    def _restore_layout(self) -> None:
        """The panels and the grid's zoom and title width as last time, if they suit this screen."""
        from raci.ui import window_layout as place

        if not layout_memory.restore_docks(self, self.settings, self.docks):
            place.arrange_docks(self, self.findings_dock, self.docks[1:])
        self.view.set_zoom(self.settings.get(options.ZOOM))
        saved_title = self.settings.get(options.TITLE_WIDTH)
        if saved_title > 0:
            self.view.titles.set_width(min(saved_title, self.width() // 2))

    def reset_layout(self) -> None:
        """View > Reset Layout: the first launch's size (unless maximised), panels and title column."""
        from raci.ui import window_layout as place

        if not (self.isMaximized() or self.isFullScreen()):
            self.resize(layout_memory.first_size(layout_memory.available_area(self).size()))
        place.arrange_docks(self, self.findings_dock, self.docks[1:])
        self.view.titles.fit_again()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.built:
            event.accept()  # closed before its contents were built: nothing to save
            return
        if not self.files.maybe_save():
            event.ignore()
            return
        layout_memory.save(self, self.settings, self.docks)
        self.settings.set(options.ZOOM, self.view.zoom)
        self.settings.set(options.TITLE_WIDTH, 0 if self.view.titles.fits else self.view.titles.title_width)
        self.settings.sync()
        self.autosaver.stop()
        self.checker.close()
        event.accept()

