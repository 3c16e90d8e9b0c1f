"""Running the rules: a full check, and a checker that keeps its report current edit by edit.

Findings are cached by what they are about: per row (row rules), per
person (person rules) and for the team (team rules, which read only the
cached tallies, re-run only after an edit on a row they watch). A report
drops the findings a superseding rule already covers (one defect, one
finding), and a matrix without a single letter reports only that. A cell edit
re-counts and re-checks only its row and its person, and moves their
findings within their rules' sorted groups; every other kind of change
(rows or people added, removed, moved or renamed, tags, the profile, the
settings, the letter set) rebuilds everything, which costs one full check. An
acknowledgment added or withdrawn only re-applies the acknowledgments.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable
from itertools import repeat
from operator import attrgetter, is_
from types import TracebackType

from raci.collector import paused_collector
from raci.findings import Finding, Report, Severity
from raci.model import Change, Phase, Team, TeamEvent
from raci.rules.acknowledge import STALE, Groups, apply_acknowledgments
from raci.rules.facts import Facts
from raci.rules.registry import Scope, active_rules, run_matrix_rules, run_rules_on, run_team_rules, without_superseded


def check(team: Team) -> Report:
    """Every finding for ``team``, acknowledgments applied, most severe first."""
    with paused_collector():
        return _Evaluation(team).report()


class Checker:
    """Keeps a team's report current; call :meth:`report` after each edit, :meth:`close` when done."""

    def __init__(self, team: Team) -> None:
        self._team = team
        self._evaluation: _Evaluation | None = None
        self._rows: set[str] = set()
        self._people: set[str] = set()
        self._report: Report | None = None
        self._unsubscribe = team.subscribe(self._on_event)

    def report(self) -> Report:
        """The current report, re-checking only what changed since the last call."""
        if self._evaluation is None:
            with paused_collector():
                self._evaluation = _Evaluation(self._team)
        elif self._rows or self._people:
            self._evaluation.update(self._rows, self._people)
        self._rows, self._people = set(), set()
        if self._report is None:
            self._report = self._evaluation.report()
        return self._report

    def kind_counts(self, person_ids: Iterable[str]) -> dict[str, tuple[int, ...]]:
        """How many cells of each kind each person holds, in Kind order (an A/R is one owner's and one doer's).

        From the checks' tallies, brought up to date first.
        """
        self.report()
        assert self._evaluation is not None
        return self._evaluation.facts.kind_counts(person_ids)

    def close(self) -> None:
        """Stop following the team's edits."""
        self._unsubscribe()

    def __enter__(self) -> Checker:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def _on_event(self, event: TeamEvent) -> None:
        if event.phase is Phase.BEFORE or event.change is Change.TEAM:
            return  # nothing has changed yet; a team's name is in no finding
        self._report = None
        if event.change is Change.CELLS:
            for row_id, person_id in event.cells:
                self._rows.add(row_id)
                self._people.add(person_id)
        elif event.change is not Change.ACKNOWLEDGMENTS:
            # Structure, names, tags, profile, settings or letters: any finding's text may change.
            self._evaluation = None
            self._rows, self._people = set(), set()


class _Evaluation:
    """The findings of one team, cached by row, by person and for the team.

    ``groups`` keeps each row or person rule's findings sorted by message
    (ties in row or column order, as a full sort gives them), so a report
    after one edit moves a few findings instead of sorting thousands.
    """

    def __init__(self, team: Team) -> None:
        self.team = team
        self.facts = Facts(team)
        self.row_rules = active_rules(team, Scope.ROW)
        self.person_rules = active_rules(team, Scope.PERSON)
        self.team_rules = active_rules(team, Scope.TEAM)
        self.matrix_rules = active_rules(team, Scope.MATRIX)
        self.by_row = {row.id: run_rules_on(self.row_rules, self.facts, row.id) for row in team.responsibilities}
        self.shared = self.facts.shared_state()
        self.by_person = {person.id: run_rules_on(self.person_rules, self.facts, person.id)
                          for person in team.people}
        self.for_team: Groups | None = None
        self.groups: Groups = {}
        self.unsorted = {rule.id for rule, _ in (*self.row_rules, *self.person_rules)}

    def update(self, row_ids: Collection[str], person_ids: Collection[str]) -> None:
        """Re-count and re-check the rows and people an edit touched."""
        self.facts.refresh(row_ids, person_ids)
        for row_id in row_ids:
            self._replace(self.by_row, row_id, run_rules_on(self.row_rules, self.facts, row_id))
            if row_id in self.facts.marks:
                self.for_team = None  # team rules read only rows with watched tags (see registry)
        shared = self.facts.shared_state()
        if shared != self.shared:
            self.shared, person_ids = shared, list(self.by_person)
        for person_id in person_ids:
            self._replace(self.by_person, person_id, run_rules_on(self.person_rules, self.facts, person_id))

    def _replace(self, cache: dict[str, list[Finding]], key: str, found: list[Finding]) -> None:
        """Put a row's or person's new findings in the cache and in their rules' sorted groups."""
        old = {finding.rule: finding for finding in cache[key]}
        new = {finding.rule: finding for finding in found}
        for rule_id in old.keys() | new.keys():
            group = self.groups.get(rule_id)
            if rule_id in self.unsorted or group is None or not _move(group, old.get(rule_id), new.get(rule_id)):
                self.unsorted.add(rule_id)
        cache[key] = found

    def _regroup(self) -> None:
        """Sort again the groups of the rules whose findings changed, in one pass over the findings."""
        fresh: Groups = {rule_id: [] for rule_id in self.unsorted}
        for found in (*self.by_row.values(), *self.by_person.values()):
            for finding in found:
                if finding.rule in fresh:
                    fresh[finding.rule].append(finding)
        for rule_id, findings in fresh.items():
            self.groups[rule_id] = _by_message(findings)
        self.unsorted = set()

    def report(self) -> Report:
        """Every finding, acknowledgments applied, in Report.of's order (severity, rule, message)."""
        opening = run_matrix_rules(self.matrix_rules, self.facts)
        if opening:  # nothing filled in yet: one finding says so, instead of one per row
            groups = apply_acknowledgments(_grouped(opening), self.team)
        else:
            groups = apply_acknowledgments(without_superseded(self._groups()), self.team)
        if STALE in groups:
            groups[STALE] = _by_message(groups[STALE])
        return Report(tuple(_by_severity(groups)))

    def _groups(self) -> Groups:
        """The findings of every row, person and team rule, by rule."""
        if self.unsorted:
            self._regroup()
        if self.for_team is None:
            self.for_team = _grouped(run_team_rules(self.team_rules, self.facts))
        return {**self.groups, **self.for_team}


def _move(group: list[Finding], old: Finding | None, new: Finding | None) -> bool:
    """Swap one finding for another in a group sorted by message; False if the group must be sorted again.

    A new message equal to one already there gives up: among equal messages
    the order is row (or column) order, which the group does not record.
    """
    if old is not None:
        position = bisect_left(group, old.message, key=_message)
        while group[position] is not old:  # past any equal messages, to this very finding
            position += 1
        del group[position]
    if new is not None:
        position = bisect_left(group, new.message, key=_message)
        if position < len(group) and group[position].message == new.message:
            return False
        group.insert(position, new)
    return True


def _by_severity(groups: Groups) -> list[Finding]:
    """The groups' findings most severe first, then by rule id, each group in its own order."""
    ordered: dict[Severity, list[Finding]] = {severity: [] for severity in Severity}
    for rule_id in sorted(groups):
        group = groups[rule_id]
        if not group:
            continue
        first = group[0].severity
        if all(map(is_, map(_severity, group), repeat(first))):  # the usual case, checked in C
            ordered[first] += group
        else:  # a rule may give its findings different severities
            for finding in group:
                ordered[finding.severity].append(finding)
    return [finding for severity in Severity for finding in ordered[severity]]


def _grouped(findings: Iterable[Finding]) -> Groups:
    groups: Groups = {}
    for finding in findings:
        groups.setdefault(finding.rule, []).append(finding)
    return {rule_id: _by_message(found) for rule_id, found in groups.items()}


def _by_message(findings: Iterable[Finding]) -> list[Finding]:
    # Stable, and findings always arrive in row, then person order, so the
    # same team always gives the same order.
    return sorted(findings, key=_message)


_message = attrgetter("message")
_severity = attrgetter("severity")
