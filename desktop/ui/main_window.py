"""The main window: a navigator of lists and the dashboard, forms in tabs beside them, menus, undo, drafts."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QPoint, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from db import Store
from db.connection import connect
from db.export import export_ledger
from db.letter_decisions import stored_letter
from db.letters import import_document
from db.status import LedgerStatus, judge_ledger
from desktop import APP_TITLE, paths
from desktop.core.errors import LedgerError
from desktop.core.extraction import Document, LetterExtraction
from desktop.core.records import Commitment, Evidence, Feedback, Proposal, Record, Reply, Target
from desktop.ui.audit_view import AuditView
from desktop.ui.dashboard import DashboardPage
from desktop.ui.editing import DraftStore, SaveRecordCommand
from desktop.ui.evidence_review import EvidenceSuggestionsPanel
from desktop.ui.forms import RecordForm
from desktop.ui.list_page import ListPage
from desktop.ui.messages import user_message
from desktop.ui.prompts import CANCEL, SAVE, Prompter
from desktop.ui.record_forms import FORMS, RECORD_TYPES
from desktop.ui.reminders_panel import RemindersPanel
from desktop.ui.safety import LedgerSafety
from desktop.ui.timeline_view import TimelineView
from desktop.ui.workers import Pool, ProgressRunner, ThreadPool, Worker

logger = logging.getLogger(__name__)

PAGES = ("proposals", "replies", "commitments", "evidence", "suggestions", "reminders", "audit", "timeline",
         "dashboard")
# Pages built the first time they are shown (they read the whole ledger when they are built).
LAZY_PAGES = ("suggestions", "audit", "timeline")
LETTER_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"}
# What "New" makes on each page.
NEW_KIND = {"proposals": "proposal", "replies": "reply", "commitments": "commitment", "evidence": "evidence",
            "suggestions": "evidence", "reminders": "proposal", "audit": "proposal", "timeline": "proposal",
            "dashboard": "proposal"}
DRAFT_DELAY_MS = 800
REFRESH_DELAY_MS = 150
STATUS_MESSAGE_MS = 20_000


def _judge(path: Path, as_of: dt.date, commitment_ids: list[int] | None = None, progress: Any = None,
           is_cancelled: Any = None) -> LedgerStatus:
    """Judge the ledger (or some commitments) on a pool thread, with a connection of its own."""
    conn = connect(path)
    try:
        return judge_ledger(Store(conn, path), as_of, commitment_ids=commitment_ids, progress=progress,
                            is_cancelled=is_cancelled)
    finally:
        conn.close()


def list_states(status: LedgerStatus) -> dict[int, str]:
    """States by row key of the commitments list (target id, or minus the id of a commitment without targets)."""
    states = {-commitment_id: judgement.state for commitment_id, judgement in status.commitments.items()}
    states.update((target_id, judgement.state) for target_id, judgement in status.targets.items())
    return states


class MainWindow(QMainWindow):
    """Everything of one open ledger.

    Args:
        store: the open database.
        prompter: asks the user questions (tests inject one that answers from a script).
        pool: where background work runs (tests pass a synchronous pool).
        settings: where the layout is remembered (default: the data folder's window.ini).
        today: the default "as of" date of the judgements.

    Signals:
        records_changed(): something was saved, undone, redone or deleted.
        status_changed(object): a new :class:`LedgerStatus` (judgements of all targets) is shown.
        open_ledger_requested(object): the user chose another database file (a Path).
    """

    records_changed = Signal()
    status_changed = Signal(object)
    open_ledger_requested = Signal(object)

    def __init__(self, store: Store, *, prompter: Prompter | None = None, pool: Pool | None = None,
                 settings: QSettings | None = None, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__()
        self.store = store
        self.prompter = prompter or Prompter(self)
        self.pool: Pool = pool or ThreadPool()
        self.settings = settings or QSettings(str(paths.ui_settings_path()), QSettings.Format.IniFormat)
        self._today = today
        self.drafts = DraftStore(paths.drafts_dir(), store.path)
        self._draft_ids: dict[RecordForm, str] = {}
        self.status: LedgerStatus | None = None
        self._judge_generation = 0
        self._touched: set[int] | None = set()  # commitments to judge again at the next refresh; None: all
        self.review_windows: list[QWidget] = []
        self.ledger_import_dialog: QDialog | None = None
        self.reminder_start: object | None = None  # the start-up reminders hook, set by the app

        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Reply Ledger — {path}").format(path=store.path))
        self.setAcceptDrops(True)
        self.resize(1360, 820)

        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")

        self.navigator = QListWidget(self)
        self.navigator.setObjectName("navigator")
        self.navigator.setMaximumWidth(220)
        self.navigator.setStyleSheet("QListWidget#navigator::item { padding: 7px 6px; }")
        self.page_stack = QStackedWidget(self)
        self.page_stack.setObjectName("pageStack")
        self.pages: dict[str, ListPage] = {}
        titles = {"proposals": self.tr("Proposals"), "replies": self.tr("Replies"),
                  "commitments": self.tr("Commitments & targets"), "evidence": self.tr("Evidence"),
                  "suggestions": self.tr("Evidence suggestions"), "reminders": self.tr("Reminders"),
                  "audit": self.tr("Looking back"), "timeline": self.tr("Timeline"),
                  "dashboard": self.tr("Dashboard")}
        self.lazy_pages: dict[str, QWidget] = {}
        self._stale_pages: set[str] = set()
        for kind in PAGES:
            if kind in LAZY_PAGES:
                widget = QWidget(self)  # replaced by the page when it is first shown
                widget.setObjectName(f"{kind}Placeholder")
            elif kind == "dashboard":
                self.dashboard = DashboardPage(store, pool=self.pool, today=self.as_of, parent=self)
                self.dashboard.filter_requested.connect(self._on_dashboard_filter_requested)
                self.dashboard.open_requested.connect(self._on_list_open_requested)
                widget: QWidget = self.dashboard
            else:
                page = ListPage(store, kind, pool=self.pool, parent=self)
                page.open_requested.connect(self._on_list_open_requested)
                self.pages[kind] = page
                widget = page
            self.page_stack.addWidget(widget)
            item = QListWidgetItem(titles[kind], self.navigator)
            item.setData(Qt.ItemDataRole.UserRole, kind)
        self.navigator.currentRowChanged.connect(self._on_navigator_current_row_changed)

        self.editor_tabs = QTabWidget(self)
        self.editor_tabs.setObjectName("editorTabs")
        self.editor_tabs.setTabsClosable(True)
        self.editor_tabs.setMovable(True)
        self.editor_tabs.setDocumentMode(True)
        self.editor_tabs.tabCloseRequested.connect(self._on_editor_tabs_close_requested)
        self.editor_tabs.currentChanged.connect(self._update_actions)
        self.editor_tabs.hide()

        self.splitter = QSplitter(self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.page_stack)
        self.splitter.addWidget(self.editor_tabs)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([160, 800, 460])
        self.setCentralWidget(self.splitter)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.judge_label = QLabel(self)
        self.judge_label.setObjectName("judgeLabel")
        self.path_label = QLabel(str(store.path), self)
        self.path_label.setObjectName("pathLabel")
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.judge_label)
        self.statusBar().addPermanentWidget(self.path_label)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_drafts)

        self.safety = LedgerSafety(self, store, prompter=self.prompter, pool=self.pool,
                                   has_unsaved=lambda: any(form.is_dirty() for form in self.forms()))
        self.safety.restored.connect(self._on_restored)
        self._build_actions()
        replies = self.pages["replies"].table
        replies.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        replies.customContextMenuRequested.connect(self._on_reply_table_custom_context_menu_requested)
        replies.selectionModel().selectionChanged.connect(lambda selected, deselected: self._update_actions())
        self.navigator.setCurrentRow(PAGES.index("commitments"))
        self._restore_layout()
        self._update_counts()
        self._update_actions()
        self.judge()

    # ----------------------------------------------------------------- actions, menus, toolbar
    def _action(self, name: str, text: str, slot: Callable[..., Any], shortcut: Any = None,
                icon: QStyle.StandardPixmap | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            if isinstance(shortcut, QKeySequence.StandardKey):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(lambda checked=False: slot())
        return action

    def _build_actions(self) -> None:
        pixmap = QStyle.StandardPixmap
        self.new_action = self._action("newAction", self.tr("&New"), self.new_for_page, QKeySequence.StandardKey.New,
                                       pixmap.SP_FileIcon)
        self.new_actions: dict[str, QAction] = {}
        kind_texts = {"proposal": self.tr("&Proposal"), "reply": self.tr("&Reply"), "feedback": self.tr("&Feedback"),
                      "commitment": self.tr("&Commitment"), "target": self.tr("&Target"),
                      "evidence": self.tr("&Evidence")}
        for kind, text in kind_texts.items():
            self.new_actions[kind] = self._action(f"new{kind.capitalize()}Action", text,
                                                  lambda kind=kind: self.new_record(kind))
        self.save_action = self._action("saveAction", self.tr("&Save"), self.save_current_form,
                                        QKeySequence.StandardKey.Save, pixmap.SP_DialogSaveButton)
        self.close_form_action = self._action("closeFormAction", self.tr("&Close form"), self.close_current_form,
                                              QKeySequence.StandardKey.Close)
        self.import_action = self._action("importAction", self.tr("&Import letter…"), self.import_letter,
                                          "Ctrl+I", pixmap.SP_DialogOpenButton)
        self.review_again_action = self._action("reviewAgainAction", self.tr("Review letter &again…"),
                                                self.review_letter_again)
        self.review_again_action.setToolTip(self.tr("Review the selected reply's letter again, from its stored text: "
                                                     "decide its undecided suggestions"))
        self.import_ledger_action = self._action("importLedgerAction", self.tr("Import Excel &ledger…"),
                                                 self.import_ledger_workbook, "Ctrl+Shift+I")
        self.export_action = self._action("exportAction", self.tr("&Export workbook…"), self.export_workbook,
                                          "Ctrl+E", pixmap.SP_DriveFDIcon)
        self.open_ledger_action = self._action("openLedgerAction", self.tr("&Open ledger…"), self.open_ledger,
                                               QKeySequence.StandardKey.Open)
        self.quit_action = self._action("quitAction", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(self.style().standardIcon(pixmap.SP_ArrowBack))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        self.redo_action.setIcon(self.style().standardIcon(pixmap.SP_ArrowForward))
        self.find_action = self._action("findAction", self.tr("&Find"), self.focus_search,
                                        QKeySequence.StandardKey.Find)
        self.delete_action = self._action("deleteAction", self.tr("&Delete selected record…"), self.delete_selected)
        self.reload_action = self._action("reloadAction", self.tr("&Reload"), self.reload_everything,
                                          QKeySequence.StandardKey.Refresh, pixmap.SP_BrowserReload)
        self.about_action = self._action("aboutAction", self.tr("&About Reply Ledger"), self.show_about)
        self.due_reminders_action = self._action("dueRemindersAction", self.tr("Due &reminders…"),
                                                 self.show_due_reminders, "Ctrl+R")
        self.timeline_action = self._action("timelineAction", self.tr("&Timeline of the selected proposal"),
                                            self.show_timeline_of_selection, "Ctrl+T")

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new_menu = file_menu.addMenu(self.tr("New record"))
        new_menu.setObjectName("newMenu")
        new_menu.addActions(list(self.new_actions.values()))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.close_form_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.review_again_action)
        file_menu.addAction(self.import_ledger_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addActions(self.safety.actions())
        file_menu.addSeparator()
        file_menu.addAction(self.open_ledger_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.delete_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.page_actions: dict[str, QAction] = {}
        for number, kind in enumerate(PAGES, start=1):
            item = self.navigator.item(number - 1)
            action = self._action(f"show{kind.capitalize()}Action", item.text(),
                                  lambda kind=kind: self.show_page(kind), f"Ctrl+{number}")
            self.page_actions[kind] = action
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.due_reminders_action)
        view_menu.addAction(self.timeline_action)
        view_menu.addSeparator()
        view_menu.addAction(self.reload_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolBar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        for action in (self.new_action, self.save_action, self.undo_action, self.redo_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.export_action)
        toolbar.addSeparator()
        as_of_label = QLabel(self.tr("Judged as of "), self)
        toolbar.addWidget(as_of_label)
        self.as_of_edit = QDateEdit(self)
        self.as_of_edit.setObjectName("asOfEdit")
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setKeyboardTracking(False)  # judge once the date is typed, not at every digit
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        today = self._today()
        self.as_of_edit.setDate(QDate(today.year, today.month, today.day))
        self.as_of_edit.setToolTip(self.tr("States say what was known on this day"))
        self.as_of_edit.dateChanged.connect(self._on_as_of_edit_date_changed)
        toolbar.addWidget(self.as_of_edit)
        self.addToolBar(toolbar)
        self.undo_stack.cleanChanged.connect(self._update_actions)

    # ----------------------------------------------------------------- pages
    def show_page(self, kind: str) -> None:
        self.navigator.setCurrentRow(PAGES.index(kind))

    def current_page_kind(self) -> str:
        item = self.navigator.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "commitments"

    def current_list(self) -> ListPage | None:
        return self.pages.get(self.current_page_kind())

    @Slot(int)
    def _on_navigator_current_row_changed(self, row: int) -> None:
        if row >= 0:
            kind = PAGES[row]
            if kind in LAZY_PAGES:
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
        if kind == "suggestions":
            suggestions = EvidenceSuggestionsPanel(self.store, parent=self)
            suggestions.suggestion_decided.connect(lambda suggestion_id, state: self._records_changed())
            page = suggestions
        elif kind == "audit":
            audit = AuditView(self.store, pool=self.pool, today=self.as_of, parent=self)
            audit.proposal_activated.connect(self.show_timeline)
            page = audit
        else:
            page = TimelineView(self.store, pool=self.pool, today=self.as_of, parent=self)
        index = PAGES.index(kind)
        placeholder = self.page_stack.widget(index)
        self.page_stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.page_stack.insertWidget(index, page)
        self.lazy_pages[kind] = page
        return page

    @Slot(int)
    def show_timeline(self, proposal_id: int) -> None:
        """The story of one proposal in date order."""
        timeline = self.lazy_page("timeline")
        timeline.set_proposal(proposal_id)  # type: ignore[attr-defined]
        self.show_page("timeline")

    @Slot()
    def show_due_reminders(self) -> QDialog:
        """The due and overdue reminders, with snooze and done, in a window of their own."""
        dialog = QDialog(self)
        dialog.setObjectName("remindersDialog")
        dialog.setWindowTitle(self.tr("Due reminders"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        panel = RemindersPanel(self.store, today=self._today, parent=dialog)
        panel.reminder_changed.connect(lambda reminder_id: self.pages["reminders"].refresh())
        layout = QVBoxLayout(dialog)
        layout.addWidget(panel)
        dialog.resize(900, 420)
        dialog.show()
        return dialog

    @Slot()
    def show_timeline_of_selection(self) -> None:
        proposal = self._selected_values("proposals").get("id")
        if proposal is None:
            reply = self._selected_values("replies")
            proposal = reply.get("proposal_id")
        if proposal is not None:
            self.show_timeline(int(proposal))
        else:
            self.show_page("timeline")

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

    def as_of(self) -> dt.date:
        if not hasattr(self, "as_of_edit"):
            return self._today()
        return self.as_of_edit.date().toPython()  # type: ignore[return-value]

    @Slot()
    def _on_as_of_edit_date_changed(self) -> None:
        self.judge()

    # ----------------------------------------------------------------- status (judgements)
    def judge(self, commitment_ids: set[int] | None = None) -> None:
        """Judge the targets as of the chosen date, in the background; lists and dashboard follow.

        With ``commitment_ids``, only those commitments and their targets are judged again (after an edit) and
        merged into the states shown; otherwise the whole ledger is judged.
        """
        partial = commitment_ids is not None and self.status is not None and self.status.as_of == self.as_of()
        if commitment_ids is not None and not commitment_ids and partial:
            return
        self._judge_generation += 1
        generation = self._judge_generation
        self.judge_label.setText(self.tr("Judging targets…"))
        ids = sorted(commitment_ids or ()) if partial else None
        worker = Worker(_judge, self.store.path, self.as_of(), ids, reports_progress=True)
        worker.signals.succeeded.connect(lambda status: self._on_judged(generation, status, partial))
        worker.signals.failed.connect(lambda error: self._on_judge_failed(generation, error))
        self.pool.start(worker)

    def _on_judged(self, generation: int, status: LedgerStatus, partial: bool = False) -> None:
        if generation != self._judge_generation:
            return
        if partial and self.status is not None:
            status = LedgerStatus(status.as_of, {**self.status.targets, **status.targets},
                                  {**self.status.commitments, **status.commitments})
        self.status = status
        self.judge_label.setText(self.tr("States as of {date}").format(date=status.as_of.isoformat()))
        self.pages["commitments"].set_states(list_states(status))
        self.dashboard.set_status(status)
        self.status_changed.emit(status)

    def _on_judge_failed(self, generation: int, error: object) -> None:
        if generation == self._judge_generation:
            self.judge_label.setText(self.tr("States could not be judged; see the log."))

    # ----------------------------------------------------------------- refreshing
    def counts_text(self) -> str:
        counts = self.store.counts()
        return self.tr("{proposals} proposals, {replies} replies, {commitments} commitments, {targets} targets, "
                       "{evidence} evidence").format(
            proposals=counts.proposals, replies=counts.replies, commitments=counts.commitments,
            targets=counts.targets, evidence=counts.evidence)

    def _update_counts(self) -> None:
        self.count_label.setText(self.counts_text())

    @Slot()
    def refresh(self) -> None:
        """Read everything shown again (after saves, undo, imports) and judge what the changes touched."""
        self._refresh_timer.stop()
        touched, self._touched = self._touched, set()
        for page in self.pages.values():
            page.refresh()
        self.dashboard.refresh()
        current = self.current_page_kind()
        for kind, lazy in self.lazy_pages.items():
            if kind == current:
                lazy.refresh()  # type: ignore[attr-defined]
            else:
                self._stale_pages.add(kind)
        self._update_counts()
        self.judge(touched)

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

    # ----------------------------------------------------------------- forms
    def forms(self) -> list[RecordForm]:
        return [self.editor_tabs.widget(i) for i in range(self.editor_tabs.count())]  # type: ignore[misc]

    def current_form(self) -> RecordForm | None:
        widget = self.editor_tabs.currentWidget()
        return widget if isinstance(widget, RecordForm) else None

    def open_record(self, kind: str, record_id: int) -> RecordForm | None:
        """Open a stored record in a form tab (or show its tab when it is open already)."""
        for form in self.forms():
            if form.kind == kind and form.record_id == record_id:
                self.editor_tabs.setCurrentWidget(form)
                return form
        record = self.store.get(RECORD_TYPES[kind], record_id)
        if record is None:
            self.prompter.show_error(self, self.tr("This record no longer exists; the list is reloaded."))
            self.refresh()
            return None
        return self._add_form(FORMS[kind](self.store, record, saver=self._save_record, parent=self))

    def new_record(self, kind: str, defaults: dict[str, Any] | None = None) -> RecordForm:
        """Open an empty form; fields start from ``defaults``, or from what is selected in the lists."""
        values = self._defaults_for(kind) if defaults is None else defaults
        return self._add_form(FORMS[kind](self.store, None, saver=self._save_record, defaults=values, parent=self))

    @Slot()
    def new_for_page(self) -> RecordForm:
        kind = NEW_KIND[self.current_page_kind()]
        if kind == "commitment" and self._selected_values("commitments").get("target_id"):
            kind = "target"
        return self.new_record(kind)

    def _selected_values(self, kind: str) -> dict[str, Any]:
        page = self.pages.get(kind)
        if page is None:
            return {}
        rows = page.table.selectionModel().selectedRows()
        values = page.model.row_values(rows[0].row()) if rows else None
        return dict(values or {})

    def _defaults_for(self, kind: str) -> dict[str, Any]:
        proposal = self._selected_values("proposals").get("id")
        reply = self._selected_values("replies").get("id")
        row = self._selected_values("commitments")
        defaults: dict[str, Any] = {}
        if kind == "reply" and proposal:
            defaults["proposal_id"] = proposal
        if kind in ("feedback", "commitment") and (reply or row.get("reply_id")):
            defaults["reply_id"] = reply if self.current_page_kind() == "replies" and reply else (
                row.get("reply_id") or reply)
        if kind == "target" and row.get("commitment_id"):
            defaults["commitment_id"] = row["commitment_id"]
        if kind == "evidence":
            if row.get("target_id"):
                defaults["target_id"] = row["target_id"]
            defaults["as_of_date"] = self._today()
            defaults["recorded_by"] = self.store.actor
        return defaults

    def _add_form(self, form: RecordForm) -> RecordForm:
        form.dirty_changed.connect(lambda dirty, form=form: self._on_form_dirty_changed(form, dirty))
        form.validity_changed.connect(self._update_actions)
        form.edited.connect(self._draft_timer.start)
        form.saved.connect(lambda record, form=form: self._on_form_saved(form))
        form.close_requested.connect(lambda form=form: self.close_form(form))
        index = self.editor_tabs.addTab(form, form.tab_title())
        self.editor_tabs.setTabToolTip(index, form.tab_title())
        self.editor_tabs.setCurrentIndex(index)
        self.editor_tabs.show()
        self._update_actions()
        return form

    def _on_form_dirty_changed(self, form: RecordForm, dirty: bool) -> None:
        index = self.editor_tabs.indexOf(form)
        if index >= 0:
            self.editor_tabs.setTabText(index, ("● " if dirty else "") + form.tab_title())
        if not dirty:
            self._forget_draft(form)
        self._update_actions()

    def _on_form_saved(self, form: RecordForm) -> None:
        self._forget_draft(form)
        index = self.editor_tabs.indexOf(form)
        if index >= 0:
            self.editor_tabs.setTabText(index, form.tab_title())
        self._update_actions()

    def _save_record(self, before: Record | None, after: Record) -> Record:
        """Every form saves through here: the store writes it, and an edit becomes an undo step."""
        stored = self.store.save(after)
        if before is not None:
            label = f"{getattr(stored, 'id', '')}"
            command = SaveRecordCommand(self.store, before, stored, self._record_label(stored) or label,
                                        self._on_record_written, self._on_undo_failed)
            self.undo_stack.push(command)
        self._records_changed(*(record for record in (before, stored) if record is not None))
        return stored

    @staticmethod
    def _record_label(record: Record) -> str:
        for name in ("doc_number", "number", "title", "indicator"):
            value = getattr(record, name, None)
            if value:
                return str(value)
        return ""

    def _on_record_written(self, record: Record) -> None:
        """Undo or redo wrote a record: clean forms showing it follow."""
        for form in self.forms():
            same = isinstance(record, form.record_type) and form.record_id == getattr(record, "id", None)
            if same and not form.is_dirty():
                form.load(record)
        self._records_changed(record)

    def _on_undo_failed(self, error: LedgerError) -> None:
        self.prompter.show_error(self, user_message(error))
        self._records_changed()

    @Slot()
    def save_current_form(self) -> Record | None:
        form = self.current_form()
        return form.save() if form is not None else None

    @Slot()
    def close_current_form(self) -> bool:
        form = self.current_form()
        return self.close_form(form) if form is not None else False

    @Slot(int)
    def _on_editor_tabs_close_requested(self, index: int) -> None:
        widget = self.editor_tabs.widget(index)
        if isinstance(widget, RecordForm):
            self.close_form(widget)

    def close_form(self, form: RecordForm) -> bool:
        """Close a form, asking first when it has unsaved changes; returns False when the user keeps it open."""
        if form.is_dirty():
            self.editor_tabs.setCurrentWidget(form)
            answer = self.prompter.ask_unsaved(self, [form.tab_title()])
            if answer == CANCEL:
                return False
            if answer == SAVE and form.save() is None:
                return False
        self._forget_draft(form)
        self.editor_tabs.removeTab(self.editor_tabs.indexOf(form))
        form.deleteLater()
        self.editor_tabs.setVisible(self.editor_tabs.count() > 0)
        self._update_actions()
        return True

    @Slot()
    def _update_actions(self) -> None:
        if not hasattr(self, "review_again_action"):  # the actions are still being built
            return
        form = self.current_form()
        self.save_action.setEnabled(bool(form and form.save_button.isEnabled()))
        self.close_form_action.setEnabled(form is not None)
        self.delete_action.setEnabled(self.current_list() is not None)
        self.review_again_action.setEnabled(self.selected_letter_reply() is not None)

    # ----------------------------------------------------------------- drafts
    @Slot()
    def write_drafts(self) -> None:
        """Keep what is typed in every changed form, so that a crash loses nothing."""
        for form in self.forms():
            if not form.is_dirty():
                continue
            draft_id = self._draft_ids.setdefault(form, self.drafts.new_id())
            self.drafts.write(draft_id, form.kind, form.record_id, form.tab_title(), form.raw_values())

    def _forget_draft(self, form: RecordForm) -> None:
        draft_id = self._draft_ids.pop(form, None)
        if draft_id:
            self.drafts.remove(draft_id)

    def offer_drafts(self) -> int:
        """After a crash: offer the forms that had unsaved changes; returns how many were reopened."""
        drafts = self.drafts.pending()
        if not drafts:
            return 0
        if not self.prompter.ask_restore_drafts(self, [draft.title for draft in drafts]):
            for draft in drafts:
                self.drafts.remove(draft.draft_id)
            return 0
        reopened = 0
        for draft in drafts:
            if draft.kind not in FORMS:
                self.drafts.remove(draft.draft_id)
                continue
            if draft.record_id is not None:
                form = self.open_record(draft.kind, draft.record_id)
            else:
                form = self.new_record(draft.kind, defaults={})
            if form is None:
                self.drafts.remove(draft.draft_id)
                continue
            form.set_raw_values(draft.fields)
            self._draft_ids[form] = draft.draft_id
            reopened += 1
        return reopened

    # ----------------------------------------------------------------- opening from lists
    @Slot(str, int)
    def _on_list_open_requested(self, kind: str, key: int) -> None:
        self.open_list_row(kind, key)

    def open_list_row(self, kind: str, key: int) -> RecordForm | None:
        if kind == "commitments":
            if key > 0:
                return self.open_record("target", key)
            return self.open_record("commitment", -key)
        record_kind = {"proposals": "proposal", "replies": "reply", "evidence": "evidence"}.get(kind)
        if record_kind is None:
            return None
        return self.open_record(record_kind, key)

    @Slot()
    def delete_selected(self) -> bool:
        page = self.current_list()
        if page is None or page.kind == "reminders":
            return False
        key = page.selected_key()
        if key is None:
            return False
        record_type, record_id = {
            "proposals": ("proposal", key), "replies": ("reply", key), "evidence": ("evidence", key),
            "commitments": ("target", key) if key > 0 else ("commitment", -key)}[page.kind]
        record = self.store.get(RECORD_TYPES[record_type], record_id)
        if record is None:
            return False
        label = self._record_label(record)
        if not self.prompter.confirm(self, self.tr("Delete"), self.tr(
                "Delete {record} and everything recorded under it? The history keeps a copy.").format(record=label)):
            return False
        try:
            self.store.delete(type(record), record_id)
        except LedgerError as error:
            self.prompter.show_error(self, user_message(error))
            return False
        # Saved edits of deleted records cannot be replayed.
        self.undo_stack.clear()
        for form in self.forms():  # forms of the deleted record and of what went with it
            if form.record_id is not None and self.store.get(form.record_type, form.record_id) is None:
                self._forget_draft(form)
                self.editor_tabs.removeTab(self.editor_tabs.indexOf(form))
                form.deleteLater()
        self.editor_tabs.setVisible(self.editor_tabs.count() > 0)
        self._records_changed()
        return True

    # ----------------------------------------------------------------- import, export, other ledgers
    @Slot()
    def import_letter(self) -> None:
        path = self.prompter.open_letter(self)
        if path is not None:
            self.open_letter(path)

    def open_letter(self, path: Path) -> QWidget:
        """Open the review screen for a letter file; saving there updates this window."""
        from desktop.ui.review import LetterReviewWindow

        return self._show_review(LetterReviewWindow(self.store, path, pool=self.pool, prompter=self.prompter,
                                                    parent=self))

    def selected_letter_reply(self) -> int | None:
        """The reply selected in the Replies list, when it was imported from a letter (it has a source document)."""
        if self.current_page_kind() != "replies":
            return None
        values = self._selected_values("replies")
        return int(values["id"]) if values.get("id") is not None and values.get("source_document_id") else None

    @Slot()
    def review_letter_again(self, reply_id: int | None = None) -> QWidget | None:
        """Open the review screen on a stored reply's letter (the selected one by default), from its stored text:
        the earlier decisions are shown and its undecided suggestions can be decided."""
        from desktop.ui.review import LetterReviewWindow

        reply_id = reply_id if reply_id is not None else self.selected_letter_reply()
        if reply_id is None:
            return None
        for window in self.review_windows:
            stored = getattr(window, "stored", None)
            if stored is not None and stored.reply.id == reply_id:
                window.raise_()
                window.activateWindow()
                return window
        try:
            letter = stored_letter(self.store, reply_id)
        except LedgerError as error:
            self.prompter.show_error(self, user_message(error))
            return None
        return self._show_review(LetterReviewWindow(self.store, pool=self.pool, prompter=self.prompter, stored=letter,
                                                    parent=self))

    def _show_review(self, window: Any) -> QWidget:
        window.saved.connect(lambda reply_id: self._records_changed())
        window.saved_summary.connect(lambda text: self.statusBar().showMessage(text, STATUS_MESSAGE_MS))
        window.other_document_read.connect(self.import_other_document)
        window.closed.connect(lambda: self.review_windows.remove(window) if window in self.review_windows else None)
        self.review_windows.append(window)
        window.show()
        window.start()
        return window

    def reply_context_menu(self) -> QMenu:
        """What can be done with the selected reply (the Replies list's context menu)."""
        menu = QMenu(self)
        menu.setObjectName("replyContextMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.review_again_action)
        menu.addAction(self.timeline_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    @Slot(QPoint)
    def _on_reply_table_custom_context_menu_requested(self, position: QPoint) -> None:
        table = self.pages["replies"].table
        menu = self.reply_context_menu()
        menu.popup(table.viewport().mapToGlobal(position))

    @Slot(object, object)
    def import_other_document(self, document: Document, extraction: LetterExtraction) -> None:
        """A file that is not a reply letter (a news report, a bulletin): keep it and suggest its figures as
        evidence for the open targets they match."""
        try:
            outcome = import_document(self.store, document, extraction)
        except LedgerError as error:
            self.prompter.show_error(self, user_message(error))
            return
        if outcome.status == "duplicate":
            self.prompter.show_info(self, self.tr("{file} was imported before; nothing changed.").format(
                file=document.file_name))
            return
        self._records_changed()
        self.show_page("suggestions")
        self.prompter.show_info(self, self.tr(
            "{file} is not a reply letter; it is kept as a source document. %n figure(s) in it are suggested as "
            "evidence.", "", outcome.suggestions).format(file=document.file_name))

    @Slot()
    def import_ledger_workbook(self) -> QDialog | None:
        """Move in an Excel ledger: pick the workbook, check its columns and rows, then import (see
        :mod:`desktop.ui.ledger_import`)."""
        from desktop.ui.ledger_import import LedgerImportDialog, result_text

        path = self.prompter.open_ledger_workbook(self)
        if path is None:
            return None
        if self.ledger_import_dialog is not None:
            self.ledger_import_dialog.deleteLater()
        dialog = LedgerImportDialog(self.store, path, pool=self.pool, prompter=self.prompter, parent=self)
        self.ledger_import_dialog = dialog

        def imported(result: Any) -> None:
            self.reload_everything()
            text = result_text(result, path)
            self.statusBar().showMessage(text, STATUS_MESSAGE_MS)
            self.prompter.show_info(self, text)

        dialog.imported.connect(imported)
        dialog.open()
        dialog.start()
        return dialog

    @Slot()
    def export_workbook(self) -> ProgressRunner | None:
        """Write the audit workbook of the whole ledger, judged as of the toolbar's date, in the background."""
        as_of = self.as_of()
        path = self.prompter.save_workbook(self, self.tr("ledger_{date}.xlsx").format(date=as_of.isoformat()))
        if path is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")

        def export(progress: Any = None, is_cancelled: Any = None) -> Path:
            conn = connect(self.store.path)
            try:
                result = export_ledger(Store(conn, self.store.path), path, as_of=as_of, progress=progress,
                                       is_cancelled=is_cancelled)
            finally:
                conn.close()
            return result.path

        runner = ProgressRunner(self, self.pool, self.tr("Writing {file}…").format(file=path.name))
        runner.succeeded.connect(lambda written: self.prompter.show_info(
            self, self.tr("The audit workbook was written to {path}.").format(path=written)))
        runner.failed.connect(lambda error: self.prompter.show_error(
            self, user_message(error) if isinstance(error, LedgerError) else self.tr(
                "The workbook could not be written; details are in the log.")))
        runner.start(export)
        return runner

    def _on_restored(self, outcome: object) -> None:
        """The file now holds the backup: forms and undo steps belong to the ledger as it was."""
        for form in self.forms():
            self.close_form(form)
        self.undo_stack.clear()
        self.reload_everything()

    @Slot()
    def open_ledger(self) -> None:
        path = self.prompter.open_database(self)
        if path is not None:
            self.open_ledger_requested.emit(path)

    @Slot()
    def show_about(self) -> None:
        from desktop import __version__

        self.prompter.show_info(self, self.tr("{title} {version}\nProposals, reply letters, their promises and the "
                                              "evidence.\nDatabase: {path}").format(
            title=APP_TITLE, version=__version__, path=self.store.path))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_letters(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        letters = self._dropped_letters(event)
        for path in letters:
            self.open_letter(path)
        if letters:
            event.acceptProposedAction()

    @staticmethod
    def _dropped_letters(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls()
                if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in LETTER_SUFFIXES]

    # ----------------------------------------------------------------- layout and closing
    def _restore_layout(self) -> None:
        geometry = self.settings.value("mainWindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("mainWindow/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("mainWindow/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        page = self.settings.value("mainWindow/page")
        if page in PAGES:
            self.show_page(page)  # type: ignore[arg-type]
        for kind, list_page in self.pages.items():
            header = self.settings.value(f"lists/{kind}/header")
            if header is not None:
                list_page.table.horizontalHeader().restoreState(header)
                list_page._column_widths_set = True

    def save_layout(self) -> None:
        self.settings.setValue("mainWindow/geometry", self.saveGeometry())
        self.settings.setValue("mainWindow/state", self.saveState())
        self.settings.setValue("mainWindow/splitter", self.splitter.saveState())
        self.settings.setValue("mainWindow/page", self.current_page_kind())
        for kind, list_page in self.pages.items():
            self.settings.setValue(f"lists/{kind}/header", list_page.table.horizontalHeader().saveState())
        self.settings.setValue("lastDatabase", str(self.store.path))
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
        self._draft_timer.stop()
        self.save_layout()
        # Background reads and judgements are not needed any more; let them stop before the store closes.
        self.pool.cancel_all()
        self.pool.wait(10_000)
        self.safety.on_close()
        event.accept()
