"""Telling a legend from the matrix: ``R = Responsible`` under the grid, a Key column beside it.

A legend is text in which some built-in letter set reads a symbol and a
word as the same letter ("R: Responsible", "S = Support", "Responsible
(R)", or a symbol and its word in two cells side by side), or a block
headed "Key" or "Legend". Checking that symbol and word agree is what
keeps a task called "QA: test the release" or "Phase 1: Start" out of the
legend.

Also here: which columns of a sheet are its legend, and the legend's text.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from raci.formats.sheet_detect.cells import CellKind, Frame, runs, text_of
from raci.formats.sheet_detect.columns import Profile
from raci.formats.sheet_detect.header import HeaderBlock
from raci.formats.sheet_detect.layout import RowRole
from raci.formats.sheet_detect.words import LEGEND_WORDS, is_one_of, words_of
from raci.letters import BUILT_IN, legend_pairs, reads


@functools.lru_cache(maxsize=4096)
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
    pairs = [pair for text in texts for pair in _pairs_in(text)]  # as if joined by "; ", which splits parts
    if len(texts) >= 2 and len(texts[0]) <= 5:
        pairs.append((texts[0], texts[1]))
    return sum(agrees(symbol, word) for symbol, word in pairs)


@functools.lru_cache(maxsize=4096)
def _pairs_in(text: str) -> tuple[tuple[str, str], ...]:
    """One cell's legend pairs; a sheet repeats its texts row after row, so each is read once."""
    return tuple(legend_pairs(text))


def starts_legend(texts: Sequence[str]) -> bool:
    """Whether a row opens a legend: its first text is "Legend", "Key" or the like (with a colon or not)."""
    if not texts:
        return False
    first = texts[0].split(":")[0] if ":" in texts[0] else texts[0]
    return words_of(first) in LEGEND_WORDS


def is_legend_row(texts: Sequence[str]) -> bool:
    """Whether one row's texts are (part of) a legend."""
    return starts_legend(texts) or legend_count(texts) >= 1


def legend_columns(frame: Frame, header: HeaderBlock, table: list[int], headers: Mapping[int, str],
                   profiles: Mapping[int, Profile]) -> frozenset[int]:
    """The legend's columns: a side block headed "Key" or "Legend", spelling two or more pairs, or listing
    distinct letters under no header; in the matrix block a column headed like a legend, with the unheaded
    columns right after it."""
    blocks = runs(table)  # columns split at fully blank ones
    if not blocks:
        return frozenset()
    main = max(blocks, key=lambda block: sum(profiles[c].letters for c in block if c in profiles))
    legend: set[int] = set()
    texts = _block_texts(frame, header, {number: block for number, block in enumerate(blocks) if block is not main})
    for number, block in enumerate(blocks):
        headed = [column for column in block if is_one_of(headers.get(column, ""), LEGEND_WORDS)
                  and _holds_legend(profiles.get(column))]
        if block is main:
            if headed:
                after = [column for column in block if column > headed[0]]
                legend.update([headed[0], *_unheaded_run(after, headers)])
        elif headed or _reads_as_legend(texts.get(number, []), block, headers, profiles):
            legend.update(block)
    return frozenset(legend)


def _holds_legend(profile: Profile | None) -> bool:
    """Whether a column headed "Key" holds what a legend holds (letters, words), not IDs or numbers."""
    return profile is not None and (profile.letters > 0 or profile.text > 0) and not profile.other


def _unheaded_run(columns: list[int], headers: Mapping[int, str]) -> list[int]:
    run = []
    for column in columns:
        if headers.get(column):
            break
        run.append(column)
    return run


def _block_texts(frame: Frame, header: HeaderBlock, blocks: Mapping[int, list[int]]) -> dict[int, list[list[str]]]:
    """The side blocks' texts, row by row over the data rows, by block number (one pass)."""
    where = {column: number for number, block in blocks.items() for column in block}
    texts: dict[int, list[list[str]]] = {}
    if not where:
        return texts
    for line in frame.lines[header.start:header.end]:
        row: dict[int, list[str]] = {}
        for column, value in zip(line.columns, line.values, strict=True):
            block = where.get(column)
            if block is not None:
                row.setdefault(block, []).append(text_of(value))
        for block, cells in row.items():
            texts.setdefault(block, []).append(cells)
    return texts


def _reads_as_legend(rows: list[list[str]], block: list[int], headers: Mapping[int, str],
                     profiles: Mapping[int, Profile]) -> bool:
    if sum(is_legend_row(cells) for cells in rows) >= 2:
        return True
    if any(headers.get(column) for column in block):
        return False
    letters = [text.casefold() for cells in rows for text in cells]
    held = sum(profiles[column].counts[CellKind.LETTER] for column in block if column in profiles)
    return held >= 2 and held == len(letters) == len(set(letters))


def legend_text_of(frame: Frame, roles: Sequence[RowRole], columns: frozenset[int]) -> str:
    """The legend's text, from its rows and its columns, for :func:`raci.letters.choose_set`."""
    parts = []
    for number, line in enumerate(frame.lines):
        if roles[number] is RowRole.LEGEND:
            parts.append("; ".join(text for text in map(text_of, line.values) if text))
        elif columns:
            cells = [text_of(value) for column, value in zip(line.columns, line.values, strict=True)
                     if column in columns]
            if cells:
                parts.append(" = ".join(cells))
    return "; ".join(part for part in parts if part)
