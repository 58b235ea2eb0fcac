"""Contacts with proposers in the app (见面, 面商, 电话, 走访): the form of one contact and the list of them.

The list shows the contacts known on the main window's as-of date, the same day the workbook's 见面率 counts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db import Store
from db.contacts import ContactLine, list_contacts
from desktop.core.records import Contact, Record
from desktop.ui import labels
from desktop.ui.forms import ChoiceField, DateField, Field, LinkField, RecordForm, TextField
from desktop.ui.labels import QT_TRANSLATE_NOOP
from desktop.ui.models import Column, RecordTableModel, record_table_view

CONTACT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ContactColumns", "Date"), lambda line: line.contact.contact_date),
    Column(QT_TRANSLATE_NOOP("ContactColumns", "Way"), lambda line: line.contact.method,
           lambda method: labels.label(labels.CONTACT_METHODS, method)),
    Column(QT_TRANSLATE_NOOP("ContactColumns", "Proposal"), lambda line: line.proposal_label),
    Column(QT_TRANSLATE_NOOP("ContactColumns", "Participants"), lambda line: line.contact.participants),
    Column(QT_TRANSLATE_NOOP("ContactColumns", "Notes"), lambda line: line.contact.notes),
)


class ContactForm(RecordForm):
    """One meeting, 面商, call or visit with the proposer of a proposal."""

    kind = "contact"
    record_type = Contact

    def build_fields(self) -> list[Field]:
        return [
            LinkField("proposal_id", self.tr("Proposal"), self._store, "proposals", required=True),
            DateField("contact_date", self.tr("Date"), required=True),
            ChoiceField("method", self.tr("Way"), labels.label_choices(labels.CONTACT_METHODS), required=True),
            TextField("participants", self.tr("Participants"), hint=self.tr("Who took part; separate names with 、")),
            TextField("notes", self.tr("Notes"), multiline=True),
        ]

    def build_record(self, values: dict[str, Any]) -> Record:
        if self._record is None:
            return Contact(**values)
        return dataclasses.replace(self._record, **values)

    def title_text(self) -> str:
        record = self._record
        if not isinstance(record, Contact):
            return ""
        return f"{record.contact_date.isoformat()} {labels.label(labels.CONTACT_METHODS, record.method)}"


class ContactsPanel(QWidget):
    """The contacts known on a date, newest last, with how many were in person (见面率 counts those).

    Signals:
        new_requested(): the user wants to record a contact.
        open_requested(int): a contact (its id) was double-clicked.
    """

    new_requested = Signal()
    open_requested = Signal(int)

    def __init__(self, store: Store, *, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactsPanel")
        self._store = store
        self._today = today
        self.model = RecordTableModel("ContactColumns", CONTACT_COLUMNS, self)
        self.table = record_table_view(self, "contactTable", self.model)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("contactsSummaryLabel")
        self.new_button = QPushButton(self.tr("&New contact…"), self)
        self.new_button.setObjectName("newContactButton")
        self.new_button.clicked.connect(self.new_requested)
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read the contacts known on the as-of date again."""
        as_of = self._today()
        lines = list_contacts(self._store, as_of=as_of)
        self.model.set_records(lines)
        in_person = sum(1 for line in lines if line.contact.face_to_face)
        self.summary_label.setText(self.tr("As of {date}: %n contact(s), {in_person} in person", None, len(lines))
                                   .format(date=as_of.isoformat(), in_person=in_person))
        self.table.resizeColumnsToContents()

    def lines(self) -> list[ContactLine]:
        return [self.model.record(row) for row in range(self.model.rowCount())]

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        contact = self.model.record(index.row()).contact
        if contact.id is not None:
            self.open_requested.emit(contact.id)
