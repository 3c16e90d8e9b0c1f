"""The ``raci`` command: the window with no subcommand, the core's work without a screen.

Exit codes, the same for every subcommand:

* 0 - done (for ``check``: no finding at or above ``--fail-on``);
* 1 - ``check`` found something at or above ``--fail-on``;
* 2 - bad input: a file that cannot be read or written, a wrong argument.

Subcommands live one per module in :mod:`raci.commands`; each module has
``NAME``, ``HELP``, ``configure(parser)`` and ``run(args) -> int``. A new
module there is a new subcommand.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType

from raci import APP_NAME, __version__
from raci.errors import RaciError
from raci.formats import register_export

EXIT_OK = 0
EXIT_BAD_INPUT = 2  # ``check``'s 1 for findings is its own (raci.commands.check)
# The PDF export draws with Qt: this face, which can start the window, adds
# it by name (loaded on first use), so the core never names a Qt module.
PDF_WRITER = "raci.ui.pdf"


def discover_commands() -> dict[str, ModuleType]:
    """The subcommand modules, by command name, in alphabetical order."""
    import raci.commands as package

    found = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            module = importlib.import_module(f"raci.commands.{info.name}")
            found[module.NAME] = module
    return found


def build_parser(commands: dict[str, ModuleType]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="raci",
        description=f"{APP_NAME}: map who does what in a product team. "
        "Run 'raci' alone to open the window, 'raci FILE' to open a team file in it.",
        epilog="Exit codes: 0 done, 1 findings at or above --fail-on (check), 2 bad input.",
    )
    parser.add_argument("--version", action="version", version=f"raci ({APP_NAME}) {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name, module in commands.items():
        sub = subparsers.add_parser(name, help=module.HELP, description=module.HELP)
        module.configure(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``raci`` and ``python -m raci``; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    register_export(".pdf", PDF_WRITER)
    commands = discover_commands()
    parser = build_parser(commands)
    wants_window = not arguments or (arguments[0] not in commands and not arguments[0].startswith("-"))
    try:
        if wants_window:
            return open_window(arguments, parser)
        args = parser.parse_args(arguments)
        if not hasattr(args, "run"):
            parser.print_help()
            return EXIT_OK
        return int(args.run(args))
    except RaciError as error:
        print(f"raci: {error}", file=sys.stderr)
        return error.exit_code
    except MemoryError:
        print("raci: the computer ran out of memory for this file; close other programs or use a smaller file.",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and friends: stop quietly, as Unix tools do.
        sys.stderr.close()
        return EXIT_OK


def open_window(arguments: list[str], parser: argparse.ArgumentParser) -> int:
    """Start the window on a team file, or on a new team when no file is given."""
    if len(arguments) > 1:
        parser.error(f"unknown command '{arguments[0]}' (the window opens one file at a time)")
    if not _has_display():
        print("raci: there is no display here; run 'xvfb-run -a raci' for a virtual screen, "
              "or use the commands shown by 'raci --help'.", file=sys.stderr)
        return EXIT_BAD_INPUT
    window = importlib.import_module("raci.ui.app")  # by name, so that the subcommands never load Qt
    return int(window.run(arguments[0] if arguments else None))


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
