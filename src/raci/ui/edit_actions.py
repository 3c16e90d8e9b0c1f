"""The window's editing actions: people, responsibilities, suggestions, team details, letters, checks, acknowledgments.

Each action asks what it needs (through :mod:`raci.ui.dialogs` or a
confirmation), then pushes exactly one undo step, so every edit is one
Undo. The person and the row an action works on are the ones under the
grid's current cell; a person or row just added is scrolled to and
selected.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence, QUndoCommand
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from raci.findings import Finding
from raci.model import Person, Profile, Responsibility, Team, make_id
from raci.suggest import suggest
from raci.ui import dialogs
from raci.ui.commands import (
    AcknowledgeCommand,
    AddPersonCommand,
    AddResponsibilitiesCommand,
    PlaceResponsibilitiesCommand,
    RemovePersonCommand,
    RemoveResponsibilityCommand,
    RenameTeamCommand,
    SetCellsCommand,
    SetProfileCommand,
    SwitchLettersCommand,
    UpdatePersonCommand,
    UpdateResponsibilityCommand,
    WithdrawAcknowledgmentCommand,
    rule_settings_commands,
)
from raci.ui.window_layout import make_action

if TYPE_CHECKING:
    from raci.ui.document import Document
    from raci.ui.findings_dock import FindingsDock
    from raci.ui.matrix_view import MatrixView

SUGGEST_TEXT = "Suggest assignments"


class EditActions(QObject):
    """The People, Responsibilities and Checks menus, and the grid's context actions.

    ``parent`` is where dialogs appear; the actions edit ``document``'s
    team, work on ``view``'s current cell, acknowledge ``findings``'
    current finding, and say what they did through ``status``.
    """

    teamDetailsRequested = Signal()  # Edit > Team Details: the window shows the team panel

    def __init__(self, parent: QWidget, document: Document, view: MatrixView, findings: FindingsDock,
                 status: Callable[[str, int], None]) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.document = document
        self.view = view
        self.model = view.matrix_model()
        self.findings = findings
        self._show_status = status
        make = functools.partial(make_action, parent)
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
        self.team_details_action = make("&Team Details\u2026", self.teamDetailsRequested.emit, None,
                                        "Change the team's name and description")
        self.check_settings_action = make("Check &Settings\u2026", self.check_settings, None,
                                          "Switch checks off or on and change their limits for this team")
        self.letters_action = make("&Letters\u2026", self.letters, None,
                                   "Choose the team's letters (RACI, RASCI, DACI, CAIRO, RACI-VS) or define its own")
        self.add_person_action.setIconText("Add Person")
        self.add_from_catalog_action.setIconText("Add from Catalog")
        self.suggest_action.setIconText("Suggest")
        view.extra_context_actions = [
            self.add_person_action, self.edit_person_action, self.remove_person_action,
            self.add_custom_action, self.edit_row_action, self.remove_row_action,
        ]

    def fill_menus(self, people: QMenu, rows: QMenu, checks: QMenu) -> None:
        """The People, Responsibilities and Checks menus."""
        people.addActions([self.add_person_action, self.edit_person_action, self.remove_person_action])
        rows.addActions([self.add_from_catalog_action, self.add_custom_action, self.edit_row_action,
                         self.remove_row_action])
        rows.addSeparator()
        rows.addActions([self.move_up_action, self.move_down_action])
        checks.addActions([self.acknowledge_action, self.withdraw_action])
        checks.addSeparator()
        checks.addActions([self.letters_action, self.check_settings_action])

    # ---------------------------------------------------------------- state
    @property
    def team(self) -> Team:
        return self.document.team

    def push(self, command: QUndoCommand) -> None:
        self.document.undo_stack.push(command)

    def push_all(self, text: str, commands: list[QUndoCommand]) -> None:
        """Several commands as one undo step (one alone is pushed as it is)."""
        if len(commands) == 1:
            self.push(commands[0])
            return
        stack = self.document.undo_stack
        stack.beginMacro(text)
        for command in commands:
            stack.push(command)
        stack.endMacro()

    def current_person(self) -> Person | None:
        return self.model.person_at(self.view.currentIndex().column())

    def current_responsibility(self) -> Responsibility | None:
        return self.model.responsibility_at(self.view.currentIndex().row())

    def update_enabled(self) -> None:
        person, row = self.current_person(), self.current_responsibility()
        for action in (self.edit_person_action, self.remove_person_action):
            action.setEnabled(person is not None)
        for action in (self.edit_row_action, self.remove_row_action, self.move_up_action, self.move_down_action):
            action.setEnabled(row is not None)
        finding = self.findings.current_finding
        self.acknowledge_action.setEnabled(finding is not None and not finding.acknowledged)
        self.withdraw_action.setEnabled(finding is not None and finding.acknowledged)

    # --------------------------------------------------------------- people
    def add_person(self) -> None:
        answer = dialogs.ask_person(self.parent_widget, "Add person")
        if answer is not None:
            current = self.current_person()
            index = self.team.person_index(current.id) + 1 if current is not None else None
            command = AddPersonCommand(self.team, answer[0], answer[1], index)
            self.push(command)
            if command.person is not None:
                self.view.select_person(command.person.id)

    def edit_person(self) -> None:
        person = self.current_person()
        if person is None:
            return
        answer = dialogs.ask_person(self.parent_widget, "Edit person", person.name, person.titles)
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
        from raci.catalog import load_catalog, rows_from_entries  # read when first needed, not at start-up

        catalog = load_catalog()
        present = {row.id for row in self.team.responsibilities}
        present |= {source for row in self.team.responsibilities for source in row.sources}
        entries = dialogs.ask_catalog_entries(self.parent_widget, catalog, present)
        if entries:
            command = AddResponsibilitiesCommand(self.team, rows_from_entries(entries, present))
            self.push(command)
            self.view.select_responsibilities(command.ids)

    def _categories(self) -> list[str]:
        from raci.catalog import load_catalog

        known = [row.category for row in self.team.responsibilities if row.category]
        return list(dict.fromkeys([*known, *load_catalog().categories]))

    def add_custom(self) -> None:
        answer = dialogs.ask_responsibility(self.parent_widget, "Add responsibility", self._categories())
        if answer is None:
            return
        taken = {row.id for row in self.team.responsibilities}
        row = Responsibility(make_id(str(answer["title"]), taken, "responsibility"), str(answer["title"]),
                             str(answer["description"]), str(answer["category"]), answer["side"])  # type: ignore[arg-type]
        current = self.current_responsibility()
        index = self.team.responsibility_index(current.id) + 1 if current is not None else None
        command = AddResponsibilitiesCommand(self.team, [row], index)
        self.push(command)
        self.view.select_responsibilities(command.ids)

    def edit_responsibility(self) -> None:
        row = self.current_responsibility()
        if row is None:
            return
        answer = dialogs.ask_responsibility(self.parent_widget, "Edit responsibility", self._categories(), row)
        if answer is None:
            return
        changes = {key: value for key, value in answer.items() if getattr(row, key) != value}
        if changes:
            self.push_all(f"Edit responsibility '{row.title}'", self._update_commands(row, changes))
            self.view.select_responsibilities([row.id])

    def _update_commands(self, row: Responsibility, changes: dict[str, object]) -> list[QUndoCommand]:
        """The edit, and for a category that other rows have, the move to the end of their block.

        Without the move the row would stay among its old neighbours in
        the team's order, and its new category's block, shown where that
        category first appears, could jump to where the row is.
        """
        category = changes.get("category")
        others = [other.id for other in self.team.responsibilities
                  if category is not None and other.category == category and other.id != row.id]
        if not others:
            return [UpdateResponsibilityCommand(self.team, row.id, **changes)]
        rest = {key: value for key, value in changes.items() if key != "category"}
        commands: list[QUndoCommand] = [UpdateResponsibilityCommand(self.team, row.id, **rest)] if rest else []
        return [*commands, PlaceResponsibilitiesCommand(self.team, [row.id], others[-1], True)]

    def remove_responsibility(self) -> None:
        row = self.current_responsibility()
        if row is None:
            return
        count = self.team.responsibility_cell_count(row.id)
        if self._confirm("Remove responsibility",
                         f"Remove \u201c{row.title}\u201d? {_cells_go(count)} with it. You can undo it."):
            self.push(RemoveResponsibilityCommand(self.team, row.id))

    def move_responsibility(self, step: int) -> None:
        self.view.move_current_responsibility(step)

    # ------------------------------------------------- suggestions, profile
    def suggest(self) -> None:
        """Fill the empty cells as one undo step, then say what was filled."""
        suggestion = suggest(self.team)
        if suggestion.cells:
            self.push(SetCellsCommand(self.team, suggestion.cells, SUGGEST_TEXT))
        text = suggestion.summary() if suggestion.cells else (
            "Nothing to fill: every cell the titles suggest is already filled. " + suggestion.summary())
        self._show_status(suggestion.summary(), 10_000)
        QMessageBox.information(self.parent_widget, SUGGEST_TEXT, text)

    def set_profile(self, profile: Profile) -> None:
        if profile != self.team.profile:
            self.push(SetProfileCommand(self.team, profile))

    def set_team_details(self, name: str, description: str) -> None:
        """A new team name or description from the team panel: one undo step (a blank name is refused)."""
        name, description = " ".join(name.split()), description.strip()
        if name and (name, description) != (self.team.name, self.team.description):
            self.push(RenameTeamCommand(self.team, name, description))

    def check_settings(self) -> None:
        """Checks > Check Settings: the dialog lists every check; what changed is one undo step."""
        from raci.ui.check_settings import ask_rule_settings

        chosen = ask_rule_settings(self.parent_widget, self.team)
        if chosen is None:
            return
        commands = rule_settings_commands(self.team, chosen)
        if commands:
            self.push_all("Change check settings", list(commands))

    def letters(self) -> None:
        """Checks > Letters: the set chosen (after seeing what it changes) is one undo step."""
        from raci.ui.letters_dialog import ask_letters

        answer = ask_letters(self.parent_widget, self.team)
        if answer is None:
            return
        letters, mapping = answer
        same = letters.id == self.team.letter_set.id
        text = f"Edit the letters of {letters.name}" if same else f"Switch letters to {letters.name}"
        self.push(SwitchLettersCommand(self.team, letters, mapping, text))
        self._show_status(f"The team now writes its cells in {letters.name}.", 8000)

    # ------------------------------------------------------ acknowledgments
    def acknowledge(self, finding: Finding) -> None:
        from raci.rules import acknowledge

        reason = dialogs.ask_reason(self.parent_widget, finding)
        if reason:
            self.push(AcknowledgeCommand(self.team, acknowledge(finding, reason)))

    def withdraw(self, finding: Finding) -> None:
        if finding.acknowledgment is not None:
            self.push(WithdrawAcknowledgmentCommand(self.team, finding.acknowledgment))

    def acknowledge_current(self) -> None:
        finding = self.findings.current_finding
        if finding is not None and not finding.acknowledged:
            self.acknowledge(finding)

    def withdraw_current(self) -> None:
        finding = self.findings.current_finding
        if finding is not None:
            self.withdraw(finding)

    def _confirm(self, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(self.parent_widget, title, text, buttons.Yes | buttons.Cancel, buttons.Cancel)
        return answer == buttons.Yes


def _cells_go(count: int) -> str:
    """``"3 filled cells go"``, ``"1 filled cell goes"``."""
    return f"{count} filled cell goes" if count == 1 else f"{count} filled cells go"
