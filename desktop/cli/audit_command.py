"""`reply-ledger audit` (回头看: the contradictions an auditor looks for) and `reply-ledger timeline`."""

from __future__ import annotations

import argparse
import re

from desktop.cli.common import open_store
from desktop.cli.status_command import as_of_date
from desktop.core.audit import AUDIT_KINDS, build_timeline
from desktop.core.errors import LedgerError
from desktop.core.handling import summarize_states


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    audit = subparsers.add_parser(
        "audit", parents=[common], help="list the contradictions an auditor looks for (回头看)",
        description="List replies classed as solved whose promises were missed, replies classed otherwise whose "
        "promises were all met but never answered again, unsatisfied ratings not answered again in time, and "
        "promises with no target and no evidence. One finding a line (date, kind, proposal, finding, tab-separated); "
        "exit status 1 when there is any.")
    audit.add_argument("--as-of", metavar="DATE", help="judge with what was known on this date (default: today)")
    audit.set_defaults(handler=run_audit)

    timeline = subparsers.add_parser(
        "timeline", parents=[common], help="print each proposal's story in date order",
        description="Print the timeline of each proposal: assignment, meetings, replies, ratings, promises, evidence "
        "and re-answers in date order, one event a line.")
    timeline.add_argument("--as-of", metavar="DATE", help="leave out what was recorded after this date")
    timeline.add_argument("--proposal", metavar="NUMBER", help="only the proposals with this number (第021号 or 21)")
    timeline.set_defaults(handler=run_timeline)


def run_audit(args: argparse.Namespace) -> int:
    from db.audit import audit_ledger

    as_of = as_of_date(args)
    with open_store(args, create=False) as store:
        findings = audit_ledger(store, as_of)
    print(f"回头看（截至{as_of.isoformat()}）")
    for finding in findings:
        day = finding.date.isoformat() if finding.date else "—"
        print(f"{day}\t{finding.label}\t{finding.proposal_label}\t{finding.message}")
    summary = summarize_states((f.kind for f in findings), AUDIT_KINDS, "条")
    print(f"共{len(findings)}条" + (f"：{summary}" if summary else "，未发现矛盾"))
    return 1 if findings else 0


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number).lstrip("0") or "0"


def run_timeline(args: argparse.Namespace) -> int:
    from db.followup import deadline_rules, load_proposal_files

    as_of = as_of_date(args)
    with open_store(args, create=False) as store:
        files = [f for f in load_proposal_files(store, as_of) if f.proposal is not None]
        rules = deadline_rules(store)
    if args.proposal:
        wanted = _digits(args.proposal)
        files = [f for f in files if _digits(f.proposal.number) == wanted]
        if not files:
            raise LedgerError(f"No proposal has the number '{args.proposal}'; check the number with `status`.",
                              code="not_found", value=args.proposal)
    for index, file in enumerate(files):
        if index:
            print()
        print(f"{file.label}：{file.proposal.title}")
        for event in build_timeline(file, as_of, rules):
            day = event.date.isoformat() if event.date else "日期不详"
            print(f"{day}\t{event.label}\t{event.text}")
    return 0
