"""`reply-ledger --smoke-test`: prove that an installation opens its window, in the language asked for.

It fails (exit 1, one sentence on stderr) when the translation of the requested or system language did not
load, or when the window cannot open; ``desktop/__main__.py`` checks resources and migrations before Qt starts.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QSettings, QtMsgType, QTranslator, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from db import Store
from desktop import APP_TITLE, paths
from desktop.core.errors import LedgerError
from desktop.ui.main_window import MainWindow
from desktop.ui.workers import ThreadPool

logger = logging.getLogger(__name__)

EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


def fail(reason: str) -> int:
    print(f"smoke test failed: {reason}", file=sys.stderr)
    return EXIT_FAILED


def exit_on_qt_fatal() -> None:
    """Turn a fatal Qt message (no usable platform plugin, a missing system library) into a failed smoke test.

    Qt aborts the process right after a fatal message; this prints the reason as one sentence and exits 1 first.
    """

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            first_sentence = message.strip().splitlines()[0].split(". ")[0].rstrip(".")
            sys.stderr.write(f"smoke test failed: the window cannot open because Qt stopped: {first_sentence}.\n")
            sys.stderr.flush()
            os._exit(EXIT_FAILED)
        category = context.category if context.category and context.category != "default" else ""
        sys.stderr.write(f"{category}: {message}\n" if category else f"{message}\n")

    qInstallMessageHandler(handler)


def translation_problem(language: str, translators: list[QTranslator]) -> str | None:
    """Why the window would not be in ``language``: our .qm or Qt's own (standard buttons) did not load."""
    if language == "en":
        return None
    loaded = {Path(translator.filePath()).name for translator in translators if not translator.isEmpty()}
    for name in (paths.translation_path(language).name, f"qtbase_{language}.qm"):
        if name not in loaded:
            return (f"the {language} translation {name} did not load, so the window would be in English; "
                    f"reinstall {APP_TITLE}")
    return None


def run_smoke_test(app: QApplication, db_path: Path, *, language: str, translators: list[QTranslator],
                   settings: QSettings) -> int:
    """Open the main window on ``db_path``, print the counts it shows, close it; 0 when all of that worked."""
    problem = translation_problem(language, translators)
    if problem:
        return fail(problem)
    try:
        store = Store.open(db_path)
    except LedgerError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    pool = ThreadPool()
    try:
        window = MainWindow(store, settings=settings, pool=pool)
        window.show()
        pool.wait()
        app.processEvents()
        handle = window.windowHandle()
        if not window.isVisible() or handle is None or not handle.isExposed():
            return fail(f"the main window did not appear on the '{app.platformName()}' screen")
        print(f"smoke test: {window.counts_text()} ({db_path})")
        window.close()
        pool.wait()
    except Exception as error:
        logger.exception("the main window could not open")
        return fail(f"the main window could not open ({type(error).__name__}: {error}); "
                    f"details are in {paths.log_path()}")
    finally:
        store.close()
    return 0
