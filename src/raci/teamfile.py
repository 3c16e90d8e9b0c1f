"""The team file (``*.raci.json``): load with validation, save atomically.

The file is UTF-8 JSON with stable key order and two-space indentation.
Each row of cells is written on one line, so a team that keeps its file in
git sees one changed line per edited row.

Loading checks the document against ``resources/team-file.schema.json``
(the public contract) with fastjsonschema's validator for it, generated
ahead of time into :mod:`raci.teamfile_schema` (compiling it at every
start cost about 25 ms), then checks what a schema cannot
say: the letter set is usable, every cell is a cell of it, ids are unique,
every cell names a known person and responsibility, and every rule setting
and acknowledgment names a rule this version has.

Format 2 carries the team's letter set (``"letters"``: a built-in set's
id, or a set of the team's own in full; :mod:`raci.letters.serial`). A
RACI team's file leaves it out, so it reads as it always did apart from
its version. A format-1 file is a RACI team; as it loads, each row that
came from the catalog (``sources``) gains the tags its catalog entries
carry today and the row lacks (the checks read tags older files do not
have), and it is saved as format 2.
Every fault becomes a :class:`TeamFileError` whose sentence names the file,
the place (a JSON pointer or a line) and what to do. The JSON is read
strictly (:mod:`raci.strict_json`): no ``NaN``, no endless numbers, no half
surrogate pairs, so whatever loads can be saved again.

A team file may be at most :data:`MAX_BYTES`. The save checks the same
limit before it writes, so the program never writes a team file it would
refuse to open.
"""

from __future__ import annotations

import datetime
import functools
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from raci import strict_json, teamfile_schema
from raci.collector import paused_collector
from raci.errors import SaveError, SettingsError, TeamEditError, TeamFileError, UnknownPersonError, shown
from raci.files import read_limited
from raci.letters import DEFAULT, LetterSet, LetterSetError, from_data, reads, to_data
from raci.model import (
    Acknowledgment,
    Person,
    Profile,
    Responsibility,
    RuleSetting,
    Side,
    Size,
    Team,
)

__all__ = ["FORMAT", "MAX_BYTES", "SUFFIX", "VERSION", "dumps_team", "load_team", "loads_team", "save_team",
           "team_to_document"]


FORMAT = "raci-team"
VERSION = 2
SUFFIX = ".raci.json"
# The largest team the app makes in practice, 10,000 responsibilities by 300
# people with every cell filled, saves to 41.8 MB; a sheet imported at the
# import caps with 40-character ids, to 55 MB. A 64 MB file of the densest
# kind (two-character ids) loads in about 3 s and 620 MB.
MAX_BYTES = 64 * 1024 * 1024
LIMIT_TEXT = "64 MB"


# ----------------------------------------------------------------------- load
def load_team(path: str | os.PathLike[str]) -> Team:
    """Read and check a team file; raises :class:`TeamFileError` with one sentence."""
    path = Path(path)
    name = path.name
    data = read_limited(path, MAX_BYTES, f"{LIMIT_TEXT} limit for team files", "choose a *.raci.json file",
                        lambda fault, advice: _fault(name, fault, advice))
    return loads_team(data, name)


def loads_team(data: bytes | str, name: str = "the team file") -> Team:
    """Check and build a team from the bytes (or text) of a team file."""
    with paused_collector():
        document = _parse(data, name)
        _check_header(document, name)
        letters = _validate(document, name)
        if document["version"] == 1:
            _refresh_tags(document)
        try:
            team = _team_from_document(document, letters)
        except (TeamEditError, UnknownPersonError, KeyError) as error:
            raise _fault(name, _semantic_fault(document, error), "fix or remove that entry") from None
    _check_rule_ids(team, name)
    return team


def _check_rule_ids(team: Team, name: str) -> None:
    """Refuse rule settings and acknowledgments that name a rule this version does not have."""
    places: list[tuple[tuple[str | int, ...], str]]
    places = [(("settings", "rules", rule_id), rule_id) for rule_id in team.rule_settings]
    places += [(("acknowledgments", position, "rule"), ack.rule) for position, ack in enumerate(team.acknowledgments)]
    if not places:
        return  # nothing names a rule: the rules (a package that takes some 10 ms to import) are not needed
    from raci.rules import RULES

    for path, rule_id in places:
        if rule_id not in RULES:
            raise SettingsError(
                f"Cannot open {shown(name)}: at {_pointer(path)}, '{shown(rule_id)}' is not a rule of this "
                f"RACI Builder (the rules are {', '.join(RULES.ids())}); fix the rule id or remove that entry.")


def _parse(data: bytes | str, name: str) -> Any:
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise _fault(name, f"the file is over the {LIMIT_TEXT} limit for team files",
                         "check that this is the right file")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise _fault(name, f"byte {error.start} is not UTF-8 text, so this is not a team file",
                         "choose a *.raci.json file saved by RACI Builder") from None
    else:
        text = data
    if not text.strip():
        raise _fault(name, "the file is empty", "choose a team file saved by RACI Builder")
    try:
        return strict_json.loads(text)
    except strict_json.DuplicateKey as error:
        raise _fault(name, f"the key '{shown(error.key)}' appears twice in one object",
                     "keep only one of them") from None
    except strict_json.Refused as error:
        raise _fault(name, f"at {_pointer(error.place)}, {error.fault}",
                     "fix that value, or restore a saved copy") from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        # An unterminated string means the text ran out inside it: truncated too.
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            raise _fault(name, f"the JSON stops early at {where}, so the file looks truncated",
                         "restore a saved copy") from None
        raise _fault(name, f"it is not valid JSON at {where} ({error.msg})",
                     "choose a team file saved by RACI Builder") from None
    except RecursionError:
        raise _fault(name, "the JSON is nested too deeply to be a team file", "choose a *.raci.json file") from None


def _check_header(document: Any, name: str) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _fault(name, f"it is JSON but not a RACI Builder team file (no \"format\": \"{FORMAT}\")",
                     "choose a *.raci.json file")
    version = _whole(document.get("version"))
    document["version"] = version
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise _fault(name, f"it was written in team-file format {version} by a newer RACI Builder "
                     f"and this one reads format {VERSION} and older", "update RACI Builder to open it")


def _whole(value: Any) -> Any:
    """A whole number written as ``2.0`` read as the integer it is (JSON has one kind of number)."""
    if type(value) is float and value.is_integer():
        return int(value)
    return value


def _validate(document: dict[str, Any], name: str) -> LetterSet:
    """Check the document against the schema and its cells against its letter set, which it returns."""
    # Checking 100,000 letters through the schema costs about 250 ms; the
    # same check as a set comparison per row costs about 5 ms. The schema
    # still validates every row whose letters are not all plainly valid, so
    # the message always comes from the schema, or names the set.
    cells = document.get("cells")
    shallow = {**document, "cells": {}} if isinstance(cells, dict) else {**document}
    shallow.pop("letters", None)  # checked as a set is built, which names the letter at fault
    _run_schema(teamfile_schema.validate_team_file, shallow, (), name)
    _check_dates(document, name)
    letters = _letter_set(document, name)
    allowed = _cells_of(letters)
    for row_id, row in cells.items():  # type: ignore[union-attr]  # a dict once validated
        try:
            plainly_valid = type(row) is dict and allowed.issuperset(row.values())
        except TypeError:  # an unhashable value (a list or object) in the row
            plainly_valid = False
        if not plainly_valid:
            _run_schema(teamfile_schema.validate_cell_row, row, ("cells", row_id), name)
            for person_id, value in row.items():
                if value not in allowed:
                    raise _fault(name, f"at {_pointer(('cells', row_id, person_id))}, {_cell_fault(value, letters)}",
                                 "fix that value, or restore a saved copy")
    return letters


def _check_dates(document: dict[str, Any], name: str) -> None:
    """Refuse an acknowledgment dated on no calendar day ("2026-13-45"): the schema checks only the digits."""
    for number, acknowledgment in enumerate(document.get("acknowledgments", ())):
        try:
            datetime.date.fromisoformat(acknowledgment["date"])
        except ValueError:
            raise _fault(name, f"at {_pointer(('acknowledgments', number, 'date'))}, "
                               f"{shown(json.dumps(acknowledgment['date']))} is no day of the calendar",
                         "write the day as year-month-day, such as 2026-01-15") from None


def _letter_set(document: dict[str, Any], name: str) -> LetterSet:
    """The team's letters: RACI when the file names none (every format-1 file)."""
    if "letters" not in document:
        return DEFAULT
    if document["version"] == 1:
        raise _fault(name, "at /letters, a format-1 team file names no letter set (format 2 does)",
                     "set \"version\" to 2, or remove \"letters\"")
    try:
        return from_data(document["letters"])
    except LetterSetError as error:
        fault = _lower_first(str(error).rstrip("."))
        raise _fault(name, f"at /letters, {fault}", "fix the letter set, or restore a saved copy") from None


@functools.lru_cache(maxsize=32)
def _cells_of(letters: LetterSet) -> frozenset[str]:
    """Every cell of a set, for checking a row of the file in one set comparison."""
    return frozenset(letters.all_cells())


def _cell_fault(value: Any, letters: LetterSet) -> str:
    """Why a cell of the file is no cell of the team's letters, and how it would be written."""
    reading = reads(value, letters) if isinstance(value, str) else None
    if reading is not None and reading.cell is not None:
        return (f"'{shown(value)}' is written '{reading.cell}' in a team file "
                "(letters in the set's order, joined by '/')")
    symbols = letters.symbols
    listing = symbols[0] if len(symbols) == 1 else f"{', '.join(symbols[:-1])} or {symbols[-1]}"
    return (f"'{shown(value)}' is not a cell of the team's letters ({letters.name}: {listing}, "
            "or several joined by '/')")


def _lower_first(sentence: str) -> str:
    """A sentence to follow a comma: "Letter 1 of ..." becomes "letter 1 of ..."; a quote or an acronym stays."""
    first = sentence.split(" ", 1)[0]
    if first[:1] in "'\"‘“" or (len(first) > 1 and first.isupper()):
        return sentence
    return sentence[:1].lower() + sentence[1:]


def _refresh_tags(document: dict[str, Any]) -> None:
    """Give each catalog row of a format-1 file the tags its catalog entries carry today (never removing any)."""
    rows = [row for row in document["responsibilities"] if row.get("sources")]
    if not rows:
        return
    from raci.catalog import load_catalog  # only format-1 files with catalog rows need the catalog

    catalog = load_catalog()
    for row in rows:
        tags = list(row.get("tags", ()))
        for entry_id in row["sources"]:
            try:
                entry = catalog.entry(entry_id)
            except KeyError:
                continue  # an entry this catalog no longer has keeps the row as it is
            tags += [tag for tag in entry.tags if tag not in tags]
        row["tags"] = tags


def _run_schema(validator: Callable[[Any], Any], value: Any, prefix: tuple[str, ...], name: str) -> None:
    try:
        validator(value)
    except teamfile_schema.JsonSchemaValueException as error:
        path = prefix + tuple(error.path[1:])
        raise _fault(name, f"at {_pointer(path)}, {_describe(error)}",
                     "fix that value, or restore a saved copy") from None


def _describe(error: teamfile_schema.JsonSchemaValueException) -> str:
    """Turn a schema violation into words a person can act on."""
    value, definition, rule = error.value, error.definition or {}, error.rule
    if rule == "enum":
        choices = ", ".join(str(choice) for choice in definition.get("enum", ()))
        return f"{shown(json.dumps(value, ensure_ascii=False))} is not one of {choices}"
    if rule == "type":
        return f"expected {_json_type_name(definition.get('type'))} but found {_json_type_of(value)}"
    if rule == "required" and isinstance(value, dict):
        missing = [key for key in definition.get("required", ()) if key not in value]
        return f"the field \"{shown(missing[0]) if missing else '?'}\" is missing"
    if rule == "additionalProperties" and isinstance(value, dict):
        extra = [key for key in value if key not in definition.get("properties", {})]
        return f"the field \"{shown(extra[0]) if extra else '?'}\" is not part of a team file"
    if rule == "propertyNames" and isinstance(value, dict):  # named by the schema's own id rule
        names = definition.get("propertyNames", {})
        pattern, longest = re.compile(names.get("pattern", "")), names.get("maxLength", 64)
        bad = next((key for key in value if not pattern.search(key) or len(key) > longest), "?")
        return f"the name {shown(json.dumps(bad, ensure_ascii=False))} is not a valid id " \
               "(letters, digits, '.', '_' and '-')"
    if rule == "pattern" and definition.get("maxLength") == 64:
        return f"{shown(json.dumps(value, ensure_ascii=False))} is not a valid id (letters, digits, '.', '_' and '-')"
    if rule == "pattern" and error.path[-1:] == ["date"]:  # an acknowledgment's date
        return f"{shown(json.dumps(value, ensure_ascii=False))} is not a day written year-month-day, such as 2026-01-15"
    if rule in ("minLength", "pattern") and isinstance(value, str) and not value.strip():
        return "the text is empty"
    if rule == "maxLength":
        return f"the text is longer than {definition.get('maxLength')} characters"
    if rule == "const":
        return f"expected {json.dumps(definition.get('const'))}"
    if rule in ("minimum", "maximum"):
        return f"{shown(value)} is out of range ({rule} {definition.get(rule)})"
    return shown(error.message.split(" ", 1)[-1], 200)


def _json_type_name(kind: Any) -> str:
    names = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
             "array": "a list", "object": "an object", "null": "null"}
    if isinstance(kind, list):
        return " or ".join(names.get(k, str(k)) for k in kind)
    return names.get(kind, str(kind))


def _json_type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    for kind, label in ((str, "text"), (int, "a whole number"), (float, "a number"), (list, "a list"),
                        (dict, "an object")):
        if isinstance(value, kind):
            return label
    return "null"


def _pointer(path: tuple[Any, ...]) -> str:
    if not path:
        return "the top level"
    return shown("/" + "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in path), 120)


def _team_from_document(document: dict[str, Any], letters: LetterSet) -> Team:
    profile = document["profile"]
    people = [Person(p["id"], p["name"].strip(), tuple(p.get("titles", ()))) for p in document["people"]]
    rows = [
        Responsibility(
            r["id"], r["title"].strip(), r.get("description", ""), r.get("category", ""),
            Side(r.get("side", "other")), tuple(r.get("tags", ())), tuple(r.get("sources", ())),
        )
        for r in document["responsibilities"]
    ]
    settings = document.get("settings", {}).get("rules", {})
    return Team.from_parts(
        name=document["name"].strip() or "Untitled team",
        description=document.get("description", ""),
        profile=Profile(Size(profile["size"]), _whole(profile["delivery_teams"]), profile.get("notes", "")),
        rule_settings={rule: RuleSetting(s.get("enabled", True), s.get("threshold")) for rule, s in settings.items()},
        acknowledgments=[
            Acknowledgment(a["rule"], tuple(a.get("responsibilities", ())), tuple(a.get("people", ())),
                           a["reason"], a["date"])
            for a in document.get("acknowledgments", ())
        ],
        letter_set=letters,
        people=people,
        responsibilities=rows,
        cells=document["cells"],
    )


def _semantic_fault(document: dict[str, Any], error: Exception) -> str:
    """Say where in the document a fault the schema cannot see sits."""
    for kind, label in (("people", "person"), ("responsibilities", "responsibility")):
        seen: set[str] = set()
        for position, item in enumerate(document[kind]):
            if item["id"] in seen:
                return f"at /{kind}/{position}/id, the id '{shown(item['id'])}' is used by more than one {label}"
            seen.add(item["id"])
    people = {person["id"] for person in document["people"]}
    rows = {row["id"] for row in document["responsibilities"]}
    for row_id, row in document["cells"].items():
        if row_id not in rows:
            return (f"at {_pointer(('cells', row_id))}, the cells name a responsibility '{shown(row_id)}' "
                    "that is not in /responsibilities")
        for person_id in row:
            if person_id not in people:
                return (f"at {_pointer(('cells', row_id, person_id))}, a cell names a person '{shown(person_id)}' "
                        "who is not in /people")
    return shown(str(error), 200)


def _fault(name: str, fault: str, advice: str) -> TeamFileError:
    return TeamFileError(f"Cannot open {shown(name)}: {fault}; {advice}.")


# ----------------------------------------------------------------------- save
def team_to_document(team: Team, *, with_cells: bool = True) -> dict[str, Any]:
    """The team as the JSON document a team file holds (cells in row and column order).

    The letter set follows the profile, for any team but a RACI one.
    ``with_cells=False`` leaves the cells out, for a reader that has them
    elsewhere.
    """
    column = {person.id: position for position, person in enumerate(team.people)}
    cells = {}
    for row in team.responsibilities if with_cells else ():
        letters = team.row_letters(row.id)
        if letters:
            ordered = sorted(letters.items(), key=lambda item: column[item[0]])
            cells[row.id] = dict(ordered)
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "name": team.name,
        "description": team.description,
        "profile": {
            "size": team.profile.size.value,
            "delivery_teams": team.profile.delivery_teams,
            "notes": team.profile.notes,
        },
    }
    if team.letter_set != DEFAULT:
        document["letters"] = to_data(team.letter_set)
    document["people"] = [{"id": p.id, "name": p.name, "titles": list(p.titles)} for p in team.people]
    document["responsibilities"] = [_row_document(row) for row in team.responsibilities]
    if with_cells:
        document["cells"] = cells
    if team.rule_settings:
        document["settings"] = {"rules": {rule: _setting_document(s) for rule, s in sorted(team.rule_settings.items())}}
    if team.acknowledgments:
        document["acknowledgments"] = [
            {"rule": a.rule, "responsibilities": list(a.responsibilities), "people": list(a.people),
             "reason": a.reason, "date": a.date}
            for a in team.acknowledgments
        ]
    return document


def _row_document(row: Responsibility) -> dict[str, Any]:
    return {
        "id": row.id,
        "title": row.title,
        "description": row.description,
        "category": row.category,
        "side": row.side.value,
        "tags": list(row.tags),
        "sources": list(row.sources),
    }


def _setting_document(setting: RuleSetting) -> dict[str, Any]:
    document: dict[str, Any] = {"enabled": setting.enabled}
    if setting.threshold is not None:
        document["threshold"] = setting.threshold
    return document


def dumps_team(team: Team) -> str:
    """The text of a team file: indented JSON, one line per row of cells.

    Raises :class:`SaveError` for a number JSON cannot hold (``NaN``, an
    infinity), which the loader would refuse.
    """
    try:
        return _dumps(team)
    except ValueError:
        raise SaveError(f"Cannot save {shown(team.name)}: a rule setting holds a number JSON cannot store "
                        "(NaN or infinity); set that threshold again and save.") from None


def _dumps(team: Team) -> str:
    document = team_to_document(team)
    cells = document.pop("cells")
    extra = {key: document.pop(key) for key in ("settings", "acknowledgments") if key in document}
    head = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)[:-2]  # drop the closing "\n}"
    if cells:
        lines = [f"    {json.dumps(rid, ensure_ascii=False)}: {json.dumps(row, ensure_ascii=False)}"
                 for rid, row in cells.items()]
        cells_text = "{\n" + ",\n".join(lines) + "\n  }"
    else:
        cells_text = "{}"
    tail = "".join(
        f',\n  "{key}": ' + json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False).replace("\n", "\n  ")
        for key, value in extra.items()
    )
    return f'{head},\n  "cells": {cells_text}{tail}\n}}\n'


def encode_team(team: Team, name: str) -> bytes:
    """The bytes of ``team``'s file; raises :class:`SaveError` when they would pass the size limit.

    Text UTF-8 cannot hold (half of a surrogate pair) is written as U+FFFD,
    so such text never stops a save.
    """
    from raci.saving import utf8

    data = utf8(dumps_team(team))
    if len(data) > MAX_BYTES:
        raise SaveError(f"Cannot save {shown(name)}: the team file would be {len(data) / 1_048_576:.1f} MB, over "
                        f"the {LIMIT_TEXT} a team file may hold, so it could not be opened again; "
                        "split the team or remove people or responsibilities, then save.")
    return data


def save_team(team: Team, path: str | os.PathLike[str]) -> None:
    """Write a team file atomically: the old file stays whole if anything fails."""
    from raci.saving import write_atomically

    path = Path(path)
    write_atomically(path, encode_team(team, path.name))
