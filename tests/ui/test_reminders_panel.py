"""The reminders panel (snooze, done), the tray notifier's decision and the start-up hook, on the demo ledger."""

from __future__ import annotations

import datetime as dt
import weakref

from PySide6.QtCore import QDate, Qt, QThreadPool
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLabel, QPushButton, QTableView, QWidget

from db import Store
from db.reminders import sync_reminders
from desktop.core.records import Reminder
from desktop.ui.reminders_panel import ReminderNotifier, RemindersPanel, notification_text, open_reminders_on_start
from tests.ui.conftest import HeldPool

D = dt.date
AS_OF = D(2022, 3, 31)


def make_panel(qtbot, store: Store, today: dt.date = AS_OF) -> RemindersPanel:
    sync_reminders(store, today)
    panel = RemindersPanel(store, today=lambda: today)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_panel_lists_the_due_reminders(qtbot, qtmodeltester, demo_store: Store) -> None:
    panel = make_panel(qtbot, demo_store)
    table = panel.findChild(QTableView, "reminderTable")
    assert table.model().rowCount() == 12
    assert table.model().index(0, 0).data() == "2021-12-05"
    assert table.model().index(0, 1).data() == "116 day(s) overdue"
    assert panel.findChild(QLabel, "reminderSummaryLabel").text() == "12 overdue, 0 due soon (as of 2022-03-31)"
    assert not panel.findChild(QPushButton, "snoozeButton").isEnabled()  # nothing selected yet
    qtmodeltester.check(panel.model)


def test_snooze_then_done(qtbot, demo_store: Store) -> None:
    panel = make_panel(qtbot, demo_store)
    table = panel.findChild(QTableView, "reminderTable")
    first = table.model().index(0, 3).data()
    table.selectRow(0)
    snooze_date = panel.findChild(QDateEdit, "snoozeDateEdit")
    assert snooze_date.minimumDate() == QDate(2022, 4, 1)  # no snoozing into the past
    snooze_date.setDate(QDate(2022, 4, 15))
    with qtbot.waitSignal(panel.reminder_changed) as changed:
        qtbot.mouseClick(panel.findChild(QPushButton, "snoozeButton"), Qt.MouseButton.LeftButton)
    snoozed = demo_store.get(Reminder, changed.args[0])
    assert (snoozed.title, snoozed.state, snoozed.snoozed_until) == (first, "snoozed", D(2022, 4, 15))
    assert table.model().rowCount() == 11  # no longer due until 2022-04-15

    second = table.model().index(0, 3).data()
    table.selectRow(0)
    with qtbot.waitSignal(panel.reminder_changed) as changed:
        qtbot.mouseClick(panel.findChild(QPushButton, "doneButton"), Qt.MouseButton.LeftButton)
    done = demo_store.get(Reminder, changed.args[0])
    assert (done.title, done.state, done.done_at) == (second, "done", AS_OF)
    assert table.model().rowCount() == 10

    panel.findChild(QCheckBox, "showAllRemindersCheck").setChecked(True)
    titles = {table.model().index(row, 3).data(): table.model().index(row, 4).data()
              for row in range(table.model().rowCount())}
    assert titles[first] == "Snoozed until 2022-04-15"
    assert titles[second] == "Done"  # shown too, so that it can be opened again


def test_snoozed_reminder_comes_back_when_its_snooze_ends(qtbot, demo_store: Store) -> None:
    panel = make_panel(qtbot, demo_store)
    panel.select_row(0)
    panel.findChild(QDateEdit, "snoozeDateEdit").setDate(QDate(2022, 4, 15))
    panel.findChild(QPushButton, "snoozeButton").click()
    later = RemindersPanel(demo_store, today=lambda: D(2022, 4, 15))
    qtbot.addWidget(later)
    assert later.model.rowCount() == 12


def test_notifier_reports_what_became_due_without_a_tray(qtbot, demo_store: Store) -> None:
    day = [D(2021, 11, 1)]
    sync_reminders(demo_store, day[0])
    notifier = ReminderNotifier(demo_store, today=lambda: day[0])
    assert notifier.tray is None or notifier.tray.isSystemTrayAvailable()
    assert notifier.check() == []  # same day: nothing new
    day[0] = D(2021, 12, 2)  # the 2021 promises' 30-day lead time began on 12-01
    with qtbot.waitSignal(notifier.reminders_became_due) as fired:
        notifier.check()
    titles = {r.title for r in fired.args[0]}
    assert "承诺到期：完成5G建设投资" in titles
    assert notifier.last_check == D(2021, 12, 2)
    day[0] = D(2021, 12, 3)
    assert notifier.check() == []  # nothing is reported twice
    assert notification_text(fired.args[0]).startswith(f"{len(fired.args[0])} reminder(s) became due:")


def test_start_hook_opens_the_panel_only_when_something_is_due(qtbot, demo_store: Store) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    started = open_reminders_on_start(window, demo_store, today=lambda: AS_OF)
    # The demo's stored reminders are due already; they are read on a pool thread, then the panel opens.
    qtbot.waitUntil(lambda: started.dialog is not None and started.dialog.isVisible(), timeout=10000)
    assert started.dialog.objectName() == "remindersDialog"
    # Generated on a pool thread with its own connection, then shown.
    qtbot.waitUntil(lambda: started.panel.model.rowCount() == 12, timeout=10000)
    assert started.notifier.timer.isActive()
    started.dialog.close()

    quiet = QWidget()
    qtbot.addWidget(quiet)
    calm = open_reminders_on_start(quiet, demo_store, today=lambda: D(2021, 11, 20))
    assert QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(50)  # the queued results of the pool threads
    assert calm.dialog is None and calm.panel is None
    qtbot.waitUntil(lambda: demo_store.count(Reminder, "kind = 'stale_evidence'") == 13, timeout=10000)
    assert calm.dialog is None  # regenerated: still nothing due on 2021-11-20


def test_panel_in_chinese(qtbot, demo_store: Store, chinese) -> None:
    panel = make_panel(qtbot, demo_store)
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "到期日"
    assert panel.model.index(0, 1).data() == "逾期116天"
    assert panel.model.index(0, 2).data() == "佐证久未更新"


def test_a_snoozed_reminder_reads_as_snoozed_and_done_ones_can_be_opened_again(qtbot, demo_store: Store) -> None:
    panel = make_panel(qtbot, demo_store)
    table = panel.findChild(QTableView, "reminderTable")
    table.selectRow(0)
    panel.findChild(QDateEdit, "snoozeDateEdit").setDate(QDate(2022, 4, 15))
    with qtbot.waitSignal(panel.reminder_changed) as snoozed:
        qtbot.mouseClick(panel.findChild(QPushButton, "snoozeButton"), Qt.MouseButton.LeftButton)
    table.selectRow(0)
    with qtbot.waitSignal(panel.reminder_changed) as done:
        qtbot.mouseClick(panel.findChild(QPushButton, "doneButton"), Qt.MouseButton.LeftButton)
    panel.findChild(QCheckBox, "showAllRemindersCheck").setChecked(True)
    rows = {panel.model.record(row).reminder.id: row for row in range(panel.model.rowCount())}
    assert table.model().index(rows[snoozed.args[0]], 1).data() == "Snoozed until 2022-04-15"
    assert table.model().index(rows[done.args[0]], 1).data() == "Done on 2022-03-31"
    reopen = panel.findChild(QPushButton, "reopenButton")
    table.selectRow(rows[done.args[0]])
    assert reopen.isEnabled()
    with qtbot.waitSignal(panel.reminder_changed):
        qtbot.mouseClick(reopen, Qt.MouseButton.LeftButton)
    assert demo_store.get(Reminder, done.args[0]).state == "open"
    panel.findChild(QCheckBox, "showAllRemindersCheck").setChecked(False)
    assert done.args[0] in {panel.model.record(row).reminder.id for row in range(panel.model.rowCount())}


def test_start_hook_reads_nothing_on_the_gui_thread(qtbot, demo_store: Store) -> None:
    """The window paints before the reminders are read: the start-up hook leaves every read of reminders to pool
    threads (a big ledger has tens of thousands of them)."""
    statements: list[str] = []
    demo_store.conn.set_trace_callback(statements.append)
    window = QWidget()
    qtbot.addWidget(window)
    try:
        started = open_reminders_on_start(window, demo_store, today=lambda: AS_OF)
    finally:
        demo_store.conn.set_trace_callback(None)
    assert not [sql for sql in statements if "reminders" in sql]
    qtbot.waitUntil(lambda: started.panel is not None and started.panel.model.rowCount() == 12, timeout=10000)
    assert QThreadPool.globalInstance().waitForDone(10000)


def test_notifier_reads_only_reminders_that_can_have_become_due(qtbot, demo_store: Store) -> None:
    """The check on a timer reads the reminders due in the days it covers, not every open reminder."""
    day = [D(2021, 11, 1)]
    sync_reminders(demo_store, day[0])
    notifier = ReminderNotifier(demo_store, today=lambda: day[0])
    statements: list[str] = []
    demo_store.conn.set_trace_callback(statements.append)
    day[0] = D(2021, 12, 2)
    try:
        fresh = notifier.check()
    finally:
        demo_store.conn.set_trace_callback(None)
    assert fresh
    reads = [sql for sql in statements if sql.startswith("SELECT") and "FROM reminders" in sql and "max(" not in sql]
    assert reads and all("due_date > '2021-11-01'" in sql for sql in reads)


def test_the_reminders_shown_before_are_freed_by_pool_work_not_as_new_ones_are_shown(qtbot, demo_store: Store) -> None:
    """A big ledger has tens of thousands of due reminders: freeing the old rows as the new ones are shown held the
    GUI thread for most of 100 ms."""
    sync_reminders(demo_store, AS_OF)
    pool = HeldPool()
    panel = RemindersPanel(demo_store, today=lambda: AS_OF, pool=pool)
    qtbot.addWidget(panel)
    pool.run_all()
    old_row = weakref.ref(panel.model.record(0))
    panel.refresh()
    pool.held.pop(0).run()  # the new rows are read and shown; the old ones wait for their turn on the pool
    assert panel.model.rowCount() == 12 and old_row() is not None and len(pool.held) == 1
    pool.run_all()
    assert old_row() is None
