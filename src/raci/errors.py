"""One family of errors, each carrying a sentence a person can act on.

The command line prints ``str(error)`` and exits with ``error.exit_code``;
the window shows the same sentence in a dialog. Nothing else is needed to
present an error, so no caller formats one by hand.
"""

from __future__ import annotations


class RaciError(Exception):
    """Base of every error RACI Builder reports to a person."""

    exit_code = 2

    def __init__(self, sentence: str) -> None:
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
