"""Findings as data: what the checks report, for the window, the CLI and the exports to present.

A :class:`Finding` is a frozen record; a :class:`Report` is the list of them
for one team with counts by severity. Nothing here decides what is wrong
(that is :mod:`raci.rules`) or how it looks (that is each face's job).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any, NamedTuple

from raci.model import Acknowledgment, CellKey
from raci.phrases import plural

RACI_PRACTICE = "RACI practice"  # the citation of the hygiene rules, which no article states


class Severity(str, Enum):
    """How much a finding matters; ``--fail-on`` compares by :attr:`rank`."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @property
    def label(self) -> str:
        """The word a person reads: Error, Warning, Note."""
        return _LABELS[self]

    @property
    def heading(self) -> str:
        """A group's heading: Errors, Warnings, Notes."""
        return f"{self.label}s"

    def counted(self, number: int) -> str:
        """``"1 error"``, ``"2 warnings"``, ``"0 notes"``."""
        return plural(number, self.label.lower())


_RANKS = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}
_LABELS = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Note"}


class Finding(NamedTuple):
    """One thing a check found in a team.

    ``message`` is one sentence naming the people and responsibilities by
    name; ``explanation`` says why it matters in plain words; ``citation``
    holds article ids from the catalog's sources, or :data:`RACI_PRACTICE`.
    ``responsibilities``, ``people`` and ``cells`` hold ids, so a face can
    select what the finding points at.

    A named tuple, immutable like a frozen dataclass and four times quicker
    to build: a full check of a dense team makes thousands. Two findings are
    equal when they say the same about the same things, acknowledged or not.
    """

    rule: str
    severity: Severity
    message: str
    explanation: str
    citation: tuple[str, ...]
    responsibilities: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    cells: tuple[CellKey, ...] = ()
    fix: str = ""
    acknowledgment: Acknowledgment | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self[:_COMPARED] == other[:_COMPARED]

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash(self[:_COMPARED])

    @property
    def key(self) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """What the finding points at, as an :class:`Acknowledgment` records it."""
        return (self.rule, tuple(sorted(self.responsibilities)), tuple(sorted(self.people)))

    @property
    def acknowledged(self) -> bool:
        return self.acknowledgment is not None

    def acknowledged_by(self, acknowledgment: Acknowledgment) -> Finding:
        return self._replace(acknowledgment=acknowledgment)

    def to_dict(self) -> dict[str, Any]:
        """The finding as ``raci check --format json`` writes it (see resources/check-output.schema.json)."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "explanation": self.explanation,
            "citation": list(self.citation),
            "responsibilities": list(self.responsibilities),
            "people": list(self.people),
            "cells": [{"responsibility": rid, "person": pid} for rid, pid in self.cells],
            "fix": self.fix,
            "acknowledged": self.acknowledgment is not None,
            "acknowledgment_reason": self.acknowledgment.reason if self.acknowledgment else None,
        }


_COMPARED = len(Finding._fields) - 1  # every field but the acknowledgment


@dataclass(frozen=True)
class Report:
    """Every finding for one team, most severe first."""

    findings: tuple[Finding, ...] = ()

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Report:
        ordered = sorted(findings, key=lambda f: (-f.severity.rank, f.rule, f.message))
        return cls(tuple(ordered))

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    @property
    def open_findings(self) -> tuple[Finding, ...]:
        """The findings nobody has acknowledged."""
        return tuple(f for f in self.findings if not f.acknowledged)

    def count(self, severity: Severity) -> int:
        """Open (unacknowledged) findings of one severity."""
        return sum(1 for f in self.open_findings if f.severity is severity)

    def by_severity(self) -> dict[Severity, list[Finding]]:
        groups: dict[Severity, list[Finding]] = {severity: [] for severity in Severity}
        for finding in self.findings:
            groups[finding.severity].append(finding)
        return groups

    def at_or_above(self, severity: Severity) -> tuple[Finding, ...]:
        """Open findings that count towards ``--fail-on severity``."""
        return tuple(f for f in self.open_findings if f.severity.rank >= severity.rank)

    def summary(self) -> str:
        """``"1 error, 2 warnings, 0 notes"`` (open findings), plus acknowledged ones if any."""
        parts = []
        for severity in Severity:
            parts.append(severity.counted(self.count(severity)))
        acknowledged = len(self.findings) - len(self.open_findings)
        if acknowledged:
            parts.append(f"{acknowledged} acknowledged")
        return ", ".join(parts)
