"""The form machinery: fields that parse and check what is typed, with the message beside the field.

A form is a list of fields. Each field reads its widget (``raw()`` for drafts, ``value()`` parsed with the core's
validation, which raises :class:`ValidationError`), and has a label (``*`` when required) and a message label.
:class:`RecordForm` runs every field and then the record's own ``problems()`` as the user types, shows each
message beside its field, and enables Save only when the record is valid and changed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db import Store
from db import lists as db_lists
from desktop.core.docnumber import parse_doc_number
from desktop.core.errors import LedgerError, RecordErrors, ValidationError
from desktop.core.records import Record
from desktop.core.units import Quantity, parse_quantity
from desktop.core.validation import check_phone, parse_optional_date
from desktop.ui.messages import user_message
from desktop.ui.safety import ReloadOffer

logger = logging.getLogger(__name__)

ERROR_STYLE = "color: #b3261e;"
HINT_STYLE = "color: #5f6368;"
WARNING_STYLE = "color: #8a5a00;"
FORM_LEVEL = "_form"


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _required_error(name: str) -> ValidationError:
    return ValidationError(name, f"The field '{name}' is required; fill it in.", code="required")


class Field:
    """One input of a form. Subclasses make the widget and parse its content."""

    def __init__(self, name: str, label: str, *, required: bool = False, hint: str = "") -> None:
        self.name = name
        self.label = label
        self.required = required
        self.hint = hint
        self.widget: QWidget = self._make_widget()
        self.widget.setObjectName(f"{camel(name)}Edit")
        if hint:
            self.widget.setToolTip(hint)
        self.error_label = QLabel()
        self.error_label.setObjectName(f"{camel(name)}Error")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        # A note under the field that does not block saving (how a date was computed, a unit that looks wrong).
        self.note_label = QLabel()
        self.note_label.setObjectName(f"{camel(name)}Note")
        self.note_label.setWordWrap(True)
        self.note_label.hide()

    def _make_widget(self) -> QWidget:
        raise NotImplementedError

    def connect_changed(self, slot: Callable[[], None]) -> None:
        raise NotImplementedError

    def raw(self) -> Any:
        """What the user typed or chose, as JSON-able data (for drafts)."""
        raise NotImplementedError

    def set_raw(self, raw: Any) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        """The parsed value; raises ValidationError."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def show_note(self, message: str | None, *, warning: bool = False) -> None:
        self.note_label.setText(message or "")
        self.note_label.setStyleSheet(WARNING_STYLE if warning else HINT_STYLE)
        self.note_label.setVisible(bool(message))

    def show_error(self, message: str | None) -> None:
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))
        self.widget.setProperty("invalid", bool(message))
        self.widget.setStyleSheet("border: 1px solid #b3261e;" if message and isinstance(
            self.widget, QLineEdit | QPlainTextEdit) else "")


class TextField(Field):
    def __init__(self, name: str, label: str, *, multiline: bool = False, **kwargs: Any) -> None:
        self.multiline = multiline
        super().__init__(name, label, **kwargs)

    def _make_widget(self) -> QWidget:
        if self.multiline:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(60)
            edit.setMaximumHeight(140)
            return edit
        return QLineEdit()

    def connect_changed(self, slot: Callable[[], None]) -> None:
        self.widget.textChanged.connect(slot)  # type: ignore[attr-defined]

    def raw(self) -> str:
        if isinstance(self.widget, QPlainTextEdit):
            return self.widget.toPlainText()
        return self.widget.text()  # type: ignore[attr-defined]

    def set_raw(self, raw: Any) -> None:
        text = "" if raw is None else str(raw)
        if isinstance(self.widget, QPlainTextEdit):
            if self.widget.toPlainText() != text:
                self.widget.setPlainText(text)
        elif self.widget.text() != text:  # type: ignore[attr-defined]
            self.widget.setText(text)  # type: ignore[attr-defined]
            self.widget.setCursorPosition(0)  # type: ignore[attr-defined]

    def text(self) -> str | None:
        text = self.raw().strip()
        if not text:
            if self.required:
                raise _required_error(self.name)
            return None
        return text

    def value(self) -> Any:
        return self.text()

    def set_value(self, value: Any) -> None:
        self.set_raw("" if value is None else value)


class DateField(TextField):
    def __init__(self, name: str, label: str, **kwargs: Any) -> None:
        super().__init__(name, label, **kwargs)
        self.widget.setPlaceholderText(QCoreApplication.translate("DateField", "e.g. 2021-12-31"))  # type: ignore[attr-defined]

    def value(self) -> Any:
        raw = self.raw()
        if not raw.strip():
            if self.required:
                raise ValidationError(self.name, f"The field '{self.name}' needs a date; write it as 2021-12-31.",
                                      code="date_missing")
            return None
        return parse_optional_date(raw, self.name)

    def set_value(self, value: Any) -> None:
        self.set_raw("" if value is None else value.isoformat())


class DocNumberField(TextField):
    def __init__(self, name: str, label: str, **kwargs: Any) -> None:
        super().__init__(name, label, **kwargs)
        self.widget.setPlaceholderText("常工信复〔2021〕第39号")  # type: ignore[attr-defined]

    def value(self) -> Any:
        text = self.text()
        if text is not None:
            parse_doc_number(text, self.name)
        return text


class PhoneField(TextField):
    def value(self) -> Any:
        text = self.text()
        if text is not None:
            check_phone(text, self.name)
        return text


class QuantityField(TextField):
    """A number with its unit as written (15亿元, 1万个, 30%); the value is a core ``Quantity``."""

    def __init__(self, name: str, label: str, *, placeholder: str = "15亿元", **kwargs: Any) -> None:
        super().__init__(name, label, **kwargs)
        self.widget.setPlaceholderText(placeholder)  # type: ignore[attr-defined]

    def value(self) -> Quantity | None:
        text = self.text()
        return None if text is None else parse_quantity(text, self.name)

    def set_value(self, value: Any) -> None:
        """Show ``(number, unit)`` as "15亿元"; None or a missing number shows an empty field."""
        number, unit = value if isinstance(value, tuple) else (value, None)
        self.set_raw("" if number is None else f"{number:.10g}{unit or ''}")


class ListField(TextField):
    """Several names in one line, separated by 、 , ; or spaces."""

    SEPARATORS = re.compile(r"[、,，;；\n]+")

    def value(self) -> list[str]:
        text = self.text()
        if text is None:
            return []
        return [part.strip() for part in self.SEPARATORS.split(text) if part.strip()]

    def set_value(self, value: Any) -> None:
        self.set_raw("、".join(value or []))


class ChoiceField(Field):
    """A choice among codes; ``choices`` are (code, translated label); ``empty`` adds a "none" entry first."""

    def __init__(self, name: str, label: str, choices: Sequence[tuple[Any, str]], *, empty: str | None = None,
                 **kwargs: Any) -> None:
        self._choices = list(choices)
        self._empty = empty
        super().__init__(name, label, **kwargs)

    def _make_widget(self) -> QWidget:
        combo = QComboBox()
        if self._empty is not None:
            combo.addItem(self._empty, None)
        for code, text in self._choices:
            combo.addItem(text, code)
        return combo

    def connect_changed(self, slot: Callable[[], None]) -> None:
        self.widget.currentIndexChanged.connect(slot)  # type: ignore[attr-defined]

    def raw(self) -> Any:
        return self.widget.currentData()  # type: ignore[attr-defined]

    def set_raw(self, raw: Any) -> None:
        combo: QComboBox = self.widget  # type: ignore[assignment]
        index = combo.findData(raw)
        if index < 0 and raw is not None:
            combo.addItem(str(raw), raw)  # a stored code this office's settings no longer offer
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    def value(self) -> Any:
        code = self.raw()
        if code is None and self.required:
            raise _required_error(self.name)
        return code

    def set_value(self, value: Any) -> None:
        self.set_raw(value)


class BoolField(Field):
    def _make_widget(self) -> QWidget:
        return QCheckBox()

    def connect_changed(self, slot: Callable[[], None]) -> None:
        self.widget.toggled.connect(slot)  # type: ignore[attr-defined]

    def raw(self) -> bool:
        return self.widget.isChecked()  # type: ignore[attr-defined]

    def set_raw(self, raw: Any) -> None:
        self.widget.setChecked(bool(raw))  # type: ignore[attr-defined]

    def value(self) -> bool:
        return self.raw()

    def set_value(self, value: Any) -> None:
        self.set_raw(value)


class RecordPicker(QComboBox):
    """Choose a linked record by typing part of its label; the list shows the newest matches.

    Searching goes through ``db.lists.record_labels`` (the full-text index), so it stays quick on large data.
    """

    def __init__(self, store: Store, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._kind = kind
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(20)
        self.lineEdit().setPlaceholderText(self.tr("Type to search, then choose"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._search)
        self.lineEdit().textEdited.connect(self._timer.start)
        self.refill("")

    def refill(self, text: str, include: Sequence[int] = ()) -> None:
        typed = self.currentText()
        self.blockSignals(True)
        self.clear()
        for record_id, label in db_lists.record_labels(self._store, self._kind, text, include=include):
            self.addItem(label, record_id)
        self.setCurrentIndex(-1)
        self.setEditText(typed)
        self.blockSignals(False)

    @Slot()
    def _search(self) -> None:
        text = self.currentText()
        self.refill(text)
        self.setEditText(text)
        if self.count() and self.isVisible():
            self.showPopup()

    def value(self) -> int | None:
        index = self.currentIndex()
        if index >= 0 and self.itemText(index) == self.currentText():
            return self.itemData(index)
        return None

    def set_value(self, record_id: int | None) -> None:
        self.blockSignals(True)
        if record_id is None:
            self.setCurrentIndex(-1)
            self.setEditText("")
        else:
            index = self.findData(record_id)
            if index < 0:
                self.refill("", include=[record_id])
                index = self.findData(record_id)
            self.setCurrentIndex(index)
        self.blockSignals(False)
        self.currentIndexChanged.emit(self.currentIndex())


class LinkField(Field):
    """The record this one belongs to (a reply's proposal, a target's commitment...)."""

    def __init__(self, name: str, label: str, store: Store, kind: str, **kwargs: Any) -> None:
        self._store = store
        self._kind = kind
        super().__init__(name, label, **kwargs)

    def _make_widget(self) -> QWidget:
        return RecordPicker(self._store, self._kind)

    @property
    def picker(self) -> RecordPicker:
        return self.widget  # type: ignore[return-value]

    def connect_changed(self, slot: Callable[[], None]) -> None:
        self.picker.currentIndexChanged.connect(slot)
        self.picker.editTextChanged.connect(slot)

    def raw(self) -> Any:
        return self.picker.value()

    def set_raw(self, raw: Any) -> None:
        self.picker.set_value(raw)

    def value(self) -> Any:
        record_id = self.picker.value()
        text = self.picker.currentText().strip()
        if record_id is None and text:
            raise ValidationError(self.name, f"'{text}' is not in the list; choose one of the matches.",
                                  code="link_unknown", value=text)
        if record_id is None and self.required:
            raise ValidationError(self.name, f"The field '{self.name}' needs a linked record; choose one.",
                                  code="link_missing")
        return record_id

    def set_value(self, value: Any) -> None:
        self.set_raw(value)


def letter_header_fields(store: Store) -> list[Field]:
    """The fields of a reply letter's header, as the reply form and the letter review both show them."""
    classes = [(c["code"], f"{c['code']} — {c['label']}") for c in store.get_setting("result_class.classes")]
    return [
        DocNumberField("doc_number", QCoreApplication.translate("LetterHeader", "Document number")),
        TextField("issuing_office", QCoreApplication.translate("LetterHeader", "Issuing office")),
        TextField("title", QCoreApplication.translate("LetterHeader", "Title")),
        TextField("addressee", QCoreApplication.translate("LetterHeader", "Addressee")),
        DateField("reply_date", QCoreApplication.translate("LetterHeader", "Date")),
        TextField("signer", QCoreApplication.translate("LetterHeader", "Signer")),
        TextField("handler", QCoreApplication.translate("LetterHeader", "Handler")),
        PhoneField("phone", QCoreApplication.translate("LetterHeader", "Phone")),
        TextField("cc", QCoreApplication.translate("LetterHeader", "Copy to")),
        ChoiceField("result_class", QCoreApplication.translate("LetterHeader", "Result class"), classes,
                    empty=QCoreApplication.translate("LetterHeader", "(not set)")),
    ]


def field_layout(fields: Sequence[Field], on_changed: Callable[[], None]) -> QFormLayout:
    """Fields in a form layout: caption (with * when required), then the input with its message below."""
    layout = QFormLayout()
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    # In a narrow pane (a 1280×720 screen) a field moves under its label instead of being cut.
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    for field in fields:
        caption = QLabel(field.label + (" *" if field.required else ""))
        caption.setObjectName(f"{camel(field.name)}Label")
        if field.required:
            caption.setToolTip(QCoreApplication.translate("RecordForm", "Required"))
        caption.setBuddy(field.widget)
        field.widget.setMinimumWidth(160)
        cell = QVBoxLayout()
        cell.setSpacing(2)
        cell.addWidget(field.widget)
        cell.addWidget(field.error_label)
        cell.addWidget(field.note_label)
        layout.addRow(caption, cell)
        field.connect_changed(on_changed)
    return layout


class UndoFallThrough(QObject):
    """Ctrl+Z in a field undoes the typing in that field; once the field has nothing left to undo, it reaches the
    window's undo (the saved edits of the ledger) instead of doing nothing."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo)
            if undo or redo:
                if isinstance(watched, QLineEdit):
                    available = watched.isUndoAvailable() if undo else watched.isRedoAvailable()
                elif isinstance(watched, QPlainTextEdit):
                    document = watched.document()
                    available = document.isUndoAvailable() if undo else document.isRedoAvailable()
                else:
                    return False
                if not available:
                    event.ignore()
                    return True  # the field does not claim the key: the window's shortcut runs
        return False


def clear_typing_history(fields: Sequence[Field]) -> None:
    """Forget what was typed in the fields (after a load or a save), so that Ctrl+Z there reaches the ledger."""
    for field in fields:
        widget = field.widget
        if isinstance(widget, QLineEdit):
            text, position = widget.text(), widget.cursorPosition()
            widget.blockSignals(True)
            widget.setText(text)  # setText() clears the undo history
            widget.setCursorPosition(position)
            widget.blockSignals(False)
        elif isinstance(widget, QPlainTextEdit):
            widget.document().clearUndoRedoStacks()
        elif isinstance(widget, QComboBox) and widget.isEditable():
            line = widget.lineEdit()
            text = line.text()
            line.blockSignals(True)
            line.setText(text)
            line.blockSignals(False)


class RecordForm(QWidget):
    """A form for one record; subclasses declare the fields and how they map to the record.

    The form does not write to the store itself: Save calls the ``saver`` given to it (the main window's,
    which records the change for undo), so every save goes through one place.

    Signals:
        dirty_changed(bool): the form now differs (True) or no longer differs from the saved record.
        validity_changed(bool): the record can (True) or cannot be saved.
        edited(): the user changed a field.
        saved(object): the record as stored after a save.
        close_requested(): the user asked to close the form.
    """

    dirty_changed = Signal(bool)
    validity_changed = Signal(bool)
    edited = Signal()
    saved = Signal(object)
    close_requested = Signal()

    kind: ClassVar[str] = ""
    record_type: ClassVar[type[Record]] = Record

    def __init__(self, store: Store, record: Record | None = None, *,
                 saver: Callable[[Record | None, Record], Record] | None = None,
                 defaults: dict[str, Any] | None = None, prompter: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{self.kind}Form")
        self._store = store
        self.prompter = prompter
        self._saver = saver or (lambda before, after: store.save(after))
        self._record: Record | None = record
        self._loaded_raw: dict[str, Any] = {}
        self._dirty = False
        self._valid = False
        self._problems: dict[str, str] = {}
        self._loading = False

        self.fields: list[Field] = self.build_fields()
        self.by_name = {field.name: field for field in self.fields}

        form_layout = field_layout(self.fields, self._on_field_changed)
        self._undo_filter = UndoFallThrough(self)
        for field in self.fields:
            target = field.widget.lineEdit() if isinstance(field.widget, QComboBox) and field.widget.isEditable() \
                else field.widget
            target.installEventFilter(self._undo_filter)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 0, 0)
        inner_layout.addLayout(form_layout)
        self.extra_layout = QVBoxLayout()  # buttons of a form (open the letter, attach a file...)
        inner_layout.addLayout(self.extra_layout)
        inner_layout.addStretch(1)  # rows keep their height; space goes below them
        scroll = QScrollArea(self)
        scroll.setObjectName("formScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)

        self.heading = QLabel(self)
        self.heading.setObjectName("formHeading")
        self.heading.setStyleSheet("font-weight: bold; font-size: 110%;")
        self.heading.setWordWrap(True)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("formMessage")
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.required_note = QLabel(self.tr("* required"), self)
        self.required_note.setObjectName("requiredNote")

        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.close_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.required_note)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message_label)
        self.reload_offer = ReloadOffer(self)  # shown when a save is refused because someone else saved first
        self.reload_offer.reload_requested.connect(self.reload)
        layout.addWidget(self.reload_offer)
        layout.addLayout(buttons)

        self.build_extras()
        if record is not None:
            self.load(record)
        else:
            self._apply_defaults(defaults or {})
            self._loaded_raw = self.raw_values()
            self.validate()
            self.update_notes()
        self._update_heading()

    def build_extras(self) -> None:
        """Add a form's own buttons to ``extra_layout`` (default: none)."""

    def update_notes(self) -> None:
        """Show a form's notes under its fields (default: none)."""

    def focus_first_field(self) -> None:
        """Put the cursor where typing starts: the first empty required field, else the first empty field that is
        typed in (links and choices filled from the context are skipped)."""
        empty = [field for field in self.fields if field.raw() in (None, "", [])]
        for field in [f for f in empty if f.required] + [f for f in empty if isinstance(f, TextField)]:
            field.widget.setFocus()
            return
        if self.fields:
            self.fields[0].widget.setFocus()

    # ----------------------------------------------------------------- for subclasses
    def build_fields(self) -> list[Field]:
        raise NotImplementedError

    def record_values(self, record: Record) -> dict[str, Any]:
        """Field values for a record (default: the attributes with the fields' names)."""
        return {field.name: getattr(record, field.name, None) for field in self.fields}

    def build_record(self, values: dict[str, Any]) -> Record:
        """A record from parsed field values, keeping what the form does not show from the loaded record."""
        raise NotImplementedError

    def title_text(self) -> str:
        """What the record is called in a tab ("第021号", "常工信复〔2021〕第39号")."""
        return ""

    def _apply_defaults(self, defaults: dict[str, Any]) -> None:
        self._loading = True
        try:
            for name, value in defaults.items():
                if name in self.by_name:
                    self.by_name[name].set_value(value)
        finally:
            self._loading = False

    # ----------------------------------------------------------------- state
    @property
    def record(self) -> Record | None:
        """The record as stored (None for a new one)."""
        return self._record

    @property
    def record_id(self) -> int | None:
        return getattr(self._record, "id", None)

    def is_dirty(self) -> bool:
        return self._dirty

    def is_valid(self) -> bool:
        return self._valid

    def problems(self) -> dict[str, str]:
        """Field name (or ``_form``) → message, as shown."""
        return dict(self._problems)

    def raw_values(self) -> dict[str, Any]:
        return {field.name: field.raw() for field in self.fields}

    def set_raw_values(self, raw: dict[str, Any]) -> None:
        """Put typed values back (a draft); the form stays changed until saved."""
        self._loading = True
        try:
            for name, value in raw.items():
                if name in self.by_name:
                    self.by_name[name].set_raw(value)
        finally:
            self._loading = False
        self._on_field_changed()

    def load(self, record: Record) -> None:
        """Show a stored record; the form is then unchanged."""
        self._record = record
        self._loading = True
        try:
            for name, value in self.record_values(record).items():
                if name in self.by_name:
                    self.by_name[name].set_value(value)
        finally:
            self._loading = False
        self._loaded_raw = self.raw_values()
        clear_typing_history(self.fields)
        self._set_dirty(False)
        self.validate()
        self.update_notes()
        self._update_heading()

    def collect(self) -> Record:
        """The record the form describes.

        Raises:
            RecordErrors: a field cannot be read, or the record is not valid.
        """
        values: dict[str, Any] = {}
        errors: list[ValidationError] = []
        for field in self.fields:
            try:
                values[field.name] = field.value()
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise RecordErrors(errors)
        record = self.build_record(values)
        problems = record.problems()
        if problems:
            raise RecordErrors(problems)
        return record

    def validate(self) -> bool:
        """Check everything, show each message beside its field; returns whether the record can be saved."""
        problems: dict[str, str] = {}
        try:
            self.collect()
        except RecordErrors as errors:
            for problem in errors.problems:
                name = problem.field if problem.field in self.by_name else FORM_LEVEL
                problems.setdefault(name, user_message(problem))
        except LedgerError as error:
            problems[FORM_LEVEL] = user_message(error)
        self._problems = problems
        for field in self.fields:
            field.show_error(problems.get(field.name))
        self._show_message(problems.get(FORM_LEVEL))
        valid = not problems
        changed = valid != self._valid
        self._valid = valid
        self._update_save_button()
        if changed:
            self.validity_changed.emit(valid)
        return valid

    def _show_message(self, message: str | None) -> None:
        self.message_label.setText(message or "")
        self.message_label.setVisible(bool(message))

    def _set_dirty(self, dirty: bool) -> None:
        changed = dirty != self._dirty
        self._dirty = dirty
        self._update_save_button()
        if changed:
            self.dirty_changed.emit(dirty)

    def _update_save_button(self) -> None:
        self.save_button.setEnabled(self._valid and (self._dirty or self._record is None))

    def _update_heading(self) -> None:
        self.heading.setText(self.tab_title())

    def tab_title(self) -> str:
        name = self.title_text()
        if self._record is None:
            return QCoreApplication.translate("RecordForm", "New {kind}").format(kind=self.kind_label())
        return f"{self.kind_label()} {name}".strip()

    def kind_label(self) -> str:
        return QCoreApplication.translate("RecordKinds", _KIND_LABELS.get(self.kind, self.kind))

    def differs_from_stored(self) -> bool:
        """Whether saving would change the stored record: values typed differently but equal once read
        (2021-6-10 and 2021-06-10, 1万个 and 10000个 of the same unit) are no change."""
        if self.raw_values() == self._loaded_raw:
            return False
        if self._record is None:
            return True
        try:
            return self.collect() != self._record
        except LedgerError:
            return True  # what is typed cannot be read: it is a change the user has to resolve

    @Slot()
    def _on_field_changed(self) -> None:
        if self._loading:
            return
        self._set_dirty(self.differs_from_stored())
        self.validate()
        self.update_notes()
        self.edited.emit()

    # ----------------------------------------------------------------- saving
    @Slot()
    def save(self) -> Record | None:
        """Save through the saver; returns the stored record, or None (messages shown) when it cannot."""
        if not self.validate():
            return None
        record = self.collect()
        try:
            stored = self._saver(self._record, record)
        except RecordErrors as errors:
            self._show_message(" ".join(user_message(p) for p in errors.problems))
            return None
        except LedgerError as error:
            self._show_message(user_message(error))
            self.reload_offer.setVisible(error.code == "conflict")
            return None
        self.reload_offer.hide()
        self.load(stored)
        self.saved.emit(stored)
        return stored

    @Slot()
    def reload(self) -> None:
        """Show the record as it is stored now (after a conflict), dropping what was typed."""
        if self._record is None or getattr(self._record, "id", None) is None:
            return
        stored = self._store.get(type(self._record), self._record.id)  # type: ignore[attr-defined]
        self.reload_offer.hide()
        if stored is None:
            self._show_message(QCoreApplication.translate("RecordForm", "This record was deleted meanwhile."))
            return
        self.load(stored)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


_KIND_LABELS = {
    "proposal": QT_TRANSLATE_NOOP("RecordKinds", "proposal"),
    "reply": QT_TRANSLATE_NOOP("RecordKinds", "reply"),
    "feedback": QT_TRANSLATE_NOOP("RecordKinds", "feedback"),
    "commitment": QT_TRANSLATE_NOOP("RecordKinds", "commitment"),
    "target": QT_TRANSLATE_NOOP("RecordKinds", "target"),
    "evidence": QT_TRANSLATE_NOOP("RecordKinds", "evidence"),
}
