"""The rule registry: every check's metadata and behaviour, declared in one place.

A rule is one function plus its metadata (id, title, default severity,
citation, default threshold, a one-line description and a longer
explanation). The function is registered with one of three decorators,
by what it looks at:

* :meth:`Registry.row_rule` - one responsibility at a time,
  ``fn(rule, facts, responsibility_id, threshold) -> Finding | None``;
* :meth:`Registry.person_rule` - one person at a time,
  ``fn(rule, facts, person_id, threshold) -> Finding | None``;
* :meth:`Registry.team_rule` - the whole team,
  ``fn(rule, facts, threshold) -> Iterable[Finding]``.

The scope is what lets the incremental checker re-run only the rows and
people an edit touched, so each kind of rule keeps to what it may read:

* a row rule reads its own row's tally, titles and names;
* a person rule reads its own person's tally, titles and names, the
  profile, and team-wide figures only through ``facts.shared_state()``
  (the checker re-runs it for everyone when those change);
* a team rule reads only rows that carry a watched tag (``facts.marks``),
  people's lists built from such rows, and the profile; the checker
  re-runs team rules only after an edit on such a row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from raci.findings import Finding, Severity
from raci.model import CellKey, RuleSetting, Team

if TYPE_CHECKING:
    from raci.rules.facts import Facts


class Scope(str, Enum):
    """What one run of a rule looks at."""

    ROW = "row"
    PERSON = "person"
    TEAM = "team"
    ACKNOWLEDGMENTS = "acknowledgments"  # computed by the checker from the team's acknowledgments


@dataclass(frozen=True, slots=True)
class Rule:
    """One check: its metadata, and the function that runs it."""

    id: str
    title: str
    severity: Severity  # the default; a rule may choose another per finding (combined-roles does)
    description: str  # one line, for settings and help
    explanation: str  # plain words: why it matters, shown with each finding
    citation: tuple[str, ...]
    scope: Scope
    threshold: float | None = None
    evaluate: Callable[..., Any] | None = field(default=None, repr=False, compare=False)

    def finding(
        self,
        message: str,
        *,
        responsibilities: Iterable[str] = (),
        people: Iterable[str] = (),
        cells: Iterable[CellKey] = (),
        fix: str = "",
        severity: Severity | None = None,
        explanation: str | None = None,
    ) -> Finding:
        """A finding of this rule, with its citation and default severity and explanation."""
        # A check makes thousands of findings; most already hold tuples, which need no copy.
        return Finding(
            self.id,
            severity or self.severity,
            message,
            self.explanation if explanation is None else explanation,
            self.citation,
            responsibilities if type(responsibilities) is tuple else tuple(responsibilities),
            people if type(people) is tuple else tuple(people),
            cells if type(cells) is tuple else tuple(cells),
            fix,
        )

    def setting(self, team: Team) -> RuleSetting:
        """The team's setting for this rule, or the default (on, default threshold)."""
        return team.rule_settings.get(self.id) or _DEFAULT_SETTING

    def enabled(self, team: Team) -> bool:
        return self.setting(team).enabled

    def threshold_for(self, team: Team) -> float | None:
        """The team's threshold if it set one, else the rule's default."""
        chosen = self.setting(team).threshold
        return self.threshold if chosen is None else chosen


_DEFAULT_SETTING = RuleSetting()


class Registry:
    """Every rule, in the order registered; iterate it for the metadata."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._rules

    def __getitem__(self, rule_id: str) -> Rule:
        return self._rules[rule_id]

    def ids(self) -> tuple[str, ...]:
        return tuple(self._rules)

    def of_scope(self, scope: Scope) -> tuple[Rule, ...]:
        return tuple(rule for rule in self._rules.values() if rule.scope is scope)

    def add(self, rule: Rule) -> Rule:
        """Register a rule; its id must be new."""
        if rule.id in self._rules:
            raise ValueError(f"A rule with the id {rule.id!r} is already registered.")
        self._rules[rule.id] = rule
        return rule

    def row_rule(self, rule_id: str, **metadata: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Register ``fn(rule, facts, responsibility_id, threshold) -> Finding | None``."""
        return self._decorator(rule_id, Scope.ROW, metadata)

    def person_rule(self, rule_id: str, **metadata: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Register ``fn(rule, facts, person_id, threshold) -> Finding | None``."""
        return self._decorator(rule_id, Scope.PERSON, metadata)

    def team_rule(self, rule_id: str, **metadata: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Register ``fn(rule, facts, threshold) -> Iterable[Finding]``."""
        return self._decorator(rule_id, Scope.TEAM, metadata)

    def _decorator(self, rule_id: str, scope: Scope, metadata: dict[str, Any]) -> Callable[..., Any]:
        def register(function: Callable[..., Any]) -> Callable[..., Any]:
            self.add(Rule(id=rule_id, scope=scope, evaluate=function, **metadata))
            return function

        return register


RULES = Registry()


Active = Sequence[tuple[Rule, "float | None"]]  # the team's switched-on rules, with its thresholds


def active_rules(team: Team, scope: Scope) -> Active:
    """The rules of one scope the team has on, each with the threshold it uses."""
    return tuple((rule, rule.threshold_for(team)) for rule in RULES.of_scope(scope) if rule.enabled(team))


def run_rules_on(rules: Active, facts: Facts, item_id: str) -> list[Finding]:
    """Every finding the given row (or person) rules make about one responsibility (or person)."""
    found = []
    for rule, threshold in rules:
        finding = rule.evaluate(rule, facts, item_id, threshold)  # type: ignore[misc]
        if finding is not None:
            found.append(finding)
    return found


def run_team_rules(rules: Active, facts: Facts) -> list[Finding]:
    """Every finding the given team rules make."""
    found: list[Finding] = []
    for rule, threshold in rules:
        found.extend(rule.evaluate(rule, facts, threshold))  # type: ignore[misc]
    return found
