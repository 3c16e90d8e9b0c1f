"""The registry: every rule declared with its metadata, citations readable, unknown rule ids refused on load."""

from __future__ import annotations

import json

import pytest

from raci.catalog import load_catalog
from raci.errors import TeamFileError
from raci.findings import RACI_PRACTICE, Severity
from raci.rules import RULES, STALE, check, citation_text
from raci.teamfile import dumps_team, loads_team

from tests.conftest import make_small_team

ARTICLE_RULES = ["combined-roles", "backlog-unowned", "backlog-split", "owner-serves-several-teams", "vision-unowned",
                 "no-customer-contact", "developer-as-owner"]
HYGIENE_RULES = ["no-accountable", "many-accountable", "no-responsible", "empty-row", "idle-person",
                 "overloaded-person", "accountable-for-too-much", "onlooker", "informed-only", "too-many-consulted",
                 "too-many-responsible", "letter-adds-nothing", "not-started"]


def test_every_rule_is_registered_once_with_its_metadata() -> None:
    assert list(RULES.ids()) == [*ARTICLE_RULES, *HYGIENE_RULES, "stale-acknowledgment"]
    for rule in RULES:
        assert rule.title and rule.description and rule.explanation and rule.citation
        assert isinstance(rule.severity, Severity)


def test_article_rules_cite_the_catalogs_articles_and_hygiene_cites_practice() -> None:
    known = {source.id for source in load_catalog().sources}
    for rule_id in ARTICLE_RULES:
        assert set(RULES[rule_id].citation) <= known, rule_id
    for rule_id in HYGIENE_RULES:
        assert RULES[rule_id].citation == (RACI_PRACTICE,)


def test_the_thresholds_have_their_documented_defaults() -> None:
    defaults = {rule.id: rule.threshold for rule in RULES if rule.threshold is not None}
    assert defaults == {"overloaded-person": 8, "accountable-for-too-much": 66, "too-many-consulted": 4,
                        "too-many-responsible": 3}


def test_a_superseding_rule_names_rules_that_exist() -> None:
    for rule in RULES:
        assert set(rule.supersedes) <= set(RULES.ids()), rule.id


def test_a_citation_reads_as_author_year_and_publisher() -> None:
    assert citation_text(("nathanson-2019", "cowan")) == (
        "Nathanson 2019 (Clarity PPM community blog); Cowan (FutureLearn, Digital Product Management course)")
    assert citation_text(("tacitedge",)) == "Tacit Edge (Tacit Edge blog)"
    assert citation_text((RACI_PRACTICE,)) == "RACI practice"


# ------------------------------------------------------------- the team file
def _with(**extra) -> bytes:
    document = json.loads(dumps_team(make_small_team()))
    document.update(extra)
    return json.dumps(document).encode("utf-8")


def test_a_file_with_an_unknown_rule_setting_is_refused_naming_the_place_and_the_rules() -> None:
    data = _with(settings={"rules": {"empty-row": {"enabled": False}, "too-many-cooks": {"threshold": 3}}})
    with pytest.raises(TeamFileError) as caught:
        loads_team(data, "team.raci.json")
    sentence = str(caught.value)
    assert sentence.startswith("Cannot open team.raci.json: at /settings/rules/too-many-cooks, 'too-many-cooks' "
                               "is not a rule")
    assert "combined-roles" in sentence and "too-many-responsible" in sentence


def test_a_file_acknowledging_an_unknown_rule_is_refused() -> None:
    data = _with(acknowledgments=[{"rule": "nobody-home", "people": ["ana-lima"], "reason": "x", "date": "2026-01-02"}])
    with pytest.raises(TeamFileError, match=r"at /acknowledgments/0/rule, 'nobody-home' is not a rule"):
        loads_team(data, "team.raci.json")


def test_a_file_that_set_or_acknowledged_a_retired_rule_still_opens() -> None:
    acknowledgment = {"rule": "owner-overloaded-with-finance", "people": ["ben-okafor"], "reason": "Small for now",
                      "date": "2026-01-02"}
    data = _with(settings={"rules": {"owner-overloaded-with-finance": {"enabled": False}}},
                 acknowledgments=[acknowledgment])
    team = loads_team(data, "team.raci.json")
    stale = [finding for finding in check(team) if finding.rule == STALE]
    assert len(stale) == 1
    assert stale[0].message.endswith("no longer matches a finding; that check is now part of "
                                     "\u201cOne person holds both product roles\u201d.")


def test_known_rule_ids_load() -> None:
    team = loads_team(_with(settings={"rules": {"overloaded-person": {"threshold": 12}}}))
    assert team.rule_settings["overloaded-person"].threshold == 12
