"""A count with its noun, written one way everywhere: ``plural(1, "row")`` is "1 row", ``plural(3, "row")`` "3 rows".

The rules' messages, the command line, the exports and the window all
count through it, so "1 rows" or "2 person" cannot creep into one of them.
"""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """``"1 row"``, ``"3 rows"``, ``"1,200 people"`` (``many`` for a plural that is not ``word`` + s)."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"
