"""Moving in an Excel ledger from the app: the columns dialog, the dry-run report, all or nothing or skip, cancel."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from db import Store
from db.export import export_ledger
from desktop.core.records import Commitment, Proposal, Reply
from desktop.ui.ledger_import import LedgerImportDialog
from desktop.ui.workers import SyncPool, Worker
from tests.backends import dump
from tests.ledger_workbooks import CHANGZHOU_HEADERS, changzhou_ledger, cppcc_ledger, minimal_ledger, office_year_ledger
from tests.ui.conftest import AS_OF, type_text


def _dump(store: Store) -> list:
    return dump(store)


def _open(window, prompter, path: Path) -> LedgerImportDialog:
    prompter.ledger_path = path
    window.import_ledger_action.trigger()
    dialog = window.ledger_import_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _click(qtbot, dialog, name: str) -> None:
    button = dialog.findChild(QPushButton, name)
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _page(dialog) -> str:
    return dialog.findChild(QStackedWidget, "ledgerImportPages").currentWidget().objectName()


def test_import_ledger_shows_the_columns_checks_and_imports(qtbot, qtmodeltester, make_window, prompter,
                                                           store: Store, tmp_path: Path) -> None:
    window = make_window(store)
    before = _dump(store)
    dialog = _open(window, prompter, changzhou_ledger(tmp_path / "ledger.xlsx"))
    assert _page(dialog) == "ledgerColumnsPage"
    table = dialog.findChild(QTableView, "ledgerMappingTable")
    model = table.model()
    # One row per column of the header row: letter, header as written, the field it is read as, how it was found.
    assert [model.index(row, 1).data() for row in range(model.rowCount())] == list(CHANGZHOU_HEADERS)
    assert [model.index(row, 2).data() for row in range(4)] == ["序号", "建议编号", "建议标题", "领衔代表"]
    assert model.index(1, 3).data() == "same name"
    qtmodeltester.check(model)
    assert dialog.findChild(QComboBox, "ledgerFieldCombo_I").currentData() == "doc_number"
    assert dialog.findChild(QLineEdit, "ledgerSessionEdit").text() == "常州市十六届人大五次会议"  # from the title
    assert dialog.findChild(QComboBox, "ledgerSheetCombo").currentText() == "建议台账"
    assert not dialog.findChild(QLabel, "ledgerBlockersLabel").isVisible()
    assert _dump(store) == before

    _click(qtbot, dialog, "ledgerCheckButton")  # the dry run
    assert _page(dialog) == "ledgerReportPage"
    summary = dialog.findChild(QLabel, "ledgerReportSummary").text()
    assert "3 row(s) can be imported." in summary and "Every row can be imported." in summary
    assert "Would create: proposals 2, replies 2, ratings 1, commitments 3, targets 3, evidence 2, source " \
           "documents 1." in summary
    assert "Sheet 建议台账: session 常州市十六届人大五次会议. Rows skipped: 1 blank, 1 totals." in summary
    assert not dialog.findChild(QTableView, "ledgerProblemTable").isVisible()
    assert not dialog.findChild(QRadioButton, "ledgerSkipBadRadio").isEnabled()
    assert _dump(store) == before  # nothing is written before the clerk confirms

    shown_over_the_dialog: list[bool] = []
    show_info = prompter.show_info
    prompter.show_info = lambda parent, text: (shown_over_the_dialog.append(dialog.isVisible()),
                                               show_info(parent, text))
    _click(qtbot, dialog, "ledgerImportButton")
    assert not dialog.isVisible() and shown_over_the_dialog == [False]  # closed before the result is told
    assert store.count(Proposal) == 2 and store.count(Commitment) == 3
    kind, message = prompter.asked[-1]
    assert kind == "info" and message.startswith("3 row(s) of ledger.xlsx were imported. Created: proposals 2")
    assert window.statusBar().currentMessage() == message
    assert window.pages["commitments"].model.rowCount() == 3 and window.pages["proposals"].model.rowCount() == 2
    assert store.history("proposals")[0].actor == "tester"


def test_import_ledger_columns_and_session_chosen_in_the_dialog(qtbot, make_window, prompter, store: Store,
                                                                tmp_path: Path) -> None:
    window = make_window(store)
    dialog = _open(window, prompter, minimal_ledger(tmp_path / "minimal.xlsx"))
    blockers = dialog.findChild(QLabel, "ledgerBlockersLabel")
    assert blockers.isVisible() and "does not say which session" in blockers.text()
    proposer = dialog.findChild(QComboBox, "ledgerFieldCombo_C")
    assert proposer.currentData() == "proposer"
    proposer.setCurrentIndex(0)  # (not imported)
    title = dialog.findChild(QComboBox, "ledgerFieldCombo_B")
    title.setCurrentIndex(title.findData("notes"))
    assert dialog.mapping()["sheets"]["Sheet"]["fields"]["title"] is None
    _click(qtbot, dialog, "ledgerCheckButton")
    # Without a title column the rows cannot be read: the dialog says so and stays on the columns.
    assert _page(dialog) == "ledgerColumnsPage"
    assert "has no column for 建议标题" in blockers.text()
    assert dialog.findChild(QComboBox, "ledgerFieldCombo_B").currentData() == "notes"  # the choices stay
    title = dialog.findChild(QComboBox, "ledgerFieldCombo_B")
    title.setCurrentIndex(title.findData("title"))
    type_text(qtbot, dialog.findChild(QLineEdit, "ledgerSessionEdit"), "常州市十七届人大一次会议")
    _click(qtbot, dialog, "ledgerCheckButton")
    assert _page(dialog) == "ledgerReportPage"
    _click(qtbot, dialog, "ledgerImportButton")
    proposals = store.list(Proposal)
    assert [(p.session, p.number, p.proposers) for p in proposals] == [
        ("常州市十七届人大一次会议", "7", []), ("常州市十七届人大一次会议", "8", [])]


def test_import_ledger_bad_rows_all_or_nothing_or_skipped(qtbot, make_window, prompter, demo_store: Store,
                                                          tmp_path: Path) -> None:
    window = make_window(demo_store)
    before = _dump(demo_store)
    path = cppcc_ledger(tmp_path / "cppcc.xlsx")
    dialog = _open(window, prompter, path)
    _click(qtbot, dialog, "ledgerCheckButton")
    problems = dialog.findChild(QTableView, "ledgerProblemTable").model()
    rows = [tuple(problems.index(row, column).data() for column in range(4)) for row in range(problems.rowCount())]
    assert rows == [("提案办理", "4", "办结时间", "'2021-13-40' is not a date; write it as 2021-12-31."),
                    ("提案办理", "4", "满意度",
                     "'还行' is not a word the import knows for the column 满意度; write one of 满意、基本满意、"
                     "不满意、未反馈、未评价."),
                    ("提案办理", "5", "复函文号",
                     "'应急复2021-7' is not a document number; write it like 常工信复〔2021〕第39号.")]
    summary = dialog.findChild(QLabel, "ledgerReportSummary").text()
    assert "1 row(s) can be imported." in summary and "2 row(s) cannot be imported" in summary
    # All or nothing (the default) cannot import a ledger with bad rows.
    assert dialog.findChild(QRadioButton, "ledgerAllOrNothingRadio").isChecked()
    assert not dialog.findChild(QPushButton, "ledgerImportButton").isEnabled()
    assert "choose to skip them" in dialog.findChild(QLabel, "ledgerImportMessage").text()
    assert _dump(demo_store) == before
    dialog.findChild(QRadioButton, "ledgerSkipBadRadio").setChecked(True)
    _click(qtbot, dialog, "ledgerImportButton")
    assert [p.number for p in demo_store.list(Proposal) if p.kind == "proposal"] == ["0101"]
    report = tmp_path / "cppcc.import-report.txt"
    assert "row 5, column '复函文号'" in report.read_text(encoding="utf-8")
    assert prompter.asked[-1][1].endswith(f"The rows left out are listed in {report}.")


def test_import_ledger_a_cancelled_import_changes_nothing(qtbot, make_window, prompter, store: Store,
                                                          tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["常州市十六届人大五次会议代表建议办理台账"])
    ws.append(["建议编号", "建议标题", "主办单位"])
    for number in range(1, 81):
        ws.append([f"第{number:03d}号", f"关于第{number}件事的建议", "常州市工业和信息化局"])
    wb.save(tmp_path / "long.xlsx")

    class CancellingPool(SyncPool):
        """Runs each worker at once; the clerk presses Cancel when the import reports its first progress."""

        def start(self, worker: Worker) -> None:
            if dialog_holder and worker._fn.__name__ == "run_import":
                cancel = dialog_holder[0].runner.dialog.findChild(QPushButton)
                worker.signals.progress.connect(lambda done, total: cancel.click())
            super().start(worker)

    dialog_holder: list[LedgerImportDialog] = []
    window = make_window(store, pool=CancellingPool())
    before = _dump(store)
    dialog = _open(window, prompter, tmp_path / "long.xlsx")
    dialog_holder.append(dialog)
    _click(qtbot, dialog, "ledgerCheckButton")
    assert "80 row(s) can be imported." in dialog.findChild(QLabel, "ledgerReportSummary").text()
    _click(qtbot, dialog, "ledgerImportButton")
    assert dialog.isVisible()
    assert dialog.findChild(QLabel, "ledgerImportMessage").text() == "The import was cancelled; nothing was written."
    assert dialog.findChild(QPushButton, "ledgerImportButton").isEnabled()
    assert _dump(store) == before and not store.conn.in_transaction


def test_import_ledger_that_cannot_be_read_says_why(qtbot, make_window, prompter, store: Store,
                                                    tmp_path: Path) -> None:
    window = make_window(store)
    path = tmp_path / "ledger.xlsx"
    path.write_text("这不是Excel文件", encoding="utf-8")
    prompter.ledger_path = path
    window.import_ledger_action.trigger()
    assert not window.ledger_import_dialog.isVisible()
    assert prompter.asked[-1][0] == "error" and prompter.asked[-1][1].startswith("'ledger.xlsx' is damaged")
    prompter.ledger_path = None  # the clerk closes the file dialog
    window.import_ledger_action.trigger()
    assert prompter.asked[-1] == ("open_ledger", None)


def test_import_ledger_our_own_workbook(qtbot, make_window, prompter, demo_store: Store, store: Store,
                                       tmp_path: Path) -> None:
    exported = export_ledger(demo_store, tmp_path / "demo.xlsx", as_of=AS_OF).path
    window = make_window(store)
    dialog = _open(window, prompter, exported)
    assert not dialog.findChild(QTableView, "ledgerMappingTable").isVisible()
    sheets = dialog.findChild(QTableView, "ledgerSheetTable")
    assert sheets.isVisible()
    assert [sheets.model().index(row, 0).data() for row in range(sheets.model().rowCount())][:3] == [
        "建议", "答复", "承诺与指标"]
    _click(qtbot, dialog, "ledgerCheckButton")
    _click(qtbot, dialog, "ledgerImportButton")
    assert store.counts().targets == demo_store.counts().targets and store.count(Reply) == demo_store.count(Reply)


def test_import_ledger_report_in_chinese(qtbot, chinese, make_window, prompter, store: Store, tmp_path: Path) -> None:
    window = make_window(store)
    dialog = _open(window, prompter, cppcc_ledger(tmp_path / "cppcc.xlsx"))
    assert dialog.findChild(QTableView, "ledgerMappingTable").model().headerData(2, Qt.Orientation.Horizontal) == \
        "导入为"
    _click(qtbot, dialog, "ledgerCheckButton")
    problems = dialog.findChild(QTableView, "ledgerProblemTable").model()
    assert problems.headerData(3, Qt.Orientation.Horizontal) == "原因"
    assert [problems.index(row, 3).data() for row in range(problems.rowCount())] == [
        "“2021-13-40”不是有效日期；请按 2021-12-31 的格式填写。",
        "“还行”不是“满意度”列可识别的词；请填写以下之一：满意、基本满意、不满意、未反馈、未评价。",
        "“应急复2021-7”不是有效的文号；请按“常工信复〔2021〕第39号”的格式填写。"]
    assert dialog.findChild(QLabel, "ledgerReportSummary").text().startswith("可导入 1 行。\n将新增：建议提案 1 条")


def test_import_ledger_sheets_shown_one_by_one_and_one_left_out(qtbot, make_window, prompter, store: Store,
                                                                 tmp_path: Path) -> None:
    from PySide6.QtWidgets import QCheckBox

    window = make_window(store)
    dialog = _open(window, prompter, office_year_ledger(tmp_path / "office.xlsx"))
    sheets = dialog.findChild(QComboBox, "ledgerSheetCombo")
    session = dialog.findChild(QLineEdit, "ledgerSessionEdit")
    assert [sheets.itemText(i) for i in range(sheets.count())] == ["2021年", "2022年"]
    assert session.text() == "2021年市人大代表建议"
    sheets.setCurrentIndex(1)
    sheets.activated.emit(1)
    assert session.text() == "2022年市人大代表建议"
    assert dialog.findChild(QComboBox, "ledgerFieldCombo_L").currentData() == "commitment"
    include = dialog.findChild(QCheckBox, "ledgerSheetImportCheck")
    assert include.isChecked()
    include.setChecked(False)  # the 2022 sheet is left out; the ledger is read again without it
    assert sheets.currentText() == "2022年" and not include.isChecked()
    _click(qtbot, dialog, "ledgerCheckButton")
    summary = dialog.findChild(QLabel, "ledgerReportSummary").text()
    assert "Sheet 2022年 is left out." in summary
    assert "Sheet 2021年: session 2021年市人大代表建议. Rows skipped: 1 blank, 1 footer or signature." in summary
    assert "3 proposal(s) have no reply deadline in the ledger" in summary
    _click(qtbot, dialog, "ledgerImportButton")
    assert store.count(Proposal) == 3


def test_import_ledger_unknown_words_are_given_their_meaning_in_the_dialog(qtbot, qtmodeltester, make_window,
                                                                          prompter, store: Store,
                                                                          tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = office_year_ledger(tmp_path / "office.xlsx")
    wb = load_workbook(path)
    wb["2021年"]["G4"] = wb["2021年"]["G5"] = "已办结"  # 办理结果
    wb["2021年"]["K4"] = "无意见"  # 代表意见
    wb.save(path)
    window = make_window(store)
    dialog = _open(window, prompter, path)
    table = dialog.findChild(QTableView, "ledgerWordsTable")
    assert table.isVisible()
    model = table.model()
    qtmodeltester.check(model)
    assert [tuple(model.index(row, column).data() for column in range(4)) for row in range(model.rowCount())] == [
        ("办理结果", "已办结", "2", "(choose)"), ("代表意见", "无意见", "1", "(choose)")]
    _click(qtbot, dialog, "ledgerCheckButton")
    summary = dialog.findChild(QLabel, "ledgerReportSummary").text()
    assert "2 row(s) cannot be imported" in summary and "given their meaning on the first page" in summary
    _click(qtbot, dialog, "ledgerBackButton")
    classes = dialog.findChild(QComboBox, "ledgerWordCombo_0")
    assert [classes.itemData(i) for i in range(classes.count())] == ["?", "A", "B", "C", "D", None]
    classes.setCurrentIndex(classes.findData("A"))
    ratings = dialog.findChild(QComboBox, "ledgerWordCombo_1")
    ratings.setCurrentIndex(ratings.findData(None))  # no rating yet
    assert dialog.mapping()["values"] == {"result_class": {"已办结": "A"}, "rating": {"无意见": None}}
    _click(qtbot, dialog, "ledgerCheckButton")  # read again with the meanings, then the dry run
    assert "Every row can be imported." in dialog.findChild(QLabel, "ledgerReportSummary").text()
    _click(qtbot, dialog, "ledgerBackButton")  # the words stay listed with their meanings
    assert [(model.index(row, 1).data(), model.index(row, 2).data(), model.index(row, 3).data())
            for row in range(model.rowCount())] == [("已办结", "", "A — 所提问题已经解决或基本解决"),
                                                    ("无意见", "", "(no rating yet)")]
    _click(qtbot, dialog, "ledgerCheckButton")
    _click(qtbot, dialog, "ledgerImportButton")
    assert store.find_reply_by_doc_number("常工信复〔2021〕第12号").result_class == "A"
    assert store.feedback_of(store.find_reply_by_doc_number("常工信复〔2021〕第12号").id) == []


def test_import_ledger_report_names_progress_without_a_promise(qtbot, make_window, prompter, store: Store,
                                                               tmp_path: Path) -> None:
    from desktop.ui.record_forms import ProposalForm
    from tests.ledger_workbooks import notes_ledger

    window = make_window(store)
    dialog = _open(window, prompter, notes_ledger(tmp_path / "notes.xlsx"))
    assert not dialog.findChild(QTableView, "ledgerWordsTable").isVisible()
    _click(qtbot, dialog, "ledgerCheckButton")
    summary = dialog.findChild(QLabel, "ledgerReportSummary").text()
    assert "Sheet 2022年, rows 5: 落实情况 or 完成时限 without a promise (承诺事项); with nothing to measure, the " \
           "text is kept in the proposal's notes." in summary
    _click(qtbot, dialog, "ledgerImportButton")
    proposal = store.find_proposal("2022年市人大代表建议", "12")
    form = ProposalForm(store)
    form.load(proposal)
    notes = form.findChild(QWidget, "notesEdit")
    assert notes.toPlainText() == proposal.notes and proposal.notes.startswith("代表已当面沟通")
