"""The one QApplication the in-process benchmarks share, offscreen and quiet."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

# The offscreen platform says this for every shown top-level window; it means nothing here.
_OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def application() -> QApplication:
    """The running QApplication, made on first use on the offscreen platform unless told otherwise."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    qInstallMessageHandler(_drop_offscreen_noise)
    return QApplication([])


def _drop_offscreen_noise(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message != _OFFSCREEN_NOISE:
        print(message, file=sys.stderr)
