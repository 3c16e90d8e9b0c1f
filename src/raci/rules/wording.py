"""How findings word names, lists and citations, so every rule reads the same way."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from raci.findings import RACI_PRACTICE

LIST_LIMIT = 3  # a message names this many items, then says how many more


def quoted(title: str) -> str:
    """A title in curly quotes, as messages show responsibilities."""
    return f"\u201c{title}\u201d"


def listing(items: Sequence[str], limit: int = LIST_LIMIT) -> str:
    """``"a"``, ``"a and b"``, ``"a, b and c"``, or ``"a, b, c and 4 more"``."""
    if not items:
        return ""
    if len(items) > limit + 1:
        return f"{', '.join(items[:limit])} and {len(items) - limit} more"
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} and {items[-1]}"


def listing_of(ids: Sequence[str], render: Callable[[str], str], limit: int = LIST_LIMIT,
               total: int | None = None) -> str:
    """:func:`listing` of ``render(id)`` for each id, rendering only the ones it names.

    ``total`` is how many there are when ``ids`` holds only the first of them
    (at least ``limit + 1``, or all when there are fewer).
    """
    count = len(ids) if total is None else total
    if count > limit + 1:
        return f"{', '.join(map(render, ids[:limit]))} and {count - limit} more"
    return listing(list(map(render, ids)), limit)


def plural(count: int, word: str, many: str | None = None) -> str:
    """``"1 row"``, ``"3 rows"``."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def citation_text(citation: tuple[str, ...]) -> str:
    """A citation for a person to read: ``"Nathanson 2019 (Clarity PPM community blog); Cowan (FutureLearn, ...)"``.

    Article ids come from the catalog's sources; :data:`RACI_PRACTICE`
    passes through; an id the catalog does not know is shown as it is.
    """
    return "; ".join(_one_citation(item) for item in citation)


def _one_citation(source_id: str) -> str:
    if source_id == RACI_PRACTICE:
        return RACI_PRACTICE
    from raci.catalog import load_catalog  # read on first use: checking a team does not need the catalog

    try:
        source = load_catalog().source(source_id)
    except KeyError:
        return source_id
    author = source.author
    # A person is cited by surname; an organisation that publishes itself by its name.
    if not source.publisher.startswith(author):
        author = author.split()[-1]
    year = f" {source.date[:4]}" if source.date else ""
    publisher = source.publisher.replace(" (", ", ").replace(")", "")
    return f"{author}{year} ({publisher})"
