"""The rows of the record sheets (建议, 答复, 见面沟通, 承诺与指标, 佐证, 提醒, 回头看), values by column header.

The target rows stream first and the tally counts them as they pass: a proposal's handling state is judged from
its replies, ratings and promise states of the as-of date once its commitments have passed, so no commitment or
judgement is held for the proposal rows, which come later.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from desktop.core.deadlines import ComputedDate, publish_deadline, reanswer_deadline
from desktop.core.handling import HandlingJudgement, ProposalFile, judge_handling, known_on
from desktop.core.names import join_names
from desktop.core.records import (
    CONTACT_METHODS,
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
    Proposal,
    Reminder,
    Reply,
    SourceDocument,
)
from desktop.core.settings import HANDLING_MODES
from desktop.core.status import Judgement
from desktop.core.xlsx_export.cells import amount
from desktop.core.xlsx_export.model import (
    COMPARATOR_LABELS,
    CUMULATIVE_LABELS,
    NO,
    SUBJECT_LABELS,
    TABLE_LABELS,
    YES,
    LedgerSnapshot,
    reply_label,
)
from desktop.core.xlsx_export.statistics import commitment_deadline, count_commitment, reply_timing


@dataclass
class Tally:
    """What the summary and the proposal rows need from the target rows, gathered while they stream past."""

    target_states: Counter = field(default_factory=Counter)
    commitment_states: Counter = field(default_factory=Counter)
    by_unit: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    by_deadline_year: dict[int | None, Counter] = field(default_factory=lambda: defaultdict(Counter))
    # Per reply: its commitments, those due and those met (statistics.count_commitment), for 落实率 and 承诺数.
    delivery: dict[int | None, Counter] = field(default_factory=dict)
    # Per proposal: its handling state, judged when its commitments have streamed past (not held till then).
    handling: dict[int | None, HandlingJudgement] = field(default_factory=dict)


def deadline_basis(deadline: ComputedDate | None) -> str | None:
    """计算：交办2021-03-10 + 3个月 = 2021-06-10, or 录入：… for a recorded date."""
    if deadline is None:
        return None
    return f"{deadline.source}：{deadline.explanation}"


class SheetRows:
    """Turns the snapshot's records into the rows of each record sheet."""

    def __init__(self, snapshot: LedgerSnapshot, tally: Tally) -> None:
        self.s = snapshot
        self.tally = tally
        self.proposals = {p.id: p for p in snapshot.proposals}
        self.replies = {r.id: r for r in snapshot.replies}
        self.commitment_facts = snapshot.commitment_facts
        self.class_labels = {c.get("code"): c.get("label", "") for c in snapshot.result_classes}
        self.replies_of: dict[int | None, list[Reply]] = defaultdict(list)
        for reply in snapshot.replies:
            self.replies_of[reply.proposal_id].append(reply)
        self.contacts_of: dict[int, list] = defaultdict(list)
        for contact in snapshot.contacts:
            self.contacts_of[contact.proposal_id].append(contact)
        self.proposer_names = {pr.id: pr.name for p in snapshot.proposals for pr in p.proposers}
        self.feedback_by_id = {f.id: f for f in snapshot.feedback}
        self.feedback_of: dict[int, list[Feedback]] = defaultdict(list)
        self.feedback: dict[tuple[int, str], Feedback] = {}
        for item in snapshot.feedback:
            self.feedback_of[item.reply_id].append(item)
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
        facts = self.commitment_facts.get(commitment_id or 0)
        if facts is None:
            return self.s.record_names.get(("commitments", commitment_id or 0)) or f"承诺#{commitment_id}"
        return f"{self.reply_name(facts[1])}｜{facts[0]}"  # as commitment_label names it

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
        return f"{TABLE_LABELS.get(table, table)}#{row_id}"

    # ----------------------------------------------------------------------------------------- sheets
    def proposal_rows(self) -> Iterator[dict[str, Any]]:
        s, as_of = self.s, self.s.as_of
        for p in s.proposals:
            lead = next((pr.name for pr in p.proposers if pr.role == "lead"), None)
            cosigners = "、".join(pr.name for pr in p.proposers if pr.role != "lead") or None
            replies = self.replies_of.get(p.id, [])
            timing = reply_timing(p, replies, s.rules, as_of)
            contacts = self._known_contacts(p)
            handling = self.tally.handling.get(p.id) or self._judge_handling(p, [])
            yield {"建议": p.label, "届次": p.session, "类别": PROPOSAL_KINDS.get(p.kind, p.kind), "编号": p.number,
                   "标题": p.title, "领衔人": lead, "附议人": cosigners, "代表团/界别": p.delegation,
                   "人大/政协": p.body, "收到日期": p.received_date, "交办日期": p.assigned_date,
                   "答复期限": p.reply_due_date, "应答复日期": timing.deadline.date if timing.deadline else None,
                   "期限依据": deadline_basis(timing.deadline) or "无交办日期，无法计算",
                   "延期期限": p.extended_due_date, "延期批准": p.extension_approval,
                   "误交日期": p.misrouted_date, "退回日期": p.returned_date, "主办单位": p.lead_unit,
                   "会办单位": join_names(p.co_units) or None, "办理方式": _handling_label(p.handling_mode),
                   "重点督办": YES if p.key_supervised else NO, "登记状态": PROPOSAL_STATES.get(p.state, p.state),
                   "办理状态": handling.label, "办理状态说明": handling.reason,
                   "首次答复日期": timing.first_reply, "按期答复": timing.verdict,
                   "见面": YES if any(c.face_to_face for c in contacts) else NO, "备注": p.notes}

    def _known_contacts(self, proposal: Proposal) -> list:
        return [c for c in self.contacts_of.get(proposal.id or 0, []) if known_on(c.contact_date, self.s.as_of)]

    def _judge_handling(self, proposal: Proposal, promises: list[tuple[Commitment, Judgement]]) -> HandlingJudgement:
        """The proposal's handling state from its file: its promises (with their states of the as-of date) in the
        order of its replies, each reply's in the order they streamed past."""
        replies = self.replies_of.get(proposal.id, [])
        place = {r.id: index for index, r in enumerate(replies)}
        ordered = sorted(promises, key=lambda pair: place.get(pair[0].reply_id, len(place)))  # stable
        file = ProposalFile(
            proposal=proposal, replies=list(replies),
            feedback=[f for r in replies for f in self.feedback_of.get(r.id or 0, [])],
            contacts=self._known_contacts(proposal), commitments=[c for c, _ in ordered],
            commitment_states={c.id: judgement for c, judgement in ordered})
        return judge_handling(file, self.s.as_of, self.s.rules)

    def _close_proposal(self, proposal_id: int | None, promises: list[tuple[Commitment, Judgement]]) -> None:
        """Judge the handling state of a proposal whose commitments have all streamed past."""
        proposal = self.proposals.get(proposal_id)
        if proposal is None:
            return
        if proposal_id in self.tally.handling:
            raise RuntimeError(f"the commitments of proposal {proposal_id} do not come together")
        self.tally.handling[proposal_id] = self._judge_handling(proposal, promises)

    def reply_rows(self) -> Iterator[dict[str, Any]]:
        rules = self.s.rules
        for r in self.s.replies:
            rating = self.feedback.get((r.id or 0, "reply"))
            delivery = self.feedback.get((r.id or 0, "delivery"))
            publish = publish_deadline(r, rules)
            unsatisfied = [f for f in self.feedback_of.get(r.id or 0, []) if f.rating == "unsatisfied"]
            reanswer = reanswer_deadline(unsatisfied[-1], rules) if unsatisfied else None
            yield {"建议": self.proposal_name(r.proposal_id), "答复文号": r.doc_number, "发文机关": r.issuing_office,
                   "标题": r.title, "收件人": r.addressee, "答复对象代表": self.proposer_names.get(r.proposer_id),
                   "答复日期": r.reply_date, "签发人": r.signer, "经办人": r.handler, "联系电话": r.phone,
                   "抄送": r.cc, "办理结果": r.result_class,
                   "结果含义": self.class_labels.get(r.result_class) if r.result_class else None,
                   "公开属性": DISCLOSURES.get(r.disclosure or ""),
                   "公开日期": r.published_date if known_on(r.published_date, self.s.as_of) else None,
                   "公开网站": r.published_where,
                   "公开期限": publish.date if publish else None, "公开期限依据": deadline_basis(publish),
                   "答复单位": r.replying_unit, "再次答复": YES if r.is_reanswer else NO,
                   "答复满意度": RATINGS.get(rating.rating) if rating else None,
                   "评价日期": rating.feedback_date if rating else None,
                   "代表意见": rating.comments if rating else None,
                   "落实满意度": RATINGS.get(delivery.rating) if delivery else None,
                   "落实评价日期": delivery.feedback_date if delivery else None,
                   "再答复期限": reanswer.date if reanswer else None, "再答复期限依据": deadline_basis(reanswer),
                   "承诺数": self.tally.delivery.get(r.id, {}).get("commitments", 0)}

    def contact_rows(self) -> Iterator[dict[str, Any]]:
        for c in self.s.contacts:
            proposal = self.proposals.get(c.proposal_id)
            yield {"建议": proposal.label if proposal else f"建议#{c.proposal_id}", "日期": c.contact_date,
                   "方式": CONTACT_METHODS.get(c.method, c.method), "参加人员": c.participants, "内容": c.notes,
                   "主办单位": proposal.lead_unit if proposal else None}

    def target_rows(self) -> Iterator[dict[str, Any]]:
        tally, as_of = self.tally, self.s.as_of
        proposal_id: int | None = None
        promises: list[tuple[Commitment, Judgement]] = []  # the current proposal's, for its handling state
        for group in self.s.groups:
            c, cj = group.commitment, group.judgement
            reply = self.replies.get(c.reply_id)
            if reply is not None and reply.proposal_id != proposal_id:
                self._close_proposal(proposal_id, promises)
                proposal_id, promises = reply.proposal_id, []
            unit = c.responsible_unit or self._unit_of_reply(reply) or "未注明"
            tally.commitment_states[cj.state] += 1
            tally.by_unit[unit]["承诺"] += 1
            count_commitment(tally.delivery, c.reply_id, cj.state,
                             commitment_deadline(c, (t for t, _ in group.targets)), as_of)
            if reply is not None and (not group.targets or any(t.kind != "baseline" for t, _ in group.targets)):
                promises.append((c, cj))
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
                baseline_unit = t.baseline_unit if t.baseline_unit is not None else t.unit
                yield {**head, "指标": t.indicator, "比较": COMPARATOR_LABELS.get(t.comparator, t.comparator),
                       "目标值": amount(t.value, t.unit), "目标上限": amount(t.value_high, t.unit), "单位": t.unit,
                       "累计/年度": CUMULATIVE_LABELS.get(t.cumulative) if t.cumulative is not None else None,
                       "指标类型": TARGET_KINDS.get(t.kind, t.kind),
                       "指标期限": t.deadline, "基数": amount(t.baseline_value, baseline_unit),
                       "基数单位": t.baseline_unit, "基数日期": t.baseline_date,
                       "最新佐证值": amount(latest.value, latest.unit) if latest else None,
                       "佐证单位": latest.unit if latest else None, "佐证日期": latest.as_of_date if latest else None,
                       "佐证来源": _source_text(latest, self.s.sources) if latest else None,
                       "进度": tj.progress, "指标状态": tj.label, "判定理由": tj.reason}
        self._close_proposal(proposal_id, promises)

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
            commitment = self.commitment_facts.get(line.commitment_id)
            reply = self.replies.get(commitment[1]) if commitment else None
            source = self.s.sources.get(e.source_document_id or -1)
            yield {"建议": self.proposal_name(reply.proposal_id) if reply else None,
                   "答复文号": reply.doc_number if reply else None,
                   "承诺事项": commitment[0] if commitment else None,
                   "指标": line.indicator, "佐证日期": e.as_of_date,
                   "比较": COMPARATOR_LABELS.get(e.comparator, e.comparator), "数值": amount(e.value, e.unit),
                   "单位": e.unit, "是否实现": None if e.achieved is None else (YES if e.achieved else NO),
                   "来源标题": e.source_title, "发布单位": e.publisher, "来源日期": e.source_date, "链接": e.source_url,
                   "原文摘录": e.quote, "来源文件": source.file_name if source else None,
                   "来源文件SHA-256": source.sha256 if source else None, "记录人": e.recorded_by, "备注": e.notes}

    def reminder_rows(self) -> Iterator[dict[str, Any]]:
        for r in self.s.reminders:
            r = reminder_as_of(r, self.s.as_of)
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


def reminder_as_of(reminder: Reminder, as_of: dt.date) -> Reminder:
    """The reminder as it stood on the date: one marked done after it was still open then."""
    if reminder.state == "done" and reminder.done_at is not None and reminder.done_at > as_of:
        return Reminder(kind=reminder.kind, title=reminder.title, due_date=reminder.due_date,
                        subject_table=reminder.subject_table, subject_id=reminder.subject_id,
                        lead_days=reminder.lead_days, state="open", note=None, uid=reminder.uid, id=reminder.id)
    return reminder


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
