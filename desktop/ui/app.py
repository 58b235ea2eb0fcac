"""Starting the application: Qt, translations, the crash handler, the store and the main window."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from db import FileLocation, Location, Store, parse_location
from db.backends import is_server_url
from desktop import APP_NAME, __version__, paths
from desktop.core.errors import LedgerError
from desktop.ui.i18n import install_translators, pick_language
from desktop.ui.input_method import use_available_input_method
from desktop.ui.main_window import MainWindow
from desktop.ui.server_connect import open_asking_password
from desktop.ui.workers import ThreadPool, Worker, after_first_paint, give_way_to_gui

logger = logging.getLogger(__name__)


def install_excepthook() -> None:
    """Bugs go to the log and to a dialog that says where the log is; saved data is safe by design."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        logger.critical("unhandled error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if QApplication.instance() is not None:
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("App", "Reply Ledger"),
                              QCoreApplication.translate(
                                  "App", "Something went wrong that is not your fault. Everything you saved is "
                                  "safe; the form you were typing is kept as a draft.\nDetails are in {log}.")
                              .format(log=paths.log_path()))
            box.setObjectName("crashDialog")
            box.open()

    sys.excepthook = hook


def _resolve_db(requested: Location | Path | None, settings: QSettings) -> Location:
    """The ledger to open: the one asked for, else the last one used (a server, or a file that still exists), else
    the default file."""
    if requested is not None:
        return parse_location(requested)
    last = str(settings.value("lastDatabase") or "")
    if last and (is_server_url(last) or Path(last).exists()):
        return parse_location(last)
    return FileLocation(paths.default_db_path())


def _import_page_modules() -> None:
    """What the evidence suggestions page (built on first use) imports: the letter reader's rules, a sixth of a
    second of regular expressions compiled, which would otherwise hold the GUI thread when the page opens. An import
    holds the interpreter lock most of the time it runs: it waits until the window has finished what it was doing
    (taking over the judgements, a repaint)."""
    give_way_to_gui()
    import db.evidence_suggestions  # noqa: F401


def warm_up_imports(pool: ThreadPool) -> None:
    """Import on a pool thread, once the window is up, what pages built on first use need (a chore: after the
    start's judging and reads)."""
    pool.start_chore(Worker(_import_page_modules))


class Ledgers:
    """The open ledger windows; opening another ledger replaces the window once the old one has closed."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings
        self.window: MainWindow | None = None

    def open(self, db_path: Location | Path) -> MainWindow | None:
        try:
            store = open_asking_password(parse_location(db_path), self.window)
        except LedgerError as error:
            from PySide6.QtWidgets import QMessageBox

            from desktop.ui.messages import user_message

            logger.error("cannot open %s: %s", db_path, error)
            QMessageBox.critical(self.window, QCoreApplication.translate("App", "Reply Ledger"), user_message(error))
            return None
        if store is None:  # no password given
            return None
        previous = self.window
        if previous is not None and not previous.close():
            store.close()
            return previous
        # Nothing starts on a pool thread before the window has painted: judging, reading the lists and syncing
        # the reminders of a big ledger would take the interpreter lock from the GUI thread half of the time.
        pool = ThreadPool()
        pool.hold()
        window = MainWindow(store, settings=self.settings, pool=pool)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.open_ledger_requested.connect(self.open)
        window.destroyed.connect(store.close)
        self.window = window
        window.show()
        after_first_paint(window, lambda: self._start_work(window, store, pool))
        return window

    @staticmethod
    def _start_work(window: MainWindow, store: Store, pool: ThreadPool) -> None:
        from desktop.ui.reminders_panel import open_reminders_on_start  # not needed for the first paint

        pool.release()
        window.offer_drafts()
        window.safety.check_on_open()
        window.office_server.network_file_notice()
        # Reminders: brought up to date in the background, shown at once when something is due.
        window.reminder_start = open_reminders_on_start(window, store, rows_pool=window.pool)
        if window.reminder_start.sync_task is not None:
            window.reminder_start.sync_task.signals.succeeded.connect(
                lambda _result: window.refresh_list("reminders"))
            window.reminder_start.sync_task.signals.failed.connect(window.show_reminder_sync_failed)
        warm_up_imports(pool)


# How long a pool thread running Python may keep the interpreter lock while the GUI thread waits for it (Python's
# default is 5 ms). Every call from Qt into the window's Python code (a model's data(), a slot) takes the lock
# again, so a repaint while judging runs waited up to 5 ms per call: the window stalled for 100 ms and more. At
# 1 ms the GUI thread's longest waits shrink about threefold, for some fifth less throughput of the background work.
GUI_SWITCH_INTERVAL_S = 0.001


def share_the_interpreter_with_the_window() -> None:
    """Let the GUI thread take the interpreter lock from a busy pool thread sooner (see GUI_SWITCH_INTERVAL_S)."""
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)


def run_app(db_path: Location | None, *, lang: str | None = None, smoke_test: bool = False) -> int:
    if QApplication.instance() is None:
        use_available_input_method()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)  # matches the installed reply-ledger.desktop (resources/linux/)
    app.setWindowIcon(QIcon(str(paths.icon_path())))
    language = pick_language(lang)
    translators = install_translators(app, language)
    install_excepthook()
    share_the_interpreter_with_the_window()
    settings = QSettings(str(paths.ui_settings_path()), QSettings.Format.IniFormat)
    db_path = _resolve_db(db_path, settings)
    if smoke_test:
        from desktop.ui.smoke import run_smoke_test

        return run_smoke_test(app, db_path, language=language, translators=translators, settings=settings)
    ledgers = Ledgers(settings)
    if ledgers.open(db_path) is None:
        return 2
    return app.exec()
