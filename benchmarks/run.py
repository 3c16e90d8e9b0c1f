"""Run every ``benchmarks/bench_*.py`` and print a table of median times against targets.

Usage: ``python benchmarks/run.py [NAME-FILTER]`` (``make bench``). Exits 1
when a case misses its target, so a slowdown is visible, but no test fails
on timing: speed is measured here, never asserted in the test suite.
"""

from __future__ import annotations

import gc
import importlib
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.common import Case  # noqa: E402


def measure(case: Case) -> list[float]:
    times = []
    for _ in range(case.repeat):
        state = case.setup()
        gc.collect()
        start = time.perf_counter()
        case.run(state)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main(argv: list[str]) -> int:
    wanted = argv[0] if argv else ""
    rows, missed = [], 0
    for path in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        module = importlib.import_module(f"benchmarks.{path.stem}")
        for case in module.CASES:
            if wanted not in case.name:
                continue
            times = measure(case)
            median = statistics.median(times)
            ok = case.target_ms is None or median <= case.target_ms
            missed += not ok
            target = "-" if case.target_ms is None else f"{case.target_ms:g}"
            rows.append((case.name, f"{median:.1f}", f"{min(times):.1f}", target, "ok" if ok else "MISSED", case.note))
            print(f"  measured: {case.name}", file=sys.stderr)
    header = ("case", "median ms", "best ms", "target ms", "", "note")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print(" | ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
