"""Telling a legend from the matrix: ``R = Responsible`` under the grid, a Key column beside it.

A legend is text in which some built-in letter set reads a symbol and a
word as the same letter ("R: Responsible", "S = Support", "Responsible
(R)", or a symbol and its word in two cells side by side), or a block
headed "Key" or "Legend". Checking that symbol and word agree is what
keeps a task called "QA: test the release" or "Phase 1: Start" out of the
legend.
"""

from __future__ import annotations

from collections.abc import Sequence

from raci.formats.sheet_detect.words import LEGEND_WORDS, words_of
from raci.letters import BUILT_IN, legend_pairs, reads


def agrees(symbol: str, word: str) -> bool:
    """Whether some built-in set reads ``symbol`` and ``word`` as the same letters."""
    for letter_set in BUILT_IN:
        by_symbol = reads(symbol, letter_set)
        if by_symbol is not None and by_symbol.cell is not None:
            by_word = reads(word, letter_set)
            if by_word is not None and by_word.cell == by_symbol.cell and len(word) > len(symbol):
                return True
    return False


def legend_count(texts: Sequence[str]) -> int:
    """How many symbol-and-word pairs the texts of one row (or one block) spell out."""
    if not texts:
        return 0
    pairs = legend_pairs("; ".join(texts))
    if len(texts) >= 2 and len(texts[0]) <= 5:
        pairs.append((texts[0], texts[1]))
    return sum(agrees(symbol, word) for symbol, word in pairs)


def starts_legend(texts: Sequence[str]) -> bool:
    """Whether a row opens a legend: its first text is "Legend", "Key" or the like (with a colon or not)."""
    if not texts:
        return False
    first = texts[0].split(":")[0] if ":" in texts[0] else texts[0]
    return words_of(first) in LEGEND_WORDS


def is_legend_row(texts: Sequence[str]) -> bool:
    """Whether one row's texts are (part of) a legend."""
    return starts_legend(texts) or legend_count(texts) >= 1
