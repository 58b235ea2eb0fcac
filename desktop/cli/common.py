"""What the subcommands share: the --db option and opening the store."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import paths

if TYPE_CHECKING:
    from db import Store


def common_parser() -> argparse.ArgumentParser:
    """Options every subcommand accepts (given before or after the subcommand name)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help="database file (default: ledger.sqlite3 in the user's data folder)")
    return common


def db_path(args: argparse.Namespace) -> Path:
    return getattr(args, "db", None) or paths.default_db_path()


def open_store(args: argparse.Namespace, *, create: bool = True) -> Store:
    from db import Store  # imported when a command runs: the argument parser does not wait for the store

    return Store.open(db_path(args), create=create)
