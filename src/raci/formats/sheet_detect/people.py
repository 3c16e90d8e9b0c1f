"""People's names and titles as sheets write them in their headers.

``Ann (PM)``, ``Bob - Product Owner``, ``Cy, QA`` and ``Di [Dev, SM]``
give a name and titles; a column named after a role (``Product Owner``,
``Developers``, ``QA``) is a person named after the role who carries it.
Abbreviations map to the app's known titles (:data:`raci.model.KNOWN_TITLES`);
other role words (``Business Analyst``, ``Marketing Lead``) are kept as
written. A tail that is no role (``Smith, John``, ``Ann (London)``) stays
part of the name.

Also here: how much a label reads like a person rather than a task, which
tells a sheet whose people run down the side from one whose people run
across the top.
"""

from __future__ import annotations

import re

from raci.formats.sheet_detect.words import TASK_VERBS, words_of
from raci.model import KNOWN_TITLES

TITLE_LIMIT = 100  # a title's length in the team file
_KNOWN = {title.casefold(): title for title in KNOWN_TITLES}
ABBREVIATIONS: dict[str, str] = {
    "pm": "Product Manager", "product management": "Product Manager", "prod mgr": "Product Manager",
    "po": "Product Owner", "ppo": "Product Owner",
    "sm": "Scrum Master",
    "qa": "QA", "quality assurance": "QA", "tester": "QA", "test engineer": "QA", "qa engineer": "QA",
    "dev": "Developer", "developer": "Developer", "engineer": "Developer", "eng": "Developer",
    "software engineer": "Developer", "software developer": "Developer", "development": "Developer",
    "ux": "Designer", "ui": "Designer", "ux designer": "Designer", "ui designer": "Designer",
    "ui ux": "Designer", "ux ui": "Designer", "product designer": "Designer",
    "solution architect": "Architect", "software architect": "Architect", "enterprise architect": "Architect",
    "executive sponsor": "Sponsor", "project sponsor": "Sponsor",
    "ba": "Business Analyst", "business analyst": "Business Analyst",
}
# Words that make free text a role ("Marketing Lead"), and a bracketed or separated tail a title.
ROLE_WORDS = frozenset(
    [
        "manager", "owner", "lead", "leader", "director", "head", "analyst", "engineer", "developer", "designer",
        "architect", "tester", "master", "coach", "officer", "sponsor", "stakeholder", "stakeholders",
        "administrator", "admin", "consultant", "specialist", "board", "committee", "executive", "vp", "cto", "ceo",
        "cpo", "cfo", "coo", "cio", "chief", "marketing", "sales", "legal", "finance", "support", "operations", "ops",
        "security", "hr", "pmo", "steward", "champion", "expert", "scientist", "writer", "researcher",
    ]
)
_BRACKETED = re.compile(r"^(?P<name>.*?)\s*[(\[](?P<inner>[^()\[\]]+)[)\]]$")
_SEPARATORS = (" - ", " – ", " — ", " | ", ": ", ", ", " / ")
_PARTS = re.compile(r"\s*(?:[,;/&+]|\band\b)\s*")


def known_title(text: str) -> str | None:
    """The app's title a header or abbreviation names (``"PM"`` -> Product Manager), or ``None``."""
    words = words_of(text)
    for candidate in (words, words.removesuffix(" team").removesuffix("s"), words.removesuffix("s")):
        if candidate in _KNOWN:
            return _KNOWN[candidate]
        if candidate in ABBREVIATIONS:
            return ABBREVIATIONS[candidate]
    return None


def title_of(text: str) -> str | None:
    """A title from a tail or a role-named header: a known one, other role words as written, or ``None``."""
    known = known_title(text)
    if known is not None:
        return known
    words = words_of(text).split()
    if 0 < len(words) <= 4 and any(word in ROLE_WORDS for word in words) and not any(c.isdigit() for c in text):
        return " ".join(text.split())[:TITLE_LIMIT]
    return None


def person_from_header(header: str) -> tuple[str, tuple[str, ...]]:
    """A person's name and titles from a column header; the name is never empty for a non-empty header."""
    text = " ".join(header.split())
    known = known_title(text)
    if known is not None:
        return text, (known,)
    bracketed = _BRACKETED.match(text)
    if bracketed and bracketed["name"]:
        titles = titles_in(bracketed["inner"])
        if titles:
            return bracketed["name"], titles
    for separator in _SEPARATORS:
        if separator in text:
            head, _, tail = text.rpartition(separator)
            titles = titles_in(tail)
            if titles and head.strip():
                return head.strip(), titles
            titles = titles_in(head)
            if titles and tail.strip() and title_of(tail) is None:
                return tail.strip(), titles
    role = title_of(text)
    return text, (role,) if role is not None else ()


def titles_in(text: str) -> tuple[str, ...]:
    """Every part of ``text`` as a title ("PM, SM", "Manager / Owner"), or none if any part is no role."""
    titles = [title_of(part) for part in _PARTS.split(text) if part.strip()]
    if not titles or None in titles:
        return ()
    return tuple(dict.fromkeys(titles))  # type: ignore[arg-type]  # None ruled out above


def person_likeness(label: str) -> float:
    """How much a label reads like a person (positive) rather than a task (negative)."""
    _, titles = person_from_header(label)
    words = label.split()
    score = 2.0 if titles else 0.0
    if 1 <= len(words) <= 3 and len(label) <= 30 and not any(character.isdigit() for character in label) \
            and all(word[0].isupper() for word in words if word[0].isalpha()):
        score += 1
    folded = words_of(label).split()
    if folded and folded[0] in TASK_VERBS:
        score -= 1.5
    if len(words) >= 4:
        score -= 1
    if ":" in label or any(character.isdigit() for character in label):
        score -= 0.5
    return score
