"""How the main window is laid out: docks, actions, menus, toolbar and status bar.

Called once by :meth:`raci.ui.main_window.MainWindow._build`, after the
window is on screen. At 1440 x 900 the docks leave the grid about 60% of
the width and all of the height: profile and workload on the left,
findings above the responsibility details (tabbed with the help) on the
right.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QLineEdit, QMessageBox, QSizePolicy, QWidget

from raci import APP_NAME, __version__
from raci.ui.details_pane import DetailsPane
from raci.ui.findings_dock import FindingsDock, SeverityCounts
from raci.ui.help_panel import HelpPanel, LegendStrip
from raci.ui.profile_panel import ProfilePanel
from raci.ui.workload import WorkloadView

if TYPE_CHECKING:
    from raci.ui.main_window import MainWindow

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
_DOCK_FEATURES = (QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                  | QDockWidget.DockWidgetFeature.DockWidgetClosable)


def make_action(window: QWidget, text: str, slot: Callable[..., Any], shortcut: Any = None, tip: str = "") -> QAction:
    """An action with its shortcut (a key, a standard key or a list of keys) and its status tip."""
    action = QAction(text, window)
    if isinstance(shortcut, list):
        action.setShortcuts(shortcut)
    elif shortcut is not None:
        action.setShortcut(shortcut)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(slot)
    return action


def _dock(window: MainWindow, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)  # saveState/restoreState find docks by name
    dock.setWidget(widget)
    dock.setFeatures(_DOCK_FEATURES)
    window.addDockWidget(area, dock)
    return dock


def build_docks(window: MainWindow) -> None:
    window.profile_panel, window.workload = ProfilePanel(window), WorkloadView(window)
    window.findings, window.details, window.help_panel = FindingsDock(window), DetailsPane(window), HelpPanel(window)
    window.profile_dock = _dock(window, "Product profile", "profileDock", window.profile_panel, LEFT)
    window.workload_dock = _dock(window, "Workload", "workloadDock", window.workload, LEFT)
    window.findings_dock = _dock(window, "Findings", "findingsDock", window.findings, RIGHT)
    window.details_dock = _dock(window, "Responsibility", "detailsDock", window.details, RIGHT)
    window.help_dock = _dock(window, "Letters and roles", "helpDock", window.help_panel, RIGHT)
    window.tabifyDockWidget(window.details_dock, window.help_dock)
    window.details_dock.raise_()
    window.setCorner(Qt.Corner.BottomLeftCorner, LEFT)
    window.setCorner(Qt.Corner.BottomRightCorner, RIGHT)
    window.resizeDocks([window.profile_dock, window.findings_dock], [240, 370], Qt.Orientation.Horizontal)
    window.resizeDocks([window.findings_dock, window.details_dock], [490, 350], Qt.Orientation.Vertical)
    window.resizeDocks([window.profile_dock, window.workload_dock], [150, 700], Qt.Orientation.Vertical)


def build_actions(window: MainWindow) -> None:
    """Undo and redo from the undo stack, and the window's own actions (files and edits have theirs)."""
    keys = QKeySequence.StandardKey
    stack = window.document.undo_stack
    window.undo_action = stack.createUndoAction(window, "&Undo")
    window.undo_action.setShortcuts(QKeySequence.keyBindings(keys.Undo))
    window.redo_action = stack.createRedoAction(window, "&Redo")
    redo_keys = QKeySequence.keyBindings(keys.Redo)
    if QKeySequence("Ctrl+Y") not in redo_keys:
        redo_keys.append(QKeySequence("Ctrl+Y"))  # what Windows users type, wherever they are
    window.redo_action.setShortcuts(redo_keys)
    window.find_action = make_action(window, "&Filter Rows", window.focus_filter, keys.Find,
                                     "Filter rows by title, category or tag")
    window.show_all_action = make_action(window, "Show &All Rows", window.clear_filters, None,
                                         "Clear the row and person filters")
    window.help_action = make_action(window, "&Letters and Roles", window.show_help, keys.HelpContents)
    window.about_action = make_action(window, f"&About {APP_NAME}", lambda: show_about(window))


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    window.files.fill_menu(bar.addMenu("&File"))
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([window.undo_action, window.redo_action])
    edit_menu.addSeparator()
    edit_menu.addActions([window.find_action, window.show_all_action])
    edit_menu.addSeparator()
    edit_menu.addAction(window.edits.suggest_action)
    window.edits.add_menus(bar)
    view_menu = bar.addMenu("&View")
    for dock in (window.findings_dock, window.details_dock, window.profile_dock, window.workload_dock,
                 window.help_dock):
        view_menu.addAction(dock.toggleViewAction())
    help_menu = bar.addMenu("&Help")
    help_menu.addActions([window.help_action, window.about_action])


def build_toolbar(window: MainWindow) -> None:
    """File and edit buttons on the left; the person filter badge and the row filter box on the right."""
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.addActions([window.files.new_action, window.files.open_action, window.files.save_action])
    toolbar.addSeparator()
    toolbar.addActions([window.undo_action, window.redo_action])
    toolbar.addSeparator()
    toolbar.addActions([window.edits.add_person_action, window.edits.add_from_catalog_action,
                        window.edits.suggest_action])
    spacer = QWidget(toolbar)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    window.person_filter_label = QLabel(toolbar)
    window.person_filter_label.setObjectName("personFilterLabel")
    window.person_filter_label_action = toolbar.addWidget(window.person_filter_label)
    window.person_filter_label_action.setVisible(False)
    window.filter_box = QLineEdit(toolbar)
    window.filter_box.setObjectName("rowFilter")
    window.filter_box.setPlaceholderText("Filter rows: title, category or tag")
    window.filter_box.setClearButtonEnabled(True)
    shortcut = window.find_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    window.filter_box.setToolTip(f"Show only the rows whose title, category or tag matches ({shortcut})")
    toolbar.addWidget(window.filter_box)


def build_status_bar(window: MainWindow) -> None:
    """Messages on the left; the letter legend and the finding counts on the right."""
    window.counts = SeverityCounts(window)
    window.statusBar().addPermanentWidget(LegendStrip(window))
    window.statusBar().addPermanentWidget(window.counts)


def show_about(window: QWidget) -> None:
    QMessageBox.about(window, f"About {APP_NAME}",
                      f"<b>{APP_NAME}</b> {__version__}<br>Map who does what in a product team: a RACI matrix "
                      "with the product manager and product owner checks drawn from five articles.")
