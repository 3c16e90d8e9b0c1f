"""The responsibility catalog: well formed, fully cited, and in the project's own words."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from raci.catalog import (
    ATTRIBUTION_ROLES,
    SIDES,
    Catalog,
    CatalogEntry,
    letter_guide,
    load_catalog,
    place_text,
    rows_from_entries,
    transcript_time,
)

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SCRUM_GUIDE_BACKLOG = ("set-product-goal", "create-backlog-items", "order-backlog-items", "keep-backlog-transparent")
GENERAL_BACKLOG = "manage-product-backlog"
TEAM_BACKLOG = "own-team-backlog-area"  # one team's bounded part, as in a scaled set-up
RULE_TAGS = ("vision", "customer", "customer-contact", "finance", "forecasting", "pricing", "backlog", "delivery",
             "roadmap", "market", "process")
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
    assert catalog.source("cowan").locators == "seconds"
    for entry in catalog.entries:
        for attribution in entry.attributions:
            if attribution.source == "cowan":
                assert re.fullmatch(r"\d+\.\d(, \d+\.\d)*", attribution.locator), entry.id


def test_transcript_times_read_as_minutes_and_seconds() -> None:
    assert transcript_time(144.6) == "2:25"
    assert transcript_time(1.6) == "0:02"
    assert transcript_time(59.5) == "1:00"  # rounds to the nearest second, carrying into the minute
    assert transcript_time(3725) == "1:02:05"


def test_a_cowan_locator_is_shown_as_a_time_and_a_heading_as_a_quoted_section(catalog: Catalog) -> None:
    assert catalog.place("cowan", "144.6") == "at 2:25"
    assert catalog.place("cowan", "258.6, 289.4") == "at 4:19 and 4:49"
    assert catalog.place("nathanson-2019", "Product Managers:") == "under \u201cProduct Managers:\u201d"
    assert place_text("Primary Focus; Product Development Process") == (
        "under \u201cPrimary Focus\u201d and \u201cProduct Development Process\u201d")
    assert place_text("main text") == "in the main text"
    assert place_text("comment by a reader") == "in a comment by a reader"
    # A heading that happens to be a number is still a heading outside a transcript.
    assert place_text("2024", "sections") == "under \u201c2024\u201d"


def test_a_reader_comment_names_the_commenter(catalog: Catalog) -> None:
    for entry in catalog.entries:
        for attribution in entry.attributions:
            assert attribution.locator != "reader comment", entry.id
            if "comment" in attribution.locator:
                assert re.fullmatch(r"comment by the .+", attribution.locator), entry.id


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


def test_the_backlog_disagreement_is_recorded_whole(catalog: Catalog) -> None:
    # Fechter also has the owner build the backlog, Cowan's owner prepares the story backlog,
    # and Tacit Edge offers a team that runs its own backlog.
    found = catalog.entry(GENERAL_BACKLOG).disagreement
    assert {"fechter-2024", "tacitedge", "racki", "cowan"} <= set(found.owner)
    assert "empowered team" in found.summary


def test_racki_is_on_both_sides_of_prioritisation(catalog: Catalog) -> None:
    found = catalog.entry("prioritise-features").disagreement
    assert "racki" in found.manager and "racki" in found.owner


# ------------------------------------------------------------------ corrections the articles call for


def test_experiments_cite_the_a_b_tests_not_cowans_question_about_small_batches(catalog: Catalog) -> None:
    assert catalog.entry("run-experiments").source_ids == ("fechter-2024",)


def test_the_quarter_horizon_is_cited_where_cowan_gives_it(catalog: Catalog) -> None:
    roadmap = {a.source: a for a in catalog.entry("own-product-roadmap").attributions}
    assert roadmap["cowan"].locator == "162.4" and "quarter" not in roadmap["cowan"].note
    assert "quarter" not in catalog.entry("own-product-roadmap").description
    increment = {a.source: a for a in catalog.entry("plan-quarterly-increment").attributions}
    assert increment["cowan"].locator == "184.3" and "quarter" in increment["cowan"].note


def test_fixing_problems_together_is_cited_under_the_development_process(catalog: Catalog) -> None:
    (fechter,) = catalog.entry("resolve-roadblocks-and-trade-offs").attributions
    assert "Product Development Process" in fechter.locator


def test_the_scrum_master_role_cites_no_article_that_never_mentions_one(catalog: Catalog) -> None:
    role = next(role for role in catalog.roles if role.id == "scrum-master")
    assert "tacitedge" not in role.sources


@pytest.mark.parametrize(("entry_id", "source"), [
    ("answer-for-completed-stories", "fechter-2024"),  # how an owner's success is measured
    ("launch-and-support-product", "fechter-2024"),  # the manager's launch and ongoing support
    ("bring-in-product-manager", "racki"),  # founders handing over to a product manager
    (TEAM_BACKLOG, "nathanson-2019"),  # most products have one or more owners
    ("plan-quarterly-increment", "cowan"),  # program increment planning
    ("shape-feature-backlog", "cowan"),  # features above stories
])
def test_statements_the_articles_make_have_an_entry(catalog: Catalog, entry_id: str, source: str) -> None:
    assert source in catalog.entry(entry_id).source_ids


# ------------------------------------------------------------------ debates


DEBATES = {
    "one-person-both-roles": {"nathanson-2019", "fechter-2024", "tacitedge", "cowan", "racki"},
    "owner-role-or-job": {"racki", "fechter-2024", "cowan"},
    "reporting-line": {"fechter-2024", "nathanson-2019"},
    "hire-first": {"fechter-2024", "tacitedge", "racki"},
    "backlog-holder": {"fechter-2024", "tacitedge", "racki", "cowan"},
}


@pytest.mark.parametrize(("debate_id", "sources"), DEBATES.items())
def test_each_debate_records_every_side_with_its_article(catalog: Catalog, debate_id: str, sources: set[str]) -> None:
    debate = next(debate for debate in catalog.debates if debate.id == debate_id)
    assert sources <= {position.source for position in debate.positions}
    for position in debate.positions:
        assert position.locator.strip() and position.position.strip(), debate_id
    assert debate.question.endswith("?")
    assert all(catalog.entry(entry_id) for entry_id in debate.entries)


def test_an_entry_lists_the_debates_that_bear_on_it(catalog: Catalog) -> None:
    assert [d.id for d in catalog.debates_for(GENERAL_BACKLOG)] == ["one-person-both-roles", "backlog-holder"]
    assert catalog.debates_for("set-product-vision") == ()


# ------------------------------------------------------------------ the guide to R and A


def test_the_letter_guide_explains_r_and_a_with_catalog_examples(catalog: Catalog) -> None:
    guide = letter_guide()
    assert "R" in guide.summary and "A" in guide.summary
    assert 3 <= len(guide.points) <= 6 and 3 <= len(guide.examples) <= 6
    for example in guide.examples:
        assert example.title == catalog.entry(example.entry_id).title
    assert guide.lines()[:2] == [guide.title, guide.summary]


# ------------------------------------------------------------------ tags the rules rely on


def test_the_four_scrum_guide_backlog_accountabilities_are_tagged_backlog(catalog: Catalog) -> None:
    for entry_id in SCRUM_GUIDE_BACKLOG:
        entry = catalog.entry(entry_id)
        assert "backlog" in entry.tags
        assert entry.side == "owner"
        assert "tacitedge" in entry.source_ids


def test_nothing_else_is_tagged_backlog(catalog: Catalog) -> None:
    tagged = {entry.id for entry in catalog.entries if "backlog" in entry.tags}
    assert tagged == {*SCRUM_GUIDE_BACKLOG, GENERAL_BACKLOG, TEAM_BACKLOG}


def test_direct_customer_contact_is_tagged_apart_from_other_customer_work(catalog: Catalog) -> None:
    tagged = {entry.id for entry in catalog.entries if "customer-contact" in entry.tags}
    assert tagged == {"be-the-voice-of-the-customer", "discover-customers-and-personas"}
    assert not {"run-product-demos", "triage-customer-feedback"} & tagged


def test_only_forecasting_and_pricing_carry_the_tags_cowan_weighs_against_owner_time(catalog: Catalog) -> None:
    assert [e.id for e in catalog.entries if {"forecasting", "pricing"} & set(e.tags)] == [
        "forecast-and-report-financials", "set-pricing-packaging-contracts"]


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
# Two measures, so that swapping a few words does not hide a copy:
# * no run of RUN consecutive words, word forms normalised ("owners" = "owner",
#   "prioritise" = "prioritize"), may come from an article, unless the run is
#   only function words and the subject's own names;
# * no sentence may follow one article sentence closely: CLOSE or more of its
#   content words in the article's order, and at least SHARE of them.


RUN = 6
CLOSE, SHARE = 3, 0.75
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"'})
# Function words, and the names of the subject itself: a text about product
# owners cannot help saying "the product owner".
_PLAIN = frozenset([
    "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
    "into", "onto", "than", "then", "that", "this", "these", "those", "is", "are", "was", "were", "be", "been",
    "being", "it", "its", "they", "them", "their", "he", "she", "his", "her", "him", "we", "our", "you", "your", "i",
    "me", "my", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "all", "any", "each", "every",
    "some", "such", "no", "not", "nor", "so", "too", "very", "can", "could", "may", "might", "must", "shall",
    "should", "will", "would", "do", "does", "did", "done", "has", "have", "had", "having", "there", "here", "also",
    "just", "only", "even", "more", "most", "much", "many", "one", "two", "own", "other", "others", "about", "over",
    "under", "up", "down", "out", "off", "again", "once", "both", "either", "neither", "per", "via", "like", "same",
    "s", "t", "ve", "re", "ll", "d", "m", "product", "products", "owner", "owners", "manager", "managers", "team",
    "teams", "role", "roles",
])
_SUFFIXES = ("ations", "ation", "ments", "ment", "ness", "ings", "ing", "ies", "ied", "ily", "ed", "es", "ly", "er",
             "ers", "s", "e", "y")


def words(text: str) -> list[str]:
    """Lower-cased words, curly quotes straightened, apostrophes kept inside words, other punctuation dropped."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    text = re.sub(r"(?<=\w)'(?=\w)", "", text)  # "owner's" and "owners" compare alike
    return re.findall(r"\w+", text)


def stem(word: str) -> str:
    """A word's rough stem: British and American spellings alike, common endings cut."""
    word = re.sub(r"is(e|es|ed|ing|ation|ations)$", r"iz\1", word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def runs(text: str, size: int = RUN) -> set[tuple[str, ...]]:
    """Every run of ``size`` consecutive stemmed words in ``text`` that holds two or more content words."""
    seq = words(text)
    stems = [stem(word) for word in seq]
    return {tuple(stems[i:i + size]) for i in range(len(seq) - size + 1)
            if sum(word not in _PLAIN for word in seq[i:i + size]) >= 2}


def sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?;:])\s+|\n+|\s[\u2022\u00b7]\s", text) if part.strip()]


def content(text: str) -> list[str]:
    return [stem(word) for word in words(text) if word not in _PLAIN]


def common_in_order(ours: list[str], theirs: list[str]) -> int:
    """How many of ``ours`` appear in ``theirs`` in the same order (the longest common subsequence)."""
    previous = [0] * (len(theirs) + 1)
    for word in ours:
        current = [0]
        for position, other in enumerate(theirs):
            current.append(previous[position] + 1 if word == other else max(previous[position + 1], current[position]))
        previous = current
    return previous[-1]


def our_texts(catalog: Catalog) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of prose the project wrote about the articles."""
    from raci.rules import RULES
    from raci.templates import list_templates, load_template

    for entry in catalog.entries:
        yield f"{entry.id} title", entry.title
        yield f"{entry.id} description", entry.description
        for attribution in entry.attributions:
            yield f"{entry.id} note ({attribution.source})", attribution.note
        if entry.disagreement is not None:
            yield f"{entry.id} disagreement", entry.disagreement.summary
    for role in catalog.roles:
        yield f"role {role.id}", role.summary
    for debate in catalog.debates:
        yield f"debate {debate.id}", debate.question
        for position in debate.positions:
            yield f"debate {debate.id} ({position.source})", position.position
    for line in letter_guide().lines():
        yield "letter guide", line
    for rule in RULES:
        yield f"rule {rule.id}", f"{rule.description} {rule.explanation}"
    for info in list_templates():
        team = load_template(info.id)
        yield f"template {info.id}", f"{team.description} {team.profile.notes}"


def copied(texts: Iterator[tuple[str, str]], article_runs: set[tuple[str, ...]]) -> list[str]:
    return [f"{where}: {' '.join(run)!r}" for where, text in texts for run in sorted(runs(text) & article_runs)]


def close_to(texts: Iterator[tuple[str, str]], article_sentences: list[list[str]]) -> list[str]:
    found = []
    for where, text in texts:
        for sentence in sentences(text):
            ours = content(sentence)
            if len(ours) < CLOSE:  # too short to tell a label from a copy
                continue
            shared = max(common_in_order(ours, theirs) for theirs in article_sentences)
            if shared >= CLOSE and shared >= SHARE * len(ours):
                found.append(f"{where}: {sentence!r} ({shared} of {len(ours)} content words)")
    return found


def _articles_dir() -> Path | None:
    """The source articles: $RACI_ARTICLES, or a ``shared/seeds`` folder beside a folder above this checkout."""
    if os.environ.get("RACI_ARTICLES"):
        return Path(os.environ["RACI_ARTICLES"])
    for folder in Path(__file__).resolve().parents:
        candidate = folder / "shared" / "seeds"
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    return None


@pytest.fixture(scope="module")
def articles() -> list[str]:
    folder = _articles_dir()
    found = sorted(folder.glob("*.txt")) if folder is not None and folder.is_dir() else []
    if not found:
        pytest.skip("the source articles are not beside this checkout (shared/seeds above it, or $RACI_ARTICLES): "
                    "no-copy check skipped")
    return [path.read_text(encoding="utf-8") for path in found]


@pytest.fixture(scope="module")
def article_runs(articles: list[str]) -> set[tuple[str, ...]]:
    return set().union(*(runs(text) for text in articles))


@pytest.fixture(scope="module")
def article_sentences(articles: list[str]) -> list[list[str]]:
    return [words for text in articles for sentence in sentences(text) if (words := content(sentence))]


def test_no_project_text_copies_a_run_of_words_from_an_article(
    catalog: Catalog, article_runs: set[tuple[str, ...]]
) -> None:
    assert copied(our_texts(catalog), article_runs) == []


def test_no_project_sentence_follows_an_article_sentence_with_words_swapped(
    catalog: Catalog, article_sentences: list[list[str]]
) -> None:
    assert close_to(our_texts(catalog), article_sentences) == []


@pytest.mark.parametrize("probe", [
    # Copied word for word.
    "They turn the product vision into an actionable backlog, meaning they\u2019re responsible.",
    # Word forms changed: six words in a row still come from Tacit Edge.
    "Managers describe what success looks like and how it will be measured.",
    # Words swapped around one sentence of Fechter's.
    "With a strategy in place, owners work with stakeholders and outside groups like audit, finance and security "
    "operations.",
    # Nathanson's sentence with its words swapped.
    "Unlike managers, owners spend most of their time with engineers.",
])
def test_the_no_copy_check_catches_a_copy_and_a_near_copy(
    probe: str, article_runs: set[tuple[str, ...]], article_sentences: list[list[str]]
) -> None:
    texts = [("probe", probe)]
    assert copied(iter(texts), article_runs) or close_to(iter(texts), article_sentences)


def test_the_no_copy_check_lets_a_paraphrase_through(
    article_runs: set[tuple[str, ...]], article_sentences: list[list[str]]
) -> None:
    texts = [("probe", "Turn the vision and strategy into actionable work."),
             ("probe", "Nathanson sets the owner apart from the manager by where the hours go: mostly with the "
                       "engineers.")]
    assert copied(iter(texts), article_runs) == []
    assert close_to(iter(texts), article_sentences) == []


def test_words_are_compared_without_case_punctuation_or_curly_quotes() -> None:
    assert words("The Owner\u2019s \u201cBacklog\u201d, visible!") == ["the", "owners", "backlog", "visible"]


def test_word_forms_are_normalised_before_comparing() -> None:
    assert stem("prioritise") == stem("prioritize") and stem("owners") == stem("owner")
    assert stem("measured") == stem("measure") and stem("looks") == stem("look")


def test_the_articles_are_found_from_a_worktree_as_well_as_a_checkout() -> None:
    folder = _articles_dir()
    if folder is None:
        pytest.skip("no shared/seeds folder above this checkout")
    assert any(folder.glob("*.txt"))


def test_entries_become_rows_keeping_their_ids_unless_taken_and_naming_their_entry(catalog: Catalog) -> None:
    first, second = catalog.entries[0], catalog.entries[1]
    rows = rows_from_entries([first, second, first], taken={second.id})
    assert [row.id for row in rows] == [first.id, f"{second.id}-2", f"{first.id}-2"]
    assert [row.sources for row in rows] == [(first.id,), (second.id,), (first.id,)]
    row = rows[0]
    assert (row.title, row.description, row.category, row.side.value, row.tags) == (
        first.title, first.description, first.category, first.side, first.tags)
