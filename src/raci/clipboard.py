"""Tab-separated blocks of cells: what spreadsheets put on the clipboard.

Qt-free. :func:`parse_tsv` reads a block as Excel and LibreOffice write it
(``\\r\\n`` or ``\\n`` line ends, a trailing line end, cells in double
quotes when they hold a tab, a line break or a quote); :func:`format_tsv`
writes one they read back. :func:`plan_paste` turns a block into cell
changes for a team, reading each value in the team's letter set
(:func:`raci.letters.read_cell`: ``A/R``, ``r/a``, ``C I``, the letters'
names), with a sentence for every value it could not use.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from raci.letters import Cell, LetterSet, UnreadableCell, read_cell
from raci.model import CellKey, Team
from raci.phrases import plural

_NEEDS_QUOTES = ("\t", "\n", "\r", '"')


def parse_tsv(text: str) -> list[list[str]]:
    """The rows of a tab-separated block; blank lines at the end are dropped."""
    text = text.replace("\x00", "")  # the csv reader refuses NUL, which some programs leave on the clipboard
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect=csv.excel_tab))
    except csv.Error:  # an unbalanced quote running past csv's field size limit: read it literally
        rows = [line.split("\t") for line in text.splitlines()]
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    return rows


def format_tsv(rows: Sequence[Sequence[str]]) -> str:
    """A tab-separated block; cells that need it are quoted as spreadsheets expect."""
    return "\n".join("\t".join(_quoted(cell) for cell in row) for row in rows)


def _quoted(cell: str) -> str:
    if any(mark in cell for mark in _NEEDS_QUOTES):
        return '"' + cell.replace('"', '""') + '"'
    return cell


@dataclass(frozen=True)
class PastePlan:
    """What a paste will change, and what it could not use, in sentences."""

    changes: dict[CellKey, Cell | None] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def plan_paste(
    team: Team,
    block: Sequence[Sequence[str]],
    row_ids: Sequence[str],
    person_ids: Sequence[str | None],
) -> PastePlan:
    """Cell changes for pasting ``block`` onto the given rows and columns.

    ``row_ids`` are the responsibilities the block's rows land on, top to
    bottom; ``person_ids`` the people its columns land on, left to right
    (``None`` skips that block column silently: it fell on the title
    column). A blank cell, or a mark for "not involved" (``-``, ``n/a``),
    clears. A value that is not a cell of the team's set leaves its cell
    alone and adds a problem naming its place in the block and the cell it
    was meant for; rows or columns beyond the matrix are left out and
    reported in one sentence.
    """
    letters = team.letter_set
    changes: dict[CellKey, Cell | None] = {}
    problems: list[str] = []
    widest = 0
    for block_row, values in enumerate(block[: len(row_ids)]):
        rid = row_ids[block_row]
        widest = max(widest, len(values))
        for block_column, text in enumerate(values[: len(person_ids)]):
            pid = person_ids[block_column]
            if pid is None:
                continue
            try:
                changes[(rid, pid)] = read_cell(text, letters).cell  # remembered per set: a paste repeats a few
            except UnreadableCell:
                problems.append(_bad_value(team, letters, block_row, block_column, rid, pid, text))
    widest = max([widest, *(len(values) for values in block[len(row_ids):])], default=widest)
    clipped = _clipped_sentence(len(block) - len(row_ids), widest - len(person_ids))
    if clipped:
        problems.append(clipped)
    return PastePlan(changes, problems)


def _bad_value(team: Team, letters: LetterSet, block_row: int, block_column: int, rid: str, pid: str,
               text: str) -> str:
    title = team.responsibility(rid).title
    name = team.person(pid).name
    return (
        f"Row {block_row + 1}, column {block_column + 1}: '{text.strip()}' is not a {letters.name} letter "
        f"(meant for {name} on '{title}'); that cell was left as it was."
    )


def _clipped_sentence(extra_rows: int, extra_columns: int) -> str:
    parts = []
    if extra_rows > 0:
        parts.append(plural(extra_rows, "row"))
    if extra_columns > 0:
        parts.append(plural(extra_columns, "column"))
    if not parts:
        return ""
    verb = "was" if parts[-1].startswith("1 ") and len(parts) == 1 else "were"
    return f"The pasted block reaches past the edge of the matrix: {' and '.join(parts)} {verb} left out."
