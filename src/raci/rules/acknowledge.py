"""Acknowledging a finding: the team says "we know, and we mean it", with a reason.

An acknowledged finding stays in the report, carrying its
:class:`~raci.model.Acknowledgment`, and no longer counts towards
``--fail-on``. An acknowledgment whose situation has gone (the finding it
covered no longer appears) is reported as ``stale-acknowledgment``, so it
is withdrawn on purpose rather than kept by accident. Acknowledgments of a
rule the team switched off are left alone: with the rule off, nobody can
tell whether their situation still exists.
"""

from __future__ import annotations

from datetime import date

from raci.errors import TeamEditError
from raci.findings import RACI_PRACTICE, Finding, Severity
from raci.model import Acknowledgment, Team
from raci.rules.registry import RULES, Rule, Scope
from raci.rules.wording import listing, quoted

STALE = "stale-acknowledgment"
MAX_REASON = 2000  # what the team file's schema allows

STALE_RULE = RULES.add(Rule(
    id=STALE,
    title="An acknowledgment no longer applies",
    severity=Severity.INFO,
    description="An acknowledgment covers a finding that no longer appears.",
    explanation="The team once acknowledged a finding, but the matrix has changed and that finding is "
    "gone (or now points at different rows or people). Keeping the old acknowledgment would silently "
    "cover a future finding it was never meant for.",
    citation=(RACI_PRACTICE,),
    scope=Scope.ACKNOWLEDGMENTS,
))


def acknowledge(finding: Finding, reason: str, today: date | None = None) -> Acknowledgment:
    """The acknowledgment of ``finding`` with ``reason``, dated ``today``; add it with ``team.add_acknowledgment``.

    Raises :class:`TeamEditError` for an empty or over-long reason, and for a
    stale-acknowledgment finding (withdraw that acknowledgment instead).
    """
    if finding.rule == STALE:
        raise TeamEditError("A stale acknowledgment cannot itself be acknowledged; withdraw it instead.")
    cleaned = " ".join(reason.split())
    if not cleaned:
        raise TeamEditError("An acknowledgment needs a reason: say in a few words why this is intended.")
    if len(cleaned) > MAX_REASON:
        raise TeamEditError(f"An acknowledgment's reason is limited to {MAX_REASON} characters; shorten it.")
    return Acknowledgment(
        rule=finding.rule,
        responsibilities=finding.responsibilities,
        people=finding.people,
        reason=cleaned,
        date=(today or date.today()).isoformat(),
    )


Groups = dict[str, list[Finding]]  # rule id -> that rule's findings


def apply_acknowledgments(groups: Groups, team: Team) -> Groups:
    """The findings, by rule, with the team's acknowledgments attached, and the stale acknowledgments' findings.

    Only the groups of acknowledged rules are copied; the others are
    returned as they came.
    """
    if not team.acknowledgments:
        return groups
    covering: dict[tuple[str, tuple[str, ...], tuple[str, ...]], Acknowledgment] = {}
    for acknowledgment in team.acknowledgments:
        covering.setdefault(acknowledgment.key, acknowledgment)
    result, used = dict(groups), set()
    for rule_id in {acknowledgment.rule for acknowledgment in team.acknowledgments} & groups.keys():
        covered = []
        for finding in groups[rule_id]:
            cover = covering.get(finding.key)
            if cover is not None:
                finding = finding.acknowledged_by(cover)
                used.add(cover.key)
            covered.append(finding)
        result[rule_id] = covered
    if STALE_RULE.enabled(team):
        stale = [stale_finding(team, acknowledgment) for acknowledgment in team.acknowledgments
                 if acknowledgment.key not in used and _rule_is_on(acknowledgment.rule, team)]
        if stale:
            result[STALE] = stale
    return result


def _rule_is_on(rule_id: str, team: Team) -> bool:
    rule = RULES.get(rule_id)
    return rule is None or rule.enabled(team)  # a retired rule's acknowledgment covers nothing any more


def stale_finding(team: Team, acknowledgment: Acknowledgment) -> Finding:
    """The finding that reports an acknowledgment whose situation has gone."""
    rows = [rid for rid in acknowledgment.responsibilities if team.has_responsibility(rid)]
    people = [pid for pid in acknowledgment.people if team.has_person(pid)]
    named = [team.person(pid).name for pid in people] + [quoted(team.responsibility(rid).title) for rid in rows]
    gone = len(acknowledgment.people) + len(acknowledgment.responsibilities) - len(named)
    if gone:
        named.append(f"{gone} removed {'entry' if gone == 1 else 'entries'}")
    about = f" about {listing(named)}" if named else ""
    retired = RULES.retired.get(acknowledgment.rule)
    merged = f"; that check is now part of {quoted(RULES.title_of(retired.merged_into))}" if retired else ""
    return STALE_RULE.finding(
        f"The acknowledgment of {quoted(RULES.title_of(acknowledgment.rule))}{about} "
        f"(\u201c{acknowledgment.reason}\u201d, {acknowledgment.date}) no longer matches a finding{merged}.",
        responsibilities=rows,
        people=people,
        fix="Withdraw this acknowledgment; if the finding comes back, acknowledge it again.",
    )
