"""The responsibility catalog: what product managers and product owners do.

The catalog is drawn from five articles (listed in ``seeds/sources.json``)
and written in the project's own words. Each entry says which side the
articles give it to (``manager``, ``owner`` or ``shared``), which articles
say so and where, and, when the articles disagree, who says what.

Three files feed it, all read as UTF-8 from the program's data folder:
``seeds/catalog.json``, ``seeds/sources.json`` and ``seeds/roles.json``.
This module is Qt-free and uses the standard library only.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from raci.resources import data_file

SIDES: tuple[str, ...] = ("manager", "owner", "shared")
ATTRIBUTION_ROLES: tuple[str, ...] = ("manager", "owner", "both")


@dataclass(frozen=True, slots=True)
class Source:
    """One article the catalog is drawn from."""

    id: str
    title: str
    author: str
    publisher: str
    date: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class Attribution:
    """Where one article gives a responsibility to a role (``manager``, ``owner`` or ``both``)."""

    source: str
    role: str
    locator: str
    note: str


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Articles that give the same responsibility to different roles."""

    summary: str
    manager: tuple[str, ...]
    owner: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """One product responsibility, as the articles describe it."""

    id: str
    title: str
    description: str
    category: str
    side: str
    tags: tuple[str, ...]
    attributions: tuple[Attribution, ...]
    disagreement: Disagreement | None

    @property
    def source_ids(self) -> tuple[str, ...]:
        """The cited articles' ids, in attribution order, each once."""
        return tuple(dict.fromkeys(attribution.source for attribution in self.attributions))


@dataclass(frozen=True, slots=True)
class RoleDefinition:
    """A role's short description for the help panel and exports."""

    id: str
    name: str
    summary: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Catalog:
    """Every responsibility, with its categories, tags, sources and role definitions."""

    categories: tuple[str, ...]
    tags: tuple[str, ...]
    entries: tuple[CatalogEntry, ...]
    sources: tuple[Source, ...]
    roles: tuple[RoleDefinition, ...]
    _entries_by_id: dict[str, CatalogEntry] = field(init=False, repr=False, compare=False)
    _sources_by_id: dict[str, Source] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_entries_by_id", {entry.id: entry for entry in self.entries})
        object.__setattr__(self, "_sources_by_id", {source.id: source for source in self.sources})

    def entry(self, entry_id: str) -> CatalogEntry:
        """The entry with this id; ``KeyError`` if the catalog has none."""
        try:
            return self._entries_by_id[entry_id]
        except KeyError:
            raise KeyError(f"The catalog has no responsibility with the id {entry_id!r}.") from None

    def source(self, source_id: str) -> Source:
        """The article with this id; ``KeyError`` if the catalog cites none."""
        try:
            return self._sources_by_id[source_id]
        except KeyError:
            raise KeyError(f"The catalog cites no article with the id {source_id!r}.") from None

    def by_category(self) -> dict[str, list[CatalogEntry]]:
        """The entries grouped by category, categories in their catalog order."""
        groups: dict[str, list[CatalogEntry]] = {category: [] for category in self.categories}
        for entry in self.entries:
            groups[entry.category].append(entry)
        return groups


def _strings(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(str(value) for value in values)


def _parse_attribution(raw: Mapping[str, Any]) -> Attribution:
    return Attribution(
        source=str(raw["source"]),
        role=str(raw["role"]),
        locator=str(raw["locator"]),
        note=str(raw["note"]),
    )


def _parse_disagreement(raw: Mapping[str, Any] | None) -> Disagreement | None:
    if raw is None:
        return None
    return Disagreement(
        summary=str(raw["summary"]),
        manager=_strings(raw["manager"]),
        owner=_strings(raw["owner"]),
    )


def _parse_entry(raw: Mapping[str, Any]) -> CatalogEntry:
    return CatalogEntry(
        id=str(raw["id"]),
        title=str(raw["title"]),
        description=str(raw["description"]),
        category=str(raw["category"]),
        side=str(raw["side"]),
        tags=_strings(raw.get("tags", ())),
        attributions=tuple(_parse_attribution(item) for item in raw["attributions"]),
        disagreement=_parse_disagreement(raw.get("disagreement")),
    )


def _parse_source(raw: Mapping[str, Any]) -> Source:
    date = raw.get("date")
    return Source(
        id=str(raw["id"]),
        title=str(raw["title"]),
        author=str(raw["author"]),
        publisher=str(raw["publisher"]),
        date=None if date is None else str(date),
        kind=str(raw["kind"]),
    )


def _parse_role(raw: Mapping[str, Any]) -> RoleDefinition:
    return RoleDefinition(
        id=str(raw["id"]),
        name=str(raw["name"]),
        summary=str(raw["summary"]),
        sources=_strings(raw["sources"]),
    )


def _check(catalog: Catalog) -> None:
    """Raise ``ValueError`` when an entry names something the catalog does not define."""
    source_ids = {source.id for source in catalog.sources}
    seen: set[str] = set()
    for entry in catalog.entries:
        problems = []
        if entry.id in seen:
            problems.append("its id is used twice")
        seen.add(entry.id)
        if entry.category not in catalog.categories:
            problems.append(f"unknown category {entry.category!r}")
        if entry.side not in SIDES:
            problems.append(f"unknown side {entry.side!r}")
        problems += [f"unknown tag {tag!r}" for tag in entry.tags if tag not in catalog.tags]
        for attribution in entry.attributions:
            if attribution.source not in source_ids:
                problems.append(f"unknown source {attribution.source!r}")
            if attribution.role not in ATTRIBUTION_ROLES:
                problems.append(f"unknown role {attribution.role!r}")
        if problems:
            raise ValueError(f"Catalog entry {entry.id!r} is malformed: {'; '.join(problems)}.")


def parse_catalog(
    catalog_data: Mapping[str, Any],
    sources_data: Mapping[str, Any],
    roles_data: Mapping[str, Any],
) -> Catalog:
    """Build a :class:`Catalog` from the decoded JSON of the three seed files."""
    catalog = Catalog(
        categories=_strings(catalog_data["categories"]),
        tags=_strings(catalog_data["tags"]),
        entries=tuple(_parse_entry(item) for item in catalog_data["responsibilities"]),
        sources=tuple(_parse_source(item) for item in sources_data["sources"]),
        roles=tuple(_parse_role(item) for item in roles_data["roles"]),
    )
    _check(catalog)
    return catalog


def _read_seed(name: str) -> Any:
    return json.loads(data_file("seeds", name).read_text(encoding="utf-8"))


@functools.cache
def load_catalog() -> Catalog:
    """The shipped catalog, read once and then kept."""
    return parse_catalog(
        _read_seed("catalog.json"),
        _read_seed("sources.json"),
        _read_seed("roles.json"),
    )
