"""The letter review screen: the letter with every extracted target highlighted, and the clerk's decisions.

Reading and extracting the file runs off the GUI thread (with a progress dialog and Cancel). The clerk checks the
header fields, accepts, edits or rejects each suggestion, links each to a new or existing commitment, confirms
the header and saves: the source document, the reply and exactly the accepted targets, in one transaction. An
accepted baseline linked to a commitment with a target it measures becomes that target's baseline; suggestions left
undecided are kept as pending suggestions for later, as ``reply-ledger import`` keeps them.

A letter whose reply is in the ledger already shows the earlier decisions: items accepted before are marked as in
the ledger and are not saved again, rejected ones are rejected, undecided ones wait. A stored reply's letter is
reviewed again the same way from its stored text (:class:`db.letter_decisions.StoredLetter`), without a file.

The list shows the promises first, each with the baselines it is measured against folded under it; a suggestion
that repeats a promise the ledger holds already (typed by hand, or from another letter of the proposal) says so,
and accepting it links it to that promise; "Add as new" keeps it as a promise of its own. Low-confidence
suggestions are marked and the list sorts by confidence. The parts below the window are in
:mod:`desktop.ui.review_models`.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db import Store
from db.letter_decisions import StoredLetter
from db.letter_review import begin_review, begin_stored_review, save_review
from desktop.core.errors import LedgerError, RecordErrors, ValidationError
from desktop.core.extraction import Document, LetterExtraction
from desktop.core.letter_review import (
    ACCEPTED,
    EXISTING_PREFIX,
    IN_LEDGER,
    PENDING,
    REJECTED,
    LetterReview,
    plan_records,
)
from desktop.core.records import Commitment
from desktop.ui import labels
from desktop.ui.forms import (
    ERROR_STYLE,
    ChoiceField,
    Field,
    TextField,
    field_layout,
    letter_header_fields,
)
from desktop.ui.messages import user_message
from desktop.ui.models import SORT_ROLE
from desktop.ui.prompts import CANCEL, SAVE, Prompter
from desktop.ui.review_models import (
    CURRENT_HIGHLIGHT,
    DECISIONS,
    HIGHLIGHT,
    MATCHES,
    SuggestionEditor,
    SuggestionTreeModel,
    TextPositions,
    decision_of,
    extract_stored,
    read_and_extract,
)
from desktop.ui.screens import fit_to_screen
from desktop.ui.workers import Pool, ProgressRunner

logger = logging.getLogger(__name__)

# Kept importable from here: the review's reading functions and its list model.
__all__ = ["LetterReviewWindow", "SuggestionTreeModel", "TextPositions", "extract_stored", "read_and_extract"]


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
        fit_to_screen(self, 1360, 860)

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
        self.model = SuggestionTreeModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTreeView(self)
        self.table.setObjectName("suggestionTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.header().setStretchLastSection(False)
        # The letter's order first; a click on a header sorts (by confidence, decision...), children within.
        self.table.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
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
        self.add_new_button = QPushButton(self.tr("Add as &new"), self)
        self.add_new_button.setObjectName("addAsNewButton")
        self.add_new_button.setToolTip(self.tr("Keep this suggestion as a promise of its own, although the ledger "
                                               "holds a promise like it"))
        self.add_new_button.clicked.connect(lambda: self.add_as_new())
        decisions = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.add_new_button):
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
        """The letter was read: show the window with it (a file that is not a letter never shows an empty one)."""
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
        self.show()

    @Slot(object)
    def _on_runner_failed(self, error: object) -> None:
        message = user_message(error) if isinstance(error, LedgerError) else self.tr(
            "The letter could not be read; details are in the log.")
        self.summary_label.setText("")
        self.message_label.setText(message)
        self.show()
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
        known = {commitment.id for commitment in self._existing}
        for item in review.items:  # commitments of the promises the suggestions repeat (maybe of another reply)
            if item.duplicate_of is not None and item.link.startswith(EXISTING_PREFIX):
                commitment_id = int(item.link.removeprefix(EXISTING_PREFIX))
                if commitment_id not in known and (found := self._store.get(Commitment, commitment_id)):
                    self._existing.append(found)
                    known.add(commitment_id)
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
        repeated = sum(1 for item in review.items if item.duplicate_of is not None)
        if repeated:
            notes.append(self.tr("%n suggestion(s) repeat promises the ledger holds already (marked in orange): "
                                 "accepting links them to those instead of adding them again.", "", repeated))
        low = sum(1 for item in review.items if item.low_confidence and not item.in_ledger)
        if low:
            notes.append(self.tr("%n suggestion(s) have a low confidence (marked ⚠): check them against the "
                                 "letter.", "", low))
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
        self.table.collapseAll()  # baselines stay folded under their promises
        for column in range(self.model.columnCount()):
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 220))
        # Room for a baseline's decision under its promise (indented one level).
        longest = QCoreApplication.translate("Decisions", DECISIONS[MATCHES])
        decision_width = self.fontMetrics().horizontalAdvance(longest) + self.table.indentation()
        self.table.setColumnWidth(0, max(self.table.columnWidth(0), decision_width + 24))
        self._set_enabled(True)
        self._on_header_changed()
        self._loaded_state = self._state()
        self._highlight()
        order = self.model.items_in_order()
        if order:
            self.select_suggestion(order[0])
        self.loaded.emit(len(review.items))

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.table, self.accept_button, self.reject_button, self.accept_rest_button,
                       self.reject_rest_button, self.add_new_button, self.header_confirmed):
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
        """The review item selected (its index in ``review.items``), -1 when none is."""
        index = self.proxy.mapToSource(self.table.selectionModel().currentIndex())
        item_row = self.model.item_row(index)
        return -1 if item_row is None else item_row

    def view_index(self, item_row: int, column: int = 0) -> QModelIndex:
        """The list's index of a review item (its group unfolded when it is a baseline)."""
        return self.proxy.mapFromSource(self.model.index_of_item(item_row, column))

    def item_texts(self, column: int) -> list[str]:
        """A column's text for every item, in the review's order (as a check of what the list shows)."""
        if self.review is None:
            return []
        return [str(self.model.index_of_item(row, column).data() or "") for row in range(len(self.review.items))]

    def _update_decision_buttons(self) -> None:
        """Accept and Reject act on the selected item, unless it is in the ledger already; "Add as new" on an item
        that repeats a promise of the ledger."""
        row = self.current_row()
        item = self.review.items[row] if self.review is not None and 0 <= row < len(self.review.items) else None
        decidable = item is not None and not item.in_ledger
        for button in (self.accept_button, self.reject_button):
            button.setEnabled(decidable)
        self.add_new_button.setEnabled(bool(decidable and item is not None and item.links_existing))
        self.accept_button.setText(self.tr("&Link to existing") if decidable and item is not None
                                   and item.links_existing else self.tr("&Accept"))

    def select_suggestion(self, item_row: int) -> None:
        index = self.view_index(item_row)
        if not index.isValid():
            return
        if index.parent().isValid():
            self.table.expand(index.parent())
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        item_row = self.model.item_row(self.proxy.mapToSource(current))
        if self.review is None or item_row is None:
            self.editor.load(None)
            self._update_decision_buttons()
            return
        item = self.review.items[item_row]
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
                    self.select_suggestion(row)
                return

    # ----------------------------------------------------------------- decisions
    def decide(self, decision: str, row: int | None = None) -> None:
        """Accept or reject one suggestion (the selected one by default), then move to the next undecided.
        Accepting a suggestion that repeats a promise of the ledger links it to that promise."""
        if self.review is None:
            return
        row = self.current_row() if row is None else row
        if not (0 <= row < len(self.review.items)) or self.review.items[row].in_ledger:
            return  # an item in the ledger stays as it is: its target is edited or deleted in its own form
        self.review.items[row].decision = decision
        self.model.item_changed(row)
        order = self.model.items_in_order()
        position = order.index(row) if row in order else -1
        following = [r for r in order[position + 1:] if self.review.items[r].decision == PENDING]
        if following:
            self.select_suggestion(following[0])
        self._update_decision_buttons()
        self._highlight()
        self._update_state()

    @Slot()
    def add_as_new(self, row: int | None = None) -> None:
        """Keep a suggestion that repeats a promise of the ledger as a promise of its own (a new commitment)."""
        if self.review is None:
            return
        row = self.current_row() if row is None else row
        if not (0 <= row < len(self.review.items)):
            return
        item = self.review.items[row]
        if item.in_ledger or item.duplicate_of is None:
            return
        item.keep_new = True
        if item.new_link:
            for other in self.review.items:  # its baselines go back with it
                if other.target.kind == "baseline" and other.new_link == item.new_link and other.link == item.link:
                    other.link = item.new_link
            item.link = item.new_link
        self.editor.load(item)
        self.decide(ACCEPTED, row)
        self.model.all_changed()

    def decide_rest(self, decision: str) -> None:
        if self.review is None:
            return
        for row, item in enumerate(self.review.items):
            if item.decision == PENDING:
                item.decision = decision
                self.model.item_changed(row)
        self._update_decision_buttons()
        self._highlight()
        self._update_state()

    @Slot()
    def _on_editor_item_edited(self) -> None:
        self.model.all_changed()  # a commitment title may be shared
        self._update_decision_buttons()
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
