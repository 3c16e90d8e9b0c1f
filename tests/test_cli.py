"""The `raci` command through its real entry point."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from raci import __version__
from raci.teamfile import save_team

from tests.conftest import make_small_team


def raci(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m raci` as a user would, without a display."""
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "raci", *args], capture_output=True, text=True,
                          cwd=cwd, env=environment, timeout=120)


def test_version_prints_the_program_and_its_version() -> None:
    result = raci("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"raci (RACI Builder) {__version__}"


def test_validate_summarises_a_good_file(tmp_path: Path) -> None:
    path = tmp_path / "team.raci.json"
    save_team(make_small_team(), path)
    result = raci("validate", str(path))
    assert result.returncode == 0
    assert "Checkout: 4 responsibilities, 3 people, 3 filled cells." in result.stdout


def test_a_truncated_file_exits_2_with_one_sentence_and_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "team.raci.json"
    save_team(make_small_team(), path)
    path.write_bytes(path.read_bytes()[:200])
    result = raci("validate", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith("raci: Cannot open team.raci.json: the JSON stops early")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_file_of_random_bytes_exits_2_with_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "noise.raci.json"
    path.write_bytes(bytes(range(256)) * 8)
    result = raci("validate", str(path))
    assert result.returncode == 2
    assert "is not UTF-8 text" in result.stderr and "Traceback" not in result.stderr


def test_an_unknown_option_is_a_usage_error() -> None:
    result = raci("validate", "--frobnicate")
    assert result.returncode == 2
    assert "usage:" in result.stderr
