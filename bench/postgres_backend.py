"""The office-server backend at 100 000 targets: migrate up and back, verify, equal workbooks, and the list on both.

    QT_QPA_PLATFORM=offscreen python bench/postgres_backend.py [--targets 100000] [--server URL] [--skip-export]

Generates a ledger with ``bench/generate_ledger.py`` (a SQLite file), then:
1. ``migrate`` of the demo and of that ledger to an empty PostgreSQL database and back down to a new file, each
   timed, with the history replayed against every row (``db.verify.verify_ledger``) on the server and on the copy;
2. the audit workbook of the original, the server copy and the file that came back, as of one date: every sheet
   but the history sheet (变更记录) must be equal, cell for cell;
3. the commitments & targets list page (offscreen, as ``bench/list_views.py`` drives it) on the SQLite file and on
   the server, step by step in the same run (medians of five), with the ratio server/file.

Without ``--server`` a throw-away cluster is started on localhost from Debian's postgresql (as the postgres user
when run as root), durable like a real one (fsync on). ``--server`` names an empty database to use instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
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
from python_calamine import CalamineWorkbook

from bench.generate_ledger import generate
from bench.timing import median_ms
from db import Store
from db import lists as db_lists
from db.demo import create_demo
from db.export import export_ledger
from db.transfer import copy_ledger
from db.verify import verify_ledger
from desktop import paths
from desktop.ui.list_page import ListPage
from desktop.ui.workers import SyncPool

RUNS = 5
AS_OF = dt.date(2024, 6, 30)
GENERATED_AT = dt.datetime(2024, 7, 1, 9, 0, tzinfo=dt.UTC)
HISTORY_SHEET = "变更记录"


def timed(label: str, action: Callable[[], object]) -> tuple[object, float]:
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    print(f"  {label}: {seconds:.1f} s", flush=True)
    return result, seconds


def server_user(server: str) -> str:
    with Store.open(server) as store:
        return store.actor


def verify(location: Path | str) -> tuple[bool, int]:
    with Store.open(location, read_only=True) as store:
        report = verify_ledger(store.conn)
    return report.ok, sum(report.rows_checked.values())


def sheets(path: Path) -> dict[str, list[list]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def migrate_round_trip(name: str, source: Path, server: str, folder: Path, *, export: bool) -> list[tuple]:
    """Up to the server and back down, verified; the three workbooks compared. Returns table rows."""
    print(f"{name}:", flush=True)
    up, up_s = timed("migrate up", lambda: copy_ledger(source, server))
    back_path = folder / f"{name}-back.sqlite3"
    _, down_s = timed("migrate down", lambda: copy_ledger(server, back_path))
    (server_ok, rows), verify_server_s = timed("verify on the server (replayed)", lambda: verify(server))
    (back_ok, _), verify_back_s = timed("verify of the file that came back (replayed)", lambda: verify(back_path))
    equal = "not compared"
    if export:
        # The workbook names who exported it: the same person on each side (a server names its database user).
        actor = server_user(server)
        books = []
        for label, location in (("original", source), ("server", server), ("back", back_path)):
            out = folder / f"{name}-{label}.xlsx"

            def write(location: Path | str = location, out: Path = out) -> None:
                with Store.open(location, actor=actor) as store:
                    export_ledger(store, out, as_of=AS_OF, generated_at=GENERATED_AT)

            timed(f"export the workbook of the {label}", write)
            books.append(sheets(out))
        differing = sorted({sheet for book in books[1:] for sheet in set(book) | set(books[0])
                            if sheet != HISTORY_SHEET and book.get(sheet) != books[0].get(sheet)})
        history_rows = {len(book.get(HISTORY_SHEET, [])) for book in books}
        equal = "equal" if not differing and len(history_rows) == 1 else f"DIFFER: {differing} {history_rows}"
    print(f"  workbooks (history sheet aside): {equal}", flush=True)
    return [(name, up.total, up.history_rows, up_s, down_s, verify_server_s, verify_back_s,
             "ok" if server_ok and back_ok else "FAILED", rows, equal)]


def list_steps(store: Store) -> list[tuple[str, float]]:
    """The list page's steps, as bench/list_views.py times them (median of RUNS each, in ms)."""
    results: list[tuple[str, float]] = []

    def first_paint() -> ListPage:
        page = ListPage(store, "commitments", pool=SyncPool())
        page.resize(1200, 800)
        page.show()
        page.table.viewport().repaint()
        return page

    results.append(("open the list: first paint", median_ms(lambda: first_paint().deleteLater(), RUNS)))
    page = first_paint()
    model, table = page.model, page.table
    column = {c.sort: i for i, c in enumerate(model._columns) if c.sort}

    def sort(name: str, descending: bool) -> Callable[[], None]:
        def run() -> None:
            model._sort = (None, False)
            model.sort(column[name], Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
            table.viewport().repaint()
        return run

    for name, descending in (("title", False), ("deadline", True), ("value", True), ("responsible_unit", False)):
        results.append((f"sort by {name}{' (descending)' if descending else ''}", median_ms(sort(name, descending),
                                                                                           RUNS)))

    def filtered(**values: object) -> Callable[[], None]:
        def run() -> None:
            model._filter = db_lists.ListFilter(text="\0")
            model.set_filter(db_lists.ListFilter(**values))
            table.viewport().repaint()
        return run

    units = db_lists.filter_choices(store, "commitments").units
    for label, values in (("filter: one responsible unit", {"unit": units[0]}),
                          ("filter: one deadline year", {"year": 2021}),
                          ("search: 基站 (two characters)", {"text": "基站"}),
                          ("search: 5G基站数 (trigram index)", {"text": "5G基站数"}),
                          ("search: 基站数1234 (few hits)", {"text": "基站数1234"})):
        results.append((label, median_ms(filtered(**values), RUNS)))
    model.set_filter(db_lists.ListFilter())
    results.append(("search box: Store.search('基站')", median_ms(lambda: store.search("基站"), RUNS)))
    results.append(("search box: Store.search('5G基站数')", median_ms(lambda: store.search("5G基站数"), RUNS)))
    page.close()
    page.deleteLater()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", type=int, default=100_000)
    parser.add_argument("--server", help="an empty PostgreSQL database to use (postgresql://USER@HOST/DB)")
    parser.add_argument("--skip-export", action="store_true", help="do not compare the workbooks")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder_handle = tempfile.TemporaryDirectory(prefix="reply-ledger-bench-")
    folder = Path(folder_handle.name)
    cluster = None
    if args.server:
        servers = [args.server, args.server]  # the demo is not copied onto a given server
    else:
        from tests.postgres_cluster import PostgresCluster

        cluster = PostgresCluster().start(durable=True)
        servers = [cluster.url(cluster.create_database(prefix="demo")),
                   cluster.url(cluster.create_database(prefix="bench"))]
    try:
        table: list[tuple] = []
        if not args.server:
            demo = folder / "demo.sqlite3"
            with Store.open(demo) as store:
                create_demo(store, paths.demo_dir())
            table += migrate_round_trip("demo", demo, servers[0], folder, export=not args.skip_export)
        ledger = folder / "bench.sqlite3"
        counts, _ = timed(f"generate {args.targets} targets", lambda: generate(ledger, args.targets))
        print(f"  {counts}")
        table += migrate_round_trip(f"{args.targets} targets", ledger, servers[1], folder,
                                    export=not args.skip_export)
        print("\n| ledger | rows copied | history rows | migrate up (s) | migrate down (s) | verify on the server (s) "
              "| verify of the copy (s) | verify | rows replayed | workbooks (history sheet aside) |")
        print("|---|---:|---:|---:|---:|---:|---:|---|---:|---|")
        for name, total, history, up, down, v_server, v_back, ok, rows, equal in table:
            print(f"| {name} | {total} | {history} | {up:.1f} | {down:.1f} | {v_server:.1f} | {v_back:.1f} | {ok} "
                  f"| {rows} | {equal} |")
        with Store.open(ledger) as on_file, Store.open(servers[1]) as on_server:
            on_server.conn.execute("ANALYZE")
            file_steps = list_steps(on_file)
            server_steps = list_steps(on_server)
        print(f"\nThe commitments & targets list, {args.targets} targets, median of {RUNS} (ms):\n")
        print("| step | SQLite file | PostgreSQL | PostgreSQL / SQLite |")
        print("|---|---:|---:|---:|")
        for (label, on_file_ms), (_, on_server_ms) in zip(file_steps, server_steps, strict=True):
            print(f"| {label} | {on_file_ms:.0f} | {on_server_ms:.0f} | {on_server_ms / on_file_ms:.2f} |")
        app.processEvents()
    finally:
        if cluster is not None:
            cluster.stop()
        folder_handle.cleanup()


if __name__ == "__main__":
    main()
