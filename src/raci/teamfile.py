"""The team file (``*.raci.json``): load with validation, save atomically.

The file is UTF-8 JSON with stable key order and two-space indentation.
Each row of cells is written on one line, so a team that keeps its file in
git sees one changed line per edited row.

Loading checks the document against ``resources/team-file.schema.json``
(the public contract) with fastjsonschema, then checks what a schema cannot
say: ids are unique, every cell names a known person and responsibility,
and every rule setting and acknowledgment names a rule this version has.
Every fault becomes a :class:`TeamFileError` whose sentence names the file,
the place (a JSON pointer or a line) and what to do.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import fastjsonschema

from raci.errors import SaveError, SettingsError, TeamEditError, TeamFileError, UnknownPersonError
from raci.model import (
    Acknowledgment,
    Letter,
    Person,
    Profile,
    Responsibility,
    RuleSetting,
    Side,
    Size,
    Team,
)
from raci.resources import read_text

FORMAT = "raci-team"
VERSION = 1
SUFFIX = ".raci.json"
MAX_BYTES = 20 * 1024 * 1024  # far above any real team; stops a stray huge file early
SCHEMA_FILE = ("resources", "team-file.schema.json")

_LETTERS: Mapping[str, Letter] = {letter.value: letter for letter in Letter}
_LETTER_SET = frozenset(_LETTERS)

# ----------------------------------------------------------------------- load
def load_team(path: str | os.PathLike[str]) -> Team:
    """Read and check a team file; raises :class:`TeamFileError` with one sentence."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fault(path.name, f"the file is {size / 1_000_000:.1f} MB, over the 20 MB limit for team files",
                         "check that this is the right file")
        data = path.read_bytes()
    except FileNotFoundError:
        raise _fault(path.name, "there is no such file", "check the name and folder") from None
    except IsADirectoryError:
        raise _fault(path.name, "it is a folder, not a file", "choose a *.raci.json file") from None
    except OSError as error:
        raise _fault(path.name, f"it cannot be read ({error.strerror})", "check its permissions") from None
    return loads_team(data, path.name)


def loads_team(data: bytes | str, name: str = "the team file") -> Team:
    """Check and build a team from the bytes (or text) of a team file."""
    document = _parse(data, name)
    _check_header(document, name)
    _validate(document, name)
    try:
        team = _team_from_document(document)
    except (TeamEditError, UnknownPersonError, KeyError) as error:
        raise _fault(name, _semantic_fault(document, error), "fix or remove that entry") from None
    _check_rule_ids(team, name)
    return team


def _check_rule_ids(team: Team, name: str) -> None:
    """Refuse rule settings and acknowledgments that name a rule this version does not have."""
    from raci.rules import RULES  # imported here, not at the top, so the rules may use the loader without a cycle

    places = [(("settings", "rules", rule_id), rule_id) for rule_id in team.rule_settings]
    places += [(("acknowledgments", position, "rule"), ack.rule) for position, ack in enumerate(team.acknowledgments)]
    for path, rule_id in places:
        if rule_id not in RULES:
            raise SettingsError(
                f"Cannot open {name}: at {_pointer(path)}, '{rule_id}' is not a rule of this RACI Builder "
                f"(the rules are {', '.join(RULES.ids())}); fix the rule id or remove that entry.")


def _parse(data: bytes | str, name: str) -> Any:
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise _fault(name, "the file is over the 20 MB limit for team files", "check that this is the right file")
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
        return json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except _DuplicateKey as error:
        raise _fault(name, f"the key '{error.key}' appears twice in one object", "keep only one of them") from None
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


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _check_header(document: Any, name: str) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _fault(name, f"it is JSON but not a RACI Builder team file (no \"format\": \"{FORMAT}\")",
                     "choose a *.raci.json file")
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise _fault(name, f"it was written in team-file format {version} by a newer RACI Builder "
                     f"and this one reads format {VERSION} and older", "update RACI Builder to open it")


@functools.cache
def _schema() -> dict[str, Any]:
    return json.loads(read_text(*SCHEMA_FILE))


@functools.cache
def _validator() -> Callable[[Any], Any]:
    return fastjsonschema.compile(_schema())


@functools.cache
def _cell_row_validator() -> Callable[[Any], Any]:
    schema = _schema()
    keep = ("$schema", "$id", "definitions")
    return fastjsonschema.compile({**{key: schema[key] for key in keep}, "$ref": "#/definitions/cellRow"})


def _validate(document: dict[str, Any], name: str) -> None:
    # Checking 100,000 letters through the schema costs about 250 ms; the
    # same check as a set comparison per row costs about 5 ms. The schema
    # still validates every row whose letters are not all plainly valid, so
    # the message always comes from the schema.
    cells = document.get("cells")
    shallow = {**document, "cells": {}} if isinstance(cells, dict) else document
    _run_schema(_validator(), shallow, (), name)
    for row_id, row in cells.items():  # type: ignore[union-attr]  # a dict once validated
        try:
            plainly_valid = type(row) is dict and _LETTER_SET.issuperset(row.values())
        except TypeError:  # an unhashable value (a list or object) in the row
            plainly_valid = False
        if not plainly_valid:
            _run_schema(_cell_row_validator(), row, ("cells", row_id), name)


def _run_schema(validator: Callable[[Any], Any], value: Any, prefix: tuple[str, ...], name: str) -> None:
    try:
        validator(value)
    except fastjsonschema.JsonSchemaValueException as error:
        path = prefix + tuple(error.path[1:])
        raise _fault(name, f"at {_pointer(path)}, {_describe(error)}",
                     "fix that value, or restore a saved copy") from None


def _describe(error: fastjsonschema.JsonSchemaValueException) -> str:
    """Turn a schema violation into words a person can act on."""
    value, definition, rule = error.value, error.definition or {}, error.rule
    if rule == "enum":
        choices = ", ".join(str(choice) for choice in definition.get("enum", ()))
        return f"{json.dumps(value, ensure_ascii=False)} is not one of {choices}"
    if rule == "type":
        return f"expected {_json_type_name(definition.get('type'))} but found {_json_type_of(value)}"
    if rule == "required" and isinstance(value, dict):
        missing = [key for key in definition.get("required", ()) if key not in value]
        return f"the field \"{missing[0] if missing else '?'}\" is missing"
    if rule == "additionalProperties" and isinstance(value, dict):
        extra = [key for key in value if key not in definition.get("properties", {})]
        return f"the field \"{extra[0] if extra else '?'}\" is not part of a team file"
    if rule == "pattern" and definition.get("maxLength") == 64:
        return f"{json.dumps(value, ensure_ascii=False)} is not a valid id (letters, digits, '.', '_' and '-')"
    if rule in ("minLength", "pattern") and isinstance(value, str) and not value.strip():
        return "the text is empty"
    if rule == "maxLength":
        return f"the text is longer than {definition.get('maxLength')} characters"
    if rule == "const":
        return f"expected {json.dumps(definition.get('const'))}"
    if rule in ("minimum", "maximum"):
        return f"{value} is out of range ({rule} {definition.get(rule)})"
    return error.message.split(" ", 1)[-1]


def _json_type_name(kind: Any) -> str:
    names = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
             "array": "a list", "object": "an object", "null": "null"}
    if isinstance(kind, list):
        return " or ".join(names.get(k, k) for k in kind)
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
    return "/" + "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in path)


def _team_from_document(document: dict[str, Any]) -> Team:
    profile = document["profile"]
    people = [Person(p["id"], p["name"].strip(), tuple(p.get("titles", ()))) for p in document["people"]]
    rows = [
        Responsibility(
            r["id"], r["title"].strip(), r.get("description", ""), r.get("category", ""),
            Side(r.get("side", "other")), tuple(r.get("tags", ())), tuple(r.get("sources", ())),
        )
        for r in document["responsibilities"]
    ]
    cells = {rid: {pid: _LETTERS[letter] for pid, letter in row.items()} for rid, row in document["cells"].items()}
    settings = document.get("settings", {}).get("rules", {})
    return Team.from_parts(
        name=document["name"].strip() or "Untitled team",
        description=document.get("description", ""),
        profile=Profile(Size(profile["size"]), profile["delivery_teams"], profile.get("notes", "")),
        rule_settings={rule: RuleSetting(s.get("enabled", True), s.get("threshold")) for rule, s in settings.items()},
        acknowledgments=[
            Acknowledgment(a["rule"], tuple(a.get("responsibilities", ())), tuple(a.get("people", ())),
                           a["reason"], a["date"])
            for a in document.get("acknowledgments", ())
        ],
        people=people,
        responsibilities=rows,
        cells=cells,
    )


def _semantic_fault(document: dict[str, Any], error: Exception) -> str:
    """Say where in the document a fault the schema cannot see sits."""
    for kind, label in (("people", "person"), ("responsibilities", "responsibility")):
        seen: set[str] = set()
        for position, item in enumerate(document[kind]):
            if item["id"] in seen:
                return f"at /{kind}/{position}/id, the id '{item['id']}' is used by more than one {label}"
            seen.add(item["id"])
    people = {person["id"] for person in document["people"]}
    rows = {row["id"] for row in document["responsibilities"]}
    for row_id, row in document["cells"].items():
        if row_id not in rows:
            return f"at /cells/{row_id}, the cells name a responsibility '{row_id}' that is not in /responsibilities"
        for person_id in row:
            if person_id not in people:
                return f"at /cells/{row_id}/{person_id}, a cell names a person '{person_id}' who is not in /people"
    return str(error)


def _fault(name: str, fault: str, advice: str) -> TeamFileError:
    return TeamFileError(f"Cannot open {name}: {fault}; {advice}.")


# ----------------------------------------------------------------------- save
def team_to_document(team: Team, *, with_cells: bool = True) -> dict[str, Any]:
    """The team as the JSON document a team file holds (cells in row and column order).

    ``with_cells=False`` leaves the cells out, for a reader that has them elsewhere.
    """
    column = {person.id: position for position, person in enumerate(team.people)}
    cells = {}
    for row in team.responsibilities if with_cells else ():
        letters = team.row_letters(row.id)
        if letters:
            ordered = sorted(letters.items(), key=lambda item: column[item[0]])
            cells[row.id] = {person_id: letter.value for person_id, letter in ordered}
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
        "people": [{"id": p.id, "name": p.name, "titles": list(p.titles)} for p in team.people],
        "responsibilities": [_row_document(row) for row in team.responsibilities],
    }
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
    """The text of a team file: indented JSON, one line per row of cells."""
    document = team_to_document(team)
    cells = document.pop("cells")
    extra = {key: document.pop(key) for key in ("settings", "acknowledgments") if key in document}
    head = json.dumps(document, ensure_ascii=False, indent=2)[:-2]  # drop the closing "\n}"
    if cells:
        lines = [f"    {json.dumps(rid, ensure_ascii=False)}: {json.dumps(row, ensure_ascii=False)}"
                 for rid, row in cells.items()]
        cells_text = "{\n" + ",\n".join(lines) + "\n  }"
    else:
        cells_text = "{}"
    tail = "".join(
        f',\n  "{key}": ' + json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        for key, value in extra.items()
    )
    return f'{head},\n  "cells": {cells_text}{tail}\n}}\n'


def save_team(team: Team, path: str | os.PathLike[str]) -> None:
    """Write a team file atomically: the old file stays whole if anything fails."""
    write_atomically(Path(path), dumps_team(team).encode("utf-8"))


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync it, then rename it over ``path``.

    Raises :class:`SaveError`; on any failure the previous file is untouched
    and the temporary file is gone.
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False)
    except OSError as error:
        raise SaveError(f"Cannot save {path.name}: the folder {folder} cannot be written "
                        f"({error.strerror}); choose another folder.") from None
    temporary = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(path, temporary)
        os.replace(temporary, path)
        _fsync_folder(folder)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise SaveError(f"Cannot save {path.name}: {error.strerror or error}; "
                        "the previous file is unchanged, try again or choose another folder.") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _copy_mode(original: Path, temporary: Path) -> None:
    try:
        os.chmod(temporary, original.stat().st_mode & 0o7777)
    except FileNotFoundError:
        os.chmod(temporary, 0o666 & ~_umask())


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not every platform can open a folder.
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
