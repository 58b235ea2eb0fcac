"""`backup`, `restore` and `verify`: online copies of the database and checks of its integrity and history."""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
from pathlib import Path

from db import Store
from desktop.cli.common import db_path, open_store
from desktop.core.errors import LedgerError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    backup = subparsers.add_parser("backup", parents=[common], help="copy the database while it may be in use")
    backup.add_argument("-o", "--output", type=Path, required=True, help="backup file to write")
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser("restore", parents=[common],
                                    help="replace the database with a verified backup (the current file is kept)")
    restore.add_argument("backup_file", type=Path, help="backup file to restore from")
    restore.set_defaults(handler=run_restore)

    verify = subparsers.add_parser("verify", parents=[common],
                                   help="check the file's integrity, its links and its history chain")
    verify.set_defaults(handler=run_verify)


def run_backup(args: argparse.Namespace) -> int:
    if args.output.exists():
        raise LedgerError(f"The backup file '{args.output}' already exists; choose a new name.",
                          code="file_exists", path=str(args.output))
    with open_store(args, create=False) as store:
        store.backup_to(args.output)
    print(f"Backed up {db_path(args)} to {args.output}.")
    return 0


def check_database(store: Store) -> list[str]:
    """Integrity, foreign keys and the history chain; one sentence per problem."""
    problems = store.integrity_problems()
    problems.extend(store.verify_history())
    return problems


def run_verify(args: argparse.Namespace) -> int:
    with open_store(args, create=False) as store:
        problems = check_database(store)
        history_rows = len(store.history())
    for problem in problems:
        print(problem)
    if problems:
        print(f"{db_path(args)}: {len(problems)} problem(s) found.")
        return 1
    print(f"{db_path(args)}: integrity ok, links ok, history chain of {history_rows} changes intact.")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    target = db_path(args).path
    if target is None:
        raise LedgerError(f"restore replaces a ledger file, and {db_path(args)} is a server database; copy the backup "
                          "onto the server with `reply-ledger migrate --from BACKUP --to URL` instead.",
                          code="restore_to_server", url=str(db_path(args)))
    with Store.open(args.backup_file, create=False) as backup:
        problems = check_database(backup)
        if problems:
            raise LedgerError(f"The backup '{args.backup_file}' fails its checks ({problems[0]}); "
                              "choose another backup.", code="backup_bad", path=str(args.backup_file))
        kept = None
        if target.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            with open_store(args, create=False) as current:
                kept = current.backup_to(target.with_name(f"{target.name}.before-restore-{stamp}.bak"))
        dest = sqlite3.connect(target)
        try:
            backup.conn.backup(dest)
        finally:
            dest.close()
    print(f"Restored {target} from {args.backup_file}" + (f"; the previous file is kept as {kept}." if kept else "."))
    return 0
