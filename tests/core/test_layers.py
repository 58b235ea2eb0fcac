"""The core and the store never import Qt or the UI; commands never import Qt, and the UI only where a command
needs Qt's page layout (a dossier's PDF), inside the function that writes it, never when the parser is built."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FORBIDDEN_BELOW_UI = ("PySide6", "desktop.ui", "shiboken6")


def _imports(path: Path, *, top_level_only: bool = False) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    nodes = [node for statement in tree.body for node in ast.walk(statement)
             if not isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)] \
        if top_level_only else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def _modules(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (REPO / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _modules("desktop/core", "db"), ids=lambda p: str(p.relative_to(REPO)))
def test_layers_no_qt_below_ui(path: Path) -> None:
    bad = [name for name in _imports(path) if name.startswith(FORBIDDEN_BELOW_UI)]
    assert not bad, f"{path} imports {bad}"


@pytest.mark.parametrize("path", _modules("desktop/cli"), ids=lambda p: str(p.relative_to(REPO)))
def test_layers_commands_import_no_qt_at_parser_time(path: Path) -> None:
    never = [name for name in _imports(path) if name.startswith(("PySide6", "shiboken6"))]
    assert not never, f"{path} imports {never}"
    top = [name for name in _imports(path, top_level_only=True) if name.startswith(FORBIDDEN_BELOW_UI)]
    assert not top, f"{path} imports {top} when it is loaded"


def test_layers_building_the_parser_loads_no_qt() -> None:
    code = ("import sys; from desktop.__main__ import build_parser; build_parser(); "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'desktop.ui'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("path", _modules("desktop/core"), ids=lambda p: str(p.relative_to(REPO)))
def test_layers_core_does_not_speak_sql(path: Path) -> None:
    bad = [name for name in _imports(path) if name.split(".")[0] in ("sqlite3", "sqlite_utils", "db")]
    assert not bad, f"{path} imports {bad}"
