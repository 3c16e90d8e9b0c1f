"""Selecting in the grid what a finding or an edit names, and scrolling it into view.

A finding names cells, rows, people or several of these; the grid selects
exactly what it means: its cells; else the cells where its people meet
its rows (a person on four rows: those four cells); else its rows whole,
or its people's columns. The cursor and the scroll go to the first of
them on screen (top row, then leftmost person). After an edit, the person
or rows just added are selected the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex

from raci.model import CellKey

if TYPE_CHECKING:
    from raci.ui.matrix_view import MatrixView

_SELECT = QItemSelectionModel.SelectionFlag


def select_targets(view: MatrixView, responsibilities: Sequence[str], people: Sequence[str],
                   cells: Sequence[CellKey]) -> bool:
    """Select what a finding names; False when none of it is shown (filtered out, or gone)."""
    model = view.matrix_model()
    if not cells and responsibilities and people:
        cells = [(rid, pid) for rid in responsibilities for pid in people]
    if cells:
        return select_cells(view, [model.index_for(rid, pid) for rid, pid in cells])
    corners: list[QModelIndex] = []
    if responsibilities:
        last = model.columnCount() - 1
        for title in (model.index_for(rid) for rid in responsibilities):
            if title.isValid():
                corners += [title, model.index(title.row(), last)]
    else:
        for column in (model.column_of(pid) for pid in people):
            if column > 0:
                corners += _column_ends(view, column)
    return select_cells(view, corners, blocks=True)


def _column_ends(view: MatrixView, column: int) -> list[QModelIndex]:
    model = view.matrix_model()
    shown = [row for row in range(model.rowCount()) if model.responsibility_at(row) is not None]
    return [model.index(shown[0], column), model.index(shown[-1], column)] if shown else []


def select_cells(view: MatrixView, indexes: Sequence[QModelIndex], *, blocks: bool = False) -> bool:
    """Select these cells (with ``blocks``, each pair as the corners of a block) and go to the first on screen."""
    indexes = [index for index in indexes if index.isValid()]
    selection = QItemSelection()
    pairs = zip(indexes[::2], indexes[1::2], strict=True) if blocks else ((index, index) for index in indexes)
    for first, last in pairs:
        selection.select(first, last)
    view.selectionModel().select(selection, _SELECT.ClearAndSelect)
    if not indexes:
        return False
    first = min(indexes, key=lambda index: (index.row(), index.column() or 1))
    model = view.matrix_model()
    if first.column() == 0 and model.columnCount() > 1:
        first = model.index(first.row(), 1)  # the cursor on a letter cell, so typing goes on at once
    view.selectionModel().setCurrentIndex(first, _SELECT.NoUpdate)
    view.scrollTo(first)
    return True


def select_person(view: MatrixView, person_id: str) -> bool:
    """The cursor (and the selection) on a person's first cell, their column in view."""
    model = view.matrix_model()
    row = next((row for row in range(model.rowCount()) if model.responsibility_at(row) is not None), 0)
    column = model.column_of(person_id)
    index = model.index(row, column) if column > 0 else QModelIndex()
    if not index.isValid():
        return False
    view.selectionModel().setCurrentIndex(index, _SELECT.ClearAndSelect)
    view.scrollTo(index)
    return True


def select_responsibilities(view: MatrixView, rids: Sequence[str]) -> bool:
    """Rows' titles selected, the cursor on the first row's first cell, both in view."""
    model = view.matrix_model()
    titles = [index for index in (model.index_for(rid) for rid in rids) if index.isValid()]
    if not titles:
        return False
    selection = QItemSelection()
    for title in titles:
        selection.select(title, title)
    view.selectionModel().select(selection, _SELECT.ClearAndSelect)
    first = min(titles, key=lambda index: index.row())
    cell = model.index(first.row(), 1) if model.columnCount() > 1 else first
    view.selectionModel().setCurrentIndex(cell, _SELECT.Select)
    view.scrollTo(cell)
    return True
