"""Team-file sentences and saved text at the edges the other team-file tests leave open."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from raci import teamfile
from raci.errors import SaveError, SettingsError, TeamFileError
from raci.model import Acknowledgment, RuleSetting
from raci.rules import RULES
from raci.teamfile import dumps_team, loads_team, save_team

from tests.conftest import make_small_team

FIX_VALUE = "; fix that value, or restore a saved copy."


def _document() -> dict[str, Any]:
    return json.loads(dumps_team(make_small_team()))


def _refusal(document: dict[str, Any]) -> str:
    with pytest.raises(TeamFileError) as caught:
        loads_team(json.dumps(document, ensure_ascii=False), "team.raci.json")
    return str(caught.value)


def test_text_without_a_file_name_is_called_the_team_file() -> None:
    with pytest.raises(TeamFileError) as caught:
        loads_team(b"  ")
    assert str(caught.value) == ("Cannot open the team file: the file is empty; "
                                 "choose a team file saved by RACI Builder.")


def test_an_unknown_rule_lists_every_rule_this_version_has() -> None:
    document = _document()
    document["settings"] = {"rules": {"no-such-rule": {"enabled": False}}}
    with pytest.raises(SettingsError) as caught:
        loads_team(json.dumps(document), "team.raci.json")
    assert str(caught.value) == (
        "Cannot open team.raci.json: at /settings/rules/no-such-rule, 'no-such-rule' is not a rule of this "
        f"RACI Builder (the rules are {', '.join(RULES.ids())}); fix the rule id or remove that entry.")


def test_a_date_with_a_non_ascii_letter_is_quoted_as_written() -> None:
    document = _document()
    document["acknowledgments"] = [{"rule": "overloaded-person", "reason": "ok", "date": "2026-01-1é"}]
    assert _refusal(document) == (
        'Cannot open team.raci.json: at /acknowledgments/0/date, "2026-01-1é" is not a day written '
        "year-month-day, such as 2026-01-15" + FIX_VALUE)


def test_a_bad_rule_name_after_a_good_one_is_the_one_named() -> None:
    document = _document()
    document["settings"] = {"rules": {"overloaded-person": {}, "bad name": {}}}
    assert _refusal(document) == (
        "Cannot open team.raci.json: at /settings/rules, the name \"bad name\" is not a valid id "
        "(letters, digits, '.', '_' and '-')" + FIX_VALUE)


def test_a_name_of_only_spaces_too_long_is_called_too_long() -> None:
    document = _document()
    document["name"] = " " * 201
    assert _refusal(document) == (
        "Cannot open team.raci.json: at /name, the text is longer than 200 characters" + FIX_VALUE)


def test_a_cell_that_is_no_letter_at_all_says_what_a_cell_must_look_like() -> None:
    document = _document()
    row = next(iter(document["cells"]))
    document["cells"][row] = {"ana-lima": "zz!"}
    assert _refusal(document) == (
        f"Cannot open team.raci.json: at /cells/{row}/ana-lima, "
        "must match pattern ^[A-Za-z][A-Za-z0-9]{0,2}(/[A-Za-z][A-Za-z0-9]{0,2}){0,6}$" + FIX_VALUE)


def test_a_cell_under_a_person_id_holding_a_tab_names_the_pattern() -> None:
    document = _document()
    row = next(iter(document["cells"]))
    document["cells"][row] = {"a\tb": "zz!"}
    assert _refusal(document).startswith(
        f"Cannot open team.raci.json: at /cells/{row}/a\\tb, must match pattern ^[A-Za-z]")


def test_the_settings_and_acknowledgments_follow_the_cells_and_keep_their_letters() -> None:
    team = make_small_team()
    team.set_rule_setting("overloaded-person", RuleSetting(True, 3.0))
    team.acknowledgments.append(Acknowledgment("overloaded-person", (), (), "Chloé agreed", "2026-01-15"))
    text = dumps_team(team)
    assert list(json.loads(text))[-3:] == ["cells", "settings", "acknowledgments"]
    assert '"reason": "Chloé agreed"' in text
    assert loads_team(text).acknowledgments == team.acknowledgments


def test_a_threshold_json_cannot_hold_stops_the_save_with_one_sentence() -> None:
    team = make_small_team()
    team.set_rule_setting("overloaded-person", RuleSetting(True, float("nan")))
    with pytest.raises(SaveError) as caught:
        dumps_team(team)
    assert str(caught.value) == ("Cannot save Checkout: a rule setting holds a number JSON cannot store "
                                 "(NaN or infinity); set that threshold again and save.")


def test_a_team_over_the_limit_is_refused_with_its_size_and_file_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    team = make_small_team()
    base = len(teamfile.encode_team(team, "x"))
    team.rename(team.name, "d" * (1_101_005 - base))  # 1.0500002 MB: rounds up to 1.1
    assert len(teamfile.encode_team(team, "x")) == 1_101_005
    monkeypatch.setattr(teamfile, "MAX_BYTES", 1_000_000)
    with pytest.raises(SaveError) as caught:
        save_team(team, tmp_path / "big.raci.json")
    assert str(caught.value) == (
        "Cannot save big.raci.json: the team file would be 1.1 MB, over the 64 MB a team file may hold, "
        "so it could not be opened again; split the team or remove people or responsibilities, then save.")
    assert not (tmp_path / "big.raci.json").exists()


def test_a_format_1_file_naming_letters_says_how_to_fix_it() -> None:
    document = _document()
    document["version"] = 1
    document["letters"] = "rasci"
    assert _refusal(document) == (
        "Cannot open team.raci.json: at /letters, a format-1 team file names no letter set (format 2 does); "
        "set \"version\" to 2, or remove \"letters\".")


def test_a_bad_cell_is_reported_after_an_impossible_date_as_the_file_is_read_in_order() -> None:
    document = _document()
    row = next(iter(document["cells"]))
    document["cells"][row] = {"ana-lima": 5}
    document["acknowledgments"] = [{"rule": "overloaded-person", "reason": "ok", "date": "2026-13-45"}]
    assert _refusal(document) == (
        'Cannot open team.raci.json: at /acknowledgments/0/date, "2026-13-45" is no day of the calendar; '
        "write the day as year-month-day, such as 2026-01-15.")


def test_fields_a_file_leaves_out_load_as_their_plain_defaults() -> None:
    document = _document()
    document["name"] = "   "
    del document["description"]
    del document["profile"]["notes"]
    for person in document["people"]:
        del person["titles"]
    for row in document["responsibilities"]:
        del row["description"], row["category"]
    document["settings"] = {"rules": {"overloaded-person": {}, "no-accountable": {"enabled": False}}}
    document["acknowledgments"] = [{"rule": "overloaded-person", "reason": "ok", "date": "2026-01-15"}]
    team = loads_team(json.dumps(document))
    assert team.name == "Untitled team"
    again = json.loads(dumps_team(team))
    assert again["description"] == "" and again["profile"]["notes"] == ""
    assert {tuple(person["titles"]) for person in again["people"]} == {()}
    assert {(row["description"], row["category"]) for row in again["responsibilities"]} == {("", "")}
    assert again["settings"] == {"rules": {"no-accountable": {"enabled": False},
                                                "overloaded-person": {"enabled": True}}}
    assert again["acknowledgments"][0]["people"] == []


def test_a_long_fault_read_from_the_schema_is_cut_at_two_hundred_characters() -> None:
    document = _document()
    row = next(iter(document["cells"]))
    document["cells"][row] = {"a " + "x" * 250: "zz!"}
    fault = _refusal(document).split(", ", 1)[1].removesuffix(FIX_VALUE)
    assert len(fault) == 200 and fault.endswith("…")
