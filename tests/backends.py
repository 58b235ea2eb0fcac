"""Looking into a ledger the same way on both backends (what a test compares before and after)."""

from __future__ import annotations

from pathlib import Path

from db import Store


def dump(store: Store) -> list[tuple[str, list[tuple]]]:
    """Every row of every table, each table's rows in id order: equal dumps mean an unchanged ledger."""
    return [(table, [tuple(row) for row in store.conn.execute(f"SELECT * FROM {table} ORDER BY 1")])
            for table in store.dialect.table_names(store.conn)]


def dump_of(location: Path | str) -> list[tuple[str, list[tuple]]]:
    with Store.open(location, create=False) as store:
        return dump(store)


def temporary_tables(store: Store) -> list[str]:
    return store.dialect.table_names(store.conn, temporary=True)
