"""The office-scale benchmark: every cost of the ledger at 10 000, 100 000 and 400 000 targets, each with its floor.

    python bench/run.py [--quick] [--sizes 10000,100000,400000] [--runs 3] [--only WORDS] [--json]
    python bench/run.py --from-json RUN.json...      # the table of saved runs

Ledgers come from ``bench/generate_ledger.py`` (seed 7) and are kept in ``bench/.cache/`` (outside git): the
generated file by size, seed and schema (a cached one of an earlier schema is migrated by the app, as a user's
ledger is), and a copy brought up to date with ``remind`` as of today, as every real ledger is after its first
start. Each measure is the median of ``--runs`` runs, next to a floor measured in the same run
(the least any code could do for it: the raw query, the library's own read, a bare window), so that the ratio
means something on a machine shared with other work; start-up and peak memory are measured in a fresh process
each time. ``--quick`` measures the 10 000 size once (under two minutes with a cached ledger). The table goes to
stdout; ``--json`` prints instead a list of {measure, size, value, floor, ratio, goal, met}.

Goals (``goal``): a number in the measure's unit (seconds, ms or MB) the value must not exceed, or, for
"× floor" goals, a ratio to the floor. Measures whose work is impossible at a size (an import beyond the reader's
200 000-row limit) are left out at that size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CACHE = REPO / "bench" / ".cache"
SEED = 7
SIZES = (10_000, 100_000, 400_000)
IMPORT_ROW_LIMIT = 200_000  # rows a sheet may have (desktop/core/ledger_import/limits.py)


@dataclass
class Row:
    measure: str
    size: int
    value: float | None
    floor: float | None
    ratio: float | None
    goal: str
    met: bool | None


def _met(value: float | None, floor: float | None, goal: str) -> tuple[float | None, bool | None]:
    ratio = value / floor if value is not None and floor else None
    if value is None or not goal:
        return ratio, None
    number = float(goal.split()[1])  # "≤ 2" or "≤ 1.2 × floor"
    if goal.endswith("× floor"):
        return ratio, ratio is not None and ratio <= number
    return ratio, value <= number


def row(measure: str, size: int, value: float | None, floor: float | None, goal: str) -> Row:
    ratio, met = _met(value, floor, goal)
    return Row(measure, size, None if value is None else round(value, 4), None if floor is None else round(floor, 4),
               None if ratio is None else round(ratio, 2), goal, met)


def median(action: Callable[[], float], runs: int) -> float:
    return statistics.median(action() for _ in range(runs))


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


# ------------------------------------------------------------------------------------------------ ledgers
def ledger(size: int, today: dt.date, log: Callable[[str], None]) -> Path:
    """The cached ledger of ``size`` targets with its reminders synced as of ``today`` (built when missing)."""
    from db.connection import SCHEMA_VERSION

    CACHE.mkdir(parents=True, exist_ok=True)
    base = CACHE / f"ledger-{size}-seed{SEED}-schema{SCHEMA_VERSION}.sqlite3"
    older = _older_schema(size, SCHEMA_VERSION)
    if not base.exists() and older is not None:
        # A ledger of an earlier schema is brought up to date by the app's own migrations, as a user's ledger is
        # (and in seconds, where generating 400 000 targets again takes many minutes).
        from db import Store

        started = time.perf_counter()
        partial = base.with_suffix(".partial")
        _copy(older, partial)
        with Store.open(partial, actor="bench") as store:
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for backup in CACHE.glob(f"{partial.name}.v*.bak"):  # the migration's own backup of the copy
            backup.unlink()
        partial.rename(base)
        log(f"migrated {older.name} to {base.name} in {time.perf_counter() - started:.0f} s")
    if not base.exists():
        from bench.generate_ledger import generate

        started = time.perf_counter()
        partial = base.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        generate(partial, size, seed=SEED)
        partial.rename(base)
        log(f"generated {base.name} in {time.perf_counter() - started:.0f} s")
    synced = CACHE / f"{base.stem}-synced-{today.isoformat()}.sqlite3"
    if not synced.exists():
        for old in CACHE.glob(f"{base.stem}-synced-*.sqlite3"):
            old.unlink()
        from db import Store
        from db.reminders import sync_reminders

        started = time.perf_counter()
        partial = synced.with_suffix(".partial")
        _copy(base, partial)
        with Store.open(partial, actor="bench") as store:
            result = sync_reminders(store, today)
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        partial.rename(synced)
        log(f"synced reminders of {base.name} as of {today} ({result.created} created) in "
            f"{time.perf_counter() - started:.0f} s")
    return synced


def _older_schema(size: int, version: int) -> Path | None:
    """The cached generated ledger of ``size`` targets at the newest schema before ``version``, if any."""
    found: list[tuple[int, Path]] = []
    for path in CACHE.glob(f"ledger-{size}-seed{SEED}-schema*.sqlite3"):
        number = path.stem.rsplit("-schema", 1)[1]
        if number.isdigit() and int(number) < version:
            found.append((int(number), path))
    return max(found)[1] if found else None


def _copy(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    source_conn = sqlite3.connect(source)
    target_conn = sqlite3.connect(target)
    try:
        source_conn.backup(target_conn)
    finally:
        target_conn.close()
        source_conn.close()


def ledger_xlsx(rows: int, log: Callable[[str], None]) -> Path:
    """The cached foreign ledger workbook of ``rows`` rows (``bench/ledger_read.py`` builds it)."""
    path = CACHE / f"foreign-ledger-{rows}.xlsx"
    if not path.exists():
        from bench.ledger_read import build

        started = time.perf_counter()
        partial = path.with_suffix(".partial.xlsx")
        build(partial, rows)
        partial.rename(path)
        log(f"built {path.name} in {time.perf_counter() - started:.0f} s")
    return path


# ------------------------------------------------------------------------------------------------ fresh processes
def in_child(args: list[str], *, env: dict[str, str] | None = None, stop_at: str | None = None,
             timeout: float = 3600) -> tuple[float, float | None, list[str]]:
    """Run a process; (seconds until it printed ``stop_at`` or ended, its peak memory in MB, its stdout lines).

    The peak is the child's own high-water mark (VmHWM), which it writes to ``BENCH_PEAK_FILE`` as it exits
    (``--child`` runs do): Linux carries the parent's peak into a child's ``ru_maxrss`` across fork and exec.
    """
    with tempfile.TemporaryDirectory(prefix="bench-peak-") as folder:
        peak_file = Path(folder) / "peak"
        started = time.perf_counter()
        process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=REPO,
                                   env={**os.environ, **(env or {}), "BENCH_PEAK_FILE": str(peak_file)})
        seconds = None
        lines = []
        assert process.stdout is not None
        for line in process.stdout:
            if stop_at is not None and seconds is None and stop_at in line:
                seconds = time.perf_counter() - started
            lines.append(line.rstrip("\n"))
            if time.perf_counter() - started > timeout:
                process.kill()
                break
        process.wait()
        if seconds is None:
            seconds = time.perf_counter() - started
        peak = float(peak_file.read_text()) / 1024 if peak_file.exists() else None
    return seconds, peak, lines


def _write_peak() -> None:
    """Write this process's peak resident memory (kB) where the parent asked for it."""
    target = os.environ.get("BENCH_PEAK_FILE")
    if not target:
        return
    status = Path("/proc/self/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    Path(target).write_text(line.split()[1])


def child_main(argv: list[str]) -> None:
    """``--child WHAT ...``: one measured piece of work in a process of its own."""
    import atexit

    atexit.register(_write_peak)
    what = argv[0]
    if what == "module":  # a command line as a clerk runs it: python -m desktop ...
        import runpy

        sys.argv = [argv[1], *argv[2:]]
        runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
        return
    if what == "export":
        from db import Store
        from db.export import export_ledger

        with Store.open(Path(argv[1]), actor="bench") as store:
            export_ledger(store, Path(argv[2]), as_of=dt.date.fromisoformat(argv[3]))
    elif what == "plain-export":  # the four sheets of the first floor
        from bench.xlsx_export import run_plain

        run_plain(Path(argv[1]), Path(argv[2]))
    elif what == "plain-export-all":
        from bench.xlsx_export import ALL_SHEET_QUERIES, run_plain

        run_plain(Path(argv[1]), Path(argv[2]), ALL_SHEET_QUERIES)
    elif what == "xlsxwriter-export":
        import xlsxwriter

        from bench.xlsx_export import ALL_SHEET_QUERIES

        conn = sqlite3.connect(argv[1])
        workbook = xlsxwriter.Workbook(argv[2], {"constant_memory": True})
        for name, sql in ALL_SHEET_QUERIES.items():
            sheet = workbook.add_worksheet(name)
            for index, values in enumerate(conn.execute(sql)):
                sheet.write_row(index, 0, values)
        workbook.close()
    print("done", flush=True)


def python(*args: str) -> list[str]:
    return [sys.executable, *args]


# ------------------------------------------------------------------------------------------------ measures
def measure_start(size: int, db: Path, runs: int) -> list[Row]:
    """Start to first paint (floor: a bare window) and the GUI thread's longest blocks, each in a fresh process."""
    probe = str(REPO / "bench" / "gui_probe.py")
    # An installed program starts from compiled modules (pip and the built program ship them); a checkout run with
    # PYTHONDONTWRITEBYTECODE would compile every module of ours at each start instead.
    import compileall

    for package in ("desktop", "db"):
        compileall.compile_dir(REPO / package, quiet=1)
    bare, app, blocks = [], [], {"block_start": [], "block_suggestions": [], "block_as_of": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-gui-") as folder:
            env = {"REPLY_LEDGER_DATA_DIR": folder, "QT_QPA_PLATFORM": "offscreen"}
            seconds, _, _ = in_child(python(probe, "bare"), env=env, stop_at='"painted"')
            bare.append(seconds)
            copy = Path(folder) / "ledger.sqlite3"
            _copy(db, copy)  # the app writes (reminders, settings): every start begins from the same file
            seconds, _, lines = in_child(python(probe, "app", str(copy)), env=env, stop_at='"painted"')
            app.append(seconds)
            found = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
            for name in blocks:
                if name in found:
                    blocks[name].append(found[name] * 1000)
    floor = statistics.median(bare)
    rows = [row("start to first painted window (s)", size, statistics.median(app), floor, "≤ 0.6")]
    labels = {"block_start": "longest GUI-thread block after start (ms)",
              "block_suggestions": "longest GUI-thread block opening 佐证建议 (ms)",
              "block_as_of": "longest GUI-thread block changing the as-of date (ms)"}
    for name, values in blocks.items():
        rows.append(row(labels[name], size, statistics.median(values) if values else None, None, "≤ 100"))
    return rows


def measure_lists(size: int, db: Path, runs: int) -> list[Row]:
    """The commitments list (real page, offscreen, a synchronous pool) against its SQL alone."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from db import Store
    from db import lists as db_lists
    from db.search import match_clause, search_terms
    from desktop.ui.list_page import ListPage
    from desktop.ui.workers import SyncPool

    app = QApplication.instance() or QApplication(sys.argv[:1])
    rows: list[Row] = []
    with Store.open(db, actor="bench") as store:
        def first_paint() -> ListPage:
            page = ListPage(store, "commitments", pool=SyncPool())
            page.resize(1200, 800)
            page.show()
            page.table.viewport().repaint()
            return page

        def open_list() -> float:
            seconds = timed(lambda: pages.append(first_paint()))
            pages.pop().deleteLater()
            app.processEvents()
            return seconds

        pages: list[ListPage] = []
        opened = median(open_list, runs) * 1000
        floor = median(lambda: timed(lambda: db_lists.list_keys(store, "commitments")), runs) * 1000
        rows.append(row("commitments list: open (ms)", size, opened, floor, "≤ 100"))
        page = first_paint()
        model, table = page.model, page.table
        deadline = next(i for i, c in enumerate(model._columns) if c.sort == "deadline")

        def sort() -> float:
            model._sort = (None, False)  # force a new query each run
            return timed(lambda: (model.sort(deadline, Qt.SortOrder.DescendingOrder), table.viewport().repaint()))

        value = median(sort, runs) * 1000
        floor = median(lambda: timed(lambda: db_lists.list_keys(store, "commitments", sort="deadline",
                                                                 descending=True)), runs) * 1000
        rows.append(row("commitments list: sort by deadline (ms)", size, value, floor, "≤ 100"))

        def search(text: str) -> float:
            model._filter = db_lists.ListFilter(text="\0")  # force a new query each run
            return timed(lambda: (model.set_filter(db_lists.ListFilter(text=text)), table.viewport().repaint()))

        def fts_alone(text: str) -> float:
            clause, params = match_clause(store.conn, search_terms(text))
            return timed(lambda: store.conn.execute(f"SELECT rowid FROM search_index WHERE {clause}",
                                                    params).fetchall())

        value = median(lambda: search("基站"), runs) * 1000
        floor = median(lambda: timed(lambda: db_lists.list_keys(store, "commitments",
                                                                 db_lists.ListFilter(text="基站"))), runs) * 1000
        rows.append(row("commitments list: type 基站 (ms)", size, value, floor, "≤ 100"))
        for text, label in (("基站", "2"), ("5G基站", "4")):
            value = median(lambda text=text: search(text), runs) * 1000
            floor = median(lambda text=text: fts_alone(text), runs) * 1000
            rows.append(row(f"list search, {label} characters ({text}) (ms)", size, value, floor, "≤ 50"))
        page.close()
        page.deleteLater()
        app.processEvents()
    return rows


def raw_read(db: Path) -> float:
    conn = sqlite3.connect(db)
    try:
        return timed(lambda: (conn.execute("SELECT * FROM targets").fetchall(),
                              conn.execute("SELECT * FROM evidence").fetchall()))
    finally:
        conn.close()


def measure_judge(size: int, db: Path, runs: int, today: dt.date) -> list[Row]:
    from db import Store
    from db.status import judge_ledger

    with Store.open(db, actor="bench") as store:
        value = median(lambda: timed(lambda: judge_ledger(store, today)), runs)
    floor = median(lambda: raw_read(db), runs)
    return [row("state of every target: judge_ledger (s)", size, value, floor, "≤ 1")]


def measure_cli(size: int, db: Path, runs: int) -> list[Row]:
    """`status` and `remind` as a clerk or a scheduled job runs them: fresh processes, output to a pipe."""
    floor = median(lambda: raw_read(db), runs)
    rows = []
    for command in ("status", "remind"):
        results = [in_child(python(__file__, "--child", "module", "desktop", command, "--db", str(db)))
                   for _ in range(runs)]
        rows.append(row(f"`{command}` (s)", size, statistics.median(r[0] for r in results), floor, "≤ 2"))
        rows.append(row(f"`{command}` peak memory (MB)", size, statistics.median(r[1] for r in results), None,
                        "≤ 150"))
    help_runs = [in_child(python("-m", "desktop", "--help"))[0] for _ in range(runs)]  # what a clerk waits for
    bare = [in_child(python("-c", "import argparse"))[0] for _ in range(runs)]
    rows.append(row("`reply-ledger --help` (s)", size, statistics.median(help_runs), statistics.median(bare),
                    "≤ 0.5"))
    return rows


def measure_export(size: int, db: Path, runs: int, today: dt.date) -> list[Row]:
    """The audit export against the fastest plain writer of the same values of every stored sheet (all but 回头看,
    whose rows the export finds), unstyled: openpyxl's write-only mode or xlsxwriter's constant_memory mode,
    whichever was faster in this run; also the first floor (four sheets: proposals, replies, targets, evidence)."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-export-") as folder:
        out = str(Path(folder) / "out.xlsx")
        ours, floor_openpyxl, floor_four, floor_xlsxwriter = [], [], [], []
        for _ in range(runs):  # alternated, so that a change of load hits them alike
            ours.append(in_child(python(__file__, "--child", "export", str(db), out, today.isoformat()),
                                 stop_at="done"))
            floor_openpyxl.append(in_child(python(__file__, "--child", "plain-export-all", str(db), out),
                                           stop_at="done"))
            floor_four.append(in_child(python(__file__, "--child", "plain-export", str(db), out), stop_at="done"))
            floor_xlsxwriter.append(in_child(python(__file__, "--child", "xlsxwriter-export", str(db), out),
                                             stop_at="done"))
        plain = [floor_openpyxl, floor_xlsxwriter]
        fastest = min(plain, key=lambda runs_of: statistics.median(p[0] for p in runs_of))
        floor = statistics.median(p[0] for p in fastest)
        rows.append(row("full audit export (s)", size, statistics.median(o[0] for o in ours), floor, "≤ 1.2 × floor"))
        rows.append(row("full audit export peak memory (MB)", size, statistics.median(o[1] for o in ours),
                        statistics.median(p[1] for p in fastest), "≤ 200"))
        rows.append(row("full audit export against the four-sheet floor (s)", size,
                        statistics.median(o[0] for o in ours), statistics.median(p[0] for p in floor_four), ""))
        rows.append(row("export floors: xlsxwriter constant_memory against openpyxl write-only, same values (s)",
                        size, statistics.median(p[0] for p in floor_xlsxwriter),
                        statistics.median(p[0] for p in floor_openpyxl), ""))
    return rows


def measure_import(size: int, runs: int, log: Callable[[str], None]) -> list[Row]:
    if size > IMPORT_ROW_LIMIT:
        return []
    from python_calamine import CalamineWorkbook

    from desktop.core.ledger_import.workbooks import read_workbook

    path = ledger_xlsx(size, log)

    def calamine() -> float:
        def read() -> None:
            workbook = CalamineWorkbook.from_path(str(path))
            for name in workbook.sheet_names:
                workbook.get_sheet_by_name(name).to_python()
        return timed(read)

    floor = median(calamine, runs)
    rows = [row("import-ledger: reading the workbook (s)", size, median(lambda: timed(lambda: read_workbook(path)),
                                                                         runs), floor, "≤ 2")]
    whole = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
            seconds, _, _ = in_child(python("-m", "desktop", "import-ledger", str(path), "--db",
                                            str(Path(folder) / "new.sqlite3"), "--dry-run"))
            whole.append(seconds)
    rows.append(row("import-ledger --dry-run, whole (s)", size, statistics.median(whole), floor, "≤ 30"))
    return rows


MEASURES = ("start", "lists", "judge", "cli", "export", "import")


def run(sizes: list[int], runs: int, only: set[str], log: Callable[[str], None]) -> list[Row]:
    today = dt.date.today()
    rows: list[Row] = []
    for size in sizes:
        db = ledger(size, today, log)
        steps: dict[str, Callable[[int, Path], list[Row]]] = {
            "judge": lambda size, db: measure_judge(size, db, runs, today),
            "cli": lambda size, db: measure_cli(size, db, runs),
            "lists": lambda size, db: measure_lists(size, db, runs),
            "start": lambda size, db: measure_start(size, db, runs),
            "export": lambda size, db: measure_export(size, db, runs, today),
            "import": lambda size, db: measure_import(size, runs, log),
        }
        for name, step in steps.items():
            if name in only:
                started = time.perf_counter()
                found = step(size, db)
                rows.extend(found)
                log(f"{size:,} targets: {name} measured in {time.perf_counter() - started:.0f} s")
                for item in found:
                    log(f"  {item.measure}: {item.value} (floor {item.floor}, ratio {item.ratio}, goal {item.goal})")
    return rows


def machine() -> str:
    import openpyxl
    import PySide6

    load = os.getloadavg()
    return (f"{platform.node()}: {os.cpu_count()} CPU, {platform.platform()}, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, PySide6 {PySide6.__version__}, openpyxl {openpyxl.__version__}; "
            f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


def table(rows: list[Row]) -> str:
    lines = ["| measure | targets | value | floor, same run | ratio | goal | met |",
             "|---|---:|---:|---:|---:|---|---|"]
    for item in rows:
        def show(value: float | None) -> str:
            return "—" if value is None else f"{value:,.3f}" if value < 10 else f"{value:,.1f}"
        met = {True: "yes", False: "**no**", None: "—"}[item.met]
        lines.append(f"| {item.measure} | {item.size:,} | {show(item.value)} | {show(item.floor)} | "
                     f"{'—' if item.ratio is None else f'{item.ratio:.2f}'} | {item.goal or '—'} | {met} |")
    return "\n".join(lines)


def growth(rows: list[Row], small: int = 100_000, large: int = 400_000) -> str:
    """How each measure grows from ``small`` to ``large`` targets: within 4.5× for four times the data (the issue's
    rule, a cost that grows no faster than the data, with some room)."""
    limit = 1.125 * large / small
    at = {(item.measure, item.size): item for item in rows}
    lines = [f"| measure | {small:,} | {large:,} | × | within {limit:.1f}× |", "|---|---:|---:|---:|---|"]
    for item in rows:
        other = at.get((item.measure, large))
        if item.size != small or other is None or not item.value or other.value is None:
            continue
        factor = other.value / item.value
        lines.append(f"| {item.measure} | {item.value:,.3f} | {other.value:,.3f} | {factor:.2f} | "
                     f"{'yes' if factor <= limit else '**no**'} |")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child_main(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only the 10 000 size")
    parser.add_argument("--sizes", help="comma-separated sizes (default: 10000,100000,400000)")
    parser.add_argument("--runs", type=int, help="runs per measure; the median is kept (default 3, 1 with --quick)")
    parser.add_argument("--only", help=f"comma-separated measures among {', '.join(MEASURES)} (default: all)")
    parser.add_argument("--json", action="store_true", help="print a JSON list instead of the table")
    parser.add_argument("--clear-cache", action="store_true", help="remove the cached ledgers first")
    parser.add_argument("--from-json", nargs="+", type=Path, metavar="FILE",
                        help="measure nothing: print the table (and growth) of runs saved with --json")
    args = parser.parse_args()
    if args.from_json:
        saved = [Row(**item) for path in args.from_json for item in json.loads(path.read_text(encoding="utf-8"))]
        print(table(saved))
        if {100_000, 400_000} <= {item.size for item in saved}:
            print()
            print(growth(saved))
        return
    if args.clear_cache and CACHE.exists():
        shutil.rmtree(CACHE)
    sizes = [10_000] if args.quick else [int(s) for s in args.sizes.split(",")] if args.sizes else list(SIZES)
    only = set(args.only.split(",")) if args.only else set(MEASURES)

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    log(f"before: {machine()}")
    started = time.perf_counter()
    runs = args.runs if args.runs is not None else 1 if args.quick else 3
    rows = run(sizes, max(1, runs), only, log)
    log(f"after: {machine()}; {time.perf_counter() - started:.0f} s in all")
    if args.json:
        print(json.dumps([asdict(item) for item in rows], ensure_ascii=False, indent=1))
    else:
        print(table(rows))
        if {100_000, 400_000} <= set(sizes):
            print()
            print(growth(rows))


if __name__ == "__main__":
    main()
