"""A file that is no team file at all, or is cut short, is refused in one whole sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from raci.errors import TeamFileError
from raci.resources import data_file
from raci.teamfile import MAX_BYTES, loads_team

TEMPLATE = Path(data_file("templates", "scrum-team.raci.json")).read_bytes()
NEWER = json.dumps({**json.loads(TEMPLATE), "version": 99}).encode("utf-8")


@pytest.mark.parametrize(("data", "said"), [
    (b" " * (MAX_BYTES + 1), "the file is over the 64 MB limit for team files; check that this is the right file."),
    (b'{"a": "\xff"}', "byte 7 is not UTF-8 text, so this is not a team file; choose a *.raci.json file saved by "
                       "RACI Builder."),
    (b"  \n", "the file is empty; choose a team file saved by RACI Builder."),
    (b'{"format": "raci-team", "format": "raci-team"}',
     "the key 'format' appears twice in one object; keep only one of them."),
    (b'{"format": NaN}', "at /format, NaN is not a number JSON allows; fix that value, or restore a saved copy."),
    (TEMPLATE[:300], "the JSON stops early at line 5, column 18, so the file looks truncated; restore a saved copy."),
    (b'{"format": 1', "the JSON stops early at line 1, column 13, so the file looks truncated; restore a saved copy."),
    (b'{"format": 1]', "it is not valid JSON at line 1, column 13 (Expecting ',' delimiter); choose a team file "
                       "saved by RACI Builder."),
    (b"hello there", "it is not valid JSON at line 1, column 1 (Expecting value); choose a team file saved by "
                     "RACI Builder."),
    (b"[" * 100_000, "the JSON is nested too deeply to be a team file; choose a *.raci.json file."),
    (b'{"hello": 1}', 'it is JSON but not a RACI Builder team file (no "format": "raci-team"); choose a *.raci.json '
                      "file."),
    (NEWER, "it was written in team-file format 99 by a newer RACI Builder and this one reads format 2 and older; "
            "update RACI Builder to open it."),
], ids=["over-limit", "not-utf8", "empty", "key-twice", "nan", "cut-short", "no-closing-brace", "stray-bracket",
        "not-json", "too-deep", "not-a-team", "newer"])
def test_a_file_that_is_no_team_file_is_refused_in_one_sentence(data: bytes, said: str) -> None:
    with pytest.raises(TeamFileError) as refused:
        loads_team(data, "t.raci.json")
    assert str(refused.value) == f"Cannot open t.raci.json: {said}"


def test_a_team_file_with_a_byte_order_mark_opens() -> None:
    assert loads_team(b"\xef\xbb\xbf" + TEMPLATE).name == loads_team(TEMPLATE).name
