"""Tab-separated blocks: what spreadsheets put on the clipboard, and pasting one onto a team."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from raci.clipboard import format_tsv, parse_tsv, plan_paste
from raci.letters import DACI, RASCI

from tests.conftest import make_small_team


def test_a_block_copied_from_excel_with_windows_line_ends_and_a_trailing_newline_reads_as_its_cells() -> None:
    assert parse_tsv("R\tA\r\nC\t\r\n") == [["R", "A"], ["C", ""]]


def test_blank_lines_at_the_end_of_a_block_are_dropped() -> None:
    assert parse_tsv("R\n\n\t\n") == [["R"]]


def test_quoted_cells_keep_their_tabs_line_breaks_and_quotes() -> None:
    text = 'A\t"two\tparts"\n"line\r\nbreak"\t"say ""hi"""\n'
    assert parse_tsv(text) == [["A", "two\tparts"], ["line\r\nbreak", 'say "hi"']]


def test_an_unbalanced_quote_or_a_nul_does_not_stop_a_paste() -> None:
    assert parse_tsv("R\x00\tA") == [["R", "A"]]
    assert parse_tsv('"R\tA\nC') == [["R\tA\nC"]]


def test_formatting_quotes_only_the_cells_that_need_it() -> None:
    assert format_tsv([["R", "A/R"], ["a\tb", 'x"y']]) == 'R\tA/R\n"a\tb"\t"x""y"'


_cells = st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=8)


@given(st.integers(min_value=1, max_value=4).flatmap(
    lambda width: st.lists(st.lists(_cells, min_size=width, max_size=width), min_size=1, max_size=5)))
def test_any_block_survives_a_round_trip_through_the_clipboard_text(rows: list[list[str]]) -> None:
    assume(any(cell.strip() for cell in rows[-1]))
    assume(all(len(row) > 1 or row[0] for row in rows))  # a lone empty cell is an empty line
    assert parse_tsv(format_tsv(rows)) == rows


def test_a_paste_sets_letters_in_any_spelling_and_a_blank_clears() -> None:
    team = make_small_team()
    vision, order = team.responsibilities[0].id, team.responsibilities[1].id
    ana, ben = team.people[0].id, team.people[1].id
    plan = plan_paste(team, [["r", "ra"], ["", " i "]], [vision, order], [ana, ben])
    assert plan.changes == {(vision, ana): "R", (vision, ben): "A/R",
                            (order, ana): None, (order, ben): "I"}
    assert plan.problems == []


def test_a_paste_reads_combined_cells_and_not_involved_marks_in_the_teams_own_set() -> None:
    team = make_small_team()
    team.set_letter_set(RASCI)
    vision, order = team.responsibilities[0].id, team.responsibilities[1].id
    ana, ben = team.people[0].id, team.people[1].id
    plan = plan_paste(team, [["R/C", "s"], ["-", "C I"]], [vision, order], [ana, ben])
    assert plan.changes == {(vision, ana): "R/C", (vision, ben): "S", (order, ana): None, (order, ben): "C/I"}
    assert plan.problems == []


def test_a_letter_of_another_set_is_named_with_the_teams_own_set() -> None:
    team = make_small_team()
    team.set_letter_set(DACI)
    vision, ana = team.responsibilities[0].id, team.people[0].id
    plan = plan_paste(team, [["S", "Driver"]], [vision], [ana, team.people[1].id])
    assert plan.changes == {(vision, team.people[1].id): "D"}
    assert plan.problems == ["Row 1, column 1: 'S' is not a DACI letter (meant for Ana Lima on 'Set the product "
                             "vision'); that cell was left as it was."]


def test_a_value_that_is_not_a_letter_is_left_out_and_named_with_its_place() -> None:
    team = make_small_team()
    vision, order = team.responsibilities[0].id, team.responsibilities[1].id
    ana, ben = team.people[0].id, team.people[1].id
    plan = plan_paste(team, [["R", "A"], ["X", "C"]], [vision, order], [ana, ben])
    assert (order, ana) not in plan.changes
    assert len(plan.changes) == 3
    assert plan.problems == [
        "Row 2, column 1: 'X' is not a RACI letter (meant for Ana Lima on 'Order the backlog'); "
        "that cell was left as it was."
    ]


def test_a_block_reaching_past_the_edge_is_clipped_and_reported() -> None:
    team = make_small_team()
    demo = team.responsibilities[-1].id
    chloe = team.people[-1].id
    plan = plan_paste(team, [["R", "A", "C"], ["I", "I", "I"]], [demo], [chloe])
    assert plan.changes == {(demo, chloe): "R"}
    assert plan.problems == [
        "The pasted block reaches past the edge of the matrix: 1 row and 2 columns were left out."
    ]


def test_a_block_column_landing_on_the_title_column_is_skipped_silently() -> None:
    team = make_small_team()
    vision = team.responsibilities[0].id
    ana = team.people[0].id
    plan = plan_paste(team, [["Set the product vision", "C"]], [vision], [None, ana])
    assert plan.changes == {(vision, ana): "C"}
    assert plan.problems == []
