"""The sentence a person reads for each kind of fault in a team file, word for word."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from raci.errors import TeamFileError
from raci.resources import data_file
from raci.teamfile import loads_team

TEMPLATE = json.loads(Path(data_file("templates", "scrum-team.raci.json")).read_text(encoding="utf-8"))
END = "; fix that value, or restore a saved copy."


def _refusal(change: Callable[[dict[str, Any]], object]) -> str:
    document = copy.deepcopy(TEMPLATE)
    change(document)
    with pytest.raises(TeamFileError) as refused:
        loads_team(json.dumps(document, ensure_ascii=False).encode("utf-8"), "t.raci.json")
    return str(refused.value).removeprefix("Cannot open t.raci.json: ")


def _rules(document: dict[str, Any]) -> dict[str, Any]:
    rules: dict[str, Any] = document.setdefault("settings", {}).setdefault("rules", {})
    return rules


@pytest.mark.parametrize(("change", "said"), [
    (lambda d: d["profile"].__setitem__("size", "größe"),
     'at /profile/size, "größe" is not one of small, medium, large'),
    (lambda d: d["people"][0].__setitem__("id", "pérson id"),
     "at /people/0/id, \"pérson id\" is not a valid id (letters, digits, '.', '_' and '-')"),
    (lambda d: d["people"][0].pop("name"), 'at /people/0, the field "name" is missing'),
    (lambda d: d["people"][0].__setitem__("nick", "x"), 'at /people/0, the field "nick" is not part of a team file'),
    (lambda d: d["people"][0].__setitem__("name", "   "), "at /people/0/name, the text is empty"),
    (lambda d: d["people"][0].__setitem__("name", "n" * 201),
     "at /people/0/name, the text is longer than 200 characters"),
    (lambda d: _rules(d).__setitem__("é rule", {"enabled": True}),
     "at /settings/rules, the name \"é rule\" is not a valid id (letters, digits, '.', '_' and '-')"),
    (lambda d: d["profile"].__setitem__("delivery_teams", 0),
     "at /profile/delivery_teams, 0 is out of range (minimum 1)"),
    (lambda d: d["profile"].__setitem__("delivery_teams", 1001),
     "at /profile/delivery_teams, 1001 is out of range (maximum 1000)"),
    (lambda d: d["people"][0].__setitem__("titles", "PM"), "at /people/0/titles, expected a list but found text"),
    (lambda d: d["people"][0].__setitem__("titles", None), "at /people/0/titles, expected a list but found null"),
    (lambda d: d["profile"].__setitem__("delivery_teams", True),
     "at /profile/delivery_teams, expected a whole number but found true or false"),
    (lambda d: d["profile"].__setitem__("delivery_teams", 1.5),
     "at /profile/delivery_teams, expected a whole number but found a number"),
    (lambda d: d["profile"].__setitem__("delivery_teams", "2"),
     "at /profile/delivery_teams, expected a whole number but found text"),
    (lambda d: d["profile"].__setitem__("notes", {}), "at /profile/notes, expected text but found an object"),
    (lambda d: d["profile"].__setitem__("notes", []), "at /profile/notes, expected text but found a list"),
    (lambda d: d["profile"].__setitem__("notes", 3), "at /profile/notes, expected text but found a whole number"),
    (lambda d: _rules(d).__setitem__("empty-row", {"enabled": "yes"}),
     "at /settings/rules/empty-row/enabled, expected true or false but found text"),
    (lambda d: _rules(d).__setitem__("empty-row", {"threshold": []}),
     "at /settings/rules/empty-row/threshold, expected a number but found a list"),
    (lambda d: d.__setitem__("people", {}), "at /people, expected a list but found an object"),
    (lambda d: d.__setitem__("cells", []), "at /cells, expected an object but found a list"),
])
def test_each_fault_in_a_team_file_is_told_in_words(change: Callable[[dict[str, Any]], object], said: str) -> None:
    assert _refusal(change) == said + END
