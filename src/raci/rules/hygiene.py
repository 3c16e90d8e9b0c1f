"""Standard RACI hygiene: the checks any RACI matrix deserves, whatever the product.

None of the articles states these; they are common RACI practice, cited
as :data:`raci.findings.RACI_PRACTICE`. Each reports at most one finding
per row or per person, so a blank template gives one finding per row,
never one per cell.

A row finding points at its row only; its message names the people
involved, and their letters are in plain sight on the selected row.
Pointing at their cells as well made a full check of a dense 1000 x 100
team build 100,000 cell keys, over a quarter of the check's time, and
pointing at the people would mark their whole columns.
"""

from __future__ import annotations

from raci.findings import RACI_PRACTICE, Finding, Severity
from raci.model import Letter
from raci.rules.facts import ACCOUNTABLE, CONSULTED, RESPONSIBLE, Facts
from raci.rules.registry import RULES, Rule

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
    return rule.finding(f"{facts.title(row_id)} has letters but nobody accountable (no A).",
                        responsibilities=(row_id,),
                        fix="Give one person an A (or A/R) on this row.")


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
                        fix="Keep one A on this row and change the others to R or C.")


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
    return rule.finding(f"{facts.title(row_id)} has nobody responsible for doing the work (no R).",
                        responsibilities=(row_id,), fix="Give someone an R, or make the A an A/R.")


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
    description="A person holds R or A on more than twice the team's median number of rows, "
    "and on at least the threshold (8).",
    explanation="When one person does or owns far more than everyone else, work queues behind them and "
    "stops when they are away. The count is the rows where they hold R, A or A/R (an A/R is one row, "
    "counted once); it is compared with twice the team's median.",
    threshold=8,
)
def overloaded_person(rule: Rule, facts: Facts, person_id: str, threshold: float | None) -> Finding | None:
    load = facts.people[person_id].load
    median = facts.shared_state()[0]
    if load <= 2 * median or load < (threshold or 0):
        return None
    return rule.finding(
        f"{facts.name(person_id)} is R or A on {load} rows, more than twice the team's median of {median:g}.",
        people=(person_id,),
        cells=[(row.id, person_id) for row in facts.team.responsibilities
               if (letter := facts.team.cell(row.id, person_id)) is not None and letter not in (Letter.C, Letter.I)],
        fix="Hand some of these rows to others, or make them C where a say is all that is needed.",
    )


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
                        fix="Turn the C of those who only need to know into an I.")


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
                        fix="Split this row into smaller tasks, each with one or two R's.")
