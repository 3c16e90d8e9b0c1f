"""The table model as an adapter: the team's changes reach Qt, and Qt's edits reach the team."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack

from raci.findings import Finding, Report, Severity
from raci.letters import RACI
from raci.model import Team
from raci.ui.commands import SetCellsCommand
from raci.ui.matrix_model import MIME_TYPE, CategoryRole, LetterRole, MatrixModel, SeverityRole
from raci.ui.palette import grid_colours

from tests.conftest import make_small_team

TOOLTIP = Qt.ItemDataRole.ToolTipRole


@pytest.fixture
def team() -> Team:
    return make_small_team()


@pytest.fixture
def model(team: Team, qapp: object) -> MatrixModel:
    return MatrixModel(team, QUndoStack())


def _titles(model: MatrixModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_the_model_passes_qts_model_tester(qtmodeltester: object, model: MatrixModel) -> None:
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_rows_are_grouped_under_category_rows_in_order_of_first_appearance(model: MatrixModel) -> None:
    assert _titles(model) == ["Vision & strategy", "Set the product vision", "Product backlog",
                              "Order the backlog", "Write user stories", "Delivery & iterations", "Run the demo"]
    assert [model.category_at(row) for row in (0, 1, 2)] == ["Vision & strategy", None, "Product backlog"]
    assert model.index(0, 0).data(CategoryRole) == "Vision & strategy"


def test_a_row_without_category_is_listed_under_other(team: Team, model: MatrixModel) -> None:
    team.add_responsibility("Keep the lights on")
    assert _titles(model)[-2:] == ["Other", "Keep the lights on"]


def test_columns_are_the_title_then_people_with_name_and_titles_in_the_header(model: MatrixModel) -> None:
    assert model.columnCount() == 4
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Responsibility"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Ana Lima\nProduct Manager"
    assert model.person_at(2).name == "Ben Okafor"
    assert model.person_at(0) is None


def test_cells_read_the_teams_letters_with_colour_and_meaning(model: MatrixModel) -> None:
    cell = model.index(3, 2)  # Order the backlog x Ben
    assert cell.data() == "A/R"
    assert model.data(cell, LetterRole) == "A/R"
    assert cell.data(LetterRole) == "A/R"  # through Qt, the letter arrives as its text
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == grid_colours(RACI, False).letter_fill["A/R"]
    assert cell.data(Qt.ItemDataRole.FontRole).bold()
    assert cell.data(TOOLTIP) == "Ben Okafor on 'Order the backlog': Accountable and Responsible: owns it and does it"
    assert model.index(4, 2).data() == ""


def test_category_rows_are_not_editable_and_refuse_letters(model: MatrixModel) -> None:
    header = model.index(0, 1)
    assert not model.flags(header) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(header) & Qt.ItemFlag.ItemIsSelectable
    assert model.setData(header, "R") is False
    assert model.setData(model.index(1, 0), "R") is False  # nor is a title a cell
    assert model.undo_stack.count() == 0


def test_changing_the_team_shows_in_the_model_with_one_signal_for_the_range(
        qtbot: object, team: Team, model: MatrixModel) -> None:
    vision, stories = team.responsibilities[0].id, team.responsibilities[2].id
    ana, chloe = team.people[0].id, team.people[2].id
    changed: list[tuple[QModelIndex, QModelIndex]] = []
    model.dataChanged.connect(lambda top_left, bottom_right, _roles: changed.append((top_left, bottom_right)))
    with qtbot.waitSignal(model.teamChanged):  # type: ignore[attr-defined]
        team.set_cells({(vision, ana): "R", (stories, chloe): "C", (stories, ana): "I"})
    assert len(changed) == 1
    top_left, bottom_right = changed[0]
    assert (top_left.row(), top_left.column(), bottom_right.row(), bottom_right.column()) == (1, 1, 4, 3)
    assert model.index(4, 3).data() == "C"


def test_a_bulk_change_of_the_whole_grid_emits_one_data_changed(team: Team, model: MatrixModel) -> None:
    changes = {(row.id, person.id): "I" for row in team.responsibilities for person in team.people}
    counted: list[object] = []
    model.dataChanged.connect(lambda *args: counted.append(args))
    model.undo_stack.push(SetCellsCommand(team, changes))
    assert len(counted) == 1
    model.undo_stack.undo()
    assert len(counted) == 2


def test_setting_data_pushes_one_undo_step_that_changes_the_team(team: Team, model: MatrixModel) -> None:
    demo, ben = team.responsibilities[3].id, team.people[1].id
    assert model.setData(model.index(6, 2), "r")
    assert team.cell(demo, ben) == "R"
    assert model.undo_stack.undoText() == "Set cell to R"
    model.undo_stack.undo()
    assert team.cell(demo, ben) is None
    assert model.setData(model.index(6, 2), "Z") is False


def test_people_added_removed_and_moved_become_columns(qtbot: object, team: Team, model: MatrixModel) -> None:
    with qtbot.waitSignal(model.columnsInserted):  # type: ignore[attr-defined]
        team.add_person("Dana Reyes", ["QA"], index=0)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Dana Reyes\nQA"
    with qtbot.waitSignal(model.columnsMoved):  # type: ignore[attr-defined]
        team.move_person("dana-reyes", 3)
    assert model.person_at(4).name == "Dana Reyes"
    with qtbot.waitSignal(model.columnsRemoved):  # type: ignore[attr-defined]
        team.remove_person("dana-reyes")
    assert model.columnCount() == 4


def test_a_renamed_responsibility_and_a_changed_category_show_at_once(team: Team, model: MatrixModel) -> None:
    demo = team.responsibilities[3].id
    team.update_responsibility(demo, title="Show the increment")
    assert model.index(6, 0).data() == "Show the increment"
    team.update_responsibility(demo, category="Product backlog")
    assert _titles(model) == ["Vision & strategy", "Set the product vision", "Product backlog",
                              "Order the backlog", "Write user stories", "Show the increment"]


def _report(team: Team) -> Report:
    vision, order = team.responsibilities[0].id, team.responsibilities[1].id
    ana, ben = team.people[0].id, team.people[1].id
    return Report.of([
        Finding("two-accountable", Severity.ERROR, "Two people are accountable for 'Order the backlog'.",
                "One owner.", ("RACI practice",), (order,), (ana, ben), ((order, ana), (order, ben))),
        Finding("no-responsible", Severity.WARNING, "Nobody does 'Set the product vision'.", "Someone must.",
                ("RACI practice",), (vision,)),
    ])


def test_findings_mark_their_cells_rows_and_people_with_a_tooltip(team: Team, model: MatrixModel) -> None:
    model.set_report(_report(team))
    cell = model.index(3, 1)  # Order the backlog x Ana
    assert cell.data(SeverityRole) == Severity.ERROR
    assert "Error: Two people are accountable for 'Order the backlog'." in cell.data(TOOLTIP)
    assert model.index(1, 0).data(SeverityRole) == Severity.WARNING
    assert model.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Warning: Nobody does 'Set the product vision'." in model.index(1, 0).data(TOOLTIP)
    assert "Two people are accountable" in model.headerData(2, Qt.Orientation.Horizontal, TOOLTIP)
    assert model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(6, 1).data(SeverityRole) is None
    assert model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.DecorationRole) is None


def test_acknowledged_findings_leave_no_marker(team: Team, model: MatrixModel) -> None:
    from raci.model import Acknowledgment

    acknowledged = Report.of(f.acknowledged_by(Acknowledgment(f.rule, (), (), "Intended", "2024-05-01"))
                             for f in _report(team))
    model.set_report(acknowledged)
    assert model.index(3, 1).data(SeverityRole) is None


def test_filtering_by_text_matches_title_category_or_tag(team: Team, model: MatrixModel) -> None:
    model.set_row_filter("BACKLOG")
    assert _titles(model) == ["Product backlog", "Order the backlog", "Write user stories"]
    model.set_row_filter("vision")  # a tag and a title
    assert _titles(model) == ["Vision & strategy", "Set the product vision"]
    model.set_row_filter("")
    assert model.rowCount() == 7


def test_filtering_by_person_shows_only_rows_where_they_have_a_letter(team: Team, model: MatrixModel) -> None:
    model.set_person_filter(team.people[0].id)
    assert _titles(model) == ["Vision & strategy", "Set the product vision", "Product backlog", "Order the backlog"]
    assert model.index_for(team.responsibilities[2].id).isValid() is False
    model.set_person_filter(None)
    assert model.rowCount() == 7


def test_dropping_a_dragged_row_reorders_the_team_and_joins_the_target_category(
        team: Team, model: MatrixModel) -> None:
    vision, order, stories, demo = (row.id for row in team.responsibilities)
    data = model.mimeData([model.index(6, 0)])  # drag "Run the demo"
    assert data.hasFormat(MIME_TYPE)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(3, 0))  # onto "Order the backlog"
    assert [row.id for row in team.responsibilities] == [vision, demo, order, stories]
    assert team.responsibility(demo).category == "Product backlog"
    assert _titles(model)[2:6] == ["Product backlog", "Run the demo", "Order the backlog", "Write user stories"]
    assert model.undo_stack.count() == 1
    model.undo_stack.undo()
    assert [row.id for row in team.responsibilities] == [vision, order, stories, demo]
    assert team.responsibility(demo).category == "Delivery & iterations"


def test_a_moved_row_keeps_its_persistent_index(team: Team, model: MatrixModel) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    stories = team.responsibilities[2].id
    held = QPersistentModelIndex(model.index(4, 2))
    assert model.move_responsibility_step(stories, -1)
    assert held.row() == 3 and model.responsibility_at(held.row()).id == stories


def test_a_new_team_replaces_the_old_one(model: MatrixModel) -> None:
    other = Team(name="Empty")
    other.add_person("Solo")
    model.set_team(other)
    assert (model.rowCount(), model.columnCount()) == (0, 2)


def test_a_new_report_repaints_only_what_its_markers_changed(team: Team, model: MatrixModel) -> None:
    model.set_report(_report(team))
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles: changed.append((a.row(), a.column(), b.row(), b.column())))
    headers: list[tuple[int, int]] = []
    model.headerDataChanged.connect(lambda _orientation, first, last: headers.append((first, last)))
    model.set_report(_report(team))
    assert (changed, headers) == ([], [])
    model.set_report(Report.of(list(_report(team))[1:]))  # the error on 'Order the backlog' is fixed
    assert changed == [(3, 0, 3, 2)]
    assert headers == [(1, 2)]
    assert model.index(3, 1).data(SeverityRole) is None
