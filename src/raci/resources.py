"""Where the program's own data lives: the schema, the catalog, the templates.

An installed wheel carries the data inside the package (``raci/_data``); a
source checkout keeps it at the top of the repository. Both are reached
through :func:`data_file`, so callers never care which one they run from.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_FOLDERS = ("resources", "seeds", "templates")


@functools.cache
def data_root() -> Traversable:
    """The folder holding ``resources/``, ``seeds/`` and ``templates/``."""
    package = Path(__file__).resolve().parent
    if (package / "_data").is_dir():  # an installed wheel or the bundle
        return package / "_data"
    # An editable install or a bare checkout: the data sits beside src/.
    checkout = package.parents[1]
    if all((checkout / name).is_dir() for name in _FOLDERS):
        return checkout
    # A package imported from an archive has no folders on disk; importlib.resources reads inside it.
    # Not imported at the top: it costs a few milliseconds that plain folders never need.
    from importlib.resources import files

    packaged = files("raci") / "_data"
    if packaged.is_dir():
        return packaged
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
