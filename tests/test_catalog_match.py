"""Row titles matched to the catalog: exact after normalising, then close above a measured threshold.

The threshold is measured on ``tests/data/catalog-match-pairs.json``: row
titles as teams write them, each labelled with the catalog titles it means
or with none. With the catalog as shipped when it was set, at 0.50 it
held precision 0.975 and recall 0.939 (0.40: 0.964 / 0.976; 0.60: 0.986 /
0.829); the test keeps it above 0.95 and 0.85 whatever the catalog's
wording becomes. Labels naming a title the catalog no longer has are
skipped, never guessed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from raci.catalog import load_catalog
from raci.catalog_match import THRESHOLD, CatalogMatcher, key, matcher_for, stem

PAIRS = json.loads((Path(__file__).parent / "data" / "catalog-match-pairs.json").read_text(encoding="utf-8"))["pairs"]
MIN_PRECISION, MIN_RECALL = 0.95, 0.85


def _labelled() -> list[dict[str, object]]:
    titles = {entry.title for entry in load_catalog().entries}
    return [pair for pair in PAIRS if not pair["titles"] or any(title in titles for title in pair["titles"])]


def precision_recall(matcher: CatalogMatcher, pairs: list[dict[str, object]]) -> tuple[float, float]:
    """Precision: matches to a right entry among all matches. Recall: right matches among the labelled texts."""
    right = wrong = 0
    for pair in pairs:
        found = matcher.match(str(pair["text"]))
        if found is not None:
            if found.entry.title in pair["titles"]:  # type: ignore[operator]
                right += 1
            else:
                wrong += 1
    meant = sum(1 for pair in pairs if pair["titles"])
    return right / max(right + wrong, 1), right / meant


def test_the_labelled_set_still_mostly_names_titles_the_catalog_has() -> None:
    labelled = _labelled()
    assert sum(1 for pair in labelled if pair["titles"]) >= 0.7 * sum(1 for pair in PAIRS if pair["titles"])
    assert sum(1 for pair in labelled if not pair["titles"]) >= 40


def test_at_the_threshold_matches_are_precise_and_find_most_rewordings() -> None:
    precision, recall = precision_recall(matcher_for(load_catalog()), _labelled())
    assert precision >= MIN_PRECISION
    assert recall >= MIN_RECALL


def test_the_threshold_is_where_the_labelled_set_puts_it() -> None:
    catalog = load_catalog()
    lower = precision_recall(CatalogMatcher(catalog, THRESHOLD - 0.2), _labelled())
    higher = precision_recall(CatalogMatcher(catalog, THRESHOLD + 0.2), _labelled())
    chosen = precision_recall(CatalogMatcher(catalog, THRESHOLD), _labelled())
    assert lower[0] < chosen[0]  # lower lets in false matches
    assert higher[1] < chosen[1]  # higher loses real ones


def test_every_catalog_title_matches_its_own_entry_exactly() -> None:
    catalog = load_catalog()
    matcher = matcher_for(catalog)
    for entry in catalog.entries:
        found = matcher.match(entry.title)
        assert found is not None and found.exact
        assert key(found.entry.title) == key(entry.title)


@given(st.data())
def test_case_punctuation_articles_and_word_forms_do_not_stop_an_exact_match(data: st.DataObject) -> None:
    catalog = load_catalog()
    entry = data.draw(st.sampled_from(catalog.entries))
    words = entry.title.split()
    variant = data.draw(st.sampled_from([
        entry.title.upper(), entry.title.lower() + ".", " ".join(words) + "  ", "The " + entry.title,
        entry.title.replace(" and ", " & "), entry.title.replace("ise", "ize"), entry.title.replace(",", ""),
    ]))
    found = matcher_for(catalog).match(variant)
    assert found is not None and found.exact and key(found.entry.title) == key(entry.title)


def test_word_forms_share_a_stem() -> None:
    assert {stem("prioritising"), stem("prioritize"), stem("prioritises")} == {stem("prioritise")}
    assert stem("management") == stem("manage") == stem("managing")
    assert stem("stories") == stem("story")
    assert key("Managing the Product Backlog") == key("Manage product backlog")


def test_the_app_export_titles_and_common_rewordings_link_to_their_entries() -> None:
    matcher = matcher_for(load_catalog())
    vision = matcher.match("Set the product vision")
    backlog = matcher.match("Order the product backlog")
    assert vision is not None and vision.entry.side == "manager" and not vision.exact
    assert backlog is not None and backlog.entry.side == "owner" and "backlog" in backlog.entry.tags


@pytest.mark.parametrize("title", ["Book the meeting room", "Deploy to production", "Plan", "Build", "Test",
                                  "Review designs", "Refine requirements", ""])
def test_unrelated_and_one_word_tasks_match_nothing(title: str) -> None:
    assert matcher_for(load_catalog()).match(title) is None


def test_a_typing_slip_in_a_long_word_still_matches() -> None:
    found = matcher_for(load_catalog()).match("Manage the product bakclog")
    assert found is not None and "backlog" in found.entry.tags


def test_a_matcher_is_built_once_per_catalog() -> None:
    catalog = load_catalog()
    assert matcher_for(catalog) is matcher_for(catalog)
