"""The ledger's two backends behind one store: SQLite (one desk, the default) and PostgreSQL (the office server).

:mod:`db.backends.base` holds where a ledger is (:class:`FileLocation`, :class:`ServerLocation`) and the
:class:`Dialect` interface; :mod:`db.backends.sqlite` and :mod:`db.backends.postgres` hold everything that
differs between the two. Nothing above ``db/`` imports this package's backends: it opens a :class:`db.Store`.
"""

from __future__ import annotations

from typing import Any

from db.backends.base import (
    Dialect,
    FileLocation,
    Location,
    ServerLocation,
    is_server_url,
    parse_location,
    server_url,
)
from db.backends.sqlite import SQLITE

__all__ = ["SQLITE", "Dialect", "FileLocation", "Location", "ServerLocation", "dialect_of", "is_server_url",
           "parse_location", "server_url"]


def dialect_of(conn: Any) -> Dialect:
    """The dialect of an open connection (for the few functions that are handed a connection, not a store)."""
    if type(conn).__name__ == "PgConnection":
        from db.backends.postgres import POSTGRES

        return POSTGRES
    return SQLITE
