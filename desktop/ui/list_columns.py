"""The columns of each list, declared once: header (translated in the list's context), value and sort."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.ui import labels
from desktop.ui.labels import QT_TRANSLATE_NOOP
from desktop.ui.models import TARGET_OR_COMMITMENT, Column, display_value


def _get(name: str):
    return lambda row: row.get(name)


def _labelled(table: dict):
    return lambda code: labels.label(table, code)


def _flag(value: Any) -> str:
    return QCoreApplication.translate("Labels", labels.YES_NO[True]) if value else ""


def _target_value(row: dict) -> str:
    comparator = row.get("comparator")
    if row.get("target_id") is None:
        return ""
    if comparator == "qualitative":
        return labels.label(labels.COMPARATORS, comparator)
    symbol = {">=": "≥", "<=": "≤"}.get(comparator or "", comparator or "")
    value = display_value(row.get("value"))
    if comparator == "range":
        return f"{value}–{display_value(row.get('value_high'))}{row.get('unit') or ''}"
    return f"{symbol} {value}{row.get('unit') or ''}"


def _latest(row: dict) -> str:
    if row.get("latest_date") is None:
        return ""
    return f"{display_value(row.get('latest_value'))}{row.get('latest_unit') or ''} ({row['latest_date']})"


def _state(row: Any) -> str | None:
    """A state set by hand on the commitment wins over the judged one (the clerk decided it)."""
    return row.get("manual_state") or getattr(row, "state", None)


def _evidence_value(row: dict) -> str:
    if row.get("value") is None:
        achieved = row.get("achieved")
        return "" if achieved is None else labels.label(labels.YES_NO, bool(achieved))
    return f"{display_value(row.get('value'))}{row.get('unit') or ''}"


def _reply_due(row: dict) -> str | None:
    """The recorded reply deadline, or the one the assignment date gives (marked as computed)."""
    if row.get("reply_due_date"):
        return row["reply_due_date"]
    if row.get("reply_due_computed"):
        return QCoreApplication.translate("ProposalColumns", "{date} (computed)").format(date=row["reply_due_computed"])
    return None


PROPOSAL_CONTEXT = "ProposalColumns"
PROPOSAL_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "Session"), _get("session"), sort="session",
           edit=("proposal", "session")),
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "Number"), _get("number"), sort="number",
           edit=("proposal", "number")),
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "Kind"), _get("kind"), _labelled(labels.PROPOSAL_KINDS), sort="kind",
           edit=("proposal", "kind")),
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "Title"), _get("title"), sort="title",
           edit=("proposal", "title")),
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "Lead proposer"), _get("lead_proposer")),
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "Lead unit"), _get("lead_unit"), sort="lead_unit",
           edit=("proposal", "lead_unit")),
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "Assigned"), _get("assigned_date"), sort="assigned_date",
           edit=("proposal", "assigned_date")),
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "Reply due"), _reply_due, sort="reply_due_date",
           edit=("proposal", "reply_due_date"), tooltip=lambda row: row.get("reply_due_explanation")),
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "Key supervised"), _get("key_supervised"), _flag,
           sort="key_supervised", edit=("proposal", "key_supervised")),
    Column(QT_TRANSLATE_NOOP("ProposalColumns", "State"), _get("state"), _labelled(labels.PROPOSAL_STATES),
           sort="state", edit=("proposal", "state")),
)

REPLY_CONTEXT = "ReplyColumns"
REPLY_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ReplyColumns", "Document number"), _get("doc_number"), sort="doc_number",
           edit=("reply", "doc_number")),
    Column(QT_TRANSLATE_NOOP("ReplyColumns", "Title"), _get("title"), sort="title", edit=("reply", "title")),
    Column(QT_TRANSLATE_NOOP("ReplyColumns", "Addressee"), _get("addressee"), sort="addressee",
           edit=("reply", "addressee")),
    Column(QT_TRANSLATE_NOOP("ReplyColumns", "Date"), _get("reply_date"), sort="reply_date",
           edit=("reply", "reply_date")),
    Column(QT_TRANSLATE_NOOP("ReplyColumns", "Issuing office"), _get("issuing_office"), sort="issuing_office",
           edit=("reply", "issuing_office")),
    Column(QT_TRANSLATE_NOOP("ReplyColumns", "Signer"), _get("signer"), sort="signer",
           edit=("reply", "signer")),
    Column(QT_TRANSLATE_NOOP("ReplyColumns", "Result class"), _get("result_class"), sort="result_class",
           edit=("reply", "result_class")),
    Column(QT_TRANSLATE_NOOP("ReplyColumns", "Proposal"),
           lambda row: " ".join(part for part in (row.get("session"), row.get("proposal_number")) if part),
           sort="session", paste="proposal"),
    Column(QT_TRANSLATE_NOOP("ReplyColumns", "Undecided suggestions"),
           lambda row: row.get("pending_suggestions") or None, align_right=True),
)

COMMITMENT_CONTEXT = "CommitmentColumns"
COMMITMENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("CommitmentColumns", "Commitment"), _get("title"), sort="title", opens_commitment=True,
           edit=("commitment", "title")),
    Column(QT_TRANSLATE_NOOP("CommitmentColumns", "Indicator"), _get("indicator"), sort="indicator",
           edit=("target", "indicator")),
    Column(QT_TRANSLATE_NOOP("CommitmentColumns", "Target"), _target_value, sort="value"),
    Column(QT_TRANSLATE_NOOP("CommitmentColumns", "State"), _state, _labelled(labels.TARGET_STATES), sort="state",
           coloured_by_state=True, edit=("commitment", "manual_state")),
    Column(QT_TRANSLATE_NOOP("CommitmentColumns", "Deadline"), _get("deadline"), sort="deadline",
           edit=(TARGET_OR_COMMITMENT, "deadline")),
    Column(QT_TRANSLATE_NOOP("CommitmentColumns", "Latest evidence"), _latest),
    Column(QT_TRANSLATE_NOOP("CommitmentColumns", "Time expression"), _get("deadline_text"),
           edit=(TARGET_OR_COMMITMENT, "deadline_text")),
    Column(QT_TRANSLATE_NOOP("CommitmentColumns", "Kind"), _get("kind"), _labelled(labels.TARGET_KINDS),
           sort="kind", edit=("target", "kind")),
    Column(QT_TRANSLATE_NOOP("CommitmentColumns", "Responsible unit"), _get("responsible_unit"),
           sort="responsible_unit", opens_commitment=True, edit=("commitment", "responsible_unit")),
    Column(QT_TRANSLATE_NOOP("CommitmentColumns", "Reply"), _get("doc_number"), sort="doc_number",
           opens_commitment=True),
)

EVIDENCE_CONTEXT = "EvidenceColumns"
EVIDENCE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("EvidenceColumns", "Indicator"), _get("indicator"), sort="indicator"),
    Column(QT_TRANSLATE_NOOP("EvidenceColumns", "Value"), _evidence_value, sort="value", paste="value"),
    Column(QT_TRANSLATE_NOOP("EvidenceColumns", "As of"), _get("as_of_date"), sort="as_of_date",
           edit=("evidence", "as_of_date")),
    Column(QT_TRANSLATE_NOOP("EvidenceColumns", "Source"), _get("source_title"), sort="source_title",
           edit=("evidence", "source_title")),
    Column(QT_TRANSLATE_NOOP("EvidenceColumns", "Publisher"), _get("publisher"), sort="publisher",
           edit=("evidence", "publisher")),
    Column(QT_TRANSLATE_NOOP("EvidenceColumns", "Source date"), _get("source_date"), sort="source_date",
           edit=("evidence", "source_date")),
    Column(QT_TRANSLATE_NOOP("EvidenceColumns", "Commitment"), _get("commitment"), sort="commitment"),
    Column(QT_TRANSLATE_NOOP("EvidenceColumns", "Recorded by"), _get("recorded_by"), sort="recorded_by",
           edit=("evidence", "recorded_by")),
)

REMINDER_CONTEXT = "ReminderColumns"
REMINDER_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ReminderColumns", "Due"), _get("due_date"), sort="due_date"),
    Column(QT_TRANSLATE_NOOP("ReminderColumns", "Kind"), _get("kind"), _labelled(labels.REMINDER_KINDS), sort="kind"),
    Column(QT_TRANSLATE_NOOP("ReminderColumns", "Reminder"), _get("title"), sort="title"),
    Column(QT_TRANSLATE_NOOP("ReminderColumns", "State"), _get("state"), _labelled(labels.REMINDER_STATES),
           sort="state"),
    Column(QT_TRANSLATE_NOOP("ReminderColumns", "Snoozed until"), _get("snoozed_until"), sort="snoozed_until"),
    Column(QT_TRANSLATE_NOOP("ReminderColumns", "Days ahead"), _get("lead_days")),
)

LISTS = {
    "proposals": (PROPOSAL_CONTEXT, PROPOSAL_COLUMNS),
    "replies": (REPLY_CONTEXT, REPLY_COLUMNS),
    "commitments": (COMMITMENT_CONTEXT, COMMITMENT_COLUMNS),
    "evidence": (EVIDENCE_CONTEXT, EVIDENCE_COLUMNS),
    "reminders": (REMINDER_CONTEXT, REMINDER_COLUMNS),
}
