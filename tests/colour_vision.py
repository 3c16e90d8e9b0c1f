"""Colours as people with each kind of colour vision see them, for the palette and theme tests.

Distances are CIE76 colour differences (ΔE) between colours as simulated
for full protanopia, deuteranopia and tritanopia (Machado, Oliveira and
Fernandes 2009, severity 1, in linear RGB). About 2.3 is just noticeable;
10 and more reads as a different colour at a glance. Contrast is WCAG's
ratio (text wants 4.5 or more).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

Matrix = tuple[tuple[float, float, float], ...]

DICHROMACY: dict[str, Matrix] = {
    "protan": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deutan": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritan": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
VISIONS: dict[str, Matrix] = {**DICHROMACY, "typical": ((1, 0, 0), (0, 1, 0), (0, 0, 1))}


def linear(hex_colour: str) -> tuple[float, float, float]:
    """``#RRGGBB`` as linear RGB, each channel 0 to 1."""
    red, green, blue = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return _linear(red), _linear(green), _linear(blue)


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def seen_as(hex_colour: str, vision: str) -> tuple[float, float, float]:
    """A colour in CIE Lab as someone with this colour vision (a key of :data:`VISIONS`) sees it."""
    rgb = linear(hex_colour)
    red, green, blue = (min(1.0, max(0.0, sum(weight * channel for weight, channel in zip(row, rgb, strict=True))))
                        for row in VISIONS[vision])
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def distance(one: str, other: str, vision: str) -> float:
    """ΔE between two colours as someone with this colour vision sees them."""
    a, b = seen_as(one, vision), seen_as(other, vision)
    return sum((p - q) ** 2 for p, q in zip(a, b, strict=True)) ** 0.5


def closest_pair(colours: Iterable[str]) -> float:
    """The smallest ΔE between any two of the colours, under any of the three dichromacies."""
    pairs = list(itertools.combinations(colours, 2))
    return min((distance(one, other, vision) for vision in DICHROMACY for one, other in pairs), default=float("inf"))


def contrast(one: str, other: str) -> float:
    """WCAG's contrast ratio of two ``#RRGGBB`` colours (1 to 21)."""
    def luminance(colour: str) -> float:
        red, green, blue = linear(colour)
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
