"""Starting the application: Qt, translations, the crash handler, the store and the main window."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from db import Store
from desktop import APP_NAME, __version__, paths
from desktop.core.errors import LedgerError
from desktop.ui.i18n import install_translators, pick_language
from desktop.ui.main_window import MainWindow
from desktop.ui.messages import user_message

logger = logging.getLogger(__name__)


def install_excepthook() -> None:
    """Bugs go to the log and to a dialog that says where the log is; saved data is safe by design."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        logger.critical("unhandled error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if QApplication.instance() is not None:
            box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("App", "Reply Ledger"),
                              QCoreApplication.translate(
                                  "App", "Something went wrong that is not your fault. Everything you saved is "
                                  "safe; the form you were typing is kept as a draft.\nDetails are in {log}.")
                              .format(log=paths.log_path()))
            box.setObjectName("crashDialog")
            box.open()

    sys.excepthook = hook


def run_app(db_path: Path, *, lang: str | None = None, smoke_test: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    translators = install_translators(app, pick_language(lang))
    install_excepthook()
    try:
        store = Store.open(db_path)
    except LedgerError as error:
        logger.error("cannot open %s: %s", db_path, error)
        if smoke_test:
            print(f"error: {error.message}", file=sys.stderr)
            return 2
        QMessageBox.critical(None, QCoreApplication.translate("App", "Reply Ledger"), user_message(error))
        return 2
    window = MainWindow(store)
    window.show()
    if smoke_test:
        app.processEvents()
        print(f"smoke test: {window.counts_text()} ({db_path})")
        window.close()
        store.close()
        del translators
        return 0
    code = app.exec()
    store.close()
    return code
