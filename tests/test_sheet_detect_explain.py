"""What `--explain` prints for a layout, whole: every line a person reads to see how their sheet was understood."""

from __future__ import annotations

from raci.formats.sheet_detect import detect_layout, explain

from tests.test_sheet_detect_shapes import PROJECT

RACI_LETTERS = "Letters: RACI: every letter the sheet uses fits it."
NORMAL = "Orientation: normal (people across the top, responsibilities down the side)"


def explained(grid: list[list[object]], sheet: str, with_grid: bool = True) -> list[str]:
    return explain(detect_layout(grid, sheet), grid if with_grid else None).splitlines()


def test_a_project_sheet_is_explained_part_by_part() -> None:
    assert explained(PROJECT, "RACI") == [
        "Sheet: RACI",
        NORMAL,
        "Header: row 4",
        "Titles: column B 'Task'",
        "People (4): column C 'Ann (PM)', column D 'Bob - Product Owner', column E 'Cy, QA', column F 'Developers'",
        "Notes (kept in the description): column H 'Status' (headed like notes)",
        "Skipped columns: column A 'ID' (holds numbers), column G 'Week' (holds numbers)",
        "Legend columns: column J 'LEGEND' (a legend), column K (a legend)",
        "Category rows: rows 5, 8, 12 ('Phase 1: Planning', 'Phase 2: Build', 'Phase 3: Launch')",
        "Skipped rows: row 14",
        "Title rows: rows 1-2",
        "Responsibilities: 6 rows",
        RACI_LETTERS,
        "Legend: LEGEND; R = Responsible; A = Accountable; C = Consulted; I = Informed",
        "Team name: Project Apollo: RACI matrix",
    ]


def test_without_the_grid_the_category_rows_are_not_quoted() -> None:
    assert "Category rows: rows 5, 8, 12" in explained(PROJECT, "RACI", with_grid=False)


def test_a_turned_sheet_names_its_rows_as_columns_and_its_columns_as_rows() -> None:
    grid = [["", "Plan", "Build", "Ship"], ["Ann", "A", "R", "C"], ["Bob", "R", "A", "A"], ["Cy", "I", "C", "R"]]
    assert explained(grid, "Turned") == [
        "Sheet: Turned",
        "Orientation: transposed (people down the side, responsibilities across the top)",
        "Header: column A",
        "Titles: row 1",
        "People (3): row 2 'Ann', row 3 'Bob', row 4 'Cy'",
        "Responsibilities: 3 rows",
        RACI_LETTERS,
        "Team name: Turned",
    ]


def test_an_inverted_sheet_lists_its_letter_columns_with_their_letters() -> None:
    grid = [["Task", "R", "A", "C", "I"], ["Plan", "Ann", "Bob", "Cy", ""], ["Build", "Bob", "Ann", "", "Cy"]]
    assert explained(grid, "Inv")[1:5] == [
        "Orientation: inverted (letters across the top, people's names in the cells)",
        "Header: row 1",
        "Titles: column A 'Task'",
        "Letter columns (4): column B 'R' = R, column C 'A' = A, column D 'C' = C, column E 'I' = I",
    ]


def test_a_sheet_without_a_header_and_without_a_name() -> None:
    grid = [["Plan the work", "A", "R"], ["Ship it", "R", "A"], ["Run the demo", "C", "A"]]
    assert explained(grid, "") == [
        "Sheet: (unnamed)",
        NORMAL,
        "Header: none found; people are named by their column",
        "Titles: column A",
        "People (2): column B, column C",
        "Responsibilities: 3 rows",
        RACI_LETTERS,
        "Team name: (from the file name)",
    ]


def test_a_header_of_two_rows_says_which_holds_the_names() -> None:
    grid = [["", "Product Manager", "Product Owner"], ["Task", "Ann", "Bob"], ["Plan the work", "A", "R"],
            ["Ship it", "R", "A"]]
    assert "Header: rows 1-2, names in row 2" in explained(grid, "Two")


def test_a_description_column_is_named_with_its_reason() -> None:
    grid = [["Task", "Description", "Ann", "Bob"], ["Plan the work", "Agree what comes first", "A", "R"],
            ["Ship it", "Put it live", "R", "A"]]
    assert explained(grid, "Desc")[3:6] == [
        "Titles: column A 'Task'",
        "People (2): column C 'Ann', column D 'Bob'",
        "Description: column B 'Description' (headed like a description)",
    ]


def test_past_twelve_people_the_line_counts_the_rest() -> None:
    names = ["Ann", "Bob", "Cy", "Di", "Eve", "Finn", "Gus", "Hal", "Ivy", "Jo", "Kai", "Lu", "Mo", "Ned"]
    titles = ["Set the vision", "Own the roadmap", "Order the backlog", "Write stories", "Run the demo"]
    grid = [["Task", *names]] + [[title] + ["R" if i == r else ("A" if i == r + 1 else None) for i in range(14)]
                                 for r, title in enumerate(titles)]
    people = explained(grid, "Wide")[4]
    assert people.startswith("People (14): column B 'Ann', column C 'Bob', ")
    assert people.endswith(", column M 'Lu' and 2 more")


def test_past_twelve_category_rows_the_line_counts_the_rest_and_quotes_twelve() -> None:
    grid = [["Task", "Ann", "Bob"]] + [row for k in range(14) for row in ([f"Phase {k}"], [f"Work item {k}", "A", "R"])]
    lines = explained(grid, "Cats")
    quoted = ", ".join(f"'Phase {k}'" for k in range(12))
    assert f"Category rows: rows 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24 and 2 more ({quoted})" in lines
    assert "Responsibilities: 14 rows" in lines


def test_a_sheet_of_one_responsibility_says_one_row() -> None:
    lines = explained([["Task", "Ana", "Ben"], ["Plan the work", "A", "R"]], "RACI")
    assert "Responsibilities: 1 row" in lines
