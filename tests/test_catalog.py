"""The responsibility catalog: well formed, fully cited, and in the project's own words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from raci.catalog import ATTRIBUTION_ROLES, SIDES, Catalog, CatalogEntry, load_catalog

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ARTICLES_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
RUN = 8  # no run of this many consecutive words may come from an article
SCRUM_GUIDE_BACKLOG = ("set-product-goal", "create-backlog-items", "order-backlog-items", "keep-backlog-transparent")
GENERAL_BACKLOG = "manage-product-backlog"
RULE_TAGS = ("vision", "customer", "finance", "backlog", "delivery", "roadmap", "market")
ROLE_IDS = ("product-manager", "product-owner", "scrum-master", "development-team")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


# ------------------------------------------------------------------ shape


def test_the_catalog_has_between_35_and_60_entries(catalog: Catalog) -> None:
    assert 35 <= len(catalog.entries) <= 60


def test_entry_ids_are_unique(catalog: Catalog) -> None:
    ids = [entry.id for entry in catalog.entries]
    assert len(ids) == len(set(ids))


def test_entry_ids_are_kebab_case_and_short(catalog: Catalog) -> None:
    bad = [entry.id for entry in catalog.entries if not KEBAB.match(entry.id) or len(entry.id) > 48]
    assert bad == []


def test_titles_are_at_most_60_characters(catalog: Catalog) -> None:
    assert [entry.title for entry in catalog.entries if len(entry.title) > 60] == []


def test_titles_and_descriptions_are_not_empty(catalog: Catalog) -> None:
    assert all(entry.title.strip() and entry.description.strip() for entry in catalog.entries)


def test_categories_number_seven_to_ten_and_each_is_used(catalog: Catalog) -> None:
    assert 7 <= len(catalog.categories) <= 10
    assert all(catalog.by_category()[category] for category in catalog.categories)


def test_categories_sides_and_tags_are_all_known(catalog: Catalog) -> None:
    for entry in catalog.entries:
        assert entry.category in catalog.categories, entry.id
        assert entry.side in SIDES, entry.id
        assert entry.tags, entry.id
        assert set(entry.tags) <= set(catalog.tags), entry.id


def test_by_category_keeps_the_category_order_and_every_entry(catalog: Catalog) -> None:
    groups = catalog.by_category()
    assert list(groups) == list(catalog.categories)
    assert sum(len(entries) for entries in groups.values()) == len(catalog.entries)


def test_looking_up_an_unknown_entry_or_source_raises_key_error(catalog: Catalog) -> None:
    assert catalog.entry("manage-product-backlog").id == "manage-product-backlog"
    with pytest.raises(KeyError):
        catalog.entry("no-such-entry")
    with pytest.raises(KeyError):
        catalog.source("no-such-article")


def test_the_catalog_is_loaded_once_and_cached() -> None:
    assert load_catalog() is load_catalog()


# ------------------------------------------------------------------ citations


def test_sources_are_the_five_articles_with_known_kinds(catalog: Catalog) -> None:
    assert [source.id for source in catalog.sources] == [
        "nathanson-2019", "fechter-2024", "tacitedge", "racki", "cowan",
    ]
    kinds = {"blog post", "guide", "LinkedIn article with comments", "course video transcript"}
    for source in catalog.sources:
        assert source.kind in kinds, source.id
        assert source.date is None or re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", source.date), source.id


def test_every_entry_cites_at_least_one_article(catalog: Catalog) -> None:
    assert [entry.id for entry in catalog.entries if not entry.attributions] == []


def test_each_article_is_cited_at_most_once_per_entry(catalog: Catalog) -> None:
    for entry in catalog.entries:
        assert len(entry.source_ids) == len(entry.attributions), entry.id


def test_every_attribution_names_a_known_source_and_role(catalog: Catalog) -> None:
    known = {source.id for source in catalog.sources}
    for entry in catalog.entries:
        for attribution in entry.attributions:
            assert attribution.source in known, entry.id
            assert attribution.role in ATTRIBUTION_ROLES, entry.id
            assert attribution.locator.strip() and attribution.note.strip(), entry.id


def test_every_article_is_cited_somewhere(catalog: Catalog) -> None:
    cited = {source for entry in catalog.entries for source in entry.source_ids}
    assert cited == {source.id for source in catalog.sources}


def test_cowan_locators_are_transcript_timestamps(catalog: Catalog) -> None:
    for entry in catalog.entries:
        for attribution in entry.attributions:
            if attribution.source == "cowan":
                assert re.fullmatch(r"\d+\.\d", attribution.locator), entry.id


def _roles(entry: CatalogEntry, role: str) -> set[str]:
    return {attribution.source for attribution in entry.attributions if attribution.role == role}


def test_an_entry_given_to_different_sides_records_a_disagreement(catalog: Catalog) -> None:
    for entry in catalog.entries:
        if _roles(entry, "manager") and _roles(entry, "owner"):
            assert entry.disagreement is not None, entry.id


def test_every_disagreement_names_both_sides_and_matches_the_attributions(catalog: Catalog) -> None:
    known = {source.id for source in catalog.sources}
    for entry in catalog.entries:
        if entry.disagreement is None:
            continue
        found = entry.disagreement
        assert found.summary.strip() and found.manager and found.owner, entry.id
        assert set(found.manager) | set(found.owner) <= known, entry.id
        both = _roles(entry, "both")
        # Every source on a side gives it to that side (or to both roles)...
        assert set(found.manager) <= _roles(entry, "manager") | both, entry.id
        assert set(found.owner) <= _roles(entry, "owner") | both, entry.id
        # ...and every source giving it to one side is listed on that side.
        assert _roles(entry, "manager") <= set(found.manager), entry.id
        assert _roles(entry, "owner") <= set(found.owner), entry.id


def test_the_side_agrees_with_the_attributions_when_nobody_disagrees(catalog: Catalog) -> None:
    for entry in catalog.entries:
        if entry.disagreement is not None:
            continue
        roles = {attribution.role for attribution in entry.attributions}
        if entry.side == "manager":
            assert roles == {"manager"}, entry.id
        elif entry.side == "owner":
            assert roles == {"owner"}, entry.id
        else:
            assert "both" in roles, entry.id


def test_the_known_backlog_disagreement_is_recorded(catalog: Catalog) -> None:
    found = catalog.entry(GENERAL_BACKLOG).disagreement
    assert found is not None
    assert "fechter-2024" in found.manager
    assert {"tacitedge", "racki"} <= set(found.owner)


# ------------------------------------------------------------------ tags the rules rely on


def test_the_four_scrum_guide_backlog_accountabilities_are_tagged_backlog(catalog: Catalog) -> None:
    for entry_id in SCRUM_GUIDE_BACKLOG:
        entry = catalog.entry(entry_id)
        assert "backlog" in entry.tags
        assert entry.side == "owner"
        assert "tacitedge" in entry.source_ids


def test_nothing_else_is_tagged_backlog(catalog: Catalog) -> None:
    tagged = {entry.id for entry in catalog.entries if "backlog" in entry.tags}
    assert tagged == {*SCRUM_GUIDE_BACKLOG, GENERAL_BACKLOG}


@pytest.mark.parametrize("tag", RULE_TAGS)
def test_at_least_one_entry_carries_each_rule_tag(catalog: Catalog, tag: str) -> None:
    assert any(tag in entry.tags for entry in catalog.entries)


def test_finance_entries_belong_to_the_product_manager(catalog: Catalog) -> None:
    assert [e.id for e in catalog.entries if "finance" in e.tags and e.side != "manager"] == []


# ------------------------------------------------------------------ roles


def test_the_four_roles_exist_with_cited_summaries(catalog: Catalog) -> None:
    assert [role.id for role in catalog.roles] == list(ROLE_IDS)
    known = {source.id for source in catalog.sources}
    for role in catalog.roles:
        sentences = [part for part in re.split(r"(?<=[.!?])\s+", role.summary.strip()) if part]
        assert 3 <= len(sentences) <= 5, role.id
        assert role.sources and set(role.sources) <= known, role.id


# ------------------------------------------------------------------ the no-copy check


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"'})


def words(text: str) -> list[str]:
    """Lower-cased words, curly quotes straightened, apostrophes kept inside words, other punctuation dropped."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    text = re.sub(r"(?<=\w)'(?=\w)", "", text)  # "owner's" and "owners" compare alike
    return re.findall(r"\w+", text)


def runs(text: str, size: int = RUN) -> set[tuple[str, ...]]:
    """Every run of ``size`` consecutive words in ``text``."""
    seq = words(text)
    return {tuple(seq[i:i + size]) for i in range(len(seq) - size + 1)}


def our_texts(catalog: Catalog) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of prose the project wrote."""
    for entry in catalog.entries:
        yield f"{entry.id} title", entry.title
        yield f"{entry.id} description", entry.description
        for attribution in entry.attributions:
            yield f"{entry.id} note ({attribution.source})", attribution.note
        if entry.disagreement is not None:
            yield f"{entry.id} disagreement", entry.disagreement.summary
    for role in catalog.roles:
        yield f"role {role.id}", role.summary


def copied_runs(texts: Iterator[tuple[str, str]], article_runs: set[tuple[str, ...]]) -> list[str]:
    return [f"{where}: {' '.join(run)!r}" for where, text in texts for run in runs(text) & article_runs]


@pytest.fixture(scope="module")
def article_runs() -> set[tuple[str, ...]]:
    articles = sorted(ARTICLES_DIR.glob("*.txt")) if ARTICLES_DIR.is_dir() else []
    if not articles:
        pytest.skip("the source articles are not beside this checkout (../shared/seeds): no-copy check skipped")
    found: set[tuple[str, ...]] = set()
    for path in articles:
        found |= runs(path.read_text(encoding="utf-8"))
    return found


def test_no_catalog_or_role_text_copies_eight_words_from_an_article(
    catalog: Catalog, article_runs: set[tuple[str, ...]]
) -> None:
    assert copied_runs(our_texts(catalog), article_runs) == []


def test_the_no_copy_check_catches_a_copied_sentence(article_runs: set[tuple[str, ...]]) -> None:
    copied = "They turn the product vision into an actionable backlog, meaning they\u2019re responsible."
    assert copied_runs(iter([("probe", copied)]), article_runs)
    assert copied_runs(iter([("probe", "Turn the vision and strategy into actionable work.")]), article_runs) == []


def test_words_are_compared_without_case_punctuation_or_curly_quotes() -> None:
    assert words("The Owner\u2019s \u201cBacklog\u201d, visible!") == ["the", "owners", "backlog", "visible"]
