"""Guards for text that leaves the app in a spreadsheet.

A spreadsheet reads a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and, in some programs, tab or carriage return) as a formula. Team text is
typed by people, so a name like ``=HYPERLINK("http://x","y")`` must arrive
as the same text, never as something a spreadsheet runs. The workbook
writer stores such text as a string cell; the CSV writer, which has no
cell types, prefixes an apostrophe (the convention spreadsheets themselves
use for "this is text").

Also here: the XML characters a workbook cannot hold and Excel's
per-cell length limit, both of which would otherwise crash or corrupt an
export.
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


def is_risky(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula."""
    return text.startswith(RISKY_STARTS)


def clean_text(text: str, limit: int = CELL_LIMIT) -> str:
    """``text`` without XML-illegal control characters, cut to ``limit`` with a visible marker."""
    text = _ILLEGAL_XML.sub("", text)
    if len(text) <= limit:
        return text
    # The marker's length depends on the count it shows; size it for the worst case.
    marker = CUT_MARKER.format(count=len(text))
    keep = limit - len(marker)
    return text[:keep] + CUT_MARKER.format(count=len(text) - keep)


def csv_guard(text: str) -> str:
    """``text`` as a CSV cell: an apostrophe before anything a spreadsheet would run."""
    text = _ILLEGAL_XML.sub("", text)
    return "'" + text if is_risky(text) else text


def csv_unguard(text: str) -> str:
    """Undo :func:`csv_guard`: drop the apostrophe it put before a risky start."""
    if text.startswith("'") and is_risky(text[1:]):
        return text[1:]
    return text
