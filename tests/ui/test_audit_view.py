"""The 回头看 view and the timeline view, on a ledger that holds each contradiction and on the demo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QProgressBar, QPushButton, QTableView

from db import Store
from desktop.core.errors import Cancelled
from desktop.core.records import Proposal
from desktop.ui.audit_view import AuditView, read_findings
from desktop.ui.timeline_view import TimelineView, read_timeline
from desktop.ui.workers import ThreadPool
from tests.contradictions import build_contradictions
from tests.ui.conftest import HeldPool

D = dt.date


def test_audit_view_lists_each_contradiction(qtbot, qtmodeltester, store: Store) -> None:
    ledger = build_contradictions(store)
    view = AuditView(store, today=lambda: D(2022, 3, 31))
    qtbot.addWidget(view)
    view.show()
    table = view.findChild(QTableView, "findingTable")
    assert table.model().rowCount() == 7
    kinds = {table.model().index(row, 1).data() for row in range(7)}
    assert kinds == {"Classed solved, promise not kept", "Promises kept, never answered again",
                     "不满意 not answered again in time", "Promise with no target and no evidence"}
    assert view.findChild(QLabel, "auditSummaryLabel").text() == "7 finding(s)"
    qtmodeltester.check(view.model)

    view.findChild(QDateEdit, "auditAsOfEdit").setDate(QDate(2021, 7, 1))
    qtbot.mouseClick(view.findChild(QPushButton, "auditRefreshButton"), Qt.MouseButton.LeftButton)
    assert {f.kind for f in view.findings()} == {"commitment_unsupported"}

    with qtbot.waitSignal(view.proposal_activated) as activated:
        table.doubleClicked.emit(table.model().index(0, 3))
    assert activated.args == [ledger.ids["p4"]]


def test_timeline_view_follows_the_proposal_and_the_date(qtbot, qtmodeltester, store: Store) -> None:
    ledger = build_contradictions(store)
    view = TimelineView(store, ledger.ids["p5"], today=lambda: D(2022, 3, 31))
    qtbot.addWidget(view)
    view.show()
    kinds = [e.kind for e in view.events()]
    assert kinds[:2] == ["assigned", "reply"] and "reanswer" in kinds
    state = view.findChild(QLabel, "timelineStateLabel").text()
    assert state.startswith("Replied, awaiting rating as of 2022-03-31: ")  # the re-answer is not rated yet
    qtmodeltester.check(view.model)

    view.findChild(QDateEdit, "timelineAsOfEdit").setDate(QDate(2021, 7, 1))
    assert "reanswer" not in [e.kind for e in view.events()]
    assert view.findChild(QLabel, "timelineStateLabel").text().startswith("Unsatisfied, to answer again as of")

    combo = view.findChild(QComboBox, "timelineProposalCombo")
    combo.setCurrentIndex(combo.findData(ledger.ids["p4"]))
    assert [e.kind for e in view.events()][1] == "contact"


def test_timeline_of_the_demo_in_chinese(qtbot, demo_store: Store, chinese) -> None:
    proposal = demo_store.list(Proposal)[0]
    view = TimelineView(demo_store, proposal.id, today=lambda: D(2022, 3, 31))
    qtbot.addWidget(view)
    table = view.findChild(QTableView, "timelineTable")
    assert table.model().headerData(1, Qt.Orientation.Horizontal) == "事件"
    rows = [(table.model().index(r, 0).data(), table.model().index(r, 1).data()) for r in range(3)]
    assert rows == [("2021-03-10", "交办"), ("2021-06-08", "答复"), ("2021-06-08", "承诺")]
    assert view.findChild(QLabel, "timelineStateLabel").text().startswith("落实滞后（截至2022-03-31）：")


def test_audit_view_looks_back_through_the_pool_and_shows_that_it_is_busy(qtbot, store: Store) -> None:
    build_contradictions(store)
    pool = HeldPool()
    view = AuditView(store, pool=pool, today=lambda: D(2022, 3, 31))
    qtbot.addWidget(view)
    view.show()
    # Nothing is computed on the GUI thread: the page waits for the pool, and says so.
    assert [worker._fn for worker in pool.held] == [read_findings]
    assert view.is_busy() and view.findChild(QProgressBar, "auditBusyBar").isVisible()
    assert not view.findChild(QTableView, "findingTable").isEnabled() and view.model.rowCount() == 0
    assert view.findChild(QLabel, "auditSummaryLabel").text() == "Looking back as of 2022-03-31…"
    pool.run_all()
    assert not view.is_busy() and not view.findChild(QProgressBar, "auditBusyBar").isVisible()
    assert view.model.rowCount() == 7 and view.findChild(QTableView, "findingTable").isEnabled()
    # A newer check replaces an older one still running: the older is cancelled and its result never shown.
    view.findChild(QDateEdit, "auditAsOfEdit").setDate(QDate(2021, 7, 1))
    qtbot.mouseClick(view.findChild(QPushButton, "auditRefreshButton"), Qt.MouseButton.LeftButton)
    older = pool.held[0]
    view.findChild(QDateEdit, "auditAsOfEdit").setDate(QDate(2022, 3, 31))
    qtbot.mouseClick(view.findChild(QPushButton, "auditRefreshButton"), Qt.MouseButton.LeftButton)
    failures: list[object] = []
    older.signals.failed.connect(failures.append)
    pool.run_all()
    assert isinstance(failures[0], Cancelled) and view.model.rowCount() == 7


def test_audit_view_on_a_pool_thread(qtbot, store: Store) -> None:
    build_contradictions(store)
    pool = ThreadPool()
    view = AuditView(store, pool=pool, today=lambda: D(2022, 3, 31))
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.findings_shown, timeout=10_000) as shown:
        pass
    assert shown.args == [7] and view.model.rowCount() == 7
    assert pool.wait(5000)


def test_timeline_view_reads_through_the_pool(qtbot, store: Store) -> None:
    ledger = build_contradictions(store)
    pool = HeldPool()
    view = TimelineView(store, ledger.ids["p5"], pool=pool, today=lambda: D(2022, 3, 31))
    qtbot.addWidget(view)
    view.show()
    assert [worker._fn for worker in pool.held] == [read_timeline]
    assert view.is_busy() and view.findChild(QProgressBar, "timelineBusyBar").isVisible()
    assert view.findChild(QLabel, "timelineStateLabel").text() == "Reading the timeline…"
    assert view.findChild(QComboBox, "timelineProposalCombo").count() == 0 and view.model.rowCount() == 0
    pool.run_all()
    combo = view.findChild(QComboBox, "timelineProposalCombo")
    assert combo.count() == store.count(Proposal) and combo.currentData() == ledger.ids["p5"]
    assert "reanswer" in [e.kind for e in view.events()] and not view.is_busy()
    combo.setCurrentIndex(combo.findData(ledger.ids["p4"]))  # the clerk picks another proposal
    assert view.is_busy() and view.proposal_id() == ledger.ids["p4"]
    pool.run_all()
    assert [e.kind for e in view.events()][1] == "contact"
