"""The "RACI" sheet: title block, people across, responsibilities down, letters between.

Layout (rows): 1 team name, 2 profile line, 3 legend, 4 hidden ids row,
5 names, 6 titles, 7 on: category rows and responsibility rows. Columns: A
responsibilities, then one per person, then the check column (a formula
counting each row's A's), then a hidden column of row ids.

The ids row and ids column carry this app's ids beside the visible text,
so when someone edits the sheet in Excel (renames, inserts or deletes rows
and columns, changes letters), an import still knows which row and person
each cell belongs to. The markers below let the importer find them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from raci.findings import Report
from raci.formats import common
from raci.formats.common import CATEGORY_FILL, CHECK_BAD_COLOURS, HEADER_FILL, LETTER_COLOURS, LETTER_ORDER
from raci.formats.xlsx_cells import fill, line_count, make_style, put_formula, put_letters, put_text, put_value
from raci.model import Letter, Team

SHEET = "RACI"
TITLE_ROW, PROFILE_ROW, LEGEND_ROW, IDS_ROW, NAMES_ROW, TITLES_ROW, FIRST_DATA_ROW = 1, 2, 3, 4, 5, 6, 7
IDS_MARKER = "#raci-ids"  # column A of the ids row
CHECK_MARKER = "#check"  # the check column, in the ids row
ROW_ID_MARKER = "#row-id"  # the ids column, in the ids row
NAMES_MARKER, TITLES_MARKER, CATEGORY_MARKER = "#names", "#titles", "#category"  # in the ids column
ROTATE_ABOVE = 12  # more people than this: names are turned on their side to keep columns narrow
VALIDATION_LIST = '"R,A,C,I,A/R"'
_TEXT = {letter: letter.value for letter in Letter}  # a dict lookup; Enum's .value is a slow descriptor


@dataclass(frozen=True)
class Grid:
    """Where things landed, for the ranges that cover them."""

    people: int
    last_row: int

    @property
    def last_person_column(self) -> str:
        return get_column_letter(self.people + 1)

    @property
    def check_column(self) -> int:
        return self.people + 2

    @property
    def ids_column(self) -> int:
        return self.people + 3

    @property
    def rotated(self) -> bool:
        return self.people > ROTATE_ABOVE


def write_matrix(ws: Worksheet, team: Team, report: Report) -> None:
    """Fill ``ws`` with the matrix, its formats, validation and print setup."""
    grid = Grid(len(team.people), FIRST_DATA_ROW - 1)
    _write_title_block(ws, team, grid)
    _write_header(ws, team, grid)
    grid = Grid(grid.people, _write_rows(ws, team, grid))
    _add_rules(ws, grid)
    _size_columns(ws, team, grid)
    _set_view_and_print(ws, team, grid)


def _write_title_block(ws: Worksheet, team: Team, grid: Grid) -> None:
    last = get_column_letter(grid.check_column)
    put_text(ws, TITLE_ROW, 1, team.name, make_style(ws, font=Font(size=16, bold=True)))
    wrapped = Alignment(wrap_text=True, vertical="top")
    put_text(ws, PROFILE_ROW, 1, common.profile_line(team),
             make_style(ws, font=Font(size=10, color="404040"), alignment=wrapped))
    put_text(ws, LEGEND_ROW, 1, common.legend_line(),
             make_style(ws, font=Font(size=9, italic=True, color="404040"), alignment=wrapped))
    # Merged across the printed width, so the lines wrap inside the page.
    for row, size in ((PROFILE_ROW, 10), (LEGEND_ROW, 9)):
        if grid.check_column > 1:
            ws.merge_cells(f"A{row}:{last}{row}")
        text = str(ws.cell(row, 1).value or "")
        ws.row_dimensions[row].height = line_count(text, _printed_width(team, grid)) * (size + 4)
    ws.row_dimensions[TITLE_ROW].height = 24
    put_value(ws, IDS_ROW, 1, IDS_MARKER)
    put_value(ws, IDS_ROW, grid.check_column, CHECK_MARKER)
    put_value(ws, IDS_ROW, grid.ids_column, ROW_ID_MARKER)
    ws.row_dimensions[IDS_ROW].hidden = True


def _write_header(ws: Worksheet, team: Team, grid: Grid) -> None:
    rotation = 90 if grid.rotated else 0
    horizontal = "center"
    names = make_style(ws, font=Font(bold=True), fill=fill(HEADER_FILL),
                       alignment=Alignment(horizontal=horizontal, vertical="bottom", wrap_text=True,
                                           text_rotation=rotation))
    titles = make_style(ws, font=Font(size=9, italic=True, color="505050"), fill=fill(HEADER_FILL),
                        alignment=Alignment(horizontal=horizontal, vertical="top", wrap_text=True,
                                            text_rotation=rotation))
    corner = make_style(ws, font=Font(bold=True), fill=fill(HEADER_FILL), alignment=Alignment(vertical="bottom"))
    put_value(ws, NAMES_ROW, 1, "Person", corner)
    put_value(ws, TITLES_ROW, 1, "Responsibility", corner)
    for column, person in enumerate(team.people, start=2):
        put_value(ws, IDS_ROW, column, person.id)
        put_text(ws, NAMES_ROW, column, person.name, names)
        put_text(ws, TITLES_ROW, column, common.titles_text(person), titles)
    put_value(ws, NAMES_ROW, grid.check_column, "Check", names)
    put_value(ws, TITLES_ROW, grid.check_column, "A's (need 1)", titles)
    put_value(ws, NAMES_ROW, grid.ids_column, NAMES_MARKER)
    put_value(ws, TITLES_ROW, grid.ids_column, TITLES_MARKER)
    longest_name = max((len(p.name) for p in team.people), default=6)
    longest_title = max((len(common.titles_text(p)) for p in team.people), default=6)
    if grid.rotated:
        ws.row_dimensions[NAMES_ROW].height = min(160, 8 + 6.5 * max(longest_name, 6))
        ws.row_dimensions[TITLES_ROW].height = min(120, 8 + 5.5 * max(longest_title, 12))
    else:
        width = _person_width(team)
        ws.row_dimensions[NAMES_ROW].height = 15 * _lines_max((p.name for p in team.people), width)
        ws.row_dimensions[TITLES_ROW].height = 12 * _lines_max(
            (common.titles_text(p) for p in team.people), width, floor=2)


def _write_rows(ws: Worksheet, team: Team, grid: Grid) -> int:
    """Category rows and responsibility rows; returns the last row written."""
    category = make_style(ws, font=Font(bold=True, size=11), alignment=Alignment(vertical="center"))
    title = make_style(ws, alignment=Alignment(wrap_text=True, vertical="center"))
    # Bold and centred; the colours come from the conditional formats, so an edit in Excel recolours.
    letter = make_style(ws, font=Font(bold=True), alignment=Alignment(horizontal="center", vertical="center"))
    check = make_style(ws, alignment=Alignment(horizontal="center", vertical="center"))
    width = _title_width(team)
    columns = {person.id: column for column, person in enumerate(team.people, start=2)}
    last_person = grid.last_person_column
    row_number = FIRST_DATA_ROW - 1
    for group in common.category_groups(team):
        if group.category:
            row_number += 1
            put_text(ws, row_number, 1, group.category, category)
            put_value(ws, row_number, grid.ids_column, CATEGORY_MARKER)
            ws.row_dimensions[row_number].height = 20
        for row in group.rows:
            row_number += 1
            put_text(ws, row_number, 1, row.title, title)
            letters = team.row_letters(row.id).items()
            put_letters(ws, row_number, ((columns[pid], _TEXT[value]) for pid, value in letters), letter)
            if grid.people:
                span = f"B{row_number}:{last_person}{row_number}"
                put_formula(ws, row_number, grid.check_column,
                            f'=COUNTIF({span},"A")+COUNTIF({span},"A/R")', check)
            put_value(ws, row_number, grid.ids_column, row.id)
            lines = line_count(row.title, width)
            if lines > 1:
                ws.row_dimensions[row_number].height = 15 * lines
    return row_number


def _add_rules(ws: Worksheet, grid: Grid) -> None:
    """Colours and the letter list as a few range-wide rules, so edits in Excel recolour themselves."""
    last_row = max(grid.last_row, FIRST_DATA_ROW)
    ids = get_column_letter(grid.ids_column)
    band = f"A{FIRST_DATA_ROW}:{get_column_letter(grid.check_column)}{last_row}"
    ws.conditional_formatting.add(band, FormulaRule(
        formula=[f'${ids}{FIRST_DATA_ROW}="{CATEGORY_MARKER}"'], fill=fill(CATEGORY_FILL), stopIfTrue=True))
    if not grid.people:
        return
    cells = f"B{FIRST_DATA_ROW}:{grid.last_person_column}{last_row}"
    for letter in LETTER_ORDER:
        background, text = LETTER_COLOURS[letter]
        ws.conditional_formatting.add(cells, CellIsRule(
            operator="equal", formula=[f'"{letter.value}"'], fill=fill(background),
            font=Font(color=text, bold=True)))
    check = get_column_letter(grid.check_column)
    background, text = CHECK_BAD_COLOURS
    ws.conditional_formatting.add(f"{check}{FIRST_DATA_ROW}:{check}{last_row}", FormulaRule(
        formula=[f"AND(ISNUMBER({check}{FIRST_DATA_ROW}),{check}{FIRST_DATA_ROW}<>1)"],
        fill=fill(background), font=Font(color=text, bold=True)))
    validation = DataValidation(type="list", formula1=VALIDATION_LIST, allow_blank=True, showErrorMessage=True,
                                errorTitle="Not a RACI letter", error="Use R, A, C, I or A/R, or leave the cell empty.",
                                showInputMessage=False)
    validation.add(cells)
    ws.add_data_validation(validation)


def _size_columns(ws: Worksheet, team: Team, grid: Grid) -> None:
    ws.column_dimensions["A"].width = _title_width(team)
    width = 5.5 if grid.rotated else _person_width(team)
    for column in range(2, grid.people + 2):
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.column_dimensions[get_column_letter(grid.check_column)].width = 5.5 if grid.rotated else 9
    ws.column_dimensions[get_column_letter(grid.ids_column)].hidden = True


def _set_view_and_print(ws: Worksheet, team: Team, grid: Grid) -> None:
    last_row = max(grid.last_row, TITLES_ROW)
    check = get_column_letter(grid.check_column)
    ws.freeze_panes = f"B{FIRST_DATA_ROW}"
    ws.auto_filter.ref = f"A{TITLES_ROW}:{check}{last_row}"
    ws.print_title_rows = f"{NAMES_ROW}:{TITLES_ROW}"
    ws.print_title_cols = "A:A"
    ws.print_area = f"A1:{check}{last_row}"
    ws.print_options.gridLines = True
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.left.text = team.name.replace("&", "&&")[:100]
    ws.oddFooter.right.text = "Page &P of &N"


def _title_width(team: Team) -> float:
    longest = max((len(row.title) for row in team.responsibilities), default=20)
    return float(min(55, max(28, longest + 2)))


def _person_width(team: Team) -> float:
    words = [len(word) for p in team.people for word in (p.name + " " + common.titles_text(p)).split()]
    return float(min(16, max(7, max(words, default=6) + 2)))


def _printed_width(team: Team, grid: Grid) -> float:
    people = 5.5 if grid.rotated else _person_width(team)
    return _title_width(team) + people * grid.people + 9


def _lines_max(texts: Iterable[str], width: float, floor: int = 1) -> int:
    return max([floor, *(line_count(text, width) for text in texts)])
