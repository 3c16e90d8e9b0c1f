"""Start the window: ``raci`` opens a new team from the scrum-team template, ``raci FILE`` opens that file.

:func:`run` names the application (QSettings and QStandardPaths use the
name) and shows the window at once; on the first turns of the event loop
it applies the stylesheet, the window builds its contents (see
:mod:`raci.ui.main_window`) and then takes the program's icon, and any
recovery copy a crash left behind is offered. Shown this way, the window appears about as fast as an empty
QMainWindow; everything that costs time comes a moment later.

One program serves a user's screen (see :mod:`raci.ui.handoff`): when the
file manager starts ``raci FILE`` while RACI Builder already runs, the
running program opens the file, in the window of an untouched new team or
in a window of its own, and the new launch exits. macOS hands files to a
running application as QFileOpenEvent instead; they take the same way.

``RACI_EXIT_AFTER_SHOWN=1`` makes the program print ``shown`` when its
window first shows, ``ready`` when the contents are built, and exit: the
bundle's start-up is measured and checked this way (it runs no Python
given from outside).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from raci import APP_NAME
from raci.ui.handoff import Handoff
from raci.ui.main_window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

ORGANISATION = "RACI Builder"
STYLE = "fusion"  # the same frame on every platform, which the stylesheet is written for
EXIT_AFTER_SHOWN = "RACI_EXIT_AFTER_SHOWN"


def application() -> QApplication:
    """The running QApplication (created when there is none), named for the settings."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        # Choosing the style on the command line costs nothing; app.setStyle() costs about 10 ms.
        app = QApplication([*sys.argv[:1], "-style", STYLE])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setDesktopFileName("raci-builder")
    return app


def polish(app: QApplication, *, icon: bool = True) -> None:
    """The stylesheet, the style if the application was started without it, and with ``icon`` the window icon."""
    from raci.resources import read_text

    if app.style().name().casefold() != STYLE:
        app.setStyle(STYLE)
    app.setStyleSheet(read_text("resources", "style.qss"))
    if icon:
        set_window_icon(app)


def set_window_icon(app: QApplication) -> None:
    """The program's icon on its windows."""
    from PySide6.QtGui import QIcon

    from raci.resources import data_file

    app.setWindowIcon(QIcon(str(data_file("resources", "icons", "raci.svg"))))


def build_window(path: str | None, offer_recovery: bool = True) -> MainWindow:
    """The window on ``path``, built once shown; then it offers any recovery copy a crash left.

    A file that cannot be read is reported, and a new team opened instead.
    Only the program's first window offers recovery: a copy the user chose
    to keep waits for the next start, not for the next file handed over.
    """
    window = MainWindow(start_file=path, deferred=True)
    if offer_recovery:
        window.ready.connect(lambda: window.files.offer_recovery())
    return window


class Windows(QObject):
    """The program's open windows, and which one a file handed to the program goes to."""

    def __init__(self, make_window: Callable[[str | None], MainWindow] = build_window,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._make_window = make_window
        self.windows: list[MainWindow] = []

    def open(self, path: str | None) -> MainWindow:
        """Show ``path`` (or a new team) in the window already on it, an untouched new team's, or a new one."""
        if path is not None:
            wanted = Path(path).resolve()
            for window in self.windows:
                window.ensure_built()  # a window just started builds now, rather than a second one opening
            for window in self.windows:
                if window.document.path == wanted:
                    return _bring_forward(window)
            for window in self.windows:
                if window.document.path is None and not window.document.is_modified:
                    window.files.open_path(path)  # reports a bad file and keeps the window as it was
                    return _bring_forward(window)
        elif self.windows:
            return _bring_forward(self.windows[-1])
        window = self._make_window(path)
        window.destroyed.connect(lambda _=None, window=window: self._forget(window))
        self.windows.append(window)
        window.show()
        # After the show: the Qt namespace creates its ~110 enums on first use (some 13 ms).
        from PySide6.QtCore import Qt

        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a closed window leaves the list
        return window

    def _forget(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """macOS's Finder opens a document in a running application with a FileOpen event."""
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QFileOpenEvent

        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
            self.open(event.file())
            return True
        return super().eventFilter(watched, event)


def _bring_forward(window: MainWindow) -> MainWindow:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def run(path: str | None) -> int:
    """Show the window and run until the last one closes; returns the exit code.

    When RACI Builder already runs on this screen, the file goes to it and
    this launch exits at once with 0.
    """
    handoff = Handoff.for_scope()
    first = handoff is None or handoff.claim()
    if not first and handoff is not None and handoff.send(path):
        return 0
    app = application()
    # Queued before the window's build, so it is styled when built; the icon (which loads the SVG
    # icon engine) comes once the window is built, as the grid's first paint does not show it.
    QTimer.singleShot(0, lambda: polish(app, icon=False))
    if os.environ.get(EXIT_AFTER_SHOWN) == "1":
        _exit_after_shown(app)
    windows = Windows(lambda file: build_window(file, offer_recovery=not windows.windows), app)
    if sys.platform == "darwin":
        # Only macOS sends FileOpen. Elsewhere the filter would run Python for every event of the
        # program, and the first event to one of Qt's own private objects (the grid's gesture
        # manager) would make PySide build the Python class of every Qt class it might be (~15 ms).
        app.installEventFilter(windows)
    windows.open(path).ready.connect(lambda: set_window_icon(app))
    if first and handoff is not None:
        # After the first turns of the event loop: the window shows before QtNetwork loads.
        QTimer.singleShot(0, lambda: handoff.listen(windows.open, app))
    try:
        return int(app.exec())
    finally:
        if first and handoff is not None:
            handoff.close()


def _exit_after_shown(app: QApplication) -> None:
    """Print ``shown`` at the first Show event of a main window and ``ready`` once it is built, then quit."""

    from PySide6.QtCore import QEvent

    class Probe(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Show and isinstance(watched, MainWindow):
                app.removeEventFilter(self)
                print("shown", flush=True)
                if watched.built:
                    ready()
                else:
                    watched.ready.connect(ready)
            return False

    def ready() -> None:
        print("ready", flush=True)
        QTimer.singleShot(0, app.quit)

    app.installEventFilter(Probe(app))
