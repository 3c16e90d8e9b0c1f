"""The team file: round trips, every kind of bad input, and the atomic save."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from raci import teamfile
from raci.errors import SaveError, TeamFileError
from raci.model import KNOWN_TITLES, Acknowledgment, Person, Profile, Responsibility, RuleSetting, Side, Size, Team
from raci.resources import read_text
from raci.teamfile import dumps_team, load_team, loads_team, save_team, team_to_document

from tests.conftest import make_small_team


def test_a_saved_team_loads_back_the_same(tmp_path: Path, small_team: Team) -> None:
    small_team.rule_settings["overloaded-person"] = RuleSetting(True, 10)
    small_team.acknowledgments.append(
        Acknowledgment("combined-roles", ("set-the-product-vision",), ("ana-lima",), "Until we hire", "2026-11-20"))
    path = tmp_path / "team.raci.json"
    save_team(small_team, path)
    loaded = load_team(path)
    assert team_to_document(loaded) == team_to_document(small_team)
    assert loaded.cell("order-the-backlog", "ben-okafor") == "A/R"
    assert path.read_text(encoding="utf-8") == dumps_team(loaded)


def test_a_document_without_cells_holds_everything_else(small_team: Team) -> None:
    whole = team_to_document(small_team)
    without = team_to_document(small_team, with_cells=False)
    assert "cells" not in without and whole.pop("cells")
    assert without == whole


def test_the_file_is_indented_json_with_one_line_per_row_of_cells(small_team: Team) -> None:
    text = dumps_team(small_team)
    document = json.loads(text)
    assert list(document)[:4] == ["format", "version", "name", "description"]
    assert document["format"] == "raci-team" and document["version"] == 2
    assert '    "order-the-backlog": {"ana-lima": "C", "ben-okafor": "A/R"}' in text.splitlines()
    assert "Chloé" in text  # written as UTF-8, not escaped


def test_the_schema_is_a_valid_json_schema_and_accepts_what_we_write(small_team: Team) -> None:
    import jsonschema

    schema = json.loads(read_text("resources", "team-file.schema.json"))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft7Validator(schema).validate(json.loads(dumps_team(small_team)))


# -------------------------------------------------------------- round trip
_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_name = _text.map(lambda s: " ".join(s.split())).filter(bool)
_id = st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True)


@st.composite
def teams(draw: st.DrawFn) -> Team:
    person_ids = draw(st.lists(_id, unique=True, max_size=6))
    row_ids = draw(st.lists(_id, unique=True, max_size=6))
    people = [Person(pid, draw(_name), tuple(draw(st.lists(st.sampled_from(KNOWN_TITLES) | _name, max_size=2))))
              for pid in person_ids]
    rows = [Responsibility(rid, draw(_name), draw(_text), draw(_text), draw(st.sampled_from(Side)),
                           tuple(draw(st.lists(_name, max_size=2))), tuple(draw(st.lists(_id, max_size=2))))
            for rid in row_ids]
    cells: dict[str, dict[str, str]] = {}
    for rid in row_ids:
        letters = st.sampled_from(["R", "A", "C", "I", "A/R"])
        row = draw(st.dictionaries(st.sampled_from(person_ids), letters)) if person_ids else {}
        if row:
            cells[rid] = row
    profile = Profile(draw(st.sampled_from(Size)), draw(st.integers(1, 20)), draw(_text))
    return Team.from_parts(name=draw(_name), description=draw(_text), profile=profile,
                           people=people, responsibilities=rows, cells=cells)


@given(teams())
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_any_team_survives_a_save_and_load(team: Team) -> None:
    loaded = loads_team(dumps_team(team).encode("utf-8"))
    assert team_to_document(loaded) == team_to_document(team)
    assert dumps_team(loaded) == dumps_team(team)


# ------------------------------------------------------------- bad input
def _document() -> dict:
    return json.loads(dumps_team(make_small_team()))


def _edited(change) -> bytes:
    document = _document()
    change(document)
    return json.dumps(document).encode("utf-8")


def _set(path: list, value):
    def change(document: dict) -> None:
        target = document
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value
    return change


BAD_INPUTS = {
    "empty file": (b"", "the file is empty"),
    "only spaces": (b"  \n ", "the file is empty"),
    "truncated JSON": (dumps_team(make_small_team()).encode()[:300], "looks truncated"),
    "truncated inside a text": (b'{"format": "raci-team", "version": 1, "name": "Chec', "looks truncated"),
    "random bytes": (bytes([0x9C, 0xFF, 0x00, 0x13, 0xC3, 0x28, 0xA0, 0xA1, 0xFE, 0x42] * 20), "is not UTF-8 text"),
    "not UTF-8": (dumps_team(make_small_team()).encode("latin-1", "replace").replace(b"Chlo?", b"Chlo\xe9"),
                  "is not UTF-8 text"),
    "not JSON": (b"name: my team\n", "not valid JSON at line 1, column 1"),
    "JSON but not a team": (b"[1, 2, 3]", "not a RACI Builder team file"),
    "wrong type": (_edited(_set(["profile", "delivery_teams"], "two")),
                   "at /profile/delivery_teams, expected a whole number but found text"),
    "unknown letter": (_edited(_set(["cells", "order-the-backlog", "ben-okafor"], "X")),
                       "at /cells/order-the-backlog/ben-okafor, 'X' is not a cell of the team's letters "
                       "(RACI: R, A, C or I, or several joined by '/')"),
    "letter as a list": (_edited(_set(["cells", "order-the-backlog", "ben-okafor"], ["A"])),
                         "at /cells/order-the-backlog/ben-okafor, "),
    "unknown size": (_edited(_set(["profile", "size"], "huge")), 'at /profile/size, "huge" is not one of small'),
    "missing field": (_edited(lambda d: d["people"][1].pop("name")), 'at /people/1, the field "name" is missing'),
    "unexpected field": (_edited(_set(["people", 0, "age"], 3)), 'at /people/0, the field "age" is not part'),
    "bad id": (_edited(_set(["people", 2, "id"], "chloé martin")),
               "at /people/2/id, \"chloé martin\" is not a valid id"),
    "duplicate ids": (_edited(_set(["people", 2, "id"], "ana-lima")),
                      "at /people/2/id, the id 'ana-lima' is used by more than one person"),
    "duplicate row ids": (_edited(_set(["responsibilities", 3, "id"], "write-user-stories")),
                          "at /responsibilities/3/id, the id 'write-user-stories' is used by more"),
    "cell naming an unknown person": (_edited(_set(["cells", "run-the-demo"], {"ghost": "R"})),
                                      "at /cells/run-the-demo/ghost, a cell names a person 'ghost' "
                                      "who is not in /people"),
    "cell naming an unknown row": (_edited(_set(["cells", "gone"], {"ana-lima": "R"})),
                                   "at /cells/gone, the cells name a responsibility 'gone'"),
    "newer version": (_edited(_set(["version"], 7)), "format 7 by a newer RACI Builder"),
    "duplicate key": (b'{"format": "raci-team", "format": "raci-team"}', "the key 'format' appears twice"),
}


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_bad_input_gets_one_sentence_naming_file_place_and_fault(tmp_path: Path, kind: str) -> None:
    data, expected = BAD_INPUTS[kind]
    path = tmp_path / "broken.raci.json"
    path.write_bytes(data)
    with pytest.raises(TeamFileError) as caught:
        load_team(path)
    sentence = str(caught.value)
    assert sentence.startswith("Cannot open broken.raci.json: ")
    assert expected in sentence
    assert sentence.endswith(".") and "\n" not in sentence and "Traceback" not in sentence


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.raci.json"
    with path.open("wb") as handle:
        handle.truncate(teamfile.MAX_BYTES + 1)
    with pytest.raises(TeamFileError, match=f"over the {teamfile.LIMIT_TEXT} limit"):
        load_team(path)


def test_a_missing_file_and_a_folder_are_reported_plainly(tmp_path: Path) -> None:
    with pytest.raises(TeamFileError, match=r"Cannot open nope\.raci\.json: there is no such file"):
        load_team(tmp_path / "nope.raci.json")
    with pytest.raises(TeamFileError, match="it is a folder"):
        load_team(tmp_path)


# ---------------------------------------------------------------- atomic save
def test_a_save_that_fails_midway_leaves_the_previous_file_intact(
    tmp_path: Path, small_team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "team.raci.json"
    save_team(small_team, path)
    before = path.read_bytes()
    small_team.add_person("Dana Novak", ["QA"])

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(teamfile.os, "fsync", disk_full)
    with pytest.raises(SaveError, match="No space left on device; the previous file is unchanged"):
        save_team(small_team, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["team.raci.json"]  # no temporary file left behind


def test_a_save_interrupted_while_writing_leaves_nothing_half_written(
    tmp_path: Path, small_team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "team.raci.json"
    save_team(small_team, path)
    before = path.read_bytes()
    real_replace = os.replace

    def crash_before_rename(source, target) -> None:
        # The temporary file is complete at this point; the crash comes before the swap.
        assert Path(source).read_bytes().startswith(b"{")
        raise KeyboardInterrupt

    monkeypatch.setattr(teamfile.os, "replace", crash_before_rename)
    with pytest.raises(KeyboardInterrupt):
        save_team(small_team, path)
    monkeypatch.setattr(teamfile.os, "replace", real_replace)
    assert path.read_bytes() == before
    assert len(list(tmp_path.iterdir())) == 1


def test_saving_into_a_folder_that_does_not_exist_says_so(tmp_path: Path, small_team: Team) -> None:
    with pytest.raises(SaveError, match=r"Cannot save team\.raci\.json: the folder .* cannot be written"):
        save_team(small_team, tmp_path / "missing" / "team.raci.json")


def test_a_saved_file_keeps_its_permissions(tmp_path: Path, small_team: Team) -> None:
    path = tmp_path / "team.raci.json"
    save_team(small_team, path)
    path.chmod(0o640)
    save_team(small_team, path)
    assert path.stat().st_mode & 0o777 == 0o640
