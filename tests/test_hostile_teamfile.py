"""Team files that try to break the loader: every one gets one sentence naming the place, nothing loads half-read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from raci import teamfile
from raci.errors import SaveError, TeamFileError
from raci.model import RuleSetting
from raci.teamfile import dumps_team, load_team, loads_team, save_team

from tests.conftest import make_small_team
from tests.hostile import one_sentence, run, team_document, write_document

RULE = "too-many-consulted"


def refusal(text: str) -> str:
    with pytest.raises(TeamFileError) as caught:
        loads_team(text, "team.raci.json")
    return one_sentence(str(caught.value), "Cannot open team.raci.json: ")


# ------------------------------------------------------------- lone surrogates
def test_a_lone_surrogate_in_a_name_is_refused_with_its_place() -> None:
    text = json.dumps(team_document()).replace('"name": "Ana Lima"', '"name": "Ana \\ud800Lima"')
    sentence = refusal(text)
    assert "at /people/0/name," in sentence and "surrogate" in sentence


def test_a_lone_surrogate_in_a_key_is_refused_with_its_place() -> None:
    document = team_document()
    text = json.dumps(document).replace('"cells": {', '"cells": {"x\\udfff": {}, ', 1)
    assert "at /cells/x\\udfff," in refusal(text)


def test_a_surrogate_pair_written_as_escapes_is_one_character_and_loads() -> None:
    text = json.dumps(team_document()).replace('"name": "Ana Lima"', '"name": "Ana \\ud83d\\ude00"')
    assert loads_team(text).people[0].name == "Ana \N{GRINNING FACE}"


def test_a_lone_surrogate_typed_into_a_team_never_blocks_its_save(tmp_path: Path) -> None:
    team = make_small_team()
    team.update_person(team.people[0].id, name="Ana \ud800Lima")
    path = tmp_path / "team.raci.json"
    save_team(team, path)
    assert load_team(path).people[0].name == "Ana \ufffdLima"


# -------------------------------------------------------------------- numbers
@pytest.mark.parametrize("place", ["version", "delivery_teams"])
def test_an_integer_of_5000_digits_is_refused_with_its_place(place: str) -> None:
    document = team_document()
    now = teamfile.VERSION if place == "version" else 1
    text = json.dumps(document).replace(f'"{place}": {now}', f'"{place}": {"9" * 5000}', 1)
    sentence = refusal(text)
    assert "5000 digits" in sentence
    assert ("at /version," if place == "version" else "at /profile/delivery_teams,") in sentence


def test_validate_and_check_exit_2_not_1_on_a_5000_digit_version(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_document(tmp_path / "team.raci.json",
                          json.dumps(team_document()).replace(f'"version": {teamfile.VERSION}',
                                                              '"version": ' + "9" * 5000))
    for command in ("validate", "check"):
        code, out, err = run(capsys, command, str(path))
        assert code == 2, command
        assert out == ""
        assert "at /version" in one_sentence(err)


@pytest.mark.parametrize(("written", "named"), [
    ("NaN", "NaN is not a number JSON allows"),
    ("Infinity", "Infinity is not a number JSON allows"),
    ("-Infinity", "-Infinity is not a number JSON allows"),
    ("1e999", "the number 1e999 is too large to hold"),
])
def test_a_threshold_json_cannot_hold_is_refused_with_its_place(written: str, named: str) -> None:
    document = team_document()
    document["settings"] = {"rules": {RULE: {"threshold": 3}}}
    text = json.dumps(document).replace('"threshold": 3', f'"threshold": {written}')
    sentence = refusal(text)
    assert f"at /settings/rules/{RULE}/threshold, {named}" in sentence


def test_a_nan_threshold_in_a_team_is_refused_by_the_save_and_the_file_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "team.raci.json"
    team = make_small_team()
    save_team(team, path)
    before = path.read_bytes()
    team.set_rule_setting(RULE, RuleSetting(True, float("nan")))
    with pytest.raises(SaveError, match="NaN or infinity"):
        save_team(team, path)
    assert path.read_bytes() == before


def test_a_whole_number_written_with_a_fraction_loads_as_a_whole_number() -> None:
    text = json.dumps(team_document()).replace('"delivery_teams": 1', '"delivery_teams": 2.0')
    team = loads_team(text)
    assert team.profile.delivery_teams == 2 and type(team.profile.delivery_teams) is int
    assert '"delivery_teams": 2,' in dumps_team(team)


def test_a_version_written_as_3_0_is_a_newer_format() -> None:
    text = json.dumps(team_document()).replace(f'"version": {teamfile.VERSION}', '"version": 3.0')
    assert "team-file format 3 by a newer RACI Builder" in refusal(text)


# ---------------------------------------------------------------- raw text out
def test_escape_sequences_and_line_breaks_from_a_file_are_shown_escaped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = "\x1b[31mred\nraci: all good\x1b[0m\u202e"
    document = team_document()
    document["cells"][key] = {}
    path = write_document(tmp_path / "team.raci.json", document)
    code, _, err = run(capsys, "validate", str(path))
    assert code == 2
    sentence = one_sentence(err)
    assert "\\x1b[31mred\\nraci: all good\\x1b[0m\\u202e" in sentence


def test_a_duplicate_key_is_quoted_escaped() -> None:
    text = json.dumps(team_document())[:-1] + ', "\\u001b[2J": 1, "\\u001b[2J": 2}'
    assert "the key '\\x1b[2J' appears twice" in refusal(text)


def test_a_file_name_with_control_characters_is_shown_escaped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_document(tmp_path / "bad\x1b[2Jname.raci.json", "{")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 2
    assert "Cannot open bad\\x1b[2Jname.raci.json:" in one_sentence(err)


# ----------------------------------------------------------- the size limit
def test_a_save_that_would_pass_the_size_limit_is_refused_before_writing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    team = make_small_team()
    path = tmp_path / "team.raci.json"
    save_team(team, path)
    before = path.read_bytes()
    monkeypatch.setattr(teamfile, "MAX_BYTES", len(before) - 1)
    with pytest.raises(SaveError, match="could not be opened again"):
        save_team(team, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["team.raci.json"]


def test_a_file_exactly_at_the_size_limit_saves_and_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    team = make_small_team()
    monkeypatch.setattr(teamfile, "MAX_BYTES", len(dumps_team(team).encode("utf-8")))
    path = tmp_path / "team.raci.json"
    save_team(team, path)
    assert dumps_team(load_team(path)) == dumps_team(team)


def test_import_says_before_writing_that_the_team_would_pass_the_size_limit(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Task,Ana,Ben\nPlan the work,A,R\nShip it,R,A\n", encoding="utf-8")
    monkeypatch.setattr(teamfile, "MAX_BYTES", 200)
    code, _, err = run(capsys, "import", str(sheet), "-o", str(tmp_path / "out.raci.json"))
    assert code == 2
    assert "could not be opened again" in one_sentence(err)
    assert not (tmp_path / "out.raci.json").exists()


def test_the_cycle_collector_rests_while_a_team_file_becomes_a_team(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    seen: list[bool] = []
    real = teamfile._team_from_document

    def watched(document: dict, letters: object) -> object:
        seen.append(gc.isenabled())
        return real(document, letters)

    monkeypatch.setattr(teamfile, "_team_from_document", watched)
    loads_team(dumps_team(make_small_team()))
    assert seen == [False] and gc.isenabled()
