"""Render the app icon (resources/icons/raci.svg) into the PNG sizes desktops look for.

Usage: ``python packaging/make_icons.py`` (``make icons``); writes
``packaging/icons/hicolor/NxN/apps/raci-builder.png`` for every size in
:data:`SIZES`. The PNGs are kept in the repository because the bundle's
own desktop installer has no Python to draw them with; run this again when
the SVG changes. PyInstaller turns the 256 px one into the Windows .ico
and the macOS .icns (with Pillow, from the ``bundle`` extra).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "raci.svg"
OUT = ROOT / "packaging" / "icons" / "hicolor"
NAME = "raci-builder"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)  # the hicolor theme's usual fixed sizes


def render(size: int) -> QImage:
    """The icon at ``size`` x ``size`` pixels, on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1])  # fonts for the letters need a GUI application
    for size in SIZES:
        target = OUT / f"{size}x{size}" / "apps" / f"{NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(target), "PNG"):
            print(f"make_icons: could not write {target}", file=sys.stderr)
            return 1
    scalable = OUT / "scalable" / "apps" / f"{NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(SOURCE.read_bytes())
    print(f"Wrote {len(SIZES)} PNG sizes and the SVG under {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
