"""Reading back a workbook this app exported, whole.

The hidden "_raci" sheet holds the team file minus its letters; the RACI
sheet's hidden ids row and ids column tie each visible column and row to a
person and responsibility. The visible sheet wins for what a person can
edit there: names, titles, row titles, order, letters, added and deleted
rows and columns. The hidden data fills in the rest (ids, descriptions,
sources, tags, sides, profile, settings, acknowledgments).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from raci import strict_json
from raci.errors import TeamFileError
from raci.errors import shown as escaped
from raci.formats import ImportResult, Warnings, bounded
from raci.formats.sheet_detect.cells import address as cell_address
from raci.formats.sheet_detect.warnings import WarningKind, WarningLog
from raci.formats.sheet_reader import Book, fail
from raci.formats.xlsx_layout import (
    CATEGORY_MARKER,
    CHECK_MARKER,
    DATA_MARKER,
    DATA_SHEET,
    DATA_VERSION,
    IDS_MARKER,
    NAMES_MARKER,
    ROW_ID_MARKER,
    SHEET,
    TITLES_MARKER,
)
from raci.letters import DEFAULT, LetterSet, LetterSetError, UnreadableCell, from_data, read_cell
from raci.model import make_id, normalise_title
from raci.teamfile import VERSION as TEAM_FILE_VERSION
from raci.teamfile import loads_team

MARKER_SEARCH_ROWS = 30
NAME_LIMIT, TITLE_LIMIT = 200, 500  # as the team file allows
Row = Sequence[Any]


def text_of(value: Any) -> str:
    """A cell as trimmed text ("" for blank); numbers as they would show."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def shown(value: Any, limit: int = 40) -> str:
    """A cell's value as a warning quotes it: one line, spaces collapsed, control characters visible."""
    text = value if isinstance(value, str) else str(value)
    return escaped(" ".join(text.split()), limit)


def read_own(book: Book) -> ImportResult | None:
    """The team of one of this app's workbooks, or ``None`` when it is not one (or its data is gone)."""
    if DATA_SHEET not in book.sheet_names:
        return None
    data = book.grid(DATA_SHEET)
    warnings = Warnings()
    document = _data_document(data.rows, data.where, book.path, warnings)
    if document is None:
        return None
    for name in sorted(book.sheet_names, key=lambda n: n != SHEET):
        grid = book.grid(name)
        frame = _Frame.find(grid.rows)
        if frame is not None:
            return _read(grid.rows, frame, document, book.path, warnings)
    return None


def _data_document(rows: Sequence[Row], where: str, path: Path, warnings: list[str]) -> dict[str, Any] | None:
    if not rows or not rows[0] or rows[0][0] != DATA_MARKER:
        return None
    _refuse_newer(path, "workbook layout", _at(rows[0], 1), DATA_VERSION)
    text = "".join(str(row[0]) for row in rows[1:] if row and row[0] is not None)
    try:
        document, repaired = strict_json.loads_repairing(text)
    except strict_json.Refused as error:
        raise fail(path, f"the details {where} keeps for an import are damaged (at {_pointer(error.place)}, "
                   f"{error.fault})", "export the team from RACI Builder again, or delete that hidden sheet in "
                   "Excel to import the visible matrix alone") from None
    except (ValueError, RecursionError):
        return None
    if not isinstance(document, dict) or not isinstance(document.get("people"), list):
        return None
    _refuse_newer(path, "team-file format", document.get("version"), TEAM_FILE_VERSION)
    warnings += [f"{where}: the text at {_pointer(place)} was not valid Unicode (half of a surrogate pair); "
                 "it was kept with \ufffd in its place." for place in repaired]
    return document


def _pointer(place: tuple[Any, ...]) -> str:
    return shown("/" + "/".join(str(part) for part in place), 120)


def _refuse_newer(path: Path, what: str, version: Any, known: int) -> None:
    """One sentence for a workbook a newer RACI Builder exported, instead of a guess at its contents."""
    if isinstance(version, int) and not isinstance(version, bool) and version > known:
        raise fail(path, f"it was exported by a newer RACI Builder ({what} {version}; this one reads {known} "
                         f"and older)", "update RACI Builder to import it")


class _Frame:
    """Where the markers put the ids row, the header rows and the ids column."""

    def __init__(self, ids_row: int, ids_column: int, check_column: int | None, names: int, titles: int | None):
        self.ids_row, self.ids_column, self.check_column = ids_row, ids_column, check_column
        self.names, self.titles = names, titles

    @classmethod
    def find(cls, rows: Sequence[Row]) -> _Frame | None:
        for number, row in enumerate(rows[:MARKER_SEARCH_ROWS]):
            if row and row[0] == IDS_MARKER and ROW_ID_MARKER in row:
                ids_column = row.index(ROW_ID_MARKER)
                check = row.index(CHECK_MARKER) if CHECK_MARKER in row else None
                marks = {_at(other, ids_column): position for position, other in enumerate(rows[:MARKER_SEARCH_ROWS])}
                if NAMES_MARKER in marks:
                    return cls(number, ids_column, check, marks[NAMES_MARKER], marks.get(TITLES_MARKER))
        return None

    @property
    def first_data_row(self) -> int:
        return max(self.names, self.titles or 0) + 1

    def person_columns(self) -> range:
        return range(1, self.check_column if self.check_column is not None else self.ids_column)


def _at(row: Row, column: int) -> Any:
    return row[column] if column < len(row) else None


def _read(rows: Sequence[Row], frame: _Frame, document: dict[str, Any], path: Path,
          warnings: Warnings) -> ImportResult:
    people, columns = _people(rows, frame, document)
    log = WarningLog(cell_address)  # the cells' warnings, grouped and worded as any sheet's import words them
    responsibilities, cells = _rows(rows, frame, document, columns, _letter_set(document), log)
    warnings.extend(warning.sentence for warning in log.warnings())
    document = {**document, "people": people, "responsibilities": responsibilities, "cells": cells}
    title = text_of(_at(rows[0], 0)) if rows and rows[0] else ""
    if title:
        document["name"] = title[:NAME_LIMIT]
    return _result(document, warnings, path)


def _result(document: dict[str, Any], warnings: Sequence[str], path: Path) -> ImportResult:
    """Check the team-file document the workbook holds as a team file would be checked, and wrap it up."""
    try:
        team = loads_team(json.dumps(document), path.name)
    except TeamFileError as error:
        raise fail(path, f"the sheet does not make a valid team ({error.sentence})",
                   "fix the sheet and import it again") from None
    return ImportResult(team, bounded(warnings), "")


def _people(rows: Sequence[Row], frame: _Frame,
            document: dict[str, Any]) -> tuple[list[dict[str, Any]], list[tuple[int, str]]]:
    """The people in visible column order, and (column, person id) for each."""
    known = {person["id"]: person for person in document["people"] if isinstance(person, dict) and "id" in person}
    taken: set[str] = set()
    reserved = set(known)  # ids new columns must not take: the stored ones and those handed out
    people, columns = [], []
    for column in frame.person_columns():
        person_id = _at(rows[frame.ids_row], column)
        name = text_of(_at(rows[frame.names], column))[:NAME_LIMIT]
        stored = known.get(person_id) if isinstance(person_id, str) and person_id not in taken else None
        if stored is None and not name:
            continue
        if stored is None:  # a column someone added in the spreadsheet
            person_id = make_id(name, reserved, "person")
            stored = {"id": person_id, "name": name, "titles": []}
        taken.add(person_id)
        reserved.add(person_id)
        shown_titles = text_of(_at(rows[frame.titles], column)) if frame.titles is not None else None
        people.append({**stored, "name": name or stored["name"],
                       "titles": _titles(shown_titles, stored.get("titles", []))})
        columns.append((column, person_id))
    return people, columns


def _titles(shown_text: str | None, stored: list[str]) -> list[str]:
    if shown_text is None or shown_text == ", ".join(stored):
        return stored
    return [normalise_title(part)[:100] for part in shown_text.split(",") if part.strip()]


def _letter_set(document: dict[str, Any]) -> LetterSet:
    """The letters the export recorded with the team (RACI when it names none).

    A damaged record reads as RACI here; the team file's own check of the
    document then says what is wrong with it in one sentence.
    """
    try:
        return from_data(document["letters"]) if "letters" in document else DEFAULT
    except LetterSetError:
        return DEFAULT


def _rows(rows: Sequence[Row], frame: _Frame, document: dict[str, Any], columns: list[tuple[int, str]],
          letter_set: LetterSet, log: WarningLog) -> tuple[list[dict[str, Any]], dict[str, dict[str, str]]]:
    known = {row["id"]: row for row in document.get("responsibilities", []) if isinstance(row, dict) and "id" in row}
    taken: set[str] = set()
    reserved = set(known)
    responsibilities, cells = [], {}
    category = ""
    for number in range(frame.first_data_row, len(rows)):
        row = rows[number]
        marker = _at(row, frame.ids_column)
        title = text_of(_at(row, 0))
        if marker == CATEGORY_MARKER:
            category = title
            continue
        letters = _letters(row, number, columns, letter_set, log)
        if not title:
            if letters:
                log.add(WarningKind.NO_TITLE, number, 0)
            continue
        stored = known.get(marker) if isinstance(marker, str) and marker not in taken else None
        if stored is None:  # a row someone added in the spreadsheet
            stored = {"id": make_id(title, reserved, "responsibility"), "category": category}
        taken.add(stored["id"])
        reserved.add(stored["id"])
        responsibilities.append({**stored, "title": title[:TITLE_LIMIT]})
        if letters:
            cells[stored["id"]] = letters
    return responsibilities, cells


def _letters(row: Row, number: int, columns: list[tuple[int, str]], letter_set: LetterSet,
             log: WarningLog) -> dict[str, str]:
    letters: dict[str, str] = {}
    for column, person_id in columns:
        value = _at(row, column)
        try:
            letter = read_cell(value, letter_set).cell
        except UnreadableCell:
            log.add(WarningKind.UNREADABLE, number, column, letter_set.name, text_of(value))
            continue
        if letter is not None:
            letters[person_id] = letter
    return letters
