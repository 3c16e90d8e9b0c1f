"""The checks the five articles support: who holds the product manager's and the product owner's work.

Each rule cites the articles (ids from ``seeds/sources.json``) whose
argument it follows; the explanations put that argument in plain words.
A rule only speaks when the team has rows carrying the tags it reads, or,
for the combined roles, when someone's titles say so.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, repeat

from raci.findings import Finding, Severity
from raci.model import Profile, Size
from raci.phrases import plural
from raci.rules.facts import SEVERAL_TEAMS, Facts
from raci.rules.registry import RULES, Rule
from raci.tally import ACCOUNTABLE

PM, PO = "Product Manager", "Product Owner"
_ALL_FIVE = ("nathanson-2019", "fechter-2024", "tacitedge", "cowan", "racki")

_ROLES_APART = (
    "The product manager faces the market: vision, roadmap, customers and money. The product owner "
    "faces the delivery team and owns the backlog. "
)
_WHAT_THE_ARTICLES_SAY = (
    " The five articles weigh this differently. Nathanson (2019) allows one person in both roles only "
    "for a small product with limited features and a narrow audience, and expects the arrangement to be "
    "outgrown fast. Fechter (2024) notes that small firms mix the roles and that startups often hire the "
    "owner first, while medium and large firms keep the owner as a separate post. Tacit Edge tells a lone "
    "product person to act as the product manager and let a motivated, empowered team run its own "
    "backlog. Cowan says it can be done, but the owner is traditionally with the engineers all the time, "
    "so forecasts and pricing plans force hard choices about time. Racki sees the owner as a Scrum hat "
    "anyone on the team can wear, a developer or tester included."
)
_COMBINED_BY_SIZE = {
    Severity.INFO: _ROLES_APART
    + "On a small product with few features and a narrow audience one person can cover both, and small "
    "companies often do; watch for the point where the product outgrows it." + _WHAT_THE_ARTICLES_SAY,
    Severity.WARNING: _ROLES_APART
    + "On a medium-sized product each side is close to a full job: time spent on the market is time the "
    "team waits for backlog answers, and the other way round." + _WHAT_THE_ARTICLES_SAY,
    Severity.ERROR: _ROLES_APART
    + "On a large product, or one served by several delivery teams, a single person cannot be out with "
    "customers and with every team at once." + _WHAT_THE_ARTICLES_SAY,
}
_COMBINED_FIX = (
    "Choose the way out that fits the team: give the backlog's {owner} to a product owner of its own "
    "(Nathanson; Fechter for firms past the small stage); keep the manager's work and let an empowered "
    "delivery team run its backlog (Tacit Edge); hand the owner hat to someone already on the team "
    "(Racki); or, keeping both, move the forecasting and pricing work elsewhere to protect the time the "
    "team needs (Cowan). If the product is small on purpose, acknowledge this finding with your reason."
)


def combined_roles_severity(profile: Profile) -> Severity:
    """Note on a small product, warning on a medium one, error on a large one or with several teams."""
    if profile.size is Size.LARGE or profile.delivery_teams > 1:
        return Severity.ERROR
    return Severity.INFO if profile.size is Size.SMALL else Severity.WARNING


def _product_words(profile: Profile) -> str:
    """``"a large product"``, ``"a product with 3 delivery teams"``."""
    if profile.delivery_teams > 1:
        return f"a {profile.size.value} product with {plural(profile.delivery_teams, 'delivery team')}"
    return f"a {profile.size.value} product"


@RULES.person_rule(
    "combined-roles",
    title="One person holds both product roles",
    severity=Severity.WARNING,
    citation=_ALL_FIVE,
    description="Someone is accountable (A or A/R) for the product manager's core (vision, roadmap, market, "
    "finance) and for the backlog, or owns the backlog and also does forecasting or pricing, or is titled "
    "both Product Manager and Product Owner.",
    explanation=_COMBINED_BY_SIZE[Severity.WARNING],
)
def combined_roles(rule: Rule, facts: Facts, person_id: str, threshold: float | None) -> Finding | None:
    tally = facts.people[person_id]
    backlog = tally.owner_accountable
    manager_rows = tally.manager_accountable if backlog else []
    time_rows = [row_id for row_id in tally.time_competing if row_id not in manager_rows] if backlog else []
    person = facts.team.person(person_id)
    titled_both = person.has_title(PM) and person.has_title(PO)
    if not (manager_rows or time_rows or titled_both):
        return None
    severity = combined_roles_severity(facts.team.profile)
    held = manager_rows + backlog + time_rows if manager_rows or time_rows else []
    return rule.finding(
        _combined_message(facts, person_id, backlog, manager_rows, time_rows),
        people=(person_id,),
        cells=tuple(zip(held, repeat(person_id))),
        severity=severity,
        explanation=_COMBINED_BY_SIZE[severity],
        fix=_COMBINED_FIX.format(owner=facts.words.owner),
    )


def _combined_message(facts: Facts, person_id: str, backlog: list[str], manager_rows: list[str],
                      time_rows: list[str]) -> str:
    """What a person holds of both roles: the rows they own on each side, the time-competing work, or their titles."""
    name = facts.name(person_id)
    cowan = "which Cowan says competes for the owner's time"
    if manager_rows:
        message = (f"{name} holds both product roles: accountable for {facts.titles(manager_rows)} on the "
                   f"manager's side and for {facts.titles(backlog)} on the owner's side")
        return message + (f", and also works on {facts.titles(time_rows)}, {cowan}." if time_rows else ".")
    if time_rows:
        return (f"{name} owns the backlog ({facts.titles(backlog)}) and also works on {facts.titles(time_rows)}, "
                f"forecasting or pricing work {cowan}.")
    return f"{name} is titled both {PM} and {PO} on {_product_words(facts.team.profile)}."


def _backlog_fix(facts: Facts) -> str:
    return f"Give the product owner {facts.words.a(facts.words.owner)} on every backlog row."


@RULES.team_rule(
    "backlog-unowned",
    title="Nobody is accountable for the backlog",
    severity=Severity.ERROR,
    citation=("tacitedge",),
    description="No one holds A on the backlog rows, or on one of them.",
    explanation="Tacit Edge quotes the Scrum Guide: the product owner answers for managing the product "
    "backlog, which means setting the product goal, writing and ordering the items, and keeping the "
    "backlog visible and understood. A backlog row without an A has nobody with the final word on it.",
    supersedes=("no-accountable", "empty-row"),
)
def backlog_unowned(rule: Rule, facts: Facts, threshold: float | None) -> Iterator[Finding]:
    rows = facts.rows_with.get("backlog", [])
    unowned = [row_id for row_id in rows if not facts.rows[row_id].accountable]
    owner = facts.words.owner
    if unowned and len(unowned) == len(rows):
        yield rule.finding(f"Nobody is accountable for the product backlog: {facts.titles(rows)} "
                           f"{'has' if len(rows) == 1 else 'have'} no {owner}.", responsibilities=rows,
                           fix=_backlog_fix(facts))
        return
    for row_id in unowned:
        yield rule.finding(f"The backlog row {facts.title(row_id)} has nobody accountable (no {owner}).",
                           responsibilities=(row_id,), fix=_backlog_fix(facts))


@RULES.team_rule(
    "backlog-split",
    title="The backlog is owned by a committee",
    severity=Severity.WARNING,
    citation=("tacitedge", "racki"),
    description="More people hold A on the shared backlog rows than the product has delivery teams (a team "
    "owner's row for their own bounded part does not count).",
    explanation="The Scrum Guide, as Tacit Edge quotes it, puts the backlog in the hands of one product "
    "owner. A product owner can look after several delivery teams if the part of the product each team "
    "works on is clearly bounded (a point one of Racki's readers makes), and a team owner accountable for "
    "their own bounded part is no committee; but several owners of the same backlog rows leave the team "
    "with more than one answer to 'what next?'.",
)
def backlog_split(rule: Rule, facts: Facts, threshold: float | None) -> Iterator[Finding]:
    owned: dict[str, list[str]] = {}
    for row_id in facts.shared_backlog_rows():
        for person_id in facts.holders(row_id, ACCOUNTABLE):
            owned.setdefault(person_id, []).append(row_id)
    teams = facts.team.profile.delivery_teams
    if len(owned) <= teams:
        return
    holders = sorted(owned, key=facts.column.__getitem__)
    yield rule.finding(
        f"{len(holders)} people are accountable for backlog rows ({facts.names(holders)}) "
        f"for {plural(teams, 'delivery team')}.",
        people=holders,
        cells=tuple(chain.from_iterable(zip(owned[person_id], repeat(person_id)) for person_id in holders)),
        fix=f"Keep the {facts.words.owner} on the backlog with {plural(teams, 'person', 'people')} "
        f"(one per delivery team); the others can be {facts.words.either(facts.words.doer, facts.words.asked)}.",
    )


@RULES.team_rule(
    "owner-serves-several-teams",
    title="More delivery teams than backlog owners",
    severity=Severity.INFO,
    citation=("racki",),
    description="The product has more delivery teams than people accountable for its backlog, and no row "
    "says who serves several sprint teams.",
    explanation="One of Racki's readers holds that a product owner can serve two or more sprint teams, "
    "provided the part of the product each team answers for is clearly bounded. When a product has more "
    "delivery teams than backlog owners, that arrangement is in place whether or not the matrix says so; "
    "the catalog row for it makes the boundaries, and who keeps them, visible.",
)
def owner_serves_several_teams(rule: Rule, facts: Facts, threshold: float | None) -> Iterator[Finding]:
    owners = facts.backlog_owners()
    teams = facts.team.profile.delivery_teams
    if not owners or len(owners) >= teams:
        return  # nobody owns the backlog (backlog-unowned says so), or every team has an owner
    if any(facts.rows[row_id].accountable for row_id in facts.rows_with.get(SEVERAL_TEAMS, [])):
        return
    yield rule.finding(
        f"{plural(teams, 'delivery team')} share {plural(len(owners), 'backlog owner')} "
        f"({facts.names(owners)}), and no row says who serves several sprint teams.",
        people=owners,
        fix="Add the catalog row \u201cServe several sprint teams within clear boundaries\u201d and give its "
        f"{facts.words.owner} to the owner who serves them, or give each team an owner for its own part of the "
        "backlog.",
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
    supersedes=("no-accountable", "empty-row"),
)
def vision_unowned(rule: Rule, facts: Facts, threshold: float | None) -> Iterator[Finding]:
    rows = facts.rows_with.get("vision", [])
    if rows and not any(facts.rows[row_id].accountable for row_id in rows):
        words = facts.words
        yield rule.finding(f"Nobody is accountable for the product vision: {facts.titles(rows)} "
                           f"{'has' if len(rows) == 1 else 'have'} no {words.owner}.", responsibilities=rows,
                           fix=f"Give the product manager {words.a(words.owner)} on the vision rows.")


@RULES.team_rule(
    "no-customer-contact",
    title="Nobody talks to customers",
    severity=Severity.WARNING,
    citation=("racki", "tacitedge", "fechter-2024", "cowan"),
    description="No one holds R or A on a row of direct contact with customers (talking to them, discovering them).",
    explanation="The articles put direct contact with customers at the centre of product management: "
    "Racki's product manager talks to customers regularly, Tacit Edge calls the role the voice of the "
    "customer, Fechter starts it with customer discovery, and Cowan sends a manager whose releases fall "
    "flat out to see customers. Demos and sorted feedback are useful, but they are the customers' words "
    "at second hand; a team where nobody meets them builds on guesses.",
)
def no_customer_contact(rule: Rule, facts: Facts, threshold: float | None) -> Iterator[Finding]:
    rows = facts.rows_with.get("customer-contact", [])
    if rows and not any(facts.rows[row_id].active for row_id in rows):
        doer_or_owner = f"{facts.words.doer} or {facts.words.owner}"
        yield rule.finding(f"Nobody is {doer_or_owner} on direct contact with customers: {facts.titles(rows)} "
                           f"{'has' if len(rows) == 1 else 'have'} no one doing the work.",
                           responsibilities=rows,
                           fix=f"Make someone, usually the product manager, {doer_or_owner} on at least one of "
                           "these rows.")


# Folded into combined-roles, limited to forecasting and pricing rows: every finance row is on the
# manager's side, so the old check always fired together with combined-roles.
RULES.retire("owner-overloaded-with-finance", "The backlog owner also carries finance", "combined-roles")


@RULES.person_rule(
    "developer-as-owner",
    title="A developer or tester owns the backlog",
    severity=Severity.INFO,
    citation=("racki", "fechter-2024", "cowan"),
    description="Someone titled Developer or QA holds A on backlog rows.",
    explanation="Racki describes product owner as a Scrum hat that a developer or a QA engineer can wear; "
    "one of his readers challenges that, without giving a reason. Fechter and Cowan write about the owner "
    "as a job of its own, and Cowan's owner is traditionally with the team full time, which leaves little "
    "room for building or testing. Worth a deliberate choice rather than a default.",
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
        fix="If this is a deliberate choice, acknowledge it; otherwise give the backlog's "
        f"{facts.words.owner} to a product owner.",
    )
