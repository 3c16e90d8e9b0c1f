"""Run every ``benchmarks/bench_*.py`` and print a table of median times against targets.

Usage: ``python benchmarks/run.py [NAME-FILTER]`` (``make bench``). A case
with a baseline is timed in turn with it and must also stay within its
ratio of the baseline's median. Exits 1 when a case misses a target, so a
slowdown is visible, but no test fails on timing: speed is measured here,
never asserted in the test suite.
"""

from __future__ import annotations

import gc
import importlib
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.common import Case  # noqa: E402


def _time(setup: Callable[[], Any], run: Callable[[Any], Any], result: list[Any] | None = None) -> float:
    state = setup()
    gc.collect()
    start = time.perf_counter()
    value = run(state)
    elapsed = (time.perf_counter() - start) * 1000
    if result is not None:
        result.append(value)
    return elapsed


def measure(case: Case, peaks: list[float] | None = None) -> tuple[list[float], list[float]]:
    """The case's times, and its baseline's taken in turn with them (empty without a baseline)."""
    times, baseline = [], []
    for _ in range(case.repeat):
        times.append(_time(case.setup, case.run, peaks))
        if case.baseline is not None:
            baseline.append(_time(case.baseline.setup, case.baseline.run))
    return times, baseline


def main(argv: list[str]) -> int:
    wanted = argv[0] if argv else ""
    rows, missed = [], 0
    for path in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        module = importlib.import_module(f"benchmarks.{path.stem}")
        for case in module.CASES:
            if wanted not in case.name:
                continue
            peaks: list[float] = []
            times, baseline = measure(case, peaks)
            median = statistics.median(times)
            ok = case.target_ms is None or median <= case.target_ms
            note = case.note
            if case.memory_mb is not None:  # the case's run returned its peak memory
                ok = ok and max(peaks) <= case.memory_mb
                note = f"peak {max(peaks):.0f} MB (at most {case.memory_mb:g}); {note}"
            target = "-" if case.target_ms is None else f"{case.target_ms:g}"
            ratio = ""
            if case.baseline is not None:
                times_baseline = median / statistics.median(baseline)
                most = case.baseline.most
                ok = ok and (most is None or times_baseline <= most)
                limit = "" if most is None else f", at most {most:g}"
                ratio = f"{times_baseline:.2f} (baseline {statistics.median(baseline):.0f} ms{limit})"
            missed += not ok
            rows.append((case.name, f"{median:.1f}", f"{min(times):.1f}", target, ratio, "ok" if ok else "MISSED",
                         note))
            print(f"  measured: {case.name}", file=sys.stderr)
    header = ("case", "median ms", "best ms", "target ms", "x baseline", "", "note")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print(" | ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
