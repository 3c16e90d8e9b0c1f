"""The team model: operations the window and the command line share."""

from __future__ import annotations

import pytest

from raci.errors import TeamEditError, UnknownPersonError, UnknownResponsibilityError
from raci.letters import DACI, RACI, RASCI
from raci.model import (
    Change,
    Person,
    Phase,
    Profile,
    Size,
    Team,
    TeamEvent,
    make_id,
    normalise_title,
)


def test_a_new_team_writes_raci_and_its_cells_are_the_sets_own_strings() -> None:
    team = Team()
    assert team.letter_set is RACI
    team.add_person("Ana")
    team.add_responsibility("Row")
    team.set_cell("row", "ana", "A/R")
    assert team.cell("row", "ana") == "A/R" and team.cell("row", "ana") is RACI.cell("A", "R")
    team.set_cell("row", "ana", "R/C")  # any combination of the set's letters is a cell
    assert team.cell("row", "ana") == "R/C"


@pytest.mark.parametrize("value", ["R/A", "S", "X", "", "a/r", 3])
def test_a_value_that_is_no_canonical_cell_of_the_set_is_refused_and_nothing_changes(small_team: Team,
                                                                                      value: object) -> None:
    before = dict(small_team.row_letters("order-the-backlog"))
    with pytest.raises(TeamEditError, match="is not a cell of RACI; a cell holds R, A, C, I"):
        small_team.set_cells({("run-the-demo", "ana-lima"): "C", ("order-the-backlog", "ana-lima"): value})  # type: ignore[dict-item]
    assert small_team.row_letters("order-the-backlog") == before
    assert small_team.row_letters("run-the-demo") == {}


def test_a_rasci_team_holds_support_and_combinations_raci_lacks() -> None:
    team = Team(letter_set=RASCI)
    team.add_person("Ana")
    team.add_responsibility("Row")
    team.set_cell("row", "ana", "R/S")
    assert team.cell("row", "ana") == "R/S"
    with pytest.raises(TeamEditError, match="not a cell of RASCI"):
        team.insert_person(Person("ben", "Ben"), 1, {"row": "D"})
    assert [person.id for person in team.people] == ["ana"]


def test_switching_the_letter_set_moves_every_cell_by_kind_in_one_event_and_restores_exactly(
        small_team: Team) -> None:
    small_team.set_cell("run-the-demo", "chloe-martin", "R/C")
    events: list[TeamEvent] = []
    small_team.subscribe(events.append)
    before = {key: dict(small_team.row_letters(key)) for key in ("set-the-product-vision", "order-the-backlog",
                                                                  "run-the-demo")}
    switch = small_team.set_letter_set(DACI)
    assert [event.change for event in events] == [Change.LETTERS]
    assert small_team.letter_set is DACI
    assert small_team.cell("order-the-backlog", "ben-okafor") == "A/D"
    assert small_team.cell("order-the-backlog", "ana-lima") == "C"
    assert small_team.cell("run-the-demo", "chloe-martin") == "D/C"
    small_team.restore_letter_set(switch)
    assert small_team.letter_set is RACI
    assert {key: dict(small_team.row_letters(key)) for key in before} == before
    assert len(events) == 2


def test_a_switch_to_a_set_without_a_kind_blanks_the_cells_that_held_only_it() -> None:
    team = Team(letter_set=RASCI)
    team.add_person("Ana")
    team.add_person("Ben")
    team.add_responsibility("Row")
    team.set_cells({("row", "ana"): "S", ("row", "ben"): "R/S"})
    switch = team.set_letter_set(RACI)
    assert team.row_letters("row") == {"ben": "R"}
    team.restore_letter_set(switch)
    assert team.row_letters("row") == {"ana": "S", "ben": "R/S"}


def test_a_switch_with_a_mapping_that_leads_outside_the_new_set_is_refused_and_changes_nothing(
        small_team: Team) -> None:
    with pytest.raises(TeamEditError, match="not a cell of DACI"):
        small_team.set_letter_set(DACI, {"A": "R"})
    assert small_team.letter_set is RACI and small_team.cell("set-the-product-vision", "ana-lima") == "A"


def test_known_titles_are_spelled_canonically_and_free_text_is_kept() -> None:
    assert normalise_title("  product   owner ") == "Product Owner"
    assert normalise_title("qa") == "QA"
    assert normalise_title("Data Scientist") == "Data Scientist"


def test_ids_are_readable_and_unique() -> None:
    assert make_id("Chloé Martin", set(), "person") == "chloe-martin"
    assert make_id("Ana", {"ana", "ana-2"}, "person") == "ana-3"
    assert make_id("!!!", set(), "person") == "person"


def test_people_keep_their_ids_through_rename_and_reorder(small_team: Team) -> None:
    ids = [p.id for p in small_team.people]
    small_team.update_person(ids[0], name="Ana Souza", titles=["product manager", "Sponsor"])
    small_team.move_person(ids[0], 2)
    assert [p.id for p in small_team.people] == [ids[1], ids[2], ids[0]]
    renamed = small_team.person(ids[0])
    assert renamed.name == "Ana Souza"
    assert renamed.titles == ("Product Manager", "Sponsor")
    assert small_team.cell("set-the-product-vision", ids[0]) == "A"


def test_removing_a_person_removes_their_cells_and_says_how_many(small_team: Team) -> None:
    assert small_team.person_cell_count("ana-lima") == 2
    removal = small_team.remove_person("ana-lima")
    assert removal.cell_count == 2
    assert not small_team.has_person("ana-lima")
    assert all(pid != "ana-lima" for _, pid, _ in small_team.iter_cells())
    small_team.restore(removal)
    assert small_team.people[0].id == "ana-lima"
    assert small_team.cell("order-the-backlog", "ana-lima") == "C"


def test_removing_a_responsibility_removes_its_row_of_cells_and_restores_in_place(small_team: Team) -> None:
    removal = small_team.remove_responsibility("order-the-backlog")
    assert removal.cell_count == 2
    assert [r.id for r in small_team.responsibilities][1] == "write-user-stories"
    small_team.restore(removal)
    assert small_team.responsibilities[1].id == "order-the-backlog"
    assert small_team.cell("order-the-backlog", "ben-okafor") == "A/R"


def test_moving_a_responsibility_keeps_its_letters(small_team: Team) -> None:
    assert small_team.move_responsibility("set-the-product-vision", 3) == 0
    assert small_team.responsibilities[3].id == "set-the-product-vision"
    assert small_team.letter_at(3, 0) == "A"


def test_setting_many_cells_returns_exactly_what_undo_needs(small_team: Team) -> None:
    keys = [("run-the-demo", p.id) for p in small_team.people]
    previous = small_team.set_cells({key: "I" for key in keys} | {("order-the-backlog", "ben-okafor"): "A/R"})
    assert previous == {key: None for key in keys}  # the unchanged cell is not listed
    small_team.set_cells(previous)
    assert small_team.row_letters("run-the-demo") == {}


def test_clearing_cells_leaves_no_trace(small_team: Team) -> None:
    small_team.clear_cells([("order-the-backlog", "ben-okafor"), ("order-the-backlog", "ana-lima")])
    assert small_team.row_letters("order-the-backlog") == {}
    assert small_team.filled_count() == 1


def test_a_bulk_cell_change_is_announced_once(small_team: Team) -> None:
    events: list[TeamEvent] = []
    small_team.subscribe(events.append)
    small_team.set_cells({("run-the-demo", p.id): "C" for p in small_team.people})
    assert [e.change for e in events] == [Change.CELLS]
    assert len(events[0].cells) == 3


def test_structural_changes_are_announced_before_and_after(small_team: Team) -> None:
    events: list[TeamEvent] = []
    stop = small_team.subscribe(events.append)
    small_team.add_person("Dee")
    assert [(e.change, e.phase, e.operation, e.index) for e in events] == [
        (Change.PEOPLE, Phase.BEFORE, "insert", 3),
        (Change.PEOPLE, Phase.AFTER, "insert", 3),
    ]
    stop()
    small_team.add_person("Eve")
    assert len(events) == 2


def test_edits_naming_unknown_people_or_rows_are_refused(small_team: Team) -> None:
    with pytest.raises(UnknownPersonError, match="no person with id 'ghost'"):
        small_team.set_cell("run-the-demo", "ghost", "R")
    with pytest.raises(UnknownResponsibilityError):
        small_team.remove_responsibility("nothing")
    with pytest.raises(TeamEditError, match="cannot be empty"):
        small_team.add_person("   ")
    with pytest.raises(TeamEditError, match="already on the team"):
        small_team.add_person("Again", person_id="ana-lima")
    with pytest.raises(TeamEditError, match="outside the matrix"):
        small_team.move_person("ana-lima", 7)
    assert small_team.filled_count() == 3


def test_profile_needs_at_least_one_delivery_team(small_team: Team) -> None:
    old = small_team.set_profile(Profile(Size.LARGE, 3, "two sites"))
    assert old.size is Size.MEDIUM
    with pytest.raises(TeamEditError):
        small_team.set_profile(Profile(Size.SMALL, 0))
    assert small_team.profile.delivery_teams == 3


def test_building_a_team_at_once_refuses_duplicates_and_strangers() -> None:
    from raci.model import Responsibility

    with pytest.raises(TeamEditError, match="'p' is used by more than one person"):
        Team.from_parts(people=[Person("p", "One"), Person("p", "Two")])
    with pytest.raises(UnknownPersonError):
        Team.from_parts(people=[Person("p", "One")], responsibilities=[Responsibility("r", "Row")],
                        cells={"r": {"q": "A"}})


class _CountingSet(set):
    """A set that counts how often it is asked whether it holds something."""

    probes = 0

    def __contains__(self, item: object) -> bool:
        _CountingSet.probes += 1
        return super().__contains__(item)


def test_ids_for_many_equal_titles_cost_a_few_probes_each_not_one_per_earlier_title() -> None:
    taken = _CountingSet()
    _CountingSet.probes = 0
    for _ in range(2000):
        taken.add(make_id("Review the backlog", taken, "responsibility"))
    assert len(taken) == 2000 and "review-the-backlog-2000" in taken  # numbered in order, none skipped
    assert _CountingSet.probes < 2000 * 30  # counting up from 2 each time took 2 million


def test_a_profile_reads_as_its_size_and_its_teams_counted_in_words() -> None:
    assert Profile(Size.SMALL, 1).summary() == "small product, 1 delivery team"
    assert Profile(Size.LARGE, 1200).summary() == "large product, 1,200 delivery teams"
