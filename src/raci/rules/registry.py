"""The rule registry: every check's metadata and behaviour, declared in one place.

A rule is one function plus its metadata (id, title, default severity,
citation, default threshold, a one-line description, a longer explanation,
and the rules whose findings it supersedes on the same rows: one defect,
one finding). The function is registered with one of three decorators,
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

A rule that is gone keeps its id as *retired* (:meth:`Registry.retire`), so
a team file that set or acknowledged it still opens; its acknowledgments
are reported as no longer matching a finding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple

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
    MATRIX = "matrix"  # the whole matrix before its first letter: its finding replaces all others


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
    supersedes: tuple[str, ...] = ()  # rules whose findings about this rule's rows it replaces
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


class Retired(NamedTuple):
    """A rule id that is no longer checked, and where its check went."""

    title: str
    merged_into: str


class Registry:
    """Every rule, in the order registered; iterate it for the metadata."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}
        self.retired: dict[str, Retired] = {}

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, rule_id: object) -> bool:
        """Whether a team file may name this id: a current rule or a retired one."""
        return rule_id in self._rules or rule_id in self.retired

    def __getitem__(self, rule_id: str) -> Rule:
        return self._rules[rule_id]

    def ids(self) -> tuple[str, ...]:
        """The current rules' ids, in the order registered."""
        return tuple(self._rules)

    def get(self, rule_id: str) -> Rule | None:
        """The current rule with this id, or ``None`` (for a retired or unknown id)."""
        return self._rules.get(rule_id)

    def title_of(self, rule_id: str) -> str:
        """A rule's title, a retired rule's title, or the id itself."""
        rule = self._rules.get(rule_id)
        if rule is not None:
            return rule.title
        retired = self.retired.get(rule_id)
        return retired.title if retired is not None else rule_id

    def retire(self, rule_id: str, title: str, merged_into: str) -> None:
        """Keep a removed rule's id loadable; its check now lives in ``merged_into``."""
        self.retired[rule_id] = Retired(title, merged_into)

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


def run_matrix_rules(rules: Active, facts: Facts) -> list[Finding]:
    """The findings of the rules that speak for the whole matrix (before its first letter)."""
    found = []
    for rule, threshold in rules:
        finding = rule.evaluate(rule, facts, threshold)  # type: ignore[misc]
        if finding is not None:
            found.append(finding)
    return found


def without_superseded(groups: dict[str, list[Finding]]) -> dict[str, list[Finding]]:
    """The findings by rule, less those a superseding rule's findings already cover.

    A finding is covered when every row it is about is a row a finding of a
    rule that supersedes its rule is about: "nobody is accountable for the
    backlog" and "this backlog row has no A" are one defect, reported once.
    Only the groups that lose findings are copied.
    """
    covered: dict[str, set[str]] = {}
    for rule_id, group in groups.items():
        rule = RULES.get(rule_id)
        if rule is None or not rule.supersedes or not group:
            continue
        rows = {row_id for finding in group for row_id in finding.responsibilities}
        for superseded in rule.supersedes:
            covered.setdefault(superseded, set()).update(rows)
    if not covered:
        return groups
    result = dict(groups)
    for rule_id, rows in covered.items():
        if result.get(rule_id):
            result[rule_id] = [finding for finding in result[rule_id]
                               if not finding.responsibilities or not rows.issuperset(finding.responsibilities)]
    return result
