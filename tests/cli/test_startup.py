"""The command line starts without waiting for what only some commands need."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent

# Libraries and modules that cost tenths of a second to import and that the argument parser never needs.
HEAVY = ("openpyxl", "sqlite_utils", "icalendar", "python_calamine", "cn2an", "PySide6", "docx", "pypdf", "lxml",
         "db", "desktop.ui", "desktop.core.extraction", "desktop.core.xlsx_export",
         "desktop.core.ledger_import.foreign")


def test_argument_parser_imports_nothing_heavy() -> None:
    script = ("import sys; from desktop.__main__ import build_parser; build_parser();"
              f" print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.strip() == "[]"


def test_help_still_names_every_command_and_the_import_limits() -> None:
    done = subprocess.run([sys.executable, "-m", "desktop", "import-ledger", "--help"], capture_output=True,
                          text=True, cwd=REPO, check=True)
    assert "200 000 rows" in done.stdout.replace("\n", " ") or "200000" in done.stdout
