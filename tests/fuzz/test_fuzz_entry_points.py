"""Every way a file enters the program, fed spoiled real files: one sentence or a team, never a traceback.

Whatever is accepted must also be writable and readable again, so a
fuzzed input can neither crash an entry point nor produce a team the
program would later refuse.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

from hypothesis import event, given

from raci.cli import main
from raci.errors import RaciError, SaveError
from raci.formats import import_sheet
from raci.model import Team
from raci.teamfile import encode_team, loads_team

from tests.fuzz.conftest import FUZZ
from tests.fuzz.strategies import csv_bytes, recovery_meta_bytes, team_file_bytes, xlsx_bytes


def assert_one_sentence(error: RaciError) -> None:
    sentence = str(error)
    assert sentence.isprintable(), repr(sentence)
    assert sentence.endswith(".") and len(sentence) < 2000, sentence
    fault = sentence.split(": ", 1)[-1]
    event(f"refused: {' '.join(fault.split()[:4])}")  # what --hypothesis-show-statistics counts


def assert_round_trip(team: Team) -> None:
    """An accepted team saves (or is refused in one sentence for its size) and loads back the same."""
    event("accepted")
    try:
        data = encode_team(team, "team.raci.json")
    except SaveError as error:
        assert_one_sentence(error)
        return
    assert encode_team(loads_team(data), "team.raci.json") == data


@FUZZ
@given(team_file_bytes())
def test_loading_a_team_file_gives_a_team_or_one_sentence(data: bytes) -> None:
    try:
        team = loads_team(data, "team.raci.json")
    except RaciError as error:
        assert_one_sentence(error)
        return
    assert_round_trip(team)


@FUZZ
@given(team_file_bytes())
def test_the_check_command_exits_0_1_or_2_with_no_traceback(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "team.raci.json"
        path.write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", str(path), "--format", "json"])
    assert code in (0, 1, 2)
    if code == 2:
        (line,) = err.getvalue().splitlines()
        assert line.startswith("raci: ") and line.isprintable()


def _import(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"sheet{suffix}"
        path.write_bytes(data)
        try:
            result = import_sheet(path)
        except RaciError as error:
            assert_one_sentence(error)
            return
    assert all(warning.isprintable() for warning in result.warnings)
    assert_round_trip(result.team)


@FUZZ
@given(csv_bytes())
def test_importing_a_csv_gives_a_team_or_one_sentence(data: bytes) -> None:
    _import(data, ".csv")


@FUZZ
@given(xlsx_bytes())
def test_importing_a_workbook_gives_a_team_or_one_sentence(data: bytes) -> None:
    _import(data, ".xlsx")


@FUZZ
@given(team_file_bytes(), recovery_meta_bytes())
def test_recovery_offers_or_refuses_whatever_its_folder_holds(copy: bytes, meta: bytes) -> None:
    from raci.ui.recovery import RecoveryStore

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "old.raci.json").write_bytes(copy)
        (Path(folder) / "old.json").write_bytes(meta)
        for offered in RecoveryStore(Path(folder), session="mine").pending():
            assert offered.describe().isprintable()
            try:
                assert_round_trip(offered.load())
            except RaciError as error:
                assert_one_sentence(error)
