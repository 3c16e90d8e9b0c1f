"""Checks > Letters: choose the team's letter set, or edit its own, and see what the switch changes first.

The dialog lists the built-in sets (RACI, RASCI, DACI, CAIRO, RACI-VS)
and "The team's own letters", whose table of letters (symbol, name,
meaning, kind) can be edited; it starts from the set shown before it. Below
the table the dialog says, in :func:`raci.letters.plan_switch`'s
sentences, what the switch would do to the team's cells before anything
changes; a set that cannot be used says why in one sentence, and OK waits
until it can. The window applies the answer as one undo step
(:class:`~raci.ui.commands.SwitchLettersCommand`).

Editing the team's own set keeps track of which letter each row was made
from, so renaming R to D moves the R cells to D even where the kind alone
would not say so.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from raci.letters import BUILT_IN, Cell, Kind, LetterDef, LetterSet, LetterSetError, builtin, is_builtin, plan_switch
from raci.letters.switching import SwitchPlan
from raci.letters.validate import MAX_LETTERS
from raci.model import Team

OWN = "own"  # the set list's entry for the team's own letters
SYMBOL, NAME, MEANING, KIND = range(4)
_ORIGIN = Qt.ItemDataRole.UserRole  # on a row's symbol item: the symbol of the team's letter it was made from
_OWN_NAME = "Our letters"
_KINDS = tuple(Kind)  # the kind list's entries, in this order


class LettersDialog(QDialog):
    """A list of sets, the chosen set's letters, and what switching to it would change."""

    def __init__(self, parent: QWidget | None, team: Team) -> None:
        super().__init__(parent)
        self.setWindowTitle("Letters")
        self.setObjectName("lettersDialog")
        self.team = team
        self.current = team.letter_set
        self.cells = Counter(cell for _row, _person, cell in team.iter_cells())
        self._filling = False
        self.sets = QComboBox(self)
        self.sets.setObjectName("letterSets")
        for letter_set in BUILT_IN:
            self.sets.addItem(f"{letter_set.name}: {letter_set.description}", letter_set.id)
        self.sets.addItem("The team's own letters", OWN)
        self.set_name = QLineEdit(self)
        self.set_name.setMaxLength(40)
        self.say_names = QCheckBox("Findings call the letters by name (\u201cno Approver\u201d, not \u201cno A\u201d)",
                                   self)
        self.table = self._make_table()
        self.add_button = QPushButton("&Add Letter", self)
        self.remove_button = QPushButton("&Remove Letter", self)
        self.plan = QLabel(self)
        self.plan.setObjectName("letterPlan")
        self.plan.setWordWrap(True)
        self.plan.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self._lay_out()
        self._connect()
        own = not is_builtin(self.current)
        self._show(self.current.letters, self.current.name, self.current.say_names,
                   chosen=OWN if own else self.current.id, origin=True)
        self.resize(760, 520)

    # ------------------------------------------------------------- building
    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 4, self)
        table.setObjectName("letterTable")
        table.setHorizontalHeaderLabels(["Symbol", "Name", "Meaning", "Kind"])
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        for column, mode in ((SYMBOL, QHeaderView.ResizeMode.ResizeToContents),
                             (NAME, QHeaderView.ResizeMode.ResizeToContents),
                             (MEANING, QHeaderView.ResizeMode.Stretch),
                             (KIND, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        return table

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("&Letter set:", self.sets)
        form.addRow("&Name of the set:", self.set_name)
        form.addRow("", self.say_names)
        edits = QHBoxLayout()
        edits.addWidget(self.add_button)
        edits.addWidget(self.remove_button)
        edits.addStretch(1)
        hint = QLabel("Each letter has a kind the checks understand: one letter owns the outcome, at least one does "
                      "the work. Switching moves every cell to the new set's letter of the same kind, as one step to "
                      "undo.", self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(edits)
        layout.addWidget(hint)
        layout.addWidget(self.plan)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.sets.currentIndexChanged.connect(self._on_set_chosen)
        self.table.itemChanged.connect(lambda _item: self._refresh())
        self.set_name.textChanged.connect(lambda _text: self._refresh())
        self.say_names.toggled.connect(lambda _on: self._refresh())
        self.add_button.clicked.connect(self.add_letter)
        self.remove_button.clicked.connect(self.remove_letter)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # -------------------------------------------------------------- showing
    def _show(self, letters: tuple[LetterDef, ...], name: str, say_names: bool, *, chosen: str,
              origin: bool) -> None:
        """Fill the dialog with letters; ``origin``: its rows are the team's current letters, one for one."""
        self._filling = True
        self.sets.setCurrentIndex(self.sets.findData(chosen))
        self.set_name.setText(name)
        self.say_names.setChecked(say_names)
        self.table.setRowCount(0)
        for letter in letters:
            self._append(letter, letter.symbol if origin else None)
        self._set_editable(chosen == OWN)
        self._filling = False
        self._refresh()

    def _append(self, letter: LetterDef | None, origin: str | None) -> None:
        filling, self._filling = self._filling, True  # no plan for a half-made row
        row = self.table.rowCount()
        self.table.insertRow(row)
        symbol = QTableWidgetItem(letter.symbol if letter else "")
        symbol.setData(_ORIGIN, origin)
        self.table.setItem(row, SYMBOL, symbol)
        self.table.setItem(row, NAME, QTableWidgetItem(letter.name if letter else ""))
        self.table.setItem(row, MEANING, QTableWidgetItem(letter.meaning if letter else ""))
        kinds = QComboBox(self.table)
        for kind in _KINDS:
            kinds.addItem(kind.phrase)
        kinds.setCurrentIndex(_KINDS.index(letter.kind if letter else Kind.ASKED))
        kinds.currentIndexChanged.connect(lambda _index: self._refresh())
        self.table.setCellWidget(row, KIND, kinds)
        self._filling = filling

    def _set_editable(self, own: bool) -> None:
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.AllEditTriggers if own else triggers.NoEditTriggers)
        for row in range(self.table.rowCount()):
            self.table.cellWidget(row, KIND).setEnabled(own)
        for widget in (self.set_name, self.say_names, self.add_button, self.remove_button):
            widget.setEnabled(own)

    def _on_set_chosen(self, _index: int) -> None:
        if self._filling:
            return
        chosen = self.sets.currentData()
        if chosen != OWN:
            letter_set = builtin(chosen)
            self._show(letter_set.letters, letter_set.name, letter_set.say_names, chosen=chosen,
                       origin=letter_set == self.current)
            return
        shown = self._table_letters()  # the team's own letters start from the set that was on show
        name = self.current.name if not is_builtin(self.current) else _OWN_NAME
        self._show(shown, name, self.say_names.isChecked(), chosen=OWN, origin=shown == self.current.letters)

    # --------------------------------------------------------------- editing
    def add_letter(self) -> None:
        """A new, empty row in the team's own set (at most seven letters)."""
        if self.table.rowCount() < MAX_LETTERS:
            self._append(None, None)
            self.table.setCurrentCell(self.table.rowCount() - 1, SYMBOL)
            self.table.editItem(self._item(self.table.rowCount() - 1, SYMBOL))
            self._refresh()

    def remove_letter(self) -> None:
        """Take the current row's letter out of the team's own set."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._refresh()

    # ---------------------------------------------------------------- result
    def _table_letters(self) -> tuple[LetterDef, ...]:
        return tuple(LetterDef(self._text(row, SYMBOL), self._text(row, NAME), self._text(row, MEANING),
                               _KINDS[self._kind_box(row).currentIndex()])
                     for row in range(self.table.rowCount()))

    def _kind_box(self, row: int) -> QComboBox:
        box = self.table.cellWidget(row, KIND)
        assert isinstance(box, QComboBox), "every row is made with its kind box"
        return box

    def _built_set(self) -> LetterSet:
        """The set the dialog shows; raises :class:`LetterSetError` with a sentence when it cannot be used."""
        chosen = self.sets.currentData()
        if chosen != OWN:
            return builtin(chosen)
        name = " ".join(self.set_name.text().split()) or _OWN_NAME
        return LetterSet(self._own_id(name), name, self._table_letters(), say_names=self.say_names.isChecked())

    def _own_id(self, name: str) -> str:
        if not is_builtin(self.current):
            return self.current.id  # the team's own set keeps its id as it is edited
        slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:36] or "own"
        return f"{slug}-own" if slug in {letter_set.id for letter_set in BUILT_IN} else slug

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None, "every row is made with all its items"
        return item

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def pairs(self) -> dict[str, str | None] | None:
        """For the team's own set made from its current letters: each current symbol's new one (None: removed)."""
        if self.sets.currentData() != OWN:
            return None
        made = {self._item(row, SYMBOL).data(_ORIGIN): self._text(row, SYMBOL)
                for row in range(self.table.rowCount()) if self._item(row, SYMBOL).data(_ORIGIN)}
        if not made:
            return None
        return {letter.symbol: made.get(letter.symbol) for letter in self.current.letters}

    def plan_for(self, letter_set: LetterSet) -> SwitchPlan:
        return plan_switch(self.cells.elements(), self.current, letter_set, self.pairs())

    def _refresh(self) -> None:
        if self._filling:
            return
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            letter_set = self._built_set()
        except LetterSetError as error:
            self.plan.setText(f"<b>{html.escape(str(error), quote=False)}</b>")
            ok.setEnabled(False)
            return
        ok.setEnabled(True)
        if letter_set == self.current:
            self.plan.setText(f"The team already writes in {html.escape(letter_set.name)}.")
            return
        lines = self.plan_for(letter_set).sentences()
        self.plan.setText(f"Switching to {html.escape(letter_set.name)}:<br>"
                          + "<br>".join(html.escape(line, quote=False) for line in lines))

    def chosen(self) -> tuple[LetterSet, Mapping[Cell, Cell | None]] | None:
        """The set chosen and how each cell in use moves, or ``None`` when it is the team's set already."""
        letter_set = self._built_set()
        if letter_set == self.current:
            return None
        return letter_set, self.plan_for(letter_set).cells


def ask_letters(parent: QWidget | None, team: Team) -> tuple[LetterSet, Mapping[Cell, Cell | None]] | None:
    """The letter set chosen for ``team`` and the move of each cell in use, or None (cancelled, or no change)."""
    dialog = LettersDialog(parent, team)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
