"""What the window remembers of its layout, checked against the screen it opens on.

Qt's ``restoreGeometry`` and ``restoreState`` apply what was saved as it
was saved: a layout from a larger screen, or docks dragged wide on one
day, come back and squeeze the grid, which is the reason the window
exists. So a saved layout is a suggestion (as calibre treats it):

* it is kept with the size of the screen it was saved on; on a screen of
  another size the window opens at the first launch's size for this
  screen, and the panels keep their places but not their sizes;
* the window's own rectangle is kept, not ``saveGeometry``'s bytes, which
  count the window manager's frame and bring a window back smaller where
  no frame was measured (QTBUG-69104 and friends); it is kept inside
  today's screen;
* once restored, the grid gets at least the width (and height) a first
  launch gives it at this window size: the side panels give way
  (:func:`fit_panels`);
* a state saved by an older arrangement of the panels is dropped
  (:data:`LAYOUT_VERSION`, checked by ``restoreState``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication

from raci.ui import settings as options
from raci.ui.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

# The window's geometry is restored before it first shows, so this module imports
# no Qt class with many enums at the top (``Qt`` alone costs some 10 ms): the panels'
# functions, which run once the window is built, import what they need.

LAYOUT_VERSION = 2  # raise when the default arrangement of the panels changes
DEFAULT_SIZE = QSize(1440, 900)
SIDE_SHARE, MIN_SIDE, MAX_SIDE = 0.28, 330, 440  # the panels' column by window width (the findings need 330)
BAND_SHARE = 0.35  # panels docked above or below the grid take at most this share of the height


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen (the primary one before it is shown) that windows may use."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, DEFAULT_SIZE.width(),
                                                                          DEFAULT_SIZE.height())


def first_size(area: QSize) -> QSize:
    """The window's size on a first launch on a screen with this much room."""
    return QSize(min(DEFAULT_SIZE.width(), area.width()), min(DEFAULT_SIZE.height(), area.height()))


def side_width(window_width: int) -> int:
    """The width of the panels' column on a first launch, for a window this wide."""
    return max(MIN_SIDE, min(MAX_SIDE, round(window_width * SIDE_SHARE)))


def screen_key(area: QRect) -> str:
    return f"{area.width()}x{area.height()}"


def restore_geometry(window: QMainWindow, settings: Settings) -> bool:
    """Size and place the window: as saved when it was saved on a screen of today's size, else as a first launch.

    Returns whether the saved geometry was used.
    """
    area = available_area(window)
    saved = _rect(settings.get(options.WINDOW_RECT))
    if saved is None or settings.get(options.LAYOUT_SCREEN) != screen_key(area):
        size = first_size(area.size())
        window.resize(size)
        window.move(area.x() + (area.width() - size.width()) // 2, area.y() + (area.height() - size.height()) // 2)
        return False
    window.resize(saved.size())
    window.move(saved.topLeft())  # where the frame was: move() places a window by its frame
    keep_inside(window, area)
    if settings.get(options.MAXIMISED):
        window.setWindowState(_maximised(window))
    return True


def _maximised(window: QWidget) -> Qt.WindowState:
    from PySide6.QtCore import Qt

    return window.windowState() | Qt.WindowState.WindowMaximized


def _rect(text: str) -> QRect | None:
    """``"x,y,width,height"`` as a rectangle, or None for anything else (a hand-edited setting)."""
    try:
        x, y, width, height = (int(part) for part in text.split(","))
    except ValueError:
        return None
    return QRect(x, y, width, height) if width > 0 and height > 0 else None


def keep_inside(widget: QWidget, area: QRect) -> None:
    """Shrink and move a window (or a floating panel) so that it lies inside ``area``."""
    if widget.isMaximized() or widget.isFullScreen():
        return
    width, height = min(widget.width(), area.width()), min(widget.height(), area.height())
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
    x = min(max(widget.x(), area.left()), area.right() + 1 - width)
    y = min(max(widget.y(), area.top()), area.bottom() + 1 - height)
    if (x, y) != (widget.x(), widget.y()):
        widget.move(x, y)


def restore_docks(window: QMainWindow, settings: Settings, docks: Sequence[QDockWidget]) -> bool:
    """Put the panels back where they were (places, tabs, open or closed), sized to leave the grid its room.

    Returns whether a saved state was used. ``restoreState``'s own sizes
    are not trusted: a shown window applies them only on a later layout
    pass, and they may be from a wider window or a panel dragged wide.
    Instead the panels' extents saved beside the state are fitted to
    today's window (:func:`fit_panels`).
    """
    state = settings.get(options.DOCK_STATE)
    if state.isEmpty() or not window.restoreState(state, LAYOUT_VERSION):
        return False
    area = available_area(window)
    for dock in docks:
        if dock.isFloating():
            keep_inside(dock, area)
    saved = _extents(settings.get(options.PANEL_SIZES))
    same_screen = settings.get(options.LAYOUT_SCREEN) == screen_key(area)
    fit_panels(window, docks, saved, same_screen)
    return True


def fit_panels(window: QMainWindow, docks: Sequence[QDockWidget], saved: dict[Qt.DockWidgetArea, int],
               same_screen: bool) -> None:
    """Size each dock area from its saved extent, so that the grid keeps at least a first launch's room.

    The areas beside the grid share :func:`side_width` of today's window
    between them at most, those above and below :data:`BAND_SHARE` of its
    height; on a screen of another size they get all of it, in the
    proportions they had.
    """
    from PySide6.QtCore import Qt

    dock_area = Qt.DockWidgetArea
    for areas, room, orientation in (((dock_area.LeftDockWidgetArea, dock_area.RightDockWidgetArea),
                                      side_width(window.width()), Qt.Orientation.Horizontal),
                                     ((dock_area.TopDockWidgetArea, dock_area.BottomDockWidgetArea),
                                      round(window.height() * BAND_SHARE), Qt.Orientation.Vertical)):
        shown = {area: _docked(window, docks, area) for area in areas}
        wanted = {area: saved.get(area) or room for area in areas if shown[area]}
        total = sum(wanted.values())
        if not total:
            continue
        scale = room / total if total > room or not same_screen else 1.0
        for area, extent in wanted.items():
            window.resizeDocks([shown[area][0]], [max(1, round(extent * scale))], orientation)


def panel_extents(window: QMainWindow, docks: Sequence[QDockWidget]) -> dict[Qt.DockWidgetArea, int]:
    """How wide (beside the grid) or tall (above or below it) each dock area is now."""
    from PySide6.QtCore import Qt

    dock_area = Qt.DockWidgetArea
    extents = {}
    for area in (dock_area.LeftDockWidgetArea, dock_area.RightDockWidgetArea, dock_area.TopDockWidgetArea,
                 dock_area.BottomDockWidgetArea):
        shown = [dock for dock in _docked(window, docks, area) if dock.isVisible()]
        sideways = area in (dock_area.LeftDockWidgetArea, dock_area.RightDockWidgetArea)
        extents[area] = max((dock.width() if sideways else dock.height() for dock in shown), default=0)
    return extents


def _extents(text: str) -> dict[Qt.DockWidgetArea, int]:
    """``"1:0,2:358,4:0,8:0"`` (area value: pixels) as a mapping; anything unreadable counts as nothing."""
    from PySide6.QtCore import Qt

    extents = {}
    for part in text.split(","):
        area, _, extent = part.partition(":")
        try:
            extents[Qt.DockWidgetArea(int(area))] = max(0, int(extent))
        except ValueError:
            continue
    return extents


def save(window: QMainWindow, settings: Settings, docks: Sequence[QDockWidget]) -> None:
    """Keep the layout: the window's place and size, its panels' state and extents, and the screen's size."""
    extents = panel_extents(window, docks)
    settings.set(options.PANEL_SIZES, ",".join(f"{area.value}:{extent}" for area, extent in extents.items()))
    maximised = window.isMaximized() or window.isFullScreen()
    normal = window.normalGeometry() if maximised else QRect(window.pos(), window.size())
    settings.set(options.WINDOW_RECT, f"{normal.x()},{normal.y()},{normal.width()},{normal.height()}")
    settings.set(options.MAXIMISED, window.isMaximized())
    settings.set(options.DOCK_STATE, window.saveState(LAYOUT_VERSION))
    settings.set(options.LAYOUT_SCREEN, screen_key(available_area(window)))


def _docked(window: QMainWindow, docks: Sequence[QDockWidget], area: Qt.DockWidgetArea) -> list[QDockWidget]:
    """The open panels docked in ``area`` (a panel behind another's tab counts: it is open)."""
    return [dock for dock in docks if not dock.isFloating() and dock.toggleViewAction().isChecked()
            and window.dockWidgetArea(dock) == area]
