from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from db import FileLocation, ServerLocation
from desktop import paths
from desktop.ui.app import _resolve_db


def test_the_last_ledger_is_opened_again(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    assert _resolve_db(None, settings) == FileLocation(paths.default_db_path())
    last = tmp_path / "office.sqlite3"
    settings.setValue("lastDatabase", str(last))
    assert _resolve_db(None, settings) == FileLocation(paths.default_db_path())  # it must still exist
    last.write_bytes(b"")
    assert _resolve_db(None, settings) == FileLocation(last)
    asked = tmp_path / "other.sqlite3"
    assert _resolve_db(asked, settings) == FileLocation(asked)


def test_the_last_server_ledger_is_opened_again(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    settings.setValue("lastDatabase", "postgresql://wang@ledger.office.local/replies")
    assert _resolve_db(None, settings) == ServerLocation("postgresql://wang@ledger.office.local/replies")
