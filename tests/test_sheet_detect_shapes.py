"""Shapes beyond the import cases: phases and a legend beside, French inverted headers, turned sheets,
title blocks, notes and status columns, leading blanks, totals, repeated headers, corrections by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from raci.catalog import load_catalog
from raci.formats.sheet_detect import (
    ColumnRole,
    LayoutNotFound,
    Orientation,
    RowRole,
    SheetRead,
    WarningKind,
    build_team,
    choose_sheet,
    detect_layout,
    explain,
    read_sheet,
)
from raci.formats.sheet_detect.build import split_names
from raci.letters import RACI, RASCI

PROJECT = [
    ["Project Apollo: RACI matrix"],
    ["Prepared by the PMO", None, None, dt.datetime(2024, 3, 1)],
    [],
    ["ID", "Task", "Ann (PM)", "Bob - Product Owner", "Cy, QA", "Developers", "Week", "Status", None, "LEGEND",
     None],
    [None, "Phase 1: Planning", None, None, None, None, None, None, None, "R", "Responsible"],
    ["1.1", "Set the product vision", "A/R", "C", "I", None, 1, "Done", None, "A", "Accountable"],
    ["1.2", "Own the product roadmap", "A", "R", None, "I", 2, "Done", None, "C", "Consulted"],
    [None, "Phase 2: Build", None, None, None, None, None, None, None, "I", "Informed"],
    ["2.1", "Order the product backlog", "C", "A/R", "-", "I", 3, "In progress"],
    ["2.2", "Write user stories", "I", "A", "C", "R", 4, "In progress"],
    ["2.3", "Test the release", "N", "A", "R", "C", 5.0, "Not started"],
    [None, "Phase 3: Launch", None, None, None, None, None, None],
    ["3.1", "Run product demos", "C", "A/R", "I", "C", 6, "Not started"],
    ["Total", None, 4, 5, 3, 3],
]


def read(grid: list[list[object]], sheet: str = "RACI") -> SheetRead:
    return read_sheet(grid, detect_layout(grid, sheet), load_catalog())


def cells(found: SheetRead) -> list[dict[str, str]]:
    return [{found.people[position].name: cell for position, cell in row.cells} for row in found.rows]


# ------------------------------------------------------------------ a bigger sheet
def test_a_project_sheet_gives_its_phases_as_categories_and_its_people_with_titles() -> None:
    found = read(PROJECT)
    assert [(person.name, person.titles) for person in found.people] == [
        ("Ann", ("Product Manager",)), ("Bob", ("Product Owner",)), ("Cy", ("QA",)), ("Developers", ("Developer",))]
    assert [(row.title, row.category) for row in found.rows] == [
        ("Set the product vision", "Phase 1: Planning"), ("Own the product roadmap", "Phase 1: Planning"),
        ("Order the product backlog", "Phase 2: Build"), ("Write user stories", "Phase 2: Build"),
        ("Test the release", "Phase 2: Build"), ("Run product demos", "Phase 3: Launch")]
    assert found.layout.team_name == "Project Apollo: RACI matrix"
    assert found.notes == "Prepared by the PMO 2024-03-01"


def test_the_legend_beside_is_no_person_and_its_letters_land_nowhere() -> None:
    found = read(PROJECT)
    legend = found.layout.columns_with(ColumnRole.LEGEND)
    assert [plan.index for plan in legend] == [9, 10]
    assert "A = Accountable" in found.layout.legend
    assert all(len(row) <= 4 for row in cells(found))


def test_numbers_ids_and_totals_are_skipped_with_warnings_and_status_is_kept_as_notes() -> None:
    found = read(PROJECT)
    assert [str(warning) for warning in found.warnings] == [
        "1 row without letters was skipped: A14 'Total'.",
        "2 columns hold numbers and were skipped: column A 'ID', column G 'Week'.",
        "'-' and 'N' in 2 cells read as not involved: E9, C11.",
    ]
    assert [row.description.splitlines()[-1] for row in found.rows][:3] == [
        "Status: Done", "Status: Done", "Status: In progress"]


def test_matched_rows_are_linked_and_the_summary_counts_them() -> None:
    found = read(PROJECT)
    assert [bool(row.sources) for row in found.rows] == [True, True, True, True, False, True]
    assert found.summary() == ("Read 6 responsibilities, 4 people and 20 cells from Sheet RACI (RACI letters); "
                               "5 of 6 rows matched the catalog.")


def test_explain_names_the_sheet_header_people_categories_skipped_columns_and_letters() -> None:
    text = explain(detect_layout(PROJECT, "RACI"), PROJECT)
    lines = text.splitlines()
    assert lines[0] == "Sheet: RACI"
    assert "Header: row 4" in lines
    assert ("People (4): column C 'Ann (PM)', column D 'Bob - Product Owner', column E 'Cy, QA', "
            "column F 'Developers'") in lines
    assert "Category rows: rows 5, 8, 12 ('Phase 1: Planning', 'Phase 2: Build', 'Phase 3: Launch')" in lines
    assert "Skipped columns: column A 'ID' (holds numbers), column G 'Week' (holds numbers)" in lines
    assert "Letters: RACI: every letter the sheet uses fits it." in lines
    assert "Team name: Project Apollo: RACI matrix" in lines


# ------------------------------------------------------------------ inverted and turned
FRENCH = [
    ["Tâche", "Responsable", "Approbateur", "Consulté", "Informé"],
    ["Définir la vision", "Ann", "Bob", "Cy, Di", "Eve"],
    ["Construire", "Bob et Cy", "Ann", None, "Di; Eve"],
    ["Tester", "Cy", "Ann (PM)", "Bob", "-"],
]


def test_an_inverted_sheet_with_french_headers_is_pivoted_to_people() -> None:
    found = read(FRENCH, "Feuil1")
    assert found.layout.orientation is Orientation.INVERTED
    assert [person.name for person in found.people] == ["Ann", "Bob", "Cy", "Di", "Eve"]
    assert cells(found) == [
        {"Ann": "R", "Bob": "A", "Cy": "C", "Di": "C", "Eve": "I"},
        {"Bob": "R", "Cy": "R", "Ann": "A", "Di": "I", "Eve": "I"},
        {"Cy": "R", "Ann": "A", "Bob": "C"},
    ]
    assert found.layout.team_name == ""  # "Feuil1" is a default sheet name


def test_a_name_in_two_letter_columns_holds_both_letters() -> None:
    grid = [["Task", "R", "A"], ["Plan", "Ann", "Ann"], ["Build", "Bob", "Ann"]]
    found = read(grid)
    assert cells(found) == [{"Ann": "A/R"}, {"Bob": "R", "Ann": "A"}]


def test_names_split_on_separators_but_not_inside_brackets() -> None:
    assert split_names("Ann, Bob & Cy (PM, SM)\nDi and Eve") == ["Ann", "Bob", "Cy (PM, SM)", "Di", "Eve"]


def test_a_turned_sheet_without_a_corner_word_is_read_from_how_its_labels_read() -> None:
    grid = [[None, "Plan the release", "Build the product", "Test it"],
            ["Ann", "R", "A", None], ["Bob", "A", "R", "C"], ["Cy", None, "C", "A/R"]]
    found = read(grid)
    assert found.layout.orientation is Orientation.TRANSPOSED
    assert [row.title for row in found.rows] == ["Plan the release", "Build the product", "Test it"]
    assert cells(found) == [{"Ann": "R", "Bob": "A"}, {"Ann": "A", "Bob": "R", "Cy": "C"}, {"Bob": "C", "Cy": "A/R"}]


def test_a_turned_sheet_names_its_cells_by_the_sheet_own_addresses() -> None:
    grid = [["Person", "Plan", "Build"], ["Ann", "R", "X?"], ["Bob", "A", "R"]]
    found = read(grid)
    assert [str(warning) for warning in found.warnings] == [
        "1 cell could not be read as RACI letters and was left blank: C2 'X?'."]


def test_turning_a_sheet_by_hand_reads_it_the_other_way_round() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Build", "A", "R"]]
    turned = detect_layout(grid, orientation=Orientation.TRANSPOSED)
    found = read_sheet(grid, turned)
    assert [person.name for person in found.people] == ["Plan", "Build"]
    assert [row.title for row in found.rows] == ["Ann", "Bob"]


# ------------------------------------------------------------------ blocks around the matrix
def test_empty_leading_rows_and_columns_are_ignored() -> None:
    grid = [[], [None, None, None], [None, None, None, "Task", "Ann", "Bob"],
            [None, None, None, "Plan", "R", "A"], [None, None, None, "Build", "A", "R"]]
    found = read(grid)
    assert [person.name for person in found.people] == ["Ann", "Bob"]
    assert cells(found) == [{"Ann": "R", "Bob": "A"}, {"Ann": "A", "Bob": "R"}]
    assert found.warnings == ()


def test_a_title_block_names_the_team_but_header_and_letter_words_never_do() -> None:
    grid = [["Responsible"], ["Letter", "Meaning"], ["Checkout squad"], [],
            ["Task", "Ann", "Bob"], ["Plan", "R", "A"]]
    assert detect_layout(grid, "Sheet1").team_name == "Checkout squad"
    bare = [["Letter"], ["Task", "Ann", "Bob"], ["Plan", "R", "A"]]
    assert detect_layout(bare, "Sheet1").team_name == ""
    assert detect_layout(bare, "Web squad").team_name == "Web squad"


def test_a_notes_column_with_long_text_is_kept_in_the_description_under_its_header() -> None:
    long = "Agree the scope with finance first; the last two quarters slipped because nobody owned it."
    grid = [["Task", "Ann", "Bob", "Comments"], ["Plan", "R", "A", long], ["Build", "A", "R", None]]
    found = read(grid)
    assert [row.description for row in found.rows] == [f"Comments: {long}", ""]
    assert found.layout.column(3).role is ColumnRole.NOTES


def test_a_status_column_with_few_values_is_kept_as_notes_not_a_person_or_category() -> None:
    grid = [["Task", "Ann", "Bob", "State"], ["Plan", "R", "A", "Done"], ["Build", "A", "R", "Done"],
            ["Test", "C", "R", "Open"], ["Ship", "A", "I", "Open"]]
    found = read(grid)
    assert [person.name for person in found.people] == ["Ann", "Bob"]
    assert [row.description for row in found.rows] == ["State: Done", "State: Done", "State: Open", "State: Open"]
    assert {row.category for row in found.rows} == {""}


def test_a_category_column_right_of_the_titles_is_read_per_row_not_carried_down() -> None:
    grid = [["Responsibility", "Category", "Ann"], ["Plan", "Start", "R"], ["Build", None, "A"],
            ["Test", "End", "C"]]
    found = read(grid)
    assert [row.category for row in found.rows] == ["Start", "", "End"]


def test_a_header_repeated_further_down_is_skipped_and_the_rows_after_it_kept() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Build", "A", "R"],
            ["Task", "Ann", "Bob"], ["Test", "C", "A/R"], ["Ship", "A", "R"]]
    found = read(grid)
    assert [row.title for row in found.rows] == ["Plan", "Build", "Test", "Ship"]
    assert found.layout.rows[3] is RowRole.HEADER


def test_a_legend_under_the_grid_in_two_cells_per_letter_is_not_four_responsibilities() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Build", "A", "R"], [],
            ["R", "Responsible"], ["A", "Accountable"], ["C", "Consulted"], ["I", "Informed"]]
    found = read(grid)
    assert [row.title for row in found.rows] == ["Plan", "Build"]
    assert found.layout.rows_with(RowRole.LEGEND) == (4, 5, 6, 7)


def test_a_row_without_letters_between_lettered_rows_is_a_responsibility_nobody_holds() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Hiring", None, None], ["Build", "A", "R"]]
    found = read(grid)
    assert [(row.title, row.category) for row in found.rows] == [("Plan", ""), ("Hiring", ""), ("Build", "")]


@pytest.mark.parametrize("notes", [["TBD", "?"], ["X?", "maybe"]])
def test_a_row_of_notes_under_every_person_is_a_row_with_unreadable_cells_not_a_second_header(
        notes: list[str]) -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "A", "R"], ["Build", "R", "A"], ["Ship", *notes], ["Test", "C", "A"]]
    found = read(grid)
    assert [row.title for row in found.rows] == ["Plan", "Build", "Ship", "Test"]
    assert [warning.kind for warning in found.warnings] == [WarningKind.UNREADABLE]


def test_a_row_of_letters_under_other_lettered_rows_never_heads_an_inverted_sheet() -> None:
    grid = [["Task", "Ann", "Bob"], *[[title, *letters] for _ in range(50) for title, letters in (
        ("Plan", ("A", "R")), ("Build", ("R", "A")), ("Ship", ("zz", "qq")))]]
    found = read(grid)
    assert found.layout.orientation is Orientation.NORMAL
    assert [person.name for person in found.people] == ["Ann", "Bob"] and len(found.rows) == 150


def test_a_linked_row_takes_the_catalogs_category_only_when_the_sheet_gives_none() -> None:
    plain = [["Task", "Ann", "Bob"], ["Own the product roadmap", "A", "R"]]
    assert [row.category for row in read(plain).rows] == ["Roadmap & prioritisation"]
    grouped = [["Task", "Category", "Ann", "Bob"], ["Own the product roadmap", "", "A", "R"],
               ["Write the notes", "Delivery", "R", "A"]]
    assert [row.category for row in read(grouped).rows] == ["", "Delivery"]


def test_a_second_table_with_other_names_is_skipped_row_by_row_with_warnings() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Build", "A", "R"], [],
            ["Summary", "Cy", "Di"], ["Review", "R", "A"]]
    found = read(grid)
    assert [row.title for row in found.rows] == ["Plan", "Build"]
    assert [str(warning) for warning in found.warnings] == [
        "1 row with letters was skipped: A6 'Review'.", "1 row without letters was skipped: A5 'Summary'."]


def test_a_footer_under_a_blank_row_is_skipped_with_a_warning() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], [], ["Last reviewed by the steering group in May"]]
    found = read(grid)
    assert [row.title for row in found.rows] == ["Plan"]
    assert [warning.kind for warning in found.warnings] == [WarningKind.SKIPPED_ROW]


# ------------------------------------------------------------------ cells and warnings
def test_thousands_of_not_involved_marks_give_one_warning_with_the_count_and_first_addresses() -> None:
    grid = [["Task", "Ann", "Bob"]] + [[f"Step {number}", "R", "N"] for number in range(1, 1430)]
    found = read(grid)
    assert [str(warning) for warning in found.warnings] == [
        "'N' in 1,429 cells read as not involved: C2, C3, C4, C5, C6, ..."]


def test_unreadable_cells_are_left_blank_and_named_with_their_text() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "maybe"], ["Build", 7, "A"]]
    found = read(grid)
    assert [str(warning) for warning in found.warnings] == [
        "2 cells could not be read as RACI letters and were left blank: C2 'maybe', B3 '7'."]
    assert cells(found) == [{"Ann": "R"}, {"Bob": "A"}]


def test_letters_of_another_set_say_which_set_reads_them_when_the_set_is_chosen_by_hand() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "S"], ["Build", "A", "S"]]
    layout = detect_layout(grid)
    assert layout.letter_set == RASCI
    found = read_sheet(grid, layout.with_letter_set(RACI))
    (warning,) = found.warnings
    assert warning.kind is WarningKind.OTHER_SET and warning.count == 2 and warning.addresses == ("C2", "C3")
    assert "RASCI" in str(warning)


def test_letters_without_a_title_skip_the_row_with_a_warning() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], [None, "A", "R"]]
    found = read(grid)
    assert [str(warning) for warning in found.warnings] == [
        "1 row with letters but no responsibility title, skipped: A3."]


def test_two_columns_with_one_name_are_two_people_and_a_warning() -> None:
    grid = [["Task", "Ann", "Ann"], ["Plan", "R", "A"]]
    found = read(grid)
    assert [person.name for person in found.people] == ["Ann", "Ann"]
    assert [str(warning) for warning in found.warnings] == [
        "2 columns named 'Ann', kept as different people: B1, C1."]


def test_letters_under_no_name_are_a_person_named_by_the_column() -> None:
    grid = [["Task", "Ann", None], ["Plan", "R", "A"], ["Build", "A", "R"]]
    found = read(grid)
    assert [person.name for person in found.people] == ["Ann", "Person in column C"]
    assert [warning.kind for warning in found.warnings] == [WarningKind.UNNAMED_PERSON]


def test_text_past_the_team_file_limits_is_cut_with_a_warning() -> None:
    grid = [["Task", "Ann"], ["x" * 600, "R"]]
    found = read(grid)
    assert len(found.rows[0].title) == 500 and found.rows[0].title.endswith("…")
    assert [warning.kind for warning in found.warnings] == [WarningKind.SHORTENED]


def test_a_sheet_with_names_but_no_letters_yet_gives_people_and_rows() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", None, None], ["Build", None, None]]
    found = read(grid)
    assert [person.name for person in found.people] == ["Ann", "Bob"]
    assert [row.title for row in found.rows] == ["Plan", "Build"]


def test_names_that_begin_like_months_or_ids_are_names() -> None:
    grid = [["Task", "Augustine", "Mayra", "Decima"], ["Plan", "R", "A", None], ["Build", None, "R", "A"]]
    assert [person.name for person in read(grid).people] == ["Augustine", "Mayra", "Decima"]


def test_dates_weeks_and_months_are_skipped_as_times() -> None:
    grid = [["Task", "Ann", "Due", "Sprint"], ["Plan", "R", "Jan 2025", "Sprint 3"],
            ["Build", "A", "2025-02-01", "W12"]]
    found = read(grid)
    assert [str(warning) for warning in found.warnings] == [
        "2 columns hold dates or times and were skipped: column C 'Due', column D 'Sprint'."]


@pytest.mark.parametrize("grid", [[], [[]], [[None, ""]], [["just one cell"]], [[1, 2], [3, 4]]])
def test_a_sheet_without_a_matrix_is_one_sentence(grid: list[list[object]]) -> None:
    with pytest.raises(LayoutNotFound) as caught:
        detect_layout(grid, "Data")
    assert str(caught.value).startswith("Sheet Data ")
    assert str(caught.value).count(".") == 1


# ------------------------------------------------------------------ corrections
def test_a_column_corrected_to_a_description_is_read_again_as_one() -> None:
    grid = [["Task", "Ann", "Bob"], ["Plan", "R", "A"], ["Build", "A", "R"]]
    layout = detect_layout(grid).with_column_role(2, ColumnRole.DESCRIPTION)
    found = read_sheet(grid, layout)
    assert [person.name for person in found.people] == ["Ann"]
    assert [row.description for row in found.rows] == ["A", "R"]


def test_a_row_corrected_to_a_category_heads_the_rows_below_it() -> None:
    grid = [["Task", "Ann"], ["Plan", "R"], ["Hiring", None], ["Build", "A"]]
    layout = detect_layout(grid)
    assert layout.rows[2] is RowRole.RESPONSIBILITY
    found = read_sheet(grid, layout.with_row_role(2, RowRole.CATEGORY))
    assert [(row.title, row.category) for row in found.rows] == [("Plan", ""), ("Build", "Hiring")]


def test_a_new_title_column_sends_the_old_one_to_the_description() -> None:
    grid = [["Task", "What", "Ann"], ["Plan", "Project charter", "R"]]
    layout = detect_layout(grid).with_column_role(1, ColumnRole.TITLE)
    found = read_sheet(grid, layout)
    assert [(row.title, row.description) for row in found.rows] == [("Project charter", "Plan")]


def test_a_skipped_row_by_hand_is_named_in_a_warning() -> None:
    grid = [["Task", "Ann"], ["Plan", "R"], ["Build", "A"]]
    found = read_sheet(grid, detect_layout(grid).with_row_role(2, RowRole.SKIPPED))
    assert [row.title for row in found.rows] == ["Plan"]
    assert [warning.addresses for warning in found.warnings] == [("A3",)]


def test_build_team_names_the_team_and_links_rows_with_entry_ids() -> None:
    team, warnings = build_team(PROJECT, detect_layout(PROJECT, "RACI"), load_catalog(), name="")
    assert team.name == "Project Apollo: RACI matrix"
    assert team.responsibilities[0].id == "set-product-vision"
    assert team.responsibilities[4].id == "test-the-release"
    assert team.description == "Prepared by the PMO 2024-03-01"
    assert len(warnings) == 3


def test_ids_for_thousands_of_equal_titles_are_unique_and_numbered_in_order() -> None:
    grid = [["Task", "Ann"]] + [["Plan", "R"]] * 20_000
    team, _ = build_team(grid, detect_layout(grid))
    ids = [row.id for row in team.responsibilities]
    assert len(set(ids)) == 20_000
    assert ids[:3] == ["plan", "plan-2", "plan-3"] and ids[-1] == "plan-20000"


# ------------------------------------------------------------------ workbooks
def test_the_sheet_holding_the_matrix_is_chosen_over_notes_and_summaries() -> None:
    notes = [["About this workbook"], ["Made in the spring planning session"]]
    small = [["Task", "Ann"], ["Plan", "R"]]
    name, frame, layout = choose_sheet([("Notes", notes), ("Summary", small), ("Matrix", PROJECT)])
    assert (name, layout.sheet) == ("Matrix", "Matrix")
    assert len(read_sheet(frame, layout).rows) == 6


def test_a_workbook_without_a_matrix_is_one_sentence_naming_the_first_sheet() -> None:
    with pytest.raises(LayoutNotFound, match=r"^Sheet Notes "):
        choose_sheet([("Notes", [["About this workbook"]]), ("Empty", [])])


def test_a_key_column_of_ticket_ids_is_no_legend_but_a_skipped_column() -> None:
    grid = [["Key", "Task", "Ann", "Bob"], ["PROJ-1", "Plan", "R", "A"], ["PROJ-2", "Build", "A", "R"]]
    found = read(grid)
    assert found.layout.columns_with(ColumnRole.LEGEND) == ()
    assert [str(warning) for warning in found.warnings] == ["Column A 'Key' holds IDs: skipped."]


# --------------------------------------------------------------- the letter set a sheet records under its grid
def test_the_line_recording_a_set_under_the_grid_is_taken_off_and_gives_the_set() -> None:
    from raci.formats.sheet_detect import prepare
    from raci.letters import note_cells

    grid = [["Responsibility", "Category", "Ann", "Bob"], ["Plan", "", "A", "S"], ["Build", "", "R", "A"],
            [], list(note_cells(RASCI))]
    frame = prepare(grid)
    assert (frame.letters, frame.height) == (RASCI, 3)
    layout = detect_layout(frame)
    assert layout.letter_set is RASCI and layout.letter_set_reason == "RASCI: as the sheet records it under the grid."
    assert "Letters: RASCI: as the sheet records it under the grid." in explain(layout, frame).splitlines()
    assert [row.title for row in read_sheet(frame, layout, load_catalog()).rows] == ["Plan", "Build"]


def test_a_teams_own_letters_recorded_under_the_grid_read_as_letters() -> None:
    from raci.formats.sheet_detect import prepare
    from raci.letters import Kind, LetterDef, LetterSet, note_cells

    own = LetterSet("ours", "Our letters", (LetterDef("Q2", "Doer", "does it", Kind.DOES),
                                             LetterDef("K", "Keeper", "answers for it", Kind.OWNS)))
    grid = [["Responsibility", "Category", "Ann", "Bob"], ["Plan", "", "K", "Q2"], ["Build", "", "Q2", "K/Q2"],
            [], list(note_cells(own))]
    frame = prepare(grid)
    read = read_sheet(frame, detect_layout(frame), load_catalog())
    assert read.layout.letter_set == own and read.warnings == ()
    assert [[cell for _, cell in row.cells] for row in read.rows] == [["K", "Q2"], ["Q2", "K/Q2"]]
    # The same grid without its record line does not know those letters: none of its cells comes in.
    bare = read_sheet(grid[:3], detect_layout(grid[:3]), load_catalog())
    assert bare.layout.letter_set != own and not any(row.cells for row in bare.rows)


def test_a_record_line_that_is_not_the_last_line_or_names_no_set_stays_in_the_sheet() -> None:
    from raci.formats.sheet_detect import prepare

    grid = [["Task", "Ann", "Bob"], ["Plan", "A", "R"], ["Letters (RASCI): R = Responsible", "nonsense"]]
    frame = prepare(grid)
    assert frame.letters is None and frame.height == 3
