"""Moving in an Excel ledger from the app: columns, a dry run and its report, then the import.

The steps are those of ``reply-ledger import-ledger``: the workbook is read (:func:`read_ledger`) on the worker
pool; the dialog shows how each spreadsheet column was understood and lets the clerk change it (the field names
are those of the ``--mapping`` file), along with the sheet, the header row and the session; "Check" runs the whole
import in a transaction that is rolled back (a dry run) and shows the rows that cannot be taken, with their column
and why; the clerk then imports all or nothing, or skips the bad rows. Nothing is written before that, and a
failed or cancelled import changes nothing (it runs in one transaction).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db import Location, Store
from db.ledger_import import ImportOutcome, LedgerImportRejected, import_ledger
from desktop.core.errors import LedgerError
from desktop.core.ledger_import import (
    ImportPlan,
    RowProblem,
    SheetPlan,
    read_ledger,
    write_report,
)
from desktop.core.ledger_import.foreign import SKIPPED_BY_MAPPING, SKIPPED_NOT_A_LEDGER, SKIPPED_NOT_CHOSEN
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.labels import QT_TRANSLATE_NOOP
from desktop.ui.ledger_import_models import (
    ColumnMappingModel,
    FieldDelegate,
    MeaningDelegate,
    WordMeaningModel,
)
from desktop.ui.messages import problem_message, user_message
from desktop.ui.models import Column, RecordTableModel
from desktop.ui.prompts import Prompter
from desktop.ui.workers import Pool, ProgressRunner

logger = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

# The record kinds an import counts (db.ledger_import), as the report names them.
RECORD_KINDS = {
    "proposals": QT_TRANSLATE_NOOP("LedgerImport", "proposals"),
    "replies": QT_TRANSLATE_NOOP("LedgerImport", "replies"),
    "feedback": QT_TRANSLATE_NOOP("LedgerImport", "ratings"),
    "commitments": QT_TRANSLATE_NOOP("LedgerImport", "commitments"),
    "targets": QT_TRANSLATE_NOOP("LedgerImport", "targets"),
    "evidence": QT_TRANSLATE_NOOP("LedgerImport", "evidence"),
    "reminders": QT_TRANSLATE_NOOP("LedgerImport", "reminders"),
    "source documents": QT_TRANSLATE_NOOP("LedgerImport", "source documents"),
}
SKIPPED = {
    SKIPPED_NOT_A_LEDGER: QT_TRANSLATE_NOOP("LedgerImport", "This sheet does not look like a ledger (no row "
                                                            "names columns such as 建议编号 and 建议标题), so it is "
                                                            "left out."),
    SKIPPED_BY_MAPPING: QT_TRANSLATE_NOOP("LedgerImport", "This sheet is left out."),
    SKIPPED_NOT_CHOSEN: QT_TRANSLATE_NOOP("LedgerImport", "This sheet is left out."),
}
SKIPPED_ROWS = {
    "blank": QT_TRANSLATE_NOOP("LedgerImport", "blank"),
    "footer": QT_TRANSLATE_NOOP("LedgerImport", "footer or signature"),
    "totals": QT_TRANSLATE_NOOP("LedgerImport", "totals"),
    "repeated header": QT_TRANSLATE_NOOP("LedgerImport", "repeated header"),
}


# --------------------------------------------------------------------------------------------- pool work
def read_plan(path: Path, mapping: dict[str, Any] | None, classes: Any = None, *, progress: Any = None,
              is_cancelled: Any = None) -> ImportPlan:
    """Read the workbook into an import plan; what a mapping can fix is listed, not raised (pool thread)."""
    return read_ledger(path, mapping=mapping, strict=False, result_classes=classes, progress=progress,
                       is_cancelled=is_cancelled)


def _with_store(location: Location, actor: str, work: Callable[[Store], Any]) -> Any:
    with Store.attach(location, actor=actor) as store:
        return work(store)


def check_plan(db_path: Location, actor: str, plan: ImportPlan, *, progress: Any = None,
               is_cancelled: Any = None) -> ImportOutcome:
    """A dry run: every row is written and checked in a transaction that is rolled back (pool thread)."""
    return _with_store(db_path, actor, lambda store: import_ledger(
        store, plan, dry_run=True, skip_bad=True, progress=progress, is_cancelled=is_cancelled))


@dataclass(frozen=True)
class ImportResult:
    """What an import did, and where the rows left out are listed (``report``), or why they could not be."""

    outcome: ImportOutcome
    report: Path | None = None
    report_error: LedgerError | None = None


def run_import(db_path: Location, actor: str, plan: ImportPlan, skip_bad: bool, *, progress: Any = None,
               is_cancelled: Any = None) -> ImportResult:
    """Import the plan in one transaction; with ``skip_bad`` the rows left out are written to a report beside the
    workbook, as ``import-ledger --skip-bad`` does (pool thread).

    Raises:
        LedgerImportRejected: all or nothing, and some rows are bad; nothing was written.
        Cancelled: nothing was written.
    """
    outcome = _with_store(db_path, actor, lambda store: import_ledger(
        store, plan, skip_bad=skip_bad, progress=progress, is_cancelled=is_cancelled))
    if not outcome.problems:
        return ImportResult(outcome)
    try:
        report = write_report(plan.path, [f"{plan.path.name} → {db_path}", outcome.summary(),
                                          f"{len(outcome.problems)} problem(s) in rows left out:"], outcome.problems)
    except LedgerError as error:  # the good rows are in; the dialog lists the bad ones
        return ImportResult(outcome, report_error=error)
    return ImportResult(outcome, report=report)


def count_text(counts: Counter) -> str:
    """'proposals 2, replies 2' in the user's language; 'nothing' when empty."""
    if not counts:
        return QCoreApplication.translate("LedgerImport", "nothing")
    parts = [QCoreApplication.translate("LedgerImport", "{kind} {count}").format(
        kind=QCoreApplication.translate("LedgerImport", RECORD_KINDS.get(kind, kind)), count=count)
        for kind, count in sorted(counts.items(), key=lambda item: list(RECORD_KINDS).index(item[0])
                                  if item[0] in RECORD_KINDS else len(RECORD_KINDS))]
    return QCoreApplication.translate("LedgerImport", ", ").join(parts)


def _problem_columns() -> tuple[Column, ...]:
    return (
        Column(QT_TRANSLATE_NOOP("LedgerProblemColumns", "Sheet"), lambda p: p.sheet),
        Column(QT_TRANSLATE_NOOP("LedgerProblemColumns", "Row"), lambda p: p.row, align_right=True),
        Column(QT_TRANSLATE_NOOP("LedgerProblemColumns", "Column"), lambda p: p.column or ""),
        Column(QT_TRANSLATE_NOOP("LedgerProblemColumns", "Why"), problem_message),
    )


def _sheet_columns() -> tuple[Column, ...]:
    return (
        Column(QT_TRANSLATE_NOOP("LedgerSheetColumns", "Sheet"), lambda s: s[0]),
        Column(QT_TRANSLATE_NOOP("LedgerSheetColumns", "Rows read"), lambda s: s[1], align_right=True),
        Column(QT_TRANSLATE_NOOP("LedgerSheetColumns", "Rows with problems"), lambda s: s[2], align_right=True),
    )


# --------------------------------------------------------------------------------------------- the dialog
class LedgerImportDialog(QDialog):
    """Import one Excel ledger: its columns, a dry run with the report of bad rows, then the import.

    Signals:
        imported(object): the import is in the ledger (an :class:`ImportResult`).
        failed(str): the workbook could not be read; the message shown.
    """

    imported = Signal(object)
    failed = Signal(str)

    def __init__(self, store: Store, path: Path, *, pool: Pool, prompter: Prompter | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledgerImportDialog")
        self.setWindowTitle(self.tr("Import Excel ledger — {file}").format(file=Path(path).name))
        self.resize(980, 640)
        self._store = store
        self.path = Path(path)
        self._pool = pool
        self.prompter = prompter or Prompter(self)
        self.plan: ImportPlan | None = None
        self.outcome: ImportOutcome | None = None
        self.runner: ProgressRunner | None = None
        self._edited = False  # the columns, header row or session differ from what the plan was read with
        self._choices: dict[str, dict[str, Any]] = {}  # per sheet: header row, fields, session, skip
        self._values: dict[str, dict[str, str | None]] = {}  # meanings of unknown words, as --mapping "values"
        self._shown_sheet: str | None = None
        self._check_when_read = False

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("ledgerImportPages")
        self.stack.addWidget(self._columns_page())
        self.stack.addWidget(self._report_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self._set_enabled(False)

    # ----------------------------------------------------------------- pages
    def _columns_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("ledgerColumnsPage")
        self.intro_label = QLabel(page)
        self.intro_label.setObjectName("ledgerIntroLabel")
        self.intro_label.setWordWrap(True)
        self.sheet_combo = QComboBox(page)
        self.sheet_combo.setObjectName("ledgerSheetCombo")
        self.sheet_combo.activated.connect(self._on_sheet_combo_activated)
        self.sheet_import_check = QCheckBox(self.tr("Import this sheet"), page)
        self.sheet_import_check.setObjectName("ledgerSheetImportCheck")
        self.sheet_import_check.toggled.connect(self._on_sheet_import_check_toggled)
        self.sheet_note_label = QLabel(page)
        self.sheet_note_label.setObjectName("ledgerSheetNoteLabel")
        self.sheet_note_label.setWordWrap(True)
        self.header_row_spin = QSpinBox(page)
        self.header_row_spin.setObjectName("ledgerHeaderRowSpin")
        self.header_row_spin.setRange(1, 100)
        self.header_row_spin.setKeyboardTracking(False)
        self.header_row_spin.valueChanged.connect(self._on_header_row_spin_changed)
        self.session_edit = QLineEdit(page)
        self.session_edit.setObjectName("ledgerSessionEdit")
        self.session_edit.setPlaceholderText(self.tr("e.g. 常州市十六届人大五次会议"))
        self.session_edit.textEdited.connect(self._on_mapping_edited)
        self.sheet_combo.setMinimumWidth(240)
        self.session_edit.setMinimumWidth(360)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_combo)
        sheet_row.addWidget(self.sheet_import_check)
        sheet_row.addStretch(1)
        form.addRow(self.tr("Sheet"), sheet_row)
        form.addRow("", self.sheet_note_label)
        form.addRow(self.tr("Header row"), self.header_row_spin)
        form.addRow(self.tr("Session of the proposals"), self.session_edit)
        self.form_box = QWidget(page)
        self.form_box.setLayout(form)

        self.mapping_model = ColumnMappingModel(self)
        self.mapping_model.mapping_edited.connect(self._on_mapping_edited)
        self.mapping_table = QTableView(page)
        self.mapping_table.setObjectName("ledgerMappingTable")
        self.mapping_table.setModel(self.mapping_model)
        self.mapping_table.setItemDelegateForColumn(ColumnMappingModel.FIELD_COLUMN, FieldDelegate(self.mapping_table))
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.words_label = QLabel(self.tr("Words the import does not know: choose what each one means."), page)
        self.words_label.setObjectName("ledgerWordsLabel")
        self.words_label.setWordWrap(True)
        self.words_model = WordMeaningModel(self)
        self.words_model.meaning_edited.connect(self._on_words_model_meaning_edited)
        self.words_table = QTableView(page)
        self.words_table.setObjectName("ledgerWordsTable")
        self.words_table.setModel(self.words_model)
        self.words_table.setItemDelegateForColumn(WordMeaningModel.MEANING_COLUMN, MeaningDelegate(self.words_table))
        self.words_table.verticalHeader().setVisible(False)
        self.words_table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.words_table.horizontalHeader().setStretchLastSection(True)
        self.words_label.hide()
        self.words_table.hide()
        self.sheet_model = RecordTableModel("LedgerSheetColumns", _sheet_columns(), self)
        self.sheet_table = QTableView(page)
        self.sheet_table.setObjectName("ledgerSheetTable")
        self.sheet_table.setModel(self.sheet_model)
        self.sheet_table.verticalHeader().setVisible(False)
        self.sheet_table.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.sheet_table.hide()
        self.blockers_label = QLabel(page)
        self.blockers_label.setObjectName("ledgerBlockersLabel")
        self.blockers_label.setStyleSheet(ERROR_STYLE)
        self.blockers_label.setWordWrap(True)
        self.blockers_label.hide()

        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.setObjectName("ledgerCancelButton")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.check_button = QPushButton(self.tr("&Check the rows…"), page)
        self.check_button.setObjectName("ledgerCheckButton")
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.check_button)

        layout = QVBoxLayout(page)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.form_box)
        layout.addWidget(self.mapping_table, 10)
        layout.addWidget(self.words_label)
        layout.addWidget(self.words_table, 3)
        layout.addWidget(self.sheet_table)
        layout.addWidget(self.blockers_label)
        layout.addStretch(0)  # takes the room the mapping table leaves when our own workbook hides it
        layout.addLayout(buttons)
        return page

    def _report_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("ledgerReportPage")
        self.report_label = QLabel(page)
        self.report_label.setObjectName("ledgerReportSummary")
        self.report_label.setWordWrap(True)
        self.problem_model = RecordTableModel("LedgerProblemColumns", _problem_columns(), self)
        self.problem_table = QTableView(page)
        self.problem_table.setObjectName("ledgerProblemTable")
        self.problem_table.setModel(self.problem_model)
        self.problem_table.verticalHeader().setVisible(False)
        self.problem_table.setWordWrap(True)
        self.problem_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.problem_table.horizontalHeader().setStretchLastSection(True)
        self.all_or_nothing_radio = QRadioButton(self.tr("All or nothing: import only if every row can be "
                                                         "imported"), page)
        self.all_or_nothing_radio.setObjectName("ledgerAllOrNothingRadio")
        self.all_or_nothing_radio.setChecked(True)
        self.skip_bad_radio = QRadioButton(self.tr("Skip the bad rows and import the others (the rows left out "
                                                   "are listed in a report next to the workbook)"), page)
        self.skip_bad_radio.setObjectName("ledgerSkipBadRadio")
        self.all_or_nothing_radio.toggled.connect(self._update_import_button)
        self.message_label = QLabel(page)
        self.message_label.setObjectName("ledgerImportMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.back_button = QPushButton(self.tr("< &Back"), page)
        self.back_button.setObjectName("ledgerBackButton")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(lambda: self.stack.setCurrentIndex(0))
        close_button = QPushButton(self.tr("Cancel"), page)
        close_button.setObjectName("ledgerReportCancelButton")
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.reject)
        self.import_button = QPushButton(self.tr("&Import"), page)
        self.import_button.setObjectName("ledgerImportButton")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.import_rows)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.report_label)
        layout.addWidget(self.problem_table, 10)
        layout.addWidget(self.all_or_nothing_radio)
        layout.addWidget(self.skip_bad_radio)
        layout.addWidget(self.message_label)
        layout.addStretch(0)  # takes the room of the problem table when every row is good
        layout.addLayout(buttons)
        return page

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.form_box, self.mapping_table, self.words_table, self.check_button):
            widget.setEnabled(enabled)

    # ----------------------------------------------------------------- reading
    def start(self) -> ProgressRunner:
        """Read the workbook in the background (columns guessed from their names)."""
        self.intro_label.setText(self.tr("Reading {file}…").format(file=self.path.name))
        return self._read(None)

    def _runner(self, label: str) -> ProgressRunner:
        runner = ProgressRunner(self, self._pool, label)
        self.runner = runner
        return runner

    def _read(self, mapping: dict[str, Any] | None) -> ProgressRunner:
        runner = self._runner(self.tr("Reading {file}…").format(file=self.path.name))
        runner.succeeded.connect(self._on_read)
        runner.failed.connect(self._on_read_failed)
        runner.cancelled.connect(self._on_read_cancelled)
        self._set_enabled(False)
        runner.start(read_plan, self.path, mapping, self._store.get_setting("result_class.classes"))
        return runner

    @Slot(object)
    def _on_read(self, plan: ImportPlan) -> None:
        self.plan = plan
        self._edited = False
        self._choices = plan.mapping_overrides().get("sheets", {}) if plan.kind == "foreign" else {}
        self._show_plan(plan)
        self._set_enabled(True)
        if self._check_when_read:
            self._check_when_read = False
            if not plan.blockers:
                self._dry_run()

    @Slot(object)
    def _on_read_failed(self, error: object) -> None:
        self._check_when_read = False
        message = user_message(error) if isinstance(error, LedgerError) else self.tr(
            "The workbook could not be read; details are in the log.")
        if self.plan is None:  # nothing to show: the file itself cannot be read
            self.failed.emit(message)
            self.prompter.show_error(self, message)
            self.reject()
            return
        self._set_enabled(True)
        self.blockers_label.setText(message)
        self.blockers_label.show()

    @Slot()
    def _on_read_cancelled(self) -> None:
        self._check_when_read = False
        if self.plan is None:
            self.reject()
        else:
            self._set_enabled(True)

    def _show_plan(self, plan: ImportPlan) -> None:
        own = plan.kind == "workbook"
        if own:
            self.intro_label.setText(self.tr(
                "{file} is a workbook written by Reply Ledger: its sheets are read by their headers, so there are no "
                "columns to choose. Check the rows to see what the import would do.").format(file=self.path.name)
                + "\n" + self.tr("The sheets 汇总 and 回头看 are worked out from the records, and 变更记录 is not "
                                 "imported: the ledger keeps its own history of the import."))
        else:
            self.intro_label.setText(self.tr(
                "How the columns of {file} are read. Change a column's field where the guess is wrong, or choose "
                "\u201c(not imported)\u201d; the field names are those of a --mapping file.").format(
                file=self.path.name))
        self.form_box.setVisible(not own)
        self.mapping_table.setVisible(not own)
        self.sheet_table.setVisible(own)
        if own:
            problems = Counter(problem.sheet for problem in plan.problems)
            rows = Counter(row.sheet for row in plan.rows)
            self.sheet_model.set_records([(sheet, rows[sheet] + problems[sheet], problems[sheet])
                                          for sheet in plan.sheets if sheet in rows or sheet in problems])
            self.sheet_table.resizeColumnsToContents()
            header = self.sheet_table.horizontalHeader()
            for column in range(self.sheet_model.columnCount()):
                self.sheet_table.setColumnWidth(column, max(self.sheet_table.columnWidth(column), 140))
            rows = sum(self.sheet_table.rowHeight(row) for row in range(self.sheet_model.rowCount()))
            frame = 2 * self.sheet_table.frameWidth() + 4
            self.sheet_table.setMaximumHeight(header.sizeHint().height() + rows + frame)
            self.sheet_table.setMaximumWidth(header.length() + frame)
        else:
            self.sheet_combo.blockSignals(True)
            self.sheet_combo.clear()
            self.sheet_combo.addItems(plan.sheets)
            shown = self._shown_sheet if self._shown_sheet in plan.sheets else plan.sheet
            self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findText(shown), 0))
            self.sheet_combo.blockSignals(False)
            self._show_sheet(self.sheet_combo.currentText())
        self._show_words(plan)
        self.blockers_label.setText("\n".join(user_message(error) for error in plan.blockers))
        self.blockers_label.setVisible(bool(plan.blockers))
        self.check_button.setFocus()

    def _show_words(self, plan: ImportPlan) -> None:
        """The words of 办理结果 and 代表意见 the import does not know, and those given a meaning here before."""
        for row in range(self.words_model.rowCount()):
            index = self.words_model.index(row, WordMeaningModel.MEANING_COLUMN)
            editor = self.words_table.indexWidget(index)
            if editor is not None:  # deleted later: until then it must not answer to its name or commit
                editor.blockSignals(True)
                editor.setObjectName("")
            self.words_table.closePersistentEditor(index)
        self.words_model.set_words(plan.problems if plan.kind == "foreign" else [], self._values,
                                   self._store.get_setting("result_class.classes"))
        for row in range(self.words_model.rowCount()):
            self.words_table.openPersistentEditor(self.words_model.index(row, WordMeaningModel.MEANING_COLUMN))
        self.words_table.resizeColumnsToContents()
        self.words_table.setColumnWidth(WordMeaningModel.MEANING_COLUMN,
                                        max(self.words_table.columnWidth(WordMeaningModel.MEANING_COLUMN), 320))
        shown = self.words_model.rowCount() > 0
        self.words_label.setVisible(shown)
        self.words_table.setVisible(shown)

    def _show_sheet(self, name: str) -> None:
        """One sheet's columns, header row and session, and whether it is imported."""
        assert self.plan is not None
        sheet_plan = self.plan.sheet_plan(name) or SheetPlan(name)
        self._shown_sheet = name
        self.sheet_import_check.blockSignals(True)
        self.sheet_import_check.setChecked(sheet_plan.imported)
        self.sheet_import_check.blockSignals(False)
        self.sheet_note_label.setText(QCoreApplication.translate("LedgerImport", SKIPPED[sheet_plan.skipped])
                                      if sheet_plan.skipped in SKIPPED else "")
        self.sheet_note_label.setVisible(bool(sheet_plan.skipped))
        self.header_row_spin.blockSignals(True)
        self.header_row_spin.setValue(max(sheet_plan.header_row, 1))
        self.header_row_spin.blockSignals(False)
        self.session_edit.setText(sheet_plan.session or "")
        for row in range(self.mapping_model.rowCount()):  # the old columns' combo boxes go
            index = self.mapping_model.index(row, ColumnMappingModel.FIELD_COLUMN)
            editor = self.mapping_table.indexWidget(index)
            if editor is not None:  # deleted later: until then it must not answer to its name or commit
                editor.blockSignals(True)
                editor.setObjectName("")
            self.mapping_table.closePersistentEditor(index)
        self.mapping_model.set_plan(sheet_plan)
        for row in range(self.mapping_model.rowCount()):
            self.mapping_table.openPersistentEditor(self.mapping_model.index(row, ColumnMappingModel.FIELD_COLUMN))
        self.mapping_table.resizeColumnsToContents()
        self.mapping_table.setColumnWidth(ColumnMappingModel.FIELD_COLUMN, 150)
        self.mapping_table.resizeRowsToContents()
        for widget in (self.header_row_spin, self.session_edit, self.mapping_table):
            widget.setEnabled(sheet_plan.imported)

    def _remember_shown_sheet(self) -> None:
        """Keep what the clerk chose for the sheet on show, before another is shown or the ledger is read again."""
        name = self._shown_sheet
        if self.plan is None or name is None:
            return
        sheet_plan = self.plan.sheet_plan(name)
        choice = self._choices.setdefault(name, {})
        if sheet_plan is not None and sheet_plan.imported and sheet_plan.headers:
            choice["header_row"] = self.header_row_spin.value()
            choice["fields"] = self.mapping_model.fields()
        session = self.session_edit.text().strip()
        if session and (sheet_plan is None or session != sheet_plan.session or sheet_plan.session_source == "given"):
            choice["session"] = session
        else:
            choice.pop("session", None)

    def mapping(self) -> dict[str, Any] | None:
        """The sheets, their columns, header rows and sessions as chosen, in the form of a --mapping file (None:
        our own workbook, read by its headers)."""
        if self.plan is None or self.plan.kind == "workbook":
            return None
        self._remember_shown_sheet()
        mapping: dict[str, Any] = {"sheets": {name: dict(choice) for name, choice in self._choices.items()}}
        if self._values:
            mapping["values"] = {field: dict(words) for field, words in self._values.items()}
        return mapping

    @Slot()
    def _on_mapping_edited(self) -> None:
        self._edited = True

    @Slot()
    def _on_words_model_meaning_edited(self) -> None:
        self._values = self.words_model.values()
        self._edited = True

    @Slot(int)
    def _on_sheet_combo_activated(self, index: int) -> None:
        self._remember_shown_sheet()
        self._show_sheet(self.sheet_combo.currentText())

    @Slot(bool)
    def _on_sheet_import_check_toggled(self, checked: bool) -> None:
        self._remember_shown_sheet()
        choice = self._choices.setdefault(self.sheet_combo.currentText(), {})
        choice["skip"] = not checked
        sheet_plan = self.plan.sheet_plan(self.sheet_combo.currentText()) if self.plan else None
        if checked and sheet_plan is not None and not sheet_plan.headers:
            choice["header_row"] = self.header_row_spin.value()  # a sheet taken for no ledger: its header row
        self._read(self.mapping())

    @Slot(int)
    def _on_header_row_spin_changed(self, value: int) -> None:
        """Another header row: the sheet's columns are guessed afresh."""
        self._remember_shown_sheet()
        choice = self._choices.setdefault(self.sheet_combo.currentText(), {})
        choice.pop("fields", None)
        choice["header_row"] = value
        self._read(self.mapping())

    # ----------------------------------------------------------------- the dry run
    @Slot()
    def check(self) -> None:
        """Read the rows as the columns say (again, when they were changed), then run the import without keeping
        it, and show what it would do."""
        if self.plan is None:
            return
        if self._edited or self.plan.blockers:
            self._check_when_read = True
            self._read(self.mapping())
            return
        self._dry_run()

    def _dry_run(self) -> None:
        assert self.plan is not None
        runner = self._runner(self.tr("Checking the rows of {file}…").format(file=self.path.name))
        runner.succeeded.connect(self._on_checked)
        runner.failed.connect(self._on_check_failed)
        runner.cancelled.connect(lambda: self._set_enabled(True))
        self._set_enabled(False)
        runner.start(check_plan, self._store.location, self._store.actor, self.plan)

    @Slot(object)
    def _on_checked(self, outcome: ImportOutcome) -> None:
        self._set_enabled(True)
        self.outcome = outcome
        self.message_label.clear()
        self._show_report(outcome.problems)
        self.stack.setCurrentIndex(1)
        (self.import_button if self.import_button.isEnabled() else self.back_button).setFocus()

    @Slot(object)
    def _on_check_failed(self, error: object) -> None:
        self._set_enabled(True)
        message = user_message(error) if isinstance(error, LedgerError) else self.tr(
            "The rows could not be checked; details are in the log.")
        self.blockers_label.setText(message)
        self.blockers_label.show()

    def _show_report(self, problems: list[RowProblem]) -> None:
        outcome = self.outcome
        assert outcome is not None
        bad_rows = len({(problem.sheet, row) for problem in problems for row in problem.all_rows})
        lines = [self.tr("%n row(s) can be imported.", "", outcome.rows_written),
                 self.tr("Would create: {created}. Would update: {updated}. Unchanged: {unchanged}.").format(
                     created=count_text(outcome.created), updated=count_text(outcome.updated),
                     unchanged=count_text(outcome.unchanged))]
        lines.append(self.tr("%n row(s) cannot be imported; each is listed below with its column and why.", "",
                             bad_rows) if bad_rows else self.tr("Every row can be imported."))
        if any(problem.code == "word_unknown" for problem in problems):
            lines.append(self.tr("Words the import does not know can be given their meaning on the first page "
                                 "(< Back), then checked again."))
        lines += self._sheet_lines()
        lines.append(self.tr("Nothing has been written yet."))
        self.report_label.setText("\n".join(lines))
        self.problem_model.set_records(problems)
        self.problem_table.resizeColumnsToContents()
        self.problem_table.setColumnWidth(3, max(self.problem_table.columnWidth(3), 420))
        self.problem_table.resizeRowsToContents()
        self.problem_table.setVisible(bool(problems))
        self.skip_bad_radio.setEnabled(bool(bad_rows))
        if not bad_rows:
            self.all_or_nothing_radio.setChecked(True)
        self._update_import_button()

    def _sheet_lines(self) -> list[str]:
        """What was skipped in each sheet and why, and the reply deadlines the office's rule will give."""
        plan = self.plan
        if plan is None or plan.kind != "foreign":
            return []
        lines = []
        for sheet_plan in plan.sheet_plans:
            if not sheet_plan.imported:
                lines.append(self.tr("Sheet {sheet} is left out.").format(sheet=sheet_plan.sheet))
                continue
            skipped = self.tr(", ").join(self.tr("{count} {what}").format(
                count=count, what=QCoreApplication.translate("LedgerImport", SKIPPED_ROWS.get(what, what)))
                for what, count in sheet_plan.counts.items())
            line = self.tr("Sheet {sheet}: session {session}.").format(sheet=sheet_plan.sheet,
                                                                       session=sheet_plan.session or "—")
            if skipped:
                line += " " + self.tr("Rows skipped: {skipped}.").format(skipped=skipped)
            lines.append(line)
            unmeasured = sheet_plan.unmeasured_rows
            if unmeasured:
                rows = self.tr(", ").join(str(row) for row in unmeasured[:12]) + (" …" if len(unmeasured) > 12 else "")
                lines.append(self.tr("Sheet {sheet}, rows {rows}: 落实情况 or 完成时限 without a promise (承诺事项); "
                                     "with nothing to measure, the text is kept in the proposal's notes.").format(
                    sheet=sheet_plan.sheet, rows=rows))
        proposals = {(row.proposal.session, row.proposal.number): row.proposal for row in plan.rows if row.proposal}
        no_deadline = sum(1 for proposal in proposals.values() if proposal.reply_due_date is None)
        if no_deadline:
            lines.append(self.tr("%n proposal(s) have no reply deadline in the ledger; it will be computed by the "
                                 "office's rule (assignment + 3 months).", "", no_deadline))
        return lines

    @Slot()
    def _update_import_button(self) -> None:
        outcome = self.outcome
        if outcome is None:
            self.import_button.setEnabled(False)
            return
        bad = bool(outcome.problems)
        reason = ""
        if outcome.rows_written == 0:
            reason = self.tr("No row can be imported.")
        elif bad and self.all_or_nothing_radio.isChecked():
            reason = self.tr("Some rows are bad: correct them in the workbook and check again, or choose to skip "
                             "them.")
        self.import_button.setEnabled(not reason)
        self.message_label.setStyleSheet("")
        self.message_label.setText(reason)

    # ----------------------------------------------------------------- the import
    @Slot()
    def import_rows(self) -> None:
        """Import in one transaction, in the background; a cancel or a refusal leaves the ledger as it was."""
        if self.plan is None or not self.import_button.isEnabled():
            return
        skip_bad = self.skip_bad_radio.isChecked()
        runner = self._runner(self.tr("Importing {file}…").format(file=self.path.name))
        runner.succeeded.connect(self._on_imported)
        runner.failed.connect(self._on_import_failed)
        runner.cancelled.connect(self._on_import_cancelled)
        self.import_button.setEnabled(False)
        self.back_button.setEnabled(False)
        runner.start(run_import, self._store.location, self._store.actor, self.plan, skip_bad)

    @Slot(object)
    def _on_imported(self, result: ImportResult) -> None:
        self.accept()  # closed before the window says what was imported
        self.imported.emit(result)

    def _show_message(self, text: str) -> None:
        self.back_button.setEnabled(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setText(text)

    @Slot(object)
    def _on_import_failed(self, error: object) -> None:
        self.import_button.setEnabled(True)
        if isinstance(error, LedgerImportRejected):  # a row the dry run took was refused this time
            self._show_report(error.problems)
            self.import_button.setEnabled(False)
            self._show_message(user_message(error))
            return
        self._show_message(user_message(error) if isinstance(error, LedgerError) else self.tr(
            "The import failed and nothing was written; details are in the log."))

    @Slot()
    def _on_import_cancelled(self) -> None:
        self.import_button.setEnabled(True)
        self._show_message(self.tr("The import was cancelled; nothing was written."))


def result_text(result: ImportResult, path: Path) -> str:
    """What an import did, in one or two sentences for the clerk."""
    outcome = result.outcome
    rows = outcome.rows_written  # a plain name: lupdate does not see a numerus call whose count is an attribute
    text = QCoreApplication.translate("LedgerImport", "%n row(s) of {file} were imported. Created: {created}. "
                                      "Updated: {updated}. Unchanged: {unchanged}.", "", rows)
    text = text.format(file=path.name, created=count_text(outcome.created), updated=count_text(outcome.updated),
                       unchanged=count_text(outcome.unchanged))
    if result.report is not None:
        text += " " + QCoreApplication.translate("LedgerImport", "The rows left out are listed in {report}.").format(
            report=result.report)
    elif result.report_error is not None:
        text += " " + user_message(result.report_error)
    return text
