"""The one place that knows where files live: data folder, default database, log file, bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from desktop import APP_NAME

DATA_DIR_ENV = "REPLY_LEDGER_DATA_DIR"


def data_dir() -> Path:
    """The user's data folder; ``REPLY_LEDGER_DATA_DIR`` moves it (tests point it at a temporary folder)."""
    override = os.environ.get(DATA_DIR_ENV)
    folder = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_db_path() -> Path:
    return data_dir() / "ledger.sqlite3"


def log_path() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "reply-ledger.log"


def drafts_dir() -> Path:
    folder = data_dir() / "drafts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def temp_root() -> Path:
    """Where each run keeps its temporary files (removed at its end, or at the next start after a kill)."""
    return data_dir() / "tmp"


def backups_dir() -> Path:
    """The automatic backups, one folder per ledger file."""
    return data_dir() / "backups"


def ui_settings_path() -> Path:
    """The window's own settings (layout, last database), kept in the data folder so tests stay isolated."""
    return data_dir() / "window.ini"


def resources_dir() -> Path:
    """Bundled resources: beside the frozen executable, or the repository's ``resources/`` folder."""
    # PyInstaller's bootloader sets _MEIPASS to the bundle's data folder (see build_spec/reply_ledger.spec).
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def demo_dir() -> Path:
    return resources_dir() / "demo"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def translation_path(language: str) -> Path:
    """Our compiled translation for ``language`` (e.g. zh_CN); built from the .ts file, not kept in git."""
    return translations_dir() / f"reply_ledger_{language}.qm"


def icon_path() -> Path:
    return resources_dir() / "icons" / "reply-ledger.svg"
