"""A layout in plain words, as ``raci import --explain`` prints it.

One line per part: the sheet, which way round it is, the header, the
titles, the people, category rows and columns, descriptions and notes,
skipped columns and rows, the legend, the letter set with its reason, and
the team name. Rows and columns are named as the sheet's user sees them
(a transposed sheet's rows are its columns), runs shortened to ranges
("rows 2-5, 9").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from raci.formats.sheet_detect.cells import Frame, column_name, runs, text_of
from raci.formats.sheet_detect.layout import ColumnPlan, ColumnRole, Layout, Orientation, RowRole
from raci.letters.text import shown
from raci.phrases import plural

LISTED = 12  # items a line names before "and N more"
_ORIENTATION = {
    Orientation.NORMAL: "normal (people across the top, responsibilities down the side)",
    Orientation.TRANSPOSED: "transposed (people down the side, responsibilities across the top)",
    Orientation.INVERTED: "inverted (letters across the top, people's names in the cells)",
}


def explain(layout: Layout, grid: Iterable[Sequence[Any] | None] | Frame | None = None) -> str:
    """The layout described line by line; with the grid, category rows are quoted too."""
    frame = None
    if grid is not None:
        frame = Frame.from_grid(grid)
        frame = frame.turn() if layout.turned != frame.turned else frame
    lines = [f"Sheet: {layout.sheet or '(unnamed)'}", f"Orientation: {_ORIENTATION[layout.orientation]}"]
    header = _rows(layout, layout.header_rows)
    if layout.names_row is not None:
        names = _rows(layout, [layout.names_row])
        lines.append(f"Header: {header}" + (f", names in {names}" if len(layout.header_rows) > 1 else ""))
    else:
        lines.append("Header: none found; people are named by their column")
    lines.append(f"Titles: {_columns(layout, layout.columns_with(ColumnRole.TITLE))}")
    people = layout.columns_with(ColumnRole.PERSON, ColumnRole.LETTER)
    lines.append(f"{'Letter columns' if layout.orientation is Orientation.INVERTED else 'People'} "
                 f"({len(people)}): {_columns(layout, people)}")
    for column_role, label in ((ColumnRole.CATEGORY, "Category columns"), (ColumnRole.DESCRIPTION, "Description"),
                               (ColumnRole.NOTES, "Notes (kept in the description)"),
                               (ColumnRole.SKIPPED, "Skipped columns"), (ColumnRole.LEGEND, "Legend columns")):
        plans = layout.columns_with(column_role)
        if plans:
            lines.append(f"{label}: {_columns(layout, plans, reasons=True)}")
    for role, label in ((RowRole.CATEGORY, "Category rows"), (RowRole.SKIPPED, "Skipped rows"),
                        (RowRole.LEGEND, "Legend rows"), (RowRole.TITLE, "Title rows")):
        numbers = layout.rows_with(role)
        if numbers:
            quoted = _quoted(frame, layout, numbers) if role is RowRole.CATEGORY else ""
            lines.append(f"{label}: {_rows(layout, numbers)}{quoted}")
    lines.append(f"Responsibilities: {plural(len(layout.rows_with(RowRole.RESPONSIBILITY)), 'row')}")
    lines.append(f"Letters: {layout.letter_set_reason}")
    if layout.legend:
        lines.append(f"Legend: {shown(layout.legend, 200)}")
    lines.append(f"Team name: {layout.team_name or '(from the file name)'}")
    return "\n".join(lines)


def _columns(layout: Layout, plans: Sequence[ColumnPlan], reasons: bool = False) -> str:
    if not plans:
        return "none"
    named = []
    for plan in plans[:LISTED]:
        text = layout.column_label(plan.index) + (f" '{shown(plan.header)}'" if plan.header else "")
        if plan.letter:
            text += f" = {plan.letter}"
        if reasons and plan.reason:
            text += f" ({plan.reason})"
        named.append(text)
    more = len(plans) - LISTED
    return ", ".join(named) + (f" and {more:,} more" if more > 0 else "")


def _rows(layout: Layout, numbers: Sequence[int]) -> str:
    """Runs of rows as ranges: "rows 2-5, 9" (or "columns B-E, I" for a transposed sheet)."""
    found = runs(numbers)
    name = column_name if layout.turned else (lambda number: str(number + 1))
    parts = [name(run[0]) if len(run) == 1 else f"{name(run[0])}-{name(run[-1])}" for run in found[:LISTED]]
    more = len(found) - LISTED
    noun = ("column" if layout.turned else "row") + ("s" if len(numbers) > 1 else "")
    return f"{noun} {', '.join(parts)}" + (f" and {more:,} more" if more > 0 else "")


def _quoted(frame: Frame | None, layout: Layout, numbers: Sequence[int]) -> str:
    if frame is None:
        return ""
    titles = [text_of(frame.lines[number].value(layout.title_column))
              or next(filter(None, map(text_of, frame.lines[number].values)), "")  # a phase row's text in column A
              for number in numbers[:LISTED] if number < frame.height]
    return " (" + ", ".join(f"'{shown(title)}'" for title in titles if title) + ")" if any(titles) else ""
