"""The conflict rules: what is wrong, or worth a second look, in a team's RACI matrix.

The public API, which the window and the exports code against:

* :func:`check` - ``check(team) -> Report``, a full check;
* :class:`Checker` - follows a team's edits; ``report()`` re-checks only
  what changed, ``close()`` stops following;
* :data:`RULES` - the registry: iterate it for each rule's ``id``,
  ``title``, ``severity``, ``description``, ``citation`` and ``threshold``;
* :func:`acknowledge` - builds the :class:`~raci.model.Acknowledgment` of a
  finding, which the caller adds with ``team.add_acknowledgment``;
* :func:`citation_text` - a citation as a person reads it.

Rules live in :mod:`raci.rules.articles` (the five articles' checks) and
:mod:`raci.rules.hygiene` (standard RACI practice); adding one is one
decorated function there.
"""

from __future__ import annotations

from raci.rules import articles, hygiene  # noqa: F401 - importing them registers their rules
from raci.rules.acknowledge import STALE, acknowledge
from raci.rules.checker import Checker, check
from raci.rules.registry import RULES, Rule
from raci.rules.wording import citation_text

__all__ = ["RULES", "STALE", "Checker", "Rule", "acknowledge", "check", "citation_text"]
