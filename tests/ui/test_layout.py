"""The window on a laptop, launch after launch: what it remembers, what it checks, and how much grid it leaves.

Each launch here is what ``raci`` does (a deferred build after the first
show) on one settings file, with the screen's usable area set by the test,
so a "1280 x 720 screen" is exactly that on any machine.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QApplication, QDockWidget
from pytestqt.qtbot import QtBot

from raci.templates import load_template
from raci.ui import layout_memory
from raci.ui import settings as options
from raci.ui.main_window import MainWindow
from raci.ui.matrix_view import ROW_HEIGHT
from raci.ui.person_header import PERSON_WIDTH
from raci.ui.recovery import RecoveryStore
from raci.ui.settings import Settings

from tests.ui.conftest import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE
# Offscreen, a floating panel cannot be raised, and says so (a test's mark replaces the module's).
FLOATING_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                           "This plugin does not support raise")
CTRL = Qt.KeyboardModifier.ControlModifier


@dataclass
class Launcher:
    """Starts windows one after another on one settings file, on a screen of a chosen size."""

    qtbot: QtBot
    tmp_path: Path
    monkeypatch: pytest.MonkeyPatch
    windows: list[MainWindow] = field(default_factory=list)

    @property
    def settings(self) -> Settings:
        return Settings.from_file(self.tmp_path / "settings.ini")

    def screen(self, width: int, height: int) -> None:
        self.monkeypatch.setattr(layout_memory, "available_area", lambda _widget: QRect(0, 0, width, height))

    def launch(self, template: str = "scrum-team") -> MainWindow:
        window = MainWindow(load_template(template), settings=self.settings,
                            recovery=RecoveryStore(self.tmp_path / "recovery"), deferred=True)
        self.qtbot.addWidget(window)
        window.show()
        self.qtbot.waitUntil(lambda: window.built)
        self.qtbot.waitExposed(window)
        for _ in range(5):  # the restored panels take their sizes over a few turns of the event loop
            QApplication.processEvents()
        self.windows.append(window)
        return window

    def quit(self, window: MainWindow) -> None:
        window.document.undo_stack.setClean()
        assert window.close()


@pytest.fixture
def launcher(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Launcher]:
    starts = Launcher(qtbot, tmp_path, monkeypatch)
    yield starts
    for window in starts.windows:
        if window.isVisible():
            starts.quit(window)


def people_shown(window: MainWindow) -> int:
    """The person columns entirely in view beside the title column."""
    view, header = window.view, window.view.horizontalHeader()
    return sum(1 for column in range(1, window.model.columnCount())
               if header.sectionViewportPosition(column) >= view.columnWidth(0)
               and header.sectionViewportPosition(column) + header.sectionSize(column) <= view.viewport().width())


def rows_shown(window: MainWindow) -> int:
    """The grid's rows entirely in view, category rows included."""
    view = window.view
    return sum(1 for row in range(window.model.rowCount())
               if view.rowViewportPosition(row) >= 0
               and view.rowViewportPosition(row) + view.rowHeight(row) <= view.viewport().height())


def grid_width(window: MainWindow) -> int:
    return window.view.viewport().width()


# ----------------------------------------------------------- first paint
@pytest.mark.parametrize("screen", [(1280, 720), (1024, 700)])
@pytest.mark.parametrize("launch", [1, 2])
def test_the_grid_painted_first_stays_put_when_the_panels_fill_in(launcher: Launcher, monkeypatch: pytest.MonkeyPatch,
                                                                    launch: int, screen: tuple[int, int]) -> None:
    launcher.screen(*screen)
    if launch == 2:
        launcher.quit(launcher.launch())
    first_paint: list[tuple[QRect, bool]] = []
    build_grid = MainWindow._build_grid

    def watched_build(window: MainWindow) -> None:
        build_grid(window)
        window.view.viewport().installEventFilter(_PaintWatcher(window, first_paint))

    monkeypatch.setattr(MainWindow, "_build_grid", watched_build)
    window = launcher.launch()
    (where, panels_built), = first_paint[:1]
    assert not panels_built  # the grid was painted before the panels were built
    viewport = window.view.viewport()
    assert where == QRect(viewport.mapTo(window, viewport.rect().topLeft()), viewport.size())
    assert window.findings.isVisible()


class _PaintWatcher(QObject):
    """Notes where the grid's viewport lies in the window when it is first painted."""

    def __init__(self, window: MainWindow, seen: list[tuple[QRect, bool]]) -> None:
        super().__init__(window)
        self._window, self._seen = window, seen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            viewport = self._window.view.viewport()
            where = QRect(viewport.mapTo(self._window, viewport.rect().topLeft()), viewport.size())
            self._seen.append((where, self._window.built))
        return False


# ------------------------------------------------------------ second launch
def test_a_second_launch_gives_the_grid_at_least_the_first_launchs_width(launcher: Launcher) -> None:
    launcher.screen(1280, 720)
    first = launcher.launch()
    width = grid_width(first)
    launcher.quit(first)
    second = launcher.launch()
    assert grid_width(second) >= width
    assert (second.width(), second.height()) == (first.width(), first.height())


@pytest.mark.parametrize("screen", [(1280, 720), (1440, 900)])
def test_the_third_launch_is_the_second(launcher: Launcher, screen: tuple[int, int]) -> None:
    launcher.screen(*screen)
    launcher.quit(launcher.launch())
    second = launcher.launch()
    width, panels = grid_width(second), second.findings_dock.width()
    launcher.quit(second)
    third = launcher.launch()
    assert (grid_width(third), third.findings_dock.width()) == (width, panels)


def relaunch_after_dragging_the_panels(launcher: Launcher, width: int) -> tuple[int, int, int, MainWindow]:
    """Launch at 1280 x 720, drag the panels' column to ``width``, quit and launch again.

    Returns the grid's width at first, then once dragged, the panels' width once dragged, and the second window.
    """
    launcher.screen(1280, 720)
    first = launcher.launch()
    width_at_first = grid_width(first)
    first.resizeDocks([first.findings_dock], [width], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    dragged = (grid_width(first), first.findings_dock.width())
    launcher.quit(first)
    return width_at_first, *dragged, launcher.launch()


def test_panels_dragged_wide_give_way_to_the_grid_on_the_next_launch(launcher: Launcher) -> None:
    width, squeezed, _, second = relaunch_after_dragging_the_panels(launcher, 700)
    assert squeezed < width - 200  # the person did squeeze the grid
    assert grid_width(second) >= width - 4  # within the separator's width of the first launch


def test_a_narrower_panel_column_is_kept(launcher: Launcher) -> None:
    width, _, narrowed, second = relaunch_after_dragging_the_panels(launcher, 300)
    assert second.findings_dock.width() == narrowed
    assert grid_width(second) > width


@FLOATING_NOISE
def test_a_layout_from_a_larger_screen_is_fitted_to_todays(launcher: Launcher) -> None:
    launcher.screen(1280, 720)
    reference = launcher.launch()
    width = grid_width(reference)
    launcher.quit(reference)
    launcher.settings.remove(options.WINDOW_RECT)
    launcher.screen(2560, 1440)
    big = launcher.launch()
    big.setGeometry(QRect(600, 300, 1900, 1100))
    big.resizeDocks([big.findings_dock], [800], Qt.Orientation.Horizontal)
    big.workload_dock.setFloating(True)  # offscreen cannot raise it, and says so
    big.workload_dock.move(2200, 1200)
    QApplication.processEvents()
    launcher.quit(big)
    launcher.screen(1280, 720)
    laptop = launcher.launch()
    assert QRect(0, 0, 1280, 720).contains(QRect(laptop.pos(), laptop.size()))
    assert (laptop.width(), laptop.height()) == (1280, 720)
    assert grid_width(laptop) >= width - 4
    assert laptop.workload_dock.isFloating()  # the panels keep their places, not their sizes
    assert QRect(0, 0, 1280, 720).contains(QRect(laptop.workload_dock.pos(), laptop.workload_dock.size()))


def test_a_window_saved_partly_off_the_screen_comes_back_inside_it(launcher: Launcher) -> None:
    launcher.screen(1280, 720)
    first = launcher.launch()
    first.resize(1000, 600)
    first.move(900, 500)
    launcher.quit(first)
    second = launcher.launch()
    assert QRect(0, 0, 1280, 720).contains(QRect(second.pos(), second.size()))
    assert (second.width(), second.height()) == (1000, 600)


def test_a_layout_saved_by_an_older_arrangement_of_the_panels_is_dropped(launcher: Launcher) -> None:
    launcher.screen(1280, 720)
    first = launcher.launch()
    width = grid_width(first)
    old = first.saveState(layout_memory.LAYOUT_VERSION - 1)
    launcher.quit(first)
    settings = launcher.settings
    settings.set(options.DOCK_STATE, old)
    settings.sync()
    second = launcher.launch()
    assert second.dockWidgetArea(second.findings_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert grid_width(second) == width


def test_a_damaged_saved_layout_is_ignored(launcher: Launcher) -> None:
    settings = launcher.settings
    settings.set(options.WINDOW_RECT, "a,b,c")
    settings.set(options.DOCK_STATE, QByteArray(b"\x00\x01garbage"))
    settings.set(options.LAYOUT_SCREEN, "1280x720")
    settings.sync()
    launcher.screen(1280, 720)
    window = launcher.launch()
    assert (window.width(), window.height()) == (1280, 720)
    assert people_shown(window) == 8


# ------------------------------------------------------- a grid that fits
@pytest.mark.parametrize(("screen", "people", "rows"), [((1280, 720), 8, 18), ((1024, 700), 5, 15)],
                         ids=["1280x720 shows all 8 people and 18 rows", "1024x700 shows at least 5 people"])
@pytest.mark.parametrize("launch", [1, 2])
def test_on_a_laptop_the_scrum_team_shows_its_people_and_rows(launcher: Launcher, launch: int,
                                                             screen: tuple[int, int], people: int, rows: int) -> None:
    launcher.screen(*screen)
    window = launcher.launch()
    if launch == 2:
        launcher.quit(window)
        window = launcher.launch()
    assert window.model.columnCount() - 1 == 8
    assert people_shown(window) >= people
    assert rows_shown(window) >= rows


def test_a_persons_column_is_a_letter_wide_and_the_header_turns_their_name(launcher: Launcher) -> None:
    launcher.screen(1280, 720)
    window = launcher.launch()
    header = window.view.horizontalHeader()
    daniel = window.model.column_of(window.document.team.people[0].id)
    assert header.sectionSize(daniel) == PERSON_WIDTH
    name_width = header.fontMetrics().horizontalAdvance("Daniel Okonkwo")
    assert header.height() > name_width > PERSON_WIDTH  # the name runs up the header, not across the column
    tip = window.model.headerData(daniel, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Daniel Okonkwo\nProduct Manager")


def test_the_side_panels_share_one_column_and_one_tabbed_area(launcher: Launcher) -> None:
    launcher.screen(1280, 720)
    window = launcher.launch()
    right = Qt.DockWidgetArea.RightDockWidgetArea
    assert all(window.dockWidgetArea(dock) == right and not dock.isFloating() for dock in window.docks)
    assert set(window.tabifiedDockWidgets(window.details_dock)) == {window.profile_dock, window.workload_dock,
                                                                   window.help_dock}
    assert window.findings_dock.isVisible() and window.details_dock.isVisible()


def test_a_panel_closed_from_the_view_menu_stays_closed_next_time(launcher: Launcher) -> None:
    launcher.screen(1280, 720)
    first = launcher.launch()
    first.findings_dock.toggleViewAction().trigger()
    launcher.quit(first)
    second = launcher.launch()
    assert not second.findings_dock.isVisible()
    assert second.details_dock.isVisible()
    assert grid_width(second) >= grid_width(first)


# ------------------------------------------------------------ reset layout
@FLOATING_NOISE
def test_reset_layout_brings_back_the_first_launch(launcher: Launcher) -> None:
    launcher.screen(1280, 720)
    window = launcher.launch()
    width, columns = grid_width(window), window.view.columnWidth(0)
    window.help_dock.setFloating(True)
    window.findings_dock.hide()
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.workload_dock)
    window.view.titles.set_width(150)
    window.resize(900, 600)
    QApplication.processEvents()
    window.reset_layout_action.trigger()
    QApplication.processEvents()
    assert (window.width(), window.height()) == (1280, 720)
    docks: list[QDockWidget] = list(window.docks)
    assert all(dock.toggleViewAction().isChecked() and not dock.isFloating() for dock in docks)
    assert all(window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea for dock in docks)
    assert grid_width(window) == width
    assert window.view.columnWidth(0) == columns


# -------------------------------------------------------------------- zoom
def test_zoom_keys_scale_the_grid_and_ctrl_0_resets_it(launcher: Launcher, qtbot: QtBot) -> None:
    launcher.screen(1280, 720)
    window = launcher.launch()
    view = window.view
    row = view.model().rowCount() - 1
    for keys in ("Ctrl+=", "Ctrl+-", "Ctrl+0"):
        assert any(keys in sequence.toString() for action in (window.zoom_in_action, window.zoom_out_action,
                                                               window.zoom_reset_action)
                   for sequence in action.shortcuts())
    window.zoom_in_action.trigger()
    window.zoom_in_action.trigger()
    assert view.zoom == pytest.approx(1.25)
    assert view.rowHeight(row) == round(ROW_HEIGHT * 1.25)
    assert view.columnWidth(1) == round(PERSON_WIDTH * 1.25)
    assert window.model.data(window.model.index(1, 1), Qt.ItemDataRole.FontRole).pointSizeF() == pytest.approx(15)
    window.zoom_out_action.trigger()
    assert view.zoom == pytest.approx(1.1)
    window.zoom_reset_action.trigger()
    assert (view.zoom, view.rowHeight(row), view.columnWidth(1)) == (1.0, ROW_HEIGHT, PERSON_WIDTH)


def test_zoom_stops_at_its_smallest_and_largest_steps(launcher: Launcher) -> None:
    launcher.screen(1280, 720)
    view = launcher.launch().view
    for _ in range(20):
        view.zoom_in()
    assert view.zoom == 2.0
    for _ in range(20):
        view.zoom_out()
    assert view.zoom == 0.8


def test_the_zoom_and_a_chosen_title_width_are_remembered(launcher: Launcher) -> None:
    launcher.screen(1280, 720)
    first = launcher.launch()
    first.view.zoom_in()
    first.view.titles.horizontalHeader().resizeSection(0, 380)  # the title column's divider dragged
    assert first.view.columnWidth(0) == 380
    launcher.quit(first)
    second = launcher.launch()
    assert second.view.zoom == pytest.approx(1.1)
    assert second.view.columnWidth(0) == second.view.titles.columnWidth(0) == 380


def test_a_title_longer_than_its_column_is_elided_and_its_tooltip_shows_it_whole(launcher: Launcher) -> None:
    launcher.screen(1280, 720)
    window = launcher.launch()
    team = window.document.team
    row = max(team.responsibilities, key=lambda row: len(row.title))
    window.view.titles.set_width(160)
    index = window.model.index_for(row.id)
    frozen = window.view.titles
    assert frozen.textElideMode() == Qt.TextElideMode.ElideRight
    assert frozen.fontMetrics().horizontalAdvance(row.title) > frozen.columnWidth(0)
    assert window.model.data(index, Qt.ItemDataRole.ToolTipRole).startswith(row.title)


