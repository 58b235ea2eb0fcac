"""Editing list cells in place: the editors (a menu for choices, a line for text and dates) and their choices.

The model (:class:`desktop.ui.models.RecordListModel`) knows which record and field a cell changes; the value
typed is checked by the core's rules (:func:`desktop.core.grid.apply_cell`) and saved by the main window, which
keeps the change in the history and on the undo stack.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from db import Store
from desktop.core.grid import CHOICE, DATE, FLAG, grid_field
from desktop.ui import labels
from desktop.ui.models import RecordListModel

# The translated labels of each choice field's codes.
CHOICE_LABELS = {
    ("proposal", "kind"): labels.PROPOSAL_KINDS,
    ("proposal", "state"): labels.PROPOSAL_STATES,
    ("commitment", "manual_state"): labels.TARGET_STATES,
    ("target", "kind"): labels.TARGET_KINDS,
}
OPTIONAL_CHOICES = {("commitment", "manual_state"), ("reply", "result_class")}


def cell_choices(store: Store, record_kind: str, name: str) -> list[tuple[Any, str]]:
    """(value, translated label) of a choice or yes/no field; empty for a field typed as text."""
    spec = grid_field(record_kind, name)
    if spec.kind == FLAG:
        return [(True, QCoreApplication.translate("Labels", labels.YES_NO[True])),
                (False, QCoreApplication.translate("Labels", labels.YES_NO[False]))]
    if spec.kind != CHOICE:
        return []
    if (record_kind, name) == ("reply", "result_class"):
        choices = [(c["code"], f"{c['code']} — {c['label']}") for c in store.get_setting("result_class.classes")]
    else:
        choices = labels.label_choices(CHOICE_LABELS[(record_kind, name)])
    if (record_kind, name) in OPTIONAL_CHOICES:
        empty = QCoreApplication.translate("GridDelegate", "(not set)")
        choices = [(None, empty), *choices]
    return choices


class GridDelegate(QStyledItemDelegate):
    """Editors for the cells of a list: a menu of choices for coded fields, a line edit elsewhere."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store

    @staticmethod
    def _target(index: QModelIndex | QPersistentModelIndex) -> tuple[str, int, str] | None:
        model = index.model()
        if isinstance(model, RecordListModel):
            return model.cell_target(index.row(), index.column())
        return None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        target = self._target(index)
        if target is None:
            return super().createEditor(parent, option, index)
        record_kind, _record_id, name = target
        choices = cell_choices(self._store, record_kind, name)
        if choices:
            combo = QComboBox(parent)
            combo.setObjectName("cellChoiceEditor")
            for value, text in choices:
                combo.addItem(text, value)
            return combo
        edit = QLineEdit(parent)
        edit.setObjectName("cellEditor")
        if grid_field(record_kind, name).kind == DATE:
            edit.setPlaceholderText(QCoreApplication.translate("DateField", "e.g. 2021-12-31"))
        return edit

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            found = editor.findData(value)
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))
            editor.selectAll()
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            value = editor.currentData()
            if value is None and (target := self._target(index)) is not None:
                value = "" if (target[0], target[2]) in OPTIONAL_CHOICES else None
            model.setData(index, value, Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
