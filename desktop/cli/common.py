"""What the subcommands share: the --db option, opening the store, progress on a terminal, safe printing."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import paths
from desktop.core.errors import printable

if TYPE_CHECKING:
    from db import Location, Store

__all__ = ["DB_HELP", "common_parser", "db_path", "ledger_exists", "ledger_location", "open_store", "printable",
           "progress_printer"]

DB_HELP = ("ledger: a database file (default: ledger.sqlite3 in the user's data folder) or the office's server "
           "database, postgresql://USER@HOST/DATABASE")


def ledger_location(text: str) -> Path | str:
    """``--db``: a file path, or a server database URL, as given (:func:`db_path` reads it when a command runs, so
    that the parser does not wait for the store's modules)."""
    return text.strip() if re.match(r"^(postgresql|postgres)://", text.strip(), re.IGNORECASE) else Path(text)


def common_parser() -> argparse.ArgumentParser:
    """Options every subcommand accepts (given before or after the subcommand name)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=ledger_location, default=argparse.SUPPRESS, help=DB_HELP)
    return common


def db_path(args: argparse.Namespace) -> Location:
    """The ledger the command works on (printed as its file or its server URL, never with a password).

    Raises:
        LedgerError: a server URL that names no database.
    """
    from db.backends.base import parse_location

    return parse_location(getattr(args, "db", None) or paths.default_db_path())


def ledger_exists(location: Location) -> bool:
    """A file that is there, or a server database (the server says whether it is there when it is opened)."""
    return location.path is None or location.path.exists()


def open_store(args: argparse.Namespace, *, create: bool = True) -> Store:
    # Imported when a command runs: the argument parser does not wait for the store.
    from db import Store
    from db.connection import busy_wait_seconds

    location = db_path(args)

    def waiting() -> None:
        print(printable(f"The ledger '{location}' is busy: another program is writing to it; waiting up to "
                        f"{busy_wait_seconds():g} seconds…"), file=sys.stderr, flush=True)

    store = Store.open(location, create=create, on_busy=waiting)
    warning = store.network_file_warning()
    if warning:
        print(printable(f"warning: {warning}"), file=sys.stderr)
    return store


def progress_printer(label: str) -> Callable[[int, int], None] | None:
    """A percentage on stderr while long work runs, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{label}… {100 * done // max(total, 1)}%", end="", file=sys.stderr, flush=True)

    return show
