"""Which cells, rows and people the open findings name, for the grid's markers and tooltips.

Qt-free on purpose: it follows the report after every edit and only maps
ids to severities and findings. Following costs what the report changed:
the checker hands back the very same finding objects for everything an
edit did not touch, so the findings that came and went are found by
identity (in C), and only the keys they name are looked at again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress
from operator import attrgetter, is_, ne, not_
from typing import Any

from raci.findings import Finding, Report, Severity

KINDS = ("cell", "row", "person")
_SEVERITIES = tuple(Severity)  # most severe first
_NAMED = {"cell": attrgetter("cells"), "row": attrgetter("responsibilities"), "person": attrgetter("people")}
_acknowledgment = attrgetter("acknowledgment")
_severity, _rule = attrgetter("severity"), attrgetter("rule")
_rows, _people = attrgetter("responsibilities"), attrgetter("people")
_COLUMN = {severity: column for column, severity in enumerate(_SEVERITIES)}
Slot = Any  # (rule, rows, people) of a finding, or (that, id) for a second finding about the same things


class Markers:
    """What the open findings of a report name: per cell, row and person, the worst severity and the findings.

    :meth:`follow` moves it from one report to the next and says which
    keys' markers changed; the tooltip text is only put together when asked
    for. ``kinds`` limits what it keeps (the workload panel needs people only).

    A finding is filed under its slot, what it is about (its rule, rows and
    people), so the next report's finding about the same things takes its
    place and only the keys one names and the other does not are looked
    at: a typed letter changes the finding that names every cell of the
    backlog rows, not the markers of those cells.
    """

    _NOTES_SHOWN = 8  # a person named by hundreds of findings gets a readable tooltip

    def __init__(self, kinds: Sequence[str] = KINDS) -> None:
        self.kinds = tuple(kinds)
        self._clear()

    def _clear(self) -> None:
        self._open: dict[int, Finding] = {}  # the open findings followed, by id (held, so ids stay unique)
        self._slot_of: dict[int, Slot] = {}  # id of an open finding -> its slot
        self._finding: dict[Slot, Finding] = {}  # slot -> the open finding filed there
        # kind -> key -> {slot: severity column (0 is the worst)} of the open findings naming that key
        self._named: dict[str, dict[Any, dict[Slot, int]]] = {kind: {} for kind in self.kinds}
        self._severity: dict[str, dict[Any, Severity]] = {kind: {} for kind in self.kinds}

    @classmethod
    def from_report(cls, report: Report, kinds: Sequence[str] = KINDS) -> Markers:
        markers = cls(kinds)
        markers.follow(report)
        return markers

    def follow(self, report: Report) -> dict[str, set[Any]]:
        """Move to ``report``; returns, per kind, the keys whose marker (its severity, or its presence) changed.

        The passes over whole lists run in C (``map``, ``compress``, set
        operations): after a full re-check every finding is a new object.
        """
        findings = report.findings
        open_findings = list(compress(findings, map(not_, map(_acknowledgment, findings))))
        now = dict(zip(map(id, open_findings), open_findings, strict=True))
        gone_ids, came_ids = list(self._open.keys() - now.keys()), list(now.keys() - self._open.keys())
        gone_slots = list(map(self._slot_of.pop, gone_ids))
        gone = dict(zip(gone_slots, map(self._open.__getitem__, gone_ids), strict=True))
        for slot in gone_slots:
            del self._finding[slot]
        came = self._file(list(map(now.__getitem__, came_ids)))
        self._open = now
        if len(gone.keys() ^ came.keys()) > len(self._finding) + len(came):
            # Mostly findings about other things (Delete on everything, or its undo): naming
            # the new ones from scratch is quicker than unnaming the old ones one by one.
            self._finding.update(came)
            return self._rebuild()
        touched: dict[str, set[Any]] = {kind: set() for kind in self.kinds}
        slots = list(gone.keys() & came.keys())
        olds, news = list(map(gone.pop, slots)), list(map(came.pop, slots))
        alike = list(map(is_, map(_severity, olds), map(_severity, news)))
        self._replace(list(compress(slots, alike)), list(compress(olds, alike)), list(compress(news, alike)), touched)
        for slot, old, new, same in zip(slots, olds, news, alike, strict=True):
            if not same:  # about the same things at another severity: unnamed here, named below
                gone[slot], came[slot] = old, new
        for slot, old in gone.items():
            for kind in self.kinds:
                touched[kind] |= self._unname(kind, slot, _NAMED[kind](old))
        for slot, new in came.items():
            self._finding[slot] = new
            for kind in self.kinds:
                touched[kind] |= self._name(kind, slot, new.severity, _NAMED[kind](new))
        return {kind: self._settle(kind, keys) for kind, keys in touched.items()}

    def _replace(self, slots: list[Slot], olds: list[Finding], news: list[Finding],
                 touched: dict[str, set[Any]]) -> None:
        """File each new finding where its old one was (the same things, the same severity).

        Only what one names and the other does not is named or unnamed:
        a typed letter rewrites the finding that names every cell of a
        backlog row, but the cells stay marked as they were.
        """
        self._finding.update(zip(slots, news, strict=True))
        for kind in self.kinds:
            keys_of = _NAMED[kind]
            differ = list(map(ne, map(keys_of, olds), map(keys_of, news)))
            for slot, old, new in compress(zip(slots, olds, news, strict=True), differ):
                was, named = set(keys_of(old)), set(keys_of(new))
                touched[kind] |= self._unname(kind, slot, was - named)
                touched[kind] |= self._name(kind, slot, new.severity, named - was)

    def _rebuild(self) -> dict[str, set[Any]]:
        """Name every filed finding again; returns the keys whose severity differs from before."""
        changed = {}
        for kind in self.kinds:
            keys_of = _NAMED[kind]
            named: dict[Any, dict[Slot, int]] = {}
            named_get = named.get
            for slot, finding in self._finding.items():  # the tightest loop here: tens of thousands of cells
                column = _COLUMN[finding.severity]
                for key in keys_of(finding):
                    slots = named_get(key)
                    if slots is None:
                        named[key] = {slot: column}
                    else:
                        slots[slot] = column
            before = self._severity[kind]
            severities = {key: _SEVERITIES[min(slots.values())] for key, slots in named.items()}
            changed[kind] = severities.keys() ^ before.keys()  # marked before or now, not both
            changed[kind].update(key for key in severities.keys() & before.keys() if severities[key] is not before[key])
            self._named[kind], self._severity[kind] = named, severities
        return changed

    def _file(self, findings: list[Finding]) -> dict[Slot, Finding]:
        """Give each new open finding its slot; a second finding about the same things gets one of its own."""
        slots: list[Slot] = list(zip(map(_rule, findings), map(_rows, findings), map(_people, findings), strict=True))
        filed = dict(zip(slots, findings, strict=True))
        if len(filed) < len(findings) or not filed.keys().isdisjoint(self._finding):
            filed = {}
            for position, (slot, finding) in enumerate(zip(slots, findings, strict=True)):
                if slot in filed or slot in self._finding:
                    slots[position] = slot = (slot, id(finding))
                filed[slot] = finding
        self._slot_of.update(zip(map(id, findings), slots, strict=True))
        return filed

    def _name(self, kind: str, slot: Slot, severity: Severity, keys: Iterable[Any]) -> set[Any]:
        named, column = self._named[kind], _COLUMN[severity]
        touched = set(keys)
        for key in touched:
            slots = named.get(key)
            if slots is None:
                named[key] = {slot: column}
            else:
                slots[slot] = column
        return touched

    def _unname(self, kind: str, slot: Slot, keys: Iterable[Any]) -> set[Any]:
        named = self._named[kind]
        touched = set(keys)
        for key in touched:
            slots = named[key]
            del slots[slot]
            if not slots:
                del named[key]
        return touched

    def _settle(self, kind: str, keys: set[Any]) -> set[Any]:
        """Work out the worst severity of ``keys`` again; returns those whose severity changed."""
        named, severities, changed = self._named[kind], self._severity[kind], set()
        for key in keys:
            slots = named.get(key)
            worst = _SEVERITIES[min(slots.values())] if slots else None
            if worst is not severities.get(key):
                changed.add(key)
                if worst is None:
                    del severities[key]
                else:
                    severities[key] = worst
        return changed

    def severity(self, kind: str, key: Any) -> Severity | None:
        """The worst severity among the findings naming ``key`` (a cell key or an id)."""
        return self._severity[kind].get(key)

    def findings(self, kind: str, key: Any) -> list[Finding]:
        """The open findings naming ``key``, most severe first, then by rule and message as a report lists them."""
        slots = self._named[kind].get(key, ())
        return sorted((self._finding[slot] for slot in slots), key=_report_order)

    def messages(self, kind: str, key: Any) -> list[str]:
        """The findings' messages as "Error: ..." lines, once each, most severe first."""
        return list(dict.fromkeys(f"{finding.severity.label}: {finding.message}"
                                  for finding in self.findings(kind, key)))

    def notes(self, kind: str, key: Any) -> str:
        """The findings' messages as tooltip lines, after a blank line; empty when none."""
        lines = self.messages(kind, key)
        if not lines:
            return ""
        hidden = len(lines) - self._NOTES_SHOWN
        shown = lines[: self._NOTES_SHOWN] + ([f"... and {hidden} more in the findings list"] if hidden > 0 else [])
        return "\n\n" + "\n".join(shown)


def _report_order(finding: Finding) -> tuple[int, str, str]:
    return (-finding.severity.rank, finding.rule, finding.message)
