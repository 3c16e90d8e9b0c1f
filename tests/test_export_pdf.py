"""The PDF export: a printable landscape page of the matrix and its findings."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

import raci.ui  # noqa: F401  # the window registers the PDF writer
from raci.findings import RACI_PRACTICE, Finding, Report, Severity
from raci.formats import export_team

from tests.conftest import make_small_team


def _pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


def test_the_pdf_is_a_pdf_with_at_least_one_page(qtbot: QtBot, tmp_path: Path) -> None:
    finding = Finding("no-accountable", Severity.ERROR, "Nobody is accountable for “Run the demo”.", "Why.",
                      (RACI_PRACTICE,), fix="Make one person A.")
    path = tmp_path / "team.pdf"
    export_team(make_small_team(), path, Report.of([finding]))
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert _pages(data) >= 1


def test_a_long_matrix_runs_onto_more_pages(qtbot: QtBot, tmp_path: Path) -> None:
    short, long = make_small_team(), make_small_team()
    for number in range(120):
        row = long.add_responsibility(f"Extra responsibility {number}", category=f"Group {number // 10}")
        long.set_cell(row.id, long.people[number % 3].id, "A")
    export_team(short, tmp_path / "short.pdf", Report())
    export_team(long, tmp_path / "long.pdf", Report())
    assert _pages((tmp_path / "long.pdf").read_bytes()) > _pages((tmp_path / "short.pdf").read_bytes()) >= 1


def test_the_command_line_writes_a_pdf_without_a_display(tmp_path: Path) -> None:
    from raci.teamfile import save_team

    team_file = tmp_path / "team.raci.json"
    save_team(make_small_team(), team_file)
    # No display and no platform chosen: the exporter must pick the offscreen one itself.
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "raci", "export", str(team_file), "-o", str(tmp_path / "team.pdf")],
                            capture_output=True, text=True, env=environment, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "team.pdf").read_bytes().startswith(b"%PDF")
