"""`reply-ledger dossier`: one proposal's whole handling as a PDF on A4 pages."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import open_store
from desktop.cli.status_command import as_of_date
from desktop.core.dossier import dossier_html


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "dossier", parents=[common], help="write one proposal's dossier (its whole handling) as a PDF",
        description="Write the dossier of one proposal as a PDF on A4 pages, in Chinese: the proposal, each reply's "
        "header, every commitment with its targets and their states as of a date, the evidence with its sources, "
        "and the timeline.")
    parser.add_argument("--proposal", required=True, metavar="NUMBER",
                        help="the proposal's number, e.g. 第021号 (021 and 21 are the same)")
    parser.add_argument("--session", help="the proposal's session, where several sessions have that number")
    parser.add_argument("--as-of", metavar="DATE", help="judge the states as of this day (default: today)")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.pdf", help="the PDF to write")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from db.dossier import find_proposal_by_number, load_dossier  # when the command runs: the parser stays light

    as_of = as_of_date(args)
    with open_store(args, create=False) as store:
        proposal = find_proposal_by_number(store, args.proposal, args.session)
        html = dossier_html(load_dossier(store, proposal.id, as_of))  # type: ignore[arg-type]
    # Laying out pages needs Qt's text engine (no window): imported only when a dossier is written.
    from desktop.ui.dossier_print import write_pdf

    path = write_pdf(html, args.output)
    print(f"{proposal.session}{proposal.number}：{path}")
    return 0
