"""Teams written out as sheets come back: the app's CSV and workbook exports, and plain grids.

The app's own workbook is read whole elsewhere (its hidden data sheet);
here its visible RACI sheet is read by layout alone, as when someone copied
that sheet into a workbook of their own.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from raci.catalog import load_catalog
from raci.formats import csv_format, xlsx
from raci.formats.sheet_detect import SheetRead, WarningKind, build_team, detect_layout, known_title, read_sheet
from raci.formats.sheet_detect.words import (
    CATEGORY_WORDS,
    DESCRIPTION_WORDS,
    GENERIC_NAMES,
    HEADING_WORDS,
    LEGEND_HEADER_WORDS,
    LEGEND_WORDS,
    NOT_PERSON_WORDS,
    NOTES_WORDS,
    PERSON_WORDS,
    TITLE_WORDS,
    mentions,
)
from raci.letters import BUILT_IN, reads
from raci.model import KNOWN_TITLES, Team
from raci.ordering import OTHER_CATEGORY, ordered_rows
from raci.templates import list_templates, load_template

TEMPLATES = [info.id for info in list_templates()]
_VOCABULARIES = (TITLE_WORDS, CATEGORY_WORDS, DESCRIPTION_WORDS, NOTES_WORDS, LEGEND_WORDS, LEGEND_HEADER_WORDS,
                 PERSON_WORDS, NOT_PERSON_WORDS, GENERIC_NAMES, HEADING_WORDS)


def csv_grid(team: Team) -> list[list[str]]:
    buffer = io.BytesIO()
    csv_format.write(team, buffer)
    return list(csv.reader(io.StringIO(buffer.getvalue().decode("utf-8-sig"), newline="")))


def sheet_grid(team: Team) -> list[tuple[Any, ...]]:
    buffer = io.BytesIO()
    xlsx.write(team, buffer)
    workbook = load_workbook(io.BytesIO(buffer.getvalue()), read_only=True)
    try:
        return list(workbook["RACI"].iter_rows(values_only=True))
    finally:
        workbook.close()


def grid_of(team: Team, workbook: bool = False) -> list[list[tuple[str, frozenset[str]]]]:
    """Each row as (title, category) and each person's letters, by name: what a sheet can carry.

    The workbook's sheet lists rows without a category under "Other" once any row has one.
    """
    other = OTHER_CATEGORY if workbook and any(row.category for row in team.responsibilities) else ""
    return [[(row.title, row.category or other),
             *((person.name, frozenset(letter.split("/")) if (letter := team.cell(row.id, person.id)) else
                frozenset()) for person in team.people)] for row in ordered_rows(team)]


def read_grid(found: SheetRead) -> list[list[tuple[str, frozenset[str]]]]:
    rows = []
    for row in found.rows:
        held = dict(row.cells)
        rows.append([(row.title, row.category), *(
            (person.name, frozenset(held[position].split("/")) if position in held else frozenset())
            for position, person in enumerate(found.people))])
    return rows


def read(grid: list[Any]) -> SheetRead:
    return read_sheet(grid, detect_layout(grid, "RACI"), load_catalog())


# ------------------------------------------------------------------ the templates
@pytest.mark.parametrize("template", TEMPLATES)
def test_every_template_comes_back_through_the_csv_export_with_its_grid_and_catalog_links(template: str) -> None:
    team = load_template(template)
    found = read(csv_grid(team))
    assert read_grid(found) == grid_of(team)
    assert found.warnings == ()
    _same_links(team, found)


@pytest.mark.parametrize("template", [template for template in TEMPLATES if load_template(template).people])
def test_every_template_comes_back_through_the_workbook_sheet_with_names_and_titles(template: str) -> None:
    team = load_template(template)
    found = read(sheet_grid(team))
    assert read_grid(found) == grid_of(team, workbook=True)
    assert [(person.name, person.titles) for person in found.people] == [
        (person.name, person.titles) for person in team.people]
    assert found.layout.team_name == team.name
    assert {warning.kind for warning in found.warnings} <= {WarningKind.SKIPPED_COLUMN}  # the check column
    _same_links(team, found)


def _same_links(team: Team, found: SheetRead) -> None:
    """Rows titled as their catalog entry (at test time) come back linked to it, with its side and tags."""
    catalog = load_catalog()
    titles = {entry.id: entry.title for entry in catalog.entries}
    checked = 0
    for row, back in zip(team.responsibilities, found.rows, strict=True):
        if row.sources and titles.get(row.sources[0]) == row.title:
            assert (back.sources, back.side, back.tags) == (row.sources, row.side, row.tags), row.title
            checked += 1
    assert checked >= 0.9 * sum(1 for row in team.responsibilities if row.sources)


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_template_built_back_from_its_csv_is_the_same_team_apart_from_titles(template: str) -> None:
    team = load_template(template)
    grid = csv_grid(team)
    back, warnings = build_team(grid, detect_layout(grid), load_catalog())
    assert warnings == ()
    assert [(person.id, person.name) for person in back.people] == [
        (person.id, person.name) for person in team.people]
    # A sheet carries no ids: a catalog-linked row takes its entry's id, so only rows whose id is
    # their entry's keep it; everything else about each row comes back, in the sheet's order.
    expected = ordered_rows(team)
    assert [replace(row, id="") for row in back.responsibilities] == [replace(row, id="") for row in expected]
    assert all(again.id == row.id for again, row in zip(back.responsibilities, expected, strict=True)
               if row.id in row.sources)
    assert grid_of(back) == grid_of(team)


# ------------------------------------------------------------------ generated teams
def _plain(text: str) -> bool:
    """Text a plain grid cannot mistake: no letters, no header or legend word, no heading."""
    return (not any(reads(text, letter_set) is not None for letter_set in BUILT_IN)
            and not any(mentions(text, words) for words in _VOCABULARIES))


NAMES = st.from_regex(r"[A-Z][a-z]{3,8}( [A-Z][a-z]{2,9})?", fullmatch=True).filter(_plain)
TITLES = st.from_regex(r"[A-Z][a-z]{3,9}( [a-z]{2,9}){0,5}", fullmatch=True).filter(_plain)
CATEGORIES = st.one_of(st.just(""), st.from_regex(r"[A-Z][a-z]{3,9}( [a-z]{2,9}){0,2}", fullmatch=True))
LETTERS = st.sampled_from(["R", "A", "C", "I", "A/R"])


ROLES = st.lists(st.sampled_from(KNOWN_TITLES), max_size=2, unique=True)


@st.composite
def teams(draw: st.DrawFn, *, every_row_lettered: bool) -> Team:
    team = Team(name="Generated")
    people = [team.add_person(name, draw(ROLES)) for name in draw(st.lists(NAMES, min_size=1, max_size=6))]
    for title in draw(st.lists(TITLES, min_size=1, max_size=12)):
        row = team.add_responsibility(title, category=draw(CATEGORIES))
        cells = draw(st.dictionaries(st.sampled_from(people), LETTERS, min_size=1 if every_row_lettered else 0))
        team.set_cells({(row.id, person.id): letter for person, letter in cells.items()})
    return team


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(teams(every_row_lettered=False))
def test_generated_teams_come_back_through_the_csv_export(team: Team) -> None:
    found = read_sheet(csv_grid(team), detect_layout(csv_grid(team)))
    assert read_grid(found) == grid_of(team)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(teams(every_row_lettered=False))
def test_generated_teams_come_back_through_the_workbook_sheet_with_their_titles(team: Team) -> None:
    # A workbook sheet with no letter at all has no letter columns to find people by; this app's own
    # workbook is read whole from its data sheet anyway, and a plain grid of names over titles is tested above.
    assume(team.filled_count() > 0)
    # A header that is itself a role ("Devs", "PM") reads as that role in another tool's sheet, by design;
    # this app's own workbook is read from its data sheet, where a person named so keeps their own titles.
    assume(not any(known_title(person.name) for person in team.people))
    grid = sheet_grid(team)
    found = read_sheet(grid, detect_layout(grid, "RACI"))
    assert read_grid(found) == grid_of(team, workbook=True)
    assert [(person.name, person.titles) for person in found.people] == [
        (person.name, person.titles) for person in team.people]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(teams(every_row_lettered=True))
def test_generated_teams_laid_out_as_a_plain_grid_come_back_equal(team: Team) -> None:
    assume(len({person.name for person in team.people}) == len(team.people))
    grid = [["Task", *(person.name for person in team.people)]]
    for row in team.responsibilities:
        grid.append([row.title, *(letter if (letter := team.cell(row.id, person.id)) else None
                                  for person in team.people)])
    back, warnings = build_team(grid, detect_layout(grid))
    assert warnings == ()
    assert [person.name for person in back.people] == [person.name for person in team.people]
    assert [row.title for row in back.responsibilities] == [row.title for row in team.responsibilities]
    assert [[back.cell(row.id, person.id) for person in back.people] for row in back.responsibilities] == [
        [team.cell(row.id, person.id) for person in team.people] for row in team.responsibilities]


def test_short_letter_like_and_formula_like_titles_and_names_come_back_through_the_csv_export() -> None:
    team = Team(name="Tricky")
    people = [team.add_person(name) for name in ('=HYPERLINK("http://x","y")', "-1", "Ann", "@bob", "Cy")]
    titles = ["=1+1", "-", "A", "R", "@x", "+1", "Go", "C", "I", "N", "Plan", "Build", "=SUM(A1:A3)", "Ship", "A/R",
              "Test", "Key", "Legend", "Total", "Phase 1"]
    for number, title in enumerate(titles):
        row = team.add_responsibility(title, category="Cat" if number % 3 else "")
        team.set_cells({(row.id, people[number % 5].id): "R", (row.id, people[(number + 2) % 5].id): "A"})
    grid = csv_grid(team)
    back, warnings = build_team(grid, detect_layout(grid))
    assert warnings == ()
    assert grid_of(back) == grid_of(team)
