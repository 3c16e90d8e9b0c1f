"""``raci letters [TEAM] [--set ID | --set-file FILE] [--dry-run] [-o FILE] [--list]``: a team's letter set.

* ``raci letters --list`` lists the built-in sets and their letters;
* ``raci letters TEAM`` shows the letters the team writes in;
* ``raci letters TEAM --set rasci`` switches the team to a built-in set,
  ``--set-file FILE`` to a set of its own (a JSON object with ``id``,
  ``name`` and ``letters``, each letter with ``symbol``, ``name``,
  ``meaning`` and ``kind``, as the team file stores it). Every cell moves
  to the new set's letter of the same kind; what changes is printed first,
  and ``--dry-run`` stops there. The team file is written in place (or to
  ``-o FILE``), atomically.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from raci.errors import RaciError, TeamFileError
from raci.letters import BUILT_IN, LetterSet, LetterSetError, builtin, from_data, plan_switch
from raci.teamfile import load_team, save_team

NAME = "letters"
HELP = "Show a team's letters, list the letter sets, or switch a team to another set (RACI, RASCI, DACI, ...)."
_MAX_SET_FILE = 64 * 1024  # a letter set is a few hundred bytes


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", help="a team file (*.raci.json)")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--set", metavar="ID", dest="set_id",
                        help=f"switch to a built-in set: {', '.join(letters.id for letters in BUILT_IN)}")
    choice.add_argument("--set-file", metavar="FILE", help="switch to a set of the team's own, read from a JSON file")
    parser.add_argument("--dry-run", action="store_true", help="say what the switch would change, change nothing")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the switched team here (default: in place)")
    parser.add_argument("--list", action="store_true", help="list the built-in letter sets and their letters")


def run(args: argparse.Namespace) -> int:
    out = sys.stdout
    if args.list:
        for letters in BUILT_IN:
            write_set(out, letters)
        return 0
    if not args.file:
        raise RaciError("Name a team file ('raci letters TEAM'), or list the sets with 'raci letters --list'.")
    team = load_team(args.file)
    if args.set_id is None and args.set_file is None:
        write_set(out, team.letter_set, heading=f"{team.name} writes its cells in")
        return 0
    target = builtin(args.set_id) if args.set_id is not None else read_set_file(args.set_file)
    if target == team.letter_set:
        print(f"{team.name} already writes its cells in {target.name}; nothing to change.", file=out)
        return 0
    plan = plan_switch((cell for _row, _person, cell in team.iter_cells()), team.letter_set, target)
    verb = "would change" if args.dry_run else "changes"
    print(f"Switching {team.name} from {team.letter_set.name} to {target.name} {verb} this:", file=out)
    for line in plan.sentences():
        print(f"  {line}", file=out)
    if args.dry_run:
        return 0
    team.set_letter_set(target, plan.cells)
    destination = Path(args.output or args.file)
    save_team(team, destination)
    print(f"Wrote {destination}: its cells are now in {target.name}.", file=out)
    return 0


def write_set(out: TextIO, letters: LetterSet, heading: str = "") -> None:
    """A set as a person reads it: its name and id, then a line per letter: symbol, name, kind, meaning."""
    title = f"{heading} {letters.name}" if heading else letters.name
    print(f"{title} ({letters.id}){': ' + letters.description if letters.description else ''}", file=out)
    width = max(len(letter.name) for letter in letters.letters)
    for letter in letters.letters:
        print(f"  {letter.symbol:<4}{letter.name:<{width}}  {letter.kind.phrase:<17} {letter.meaning}".rstrip(),
              file=out)


def read_set_file(path: str) -> LetterSet:
    """A team's own set from a JSON file; one sentence naming the file when it cannot be used."""
    source = Path(path)
    try:
        with source.open("rb") as handle:
            data = handle.read(_MAX_SET_FILE + 1)
    except OSError as error:
        raise TeamFileError(f"Cannot read the letter set {source}: {error.strerror or error}.") from None
    if len(data) > _MAX_SET_FILE:
        raise TeamFileError(f"{source} is too large to be a letter set ({_MAX_SET_FILE // 1024} KB at most).")
    try:
        document = json.loads(data.decode("utf-8"))
        return from_data(document)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        if isinstance(error, LetterSetError):
            raise TeamFileError(f"{source}: {error}") from None
        raise TeamFileError(f"{source} is not a letter set in JSON; write it as the team file stores one: "
                            '{"id": ..., "name": ..., "letters": [{"symbol": ..., "name": ..., "kind": ...}]}.'
                            ) from None
