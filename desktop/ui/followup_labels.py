"""Translated labels of the follow-up codes: reminder kinds, handling states, audit findings, timeline events.

The source strings are English; the Chinese translations use the words of ``desktop.core`` (records.REMINDER_KINDS,
records.HANDLING_STATES, audit.AUDIT_KINDS, audit.TIMELINE_KINDS), so the app and the command line speak alike.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    return text


REMINDER_KINDS = {
    "reply_due": QT_TRANSLATE_NOOP("FollowUpLabels", "Reply deadline"),
    "commitment_due": QT_TRANSLATE_NOOP("FollowUpLabels", "Commitment deadline"),
    "target_due": QT_TRANSLATE_NOOP("FollowUpLabels", "Target deadline"),
    "stale_evidence": QT_TRANSLATE_NOOP("FollowUpLabels", "No recent evidence"),
    "no_feedback": QT_TRANSLATE_NOOP("FollowUpLabels", "No rating yet"),
    "reanswer_due": QT_TRANSLATE_NOOP("FollowUpLabels", "Answer again after 不满意"),
    "custom": QT_TRANSLATE_NOOP("FollowUpLabels", "Custom"),
}
REMINDER_STATES = {
    "open": QT_TRANSLATE_NOOP("FollowUpLabels", "Open"),
    "snoozed": QT_TRANSLATE_NOOP("FollowUpLabels", "Snoozed"),
    "done": QT_TRANSLATE_NOOP("FollowUpLabels", "Done"),
}
TARGET_STATES = {
    "met": QT_TRANSLATE_NOOP("FollowUpLabels", "Met"),
    "on_track": QT_TRANSLATE_NOOP("FollowUpLabels", "On track"),
    "at_risk": QT_TRANSLATE_NOOP("FollowUpLabels", "At risk"),
    "missed": QT_TRANSLATE_NOOP("FollowUpLabels", "Missed"),
    "overdue": QT_TRANSLATE_NOOP("FollowUpLabels", "Overdue, no evidence"),
    "no_data": QT_TRANSLATE_NOOP("FollowUpLabels", "No data"),
}
HANDLING_STATES = {
    "pending": QT_TRANSLATE_NOOP("FollowUpLabels", "Awaiting reply"),
    "reply_overdue": QT_TRANSLATE_NOOP("FollowUpLabels", "Reply overdue"),
    "returned": QT_TRANSLATE_NOOP("FollowUpLabels", "Returned as misrouted"),
    "withdrawn": QT_TRANSLATE_NOOP("FollowUpLabels", "Withdrawn"),
    "awaiting_feedback": QT_TRANSLATE_NOOP("FollowUpLabels", "Replied, awaiting rating"),
    "reanswer_due": QT_TRANSLATE_NOOP("FollowUpLabels", "Unsatisfied, to answer again"),
    "delivering": QT_TRANSLATE_NOOP("FollowUpLabels", "Delivering"),
    "delivery_lagging": QT_TRANSLATE_NOOP("FollowUpLabels", "Delivery lagging"),
    "delivered": QT_TRANSLATE_NOOP("FollowUpLabels", "Delivered"),
    "closed": QT_TRANSLATE_NOOP("FollowUpLabels", "Closed"),
}
AUDIT_KINDS = {
    "solved_but_missed": QT_TRANSLATE_NOOP("FollowUpLabels", "Classed solved, promise not kept"),
    "met_not_reanswered": QT_TRANSLATE_NOOP("FollowUpLabels", "Promises kept, never answered again"),
    "unsatisfied_not_reanswered": QT_TRANSLATE_NOOP("FollowUpLabels", "不满意 not answered again in time"),
    "commitment_unsupported": QT_TRANSLATE_NOOP("FollowUpLabels", "Promise with no target and no evidence"),
}
TIMELINE_KINDS = {
    "received": QT_TRANSLATE_NOOP("FollowUpLabels", "Received"),
    "assigned": QT_TRANSLATE_NOOP("FollowUpLabels", "Assigned"),
    "reply_due": QT_TRANSLATE_NOOP("FollowUpLabels", "Reply deadline"),
    "extension": QT_TRANSLATE_NOOP("FollowUpLabels", "Extension"),
    "misrouted": QT_TRANSLATE_NOOP("FollowUpLabels", "Found misrouted"),
    "returned": QT_TRANSLATE_NOOP("FollowUpLabels", "Returned"),
    "contact": QT_TRANSLATE_NOOP("FollowUpLabels", "Meeting or call"),
    "reply": QT_TRANSLATE_NOOP("FollowUpLabels", "Reply"),
    "reanswer": QT_TRANSLATE_NOOP("FollowUpLabels", "Answered again"),
    "published": QT_TRANSLATE_NOOP("FollowUpLabels", "Published"),
    "feedback": QT_TRANSLATE_NOOP("FollowUpLabels", "Rating"),
    "commitment": QT_TRANSLATE_NOOP("FollowUpLabels", "Promise made"),
    "evidence": QT_TRANSLATE_NOOP("FollowUpLabels", "Evidence"),
    "deadline": QT_TRANSLATE_NOOP("FollowUpLabels", "Promise deadline"),
}
SUGGESTION_STATES = {
    "pending": QT_TRANSLATE_NOOP("FollowUpLabels", "To review"),
    "accepted": QT_TRANSLATE_NOOP("FollowUpLabels", "Accepted"),
    "rejected": QT_TRANSLATE_NOOP("FollowUpLabels", "Rejected"),
}


def label(table: dict[str, str], code: str | None) -> str:
    """The translated label of a code (the code itself when it has none)."""
    if code is None:
        return ""
    source = table.get(code)
    return QCoreApplication.translate("FollowUpLabels", source) if source else code
