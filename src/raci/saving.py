"""Writing a file whole or not at all, to the file its name really stands for.

Every file the program writes (a team file, an export, a recovery copy)
goes through :func:`write_atomically`: the bytes go to a temporary file
beside the target, are synced to disk, and the temporary file is renamed
over the target, so a failed or killed save never leaves a half-written
file. Around that:

* a symbolic link is written through: its target is replaced, the link
  stays a link (a rename over the link itself would turn it into a plain
  file and leave the file it pointed to unchanged);
* a folder, a named pipe, a device or a socket is refused with a sentence
  (renaming over a pipe would replace it, writing into one would hang);
* the temporary name fits the file system even beside a 255-byte name;
* temporary files a killed save left beside the target are removed by the
  next save, unless another save still holds them (a lock, where the
  platform has one).

The command line's one rule for replacing files is :func:`refuse_existing`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from pathlib import Path

from raci.errors import SaveError, shown

try:  # POSIX: a save holds a lock on its temporary file, so a cleaner can tell a live save from a dead one
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

TEMPORARY_SUFFIX = ".raci-tmp"
STALE_UNLOCKED_S = 2.0  # an unlocked temporary file this old is a dead save's (the lock comes within microseconds)
STALE_WITHOUT_LOCKS_S = 3600.0  # where there are no locks, only age tells
_TOKEN_LENGTH = 8  # hex digits of randomness in a temporary name
_OVERHEAD = 1 + 1 + _TOKEN_LENGTH + len(TEMPORARY_SUFFIX)  # ".", ".", token, suffix
# Earlier versions named temporary files ".NAME.<8 random characters>.tmp" (tempfile's pattern).
_LEGACY = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp\Z")
_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISSOCK, "a socket"))


def utf8(text: str) -> bytes:
    """``text`` as UTF-8; a lone surrogate (which UTF-8 cannot hold) becomes U+FFFD instead of stopping a save."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # Through UTF-16 with surrogatepass, a valid pair becomes its character again and a lone half is replaced.
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace").encode("utf-8")


def refuse_existing(path: str | os.PathLike[str], force: bool) -> None:
    """The command line's one rule: never replace anything at ``path`` (a file, a link, even a dangling one)
    without ``--force``."""
    path = Path(path)
    try:
        os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise SaveError(f"Cannot write {shown(path.name)}: {_os_fault(error, path)}; choose another name.") from None
    except ValueError:  # a NUL character
        raise SaveError(f"Cannot write {shown(path.name)}: that is not a valid file name; choose another name.") \
            from None
    if not force:
        raise SaveError(f"Not writing {shown(str(path))}: something by that name already exists; "
                        "pass --force to replace it, or choose another name.")


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` (through a symbolic link) atomically; raises :class:`SaveError`.

    On any failure the previous file is untouched and no temporary file is left.
    """
    target = writable_target(Path(path))
    folder = target.parent
    remove_stale_temporaries(target)
    descriptor, temporary = _create_temporary(target, Path(path).name)
    try:
        try:
            _write_all(descriptor, data)
            os.fsync(descriptor)
            _copy_mode(target, temporary)
            if os.name == "nt":  # pragma: no cover - Windows cannot rename an open file
                os.close(descriptor)
                descriptor = -1
            os.replace(temporary, target)
        finally:
            if descriptor >= 0:
                os.close(descriptor)  # only now: the lock is held until the rename is done
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise SaveError(f"Cannot save {shown(Path(path).name)}: {_os_fault(error, target)}; "
                        "the previous file is unchanged, try again or choose another folder.") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_folder(folder)


def writable_target(path: Path) -> Path:
    """The file a save to ``path`` replaces: ``path`` itself, or where its symbolic links lead.

    Raises :class:`SaveError` for a folder, a pipe, a device, a socket, a
    link that leads round in a circle, or a name the file system refuses.
    """
    name = shown(path.name)
    if "\x00" in str(path):
        raise SaveError(f"Cannot save {name}: that is not a valid file name; choose another name.")
    target = Path(os.path.realpath(path)) if os.path.islink(path) else path
    try:
        status = os.stat(target)
    except FileNotFoundError:
        if os.path.islink(target):  # realpath gave up on a circle
            raise SaveError(f"Cannot save {name}: {_os_fault(OSError(errno.ELOOP, ''), target)}; "
                            "choose another name.") from None
        return target
    except OSError as error:
        raise SaveError(f"Cannot save {name}: {_os_fault(error, target)}; choose another name.") from None
    if stat.S_ISDIR(status.st_mode):
        raise SaveError(f"Cannot save {name}: it is a folder; choose a file name.")
    for is_kind, kind in _KINDS:
        if is_kind(status.st_mode):
            raise SaveError(f"Cannot save {name}: it is {kind}, not a file, so it is left alone; "
                            "choose a file name.")
    return target


def _create_temporary(target: Path, shown_name: str) -> tuple[int, Path]:
    folder = target.parent if str(target.parent) else Path(".")
    for _ in range(10):
        temporary = folder / temporary_name(target.name, _name_max(folder))
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        except FileExistsError:
            continue
        except OSError as error:
            raise SaveError(f"Cannot save {shown(shown_name)}: the folder {shown(str(folder), 120)} cannot be written "
                            f"({_os_fault(error, folder)}); choose another folder.") from None
        if fcntl is not None:
            with contextlib.suppress(OSError):  # a file system without locks: the age alone protects it
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return descriptor, temporary
    raise SaveError(f"Cannot save {shown(shown_name)}: no free temporary name beside it; try again.")


def temporary_name(name: str, name_max: int = 255) -> str:
    """``.NAME.<token>.raci-tmp``, with NAME cut (on a character boundary) so the whole fits ``name_max`` bytes."""
    return f"{_temporary_prefix(name, name_max)}{secrets.token_hex(_TOKEN_LENGTH // 2)}{TEMPORARY_SUFFIX}"


def _temporary_prefix(name: str, name_max: int) -> str:
    raw = os.fsencode(name)[: max(name_max - _OVERHEAD, 1)]
    while raw:
        try:
            return f".{raw.decode('utf-8')}."
        except UnicodeDecodeError:
            raw = raw[:-1]  # a character cut in half, or a name that is not UTF-8
    return ".raci."


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove the temporary files killed saves left beside ``target``; returns what was removed.

    Only files named as this program names them for this target are
    considered, and only those no running save holds.
    """
    folder = target.parent if str(target.parent) else Path(".")
    prefix = _temporary_prefix(target.name, _name_max(folder))
    ours = re.compile(re.escape(prefix) + f"[0-9a-f]{{{_TOKEN_LENGTH}}}" + re.escape(TEMPORARY_SUFFIX) + r"\Z")
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        legacy = _LEGACY.match(entry.name)
        if not (ours.match(entry.name) or (legacy and legacy.group("name") == target.name)):
            continue
        if _remove_if_stale(Path(entry.path)):
            removed.append(Path(entry.path))
    return removed


def _remove_if_stale(path: Path) -> bool:
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            return False
        age = time.time() - status.st_mtime
        if fcntl is None:
            stale = age > STALE_WITHOUT_LOCKS_S
        else:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return False  # a save in progress holds it
            stale = age > STALE_UNLOCKED_S
        if stale:
            path.unlink(missing_ok=True)
        return stale
    finally:
        os.close(descriptor)


def _name_max(folder: Path) -> int:
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):
        return 255


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _os_fault(error: OSError, path: Path) -> str:
    """What an operating-system error means for a save, in words."""
    if error.errno == errno.ENAMETOOLONG:
        longest = max((len(os.fsencode(part)) for part in path.parts), default=0)
        return (f"the name is too long for this file system ({longest} bytes, "
                f"{_name_max(path.parent)} allowed in one name)")
    if error.errno == errno.ENOENT:
        return "the folder does not exist"
    if error.errno == errno.ELOOP:
        return "it is a symbolic link that leads round in a circle"
    return error.strerror or str(error)


def _copy_mode(original: Path, temporary: Path) -> None:
    try:
        os.chmod(temporary, original.stat().st_mode & 0o7777)
    except FileNotFoundError:
        os.chmod(temporary, 0o666 & ~_umask())


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not every platform can open a folder.
    try:
        descriptor = os.open(folder if str(folder) else ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
