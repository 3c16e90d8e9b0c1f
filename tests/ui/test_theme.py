"""Light and dark, for every eye: the window follows the system's scheme, the letters stay readable and
colour-blind safe in both, and each cell tells assistive technology what it holds."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from raci.letters import BUILT_IN, RACI
from raci.ui import theme
from raci.ui.main_window import MainWindow
from raci.ui.palette import contrast, grid_colours, is_dark

from tests.colour_vision import VISIONS, distance
from tests.ui.conftest import OFFSCREEN_NOISE, WindowFactory

pytestmark = OFFSCREEN_NOISE

LIGHT_GRID, DARK_GRID = grid_colours(RACI, False), grid_colours(RACI, True)
SCHEMES = {"light": False, "dark": True}


def every_colour(dark: bool) -> list[tuple[str, QColor, QColor]]:
    """Every distinct (fill, text) a cell of a built-in set can take, as (a cell showing it, fill, text)."""
    seen: dict[str, tuple[str, QColor, QColor]] = {}
    for letter_set in BUILT_IN:
        colours = grid_colours(letter_set, dark)
        for cell in letter_set.all_cells():
            seen.setdefault(colours.letter_fill[cell].name(), (f"{letter_set.name} {cell}",
                                                                colours.letter_fill[cell], colours.letter_text[cell]))
    return list(seen.values())


@pytest.fixture
def app_theme() -> Iterator[theme.Theme]:
    """The application's theme; light again after the test."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    current = theme.follow_system(app)
    yield current
    current.apply(False)


# ------------------------------------------------------------- the letters
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_letter_of_every_set_reads_clearly_on_its_fill(scheme: str) -> None:
    for cell, fill, text in every_colour(SCHEMES[scheme]):
        assert contrast(fill, text) >= 4.5, cell


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("vision", VISIONS)
def test_the_letter_fills_of_up_to_seven_letters_stay_apart_for_colour_blind_eyes(scheme: str, vision: str) -> None:
    colours = every_colour(SCHEMES[scheme])
    assert len(colours) == 8  # seven letters' colours and owner-and-doer's
    for (first, fill, _), (second, other, _) in itertools.combinations(colours, 2):
        apart = distance(fill.name(), other.name(), vision)
        assert apart >= 6, (first, second, round(apart, 1))


def test_the_dark_fills_are_dark_and_the_light_fills_light() -> None:
    assert all(fill.lightness() < 110 for _, fill, _ in every_colour(True))
    assert all(fill.lightness() > 170 for _, fill, _ in every_colour(False))


# ------------------------------------------------------------ the scheme
def test_the_dark_scheme_darkens_the_window_and_the_grid(make_window: WindowFactory,
                                                         app_theme: theme.Theme) -> None:
    window = make_window()
    cell = window.model.index(3, 2)  # Ben's A/R on the backlog
    assert window.model.data(cell, Qt.ItemDataRole.BackgroundRole) == LIGHT_GRID.letter_fill["A/R"]
    app_theme.apply(True)
    QApplication.processEvents()
    assert is_dark(QGuiApplication.palette()) and is_dark(window.view.palette())
    assert window.model.data(cell, Qt.ItemDataRole.BackgroundRole) == DARK_GRID.letter_fill["A/R"]
    assert window.model.data(cell, Qt.ItemDataRole.ForegroundRole) == DARK_GRID.letter_text["A/R"]
    text, base = (window.palette().color(role) for role in (QPalette.ColorRole.Text, QPalette.ColorRole.Base))
    assert contrast(text, base) >= 7
    app_theme.apply(False)
    assert window.model.data(cell, Qt.ItemDataRole.BackgroundRole) == LIGHT_GRID.letter_fill["A/R"]


def test_the_window_follows_the_system_when_it_turns_dark(make_window: WindowFactory, app_theme: theme.Theme,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    monkeypatch.setattr(theme.Theme, "system_is_dark", lambda self: True)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert app_theme.dark
    assert window.model.data(window.model.index(1, 1), Qt.ItemDataRole.BackgroundRole) == \
        DARK_GRID.letter_fill["A"]


def test_an_unknown_scheme_follows_how_dark_the_platforms_palette_is(app_theme: theme.Theme,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QGuiApplication.styleHints(), "colorScheme", lambda: Qt.ColorScheme.Unknown, raising=False)
    dark_platform = theme.window_palette(True)
    monkeypatch.setattr(app_theme, "_system", dark_platform)
    assert app_theme.system_is_dark()
    monkeypatch.setattr(app_theme, "_system", theme.window_palette(False))
    assert not app_theme.system_is_dark()


def test_disabled_text_is_greyed_in_both_schemes() -> None:
    for dark in (False, True):
        palette = theme.window_palette(dark)
        normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        assert contrast(disabled, base) < contrast(normal, base) - 3


# --------------------------------------------------------- screen readers
def cell_name(window: MainWindow, row: int, column: int) -> str:
    """What the accessibility interface under a cell of the grid calls it (as a screen reader asks)."""
    view = window.view
    view.scrollTo(window.model.index(row, column))
    table = QAccessible.queryAccessibleInterface(view)
    assert table is not None and table.role() == QAccessible.Role.Table
    point = view.viewport().mapToGlobal(view.visualRect(window.model.index(row, column)).center())
    cell = table.childAt(point.x(), point.y())
    assert cell is not None and cell.role() == QAccessible.Role.Cell
    return cell.text(QAccessible.Text.Name)


def test_each_cell_tells_assistive_technology_its_person_row_and_letter(window: MainWindow) -> None:
    name = cell_name(window, 3, 2)  # Ben's A/R on "Order the backlog"
    assert "Ben Okafor" in name and "Order the backlog" in name
    assert RACI.describe("A/R") in name
    empty = cell_name(window, 6, 3)
    assert "Chloé Martin" in empty and "Run the demo" in empty and "no letter" in empty


def test_a_cell_names_what_it_holds_after_an_edit(qtbot: object, window: MainWindow) -> None:
    team = window.document.team
    window.model.set_cells({(team.responsibilities[3].id, team.people[2].id): "C"})
    assert RACI.describe("C") in cell_name(window, 6, 3)


def test_each_persons_header_names_them_and_their_titles(window: MainWindow) -> None:
    text = window.model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole)
    assert text == "Ana Lima, Product Manager"


def test_a_category_row_says_which_category_it_is(window: MainWindow) -> None:
    assert cell_name(window, 2, 2) == "Category Product backlog"
