"""What the workbook is made of: sheet names, labels, the snapshot of records it is written from, and its result."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.anchor import Anchor
from desktop.core.audit import Finding
from desktop.core.deadlines import DeadlineRules
from desktop.core.records import (
    TARGET_STATES,
    Commitment,
    Contact,
    Evidence,
    Feedback,
    HistoryEntry,
    Proposal,
    Reminder,
    Reply,
    SourceDocument,
    Target,
)
from desktop.core.status import CommitmentGroup

WORKBOOK_TITLE = "答复承诺台账审计工作簿"
SHEET_SUMMARY = "汇总"
SHEET_PROPOSALS = "建议"
SHEET_REPLIES = "答复"
SHEET_CONTACTS = "见面沟通"
SHEET_TARGETS = "承诺与指标"
SHEET_EVIDENCE = "佐证"
SHEET_REMINDERS = "提醒"
SHEET_AUDIT = "回头看"
SHEET_HISTORY = "变更记录"

COMPARATOR_LABELS = {">=": "≥", ">": "＞", "=": "＝", "<=": "≤", "<": "＜", "range": "区间", "qualitative": "定性"}
CUMULATIVE_LABELS = {True: "累计", False: "年度"}
YES, NO = "是", "否"
TABLE_LABELS = {"proposals": "建议", "proposers": "提出人", "replies": "答复", "feedback": "评价",
                "commitments": "承诺", "targets": "指标", "evidence": "佐证", "source_documents": "来源文件",
                "reminders": "提醒", "contacts": "联系记录", "suggestions": "待审核建议", "settings": "设置"}
ACTION_LABELS = {"insert": "新增", "update": "修改", "delete": "删除"}
# Reminder subjects: stored table name ↔ the word shown in the 关联类型 column.
SUBJECT_LABELS = {"proposals": "建议", "replies": "答复", "commitments": "承诺", "targets": "指标",
                  "feedback": "评价"}

# Text longer than Excel keeps in a cell (32 767 characters) is cut at MAX_CELL_TEXT and ends with this marker,
# filled with the original length. The wording is stable: a ledger import recognises a cut cell by it
# (TRUNCATION_PATTERN) and must not take the cut text for the whole.
MAX_CELL_TEXT = 32_000
TRUNCATION_MARKER = "…（已截断，原文共{length}字）"
TRUNCATION_PATTERN = r"…（已截断，原文共(\d+)字）$"


@dataclass(frozen=True)
class ExportFilters:
    """Which part of the ledger is exported; shown in the summary's title rows."""

    unit: str | None = None
    year: int | None = None
    state: str | None = None
    session: str | None = None

    def describe(self) -> str:
        parts = []
        if self.unit:
            parts.append(f"单位：{self.unit}")
        if self.year:
            parts.append(f"年度：{self.year}")
        if self.state:
            parts.append(f"状态：{TARGET_STATES.get(self.state, self.state)}")
        if self.session:
            parts.append(f"届次：{self.session}")
        return "；".join(parts) if parts else "全部（未筛选）"

    @property
    def active(self) -> bool:
        return any((self.unit, self.year, self.state, self.session))


@dataclass(frozen=True)
class EvidenceLine:
    """One evidence record with the indicator and commitment of the target it measures."""

    evidence: Evidence
    indicator: str
    commitment_id: int
    target_unit: str | None = None


@dataclass
class LedgerSnapshot:
    """Everything the workbook shows, as plain records, as they stood on ``as_of``.

    The caller leaves out what did not exist yet on that day: replies, ratings, contacts and evidence dated after
    it (and what hangs on those replies). ``left_out`` counts them by kind (建议, 答复, 评价, 联系, 佐证) for the
    summary. Reminders keep their state of that day (one done later is shown open).

    Lists are in display order. The large parts (``groups`` of commitments with their targets, ``evidence``,
    ``history``) may be any iterable, such as generators over database cursors, so that a ledger of any size
    passes through in constant memory; their ``*_count`` fields give their lengths for progress reports
    (``reminders`` too, with ``reminder_count``). ``groups`` come proposal by proposal (all commitments of a
    proposal's replies together), in display order. No commitment or target is held for the whole export: the
    mappings below may look their facts up as they are asked for. ``commitment_facts`` gives the title and reply
    of each commitment in scope and ``target_facts`` the indicator and commitment of each target in scope (the
    other sheets and 变更记录 name them by these); ``target_names`` names the targets that reminders refer to.
    ``findings`` (回头看, :mod:`desktop.core.audit`) get a sheet of their own and counts in the summary; None when
    the rules were not run; a function when they are found from the ``groups`` as they stream past (it is called
    once, after the target rows were written, and its list replaces it). ``record_names`` names records the change
    log mentions that are not in the snapshot (key: (table, id)).
    """

    as_of: dt.date
    generated_at: dt.datetime
    filters: ExportFilters = field(default_factory=ExportFilters)
    office_name: str = ""
    generated_by: str = ""
    result_classes: list[dict[str, str]] = field(default_factory=list)
    rules: DeadlineRules = field(default_factory=DeadlineRules)
    proposals: list[Proposal] = field(default_factory=list)
    replies: list[Reply] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    groups: Iterable[CommitmentGroup] = ()
    commitment_facts: Mapping[int, tuple[str, int | None]] = field(default_factory=dict)  # id → (title, reply id)
    target_facts: Mapping[int, tuple[str, int]] = field(default_factory=dict)  # id → (indicator, commitment id)
    target_row_count: int = 0  # targets, plus commitments that have none (one row each)
    evidence: Iterable[EvidenceLine] = ()
    evidence_count: int = 0
    reminders: Iterable[Reminder] = field(default_factory=list)
    reminder_count: int | None = None  # None: len(reminders)
    target_names: Mapping[int, str] = field(default_factory=dict)
    sources: dict[int, SourceDocument] = field(default_factory=dict)
    history: Iterable[HistoryEntry] = ()
    history_count: int = 0
    findings: list[Finding] | Callable[[], list[Finding]] | None = None
    left_out: dict[str, int] = field(default_factory=dict)
    record_names: dict[tuple[str, int], str] = field(default_factory=dict)
    # More (label, text) lines for the summary's title block, such as the head of the history chain.
    notes: list[tuple[str, str]] = field(default_factory=list)
    # The history chain's head, also written into the document properties for `verify --anchor`.
    chain: Anchor | None = None

    @property
    def reminders_total(self) -> int:
        if self.reminder_count is not None:
            return self.reminder_count
        return len(self.reminders)  # type: ignore[arg-type]


@dataclass(frozen=True)
class TruncatedCell:
    """A text cut to fit a cell: where (sheet, column header, row) and how long it was."""

    sheet: str
    column: str
    row: int
    length: int

    def describe(self) -> str:
        return f"{self.sheet}!{self.column} 第{self.row}行（原文{self.length}字）"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: dict[str, int]  # data rows written per sheet
    truncated: tuple[TruncatedCell, ...] = ()


# --------------------------------------------------------------------------------------------- labels and keys
def reply_label(reply: Reply, proposal: Proposal | None) -> str:
    """How a reply is named in other sheets: its document number, else the proposal it answers."""
    if reply.doc_number:
        return reply.doc_number
    return f"{proposal.label}的答复" if proposal else f"答复#{reply.id}"


def commitment_label(commitment: Commitment, reply_name: str) -> str:
    return f"{reply_name}｜{commitment.title}"


def target_label(target: Target, commitment_name: str) -> str:
    return f"{commitment_name}｜{target.indicator}"


def handling_year(proposal: Proposal) -> int | None:
    """The year a proposal is counted in: the year it was assigned (else received, else due)."""
    for day in (proposal.assigned_date, proposal.received_date, proposal.reply_due_date):
        if day:
            return day.year
    return None


def display_width(text: str) -> int:
    """Width in Excel column units: a CJK (wide) character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
