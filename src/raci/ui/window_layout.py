"""How the main window is laid out: the panels' default arrangement, menus, toolbar and status bar.

Helpers only: :class:`~raci.ui.main_window.MainWindow` creates and owns
every widget and action, and hands them here to be placed. The default
arrangement puts every panel in one column to the right of the grid (a
first launch at 1280 x 720 leaves the grid about 900 pixels): the
findings on top, and below them one tabbed area for the responsibility's
details, the team, the workload and the letters' legend. Any panel can
be closed, moved or floated; View > Reset Layout brings this back.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QLineEdit, QSizePolicy, QToolBar, QWidget

from raci import APP_NAME, __version__
from raci.ui.layout_memory import side_width

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

    from raci.ui.main_window import MainWindow

RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
FINDINGS_SHARE = 0.5  # of the panels' column's height, above the tabbed panels
_DOCK_FEATURES = (QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                  | QDockWidget.DockWidgetFeature.DockWidgetClosable)


def make_action(parent: QWidget, text: str, slot: Callable[..., Any], shortcut: Any = None, tip: str = "") -> QAction:
    """An action with its shortcut (a key, a standard key or a list of keys) and its status tip."""
    action = QAction(text, parent)
    if isinstance(shortcut, list):
        action.setShortcuts(shortcut)
    elif shortcut is not None:
        action.setShortcut(shortcut)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(slot)
    return action


def dock(window: QMainWindow, title: str, name: str) -> QDockWidget:
    """A closable, movable panel, empty until the window sets its contents (``name`` is how the saved layout finds it).

    :func:`arrange_docks` or a restored layout puts it in the window.
    """
    panel = QDockWidget(title, window)
    panel.setObjectName(name)
    panel.setWidget(QWidget(panel))
    panel.setFeatures(_DOCK_FEATURES)
    return panel


class Menus(NamedTuple):
    """The menu bar's menus, in order; their actions come once the window's actions exist."""

    file: QMenu
    edit: QMenu
    people: QMenu
    responsibilities: QMenu
    checks: QMenu
    view: QMenu
    help: QMenu


def menus(bar: QMenuBar) -> Menus:
    return Menus(*(bar.addMenu(title) for title in ("&File", "&Edit", "&People", "&Responsibilities", "&Checks",
                                                    "&View", "&Help")))


def arrange_docks(window: QMainWindow, top: QDockWidget, tabbed: Sequence[QDockWidget]) -> None:
    """The first launch's arrangement: ``top`` over one tabbed area of the others, right of the grid.

    The panels go straight to their places: stacked one above the other
    even for a moment, their minimum heights would add up past a
    laptop's screen, and a shown window grows to fit them.
    """
    for panel in (top, *tabbed):
        panel.setFloating(False)
    window.addDockWidget(RIGHT, top)
    window.addDockWidget(RIGHT, tabbed[0], Qt.Orientation.Vertical)
    for panel in tabbed[1:]:
        window.tabifyDockWidget(tabbed[0], panel)
    for panel in (top, *tabbed):
        panel.show()
    tabbed[0].raise_()
    window.resizeDocks([top], [side_width(window.width())], Qt.Orientation.Horizontal)
    height = window.height()
    window.resizeDocks([top, tabbed[0]], [round(height * FINDINGS_SHARE), round(height * (1 - FINDINGS_SHARE))],
                       Qt.Orientation.Vertical)


def undo_actions(parent: QWidget, stack: QUndoStack) -> tuple[QAction, QAction]:
    """Undo and Redo: the menu says what they undo; the toolbar says "Undo" and the tooltip the rest."""
    from PySide6.QtGui import QKeySequence

    keys = QKeySequence.StandardKey
    undo, redo = stack.createUndoAction(parent, "&Undo"), stack.createRedoAction(parent, "&Redo")
    undo.setShortcuts(QKeySequence.keyBindings(keys.Undo))
    redo_keys = QKeySequence.keyBindings(keys.Redo)
    if QKeySequence("Ctrl+Y") not in redo_keys:
        redo_keys.append(QKeySequence("Ctrl+Y"))  # what Windows users type, wherever they are
    redo.setShortcuts(redo_keys)
    for action, verb in ((undo, "Undo"), (redo, "Redo")):
        action.setIconText(verb)  # the toolbar's label stays one word, whatever the step is called
        action.changed.connect(functools.partial(_show_step, action, verb))  # the stack renames the action
        _show_step(action, verb)
    return undo, redo


def _show_step(action: QAction, verb: str) -> None:
    """An undo or redo action's tooltip: the full name of the step it would take (its text, "&Undo Set ...")."""
    if not shiboken6.isValid(action):
        return  # an action being destroyed says it changed
    step = action.text().replace("&", "", 1)[len(verb):].strip()
    tip = f"{verb} {step}" if step else f"Nothing to {verb.lower()}"
    if action.toolTip() != tip:  # setting it emits changed again
        action.setToolTip(tip)


def row_filter_box(parent: QWidget) -> QLineEdit:
    """The row filter, as the first paint shows it; :func:`describe_row_filter` adds its tooltip."""
    box = QLineEdit(parent)
    box.setObjectName("rowFilter")
    box.setPlaceholderText("Filter rows: title, category or tag")
    box.setClearButtonEnabled(True)
    return box


def describe_row_filter(box: QLineEdit) -> None:
    """The filter's tooltip, which names its shortcut (QKeySequence's enums cost the first paint a millisecond)."""
    from PySide6.QtGui import QKeySequence

    shortcut = QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText)
    box.setToolTip(f"Show only the rows whose title, category or tag matches ({shortcut})")


def fill_menus(window: MainWindow) -> None:
    """The menus' actions, which the window and its file and edit actions own."""
    menus = window.menus
    window.files.fill_menu(menus.file, window.quit_action)
    menus.edit.addActions([window.undo_action, window.redo_action])
    menus.edit.addSeparator()
    menus.edit.addActions([window.find_action, window.show_all_action])
    menus.edit.addSeparator()
    menus.edit.addActions([window.edits.team_details_action, window.edits.suggest_action])
    window.edits.fill_menus(menus.people, menus.responsibilities, menus.checks)
    menus.view.addActions([window.zoom_in_action, window.zoom_out_action, window.zoom_reset_action])
    menus.view.addSeparator()
    menus.view.addActions([panel.toggleViewAction() for panel in window.docks])
    menus.view.addSeparator()
    menus.view.addAction(window.reset_layout_action)
    menus.help.addActions([window.help_action, window.about_action])


def start_toolbar(toolbar: QToolBar, right: Sequence[QWidget]) -> list[QAction]:
    """``right``'s widgets at the far right; returns the spacer's action (buttons go before it), then theirs."""
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    spacer = QWidget(toolbar)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return [toolbar.addWidget(spacer), *(toolbar.addWidget(widget) for widget in right)]


def fill_toolbar(toolbar: QToolBar, before: QAction, groups: Sequence[Sequence[QAction]],
                 undo: Sequence[QAction]) -> None:
    """Groups of buttons before the spacer, ``undo``'s buttons all of one fixed width."""
    for position, group in enumerate(groups):
        if position:
            toolbar.insertSeparator(before)
        toolbar.insertActions(before, list(group))
    buttons = [toolbar.widgetForAction(action) for action in undo]
    width = max((button.sizeHint().width() for button in buttons if button is not None), default=0)
    for button in buttons:
        if button is not None:
            button.setFixedWidth(width)


def person_filter_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("personFilterLabel")
    return label


def show_about(parent: QWidget) -> None:
    from PySide6.QtWidgets import QMessageBox  # its many enums cost start-up time; About is rare

    QMessageBox.about(parent, f"About {APP_NAME}",
                      f"<b>{APP_NAME}</b> {__version__}<br>Map who does what in a product team: a RACI matrix "
                      "with the product manager and product owner checks drawn from five articles.")
