"""What every hostile-input test checks: one printable sentence, the documented exit code, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from raci.cli import main
from raci.teamfile import dumps_team

from tests.conftest import make_small_team


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``raci ARGS`` in this process: the exit code, standard output and standard error."""
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_sentence(text: str, start: str = "raci: ") -> str:
    """The single line ``text`` must be: printable, no traceback, ending in a full stop."""
    lines = text.strip("\n").split("\n")
    assert len(lines) == 1, text
    line = lines[0]
    assert line.startswith(start), line
    assert line.isprintable(), repr(line)  # no ESC, no carriage return, no bidi override
    assert "Traceback" not in text and line.endswith("."), line
    return line


def team_document() -> dict[str, Any]:
    """The small team as the JSON document its file holds, to be spoiled by a test."""
    return json.loads(dumps_team(make_small_team()))


def write_document(path: Path, document: dict[str, Any] | str) -> Path:
    text = document if isinstance(document, str) else json.dumps(document)
    path.write_text(text, encoding="utf-8")
    return path
