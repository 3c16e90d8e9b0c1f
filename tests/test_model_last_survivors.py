"""A person put back with a cell the team cannot hold is refused by a sentence naming that cell."""

from __future__ import annotations

import pytest

from raci.errors import TeamEditError
from raci.model import Person

from tests.conftest import make_small_team


def test_the_refusal_names_the_one_bad_cell_even_after_good_ones() -> None:
    team = make_small_team()
    rows = [row.id for row in team.responsibilities]
    cells = {rows[0]: "R", rows[1]: "C", rows[2]: "Z"}
    with pytest.raises(TeamEditError) as refused:
        team.insert_person(Person("dana", "Dana"), 3, cells)
    assert str(refused.value).startswith("'Z' is not a cell of RACI; a cell holds R, A, C, I")
    assert [person.id for person in team.people] == ["ana-lima", "ben-okafor", "chloe-martin"]
