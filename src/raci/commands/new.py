"""``raci new --template ID [-o FILE] [--force]``: start a team file from a template."""

from __future__ import annotations

import argparse
from pathlib import Path

from raci.errors import shown
from raci.saving import refuse_existing
from raci.teamfile import SUFFIX, save_team
from raci.templates import DEFAULT_TEMPLATE, load_template

NAME = "new"
HELP = "Write a new team file from a starter template."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--template", "-t", default=DEFAULT_TEMPLATE, metavar="ID",
                        help=f"template id, see 'raci templates' (default: {DEFAULT_TEMPLATE})")
    parser.add_argument("-o", "--output", metavar="FILE", help=f"where to write it (default: ID{SUFFIX})")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(args: argparse.Namespace) -> int:
    team = load_template(args.template)
    target = Path(args.output or f"{args.template}{SUFFIX}")
    refuse_existing(target, args.force)
    save_team(team, target)
    print(f"Wrote {shown(str(target), 200)}: {team.name}, {len(team.responsibilities)} responsibilities, "
          f"{len(team.people)} people.")
    return 0
