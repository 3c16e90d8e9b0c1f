"""The workbook's other sheets: Findings, People (with a workload chart),
Responsibilities, Sources, and the hidden data sheet an import reads back.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from xlsxwriter.workbook import Workbook

from raci.findings import Report
from raci.formats import common
from raci.formats.common import HEADER_FILL, severity_colours
from raci.formats.xlsx_cells import Sheet, column_name, fill, font_colour, line_count
from raci.formats.xlsx_layout import DATA_MARKER, DATA_SHEET, DATA_VERSION
from raci.letters import Cell, LetterSet, load_palette
from raci.model import Team
from raci.ordering import ordered_rows
from raci.tally import cell_counts
from raci.teamfile import team_to_document

CHUNK = 30_000  # characters of JSON per cell, under Excel's 32,767 limit
PIXELS_PER_CM = 37.8


def _table(sheet: Sheet, headers: Sequence[str], widths: Sequence[float]) -> None:
    """A bold, filled, frozen header row with column widths, printed landscape on every page."""
    style = sheet.style(bold=True, valign="vcenter", text_wrap=True, **fill(HEADER_FILL))
    for column, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        sheet.value(1, column, header, style)
        sheet.width(column, column, width)
    sheet.ws.freeze_panes(1, 0)
    sheet.height(1, 20)
    sheet.print_landscape((1, 1))


def _rows(sheet: Sheet, rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
    wrapped = sheet.style(text_wrap=True, valign="top")
    text = sheet.text
    for number, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            text(number, column, value, wrapped)
        lines = max(line_count(value, width) for value, width in zip(values, widths, strict=True))
        if lines > 1:
            sheet.height(number, 15 * lines)
    if rows:
        sheet.autofilter(1, 1, len(rows) + 1, len(rows[0]))


def write_findings(sheet: Sheet, team: Team, report: Report) -> None:
    headers = ("Severity", "Rule", "Finding", "Who and what", "Source", "Suggested fix", "Acknowledged")
    widths = (9, 14, 50, 36, 24, 40, 24)
    _table(sheet, headers, widths)
    if not report.findings:
        sheet.value(2, 1, "No findings: every check passes for this team.")
        return
    rows = [
        (f.severity.label, f.rule, f.message, common.who_and_what(team, f), common.citation(f), f.fix,
         common.acknowledged_text(f))
        for f in report.findings
    ]
    _rows(sheet, rows, widths)
    for severity, (background, text) in severity_colours().items():
        rule = {"type": "formula", "criteria": f'=$A2="{severity.label}"'}
        sheet.conditional(2, 1, len(rows) + 1, len(headers), rule, {**fill(background), **font_colour(text)})


def write_people(sheet: Sheet, team: Team) -> None:
    """A row per person: how many of each cell of the legend (and each other combination in use) they hold."""
    cells = common.legend_cells(team)
    headers = ("Person", "Titles", *cells, "Total")
    _table(sheet, headers, (24, 26, *(max(6, len(cell) + 2) for cell in cells), 8))
    counts = cell_counts(team)
    number_style = sheet.style(align="center")
    text_style = sheet.style(valign="top", text_wrap=True)
    total = len(cells) + 3
    for row, person in enumerate(team.people, start=2):
        sheet.text(row, 1, person.name, text_style)
        sheet.text(row, 2, common.titles_text(person), text_style)
        tally = counts[person.id]
        for column, cell in enumerate(cells, start=3):
            sheet.value(row, column, tally[cell], number_style)
        sheet.value(row, total, sum(tally.values()), number_style)
    if team.people:
        _add_workload_chart(sheet, len(team.people), team.letter_set, cells)


def bar_colours(letter_set: LetterSet) -> dict[Cell, str]:
    """The palette's full hues (``RRGGBB``) for chart bars, where the cells' pale fills would not show."""
    return {cell: colour.hue[1:] for cell, colour in load_palette().cell_colours(letter_set).items()}


def _add_workload_chart(sheet: Sheet, people: int, letter_set: LetterSet, cells: Sequence[Cell]) -> None:
    """A stacked bar per person, first person at the top, as in the table beside it."""
    chart = sheet.book.add_chart({"type": "bar", "subtype": "stacked"})
    name = sheet.ws.get_name()
    hues = bar_colours(letter_set)
    for column, cell in enumerate(cells, start=2):  # counted from 0, as XlsxWriter's ranges are
        colour = f"#{hues[cell]}"
        chart.add_series({
            "name": [name, 0, column],
            "categories": [name, 1, 0, people, 0],
            "values": [name, 1, column, people, column],
            "fill": {"color": colour},
            "border": {"color": colour},
            "overlap": 100,
            "gap": 60,
        })
    chart.set_title({"name": "Workload: letters per person"})
    chart.set_x_axis({"name": "Cells"})  # in a bar chart, x is the value axis
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"position": "right"})
    chart.set_size({"width": 18 * PIXELS_PER_CM, "height": max(7.5, 0.55 * people + 3) * PIXELS_PER_CM})
    sheet.ws.insert_chart(f"{column_name(len(cells) + 5)}2", chart)  # one column clear of the table's Total


def write_responsibilities(sheet: Sheet, team: Team) -> None:
    headers = ("ID", "Responsibility", "Category", "Side", "Tags", "Description", "Articles")
    widths = (24, 40, 22, 10, 18, 60, 60)
    _table(sheet, headers, widths)
    rows = [
        (row.id, row.title, row.category, row.side.value, ", ".join(row.tags), row.description,
         "\n".join(common.articles_for(row)))
        for row in ordered_rows(team)
    ]
    _rows(sheet, rows, widths)


def write_sources(sheet: Sheet) -> None:
    from raci.catalog import load_catalog

    headers = ("ID", "Title", "Author", "Publisher", "Date", "Kind")
    widths = (18, 60, 24, 30, 12, 14)
    _table(sheet, headers, widths)
    rows = [(s.id, s.title, s.author, s.publisher, s.date or "undated", s.kind) for s in load_catalog().sources]
    _rows(sheet, rows, widths)


def write_data_sheet(book: Workbook, team: Team) -> None:
    """The whole team file minus its letters, as JSON split over cells, on a hidden sheet.

    The visible RACI sheet stays the truth for letters, names and order; this
    sheet brings back what it does not show (ids, descriptions, sources,
    tags, profile, settings, acknowledgments).
    """
    sheet = Sheet(book, DATA_SHEET)
    sheet.ws.hide()
    document = team_to_document(team, with_cells=False)
    text = json.dumps(document, separators=(",", ":"))  # ASCII: survives any spreadsheet
    sheet.value(1, 1, DATA_MARKER)
    sheet.value(1, 2, DATA_VERSION)
    sheet.value(1, 3, "RACI Builder keeps the team's details here for an import; the RACI sheet wins "
                      "for names, titles, order and letters.")
    for row, start in enumerate(range(0, len(text), CHUNK), start=2):
        sheet.text(row, 1, text[start:start + CHUNK])
