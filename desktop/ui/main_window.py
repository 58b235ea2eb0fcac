"""The main window: proposals, replies and commitments of the open database."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableView, QTabWidget

from db import Store
from desktop.core.records import Commitment, Proposal, Reply
from desktop.ui.models import Column, RecordTableModel


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


def _lead_proposer(proposal: Proposal) -> str:
    return proposal.proposers[0].name if proposal.proposers else ""


PROPOSAL_STATE_LABELS = {
    "open": QT_TRANSLATE_NOOP("ProposalStates", "Being handled"),
    "replied": QT_TRANSLATE_NOOP("ProposalStates", "Replied"),
    "closed": QT_TRANSLATE_NOOP("ProposalStates", "Closed"),
    "withdrawn": QT_TRANSLATE_NOOP("ProposalStates", "Withdrawn"),
}

PROPOSAL_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "Session"), lambda p: p.session),
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "Number"), lambda p: p.number),
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "Title"), lambda p: p.title),
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "Lead proposer"), _lead_proposer),
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "Lead unit"), lambda p: p.lead_unit),
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "Assigned"), lambda p: p.assigned_date),
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "Reply due"), lambda p: p.reply_due_date),
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "State"), lambda p: p.state,
           lambda state: QCoreApplication.translate("ProposalStates", PROPOSAL_STATE_LABELS.get(state, state))),
)

REPLY_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ReplyColumns", "Document number"), lambda r: r.doc_number),
    Column(QT_TRANSLATE_NOOP("ReplyColumns", "Title"), lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("ReplyColumns", "Addressee"), lambda r: r.addressee),
    Column(QT_TRANSLATE_NOOP("ReplyColumns", "Date"), lambda r: r.reply_date),
    Column(QT_TRANSLATE_NOOP("ReplyColumns", "Issuing office"), lambda r: r.issuing_office),
    Column(QT_TRANSLATE_NOOP("ReplyColumns", "Signer"), lambda r: r.signer),
    Column(QT_TRANSLATE_NOOP("ReplyColumns", "Result class"), lambda r: r.result_class),
)

COMMITMENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("CommitmentColumns", "Commitment"), lambda c: c.title),
    Column(QT_TRANSLATE_NOOP("CommitmentColumns", "Responsible unit"), lambda c: c.responsible_unit),
    Column(QT_TRANSLATE_NOOP("CommitmentColumns", "Deadline"), lambda c: c.deadline),
    Column(QT_TRANSLATE_NOOP("CommitmentColumns", "Time expression"), lambda c: c.deadline_text),
    Column(QT_TRANSLATE_NOOP("CommitmentColumns", "Quote"), lambda c: c.quote),
)


class MainWindow(QMainWindow):
    """Lists of the open database's proposals, replies and commitments."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Reply Ledger — {path}").format(path=store.path))
        self.resize(1200, 720)

        self.proposal_model = RecordTableModel("ProposalColumns", PROPOSAL_COLUMNS, self)
        self.reply_model = RecordTableModel("ReplyColumns", REPLY_COLUMNS, self)
        self.commitment_model = RecordTableModel("CommitmentColumns", COMMITMENT_COLUMNS, self)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("recordTabs")
        self.tabs.addTab(self._table("proposalTable", self.proposal_model), self.tr("Proposals"))
        self.tabs.addTab(self._table("replyTable", self.reply_model), self.tr("Replies"))
        self.tabs.addTab(self._table("commitmentTable", self.commitment_model), self.tr("Commitments"))
        self.setCentralWidget(self.tabs)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.statusBar().addWidget(self.count_label, 1)
        path_label = QLabel(str(store.path), self)
        path_label.setObjectName("pathLabel")
        self.statusBar().addPermanentWidget(path_label)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        reload_action = QAction(self.tr("&Reload"), self)
        reload_action.setObjectName("reloadAction")
        reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        reload_action.triggered.connect(self.reload)
        file_menu.addAction(reload_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setObjectName("quitAction")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        self.reload()

    def _table(self, name: str, model: RecordTableModel) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    @Slot()
    def reload(self) -> None:
        self.proposal_model.set_records(self._store.list(Proposal, order_by="assigned_date DESC, id"))
        self.reply_model.set_records(self._store.list(Reply, order_by="reply_date DESC, id"))
        self.commitment_model.set_records(self._store.list(Commitment, order_by="deadline, id"))
        for index in range(self.tabs.count()):
            view = self.tabs.widget(index)
            if isinstance(view, QTableView):
                view.resizeColumnsToContents()
                for column in range(view.model().columnCount()):
                    view.setColumnWidth(column, min(view.columnWidth(column), 360))
        self.count_label.setText(self.counts_text())

    def counts_text(self) -> str:
        return self.tr("{proposals} proposals, {replies} replies, {commitments} commitments").format(
            proposals=self.proposal_model.rowCount(), replies=self.reply_model.rowCount(),
            commitments=self.commitment_model.rowCount())
