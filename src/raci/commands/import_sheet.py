"""``raci import SHEET [-o TEAM.raci.json] [--explain]``: read a RACI matrix from a spreadsheet into a team file.

The sheet may be .xlsx (Strict Open XML too), .ods, .xls or .csv. A
workbook this app exported comes back whole; any other sheet is read by
the layout found in it (see :mod:`raci.formats.sheet_import`). Warnings,
grouped by kind, go to standard error; what was read, and how many rows
matched the catalog, to standard output. ``--explain`` prints the layout
and writes nothing; with ``-o`` it prints the layout, then writes the team.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from raci.errors import SaveError, shown

if TYPE_CHECKING:
    from raci.formats.sheet_import import Inspection

NAME = "import"
HELP = ("Read a RACI matrix from a spreadsheet (.xlsx, .ods, .xls or .csv) into a team file; "
        "--explain shows the layout found without writing anything.")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sheet", help="a spreadsheet: *.xlsx, *.ods, *.xls or *.csv")
    parser.add_argument("-o", "--output", metavar="TEAM.raci.json",
                        help="the team file to write, a name ending in .raci.json (default: the sheet's name with "
                             ".raci.json, beside it); for a spreadsheet, use 'raci export' on the team file")
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")
    parser.add_argument("--explain", action="store_true",
                        help="show the layout found (sheet, header, people, categories, skipped columns, letter "
                             "set, catalog matches) and the warnings; write nothing unless -o is given too")


def run(args: argparse.Namespace) -> int:
    # Imported here: reading sheets pulls in openpyxl (or pandas), which start-up must not pay for.
    from raci.formats import check_import_path
    from raci.formats.sheet_import import finish, inspect
    from raci.saving import refuse_existing
    from raci.teamfile import save_team

    sheet = Path(args.sheet)
    check_import_path(sheet)
    if args.explain and args.output is None:
        print(explanation(inspect(sheet)))
        return 0
    output = team_file_name(sheet, args.output)
    refuse_existing(output, args.force)
    inspection = inspect(sheet)
    if args.explain:  # the layout first, then the team file it makes
        print(explanation(inspection, writing=True))
    result = finish(inspection)
    for warning in result.warnings:
        print(shown(warning, len(warning)), file=sys.stderr)
    save_team(result.team, output)
    count = len(result.warnings)
    print(shown(result.summary, len(result.summary)))
    print(f"Wrote {shown(str(output), 200)} with {count:,} warning{'s' if count != 1 else ''}.")
    return 0


def team_file_name(sheet: Path, output: str | None) -> Path:
    """The team file to write: ``output``, which must name a team file, or the sheet's name with ``.raci.json``."""
    from raci.teamfile import SUFFIX

    if output is None:
        return sheet.with_name(sheet.stem + SUFFIX)
    target = Path(output)
    if not target.name.endswith(SUFFIX):
        team = target.with_name((target.name.split(".")[0] or "team") + SUFFIX)
        raise SaveError(f"Not writing {shown(target.name)}: raci import writes a team file, whose name ends in "
                        f"{SUFFIX} (such as {shown(team.name)}); for a spreadsheet or another format, import to the "
                        f"team file and run 'raci export {shown(str(team), 120)} -o {shown(output, 120)}'.")
    return target


def explanation(inspection: Inspection, *, writing: bool = False) -> str:
    """``--explain``'s text: the file, the layout found, the catalog matches, the summary and the warnings;
    ``writing``: a team file is written next (``--explain -o``), so the summary and warnings follow then."""
    from raci.formats.sheet_detect import explain
    from raci.formats.sheet_import import describe_matches, finish, preview
    from raci.formats.xlsx_layout import DATA_SHEET

    lines = [f"File: {inspection.path.name}"]
    if inspection.own is not None:
        lines.append(f"Layout: a workbook RACI Builder exported, read whole (its hidden sheet '{DATA_SHEET}' holds "
                     "the team, the RACI sheet's hidden ids tie its rows and columns to it); nothing to detect")
        result = inspection.own
    else:
        assert inspection.layout is not None and inspection.frame is not None
        read = preview(inspection)
        # The sheet's name is the one text explain() does not escape: a line break in it would fake a line.
        layout = dataclasses.replace(inspection.layout, sheet=shown(inspection.layout.sheet, 100))
        lines += [*explain(layout, inspection.frame).split("\n"), *describe_matches(read).split("\n")]
        result = finish(inspection, read=read)
    if not writing:
        lines.append(result.summary)
        if result.warnings:
            lines.append(f"Warnings ({len(result.warnings):,}):")
            lines += [f"  {warning}" for warning in result.warnings]
        lines.append("Nothing was written (--explain without -o).")
    return "\n".join(shown(line, len(line)) for line in lines)
