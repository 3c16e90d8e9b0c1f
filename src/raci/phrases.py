"""Counts and lists in a sentence, written one way everywhere.

``plural(3, "row")`` is "3 rows"; ``joined(["R", "A", "C"], "or")`` is
"R, A or C". The rules' messages, the command line, the exports, the import
and the window all write through these, so "1 rows" or a list without its
"and" cannot creep into one of them.
"""

from __future__ import annotations

from collections.abc import Sequence


def plural(count: int, word: str, many: str | None = None) -> str:
    """``"1 row"``, ``"3 rows"``, ``"1,200 people"`` (``many`` for a plural that is not ``word`` + s)."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def joined(items: Sequence[str], word: str = "and") -> str:
    """``"a"``, ``"a and b"``, ``"a, b and c"`` (``word`` ``"or"``: ``"a, b or c"``); ``""`` for none."""
    if len(items) < 2:
        return items[0] if items else ""
    return f"{', '.join(items[:-1])} {word} {items[-1]}"
