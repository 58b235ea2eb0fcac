"""Reviewing evidence suggestions: the figure, the target it was matched to, why, and accept or reject."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db import Location, Store
from db.evidence_suggestions import (
    SuggestionList,
    accept_evidence_suggestion,
    read_evidence_suggestions,
    reject_evidence_suggestion,
)
from desktop.core.errors import LedgerError
from desktop.core.records import Suggestion, Target
from desktop.core.status import format_amount
from desktop.ui.labels import QT_TRANSLATE_NOOP, SUGGESTION_STATES, label
from desktop.ui.messages import user_message
from desktop.ui.models import Column, RecordTableModel, record_table_view
from desktop.ui.workers import Pool, Worker

logger = logging.getLogger(__name__)
# Columns fit the rows on the first screens, not thousands of suggestions.
FIT_ROWS = 60


def _read_suggestions(path: Location, state: str | None) -> SuggestionList:
    """The suggestions and their targets, on a pool thread with a connection of its own."""
    with Store.attach(path) as store:
        return read_evidence_suggestions(store, state)


def _figure(suggestion: Suggestion) -> str:
    payload = suggestion.payload
    return f"{payload.get('indicator', '')} {format_amount(payload.get('value'), payload.get('unit'))}"


def _source(suggestion: Suggestion) -> str:
    payload = suggestion.payload
    return " ".join(part for part in (payload.get("publisher"), payload.get("source_title")) if part)


class EvidenceSuggestionsPanel(QWidget):
    """Evidence suggested from imported documents; the clerk accepts (records it as evidence) or rejects each.

    With a ``pool``, the suggestions are read on a pool thread; without one, at once.

    Signals:
        suggestion_decided(int, str): a suggestion was accepted or rejected (its id and new state).
    """

    suggestion_decided = Signal(int, str)

    def __init__(self, store: Store, *, pool: Pool | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceSuggestionsPanel")
        self._store = store
        self._pool = pool
        self._generation = 0
        self._targets: dict[int, Target] = {}
        columns = (
            Column(QT_TRANSLATE_NOOP("EvidenceSuggestionColumns", "Score"), lambda s: s.score,
                   lambda score: f"{score or 0:.2f}"),
            Column(QT_TRANSLATE_NOOP("EvidenceSuggestionColumns", "Target"), self._target_text),
            Column(QT_TRANSLATE_NOOP("EvidenceSuggestionColumns", "Figure"), _figure),
            Column(QT_TRANSLATE_NOOP("EvidenceSuggestionColumns", "As of"), lambda s: s.payload.get("as_of")),
            Column(QT_TRANSLATE_NOOP("EvidenceSuggestionColumns", "Quote"), lambda s: s.payload.get("quote")),
            Column(QT_TRANSLATE_NOOP("EvidenceSuggestionColumns", "Source"), _source),
            Column(QT_TRANSLATE_NOOP("EvidenceSuggestionColumns", "State"), lambda s: s.state,
                   lambda state: label(SUGGESTION_STATES, state)),
        )
        self.model = RecordTableModel("EvidenceSuggestionColumns", columns, self)

        self.show_all_check = QCheckBox(self.tr("Show accepted and rejected suggestions too"), self)
        self.show_all_check.setObjectName("showAllSuggestionsCheck")
        self.show_all_check.toggled.connect(self._on_show_all_check_toggled)
        self.table = record_table_view(self, "evidenceSuggestionTable", self.model)
        self.table.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("suggestionDetailLabel")
        self.detail_label.setWordWrap(True)
        self.accept_button = QPushButton(self.tr("&Accept as evidence"), self)
        self.accept_button.setObjectName("acceptSuggestionButton")
        self.accept_button.clicked.connect(self._on_accept_button_clicked)
        self.reject_button = QPushButton(self.tr("&Reject"), self)
        self.reject_button.setObjectName("rejectSuggestionButton")
        self.reject_button.clicked.connect(self._on_reject_button_clicked)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("suggestionMessageLabel")
        self.message_label.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.show_all_check)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail_label)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        self.refresh()

    def _target_text(self, suggestion: Suggestion) -> str:
        target = self._targets.get(suggestion.target_id or 0)
        if target is None:
            return QCoreApplication.translate("EvidenceSuggestionsPanel", "(target deleted)")
        goal = format_amount(target.value, target.unit)
        deadline = target.deadline.isoformat() if target.deadline else ""
        return f"{target.indicator} {target.comparator} {goal} {deadline}".strip()

    @Slot()
    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        state = None if self.show_all_check.isChecked() else "pending"
        if self._pool is None:
            self._show(generation, read_evidence_suggestions(self._store, state))
            return
        worker = Worker(_read_suggestions, self._store.location, state)
        worker.signals.succeeded.connect(lambda found: self._show(generation, found))
        worker.signals.failed.connect(lambda error: logger.error("cannot read the evidence suggestions: %s", error))
        self._pool.start(worker)

    def _show(self, generation: int, found: SuggestionList) -> None:
        if generation != self._generation:
            return
        self._targets = found.targets
        self.model.set_records(found.suggestions)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        self._on_table_selection_changed()

    def selected(self) -> list[Suggestion]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.record(row) for row in rows]

    @Slot()
    def _on_table_selection_changed(self, *args: object) -> None:
        chosen = self.selected()
        pending = bool(chosen) and all(s.state == "pending" for s in chosen)
        self.accept_button.setEnabled(pending)
        self.reject_button.setEnabled(pending)
        if len(chosen) == 1:
            payload = chosen[0].payload
            reasons = "；".join(payload.get("reasons") or [])
            self.detail_label.setText(self.tr("“{sentence}” — {reasons}").format(
                sentence=payload.get("sentence") or payload.get("quote", ""), reasons=reasons))
        else:
            self.detail_label.clear()

    @Slot(bool)
    def _on_show_all_check_toggled(self, checked: bool) -> None:
        self.refresh()

    @Slot()
    def _on_accept_button_clicked(self) -> None:
        self._decide(lambda s: accept_evidence_suggestion(self._store, s.id), "accepted")

    @Slot()
    def _on_reject_button_clicked(self) -> None:
        self._decide(lambda s: reject_evidence_suggestion(self._store, s.id), "rejected")

    def _decide(self, action, state: str) -> None:
        decided: list[int] = []
        self.message_label.clear()
        for suggestion in self.selected():
            try:
                action(suggestion)
            except LedgerError as error:
                self.message_label.setText(user_message(error))
                break
            decided.append(suggestion.id)
        self.refresh()
        for suggestion_id in decided:
            self.suggestion_decided.emit(suggestion_id, state)
