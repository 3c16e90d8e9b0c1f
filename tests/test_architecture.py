"""The core knows no screen, and start-up does not pay for pandas or the workbook libraries."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE_MODULES = ["raci.model", "raci.teamfile", "raci.errors", "raci.resources", "raci.cli"]


def _loaded_after(statement: str) -> set[str]:
    code = f"{statement}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    return set(result.stdout.split())


def test_the_core_imports_without_qt() -> None:
    loaded = _loaded_after("; ".join(f"import {name}" for name in CORE_MODULES) + "; import raci.cli as c; c.discover_commands()")
    assert not any(name.startswith("PySide6") for name in loaded)


def test_neither_the_core_nor_the_commands_import_pandas_or_the_workbook_libraries_at_start() -> None:
    loaded = _loaded_after("import raci.cli as c; c.discover_commands()")
    assert not loaded & {"pandas", "openpyxl", "xlsxwriter"}


def test_the_import_contracts_hold() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint is None:
        pytest.skip("import-linter is not installed in this environment (make test installs it)")
    result = subprocess.run([lint], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
