"""``raci import SHEET -o TEAM.raci.json``: read a RACI matrix from .xlsx or .csv into a team file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from raci.errors import shown

NAME = "import"
HELP = "Read a RACI matrix from an Excel workbook (.xlsx) or CSV file into a team file."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sheet", help="a spreadsheet: *.xlsx or *.csv")
    parser.add_argument("-o", "--output", metavar="TEAM.raci.json",
                        help="the team file to write (default: the sheet's name with .raci.json, beside it)")
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")


def run(args: argparse.Namespace) -> int:
    # Imported here: reading sheets pulls in openpyxl, which start-up must not pay for.
    from raci.formats import import_sheet
    from raci.saving import refuse_existing
    from raci.teamfile import SUFFIX, save_team

    sheet = Path(args.sheet)
    output = Path(args.output) if args.output else sheet.with_name(sheet.stem + SUFFIX)
    refuse_existing(output, args.force)
    result = import_sheet(sheet)
    for warning in result.warnings:
        print(shown(warning, len(warning)), file=sys.stderr)
    save_team(result.team, output)
    team = result.team
    count = len(result.warnings)
    print(f"Wrote {shown(str(output), 200)}: {len(team.responsibilities)} responsibilities, {len(team.people)} people, "
          f"{team.filled_count()} filled cells; {count} warning{'s' if count != 1 else ''}.")
    return 0
