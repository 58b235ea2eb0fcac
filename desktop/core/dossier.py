"""A proposal's dossier (建议办理档案): its whole handling on a few A4 pages, as of a date.

The proposal, each reply's header, every commitment with its targets and their states as of the date (with the
reason), the evidence with its sources, and the timeline. :func:`dossier_html` writes it as simple HTML that a
print engine (Qt's QTextDocument in the app and in ``reply-ledger dossier``) lays out on A4; the document speaks
Chinese, as the audit workbook does.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field

from desktop.core.audit import TimelineEvent
from desktop.core.deadlines import DeadlineRules, reply_deadline
from desktop.core.handling import HandlingJudgement, ProposalFile
from desktop.core.records import (
    DISCLOSURES,
    FEEDBACK_ASPECTS,
    PROPOSAL_KINDS,
    PROPOSAL_STATES,
    RATINGS,
    TARGET_KINDS,
    TARGET_STATES,
    Evidence,
    Target,
)
from desktop.core.status import format_amount

_SYMBOLS = {">=": "≥", ">": "＞", "=": "＝", "<=": "≤", "<": "＜"}
_TABLE = 'border="1" cellspacing="0" cellpadding="4" width="100%"'
_STATE_COLOURS = {"met": "#dff0d8", "on_track": "#e8f4fb", "at_risk": "#fcf0d2", "missed": "#f6d5d5",
                  "overdue": "#f6d5d5"}


@dataclass
class Dossier:
    """Everything the dossier of one proposal shows, as of one date."""

    file: ProposalFile
    timeline: list[TimelineEvent]
    handling: HandlingJudgement
    as_of: dt.date
    rules: DeadlineRules = field(default_factory=DeadlineRules)
    sources: dict[int, str] = field(default_factory=dict)  # source document id → its file name (and title)

    @property
    def label(self) -> str:
        return self.file.label


def _e(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, dt.date):
        return value.isoformat()
    return html.escape(str(value))


def target_text(target: Target) -> str:
    """A target as one phrase: ≥ 1万个, 15亿元–20亿元, 定性."""
    if target.comparator == "qualitative":
        return "定性"
    low = format_amount(target.value, target.unit)
    if target.comparator == "range":
        return f"{low}–{format_amount(target.value_high, target.unit)}"
    return f"{_SYMBOLS.get(target.comparator, target.comparator)} {low}"


def evidence_value(item: Evidence) -> str:
    if item.value is None:
        return "已完成" if item.achieved else ("未完成" if item.achieved is not None else "—")
    symbol = _SYMBOLS.get(item.comparator, "") if item.comparator != "=" else ""
    return f"{symbol}{format_amount(item.value, item.unit)}"


def _rows(pairs: list[tuple[str, object]]) -> str:
    cells = "".join(f'<tr><td width="22%" bgcolor="#f2f2f2">{_e(name)}</td><td>{_e(value)}</td></tr>'
                    for name, value in pairs)
    return f"<table {_TABLE}>{cells}</table>"


def _table(headers: list[str], rows: list[list[str]], colours: list[str | None] | None = None) -> str:
    head = "".join(f'<th bgcolor="#e6e6e6" align="left">{html.escape(h)}</th>' for h in headers)
    body = []
    for index, row in enumerate(rows):
        colour = colours[index] if colours else None
        attribute = f' bgcolor="{colour}"' if colour else ""
        body.append("<tr>" + "".join(f"<td{attribute}>{cell}</td>" for cell in row) + "</tr>")
    return f"<table {_TABLE}><tr>{head}</tr>{''.join(body)}</table>"


def dossier_html(dossier: Dossier) -> str:
    """The dossier as HTML for a print engine (A4, Chinese)."""
    file, as_of = dossier.file, dossier.as_of
    proposal = file.proposal
    parts = ['<html><head><meta charset="utf-8"></head><body style="font-size: 10pt;">']
    title = proposal.title if proposal is not None else ""
    parts.append(f"<h2>建议办理档案：{_e(file.label)}</h2>")
    parts.append(f"<p><b>{_e(title)}</b></p>")
    parts.append(f"<p>截至 {as_of.isoformat()}　办理状态：<b>{_e(dossier.handling.label)}</b>"
                 f"（{_e(dossier.handling.reason)}）</p>")

    if proposal is not None:
        deadline = reply_deadline(proposal, dossier.rules)
        parts.append("<h3>一、建议</h3>")
        parts.append(_rows([
            ("届次", proposal.session), ("编号", proposal.number), ("类别", PROPOSAL_KINDS.get(proposal.kind)),
            ("标题", proposal.title), ("提出人", "、".join(p.name for p in proposal.proposers) or None),
            ("代表团或界别", proposal.delegation), ("收到日期", proposal.received_date),
            ("交办日期", proposal.assigned_date),
            ("答复期限", deadline.explanation if deadline else None),
            ("主办单位", proposal.lead_unit), ("会办单位", "、".join(proposal.co_units) or None),
            ("重点督办", "是" if proposal.key_supervised else "否"),
            ("状态", PROPOSAL_STATES.get(proposal.state)),
        ]))

    parts.append("<h3>二、答复</h3>")
    if not file.replies:
        parts.append("<p>尚无答复。</p>")
    for reply in file.replies:
        ratings = [f"{FEEDBACK_ASPECTS.get(f.aspect, f.aspect)}：{RATINGS.get(f.rating, f.rating)}"
                   f"（{f.feedback_date.isoformat() if f.feedback_date else '日期不详'}）"
                   for f in file.feedback if f.reply_id == reply.id]
        parts.append(f"<p><b>{_e(reply.doc_number or reply.title)}</b></p>")
        parts.append(_rows([
            ("文号", reply.doc_number), ("发文单位", reply.issuing_office), ("标题", reply.title),
            ("主送", reply.addressee), ("日期", reply.reply_date), ("签发人", reply.signer),
            ("经办人", reply.handler), ("联系电话", reply.phone), ("抄送", reply.cc),
            ("办理结果", reply.result_class), ("公开属性", DISCLOSURES.get(reply.disclosure or "")),
            ("代表评价", "；".join(ratings) or None),
            ("原件", dossier.sources.get(reply.source_document_id or 0)),
        ]))

    parts.append(f"<h3>三、承诺与指标（截至 {as_of.isoformat()}）</h3>")
    promises = file.promises()
    if not promises:
        parts.append("<p>尚无承诺。</p>")
    for number, commitment in enumerate(promises, start=1):
        judgement = file.commitment_states.get(commitment.id or 0)
        state = TARGET_STATES.get(judgement.state, judgement.state) if judgement else "—"
        deadline_text = commitment.deadline_text or (commitment.deadline.isoformat() if commitment.deadline else "")
        parts.append(f"<p><b>{number}. {_e(commitment.title)}</b>　责任单位：{_e(commitment.responsible_unit)}"
                     f"　期限：{_e(deadline_text or None)}　状态：<b>{_e(state)}</b></p>")
        if judgement is not None:
            parts.append(f"<p>　判定理由：{_e(judgement.reason)}</p>")
        targets = file.targets_of(commitment.id)
        if targets:
            rows, colours = [], []
            for target in targets:
                target_state = file.target_states.get(target.id or 0)
                baseline = format_amount(target.baseline_value, target.baseline_unit) \
                    if target.baseline_value is not None else "—"
                rows.append([_e(target.indicator), _e(target_text(target)),
                             _e(target.deadline_text or target.deadline), _e(baseline),
                             _e(TARGET_KINDS.get(target.kind)),
                             _e(TARGET_STATES.get(target_state.state) if target_state else None),
                             _e(target_state.reason if target_state else None)])
                colours.append(_STATE_COLOURS.get(target_state.state) if target_state else None)
            parts.append(_table(["指标", "目标", "期限", "基数", "类型", "状态", "判定理由"], rows, colours))

    parts.append("<h3>四、佐证及来源</h3>")
    targets_by_id = {target.id: target for target in file.targets}
    if not file.evidence:
        parts.append(f"<p>截至 {as_of.isoformat()} 尚无佐证。</p>")
    else:
        rows = []
        for item in file.evidence:
            target = targets_by_id.get(item.target_id)
            source = "，".join(part for part in (item.source_title, item.publisher,
                                                item.source_date.isoformat() if item.source_date else None,
                                                item.source_url) if part)
            rows.append([_e(target.indicator if target else None), _e(evidence_value(item)), _e(item.as_of_date),
                         _e(source or None), _e(item.quote), _e(dossier.sources.get(item.source_document_id or 0)),
                         _e(item.recorded_by)])
        parts.append(_table(["指标", "实测值", "截至", "来源", "原文摘录", "原件", "录入人"], rows))

    parts.append("<h3>五、办理时间线</h3>")
    rows = [[_e(event.date), _e(event.label), _e(event.text)] for event in dossier.timeline]
    parts.append(_table(["日期", "事项", "内容"], rows) if rows else "<p>—</p>")
    parts.append(f'<p style="color: #666666;">由答复承诺台账生成，状态按 {as_of.isoformat()} 已知的佐证判定。</p>')
    parts.append("</body></html>")
    return "\n".join(parts)


def dossier_file_name(dossier: Dossier) -> str:
    """A file name for the dossier: 常州市十六届人大五次会议建议第021号_办理档案_2022-03-31.pdf."""
    name = re.sub(r'[\\/:*?"<>|\s]+', "_", dossier.label)
    return f"{name}_办理档案_{dossier.as_of.isoformat()}.pdf"
