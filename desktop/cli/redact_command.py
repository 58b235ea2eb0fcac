"""`reply-ledger redact`: a reply's text with its personal data redacted, ready to publish."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import open_store
from desktop.core.errors import LedgerError
from desktop.core.redaction import check_output, report_lines, write_redacted_copy


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "redact", parents=[common], help="write a reply's text with its personal data redacted (.txt or .docx)",
        description="Publication pre-check: find the personal data in a reply's text. Mobile, ID card and bank card "
        "numbers, home addresses and private persons' details are redacted; office landlines and the handler's "
        "name are listed for you to decide. The copy lists every redaction (masked) at its end.")
    parser.add_argument("--reply", required=True, metavar="DOC_NUMBER", help="the reply, e.g. 常工信复〔2021〕第39号")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the redacted copy to write (.txt or .docx)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    check_output(args.output)
    with open_store(args, create=False) as store:
        reply = store.find_reply_by_doc_number(args.reply)
    if reply is None:
        raise LedgerError(f"No reply '{args.reply}' is in the ledger; check the document number (`status` lists "
                          "them).", code="reply_not_found", doc_number=args.reply)
    if not (reply.text or "").strip():
        raise LedgerError(f"The reply '{args.reply}' has no text to check; import its letter or type its text "
                          "first.", code="reply_text_missing", doc_number=args.reply)
    copy = write_redacted_copy(args.output, reply.text or "", title=reply.title or reply.doc_number or "答复",
                               handler=reply.handler)
    redacted, review = report_lines(reply.text or "", list(copy.found))
    print(f"Wrote {copy.path}: {len(redacted)} item(s) of personal data redacted, {len(review)} listed for you "
          "to decide.")
    if redacted:
        print("隐去：")
        print("\n".join(redacted))
    if review:
        print("请确认（未隐去）：")
        print("\n".join(review))
    return 0
