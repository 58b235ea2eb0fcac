"""`reply-ledger contacts list|import`: meetings, 面商, calls and visits with proposers (见面率)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.common import open_store
from desktop.core.contacts import ContactsRejected, read_contacts
from desktop.core.errors import LedgerError
from desktop.core.records import CONTACT_METHODS
from desktop.core.validation import parse_date


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "contacts", parents=[common], help="list or import contacts with proposers (见面, 面商, 电话, 走访)",
        description="`contacts list` prints the contacts recorded with proposers (date, way, proposal, "
        "participants, notes; tab-separated). `contacts import FILE` records the contacts of a .csv or .xlsx list "
        "with the columns 建议, 日期, 方式, 参加人员 and 内容 (届次 when 建议 holds only the number), all or "
        "nothing; a contact recorded before is not recorded again.")
    parser.add_argument("action", nargs="?", default="list", choices=("list", "import"))
    parser.add_argument("file", nargs="?", type=Path, help="the list to import (.csv or .xlsx)")
    parser.add_argument("--as-of", help="list only the contacts up to this date")
    parser.add_argument("--dry-run", action="store_true", help="check the list and report, but write nothing")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from db.contacts import list_contacts  # when the command runs: the parser stays light

    if args.action == "import":
        return _import(args)
    as_of = parse_date(args.as_of, "--as-of") if args.as_of else None
    with open_store(args, create=False) as store:
        lines = list_contacts(store, as_of=as_of)
    for line in lines:
        contact = line.contact
        print("\t".join((contact.contact_date.isoformat(), CONTACT_METHODS.get(contact.method, contact.method),
                         line.proposal_label, contact.participants or "", (contact.notes or "").replace("\n", " "))))
    print(f"共{len(lines)}次，其中见面{sum(1 for line in lines if line.contact.face_to_face)}次")
    return 0


def _import(args: argparse.Namespace) -> int:
    from db.contacts import import_contacts

    if args.file is None:
        raise LedgerError("Name the list to import, such as `contacts import 见面记录.xlsx`.", code="file_missing",
                          file="")
    try:
        rows = read_contacts(args.file)
    except ContactsRejected as rejected:
        for problem in rejected.problems:
            print(f"error: {problem}", file=sys.stderr)
        raise
    with open_store(args) as store:
        done, problems = import_contacts(store, rows, dry_run=args.dry_run)
    if problems:
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        raise ContactsRejected(args.file, problems)
    prefix = "Dry run: would record" if args.dry_run else "Recorded"
    print(f"{prefix} {done.created} contact(s) from {args.file.name}; {done.already_there} were recorded before.")
    return 0
