"""`reply-ledger export`: the audit workbook; `reply-ledger import-ledger`: an existing Excel ledger moved in."""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from pathlib import Path

from desktop.cli.common import db_path, ledger_exists, open_store
from desktop.core.errors import LedgerError
from desktop.core.ledger_import import LIMITS
from desktop.core.validation import parse_date


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    export = subparsers.add_parser(
        "export", parents=[common], help="write the audit workbook (.xlsx)",
        description="Write the audit workbook: summary and yearly statistics, proposals, replies, commitments and "
        "targets judged as of a date, evidence, reminders and the change history.")
    export.add_argument("-o", "--output", type=Path, required=True, help="workbook to write (.xlsx)")
    export.add_argument("--as-of", help="judge targets as of this date (default: today), e.g. 2022-03-31")
    export.add_argument("--unit", help="only this unit's proposals and commitments")
    export.add_argument("--year", help="only proposals assigned in this year, e.g. 2021")
    export.add_argument("--state", help="only targets in this state: met, on_track, at_risk, missed, overdue, "
                        "no_data (or 已达成, 有风险...)")
    export.add_argument("--session", help="only proposals of this session (part of its name is enough)")
    export.set_defaults(handler=run_export)
    register_import(subparsers, common)


def run_export(args: argparse.Namespace) -> int:
    # Imported when the command runs: the argument parser does not wait for openpyxl.
    from db.export import export_ledger, parse_state, parse_year
    from desktop.core.xlsx_export import MAX_CELL_TEXT, TRUNCATION_MARKER, ExportFilters

    as_of = parse_date(args.as_of, "--as-of") if args.as_of else None
    filters = ExportFilters(unit=(args.unit or "").strip() or None, year=parse_year(args.year),
                            state=parse_state(args.state), session=(args.session or "").strip() or None)
    with open_store(args, create=False) as store:
        result = export_ledger(store, args.output, as_of=as_of, filters=filters, progress=_progress_printer())
    if sys.stderr.isatty():
        print(file=sys.stderr)
    counts = "，".join(f"{name} {rows}" for name, rows in result.rows.items())
    print(f"Wrote {result.path} from {db_path(args)}: {counts} rows.")
    if result.truncated:
        # Named here and in 汇总: an auditor must know which cells do not hold the whole text.
        print(f"{len(result.truncated)} cell(s) were cut to Excel's limit of {MAX_CELL_TEXT} characters "
              f"(they end in {TRUNCATION_MARKER.format(length='N')!r}):")
        for cell in result.truncated:
            print(f"  {cell.describe()}")
    return 0


def _progress_printer():
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\rExporting… {100 * done // max(total, 1)}%", end="", file=sys.stderr, flush=True)

    return show


def register_import(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import-ledger", parents=[common], help="import an existing Excel ledger (all or nothing)",
        description="Import an Excel ledger (台账): a hand-kept one, whose columns are guessed from their Chinese "
        "names in every sheet that looks like a ledger, or a workbook written by 'export'. Promises (承诺事项) become "
        "targets and figures in 落实情况 dated evidence. All rows are imported or none; rows that cannot be taken are "
        "listed with their column and why. " + LIMITS.describe().capitalize() + ".")
    parser.add_argument("ledger", type=Path, help="the ledger: .xlsx, .xlsm, .xls, .ods, .csv or .tsv (every sheet)")
    parser.add_argument("--mapping", type=Path, help='JSON file mapping fields to headers, e.g. {"建议编号": "案号"}')
    parser.add_argument("--session", help="the session of the proposals when the ledger does not name it, "
                        "e.g. 常州市十六届人大五次会议")
    parser.add_argument("--dry-run", action="store_true", help="check everything and report, but write nothing")
    parser.add_argument("--skip-bad", action="store_true",
                        help="import the good rows and write the bad ones to a report next to the ledger")
    parser.set_defaults(handler=run_import)


def run_import(args: argparse.Namespace) -> int:
    from db import Store
    from db.ledger_import import LedgerImportRejected, import_ledger
    from desktop.core.ledger_import import load_mapping, read_ledger, report_lines, write_report

    mapping = load_mapping(args.mapping) if args.mapping else None
    with contextlib.ExitStack() as stack:
        store = None
        classes = None
        if ledger_exists(db_path(args)):
            # The office's result-class scheme decides what words such as 留作参考 mean.
            store = stack.enter_context(open_store(args, create=False))
            classes = store.get_setting("result_class.classes")
        plan = read_ledger(args.ledger, mapping=mapping, session=args.session, result_classes=classes)
        for line in plan.describe_mapping():
            print(line)
        for note in plan.notes:
            print(note)
        for warning in plan.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        if store is None and args.dry_run:
            # A dry run against a database that does not exist yet checks against an empty one and creates nothing.
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="reply-ledger-dry-run-")))
            store = stack.enter_context(Store.open(folder / "empty.sqlite3"))
        elif store is None:
            store = stack.enter_context(open_store(args))
        try:
            outcome = import_ledger(store, plan, dry_run=args.dry_run, skip_bad=args.skip_bad)
        except LedgerImportRejected as rejected:
            for line in report_lines(rejected.problems):
                print(line, file=sys.stderr)
            raise
    print(("Dry run: " if args.dry_run else "") + outcome.summary())
    if outcome.problems:
        for line in report_lines(outcome.problems):
            print(line, file=sys.stderr)
        if not args.dry_run:
            try:
                report = write_report(args.ledger, [f"{args.ledger.name} → {db_path(args)}", outcome.summary(),
                                                    f"{len(outcome.problems)} problem(s) in rows left out:"],
                                      outcome.problems)
            except LedgerError as error:  # the good rows are in; the bad ones are listed above
                print(f"warning: {error.message}", file=sys.stderr)
            else:
                print(f"Rows left out are listed in {report}.")
    return 0
