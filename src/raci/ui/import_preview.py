"""File > Import's preview: the layout found in a sheet, shown on the sheet, corrected before the team opens.

The dialog shows the sheet as the import reads it (:class:`raci.ui.import_grid.ImportGrid`):
each column's role (person, titles, description, notes, category,
skipped) and each row's (category, responsibility, skipped), the letter
set, the catalog links and the warnings, and the summary the command
line prints. A person corrects it with the two boxes above the grid,
which follow the current cell ("Column G is: Notes", "Row 5 is:
Category"), or from a header's context menu; "Read as" turns the sheet
(people down the side) or reads it inverted; "Letters" picks the set.
Every correction reads the sheet again (the core's
:func:`raci.formats.sheet_import.preview`), so what is shown is what
OK opens. :func:`ask_import` returns the team (an
:class:`~raci.formats.ImportResult`), or ``None`` on Cancel; nothing is
changed until then.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from raci.errors import RaciError, shown
from raci.formats import ImportResult
from raci.formats.sheet_detect import ColumnRole, Layout, LayoutNotFound, Orientation, RowRole, detect_layout
from raci.formats.sheet_detect.cells import text_of
from raci.formats.sheet_import import Inspection, finish, preview
from raci.letters import BUILT_IN, LetterSet, is_builtin
from raci.ui.import_grid import COLUMN_WORDS, ROW_WORDS, ImportGrid, cell_of

# What a person may make a column or a row; an inverted sheet's letter columns stay letter columns.
COLUMN_CHOICES = (ColumnRole.PERSON, ColumnRole.TITLE, ColumnRole.DESCRIPTION, ColumnRole.NOTES,
                  ColumnRole.CATEGORY, ColumnRole.SKIPPED)
ROW_CHOICES = (RowRole.RESPONSIBILITY, RowRole.CATEGORY, RowRole.SKIPPED)
# Column widths in "M"s, by role (None: the catalog column).
_WIDTHS = {ColumnRole.TITLE: 24, ColumnRole.PERSON: 10, ColumnRole.LETTER: 14, ColumnRole.DESCRIPTION: 14,
           ColumnRole.NOTES: 14, ColumnRole.CATEGORY: 12, ColumnRole.SKIPPED: 5, ColumnRole.LEGEND: 5, None: 18}
# Columns as wide as their header's text, up to this many "M"s.
_FITTED = {ColumnRole.PERSON: 15, ColumnRole.LETTER: 15, ColumnRole.TITLE: 30}
ORIENTATION_WORDS = {
    Orientation.NORMAL: "People across the top",
    Orientation.TRANSPOSED: "People down the side (transposed)",
    Orientation.INVERTED: "Names in the cells (inverted)",
}


class ImportPreview(QDialog):
    """The preview of one sheet's import; see the module docstring."""

    def __init__(self, parent: QWidget | None, inspection: Inspection) -> None:
        super().__init__(parent)
        if inspection.layout is None or inspection.frame is None:
            raise ValueError("a workbook read whole has no layout to preview")
        self.inspection = inspection
        self.sheet_layout: Layout = inspection.layout
        # Corrections are kept apart from the layout found and applied to it afresh, the last choice for each
        # row or column winning: a person arrowing through a box passes over roles without leaving their traces
        # (making a column the titles sends the old titles column to the description).
        self._found: Layout = inspection.layout
        self._columns: dict[int, ColumnRole] = {}
        self._rows: dict[int, RowRole] = {}
        self._letters: LetterSet | None = None
        self._frames = {inspection.frame.turned: inspection.frame}
        # The built-in sets, and the team's own when the sheet records one (this app's CSV export of such a team).
        recorded = inspection.frame.letters
        self._sets: list[LetterSet] = [*BUILT_IN, *((recorded,) if recorded and not is_builtin(recorded) else ())]
        self.setWindowTitle(f"Import {shown(inspection.path.name)}")
        self.grid = ImportGrid(self)
        self.menu: QMenu | None = None
        self._build()
        self._read_again()
        self._start_on_first_row()
        self._size_to_screen()

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setObjectName("importProblem")
        self.problem.hide()
        self.orientation_box = _combo(self, [ORIENTATION_WORDS[key] for key in Orientation], list(Orientation))
        self.letters_box = _combo(self, [letter_set.name for letter_set in self._sets], self._sets)
        self.column_label, self.column_box = QLabel(self), QComboBox(self)
        self.row_label, self.row_box = QLabel(self), QComboBox(self)
        self.view = QTableView(self)
        self.view.setModel(self.grid)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 6)
        for header in (self.view.horizontalHeader(), self.view.verticalHeader()):
            header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.key = QLabel("Bold: titles, headers and categories. Grey: not imported. Orange: named in a warning. "
                          "Catalog: = same title, ~ close match. Click a cell to change its column or row, or "
                          "right-click a header.", self)
        self.key.setWordWrap(True)
        self.key.setForegroundRole(self.key.foregroundRole().PlaceholderText)
        self.warnings = QListWidget(self)
        self.warnings.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        sheet_row = QHBoxLayout()
        for text, widget in (("Read as:", self.orientation_box), ("Letters:", self.letters_box)):
            sheet_row.addWidget(QLabel(text, self))
            sheet_row.addWidget(widget)
        sheet_row.addStretch(1)
        roles_row = QHBoxLayout()
        for label, box in ((self.column_label, self.column_box), (self.row_label, self.row_box)):
            roles_row.addWidget(label)
            roles_row.addWidget(box)
        roles_row.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(self.warnings)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        body = QVBoxLayout(self)
        for part in (self.summary, self.problem):
            body.addWidget(part)
        body.addLayout(sheet_row)
        body.addLayout(roles_row)
        body.addWidget(self.key)
        body.addWidget(split, 1)
        body.addWidget(self.buttons)

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.orientation_box.activated.connect(lambda index: self.set_orientation(list(Orientation)[index]))
        self.letters_box.activated.connect(lambda index: self.set_letter_set(self._sets[index]))
        self.column_box.activated.connect(self._column_chosen)
        self.row_box.activated.connect(self._row_chosen)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._follow_current())
        self.view.horizontalHeader().customContextMenuRequested.connect(self._column_menu)
        self.view.verticalHeader().customContextMenuRequested.connect(self._row_menu)
        self.warnings.currentRowChanged.connect(self._show_warning)

    def _start_on_first_row(self) -> None:
        """The current cell starts on the first responsibility's title, so the boxes say what they change."""
        rows, title = self.sheet_layout.rows_with(RowRole.RESPONSIBILITY), self.sheet_layout.title_column
        if rows and title is not None:
            self.view.setCurrentIndex(self.grid.index(rows[0], title))

    def _size_to_screen(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = 1200, 680
        if screen is not None:
            width, height = min(width, int(screen.width() * 0.9)), min(height, int(screen.height() * 0.9))
        self.resize(width, height)

    # ------------------------------------------------------------ corrections
    def set_column_role(self, column: int, role: ColumnRole) -> None:
        """Make column ``column`` (of the grid shown) a person, the titles, a description, notes, ... ."""
        self._columns.pop(column, None)
        self._columns[column] = role
        self._apply(self._corrected())

    def set_row_role(self, row: int, role: RowRole) -> None:
        """Make row ``row`` (of the grid shown) a responsibility, a category heading or skipped."""
        self._rows[row] = role
        self._apply(self._corrected())

    def set_letter_set(self, letter_set: LetterSet) -> None:
        self._letters = letter_set
        self._apply(self._corrected())

    def _corrected(self) -> Layout:
        """The layout found with every correction made since, in the order they were last made."""
        layout = self._found
        for column, column_role in self._columns.items():
            layout = layout.with_column_role(column, column_role)
        for row, row_role in self._rows.items():
            layout = layout.with_row_role(row, row_role)
        return layout.with_letter_set(self._letters) if self._letters is not None else layout

    def set_orientation(self, orientation: Orientation) -> None:
        """Read the sheet another way round: its layout is found again for that orientation."""
        if orientation is self.sheet_layout.orientation:
            return
        unturned = self._frame(False)
        try:
            layout = detect_layout(unturned, self.sheet_layout.sheet, orientation=orientation)
        except LayoutNotFound as error:
            self._say(f"It cannot be read that way: {error.sentence[:1].lower()}{error.sentence[1:]}")
            self._sync_boxes()
            return
        self._found, self._columns, self._rows = layout, {}, {}  # corrections name the other way's rows
        self._apply(self._corrected())

    def _apply(self, layout: Layout) -> None:
        current = self.view.currentIndex()
        self.sheet_layout = layout
        self._read_again()
        if current.isValid() and current.row() < self.grid.rowCount() and current.column() < self.grid.columnCount():
            self.view.setCurrentIndex(self.grid.index(current.row(), current.column()))

    def _read_again(self) -> None:
        self.read = preview(self.inspection, self.sheet_layout)
        self.grid.show(self._frame(self.sheet_layout.turned), self.sheet_layout, self.read)
        self.summary.setText(shown(self.read.summary(), 400))
        self.problem.hide()
        self.warnings.clear()
        self.warnings.addItems([warning.sentence for warning in self.read.warnings] or ["No warnings."])
        self.warnings.setEnabled(bool(self.read.warnings))
        self._shape_view()
        self._sync_boxes()

    def _shape_view(self) -> None:
        """Column widths by role (a person's column wide enough for the name, up to a limit), and each category
        or title row's text spread over the blank cells after it, up to the titles."""
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        em = metrics.horizontalAdvance("M")
        names = self._names_line()
        for column in range(self.grid.columnCount()):
            role = self.grid.column_role(column) if column < self.grid.catalog_column else None
            width = em * _WIDTHS.get(role, 8)
            if role in _FITTED and names is not None and (text := text_of(names.value(column))):
                bold = QFont(self.view.font())
                bold.setBold(True)
                wanted = QFontMetrics(bold).horizontalAdvance(text) + em
                width = max(width, min(wanted, em * _FITTED[role]))
            header.resizeSection(column, width)
        self.view.clearSpans()
        title = self.sheet_layout.title_column
        frame = self.grid.frame
        if title is None or frame is None:
            return
        for row in self.sheet_layout.rows_with(RowRole.CATEGORY, RowRole.TITLE):
            line = frame.lines[row] if row < frame.height else None
            if line is None or not line.columns:
                continue
            start = line.columns[0]
            end = title if self.sheet_layout.rows[row] is RowRole.CATEGORY else self.grid.catalog_column - 1
            if len(line.columns) > 1:
                end = min(end, line.columns[1] - 1)  # up to the next cell that holds something
            if end > start:
                self.view.setSpan(row, start, 1, end - start + 1)

    def _names_line(self):  # a Line, or None
        frame, number = self.grid.frame, self.sheet_layout.names_row
        return frame.lines[number] if frame is not None and number is not None and number < frame.height else None

    def _frame(self, turned: bool):  # a Frame
        if turned not in self._frames:
            self._frames[turned] = self._frames[not turned].turn()
        return self._frames[turned]

    def _say(self, sentence: str) -> None:
        self.problem.setText(shown(sentence, 400))
        self.problem.show()

    # ------------------------------------------------------------ the boxes follow the current cell
    def _sync_boxes(self) -> None:
        choices: tuple[tuple[QComboBox, object, Sequence[object]], ...] = (
            (self.orientation_box, self.sheet_layout.orientation, list(Orientation)),
            (self.letters_box, self.sheet_layout.letter_set, self._sets))
        for box, value, values in choices:
            box.setCurrentIndex(values.index(value) if value in values else -1)
        self._follow_current()

    def _follow_current(self) -> None:
        current = self.view.currentIndex()
        column = current.column() if current.isValid() else -1
        row = current.row() if current.isValid() else -1
        in_sheet = 0 <= column < self.grid.catalog_column
        self.column_label.setText(f"{_capital(self.sheet_layout.column_label(column))} is:" if in_sheet
                                  else "Column is:")
        self.row_label.setText(f"{_capital(self.sheet_layout.row_label(row))} is:" if row >= 0 else "Row is:")
        _fill(self.column_box, self._column_choices(), self.grid.column_role(column) if in_sheet else None,
              COLUMN_WORDS, in_sheet)
        _fill(self.row_box, ROW_CHOICES, self.grid.row_role(row) if row >= 0 else None, ROW_WORDS, row >= 0)

    def _column_choices(self) -> tuple[ColumnRole, ...]:
        inverted = self.sheet_layout.orientation is Orientation.INVERTED
        return tuple(ColumnRole.LETTER if role is ColumnRole.PERSON and inverted else role for role in COLUMN_CHOICES)

    # The boxes hold each role's value: Qt keeps a str enum as a plain string.
    def _column_chosen(self, _index: int) -> None:
        column = self.view.currentIndex().column()
        if self.column_box.currentIndex() >= 0 and 0 <= column < self.grid.catalog_column:
            self.set_column_role(column, ColumnRole(self.column_box.currentData()))

    def _row_chosen(self, _index: int) -> None:
        row = self.view.currentIndex().row()
        if self.row_box.currentIndex() >= 0 and row >= 0:
            self.set_row_role(row, RowRole(self.row_box.currentData()))

    # ------------------------------------------------------------ header menus, warnings
    def _column_menu(self, point: QPoint) -> None:
        column = self.view.horizontalHeader().logicalIndexAt(point)
        if 0 <= column < self.grid.catalog_column:
            self._menu(self.view.horizontalHeader().mapToGlobal(point), self._column_choices(), COLUMN_WORDS,
                       self.grid.column_role(column), lambda role: self.set_column_role(column, role))

    def _row_menu(self, point: QPoint) -> None:
        row = self.view.verticalHeader().logicalIndexAt(point)
        if row >= 0:
            self._menu(self.view.verticalHeader().mapToGlobal(point), ROW_CHOICES, ROW_WORDS,
                       self.grid.row_role(row), lambda role: self.set_row_role(row, role))

    def _menu(self, where: QPoint, choices: tuple, words: dict, current: object, choose) -> None:
        """A header's menu of roles, the current one ticked; it opens without blocking (``self.menu``)."""
        self.menu = QMenu(self)
        self.menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for role in choices:
            action = self.menu.addAction(words[role])
            action.setCheckable(True)
            action.setChecked(role is current)
            action.triggered.connect(lambda _=False, chosen=role: choose(chosen))
        self.menu.popup(where)

    def _show_warning(self, number: int) -> None:
        if not 0 <= number < len(self.read.warnings):
            return
        for address in self.read.warnings[number].addresses:
            place = cell_of(address, self.sheet_layout.turned)
            if place is not None and place[0] < self.grid.rowCount() and place[1] < self.grid.columnCount():
                index = self.grid.index(*place)
                self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.view.scrollTo(index)
                return

    # ------------------------------------------------------------ the result
    def result_value(self) -> ImportResult:
        """The team the sheet makes by the layout shown; raises :class:`RaciError` with one sentence."""
        return finish(self.inspection, self.sheet_layout, self.read)

    def accept(self) -> None:
        try:
            self.result_value()
        except RaciError as error:
            self._say(str(error))
            return
        super().accept()


def ask_import(parent: QWidget | None, inspection: Inspection) -> ImportResult | None:
    """Preview a sheet's import and return the team it makes, or ``None`` when the person cancelled.

    A workbook this app exported is read whole, with nothing to correct: it is returned as it is.
    """
    if inspection.own is not None:
        return inspection.own
    dialog = ImportPreview(parent, inspection)
    return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _combo(parent: QWidget, texts: Sequence[str], values: Sequence[object]) -> QComboBox:
    box = QComboBox(parent)
    for text, value in zip(texts, values, strict=True):
        box.addItem(text, value)
    return box


def _fill(box: QComboBox, choices: tuple, current: object, words: dict, enabled: bool) -> None:
    """Fill ``box`` with ``choices`` (and the current role, when it is none of them) and select the current one."""
    box.blockSignals(True)
    box.clear()
    roles = [*choices, *(() if current is None or current in choices else (current,))]
    for role in roles:
        box.addItem(words[role], role)
    box.setCurrentIndex(roles.index(current) if current is not None else -1)
    box.setEnabled(enabled)
    box.blockSignals(False)


__all__ = ["ImportPreview", "ask_import"]
