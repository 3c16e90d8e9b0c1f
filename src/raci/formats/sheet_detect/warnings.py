"""Import warnings, grouped by kind: one sentence each, with a count and the first addresses.

A sheet with 1,429 "N" cells gets one warning, not 1,429: "'N' in 1,429
cells read as not involved: B2, B3, B4, B5, B6, ...". Each warning is a
frozen :class:`ImportWarning` (its kind, how many cells or rows, the
first addresses, the sentence), so the command line prints the sentence
and a preview dialog can list or select the addresses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from raci.letters.text import shown
from raci.phrases import joined, plural

FIRST = 5  # addresses a warning names before "..."


class WarningKind(str, Enum):
    """What a warning is about; the kinds are listed in the order warnings are given."""

    NO_TITLE = "no-title"  # letters in a row without a title: the row is skipped
    SKIPPED_ROW = "skipped-row"
    SKIPPED_COLUMN = "skipped-column"
    UNREADABLE = "unreadable"  # a cell that is no letter of the sheet's set: left blank
    OTHER_SET = "other-set"  # a letter of another built-in set: left blank
    UNNAMED_PERSON = "unnamed-person"
    SAME_NAME = "same-name"
    HEADER_ROW = "header-row"  # a second header row not kept as titles
    SHORTENED = "shortened"
    NOT_INVOLVED = "not-involved"  # explicit marks: not an error, said once


@dataclass(frozen=True, slots=True)
class ImportWarning:
    """One grouped warning."""

    kind: WarningKind
    count: int
    addresses: tuple[str, ...]
    sentence: str

    def __str__(self) -> str:
        return self.sentence


@dataclass(slots=True)
class _Group:
    count: int = 0
    addresses: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    values: dict[str, None] = field(default_factory=dict)  # the first few distinct values, in order


class WarningLog:
    """Collects findings as they come and gives them back grouped (see :meth:`warnings`)."""

    def __init__(self, address: Callable[[int, int], str]) -> None:
        self._address = address
        self._groups: dict[tuple[WarningKind, str], _Group] = {}

    def add(self, kind: WarningKind, row: int, column: int, key: str = "", detail: str = "") -> None:
        """Count one finding at a cell; ``key`` splits a kind into separate warnings, ``detail`` is quoted."""
        group = self._groups.get((kind, key))
        if group is None:
            group = self._groups[(kind, key)] = _Group()
        group.count += 1
        if len(group.addresses) < FIRST:
            group.addresses.append(self._address(row, column))
            group.details.append(detail)
        if len(group.values) < FIRST:
            group.values[detail] = None

    def warnings(self) -> tuple[ImportWarning, ...]:
        order = list(WarningKind)
        found = sorted(self._groups.items(), key=lambda item: (order.index(item[0][0]), item[0][1]))
        return tuple(ImportWarning(kind, group.count, tuple(group.addresses), _ended(_sentence(kind, key, group)))
                     for (kind, key), group in found)


def places(group: _Group, quote: bool = False) -> str:
    """``"B2, B3, B4, ..."``, quoting each cell's text when asked: ``"B2 'X?', ..."``."""
    named = [f"{where} '{shown(detail)}'" if quote and detail else where
             for where, detail in zip(group.addresses, group.details, strict=True)]
    return ", ".join(named) + (", ..." if group.count > len(named) else "")


def _ended(sentence: str) -> str:
    """A sentence whose list of places ends in "..." takes no second full stop."""
    return sentence[:-1] if sentence.endswith("....") else sentence


def said_of_several(phrase: str) -> str:
    """A phrase said of one thing, said of several: "holds numbers" -> "hold numbers"."""
    verb, _, rest = phrase.partition(" ")
    verb = {"is": "are", "has": "have", "was": "were"}.get(verb, verb[:-1] if verb.endswith("s") else verb)
    return f"{verb} {rest}".strip()


def _cells(count: int, noun: str = "cell") -> str:
    return plural(count, noun)


def _sentence(kind: WarningKind, key: str, group: _Group) -> str:
    count, where = group.count, places(group)
    if kind is WarningKind.NOT_INVOLVED:
        marks = [f"'{shown(value)}'" for value in group.values]
        listed = joined(marks)
        return f"{listed} in {_cells(count)} read as not involved: {where}."
    if kind is WarningKind.UNREADABLE:
        left = "was" if count == 1 else "were"
        return f"{_cells(count)} could not be read as {key} letters and {left} left blank: {places(group, True)}."
    if kind is WarningKind.OTHER_SET:
        return f"{key} It is in {_cells(count)}, left blank: {where}."
    if kind is WarningKind.SKIPPED_COLUMN:  # details name the columns: "column E 'Week'"
        if count == 1:
            return f"{group.details[0][:1].upper()}{group.details[0][1:]} {key}: skipped."
        more = ", ..." if count > len(group.details) else ""
        return f"{count:,} columns {said_of_several(key)} and were skipped: {', '.join(group.details)}{more}."
    if kind is WarningKind.SKIPPED_ROW:
        return f"{_cells(count, 'row')} {key} {'was' if count == 1 else 'were'} skipped: {places(group, True)}."
    if kind is WarningKind.NO_TITLE:
        return f"{_cells(count, 'row')} with letters but no responsibility title, skipped: {where}."
    if kind is WarningKind.UNNAMED_PERSON:
        return f"{_cells(count, 'column')} with letters but no name, read as 'Person in column ...': {where}."
    if kind is WarningKind.SAME_NAME:
        return f"{_cells(count, 'column')} named '{key}', kept as different people: {where}."
    if kind is WarningKind.HEADER_ROW:
        return f"{key}, read as a header row describing the people and not kept: {places(group, True)}."
    return f"{_cells(count, 'text')} over the team file's length limits {key}, shortened: {where}."
