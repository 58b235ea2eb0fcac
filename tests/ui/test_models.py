from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from db import Store
from db import lists as db_lists
from desktop.core.records import Commitment, Reply, Target
from desktop.ui.dashboard import DashboardPage
from desktop.ui.list_columns import LISTS
from desktop.ui.models import (
    KEY_ROLE,
    PAGE_SIZE,
    RECORD_ROLE,
    SORT_ROLE,
    Column,
    RecordListModel,
    RecordTableModel,
    fit_columns,
    record_table_view,
)
from desktop.ui.workers import SyncPool, ThreadPool
from tests.ui.conftest import HeldPool


def _model(store: Store, kind: str, **kwargs) -> RecordListModel:
    context, columns = LISTS[kind]
    model = RecordListModel(store, kind, context, columns, **kwargs)
    model.reload()
    return model


@pytest.mark.parametrize("kind", sorted(LISTS))
def test_every_list_model_passes_the_model_tester(qtmodeltester, demo_store: Store, kind: str) -> None:
    model = _model(demo_store, kind)
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_dashboard_models_pass_the_model_tester(qtbot, qtmodeltester, demo_store: Store) -> None:
    page = DashboardPage(demo_store, today=lambda: dt.date(2021, 1, 1))
    qtbot.addWidget(page)
    assert page.deadline_model.rowCount() > 0
    qtmodeltester.check(page.deadline_model)


@pytest.fixture
def many_targets(demo_store: Store) -> Store:
    """The demo plus 250 more targets, enough for several pages."""
    reply = demo_store.list(Reply)[0]
    with demo_store.transaction():
        for number in range(50):
            commitment = demo_store.save(Commitment(reply_id=reply.id, title=f"新建充电站{number:03d}",
                                                    responsible_unit="常州市交通运输局",
                                                    deadline=dt.date(2022 + number % 4, 12, 31)))
            for item in range(5):
                demo_store.save(Target(commitment_id=commitment.id, indicator=f"充电桩{item}", comparator=">=",
                                       value=number * 10 + item, unit="台", value_normalized=number * 10 + item,
                                       unit_normalized="台"))
    return demo_store


def test_list_model_reads_pages_lazily_and_sorts_in_sql(qtmodeltester, many_targets: Store) -> None:
    model = _model(many_targets, "commitments")
    assert model.rowCount() == 15 + 250 > 2 * PAGE_SIZE
    assert list(model._pages) == [0]  # the first page comes with the keys, the others when the view asks
    last = model.index(model.rowCount() - 1, 0)
    assert last.data()
    assert list(model._pages) == [0, (model.rowCount() - 1) // PAGE_SIZE]
    value_column = next(i for i, c in enumerate(LISTS["commitments"][1]) if c.sort == "value")
    model.sort(value_column, Qt.SortOrder.DescendingOrder)
    first = model.index(0, value_column)
    assert first.data() == "≥ 15亿元"  # 1.5e9 元, the largest normalised value
    assert model.index(0, 0).data(KEY_ROLE) > 0
    assert model.index(0, 0).data(RECORD_ROLE)["indicator"] == "5G建设投资"
    assert model.index(0, value_column).data(SORT_ROLE) == "≥ 15亿元"
    qtmodeltester.check(model)


def test_list_model_filters_and_ignores_stale_results(qtbot, many_targets: Store) -> None:
    model = _model(many_targets, "commitments", pool=ThreadPool())
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filter(db_lists.ListFilter(unit="常州市交通运输局"))
    assert model.rowCount() == 250
    # Two filters in quick succession: only the last one's keys are shown.
    with qtbot.waitSignal(model.loaded, timeout=5000, check_params_cb=lambda count: count == 15):
        model.set_filter(db_lists.ListFilter(text="充电桩"))
        model.set_filter(db_lists.ListFilter(unit="常州市工业和信息化局"))
    qtbot.wait(50)
    assert model.rowCount() == 15


def test_list_model_shows_a_placeholder_for_a_row_that_vanished(qtbot, many_targets: Store) -> None:
    model = _model(many_targets, "commitments", pool=SyncPool())
    row = PAGE_SIZE  # the first row of a page not read yet
    key = model.key(row)
    many_targets.delete(Target, key) if key > 0 else many_targets.delete(Commitment, -key)
    assert model.index(row, 0).data() == "…"
    assert model.flags(model.index(row, 0)) == Qt.ItemFlag.NoItemFlags
    assert model.index(row + 1, 0).data()


def test_the_first_screen_of_a_list_needs_no_query_on_the_gui_thread(many_targets: Store) -> None:
    """The rows of the first page are read on the pool thread with the keys: showing the first screen (and fitting
    the columns to it) runs no SQL on the GUI thread's connection."""
    pool = HeldPool()
    model = _model(many_targets, "commitments", pool=pool)
    pool.run_all()
    statements: list[str] = []
    many_targets.conn.set_trace_callback(statements.append)
    try:
        texts = [model.index(row, column).data() for row in range(40) for column in range(model.columnCount())]
    finally:
        many_targets.conn.set_trace_callback(None)
    assert statements == []
    assert all(text is not None for text in texts[:model.columnCount()])


class _CountingModel(RecordTableModel):
    """Counts what the view asks of it."""

    calls = 0

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        self.calls += 1
        return super().data(index, role)


def test_columns_are_fitted_to_their_texts_without_asking_the_model_cell_by_cell(qtbot) -> None:
    """Qt's resizeColumnsToContents asks a dozen roles of every cell it measures, each a call into Python that
    waits for the interpreter lock while pool threads work; fit_columns measures the texts itself."""
    model = _CountingModel("Test", [Column("Title", lambda row: row["title"]), Column("No.", lambda row: row["n"])])
    view = record_table_view(None, "testTable", model)
    qtbot.addWidget(view)
    model.set_records([{"title": "很长的标题" * (n % 7 + 1), "n": n} for n in range(500)])
    model.calls = 0
    fit_columns(view, model, rows=60, widest=360)
    assert model.calls == 0
    widest_title = max(view.fontMetrics().horizontalAdvance("很长的标题" * (n % 7 + 1)) for n in range(60))
    assert view.columnWidth(0) == min(widest_title + 16, 360)
    assert view.fontMetrics().horizontalAdvance("No.") < view.columnWidth(1) < view.columnWidth(0)


def test_a_cell_shows_the_same_text_with_or_without_an_index(many_targets: Store) -> None:
    model = _model(many_targets, "commitments")
    for row in (0, 1, PAGE_SIZE + 3, model.rowCount() - 1):
        for column in range(model.columnCount()):
            assert model.display_text(row, column) == (model.index(row, column).data() or "")
