"""CSV and Markdown exports: the matrix for spreadsheets and wikis."""

from __future__ import annotations

from pathlib import Path

from raci.findings import RACI_PRACTICE, Finding, Report, Severity
from raci.formats import export_team
from raci.formats.markdown import escape

from tests.conftest import make_small_team


def test_csv_is_utf8_with_a_bom_and_holds_the_matrix_alone(tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    export_team(make_small_team(), path, Report())
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Responsibility,Category,Ana Lima,Ben Okafor,Chloé Martin"
    assert lines[2] == "Order the backlog,Product backlog,C,A/R,"
    assert len(lines) == 5


def test_csv_puts_an_apostrophe_before_text_a_spreadsheet_would_run(tmp_path: Path) -> None:
    team = make_small_team()
    team.add_person("=1+1")
    team.add_person("@SUM(A1)")
    team.add_responsibility("-1 the budget", category="+1")
    path = tmp_path / "team.csv"
    export_team(team, path, Report())
    text = path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].endswith(",'=1+1,'@SUM(A1)")
    assert "\n'-1 the budget,'+1," in text


def test_markdown_is_a_table_with_categories_and_a_findings_list(tmp_path: Path) -> None:
    team = make_small_team()
    finding = Finding("no-accountable", Severity.ERROR, "Nobody is accountable for “Run the demo”.", "Why.",
                      (RACI_PRACTICE,), fix="Make one person A.")
    path = tmp_path / "team.md"
    export_team(team, path, Report.of([finding]))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Checkout\n")
    assert ("| Responsibility | Ana Lima (Product Manager) | Ben Okafor (Product Owner) "
            "| Chloé Martin (Developer) |") in text
    assert "| **Product backlog** | | | |" in text
    assert "| Order the backlog | C | A/R |  |" in text
    assert ("- **Error** (no-accountable): Nobody is accountable for “Run the demo”. "
            "*Fix:* Make one person A.") in text


def test_markdown_escapes_pipes_so_a_name_cannot_break_the_table(tmp_path: Path) -> None:
    team = make_small_team()
    person = team.add_person("Ops | Infra")
    row = team.add_responsibility("Keep a|b apart")
    team.set_cell(row.id, person.id, "R")
    path = tmp_path / "team.md"
    export_team(team, path, Report())
    text = path.read_text(encoding="utf-8")
    assert "Ops \\| Infra" in text
    table_row = next(line for line in text.splitlines() if line.startswith("| Keep a"))
    assert table_row == "| Keep a\\|b apart |  |  |  | R |"
    assert table_row.replace("\\|", "").count("|") == 6


def test_markdown_escape_neutralises_html_and_line_breaks() -> None:
    assert escape("<script>\nalert(1)</script>") == "&lt;script&gt; alert(1)&lt;/script&gt;"


def test_markdown_escape_keeps_a_name_from_becoming_a_link() -> None:
    assert escape("[x](http://evil)") == "\\[x\\](http://evil)"
