"""Every undo command on a bare QUndoStack: push, assert, undo, assert restored, redo."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from raci.model import Acknowledgment, Profile, Responsibility, RuleSetting, Size, Team
from raci.ui.commands import (
    AcknowledgeCommand,
    AddPersonCommand,
    AddResponsibilitiesCommand,
    MovePersonCommand,
    MoveResponsibilityCommand,
    PlaceResponsibilitiesCommand,
    RemovePersonCommand,
    RemoveResponsibilityCommand,
    RenameTeamCommand,
    SetCellsCommand,
    SetProfileCommand,
    SetRuleSettingCommand,
    UpdatePersonCommand,
    UpdateResponsibilityCommand,
    WithdrawAcknowledgmentCommand,
)

from tests.conftest import make_small_team


@pytest.fixture
def team() -> Team:
    return make_small_team()


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


def _ids(items: object) -> list[str]:
    return [item.id for item in items]  # type: ignore[attr-defined]


def test_setting_many_cells_is_one_step_that_undo_restores_entirely(team: Team, stack: QUndoStack) -> None:
    vision, order = _ids(team.responsibilities)[:2]
    ana, ben = _ids(team.people)[:2]
    stack.push(SetCellsCommand(team, {(vision, ana): "R", (vision, ben): "R", (order, ben): None}))
    assert stack.count() == 1
    assert stack.undoText() == "Change 3 cells"
    assert (team.cell(vision, ana), team.cell(vision, ben), team.cell(order, ben)) == ("R", "R", None)
    stack.undo()
    assert (team.cell(vision, ana), team.cell(vision, ben), team.cell(order, ben)) == ("A", None, "A/R")
    stack.redo()
    assert team.cell(vision, ben) == "R"


def test_setting_cells_to_what_they_hold_leaves_nothing_to_undo(team: Team, stack: QUndoStack) -> None:
    vision, ana = team.responsibilities[0].id, team.people[0].id
    stack.push(SetCellsCommand(team, {(vision, ana): "A"}, "Set cell to A"))
    assert stack.count() == 0


def test_adding_a_person_is_undone_and_redone_with_the_same_id(team: Team, stack: QUndoStack) -> None:
    command = AddPersonCommand(team, "Dana  Reyes", ["qa"], index=1)
    stack.push(command)
    assert stack.undoText() == "Add person Dana Reyes"
    added = team.people[1]
    assert (added.name, added.titles) == ("Dana Reyes", ("QA",))
    stack.undo()
    assert [p.name for p in team.people] == ["Ana Lima", "Ben Okafor", "Chloé Martin"]
    stack.redo()
    assert team.people[1] == added


def test_updating_a_person_restores_name_and_titles_on_undo(team: Team, stack: QUndoStack) -> None:
    ana = team.people[0].id
    stack.push(UpdatePersonCommand(team, ana, name="Ana Souza", titles=["Product Owner"]))
    assert stack.undoText() == "Edit person Ana Lima"
    assert (team.person(ana).name, team.person(ana).titles) == ("Ana Souza", ("Product Owner",))
    stack.undo()
    assert (team.person(ana).name, team.person(ana).titles) == ("Ana Lima", ("Product Manager",))


def test_removing_a_person_is_undone_back_into_their_column_with_their_letters(team: Team, stack: QUndoStack) -> None:
    order, ben = team.responsibilities[1].id, team.people[1].id
    stack.push(RemovePersonCommand(team, ben))
    assert stack.undoText() == "Remove person Ben Okafor"
    assert not team.has_person(ben)
    stack.undo()
    assert team.person_index(ben) == 1
    assert team.cell(order, ben) == "A/R"


def test_moving_a_person_is_undone_back_to_their_column(team: Team, stack: QUndoStack) -> None:
    ana = team.people[0].id
    stack.push(MovePersonCommand(team, ana, 2))
    assert team.person_index(ana) == 2
    stack.undo()
    assert team.person_index(ana) == 0


def test_adding_many_responsibilities_is_one_step_and_taken_ids_get_fresh_ones(team: Team, stack: QUndoStack) -> None:
    before = _ids(team.responsibilities)
    rows = [Responsibility("set-the-product-vision", "Set the product vision", category="Vision & strategy"),
            Responsibility("measure-outcomes", "Measure outcomes", category="Vision & strategy")]
    command = AddResponsibilitiesCommand(team, rows, index=1)
    stack.push(command)
    assert stack.undoText() == "Add 2 responsibilities"
    assert command.ids == ["set-the-product-vision-2", "measure-outcomes"]
    assert _ids(team.responsibilities)[1:3] == command.ids
    stack.undo()
    assert _ids(team.responsibilities) == before
    stack.redo()
    assert _ids(team.responsibilities)[1:3] == command.ids


def test_updating_a_responsibility_restores_the_changed_fields_on_undo(team: Team, stack: QUndoStack) -> None:
    vision = team.responsibilities[0]
    stack.push(UpdateResponsibilityCommand(team, vision.id, title="Own the vision", category="Strategy"))
    assert team.responsibility(vision.id).title == "Own the vision"
    stack.undo()
    assert team.responsibility(vision.id) == vision


def test_removing_a_responsibility_is_undone_back_into_its_row_with_its_letters(team: Team, stack: QUndoStack) -> None:
    order = team.responsibilities[1].id
    stack.push(RemoveResponsibilityCommand(team, order))
    assert stack.undoText() == "Remove responsibility 'Order the backlog'"
    stack.undo()
    assert team.responsibility_index(order) == 1
    assert team.responsibility_cell_count(order) == 2


def test_moving_a_responsibility_is_undone_back_to_its_row(team: Team, stack: QUndoStack) -> None:
    vision = team.responsibilities[0].id
    stack.push(MoveResponsibilityCommand(team, vision, 3))
    assert team.responsibility_index(vision) == 3
    stack.undo()
    assert team.responsibility_index(vision) == 0


def test_placing_rows_into_another_category_moves_and_recategorises_them_in_one_step(
        team: Team, stack: QUndoStack) -> None:
    before = list(team.responsibilities)
    vision, order, stories, demo = _ids(before)
    stack.push(PlaceResponsibilitiesCommand(team, [vision, stories], demo, after=False))
    assert stack.count() == 1
    assert _ids(team.responsibilities) == [order, vision, stories, demo]
    assert team.responsibility(vision).category == "Delivery & iterations"
    stack.undo()
    assert list(team.responsibilities) == before
    stack.redo()
    assert _ids(team.responsibilities) == [order, vision, stories, demo]


def test_setting_the_profile_is_undone(team: Team, stack: QUndoStack) -> None:
    old = team.profile
    stack.push(SetProfileCommand(team, Profile(Size.LARGE, 3, "Two markets")))
    assert team.profile.delivery_teams == 3
    stack.undo()
    assert team.profile == old


def test_a_rule_setting_is_undone(team: Team, stack: QUndoStack) -> None:
    stack.push(SetRuleSettingCommand(team, "one-accountable", RuleSetting(enabled=False)))
    assert team.rule_settings["one-accountable"].enabled is False
    stack.undo()
    assert "one-accountable" not in team.rule_settings


def test_renaming_the_team_is_undone(team: Team, stack: QUndoStack) -> None:
    stack.push(RenameTeamCommand(team, "Payments", "The payments squad"))
    assert (team.name, team.description) == ("Payments", "The payments squad")
    stack.undo()
    assert (team.name, team.description) == ("Checkout", "")


def test_acknowledging_and_withdrawing_are_undone_in_place(team: Team, stack: QUndoStack) -> None:
    first = Acknowledgment("one-accountable", ("a",), (), "Intended", "2024-05-01")
    second = Acknowledgment("no-accountable", ("b",), (), "Pilot", "2024-05-02")
    stack.push(AcknowledgeCommand(team, first))
    stack.push(AcknowledgeCommand(team, second))
    assert team.acknowledgments == [first, second]
    stack.push(WithdrawAcknowledgmentCommand(team, first))
    assert team.acknowledgments == [second]
    stack.undo()
    assert team.acknowledgments == [first, second]
    stack.undo()
    stack.undo()
    assert team.acknowledgments == []
