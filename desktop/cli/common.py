"""What the subcommands share: the --db option and opening the store."""

from __future__ import annotations

import argparse

from db import FileLocation, Location, Store, parse_location
from desktop import paths
from desktop.core.errors import LedgerError

DB_HELP = ("ledger: a database file (default: ledger.sqlite3 in the user's data folder) or the office's server "
           "database, postgresql://USER@HOST/DATABASE")


def ledger_location(text: str) -> Location:
    """``--db``: a file path, or a server database URL (its password, if written in it, is kept in memory only)."""
    try:
        return parse_location(text)
    except LedgerError as error:
        raise argparse.ArgumentTypeError(error.message) from error


def common_parser() -> argparse.ArgumentParser:
    """Options every subcommand accepts (given before or after the subcommand name)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=ledger_location, default=argparse.SUPPRESS, help=DB_HELP)
    return common


def db_path(args: argparse.Namespace) -> Location:
    """The ledger the command works on (printed as its file or its server URL, never with a password)."""
    return getattr(args, "db", None) or FileLocation(paths.default_db_path())


def ledger_exists(location: Location) -> bool:
    """A file that is there, or a server database (the server says whether it is there when it is opened)."""
    return location.path is None or location.path.exists()


def open_store(args: argparse.Namespace, *, create: bool = True) -> Store:
    return Store.open(db_path(args), create=create)
