"""The team file's validator, generated ahead of time from the schema, is current and checks as the schema says."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import fastjsonschema
import pytest

from raci import schema_code, teamfile_schema
from raci.resources import read_text
from raci.teamfile import dumps_team

from tests.conftest import make_small_team


def _schema_text() -> str:
    return read_text(*schema_code.SCHEMA_FILE)


def test_the_generated_validator_was_made_from_the_schema_as_it_is_now() -> None:
    assert schema_code.schema_digest(_schema_text()) == teamfile_schema.SCHEMA_SHA256, (
        "resources/team-file.schema.json changed: run 'python -m raci.schema_code' and commit "
        "src/raci/teamfile_schema.py")


def test_the_generated_module_is_what_the_generator_writes() -> None:
    if teamfile_schema.VERSION != fastjsonschema.VERSION:
        pytest.skip(f"written with fastjsonschema {teamfile_schema.VERSION}, {fastjsonschema.VERSION} is installed")
    assert schema_code.TARGET.read_text(encoding="utf-8") == schema_code.source()


def _faults(document: Any) -> tuple[str | None, str | None]:
    """What the generated validator and one compiled from the schema now say about a document (None: valid)."""
    said = []
    for validate in (teamfile_schema.validate_team_file, fastjsonschema.compile(json.loads(_schema_text()))):
        try:
            validate(document)
            said.append(None)
        except (teamfile_schema.JsonSchemaValueException, fastjsonschema.JsonSchemaValueException) as error:
            said.append(f"{error.message} [{error.rule}] {error.path}")
    return said[0], said[1]


def _document() -> dict[str, Any]:
    return json.loads(dumps_team(make_small_team()))


@pytest.mark.parametrize("change", [
    lambda document: None,
    lambda document: document.update(version="two"),
    lambda document: document["people"][0].update(id="Not an id!"),
    lambda document: document.update(settings={"rules": {"Bad Rule": {"enabled": True}}}),
    lambda document: document.update(letters="xyz"),
    lambda document: document["cells"].update({"order-the-backlog": {"ana-lima": "Z"}}),
    lambda document: document.update(extra=1),
], ids=["valid", "version", "person-id", "rule-key", "letters", "cell", "extra-field"])
def test_the_generated_validator_says_what_the_schema_says(change: Any) -> None:
    document = _document()
    change(document)
    generated, compiled = _faults(document)
    assert generated == compiled


def test_a_row_of_cells_is_checked_on_its_own_as_the_schema_defines_it() -> None:
    teamfile_schema.validate_cell_row({"ana-lima": "A/R"})
    with pytest.raises(teamfile_schema.JsonSchemaValueException) as caught:
        teamfile_schema.validate_cell_row({"ana-lima": 5})
    assert caught.value.path == ["data", "ana-lima"]


def test_loading_a_team_file_does_not_import_the_schema_compiler() -> None:
    code = ("import sys; from raci.templates import load_template; load_template('scrum-team'); "
            "print('fastjsonschema' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "False"
