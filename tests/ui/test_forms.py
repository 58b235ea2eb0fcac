from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
)

from db import Store
from desktop import paths
from desktop.core.records import Commitment, Proposal, Reply, Target
from desktop.ui.forms import RecordPicker
from desktop.ui.prompts import CANCEL, DISCARD, SAVE
from desktop.ui.record_forms import EvidenceForm, ReplyForm, TargetForm
from tests.ui.conftest import type_text


def _edit(form, name: str) -> QLineEdit:
    widget = form.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def _error(form, name: str) -> QLabel:
    return form.findChild(QLabel, name)


def _save_button(form) -> QPushButton:
    return form.findChild(QPushButton, "saveButton")


def _replace(qtbot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


def test_create_a_proposal_and_a_reply_through_the_forms(qtbot, make_window, store: Store) -> None:
    window = make_window(store)
    window.new_actions["proposal"].trigger()
    form = window.current_form()
    assert form.kind == "proposal"
    save = _save_button(form)
    assert not save.isEnabled()  # session, number and title are required
    assert form.findChild(QLabel, "sessionLabel").text().endswith("*")
    type_text(qtbot, _edit(form, "sessionEdit"), "常州市十六届人大五次会议")
    type_text(qtbot, _edit(form, "numberEdit"), "第021号")
    assert not save.isEnabled()
    assert _error(form, "titleError").isVisibleTo(form)
    type_text(qtbot, _edit(form, "titleEdit"), "关于加快5G基站建设的建议")
    type_text(qtbot, _edit(form, "proposersEdit"), "魏农、张三")
    type_text(qtbot, _edit(form, "assignedDateEdit"), "2021年3月10日")
    form.findChild(QCheckBox, "keySupervisedEdit").setChecked(True)
    assert save.isEnabled() and not _error(form, "titleError").isVisibleTo(form)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    proposal = store.list(Proposal)[0]
    assert (proposal.number, proposal.assigned_date, proposal.key_supervised) == ("第021号", dt.date(2021, 3, 10), True)
    assert [(p.name, p.role) for p in proposal.proposers] == [("魏农", "lead"), ("张三", "cosigner")]
    window.show_page("proposals")
    proposals = window.pages["proposals"].model
    qtbot.waitUntil(lambda: proposals.rowCount() == 1, timeout=3000)
    assert proposals.index(0, 3).data() == "关于加快5G基站建设的建议"

    window.pages["proposals"].table.selectRow(0)
    window.new_actions["reply"].trigger()
    reply_form = window.current_form()
    assert reply_form.kind == "reply"
    assert reply_form.findChild(RecordPicker, "proposalIdEdit").value() == proposal.id  # from the selection
    type_text(qtbot, _edit(reply_form, "docNumberEdit"), "常工信复〔2021〕第39号")
    type_text(qtbot, _edit(reply_form, "titleEdit"), "关于对代表建议第021号的答复")
    type_text(qtbot, _edit(reply_form, "phoneEdit"), "0519-85681281")
    qtbot.mouseClick(_save_button(reply_form), Qt.MouseButton.LeftButton)
    reply = store.list(Reply)[0]
    assert (reply.proposal_id, reply.doc_number, reply.phone) == (
        proposal.id, "常工信复〔2021〕第39号", "0519-85681281")
    replies = window.pages["replies"].model
    qtbot.waitUntil(lambda: replies.rowCount() == 1, timeout=3000)
    assert replies.index(0, 0).data() == "常工信复〔2021〕第39号"
    assert window.count_label.text().startswith("1 proposals, 1 replies")


def test_bad_document_number_blocks_save_with_a_message(qtbot, make_window, store: Store) -> None:
    # The only proposal of the ledger is the one a new reply answers.
    proposal = store.save(Proposal(session="常州市十六届人大五次会议", number="第021号", title="新基建"))
    window = make_window(store)
    form = window.new_record("reply")
    assert form.by_name["proposal_id"].value() == proposal.id
    edit = _edit(form, "docNumberEdit")
    message = _error(form, "docNumberError")
    type_text(qtbot, edit, "常工信复2021第")
    assert not _save_button(form).isEnabled() and not window.save_action.isEnabled()
    assert message.isVisibleTo(form)
    assert message.text() == "'常工信复2021第' is not a document number; write it like 常工信复〔2021〕第39号."
    window.save_action.trigger()
    assert store.count(Reply) == 0
    type_text(qtbot, edit, "39号")
    assert not message.isVisibleTo(form)
    assert _save_button(form).isEnabled() and window.save_action.isEnabled()
    window.save_action.trigger()
    assert store.list(Reply)[0].doc_number == "常工信复2021第39号"


def test_fields_check_dates_phones_and_quantities_as_typed(qtbot, store: Store, demo_store: Store) -> None:
    form = ReplyForm(demo_store)
    qtbot.addWidget(form)
    type_text(qtbot, _edit(form, "replyDateEdit"), "2021-02-30")
    assert _error(form, "replyDateError").text() == "'2021-02-30' is not a date; write it as 2021-12-31."
    _replace(qtbot, _edit(form, "replyDateEdit"), "二〇二一年六月八日")
    assert not _error(form, "replyDateError").isVisibleTo(form)
    type_text(qtbot, _edit(form, "phoneEdit"), "85681")
    assert "is not a phone number" in _error(form, "phoneError").text()

    target = TargetForm(demo_store, defaults={"commitment_id": demo_store.list(Commitment)[0].id})
    qtbot.addWidget(target)
    type_text(qtbot, _edit(target, "indicatorEdit"), "新增公共充电桩")
    assert "needs a value" in _error(target, "valueError").text()
    type_text(qtbot, _edit(target, "valueEdit"), "许多")
    assert _error(target, "valueError").text() == "'许多' is not a number; write digits such as 1.5 or 15000."
    _replace(qtbot, _edit(target, "valueEdit"), "1.5万个")
    target.findChild(QComboBox, "comparatorEdit").setCurrentIndex(
        target.findChild(QComboBox, "comparatorEdit").findData("range"))
    assert _error(target, "valueHighError").text() == "A range needs an upper value; enter it."
    type_text(qtbot, _edit(target, "valueHighEdit"), "1")
    assert _error(target, "valueHighError").text() == "The upper value is below the lower value; swap them."
    _replace(qtbot, _edit(target, "valueHighEdit"), "2")
    assert target.is_valid()
    saved = target.save()
    assert (saved.value, saved.unit, saved.value_normalized, saved.value_high, saved.value_high_normalized) == (
        1.5, "万个", 15000, 2, 20000)

    evidence = EvidenceForm(demo_store, defaults={"target_id": saved.id})
    qtbot.addWidget(evidence)
    assert _error(evidence, "asOfDateError").text() == "Required; write a date such as 2021-12-31."
    type_text(qtbot, _edit(evidence, "asOfDateEdit"), "2022/3/3")
    assert _error(evidence, "valueError").isVisibleTo(evidence)  # a value or a yes/no is needed
    type_text(qtbot, _edit(evidence, "valueEdit"), "11080个")
    assert evidence.is_valid()


def test_undo_restores_the_old_value_through_the_store(qtbot, make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    reply = demo_store.list(Reply)[0]
    history_before = len(demo_store.history("replies", reply.id))
    form = window.open_record("reply", reply.id)
    title = _edit(form, "titleEdit")
    _replace(qtbot, title, "改过的标题")
    assert form.is_dirty()
    window.windowHandle().requestActivate()  # shortcuts work in the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert demo_store.get(Reply, reply.id).title == "改过的标题"
    assert window.undo_action.isEnabled() and not form.is_dirty()
    window.undo_action.trigger()
    assert demo_store.get(Reply, reply.id).title == reply.title
    assert title.text() == reply.title  # the open form follows
    history = demo_store.history("replies", reply.id)
    assert len(history) == history_before + 2  # the edit and its undo, both kept
    assert history[-1].after["title"] == reply.title and history[-1].before["title"] == "改过的标题"
    window.redo_action.trigger()
    assert demo_store.get(Reply, reply.id).title == "改过的标题"
    assert len(demo_store.history("replies", reply.id)) == history_before + 3
    assert demo_store.verify_history() == []


def test_closing_with_unsaved_changes_asks(qtbot, make_window, prompter, demo_store: Store) -> None:
    window = make_window(demo_store)
    commitment = demo_store.list(Commitment)[0]
    form = window.open_record("commitment", commitment.id)
    tabs = window.findChild(QTabWidget, "editorTabs")
    notes = form.findChild(QPlainTextEdit, "notesEdit")
    notes.setPlainText("需要跟进")
    prompter.unsaved_answer = CANCEL
    assert not window.close()
    assert prompter.asked[-1][0] == "unsaved" and window.isVisible() and tabs.count() == 1
    prompter.unsaved_answer = CANCEL
    qtbot.mouseClick(form.findChild(QPushButton, "closeButton"), Qt.MouseButton.LeftButton)
    assert tabs.count() == 1
    prompter.unsaved_answer = SAVE
    assert window.close_form(form)
    assert demo_store.get(Commitment, commitment.id).notes == "需要跟进"
    other = window.open_record("commitment", commitment.id)
    other.findChild(QPlainTextEdit, "notesEdit").setPlainText("不保存")
    prompter.unsaved_answer = DISCARD
    asked = len(prompter.asked)
    assert window.close()
    assert len(prompter.asked) == asked + 1
    assert demo_store.get(Commitment, commitment.id).notes == "需要跟进"


def test_a_clean_form_closes_without_asking(make_window, prompter, demo_store: Store) -> None:
    window = make_window(demo_store)
    window.open_record("reply", demo_store.list(Reply)[0].id)
    window.new_record("proposal")
    assert window.close()
    assert prompter.asked == []


def test_drafts_survive_a_crash_and_are_offered_again(qtbot, make_window, prompter, demo_store: Store) -> None:
    window = make_window(demo_store)
    target = demo_store.list(Target)[0]
    form = window.open_record("target", target.id)
    _replace(qtbot, _edit(form, "indicatorEdit"), "草稿中的指标")
    fresh = window.new_record("proposal")
    type_text(qtbot, _edit(fresh, "titleEdit"), "未保存的建议")
    window.write_drafts()  # the timer does this a moment after typing
    drafts = sorted(paths.drafts_dir().glob("draft-*.json"))
    assert len(drafts) == 2
    assert {json.loads(p.read_text(encoding="utf-8"))["kind"] for p in drafts} == {"target", "proposal"}
    # The app dies here: no close event, the drafts stay. The next start offers them.
    again = make_window(demo_store)
    assert again.offer_drafts() == 2
    assert prompter.asked[-1][0] == "restore"
    restored = {form.kind: form for form in again.forms()}
    assert _edit(restored["target"], "indicatorEdit").text() == "草稿中的指标"
    assert restored["target"].is_dirty() and restored["target"].record_id == target.id
    assert _edit(restored["proposal"], "titleEdit").text() == "未保存的建议"
    restored["target"].save()
    assert demo_store.get(Target, target.id).indicator == "草稿中的指标"
    assert len(list(paths.drafts_dir().glob("draft-*.json"))) == 1
    prompter.unsaved_answer = DISCARD
    again.close()
    assert list(paths.drafts_dir().glob("draft-*.json")) == []
    window.close()


def test_declined_drafts_are_removed(qtbot, make_window, prompter, demo_store: Store) -> None:
    window = make_window(demo_store)
    type_text(qtbot, _edit(window.new_record("proposal"), "titleEdit"), "x")
    window.write_drafts()
    prompter.restore_answer = False
    assert make_window(demo_store).offer_drafts() == 0
    assert list(paths.drafts_dir().glob("draft-*.json")) == []


def test_record_picker_searches_with_the_index(qtbot, demo_store: Store) -> None:
    picker = RecordPicker(demo_store, "targets")
    qtbot.addWidget(picker)
    assert picker.value() is None
    picker.refill("基站")
    assert picker.count() == 1
    picker.setCurrentIndex(0)
    assert demo_store.get(Target, picker.value()).indicator == "累计开通5G基站数"


def test_reply_deadline_computed_from_the_assignment_is_shown(qtbot, make_window, store: Store) -> None:
    import datetime as dt

    proposal = store.save(Proposal(session="常州市十六届人大五次会议", number="第021号", title="新基建",
                                   assigned_date=dt.date(2021, 3, 10)))
    window = make_window(store)
    page = window.pages["proposals"]
    due = next(c for c in range(page.model.columnCount())
               if page.model.headerData(c, Qt.Orientation.Horizontal) == "Reply due")
    assert page.model.index(0, due).data() == "2021-06-10 (computed)"
    assert page.model.index(0, due).data(Qt.ItemDataRole.ToolTipRole) == "交办2021-03-10 + 3个月 = 2021-06-10"
    form = window.open_record("proposal", proposal.id)
    note = form.findChild(QLabel, "replyDueDateNote")
    assert note.isVisibleTo(form) and note.text() == "By the rule: 交办2021-03-10 + 3个月 = 2021-06-10"
    assert _edit(form, "replyDueDateEdit").placeholderText() == "2021-06-10"


def test_evidence_in_a_unit_that_does_not_fit_is_flagged(qtbot, make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    target = next(t for t in demo_store.list(Target) if t.indicator == "累计开通5G基站数")
    form = window.new_record("evidence", defaults={"target_id": target.id})
    value = _edit(form, "valueEdit")
    type_text(qtbot, value, "十五亿元")
    note = form.findChild(QLabel, "valueNote")
    assert note.isVisibleTo(form) and "does not fit" in note.text()
    value.clear()
    type_text(qtbot, value, "11080个")
    assert not note.isVisibleTo(form)


def test_a_value_typed_differently_but_equal_is_no_change(qtbot, make_window, demo_store: Store, prompter) -> None:
    window = make_window(demo_store)
    [proposal] = demo_store.list(Proposal)
    form = window.open_record("proposal", proposal.id)
    assigned = _edit(form, "assignedDateEdit")
    assigned.setText("2021年3月10日")  # the stored 2021-03-10, written another way
    assert not form.is_dirty()
    assert window.close_form(form)
    assert prompter.asked == []  # closing asked nothing


def test_ctrl_z_undoes_typing_in_the_field_then_the_saved_edit(qtbot, make_window, demo_store: Store) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    def field_claims_ctrl_z(widget) -> bool:
        """What Qt asks a focused field before running a window shortcut: does it want the key itself?"""
        event = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        event.ignore()
        QApplication.sendEvent(widget, event)
        return event.isAccepted()

    window = make_window(demo_store)
    [proposal] = demo_store.list(Proposal)
    form = window.open_record("proposal", proposal.id)
    unit = _edit(form, "leadUnitEdit")
    assert not field_claims_ctrl_z(unit)  # nothing typed: Ctrl+Z is the ledger's undo
    unit.clear()
    qtbot.keyClicks(unit, "ABC")
    assert field_claims_ctrl_z(unit)  # typing to undo: the field keeps Ctrl+Z
    assert form.save() is not None and demo_store.get(Proposal, proposal.id).lead_unit == "ABC"
    assert not field_claims_ctrl_z(unit)  # saved: the typing history is gone, Ctrl+Z undoes the saved edit
    window.undo_action.trigger()
    assert demo_store.get(Proposal, proposal.id).lead_unit == proposal.lead_unit
    assert unit.text() == (proposal.lead_unit or "")
