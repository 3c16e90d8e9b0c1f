"""Load and save of a 1000-responsibility x 100-person team."""

from __future__ import annotations

import tempfile
from pathlib import Path

from raci.teamfile import load_team, save_team

from benchmarks.common import Case, make_team

_FOLDER = Path(tempfile.mkdtemp(prefix="raci-bench-"))


def _saved(density: float) -> Path:
    path = _FOLDER / f"team-{density}.raci.json"
    save_team(make_team(1000, 100, density), path)
    load_team(path)  # the schema is compiled once per process; measure the steady state
    return path


CASES = [
    Case("save 1000 x 100, every cell filled", 150, lambda: (make_team(1000, 100), _FOLDER / "out.raci.json"),
         lambda state: save_team(*state)),
    Case("load 1000 x 100, every cell filled", 150, lambda: _saved(1.0), load_team),
    Case("save 1000 x 100, 20% filled", 150, lambda: (make_team(1000, 100, 0.2), _FOLDER / "out2.raci.json"),
         lambda state: save_team(*state)),
    Case("load 1000 x 100, 20% filled", 150, lambda: _saved(0.2), load_team),
]
