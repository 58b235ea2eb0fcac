"""The office's ledger server in the app: File › Connect to office server…, the password prompt, and the notice for a
ledger file on a network drive.

The password typed here lives only in memory, in the ledger's location (the window reopens the ledger with it and
its pool threads connect with it); it is never written to the settings. Without one, libpq reads the user's
password file (~/.pgpass, %APPDATA%\\postgresql\\pgpass.conf).
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db import Location, ServerLocation, Store, parse_location
from db.backends import server_url
from desktop.core.errors import LedgerError

logger = logging.getLogger(__name__)

DEFAULT_PORT = 5432
# Errors after which the same server is asked again with a password.
PASSWORD_CODES = frozenset({"server_password_needed", "server_login_failed"})


class ConnectDialog(QDialog):
    """Host, port, database and user of the office's ledger, and the password if the server asks for one.

    Signals:
        connect_requested(object): the ServerLocation to open (with the password typed, in memory only).
    """

    connect_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None, last: ServerLocation | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectServerDialog")
        self.setWindowTitle(self.tr("Connect to office server"))
        self.host_edit = QLineEdit(self)
        self.host_edit.setObjectName("hostEdit")
        self.host_edit.setPlaceholderText(self.tr("e.g. ledger.office.local"))
        self.port_spin = QSpinBox(self)
        self.port_spin.setObjectName("portSpin")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.database_edit = QLineEdit("reply_ledger", self)
        self.database_edit.setObjectName("databaseEdit")
        self.user_edit = QLineEdit(getpass.getuser(), self)
        self.user_edit.setObjectName("userEdit")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("empty: from your PostgreSQL password file"))
        if last is not None:
            self.host_edit.setText(last.host)
            self.database_edit.setText(last.database)
            self.user_edit.setText(last.user)
        form = QFormLayout()
        form.addRow(self.tr("Server"), self.host_edit)
        form.addRow(self.tr("Port"), self.port_spin)
        form.addRow(self.tr("Database"), self.database_edit)
        form.addRow(self.tr("User"), self.user_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        note = QLabel(self.tr("Several clerks work on the office's ledger at once; the password is not stored."), self)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.setObjectName("connectButtons")
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

    def location(self) -> ServerLocation | None:
        """The ledger the fields name, or None while the server or database is missing."""
        host, database = self.host_edit.text().strip(), self.database_edit.text().strip()
        if not host or not database:
            return None
        port = self.port_spin.value()
        url = server_url(host, database, self.user_edit.text().strip(), None if port == DEFAULT_PORT else port)
        location = parse_location(url)
        assert isinstance(location, ServerLocation)
        return location.with_password(self.password_edit.text() or None)

    @Slot()
    def _on_accepted(self) -> None:
        location = self.location()
        if location is None:
            (self.host_edit if not self.host_edit.text().strip() else self.database_edit).setFocus()
            return
        self.accept()
        self.connect_requested.emit(location)


def ask_password(parent: QWidget | None, location: ServerLocation) -> ServerLocation | None:
    """Ask for the password of the ledger's user (modal: the ledger cannot open without it); None if cancelled."""
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("OfficeServer", "Password"),
        QCoreApplication.translate("OfficeServer", "Password of {user} for {url}:").format(
            user=location.user or "?", url=location), QLineEdit.EchoMode.Password)
    return location.with_password(text) if ok else None


AskPassword = Callable[[QWidget | None, ServerLocation], ServerLocation | None]


def open_asking_password(location: Location, parent: QWidget | None, ask: AskPassword = ask_password) -> Store | None:
    """Open a ledger; when its server wants a password (or another one), ask for it and try again.

    Returns:
        The store, or None when the user gave up at the password prompt.

    Raises:
        LedgerError: any other reason the ledger cannot be opened.
    """
    while True:
        try:
            return Store.open(location)
        except LedgerError as error:
            if error.code not in PASSWORD_CODES or not isinstance(location, ServerLocation):
                raise
            logger.info("%s: %s", location, error.code)
            asked = ask(parent, location)
            if asked is None:
                return None
            location = asked


class OfficeServer(QObject):
    """File › Connect to office server… of one window.

    Signals:
        open_requested(object): open the ServerLocation chosen in the dialog (the window asks its owner).
    """

    open_requested = Signal(object)

    def __init__(self, window: QWidget, store: Store) -> None:
        super().__init__(window)
        self._window = window
        self._store = store
        self.dialog: ConnectDialog | None = None
        self.connect_action = QAction(self.tr("Connect to office &server…"), window)
        self.connect_action.setObjectName("connectServerAction")
        self.connect_action.setToolTip(self.tr("Open the office's shared ledger on its PostgreSQL server"))
        self.connect_action.triggered.connect(self.show_dialog)

    @Slot()
    def show_dialog(self) -> ConnectDialog:
        last = self._store.location if isinstance(self._store.location, ServerLocation) else None
        self.dialog = ConnectDialog(self._window, last)
        self.dialog.connect_requested.connect(self.open_requested)
        self.dialog.open()
        return self.dialog

    def network_file_notice(self) -> QMessageBox | None:
        """Say (without blocking) that a ledger file on a network drive is unsafe, and what to do instead."""
        if not self._store.network_filesystem:
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Ledger on a network drive"), self.tr(
            "This ledger is a file on a network drive ({kind}). SQLite cannot keep a file safe there when several "
            "computers open it: two clerks can damage the ledger. Keep the file on this computer's own disk, or "
            "put the office's ledger on its PostgreSQL server (reply-ledger migrate) and use File › Connect to "
            "office server….").format(kind=self._store.network_filesystem), QMessageBox.StandardButton.Ok,
            self._window)
        box.setObjectName("networkDriveNotice")
        box.open()
        return box
