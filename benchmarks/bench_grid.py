"""The grid at 500 responsibilities x 60 people: a typed letter, and a whole-team paste.

The typed letter is measured on a RACI team and on a RASCI team where a
fifth of the cells hold two letters (R/C, S/C, C/I), typed as S over a
cell holding R (which the set's typing rules turn into S).

Each case drives a shown MatrixView on the offscreen platform. The typed
letter is measured from the key event to the repaint of the cell (and, once
``raci.rules`` exists, the incremental re-check the window runs on each
change); the paste from the clipboard text to the one ``dataChanged`` and
its repaint.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from raci.clipboard import format_tsv
from raci.letters import RACI, RASCI, LetterSet
from raci.ui.matrix_model import MatrixModel
from raci.ui.matrix_view import MatrixView

from benchmarks.common import Case, make_team
from benchmarks.qt import application

ROWS, PEOPLE = 500, 60
_HAS_RULES = importlib.util.find_spec("raci.rules") is not None


@dataclass
class _Grid:
    model: MatrixModel
    view: MatrixView
    checker: Any = None


def _grid(density: float, letter_set: LetterSet = RACI, combined: float = 0.0) -> _Grid:
    application()
    team = make_team(ROWS, PEOPLE, density, letter_set=letter_set, combined=combined)
    model = MatrixModel(team, QUndoStack())
    view = MatrixView(model)
    view.resize(1400, 900)
    view.show()
    grid = _Grid(model, view)
    if _HAS_RULES:
        from raci.rules import Checker

        grid.checker = Checker(team)
        model.set_report(grid.checker.report())
        # What the window does after every edit: re-check, then mark the findings in the grid.
        model.teamChanged.connect(lambda: model.set_report(grid.checker.report()))
    target = team.responsibilities[250].id
    # So the typed letter always changes the cell (A or S typed over R gives A/R or S).
    team.set_cell(target, team.people[29].id, None if letter_set is RACI else "R")
    row = model.row_of(target)
    view.selectionModel().setCurrentIndex(model.index(row, 30), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.scrollTo(view.currentIndex())
    _settle(view)
    return grid


def _settle(view: MatrixView) -> None:
    """Let the first layout and full paint happen before the clock starts."""
    QTest.qWaitForWindowExposed(view)
    for _ in range(3):
        QApplication.processEvents()
    view.viewport().repaint()


def _type_letter(grid: _Grid) -> None:
    QTest.keyClick(grid.view, Qt.Key.Key_A)
    QApplication.processEvents()  # the repaint of the changed cell
    assert grid.model.data(grid.view.currentIndex()) == "A"


def _type_support(grid: _Grid) -> None:
    QTest.keyClick(grid.view, Qt.Key.Key_S)
    QApplication.processEvents()
    assert grid.model.data(grid.view.currentIndex()) == "S"


def _paste_setup() -> _Grid:
    grid = _grid(0.0)
    letters = ["R", "A", "C", "I", "A/R"]
    block = [[letters[(i + j) % len(letters)] for j in range(PEOPLE)] for i in range(ROWS)]
    QApplication.clipboard().setText(format_tsv(block))
    first = grid.model.row_of(grid.model.team.responsibilities[0].id)
    grid.view.selectionModel().setCurrentIndex(grid.model.index(first, 1),
                                               QItemSelectionModel.SelectionFlag.ClearAndSelect)
    _settle(grid.view)
    return grid


def _paste(grid: _Grid) -> None:
    grid.view.paste()
    QApplication.processEvents()
    assert grid.model.team.filled_count() == ROWS * PEOPLE


_CHECK_NOTE = "with Checker.report() + set_report" if _HAS_RULES else "raci.rules absent: no re-check"

CASES = [
    Case(f"grid {ROWS} x {PEOPLE}: type a letter", 16, lambda: _grid(0.3), _type_letter,
         note=f"key event -> cell repainted; {_CHECK_NOTE}"),
    Case(f"grid {ROWS} x {PEOPLE}: RASCI, a fifth combined: type a letter", 16,
         lambda: _grid(0.3, RASCI, 0.2), _type_support, note=f"S over R; {_CHECK_NOTE}"),
    Case(f"grid {ROWS} x {PEOPLE}: paste the whole team", 200, _paste_setup, _paste, repeat=5,
         note=f"clipboard TSV -> one undo step, one dataChanged, repaint; {_CHECK_NOTE}"),
]
