"""Shared test helpers: small teams built through the core's own API."""

from __future__ import annotations

import os
import sys

import pytest
from hypothesis import settings

from raci.model import Profile, Side, Size, Team

# GUI tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# `make test` draws the same examples on every run, so a result depends on the code alone and main stays
# green; `make fuzz` (HYPOTHESIS_PROFILE=explore) draws new ones each time, and what it finds becomes a test.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

# The core's memo caches: (module, name of the cached function or dict). Each test starts with them empty,
# so what it checks never depends on which tests ran before it in the same process, and the code that
# fills a cache runs in every test that reaches it (`make mutation` runs its tests in processes forked
# after a whole clean run, where a warm cache would hide a change to that code).
_MEMO_CACHES = (
    ("raci.formats.sheet_xml", "_COLUMNS"),
    ("raci.formats.sheet_detect.legend", "agrees"),
    ("raci.formats.sheet_detect.legend", "_pairs_in"),
    ("raci.rules.wording", "letter_words"),
    ("raci.teamfile", "_cells_of"),
)


@pytest.fixture(autouse=True)
def _cold_memo_caches() -> None:
    for module_name, name in _MEMO_CACHES:
        module = sys.modules.get(module_name)  # a module not imported yet has nothing cached
        if module is not None:
            cached = getattr(module, name)
            cached.clear() if isinstance(cached, dict) else cached.cache_clear()


def make_small_team() -> Team:
    """A three-person, four-row team with a few letters."""
    team = Team(name="Checkout", profile=Profile(Size.MEDIUM, 1, ""))
    ana = team.add_person("Ana Lima", ["Product Manager"])
    ben = team.add_person("Ben Okafor", ["Product Owner"])
    team.add_person("Chloé Martin", ["Developer"])
    vision = team.add_responsibility("Set the product vision", category="Vision & strategy",
                                     side=Side.MANAGER, tags=["vision"])
    order = team.add_responsibility("Order the backlog", category="Product backlog",
                                    side=Side.OWNER, tags=["backlog"])
    team.add_responsibility("Write user stories", category="Product backlog", side=Side.OWNER)
    team.add_responsibility("Run the demo", category="Delivery & iterations")
    team.set_cells({(vision.id, ana.id): "A", (order.id, ben.id): "A/R", (order.id, ana.id): "C"})
    return team


@pytest.fixture
def small_team() -> Team:
    return make_small_team()
