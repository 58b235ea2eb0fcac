from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings

from db import FileLocation, ServerLocation
from desktop import paths
from desktop.ui.app import GUI_SWITCH_INTERVAL_S, Ledgers, _resolve_db, share_the_interpreter_with_the_window
from desktop.ui.main_window import MainWindow
from desktop.ui.workers import ThreadPool, Worker


def test_the_last_ledger_is_opened_again(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    assert _resolve_db(None, settings) == FileLocation(paths.default_db_path())
    last = tmp_path / "office.sqlite3"
    settings.setValue("lastDatabase", str(last))
    assert _resolve_db(None, settings) == FileLocation(paths.default_db_path())  # it must still exist
    last.write_bytes(b"")
    assert _resolve_db(None, settings) == FileLocation(last)
    asked = tmp_path / "other.sqlite3"
    assert _resolve_db(asked, settings) == FileLocation(asked)


def test_the_last_server_ledger_is_opened_again(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    settings.setValue("lastDatabase", "postgresql://wang@ledger.office.local/replies")
    assert _resolve_db(None, settings) == ServerLocation("postgresql://wang@ledger.office.local/replies")


@contextmanager
def opened_window(qtbot, tmp_path: Path, db_path: Path) -> Iterator[tuple[MainWindow, ThreadPool]]:
    """The app's window on a ledger, opened as the app opens it, with its pool; closed once what the pool's
    workers answered has been taken over."""
    window = Ledgers(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)).open(db_path)
    assert window is not None
    pool = window.pool
    assert isinstance(pool, ThreadPool)
    try:
        yield window, pool
    finally:
        qtbot.waitUntil(lambda: pool.wait(0), timeout=20_000)
        qtbot.wait(50)
        window.close()


def test_background_work_starts_once_the_window_has_painted(qtbot, tmp_path: Path, demo_db_path: Path) -> None:
    """Judging, reading the lists and syncing the reminders of a big ledger on pool threads take the interpreter
    lock from the GUI thread while it builds its first paint: they wait until the window has painted."""
    with opened_window(qtbot, tmp_path, demo_db_path) as (window, pool):
        held_at_paint: list[int] = []

        class Paint(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and not held_at_paint:
                    held_at_paint.append(pool.held())
                return False

        watcher = Paint()
        window.installEventFilter(watcher)
        try:
            qtbot.waitUntil(lambda: window.status is not None and window.reminder_start is not None,
                            timeout=20_000)
            assert held_at_paint and held_at_paint[0] > 0  # judging, counting and the lists had not started
            assert pool.held() == 0
        finally:
            window.removeEventFilter(watcher)


def test_the_start_judges_and_syncs_the_reminders_each_alone_on_the_pool(qtbot, tmp_path: Path, demo_db_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each Python pool thread takes the interpreter lock from the window again and again; judging beside the
    reminder sync (or beside the reads of the lists and the reminders) stalled its repaints past 100 ms. After the
    start, the due reminders are read, the ledger judged and the reminders synced one after the other, each with
    nothing else on the pool."""
    lock = threading.Lock()
    timeline: list[tuple[str, str]] = []  # (start or end, what ran), in the order it happened
    run = Worker.run

    def recorded(worker: Worker) -> None:
        work = worker._fn
        name = getattr(work, "__name__", "?")

        def timed_work(*args: object, **kwargs: object) -> object:  # its result is signalled once it returned
            with lock:
                timeline.append(("start", name))
            try:
                return work(*args, **kwargs)
            finally:
                with lock:
                    timeline.append(("end", name))

        worker._fn = timed_work
        run(worker)

    monkeypatch.setattr(Worker, "run", recorded)
    with opened_window(qtbot, tmp_path, demo_db_path) as (window, pool):
        synced: list[object] = []
        qtbot.waitUntil(lambda: window.reminder_start is not None, timeout=20_000)
        window.reminder_start.sync_task.signals.succeeded.connect(synced.append)
        qtbot.waitUntil(lambda: window.status is not None and len(synced) == 1 and not pool.chores_waiting()
                        and pool.wait(0), timeout=20_000)
    started = [name for event, name in timeline if event == "start"]
    in_turn = [name for name in started if name in ("_read_reminder_rows", "_judge", "sync_reminders_at")]
    assert in_turn[:3] == ["_read_reminder_rows", "_judge", "sync_reminders_at"], timeline
    for alone in in_turn[:3]:
        began = timeline.index(("start", alone))
        assert timeline[began + 1] == ("end", alone), timeline  # nothing started or ended while it ran


@pytest.mark.sqlite_only  # about the window's start, not the ledger's backend
def test_the_letter_reader_is_imported_in_the_background_before_the_suggestions_page_opens(
        demo_db_path: Path, tmp_path: Path) -> None:
    """Opening 佐证建议 pulls in the letter reader (a sixth of a second of regular expressions): once the window is
    up, a pool thread has imported it, so that the GUI thread does not when the page opens."""
    code = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QSettings, QThreadPool
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from desktop.ui.app import Ledgers
        window = Ledgers(QSettings({str(tmp_path / "window.ini")!r}, QSettings.Format.IniFormat)).open(
            __import__("pathlib").Path({str(demo_db_path)!r}))
        assert "desktop.core.extraction" not in sys.modules, "imported before the window painted"
        deadline = __import__("time").monotonic() + 60
        while "desktop.core.extraction" not in sys.modules or QThreadPool.globalInstance().activeThreadCount():
            app.processEvents()
            assert __import__("time").monotonic() < deadline, "never imported"
        print("ok")
        """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REPLY_LEDGER_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env,
                          cwd=Path(__file__).parents[2])
    assert done.stdout.strip().endswith("ok"), done.stderr[-2000:]


def test_the_window_takes_the_interpreter_lock_back_from_pool_threads_within_a_millisecond() -> None:
    """Qt calls into Python for every cell it paints; with Python's default 5 ms switch interval each call could
    wait that long behind a judging pool thread."""
    before = sys.getswitchinterval()
    try:
        share_the_interpreter_with_the_window()
        assert sys.getswitchinterval() == GUI_SWITCH_INTERVAL_S <= 0.001
    finally:
        sys.setswitchinterval(before)
