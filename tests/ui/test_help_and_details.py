"""The Letters panel carries the R-versus-A guide; the details pane says where in an article a statement is."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from raci.catalog import letter_guide, load_catalog
from raci.model import Team
from raci.ui.details_pane import DetailsPane
from raci.ui.help_panel import help_html


def test_the_letters_panel_shows_the_r_versus_a_guide_with_its_examples() -> None:
    guide = letter_guide()
    text = help_html()
    assert guide.title in text
    assert all(example.title in text for example in guide.examples)


def test_a_transcript_time_shows_as_minutes_and_seconds_in_the_details(qtbot: QtBot) -> None:
    catalog = load_catalog()
    entry = next(entry for entry in catalog.entries
                 if any(a.source == "cowan" for a in entry.attributions))
    locator = next(a.locator for a in entry.attributions if a.source == "cowan")
    team = Team()
    row = team.add_responsibility(entry.title, sources=[entry.id])
    pane = DetailsPane(catalog=catalog)
    qtbot.addWidget(pane)
    pane.show_responsibility(row, team)
    shown = catalog.place("cowan", locator)
    assert shown.startswith("at ") and ":" in shown
    assert shown in pane.text()
    assert f"\u201c{locator}\u201d" not in pane.text()
