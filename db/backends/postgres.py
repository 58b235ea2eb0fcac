"""PostgreSQL: the office's shared ledger on its server, for several clerks at once (psycopg 3).

The store talks to every backend through a connection with sqlite3's face (:class:`PgConnection`): ``?`` and
``:name`` parameters, rows read by index or by name, ``BEGIN``/``COMMIT`` sent as statements. What differs is here:

- writes: ``BEGIN`` then ``pg_advisory_xact_lock``: one writer at a time per ledger, as SQLite's
  ``BEGIN IMMEDIATE`` does, so the history chain has one head and no two saves interleave; readers never wait.
  The lock waits ``lock_timeout`` (the busy time of SQLite) and then says the ledger is busy;
- ids: ``INSERT ... RETURNING id`` (identity columns) instead of ``lastrowid``;
- search: a table ``search_index (rowid, body)`` kept by triggers, a pg_trgm GIN index for terms of three or more
  characters (``ILIKE`` with the term's wildcards escaped) and a GIN index over each body's one- and
  two-character grams, kept in a column beside it, for shorter terms (``grams @> ARRAY[term]``, e.g. 基站);
- ``strpos``, ``lpad``, ``json_array_elements_text`` for ``instr``, ``printf``, ``json_each``;
- the schema version in the table ``ledger_schema`` instead of ``PRAGMA user_version``;
- who: the history names the database user (``session_user``), and a trigger refuses any other name from a role
  that does not own the ledger.
Values cross as SQLite would hand them over: dates as ISO text, booleans as 0/1, whole numbers as int.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.adapt import Dumper, Loader
from psycopg.pq import TransactionStatus

from db.backends.base import Dialect, ServerLocation
from desktop.core.errors import LedgerError

logger = logging.getLogger(__name__)

# Keys of the advisory locks (per database): the write lock and the migration lock.
WRITE_LOCK_KEY = 0x5245504C  # "REPL"
MIGRATE_LOCK_KEY = 0x5245504D
BUSY_SECONDS = 10
CONNECT_TIMEOUT_SECONDS = 10
CLERK_ROLE = "reply_ledger_clerk"
AUDITOR_ROLE = "reply_ledger_auditor"


# ---------------------------------------------------------------------------------------------- rows and values
class Row:
    """A result row readable by index and by column name, like ``sqlite3.Row`` (``dict(row)`` works too)."""

    __slots__ = ("_names", "_values")

    def __init__(self, names: dict[str, int], values: Sequence[Any]) -> None:
        self._names = names
        self._values = values

    def __getitem__(self, key: int | str | slice) -> Any:
        if isinstance(key, str):
            return self._values[self._names[key]]
        return self._values[key]

    def keys(self) -> list[str]:
        return list(self._names)

    def __iter__(self):
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Row):
            return tuple(self._values) == tuple(other._values)
        return tuple(self._values) == other

    def __hash__(self) -> int:
        return hash(tuple(self._values))

    def __repr__(self) -> str:
        return f"Row({tuple(self._values)!r})"


def _row_factory(cursor: psycopg.Cursor) -> Any:
    names = {column.name: index for index, column in enumerate(cursor.description or ())}
    return lambda values: Row(names, values)


class _BoolAsInt(Dumper):
    """Booleans are stored as 0/1, as in SQLite (the schema keeps the same integer columns)."""

    oid = psycopg.adapters.types["int4"].oid

    def dump(self, obj: bool) -> bytes:
        return b"1" if obj else b"0"


class _DateAsText(Dumper):
    """Dates are ISO text in both schemas, so a date parameter compares with them as text."""

    oid = psycopg.adapters.types["text"].oid

    def dump(self, obj: dt.date) -> bytes:
        return obj.isoformat().encode()


class _NumericAsNumber(Loader):
    """sum() and other numeric results come back as int or float, as SQLite gives them, not Decimal."""

    def load(self, data: Any) -> int | float:
        value = Decimal(bytes(data).decode())
        return int(value) if value == value.to_integral_value() else float(value)


def _configure_adapters(raw: psycopg.Connection) -> None:
    raw.adapters.register_dumper(bool, _BoolAsInt)
    raw.adapters.register_dumper(dt.date, _DateAsText)
    raw.adapters.register_dumper(dt.datetime, _DateAsText)
    raw.adapters.register_loader("numeric", _NumericAsNumber)


_TOKENS = re.compile(r"""('(?:[^']|'')*')|("(?:[^"]|"")*")|(--[^\n]*)|(\$\$.*?\$\$)|(::)|(\?)|(:[A-Za-z_]\w*)|(%)""",
                     re.DOTALL)


_EMPTY_NOT_IN = re.compile(r"\bNOT\s+IN\s*\(\s*\)", re.IGNORECASE)
_EMPTY_IN = re.compile(r"\bIN\s*\(\s*\)", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def to_psycopg(sql: str, with_params: bool = True) -> str:
    """SQLite's ``?`` and ``:name`` placeholders as psycopg's ``%s`` and ``%(name)s`` (a literal % doubled), and
    SQLite's empty ``IN ()`` (nothing matches; ``NOT IN ()`` everything) as an empty array."""
    sql = _EMPTY_IN.sub("= ANY('{}')", _EMPTY_NOT_IN.sub("<> ALL('{}')", sql))
    if not with_params:
        return sql

    def replace(match: re.Match[str]) -> str:
        if match.group(6):
            return "%s"
        if match.group(7):
            return f"%({match.group(7)[1:]})s"
        if match.group(8):
            return "%%"
        return match.group(0)

    return _TOKENS.sub(replace, sql)


class PgConnection:
    """A psycopg connection with the sqlite3 interface the store and its modules use.

    It runs in autocommit mode: transactions are the ``BEGIN``/``COMMIT``/``SAVEPOINT`` statements the store sends,
    exactly as with SQLite's ``isolation_level=None``.
    """

    def __init__(self, raw: psycopg.Connection) -> None:
        self.raw = raw
        self._trace: Callable[[str], object] | None = None

    def set_trace_callback(self, trace: Callable[[str], object] | None) -> None:
        """Call ``trace`` with every statement run, its values written in (as sqlite3's connections do; the tests
        count and read the statements)."""
        self._trace = trace

    def traced(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None) -> None:
        if self._trace is None:
            return
        if params is None or (not isinstance(params, Mapping) and len(params) == 0):
            self._trace(sql)
        else:
            query = to_psycopg(sql)
            self._trace(psycopg.ClientCursor(self.raw).mogrify(
                query, params if isinstance(params, Mapping) else tuple(params)))  # type: ignore[arg-type]

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None) -> psycopg.Cursor:
        self.traced(sql, params)
        cursor = self.raw.cursor(row_factory=_row_factory)
        if params is None or (not isinstance(params, Mapping) and len(params) == 0):
            cursor.execute(to_psycopg(sql, with_params=False))  # type: ignore[arg-type]
        else:
            cursor.execute(to_psycopg(sql), params if isinstance(params, Mapping) else tuple(params))  # type: ignore
        return cursor

    def executemany(self, sql: str, seq_of_params: Iterable[Sequence[Any]]) -> psycopg.Cursor:
        if self._trace is not None:
            self._trace(sql)
        # Read the parameters first: a generator that reads from this connection would wait for the lock that
        # executemany holds on it (sqlite3 lets it read meanwhile).
        rows = list(seq_of_params)
        cursor = self.raw.cursor(row_factory=_row_factory)
        cursor.executemany(to_psycopg(sql), rows)  # type: ignore[arg-type]
        return cursor

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def close(self) -> None:
        self.raw.close()


# ---------------------------------------------------------------------------------------------- connecting
def connect(location: ServerLocation) -> PgConnection:
    """Open a connection to the ledger's database.

    Raises:
        LedgerError: the server cannot be reached, wants a password (``server_password_needed``), refuses the
            login, or the database does not exist or cannot hold Chinese text.
    """
    kwargs: dict[str, Any] = {"autocommit": True, "application_name": "reply-ledger",
                              "connect_timeout": CONNECT_TIMEOUT_SECONDS}
    if location.password is not None:
        kwargs["password"] = location.password
    try:
        raw = psycopg.connect(location.url, **kwargs)
    except psycopg.OperationalError as error:
        raise connection_error(error, location) from error
    except psycopg.ProgrammingError as error:  # a malformed URL
        raise LedgerError(f"The server address '{location}' is not valid ({error}); write it as "
                          "postgresql://USER@HOST/DATABASE.", code="server_url_invalid", url=str(location)) from error
    _configure_adapters(raw)
    conn = PgConnection(raw)
    try:
        conn.execute(f"SET lock_timeout = '{BUSY_SECONDS}s'")
        encoding, ctype = conn.execute(
            "SELECT pg_encoding_to_char(encoding), datctype FROM pg_database WHERE datname = current_database()"
        ).fetchone()
    except psycopg.Error:
        conn.close()
        raise
    if encoding != "UTF8" or ctype in ("C", "POSIX"):
        conn.close()
        raise LedgerError(f"The database '{location}' was created with encoding {encoding} and character type "
                          f"{ctype}, so Chinese text cannot be searched; create it with `reply-ledger server-init`.",
                          code="server_database_unsuitable", url=str(location), encoding=encoding, ctype=ctype)
    return conn


def connection_error(error: BaseException, location: ServerLocation) -> LedgerError:
    """One sentence for a failed connection, naming the server and what to do."""
    text = str(error)
    lowered = text.lower()
    if "no password supplied" in lowered:
        return LedgerError(f"The server of '{location}' asks for {location.user or 'the user'}'s password; enter it, "
                           "or keep it in your PostgreSQL password file (~/.pgpass).", code="server_password_needed",
                           url=str(location), user=location.user)
    if "password authentication failed" in lowered or ("role" in lowered and "does not exist" in lowered):
        return LedgerError(f"The server of '{location}' did not accept the user name or password; check them with "
                           "the ledger's administrator.", code="server_login_failed", url=str(location),
                           user=location.user)
    if "database" in lowered and "does not exist" in lowered:
        return LedgerError(f"The server has no database '{location.database}'; check the name, or create it with "
                           "`reply-ledger server-init`.", code="server_database_missing", url=str(location),
                           database=location.database)
    if "permission denied" in lowered or "not permitted" in lowered:
        return LedgerError(f"The user {location.user or ''} may not open the ledger '{location}'; ask the ledger's "
                           "administrator for the clerk or auditor role.", code="server_access_denied",
                           url=str(location), user=location.user)
    first_line = text.strip().splitlines()[-1] if text.strip() else type(error).__name__
    return LedgerError(f"The ledger server of '{location}' cannot be reached ({first_line}); check the address and "
                       "the network, or ask the ledger's administrator.", code="server_unreachable",
                       url=str(location), reason=first_line)


def open_ledger(location: ServerLocation, *, migrate_schema: bool = True) -> tuple[PgConnection, str, bool]:
    """Connect, bring the schema up to date (when asked), and say who is connected and whether they may write.

    Raises:
        LedgerError: as :func:`connect` and :func:`migrate`; ``server_access_denied`` for a user with no role in
            the ledger.
    """
    conn = connect(location)
    try:
        if migrate_schema:
            migrate(conn, location)
        return conn, session_user(conn), can_write(conn)
    except pg_errors.InsufficientPrivilege as error:
        conn.close()
        raise LedgerError(f"The user {location.user or ''} may not open the ledger '{location}'; ask the ledger's "
                          "administrator for the clerk or auditor role.", code="server_access_denied",
                          url=str(location), user=location.user) from error
    except BaseException:
        conn.close()
        raise


def session_user(conn: PgConnection) -> str:
    return conn.execute("SELECT session_user").fetchone()[0]


def can_write(conn: PgConnection) -> bool:
    """May this user change the ledger (the clerk role or the owner)? An auditor may only read."""
    found = conn.execute("SELECT has_table_privilege('history', 'INSERT')").fetchone()
    return bool(found and found[0])


# ---------------------------------------------------------------------------------------------- the dialect
def escape_like(text: str) -> str:
    """A term as a LIKE pattern that matches it literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _constraint_field(constraint: str | None, table: str) -> str:
    name = constraint or ""
    name = re.sub(r"_check\d*$", "", name)
    return name[len(table) + 1:] if name.startswith(table + "_") else name


class PostgresDialect(Dialect):
    name = "postgresql"
    integrity_errors = (psycopg.IntegrityError,)
    database_errors = (psycopg.Error,)
    too_large_errors = (OverflowError, pg_errors.NumericValueOutOfRange)
    # The planner turns an IN (subquery) into an indexed semi-join only when it stands alone, not under an OR.
    union_for_or = True

    def begin_write(self, conn: PgConnection, location: Any, on_busy: Callable[[], None] | None = None) -> None:
        conn.execute("BEGIN")
        try:
            conn.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
        except pg_errors.LockNotAvailable as error:
            conn.execute("ROLLBACK")
            raise LedgerError(f"The ledger '{location}' is busy: another clerk has been saving for {BUSY_SECONDS} "
                              "seconds; try again when that has finished.", code="db_busy", path=str(location),
                              seconds=BUSY_SECONDS) from error
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def begin_read(self, conn: PgConnection) -> None:
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")

    def tuples(self, conn: PgConnection, sql: str, params: Sequence[Any]) -> Any:
        conn.traced(sql, params)
        cursor = conn.raw.cursor()
        if params:
            return cursor.execute(to_psycopg(sql), tuple(params))  # type: ignore[arg-type]
        return cursor.execute(to_psycopg(sql, with_params=False))  # type: ignore[arg-type]

    def first_column(self, conn: PgConnection, sql: str, params: Sequence[Any]) -> list[Any]:
        conn.traced(sql, params)
        # One array in binary, in the order the query reads: 100 000 keys cost a third of 100 000 rows.
        wrapped = f"SELECT array_agg(k) FROM ({sql}) AS q (k)"
        cursor = conn.raw.cursor()
        if params:
            cursor.execute(to_psycopg(wrapped), tuple(params), binary=True)  # type: ignore[arg-type]
        else:
            cursor.execute(to_psycopg(wrapped, with_params=False), binary=True)  # type: ignore[arg-type]
        found = cursor.fetchone()
        return list(found[0]) if found and found[0] is not None else []

    def insert_returning_id(self, conn: PgConnection, sql: str, params: tuple) -> int:
        return conn.execute(sql + " RETURNING id", params).fetchone()[0]

    def contains(self, haystack: str, needle: str = "?") -> str:
        return f"strpos({haystack}, {needle}) > 0"

    def zero_padded(self, expression: str, width: int) -> str:
        return f"lpad(({expression})::text, {int(width)}, '0')"

    def json_array_has(self, column: str, value: str = "?") -> str:
        return f"EXISTS (SELECT 1 FROM json_array_elements_text(({column})::json) AS item WHERE item = {value})"

    def json_ids(self) -> str:
        return "SELECT item::bigint FROM json_array_elements_text(CAST(? AS json)) AS item"

    def json_texts(self) -> str:
        return "SELECT item FROM json_array_elements_text(CAST(? AS json)) AS item"

    def search_clause(self, conn: PgConnection, terms: Sequence[str]) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for term in terms:
            if len(term) >= 3:
                clauses.append("body ILIKE ?")  # the pg_trgm GIN index
                params.append("%" + escape_like(term) + "%")
            else:
                clauses.append("grams @> ARRAY[lower(?)]")  # the GIN index of each body's short grams
                params.append(term)
        return " AND ".join(clauses), params

    def search_rebuild_sql(self, entry: str, body: str, source: str) -> str:
        # With each body's short grams, as search_index_put() writes them (db/migrations/0001_initial.postgres.sql).
        return (f"INSERT INTO search_index (rowid, body, grams) SELECT entry, body, ledger_short_grams(body) "
                f"FROM (SELECT {entry} AS entry, {body} AS body FROM {source}) written")

    def integrity_error(self, error: BaseException, table: str, label: str) -> LedgerError:
        diag = getattr(error, "diag", None)
        constraint = getattr(diag, "constraint_name", None)
        if isinstance(error, pg_errors.UniqueViolation):
            detail = getattr(diag, "message_detail", None) or ""
            found = re.search(r"Key \((.*?)\)=", detail)
            columns = [c.strip() for c in found.group(1).split(",")] if found else [constraint or "?"]
            return LedgerError(f"A {label} with the same {', '.join(columns)} already exists; open the existing one "
                               "instead of adding it again.", code="duplicate", table=table, fields=columns)
        if isinstance(error, pg_errors.ForeignKeyViolation):
            return LedgerError(f"The {label} refers to a record that does not exist, or other records still refer "
                               "to it; check the linked records.", code="broken_link", table=table)
        if isinstance(error, pg_errors.NotNullViolation):
            column = getattr(diag, "column_name", None) or "?"
            return LedgerError(f"The {label} needs a value for '{column}'; fill it in.", code="required",
                               table=table, field=column)
        if isinstance(error, pg_errors.CheckViolation):
            column = _constraint_field(constraint, table) or "?"
            return LedgerError(f"The {label}'s field '{column}' has a value the ledger does not accept "
                               f"({constraint}); correct it.", code="check_failed", table=table, field=column,
                               rule=constraint)
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return LedgerError(f"The {label} could not be saved: {first_line}.", code="integrity", table=table)

    def explain_error(self, error: BaseException, location: Any) -> LedgerError | None:
        if isinstance(error, pg_errors.InsufficientPrivilege):
            return LedgerError(f"You may read the ledger '{location}' but not change it (the auditor role); ask the "
                               "ledger's administrator for the clerk role to make changes.", code="ledger_read_only",
                               path=str(location), user=getattr(location, "user", ""))
        if isinstance(error, pg_errors.LockNotAvailable):
            return LedgerError(f"The ledger '{location}' is busy: another clerk has been saving for {BUSY_SECONDS} "
                               "seconds; try again when that has finished.", code="db_busy", path=str(location),
                               seconds=BUSY_SECONDS)
        if isinstance(error, psycopg.OperationalError) and isinstance(location, ServerLocation):
            return connection_error(error, location)
        return None

    def integrity_findings(self, conn: PgConnection) -> list[tuple[str, str, str | None, int | None]]:
        findings: list[tuple[str, str, str | None, int | None]] = [
            ("integrity", f"Constraint {name} of table {table} is not validated.", table, None)
            for table, name in conn.execute(
                "SELECT conrelid::regclass::text, conname FROM pg_constraint"
                " WHERE connamespace = current_schema()::regnamespace AND NOT convalidated")]
        findings.extend(
            ("integrity", f"Trigger {name} of table {table} is disabled; re-enable it.", table, None)
            for table, name in conn.execute(
                "SELECT tgrelid::regclass::text, tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                " WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal"
                " AND t.tgenabled = 'D'"))
        return findings

    def column_defaults(self, conn: PgConnection, table: str) -> dict[str, str | None]:
        return {name: default for name, default in conn.execute(
            "SELECT column_name, column_default FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position", (table,))}

    def link_findings(self, conn: PgConnection) -> list[tuple[str, str, str | None, int | None]]:
        # Links are checked row by row: a session in replica mode writes past the foreign keys.
        links = conn.execute(
            "SELECT conrelid::regclass::text, a.attname, confrelid::regclass::text, fa.attname FROM pg_constraint k"
            " JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]"
            " JOIN pg_attribute fa ON fa.attrelid = k.confrelid AND fa.attnum = k.confkey[1]"
            " WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace"
            " AND array_length(k.conkey, 1) = 1 ORDER BY 1, 2").fetchall()
        findings: list[tuple[str, str, str | None, int | None]] = []
        for table, column, parent, parent_column in links:
            for (row_id,) in conn.execute(
                    f'SELECT c.id FROM "{table}" c WHERE c."{column}" IS NOT NULL AND NOT EXISTS'
                    f' (SELECT 1 FROM "{parent}" p WHERE p."{parent_column}" = c."{column}") ORDER BY c.id LIMIT 100'):
                findings.append(("foreign_key", f"{table} #{row_id} refers to a missing {parent} record.", table,
                                 row_id))
        return findings

    def schema_version(self, conn: PgConnection) -> int:
        return schema_version(conn)

    def table_parents(self, conn: PgConnection) -> dict[str, set[str]]:
        parents: dict[str, set[str]] = {}
        for child, parent in conn.execute(
                "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint"
                " WHERE contype = 'f' AND connamespace = current_schema()::regnamespace"):
            parents.setdefault(child, set()).add(parent)
        return parents

    def table_names(self, conn: PgConnection, *, temporary: bool = False) -> list[str]:
        schema = "pg_my_temp_schema()" if temporary else "current_schema()::regnamespace"
        return [row[0] for row in conn.execute(
            f"SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = {schema} ORDER BY relname")]


POSTGRES = PostgresDialect()


# ---------------------------------------------------------------------------------------------- schema
def schema_version(conn: PgConnection) -> int:
    if conn.execute("SELECT to_regclass('ledger_schema')").fetchone()[0] is None:
        return 0
    found = conn.execute("SELECT max(version) FROM ledger_schema").fetchone()
    return int(found[0] or 0)


def migrate(conn: PgConnection, location: ServerLocation) -> int:
    """Bring the server database to the newest schema, one migration per transaction.

    Each step takes the migration lock and reads the version again under it, so two clerks opening the ledger
    after an update never run a step twice. Only the ledger's owner may change the schema; a clerk or auditor
    meeting an old schema is told to ask for ``server-init``.

    Raises:
        LedgerError: the database comes from a newer version (``db_too_new``) or needs a migration this user may
            not run (``server_schema_old``).
    """
    from db.connection import migrations

    steps = migrations("postgres")
    current = schema_version(conn)
    if current > len(steps):
        raise LedgerError(
            f"The database '{location}' was written by a newer Reply Ledger (schema {current}, this version reads "
            f"up to {len(steps)}); update the application.",
            code="db_too_new", path=str(location), version=current, supported=len(steps),
        )
    if current == len(steps):
        return current
    for number, file in steps[current:]:
        conn.execute("BEGIN")
        try:
            conn.execute(f"SELECT pg_advisory_xact_lock({MIGRATE_LOCK_KEY})")
            if schema_version(conn) >= number:
                conn.execute("COMMIT")
                continue
            conn.execute(file.read_text(encoding="utf-8"))
            conn.execute("CREATE TABLE IF NOT EXISTS ledger_schema (version integer NOT NULL)")
            conn.execute("DELETE FROM ledger_schema")
            conn.execute("INSERT INTO ledger_schema (version) VALUES (?)", (number,))
            conn.execute("COMMIT")
        except pg_errors.InsufficientPrivilege as error:
            conn.execute("ROLLBACK")
            raise LedgerError(
                f"The ledger '{location}' has schema {number - 1} and this version of Reply Ledger needs "
                f"{len(steps)}; ask the ledger's administrator to run `reply-ledger server-init` once.",
                code="server_schema_old", url=str(location), version=number - 1, supported=len(steps)) from error
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        logger.info("migrated %s to schema %d (%s)", location, number, file.name)
    grant_roles(conn)
    return schema_version(conn)


def grant_roles(conn: PgConnection) -> None:
    """Give the clerk and auditor roles (where they exist) their rights on every table, after each migration.

    Clerks read and change records and append to the history; auditors only read. Nobody but the owner may
    change or remove a history row (the triggers refuse even the owner).
    """
    roles = {row[0] for row in conn.execute("SELECT rolname FROM pg_roles WHERE rolname IN (?, ?)",
                                            (CLERK_ROLE, AUDITOR_ROLE))}
    if not roles:
        return
    tables = [row[0] for row in conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")]
    statements = []
    if AUDITOR_ROLE in roles:
        statements.append(f"GRANT USAGE ON SCHEMA public TO {AUDITOR_ROLE}")
        statements.extend(f'GRANT SELECT ON "{table}" TO {AUDITOR_ROLE}' for table in tables)
    if CLERK_ROLE in roles:
        statements.append(f"GRANT USAGE ON SCHEMA public TO {CLERK_ROLE}")
        for table in tables:
            if table == "history":
                statements.append(f"GRANT SELECT, INSERT ON history TO {CLERK_ROLE}")
            elif table == "ledger_schema":
                statements.append(f"GRANT SELECT ON ledger_schema TO {CLERK_ROLE}")
            else:
                statements.append(f'GRANT SELECT, INSERT, UPDATE, DELETE ON "{table}" TO {CLERK_ROLE}')
        statements.append(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {CLERK_ROLE}")
    for statement in statements:
        conn.execute(statement)


# ---------------------------------------------------------------------------------------------- setting up a server
def initialise_server(location: ServerLocation, *, clerks: Sequence[str] = (), auditors: Sequence[str] = ()
                      ) -> list[str]:
    """Create the ledger's database (UTF-8, byte order, a character type that knows Chinese), the clerk and auditor
    roles, login roles for the people named, and the schema; run again to add people or to migrate.

    The user of ``location`` needs CREATEDB and CREATEROLE (or is a superuser) and becomes the ledger's owner.

    Returns:
        One line per thing done.

    Raises:
        LedgerError: the server refuses (the sentence says what is missing).
    """
    from psycopg import sql

    done: list[str] = []
    database = location.database
    admin = connect_maintenance(location)
    try:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = ?", (database,)).fetchone()
        if not exists:
            admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' "
                                  "LC_CTYPE 'C.UTF-8'").format(sql.Identifier(database)).as_string(admin.raw))
            done.append(f"Created the database {database} (UTF8, collation C, character type C.UTF-8).")
        for role in (CLERK_ROLE, AUDITOR_ROLE):
            if not admin.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", (role,)).fetchone():
                admin.execute(f"CREATE ROLE {role} NOLOGIN")
                done.append(f"Created the role {role}.")
        for group, people in ((CLERK_ROLE, clerks), (AUDITOR_ROLE, auditors)):
            for person in people:
                name = sql.Identifier(person).as_string(admin.raw)
                if not admin.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", (person,)).fetchone():
                    admin.execute(f"CREATE ROLE {name} LOGIN")
                    done.append(f"Created the login {person} (set a password with: ALTER ROLE {name} PASSWORD …).")
                admin.execute(f"GRANT {group} TO {name}")
                done.append(f"{person} is {'a clerk' if group == CLERK_ROLE else 'an auditor'}.")
        quoted = sql.Identifier(database).as_string(admin.raw)
        admin.execute(f"REVOKE CONNECT ON DATABASE {quoted} FROM PUBLIC")
        admin.execute(f"GRANT CONNECT ON DATABASE {quoted} TO {CLERK_ROLE}, {AUDITOR_ROLE}")
    except pg_errors.InsufficientPrivilege as error:
        raise LedgerError(f"The user {location.user or 'given'} may not set up '{location}' ({error}); run "
                          "server-init as a user with CREATEDB and CREATEROLE.", code="server_access_denied",
                          url=str(location), user=location.user) from error
    finally:
        admin.close()
    conn = connect(location)
    try:
        before = schema_version(conn)
        after = migrate(conn, location)
        grant_roles(conn)
    finally:
        conn.close()
    done.append(f"Schema {after} in {database}" + (f" (was {before})." if before else " (new)."))
    return done


def connect_maintenance(location: ServerLocation) -> PgConnection:
    """A connection to the server's ``postgres`` database, to create the ledger's database and roles."""
    maintenance = location.with_database("postgres")
    try:
        raw = psycopg.connect(maintenance.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_SECONDS,
                              **({"password": location.password} if location.password is not None else {}))
    except psycopg.OperationalError as error:
        raise connection_error(error, maintenance) from error
    _configure_adapters(raw)
    return PgConnection(raw)
