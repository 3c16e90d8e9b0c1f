"""Letter sets in the window: switching as one undo step, the Letters dialog, typing, legend and workload per set."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from raci.letters import DACI, RACI, RASCI, Kind
from raci.ui import letters_dialog
from raci.ui.commands import SwitchLettersCommand
from raci.ui.letters_dialog import KIND, OWN, SYMBOL, LettersDialog
from raci.ui.main_window import MainWindow

from tests.conftest import make_small_team
from tests.ui.conftest import OFFSCREEN_NOISE, WindowFactory
from tests.ui.test_matrix_view import Grid, _grid

pytestmark = OFFSCREEN_NOISE


def every_cell(window_or_team: object) -> dict[tuple[str, str], str]:
    team = window_or_team.document.team if isinstance(window_or_team, MainWindow) else window_or_team
    return {(row, person): cell for row, person, cell in team.iter_cells()}  # type: ignore[union-attr]


# ------------------------------------------------------------------ undo steps
def test_switching_raci_to_daci_and_back_are_undo_steps_that_restore_every_cell() -> None:
    team = make_small_team()
    team.set_cell("run-the-demo", "chloe-martin", "R/C")
    before = every_cell(team)
    stack = QUndoStack()
    stack.push(SwitchLettersCommand(team, DACI))
    assert team.letter_set is DACI and stack.text(0) == "Switch letters to DACI"
    assert every_cell(team) == {("set-the-product-vision", "ana-lima"): "A", ("order-the-backlog", "ben-okafor"): "A/D",
                                ("order-the-backlog", "ana-lima"): "C", ("run-the-demo", "chloe-martin"): "D/C"}
    stack.push(SwitchLettersCommand(team, RACI))
    assert team.letter_set is RACI and every_cell(team) == before
    stack.undo()
    assert team.letter_set is DACI and every_cell(team)[("order-the-backlog", "ben-okafor")] == "A/D"
    stack.undo()
    assert team.letter_set is RACI and every_cell(team) == before
    stack.redo()
    assert team.letter_set is DACI


def test_undoing_a_switch_that_blanked_cells_brings_them_back() -> None:
    team = make_small_team()
    team.set_letter_set(RASCI)
    team.set_cells({("run-the-demo", "chloe-martin"): "S", ("run-the-demo", "ben-okafor"): "R/S"})
    before = every_cell(team)
    stack = QUndoStack()
    stack.push(SwitchLettersCommand(team, RACI))
    assert team.cell("run-the-demo", "chloe-martin") is None and team.cell("run-the-demo", "ben-okafor") == "R"
    stack.undo()
    assert team.letter_set is RASCI and every_cell(team) == before


# ---------------------------------------------------------------- the dialog
def test_the_dialog_shows_what_a_switch_changes_before_it_is_made(qtbot: QtBot) -> None:
    team = make_small_team()
    dialog = LettersDialog(None, team)
    qtbot.addWidget(dialog)
    assert dialog.sets.currentData() == "raci" and "already writes in RACI" in dialog.plan.text()
    dialog.sets.setCurrentIndex(dialog.sets.findData("daci"))
    assert [dialog.table.item(row, SYMBOL).text() for row in range(dialog.table.rowCount())] == ["D", "A", "C", "I"]
    assert "A (Accountable) becomes A (Approver) in 2 cells." in dialog.plan.text()
    assert "R (Responsible) becomes D (Driver) in 1 cell." in dialog.plan.text()
    assert every_cell(team)[("order-the-backlog", "ben-okafor")] == "A/R"  # nothing changed yet
    letters, mapping = dialog.chosen()  # type: ignore[misc]
    assert letters is DACI and mapping == {"A": "A", "A/R": "A/D", "C": "C"}


def test_the_teams_own_set_starts_from_its_letters_and_a_renamed_letter_keeps_its_cells(qtbot: QtBot) -> None:
    team = make_small_team()
    dialog = LettersDialog(None, team)
    qtbot.addWidget(dialog)
    dialog.sets.setCurrentIndex(dialog.sets.findData(OWN))
    assert dialog.table.editTriggers() != dialog.table.EditTrigger.NoEditTriggers
    dialog.table.item(0, SYMBOL).setText("D")  # R becomes D, Doer
    dialog.table.item(0, 1).setText("Doer")
    dialog.set_name.setText("Studio letters")
    assert "R (Responsible) becomes D (Doer) in 1 cell." in dialog.plan.text()
    letters, mapping = dialog.chosen()  # type: ignore[misc]
    assert (letters.id, letters.name, letters.symbols) == ("studio-letters", "Studio letters", ("D", "A", "C", "I"))
    assert mapping["A/R"] == "A/D"


def test_an_own_set_that_cannot_work_says_why_and_ok_waits(qtbot: QtBot) -> None:
    dialog = LettersDialog(None, make_small_team())
    qtbot.addWidget(dialog)
    dialog.sets.setCurrentIndex(dialog.sets.findData(OWN))
    kinds = dialog.table.cellWidget(1, KIND)  # A: make it a second doer, so the set has no owner
    assert isinstance(kinds, QComboBox)
    kinds.setCurrentIndex(list(Kind).index(Kind.DOES))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert "needs exactly one letter that owns the outcome" in dialog.plan.text()
    kinds.setCurrentIndex(list(Kind).index(Kind.OWNS))
    assert ok.isEnabled()


def test_a_letter_can_be_added_to_the_teams_own_set_up_to_seven(qtbot: QtBot) -> None:
    dialog = LettersDialog(None, make_small_team())
    qtbot.addWidget(dialog)
    dialog.sets.setCurrentIndex(dialog.sets.findData(OWN))
    for _ in range(5):
        dialog.add_letter()
    assert dialog.table.rowCount() == 7
    dialog.table.item(4, SYMBOL).setText("E")
    dialog.table.item(4, 1).setText("Expert")
    assert "symbol '' must be 1 to 3" in dialog.plan.text()  # the sixth row is still empty
    dialog.table.setCurrentCell(6, 0)
    dialog.remove_letter()
    dialog.table.setCurrentCell(5, 0)
    dialog.remove_letter()
    letters, _ = dialog.chosen()  # type: ignore[misc]
    assert letters.symbols == ("R", "A", "C", "I", "E") and letters.letter("E").kind is Kind.ASKED


# ---------------------------------------------------------------- the window
def test_checks_letters_switches_the_team_and_the_grid_legend_and_help_follow(
        make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    monkeypatch.setattr(letters_dialog, "ask_letters",
                        lambda _parent, team: (DACI, LettersDialog(None, team).plan_for(DACI).cells))
    assert window.edits.letters_action in window.menus.checks.actions()
    window.edits.letters_action.trigger()
    assert window.document.team.letter_set is DACI
    assert window.model.data(window.model.index(3, 2)) == "A/D"
    assert window.legend.keys.text().startswith("Type D A C I")
    assert "Approver" in window.help_panel.roles.toHtml() or not window.help_panel.isVisible()
    assert window.undo_action.text() == "&Undo Switch letters to DACI"
    messages = [finding.message for finding in window.report]
    assert not any("(no A)" in message for message in messages)
    assert window.workload.model.data(window.workload.model.index(0)).startswith("Ana Lima: 0 D, 1 A, 1 C, 0 I")
    window.document.undo_stack.undo()
    assert window.document.team.letter_set is RACI
    assert window.model.data(window.model.index(3, 2)) == "A/R"
    assert window.legend.keys.text().startswith("Type R A C I")


def test_a_rasci_grid_types_s_cycles_through_its_five_letters_and_shows_five_bars(
        qtbot: QtBot, make_window: WindowFactory) -> None:
    team = make_small_team()
    team.set_letter_set(RASCI)
    window = make_window(team)
    grid = Grid(team, window.document.undo_stack, window.model, window.view)
    grid.go(6, 3)
    qtbot.keyClick(window.view, "s")
    assert grid.letter(6, 3) == "S"
    seen = []
    for _ in range(6):
        qtbot.keyClick(window.view, Qt.Key.Key_Space)
        seen.append(grid.letter(6, 3))
    assert seen == ["C", "I", None, "R", "A", "S"]
    window.workload.show()
    assert [bar.label for bar in window.workload.model.bars] == ["R", "A", "S", "C", "I"]
    assert window.legend.keys.text().startswith("Type R A S C I")


def test_a_crowded_cell_keeps_all_its_letters_on_screen(qtbot: QtBot) -> None:
    team = make_small_team()
    team.set_cell("run-the-demo", "chloe-martin", "R/C/I")
    grid: Grid = _grid(qtbot, team)
    index = grid.model.index(6, 3)
    assert grid.model.data(index) == "R/C/I"
    assert "Responsible, Consulted and Informed" in grid.model.data(index, Qt.ItemDataRole.ToolTipRole)
    grid.view.viewport().grab()  # paints the crowded cell with its smaller font


def test_the_legend_strip_keeps_its_chips_and_drops_the_words_when_seven_letters_do_not_fit(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    from raci.letters import RACI_VS
    from raci.ui.help_panel import LegendStrip

    bar = QWidget()  # the status bar squeezes its widgets: a child is sized by its parent, not its layout
    qtbot.addWidget(bar)
    strip = LegendStrip(bar, RACI_VS)
    bar.show()
    full = strip.sizeHint().width()
    assert strip.minimumSizeHint().width() < full
    strip.resize(full, strip.sizeHint().height())
    assert strip.shows_words
    strip.resize(strip.minimumSizeHint().width(), strip.sizeHint().height())
    assert not strip.shows_words and strip.sizeHint().width() == full  # asks for the room again when there is some
    strip.set_letters(RACI)
    assert strip.words() == ["Responsible", "Accountable", "Both", "Consulted", "Informed"]
