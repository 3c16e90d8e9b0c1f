"""The checks the five articles support: who holds the product manager's and the product owner's work.

Each rule cites the articles (ids from ``seeds/sources.json``) whose
argument it follows; the explanations put that argument in plain words.
A rule only speaks when the team has rows carrying the tags it reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, repeat

from raci.findings import Finding, Severity
from raci.model import Profile, Size
from raci.rules.facts import Facts
from raci.rules.registry import RULES, Rule
from raci.rules.wording import plural

_ROLES_APART = (
    "The product manager faces the market: vision, roadmap, customers and money. The product owner "
    "faces the delivery team and owns the backlog. "
)
_COMBINED_BY_SIZE = {
    Severity.INFO: _ROLES_APART
    + "For a small product with few features and a narrow audience one person can cover both, and small "
    "companies often do; the articles warn that a growing product outgrows this arrangement fast.",
    Severity.WARNING: _ROLES_APART
    + "On a medium-sized product each side is close to a full job: time spent on the market is time the "
    "team waits for backlog answers, and the other way round. The articles expect the roles to be split "
    "once a product is past the small stage.",
    Severity.ERROR: _ROLES_APART
    + "On a large product, or one served by several delivery teams, a single person cannot be out with "
    "customers and with every team at once; the articles treat the two roles as separate jobs at this scale.",
}


def combined_roles_severity(profile: Profile) -> Severity:
    """Note on a small product, warning on a medium one, error on a large one or with several teams."""
    if profile.size is Size.LARGE or profile.delivery_teams > 1:
        return Severity.ERROR
    return Severity.INFO if profile.size is Size.SMALL else Severity.WARNING


@RULES.person_rule(
    "combined-roles",
    title="One person holds both product roles",
    severity=Severity.WARNING,
    citation=("nathanson-2019", "fechter-2024"),
    description="Someone is R or A on the product manager's core (vision, roadmap, market, finance) "
    "and on the product owner's core (backlog).",
    explanation=_COMBINED_BY_SIZE[Severity.WARNING],
)
def combined_roles(rule: Rule, facts: Facts, person_id: str, threshold: float | None) -> Finding | None:
    person = facts.people[person_id]
    manager_rows, owner_rows = person.manager_core, person.owner_core
    if not manager_rows or not owner_rows:
        return None
    severity = combined_roles_severity(facts.team.profile)
    return rule.finding(
        f"{facts.name(person_id)} holds both product roles: {facts.titles(manager_rows)} on the manager's "
        f"side and {facts.titles(owner_rows)} on the owner's side.",
        people=(person_id,),
        cells=tuple(zip(manager_rows + owner_rows, repeat(person_id))),
        severity=severity,
        explanation=_COMBINED_BY_SIZE[severity],
        fix="Give the backlog rows to a product owner, or the manager-side rows to a product manager, "
        "so that each person holds one side; if the product is small on purpose, acknowledge this.",
    )


@RULES.team_rule(
    "backlog-unowned",
    title="Nobody is accountable for the backlog",
    severity=Severity.ERROR,
    citation=("tacitedge",),
    description="No one holds A on the backlog rows, or on one of them.",
    explanation="Tacit Edge quotes the Scrum Guide: the product owner answers for managing the product "
    "backlog, which means setting the product goal, writing and ordering the items, and keeping the "
    "backlog visible and understood. A backlog row without an A has nobody with the final word on it.",
)
def backlog_unowned(rule: Rule, facts: Facts, threshold: float | None) -> Iterator[Finding]:
    rows = facts.rows_with.get("backlog", [])
    unowned = [row_id for row_id in rows if not facts.rows[row_id].accountable]
    fix = "Give the product owner an A on every backlog row."
    if unowned and len(unowned) == len(rows):
        yield rule.finding(f"Nobody is accountable for the product backlog: {facts.titles(rows)} "
                           f"{'has' if len(rows) == 1 else 'have'} no A.", responsibilities=rows, fix=fix)
        return
    for row_id in unowned:
        yield rule.finding(f"The backlog row {facts.title(row_id)} has nobody accountable (no A).",
                           responsibilities=(row_id,), fix=fix)


@RULES.team_rule(
    "backlog-split",
    title="The backlog is owned by a committee",
    severity=Severity.WARNING,
    citation=("tacitedge", "racki"),
    description="More people hold A on backlog rows than the product has delivery teams.",
    explanation="The Scrum Guide, as Tacit Edge quotes it, puts the backlog in the hands of one product "
    "owner. A product owner can look after several delivery teams if the part of the product each team "
    "works on is clearly bounded (a point one of Racki's readers makes), but several owners of one "
    "team's backlog leave the team with more than one answer to 'what next?'.",
)
def backlog_split(rule: Rule, facts: Facts, threshold: float | None) -> Iterator[Finding]:
    holders = facts.backlog_owners()
    teams = facts.team.profile.delivery_teams
    if len(holders) <= teams:
        return
    cells = tuple(chain.from_iterable(zip(facts.people[person_id].backlog_accountable, repeat(person_id))
                                      for person_id in holders))
    yield rule.finding(
        f"{len(holders)} people are accountable for backlog rows ({facts.names(holders)}) "
        f"for {plural(teams, 'delivery team')}.",
        people=holders,
        cells=cells,
        fix=f"Keep the A on the backlog with {plural(teams, 'person', 'people')} "
        "(one per delivery team); the others can be R or C.",
    )


@RULES.team_rule(
    "vision-unowned",
    title="Nobody is accountable for the vision",
    severity=Severity.ERROR,
    citation=("nathanson-2019", "fechter-2024"),
    description="No one holds A on any vision row.",
    explanation="Both Nathanson and Fechter give the product's strategic vision to the product manager: "
    "someone has to decide where the product is going and keep saying it. With no A on the vision, "
    "every other choice (roadmap, backlog order) has nothing to be measured against.",
)
def vision_unowned(rule: Rule, facts: Facts, threshold: float | None) -> Iterator[Finding]:
    rows = facts.rows_with.get("vision", [])
    if rows and not any(facts.rows[row_id].accountable for row_id in rows):
        yield rule.finding(f"Nobody is accountable for the product vision: {facts.titles(rows)} "
                           f"{'has' if len(rows) == 1 else 'have'} no A.", responsibilities=rows,
                           fix="Give the product manager an A on the vision rows.")


@RULES.team_rule(
    "no-customer-contact",
    title="Nobody works with customers",
    severity=Severity.WARNING,
    citation=("racki", "tacitedge", "fechter-2024"),
    description="No one holds R or A on any customer row.",
    explanation="The articles put talking to customers at the centre of product management: Racki's "
    "product manager speaks to customers regularly, Tacit Edge calls the role the voice of the "
    "customer, and Fechter lists customer discovery and feedback among the core duties. A team where "
    "nobody does this builds on guesses.",
)
def no_customer_contact(rule: Rule, facts: Facts, threshold: float | None) -> Iterator[Finding]:
    rows = facts.rows_with.get("customer", [])
    if rows and not any(facts.rows[row_id].active for row_id in rows):
        yield rule.finding(f"Nobody is R or A on a customer row: {facts.titles(rows)} "
                           f"{'has' if len(rows) == 1 else 'have'} no one doing the work.",
                           responsibilities=rows,
                           fix="Make someone, usually the product manager, R or A on at least one customer row.")


@RULES.person_rule(
    "owner-overloaded-with-finance",
    title="The backlog owner also carries finance",
    severity=Severity.WARNING,
    citation=("cowan",),
    description="On a medium or large product, someone accountable for the backlog is also R or A on finance rows.",
    explanation="Cowan points out that the product owner is traditionally with the engineering team all "
    "the time; someone who must also produce sales forecasts and pricing plans will have to make hard "
    "choices about where that time goes. On a product past the small stage, both are real work.",
)
def owner_overloaded_with_finance(rule: Rule, facts: Facts, person_id: str, threshold: float | None) -> Finding | None:
    if facts.team.profile.size is Size.SMALL:
        return None
    person = facts.people[person_id]
    backlog, finance = person.backlog_accountable, person.finance
    if not backlog or not finance:
        return None
    return rule.finding(
        f"{facts.name(person_id)} is accountable for the backlog ({facts.titles(backlog)}) "
        f"and also works on finance ({facts.titles(finance)}).",
        people=(person_id,),
        cells=tuple(zip(backlog + finance, repeat(person_id))),
        fix="Move the finance rows to the product manager, or the backlog's A to someone who can stay with the team.",
    )


@RULES.person_rule(
    "developer-as-owner",
    title="A developer or tester owns the backlog",
    severity=Severity.INFO,
    citation=("racki",),
    description="Someone titled Developer or QA holds A on backlog rows.",
    explanation="Racki describes product owner as a Scrum hat that a developer or a QA engineer can wear. "
    "Several of his readers disagree: owning the backlog is a job of its own, and it competes with "
    "building and testing. Worth a deliberate choice rather than a default.",
)
def developer_as_owner(rule: Rule, facts: Facts, person_id: str, threshold: float | None) -> Finding | None:
    backlog = facts.people[person_id].backlog_accountable
    if not backlog:
        return None
    person = facts.team.person(person_id)
    title = next((t for t in ("Developer", "QA") if person.has_title(t)), None)
    if title is None:
        return None
    return rule.finding(
        f"{person.name}, a {title}, is accountable for the backlog ({facts.titles(backlog)}).",
        people=(person_id,),
        cells=tuple(zip(backlog, repeat(person_id))),
        fix="If this is a deliberate choice, acknowledge it; otherwise give the backlog's A to a product owner.",
    )
