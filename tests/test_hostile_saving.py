"""Saving follows the target: links are written through, pipes and devices are left alone, names always fit,
dead saves' temporary files are cleaned up, and the commands share one rule for replacing a file."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

import pytest

from raci.errors import SaveError, TeamFileError
from raci.formats import export_team
from raci.saving import write_atomically
from raci.teamfile import dumps_team, load_team, save_team

from tests.conftest import make_small_team
from tests.hostile import one_sentence, run

pytestmark = pytest.mark.skipif(os.name != "posix", reason="links, pipes and locks as POSIX has them")


TEMPORARY_SUFFIX = ".raci-tmp"


def temporary_name(name: str, name_max: int = 255) -> str:
    from raci.saving import temporary_name as make  # imported here, so the rest of the file runs on any version

    return make(name, name_max)


def team_file(tmp_path: Path, name: str = "team.raci.json") -> Path:
    path = tmp_path / name
    save_team(make_small_team(), path)
    return path


def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "sheet.csv"
    path.write_text("Task,Ana,Ben\nPlan the work,A,R\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------- links
def test_saving_to_a_symbolic_link_replaces_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = team_file(tmp_path, "real.raci.json")
    link = tmp_path / "link.raci.json"
    link.symlink_to(real.name)
    team = make_small_team()
    team.rename("Renamed through the link")
    save_team(team, link)
    assert link.is_symlink() and os.readlink(link) == real.name
    assert load_team(real).name == "Renamed through the link"


def test_a_chain_of_links_is_followed_to_the_file(tmp_path: Path) -> None:
    real = team_file(tmp_path, "real.raci.json")
    (tmp_path / "one").symlink_to(real)
    (tmp_path / "two").symlink_to(tmp_path / "one")
    write_atomically(tmp_path / "two", b"{}")
    assert real.read_bytes() == b"{}" and (tmp_path / "two").is_symlink() and (tmp_path / "one").is_symlink()


def test_a_link_in_a_circle_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(SaveError, match="leads round in a circle"):
        write_atomically(tmp_path / "a", b"{}")


def test_new_will_not_write_through_a_dangling_link_without_force(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "dangling.raci.json"
    link.symlink_to(tmp_path / "elsewhere.raci.json")
    code, _, err = run(capsys, "new", "--template", "startup", "-o", str(link))
    assert code == 2
    assert "already exists; pass --force" in one_sentence(err)
    assert not (tmp_path / "elsewhere.raci.json").exists()
    code, _, _ = run(capsys, "new", "--template", "startup", "-o", str(link), "--force")
    assert code == 0
    assert link.is_symlink() and load_team(tmp_path / "elsewhere.raci.json").people


# ---------------------------------------------------------- pipes, folders
def test_export_to_a_named_pipe_is_refused_and_the_pipe_stays(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pipe = tmp_path / "out.csv"
    os.mkfifo(pipe)
    code, _, err = run(capsys, "export", str(team_file(tmp_path)), "-o", str(pipe), "--force")
    assert code == 2
    assert "it is a named pipe, not a file" in one_sentence(err)
    assert pipe.is_fifo()


def test_saving_over_a_device_is_refused() -> None:
    with pytest.raises(SaveError, match="it is a device"):
        write_atomically(Path("/dev/null"), b"{}")


def test_a_folder_is_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "team.raci.json").mkdir()
    with pytest.raises(SaveError, match="it is a folder"):
        save_team(make_small_team(), tmp_path / "team.raci.json")


def test_loading_a_named_pipe_is_refused_instead_of_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "team.raci.json"
    os.mkfifo(pipe)
    with pytest.raises(TeamFileError, match="not a regular file"):
        load_team(pipe)


# ---------------------------------------------------------------- names
def test_a_legal_250_byte_name_saves(tmp_path: Path) -> None:
    name = "é" * 120 + ".raci.json"  # 250 bytes in UTF-8
    assert len(os.fsencode(name)) == 250
    save_team(make_small_team(), tmp_path / name)
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.parametrize("length", [1, 200, 236, 237, 255])
def test_the_temporary_name_always_fits_in_255_bytes(length: int) -> None:
    name = temporary_name("x" * (length - 1) + "é"[: 1], 255)
    assert len(os.fsencode(name)) <= 255 and name.endswith(TEMPORARY_SUFFIX)


def test_a_name_cut_inside_a_character_stays_valid_text() -> None:
    name = temporary_name("é" * 200, 255)
    assert len(os.fsencode(name)) <= 255
    name.encode("utf-8")  # no half character left at the cut


def test_a_300_byte_output_name_is_one_sentence_for_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import", str(sheet(tmp_path)), "-o", str(tmp_path / ("x" * 290 + ".raci.json")))
    assert code == 2
    assert "the name is too long for this file system" in one_sentence(err)


def test_a_300_byte_name_is_one_sentence_for_new_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    long = str(tmp_path / ("x" * 296 + ".csv"))
    for args in (("new", "-o", long), ("export", str(team_file(tmp_path)), "-o", long)):
        code, _, err = run(capsys, *args)
        assert code == 2, args
        assert "too long for this file system" in one_sentence(err)


def test_a_missing_folder_is_named_as_missing(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match=r"the folder .* cannot be written .*does not exist"):
        save_team(make_small_team(), tmp_path / "missing" / "team.raci.json")


# ------------------------------------------------------ stale temporaries
def _age(path: Path, seconds: float) -> Path:
    old = time.time() - seconds
    os.utime(path, (old, old))
    return path


def _leftover(path: Path, seconds: float = 60) -> Path:
    path.write_bytes(b"half a team")
    return _age(path, seconds)


def test_a_dead_saves_temporary_file_is_removed_by_the_next_save(tmp_path: Path) -> None:
    target = team_file(tmp_path)
    _leftover(tmp_path / temporary_name(target.name))
    _leftover(tmp_path / f".{target.name}.k2j3h4g5.tmp")  # tempfile's name for it in earlier versions
    save_team(make_small_team(), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_a_temporary_file_a_running_save_holds_is_left_alone(tmp_path: Path) -> None:
    target = team_file(tmp_path)
    busy = _leftover(tmp_path / temporary_name(target.name))
    with busy.open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        save_team(make_small_team(), target)
        assert busy.exists()


def test_a_fresh_temporary_file_is_left_alone_and_other_files_too(tmp_path: Path) -> None:
    target = team_file(tmp_path)
    fresh = _leftover(tmp_path / temporary_name(target.name), 0)
    other = _leftover(tmp_path / temporary_name("other.raci.json"))
    notes = _leftover(tmp_path / ".team.raci.json.notes.txt")
    save_team(make_small_team(), target)
    assert fresh.exists() and other.exists() and notes.exists()


def test_a_killed_save_leaves_a_file_the_next_save_cleans(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    target = team_file(tmp_path)
    code = ("import os, sys\n"
            "from raci import saving\n"
            "def stop(descriptor):\n"
            "    os.kill(os.getpid(), 9)\n"
            "saving.os.fsync = stop\n"
            "saving.write_atomically(sys.argv[1], b'x' * 1_500_000)\n")
    result = subprocess.run([sys.executable, "-c", code, str(target)], timeout=60)
    assert result.returncode == -signal.SIGKILL
    left = [p for p in tmp_path.iterdir() if p.name.endswith(TEMPORARY_SUFFIX)]
    assert len(left) == 1
    _age(left[0], 60)
    save_team(make_small_team(), target)
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    assert dumps_team(load_team(target)) == dumps_team(make_small_team())


# ---------------------------------------------------- one rule to replace
@pytest.mark.parametrize("command", ["new", "import", "export"])
def test_new_import_and_export_replace_an_existing_file_only_with_force(
        command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    suffix = ".csv" if command == "export" else ".raci.json"
    target = tmp_path / f"out{suffix}"
    target.write_text("keep me", encoding="utf-8")
    args = {"new": ["new", "-o", str(target)],
            "import": ["import", str(sheet(tmp_path)), "-o", str(target)],
            "export": ["export", str(team_file(tmp_path)), "-o", str(target)]}[command]
    code, _, err = run(capsys, *args)
    assert code == 2
    assert "already exists; pass --force to replace it" in one_sentence(err)
    assert target.read_text(encoding="utf-8") == "keep me"
    code, _, _ = run(capsys, *args, "--force")
    assert code == 0
    assert target.read_text(encoding="utf-8-sig") != "keep me"


def test_the_window_export_replaces_what_the_file_dialog_confirmed(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old", encoding="utf-8")
    export_team(make_small_team(), target)
    assert target.read_text(encoding="utf-8").startswith("# Checkout")


def test_importing_a_named_pipe_is_refused_instead_of_waiting_for_a_writer(tmp_path: Path) -> None:
    from raci.errors import SheetImportError
    from raci.formats import import_sheet

    pipe = tmp_path / "sheet.csv"
    os.mkfifo(pipe)
    with pytest.raises(SheetImportError, match="not a regular file"):
        import_sheet(pipe)


@pytest.mark.parametrize("action", ["load", "save", "import", "new"])
def test_a_name_holding_a_nul_character_is_one_sentence(tmp_path: Path, action: str) -> None:
    from raci.errors import RaciError
    from raci.formats import import_sheet
    from raci.saving import refuse_existing

    name = tmp_path / "bad\x00name.raci.json"
    calls = {"load": lambda: load_team(name), "save": lambda: save_team(make_small_team(), name),
             "import": lambda: import_sheet(tmp_path / "bad\x00name.csv"),
             "new": lambda: refuse_existing(name, False)}
    with pytest.raises(RaciError, match="not a valid file name"):
        calls[action]()
