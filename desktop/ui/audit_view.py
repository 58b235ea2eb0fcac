"""回头看 in the app: the contradictions of the ledger as of a date, one a row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db import Store
from db.audit import audit_ledger
from desktop.core.audit import Finding
from desktop.ui.followup_labels import AUDIT_KINDS, QT_TRANSLATE_NOOP, label
from desktop.ui.models import Column, RecordTableModel

FINDING_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("FindingColumns", "Date"), lambda f: f.date),
    Column(QT_TRANSLATE_NOOP("FindingColumns", "Finding"), lambda f: f.kind, lambda kind: label(AUDIT_KINDS, kind)),
    Column(QT_TRANSLATE_NOOP("FindingColumns", "Proposal"), lambda f: f.proposal_label),
    Column(QT_TRANSLATE_NOOP("FindingColumns", "Details"), lambda f: f.message),
)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AuditView(QWidget):
    """The 回头看 list: what an auditor would question, judged as of a chosen date.

    Signals:
        proposal_activated(int): a finding about this proposal was double-clicked (open its timeline).
    """

    proposal_activated = Signal(int)

    def __init__(self, store: Store, *, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self._store = store
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
        explanation = QLabel(self.tr(
            "Replies classed as solved whose promises were missed, replies classed otherwise whose promises were "
            "all met but never answered again, 不满意 ratings not answered again in time, and promises with no "
            "target and no evidence."), self)
        explanation.setObjectName("auditExplanationLabel")
        explanation.setWordWrap(True)

        self.table = QTableView(self)
        self.table.setObjectName("findingTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._on_table_double_clicked)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("As of"), self))
        top.addWidget(self.as_of_edit)
        top.addWidget(self.refresh_button)
        top.addWidget(self.summary_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        self.refresh()

    def as_of(self) -> dt.date:
        return self.as_of_edit.date().toPython()

    @Slot()
    def refresh(self) -> None:
        findings = audit_ledger(self._store, self.as_of())
        self.model.set_records(findings)
        self.summary_label.setText(self.tr("%n finding(s)", None, len(findings)))
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 420))

    def findings(self) -> list[Finding]:
        return [self.model.record(row) for row in range(self.model.rowCount())]

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        finding = self.model.record(index.row())
        if finding.proposal_id is not None:
            self.proposal_activated.emit(finding.proposal_id)
