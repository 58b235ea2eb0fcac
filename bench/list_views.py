"""How the commitments & targets list behaves on a large ledger: first paint, sort, filter, search.

    QT_QPA_PLATFORM=offscreen python bench/list_views.py [--targets 100000] [--db FILE]

Builds (or reuses, with --db) a ledger of that many targets with ``bench/generate_ledger.py``, then opens the real
list page offscreen and times each step until the table has painted. Every figure is also given as a ratio
against a plain SQL query that reads the same rows with all the list's columns (``SELECT … FROM commitments
LEFT JOIN targets …``, fetched whole): the list must never cost more than reading its rows once.
Results are medians of several runs, printed as a Markdown table for bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bench.generate_ledger import generate
from bench.timing import median_ms
from db import Store
from db import lists as db_lists
from db.status import judge_ledger
from desktop.ui.list_page import ListPage
from desktop.ui.main_window import list_states
from desktop.ui.workers import SyncPool

RUNS = 5


def plain_query(store: Store, *, with_evidence: bool = True) -> int:
    spec = db_lists.spec("commitments")
    columns = ", ".join(f"{expr} AS {name}" for name, expr in spec.columns.items()
                        if with_evidence or not name.startswith("latest_"))
    source = " ".join([spec.source, *(clause for _alias, clause in spec.joins)])
    return len(store.conn.execute(f"SELECT {columns} FROM {source}").fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="an existing ledger to measure instead of generating one")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = tempfile.TemporaryDirectory()
    path = args.db
    if path is None:
        path = Path(folder.name) / "bench.sqlite3"
        started = time.perf_counter()
        counts = generate(path, args.targets)
        print(f"generated {counts} in {time.perf_counter() - started:.1f} s")
    store = Store.open(path)
    rows = plain_query(store)
    plain = median_ms(lambda: plain_query(store), RUNS)
    bare = median_ms(lambda: plain_query(store, with_evidence=False), RUNS)
    results: list[tuple[str, float]] = []

    def first_paint() -> ListPage:
        page = ListPage(store, "commitments", pool=SyncPool())
        page.resize(1200, 800)
        page.show()
        page.table.viewport().repaint()
        return page

    results.append(("open the list: first paint (keys in default order + first page + paint)", median_ms(
        lambda: first_paint().deleteLater(), RUNS)))
    page = first_paint()
    model, table = page.model, page.table
    column = {c.sort: i for i, c in enumerate(model._columns) if c.sort}

    def sort(name: str, descending: bool) -> Callable[[], None]:
        def run() -> None:
            model._sort = (None, False)  # force a new query each run
            model.sort(column[name], Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
            table.viewport().repaint()
        return run

    for name, descending in (("title", False), ("deadline", True), ("value", True), ("responsible_unit", False)):
        step = f"sort by {name}{' (descending)' if descending else ''}"
        results.append((step, median_ms(sort(name, descending), RUNS)))

    def filtered(**values: object) -> Callable[[], None]:
        def run() -> None:
            model._filter = db_lists.ListFilter(text="\0")  # force a new query each run
            model.set_filter(db_lists.ListFilter(**values))
            table.viewport().repaint()
        return run

    units = db_lists.filter_choices(store, "commitments").units
    filters = (("filter: one responsible unit", {"unit": units[0]}), ("filter: one deadline year", {"year": 2021}),
               ("search: 基站 (two characters, the trigrams that start with it)", {"text": "基站"}),
               ("search: 5G基站数 (trigram index)", {"text": "5G基站数"}),
               ("search: 基站数1234 (few hits)", {"text": "基站数1234"}))
    for label, values in filters:
        results.append((label, median_ms(filtered(**values), RUNS)))
    model.set_filter(db_lists.ListFilter())

    app.processEvents()  # lay out the scroll bars

    def scroll() -> None:
        bar = table.verticalScrollBar()
        assert bar.maximum() > 1000
        for fraction in (0.25, 0.5, 0.75, 1.0, 0.0):
            bar.setValue(int(bar.maximum() * fraction))
            table.viewport().repaint()
        model._pages.clear()

    results.append(("scroll to 5 places, uncached pages (per jump)", median_ms(scroll, RUNS) / 5))
    all_keys = db_lists.list_keys(store, "commitments")

    def show_keys() -> None:
        model._set_keys(model._generation, list(all_keys))
        table.viewport().repaint()

    results.append(("GUI thread only, when keys come from the worker thread: reset + first page + paint",
                    median_ms(show_keys, RUNS)))
    judged = median_ms(lambda: judge_ledger(store, __import__("datetime").date(2024, 6, 30)), 1)
    status = judge_ledger(store, __import__("datetime").date(2024, 6, 30))
    page.set_states(list_states(status))

    def by_state() -> None:
        model._filter = db_lists.ListFilter(text="\0")
        model.set_filter(db_lists.ListFilter(state="at_risk"))
        table.viewport().repaint()

    results.append(("filter by judged state (at risk)", median_ms(by_state, RUNS)))
    results.append(("sort by judged state", median_ms(sort("state", False), RUNS)))

    print(f"\n{rows} rows in the list ({args.targets} targets); plain query of the same rows: {plain:.0f} ms\n")
    print("| step | time (ms) | ratio to the plain query | ratio to the plain query without evidence columns |")
    print("|---|---:|---:|---:|")
    print(f"| plain query: all rows and columns of the list | {plain:.0f} | 1.00 | {plain / bare:.2f} |")
    print(f"| plain query without the latest-evidence columns | {bare:.0f} | {bare / plain:.2f} | 1.00 |")
    for label, value in results:
        print(f"| {label} | {value:.0f} | {value / plain:.2f} | {value / bare:.2f} |")
    print(f"\nJudging every target (db.status.judge_ledger, runs on a worker thread in the app): {judged:.0f} ms "
          f"({judged / plain:.1f} x the plain query)")
    page.close()
    page.deleteLater()
    app.processEvents()
    store.close()


if __name__ == "__main__":
    main()
