"""The team model at its edges: positions at and past the end, what each edit announces and gives back."""

from __future__ import annotations

import pytest

from raci.errors import TeamEditError, UnknownPersonError, UnknownResponsibilityError
from raci.model import Change, Phase, Team, TeamEvent

from tests.conftest import make_small_team

PEOPLE = ["ana-lima", "ben-okafor", "chloe-martin"]
ROWS = ["set-the-product-vision", "order-the-backlog", "write-user-stories", "run-the-demo"]


def recorded(team: Team) -> list[TeamEvent]:
    events: list[TeamEvent] = []
    team.subscribe(events.append)
    return events


def person_ids(team: Team) -> list[str]:
    return [person.id for person in team.people]


def row_ids(team: Team) -> list[str]:
    return [row.id for row in team.responsibilities]


# ------------------------------------------------------------------ moving
def test_a_person_moves_to_the_last_column_but_not_one_past_it() -> None:
    team = make_small_team()
    with pytest.raises(TeamEditError, match=r"^Position 3 is outside the matrix \(0 to 2\)\.$"):
        team.move_person("ana-lima", 3)
    assert person_ids(team) == PEOPLE
    assert team.move_person("ana-lima", 2) == 0
    assert person_ids(team) == ["ben-okafor", "chloe-martin", "ana-lima"]
    assert team.letter_at(0, 2) == "A"  # her letters went with her


def test_a_person_cannot_move_before_the_first_column() -> None:
    team = make_small_team()
    with pytest.raises(TeamEditError, match="outside the matrix"):
        team.move_person("ben-okafor", -1)
    assert team.move_person("ben-okafor", 0) == 1
    assert person_ids(team)[0] == "ben-okafor"


def test_a_row_moves_to_the_last_row_but_not_one_past_it() -> None:
    team = make_small_team()
    with pytest.raises(TeamEditError, match=r"^Position 4 is outside the matrix \(0 to 3\)\.$"):
        team.move_responsibility("order-the-backlog", 4)
    assert row_ids(team) == ROWS
    assert team.move_responsibility("order-the-backlog", 3) == 1
    assert row_ids(team) == ["set-the-product-vision", "write-user-stories", "run-the-demo", "order-the-backlog"]
    assert team.responsibility_index("order-the-backlog") == 3
    assert team.letter_at(3, 1) == "A/R"


def test_a_row_cannot_move_before_the_first_row() -> None:
    team = make_small_team()
    with pytest.raises(TeamEditError, match="outside the matrix"):
        team.move_responsibility("run-the-demo", -1)
    assert team.move_responsibility("run-the-demo", 0) == 3
    assert row_ids(team) == ["run-the-demo", *ROWS[:3]]
    assert team.responsibility_index("set-the-product-vision") == 1


def test_a_move_is_announced_before_and_after_with_where_from_and_where_to() -> None:
    team = make_small_team()
    events = recorded(team)
    team.move_responsibility("set-the-product-vision", 2)
    team.move_person("chloe-martin", 0)
    assert [(e.change, e.phase, e.operation, e.index, e.destination, e.ids) for e in events] == [
        (Change.RESPONSIBILITIES, Phase.BEFORE, "move", 0, 2, ("set-the-product-vision",)),
        (Change.RESPONSIBILITIES, Phase.AFTER, "move", 0, 2, ("set-the-product-vision",)),
        (Change.PEOPLE, Phase.BEFORE, "move", 2, 0, ("chloe-martin",)),
        (Change.PEOPLE, Phase.AFTER, "move", 2, 0, ("chloe-martin",)),
    ]


def test_moving_to_where_it_already_is_changes_nothing_and_says_nothing() -> None:
    team = make_small_team()
    events = recorded(team)
    assert team.move_responsibility("write-user-stories", 2) == 2
    assert team.move_person("ben-okafor", 1) == 1
    assert events == []
    assert row_ids(team) == ROWS and person_ids(team) == PEOPLE


def test_moving_an_unknown_id_is_refused_before_the_position_is_looked_at() -> None:
    team = make_small_team()
    with pytest.raises(UnknownResponsibilityError, match="no responsibility with id 'nothing'"):
        team.move_responsibility("nothing", 0)
    with pytest.raises(UnknownPersonError, match="no person with id 'ghost'"):
        team.move_person("ghost", 0)


# --------------------------------------------------------------- inserting
def test_a_person_is_inserted_at_the_end_but_not_one_past_it() -> None:
    team = make_small_team()
    with pytest.raises(TeamEditError, match=r"^Position 4 is outside the matrix \(0 to 3\)\.$"):
        team.add_person("Dee", index=4)
    assert team.add_person("Dee", index=3).id == person_ids(team)[3] == "dee"
    team.add_person("Eve", index=0)
    assert person_ids(team) == ["eve", *PEOPLE, "dee"]


def test_a_row_is_inserted_at_the_end_but_not_one_past_it() -> None:
    team = make_small_team()
    with pytest.raises(TeamEditError, match=r"^Position 5 is outside the matrix \(0 to 4\)\.$"):
        team.add_responsibility("Write the release notes", index=5)
    team.add_responsibility("Write the release notes", index=4)
    assert row_ids(team)[4] == "write-the-release-notes"
    assert team.responsibility_index("write-the-release-notes") == 4


# ---------------------------------------------------------------- removing
def test_removing_a_person_is_announced_at_their_column_and_they_come_back_there() -> None:
    team = make_small_team()
    events = recorded(team)
    removal = team.remove_person("ben-okafor")
    assert [(e.change, e.phase, e.operation, e.index, e.ids) for e in events] == [
        (Change.PEOPLE, Phase.BEFORE, "remove", 1, ("ben-okafor",)),
        (Change.PEOPLE, Phase.AFTER, "remove", 1, ("ben-okafor",)),
    ]
    assert removal.index == 1 and removal.item.name == "Ben Okafor"
    assert dict(removal.cells) == {"order-the-backlog": "A/R"}
    assert person_ids(team) == ["ana-lima", "chloe-martin"]
    assert team.person_index("chloe-martin") == 1
    assert team.row_letters("order-the-backlog") == {"ana-lima": "C"}
    team.restore(removal)
    assert person_ids(team) == PEOPLE
    assert team.person_index("chloe-martin") == 2
    assert team.row_letters("order-the-backlog") == {"ana-lima": "C", "ben-okafor": "A/R"}


def test_removing_a_person_without_letters_takes_no_cells() -> None:
    team = make_small_team()
    removal = team.remove_person("chloe-martin")
    assert removal.cell_count == 0 and dict(removal.cells) == {}
    assert team.filled_count() == 3


def test_removing_a_row_is_announced_at_its_place_and_it_comes_back_there() -> None:
    team = make_small_team()
    events = recorded(team)
    removal = team.remove_responsibility("order-the-backlog")
    assert [(e.change, e.phase, e.operation, e.index, e.ids) for e in events] == [
        (Change.RESPONSIBILITIES, Phase.BEFORE, "remove", 1, ("order-the-backlog",)),
        (Change.RESPONSIBILITIES, Phase.AFTER, "remove", 1, ("order-the-backlog",)),
    ]
    assert removal.index == 1 and removal.item.title == "Order the backlog"
    assert dict(removal.cells) == {"ben-okafor": "A/R", "ana-lima": "C"}
    assert team.responsibility_index("run-the-demo") == 2
    assert team.filled_count() == 1
    team.restore(removal)
    assert row_ids(team) == ROWS
    assert team.responsibility_index("run-the-demo") == 3
    assert team.row_letters("order-the-backlog") == {"ben-okafor": "A/R", "ana-lima": "C"}


def test_removing_an_empty_row_takes_no_cells_and_leaves_the_others() -> None:
    team = make_small_team()
    removal = team.remove_responsibility("run-the-demo")
    assert removal.cell_count == 0
    assert team.filled_count() == 3
    assert row_ids(team) == ROWS[:3]


# -------------------------------------------------------------- team-wide
def test_renaming_tidies_the_name_keeps_the_description_unless_given_and_is_announced() -> None:
    team = make_small_team()
    team.rename("Checkout", "Pays for things")
    events = recorded(team)
    team.rename("  Checkout   team ")
    assert (team.name, team.description) == ("Checkout team", "Pays for things")
    assert [(e.change, e.phase) for e in events] == [(Change.TEAM, Phase.AFTER)]
    with pytest.raises(TeamEditError, match=r"^A team's name cannot be empty\.$"):
        team.rename("   ")
    assert team.name == "Checkout team"


def test_withdrawing_an_acknowledgment_says_where_it_was_and_announces_it() -> None:
    from raci.model import Acknowledgment

    team = make_small_team()
    first = Acknowledgment("idle-person", (), ("chloe-martin",), "Joins next month", "2024-05-01")
    second = Acknowledgment("empty-row", ("run-the-demo",), (), "Not yet", "2024-05-02")
    team.add_acknowledgment(first)
    assert team.add_acknowledgment(second) == 1
    events = recorded(team)
    assert team.remove_acknowledgment(second) == 1
    assert team.acknowledgments == [first]
    assert [(e.change, e.index, e.ids) for e in events] == [(Change.ACKNOWLEDGMENTS, 1, ("empty-row",))]


def test_undoing_a_change_of_letter_set_puts_back_set_and_cells_and_can_be_redone() -> None:
    from raci.letters import RACI, RASCI

    team = make_small_team()
    switch = team.set_letter_set(RASCI)
    events = recorded(team)
    redo = team.restore_letter_set(switch)
    assert team.letter_set is RACI and team.row_letters("order-the-backlog") == {"ben-okafor": "A/R", "ana-lima": "C"}
    assert [e.change for e in events] == [Change.LETTERS]
    assert redo.letter_set is RASCI and dict(redo.cells["order-the-backlog"]) == {"ben-okafor": "A/R", "ana-lima": "C"}
    team.restore_letter_set(redo)
    assert team.letter_set is RASCI and team.filled_count() == 3


def test_a_grid_position_on_an_empty_row_is_blank() -> None:
    team = make_small_team()
    assert team.letter_at(3, 0) is None  # "Run the demo" has no letters at all
    assert team.letter_at(1, 2) is None  # a row with letters, a person without one on it
    assert team.letter_at(1, 1) == "A/R"


def test_a_value_that_is_no_cell_is_named_in_the_refusal() -> None:
    team = make_small_team()
    with pytest.raises(TeamEditError, match=r"^'X' is not a cell of RACI; a cell holds R, A, C, I or several of them "
                                            r"joined by '/'\.$"):
        team.set_cell("run-the-demo", "ana-lima", "X")
    assert team.cell("run-the-demo", "ana-lima") is None
