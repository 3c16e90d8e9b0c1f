"""Start-up to the first shown window: RACI Builder against an empty PySide6 QMainWindow.

Each run is a fresh ``python`` process (offscreen, settings in a temporary
folder) that prints a line from its first Show event and exits; the time
is from starting the process to that line, so both sides pay for Python,
PySide6 and QApplication alike. The window's target is 1.3 times the
median of the empty window, measured in the same run and interleaved with
the window's own runs (one before each), so a busy machine slows both.

Two more figures, without targets, say what the first show leaves out:
the time until the grid itself is shown (the window builds its contents
just after it appears), and the same through the ``raci`` command, which
also discovers its subcommands. Checked on the way: start-up imports
neither pandas nor the workbook libraries (openpyxl, XlsxWriter).

The grid's first paint has a target of its own, 2 times the empty window
shown. Its probe watches every event of the program only until the first
window shows, then that window and the grid: an application-wide Python
event filter makes PySide wrap every object Qt sends an event to, and the
first of Qt's private objects among them (the gesture manager every scroll
area makes) costs some 15 ms of Python classes that the program without
the probe never builds.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.common import Case

ROOT = Path(__file__).resolve().parents[1]
RATIO = 1.3
# Bytecode is cached (outside the tree) as an installed program's would be, even when the
# environment sets PYTHONDONTWRITEBYTECODE: compiling every module on every start would
# measure the compiler, not the start-up.
_BYTECODE = Path(tempfile.gettempdir()) / "raci-bench-bytecode"

_PROBE = """
import os, sys
from PySide6.QtCore import QEvent, QObject, QStandardPaths
from PySide6.QtWidgets import QApplication

WANTED = os.environ.get("PROBE_OBJECT", "")
PAINTED = os.environ.get("PROBE_PAINTED", "")

def report():
    heavy = [name for name in ("pandas", "openpyxl", "xlsxwriter") if name in sys.modules]
    sys.stdout.write("shown " + ",".join(heavy) + "\\n")
    sys.stdout.flush()
    os._exit(0)

class Probe(QObject):
    window = None  # with PAINTED: the first window shown, then the only object watched until the target is found
    target = None  # the named widget's viewport (or the widget), whose first paint ends the run

    def eventFilter(self, watched, event):
        if PAINTED:
            return self.painted(watched, event)
        if event.type() == QEvent.Type.Show and watched.isWidgetType() and (
                watched.objectName() == WANTED if WANTED else watched.isWindow()):
            report()
        return False

    def painted(self, watched, event):
        if self.window is None:
            if not (event.type() == QEvent.Type.Show and watched.isWidgetType() and watched.isWindow()):
                return False
            # From here on only the window, then the target (see the module's docstring for why).
            app.removeEventFilter(self)
            self.window = watched
            watched.installEventFilter(self)
        if self.target is None:
            from PySide6.QtWidgets import QAbstractScrollArea, QWidget
            found = self.window if self.window.objectName() == PAINTED else self.window.findChild(QWidget, PAINTED)
            if found is not None:
                self.target = found.viewport() if isinstance(found, QAbstractScrollArea) else found
                self.target.installEventFilter(self)
        if watched is self.target and event.type() == QEvent.Type.Paint:
            report()
        return False

QStandardPaths.setTestModeEnabled(True)
app = QApplication(sys.argv[:1])
probe = Probe()
app.installEventFilter(probe)
"""

EMPTY_WINDOW = _PROBE + """
from PySide6.QtWidgets import QMainWindow
window = QMainWindow()
window.show()
app.exec()
"""

RACI_WINDOW = _PROBE + """
from raci.ui.app import run
run(None)
"""

RACI_COMMAND = _PROBE + """
from raci.cli import main
main([])
"""


def start_once(code: str, wait_for: str = "", painted: str = "") -> float:
    """Milliseconds from starting a Python process to its first shown window (or widget named ``wait_for``).

    With ``painted``, to the first paint of the widget of that name (its viewport's, for a scroll area):
    the probe watches every event until the first window shows, then only that window until it holds
    the widget, then the widget.
    """
    elapsed, finish = launch(code, wait_for, painted)
    finish()
    return elapsed


def launch(code: str, wait_for: str = "", painted: str = "") -> tuple[float, Callable[[], None]]:
    """:func:`start_once`'s milliseconds, and a function that waits for the process to end and removes its folder."""
    home = tempfile.TemporaryDirectory(prefix="raci-bench-start-")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": home.name, "XDG_DATA_HOME": home.name,
           "PYTHONPATH": str(ROOT / "src"), "PROBE_OBJECT": wait_for, "PROBE_PAINTED": painted,
           "PYTHONPYCACHEPREFIX": str(_BYTECODE)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               env=env, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = (time.perf_counter() - started) * 1000

    def finish() -> None:  # the probe ends the process right after its line
        process.wait(timeout=60)
        process.stdout.close()  # type: ignore[union-attr]
        home.cleanup()

    if not line.startswith("shown"):
        finish()
        raise RuntimeError("The window never showed; run 'python -m raci.ui.screenshot' to see why.")
    heavy = line.split()[1:]
    if heavy:
        finish()
        raise RuntimeError(f"Start-up imported {heavy[0]}, which only exports and imports may load.")
    return elapsed, finish


@dataclass
class StartupCase:
    """A case for benchmarks/run.py; with a baseline, its target is 1.3 x the baseline's median.

    run.py times :meth:`run` as a whole, so the timed process is only
    started there and read up to its line; it ends, and its folder is
    removed, in the next :meth:`setup` (or in :attr:`target_ms`). Ending a
    process takes longer the more it loaded: timed, it would count against
    the window and not against the baseline, which is timed to its line.
    """

    name: str
    code: str
    note: str = ""
    wait_for: str = ""
    repeat: int = 9
    painted: str = ""
    ratio: float = RATIO
    baseline_code: str | None = None
    baselines: list[float] = field(default_factory=list, repr=False)
    baseline: None = None  # run.py's side-by-side baseline; start-up times its own, in setup()
    memory_mb: None = None  # run.py's peak-memory check; start-up cases measure time only
    _finish: Callable[[], None] | None = field(default=None, repr=False)

    @property
    def target_ms(self) -> float | None:
        self._finish_last()
        if self.baseline_code is None:
            return None
        while len(self.baselines) < 3:
            self.baselines.append(start_once(self.baseline_code))
        return round(statistics.median(self.baselines) * self.ratio, 1)

    def setup(self) -> None:
        self._finish_last()
        if not self.baselines and not _BYTECODE.is_dir():
            start_once(self.code, self.wait_for, self.painted)  # a first run writes the bytecode cache
        if self.baseline_code is not None:
            self.baselines.append(start_once(self.baseline_code))  # untimed, just before each timed run

    def run(self, _state: None) -> float:
        elapsed, self._finish = launch(self.code, self.wait_for, self.painted)
        return elapsed

    def _finish_last(self) -> None:
        if self._finish is not None:
            finish, self._finish = self._finish, None
            finish()


CASES = [
    StartupCase("start-up: empty PySide6 QMainWindow shown", EMPTY_WINDOW, "the baseline"),
    StartupCase("start-up: RACI Builder window shown (scrum-team)", RACI_WINDOW,
                f"target {RATIO}x the empty window's median, interleaved", baseline_code=EMPTY_WINDOW),
    StartupCase("start-up: RACI Builder grid shown (contents built)", RACI_WINDOW,
                "information: the window builds its contents just after it shows", wait_for="matrixView"),
    StartupCase("start-up: 'raci' command to window shown", RACI_COMMAND,
                "information: includes the command line discovering its subcommands"),
]

GRID_PAINTED_RATIO = 2.0


def _grid_painted_cases() -> list[StartupCase]:
    """The grid's first paint on the scrum-team starter, within 2x the empty window shown in the same run."""
    return [StartupCase("start-up: RACI Builder grid painted (scrum-team)", RACI_WINDOW,
                        f"target {GRID_PAINTED_RATIO}x the empty window shown, interleaved", painted="matrixView",
                        baseline_code=EMPTY_WINDOW, ratio=GRID_PAINTED_RATIO)]


CASES += _grid_painted_cases()


# ------------------------------------------------------ the findings panel
def _findings_setup(rows: int) -> tuple[object, object]:
    """A shown findings panel on a team with ``rows`` empty rows, and the report after one more row."""
    from raci.model import Team
    from raci.rules import check
    from raci.ui.findings_dock import FindingsDock

    from benchmarks.qt import application

    app = application()
    team = Team()
    team.add_person("Ana", ["Product Manager"])
    for number in range(rows):
        team.add_responsibility(f"Row {number}")
    dock = FindingsDock()
    dock.resize(380, 800)
    dock.show()
    dock.set_report(check(team))
    app.processEvents()
    team.add_responsibility("One more row")
    for _app, old in _KEEP:
        old.close()  # type: ignore[attr-defined]  # one panel on screen, as in the window
    _KEEP[:] = [(app, dock)]
    return dock, check(team)


def _show_report(state: tuple[object, object]) -> None:
    from PySide6.QtWidgets import QApplication

    dock, report = state
    dock.set_report(report)  # type: ignore[attr-defined]
    QApplication.processEvents()  # the tree lays out and paints what is on screen


_KEEP: list[tuple[object, object]] = []  # the panel on screen lives until the next setup

CASES.append(Case("findings panel: new report for 200 empty rows, laid out and painted", 10,
                  lambda: _findings_setup(200), _show_report))


# ------------------------------------------- the whole window on a busy team
from benchmarks.busy_window import CASES as _BUSY_WINDOW_CASES  # noqa: E402

CASES += _BUSY_WINDOW_CASES
