"""What a letter means to the checks: its kind, and kinds as bits of one byte.

Every letter of every set has one :class:`Kind`. A cell's kinds are a bit
mask (one bit per kind, 0 for a blank cell), which fits in one byte, so a
row of cells becomes ``bytes`` with one byte per person. The rules then
count with :func:`kind_table` and two C calls per row::

    owners = codes.translate(kind_table(Kind.OWNS)).count(1)

Bits follow the declaration order of :class:`Kind`, which is also the
order letters take inside a cell (``A/R``: the owner first).
"""

from __future__ import annotations

import functools
from enum import Enum


class Kind(str, Enum):
    """What holding a letter says about a person's part in a responsibility."""

    OWNS = "owns"  # owns the outcome: RACI's A, DACI's Approver
    DOES = "does"  # does the work: RACI's R, DACI's Driver
    HELPS = "helps"  # helps those who do it: RASCI's S
    ASKED = "asked"  # is asked before, two-way: RACI's C, DACI's Contributor
    TOLD = "told"  # is told after, one-way: RACI's I
    NOT_INVOLVED = "not-involved"  # deliberately left out: CAIRO's O

    # Enum's own __hash__ runs in Python; the str one is C and agrees with
    # str equality, which this mixin already uses.
    __hash__ = str.__hash__

    @property
    def bit(self) -> int:
        """This kind's bit in a cell's mask."""
        return _BITS[self]

    @property
    def phrase(self) -> str:
        """What the kind means, as the letter-set editor lists it: ``"owns the outcome"``."""
        return _PHRASES[self]


_BITS = {kind: 1 << position for position, kind in enumerate(Kind)}
_PHRASES = {
    Kind.OWNS: "owns the outcome",
    Kind.DOES: "does the work",
    Kind.HELPS: "helps",
    Kind.ASKED: "is asked",
    Kind.TOLD: "is told",
    Kind.NOT_INVOLVED: "not involved",
}
KIND_ORDER = {kind: position for position, kind in enumerate(Kind)}
# Every kind that puts a person in the picture; a cell holding only these
# bits' complement (a CAIRO "O") says the person is deliberately out of it.
INVOLVED = tuple(kind for kind in Kind if kind is not Kind.NOT_INVOLVED)


def mask(*kinds: Kind) -> int:
    """The bit mask of the given kinds."""
    bits = 0
    for kind in kinds:
        bits |= _BITS[kind]
    return bits


def kinds_in(bits: int) -> tuple[Kind, ...]:
    """The kinds a mask holds, in kind order."""
    return tuple(kind for kind in Kind if bits & _BITS[kind])


@functools.cache
def kind_table(*kinds: Kind) -> bytes:
    """A ``bytes.translate`` table: 1 for every mask holding any of ``kinds``, 0 for the others.

    ``codes.translate(kind_table(Kind.OWNS)).count(1)`` counts a row's
    owners; the same table picks their names out with ``itertools.compress``.
    """
    wanted = mask(*kinds)
    return bytes(1 if code & wanted else 0 for code in range(256))
