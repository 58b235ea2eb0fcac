"""Publication check in the app: the reply's personal data listed, and the button that saves a redacted copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from db import Store
from desktop.core.records import Proposal, Reply
from desktop.ui.publication_check import PublicationCheckDialog

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "redaction" / "letter_with_personal_data.txt"


def test_the_demo_reply_from_the_replies_list(qtbot, make_window, demo_store: Store, qtmodeltester) -> None:
    window = make_window(demo_store)
    window.show_page("replies")
    assert not window.publication_check_action.isEnabled()
    window.pages["replies"].table.selectRow(0)
    assert window.publication_check_action.isEnabled()
    assert window.publication_check_action in window.list_context_menu(window.pages["replies"]).actions()
    window.publication_check_action.trigger()
    dialog = window.findChild(PublicationCheckDialog, "publicationCheckDialog")
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert [(item.kind, item.redact) for item in dialog.found] == [("handler", False), ("landline", False)]
    assert dialog.findChild(QLabel, "publicationSummaryLabel").text().startswith(
        "0 item(s) of personal data will be redacted; 2 are kept")


def test_save_a_redacted_copy(qtbot, store: Store, tmp_path: Path) -> None:
    proposal = store.save(Proposal(session="常州市十六届人大五次会议", number="第088号", title="帮扶"))
    reply = store.save(Reply(proposal_id=proposal.id, doc_number="常工信复〔2021〕第88号", handler="曹晓韬",
                             text=FIXTURE.read_text(encoding="utf-8")))
    asked: list[str] = []

    def choose(parent, suggested: str) -> Path:
        asked.append(suggested)
        return tmp_path / "public"

    dialog = PublicationCheckDialog(reply, choose_path=choose)
    qtbot.addWidget(dialog)
    assert sum(1 for item in dialog.found if item.redact) == 17
    with qtbot.waitSignal(dialog.copy_saved) as saved:
        qtbot.mouseClick(dialog.findChild(QPushButton, "saveRedactedButton"), Qt.MouseButton.LeftButton)
    assert asked == ["常工信复〔2021〕第88号.docx"] and saved.args == [str(tmp_path / "public.docx")]
    assert (tmp_path / "public.docx").stat().st_size > 0
    assert dialog.findChild(QLabel, "publicationResultLabel").text() == f"Saved to {tmp_path / 'public.docx'}"
