"""Adding a rule: each decorator registers its function with its scope, an id is taken once, a retired id
keeps its title and where its check went."""

from __future__ import annotations

import pytest

from raci.findings import Severity
from raci.rules import RULES
from raci.rules.registry import Registry, Retired, Scope

META = {"title": "A test rule", "severity": Severity.INFO, "description": "One line.",
        "explanation": "Why it matters.", "citation": ("raci-practice",)}


def _check(*args: object) -> None:
    return None


@pytest.mark.parametrize(("decorator", "scope"), [("row_rule", Scope.ROW), ("person_rule", Scope.PERSON),
                                                  ("team_rule", Scope.TEAM)])
def test_each_decorator_registers_the_function_under_its_id_and_scope(decorator: str, scope: Scope) -> None:
    registry = Registry()
    returned = getattr(registry, decorator)("my-rule", threshold=3, **META)(_check)
    assert returned is _check  # the module keeps its function
    rule = registry["my-rule"]
    assert (rule.id, rule.scope, rule.evaluate, rule.threshold, rule.title) == ("my-rule", scope, _check, 3,
                                                                              "A test rule")
    assert registry.ids() == ("my-rule",) and len(registry) == 1 and "my-rule" in registry
    assert registry.of_scope(scope) == (rule,)


def test_an_id_is_registered_once() -> None:
    registry = Registry()
    registry.row_rule("my-rule", **META)(_check)
    with pytest.raises(ValueError, match=r"^A rule with the id 'my-rule' is already registered\.$"):
        registry.person_rule("my-rule", **META)(_check)
    assert registry["my-rule"].scope is Scope.ROW


def test_a_new_registry_is_empty_and_knows_no_id() -> None:
    registry = Registry()
    assert list(registry) == [] and registry.retired == {}
    assert "idle-person" not in registry and registry.get("idle-person") is None
    assert registry.title_of("idle-person") == "idle-person"


def test_a_retired_id_keeps_its_title_and_where_its_check_went() -> None:
    registry = Registry()
    registry.retire("old-rule", "The old rule", "new-rule")
    assert registry.retired == {"old-rule": Retired("The old rule", "new-rule")}
    assert "old-rule" in registry and registry.get("old-rule") is None
    assert registry.title_of("old-rule") == "The old rule"


def test_the_shipped_retired_rule_went_into_combined_roles() -> None:
    assert RULES.retired["owner-overloaded-with-finance"] == Retired("The backlog owner also carries finance",
                                                                     "combined-roles")
