"""``raci validate FILE``: check that a team file can be read, and say what it holds (and in which letters)."""

from __future__ import annotations

import argparse

from raci.errors import shown
from raci.letters import DEFAULT
from raci.teamfile import load_team

NAME = "validate"
HELP = "Check that a team file can be read; print its size in one line."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a team file (*.raci.json)")


def run(args: argparse.Namespace) -> int:
    team = load_team(args.file)
    letters = "" if team.letter_set == DEFAULT else f" in {shown(team.letter_set.name, 40)} letters"
    print(f"{shown(args.file, 200)}: {shown(team.name, 200)}: {len(team.responsibilities)} responsibilities, "
          f"{len(team.people)} people, {team.filled_count()} filled cells{letters}.")
    return 0
