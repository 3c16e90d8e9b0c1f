"""Light or dark: the window follows the system's colour scheme.

The application gets a palette of its own for each scheme (the calm greys
and slate-blue accent of the stylesheet, whose colours are all palette
roles), and the grid its letter colours (:func:`raci.ui.palette.grid_colours`).
The scheme comes from Qt's style hints; where the platform does not say
(``Unknown``), from how dark its own palette is. When the system switches,
:class:`Theme` applies the other scheme and emits :attr:`Theme.changed`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from raci.ui.palette import is_dark

_ROLE, _GROUP = QPalette.ColorRole, QPalette.ColorGroup

# Each role's colour in the light and the dark scheme.
COLOURS = {
    _ROLE.Window: ("#f4f6f8", "#1f2328"), _ROLE.WindowText: ("#1f2933", "#e3e7eb"),
    _ROLE.Base: ("#ffffff", "#16191d"), _ROLE.AlternateBase: ("#eef1f4", "#272c32"),
    _ROLE.ToolTipBase: ("#ffffff", "#2d3339"), _ROLE.ToolTipText: ("#1f2933", "#e3e7eb"),
    _ROLE.PlaceholderText: ("#5f6b76", "#a3adb7"), _ROLE.Text: ("#1f2933", "#e3e7eb"),
    _ROLE.Button: ("#e7ebef", "#2d3339"), _ROLE.ButtonText: ("#1f2933", "#e3e7eb"),
    _ROLE.BrightText: ("#ffffff", "#ffffff"), _ROLE.Light: ("#ffffff", "#3f464e"),
    _ROLE.Midlight: ("#dbe8f6", "#2f4a66"), _ROLE.Mid: ("#c5ccd3", "#4a535d"), _ROLE.Dark: ("#8c96a0", "#7d8791"),
    _ROLE.Shadow: ("#4a5560", "#0b0d0f"), _ROLE.Highlight: ("#3d6e9e", "#3f74ab"),
    _ROLE.HighlightedText: ("#ffffff", "#ffffff"), _ROLE.Link: ("#2f6199", "#8ab4f8"),
    _ROLE.LinkVisited: ("#6b4a99", "#c3a6f0"),
}
_DISABLED_TEXT = {False: "#8c96a0", True: "#6f7983"}


def window_palette(dark: bool) -> QPalette:
    """The application's palette for one scheme (disabled text greyed in both)."""
    palette = QPalette()
    for role, (light, dark_colour) in COLOURS.items():
        palette.setColor(role, QColor(dark_colour if dark else light))
    for role in (_ROLE.Text, _ROLE.WindowText, _ROLE.ButtonText):
        palette.setColor(_GROUP.Disabled, role, QColor(_DISABLED_TEXT[dark]))
    return palette


class Theme(QObject):
    """Keeps the application in the system's scheme; :attr:`dark` says which one it is in."""

    changed = Signal(bool)  # dark

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self._app = app
        self._system = QPalette(app.palette())  # what the platform offered, before ours replaced it
        self.dark = False
        app.styleHints().colorSchemeChanged.connect(lambda *_: self.apply(self.system_is_dark()))

    def system_is_dark(self) -> bool:
        scheme = self._app.styleHints().colorScheme()
        if scheme == Qt.ColorScheme.Unknown:
            return is_dark(self._system)
        return scheme == Qt.ColorScheme.Dark

    def apply(self, dark: bool, *, restyle: bool = True) -> None:
        """Switch the application to the light or the dark scheme.

        ``restyle`` applies the stylesheet again, as its ``palette()``
        colours are read when it is applied; a first apply, before the
        window's widgets exist, can skip that.
        """
        self.dark = dark
        self._app.setPalette(window_palette(dark))
        app = self._app
        if restyle and isinstance(app, QApplication) and app.styleSheet():
            app.setStyleSheet(app.styleSheet())
        self.changed.emit(dark)


def follow_system(app: QGuiApplication) -> Theme:
    """The application's one theme, made (and applied) on first use."""
    theme = app.findChild(Theme)
    if theme is None:
        theme = Theme(app)
        theme.apply(theme.system_is_dark(), restyle=False)
    return theme
