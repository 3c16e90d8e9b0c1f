"""From a read sheet to a team: ids made once and numbered on a clash, the team's name and description,
the one-line summary, inverted sheets' warnings, and how a reason reads for several columns."""

from __future__ import annotations

from raci.catalog import load_catalog
from raci.formats.sheet_detect import build_team, detect_layout, read_sheet
from raci.formats.sheet_detect.warnings import said_of_several

from tests.test_sheet_detect_shapes import PROJECT, cells

DUPLICATES = [["Task", "Ann", "Ann", "Bob"],
              ["Plan", "A", "R", "C"],
              ["Plan", "R", "A", None],
              ["Plan 2", "A", None, None],
              ["Plan", None, "A", "R"],
              ["Set the product vision", "A", None, None],
              ["Set the product vision", None, "A", None]]


def test_equal_names_and_titles_get_numbered_ids_that_never_clash() -> None:
    team, warnings = build_team(DUPLICATES, detect_layout(DUPLICATES, "Dup"), load_catalog())
    assert [person.id for person in team.people] == ["ann", "ann-2", "bob"]
    # "Plan 2" makes the slug plan-2, already given to the second "Plan"; the fourth "Plan" goes on from 3.
    assert [row.id for row in team.responsibilities] == ["plan", "plan-2", "plan-2-2", "plan-3",
                                                         "set-product-vision", "set-the-product-vision"]
    assert team.cell("plan-3", "ann-2") == "A" and team.cell("plan-3", "bob") == "R"
    assert [str(warning) for warning in warnings] == ["2 columns named 'Ann', kept as different people: B1, C1."]


def test_a_catalog_row_takes_its_entrys_id_once_and_a_second_one_its_slug() -> None:
    team, _ = build_team(DUPLICATES, detect_layout(DUPLICATES, "Dup"), load_catalog())
    vision = [row for row in team.responsibilities if row.title == "Set the product vision"]
    assert [row.id for row in vision] == ["set-product-vision", "set-the-product-vision"]
    assert vision[0].sources == vision[1].sources == ("set-product-vision",)


def test_the_team_is_named_by_the_title_block_and_described_by_the_file_and_the_blocks_other_lines() -> None:
    team, _ = build_team(PROJECT, detect_layout(PROJECT, "RACI"), description="From apollo.xlsx")
    assert team.name == "Project Apollo: RACI matrix"
    assert team.description == "From apollo.xlsx\nPrepared by the PMO 2024-03-01"


def test_a_name_given_wins_and_a_default_sheet_gives_the_default_name() -> None:
    grid = [["Task", "Ann"], ["Plan the work", "A"]]
    assert build_team(grid, detect_layout(grid, "Sheet1"), name="Checkout")[0].name == "Checkout"
    team, _ = build_team(grid, detect_layout(grid, "Sheet1"))
    assert (team.name, team.description) == ("Imported team", "")


def test_the_name_and_the_description_are_cut_to_what_a_team_file_holds() -> None:
    grid = [["Task", "Ann"], ["Plan the work", "A"]]
    team, _ = build_team(grid, detect_layout(grid, "Sheet1"), name="N" * 300, description="D" * 6000)
    assert (team.name, team.description) == ("N" * 200, "D" * 5000)


def test_the_summary_counts_in_the_singular_and_names_an_unnamed_sheet() -> None:
    grid = [["Task", "Ann"], ["Plan the work", "A"]]
    assert read_sheet(grid, detect_layout(grid, "")).summary() == (
        "Read 1 responsibility, 1 person and 1 cell from the sheet (RACI letters); 0 of 1 rows matched the catalog.")


def test_an_inverted_sheet_warns_of_cells_that_are_no_names_and_of_not_involved_marks() -> None:
    grid = [["Task", "R", "A", "C", "I"],
            ["Plan", "Ann", "Bob", "-", 42],
            ["Build", "Bob", "Ann", "n/a", "Cy"],
            ["Ship", "Cy", "Ann", None, None]]
    found = read_sheet(grid, detect_layout(grid, "Inv"))
    assert [str(warning) for warning in found.warnings] == [
        "1 cell could not be read as names for letters and was left blank: E2 '42'.",
        "'-' and 'n/a' in 2 cells read as not involved: D2, D3.",
    ]
    assert cells(found) == [{"Ann": "R", "Bob": "A"}, {"Ann": "A", "Bob": "R", "Cy": "I"}, {"Ann": "A", "Cy": "R"}]


def test_a_reason_given_for_one_column_reads_right_for_several() -> None:
    assert [said_of_several(reason) for reason in ("holds numbers", "is empty", "has no name",
                                                   "was the title column", "fits")] == [
        "hold numbers", "are empty", "have no name", "were the title column", "fit"]
    assert said_of_several("skip") == "skip"


def test_several_skipped_columns_are_one_warning_naming_each() -> None:
    grid = [["ID", "Week", "Task", "Ann", "Bob"], [1, 3, "Plan the work", "A", "R"], [2, 4, "Ship it", "R", "A"]]
    found = read_sheet(grid, detect_layout(grid, ""))
    assert [str(warning) for warning in found.warnings] == [
        "2 columns hold numbers and were skipped: column A 'ID', column B 'Week'."]
