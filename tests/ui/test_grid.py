"""The lists work like a ledger: cells edited in place, many rows at once, copy out, paste in, new in context."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QMenu, QPushButton, QTableView

from db import Store
from desktop.core.grid import parse_tsv
from desktop.core.records import Commitment, Evidence, Proposal, Reply, Target
from tests.ui.conftest import type_text


def _column(model, header: str) -> int:
    return next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == header)


def _row(model, column: int, text: str) -> int:
    return next(r for r in range(model.rowCount()) if model.index(r, column).data() == text)


def _history(store: Store, table: str) -> list[str]:
    return [entry.action for entry in store.history(table)]


def _menu_action(menu: QMenu, name: str):
    for action in menu.actions():
        if action.objectName() == name:
            return action
        if action.menu() is not None:
            found = _menu_action(action.menu(), name)
            if found is not None:
                return found
    return None


def _paste_dialog(qtbot, window, page, text: str):
    """The preview of pasting ``text`` (as copied from Excel) into ``page``."""
    QApplication.clipboard().setText(text)
    page.paste_clipboard()
    dialog = window.paste_dialog
    qtbot.addWidget(dialog)
    return dialog


def test_grid_inline_edit_is_saved_with_history_and_undone(qtbot, make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    window.show_page("proposals")
    page = window.pages["proposals"]
    table = page.findChild(QTableView, "proposalTable")
    title = _column(page.model, "Title")
    index = page.model.index(0, title)
    [proposal] = demo_store.list(Proposal)
    before = len(_history(demo_store, "proposals"))
    # Like a spreadsheet: select the cell, F2, type, Enter.
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.findChild(QLineEdit, "cellEditor")
    assert editor is not None and editor.text() == proposal.title
    editor.selectAll()
    type_text(qtbot, editor, "新基建纳入十四五规划")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: demo_store.get(Proposal, proposal.id).title == "新基建纳入十四五规划", timeout=3000)
    assert page.model.index(0, title).data() == "新基建纳入十四五规划"
    assert _history(demo_store, "proposals")[before:] == ["update"]
    assert window.undo_action.isEnabled() and window.undo_action.text() == "&Undo"  # a short, fixed text
    window.undo_action.trigger()
    assert demo_store.get(Proposal, proposal.id).title == proposal.title
    assert _history(demo_store, "proposals")[before:] == ["update", "update"]  # the undo is kept in the history


def test_grid_choice_cell_and_refused_value(qtbot, make_window, demo_store: Store, prompter) -> None:
    window = make_window(demo_store)
    page = window.pages["commitments"]
    state = _column(page.model, "State")
    row = _row(page.model, 0, "累计开通5G基站超1万个")
    table = page.table
    table.setFocus()
    table.setCurrentIndex(page.model.index(row, state))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = table.findChild(QComboBox, "cellChoiceEditor")
    combo.setCurrentIndex(combo.findData("at_risk"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    commitment_id = page.model.row_commitment(row)
    qtbot.waitUntil(lambda: demo_store.get(Commitment, commitment_id).manual_state == "at_risk", timeout=3000)
    # A date that is not one is refused, with the reason, and nothing is written.
    deadline = _column(page.model, "Deadline")
    assert not page.model.setData(page.model.index(row, deadline), "2021-13-40")
    assert prompter.asked[-1][0] == "error" and "2021-13-40" in prompter.asked[-1][1]


def test_grid_bulk_state_of_50_rows_is_one_transaction_and_one_undo(qtbot, make_window, store: Store,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    store.save_many(Proposal(session="常州市十六届人大五次会议", number=f"第{n:03d}号", title=f"建议{n}")
                    for n in range(1, 51))
    window = make_window(store)
    window.show_page("proposals")
    page = window.pages["proposals"]
    assert page.model.rowCount() == 50
    page.table.selectAll()
    menu = window.list_context_menu(page)
    closed = _menu_action(menu, "bulk_state_closed")
    steps = window.undo_stack.count()
    transactions: list[object] = []
    begin_write = store.dialect.begin_write
    monkeypatch.setattr(store.dialect, "begin_write",
                        lambda conn, location, *rest: (transactions.append(location),
                                                       begin_write(conn, location, *rest))[-1])
    closed.trigger()
    monkeypatch.undo()
    assert {p.state for p in store.list(Proposal)} == {"closed"}
    assert len(transactions) == 1  # one transaction
    assert window.undo_stack.count() == steps + 1  # one undo step
    assert _history(store, "proposals").count("update") == 50
    window.undo_action.trigger()
    assert {p.state for p in store.list(Proposal)} == {"open"}
    window.redo_action.trigger()
    assert {p.state for p in store.list(Proposal)} == {"closed"}


def test_grid_bulk_value_asked_and_delete_many_with_one_undo(qtbot, make_window, demo_store: Store,
                                                             prompter) -> None:
    window = make_window(demo_store)
    page = window.pages["commitments"]
    page.table.selectAll()
    prompter.texts = ["工业和信息化局"]
    _menu_action(window.list_context_menu(page), "bulk_responsible_unit").trigger()
    assert {c.responsible_unit for c in demo_store.list(Commitment)} == {"工业和信息化局"}
    # Delete three targets: one question, one transaction, and one undo brings them back with their evidence.
    targets = demo_store.count(Target)
    evidence = demo_store.count(Evidence)
    rows = [r for r in range(page.model.rowCount()) if (page.model.key(r) or 0) > 0][:3]
    page.select_rows(rows)
    assert window.delete_action.isEnabled()
    assert window.delete_selected()
    assert [kind for kind, _ in prompter.asked].count("confirm") == 1
    assert demo_store.count(Target) == targets - 3
    window.undo_action.trigger()
    assert demo_store.count(Target) == targets and demo_store.count(Evidence) == evidence
    assert demo_store.verify_history() == []


def test_grid_copy_gives_tsv_with_headers(qtbot, make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    page = window.pages["commitments"]
    first = _row(page.model, 0, "累计开通5G基站超1万个")
    page.select_rows([first, first + 1])
    page.table.setFocus()
    page.copy_action.trigger()
    text = QApplication.clipboard().text()
    cells = parse_tsv(text)
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert cells[0] == headers
    assert len(cells) == 3 and cells[1][0] == "累计开通5G基站超1万个"
    assert text.split("\r\n")[0] == "\t".join(headers)


def test_grid_paste_of_a_tsv_block_creates_the_rows(qtbot, make_window, store: Store) -> None:
    window = make_window(store)
    window.show_page("proposals")
    page = window.pages["proposals"]
    QApplication.clipboard().setText(
        "届次\t建议编号\t建议标题\t领衔代表\t交办日期\t主办单位\r\n"
        "常州市十六届人大五次会议\t第021号\t关于新基建的建议\t魏农\t2021.3.10\t市工信局\r\n"
        "常州市十六届人大五次会议\t第045号\t\"关于加快\t充电桩建设的建议\"\t王芳、李明\t2021年3月10日\t市交通局\r\n"
        "常州市十六届人大五次会议\t第046号\t关于智能制造的建议\t张伟\t2021-03-12\t市工信局\r\n")
    page.table.setFocus()
    page.paste_action.trigger()
    dialog = window.paste_dialog
    qtbot.addWidget(dialog)
    assert dialog.findChild(QTableView, "pastePreviewTable").model().rowCount() == 3
    add = dialog.findChild(QPushButton, "pasteAddButton")
    assert add.isEnabled() and add.text() == "Add 3 row(s)"
    steps = window.undo_stack.count()
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    proposals = {p.number: p for p in store.list(Proposal)}
    assert sorted(proposals) == ["第021号", "第045号", "第046号"]
    assert proposals["第045号"].title == "关于加快\t充电桩建设的建议"
    assert [p.name for p in proposals["第045号"].proposers] == ["王芳", "李明"]
    assert proposals["第021号"].assigned_date.isoformat() == "2021-03-10"
    assert window.undo_stack.count() == steps + 1
    window.undo_action.trigger()
    assert store.count(Proposal) == 0


def test_grid_paste_with_a_bad_row_adds_nothing(qtbot, make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    window.show_page("commitments")
    page = window.pages["commitments"]
    dialog = _paste_dialog(qtbot, window, page, "承诺事项\t完成时限\n建成5G基站1万个\t2021年底\n\t2022年底\n")
    # The only reply of the ledger is the reply of the pasted commitments.
    assert dialog.reply_picker.value() == demo_store.list(Reply)[0].id
    problems = dialog.findChild(QLabel, "pasteProblems")
    assert "Row 2" in problems.text()
    assert not dialog.findChild(QPushButton, "pasteAddButton").isEnabled()


def test_grid_new_in_context_fills_the_parent(qtbot, make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    [proposal] = demo_store.list(Proposal)
    [reply] = demo_store.list(Reply)
    window.show_page("proposals")
    window.pages["proposals"].table.selectRow(0)
    form = window.new_for_page()
    assert form.kind == "reply" and form.by_name["proposal_id"].value() == proposal.id
    window.show_page("replies")
    window.pages["replies"].table.selectRow(0)
    form = window.new_for_page()
    assert form.kind == "commitment" and form.by_name["reply_id"].value() == reply.id
    page = window.pages["commitments"]
    window.show_page("commitments")
    row = _row(page.model, 0, "累计开通5G基站超1万个")
    page.table.setCurrentIndex(page.model.index(row, 0))  # the commitment's own column
    form = window.new_for_page()
    assert form.kind == "target" and form.by_name["commitment_id"].value() == page.model.row_commitment(row)
    page.table.setCurrentIndex(page.model.index(row, 1))  # the target's indicator
    form = window.new_for_page()
    assert form.kind == "evidence" and form.by_name["target_id"].value() == page.model.key(row)
    assert form.findChild(QComboBox, "comparatorEdit").currentData() == "="  # a reported figure is exact


def test_grid_creation_is_undone_and_redone(qtbot, make_window, store: Store) -> None:
    window = make_window(store)
    form = window.new_record("proposal")
    form.by_name["session"].set_raw("常州市十六届人大五次会议")
    form.by_name["number"].set_raw("第021号")
    form.by_name["title"].set_raw("新基建")
    form.by_name["proposers"].set_raw("魏农")
    form.by_name["number"].widget.textChanged.emit("第021号")
    assert form.save() is not None
    assert store.count(Proposal) == 1 and window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert store.count(Proposal) == 0
    assert window.editor_tabs.count() == 0  # the form of the record undone is closed
    window.redo_action.trigger()
    [proposal] = store.list(Proposal)
    assert [p.name for p in proposal.proposers] == ["魏农"]


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_grid_columns_fit_their_content(qtbot, make_window, demo_store: Store, store: Store, size) -> None:
    window = make_window(demo_store)
    window.resize(*size)
    page = window.pages["commitments"]
    header = page.table.horizontalHeader()
    title, kind = _column(page.model, "Commitment"), _column(page.model, "Kind")
    assert header.sectionSize(title) > header.sectionSize(kind)
    empty = make_window(store)
    empty.leave_welcome()
    proposals = empty.pages["proposals"]
    widths = [proposals.table.horizontalHeader().sectionSize(c) for c in range(proposals.model.columnCount())]
    metrics = proposals.table.horizontalHeader().fontMetrics()
    headers = [proposals.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(widths))]
    assert all(width >= metrics.horizontalAdvance(text) for width, text in zip(widths, headers, strict=True))
    label = proposals.findChild(QLabel, "emptyListLabel")
    assert label.isVisibleTo(proposals) and "Ctrl+N" in label.text()


def test_grid_columns_fit_rows_that_arrive_after_the_window_is_shown(qtbot, make_window, demo_store: Store) -> None:
    """With the real pool the keys arrive after the window is laid out; stretching the last column on show is not
    a user's resize, so the columns still fit the rows when they come."""
    from desktop.ui.workers import ThreadPool

    window = make_window(demo_store, pool=ThreadPool())
    window.resize(1280, 720)
    page = window.pages["commitments"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.loading, timeout=10_000)
    header = page.table.horizontalHeader()
    title, kind = _column(page.model, "Commitment"), _column(page.model, "Kind")
    assert not page.user_sized
    assert header.sectionSize(title) > 2 * header.sectionSize(kind)


def test_grid_column_dragged_by_the_user_is_kept(qtbot, make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    window.resize(1280, 720)
    page = window.pages["commitments"]
    header = page.table.horizontalHeader()
    kind = _column(page.model, "Kind")
    edge = header.sectionViewportPosition(kind) + header.sectionSize(kind) - 1
    y = header.height() // 2
    before = header.sectionSize(kind)
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(edge + 60, y), QPointF(edge + 60, y),
                       Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(header.viewport(), move)
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 60, y))
    assert header.sectionSize(kind) > before
    assert page.user_sized


def test_grid_new_in_an_empty_ledger_starts_with_the_proposal(qtbot, make_window, store: Store) -> None:
    window = make_window(store)
    assert window.showing_welcome()
    window.new_action.trigger()  # Ctrl+N on the welcome page, whatever list lies behind it
    assert window.current_form().kind == "proposal"
    window.current_form().by_name["session"].set_raw("常州市十六届人大五次会议")
    window.current_form().by_name["number"].set_raw("第021号")
    window.current_form().by_name["title"].set_raw("关于加快5G建设的建议")
    window.current_form()._on_field_changed()
    assert window.current_form().save() is not None
    window.show_page("commitments")
    window.pages["commitments"].table.clearSelection()
    assert window.new_kind_for_page() == "reply"  # no reply yet for a commitment to belong to


def test_grid_new_ledger_from_the_welcome_page(qtbot, make_window, store: Store, prompter, tmp_path: Path) -> None:
    window = make_window(store)
    assert window.showing_welcome()
    prompter.new_ledger_path = tmp_path / "2022年台账.sqlite3"
    with qtbot.waitSignal(window.open_ledger_requested) as opened:
        qtbot.mouseClick(window.findChild(QPushButton, "welcomeNewLedgerButton"), Qt.MouseButton.LeftButton)
    assert opened.args == [prompter.new_ledger_path]
    with Store.open(prompter.new_ledger_path, create=False) as created:
        assert created.schema_version >= 2 and created.counts().proposals == 0
    qtbot.mouseClick(window.findChild(QPushButton, "welcomeStartButton"), Qt.MouseButton.LeftButton)
    assert not window.showing_welcome()


def test_grid_ctrl_n_goes_down_the_chain_from_a_record_just_made(qtbot, make_window, demo_store: Store) -> None:
    window = make_window(demo_store)

    def fill(form, **values) -> None:
        for name, value in values.items():
            form.by_name[name].set_raw(value)
        form._on_field_changed()
        assert form.save() is not None, form.problems()
        window.refresh()  # what the refresh timer does a moment after a save

    window.show_page("proposals")
    window.pages["proposals"].table.clearSelection()
    form = window.new_record("proposal")
    fill(form, session="常州市十六届人大六次会议", number="第101号", title="数字乡村", assigned_date="2022-03-01")
    proposal = form.record
    window.new_action.trigger()
    reply = window.current_form()
    assert reply.kind == "reply" and reply.by_name["proposal_id"].value() == proposal.id
    fill(reply, doc_number="常工信复〔2022〕第8号", issuing_office="常州市工业和信息化局")
    window.show_page("replies")
    window.new_action.trigger()
    commitment = window.current_form()
    assert commitment.kind == "commitment" and commitment.by_name["reply_id"].value() == reply.record.id
    assert commitment.by_name["responsible_unit"].raw() == "常州市工业和信息化局"
    fill(commitment, title="建成数字乡村示范村10个", deadline="2022-12-31")
    window.show_page("commitments")
    window.new_action.trigger()
    target = window.current_form()
    assert target.kind == "target" and target.by_name["commitment_id"].value() == commitment.record.id
    assert target.by_name["deadline"].raw() == "2022-12-31"
    fill(target, indicator="数字乡村示范村数", value="10个")
    window.new_action.trigger()
    evidence = window.current_form()
    assert evidence.kind == "evidence" and evidence.by_name["target_id"].value() == target.record.id
    assert evidence.findChild(QComboBox, "comparatorEdit").currentData() == "="


def test_grid_paste_into_replies_finds_each_rows_proposal(qtbot, make_window, store: Store) -> None:
    first = store.save(Proposal(session="常州市十六届人大五次会议", number="第021号", title="新基建"))
    second = store.save(Proposal(session="常州市十六届人大五次会议", number="第045号", title="充电桩"))
    window = make_window(store)
    window.show_page("replies")
    page = window.pages["replies"]
    QApplication.clipboard().setText(
        "建议编号\t答复文号\t答复日期\t办理结果\t签发人\r\n"
        "第021号\t常工信复〔2021〕第39号\t2021年6月8日\t解决采纳\t沈新峰\r\n"
        "45\t常交复〔2022〕第12号\t2022-06-20\tB\t李明\r\n")
    page.table.setFocus()
    assert window.paste_rows_action.isEnabled()  # Edit › Paste rows from Excel… too, not only Ctrl+V
    page.paste_action.trigger()
    dialog = window.paste_dialog
    qtbot.addWidget(dialog)
    assert dialog.findChild(QTableView, "pastePreviewTable").model().rowCount() == 2
    add = dialog.findChild(QPushButton, "pasteAddButton")
    assert add.isEnabled() and add.text() == "Add 2 row(s)"
    steps = window.undo_stack.count()
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    replies = {r.doc_number: r for r in store.list(Reply)}
    new_infrastructure, charging = replies["常工信复〔2021〕第39号"], replies["常交复〔2022〕第12号"]
    assert (new_infrastructure.proposal_id, new_infrastructure.result_class) == (first.id, "A")
    assert (charging.proposal_id, charging.signer) == (second.id, "李明")
    assert window.undo_stack.count() == steps + 1
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    # A copy of the list pastes back: its proposal column names the proposal as the list shows it.
    page.select_rows([0, 1])
    page.copy_action.trigger()
    store.delete_many([(Reply, r.id) for r in replies.values()])
    page.paste_clipboard()
    again = window.paste_dialog
    qtbot.addWidget(again)
    assert again.plan.records and not again.plan.problems
    assert sorted((r.proposal_id, r.doc_number) for r in again.plan.records) == sorted(
        (r.proposal_id, r.doc_number) for r in replies.values())


def test_grid_paste_into_replies_names_a_missing_proposal(qtbot, make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    window.show_page("replies")
    page = window.pages["replies"]
    dialog = _paste_dialog(qtbot, window, page, "建议编号\t答复文号\n第099号\t常工信复〔2021〕第77号\n")
    assert "Row 1, column '建议编号': No proposal 第099号 is in the ledger" in \
        dialog.findChild(QLabel, "pasteProblems").text()
    assert not dialog.findChild(QPushButton, "pasteAddButton").isEnabled()
    before = demo_store.count(Reply)
    dialog.findChild(QComboBox, "pasteColumn0Combo").setCurrentIndex(0)  # (not imported): the chosen proposal
    assert dialog.findChild(QComboBox, "pasteProposalPicker").value() == demo_store.list(Proposal)[0].id
    qtbot.mouseClick(dialog.findChild(QPushButton, "pasteAddButton"), Qt.MouseButton.LeftButton)
    assert demo_store.count(Reply) == before + 1


def test_grid_paste_into_evidence_of_the_selected_target(qtbot, make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    [stations] = demo_store.list(Target, "value_normalized = 10000")
    window.show_page("evidence")
    page = window.pages["evidence"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    page.select_rows([0])  # the 常州日报 figure of the base stations: new evidence is for the same target
    dialog = _paste_dialog(qtbot, window, page, "截至日期\t数值\t单位\t来源\t发布单位\n"
                                                "2022-06-30\t12500\t个\t全市通信业运行情况\t市通信管理办\n"
                                                "2022-09-30\t1.4万个\t\t全市通信业运行情况\t市通信管理办\n")
    assert dialog.findChild(QComboBox, "pasteTargetPicker").value() == stations.id
    before = demo_store.count(Evidence, "target_id = ?", (stations.id,))
    qtbot.mouseClick(dialog.findChild(QPushButton, "pasteAddButton"), Qt.MouseButton.LeftButton)
    added = demo_store.list(Evidence, "target_id = ? AND as_of_date >= '2022-06-30'", (stations.id,),
                            order_by="as_of_date")
    assert [(str(e.as_of_date), e.value_normalized, e.publisher, e.recorded_by) for e in added] == [
        ("2022-06-30", 12500, "市通信管理办", "tester"), ("2022-09-30", 14000, "市通信管理办", "tester")]
    assert demo_store.count(Evidence, "target_id = ?", (stations.id,)) == before + 2
    window.undo_action.trigger()
    assert demo_store.count(Evidence, "target_id = ?", (stations.id,)) == before
