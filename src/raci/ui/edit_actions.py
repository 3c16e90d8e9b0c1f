"""The window's editing actions: people, responsibilities, suggestions, profile and acknowledgments.

Each action asks what it needs (through :mod:`raci.ui.dialogs` or a
confirmation), then pushes exactly one undo command, so every edit is one
Undo step. The person and the row an action works on are the ones under
the grid's current cell.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QMessageBox

from raci.findings import Finding
from raci.model import Person, Profile, Responsibility, Team, make_id
from raci.suggest import suggest
from raci.ui import dialogs
from raci.ui.window_layout import make_action
from raci.ui.commands import (
    AcknowledgeCommand,
    AddPersonCommand,
    AddResponsibilitiesCommand,
    RemovePersonCommand,
    RemoveResponsibilityCommand,
    SetCellsCommand,
    SetProfileCommand,
    UpdatePersonCommand,
    UpdateResponsibilityCommand,
    WithdrawAcknowledgmentCommand,
)

if TYPE_CHECKING:
    from raci.ui.main_window import MainWindow

SUGGEST_TEXT = "Suggest assignments"


class EditActions(QObject):
    """The People, Responsibilities and Checks menus, and the grid's context actions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        make = functools.partial(make_action, window)
        self.add_person_action = make("Add &Person\u2026", self.add_person, QKeySequence("Ctrl+Shift+P"),
                                      "Add a person (a column)")
        self.edit_person_action = make("&Edit Person\u2026", self.edit_person, QKeySequence("Ctrl+Shift+E"),
                                       "Rename the current person or change their titles")
        self.remove_person_action = make("&Remove Person\u2026", self.remove_person, None,
                                         "Remove the current person and their letters")
        self.add_from_catalog_action = make("Add from &Catalog\u2026", self.add_from_catalog,
                                            QKeySequence("Ctrl+Shift+K"), "Add responsibilities the articles describe")
        self.add_custom_action = make("Add &Custom Responsibility\u2026", self.add_custom, QKeySequence("Ctrl+Shift+N"),
                                      "Add a responsibility of your own")
        self.edit_row_action = make("E&dit Responsibility\u2026", self.edit_responsibility, QKeySequence("F2"),
                                    "Rename the current responsibility or change its description and category")
        self.remove_row_action = make("Re&move Responsibility\u2026", self.remove_responsibility, None,
                                      "Remove the current responsibility and its letters")
        self.move_up_action = make("Move &Up", lambda: self.move_responsibility(-1), QKeySequence("Ctrl+Shift+Up"),
                                   "Move the current responsibility up")
        self.move_down_action = make("Move Do&wn", lambda: self.move_responsibility(1), QKeySequence("Ctrl+Shift+Down"),
                                     "Move the current responsibility down")
        self.suggest_action = make("Su&ggest Assignments", self.suggest, QKeySequence("Ctrl+Shift+G"),
                                   "Fill the empty cells from people's titles, as the articles suggest")
        self.acknowledge_action = make("&Acknowledge Finding\u2026", self.acknowledge_current, None,
                                       "Mark the selected finding as intended, with a reason")
        self.withdraw_action = make("&Withdraw Acknowledgment", self.withdraw_current, None,
                                    "Show the selected finding as open again")
        self.add_person_action.setIconText("Add Person")
        self.add_from_catalog_action.setIconText("Add from Catalog")
        self.suggest_action.setIconText("Suggest")
        window.view.extra_context_actions = [
            self.add_person_action, self.edit_person_action, self.remove_person_action,
            self.add_custom_action, self.edit_row_action, self.remove_row_action,
        ]

    def add_menus(self, bar: QMenuBar) -> None:
        people = bar.addMenu("&People")
        people.addActions([self.add_person_action, self.edit_person_action, self.remove_person_action])
        rows = bar.addMenu("&Responsibilities")
        rows.addActions([self.add_from_catalog_action, self.add_custom_action, self.edit_row_action,
                         self.remove_row_action])
        rows.addSeparator()
        rows.addActions([self.move_up_action, self.move_down_action])
        checks = bar.addMenu("&Checks")
        checks.addActions([self.acknowledge_action, self.withdraw_action])

    # ---------------------------------------------------------------- state
    @property
    def team(self) -> Team:
        return self.window.document.team

    def push(self, command: object) -> None:
        self.window.document.undo_stack.push(command)  # type: ignore[arg-type]

    def current_person(self) -> Person | None:
        return self.window.model.person_at(self.window.view.currentIndex().column())

    def current_responsibility(self) -> Responsibility | None:
        return self.window.model.responsibility_at(self.window.view.currentIndex().row())

    def update_enabled(self) -> None:
        person, row = self.current_person(), self.current_responsibility()
        for action in (self.edit_person_action, self.remove_person_action):
            action.setEnabled(person is not None)
        for action in (self.edit_row_action, self.remove_row_action, self.move_up_action, self.move_down_action):
            action.setEnabled(row is not None)
        finding = self.window.findings.current_finding
        self.acknowledge_action.setEnabled(finding is not None and not finding.acknowledged)
        self.withdraw_action.setEnabled(finding is not None and finding.acknowledged)

    # --------------------------------------------------------------- people
    def add_person(self) -> None:
        answer = dialogs.ask_person(self.window, "Add person")
        if answer is not None:
            current = self.current_person()
            index = self.team.person_index(current.id) + 1 if current is not None else None
            self.push(AddPersonCommand(self.team, answer[0], answer[1], index))

    def edit_person(self) -> None:
        person = self.current_person()
        if person is None:
            return
        answer = dialogs.ask_person(self.window, "Edit person", person.name, person.titles)
        if answer is not None and (answer[0], tuple(answer[1])) != (person.name, person.titles):
            self.push(UpdatePersonCommand(self.team, person.id, answer[0], answer[1]))

    def remove_person(self) -> None:
        person = self.current_person()
        if person is None:
            return
        count = self.team.person_cell_count(person.id)
        if self._confirm("Remove person", f"Remove {person.name}? {_cells_go(count)} with them. You can undo it."):
            self.push(RemovePersonCommand(self.team, person.id))

    # ----------------------------------------------------- responsibilities
    def add_from_catalog(self) -> None:
        from raci.catalog import load_catalog  # read when first needed, not at start-up

        catalog = load_catalog()
        present = {row.id for row in self.team.responsibilities}
        present |= {source for row in self.team.responsibilities for source in row.sources}
        entries = dialogs.ask_catalog_entries(self.window, catalog, present)
        if entries:
            taken: set[str] = set(present)
            rows = []
            for entry in entries:
                row = dialogs.responsibility_from_entry(entry, taken)
                taken.add(row.id)
                rows.append(row)
            self.push(AddResponsibilitiesCommand(self.team, rows))
            self._select_row(rows[-1].id)

    def _categories(self) -> list[str]:
        from raci.catalog import load_catalog

        known = [row.category for row in self.team.responsibilities if row.category]
        return list(dict.fromkeys([*known, *load_catalog().categories]))

    def add_custom(self) -> None:
        answer = dialogs.ask_responsibility(self.window, "Add responsibility", self._categories())
        if answer is None:
            return
        taken = {row.id for row in self.team.responsibilities}
        row = Responsibility(make_id(str(answer["title"]), taken, "responsibility"), str(answer["title"]),
                             str(answer["description"]), str(answer["category"]), answer["side"])  # type: ignore[arg-type]
        current = self.current_responsibility()
        index = self.team.responsibility_index(current.id) + 1 if current is not None else None
        self.push(AddResponsibilitiesCommand(self.team, [row], index))
        self._select_row(row.id)

    def edit_responsibility(self) -> None:
        row = self.current_responsibility()
        if row is None:
            return
        answer = dialogs.ask_responsibility(self.window, "Edit responsibility", self._categories(), row)
        if answer is None:
            return
        changes = {key: value for key, value in answer.items() if getattr(row, key) != value}
        if changes:
            self.push(UpdateResponsibilityCommand(self.team, row.id, **changes))

    def remove_responsibility(self) -> None:
        row = self.current_responsibility()
        if row is None:
            return
        count = self.team.responsibility_cell_count(row.id)
        if self._confirm("Remove responsibility",
                         f"Remove \u201c{row.title}\u201d? {_cells_go(count)} with it. You can undo it."):
            self.push(RemoveResponsibilityCommand(self.team, row.id))

    def move_responsibility(self, step: int) -> None:
        self.window.view.move_current_responsibility(step)

    def _select_row(self, rid: str) -> None:
        index = self.window.model.index_for(rid)
        if index.isValid():
            self.window.view.setCurrentIndex(index)
            self.window.view.scrollTo(index)

    # ------------------------------------------------- suggestions, profile
    def suggest(self) -> None:
        """Fill the empty cells as one undo step, then say what was filled."""
        suggestion = suggest(self.team)
        if suggestion.cells:
            self.push(SetCellsCommand(self.team, suggestion.cells, SUGGEST_TEXT))
        text = suggestion.summary() if suggestion.cells else (
            "Nothing to fill: every cell the titles suggest is already filled. " + suggestion.summary())
        self.window.statusBar().showMessage(suggestion.summary(), 10_000)
        QMessageBox.information(self.window, SUGGEST_TEXT, text)

    def set_profile(self, profile: Profile) -> None:
        if profile != self.team.profile:
            self.push(SetProfileCommand(self.team, profile))

    # ------------------------------------------------------ acknowledgments
    def acknowledge(self, finding: Finding) -> None:
        from raci.rules import acknowledge

        reason = dialogs.ask_reason(self.window, finding)
        if reason:
            self.push(AcknowledgeCommand(self.team, acknowledge(finding, reason)))

    def withdraw(self, finding: Finding) -> None:
        if finding.acknowledgment is not None:
            self.push(WithdrawAcknowledgmentCommand(self.team, finding.acknowledgment))

    def acknowledge_current(self) -> None:
        finding = self.window.findings.current_finding
        if finding is not None and not finding.acknowledged:
            self.acknowledge(finding)

    def withdraw_current(self) -> None:
        finding = self.window.findings.current_finding
        if finding is not None:
            self.withdraw(finding)

    def _confirm(self, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(self.window, title, text, buttons.Yes | buttons.Cancel, buttons.Cancel)
        return answer == buttons.Yes


def _cells_go(count: int) -> str:
    """``"3 filled cells go"``, ``"1 filled cell goes"``."""
    return f"{count} filled cell goes" if count == 1 else f"{count} filled cells go"
