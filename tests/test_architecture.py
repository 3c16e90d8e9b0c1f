"""The core knows no screen, and start-up does not pay for pandas or the workbook libraries.

"The core" is every module of ``raci`` outside ``raci.ui``, found by walking
the package, so a module added tomorrow is covered without being listed.
The command line (``raci.cli``) is the one core module that may name the
window: it starts it.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "raci"
# The faces that have Qt: the window's package, and the command line that starts it by name.
FACES = ("ui", "cli.py", "__main__.py")

# Imports every module of raci outside raci.ui (raci.__main__ would run the program), then lists sys.modules.
_WALK = """
import importlib, pkgutil, sys
import raci

def walk(path, prefix):
    for info in pkgutil.iter_modules(path, prefix):
        if info.name in ("raci.ui", "raci.__main__"):
            continue
        module = importlib.import_module(info.name)
        yield info.name
        if info.ispkg:
            yield from walk(module.__path__, info.name + ".")

print("\\n".join(walk(raci.__path__, "raci.")))
print("--")
print("\\n".join(sorted(sys.modules)))
"""


def _loaded_after(statement: str) -> set[str]:
    code = f"{statement}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    return set(result.stdout.split())


def _core_files() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py")
                  if path.relative_to(PACKAGE).parts[0] not in FACES)


def test_every_core_module_imports_without_qt() -> None:
    result = subprocess.run([sys.executable, "-c", _WALK], capture_output=True, text=True, check=True, timeout=120)
    walked, loaded = (part.split() for part in result.stdout.split("--\n"))
    files = [path.relative_to(PACKAGE.parent).with_suffix("").parts for path in PACKAGE.rglob("*.py")]
    modules = {".".join(parts[:-1] if parts[-1] == "__init__" else parts) for parts in files}
    assert set(walked) == {name for name in modules if name != "raci" and name.split(".")[1] not in ("ui", "__main__")}
    assert [name for name in loaded if name.split(".")[0] == "PySide6" or name.startswith("raci.ui")] == []


def test_no_core_module_names_qt_or_the_window_to_load_it_at_run_time() -> None:
    """A name in a string (``importlib.import_module("raci.ui.pdf")``) is an import no contract sees."""
    naming = []
    for path in _core_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                      and node.body and isinstance(node.body[0], ast.Expr)}
        naming += [f"{path.relative_to(PACKAGE)}:{node.lineno}" for node in ast.walk(tree)
                   if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                   and ("PySide6" in node.value or "raci.ui" in node.value)]
    assert naming == []


def test_the_core_exporting_a_pdf_without_the_window_says_so_in_one_sentence(tmp_path: Path) -> None:
    code = ("import sys\nfrom raci.errors import ExportError\nfrom raci.formats import export_team\n"
            "from raci.model import Team\n"
            f"try:\n    export_team(Team(name='T'), {str(tmp_path / 'team.pdf')!r})\n"
            "except ExportError as error:\n    print(error)\n"
            "print(any(name.startswith('PySide6') for name in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.splitlines() == [
        "Cannot export to team.pdf: the PDF export is drawn by the window, which is not loaded here; "
        "export from the window or with 'raci export'.",
        "False",
    ]
    assert not (tmp_path / "team.pdf").exists()


def test_the_window_and_the_command_line_register_the_pdf_writer(tmp_path: Path) -> None:
    code = ("import raci.formats as f\nbefore = '.pdf' in f.EXPORT_SUFFIXES\nimport raci.ui\n"
            "after_window = f.EXPORT_SUFFIXES.pop('.pdf')\n"
            "from raci.cli import main\nmain(['check', 'no-such-file'])\n")
    result = subprocess.run([sys.executable, "-c", code + "print(before, after_window, f.EXPORT_SUFFIXES['.pdf'])"],
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines()[-1] == "False raci.ui.pdf raci.ui.pdf"


def test_neither_the_core_nor_the_commands_import_pandas_or_the_workbook_libraries_at_start() -> None:
    loaded = _loaded_after("import raci.cli as c; c.discover_commands()")
    assert not loaded & {"pandas", "openpyxl", "xlsxwriter"}


def _lint_imports() -> str:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint is None:
        pytest.skip("import-linter is not installed in this environment (make test installs it)")
    return lint


def test_the_import_contracts_hold() -> None:
    result = subprocess.run([_lint_imports(), "--no-cache"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("module", "source", "broken"), [
    ("formats/brand_new.py", "import PySide6.QtGui\n", "raci.formats.brand_new -> PySide6"),
    ("brand_new.py", "from raci.ui import palette\n", "raci.brand_new -> raci.ui.palette"),
])
def test_the_contracts_catch_a_new_core_module_that_reaches_for_qt(
        tmp_path: Path, module: str, source: str, broken: str) -> None:
    shutil.copytree(PACKAGE, tmp_path / "src" / "raci", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "src" / "raci" / module).write_text(source, encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(tmp_path / "src")}
    result = subprocess.run([_lint_imports(), "--no-cache"], capture_output=True, text=True, cwd=tmp_path,
                            env=environment, timeout=120)
    assert result.returncode == 1
    assert broken in result.stdout


def test_every_memo_cache_of_the_mutated_core_is_emptied_before_each_test() -> None:
    """A cache the tests leave warm hides a change to the code that fills it (tests/conftest.py)."""
    from tests.conftest import _MEMO_CACHES

    mutated = [PACKAGE / "model.py", PACKAGE / "teamfile.py", *(PACKAGE / "rules").glob("*.py"),
               *(PACKAGE / "formats").glob("sheet_*.py"), *(PACKAGE / "formats" / "sheet_detect").glob("*.py")]
    found = set()
    for path in mutated:
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and any(
                "cache" in ast.unparse(decorator) for decorator in node.decorator_list
            ):
                found.add((module, node.name))
            elif isinstance(node, ast.AnnAssign | ast.Assign) and ast.unparse(node.value or ast.Constant()) == "{}":
                targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
                found.update((module, target.id) for target in targets if isinstance(target, ast.Name))
    assert found == set(_MEMO_CACHES)
