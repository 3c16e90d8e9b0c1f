"""A big, busy team in the window: after typing, pasting, deleting, moving and undoing, every panel tells the truth.

The panels follow each report by what changed instead of reading it all
again, so these tests compare them, after each edit, with what a fresh
check of the team says: the findings list, the grid's markers and the
workload's counts and flags.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from raci.clipboard import format_tsv
from raci.findings import Finding, Report, Severity
from raci.model import Person, Profile, Responsibility, Side, Size, Team
from raci.rules import check
from raci.ui.findings_dock import FindingRole
from raci.ui.main_window import MainWindow
from raci.ui.matrix_model import SeverityRole

from tests.ui.conftest import OFFSCREEN_NOISE, WindowFactory

pytestmark = OFFSCREEN_NOISE

ROWS, PEOPLE = 60, 12
TAGS = ("vision", "roadmap", "market", "customer", "finance", "backlog", "delivery", "quality")


def busy_team(seed: int = 3) -> Team:
    """Every cell filled with a random letter, rows tagged for the article rules: hundreds of findings."""
    rng = random.Random(seed)
    people = [Person(f"p{j}", f"Person {j}", (("Product Manager", "Product Owner", "Developer")[j % 3],))
              for j in range(PEOPLE)]
    rows = [Responsibility(f"r{i}", f"Responsibility {i}", category=f"Category {i * 4 // ROWS}",
                           side=list(Side)[i % 4], tags=(TAGS[i % len(TAGS)],)) for i in range(ROWS)]
    cells = {row.id: {person.id: rng.choice(["R", "A", "C", "I", "A/R"]) for person in people} for row in rows}
    return Team.from_parts(name="Busy", profile=Profile(Size.LARGE, 3), people=people, responsibilities=rows,
                           cells=cells)


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    return make_window(busy_team())


def listed(window: MainWindow) -> list[tuple[Finding, object, str]]:
    """The findings panel's rows as a person reads them: finding, acknowledgment and text, group by group."""
    model, rows = window.findings.model, []
    for severity in Severity:
        group = model.group_index(severity)
        for row in range(model.rowCount(group)):
            index = model.index(row, 0, group)
            rows.append((index.data(FindingRole), index.data(FindingRole).acknowledgment, index.data()))
    return rows


def expected_list(report: Report) -> list[tuple[Finding, object, str]]:
    return [(f, f.acknowledgment, f.message + (f"\nAcknowledged: {f.acknowledgment.reason}" if f.acknowledged else ""))
            for severity in Severity for f in report if f.severity is severity]


def worst(findings: list[Finding]) -> Severity | None:
    return max((f.severity for f in findings), key=lambda severity: severity.rank, default=None)


def assert_panels_tell_the_truth(window: MainWindow) -> None:
    """Findings list, grid markers and workload, each against a fresh check of the team."""
    team = window.document.team
    report = check(team)
    assert listed(window) == expected_list(report)
    open_findings = report.open_findings
    model = window.model
    for row in team.responsibilities:
        for person in team.people:
            index = model.index_for(row.id, person.id)
            assert index.data(SeverityRole) == worst([f for f in open_findings if (row.id, person.id) in f.cells])
        assert model.index_for(row.id).data(SeverityRole) == worst(
            [f for f in open_findings if row.id in f.responsibilities])
    loads = window.workload.model.loads
    assert [load.person_id for load in loads] == [person.id for person in team.people]
    for load in loads:
        letters = [team.cell(row.id, load.person_id) for row in team.responsibilities]
        assert load.counts == (sum(1 for x in letters if x in ("R", "A/R")),
                               sum(1 for x in letters if x in ("A", "A/R")), letters.count("C"), letters.count("I"))
        assert load.flag is worst([f for f in open_findings if load.person_id in f.people])


def select_cell(window: MainWindow, row_id: str, person_id: str) -> None:
    index = window.model.index_for(row_id, person_id)
    window.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def block(rows: int, columns: int) -> str:
    letters = ["R", "A", "C", "I", "A/R"]
    return format_tsv([[letters[(i + 2 * j) % len(letters)] for j in range(columns)] for i in range(rows)])


def test_the_busy_team_starts_with_every_panel_right(window: MainWindow) -> None:
    assert len(window.report.findings) > 100
    assert_panels_tell_the_truth(window)


def test_typing_letters_keeps_findings_markers_and_workload_right(qtbot: QtBot, window: MainWindow) -> None:
    team = window.document.team
    for row, person, key in (("r5", "p3", Qt.Key.Key_C), ("r5", "p3", Qt.Key.Key_A), ("r40", "p11", Qt.Key.Key_I)):
        select_cell(window, row, person)
        qtbot.keyClick(window.view, key)
    assert team.cell("r40", "p11") == "I"
    assert_panels_tell_the_truth(window)


def test_a_paste_and_its_undo_leave_every_panel_right(window: MainWindow) -> None:
    team = window.document.team
    before = listed(window)
    select_cell(window, "r0", "p0")
    window.view.paste(block(30, 8))
    assert window.document.undo_stack.undoText().startswith("Paste")
    assert listed(window) != before
    assert_panels_tell_the_truth(window)
    window.undo_action.trigger()
    assert listed(window) == before
    assert_panels_tell_the_truth(window)
    window.redo_action.trigger()
    assert team.cell("r0", "p0") == "R"
    assert_panels_tell_the_truth(window)


def test_delete_on_everything_and_its_undo_leave_every_panel_right(qtbot: QtBot, window: MainWindow) -> None:
    team = window.document.team
    before = listed(window)
    window.view.selectAll()
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert team.filled_count() == 0
    assert all(load.counts == (0, 0, 0, 0) for load in window.workload.model.loads)
    assert_panels_tell_the_truth(window)
    window.undo_action.trigger()
    assert team.filled_count() == ROWS * PEOPLE
    assert listed(window) == before
    assert_panels_tell_the_truth(window)


def test_dragging_a_persons_header_and_undoing_it_leave_every_panel_right(window: MainWindow) -> None:
    team = window.document.team
    moving = team.people[1]
    window.view.horizontalHeader().moveSection(2, 7)  # a header dragged from column 2 to column 7
    assert team.people[6] == moving
    assert [load.person_id for load in window.workload.model.loads][6] == moving.id
    assert_panels_tell_the_truth(window)
    window.undo_action.trigger()
    assert team.people[1] == moving
    assert_panels_tell_the_truth(window)


def test_adding_and_removing_people_and_rows_keep_every_panel_right(window: MainWindow) -> None:
    team = window.document.team
    team.add_person("Dana New", ["Product Owner"], index=4)
    team.set_cells({("r1", team.people[4].id): "A", ("r2", team.people[4].id): "A/R"})
    window.recheck()
    assert_panels_tell_the_truth(window)
    team.remove_responsibility("r2")
    team.remove_person("p0")
    window.recheck()
    assert_panels_tell_the_truth(window)


def test_a_selected_finding_stays_selected_while_letters_are_typed_elsewhere(qtbot: QtBot,
                                                                             window: MainWindow) -> None:
    about_r50 = next(f for f in window.report.findings if f.responsibilities == ("r50",))
    window.findings.select_finding(about_r50)
    select_cell(window, "r3", "p2")
    with qtbot.assertNotEmitted(window.findings.findingSelected):
        qtbot.keyClick(window.view, Qt.Key.Key_C)
        qtbot.keyClick(window.view, Qt.Key.Key_I)
    assert window.findings.current_finding == about_r50
    assert window.view.currentIndex() == window.model.index_for("r3", "p2")


def test_a_hidden_workload_panel_catches_up_when_shown_again(qtbot: QtBot, window: MainWindow) -> None:
    window.workload_dock.hide()
    select_cell(window, "r7", "p5")
    for key in (Qt.Key.Key_C, Qt.Key.Key_Delete):
        qtbot.keyClick(window.view, key)
    window.view.selectAll()
    window.view.paste(block(10, 4))
    window.workload_dock.show()
    qtbot.waitUntil(window.workload.isVisible)
    assert_panels_tell_the_truth(window)
