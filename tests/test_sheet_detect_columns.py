"""What each column beside the titles and people is, and why, as a person reads it in the explanation."""

from __future__ import annotations

from raci.formats.sheet_detect import ColumnRole, detect_layout, explain, read_sheet

GROUPED = [["Plan", "Set the vision", "A", "R"], [None, "Own the roadmap", "R", "A"],
           [None, "Order the backlog", "A", "R"], ["Build", "Write stories", "R", "A"], [None, "Test it", "A", "R"]]
REPEATED = [["Plan", "Set the vision", "A", "R"], ["Plan", "Own the roadmap", "R", "A"],
            ["Build", "Order the backlog", "A", "R"], ["Build", "Write stories", "R", "A"]]


def plans(grid: list[list[object]]) -> list[tuple[int, ColumnRole, str]]:
    return [(plan.index, plan.role, plan.reason) for plan in detect_layout(grid, "RACI").columns]


def test_an_unheaded_column_filled_on_each_groups_first_row_is_the_category() -> None:
    grid = [["", "Task", "Ann", "Bob"], *GROUPED]
    assert plans(grid)[0] == (0, ColumnRole.CATEGORY, "filled only on each group's first row")
    assert [row.category for row in read_sheet(grid, detect_layout(grid, "RACI")).rows] == [
        "Plan", "Plan", "Plan", "Build", "Build"]


def test_an_unheaded_column_repeating_a_few_values_is_the_category() -> None:
    grid = [["", "Task", "Ann", "Bob"], *REPEATED]
    assert plans(grid)[0] == (0, ColumnRole.CATEGORY, "repeats a few values")


def test_a_column_headed_like_a_category_is_one_wherever_it_stands() -> None:
    assert plans([["Stage", "Task", "Ann", "Bob"], *GROUPED])[0] == (0, ColumnRole.CATEGORY, "headed like a category")
    grid = [["Task", "Ann", "Phase", "Bob"], ["Set the vision", "A", "Plan", "R"],
            ["Own the roadmap", "R", "Plan", "A"]]
    assert plans(grid)[2] == (2, ColumnRole.CATEGORY, "headed like a category")
    assert "Category columns: column C 'Phase' (headed like a category)" in explain(detect_layout(grid, "RACI"))


def test_an_empty_column_named_like_a_person_among_the_people_is_a_person_without_letters() -> None:
    grid = [["Task", "Ann", "Cy", "Bob"], ["Set the vision", "A", None, "R"], ["Own the roadmap", "R", None, "A"]]
    assert plans(grid)[2] == (2, ColumnRole.PERSON, "a name with no letters under it, among the people")
    assert [person.name for person in read_sheet(grid, detect_layout(grid, "RACI")).people] == ["Ann", "Cy", "Bob"]


def test_unheaded_text_between_the_titles_and_the_people_is_their_description() -> None:
    grid = [["Task", None, "Ann", "Bob"], ["Set the vision", "The long view", "A", "R"],
            ["Own the roadmap", "What comes next", "R", "A"]]
    assert plans(grid)[1] == (1, ColumnRole.DESCRIPTION, "text beside the titles")
    assert [row.description for row in read_sheet(grid, detect_layout(grid, "RACI")).rows] == [
        "The long view", "What comes next"]


def test_unheaded_text_right_of_the_people_is_notes() -> None:
    grid = [["Task", "Ann", "Bob", None], ["Set the vision", "A", "R", "free text here"],
            ["Own the roadmap", "R", "A", "more text"]]
    assert plans(grid)[3] == (3, ColumnRole.NOTES, "text that is not letters")
