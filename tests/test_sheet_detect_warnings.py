"""The warnings of an untidy sheet, whole, in the singular and the plural: what a person reads after an import."""

from __future__ import annotations

from raci.formats.sheet_detect import detect_layout, read_sheet


def warnings_of(grid: list[list[object]]) -> list[str]:
    return [str(warning) for warning in read_sheet(grid, detect_layout(grid, "RACI")).warnings]


def test_an_untidy_sheet_gives_one_sentence_per_kind_of_fault() -> None:
    grid = [["Task", "Ann", None, "Bob", "Bob", "Week"],
            ["Plan the work", "A", "R", "-", "C", 1],
            ["Ship it", "x?", "A", "n/a", "R", 2],
            [None, "R", "A", None, None, None],
            ["Test it", "??", "A", "N/A", "", 3],
            ["Total", "2", "3", "1", "1", 6],
            ["T" * 600, "A", "R", None, None, 4]]
    assert warnings_of(grid) == [
        "1 row with letters but no responsibility title, skipped: A4.",
        "1 row without letters was skipped: A6 'Total'.",
        "Column F 'Week' holds numbers: skipped.",
        "2 cells could not be read as RACI letters and were left blank: B3 'x?', B5 '??'.",
        "1 column with letters but no name, read as 'Person in column ...': C1.",
        "2 columns named 'Bob', kept as different people: D1, E1.",
        "1 text over the team file's length limits (500 characters), shortened: A7.",
        "'-', 'n/a' and 'N/A' in 3 cells read as not involved: D2, D3, D5.",
    ]


def test_the_same_faults_counted_the_other_way_round() -> None:
    grid = [["Task", "Ann", None, None, "Bob"],
            ["Plan the work", "A", "R", "C", "-"],
            ["Ship it", "x?", "A", "R", "C"],
            [None, "R", "A", "C", None],
            [None, "C", "A", "R", None],
            ["Test it", "A", "R", "C", "I"],
            ["Total", "2", "3", "1", "1"],
            ["Sum", "2", "3", "1", "1"]]
    assert warnings_of(grid) == [
        "2 rows with letters but no responsibility title, skipped: A4, A5.",
        "2 rows without letters were skipped: A7 'Total', A8 'Sum'.",
        "1 cell could not be read as RACI letters and was left blank: B3 'x?'.",
        "2 columns with letters but no name, read as 'Person in column ...': C1, D1.",
        "'-' in 1 cell read as not involved: E2.",
    ]
