"""The details of the selected responsibility: what it is, and what each article says about it.

For a row taken from the catalog, each attribution is listed with its
article (title and author), the role it gives the row to, where in the
article (the locator) and a note; when the articles disagree, the
disagreement is set apart in a highlighted box. A custom row says that no
article describes it. The catalog is read on the first row shown, not at
start-up.
"""

from __future__ import annotations

import html

from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from raci.catalog import Catalog, CatalogEntry, load_catalog
from raci.model import Responsibility, Side, Team
from raci.ui.palette import is_dark

ROLE_WORDS = {"manager": "the product manager", "owner": "the product owner", "both": "both roles"}
SIDE_WORDS = {
    Side.MANAGER: "Product manager's side",
    Side.OWNER: "Product owner's side",
    Side.SHARED: "Shared by both roles",
    Side.OTHER: "No side given",
}
_CALLOUT = {False: "#fff4d6", True: "#4a3b12"}  # the articles' disagreement, light and dark


def _muted() -> str:
    """The style of secondary text, in the current scheme's muted colour."""
    return f"color:{QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText).name()}"


class DetailsPane(QWidget):
    """Shows one responsibility; empty when the selection is a category row or nothing."""

    def __init__(self, parent: QWidget | None = None, catalog: Catalog | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("detailsBrowser")
        self.browser.setOpenExternalLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.browser)
        self.responsibility: Responsibility | None = None
        self.show_responsibility(None, None)

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = load_catalog()
        return self._catalog

    def show_responsibility(self, row: Responsibility | None, team: Team | None) -> None:
        """Show ``row`` (with who holds which letter in ``team``), or a hint when there is none."""
        self.responsibility = row
        if row is None:
            self.browser.setHtml(f"<p style='{_muted()}'>Select a responsibility in the matrix to see "
                                 "what it covers and what the articles say about it.</p>")
            return
        self.browser.setHtml(self.describe(row, team))

    def text(self) -> str:
        return self.browser.toPlainText()

    def describe(self, row: Responsibility, team: Team | None) -> str:
        """The pane's HTML for one row."""
        parts = [f"<h3 style='margin-bottom:2px'>{html.escape(row.title)}</h3>",
                 f"<p style='{_muted()}'>{html.escape(row.category or 'Other')} &middot; {SIDE_WORDS[row.side]}"
                 + (f" &middot; tags: {html.escape(', '.join(row.tags))}" if row.tags else "") + "</p>"]
        if row.description:
            parts.append(f"<p>{html.escape(row.description)}</p>")
        if team is not None and team.has_responsibility(row.id):
            parts.append(_holders(row, team))
        entries = [entry for entry in (self._entry(source) for source in row.sources) if entry is not None]
        if not entries:
            parts.append(f"<p style='{_muted()}'><i>A custom responsibility: no article in the catalog "
                         "describes it, so the checks treat it by its category and tags only.</i></p>")
        for entry in entries:
            parts.append(self._articles(entry))
        return "".join(parts)

    def _entry(self, entry_id: str) -> CatalogEntry | None:
        try:
            return self.catalog.entry(entry_id)
        except KeyError:
            return None

    def _articles(self, entry: CatalogEntry) -> str:
        parts = ["<h4 style='margin-bottom:2px'>What the articles say</h4>"]
        if entry.disagreement is not None:
            dispute = entry.disagreement
            manager = ", ".join(self._author(source) for source in dispute.manager)
            owner = ", ".join(self._author(source) for source in dispute.owner)
            callout = _CALLOUT[is_dark(QGuiApplication.palette())]
            parts.append(
                f"<table width='100%' cellpadding='6' style='background:{callout}'><tr><td>"
                f"<b>The articles disagree.</b> {html.escape(dispute.summary)}<br>"
                f"<span style='{_muted()}'>Product manager: {html.escape(manager or 'none')}; "
                f"product owner: {html.escape(owner or 'none')}.</span></td></tr></table>"
            )
        parts.append("<ul style='margin-left:-20px'>")
        for attribution in entry.attributions:
            source = self.catalog.source(attribution.source)
            parts.append(
                f"<li><b>{html.escape(source.title)}</b> ({html.escape(source.author)}) gives it to "
                f"<b>{ROLE_WORDS.get(attribution.role, attribution.role)}</b>"
                f"<span style='{_muted()}'> &middot; "
                f"{html.escape(self.catalog.place(attribution.source, attribution.locator))}</span><br>"
                f"{html.escape(attribution.note)}</li>"
            )
        parts.append("</ul>")
        return "".join(parts)

    def _author(self, source_id: str) -> str:
        try:
            return self.catalog.source(source_id).author
        except KeyError:
            return source_id


def _holders(row: Responsibility, team: Team) -> str:
    letters = team.row_letters(row.id)
    if not letters:
        return f"<p style='{_muted()}'>Nobody holds a letter on this row yet.</p>"
    names = [f"{html.escape(person.name)} <b>{html.escape(letters[person.id])}</b>"
             for person in team.people if person.id in letters]
    return f"<p><b>Who:</b> {', '.join(names)}</p>"
