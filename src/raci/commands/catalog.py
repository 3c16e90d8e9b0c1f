"""``raci catalog``: the responsibility catalog with its sources and disagreements."""

from __future__ import annotations

import argparse
import json
import textwrap

from raci.catalog import Catalog, CatalogEntry, load_catalog
from raci.errors import RaciError

NAME = "catalog"
HELP = "Show the responsibility catalog drawn from the five articles."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--category", "-c", metavar="C",
                        help="only this category (case-insensitive; a unique beginning is enough)")
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
        print(_as_text(catalog, entries))
    return 0


def _pick_category(catalog: Catalog, wanted: str) -> str:
    folded = wanted.casefold().strip()
    exact = [c for c in catalog.categories if c.casefold() == folded]
    matches = exact or [c for c in catalog.categories if c.casefold().startswith(folded)]
    if len(matches) != 1:
        known = "; ".join(catalog.categories)
        raise RaciError(f"'{wanted}' does not name one catalog category; choose one of: {known}.")
    return matches[0]


def _as_text(catalog: Catalog, entries: list[CatalogEntry]) -> str:
    lines: list[str] = []
    current = None
    for entry in entries:
        if entry.category != current:
            current = entry.category
            lines += [f"== {current} ==", ""]
        flag = "  [articles disagree]" if entry.disagreement else ""
        lines.append(f"{entry.id}  ({entry.side}; {', '.join(entry.tags) or 'no tags'}){flag}")
        lines.append(f"  {entry.title}")
        lines += textwrap.wrap(entry.description, 88, initial_indent="    ", subsequent_indent="    ")
        for attribution in entry.attributions:
            source = catalog.source(attribution.source)
            lines.append(f"    - {source.author} ({attribution.locator}): {attribution.role}")
        if entry.disagreement:
            lines += textwrap.wrap(f"Disagreement: {entry.disagreement.summary}", 88,
                                   initial_indent="    ! ", subsequent_indent="      ")
        lines.append("")
    lines.append("Sources:")
    lines += [f"  {s.id}: {s.author}, \"{s.title}\", {s.publisher}, {s.date or 'undated'} ({s.kind})"
              for s in catalog.sources]
    return "\n".join(lines)


def _as_json(catalog: Catalog, entries: list[CatalogEntry]) -> dict:
    return {
        "categories": list(catalog.categories),
        "sources": [{"id": s.id, "title": s.title, "author": s.author, "publisher": s.publisher,
                     "date": s.date, "kind": s.kind} for s in catalog.sources],
        "responsibilities": [
            {
                "id": e.id, "title": e.title, "description": e.description, "category": e.category,
                "side": e.side, "tags": list(e.tags),
                "attributions": [{"source": a.source, "role": a.role, "locator": a.locator, "note": a.note}
                                 for a in e.attributions],
                "disagreement": None if e.disagreement is None else {
                    "summary": e.disagreement.summary, "manager": list(e.disagreement.manager),
                    "owner": list(e.disagreement.owner)},
            }
            for e in entries
        ],
    }
