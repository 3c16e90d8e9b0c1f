"""The workbook's other sheets: Findings, People (with a workload chart),
Responsibilities, Sources, and the hidden data sheet an import reads back.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from raci.findings import Report
from raci.formats import common
from raci.formats.common import HEADER_FILL, LETTER_ORDER, SEVERITY_COLOURS
from raci.formats.xlsx_cells import fill, line_count, make_style, put_text, put_value
from raci.model import Letter, Team
from raci.teamfile import team_to_document

DATA_SHEET = "_raci"
DATA_MARKER = "#raci-team-data"
DATA_VERSION = 1
CHUNK = 30_000  # characters of JSON per cell, under Excel's 32,767 limit
# The Okabe-Ito hues themselves for the chart bars, where the fills would be too pale.
BAR_COLOURS = {Letter.R: "56B4E9", Letter.A: "E69F00", Letter.AR: "CC79A7", Letter.C: "009E73", Letter.I: "F0E442"}


def _table(ws: Worksheet, headers: Sequence[str], widths: Sequence[float]) -> None:
    """A bold, filled, frozen header row with column widths."""
    style = make_style(ws, font=Font(bold=True), fill=fill(HEADER_FILL),
                       alignment=Alignment(vertical="center", wrap_text=True))
    for column, (header, width) in enumerate(zip(headers, widths), start=1):
        put_value(ws, 1, column, header, style)
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 20
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _rows(ws: Worksheet, rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
    wrapped = make_style(ws, alignment=Alignment(wrap_text=True, vertical="top"))
    for number, values in enumerate(rows, start=2):
        for column, text in enumerate(values, start=1):
            put_text(ws, number, column, text, wrapped)
        lines = max(line_count(text, width) for text, width in zip(values, widths))
        if lines > 1:
            ws.row_dimensions[number].height = 15 * min(lines, 27)  # Excel caps a row at 409 points
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(rows[0]))}{len(rows) + 1}"


def write_findings(ws: Worksheet, team: Team, report: Report) -> None:
    headers = ("Severity", "Rule", "Finding", "Who and what", "Source", "Suggested fix", "Acknowledged")
    widths = (9, 14, 50, 36, 24, 40, 24)
    _table(ws, headers, widths)
    if not report.findings:
        put_value(ws, 2, 1, "No findings: every check passes for this team.")
        return
    rows = [
        (f.severity.label, f.rule, f.message, common.who_and_what(team, f), common.citation(f), f.fix,
         common.acknowledged_text(f))
        for f in report.findings
    ]
    _rows(ws, rows, widths)
    last = f"{get_column_letter(len(headers))}{len(rows) + 1}"
    for severity, (background, text) in SEVERITY_COLOURS.items():
        ws.conditional_formatting.add(f"A2:{last}", FormulaRule(
            formula=[f'$A2="{severity.label}"'], fill=fill(background), font=Font(color=text)))


def write_people(ws: Worksheet, team: Team) -> None:
    headers = ("Person", "Titles", *(letter.value for letter in LETTER_ORDER), "Total")
    _table(ws, headers, (24, 26, 6, 6, 6, 6, 6, 8))
    counts = common.letter_counts(team)
    number_style = make_style(ws, alignment=Alignment(horizontal="center"))
    text_style = make_style(ws, alignment=Alignment(vertical="top", wrap_text=True))
    for row, person in enumerate(team.people, start=2):
        put_text(ws, row, 1, person.name, text_style)
        put_text(ws, row, 2, common.titles_text(person), text_style)
        tally = counts[person.id]
        for column, letter in enumerate(LETTER_ORDER, start=3):
            put_value(ws, row, column, tally[letter], number_style)
        put_value(ws, row, 8, sum(tally.values()), number_style)
    if team.people:
        _add_workload_chart(ws, len(team.people))


def _add_workload_chart(ws: Worksheet, people: int) -> None:
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = "Workload: letters per person"
    chart.y_axis.title = "Cells"
    chart.x_axis.scaling.orientation = "maxMin"  # first person at the top, as in the table
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    data = Reference(ws, min_col=3, max_col=2 + len(LETTER_ORDER), min_row=1, max_row=people + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=people + 1))
    for series, letter in zip(chart.series, LETTER_ORDER):
        series.graphicalProperties.solidFill = BAR_COLOURS[letter]
        series.graphicalProperties.line.solidFill = BAR_COLOURS[letter]
    chart.width = 18
    chart.height = max(7.5, 0.55 * people + 3)
    ws.add_chart(chart, "J2")


def write_responsibilities(ws: Worksheet, team: Team) -> None:
    headers = ("ID", "Responsibility", "Category", "Side", "Tags", "Description", "Articles")
    widths = (24, 40, 22, 10, 18, 60, 60)
    _table(ws, headers, widths)
    rows = [
        (row.id, row.title, row.category, row.side.value, ", ".join(row.tags), row.description,
         "\n".join(common.articles_for(row)))
        for row in team.responsibilities
    ]
    _rows(ws, rows, widths)


def write_sources(ws: Worksheet) -> None:
    from raci.catalog import load_catalog

    headers = ("ID", "Title", "Author", "Publisher", "Date", "Kind")
    widths = (18, 60, 24, 30, 12, 14)
    _table(ws, headers, widths)
    rows = [(s.id, s.title, s.author, s.publisher, s.date or "undated", s.kind) for s in load_catalog().sources]
    _rows(ws, rows, widths)


def write_data_sheet(workbook: Workbook, team: Team) -> None:
    """The whole team file minus its letters, as JSON split over cells, on a hidden sheet.

    The visible RACI sheet stays the truth for letters, names and order; this
    sheet brings back what it does not show (ids, descriptions, sources,
    tags, profile, settings, acknowledgments).
    """
    ws = workbook.create_sheet(DATA_SHEET)
    ws.sheet_state = "hidden"
    document = team_to_document(team, with_cells=False)
    text = json.dumps(document, separators=(",", ":"))  # ASCII: survives any spreadsheet
    put_value(ws, 1, 1, DATA_MARKER)
    put_value(ws, 1, 2, DATA_VERSION)
    put_value(ws, 1, 3, "RACI Builder keeps the team's details here for an import; the RACI sheet wins "
                        "for names, titles, order and letters.")
    for row, start in enumerate(range(0, len(text), CHUNK), start=2):
        put_text(ws, row, 1, text[start:start + CHUNK])
