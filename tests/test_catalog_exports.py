"""What the exports take from the catalog: the guide to R versus A in the legend, and where each article says it."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from raci.catalog import letter_guide
from raci.formats import common, export_team, markdown
from raci.rules import check
from raci.templates import load_template


def test_the_legend_tells_r_from_a_with_the_guides_summary() -> None:
    legend = common.legend_line()
    assert legend.startswith("Legend: R = Responsible")
    assert letter_guide().summary in legend


def test_a_rows_articles_say_where_each_one_says_it_cowan_by_time() -> None:
    row = load_template("scrum-team").responsibility("set-product-vision")
    lines = common.articles_for(row)
    cowan = next(line for line in lines if line.startswith("Alex Cowan"))
    assert cowan.endswith("; at 2:25")
    assert "144.6" not in " ".join(lines)
    assert any(line.endswith("under \u201cProduct Managers:\u201d") for line in lines)


def test_the_markdown_page_carries_the_guide_with_catalog_examples() -> None:
    team = load_template("scrum-team")
    page = markdown.render(team, check(team))
    guide = letter_guide()
    assert page.index("Legend:") < page.index(guide.points[0]) < page.index("| Responsibility |")
    for example in guide.examples:
        assert f"*{example.title}*" in page


def test_the_workbook_legend_and_responsibilities_sheet_show_the_guide_and_the_times(tmp_path: Path) -> None:
    path = tmp_path / "team.xlsx"
    export_team(load_template("scrum-team"), path)
    book = openpyxl.load_workbook(path)
    assert letter_guide().summary in book["RACI"]["A3"].value
    sheet = book["Responsibilities"]
    articles = {row[0]: row[6] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert "Alex Cowan" in articles["set-product-vision"] and "at 2:25" in articles["set-product-vision"]
