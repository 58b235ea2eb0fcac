"""What the subcommands share: the --db option, opening the store, progress on a terminal, safe printing."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import paths
from desktop.core.errors import printable

if TYPE_CHECKING:
    from db import Store

__all__ = ["common_parser", "db_path", "open_store", "printable", "progress_printer"]


def common_parser() -> argparse.ArgumentParser:
    """Options every subcommand accepts (given before or after the subcommand name)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help="database file (default: ledger.sqlite3 in the user's data folder)")
    return common


def db_path(args: argparse.Namespace) -> Path:
    return getattr(args, "db", None) or paths.default_db_path()


def open_store(args: argparse.Namespace, *, create: bool = True) -> Store:
    # Imported when a command runs: the argument parser does not wait for the store.
    from db import Store
    from db.connection import busy_wait_seconds

    path = db_path(args)

    def waiting() -> None:
        print(printable(f"The ledger '{path}' is busy: another program is writing to it; waiting up to "
                        f"{busy_wait_seconds():g} seconds…"), file=sys.stderr, flush=True)

    return Store.open(path, create=create, on_busy=waiting)


def progress_printer(label: str) -> Callable[[int, int], None] | None:
    """A percentage on stderr while long work runs, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{label}… {100 * done // max(total, 1)}%", end="", file=sys.stderr, flush=True)

    return show
