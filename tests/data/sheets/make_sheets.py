"""Make the real-looking sheets the import tests read: ``python tests/data/sheets/make_sheets.py``.

``project-plan.xlsx`` is laid out as a team lead makes a RACI sheet in
Excel: a merged title block, a header naming people with their roles, phase
rows, an ID column, a status and a notes column, a legend beside the grid,
a row counting the A's, lists of allowed letters, frozen panes. LibreOffice
(which must be installed to run this) saves it again as ``.ods`` and
``.xls``, as those programs write them; ``own-export.ods`` is this app's
export of a starter team, saved again by LibreOffice. ``project-plan-strict.xlsx``
is the same workbook in Strict Open XML, as Excel's "Strict Open XML
Spreadsheet" option writes it: the ISO namespaces, ``conformance="strict"``
and dates stored as ISO 8601 text (``t="d"``).

The files are kept in the repository, so the tests need neither this
script nor LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).resolve().parent
TITLE = "Website relaunch \u2013 RACI matrix"
PEOPLE = ["Priya Shah (Product Manager)", "Tom Becker (Product Owner)", "Lena Ortiz (UX)", "Dev team"]
PHASES = [
    ("Phase 1 \u2013 Discovery", [
        ("1.1", "Set and share the long-term product vision", ["A/R", "C", "I", "-"], "Done", "Agreed at the kick-off"),
        ("1.2", "Identify target markets and buyer personas", ["R", "I", "C", None], "Done", None),
        ("1.3", "Interview ten customers", ["A", "R", "R", "I"], "In progress", "Two interviews left"),
    ]),
    ("Phase 2 \u2013 Build", [
        ("2.1", "Own the product roadmap", ["A/R", "C", "I", "I"], "In progress", None),
        ("2.2", "Manage the product backlog", ["C", "A/R", "I", "C"], "In progress", None),
        ("2.3", "Break work down into user stories", ["I", "A", "C", "R"], "Not started", None),
        ("2.4", "Design the new checkout pages", ["I", "C", "A/R", "C"], "Not started", "Mobile first"),
    ]),
    ("Phase 3 \u2013 Launch", [
        ("3.1", "Launch the product and support it in use", ["A", "R", "I", "R"], "Not started", None),
        ("3.2", "Write the release notes", ["I", "A", None, "R"], "Not started", None),
    ]),
]
LEGEND = [("R", "Responsible \u2013 does the work"), ("A", "Accountable \u2013 signs it off"),
          ("C", "Consulted \u2013 asked before"), ("I", "Informed \u2013 told after")]


def project_plan(path: Path) -> None:
    book = xlsxwriter.Workbook(str(path))
    book.set_properties({"title": TITLE, "author": "Marketing PMO"})
    sheet = book.add_worksheet("RACI")
    title = book.add_format({"bold": True, "font_size": 16})
    muted = book.add_format({"italic": True, "font_color": "#595959"})
    date = book.add_format({"italic": True, "font_color": "#595959", "num_format": "d mmm yyyy", "align": "left"})
    header = book.add_format({"bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF", "text_wrap": True,
                              "valign": "vcenter", "border": 1})
    phase = book.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
    cell = book.add_format({"align": "center", "border": 1})
    text = book.add_format({"border": 1, "text_wrap": True, "valign": "top"})
    legend_head = book.add_format({"bold": True})
    sheet.merge_range("A1:H1", TITLE, title)
    sheet.write("A2", "Owner: Marketing PMO", muted)
    sheet.write("C2", "Last updated", muted)
    sheet.write_datetime("D2", dt.datetime(2024, 3, 1), date)
    sheet.write_row("A4", ["#", "Activity", *PEOPLE, "Status", "Notes"], header)
    sheet.set_row(3, 32)
    row = 4
    first = row
    for name, tasks in PHASES:
        sheet.merge_range(row, 0, row, 7, name, phase)
        row += 1
        for number, activity, letters, status, notes in tasks:
            sheet.write_string(row, 0, number, text)
            sheet.write_string(row, 1, activity, text)
            for column, letter in enumerate(letters, start=2):
                sheet.write(row, column, letter, cell) if letter else sheet.write_blank(row, column, None, cell)
            sheet.write_string(row, 6, status, text)
            sheet.write(row, 7, notes, text) if notes else sheet.write_blank(row, 7, None, text)
            row += 1
    sheet.write_string(row, 1, "Count of A", legend_head)
    for column in range(2, 6):
        letter = xlsxwriter.utility.xl_col_to_name(column)
        cells = f"{letter}{first + 1}:{letter}{row}"
        sheet.write_formula(row, column, f'=COUNTIF({cells},"A")+COUNTIF({cells},"A/R")', cell)
    sheet.data_validation(first, 2, row - 1, 5, {"validate": "list", "source": ["R", "A", "C", "I", "A/R", "-"]})
    green = book.add_format({"bg_color": "#C6EFCE"})
    sheet.conditional_format(first, 2, row - 1, 5, {"type": "text", "criteria": "begins with", "value": "A",
                                                    "format": green})
    sheet.write("J4", "Legend", legend_head)
    for offset, (letter, meaning) in enumerate(LEGEND, start=4):
        sheet.write(offset, 9, letter, cell)
        sheet.write(offset, 10, meaning)
    sheet.set_column("A:A", 5)
    sheet.set_column("B:B", 42)
    sheet.set_column("C:F", 14)
    sheet.set_column("G:G", 12)
    sheet.set_column("H:H", 24)
    sheet.set_column("K:K", 28)
    sheet.freeze_panes(4, 2)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    book.close()


def libreoffice(source: Path, suffix: str, target: Path) -> None:
    """Save ``source`` again with LibreOffice as ``suffix`` (``"ods"`` or ``"xls"``) at ``target``."""
    with tempfile.TemporaryDirectory() as folder:
        profile = Path(folder) / "profile"
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                        suffix, "--outdir", folder, str(source)], check=True, capture_output=True, timeout=300)
        shutil.move(str(Path(folder) / f"{source.stem}.{suffix}"), target)


# Transitional names and their Strict twins, as Excel writes a Strict Open XML workbook.
STRICT = [
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
     "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     "http://purl.oclc.org/ooxml/officeDocument/relationships"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
     "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
     "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"),
    ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"),
    ("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"),
]


def strict(source: Path, target: Path) -> None:
    """``source`` as a Strict Open XML workbook."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = original.read(item.filename).decode("utf-8")
            for plain, iso in STRICT:
                data = data.replace(plain, iso)
            if item.filename == "xl/workbook.xml":
                data = data.replace("<workbook ", '<workbook conformance="strict" ', 1)
                data = re.sub(r"<workbookPr[^>]*/>", '<workbookPr dateCompatibility="0"/>', data)
            if item.filename == "xl/worksheets/sheet1.xml":  # the date as ISO 8601 text
                data = re.sub(r'<c r="D2" s="(\d+)"><v>[^<]*</v></c>',
                              r'<c r="D2" s="\1" t="d"><v>2024-03-01T00:00:00</v></c>', data)
            copy.writestr(item, data.encode("utf-8"))


def own_export(target: Path) -> None:
    """This app's export of the product-team starter, saved again by LibreOffice as .ods."""
    sys.path.insert(0, str(HERE.parents[2] / "src"))
    from raci.formats import export_team
    from raci.templates import load_template

    with tempfile.TemporaryDirectory() as folder:
        exported = Path(folder) / "own-export.xlsx"
        export_team(load_template("scrum-team"), exported)
        libreoffice(exported, "ods", target)


def main() -> None:
    plan = HERE / "project-plan.xlsx"
    project_plan(plan)
    libreoffice(plan, "ods", HERE / "project-plan.ods")
    libreoffice(plan, "xls", HERE / "project-plan.xls")
    strict(plan, HERE / "project-plan-strict.xlsx")
    own_export(HERE / "own-export.ods")
    for path in sorted(HERE.glob("*.*s*")):
        print(f"{path.name}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    os.environ.setdefault("HOME", tempfile.mkdtemp())
    main()
