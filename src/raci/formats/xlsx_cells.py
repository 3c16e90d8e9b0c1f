"""Writing cells into a workbook safely and fast, with XlsxWriter.

XlsxWriter stores text once in the workbook's shared-string table, so the
100,000 letters of a large team cost a small number each, both to write
and for openpyxl to read back on import. Rows and columns here count from
1, as a spreadsheet shows them; the sheet wrapper turns them into
XlsxWriter's counts from 0.

Every piece of team text goes through :meth:`Sheet.text`, which strips the
characters a workbook cannot hold, cuts text at Excel's cell limit and
writes it with ``write_string``, so text that starts like a formula stays
text (XlsxWriter's generic ``write`` would make ``=...`` a formula). Such
text also carries Excel's quote prefix, so it stays text after someone
edits the cell.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from raci.formats.safety import clean_text, is_risky

Props = dict[str, Any]
MAX_ROW_HEIGHT = 409  # points: Excel refuses a taller row


def column_name(column: int) -> str:
    """The letters of a column counted from 1: ``1`` is ``"A"``."""
    return xl_col_to_name(column - 1)


class Style:
    """A cell format, and the same format with the quote prefix, made when a risky text first needs it."""

    def __init__(self, book: Workbook, props: Props) -> None:
        self._book = book
        self._props = props
        self.format: Format = book.add_format(props)
        self._quoted: Format | None = None

    @property
    def quoted(self) -> Format:
        if self._quoted is None:
            self._quoted = self._book.add_format({**self._props, "quote_prefix": True})
        return self._quoted


class Sheet:
    """One worksheet, written with rows and columns counted from 1."""

    def __init__(self, book: Workbook, name: str) -> None:
        self.book = book
        self.ws: Worksheet = book.add_worksheet(name)
        self.plain = Style(book, {})

    def style(self, **props: Any) -> Style:
        return Style(self.book, props)

    def text(self, row: int, column: int, text: str, style: Style | None = None) -> str:
        """Write team text as a string cell (nothing at all for empty text); returns what was written."""
        text = clean_text(text)
        if text:
            style = style or self.plain
            self.ws.write_string(row - 1, column - 1, text, style.quoted if is_risky(text) else style.format)
        return text  # a blank is no cell at all

    def value(self, row: int, column: int, value: str | float, style: Style | None = None) -> None:
        """Write a number or the app's own text (never team text: see :meth:`text`)."""
        fmt = style.format if style is not None else None
        if isinstance(value, str):
            self.ws.write_string(row - 1, column - 1, value, fmt)
        else:
            self.ws.write_number(row - 1, column - 1, value, fmt)

    def formula(self, row: int, column: int, formula: str, style: Style, result: float) -> None:
        """Write a formula the app built itself (never from team text), with the value it gives now."""
        self.ws.write_formula(row - 1, column - 1, formula, style.format, result)

    def letters(self, row: int, letters: Iterable[tuple[int, str]], style: Style) -> None:
        """Write one row's grid letters, the bulk of a workbook: the app's own five values, one format."""
        write, fmt, index = self.ws.write_string, style.format, row - 1
        for column, value in letters:
            write(index, column - 1, value, fmt)

    def merged_text(self, row: int, first: int, last: int, text: str, style: Style) -> str:
        """Team text across columns ``first`` to ``last`` of one row."""
        self.ws.merge_range(row - 1, first - 1, row - 1, last - 1, "", style.format)
        return self.text(row, first, text, style)  # merge_range would read "=..." as a formula

    def height(self, row: int, points: float | None, *, hidden: bool = False) -> None:
        """Set a row's height in points (Excel's tallest row is 409), or hide it."""
        if points is not None:
            points = min(points, MAX_ROW_HEIGHT)
        self.ws.set_row(row - 1, points, None, {"hidden": hidden} if hidden else None)

    def width(self, first: int, last: int, width: float | None, *, hidden: bool = False) -> None:
        self.ws.set_column(first - 1, last - 1, width, None, {"hidden": hidden} if hidden else None)

    def conditional(self, first_row: int, first_column: int, last_row: int, last_column: int,
                    rule: Props, look: Props) -> None:
        """A conditional format over a range: ``rule`` says when, ``look`` gives the format's properties."""
        options = {**rule, "format": self.book.add_format(look)}
        self.ws.conditional_format(first_row - 1, first_column - 1, last_row - 1, last_column - 1, options)

    def autofilter(self, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
        self.ws.autofilter(first_row - 1, first_column - 1, last_row - 1, last_column - 1)

    def print_landscape(self, title_rows: tuple[int, int], *, title_columns: int = 0) -> None:
        """A4 landscape, one page wide, the header rows (and first columns) repeated on every page."""
        ws = self.ws
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(title_rows[0] - 1, title_rows[1] - 1)
        if title_columns:
            ws.repeat_columns(0, title_columns - 1)


def fill(colour: str) -> Props:
    """Format properties for a solid background of ``colour`` (RRGGBB), for cells and conditional formats."""
    return {"bg_color": f"#{colour}"}


def font_colour(colour: str) -> Props:
    return {"font_color": f"#{colour}"}


def line_count(text: str, width: float) -> int:
    """About how many lines ``text`` wraps to in a column ``width`` characters wide.

    Neither Excel nor LibreOffice grows a row for wrapped text in a file
    they did not lay out themselves, so the exporter sets row heights from
    this estimate.
    """
    usable = max(width - 1.5, 1.0)
    return sum(max(1, math.ceil(len(line) / usable)) for line in text.split("\n"))
