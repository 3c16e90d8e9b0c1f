"""``raci validate FILE``: check that a team file can be read, and say what it holds."""

from __future__ import annotations

import argparse

from raci.errors import shown
from raci.teamfile import load_team

NAME = "validate"
HELP = "Check that a team file can be read; print its size in one line."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a team file (*.raci.json)")


def run(args: argparse.Namespace) -> int:
    team = load_team(args.file)
    print(f"{shown(args.file, 200)}: {shown(team.name, 200)}: {len(team.responsibilities)} responsibilities, "
          f"{len(team.people)} people, {team.filled_count()} filled cells.")
    return 0
