"""The letter palette: RACI's colours kept, up to seven letters told apart, readable without colour.

Distances and contrast as :mod:`tests.colour_vision` measures them.
"""

from __future__ import annotations

import json
import re

import pytest

from raci.letters import BUILT_IN, RACI, RACI_VS, Kind, LetterDef, LetterSet, Theme, load_palette
from raci.letters.palette import palette_from_text
from raci.resources import read_text

from tests.colour_vision import closest_pair, contrast

PALETTE = load_palette()
COLOURS = list(PALETTE.colours.values())


def test_every_colour_is_written_as_rrggbb_with_a_distinct_pattern() -> None:
    for colour in COLOURS:
        for value in (colour.hue, colour.light.fill, colour.light.text, colour.dark.fill, colour.dark.text):
            assert re.fullmatch(r"#[0-9A-F]{6}", value), (colour.key, value)
    assert len({colour.pattern for colour in COLOURS}) == len(COLOURS)
    assert len(PALETTE.letter_order) == 7


# The window's colours for RACI, light (fill, text) and dark (fill, text), as the grid showed them
# before the palette file became their one home.
WINDOW_RACI = {
    "R": (("#DBEEFC", "#00466F"), ("#133F5F", "#C2E4FA")),
    "A": (("#F9CC98", "#7A3C00"), ("#6B3A02", "#FFD9AB")),
    "A/R": (("#EFBFDC", "#6B2350"), ("#55203F", "#F7CBE6")),
    "C": (("#A9DFC4", "#00533C"), ("#0B4634", "#B5EED8")),
    "I": (("#FAF6D2", "#4F4800"), ("#66600A", "#F7F0AE")),
}


def test_raci_keeps_the_colours_the_window_gave_it_in_both_themes() -> None:
    cells = PALETTE.cell_colours(RACI)
    for cell, (light, dark) in WINDOW_RACI.items():
        assert (cells[cell].light.fill, cells[cell].light.text) == light, cell
        assert (cells[cell].dark.fill, cells[cell].dark.text) == dark, cell
    assert cells["A/R"].key == "reddish-purple" and cells["R/C"] is cells["R"]
    assert cells["A/R"].hue == "#CC79A7"


def test_every_built_in_set_gives_each_letter_its_own_colour() -> None:
    for letter_set in BUILT_IN:
        colours = PALETTE.letter_colours(letter_set)
        assert len({colour.key for colour in colours.values()}) == len(letter_set.letters), letter_set
        assert PALETTE.owns_and_does not in {colour.key for colour in colours.values()}
    assert {symbol: colour.key for symbol, colour in PALETTE.letter_colours(RACI_VS).items()} == {
        "R": "sky-blue", "A": "orange", "C": "bluish-green", "I": "yellow", "V": "blue", "S": "vermillion"}


def test_seven_letters_get_seven_colours_and_a_letter_may_choose_its_own() -> None:
    letters = (LetterDef("A", "Owner", "", Kind.OWNS), LetterDef("B", "Doer", "", Kind.DOES, colour="grey"),
               *(LetterDef(symbol, f"Told {symbol}", "", Kind.TOLD) for symbol in "CDEF"),
               LetterDef("G", "Odd", "", Kind.HELPS, colour="no-such-colour"))
    colours = PALETTE.letter_colours(LetterSet("seven", "Seven", letters))
    assert colours["B"].key == "grey" and colours["A"].key == "orange"
    assert len({colour.key for colour in colours.values()}) == 7


def test_every_letter_reads_without_colour_in_both_themes() -> None:
    for colour in COLOURS:
        for theme in Theme:
            swatch = colour.swatch(theme)
            assert contrast(swatch.fill, swatch.text) >= 4.5, (colour.key, theme)  # WCAG AA for text


def test_a_findings_severity_reads_on_its_shade_and_the_three_hues_stay_apart() -> None:
    markings = load_palette().severities
    assert set(markings) == {"error", "warning", "info"}
    for name, marking in markings.items():
        assert re.fullmatch(r"#[0-9A-F]{6}", marking.hue), name
        assert contrast(marking.fill, marking.text) >= 4.5, name  # the exports' finding rows
    assert closest_pair([marking.hue for marking in markings.values()]) >= 9


def test_the_full_hues_stay_far_apart_for_colour_blind_readers() -> None:
    assert closest_pair([colour.hue for colour in COLOURS]) >= 15


def test_the_dark_fills_stay_apart_for_colour_blind_readers() -> None:
    # RACI's dark sky blue and bluish green come closest, at about 6.2 (tritanopia).
    assert closest_pair([colour.dark.fill for colour in COLOURS]) >= 6


def test_the_light_fills_the_palette_adds_stay_apart_from_every_other() -> None:
    # RACI's pastel fills are the window's; the closest pair of them is
    # about 7 apart. The fills added for more letters keep a clear distance.
    kept = {"sky-blue", "orange", "bluish-green", "yellow", "reddish-purple"}
    assert closest_pair([colour.light.fill for colour in COLOURS]) >= 3
    for added in PALETTE.colours.keys() - kept:
        for other in PALETTE.colours.keys() - {added}:
            fills = [PALETTE.colours[added].light.fill, PALETTE.colours[other].light.fill]
            assert closest_pair(fills) >= 9, (added, other)


def test_a_palette_file_missing_a_colour_is_refused_in_a_sentence() -> None:
    document = json.loads(read_text("resources", "palette.json"))
    del document["colours"]["grey"]
    with pytest.raises(ValueError, match="names a colour it does not define"):
        palette_from_text(json.dumps(document))
    del document["by_kind"]
    with pytest.raises(ValueError, match="The palette file is incomplete"):
        palette_from_text(json.dumps(document))


def test_a_palette_file_missing_a_severity_is_refused_in_a_sentence() -> None:
    document = json.loads(read_text("resources", "palette.json"))
    del document["severities"]["warning"]
    with pytest.raises(ValueError, match="The palette file is incomplete"):
        palette_from_text(json.dumps(document))
