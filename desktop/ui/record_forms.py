"""The record forms: proposal, reply, feedback, commitment, target and evidence (contact: desktop.ui.contacts)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from db.followup import deadline_rules
from desktop import paths
from desktop.core.deadlines import computed_reply_deadline
from desktop.core.errors import LedgerError
from desktop.core.records import (
    Commitment,
    Evidence,
    Feedback,
    Proposal,
    Proposer,
    Record,
    Reply,
    SourceDocument,
    Target,
)
from desktop.core.status import evidence_in_target_unit
from desktop.core.units import normalize
from desktop.ui import labels
from desktop.ui.contacts import ContactForm
from desktop.ui.forms import (
    BoolField,
    ChoiceField,
    DateField,
    Field,
    LinkField,
    ListField,
    QuantityField,
    RecordForm,
    TextField,
    letter_header_fields,
)
from desktop.ui.messages import user_message

logger = logging.getLogger(__name__)


def _keep(record: Record | None, cls: type[Record], **values: Any) -> Record:
    """A record with the form's values, keeping the fields the form does not show from ``record``."""
    if record is None:
        return cls(**values)
    return dataclasses.replace(record, **values)


class ProposalForm(RecordForm):
    kind = "proposal"
    record_type = Proposal

    def build_fields(self) -> list[Field]:
        modes = [(mode["code"], mode["label"]) for mode in self._store.get_setting("handling.modes")]
        return [
            ChoiceField("kind", self.tr("Kind"), labels.label_choices(labels.PROPOSAL_KINDS), required=True),
            TextField("session", self.tr("Session"), required=True,
                      hint=self.tr("The congress or conference session, e.g. 常州市十六届人大五次会议")),
            TextField("number", self.tr("Number"), required=True, hint=self.tr("As assigned, e.g. 第021号")),
            TextField("title", self.tr("Title"), required=True),
            ListField("proposers", self.tr("Proposers"), hint=self.tr("Lead proposer first; separate names with 、")),
            TextField("delegation", self.tr("Delegation or sector")),
            DateField("received_date", self.tr("Received")),
            DateField("assigned_date", self.tr("Assigned")),
            DateField("reply_due_date", self.tr("Reply due")),
            DateField("extended_due_date", self.tr("Extended deadline")),
            TextField("extension_approval", self.tr("Extension approved by")),
            TextField("lead_unit", self.tr("Lead unit")),
            ListField("co_units", self.tr("Co-handling units")),
            ChoiceField("handling_mode", self.tr("Handling mode"), modes, empty=self.tr("(not set)")),
            BoolField("key_supervised", self.tr("Key supervised")),
            ChoiceField("state", self.tr("State"), labels.label_choices(labels.PROPOSAL_STATES), required=True),
            TextField("text", self.tr("Text"), multiline=True),
            TextField("notes", self.tr("Notes"), multiline=True),
        ]

    def record_values(self, record: Record) -> dict[str, Any]:
        values = super().record_values(record)
        values["proposers"] = [p.name for p in record.proposers]  # type: ignore[attr-defined]
        return values

    def build_record(self, values: dict[str, Any]) -> Record:
        existing = {p.name: p for p in getattr(self._record, "proposers", [])}
        proposers = [dataclasses.replace(existing[name], role="lead" if i == 0 else "cosigner")
                     if name in existing else Proposer(name=name, role="lead" if i == 0 else "cosigner")
                     for i, name in enumerate(dict.fromkeys(values.pop("proposers")))]
        return _keep(self._record, Proposal, proposers=proposers, **values)

    def title_text(self) -> str:
        record = self._record
        return f"{record.number} {record.title}" if isinstance(record, Proposal) else ""

    def update_notes(self) -> None:
        """The reply deadline the assignment date gives, and how, under the reply deadline field."""
        due = self.by_name["reply_due_date"]
        try:
            assigned = self.by_name["assigned_date"].value()
        except LedgerError:
            assigned = None
        if assigned is None:
            due.show_note(None)
            due.widget.setPlaceholderText(QCoreApplication.translate("DateField", "e.g. 2021-12-31"))  # type: ignore[attr-defined]
            return
        computed = computed_reply_deadline(assigned, deadline_rules(self._store))
        due.widget.setPlaceholderText(computed.date.isoformat())  # type: ignore[attr-defined]
        due.show_note(self.tr("By the rule: {explanation}").format(explanation=computed.explanation))


class ReplyForm(RecordForm):
    kind = "reply"
    record_type = Reply

    def build_fields(self) -> list[Field]:
        return [
            LinkField("proposal_id", self.tr("Proposal"), self._store, "proposals", required=True,
                      hint=self.tr("The proposal this letter answers")),
            *letter_header_fields(self._store),
            ChoiceField("disclosure", self.tr("Disclosure"), labels.label_choices(labels.DISCLOSURES),
                        empty=self.tr("(not set)")),
            DateField("published_date", self.tr("Published")),
            TextField("published_where", self.tr("Published where"), hint=self.tr("e.g. 常州市人民政府网站")),
            TextField("replying_unit", self.tr("Replying unit")),
            BoolField("is_reanswer", self.tr("Answered again")),
            TextField("text", self.tr("Full text"), multiline=True),
        ]

    def build_record(self, values: dict[str, Any]) -> Record:
        return _keep(self._record, Reply, **values)

    def title_text(self) -> str:
        record = self._record
        return (record.doc_number or record.title or "") if isinstance(record, Reply) else ""

    def build_extras(self) -> None:
        self.original_files = OriginalFileButtons(self)
        self.extra_layout.addLayout(self.original_files.layout)

    def update_notes(self) -> None:
        record = self._record
        self.original_files.show_document(record.source_document_id if isinstance(record, Reply) else None)


class FeedbackForm(RecordForm):
    kind = "feedback"
    record_type = Feedback

    def build_fields(self) -> list[Field]:
        return [
            LinkField("reply_id", self.tr("Reply"), self._store, "replies", required=True),
            ChoiceField("rating", self.tr("Rating"), labels.label_choices(labels.RATINGS), required=True),
            ChoiceField("aspect", self.tr("About"), labels.label_choices(labels.FEEDBACK_ASPECTS), required=True),
            DateField("feedback_date", self.tr("Date")),
            TextField("comments", self.tr("Comments"), multiline=True),
        ]

    def build_record(self, values: dict[str, Any]) -> Record:
        return _keep(self._record, Feedback, **values)

    def title_text(self) -> str:
        record = self._record
        return labels.label(labels.RATINGS, record.rating) if isinstance(record, Feedback) else ""


class CommitmentForm(RecordForm):
    kind = "commitment"
    record_type = Commitment

    def build_fields(self) -> list[Field]:
        return [
            LinkField("reply_id", self.tr("Reply"), self._store, "replies", required=True),
            TextField("title", self.tr("Commitment"), required=True),
            TextField("responsible_unit", self.tr("Responsible unit")),
            DateField("deadline", self.tr("Deadline")),
            TextField("deadline_text", self.tr("Time expression"), hint=self.tr("As the letter says it, e.g. 2021年")),
            ChoiceField("manual_state", self.tr("State set by hand"), labels.label_choices(labels.TARGET_STATES),
                        empty=self.tr("(judged from its targets)")),
            TextField("quote", self.tr("Quote"), multiline=True),
            TextField("notes", self.tr("Notes"), multiline=True),
        ]

    def build_record(self, values: dict[str, Any]) -> Record:
        record = self._record
        if isinstance(record, Commitment) and values.get("quote") != record.quote:
            values.update(quote_start=None, quote_end=None)  # the offsets belong to the old quote
        return _keep(record, Commitment, **values)

    def title_text(self) -> str:
        record = self._record
        return record.title if isinstance(record, Commitment) else ""


class TargetForm(RecordForm):
    kind = "target"
    record_type = Target

    def build_fields(self) -> list[Field]:
        cumulative = [(True, QCoreApplication.translate("Labels", labels.CUMULATIVE[True])),
                      (False, QCoreApplication.translate("Labels", labels.CUMULATIVE[False]))]
        return [
            LinkField("commitment_id", self.tr("Commitment"), self._store, "commitments", required=True),
            TextField("indicator", self.tr("Indicator"), required=True),
            ChoiceField("kind", self.tr("Kind"), labels.label_choices(labels.TARGET_KINDS), required=True),
            ChoiceField("comparator", self.tr("Comparator"), labels.label_choices(labels.COMPARATORS), required=True),
            QuantityField("value", self.tr("Value"),
                          hint=self.tr("A number with its unit as written: 15亿元, 1万个, 30%")),
            QuantityField("value_high", self.tr("Upper value"), hint=self.tr("Only for a range"), placeholder=""),
            DateField("deadline", self.tr("Deadline")),
            TextField("deadline_text", self.tr("Time expression")),
            ChoiceField("cumulative", self.tr("Counted"), cumulative, empty=self.tr("(not stated)")),
            QuantityField("baseline", self.tr("Baseline"), placeholder="7000个"),
            DateField("baseline_date", self.tr("Baseline date")),
            TextField("baseline_quote", self.tr("Baseline quote")),
            TextField("quote", self.tr("Quote"), multiline=True),
        ]

    def record_values(self, record: Record) -> dict[str, Any]:
        values = super().record_values(record)
        assert isinstance(record, Target)
        values.update(value=(record.value, record.unit), value_high=(record.value_high, record.unit),
                      baseline=(record.baseline_value, record.baseline_unit))
        return values

    def build_record(self, values: dict[str, Any]) -> Record:
        value, high, baseline = values.pop("value"), values.pop("value_high"), values.pop("baseline")
        unit = value.unit if value is not None else None
        if high is not None:
            # "20" after "15亿元" means 20亿元: an upper value without a unit takes the lower value's.
            high_normalized, _ = normalize(high.value, high.unit or unit or "")
            values.update(value_high=high.value, value_high_normalized=high_normalized)
        else:
            values.update(value_high=None, value_high_normalized=None)
        values.update(
            value=value.value if value else None, unit=unit,
            value_normalized=value.value_normalized if value else None,
            unit_normalized=value.unit_normalized if value else None,
            baseline_value=baseline.value if baseline else None, baseline_unit=baseline.unit if baseline else None)
        record = self._record
        if isinstance(record, Target) and values.get("quote") != record.quote:
            values.update(quote_start=None, quote_end=None)
        return _keep(record, Target, **values)

    def title_text(self) -> str:
        record = self._record
        return record.indicator if isinstance(record, Target) else ""


class EvidenceForm(RecordForm):
    kind = "evidence"
    record_type = Evidence

    def build_fields(self) -> list[Field]:
        achieved = [(True, QCoreApplication.translate("Labels", labels.YES_NO[True])),
                    (False, QCoreApplication.translate("Labels", labels.YES_NO[False]))]
        # A reported figure is exact unless the report says "at least" or "more than".
        comparators = [(code, QCoreApplication.translate("Labels", labels.COMPARATORS[code]))
                       for code in ("=", ">=", ">", "<=", "<")]
        return [
            LinkField("target_id", self.tr("Target"), self._store, "targets", required=True),
            DateField("as_of_date", self.tr("As of"), required=True),
            QuantityField("value", self.tr("Measured value"), hint=self.tr("A number with its unit: 11080个"),
                          placeholder="11080个"),
            ChoiceField("comparator", self.tr("Comparator"), comparators, required=True),
            ChoiceField("achieved", self.tr("Achieved (qualitative)"), achieved, empty=self.tr("(not stated)")),
            TextField("source_title", self.tr("Source")),
            TextField("publisher", self.tr("Publisher")),
            DateField("source_date", self.tr("Source date")),
            TextField("source_url", self.tr("Link")),
            TextField("quote", self.tr("Quote"), multiline=True),
            TextField("recorded_by", self.tr("Recorded by")),
            TextField("notes", self.tr("Notes"), multiline=True),
        ]

    def record_values(self, record: Record) -> dict[str, Any]:
        values = super().record_values(record)
        assert isinstance(record, Evidence)
        values["value"] = (record.value, record.unit)
        return values

    def build_record(self, values: dict[str, Any]) -> Record:
        value = values.pop("value")
        values.update(value=value.value if value else None, unit=value.unit if value else None,
                      value_normalized=value.value_normalized if value else None,
                      unit_normalized=value.unit_normalized if value else None)
        if getattr(self, "_attached_source_id", None) is not None:
            values["source_document_id"] = self._attached_source_id
        return _keep(self._record, Evidence, **values)

    def title_text(self) -> str:
        record = self._record
        return record.as_of_date.isoformat() if isinstance(record, Evidence) else ""

    def build_extras(self) -> None:
        self._attachment: tuple[str, bytes] | None = None
        self.original_files = OriginalFileButtons(self)
        self.attach_button = QPushButton(self.tr("Attach a file…"), self)
        self.attach_button.setObjectName("attachFileButton")
        self.attach_button.setToolTip(self.tr("Keep the report, bulletin or scan this figure was read from"))
        self.attach_button.clicked.connect(self.attach_file)
        self.original_files.layout.insertWidget(0, self.attach_button)
        self.extra_layout.addLayout(self.original_files.layout)

    def update_notes(self) -> None:
        """Say when the measured value's unit does not fit the target's (十五亿元 for a count of base stations)."""
        record = self._record
        stored = record.source_document_id if isinstance(record, Evidence) else None
        self.original_files.show_document(stored, pending=self._attachment[0] if self._attachment else None)
        value_field = self.by_name["value"]
        try:
            value, target_id = value_field.value(), self.by_name["target_id"].value()
        except LedgerError:
            value_field.show_note(None)
            return
        target = self._store.get(Target, target_id) if target_id is not None and value is not None else None
        if target is None or target.comparator == "qualitative":
            value_field.show_note(None)
            return
        candidate = Evidence(target_id=target.id or 0, as_of_date=dt.date.today(), value=value.value, unit=value.unit,
                             value_normalized=value.value_normalized, unit_normalized=value.unit_normalized)
        if evidence_in_target_unit(candidate, target) is None:
            value_field.show_note(self.tr("The unit '{unit}' does not fit the target's unit '{target_unit}': this "
                                          "figure cannot be compared with the target. Check the figure and its "
                                          "unit.").format(unit=value.unit or "—",
                                                          target_unit=target.unit or target.unit_normalized or "—"),
                                  warning=True)
        else:
            value_field.show_note(None)

    @Slot()
    def attach_file(self) -> bool:
        """Keep a file (the report the figure was read from) with this evidence; it is stored when it is saved."""
        if self.prompter is None:
            return False
        path = self.prompter.open_any_file(self)
        if path is None:
            return False
        try:
            content = Path(path).read_bytes()
        except OSError as error:
            self._show_message(self.tr("{file} could not be read: {reason}").format(file=Path(path).name,
                                                                                    reason=error.strerror))
            return False
        self._attachment = (Path(path).name, content)
        self._set_dirty(True)
        self.update_notes()
        self.edited.emit()
        return True

    def differs_from_stored(self) -> bool:
        return getattr(self, "_attachment", None) is not None or super().differs_from_stored()

    def save(self) -> Record | None:
        """Save; an attached file is stored (once, by its content) in the same transaction as the evidence."""
        if self._attachment is None:
            return super().save()
        name, content = self._attachment
        try:
            with self._store.transaction():
                digest = hashlib.sha256(content).hexdigest()
                source = self._store.find_source_document(digest) or self._store.save(SourceDocument(
                    sha256=digest, file_name=name, kind="other", title=Path(name).stem, content=content,
                    imported_by=self._store.actor))
                self._attached_source_id = source.id
                stored = super().save()
                if stored is None:
                    raise _NotSaved()
        except _NotSaved:
            return None
        except LedgerError as error:
            self._show_message(user_message(error))
            return None
        finally:
            self._attached_source_id = None
        self._attachment = None
        self.update_notes()
        return stored


class _NotSaved(Exception):
    """The form refused the save (its message is shown): the attached file is not stored either."""


class OriginalFileButtons:
    """Open or save out the stored original of a record (a reply's letter, an evidence document).

    The file is kept whole in the ledger; opening it writes a copy to the data folder's ``opened`` folder and
    hands it to the system's viewer.
    """

    def __init__(self, form: RecordForm) -> None:
        self.form = form
        self.document_id: int | None = None
        self.layout = QHBoxLayout()
        self.label = QLabel(form)
        self.label.setObjectName("originalFileLabel")
        self.label.setWordWrap(True)
        self.open_button = QPushButton(QCoreApplication.translate("RecordForm", "Open the original"), form)
        self.open_button.setObjectName("openOriginalButton")
        self.open_button.clicked.connect(self.open_original)
        self.save_button = QPushButton(QCoreApplication.translate("RecordForm", "Save the original as…"), form)
        self.save_button.setObjectName("saveOriginalButton")
        self.save_button.clicked.connect(self.save_original)
        self.layout.addWidget(self.label, 1)
        self.layout.addWidget(self.open_button)
        self.layout.addWidget(self.save_button)
        self.show_document(None)

    def _document(self) -> SourceDocument | None:
        return self.form._store.get(SourceDocument, self.document_id) if self.document_id is not None else None

    def show_document(self, document_id: int | None, pending: str | None = None) -> None:
        self.document_id = document_id
        document = self._document()
        has_content = document is not None and document.content is not None
        if pending:
            text = QCoreApplication.translate("RecordForm", "To attach when saved: {file}").format(file=pending)
        elif document is not None:
            text = QCoreApplication.translate("RecordForm", "Original: {file}").format(file=document.file_name)
        else:
            text = ""
        self.label.setText(text)
        self.label.setVisible(bool(text))
        self.open_button.setVisible(has_content)
        self.save_button.setVisible(has_content)

    @Slot()
    def open_original(self) -> Path | None:
        document = self._document()
        if document is None or document.content is None:
            return None
        folder = paths.data_dir() / "opened"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{document.id}-{Path(document.file_name).name}"
        try:
            path.write_bytes(document.content)
        except OSError as error:
            logger.error("cannot write %s: %s", path, error)
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    @Slot()
    def save_original(self) -> Path | None:
        document = self._document()
        prompter = self.form.prompter
        if document is None or document.content is None or prompter is None:
            return None
        path = prompter.save_file(self.form, Path(document.file_name).name)
        if path is None:
            return None
        try:
            Path(path).write_bytes(document.content)
        except OSError as error:
            self.form._show_message(QCoreApplication.translate("RecordForm", "{file} could not be written: {reason}")
                                    .format(file=path, reason=error.strerror))
            return None
        return Path(path)


FORMS: dict[str, type[RecordForm]] = {form.kind: form for form in (ProposalForm, ReplyForm, FeedbackForm,
                                                                  CommitmentForm, TargetForm, EvidenceForm,
                                                                  ContactForm)}
RECORD_TYPES: dict[str, type[Record]] = {kind: form.record_type for kind, form in FORMS.items()}
