"""The parts of the letter review screen below the window: reading the letter, the list of suggestions (promises
with their baselines grouped under them) and the editor of one suggestion."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop.core.errors import ValidationError
from desktop.core.extraction import Document, LetterExtraction, extract_document, extract_files
from desktop.core.letter_review import (
    ACCEPTED,
    EXISTING_PREFIX,
    IN_LEDGER,
    NEW_PREFIX,
    PENDING,
    REJECTED,
    LetterReview,
    ReviewGroup,
    ReviewItem,
    review_groups,
)
from desktop.core.records import Commitment, Target
from desktop.core.units import normalize
from desktop.ui import labels
from desktop.ui.forms import ChoiceField, DateField, Field, QuantityField, TextField, field_layout
from desktop.ui.labels import QT_TRANSLATE_NOOP
from desktop.ui.messages import user_message
from desktop.ui.models import SORT_ROLE

LINKED = "linked"  # accepted as the promise the ledger holds already
MATCHES = "matches"  # undecided, and the same as a promise in the ledger
DECISIONS = {
    PENDING: QT_TRANSLATE_NOOP("Decisions", "To review"),
    ACCEPTED: QT_TRANSLATE_NOOP("Decisions", "Accepted"),
    REJECTED: QT_TRANSLATE_NOOP("Decisions", "Rejected"),
    IN_LEDGER: QT_TRANSLATE_NOOP("Decisions", "In the ledger"),
    LINKED: QT_TRANSLATE_NOOP("Decisions", "Linked to the existing one"),
    MATCHES: QT_TRANSLATE_NOOP("Decisions", "To review: in the ledger already?"),
}
HIGHLIGHT = {PENDING: "#fff1a8", ACCEPTED: "#c5e8c8", REJECTED: "#e4e4e4", IN_LEDGER: "#9fd4a5", LINKED: "#9fd4a5",
             MATCHES: "#ffd6a5"}
CURRENT_HIGHLIGHT = "#ffc94d"
LOW_CONFIDENCE_COLOUR = "#ffe0b2"
ITEM_ROLE = Qt.ItemDataRole.UserRole + 10  # the review item's index (None on the group of unmatched baselines)


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
    """The decision a row shows: an item accepted before is ``IN_LEDGER``; one that repeats a promise of the
    ledger is ``MATCHES`` until decided, and ``LINKED`` once accepted."""
    if item.in_ledger:
        return IN_LEDGER
    if item.links_existing:
        return {PENDING: MATCHES, ACCEPTED: LINKED}.get(item.decision, item.decision)
    return item.decision


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


Index = QModelIndex | QPersistentModelIndex


class SuggestionTreeModel(QAbstractItemModel):
    """The review's suggestions: promises first, each with the baselines it is measured against as its children,
    then the baselines that measure no promise under one group row. Coloured by the clerk's decision;
    low-confidence suggestions are marked. ``ITEM_ROLE`` gives a row's item index in the review."""

    HEADERS = (
        QT_TRANSLATE_NOOP("SuggestionColumns", "Decision"),
        QT_TRANSLATE_NOOP("SuggestionColumns", "Indicator"),
        QT_TRANSLATE_NOOP("SuggestionColumns", "Comparator"),
        QT_TRANSLATE_NOOP("SuggestionColumns", "Value"),
        QT_TRANSLATE_NOOP("SuggestionColumns", "Unit"),
        QT_TRANSLATE_NOOP("SuggestionColumns", "Deadline"),
        QT_TRANSLATE_NOOP("SuggestionColumns", "Kind"),
        QT_TRANSLATE_NOOP("SuggestionColumns", "Commitment"),
        QT_TRANSLATE_NOOP("SuggestionColumns", "Confidence"),
    )
    CONFIDENCE_COLUMN = 8

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.review: LetterReview | None = None
        self.groups: list[ReviewGroup] = []
        self._titles: dict[str, str] = {}

    def set_review(self, review: LetterReview | None, existing: list[Commitment] | None = None) -> None:
        """Show ``review``'s items; ``existing`` are the stored commitments they may be linked to."""
        self.beginResetModel()
        self.review = review
        self.groups = review_groups(review) if review is not None else []
        self._titles = {f"{EXISTING_PREFIX}{c.id}": c.title for c in existing or () if c.id is not None}
        self.endResetModel()

    def item(self, row: int) -> ReviewItem:
        assert self.review is not None
        return self.review.items[row]

    def items_in_order(self) -> list[int]:
        """The item indexes as the list shows them, each promise followed by its baselines."""
        order: list[int] = []
        for group in self.groups:
            if group.item is not None:
                order.append(group.item)
            order.extend(group.children)
        return order

    def index_of_item(self, item_row: int, column: int = 0) -> QModelIndex:
        for top, group in enumerate(self.groups):
            if group.item == item_row:
                return self.index(top, column)
            if item_row in group.children:
                return self.index(group.children.index(item_row), column, self.index(top, 0))
        return QModelIndex()

    def item_row(self, index: Index) -> int | None:
        """The review item a row shows (None for the group row of unmatched baselines)."""
        if not index.isValid():
            return None
        parent = index.internalId()
        if parent == 0:
            return self.groups[index.row()].item if index.row() < len(self.groups) else None
        group = self.groups[parent - 1]
        return group.children[index.row()] if index.row() < len(group.children) else None

    def item_changed(self, item_row: int) -> None:
        first = self.index_of_item(item_row, 0)
        if first.isValid():
            last = self.index_of_item(item_row, len(self.HEADERS) - 1)
            self.dataChanged.emit(first, last)

    def all_changed(self) -> None:
        for item_row in self.items_in_order():
            self.item_changed(item_row)

    # ----------------------------------------------------------------- tree structure
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(self.HEADERS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self.groups) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self.groups):
            return QModelIndex()
        if row >= len(self.groups[parent.row()].children):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if not parent.isValid():
            return len(self.groups)
        if parent.column() > 0 or parent.internalId() != 0 or parent.row() >= len(self.groups):
            return 0
        return len(self.groups[parent.row()].children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate("SuggestionColumns", self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ----------------------------------------------------------------- cells
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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.review is None or not index.isValid():
            return None
        item_row = self.item_row(index)
        if item_row is None:  # the group of baselines that measure no promise
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 1:
                count = len(self.groups[index.row()].children)
                return QCoreApplication.translate("LetterReviewWindow", "Baselines no promise is measured against "
                                                  "(%n)", None, count)
            return None
        if role == ITEM_ROLE:
            return item_row
        item = self.review.items[item_row]
        target = item.target
        column = index.column()
        decision = decision_of(item)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == 0:
                return QBrush(QColor(HIGHLIGHT[decision]))
            if column == self.CONFIDENCE_COLUMN and item.low_confidence:
                return QBrush(QColor(LOW_CONFIDENCE_COLOUR))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if item.duplicate_of is not None and not item.keep_new:
                return QCoreApplication.translate("LetterReviewWindow", "The ledger holds this promise already: "
                                                  "{existing}. Accepting links it to that one.").format(
                    existing=item.duplicate_label)
            if item.low_confidence and column == self.CONFIDENCE_COLUMN:
                return QCoreApplication.translate("LetterReviewWindow", "Low confidence: check this suggestion "
                                                  "against the letter.")
            return target.quote
        if role == SORT_ROLE:
            if column == self.CONFIDENCE_COLUMN:
                return item.confidence
            if column == 0:
                return list(HIGHLIGHT).index(decision)
            return str(self.data(index, Qt.ItemDataRole.DisplayRole) or "")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            text = QCoreApplication.translate("Decisions", DECISIONS[decision])
            return text + (" ✎" if item.edited else "")
        if column == self.CONFIDENCE_COLUMN:
            return ("⚠ " if item.low_confidence else "") + f"{item.confidence:.0%}"
        if column == 7 and item.links_existing and item.duplicate_label:
            return QCoreApplication.translate("LetterReviewWindow", "Existing: {title}").format(
                title=item.duplicate_label)
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
        self._existing: list[Commitment] = []
        self.setEnabled(False)

    def set_links(self, review: LetterReview, existing: list[Commitment]) -> None:
        self.review = review
        self._existing = list(existing)

    def _fill_links(self, item: ReviewItem) -> None:
        """The commitments an item can be linked to: new ones that hold a promise (not each baseline's own), the
        item's own, and the stored ones."""
        assert self.review is not None
        promised = {other.link for other in self.review.items if other.target.kind != "baseline"}
        self.link_combo.clear()
        for key, new in self.review.new_commitments.items():
            link = NEW_PREFIX + key
            if link in promised or link in (item.link, item.new_link):
                self.link_combo.addItem(self.tr("New: {title}").format(title=new.title), link)
        for commitment in self._existing:
            self.link_combo.addItem(self.tr("Existing: {title}").format(title=commitment.title),
                                    f"{EXISTING_PREFIX}{commitment.id}")

    def load(self, item: ReviewItem | None) -> None:
        """Show ``item``; an item already in the ledger is shown but not edited here (its form edits it)."""
        self._item = item
        self.setEnabled(item is not None and not item.in_ledger)
        if item is None:
            return
        target = item.target
        self._loading = True
        try:
            self._fill_links(item)
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
            if item.duplicate_of is not None and not link.startswith(EXISTING_PREFIX):
                item.keep_new = True  # linked to a new commitment: the clerk keeps it as a promise of its own
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
