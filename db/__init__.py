"""Storage for Reply Ledger: the only package that speaks SQL. No Qt here."""

from db.connection import SCHEMA_VERSION, connect
from db.store import SearchHit, Store

__all__ = ["SCHEMA_VERSION", "SearchHit", "Store", "connect"]
