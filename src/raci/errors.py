"""One family of errors, each carrying a sentence a person can act on.

The command line prints ``str(error)`` and exits with ``error.exit_code``;
the window shows the same sentence in a dialog. Nothing else is needed to
present an error, so no caller formats one by hand.

Text that comes from a file (a key, a cell, a sheet name, a file name) goes
into a sentence through :func:`shown`, so an escape sequence or a line break
in a hostile file can neither colour the terminal nor fake a second line.
"""

from __future__ import annotations

SHOWN_LIMIT = 60  # characters of file text a sentence quotes


def shown(text: object, limit: int = SHOWN_LIMIT) -> str:
    """``text`` as a message may quote it: one line, control characters visible, cut at ``limit``.

    Anything :meth:`str.isprintable` refuses (control and format characters,
    line and paragraph separators, lone surrogates) is written as its Python
    escape (``\\x1b``, ``\\n``, ``\\u202e``); a cut is marked with an ellipsis.
    """
    text = text if isinstance(text, str) else str(text)
    cut = len(text) > limit
    if cut:
        text = text[: max(limit - 1, 0)]
    if not text.isprintable():
        text = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
    return text + "\u2026" if cut else text


class RaciError(Exception):
    """Base of every error RACI Builder reports to a person."""

    exit_code = 2

    def __init__(self, sentence: str) -> None:
        # A last guard: whatever a caller put in, the sentence stays one printable line.
        if not sentence.isprintable():
            sentence = shown(sentence, len(sentence))
        super().__init__(sentence)
        self.sentence = sentence

    def __str__(self) -> str:
        return self.sentence


class TeamFileError(RaciError):
    """A team file cannot be read: not JSON, not valid, too new, too big."""


class SaveError(RaciError):
    """A team file or an export could not be written; the old file is intact."""


class UnknownPersonError(RaciError, KeyError):
    """An operation named a person the team does not have."""


class UnknownResponsibilityError(RaciError, KeyError):
    """An operation named a responsibility the team does not have."""


class TeamEditError(RaciError, ValueError):
    """An edit the team cannot take (a duplicate id, a bad position, an unknown letter)."""


class SheetImportError(RaciError):
    """A spreadsheet cannot be imported: corrupt, protected, or not a sheet."""


class ExportError(RaciError):
    """An export cannot be written: unknown format, or the target cannot be written."""


class SettingsError(TeamFileError):
    """The rule settings or acknowledgments in a team file name something unknown."""
