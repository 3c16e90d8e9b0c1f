"""Start-up: the grid paints first, without what only editing, checking or saving needs.

The speed itself is measured in ``make bench``; these tests keep the ways
it is reached from quietly coming undone.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget
from pytestqt.qtbot import QtBot

from raci.ui.main_window import MainWindow
from raci.ui.matrix_model import MatrixModel
from raci.ui.matrix_view import MatrixView

from tests.conftest import make_small_team
from tests.ui.conftest import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE
ROOT = Path(__file__).resolve().parents[2]


def _set_up(viewport: QWidget, view: QWidget) -> dict[str, Any]:
    """What a view's viewport is set to: every widget attribute (not Qt's own state), how it fills, tracks, takes
    focus."""
    state: dict[str, Any] = {f"attribute {attribute.name}": viewport.testAttribute(attribute)
                             for attribute in Qt.WidgetAttribute if not attribute.name.startswith("WA_WState_")}
    state.update(name=viewport.objectName(), role=viewport.backgroundRole(), fills=viewport.autoFillBackground(),
                 tracks_mouse=viewport.hasMouseTracking(), takes_drops=viewport.acceptDrops(),
                 focus_goes_to_view=viewport.focusProxy() is view, focus=viewport.focusPolicy(),
                 menu=viewport.contextMenuPolicy(), child_of_view=viewport.parent() is view)
    return state


def test_the_grid_and_its_header_have_viewports_set_up_as_the_ones_qt_makes(qtbot: QtBot) -> None:
    plain = QTableView()
    grid = MatrixView(MatrixModel(make_small_team(), QUndoStack()))
    for widget in (plain, grid):
        qtbot.addWidget(widget)
    assert _set_up(grid.viewport(), grid) == _set_up(plain.viewport(), plain)
    header, plain_header = grid.horizontalHeader(), plain.horizontalHeader()
    assert isinstance(header, QHeaderView)
    assert _set_up(header.viewport(), header) == _set_up(plain_header.viewport(), plain_header)


_UNTIL_FIRST_PAINT = """
import sys
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication
from raci.ui.main_window import MainWindow
from raci.ui.settings import Settings

QStandardPaths.setTestModeEnabled(True)
app = QApplication(sys.argv[:1])

def after_first_paint(window):  # the panels' contents come next; what is loaded now is what the grid needed
    print(" ".join(sorted(sys.modules)), flush=True)
    app.exit(0)

MainWindow._build_rest = after_first_paint
window = MainWindow(settings=Settings.from_file(sys.argv[1]), deferred=True)
window.show()
sys.exit(app.exec())
"""


def test_the_grid_paints_before_the_checks_the_clipboard_saving_the_schema_compiler_or_workbooks_load(
        tmp_path: Path) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
                   "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-c", _UNTIL_FIRST_PAINT, str(tmp_path / "settings.ini")],
                            capture_output=True, text=True, timeout=120, env=environment, check=True)
    loaded = set(result.stdout.split())
    assert "raci.ui.matrix_view" in loaded  # the grid was built and painted
    assert loaded & {"raci.rules", "raci.clipboard", "raci.saving", "fastjsonschema", "pandas", "openpyxl",
                     "xlsxwriter", "importlib.resources", "raci.ui.commands"} == set()


def test_the_program_s_icon_is_on_its_window_once_the_window_is_built(tmp_path: Path) -> None:
    code = ("from PySide6.QtWidgets import QApplication\nfrom raci.ui.app import run\nrun(None)\n"
            "print('icon set' if not QApplication.instance().windowIcon().isNull() else 'no icon')")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
                   "XDG_DATA_HOME": str(tmp_path), "PYTHONPATH": str(ROOT / "src"), "RACI_EXIT_AFTER_SHOWN": "1"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env=environment, check=True)
    assert result.stdout.split() == ["shown", "ready", "icon", "set"]


def test_the_row_filter_names_its_shortcut_once_the_window_is_built(window: MainWindow) -> None:
    from PySide6.QtGui import QKeySequence

    shortcut = QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText)
    assert shortcut and window.filter_box.toolTip().endswith(f"({shortcut})")
