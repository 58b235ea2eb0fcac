"""One start of the desktop app (or of a bare window), timed from the outside: run by ``bench/run.py``.

    python bench/gui_probe.py bare
    python bench/gui_probe.py app LEDGER.sqlite3

Prints one JSON line when done. ``bare``: the moment a bare QMainWindow (QApplication + QMainWindow, nothing else)
first paints. ``app``: the moment the app's main window first paints, then the longest stretch the GUI thread was
busy (a 5 ms heartbeat that could not run) in each of three phases, each lasting until the background work it
started has finished: after the start, after opening the page 佐证建议, after changing the as-of date. The parent
times the process from its launch to the line, so the interpreter's own start is in both figures.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HEARTBEAT_MS = 5
QUIET_MS = 1500  # a phase ends when the pool has been idle this long
LONGEST_PHASE_S = 600


def main() -> None:
    from PySide6.QtCore import QDate, QElapsedTimer, QEvent, QObject, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    mode = sys.argv[1]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    result: dict[str, float] = {}

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.window: QMainWindow | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if self.window is None and event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
                self.window = watched
                print(json.dumps({"painted": True}), flush=True)  # the parent stops its clock here
                QTimer.singleShot(0, after_paint)
            return False

    watcher = FirstPaint()
    app.installEventFilter(watcher)

    phases = [("block_start", None)]
    if mode == "app":
        phases += [("block_suggestions", lambda window: window.show_page("suggestions")),
                   ("block_as_of", lambda window: window.as_of_edit.setDate(QDate(2023, 12, 31)))]
    clock = QElapsedTimer()
    state = {"phase": 0, "last": 0, "longest": 0, "quiet_since": 0, "started": 0}
    beat = QTimer()
    beat.setInterval(HEARTBEAT_MS)

    def after_paint() -> None:
        if mode == "bare":
            finish()
            return
        clock.start()
        state.update(last=0, longest=0, quiet_since=-1, started=0)
        beat.start()

    def tick() -> None:
        now = clock.elapsed()
        state["longest"] = max(state["longest"], now - state["last"] - HEARTBEAT_MS)
        state["last"] = now
        busy = QThreadPool.globalInstance().activeThreadCount() > 0
        if busy:
            state["quiet_since"] = -1
        elif state["quiet_since"] < 0:
            state["quiet_since"] = now
        ended = state["quiet_since"] >= 0 and now - state["quiet_since"] >= QUIET_MS
        if not ended and now - state["started"] < LONGEST_PHASE_S * 1000:
            return
        name, _ = phases[state["phase"]]
        result[name] = max(state["longest"], 0) / 1000
        state["phase"] += 1
        if state["phase"] >= len(phases):
            beat.stop()
            finish()
            return
        _, action = phases[state["phase"]]
        state.update(longest=0, quiet_since=-1, started=now)
        action(watcher.window)  # on the GUI thread, as a click would: its own cost counts in the phase
        state["last"] = now  # the action's time shows as the gap before the next beat

    beat.timeout.connect(tick)

    def finish() -> None:
        print(json.dumps(result), flush=True)
        os._exit(0)  # do not wait for the window's own shutdown

    if mode == "bare":
        window = QMainWindow()
        window.resize(1200, 800)
        window.show()
        app.exec()
        return
    from desktop.ui.app import run_app

    run_app(Path(sys.argv[2]), lang="en")


if __name__ == "__main__":
    main()
