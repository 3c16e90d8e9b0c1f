"""What each edit of a team announces, gives back and says when it cannot be made.

The window's table model learns everything from these events: a wrong kind,
phase, position or id repaints the wrong cells or none. Each test here makes
one edit and compares the whole event list, and each refusal is compared as
the whole sentence a person reads.
"""

from __future__ import annotations

import pytest

from raci.errors import TeamEditError, UnknownPersonError, UnknownResponsibilityError
from raci.letters import RASCI
from raci.model import (
    Acknowledgment,
    Change,
    Person,
    Phase,
    Profile,
    Responsibility,
    RuleSetting,
    Side,
    Size,
    Team,
    TeamEvent,
    make_id,
)

from tests.conftest import make_small_team

VISION, ORDER, STORIES, DEMO = "set-the-product-vision", "order-the-backlog", "write-user-stories", "run-the-demo"
ANA, BEN, CHLOE = "ana-lima", "ben-okafor", "chloe-martin"


def recorded(team: Team) -> list[TeamEvent]:
    events: list[TeamEvent] = []
    team.subscribe(events.append)
    return events


def sentence(error: pytest.ExceptionInfo[BaseException]) -> str:
    return str(error.value)


# ------------------------------------------------------------------ people
def test_adding_a_person_announces_the_column_before_and_after_it_appears() -> None:
    team = make_small_team()
    events = recorded(team)
    dana = team.add_person("Dana Wu", ["QA"], index=1)
    assert dana == Person("dana-wu", "Dana Wu", ("QA",))
    assert events == [
        TeamEvent(Change.PEOPLE, Phase.BEFORE, "insert", 1, ids=("dana-wu",)),
        TeamEvent(Change.PEOPLE, Phase.AFTER, "insert", 1, ids=("dana-wu",)),
    ]


def test_a_person_put_back_with_letters_in_a_row_that_had_none_gets_them() -> None:
    team = make_small_team()
    removal = team.remove_person(CHLOE)
    assert team.row_letters(DEMO) == {}
    team.insert_person(removal.item, 2, {DEMO: "R"})  # the demo row has never held a letter
    assert team.cell(DEMO, CHLOE) == "R"
    assert team.row_letters(DEMO) == {CHLOE: "R"}


def test_renaming_a_person_announces_their_column() -> None:
    team = make_small_team()
    events = recorded(team)
    old = team.update_person(BEN, name="  Ben   Okafor-Smith ", titles=["product owner", " "])
    assert old == Person(BEN, "Ben Okafor", ("Product Owner",))
    assert team.person(BEN) == Person(BEN, "Ben Okafor-Smith", ("Product Owner",))
    assert events == [TeamEvent(Change.PERSON, index=1, ids=(BEN,))]


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_a_person_without_a_name_is_refused_in_one_sentence(name: str) -> None:
    team = make_small_team()
    with pytest.raises(TeamEditError) as adding:
        team.add_person(name)
    assert sentence(adding) == "A person's name cannot be empty."
    with pytest.raises(TeamEditError) as renaming:
        team.update_person(ANA, name=name)
    assert sentence(renaming) == "A person's name cannot be empty."
    assert team.person(ANA).name == "Ana Lima"


def test_a_name_with_no_latin_letter_still_gets_a_readable_id() -> None:
    team = Team()
    assert team.add_person("李雷").id == "person"
    assert team.add_person("王芳").id == "person-2"
    assert team.add_responsibility("计划").id == "responsibility"
    assert team.add_responsibility("发布").id == "responsibility-2"


# -------------------------------------------------------- responsibilities
def test_adding_a_row_announces_it_before_and_after_it_appears() -> None:
    team = make_small_team()
    events = recorded(team)
    row = team.add_responsibility("Price the plans", index=4)
    assert row == Responsibility("price-the-plans", "Price the plans")
    assert (row.description, row.category) == ("", "")
    assert events == [
        TeamEvent(Change.RESPONSIBILITIES, Phase.BEFORE, "insert", 4, ids=("price-the-plans",)),
        TeamEvent(Change.RESPONSIBILITIES, Phase.AFTER, "insert", 4, ids=("price-the-plans",)),
    ]


def test_a_row_whose_id_is_taken_is_refused_by_name() -> None:
    team = make_small_team()
    with pytest.raises(TeamEditError) as error:
        team.insert_responsibility(Responsibility(ORDER, "Order it again"), 0)
    assert sentence(error) == "A responsibility with id 'order-the-backlog' is already in the matrix."
    assert len(team.responsibilities) == 4


def test_a_row_without_a_title_is_refused_in_one_sentence() -> None:
    team = make_small_team()
    with pytest.raises(TeamEditError) as adding:
        team.add_responsibility("  ")
    assert sentence(adding) == "A responsibility's title cannot be empty."
    with pytest.raises(TeamEditError) as renaming:
        team.update_responsibility(DEMO, title="")
    assert sentence(renaming) == "A responsibility's title cannot be empty."
    assert team.responsibility(DEMO).title == "Run the demo"


def test_changing_a_row_cleans_its_title_and_keeps_its_fields_typed() -> None:
    team = make_small_team()
    events = recorded(team)
    old = team.update_responsibility(
        DEMO, title="  Run   the\tsprint demo ", side="owner", tags=["demo", "delivery"], sources=["run-demo"]
    )
    assert old.title == "Run the demo"
    row = team.responsibility(DEMO)
    assert row.title == "Run the sprint demo"
    assert row.side is Side.OWNER
    assert row.tags == ("demo", "delivery")
    assert row.sources == ("run-demo",)
    assert events == [TeamEvent(Change.RESPONSIBILITY, index=3, ids=(DEMO,))]


def test_a_rows_id_never_changes() -> None:
    team = make_small_team()
    with pytest.raises(TeamEditError) as error:
        team.update_responsibility(DEMO, id="the-demo")
    assert sentence(error) == "A responsibility's id never changes; rename it instead."
    assert team.has_responsibility(DEMO)
    assert not team.has_responsibility("the-demo")


def test_a_field_a_row_does_not_have_is_named() -> None:
    team = make_small_team()
    with pytest.raises(TeamEditError) as error:
        team.update_responsibility(DEMO, owner="Ben")
    assert sentence(error).startswith("A responsibility has no such field: ")
    assert "owner" in sentence(error)


def test_a_rows_letter_count_counts_its_filled_cells() -> None:
    team = make_small_team()
    assert [team.responsibility_cell_count(row) for row in (VISION, ORDER, STORIES, DEMO)] == [1, 2, 0, 0]
    with pytest.raises(UnknownResponsibilityError) as error:
        team.responsibility_cell_count("ship-it")
    assert sentence(error) == "This team has no responsibility with id 'ship-it'."


# --------------------------------------------------------- a whole team
def test_a_team_with_one_id_on_two_rows_names_the_id() -> None:
    rows = [Responsibility("plan", "Plan"), Responsibility("ship", "Ship"), Responsibility("ship", "Ship again")]
    with pytest.raises(TeamEditError) as error:
        Team.from_parts(responsibilities=rows)
    assert sentence(error) == "The id 'ship' is used by more than one responsibility."


def test_a_team_with_one_id_on_two_people_names_the_id_used_twice() -> None:
    people = [Person("ana", "Ana"), Person("ben", "Ben"), Person("ben", "Benedict")]
    with pytest.raises(TeamEditError) as error:
        Team.from_parts(people=people)
    assert sentence(error) == "The id 'ben' is used by more than one person."


def test_a_team_whose_cells_name_someone_missing_names_them() -> None:
    with pytest.raises(UnknownPersonError) as error:
        Team.from_parts(people=[Person("ana", "Ana")], responsibilities=[Responsibility("plan", "Plan")],
                        cells={"plan": {"ana": "A", "zoe": "R"}})
    assert sentence(error) == "This team has no person with id 'zoe'."


@pytest.mark.parametrize("value", [["R"], {"R": 1}])
def test_a_cell_that_is_no_text_at_all_is_refused_as_no_cell(value: object) -> None:
    with pytest.raises(TeamEditError) as error:
        Team.from_parts(people=[Person("ana", "Ana")], responsibilities=[Responsibility("plan", "Plan")],
                        cells={"plan": {"ana": value}})  # type: ignore[dict-item]
    assert sentence(error).endswith(" is not a cell of RACI; a cell holds R, A, C, I or several of them joined by '/'.")


# ------------------------------------------------------------------- cells
def test_setting_a_cell_gives_back_what_it_held() -> None:
    team = make_small_team()
    assert team.set_cell(ORDER, BEN, "R") == "A/R"
    assert team.set_cell(ORDER, BEN, None) == "R"
    assert team.set_cell(ORDER, BEN, "I") is None


def test_setting_a_cell_to_what_it_holds_gives_back_that_letter_and_announces_nothing() -> None:
    team = make_small_team()
    events = recorded(team)
    assert team.set_cell(VISION, ANA, "A") == "A"
    assert team.set_cell(DEMO, CHLOE, None) is None
    assert events == []


def test_a_bulk_edit_goes_on_past_a_cell_that_already_holds_its_letter() -> None:
    team = make_small_team()
    events = recorded(team)
    previous = team.set_cells({(VISION, ANA): "A", (VISION, BEN): "R", (ORDER, ANA): None})
    assert previous == {(VISION, BEN): None, (ORDER, ANA): "C"}
    assert team.row_letters(VISION) == {ANA: "A", BEN: "R"}
    assert team.cell(ORDER, ANA) is None
    assert events == [TeamEvent(Change.CELLS, cells=((VISION, BEN), (ORDER, ANA)))]


# -------------------------------------------------------------- letter set
def test_a_switch_moves_only_the_cells_its_mapping_names() -> None:
    team = make_small_team()
    team.set_letter_set(RASCI, {"A": "R"})  # "C" is left to itself; "A/R" is a RASCI cell too
    assert team.row_letters(VISION) == {ANA: "R"}
    assert team.row_letters(ORDER) == {BEN: "A/R", ANA: "C"}


def test_a_switch_to_a_cell_the_set_lacks_names_both_cells() -> None:
    team = make_small_team()
    with pytest.raises(TeamEditError) as error:
        team.set_letter_set(RASCI, {"A": "Q"})
    assert sentence(error) == "'A' would become 'Q', which is not a cell of RASCI."
    assert team.letter_set.name == "RACI"
    assert team.cell(VISION, ANA) == "A"


# --------------------------------------------------------- team-wide data
def test_a_product_needs_a_delivery_team() -> None:
    team = make_small_team()
    events = recorded(team)
    with pytest.raises(TeamEditError) as error:
        team.set_profile(Profile(Size.LARGE, 0))
    assert sentence(error) == "A product has at least one delivery team."
    assert team.profile == Profile(Size.MEDIUM, 1, "")
    assert team.set_profile(Profile(Size.LARGE, 1)) == Profile(Size.MEDIUM, 1, "")
    assert events == [TeamEvent(Change.PROFILE)]


def test_a_checks_setting_gives_back_the_one_it_replaced() -> None:
    team = make_small_team()
    events = recorded(team)
    off = RuleSetting(enabled=False)
    assert team.set_rule_setting("overloaded-person", RuleSetting(threshold=3)) is None
    assert team.set_rule_setting("overloaded-person", off) == RuleSetting(threshold=3)
    assert team.set_rule_setting("overloaded-person", None) == off
    assert team.rule_settings == {}
    assert events == [TeamEvent(Change.SETTINGS, ids=("overloaded-person",))] * 3


def test_an_acknowledgment_goes_where_it_is_put_and_is_announced_there() -> None:
    team = make_small_team()
    events = recorded(team)
    first = Acknowledgment("combined-roles", (VISION,), (ANA,), "Small product.", "2026-01-05")
    second = Acknowledgment("no-responsible", (DEMO,), (), "Nobody demos yet.", "2026-01-06")
    assert team.add_acknowledgment(first) == 0
    assert team.add_acknowledgment(second, 0) == 0
    assert team.acknowledgments == [second, first]
    assert events == [
        TeamEvent(Change.ACKNOWLEDGMENTS, index=0, ids=("combined-roles",)),
        TeamEvent(Change.ACKNOWLEDGMENTS, index=0, ids=("no-responsible",)),
    ]


def test_stopping_a_subscription_twice_is_harmless() -> None:
    team = make_small_team()
    events: list[TeamEvent] = []
    stop = team.subscribe(events.append)
    stop()
    stop()
    team.rename("Payments")
    assert events == []


# --------------------------------------------------------------------- ids
def test_an_id_is_cut_at_forty_characters_without_a_dash_at_either_end() -> None:
    assert make_id("a" * 41, (), "x") == "a" * 40
    assert make_id("a" * 39 + " b", (), "x") == "a" * 39  # the cut falls on the dash
    assert make_id("-" + "b" * 40, (), "x") == "b" * 40  # the leading dash goes before the cut
    assert make_id("!!Ship it!!", (), "x") == "ship-it"


def test_an_id_takes_the_lowest_free_number_even_with_a_gap_after_it() -> None:
    assert make_id("Plan", {"plan", "plan-3"}, "x") == "plan-2"
    assert make_id("Plan", ["plan", "plan-2", "plan-3"], "x") == "plan-4"
