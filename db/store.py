"""The store: records in and out of the ledger's database, every write in a transaction with a history row.

It takes and returns the core dataclasses. The only SQL of the application lives in this package. The ledger is
a SQLite file or a PostgreSQL database (``db.backends``); what differs between them goes through ``self.dialect``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import json
import logging
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from db.backends import SQLITE, Dialect, FileLocation, Location, ServerLocation, parse_location
from db.backends.sqlite import network_filesystem
from db.backups import write_backup
from db.bulk_write import HISTORY_INSERT, BulkWrite
from db.connection import connect, explain_sqlite_error, migrate
from db.rows import copy_record, from_row, history_json, record_reader, to_row
from db.search import SearchHit, search_records
from db.verify import GENESIS_HASH, chain_findings, chain_head, history_hash
from desktop.core import settings as settings_module
from desktop.core.anchor import Anchor
from desktop.core.docnumber import parse_doc_number
from desktop.core.errors import LedgerError
from desktop.core.records import (
    Commitment,
    Contact,
    Evidence,
    Feedback,
    HistoryEntry,
    Proposal,
    Proposer,
    Record,
    Reply,
    SourceDocument,
    Target,
)

logger = logging.getLogger(__name__)

R = TypeVar("R", bound=Record)

_TABLE_LABELS = {"proposals": "proposal", "proposers": "proposer", "replies": "reply", "feedback": "feedback",
                 "commitments": "commitment", "targets": "target", "evidence": "evidence",
                 "source_documents": "source document", "reminders": "reminder", "contacts": "contact",
                 "suggestions": "suggestion", "settings": "setting"}


@dataclasses.dataclass
class Snapshot:
    """Rows a deletion removed (children first) and the links it cleared, so that :meth:`Store.restore` can put
    them back."""

    rows: list[tuple[str, dict[str, Any]]] = dataclasses.field(default_factory=list)
    links: list[tuple[str, int, str, int]] = dataclasses.field(default_factory=list)

    def ids(self, table: str) -> list[int]:
        return [row["id"] for name, row in self.rows if name == table]


@dataclasses.dataclass(frozen=True)
class Counts:
    proposals: int
    replies: int
    commitments: int
    targets: int
    evidence: int
    reminders: int
    source_documents: int


def current_actor() -> str:
    """The operating-system user, recorded as who made a change."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


_INSERT_SQL: dict[tuple[str, tuple[str, ...]], str] = {}  # by table and column list
_NOW: list[Any] = [None, ""]  # the last second asked for and its text: a bulk write asks many times a second


def _utc_now() -> str:
    second = int(time.time())
    if second != _NOW[0]:
        _NOW[1] = dt.datetime.fromtimestamp(second, dt.UTC).isoformat(timespec="seconds")
        _NOW[0] = second
    return _NOW[1]


def _too_large_error(table: str, row: dict[str, Any]) -> LedgerError:
    """Integers stop at 2**63 - 1 in both backends; a larger whole number cannot be stored."""
    label = _TABLE_LABELS.get(table, table)
    field = next((key for key, value in row.items() if isinstance(value, int) and not -2**63 <= value < 2**63),
                 "?")
    return LedgerError(f"The {label}'s field '{field}' holds a number too large to store; check the value.",
                       code="number_too_large", table=table, field=field)


class Store:
    """A Reply Ledger database: a SQLite file or a PostgreSQL database.

    Open it with :meth:`open`; use it from one thread (workers open their own, from :attr:`location`). Every public
    write runs in a transaction and appends one history row per changed row; :meth:`transaction` groups several
    writes so that they all happen or none does.

    ``location`` says where the ledger is (pass it to :meth:`open` or :meth:`attach` to open it again); ``path`` is
    its file, or None for a server database. ``actor`` is who the history names: the operating-system user on a
    file, the database user on a server. ``read_only``: opened for reading (an auditor on a server).
    """

    def __init__(self, conn: Any, path: Path | Location, actor: str | None = None, *, dialect: Dialect = SQLITE,
                 read_only: bool = False, on_busy: Callable[[], None] | None = None) -> None:
        self.conn = conn
        self.location: Location = parse_location(path)
        self.path: Path | None = self.location.path
        self.actor = actor or current_actor()
        self.dialect = dialect
        self.read_only = read_only
        self._db: Any = None
        # The history chain's head while a write transaction this store began is open (None: read it). The write
        # lock is held then, so no other program can append; a savepoint rolled back puts back its own head.
        self._chain_head: str | None = None
        self._owns_transaction = False
        # The last row written (table, id, stored values): a save returns its version without reading it again.
        self._last_written: tuple[str, int, dict[str, Any]] | None = None
        self._affinity_cache: dict[str, dict[str, str]] = {}
        # By table and the types of a returned row's values: the columns to make floats (None: read the row).
        self._shapes: dict[tuple[Any, ...], tuple[str, ...] | None] = {}
        self._in_unit = False  # inside unit(): nested transaction() blocks need no savepoint
        self._bulk: BulkWrite | None = None  # inside bulk_write(): the records written, for their derived rows
        # Called once when a write has to wait for another program's write (the CLI says "waiting…").
        self.on_busy = on_busy
        # The network file system (nfs4, cifs…) a ledger file was opened on: unsafe for SQLite, see
        # :func:`network_file_warning`.
        self.network_filesystem: str | None = None

    @property
    def db(self) -> Any:
        """sqlite-utils' view of the connection (bulk inserts in tools and tests), imported on first use so that
        opening a ledger (and the window) does not wait for it."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    # ----------------------------------------------------------------- opening and transactions
    @classmethod
    def open(cls, path: str | Path | Location, *, actor: str | None = None, create: bool = True,
             read_only: bool = False, on_busy: Callable[[], None] | None = None) -> Store:
        """Open (and create or migrate) a ledger: a database file, or ``postgresql://USER@HOST/DATABASE``.

        With ``read_only`` nothing is created, migrated or written: a file stays byte for byte as it was.

        Raises:
            LedgerError: the file is missing (with ``create=False``), unreadable, or from a newer version; the
                server cannot be reached, refuses the login or needs a password.
        """
        location = parse_location(path)
        if isinstance(location, ServerLocation):
            from db.backends import postgres

            conn, user, writable = postgres.open_ledger(location, migrate_schema=not read_only)
            return cls(conn, location, user, dialect=postgres.POSTGRES, read_only=read_only or not writable)
        path = location.path
        if (read_only or not create) and not path.exists():
            raise LedgerError(f"The database '{path}' does not exist; check the path or create it.",
                              code="db_missing", path=str(path))
        if read_only:
            return cls(connect(path, read_only=True), FileLocation(path), actor, read_only=True)
        conn = connect(path, on_busy=on_busy)
        try:
            migrate(conn, path, on_busy)
        except sqlite3.Error as error:
            conn.close()
            known = explain_sqlite_error(error, path)
            if known is None:
                raise
            raise known from error
        except BaseException:
            conn.close()
            raise
        store = cls(conn, FileLocation(path), actor, on_busy=on_busy)
        store.network_filesystem = network_filesystem(path)
        if store.network_filesystem:
            logger.info("%s is on a network file system (%s)", path, store.network_filesystem)
        return store

    @classmethod
    def attach(cls, location: str | Path | Location, *, actor: str | None = None) -> Store:
        """Another connection to a ledger that is open already (no migration): what a pool thread works with.

        Raises:
            LedgerError: the ledger cannot be opened any more.
        """
        location = parse_location(location)
        if isinstance(location, ServerLocation):
            from db.backends import postgres

            conn, user, writable = postgres.open_ledger(location, migrate_schema=False)
            return cls(conn, location, user, dialect=postgres.POSTGRES, read_only=not writable)
        return cls(connect(location.path), location, actor)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.dialect.schema_version(self.conn)

    def network_file_warning(self) -> str | None:
        """One sentence when the ledger is a SQLite file on a network file system: unsafe there."""
        if not self.network_filesystem:
            return None
        return (f"The ledger '{self.location}' is a file on a network drive ({self.network_filesystem}); SQLite "
                "cannot keep it safe there when several computers open it, so two clerks can damage it. Keep the "
                "file on this computer's own disk, or move the office's ledger to its PostgreSQL server "
                "(reply-ledger migrate).")

    @property
    def is_shared(self) -> bool:
        """Several people work on this ledger at once (a server database)."""
        return isinstance(self.location, ServerLocation)

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """All writes inside happen together or not at all; nested blocks use savepoints."""
        if self._in_unit and self.conn.in_transaction:
            yield self  # inside :meth:`unit`: its savepoint already takes back everything on an error
            return
        if self.conn.in_transaction:
            name = f"sp_{id(object()):x}"
            head = self._chain_head
            pending = len(self._bulk.history) if self._bulk is not None else 0
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                self._chain_head = head  # the history rows after the savepoint are gone with it
                if self._bulk is not None:
                    del self._bulk.history[pending:]  # and so are those a bulk write has not inserted yet
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        if self.read_only:
            raise LedgerError(f"You may read the ledger '{self.location}' but not change it (the auditor role); ask "
                              "the ledger's administrator for the clerk role to make changes.",
                              code="ledger_read_only", path=str(self.location), user=self.actor)
        # The write lock up front: a busy ledger waits instead of failing half-way, and the history has one head.
        self.dialect.begin_write(self.conn, self.location, self.on_busy)
        self._chain_head, self._owns_transaction = None, True
        try:
            yield self
            self.conn.execute("COMMIT")
        except self.dialect.database_errors as error:
            self._rollback()
            known = self.dialect.explain_error(error, self.location)
            if known is None:
                raise
            raise known from error
        except BaseException:
            self._rollback()
            raise
        finally:
            self._chain_head, self._owns_transaction = None, False

    @contextmanager
    def unit(self) -> Iterator[Store]:
        """One savepoint for a group of writes (a spreadsheet row of an import) inside a transaction: an error
        takes back every write of the group, and the writes inside need no savepoint of their own. Errors must
        leave the block: one caught inside it would keep a half-made write."""
        if not self.conn.in_transaction:
            raise RuntimeError("Store.unit() runs inside a transaction")
        with self.transaction():
            self._in_unit = True
            try:
                yield self
            finally:
                self._in_unit = False
        if self._bulk is not None:
            self._bulk.flush_history(enough=1000)  # between groups: none of the rows can be taken back alone

    @contextmanager
    def bulk_write(self) -> Iterator[Store]:
        """Many writes at once (a ledger import): the search index and the commitments list are not kept row by
        row by the schema's triggers but rebuilt for the records written when the block ends, in the same
        transaction (db/bulk_write.py). An error leaving the block takes back every write inside it."""
        if self._bulk is not None:
            yield self
            return
        with self.transaction():
            self._bulk = BulkWrite(self.conn, self.dialect)
            try:
                yield self
                self._bulk.finish()
            finally:
                self._bulk = None

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except self.dialect.database_errors:  # already rolled back (disk full, I/O error, connection lost)
                logger.info("rollback after a failed write of %s was not needed", self.path, exc_info=True)

    # ----------------------------------------------------------------- generic record access
    def _row(self, table: str, row_id: int) -> dict[str, Any] | None:
        found = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
        return dict(found) if found else None

    def _append_history(self, table: str, row_id: int, action: str, before: dict[str, Any] | None,
                        after: dict[str, Any] | None) -> None:
        prev_hash = self._chain_head
        if prev_hash is None and self._bulk is not None and self._bulk.history:
            prev_hash = self._bulk.history[-1][-1]
        if prev_hash is None:
            last = self.conn.execute("SELECT hash FROM history ORDER BY id DESC LIMIT 1").fetchone()
            prev_hash = last[0] if last else GENESIS_HASH
        at = _utc_now()
        before_json, after_json = history_json(before), history_json(after)
        digest = history_hash(prev_hash, at, self.actor, table, row_id, action, before_json, after_json)
        row = (at, self.actor, table, row_id, action, before_json, after_json, prev_hash, digest)
        if self._bulk is not None:
            self._bulk.history.append(row)  # in chain order, inserted together when the bulk write ends
        else:
            self.conn.execute(HISTORY_INSERT, row)
        if self._owns_transaction:
            self._chain_head = digest

    def _affinities(self, table: str) -> dict[str, str]:
        """Each column's type affinity (SQLite's rules on its declared type), read once per table."""
        found = self._affinity_cache.get(table)
        if found is None:
            found = {}
            for column in self.conn.execute(f"PRAGMA table_info({table})").fetchall():
                declared = (column[2] or "").upper()
                found[column[1]] = ("INTEGER" if "INT" in declared else
                                    "TEXT" if any(word in declared for word in ("CHAR", "CLOB", "TEXT")) else
                                    "BLOB" if not declared or "BLOB" in declared else
                                    "REAL" if any(word in declared for word in ("REAL", "FLOA", "DOUB")) else
                                    "NUMERIC")
            self._affinity_cache[table] = found
        return found

    def _as_stored(self, table: str, row_id: int, returned: Any) -> dict[str, Any]:
        """The row as a later read gives it. RETURNING hands back values before the column's type affinity
        applies (15, where a REAL column stores 15.0): whole numbers in REAL columns become floats; any other
        value a column would convert is read again from the file, so history rows stay what a read shows."""
        after = dict(returned)
        if self.dialect.name != "sqlite":
            return after  # a server's columns have strict types: what RETURNING gives is what a read gives
        shape = (table, *map(type, after.values()))
        floats = self._shapes.get(shape, False)
        if floats is False:  # a new combination of value types: worked out once
            floats = self._shapes[shape] = self._float_columns(table, after)
        if floats is None:
            return self._row(table, row_id) or after
        for column in floats:
            after[column] = float(after[column])
        return after

    def _float_columns(self, table: str, row: dict[str, Any]) -> tuple[str, ...] | None:
        """The columns whose whole numbers a read gives back as floats; None when a column may convert a value
        otherwise (text in a number column, a number in a text column, a float in an INTEGER column)."""
        affinities = self._affinities(table)
        floats = []
        for column, value in row.items():
            kind = value.__class__
            affinity = affinities.get(column, "BLOB")
            if value is None or kind is bytes or affinity == "BLOB":
                continue
            if kind is str:
                if affinity != "TEXT":
                    return None
            elif affinity == "REAL":
                if kind is int:
                    floats.append(column)
                elif kind is not float:
                    return None
            elif affinity in ("INTEGER", "NUMERIC"):
                if kind is not int:  # a float may or may not be whole: the file says what it kept
                    return None
            else:
                return None
        return tuple(floats)

    def _insert_row(self, table: str, row: dict[str, Any]) -> int:
        now = _utc_now()
        # A new row starts at the column's default version, whatever the record says.
        row = dict(row)
        row.pop("version", None)
        if row.get("id", 0) is None:
            del row["id"]
        row["created_at"] = row["updated_at"] = now
        key = (table, tuple(row))
        sql = _INSERT_SQL.get(key)
        if sql is None:
            # RETURNING gives the row as stored (defaults filled, values converted) without reading it again.
            sql = _INSERT_SQL[key] = (f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})"
                                      " RETURNING *")
        try:
            stored = self.conn.execute(sql, tuple(row.values())).fetchall()
        except self.dialect.integrity_errors as error:
            raise self._integrity_error(error, table) from error
        except self.dialect.too_large_errors as error:
            raise _too_large_error(table, row) from error
        row_id = stored[0]["id"]
        after = self._as_stored(table, row_id, stored[0])
        if self._bulk is not None:
            self._bulk.wrote(table, row_id, None, after)
        self._append_history(table, row_id, "insert", None, after)
        self._last_written = (table, row_id, after)
        return row_id

    def _update_row(self, table: str, row_id: int, changes: dict[str, Any]) -> bool:
        """Update the given columns; returns False (and writes nothing) when nothing changed.

        ``changes["version"]``, when given, is the version the caller read: a row saved by someone else since
        then is not overwritten (optimistic check, made under the write lock the transaction holds).

        Raises:
            LedgerError: the row is gone (``not_found``) or was changed since it was read (``conflict``).
        """
        before = self._row(table, row_id)
        if before is None:
            raise LedgerError(f"The {_TABLE_LABELS.get(table, table)} #{row_id} no longer exists; reload the list.",
                              code="not_found", table=table, id=row_id)
        read_version = changes.get("version")
        changes = {key: value for key, value in changes.items()
                   if key not in ("id", "created_at", "updated_at", "version") and before.get(key) != value}
        if not changes:
            return False
        if read_version is not None and "version" in before and before["version"] != read_version:
            raise self._conflict_error(table, row_id, read_version, before["version"])
        self._write_update(table, row_id, before, changes)
        return True

    def _write_update(self, table: str, row_id: int, before: dict[str, Any], changes: dict[str, Any]) -> None:
        changes = dict(changes, updated_at=_utc_now())
        if "version" in before:
            changes["version"] = before["version"] + 1
        assignments = ", ".join(f"{column} = ?" for column in changes)
        try:
            stored = self.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ? RETURNING *",
                                       (*changes.values(), row_id)).fetchall()
        except self.dialect.integrity_errors as error:
            raise self._integrity_error(error, table) from error
        except self.dialect.too_large_errors as error:
            raise _too_large_error(table, changes) from error
        after = self._as_stored(table, row_id, stored[0])
        if self._bulk is not None:
            self._bulk.wrote(table, row_id, before, after)
        self._append_history(table, row_id, "update", before, after)
        self._last_written = (table, row_id, after)

    def _bump_version(self, table: str, row_id: int) -> None:
        """Raise a record's version when only the rows that belong to it changed (a proposal's signers)."""
        before = self._row(table, row_id)
        if before is not None:
            self._write_update(table, row_id, before, {})

    def _version_after_write(self, table: str, row_id: int) -> int | None:
        """The version of a row this store has just written (the caller cleared ``_last_written`` before the
        write); read from the file when nothing was written (an unchanged record)."""
        last = self._last_written
        self._last_written = None
        if last is not None and last[0] == table and last[1] == row_id:
            return last[2].get("version")
        return self._version_of(table, row_id)

    def _version_of(self, table: str, row_id: int) -> int | None:
        found = self.conn.execute(f"SELECT version FROM {table} WHERE id = ?", (row_id,)).fetchone()
        return found[0] if found else None

    def _conflict_error(self, table: str, row_id: int, read_version: int, stored_version: int) -> LedgerError:
        label = _TABLE_LABELS.get(table, table)
        last = self.conn.execute("SELECT actor, at FROM history WHERE table_name = ? AND row_id = ? "
                                 "ORDER BY id DESC LIMIT 1", (table, row_id)).fetchone()
        actor, at = (last[0], last[1]) if last else ("someone", "")
        return LedgerError(
            f"The {label} #{row_id} was saved by {actor} at {at} after you opened it (version {stored_version}, "
            f"yours is {read_version}); reload it to see that change, then make your edit again.",
            code="conflict", table=table, id=row_id, actor=actor, at=at, version=stored_version,
            read_version=read_version)

    def _delete_row(self, table: str, row_id: int, snapshot: Snapshot | None = None) -> None:
        before = self._row(table, row_id)
        if before is None:
            return
        # Rows removed by ON DELETE CASCADE get their own history rows first.
        for child_table, column in _CHILDREN.get(table, ()):
            for child in self.conn.execute(f"SELECT id FROM {child_table} WHERE {column} = ?", (row_id,)).fetchall():
                self._delete_row(child_table, child[0], snapshot)
        if snapshot is not None:
            # Links that ON DELETE SET NULL will clear, so that a restore can put them back.
            for other_table, column in _NULLED.get(table, ()):
                for other in self.conn.execute(f"SELECT id FROM {other_table} WHERE {column} = ?",
                                               (row_id,)).fetchall():
                    snapshot.links.append((other_table, other[0], column, row_id))
        try:
            self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        except self.dialect.integrity_errors as error:
            raise self._integrity_error(error, table) from error
        if self._bulk is not None:
            self._bulk.wrote(table, row_id, before, None)
        self._append_history(table, row_id, "delete", before, None)
        if snapshot is not None:
            snapshot.rows.append((table, before))

    def _integrity_error(self, error: BaseException, table: str) -> LedgerError:
        return self.dialect.integrity_error(error, table, _TABLE_LABELS.get(table, table))

    def save(self, record: R) -> R:
        """Insert a new record (id None) or update an existing one; returns it with its id.

        Raises:
            RecordErrors: the record is not valid.
            LedgerError: the database refuses it (duplicate, broken link...).
        """
        record.check()
        if isinstance(record, Proposal):
            return self._save_proposal(record)  # type: ignore[return-value]
        row = self._prepare_row(record)
        with self.transaction():
            self._last_written = None
            if record.id is None:
                record_id = self._insert_row(record.TABLE, row)
            else:
                record_id = record.id
                self._update_row(record.TABLE, record_id, row)
            saved = copy_record(record)  # the record as given, with its id and version (cheaper than replace)
            saved.id, saved.version = record_id, self._version_after_write(record.TABLE, record_id)
            return saved

    def save_many(self, records: Iterable[Record]) -> list[Record]:
        """Save several records in one transaction: all of them or none."""
        saved = []
        with self.transaction():
            for record in records:
                saved.append(self.save(record))
        return saved

    def _prepare_row(self, record: Record) -> dict[str, Any]:
        row = to_row(record)
        if isinstance(record, Reply):
            if record.doc_number:
                parsed = parse_doc_number(record.doc_number)
                row.update(doc_issuer_code=parsed.issuer_code, doc_year=parsed.year, doc_serial=parsed.serial)
            else:
                row.update(doc_number=None, doc_issuer_code=None, doc_year=None, doc_serial=None)
        return row

    def get(self, cls: type[R], record_id: int) -> R | None:
        row = self.conn.execute(f"SELECT * FROM {cls.TABLE} WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            return None
        record = from_row(cls, row)
        if isinstance(record, Proposal):
            record.proposers = self.list(Proposer, "proposal_id = ?", (record.id,), order_by="position, id")
        return record

    def list(self, cls: type[R], where: str = "", params: Sequence[Any] = (), *, order_by: str = "id",
             limit: int | None = None) -> list[R]:
        """Records of one kind. ``where`` and ``order_by`` are SQL fragments written by callers in this package's
        public methods or by trusted code; user text only ever goes through ``params``."""
        records = list(self.iter(cls, where, params, order_by=order_by, limit=limit))
        if cls is Proposal and records:
            by_proposal: dict[int, list[Proposer]] = {}
            # Only the signers of the proposals read: a batch of proposals does not read every signer.
            ids = json.dumps([record.id for record in records])  # type: ignore[attr-defined]
            for proposer in self.iter(Proposer, f"proposal_id IN ({self.dialect.json_ids()})", (ids,),
                                      order_by="proposal_id, position, id"):
                by_proposal.setdefault(proposer.proposal_id or 0, []).append(proposer)
            for record in records:
                record.proposers = by_proposal.get(record.id or 0, [])  # type: ignore[attr-defined]
        return records

    def iter(self, cls: type[R], where: str = "", params: Sequence[Any] = (), *, order_by: str = "id",
             limit: int | None = None, omit: Iterable[str] = ()) -> Iterator[R]:
        """Like :meth:`list`, one record at a time from an open cursor (a proposal's signers are not read).

        ``omit`` leaves columns unread (see :func:`record_reader`).
        """
        reader = record_reader(cls, omit)
        sql = f"SELECT {reader.select_list()} FROM {cls.TABLE}"
        if where:
            sql += f" WHERE {where}"
        sql += f" ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        # Plain tuples: the reader knows the columns.
        return reader.read(self.dialect.tuples(self.conn, sql, tuple(params)))

    def delete(self, cls: type[Record], record_id: int) -> Snapshot:
        """Delete a record and, with a history row each, the records that belong to it.

        Returns what was deleted, for :meth:`restore` (undo).
        """
        return self.delete_many([(cls, record_id)])

    def delete_many(self, records: Iterable[tuple[type[Record], int]]) -> Snapshot:
        """Delete several records (and what belongs to them) in one transaction: all of them or none.

        Returns the deleted rows, children first, for :meth:`restore`.
        """
        snapshot = Snapshot()
        with self.transaction():
            for cls, record_id in records:
                self._delete_row(cls.TABLE, record_id, snapshot)
        return snapshot

    def restore(self, snapshot: Snapshot) -> None:
        """Put deleted rows back with their ids (undo of a deletion), in one transaction, a history row each.

        Raises:
            LedgerError: a row cannot come back (its id was taken meanwhile, or its parent is gone).
        """
        with self.transaction():
            for table, row in reversed(snapshot.rows):  # parents before their children
                columns = ", ".join(row)
                marks = ", ".join("?" for _ in row)
                try:
                    self.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))
                except self.dialect.integrity_errors as error:
                    raise self._integrity_error(error, table) from error
                self._append_history(table, row["id"], "insert", None, self._row(table, row["id"]))
            for table, row_id, column, value in snapshot.links:
                if self._row(table, row_id) is not None:
                    self._update_row(table, row_id, {column: value})

    def count(self, cls: type[Record], where: str = "", params: Sequence[Any] = ()) -> int:
        sql = f"SELECT count(*) FROM {cls.TABLE}" + (f" WHERE {where}" if where else "")
        return self.conn.execute(sql, tuple(params)).fetchone()[0]

    # ----------------------------------------------------------------- proposals with their signers
    def _save_proposal(self, proposal: Proposal) -> Proposal:
        row = to_row(proposal)
        with self.transaction():
            self._last_written = None
            if proposal.id is None:
                proposal_id = self._insert_row("proposals", row)
                changed = True
            else:
                proposal_id = proposal.id
                stored = self._version_of("proposals", proposal_id)
                if proposal.version is not None and stored is not None and stored != proposal.version:
                    # The signers belong to the proposal: a stale proposal may not rewrite them either.
                    raise self._conflict_error("proposals", proposal_id, proposal.version, stored)
                changed = self._update_row("proposals", proposal_id, row)
            version = self._version_after_write("proposals", proposal_id)
            # A new proposal has no signers stored yet.
            existing = {p.id: p for p in self.list(Proposer, "proposal_id = ?", (proposal_id,))} \
                if proposal.id is not None else {}
            kept: list[Proposer] = []
            signers_changed = False
            for position, proposer in enumerate(proposal.proposers):
                proposer = dataclasses.replace(proposer, proposal_id=proposal_id, position=position)
                proposer_row = to_row(proposer)
                self._last_written = None
                if proposer.id is not None and proposer.id in existing:
                    signers_changed |= self._update_row("proposers", proposer.id, proposer_row)
                    existing.pop(proposer.id)
                else:
                    proposer = dataclasses.replace(proposer, id=self._insert_row("proposers", proposer_row))
                    signers_changed = True
                kept.append(dataclasses.replace(proposer, version=self._version_after_write("proposers", proposer.id)))
            for gone in existing:
                self._delete_row("proposers", gone)  # type: ignore[arg-type]
                signers_changed = True
            if signers_changed and not changed:
                self._last_written = None
                self._bump_version("proposals", proposal_id)
                version = self._version_after_write("proposals", proposal_id)
        return dataclasses.replace(proposal, id=proposal_id, proposers=kept, version=version)

    def find_proposal(self, session: str, number: str, kind: str | None = None) -> Proposal | None:
        """The proposal of a session with this number (第021号 and 第21号 are the same number)."""
        digits = re.sub(r"\D", "", number).lstrip("0") or "0"
        candidates = self.list(Proposal, "session = ?" + (" AND kind = ?" if kind else ""),
                               (session, kind) if kind else (session,))
        for proposal in candidates:
            if (re.sub(r"\D", "", proposal.number).lstrip("0") or "0") == digits:
                return proposal
        return None

    def find_reply_by_doc_number(self, doc_number: str) -> Reply | None:
        parsed = parse_doc_number(doc_number)
        # "doc_number IS NOT NULL" lets SQLite use the (partial) unique index instead of reading every reply.
        found = self.list(Reply, "doc_number IS NOT NULL AND doc_issuer_code = ? AND doc_year = ? AND doc_serial = ?",
                          (parsed.issuer_code, parsed.year, parsed.serial))
        return found[0] if found else None

    def source_document_id(self, sha256: str) -> int | None:
        """The id of the source document with this hash, without reading its content."""
        found = self.conn.execute("SELECT id FROM source_documents WHERE sha256 = ?", (sha256,)).fetchone()
        return found[0] if found else None

    def find_source_document(self, sha256: str) -> SourceDocument | None:
        found = self.list(SourceDocument, "sha256 = ?", (sha256,))
        return found[0] if found else None

    # ----------------------------------------------------------------- convenient lists
    def replies_of(self, proposal_id: int) -> list[Reply]:
        return self.list(Reply, "proposal_id = ?", (proposal_id,), order_by="reply_date, id")

    def commitments_of(self, reply_id: int) -> list[Commitment]:
        return self.list(Commitment, "reply_id = ?", (reply_id,), order_by="coalesce(quote_start, 1e18), id")

    def targets_of(self, commitment_id: int) -> list[Target]:
        return self.list(Target, "commitment_id = ?", (commitment_id,), order_by="coalesce(quote_start, 1e18), id")

    def evidence_of(self, target_id: int) -> list[Evidence]:
        return self.list(Evidence, "target_id = ?", (target_id,), order_by="as_of_date, id")

    def feedback_of(self, reply_id: int) -> list[Feedback]:
        return self.list(Feedback, "reply_id = ?", (reply_id,), order_by="feedback_date, id")

    def contacts_of(self, proposal_id: int) -> list[Contact]:
        return self.list(Contact, "proposal_id = ?", (proposal_id,), order_by="contact_date, id")

    def counts(self) -> Counts:
        row = self.conn.execute(
            "SELECT (SELECT count(*) FROM proposals), (SELECT count(*) FROM replies),"
            " (SELECT count(*) FROM commitments), (SELECT count(*) FROM targets), (SELECT count(*) FROM evidence),"
            " (SELECT count(*) FROM reminders), (SELECT count(*) FROM source_documents)"
        ).fetchone()
        return Counts(*row)

    def has_any(self, cls: type[Record]) -> bool:
        """Whether at least one record of this kind exists; answered without counting."""
        return bool(self.conn.execute(f"SELECT EXISTS (SELECT 1 FROM {cls.TABLE})").fetchone()[0])

    def is_empty(self) -> bool:
        """No proposal, reply, commitment or source document yet (a new ledger); answered without counting."""
        row = self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM proposals) OR EXISTS (SELECT 1 FROM replies)"
            " OR EXISTS (SELECT 1 FROM commitments) OR EXISTS (SELECT 1 FROM source_documents)").fetchone()
        return not row[0]

    # ----------------------------------------------------------------- settings
    def get_setting(self, key: str) -> Any:
        setting = settings_module.SETTINGS_BY_KEY.get(key)
        if setting is None:
            settings_module.check_setting(key, None)  # raises the 'unknown setting' error
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else setting.default  # type: ignore[union-attr]

    def set_setting(self, key: str, value: Any) -> None:
        value = settings_module.check_setting(key, value)
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        with self.transaction():
            before = self.conn.execute("SELECT rowid, value FROM settings WHERE key = ?", (key,)).fetchone()
            if before is not None and before[1] == text:
                return
            self.conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, text))
            rowid = self.conn.execute("SELECT rowid FROM settings WHERE key = ?", (key,)).fetchone()[0]
            self._append_history("settings", rowid, "update" if before else "insert",
                                 {"key": key, "value": before[1]} if before else None, {"key": key, "value": text})

    def all_settings(self) -> dict[str, Any]:
        values = settings_module.default_settings()
        for key, value in self.conn.execute("SELECT key, value FROM settings"):
            if key in values:
                values[key] = json.loads(value)
        return values

    # ----------------------------------------------------------------- search
    def search(self, text: str, kinds: Iterable[str] | None = None, limit: int = 500) -> list[SearchHit]:
        """Records whose text contains every whitespace-separated term (see :func:`db.search.search_records`)."""
        return search_records(self.conn, self.dialect, text, kinds, limit)

    # ----------------------------------------------------------------- history
    def history(self, table: str | None = None, row_id: int | None = None) -> list[HistoryEntry]:
        clauses, params = [], []
        if table is not None:
            clauses.append("table_name = ?")
            params.append(table)
        if row_id is not None:
            clauses.append("row_id = ?")
            params.append(row_id)
        sql = "SELECT * FROM history" + (f" WHERE {' AND '.join(clauses)}" if clauses else "") + " ORDER BY id"
        return [
            HistoryEntry(id=r["id"], at=r["at"], actor=r["actor"], table_name=r["table_name"], row_id=r["row_id"],
                         action=r["action"], before=json.loads(r["before"]) if r["before"] else None,
                         after=json.loads(r["after"]) if r["after"] else None, prev_hash=r["prev_hash"],
                         hash=r["hash"])
            for r in self.conn.execute(sql, params)
        ]

    def verify_history(self) -> list[str]:
        """Check the history chain; returns one sentence per broken link (empty when intact)."""
        return [finding.message for finding in chain_findings(self.conn)]

    def chain_head(self) -> Anchor:
        """The history chain's head now: an anchor to keep elsewhere."""
        return chain_head(self.conn, source=str(self.location))

    # ----------------------------------------------------------------- maintenance
    def backup_to(self, target: str | Path, *, progress: Callable[[int, int], None] | None = None,
                  is_cancelled: Callable[[], bool] | None = None) -> Path:
        """An online backup of the whole ledger to a SQLite file, renamed into place only once checked (a server
        ledger is copied into a new file with its whole history)."""
        if self.path is None:
            from db.transfer import copy_ledger

            copy_ledger(self.location, FileLocation(Path(target)), progress=progress, is_cancelled=is_cancelled,
                        source_store=self)
            return Path(target)
        return write_backup(self.conn, Path(target), progress=progress, is_cancelled=is_cancelled)

    def integrity_problems(self) -> list[str]:
        """Problems of the storage itself (damaged pages, rows pointing at missing records); one sentence each."""
        return self.dialect.integrity_problems(self.conn)


# Child rows that ON DELETE CASCADE removes, so that the store can write their history first.
_CHILDREN: dict[str, tuple[tuple[str, str], ...]] = {
    "proposals": (("proposers", "proposal_id"), ("contacts", "proposal_id")),
    "replies": (("feedback", "reply_id"), ("commitments", "reply_id"), ("suggestions", "reply_id")),
    "commitments": (("targets", "commitment_id"),),
    "targets": (("evidence", "target_id"), ("suggestions", "target_id")),
    "source_documents": (("suggestions", "source_document_id"),),
}


# Links that ON DELETE SET NULL clears when the row they point to goes.
_NULLED: dict[str, tuple[tuple[str, str], ...]] = {
    "proposers": (("replies", "proposer_id"), ("feedback", "proposer_id")),
    "source_documents": (("replies", "source_document_id"), ("targets", "source_document_id"),
                         ("evidence", "source_document_id")),
}
