"""``raci catalog``: the responsibility catalog with its sources, disagreements and debates."""

from __future__ import annotations

import argparse
import json
import textwrap
from typing import Any

from raci.catalog import Catalog, CatalogEntry, Debate, load_catalog
from raci.errors import RaciError

NAME = "catalog"
HELP = "Show the responsibility catalog drawn from the five articles."
_WIDTH = 88


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--category", "-c", metavar="C",
                        help="only this category (case-insensitive; a unique beginning is enough)")
    parser.add_argument("--details", "-d", action="store_true",
                        help="also show what each article says (the notes) and the debates between the articles")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")


def run(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    entries = list(catalog.entries)
    if args.category:
        category = _pick_category(catalog, args.category)
        entries = [entry for entry in entries if entry.category == category]
    if args.format == "json":
        print(json.dumps(_as_json(catalog, entries), ensure_ascii=False, indent=2))
    else:
        print(_as_text(catalog, entries, details=args.details))
    return 0


def _pick_category(catalog: Catalog, wanted: str) -> str:
    folded = wanted.casefold().strip()
    exact = [c for c in catalog.categories if c.casefold() == folded]
    matches = exact or [c for c in catalog.categories if c.casefold().startswith(folded)]
    if len(matches) != 1:
        known = "; ".join(catalog.categories)
        raise RaciError(f"'{wanted}' does not name one catalog category; choose one of: {known}.")
    return matches[0]


def _wrapped(text: str, first: str, rest: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False)


def _as_text(catalog: Catalog, entries: list[CatalogEntry], *, details: bool = False) -> str:
    lines: list[str] = []
    current = None
    for entry in entries:
        if entry.category != current:
            current = entry.category
            lines += [f"== {current} ==", ""]
        lines += _entry_text(catalog, entry, details)
    shown = {entry.id for entry in entries}
    debates = [debate for debate in catalog.debates if shown & set(debate.entries)] if details else []
    if debates:
        lines += ["== Where the articles argue ==", ""]
        for debate in debates:
            lines += _debate_text(catalog, debate)
    lines.append("Sources:")
    lines += [f"  {s.id}: {s.author}, \"{s.title}\", {s.publisher}, {s.date or 'undated'} ({s.kind})"
              for s in catalog.sources]
    return "\n".join(lines)


def _entry_text(catalog: Catalog, entry: CatalogEntry, details: bool) -> list[str]:
    flag = "  [articles disagree]" if entry.disagreement else ""
    lines = [f"{entry.id}  ({entry.side}; {', '.join(entry.tags) or 'no tags'}){flag}", f"  {entry.title}"]
    lines += _wrapped(entry.description, "    ", "    ")
    for attribution in entry.attributions:
        source = catalog.source(attribution.source)
        place = catalog.place(attribution.source, attribution.locator)
        role = "both roles" if attribution.role == "both" else attribution.role
        lines += _wrapped(f"- {source.author}: {role}, {place}", "    ", "        ")
        if details:
            lines += _wrapped(attribution.note, "        ", "        ")
    if entry.disagreement:
        lines += _wrapped(f"Disagreement: {entry.disagreement.summary}", "    ! ", "      ")
    if details:
        lines += [f"    See also: {debate.question}" for debate in catalog.debates_for(entry.id)]
    lines.append("")
    return lines


def _debate_text(catalog: Catalog, debate: Debate) -> list[str]:
    lines = [debate.question]
    for position in debate.positions:
        source = catalog.source(position.source)
        lines += _wrapped(f"- {source.author} ({catalog.place(position.source, position.locator)}): "
                          f"{position.position}", "  ", "    ")
    return [*lines, ""]


def _as_json(catalog: Catalog, entries: list[CatalogEntry]) -> dict[str, Any]:
    shown = {entry.id for entry in entries}
    return {
        "categories": list(catalog.categories),
        "sources": [{"id": s.id, "title": s.title, "author": s.author, "publisher": s.publisher,
                     "date": s.date, "kind": s.kind, "locators": s.locators} for s in catalog.sources],
        "responsibilities": [
            {
                "id": e.id, "title": e.title, "description": e.description, "category": e.category,
                "side": e.side, "tags": list(e.tags),
                "attributions": [{"source": a.source, "role": a.role, "locator": a.locator,
                                  "place": catalog.place(a.source, a.locator), "note": a.note}
                                 for a in e.attributions],
                "disagreement": None if e.disagreement is None else {
                    "summary": e.disagreement.summary, "manager": list(e.disagreement.manager),
                    "owner": list(e.disagreement.owner)},
            }
            for e in entries
        ],
        "debates": [
            {"id": d.id, "question": d.question, "entries": list(d.entries),
             "positions": [{"source": p.source, "locator": p.locator, "place": catalog.place(p.source, p.locator),
                            "position": p.position} for p in d.positions]}
            for d in catalog.debates if shown & set(d.entries)
        ],
    }
