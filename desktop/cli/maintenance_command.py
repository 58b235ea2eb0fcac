"""`backup`, `restore` and `verify`: safe copies of the database, and proof that its data is what its history says."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from desktop import paths
from desktop.cli.common import db_path, printable, progress_printer
from desktop.core.errors import LedgerError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    backup = subparsers.add_parser(
        "backup", parents=[common], help="copy the database while it may be in use",
        description="Copy the ledger with SQLite's online backup (the app may be running). The copy is written "
        "beside the target and renamed into place only when complete and checked; an existing file is never "
        "overwritten.")
    backup.add_argument("-o", "--output", type=Path, required=True, help="backup file to write")
    backup.set_defaults(handler=run_backup)

    restore_parser = subparsers.add_parser(
        "restore", parents=[common], help="replace the database with a backup (the current file is kept)",
        description="Replace the ledger with a backup. An empty, half-written or damaged file is refused; a "
        "backup of another ledger, an older one, or one whose data does not match its history is refused unless "
        "--force is given. The counts before and after are shown and the current file is kept beside it.")
    restore_parser.add_argument("backup_file", type=Path, help="backup file to restore from")
    restore_parser.add_argument("--force", action="store_true",
                                help="restore even a backup of another ledger, an older one, or one with problems")
    restore_parser.set_defaults(handler=run_restore)

    verify = subparsers.add_parser(
        "verify", parents=[common], help="prove the data matches its history; check integrity, links and anchors",
        description="Check the ledger without writing to it: SQLite integrity, links between records, the history "
        "chain, and every row of every table against what its history says. --anchor checks that the history "
        "still holds the head recorded in an exported workbook, a backup or the witness file of the data folder. "
        "Exit status 0 when all is well, 1 when problems are found.")
    verify.add_argument("--anchor", type=Path, action="append", default=[], metavar="FILE",
                        help="an exported workbook, a backup or the witness file (may be given several times)")
    verify.set_defaults(handler=run_verify)


def run_backup(args: argparse.Namespace) -> int:
    # The store's modules are imported when a command runs: the argument parser does not wait for them.
    from db.backups import write_backup
    from db.connection import connect

    if args.output.exists():
        raise LedgerError(f"The backup file '{args.output}' already exists; choose a new name.",
                          code="file_exists", path=str(args.output))
    source = db_path(args)
    if source.path is None:  # a server ledger is copied into a new file with its whole history
        from db import Store

        with Store.open(source, read_only=True) as store:
            store.backup_to(args.output, progress=progress_printer("Backing up"))
    else:
        with contextlib.closing(connect(source.path, read_only=True)) as conn:
            write_backup(conn, args.output, progress=progress_printer("Backing up"))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(printable(f"Backed up {source} to {args.output}."))
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from db import Store
    from db.verify import read_anchor, require_ledger, verify_ledger

    path = db_path(args)
    with Store.open(path, read_only=True) as store:
        require_ledger(store.conn, path)
        ledger = path.path or Path(path.key)
        anchors = [read_anchor(anchor, ledger, store.chain_head().ledger_id) for anchor in args.anchor]
        report = verify_ledger(store.conn, anchors=anchors, progress=progress_printer("Verifying"))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for finding in report.findings:
        print(printable(finding.message))
    if report.findings:
        print(printable(f"{path}: {len(report.findings)} problem(s) found."))
        return 1
    rows = sum(report.rows_checked.values())
    anchored = "".join(f"; it holds the head recorded in {anchor.describe()}" for anchor in report.anchors_checked)
    print(printable(f"{path}: integrity ok, links ok, history chain of {report.history_rows} changes intact, "
                    f"all {rows} rows of {len(report.rows_checked)} tables match their history{anchored}."))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from db import Store
    from db.backups import plan_restore, restore, update_witness
    from db.connection import connect

    target = db_path(args).path
    if target is None:
        raise LedgerError(f"restore replaces a ledger file, and {db_path(args)} is a server database; copy the backup "
                          "onto the server with `reply-ledger migrate --from BACKUP --to URL` instead.",
                          code="restore_to_server", url=str(db_path(args)))
    plan = plan_restore(args.backup_file, target)
    print(printable(f"Restoring {args.backup_file} over {target}:"))
    for line in [*plan.count_lines(), plan.history_line()]:
        print(f"  {line}")
    for _, concern in plan.concerns:
        print(printable(f"  warning: {concern}"))
    outcome = restore(plan, target, force=args.force)
    with contextlib.closing(connect(target, read_only=True)) as conn:
        update_witness(conn, target, paths.data_dir())
    with Store.open(target, create=False):  # bring a backup of an older version up to date
        pass
    kept = f"; the previous file is kept as {outcome.kept}" if outcome.kept else ""
    print(printable(f"Restored {target} from {args.backup_file}{kept}."))
    return 0
