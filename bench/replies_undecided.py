"""What the replies list's "Undecided suggestions" column costs on a large ledger.

    QT_QPA_PLATFORM=offscreen python bench/replies_undecided.py [--targets 100000] [--per-reply 36] [--db FILE]

Builds (or reuses, with --db) a ledger with ``bench/generate_ledger.py`` and gives every reply ``--per-reply``
pending target suggestions (the worst case: every letter imported and none of its suggestions decided yet). Then
times, as medians of several runs, reading one screen of the replies list (``db.lists.fetch_rows`` of 100 rows)
and opening the real list page: without the column, with it, and with it but without the index of schema 2
(``suggestions_reply``, dropped at the end of the run). Prints a Markdown table for bench/README.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from bench.generate_ledger import generate
from bench.timing import median_ms
from db import Store
from db import lists as db_lists
from desktop.ui.list_page import ListPage
from desktop.ui.workers import SyncPool

RUNS = 7
SCREEN = 100


def add_pending_suggestions(store: Store, per_reply: int) -> int:
    at = "2024-01-01T00:00:00+00:00"
    payload = json.dumps({"quote": "2022年新建公共充电桩1500个", "indicator": "新建公共充电桩数", "comparator": "=",
                          "value": 1500, "unit": "个", "kind": "commitment", "start": 0, "end": 17},
                         ensure_ascii=False)
    reply_ids = [row[0] for row in store.conn.execute("SELECT id FROM replies")]
    rows = [("target", "pending", reply_id, 0.8, payload, at, at) for reply_id in reply_ids for _ in range(per_reply)]
    with store.conn:
        store.conn.executemany("INSERT INTO suggestions (kind, state, reply_id, score, payload, created_at, "
                               "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    store.conn.execute("ANALYZE")
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", type=int, default=100_000)
    parser.add_argument("--per-reply", type=int, default=36)
    parser.add_argument("--db", type=Path, help="an existing ledger to measure instead of generating one")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = tempfile.TemporaryDirectory()
    path = args.db
    if path is None:
        path = Path(folder.name) / "bench.sqlite3"
        counts = generate(path, args.targets)
        print(f"generated {counts}")
    store = Store.open(path)
    added = add_pending_suggestions(store, args.per_reply)
    print(f"{added} pending target suggestions added")
    spec = db_lists.SPECS["replies"]
    without = dataclasses.replace(spec, columns={name: expr for name, expr in spec.columns.items()
                                                 if name != "pending_suggestions"})
    keys = db_lists.list_keys(store, "replies", db_lists.ListFilter())[:SCREEN]

    def fetch(list_spec: db_lists.ListSpec) -> Callable[[], object]:
        def run() -> object:
            db_lists.SPECS["replies"] = list_spec
            try:
                return db_lists.fetch_rows(store, "replies", keys)
            finally:
                db_lists.SPECS["replies"] = spec
        return run

    def first_paint(list_spec: db_lists.ListSpec) -> Callable[[], object]:
        def run() -> object:
            db_lists.SPECS["replies"] = list_spec
            try:
                page = ListPage(store, "replies", pool=SyncPool())
                page.resize(1200, 800)
                page.show()
                page.table.viewport().repaint()
                page.deleteLater()
                app.processEvents()
            finally:
                db_lists.SPECS["replies"] = spec
            return page
        return run

    steps = ((f"one screen ({SCREEN} rows): fetch_rows", fetch), ("open the replies list: first paint", first_paint))
    results = [[name, median_ms(step(without), RUNS), median_ms(step(spec), RUNS)] for name, step in steps]
    store.conn.execute("DROP INDEX suggestions_reply")
    for result, (_, step) in zip(results, steps, strict=True):
        result.append(median_ms(step(spec), 3))
    replies = store.counts().replies
    print(f"\n{replies} replies, {added} pending target suggestions\n")
    print("| step | without the column (ms) | with the column (ms) | ratio | with it, no index (ms) | ratio |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, bare, full, unindexed in results:
        print(f"| {name} | {bare:.1f} | {full:.1f} | {full / bare:.2f} | {unindexed:.0f} | {unindexed / bare:.0f} |")
    store.close()


if __name__ == "__main__":
    main()
