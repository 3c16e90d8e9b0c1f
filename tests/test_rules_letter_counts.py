"""Each person's cells by kind, as the checker's tallies count them, stay right edit after edit, in any set;
the team counted afresh (:mod:`raci.tally`, what the workload panel and the exports read) agrees."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from raci.letters import BUILT_IN, RACI, Kind, LetterSet
from raci.model import Team
from raci.rules import Checker
from raci.tally import cell_counts, kind_counts

from tests.conftest import make_small_team


def counted_by_hand(team: Team, person_id: str) -> tuple[int, ...]:
    letters = team.letter_set
    held = [letters.kinds(team.cell(row.id, person_id)) for row in team.responsibilities]
    return tuple(sum(1 for kinds in held if kinds & kind.bit) for kind in Kind)


def test_an_a_r_counts_once_as_owner_and_once_as_doer() -> None:
    team = make_small_team()
    with Checker(team) as checker:
        ana, ben, chloe = (person.id for person in team.people)
        assert checker.kind_counts([ben, ana, chloe]) == {
            ben: (1, 1, 0, 0, 0, 0), ana: (1, 0, 0, 1, 0, 0), chloe: (0, 0, 0, 0, 0, 0)}


def test_the_people_sheet_counts_an_a_r_as_one_a_r_and_a_blank_person_as_nothing() -> None:
    team = make_small_team()
    ana, ben, chloe = (person.id for person in team.people)
    counts = cell_counts(team)
    assert (dict(counts[ana]), dict(counts[ben]), dict(counts[chloe])) == ({"A": 1, "C": 1}, {"A/R": 1}, {})


@st.composite
def edits_in_a_set(draw: st.DrawFn) -> tuple[LetterSet, list[tuple[int, int, str | None]]]:
    letters = draw(st.sampled_from(BUILT_IN))
    cell = st.one_of(st.none(), st.sampled_from(letters.all_cells()))
    return letters, draw(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2), cell), min_size=1, max_size=12))


@given(edits_in_a_set(), st.booleans())
def test_counts_follow_cell_edits_and_a_person_moved_in_every_built_in_set(
        case: tuple[LetterSet, list[tuple[int, int, str | None]]], move: bool) -> None:
    letters, edits = case
    team = make_small_team()
    if letters is not RACI:
        team.set_letter_set(letters)
    rows, people = [row.id for row in team.responsibilities], [person.id for person in team.people]
    with Checker(team) as checker:
        checker.report()
        for row, person, cell in edits:
            team.set_cell(rows[row], people[person], cell)
            if move and row == 0:
                team.move_person(people[person], 2 - person)
        expected = {pid: counted_by_hand(team, pid) for pid in people}
        assert checker.kind_counts(people) == expected
        assert kind_counts(team, people) == expected
