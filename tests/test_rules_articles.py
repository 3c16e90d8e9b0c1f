"""The article rules: each fires on the situation the articles describe and stays silent on a near miss."""

from __future__ import annotations

import pytest

from raci.findings import Severity
from raci.model import Profile, RuleSetting
from raci.rules import RULES, check

from tests.test_rules_support import findings_of, only_finding, person_id, row_id, team_of

VISION = {"Set the vision": ("manager", ["vision"])}
ROADMAP = {"Own the roadmap": ("manager", ["roadmap"])}
BACKLOG = {"Order the backlog": ("owner", ["backlog"])}
GOAL = {"Set the product goal": ("owner", ["backlog"])}
FINANCE = {"Forecast revenue": ("manager", ["finance", "forecasting"])}
BUDGET = {"Manage the budget": ("manager", ["finance"])}
RESEARCH = {"Gather research": ("manager", ["customer", "market"])}
CUSTOMER = {"Talk to customers": ("manager", ["customer", "customer-contact"])}
DEMOS = {"Run the demos": ("owner", ["customer", "stakeholders"])}
TRIAGE = {"Sort customer feedback": ("owner", ["customer", "quality"])}
ALL_FIVE = ("Nathanson", "Fechter", "Tacit Edge", "Cowan", "Racki")
PEOPLE = {"Ana Lima": ["Product Manager"], "Ben Okafor": ["Product Owner"], "Chloé Martin": ["Developer"]}


def _one_person_holds_both(size: str = "medium", delivery_teams: int = 1):
    return team_of({**VISION, **ROADMAP, **BACKLOG}, PEOPLE,
                   {("Set the vision", "Ana Lima"): "A", ("Own the roadmap", "Ana Lima"): "A/R",
                    ("Order the backlog", "Ana Lima"): "A", ("Order the backlog", "Ben Okafor"): "R"},
                   size=size, delivery_teams=delivery_teams)


# ------------------------------------------------------------ combined-roles
def test_one_person_on_both_cores_is_told_which_rows_of_each_side_they_own() -> None:
    finding = only_finding(_one_person_holds_both(), "combined-roles")
    assert finding.message == ("Ana Lima holds both product roles: accountable for \u201cSet the vision\u201d and "
                               "\u201cOwn the roadmap\u201d on the manager's side and for "
                               "\u201cOrder the backlog\u201d on the owner's side.")
    assert finding.people == (person_id("Ana Lima"),)
    assert set(finding.cells) == {(row_id(t), person_id("Ana Lima"))
                                  for t in ("Set the vision", "Own the roadmap", "Order the backlog")}
    assert finding.citation == ("nathanson-2019", "fechter-2024", "tacitedge", "cowan", "racki")


@pytest.mark.parametrize(("size", "teams", "severity"), [
    ("small", 1, Severity.INFO),
    ("medium", 1, Severity.WARNING),
    ("large", 1, Severity.ERROR),
    ("small", 2, Severity.ERROR),
    ("medium", 3, Severity.ERROR),
])
def test_combined_roles_grow_more_serious_with_the_product(size: str, teams: int, severity: Severity) -> None:
    finding = only_finding(_one_person_holds_both(size, teams), "combined-roles")
    assert finding.severity is severity


def test_the_small_product_note_explains_why_it_is_allowed() -> None:
    assert "small product" in only_finding(_one_person_holds_both("small"), "combined-roles").explanation


@pytest.mark.parametrize("size", ["small", "medium", "large"])
def test_the_explanation_and_the_fix_give_each_articles_position(size: str) -> None:
    finding = only_finding(_one_person_holds_both(size), "combined-roles")
    for author in ALL_FIVE:
        assert author in finding.explanation, author
        assert author in finding.fix, author


def test_roles_held_by_two_people_are_not_combined() -> None:
    team = team_of({**VISION, **BACKLOG}, PEOPLE,
                   {("Set the vision", "Ana Lima"): "A", ("Order the backlog", "Ben Okafor"): "A",
                    ("Order the backlog", "Ana Lima"): "C"})
    assert findings_of(team, "combined-roles") == []


def test_a_shared_roadmap_row_does_not_count_as_the_managers_side() -> None:
    team = team_of({"Decide what gets built": ("shared", ["roadmap"]), **BACKLOG}, PEOPLE,
                   {("Decide what gets built", "Ben Okafor"): "A", ("Order the backlog", "Ben Okafor"): "A"})
    assert findings_of(team, "combined-roles") == []


def test_a_backlog_owner_who_gathers_research_does_not_hold_both_roles() -> None:
    # Doing (R) a manager-side row is not owning it: Fechter's owner works from research too.
    team = team_of({**RESEARCH, **VISION, **BACKLOG}, PEOPLE,
                   {("Gather research", "Ben Okafor"): "R", ("Gather research", "Ana Lima"): "A",
                    ("Set the vision", "Ana Lima"): "A", ("Order the backlog", "Ben Okafor"): "A"})
    assert findings_of(team, "combined-roles") == []


def test_a_manager_who_works_on_the_backlog_without_owning_it_does_not_hold_both_roles() -> None:
    team = team_of({**VISION, **BACKLOG}, PEOPLE,
                   {("Set the vision", "Ana Lima"): "A", ("Order the backlog", "Ana Lima"): "R",
                    ("Order the backlog", "Ben Okafor"): "A"})
    assert findings_of(team, "combined-roles") == []


def test_someone_titled_both_on_a_large_product_is_flagged_before_any_letter() -> None:
    team = team_of({**VISION, **BACKLOG}, {"Ana Lima": ["Product Manager", "Product Owner"], "Chloé Martin": []},
                   {("Set the vision", "Chloé Martin"): "A/R"}, size="large")
    finding = only_finding(team, "combined-roles")
    assert finding.severity is Severity.ERROR
    assert finding.message == "Ana Lima is titled both Product Manager and Product Owner on a large product."
    assert finding.people == (person_id("Ana Lima"),) and finding.cells == ()


def test_titles_on_a_product_with_several_teams_say_so() -> None:
    team = team_of(VISION, {"Ana Lima": ["Product Owner", "Product Manager"]}, {("Set the vision", "Ana Lima"): "A"},
                   size="medium", delivery_teams=3)
    assert only_finding(team, "combined-roles").message.endswith(
        "on a medium product with 3 delivery teams.")


def test_titles_on_a_small_product_are_a_note_and_one_title_is_nothing() -> None:
    both = team_of(VISION, {"Ana Lima": ["Product Manager", "Product Owner"]}, {("Set the vision", "Ana Lima"): "A"},
                   size="small")
    assert only_finding(both, "combined-roles").severity is Severity.INFO
    one = team_of(VISION, {"Ana Lima": ["Product Owner"]}, {("Set the vision", "Ana Lima"): "A"}, size="large")
    assert findings_of(one, "combined-roles") == []


# ----------------------------------------------- forecasting and pricing, folded in
def _owner_with(rows: dict, letter: str, size: str = "medium"):
    (title,) = rows
    return team_of({**BACKLOG, **rows}, PEOPLE,
                   {("Order the backlog", "Ben Okafor"): "A", (title, "Ben Okafor"): letter}, size=size)


@pytest.mark.parametrize("size", ["medium", "large"])
def test_the_backlog_owner_forecasting_is_one_combined_roles_finding_citing_cowan(size: str) -> None:
    team = _owner_with(FINANCE, "R", size)
    finding = only_finding(team, "combined-roles")
    assert finding.message == ("Ben Okafor owns the backlog (\u201cOrder the backlog\u201d) and also works on "
                               "\u201cForecast revenue\u201d, forecasting or pricing work which Cowan says "
                               "competes for the owner's time.")
    assert "cowan" in finding.citation
    assert [f.rule for f in check(team) if f.people == (person_id("Ben Okafor"),)] == ["combined-roles"]


def test_owning_the_forecast_as_well_names_it_once_on_the_managers_side() -> None:
    finding = only_finding(_owner_with(FINANCE, "A/R"), "combined-roles")
    assert finding.message.count("Forecast revenue") == 1
    assert "accountable for \u201cForecast revenue\u201d on the manager's side" in finding.message


def test_other_finance_work_by_the_backlog_owner_is_not_folded_in() -> None:
    # Only forecasting and pricing compete for the owner's time in Cowan's argument.
    team = _owner_with(BUDGET, "R")
    assert [f.rule for f in check(team) if person_id("Ben Okafor") in f.people] == []


def test_being_consulted_on_forecasts_is_not_forecasting() -> None:
    assert findings_of(_owner_with(FINANCE, "C"), "combined-roles") == []


def test_the_folded_finance_rule_is_retired_so_old_files_still_open() -> None:
    assert "owner-overloaded-with-finance" in RULES
    assert "owner-overloaded-with-finance" not in RULES.ids()
    assert RULES.title_of("owner-overloaded-with-finance") == "The backlog owner also carries finance"


# ----------------------------------------------------------- backlog-unowned
def test_a_backlog_nobody_is_accountable_for_is_one_error_naming_its_rows() -> None:
    team = team_of({**BACKLOG, **GOAL}, PEOPLE, {("Order the backlog", "Ben Okafor"): "R"})
    finding = only_finding(team, "backlog-unowned")
    assert finding.severity is Severity.ERROR
    assert "\u201cOrder the backlog\u201d and \u201cSet the product goal\u201d have no A" in finding.message
    assert set(finding.responsibilities) == {row_id("Order the backlog"), row_id("Set the product goal")}


def test_a_single_backlog_row_without_an_a_is_reported_on_its_own() -> None:
    team = team_of({**BACKLOG, **GOAL}, PEOPLE,
                   {("Order the backlog", "Ben Okafor"): "A", ("Set the product goal", "Ben Okafor"): "R"})
    finding = only_finding(team, "backlog-unowned")
    assert finding.responsibilities == (row_id("Set the product goal"),)
    assert "Set the product goal" in finding.message


def test_a_backlog_without_an_a_is_one_finding_not_one_per_row_as_well() -> None:
    team = team_of({**BACKLOG, **GOAL}, PEOPLE, {("Order the backlog", "Ben Okafor"): "R",
                                                 ("Set the product goal", "Ben Okafor"): "R"})
    assert [f.rule for f in check(team) if f.severity is Severity.ERROR] == ["backlog-unowned"]
    assert findings_of(team, "no-accountable") == []


def test_an_empty_backlog_row_is_reported_as_unowned_only() -> None:
    team = team_of({**BACKLOG, **GOAL}, PEOPLE, {("Order the backlog", "Ben Okafor"): "A"})
    assert only_finding(team, "backlog-unowned").responsibilities == (row_id("Set the product goal"),)
    assert findings_of(team, "empty-row") == []


def test_with_backlog_unowned_switched_off_the_plain_rule_speaks_again() -> None:
    team = team_of(BACKLOG, PEOPLE, {("Order the backlog", "Ben Okafor"): "R"})
    team.set_rule_setting("backlog-unowned", RuleSetting(enabled=False))
    assert only_finding(team, "no-accountable").responsibilities == (row_id("Order the backlog"),)


def test_an_owned_backlog_and_a_team_without_backlog_rows_are_fine() -> None:
    owned = team_of({**BACKLOG, **GOAL}, PEOPLE,
                    {("Order the backlog", "Ben Okafor"): "A", ("Set the product goal", "Ben Okafor"): "A/R"})
    no_backlog = team_of({"Write the docs": ("other", [])}, PEOPLE, {("Write the docs", "Chloé Martin"): "R"})
    assert findings_of(owned, "backlog-unowned") == findings_of(no_backlog, "backlog-unowned") == []


# ------------------------------------------------------------- backlog-split
def test_two_backlog_owners_for_one_delivery_team_is_a_committee() -> None:
    team = team_of({**BACKLOG, **GOAL}, PEOPLE,
                   {("Order the backlog", "Ben Okafor"): "A", ("Set the product goal", "Ana Lima"): "A"})
    finding = only_finding(team, "backlog-split")
    assert finding.severity is Severity.WARNING
    assert finding.message == ("2 people are accountable for backlog rows (Ana Lima and Ben Okafor) "
                               "for 1 delivery team.")
    assert finding.people == (person_id("Ana Lima"), person_id("Ben Okafor"))


def test_a_lead_owner_over_team_owners_of_bounded_parts_is_no_committee() -> None:
    rows = {**BACKLOG, **GOAL, "Own one team's part: Search": ("owner", ["backlog"]),
            "Own one team's part: Payments": ("owner", ["backlog"])}
    people = {"Lead": ["Product Owner"], "Mei": ["Product Owner"], "Diego": ["Product Owner"]}
    team = team_of(rows, people, {("Order the backlog", "Lead"): "A", ("Set the product goal", "Lead"): "A",
                                  ("Own one team's part: Search", "Mei"): "A/R",
                                  ("Own one team's part: Payments", "Diego"): "A/R"}, delivery_teams=2)
    for title in ("Own one team's part: Search", "Own one team's part: Payments"):
        team.update_responsibility(row_id(title), sources=["own-team-backlog-area"])
    assert findings_of(team, "backlog-split") == []
    # Two owners of the same rows are still a committee.
    team.set_cell(row_id("Set the product goal"), person_id("Lead"), None)
    team.set_cell(row_id("Set the product goal"), person_id("Mei"), "A")
    team.set_profile(Profile(team.profile.size, 1))
    assert only_finding(team, "backlog-split").people == (person_id("Lead"), person_id("Mei"))


def test_one_backlog_owner_per_delivery_team_is_fine() -> None:
    team = team_of({**BACKLOG, **GOAL}, PEOPLE,
                   {("Order the backlog", "Ben Okafor"): "A", ("Set the product goal", "Ana Lima"): "A"},
                   delivery_teams=2)
    assert findings_of(team, "backlog-split") == []


# ------------------------------------------------------------ vision-unowned
def test_a_vision_without_an_a_is_an_error() -> None:
    team = team_of({**VISION, **BACKLOG}, PEOPLE,
                   {("Set the vision", "Ana Lima"): "R", ("Order the backlog", "Ben Okafor"): "A"})
    finding = only_finding(team, "vision-unowned")
    assert finding.severity is Severity.ERROR
    assert finding.responsibilities == (row_id("Set the vision"),)


def test_a_vision_without_an_a_is_not_also_a_row_without_an_a() -> None:
    team = team_of({**VISION, **BACKLOG}, PEOPLE,
                   {("Set the vision", "Ana Lima"): "R", ("Order the backlog", "Ben Okafor"): "A"})
    assert findings_of(team, "no-accountable") == []


def test_an_owned_vision_or_no_vision_row_is_fine() -> None:
    owned = team_of(VISION, PEOPLE, {("Set the vision", "Ana Lima"): "A/R"})
    none = team_of(BACKLOG, PEOPLE, {("Order the backlog", "Ben Okafor"): "A"})
    assert findings_of(owned, "vision-unowned") == findings_of(none, "vision-unowned") == []


# ------------------------------------------------------- no-customer-contact
def test_customer_contact_rows_with_only_onlookers_mean_nobody_talks_to_customers() -> None:
    team = team_of(CUSTOMER, PEOPLE, {("Talk to customers", "Ana Lima"): "C", ("Talk to customers", "Ben Okafor"): "I"})
    finding = only_finding(team, "no-customer-contact")
    assert finding.severity is Severity.WARNING
    assert "Talk to customers" in finding.message


def test_someone_talking_to_customers_is_enough() -> None:
    team = team_of(CUSTOMER, PEOPLE, {("Talk to customers", "Chloé Martin"): "R"})
    assert findings_of(team, "no-customer-contact") == []


@pytest.mark.parametrize("other", [DEMOS, TRIAGE])
def test_demos_or_feedback_triage_do_not_count_as_talking_to_customers(other: dict) -> None:
    (title,) = other
    team = team_of({**CUSTOMER, **other}, PEOPLE, {(title, "Ben Okafor"): "A/R"})
    assert only_finding(team, "no-customer-contact").responsibilities == (row_id("Talk to customers"),)


# ------------------------------------------------- owner-serves-several-teams
SEVERAL = {"Serve several sprint teams": ("owner", ["team"])}


def _teams_and_owners(teams: int, owners: list[str], with_row: bool = False):
    team = team_of({**BACKLOG, **GOAL}, {**PEOPLE, "Dev Two": ["Developer"]},
                   {("Order the backlog", owners[0]): "A", ("Set the product goal", owners[-1]): "A"}
                   if owners else {("Order the backlog", "Ben Okafor"): "R"},
                   delivery_teams=teams)
    if with_row:
        row = team.add_responsibility("Serve several sprint teams", side="owner", tags=["team"],
                                      sources=["serve-several-sprint-teams"])
        team.set_cell(row.id, person_id(owners[0]), "A/R")
    return team


def test_more_delivery_teams_than_backlog_owners_is_a_note() -> None:
    finding = only_finding(_teams_and_owners(3, ["Ben Okafor"]), "owner-serves-several-teams")
    assert finding.severity is Severity.INFO
    assert finding.message == ("3 delivery teams share 1 backlog owner (Ben Okafor), and no row says who serves "
                               "several sprint teams.")
    assert "Serve several sprint teams within clear boundaries" in finding.fix


def test_the_row_for_serving_several_teams_settles_it() -> None:
    assert findings_of(_teams_and_owners(3, ["Ben Okafor"], with_row=True), "owner-serves-several-teams") == []


def test_an_owner_per_team_or_no_owner_at_all_is_not_this_note() -> None:
    assert findings_of(_teams_and_owners(2, ["Ben Okafor", "Ana Lima"]), "owner-serves-several-teams") == []
    assert findings_of(_teams_and_owners(3, []), "owner-serves-several-teams") == []


# -------------------------------------------------------- developer-as-owner
@pytest.mark.parametrize("title", ["Developer", "QA"])
def test_a_developer_or_tester_owning_the_backlog_gets_a_note(title: str) -> None:
    team = team_of(BACKLOG, {"Dev Person": [title]}, {("Order the backlog", "Dev Person"): "A"})
    finding = only_finding(team, "developer-as-owner")
    assert finding.severity is Severity.INFO
    assert finding.message == f"Dev Person, a {title}, is accountable for the backlog (\u201cOrder the backlog\u201d)."


def test_the_developer_note_says_one_reader_disagrees_not_several() -> None:
    explanation = RULES["developer-as-owner"].explanation
    assert "one of his readers" in explanation and "several of his readers" not in explanation.lower()


def test_a_developer_working_on_the_backlog_without_owning_it_is_fine() -> None:
    team = team_of(BACKLOG, PEOPLE, {("Order the backlog", "Chloé Martin"): "R",
                                     ("Order the backlog", "Ben Okafor"): "A"})
    assert findings_of(team, "developer-as-owner") == []


# ------------------------------------------------------------- custom rows
def test_custom_rows_without_tags_take_no_part_in_the_article_rules() -> None:
    team = team_of({"Plan the offsite": ("other", [])}, PEOPLE, {("Plan the offsite", "Chloé Martin"): "A/R"})
    article_rules = {"combined-roles", "backlog-unowned", "backlog-split", "owner-serves-several-teams",
                     "vision-unowned", "no-customer-contact", "developer-as-owner"}
    assert [f.rule for f in check(team) if f.rule in article_rules] == []
