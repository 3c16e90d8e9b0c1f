"""Reading a RACI letter out of a spreadsheet cell, however it was typed.

Cells arrive in any case, with stray spaces, as the usual spellings of the
combined letter (``A/R``, ``R/A``, ``AR``, ``A,R``), in full-width forms
from East Asian keyboards, or in Cyrillic and Greek letters that look like
the Latin ones (pasted from a document written in another alphabet). NFKC
folds the full-width forms; a small map folds the look-alikes.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from raci.errors import TeamEditError
from raci.errors import shown as escaped
from raci.model import Letter, parse_letter

# Cyrillic and Greek letters a RACI cell may hold instead of Latin ones.
# Cyrillic Р and Greek Ρ are those alphabets' R (though they look like P),
# and P is no RACI letter, so reading them as R loses nothing.
_LOOK_ALIKES = str.maketrans({
    "А": "A", "а": "a", "В": "B", "в": "b", "С": "C", "с": "c", "Е": "E", "е": "e",
    "Н": "H", "н": "h", "І": "I", "і": "i", "Ӏ": "I", "ӏ": "i", "Р": "R", "р": "r",
    "Α": "A", "α": "a", "Ρ": "R", "ρ": "r", "Ι": "I", "ι": "i", "Ϲ": "C", "ϲ": "c",
    "\u2215": "/", "\u2044": "/",  # division slash, fraction slash
})
_PLAIN = {letter.value: letter for letter in Letter}
# Three letters or digits: no spelling of a RACI letter has that many (NFKC never merges two into one),
# so such text is refused before the costly normalising; most unreadable cells are words.
_THREE_ALNUM = re.compile(r"[^\W_].*?[^\W_].*?[^\W_]", re.DOTALL)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


class Unreadable(ValueError):
    """A cell holds something that is not a RACI letter."""


def normalise(text: str) -> str:
    """``text`` with full-width forms, look-alike letters and invisible characters folded away."""
    return unicodedata.normalize("NFKC", text).translate(_LOOK_ALIKES).translate(_INVISIBLE).strip()


def read_letter(value: Any) -> Letter | None:
    """The letter a cell holds, ``None`` for blank; raises :class:`Unreadable` for anything else."""
    if value is None:
        return None
    plain = _PLAIN.get(value) if isinstance(value, str) else None
    if plain is not None:
        return plain  # the common case, 30 times faster than the full path
    if not isinstance(value, str) or _THREE_ALNUM.search(value):
        raise Unreadable(value)
    try:
        return parse_letter(normalise(value))
    except TeamEditError:
        raise Unreadable(value) from None


def is_letter(value: Any) -> bool:
    """Whether a cell holds a readable, non-blank letter."""
    try:
        return read_letter(value) is not None
    except Unreadable:
        return False


def shown(value: Any, limit: int = 40) -> str:
    """A cell's value as a warning quotes it: one line, spaces collapsed, control characters visible."""
    text = value if isinstance(value, str) else str(value)
    return escaped(" ".join(text.split()), limit)
