"""What every export says the same way: the legend, the profile line, the
category groups, the colours, who and what a finding is about, which
articles stand behind a row.

Qt-free and free of the workbook libraries, so the Markdown, CSV, workbook and PDF
exports share one wording and one palette. Letters are the team's own set
(:mod:`raci.letters`); their colours come from ``resources/palette.json``,
the light theme's, which is what prints and what a spreadsheet shows.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable
from dataclasses import dataclass

from raci import APP_NAME, __version__
from raci.findings import Finding, Report, Severity
from raci.letters import DEFAULT, Cell, Kind, LetterSet, Theme, load_palette
from raci.model import Person, Responsibility, Team
from raci.ordering import category_blocks

CREATOR = f"{APP_NAME} {__version__}"
CHECK_BAD_COLOURS = ("E8A48A", "5A1E00")
CATEGORY_FILL = "E6E6E6"
HEADER_FILL = "F2F2F2"


def legend_cells(team: Team) -> tuple[Cell, ...]:
    """The cells a legend, a pick list and the colour rules cover: the set's legend, then other cells in use.

    RACI gives R, A, A/R, C, I, and after them any other combination the
    team holds (R/C, C/I), in the set's order.
    """
    letters = team.letter_set
    legend = letters.legend_cells()
    used = {cell for _row, _person, cell in team.iter_cells()}
    return (*legend, *(cell for cell in letters.all_cells() if cell in used and cell not in legend))


def letter_colours(letter_set: LetterSet) -> dict[Cell, tuple[str, str]]:
    """``{cell: (fill, text)}`` as ``RRGGBB`` for every cell of a set, from the palette's light theme."""
    colours = load_palette().cell_colours(letter_set)
    return {cell: (colour.swatch(Theme.LIGHT).fill[1:], colour.swatch(Theme.LIGHT).text[1:])
            for cell, colour in colours.items()}


@functools.cache
def severity_colours() -> dict[Severity, tuple[str, str]]:
    """``{severity: (fill, text)}`` as ``RRGGBB`` for a finding's row, from the palette."""
    markings = load_palette().severities
    return {severity: (markings[severity.value].fill[1:], markings[severity.value].text[1:]) for severity in Severity}


def speaks_of_r_and_a(letter_set: LetterSet) -> bool:
    """Whether the set's owner is A and its doer R, as the catalog's guide to R versus A speaks of them."""
    owner, doer = letter_set.first(Kind.OWNS), letter_set.first(Kind.DOES)
    return owner is not None and doer is not None and (owner.symbol, doer.symbol) == ("A", "R")


def legend_line(letter_set: LetterSet = DEFAULT) -> str:
    """One line that explains the letters and the one rule every row keeps, and for R and A the guide between them.

    RACI's line is the one it has always been; another set names itself
    ("Legend (RASCI): ...").
    """
    parts = [f"{cell} = {letter_set.describe(cell)}" for cell in letter_set.legend_cells()]
    label = "Legend: " if letter_set == DEFAULT else f"Legend ({letter_set.name}): "
    if speaks_of_r_and_a(letter_set):
        from raci.catalog import letter_guide  # read on first use, with the catalog

        guide = letter_guide()  # the guide to R versus A speaks of those two letters
        return label + "; ".join(parts) + f". {guide.title} {guide.summary}"
    return label + "; ".join(parts) + f". Each row needs exactly one {letter_set.word(Kind.OWNS)}."


def profile_line(team: Team, today: datetime.date | None = None) -> str:
    """``"Medium product, 1 delivery team. Exported 2026-05-01 by RACI Builder 0.1.0."``"""
    profile = team.profile
    summary = profile.summary()
    line = f"{summary[:1].upper()}{summary[1:]}."
    if profile.notes.strip():
        line += f" {' '.join(profile.notes.split())}"
        line += "" if line.endswith(".") else "."
    date = (today or datetime.date.today()).isoformat()
    return f"{line} Exported {date} by {CREATOR}."


def titles_text(person: Person) -> str:
    return ", ".join(person.titles)


@dataclass(frozen=True)
class Group:
    """A run of consecutive rows with the same category, as the sheet shows them."""

    category: str
    rows: tuple[Responsibility, ...]


def category_groups(team: Team) -> list[Group]:
    """The rows as the window shows them: one group per category (see :mod:`raci.ordering`).

    A team with no categories at all is one group with an empty label.
    """
    rows = team.responsibilities
    uses_categories = any(row.category for row in rows)
    return [Group(block.category if uses_categories else "", tuple(rows[position] for position in block.positions))
            for block in category_blocks(rows)]


def default_report(team: Team) -> Report:
    """The rules' report for ``team`` (imported on use: the exports are loaded lazily anyway)."""
    from raci.rules import check

    return check(team)


def citation(finding: Finding) -> str:
    from raci.rules import citation_text

    return citation_text(finding.citation)


def people_named(team: Team, finding: Finding) -> str:
    return ", ".join(_names(team, finding.people, "person"))


def rows_named(team: Team, finding: Finding) -> str:
    return "; ".join(_names(team, finding.responsibilities, "responsibility"))


def finding_notes(finding: Finding) -> list[tuple[str, str]]:
    """What a findings list shows after the message, as (label, text): the fix, the source, the acknowledgment."""
    notes = [("Fix", finding.fix), ("Source", citation(finding))]
    if finding.acknowledgment is not None:
        notes.append(("Acknowledged", acknowledged_text(finding)))
    return [(label, text) for label, text in notes if text]


def who_and_what(team: Team, finding: Finding) -> str:
    """``"Ana Lima, Ben Okafor: Order the backlog; Write stories"`` (either part may be missing)."""
    people, rows = people_named(team, finding), rows_named(team, finding)
    return f"{people}: {rows}" if people and rows else people or rows


def _names(team: Team, ids: Iterable[str], kind: str) -> list[str]:
    names = []
    for item in ids:
        if kind == "person":
            names.append(team.person(item).name if team.has_person(item) else item)
        else:
            names.append(team.responsibility(item).title if team.has_responsibility(item) else item)
    return names


def acknowledged_text(finding: Finding) -> str:
    if finding.acknowledgment is None:
        return ""
    return f"Yes, {finding.acknowledgment.date}: {finding.acknowledgment.reason}"


def articles_for(row: Responsibility) -> list[str]:
    """The articles behind a row, one line each: ``"Author, Title (publisher, date); at 2:25"``.

    Follows the row's catalog entry ids to their attributions; an id the
    catalog does not know is skipped (a team may outlive a catalog entry).
    """
    if not row.sources:
        return []
    from raci.catalog import load_catalog

    catalog = load_catalog()
    source_ids: dict[str, list[str]] = {}  # source id -> where in it, as a person reads it ("at 2:25")
    for entry_id in row.sources:
        try:
            attributions = catalog.entry(entry_id).attributions
        except KeyError:
            continue
        for attribution in attributions:
            places = source_ids.setdefault(attribution.source, [])
            place = catalog.place(attribution.source, attribution.locator)
            if place not in places:
                places.append(place)
    lines = []
    for source_id, places in source_ids.items():
        try:
            source = catalog.source(source_id)
        except KeyError:
            lines.append(source_id)
            continue
        where = f"; {'; '.join(places)}" if places else ""
        lines.append(f"{source.author}, {source.title} ({source.publisher}, {source.date or 'undated'}){where}")
    return lines
