"""The preview of rows pasted from Excel or WPS into a list: how each column is read, what each row becomes, which
rows cannot be taken and why. Nothing is written until the clerk adds the rows, all of them in one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db import Store
from db.paste import proposal_by_reference
from desktop.core.grid import PASTE_TARGETS, PastedColumn, PastePlan, parse_tsv, plan_paste
from desktop.core.ledger_import import Vocabulary
from desktop.core.records import Record
from desktop.ui.forms import ERROR_STYLE, RecordPicker
from desktop.ui.labels import QT_TRANSLATE_NOOP
from desktop.ui.messages import user_message
from desktop.ui.models import Column, RecordTableModel, display_value, record_table_view

FIELD_LABELS = {
    "session": QT_TRANSLATE_NOOP("PasteDialog", "Session"),
    "number": QT_TRANSLATE_NOOP("PasteDialog", "Number"),
    "title": QT_TRANSLATE_NOOP("PasteDialog", "Title"),
    "kind": QT_TRANSLATE_NOOP("PasteDialog", "Kind"),
    "proposers": QT_TRANSLATE_NOOP("PasteDialog", "Proposers"),
    "lead_unit": QT_TRANSLATE_NOOP("PasteDialog", "Lead unit"),
    "assigned_date": QT_TRANSLATE_NOOP("PasteDialog", "Assigned"),
    "reply_due_date": QT_TRANSLATE_NOOP("PasteDialog", "Reply due"),
    "state": QT_TRANSLATE_NOOP("PasteDialog", "State"),
    "key_supervised": QT_TRANSLATE_NOOP("PasteDialog", "Key supervised"),
    "responsible_unit": QT_TRANSLATE_NOOP("PasteDialog", "Responsible unit"),
    "deadline": QT_TRANSLATE_NOOP("PasteDialog", "Deadline"),
    "deadline_text": QT_TRANSLATE_NOOP("PasteDialog", "Time expression"),
    "manual_state": QT_TRANSLATE_NOOP("PasteDialog", "State set by hand"),
    "notes": QT_TRANSLATE_NOOP("PasteDialog", "Notes"),
    "reply_id": QT_TRANSLATE_NOOP("PasteDialog", "Reply"),
    "proposal": QT_TRANSLATE_NOOP("PasteDialog", "Proposal number"),
    "proposal_id": QT_TRANSLATE_NOOP("PasteDialog", "Proposal"),
    "doc_number": QT_TRANSLATE_NOOP("PasteDialog", "Document number"),
    "reply_date": QT_TRANSLATE_NOOP("PasteDialog", "Reply date"),
    "result_class": QT_TRANSLATE_NOOP("PasteDialog", "Result class"),
    "replying_unit": QT_TRANSLATE_NOOP("PasteDialog", "Replying unit"),
    "addressee": QT_TRANSLATE_NOOP("PasteDialog", "Addressee"),
    "issuing_office": QT_TRANSLATE_NOOP("PasteDialog", "Issuing office"),
    "signer": QT_TRANSLATE_NOOP("PasteDialog", "Signer"),
    "handler": QT_TRANSLATE_NOOP("PasteDialog", "Handler"),
    "phone": QT_TRANSLATE_NOOP("PasteDialog", "Phone"),
    "cc": QT_TRANSLATE_NOOP("PasteDialog", "Copy to"),
    "target_id": QT_TRANSLATE_NOOP("PasteDialog", "Target"),
    "as_of_date": QT_TRANSLATE_NOOP("PasteDialog", "As of"),
    "value": QT_TRANSLATE_NOOP("PasteDialog", "Value"),
    "unit": QT_TRANSLATE_NOOP("PasteDialog", "Unit"),
    "source_title": QT_TRANSLATE_NOOP("PasteDialog", "Source"),
    "publisher": QT_TRANSLATE_NOOP("PasteDialog", "Publisher"),
    "source_date": QT_TRANSLATE_NOOP("PasteDialog", "Source date"),
    "source_url": QT_TRANSLATE_NOOP("PasteDialog", "Link"),
    "quote": QT_TRANSLATE_NOOP("PasteDialog", "Quote"),
    "recorded_by": QT_TRANSLATE_NOOP("PasteDialog", "Recorded by"),
}
# The fields a pasted column may fill in each list, in menu order.
PASTE_FIELDS = {
    "proposals": ("session", "number", "title", "kind", "proposers", "lead_unit", "assigned_date", "reply_due_date",
                  "state", "key_supervised"),
    "commitments": ("title", "responsible_unit", "deadline", "deadline_text", "manual_state", "notes"),
    "replies": ("proposal", "session", "doc_number", "title", "reply_date", "result_class", "replying_unit",
                "addressee", "issuing_office", "signer", "handler", "phone", "cc"),
    "evidence": ("as_of_date", "value", "unit", "source_title", "publisher", "source_date", "source_url", "quote",
                 "recorded_by", "notes"),
}
# The record every row is linked to where it names none: (field, list of the records to choose from, label).
ROW_PARENTS = {
    "commitments": ("reply_id", "replies", QT_TRANSLATE_NOOP("PasteDialog", "Reply of every row")),
    "replies": ("proposal_id", "proposals", QT_TRANSLATE_NOOP("PasteDialog", "Proposal of rows without a number")),
    "evidence": ("target_id", "targets", QT_TRANSLATE_NOOP("PasteDialog", "Target of every row")),
}


def _field_label(name: str) -> str:
    return QCoreApplication.translate("PasteDialog", FIELD_LABELS.get(name, name))


def _preview_columns(kind: str) -> tuple[Column, ...]:
    if kind == "proposals":
        return (Column(FIELD_LABELS["session"], lambda r: r.session),
                Column(FIELD_LABELS["number"], lambda r: r.number),
                Column(FIELD_LABELS["title"], lambda r: r.title),
                Column(FIELD_LABELS["proposers"], lambda r: "、".join(p.name for p in r.proposers)),
                Column(FIELD_LABELS["lead_unit"], lambda r: r.lead_unit),
                Column(FIELD_LABELS["assigned_date"], lambda r: r.assigned_date),
                Column(FIELD_LABELS["reply_due_date"], lambda r: r.reply_due_date))
    if kind == "replies":
        return (Column(FIELD_LABELS["proposal_id"], lambda r: r.proposal_id),
                Column(FIELD_LABELS["doc_number"], lambda r: r.doc_number),
                Column(FIELD_LABELS["title"], lambda r: r.title),
                Column(FIELD_LABELS["reply_date"], lambda r: r.reply_date),
                Column(FIELD_LABELS["result_class"], lambda r: r.result_class),
                Column(FIELD_LABELS["replying_unit"], lambda r: r.replying_unit))
    if kind == "evidence":
        return (Column(FIELD_LABELS["as_of_date"], lambda r: r.as_of_date),
                Column(FIELD_LABELS["value"], lambda r: f"{display_value(r.value)}{r.unit or ''}"
                       if r.value is not None else display_value(r.achieved)),
                Column(FIELD_LABELS["source_title"], lambda r: r.source_title),
                Column(FIELD_LABELS["publisher"], lambda r: r.publisher),
                Column(FIELD_LABELS["source_date"], lambda r: r.source_date))
    return (Column(FIELD_LABELS["title"], lambda r: r.title),
            Column(FIELD_LABELS["responsible_unit"], lambda r: r.responsible_unit),
            Column(FIELD_LABELS["deadline"], lambda r: display_value(r.deadline) or r.deadline_text),
            Column(FIELD_LABELS["notes"], lambda r: r.notes))


class PasteDialog(QDialog):
    """Preview and add rows pasted into the proposals, replies, commitments or evidence list.

    Signals:
        accepted_records(list): the records to create (not yet saved).
    """

    accepted_records = Signal(list)

    def __init__(self, store: Store, kind: str, text: str, *, own_headers: Mapping[str, str] | None = None,
                 defaults: Mapping[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kind not in PASTE_TARGETS:
            raise ValueError(f"rows cannot be pasted into the {kind} list")
        self.setObjectName("pasteDialog")
        self.setWindowTitle(self.tr("Paste rows"))
        self._store = store
        self.kind = kind
        self.cells = parse_tsv(text)
        self._own = dict(own_headers or {})
        self._defaults = dict(defaults or {})
        self._links: dict[str, Any] = {
            "find_proposal": lambda session, text: proposal_by_reference(store, session, text),
            "vocabulary": Vocabulary(store.get_setting("result_class.classes"))}
        self.plan: PastePlan = plan_paste(kind, self.cells, own_headers=self._own, defaults=self._defaults,
                                          **self._links)
        self._columns: list[PastedColumn] = list(self.plan.columns)

        intro = QLabel(self.tr("%n row(s) were pasted. Check how each column is read; nothing is saved until you "
                               "add the rows, all of them together.", "", max(len(self.cells) - (
                                   1 if self.plan.has_header else 0), 0)), self)
        intro.setWordWrap(True)

        mapping_box = QGroupBox(self.tr("Columns"), self)
        mapping_layout = QFormLayout(mapping_box)
        mapping_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.column_combos: list[QComboBox] = []
        for column in self._columns:
            combo = QComboBox(mapping_box)
            combo.setObjectName(f"pasteColumn{column.column}Combo")
            combo.addItem(self.tr("(not imported)"), None)
            for name in PASTE_FIELDS[kind]:
                combo.addItem(_field_label(name), name)
            combo.setCurrentIndex(max(combo.findData(column.field), 0))
            combo.currentIndexChanged.connect(self._on_mapping_changed)
            self.column_combos.append(combo)
            mapping_layout.addRow(column.header or "—", combo)
        self.session_edit = QLineEdit(self)
        self.session_edit.setObjectName("pasteSessionEdit")
        self.session_edit.setText(str(self._defaults.get("session") or ""))
        self.session_edit.setPlaceholderText(self.tr("The session of rows without one, e.g. 常州市十六届人大五次会议"))
        self.session_edit.textChanged.connect(self._on_mapping_changed)
        # The record each row is linked to where it names none (the reply of commitments, the target of evidence).
        parent_field, parent_list, parent_label = ROW_PARENTS.get(kind, (None, "replies", ""))
        self._parent_field = parent_field
        self.parent_picker = RecordPicker(store, parent_list, self)
        self.parent_picker.setObjectName({"replies": "pasteReplyPicker", "proposals": "pasteProposalPicker",
                                          "targets": "pasteTargetPicker"}[parent_list])
        if parent_field and self._defaults.get(parent_field):
            self.parent_picker.set_value(int(self._defaults[parent_field]))
        self.parent_picker.currentIndexChanged.connect(self._on_mapping_changed)
        if kind in ("proposals", "replies"):
            mapping_layout.addRow(self.tr("Session of every row") if kind == "proposals"
                                  else self.tr("Session of the proposal numbers"), self.session_edit)
        else:
            self.session_edit.hide()
        if parent_field:
            mapping_layout.addRow(QCoreApplication.translate("PasteDialog", parent_label), self.parent_picker)
        else:
            self.parent_picker.hide()
        mapping_scroll = QScrollArea(self)
        mapping_scroll.setWidgetResizable(True)
        mapping_scroll.setWidget(mapping_box)
        mapping_scroll.setMaximumHeight(220)

        self.model = RecordTableModel("PasteDialog", _preview_columns(kind), self)
        self.table = record_table_view(self, "pastePreviewTable", self.model)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("pasteProblems")
        self.problem_label.setStyleSheet(ERROR_STYLE)
        self.problem_label.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("pasteAddButton")
        self.add_button.setDefault(True)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("pasteCancelButton")
        self.add_button.clicked.connect(self.add_rows)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(mapping_scroll)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self._show_plan()

    @property
    def reply_picker(self) -> RecordPicker:
        """The reply of pasted commitments (the picker of the record every row is linked to)."""
        return self.parent_picker

    def _current_defaults(self) -> dict[str, Any]:
        defaults = dict(self._defaults)
        if self.kind in ("proposals", "replies"):
            defaults["session"] = self.session_edit.text().strip() or None
        if self._parent_field:
            defaults[self._parent_field] = self.parent_picker.value()
        return defaults

    @Slot()
    def _on_mapping_changed(self) -> None:
        self._columns = [PastedColumn(column.column, column.header, combo.currentData(), "given")
                         for column, combo in zip(self.plan.columns, self.column_combos, strict=True)]
        self.plan = plan_paste(self.kind, self.cells, own_headers=self._own, defaults=self._current_defaults(),
                               columns=self._columns, has_header=self.plan.has_header, **self._links)
        self._show_plan()

    def _show_plan(self) -> None:
        plan = self.plan
        self.model.set_records(plan.records)
        self.table.resizeColumnsToContents()
        lines = []
        if plan.missing:
            lines.append(self.tr("Choose a column or a value for: {fields}.").format(
                fields="、".join(_field_label(name) for name in plan.missing)))
        for problem in plan.problems[:12]:
            lines.append(self.tr("Row {row}, column '{column}': {message}").format(
                row=problem.row, column=problem.column or "—", message=user_message(problem.error)))
        if len(plan.problems) > 12:
            lines.append(self.tr("… and %n more problem(s).", "", len(plan.problems) - 12))
        self.problem_label.setText("\n".join(lines))
        self.problem_label.setVisible(bool(lines))
        self.add_button.setText(self.tr("Add %n row(s)", "", len(plan.records)))
        # All or nothing: rows with problems are corrected in Excel and pasted again.
        self.add_button.setEnabled(bool(plan.records) and not plan.problems and not plan.missing)

    @Slot()
    def add_rows(self) -> list[Record]:
        if not self.add_button.isEnabled():
            return []
        records = list(self.plan.records)
        self.accepted_records.emit(records)
        self.accept()
        return records
