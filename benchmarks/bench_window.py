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
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
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

def seen(watched, event):
    if PAINTED:  # the first paint of the named widget's viewport (or of the window itself)
        return event.type() == QEvent.Type.Paint and watched.isWidgetType() and (
            (watched.parent() is not None and watched.parent().objectName() == PAINTED) or watched.objectName() == PAINTED)
    return event.type() == QEvent.Type.Show and watched.isWidgetType() and (
        watched.objectName() == WANTED if WANTED else watched.isWindow())

class Probe(QObject):
    def eventFilter(self, watched, event):
        if seen(watched, event):
            heavy = [name for name in ("pandas", "openpyxl", "xlsxwriter") if name in sys.modules]
            sys.stdout.write("shown " + ",".join(heavy) + "\\n")
            sys.stdout.flush()
            os._exit(0)
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

    With ``painted``, to the first paint of the widget of that name (its viewport's, for a scroll area).
    """
    with tempfile.TemporaryDirectory(prefix="raci-bench-start-") as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home,
               "PYTHONPATH": str(ROOT / "src"), "PROBE_OBJECT": wait_for, "PROBE_PAINTED": painted,
               "PYTHONPYCACHEPREFIX": str(_BYTECODE)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                   env=env, text=True)
        assert process.stdout is not None
        line = process.stdout.readline()
        elapsed = (time.perf_counter() - started) * 1000
        process.wait(timeout=60)
    if not line.startswith("shown"):
        raise RuntimeError("The window never showed; run 'python -m raci.ui.screenshot' to see why.")
    heavy = line.split()[1:]
    if heavy:
        raise RuntimeError(f"Start-up imported {heavy[0]}, which only exports and imports may load.")
    return elapsed


@dataclass
class StartupCase:
    """A case for benchmarks/run.py; with a baseline, its target is 1.3 x the baseline's median."""

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

    @property
    def target_ms(self) -> float | None:
        if self.baseline_code is None:
            return None
        while len(self.baselines) < 3:
            self.baselines.append(start_once(self.baseline_code))
        return round(statistics.median(self.baselines) * self.ratio, 1)

    def setup(self) -> None:
        if not self.baselines and not _BYTECODE.is_dir():
            start_once(self.code, self.wait_for, self.painted)  # a first run writes the bytecode cache
        if self.baseline_code is not None:
            self.baselines.append(start_once(self.baseline_code))  # untimed, just before each timed run

    def run(self, _state: None) -> float:
        return start_once(self.code, self.wait_for, self.painted)


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
    from benchmarks.qt import application
    from raci.model import Team
    from raci.rules import check
    from raci.ui.findings_dock import FindingsDock

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
