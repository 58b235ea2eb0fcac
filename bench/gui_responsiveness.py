"""The app on a large ledger: time to the first painted window, and the longest stall of the GUI thread.

    python bench/gui_responsiveness.py --db LEDGER.sqlite3 [--runs 3] [--json]

Each run starts a fresh process. ``bare`` creates a QApplication and an empty QMainWindow (the floor); ``app``
starts the real application (``desktop.__main__.main``) on the ledger, with an empty data folder. Both report
the wall time from just before the process was started to the first paint event of the window.

After the first paint, a stall probe runs on the GUI thread: a 10 ms timer that records how late each tick
fires. A late tick is time the event loop could not answer the user (a paint, a key). The app is then driven
through three steps, each measured until the thread pool has been idle for a second:

- ``start``: what follows the first paint (judging, the reminders brought up to date, the lists filled);
- ``suggestions``: opening the evidence suggestions page (佐证建议);
- ``as_of``: changing the as-of date by a year (everything judged again);
- ``change``: what the window does after a save (lists read again, commitments judged, reminders synced);
- ``rest``: nothing, until the workers have been quiet long enough for the garbage they left to be collected
  (``desktop.ui.workers.QUIET_BEFORE_COLLECTING_MS``): that collection walks every object, holding the GUI thread.

Figures are medians over the runs; the longest stall of a step is the largest lateness of one tick.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TICK_MS = 10
IDLE_MS = 1000
STEP_LIMIT_S = 120
STALL_MS = float(os.environ.get("GUI_BENCH_STALL_MS", "0"))  # see --stalls


def _child_bare(started: float) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1360, 820)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(json.dumps({"first_paint_s": time.time() - started}), flush=True)
                QTimer.singleShot(0, app.quit)
                window.removeEventFilter(self)
            return False

    paint = FirstPaint()
    window.installEventFilter(paint)
    window.show()
    app.exec()


class _Probe:
    """Records how late a 10 ms timer fires on the GUI thread, and the longest garbage collection (on any thread:
    a collection holds the interpreter lock, so the GUI thread waits for it too)."""

    def __init__(self) -> None:
        import gc

        from PySide6.QtCore import QTimer

        self.last = time.perf_counter()
        self.worst = 0.0
        self.worst_gc = 0.0
        self._gc_started = 0.0
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            self.worst_gc = max(self.worst_gc, (time.perf_counter() - self._gc_started) * 1000)

    def take_gc(self) -> float:
        worst, self.worst_gc = self.worst_gc, 0.0
        return worst

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, (now - self.last) * 1000 - TICK_MS)
        self.last = now
        if STALL_MS:
            import faulthandler

            # Re-armed at every tick: when the GUI thread misses STALL_MS, a thread of faulthandler's own (which
            # needs no interpreter lock) writes every thread's stack to stderr, naming what held the window.
            faulthandler.dump_traceback_later(STALL_MS / 1000, repeat=False)

    def start(self) -> None:
        self.last = time.perf_counter()
        self.worst = self.worst_gc = 0.0
        self.timer.start()

    def take(self) -> float:
        self._tick()  # a stall still running counts up to now
        worst, self.worst = self.worst, 0.0
        return worst


def _child_app(started: float, db: str, profile: Path | None = None) -> None:
    import cProfile

    from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    result: dict[str, float] = {}
    probe = _Probe()
    # cProfile sees only the thread it was enabled on: here the GUI thread, step by step.
    profilers = [cProfile.Profile()] if profile else []
    for profiler in profilers:
        profiler.enable()
    steps = ["start", "suggestions", "as_of", "change", "rest"]
    from desktop.ui.workers import QUIET_BEFORE_COLLECTING_MS
    state = {"step": None, "idle_since": None, "step_started": 0.0}

    def window():
        return next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")

    def dump(step: str) -> None:
        for profiler in profilers:
            profiler.disable()
            profiler.dump_stats(str(profile / f"{step}.pstats"))
            profilers[0] = cProfile.Profile()
            profilers[0].enable()

    def begin(step: str) -> None:
        dump(state["step"] or "start")
        state.update(step=step, idle_since=None, step_started=time.perf_counter())
        probe.take()
        probe.take_gc()
        main = window()
        if step == "suggestions":
            main.show_page("suggestions")
        elif step == "as_of":
            day = main.as_of()
            main.set_as_of(day.replace(year=day.year - 1))
        elif step == "change":
            main.reload_everything()

    def watch() -> None:
        now = time.perf_counter()
        pool = QThreadPool.globalInstance()
        if pool.activeThreadCount() or getattr(window().pool, "_running", None):
            state["idle_since"] = None
        elif state["idle_since"] is None:
            state["idle_since"] = now
        # The rest step waits for the collection that follows a quiet spell of the workers.
        idle_ms = IDLE_MS + (QUIET_BEFORE_COLLECTING_MS if state["step"] == "rest" else 0)
        done = state["idle_since"] is not None and (now - state["idle_since"]) * 1000 >= idle_ms
        if done or now - state["step_started"] > STEP_LIMIT_S:
            result[f"{state['step']}_block_ms"] = probe.take()
            result[f"{state['step']}_gc_ms"] = probe.take_gc()
            result[f"{state['step']}_s"] = now - state["step_started"] - (idle_ms / 1000 if done else 0)
            index = steps.index(state["step"])
            if index + 1 < len(steps):
                QTimer.singleShot(0, lambda: begin(steps[index + 1]))
            else:
                dump(state["step"])
                print(json.dumps(result), flush=True)
                os._exit(0)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched.isWidgetType() and \
                    watched.window().objectName() == "mainWindow":
                result["first_paint_s"] = time.time() - started
                app.removeEventFilter(self)
                dump("first_paint")
                state.update(step="start", idle_since=None, step_started=time.perf_counter())
                probe.start()
                watcher.start()
            return False

    watcher = QTimer()
    watcher.setInterval(50)
    watcher.timeout.connect(watch)
    paint = FirstPaint()
    app.installEventFilter(paint)
    sys.path.insert(0, str(REPO))
    from desktop.__main__ import main

    main(["--db", db])


def _run(mode: str, db: Path) -> dict:
    data = tempfile.mkdtemp(prefix="gui-bench-")
    env = dict(os.environ, REPLY_LEDGER_DATA_DIR=data)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.time()
    done = subprocess.run([sys.executable, __file__, "--child", mode, "--db", str(db), "--started", repr(started)],
                          capture_output=True, text=True, env=env, timeout=900)
    shutil.rmtree(data, ignore_errors=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"{mode} run failed:\n{done.stderr[-3000:]}")
    return json.loads(lines[-1])


def measure(db: Path, runs: int = 3) -> dict[str, float]:
    """Medians over ``runs`` alternating bare and app runs: first paint of each, and the app's longest stalls."""
    bare: list[float] = []
    app: list[dict] = []
    for _ in range(runs):
        bare.append(_run("bare", db)["first_paint_s"])
        app.append(_run("app", db))
    figures = {"bare_first_paint_s": statistics.median(bare)}
    for name in app[0]:
        figures[name] = statistics.median(run[name] for run in app)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--profile", type=Path, help="one app run, GUI thread profiled: a .pstats file per step")
    parser.add_argument("--stalls", type=float, metavar="MS",
                        help="one app run: every thread's stack written to stderr whenever the GUI thread is held "
                             "longer than MS (a stall lasting several times MS is written once)")
    parser.add_argument("--child", choices=("bare", "app"), help=argparse.SUPPRESS)
    parser.add_argument("--started", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "bare":
        _child_bare(args.started)
        return
    if args.child == "app":
        _child_app(args.started, str(args.db), args.profile)
        return
    if args.stalls:
        started = time.time()
        subprocess.run([sys.executable, __file__, "--child", "app", "--db", str(args.db), "--started", repr(started)],
                       check=True, env=dict(os.environ, REPLY_LEDGER_DATA_DIR=tempfile.mkdtemp(prefix="gui-bench-"),
                                            GUI_BENCH_STALL_MS=str(args.stalls),
                                            QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen")))
        return
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
        started = time.time()
        subprocess.run([sys.executable, __file__, "--child", "app", "--db", str(args.db), "--started",
                        repr(started), "--profile", str(args.profile.resolve())], check=True,
                       env=dict(os.environ, REPLY_LEDGER_DATA_DIR=tempfile.mkdtemp(prefix="gui-bench-"),
                                QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen")))
        return
    load = os.getloadavg()[0]
    figures = measure(args.db, args.runs)
    if args.json:
        print(json.dumps({"load": load, **figures}))
        return
    print(f"{args.db} — medians of {args.runs} runs, load average {load:.1f}")
    print(f"first paint: bare window {figures['bare_first_paint_s']:.2f} s, app {figures['first_paint_s']:.2f} s "
          f"({figures['first_paint_s'] / figures['bare_first_paint_s']:.1f}x)")
    for step in ("start", "suggestions", "as_of", "change", "rest"):
        print(f"{step:12s} longest GUI-thread stall {figures[f'{step}_block_ms']:7.0f} ms "
              f"(longest garbage collection {figures[f'{step}_gc_ms']:5.0f} ms; "
              f"step done in {figures[f'{step}_s']:.1f} s)")


if __name__ == "__main__":
    main()
