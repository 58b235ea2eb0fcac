"""The yearly handling statistics of the summary sheet, as of the workbook's date.

Every figure counts only what was known on the as-of date: a proposal received or assigned later is not counted,
nor a reply, rating, contact or publication dated later (undated facts count as known, as in
:mod:`desktop.core.handling`). Deadlines come from :mod:`desktop.core.deadlines`: the one recorded on the proposal,
else the office's rule (assignment + 3 months), so a ledger without a typed 答复期限 is still judged; a proposal
with neither an assignment date nor a recorded deadline cannot be judged and is counted as such.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from desktop.core.deadlines import ComputedDate, DeadlineRules, publish_deadline, reply_deadline
from desktop.core.handling import known_on
from desktop.core.records import Commitment, Contact, Feedback, Proposal, Reply, Target
from desktop.core.xlsx_export.model import LedgerSnapshot, handling_year


@dataclass(frozen=True)
class YearStats:
    """One year's handling statistics (or the total, ``year`` None)."""

    year: int | None
    proposals: int = 0
    replied: int = 0
    replied_on_time: int = 0
    deadline_unknown: int = 0  # neither an assignment date nor a recorded deadline: on time or not cannot be said
    deadline_computed: int = 0  # deadlines worked out from the office's rule (none recorded)
    met_in_person: int = 0  # proposals with a meeting, 面商 or visit
    contacted: int = 0  # proposals with any contact, calls included
    to_publish: int = 0  # replies marked public
    published: int = 0
    published_on_time: int = 0
    publish_overdue: int = 0  # marked public, not published, deadline passed
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
        return self._share(self.replied_on_time, self.proposals - self.deadline_unknown)

    @property
    def meeting_rate(self) -> float | None:
        return self._share(self.met_in_person, self.proposals)

    @property
    def publication_rate(self) -> float | None:
        return self._share(self.published, self.to_publish)

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
    ("统计口径", "只计截至日期已发生的事项：截至日期后收到或交办的建议、写明的答复、评价、见面沟通、公开和佐证都不计入"
             "（未写日期的记录照计）。"),
    ("办复率", "已办复件数 ÷ 建议件数。已办复：至少有一份截至日期前写明答复日期的答复。"),
    ("按期答复率", "按期答复件数 ÷（建议件数 − 无法判断件数）。按期答复：最早的答复日期不晚于答复期限。"
                "答复期限取交办通知录入的期限；未录入的按规则计算（交办日期 + 3个月，月末顺延到当月最后一天）；"
                "经批准延期的以延期后的期限为准（不超过交办后6个月）。既无交办日期又无录入期限的，无法判断是否按期，"
                "单列件数。"),
    ("见面率", "见面件数 ÷ 建议件数。见面：截至日期前有一次见面、面商或走访记录（电话沟通不计）。"),
    ("公开率", "已公开份数 ÷ 应公开份数。应公开：公开属性为“公开”的答复；已公开：截至日期前写明公开日期。"
            "公开期限为答复日期后20个工作日（按国家法定节假日和调休计算）。"),
    ("满意率（含基本满意）", "（满意 + 基本满意）÷ 有评价件数。每份答复取代表截至日期前对“答复”的最新一次评价。"),
    ("满意率（仅满意）", "满意 ÷ 有评价件数。"),
    ("各类占比", "该类答复份数 ÷ 标明办理结果的答复份数（不含再次答复）。"),
    ("落实率", "到期承诺中已达成的项数 ÷ 到期承诺项数。到期：承诺期限（无期限时取其指标的最晚期限）不晚于截至日期；"
             "已达成：截至日期的承诺状态为“已达成”。"),
)


def proposal_known(proposal: Proposal, as_of: dt.date) -> bool:
    """A proposal exists on the as-of date once it was received (or assigned, when no receipt is recorded)."""
    first = proposal.received_date or proposal.assigned_date
    return known_on(first, as_of)


def latest_reply_feedback(feedback: Sequence[Feedback], as_of: dt.date) -> dict[tuple[int, int | None], Feedback]:
    """Each proposer's latest rating of each reply (the 答复 aspect) known on the date."""
    latest: dict[tuple[int, int | None], Feedback] = {}
    for item in feedback:
        if item.aspect != "reply" or not known_on(item.feedback_date, as_of):
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


@dataclass(frozen=True)
class ReplyTiming:
    """A proposal's first reply against its deadline, as of a date."""

    deadline: ComputedDate | None
    first_reply: dt.date | None
    as_of: dt.date

    @property
    def verdict(self) -> str:
        """按期, 逾期, 未到期 (no reply, deadline ahead), 超期未答复, or 无法判断 (no deadline known)."""
        if self.deadline is None:
            return "无法判断"
        if self.first_reply is not None:
            return "按期" if self.first_reply <= self.deadline.date else "逾期"
        return "超期未答复" if self.as_of > self.deadline.date else "未到期"


def reply_timing(proposal: Proposal, replies: Iterable[Reply], rules: DeadlineRules, as_of: dt.date) -> ReplyTiming:
    """The deadline (recorded or computed) and the first reply known on the date."""
    dated = [r.reply_date for r in replies if r.reply_date and r.reply_date <= as_of]
    return ReplyTiming(reply_deadline(proposal, rules), min(dated) if dated else None, as_of)


def count_commitment(delivery: dict[int | None, Counter], reply_id: int | None, state: str,
                     deadline: dt.date | None, as_of: dt.date) -> None:
    """Count one commitment of a reply for the 落实率: ``delivery`` holds, per reply, how many commitments it made,
    how many were due by the date (``deadline`` from :func:`commitment_deadline`) and how many of those were met."""
    counter = delivery.get(reply_id)
    if counter is None:
        counter = delivery[reply_id] = Counter()
    counter["commitments"] += 1
    if deadline and deadline <= as_of:
        counter["commitments_due"] += 1
        if state == "met":
            counter["commitments_met"] += 1


def compute_statistics(snapshot: LedgerSnapshot, delivery: Mapping[int | None, Counter]) -> list[YearStats]:
    """Yearly handling statistics, one entry per year in order, then the total (year None).

    Args:
        delivery: per reply, its commitments counted by :func:`count_commitment` (a few counts a reply, so no
            commitment is held for the statistics).
    """
    as_of, rules = snapshot.as_of, snapshot.rules
    proposals = {p.id: p for p in snapshot.proposals if proposal_known(p, as_of)}
    known_replies = [r for r in snapshot.replies if known_on(r.reply_date, as_of)]
    replies_by_proposal: dict[int | None, list[Reply]] = defaultdict(list)
    for reply in known_replies:
        replies_by_proposal[reply.proposal_id].append(reply)
    contacts_by_proposal: dict[int, list[Contact]] = defaultdict(list)
    for contact in snapshot.contacts:
        if known_on(contact.contact_date, as_of):
            contacts_by_proposal[contact.proposal_id].append(contact)
    reply_year = {r.id: handling_year(proposals[r.proposal_id]) if r.proposal_id in proposals else None
                  for r in known_replies}
    counters: dict[int | None, Counter] = defaultdict(Counter)
    classes: dict[int | None, Counter] = defaultdict(Counter)
    for proposal in proposals.values():
        counter = counters[handling_year(proposal)]
        counter["proposals"] += 1
        answers = replies_by_proposal.get(proposal.id, [])
        if any(r.reply_date for r in answers):
            counter["replied"] += 1
        timing = reply_timing(proposal, answers, rules, as_of)
        if timing.deadline is None:
            counter["deadline_unknown"] += 1
        elif timing.deadline.computed:
            counter["deadline_computed"] += 1
        if timing.verdict == "按期":
            counter["replied_on_time"] += 1
        contacts = contacts_by_proposal.get(proposal.id or 0, [])
        if contacts:
            counter["contacted"] += 1
        if any(c.face_to_face for c in contacts):
            counter["met_in_person"] += 1
    for reply in known_replies:
        if reply.disclosure != "public":
            continue
        counter = counters[reply_year.get(reply.id)]
        counter["to_publish"] += 1
        due = publish_deadline(reply, rules)
        published = reply.published_date if known_on(reply.published_date, as_of) and reply.published_date else None
        if published:
            counter["published"] += 1
            if due is not None and published <= due.date:
                counter["published_on_time"] += 1
        elif due is not None and as_of > due.date:
            counter["publish_overdue"] += 1
    for (reply_id, _), item in latest_reply_feedback(snapshot.feedback, as_of).items():
        if reply_id not in reply_year:
            continue
        counter = counters[reply_year[reply_id]]
        counter["rated"] += 1
        counter[item.rating] += 1
    for reply in known_replies:
        if reply.result_class and not reply.is_reanswer:
            year = reply_year.get(reply.id)
            classes[year][reply.result_class] += 1
            counters[year]["classed"] += 1
    for reply_id, counts in delivery.items():
        if reply_id in reply_year:
            counters[reply_year[reply_id]].update(counts)

    names = [name for name in YearStats.__dataclass_fields__ if name not in ("year", "classes")]

    def build(year: int | None, counter: Counter, by_class: Counter) -> YearStats:
        return YearStats(year=year, classes=dict(by_class), **{name: counter[name] for name in names})

    years = sorted(counters, key=lambda y: (y is None, y or 0))
    rows = [build(year, counters[year], classes[year]) for year in years]
    total_counter: Counter = Counter()
    total_classes: Counter = Counter()
    for year in years:
        total_counter.update(counters[year])
        total_classes.update(classes[year])
    rows.append(build(None, total_counter, total_classes))
    return rows
