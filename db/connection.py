"""Opening SQLite files the one way Reply Ledger does, and migrating them with numbered SQL files.

One writer at a time: every write transaction starts with ``BEGIN IMMEDIATE`` (:func:`begin_write`), which takes
the write lock up front. When another program holds it, the caller is told once (``on_busy``) and the write
waits up to :func:`busy_wait_seconds`; then it fails with one sentence (``db_busy``) instead of half-way.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from desktop.core.errors import LedgerError

T = TypeVar("T")

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# NNNN_name.sql runs on both backends; NNNN_name.postgres.sql replaces it on PostgreSQL where the dialects differ.
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+?(?:\.(postgres))?\.sql$")
BUSY_TIMEOUT_MS = 10_000
# How long a write waits for another program's write to finish (tests and scheduled jobs may shorten it).
BUSY_WAIT_ENV = "REPLY_LEDGER_BUSY_SECONDS"
# A first, short try at the write lock: long enough for another save to finish, short enough to say "waiting".
_FIRST_TRY_MS = 300
SQLITE_HEADER = b"SQLite format 3\x00"


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


def busy_wait_seconds() -> float:
    """Seconds a write waits for the write lock (``REPLY_LEDGER_BUSY_SECONDS``, default 10)."""
    try:
        return max(0.0, float(os.environ.get(BUSY_WAIT_ENV, "")))
    except ValueError:
        return BUSY_TIMEOUT_MS / 1000


def connect(path: str | Path, *, read_only: bool = False,
            on_busy: Callable[[], None] | None = None) -> sqlite3.Connection:
    """Open a database file with WAL, foreign keys, a busy timeout and explicit transactions.

    With ``read_only`` the file is opened so that nothing can be written to it (no WAL switch, no migration):
    ``verify`` and ``restore`` read backups and ledgers that way.

    Raises:
        LedgerError: the folder is missing, the file or its folder is read-only, or it is not a SQLite database.
    """
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise LedgerError(f"The folder of the database '{path}' does not exist; create it or choose another file.",
                          code="db_folder_missing", path=str(path))
    if str(path) != ":memory:" and path.is_dir():
        raise LedgerError(f"'{path}' is a folder, not a database file; give the ledger's file name.",
                          code="db_is_folder", path=str(path))
    if read_only:
        return _connect_read_only(path)
    _check_writable(path)
    wait_ms = int(busy_wait_seconds() * 1000)
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=wait_ms / 1000)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {wait_ms}")
        conn.execute("PRAGMA foreign_keys = ON")
        # Switching a file to WAL needs it to itself for a moment (only the first time).
        mode = wait_for_lock(conn, path, on_busy, lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        # FULL keeps the last commit through a power cut, which WAL with NORMAL does not promise.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA user_version").fetchone()
    except LedgerError:
        conn.close()  # type: ignore[union-attr]
        raise
    except sqlite3.DatabaseError as error:
        if conn is not None:
            conn.close()
        known = explain_sqlite_error(error, path)
        if known is not None:
            raise known from error
        raise LedgerError(f"'{path}' is not a Reply Ledger database ({error}); choose another file.",
                          code="db_unreadable", path=str(path)) from error
    if mode.lower() != "wal" and str(path) != ":memory:":
        logger.warning("journal mode of %s is %s, not WAL", path, mode)
    return conn


def _check_writable(path: Path) -> None:
    """A read-only file or folder is named as such, not reported as a broken database."""
    if str(path) == ":memory:":
        return
    # SQLite keeps its -wal and -shm files beside the database: the folder must be writable too.
    if not os.access(path.parent, os.W_OK):
        raise read_only_error(path, folder=True)
    if path.exists() and not os.access(path, os.W_OK):
        raise read_only_error(path, folder=False)


def read_only_error(path: Path, *, folder: bool) -> LedgerError:
    if folder:
        return LedgerError(f"The folder of the database '{path}' is read-only; the ledger needs a folder it can "
                           "write to: copy the file to one, or ask for write access.", code="db_folder_read_only",
                           path=str(path))
    return LedgerError(f"The database '{path}' is read-only; make it writable or copy it to a folder you can write "
                       "to (verify and backup can read it as it is).", code="db_read_only", path=str(path))


def _connect_read_only(path: Path) -> sqlite3.Connection:
    if not path.exists():
        raise LedgerError(f"The database '{path}' does not exist; check the path.", code="db_missing",
                          path=str(path))
    check_sqlite_header(path)
    # immutable=1 when SQLite could not create its shared-memory file (a read-only folder or file system).
    wal = path.with_name(path.name + "-wal")
    immutable = not os.access(path.parent, os.W_OK) and not wal.exists()
    uri = path.resolve().as_uri() + ("?immutable=1" if immutable else "?mode=ro")
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=busy_wait_seconds())
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA query_only = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        known = explain_sqlite_error(error, path)
        if known is not None and known.code != "db_read_only":
            raise known from error
        raise LedgerError(f"'{path}' is not a readable Reply Ledger database ({error}); it may be damaged or "
                          "half-written.", code="db_unreadable", path=str(path)) from error
    return conn


def check_sqlite_header(path: Path) -> None:
    """Refuse an empty file or one that is not a SQLite database, before SQLite treats it as a new one."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise LedgerError(f"'{path}' cannot be read ({error.strerror or error}); check the file.",
                          code="db_unreadable", path=str(path)) from error
    if not head:
        raise LedgerError(f"'{path}' is empty (0 bytes); it is not a Reply Ledger database.", code="db_empty",
                          path=str(path))
    if head != SQLITE_HEADER:
        raise LedgerError(f"'{path}' is not a Reply Ledger database (not a SQLite file); choose another file.",
                          code="db_unreadable", path=str(path))


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def is_busy(error: BaseException) -> bool:
    text = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def busy_error(path: Path | str | None, waited: float) -> LedgerError:
    return LedgerError(f"The ledger '{path}' is busy: another program has been writing to it for {waited:g} seconds; "
                       "try again when it has finished.", code="db_busy", path=str(path), seconds=waited)


def begin_write(conn: sqlite3.Connection, path: Path | str | None,
                on_busy: Callable[[], None] | None = None) -> None:
    """Start a write transaction, waiting for another program's write to finish.

    Raises:
        LedgerError: ``db_busy`` when the lock is still held after :func:`busy_wait_seconds`.
    """
    wait_for_lock(conn, path, on_busy, lambda: conn.execute("BEGIN IMMEDIATE"))


def wait_for_lock(conn: sqlite3.Connection, path: Path | str | None, on_busy: Callable[[], None] | None,
                  action: Callable[[], T]) -> T:
    """Run ``action`` (a statement that needs a lock); if the ledger is busy, say so once and wait for it.

    SQLite's busy handler does the waiting, except where waiting could deadlock: two programs switching one new
    file to WAL at the same moment, each holding a read lock, and one is refused at once. That one tries again
    after a short pause, as long as the wait allows.

    Raises:
        LedgerError: ``db_busy`` when the lock is still held after :func:`busy_wait_seconds`.
    """
    wait = busy_wait_seconds()
    first_try = min(_FIRST_TRY_MS / 1000, wait)
    started = time.monotonic()
    told = False
    pause = 0.005
    try:
        while True:
            waited = time.monotonic() - started
            allowed = (wait if told else first_try) - waited
            conn.execute(f"PRAGMA busy_timeout = {max(0, int(allowed * 1000))}")
            try:
                return action()
            except sqlite3.OperationalError as error:
                if not is_busy(error):
                    raise
                waited = time.monotonic() - started
                if waited >= wait:
                    raise busy_error(path, wait) from error
            if not told and waited >= first_try:
                logger.info("%s is busy; waiting up to %g s", path, wait)
                told = True
                if on_busy is not None:
                    on_busy()
            else:  # refused without waiting: the other program finishes its step in a moment
                time.sleep(min(pause, wait - waited))
                pause = min(pause * 2, 0.1)
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")


def explain_sqlite_error(error: BaseException, path: Path | str | None) -> LedgerError | None:
    """The one sentence for an SQLite or OS failure the user can act on; None for anything else (a bug)."""
    text = str(error).lower()
    if isinstance(error, OSError) and not isinstance(error, sqlite3.Error):
        return explain_os_error(error, path)
    if is_busy(error):
        return busy_error(path, busy_wait_seconds())
    if "database or disk is full" in text or "disk is full" in text:
        return LedgerError(f"The disk holding '{path}' is full, so this change was not saved; free some space and "
                           "try again.", code="disk_full", path=str(path))
    if ("readonly" in text or "read-only" in text) and path is not None:
        return read_only_error(Path(path), folder=not os.access(Path(path).parent, os.W_OK))
    if "unable to open database file" in text:
        return LedgerError(f"The database '{path}' cannot be opened (its folder may be read-only, full or gone); "
                           "check the folder and try again.", code="db_cannot_open", path=str(path))
    if "disk i/o error" in text:
        return LedgerError(f"Reading or writing '{path}' failed (disk I/O error: the disk may be full or failing); "
                           "nothing was saved. Check the disk and try again.", code="disk_io", path=str(path))
    if "file is not a database" in text or "malformed" in text:
        return LedgerError(f"'{path}' is damaged or not a Reply Ledger database ({error}); restore a backup.",
                           code="db_unreadable", path=str(path))
    return None


def explain_os_error(error: OSError, path: Path | str | None) -> LedgerError | None:
    """Disk full, read-only file system and permission refusals, naming the file the system names."""
    import errno

    name = error.filename or path
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return LedgerError(f"There is no room to write '{name}' (the disk is full or the file too large for it); "
                           "nothing was changed. Free some space and try again.", code="disk_full", path=str(name))
    if error.errno == errno.EROFS:
        return LedgerError(f"'{name}' is on a read-only disk; choose a place you can write to.",
                           code="read_only_file_system", path=str(name))
    if error.errno in (errno.EACCES, errno.EPERM):
        return LedgerError(f"'{name}' cannot be written or read (permission denied); choose a file and folder "
                           "you may use.", code="permission_denied", path=str(name))
    return None


def split_statements(script: str) -> list[str]:
    """The statements of an SQL script (a trigger's body stays whole)."""
    statements: list[str] = []
    start = 0
    for end, char in enumerate(script):
        if char == ";" and sqlite3.complete_statement(script[start:end + 1]):
            statement = script[start:end + 1].strip()
            if statement.strip(";").strip() and not _only_comments(statement):
                statements.append(statement)
            start = end + 1
    rest = script[start:].strip()
    if rest and not _only_comments(rest):
        statements.append(rest)
    return statements


def _only_comments(text: str) -> bool:
    return not "\n".join(line.split("--", 1)[0] for line in text.splitlines()).strip(" \t\n;")


def backup_file(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy a live database with SQLite's online backup API (a raw copy could miss pages still in the WAL).

    The copy is written to a temporary file beside ``target`` and renamed only once it is complete.
    """
    from db.backups import write_backup  # the backup module builds on this one

    return write_backup(conn, target)


def migrate(conn: sqlite3.Connection, path: str | Path | None = None,
            on_busy: Callable[[], None] | None = None) -> int:
    """Bring the database to the newest schema, one migration per transaction.

    A database that already holds data is first backed up beside itself as ``<name>.v<old version>.bak``.
    Each step takes the write lock and reads the version again under it, so two programs opening a new or old
    file at the same moment never run a step twice.

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
        if not target.exists():
            backup_file(conn, target)
            logger.info("backed up %s to %s before migrating", path, target)
    for number, file in pending:
        statements = split_statements(file.read_text(encoding="utf-8"))
        begin_write(conn, path, on_busy)
        try:
            if schema_version(conn) >= number:  # another program ran this step while we waited
                conn.execute("COMMIT")
                continue
            for statement in statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        logger.info("migrated %s to schema %d (%s)", path, number, file.name)
    return schema_version(conn)
