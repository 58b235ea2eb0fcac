"""File › Connect to office server…, the password prompt, and the notice for a ledger file on a network drive."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

import db.backends.sqlite as sqlite_backend
from db import ServerLocation, Store
from desktop.core.errors import LedgerError
from desktop.ui.server_connect import ConnectDialog, open_asking_password
from tests.postgres_cluster import PASSWORD, PASSWORD_USER


def test_the_dialog_names_the_ledger_and_keeps_the_password_out_of_sight(qtbot) -> None:
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.host_edit.setText("ledger.office.local")
    dialog.database_edit.setText("台账")
    dialog.user_edit.setText("wang")
    dialog.port_spin.setValue(5433)
    dialog.password_edit.setText("密码 with spaces")
    with qtbot.waitSignal(dialog.connect_requested) as requested:
        dialog.buttons.accepted.emit()
    location = requested.args[0]
    assert isinstance(location, ServerLocation)
    assert (location.host, location.database, location.user) == ("ledger.office.local", "台账", "wang")
    assert location.password == "密码 with spaces"
    assert "密码" not in str(location) + repr(location) and ":5433/" in str(location)


def test_connect_from_the_file_menu_of_a_window(qtbot, make_window, store: Store) -> None:
    window = make_window(store)
    action = next(a for a in window.file_menu.actions() if a.objectName() == "connectServerAction")
    requested: list[object] = []
    window.open_ledger_requested.connect(requested.append)
    action.trigger()
    dialog = window.office_server.dialog
    assert dialog is not None and dialog.isVisible()
    if store.is_shared:  # a window on a server ledger offers the same server again
        assert dialog.host_edit.text() == "127.0.0.1" and dialog.user_edit.text() == store.location.user
    dialog.host_edit.clear()
    dialog.buttons.accepted.emit()  # no server named: nothing happens
    assert dialog.isVisible() and requested == []
    dialog.host_edit.setText("127.0.0.1")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible() and isinstance(requested[0], ServerLocation)


def test_the_password_is_asked_until_the_server_takes_it(server_ledger_for_password_user: str) -> None:
    asked: list[str] = []
    answers = ["wrong", PASSWORD]

    def ask(parent, location: ServerLocation) -> ServerLocation | None:
        asked.append(str(location))
        return location.with_password(answers.pop(0))

    store = open_asking_password(ServerLocation(server_ledger_for_password_user), None, ask)
    assert store is not None and store.actor == PASSWORD_USER and len(asked) == 2
    store.close()
    assert open_asking_password(ServerLocation(server_ledger_for_password_user), None, lambda *_: None) is None
    with pytest.raises(LedgerError) as caught:  # anything else is said as it is
        open_asking_password(ServerLocation(server_ledger_for_password_user + "_missing"), None,
                             lambda parent, location: location.with_password(PASSWORD))
    assert caught.value.code == "server_database_missing"


@pytest.fixture
def server_ledger_for_password_user(request, postgres_cluster, postgres_templates, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> str:
    from db.backends.postgres import grant_roles

    name = postgres_cluster.create_database(template=postgres_templates["demo"])
    request.addfinalizer(lambda: postgres_cluster.drop_database(name))
    with postgres_cluster.admin() as conn:
        conn.execute("DO $$ BEGIN CREATE ROLE reply_ledger_clerk NOLOGIN;"
                     " EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        conn.execute(f"GRANT reply_ledger_clerk TO {PASSWORD_USER}")
    with Store.open(postgres_cluster.url(name)) as owner:
        grant_roles(owner.conn)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-password-file"))
    return postgres_cluster.url(name, PASSWORD_USER)


@pytest.mark.sqlite_only
def test_a_ledger_file_on_a_network_drive_is_said_to_be_unsafe(qtbot, make_window, tmp_path: Path, db_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\nfiler:/ledgers {tmp_path} nfs4 rw,vers=4.2 0 0\n", encoding="utf-8")
    monkeypatch.setattr(sqlite_backend, "MOUNTS_FILE", mounts)
    with Store.open(db_path) as store:
        assert store.network_filesystem == "nfs4"
        window = make_window(store)
        notice = window.office_server.network_file_notice()
        assert isinstance(notice, QMessageBox) and notice.objectName() == "networkDriveNotice"
        assert "nfs4" in notice.text() and "PostgreSQL" in notice.text()
        notice.close()
