"""One proposal's story in date order, with its handling state as of a chosen date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db import Store
from db.audit import proposal_timeline
from db.followup import deadline_rules
from desktop.core.audit import TimelineEvent
from desktop.core.handling import judge_handling, proposal_label
from desktop.core.records import Proposal
from desktop.ui.audit_view import to_qdate
from desktop.ui.followup_labels import HANDLING_STATES, QT_TRANSLATE_NOOP, TIMELINE_KINDS, label
from desktop.ui.models import Column, RecordTableModel

TIMELINE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("TimelineColumns", "Date"), lambda e: e.date),
    Column(QT_TRANSLATE_NOOP("TimelineColumns", "Event"), lambda e: e.kind, lambda kind: label(TIMELINE_KINDS, kind)),
    Column(QT_TRANSLATE_NOOP("TimelineColumns", "What happened"), lambda e: e.text),
)


class TimelineView(QWidget):
    """Assignment, meetings, replies, ratings, promises, evidence and re-answers of one proposal in date order."""

    def __init__(self, store: Store, proposal_id: int | None = None, *,
                 today: Callable[[], dt.date] = dt.date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self._store = store
        self.model = RecordTableModel("TimelineColumns", TIMELINE_COLUMNS, self)

        self.proposal_combo = QComboBox(self)
        self.proposal_combo.setObjectName("timelineProposalCombo")
        for proposal in store.list(Proposal, order_by="session, number, id"):
            self.proposal_combo.addItem(f"{proposal_label(proposal)} {proposal.title}", proposal.id)
        self.as_of_edit = QDateEdit(self)
        self.as_of_edit.setObjectName("timelineAsOfEdit")
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.as_of_edit.setDate(to_qdate(today()))
        self.state_label = QLabel(self)
        self.state_label.setObjectName("timelineStateLabel")
        self.state_label.setWordWrap(True)

        self.table = QTableView(self)
        self.table.setObjectName("timelineTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)

        top = QHBoxLayout()
        top.addWidget(self.proposal_combo, 1)
        top.addWidget(QLabel(self.tr("As of"), self))
        top.addWidget(self.as_of_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state_label)
        layout.addWidget(self.table, 1)

        if proposal_id is not None:
            self.set_proposal(proposal_id)
        self.proposal_combo.currentIndexChanged.connect(self._on_proposal_combo_changed)
        self.as_of_edit.dateChanged.connect(self._on_as_of_edit_changed)
        self.refresh()

    def set_proposal(self, proposal_id: int) -> None:
        index = self.proposal_combo.findData(proposal_id)
        if index >= 0:
            self.proposal_combo.setCurrentIndex(index)

    def proposal_id(self) -> int | None:
        return self.proposal_combo.currentData()

    def events(self) -> list[TimelineEvent]:
        return [self.model.record(row) for row in range(self.model.rowCount())]

    @Slot()
    def refresh(self) -> None:
        proposal_id = self.proposal_id()
        if proposal_id is None:
            self.model.set_records([])
            self.state_label.setText(self.tr("No proposal recorded yet."))
            return
        as_of = self.as_of_edit.date().toPython()
        file, events = proposal_timeline(self._store, proposal_id, as_of)
        self.model.set_records(events)
        handling = judge_handling(file, as_of, deadline_rules(self._store))
        self.state_label.setText(self.tr("{state} as of {date}: {reason}").format(
            state=label(HANDLING_STATES, handling.state), date=as_of.isoformat(), reason=handling.reason))
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 600))

    @Slot(int)
    def _on_proposal_combo_changed(self, index: int) -> None:
        self.refresh()

    @Slot()
    def _on_as_of_edit_changed(self, *args: object) -> None:
        self.refresh()
