from __future__ import annotations

import dataclasses
import os
import sqlite3
import subprocess
import sys
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QTableView, QTabWidget, QWidget

from db import Store
from desktop import paths
from desktop.core.records import Reply
from desktop.ui.dashboard import BarChart
from desktop.ui.main_window import PAGES, Judged, _judge, list_states
from desktop.ui.models import KEY_ROLE
from desktop.ui.workers import release_in_slices
from tests.ui.conftest import HeldPool, type_text


def test_main_window_lists_the_demo(make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    replies = window.findChild(QTableView, "replyTable")
    commitments = window.findChild(QTableView, "commitmentTable")
    assert replies.model().rowCount() == 1
    assert replies.model().index(0, 0).data() == "常工信复〔2021〕第39号"
    assert commitments.model().rowCount() == 15
    titles = {commitments.model().index(row, 0).data() for row in range(15)}
    assert "累计开通5G基站超1万个" in titles
    assert window.findChild(QLabel, "countLabel").text() == (
        "1 proposals, 1 replies, 15 commitments, 13 targets, 1 evidence")
    assert str(demo_store.location) in window.findChild(QLabel, "pathLabel").text()
    assert window.findChild(QListWidget, "navigator").count() == len(PAGES) == 9


def test_main_window_shows_judged_states_as_of_the_chosen_day(make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    model = window.pages["commitments"].model
    column = next(i for i in range(model.columnCount()) if model.headerData(i, Qt.Orientation.Horizontal) == "State")
    states = {model.index(row, 0).data(): model.index(row, column).data() for row in range(model.rowCount())}
    assert states["累计开通5G基站超1万个"] == "Met"
    assert window.findChild(QLabel, "judgeLabel").text() == "States as of 2022-03-31"


def test_an_edit_judges_its_commitment_again(make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    model = window.pages["commitments"].model
    state = next(i for i in range(model.columnCount()) if model.headerData(i, Qt.Orientation.Horizontal) == "State")
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "累计开通5G基站超1万个")
    key = model.key(row)
    form = window.open_record("target", key)
    value = form.findChild(QLineEdit, "valueEdit")
    value.setText("2万个")  # 11 080 stations counted by 2022-03-03 no longer reach the target
    window.save_action.trigger()
    window.refresh()  # what the refresh timer does a moment after a save
    worker = [started for started in window.pool.started if started._fn is _judge][-1]
    assert worker._args[2] == [form.record.commitment_id]  # only that commitment was judged again
    assert model.index(model.row_of(key), state).data() == "Missed"
    assert window.status.targets[key].state == "missed" and len(window.status.targets) == 13


def test_search_box_finds_the_demo_commitment_for_jizhan(qtbot, make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    window.find_action.trigger()
    page = window.pages["commitments"]
    search = page.findChild(QLineEdit, "searchEdit")
    assert search.hasFocus() or window.current_page_kind() == "commitments"
    type_text(qtbot, search, "基站")
    # Typing is debounced: the list follows once the user pauses.
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.model.index(0, 0).data() == "累计开通5G基站超1万个"
    assert page.findChild(QLabel, "listCountLabel").text() == "1 record(s)"
    search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 15, timeout=3000)


def test_double_click_opens_the_record(qtbot, make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    page = window.pages["commitments"]
    table = page.table
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == "累计开通5G基站超1万个")
    index = page.model.index(row, 1)
    rect = table.visualRect(index)
    # A real double click: press and release, then the double-click event.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    tabs = window.findChild(QTabWidget, "editorTabs")
    assert tabs.count() == 1
    form = tabs.currentWidget()
    assert form.kind == "target" and form.record_id == index.data(KEY_ROLE)
    assert form.findChild(QLineEdit, "indicatorEdit").text() == "累计开通5G基站数"
    assert form.findChild(QLineEdit, "valueEdit").text() == "1万个"
    # Opening it again shows the same tab.
    window.open_list_row("commitments", index.data(KEY_ROLE))
    assert tabs.count() == 1
    # The commitment's own columns open the commitment.
    title = table.visualRect(page.model.index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=title)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=title)
    assert tabs.count() == 2
    commitment = tabs.currentWidget()
    assert commitment.kind == "commitment"
    assert commitment.findChild(QLineEdit, "titleEdit").text() == "累计开通5G基站超1万个"


def test_dashboard_bar_click_filters_the_list(qtbot, make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    window.show_page("dashboard")
    chart = window.findChild(BarChart, "yearChart")
    bars = chart.bars()
    index = next(i for i, bar in enumerate(bars) if bar.key == 2025)
    assert (bars[index].commitments, bars[index].targets) == (7, 5)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(index).center())
    assert window.current_page_kind() == "commitments"
    page = window.pages["commitments"]
    assert page.model.rowCount() == 7
    assert page.year_combo.currentData() == 2025
    window.show_page("dashboard")
    states = window.findChild(BarChart, "stateChart")
    met = next(i for i, bar in enumerate(states.bars()) if bar.key == "met")
    qtbot.mouseClick(states, Qt.MouseButton.LeftButton, pos=QPoint(10, states.bar_rect(met).center().y()))
    assert page.year_combo.currentData() is None and page.state_combo.currentData() == "met"
    assert page.model.rowCount() == states.bars()[met].targets + sum(
        1 for key in page.model.row_keys() if key < 0)


def test_layout_and_last_database_are_remembered(make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    window.show_page("replies")
    window.close()
    settings = QSettings(str(paths.ui_settings_path()), QSettings.Format.IniFormat)
    assert settings.value("lastDatabase") == str(demo_store.location)
    again = make_window(demo_store)
    assert again.current_page_kind() == "replies"


def test_main_window_in_chinese(make_window, demo_store: Store, chinese) -> None:
    window = make_window(demo_store)
    navigator = window.findChild(QListWidget, "navigator")
    assert [navigator.item(i).text() for i in range(navigator.count())] == [
        "建议提案", "答复", "承诺与指标", "佐证", "佐证建议", "提醒", "回头看", "办理时间线", "统计图表"]
    assert window.pages["replies"].model.headerData(0, Qt.Orientation.Horizontal) == "文号"
    assert window.windowTitle().startswith("答复承诺台账")
    assert window.count_label.text().startswith("建议提案 1 件，答复 1 件，承诺事项 15 项")
    model = window.pages["commitments"].model
    column = next(i for i in range(model.columnCount()) if model.headerData(i, Qt.Orientation.Horizontal) == "状态")
    assert "已达成" in {model.index(row, column).data() for row in range(model.rowCount())}



def test_export_writes_the_workbook_as_of_the_chosen_day(make_window, prompter, demo_store: Store,
                                                          tmp_path: Path) -> None:
    window = make_window(demo_store)
    prompter.workbook_path = tmp_path / "audit"
    window.export_action.trigger()
    assert prompter.asked[0] == ("save_workbook", "ledger_2022-03-31.xlsx")
    assert (tmp_path / "audit.xlsx").stat().st_size > 0
    assert prompter.asked[-1] == ("info", f"The audit workbook was written to {tmp_path / 'audit.xlsx'}.")
    prompter.workbook_path = None  # the user cancels the file dialog
    window.export_action.trigger()
    assert prompter.asked[-1] == ("save_workbook", "ledger_2022-03-31.xlsx")

def test_follow_up_pages_are_built_when_first_shown(qtbot, make_window, demo_store: Store) -> None:
    window = make_window(demo_store)
    assert window.lazy_pages == {}
    window.show_page("audit")
    audit = window.lazy_pages["audit"]
    assert window.page_stack.currentWidget() is audit and audit.objectName() == "auditView"
    window.show_page("proposals")
    window.pages["proposals"].table.selectRow(0)
    window.timeline_action.trigger()
    timeline = window.lazy_pages["timeline"]
    assert window.current_page_kind() == "timeline" and timeline.proposal_id() == 1
    assert timeline.model.rowCount() > 0
    dialog = window.show_due_reminders()
    qtbot.addWidget(dialog)
    assert dialog.findChild(QWidget, "remindersPanel") is not None


def test_hidden_list_pages_are_built_when_first_shown(make_window, demo_store: Store) -> None:
    """The window paints with only the list it shows: the hidden ones (their widgets, their reads, the fitting of
    their columns) wait until they are shown, and work done meanwhile (judging, the reminders) waits for them."""
    pool = HeldPool()
    window = make_window(demo_store, pool=pool, all_lists=False)
    assert list(window.pages) == ["commitments"]
    assert window.findChild(QTableView, "proposalTable") is None
    assert window.findChild(QWidget, "proposalsPlaceholder") is not None
    assert {worker._args[1] for worker in pool.held if worker._fn.__name__ == "_read_keys"} == {"commitments"}
    pool.run_all()
    window.refresh_list("reminders")  # after the reminders are synced: nothing to read for a page not built
    assert "reminders" not in window.pages
    window.show_page("proposals")
    proposals = window.pages.get("proposals")
    assert proposals is not None and window.page_stack.currentWidget() is proposals
    assert window.page_stack.indexOf(proposals) == PAGES.index("proposals")
    pool.run_all()
    assert proposals.model.rowCount() == 1


def test_a_commitments_list_built_after_judging_shows_the_states(make_window, demo_store: Store) -> None:
    settings = QSettings(str(paths.ui_settings_path()), QSettings.Format.IniFormat)
    settings.setValue("mainWindow/page", "proposals")
    window = make_window(demo_store, settings=settings, all_lists=False)
    assert list(window.pages) == ["proposals"] and window.status is not None
    commitments = window.pages["commitments"]
    assert commitments.model.states() == list_states(window.status)


def test_export_says_when_cells_were_cut(make_window, prompter, demo_store: Store, tmp_path: Path) -> None:
    reply = demo_store.list(Reply)[0]
    demo_store.save(dataclasses.replace(reply, title="很长的标题" * 7000))
    window = make_window(demo_store)
    prompter.workbook_path = tmp_path / "audit.xlsx"
    window.export_action.trigger()
    assert prompter.asked[-1] == ("info", f"The audit workbook was written to {tmp_path / 'audit.xlsx'}. 2 cell(s) "
                                          "held more text than Excel keeps and were cut; 汇总 lists them.")


def test_main_window_paints_before_reading_the_ledger(make_window, demo_store: Store) -> None:
    """Building the window reads nothing that grows with the ledger on the GUI thread: the lists' keys and filter
    menus, the judgements, the dashboard and the counts are all left to pool threads."""
    pool = HeldPool()
    statements: list[str] = []
    demo_store.conn.set_trace_callback(statements.append)
    try:
        window = make_window(demo_store, pool=pool)
    finally:
        demo_store.conn.set_trace_callback(None)
    # Only existence checks, which answer at once whatever the size (is the ledger empty, has "New" a parent).
    assert statements and all(sql.startswith("SELECT EXISTS (SELECT 1 FROM") for sql in statements), statements
    held = {worker._fn.__name__ for worker in pool.held}
    assert held >= {"_judge", "_read_keys", "_read_choices", "_count_records"}
    assert "read_figures" not in held  # the dashboard reads its figures when it is first shown
    pool.run_all()
    assert window.pages["commitments"].model.rowCount() == 15
    assert window.findChild(QLabel, "countLabel").text().startswith("1 proposals")


def test_judged_states_arrive_ready_for_the_lists_and_the_dashboard(make_window, demo_store: Store) -> None:
    """The judging worker also works out the states of the list rows and the dashboard's counts; the GUI thread
    takes them over as they are."""
    pool = HeldPool()
    window = make_window(demo_store, pool=pool)
    judged: list[Judged] = []
    worker = next(worker for worker in pool.held if worker._fn is _judge)
    worker.signals.succeeded.connect(judged.append)
    pool.run_all()
    assert window.status is judged[0].status
    assert window.pages["commitments"].model._states is judged[0].states
    assert judged[0].states == list_states(judged[0].status)
    assert sum(group.targets for group in judged[0].state_counts) == len(judged[0].status.targets)


def test_the_window_module_does_not_load_the_workbook_or_letter_readers() -> None:
    """openpyxl, the letter extraction rules, judging, the reminders, the record forms and the dashboard are
    imported when first used (on a pool thread, or when a form or page opens), not before the window paints."""
    later = ("openpyxl", "desktop.core.extraction", "sqlite_utils", "db.status", "db.reminders", "db.followup",
             "db.dashboard", "desktop.ui.record_forms", "desktop.ui.dashboard", "desktop.ui.reminders_panel",
             "desktop.ui.smoke")
    code = f"import sys, desktop.ui.app; print(sorted(m for m in {later!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, cwd=Path(__file__).parents[2])
    assert done.stdout.strip() == "[]"


def test_the_judgements_replaced_are_freed_by_a_worker_a_slice_at_a_time(make_window, demo_store: Store) -> None:
    """Freeing 100 000 judgements at once holds the interpreter lock for most of 100 ms: the window hands the ones
    it replaces to a pool thread, which empties them a slice at a time."""
    pool = HeldPool()
    window = make_window(demo_store, pool=pool)
    pool.run_all()
    old = weakref.ref(window.status)
    old_targets = list(window.status.targets)
    window.judge()
    judging = pool.held.pop()
    assert judging._fn is _judge and not pool.held
    judging.run()
    assert window.status is not old() and old() is not None  # not freed on the GUI thread
    releasing = pool.held.pop()
    assert releasing._fn is release_in_slices
    releasing.run()
    assert old() is None
    assert sorted(window.status.targets) == sorted(old_targets)


def test_a_container_still_held_elsewhere_is_not_emptied() -> None:
    kept = {n: str(n) for n in range(5000)}
    shown = list(range(5000))
    release_in_slices([kept, Judged(None, kept, shown), None])  # type: ignore[arg-type]
    assert len(kept) == 5000 and len(shown) == 5000


@pytest.mark.sqlite_only  # another program holding a SQLite file's write lock
@pytest.mark.allow_log_warnings
def test_reminders_that_cannot_be_brought_up_to_date_are_told_in_the_status_bar_and_the_log(
        make_window, demo_db_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("REPLY_LEDGER_BUSY_SECONDS", "0")
    with Store.open(demo_db_path) as store:
        window = make_window(store)
        window.statusBar().clearMessage()
        other_program = sqlite3.connect(demo_db_path, isolation_level=None)
        other_program.execute("BEGIN IMMEDIATE")  # it writes to the ledger and does not let go
        try:
            window.sync_reminders()  # the synchronous pool runs it at once
            message = window.statusBar().currentMessage()
            assert demo_db_path.name in message  # one sentence that names the ledger
        finally:
            other_program.rollback()
            other_program.close()
    assert any("reminders could not be brought up to date" in record.getMessage() and record.levelname == "ERROR"
               for record in caplog.records)
