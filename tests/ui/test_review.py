from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
)

from db import Store
from db.letters import import_files
from desktop.core.letter_review import ACCEPTED, REJECTED
from desktop.core.records import Commitment, Evidence, Proposal, Reply, SourceDocument, Suggestion, Target
from desktop.ui.prompts import CANCEL, DISCARD
from desktop.ui.review import LetterReviewWindow
from tests.conftest import DEMO_DIR
from tests.letters import write_small_letter
from tests.ui.conftest import type_text


def _open(qtbot, window, path: Path) -> LetterReviewWindow:
    review = window.open_letter(path)
    qtbot.addWidget(review)
    return review


def _button(review, name: str) -> QPushButton:
    return review.findChild(QPushButton, name)


def _click(qtbot, review, name: str) -> None:
    qtbot.mouseClick(_button(review, name), Qt.MouseButton.LeftButton)


def _select(qtbot, review, row: int) -> None:
    """Click the suggestion of review item ``row`` (unfolding its promise when it is a baseline)."""
    table = review.table
    index = review.view_index(row, 1)
    if index.parent().isValid():
        table.expand(index.parent())
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_review_accepts_two_rejects_one_and_saves_exactly_that(qtbot, make_window, store: Store,
                                                                 tmp_path: Path) -> None:
    window = make_window(store)
    review = _open(qtbot, window, write_small_letter(tmp_path))
    assert len(review.review.items) == 3
    # Promises first; the baseline (目前…3200个) is folded under the promise it measures (…累计超过1万个).
    assert review.model.rowCount() == 2
    assert review.model.rowCount(review.model.index(1, 0)) == 1
    assert review.model.index(0, 0, review.model.index(1, 0)).data(Qt.ItemDataRole.UserRole + 10) == 0
    assert not review.table.isExpanded(review.view_index(2))
    text_view = review.findChild(QPlainTextEdit, "letterText")
    # Every extracted target is highlighted in the letter.
    highlighted = [selection.cursor.selectedText() for selection in text_view.extraSelections()]
    assert highlighted == [item.target.quote for item in review.review.items]
    # Clicking a suggestion selects its quote in the text.
    _select(qtbot, review, 2)
    assert text_view.textCursor().selectedText() == "到2025年底全市公共充电桩累计超过1万个"
    _select(qtbot, review, 1)
    _click(qtbot, review, "acceptButton")
    assert review.current_row() == 2  # moves on to the next undecided suggestion
    _click(qtbot, review, "acceptButton")
    assert review.current_row() == 0  # the baseline of that promise
    _click(qtbot, review, "rejectButton")
    assert review.findChild(QLabel, "reviewSummary").text() == "2 accepted, 1 rejected, 0 to review"
    save = _button(review, "saveReviewButton")
    assert not save.isEnabled()  # the header is not confirmed yet
    assert "Confirm that you checked the header." in review.findChild(QLabel, "reviewMessage").text()
    review.findChild(QCheckBox, "headerConfirmedCheck").setChecked(True)
    assert save.isEnabled()
    with qtbot.waitSignal(review.saved):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert [(t.kind, t.indicator, t.value, t.unit) for t in store.list(Target)] == [
        ("commitment", "新建公共充电桩数", 1500, "个"), ("commitment", "公共充电桩数", 1, "万个")]
    assert store.count(Commitment) == 2
    assert {s.payload["value"]: s.state for s in store.list(Suggestion)} == {
        3200: "rejected", 1500: "accepted", 1: "accepted"}  # kept, so that the letter reviewed again shows them
    assert store.count(Reply) == store.count(Proposal) == store.count(SourceDocument) == 1
    reply = store.list(Reply)[0]
    assert (reply.doc_number, reply.signer, reply.handler) == ("常交复〔2022〕第12号", "李明", "张伟")
    # The main window shows the new records.
    qtbot.waitUntil(lambda: window.pages["commitments"].model.rowCount() == 2, timeout=3000)
    assert window.review_windows == []


def test_review_edits_a_suggestion_and_the_header_before_saving(qtbot, make_window, store: Store,
                                                                 tmp_path: Path) -> None:
    window = make_window(store)
    review = _open(qtbot, window, write_small_letter(tmp_path))
    _select(qtbot, review, 1)
    editor = review.editor
    value = editor.findChild(QLineEdit, "valueEdit")
    assert value.text() == "1500个"
    value.selectAll()
    qtbot.keyClick(value, Qt.Key.Key_Delete)
    type_text(qtbot, value, "很多")
    assert editor.findChild(QLabel, "valueError").isVisibleTo(editor)
    value.selectAll()
    qtbot.keyClick(value, Qt.Key.Key_Delete)
    type_text(qtbot, value, "1600个")
    link = editor.findChild(QComboBox, "commitmentLinkCombo")
    link.setCurrentIndex(link.findData(review.review.items[2].link))  # join the third one's commitment
    title = editor.findChild(QLineEdit, "commitmentTitleEdit")
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Delete)
    type_text(qtbot, title, "充电桩建设")
    _click(qtbot, review, "acceptButton")
    _click(qtbot, review, "acceptButton")
    _select(qtbot, review, 0)
    _click(qtbot, review, "rejectButton")
    phone = review.findChild(QLineEdit, "phoneEdit")
    phone.clear()
    type_text(qtbot, phone, "85")
    review.findChild(QCheckBox, "headerConfirmedCheck").setChecked(True)
    assert not _button(review, "saveReviewButton").isEnabled()
    phone.clear()
    type_text(qtbot, phone, "0519-85580001")
    assert _button(review, "saveReviewButton").isEnabled()
    assert review.save()
    assert [(t.indicator, t.value) for t in store.list(Target)] == [("新建公共充电桩数", 1600), ("公共充电桩数", 1)]
    assert [c.title for c in store.list(Commitment)] == ["充电桩建设"]
    assert store.list(Reply)[0].phone == "0519-85580001"


def test_review_of_the_seed_letter_highlights_every_suggestion(qtbot, make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    review = _open(qtbot, window, DEMO_DIR / "reply_changgongxinfu_2021_39.md")
    assert len(review.review.items) >= 10
    assert len(review.findChild(QPlainTextEdit, "letterText").extraSelections()) == len(review.review.items)
    # The 15 promises come first, each baseline under the promise it measures.
    promises = sum(1 for item in review.review.items if item.target.kind != "baseline")
    top = [review.model.index(row, 0) for row in range(review.model.rowCount())]
    assert sum(1 for index in top if review.model.item_row(index) is not None) == promises
    assert all(review.review.items[review.model.item_row(index)].target.kind != "baseline" for index in top
               if review.model.item_row(index) is not None)
    indicators = [item.target.indicator for item in review.review.items]
    assert any("基站" in indicator for indicator in indicators)
    # The demo already holds this reply: the review offers its commitments and will update it, and shows every
    # promise of the letter as in the ledger (the two without a figure as the commitments quoting them).
    assert review.review.existing_reply_id == demo_store.list(Reply)[0].id
    promises = [item for item in review.review.items if item.target.kind == "commitment"]
    assert len(promises) == 15 and all(item.in_ledger for item in promises)
    assert {item.link for item in promises} == {f"commitment:{c.id}" for c in demo_store.list(Commitment)}
    link = review.editor.findChild(QComboBox, "commitmentLinkCombo")
    assert any(str(link.itemData(i)).startswith("commitment:") for i in range(link.count()))


def test_dropping_a_letter_opens_the_review(qtbot, make_window, store: Store, tmp_path: Path) -> None:
    window = make_window(store)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(write_small_letter(tmp_path)))])
    # What the platform sends when a file is dragged over the window and let go.
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert len(window.review_windows) == 1
    review = window.review_windows[0]
    qtbot.addWidget(review)
    assert len(review.review.items) == 3


def test_review_of_an_unreadable_file_says_why(qtbot, make_window, prompter, store: Store, tmp_path: Path) -> None:
    window = make_window(store)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    prompter.letter_path = empty
    window.import_action.trigger()
    review = window.review_windows[0]
    qtbot.addWidget(review)
    assert prompter.asked[-1][0] == "error"
    assert "is empty" in prompter.asked[-1][1]
    assert review.findChild(QLabel, "reviewMessage").text() == prompter.asked[-1][1]
    assert not review.has_unsaved_changes()


def test_closing_an_unsaved_review_asks(qtbot, make_window, prompter, store: Store, tmp_path: Path) -> None:
    window = make_window(store)
    review = _open(qtbot, window, write_small_letter(tmp_path))
    prompter.unsaved_answer = CANCEL
    assert not review.close()
    assert not window.close()  # the main window asks for the review too
    assert [kind for kind, _ in prompter.asked] == ["unsaved", "unsaved"]
    prompter.unsaved_answer = DISCARD
    assert window.close()
    assert store.count(Reply) == 0


def test_suggestion_model_passes_the_model_tester(qtbot, qtmodeltester, make_window, store: Store,
                                                  tmp_path: Path) -> None:
    window = make_window(store)
    review = _open(qtbot, window, write_small_letter(tmp_path))
    qtmodeltester.check(review.model)
    _click(qtbot, review, "acceptButton")
    qtmodeltester.check(review.model)


def test_a_news_report_is_kept_and_its_figures_suggested_as_evidence(qtbot, make_window, prompter,
                                                                       demo_store: Store, tmp_path: Path) -> None:
    # The demo without its recorded 5G figure, and another copy of the 2022-03-03 report that states it (the demo
    # holds the original file already).
    demo_store.delete(Evidence, demo_store.list(Evidence)[0].id)
    window = make_window(demo_store)
    report = tmp_path / "news_copy.md"
    report.write_bytes((DEMO_DIR / "news_2022-03-03_changzhou_digital_economy.md").read_bytes() + b"\n")
    sources = demo_store.count(SourceDocument)
    window.open_letter(report)
    assert window.review_windows == []  # not a letter: no review window stays open
    assert demo_store.count(SourceDocument) == sources + 1
    assert window.current_page_kind() == "suggestions"
    kind, message = prompter.asked[-1]
    assert kind == "info" and "is not a reply letter" in message
    panel = window.lazy_pages["suggestions"]
    assert panel.model.rowCount() >= 1
    figures = [panel.model.index(row, 2).data() for row in range(panel.model.rowCount())]
    assert any("11080" in (figure or "") for figure in figures)
    row = next(r for r, figure in enumerate(figures) if "11080" in (figure or ""))
    panel.table.selectRow(row)
    evidence = demo_store.counts().evidence
    qtbot.mouseClick(panel.findChild(QPushButton, "acceptSuggestionButton"), Qt.MouseButton.LeftButton)
    assert demo_store.counts().evidence == evidence + 1
    # Importing the same file again changes nothing.
    window.open_letter(report)
    assert demo_store.count(SourceDocument) == sources + 1
    assert prompter.asked[-1] == ("info", "news_copy.md was imported before; nothing changed.")


def test_review_saves_with_undecided_suggestions_and_records_a_baseline_on_its_target(
        qtbot, make_window, store: Store, tmp_path: Path) -> None:
    window = make_window(store)
    review = _open(qtbot, window, write_small_letter(tmp_path))
    link = review.editor.findChild(QComboBox, "commitmentLinkCombo")
    _select(qtbot, review, 0)  # the baseline starts in the commitment of the target it measures
    assert link.currentData() == review.review.items[2].link
    _click(qtbot, review, "acceptButton")
    _select(qtbot, review, 2)
    _click(qtbot, review, "acceptButton")
    summary = review.findChild(QLabel, "reviewSummary")
    assert summary.text() == "2 accepted, 0 rejected, 1 to review (saving keeps 1 undecided suggestion(s) for later)"
    review.findChild(QCheckBox, "headerConfirmedCheck").setChecked(True)
    save = _button(review, "saveReviewButton")
    assert save.isEnabled()  # an undecided suggestion does not block saving
    with qtbot.waitSignal(review.saved_summary) as saved:
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "1 undecided suggestion(s) are kept for later" in saved.args[0]
    assert window.statusBar().currentMessage() == saved.args[0]
    [target] = store.list(Target)
    assert (target.indicator, target.baseline_value, target.baseline_unit, str(target.baseline_date)) == (
        "公共充电桩数", 3200, "个", "2022-06-20")
    assert store.count(Commitment) == 1
    [pending] = store.list(Suggestion, "state = 'pending'")
    assert (pending.kind, pending.state, pending.payload["indicator"]) == ("target", "pending", "新建公共充电桩数")


def _decision_texts(review) -> list[str]:
    return review.item_texts(0)


def test_a_letter_reviewed_again_shows_the_earlier_decisions_and_saves_nothing_twice(
        qtbot, make_window, store: Store, tmp_path: Path) -> None:
    window = make_window(store)
    path = write_small_letter(tmp_path)
    first = _open(qtbot, window, path)
    _select(qtbot, first, 1)
    _click(qtbot, first, "rejectButton")  # 新建公共充电桩1500个
    _click(qtbot, first, "acceptButton")  # 公共充电桩累计超过1万个; the baseline is left undecided
    first.findChild(QCheckBox, "headerConfirmedCheck").setChecked(True)
    assert first.save()
    [target] = store.list(Target)
    # The same letter again: the accepted item is in the ledger, the rejected one rejected, the baseline undecided.
    again = _open(qtbot, window, path)
    assert _decision_texts(again) == ["To review", "Rejected", "In the ledger"]
    title = store.list(Commitment)[0].title
    assert [again.item_texts(7)[row] for row in (0, 2)] == [f"Existing: {title}"] * 2
    assert "Decided before: 1 in the ledger (not saved again), 1 rejected; 1 undecided." in again.findChild(
        QLabel, "reviewNotes").text()
    assert again.findChild(QLabel, "reviewSummary").text().startswith(
        "0 accepted, 1 rejected, 1 to review, 1 already in the ledger")
    _select(qtbot, again, 2)
    assert not _button(again, "acceptButton").isEnabled() and not _button(again, "rejectButton").isEnabled()
    assert not again.editor.isEnabled()  # what is in the ledger is edited in its own form
    again.decide(REJECTED, 2)
    assert again.review.items[2].decision == ACCEPTED
    _click(qtbot, again, "acceptRestButton")  # accepts only the baseline
    assert _decision_texts(again) == ["Accepted", "Rejected", "In the ledger"]
    again.findChild(QCheckBox, "headerConfirmedCheck").setChecked(True)
    with qtbot.waitSignal(again.saved_summary) as saved:
        assert again.save()
    assert saved.args[0].startswith("Saved: reply #1 with 0 target(s).")
    [same] = store.list(Target)  # no second target: the baseline is recorded on the one in the ledger
    assert (same.id, same.baseline_value, same.baseline_unit) == (target.id, 3200, "个")
    assert store.count(Commitment) == 1 and store.count(Reply) == 1
    assert {s.payload["value"]: s.state for s in store.list(Suggestion)} == {
        3200: "accepted", 1500: "rejected", 1: "accepted"}


# The offscreen platform cannot raise a window or let a popup menu grab the keyboard, and says so.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_undecided_suggestions_are_decided_from_the_replies_list(qtbot, make_window, prompter, store: Store,
                                                                 tmp_path: Path) -> None:
    path = write_small_letter(tmp_path)
    [outcome] = import_files(store, [path])  # the command line: three pending suggestions
    path.unlink()  # reviewing again reads the stored letter, not the file
    window = make_window(store)
    assert not window.review_again_action.isEnabled()
    window.show_page("replies")
    page = window.pages["replies"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    undecided = next(column for column in range(page.model.columnCount())
                     if page.model.headerData(column, Qt.Orientation.Horizontal) == "Undecided suggestions")
    assert page.model.index(0, undecided).data() == "3"
    page.table.selectRow(0)
    assert window.review_again_action.isEnabled()
    # The list's context menu offers it.
    page.table.customContextMenuRequested.emit(page.table.visualRect(page.model.index(0, 0)).center())
    menu = window.findChild(QMenu, "repliesContextMenu")
    assert window.review_again_action in menu.actions()
    menu.close()
    window.review_again_action.trigger()
    [review] = window.review_windows
    qtbot.addWidget(review)
    assert review.windowTitle() == "Review letter again — 常交复〔2022〕第12号"
    assert review.review.existing_reply_id == outcome.reply_id
    assert _decision_texts(review) == ["To review"] * 3
    assert review.findChild(QPlainTextEdit, "letterText").toPlainText() == store.get(Reply, outcome.reply_id).text
    assert review.findChild(QLineEdit, "signerEdit").text() == "李明"  # the stored header
    assert window.review_letter_again(outcome.reply_id) is review  # one window per reply
    assert not review.has_unsaved_changes()  # only looked at so far: closing would ask nothing
    _select(qtbot, review, 1)
    _click(qtbot, review, "acceptButton")
    assert review.has_unsaved_changes()
    review.findChild(QCheckBox, "headerConfirmedCheck").setChecked(True)
    assert review.save()
    assert [(t.indicator, t.value) for t in store.list(Target)] == [("新建公共充电桩数", 1500)]
    assert {s.payload["value"]: s.state for s in store.list(Suggestion)} == {
        3200: "pending", 1500: "accepted", 1: "pending"}
    assert store.count(Suggestion) == 3 and store.count(SourceDocument) == 1
    qtbot.waitUntil(lambda: page.model.index(0, undecided).data() == "2", timeout=3000)


def test_reviewing_again_a_reply_without_a_letter_says_why(make_window, prompter, store: Store) -> None:
    reply = store.save(Reply(doc_number="常交复〔2022〕第13号", title="手工登记的答复"))
    window = make_window(store)
    assert window.review_letter_again(reply.id) is None
    assert prompter.asked[-1] == ("error", "The reply 常交复〔2022〕第13号 has no letter text to review; import its "
                                           "letter file instead.")
    assert window.review_windows == []


def test_a_promise_typed_by_hand_is_offered_as_existing_not_added_twice(qtbot, make_window, store: Store,
                                                                        tmp_path: Path) -> None:
    # The clerk typed the proposal, its reply and one promise by hand before the letter file came.
    proposal = store.save(Proposal(session="常州市十六届人大六次会议", number="第045号", title="充电桩建设"))
    reply = store.save(Reply(proposal_id=proposal.id, title="关于充电桩建设建议的答复"))
    commitment = store.save(Commitment(reply_id=reply.id, title="2025年底公共充电桩超1万个"))
    typed = store.save(Target(commitment_id=commitment.id, indicator="全市公共充电桩数量", comparator=">=", value=1,
                              unit="万个", value_normalized=10000, unit_normalized="个"))
    window = make_window(store)
    review = _open(qtbot, window, write_small_letter(tmp_path))
    item = review.review.items[2]  # 到2025年底全市公共充电桩累计超过1万个
    assert item.duplicate_of == typed.id
    assert _decision_texts(review)[2] == "To review: in the ledger already?"
    assert review.item_texts(7)[2] == "Existing: 2025年底公共充电桩超1万个：全市公共充电桩数量"
    assert "1 suggestion(s) repeat promises the ledger holds already" in review.findChild(QLabel, "reviewNotes").text()
    _select(qtbot, review, 2)
    assert _button(review, "acceptButton").text() == "&Link to existing"
    assert _button(review, "addAsNewButton").isEnabled()
    _click(qtbot, review, "acceptButton")
    assert _decision_texts(review)[2] == "Linked to the existing one"
    review.decide_rest(ACCEPTED)
    review.findChild(QCheckBox, "headerConfirmedCheck").setChecked(True)
    assert review.save()
    targets = store.list(Target)
    assert [t.indicator for t in targets] == ["全市公共充电桩数量", "新建公共充电桩数"]  # the promise is there once
    assert store.get(Target, typed.id).baseline_value == 3200  # its baseline, from the letter
    linked = next(s for s in store.list(Suggestion) if s.payload["value"] == 1)
    assert (linked.state, linked.target_id) == ("accepted", typed.id)


def test_a_repeated_promise_can_be_kept_as_new(qtbot, make_window, store: Store, tmp_path: Path) -> None:
    proposal = store.save(Proposal(session="常州市十六届人大六次会议", number="第045号", title="充电桩"))
    reply = store.save(Reply(proposal_id=proposal.id, title="答复"))
    commitment = store.save(Commitment(reply_id=reply.id, title="充电桩"))
    store.save(Target(commitment_id=commitment.id, indicator="公共充电桩数", comparator=">", value=1, unit="万个",
                      value_normalized=10000, unit_normalized="个"))
    window = make_window(store)
    review = _open(qtbot, window, write_small_letter(tmp_path))
    _select(qtbot, review, 2)
    _click(qtbot, review, "addAsNewButton")
    assert _decision_texts(review)[2] == "Accepted"
    assert review.review.items[2].link.startswith("new:")
    review.findChild(QCheckBox, "headerConfirmedCheck").setChecked(True)
    assert review.save()
    assert [t.indicator for t in store.list(Target)].count("公共充电桩数") == 2


def test_low_confidence_suggestions_are_marked_and_sort_first(qtbot, make_window, store: Store,
                                                              tmp_path: Path) -> None:
    window = make_window(store)
    review = _open(qtbot, window, write_small_letter(tmp_path))
    review.review.items[2].confidence = 0.35
    review.model.all_changed()
    confidence = review.model.CONFIDENCE_COLUMN
    assert review.item_texts(confidence)[2] == "⚠ 35%"
    assert not review.item_texts(confidence)[1].startswith("⚠")
    review.table.sortByColumn(confidence, Qt.SortOrder.AscendingOrder)
    first = review.proxy.mapToSource(review.proxy.index(0, 0))
    assert review.model.item_row(first) == 2
