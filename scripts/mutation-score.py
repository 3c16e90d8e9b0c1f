"""Print the mutation score of the last `mutmut run`, per group of modules and overall.

Reads the results mutmut keeps beside each mutated file (``mutants/**/*.py.meta``).
A mutant counts as killed when a test failed on it or it ran past its time
limit; one that no test reaches counts as surviving. Exits with 1 when the
overall score or any group's is under ``--minimum`` (percent), or when mutants
are left unchecked (an interrupted run).

    python scripts/mutation-score.py [--minimum 85] [--survivors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

GROUPS = (
    ("model", "src/raci/model.py"),
    ("rules", "src/raci/rules/"),
    ("team file", "src/raci/teamfile.py"),
    ("sheet import", "src/raci/formats/sheet_"),
)
KILLED = {1, 3, 24, -24, 36, 152, 255}  # a failing test, pytest's internal error, a time limit
UNCHECKED = {None, 2}  # not run yet, or the run was interrupted


def group_of(path: str) -> str:
    return next((name for name, prefix in GROUPS if path.startswith(prefix)), "other")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minimum", type=float, default=0.0,
                        help="the lowest score, overall and per group, that passes")
    parser.add_argument("--survivors", action="store_true", help="list the surviving mutants' names")
    parser.add_argument("--mutants", type=Path, default=Path("mutants"), help="mutmut's working folder")
    options = parser.parse_args()
    killed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    unchecked = 0
    survivors: list[str] = []
    for meta in sorted(options.mutants.glob("src/**/*.py.meta")):
        source = meta.relative_to(options.mutants).as_posix().removesuffix(".meta")
        group = group_of(source)
        for name, code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items():
            if code in UNCHECKED:
                unchecked += 1
                continue
            total[group] += 1
            if code in KILLED:
                killed[group] += 1
            else:
                survivors.append(name)
    if not total:
        print("No mutation results: run `make mutation` first.", file=sys.stderr)
        return 1
    if options.survivors:
        print("\n".join(sorted(survivors)))
    print("Mutation score (killed / mutants):")
    for name in [name for name, _ in GROUPS] + ["other"]:
        if total[name]:
            print(f"  {name:<13} {killed[name]:>5} / {total[name]:<5} {100 * killed[name] / total[name]:5.1f}%")
    score = 100 * sum(killed.values()) / sum(total.values())
    print(f"  {'overall':<13} {sum(killed.values()):>5} / {sum(total.values()):<5} {score:5.1f}%")
    if unchecked:
        print(f"{unchecked} mutants were not checked (the run was interrupted): run `make mutation` again.")
        return 1
    short = [name for name, _ in GROUPS if total[name] and 100 * killed[name] / total[name] < options.minimum]
    if score < options.minimum or short:
        print(f"The score of {', '.join(short) or 'the whole'} is under the {options.minimum:g}% the core keeps.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
