"""Reading a cell as people write it, for a given letter set.

What a sheet may hold, all read the same way (case, accents, full-width
forms and Cyrillic or Greek look-alikes folded first, see
:mod:`raci.letters.text`):

* the set's symbols, alone or combined: ``A/R``, ``R/A``, ``AR``, ``A,R``,
  ``R, A``, ``R (A)``, ``A C I``, ``R+C``, ``A and R``;
* the set's names and other words (``Responsible``, ``Support``), and the
  common words for each kind in the languages seen in sheets (French
  ``Approbateur``, ``Consulté``; Spanish, Portuguese, Italian, German),
  read as the set's letter of that kind;
* explicit *not involved* marks (``N``, ``-``, ``/``, ``n/a``, ``—``), read
  as a blank the sheet meant (:data:`NOT_INVOLVED`), or as the set's own
  not-involved letter where it has one (CAIRO's O).

The set's own symbols win over its words, and its words over the common
ones, so a team whose set has an ``N`` letter reads ``N`` as that letter.
Anything else raises :class:`UnreadableCell`, whose sentence names the
value and, when another built-in set reads it (``S`` in a RACI team), that
set.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple, cast

from raci.errors import TeamEditError
from raci.letters.kinds import Kind
from raci.letters.sets import Cell, LetterSet
from raci.letters.text import fold, shown
from raci.phrases import joined

MAX_TEXT = 60  # longer text is a note, never letters; refused before any parsing
_MEMO_LIMIT = 4096  # distinct texts remembered per set; sheets repeat a handful of spellings

# Words sheets use for each kind, beyond the set's own names: English, then
# French, Spanish, Portuguese, Italian and German, written without accents
# (they are folded away before the lookup).
COMMON_WORDS: dict[Kind, tuple[str, ...]] = {
    Kind.OWNS: ("accountable", "accountability", "approver", "approves", "approval", "owner",
                "approbateur", "approbatrice", "aprobador", "aprovador", "approvatore",
                "rechenschaftspflichtig", "genehmiger", "genehmigend"),
    Kind.DOES: ("responsible", "doer", "driver", "responsable", "realisateur", "responsavel", "responsabile",
                "verantwortlich", "durchfuhrungsverantwortlich", "durchfuhrend"),
    Kind.HELPS: ("support", "supports", "supporting", "supportive", "supporter", "soutien", "appui", "apoyo",
                 "soporte", "apoio", "suporte", "supporto", "unterstutzend", "unterstutzer", "mitwirkend"),
    Kind.ASKED: ("consulted", "consult", "consultee", "contributor", "consulte", "contributeur", "consultado",
                 "contribuidor", "consultato", "konsultiert", "befragt"),
    Kind.TOLD: ("informed", "inform", "notified", "informe", "informee", "informado", "informato", "informiert"),
    Kind.NOT_INVOLVED: ("n", "-", "--", "–", "—", "/", "n/a", "na", "none", "not involved", "not applicable",
                        "out of the loop", "non concerne", "no aplica", "nicht beteiligt"),
}
# Words that join letters in a cell ("A and R"); skipped unless the set uses them as letters.
_JOINERS = frozenset({"and", "et", "und"})
_SEPARATORS = re.compile(r"\s*[/,;+&|()\[\]]\s*")
_MARK = -1  # a word index entry: an explicit "not involved" in a set without such a letter


class Reading(NamedTuple):
    """What a cell says: its letters, or blank; ``not_involved`` when the sheet marked it so explicitly."""

    cell: Cell | None
    not_involved: bool = False


BLANK = Reading(None)
NOT_INVOLVED = Reading(None, True)


class UnreadableCell(TeamEditError):
    """A value that is no cell of the set; ``other_sets`` are the built-in sets that would read it."""

    def __init__(self, sentence: str, value: object, other_sets: tuple[LetterSet, ...] = ()) -> None:
        super().__init__(sentence)
        self.value = value
        self.other_sets = other_sets


def read_cell(value: object, letters: LetterSet) -> Reading:
    """What a cell holds in ``letters``: a :class:`Reading`; raises :class:`UnreadableCell` for anything else.

    ``None`` and blank text read as :data:`BLANK`; non-text values (numbers,
    dates) are unreadable.
    """
    reader = _reader(letters)
    if type(value) is str:
        known = reader.memo.get(value)
        if known is not None:
            if type(known) is Reading:
                return known
            sentence, others = cast(tuple[str, tuple[LetterSet, ...]], known)
            raise UnreadableCell(sentence, value, others)
    reading = _read(value, reader)
    if reading is None:
        readings = _other_readings(value, letters) if maybe_letters(value) else []
        sentence = _unreadable_sentence(value, letters, readings)
        others = tuple(other for other, _ in readings)
        if type(value) is str and len(reader.memo) < _MEMO_LIMIT:
            reader.memo[value] = (sentence, others)
        raise UnreadableCell(sentence, value, others)
    if type(value) is str and len(reader.memo) < _MEMO_LIMIT:
        reader.memo[value] = reading
    return reading


def parse_cell(text: str | None, letters: LetterSet) -> Cell | None:
    """The cell a person typed or pasted; ``None`` for blank or a not-involved mark (both clear a cell)."""
    return read_cell(text, letters).cell


def reads(value: object, letters: LetterSet) -> Reading | None:
    """``read_cell`` without the error: ``None`` when ``letters`` cannot read the value."""
    if type(value) is str:
        known = _reader(letters).memo.get(value)
        if known is not None:
            return known if type(known) is Reading else None
    return _read(value, _reader(letters))


def maybe_letters(value: object) -> bool:
    """A quick test before reading a value in every built-in set: ``False`` only when none of them can read it.

    Folds the text once and looks its words up in all the sets' words
    together, where reading it in each set folds and splits it each time:
    a sheet of a million notes is refused at a fifth of the cost.
    """
    if type(value) is not str:
        return False
    key = fold(value)
    if not key or len(key) > MAX_TEXT:
        return not key
    words = _every_word()
    if key in words:
        return True
    for piece in _SEPARATORS.split(key):
        for word in piece.split(" "):
            if word and word not in words and word not in _JOINERS and not _RUN_TOGETHER.fullmatch(word):
                return False
    return True


_RUN_TOGETHER = re.compile(r"[a-z0-9]{1,7}")  # symbols run together ("ar", "aci"), as far as seven letters go


@functools.cache
def _every_word() -> frozenset[str]:
    """Every word and symbol any built-in set reads, folded."""
    from raci.letters.builtin import BUILT_IN

    return frozenset(word for letters in BUILT_IN for word in _reader(letters).words)


def in_own_words(value: str, letters: LetterSet) -> bool:
    """Whether ``value`` is written with the set's own symbols, names and other words alone.

    "Driver" reads as R in RACI through the common words, but is DACI's own
    name: this is what tells the two apart when both read a sheet.
    """
    reader = _reader(letters)
    key = fold(value)
    return key in reader.own or all(word in reader.own or _spelled(word, reader.symbols) is not None
                                    for piece in _SEPARATORS.split(key) for word in piece.split(" ") if word)


# ----------------------------------------------------------------- the reader
class _Reader:
    """One set's word index (folded word -> letter positions, or _MARK) and its memo of texts read."""

    __slots__ = ("letters", "marked", "memo", "own", "symbols", "words")

    def __init__(self, letters: LetterSet) -> None:
        self.letters = letters
        self.words: dict[str, int] = {}
        for kind, words in COMMON_WORDS.items():
            folded = set(map(fold, words))
            target = _common_target(letters, kind, folded)
            if target is not None:
                self.words.update(dict.fromkeys(folded, target))
        for position, letter in enumerate(letters.letters):
            self.words.update(dict.fromkeys(map(fold, (letter.name, *letter.aliases)), 1 << position))
        self.symbols = {fold(letter.symbol): 1 << position for position, letter in enumerate(letters.letters)}
        self.words.update(self.symbols)
        self.own = frozenset(self.symbols) | {fold(word) for letter in letters.letters
                                              for word in (letter.name, *letter.aliases)}
        out = letters.first(Kind.NOT_INVOLVED)
        # What a cell holding only marks reads as: the set's not-involved letter, or a blank meant as such.
        self.marked = NOT_INVOLVED if out is None else Reading(letters.cell(out.symbol))
        self.memo: dict[str, Reading | tuple[str, tuple[LetterSet, ...]]] = {}


def _common_target(letters: LetterSet, kind: Kind, words: set[str]) -> int | None:
    """Which of the set's letters a kind's common words read as (its positions), or _MARK, or ``None``.

    The words go to the set's first letter of their kind, except for
    *not involved*, whose words are marks (read as the set's own letter for
    it, if any, only when they stand alone), and *helps*: helping letters differ most between sets (RASCI's Support,
    RACI-VS's Verifier), so "Support" finds a helping letter only by name.
    """
    if kind is Kind.NOT_INVOLVED:
        return _MARK  # a mark, whether or not the set has a letter for it: see _Reader.marked
    candidates = [letter for letter in letters.letters if letter.kind is kind]
    if kind is Kind.HELPS:
        candidates = [letter for letter in candidates if {fold(letter.name), *map(fold, letter.aliases)} & words]
    return 1 << letters.letters.index(candidates[0]) if candidates else None


def _reader(letters: LetterSet) -> _Reader:
    tables = letters._tables  # noqa: SLF001 - the set keeps its reader beside its other derived tables
    if tables.reader is None:
        tables.reader = _Reader(letters)
    return tables.reader  # type: ignore[return-value]


def _read(value: object, reader: _Reader) -> Reading | None:
    """The reading of a value, or ``None`` if the set cannot read it."""
    if value is None:
        return BLANK
    if not isinstance(value, str):
        return None
    key = fold(value)
    if not key:
        return BLANK
    if len(key) > MAX_TEXT:
        return None
    # Letters run together ("AR") are read only when short or written without
    # lower case: "Ric" or "aci" in a cell is more likely a name than letters.
    run_together = 2 if any(character.islower() for character in value) else MAX_TEXT
    # The set's own words first, then its letters one by one ("N/A" is N and
    # A where the set has both), and only then the common words whole
    # ("n/a" as not involved).
    found = reader.words[key] if key in reader.own else _pieces(key, reader, run_together)
    if found is None:
        found = reader.words.get(key)
    if found is None:
        return None
    if found == _MARK:
        return reader.marked
    return Reading(reader.letters._tables.cells[found])  # noqa: SLF001


def _pieces(key: str, reader: _Reader, run_together: int) -> int | None:
    """The letters of a cell written as parts between separators; _MARK if every part is a mark."""
    parts = [_piece(piece, reader, run_together) for piece in _SEPARATORS.split(key) if piece]
    if not parts or None in parts:
        return None
    if _MARK in parts:
        return _MARK if all(part == _MARK for part in parts) else None  # a mark among letters contradicts them
    found = 0
    for part in parts:
        found |= part  # type: ignore[operator]  # None ruled out above
    return found


def _piece(piece: str, reader: _Reader, run_together: int) -> int | None:
    """One separated part of a cell: a word, words split by spaces, or symbols run together."""
    found = reader.words.get(piece)
    if found is not None:
        return found
    if " " in piece:
        held = 0
        for word in piece.split(" "):
            if word in _JOINERS and word not in reader.words:
                continue
            part = _piece(word, reader, run_together)
            if part is None or part == _MARK:
                return None  # a mark among letters contradicts them
            held |= part
        return held or None
    if len(piece) > run_together:
        return None
    return _spelled(piece, reader.symbols)


def _spelled(text: str, symbols: dict[str, int]) -> int | None:
    """The letters that spell ``text`` run together, if exactly one choice of letters does."""
    readings: dict[int, set[int]] = {len(text): {0}}  # position -> the letter masks spelling text from there
    for start in range(len(text) - 1, -1, -1):
        readings[start] = {bit | rest for symbol, bit in symbols.items() if text.startswith(symbol, start)
                           for rest in readings[start + len(symbol)]}
    whole = readings[0]
    return next(iter(whole)) if len(whole) == 1 else None  # none, or two readings: ambiguous


# ----------------------------------------------------------------- messages
def _other_readings(value: object, letters: LetterSet) -> list[tuple[LetterSet, Cell]]:
    """The built-in sets, other than ``letters``, that read ``value`` as letters, with the cell each reads."""
    from raci.letters.builtin import BUILT_IN

    found = []
    for other in BUILT_IN:
        reading = reads(value, other) if other.id != letters.id else None
        if reading is not None and reading.cell is not None:
            found.append((other, reading.cell))
    return found


def _unreadable_sentence(value: object, letters: LetterSet, others: list[tuple[LetterSet, Cell]]) -> str:
    quoted = shown(value)
    if others:
        described = " or ".join(f"{other.name} ({other.name_of(cell)})" for other, cell in others)
        return (f"'{quoted}' is a letter of {described}, not of {letters.name}; "
                f"switch the team's letters to {others[0][0].name} to use it.")
    symbols = letters.symbols
    listing = joined(symbols, "or")
    example = next((cell for cell in letters.legend_cells() if "/" in cell), None)
    combined = f", or several joined by '/' like {example}" if example else ""
    return f"'{quoted}' is not a {letters.name} letter; use {listing}{combined}."
