"""Table models over lists of core records, with columns declared once."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

logger = logging.getLogger(__name__)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """A column: its header (source text for translation, in ``context``) and how to read a record."""

    header: str
    value: Callable[[Any], Any]
    display: Callable[[Any], str] | None = None


def display_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class RecordTableModel(QAbstractTableModel):
    """A read-only table of records; sorting happens in the model, never in a proxy."""

    def __init__(self, context: str, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self._columns = list(columns)
        self._records: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._records[row]

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
        if not index.isValid() or not (0 <= index.row() < len(self._records)):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        try:
            if role == Qt.ItemDataRole.DisplayRole:
                value = column.value(record)
                return column.display(value) if column.display else display_value(value)
            if role == SORT_ROLE:
                return column.value(record)
            if role == RECORD_ROLE:
                return record
        except Exception:  # a broken record must not break the view
            logger.exception("cannot show row %d column %d", index.row(), index.column())
            return "?" if role == Qt.ItemDataRole.DisplayRole else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self._columns)):
            return
        getter = self._columns[column].value

        def key(record: Any) -> tuple[int, Any]:
            value = getter(record)
            return (1, "") if value is None else (0, value if not isinstance(value, str) else value.casefold())

        self.beginResetModel()
        self._records.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.endResetModel()
