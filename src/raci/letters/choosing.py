"""Choosing the letter set a sheet is written in, from its cells and its legend.

Every candidate set reads the sheet's distinct cell texts; the set that
reads the most wins. A legend ("R = Responsible; S = Support") breaks
ties: each of its pairs counts for a set that reads the symbol and the word
as the same letter, against a set that lacks the symbol or reads the word
as another letter. Remaining ties go to the earlier candidate, so a sheet
of R, A, C and I alone stays RACI, one with an S becomes RASCI (RASCI comes
before RACI-VS, which also has an S), a D makes it DACI, an O CAIRO and a V
RACI-VS.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from raci.letters.builtin import BUILT_IN
from raci.letters.reading import in_own_words, reads
from raci.letters.sets import LetterSet
from raci.letters.text import fold, shown
from raci.phrases import joined

_PART = re.compile(r"[;,\n\t|]+")
_SYMBOL = r"[^\W\d_][^\W_]{0,2}(?:/[^\W\d_][^\W_]{0,2})*"
_SYMBOL_FIRST = re.compile(rf"(?<![\w/])({_SYMBOL})\s*(?:=|:|-|–|—)\s*")
_WORD_FIRST = re.compile(rf"^(?P<word>[^\W\d_][^()]*?)\s*\(\s*(?P<symbol>{_SYMBOL})\s*\)$")
_EVIDENCE_SHOWN = 3


class SetChoice(NamedTuple):
    """The set a sheet is written in, why, and the cell texts that set still cannot read."""

    letter_set: LetterSet
    reason: str
    unread: tuple[str, ...]


def legend_pairs(text: str) -> list[tuple[str, str]]:
    """The (symbol, word) pairs a legend spells out: ``"Key: R = Responsible; S (Support)"``.

    Understands ``R = Responsible``, ``R: Responsible``, ``R - Responsible``
    and ``Responsible (R)``, one per part between ``;``, ``,``, ``|``, tabs
    or line breaks; text before the last pair of a part ("Legend:") is skipped.
    """
    pairs = []
    for part in _PART.split(text):
        part = " ".join(part.split())
        matches = list(_SYMBOL_FIRST.finditer(part))
        word = part[matches[-1].end():].strip() if matches else ""
        if word[:1].isalpha():
            pairs.append((matches[-1].group(1), word))
            continue
        named = _WORD_FIRST.match(part)
        if named:
            pairs.append((named["symbol"], named["word"]))
    return pairs


def choose_set(texts: Iterable[object], legend: str = "",
               candidates: Sequence[LetterSet] = BUILT_IN) -> SetChoice:
    """The candidate set that reads the most of ``texts`` (a sheet's distinct cell values), with the reason.

    Pass the team's own set first in ``candidates`` to prefer it on a tie.
    """
    distinct = list(dict.fromkeys(text for text in texts if isinstance(text, str) and text.strip()))
    pairs = legend_pairs(legend) if legend else []
    read_by = {letter_set.id: [text for text in distinct if reads(text, letter_set) is not None]
               for letter_set in candidates}
    native = {letter_set.id: [text for text in read_by[letter_set.id] if in_own_words(text, letter_set)]
              for letter_set in candidates}
    scored = [(len(read_by[letter_set.id]), _legend_score(pairs, letter_set), len(native[letter_set.id]),
               -position, letter_set) for position, letter_set in enumerate(candidates)]
    chosen = max(scored, key=lambda entry: entry[:4])[4]
    unread = tuple(text for text in distinct if text not in set(read_by[chosen.id]))
    evidence = _Evidence(read_by, native, pairs, unread)
    return SetChoice(chosen, evidence.reason(chosen, candidates[0]), unread)


def _legend_score(pairs: list[tuple[str, str]], letter_set: LetterSet) -> int:
    """+1 per pair the set reads as one letter, -1 per pair it lacks or reads as two; unknown words count 0."""
    return sum(_pair_agrees(symbol, word, letter_set) for symbol, word in pairs)


def _pair_agrees(symbol: str, word: str, letter_set: LetterSet) -> int:
    by_symbol, by_word = reads(symbol, letter_set), reads(word, letter_set)
    if by_symbol is None or by_symbol.cell is None:
        return -1
    if by_word is None:
        return 0
    return 1 if by_word.cell == by_symbol.cell else -1


class _Evidence(NamedTuple):
    """What the candidates made of a sheet: what each read, what each read in its own words, the legend."""

    read_by: dict[str, list[str]]
    native: dict[str, list[str]]
    pairs: list[tuple[str, str]]
    unread: tuple[str, ...]

    def reason(self, chosen: LetterSet, default: LetterSet) -> str:
        """One sentence: why ``chosen`` rather than ``default`` (the first candidate)."""
        if chosen.id == default.id:
            if not self.read_by[chosen.id]:
                return f"{chosen.name}, the default: the sheet holds no letters it can read."
            if self.unread:
                return f"{chosen.name}: it reads more of the sheet's letters than any other set."
            return f"{chosen.name}: every letter the sheet uses fits it."
        beyond = self._only(self.read_by, chosen, default)
        spelled = self._only(self.native, chosen, default)
        listed = [(symbol, word) for symbol, word in self.pairs
                  if _pair_agrees(symbol, word, chosen) > _pair_agrees(symbol, word, default)]
        evidence = []
        if beyond:
            evidence.append(f"the sheet uses {_listing([_as_letter(text, chosen) for text in beyond])}")
        if listed:
            evidence.append(f"its legend lists {_listing([f'{symbol} = {word}' for symbol, word in listed])}")
        if spelled and not beyond:
            words = _listing(["'" + shown(text) + "'" for text in spelled])
            evidence.append(f"the sheet writes {words}, as {chosen.name} names its letters")
        return f"{chosen.name}: {' and '.join(evidence or ['it fits the sheet best'])}."

    @staticmethod
    def _only(texts: dict[str, list[str]], chosen: LetterSet, default: LetterSet) -> list[str]:
        others = set(texts[default.id])
        return [text for text in texts[chosen.id] if text not in others]


def _as_letter(text: str, letter_set: LetterSet) -> str:
    cell = reads(text, letter_set).cell  # type: ignore[union-attr]  # only texts the set reads come here
    if cell is None:
        return f"'{shown(text)}'"
    return f"{cell} ({letter_set.name_of(cell)})" if fold(text) == fold(cell) else f"'{shown(text)}' ({cell})"


def _listing(items: list[str]) -> str:
    more = len(items) - _EVIDENCE_SHOWN
    shown_items = items[:_EVIDENCE_SHOWN]
    text = joined(shown_items)
    return f"{text} (and {more} more)" if more > 0 else text
