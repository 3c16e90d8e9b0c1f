"""What an import says, word for word, where a count or a list reaches its limit: the warnings, the lines of
``raci import --explain``, the summary of this app's own workbook, the refusal of a sheet without a matrix,
and the team a corrected layout makes."""

from __future__ import annotations

from pathlib import Path

import pytest

from raci.catalog import load_catalog
from raci.errors import SheetImportError
from raci.findings import Report
from raci.formats import export_team, import_sheet
from raci.formats.sheet_detect import (
    ColumnRole,
    LayoutNotFound,
    RowRole,
    build_team,
    choose_sheet,
    detect_layout,
    explain,
    read_sheet,
    to_team,
)
from raci.model import Team

from tests.hostile import run

NAMES = ["Ann", "Bob", "Cy", "Dee", "Eve", "Finn", "Gus", "Hal", "Ivy", "Jo", "Kai", "Lu", "Mo"]
TASKS = [["Task", "Ann", "Bob"], ["Plan the work", "A", "R"], ["Ship it", "R", "A"]]


def warnings_of(grid: list[list[object]]) -> list[str]:
    return [str(warning) for warning in read_sheet(grid, detect_layout(grid, "RACI")).warnings]


def explained(grid: list[list[object]], sheet: str = "RACI", layout: object = None) -> list[str]:
    return explain(layout or detect_layout(grid, sheet), grid).splitlines()


def line(lines: list[str], start: str) -> str:
    return next(text for text in lines if text.startswith(start))


# ------------------------------------------------------------------ warnings
def test_five_skipped_columns_are_all_named_and_a_sixth_ends_the_list_with_dots() -> None:
    def numbered(count: int) -> list[list[object]]:
        return [[f"Week {k}" for k in range(count)] + ["Task", "Ann", "Bob"],
                [*range(count), "Plan the work", "A", "R"], [*range(1, count + 1), "Ship it", "R", "A"]]

    named = "column A 'Week 0', column B 'Week 1', column C 'Week 2', column D 'Week 3', column E 'Week 4'"
    assert warnings_of(numbered(5)) == [f"5 columns hold numbers and were skipped: {named}."]
    assert warnings_of(numbered(6)) == [f"6 columns hold numbers and were skipped: {named}, ..."]


def test_the_not_involved_warning_quotes_five_distinct_marks_and_no_sixth() -> None:
    marks = ["-", "n/a", "N/A", "N", "/", "none"]
    grid = [["Task", "Ann", "Bob"]] + [[f"Step {k}", "A", mark] for k, mark in enumerate(marks)]
    assert warnings_of(grid) == [
        "'-', 'n/a', 'N/A', 'N' and '/' in 6 cells read as not involved: C2, C3, C4, C5, C6, ..."]
    assert warnings_of(grid[:-1]) == [
        "'-', 'n/a', 'N/A', 'N' and '/' in 5 cells read as not involved: C2, C3, C4, C5, C6."]


def test_a_warning_past_column_z_names_the_column_with_two_letters() -> None:
    people = [f"{name} {k}" for k in (1, 2) for name in NAMES]  # 26 people: columns B to AA
    grid = [["Task", *people, "Week"], ["Plan the work", "A", *["R"] * 25, 3], ["Ship it", "R", *["A"] * 25, 4]]
    assert warnings_of(grid) == ["Column AB 'Week' holds numbers: skipped."]


# ------------------------------------------------------------------ --explain
def people_grid(count: int) -> list[list[object]]:
    return [["Task", *NAMES[:count]], ["Plan the work", "A", *["R"] * (count - 1)],
            ["Ship it", *["R"] * (count - 1), "A"]]


def test_twelve_people_are_all_listed_and_a_thirteenth_is_counted() -> None:
    listed = ", ".join(f"column {chr(66 + k)} '{name}'" for k, name in enumerate(NAMES[:12]))
    assert line(explained(people_grid(12)), "People") == f"People (12): {listed}"
    assert line(explained(people_grid(13)), "People") == f"People (13): {listed} and 1 more"


def test_twelve_category_rows_are_all_listed_and_a_thirteenth_is_counted() -> None:
    def phases(count: int) -> list[list[object]]:
        return [["Task", "Ann", "Bob"]] + [row for k in range(count)
                                           for row in ([f"Phase {k}"], [f"Work item {k}", "A", "R"])]

    rows = ", ".join(str(2 * k + 2) for k in range(12))
    quoted = ", ".join(f"'Phase {k}'" for k in range(12))
    assert line(explained(phases(12)), "Category rows") == f"Category rows: rows {rows} ({quoted})"
    assert line(explained(phases(13)), "Category rows") == f"Category rows: rows {rows} and 1 more ({quoted})"


def test_three_title_rows_in_a_run_are_one_range() -> None:
    grid = [["Project Apollo"], ["Prepared by the PMO"], ["Version 3"], [], *TASKS]
    assert line(explained(grid), "Title rows") == "Title rows: rows 1-3"


def test_a_category_row_is_quoted_by_its_title_not_by_the_id_before_it() -> None:
    grid = [["ID", "Task", "Ann", "Bob"], [1, "Plan the work", "A", "R"], ["P2", "Phase 2: Build"],
            [2, "Ship it", "R", "A"], [3, "Run the demo", "C", "A"]]
    assert line(explained(grid), "Category rows") == "Category rows: row 3 ('Phase 2: Build')"


def test_a_turned_sheet_quotes_its_category_columns_from_the_sheet_as_it_is() -> None:
    grid = [["", "Phase 1: Discovery", "Plan", "Research", "Phase 2: Build", "Ship", "Demo"],
            ["Ann", None, "A", "R", None, "C", "A"], ["Bob", None, "R", "A", None, "A", "R"],
            ["Cy", None, "I", "C", None, "R", "C"]]
    assert line(explained(grid, "Turned"), "Category rows") == (
        "Category rows: columns B, E ('Phase 1: Discovery', 'Phase 2: Build')")


def test_a_blank_row_made_a_category_by_hand_is_listed_without_quotes() -> None:
    grid = [TASKS[0], TASKS[1], [], TASKS[2]]
    layout = detect_layout(grid, "RACI").with_row_role(2, RowRole.CATEGORY)
    assert line(explained(grid, layout=layout), "Category rows") == "Category rows: row 3"


def test_a_title_column_made_the_description_by_hand_keeps_its_header_and_leaves_no_titles() -> None:
    layout = detect_layout(TASKS, "RACI").with_column_role(0, ColumnRole.DESCRIPTION)
    lines = explained(TASKS, layout=layout)
    assert line(lines, "Titles") == "Titles: none"
    assert line(lines, "Description") == "Description: column A 'Task' (set by hand)"


def test_legend_rows_are_named_and_a_long_legend_is_cut_at_200_characters() -> None:
    legend = ["R = Responsible, the one who does the work and reports on it every week to the team",
              "A = Accountable, the one who answers for the outcome and signs it off at the end",
              "C = Consulted, asked before the work is done, two-way talk with the team and others",
              "I = Informed, told after the work is done, one-way"]
    lines = explained([*TASKS, [], ["Legend"], *([text] for text in legend)])
    assert line(lines, "Legend rows") == "Legend rows: rows 5-9"
    whole = "; ".join(["Legend", *legend])
    assert line(lines, "Legend:") == f"Legend: {whole[:199]}\u2026"


# ------------------------------------------------------------------ catalog matches
def test_explain_lists_twelve_catalog_matches_and_counts_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entries = list(load_catalog().entries)

    def matches(count: int) -> list[str]:
        sheet = tmp_path / f"catalog-{count}.csv"
        sheet.write_text("Task,Ann,Bob\n" + "".join(f'"{entry.title}",A,R\n' for entry in entries[:count]),
                         encoding="utf-8")
        code, out, err = run(capsys, "import", str(sheet), "--explain")
        assert (code, err) == (0, "")
        lines = out.splitlines()
        start = lines.index(line(lines, "Catalog matches"))
        end = lines.index(line(lines, "Read "))
        return lines[start:end]

    listed = [f"  row {k + 2} '{entry.title}' = {entry.id}" for k, entry in enumerate(entries[:12])]
    assert matches(12) == ["Catalog matches: 12 of 12 rows", *listed]
    assert matches(13) == ["Catalog matches: 13 of 13 rows", *listed, "  and 1 more"]


def test_a_title_close_to_a_catalog_entry_is_marked_as_a_near_match(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "near.csv"
    sheet.write_text("Task,Ann,Bob\nSet the product vision,A,R\nDevelop the product strategy,R,A\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", str(sheet), "--explain")
    assert code == 0
    lines = out.splitlines()
    start = lines.index("Catalog matches: 2 of 2 rows")
    assert lines[start + 1:start + 3] == ["  row 2 'Set the product vision' ~ set-product-vision",
                                          "  row 3 'Develop the product strategy' = develop-product-strategy"]


# ------------------------------------------------------------------ whole files
def test_this_apps_workbook_is_summed_up_in_the_singular_and_the_plural(tmp_path: Path) -> None:
    solo = Team(name="Solo")
    ana = solo.add_person("Ana Lima", [])
    vision = solo.add_responsibility("Set the product vision")
    solo.set_cells({(vision.id, ana.id): "A"})
    export_team(solo, tmp_path / "solo.xlsx", Report())
    assert import_sheet(tmp_path / "solo.xlsx").summary == (
        "Read 1 responsibility, 1 person and 1 cell from a RACI Builder workbook, whole; 0 of 1 rows are linked "
        "to the catalog.")
    ben = solo.add_person("Ben Okafor", [])
    ship = solo.add_responsibility("Ship it")
    solo.set_cells({(ship.id, ben.id): "R", (ship.id, ana.id): "A"})
    export_team(solo, tmp_path / "pair.xlsx", Report())
    assert import_sheet(tmp_path / "pair.xlsx").summary == (
        "Read 2 responsibilities, 2 people and 3 cells from a RACI Builder workbook, whole; 0 of 2 rows are "
        "linked to the catalog.")


def test_a_csv_without_a_matrix_is_refused_in_one_sentence_that_goes_on_in_lower_case(tmp_path: Path) -> None:
    sheet = tmp_path / "notes.csv"
    sheet.write_text("Meeting notes\nNothing here yet\n", encoding="utf-8")
    with pytest.raises(SheetImportError) as caught:
        import_sheet(sheet)
    assert str(caught.value) == (
        "Cannot import notes.csv: the sheet has no letters (R, A, C, I) and no row of names above "
        "responsibilities; put the people's names in one row above the letters, with the responsibilities in a "
        "column on the left, and import it again.")


def test_a_workbook_without_sheets_is_refused_as_empty() -> None:
    with pytest.raises(LayoutNotFound) as caught:
        choose_sheet([])
    assert str(caught.value) == (
        "The sheet is empty; put the people's names in one row above the letters, with the responsibilities in "
        "a column on the left, and import it again.")


# ------------------------------------------------------------------ the team
def test_people_keep_their_titles_and_names_without_letters_get_plain_ids() -> None:
    grid = [["Task", "Ann (PM)", "???", "日本"], ["Plan the work", "A", "R", "C"], ["???", "R", "A", None],
            ["計画", "C", "A", "R"]]
    team, warnings = build_team(grid, detect_layout(grid, "RACI"))
    assert [(person.id, person.name, person.titles) for person in team.people] == [
        ("ann", "Ann", ("Product Manager",)), ("person", "???", ()), ("person-2", "日本", ())]
    assert [(row.id, row.title) for row in team.responsibilities] == [
        ("plan-the-work", "Plan the work"), ("responsibility", "???"), ("responsibility-2", "計画")]
    assert warnings == ()


def test_a_team_made_without_a_name_or_a_description_takes_the_defaults() -> None:
    team = to_team(read_sheet(TASKS, detect_layout(TASKS, "Sheet1")))
    assert (team.name, team.description) == ("Imported team", "")
