"""JSON read strictly, so that whatever loads can be written back as it was.

Python's :func:`json.loads` is lenient where a team file must not be: it
reads ``NaN`` and ``Infinity`` (which JSON does not have and which
``json.dumps`` would write back as invalid JSON), turns ``1e999`` into an
infinity, raises a bare ``ValueError`` for an integer over 4,300 digits,
and accepts a lone ``\\ud800`` escape, a string no UTF-8 file can hold. It
also lets a repeated key silently win. Here each of these is refused with
the place it sits at (a path of keys and positions), so the caller can name
it in its sentence. The checks cost nothing on a clean file: the number
hooks only see numbers, and the document is walked only when a fault was
seen or the text holds a surrogate escape at all.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any

from raci.errors import shown

Place = tuple[str | int, ...]
MAX_DIGITS = 18  # a whole number longer than this means nothing in a team file (and 4,301 digits crash the parser)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class DuplicateKey(ValueError):
    """An object names the same key twice."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class Refused(ValueError):
    """A value JSON or UTF-8 cannot carry faithfully, and where it is."""

    def __init__(self, place: Place, fault: str) -> None:
        super().__init__(fault)
        self.place = place
        self.fault = fault


class _Marker:
    """Stands in the parsed document where a refused value was, so a walk can find its place."""

    __slots__ = ("fault",)

    def __init__(self, fault: str) -> None:
        self.fault = fault


def loads(text: str) -> Any:
    """Parse ``text``; raises :class:`json.JSONDecodeError`, :class:`DuplicateKey` or :class:`Refused`."""
    document = _parse(text)
    if _SURROGATE_ESCAPE.search(text):
        place = find(document, has_lone_surrogate)
        if place is not None:
            raise Refused(place, "the text holds half of a UTF-16 surrogate pair (written \\ud800 to \\udfff), "
                                 "which is not a character")
    return document


def loads_repairing(text: str) -> tuple[Any, list[Place]]:
    """Like :func:`loads`, but a lone surrogate becomes U+FFFD; returns the document and the places repaired."""
    document = _parse(text)
    repaired: list[Place] = []
    if _SURROGATE_ESCAPE.search(text):
        while (place := find(document, has_lone_surrogate)) is not None:
            document = _replace_at(document, place)
            repaired.append(place)
    return document, repaired


def has_lone_surrogate(value: Any) -> bool:
    return isinstance(value, str) and _LONE_SURROGATE.search(value) is not None and not _encodes(value)


def repair(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (a valid pair becomes its character)."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parse(text: str) -> Any:
    refused: list[_Marker] = []

    def refuse(fault: str) -> _Marker:
        marker = _Marker(fault)
        refused.append(marker)
        return marker

    def whole(digits: str) -> int | _Marker:
        count = len(digits.lstrip("-"))
        if count > MAX_DIGITS:
            return refuse(f"the number {shown(digits, 12)} has {count} digits, far more than any value here can use")
        return int(digits)

    def number(digits: str) -> float | _Marker:
        value = float(digits)
        if not math.isfinite(value):
            return refuse(f"the number {shown(digits, 12)} is too large to hold")
        return value

    def constant(name: str) -> _Marker:
        return refuse(f"{name} is not a number JSON allows")

    document = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_int=whole, parse_float=number,
                          parse_constant=constant)
    if refused:
        first = refused[0]
        place = find(document, lambda value: value is first)
        raise Refused(place or (), first.fault)
    return document


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKey(key)
            seen.add(key)
    return result


def find(document: Any, wanted: Callable[[Any], bool]) -> Place | None:
    """The place of the first value (or key) ``wanted`` accepts, depth first in document order; ``None`` if none.

    Iterative, so a deeply nested document cannot exhaust the stack.
    """
    stack: list[tuple[Place, Any]] = [((), document)]
    while stack:
        place, value = stack.pop()
        if wanted(value):
            return place
        if isinstance(value, dict):
            children = []
            for key, item in value.items():
                if wanted(key):
                    return (*place, key)
                children.append(((*place, key), item))
            stack.extend(reversed(children))
        elif isinstance(value, list):
            stack.extend(((*place, index), item) for index, item in reversed(list(enumerate(value))))
    return None


def _replace_at(document: Any, place: Place) -> Any:
    """``document`` with the string at ``place`` (or the key ending it) repaired."""
    if not place:
        return repair(document) if isinstance(document, str) else document
    parent: Any = document
    for step in place[:-1]:
        parent = parent[step]
    last = place[-1]
    if isinstance(parent, dict) and has_lone_surrogate(last):
        parent[repair(last)] = parent.pop(last)  # type: ignore[arg-type]
    else:
        parent[last] = repair(parent[last])
    return document
