"""Table models: a lazy one over the store's lists (100 000 rows and more) and a small in-memory one.

:class:`RecordListModel` holds only the ordered row keys of a list; filtering and sorting happen in SQL
(``db.lists``), off the GUI thread when a pool is given, and rows are read in pages of :data:`PAGE_SIZE` as the
view asks for them, with a small cache. Columns are declared once per list in :mod:`desktop.ui.list_columns`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from db import Location, Store
from db import lists as db_lists
from desktop.ui.workers import Pool, Worker, mark_gui_busy

logger = logging.getLogger(__name__)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
KEY_ROLE = Qt.ItemDataRole.UserRole + 3

PAGE_SIZE = 100
CACHED_PAGES = 30

Index = QModelIndex | QPersistentModelIndex
TARGET_OR_COMMITMENT = "target|commitment"
# The record of a list's row: (record kind, id) from the row's values.
_ROW_RECORDS = {"proposals": "proposal", "replies": "reply", "evidence": "evidence", "reminders": "reminder"}
CellSaver = Callable[[str, int, str, Any], bool]


@dataclass(frozen=True)
class Column:
    """A column: header (source text, translated in the model's context), the value it shows, how it sorts.

    ``value`` reads the column's value from a row (a dict from ``db.lists`` or a record); ``display`` turns it
    into text (default: :func:`display_value`); ``sort`` names the sort of ``db.lists`` (None: not sortable).
    """

    header: str
    value: Callable[[Any], Any]
    display: Callable[[Any], str] | None = None
    sort: str | None = None
    align_right: bool = False
    coloured_by_state: bool = False
    opens_commitment: bool = False  # double-clicking it opens the row's commitment rather than its target
    # (record kind, field) the cell edits in place; the kind TARGET_OR_COMMITMENT edits a target's own field on a
    # target's row and the commitment's on the row of a commitment without targets.
    edit: tuple[str, str] | None = None
    tooltip: Callable[[Any], str | None] | None = None
    paste: str | None = None  # the field a pasted column of this name fills, where the cell is not edited in place


def display_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer():
            return f"{int(value):,}"
        return f"{value:,.4f}".rstrip("0").rstrip(".")  # a measured figure: four decimals are plenty
    return str(value)


def _text(column: Column, row: Any) -> str:
    value = column.value(row)
    return column.display(value) if column.display else display_value(value)


_STATE_COLOURS = {"met": "#dff0d8", "on_track": "#e8f4fb", "at_risk": "#fcf0d2", "missed": "#f6d5d5",
                  "overdue": "#f6d5d5"}


def state_brush(state: str | None) -> QBrush | None:
    colour = _STATE_COLOURS.get(state or "")
    return QBrush(QColor(colour)) if colour else None


def _read_keys(location: Location, kind: str, flt: db_lists.ListFilter, sort: str | None, descending: bool,
               states: Mapping[int, str] | None) -> tuple[list[int], dict[int, dict[str, Any]] | None]:
    """The list's keys in order and the rows of its first page, which the view shows at once (so that the GUI
    thread runs no query for the first screen). Runs on a pool thread with its own connection (a connection stays
    on its thread)."""
    with Store.attach(location) as store:
        keys = db_lists.list_keys(store, kind, flt, sort, descending, states=states)
        try:
            first_page = db_lists.fetch_rows(store, kind, keys[:PAGE_SIZE])
        except Exception:  # the view reads it again when it asks, and logs then
            first_page = None
        return keys, first_page


class RecordListModel(QAbstractTableModel):
    """One of the store's lists, loaded lazily: keys in order, rows in pages.

    ``states`` (row key → state code), when set, fills the state column and lets the list be filtered and
    sorted by state. ``data()`` never raises: a row that cannot be read shows a placeholder and is logged.

    Signals:
        loaded(int): the keys of a new filter or sort arrived; the row count.
        loading_changed(bool): a query started (True) or finished (False).
    """

    loaded = Signal(int)
    loading_changed = Signal(bool)

    def __init__(self, store: Store, kind: str, context: str, columns: Sequence[Column], *,
                 pool: Pool | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        # Saves an edited cell: (record kind, record id, field, value) → whether it was saved. Without one the
        # list is read-only.
        self.cell_saver: CellSaver | None = None
        self._store = store
        self.kind = kind
        self._context = context
        self._columns = list(columns)
        self._pool = pool
        self._keys: list[int] = []
        self._pages: OrderedDict[int, dict[int, dict[str, Any]]] = OrderedDict()
        self._filter = db_lists.ListFilter()
        self._sort: tuple[str | None, bool] = (None, False)
        self._states: Mapping[int, str] = {}
        self._generation = 0
        self._worker: Worker | None = None
        self.loading = False

    # ----------------------------------------------------------------- what to show
    @property
    def list_filter(self) -> db_lists.ListFilter:
        return self._filter

    def set_filter(self, flt: db_lists.ListFilter) -> None:
        self._filter = flt
        self.reload()

    def set_states(self, states: Mapping[int, str]) -> None:
        """State codes by row key (judged outside SQL); repaints, and reloads when they filter or sort.

        The mapping is kept as it is (100 000 rows need no copy on the GUI thread); it must not change later."""
        self._states = states
        if self._filter.state is not None or self._sort[0] == "state":
            self.reload()
        elif self._keys:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._keys) - 1, len(self._columns) - 1))

    def state_of(self, key: int) -> str | None:
        return self._states.get(key)

    def states(self) -> Mapping[int, str]:
        return self._states

    def reload(self) -> None:
        """Query the keys again (filter or sort changed, or records were saved)."""
        self._generation += 1
        generation = self._generation
        sort, descending = self._sort
        args = (self._store.location, self.kind, self._filter, sort, descending, self._states)
        if self._pool is None:
            self._set_keys(generation, *_read_keys(*args))
            return
        self.loading = True
        self.loading_changed.emit(True)
        worker = Worker(_read_keys, *args)
        worker.signals.succeeded.connect(lambda found: self._set_keys(generation, *found))
        worker.signals.failed.connect(lambda error: self._on_failed(generation, error))
        self._worker = worker
        self._pool.start(worker)

    def _on_failed(self, generation: int, error: object) -> None:
        if generation != self._generation:
            return
        logger.error("cannot read the %s list: %s", self.kind, error)
        self.loading = False
        self.loading_changed.emit(False)

    def _set_keys(self, generation: int, keys: list[int], first_page: dict[int, dict[str, Any]] | None = None) -> None:
        if generation != self._generation:
            return  # an older query finished after a newer one started
        self.beginResetModel()
        self._keys = keys
        self._pages.clear()
        if first_page is not None:
            self._pages[0] = first_page
        self.endResetModel()
        self.loading = False
        self.loading_changed.emit(False)
        self.loaded.emit(len(keys))

    @Slot()
    def refresh_rows(self) -> None:
        """Forget cached rows (after an edit) and repaint; the order stays."""
        self._pages.clear()
        if self._keys:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._keys) - 1, len(self._columns) - 1))

    def key(self, row: int) -> int | None:
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def row_keys(self) -> list[int]:
        return list(self._keys)

    def row_of(self, key: int) -> int | None:
        try:
            return self._keys.index(key)
        except ValueError:
            return None

    def row_values(self, row: int) -> dict[str, Any] | None:
        if not (0 <= row < len(self._keys)):
            return None
        page = self._page(row // PAGE_SIZE)
        return page.get(self._keys[row])

    def _page(self, number: int) -> dict[int, dict[str, Any]]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        keys = self._keys[number * PAGE_SIZE:(number + 1) * PAGE_SIZE]
        try:
            page = db_lists.fetch_rows(self._store, self.kind, keys)
        except Exception:
            logger.exception("cannot read rows of the %s list", self.kind)
            page = {}
        self._pages[number] = page
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    # ----------------------------------------------------------------- Qt model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
            return QCoreApplication.translate(self._context, self._columns[section].header)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.row_values(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags  # a row that could not be read: shown disabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.cell_saver is not None and self.cell_target(index.row(), index.column()) is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # ----------------------------------------------------------------- records of rows, editing in place
    def row_record(self, row: int) -> tuple[str, int] | None:
        """The record a row shows: (record kind, id); in the commitments list a target, or a commitment
        without targets."""
        values = self.row_values(row)
        if values is None:
            return None
        if self.kind == "commitments":
            if values.get("target_id") is not None:
                return "target", int(values["target_id"])
            return "commitment", int(values["commitment_id"])
        return _ROW_RECORDS[self.kind], int(values["id"])

    def row_commitment(self, row: int) -> int | None:
        values = self.row_values(row) or {}
        return int(values["commitment_id"]) if values.get("commitment_id") is not None else None

    def cell_target(self, row: int, column: int) -> tuple[str, int, str] | None:
        """What editing a cell changes: (record kind, record id, field), or None when the cell is read-only."""
        if not (0 <= column < len(self._columns)) or self._columns[column].edit is None:
            return None
        record_kind, name = self._columns[column].edit  # type: ignore[misc]
        values = self.row_values(row)
        if values is None:
            return None
        if self.kind == "commitments":
            target_id, commitment_id = values.get("target_id"), values.get("commitment_id")
            if record_kind == TARGET_OR_COMMITMENT:
                record_kind = "target" if target_id is not None else "commitment"
            if record_kind == "target":
                return ("target", int(target_id), name) if target_id is not None else None
            return "commitment", int(commitment_id), name
        return record_kind, int(values["id"]), name

    def edit_value(self, row: int, column: int) -> Any:
        """The stored value a cell editor starts from (codes for choices, ISO text for dates)."""
        target = self.cell_target(row, column)
        values = self.row_values(row) or {}
        if target is None:
            return None
        name = target[2]
        if self.kind == "commitments" and name == "title":
            return values.get("title")
        return values.get(name)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.cell_saver is None:
            return False
        target = self.cell_target(index.row(), index.column())
        if target is None:
            return False
        if not self.cell_saver(*target, value):
            return False  # the model is left as it was; the saver said why
        self.refresh_rows()
        return True

    def display_text(self, row: int, column: int) -> str:
        """The text ``data()`` shows in a cell, without a QModelIndex (fitting columns measures hundreds)."""
        if not (0 <= row < len(self._keys) and 0 <= column < len(self._columns)):
            return ""
        values = self.row_values(row)
        if values is None:
            return "…"
        try:
            return _text(self._columns[column], _StatefulRow(values, self._states.get(self._keys[row])))
        except Exception:  # as data(): a broken row must not break the view
            logger.exception("cannot show %s row %d column %d", self.kind, row, column)
            return "?"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        mark_gui_busy()  # pool work gives way while the view paints (desktop.ui.workers)
        if not index.isValid() or not (0 <= index.row() < len(self._keys)) or index.column() >= len(self._columns):
            return None
        key = self._keys[index.row()]
        if role == KEY_ROLE:
            return key
        if role == Qt.ItemDataRole.EditRole:
            return self.edit_value(index.row(), index.column())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE, RECORD_ROLE,
                        Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.TextAlignmentRole):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        values = self.row_values(index.row())
        if values is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        row = _StatefulRow(values, self._states.get(key))
        try:
            if role == Qt.ItemDataRole.BackgroundRole:
                return state_brush(column.value(row)) if column.coloured_by_state else None
            if role == RECORD_ROLE:
                return values
            if role == SORT_ROLE:
                return column.value(row)
            text = _text(column, row)
            if role == Qt.ItemDataRole.ToolTipRole:
                if column.tooltip is not None:
                    return column.tooltip(row)
                return text if len(text) > 30 else None
            return text
        except Exception:  # a broken row must not break the view
            logger.exception("cannot show %s row %d column %d", self.kind, index.row(), index.column())
            return "?" if role == Qt.ItemDataRole.DisplayRole else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self._columns)):
            sort: tuple[str | None, bool] = (None, False)
        else:
            name = self._columns[column].sort
            if name is None:
                return
            sort = (name, order == Qt.SortOrder.DescendingOrder)
        if sort == self._sort:
            return
        self._sort = sort
        self.reload()

    def column_edit(self, column: int) -> tuple[str, str] | None:
        """(record kind, field) a column edits in place, or None."""
        return self._columns[column].edit if 0 <= column < len(self._columns) else None

    def column_paste(self, column: int) -> str | None:
        """The field a pasted column of this column's name fills: the one it edits, or the one it names."""
        if not 0 <= column < len(self._columns):
            return None
        spec = self._columns[column]
        return spec.edit[1] if spec.edit else spec.paste

    def opens_commitment(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].opens_commitment

    def column_sort(self, column: int) -> str | None:
        """The sort name of a column (None when it does not sort)."""
        return self._columns[column].sort if 0 <= column < len(self._columns) else None

    def sort_column(self) -> tuple[str | None, bool]:
        return self._sort

    def default_sort_column(self) -> tuple[int, Qt.SortOrder]:
        """The column and order of the list's default order (for the header's sort indicator)."""
        name, descending = db_lists.spec(self.kind).default_sort
        for number, column in enumerate(self._columns):
            if column.sort == name:
                order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
                self._sort = (name, descending)
                return number, order
        return -1, Qt.SortOrder.AscendingOrder


class _StatefulRow(dict):
    """A row's values plus the state judged for it (``row.state``)."""

    def __init__(self, values: Mapping[str, Any], state: str | None) -> None:
        super().__init__(values)
        self.state = state


class RecordTableModel(QAbstractTableModel):
    """A small read-only table over a list of records or rows in memory (upcoming deadlines, suggestions)."""

    def __init__(self, context: str, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self._columns = list(columns)
        self._records: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> list[Any]:
        """Show these records; returns those shown until now (to be freed where it suits the caller)."""
        self.beginResetModel()
        previous, self._records = self._records, list(records)
        self.endResetModel()
        return previous

    def record(self, row: int) -> Any:
        return self._records[row]

    def column_texts(self, column: int, rows: int) -> list[str]:
        """The texts the first ``rows`` rows show in a column (what :func:`fit_columns` measures)."""
        spec = self._columns[column]
        texts = []
        for record in self._records[:rows]:
            try:
                texts.append(_text(spec, record))
            except Exception:  # as data(): a broken record must not break the view
                texts.append("?")
        return texts

    def records(self) -> list[Any]:
        return list(self._records)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self._columns):
            return QCoreApplication.translate(self._context, self._columns[section].header)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        mark_gui_busy()
        if not index.isValid() or not (0 <= index.row() < len(self._records)):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        try:
            if role == Qt.ItemDataRole.DisplayRole:
                return _text(column, record)
            if role == SORT_ROLE:
                return column.value(record)
            if role == RECORD_ROLE:
                return record
            if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        except Exception:  # a broken record must not break the view
            logger.exception("cannot show row %d column %d", index.row(), index.column())
            return "?" if role == Qt.ItemDataRole.DisplayRole else None
        return None


def fit_columns(view: QTableView, model: RecordTableModel, *, rows: int, widest: int | None = None) -> None:
    """Size each column to its header and the texts of its first ``rows`` rows, measured here: Qt's
    resizeColumnsToContents asks the model for a dozen roles of every cell it measures, thousands of calls into
    Python that hold the GUI thread (and wait for the interpreter lock while pool threads work)."""
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    header_metrics = header.fontMetrics()
    for column in range(model.columnCount()):
        content = max((metrics.horizontalAdvance(text) for text in model.column_texts(column, rows)), default=0)
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = max(content + 16, header_metrics.horizontalAdvance(title) + 24)  # cell margins, sort arrow
        header.resizeSection(column, min(width, widest) if widest else width)


def record_table_view(parent: QWidget, object_name: str, model: QAbstractItemModel) -> QTableView:
    """A read-only table of records as the panels show them: whole rows selected, one line per row."""
    view = QTableView(parent)
    view.setObjectName(object_name)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view
