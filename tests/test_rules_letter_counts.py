"""Each person's R, A, C and I, as the checker's tallies count them, stay right edit after edit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from raci.model import Letter, Team
from raci.rules import Checker

from tests.conftest import make_small_team

_letters = st.sampled_from([*Letter, None])


def counted_by_hand(team: Team, person_id: str) -> tuple[int, int, int, int]:
    letters = [team.cell(row.id, person_id) for row in team.responsibilities]
    return (sum(1 for letter in letters if letter is not None and letter.responsible),
            sum(1 for letter in letters if letter is not None and letter.accountable),
            letters.count(Letter.C), letters.count(Letter.I))


def test_an_a_r_counts_as_one_r_and_one_a() -> None:
    team = make_small_team()
    with Checker(team) as checker:
        ana, ben, chloe = (person.id for person in team.people)
        assert checker.letter_counts([ben, ana, chloe]) == {ben: (1, 1, 0, 0), ana: (0, 1, 1, 0), chloe: (0, 0, 0, 0)}


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2), _letters), min_size=1, max_size=12),
       st.booleans())
def test_counts_follow_cell_edits_and_a_person_moved(edits: list[tuple[int, int, Letter | None]], move: bool) -> None:
    team = make_small_team()
    rows, people = [row.id for row in team.responsibilities], [person.id for person in team.people]
    with Checker(team) as checker:
        checker.report()
        for row, person, letter in edits:
            team.set_cell(rows[row], people[person], letter)
            if move and row == 0:
                team.move_person(people[person], 2 - person)
        assert checker.letter_counts(people) == {pid: counted_by_hand(team, pid) for pid in people}
