"""回头看 (looking back): the contradictions an auditor looks for, and one timeline per proposal.

Findings (AUDIT_KINDS), each judged as of a date with what was known then:

- solved_but_missed — a reply whose result class means "solved" (A, 甲 — the meaning comes from the office's
  result-class setting) has a promise that was missed, or whose deadline passed with no evidence. One finding per
  such promise.
- met_not_reanswered — a reply classed as anything but "solved" (B/C/D, 乙/丙: being solved, later, reference) whose
  promises are all met, but which was never answered again: no re-answer (a reply marked as one) dated after it.
- unsatisfied_not_reanswered — a 不满意 rating with no re-answer within the re-answer deadline: either none yet
  and the deadline has passed, or one that came after the deadline.
- commitment_unsupported — a promise with no target and no evidence: nothing recorded can show whether it was
  kept (a state set by hand is mentioned, but it is not evidence).

Contradictions in the figures (CONTRADICTION_KINDS), the ones a judgement would otherwise settle without a word:

- conflicting_figures — two figures for the same indicator (same indicator name in the office's ledger, so the
  same place; units that convert into each other) measured on the same date that differ. One finding per
  indicator and date, naming every figure and where it came from. Found over the whole ledger
  (:func:`find_figure_conflicts`), since the figures may belong to different proposals.
- conflicting_baselines — two letters state the starting figure of the same indicator differently: the same
  baseline date with different values, or, for a cumulative indicator, a later letter with a lower figure.
- evidence_backwards — evidence of a cumulative target that goes down: a figure lower than an earlier one.
- met_before_promise — a target already met by evidence dated before the reply that promised it.

Timeline events (TIMELINE_KINDS) run in date order: receipt, assignment, deadlines, extension, misrouting and
return, meetings and calls, replies and re-answers, publication, ratings, promises (on the reply's date), evidence,
and each promise's deadline with its state. Recorded facts dated after the as-of date are left out; deadlines are
always shown. Undated facts come last.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.core.deadlines import DeadlineRules, reanswer_deadline, reply_deadline
from desktop.core.handling import ProposalFile, known_on, reanswer_after, reply_label
from desktop.core.records import CONTACT_METHODS, FEEDBACK_ASPECTS, RATINGS, TARGET_STATES
from desktop.core.status import evidence_in_target_unit, format_amount, judge_target
from desktop.core.units import dimension

AUDIT_KINDS = {
    "solved_but_missed": "已解决类答复的承诺未兑现",
    "met_not_reanswered": "承诺已兑现但未再答复",
    "unsatisfied_not_reanswered": "不满意未按期再答复",
    "commitment_unsupported": "承诺无指标无佐证",
    "conflicting_figures": "同一指标同日数值不一",
    "conflicting_baselines": "两份答复所述基数不一致",
    "evidence_backwards": "累计指标佐证倒退",
    "met_before_promise": "承诺前已达到目标",
}
CONTRADICTION_KINDS = ("conflicting_figures", "conflicting_baselines", "evidence_backwards", "met_before_promise")
TIMELINE_KINDS = {
    "received": "收到", "assigned": "交办", "reply_due": "答复期限", "extension": "延期", "misrouted": "误交办",
    "returned": "退回", "contact": "沟通", "reply": "答复", "reanswer": "再答复", "published": "公开",
    "feedback": "评价", "commitment": "承诺", "evidence": "佐证", "deadline": "承诺到期",
}
_KIND_ORDER = {kind: index for index, kind in enumerate(TIMELINE_KINDS)}
_NOT_SOLVED = ("in_progress", "later", "reference")


@dataclass(frozen=True)
class Finding:
    """One contradiction: what kind, about which record, anchored on which date, and a sentence in Chinese."""

    kind: str
    proposal_label: str
    proposal_id: int | None
    subject_table: str
    subject_id: int | None
    date: dt.date | None
    message: str

    @property
    def label(self) -> str:
        return AUDIT_KINDS[self.kind]


@dataclass(frozen=True)
class TimelineEvent:
    """One dated step in a proposal's story."""

    date: dt.date | None
    kind: str
    text: str
    subject_table: str
    subject_id: int | None

    @property
    def label(self) -> str:
        return TIMELINE_KINDS[self.kind]


def class_meanings(result_classes: Iterable[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """Result class code → (meaning, label) from the office's ``result_class.classes`` setting."""
    return {str(item.get("code")): (str(item.get("meaning", "")), str(item.get("label", "")))
            for item in result_classes if isinstance(item, dict)}


def find_contradictions(files: Sequence[ProposalFile], as_of: dt.date, rules: DeadlineRules,
                        result_classes: Iterable[dict[str, Any]]) -> list[Finding]:
    """Every contradiction in the files as of a date, ordered by proposal, then date."""
    meanings = class_meanings(result_classes)
    findings: list[Finding] = []
    for file in files:
        found = [*_class_findings(file, as_of, meanings), *_rating_findings(file, as_of, rules),
                 *_unsupported_findings(file, as_of), *_evidence_findings(file, as_of)]
        found.sort(key=lambda f: (f.date or dt.date.max, list(AUDIT_KINDS).index(f.kind), f.subject_id or 0))
        findings.extend(found)
    return findings


def _finding(file: ProposalFile, kind: str, table: str, subject_id: int | None, day: dt.date | None,
             message: str) -> Finding:
    proposal_id = file.proposal.id if file.proposal is not None else None
    return Finding(kind, file.label, proposal_id, table, subject_id, day, message)


def _class_text(code: str, meanings: dict[str, tuple[str, str]]) -> str:
    label = meanings.get(code, ("", ""))[1]
    return f"{code}类（{label}）" if label else f"{code}类"


def _class_findings(file: ProposalFile, as_of: dt.date, meanings: dict[str, tuple[str, str]]) -> list[Finding]:
    found: list[Finding] = []
    known = [r for r in file.replies if known_on(r.reply_date, as_of)]
    for reply in known:
        if not reply.result_class:
            continue
        meaning = meanings.get(reply.result_class, ("", ""))[0]
        commitments = [c for c in file.commitments_of(reply.id) if c.id in file.commitment_states
                       and file.is_promise(c)]
        if meaning == "solved":
            for commitment in commitments:
                judged = file.commitment_states[commitment.id]
                if judged.state in ("missed", "overdue"):
                    found.append(_finding(
                        file, "solved_but_missed", "commitments", commitment.id, commitment.deadline,
                        f"答复{reply_label(reply)}列为{_class_text(reply.result_class, meanings)}，但承诺"
                        f"“{commitment.title}”{TARGET_STATES[judged.state]}：{judged.reason}"))
        elif meaning in _NOT_SOLVED and commitments and all(
                file.commitment_states[c.id].state == "met" for c in commitments):
            later = [r for r in known if r.is_reanswer and r is not reply and r.reply_date is not None
                     and reply.reply_date is not None and r.reply_date > reply.reply_date]
            if later:
                continue
            met_dates = [file.commitment_states[c.id].latest_evidence.as_of_date for c in commitments
                         if file.commitment_states[c.id].latest_evidence is not None]
            since = max(met_dates) if met_dates else None
            when = f"（最后一项佐证截至{since.isoformat()}）" if since else ""
            found.append(_finding(
                file, "met_not_reanswered", "replies", reply.id, since or reply.reply_date,
                f"答复{reply_label(reply)}列为{_class_text(reply.result_class, meanings)}，承诺{len(commitments)}项"
                f"已全部达成{when}，但未再答复、未调整办理结果"))
    return found


def _rating_findings(file: ProposalFile, as_of: dt.date, rules: DeadlineRules) -> list[Finding]:
    found: list[Finding] = []
    known_replies = [r for r in file.replies if known_on(r.reply_date, as_of)]
    for rating in file.feedback:
        if rating.rating != "unsatisfied" or not known_on(rating.feedback_date, as_of):
            continue
        again = reanswer_after(known_replies, rating.feedback_date)
        due = reanswer_deadline(rating, rules)
        aspect = FEEDBACK_ASPECTS.get(rating.aspect, rating.aspect)
        said = f"{rating.feedback_date.isoformat() if rating.feedback_date else '（日期不详）'}对{aspect}评价不满意"
        if due is None:
            if again is None:
                found.append(_finding(file, "unsatisfied_not_reanswered", "feedback", rating.id, None,
                                      f"{said}，未见再答复"))
            continue
        if again is None and as_of > due.date:
            found.append(_finding(
                file, "unsatisfied_not_reanswered", "feedback", rating.id, due.date,
                f"{said}，再答复期限{due.date.isoformat()}已过{(as_of - due.date).days}天，仍未再答复"
                f"（{due.explanation}）"))
        elif again is not None and again.reply_date is not None and again.reply_date > due.date:
            found.append(_finding(
                file, "unsatisfied_not_reanswered", "feedback", rating.id, due.date,
                f"{said}，{again.reply_date.isoformat()}才再答复（{reply_label(again)}），晚于期限"
                f"{due.date.isoformat()}共{(again.reply_date - due.date).days}天"))
    return found


def _unsupported_findings(file: ProposalFile, as_of: dt.date) -> list[Finding]:
    found: list[Finding] = []
    known_ids = {r.id for r in file.replies if known_on(r.reply_date, as_of)}
    # Each commitment's targets and the targets with evidence, gathered once (not a scan of the file per record).
    targets_of: dict[int | None, list] = defaultdict(list)
    for target in file.targets:
        targets_of[target.commitment_id].append(target)
    with_evidence = {e.target_id for e in file.evidence}
    for commitment in file.commitments:
        if commitment.reply_id not in known_ids:
            continue
        targets = targets_of.get(commitment.id, [])
        if targets and all(t.kind == "baseline" for t in targets):  # not a promise (ProposalFile.is_promise)
            continue
        if any(t.kind != "baseline" for t in targets) or any(t.id in with_evidence for t in targets):
            continue
        manual = f"，人工判定为{TARGET_STATES[commitment.manual_state]}但无佐证支撑" if commitment.manual_state else ""
        deadline = f"（期限{commitment.deadline.isoformat()}）" if commitment.deadline else ""
        found.append(_finding(file, "commitment_unsupported", "commitments", commitment.id, commitment.deadline,
                              f"承诺“{commitment.title}”{deadline}没有可衡量的指标，也没有佐证{manual}"))
    return found


def _evidence_findings(file: ProposalFile, as_of: dt.date) -> list[Finding]:
    """Cumulative evidence that goes backwards, and targets met before the reply that promised them."""
    found: list[Finding] = []
    replies = {r.id: r for r in file.replies if known_on(r.reply_date, as_of)}
    commitments = {c.id: c for c in file.commitments if c.reply_id in replies}
    known_of: dict[int | None, list] = defaultdict(list)  # in the file's order, as ProposalFile.evidence_of gives it
    for item in file.evidence:
        if item.as_of_date <= as_of:
            known_of[item.target_id].append(item)
    for target in file.targets:
        commitment = commitments.get(target.commitment_id)
        if commitment is None or target.kind == "baseline":
            continue
        known = known_of.get(target.id, [])
        if target.cumulative:
            found.extend(_backwards(file, target, known))
        reply = replies[commitment.reply_id]
        if reply.reply_date is None:
            continue
        before = [e for e in known if e.as_of_date < reply.reply_date]
        if not before:
            continue
        judged = judge_target(target, before, reply.reply_date - dt.timedelta(days=1))
        if judged.state == "met" and judged.latest_evidence is not None:
            found.append(_finding(
                file, "met_before_promise", "targets", target.id, judged.latest_evidence.as_of_date,
                f"答复{reply_label(reply)}（{reply.reply_date.isoformat()}）承诺“{target.indicator}”"
                f"{_goal_text(target)}，但此前的佐证已达到：{judged.reason}"))
    return found


def _goal_text(target) -> str:
    symbol = {">=": "≥", ">": "＞", "=": "＝", "<=": "≤", "<": "＜"}.get(target.comparator, "")
    if target.comparator == "range":
        return f"{format_amount(target.value, target.unit)}至{format_amount(target.value_high, target.unit)}"
    return f"{symbol}{format_amount(target.value, target.unit)}" if target.value is not None else ""


def _backwards(file: ProposalFile, target, known) -> list[Finding]:
    found: list[Finding] = []
    figures = sorted(((e, evidence_in_target_unit(e, target)) for e in known if e.comparator == "="),
                     key=lambda pair: (pair[0].as_of_date, pair[0].id or 0))
    unit = target.unit_normalized if target.unit_normalized is not None else ""
    highest = None
    for evidence, value in figures:
        if value is None:
            continue
        if highest is not None and value < highest[1] and not _same(value, highest[1]) \
                and evidence.as_of_date > highest[0].as_of_date:
            found.append(_finding(
                file, "evidence_backwards", "evidence", evidence.id, evidence.as_of_date,
                f"累计指标“{target.indicator}”{evidence.as_of_date.isoformat()}的佐证为{format_amount(value, unit)}"
                f"{_source_of(evidence)}，低于{highest[0].as_of_date.isoformat()}的"
                f"{format_amount(highest[1], unit)}{_source_of(highest[0])}；累计数不应减少"))
        if highest is None or value > highest[1]:
            highest = (evidence, value)
    return found


def _source_of(evidence) -> str:
    source = "，".join(part for part in (evidence.publisher, evidence.source_title) if part)
    return f"（{source}）" if source else ""


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


@dataclass(frozen=True)
class StatedFigure:
    """A figure the ledger states for an indicator on a date: measured evidence, or a baseline a letter states.

    ``value``/``unit`` are in base units (value_normalized, unit_normalized); ``reply_id`` is the letter that
    states a baseline (or the reply whose promise the evidence measures); ``source`` says where it came from.
    """

    kind: str  # "evidence" or "baseline"
    indicator: str
    value: float
    unit: str
    date: dt.date
    proposal_label: str
    proposal_id: int | None
    subject_table: str
    subject_id: int | None
    reply_id: int | None = None
    reply_label: str = ""
    cumulative: bool | None = None
    source: str = ""


_INDICATOR_NOISE = re.compile(r"[\s\W_]+")


def indicator_key(indicator: str) -> str:
    """The indicator name as figures are matched: width-folded, without spaces or punctuation."""
    return _INDICATOR_NOISE.sub("", unicodedata.normalize("NFKC", indicator or ""))


def find_figure_conflicts(figures: Iterable[StatedFigure]) -> list[Finding]:
    """Figures of the same indicator that contradict each other (see the module docstring), over a whole ledger."""
    groups: dict[tuple[str, str], list[tuple[StatedFigure, float]]] = defaultdict(list)
    for figure in figures:
        dim, factor = dimension(figure.unit)
        groups[(indicator_key(figure.indicator), dim)].append((figure, float(figure.value) * float(factor)))
    found: list[Finding] = []
    for (_, dim), items in groups.items():
        found.extend(_same_day_conflicts([i for i in items if i[0].kind == "evidence"], dim))
        found.extend(_baseline_conflicts([i for i in items if i[0].kind == "baseline"], dim))
    found.sort(key=lambda f: (f.proposal_label, f.date or dt.date.max, f.kind, f.subject_id or 0))
    return found


def _figure_text(figure: StatedFigure, value: float, dim: str) -> str:
    where = f"，{figure.source}" if figure.source else ""
    return f"{format_amount(value, dim)}（{figure.reply_label or figure.proposal_label}{where}）"


def _same_day_conflicts(items: list[tuple[StatedFigure, float]], dim: str) -> list[Finding]:
    by_date: dict[dt.date, list[tuple[StatedFigure, float]]] = defaultdict(list)
    for item in items:
        by_date[item[0].date].append(item)
    found: list[Finding] = []
    for day, same_day in sorted(by_date.items()):
        values = sorted({round(v, 9) for _, v in same_day})
        if len(values) < 2 or _same(values[0], values[-1]):
            continue
        first = min(same_day, key=lambda item: (item[1], item[0].subject_id or 0))
        listed = "；".join(_figure_text(f, v, dim) for f, v in sorted(same_day, key=lambda i: (i[1], i[0].subject_id
                                                                                              or 0)))
        found.append(Finding("conflicting_figures", first[0].proposal_label, first[0].proposal_id,
                             first[0].subject_table, first[0].subject_id, day,
                             f"“{first[0].indicator}”截至{day.isoformat()}有{len(same_day)}个数值：{listed}；"
                             "判定时取较不利的数值，请核实哪个是准确的"))
    return found


def _baseline_conflicts(items: list[tuple[StatedFigure, float]], dim: str) -> list[Finding]:
    """Each baseline against the ones stated before it: the same day in another letter with another value, or (for a
    cumulative indicator) a higher figure stated earlier in another letter. One finding per baseline at most; the
    earlier figures are kept as the two highest of different letters, so a group costs one pass."""
    by_date: dict[dt.date, list[tuple[StatedFigure, float]]] = defaultdict(list)
    for item in items:
        by_date[item[0].date].append(item)
    found: list[Finding] = []
    highest: list[tuple[StatedFigure, float]] = []  # the two highest earlier figures, of two different letters
    for day in sorted(by_date):
        same_day = sorted(by_date[day], key=lambda item: (item[0].reply_id or 0, item[0].subject_id or 0))
        for index, (later, later_value) in enumerate(same_day):
            earlier = next(((f, v) for f, v in same_day[:index]
                            if f.reply_id != later.reply_id and not _same(v, later_value)), None)
            why = "同一日期的基数不一致"
            if earlier is None and later.cumulative:
                earlier = next(((f, v) for f, v in highest if f.reply_id != later.reply_id
                                and later_value < v and not _same(v, later_value)), None)
                why = "累计指标后一份答复的基数反而更低"
            if earlier is not None:
                found.append(Finding(
                    "conflicting_baselines", later.proposal_label, later.proposal_id, later.subject_table,
                    later.subject_id, later.date,
                    f"“{later.indicator}”的基数：{earlier[0].date.isoformat()} {_figure_text(*earlier, dim)}，"
                    f"{later.date.isoformat()} {_figure_text(later, later_value, dim)}；{why}"))
        for item in same_day:
            highest = _two_highest([*highest, item])
    return found


def _two_highest(items: list[tuple[StatedFigure, float]]) -> list[tuple[StatedFigure, float]]:
    """The highest figure, and the highest of another letter."""
    ordered = sorted(items, key=lambda item: -item[1])
    if not ordered:
        return []
    top = ordered[0]
    second = next((item for item in ordered[1:] if item[0].reply_id != top[0].reply_id), None)
    return [top, second] if second else [top]


def build_timeline(file: ProposalFile, as_of: dt.date, rules: DeadlineRules) -> list[TimelineEvent]:
    """The proposal's story in date order (see the module docstring)."""
    events: list[TimelineEvent] = []

    def add(day: dt.date | None, kind: str, text: str, table: str, subject_id: int | None) -> None:
        events.append(TimelineEvent(day, kind, text, table, subject_id))

    proposal = file.proposal
    if proposal is not None:
        pid = proposal.id
        if proposal.received_date and known_on(proposal.received_date, as_of):
            add(proposal.received_date, "received", f"收到{file.label}：{proposal.title}", "proposals", pid)
        if proposal.assigned_date and known_on(proposal.assigned_date, as_of):
            unit = f"，主办单位{proposal.lead_unit}" if proposal.lead_unit else ""
            co = f"，会办单位{'、'.join(proposal.co_units)}" if proposal.co_units else ""
            add(proposal.assigned_date, "assigned", f"交办{file.label}{unit}{co}", "proposals", pid)
        due = reply_deadline(proposal, rules)
        if due is not None:
            add(due.date, "reply_due", f"答复期限（{due.explanation}）", "proposals", pid)
        if proposal.misrouted_date and known_on(proposal.misrouted_date, as_of):
            add(proposal.misrouted_date, "misrouted", "发现误交办", "proposals", pid)
        if proposal.returned_date and known_on(proposal.returned_date, as_of):
            add(proposal.returned_date, "returned", "退回交办单位", "proposals", pid)
    for contact in file.contacts:
        if known_on(contact.contact_date, as_of):
            method = CONTACT_METHODS.get(contact.method, contact.method)
            who = f"：{contact.participants}" if contact.participants else ""
            notes = f"；{contact.notes}" if contact.notes else ""
            add(contact.contact_date, "contact", f"{method}{who}{notes}", "contacts", contact.id)
    known_replies = [r for r in file.replies if known_on(r.reply_date, as_of)]
    for reply in known_replies:
        kind = "reanswer" if reply.is_reanswer else "reply"
        klass = f"，办理结果{reply.result_class}类" if reply.result_class else ""
        title = f"：{reply.title}" if reply.title else ""
        add(reply.reply_date, kind, f"{reply_label(reply)}{title}{klass}", "replies", reply.id)
        if reply.published_date and known_on(reply.published_date, as_of):
            add(reply.published_date, "published", f"公开答复{reply_label(reply)}", "replies", reply.id)
        for commitment in file.commitments_of(reply.id):
            if not file.is_promise(commitment):
                continue
            deadline = f"，期限{commitment.deadline.isoformat()}" if commitment.deadline else ""
            add(reply.reply_date, "commitment", f"承诺“{commitment.title}”{deadline}", "commitments", commitment.id)
            judged = file.commitment_states.get(commitment.id)
            if commitment.deadline is not None and judged is not None:
                add(commitment.deadline, "deadline", f"“{commitment.title}”：{judged.label}（{judged.reason}）",
                    "commitments", commitment.id)
    known_ids = {r.id for r in known_replies}
    for rating in file.feedback:
        if rating.reply_id in known_ids and known_on(rating.feedback_date, as_of):
            aspect = FEEDBACK_ASPECTS.get(rating.aspect, rating.aspect)
            comments = f"：{rating.comments}" if rating.comments else ""
            said = RATINGS.get(rating.rating, rating.rating)
            add(rating.feedback_date, "feedback", f"对{aspect}评价{said}{comments}", "feedback", rating.id)
    targets = {t.id: t for t in file.targets}
    for item in file.evidence:
        if not known_on(item.as_of_date, as_of) or item.target_id not in targets:
            continue
        target = targets[item.target_id]
        if item.value is not None:
            figure = format_amount(item.value, item.unit) if item.unit is not None else f"{item.value:g}"
        else:
            figure = "已实现" if item.achieved else "未实现"
        source = "，".join(part for part in (item.publisher, item.source_title) if part)
        add(item.as_of_date, "evidence", f"{target.indicator}：{figure}" + (f"（{source}）" if source else ""),
            "evidence", item.id)
    events.sort(key=lambda e: (e.date or dt.date.max, _KIND_ORDER[e.kind], e.subject_id or 0))
    return events
