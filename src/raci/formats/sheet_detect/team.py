"""A team from what a sheet gave: ids in one pass, cells as the team holds them.

Ids are made once for all people and all rows: a catalog-linked row takes
its entry's id when it is free (as the starter templates do), any other
row or person the slug of its title or name (:func:`raci.model.make_id`
with nothing taken, so only the slug is made), numbered ``-2``, ``-3``...
on a clash. A counter per slug keeps that linear however many rows share
a title.

Cells: the team takes the sheet's letter set and its cells as read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from raci.catalog import Catalog
from raci.catalog_match import CatalogMatcher
from raci.formats.sheet_detect.build import SheetRead, read_sheet
from raci.formats.sheet_detect.cells import Frame
from raci.formats.sheet_detect.layout import Layout
from raci.formats.sheet_detect.warnings import ImportWarning
from raci.model import Person, Responsibility, Team, make_id

DEFAULT_NAME = "Imported team"


class Ids:
    """Unique ids made in one pass: a preferred id when free, else one made by :func:`raci.model.make_id`."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def make(self, text: str, fallback: str, preferred: str = "") -> str:
        made = preferred if preferred and preferred not in self._taken else make_id(text, self._taken, fallback)
        self._taken.add(made)
        return made


def build_team(grid: Iterable[Sequence[Any] | None] | Frame, layout: Layout,
               catalog: Catalog | CatalogMatcher | None = None, *, name: str = "",
               description: str = "") -> tuple[Team, tuple[ImportWarning, ...]]:
    """The team a grid makes by ``layout``, and the grouped warnings; see :func:`read_sheet` and :func:`to_team`."""
    read = read_sheet(grid, layout, catalog)
    return to_team(read, name=name, description=description), read.warnings


def to_team(read: SheetRead, *, name: str = "", description: str = "") -> Team:
    """A team from a :class:`SheetRead` (every cell read is one of the team's letter set, so none is lost)."""
    ids = Ids()
    people = [Person(ids.make(person.name, "person"), person.name, person.titles) for person in read.people]
    rows, cells = [], {}
    for row in read.rows:
        row_id = ids.make(row.title, "responsibility", row.sources[0] if row.sources else "")
        rows.append(Responsibility(row_id, row.title, row.description, row.category, row.side, row.tags,
                                   row.sources))
        held = {people[position].id: cell for position, cell in row.cells}
        if held:
            cells[row_id] = held
    fields: dict[str, Any] = {"name": (name or read.layout.team_name or DEFAULT_NAME)[:200],
                              "description": "\n".join(filter(None, (description, read.notes)))[:5000],
                              "letter_set": read.layout.letter_set}
    return Team.from_parts(people=people, responsibilities=rows, cells=cells, **fields)
