"""Exports of any team the program can load: in work proportional to the cells, in memory that does not grow
with them, and with text no file format can hold replaced visibly instead of stopping the export."""

from __future__ import annotations

import io
import json
import sys
import tracemalloc
from pathlib import Path

import pytest

import raci.ui  # noqa: F401  # the window registers the PDF writer
from raci.findings import Report
from raci.formats import export_team
from raci.model import Person, Profile, Responsibility, Size, Team
from raci.teamfile import save_team

from tests.conftest import make_small_team
from tests.hostile import run


def full_team(rows: int, people: int) -> Team:
    persons = [Person(f"p{column}", f"Person {column}") for column in range(people)]
    lines = [Responsibility(f"r{row}", f"Responsibility {row}", category=f"Group {row // 50}") for row in range(rows)]
    letters = ["R", "A", "C", "I", "A/R"]
    cells = {line.id: {person.id: letters[(row + column) % 5] for column, person in enumerate(persons)}
             for row, line in enumerate(lines)}
    return Team.from_parts(name="Full", profile=Profile(Size.LARGE, 2), people=persons, responsibilities=lines,
                           cells=cells)


# --------------------------------------------------------------- raci check
class _CountingStream(io.StringIO):
    writes = 0

    def write(self, text: str) -> int:
        _CountingStream.writes += 1
        return super().write(text)


def test_check_writes_its_json_report_in_one_piece(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "team.raci.json"
    save_team(full_team(30, 8), path)
    stream = _CountingStream()
    _CountingStream.writes = 0
    monkeypatch.setattr(sys, "stdout", stream)
    from raci.cli import main

    assert main(["check", str(path), "--format", "json"]) == 1
    assert _CountingStream.writes == 1
    assert json.loads(stream.getvalue())["summary"]["total"] > 30


# ---------------------------------------------------------------------- PDF
def test_the_pdf_draws_fewer_texts_than_there_are_cells_and_makes_each_font_once(
        qtbot: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QFont, QPainter

    from raci.ui import pdf

    counts = {"texts": 0, "fonts": 0}

    class CountingPainter(QPainter):
        def drawText(self, *args: object) -> None:  # Qt's name
            counts["texts"] += 1
            super().drawText(*args)

    class CountingFont(QFont):
        def __init__(self, *args: object) -> None:
            counts["fonts"] += 1
            super().__init__(*args)

    monkeypatch.setattr(pdf, "QPainter", CountingPainter)
    monkeypatch.setattr(pdf, "QFont", CountingFont)
    if hasattr(pdf._font, "cache_clear"):
        pdf._font.cache_clear()
    team = full_team(60, 20)
    pdf.write(team, io.BytesIO(), Report())
    cells = 60 * 20
    assert counts["texts"] < cells // 4  # was one per cell and more
    assert counts["fonts"] < 20  # was one per cell


# --------------------------------------------------------------------- xlsx
def test_a_large_workbook_export_holds_its_rows_in_memory_one_at_a_time() -> None:
    from raci.formats import xlsx

    team = full_team(600, 100)  # 60,000 letters: over the size a workbook is written whole
    tracemalloc.start()
    try:
        xlsx.write(team, io.BytesIO(), Report())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3_000_000  # keeping all 60,000 cells until the end took 17 MB


# ------------------------------------------------------------- odd text out
@pytest.mark.parametrize("suffix", [".md", ".csv", ".xlsx", ".pdf"])
def test_half_a_surrogate_pair_or_a_control_character_never_stops_an_export(
        qtbot: object, tmp_path: Path, suffix: str) -> None:
    team = make_small_team()
    team.rename("Bad \ud800 name")
    team.update_person(team.people[0].id, name="Ana \udfff\x1b[31m Lima")
    path = tmp_path / f"team{suffix}"
    export_team(team, path, Report())
    if suffix == ".md":
        text = path.read_text(encoding="utf-8")
        assert "# Bad \ufffd name" in text and "Ana \ufffd\u241b\\[31m Lima" in text


def test_the_command_line_exports_a_team_saved_with_a_replaced_surrogate(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    team = make_small_team()
    team.rename("Bad \ud800 name")
    save_team(team, tmp_path / "team.raci.json")
    code, out, _ = run(capsys, "export", str(tmp_path / "team.raci.json"), "-o", str(tmp_path / "team.md"))
    assert code == 0 and out.startswith("Wrote")
    assert "# Bad \ufffd name" in (tmp_path / "team.md").read_text(encoding="utf-8")
