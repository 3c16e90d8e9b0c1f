"""A team file's cells and letters, refused in words that say how to write them; format-1 files' catalog rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from raci.errors import TeamFileError
from raci.resources import data_file
from raci.teamfile import _lower_first, dumps_team, loads_team

from tests.conftest import make_small_team

TWO_LETTERS = {"id": "mine", "name": "Mine", "letters": [
    {"symbol": "O", "name": "Owner", "meaning": "owns it", "kind": "owns"},
    {"symbol": "D", "name": "Doer", "meaning": "does it", "kind": "does"}]}


def _document(**changes: Any) -> dict[str, Any]:
    document = json.loads(dumps_team(make_small_team()))
    document.update(changes)
    return document


def _refusal(document: dict[str, Any]) -> str:
    with pytest.raises(TeamFileError) as caught:
        loads_team(json.dumps(document).encode("utf-8"), "team.raci.json")
    return str(caught.value).removeprefix("Cannot open team.raci.json: ")


def test_a_cell_outside_a_two_letter_set_lists_both_letters() -> None:
    document = _document(letters=TWO_LETTERS, cells={"run-the-demo": {"ana-lima": "Q"}})
    assert _refusal(document) == ("at /cells/run-the-demo/ana-lima, 'Q' is not a cell of the team's letters "
                                  "(Mine: O or D, or several joined by '/'); fix that value, or restore a saved copy.")


def test_a_cell_outside_raci_lists_its_four_letters() -> None:
    document = _document(cells={"run-the-demo": {"ana-lima": "X"}})
    assert _refusal(document) == ("at /cells/run-the-demo/ana-lima, 'X' is not a cell of the team's letters "
                                  "(RACI: R, A, C or I, or several joined by '/'); fix that value, or restore a saved "
                                  "copy.")


def test_letters_in_the_wrong_order_are_told_how_a_team_file_writes_them() -> None:
    document = _document(cells={"run-the-demo": {"ana-lima": "R/A"}})
    assert _refusal(document) == ("at /cells/run-the-demo/ana-lima, 'R/A' is written 'A/R' in a team file (letters "
                                  "in the set's order, joined by '/'); fix that value, or restore a saved copy.")


def test_a_letter_sets_fault_continues_the_sentence_in_lower_case_but_keeps_a_quoted_name() -> None:
    boss = {**TWO_LETTERS, "letters": [{"symbol": "O", "name": "Owner", "meaning": "", "kind": "boss"}]}
    assert _refusal(_document(letters=boss, cells={})) == (
        "at /letters, letter 1 of the letter set: the kind 'boss' is not one of owns, does, helps, asked, told, "
        "not-involved; fix the letter set, or restore a saved copy.")
    twice = {**TWO_LETTERS, "letters": [{**TWO_LETTERS["letters"][0]}, {**TWO_LETTERS["letters"][1], "symbol": "O"}]}
    assert _refusal(_document(letters=twice, cells={})) == (
        "at /letters, 'Mine' uses the symbol 'O' twice; each letter needs its own; fix the letter set, or restore "
        "a saved copy.")
    bad_id = {**TWO_LETTERS, "id": "Not An Id"}
    assert _refusal(_document(letters=bad_id, cells={})).startswith(
        "at /letters, a letter set's id must be 1 to 40 lower-case letters, digits or dashes")
    assert _lower_first("RACI has four letters") == "RACI has four letters"
    assert _lower_first("A/R is written so") == "A/R is written so"
    assert _lower_first("“Mine” is taken") == "“Mine” is taken"


def test_a_format_1_catalog_row_gains_its_entrys_tags_past_an_entry_the_catalog_no_longer_has() -> None:
    document = _document(version=1)
    document["responsibilities"][0].update(sources=["no-such-entry", "set-product-vision"], tags=["mine"])
    document["responsibilities"][1].update(sources=["set-product-vision"])
    document["responsibilities"][1].pop("tags", None)
    team = loads_team(json.dumps(document).encode("utf-8"))
    assert team.responsibilities[0].tags == ("mine", "vision")
    assert team.responsibilities[1].tags == ("vision",)


def test_a_format_2_file_keeps_the_tags_it_holds() -> None:
    document = _document()
    document["responsibilities"][0].update(sources=["set-product-vision"], tags=["mine"])
    assert loads_team(json.dumps(document).encode("utf-8")).responsibilities[0].tags == ("mine",)


def test_an_acknowledgments_date_must_be_a_day_of_the_calendar_written_year_month_day() -> None:
    template = json.loads(Path(data_file("templates", "startup.raci.json")).read_text(encoding="utf-8"))
    for date, fault in (
        ("15/01/2026", '"15/01/2026" is not a day written year-month-day, such as 2026-01-15; fix that value, or '
                       "restore a saved copy."),
        ("2026-13-45", '"2026-13-45" is no day of the calendar; write the day as year-month-day, such as 2026-01-15.'),
        ("2026-02-29", '"2026-02-29" is no day of the calendar; write the day as year-month-day, such as 2026-01-15.'),
    ):
        template["acknowledgments"][0]["date"] = date
        with pytest.raises(TeamFileError) as refused:
            loads_team(json.dumps(template).encode("utf-8"), "startup.raci.json")
        assert str(refused.value) == f"Cannot open startup.raci.json: at /acknowledgments/0/date, {fault}"
    template["acknowledgments"][0]["date"] = "2028-02-29"
    assert loads_team(json.dumps(template).encode("utf-8")).acknowledgments[0].date == "2028-02-29"
