"""The window's files and follow-up: the dossier as PDF, reminders brought up to date after an import, help."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
from PySide6.QtWidgets import QCheckBox, QTextBrowser

from db import Store
from db.reminders import list_reminders
from desktop import paths
from desktop.core.records import Reminder
from tests.letters import write_small_letter


def test_dossier_saved_as_pdf_from_the_selected_proposal(qtbot, make_window, demo_store: Store, prompter,
                                                         tmp_path: Path) -> None:
    window = make_window(demo_store)
    window.show_page("proposals")
    assert not window.dossier_pdf_action.isEnabled()
    window.pages["proposals"].table.selectRow(0)
    assert window.dossier_pdf_action.isEnabled()
    prompter.pdf_path = tmp_path / "dossier"
    window.dossier_pdf_action.trigger()
    assert prompter.asked[-1] == ("save_pdf", "常州市十六届人大五次会议建议第021号_办理档案_2022-03-31.pdf")
    written = tmp_path / "dossier.pdf"
    text = "".join(page.extract_text() for page in pypdf.PdfReader(written).pages)
    assert "第021号" in text and "11080" in text


def test_reminders_change_right_after_an_import(qtbot, make_window, store: Store, tmp_path: Path) -> None:
    window = make_window(store, today=lambda: dt.date(2022, 7, 1))  # after the letter of 2022-06-20
    page = window.pages["reminders"]
    assert page.model.rowCount() == 0
    review = window.open_letter(write_small_letter(tmp_path))  # a child of the window: it goes with it
    assert review.isVisible()  # shown once the letter is read
    review.decide_rest("accepted")
    review.findChild(QCheckBox, "headerConfirmedCheck").setChecked(True)
    with qtbot.waitSignal(window.reminders_synced, timeout=5000):
        assert review.save()
    kinds = {reminder.kind for reminder in list_reminders(store)}
    assert "commitment_due" in kinds
    assert page.model.rowCount() == store.count(Reminder) > 0


def test_about_names_the_folders_and_the_guide_is_chinese(qtbot, make_window, store: Store, prompter,
                                                          chinese) -> None:
    window = make_window(store)
    window.about_action.trigger()
    kind, text = prompter.asked[-1]
    assert kind == "info" and str(paths.data_dir()) in text and str(paths.log_path().parent) in text
    assert str(store.path) in text
    dialog = window.show_guide()
    qtbot.addWidget(dialog)
    guide = dialog.findChild(QTextBrowser, "guideBrowser").toPlainText()
    assert "导入答复函" in guide and "录入佐证" in guide and "导出" in guide and "Excel 台账" in guide


def test_the_as_of_date_is_kept_between_runs(qtbot, make_window, store: Store) -> None:
    window = make_window(store)
    window.set_as_of(dt.date(2021, 12, 31))
    window.close()
    again = make_window(store)
    assert again.as_of() == dt.date(2021, 12, 31)
