from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.core.errors import Cancelled, LedgerError
from desktop.ui.workers import ProgressRunner, SyncPool, ThreadPool, Worker, collection_deferred


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


def test_nested_background_work_keeps_collection_waiting() -> None:
    with collection_deferred():
        with collection_deferred():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer work still runs
    assert gc.isenabled()
    gc.unfreeze()
