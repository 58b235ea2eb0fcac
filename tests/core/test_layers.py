"""The core and the store never import Qt or the UI; commands never import the UI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FORBIDDEN_BELOW_UI = ("PySide6", "desktop.ui", "shiboken6")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def _modules(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (REPO / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _modules("desktop/core", "db", "desktop/cli"), ids=lambda p: str(p.relative_to(REPO)))
def test_layers_no_qt_below_ui(path: Path) -> None:
    bad = [name for name in _imports(path) if name.startswith(FORBIDDEN_BELOW_UI)]
    assert not bad, f"{path} imports {bad}"


@pytest.mark.parametrize("path", _modules("desktop/core"), ids=lambda p: str(p.relative_to(REPO)))
def test_layers_core_does_not_speak_sql(path: Path) -> None:
    bad = [name for name in _imports(path) if name.split(".")[0] in ("sqlite3", "sqlite_utils", "db")]
    assert not bad, f"{path} imports {bad}"
