"""Start the window: ``raci`` opens a new team from the scrum-team template, ``raci FILE`` opens that file.

:func:`run` names the application (QSettings and QStandardPaths use the
name) and shows the window at once; on the first turns of the event loop
it applies the stylesheet and icon, the window builds its contents (see
:mod:`raci.ui.main_window`), and any recovery copy a crash left behind is
offered. Shown this way, the window appears about as fast as an empty
QMainWindow; everything that costs time comes a moment later.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from raci import APP_NAME
from raci.ui.main_window import MainWindow

ORGANISATION = "RACI Builder"
STYLE = "fusion"  # the same frame on every platform, which the stylesheet is written for


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


def polish(app: QApplication) -> None:
    """The stylesheet, the window icon, and the style when the application was started without it."""
    from PySide6.QtGui import QIcon

    from raci.resources import data_file, read_text

    if app.style().name().casefold() != STYLE:
        app.setStyle(STYLE)
    app.setStyleSheet(read_text("resources", "style.qss"))
    app.setWindowIcon(QIcon(str(data_file("resources", "icons", "raci.svg"))))


def build_window(path: str | None) -> MainWindow:
    """The window on ``path``, built once shown; then it offers any recovery copy a crash left.

    A file that cannot be read is reported, and a new team opened instead.
    """
    window = MainWindow(start_file=path, deferred=True)
    window.ready.connect(lambda: window.files.offer_recovery())
    return window


def run(path: str | None) -> int:
    """Show the window and run until it closes; returns the exit code."""
    app = application()
    QTimer.singleShot(0, lambda: polish(app))  # queued before the window's build, so it is styled when built
    window = build_window(path)
    window.show()
    return int(app.exec())
