"""`raci catalog`, `raci templates` and `raci new` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

from raci.catalog import load_catalog
from raci.teamfile import load_team
from raci.templates import list_templates, load_template

from tests.test_cli import raci


def test_catalog_as_json_lists_every_entry_with_its_sources() -> None:
    result = raci("catalog", "--format", "json")
    assert result.returncode == 0
    document = json.loads(result.stdout)
    assert len(document["responsibilities"]) == len(load_catalog().entries)
    assert {s["id"] for s in document["sources"]} == {"nathanson-2019", "fechter-2024", "tacitedge", "racki", "cowan"}
    assert all(entry["attributions"] for entry in document["responsibilities"])


def test_catalog_text_marks_disagreements_and_filters_by_category() -> None:
    result = raci("catalog", "--category", "product backlog")
    assert result.returncode == 0
    assert result.stdout.startswith("== Product backlog ==")
    assert "[articles disagree]" in result.stdout and "Disagreement:" in result.stdout
    assert "== Vision & strategy ==" not in result.stdout


def test_cowan_is_cited_by_the_time_in_his_talk_not_a_bare_number() -> None:
    result = raci("catalog", "--category", "vision")
    assert "Alex Cowan: manager, at 2:25" in result.stdout
    assert "144.6" not in result.stdout


def test_details_show_what_each_article_says_and_where_they_argue() -> None:
    plain = raci("catalog", "--category", "product backlog")
    detailed = raci("catalog", "--category", "product backlog", "--details")
    assert detailed.returncode == 0
    note = "Cowan's owner prepares the backlog of stories that each iteration works from."
    assert note not in plain.stdout and note in detailed.stdout
    assert "== Where the articles argue ==" in detailed.stdout
    assert "Who holds the product backlog?" in detailed.stdout
    assert "Where the articles argue" not in plain.stdout


def test_catalog_json_gives_each_locator_as_a_person_reads_it() -> None:
    document = json.loads(raci("catalog", "--format", "json").stdout)
    vision = next(entry for entry in document["responsibilities"] if entry["id"] == "set-product-vision")
    cowan = next(item for item in vision["attributions"] if item["source"] == "cowan")
    assert (cowan["locator"], cowan["place"]) == ("144.6", "at 2:25")
    assert {debate["id"] for debate in document["debates"]} >= {"one-person-both-roles", "reporting-line"}


def test_an_unknown_category_is_one_sentence_and_exit_2() -> None:
    result = raci("catalog", "--category", "astrology")
    assert result.returncode == 2
    assert "'astrology' does not name one catalog category" in result.stderr


def test_templates_lists_each_template_with_one_line() -> None:
    result = raci("templates")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [info.id for info in list_templates()]
    assert {"blank", "startup", "scrum-team", "scaled"} <= {line.split()[0] for line in lines}


def test_new_writes_a_team_file_and_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "ours.raci.json"
    first = raci("new", "--template", "startup", "-o", str(target))
    assert first.returncode == 0 and target.exists()
    team = load_team(target)
    assert len(team.people) == len(load_template("startup").people)
    target.write_text("keep me", encoding="utf-8")
    second = raci("new", "--template", "startup", "-o", str(target))
    assert second.returncode == 2 and "already exists" in second.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
    forced = raci("new", "--template", "scaled", "-o", str(target), "--force")
    assert forced.returncode == 0 and load_team(target).profile.size.value == "large"


def test_new_with_an_unknown_template_names_the_known_ones(tmp_path: Path) -> None:
    result = raci("new", "--template", "nope", "-o", str(tmp_path / "x.raci.json"))
    assert result.returncode == 2
    assert "There is no template called 'nope'; choose one of: blank, startup" in result.stderr
