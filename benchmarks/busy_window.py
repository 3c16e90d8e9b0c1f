"""The whole window on a big, busy team: 1000 responsibilities x 100 people, every cell filled.

The window is the one ``raci`` shows (grid, findings, workload, details,
status bar), built once per process at 1440 x 900 on the offscreen
platform and kept for every case: building it checks the team and lists
its 3,234 findings, which is not what these cases measure. Each case times
one user action from the key, paste, drag or undo to the end of the
repaint it causes, so the re-check, the grid's markers, the findings panel
and the workload panel are all in the figure.

Each case's setup puts the window back in the state its action starts
from, untimed (for a paste: the last paste undone; for its undo: a paste
done), so every run does the same work.
"""

from __future__ import annotations

import atexit
import os
import tempfile
from dataclasses import dataclass
from itertools import count
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QItemSelectionModel, QPoint, QSize, QStandardPaths, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from raci.clipboard import format_tsv
from raci.ui.main_window import MainWindow
from raci.ui.recovery import RecoveryStore
from raci.ui.settings import Settings

from benchmarks.common import Case, make_team
from benchmarks.qt import application

ROWS, PEOPLE = 1000, 100
PASTE_ROWS, PASTE_PEOPLE = 500, 60
SIZE = QSize(1440, 900)
_FOLDER = Path(tempfile.mkdtemp(prefix="raci-bench-window-"))
_NEVER_MS = 24 * 3600 * 1000  # no autosave in the middle of a measurement


@dataclass
class _Shared:
    window: MainWindow | None = None


_SHARED = _Shared()
_PLACES = count()
_DRAGS = count()


def busy_window() -> MainWindow:
    """The shown window on the full 1000 x 100 team, made on first use."""
    if _SHARED.window is None:
        application()
        QStandardPaths.setTestModeEnabled(True)
        window = MainWindow(make_team(ROWS, PEOPLE, 1.0), settings=Settings.from_file(_FOLDER / "settings.ini"),
                            recovery=RecoveryStore(_FOLDER / "recovery"), autosave_ms=_NEVER_MS)
        window.resize(SIZE)
        window.show()
        QTest.qWaitForWindowExposed(window)
        _SHARED.window = window
        atexit.register(_close, window)
    _settle(_SHARED.window)
    return _SHARED.window


def _close(window: MainWindow) -> None:
    """Close the window before the interpreter tears Qt down (it has nothing to save)."""
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def _settle(window: MainWindow) -> None:
    """Let pending layouts and paints happen before the clock starts."""
    for _ in range(3):
        QApplication.processEvents()


def _undo_while(window: MainWindow, prefix: str) -> None:
    """Undo the last step while its menu text starts with ``prefix`` (untimed setup)."""
    stack = window.document.undo_stack
    while stack.canUndo() and stack.undoText().startswith(prefix):
        stack.undo()


# ------------------------------------------------------------------ typing
def _typing_setup() -> tuple[MainWindow, int, int]:
    """The current cell moved to a cell that does not hold C yet, somewhere new each run."""
    window = busy_window()
    model, team = window.model, window.document.team
    while True:
        place = next(_PLACES)
        row, person = team.responsibilities[(place * 37) % ROWS], team.people[(place * 11) % PEOPLE]
        if team.cell(row.id, person.id) != "C":
            break
    index = model.index_for(row.id, person.id)
    window.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    window.view.scrollTo(index)
    window.view.setFocus()
    _settle(window)
    return window, index.row(), index.column()


def _type_letter(state: tuple[MainWindow, int, int]) -> None:
    window, row, column = state
    QTest.keyClick(window.view, Qt.Key.Key_C)
    QApplication.processEvents()  # the repaints: the cell, its markers, the findings and workload panels
    assert window.model.index(row, column).data() == "C"


# ------------------------------------------------------------------- paste
def _block() -> str:
    letters = ["R", "A", "C", "I", "A/R"]
    return format_tsv([[letters[(i + 2 * j) % len(letters)] for j in range(PASTE_PEOPLE)]
                       for i in range(PASTE_ROWS)])


def _paste_setup() -> MainWindow:
    window = busy_window()
    _undo_while(window, "Paste")
    QApplication.clipboard().setText(_block())
    first = window.model.index_for(window.document.team.responsibilities[0].id, window.document.team.people[0].id)
    window.view.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    _settle(window)
    return window


def _paste(window: MainWindow) -> None:
    window.view.paste()
    QApplication.processEvents()
    assert window.document.undo_stack.undoText().startswith("Paste")


def _paste_undo_setup() -> MainWindow:
    window = _paste_setup()
    _paste(window)
    _settle(window)
    return window


def _undo(window: MainWindow) -> None:
    window.document.undo_stack.undo()
    QApplication.processEvents()


# -------------------------------------------------------------- header drag
def _drag_setup() -> tuple[MainWindow, QPoint, object]:
    """A person's header pressed and dragged five columns (untimed); the run drops it.

    The second person goes right, then comes back: the findings list the
    first few holders by name, so a move among the first columns rewrites
    most messages, the worst case for the findings panel and the markers.
    """
    window = busy_window()
    header = window.view.horizontalHeader()
    start, end = (2, 7) if next(_DRAGS) % 2 == 0 else (7, 2)
    x0 = header.sectionViewportPosition(start) + header.sectionSize(start) // 2
    x1 = header.sectionViewportPosition(end) + header.sectionSize(end) // 2
    y = header.height() // 2
    moving = window.model.person_at(start)
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x0, y))
    for step in range(1, 11):
        QTest.mouseMove(header.viewport(), QPoint(x0 + (x1 - x0) * step // 10, y))
        QApplication.processEvents()
    return window, QPoint(x1, y), moving


def _drop_header(state: tuple[MainWindow, QPoint, object]) -> None:
    window, where, moving = state
    header = window.view.horizontalHeader()
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    QApplication.processEvents()
    assert window.document.undo_stack.undoText() == f"Move person {moving.name}"  # type: ignore[attr-defined]


# --------------------------------------------------------------- delete all
def _delete_setup() -> MainWindow:
    window = busy_window()
    _undo_while(window, "Clear")
    window.view.setFocus()
    window.view.selectAll()
    _settle(window)
    return window


def _delete_all(window: MainWindow) -> None:
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    QApplication.processEvents()
    assert window.document.team.filled_count() == 0


def _delete_undo_setup() -> MainWindow:
    window = _delete_setup()
    _delete_all(window)
    _settle(window)
    return window


_TEAM = f"window {ROWS} x {PEOPLE}, every cell filled"
_WHOLE = "whole MainWindow: grid, findings, workload, status bar"
CASES = [
    Case(f"{_TEAM}: type a letter", 16, _typing_setup, _type_letter, repeat=15,
         note=f"key -> cell, findings and workload repainted; {_WHOLE}"),
    Case(f"{_TEAM}: paste {PASTE_ROWS} x {PASTE_PEOPLE}", 200, _paste_setup, _paste, repeat=5,
         note=f"clipboard -> one undo step, repainted; {_WHOLE}"),
    Case(f"{_TEAM}: undo the paste", 200, _paste_undo_setup, _undo, repeat=5, note=_WHOLE),
    Case(f"{_TEAM}: drag a person's header", 200, _drag_setup, _drop_header, repeat=5,
         note=f"header dragged five columns, dropped -> one undo step, repainted; {_WHOLE}"),
    Case(f"{_TEAM}: Delete on everything", None, _delete_setup, _delete_all, repeat=5,
         note=f"Select All, Delete; {_WHOLE}"),
    Case(f"{_TEAM}: undo Delete on everything", None, _delete_undo_setup, _undo, repeat=5, note=_WHOLE),
]
