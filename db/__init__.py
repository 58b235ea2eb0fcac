"""Storage for Reply Ledger: the only package that speaks SQL. No Qt here."""

from db.backends import FileLocation, Location, ServerLocation, parse_location
from db.connection import SCHEMA_VERSION, connect
from db.search import SearchHit
from db.store import Store

__all__ = ["SCHEMA_VERSION", "FileLocation", "Location", "SearchHit", "ServerLocation", "Store", "connect",
           "parse_location"]
