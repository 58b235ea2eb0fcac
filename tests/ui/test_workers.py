from __future__ import annotations

import gc
import sys
import threading
import weakref

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.core.errors import Cancelled, LedgerError
from desktop.core.gc_tuning import collect_at_rest, collection_paused
from desktop.ui.workers import (
    GIVE_WAY_NAPS,
    QUIET_BEFORE_COLLECTING_MS,
    ProgressRunner,
    SyncPool,
    ThreadPool,
    Worker,
    give_way_to_gui,
    mark_gui_busy,
    rest_collector,
)


def _count(n: int, *, progress=None, is_cancelled=None) -> int:
    for done in range(1, n + 1):
        if is_cancelled and is_cancelled():
            raise Cancelled()
        if progress:
            progress(done, n)
    return n


def test_worker_reports_result_and_progress_through_signals(qtbot) -> None:
    worker = Worker(_count, 3, reports_progress=True)
    seen: list[tuple[int, int]] = []
    worker.signals.progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(worker.signals.succeeded) as blocker:
        SyncPool().start(worker)
    assert blocker.args == [3]
    assert seen == [(1, 3), (2, 3), (3, 3)]


@pytest.mark.allow_log_warnings
def test_worker_reports_failures_instead_of_raising(qtbot) -> None:
    def broken() -> None:
        raise LedgerError("The file 'x' is broken; choose another.", code="broken")

    worker = Worker(broken)
    with qtbot.waitSignal(worker.signals.failed) as blocker:
        SyncPool().start(worker)
    assert isinstance(blocker.args[0], LedgerError)


def test_thread_pool_runs_off_the_gui_thread(qtbot) -> None:
    threads: list[threading.Thread] = []

    def where() -> str:
        threads.append(threading.current_thread())
        return "done"

    pool = ThreadPool()
    worker = Worker(where)
    with qtbot.waitSignal(worker.signals.succeeded, timeout=5000) as blocker:
        pool.start(worker)
    assert blocker.args == ["done"]
    assert threads[0] is not threading.main_thread()
    assert pool.wait(5000)


def test_progress_runner_cancel_stops_the_work(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = ProgressRunner(parent, SyncPool(), "Counting")
    results: list[object] = []
    runner.succeeded.connect(results.append)
    runner.cancelled.connect(lambda: results.append("cancelled"))
    started = threading.Event()

    def slow(*, progress, is_cancelled) -> int:
        started.set()
        runner.dialog.findChild(QPushButton).click()  # the user presses Cancel while it runs
        return _count(10, progress=progress, is_cancelled=is_cancelled)

    runner.start(slow)
    assert started.is_set() and results == ["cancelled"]
    assert not runner.dialog.isVisible()
    again = ProgressRunner(parent, SyncPool(), "Counting")
    again.succeeded.connect(results.append)
    again.start(_count, 4)
    assert results == ["cancelled", 4]


def test_no_garbage_collection_starts_while_background_work_runs() -> None:
    """A collection set off by a pool thread would stop the GUI thread too: it waits until the work is done, and
    what the work left alive is frozen out of later collections instead of being scanned by them."""
    seen: list[bool] = []
    frozen_before = gc.get_freeze_count()
    kept: list[object] = []

    def work() -> list[list[int]]:
        seen.append(gc.isenabled())
        made = [[n] for n in range(1000)]
        kept.append(made)
        return made

    assert gc.isenabled()
    worker = Worker(work)
    SyncPool().start(worker)
    assert seen == [False]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen_before + 1000
    gc.unfreeze()


def test_collection_stays_off_until_the_last_background_work_ends(qtbot) -> None:
    """One mechanism for every thread: work on the GUI thread that pauses collection and ends while a pool thread
    still works does not switch collection back on under it."""
    inside, leave = threading.Event(), threading.Event()

    def work() -> None:
        inside.set()
        leave.wait(10)

    pool = ThreadPool()
    worker = Worker(work)
    pool.start(worker)
    assert inside.wait(10)
    with collection_paused():  # as load_proposal_files pauses it on the GUI thread
        pass
    assert not gc.isenabled()
    with qtbot.waitSignal(worker.signals.finished, timeout=10_000):  # listening before the work may end
        leave.set()
    assert pool.wait(10_000)
    assert gc.isenabled()


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_cycles_made_by_background_work_are_collected_once_the_workers_are_quiet(qtbot) -> None:
    """Freezing what background work left alive must not keep its garbage for the life of the app: cycles it made
    are collected once no work has ended for a while (and the objects have grown enough to be worth a walk)."""
    refs: list[weakref.ref] = []
    kept: list[object] = []

    def work() -> None:
        a, b = _Node(), _Node()
        a.other, b.other = b, a  # a cycle, dropped: only the collector can free it
        refs.append(weakref.ref(a))
        kept.append([[n] for n in range(sys.getallocatedblocks())])  # a judged ledger

    collector = rest_collector()
    assert collector is not None
    collect_at_rest(force=True)  # what earlier tests left
    collector.timer.setInterval(20)
    try:
        ThreadPool().start(Worker(work))
        qtbot.waitUntil(lambda: bool(refs), timeout=10_000)
        qtbot.waitUntil(lambda: refs[0]() is None, timeout=10_000)
    finally:
        collector.timer.setInterval(QUIET_BEFORE_COLLECTING_MS)


def test_a_held_pool_starts_its_workers_in_order_when_released(qtbot) -> None:
    ran: list[int] = []
    threads = QThreadPool()
    threads.setMaxThreadCount(1)  # one at a time: the order they ran in shows
    pool = ThreadPool(threads)
    pool.hold()
    workers = [Worker(ran.append, n) for n in range(3)]
    for worker in workers:
        pool.start(worker)
    assert pool.held() == 3
    assert pool.wait(10_000) and ran == []  # nothing ran while held
    with qtbot.waitSignal(workers[-1].signals.finished, timeout=10_000):
        pool.release()
    assert pool.wait(10_000)
    assert ran == [0, 1, 2] and pool.held() == 0


class _Timeline:
    """What ran on the pool, in the order it started and ended (a lock: pool threads append to it)."""

    def __init__(self) -> None:
        self.events: list[str] = []
        self._lock = threading.Lock()

    def job(self, name: str, until: threading.Event | None = None) -> Worker:
        def run() -> None:
            with self._lock:
                self.events.append(f"{name} started")
            if until is not None:
                assert until.wait(10)
            with self._lock:
                self.events.append(f"{name} ended")

        return Worker(run)


def test_chores_wait_for_the_work_started_before_them_and_run_one_at_a_time(qtbot) -> None:
    """Two Python pool threads at once stall the window's repaints most: a chore never runs beside the work
    started before it, nor beside another chore."""
    timeline = _Timeline()
    pool = ThreadPool()
    let_read_end = threading.Event()
    read = timeline.job("read", let_read_end)
    pool.start(read)
    qtbot.waitUntil(lambda: "read started" in timeline.events, timeout=10_000)
    first, second = timeline.job("first chore"), timeline.job("second chore")
    pool.start_chore(first)
    pool.start_chore(second)
    assert pool.chores_waiting() == 2 and timeline.events == ["read started"]  # the pool has threads to spare
    let_read_end.set()
    with qtbot.waitSignal(second.signals.finished, timeout=10_000):
        pass
    assert timeline.events == ["read started", "read ended", "first chore started", "first chore ended",
                               "second chore started", "second chore ended"]
    assert pool.chores_waiting() == 0 and pool.wait(10_000)


def test_held_chores_start_after_the_held_work_and_cancelling_drops_those_not_started(qtbot) -> None:
    timeline = _Timeline()
    pool = ThreadPool()
    pool.hold()
    let_read_end = threading.Event()
    read = timeline.job("read", let_read_end)
    chore = timeline.job("chore")
    pool.start_chore(chore)  # started first, but a chore: after the read
    pool.start(read)
    pool.release()
    qtbot.waitUntil(lambda: "read started" in timeline.events, timeout=10_000)
    assert pool.chores_waiting() == 1
    failed: list[object] = []
    chore.signals.failed.connect(failed.append)
    pool.cancel_all()  # the window closes
    let_read_end.set()
    assert pool.wait(10_000)
    qtbot.wait(50)  # the queued end of the read, which would start the next chore
    assert pool.chores_waiting() == 0 and pool.wait(10_000)
    assert timeline.events == ["read started", "read ended"] and not failed


def test_chores_do_not_wait_for_long_work_the_user_watches(qtbot) -> None:
    """An export behind its progress dialog can take minutes: the reminders are brought up to date meanwhile."""
    timeline = _Timeline()
    pool = ThreadPool()
    let_export_end = threading.Event()
    pool.start_watched(timeline.job("export", let_export_end))
    qtbot.waitUntil(lambda: "export started" in timeline.events, timeout=10_000)
    chore = timeline.job("chore")
    try:
        with qtbot.waitSignal(chore.signals.finished, timeout=10_000):
            pool.start_chore(chore)
    finally:
        let_export_end.set()
    assert pool.wait(10_000)
    assert timeline.events[:3] == ["export started", "chore started", "chore ended"]


def test_a_synchronous_pool_runs_a_chore_at_once() -> None:
    timeline = _Timeline()
    SyncPool().start_chore(timeline.job("chore"))
    assert timeline.events == ["chore started", "chore ended"]


def test_pool_work_gives_way_while_the_gui_thread_is_busy() -> None:
    """Between its batches, work on a pool thread sleeps (letting go of the interpreter lock) while a view is
    asking for data, for a bounded time; on the main thread (a synchronous pool) it never does."""
    naps: list[float] = []

    def nap_while_the_view_paints(seconds: float) -> None:
        naps.append(seconds)
        mark_gui_busy()  # the view keeps asking for data the whole time

    mark_gui_busy()
    assert give_way_to_gui(sleep=nap_while_the_view_paints) == 0 and naps == []
    counted: list[int] = []
    thread = threading.Thread(target=lambda: counted.append(give_way_to_gui(sleep=nap_while_the_view_paints)))
    thread.start()
    thread.join()
    assert counted == [len(naps)] and len(naps) == GIVE_WAY_NAPS


def test_a_list_view_asking_for_data_marks_the_gui_thread_busy(qtbot) -> None:
    from desktop.ui import workers
    from desktop.ui.models import Column, RecordTableModel

    model = RecordTableModel("Columns", [Column("Title", lambda row: row)])
    model.set_records(["a"])
    workers._gui_busy_until = 0.0  # quiet
    assert not workers.gui_is_busy()
    assert model.data(model.index(0, 0)) == "a"
    assert workers.gui_is_busy()
