"""The "RACI" sheet: title block, people across, responsibilities down, letters between.

The layout and the markers an import looks for are in
:mod:`raci.formats.xlsx_layout`. Rows are written top to bottom, each one
whole (cells and height) before the next: the workbook streams its rows to
disk as it goes (XlsxWriter's constant-memory mode), and a row left behind
cannot be written to again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from raci.findings import Report
from raci.formats import common
from raci.formats.common import CATEGORY_FILL, CHECK_BAD_COLOURS, HEADER_FILL
from raci.formats.safety import clean_text
from raci.formats.xlsx_cells import Sheet, column_name, fill, font_colour, line_count
from raci.formats.xlsx_layout import (
    CATEGORY_MARKER,
    CHECK_MARKER,
    FIRST_DATA_ROW,
    IDS_MARKER,
    IDS_ROW,
    LEGEND_ROW,
    NAMES_MARKER,
    NAMES_ROW,
    PROFILE_ROW,
    ROW_ID_MARKER,
    TITLE_ROW,
    TITLES_MARKER,
    TITLES_ROW,
)
from raci.letters import Cell, Kind, LetterSet
from raci.model import Team

ROTATE_ABOVE = 12  # more people than this: names are turned on their side to keep columns narrow
LIST_LIMIT = 255  # characters Excel allows in a data validation list written out in full


@dataclass(frozen=True)
class Letters:
    """The team's letters as the sheet uses them: colour rules, the pick list, the check column's owners.

    ``cells`` are the legend's cells and any other combination in use
    (RACI: R, A, A/R, C, I); ``owners`` those of them that hold the set's
    owner (A, A/R); ``choices`` the pick list: each letter, then the other
    cells (R, A, C, I, A/R), as long as Excel takes.
    """

    letter_set: LetterSet
    cells: tuple[Cell, ...]
    owners: tuple[Cell, ...]
    choices: tuple[Cell, ...]

    @classmethod
    def of(cls, team: Team) -> Letters:
        letters = team.letter_set
        cells = common.legend_cells(team)
        owners = tuple(cell for cell in cells if letters.kinds(cell) & Kind.OWNS.bit)
        choices: list[Cell] = []
        for cell in (*letters.symbols, *(cell for cell in cells if cell not in letters.symbols)):
            if len(",".join([*choices, cell])) > LIST_LIMIT:
                break
            choices.append(cell)  # type: ignore[arg-type]  # a symbol is its own one-letter cell
        return cls(letters, cells, owners, tuple(choices))

    def choices_text(self) -> str:
        """``"R, A, C, I or A/R"``."""
        return f"{', '.join(self.choices[:-1])} or {self.choices[-1]}" if len(self.choices) > 1 else self.choices[0]


@dataclass(frozen=True)
class Grid:
    """Where things landed, for the ranges that cover them."""

    people: int
    last_row: int
    letters: Letters

    @property
    def last_person_column(self) -> str:
        return column_name(self.people + 1)

    @property
    def check_column(self) -> int:
        return self.people + 2

    @property
    def ids_column(self) -> int:
        return self.people + 3

    @property
    def rotated(self) -> bool:
        return self.people > ROTATE_ABOVE


def write_matrix(sheet: Sheet, team: Team, report: Report) -> None:
    """Fill ``sheet`` with the matrix, its formats, validation and print setup."""
    grid = Grid(len(team.people), FIRST_DATA_ROW - 1, Letters.of(team))
    _write_title_block(sheet, team, grid)
    _write_ids_row(sheet, team, grid)
    _write_header(sheet, team, grid)
    grid = Grid(grid.people, _write_rows(sheet, team, grid), grid.letters)
    _add_rules(sheet, grid)
    _size_columns(sheet, team, grid)
    _set_view_and_print(sheet, team, grid)


def _write_title_block(sheet: Sheet, team: Team, grid: Grid) -> None:
    sheet.text(TITLE_ROW, 1, team.name, sheet.style(font_size=16, bold=True))
    sheet.height(TITLE_ROW, 24)
    wrapped = {"text_wrap": True, "valign": "top", **font_colour("404040")}
    # Merged across the printed width, so the lines wrap inside the page.
    for row, size, props, line in (
        (PROFILE_ROW, 10, {}, common.profile_line(team)),
        (LEGEND_ROW, 9, {"italic": True}, common.legend_line(team.letter_set)),
    ):
        style = sheet.style(font_size=size, **wrapped, **props)
        if grid.check_column > 1:
            text = sheet.merged_text(row, 1, grid.check_column, line, style)
        else:
            text = sheet.text(row, 1, line, style)
        sheet.height(row, line_count(text, _printed_width(team, grid)) * (size + 4))


def _write_ids_row(sheet: Sheet, team: Team, grid: Grid) -> None:
    """The hidden row of ids an import matches columns by."""
    sheet.value(IDS_ROW, 1, IDS_MARKER)
    for column, person in enumerate(team.people, start=2):
        sheet.value(IDS_ROW, column, person.id)
    sheet.value(IDS_ROW, grid.check_column, CHECK_MARKER)
    sheet.value(IDS_ROW, grid.ids_column, ROW_ID_MARKER)
    sheet.height(IDS_ROW, None, hidden=True)


def _write_header(sheet: Sheet, team: Team, grid: Grid) -> None:
    rotation = 90 if grid.rotated else 0
    shared = {**fill(HEADER_FILL), "align": "center", "text_wrap": True, "rotation": rotation}
    names = sheet.style(bold=True, valign="bottom", **shared)
    titles = sheet.style(font_size=9, italic=True, valign="top", **font_colour("505050"), **shared)
    corner = sheet.style(bold=True, valign="bottom", **fill(HEADER_FILL))
    names_height, titles_height = _header_heights(team, grid)
    sheet.value(NAMES_ROW, 1, "Person", corner)
    for column, person in enumerate(team.people, start=2):
        sheet.text(NAMES_ROW, column, person.name, names)
    sheet.value(NAMES_ROW, grid.check_column, "Check", names)
    sheet.value(NAMES_ROW, grid.ids_column, NAMES_MARKER)
    sheet.height(NAMES_ROW, names_height)
    sheet.value(TITLES_ROW, 1, "Responsibility", corner)
    for column, person in enumerate(team.people, start=2):
        sheet.text(TITLES_ROW, column, common.titles_text(person), titles)
    owner = team.letter_set.first(Kind.OWNS)
    sheet.value(TITLES_ROW, grid.check_column, f"{owner.symbol if owner else 'A'}'s (need 1)", titles)
    sheet.value(TITLES_ROW, grid.ids_column, TITLES_MARKER)
    sheet.height(TITLES_ROW, titles_height)


def _header_heights(team: Team, grid: Grid) -> tuple[float, float]:
    """The names row's and the titles row's heights, in points."""
    if grid.rotated:
        longest_name = max((len(p.name) for p in team.people), default=6)
        longest_title = max((len(common.titles_text(p)) for p in team.people), default=6)
        return min(160, 8 + 6.5 * max(longest_name, 6)), min(120, 8 + 5.5 * max(longest_title, 12))
    width = _person_width(team)
    return (15 * _lines_max((p.name for p in team.people), width),
            12 * _lines_max((common.titles_text(p) for p in team.people), width, floor=2))


def _write_rows(sheet: Sheet, team: Team, grid: Grid) -> int:
    """Category rows and responsibility rows; returns the last row written."""
    category = sheet.style(bold=True, font_size=11, valign="vcenter")
    title = sheet.style(text_wrap=True, valign="vcenter")
    # Bold and centred; the colours come from the conditional formats, so an edit in Excel recolours.
    letter = sheet.style(bold=True, align="center", valign="vcenter")
    check = sheet.style(align="center", valign="vcenter")
    width = _title_width(team)
    columns = {person.id: column for column, person in enumerate(team.people, start=2)}
    last_person = grid.last_person_column
    kind_of, owns = team.letter_set.kind_of, Kind.OWNS.bit
    row_number = FIRST_DATA_ROW - 1
    for group in common.category_groups(team):
        if group.category:
            row_number += 1
            sheet.text(row_number, 1, group.category, category)
            sheet.value(row_number, grid.ids_column, CATEGORY_MARKER)
            sheet.height(row_number, 20)
        for row in group.rows:
            row_number += 1
            sheet.text(row_number, 1, row.title, title)
            letters = team.row_letters(row.id)
            sheet.letters(row_number, ((columns[pid], value) for pid, value in letters.items()), letter)
            if grid.people:
                span = f"B{row_number}:{last_person}{row_number}"
                accountable = sum(1 for value in letters.values() if kind_of[value] & owns)
                counts = "+".join(f'COUNTIF({span},"{cell}")' for cell in grid.letters.owners)
                sheet.formula(row_number, grid.check_column, f"={counts}", check, accountable)
            sheet.value(row_number, grid.ids_column, row.id)
            lines = line_count(row.title, width)
            if lines > 1:
                sheet.height(row_number, 15 * lines)
    return row_number


def _add_rules(sheet: Sheet, grid: Grid) -> None:
    """Colours and the letter list as a few range-wide rules, so edits in Excel recolour themselves."""
    last_row = max(grid.last_row, FIRST_DATA_ROW)
    ids = column_name(grid.ids_column)
    sheet.conditional(FIRST_DATA_ROW, 1, last_row, grid.check_column, {
        "type": "formula", "criteria": f'=${ids}{FIRST_DATA_ROW}="{CATEGORY_MARKER}"', "stop_if_true": True},
        fill(CATEGORY_FILL))
    if not grid.people:
        return
    last_person = grid.people + 1
    colours = common.letter_colours(grid.letters.letter_set)
    for cell in grid.letters.cells:
        background, text = colours[cell]
        sheet.conditional(FIRST_DATA_ROW, 2, last_row, last_person, {
            "type": "cell", "criteria": "==", "value": f'"{cell}"'},
            {**fill(background), **font_colour(text), "bold": True})
    check = column_name(grid.check_column)
    background, text = CHECK_BAD_COLOURS
    sheet.conditional(FIRST_DATA_ROW, grid.check_column, last_row, grid.check_column, {
        "type": "formula", "criteria": f"=AND(ISNUMBER({check}{FIRST_DATA_ROW}),{check}{FIRST_DATA_ROW}<>1)"},
        {**fill(background), **font_colour(text), "bold": True})
    sheet.ws.data_validation(FIRST_DATA_ROW - 1, 1, last_row - 1, last_person - 1, {
        "validate": "list", "source": list(grid.letters.choices), "ignore_blank": True, "show_input": False,
        "show_error": True, "error_title": f"Not a {grid.letters.letter_set.name} letter",
        "error_message": f"Use {grid.letters.choices_text()}, or leave the cell empty."})


def _size_columns(sheet: Sheet, team: Team, grid: Grid) -> None:
    sheet.width(1, 1, _title_width(team))
    if grid.people:
        sheet.width(2, grid.people + 1, 5.5 if grid.rotated else _person_width(team))
    sheet.width(grid.check_column, grid.check_column, 5.5 if grid.rotated else 9)
    sheet.width(grid.ids_column, grid.ids_column, None, hidden=True)


def _set_view_and_print(sheet: Sheet, team: Team, grid: Grid) -> None:
    ws = sheet.ws
    last_row = max(grid.last_row, TITLES_ROW)
    ws.freeze_panes(FIRST_DATA_ROW - 1, 1)
    sheet.autofilter(TITLES_ROW, 1, last_row, grid.check_column)
    sheet.print_landscape((NAMES_ROW, TITLES_ROW), title_columns=1)
    ws.print_area(0, 0, last_row - 1, grid.check_column - 1)
    ws.hide_gridlines(0)  # gridlines on screen and on paper
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    name = clean_text(team.name)[:100].replace("&", "&&")  # a lone "&" would start a footer code
    ws.set_footer(f"&L{name}&RPage &P of &N")


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
