"""What makes a letter set usable: the checks every set passes when it is built.

A set is read by people (one short symbol per letter, each name once) and
by the rules, which speak in kinds. The rules need:

* exactly one letter that *owns the outcome*: "exactly one owner per row"
  counts holders of that kind, and its message names the one letter
  ("no A", "no Approver");
* at least one letter that *does the work*: "nobody does it" counts them.

Everything else is the team's choice. Symbols are one to three letters or
digits starting with a letter, so ``/``, ``,``, ``+``, spaces and brackets
stay free to join letters in a cell; a longer symbol may not be spelled by
shorter ones (``AR`` beside ``A`` and ``R``), so ``AR`` in a cell has one
reading. At most seven letters: that is what the colour-blind-safe palette
tells apart (``resources/palette.json``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from raci.errors import TeamEditError
from raci.letters.kinds import Kind
from raci.letters.text import fold, shown

if TYPE_CHECKING:
    from raci.letters.sets import LetterDef

MAX_LETTERS = 7
MAX_SYMBOL = 3
MAX_NAME = 40
MAX_MEANING = 120
MAX_DESCRIPTION = 200
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
_COLOUR = re.compile(r"[a-z][a-z0-9-]{0,39}")


class LetterSetError(TeamEditError):
    """A letter set that cannot be used: the sentence says which letter and why."""


def check_set(set_id: object, name: object, letters: Sequence[LetterDef], description: object = "") -> None:
    """Raise :class:`LetterSetError` naming the first thing wrong with a set, if anything is."""
    if not isinstance(set_id, str) or not _ID.fullmatch(set_id):
        raise LetterSetError(f"A letter set's id must be 1 to 40 lower-case letters, digits or dashes, "
                             f"not '{shown(set_id)}'.")
    _one_line(name, f"The letter set '{set_id}'", "name", MAX_NAME, required=True)
    label = f"'{name}'"
    _one_line(description, label, "description", MAX_DESCRIPTION, required=False)
    if not 1 <= len(letters) <= MAX_LETTERS:
        raise LetterSetError(f"{label} has {len(letters)} letters; a set holds 1 to {MAX_LETTERS}.")
    for position, letter in enumerate(letters, 1):
        _check_letter(letter, f"Letter {position} of {label}")
    _check_unique(letters, label)
    _check_kinds(letters, label)


def _check_letter(letter: LetterDef, where: str) -> None:
    symbol = letter.symbol
    if (not isinstance(symbol, str) or not 1 <= len(symbol) <= MAX_SYMBOL
            or not symbol[0].isalpha() or not symbol.isalnum() or not fold(symbol).isalnum()):
        raise LetterSetError(f"{where}: the symbol '{shown(symbol)}' must be 1 to {MAX_SYMBOL} letters or digits, "
                             "starting with a letter.")
    where = f"{where} ('{symbol}')"
    _one_line(letter.name, where, "name", MAX_NAME, required=True)
    if not fold(letter.name):
        raise LetterSetError(f"{where}: the name must hold at least one letter or digit.")
    _one_line(letter.meaning, where, "meaning", MAX_MEANING, required=False)
    if not isinstance(letter.kind, Kind):
        raise LetterSetError(f"{where}: the kind must be one of {', '.join(kind.value for kind in Kind)}.")
    if letter.colour is not None and (not isinstance(letter.colour, str) or not _COLOUR.fullmatch(letter.colour)):
        raise LetterSetError(f"{where}: the colour '{shown(letter.colour)}' is not a palette colour name.")
    if not isinstance(letter.aliases, tuple):
        raise LetterSetError(f"{where}: the other words must be a list of words.")
    for alias in letter.aliases:
        _one_line(alias, where, "other word", MAX_NAME, required=True)


def _one_line(value: object, where: str, what: str, limit: int, *, required: bool) -> None:
    """Raise unless ``value`` is one line of at most ``limit`` characters (and not blank, if ``required``)."""
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > limit or not value.isprintable():
        need = "1" if required else "0"
        raise LetterSetError(f"{where}: the {what} must be one line of {need} to {limit} characters.")


def _check_unique(letters: Sequence[LetterDef], label: str) -> None:
    """No symbol, name or other word may stand for two letters, whatever its case or accents."""
    symbols: dict[str, str] = {}
    for letter in letters:
        key = fold(letter.symbol)
        if key in symbols:
            raise LetterSetError(f"{label} uses the symbol '{letter.symbol}' twice; each letter needs its own.")
        symbols[key] = letter.symbol
    words: dict[str, str] = {}
    for letter in letters:
        for word in (letter.name, *letter.aliases):
            key = fold(word)
            other = words.get(key) or symbols.get(key)
            if other is not None and other != letter.symbol:
                raise LetterSetError(f"{label}: '{word}' would stand for both {other} and {letter.symbol}; "
                                     "each word may name one letter.")
            words[key] = letter.symbol
    for key, symbol in symbols.items():
        if len(key) > 1 and _spelled_by(key, set(symbols) - {key}):
            raise LetterSetError(f"{label}: the symbol '{symbol}' can be read as shorter symbols of the set; "
                                 "choose another.")


def _spelled_by(text: str, pieces: set[str]) -> bool:
    """Whether ``text`` can be cut into two or more of ``pieces``."""
    return any(text.startswith(piece) and (text[len(piece):] in pieces or _spelled_by(text[len(piece):], pieces))
               for piece in pieces if len(piece) < len(text))


def _check_kinds(letters: Sequence[LetterDef], label: str) -> None:
    owners = [letter.symbol for letter in letters if letter.kind is Kind.OWNS]
    if len(owners) != 1:
        have = f"has {len(owners)} ({', '.join(owners)})" if owners else "has none"
        raise LetterSetError(f"{label} needs exactly one letter that owns the outcome and {have}; "
                             "the checks ask for one owner per row.")
    if not any(letter.kind is Kind.DOES for letter in letters):
        raise LetterSetError(f"{label} needs a letter that does the work; the checks ask who does each row.")
