"""Which columns hold letters: a column of remarks with a stray letter in it, a column as many words as
letters, and a column of remarks opened by a not-involved mark."""

from __future__ import annotations

import pytest

from raci.formats.sheet_detect import LayoutNotFound, Orientation, detect_layout

from tests.test_sheet_detect_layout_edges_2 import placed
from tests.test_sheet_detect_shapes import cells, read


def test_one_letter_among_remarks_does_not_make_a_column_of_letters() -> None:
    found = read([["Task", "Ann", "Bob", "Comment"], ["Plan", None, None, "A"], ["Build", None, None, "Ask legal"],
                  ["Ship", None, None, "Ask finance"]])
    assert [person.name for person in found.people] == ["Ann", "Bob"]
    assert [(row.title, row.cells, row.description) for row in found.rows] == [
        ("Plan", (), "Comment: A"), ("Build", (), "Comment: Ask legal"), ("Ship", (), "Comment: Ask finance")]
    assert placed(found) == []


def test_a_column_with_as_many_words_as_letters_is_a_person_and_its_words_are_unreadable() -> None:
    found = read([["Task", "Ann", "Bob"], ["Plan", "A", None], ["Build", "R", None], ["Ship", "Ask legal", None],
                  ["Test", "Ask QA", None]])
    assert [person.name for person in found.people] == ["Ann", "Bob"]
    assert [(row.title, row.cells) for row in found.rows] == [
        ("Plan", ((0, "A"),)), ("Build", ((0, "R"),)), ("Ship", ()), ("Test", ())]
    assert [warning.sentence for warning in found.warnings] == [
        "2 cells could not be read as RACI letters and were left blank: B4 'Ask legal', B5 'Ask QA'."]


def test_a_row_of_letters_with_names_under_two_of_its_three_letters_heads_an_inverted_sheet() -> None:
    found = read([["Task", "R", "A", "C"], ["Plan", "Ann", "Bob", None], ["Build", "Bob", "Ann", None]])
    assert found.layout.orientation is Orientation.INVERTED
    assert cells(found) == [{"Ann": "R", "Bob": "A"}, {"Ann": "A", "Bob": "R"}]


def test_a_row_of_letters_with_names_under_two_of_its_four_letters_is_no_inverted_header() -> None:
    grid: list[list[object]] = [["Task", "R", "A", "C", "I"], ["Plan", "Ann", "Bob"], ["Build", "Bob", "Ann"]]
    assert detect_layout(grid, "RACI").orientation is Orientation.NORMAL


def test_an_inverted_sheet_under_a_title_row_takes_the_title_as_the_team_name() -> None:
    found = read([["Apollo"], ["Task", "R", "A"], ["Plan", "Ann", "Bob"], ["Build", "Bob", "Ann"]])
    assert found.layout.orientation is Orientation.INVERTED
    assert found.layout.team_name == "Apollo"
    assert cells(found) == [{"Ann": "R", "Bob": "A"}, {"Bob": "R", "Ann": "A"}]


# ------------------------------------------------------------------ which column holds the titles
def titled(grid: list[list[object]]) -> tuple[int | None, list[tuple[str, str]]]:
    found = read(grid)
    return found.layout.title_column, [(row.title, row.description) for row in found.rows]


def test_a_second_description_column_is_kept_as_a_note_under_its_header() -> None:
    assert titled([["Task", "Description", "Description", "Ann"], ["Plan", "Set goals", "Q1 only", "R"],
                   ["Build", "Write code", "In Go", "A"]]) == (
        0, [("Plan", "Set goals\nDescription: Q1 only"), ("Build", "Write code\nDescription: In Go")])


def test_titles_right_of_the_people_are_found_when_nothing_is_left_of_them() -> None:
    assert titled([["Ann", "Bob", "Task"], ["R", "A", "Plan"], ["A", "R", "Build"]]) == (
        2, [("Plan", ""), ("Build", "")])


def test_unheaded_titles_left_of_the_people_win_over_a_column_headed_task_right_of_them() -> None:
    assert titled([[None, "Ann", "Bob", "Task"], ["Plan", "R", "A", "Ask legal"], ["Build", "A", "R", "Ask QA"]]) == (
        0, [("Plan", "Task: Ask legal"), ("Build", "Task: Ask QA")])


def test_a_column_headed_description_left_of_unheaded_titles_is_the_description() -> None:
    assert titled([["Description", None, "Ann"], ["Long text a", "Plan", "R"], ["Long text b", "Build", "A"]]) == (
        1, [("Plan", "Long text a"), ("Build", "Long text b")])


# ------------------------------------------------------------------ rows
def test_an_inverted_sheet_reads_on_past_a_blank_row_between_its_rows() -> None:
    found = read([["Task", "R", "A"], ["Plan", "Ann", "Bob"], [], ["Build", "Bob", "Ann"]])
    assert [row.title for row in found.rows] == ["Plan", "Build"]
    assert cells(found) == [{"Ann": "R", "Bob": "A"}, {"Bob": "R", "Ann": "A"}]
    assert placed(found) == []


def test_a_sheet_with_a_category_column_takes_a_title_only_row_as_a_responsibility_not_a_heading() -> None:
    found = read([["Task", "Area", "Ann", "Bob"], ["Phase 1:"], ["Plan", "Backend", "R", "A"]])
    assert [(row.title, row.category) for row in found.rows] == [("Phase 1:", ""), ("Plan", "Backend")]


def test_a_sheet_given_without_a_name_is_called_the_sheet_and_names_no_team() -> None:
    with pytest.raises(LayoutNotFound) as refused:
        detect_layout([])
    assert str(refused.value).startswith("The sheet is empty; put the people's names in one row")
    assert detect_layout([["Task", "Ann"], ["Plan", "R"]]).team_name == ""


# ------------------------------------------------------------------ turned sheets: what the corner says
@pytest.mark.parametrize(("grid", "orientation"), [
    ([["Task", "Plan", "Build"], ["Ann", "R", "A"], ["Bob", "A", "R"]], Orientation.NORMAL),
    ([["Task", "Plan", "Build"], [None, "Product Manager", "Product Owner"], ["Ann", "R", "A"], ["Bob", "A", "R"]],
     Orientation.NORMAL),
    ([[None, "Plan", "Build"], ["Ann", "R", "A"], ["Bob", "A", "R"]], Orientation.TRANSPOSED),
    ([["Person", "Ann", "Bob"], ["Plan", "R", "A"], ["Build", "A", "R"]], Orientation.NORMAL),
    ([["Task", "Set the vision", "Build the roadmap"], ["Ann Lee", "R", "A"], ["Bob Stone", "A", "R"]],
     Orientation.TRANSPOSED),
])
def test_the_corner_above_the_titles_and_the_labels_decide_whether_a_sheet_is_turned(
        grid: list[list[object]], orientation: Orientation) -> None:
    assert detect_layout(grid, "RACI").orientation is orientation
