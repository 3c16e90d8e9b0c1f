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
  launch gives it at this window size: the side panels give way;
* a state saved by an older arrangement of the panels is dropped
  (:data:`LAYOUT_VERSION`, checked by ``restoreState``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from raci.ui import settings as options
from raci.ui.settings import Settings

LAYOUT_VERSION = 2  # raise when the default arrangement of the panels changes
DEFAULT_SIZE = QSize(1440, 900)
SIDE_SHARE, MIN_SIDE, MAX_SIDE = 0.28, 250, 440  # the panels' column beside the grid, by window width
BAND_SHARE = 0.35  # panels docked above or below the grid take at most this share of the height
_AREAS = Qt.DockWidgetArea


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
        window.setGeometry(QRect(area.x() + (area.width() - size.width()) // 2,
                                 area.y() + (area.height() - size.height()) // 2, size.width(), size.height()))
        return False
    window.setGeometry(saved)
    keep_inside(window, area)
    if settings.get(options.MAXIMISED):
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    return True


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
    """Put the panels back where they were (places, tabs, shown or hidden); sizes are fitted later.

    Returns whether a saved state was used.
    """
    state = settings.get(options.DOCK_STATE)
    if state.isEmpty() or not window.restoreState(state, LAYOUT_VERSION):
        return False
    area = available_area(window)
    for dock in docks:
        if dock.isFloating():
            keep_inside(dock, area)
    return True


def save(window: QMainWindow, settings: Settings) -> None:
    normal = window.normalGeometry() if window.isMaximized() or window.isFullScreen() else window.geometry()
    settings.set(options.WINDOW_RECT, f"{normal.x()},{normal.y()},{normal.width()},{normal.height()}")
    settings.set(options.MAXIMISED, window.isMaximized())
    settings.set(options.DOCK_STATE, window.saveState(LAYOUT_VERSION))
    settings.set(options.LAYOUT_SCREEN, screen_key(available_area(window)))


def give_grid_room(window: QMainWindow, docks: Sequence[QDockWidget]) -> bool:
    """Narrow the docked panels until the grid has at least a first launch's room; True if any gave way."""
    central = window.centralWidget()
    if central is None:
        return False
    changed = False
    side = {area: _docked(window, docks, area) for area in (_AREAS.LeftDockWidgetArea, _AREAS.RightDockWidgetArea)}
    widths = {area: max((dock.width() for dock in shown), default=0) for area, shown in side.items()}
    allowed = side_width(window.width())
    if sum(widths.values()) > allowed:
        total = sum(widths.values())
        for area, shown in side.items():
            if shown:
                window.resizeDocks([shown[0]], [max(1, widths[area] * allowed // total)], Qt.Orientation.Horizontal)
                changed = True
    bands = {area: _docked(window, docks, area) for area in (_AREAS.TopDockWidgetArea, _AREAS.BottomDockWidgetArea)}
    heights = {area: max((dock.height() for dock in shown), default=0) for area, shown in bands.items()}
    allowed = round(window.height() * BAND_SHARE)
    if sum(heights.values()) > allowed:
        total = sum(heights.values())
        for area, shown in bands.items():
            if shown:
                window.resizeDocks([shown[0]], [max(1, heights[area] * allowed // total)], Qt.Orientation.Vertical)
                changed = True
    return changed


def _docked(window: QMainWindow, docks: Sequence[QDockWidget], area: Qt.DockWidgetArea) -> list[QDockWidget]:
    return [dock for dock in docks if not dock.isFloating() and dock.isVisible() and window.dockWidgetArea(dock) == area]
