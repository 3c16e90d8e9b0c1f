"""``python -m raci.ui.screenshot OUT.png``: the window on the scrum-team template, saved as a picture.

Options: ``--size 1280x720`` (the default: a laptop's screen, which the
window fills as on a first launch), ``--dark`` for the dark scheme, and
``--second-launch`` to open the window, close it and take the picture of
the second window on the same settings, as a person sees it the next day.
The grid's cursor is on a row where the articles disagree (shown in the
details panel) and the first finding is selected. Settings and recovery
copies go to a temporary folder, so the picture never depends on (or
changes) the user's own settings. ``make screenshot`` runs this under a
virtual screen of the chosen size.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSize
from PySide6.QtWidgets import QAbstractItemView, QApplication

from raci.templates import load_template
from raci.ui import theme
from raci.ui.app import application, polish
from raci.ui.main_window import MainWindow
from raci.ui.recovery import RecoveryStore
from raci.ui.settings import Settings

TEMPLATE = "scrum-team"
DETAILS_ROW = "prioritise-features"  # the articles disagree on it, so the details panel shows both sides


def settle(app: QApplication, rounds: int = 10) -> None:
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


def open_window(app: QApplication, folder: Path) -> MainWindow:
    """A window as ``raci`` opens it (built just after it shows), on the settings kept in ``folder``."""
    window = MainWindow(load_template(TEMPLATE), settings=Settings.from_file(folder / "settings.ini"),
                        recovery=RecoveryStore(folder / "recovery"), deferred=True)
    window.show()
    settle(app)
    return window


def parse_size(text: str) -> QSize:
    width, _, height = text.partition("x")
    return QSize(int(width), int(height))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m raci.ui.screenshot")
    parser.add_argument("out", nargs="?", default="docs/screenshot.png", type=Path)
    parser.add_argument("--size", default="1280x720", type=parse_size, help="the window's size, e.g. 1024x700")
    parser.add_argument("--dark", action="store_true", help="the dark colour scheme")
    parser.add_argument("--second-launch", action="store_true", help="open, close, and picture the second window")
    options = parser.parse_args(argv[1:])
    app = application()
    polish(app)
    theme.follow_system(app).apply(options.dark)
    with tempfile.TemporaryDirectory(prefix="raci-screenshot-") as folder:
        if options.second_launch:
            first = open_window(app, Path(folder))
            first.resize(options.size)
            settle(app)
            first.close()
        window = open_window(app, Path(folder))
        if not options.second_launch:
            window.resize(options.size)
        settle(app)
        stage(window)
        settle(app)
        options.out.parent.mkdir(parents=True, exist_ok=True)
        saved = window.grab().save(str(options.out))
        window.document.undo_stack.setClean()
        window.close()
    if not saved:
        print(f"raci: could not write {options.out}; check the folder.", file=sys.stderr)
        return 2
    print(f"Saved {options.out} ({window.width()} x {window.height()}).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
