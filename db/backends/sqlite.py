"""SQLite: the embedded ledger of one desk. A file in WAL mode; ``BEGIN IMMEDIATE`` makes writers take turns.

Dialect: ``?`` placeholders, ``lastrowid``, ``instr()``, ``printf()``, ``json_each()``, PRAGMAs, and search through
an FTS5 trigram index (``search_index MATCH``), with ``instr()`` for terms shorter than a trigram.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from db.backends.base import Dialect, Location
from desktop.core.errors import LedgerError


def friendly_integrity_error(error: BaseException, table: str, label: str) -> LedgerError:
    """Turn SQLite's constraint message into one sentence that names the record and the field."""
    text = str(error)
    if text.startswith("UNIQUE constraint failed"):
        columns = [c.split(".")[-1] for c in text.split(":", 1)[1].split(",")]
        return LedgerError(f"A {label} with the same {', '.join(c.strip() for c in columns)} already exists; "
                           "open the existing one instead of adding it again.", code="duplicate", table=table,
                           fields=columns)
    if text.startswith("FOREIGN KEY constraint failed"):
        return LedgerError(f"The {label} refers to a record that does not exist, or other records still refer to "
                           "it; check the linked records.", code="broken_link", table=table)
    if text.startswith("NOT NULL constraint failed"):
        column = text.split(":", 1)[1].strip().split(".")[-1]
        return LedgerError(f"The {label} needs a value for '{column}'; fill it in.", code="required", table=table,
                           field=column)
    if text.startswith("CHECK constraint failed"):
        rule = text.split(":", 1)[1].strip()
        columns = re.findall(r"[a-z_]+", rule)
        column = next((c for c in columns if c not in {"is", "null", "or", "and", "in", "not", "date", "trim",
                                                        "coalesce", "json_valid", "length", "between"}), rule)
        return LedgerError(f"The {label}'s field '{column}' has a value the ledger does not accept ({rule}); "
                           "correct it.", code="check_failed", table=table, field=column, rule=rule)
    return LedgerError(f"The {label} could not be saved: {text}.", code="integrity", table=table)


class SqliteDialect(Dialect):
    name = "sqlite"
    integrity_errors = (sqlite3.IntegrityError,)
    database_errors = (sqlite3.Error,)

    def begin_write(self, conn: sqlite3.Connection, location: Location,
                    on_busy: Callable[[], None] | None = None) -> None:
        from db.connection import begin_write

        # IMMEDIATE takes the write lock up front, so a busy database waits instead of failing half-way.
        begin_write(conn, location.path, on_busy)

    def begin_read(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN")

    def tuples(self, conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> Any:
        cursor = conn.cursor()
        cursor.row_factory = None
        return cursor.execute(sql, tuple(params))

    def first_column(self, conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> list[Any]:
        cursor = conn.cursor()
        cursor.row_factory = None
        return [row[0] for row in cursor.execute(sql, params)]

    def insert_returning_id(self, conn: sqlite3.Connection, sql: str, params: tuple) -> int:
        row_id = conn.execute(sql, params).lastrowid
        assert row_id is not None
        return row_id

    def contains(self, haystack: str, needle: str = "?") -> str:
        return f"instr({haystack}, {needle}) > 0"

    def zero_padded(self, expression: str, width: int) -> str:
        return f"printf('%0{int(width)}d', {expression})"

    def json_array_has(self, column: str, value: str = "?") -> str:
        return f"EXISTS (SELECT 1 FROM json_each({column}) WHERE value = {value})"

    def json_ids(self) -> str:
        return "SELECT value FROM json_each(?)"

    def json_texts(self) -> str:
        return "SELECT value FROM json_each(?)"

    def search_clause(self, conn: sqlite3.Connection, terms: Sequence[str]) -> tuple[str, list[Any]]:
        # The FTS5 trigram index for every term, the short ones through its vocabulary (db/search.py).
        from db.search import match_clause

        return match_clause(conn, terms)

    def search_order(self, clause: str) -> str:
        return "rank" if "MATCH" in clause else "rowid"

    def search_rebuild_sql(self, entry: str, body: str, source: str) -> str:
        # Two spaces at the end, as schema 6's triggers write them (db/migrations/0006_fast_lists.sql).
        return f"INSERT INTO search_index (rowid, body) SELECT {entry}, {body} || '  ' FROM {source}"

    def integrity_error(self, error: BaseException, table: str, label: str) -> LedgerError:
        return friendly_integrity_error(error, table, label)

    def explain_error(self, error: BaseException, location: Location) -> LedgerError | None:
        from db.connection import explain_sqlite_error

        return explain_sqlite_error(error, location.path)

    def integrity_findings(self, conn: sqlite3.Connection) -> list[tuple[str, str, str | None, int | None]]:
        return [("integrity", f"SQLite integrity check: {message}", None, None)
                for (message,) in conn.execute("PRAGMA integrity_check") if message != "ok"]

    def link_findings(self, conn: sqlite3.Connection) -> list[tuple[str, str, str | None, int | None]]:
        return [("foreign_key", f"{table} #{rowid} refers to a missing {parent} record.", table, rowid)
                for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")]

    def column_defaults(self, conn: sqlite3.Connection, table: str) -> dict[str, str | None]:
        return {column[1]: column[4] for column in conn.execute(f'PRAGMA table_info("{table}")')}

    def schema_version(self, conn: sqlite3.Connection) -> int:
        return conn.execute("PRAGMA user_version").fetchone()[0]

    def table_parents(self, conn: sqlite3.Connection) -> dict[str, set[str]]:
        return {table: {row[2] for row in conn.execute(f"PRAGMA foreign_key_list({table})")}
                for table in self.table_names(conn)}

    def table_names(self, conn: sqlite3.Connection, *, temporary: bool = False) -> list[str]:
        # Virtual tables (the FTS5 search index and its vocabulary) and their shadow tables are left out.
        catalogue = "temp.sqlite_master" if temporary else "sqlite_master"
        rows = conn.execute(f"SELECT name, sql FROM {catalogue} WHERE type = 'table' ORDER BY name").fetchall()
        virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
        return [name for name, _ in rows if not name.startswith("sqlite_") and name not in virtual
                and not any(name.startswith(f"{table}_") for table in virtual)]


SQLITE = SqliteDialect()


# ---------------------------------------------------------------------------------------------- network file systems
# SQLite's locks are unreliable over these and WAL does not work at all: two desks can corrupt the ledger.
NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "sshfs", "afs", "9p", "ncpfs", "fuse.smbnetfs", "davfs",
    "fuse.davfs2", "ceph", "fuse.ceph", "glusterfs", "fuse.glusterfs", "lustre", "gfs2", "ocfs2", "fuse.rclone",
})
# POSIX systems list their mounts here (Linux does; elsewhere the read fails and the ledger counts as local);
# Windows asks the drive instead.
MOUNTS_FILE: Path | None = Path("/proc/self/mounts") if os.name == "posix" else None


def filesystem_of(path: Path, mounts: str) -> str | None:
    """The type of the file system holding ``path``, from a mounts table (``/proc/self/mounts``)."""
    resolved = str(path.resolve())
    best, kind = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[1])
        inside = resolved == point or resolved.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind


def network_filesystem(path: Path) -> str | None:
    """The network file system (NFS, SMB/CIFS…) the ledger file is on, or None for a local disk."""
    if os.name == "nt":
        text = str(path.resolve())
        if text.startswith("\\\\"):
            return "smb"
        import ctypes

        drive_remote = 4
        root = os.path.splitdrive(text)[0] + "\\"
        return "network drive" if ctypes.windll.kernel32.GetDriveTypeW(root) == drive_remote else None
    if MOUNTS_FILE is None:
        return None
    try:
        kind = filesystem_of(path.parent if not path.exists() else path, MOUNTS_FILE.read_text(encoding="utf-8"))
    except OSError:
        return None
    return kind if kind in NETWORK_FILESYSTEMS else None
