"""An installed wheel works from any folder and carries its data."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                   check=True, timeout=600, capture_output=True)
    (built,) = out.glob("raci_builder-*.whl")
    return built


def test_the_wheel_carries_the_schema_the_catalog_and_the_templates(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "raci/_data/resources/team-file.schema.json" in names
    assert any(name.startswith("raci/_data/seeds/") for name in names)
    assert "raci/_data/templates/scrum-team.raci.json" in names


def test_an_installed_wheel_runs_from_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
                   check=True, timeout=900, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    version = subprocess.run([str(venv / "bin" / "raci"), "--version"], cwd=elsewhere,
                             capture_output=True, text=True, timeout=120)
    assert version.returncode == 0 and version.stdout.startswith("raci (RACI Builder) ")
    probe = ("import json, raci.resources as r; root = str(r.data_root()); "
             "assert 'site-packages' in root, root; "
             "print(json.loads(r.read_text('resources', 'team-file.schema.json'))['title'])")
    schema = subprocess.run([str(python), "-c", probe], cwd=elsewhere, capture_output=True, text=True, timeout=120)
    assert schema.returncode == 0, schema.stderr
    assert schema.stdout.strip() == "RACI Builder team file"
