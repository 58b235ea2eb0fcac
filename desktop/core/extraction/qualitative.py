"""Qualitative commitments: an outcome promised with a time of its own and no amount (GUIDELINES §3)."""

from __future__ import annotations

import datetime as dt
import re

from desktop.core.extraction.cues import BASELINE_CUES, COMMITMENT_CUES, OUTCOME_VERBS
from desktop.core.extraction.extracted import ExtractedTarget
from desktop.core.extraction.indicators import strip_indicator
from desktop.core.extraction.numbers import Quantity
from desktop.core.extraction.sentences import Clause, Sentence, quote_span
from desktop.core.extraction.timeexpr import TimeExpression


def clause_qualitative(text: str, folded: str, sentence: Sentence, ci: int, clause_times: list[TimeExpression],
                 times: list[TimeExpression], reference: dt.date | None, in_sentence: list[Quantity],
                 state_kind: str | None, clause_cues: list[tuple[int, str]],
                 skipped: list[bool]) -> ExtractedTarget | None:
    clause = sentence.clauses[ci]
    for expression in clause_times:
        if expression.is_future(reference) is not True:
            continue
        if expression.scheduled:
            # '其中低沟支渠已列入2024年实施项目中': listed for a year, the work is promised for that year.
            return _qualitative_target(text, folded, sentence, clause, expression, times, 0.6)
        rest = folded[clause.start:clause.end].replace(folded[expression.start:expression.end], "", 1)
        rest = re.sub(r"^[\s到至在于力争争取计划预计将]+|[\s]+$", "", rest)
        if not rest:
            if ci + 1 >= len(sentence.clauses):
                return None
            candidate = sentence.clauses[ci + 1]
            # '到“十四五”期末，实现…': the clause after a bare time phrase must open with the outcome or a plan word
            # ('“十四五”期间，按照…原则' describes how, not what).
            opening_text = re.sub("^" + _ADVERBS, "", folded[candidate.start:candidate.end].strip())
            if not (OUTCOME_VERBS.match(opening_text) or COMMITMENT_CUES.match(opening_text)):
                return None
        else:
            prefix = folded[clause.start:expression.start].strip()
            follows = folded[expression.end:clause.end]
            follows = re.sub(r"^(?:前|之前|以前|底前)?(?:全面|基本|全部|全线|如期|按期|按时|顺利|正式|陆续|逐步|同步|"
                             r"完全|将|要|可|能|再|还|并|便|即)*", "", follows)
            # A time directly followed by an outcome ('县游泳馆9月底投入使用'), whatever subject stands before it;
            # a plan word after the time only when the time opens the clause.
            opening = OUTCOME_VERBS.match(follows) or (len(prefix) <= 6 and COMMITMENT_CUES.match(follows))
            if not (expression.marked or opening):
                continue
            candidate = clause
        if any(candidate.start <= q.start < candidate.end for q in in_sentence):
            return None
        if skipped[candidate.start] or skipped[max(candidate.start, candidate.end - 1)]:
            return None
        candidate_text = folded[candidate.start:candidate.end]
        if not OUTCOME_VERBS.search(candidate_text):
            return None
        if BASELINE_CUES.search(candidate_text) or _NEGATION.search(candidate_text):
            return None
        cues_here = [c for c in clause_cues if c[1] == "baseline" and c[0] < expression.start]
        if cues_here and state_kind != "commitment":
            return None
        return _qualitative_target(text, folded, sentence, candidate, expression, times, 0.6)
    return None


# '未列入…计划', '暂不具备…条件': what will not be done is no promise.
_NEGATION = re.compile(r"未(?!来)|没有|尚无|暂无|暂不|不再|无法|不能|不具备")


def _qualitative_target(text: str, folded: str, sentence: Sentence, clause: Clause, expression: TimeExpression,
                        times: list[TimeExpression], confidence: float) -> ExtractedTarget:
    q_start, q_end = quote_span(text, clause)
    indicator = strip_indicator(text[clause.start:clause.end], times, clause.start)
    indicator = re.sub(r"^(?:其中|实现|完成|走出|已列入|列入|纳入)", "", indicator) or indicator
    if expression.deadline is None:
        confidence -= 0.1  # the time does not resolve to a date
    return ExtractedTarget(
        quote=text[q_start:q_end], indicator=indicator[:20], comparator="qualitative", value=None, unit=None,
        value_normalized=None, unit_normalized=None, deadline=expression.deadline,
        deadline_text=deadline_text(expression), cumulative=None, kind="commitment", start=q_start,
        end=q_end, confidence=confidence, sentence_start=sentence.start, sentence_end=sentence.end)


_ADVERBS = (r"(?:全面|基本|全部|全线|如期|按期|按时|顺利|正式|陆续|逐步|同步|完全|力争|争取|确保|将|要|可|能|再|还|并|"
            r"同时|"
            r"进一步|有效|切实|彻底)*")
# Outcomes a later clause can promise on its own: a state reached or a thing done, not an effort ('形成合力',
# '建立健全机制', '提升水平' are ways of working and are left out).
_OPENING_OUTCOME = re.compile(_ADVERBS + r"(?:实现|完成|建成|完工|竣工|开工|动工|投用|投产|投入使用|投运|启用|开通|"
                              r"通车|上线|覆盖|达到|达标|落地|交付|消除|解决|缓解|改造|新建|扩建|拆除|创成|验收|搬迁|贯通|"
                              r"接通|出台|印发)")


def governed_qualitative(text: str, folded: str, sentence: Sentence, clause: Clause,
                          sentence_times: list[TimeExpression], times: list[TimeExpression],
                          reference: dt.date | None, skipped: list[bool]) -> ExtractedTarget | None:
    """A later clause of a sentence opened by a future time expression, that states an outcome on its own
    ('今年年底前完成…改造，消除C级危房'; '到2025年，…，基本消除重污染天气'): the opening time governs it (GUIDELINES
    §5), so it is a qualitative commitment with that deadline. The clause must begin with the outcome verb, so that
    adverbial clauses ('在多个领域打造…') and descriptions are left alone."""
    opening = next((t for t in sentence_times if t.role == "deadline"), None)
    if opening is None or len(folded[sentence.start:opening.start].strip()) > 6:
        return None  # the time must open the sentence (after at most a connective such as '同时，')
    if opening.is_future(reference) is not True:
        return None
    if skipped[clause.start] or skipped[max(clause.start, clause.end - 1)]:
        return None
    body = folded[clause.start:clause.end].strip()
    if not _OPENING_OUTCOME.match(body) or BASELINE_CUES.search(body):
        return None
    q_start, q_end = quote_span(text, clause)
    indicator = strip_indicator(text[clause.start:clause.end], times, clause.start)
    indicator = re.sub("^" + _ADVERBS + r"(?:实现|完成|走出)?", "", indicator) or indicator
    return ExtractedTarget(
        quote=text[q_start:q_end], indicator=indicator[:40], comparator="qualitative", value=None, unit=None,
        value_normalized=None, unit_normalized=None, deadline=opening.deadline, deadline_text=deadline_text(opening),
        cumulative=None, kind="commitment", start=q_start, end=q_end, confidence=0.5,
        sentence_start=sentence.start, sentence_end=sentence.end)


def deadline_text(expression: TimeExpression) -> str:
    return re.sub(r"^(?:计划于|预计于|力争于|将于|拟于|力争|争取|于|在)", "", expression.text)

