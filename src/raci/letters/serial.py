"""A letter set as the team file carries it: a built-in set by its id, a team's own set in full.

``to_data`` gives ``"rasci"`` for a built-in set and a plain dict for any
other; ``from_data`` reads either back and checks it as any set is checked
when built, so a hand-edited file gets one sentence naming the letter at
fault. Optional fields are left out when they hold their default, so a
file says only what the team chose.

An export that keeps only the grid (the CSV) records the set in one line
of two cells (:func:`note_cells`): a legend a person reads, then the set
as the team file stores it; :func:`from_note` reads it back, so the app's
own export comes back in its own letters without guessing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from raci.letters.builtin import builtin, is_builtin
from raci.letters.kinds import Kind
from raci.letters.sets import LetterDef, LetterSet
from raci.letters.text import fold, shown
from raci.letters.validate import LetterSetError

_SET_KEYS = {"id", "name", "letters", "say_names", "description"}
_LETTER_KEYS = {"symbol", "name", "meaning", "kind", "colour", "aliases"}


def to_data(letter_set: LetterSet) -> str | dict[str, Any]:
    """What the team file stores for a set: the id of a built-in set, or the whole of a team's own."""
    if is_builtin(letter_set):
        return letter_set.id
    data: dict[str, Any] = {"id": letter_set.id, "name": letter_set.name,
                            "letters": [_letter_data(letter) for letter in letter_set.letters]}
    if letter_set.say_names:
        data["say_names"] = True
    if letter_set.description:
        data["description"] = letter_set.description
    return data


def _letter_data(letter: LetterDef) -> dict[str, Any]:
    data: dict[str, Any] = {"symbol": letter.symbol, "name": letter.name, "meaning": letter.meaning,
                            "kind": letter.kind.value}
    if letter.colour is not None:
        data["colour"] = letter.colour
    if letter.aliases:
        data["aliases"] = list(letter.aliases)
    return data


def from_data(data: object) -> LetterSet:
    """The set a team file names or spells out; raises :class:`LetterSetError` with one sentence."""
    if isinstance(data, str):
        return builtin(data)
    if not isinstance(data, Mapping):
        raise LetterSetError("A team's letters are the id of a built-in set or an object with id, name and letters.")
    _no_other_keys(data, _SET_KEYS, "The letter set")
    letters = data.get("letters")
    if not isinstance(letters, list):
        raise LetterSetError("The letter set has no list of letters.")
    letter_set = LetterSet(
        data.get("id"),  # type: ignore[arg-type]  # checked as the set is built
        data.get("name"),  # type: ignore[arg-type]
        tuple(_letter(entry, position) for position, entry in enumerate(letters, 1)),
        say_names=_typed(data.get("say_names", False), bool, "The letter set's say_names"),
        description=_typed(data.get("description", ""), str, "The letter set's description"),
    )
    try:
        same_id = builtin(letter_set.id)
    except LetterSetError:
        return letter_set
    if same_id != letter_set:
        raise LetterSetError(f"The id '{letter_set.id}' belongs to the built-in {same_id.name} letters; "
                             "give the team's own set another id.")
    return same_id


def _letter(entry: object, position: int) -> LetterDef:
    where = f"Letter {position} of the letter set"
    if not isinstance(entry, Mapping):
        raise LetterSetError(f"{where} is not an object with symbol, name, meaning and kind.")
    _no_other_keys(entry, _LETTER_KEYS, where)
    try:
        kind = Kind(entry.get("kind"))
    except ValueError:
        raise LetterSetError(f"{where}: the kind '{shown(entry.get('kind'))}' is not one of "
                             f"{', '.join(kind.value for kind in Kind)}.") from None
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list):
        raise LetterSetError(f"{where}: the other words (aliases) must be a list.")
    return LetterDef(entry.get("symbol"), entry.get("name"), entry.get("meaning", ""), kind,  # type: ignore[arg-type]
                     entry.get("colour"), tuple(aliases))


def _no_other_keys(data: Mapping[Any, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(str(key) for key in data.keys() - allowed)
    if unknown:
        raise LetterSetError(f"{where} has a field this version does not know: '{shown(unknown[0])}'.")


def _typed(value: Any, kind: type, what: str) -> Any:
    if not isinstance(value, kind):
        raise LetterSetError(f"{what} must be {'true or false' if kind is bool else 'text'}.")
    return value


NOTE_LABEL = "Letters"
_NOTE_LIMIT = 16 * 1024  # a team's own set in JSON is a few hundred characters


def note_cells(letter_set: LetterSet) -> tuple[str, str]:
    """The two cells that record a set under a grid: ``"Letters (RASCI): R = Responsible; ..."``, ``"rasci"``.

    The second cell is a built-in set's id, or a team's own set as the JSON
    the team file stores.
    """
    legend = "; ".join(f"{letter.symbol} = {letter.name}" for letter in letter_set.letters)
    data = to_data(letter_set)
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"{NOTE_LABEL} ({letter_set.name}): {legend}", text


def from_note(first: object, second: object) -> LetterSet | None:
    """The set two cells record (see :func:`note_cells`), or ``None`` when they are not such a record."""
    if not isinstance(first, str) or not isinstance(second, str) or not fold(first).startswith(fold(NOTE_LABEL)):
        return None
    text = second.strip()
    if not text or len(text) > _NOTE_LIMIT:
        return None
    try:
        return from_data(json.loads(text)) if text.startswith("{") else builtin(text)
    except (LetterSetError, ValueError, RecursionError):
        return None
