"""The letter palette: RACI's colours kept, up to seven letters told apart, readable without colour.

Distances are CIE76 colour differences (ΔE) between colours as simulated
for full protanopia, deuteranopia and tritanopia (Machado, Oliveira and
Fernandes 2009, severity 1, in linear RGB). About 2.3 is just noticeable;
10 and more reads as a different colour at a glance.
"""

from __future__ import annotations

import itertools
import json
import re

import pytest

from raci.letters import BUILT_IN, RACI, RACI_VS, Kind, LetterDef, LetterSet, Theme, load_palette
from raci.letters.palette import palette_from_text
from raci.resources import read_text

_SIMULATIONS = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def _linear(hex_colour: str) -> tuple[float, ...]:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)


def _contrast(one: str, other: str) -> float:
    def luminance(colour: str) -> float:
        r, g, b = _linear(colour)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _lab(rgb: tuple[float, ...]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _closest_pair(colours: list[str]) -> float:
    """The smallest ΔE between any two of the colours, under any of the three simulations."""
    smallest = float("inf")
    for matrix in _SIMULATIONS.values():
        seen = [_lab(tuple(min(1.0, max(0.0, sum(m * c for m, c in zip(row, _linear(colour))))) for row in matrix))
                for colour in colours]
        for one, other in itertools.combinations(seen, 2):
            smallest = min(smallest, sum((a - b) ** 2 for a, b in zip(one, other)) ** 0.5)
    return smallest


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
            assert _contrast(swatch.fill, swatch.text) >= 4.5, (colour.key, theme)  # WCAG AA for text


def test_the_full_hues_stay_far_apart_for_colour_blind_readers() -> None:
    assert _closest_pair([colour.hue for colour in COLOURS]) >= 15


def test_the_dark_fills_stay_apart_for_colour_blind_readers() -> None:
    # RACI's dark sky blue and bluish green come closest, at about 6.2 (tritanopia).
    assert _closest_pair([colour.dark.fill for colour in COLOURS]) >= 6


def test_the_light_fills_the_palette_adds_stay_apart_from_every_other() -> None:
    # RACI's pastel fills are the window's; the closest pair of them is
    # about 7 apart. The fills added for more letters keep a clear distance.
    kept = {"sky-blue", "orange", "bluish-green", "yellow", "reddish-purple"}
    assert _closest_pair([colour.light.fill for colour in COLOURS]) >= 3
    for added in PALETTE.colours.keys() - kept:
        for other in PALETTE.colours.keys() - {added}:
            fills = [PALETTE.colours[added].light.fill, PALETTE.colours[other].light.fill]
            assert _closest_pair(fills) >= 9, (added, other)


def test_a_palette_file_missing_a_colour_is_refused_in_a_sentence() -> None:
    document = json.loads(read_text("resources", "palette.json"))
    del document["colours"]["grey"]
    with pytest.raises(ValueError, match="names a colour it does not define"):
        palette_from_text(json.dumps(document))
    del document["by_kind"]
    with pytest.raises(ValueError, match="The palette file is incomplete"):
        palette_from_text(json.dumps(document))
