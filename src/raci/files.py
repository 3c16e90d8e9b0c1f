"""Reading a file a person named: its bytes, up to a limit, or one sentence that says why not.

The team file's loader and the import read this way: the size is checked
before reading (a 10 GB file is refused at once), a named pipe or a device
is refused (reading one would wait for a writer), and the read stops one
byte past the limit, so a file growing meanwhile is still read only so far.
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from raci.errors import RaciError

Fault = Callable[[str, str], RaciError]  # (what is wrong, what to do) -> the error to raise


def read_limited(path: Path, limit: int, limit_text: str, choose: str, fault: Fault) -> bytes:
    """The bytes of ``path``, at most ``limit`` of them.

    ``limit_text`` names the limit in a sentence ("64 MB limit for team
    files"), ``choose`` says what to pick instead of a folder or a device
    ("choose a *.raci.json file"), ``fault`` makes the error.
    """
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(status.st_mode):
            raise fault("it is not a regular file (a named pipe or a device)", choose)
        if status.st_size > limit:
            raise fault(f"the file is {status.st_size / 1_048_576:.1f} MB, over the {limit_text}",
                        "check that this is the right file")
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise fault("there is no such file", "check the name and folder") from None
    except IsADirectoryError:
        raise fault("it is a folder, not a file", choose) from None
    except OSError as error:
        raise fault(f"it cannot be read ({error.strerror or error})", "check its name and permissions") from None
    except ValueError:  # a name holding a NUL character
        raise fault("that is not a valid file name", choose) from None
    if len(data) > limit:
        raise fault(f"the file is over the {limit_text}", "check that this is the right file")
    return data
