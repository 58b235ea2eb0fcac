"""A list page: filter bar (search, unit, year, session, state, date range) above a lazy table of records."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
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
from desktop.core.grid import to_tsv
from desktop.core.validation import parse_optional_date
from desktop.ui import labels
from desktop.ui.grid_editing import GridDelegate
from desktop.ui.list_columns import LISTS
from desktop.ui.messages import user_message
from desktop.ui.models import RecordListModel
from desktop.ui.workers import Pool, Worker

logger = logging.getLogger(__name__)

# Typing in the search box waits this long for the next key before querying.
SEARCH_DELAY_MS = 250
# Fitting columns to their content: widths in average character widths (CJK characters count as two).
WIDE_COLUMNS = {"title", "indicator", "source_title", "commitment"}
MAX_WIDE_CHARS, MAX_CHARS = 30, 14
MIN_WIDTH = 56

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


def _read_choices(path: Any, kind: str) -> db_lists.FilterChoices:
    """The filter menus' values, on a pool thread with a connection of its own."""
    with Store.attach(path) as store:
        return db_lists.filter_choices(store, kind)


class ListPage(QWidget):
    """One list of records with its filters, worked like a spreadsheet. Double-click or Enter opens the record
    (in the commitments list, the commitment's own columns open the commitment, the others its target); F2 or
    typing edits the cell in place; several rows can be selected, copied (Ctrl+C, tab-separated with headers),
    and rows copied from Excel pasted (Ctrl+V).

    Signals:
        open_requested(str, int): list kind and row key of the record to open.
        count_changed(int): the number of rows shown.
        paste_requested(str, str): list kind and the text on the clipboard.
        context_menu_requested(str, QPoint): list kind and the global position of a right click.
        selection_changed(): other rows were selected.
    """

    open_requested = Signal(str, int)
    count_changed = Signal(int)
    paste_requested = Signal(str, str)
    context_menu_requested = Signal(str, QPoint)
    selection_changed = Signal()

    def __init__(self, store: Store, kind: str, *, pool: Pool | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._store = store
        self._pool = pool
        self._choices_generation = 0
        self.setObjectName(f"{kind}Page")
        context, columns = LISTS[kind]
        self.model = RecordListModel(store, kind, context, columns, pool=pool, parent=self)

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search (Ctrl+F): words in titles, quotes and texts"))
        self.search_edit.setMinimumWidth(120)  # the bar fits beside a form on a 1280×720 screen
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
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setItemDelegate(GridDelegate(store, self.table))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_custom_context_menu_requested)
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
        header.setMinimumSectionSize(48)
        header.sectionResized.connect(self._on_header_section_resized)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.activated.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(lambda *args: self.selection_changed.emit())

        self.copy_action = QAction(self.tr("Copy rows"), self.table)
        self.copy_action.setObjectName("copyRowsAction")
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_selection)
        self.paste_action = QAction(self.tr("Paste rows from Excel…"), self.table)
        self.paste_action.setObjectName("pasteRowsAction")
        self.paste_action.setShortcut(QKeySequence.StandardKey.Paste)
        self.paste_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.paste_action.triggered.connect(self.paste_clipboard)
        self.table.addActions([self.copy_action, self.paste_action])

        # What to do when the list is empty, over the empty table.
        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setObjectName("emptyListLabel")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(mid); padding: 24px;")
        self.table.viewport().installEventFilter(self)
        self._header_pressed = False  # a mouse button is down on the header: resizes now are the user's
        self.table.horizontalHeader().viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self.model.loaded.connect(self._on_model_loaded)
        self.model.loading_changed.connect(self._on_model_loading_changed)
        self._column_widths_set = False
        self._fitting = False
        self.user_sized = False  # the user resized a column: the widths are kept (and remembered)
        self.reload_choices()
        self.model.reload()
        if not self._column_widths_set:
            self._fit_columns()

    # ----------------------------------------------------------------- building
    def _combo(self, name: str, everything: str, offered: bool) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setProperty("offered", offered)
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(3)
        combo.setMinimumWidth(60)
        combo.setVisible(offered)
        combo.currentIndexChanged.connect(self.apply_filter)
        return combo

    def _date_edit(self, name: str, placeholder: str, offered: bool) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaximumWidth(96)
        edit.setMinimumWidth(56)
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
        """Refill the unit, year and session menus from the data, keeping what is selected (read on a pool
        thread when the page has a pool: the values of 100 000 rows)."""
        self._choices_generation += 1
        generation = self._choices_generation
        if self._pool is None:
            self._show_choices(generation, db_lists.filter_choices(self._store, self.kind))
            return
        worker = Worker(_read_choices, self._store.location, self.kind)
        worker.signals.succeeded.connect(lambda choices: self._show_choices(generation, choices))
        worker.signals.failed.connect(lambda error: logger.error("cannot read the %s filters: %s", self.kind, error))
        self._pool.start(worker)

    def _show_choices(self, generation: int, choices: db_lists.FilterChoices) -> None:
        if generation != self._choices_generation:
            return
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
        rows = self.selected_rows()
        return self.model.key(rows[0]) if rows else None

    def selected_rows(self) -> list[int]:
        """The selected rows, top to bottom."""
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def selected_records(self) -> list[tuple[str, int]]:
        """(record kind, id) of the selected rows (targets, or commitments without targets, in the commitments
        list), without repeats."""
        found = (self.model.row_record(row) for row in self.selected_rows())
        return list(dict.fromkeys(record for record in found if record is not None))

    def select_rows(self, rows: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        for row in rows:
            selection.select(self.model.index(row, 0), selection.SelectionFlag.Select
                             | selection.SelectionFlag.Rows)

    # ----------------------------------------------------------------- copy and paste
    def selection_tsv(self) -> str:
        """The selected rows (every row when none is selected is not copied: nothing) as tab-separated text with
        the column headers, as Excel and WPS paste it."""
        rows = self.selected_rows()
        headers = [str(self.model.headerData(c, Qt.Orientation.Horizontal) or "")
                   for c in range(self.model.columnCount())]
        cells = [[str(self.model.index(row, c).data() or "") for c in range(self.model.columnCount())]
                 for row in rows]
        return to_tsv(headers, cells) if rows else ""

    @Slot()
    def copy_selection(self) -> str:
        text = self.selection_tsv()
        if text:
            QApplication.clipboard().setText(text)
        return text

    @Slot()
    def paste_clipboard(self) -> None:
        text = QApplication.clipboard().text()
        if text.strip():
            self.paste_requested.emit(self.kind, text)

    def own_headers(self) -> dict[str, str]:
        """This list's column names (as shown) → the field a pasted column of that name fills."""
        found: dict[str, str] = {}
        for column in range(self.model.columnCount()):
            name = self.model.column_paste(column)
            if name is not None:
                found[str(self.model.headerData(column, Qt.Orientation.Horizontal))] = name
        return found

    @Slot(QPoint)
    def _on_table_custom_context_menu_requested(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid() and index.row() not in self.selected_rows():
            self.table.selectRow(index.row())
        self.context_menu_requested.emit(self.kind, self.table.viewport().mapToGlobal(position))

    # ----------------------------------------------------------------- the empty list
    def empty_text(self) -> str:
        """What the list says when it has no rows: why, and what to do."""
        flt = self.model.list_filter
        if flt != db_lists.ListFilter():
            return self.tr("No records match the search and filters. Clear filters shows them all.")
        texts = {
            "proposals": self.tr("No proposals yet. Ctrl+N adds one, Ctrl+I imports a reply letter, Ctrl+V pastes "
                                 "rows copied from an Excel ledger, Ctrl+Shift+I imports a whole ledger."),
            "replies": self.tr("No replies yet. Select a proposal and press Ctrl+N to answer it, or import a reply "
                               "letter with Ctrl+I."),
            "commitments": self.tr("No commitments yet. Import a reply letter (Ctrl+I) to find its promises, or "
                                   "select a reply and press Ctrl+N."),
            "evidence": self.tr("No evidence yet. Select a target in Commitments & targets and press Ctrl+N, or "
                                "import a news report (Ctrl+I)."),
            "reminders": self.tr("No reminders. They are made from reply deadlines, promise deadlines and targets "
                                 "without recent evidence."),
        }
        return texts[self.kind]

    def _update_empty_label(self) -> None:
        empty = self.model.rowCount() == 0 and not self.model.loading
        if empty:
            self.empty_label.setText(self.empty_text())
            self.empty_label.setGeometry(self.table.viewport().rect())
        self.empty_label.setVisible(empty)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_label.setGeometry(self.table.viewport().rect())
        elif watched is self.table.horizontalHeader().viewport():
            if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
                self._header_pressed = True
            elif event.type() == QEvent.Type.MouseButtonRelease:
                self._header_pressed = False
        return super().eventFilter(watched, event)

    def select_key(self, key: int) -> bool:
        """Select the row of a key, its current cell in the record's own first column (a target's indicator in
        the commitments list, so that Ctrl+N there makes its evidence)."""
        row = self.model.row_of(key)
        if row is None:
            return False
        column = 1 if self.kind == "commitments" and key > 0 else 0
        selection = self.table.selectionModel()
        selection.setCurrentIndex(self.model.index(row, column), selection.SelectionFlag.ClearAndSelect
                                  | selection.SelectionFlag.Rows)
        self.table.scrollTo(self.model.index(row, column))
        return True

    def select_key_when_loaded(self, key: int) -> None:
        """Select a row once the list has been read again (a record just saved)."""
        self._pending_key = key

    _pending_key: int | None = None

    @Slot(int)
    def _on_model_loaded(self, count: int) -> None:
        total = self.tr("%n record(s)", "", count)
        self.count_label.setText(total)
        if self._pending_key is not None:
            key, self._pending_key = self._pending_key, None
            self.select_key(key)
        if not self.user_sized and (not self._column_widths_set or (count and not self._fitted_rows)):
            self._fit_columns()
        self._update_empty_label()
        self.count_changed.emit(count)

    @Slot(bool)
    def _on_model_loading_changed(self, loading: bool) -> None:
        if loading:
            self.count_label.setText(self.tr("Searching…"))
        self._update_empty_label()

    _fitted_rows = False

    def _fit_columns(self) -> None:
        """Size columns to their header and the rows on the first screen (never all rows): long texts such as
        titles get more room, codes and dates less; an empty list sizes them by their headers."""
        self._column_widths_set = True
        self._fitted_rows = self.model.rowCount() > 0
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        header_metrics = header.fontMetrics()
        average = max(metrics.averageCharWidth(), 1)
        rows = min(self.model.rowCount(), 40)
        states = [QCoreApplication.translate("Labels", text) for text in STATE_LABELS.get(self.kind, {}).values()]
        self._fitting = True
        try:
            for column in range(self.model.columnCount()):
                title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
                texts = [self.model.display_text(row, column) for row in range(rows)]
                if self.model.column_sort(column) == "state":
                    texts += states  # states may arrive after the first rows
                content = max((metrics.horizontalAdvance(text) for text in texts), default=0) + 16
                # Room for the header's text and its sort arrow.
                wanted = max(content, header_metrics.horizontalAdvance(title) + 32)
                edit = self.model.column_edit(column)
                wide = (edit is not None and edit[1] in WIDE_COLUMNS) or self.model.column_sort(column) in \
                    WIDE_COLUMNS
                limit = (MAX_WIDE_CHARS if wide else MAX_CHARS) * average * 2
                header.resizeSection(column, int(max(MIN_WIDTH, min(wanted, limit))))
        finally:
            self._fitting = False

    @Slot(int, int, int)
    def _on_header_section_resized(self, column: int, old: int, new: int) -> None:
        # Only a drag or double-click on the header is the user's choice; the last column stretching when the
        # window is laid out or resized is not, and must not stop the columns fitting rows that arrive later.
        if not self._fitting and self.isVisible() and self._header_pressed:
            self.user_sized = True

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


class ListPages:
    """The window's list pages by kind, each built the first time it is asked for: the window paints without
    the hidden ones (their widgets, their first reads and the fitting of their columns).

    ``pages[kind]`` is the page, built now if it was not; ``get``, ``in``, iteration, ``values`` and ``items``
    see only the pages built so far (a page not built has nothing selected and nothing to refresh).
    """

    def __init__(self, build: Callable[[str], ListPage]) -> None:
        self._build = build
        self._built: dict[str, ListPage] = {}

    def __getitem__(self, kind: str) -> ListPage:
        return self.page(kind)

    def page(self, kind: str) -> ListPage:
        """The page of a kind, built now if it was not."""
        page = self._built.get(kind)
        if page is None:
            page = self._built[kind] = self._build(kind)
        return page

    def get(self, kind: str, default: ListPage | None = None) -> ListPage | None:
        return self._built.get(kind, default)

    def __contains__(self, kind: object) -> bool:
        return kind in self._built

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._built))

    def __len__(self) -> int:
        return len(self._built)

    def values(self) -> list[ListPage]:
        return list(self._built.values())

    def items(self) -> list[tuple[str, ListPage]]:
        return list(self._built.items())
