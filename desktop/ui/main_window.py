"""The main window: a navigator of lists and the dashboard, forms in tabs beside them, the welcome page.

The window is one class split along its seams: actions, menus and toolbar (:mod:`desktop.ui.window_menus`),
form tabs, drafts and undo of saves (:mod:`desktop.ui.window_forms`), what is done to rows of the lists — inline
edits, bulk changes, copy, paste, delete (:mod:`desktop.ui.window_lists`) — and files and other ledgers: import,
export, dossier, new ledger (:mod:`desktop.ui.window_files`). This module holds the pages, the judgements, the
refresh after every change (reminders included) and the layout.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QObject, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db import Location, Store
from db.store import Counts
from desktop import paths
from desktop.core.errors import Cancelled, LedgerError
from desktop.core.grid import PASTE_TARGETS
from desktop.core.records import Commitment, Evidence, Feedback, Proposal, Record, Reply, Target
from desktop.ui.editing import DraftStore
from desktop.ui.forms import RecordForm
from desktop.ui.list_page import ListPage, ListPages
from desktop.ui.prompts import CANCEL, SAVE, Prompter
from desktop.ui.safety import LedgerSafety
from desktop.ui.screens import fit_to_screen
from desktop.ui.server_connect import OfficeServer
from desktop.ui.welcome import WelcomePage
from desktop.ui.window_files import LedgerFilesMixin
from desktop.ui.window_forms import FormTabsMixin
from desktop.ui.window_lists import ListActionsMixin
from desktop.ui.window_menus import build_actions
from desktop.ui.workers import Pool, ThreadPool, Worker, release_in_slices

if TYPE_CHECKING:
    from db.dashboard import GroupCount
    from db.status import LedgerStatus
    from desktop.ui.dashboard import DashboardPage
    from desktop.ui.reminders_panel import RemindersPanel

logger = logging.getLogger(__name__)

PAGES = ("proposals", "replies", "commitments", "evidence", "suggestions", "reminders", "audit", "timeline",
         "dashboard")
# Pages built the first time they are shown (they read the whole ledger when they are built).
LAZY_PAGES = ("suggestions", "audit", "timeline")
# The list pages, each also built when first shown or asked for (desktop.ui.list_page.ListPages).
LIST_PAGES = ("proposals", "replies", "commitments", "evidence", "reminders")
REFRESH_DELAY_MS = 150
STATUS_MESSAGE_MS = 20_000
DEFAULT_SIZE = (1360, 820)


@dataclass(frozen=True)
class Judged:
    """Judgements as the window shows them, all worked out on a pool thread: the status, the states by row key
    of the commitments list and the dashboard's counts by state."""

    status: LedgerStatus
    states: dict[int, str]
    state_counts: list[GroupCount]


def _judge(location: Location, as_of: dt.date, commitment_ids: list[int] | None = None,
           base: LedgerStatus | None = None, progress: Any = None, is_cancelled: Any = None) -> Judged:
    """Judge the ledger (or some commitments, merged into ``base``) on a pool thread, with a connection of its
    own; what the window shows of it is prepared here too, so that the GUI thread only takes it over."""
    # Imported here, on the pool thread: the window paints without them.
    from db.dashboard import counts_by_state
    from db.status import LedgerStatus, judge_ledger
    from desktop.ui.dashboard import STATE_ORDER

    with Store.attach(location) as store:
        status = judge_ledger(store, as_of, commitment_ids=commitment_ids, progress=progress,
                              is_cancelled=is_cancelled)
    if base is not None:
        status = LedgerStatus(status.as_of, {**base.targets, **status.targets},
                              {**base.commitments, **status.commitments})
    return Judged(status, list_states(status), counts_by_state(status.targets, status.commitments, STATE_ORDER))


def _count_records(location: Location) -> Counts:
    """The records of each kind, counted on a pool thread with a connection of its own."""
    with Store.attach(location) as store:
        return store.counts()


def list_states(status: LedgerStatus) -> dict[int, str]:
    """States by row key of the commitments list (target id, or minus the id of a commitment without targets)."""
    states = {-commitment_id: judgement.state for commitment_id, judgement in status.commitments.items()}
    states.update((target_id, judgement.state) for target_id, judgement in status.targets.items())
    return states


class MainWindow(FormTabsMixin, ListActionsMixin, LedgerFilesMixin, QMainWindow):
    """Everything of one open ledger.

    Args:
        store: the open database.
        prompter: asks the user questions (tests inject one that answers from a script).
        pool: where background work runs (tests pass a synchronous pool).
        settings: where the layout is remembered (default: the data folder's window.ini).
        today: today's date (reminders) and the first "as of" date of the judgements.

    Signals:
        records_changed(): something was saved, undone, redone or deleted.
        status_changed(object): a new :class:`LedgerStatus` (judgements of all targets) is shown.
        open_ledger_requested(object): the user chose another (or a new) database file (a Path).
        reminders_synced(object): the reminders were brought up to date after a change (the SyncResult).
    """

    records_changed = Signal()
    status_changed = Signal(object)
    open_ledger_requested = Signal(object)
    reminders_synced = Signal(object)

    def __init__(self, store: Store, *, prompter: Prompter | None = None, pool: Pool | None = None,
                 settings: QSettings | None = None, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__()
        self.store = store
        self.prompter = prompter or Prompter(self)
        self.pool: Pool = pool or ThreadPool()
        self.settings = settings or QSettings(str(paths.ui_settings_path()), QSettings.Format.IniFormat)
        self._today = today
        self.drafts = DraftStore(paths.drafts_dir(), store.location.key)
        self._draft_ids: dict[RecordForm, str] = {}
        self.last_saved: dict[str, int] = {}  # record kind → id of the record saved last (new records' parents)
        self.status: LedgerStatus | None = None
        self._judge_generation = 0
        self._counts_generation = 0
        self._touched: set[int] | None = set()  # commitments to judge again at the next refresh; None: all
        self.review_windows: list[QWidget] = []
        self.reminder_dialogs: list[RemindersPanel] = []
        self.ledger_import_dialog: QDialog | None = None
        self.reminder_start: object | None = None  # the start-up reminders hook, set by the app

        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Reply Ledger — {path}").format(path=store.location))
        self.setAcceptDrops(True)
        fit_to_screen(self, *DEFAULT_SIZE)

        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")

        self.navigator = QListWidget(self)
        self.navigator.setObjectName("navigator")
        self.navigator.setMaximumWidth(200)
        self.navigator.setStyleSheet("QListWidget#navigator::item { padding: 7px 6px; }")
        self.page_stack = QStackedWidget(self)
        self.page_stack.setObjectName("pageStack")
        self.pages = ListPages(self._build_list_page)
        titles = {"proposals": self.tr("Proposals"), "replies": self.tr("Replies"),
                  "commitments": self.tr("Commitments & targets"), "evidence": self.tr("Evidence"),
                  "suggestions": self.tr("Evidence suggestions"), "reminders": self.tr("Reminders"),
                  "audit": self.tr("Looking back"), "timeline": self.tr("Timeline"),
                  "dashboard": self.tr("Dashboard")}
        self.lazy_pages: dict[str, QWidget] = {}
        self._stale_pages: set[str] = set()
        self._list_states: dict[int, str] = {}  # the commitments list's states, kept for when it is built
        self.dashboard: DashboardPage | None = None  # built when first shown
        self._state_counts: list[GroupCount] | None = None  # the dashboard's, kept for when it is built
        for kind in PAGES:
            widget = QWidget(self)  # every page is built when first shown (or asked for)
            widget.setObjectName(f"{kind}Placeholder")
            self.page_stack.addWidget(widget)
            item = QListWidgetItem(titles[kind], self.navigator)
            item.setData(Qt.ItemDataRole.UserRole, kind)
        self.navigator.currentRowChanged.connect(self._on_navigator_current_row_changed)
        # The page names stay whole however narrow the window gets.
        self.navigator.setMinimumWidth(max(self.navigator.fontMetrics().horizontalAdvance(title)
                                           for title in titles.values()) + 36)

        self.editor_tabs = QTabWidget(self)
        self.editor_tabs.setObjectName("editorTabs")
        self.editor_tabs.setTabsClosable(True)
        self.editor_tabs.setMovable(True)
        self.editor_tabs.setDocumentMode(True)
        self.editor_tabs.tabCloseRequested.connect(self._on_editor_tabs_close_requested)
        self.editor_tabs.currentChanged.connect(self._update_actions)
        self.editor_tabs.setMinimumWidth(380)  # labels and fields of a form stay readable
        self.editor_tabs.hide()

        self.splitter = QSplitter(self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.page_stack)
        self.splitter.addWidget(self.editor_tabs)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(2, False)
        self.splitter.setSizes([150, 760, 450])

        self.welcome = WelcomePage(self)
        self.welcome.new_ledger_requested.connect(self.new_ledger)
        self.welcome.open_ledger_requested.connect(self.open_ledger)
        self.welcome.open_demo_requested.connect(self.open_demo)
        self.welcome.import_letter_requested.connect(self.import_letter)
        self.welcome.import_ledger_requested.connect(self.import_ledger_workbook)
        self.welcome.start_requested.connect(self.leave_welcome)
        self.central_stack = QStackedWidget(self)
        self.central_stack.setObjectName("centralStack")
        self.central_stack.addWidget(self.welcome)
        self.central_stack.addWidget(self.splitter)
        self.setCentralWidget(self.central_stack)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.judge_label = QLabel(self)
        self.judge_label.setObjectName("judgeLabel")
        self.path_label = QLabel(str(store.location), self)
        self.path_label.setObjectName("pathLabel")
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.judge_label)
        self.statusBar().addPermanentWidget(self.path_label)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self.start_draft_timer()

        self.safety = LedgerSafety(self, store, prompter=self.prompter, pool=self.pool,
                                   has_unsaved=lambda: any(form.is_dirty() for form in self.forms()))
        self.safety.restored.connect(self._on_restored)
        self.office_server = OfficeServer(self, store)  # File › Connect to office server…
        self.office_server.open_requested.connect(self.open_ledger_requested)
        build_actions(self, titles)
        self._restore_layout()
        self._update_counts()
        self.central_stack.setCurrentWidget(self.welcome if self.ledger_is_empty() else self.splitter)
        self._update_actions()
        # The start's judging waits for the first reads of the lists and the reminders: beside them, it made the
        # window's first repaints stall (two Python threads taking the interpreter lock from the GUI thread).
        self.judge(in_turn=True)

    # ----------------------------------------------------------------- pages
    def show_page(self, kind: str) -> None:
        self.leave_welcome()
        self.navigator.setCurrentRow(PAGES.index(kind))

    def current_page_kind(self) -> str:
        item = self.navigator.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "commitments"

    def current_list(self) -> ListPage | None:
        return self.pages.get(self.current_page_kind())

    def ledger_is_empty(self) -> bool:
        return self.store.is_empty()

    @Slot()
    def leave_welcome(self) -> None:
        """Show the lists (the welcome page is only for an empty ledger)."""
        self.central_stack.setCurrentWidget(self.splitter)

    def showing_welcome(self) -> bool:
        return self.central_stack.currentWidget() is self.welcome

    @Slot(int)
    def _on_navigator_current_row_changed(self, row: int) -> None:
        if row >= 0:
            kind = PAGES[row]
            if kind in LIST_PAGES:
                self.pages.page(kind)  # built on first show
            elif kind == "dashboard":
                self.dashboard_page()
            elif kind in LAZY_PAGES:
                self.lazy_page(kind)
                if kind in self._stale_pages:
                    self._stale_pages.discard(kind)
                    self.lazy_pages[kind].refresh()  # type: ignore[attr-defined]
            self.page_stack.setCurrentIndex(row)
        self._update_actions()

    def lazy_page(self, kind: str) -> QWidget:
        """The evidence suggestions, looking-back or timeline page, built on first use."""
        page = self.lazy_pages.get(kind)
        if page is not None:
            return page
        # Imported here: the window paints without them (the suggestions pull in the letter reader).
        from desktop.ui.audit_view import AuditView
        from desktop.ui.evidence_review import EvidenceSuggestionsPanel
        from desktop.ui.timeline_view import TimelineView

        if kind == "suggestions":
            suggestions = EvidenceSuggestionsPanel(self.store, pool=self.pool, parent=self)
            suggestions.suggestion_decided.connect(lambda suggestion_id, state: self._records_changed())
            page = suggestions
        elif kind == "audit":
            audit = AuditView(self.store, pool=self.pool, today=self.as_of, parent=self)
            audit.proposal_activated.connect(self.show_timeline)
            page = audit
        else:
            page = TimelineView(self.store, pool=self.pool, today=self.as_of, parent=self)
        self._put_in_place(kind, page)
        self.lazy_pages[kind] = page
        return page

    def dashboard_page(self) -> DashboardPage:
        """The dashboard, built the first time it is shown."""
        if self.dashboard is None:
            from desktop.ui.dashboard import DashboardPage

            self.dashboard = DashboardPage(self.store, pool=self.pool, today=self.as_of, parent=self)
            self.dashboard.filter_requested.connect(self._on_dashboard_filter_requested)
            self.dashboard.open_requested.connect(self._on_list_open_requested)
            if self.status is not None:
                self.dashboard.set_status(self.status, self._state_counts)
            self._put_in_place("dashboard", self.dashboard)
        return self.dashboard

    def _put_in_place(self, kind: str, page: QWidget) -> None:
        """A page built on first use takes its placeholder's place in the stack."""
        index = PAGES.index(kind)
        placeholder = self.page_stack.widget(index)
        current = self.page_stack.currentIndex()
        self.page_stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.page_stack.insertWidget(index, page)
        self.page_stack.setCurrentIndex(current)

    def _build_list_page(self, kind: str) -> ListPage:
        """A list page, built the first time it is shown or asked for (see :class:`ListPages`)."""
        page = ListPage(self.store, kind, pool=self.pool, parent=self)
        self.connect_list_page(page)
        header = self.settings.value(f"lists/{kind}/header")
        # Only widths the user chose are kept; otherwise the columns fit their content.
        if header is not None and self.settings.value(f"lists/{kind}/userSized") in (True, "true"):
            page.table.horizontalHeader().restoreState(header)
            page.user_sized = True
        if kind == "commitments" and self._list_states:
            page.set_states(self._list_states)
        self._put_in_place(kind, page)
        return page

    @Slot(int)
    def show_timeline(self, proposal_id: int) -> None:
        """The story of one proposal in date order."""
        timeline = self.lazy_page("timeline")
        timeline.set_proposal(proposal_id)  # type: ignore[attr-defined]
        self.show_page("timeline")

    @Slot()
    def show_due_reminders(self) -> QDialog:
        """The due and overdue reminders, with snooze, done and reopen, in a window of their own."""
        from desktop.ui.reminders_panel import RemindersPanel

        dialog = QDialog(self)
        dialog.setObjectName("remindersDialog")
        dialog.setWindowTitle(self.tr("Due reminders"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        panel = RemindersPanel(self.store, today=self._today, pool=self.pool, parent=dialog)
        panel.reminder_changed.connect(lambda reminder_id: self.refresh_list("reminders"))
        self.reminder_dialogs.append(panel)
        dialog.destroyed.connect(lambda: self.reminder_dialogs.remove(panel) if panel in self.reminder_dialogs
                                 else None)
        layout = QVBoxLayout(dialog)
        layout.addWidget(panel)
        fit_to_screen(dialog, 900, 420)
        dialog.show()
        return dialog

    @Slot()
    def show_contacts(self) -> QDialog:
        """The contacts with proposers known on the as-of date, in a window of their own (desktop.ui.contacts)."""
        from desktop.ui.contacts import ContactsPanel

        dialog = QDialog(self)
        dialog.setObjectName("contactsDialog")
        dialog.setWindowTitle(self.tr("Contacts with proposers"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        panel = ContactsPanel(self.store, today=self.as_of, parent=dialog)
        panel.new_requested.connect(lambda: self.new_record("contact"))
        panel.open_requested.connect(lambda contact_id: self.open_record("contact", contact_id))
        self.records_changed.connect(panel.refresh)
        self.as_of_edit.dateChanged.connect(panel.refresh)
        dialog.destroyed.connect(lambda: self._disconnect_panel(panel))
        QVBoxLayout(dialog).addWidget(panel)
        fit_to_screen(dialog, 900, 420)
        dialog.show()
        return dialog

    def _disconnect_panel(self, panel: QWidget) -> None:
        for signal in (self.records_changed, self.as_of_edit.dateChanged):
            with contextlib.suppress(RuntimeError, TypeError):  # already gone with the dialog
                signal.disconnect(panel.refresh)

    def selected_reply(self) -> int | None:
        """The reply selected in the Replies list."""
        if self.current_page_kind() != "replies":
            return None
        values = self._selected_values("replies")
        return int(values["id"]) if values.get("id") is not None else None

    @Slot()
    def show_publication_check(self, reply_id: int | None = None) -> QDialog | None:
        """The publication pre-check of a reply (the selected one by default): its personal data, and a button that
        saves a redacted copy (desktop.ui.publication_check)."""
        from desktop.ui.publication_check import PublicationCheckDialog

        reply_id = reply_id if reply_id is not None else self.selected_reply()
        reply = self.store.get(Reply, reply_id) if reply_id is not None else None
        if reply is None:
            return None
        dialog = PublicationCheckDialog(reply, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    @Slot()
    def show_timeline_of_selection(self) -> None:
        proposal = self.selected_proposal_id()
        if proposal is not None:
            self.show_timeline(proposal)
        else:
            self.show_page("timeline")

    def selected_proposal_id(self) -> int | None:
        """The proposal selected in the Proposals list, or the proposal of the reply selected in Replies."""
        kind = self.current_page_kind()
        if kind in ("proposals", "replies"):
            values = self._selected_values(kind)
            found = values.get("id") if kind == "proposals" else values.get("proposal_id")
            if found is not None:
                return int(found)
        for other in ("proposals", "replies"):
            values = self._selected_values(other)
            found = values.get("id") if other == "proposals" else values.get("proposal_id")
            if found is not None:
                return int(found)
        return None

    @Slot()
    def focus_search(self) -> None:
        page = self.current_list()
        if page is None:
            self.show_page("commitments")
            page = self.pages["commitments"]
        page.focus_search()

    @Slot(str, object)
    def _on_dashboard_filter_requested(self, name: str, value: object) -> None:
        self.show_page("commitments")
        page = self.pages["commitments"]
        page.set_filter(**{name: value})

    # ----------------------------------------------------------------- the "as of" date
    def initial_as_of(self) -> dt.date:
        """The judging date the ledger was last read at (kept between runs), else today."""
        stored = self.settings.value("mainWindow/asOf")
        if stored:
            try:
                return dt.date.fromisoformat(str(stored))
            except ValueError:
                logger.info("ignoring a stored as-of date %r", stored)
        return self._today()

    def as_of(self) -> dt.date:
        if not hasattr(self, "as_of_edit"):
            return self._today()
        return self.as_of_edit.date().toPython()  # type: ignore[return-value]

    def set_as_of(self, day: dt.date) -> None:
        self.as_of_edit.setDate(QDate(day.year, day.month, day.day))

    @Slot()
    def _on_as_of_edit_date_changed(self) -> None:
        self.settings.setValue("mainWindow/asOf", self.as_of().isoformat())
        self.judge()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A click in the date selects the part clicked (year, month or day), so that digits typed replace it.
        if hasattr(self, "as_of_edit") and watched is self.as_of_edit.lineEdit() and \
                event.type() == QEvent.Type.MouseButtonRelease:
            edit = self.as_of_edit
            QTimer.singleShot(0, lambda: edit.setSelectedSection(
                edit.sectionAt(edit.lineEdit().cursorPosition())))
        return super().eventFilter(watched, event)

    # ----------------------------------------------------------------- status (judgements)
    def judge(self, commitment_ids: set[int] | None = None, *, in_turn: bool = False) -> None:
        """Judge the targets as of the chosen date, in the background; lists and dashboard follow.

        With ``commitment_ids``, only those commitments and their targets are judged again (after an edit) and
        merged into the states shown; otherwise the whole ledger is judged. ``in_turn``: as a chore of the pool
        (:meth:`desktop.ui.workers.ThreadPool.start_chore`), once nothing else of the pool runs.
        """
        partial = commitment_ids is not None and self.status is not None and self.status.as_of == self.as_of()
        if commitment_ids is not None and not commitment_ids and partial:
            return
        self._judge_generation += 1
        generation = self._judge_generation
        self.judge_label.setText(self.tr("Judging targets…"))
        ids = sorted(commitment_ids or ()) if partial else None
        worker = Worker(_judge, self.store.location, self.as_of(), ids, self.status if partial else None,
                        reports_progress=True)
        worker.signals.succeeded.connect(lambda judged: self._on_judged(generation, judged))
        worker.signals.failed.connect(lambda error: self._on_judge_failed(generation, error))
        if in_turn:
            self.pool.start_chore(worker)
        else:
            self.pool.start(worker)

    def _on_judged(self, generation: int, judged: Judged) -> None:
        if generation != self._judge_generation:
            return
        status = judged.status
        # The judgements shown until now are freed on a pool thread, a slice at a time (freeing them here held the
        # GUI thread for most of 100 ms at 100 000 targets).
        retired: list[Any] = [self.status, self._list_states]
        self.status = status
        self._list_states = judged.states
        self.judge_label.setText(self.tr("States as of {date}").format(date=status.as_of.isoformat()))
        commitments = self.pages.get("commitments")
        if commitments is not None:
            commitments.set_states(judged.states)
        self._state_counts = judged.state_counts
        if self.dashboard is not None:
            self.dashboard.set_status(status, judged.state_counts)
        self.status_changed.emit(status)
        self.pool.start_chore(Worker(release_in_slices, retired))
        del retired

    def _on_judge_failed(self, generation: int, error: object) -> None:
        if generation == self._judge_generation:
            self.judge_label.setText(self.tr("States could not be judged; see the log."))

    # ----------------------------------------------------------------- reminders
    def sync_reminders(self) -> Worker:
        """Bring the reminders up to date (in the background): a save, an import, an undo or new evidence can
        move one. The reminders list and any open reminders window follow. A chore of the pool: it runs after
        the judging the same change started, never beside it."""
        from desktop.ui.reminders_panel import sync_reminders_at

        worker = Worker(sync_reminders_at, self.store.location, self._today(), reports_progress=True)
        worker.signals.succeeded.connect(self._on_reminders_synced)
        worker.signals.failed.connect(self.show_reminder_sync_failed)
        self.pool.start_chore(worker)
        return worker

    @Slot(object)
    def show_reminder_sync_failed(self, error: object) -> None:
        """Tell the user in one sentence, in the status bar, that the reminders were not brought up to date, and
        why; the details are in the log. Nothing to tell when the window's closing cancelled the sync."""
        if isinstance(error, Cancelled):
            return
        logger.error("reminders could not be brought up to date: %s", error)
        if isinstance(error, LedgerError):
            from desktop.ui.messages import user_message

            text = self.tr("The reminders could not be brought up to date: {reason}").format(
                reason=user_message(error))
        else:
            text = self.tr("The reminders could not be brought up to date; the details are in {log}.").format(
                log=paths.log_path())
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    def refresh_list(self, kind: str) -> None:
        """Read a list page again, if it was built (one not built yet reads when it is first shown)."""
        page = self.pages.get(kind)
        if page is not None:
            page.refresh()

    def _on_reminders_synced(self, result: object) -> None:
        self.refresh_list("reminders")
        for panel in self.reminder_dialogs:
            panel.refresh()
        start = self.reminder_start
        panel = getattr(start, "panel", None)
        if panel is not None and panel not in self.reminder_dialogs:
            panel.refresh()
        self.reminders_synced.emit(result)

    # ----------------------------------------------------------------- refreshing
    def counts_text(self, counts: Counts | None = None) -> str:
        counts = counts or self.store.counts()
        return self.tr("{proposals} proposals, {replies} replies, {commitments} commitments, {targets} targets, "
                       "{evidence} evidence").format(
            proposals=counts.proposals, replies=counts.replies, commitments=counts.commitments,
            targets=counts.targets, evidence=counts.evidence)

    def _update_counts(self) -> None:
        """The status bar's counts, counted on a pool thread (counting 400 000 rows is not instant)."""
        self._counts_generation += 1
        generation = self._counts_generation
        worker = Worker(_count_records, self.store.location)
        worker.signals.succeeded.connect(
            lambda counts: self.count_label.setText(self.counts_text(counts))
            if generation == self._counts_generation else None)
        self.pool.start(worker)

    @Slot()
    def refresh(self) -> None:
        """Read everything shown again (after saves, undo, imports), judge what the changes touched and bring the
        reminders up to date."""
        self._refresh_timer.stop()
        touched, self._touched = self._touched, set()
        for page in self.pages.values():
            page.refresh()
        if self.dashboard is not None:
            self.dashboard.refresh()
        current = self.current_page_kind()
        for kind, lazy in self.lazy_pages.items():
            if kind == current:
                lazy.refresh()  # type: ignore[attr-defined]
            else:
                self._stale_pages.add(kind)
        self._update_counts()
        if not self.ledger_is_empty():
            self.leave_welcome()
        self.judge(touched)
        self.sync_reminders()

    def _on_restored(self, outcome: object) -> None:
        """The file now holds the backup: forms and undo steps belong to the ledger as it was."""
        for form in self.forms():
            self.close_form(form)
        self.undo_stack.clear()
        self.reload_everything()

    @Slot()
    def reload_everything(self) -> None:
        """Read every list again and judge the whole ledger (F5)."""
        self._touched = None
        self.refresh()

    def _records_changed(self, *records: Record) -> None:
        """Something was written: refresh soon. Edits of known records re-judge only their commitments."""
        touched = self._commitments_touched(records) if records else None
        if touched is None or self._touched is None:
            self._touched = None
        else:
            self._touched |= touched
        self.records_changed.emit()
        self._refresh_timer.start()

    def _commitments_touched(self, records: tuple[Record, ...]) -> set[int] | None:
        """The commitments whose states the written records can change; None when that is not known."""
        ids: set[int] = set()
        for record in records:
            if isinstance(record, Commitment) and record.id is not None:
                ids.add(record.id)
            elif isinstance(record, Target):
                ids.add(record.commitment_id)
            elif isinstance(record, Evidence):
                target = self.store.get(Target, record.target_id)
                if target is None:
                    return None
                ids.add(target.commitment_id)
            elif isinstance(record, Reply) and record.id is not None:
                ids.update(c.id for c in self.store.commitments_of(record.id) if c.id is not None)
            elif not isinstance(record, Proposal | Feedback):
                return None
        return ids

    @Slot()
    def _update_actions(self) -> None:
        if not hasattr(self, "review_again_action"):  # the actions are still being built
            return
        form = self.current_form()
        page = self.current_list()
        self.save_action.setEnabled(bool(form and form.save_button.isEnabled()))
        self.close_form_action.setEnabled(form is not None)
        selected = bool(page and page.selected_rows())
        self.delete_action.setEnabled(page is not None and page.kind != "reminders" and selected)
        self.copy_rows_action.setEnabled(selected)
        self.paste_rows_action.setEnabled(page is not None and page.kind in PASTE_TARGETS)
        self.review_again_action.setEnabled(self.selected_letter_reply() is not None)
        self.publication_check_action.setEnabled(self.selected_reply() is not None)
        has_proposal = self.selected_proposal_id() is not None
        self.print_dossier_action.setEnabled(has_proposal)
        self.dossier_pdf_action.setEnabled(has_proposal)
        self.new_action.setStatusTip(self.new_action_hint())

    # ----------------------------------------------------------------- layout and closing
    def _restore_layout(self) -> None:
        geometry = self.settings.value("mainWindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            fit_to_screen(self, self.width(), self.height())
        state = self.settings.value("mainWindow/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("mainWindow/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        page = self.settings.value("mainWindow/page")
        # Only the page shown is built (the others when first shown).
        self.navigator.setCurrentRow(PAGES.index(page if page in PAGES else "commitments"))  # type: ignore[arg-type]

    def save_layout(self) -> None:
        self.settings.setValue("mainWindow/geometry", self.saveGeometry())
        self.settings.setValue("mainWindow/state", self.saveState())
        self.settings.setValue("mainWindow/splitter", self.splitter.saveState())
        self.settings.setValue("mainWindow/page", self.current_page_kind())
        self.settings.setValue("mainWindow/asOf", self.as_of().isoformat())
        for kind, list_page in self.pages.items():
            self.settings.setValue(f"lists/{kind}/header", list_page.table.horizontalHeader().saveState())
            self.settings.setValue(f"lists/{kind}/userSized", list_page.user_sized)
        self.settings.setValue("lastDatabase", str(self.store.location))
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = [form for form in self.forms() if form.is_dirty()]
        reviews = [window for window in self.review_windows if window.has_unsaved_changes()]  # type: ignore[attr-defined]
        if unsaved or reviews:
            names = [form.tab_title() for form in unsaved] + [window.windowTitle() for window in reviews]
            answer = self.prompter.ask_unsaved(self, names)
            if answer == CANCEL:
                event.ignore()
                return
            if answer == SAVE:
                for form in unsaved:
                    if form.save() is None:
                        self.editor_tabs.setCurrentWidget(form)
                        event.ignore()
                        return
                for window in reviews:
                    if not window.save():  # type: ignore[attr-defined]
                        window.raise_()
                        event.ignore()
                        return
        for form in self.forms():
            self._forget_draft(form)
        for window in list(self.review_windows):
            window.discard_and_close()  # type: ignore[attr-defined]
        self._refresh_timer.stop()
        self.stop_draft_timer()
        self.save_layout()
        # Background reads and judgements are not needed any more; let them stop before the store closes.
        self.pool.cancel_all()
        self.pool.wait(10_000)
        self.safety.on_close()
        event.accept()
