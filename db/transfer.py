"""Moving a whole ledger between backends: a desk's SQLite file up to the office server, and back down.

Every row of every table is copied with its id, and the history row for row, so the hash chain arrives intact
(the search index is rebuilt by the target's own triggers). It is all or nothing: a file is written under a
temporary name and renamed only when complete and checked; a server database is filled in one transaction that
is committed only when the copy is checked. The check, before anything is kept: the same number of rows in every
table, the history chain intact and ending at the source's head, and no broken links.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
from collections.abc import Callable
from pathlib import Path

from db.backends import FileLocation, Location, ServerLocation, parse_location
from db.store import Store
from db.verify import DERIVED_TABLES
from desktop.core.errors import Cancelled, LedgerError

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]

_BATCH = 2000
# Tables that are not copied: the search index and the derived tables are rebuilt by the target's triggers, the
# schema version is the target's own.
_NOT_COPIED = {"search_index", "ledger_schema", *DERIVED_TABLES}
# SQLite keeps these tables' row numbers in its hidden rowid; the history names their rows by it.
_IMPLICIT_ROWID = {"settings"}


@dataclasses.dataclass(frozen=True)
class TransferReport:
    """What was copied: rows by table, and the history chain's length and head."""

    source: str
    target: str
    rows: dict[str, int]
    history_rows: int
    head: str

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def copy_ledger(source: str | Path | Location, target: str | Path | Location, *, progress: Progress | None = None,
                is_cancelled: IsCancelled | None = None, source_store: Store | None = None) -> TransferReport:
    """Copy the ledger at ``source`` into ``target``: a new file, or an empty server database.

    Raises:
        LedgerError: the target file exists, the target database is not empty, the two are the same ledger, the
            schemas differ, or the copy fails its check (nothing is kept then).
        Cancelled: nothing is kept.
    """
    source, target = parse_location(source), parse_location(target)
    if source.key == target.key:
        raise LedgerError(f"'{source}' and '{target}' are the same ledger; name another one to copy to.",
                          code="transfer_same", source=str(source), target=str(target))
    with contextlib.ExitStack() as stack:
        if source_store is None:
            source_store = stack.enter_context(Store.open(source, create=False))
        if isinstance(target, FileLocation):
            return _copy_to_file(source_store, target, progress, is_cancelled)
        return _copy_to_server(source_store, target, progress, is_cancelled)


def _copy_to_file(source: Store, target: FileLocation, progress: Progress | None,
                  is_cancelled: IsCancelled | None) -> TransferReport:
    path = target.path
    if path.exists():
        raise LedgerError(f"The file '{path}' already exists; choose a new file to copy the ledger to.",
                          code="file_exists", path=str(path))
    if not path.parent.is_dir():
        raise LedgerError(f"The folder of '{path}' does not exist; create it or choose another file.",
                          code="folder_missing", path=str(path))
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with Store.open(partial, actor=source.actor) as copy:
            report = _copy(source, copy, progress, is_cancelled)
        os.replace(partial, path)
    finally:
        for leftover in (partial, partial.with_name(partial.name + "-wal"), partial.with_name(partial.name + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return dataclasses.replace(report, target=str(path))


def _copy_to_server(source: Store, target: ServerLocation, progress: Progress | None,
                    is_cancelled: IsCancelled | None) -> TransferReport:
    with Store.open(target) as copy:
        if copy.read_only:
            raise LedgerError(f"The user {copy.actor} may not write to '{target}'; copy the ledger in as the "
                              "database's owner.", code="server_access_denied", url=str(target), user=copy.actor)
        report = _copy(source, copy, progress, is_cancelled)
        # Statistics for the planner and a visibility map for index-only reads, at once rather than when the
        # server's autovacuum comes round to the new tables.
        copy.conn.execute("VACUUM ANALYZE")
        return report


def _copy(source: Store, target: Store, progress: Progress | None, is_cancelled: IsCancelled | None
          ) -> TransferReport:
    if source.schema_version != target.schema_version:
        raise LedgerError(f"'{source.location}' has schema {source.schema_version} and '{target.location}' "
                          f"{target.schema_version}; open both with this version of Reply Ledger first.",
                          code="transfer_schema", source=str(source.location), target=str(target.location))
    tables = _tables_in_order(source)
    began = not source.conn.in_transaction
    if began:
        source.dialect.begin_read(source.conn)  # one consistent moment of a ledger others may be writing
    try:
        totals = {table: source.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}
        with target.transaction():
            occupied = [table for table in tables
                        if target.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]]
            if occupied:
                raise LedgerError(f"'{target.location}' already holds a ledger (its {occupied[0]} are not empty); "
                                  "copy into a new, empty database.", code="transfer_target_not_empty",
                                  target=str(target.location), table=occupied[0])
            done = 0
            grand_total = sum(totals.values())
            for table in tables:
                done = _copy_table(source, target, table, done, grand_total, progress, is_cancelled)
            _restart_ids(target, tables)
            report = _check(source, target, tables, totals)
    finally:
        if began and source.conn.in_transaction:
            source.conn.execute("COMMIT")
    logger.info("copied %s to %s: %d rows, history of %d", source.location, target.location, report.total,
                report.history_rows)
    return report


def _columns(store: Store, table: str) -> list[str]:
    cursor = store.conn.execute(f"SELECT * FROM {table} LIMIT 0")
    names = [column[0] for column in cursor.description]
    if table in _IMPLICIT_ROWID and "rowid" not in names:
        names.insert(0, "rowid")
    return names


def _copy_table(source: Store, target: Store, table: str, done: int, total: int, progress: Progress | None,
                is_cancelled: IsCancelled | None) -> int:
    wanted = set(_columns(target, table))
    columns = [name for name in _columns(source, table) if name in wanted]
    listed = ", ".join(columns)
    insert = f"INSERT INTO {table} ({listed}) VALUES ({', '.join('?' for _ in columns)})"
    order = "rowid" if table in _IMPLICIT_ROWID else "id"
    cursor = source.conn.execute(f"SELECT {listed} FROM {table} ORDER BY {order}")
    while rows := cursor.fetchmany(_BATCH):
        if is_cancelled and is_cancelled():
            raise Cancelled()
        try:
            target.conn.executemany(insert, [tuple(row) for row in rows])
        except target.dialect.integrity_errors as error:
            raise LedgerError(f"A row of {table} could not be copied to '{target.location}' ({error}); nothing was "
                              "kept.", code="transfer_failed", table=table, target=str(target.location)) from error
        done += len(rows)
        if progress:
            progress(done, total)
    return done


def _restart_ids(target: Store, tables: list[str]) -> None:
    """New records after the copy get ids above the copied ones (a server's identity columns do not look)."""
    if target.dialect.name != "postgresql":
        return
    for table in tables:
        column = "rowid" if table in _IMPLICIT_ROWID else "id"
        target.conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'),"
                            f" coalesce((SELECT max({column}) FROM {table}), 0) + 1, false)")


def _check(source: Store, target: Store, tables: list[str], totals: dict[str, int]) -> TransferReport:
    copied = {table: target.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}
    problems = [f"{table}: {totals[table]} rows in the source, {copied[table]} copied"
                for table in tables if copied[table] != totals[table]]
    problems.extend(target.verify_history())
    problems.extend(target.integrity_problems())
    head_of = "SELECT hash FROM history ORDER BY id DESC LIMIT 1"
    source_head = source.conn.execute(head_of).fetchone()
    target_head = target.conn.execute(head_of).fetchone()
    if (source_head and source_head[0]) != (target_head and target_head[0]):
        problems.append("the history chain of the copy does not end where the source's does")
    if problems:
        raise LedgerError(f"The copy of '{source.location}' to '{target.location}' failed its check "
                          f"({problems[0]}); nothing was kept.", code="transfer_check_failed",
                          source=str(source.location), target=str(target.location), problem=problems[0])
    return TransferReport(str(source.location), str(target.location), copied, copied.get("history", 0),
                          source_head[0] if source_head else "")


def _tables_in_order(store: Store) -> list[str]:
    """The ledger's tables, each after the tables it refers to."""
    tables = [t for t in store.dialect.table_names(store.conn) if t not in _NOT_COPIED]
    parents = store.dialect.table_parents(store.conn)
    ordered: list[str] = []

    def visit(table: str, seen: frozenset[str] = frozenset()) -> None:
        if table in ordered or table in seen:
            return
        for parent in sorted(parents.get(table, ())):
            if parent in tables and parent != table:
                visit(parent, seen | {table})
        ordered.append(table)

    for table in tables:
        visit(table)
    return ordered


def describe(report: TransferReport) -> list[str]:
    """The lines ``migrate`` prints."""
    counts = ", ".join(f"{table} {count}" for table, count in report.rows.items() if count and table != "history")
    return [f"Copied {report.source} to {report.target}: {counts or 'no records'}.",
            f"History chain of {report.history_rows} changes verified in the copy (head {report.head[:16] or '-'}…)."]
