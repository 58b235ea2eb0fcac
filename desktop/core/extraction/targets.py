"""Targets and baselines in Chinese text: a small grammar of the way official texts state figures.

A target phrase is an amount (:mod:`~desktop.core.extraction.numbers`) in a clause. What the clause and its
sentence say around it decides the rest (GUIDELINES §3–§6):

* kind — cue words before the amount in its clause (计划, 将, 力争, 确保, 规划, 需… → commitment; 目前, 已, 截至,
  共有, 获评, a verb with 了… → baseline; a plan word after 已 (已争取) states what was done), else a time
  expression of the clause (a future date or a start ahead such as 明年起 → commitment, a past one → baseline),
  else the state the sentence reached in its earlier clauses, else the state of the previous sentence of the
  paragraph when that one made commitments, else a bound to keep (不低于, 控制在…以内) → commitment, else
  baseline (facts are stated plainly). A bare 今年 in a sentence of facts (比上年, 同比, 已…) with no plan word
  only names the current period. The level after 由 in '由X提高到Y' is a baseline. The figures of a project
  that has not started (its start is still ahead, or only preparations such as 可研批复 or 招标 are done) are
  commitments.
* deadline — the latest future time expression before the amount in its sentence (a time expression at the
  start of a sentence governs all its clauses), else the first future one after it, else the one the paragraph
  carries; commitments only. A start date (…开工) gives way to the completion date (…建成, 竣工) of the same
  sentence, and a project's figures take its completion date.
* comparator — comparator words around the amount (超, 突破, 近, 不少于, 以上, 以内, 左右, 余, 多…), also
  before the base of a share ('不少于床位总数的4%'); "完成 X" in a commitment means at least X.
* cumulative — levels (rates, shares, per-unit figures, standards) → null; stock markers (累计, 共计, 共有,
  保有量, 截至…) → true, but 共 over a year's programme is a flow → false; increments (新增, 新建, a period's
  完成/投入/改造/建设…) → false; later plain items of a list share the reading of the first; counts set apart
  (另有) or under way → null; else null.
* qualitative commitments — a clause with a future time expression (or the clause that follows a bare time
  phrase such as "到“十四五”期末，") that states an outcome (实现, 建成, 完工, 竣工…) and has no amount; and a
  later clause of a sentence opened by a future time that begins with an outcome (消除…, 实现…全覆盖).
* tables — rows of a pipe table, read by :func:`_table_targets`.

Amounts inside book titles (《…》), short quoted names (“七个一”), document numbers, dates, session names,
rankings (第三, 前十), category counts (三大工程), the power rating of a specified device (120KW直流充电桩) and
bounds that pick out what is counted (60周岁以上老年人口, 投资1亿元以上项目20个) are not targets.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from desktop.core.extraction.cues import (
    BASELINE_CUES,
    COMMITMENT_CUES,
    FLOW_VERBS,
    NEW_MARKERS,
    OUTCOME_VERBS,
    TRUE_MARKERS,
    find_cues,
    governing_times,
    sets_a_bound,
    status_times,
)
from desktop.core.extraction.extracted import ExtractedTarget
from desktop.core.extraction.indicators import name_indicator
from desktop.core.extraction.nontargets import is_not_a_target
from desktop.core.extraction.numbers import PREFIX_COMPARATORS, Quantity, find_quantities, fold
from desktop.core.extraction.qualitative import clause_qualitative, deadline_text, governed_qualitative
from desktop.core.extraction.sentences import Clause, Sentence, block_spans, quote_span, split_paragraphs
from desktop.core.extraction.tables import Table, find_tables, indicator_and_unit, number_cell
from desktop.core.extraction.timeexpr import TimeExpression, find_time_expressions
from desktop.core.units import normalize, to_number

__all__ = ["ExtractedTarget", "extract_targets"]


_SHARE_BOUND = re.compile("(?P<word>" + "|".join(w for w, c in PREFIX_COMPARATORS if c != "=") +
                          r")[^\d，,。；;：:、]{1,12}的\s*$")


def _share_comparator(folded: str, clause: Clause, quantity: Quantity) -> str | None:
    """'不少于床位总数的4%', '不超过总投资的10%': the bound word stands before the base of the share."""
    if quantity.unit not in ("%", "‰", "倍", "成"):
        return None
    match = _SHARE_BOUND.search(folded, clause.start, quantity.start)
    return dict(PREFIX_COMPARATORS)[match.group("word")] if match else None


def extract_targets(text: str, *, reference_date: dt.date | None = None, start: int = 0, end: int | None = None,
                    skip: list[tuple[int, int]] | None = None) -> list[ExtractedTarget]:
    """Every target and baseline stated in ``text`` (a letter body, a news article, a bulletin).

    Args:
        text: the text; offsets of the results index it.
        reference_date: the date the text was written (the letter date, an article's date). It decides which
            years are past and which are to come, and gives the year of "12月底", "今年" and "年底".
        start, end: only look at text[start:end] (a letter's body); time expressions elsewhere still give
            the year of dates that leave it out.
        skip: spans whose figures are not targets (the sentence that acknowledges a proposal, for example).

    Returns:
        The targets in text order.
    """
    end = len(text) if end is None else end
    folded = fold(text)
    times = find_time_expressions(folded, reference_date)
    blocked = [False] * len(folded)
    for k in range(0, start):
        blocked[k] = True
    for k in range(end, len(folded)):
        blocked[k] = True
    for a, b in skip or ():
        for k in range(max(0, a), min(len(blocked), b)):
            blocked[k] = True
    tables = [t for t in find_tables(folded, start, end) if not blocked[t.start]]
    for table in tables:
        for k in range(table.start, table.end):
            blocked[k] = True
    skipped = list(blocked)  # outside the region or in a skipped span: no qualitative targets either
    block_spans(folded, blocked, times)
    found = find_quantities(text, blocked)
    quantities = [q for i, q in enumerate(found)
                  if not is_not_a_target(folded, q, found[i + 1] if i + 1 < len(found) else None)]
    results: list[ExtractedTarget] = []
    q_index = 0
    carry_kind: str | None = None
    carry_time: TimeExpression | None = None
    previous_time: TimeExpression | None = None  # the last time ahead of the sentence before (for 届时)
    total_cumulative: bool | None = None  # the stock or flow reading of the last figure (for 其中)
    for paragraph in split_paragraphs(folded, start, end):
        carry_kind, carry_time = None, None
        for sentence in paragraph:
            in_sentence = []
            while q_index < len(quantities) and quantities[q_index].start < sentence.end:
                if quantities[q_index].start >= sentence.start:
                    in_sentence.append(quantities[q_index])
                q_index += 1
            sentence_times = [t for t in times if sentence.start <= t.start < sentence.end]
            current_period = status_times(folded, sentence, sentence_times, reference_date)
            sentence_cues = find_cues(folded, sentence.start, sentence.end, times, reference_date, current_period)
            sentence_asof = any(t.role == "asof" for t in sentence_times) or \
                bool(re.search(r"截至|截止", folded[sentence.start:sentence.end]))
            inherit = not sentence_cues and not sentence_times and carry_kind == "commitment"
            state_kind = carry_kind if inherit else None
            state_time = carry_time if inherit else None
            sentence_text = folded[sentence.start:sentence.end]
            if _THEN.search(sentence_text) and not sentence_times:
                state_time = previous_time  # '届时将新增停车位200个': the time of the sentence before
            cumulative_state: bool | None = total_cumulative if _UNDER_TOTAL.match(sentence_text) else None
            produced: list[ExtractedTarget] = []
            project_pending, project_finishes = _project_times(folded, sentence, sentence_times, reference_date)
            under_way = bool(_UNDER_WAY_NOW.search(folded, sentence.start, sentence.end))
            for ci, clause in enumerate(sentence.clauses):
                clause_qs = [q for q in in_sentence if clause.start <= q.start < clause.end]
                clause_cues = find_cues(folded, clause.start, clause.end, times, reference_date, current_period)
                clause_times = governing_times(times, clause.start, clause.end)
                elliptical = _is_elliptical(folded, clause, clause_qs, clause_cues)
                previous_end = clause.start
                previous_indicator = None
                for qi, quantity in enumerate(clause_qs):
                    before_cues = [c for c in clause_cues if c[0] < quantity.start]
                    completion = None if under_way or (before_cues and before_cues[-1][1] == "commitment") else \
                        _completion_after(folded, sentence, quantity, sentence_times, reference_date)
                    if completion is not None:
                        # '已同意对48辆出租车进行更新，预计10月底前完成': done by the date that follows.
                        kind, kind_sure = "commitment", False
                    elif before_cues:
                        kind, kind_sure = before_cues[-1][1], True
                    elif clause_cues:
                        kind, kind_sure = clause_cues[0][1], True
                    elif state_kind and under_way:
                        # '计划在…建设一座公厕,现已完成主体工程建设': the project is under way, its figures are facts.
                        kind, kind_sure = "baseline", False
                    elif state_kind:
                        kind, kind_sure = state_kind, True
                    elif sets_a_bound(folded, clause, quantity):
                        kind, kind_sure = "commitment", False
                    else:
                        kind, kind_sure = "baseline", False
                    previous_level = _is_previous_level(folded, clause, quantity)
                    if previous_level:
                        kind = "baseline"
                    # Figures of a project whose start lies ahead, unless a cue of their own says they are facts.
                    project_spec = kind == "baseline" and not previous_level and project_pending is not None and \
                        quantity.start < project_pending and not (before_cues and before_cues[-1][1] == "baseline")
                    if project_spec:
                        kind, kind_sure = "commitment", True
                    deadline_expr = None
                    if project_spec and project_finishes:
                        deadline_expr = next((t for t in project_finishes if t.start > quantity.start),
                                             project_finishes[-1])
                    elif kind == "commitment" and completion is not None:
                        deadline_expr = completion
                    elif kind == "commitment":
                        deadline_expr = _deadline_for(folded, quantity, sentence_times, state_time,
                                                      reference_date, project_finishes)
                    comparator = quantity.comparator
                    if comparator == "=" and not quantity.comparator_word:
                        comparator = _share_comparator(folded, clause, quantity) or comparator
                    if comparator == "=" and not quantity.comparator_word and kind == "commitment" and \
                            "完成" in folded[clause.start:quantity.start]:
                        comparator = ">="
                    if comparator == "=" and not quantity.comparator_word and \
                            _REACH_APART.search(folded, clause.start, quantity.start):
                        comparator = ">="  # '力争达到农村学校食堂标准化率95%': 达到 before the indicator
                    cumulative = _cumulative(folded, clause, quantity, kind, sentence_times, sentence_asof,
                                             elliptical, cumulative_state, deadline_expr)
                    if previous_level or (project_spec and not quantity.comparator_word):
                        cumulative = None  # a level, or a specification of one project (GUIDELINES §6)
                    elif cumulative is None and cumulative_state is not None and \
                            not _is_level(folded, clause, quantity) and \
                            (_UNDER_TOTAL.match(folded, clause.start) or _UNDER_TOTAL.match(sentence_text)):
                        cumulative = cumulative_state  # '其中…': items of a total share its reading
                    next_start = clause_qs[qi + 1].start if qi + 1 < len(clause_qs) else clause.end
                    indicator = name_indicator(text, clause, quantity, previous_end, next_start, times,
                                           previous_indicator)
                    previous_indicator = indicator
                    previous_end = quantity.end
                    q_start, q_end = quote_span(text, clause)
                    confidence = 0.85 if kind_sure else 0.6
                    if quantity.chinese:
                        confidence -= 0.1
                    if kind == "commitment" and deadline_expr is None:
                        confidence -= 0.1
                    target = ExtractedTarget(
                        quote=text[q_start:q_end], indicator=indicator, comparator=comparator,
                        value=quantity.value, unit=quantity.unit, value_normalized=quantity.value_normalized,
                        unit_normalized=_implied_unit(folded, quantity),
                        deadline=deadline_expr.deadline if deadline_expr else None,
                        deadline_text=deadline_text(deadline_expr) if deadline_expr else None,
                        cumulative=cumulative, kind=kind, start=q_start, end=q_end, confidence=confidence,
                        value_high=quantity.value_high if comparator == "range" else None,
                        value_high_normalized=quantity.value_high_normalized if comparator == "range" else None,
                        sentence_start=sentence.start, sentence_end=sentence.end)
                    produced.append(target)
                    cumulative_state = cumulative
                if not clause_qs and not elliptical and not _UNDER_TOTAL.match(clause.text):
                    cumulative_state = None
                qualitative = clause_qualitative(text, folded, sentence, ci, clause_times, times, reference_date,
                                           in_sentence, state_kind, clause_cues, skipped)
                if qualitative is None and not clause_times and not clause_qs and ci > 0 and \
                        not any(t.comparator == "qualitative" and t.start >= clause.start for t in produced):
                    qualitative = governed_qualitative(text, folded, sentence, clause, sentence_times, times,
                                                        reference_date, skipped)
                if qualitative:
                    produced.append(qualitative)
                if clause_cues:
                    state_kind = clause_cues[-1][1]
                future_times = [t for t in clause_times if t.is_future(reference_date) is not False]
                if future_times:
                    state_time = future_times[-1]
                elif clause_times:
                    state_time = None
            results.extend(produced)
            figures = [t for t in produced if t.comparator != "qualitative"]
            if figures:
                total_cumulative = figures[-1].cumulative
            previous_time = state_time or (carry_time if _THEN.search(sentence_text) else None)
            if sentence_cues or sentence_times:
                carry_kind, carry_time = state_kind, state_time
            elif not inherit:
                carry_kind, carry_time = None, None
    for table in tables:
        results.extend(_table_targets(text, folded, table, times, reference_date))
    results.sort(key=lambda t: (t.start, t.end))
    return results


_PLANNED_COLUMN = re.compile(r"目标|计划|预计|预期|力争|任务|规划")
_ACHIEVED_COLUMN = re.compile(r"完成|实际|实绩|现状|基数|基期|上年|去年|已")


def _table_targets(text: str, folded: str, table: Table, times: list[TimeExpression],
                   reference: dt.date | None) -> list[ExtractedTarget]:
    """Figures of a pipe table: each column header says whether its figures are achieved or planned, and for
    which year ('2022年完成', '2023年目标'); the first cell of a row names the indicator and often its unit."""
    columns: list[tuple[str, TimeExpression | None] | None] = []
    for cell in table.header.cells:
        time = next((t for t in times if t.start < cell.end and t.end > cell.start and t.role == "deadline"), None)
        future = time.is_future(reference) if time else None
        if _PLANNED_COLUMN.search(cell.text) or (future is True and not _ACHIEVED_COLUMN.search(cell.text)):
            columns.append(("commitment", time if future is not False else None))
        elif _ACHIEVED_COLUMN.search(cell.text) or future is False:
            columns.append(("baseline", None))
        else:
            columns.append(None)
    found: list[ExtractedTarget] = []
    for row in table.rows:
        if len(row.cells) != len(columns) or number_cell(row.cells[0]):
            continue
        indicator, row_unit = indicator_and_unit(row.cells[0])
        for cell, column in zip(row.cells[1:], columns[1:], strict=True):
            number = number_cell(cell)
            if column is None or number is None:
                continue
            unit = number[1] or row_unit
            if not unit:
                continue
            kind, time = column
            value = to_number(Decimal(number[0]))
            try:
                normalized, base = normalize(value, unit)
            except (InvalidOperation, ValueError):
                continue
            found.append(ExtractedTarget(
                quote=text[row.start:row.end], indicator=indicator, comparator="=", value=value, unit=unit,
                value_normalized=normalized, unit_normalized=base,
                deadline=time.deadline if time else None, deadline_text=time.text if time else None,
                cumulative=None, kind=kind, start=row.start, end=row.end, confidence=0.7,
                sentence_start=row.start, sentence_end=row.end))
    return found


def _deadline_for(folded: str, quantity: Quantity, sentence_times: list[TimeExpression],
                  state_time: TimeExpression | None, reference: dt.date | None,
                  finishes: list[TimeExpression] | None = None) -> TimeExpression | None:
    before = [t for t in sentence_times if t.start < quantity.start and t.role == "deadline"]
    if before:
        latest = before[-1]
        if latest.is_future(reference) is False:
            return None
        # '计划今年9月开工，总投资约2亿元，明年10月底前建成': the start date does not govern the figures.
        finish = [t for t in finishes or () if t.start > latest.start]
        if finish and _START_AFTER.match(folded, latest.end):
            return finish[0]
        # '2020年计划建设停车场4处，…该工程预计8月中旬全部完成': the completion date within the year the sentence
        # opened with is the more precise deadline of the project's figures.
        if finish and _whole_year(latest) and finish[0].deadline and latest.deadline and \
                finish[0].deadline.year == latest.deadline.year and finish[0].deadline < latest.deadline and \
                finish[0].is_future(reference) is True:
            return finish[0]
        return latest
    after = [t for t in sentence_times if t.start > quantity.start and t.role == "deadline"
             and t.is_future(reference) is True]
    if after:
        # '…计划今年11月开工，2023年6月底前建成': a project's figures take its completion date, not its start.
        later_finish = [t for t in finishes or () if t.start > after[0].start]
        if later_finish and _START_AFTER.match(folded, after[0].end):
            return later_finish[0]
        return after[0]
    return state_time


# A project under way: its start is behind, its figures are facts (GUIDELINES §3).
_UNDER_WAY_NOW = re.compile(r"已(?:经)?(?:于[^，,。；;]{0,10}?)?(?:完成主体|建成主体|开工|动工|开建|封顶)|"
                            r"主体(?:工程)?(?:已|基本)[^，,。；;]{0,10}?(?:完工|完成|封顶)|正在(?:建设|施工)|在建|施工中")


# '届时', '到时': then, at the time the sentence before named.
_THEN = re.compile(r"届时|到时|到那时")
# '其中…': the items of the total stated just before.
_UNDER_TOTAL = re.compile(r"\s*[(（]?\s*其中")
# '达到' apart from its number, before the name of the indicator: '力争达到农村学校食堂标准化率95%'.
_REACH_APART = re.compile(r"(?:达到|(?<![发表传到下送抵通直])达)[^\d，,。；;、：:]{1,15}$")
_PLAN_BEFORE_TIME = re.compile(r"(?:预计|计划|将|拟|力争|争取|确保|有望|可望)\s*(?:于|在|到)?\s*$")
_APPROVAL = re.compile(r"已(?:经)?(?:同意|批准|批复|决定|安排)")


def _completion_after(folded: str, sentence: Sentence, quantity: Quantity, sentence_times: list[TimeExpression],
                      reference: dt.date | None) -> TimeExpression | None:
    """The completion date that a later clause of the sentence gives a figure stated without a plan word of its
    own ('已同意对48辆出租车进行更新，预计10月底前完成'): plan word + a time ahead + 完成/建成/投入使用."""
    later = [t for t in sentence_times if t.start > quantity.end and t.role == "deadline"]
    if not later:
        return None
    clause_start = max((c.start for c in sentence.clauses if c.start <= quantity.start), default=sentence.start)
    own = folded[clause_start:quantity.start]
    if any(m.start() for m in COMMITMENT_CUES.finditer(own)) or \
            (BASELINE_CUES.search(own) and not _APPROVAL.search(own)):
        return None
    for expression in later:
        if expression.is_future(reference) is not True:
            continue
        if _PLAN_BEFORE_TIME.search(folded, max(sentence.start, expression.start - 6), expression.start) and \
                _FINISH_AFTER.match(folded, expression.end):
            return expression
    return None


def _whole_year(expression: TimeExpression) -> bool:
    """'2020年', '今年', '年内': a time that names a whole year."""
    deadline = expression.deadline
    return bool(deadline and (deadline.month, deadline.day) == (12, 31)
                and not re.search(r"月|季|半年", expression.text))


_START_AFTER = re.compile(r"(?:前|之前|以前|底前)?\s*(?:全面|全部|正式|陆续|启动|开始|即可|可)?"
                          r"(?:开工|动工|开建|启动建设|开始建设)")
_FINISH_AFTER = re.compile(r"(?:前|之前|以前|底前)?\s*(?:全面|全部|基本|如期|按期|顺利|正式|即可|可|便可)?(?:主体)?"
                           r"(?:建成|竣工|完工|投用|投入使用|投运|投产|通车|交付|完成建设|完成主体工程|"
                           r"完成(?=并|后|[，,。；;]|$))")


# Steps taken before building starts: approval, design, tendering, listing in a programme.
_PREPARATORY = re.compile(r"已(?:将[^，,。；;]{0,10}?)?(?:列入|纳入)|"
                          r"已(?:经)?(?:完成|通过|获得|取得|办理)?(?:了)?(?:项目)?(?:可研|可行性研究|立项|施工招标|"
                          r"招标|初步设计|施工图设计|设计|选址|用地预审|土地预审|环评|批复|审批|备案|评审|前期工作)|"
                          r"已(?:经)?(?:列入|纳入|获批|批复)")
_UNDER_WAY = re.compile(r"开工|动工|开建|在建|正在(?:建设|施工)|施工中|封顶|已完成投资|完成投资|主体工程")


def _project_times(folded: str, sentence: Sentence, sentence_times: list[TimeExpression],
                   reference: dt.date | None) -> tuple[int | None, list[TimeExpression]]:
    """Where the figures of a project not yet started end, and the completion dates (…建成, 竣工, 投入使用).

    A project has not started when the sentence gives its start as still ahead ('计划今年11月开工'), or when
    it only reports steps before building ('已完成可研批复', '已列入…项目') and a completion date ahead. Its
    figures stated before the start (or the completion) are its specifications: commitments that take the
    completion date (GUIDELINES §3, §5). Returns (None, finishes) for any other sentence.
    """
    start: TimeExpression | None = None
    finishes: list[TimeExpression] = []
    for expression in sentence_times:
        if expression.role != "deadline" or expression.is_future(reference) is not True:
            continue
        if _START_AFTER.match(folded, expression.end):
            start = start or expression
        elif _FINISH_AFTER.match(folded, expression.end):
            finishes.append(expression)
    if start is not None:
        return start.start, finishes
    text = folded[sentence.start:sentence.end]
    if _PREPARATORY.search(text) and not _UNDER_WAY.search(text):
        # Only preparations done: the figures are the project's specifications, due when it is completed (or
        # without a date when the sentence gives none).
        return (finishes[0].start if finishes else sentence.end), finishes
    return None, finishes


_PREVIOUS_LEVEL_AFTER = re.compile(r"\s*(?:提高|提升|增加|增长|扩大|降低|下降|减少|缩小|压减|调整|降|升|增)"
                                   r"(?:到|至|为)")


def _is_previous_level(folded: str, clause: Clause, quantity: Quantity) -> bool:
    """'防洪标准由10年一遇提高到20年一遇': the amount after 由/从 is the level now, a baseline."""
    return bool(re.search(r"[由从][^，,。；;：:、\d]{0,6}$", folded[clause.start:quantity.start])) and \
        bool(_PREVIOUS_LEVEL_AFTER.match(folded, quantity.end))


def _is_elliptical(folded: str, clause: Clause, quantities: list[Quantity], cues: list[tuple[int, str]]) -> bool:
    """A list item that shares the verb of the clause before it: '日间照料中心9所', '359栋楼14000余户'."""
    if not quantities or cues:
        return False
    text = folded[clause.start:clause.end]
    if len(text.strip()) > 26:
        return False
    if any(q.comparator_word not in ("", "余", "多") for q in quantities):
        return False
    rest = text
    for quantity in reversed(quantities):
        rest = rest[:quantity.start - clause.start] + rest[quantity.end - clause.start:]
    return not (TRUE_MARKERS.search(rest) or NEW_MARKERS.search(rest) or FLOW_VERBS.search(rest)
                or OUTCOME_VERBS.search(rest))


# Levels: rates, shares, concentrations and per-unit figures are neither stocks nor flows (GUIDELINES §6: null).
_LEVEL_UNITS = ("%", "‰", "个百分点", "百分点", "年一遇")
_LEVEL_NAME = re.compile(r"(?:率|比例|占比|比重|浓度|增速|增幅|密度|标准|指数|规模)"
                         r"(?:为|是|达到|达|超过|超|约|近|不低于|不少于|不高于|不超过|控制在|提高到|提升到|降至|降到|稳定在)?$")
_PER_UNIT = re.compile(r"(?:每|人均|户均|亩均|平均|均)[\u4e00-\u9fff]{0,12}$")
# A change against an earlier figure ('比上年增加0.25万人'): neither a stock nor a flow.
_CHANGE_BEFORE = re.compile(r"(?:比|较|同比|环比|与)[^，,。；;]*?(?:增加|增长|减少|下降|提高|降低|上升|多|少)了?\s*$")
# A count set apart from the list it follows, or one still under way.
_APART = re.compile(r"另有|另外还有|正在|在建|在施")


def _is_level(folded: str, clause: Clause, quantity: Quantity) -> bool:
    unit = quantity.unit or ""
    if unit in _LEVEL_UNITS or "/" in unit:
        return True
    before = folded[clause.start:quantity.start].strip()
    return bool(_LEVEL_NAME.search(before) or _PER_UNIT.search(before))


def _cumulative(folded: str, clause: Clause, quantity: Quantity, kind: str, sentence_times: list[TimeExpression],
                sentence_asof: bool, elliptical: bool, state: bool | None,
                deadline_expr: TimeExpression | None) -> bool | None:
    before = folded[clause.start:quantity.start]
    whole = folded[clause.start:clause.end]
    if _is_level(folded, clause, quantity) or _APART.search(whole) or _CHANGE_BEFORE.search(before):
        return None
    period = any(t.role == "deadline" and t.start < quantity.start and not t.plan for t in sentence_times) or \
        bool(re.search(r"今年|当年|本年|全年|年度|年内", whole))
    if NEW_MARKERS.search(before):
        return False
    # The number itself stays visible to the marker's look-ahead: '共12个' (共 right before the number).
    marker = TRUE_MARKERS.search(folded, clause.start, quantity.start + 1)
    marker = marker if marker and marker.start() < quantity.start else None
    if marker:
        # '2023年，全市共改造老旧小区86个': 共 sums a year's programme, which is a flow (GUIDELINES §6).
        return not (marker.group(0) in ("共", "共计") and period and not sentence_asof)
    if state is not None and (elliptical or _continues_list(folded, clause, quantity)):
        return state
    if kind == "baseline" and sentence_asof:
        return True
    if FLOW_VERBS.search(whole) and (kind == "commitment" or period):
        return False
    return None


def _continues_list(folded: str, clause: Clause, quantity: Quantity) -> bool:
    """'…累计完成6座病险水库除险加固，投入资金3150万元': a later item of the list the sentence began, stated
    plainly (no bound word, no marker or time of its own), shares the stock or flow reading of the first."""
    before = folded[clause.start:quantity.start]
    ends_clause = not folded[quantity.end:clause.end].strip()
    return ends_clause and quantity.comparator_word in ("", "余", "多") and not re.search(r"\d|年|月", before)


def _implied_unit(folded: str, quantity: Quantity) -> str:
    if quantity.unit_normalized == "" and re.match(r"[\u4e00-\u9fff]{0,3}?(资金|经费|投资|补助|补贴)",
                                                   folded[quantity.end:quantity.end + 6]):
        return "元"
    return quantity.unit_normalized

