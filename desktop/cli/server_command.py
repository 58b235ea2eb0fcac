"""`server-init` and `migrate`: the office's ledger on a PostgreSQL server, and moving a ledger to and from it."""

from __future__ import annotations

import argparse
import sys

from desktop.cli.common import db_path, ledger_location
from desktop.core.errors import LedgerError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    init = subparsers.add_parser(
        "server-init", parents=[common], help="create the office's ledger on a PostgreSQL server, with its roles",
        description="Create the database named by --db postgresql://ADMIN@HOST/DATABASE (UTF-8, searchable Chinese),"
        " the roles reply_ledger_clerk (reads and changes records) and reply_ledger_auditor (reads, exports, "
        "verifies), login roles for the people named, and the schema. Safe to run again: it adds people and brings "
        "the schema up to date.")
    init.add_argument("--clerk", action="append", default=[], metavar="USER", help="a clerk's database login")
    init.add_argument("--auditor", action="append", default=[], metavar="USER", help="an auditor's database login")
    init.set_defaults(handler=run_server_init)

    migrate = subparsers.add_parser(
        "migrate", help="copy a whole ledger with its history between a file and a server database",
        description="Copy every record and the whole history from one ledger to another: a file up to an empty "
        "server database, or a server ledger down to a new file. All or nothing; the history chain is verified in "
        "the copy before it is kept.")
    migrate.add_argument("--from", dest="source", type=ledger_location, required=True, metavar="LEDGER",
                         help="the ledger to copy: a file or postgresql://USER@HOST/DATABASE")
    migrate.add_argument("--to", dest="target", type=ledger_location, required=True, metavar="LEDGER",
                         help="a new file, or an empty server database")
    migrate.set_defaults(handler=run_migrate)


def run_server_init(args: argparse.Namespace) -> int:
    from db import ServerLocation

    location = db_path(args)
    if not isinstance(location, ServerLocation):
        raise LedgerError("server-init sets up a server database; give it as --db postgresql://ADMIN@HOST/DATABASE.",
                          code="server_url_invalid", url=str(location or ""))
    for line in initialise_server(location, args.clerk, args.auditor):
        print(line)
    return 0


def initialise_server(location: object, clerks: list[str], auditors: list[str]) -> list[str]:
    from db.backends.postgres import initialise_server as initialise

    return initialise(location, clerks=clerks, auditors=auditors)


def run_migrate(args: argparse.Namespace) -> int:
    from db.transfer import copy_ledger, describe

    def show(done: int, total: int) -> None:
        print(f"\rCopying… {100 * done // max(total, 1)}%", end="", file=sys.stderr, flush=True)

    report = copy_ledger(args.source, args.target, progress=show if sys.stderr.isatty() else None)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for line in describe(report):
        print(line)
    return 0
