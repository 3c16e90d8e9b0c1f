"""Editing through the window without friction: new people and rows in view, findings that point at cells,
a calm toolbar, the team's own settings, dialogs that scan, and one row order for the grid and the exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QDialog, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from raci.findings import Report
from raci.formats import export_team
from raci.model import RuleSetting
from raci.ordering import ordered_rows
from raci.rules import RULES
from raci.rules.registry import Registry, Rule, Scope
from raci.teamfile import load_team
from raci.templates import list_templates, load_template
from raci.ui import check_settings, dialogs
from raci.ui.main_window import MainWindow

from benchmarks.common import make_team
from tests.ui.conftest import OFFSCREEN_NOISE, WindowFactory

pytestmark = OFFSCREEN_NOISE


def visible(window: MainWindow, row: int, column: int) -> bool:
    view = window.view
    rect = view.visualRect(window.model.index(row, column))
    return view.viewport().rect().contains(rect) and (column == 0 or rect.left() >= view.columnWidth(0))


# --------------------------------------------------- new people and rows
def test_a_person_added_past_the_right_edge_is_scrolled_to_and_selected(
        make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(make_team(30, 40))
    window.resize(1000, 700)
    last = window.document.team.people[-1]
    window.view.select_person(last.id)
    window.view.horizontalScrollBar().setValue(0)
    monkeypatch.setattr(dialogs, "ask_person", lambda *args, **kwargs: ("Dana Wu", ["QA"]))
    window.edits.add_person_action.trigger()
    team = window.document.team
    dana = team.people[-1]
    assert dana.name == "Dana Wu"
    current = window.view.currentIndex()
    assert window.model.person_at(current.column()) == dana
    assert window.view.selected_cells() == [(window.model.responsibility_at(current.row()).id, dana.id)]
    assert visible(window, current.row(), current.column())


def test_rows_added_from_the_catalog_are_selected_and_scrolled_to(
        make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    from raci.catalog import load_catalog

    window = make_window(make_team(60, 5))
    window.resize(1000, 600)
    catalog = load_catalog()
    monkeypatch.setattr(dialogs, "ask_catalog_entries", lambda *args: [catalog.entry("set-product-goal"),
                                                                       catalog.entry("run-product-demos")])
    window.edits.add_from_catalog_action.trigger()
    model, view = window.model, window.view
    titles = {model.responsibility_at(index.row()).id for index in view.selectionModel().selectedIndexes()
              if index.column() == 0}
    assert titles == {"set-product-goal", "run-product-demos"}
    current = view.currentIndex()
    assert model.responsibility_at(current.row()).id in titles and current.column() == 1
    assert visible(window, current.row(), current.column())
    QApplication.processEvents()
    qtbot_typed = view.selected_cells()
    assert all(rid in titles for rid, _ in qtbot_typed)  # a letter typed now goes to the new rows only


def test_a_custom_row_is_selected_with_the_cursor_on_its_first_cell(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialogs, "ask_responsibility", lambda *args, **kwargs: {
        "title": "Run the security review", "description": "", "category": "Quality", "side": "other"})
    window.edits.add_custom_action.trigger()
    row = window.document.team.responsibility("run-the-security-review")
    current = window.view.currentIndex()
    assert window.model.responsibility_at(current.row()) == row and current.column() == 1
    window.view.setFocus()
    qtbot.keyClick(window.view, "r")
    assert window.document.team.cell(row.id, window.document.team.people[0].id) == "R"


# ----------------------------------------------------------- row order
def test_after_a_rows_category_is_edited_the_window_and_the_export_agree(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    team = window.document.team
    vision, order, stories, demo = (row.id for row in team.responsibilities)
    window.view.select_targets([vision], [], [])
    monkeypatch.setattr(dialogs, "ask_responsibility", lambda *args, **kwargs: {
        "title": "Set the product vision", "description": "", "category": "Delivery & iterations",
        "side": team.responsibility(vision).side})
    window.edits.edit_row_action.trigger()
    shown = [window.model.responsibility_at(row).id for row in range(window.model.rowCount())
             if window.model.responsibility_at(row) is not None]
    categories = [window.model.category_at(row) for row in range(window.model.rowCount())
                  if window.model.category_at(row) is not None]
    assert shown == [order, stories, demo, vision]  # the row joined its new block; the other blocks stayed
    assert categories == ["Product backlog", "Delivery & iterations"]
    path = tmp_path / "team.csv"
    export_team(team, path, Report())
    exported = [line.split(",")[0] for line in path.read_text(encoding="utf-8-sig").splitlines()[1:]]
    assert exported == [team.responsibility(rid).title for rid in shown]
    assert [row.id for row in ordered_rows(team)] == shown
    assert window.document.undo_stack.count() == 1
    window.undo_action.trigger()
    assert [row.id for row in team.responsibilities] == [vision, order, stories, demo]
    assert team.responsibility(vision).category == "Vision & strategy"


def test_a_row_moved_to_a_category_of_its_own_stays_where_it_was(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    team = window.document.team
    stories = team.responsibilities[2]
    window.view.select_targets([stories.id], [], [])
    monkeypatch.setattr(dialogs, "ask_responsibility", lambda *args, **kwargs: {
        "title": stories.title, "description": "", "category": "Writing", "side": stories.side})
    window.edits.edit_row_action.trigger()
    assert team.responsibilities[2].id == stories.id
    assert [window.model.category_at(row) for row in range(window.model.rowCount())
            if window.model.category_at(row)] == ["Vision & strategy", "Product backlog", "Writing",
                                                  "Delivery & iterations"]


# ------------------------------------------------------------- findings
def test_a_finding_about_a_person_on_some_rows_selects_just_those_cells_in_the_window(
        make_window: WindowFactory) -> None:
    team = load_template("scrum-team")
    developer = next(p for p in team.people if p.has_title("Developer"))
    team.set_cells({(row.id, developer.id): "R" for row in team.responsibilities[:30]})
    window = make_window(team)
    finding = next(f for f in window.report.open_findings if f.rule == "overloaded-person")
    window.findings.select_finding(finding)
    selected = set(window.view.selected_cells())
    assert selected == set(finding.cells)
    person = finding.people[0]
    assert len(selected) < window.model.rowCount()  # not the person's whole column
    top = min(window.model.row_of(rid) for rid, _ in finding.cells)
    current = window.view.currentIndex()
    assert (current.row(), window.model.person_at(current.column()).id) == (top, person)


# -------------------------------------------------------------- toolbar
def test_the_undo_button_keeps_its_width_and_label_and_the_tooltip_names_the_step(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    button = window.toolbar.widgetForAction(window.undo_action)
    redo = window.toolbar.widgetForAction(window.redo_action)
    width = button.width()
    assert width == redo.width()
    assert window.undo_action.toolTip() == "Nothing to undo"
    monkeypatch.setattr(dialogs, "ask_responsibility", lambda *args, **kwargs: {
        "title": "Serve several sprint teams within clear boundaries and agreed working rules",
        "description": "", "category": "", "side": "other"})
    window.edits.add_custom_action.trigger()
    QApplication.processEvents()
    assert button.text() == "Undo" and button.width() == width
    assert window.undo_action.toolTip() == ("Undo Add responsibility 'Serve several sprint teams within clear "
                                            "boundaries and agreed working rules'")
    window.undo_action.trigger()
    assert window.redo_action.toolTip().startswith("Redo Add responsibility")
    assert redo.text() == "Redo" and redo.width() == width


def test_no_undo_text_shows_a_checks_internal_id(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    finding = window.report.open_findings[0]
    window.findings.select_finding(finding)
    monkeypatch.setattr(dialogs, "ask_reason", lambda *args: "Known.")
    window.findings.acknowledge_button.click()
    title = RULES[finding.rule].title
    assert window.undo_action.toolTip() == f"Undo Acknowledge \u201c{title}\u201d"
    assert finding.rule not in window.undo_action.text()
    window.findings.withdraw_button.click()
    assert window.undo_action.toolTip() == f"Undo Withdraw acknowledgment of \u201c{title}\u201d"


# --------------------------------------------------------- team details
def test_the_team_panel_renames_the_team_as_one_step_saved_in_the_file(
        window: MainWindow, tmp_path: Path) -> None:
    panel = window.profile_panel
    window.edits.team_details_action.trigger()
    assert (window.profile_dock.isVisible() and panel.name_box.hasFocus()) or panel.name_box.selectedText()
    panel.name_box.setText("Checkout squad")
    panel.name_box.editingFinished.emit()
    panel.description_box.setPlainText("Owns the basket and the payment.")
    panel.description_box.editingFinished.emit()
    team = window.document.team
    assert (team.name, team.description) == ("Checkout squad", "Owns the basket and the payment.")
    assert window.document.undo_stack.count() == 2
    path = tmp_path / "squad.raci.json"
    window.document.save_as(path)
    saved = load_team(path)
    assert (saved.name, saved.description) == ("Checkout squad", "Owns the basket and the payment.")
    window.undo_action.trigger()
    assert team.description == "" and panel.description_box.toPlainText() == ""
    window.undo_action.trigger()
    assert panel.name_box.text() == "Checkout"


def test_a_blank_team_name_is_refused_and_the_old_one_shown(window: MainWindow) -> None:
    panel = window.profile_panel
    panel.name_box.setText("   ")
    panel.name_box.editingFinished.emit()
    assert window.document.team.name == "Checkout" and panel.name_box.text() == "Checkout"
    assert window.document.undo_stack.count() == 0


# ------------------------------------------------------- check settings
def test_check_settings_lists_every_check_of_the_registry_with_its_limit(qtbot: QtBot) -> None:
    team = make_team(3, 3)
    team.set_rule_setting("too-many-consulted", RuleSetting(True, 6))
    team.set_rule_setting("idle-person", RuleSetting(False))
    dialog = check_settings.CheckSettingsDialog(None, team)
    qtbot.addWidget(dialog)
    titles = [dialog.table.item(row, check_settings.TITLE).text() for row in range(dialog.table.rowCount())]
    assert titles == [rule.title for rule in RULES]
    assert set(dialog.limits) == {rule.id for rule in RULES if rule.threshold is not None}
    assert dialog.limits["too-many-consulted"].value() == 6
    assert dialog.check_item("idle-person").checkState() == Qt.CheckState.Unchecked
    assert not dialog.limits["overloaded-person"].isEnabled() or dialog.check_item(
        "overloaded-person").checkState() == Qt.CheckState.Checked


def test_a_check_added_to_the_registry_appears_in_the_settings(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    registry = Registry()
    for rule in RULES:
        registry.add(rule)
    registry.add(Rule("new-check", "A check added later", RULES[RULES.ids()[0]].severity, "Looks at something new.",
                      "Why it matters.", (), Scope.ROW, threshold=2))
    monkeypatch.setattr(check_settings, "RULES", registry)
    dialog = check_settings.CheckSettingsDialog(None, make_team(2, 2))
    qtbot.addWidget(dialog)
    assert dialog.check_item("new-check").text() == "A check added later"
    assert dialog.limits["new-check"].value() == 2


def test_changing_check_settings_is_one_undo_step_saved_in_the_file(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def answer(dialog: check_settings.CheckSettingsDialog) -> int:
        dialog.check_item("idle-person").setCheckState(Qt.CheckState.Unchecked)
        dialog.limits["too-many-consulted"].setValue(7)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(check_settings.CheckSettingsDialog, "exec", answer)
    before = {finding.rule for finding in window.report.findings}
    assert "idle-person" in before  # Chloé has no letters
    window.edits.check_settings_action.trigger()
    team = window.document.team
    assert team.rule_settings == {"idle-person": RuleSetting(False), "too-many-consulted": RuleSetting(True, 7)}
    assert "idle-person" not in {finding.rule for finding in window.report.findings}
    assert window.document.undo_stack.count() == 1
    assert window.undo_action.toolTip() == "Undo Change check settings"
    path = tmp_path / "team.raci.json"
    window.document.save_as(path)
    assert load_team(path).rule_settings == team.rule_settings
    window.undo_action.trigger()
    assert team.rule_settings == {}
    assert "idle-person" in {finding.rule for finding in window.report.findings}


def test_accepting_check_settings_unchanged_adds_no_step(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_settings.CheckSettingsDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    window.edits.check_settings_action.trigger()
    assert window.document.undo_stack.count() == 0


def test_restore_defaults_switches_every_check_on_at_its_default_limit(qtbot: QtBot) -> None:
    team = make_team(2, 2)
    team.set_rule_setting("too-many-consulted", RuleSetting(False, 9))
    dialog = check_settings.CheckSettingsDialog(None, team)
    qtbot.addWidget(dialog)
    dialog.restore_defaults()
    assert all(setting is None for setting in dialog.chosen().values())


# -------------------------------------------------------------- dialogs
def test_the_new_team_dialog_lists_template_names_one_line_each_and_describes_the_selected_one(
        qtbot: QtBot) -> None:
    templates = list_templates()
    chooser = dialogs.TemplateChooser(None, templates, "scrum-team")
    qtbot.addWidget(chooser)
    chooser.show()
    items = [chooser.list.item(row) for row in range(chooser.list.count())]
    assert [item.text() for item in items] == [info.name for info in templates]
    line = chooser.list.fontMetrics().height()
    assert all(chooser.list.visualItemRect(item).height() < 2 * line for item in items)
    assert chooser.chosen() == "scrum-team"
    scrum = next(info for info in templates if info.id == "scrum-team")
    assert scrum.description[:60] in chooser.details.text()
    chooser.list.setCurrentRow(0)
    assert templates[0].description[:60] in chooser.details.text()
    assert chooser.chosen() == templates[0].id


class RecordingPainter(QPainter):
    """Records each text drawn and whether the font was bold at the time."""

    def __init__(self, device: QImage) -> None:
        super().__init__(device)
        self.drawn: list[tuple[str, bool]] = []

    def drawText(self, *args: object) -> None:  # type: ignore[override]
        self.drawn.append((str(args[-1]), self.font().bold()))
        super().drawText(*args)  # type: ignore[arg-type]


def test_each_template_is_painted_as_its_name_in_bold_then_one_muted_sentence(qtbot: QtBot) -> None:
    templates = list_templates()
    chooser = dialogs.TemplateChooser(None, templates, "")
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.waitExposed(chooser)
    option = QStyleOptionViewItem()
    chooser.list.initViewItemOption(option)
    option.rect = QRect(0, 0, 600, 28)
    image = QImage(600, 28, QImage.Format.Format_ARGB32)
    painter = RecordingPainter(image)
    chooser.list.itemDelegate().paint(painter, option, chooser.list.model().index(0, 0))
    painter.end()
    name, summary = templates[0].name, dialogs.first_sentence(templates[0].description)
    assert painter.drawn[0] == (name, True)
    text, bold = painter.drawn[1]
    assert not bold and summary.startswith(text.rstrip("\u2026")) and len(text) > 10


def test_catalog_entries_in_the_matrix_are_disabled_and_drawn_grey(qtbot: QtBot) -> None:
    from raci.catalog import load_catalog
    from raci.ui.app import polish

    app = QApplication.instance()
    sheet = app.styleSheet()
    polish(app)
    try:
        picker = dialogs.CatalogPicker(None, load_catalog(), {"set-product-vision"})
        qtbot.addWidget(picker)
        picker.show()
        qtbot.waitExposed(picker)
        items = {item.data(0, dialogs.EntryRole).id: item for item in picker.entries()}
        present, other = items["set-product-vision"], items["develop-product-strategy"]
        assert not present.flags() & Qt.ItemFlag.ItemIsEnabled
        assert darkest(picker, present) > darkest(picker, other) + 60
    finally:
        app.setStyleSheet(sheet)


def darkest(picker: dialogs.CatalogPicker, item: object) -> int:
    """The lightness of the darkest pixel of an item's title: its text colour, as painted."""
    rect = picker.tree.visualItemRect(item)  # type: ignore[arg-type]
    rect.setWidth(picker.tree.columnWidth(0))
    image = picker.tree.viewport().grab(rect).toImage()
    return min(image.pixelColor(x, y).lightness() for x in range(image.width()) for y in range(image.height()))
