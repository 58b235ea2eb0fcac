"""One proposal's story in date order, with its handling state as of a chosen date.

The list of proposals and the timeline are read on the worker pool with a connection of their own (a ledger of ten
years holds thousands of proposals), while the page shows that it is busy.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from db import Location, Store
from db.audit import proposal_timeline
from db.followup import deadline_rules
from desktop.core.audit import TimelineEvent
from desktop.core.errors import Cancelled, LedgerError
from desktop.core.handling import HandlingJudgement, judge_handling, proposal_label
from desktop.core.records import Proposal
from desktop.ui.audit_view import to_qdate
from desktop.ui.labels import HANDLING_STATES, QT_TRANSLATE_NOOP, TIMELINE_KINDS, label
from desktop.ui.messages import user_message
from desktop.ui.models import Column, RecordTableModel, record_table_view
from desktop.ui.workers import Pool, SyncPool, Worker

logger = logging.getLogger(__name__)

TIMELINE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("TimelineColumns", "Date"), lambda e: e.date),
    Column(QT_TRANSLATE_NOOP("TimelineColumns", "Event"), lambda e: e.kind, lambda kind: label(TIMELINE_KINDS, kind)),
    Column(QT_TRANSLATE_NOOP("TimelineColumns", "What happened"), lambda e: e.text),
)


@dataclass(frozen=True)
class TimelineData:
    """What the page shows: the proposals to choose from, and the chosen one's timeline and state."""

    choices: list[tuple[int, str]]
    proposal_id: int | None
    events: list[TimelineEvent]
    handling: HandlingJudgement | None


def read_timeline(location: Location, proposal_id: int | None, as_of: dt.date) -> TimelineData:
    """The proposals and one proposal's timeline (the first proposal when ``proposal_id`` is None or gone), with a
    connection of its own (runs on a pool thread).

    Raises:
        LedgerError: the proposal was deleted while it was read.
    """
    with Store.attach(location) as store:
        proposals = store.list(Proposal, order_by="session, number, id")
        choices = [(p.id, f"{proposal_label(p)} {p.title}") for p in proposals]
        ids = {choice[0] for choice in choices}
        if proposal_id not in ids:
            proposal_id = choices[0][0] if choices else None
        if proposal_id is None:
            return TimelineData(choices, None, [], None)
        file, events = proposal_timeline(store, proposal_id, as_of)
        return TimelineData(choices, proposal_id, events, judge_handling(file, as_of, deadline_rules(store)))


class TimelineView(QWidget):
    """Assignment, meetings, replies, ratings, promises, evidence and re-answers of one proposal in date order.

    Signals:
        timeline_shown(int): the timeline of this proposal is shown.
    """

    timeline_shown = Signal(int)

    def __init__(self, store: Store, proposal_id: int | None = None, *, pool: Pool | None = None,
                 today: Callable[[], dt.date] = dt.date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self._store = store
        self._pool = pool or SyncPool()
        self._worker: Worker | None = None
        self._proposal_id = proposal_id
        self.model = RecordTableModel("TimelineColumns", TIMELINE_COLUMNS, self)

        self.proposal_combo = QComboBox(self)
        self.proposal_combo.setObjectName("timelineProposalCombo")
        self.as_of_edit = QDateEdit(self)
        self.as_of_edit.setObjectName("timelineAsOfEdit")
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.as_of_edit.setDate(to_qdate(today()))
        self.state_label = QLabel(self)
        self.state_label.setObjectName("timelineStateLabel")
        self.state_label.setWordWrap(True)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("timelineBusyBar")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(200)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()

        self.table = record_table_view(self, "timelineTable", self.model)

        top = QHBoxLayout()
        top.addWidget(self.proposal_combo, 1)
        top.addWidget(QLabel(self.tr("As of"), self))
        top.addWidget(self.as_of_edit)
        top.addWidget(self.busy_bar)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state_label)
        layout.addWidget(self.table, 1)

        self.proposal_combo.currentIndexChanged.connect(self._on_proposal_combo_changed)
        self.as_of_edit.dateChanged.connect(self._on_as_of_edit_changed)
        self.refresh()

    def set_proposal(self, proposal_id: int) -> None:
        """Show this proposal's timeline."""
        if proposal_id != self._proposal_id or self.proposal_combo.currentData() != proposal_id:
            self._proposal_id = proposal_id
            self.refresh()

    def proposal_id(self) -> int | None:
        return self._proposal_id

    def events(self) -> list[TimelineEvent]:
        return [self.model.record(row) for row in range(self.model.rowCount())]

    def is_busy(self) -> bool:
        return self._worker is not None

    @Slot()
    def refresh(self) -> None:
        """Read the proposals and the chosen one's timeline again, in the background."""
        if self._worker is not None:
            self._worker.cancel()
        worker = Worker(read_timeline, self._store.location, self._proposal_id, self.as_of_edit.date().toPython())
        worker.signals.succeeded.connect(self._on_worker_succeeded)
        worker.signals.failed.connect(self._on_worker_failed)
        self._worker = worker
        self.busy_bar.show()
        self.table.setEnabled(False)
        self.state_label.setText(self.tr("Reading the timeline…"))
        self._pool.start(worker)

    def _finish(self) -> bool:
        """True when the signal comes from the latest read (older reads are ignored)."""
        if self._worker is None or self.sender() is not self._worker.signals:
            return False
        self._worker = None
        self.busy_bar.hide()
        self.table.setEnabled(True)
        return True

    @Slot(object)
    def _on_worker_succeeded(self, data: TimelineData) -> None:
        if not self._finish():
            return
        combo = self.proposal_combo
        if [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())] != data.choices:
            combo.blockSignals(True)
            combo.clear()
            for proposal_id, text in data.choices:
                combo.addItem(text, proposal_id)
            combo.blockSignals(False)
        combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData(data.proposal_id))
        combo.blockSignals(False)
        self._proposal_id = data.proposal_id
        self.model.set_records(data.events)
        if data.handling is None:
            self.state_label.setText(self.tr("No proposal recorded yet."))
            return
        handling = data.handling
        self.state_label.setText(self.tr("{state} as of {date}: {reason}").format(
            state=label(HANDLING_STATES, handling.state), date=handling.as_of.isoformat(), reason=handling.reason))
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 600))
        self.timeline_shown.emit(data.proposal_id)

    @Slot(object)
    def _on_worker_failed(self, error: object) -> None:
        if not self._finish():
            return
        if isinstance(error, Cancelled):
            return
        if isinstance(error, LedgerError):
            self.state_label.setText(user_message(error))
            return
        logger.error("the timeline could not be read: %s", error)
        self.state_label.setText(self.tr("The timeline could not be read; details are in the log."))

    @Slot(int)
    def _on_proposal_combo_changed(self, index: int) -> None:
        self._proposal_id = self.proposal_combo.itemData(index)
        self.refresh()

    @Slot()
    def _on_as_of_edit_changed(self, *args: object) -> None:
        self.refresh()
