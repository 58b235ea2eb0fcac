"""A proposal's handling state as of a date, from its dates, replies, ratings and the state of its promises.

States (records.HANDLING_STATES), decided in this order:

1. withdrawn 已撤回: the proposal is recorded as withdrawn.
2. returned 已退回: it was found misrouted and returned to the assigning office on or before the as-of date.
3. pending 待答复: no reply yet and the reply deadline (see :mod:`desktop.core.deadlines`) has not passed, or is
   not known. A misrouted item that has not been returned says so, with its return deadline.
4. reply_overdue 超期未答复: no reply yet and the reply deadline has passed.
5. reanswer_due 不满意待再答复: the latest rating (of the reply or of delivery) is 不满意 and no re-answer
   (a reply marked as one) is dated after it. The reason gives the re-answer deadline and whether it has passed.
6. awaiting_feedback 已答复待反馈: the latest reply has no rating yet.
7. Once rated, the promises of all its replies decide (a commitment that only holds baselines is no promise):
   closed 已办结 (no promises), delivered 已落实 (every promise met), delivery_lagging 落实滞后 (a promise
   missed, or overdue with no evidence), delivering 落实中 (the rest: promises on track, at risk or without data
   before their deadlines).

Only what was known on the as-of date counts: replies dated after it do not exist yet, nor do ratings. A reply or
rating recorded without a date counts as known (its date cannot say otherwise), and the reason says the date is
missing. Every reason is one line in Chinese.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.core.deadlines import (
    ComputedDate,
    DeadlineRules,
    misrouted_return_deadline,
    reanswer_deadline,
    reply_deadline,
)
from desktop.core.records import (
    HANDLING_STATES,
    PROPOSAL_KINDS,
    RATINGS,
    TARGET_STATES,
    Commitment,
    Contact,
    Evidence,
    Feedback,
    Proposal,
    Reply,
    Target,
)
from desktop.core.status import SEVERITY, Judgement

UNDATED = dt.date.max


@dataclass
class ProposalFile:
    """Everything recorded about one proposal, with its promises judged as of one date.

    ``proposal`` is None for replies recorded without a proposal (they are gathered in one file each).
    """

    proposal: Proposal | None
    replies: list[Reply] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    commitment_states: dict[int, Judgement] = field(default_factory=dict)
    target_states: dict[int, Judgement] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """常州市十六届人大五次会议建议第021号, or the reply's document number when there is no proposal."""
        if self.proposal is not None:
            return proposal_label(self.proposal)
        reply = self.replies[0] if self.replies else None
        return (reply.doc_number or reply.title or f"答复#{reply.id}") if reply else "（无建议）"

    def commitments_of(self, reply_id: int | None) -> list[Commitment]:
        return [c for c in self.commitments if c.reply_id == reply_id]

    def targets_of(self, commitment_id: int | None) -> list[Target]:
        return [t for t in self.targets if t.commitment_id == commitment_id]

    def evidence_of(self, target_id: int | None) -> list[Evidence]:
        return [e for e in self.evidence if e.target_id == target_id]

    def is_promise(self, commitment: Commitment) -> bool:
        """False for a commitment that only holds baselines (the figures a letter states as the situation)."""
        targets = self.targets_of(commitment.id)
        return not targets or any(t.kind != "baseline" for t in targets)

    def promises(self) -> list[Commitment]:
        return [c for c in self.commitments if self.is_promise(c)]


def proposal_label(proposal: Proposal) -> str:
    return f"{proposal.session}{PROPOSAL_KINDS.get(proposal.kind, '')}{proposal.number}"


def reply_label(reply: Reply) -> str:
    if reply.doc_number:
        return reply.doc_number
    return f"{'再答复' if reply.is_reanswer else '答复'}#{reply.id}"


@dataclass(frozen=True)
class HandlingJudgement:
    """A proposal's handling state on a date, why, and the deadline that matters next (if any)."""

    state: str
    reason: str
    as_of: dt.date
    deadline: ComputedDate | None = None

    @property
    def label(self) -> str:
        return HANDLING_STATES[self.state]


def known_on(day: dt.date | None, as_of: dt.date) -> bool:
    """A dated fact is known on the as-of date when it happened on or before it; undated facts count as known."""
    return day is None or day <= as_of


def _date_text(day: dt.date | None) -> str:
    return day.isoformat() if day else "（日期不详）"


def summarize_states(states: Iterable[str], labels: dict[str, str] = TARGET_STATES, unit: str = "项") -> str:
    """已达成1项、逾期无佐证8项 — counts in the order of the labels."""
    counts = Counter(states)
    return "、".join(f"{label}{counts[code]}{unit}" for code, label in labels.items() if counts[code])


def delivery_state(states: list[str]) -> str:
    """The handling state that the promises' states give once a reply has been rated."""
    if not states:
        return "closed"
    if all(state == "met" for state in states):
        return "delivered"
    if any(state in ("missed", "overdue") for state in states):
        return "delivery_lagging"
    return "delivering"


def reanswer_after(replies: list[Reply], day: dt.date | None) -> Reply | None:
    """The first re-answer dated on or after ``day`` (any re-answer when the rating has no date); None if none."""
    later = [r for r in replies
             if r.is_reanswer and (day is None or (r.reply_date is not None and r.reply_date >= day))]
    return min(later, key=lambda r: (r.reply_date or UNDATED, r.id or 0)) if later else None


def judge_handling(file: ProposalFile, as_of: dt.date, rules: DeadlineRules) -> HandlingJudgement:
    """Judge a proposal's handling state as of a date (see the module docstring for the rules)."""
    proposal = file.proposal
    replies = sorted((r for r in file.replies if known_on(r.reply_date, as_of)),
                     key=lambda r: (r.reply_date or UNDATED, r.id or 0))
    known_reply_ids = {r.id for r in replies}
    feedback = sorted((f for f in file.feedback if f.reply_id in known_reply_ids and known_on(f.feedback_date, as_of)),
                      key=lambda f: (f.feedback_date or UNDATED, f.id or 0))

    if proposal is not None and proposal.state == "withdrawn":
        return HandlingJudgement("withdrawn", "已撤回", as_of)
    if proposal is not None and proposal.returned_date is not None and proposal.returned_date <= as_of:
        return _judge_returned(proposal, as_of, rules)
    if not replies:
        return _judge_unanswered(proposal, as_of, rules)

    first = replies[0]
    deadline = reply_deadline(proposal, rules) if proposal is not None else None
    replied = f"{_date_text(first.reply_date)}答复（{reply_label(first)}）"
    if deadline is not None and first.reply_date is not None and first.reply_date > deadline.date:
        replied += f"，超过答复期限{deadline.date.isoformat()}共{(first.reply_date - deadline.date).days}天"

    promises = [c for c in file.promises() if c.reply_id in known_reply_ids and c.id in file.commitment_states]
    promise_states = [file.commitment_states[c.id].state for c in promises]
    summary = f"；承诺{len(promise_states)}项：{summarize_states(promise_states)}" if promise_states else ""

    if feedback and feedback[-1].rating == "unsatisfied" and reanswer_after(replies, feedback[-1].feedback_date) \
            is None:
        rating = feedback[-1]
        due = reanswer_deadline(rating, rules)
        where = "落实" if rating.aspect == "delivery" else "答复"
        text = f"{_date_text(rating.feedback_date)}对{where}评价不满意，尚未再答复"
        if due is not None:
            late = f"，已超期{(as_of - due.date).days}天" if as_of > due.date else ""
            text += f"，再答复期限{due.date.isoformat()}{late}（{due.explanation}）"
        return HandlingJudgement("reanswer_due", text + summary, as_of, due)

    latest = replies[-1]
    rated = [f for f in feedback if f.reply_id == latest.id]
    if not rated:
        waited = f"，已等待{(as_of - latest.reply_date).days}天" if latest.reply_date else ""
        kind = "再答复" if latest.is_reanswer else "答复"
        text = f"{_date_text(latest.reply_date)}{kind}（{reply_label(latest)}），尚未收到评价{waited}"
        if latest is not first:
            text = f"{replied}；{text}"
        return HandlingJudgement("awaiting_feedback", text + summary, as_of)

    last_rating = rated[-1]
    rating_text = f"{_date_text(last_rating.feedback_date)}评价{RATINGS.get(last_rating.rating, last_rating.rating)}"
    state = delivery_state(promise_states)
    if state == "closed":
        return HandlingJudgement("closed", f"{replied}，{rating_text}，无承诺事项", as_of)
    if state == "delivered":
        return HandlingJudgement("delivered", f"{replied}，{rating_text}；承诺{len(promise_states)}项全部达成", as_of)
    worst = min(promise_states, key=SEVERITY.index)
    worst_commitment = next(c for c in promises if file.commitment_states[c.id].state == worst)
    detail = f"；最需关注：“{worst_commitment.title}”{TARGET_STATES[worst]}"
    return HandlingJudgement(state, f"{replied}，{rating_text}{summary}{detail}", as_of)


def _judge_returned(proposal: Proposal, as_of: dt.date, rules: DeadlineRules) -> HandlingJudgement:
    returned = proposal.returned_date
    text = f"{returned.isoformat()}已退回交办单位"
    due = misrouted_return_deadline(proposal, rules)
    if due is not None:
        text = f"{proposal.misrouted_date.isoformat()}发现误交办，" + text
        limit = due.date.isoformat()
        text += f"，晚于退回期限{limit}" if returned > due.date else f"，在退回期限{limit}内"
    return HandlingJudgement("returned", text, as_of, due)


def _judge_unanswered(proposal: Proposal | None, as_of: dt.date, rules: DeadlineRules) -> HandlingJudgement:
    if proposal is None:
        return HandlingJudgement("pending", "尚未答复", as_of)
    misrouted = ""
    if proposal.misrouted_date is not None and proposal.misrouted_date <= as_of:
        back = misrouted_return_deadline(proposal, rules)
        late = "，已超期" if back is not None and as_of > back.date else ""
        misrouted = f"；{proposal.misrouted_date.isoformat()}发现误交办，尚未退回，退回期限{back.date.isoformat()}" \
                    f"{late}（{back.explanation}）" if back else ""
    due = reply_deadline(proposal, rules)
    if due is None:
        return HandlingJudgement("pending", f"尚未答复，答复期限不详（未记录交办日期）{misrouted}", as_of)
    if as_of > due.date:
        return HandlingJudgement("reply_overdue", f"答复期限{due.date.isoformat()}已过{(as_of - due.date).days}天，"
                                 f"尚未答复（{due.explanation}）{misrouted}", as_of, due)
    left = (due.date - as_of).days
    return HandlingJudgement("pending", f"尚未答复，答复期限{due.date.isoformat()}，还有{left}天（{due.explanation}）"
                             f"{misrouted}", as_of, due)
