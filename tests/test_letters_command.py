"""``raci letters``: list the sets, show a team's letters, switch a team after saying what changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from raci.letters import DACI, RACI, RASCI
from raci.teamfile import load_team, save_team

from tests.conftest import make_small_team
from tests.hostile import one_sentence, run


@pytest.fixture
def team_file(tmp_path: Path) -> Path:
    path = tmp_path / "team.raci.json"
    team = make_small_team()
    team.set_cell("run-the-demo", "chloe-martin", "R/C")
    save_team(team, path)
    return path


def test_the_list_names_every_built_in_set_with_its_letters_and_their_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "letters", "--list")
    assert code == 0 and err == ""
    assert out.splitlines()[0] == "RACI (raci): Responsible, Accountable, Consulted, Informed: the classic matrix."
    assert "  S   Support      helps             helps those responsible do the work" in out
    assert "DACI (daci)" in out and "CAIRO (cairo)" in out and "RACI-VS (raci-vs)" in out


def test_a_team_shows_the_letters_it_writes_in(team_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "letters", str(team_file))
    assert code == 0
    assert out.splitlines()[0].startswith("Checkout writes its cells in RACI (raci)")


def test_switching_says_what_changes_then_writes_the_team_in_the_new_set(
        team_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "letters", str(team_file), "--set", "daci")
    assert code == 0
    assert out.splitlines() == [
        "Switching Checkout from RACI to DACI changes this:",
        "  R (Responsible) becomes D (Driver) in 2 cells.",
        "  A (Accountable) becomes A (Approver) in 2 cells.",
        "  C (Consulted) becomes C (Contributor) in 2 cells.",
        "  In all, 2 cells change.",
        f"Wrote {team_file}: its cells are now in DACI.",
    ]
    team = load_team(team_file)
    assert team.letter_set is DACI
    assert (team.cell("order-the-backlog", "ben-okafor"), team.cell("run-the-demo", "chloe-martin")) == ("A/D", "D/C")
    code, out, _ = run(capsys, "letters", str(team_file), "--set", "raci")
    assert code == 0 and load_team(team_file).letter_set is RACI
    assert load_team(team_file).cell("run-the-demo", "chloe-martin") == "R/C"


def test_a_dry_run_changes_nothing(team_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = team_file.read_bytes()
    code, out, _ = run(capsys, "letters", str(team_file), "--set", "rasci", "--dry-run")
    assert code == 0 and "would change" in out and "Wrote" not in out
    assert "No cell changes: every letter in use means the same in RASCI." in out
    assert team_file.read_bytes() == before


def test_a_switch_can_be_written_to_another_file(team_file: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    before = team_file.read_bytes()
    code, _, _ = run(capsys, "letters", str(team_file), "--set", "rasci", "-o", str(tmp_path / "rasci.raci.json"))
    assert code == 0 and team_file.read_bytes() == before
    assert load_team(tmp_path / "rasci.raci.json").letter_set is RASCI


def test_a_set_of_the_teams_own_comes_from_a_json_file(team_file: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    own = tmp_path / "studio.json"
    own.write_text(json.dumps({"id": "studio", "name": "Studio", "letters": [
        {"symbol": "M", "name": "Maker", "meaning": "makes it", "kind": "does"},
        {"symbol": "O", "name": "Owner", "kind": "owns"},
        {"symbol": "E", "name": "Expert", "kind": "asked"}]}), encoding="utf-8")
    code, out, _ = run(capsys, "letters", str(team_file), "--set-file", str(own))
    assert code == 0 and "A (Accountable) becomes O (Owner) in 2 cells." in out
    team = load_team(team_file)
    assert team.letter_set.name == "Studio" and team.cell("order-the-backlog", "ben-okafor") == "O/M"


@pytest.mark.parametrize(("args", "sentence"), [
    (("--set", "xyz"), "There is no built-in letter set 'xyz'; the built-in sets are raci, rasci, daci, cairo, "
                       "raci-vs."),
    ((), None),
])
def test_a_wrong_set_is_one_sentence_and_exit_2(team_file: Path, capsys: pytest.CaptureFixture[str],
                                               args: tuple[str, ...], sentence: str | None) -> None:
    if not args:
        code, _, err = run(capsys, "letters")
        assert code == 2 and "list the sets with 'raci letters --list'" in one_sentence(err)
        return
    before = team_file.read_bytes()
    code, _, err = run(capsys, "letters", str(team_file), *args)
    assert code == 2 and one_sentence(err) == f"raci: {sentence}"
    assert team_file.read_bytes() == before


@pytest.mark.parametrize(("content", "fault"), [
    (b"{", "is not a letter set in JSON"),
    (b"\xff\xfe", "is not a letter set in JSON"),
    (b'{"id": "x", "name": "X", "letters": [{"symbol": "A", "name": "One", "kind": "owns"}]}',
     "needs a letter that does the work"),
    (b'{"id": "x", "name": "X", "letters": []}', "has 0 letters"),
    (b"[1, 2]", "the id of a built-in set or an object"),
])
def test_a_set_file_that_is_no_set_is_one_sentence_naming_the_file(
        team_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, fault: str) -> None:
    own = tmp_path / "own.json"
    own.write_bytes(content)
    before = team_file.read_bytes()
    code, _, err = run(capsys, "letters", str(team_file), "--set-file", str(own))
    assert code == 2 and fault in one_sentence(err) and "own.json" in err
    assert team_file.read_bytes() == before
