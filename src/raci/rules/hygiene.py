"""Standard RACI hygiene: the checks any RACI matrix deserves, whatever the product.

None of the articles states these; they are common RACI practice, cited
as :data:`raci.findings.RACI_PRACTICE`: one accountable per row (PMBOK's
rule for a responsibility matrix), someone doing the work, and the
per-person reading RACI tools give (who carries too much, who owns too
much, who only watches). Each reports at most one finding per row or per
person, never one per cell; a matrix with no letters at all gets a single
finding that says how much is left to fill.

The checks count kinds (who owns the outcome, who does the work, ...), so
they hold for any letter set; their messages name the team's own letters
through ``facts.words`` ("no A" in RACI, "no Approver" in DACI). The rule
descriptions and explanations speak RACI, the letters most readers know.

A row finding points at its row only; its message names the people
involved, and their letters are in plain sight on the selected row.
Pointing at their cells as well made a full check of a dense 1000 x 100
team build 100,000 cell keys, over a quarter of the check's time, and
pointing at the people would mark their whole columns.
"""

from __future__ import annotations

from raci.findings import RACI_PRACTICE, Finding, Severity
from raci.phrases import plural
from raci.rules.facts import Facts
from raci.rules.registry import RULES, Rule, Scope
from raci.tally import ACCOUNTABLE, ACTIVE, CONSULTED, RESPONSIBLE, TOLD_BESIDE

_PRACTICE = (RACI_PRACTICE,)


@RULES.row_rule(
    "no-accountable",
    title="No one is accountable",
    severity=Severity.ERROR,
    citation=_PRACTICE,
    description="A row has letters but no A.",
    explanation="Every responsibility needs exactly one person who owns the outcome and signs it off. "
    "Without an A, work gets done but nobody decides when it is good enough.",
)
def no_accountable(rule: Rule, facts: Facts, row_id: str, threshold: float | None) -> Finding | None:
    tally = facts.rows[row_id]
    if not tally.filled or tally.accountable:
        return None
    words = facts.words
    return rule.finding(f"{facts.title(row_id)} has letters but nobody accountable (no {words.owner}).",
                        responsibilities=(row_id,),
                        fix=f"Give one person {words.a(words.owner)} (or {words.both}) on this row.")


@RULES.row_rule(
    "many-accountable",
    title="More than one person is accountable",
    severity=Severity.ERROR,
    citation=_PRACTICE,
    description="A row has more than one A.",
    explanation="Accountability shared is accountability lost: with two owners each can assume the other "
    "decided. Keep one A per row and make the others R or C.",
)
def many_accountable(rule: Rule, facts: Facts, row_id: str, threshold: float | None) -> Finding | None:
    holders = facts.rows[row_id].accountable
    if holders < 2:
        return None
    return rule.finding(f"{facts.title(row_id)} has {holders} people accountable: "
                        f"{facts.holder_names(row_id, ACCOUNTABLE, holders)}.",
                        responsibilities=(row_id,),
                        fix=f"Keep one {facts.words.owner} on this row and change the others to "
                        f"{facts.words.either(facts.words.doer, facts.words.asked)}.")


@RULES.row_rule(
    "no-responsible",
    title="No one does the work",
    severity=Severity.WARNING,
    citation=_PRACTICE,
    description="A row has letters but no R (an A/R counts as R).",
    explanation="An R is the person who actually does the work. A row with owners and onlookers but no "
    "R is a task that everyone expects someone else to start.",
)
def no_responsible(rule: Rule, facts: Facts, row_id: str, threshold: float | None) -> Finding | None:
    tally = facts.rows[row_id]
    if not tally.filled or tally.responsible:
        return None
    words = facts.words
    return rule.finding(f"{facts.title(row_id)} has nobody responsible for doing the work (no {words.doer}).",
                        responsibilities=(row_id,),
                        fix=f"Give someone {words.a(words.doer)}, or make the {words.owner} {words.a(words.both)}."
                        if not words.by_name else f"Give someone {words.a(words.doer)}.")


@RULES.row_rule(
    "empty-row",
    title="A row with no letters",
    severity=Severity.WARNING,
    citation=_PRACTICE,
    description="A row has no letters at all.",
    explanation="A responsibility nobody holds is either work that falls through the cracks or a row the "
    "team does not need.",
)
def empty_row(rule: Rule, facts: Facts, row_id: str, threshold: float | None) -> Finding | None:
    if facts.rows[row_id].filled:
        return None
    return rule.finding(f"{facts.title(row_id)} has no letters yet.", responsibilities=(row_id,),
                        fix="Fill in who does it and who owns it, or remove the row if the team does not need it.")


@RULES.person_rule(
    "idle-person",
    title="A person with no letters",
    severity=Severity.INFO,
    citation=_PRACTICE,
    description="A person has no letters at all.",
    explanation="Someone on the team with nothing in the matrix is either missing from the picture or "
    "not part of this team.",
)
def idle_person(rule: Rule, facts: Facts, person_id: str, threshold: float | None) -> Finding | None:
    if facts.people[person_id].has_letters:
        return None
    return rule.finding(f"{facts.name(person_id)} has no letters in the matrix.", people=(person_id,),
                        fix="Give them the letters they hold, or remove them from the team.")


@RULES.person_rule(
    "overloaded-person",
    title="A person carries too much",
    severity=Severity.WARNING,
    citation=_PRACTICE,
    description="A person holds R or A on more than twice the median of the people who share their first "
    "title (at least three of them), and on at least the threshold (8).",
    explanation="When one person does or owns far more than others in the same job, work queues behind "
    "them and stops when they are away. People are compared with those who share their first title "
    "(developers with developers, product owners with product owners), because a product manager or "
    "owner always holds more rows than a developer. The count is the rows where they hold R, A or A/R "
    "(an A/R is one row, counted once).",
    threshold=8,
)
def overloaded_person(rule: Rule, facts: Facts, person_id: str, threshold: float | None) -> Finding | None:
    load = facts.people[person_id].load
    peers = facts.peers(person_id)
    if peers.size < 3 or load <= 2 * peers.median_load or load < (threshold or 0):
        return None
    words = facts.words
    return rule.finding(
        f"{facts.name(person_id)} is {words.doer} or {words.owner} on {load} rows, more than twice the median "
        f"of the {peers.size} {peers.label} ({peers.median_load:g}).",
        people=(person_id,),
        cells=facts.cells_held(person_id, ACTIVE),
        fix="Hand some of these rows to others"
        + (f", or make them {words.asked} where a say is all that is needed." if words.asked else "."),
    )


@RULES.person_rule(
    "accountable-for-too-much",
    title="One person is accountable for too much",
    severity=Severity.INFO,
    citation=_PRACTICE,
    description="A person holds A or A/R on more than the threshold share of the rows (66%, about two thirds).",
    explanation="Each row needs one accountable person, but not the same one everywhere: an A is a "
    "decision that waits for its owner. When one person signs off most of the matrix, decisions queue "
    "behind them and the others learn to wait rather than decide. A product manager may well sign off "
    "over half of a catalog-based matrix; past two thirds, one person is the matrix.",
    threshold=66,
)
def accountable_for_too_much(rule: Rule, facts: Facts, person_id: str, threshold: float | None) -> Finding | None:
    accountable, rows = facts.people[person_id].accountable, facts.row_count()
    if not accountable or accountable * 100 <= (threshold or 0) * rows:
        return None
    return rule.finding(
        f"{facts.name(person_id)} is accountable for {accountable} of the {plural(rows, 'row')} "
        f"({accountable * 100 / rows:.0f}%).",
        people=(person_id,),
        cells=facts.cells_held(person_id, ACCOUNTABLE),
        fix=f"Hand the {facts.words.owner} of rows others already do (their {facts.words.doer}) to them, "
        "keeping the rows you must sign off yourself.",
    )


@RULES.person_rule(
    "onlooker",
    title="A person who only watches",
    severity=Severity.INFO,
    citation=_PRACTICE,
    description="A person holds only C's and I's: never R or A (stakeholders and sponsors are expected to).",
    explanation="Someone who is consulted or informed on rows but does and owns none of them is, in the "
    "matrix, an onlooker: either the work they really do is missing from it, or they are a stakeholder "
    "who could be listed as one. People titled Stakeholder or Sponsor are expected to watch and are "
    "not reported.",
)
def onlooker(rule: Rule, facts: Facts, person_id: str, threshold: float | None) -> Finding | None:
    tally = facts.people[person_id]
    if not tally.watching or tally.hands_on or facts.is_outsider(person_id):
        return None
    return rule.finding(
        f"{facts.name(person_id)} is {facts.words.onlooker}.",
        people=(person_id,),
        fix=f"Add the rows of work they do, with their {facts.words.many(facts.words.doer)}; if they only follow "
        "along, title them Stakeholder or leave them off this matrix.",
    )


@RULES.row_rule(
    "informed-only",
    title="Everyone is only informed",
    severity=Severity.ERROR,
    citation=_PRACTICE,
    description="A row has letters, and all of them are I.",
    explanation="A row where everyone is told and nobody owns, does or is asked is a piece of news, not a "
    "responsibility: people expect to hear about it, yet nobody will make it happen.",
    supersedes=("no-accountable", "no-responsible"),
)
def informed_only(rule: Rule, facts: Facts, row_id: str, threshold: float | None) -> Finding | None:
    tally = facts.rows[row_id]
    if not tally.filled or tally.informed_only != tally.filled:
        return None
    words = facts.words
    return rule.finding(f"{facts.title(row_id)} has only {words.many(words.told)}: "
                        f"{plural(tally.informed_only, 'person', 'people')} told, nobody owning or doing it.",
                        responsibilities=(row_id,),
                        fix=f"Give one person the {words.owner} and someone the {words.doer}; keep the "
                        f"{words.many(words.told)} for those who only need to know.")


@RULES.row_rule(
    "too-many-consulted",
    title="Too many people consulted",
    severity=Severity.INFO,
    citation=_PRACTICE,
    description="A row has more C's than the threshold (4).",
    explanation="Every C is a conversation before the work can move. Past a handful, consulting turns "
    "into waiting; many of those people may only need to be informed.",
    threshold=4,
)
def too_many_consulted(rule: Rule, facts: Facts, row_id: str, threshold: float | None) -> Finding | None:
    consulted = facts.rows[row_id].consulted
    if threshold is None or consulted <= threshold:
        return None
    return rule.finding(f"{facts.title(row_id)} consults {consulted} people "
                        f"({facts.holder_names(row_id, CONSULTED, consulted)}).",
                        responsibilities=(row_id,),
                        fix=f"Turn the {facts.words.asked} of those who only need to know into "
                        f"{facts.words.a(facts.words.told)}." if facts.words.told
                        else f"Keep the {facts.words.asked} of those whose say the work needs.")


@RULES.row_rule(
    "too-many-responsible",
    title="Too many people responsible",
    severity=Severity.INFO,
    citation=_PRACTICE,
    description="A row has more R's than the threshold (3); an A/R counts as R.",
    explanation="When many people share the doing, it is unclear who does which part. A row with that "
    "many R's is usually several tasks under one name.",
    threshold=3,
)
def too_many_responsible(rule: Rule, facts: Facts, row_id: str, threshold: float | None) -> Finding | None:
    responsible = facts.rows[row_id].responsible
    if threshold is None or responsible <= threshold:
        return None
    return rule.finding(f"{facts.title(row_id)} has {responsible} people responsible "
                        f"({facts.holder_names(row_id, RESPONSIBLE, responsible)}).",
                        responsibilities=(row_id,),
                        fix=f"Split this row into smaller tasks, each with one or two "
                        f"{facts.words.many(facts.words.doer)}.")


@RULES.row_rule(
    "letter-adds-nothing",
    title="A letter that adds nothing",
    severity=Severity.INFO,
    citation=_PRACTICE,
    description="A cell holds I beside another letter (C/I, R/I): whoever is asked, does or owns the work is "
    "told of it anyway.",
    explanation="Being informed is part of every other letter: whoever is consulted hears how it ends, and "
    "whoever does or owns the work knows it first. A cell such as C/I says no more than C; the letter that "
    "says what the person does is enough, and the matrix reads faster without the other. It is a note, not "
    "a mistake: switch the check off if the team writes cells this way on purpose.",
)
def letter_adds_nothing(rule: Rule, facts: Facts, row_id: str, threshold: float | None) -> Finding | None:
    count = facts.rows[row_id].told_beside
    if not count:
        return None
    told = facts.words.told
    holders = facts.holders(row_id, TOLD_BESIDE)
    verb = "holds" if count == 1 else "hold"
    return rule.finding(f"{facts.title(row_id)}: {facts.holder_names(row_id, TOLD_BESIDE, count)} {verb} "
                        f"{told} beside another letter, which adds nothing.",
                        responsibilities=(row_id,),
                        cells=tuple((row_id, person_id) for person_id in holders),
                        fix="Keep only the other letter: being asked, doing or owning the work includes being told.")


def _not_started(rule: Rule, facts: Facts, threshold: float | None) -> Finding | None:
    if facts.filled:
        return None
    rows, people = len(facts.rows), len(facts.person_ids)
    to_fill = f"{plural(rows, 'row')} to fill" if rows else "No rows yet"
    if not people:
        return rule.finding(f"{to_fill}, nobody in the team yet.",
                            fix="Add the people of the team, then fill in who does and who owns each row.")
    return rule.finding(f"{to_fill}, {plural(people, 'person', 'people')} in the team, no letters yet.",
                        fix=f"Fill in who does ({facts.words.doer}) and who owns ({facts.words.owner}) each row; "
                        "the checks start with the first letter.")


NOT_STARTED = RULES.add(Rule(
    id="not-started",
    title="The matrix is not filled in yet",
    severity=Severity.INFO,
    description="The matrix has no letters at all; the other checks wait for the first one.",
    explanation="A new matrix has every row empty and, often, nobody in it yet. Reporting each empty row "
    "and each missing owner would be one finding per row for a single fact: the work has not started.",
    citation=_PRACTICE,
    scope=Scope.MATRIX,
    evaluate=_not_started,
))
