"""Where an export's bytes go: a stream the caller holds, or a file written atomically."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from raci.saving import write_atomically

Target = str | os.PathLike[str] | BinaryIO


def write_bytes(target: Target, data: bytes | memoryview) -> None:
    """Write ``data`` to a binary stream, or atomically to a file path."""
    if isinstance(target, (str, os.PathLike)):
        write_atomically(Path(target), data)  # type: ignore[arg-type]
    else:
        target.write(data)
