"""Matching an imported row's title to a responsibility of the catalog.

A title is reduced to its *key*: folded (case, accents), ``&`` read as
"and", punctuation dropped, small words dropped ("the", "and", "of"...),
each word cut to a stem (plural, "-ing", "-ed", a final "e", British and
American spellings: "Prioritizing features" and "prioritise the feature"
share a key). Two titles with the same key match exactly.

Otherwise the closest entry is scored by a weighted Dice coefficient over
the two titles' stems, each stem weighted by how rare it is among the
catalog's titles (``log(1 + N / titles holding it)``; a stem the catalog
never uses weighs the most, so words it does not know pull a match down).
A word one typing slip away from a catalog word (six letters or more,
the first one right) counts as that word. A close match needs :data:`THRESHOLD`, measured on a
labelled set of rewordings and unrelated tasks
(``tests/data/catalog-match-pairs.json``, with the programmatic variants
``tests/test_catalog_match.py`` makes from the catalog loaded at test
time): see that test for the precision and recall it holds.

Qt-free, standard library only; a matcher is built once per catalog and
matches in time linear in the title's words and the entries sharing them.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from raci.catalog import Catalog, CatalogEntry

THRESHOLD = 0.5
SLIP_LENGTH = 6  # shorter words are too alike to correct: "refine" is no slip for "define"
SMALL_WORDS = frozenset(
    [
        "a", "an", "the", "and", "or", "of", "to", "for", "its", "it", "their", "our", "your", "his", "her", "on",
        "in", "into", "at", "by", "with", "from", "as", "be", "is", "are", "that", "this", "these", "those", "all",
        "any", "each", "every", "s",
    ]
)
_SPELLINGS = ((re.compile(r"yz(e|ed|es|ing)$"), r"ys\1"), (re.compile(r"iz(e|ed|es|ing|ation|ations)$"), r"is\1"),
              (re.compile(r"our$"), "or"))
_NON_WORD = re.compile(r"[^a-z0-9]+")


def stem(word: str) -> str:
    """A light stem: spelling variants folded, then one plural or verb ending, "-ment", then a final ``e``."""
    for pattern, replacement in _SPELLINGS:
        word = pattern.sub(replacement, word)
    if (len(word) > 4 and word.endswith("ies")) or (len(word) > 4 and word.endswith("ied")):
        word = word[:-3] + "y"
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith(("ed", "ses", "xes", "zes", "ches", "shes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 7 and word.endswith("ment"):  # management, requirement: the verb's stem
        word = word[:-4]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def stems(title: str) -> tuple[str, ...]:
    """A title's stems, small words dropped, in order."""
    text = unicodedata.normalize("NFKD", title.casefold().replace("&", " and ").replace("'", ""))
    text = "".join(character for character in text if not unicodedata.combining(character))
    words = _NON_WORD.sub(" ", text).split()
    return tuple(stem(word) for word in words if word not in SMALL_WORDS)


def key(title: str) -> tuple[str, ...]:
    """What an exact match compares: the stems, sorted."""
    return tuple(sorted(stems(title)))


@dataclass(frozen=True, slots=True)
class Match:
    """A catalog entry a title matched, how closely (1.0 for exact), and whether it was exact."""

    entry: CatalogEntry
    score: float
    exact: bool


class CatalogMatcher:
    """Matches titles to one catalog's entries; build it once (see :func:`matcher_for`)."""

    def __init__(self, catalog: Catalog, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._exact: dict[tuple[str, ...], CatalogEntry] = {}
        self._stems: list[frozenset[str]] = []
        self._entries = catalog.entries
        index: dict[str, list[int]] = {}
        for position, entry in enumerate(catalog.entries):
            self._exact.setdefault(key(entry.title), entry)
            held = frozenset(stems(entry.title))
            self._stems.append(held)
            for word in held:
                index.setdefault(word, []).append(position)
        self._index = index
        count = max(len(catalog.entries), 1)
        self._weight = {word: math.log(1 + count / len(holders)) for word, holders in index.items()}
        self._unknown = math.log(1 + count)
        self._slips = _slip_index(index)

    def match(self, title: str) -> Match | None:
        """The entry a title matches, exactly or at least :attr:`threshold` closely, or ``None``."""
        found = self.best(title)
        return found if found is not None and (found.exact or found.score >= self.threshold) else None

    def best(self, title: str) -> Match | None:
        """The closest entry whatever its score (``None`` if no word is shared): what the threshold is measured on."""
        exact = self._exact.get(key(title))
        if exact is not None:
            return Match(exact, 1.0, True)
        words = frozenset(self._known(word) for word in stems(title))
        candidates = sorted({position for word in words for position in self._index.get(word, ())})
        best: Match | None = None
        for position in candidates:
            score = self._dice(words, self._stems[position])
            if best is None or score > best.score:
                best = Match(self._entries[position], score, False)
        return best

    def _known(self, word: str) -> str:
        """The catalog's word for ``word``: itself, or the one word a typing slip away."""
        if word in self._index or len(word) < SLIP_LENGTH:
            return word
        for variant in _deletions(word):
            matches = self._slips.get(variant)
            if matches is not None and len(matches) == 1:
                return next(iter(matches))
        return word

    def _dice(self, words: frozenset[str], other: frozenset[str]) -> float:
        weight = self._weight.get
        shared = sum(weight(word, self._unknown) for word in words & other)
        total = sum(weight(word, self._unknown) for word in words) + sum(weight(word, self._unknown) for word in other)
        return 2 * shared / total if total else 0.0


def _deletions(word: str) -> Iterable[str]:
    """The word and the word less one letter, the first kept: a slip rarely hits the first letter."""
    yield word
    for position in range(1, len(word)):
        yield word[:position] + word[position + 1:]


def _slip_index(index: dict[str, list[int]]) -> dict[str, set[str]]:
    """Each catalog word of :data:`SLIP_LENGTH` letters or more under itself and its one-letter deletions."""
    slips: dict[str, set[str]] = {}
    for word in index:
        if len(word) >= SLIP_LENGTH:
            for variant in _deletions(word):
                slips.setdefault(variant, set()).add(word)
    return slips


@functools.lru_cache(maxsize=4)
def matcher_for(catalog: Catalog) -> CatalogMatcher:
    """The matcher of a catalog, built once per catalog."""
    return CatalogMatcher(catalog)
