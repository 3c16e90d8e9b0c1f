"""Team file format 2: the letter set it carries, format-1 files as RACI, and any team coming back whole."""

from __future__ import annotations

import json
from pathlib import Path

import fastjsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from raci.catalog import load_catalog
from raci.errors import TeamFileError
from raci.letters import DACI, RACI, RASCI, Kind, LetterDef, LetterSet
from raci.model import Team
from raci.resources import read_text
from raci.teamfile import VERSION, dumps_team, load_team, loads_team, save_team, team_to_document

from tests.conftest import make_small_team
from tests.letter_teams import teams

STUDIO = LetterSet("studio", "Studio", (
    LetterDef("M", "Maker", "makes it", Kind.DOES), LetterDef("O", "Owner", "answers for it", Kind.OWNS),
    LetterDef("E", "Expert", "gives a view", Kind.ASKED, aliases=("Specialist",)),
), say_names=True, description="How the studio works.")


def refusal(text: str) -> str:
    with pytest.raises(TeamFileError) as raised:
        loads_team(text, "team.raci.json")
    return str(raised.value)


def as_format_1(team: Team) -> str:
    return dumps_team(team).replace(f'"version": {VERSION},', '"version": 1,', 1)


# ------------------------------------------------------------------ RACI stays
def test_a_raci_teams_file_is_the_format_1_file_but_for_its_version() -> None:
    team = make_small_team()
    team.set_cell("run-the-demo", "chloe-martin", "R/C")
    old = as_format_1(team)
    assert VERSION == 2 and '"letters"' not in old
    again = loads_team(old)
    assert again.letter_set is RACI and again.cell("run-the-demo", "chloe-martin") == "R/C"
    assert dumps_team(again) == old.replace('"version": 1,', '"version": 2,', 1)


def test_cells_are_the_sets_own_strings_once_loaded() -> None:
    team = loads_team(dumps_team(make_small_team()))
    assert team.cell("order-the-backlog", "ben-okafor") is RACI.cell("A", "R")


# ------------------------------------------------------------------- the set
def test_a_built_in_set_is_stored_by_its_id_after_the_profile() -> None:
    team = make_small_team()
    team.set_letter_set(DACI)
    text = dumps_team(team)
    document = json.loads(text)
    assert document["letters"] == "daci" and list(document).index("letters") == list(document).index("profile") + 1
    back = loads_team(text)
    assert back.letter_set is DACI and back.cell("order-the-backlog", "ben-okafor") == "A/D"


def test_a_teams_own_set_is_stored_whole_and_comes_back_equal(tmp_path: Path) -> None:
    team = make_small_team()
    team.set_letter_set(STUDIO)
    team.set_cell("run-the-demo", "chloe-martin", "M/E")
    save_team(team, tmp_path / "studio.raci.json")
    back = load_team(tmp_path / "studio.raci.json")
    assert back.letter_set == STUDIO and team_to_document(back) == team_to_document(team)
    stored = json.loads((tmp_path / "studio.raci.json").read_text(encoding="utf-8"))["letters"]
    assert stored == {"id": "studio", "name": "Studio", "say_names": True, "description": "How the studio works.",
                      "letters": [
                          {"symbol": "M", "name": "Maker", "meaning": "makes it", "kind": "does"},
                          {"symbol": "O", "name": "Owner", "meaning": "answers for it", "kind": "owns"},
                          {"symbol": "E", "name": "Expert", "meaning": "gives a view", "kind": "asked",
                           "aliases": ["Specialist"]}]}


def test_the_schema_describes_format_2_with_its_letters() -> None:
    validate = fastjsonschema.compile(json.loads(read_text("resources", "team-file.schema.json")))
    for letters in (RASCI, STUDIO):
        team = make_small_team()
        team.set_letter_set(letters)
        validate(json.loads(dumps_team(team)))
    document = json.loads(dumps_team(make_small_team()))
    document["letters"] = {"id": "x", "name": "X", "letters": [{"symbol": "R/", "name": "R", "kind": "does"}]}
    with pytest.raises(fastjsonschema.JsonSchemaValueException):
        validate(document)


# ------------------------------------------------------------------ refusals
@pytest.mark.parametrize(("letters", "sentence"), [
    ('"xyz"', "at /letters, there is no built-in letter set 'xyz'; the built-in sets are raci, rasci, daci, "
              "cairo, raci-vs; fix the letter set, or restore a saved copy."),
    ('{"id": "two", "name": "Two", "letters": [{"symbol": "A", "name": "One", "kind": "owns"}, '
     '{"symbol": "B", "name": "Other", "kind": "owns"}]}',
     "at /letters, 'Two' needs exactly one letter that owns the outcome and has 2 (A, B)"),
    ('{"id": "raci", "name": "RACI", "letters": [{"symbol": "R", "name": "Doer", "kind": "does"}, '
     '{"symbol": "A", "name": "Owner", "kind": "owns"}]}',
     "at /letters, the id 'raci' belongs to the built-in RACI letters"),
])
def test_a_letter_set_that_cannot_be_used_is_one_sentence_at_letters(letters: str, sentence: str) -> None:
    team = make_small_team()
    team.set_letter_set(RASCI)
    text = dumps_team(team).replace('"letters": "rasci"', f'"letters": {letters}')
    assert sentence in refusal(text)


@pytest.mark.parametrize(("cell", "fault"), [
    ("S", "'S' is not a cell of the team's letters (RACI: R, A, C or I, or several joined by '/')"),
    ("R/A", "'R/A' is written 'A/R' in a team file (letters in the set's order, joined by '/')"),
    ("C I", "at /cells/order-the-backlog/ben-okafor, "),
])
def test_a_cell_outside_the_teams_letters_is_named_with_its_place(cell: str, fault: str) -> None:
    text = dumps_team(make_small_team()).replace('"ben-okafor": "A/R"', f'"ben-okafor": "{cell}"')
    sentence = refusal(text)
    assert sentence.startswith("Cannot open team.raci.json: at /cells/order-the-backlog/ben-okafor, ")
    assert fault in sentence


def test_an_s_in_a_rasci_team_is_a_cell_and_in_a_daci_team_is_not() -> None:
    team = make_small_team()
    team.set_letter_set(RASCI)
    team.set_cell("run-the-demo", "chloe-martin", "S")
    text = dumps_team(team)
    assert loads_team(text).cell("run-the-demo", "chloe-martin") == "S"
    assert "is not a cell of the team's letters (DACI: D, A, C or I" in refusal(
        text.replace('"letters": "rasci"', '"letters": "daci"'))


def test_a_format_1_file_naming_letters_is_refused() -> None:
    team = make_small_team()
    team.set_letter_set(RASCI)
    assert "a format-1 team file names no letter set" in refusal(as_format_1(team))


# ----------------------------------------------------------- format 1 tags
def test_a_format_1_file_gains_the_catalogs_current_tags_and_keeps_its_own() -> None:
    catalog = load_catalog()
    entry = next(entry for entry in catalog.entries if len(entry.tags) >= 2)
    team = Team(name="Old file")
    team.add_person("Ana")
    team.add_responsibility(entry.title, tags=[entry.tags[0], "our-own-tag"], sources=[entry.id],
                            responsibility_id="from-catalog")
    team.add_responsibility("Gone from the catalog", tags=["kept"], sources=["no-such-entry"], responsibility_id="gone")
    team.add_responsibility("Ours", tags=["ours"], responsibility_id="ours")
    back = loads_team(as_format_1(team))
    assert back.responsibility("from-catalog").tags == (entry.tags[0], "our-own-tag", *entry.tags[1:])
    assert back.responsibility("gone").tags == ("kept",) and back.responsibility("ours").tags == ("ours",)
    assert '"version": 2' in dumps_team(back)


def test_a_format_2_file_keeps_its_tags_as_written() -> None:
    entry = next(entry for entry in load_catalog().entries if len(entry.tags) >= 2)
    team = Team(name="New file")
    team.add_responsibility(entry.title, tags=["only-this"], sources=[entry.id])
    assert loads_team(dumps_team(team)).responsibilities[0].tags == ("only-this",)


def test_the_checks_read_the_tags_a_format_1_file_gains() -> None:
    from raci.rules import check

    catalog = load_catalog()
    entry = next(entry for entry in catalog.entries if "customer-contact" in entry.tags)
    team = Team(name="Old file")
    team.add_person("Ana", ["Product Manager"])
    team.add_responsibility(entry.title, tags=[], sources=[entry.id], side=entry.side)
    team.add_responsibility("Plan the launch", responsibility_id="launch")
    team.set_cell("launch", "ana", "A/R")  # a matrix with letters: the checks speak
    assert not [finding for finding in check(team) if finding.rule == "no-customer-contact"]
    old = loads_team(as_format_1(team))
    assert [finding.rule for finding in check(old) if finding.rule == "no-customer-contact"] == ["no-customer-contact"]


# --------------------------------------------------------------- round trip
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(teams())
def test_any_team_in_any_letter_set_comes_back_from_its_file_unchanged(team: Team) -> None:
    back = loads_team(dumps_team(team))
    assert back.letter_set == team.letter_set
    assert team_to_document(back) == team_to_document(team)
    assert sorted(back.iter_cells()) == sorted(team.iter_cells())


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                         st.sampled_from(["id", "name", "letters", "symbol", "kind", "meaning", "say_names",
                                          "aliases", "colour", "x"]), inner, max_size=5), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_JSON, st.builds(lambda letters: {"id": "x", "name": "X", "letters": letters},
                                  st.lists(st.fixed_dictionaries(
                                      {"symbol": st.text(max_size=4), "name": st.text(max_size=6),
                                       "kind": st.sampled_from(["owns", "does", "helps", "asked", "told",
                                                                "not-involved", "boss"])}), max_size=8))))
def test_any_letters_value_gives_a_team_or_one_sentence_at_letters(letters: object) -> None:
    document = json.loads(dumps_team(make_small_team()))
    document["letters"] = letters
    try:
        team = loads_team(json.dumps(document))
    except TeamFileError as error:
        text = str(error)
        assert text.startswith("Cannot open the team file: at /") and text.endswith(".") and "\n" not in text
        return
    assert loads_team(dumps_team(team)).letter_set == team.letter_set
