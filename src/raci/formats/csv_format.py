"""CSV: the matrix alone, for any spreadsheet or script.

One header row (Responsibility, Category, then each person's name), one
row per responsibility. A team in another letter set than RACI ends with a
blank row and a row naming its letters: a legend a person reads, then the
set as the team file stores it, which the import reads back
(:func:`raci.letters.note_cells`). UTF-8 with a byte-order mark, so Excel reads the
accents right; text that a spreadsheet would run as a formula gets an
apostrophe in front (see :mod:`raci.formats.safety`).
"""

from __future__ import annotations

import csv
import io

from raci.findings import Report
from raci.formats.output import Target, write_bytes
from raci.formats.safety import csv_guard
from raci.letters import DEFAULT, note_cells
from raci.model import Team
from raci.ordering import ordered_rows


def write(team: Team, target: Target, report: Report | None = None) -> None:
    """Write the matrix as CSV (the report is not part of a CSV)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["Responsibility", "Category", *(csv_guard(person.name) for person in team.people)])
    people = [person.id for person in team.people]
    for row in ordered_rows(team):
        letters = team.row_letters(row.id)
        writer.writerow([csv_guard(row.title), csv_guard(row.category),
                         *(letters.get(pid, "") for pid in people)])
    if team.letter_set != DEFAULT:  # a blank row, then the letters: a legend, and the set for the import
        writer.writerow([])
        writer.writerow([csv_guard(text) for text in note_cells(team.letter_set)])
    write_bytes(target, buffer.getvalue().encode("utf-8-sig"))


