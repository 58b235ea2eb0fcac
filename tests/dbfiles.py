"""Looking at database files from tests without changing them: a hash of the whole dump, the file's bytes."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from pathlib import Path


def dump_hash(path: Path) -> str:
    """SHA-256 of the SQL dump of the database (every table, row and schema object), read without writing."""
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode("utf-8")).hexdigest()


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tamper(path: Path, *statements: str) -> None:
    """Change the file behind the app's back, as someone with the sqlite3 shell would."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
