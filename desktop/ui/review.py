"""The letter review screen: the letter with every extracted target highlighted, and the clerk's decisions.

Reading and extracting the file runs off the GUI thread (with a progress dialog and Cancel). The clerk checks the
header fields, accepts, edits or rejects each suggestion, links each to a new or existing commitment, confirms
the header and saves: the source document, the reply and exactly the accepted targets, in one transaction. An
accepted baseline linked to a commitment with a target it measures becomes that target's baseline; suggestions left
undecided are kept as pending suggestions for later, as ``reply-ledger import`` keeps them.

A letter whose reply is in the ledger already shows the earlier decisions: items accepted before are marked as in
the ledger and are not saved again, rejected ones are rejected, undecided ones wait. A stored reply's letter is
reviewed again the same way from its stored text (:class:`db.letter_decisions.StoredLetter`), without a file.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from db import Store
from db.letter_decisions import StoredLetter
from db.letter_review import begin_review, begin_stored_review, save_review
from desktop.core.errors import LedgerError, RecordErrors, ValidationError
from desktop.core.extraction import Document, LetterExtraction, extract_document, extract_files
from desktop.core.letter_review import (
    ACCEPTED,
    EXISTING_PREFIX,
    IN_LEDGER,
    NEW_PREFIX,
    PENDING,
    REJECTED,
    LetterReview,
    ReviewItem,
    plan_records,
)
from desktop.core.records import Commitment, Target
from desktop.core.units import normalize
from desktop.ui import labels
from desktop.ui.forms import (
    ERROR_STYLE,
    ChoiceField,
    DateField,
    Field,
    QuantityField,
    TextField,
    field_layout,
    letter_header_fields,
)
from desktop.ui.labels import QT_TRANSLATE_NOOP
from desktop.ui.messages import user_message
from desktop.ui.prompts import CANCEL, SAVE, Prompter
from desktop.ui.workers import Pool, ProgressRunner

logger = logging.getLogger(__name__)

DECISIONS = {
    PENDING: QT_TRANSLATE_NOOP("Decisions", "To review"),
    ACCEPTED: QT_TRANSLATE_NOOP("Decisions", "Accepted"),
    REJECTED: QT_TRANSLATE_NOOP("Decisions", "Rejected"),
    IN_LEDGER: QT_TRANSLATE_NOOP("Decisions", "In the ledger"),
}
HIGHLIGHT = {PENDING: "#fff1a8", ACCEPTED: "#c5e8c8", REJECTED: "#e4e4e4", IN_LEDGER: "#9fd4a5"}
CURRENT_HIGHLIGHT = "#ffc94d"


def read_and_extract(path: Path, *, progress: Any = None,
                     is_cancelled: Any = None) -> tuple[Document, LetterExtraction]:
    """Read one letter file and extract its header and targets (runs on a pool thread)."""
    return extract_files([path], progress=progress, is_cancelled=is_cancelled)[0]


def extract_stored(document: Document, *, progress: Any = None,
                   is_cancelled: Any = None) -> tuple[Document, LetterExtraction]:
    """Extract the header and targets of a stored letter's text again (runs on a pool thread)."""
    extraction = extract_document(document)
    if progress:
        progress(1, 1)
    return document, extraction


def decision_of(item: ReviewItem) -> str:
    """The decision a row shows: an item accepted before is ``IN_LEDGER``."""
    return IN_LEDGER if item.in_ledger else item.decision


class TextPositions:
    """Python string offsets as Qt text positions (Qt counts UTF-16 units; a rare character outside the BMP
    takes two)."""

    def __init__(self, text: str) -> None:
        self._wide = [index for index, char in enumerate(text) if ord(char) > 0xFFFF]

    def __call__(self, offset: int) -> int:
        if not self._wide:
            return offset
        return offset + sum(1 for index in self._wide if index < offset)

    def offset(self, position: int) -> int:
        """The string offset of a Qt position (inverse of calling)."""
        offset = position
        while offset > 0 and self(offset) > position:
            offset -= 1
        return offset


class SuggestionTableModel(QAbstractTableModel):
    """The review's suggestions, one row each, coloured by the clerk's decision."""

    HEADERS = (
        QT_TRANSLATE_NOOP("SuggestionColumns", "Decision"),
        QT_TRANSLATE_NOOP("SuggestionColumns", "Indicator"),
        QT_TRANSLATE_NOOP("SuggestionColumns", "Comparator"),
        QT_TRANSLATE_NOOP("SuggestionColumns", "Value"),
        QT_TRANSLATE_NOOP("SuggestionColumns", "Unit"),
        QT_TRANSLATE_NOOP("SuggestionColumns", "Deadline"),
        QT_TRANSLATE_NOOP("SuggestionColumns", "Kind"),
        QT_TRANSLATE_NOOP("SuggestionColumns", "Commitment"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.review: LetterReview | None = None
        self._titles: dict[str, str] = {}

    def set_review(self, review: LetterReview | None, existing: list[Commitment] | None = None) -> None:
        """Show ``review``'s items; ``existing`` are the stored commitments they may be linked to."""
        self.beginResetModel()
        self.review = review
        self._titles = {f"{EXISTING_PREFIX}{c.id}": c.title for c in existing or () if c.id is not None}
        self.endResetModel()

    def item(self, row: int) -> ReviewItem:
        assert self.review is not None
        return self.review.items[row]

    def row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.review is None else len(self.review.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate("SuggestionColumns", self.HEADERS[section])
        return None

    def _value(self, target: Target) -> str:
        if target.value is None:
            return ""
        text = f"{target.value:.10g}"
        if target.comparator == "range" and target.value_high is not None:
            text += f"–{target.value_high:.10g}"
        return text

    def _commitment(self, item: ReviewItem) -> str:
        assert self.review is not None
        new = self.review.new_commitment(item.link)
        if new is not None:
            return QCoreApplication.translate("LetterReviewWindow", "New: {title}").format(title=new.title)
        if item.link in self._titles:
            return QCoreApplication.translate("LetterReviewWindow", "Existing: {title}").format(
                title=self._titles[item.link])
        return item.link

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.review is None or not index.isValid() or not (0 <= index.row() < len(self.review.items)):
            return None
        item = self.review.items[index.row()]
        target = item.target
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(HIGHLIGHT[decision_of(item)])) if index.column() == 0 else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return target.quote
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            text = QCoreApplication.translate("Decisions", DECISIONS[decision_of(item)])
            return text + (" ✎" if item.edited else "")
        values = (None, target.indicator, labels.label(labels.COMPARATORS, target.comparator), self._value(target),
                  target.unit or "", target.deadline.isoformat() if target.deadline else (target.deadline_text or ""),
                  labels.label(labels.TARGET_KINDS, target.kind), self._commitment(item))
        return values[column]


class SuggestionEditor(QWidget):
    """Edits the selected suggestion; a change is applied to it as soon as it is valid.

    Signals:
        item_edited(): the shown item changed.
    """

    item_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionEditor")
        cumulative = [(True, QCoreApplication.translate("Labels", labels.CUMULATIVE[True])),
                      (False, QCoreApplication.translate("Labels", labels.CUMULATIVE[False]))]
        self.fields: list[Field] = [
            TextField("indicator", self.tr("Indicator"), required=True),
            ChoiceField("comparator", self.tr("Comparator"), labels.label_choices(labels.COMPARATORS), required=True),
            QuantityField("value", self.tr("Value")),
            QuantityField("value_high", self.tr("Upper value"), placeholder=""),
            DateField("deadline", self.tr("Deadline")),
            TextField("deadline_text", self.tr("Time expression")),
            ChoiceField("cumulative", self.tr("Counted"), cumulative, empty=self.tr("(not stated)")),
            ChoiceField("kind", self.tr("Kind"), labels.label_choices(labels.TARGET_KINDS), required=True),
        ]
        self.by_name = {field.name: field for field in self.fields}
        self._item: ReviewItem | None = None
        self._loading = False
        layout = field_layout(self.fields, self._on_field_changed)
        self.link_combo = QComboBox(self)
        self.link_combo.setObjectName("commitmentLinkCombo")
        self.link_combo.currentIndexChanged.connect(self._on_field_changed)
        self.commitment_title_edit = QLineEdit(self)
        self.commitment_title_edit.setObjectName("commitmentTitleEdit")
        self.commitment_title_edit.textEdited.connect(self._on_field_changed)
        layout.addRow(self.tr("Commitment"), self.link_combo)
        layout.addRow(self.tr("Commitment title"), self.commitment_title_edit)
        self.setLayout(layout)
        self.review: LetterReview | None = None
        self.setEnabled(False)

    def set_links(self, review: LetterReview, existing: list[Commitment]) -> None:
        self.review = review
        self._loading = True
        self.link_combo.clear()
        for key, new in review.new_commitments.items():
            self.link_combo.addItem(self.tr("New: {title}").format(title=new.title), NEW_PREFIX + key)
        for commitment in existing:
            self.link_combo.addItem(self.tr("Existing: {title}").format(title=commitment.title),
                                    f"{EXISTING_PREFIX}{commitment.id}")
        self._loading = False

    def load(self, item: ReviewItem | None) -> None:
        """Show ``item``; an item already in the ledger is shown but not edited here (its form edits it)."""
        self._item = item
        self.setEnabled(item is not None and not item.in_ledger)
        if item is None:
            return
        target = item.target
        self._loading = True
        try:
            for name in ("indicator", "comparator", "deadline", "deadline_text", "cumulative", "kind"):
                self.by_name[name].set_value(getattr(target, name))
            self.by_name["value"].set_value((target.value, target.unit))
            self.by_name["value_high"].set_value((target.value_high, target.unit))
            self.link_combo.setCurrentIndex(max(self.link_combo.findData(item.link), 0))
            self._show_commitment_title()
            for field in self.fields:
                field.show_error(None)
        finally:
            self._loading = False

    def _show_commitment_title(self) -> None:
        new = self.review.new_commitment(self.link_combo.currentData() or "") if self.review else None
        self.commitment_title_edit.setEnabled(new is not None)
        self.commitment_title_edit.setText(new.title if new else "")

    @Slot()
    def _on_field_changed(self) -> None:
        if self._loading or self._item is None or self._item.in_ledger:
            return
        item = self._item
        link = self.link_combo.currentData()
        if link and link != item.link:
            item.link = link
            self._loading = True
            self._show_commitment_title()
            self._loading = False
        new = self.review.new_commitment(item.link) if self.review else None
        title = self.commitment_title_edit.text().strip()
        if new is not None and title:
            new.title = title
        values: dict[str, Any] = {}
        ok = True
        for field in self.fields:
            try:
                values[field.name] = field.value()
                field.show_error(None)
            except ValidationError as error:
                field.show_error(user_message(error))
                ok = False
        if ok:
            value, high = values.pop("value"), values.pop("value_high")
            unit = value.unit if value else item.target.unit
            candidate = dataclasses.replace(
                item.target, value=value.value if value else None, unit=unit,
                value_normalized=value.value_normalized if value else None,
                unit_normalized=value.unit_normalized if value else None,
                value_high=high.value if high else None,
                value_high_normalized=normalize(high.value, high.unit or unit or "")[0] if high else None, **values)
            problems = candidate.problems()
            for problem in problems:
                field = self.by_name.get(problem.field)
                if field is not None:
                    field.show_error(user_message(problem))
            if not problems:
                item.target = candidate
        self.item_edited.emit()


class LetterReviewWindow(QMainWindow):
    """Review one letter file before it enters the ledger, or a stored reply's letter again (``stored``).

    Signals:
        loaded(int): the letter was read; the number of suggestions.
        saved(int): the review was saved; the reply's id.
        saved_summary(str): what the save wrote, in one sentence for a status line.
        failed(str): the letter could not be read; the message shown.
        other_document_read(object, object): the file is not a reply letter (Document, LetterExtraction); the
            window closes and leaves the document to the main window.
        closed(): the window closed.
    """

    loaded = Signal(int)
    saved = Signal(int)
    saved_summary = Signal(str)
    failed = Signal(str)
    other_document_read = Signal(object, object)
    closed = Signal()

    def __init__(self, store: Store, path: Path | None = None, *, pool: Pool, prompter: Prompter | None = None,
                 stored: StoredLetter | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterReview")
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._store = store
        self.stored = stored
        self.path = Path(path) if path is not None else stored.document.path  # type: ignore[union-attr]
        self._pool = pool
        self.prompter = prompter or Prompter(self)
        self.review: LetterReview | None = None
        self._existing: list[Commitment] = []
        self._positions = TextPositions("")
        self._saved = False
        self._loaded_state: tuple = ()
        self._discarding = False
        if stored is not None:
            self.setWindowTitle(self.tr("Review letter again — {reply}").format(
                reply=stored.reply.doc_number or stored.document.file_name))
        else:
            self.setWindowTitle(self.tr("Review letter — {file}").format(file=self.path.name))
        self.resize(1360, 860)

        self.text_view = QPlainTextEdit(self)
        self.text_view.setObjectName("letterText")
        self.text_view.setReadOnly(True)
        self.text_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text_view.cursorPositionChanged.connect(self._on_text_view_cursor_position_changed)
        self.notes_label = QLabel(self)
        self.notes_label.setObjectName("reviewNotes")
        self.notes_label.setWordWrap(True)
        self.notes_label.hide()
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.notes_label)
        left_layout.addWidget(self.text_view, 1)

        # Header fields, confirmed before saving.
        self.header_fields: list[Field] = [
            *letter_header_fields(store),
            TextField("session", self.tr("Proposal session")),
            TextField("number", self.tr("Proposal number")),
            ChoiceField("proposal_kind", self.tr("Proposal kind"), labels.label_choices(labels.PROPOSAL_KINDS),
                        required=True),
        ]
        self.header_by_name = {field.name: field for field in self.header_fields}
        header_box = QGroupBox(self.tr("Letter header"), self)
        header_box.setObjectName("headerBox")
        header_inner = QWidget()
        header_inner.setLayout(field_layout(self.header_fields, self._on_header_changed))
        header_scroll = QScrollArea(header_box)
        header_scroll.setWidgetResizable(True)
        header_scroll.setWidget(header_inner)
        self.header_confirmed = QCheckBox(self.tr("I have checked the header fields against the letter"), self)
        self.header_confirmed.setObjectName("headerConfirmedCheck")
        self.header_confirmed.toggled.connect(self._update_state)
        box_layout = QVBoxLayout(header_box)
        box_layout.addWidget(header_scroll, 1)
        box_layout.addWidget(self.header_confirmed)

        # Suggestions.
        self.model = SuggestionTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("suggestionTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.accept_button = QPushButton(self.tr("&Accept"), self)
        self.accept_button.setObjectName("acceptButton")
        self.accept_button.clicked.connect(lambda: self.decide(ACCEPTED))
        self.reject_button = QPushButton(self.tr("&Reject"), self)
        self.reject_button.setObjectName("rejectButton")
        self.reject_button.clicked.connect(lambda: self.decide(REJECTED))
        self.accept_rest_button = QPushButton(self.tr("Accept the rest"), self)
        self.accept_rest_button.setObjectName("acceptRestButton")
        self.accept_rest_button.clicked.connect(lambda: self.decide_rest(ACCEPTED))
        self.reject_rest_button = QPushButton(self.tr("Reject the rest"), self)
        self.reject_rest_button.setObjectName("rejectRestButton")
        self.reject_rest_button.clicked.connect(lambda: self.decide_rest(REJECTED))
        decisions = QHBoxLayout()
        for button in (self.accept_button, self.reject_button):
            decisions.addWidget(button)
        decisions.addStretch(1)
        for button in (self.accept_rest_button, self.reject_rest_button):
            decisions.addWidget(button)
        self.editor = SuggestionEditor(self)
        self.editor.item_edited.connect(self._on_editor_item_edited)
        suggestions = QWidget(self)
        suggestions_layout = QVBoxLayout(suggestions)
        suggestions_layout.setContentsMargins(0, 0, 0, 0)
        suggestions_layout.addWidget(self.table, 1)
        suggestions_layout.addLayout(decisions)
        editor_scroll = QScrollArea(self)
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setWidget(self.editor)

        right = QSplitter(Qt.Orientation.Vertical, self)
        right.setObjectName("reviewSideSplitter")
        right.addWidget(header_box)
        right.addWidget(suggestions)
        right.addWidget(editor_scroll)
        right.setSizes([260, 330, 270])

        splitter = QSplitter(self)
        splitter.setObjectName("reviewSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 800])

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("reviewSummary")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("reviewMessage")
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save to the ledger"), self)
        self.save_button.setObjectName("saveReviewButton")
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("closeReviewButton")
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label)
        bottom.addWidget(self.message_label, 1)
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.save_button)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.setCentralWidget(central)
        self._set_enabled(False)
        self.summary_label.setText(self.tr("Reading {file}…").format(file=self.path.name))
        self.runner = ProgressRunner(self, pool, self.tr("Reading and extracting {file}…").format(
            file=self.path.name))
        self.runner.succeeded.connect(self._on_runner_succeeded)
        self.runner.failed.connect(self._on_runner_failed)
        self.runner.cancelled.connect(self._on_runner_cancelled)

    # ----------------------------------------------------------------- loading
    def start(self) -> None:
        """Read and extract the letter in the background (a stored letter: extract its stored text)."""
        if self.stored is not None:
            self.runner.start(extract_stored, self.stored.document)
        else:
            self.runner.start(read_and_extract, self.path)

    @Slot(object)
    def _on_runner_succeeded(self, result: tuple[Document, LetterExtraction]) -> None:
        document, extraction = result
        try:
            if self.stored is not None:
                review = begin_stored_review(self._store, self.stored.reply.id, extraction,  # type: ignore[arg-type]
                                             document)
            elif not extraction.is_letter:
                self.other_document_read.emit(document, extraction)
                self.discard_and_close()
                return
            else:
                review = begin_review(self._store, document, extraction)
        except LedgerError as error:
            self._on_runner_failed(error)
            return
        self.set_review(review)

    @Slot(object)
    def _on_runner_failed(self, error: object) -> None:
        message = user_message(error) if isinstance(error, LedgerError) else self.tr(
            "The letter could not be read; details are in the log.")
        self.summary_label.setText("")
        self.message_label.setText(message)
        self.failed.emit(message)
        self.prompter.show_error(self, message)

    @Slot()
    def _on_runner_cancelled(self) -> None:
        self._discarding = True
        self.close()

    def set_review(self, review: LetterReview) -> None:
        self.review = review
        self._existing = (self._store.commitments_of(review.existing_reply_id)
                          if review.existing_reply_id is not None else [])
        self._positions = TextPositions(review.document.text)
        self.text_view.setPlainText(review.document.text)
        notes = []
        if review.existing_reply_id is not None:
            counts = review.counts()
            notes.append(self.tr("This letter's reply is already in the ledger: saving updates it and adds the "
                                 "targets you accept to it."))
            notes.append(self.tr("Decided before: {in_ledger} in the ledger (not saved again), {rejected} rejected; "
                                 "{pending} undecided.").format(in_ledger=counts[IN_LEDGER],
                                                                rejected=counts[REJECTED], pending=counts[PENDING]))
        if not review.items:
            notes.append(self.tr("No targets were found in this letter."))
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))
        reply = review.reply
        values = {"doc_number": reply.doc_number, "issuing_office": reply.issuing_office, "title": reply.title,
                  "addressee": reply.addressee, "reply_date": reply.reply_date, "signer": reply.signer,
                  "handler": reply.handler, "phone": reply.phone, "cc": reply.cc,
                  "result_class": reply.result_class, "session": review.proposal.session,
                  "number": review.proposal.number, "proposal_kind": review.proposal.kind}
        for name, value in values.items():
            field = self.header_by_name[name]
            field.widget.blockSignals(True)
            field.set_value(value)
            field.widget.blockSignals(False)
        self.editor.set_links(review, self._existing)
        self.model.set_review(review, self._existing)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 220))
        self._set_enabled(True)
        self._on_header_changed()
        self._loaded_state = self._state()
        self._highlight()
        if review.items:
            self.table.selectRow(0)
        self.loaded.emit(len(review.items))

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.table, self.accept_button, self.reject_button, self.accept_rest_button,
                       self.reject_rest_button, self.header_confirmed):
            widget.setEnabled(enabled)
        for field in self.header_fields:
            field.widget.setEnabled(enabled)
        self.save_button.setEnabled(False)

    # ----------------------------------------------------------------- the text and the highlights
    def _highlight(self) -> None:
        if self.review is None:
            return
        current = self.current_row()
        selections = []
        document = self.text_view.document()
        for row, item in enumerate(self.review.items):
            start, end = item.target.quote_start, item.target.quote_end
            if start is None or end is None:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(self._positions(start))
            cursor.setPosition(self._positions(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            text_format = QTextCharFormat()
            text_format.setBackground(QColor(CURRENT_HIGHLIGHT if row == current else HIGHLIGHT[decision_of(item)]))
            if item.decision == REJECTED:
                text_format.setFontStrikeOut(True)
            if row == current:
                text_format.setFontUnderline(True)
            selection.format = text_format
            selections.append(selection)
        self.text_view.setExtraSelections(selections)

    def current_row(self) -> int:
        index = self.table.selectionModel().currentIndex()
        return index.row() if index.isValid() else -1

    def _update_decision_buttons(self) -> None:
        """Accept and Reject act on the selected item, unless it is in the ledger already."""
        row = self.current_row()
        decidable = self.review is not None and 0 <= row < len(self.review.items) and \
            not self.review.items[row].in_ledger
        for button in (self.accept_button, self.reject_button):
            button.setEnabled(decidable)

    def select_suggestion(self, row: int) -> None:
        self.table.selectRow(row)

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self.review is None or not current.isValid():
            self.editor.load(None)
            return
        item = self.review.items[current.row()]
        self.editor.load(item)
        self._update_decision_buttons()
        if item.target.quote_start is not None and item.target.quote_end is not None:
            cursor = self.text_view.textCursor()
            cursor.setPosition(self._positions(item.target.quote_start))
            cursor.setPosition(self._positions(item.target.quote_end), QTextCursor.MoveMode.KeepAnchor)
            self.text_view.blockSignals(True)
            self.text_view.setTextCursor(cursor)
            self.text_view.centerCursor()
            self.text_view.blockSignals(False)
        self._highlight()

    @Slot()
    def _on_text_view_cursor_position_changed(self) -> None:
        """Clicking a highlighted quote selects its suggestion."""
        if self.review is None:
            return
        position = self._positions.offset(self.text_view.textCursor().position())
        for row, item in enumerate(self.review.items):
            start, end = item.target.quote_start, item.target.quote_end
            if start is not None and end is not None and start <= position < end:
                if row != self.current_row():
                    self.table.selectRow(row)
                return

    # ----------------------------------------------------------------- decisions
    def decide(self, decision: str, row: int | None = None) -> None:
        """Accept or reject one suggestion (the selected one by default), then move to the next undecided."""
        if self.review is None:
            return
        row = self.current_row() if row is None else row
        if not (0 <= row < len(self.review.items)) or self.review.items[row].in_ledger:
            return  # an item in the ledger stays as it is: its target is edited or deleted in its own form
        self.review.items[row].decision = decision
        self.model.row_changed(row)
        following = [r for r in range(row + 1, len(self.review.items)) if self.review.items[r].decision == PENDING]
        if following:
            self.table.selectRow(following[0])
        self._highlight()
        self._update_state()

    def decide_rest(self, decision: str) -> None:
        if self.review is None:
            return
        for row, item in enumerate(self.review.items):
            if item.decision == PENDING:
                item.decision = decision
                self.model.row_changed(row)
        self._highlight()
        self._update_state()

    @Slot()
    def _on_editor_item_edited(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.row_changed(row)
            for other in range(self.model.rowCount()):
                self.model.row_changed(other)  # a commitment title may be shared
        self._update_state()

    # ----------------------------------------------------------------- header
    def _header_values(self) -> tuple[dict[str, Any], dict[str, str]]:
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for field in self.header_fields:
            try:
                values[field.name] = field.value()
            except ValidationError as error:
                problems[field.name] = user_message(error)
        return values, problems

    @Slot()
    def _on_header_changed(self) -> None:
        if self.review is None:
            return
        values, problems = self._header_values()
        for field in self.header_fields:
            field.show_error(problems.get(field.name))
        if not problems:
            review = self.review
            review.reply = dataclasses.replace(
                review.reply, doc_number=values["doc_number"], issuing_office=values["issuing_office"],
                title=values["title"], addressee=values["addressee"], reply_date=values["reply_date"],
                signer=values["signer"], handler=values["handler"], phone=values["phone"], cc=values["cc"],
                result_class=values["result_class"],
                replying_unit=values["issuing_office"] or review.reply.replying_unit)
            review.proposal.session = values["session"]
            review.proposal.number = values["number"]
            review.proposal.kind = values["proposal_kind"]
            for problem in review.reply.problems():
                field = self.header_by_name.get(problem.field)
                if field is not None:
                    field.show_error(user_message(problem))
                    problems[problem.field] = user_message(problem)
        self._header_problems = problems
        self._update_state()

    # ----------------------------------------------------------------- saving
    def blockers(self) -> list[str]:
        """Why Save is not possible yet (empty when it is)."""
        if self.review is None:
            return [self.tr("The letter is still being read.")]
        reasons = []
        if getattr(self, "_header_problems", {}):
            reasons.append(self.tr("Correct the header fields marked in red."))
        if not self.header_confirmed.isChecked():
            reasons.append(self.tr("Confirm that you checked the header."))
        return reasons

    @Slot()
    def _update_state(self) -> None:
        if self.review is None:
            return
        counts = self.review.counts()
        summary = self.tr("{accepted} accepted, {rejected} rejected, {pending} to review").format(
            accepted=counts[ACCEPTED], rejected=counts[REJECTED], pending=counts[PENDING])
        if counts[IN_LEDGER]:
            summary += self.tr(", {count} already in the ledger").format(count=counts[IN_LEDGER])
        if counts[PENDING]:
            summary += " " + self.tr("(saving keeps %n undecided suggestion(s) for later)", "", counts[PENDING])
        self.summary_label.setText(summary)
        reasons = self.blockers()
        self.save_button.setEnabled(not reasons and not self._saved)
        self.message_label.setText(" ".join(reasons))

    def _state(self) -> tuple:
        """What saving would write: the header, the decisions, the items and the new commitments' titles."""
        review = self.review
        assert review is not None
        return (repr(review.reply), repr(review.proposal),
                tuple((item.decision, repr(item.target), item.link) for item in review.items),
                tuple((key, new.title) for key, new in review.new_commitments.items()))

    def has_unsaved_changes(self) -> bool:
        """A new letter is unsaved until it is saved; a letter whose reply is in the ledger only once something
        was changed (looking at it again asks nothing)."""
        if self.review is None or self._saved:
            return False
        return self.review.existing_reply_id is None or self._state() != self._loaded_state

    @Slot()
    def save(self) -> bool:
        """Write the reviewed letter; returns True when it is in the ledger."""
        if self.review is None or self.blockers():
            self._update_state()
            return False
        existing = {commitment.id: commitment for commitment in self._existing if commitment.id is not None}
        try:
            stored = {commitment_id: self._store.targets_of(commitment_id) for commitment_id in existing}
            plan = plan_records(self.review, imported_by=self._store.actor, existing_commitments=existing,
                                existing_targets=stored)
            result = save_review(self._store, plan)
        except RecordErrors as errors:
            self.message_label.setText(" ".join(user_message(p) for p in errors.problems))
            return False
        except LedgerError as error:
            self.message_label.setText(user_message(error))
            return False
        self._saved = True
        summary = self.tr("Saved: reply #{reply} with %n target(s).", "", len(result.target_ids)).format(
            reply=result.reply_id)
        if result.skipped:
            summary += " " + self.tr("%n target(s) already in the ledger were not saved again.", "",
                                     len(result.skipped))
        if result.pending_suggestions:
            summary += " " + self.tr("%n undecided suggestion(s) are kept for later; choose Review letter again on "
                                     "the reply in the Replies list to decide them.", "", result.pending_suggestions)
        self.summary_label.setText(summary)
        self.message_label.clear()
        self.save_button.setEnabled(False)
        self.saved.emit(result.reply_id)
        self.saved_summary.emit(summary)
        self.close()
        return True

    def discard_and_close(self) -> None:
        """Close without asking (the main window already asked)."""
        self._discarding = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.has_unsaved_changes() and not self._discarding:
            answer = self.prompter.ask_unsaved(self, [self.windowTitle()])
            if answer == CANCEL or (answer == SAVE and not self.save()):
                event.ignore()
                return
        event.accept()
        self.closed.emit()
