"""Acknowledgments at their edges: the reason's length limit, what cannot be acknowledged, and the whole sentence
of an acknowledgment whose finding has gone."""

from __future__ import annotations

from datetime import date

import pytest

from raci.errors import TeamEditError
from raci.model import Acknowledgment
from raci.rules import check
from raci.rules.acknowledge import MAX_REASON, acknowledge

from tests.conftest import make_small_team

FIX = "Withdraw this acknowledgment; if the finding comes back, acknowledge it again."


def _a_finding():
    return next(finding for finding in check(make_small_team()) if finding.rule != "stale-acknowledgment")


def test_a_reason_of_exactly_the_limit_is_kept_and_one_character_more_is_refused() -> None:
    finding = _a_finding()
    assert len(acknowledge(finding, "x" * MAX_REASON, date(2024, 5, 1)).reason) == MAX_REASON == 2000
    refused = r"^An acknowledgment's reason is limited to 2000 characters; shorten it\.$"
    with pytest.raises(TeamEditError, match=refused):
        acknowledge(finding, "x" * (MAX_REASON + 1))


def test_a_blank_reason_and_a_stale_acknowledgment_are_refused_in_one_sentence() -> None:
    with pytest.raises(TeamEditError, match=r"^An acknowledgment needs a reason: say in a few words why this is "
                                            r"intended\.$"):
        acknowledge(_a_finding(), "  \n ")
    team = make_small_team()
    team.add_acknowledgment(Acknowledgment("empty-row", (), (), "Nothing", "2024-05-03"))
    stale = next(finding for finding in check(team) if finding.rule == "stale-acknowledgment")
    with pytest.raises(TeamEditError, match=r"^A stale acknowledgment cannot itself be acknowledged; withdraw it "
                                            r"instead\.$"):
        acknowledge(stale, "We know")


def _stale(acknowledgment: Acknowledgment):
    team = make_small_team()
    team.add_acknowledgment(acknowledgment)
    [finding] = [finding for finding in check(team) if finding.rule == "stale-acknowledgment"]
    return finding


def test_a_stale_acknowledgment_names_what_is_left_and_counts_what_was_removed() -> None:
    finding = _stale(Acknowledgment("idle-person", ("run-the-demo", "gone-row"),
                                    ("chloe-martin", "ghost", "ghost-2"), "Joins later", "2024-05-01"))
    assert finding.message == ("The acknowledgment of \u201cA person with no letters\u201d about Chlo\u00e9 Martin, "
                               "\u201cRun the demo\u201d and 3 removed entries (\u201cJoins later\u201d, 2024-05-01) "
                               "no longer matches a finding.")
    assert (finding.responsibilities, finding.people, finding.fix) == (("run-the-demo",), ("chloe-martin",), FIX)


def test_a_stale_acknowledgment_about_nothing_names_only_its_rule() -> None:
    assert _stale(Acknowledgment("empty-row", (), (), "Nothing", "2024-05-03")).message == (
        "The acknowledgment of \u201cA row with no letters\u201d (\u201cNothing\u201d, 2024-05-03) no longer matches "
        "a finding.")


def test_a_stale_acknowledgment_of_a_retired_rule_says_where_its_check_went() -> None:
    assert _stale(Acknowledgment("owner-overloaded-with-finance", (), ("gone",), "Known", "2024-05-02")).message == (
        "The acknowledgment of \u201cThe backlog owner also carries finance\u201d about 1 removed entry "
        "(\u201cKnown\u201d, 2024-05-02) no longer matches a finding; that check is now part of \u201cOne person "
        "holds both product roles\u201d.")
