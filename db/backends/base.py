"""What the two backends share: where a ledger is (a file or a server database) and the dialect interface.

Everything in ``db/`` that differs between SQLite and PostgreSQL goes through a :class:`Dialect`; the SQL that
both understand (standard SELECTs, ``INSERT ... ON CONFLICT``, savepoints, ``substr``, ``coalesce``) is written
once in the modules that need it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from desktop.core.errors import LedgerError

SERVER_SCHEMES = ("postgresql", "postgres")


@dataclasses.dataclass(frozen=True)
class FileLocation:
    """A ledger in a SQLite file."""

    path: Path

    kind = "file"

    def __str__(self) -> str:
        return str(self.path)

    @property
    def key(self) -> str:
        """A name that stays the same for the same ledger (drafts, recent ledgers)."""
        return str(self.path.resolve())

    @property
    def name(self) -> str:
        """A short name for the ledger (to suggest file names with)."""
        return self.path.stem


@dataclasses.dataclass(frozen=True)
class ServerLocation:
    """A ledger in a PostgreSQL database: a libpq URL without its password, and the password if one was typed.

    The password lives only in memory (``repr`` and ``str`` never show it); without one libpq looks in the user's
    password file (``~/.pgpass``) or asks the server for another way in.
    """

    url: str
    password: str | None = dataclasses.field(default=None, repr=False, compare=False)

    kind = "server"
    path = None

    def __str__(self) -> str:
        return self.url

    @property
    def key(self) -> str:
        return self.url

    @property
    def name(self) -> str:
        return self.database

    @property
    def user(self) -> str:
        return unquote(urlsplit(self.url).username or "")

    @property
    def database(self) -> str:
        return unquote(urlsplit(self.url).path.lstrip("/"))

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or "localhost"

    def with_password(self, password: str | None) -> ServerLocation:
        return ServerLocation(self.url, password)

    def with_database(self, database: str) -> ServerLocation:
        parts = urlsplit(self.url)
        return ServerLocation(urlunsplit(parts._replace(path="/" + database)), self.password)


Location = FileLocation | ServerLocation


def is_server_url(text: str) -> bool:
    return bool(re.match(r"^(postgresql|postgres)://", text.strip(), re.IGNORECASE))


def parse_location(value: str | Path | Location) -> Location:
    """A ledger location from a command-line value, a saved setting or a path.

    ``postgresql://USER@HOST[:PORT]/DATABASE`` (or ``postgres://``) is a server database; a password written into
    the URL is taken out of it and kept in memory only. Anything else is a file path.

    Raises:
        LedgerError: a server URL that names no database.
    """
    if isinstance(value, FileLocation | ServerLocation):
        return value
    if isinstance(value, Path):
        return FileLocation(value)
    text = str(value).strip()
    if not is_server_url(text):
        return FileLocation(Path(text))
    parts = urlsplit(text)
    password = unquote(parts.password) if parts.password is not None else None
    netloc = parts.hostname or ""
    if parts.hostname and ":" in parts.hostname:  # an IPv6 address keeps its brackets
        netloc = f"[{parts.hostname}]"
    if parts.port:
        netloc += f":{parts.port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    url = urlunsplit(("postgresql", netloc, parts.path, parts.query, ""))
    location = ServerLocation(url, password)
    if not location.database:
        raise LedgerError(f"The server address '{location}' names no database; write it as "
                          "postgresql://USER@HOST/DATABASE.", code="server_url_invalid", url=str(location))
    return location


def server_url(host: str, database: str, user: str, port: int | None = None) -> str:
    """The URL of a server database from the fields of the Connect dialog."""
    from urllib.parse import quote

    netloc = (quote(user, safe="") + "@" if user else "") + (f"[{host}]" if ":" in host else host)
    if port:
        netloc += f":{int(port)}"
    return f"postgresql://{netloc}/{quote(database, safe='')}"


class Dialect:
    """The SQL and connection behaviour that differ between the backends. One instance per backend.

    SQL fragments returned here take their values as ``?`` parameters; user text is never put into SQL.
    """

    name = ""
    #: Exceptions the driver raises when a constraint refuses a write.
    integrity_errors: tuple[type[BaseException], ...] = ()
    #: Exceptions the driver raises for any database failure.
    database_errors: tuple[type[BaseException], ...] = ()
    #: Search alternatives (a commitment's text or its target's) as a UNION of keys rather than OR'd conditions.
    union_for_or = False
    #: Exceptions for a whole number too large for a 64-bit column.
    too_large_errors: tuple[type[BaseException], ...] = (OverflowError,)

    # ------------------------------------------------------------------ transactions
    def begin_write(self, conn: Any, location: Location, on_busy: Callable[[], None] | None = None) -> None:
        """Start a write transaction holding the ledger's write lock (one writer at a time, one history chain);
        ``on_busy`` is called once when it has to wait for another writer."""
        raise NotImplementedError

    def begin_read(self, conn: Any) -> None:
        """Start a transaction that reads one consistent moment (temporary tables may still be written)."""
        raise NotImplementedError

    def tuples(self, conn: Any, sql: str, params: Sequence[Any]) -> Any:
        """A query's rows as plain tuples (an iterable cursor), for readers that know the columns."""
        raise NotImplementedError

    def first_column(self, conn: Any, sql: str, params: Sequence[Any]) -> list[Any]:
        """The first column of a query's rows, read as plain tuples (no row objects for 100 000 keys)."""
        raise NotImplementedError

    def insert_returning_id(self, conn: Any, sql: str, params: tuple) -> int:
        """Run an ``INSERT`` of one row and return the new row's id."""
        raise NotImplementedError

    # ------------------------------------------------------------------ SQL fragments
    def contains(self, haystack: str, needle: str = "?") -> str:
        """True when ``haystack`` contains ``needle`` (by default one ``?`` parameter)."""
        raise NotImplementedError

    def zero_padded(self, expression: str, width: int) -> str:
        """An integer expression as text, padded with zeros to ``width`` digits."""
        raise NotImplementedError

    def json_array_has(self, column: str, value: str = "?") -> str:
        """True when the JSON array of text in ``column`` holds ``value`` (by default one ``?`` parameter)."""
        raise NotImplementedError

    def json_ids(self) -> str:
        """A subquery of the ids in one ``?`` parameter, a JSON array (no limit on how many, unlike ``IN (?, ?…)``)."""
        raise NotImplementedError

    def json_texts(self) -> str:
        """A subquery of the texts in one ``?`` parameter, a JSON array."""
        raise NotImplementedError

    def search_clause(self, conn: Any, terms: Sequence[str]) -> tuple[str, list[Any]]:
        """A condition over ``search_index`` (columns ``rowid`` and ``body``) that every term matches."""
        raise NotImplementedError

    def search_order(self, clause: str) -> str:
        """The ORDER BY of a search over ``search_index`` with that condition: best matches first."""
        return "rowid"

    def search_rebuild_sql(self, entry: str, body: str, source: str) -> str:
        """The INSERT that writes the search entries ``SELECT entry, body FROM source`` as the schema's triggers
        write one (a bulk write rebuilds them at its end, db/bulk_write.py)."""
        raise NotImplementedError

    # ------------------------------------------------------------------ errors and checks
    def explain_error(self, error: BaseException, location: Location) -> LedgerError | None:
        """The one sentence for a failure the user can act on (disk full, busy, no right); None for a bug."""
        raise NotImplementedError

    def integrity_error(self, error: BaseException, table: str, label: str) -> LedgerError:
        """One sentence for a constraint the database enforced."""
        raise NotImplementedError

    def integrity_findings(self, conn: Any) -> list[tuple[str, str, str | None, int | None]]:
        """Problems of the storage itself (damaged pages; on a server, constraints or triggers turned off):
        (kind, sentence, table, row id) each."""
        raise NotImplementedError

    def link_findings(self, conn: Any) -> list[tuple[str, str, str | None, int | None]]:
        """Rows whose foreign key points at a missing record: (kind, sentence, table, row id) each."""
        raise NotImplementedError

    def integrity_problems(self, conn: Any) -> list[str]:
        """Both kinds of problems, one sentence each."""
        return [finding[1] for finding in (*self.integrity_findings(conn), *self.link_findings(conn))]

    def column_defaults(self, conn: Any, table: str) -> dict[str, str | None]:
        """Each column of a table with its default as SQL text (None: no default), in the table's order."""
        raise NotImplementedError

    def schema_version(self, conn: Any) -> int:
        raise NotImplementedError

    def table_names(self, conn: Any, *, temporary: bool = False) -> list[str]:
        """The ledger's tables (or this connection's temporary tables), without the search index's own."""
        raise NotImplementedError

    def table_parents(self, conn: Any) -> dict[str, set[str]]:
        """For each table, the tables its foreign keys point at."""
        raise NotImplementedError
