"""Looking at ledgers from tests without changing them (a hash of the whole dump, a file's bytes), and changing them
behind the app's back as someone with the sqlite3 shell or psql would."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from pathlib import Path

from db.backends import is_server_url


def dump_hash(path: Path | str) -> str:
    """SHA-256 of the SQL dump of the database (every table, row and schema object), read without writing; of
    every row of every table for a server ledger."""
    if is_server_url(str(path)):
        from tests.backends import dump_of

        return hashlib.sha256(repr(dump_of(path)).encode("utf-8")).hexdigest()
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode("utf-8")).hexdigest()


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tamper(path: Path | str, *statements: str) -> None:
    """Change the ledger behind the app's back, as someone with the sqlite3 shell (or psql) would."""
    if is_server_url(str(path)):
        import psycopg

        with psycopg.connect(str(path)) as conn:
            for statement in statements:
                conn.execute(statement)  # type: ignore[arg-type]
        return
    with contextlib.closing(sqlite3.connect(path)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
