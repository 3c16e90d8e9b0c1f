"""Linux desktop integration: the menu entry, the icons and the team-file type, for one user, and their removal."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from raci.teamfile import SUFFIX

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "packaging" / "linux" / "install-desktop.sh"
ICONS = ROOT / "packaging" / "icons" / "hicolor"
TYPE = "application/x-raci-team"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the freedesktop.org files of Linux desktops")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    return {"HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_DIRS": "/usr/share",
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}


@pytest.fixture
def program(tmp_path: Path) -> Path:
    """A stand-in for the bundle's raci, in a folder whose name has a space."""
    path = tmp_path / "Raci Builder" / "raci"
    path.parent.mkdir()
    path.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def desktop(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sh", str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=120)


def data(env: dict[str, str]) -> Path:
    return Path(env["XDG_DATA_HOME"])


def test_install_adds_the_menu_entry_the_icons_and_the_team_file_type(env: dict[str, str], program: Path) -> None:
    result = desktop(env, "install", str(program))
    assert result.returncode == 0, result.stderr

    entry = (data(env) / "applications" / "raci-builder.desktop").read_text(encoding="utf-8").splitlines()
    assert f'Exec="{program}" %f' in entry  # quoted: the folder has a space
    assert f"TryExec={program}" in entry
    assert f"MimeType={TYPE};" in entry
    assert "Icon=raci-builder" in entry
    assert (data(env) / "mime" / "packages" / "raci-builder.xml").is_file()
    for size in SIZES:
        assert (data(env) / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "raci-builder.png").is_file()
    assert (data(env) / "icons" / "hicolor" / "scalable" / "apps" / "raci-builder.svg").is_file()


@pytest.mark.skipif(not (shutil.which("gio") and shutil.which("update-mime-database")),
                    reason="needs GLib's gio and shared-mime-info to ask the desktop")
def test_after_install_a_team_file_is_known_and_a_double_click_opens_it_in_the_app(
        env: dict[str, str], program: Path, tmp_path: Path) -> None:
    assert desktop(env, "install", str(program)).returncode == 0
    team = tmp_path / f"checkout{SUFFIX}"
    team.write_text("{}", encoding="utf-8")

    kind = subprocess.run(["gio", "info", "-a", "standard::content-type", str(team)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert f"standard::content-type: {TYPE}" in kind.stdout
    default = subprocess.run(["gio", "mime", TYPE], env=env, capture_output=True, text=True, timeout=60)
    assert f"Default application for “{TYPE}”: raci-builder.desktop" in default.stdout


def test_uninstall_takes_it_all_away_and_leaves_other_associations(env: dict[str, str], program: Path) -> None:
    mimeapps = Path(env["XDG_CONFIG_HOME"]) / "mimeapps.list"
    mimeapps.parent.mkdir(parents=True)
    mimeapps.write_text("[Default Applications]\ntext/plain=editor.desktop\n", encoding="utf-8")
    assert desktop(env, "install", str(program)).returncode == 0

    result = desktop(env, "uninstall")
    assert result.returncode == 0, result.stderr
    left = [path.relative_to(data(env)) for path in data(env).rglob("raci-builder*")]
    assert left == []
    associations = mimeapps.read_text(encoding="utf-8")
    assert "text/plain=editor.desktop" in associations
    assert "raci-builder" not in associations


@pytest.mark.parametrize("name", ["relative", "missing", "dollar"])
def test_install_refuses_a_program_a_menu_entry_could_not_start(
        env: dict[str, str], program: Path, tmp_path: Path, name: str) -> None:
    bad = {"relative": "dist/raci-builder/raci", "missing": str(tmp_path / "nowhere" / "raci")}.get(name)
    if bad is None:
        odd = tmp_path / "$HOME" / "raci"
        odd.parent.mkdir()
        shutil.copy(program, odd)
        bad = str(odd)
    result = desktop(env, "install", bad)
    assert result.returncode == 2
    assert result.stderr.startswith("install-desktop.sh: ")
    assert not (data(env) / "applications" / "raci-builder.desktop").exists()


def test_the_icons_are_square_pngs_in_every_usual_size() -> None:
    for size in SIZES:
        header = (ICONS / f"{size}x{size}" / "apps" / "raci-builder.png").read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", header[16:24]) == (size, size)


def test_the_file_type_matches_team_files_and_the_menu_entry_opens_it() -> None:
    namespace = {"mime": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = ET.parse(ROOT / "packaging" / "linux" / "raci-builder.xml").getroot().find("mime:mime-type", namespace)
    assert kind is not None and kind.get("type") == TYPE
    assert [glob.get("pattern") for glob in kind.findall("mime:glob", namespace)] == [f"*{SUFFIX}"]
    entry = (ROOT / "packaging" / "linux" / "raci-builder.desktop").read_text(encoding="utf-8")
    assert f"MimeType={TYPE};" in entry.splitlines()


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils is not installed")
def test_the_installed_menu_entry_is_valid(env: dict[str, str], program: Path) -> None:
    assert desktop(env, "install", str(program)).returncode == 0
    result = subprocess.run(["desktop-file-validate", str(data(env) / "applications" / "raci-builder.desktop")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
