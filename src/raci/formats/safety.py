"""Guards for text that leaves the app in a spreadsheet.

A spreadsheet reads a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and, in some programs, tab or carriage return) as a formula. Team text is
typed by people, so a name like ``=HYPERLINK("http://x","y")`` must arrive
as the same text, never as something a spreadsheet runs. The workbook
writer stores such text as a string cell; the CSV writer, which has no
cell types, prefixes an apostrophe (the convention spreadsheets themselves
use for "this is text"). The apostrophe is added so that the import can
always take it off again: text that already starts with apostrophes before
a risky start gets one more, so ``'=1+1`` comes back as ``'=1+1``.

Also here: the characters a workbook cannot hold (control characters,
half surrogate pairs) and Excel's per-cell length limit, both of which
would otherwise crash or corrupt an export. Such characters are replaced
visibly, never dropped: ``\x00=1+1`` is written as ``\u2400=1+1``, not as a
formula-looking ``=1+1``.
"""

from __future__ import annotations

import re

RISKY_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
CELL_LIMIT = 32_767  # Excel's maximum number of characters in one cell
CUT_MARKER = " [... cut: {count} more characters]"

# The set openpyxl refuses (openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE, kept
# here so this module imports no workbook library at start-up), plus lone
# surrogates and the two non-characters, which no XML file can encode.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _visible(match: re.Match[str]) -> str:
    """A control character as its Unicode picture (U+2400 to U+241F); anything else as U+FFFD."""
    character = match.group()
    return chr(0x2400 + ord(character)) if character < " " else "\ufffd"


def visible_text(text: str) -> str:
    """``text`` with every character a workbook cannot hold replaced by a visible stand-in."""
    return _ILLEGAL_XML.sub(_visible, text)


def is_risky(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula."""
    return text.startswith(RISKY_STARTS)


def clean_text(text: str, limit: int = CELL_LIMIT) -> str:
    """``text`` with XML-illegal characters made visible (:func:`visible_text`), cut to ``limit`` with a marker."""
    text = visible_text(text)
    if len(text) <= limit:
        return text
    # The marker's length depends on the count it shows; size it for the worst case.
    marker = CUT_MARKER.format(count=len(text))
    keep = limit - len(marker)
    return text[:keep] + CUT_MARKER.format(count=len(text) - keep)


def _needs_apostrophe(text: str) -> bool:
    return text.lstrip("'").startswith(RISKY_STARTS)


def csv_guard(text: str) -> str:
    """``text`` as a CSV cell: an apostrophe before anything a spreadsheet would run (or its undoing would eat)."""
    text = visible_text(text)
    return "'" + text if _needs_apostrophe(text) else text


def csv_unguard(text: str) -> str:
    """Undo :func:`csv_guard`: drop the one apostrophe it put in front, and only that."""
    if text.startswith("'") and _needs_apostrophe(text[1:]):
        return text[1:]
    return text
