"""Looking into a ledger the same way on both backends (what a test compares before and after, or across them)."""

from __future__ import annotations

from pathlib import Path

from db import Store

# Kept by each backend for itself: the search index (rebuilt from the records) and the server's schema version.
_OWN_TABLES = {"search_index", "ledger_schema"}


def dump(store: Store) -> list[tuple[str, list[tuple]]]:
    """Every row of every table, each table's rows in id order, columns by name (a server's stand-in for SQLite's
    hidden rowid left out): equal dumps mean the same ledger, on one backend or across the two."""
    tables = []
    for table in store.dialect.table_names(store.conn):
        if table in _OWN_TABLES:
            continue
        rows = [tuple(sorted((key, value) for key, value in dict(row).items() if key != "rowid"))
                for row in store.conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
        tables.append((table, rows))
    return tables


def dump_of(location: Path | str) -> list[tuple[str, list[tuple]]]:
    with Store.open(location, create=False) as store:
        return dump(store)


def temporary_tables(store: Store) -> list[str]:
    return store.dialect.table_names(store.conn, temporary=True)
