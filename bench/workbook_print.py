"""How the audit workbook prints: pages per sheet and rows per page of a generated ledger, through LibreOffice.

    python bench/workbook_print.py [--targets 2000] [--as-of 2024-06-30] [--keep DIR] [--images]

Generates a ledger with bench/generate_ledger.py, exports the workbook, converts it to PDF with
``soffice --headless --convert-to pdf`` and reads the PDF back with poppler's pdfinfo/pdftotext. Each page
names its sheet in its header (&A), which is how pages are counted per sheet. It reports the data rows of each
sheet, its pages and rows per page, and counts cells shown as ### (a number wider than its column). Before the
export, a clerk's edits go through the store (a target's value and deadline, a reply's publication, a proposal
recorded without its deadline), so that the end of 变更记录 shows field changes, not only new records. With
``--images`` it also writes a PNG of the last full page of 变更记录 and of the middle page of 承诺与指标 (pdftoppm).
Needs libreoffice-calc and poppler-utils.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
import tempfile
import time
from collections import OrderedDict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def sheet_pages(pdf: Path) -> OrderedDict[str, list[int]]:
    """Page numbers of each sheet, in order, from the sheet name each page's header starts with."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages: OrderedDict[str, list[int]] = OrderedDict()
    for number, page in enumerate(text.split("\f")[:count], start=1):
        first = next((line.strip() for line in page.splitlines() if line.strip()), "")
        pages.setdefault(first.split()[0] if first else "?", []).append(number)
    return pages


def edit_like_a_clerk(store) -> int:
    """A few edits through the store, each one written to the history as a clerk's change would be."""
    import dataclasses

    from desktop.core.records import Proposal, Reply, Target

    edits = 0
    for target in store.list(Target, "id <= 12"):
        store.save(dataclasses.replace(target, value=target.value + 100, value_normalized=None,
                                       deadline=dt.date(2025, 12, 31)))
        edits += 1
    for reply in store.list(Reply, "id <= 6"):
        store.save(dataclasses.replace(reply, published_date=reply.reply_date + dt.timedelta(days=10),
                                       published_where="常州市人民政府网站", text="答复全文……" * 300))
        edits += 1
    for proposal in store.list(Proposal, "id <= 4"):
        store.save(dataclasses.replace(proposal, reply_due_date=None, key_supervised=True))
        edits += 1
    return edits


def main() -> None:
    from generate_ledger import generate

    from db import Store
    from db.export import export_ledger

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", type=int, default=2000)
    parser.add_argument("--as-of", default="2024-06-30")
    parser.add_argument("--keep", type=Path, help="folder to keep the ledger, workbook and PDF in")
    parser.add_argument("--images", action="store_true", help="write page images of 变更记录 and 承诺与指标")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="workbook-print-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "ledger.sqlite3"
    db.unlink(missing_ok=True)
    generate(db, args.targets)
    with Store.open(db, actor="clerk") as store:
        edit_like_a_clerk(store)
        started = time.perf_counter()
        result = export_ledger(store, folder / "ledger.xlsx", as_of=dt.date.fromisoformat(args.as_of))
        exported = time.perf_counter() - started
    started = time.perf_counter()
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(result.path)],
                   check=True, capture_output=True)
    converted = time.perf_counter() - started
    pdf = folder / "ledger.pdf"
    pages = sheet_pages(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    print(f"{args.targets} targets; export {exported:.1f} s, PDF {converted:.1f} s; "
          f"{sum(len(p) for p in pages.values())} pages; cells shown as ###: {text.count('###')}")
    print("sheet\trows\tpages\trows/page")
    for name, numbers in pages.items():
        rows = result.rows.get(name, 0)
        print(f"{name}\t{rows}\t{len(numbers)}\t{rows / len(numbers):.1f}")
    if args.images:
        for name, which in (("变更记录", -2), ("承诺与指标", None)):  # the last full page of the change log
            numbers = pages.get(name)
            if numbers:
                page = numbers[max(which, -len(numbers))] if which is not None else numbers[len(numbers) // 2]
                subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", str(page), "-l", str(page), str(pdf),
                                str(folder / f"page-{name}")], check=True)
    print(f"files in {folder}")


if __name__ == "__main__":
    main()
