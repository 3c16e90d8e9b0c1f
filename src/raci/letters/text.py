"""Folding what people write into the one spelling letters and words are looked up by.

Cells arrive in any case, with stray or invisible spaces, in full-width
forms from East Asian keyboards, with accents or without (``Consulté``,
``Consulte``), or in Cyrillic and Greek letters that look like the Latin
ones (pasted from a document written in another alphabet). NFKC folds the
full-width forms, a small map the look-alikes, NFKD and dropping the
combining marks the accents; case folds last.
"""

from __future__ import annotations

import unicodedata

# Cyrillic and Greek letters a cell may hold instead of Latin ones.
# Cyrillic Р and Greek Ρ are those alphabets' R (though they look like P),
# and P is no letter of a built-in set, so reading them as R loses nothing.
_LOOK_ALIKES = str.maketrans({
    "А": "A", "а": "a", "В": "B", "в": "b", "С": "C", "с": "c", "Е": "E", "е": "e",
    "Н": "H", "н": "h", "І": "I", "і": "i", "Ӏ": "I", "ӏ": "i", "Р": "R", "р": "r",
    "О": "O", "о": "o", "Ѕ": "S", "ѕ": "s", "Ԁ": "D",
    "Α": "A", "α": "a", "Ρ": "R", "ρ": "r", "Ι": "I", "ι": "i", "Ϲ": "C", "ϲ": "c",
    "Ο": "O", "ο": "o",
    "\u2215": "/", "\u2044": "/",  # division slash, fraction slash
})
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))  # zero-width, BOM, soft hyphen
SHOWN_LIMIT = 40


def fold(text: str) -> str:
    """``text`` as it is looked up: look-alikes, width, accents, case and spacing folded away."""
    text = unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).translate(_LOOK_ALIKES)
    text = unicodedata.normalize("NFKD", text.casefold())
    if not text.isascii():
        text = "".join(character for character in text if not unicodedata.combining(character))
    return " ".join(text.split())


def shown(value: object, limit: int = SHOWN_LIMIT) -> str:
    """A value as a message quotes it: on one line, and cut with an ellipsis past ``limit`` characters."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
