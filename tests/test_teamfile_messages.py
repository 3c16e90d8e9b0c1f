"""What a person reads when a team file is broken: the whole sentence for each kind of fault, with its place."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from raci.errors import TeamFileError
from raci.teamfile import dumps_team, load_team, loads_team

from tests.conftest import make_small_team

FIX_VALUE = "; fix that value, or restore a saved copy."
FIX_ENTRY = "; fix or remove that entry."


def _set(*path: Any, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        target = document
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value
    return change


def _rule(setting: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    return _set("settings", value={"rules": {"overloaded-person": setting}})


SCHEMA_FAULTS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "version below one": (_set("version", value=0), "at /version, 0 is out of range (minimum 1)"),
    "unknown size": (_set("profile", "size", value="huge"),
                     'at /profile/size, "huge" is not one of small, medium, large'),
    "unknown side": (_set("responsibilities", 0, "side", value="both"),
                     'at /responsibilities/0/side, "both" is not one of manager, owner, shared, other'),
    "no delivery team": (_set("profile", "delivery_teams", value=0),
                         "at /profile/delivery_teams, 0 is out of range (minimum 1)"),
    "too many delivery teams": (_set("profile", "delivery_teams", value=1001),
                                "at /profile/delivery_teams, 1001 is out of range (maximum 1000)"),
    "text for a number": (_set("profile", "delivery_teams", value="two"),
                          "at /profile/delivery_teams, expected a whole number but found text"),
    "fraction for a whole number": (_set("profile", "delivery_teams", value=1.5),
                                    "at /profile/delivery_teams, expected a whole number but found a number"),
    "true for a number": (_set("profile", "delivery_teams", value=True),
                          "at /profile/delivery_teams, expected a whole number but found true or false"),
    "null for a number": (_set("profile", "delivery_teams", value=None),
                          "at /profile/delivery_teams, expected a whole number but found null"),
    "list for a number": (_set("profile", "delivery_teams", value=[1]),
                          "at /profile/delivery_teams, expected a whole number but found a list"),
    "object for a number": (_set("profile", "delivery_teams", value={}),
                            "at /profile/delivery_teams, expected a whole number but found an object"),
    "object for a list": (_set("people", value={}), "at /people, expected a list but found an object"),
    "text for an object": (_set("cells", "run-the-demo", value="R"),
                           "at /cells/run-the-demo, expected an object but found text"),
    "text for a threshold": (_rule({"threshold": "8"}),
                             "at /settings/rules/overloaded-person/threshold, expected a number but found text"),
    "negative threshold": (_rule({"threshold": -1}),
                           "at /settings/rules/overloaded-person/threshold, -1 is out of range (minimum 0)"),
    "text for a switch": (_rule({"enabled": "yes"}),
                          "at /settings/rules/overloaded-person/enabled, expected true or false but found text"),
    "empty name": (_set("name", value=""), "at /name, the text is empty"),
    "blank person": (_set("people", 0, "name", value="   "), "at /people/0/name, the text is empty"),
    "blank title": (_set("responsibilities", 0, "title", value=" "), "at /responsibilities/0/title, the text is empty"),
    "name over 200": (_set("name", value="x" * 201), "at /name, the text is longer than 200 characters"),
    "tag over 50": (_set("responsibilities", 0, "tags", value=["x" * 51]),
                    "at /responsibilities/0/tags/0, the text is longer than 50 characters"),
    "id with a slash": (_set("people", 0, "id", value="a/b"),
                        "at /people/0/id, \"a/b\" is not a valid id (letters, digits, '.', '_' and '-')"),
    "id with an accent": (_set("people", 0, "id", value="chloé"),
                          "at /people/0/id, \"chloé\" is not a valid id (letters, digits, '.', '_' and '-')"),
    "missing reason": (_set("acknowledgments", value=[{"rule": "idle-person", "date": "2024-01-01"}]),
                       'at /acknowledgments/0, the field "reason" is missing'),
    "unknown field at the top": (_set("colour", value="red"),
                                 'at the top level, the field "colour" is not part of a team file'),
}


def _load(change: Callable[[dict[str, Any]], None]) -> str:
    document = json.loads(dumps_team(make_small_team()))
    change(document)
    with pytest.raises(TeamFileError) as caught:
        loads_team(json.dumps(document).encode("utf-8"), "team.raci.json")
    return str(caught.value)


@pytest.mark.parametrize("kind", list(SCHEMA_FAULTS))
def test_a_value_the_schema_refuses_is_named_with_its_place(kind: str) -> None:
    change, fault = SCHEMA_FAULTS[kind]
    assert _load(change) == f"Cannot open team.raci.json: {fault}{FIX_VALUE}"


def test_a_missing_field_at_the_top_is_named() -> None:
    assert _load(lambda document: document.pop("people")) == (
        f'Cannot open team.raci.json: at the top level, the field "people" is missing{FIX_VALUE}')


ENTRY_FAULTS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "two rows with one id": (_set("responsibilities", 2, "id", value="set-the-product-vision"),
                             "at /responsibilities/2/id, the id 'set-the-product-vision' is used by more than one "
                             "responsibility"),
    "a row id holding / and ~": (_set("cells", "a/b~c", value={"ana-lima": "R"}),
                                 "at /cells/a~1b~0c, the cells name a responsibility 'a/b~c' that is not in "
                                 "/responsibilities"),
    "a person id holding /": (_set("cells", "order-the-backlog", "x/y", value="R"),
                              "at /cells/order-the-backlog/x~1y, a cell names a person 'x/y' who is not in /people"),
}


@pytest.mark.parametrize("kind", list(ENTRY_FAULTS))
def test_an_entry_naming_what_is_not_there_is_named_with_its_place(kind: str) -> None:
    change, fault = ENTRY_FAULTS[kind]
    assert _load(change) == f"Cannot open team.raci.json: {fault}{FIX_ENTRY}"


def test_a_very_long_place_is_cut_short_in_the_sentence() -> None:
    sentence = _load(_set("cells", "r" * 200, value={"ana-lima": "R"}))
    place = sentence.split(", the cells name")[0].removeprefix("Cannot open team.raci.json: at ")
    assert place.startswith("/cells/rrrr") and place.endswith("…")
    assert len(place) == 120


# ------------------------------------------------------------ the file itself
def _opening(path: Path) -> str:
    with pytest.raises(TeamFileError) as caught:
        load_team(path)
    return str(caught.value)


def test_what_is_not_a_readable_team_file_is_one_whole_sentence(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.raci.json")
    (tmp_path / "folder.raci.json").mkdir()
    assert _opening(tmp_path / "pipe.raci.json") == (
        "Cannot open pipe.raci.json: it is not a regular file (a named pipe or a device); choose a *.raci.json file.")
    assert _opening(tmp_path / "missing.raci.json") == (
        "Cannot open missing.raci.json: there is no such file; check the name and folder.")
    assert _opening(tmp_path / "folder.raci.json") == (
        "Cannot open folder.raci.json: it is a folder, not a file; choose a *.raci.json file.")
    assert _opening(tmp_path / ("x" * 300 + ".raci.json")).endswith(
        ": it cannot be read (File name too long); check its name and permissions.")
    assert _opening(tmp_path / "nul\x00.raci.json") == (
        "Cannot open nul\\x00.raci.json: that is not a valid file name; choose a *.raci.json file.")


def test_a_file_one_byte_over_64_mb_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.raci.json"
    with path.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024 + 1)
    assert _opening(path) == ("Cannot open big.raci.json: the file is 64.0 MB, over the 64 MB limit for team files; "
                              "check that this is the right file.")


def test_a_value_outside_a_list_of_choices_is_quoted_as_written() -> None:
    assert _load(_set("profile", "size", value="énorme")) == (
        f'Cannot open team.raci.json: at /profile/size, "énorme" is not one of small, medium, large{FIX_VALUE}')
