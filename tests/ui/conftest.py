from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from db import Store
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import LIST_PAGES, MainWindow
from desktop.ui.prompts import DISCARD, Prompter
from desktop.ui.workers import SyncPool, Worker

# The demo is judged as of this day in UI tests (the 2022-03-03 report is known, the 2021 deadlines are past).
AS_OF = dt.date(2022, 3, 31)


@pytest.fixture
def chinese(qapp: QApplication):
    """Install the zh_CN translation for one test, then remove it."""
    translators = install_translators(qapp, "zh_CN")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type like a user: ASCII as key presses, Chinese as an input method commits it (QTest sends ASCII only)."""
    run = ""
    for char in text + "\0":
        if char != "\0" and char.isascii() == (run[:1].isascii() if run else char.isascii()):
            run += char
            continue
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)
        run = char


class HeldPool(SyncPool):
    """Holds the workers it is given until the test runs them: shows what a page looks like while its work is
    still running on a pool thread, and proves that the work goes through the pool."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[Worker] = []

    def start(self, worker: Worker) -> None:
        self.started.append(worker)
        self.held.append(worker)

    def run_all(self) -> None:
        while self.held:
            self.held.pop(0).run()


class ScriptedPrompter(Prompter):
    """Answers the app's questions from a script and records what was asked (stands in for the user)."""

    def __init__(self) -> None:
        super().__init__()
        self.unsaved_answer = DISCARD
        self.restore_answer = True
        self.confirm_answer = True
        self.letter_path: Path | None = None
        self.workbook_path: Path | None = None
        self.ledger_path: Path | None = None
        self.new_ledger_path: Path | None = None
        self.pdf_path: Path | None = None
        self.file_path: Path | None = None
        self.texts: list[str | None] = []  # answers to ask_text, in order
        self.asked: list[tuple[str, object]] = []

    def ask_unsaved(self, parent: QWidget | None, names: list[str]) -> str:
        self.asked.append(("unsaved", list(names)))
        return self.unsaved_answer

    def ask_restore_drafts(self, parent: QWidget | None, names: list[str]) -> bool:
        self.asked.append(("restore", list(names)))
        return self.restore_answer

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.asked.append(("confirm", text))
        return self.confirm_answer

    def show_error(self, parent: QWidget | None, text: str) -> None:
        self.asked.append(("error", text))

    def show_info(self, parent: QWidget | None, text: str) -> None:
        self.asked.append(("info", text))

    def open_letter(self, parent: QWidget | None) -> Path | None:
        self.asked.append(("open_letter", None))
        return self.letter_path

    def open_ledger_workbook(self, parent: QWidget | None) -> Path | None:
        self.asked.append(("open_ledger", None))
        return self.ledger_path

    def save_workbook(self, parent: QWidget | None, suggested: str) -> Path | None:
        self.asked.append(("save_workbook", suggested))
        return self.workbook_path

    def save_ledger(self, parent: QWidget | None, title: str, suggested: str) -> Path | None:
        self.asked.append(("save_ledger", suggested))
        return self.new_ledger_path

    def save_pdf(self, parent: QWidget | None, suggested: str) -> Path | None:
        self.asked.append(("save_pdf", suggested))
        return self.pdf_path

    def save_file(self, parent: QWidget | None, suggested: str) -> Path | None:
        self.asked.append(("save_file", suggested))
        return self.file_path

    def open_any_file(self, parent: QWidget | None) -> Path | None:
        self.asked.append(("open_any_file", None))
        return self.file_path

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        self.asked.append(("ask_text", label))
        return self.texts.pop(0) if self.texts else None


@pytest.fixture
def prompter() -> ScriptedPrompter:
    return ScriptedPrompter()


@pytest.fixture
def make_window(qtbot, prompter: ScriptedPrompter):
    """Build a main window on a store, with the scripted prompter and a synchronous pool. Its list pages are all
    built (tests find their tables by name); ``all_lists=False`` leaves the hidden ones to be built when shown, as
    the app does."""

    def make(store: Store, *, all_lists: bool = True, **kwargs) -> MainWindow:
        window = MainWindow(store, prompter=kwargs.pop("prompter", prompter), pool=kwargs.pop("pool", SyncPool()),
                            today=kwargs.pop("today", lambda: AS_OF), **kwargs)
        qtbot.addWidget(window)
        if all_lists:
            for kind in LIST_PAGES:
                window.pages.page(kind)
        window.show()
        return window

    return make
