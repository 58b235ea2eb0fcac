from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QTableView

from db import Store
from db.evidence_suggestions import read_evidence_suggestions
from db.letters import import_files
from desktop.core.records import Evidence, SourceDocument, Suggestion
from desktop.ui.evidence_review import EvidenceSuggestionsPanel
from tests.conftest import DEMO_DIR
from tests.ui.conftest import HeldPool


def suggested(store: Store, count: int = 1) -> None:
    for item in store.list(Evidence):
        store.delete(Evidence, item.id)
    for source in store.list(SourceDocument, "kind <> 'letter'"):
        store.delete(SourceDocument, source.id)
    import_files(store, [DEMO_DIR / "news_2022-03-03_changzhou_digital_economy.md"])


def test_accept_in_the_panel(qtbot, qtmodeltester, demo_store: Store) -> None:
    suggested(demo_store)
    panel = EvidenceSuggestionsPanel(demo_store)
    qtbot.addWidget(panel)
    panel.show()
    table = panel.findChild(QTableView, "evidenceSuggestionTable")
    assert table.model().rowCount() == 1
    assert table.model().index(0, 1).data().startswith("累计开通5G基站数 > 1万个")
    assert table.model().index(0, 2).data() == "开通5G基站数 11080个"
    qtmodeltester.check(panel.model)
    accept = panel.findChild(QPushButton, "acceptSuggestionButton")
    assert not accept.isEnabled()
    table.selectRow(0)
    assert "同一地区：常州" in panel.findChild(QLabel, "suggestionDetailLabel").text()
    with qtbot.waitSignal(panel.suggestion_decided) as decided:
        qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    assert decided.args[1] == "accepted"
    assert [e.value for e in demo_store.list(Evidence)] == [11080]
    assert table.model().rowCount() == 0
    panel.findChild(QCheckBox, "showAllSuggestionsCheck").setChecked(True)
    assert table.model().index(0, 6).data() == "Accepted"


def test_reject_in_the_panel(qtbot, demo_store: Store) -> None:
    suggested(demo_store)
    panel = EvidenceSuggestionsPanel(demo_store)
    qtbot.addWidget(panel)
    panel.findChild(QTableView, "evidenceSuggestionTable").selectRow(0)
    with qtbot.waitSignal(panel.suggestion_decided) as decided:
        panel.findChild(QPushButton, "rejectSuggestionButton").click()
    assert demo_store.get(Suggestion, decided.args[0]).state == "rejected"
    assert demo_store.list(Evidence) == []


def test_panel_reads_on_a_pool_thread_and_only_the_targets_it_shows(qtbot, demo_store: Store) -> None:
    """Opening 佐证建议 reads nothing on the GUI thread when the panel has a pool, and the worker reads the
    targets of the suggestions by id rather than every target of the ledger."""
    suggested(demo_store)
    pool = HeldPool()
    statements: list[str] = []
    demo_store.conn.set_trace_callback(statements.append)
    try:
        panel = EvidenceSuggestionsPanel(demo_store, pool=pool)
        qtbot.addWidget(panel)
        assert statements == []
        assert panel.model.rowCount() == 0  # not read yet
        reading = pool.held[0]
    finally:
        demo_store.conn.set_trace_callback(None)
    read = read_evidence_suggestions(demo_store)
    assert len(read.suggestions) == 1 and set(read.targets) == {read.suggestions[0].target_id}
    pool.run_all()
    assert reading._fn.__name__ == "_read_suggestions"
    assert panel.model.rowCount() == 1
