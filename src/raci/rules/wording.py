"""How findings word names, lists, letters and citations, so every rule reads the same way."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from raci.findings import RACI_PRACTICE
from raci.letters import Kind, LetterSet
from raci.phrases import joined

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
    return joined(items)


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


# Letters whose spoken name starts with a vowel sound: "an A", "an R", "an S", but "a D".
_AN_LETTERS = frozenset("AEFHILMNORSX")


@dataclass(frozen=True, slots=True)
class LetterWords:
    """How findings name a letter set's letters, so a message reads in the team's own words.

    RACI's words are its symbols ("no A", "Give someone an R"), which keeps
    every RACI message what it has always been; a set that speaks of its
    letters by name (DACI) gets names ("no Approver", "Give someone the
    Driver role"). ``both`` is the owner-and-doer cell as the grid writes
    it (``A/R``, ``A/D``). A word is ``""`` when the set has no letter of
    that kind.
    """

    owner: str
    doer: str
    asked: str
    told: str
    both: str
    by_name: bool
    # Who is only asked or told, never doing or owning: "consulted or informed, never responsible or accountable".
    onlooker: str

    def a(self, word: str) -> str:
        """``"an A"``, ``"a D"``; by name, ``"the Approver role"``."""
        if self.by_name:
            return f"the {word} role"
        return f"{'an' if word[:1].upper() in _AN_LETTERS else 'a'} {word}"

    def many(self, word: str) -> str:
        """``"R's"``; by name, ``"Driver roles"``."""
        return f"{word} roles" if self.by_name else f"{word}'s"

    @staticmethod
    def either(*words: str) -> str:
        """``"R or C"``, leaving out the kinds the set lacks."""
        present = [word for word in words if word]
        return f"{', '.join(present[:-1])} or {present[-1]}" if len(present) > 1 else "".join(present)


@functools.cache
def letter_words(letter_set: LetterSet) -> LetterWords:
    """The words findings use for ``letter_set``'s letters (made once per set)."""
    owner, doer = letter_set.first(Kind.OWNS), letter_set.first(Kind.DOES)
    both = letter_set.cell(owner.symbol, doer.symbol) if owner and doer else ""

    def named(kind: Kind) -> str:
        letter = letter_set.first(kind)
        if letter is None:
            return ""
        return letter.name if letter_set.say_names else letter.name.lower()

    onlooker = f"only {LetterWords.either(named(Kind.ASKED), named(Kind.TOLD))}, " \
        f"never {LetterWords.either(named(Kind.DOES), named(Kind.OWNS))}"
    return LetterWords(letter_set.word(Kind.OWNS), letter_set.word(Kind.DOES), letter_set.word(Kind.ASKED),
                       letter_set.word(Kind.TOLD), both, letter_set.say_names, onlooker)
