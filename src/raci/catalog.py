"""The responsibility catalog: what product managers and product owners do.

The catalog is drawn from five articles (listed in ``seeds/sources.json``)
and written in the project's own words. Each entry says which side the
articles give it to (``manager``, ``owner`` or ``shared``), which articles
say so and where, and, when the articles disagree, who says what.

Beside the entries the catalog records the debates: questions the
articles answer differently (can one person hold both roles, who holds
the backlog), each article's position cited. :func:`Catalog.place` says
where in an article a statement is, as a person reads it ("at 2:25" in
Cowan's transcript, "under “Product Managers:”" elsewhere), and
:func:`letter_guide` returns the short guide to R versus A that the
exports and the window show.

Four files feed it, all read as UTF-8 from the program's data folder:
``seeds/catalog.json``, ``seeds/sources.json``, ``seeds/roles.json`` and
``seeds/guide.json``. This module is Qt-free and uses the standard
library only.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from raci.model import Responsibility, Side, make_id
from raci.phrases import joined
from raci.resources import data_file

SIDES: tuple[str, ...] = ("manager", "owner", "shared")
ATTRIBUTION_ROLES: tuple[str, ...] = ("manager", "owner", "both")
# How an article's locators read: section headings, or seconds into a video transcript.
LOCATOR_KINDS: tuple[str, ...] = ("sections", "seconds")
_SECONDS = re.compile(r"^\d+(\.\d+)?(, \d+(\.\d+)?)*$")


@dataclass(frozen=True, slots=True)
class Source:
    """One article the catalog is drawn from."""

    id: str
    title: str
    author: str
    publisher: str
    date: str | None
    kind: str
    locators: str = "sections"  # one of LOCATOR_KINDS


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
class Position:
    """What one article answers to a debate's question, and where it says so."""

    source: str
    locator: str
    position: str


@dataclass(frozen=True, slots=True)
class Debate:
    """A question the articles answer differently, with each article's position."""

    id: str
    question: str
    entries: tuple[str, ...]  # the catalog entries the question bears on
    positions: tuple[Position, ...]


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
    debates: tuple[Debate, ...] = ()
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

    def place(self, source_id: str, locator: str) -> str:
        """Where in an article a statement is, as a person reads it: ``"at 2:25"``, ``"under “Product Managers:”"``."""
        try:
            kind = self.source(source_id).locators
        except KeyError:
            kind = "sections"
        return place_text(locator, kind)

    def debates_for(self, entry_id: str) -> tuple[Debate, ...]:
        """The debates that bear on one entry, in catalog order."""
        return tuple(debate for debate in self.debates if entry_id in debate.entries)

    def by_category(self) -> dict[str, list[CatalogEntry]]:
        """The entries grouped by category, categories in their catalog order."""
        groups: dict[str, list[CatalogEntry]] = {category: [] for category in self.categories}
        for entry in self.entries:
            groups[entry.category].append(entry)
        return groups


def rows_from_entries(entries: Iterable[CatalogEntry], taken: Iterable[str]) -> list[Responsibility]:
    """Matrix rows for catalog entries, each keeping its entry's id unless ``taken`` or an earlier row uses it.

    A row keeps the entry's title, description, category, side and tags,
    and names the entry as its source (which the article rules and the
    exports' citations follow).
    """
    used = set(taken)
    rows = []
    for entry in entries:
        row = Responsibility(make_id(entry.id, used, "responsibility"), entry.title, entry.description,
                             entry.category, Side(entry.side), entry.tags, (entry.id,))
        used.add(row.id)
        rows.append(row)
    return rows


def transcript_time(seconds: float) -> str:
    """Seconds into a recording as a clock reads them: ``144.6`` -> ``"2:25"``, ``3725`` -> ``"1:02:05"``."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def place_text(locator: str, kind: str = "sections") -> str:
    """A locator as a person reads it.

    ``kind`` is the article's :data:`LOCATOR_KINDS`: for ``"seconds"``,
    ``"144.6"`` reads ``"at 2:25"`` and ``"258.6, 289.4"`` reads ``"at 4:19
    and 4:49"``; for ``"sections"``, ``"Product Managers:"`` reads ``"under
    “Product Managers:”"``, several headings joined by ``"; "`` are each
    quoted, a described place reads ``"in the main text"``, and a reader's
    comment (``"comment by ..."``) reads ``"in a comment by ..."``.
    """
    text = locator.strip()
    if kind == "seconds" and _SECONDS.match(text):
        return "at " + joined([transcript_time(float(part)) for part in text.split(", ")])
    parts = [part.strip() for part in text.split("; ") if part.strip()]
    # A heading starts with a capital or a digit; a described place ("main text", "comment by ...") does not.
    headings = [f"\u201c{part}\u201d" for part in parts if not part[0].islower()]
    places = [f"in a {part}" if part.startswith("comment by ") else f"in the {part}"
              for part in parts if part[0].islower()]
    said = ([f"under {joined(headings)}"] if headings else []) + places
    return joined(said) if said else text


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
        locators=str(raw.get("locators", "sections")),
    )


def _parse_role(raw: Mapping[str, Any]) -> RoleDefinition:
    return RoleDefinition(
        id=str(raw["id"]),
        name=str(raw["name"]),
        summary=str(raw["summary"]),
        sources=_strings(raw["sources"]),
    )


def _parse_debate(raw: Mapping[str, Any]) -> Debate:
    return Debate(
        id=str(raw["id"]),
        question=str(raw["question"]),
        entries=_strings(raw.get("entries", ())),
        positions=tuple(Position(str(item["source"]), str(item["locator"]), str(item["position"]))
                        for item in raw["positions"]),
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
    for source in catalog.sources:
        if source.locators not in LOCATOR_KINDS:
            raise ValueError(f"Source {source.id!r} has unknown locators {source.locators!r}.")
    for debate in catalog.debates:
        problems = [f"unknown entry {entry_id!r}" for entry_id in debate.entries if entry_id not in seen]
        problems += [f"unknown source {position.source!r}" for position in debate.positions
                     if position.source not in source_ids]
        if len(debate.positions) < 2:
            problems.append("a debate needs at least two positions")
        if problems:
            raise ValueError(f"Catalog debate {debate.id!r} is malformed: {'; '.join(problems)}.")


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
        debates=tuple(_parse_debate(item) for item in catalog_data.get("debates", ())),
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


@dataclass(frozen=True, slots=True)
class GuideExample:
    """One catalog row and how its A and R fall."""

    entry_id: str
    title: str  # the entry's title, from the catalog
    text: str


@dataclass(frozen=True, slots=True)
class LetterGuide:
    """The short guide to R versus A: a summary, a few rules of thumb, examples from the catalog."""

    title: str
    summary: str
    points: tuple[str, ...]
    examples: tuple[GuideExample, ...]

    def lines(self) -> list[str]:
        """The guide as plain lines: title, summary, each point, each example (``"Title: text"``)."""
        return [self.title, self.summary, *self.points,
                *(f"{example.title}: {example.text}" for example in self.examples)]


def parse_letter_guide(guide_data: Mapping[str, Any], catalog: Catalog) -> LetterGuide:
    """Build the :class:`LetterGuide` from ``seeds/guide.json``; ``KeyError`` for an example the catalog lacks."""
    raw = guide_data["letters"]
    return LetterGuide(
        title=str(raw["title"]),
        summary=str(raw["summary"]),
        points=_strings(raw["points"]),
        examples=tuple(GuideExample(str(item["entry"]), catalog.entry(str(item["entry"])).title, str(item["text"]))
                       for item in raw["examples"]),
    )


@functools.cache
def letter_guide() -> LetterGuide:
    """The shipped guide to R versus A, read once; the exports' legend and the window's help show it."""
    return parse_letter_guide(_read_seed("guide.json"), load_catalog())
