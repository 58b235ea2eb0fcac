"""The editable lists of the Excel ledger import dialog: how each column is read, and what unknown words mean.

Both give their choices in the form of an ``import-ledger --mapping`` file: the fields by column letter, and the
words of 办理结果 and 代表意见 (``"values"``) with the meaning the clerk chose.
"""

from __future__ import annotations

from collections.abc import Sequence
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
)
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.core.ledger_import import FIELDS, FIELDS_BY_KEY, ImportPlan, RowProblem, SheetPlan, column_letter
from desktop.ui import labels
from desktop.ui.labels import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex

HOW = {
    "exact": QT_TRANSLATE_NOOP("LedgerImport", "same name"),
    "near": QT_TRANSLATE_NOOP("LedgerImport", "similar name"),
    "given": QT_TRANSLATE_NOOP("LedgerImport", "your choice"),
}


# --------------------------------------------------------------------------------------------- the columns
@dataclass
class ColumnRow:
    """One spreadsheet column of the header row and the ledger field it is read as (None: not imported)."""

    column: int
    letter: str
    header: str
    field: str | None
    how: str | None


class _OneEditableColumnModel(QAbstractTableModel):
    """A table of ``rows`` under fixed ``HEADERS`` (translated in ``CONTEXT``) where only ``EDIT_COLUMN`` is
    editable: what the column mapping and the word meanings share."""

    CONTEXT = ""
    HEADERS: tuple[str, ...] = ()
    EDIT_COLUMN = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.EDIT_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags


class ColumnMappingModel(_OneEditableColumnModel):
    """One row per column of the header row: letter, header text, the ledger field (editable), how it was found.

    A field is read from one column only: choosing it for a column takes it from any other.

    Signals:
        mapping_edited(): the clerk chose another field for a column.
    """

    mapping_edited = Signal()
    CONTEXT = "LedgerColumns"
    FIELD_COLUMN = EDIT_COLUMN = 2
    HEADERS = (
        QT_TRANSLATE_NOOP("LedgerColumns", "Column"),
        QT_TRANSLATE_NOOP("LedgerColumns", "Header in the workbook"),
        QT_TRANSLATE_NOOP("LedgerColumns", "Read as"),
        QT_TRANSLATE_NOOP("LedgerColumns", "Found by"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ColumnRow] = []

    def set_plan(self, plan: ImportPlan | SheetPlan) -> None:
        matches = {match.column: match for match in plan.mapping}
        self.beginResetModel()
        self.rows = [ColumnRow(column, column_letter(column), header,
                               matches[column].field if column in matches else None,
                               matches[column].how if column in matches else None)
                     for column, header in sorted(plan.headers.items())]
        self.endResetModel()

    def fields(self) -> dict[str, str | None]:
        """Every ledger field and the column letter it is read from (None: none), as a --mapping file gives them."""
        chosen: dict[str, str | None] = {item.key: None for item in FIELDS}
        chosen.update((row.field, row.letter) for row in self.rows if row.field)
        return chosen

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.EditRole and index.column() == self.FIELD_COLUMN:
            return row.field
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return row.letter
        if index.column() == 1:
            return row.header
        if index.column() == self.FIELD_COLUMN:
            return FIELDS_BY_KEY[row.field].label if row.field else QCoreApplication.translate(
                "LedgerImport", "(not imported)")
        return QCoreApplication.translate("LedgerImport", HOW[row.how]) if row.how else ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.FIELD_COLUMN:
            return False
        field = value or None
        if field is not None and field not in FIELDS_BY_KEY:
            return False
        row = self.rows[index.row()]
        if row.field == field:
            return True
        for number, other in enumerate(self.rows):
            if field is not None and other is not row and other.field == field:
                other.field, other.how = None, None
                self.dataChanged.emit(self.index(number, self.FIELD_COLUMN), self.index(number, 3))
        row.field, row.how = field, "given" if field else None
        self.dataChanged.emit(self.index(index.row(), self.FIELD_COLUMN), self.index(index.row(), 3))
        self.mapping_edited.emit()
        return True


class FieldDelegate(QStyledItemDelegate):
    """A combo box of the ledger fields (the names a --mapping file uses), always open in its column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        model = index.model()
        letter = model.index(index.row(), 0).data() if model is not None else index.row()
        combo.setObjectName(f"ledgerFieldCombo_{letter}")
        combo.addItem(QCoreApplication.translate("LedgerImport", "(not imported)"), None)
        for item in FIELDS:
            combo.addItem(item.label, item.key)
        combo.currentIndexChanged.connect(lambda _index, combo=combo: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.blockSignals(True)
        editor.setCurrentIndex(max(found, 0))
        editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


# --------------------------------------------------------------------------------------------- unknown words
UNSET = "?"  # no meaning chosen yet (None is a meaning: no result class, no rating)


@dataclass
class WordRow:
    """A word of 办理结果 or 代表意见 the import does not know, where it was met, and the meaning chosen."""

    field: str  # result_class or rating
    column: str  # the header as written
    word: str
    rows: int  # how many rows use it (0: known now, by the meaning chosen)
    meaning: str | None = UNSET


class WordMeaningModel(_OneEditableColumnModel):
    """One row per unknown word: column, word, rows that use it, and its meaning (editable), as the ``"values"`` of
    a --mapping file give it.

    Signals:
        meaning_edited(): the clerk chose a meaning for a word.
    """

    meaning_edited = Signal()
    CONTEXT = "LedgerWords"
    MEANING_COLUMN = EDIT_COLUMN = 3
    HEADERS = (
        QT_TRANSLATE_NOOP("LedgerWords", "Column"),
        QT_TRANSLATE_NOOP("LedgerWords", "Word"),
        QT_TRANSLATE_NOOP("LedgerWords", "Rows"),
        QT_TRANSLATE_NOOP("LedgerWords", "Means"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[WordRow] = []
        self.classes: list[dict[str, str]] = []

    def set_words(self, problems: Sequence[RowProblem], values: dict[str, dict[str, str | None]],
                  classes: Sequence[dict[str, str]]) -> None:
        """The words the plan's problems name, and those given a meaning before (``values``, by field)."""
        self.beginResetModel()
        self.classes = list(classes)
        rows: dict[tuple[str, str], WordRow] = {}
        for problem in problems:
            if problem.code != "word_unknown" or problem.facts.get("field") not in ("result_class", "rating"):
                continue
            key = (problem.facts["field"], str(problem.facts.get("value")))
            found = rows.setdefault(key, WordRow(key[0], problem.column or "", key[1], 0))
            found.rows += len(problem.all_rows)
        for field, words in values.items():
            for word, meaning in words.items():
                found = rows.setdefault((field, word), WordRow(field, FIELDS_BY_KEY[field].label, word, 0))
                found.meaning = meaning
        self.rows = list(rows.values())
        self.endResetModel()

    def values(self) -> dict[str, dict[str, str | None]]:
        """The meanings chosen, by field and word (the ``"values"`` of a --mapping file)."""
        chosen: dict[str, dict[str, str | None]] = {}
        for row in self.rows:
            if row.meaning != UNSET:
                chosen.setdefault(row.field, {})[row.word] = row.meaning
        return chosen

    def meanings(self, row: int) -> list[tuple[str | None, str]]:
        """The meanings a word of this row can have: the office's result classes, or the ratings; and none."""
        if self.rows[row].field == "result_class":
            choices: list[tuple[str | None, str]] = [(item["code"], f"{item['code']} — {item.get('label', '')}")
                                                     for item in self.classes]
            return [*choices, (None, QCoreApplication.translate("LedgerWords", "(no result class)"))]
        return [*labels.label_choices(labels.RATINGS),  # type: ignore[list-item]
                (None, QCoreApplication.translate("LedgerWords", "(no rating yet)"))]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.EditRole and index.column() == self.MEANING_COLUMN:
            return row.meaning
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return row.column
        if index.column() == 1:
            return row.word
        if index.column() == 2:
            return str(row.rows) if row.rows else ""
        if row.meaning == UNSET:
            return QCoreApplication.translate("LedgerWords", "(choose)")
        return next((text for code, text in self.meanings(index.row()) if code == row.meaning), row.meaning)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.MEANING_COLUMN:
            return False
        if value != UNSET and value not in {code for code, _ in self.meanings(index.row())}:
            return False
        row = self.rows[index.row()]
        if row.meaning == value:
            return True
        row.meaning = value
        self.dataChanged.emit(index, index)
        self.meaning_edited.emit()
        return True


class MeaningDelegate(QStyledItemDelegate):
    """A combo box of the meanings a word can have, always open in its column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName(f"ledgerWordCombo_{index.row()}")
        model = index.model()
        combo.addItem(QCoreApplication.translate("LedgerWords", "(choose)"), UNSET)
        if isinstance(model, WordMeaningModel):
            for code, text in model.meanings(index.row()):
                combo.addItem(text, code)
        combo.currentIndexChanged.connect(lambda _index, combo=combo: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.blockSignals(True)
        editor.setCurrentIndex(max(found, 0))
        editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
