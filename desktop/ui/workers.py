"""Running long work off the GUI thread: one QRunnable with a companion QObject for its signals.

The work is a plain function from the core or the store that takes optional ``progress(done, total)`` and
``is_cancelled()`` keyword arguments and raises :class:`desktop.core.errors.Cancelled` when asked to stop. It
never touches a widget. Results come back to the GUI thread through queued signals.

Tests pass a :class:`SyncPool`, which runs each worker at once on the calling thread.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.core.errors import Cancelled, LedgerError
from desktop.core.gc_tuning import collect_at_rest, collection_paused

logger = logging.getLogger(__name__)


# Background work runs with automatic garbage collection paused (a collection holds the interpreter lock, so one
# started by a pool thread stops the window too); what it leaves alive is frozen when the last work ends. Once the
# workers have been quiet this long, cycles among the frozen objects are collected if they have grown enough since
# the last look (desktop.core.gc_tuning.collect_at_rest).
QUIET_BEFORE_COLLECTING_MS = 3000


class _RestCollector(QObject):
    """Collects the garbage background work left, once no work has ended for a while (on the GUI thread)."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(QUIET_BEFORE_COLLECTING_MS)
        self.timer.timeout.connect(self._on_timer_timeout)

    @Slot()
    def schedule(self) -> None:
        self.timer.start()  # restarted by every work that ends

    @Slot()
    def _on_timer_timeout(self) -> None:
        started = time.perf_counter()
        found = collect_at_rest()
        if found is not None:
            logger.debug("garbage collected at rest in %.0f ms: %d unreachable objects",
                         (time.perf_counter() - started) * 1000, found)


_collector: _RestCollector | None = None


def rest_collector() -> _RestCollector | None:
    """The one collector of the process; its ``schedule`` slot is what ended work connects to (created on the GUI
    thread, with the first worker made there, so that the ends of work on pool threads are queued to it). None
    without an application to run its timer, or before a worker was made on the GUI thread."""
    global _collector
    app = QCoreApplication.instance()
    if _collector is None and app is not None and QThread.currentThread() is app.thread():
        _collector = _RestCollector()  # its timer needs the GUI thread's event loop
    return _collector


# The GUI thread and the pool share one interpreter lock, and every call from Qt into the window's Python code (a
# model's data(), a slot) must take it again: a table's repaint makes some 2 500 such calls, 16 ms with the pool idle
# but 140 ms and more while two pool threads run Python (measured on a 10 000-target list). So the views mark the
# GUI thread busy whenever Qt asks them for data, and pool work gives way between its batches (the checks of
# ``is_cancelled``, ``progress`` and the slices of release_in_slices) until the GUI thread has been quiet for a while.
GUI_BUSY_HOLD_S = 0.04
# However busy the window stays (a long scroll), pool work goes on for one batch after waiting this long.
LONGEST_GIVE_WAY_S = 0.25
GIVE_WAY_NAP_S = 0.003
GIVE_WAY_NAPS = round(LONGEST_GIVE_WAY_S / GIVE_WAY_NAP_S)
_gui_busy_until = 0.0


def mark_gui_busy() -> None:
    """The GUI thread is running Python for the window (a view asking for data): pool work gives way for a while.
    A float stored, nothing more: it is called for every cell painted."""
    global _gui_busy_until
    _gui_busy_until = time.monotonic() + GUI_BUSY_HOLD_S


def _result_arrived(_result: object) -> None:
    mark_gui_busy()


def gui_is_busy() -> bool:
    return time.monotonic() < _gui_busy_until


def give_way_to_gui(sleep: Callable[[float], None] = time.sleep) -> int:
    """Called by pool work between two batches: while the GUI thread is busy, sleep (which lets go of the
    interpreter lock), for at most :data:`LONGEST_GIVE_WAY_S`. Does nothing on the main thread (a synchronous
    pool runs work there). Returns how many naps were taken."""
    if threading.current_thread() is threading.main_thread():
        return 0
    naps = 0
    while gui_is_busy() and naps < GIVE_WAY_NAPS:
        sleep(GIVE_WAY_NAP_S)
        naps += 1
    return naps


# Items dropped at a time by release_in_slices: the GUI thread can take the interpreter lock between two slices.
RELEASE_SLICE = 2000


def release_in_slices(retired: list[Any]) -> None:
    """Free big dicts and lists (and dataclasses holding them) a slice at a time; run on a pool thread.

    Dropping the last reference to 100 000 judgements frees them all in one C call that holds the interpreter
    lock for tens of milliseconds, on whatever thread drops it; emptied a slice at a time here, the GUI thread
    gets the lock between slices. A container something else still holds is left alone (it is not freed now).
    """
    while retired:
        item = retired.pop()
        if sys.getrefcount(item) > 2:  # held elsewhere too (2: this name and the call's argument)
            continue
        if isinstance(item, dict):
            while item:
                for _ in range(min(RELEASE_SLICE, len(item))):
                    item.popitem()
                give_way_to_gui()
        elif isinstance(item, list):
            while item:
                del item[-RELEASE_SLICE:]
                give_way_to_gui()
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            retired.extend(getattr(item, field.name) for field in dataclasses.fields(item))
        del item


class WorkerSignals(QObject):
    """The signals of a :class:`Worker`; created on the GUI thread, so Qt queues them back to it.

    Signals:
        progress(int, int): done and total so far.
        succeeded(object): the function's return value.
        failed(object): the exception it raised (:class:`Cancelled` when it was cancelled).
        finished(): after succeeded or failed.
    """

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()


class Worker(QRunnable):
    """Calls ``fn(*args, **kwargs)`` on a pool thread; passes ``progress`` and ``is_cancelled`` when asked to."""

    def __init__(self, fn: Callable[..., Any], *args: Any, reports_progress: bool = False, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Python object owns it; the pool must not delete it under our feet
        self.signals = WorkerSignals()
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._reports_progress = reports_progress
        self._cancel = threading.Event()
        # Connected first, so it runs first: the GUI thread takes the result over (a model reset, a repaint).
        self.signals.succeeded.connect(_result_arrived)
        collector = rest_collector()
        if collector is not None:
            self.signals.finished.connect(collector.schedule)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        if not self._cancel.is_set():
            give_way_to_gui()  # called between the batches of long work
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        give_way_to_gui()
        self._emit(self.signals.progress, int(done), int(total))

    def _emit(self, signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window that wanted the result is gone (the app is closing)
            self._cancel.set()

    def run(self) -> None:
        kwargs = dict(self._kwargs)
        if self._reports_progress:
            kwargs.update(progress=self._progress, is_cancelled=self.is_cancelled)
        try:
            if self.is_cancelled():
                raise Cancelled()
            with collection_paused():
                result = self._fn(*self._args, **kwargs)
        except BaseException as error:  # every failure is reported, none kills the pool thread
            if isinstance(error, LedgerError | Cancelled):
                logger.info("background work stopped: %s", error)  # expected: the user is told
            else:
                logger.exception("background work failed")
            self._emit(self.signals.failed, error)
        else:
            self._emit(self.signals.succeeded, result)
        self._emit(self.signals.finished)


class Pool(Protocol):
    def start(self, worker: Worker) -> None: ...

    def start_chore(self, worker: Worker, *, first: bool = False) -> None: ...

    def start_watched(self, worker: Worker) -> None: ...

    def cancel_all(self) -> None: ...

    def wait(self, msecs: int = -1) -> bool: ...


class ThreadPool:
    """Starts workers on Qt's global thread pool and keeps them alive until they finish.

    Chores (:meth:`start_chore`) take turns: they run one at a time, each once the other workers of this pool
    have finished (all but long work the user watches behind a progress dialog, :meth:`start_watched`, which can
    take minutes). Work nobody waits for is a chore (bringing the reminders up to date, freeing old judgements), and
    so is the start's work beyond the lists' first reads (reading the due reminders, judging). Every pool thread
    running Python takes the interpreter lock from the window again and again: the window's repaints stalled most
    while judging, the reminders' read and their sync ran side by side after the start.
    """

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._running: set[Worker] = set()
        self._held: list[Worker] | None = None
        self._chores: list[Worker] = []
        self._watched: set[Worker] = set()

    def hold(self) -> None:
        """Keep the workers started from now on waiting until :meth:`release` (the window paints first: work on
        a pool thread takes the interpreter lock from the GUI thread half of the time)."""
        if self._held is None:
            self._held = []

    def held(self) -> int:
        """How many workers wait for :meth:`release`."""
        return len(self._held or ())

    def release(self) -> None:
        """Start the workers held, in the order they were started (chores then wait for them to finish)."""
        held, self._held = self._held or [], None
        for worker in held:
            self.start(worker)
        self._start_next_chore()

    def start(self, worker: Worker) -> None:
        """Start work the user waits for (judging, a list's rows) at once, beside whatever runs."""
        if self._held is not None:
            self._held.append(worker)
            return
        self._running.add(worker)
        worker.signals.finished.connect(lambda: self._on_worker_finished(worker), Qt.ConnectionType.QueuedConnection)
        self._pool.start(worker)

    def start_chore(self, worker: Worker, *, first: bool = False) -> None:
        """Start work once nothing else of this pool runs (watched work aside), after the chores started before
        it (``first``: ahead of them): it never runs beside judging, a read or another chore."""
        self._chores.insert(0 if first else len(self._chores), worker)
        self._start_next_chore()

    def start_watched(self, worker: Worker) -> None:
        """Start long work the user watches behind a progress dialog (an export, an import) at once; chores do
        not wait for it."""
        self._watched.add(worker)
        self.start(worker)

    def chores_waiting(self) -> int:
        """How many chores wait for their turn."""
        return len(self._chores)

    def _start_next_chore(self) -> None:
        if self._chores and self._held is None and not self._running - self._watched:
            self.start(self._chores.pop(0))

    def _on_worker_finished(self, worker: Worker) -> None:
        self._running.discard(worker)
        self._watched.discard(worker)
        self._start_next_chore()

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def cancel_all(self) -> None:
        """Ask every running worker to stop (they raise Cancelled at their next check); chores that have not
        started are dropped."""
        for worker in [*self._running, *(self._held or ()), *self._chores]:
            worker.cancel()
        self._chores.clear()


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, action: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._action: Callable[[], None] | None = action
        widget.installEventFilter(self)
        # A window that never paints (started minimized) still gets its work, a little later.
        QTimer.singleShot(UNPAINTED_START_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # once this paint has been drawn
        return False

    def _run(self) -> None:
        action, self._action = self._action, None
        if action is not None:
            action()


# How long a window that has not painted waits before its first work starts anyway.
UNPAINTED_START_MS = 1000


def after_first_paint(widget: QWidget, action: Callable[[], None]) -> None:
    """Run ``action`` on the GUI thread once ``widget`` has painted for the first time (or has not painted within
    :data:`UNPAINTED_START_MS`)."""
    _FirstPaint(widget, action)


class SyncPool:
    """Runs each worker immediately on the calling thread: deterministic tests, no sleeping."""

    def __init__(self) -> None:
        self.started: list[Worker] = []

    def start(self, worker: Worker) -> None:
        self.started.append(worker)
        worker.run()

    def start_chore(self, worker: Worker, *, first: bool = False) -> None:
        """Nothing else runs: the chore runs at once."""
        self.start(worker)

    def start_watched(self, worker: Worker) -> None:
        self.start(worker)

    def cancel_all(self) -> None:
        """Nothing runs between calls."""

    def wait(self, msecs: int = -1) -> bool:
        return True


class ProgressRunner(QObject):
    """Runs one worker behind a progress dialog with Cancel; the dialog opens only if the work takes a while.

    Signals:
        succeeded(object), failed(object): as the worker's; a cancelled run emits ``cancelled`` instead.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget, pool: Pool, label: str) -> None:
        super().__init__(parent)
        self._pool = pool
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setObjectName("progressDialog")
        self.dialog.setWindowTitle(self.tr("Please wait"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.reset()
        self.worker: Worker | None = None

    def start(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Worker:
        worker = Worker(fn, *args, reports_progress=True, **kwargs)
        self.worker = worker
        worker.signals.progress.connect(self._on_worker_progress)
        worker.signals.succeeded.connect(self._on_worker_succeeded)
        worker.signals.failed.connect(self._on_worker_failed)
        self.dialog.canceled.connect(worker.cancel)
        self.dialog.setValue(0)
        self._pool.start_watched(worker)
        return worker

    @Slot(int, int)
    def _on_worker_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _close(self) -> None:
        self.dialog.canceled.disconnect()
        self.dialog.reset()
        self.dialog.hide()

    @Slot(object)
    def _on_worker_succeeded(self, result: object) -> None:
        self._close()
        self.succeeded.emit(result)

    @Slot(object)
    def _on_worker_failed(self, error: object) -> None:
        self._close()
        if isinstance(error, Cancelled):
            self.cancelled.emit()
        else:
            self.failed.emit(error)
