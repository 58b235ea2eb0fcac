"""The reminders panel (snooze until a date, done), the tray notifier, and the start-up hook.

The decision "what became due since the last check" is :func:`desktop.core.reminders.became_due`; the notifier
only asks it on a timer and shows the answer in the system tray where the platform has one.

A big ledger has tens of thousands of overdue reminders: the panel reads them on a pool thread (with its own
connection) when it is given a pool, and the start-up hook shows the window first and reads afterwards.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from db import Location, Store
from db.reminders import (
    SyncResult,
    complete_reminder,
    due_reminders,
    list_reminders,
    reminders_became_due,
    reopen_reminder,
    snooze_reminder,
    sync_reminders,
)
from desktop.core.errors import LedgerError
from desktop.core.records import Reminder
from desktop.core.reminders import is_active
from desktop.ui.labels import QT_TRANSLATE_NOOP, REMINDER_KINDS, REMINDER_STATES, label
from desktop.ui.messages import user_message
from desktop.ui.models import Column, RecordTableModel, fit_columns, record_table_view
from desktop.ui.workers import Pool, ThreadPool, Worker, mark_gui_busy, release_in_slices

logger = logging.getLogger(__name__)

Today = Callable[[], dt.date]


def _when(row: ReminderRow) -> str:
    """How far off the due date is; a snoozed reminder says until when it sleeps, a done one when it was done."""
    reminder, days = row.reminder, row.days
    if reminder.state == "done":
        return QCoreApplication.translate("ReminderColumns", "Done on {date}").format(
            date=reminder.done_at.isoformat() if reminder.done_at else "—")
    if reminder.state == "snoozed" and reminder.snoozed_until is not None and not row.awake:
        return QCoreApplication.translate("ReminderColumns", "Snoozed until {date}").format(
            date=reminder.snoozed_until.isoformat())
    return _days(days)


def _days(days: int) -> str:
    if days < 0:
        return QCoreApplication.translate("ReminderColumns", "%n day(s) overdue", None, -days)
    if days == 0:
        return QCoreApplication.translate("ReminderColumns", "Due today")
    return QCoreApplication.translate("ReminderColumns", "in %n day(s)", None, days)


def _state(reminder: Reminder) -> str:
    if reminder.state == "snoozed" and reminder.snoozed_until:
        return QCoreApplication.translate("ReminderColumns", "Snoozed until {date}").format(
            date=reminder.snoozed_until.isoformat())
    return label(REMINDER_STATES, reminder.state)


@dataclass(frozen=True)
class ReminderRow:
    """A reminder as the panel shows it: with the days left until its due date."""

    reminder: Reminder
    days: int
    awake: bool = True  # a snoozed reminder whose snooze has ended


@dataclass(frozen=True)
class ReminderRows:
    """What the panel shows: its rows, and how many reminders are due (of which overdue) on ``today``."""

    today: dt.date
    rows: list[ReminderRow]
    due: int
    overdue: int


def read_reminder_rows(store: Store, today: dt.date, show_all: bool = False) -> ReminderRows:
    """The due reminders (or every reminder) as rows of the panel."""
    due = due_reminders(store, today)
    if show_all:
        rows = [ReminderRow(r, (r.due_date - today).days, is_active(r, today))
                for r in list_reminders(store, include_done=True)]
    else:
        rows = [ReminderRow(item.reminder, item.days) for item in due]
    return ReminderRows(today, rows, len(due), sum(1 for item in due if item.overdue))


def _read_reminder_rows(path: Location, today: dt.date, show_all: bool = False) -> ReminderRows:
    """:func:`read_reminder_rows` on a pool thread, with a connection of its own."""
    with Store.attach(path) as store:
        return read_reminder_rows(store, today, show_all)


# Columns fit the rows on the first screens, not tens of thousands of them.
FIT_ROWS = 60


REMINDER_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ReminderColumns", "Due"), lambda row: row.reminder.due_date),
    Column(QT_TRANSLATE_NOOP("ReminderColumns", "When"), lambda row: row, _when),
    Column(QT_TRANSLATE_NOOP("ReminderColumns", "Kind"), lambda row: row.reminder.kind,
           lambda kind: label(REMINDER_KINDS, kind)),
    Column(QT_TRANSLATE_NOOP("ReminderColumns", "Reminder"), lambda row: row.reminder.title),
    Column(QT_TRANSLATE_NOOP("ReminderColumns", "State"), lambda row: row.reminder, _state),
    Column(QT_TRANSLATE_NOOP("ReminderColumns", "How it was computed"), lambda row: row.reminder.note),
)


class RemindersPanel(QWidget):
    """Due and overdue reminders of a store, with snooze (until a date) and done.

    With a ``pool``, the reminders are read on a pool thread; without one, at once.

    Signals:
        reminder_changed(int): a reminder was snoozed or marked done (its id).
        due_count_changed(int): how many reminders are due or overdue after a refresh.
    """

    reminder_changed = Signal(int)
    due_count_changed = Signal(int)

    def __init__(self, store: Store, *, today: Today = dt.date.today, pool: Pool | None = None,
                 rows: ReminderRows | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remindersPanel")
        self._store = store
        self._today = today
        self._pool = pool
        self._generation = 0
        self.model = RecordTableModel("ReminderColumns", REMINDER_COLUMNS, self)

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("reminderSummaryLabel")
        self.show_all_check = QCheckBox(self.tr("Show all reminders (snoozed and done ones too), not only the due "
                                                "ones"), self)
        self.show_all_check.setObjectName("showAllRemindersCheck")
        self.show_all_check.toggled.connect(self._on_show_all_check_toggled)

        self.table = record_table_view(self, "reminderTable", self.model)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

        self.snooze_date_edit = QDateEdit(self)
        self.snooze_date_edit.setObjectName("snoozeDateEdit")
        self.snooze_date_edit.setCalendarPopup(True)
        self.snooze_date_edit.setDisplayFormat("yyyy-MM-dd")
        self.snooze_button = QPushButton(self.tr("&Snooze until"), self)
        self.snooze_button.setObjectName("snoozeButton")
        self.snooze_button.clicked.connect(self._on_snooze_button_clicked)
        self.done_button = QPushButton(self.tr("&Done"), self)
        self.done_button.setObjectName("doneButton")
        self.done_button.clicked.connect(self._on_done_button_clicked)
        self.reopen_button = QPushButton(self.tr("&Open again"), self)
        self.reopen_button.setObjectName("reopenButton")
        self.reopen_button.setToolTip(self.tr("A done or snoozed reminder becomes open again"))
        self.reopen_button.clicked.connect(self._on_reopen_button_clicked)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("reminderMessageLabel")
        self.message_label.setWordWrap(True)

        actions = QHBoxLayout()
        actions.addWidget(self.snooze_button)
        actions.addWidget(self.snooze_date_edit)
        actions.addWidget(self.done_button)
        actions.addWidget(self.reopen_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.show_all_check)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message_label)
        if rows is not None and rows.today == self.today():
            self.show_rows(rows)
        else:
            self.refresh()

    def today(self) -> dt.date:
        return self._today()

    @Slot()
    def refresh(self) -> None:
        """Reload the reminders from the store (it does not generate them; see :meth:`sync`)."""
        self._generation += 1
        generation = self._generation
        today, show_all = self.today(), self.show_all_check.isChecked()
        if self._pool is None:
            self.show_rows(read_reminder_rows(self._store, today, show_all))
            return
        worker = Worker(_read_reminder_rows, self._store.location, today, show_all)
        worker.signals.succeeded.connect(lambda rows: self.show_rows(rows) if generation == self._generation
                                         else None)
        worker.signals.failed.connect(lambda error: logger.error("cannot read the reminders: %s", error))
        self._pool.start(worker)

    def show_rows(self, rows: ReminderRows) -> None:
        """Show reminders read by :func:`read_reminder_rows`."""
        today = rows.today
        retired = self.model.set_records(rows.rows)
        if self._pool is not None and retired:
            # Tens of thousands of reminders in a big ledger: freed here, they held the GUI thread for most of
            # 100 ms; a pool thread frees them a slice at a time.
            self._pool.start_chore(Worker(release_in_slices, [retired]))
        del retired
        self.summary_label.setText(self.tr("{overdue} overdue, {due} due soon (as of {date})").format(
            overdue=rows.overdue, due=rows.due - rows.overdue, date=today.isoformat()))
        self.snooze_date_edit.setMinimumDate(_qdate(today + dt.timedelta(days=1)))
        self.snooze_date_edit.setDate(_qdate(today + dt.timedelta(days=7)))
        fit_columns(self.table, self.model, rows=FIT_ROWS, widest=360)
        self._on_table_selection_changed()
        self.due_count_changed.emit(rows.due)

    def sync(self) -> None:
        """Generate the reminders the ledger needs as of today, then reload."""
        sync_reminders(self._store, self.today())
        self.refresh()

    def due_count(self) -> int:
        return len(due_reminders(self._store, self.today()))

    def selected_reminders(self) -> list[Reminder]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.record(row).reminder for row in rows]

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    @Slot()
    def _on_table_selection_changed(self, *args: object) -> None:
        chosen = self.selected_reminders()
        self.snooze_button.setEnabled(any(r.state != "done" for r in chosen))
        self.done_button.setEnabled(any(r.state != "done" for r in chosen))
        self.reopen_button.setEnabled(any(r.state != "open" for r in chosen))

    @Slot(bool)
    def _on_show_all_check_toggled(self, checked: bool) -> None:
        self.refresh()

    @Slot()
    def _on_snooze_button_clicked(self) -> None:
        until = self.snooze_date_edit.date().toPython()
        self._apply(lambda reminder: snooze_reminder(self._store, reminder.id, until, self.today()))

    @Slot()
    def _on_done_button_clicked(self) -> None:
        self._apply(lambda reminder: complete_reminder(self._store, reminder.id, self.today()))

    @Slot()
    def _on_reopen_button_clicked(self) -> None:
        self._apply(lambda reminder: reopen_reminder(self._store, reminder.id))

    def _apply(self, change: Callable[[Reminder], Reminder]) -> None:
        changed: list[int] = []
        self.message_label.clear()
        for reminder in self.selected_reminders():
            try:
                changed.append(change(reminder).id)
            except LedgerError as error:
                self.message_label.setText(user_message(error))
                break
        self.refresh()
        for reminder_id in changed:
            self.reminder_changed.emit(reminder_id)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReminderNotifier(QObject):
    """Checks on a timer what became due since the last check and says so in the system tray.

    The tray is optional (``QSystemTrayIcon.isSystemTrayAvailable()`` is false offscreen and on some desktops);
    the signal is emitted either way.

    Signals:
        reminders_became_due(list): the reminders that became due at this check.
    """

    reminders_became_due = Signal(list)

    def __init__(self, store: Store, *, today: Today = dt.date.today, tray: QSystemTrayIcon | None = None,
                 interval_ms: int = 30 * 60 * 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self.tray = tray
        self.last_check = today()  # what is due now was shown at start; only later changes are news
        self.timer = QTimer(self)
        self.timer.setObjectName("reminderTimer")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    @Slot()
    def check(self) -> list[Reminder]:
        """Look for reminders that became due since the last check; notify about them."""
        now = self._today()
        if now <= self.last_check:
            return []
        fresh = reminders_became_due(self._store, self.last_check, now)
        self.last_check = now
        if fresh:
            self.reminders_became_due.emit(fresh)
            if self.tray is not None and QSystemTrayIcon.isSystemTrayAvailable():
                self.tray.showMessage(self.tr("Reply Ledger"), notification_text(fresh),
                                      QSystemTrayIcon.MessageIcon.Information)
        return fresh


def notification_text(reminders: list[Reminder]) -> str:
    """The tray message: the first titles and how many there are."""
    titles = [r.title for r in reminders[:3]]
    count = len(reminders)
    text = QCoreApplication.translate("ReminderNotifier", "%n reminder(s) became due:", None, count)
    more = len(reminders) - len(titles)
    lines = [text, *titles]
    if more:
        lines.append(QCoreApplication.translate("ReminderNotifier", "and %n more", None, more))
    return "\n".join(lines)


def sync_reminders_at(location: Location, as_of: dt.date, *, progress: Callable[[int, int], None] | None = None,
                      is_cancelled: Callable[[], bool] | None = None) -> SyncResult:
    """Bring the reminders up to date on a pool thread, with a connection of its own (a large ledger takes
    seconds). Cancelled (when the window closes), it writes nothing."""
    with Store.attach(location) as store:
        return sync_reminders(store, as_of, progress=progress, is_cancelled=is_cancelled)


@dataclass
class ReminderStart:
    """What :func:`open_reminders_on_start` created: the dialog (None while nothing is due), the notifier, and
    the background work that brings the reminders up to date (None for a ledger opened read-only)."""

    dialog: QDialog | None
    panel: RemindersPanel | None
    notifier: ReminderNotifier
    sync_task: Worker | None = None


def create_tray(parent: QWidget) -> QSystemTrayIcon | None:
    """A tray icon where the platform has a tray; None elsewhere."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    icon = parent.windowIcon()
    if icon.isNull():
        icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
    tray = QSystemTrayIcon(icon, parent)
    tray.setObjectName("reminderTray")
    tray.setToolTip(QCoreApplication.translate("ReminderNotifier", "Reply Ledger reminders"))
    tray.show()
    return tray


def open_reminders_on_start(window: QWidget, store: Store, *, today: Today = dt.date.today,
                            pool: QThreadPool | None = None, rows_pool: Pool | None = None) -> ReminderStart:
    """The start-up hook of the main window.

    Reads the stored reminders on a pool thread and opens the reminders panel when one is due, brings the
    reminders up to date on a pool thread (opening the panel then if something has become due, or refreshing
    it), and keeps checking while the app runs, with a tray notification where there is a tray. Nothing that
    grows with the ledger runs on the GUI thread: the window paints first. The first read and the sync are chores
    of ``rows_pool`` (:meth:`desktop.ui.workers.ThreadPool.start_chore`): the read runs once the lists' first reads
    are done, ahead of the start's judging, and the sync after the judging; the window's closing cancels them.
    The sync's worker logs a failure; the window shows it (it connects to ``sync_task.signals.failed``).
    """
    notifier = ReminderNotifier(store, today=today, tray=create_tray(window), parent=window)
    notifier.start()
    started = ReminderStart(None, None, notifier)
    rows_pool = rows_pool or ThreadPool(pool)

    def show_if_due(rows: ReminderRows) -> None:
        mark_gui_busy()  # building and painting the dialog: pool work gives way
        if started.panel is not None:
            started.panel.refresh()  # an older read may have opened it
            return
        if not rows.due:
            return
        dialog = QDialog(window)
        dialog.setObjectName("remindersDialog")
        dialog.setWindowTitle(QCoreApplication.translate("RemindersPanel", "Reminders"))
        started.panel = RemindersPanel(store, today=today, pool=rows_pool, rows=rows, parent=dialog)
        layout = QVBoxLayout(dialog)
        layout.addWidget(started.panel)
        dialog.resize(900, 420)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.show()
        started.dialog = dialog

    def check(*, at_start: bool = False) -> None:
        if started.panel is not None:
            started.panel.refresh()
            return
        worker = Worker(_read_reminder_rows, store.location, today())
        worker.signals.succeeded.connect(show_if_due)
        worker.signals.failed.connect(lambda error: logger.error("cannot read the reminders: %s", error))
        if at_start:  # after the lists' first reads, before the start's judging: one Python pool thread at a time
            rows_pool.start_chore(worker, first=True)
        else:
            rows_pool.start(worker)

    check(at_start=True)
    if store.read_only:  # an auditor reads the reminders the clerks' work keeps up to date
        return started
    task = Worker(sync_reminders_at, store.location, today(), reports_progress=True)
    task.signals.succeeded.connect(lambda _result: check())
    started.sync_task = task
    rows_pool.start_chore(task)
    return started
