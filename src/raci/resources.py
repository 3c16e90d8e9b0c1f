"""Where the program's own data lives: the schema, the catalog, the templates.

An installed wheel carries the data inside the package (``raci/_data``); a
source checkout keeps it at the top of the repository. Both are reached
through :func:`data_file`, so callers never care which one they run from.
"""

from __future__ import annotations

import functools
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

_FOLDERS = ("resources", "seeds", "templates")


@functools.cache
def data_root() -> Traversable:
    """The folder holding ``resources/``, ``seeds/`` and ``templates/``."""
    packaged = files("raci") / "_data"
    if packaged.is_dir():
        return packaged
    # An editable install or a bare checkout: the data sits beside src/.
    checkout = Path(__file__).resolve().parents[2]
    if all((checkout / name).is_dir() for name in _FOLDERS):
        return checkout
    raise FileNotFoundError(
        "RACI Builder's data folders (resources, seeds, templates) are missing; reinstall the package."
    )


def data_file(*parts: str) -> Traversable:
    """A file or folder inside the program's data, e.g. ``data_file("seeds", "catalog.json")``."""
    node = data_root()
    for part in parts:
        node = node / part
    return node


def read_text(*parts: str) -> str:
    """The UTF-8 text of a data file."""
    return data_file(*parts).read_text(encoding="utf-8")
