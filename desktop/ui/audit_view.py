"""回头看 in the app: the contradictions of the ledger as of a date, one a row.

Looking back reads and judges the whole ledger (seconds at 100 000 targets), so it runs on the worker pool with a
connection of its own while the page shows that it is busy.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db import Location, Store
from db.audit import audit_ledger
from desktop.core.audit import Finding
from desktop.core.errors import Cancelled
from desktop.ui.labels import AUDIT_KINDS, QT_TRANSLATE_NOOP, label
from desktop.ui.models import Column, RecordTableModel, record_table_view
from desktop.ui.workers import Pool, SyncPool, Worker

logger = logging.getLogger(__name__)

FINDING_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("FindingColumns", "Date"), lambda f: f.date),
    Column(QT_TRANSLATE_NOOP("FindingColumns", "Finding"), lambda f: f.kind, lambda kind: label(AUDIT_KINDS, kind)),
    Column(QT_TRANSLATE_NOOP("FindingColumns", "Proposal"), lambda f: f.proposal_label),
    Column(QT_TRANSLATE_NOOP("FindingColumns", "Details"), lambda f: f.message),
)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def read_findings(location: Location, as_of: dt.date, *, progress: Any = None,
                  is_cancelled: Any = None) -> list[Finding]:
    """回头看 as of a date, with a connection of its own (runs on a pool thread)."""
    with Store.attach(location) as store:
        return audit_ledger(store, as_of, progress=progress, is_cancelled=is_cancelled)


class AuditView(QWidget):
    """The 回头看 list: what an auditor would question, judged as of a chosen date.

    Signals:
        proposal_activated(int): a finding about this proposal was double-clicked (open its timeline).
        findings_shown(int): the findings of a check are shown; how many.
    """

    proposal_activated = Signal(int)
    findings_shown = Signal(int)

    def __init__(self, store: Store, *, pool: Pool | None = None, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self._store = store
        self._pool = pool or SyncPool()
        self._worker: Worker | None = None
        self.model = RecordTableModel("FindingColumns", FINDING_COLUMNS, self)

        self.as_of_edit = QDateEdit(self)
        self.as_of_edit.setObjectName("auditAsOfEdit")
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.as_of_edit.setDate(to_qdate(today()))
        self.refresh_button = QPushButton(self.tr("&Check"), self)
        self.refresh_button.setObjectName("auditRefreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("auditSummaryLabel")
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("auditBusyBar")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(200)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        explanation = QLabel(self.tr(
            "Replies classed as solved whose promises were missed, replies classed otherwise whose promises were "
            "all met but never answered again, 不满意 ratings not answered again in time, promises with no "
            "target and no evidence, and figures that contradict each other: two figures for one indicator on one "
            "date, a baseline stated differently in two letters, cumulative evidence that goes backwards, a target "
            "met before it was promised."), self)
        explanation.setObjectName("auditExplanationLabel")
        explanation.setWordWrap(True)

        self.table = record_table_view(self, "findingTable", self.model)
        self.table.doubleClicked.connect(self._on_table_double_clicked)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("As of"), self))
        top.addWidget(self.as_of_edit)
        top.addWidget(self.refresh_button)
        top.addWidget(self.busy_bar)
        top.addWidget(self.summary_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        self.refresh()

    def as_of(self) -> dt.date:
        return self.as_of_edit.date().toPython()

    def is_busy(self) -> bool:
        return self._worker is not None

    @Slot()
    def refresh(self) -> None:
        """Look back again as of the chosen date, in the background; the page shows that it is busy."""
        if self._worker is not None:
            self._worker.cancel()  # an older check is not wanted any more
        worker = Worker(read_findings, self._store.location, self.as_of(), reports_progress=True)
        worker.signals.progress.connect(self._on_worker_progress)
        worker.signals.succeeded.connect(self._on_worker_succeeded)
        worker.signals.failed.connect(self._on_worker_failed)
        self._worker = worker
        self._set_busy(True)
        self.summary_label.setText(self.tr("Looking back as of {date}…").format(date=self.as_of().isoformat()))
        self._pool.start(worker)

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setVisible(busy)
        self.table.setEnabled(not busy)

    def _current(self) -> bool:
        return self._worker is not None and self.sender() is self._worker.signals

    @Slot(int, int)
    def _on_worker_progress(self, done: int, total: int) -> None:
        if self._current() and total > 0:
            self.busy_bar.setRange(0, total)
            self.busy_bar.setValue(min(done, total))

    @Slot(object)
    def _on_worker_succeeded(self, findings: list[Finding]) -> None:
        if not self._current():
            return
        self._worker = None
        self._set_busy(False)
        self.model.set_records(findings)
        self.summary_label.setText(self.tr("%n finding(s)", None, len(findings)))
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 420))
        self.findings_shown.emit(len(findings))

    @Slot(object)
    def _on_worker_failed(self, error: object) -> None:
        if not self._current():
            return
        self._worker = None
        self._set_busy(False)
        if isinstance(error, Cancelled):
            self.summary_label.setText(self.tr("Stopped; press Check to look back again."))
            return
        logger.error("looking back failed: %s", error)
        self.summary_label.setText(self.tr("Looking back failed; details are in the log."))

    def findings(self) -> list[Finding]:
        return [self.model.record(row) for row in range(self.model.rowCount())]

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        finding = self.model.record(index.row())
        if finding.proposal_id is not None:
            self.proposal_activated.emit(finding.proposal_id)
