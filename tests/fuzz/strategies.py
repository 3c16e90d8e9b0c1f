"""Hypothesis strategies for hostile input, each built from a real file and then spoiled.

Random bytes rarely get past a file's first check, so every strategy here
starts from something the program wrote or would read (a template's team
file, a CSV export, an .xlsx export, a sheet laid out as other tools lay
them out) and changes it the way damage, other tools and attackers do:
a value swapped for an odd one (NaN, a 5,000-digit number, half a
surrogate pair, an escape sequence, a formula), a key duplicated, an
element dropped or repeated, a cell moved to column XFD, a zip header
rewritten, the whole file cut short.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import zipfile
from typing import Any

import xlsxwriter
from hypothesis import strategies as st

from raci.findings import Report
from raci.teamfile import dumps_team
from raci.templates import list_templates, load_template

from tests.conftest import make_small_team

ODD_STRINGS = ["", " ", "=1+1", "'=1+1", "\x00=1+1", "+cmd|' /C calc'!A0", "@SUM(A1)", "\x1b[31mred\x1b[0m",
               "line\nbreak", "\r", "\t", "\u202eright to left", "\ud800", "\udfff", "\ud83d\ude00", "\ufffe",
               "A/R", "R/A", "ar", "Ｒ", "Р", "x" * 600, "NaN", "1e999", "9" * 40, "#N/A", "TRUE", "-0",
               "Ünïcödé", "名前", "&amp;", "<b>", "]]>", "'", "''", '"', "\\"]
ODD_NUMBERS_TEXT = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "9" * 20, "9" * 5000, "1.0", "2.0", "-1",
                    "0", "1e-400", "12345678901234567890.5"]

odd_text = st.sampled_from(ODD_STRINGS) | st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF,
                                                                blacklist_categories=()), max_size=12)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20) | st.floats() | odd_text,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(odd_text, children, max_size=3),
    max_leaves=6,
)


# --------------------------------------------------------------- team files
@functools.cache
def base_documents() -> tuple[str, ...]:
    """Real team files: every template and the small test team, with settings and an acknowledgment."""
    from raci.model import Acknowledgment, RuleSetting

    team = make_small_team()
    team.set_rule_setting("too-many-consulted", RuleSetting(True, 3))
    team.add_acknowledgment(Acknowledgment("no-responsible", (team.responsibilities[0].id,), (), "Known gap.",
                                           "2024-05-01"))
    return (dumps_team(team), *(dumps_team(load_template(info.id)) for info in list_templates()))


def _places(document: Any, place: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [place]
    if isinstance(document, dict):
        for key, value in document.items():
            found += _places(value, (*place, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += _places(value, (*place, index))
    return found


def _set(document: Any, place: tuple[Any, ...], value: Any, delete: bool = False) -> Any:
    if not place:
        return value
    parent = document
    for step in place[:-1]:
        parent = parent[step]
    if delete:
        del parent[place[-1]]
    else:
        parent[place[-1]] = value
    return document


@st.composite
def spoiled_documents(draw: st.DrawFn) -> Any:
    """A real team document with a few values replaced, removed or retyped."""
    document = json.loads(draw(st.sampled_from(base_documents())))
    for _ in range(draw(st.sampled_from([0, 0, 1, 1, 2, 4]))):
        places = _places(document)[1:] or [()]  # the whole document is replaced only when nothing else is left
        place = draw(st.sampled_from(places))
        action = draw(st.sampled_from(["replace", "delete", "retype", "widen"]))
        if action == "delete" and place:
            document = _set(document, place, None, delete=True)
        elif action == "widen" and isinstance(document, dict) and "people" in document:
            count = draw(st.integers(1, 40))
            document["people"] = [*document.get("people", []),
                                  *({"id": f"p{n}", "name": f"Person {n}"} for n in range(count))] \
                if isinstance(document.get("people"), list) else document["people"]
        elif action == "retype":
            document = _set(document, place, draw(st.sampled_from([[], {}, None, True, 0, 1.5, "x"])))
        else:
            document = _set(document, place, draw(json_values))
    return document


@st.composite
def team_file_bytes(draw: st.DrawFn) -> bytes:
    """The bytes of a spoiled team file, after text-level damage and an encoding."""
    text = json.dumps(draw(spoiled_documents()), ensure_ascii=draw(st.booleans()),
                      indent=draw(st.sampled_from([None, 2])))
    for _ in range(draw(st.sampled_from([0, 0, 1, 2]))):
        text = draw(_text_damage(text))
    encoding = draw(st.sampled_from(["utf-8"] * 6 + ["utf-8-sig", "utf-16", "latin-1"]))
    data = text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")
    return _bytes_damage(draw, data) if draw(st.integers(0, 3)) == 0 else data


@st.composite
def _text_damage(draw: st.DrawFn, text: str) -> str:
    numbers = [match.span() for match in re.finditer(r"(?<![\w.])-?\d+(\.\d+)?", text)]
    strings = [match.span() for match in re.finditer(r'"(?:[^"\\]|\\.)*"', text)]
    action = draw(st.sampled_from(["number", "string", "duplicate", "truncate", "nest", "insert"]))
    if action == "number" and numbers:
        start, end = draw(st.sampled_from(numbers))
        return text[:start] + draw(st.sampled_from(ODD_NUMBERS_TEXT)) + text[end:]
    if action == "string" and strings:
        start, end = draw(st.sampled_from(strings))
        return text[:start] + json.dumps(draw(odd_text), ensure_ascii=draw(st.booleans())) + text[end:]
    if action == "duplicate" and strings:
        start, end = draw(st.sampled_from(strings))
        return text[:end] + ": 1, " + text[start:]
    if action == "truncate" and text:
        return text[: draw(st.integers(0, len(text) - 1))]
    if action == "nest":
        depth = draw(st.integers(1, 3000))
        return text[:1] + '"deep": ' + "[" * depth + "]" * depth + ", " + text[1:]
    position = draw(st.integers(0, len(text)))
    return text[:position] + draw(st.sampled_from(["\\ud800", "\x00", "\x1b", "NaN", "}", "{", ",", '"']))\
        + text[position:]


def _bytes_damage(draw: st.DrawFn, data: bytes) -> bytes:
    for _ in range(draw(st.integers(0, 2))):
        if not data:
            break
        action = draw(st.sampled_from(["flip", "cut", "splice"]))
        position = draw(st.integers(0, len(data) - 1))
        if action == "flip":
            data = data[:position] + bytes([data[position] ^ draw(st.integers(1, 255))]) + data[position + 1:]
        elif action == "cut":
            data = data[:position]
        else:
            data = data[:position] + draw(st.binary(max_size=8)) + data[position:]
    return data


# -------------------------------------------------------------------- CSV
_LAYOUTS = [
    "Task,Ana,Ben,Cy\nPlan the work,A,R,C\nShip it,R,A,I\nTest it,,A/R,\n",
    "RACI for launch\n\nActivity;Category;Ana;Ben\nPlan;Setup;a, r;c\nBuild;Work;R;A\n",
    "Phase,Activity,PM,PO,Dev\nDiscovery,Research,R,A,I\n,Interviews,A,R,\nDelivery,Build,I,A,R\n",
    "Legend: R responsible\nStep\tOwner\tHelper\nOne\tA\tR\nTwo\tR/A\t\n",
]


@functools.cache
def base_grids() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Rows of real sheets: this program's CSV exports and layouts other tools use."""
    texts = list(_LAYOUTS)
    for team in (make_small_team(), load_template("scrum-team")):
        buffer = io.BytesIO()
        export_team_to(team, buffer, ".csv")
        texts.append(buffer.getvalue().decode("utf-8-sig"))
    return tuple(tuple(tuple(row) for row in csv.reader(io.StringIO(text), delimiter=_sniff(text))) for text in texts)


def _sniff(text: str) -> str:
    return ";" if ";" in text.splitlines()[2 if text.startswith("RACI") else 0] else "\t" if "\t" in text else ","


def export_team_to(team: Any, buffer: io.BytesIO, suffix: str) -> None:
    from importlib import import_module

    module = import_module({".csv": "raci.formats.csv_format", ".xlsx": "raci.formats.xlsx"}[suffix])
    module.write(team, buffer, Report())


@st.composite
def spoiled_grids(draw: st.DrawFn) -> list[list[str]]:
    rows = [list(row) for row in draw(st.sampled_from(base_grids()))]
    for _ in range(draw(st.integers(0, 5))):
        action = draw(st.sampled_from(["cell", "cell", "row", "drop", "column", "ragged", "repeat"]))
        if not rows:
            rows = [[]]
        row = draw(st.integers(0, len(rows) - 1))
        if action == "cell":
            column = draw(st.integers(0, max(len(rows[row]), 1) + 2))
            rows[row] += [""] * (column + 1 - len(rows[row]))
            rows[row][column] = draw(odd_text)
        elif action == "row":
            rows.insert(row, [draw(odd_text) for _ in range(draw(st.integers(0, 6)))])
        elif action == "drop":
            del rows[row]
        elif action == "column":
            for line in rows:
                line.append(draw(st.sampled_from(["R", "A", "", "x", "=1"])))
        elif action == "ragged":
            rows[row] = rows[row][: draw(st.integers(0, len(rows[row])))]
        else:
            rows += [list(rows[row])] * draw(st.integers(1, 50))
    return rows


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    rows = draw(spoiled_grids())
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=draw(st.sampled_from([",", ";", "\t", "|"])),
                        quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
                        lineterminator=draw(st.sampled_from(["\n", "\r\n", "\r"])))
    for row in rows:
        writer.writerow([cell.replace("\x00", "") if draw(st.booleans()) else cell for cell in row])
    encoding = draw(st.sampled_from(["utf-8"] * 4 + ["utf-8-sig", "cp1252", "utf-16"]))
    data = buffer.getvalue().encode(encoding, "surrogatepass" if "utf" in encoding else "replace")
    return _bytes_damage(draw, data) if draw(st.integers(0, 3)) == 0 else data


# ------------------------------------------------------------------- xlsx
@functools.cache
def base_workbooks() -> tuple[bytes, ...]:
    """Real workbooks: this program's exports (which an import reads back whole) and a plain sheet."""
    books = []
    for team in (make_small_team(), load_template("startup")):
        buffer = io.BytesIO()
        export_team_to(team, buffer, ".xlsx")
        books.append(buffer.getvalue())
    for grid in base_grids()[:4]:
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = book.add_worksheet("Matrix")
        for number, row in enumerate(grid):
            for column, value in enumerate(row):
                if value:
                    sheet.write_string(number, column, value)
        book.close()
        books.append(buffer.getvalue())
    return tuple(books)


_REFERENCES = ["XFD1", "XFD1048576", "A1048576", "AMJ1", "AMK2", "A0", "0A", "ZZZZ9", "", "a1", "B-1", "A999999999999"]


@st.composite
def _xml_damage(draw: st.DrawFn, text: str) -> str:
    action = draw(st.sampled_from(["value", "reference", "drop", "repeat", "type", "entity", "cut", "row"]))
    if action == "value":
        spans = [m.span(1) for m in re.finditer(r"<(?:v|t|f)(?: [^>]*)?>([^<]*)<", text)]
        if spans:
            start, end = draw(st.sampled_from(spans))
            value = draw(odd_text | st.sampled_from(ODD_NUMBERS_TEXT))
            if draw(st.booleans()):
                value = value.replace("&", "&amp;").replace("<", "&lt;")
            return text[:start] + value + text[end:]
    if action == "reference":
        spans = [m.span(1) for m in re.finditer(r' r="([^"]*)"', text)]
        if spans:
            start, end = draw(st.sampled_from(spans))
            return text[:start] + draw(st.sampled_from(_REFERENCES)) + text[end:]
    if action in ("drop", "repeat"):
        spans = [m.span() for m in re.finditer(r"<(c|row|si|sheet|definedName)\b[^>]*?(?:/>|>.*?</\1>)", text, re.S)]
        if spans:
            start, end = draw(st.sampled_from(spans))
            piece = text[start:end]
            return text[:start] + (piece * draw(st.integers(2, 30)) if action == "repeat" else "") + text[end:]
    if action == "type":
        spans = [m.span(1) for m in re.finditer(r' t="([^"]*)"', text)]
        if spans:
            start, end = draw(st.sampled_from(spans))
            return text[:start] + draw(st.sampled_from(["s", "n", "b", "e", "str", "inlineStr", "d", "x"])) + text[end:]
    if action == "entity":
        return re.sub(r"^(<\?xml[^>]*\?>)?", lambda m: (m.group(0) or "") + '<!DOCTYPE x [<!ENTITY e "eeeeeeee">]>',
                      text, count=1)
    if action == "row":
        return text.replace("</sheetData>", f'<row r="{draw(st.integers(0, 2_000_000))}"><c r="'
                            f'{draw(st.sampled_from(_REFERENCES))}"><v>1</v></c></row></sheetData>')
    if text:
        return text[: draw(st.integers(0, len(text) - 1))]
    return text


@st.composite
def xlsx_bytes(draw: st.DrawFn) -> bytes:
    """A real workbook with a few of its parts damaged, and perhaps its zip structure too."""
    source = zipfile.ZipFile(io.BytesIO(draw(st.sampled_from(base_workbooks()))))
    parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(parts)))
        action = draw(st.sampled_from(["xml", "xml", "xml", "drop", "junk"]))
        if action == "drop":
            del parts[name]
        elif action == "junk":
            parts[f"xl/{draw(st.sampled_from(['extra.xml', 'worksheets/sheet99.xml']))}"] = draw(st.binary(max_size=40))
        else:
            text = parts[name].decode("utf-8", "replace")
            parts[name] = draw(_xml_damage(text)).encode("utf-8", "surrogatepass")
        if not parts:
            break
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]))) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    data = buffer.getvalue()
    if draw(st.integers(0, 4)) == 0:  # the zip's own records
        signature = draw(st.sampled_from([b"PK\x01\x02", b"PK\x03\x04", b"PK\x05\x06"]))
        start = data.find(signature)
        if start >= 0:
            offset = draw(st.integers(4, 20))
            data = data[:start + offset] + bytes([draw(st.integers(0, 255))]) + data[start + offset + 1:]
    return _bytes_damage(draw, data) if draw(st.integers(0, 3)) == 0 else data


# --------------------------------------------------------------- recovery
@st.composite
def recovery_meta_bytes(draw: st.DrawFn) -> bytes:
    """A recovery meta file: the real shape with odd values, or anything at all."""
    if draw(st.booleans()):
        meta = {"format": "raci-recovery", "original_path": draw(json_values | st.sampled_from(
                    ["/tmp", "/etc/passwd", "relative.raci.json", "/nowhere/team.raci.json"])),
                "pid": draw(json_values | st.integers(-5, 2**40)), "started": draw(json_values),
                "saved_at": draw(json_values | st.just("2024-05-01T14:03:00")), "team_name": draw(json_values)}
        text = json.dumps(meta, allow_nan=True)
        return _bytes_damage(draw, text.encode("utf-8", "surrogatepass"))
    return draw(st.binary(max_size=64))
