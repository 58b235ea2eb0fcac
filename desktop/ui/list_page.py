"""A list page: filter bar (search, unit, year, session, state, date range) above a lazy table of records."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db import Store
from db import lists as db_lists
from desktop.core.errors import ValidationError
from desktop.core.validation import parse_optional_date
from desktop.ui import labels
from desktop.ui.list_columns import LISTS
from desktop.ui.messages import user_message
from desktop.ui.models import RecordListModel
from desktop.ui.workers import Pool

logger = logging.getLogger(__name__)

# Typing in the search box waits this long for the next key before querying.
SEARCH_DELAY_MS = 250

TABLE_NAMES = {"proposals": "proposalTable", "replies": "replyTable", "commitments": "commitmentTable",
               "evidence": "evidenceTable", "reminders": "reminderTable"}
STATE_LABELS = {"proposals": labels.PROPOSAL_STATES, "commitments": labels.TARGET_STATES,
                "reminders": labels.REMINDER_STATES}
# Which filters a list offers.
FILTERS = {
    "proposals": ("unit", "year", "session", "state", "dates"),
    "replies": ("unit", "year", "session", "dates"),
    "commitments": ("unit", "year", "session", "state", "dates"),
    "evidence": ("unit", "year", "session", "dates"),
    "reminders": ("year", "state", "dates"),
}


class ListPage(QWidget):
    """One list of records with its filters. Double-click or Enter opens the record (in the commitments list,
    the commitment's own columns open the commitment, the others its target).

    Signals:
        open_requested(str, int): list kind and row key of the record to open.
        count_changed(int): the number of rows shown.
    """

    open_requested = Signal(str, int)
    count_changed = Signal(int)

    def __init__(self, store: Store, kind: str, *, pool: Pool | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._store = store
        self.setObjectName(f"{kind}Page")
        context, columns = LISTS[kind]
        self.model = RecordListModel(store, kind, context, columns, pool=pool, parent=self)

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search (Ctrl+F): words in titles, quotes and texts"))
        self.search_edit.setMinimumWidth(220)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self.apply_filter)

        offered = FILTERS[kind]
        self.unit_combo = self._combo("unitFilter", self.tr("All units"), "unit" in offered)
        self.year_combo = self._combo("yearFilter", self.tr("All years"), "year" in offered)
        self.session_combo = self._combo("sessionFilter", self.tr("All sessions"), "session" in offered)
        self.state_combo = self._combo("stateFilter", self.tr("All states"), "state" in offered)
        for code, source in STATE_LABELS.get(kind, {}).items():
            self.state_combo.addItem(QCoreApplication.translate("Labels", source), code)
        self.date_from_edit = self._date_edit("dateFromEdit", self.tr("from"), "dates" in offered)
        self.date_to_edit = self._date_edit("dateToEdit", self.tr("to"), "dates" in offered)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearFiltersButton")
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("listCountLabel")

        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 3)
        for widget in (self.unit_combo, self.year_combo, self.session_combo, self.state_combo):
            if widget.property("offered"):
                bar.addWidget(widget, 1)
        if "dates" in offered:
            date_label = QLabel(self._date_caption(), self)
            date_label.setObjectName("dateRangeLabel")
            bar.addWidget(date_label)
            bar.addWidget(self.date_from_edit)
            bar.addWidget(QLabel("–", self))
            bar.addWidget(self.date_to_edit)
        bar.addWidget(self.clear_button)

        self.table = QTableView(self)
        self.table.setObjectName(TABLE_NAMES[kind])
        self.table.setModel(self.model)
        column, order = self.model.default_sort_column()
        self.table.horizontalHeader().setSortIndicator(column, order)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights: the view never measures rows it does not show (100 000 rows stay cheap).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(120)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.activated.connect(self._on_table_double_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self.model.loaded.connect(self._on_model_loaded)
        self.model.loading_changed.connect(self._on_model_loading_changed)
        self._column_widths_set = False
        self.reload_choices()
        self.model.reload()

    # ----------------------------------------------------------------- building
    def _combo(self, name: str, everything: str, offered: bool) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setProperty("offered", offered)
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.setVisible(offered)
        combo.currentIndexChanged.connect(self.apply_filter)
        return combo

    def _date_edit(self, name: str, placeholder: str, offered: bool) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaximumWidth(96)
        edit.setVisible(offered)
        edit.editingFinished.connect(self.apply_filter)
        return edit

    def _date_caption(self) -> str:
        captions = {
            "proposals": self.tr("Reply due"),
            "replies": self.tr("Date"),
            "commitments": self.tr("Deadline"),
            "evidence": self.tr("As of"),
            "reminders": self.tr("Due"),
        }
        return captions[self.kind]

    def reload_choices(self) -> None:
        """Refill the unit, year and session menus from the data, keeping what is selected."""
        choices = db_lists.filter_choices(self._store, self.kind)
        self._refill(self.unit_combo, [(unit, unit) for unit in choices.units])
        self._refill(self.year_combo, [(str(year), year) for year in choices.years])
        self._refill(self.session_combo, [(session, session) for session in choices.sessions])

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, data in items:
            combo.addItem(text, data)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    # ----------------------------------------------------------------- filtering
    def _date(self, edit: QLineEdit) -> Any:
        try:
            value = parse_optional_date(edit.text(), edit.objectName())
        except ValidationError as error:
            edit.setToolTip(user_message(error))
            edit.setStyleSheet("border: 1px solid #c0392b;")
            return False
        edit.setToolTip("")
        edit.setStyleSheet("")
        return value

    def current_filter(self) -> db_lists.ListFilter | None:
        """The filter the bar shows; None while a date cannot be read."""
        date_from, date_to = self._date(self.date_from_edit), self._date(self.date_to_edit)
        if date_from is False or date_to is False:
            return None
        return db_lists.ListFilter(
            text=self.search_edit.text().strip(), unit=self.unit_combo.currentData(),
            year=self.year_combo.currentData(), session=self.session_combo.currentData(),
            state=self.state_combo.currentData(), date_from=date_from, date_to=date_to)

    @Slot()
    def apply_filter(self) -> None:
        self._search_timer.stop()
        flt = self.current_filter()
        if flt is not None and flt != self.model.list_filter:
            self.model.set_filter(flt)

    def set_filter(self, **values: Any) -> None:
        """Show the list narrowed to these values (unit=..., year=..., state=...); the others are cleared."""
        self.clear_filters(apply=False)
        for name, value in values.items():
            combo = {"unit": self.unit_combo, "year": self.year_combo, "session": self.session_combo,
                     "state": self.state_combo}[name]
            index = combo.findData(value)
            combo.blockSignals(True)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self.apply_filter()

    @Slot()
    def clear_filters(self, apply: bool = True) -> None:
        for widget in (self.search_edit, self.date_from_edit, self.date_to_edit):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        for combo in (self.unit_combo, self.year_combo, self.session_combo, self.state_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        if apply:
            self.apply_filter()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def set_states(self, states: Mapping[int, str]) -> None:
        self.model.set_states(states)

    # ----------------------------------------------------------------- reacting
    @Slot()
    def refresh(self) -> None:
        """Records changed: read the list again, keeping the filter."""
        self.reload_choices()
        self.model.reload()

    def selected_key(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.key(rows[0].row()) if rows else None

    def select_key(self, key: int) -> bool:
        row = self.model.row_of(key)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    @Slot(int)
    def _on_model_loaded(self, count: int) -> None:
        total = self.tr("%n record(s)", "", count)
        self.count_label.setText(total)
        if not self._column_widths_set and count:
            self._fit_columns()
        self.count_changed.emit(count)

    @Slot(bool)
    def _on_model_loading_changed(self, loading: bool) -> None:
        if loading:
            self.count_label.setText(self.tr("Searching…"))

    def _fit_columns(self) -> None:
        """Size columns once, from the rows on the first screen only (never from all rows)."""
        self._column_widths_set = True
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        rows = min(self.model.rowCount(), 40)
        states = [QCoreApplication.translate("Labels", text) for text in STATE_LABELS.get(self.kind, {}).values()]
        for column in range(self.model.columnCount()):
            texts = [str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")]
            texts += [str(self.model.index(row, column).data() or "") for row in range(rows)]
            if self.model.column_sort(column) == "state":
                texts += states  # states may arrive after the first rows
            width = max(metrics.horizontalAdvance(text) for text in texts) + 24
            header.resizeSection(column, max(60, min(width, 320)))

    @Slot()
    def _on_table_double_clicked(self, index: Any = None) -> None:
        if index is None or not index.isValid():
            return
        key = self.model.key(index.row())
        if key is None:
            return
        if key > 0 and self.model.opens_commitment(index.column()):
            values = self.model.row_values(index.row()) or {}
            if values.get("commitment_id"):
                key = -int(values["commitment_id"])  # the commitment's own key in this list
        self.open_requested.emit(self.kind, key)
