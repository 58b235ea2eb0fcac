"""The ledger's records as dataclasses, their enumerations, and validation that names each problem.

Dates are ``datetime.date``; amounts are numbers; lists are lists. The store maps these to SQLite.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar

from desktop.core.docnumber import parse_doc_number
from desktop.core.errors import RecordErrors, ValidationError
from desktop.core.validation import COMPARATORS, check_phone, require_text

# Enumerations: the stored code, then its Chinese label (used by exports and the command line).
PROPOSAL_KINDS = {"suggestion": "建议", "motion": "议案", "proposal": "提案", "criticism": "批评意见"}
PROPOSAL_STATES = {"open": "办理中", "replied": "已答复", "closed": "已办结", "withdrawn": "已撤回"}
PROPOSER_ROLES = {"lead": "领衔", "cosigner": "附议"}
DISCLOSURES = {"public": "公开", "not_public": "不公开", "on_request": "依申请公开"}
RATINGS = {"satisfied": "满意", "basically_satisfied": "基本满意", "unsatisfied": "不满意"}
FEEDBACK_ASPECTS = {"reply": "答复", "delivery": "落实"}
TARGET_KINDS = {"commitment": "承诺", "baseline": "基数"}
TARGET_STATES = {"met": "已达成", "on_track": "进展正常", "at_risk": "有风险", "missed": "未达成",
                 "overdue": "逾期无佐证", "no_data": "无数据"}
# A proposal's handling state, computed as of a date (desktop.core.handling), not stored.
HANDLING_STATES = {"pending": "待答复", "reply_overdue": "超期未答复", "returned": "已退回", "withdrawn": "已撤回",
                   "awaiting_feedback": "已答复待反馈", "reanswer_due": "不满意待再答复", "delivering": "落实中",
                   "delivery_lagging": "落实滞后", "delivered": "已落实", "closed": "已办结"}
SOURCE_KINDS = {"letter": "答复函", "news": "新闻报道", "bulletin": "统计公报", "plan": "规划文件",
                "report": "工作报告", "other": "其他"}
REMINDER_KINDS = {"reply_due": "答复期限", "commitment_due": "承诺期限", "target_due": "指标期限",
                  "stale_evidence": "佐证久未更新", "no_feedback": "未反馈", "reanswer_due": "不满意再答复",
                  "publish_due": "答复公开期限", "custom": "自定义"}
REMINDER_STATES = {"open": "待办", "snoozed": "已推迟", "done": "已完成"}
CONTACT_METHODS = {"meeting": "见面", "consultation": "面商", "phone": "电话", "visit": "走访", "other": "其他"}
# Contacts that count as meeting the proposer in person (见面率).
FACE_TO_FACE_METHODS = ("meeting", "consultation", "visit")
SUGGESTION_KINDS = {"target": "指标建议", "evidence": "佐证建议"}
SUGGESTION_STATES = {"pending": "待审核", "accepted": "已采纳", "rejected": "已驳回"}
RESULT_CLASS_CODES = ("A", "B", "C", "D", "甲", "乙", "丙")


def _enum_problem(value: Any, allowed: dict | tuple, field_name: str, label: str) -> ValidationError | None:
    if value in allowed:
        return None
    choices = ", ".join(allowed)
    return ValidationError(field_name, f"{label} '{value}' is not allowed; choose one of {choices}.",
                           code="choice_invalid", value=value, choices=list(allowed))


class Record:
    """Behaviour shared by all records: ``problems()`` lists what is wrong, ``check()`` raises it.

    Each record has an ``id`` and a ``version`` (None until stored): the store raises the version on every save
    and refuses a save made from an older version, so that two editors never silently undo each other.
    """

    TABLE: ClassVar[str] = ""

    def problems(self) -> list[ValidationError]:
        return []

    def check(self) -> None:
        problems = self.problems()
        if problems:
            raise RecordErrors(problems)


@dataclass
class Proposer(Record):
    """One signer of a proposal; the lead proposer (领衔) comes first."""

    TABLE: ClassVar[str] = "proposers"
    name: str
    role: str = "lead"
    delegation: str | None = None
    position: int = 0
    proposal_id: int | None = None
    id: int | None = None
    version: int | None = None

    def problems(self) -> list[ValidationError]:
        found = [require_text(self.name, "name", "The proposer's name"),
                 _enum_problem(self.role, PROPOSER_ROLES, "role", "Role")]
        return [p for p in found if p]


@dataclass
class Proposal(Record):
    """A representative's proposal (建议/议案/提案/批评意见) as assigned to the office."""

    TABLE: ClassVar[str] = "proposals"
    session: str
    number: str
    title: str
    kind: str = "suggestion"
    body: str | None = None
    delegation: str | None = None
    received_date: dt.date | None = None
    assigned_date: dt.date | None = None
    reply_due_date: dt.date | None = None
    extended_due_date: dt.date | None = None
    extension_approval: str | None = None
    misrouted_date: dt.date | None = None
    returned_date: dt.date | None = None
    lead_unit: str | None = None
    co_units: list[str] = field(default_factory=list)
    handling_mode: str | None = None
    key_supervised: bool = False
    text: str | None = None
    state: str = "open"
    notes: str | None = None
    proposers: list[Proposer] = field(default_factory=list)
    id: int | None = None
    version: int | None = None

    @property
    def label(self) -> str:
        return f"{self.session}{PROPOSAL_KINDS.get(self.kind, '')}{self.number}"

    def problems(self) -> list[ValidationError]:
        found = [require_text(self.session, "session", "The session"),
                 require_text(self.number, "number", "The proposal number"),
                 require_text(self.title, "title", "The title"),
                 _enum_problem(self.kind, PROPOSAL_KINDS, "kind", "Kind"),
                 _enum_problem(self.state, PROPOSAL_STATES, "state", "State")]
        if self.assigned_date and self.received_date and self.assigned_date < self.received_date:
            found.append(ValidationError("assigned_date", "The assignment date is before the date received; "
                                         "check both dates.", code="date_order"))
        if self.reply_due_date and self.assigned_date and self.reply_due_date < self.assigned_date:
            found.append(ValidationError("reply_due_date", "The reply deadline is before the assignment date; "
                                         "check both dates.", code="date_order"))
        if self.extended_due_date and not (self.extension_approval or "").strip():
            found.append(ValidationError("extension_approval", "An extended deadline needs the approval it was "
                                         "granted by; record who approved it.", code="extension_unapproved"))
        for proposer in self.proposers:
            found.extend(proposer.problems())
        return [p for p in found if p]


@dataclass
class Reply(Record):
    """The office's reply letter to a proposal (or to one signer of it)."""

    TABLE: ClassVar[str] = "replies"
    proposal_id: int | None = None
    doc_number: str | None = None
    issuing_office: str | None = None
    title: str | None = None
    addressee: str | None = None
    reply_date: dt.date | None = None
    signer: str | None = None
    handler: str | None = None
    phone: str | None = None
    cc: str | None = None
    result_class: str | None = None
    disclosure: str | None = None
    published_date: dt.date | None = None
    published_where: str | None = None
    replying_unit: str | None = None
    proposer_id: int | None = None
    is_reanswer: bool = False
    text: str | None = None
    source_document_id: int | None = None
    id: int | None = None
    version: int | None = None

    def problems(self) -> list[ValidationError]:
        found: list[ValidationError | None] = []
        if self.doc_number:
            try:
                parse_doc_number(self.doc_number, "doc_number")
            except ValidationError as problem:
                found.append(problem)
        if self.phone:
            try:
                check_phone(self.phone, "phone")
            except ValidationError as problem:
                found.append(problem)
        if self.result_class is not None:
            found.append(_enum_problem(self.result_class, RESULT_CLASS_CODES, "result_class", "Result class"))
        if self.disclosure is not None:
            found.append(_enum_problem(self.disclosure, DISCLOSURES, "disclosure", "Disclosure"))
        return [p for p in found if p]


@dataclass
class Feedback(Record):
    """The proposer's rating of a reply (答复) or of delivery on its promises (落实)."""

    TABLE: ClassVar[str] = "feedback"
    reply_id: int
    rating: str
    feedback_date: dt.date | None = None
    aspect: str = "reply"
    proposer_id: int | None = None
    comments: str | None = None
    id: int | None = None
    version: int | None = None

    def problems(self) -> list[ValidationError]:
        found = [_enum_problem(self.rating, RATINGS, "rating", "Rating"),
                 _enum_problem(self.aspect, FEEDBACK_ASPECTS, "aspect", "Aspect")]
        return [p for p in found if p]


@dataclass
class Commitment(Record):
    """A promise made in a reply, with the quote it comes from; its targets make it measurable."""

    TABLE: ClassVar[str] = "commitments"
    reply_id: int
    title: str
    quote: str | None = None
    quote_start: int | None = None
    quote_end: int | None = None
    responsible_unit: str | None = None
    deadline: dt.date | None = None
    deadline_text: str | None = None
    manual_state: str | None = None
    notes: str | None = None
    id: int | None = None
    version: int | None = None

    def problems(self) -> list[ValidationError]:
        found = [require_text(self.title, "title", "The commitment's title")]
        if self.manual_state is not None:
            found.append(_enum_problem(self.manual_state, TARGET_STATES, "manual_state", "State"))
        found.append(_offsets_problem(self.quote_start, self.quote_end))
        return [p for p in found if p]


@dataclass
class Target(Record):
    """A measurable promise (kind 'commitment') or a stated starting figure (kind 'baseline')."""

    TABLE: ClassVar[str] = "targets"
    commitment_id: int
    indicator: str
    comparator: str
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    value_normalized: float | None = None
    value_high_normalized: float | None = None
    unit_normalized: str | None = None
    deadline: dt.date | None = None
    deadline_text: str | None = None
    cumulative: bool | None = None
    kind: str = "commitment"
    baseline_value: float | None = None
    baseline_unit: str | None = None
    baseline_date: dt.date | None = None
    baseline_quote: str | None = None
    quote: str | None = None
    quote_start: int | None = None
    quote_end: int | None = None
    source_document_id: int | None = None
    id: int | None = None
    version: int | None = None

    def problems(self) -> list[ValidationError]:
        found = [require_text(self.indicator, "indicator", "The indicator"),
                 _enum_problem(self.comparator, COMPARATORS, "comparator", "Comparator"),
                 _enum_problem(self.kind, TARGET_KINDS, "kind", "Kind")]
        if self.comparator != "qualitative" and self.value is None:
            found.append(ValidationError("value", "A measurable target needs a value; enter a number or choose "
                                         "the comparator 'qualitative'.", code="value_missing"))
        if self.comparator == "range":
            if self.value_high is None:
                found.append(ValidationError("value_high", "A range needs an upper value; enter it.",
                                             code="value_high_missing"))
            elif self.value is not None and self.value_high < self.value:
                found.append(ValidationError("value_high", "The upper value is below the lower value; swap them.",
                                             code="range_order"))
        found.append(_offsets_problem(self.quote_start, self.quote_end))
        return [p for p in found if p]


@dataclass
class Evidence(Record):
    """A measured value of a target on a date, with where it was read."""

    TABLE: ClassVar[str] = "evidence"
    target_id: int
    as_of_date: dt.date
    value: float | None = None
    unit: str | None = None
    value_normalized: float | None = None
    unit_normalized: str | None = None
    comparator: str = "="
    achieved: bool | None = None
    source_title: str | None = None
    publisher: str | None = None
    source_date: dt.date | None = None
    source_url: str | None = None
    quote: str | None = None
    source_document_id: int | None = None
    recorded_by: str | None = None
    notes: str | None = None
    id: int | None = None
    version: int | None = None

    def problems(self) -> list[ValidationError]:
        found = [_enum_problem(self.comparator, (">=", ">", "=", "<=", "<"), "comparator", "Comparator")]
        if self.value is None and self.achieved is None:
            found.append(ValidationError("value", "Evidence needs a measured value, or a yes/no for a qualitative "
                                         "target; enter one.", code="value_missing",
                                         record="evidence"))
        return [p for p in found if p]


@dataclass
class SourceDocument(Record):
    """An imported file (letter, news article, bulletin, plan), kept whole with its SHA-256."""

    TABLE: ClassVar[str] = "source_documents"
    sha256: str
    file_name: str
    kind: str = "other"
    title: str | None = None
    publisher: str | None = None
    doc_date: dt.date | None = None
    url: str | None = None
    text: str | None = None
    content: bytes | None = None
    imported_by: str | None = None
    id: int | None = None
    version: int | None = None

    def problems(self) -> list[ValidationError]:
        found = [_enum_problem(self.kind, SOURCE_KINDS, "kind", "Kind"),
                 require_text(self.file_name, "file_name", "The file name")]
        if len(self.sha256 or "") != 64:
            found.append(ValidationError("sha256", "The document's SHA-256 must have 64 hex digits.",
                                         code="hash_invalid"))
        return [p for p in found if p]


@dataclass
class Reminder(Record):
    """Something due on a date: a reply deadline, a commitment deadline, a stale target..."""

    TABLE: ClassVar[str] = "reminders"
    kind: str
    title: str
    due_date: dt.date
    subject_table: str | None = None
    subject_id: int | None = None
    lead_days: int | None = None
    state: str = "open"
    snoozed_until: dt.date | None = None
    done_at: dt.date | None = None
    note: str | None = None
    uid: str | None = None
    id: int | None = None
    version: int | None = None

    def problems(self) -> list[ValidationError]:
        found = [_enum_problem(self.kind, REMINDER_KINDS, "kind", "Kind"),
                 _enum_problem(self.state, REMINDER_STATES, "state", "State"),
                 require_text(self.title, "title", "The reminder's title")]
        if self.state == "snoozed" and self.snoozed_until is None:
            found.append(ValidationError("snoozed_until", "A snoozed reminder needs the date it wakes up; "
                                         "pick one.", code="snooze_date_missing"))
        return [p for p in found if p]


@dataclass
class Contact(Record):
    """A meeting, call or visit with the proposer while handling a proposal (见面/面商)."""

    TABLE: ClassVar[str] = "contacts"
    proposal_id: int
    contact_date: dt.date
    method: str = "meeting"
    participants: str | None = None
    notes: str | None = None
    id: int | None = None
    version: int | None = None

    @property
    def face_to_face(self) -> bool:
        return self.method in FACE_TO_FACE_METHODS

    def problems(self) -> list[ValidationError]:
        found = [_enum_problem(self.method, CONTACT_METHODS, "method", "Method")]
        return [p for p in found if p]


@dataclass
class Suggestion(Record):
    """A machine suggestion waiting for the clerk: an extracted target, or evidence for a target."""

    TABLE: ClassVar[str] = "suggestions"
    kind: str
    payload: dict[str, Any]
    source_document_id: int | None = None
    reply_id: int | None = None
    target_id: int | None = None
    score: float | None = None
    state: str = "pending"
    id: int | None = None
    version: int | None = None

    def problems(self) -> list[ValidationError]:
        found = [_enum_problem(self.kind, SUGGESTION_KINDS, "kind", "Kind"),
                 _enum_problem(self.state, SUGGESTION_STATES, "state", "State")]
        return [p for p in found if p]


@dataclass(frozen=True)
class HistoryEntry:
    """One change in the append-only, hash-chained history."""

    id: int
    at: str
    actor: str
    table_name: str
    row_id: int
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    prev_hash: str
    hash: str


def _offsets_problem(start: int | None, end: int | None) -> ValidationError | None:
    if start is None and end is None:
        return None
    if start is None or end is None or start < 0 or end < start:
        return ValidationError("quote_start", "The quote's start and end offsets do not fit; select the quote "
                               "again.", code="offsets_invalid")
    return None
