"""Start-up of the bundle (dist/raci-builder) against the same ``raci`` run from the venv.

Measured only when a bundle has been built (``make bundle``); otherwise this
module has no cases. Each run is a fresh process of ``raci`` with fresh
settings and ``RACI_EXIT_AFTER_SHOWN=1`` (see :mod:`raci.ui.app`): the time
runs from starting the process to the line it prints at the window's first
Show event (or, for the second pair, once the contents are built). The venv
run goes first in each turn, so a busy machine slows both alike; the bundle
must stay within 1.2 times the venv's median.

``make bench`` measures on the offscreen platform; ``scripts/bench-bundle.sh``
also measures a real X window under Xvfb.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import Baseline, Case

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = Path(os.environ.get("RACI_BUNDLE", ROOT / "dist" / "raci-builder")) / "raci"
RATIO = 1.2


def _venv_command() -> list[str]:
    script = Path(sys.executable).with_name("raci")
    return [str(script)] if script.exists() else [sys.executable, "-m", "raci"]


def start(command: list[str], until: str) -> float:
    """Milliseconds from starting ``command`` to the line ``until`` (``shown`` or ``ready``)."""
    with tempfile.TemporaryDirectory(prefix="raci-bench-bundle-") as home:
        runtime = Path(home, "run")
        runtime.mkdir(mode=0o700)
        env = {**os.environ, "RACI_EXIT_AFTER_SHOWN": "1", "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home,
               "XDG_RUNTIME_DIR": str(runtime)}
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
        assert process.stdout is not None
        for line in process.stdout:  # "shown", then "ready"
            if line.strip() == until:
                break
        else:
            line = ""
        elapsed = (time.perf_counter() - started) * 1000
        process.kill()  # what comes after the line is not start-up
        process.wait(timeout=60)
    if line.strip() != until:
        raise RuntimeError(f"{command[0]} never printed '{until}'; run it by hand to see why.")
    return elapsed


_WARM: set[str] = set()


def _warm_up(command: list[str]) -> None:
    """One untimed start of each side: the disk cache and the bytecode cache are filled as on a user's second start."""
    if command[0] not in _WARM:
        _WARM.add(command[0])
        start(command, "ready")


def _pair(until: str, label: str) -> Case:
    bundle, venv = [str(BUNDLE)], _venv_command()
    return Case(
        f"bundle start-up: {label}", None, lambda: _warm_up(bundle), lambda _state: start(bundle, until), repeat=9,
        note=f"at most {RATIO}x the venv's raci, in turns",
        baseline=Baseline(lambda: _warm_up(venv), lambda _state: start(venv, until), RATIO),
    )


CASES = [_pair("shown", "window shown"), _pair("ready", "contents built")] if BUNDLE.exists() else []
