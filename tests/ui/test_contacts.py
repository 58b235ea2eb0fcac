"""Contacts in the app: record a 面商 through its form, see it in the list as of the chosen day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from db import Store
from desktop.core.records import Contact, Proposal
from desktop.ui.contacts import ContactsPanel
from tests.ui.conftest import type_text


def test_record_a_contact_and_list_it(qtbot, make_window, demo_store: Store, qtmodeltester) -> None:
    window = make_window(demo_store)
    dialog = window.show_contacts()
    qtbot.addWidget(dialog)
    panel = dialog.findChild(ContactsPanel, "contactsPanel")
    qtmodeltester.check(panel.model)
    assert panel.model.rowCount() == 0
    qtbot.mouseClick(panel.findChild(QPushButton, "newContactButton"), Qt.MouseButton.LeftButton)
    form = window.current_form()
    assert form.kind == "contact"
    form.by_name["proposal_id"].set_value(demo_store.list(Proposal)[0].id)
    type_text(qtbot, form.findChild(QLineEdit, "contactDateEdit"), "2021-04-20")
    methods = form.findChild(QComboBox, "methodEdit")
    methods.setCurrentIndex(methods.findData("consultation"))
    type_text(qtbot, form.findChild(QLineEdit, "participantsEdit"), "魏农、曹晓韬")
    save = form.findChild(QPushButton, "saveButton")
    assert save.isEnabled()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    contact = demo_store.list(Contact)[0]
    assert (contact.contact_date, contact.method, contact.participants) == (dt.date(2021, 4, 20), "consultation",
                                                                            "魏农、曹晓韬")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=3000)
    assert panel.lines()[0].proposal_label == "常州市十六届人大五次会议建议第021号"
    assert panel.findChild(QLabel, "contactsSummaryLabel").text() == "As of 2022-03-31: 1 contact(s), 1 in person"
    # The list follows the window's as-of date: on 2021-04-01 the 面商 had not happened yet.
    window.as_of_edit.setDate(QDate(2021, 4, 1))
    assert panel.model.rowCount() == 0
    window.as_of_edit.setDate(QDate(2022, 3, 31))
    panel.table.doubleClicked.emit(panel.model.index(0, 0))
    assert window.current_form().kind == "contact" and window.current_form().record_id == contact.id
    assert dialog.findChild(QWidget, "contactTable") is not None
