from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView, QTabWidget

from db import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.models import RECORD_ROLE


def test_main_window_lists_the_demo(qtbot, demo_store: Store) -> None:
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.show()
    replies = window.findChild(QTableView, "replyTable")
    commitments = window.findChild(QTableView, "commitmentTable")
    assert replies.model().rowCount() == 1
    assert replies.model().index(0, 0).data() == "常工信复〔2021〕第39号"
    assert commitments.model().rowCount() == 15
    titles = {commitments.model().index(row, 0).data() for row in range(15)}
    assert "累计开通5G基站超1万个" in titles
    assert window.findChild(QLabel, "countLabel").text() == "1 proposals, 1 replies, 15 commitments"
    assert window.findChild(QTabWidget, "recordTabs").count() == 3


def test_models_pass_the_model_tester(qtbot, qtmodeltester, demo_store: Store) -> None:
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    for model in (window.proposal_model, window.reply_model, window.commitment_model):
        qtmodeltester.check(model)


def test_sorting_happens_in_the_model(qtbot, demo_store: Store) -> None:
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    model = window.commitment_model
    model.sort(2, Qt.SortOrder.DescendingOrder)
    deadlines = [model.index(row, 2).data() for row in range(model.rowCount())]
    assert deadlines == sorted(deadlines, reverse=True)
    assert model.index(0, 0).data(RECORD_ROLE).deadline.isoformat() == deadlines[0]


def test_main_window_in_chinese(qtbot, demo_store: Store, chinese) -> None:
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    tabs = window.findChild(QTabWidget, "recordTabs")
    assert [tabs.tabText(i) for i in range(3)] == ["建议提案", "答复", "承诺事项"]
    assert window.reply_model.headerData(0, Qt.Orientation.Horizontal) == "文号"
    assert window.windowTitle().startswith("答复承诺台账")
