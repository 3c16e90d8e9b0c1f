"""Shared test helpers: small teams built through the core's own API."""

from __future__ import annotations

import os

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
