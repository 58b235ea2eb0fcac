"""The window's files and follow-up: the dossier as PDF, reminders brought up to date after an import, help."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
from PySide6.QtWidgets import QCheckBox, QTextBrowser

from db import Store
from db.reminders import list_reminders
from desktop import paths
from desktop.core.records import Reminder, Reply
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
    assert str(store.location) in text
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


def test_a_file_attached_to_evidence_typed_by_hand_is_kept_and_saved_out(qtbot, make_window, demo_store: Store,
                                                                          prompter, tmp_path: Path) -> None:
    from desktop.core.records import Evidence, SourceDocument, Target

    window = make_window(demo_store)
    target = next(t for t in demo_store.list(Target) if t.indicator == "标识注册量")
    form = window.new_record("evidence", defaults={"target_id": target.id, "as_of_date": dt.date(2022, 1, 31)})
    form.by_name["value"].set_raw("3.3亿")
    form.by_name["source_title"].set_raw("工业互联网标识解析二级节点运营报告")
    scan = tmp_path / "节点运营报告.pdf"
    scan.write_bytes(b"%PDF-1.4 report")
    prompter.file_path = scan
    sources = demo_store.count(SourceDocument)
    assert form.attach_file() and form.is_dirty()
    saved = form.save()
    assert saved is not None and demo_store.count(SourceDocument) == sources + 1
    document = demo_store.get(SourceDocument, demo_store.get(Evidence, saved.id).source_document_id)
    assert (document.file_name, document.content) == ("节点运营报告.pdf", b"%PDF-1.4 report")
    prompter.file_path = tmp_path / "copy.pdf"
    assert form.original_files.save_original() == tmp_path / "copy.pdf"
    assert (tmp_path / "copy.pdf").read_bytes() == b"%PDF-1.4 report"
    # The reply's letter, stored at import, is saved out from the reply's form.
    reply_form = window.open_record("reply", demo_store.list(Reply)[0].id)
    prompter.file_path = tmp_path / "letter.md"
    assert reply_form.original_files.save_original() == tmp_path / "letter.md"
    assert "常工信复" in (tmp_path / "letter.md").read_text(encoding="utf-8")
