"""Starter team files shipped in ``templates/``: list them, open one as a new team."""

from __future__ import annotations

import json
from dataclasses import dataclass

from raci.errors import RaciError
from raci.model import Team
from raci.resources import data_file
from raci.teamfile import SUFFIX, loads_team

DEFAULT_TEMPLATE = "scrum-team"


class UnknownTemplateError(RaciError):
    """A template id that is not among the shipped templates."""


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    """A starter team: its id (the file name), its team name and what it follows."""

    id: str
    name: str
    description: str


# Shown in this order; any other template follows alphabetically.
_ORDER = ("blank", "startup", "scrum-team", "scaled")


def list_templates() -> list[TemplateInfo]:
    """Every shipped template, the usual ones first."""
    found = []
    for item in data_file("templates").iterdir():
        if item.name.endswith(SUFFIX):
            document = json.loads(item.read_text(encoding="utf-8"))
            found.append(TemplateInfo(item.name[: -len(SUFFIX)], document["name"], document.get("description", "")))
    rank = {template_id: position for position, template_id in enumerate(_ORDER)}
    return sorted(found, key=lambda info: (rank.get(info.id, len(rank)), info.id))


def load_template(template_id: str) -> Team:
    """A new team built from a template (the caller decides where it is saved)."""
    item = data_file("templates", f"{template_id}{SUFFIX}")
    if not item.is_file():
        known = ", ".join(info.id for info in list_templates())
        raise UnknownTemplateError(f"There is no template called '{template_id}'; choose one of: {known}.")
    return loads_team(item.read_bytes(), f"template {template_id}")
