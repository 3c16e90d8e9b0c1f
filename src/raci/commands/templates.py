"""``raci templates``: the starter teams, one line each."""

from __future__ import annotations

import argparse

from raci.templates import list_templates

NAME = "templates"
HELP = "List the starter team templates, one line each."


def configure(parser: argparse.ArgumentParser) -> None:
    """No options: the list is short."""


def run(args: argparse.Namespace) -> int:
    templates = list_templates()
    width = max(len(info.id) for info in templates)
    for info in templates:
        print(f"{info.id.ljust(width)}  {info.description}")
    return 0
