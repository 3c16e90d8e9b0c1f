"""Hostile and outsized files: each is read or refused within 10 s and 1 GB, exports stay in proportion.

Every import case runs ``raci import FILE`` in a fresh process, as a user
would, and reports that process's peak memory; the time includes starting
Python. The files are the worst cases found for each cap (see
``raci.formats.sheet_reader``): the ones the issue measured (equal titles
that made id creation quadratic, a cell far to the right, a cell in column
XFD on every row, a long defined name), for each cap a file right at it,
which must import, and the .ods files pandas reads through odfpy (which
builds every element in memory) at and over their caps. The export cases compare the PDF with the workbook
export (at most 3x) and the workbook export's memory with XlsxWriter's own
minimum on the same cells.
"""

from __future__ import annotations

import atexit
import functools
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import xlsxwriter

from benchmarks.common import Baseline, Case, make_team

_FOLDER = Path(tempfile.mkdtemp(prefix="raci-bench-hostile-"))
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)  # the files at the caps take 200 MB
LIMIT_MS, LIMIT_MB = 10_000, 1024
IMPORTED, REFUSED = 0, 2


# ------------------------------------------------------------------ files
def _file(name: str, write: Callable[[Path], None]) -> Path:
    path = _FOLDER / name
    if not path.exists():
        write(path)
    return path


def _csv(name: str, text: Callable[[], str]) -> Callable[[], Path]:
    return functools.partial(_file, name, lambda path: path.write_text(text(), encoding="utf-8"))


def _xlsx(name: str, fill: Callable[[Any], None]) -> Callable[[], Path]:
    def write(path: Path) -> None:
        book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        fill(book.add_worksheet("Matrix"))
        book.close()
    return functools.partial(_file, name, write)


def _matrix(rows: int, far: int | None = None, every_row: bool = False) -> Callable[[Any], None]:
    """A small RACI matrix of ``rows`` rows; a cell in column ``far`` (from 0) in row 1, or in every row."""
    def fill(sheet: Any) -> None:
        sheet.write_row(0, 0, ["Task", "Ana", "Ben"])
        if far is not None:
            sheet.write_string(0, far, "note")
        for row in range(1, rows + 1):
            sheet.write_row(row, 0, [f"Task number {row}", "A", "R"])
            if every_row and far is not None:
                sheet.write_string(row, far, "x")
    return fill


def _full(rows: int, people: int) -> Callable[[Any], None]:
    def fill(sheet: Any) -> None:
        letters = ("R", "A", "C", "I", "A/R")
        sheet.write_row(0, 0, ["Task", *(f"Person {n}" for n in range(people))])
        for row in range(1, rows + 1):
            sheet.write_row(row, 0, [f"Task number {row}", *(letters[(row + n) % 5] for n in range(people))])
    return fill


def _with_part(name: str, source: Callable[[], Path], change: Callable[[str], str],
               part: str = "xl/workbook.xml") -> Callable[[], Path]:
    def write(path: Path) -> None:
        with zipfile.ZipFile(source()) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy:
            for item in original.infolist():
                data = original.read(item.filename)
                if item.filename == part:
                    data = change(data.decode()).encode()
                copy.writestr(item, data)
    return functools.partial(_file, name, write)


def _fonts_up_to(megabytes: float) -> Callable[[str], str]:
    """Styles grown with fonts to just under ``megabytes``: what openpyxl parses slowest, about 1 s a megabyte."""
    font = "<font><sz val='11'/><name val='Calibri'/></font>"
    return lambda text: text.replace("</fonts>", font * int(megabytes * 1_048_576 // len(font)) + "</fonts>")


def _defined_names(*values: str) -> Callable[[str], str]:
    names = "".join(f'<definedName name="_xlnm.Print_Titles" localSheetId="0">{value}</definedName>'
                    if number == 0 else f'<definedName name="n{number}">{value}</definedName>'
                    for number, value in enumerate(values))
    return lambda text: text.replace("</sheets>", f"</sheets><definedNames>{names}</definedNames>")


def _junk_rows(name: str, count: int) -> Callable[[], Path]:
    """A sheet that is almost all empty row elements: XML parsing with nothing to keep."""
    def write(path: Path) -> None:
        with zipfile.ZipFile(_SMALL(), "r") as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy:
            for item in original.infolist():
                data = original.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    data = data.replace(b"<sheetData>", b"<sheetData>" + b'<row r="1"/>' * count)
                copy.writestr(item, data)
    return functools.partial(_file, name, write)


_SMALL = _xlsx("small.xlsx", _matrix(20))


def _ods(name: str, grid: Callable[[], list[list[str]]], change: Callable[[str], str] | None = None
         ) -> Callable[[], Path]:
    """An OpenDocument spreadsheet of ``grid`` (text cells), its content passed through ``change``."""
    def write(path: Path) -> None:
        from benchmarks.bench_import import write_ods

        write_ods(path, grid())
        if change is not None:
            with zipfile.ZipFile(path) as original:
                parts = [(item, original.read(item.filename)) for item in original.infolist()]
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy:
                for item, data in parts:
                    copy.writestr(item, change(data.decode()).encode() if item.filename == "content.xml" else data)
    return functools.partial(_file, name, write)


def _letters(rows: int, people: int, text: str = "") -> Callable[[], list[list[str]]]:
    return lambda: [["Task", *(f"Person {n}" for n in range(people))]] + [
        [f"Task {row}{text}", *("RACI"[(row + n) % 4] for n in range(people))] for row in range(rows)]


def _repeated(rows: int, columns: int) -> Callable[[str], str]:
    """The second row repeated ``rows`` times, its first cell ``columns`` times: a few bytes, a huge rectangle."""
    def change(text: str) -> str:
        start = text.index("<table:table-row>", text.index("</table:table-row>"))
        return text[:start] + f'<table:table-row table:number-rows-repeated="{rows}">' + \
            f'<table:table-cell table:number-columns-repeated="{columns}" office:value-type="string">' + \
            "<text:p>R</text:p></table:table-cell></table:table-row>" + text[start:]
    return change


# ----------------------------------------------------------------- import
def _import(path: Callable[[], Path], expected: int) -> Callable[[Path], float]:
    """Run ``raci import`` on the file in a fresh process; returns its peak memory in MB."""
    def run(file: Path) -> float:
        command = [sys.executable, "-m", "raci", "import", str(file), "-o", str(_FOLDER / "out.raci.json"),
                   "--force"]
        with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a thousand warnings would fill a pipe
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = code = os.waitstatus_to_exitcode(status)
            errors.seek(0)
            last = errors.read().decode(errors="replace").strip().splitlines()[-1:]
        if code != expected:
            raise RuntimeError(f"{file.name}: exit {code}, expected {expected}: {last}")
        return usage.ru_maxrss / 1024  # kilobytes on Linux
    return run


def _case(name: str, path: Callable[[], Path], expected: int, note: str) -> Case:
    outcome = "imported" if expected == IMPORTED else "refused"
    return Case(f"hostile import: {name}", LIMIT_MS, path, _import(path, expected), repeat=3,
                note=f"{outcome}; {note}", memory_mb=LIMIT_MB)


IMPORT_CASES = [
    _case("40,000 equal titles (CSV)", _csv("equal.csv", lambda: "Task,Ana,Ben\n" + "Same title,A,R\n" * 40_000),
          IMPORTED, "was over 120 s: make_id probed 2, 3, 4... for each title"),
    _case("one cell in column XFD", _xlsx("far.xlsx", _matrix(20_000, far=16_383)), REFUSED,
          "a 3 MB file took over 120 s: every row was scanned to column XFD"),
    _case("a cell in the last column read, 49,999 rows", _xlsx("far-cap.xlsx", _matrix(49_999, far=1_023)),
          IMPORTED, "rows and columns at their caps"),
    _case("a cell in column XFD on every row", _xlsx("xfd.xlsx", _matrix(5_000, far=16_383, every_row=True)),
          REFUSED, "a 494 KB file needed about 13 GB: each row padded to 16,384 cells"),
    _case("a cell in the last column on every row", _xlsx("wide-cap.xlsx", _matrix(5_000, far=1_023, every_row=True)),
          REFUSED, "refused at the cells cap (1,000,000 counted to each row's last cell)"),
    _case("a defined name of 26,000 quotes", _with_part("name.xlsx", _SMALL, _defined_names("'" * 26_000)),
          REFUSED, "a 26 KB file took over 120 s in openpyxl's name parsing"),
    _case("16 defined names at the length cap", _with_part("names-cap.xlsx", _SMALL,
                                                                   _defined_names(*["'" * 1_024] * 16)),
          REFUSED, "quadratic print-titles parsing at the caps; openpyxl then finds them invalid"),
    _case("999 x 999 letters under 1,000 names (xlsx)", _xlsx("cells-cap.xlsx", _full(999, 999)), IMPORTED,
          "exactly the cells cap: 1,000 rows of 1,000 cells"),
    _case("999 x 999 letters under 1,000 names (CSV)", _csv("cells-cap.csv", lambda: "Task," + ",".join(
        f"P{n}" for n in range(999)) + "\n" + "".join(
        f"Task {row}," + ",".join("RACIA"[(row + n) % 5] for n in range(999)) + "\n" for row in range(999))),
          IMPORTED, "exactly the cells cap"),
    _case("999 x 999 cells of 48 characters (CSV, 47 MB)", _csv("size-cap.csv", lambda: "Task," + ",".join(
        f"P{n}" for n in range(999)) + "\nTask 0," + ",".join(["R"] * 999) + "\n" + ("Task," + ",".join(
            ["not a letter: just some text to read here"] * 999) + "\n") * 998),
          IMPORTED, "size and cells caps: a million unreadable cells, a thousand warnings kept"),
    _case("4 million empty row elements", _junk_rows("junk.xlsx", 4_100_000), REFUSED,
          "the XML elements cap: parsing with nothing to keep"),
    _case("styles of 3.9 MB", _with_part("styles-cap.xlsx", _SMALL, _fonts_up_to(3.9), "xl/styles.xml"), IMPORTED,
          "just under the 4 MB cap on the parts openpyxl parses on opening"),
    _case(".ods of 1,220 x 100 letters", _ods("ods-cap.ods", _letters(1_220, 100)), IMPORTED,
          "just under the .ods elements cap (250,000): odfpy builds every element"),
    _case(".ods of 2,000 x 100 letters", _ods("ods-over.ods", _letters(2_000, 100)), REFUSED,
          "over the .ods elements cap: refused while counting, before odfpy"),
    _case(".ods with a cell repeated 1,024 x 49,999 times", _ods("ods-repeat.ods", _letters(20, 3),
                                                                  _repeated(49_999, 1_024)), REFUSED,
          "a few bytes that pandas would write out as 51 million cells"),
    _case(".ods of 39 MB text in 20,000 cells", _ods("ods-text.ods", _letters(2_000, 9, " text" * 3_900)),
          IMPORTED, "just under the .ods XML cap (40 MB)"),
]


# ----------------------------------------------------------------- exports
def _report_state(rows: int, people: int) -> tuple[Any, Any]:
    from raci.formats.common import default_report

    team = make_team(rows, people, 1.0)
    return team, default_report(team)


@functools.cache
def _team_1000() -> tuple[Any, Any]:
    return _report_state(1000, 100)


def _pdf(state: tuple[Any, Any]) -> None:
    from raci.ui.pdf import write

    write(state[0], io.BytesIO(), state[1])


def _workbook(state: tuple[Any, Any]) -> None:
    from raci.formats.xlsx import write

    write(state[0], io.BytesIO(), state[1])


def _check_json_unbuffered(path: Path) -> None:
    subprocess.run([sys.executable, "-u", "-m", "raci", "check", str(path), "--format", "json"],
                   stdout=subprocess.DEVNULL, check=False)


@functools.cache
def _team_file_1000() -> Path:
    from raci.teamfile import save_team

    path = _FOLDER / "full-1000.raci.json"
    save_team(make_team(1000, 100, 1.0), path)
    return path


_MEMORY_CODE = """
import io, sys, time
sys.path.insert(0, {root!r})
from benchmarks.common import make_team
team = make_team({rows}, {people}, 1.0)
from raci.findings import Report
import gc; gc.collect()
def status(key):
    return next(int(line.split()[1]) / 1024 for line in open('/proc/self/status') if line.startswith(key))
open('/proc/self/clear_refs', 'w').write('5')  # from here, the peak counts only what follows
before = status('VmRSS:')
if {ours}:
    from raci.formats.xlsx import write
    write(team, io.BytesIO(), Report())
else:
    import xlsxwriter
    book = xlsxwriter.Workbook(io.BytesIO(), {{"constant_memory": True}})
    sheet = book.add_worksheet("RACI")
    ids = [person.id for person in team.people]
    sheet.write_row(0, 0, ["Responsibility", *(person.name for person in team.people)])
    for number, row in enumerate(team.responsibilities, 1):
        letters = team.row_letters(row.id)
        sheet.write_string(number, 0, row.title)
        for column, person in enumerate(ids, 1):
            if person in letters:
                sheet.write_string(number, column, letters[person])
    book.close()
print(status('VmHWM:') - before)
"""


def _export_memory(ours: bool, rows: int = 3_334, people: int = 300) -> Callable[[Any], float]:
    """Run the workbook export (or XlsxWriter's own least) in a fresh process; returns the MB it added."""
    root = str(Path(__file__).resolve().parents[1])

    def run(_: Any) -> float:
        code = _MEMORY_CODE.format(root=root, rows=rows, people=people, ours=ours)
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        return max(float(result.stdout.strip()), 1.0)  # MB over the loaded team (1 MB: below measuring)
    return run


CASES = [
    *IMPORT_CASES,
    Case("PDF export 1000 x 100, every cell filled", None, _team_1000, _pdf, repeat=3,
         note="was 4 to 5 times the workbook export", baseline=Baseline(_team_1000, _workbook, 3.0)),
    Case("check --format json 1000 x 100, unbuffered output", None, _team_file_1000, _check_json_unbuffered,
         repeat=3, note="one write: was 4x slower unbuffered (1.6 s against 0.4 s)"),
    Case("xlsx export 3,334 x 300 full: memory added", None, lambda: None, _export_memory(True), repeat=1,
         note="1,000,200 cells; was +516 MB at 3 million cells", memory_mb=64),
    Case("the same cells, XlsxWriter constant_memory alone", None, lambda: None, _export_memory(False), repeat=1,
         note="the least any export of these cells can add", memory_mb=LIMIT_MB),
]
