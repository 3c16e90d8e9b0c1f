"""``python -m raci.ui.screenshot OUT.png``: the window on the scrum-team template, saved as a picture.

The window is 1440 x 900, with a finding selected (its person's column
highlighted in the grid) and a responsibility on which the articles
disagree shown in the details pane. Settings and recovery copies go to a
temporary folder, so the picture never depends on (or changes) the
user's own settings. ``make screenshot`` runs this under a virtual screen.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSize
from PySide6.QtWidgets import QAbstractItemView, QApplication

from raci.templates import load_template
from raci.ui.app import application, polish
from raci.ui.main_window import MainWindow
from raci.ui.recovery import RecoveryStore
from raci.ui.settings import Settings

SIZE = QSize(1440, 900)
TEMPLATE = "scrum-team"
DETAILS_ROW = "prioritise-features"  # the articles disagree on it, so the details pane shows both sides


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def stage(window: MainWindow) -> None:
    """Select the first finding, then put the grid's cursor on a disputed row (keeping the selection)."""
    report = window.report
    if report.findings:
        window.findings.select_finding(report.findings[0])
    index = window.model.index_for(DETAILS_ROW)
    if index.isValid():
        finding_people = report.findings[0].people if report.findings else ()
        if finding_people:
            index = window.model.index_for(DETAILS_ROW, finding_people[0])
        window.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        window.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
    window.view.setFocus()


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "docs/screenshot.png")
    app = application()
    polish(app)
    with tempfile.TemporaryDirectory(prefix="raci-screenshot-") as folder:
        window = MainWindow(load_template(TEMPLATE), settings=Settings.from_file(Path(folder) / "settings.ini"),
                            recovery=RecoveryStore(Path(folder) / "recovery"))
        window.resize(SIZE)
        window.show()
        settle(app)
        stage(window)
        settle(app)
        out.parent.mkdir(parents=True, exist_ok=True)
        saved = window.grab().save(str(out))
        window.document.undo_stack.setClean()
        window.close()
    if not saved:
        print(f"raci: could not write {out}; check the folder.", file=sys.stderr)
        return 2
    print(f"Saved {out} ({SIZE.width()} x {SIZE.height()}).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
