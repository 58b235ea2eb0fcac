"""`reply-ledger extract FILE... [--json]` and `reply-ledger import FILE... --db FILE [--accept]`."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.records import TARGET_KINDS

if TYPE_CHECKING:
    from desktop.core.extraction import LetterExtraction


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    extract = subparsers.add_parser(
        "extract", help="print the header and targets of letters",
        description="Read reply letters (.txt, .md, .html, .docx, .pdf) and print each one's header fields and "
        "targets: a table, or with --json the layout of the annotation guidelines (one object for one file, "
        "a list for several).")
    extract.add_argument("files", nargs="+", type=Path, metavar="FILE")
    extract.add_argument("--json", action="store_true", help="print JSON instead of a table")
    extract.set_defaults(handler=run_extract)

    importer = subparsers.add_parser(
        "import", parents=[common], help="import letters or evidence documents into a database",
        description="Store each file (text, original bytes and SHA-256), and for a reply letter the proposal it "
        "answers, the reply and its extracted targets as suggestions to review. With --accept the targets "
        "become commitments and targets at once. A file imported before is recognised by its hash and left "
        "alone.")
    importer.add_argument("files", nargs="+", type=Path, metavar="FILE")
    importer.add_argument("--accept", action="store_true",
                          help="accept the extracted targets as commitments and targets instead of suggestions")
    importer.set_defaults(handler=run_import)


def run_extract(args: argparse.Namespace) -> int:
    # Imported here: compiling the extraction grammar costs ~0.1 s that other commands need not pay.
    from desktop.core.extraction import extract_files

    results = extract_files(args.files)
    if args.json:
        objects = [extraction.to_dict(str(path)) for path, (_, extraction) in zip(args.files, results, strict=True)]
        payload = objects[0] if len(objects) == 1 else objects
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for index, (path, (_, extraction)) in enumerate(zip(args.files, results, strict=True)):
        if index:
            print()
        print(format_extraction(str(path), extraction))
    return 0


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _cell(text: str, width: int) -> str:
    text = text.replace("\n", " ")
    if _width(text) > width:
        out = ""
        for ch in text:
            if _width(out + ch) > width - 1:
                break
            out += ch
        text = out + "…"
    return text + " " * (width - _width(text))


def format_extraction(name: str, extraction: LetterExtraction) -> str:
    """A readable block for one file: header fields, then one row per target."""
    header = extraction.header
    lines = [f"== {name}"]
    if extraction.is_letter:
        fields = [("文号 Doc number", header.doc_number_normalized or header.doc_number),
                  ("发文单位 Issuer", header.issuer),
                  ("建议/提案 Proposal", " ".join(p for p in (header.session, header.proposal_type, header.number)
                                               if p) or None),
                  ("致 Addressee", header.addressee),
                  ("日期 Date", header.date.isoformat() if header.date else None),
                  ("签发人 Signer", header.signer), ("经办人 Handler", header.handler),
                  ("电话 Phone", header.phone), ("抄送 Copy to", header.cc),
                  ("类别 Class", header.classification)]
        for label, value in fields:
            lines.append(f"  {_cell(label, 20)} {value if value else '-'}")
    else:
        lines.append("  (not a reply letter: figures of the whole text)")
    if not extraction.targets:
        lines.append("  No targets found.")
        return "\n".join(lines)
    columns = [("Kind", 6), ("Indicator", 28), ("Cmp", 11), ("Value", 16), ("Deadline", 10), ("Cum", 5),
               ("Quote", 40)]
    lines.append("  " + " ".join(_cell(title, width) for title, width in columns))
    for target in extraction.targets:
        if target.comparator == "qualitative":
            value = "-"
        elif target.comparator == "range":
            value = f"{target.value}–{target.value_high}{target.unit or ''}"
        else:
            value = f"{target.value}{target.unit or ''}"
        cumulative = {True: "累计", False: "新增", None: "-"}[target.cumulative]
        row = [TARGET_KINDS.get(target.kind, target.kind), target.indicator, target.comparator, value,
               target.deadline.isoformat() if target.deadline else "-", cumulative, target.quote]
        lines.append("  " + " ".join(_cell(str(text), width) for text, (_, width) in zip(row, columns, strict=True)))
    return "\n".join(lines)


def run_import(args: argparse.Namespace) -> int:
    from db.letters import import_document
    from desktop.cli.common import open_store, printable
    from desktop.core.errors import LedgerError
    from desktop.core.extraction import extract_files

    extracted = extract_files(args.files)  # a file that cannot be read stops the import before anything is written
    with open_store(args) as store:
        # Each file is imported in its own transaction: say each one as it is committed, so that a failure
        # later (a full disk) leaves no doubt about what is in the ledger.
        for done, (document, extraction) in enumerate(extracted):
            try:
                outcome = import_document(store, document, extraction, accept=args.accept)
            except LedgerError:
                if done:
                    print(printable(f"{done} of {len(extracted)} file(s) were imported before this error; "
                                    f"'{document.path}' and the files after it were not."), file=sys.stderr)
                raise
            print(printable(outcome.message), flush=True)
    return 0
