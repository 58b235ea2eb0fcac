"""Opening SQLite files the one way Reply Ledger does, and migrating them with numbered SQL files."""

from __future__ import annotations

import logging
import re
import sqlite3
from pathlib import Path

from desktop.core.errors import LedgerError

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# NNNN_name.sql runs on both backends; NNNN_name.postgres.sql replaces it on PostgreSQL where the dialects differ.
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+?(?:\.(postgres))?\.sql$")
BUSY_TIMEOUT_MS = 10_000


def migrations(backend: str = "sqlite") -> list[tuple[int, Path]]:
    """The numbered migration files of a backend (``sqlite`` or ``postgres``), in order; numbers must run 1, 2,
    3... without gaps, and a PostgreSQL file needs the shared file of its number."""
    shared: dict[int, Path] = {}
    own: dict[int, Path] = {}
    for path in MIGRATIONS_DIR.iterdir():
        if m := _MIGRATION_NAME.match(path.name):
            if m.group(2) is None:
                shared[int(m.group(1))] = path
            elif m.group(2) == backend:
                own[int(m.group(1))] = path
    if set(own) - set(shared):
        raise RuntimeError(f"{backend} migrations without a shared file: {sorted(set(own) - set(shared))}")
    found = sorted({**shared, **own}.items())
    numbers = [number for number, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migration numbers are not 1..n: {numbers}")
    return found


SCHEMA_VERSION = len(migrations())


def connect(path: str | Path) -> sqlite3.Connection:
    """Open a database file with WAL, foreign keys, a busy timeout and explicit transactions.

    Raises:
        LedgerError: when the file is not a SQLite database or cannot be opened.
    """
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise LedgerError(f"The folder of the database '{path}' does not exist; create it or choose another file.",
                          code="db_folder_missing", path=str(path))
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        # FULL keeps the last commit through a power cut, which WAL with NORMAL does not promise.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA user_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise LedgerError(f"'{path}' is not a Reply Ledger database ({error}); choose another file.",
                          code="db_unreadable", path=str(path)) from error
    if mode.lower() != "wal" and str(path) != ":memory:":
        logger.warning("journal mode of %s is %s, not WAL", path, mode)
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def backup_file(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy a live database with SQLite's online backup API (a raw copy could miss pages still in the WAL)."""
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def migrate(conn: sqlite3.Connection, path: str | Path | None = None) -> int:
    """Bring the database to the newest schema, one migration per transaction.

    A database that already holds data is first backed up beside itself as ``<name>.v<old version>.bak``.

    Returns:
        The schema version after migrating.

    Raises:
        LedgerError: when the database comes from a newer version of Reply Ledger.
    """
    current = schema_version(conn)
    steps = migrations()
    if current > len(steps):
        raise LedgerError(
            f"The database '{path}' was written by a newer Reply Ledger (schema {current}, this version reads "
            f"up to {len(steps)}); update the application.",
            code="db_too_new", path=str(path), version=current, supported=len(steps),
        )
    pending = [(number, file) for number, file in steps if number > current]
    if not pending:
        return current
    if current > 0 and path is not None and str(path) != ":memory:":
        target = Path(path).with_name(f"{Path(path).name}.v{current}.bak")
        backup_file(conn, target)
        logger.info("backed up %s to %s before migrating", path, target)
    for number, file in pending:
        script = file.read_text(encoding="utf-8")
        try:
            # executescript() commits first and runs statements as they are; the BEGIN makes it one transaction.
            conn.executescript(f"BEGIN IMMEDIATE;\n{script}\n;PRAGMA user_version = {number};\nCOMMIT;")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        logger.info("migrated %s to schema %d (%s)", path, number, file.name)
    return schema_version(conn)
