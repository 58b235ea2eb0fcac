"""The audit workbook: the ledger as an .xlsx file that auditors and leaders can read, filter, print and trust.

Sheets: 汇总 (summary and yearly handling statistics), 建议, 答复, 承诺与指标 (one row per target, judged as of a
date), 佐证, 提醒, 回头看 (the audit findings of :mod:`desktop.core.audit`) and 变更记录 (the history). The caller
hands in plain records (:class:`LedgerSnapshot`); nothing here reads the database.

Rules the workbook keeps:
- Real types: dates are Excel dates, numbers are numbers, rates are percentages. Text is text: a value that
  starts with = + - @, a tab or a carriage return is written as a text cell with Excel's quote prefix, so it
  never runs as a formula, not even after someone edits the cell.
- openpyxl's write-only mode streams rows to disk, so memory does not grow with the number of rows. Cell
  styles come from one prepared cell per column (not a new style object per cell) and state colours from
  conditional formatting.
- The file is written to a temporary file beside the target and renamed over it only when complete: a failure
  or a cancel leaves any earlier file untouched and no half-written file behind.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import os
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from desktop.core.anchor import Anchor, chain_line, set_workbook_anchor
from desktop.core.audit import AUDIT_KINDS, Finding
from desktop.core.errors import Cancelled, LedgerError
from desktop.core.records import (
    DISCLOSURES,
    PROPOSAL_KINDS,
    PROPOSAL_STATES,
    RATINGS,
    REMINDER_KINDS,
    REMINDER_STATES,
    TARGET_KINDS,
    TARGET_STATES,
    Commitment,
    Evidence,
    Feedback,
    HistoryEntry,
    Proposal,
    Reminder,
    Reply,
    SourceDocument,
    Target,
)
from desktop.core.settings import HANDLING_MODES
from desktop.core.status import CommitmentGroup
from desktop.core.tempfiles import create_beside, remove_stale_beside

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]

WORKBOOK_TITLE = "答复承诺台账审计工作簿"
SHEET_SUMMARY = "汇总"
SHEET_PROPOSALS = "建议"
SHEET_REPLIES = "答复"
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

# Conditional-format colours of the state cells (fill, font).
_STATE_COLOURS = {
    "met": ("C6EFCE", "006100"),
    "at_risk": ("FFEB9C", "9C5700"),
    "missed": ("FFC7CE", "9C0006"),
    "overdue": ("FFC7CE", "9C0006"),
}
_RISKY_START = ("=", "+", "-", "@", "\t", "\r")
_MAX_CELL_TEXT = 32_000  # Excel keeps at most 32 767 characters in a cell
_DATE_FORMAT = "yyyy-mm-dd"
_DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
_PERCENT_FORMAT = "0.0%"
_COUNT_FORMAT = "#,##0"
_CHECK_EVERY = 500  # rows between progress reports and cancel checks


# --------------------------------------------------------------------------------------------- input data
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


@dataclass
class LedgerSnapshot:
    """Everything the workbook shows, as plain records, judged as of ``as_of``.

    Lists are in display order. The large parts (``groups`` of targets, ``evidence``, ``history``) may be any
    iterable, such as generators over database cursors, so that a ledger of any size passes through in constant
    memory; their ``*_count`` fields give their lengths for progress reports. ``commitments`` lists the
    commitments in the same order as ``groups`` (the other sheets name them). ``target_names`` names the targets
    that reminders refer to. ``findings`` (回头看, :mod:`desktop.core.audit`) get a sheet of their own and counts
    in the summary; None when the rules were not run.
    """

    as_of: dt.date
    generated_at: dt.datetime
    filters: ExportFilters = field(default_factory=ExportFilters)
    office_name: str = ""
    generated_by: str = ""
    result_classes: list[dict[str, str]] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    replies: list[Reply] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    groups: Iterable[CommitmentGroup] = ()
    target_row_count: int = 0  # targets, plus commitments that have none (one row each)
    evidence: Iterable[EvidenceLine] = ()
    evidence_count: int = 0
    reminders: list[Reminder] = field(default_factory=list)
    target_names: dict[int, str] = field(default_factory=dict)
    sources: dict[int, SourceDocument] = field(default_factory=dict)
    history: Iterable[HistoryEntry] = ()
    history_count: int = 0
    findings: list[Finding] | None = None
    chain: Anchor | None = None  # the history chain's head, written down so `verify --anchor` can check it later


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: dict[str, int]  # data rows written per sheet


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


# --------------------------------------------------------------------------------------------- statistics
@dataclass(frozen=True)
class YearStats:
    """One year's handling statistics (or the total, ``year`` None)."""

    year: int | None
    proposals: int = 0
    replied: int = 0
    replied_on_time: int = 0
    rated: int = 0
    satisfied: int = 0
    basically_satisfied: int = 0
    unsatisfied: int = 0
    classes: dict[str, int] = field(default_factory=dict)
    classed: int = 0
    commitments: int = 0
    commitments_due: int = 0
    commitments_met: int = 0

    @staticmethod
    def _share(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def reply_rate(self) -> float | None:
        return self._share(self.replied, self.proposals)

    @property
    def on_time_rate(self) -> float | None:
        return self._share(self.replied_on_time, self.proposals)

    @property
    def satisfaction_rate(self) -> float | None:
        return self._share(self.satisfied + self.basically_satisfied, self.rated)

    @property
    def strict_satisfaction_rate(self) -> float | None:
        return self._share(self.satisfied, self.rated)

    def class_share(self, code: str) -> float | None:
        return self._share(self.classes.get(code, 0), self.classed)

    @property
    def delivery_rate(self) -> float | None:
        return self._share(self.commitments_met, self.commitments_due)


# What each rate means; written under the statistics table so an auditor can recount it.
RATE_DEFINITIONS = (
    ("办复率", "已办复件数 ÷ 建议件数。已办复：至少有一份写明答复日期的答复。"),
    ("按期答复率", "按期答复件数 ÷ 建议件数。按期答复：最早的答复日期不晚于答复期限；经批准延期的，以延期后的期限为准；"
                "未设期限的不计为按期。"),
    ("满意率（含基本满意）", "（满意 + 基本满意）÷ 有评价件数。每份答复取代表对“答复”的最新一次评价。"),
    ("满意率（仅满意）", "满意 ÷ 有评价件数。"),
    ("各类占比", "该类答复份数 ÷ 标明办理结果的答复份数（不含再次答复）。"),
    ("落实率", "到期承诺中已达成的项数 ÷ 到期承诺项数。到期：承诺期限（无期限时取其指标的最晚期限）不晚于截至日期；"
             "已达成：截至日期的承诺状态为“已达成”。"),
)


def _latest_reply_feedback(feedback: Sequence[Feedback]) -> dict[tuple[int, int | None], Feedback]:
    latest: dict[tuple[int, int | None], Feedback] = {}
    for item in feedback:
        if item.aspect != "reply":
            continue
        key = (item.reply_id, item.proposer_id)
        current = latest.get(key)
        if current is None or (item.feedback_date or dt.date.min, item.id or 0) >= \
                (current.feedback_date or dt.date.min, current.id or 0):
            latest[key] = item
    return latest


def commitment_deadline(commitment: Commitment, targets: Iterable[Target]) -> dt.date | None:
    """The commitment's deadline, else the latest deadline of its targets."""
    if commitment.deadline:
        return commitment.deadline
    dates = [t.deadline for t in targets if t.deadline and t.kind != "baseline"]
    return max(dates) if dates else None


@dataclass
class _Tally:
    """What the summary counts, gathered while the target rows stream past."""

    target_states: Counter = field(default_factory=Counter)
    commitment_states: Counter = field(default_factory=Counter)
    by_unit: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    by_deadline_year: dict[int | None, Counter] = field(default_factory=lambda: defaultdict(Counter))
    commitments: dict[int, tuple[str, dt.date | None]] = field(default_factory=dict)  # id → (state, deadline)


def compute_statistics(snapshot: LedgerSnapshot, commitments: dict[int, tuple[str, dt.date | None]]
                       ) -> list[YearStats]:
    """Yearly handling statistics, one entry per year in order, then the total (year None).

    Args:
        commitments: each commitment's state as of the date and its deadline (see :func:`commitment_deadline`).
    """
    proposals = {p.id: p for p in snapshot.proposals}
    replies_by_proposal: dict[int | None, list[Reply]] = defaultdict(list)
    for reply in snapshot.replies:
        replies_by_proposal[reply.proposal_id].append(reply)
    reply_year = {r.id: handling_year(proposals[r.proposal_id]) if r.proposal_id in proposals else None
                  for r in snapshot.replies}
    counters: dict[int | None, Counter] = defaultdict(Counter)
    classes: dict[int | None, Counter] = defaultdict(Counter)
    for proposal in snapshot.proposals:
        year = handling_year(proposal)
        counter = counters[year]
        counter["proposals"] += 1
        answers = [r for r in replies_by_proposal.get(proposal.id, []) if r.reply_date]
        if answers:
            counter["replied"] += 1
            first = min(r.reply_date for r in answers if r.reply_date)
            due = proposal.extended_due_date or proposal.reply_due_date
            if due and first <= due:
                counter["replied_on_time"] += 1
    for (reply_id, _), item in _latest_reply_feedback(snapshot.feedback).items():
        counter = counters[reply_year.get(reply_id)]
        counter["rated"] += 1
        counter[item.rating] += 1
    for reply in snapshot.replies:
        if reply.result_class and not reply.is_reanswer:
            year = reply_year.get(reply.id)
            classes[year][reply.result_class] += 1
            counters[year]["classed"] += 1
    for commitment in snapshot.commitments:
        year = reply_year.get(commitment.reply_id)
        counter = counters[year]
        counter["commitments"] += 1
        state, deadline = commitments.get(commitment.id or 0, (None, commitment.deadline))
        if deadline and deadline <= snapshot.as_of:
            counter["commitments_due"] += 1
            if state == "met":
                counter["commitments_met"] += 1

    def build(year: int | None, counter: Counter, by_class: Counter) -> YearStats:
        return YearStats(
            year=year, proposals=counter["proposals"], replied=counter["replied"],
            replied_on_time=counter["replied_on_time"], rated=counter["rated"], satisfied=counter["satisfied"],
            basically_satisfied=counter["basically_satisfied"], unsatisfied=counter["unsatisfied"],
            classes=dict(by_class), classed=counter["classed"], commitments=counter["commitments"],
            commitments_due=counter["commitments_due"], commitments_met=counter["commitments_met"])

    years = sorted(counters, key=lambda y: (y is None, y or 0))
    rows = [build(year, counters[year], classes[year]) for year in years]
    total_counter: Counter = Counter()
    total_classes: Counter = Counter()
    for year in years:
        total_counter.update(counters[year])
        total_classes.update(classes[year])
    rows.append(build(None, total_counter, total_classes))
    return rows


# --------------------------------------------------------------------------------------------- sheet layout
@dataclass(frozen=True)
class Column:
    """A column of a data sheet: its Chinese header, kind of value and width limits.

    Kinds: text, wrap (long text, wrapped), date, datetime, number, count, percent, state (a state label that
    conditional formatting colours). Detail columns come last and are folded into a column group so that the
    main columns print legibly on A4; one click on the group's "+" shows them.
    """

    header: str
    kind: str = "text"
    max_width: int = 30
    min_width: int = 5
    detail: bool = False  # folded away (a column group) on screen and on paper, still in the file


PROPOSAL_COLUMNS = (
    Column("届次", "wrap", 16, 10), Column("编号", "text", 10), Column("标题", "wrap", 30, 16),
    Column("领衔人", "text", 10), Column("交办日期", "date"), Column("答复期限", "date"), Column("延期期限", "date"),
    Column("主办单位", "wrap", 16), Column("会办单位", "wrap", 16), Column("重点督办"), Column("办理状态"),
    Column("首次答复日期", "date"), Column("按期答复"),
    Column("建议", "wrap", 24, detail=True), Column("类别", detail=True), Column("附议人", "wrap", 20, detail=True),
    Column("代表团/界别", "wrap", 14, detail=True), Column("人大/政协", detail=True),
    Column("收到日期", "date", detail=True), Column("延期批准", "wrap", 16, detail=True),
    Column("误交日期", "date", detail=True), Column("退回日期", "date", detail=True),
    Column("办理方式", detail=True),
)
REPLY_COLUMNS = (
    Column("建议", "wrap", 22, 12), Column("答复文号", "wrap", 16, 10), Column("标题", "wrap", 28, 16),
    Column("答复日期", "date"), Column("签发人", "text", 8), Column("经办人", "text", 8), Column("办理结果"),
    Column("公开属性"), Column("答复满意度"), Column("落实满意度"), Column("承诺数", "count"),
    Column("发文机关", "wrap", 20, detail=True), Column("收件人", "wrap", 14, detail=True),
    Column("答复对象代表", "text", 10, detail=True), Column("联系电话", "text", 16, detail=True),
    Column("抄送", "wrap", 20, detail=True), Column("结果含义", "wrap", 20, detail=True),
    Column("公开日期", "date", detail=True), Column("答复单位", "wrap", 20, detail=True),
    Column("再次答复", detail=True), Column("评价日期", "date", detail=True),
    Column("代表意见", "wrap", 24, detail=True), Column("落实评价日期", "date", detail=True),
)
TARGET_COLUMNS = (
    Column("答复文号", "wrap", 14, 10), Column("承诺事项", "wrap", 18, 12), Column("责任单位", "wrap", 12),
    Column("承诺期限", "date"), Column("承诺状态", "state"), Column("指标", "wrap", 16, 10), Column("比较"),
    Column("目标值", "number", 10), Column("单位", "text", 6), Column("指标期限", "date"), Column("基数", "number", 10),
    Column("最新佐证值", "number", 10), Column("佐证日期", "date"), Column("佐证来源", "wrap", 16),
    Column("进度", "percent"), Column("指标状态", "state"), Column("判定理由", "wrap", 30, 16),
    Column("建议", "wrap", 24, detail=True), Column("承诺原文", "wrap", 36, detail=True),
    Column("期限表述", "text", 14, detail=True), Column("人工判定", "state", detail=True),
    Column("目标上限", "number", 12, detail=True), Column("累计/年度", detail=True), Column("指标类型", detail=True),
    Column("基数单位", "text", 8, detail=True), Column("基数日期", "date", detail=True),
    Column("佐证单位", "text", 8, detail=True), Column("备注", "wrap", 24, detail=True),
)
EVIDENCE_COLUMNS = (
    Column("答复文号", "wrap", 14, 10), Column("指标", "wrap", 18, 10), Column("佐证日期", "date"), Column("比较"),
    Column("数值", "number", 10), Column("单位", "text", 6), Column("是否实现"), Column("来源标题", "wrap", 24, 12),
    Column("发布单位", "wrap", 12), Column("来源日期", "date"), Column("原文摘录", "wrap", 34, 16),
    Column("建议", "wrap", 24, detail=True), Column("承诺事项", "wrap", 20, detail=True),
    Column("链接", "wrap", 30, detail=True), Column("来源文件", "wrap", 24, detail=True),
    Column("来源文件SHA-256", "text", 20, detail=True), Column("记录人", "text", 10, detail=True),
    Column("备注", "wrap", 24, detail=True),
)
REMINDER_COLUMNS = (
    Column("类型"), Column("标题", "wrap", 30, 16), Column("到期日", "date"), Column("关联类型"),
    Column("关联对象", "wrap", 34, 16), Column("提前天数", "count"), Column("状态"), Column("推迟至", "date"),
    Column("完成日期", "date"), Column("备注", "wrap", 24, detail=True), Column("标识", "text", 24, detail=True),
)
AUDIT_COLUMNS = (
    Column("发现类型", "text", 22), Column("建议", "wrap", 24, 12), Column("对象", "wrap", 30, 14),
    Column("日期", "date"), Column("说明", "wrap", 60, 30),
)
HISTORY_COLUMNS = (
    Column("时间", "datetime", 20, 19), Column("操作人", "text", 10), Column("表", "text", 8),
    Column("记录号", "count"), Column("操作"), Column("变更字段", "wrap", 18), Column("修改前", "wrap", 44, 24),
    Column("修改后", "wrap", 44, 24), Column("哈希", "text", 20, detail=True),
)
SHEET_COLUMNS = {
    SHEET_PROPOSALS: PROPOSAL_COLUMNS, SHEET_REPLIES: REPLY_COLUMNS, SHEET_TARGETS: TARGET_COLUMNS,
    SHEET_EVIDENCE: EVIDENCE_COLUMNS, SHEET_REMINDERS: REMINDER_COLUMNS, SHEET_AUDIT: AUDIT_COLUMNS,
    SHEET_HISTORY: HISTORY_COLUMNS,
}


# --------------------------------------------------------------------------------------------- row builders
class _Rows:
    """Turns the snapshot's records into the rows of each data sheet (values by column header)."""

    def __init__(self, snapshot: LedgerSnapshot, tally: _Tally) -> None:
        self.s = snapshot
        self.tally = tally
        self.proposals = {p.id: p for p in snapshot.proposals}
        self.replies = {r.id: r for r in snapshot.replies}
        self.commitments = {c.id: c for c in snapshot.commitments}
        self.class_labels = {c.get("code"): c.get("label", "") for c in snapshot.result_classes}
        self.replies_of: dict[int | None, list[Reply]] = defaultdict(list)
        for reply in snapshot.replies:
            self.replies_of[reply.proposal_id].append(reply)
        self.commitment_count: Counter = Counter(c.reply_id for c in snapshot.commitments)
        self.proposer_names = {pr.id: pr.name for p in snapshot.proposals for pr in p.proposers}
        self.feedback_by_id = {f.id: f for f in snapshot.feedback}
        self.feedback: dict[tuple[int, str], Feedback] = {}
        for item in snapshot.feedback:
            key = (item.reply_id, item.aspect)
            current = self.feedback.get(key)
            if current is None or (item.feedback_date or dt.date.min, item.id or 0) >= \
                    (current.feedback_date or dt.date.min, current.id or 0):
                self.feedback[key] = item

    def proposal_name(self, proposal_id: int | None) -> str | None:
        proposal = self.proposals.get(proposal_id)
        return proposal.label if proposal else None

    def reply_name(self, reply_id: int | None) -> str:
        reply = self.replies.get(reply_id)
        if reply is None:
            return f"答复#{reply_id}"
        return reply_label(reply, self.proposals.get(reply.proposal_id))

    def commitment_name(self, commitment_id: int | None) -> str:
        commitment = self.commitments.get(commitment_id)
        if commitment is None:
            return f"承诺#{commitment_id}"
        return commitment_label(commitment, self.reply_name(commitment.reply_id))

    def subject_name(self, table: str | None, row_id: int | None) -> str | None:
        if table is None or row_id is None:
            return None
        if table == "proposals":
            return self.proposal_name(row_id) or f"建议#{row_id}"
        if table == "replies":
            return self.reply_name(row_id)
        if table == "commitments":
            return self.commitment_name(row_id)
        if table == "targets":
            return self.s.target_names.get(row_id) or f"指标#{row_id}"
        if table == "feedback":
            item = self.feedback_by_id.get(row_id)
            return f"{self.reply_name(item.reply_id)}的评价" if item else f"评价#{row_id}"
        return f"{table}#{row_id}"

    # ----------------------------------------------------------------------------------------- sheets
    def proposal_rows(self) -> Iterator[dict[str, Any]]:
        for p in self.s.proposals:
            lead = next((pr.name for pr in p.proposers if pr.role == "lead"), None)
            cosigners = "、".join(pr.name for pr in p.proposers if pr.role != "lead") or None
            dated = [r.reply_date for r in self.replies_of.get(p.id, []) if r.reply_date]
            first = min(dated) if dated else None
            due = p.extended_due_date or p.reply_due_date
            on_time = None if first is None or due is None else (YES if first <= due else NO)
            yield {"建议": p.label, "届次": p.session, "类别": PROPOSAL_KINDS.get(p.kind, p.kind), "编号": p.number,
                   "标题": p.title, "领衔人": lead, "附议人": cosigners, "代表团/界别": p.delegation,
                   "人大/政协": p.body, "收到日期": p.received_date, "交办日期": p.assigned_date,
                   "答复期限": p.reply_due_date, "延期期限": p.extended_due_date, "延期批准": p.extension_approval,
                   "误交日期": p.misrouted_date, "退回日期": p.returned_date, "主办单位": p.lead_unit,
                   "会办单位": "、".join(p.co_units) or None, "办理方式": _handling_label(p.handling_mode),
                   "重点督办": YES if p.key_supervised else NO, "办理状态": PROPOSAL_STATES.get(p.state, p.state),
                   "首次答复日期": first, "按期答复": on_time}

    def reply_rows(self) -> Iterator[dict[str, Any]]:
        for r in self.s.replies:
            rating = self.feedback.get((r.id or 0, "reply"))
            delivery = self.feedback.get((r.id or 0, "delivery"))
            yield {"建议": self.proposal_name(r.proposal_id), "答复文号": r.doc_number, "发文机关": r.issuing_office,
                   "标题": r.title, "收件人": r.addressee, "答复对象代表": self.proposer_names.get(r.proposer_id),
                   "答复日期": r.reply_date, "签发人": r.signer, "经办人": r.handler, "联系电话": r.phone,
                   "抄送": r.cc, "办理结果": r.result_class,
                   "结果含义": self.class_labels.get(r.result_class) if r.result_class else None,
                   "公开属性": DISCLOSURES.get(r.disclosure or ""), "公开日期": r.published_date,
                   "答复单位": r.replying_unit, "再次答复": YES if r.is_reanswer else NO,
                   "答复满意度": RATINGS.get(rating.rating) if rating else None,
                   "评价日期": rating.feedback_date if rating else None,
                   "代表意见": rating.comments if rating else None,
                   "落实满意度": RATINGS.get(delivery.rating) if delivery else None,
                   "落实评价日期": delivery.feedback_date if delivery else None,
                   "承诺数": self.commitment_count.get(r.id, 0)}

    def target_rows(self) -> Iterator[dict[str, Any]]:
        tally = self.tally
        for group in self.s.groups:
            c, cj = group.commitment, group.judgement
            reply = self.replies.get(c.reply_id)
            unit = c.responsible_unit or self._unit_of_reply(reply) or "未注明"
            tally.commitment_states[cj.state] += 1
            tally.by_unit[unit]["承诺"] += 1
            tally.commitments[c.id or 0] = (cj.state, commitment_deadline(c, (t for t, _ in group.targets)))
            head = {"建议": self.proposal_name(reply.proposal_id) if reply else None,
                    "答复文号": reply.doc_number if reply else None, "承诺事项": c.title, "承诺原文": c.quote,
                    "责任单位": c.responsible_unit, "承诺期限": c.deadline, "期限表述": c.deadline_text,
                    "承诺状态": cj.label, "人工判定": TARGET_STATES.get(c.manual_state or ""), "备注": c.notes}
            if not group.targets:
                yield {**head, "判定理由": cj.reason}
                continue
            for t, tj in group.targets:
                if t.kind != "baseline":
                    tally.target_states[tj.state] += 1
                    tally.by_unit[unit]["指标"] += 1
                    tally.by_unit[unit][tj.state] += 1
                    year = tally.by_deadline_year[t.deadline.year if t.deadline else None]
                    year["指标"] += 1
                    year[tj.state] += 1
                latest = tj.latest_evidence
                yield {**head, "指标": t.indicator, "比较": COMPARATOR_LABELS.get(t.comparator, t.comparator),
                       "目标值": t.value, "目标上限": t.value_high, "单位": t.unit,
                       "累计/年度": CUMULATIVE_LABELS.get(t.cumulative) if t.cumulative is not None else None,
                       "指标类型": TARGET_KINDS.get(t.kind, t.kind),
                       "指标期限": t.deadline, "基数": t.baseline_value, "基数单位": t.baseline_unit,
                       "基数日期": t.baseline_date, "最新佐证值": latest.value if latest else None,
                       "佐证单位": latest.unit if latest else None, "佐证日期": latest.as_of_date if latest else None,
                       "佐证来源": _source_text(latest, self.s.sources) if latest else None,
                       "进度": tj.progress, "指标状态": tj.label, "判定理由": tj.reason}

    def _unit_of_reply(self, reply: Reply | None) -> str | None:
        if reply is None:
            return None
        if reply.replying_unit:
            return reply.replying_unit
        proposal = self.proposals.get(reply.proposal_id)
        return proposal.lead_unit if proposal else None

    def evidence_rows(self) -> Iterator[dict[str, Any]]:
        for line in self.s.evidence:
            e = line.evidence
            commitment = self.commitments.get(line.commitment_id)
            reply = self.replies.get(commitment.reply_id) if commitment else None
            source = self.s.sources.get(e.source_document_id or -1)
            yield {"建议": self.proposal_name(reply.proposal_id) if reply else None,
                   "答复文号": reply.doc_number if reply else None,
                   "承诺事项": commitment.title if commitment else None,
                   "指标": line.indicator, "佐证日期": e.as_of_date,
                   "比较": COMPARATOR_LABELS.get(e.comparator, e.comparator), "数值": e.value, "单位": e.unit,
                   "是否实现": None if e.achieved is None else (YES if e.achieved else NO),
                   "来源标题": e.source_title, "发布单位": e.publisher, "来源日期": e.source_date, "链接": e.source_url,
                   "原文摘录": e.quote, "来源文件": source.file_name if source else None,
                   "来源文件SHA-256": source.sha256 if source else None, "记录人": e.recorded_by, "备注": e.notes}

    def reminder_rows(self) -> Iterator[dict[str, Any]]:
        for r in self.s.reminders:
            yield {"类型": REMINDER_KINDS.get(r.kind, r.kind), "标题": r.title, "到期日": r.due_date,
                   "关联类型": SUBJECT_LABELS.get(r.subject_table or ""),
                   "关联对象": self.subject_name(r.subject_table, r.subject_id), "提前天数": r.lead_days,
                   "状态": REMINDER_STATES.get(r.state, r.state), "推迟至": r.snoozed_until, "完成日期": r.done_at,
                   "备注": r.note, "标识": r.uid}

    def audit_rows(self) -> Iterator[dict[str, Any]]:
        for finding in self.s.findings or ():
            yield {"发现类型": finding.label, "建议": finding.proposal_label,
                   "对象": self.subject_name(finding.subject_table, finding.subject_id), "日期": finding.date,
                   "说明": finding.message}

    def history_rows(self) -> Iterator[dict[str, Any]]:
        for entry in self.s.history:
            fields, before, after = _history_change(entry)
            yield {"时间": _local_time(entry.at), "操作人": entry.actor,
                   "表": TABLE_LABELS.get(entry.table_name, entry.table_name), "记录号": entry.row_id,
                   "操作": ACTION_LABELS.get(entry.action, entry.action), "变更字段": fields, "修改前": before,
                   "修改后": after, "哈希": entry.hash}


def _handling_label(code: str | None) -> str | None:
    if not code:
        return None
    return next((m["label"] for m in HANDLING_MODES if m["code"] == code), code)


def _source_text(evidence: Evidence, sources: dict[int, SourceDocument]) -> str | None:
    parts = [part for part in (evidence.publisher, evidence.source_title) if part]
    if evidence.source_date:
        parts.append(evidence.source_date.isoformat())
    if not parts and evidence.source_document_id in sources:
        parts.append(sources[evidence.source_document_id].file_name)
    return " ".join(parts) or None


def _local_time(stamp: str) -> dt.datetime | str:
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment


_HISTORY_SKIP = {"created_at", "updated_at"}


def _history_change(entry: HistoryEntry) -> tuple[str | None, str | None, str | None]:
    """Changed fields and their values before and after, as compact JSON (whole rows for inserts/deletes)."""
    before, after = entry.before or {}, entry.after or {}
    if entry.action == "update":
        names = sorted(k for k in set(before) | set(after) if k not in _HISTORY_SKIP and before.get(k) != after.get(k))
        return ("、".join(names) or None, _json({k: before.get(k) for k in names}),
                _json({k: after.get(k) for k in names}))
    row = before if entry.action == "delete" else after
    kept = {k: v for k, v in row.items() if k not in _HISTORY_SKIP and v is not None}
    if entry.action == "delete":
        return None, _json(kept), None
    return None, None, _json(kept)


def _json(values: dict[str, Any]) -> str | None:
    if not values:
        return None
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


# --------------------------------------------------------------------------------------------- the writer
class _Sheet(WriteOnlyWorksheet):
    """A write-only sheet that takes prepared cells without openpyxl's convert-then-fail detour.

    openpyxl's own ``_values_to_row`` first tries to assign every value to a scratch cell and only on the
    resulting ValueError (whose message formats the cell's repr) accepts a ready Cell; with a prepared cell in
    every column that detour costs more than writing the cell.
    """

    def _values_to_row(self, values: Iterable[Any], row_idx: int) -> Iterator[Cell]:
        plain = WriteOnlyCell(self)
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                cell = value
            else:
                if plain.has_style:
                    plain = WriteOnlyCell(self)
                plain.value = value
                cell = plain
            cell.column = col_idx
            cell.row = row_idx
            yield cell


_FONT = "Calibri"  # the workbook's body font; CJK text falls back to the system's Chinese font
_HEADER_FONT = Font(name=_FONT, bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="305496")
_SECTION_FONT = Font(name=_FONT, bold=True, size=12, color="1F3864")
_TITLE_FONT = Font(name=_FONT, bold=True, size=16)
_THIN = Side(style="thin", color="B4C6E7")
_HEADER_BORDER = Border(bottom=_THIN)


class _PreparedCell(Cell):
    """A cell reused for every row of one column: its value is set directly and its style id looked up once.

    openpyxl would otherwise work out the type of every value (``_bind_value``) and look its style up in the
    workbook's style table for every cell it writes.
    """

    __slots__ = ("_cached_style_id",)

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        super().__init__(ws)
        self._cached_style_id: int | None = None

    @property
    def style_id(self) -> int:
        if self._cached_style_id is None:
            self._cached_style_id = Cell.style_id.fget(self)  # type: ignore[attr-defined]
        return self._cached_style_id

    def put(self, value: Any, data_type: str) -> _PreparedCell:
        self._value = value
        self.data_type = data_type
        return self


class _CellMaker:
    """Prepared cells of one sheet: one per column, reused for every row.

    The sheet writer turns each cell into XML as soon as it is yielded, so one cell object per column can carry
    every row's value; its style is set up once, not once per cell.
    """

    def __init__(self, ws: WriteOnlyWorksheet, kinds: Sequence[str]) -> None:
        self.ws = ws
        self.kinds = list(kinds)
        self.cells = [self._styled(kind) for kind in self.kinds]
        self.guards = [self._styled(kind, guard=True) for kind in self.kinds]

    def _styled(self, kind: str, guard: bool = False) -> _PreparedCell:
        cell = _PreparedCell(self.ws)
        cell.alignment = Alignment(vertical="top", wrap_text=kind == "wrap" or None)
        if guard:
            cell.quotePrefix = True
        elif kind == "date":
            cell.number_format = _DATE_FORMAT
        elif kind == "datetime":
            cell.number_format = _DATETIME_FORMAT
        elif kind == "percent":
            cell.number_format = _PERCENT_FORMAT
        elif kind == "count":
            cell.number_format = _COUNT_FORMAT
        return cell

    def row(self, values: Sequence[Any]) -> list[Any]:
        out: list[Any] = []
        append = out.append
        for index, value in enumerate(values):
            kind = type(value)
            if value is None or value == "":
                append(None)
            elif kind is str:
                text = safe_text(value)
                if text.startswith(_RISKY_START) or text in ERROR_CODES:
                    # Text, never a formula: openpyxl would store "=..." as one. The quote prefix keeps it text
                    # even when someone edits the cell in Excel.
                    append(self.guards[index].put(text, "s"))
                else:
                    append(self.cells[index].put(text, "s"))
            elif kind is bool:
                append(self.cells[index].put(YES if value else NO, "s"))
            elif kind is int or kind is float:
                append(self.cells[index].put(value, "n") if math.isfinite(value) else None)
            elif kind is dt.date or kind is dt.datetime:
                append(self.cells[index].put(value, "d"))
            else:
                cell = self.cells[index]
                cell.value = value
                append(cell)
        return out


def safe_text(value: str) -> str:
    """Text as it can be stored in a cell: no XML-illegal control characters, at most ~32 000 characters."""
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(text) > _MAX_CELL_TEXT:
        text = text[:_MAX_CELL_TEXT] + f"…（已截断，原文共{len(value)}字）"
    return text


def _fit_widths(columns: Sequence[Column], sample: Sequence[Sequence[Any]]) -> list[float]:
    """Widths that fit the first rows' values (a CJK character counts two); headers wrap, so they only count
    up to four characters."""
    widths = []
    for index, column in enumerate(columns):
        longest = min(display_width(column.header), 8) + 2
        if column.kind == "date":
            longest = max(longest, 11)
        elif column.kind == "datetime":
            longest = max(longest, 19)
        elif column.kind == "state":
            longest = max(longest, 12)
        elif column.kind == "percent":
            longest = max(longest, 9)
        for row in sample:
            value = row[index] if index < len(row) else None
            if value is None:
                continue
            if isinstance(value, float):
                text = f"{value:,.4f}".rstrip("0").rstrip(".")
            elif isinstance(value, (dt.date, dt.datetime)):
                continue
            else:
                text = str(value)
            longest = max(longest, max(display_width(line) for line in text.splitlines() or [""]) + 2)
        widths.append(float(min(max(longest, column.min_width), column.max_width)))
    return widths


def _setup_print(ws: WriteOnlyWorksheet, title_rows: str, gridlines: bool = True) -> None:
    """A4 landscape, one page wide, title rows repeated, page numbers; call it before the first row is written
    (a write-only sheet writes its fit-to-page flag at the top of the file)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = gridlines
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.left.text = "&A"
    ws.oddHeader.right.text = WORKBOOK_TITLE
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def _state_formatting(ws: WriteOnlyWorksheet, cell_range: str) -> None:
    for state, (fill, font) in _STATE_COLOURS.items():
        ws.conditional_formatting.add(cell_range, CellIsRule(
            operator="equal", formula=[f'"{TARGET_STATES[state]}"'],
            fill=PatternFill("solid", start_color=fill, end_color=fill), font=Font(color=font)))


class _Writer:
    def __init__(self, snapshot: LedgerSnapshot, progress: Progress | None, is_cancelled: IsCancelled | None) -> None:
        self.snapshot = snapshot
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.tally = _Tally()
        self.rows = _Rows(snapshot, self.tally)
        self.total = (len(snapshot.proposals) + len(snapshot.replies) + snapshot.target_row_count
                      + snapshot.evidence_count + len(snapshot.reminders) + len(snapshot.findings or ())
                      + snapshot.history_count)
        self.done = 0
        self.counts: dict[str, int] = {}

    def tick(self, rows: int = 1) -> None:
        before = self.done
        self.done += rows
        if before // _CHECK_EVERY != self.done // _CHECK_EVERY:
            if self.is_cancelled and self.is_cancelled():
                raise Cancelled()
            if self.progress:
                self.progress(min(self.done, self.total), self.total)

    def write(self, workbook: Workbook) -> None:
        s = self.snapshot
        # Sheets appear in the order they are created; each streams to its own temporary file, so they can be
        # filled in any order. The targets go first: the summary counts them as they pass.
        names = [SHEET_SUMMARY, SHEET_PROPOSALS, SHEET_REPLIES, SHEET_TARGETS, SHEET_EVIDENCE, SHEET_REMINDERS,
                 SHEET_AUDIT, SHEET_HISTORY]
        if s.findings is None:
            names.remove(SHEET_AUDIT)
        sheets = {name: self._new_sheet(workbook, name) for name in names}
        for name, rows, count in (
            (SHEET_TARGETS, self.rows.target_rows, s.target_row_count),
            (SHEET_PROPOSALS, self.rows.proposal_rows, len(s.proposals)),
            (SHEET_REPLIES, self.rows.reply_rows, len(s.replies)),
            (SHEET_EVIDENCE, self.rows.evidence_rows, s.evidence_count),
            (SHEET_REMINDERS, self.rows.reminder_rows, len(s.reminders)),
            (SHEET_AUDIT, self.rows.audit_rows, len(s.findings or ())),
            (SHEET_HISTORY, self.rows.history_rows, s.history_count),
        ):
            if name not in sheets:
                continue
            self._write_data_sheet(sheets[name], SHEET_COLUMNS[name], rows(), count)
        self._write_summary(sheets[SHEET_SUMMARY])
        self.counts = {name: self.counts[name] for name in sheets}
        if self.progress:
            self.progress(self.total, self.total)

    def _new_sheet(self, workbook: Workbook, title: str) -> _Sheet:
        ws = _Sheet(workbook, title)
        workbook._add_sheet(ws)
        return ws

    def _write_data_sheet(self, ws: _Sheet, columns: Sequence[Column], rows: Iterator[dict[str, Any]],
                          expected: int) -> None:
        name = ws.title
        headers = [column.header for column in columns]
        ordered = ([row.get(header) for header in headers] for row in rows)
        first = []
        for values in ordered:
            first.append(values)
            if len(first) >= 300:
                break
        # A write-only sheet writes widths, outline, frozen panes and fit-to-page before its first row.
        widths = _fit_widths(columns, first)
        for index, (column, width) in enumerate(zip(columns, widths, strict=True), start=1):
            dimension = ws.column_dimensions[get_column_letter(index)]
            dimension.width = width
            if column.detail:
                dimension.outlineLevel = 1
                dimension.hidden = True
        if any(column.detail for column in columns):
            ws.sheet_format.outlineLevelCol = 1
            ws.column_dimensions[get_column_letter(len(columns) + 1)].collapsed = True
        ws.freeze_panes = "B2"
        _setup_print(ws, "1:1")
        header_cells = []
        for column in columns:
            cell = WriteOnlyCell(ws, value=column.header)
            cell.font, cell.fill, cell.border = _HEADER_FONT, _HEADER_FILL, _HEADER_BORDER
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            header_cells.append(cell)
        ws.append(header_cells)
        maker = _CellMaker(ws, [c.kind for c in columns])
        wrapped = [(index, (width - 1) * 0.9) for index, (column, width) in enumerate(zip(columns, widths, strict=True))
                   if column.kind == "wrap" and not column.detail]
        rows_dims = ws.row_dimensions
        written = 0
        for values in _chain(first, ordered):
            # Spreadsheets do not grow rows for wrapped text on opening; the row height is written with the row
            # and dropped right after, so the sheet keeps no per-row objects.
            height = _row_height(values, wrapped)
            row_index = written + 2
            if height:
                # The row writer only reads the row's attributes from this mapping.
                rows_dims[row_index] = {"ht": f"{height:g}", "customHeight": "1"}
            ws.append(maker.row(values))
            if height:
                del rows_dims[row_index]
            written += 1
            self.tick()
        last_row = written + 1
        last_col = get_column_letter(len(columns))
        ws.auto_filter.ref = f"A1:{last_col}{last_row}"
        for index, column in enumerate(columns, start=1):
            if column.kind == "state" and written:
                letter = get_column_letter(index)
                _state_formatting(ws, f"{letter}2:{letter}{last_row}")
        self.counts[name] = written
        if written != expected:
            logger.info("%s: %d rows written, %d expected", name, written, expected)

    # ----------------------------------------------------------------------------------------- summary
    def _write_summary(self, ws: _Sheet) -> None:
        s = self.snapshot
        tally = self.tally
        stats = compute_statistics(s, tally.commitments)
        codes = [c.get("code", "") for c in s.result_classes]
        for stat in stats:
            codes.extend(code for code in stat.classes if code not in codes)
        year_columns = len(stats)
        width = max(year_columns + 1, 9)
        ws.column_dimensions["A"].width = 30
        for index in range(2, width + 1):
            ws.column_dimensions[get_column_letter(index)].width = 13
        title_end = 6
        ws.freeze_panes = f"A{title_end + 1}"
        _setup_print(ws, f"1:{title_end}", gridlines=False)
        last_letter = get_column_letter(width)
        cells = _SummaryCells(ws)
        row = 0

        note_room = 13 * (width - 1) * 0.9  # merged B..last column, with room for wider glyphs

        def put(values: Sequence[Any], style: str = "body", kinds: Sequence[str] | None = None) -> int:
            nonlocal row
            row += 1
            if style == "note":  # a write-only sheet takes a row's height before the row
                ws.row_dimensions[row].height = _text_lines(str(values[-1]), note_room) * _LINE_HEIGHT + 2
            ws.append(cells.row(values, style, kinds))
            return row

        put([f"{s.office_name}{WORKBOOK_TITLE}" if s.office_name else WORKBOOK_TITLE], "title")
        ws.merged_cells.add(f"A1:{last_letter}1")
        meta = (("截至日期", s.as_of, "date"), ("筛选条件", s.filters.describe(), "text"),
                ("导出时间", s.generated_at.replace(microsecond=0, tzinfo=None), "datetime"),
                ("导出人", s.generated_by or "—", "text"),
                ("数据范围", f"建议{len(s.proposals)}件，答复{len(s.replies)}份，承诺{len(s.commitments)}项，"
                         f"指标{sum(tally.target_states.values())}个，佐证{self.counts.get(SHEET_EVIDENCE, 0)}条，"
                         f"提醒{len(s.reminders)}条", "text"))
        for label, value, kind in meta:
            at = put([label, value], "meta", ["label", kind])
            ws.merged_cells.add(f"B{at}:{last_letter}{at}")
        put([])

        put(["一、年度办理统计（按交办年度）"], "section")
        put(["项目", *[str(y.year) if y.year else ("未注明年度" if y is not stats[-1] else "合计") for y in stats]],
            "header")
        measures: list[tuple[str, Callable[[YearStats], Any], str]] = [
            ("建议件数", lambda y: y.proposals, "count"),
            ("已办复件数", lambda y: y.replied, "count"),
            ("办复率", lambda y: y.reply_rate, "percent"),
            ("按期答复件数", lambda y: y.replied_on_time, "count"),
            ("按期答复率", lambda y: y.on_time_rate, "percent"),
            ("有评价件数", lambda y: y.rated, "count"),
            ("满意", lambda y: y.satisfied, "count"),
            ("基本满意", lambda y: y.basically_satisfied, "count"),
            ("不满意", lambda y: y.unsatisfied, "count"),
            ("满意率（含基本满意）", lambda y: y.satisfaction_rate, "percent"),
            ("满意率（仅满意）", lambda y: y.strict_satisfaction_rate, "percent"),
            ("标明办理结果的答复份数", lambda y: y.classed, "count"),
        ]
        for code in codes:
            measures.append((f"{code}类份数", lambda y, c=code: y.classes.get(c, 0), "count"))
            measures.append((f"{code}类占比", lambda y, c=code: y.class_share(c), "percent"))
        measures += [
            ("承诺项数", lambda y: y.commitments, "count"),
            ("到期承诺项数", lambda y: y.commitments_due, "count"),
            ("到期已达成项数", lambda y: y.commitments_met, "count"),
            ("落实率", lambda y: y.delivery_rate, "percent"),
        ]
        for label, getter, kind in measures:
            put([label, *[getter(y) for y in stats]], "body", ["label", *[kind] * year_columns])
        put(["计算方法"], "label")
        for name, text in RATE_DEFINITIONS:
            at = put([name, text], "note", ["label", "note"])
            ws.merged_cells.add(f"B{at}:{last_letter}{at}")
        put([])

        put([f"二、指标与承诺状态（截至{s.as_of.isoformat()}）"], "section")
        put(["状态", "指标数", "指标占比", "承诺数", "承诺占比"], "header")
        target_states, commitment_states = tally.target_states, tally.commitment_states
        n_targets, n_commitments = sum(target_states.values()), sum(commitment_states.values())
        first_state_row = row + 1
        for state, label in TARGET_STATES.items():
            put([label, target_states[state], target_states[state] / n_targets if n_targets else None,
                 commitment_states[state], commitment_states[state] / n_commitments if n_commitments else None],
                "body", ["state", "count", "percent", "count", "percent"])
        last_state_row = row
        put(["合计", n_targets, None, n_commitments, None], "total", ["label", "count", "percent", "count", "percent"])
        _state_formatting(ws, f"A{first_state_row}:A{last_state_row}")
        chart = BarChart()
        chart.type = "col"
        chart.title = "指标状态分布"
        chart.y_axis.title = "指标数"
        chart.legend = None
        chart.add_data(Reference(ws, min_col=2, min_row=first_state_row - 1, max_row=last_state_row),
                       titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=first_state_row, max_row=last_state_row))
        chart.height, chart.width = 7, 16
        ws.add_chart(chart, f"A{row + 2}")
        for _ in range(16):  # the chart's place
            put([])

        put(["三、按责任单位统计承诺与指标"], "section")
        put(["责任单位", "承诺数", "指标数", *TARGET_STATES.values()], "header")
        by_unit = tally.by_unit
        for unit in sorted(by_unit, key=lambda u: (-by_unit[u]["承诺"], u)):
            counter = by_unit[unit]
            put([unit, counter["承诺"], counter["指标"], *[counter[state] for state in TARGET_STATES]], "body",
                ["label", *["count"] * (2 + len(TARGET_STATES))])
        put([])

        put(["四、按指标期限年度统计"], "section")
        put(["期限年度", "指标数", *TARGET_STATES.values()], "header")
        by_year = tally.by_deadline_year
        for year in sorted(by_year, key=lambda y: (y is None, y or 0)):
            counter = by_year[year]
            put([str(year) if year else "未注明期限", counter["指标"], *[counter[state] for state in TARGET_STATES]],
                "body", ["label", *["count"] * (1 + len(TARGET_STATES))])
        put([])

        put(["五、按办理结果统计答复"], "section")
        put(["办理结果", "答复份数", "占比", "含义"], "header")
        class_counts = stats[-1].classes
        classed = stats[-1].classed
        labels = {c.get("code"): c.get("label", "") for c in s.result_classes}
        for code in codes:
            put([code, class_counts.get(code, 0), class_counts.get(code, 0) / classed if classed else None,
                 labels.get(code, "（不在当前方案中）")], "body", ["label", "count", "percent", "text"])
        unclassed = sum(1 for r in s.replies if not r.result_class and not r.is_reanswer)
        put(["未标明", unclassed, None, None], "body", ["label", "count", "percent", "text"])
        put([])

        put([f"六、回头看（截至{s.as_of.isoformat()}）"], "section")
        if s.findings is None:
            put(["本次导出未运行回头看规则。"], "label")
        else:
            put(["发现类型", "条数"], "header")
            found = Counter(f.kind for f in s.findings)
            for kind, label in AUDIT_KINDS.items():
                put([label, found[kind]], "body", ["label", "count"])
            put(["合计", len(s.findings)], "total", ["label", "count"])
            at = put(["说明", f"每条发现列在“{SHEET_AUDIT}”表中：对象、日期和原因。"], "note", ["label", "note"])
            ws.merged_cells.add(f"B{at}:{last_letter}{at}")
        if s.chain is not None:  # `verify --anchor` checks the ledger against this head (also in the properties)
            put([])
            at = put(["变更记录链", chain_line(s.chain)], "note", ["label", "note"])
            ws.merged_cells.add(f"B{at}:{last_letter}{at}")

        self.counts[SHEET_SUMMARY] = row


class _SummaryCells:
    """Cells of the summary sheet (few rows, so a fresh styled cell per value is fine)."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws

    def row(self, values: Sequence[Any], style: str, kinds: Sequence[str] | None) -> list[Any]:
        out: list[Any] = []
        for index, value in enumerate(values):
            kind = kinds[index] if kinds and index < len(kinds) else ("label" if index == 0 else "text")
            if isinstance(value, str):
                value = safe_text(value)
            cell = WriteOnlyCell(self.ws, value=value)
            if isinstance(value, str) and (value.startswith(_RISKY_START) or value in ERROR_CODES):
                cell.data_type = "s"
                cell.quotePrefix = True
            if style == "title":
                cell.font = _TITLE_FONT
            elif style == "section":
                cell.font = _SECTION_FONT
            elif style in ("header",):
                cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            elif style == "total" or (kind == "label" and style == "meta"):
                cell.font = Font(name=_FONT, bold=True)
            if kind == "note":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif style == "note":
                cell.alignment = Alignment(vertical="top")
            elif kind == "date":
                cell.number_format = _DATE_FORMAT
                cell.alignment = Alignment(horizontal="left")
            elif kind == "datetime":
                cell.number_format = _DATETIME_FORMAT
                cell.alignment = Alignment(horizontal="left")
            elif kind == "percent":
                cell.number_format = _PERCENT_FORMAT
            elif kind == "count":
                cell.number_format = _COUNT_FORMAT
            out.append(cell)
        return out


_LINE_HEIGHT = 16.0
_MAX_ROW_HEIGHT = 409.0  # Excel's limit


def _row_height(values: Sequence[Any], wrapped: Sequence[tuple[int, float]]) -> float | None:
    """The height a row needs so its wrapped cells show whole (None: one line is enough)."""
    lines = 1
    for index, room in wrapped:
        value = values[index]
        if isinstance(value, str) and value:
            lines = max(lines, _text_lines(value, max(room, 1.0)))
    if lines == 1:
        return None
    return min(lines * _LINE_HEIGHT + 2, _MAX_ROW_HEIGHT)


def _text_lines(text: str, room: float) -> int:
    total = 0
    for part in text.split("\n"):
        # UTF-8 bytes plus characters, halved: 2 for a CJK character, 1 for ASCII, with no per-character loop.
        width = (len(part.encode("utf-8")) + len(part)) / 2
        total += max(1, math.ceil(width / room))
    return total


def _chain(first: list[list[Any]], rest: Iterator[list[Any]]) -> Iterator[list[Any]]:
    yield from first
    yield from rest


# --------------------------------------------------------------------------------------------- the file
def check_target(path: Path) -> None:
    """Refuse a target the workbook cannot be written to, with one sentence saying why.

    Raises:
        LedgerError: the folder is missing or read-only, the path is a folder, or the file is open in Excel/WPS.
    """
    folder = path.parent
    if not folder.is_dir():
        raise LedgerError(f"The folder '{folder}' does not exist; create it or choose another place for "
                          f"'{path.name}'.", code="export_folder_missing", path=str(path))
    if path.is_dir():
        raise LedgerError(f"'{path}' is a folder; give a file name ending in .xlsx.", code="export_target_is_folder",
                          path=str(path))
    if path.suffix.lower() != ".xlsx":
        raise LedgerError(f"'{path.name}' does not end in .xlsx; give the workbook an .xlsx name.",
                          code="export_not_xlsx", path=str(path))
    for lock in (folder / f"~${path.name}", folder / f".~lock.{path.name}#"):  # Excel/WPS, LibreOffice
        if lock.exists():
            raise LedgerError(f"'{path.name}' is open in a spreadsheet program (its lock file '{lock.name}' is "
                              "there); close it and export again.", code="export_target_locked", path=str(path))
    if path.exists() and not os.access(path, os.W_OK):
        raise LedgerError(f"'{path}' is read-only or locked by another program; close it or choose another name.",
                          code="export_target_locked", path=str(path))
    if not os.access(folder, os.W_OK):
        raise LedgerError(f"The folder '{folder}' is read-only; choose a folder you can write to.",
                          code="export_folder_read_only", path=str(path))


def write_workbook(path: str | Path, snapshot: LedgerSnapshot, *, progress: Progress | None = None,
                   is_cancelled: IsCancelled | None = None) -> ExportResult:
    """Write the audit workbook to ``path`` (replacing an older file only once the new one is complete).

    Raises:
        LedgerError: the target cannot be written (missing or read-only folder, file open elsewhere, disk full).
        Cancelled: ``is_cancelled()`` turned true; no file was written or changed.
    """
    path = Path(path)
    check_target(path)
    workbook = Workbook(write_only=True)
    _set_properties(workbook, snapshot)
    writer = _Writer(snapshot, progress, is_cancelled)
    remove_stale_beside(path)
    try:
        temp_path = create_beside(path, ".xlsx.part")  # the umask's permissions, not mkstemp's owner-only
    except PermissionError as error:
        raise LedgerError(f"The folder '{path.parent}' is read-only; choose a folder you can write to.",
                          code="export_folder_read_only", path=str(path)) from error
    except OSError as error:
        raise LedgerError(f"The workbook '{path}' could not be written ({error.strerror or error}); check the disk "
                          "and the folder, then export again.", code="export_write_failed", path=str(path)) from error
    try:
        writer.write(workbook)
        if is_cancelled and is_cancelled():
            raise Cancelled()
        workbook.save(temp_path)
        _replace(temp_path, path)
    except BaseException as error:
        _discard(workbook)
        temp_path.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise LedgerError(f"The workbook '{path}' could not be written ({error.strerror or error}); check that "
                              "the disk has room and the file is not open elsewhere, then export again.",
                              code="export_write_failed", path=str(path)) from error
        raise
    return ExportResult(path, writer.counts)


def _replace(temp_path: Path, path: Path) -> None:
    try:
        os.replace(temp_path, path)
    except PermissionError as error:
        raise LedgerError(f"'{path}' is open in another program (Excel or WPS keep it locked); close it and export "
                          "again.", code="export_target_locked", path=str(path)) from error


def _discard(workbook: Workbook) -> None:
    """Drop the sheets' streaming temporary files after a failure or cancel."""
    for ws in workbook.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        try:
            rows = getattr(ws, "_rows", None)
            if rows is not None:
                rows.close()
            writer.close()
        except Exception:  # the file is being thrown away; only its removal matters
            logger.debug("closing a discarded sheet failed", exc_info=True)
        try:
            writer.cleanup()
        except (OSError, ValueError):
            logger.debug("removing a discarded sheet's temporary file failed", exc_info=True)


def _set_properties(workbook: Workbook, snapshot: LedgerSnapshot) -> None:
    props = workbook.properties
    props.title = f"{snapshot.office_name}{WORKBOOK_TITLE}" if snapshot.office_name else WORKBOOK_TITLE
    props.subject = f"答复承诺台账，截至{snapshot.as_of.isoformat()}"
    props.description = f"筛选条件：{snapshot.filters.describe()}；承诺与指标的状态按截至日期判定。"
    props.keywords = "答复;承诺;台账;审计"
    props.category = "审计"
    props.creator = snapshot.generated_by or "Reply Ledger"
    props.lastModifiedBy = snapshot.generated_by or "Reply Ledger"
    moment = snapshot.generated_at
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    props.created = props.modified = moment
    if snapshot.chain is not None:
        set_workbook_anchor(workbook, snapshot.chain)
