"""The record forms: proposal, reply, feedback, commitment, target and evidence (contact: desktop.ui.contacts)."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.core.records import Commitment, Evidence, Feedback, Proposal, Proposer, Record, Reply, Target
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


class ReplyForm(RecordForm):
    kind = "reply"
    record_type = Reply

    def build_fields(self) -> list[Field]:
        return [
            LinkField("proposal_id", self.tr("Proposal"), self._store, "proposals"),
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
        comparators = [(code, QCoreApplication.translate("Labels", labels.COMPARATORS[code]))
                       for code in (">=", ">", "=", "<=", "<")]
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
        return _keep(self._record, Evidence, **values)

    def title_text(self) -> str:
        record = self._record
        return record.as_of_date.isoformat() if isinstance(record, Evidence) else ""


FORMS: dict[str, type[RecordForm]] = {form.kind: form for form in (ProposalForm, ReplyForm, FeedbackForm,
                                                                  CommitmentForm, TargetForm, EvidenceForm,
                                                                  ContactForm)}
RECORD_TYPES: dict[str, type[Record]] = {kind: form.record_type for kind, form in FORMS.items()}
