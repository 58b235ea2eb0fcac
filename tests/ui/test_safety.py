"""The app's side of safety: Back up now, Restore…, the second-instance and history notices, the reload offer."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from db import Store
from db.backups import close_ledger
from desktop.core.records import Reply, Target
from desktop.ui.safety import BackupDialogs, LedgerSafety
from tests.backends import dump_of
from tests.dbfiles import dump_hash, tamper
from tests.ui.conftest import type_text


class ScriptedDialogs(BackupDialogs):
    def __init__(self, target: Path | None = None, backup: Path | None = None) -> None:
        super().__init__()
        self.target = target
        self.backup = backup

    def backup_target(self, parent: QWidget | None, suggested: str) -> Path | None:
        return self.target

    def backup_to_restore(self, parent: QWidget | None) -> Path | None:
        return self.backup


def test_back_up_now_from_the_file_menu(qtbot, make_window, prompter, demo_store: Store, tmp_path: Path) -> None:
    window = make_window(demo_store)
    window.safety.dialogs = ScriptedDialogs(target=tmp_path / "copy.sqlite3")
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.objectName() == "backUpNowAction")
    action.trigger()
    assert (tmp_path / "copy.sqlite3").exists()
    assert dump_of(tmp_path / "copy.sqlite3") == dump_of(demo_store.location)
    assert prompter.asked[-1][0] == "info" and "copy.sqlite3" in str(prompter.asked[-1][1])


@pytest.mark.sqlite_only  # a server ledger is restored by its administrator (below)
def test_restore_from_the_file_menu_asks_with_the_counts(qtbot, make_window, prompter, demo_store: Store,
                                                         tmp_path: Path) -> None:
    window = make_window(demo_store)
    backup = tmp_path / "monday.sqlite3"
    window.safety.dialogs = ScriptedDialogs(target=backup, backup=backup)
    window.safety.back_up_now()
    target = demo_store.get(Target, 1)
    demo_store.save(dataclasses.replace(target, value=99.0))  # type: ignore[type-var]
    form = window.open_record("target", 1)
    prompter.confirm_answer = False
    window.safety.restore_action.trigger()
    question = next(text for kind, text in prompter.asked if kind == "confirm")
    assert "Targets: 13 → 13" in question and "undoes the 1 change(s) made since" in question
    assert "Changes in the history: 53 → 52" in question
    assert demo_store.get(Target, 1).value == 99.0  # type: ignore[union-attr]  # said no: nothing changed
    prompter.confirm_answer = True
    window.safety.restore_action.trigger()
    assert demo_store.get(Target, 1).value == 15.0  # type: ignore[union-attr]
    assert form not in window.forms() and window.undo_stack.count() == 0
    assert "is kept as" in str(prompter.asked[-1][1])
    assert len(list(tmp_path.glob("demo.sqlite3.before-restore-*.bak"))) == 1


@pytest.mark.sqlite_only
def test_restore_of_an_empty_file_is_refused_in_the_app(qtbot, make_window, prompter, demo_store: Store,
                                                        tmp_path: Path) -> None:
    window = make_window(demo_store)
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    window.safety.dialogs = ScriptedDialogs(backup=empty)
    before = dump_hash(demo_store.path)
    window.safety.restore_action.trigger()
    assert prompter.asked[-1][0] == "error" and "is empty (0 bytes)" in str(prompter.asked[-1][1])
    assert dump_hash(demo_store.path) == before


@pytest.mark.sqlite_only  # a server ledger is open in many windows by design
def test_a_second_window_on_the_same_file_is_told(qtbot, make_window, prompter, demo_db_path: Path) -> None:
    with Store.open(demo_db_path) as first, Store.open(demo_db_path) as second:
        one = make_window(first)
        assert one.safety.check_on_open() == []
        two = make_window(second)
        notices = two.safety.check_on_open()
        assert [box.objectName() for box in notices] == ["secondInstanceNotice"]
        assert "already open in another Reply Ledger" in notices[0].text()
        for box in notices:
            box.close()
        one.close()
        three = LedgerSafety(QWidget(), second, prompter=prompter, pool=two.pool)  # the first has let go
        assert three.other_instance is None
        three.on_close()


@pytest.mark.sqlite_only  # the witness is kept for files
@pytest.mark.allow_log_warnings  # the cut is logged as a warning too
def test_a_history_cut_since_the_app_last_closed_is_noticed(qtbot, make_window, demo_db_path: Path,
                                                            data_dir: Path) -> None:
    with Store.open(demo_db_path) as store:
        close_ledger(store.conn, store.path, data_dir, data_dir / "backups", keep=0)
    tamper(demo_db_path, "DROP TRIGGER history_no_delete",
           "DELETE FROM history WHERE id = (SELECT max(id) FROM history)")
    with Store.open(demo_db_path) as store:
        window = make_window(store)
        notices = window.safety.check_on_open()
        assert [box.objectName() for box in notices] == ["historyNotice"]
        for box in notices:
            box.close()


@pytest.mark.sqlite_only
def test_closing_the_window_writes_the_witness_and_the_daily_backup(qtbot, make_window, demo_store: Store,
                                                                    data_dir: Path) -> None:
    window = make_window(demo_store)
    window.close()
    assert (data_dir / "witness.json").exists()
    assert len(list((data_dir / "backups").glob("*/demo-*.sqlite3"))) == 1


def test_a_save_refused_as_a_conflict_offers_to_reload(qtbot, make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    reply = demo_store.list(Reply)[0]
    form = window.open_record("reply", reply.id)
    with Store.open(demo_store.location, actor="另一位同事") as other:  # another window or process saves first
        theirs = other.get(Reply, reply.id)
        other.save(dataclasses.replace(theirs, signer="王五"))  # type: ignore[type-var]
    title = form.findChild(QLineEdit, "titleEdit")
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Delete)
    type_text(qtbot, title, "我改的标题")
    assert form.save() is None
    offer = form.findChild(QWidget, "reloadOffer")
    assert offer.isVisible()
    assert other.actor in form.findChild(QWidget, "formMessage").text()  # a server names its database user
    assert demo_store.get(Reply, reply.id).signer == "王五"  # type: ignore[union-attr]  # their save stands
    offer.findChild(QPushButton, "reloadButton").click()
    assert not offer.isVisible() and not form.is_dirty()
    assert form.record.signer == "王五" and title.text() == reply.title  # type: ignore[union-attr]
    type_text(qtbot, title, "，再改")
    assert form.save() is not None  # from the fresh version the edit goes in


def test_a_server_ledger_is_backed_up_to_a_file_and_restored_by_its_administrator(
        qtbot, make_window, prompter, postgres_cluster, postgres_templates, request, tmp_path: Path, data_dir: Path
) -> None:
    name = postgres_cluster.create_database(template=postgres_templates["demo"])
    request.addfinalizer(lambda: postgres_cluster.drop_database(name))
    with Store.open(postgres_cluster.url(name)) as store:
        window = make_window(store)
        assert window.safety.other_instance is None and window.safety.check_on_open() == []
        window.safety.dialogs = ScriptedDialogs(target=tmp_path / "copy.sqlite3", backup=tmp_path / "copy.sqlite3")
        window.safety.back_up_now()
        assert dump_of(tmp_path / "copy.sqlite3") == dump_of(store.location)
        assert window.safety.restore_from_backup() is None
        assert prompter.asked[-1][0] == "error" and "administrator" in str(prompter.asked[-1][1])
        window.close()
    assert not (data_dir / "witness.json").exists() and not list(data_dir.glob("backups/**/*.sqlite3"))
