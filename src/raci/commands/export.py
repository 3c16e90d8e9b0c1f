"""``raci export FILE -o OUT``: write a team as .xlsx, .csv, .md or .pdf (the extension decides)."""

from __future__ import annotations

import argparse
from pathlib import Path

from raci.errors import shown

NAME = "export"
HELP = "Write a team file as an Excel workbook, CSV, Markdown or PDF; the output's extension picks the format."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a team file (*.raci.json)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="where to write: OUT.xlsx, OUT.csv, OUT.md or OUT.pdf")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")


def run(args: argparse.Namespace) -> int:
    # Imported here: the formats pull in XlsxWriter (and Qt for PDF), which
    # other commands and start-up must not pay for.
    from raci.formats import check_export_path, export_team
    from raci.formats.common import default_report
    from raci.saving import refuse_existing
    from raci.teamfile import load_team

    output = Path(args.output)
    check_export_path(output)
    refuse_existing(output, args.force)
    team = load_team(args.file)
    report = default_report(team)
    export_team(team, output, report)
    print(f"Wrote {shown(str(output), 200)}: {len(team.responsibilities)} responsibilities, {len(team.people)} people; "
          f"findings: {report.summary()}.")
    return 0
