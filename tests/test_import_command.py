"""``raci import`` end to end: the import cases through the command, ``--explain``, and the ``-o`` rule.

Each case in ``tests/data/import-cases`` is written to a temporary file
and imported with the command itself, and the team file it writes must
hold the grid the case expects, not only the layout detection's reading.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from raci.teamfile import load_team

from tests.hostile import one_sentence, run

CASES = Path(__file__).parent / "data" / "import-cases"
SHEETS = Path(__file__).parent / "data" / "sheets"
EXPECTED: dict[str, dict[str, Any]] = json.loads((CASES / "expected.json").read_text(encoding="utf-8"))


def expected(name: str) -> dict[str, Any]:
    case = EXPECTED[name]
    return EXPECTED[case["same_as"]] if "same_as" in case else case


def letters(cell: str) -> set[str]:
    return set(cell.split("/"))


def imported(name: str, folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Any, str, str]:
    sheet = folder / name
    shutil.copyfile(CASES / name, sheet)
    out = folder / "team.raci.json"
    code, stdout, stderr = run(capsys, "import", str(sheet), "-o", str(out))
    assert code == 0, stderr
    return load_team(out), stdout, stderr


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_import_case_gives_its_grid_through_the_command(
        name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    team, stdout, _ = imported(name, tmp_path, capsys)
    want = expected(name)
    wanted_people = [person if isinstance(person, dict) else {"name": person} for person in want["people"]]
    assert [person.name for person in team.people] == [person["name"] for person in wanted_people]
    for person, wanted in zip(team.people, wanted_people, strict=True):
        if "titles" in wanted:
            assert list(person.titles) == wanted["titles"]
    assert [row.title for row in team.responsibilities] == [row["title"] for row in want["rows"]]
    for row, wanted in zip(team.responsibilities, want["rows"], strict=True):
        if "category" in wanted or not row.sources:
            assert row.category == wanted.get("category", ""), row.title
        if "side" in wanted:
            assert row.side.value == wanted["side"], row.title
        assert set(wanted.get("tags_include", ())) <= set(row.tags)
        held = {person.name: letters(cell)
                for person in team.people if (cell := team.cell(row.id, person.id)) is not None}
        assert held == {person: letters(cell) for person, cell in wanted["cells"].items()}, row.title
    assert "rows matched the catalog." in stdout


# ------------------------------------------------------------------ --explain
def test_explain_shows_the_layout_matches_and_warnings_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "plan.xlsx"
    shutil.copyfile(SHEETS / "project-plan.xlsx", sheet)
    code, out, err = run(capsys, "import", str(sheet), "--explain")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:4] == ["File: plan.xlsx", "Sheet: RACI",
                         "Orientation: normal (people across the top, responsibilities down the side)",
                         "Header: row 4"]
    for part in ("People (4): column C 'Priya Shah (Product Manager)', column D 'Tom Becker (Product Owner)'",
                 "Category rows: rows 5, 9, 14 ('Phase 1 \u2013 Discovery', 'Phase 2 \u2013 Build', "
                 "'Phase 3 \u2013 Launch')",
                 "Skipped columns: column A '#' (holds numbers)",
                 "Notes (kept in the description): column G 'Status'",
                 "Letters: RACI",
                 "Catalog matches: 6 of 9 rows",
                 "  row 11 'Manage the product backlog' = manage-product-backlog",
                 "Warnings (3):",
                 "  '-' in 1 cell read as not involved: F6."):
        assert any(line.startswith(part) for line in lines), part
    assert lines[-1] == "Nothing was written (--explain without -o)."
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.xlsx"]


def test_explain_with_an_output_shows_the_layout_then_writes_the_team(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "rasci.csv"
    shutil.copyfile(CASES / "rasci-legend.csv", sheet)
    code, out, err = run(capsys, "import", str(sheet), "--explain", "-o", str(tmp_path / "rasci.raci.json"))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    letters_line = next(number for number, line in enumerate(lines) if line.startswith("Letters: "))
    assert lines[letters_line] == "Letters: RASCI: the sheet uses S (Support) and its legend lists S = Support."
    assert lines[-2:] == ["Read 2 responsibilities, 3 people and 6 cells from the sheet (RASCI letters); 0 of 2 rows "
                          "matched the catalog.", f"Wrote {tmp_path / 'rasci.raci.json'} with 0 warnings."]
    assert load_team(tmp_path / "rasci.raci.json").letter_set.name == "RASCI"


def test_explain_with_an_output_that_is_no_team_file_reads_nothing_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "plan.csv"
    shutil.copyfile(CASES / "lower-case.csv", sheet)
    code, out, err = run(capsys, "import", str(sheet), "--explain", "-o", str(tmp_path / "plan.xlsx"))
    assert (code, out) == (2, "")
    assert "run 'raci export" in one_sentence(err)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.csv"]


def test_explain_on_this_apps_own_workbook_says_it_is_read_whole(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "import", str(SHEETS / "own-export.ods"), "--explain")
    assert code == 0
    assert "a workbook RACI Builder exported, read whole" in out
    assert "55 of 55 rows are linked to the catalog." in out


def test_explain_on_a_bad_file_is_one_sentence_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "noise.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    code, out, err = run(capsys, "import", str(path), "--explain")
    assert (code, out) == (2, "")
    one_sentence(err)


# ------------------------------------------------------------------ -o takes a team file only
@pytest.mark.parametrize(("output", "suggested"), [("out.xlsx", "out.raci.json"), ("out.csv", "out.raci.json"),
                                                   ("team.json", "team.raci.json"), ("team", "team.raci.json")])
def test_an_output_that_is_no_team_file_is_refused_pointing_to_raci_export(
        output: str, suggested: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "plan.csv"
    shutil.copyfile(CASES / "lower-case.csv", sheet)
    code, out, err = run(capsys, "import", str(sheet), "-o", str(tmp_path / output))
    assert (code, out) == (2, "")
    sentence = one_sentence(err)
    assert f"raci import writes a team file, whose name ends in .raci.json (such as {suggested})" in sentence
    assert f"run 'raci export {tmp_path / suggested} -o {tmp_path / output}'" in sentence
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.csv"]


def test_without_an_output_the_team_file_is_written_beside_the_sheet(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "plan.ods"
    shutil.copyfile(SHEETS / "project-plan.ods", sheet)
    code, out, err = run(capsys, "import", str(sheet))
    assert code == 0
    assert out.splitlines() == [
        "Read 9 responsibilities, 4 people and 33 cells from Sheet RACI (RACI letters); 6 of 9 rows matched the "
        "catalog.", f"Wrote {tmp_path / 'plan.raci.json'} with 3 warnings."]
    assert len(err.splitlines()) == 3
    assert load_team(tmp_path / "plan.raci.json").name == "Website relaunch \u2013 RACI matrix"
