"""Translated labels of the stored codes (kinds, states, comparators...), declared once for the whole UI.

The source strings are English; the Chinese translations use the same words as ``desktop.core.records`` (the
labels of the exports and the command line), so the app and the workbook speak alike.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


PROPOSAL_KINDS = {
    "suggestion": QT_TRANSLATE_NOOP("Labels", "Suggestion"),
    "motion": QT_TRANSLATE_NOOP("Labels", "Motion"),
    "proposal": QT_TRANSLATE_NOOP("Labels", "Proposal"),
    "criticism": QT_TRANSLATE_NOOP("Labels", "Criticism or opinion"),
}
PROPOSAL_STATES = {
    "open": QT_TRANSLATE_NOOP("Labels", "Being handled"),
    "replied": QT_TRANSLATE_NOOP("Labels", "Replied"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
    "withdrawn": QT_TRANSLATE_NOOP("Labels", "Withdrawn"),
}
DISCLOSURES = {
    "public": QT_TRANSLATE_NOOP("Labels", "Public"),
    "not_public": QT_TRANSLATE_NOOP("Labels", "Not public"),
    "on_request": QT_TRANSLATE_NOOP("Labels", "Public on request"),
}
RATINGS = {
    "satisfied": QT_TRANSLATE_NOOP("Labels", "Satisfied"),
    "basically_satisfied": QT_TRANSLATE_NOOP("Labels", "Basically satisfied"),
    "unsatisfied": QT_TRANSLATE_NOOP("Labels", "Unsatisfied"),
}
FEEDBACK_ASPECTS = {
    "reply": QT_TRANSLATE_NOOP("Labels", "The reply"),
    "delivery": QT_TRANSLATE_NOOP("Labels", "Delivery"),
}
TARGET_KINDS = {
    "commitment": QT_TRANSLATE_NOOP("Labels", "Commitment"),
    "baseline": QT_TRANSLATE_NOOP("Labels", "Baseline"),
}
TARGET_STATES = {
    "met": QT_TRANSLATE_NOOP("Labels", "Met"),
    "on_track": QT_TRANSLATE_NOOP("Labels", "On track"),
    "at_risk": QT_TRANSLATE_NOOP("Labels", "At risk"),
    "missed": QT_TRANSLATE_NOOP("Labels", "Missed"),
    "overdue": QT_TRANSLATE_NOOP("Labels", "Overdue, no evidence"),
    "no_data": QT_TRANSLATE_NOOP("Labels", "No data"),
}
COMPARATORS = {
    ">=": QT_TRANSLATE_NOOP("Labels", "at least (≥)"),
    ">": QT_TRANSLATE_NOOP("Labels", "more than (>)"),
    "=": QT_TRANSLATE_NOOP("Labels", "equal to (=)"),
    "<=": QT_TRANSLATE_NOOP("Labels", "at most (≤)"),
    "<": QT_TRANSLATE_NOOP("Labels", "less than (<)"),
    "range": QT_TRANSLATE_NOOP("Labels", "range"),
    "qualitative": QT_TRANSLATE_NOOP("Labels", "qualitative"),
}
REMINDER_KINDS = {
    "reply_due": QT_TRANSLATE_NOOP("Labels", "Reply deadline"),
    "commitment_due": QT_TRANSLATE_NOOP("Labels", "Commitment deadline"),
    "target_due": QT_TRANSLATE_NOOP("Labels", "Target deadline"),
    "stale_evidence": QT_TRANSLATE_NOOP("Labels", "No recent evidence"),
    "no_feedback": QT_TRANSLATE_NOOP("Labels", "No feedback"),
    "reanswer_due": QT_TRANSLATE_NOOP("Labels", "Answer again"),
    "publish_due": QT_TRANSLATE_NOOP("Labels", "Publish the reply"),
    "custom": QT_TRANSLATE_NOOP("Labels", "Custom"),
}
REMINDER_STATES = {
    "open": QT_TRANSLATE_NOOP("Labels", "Open"),
    "snoozed": QT_TRANSLATE_NOOP("Labels", "Snoozed"),
    "done": QT_TRANSLATE_NOOP("Labels", "Done"),
}
CUMULATIVE = {
    True: QT_TRANSLATE_NOOP("Labels", "Cumulative"),
    False: QT_TRANSLATE_NOOP("Labels", "In the period"),
}
YES_NO = {
    True: QT_TRANSLATE_NOOP("Labels", "Yes"),
    False: QT_TRANSLATE_NOOP("Labels", "No"),
}

HANDLING_STATES = {
    "pending": QT_TRANSLATE_NOOP("Labels", "Awaiting reply"),
    "reply_overdue": QT_TRANSLATE_NOOP("Labels", "Reply overdue"),
    "returned": QT_TRANSLATE_NOOP("Labels", "Returned as misrouted"),
    "withdrawn": QT_TRANSLATE_NOOP("Labels", "Withdrawn"),
    "awaiting_feedback": QT_TRANSLATE_NOOP("Labels", "Replied, awaiting rating"),
    "reanswer_due": QT_TRANSLATE_NOOP("Labels", "Unsatisfied, to answer again"),
    "delivering": QT_TRANSLATE_NOOP("Labels", "Delivering"),
    "delivery_lagging": QT_TRANSLATE_NOOP("Labels", "Delivery lagging"),
    "delivered": QT_TRANSLATE_NOOP("Labels", "Delivered"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
}
AUDIT_KINDS = {
    "solved_but_missed": QT_TRANSLATE_NOOP("Labels", "Classed solved, promise not kept"),
    "met_not_reanswered": QT_TRANSLATE_NOOP("Labels", "Promises kept, never answered again"),
    "unsatisfied_not_reanswered": QT_TRANSLATE_NOOP("Labels", "不满意 not answered again in time"),
    "commitment_unsupported": QT_TRANSLATE_NOOP("Labels", "Promise with no target and no evidence"),
    "conflicting_figures": QT_TRANSLATE_NOOP("Labels", "Two figures for one indicator on one date"),
    "conflicting_baselines": QT_TRANSLATE_NOOP("Labels", "Baseline stated differently in two letters"),
    "evidence_backwards": QT_TRANSLATE_NOOP("Labels", "Cumulative evidence goes backwards"),
    "met_before_promise": QT_TRANSLATE_NOOP("Labels", "Met before it was promised"),
}
CONTACT_METHODS = {
    "meeting": QT_TRANSLATE_NOOP("Labels", "Meeting"),
    "consultation": QT_TRANSLATE_NOOP("Labels", "Consultation meeting"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone call"),
    "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
REDACTION_KINDS = {
    "mobile": QT_TRANSLATE_NOOP("Labels", "Mobile number"),
    "id_card": QT_TRANSLATE_NOOP("Labels", "ID card number"),
    "bank_card": QT_TRANSLATE_NOOP("Labels", "Bank card number"),
    "home_address": QT_TRANSLATE_NOOP("Labels", "Home address"),
    "personal": QT_TRANSLATE_NOOP("Labels", "Personal detail"),
    "landline": QT_TRANSLATE_NOOP("Labels", "Office landline"),
    "handler": QT_TRANSLATE_NOOP("Labels", "Handler's name"),
}
TIMELINE_KINDS = {
    "received": QT_TRANSLATE_NOOP("Labels", "Received"),
    "assigned": QT_TRANSLATE_NOOP("Labels", "Assigned"),
    "reply_due": QT_TRANSLATE_NOOP("Labels", "Reply deadline"),
    "extension": QT_TRANSLATE_NOOP("Labels", "Extension"),
    "misrouted": QT_TRANSLATE_NOOP("Labels", "Found misrouted"),
    "returned": QT_TRANSLATE_NOOP("Labels", "Returned"),
    "contact": QT_TRANSLATE_NOOP("Labels", "Meeting or call"),
    "reply": QT_TRANSLATE_NOOP("Labels", "Reply"),
    "reanswer": QT_TRANSLATE_NOOP("Labels", "Answered again"),
    "published": QT_TRANSLATE_NOOP("Labels", "Published"),
    "feedback": QT_TRANSLATE_NOOP("Labels", "Rating"),
    "commitment": QT_TRANSLATE_NOOP("Labels", "Promise made"),
    "evidence": QT_TRANSLATE_NOOP("Labels", "Evidence"),
    "deadline": QT_TRANSLATE_NOOP("Labels", "Promise deadline"),
}
SUGGESTION_STATES = {
    "pending": QT_TRANSLATE_NOOP("Labels", "To review"),
    "accepted": QT_TRANSLATE_NOOP("Labels", "Accepted"),
    "rejected": QT_TRANSLATE_NOOP("Labels", "Rejected"),
}



def label(table: dict, code: object) -> str:
    """The translated label of a code; the code itself when it has none (never an empty cell for data)."""
    if code is None:
        return ""
    source = table.get(code)
    if source is None:
        return str(code)
    return QCoreApplication.translate("Labels", source)


def label_choices(table: dict) -> list[tuple[object, str]]:
    """(code, translated label) pairs of a label table, for a combo box."""
    return [(code, QCoreApplication.translate("Labels", source)) for code, source in table.items()]
