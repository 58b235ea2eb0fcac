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
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.core.extraction.numbers import PREFIX_COMPARATORS, Quantity, find_quantities, fold
from desktop.core.extraction.tables import Table, find_tables, indicator_and_unit, number_cell
from desktop.core.extraction.timeexpr import TimeExpression, find_time_expressions
from desktop.core.units import normalize, to_number


@dataclass
class ExtractedTarget:
    """One target or baseline, with the fields of GUIDELINES §2 plus its place and a confidence.

    ``start``/``end`` are offsets of ``quote`` in the text given to the extractor; ``confidence`` is between 0
    and 1 (low values mark guesses a clerk should check first).
    """

    quote: str
    indicator: str
    comparator: str
    value: float | int | None
    unit: str | None
    value_normalized: float | int | None
    unit_normalized: str | None
    deadline: dt.date | None
    deadline_text: str | None
    cumulative: bool | None
    kind: str
    start: int
    end: int
    confidence: float
    value_high: float | int | None = None
    value_high_normalized: float | int | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The target in the layout of GUIDELINES §2, plus start, end and confidence."""
        data = {
            "quote": self.quote, "indicator": self.indicator, "comparator": self.comparator, "value": self.value,
            "value_high": self.value_high, "unit": self.unit, "value_normalized": self.value_normalized,
            "unit_normalized": self.unit_normalized,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_text": self.deadline_text, "cumulative": self.cumulative, "kind": self.kind,
            "start": self.start, "end": self.end, "confidence": round(self.confidence, 2),
        }
        if self.note:
            data["note"] = self.note
        return data


# ------------------------------------------------------------------------------------------- cue words
_COMMITMENT_CUES = re.compile(
    r"已将|计划|拟(?!定)|(?<!即)将(?!近|其|军|来|所|此|之)|预计|力争|争取|确保|规划|需要|(?<![必所])需(?!求)|目标(?!(?:任务)?的)|预期|打算|届时|"
    r"实施后|建成后|完成后|投用后|投产后|到位后|(?<![主重需纲摘必只首紧简概])要(?![求点素害闻件])|"
    r"可(?=完工|竣工|建成|满足|实现|新增|达到|完成|投用|解决|覆盖|容纳|提供|带动|惠及|减少|增加|节约|节省)")
_BASELINE_CUES = re.compile(
    r"已将|目前|当前|现有|现已|已经|(?<![而不])已|截至|截止|至今|以来|去年|上年|共有|现状|获评|获批|荣获|建有|同比|"
    r"(?<=[\u4e00-\u9fff])(?<![为除罢])了(?![解如却结])")
_OUTCOME_VERBS = re.compile(
    r"实现|完成|建成|完工|竣工|开工|动工|投用|投产|投入使用|运营|启用|启动|重启|开通|通车|上线|覆盖|形成|打造|走出|"
    r"达到|达标|落地|交付|出台|制定|印发|修订|编制|改造|消除|解决|开放|推广|创成|创建|验收|搬迁|安装|铺设|改建|"
    r"新建|扩建|拆除|整治|治理|构建|建立|健全|迈入|跻身|成为|贯通|接通|投运|挂牌|开业|开园|提升|补齐|缓解")
_TRUE_MARKERS = re.compile(
    r"累计|总计|共计|共有|保有量|总量|总数(?!的)|"
    r"(?<![公中])共(?![同享识性治赢商担青育生融济产谋筑抓促创])(?!建(?![设成]))(?=[\u4e00-\u9fff\d])")
_NEW_MARKERS = re.compile(r"新增|新建|新开工|新开通|新培育|新认定|新引进")
_FLOW_VERBS = re.compile(r"完成|投入|改造|建设|实施|培育|遴选|打造|创建|新建|新增|发放|培训|举办|开展|引进|招引|认定|"
                         r"铺设|安装|改建|扩建|修建|种植|植树|补贴|资助|奖励|淘汰|安排|争取|处理|帮扶|扶持")
_CLAUSE_LEAD = re.compile(
    r"^(?:[一二三四五六七八九十]+是|其中|同时|并且|并|此外|另外|以及|和|且|而且|另|再|还|也|即|及|"
    r"(?:全|我|本|该)(?:市|县|区|省|镇|乡|局|委|单位|街道)|目前|当前|截至目前|现已|现有|现|已经|已|计划|拟|将|"
    r"预计|力争|争取|确保|需要|需|共计|共有|共|累计|今年|年内|届时|规划)+")
_VERB_TAIL = re.compile(r"(?:累计|共计|共|总计|达到|达|超过|超|突破|为|是|约|近|有|拥有|不少于|不低于|至少|控制在|"
                        r"提高到|提升到|提高至|提升至|增加到|增至|降至|达成|完成|实现)+$")
_SUBJECT_HEAD = re.compile(r"^(?:(?:全|我|本)(?:市|县|区|省|镇|乡|局|委)|[\u4e00-\u9fff]{2,4}(?:市|县|区))")

_OPEN = "“《（(「『【〔[\"‘"
_CLOSE = "”》）)」』】〕]\"’"
_SENTENCE_END = "。！？!?"
_CLAUSE_END = "，,；;：:"
_JOIN_MIN = 40


@dataclass
class _Clause:
    start: int
    end: int
    text: str
    semicolon_before: bool


@dataclass
class _Sentence:
    start: int
    end: int
    clauses: list[_Clause]


def _sentences(text: str, lo: int, hi: int) -> list[list[_Sentence]]:
    """Paragraphs of sentences of clauses in text[lo:hi]. A line that stops mid-sentence (a page break of the
    original) continues on the next line."""
    paragraphs: list[list[_Sentence]] = []
    current: list[_Sentence] = []
    clauses: list[_Clause] = []
    depth = 0
    clause_start = lo
    sentence_start = lo
    semicolon = False

    def close_clause(end: int) -> None:
        nonlocal clause_start, semicolon
        piece = text[clause_start:end]
        if piece.strip():
            clauses.append(_Clause(clause_start, end, piece, semicolon))
        semicolon = False
        clause_start = end + 1

    def close_sentence(end: int) -> None:
        nonlocal sentence_start, clauses, depth
        close_clause(end)
        if clauses:
            current.append(_Sentence(clauses[0].start, clauses[-1].end, clauses))
        clauses = []
        sentence_start = end + 1
        depth = 0

    i = lo
    while i < hi:
        ch = text[i]
        if ch in _OPEN and not (ch == '"' and depth):
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        if ch == "\n":
            line_start = text.rfind("\n", lo, i) + 1
            prev_line = text[line_start:i].rstrip()
            nxt = i + 1
            while nxt < hi and text[nxt] in " \t\n\u3000":
                nxt += 1
            mid_sentence = (len(prev_line) >= _JOIN_MIN and prev_line[-1:] not in _SENTENCE_END + "：:;；”\"）)"
                            and nxt < hi and re.match(r"[\u4e00-\u9fff”》）)、，,]", text[nxt]))
            if not mid_sentence:
                close_sentence(i)
                if current:
                    paragraphs.append(current)
                current = []
                clause_start = i + 1
            i += 1
            continue
        if (ch in _SENTENCE_END or (ch == "." and _is_ascii_full_stop(text, i, hi))) and not depth:
            close_sentence(i)
        elif ch in _CLAUSE_END and not depth:
            if ch == "," and 0 < i < hi - 1 and text[i - 1].isdigit() and text[i + 1:i + 4].isdigit():
                i += 1
                continue
            close_clause(i)
            semicolon = ch in "；;"
        i += 1
    close_sentence(hi)
    if current:
        paragraphs.append(current)
    return paragraphs


def _is_ascii_full_stop(text: str, i: int, hi: int) -> bool:
    """An ASCII '.' used as a Chinese full stop ('增长12.3%.主要指标'), not a decimal point or part of a name."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < hi else "\n"
    if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
        return False  # 3.5, PM2.5, www.gov.cn
    return bool(re.match(r"[\u4e00-\u9fff%）)”》\]]", before)) and \
        bool(re.match(r"[\u4e00-\u9fff\s“《（(]", after))


def _block_spans(folded: str, blocked: list[bool], times: list[TimeExpression]) -> None:
    def block(a: int, b: int) -> None:
        for k in range(max(0, a), min(len(blocked), b)):
            blocked[k] = True

    for match in re.finditer(r"《[^《》\n]{0,120}》", folded):
        block(match.start(), match.end())
    for match in re.finditer(r"[“\"]([^“”\"\n]{1,16})[”\"]", folded):
        block(match.start(), match.end())
    for match in re.finditer(r"[〔【\[［(（]\s*(?:19|20)\d{2}\s*[〕】\]］)）]\s*第?\s*\d+\s*号|第\s*\d+\s*[号次届期批]|"
                             r"[一二三四五六七八九十]{1,3}\s*届[\u4e00-\u9fff]{0,8}?[一二三四五六七八九十]{1,3}\s*次|"
                             r"\d{3,4}-\d{7,8}|1\d{2}-\d{4}-\d{4}|\d+\s*(?:号线|路公交|路车|国道|省道|县道|号楼|号院)",
                             folded):
        block(match.start(), match.end())
    for expression in times:
        block(expression.start, expression.end)


def _cues(text: str, start: int, end: int, times: list[TimeExpression],
          reference: dt.date | None, status_times: frozenset[int] = frozenset()) -> list[tuple[int, str]]:
    """(position, kind) of the kind cues in text[start:end], time expressions included (except those starting
    at ``status_times``, which only name the current period)."""
    found: list[tuple[int, str]] = []
    segment = text[start:end]
    for match in _COMMITMENT_CUES.finditer(segment):
        if segment[max(0, match.start() - 2):match.start()].endswith(("已", "已经", "曾")):
            continue  # 已争取, 已计划: a plan word after 已 tells what was done, not what will be
        kind = "baseline" if match.group(0) == "已将" else "commitment"
        found.append((start + match.start(), kind))
    for match in _BASELINE_CUES.finditer(segment):
        if match.group(0) != "已将":
            found.append((start + match.start(), "baseline"))
    for expression in times:
        if start <= expression.start < end and expression.start not in status_times:
            if expression.role == "start" and expression.is_future(reference) is True and \
                    not expression.text.endswith("以来"):
                found.append((expression.start, "commitment"))  # '从明年起，每年安排…': a policy to come
            elif expression.role in ("asof", "start"):
                found.append((expression.start, "baseline"))
            elif expression.role == "deadline":
                future = expression.is_future(reference)
                if future is True:
                    found.append((expression.start, "commitment"))
                elif future is False:
                    found.append((expression.start, "baseline"))
    found.sort()
    return found


# Words that set a bound only a target has.
_TARGET_WORDS = re.compile(r"不低于|不少于|不超过|不高于|控制在|至少")
_PRESENT_PERIOD = ("今年", "本年", "当年", "全年", "本年度")


_BOUND_WORDS = ("不少于", "不低于", "不小于", "至少", "不超过", "不高于", "不大于", "不多于")


def _sets_a_bound(folded: str, clause: _Clause, quantity: Quantity) -> bool:
    """'浓度控制在35微克/立方米以内', '覆盖率不低于90%': with no other cue, a bound to keep is a target."""
    return quantity.comparator_word in _BOUND_WORDS or \
        bool(re.search(r"控制在\s*(?:约|大约)?\s*$", folded[clause.start:quantity.start]))


def _status_times(folded: str, sentence: _Sentence, sentence_times: list[TimeExpression],
                  reference: dt.date | None) -> frozenset[int]:
    """'今年全市高校毕业生达2.3万人，比上年增加0.25万人': a bare 今年 with no plan word in a sentence that states
    facts (比上年, 同比, 已…) names the current period; it does not make the figures promises (GUIDELINES §3: 今年
    is a commitment cue only with a plan)."""
    present = [t for t in sentence_times if t.role == "deadline" and t.text in _PRESENT_PERIOD]
    if not present:
        return frozenset()
    text = folded[sentence.start:sentence.end]
    if any(not text[max(0, m.start() - 2):m.start()].endswith(("已", "已经", "曾"))
           for m in _COMMITMENT_CUES.finditer(text)):
        return frozenset()
    if any(t.role == "deadline" and t.is_future(reference) and t.text not in _PRESENT_PERIOD for t in sentence_times):
        return frozenset()
    if not any(m.group(0) != "已将" for m in _BASELINE_CUES.finditer(text)) or _TARGET_WORDS.search(text):
        return frozenset()
    return frozenset(t.start for t in present)


def _governing_times(times: list[TimeExpression], start: int, end: int) -> list[TimeExpression]:
    return [t for t in times if start <= t.start < end and t.role == "deadline"]


def _strip_indicator(text: str, times: list[TimeExpression], offset: int) -> str:
    chars = list(text)
    for expression in times:
        for k in range(expression.start - offset, expression.end - offset):
            if 0 <= k < len(chars):
                chars[k] = " "
    cleaned = "".join(chars)
    cleaned = re.sub(r"[\s，,、。；;：:]+", "", cleaned)
    for _ in range(3):
        cleaned = _CLAUSE_LEAD.sub("", cleaned)
        cleaned = _VERB_TAIL.sub("", cleaned)
        cleaned = re.sub(r"^(?:[在于到至从对由为]|拥有|有)", "", cleaned)
    return cleaned.strip("的 ")


def _indicator(text: str, clause: _Clause, quantity: Quantity, previous_end: int, next_start: int,
               times: list[TimeExpression], previous_indicator: str | None) -> str:
    before = _strip_indicator(text[previous_end:quantity.start], times, previous_end)
    after_text = text[quantity.end:next_start]
    after = re.split(r"[，,。；;：:、（(]", after_text, maxsplit=1)[0]
    after = re.sub(r"^(?:的|左右|以上|以下)", "", after).strip()
    after = re.split(r"(?:全部|全面|已|将|可|实现|完成|上线|投入|进行|提供|的[\u4e00-\u9fff]{0,2}需求)", after)[0]
    counted = quantity.unit_normalized not in ("%", "元", "", "km", "m", "平米", "平方米", "亩", "m³", "G") and \
        not re.search(r"[米亩吨元%]", quantity.unit or "")
    if len(before) >= 2 and not _FLOW_VERBS.fullmatch(before) and not re.fullmatch(r"[\u4e00-\u9fff]{1,2}", before):
        name = before
        if counted and not re.search(r"(数|量|数量|规模|面积|长度|人口)$", name):
            name += "数"
        return name
    if after:
        name = (before if before and len(before) <= 4 else "") + after
        if counted and not re.search(r"(数|量)$", name):
            name += "数"
        return name
    if previous_indicator:
        return previous_indicator
    return before or clause.text.strip()[:20]


def _quote_span(text: str, clause: _Clause) -> tuple[int, int]:
    start, end = clause.start, clause.end
    while start < end and text[start] in " \t\n\u3000*#>-":
        start += 1
    while end > start and text[end - 1] in " \t\n\u3000":
        end -= 1
    return start, end


def _is_spec(text: str, quantity: Quantity) -> bool:
    """120KW直流充电桩, 360KW以上大功率充电桩: the rating of a device, followed by the device's name."""
    return quantity.spec and bool(re.match(r"[\u4e00-\u9fffA-Za-z]", text[quantity.end:quantity.end + 1]))


_AGE_UNITS = ("岁", "周岁")
_SHARE_BOUND = re.compile("(?P<word>" + "|".join(w for w, c in PREFIX_COMPARATORS if c != "=") +
                          r")[^\d，,。；;：:、]{1,12}的\s*$")


def _share_comparator(folded: str, clause: _Clause, quantity: Quantity) -> str | None:
    """'不少于床位总数的4%', '不超过总投资的10%': the bound word stands before the base of the share."""
    if quantity.unit not in ("%", "‰", "倍", "成"):
        return None
    match = _SHARE_BOUND.search(folded, clause.start, quantity.start)
    return dict(PREFIX_COMPARATORS)[match.group("word")] if match else None


def _is_criterion(text: str, quantity: Quantity, following: Quantity | None) -> bool:
    """'60周岁以上老年人口9.46万人', '投资1亿元以上项目20个': a bound followed by a noun picks out what is counted;
    it is an eligibility criterion, not a target (GUIDELINES §3). An age bound before a noun always is one."""
    if quantity.comparator_word not in ("以上", "以下", "及以上", "及以下"):
        return False
    noun = r"[\u4e00-\u9fffA-Za-z（）()]{1,12}"
    if quantity.unit in _AGE_UNITS and re.match(noun, text[quantity.end:quantity.end + 1]):
        return True
    return following is not None and bool(re.fullmatch(noun, text[quantity.end:following.start]))


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
    _block_spans(folded, blocked, times)
    found = find_quantities(text, blocked)
    quantities = [q for i, q in enumerate(found) if not _is_spec(folded, q)
                  and not _is_criterion(folded, q, found[i + 1] if i + 1 < len(found) else None)]
    results: list[ExtractedTarget] = []
    q_index = 0
    carry_kind: str | None = None
    carry_time: TimeExpression | None = None
    for paragraph in _sentences(folded, start, end):
        carry_kind, carry_time = None, None
        for sentence in paragraph:
            in_sentence = []
            while q_index < len(quantities) and quantities[q_index].start < sentence.end:
                if quantities[q_index].start >= sentence.start:
                    in_sentence.append(quantities[q_index])
                q_index += 1
            sentence_times = [t for t in times if sentence.start <= t.start < sentence.end]
            status_times = _status_times(folded, sentence, sentence_times, reference_date)
            sentence_cues = _cues(folded, sentence.start, sentence.end, times, reference_date, status_times)
            sentence_asof = any(t.role == "asof" for t in sentence_times) or \
                bool(re.search(r"截至|截止", folded[sentence.start:sentence.end]))
            inherit = not sentence_cues and not sentence_times and carry_kind == "commitment"
            state_kind = carry_kind if inherit else None
            state_time = carry_time if inherit else None
            cumulative_state: bool | None = None
            produced: list[ExtractedTarget] = []
            project_pending, project_finishes = _project_times(folded, sentence, sentence_times, reference_date)
            for ci, clause in enumerate(sentence.clauses):
                clause_qs = [q for q in in_sentence if clause.start <= q.start < clause.end]
                clause_cues = _cues(folded, clause.start, clause.end, times, reference_date, status_times)
                clause_times = _governing_times(times, clause.start, clause.end)
                elliptical = _is_elliptical(folded, clause, clause_qs, clause_cues)
                previous_end = clause.start
                previous_indicator = None
                for qi, quantity in enumerate(clause_qs):
                    before_cues = [c for c in clause_cues if c[0] < quantity.start]
                    if before_cues:
                        kind, kind_sure = before_cues[-1][1], True
                    elif clause_cues:
                        kind, kind_sure = clause_cues[0][1], True
                    elif state_kind:
                        kind, kind_sure = state_kind, True
                    elif _sets_a_bound(folded, clause, quantity):
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
                    elif kind == "commitment":
                        deadline_expr = _deadline_for(folded, quantity, sentence_times, state_time,
                                                      reference_date, project_finishes)
                    comparator = quantity.comparator
                    if comparator == "=" and not quantity.comparator_word:
                        comparator = _share_comparator(folded, clause, quantity) or comparator
                    if comparator == "=" and not quantity.comparator_word and kind == "commitment" and \
                            "完成" in folded[clause.start:quantity.start]:
                        comparator = ">="
                    cumulative = _cumulative(folded, clause, quantity, kind, sentence_times, sentence_asof,
                                             elliptical, cumulative_state, deadline_expr)
                    if previous_level or (project_spec and not quantity.comparator_word):
                        cumulative = None  # a level, or a specification of one project (GUIDELINES §6)
                    next_start = clause_qs[qi + 1].start if qi + 1 < len(clause_qs) else clause.end
                    indicator = _indicator(text, clause, quantity, previous_end, next_start, times,
                                           previous_indicator)
                    previous_indicator = indicator
                    previous_end = quantity.end
                    q_start, q_end = _quote_span(text, clause)
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
                        deadline_text=_deadline_text(deadline_expr) if deadline_expr else None,
                        cumulative=cumulative, kind=kind, start=q_start, end=q_end, confidence=confidence,
                        value_high=quantity.value_high if comparator == "range" else None,
                        value_high_normalized=quantity.value_high_normalized if comparator == "range" else None,
                        sentence_start=sentence.start, sentence_end=sentence.end)
                    produced.append(target)
                    cumulative_state = cumulative
                if not clause_qs and not elliptical:
                    cumulative_state = None
                qualitative = _qualitative(text, folded, sentence, ci, clause_times, times, reference_date,
                                           in_sentence, state_kind, clause_cues, skipped)
                if qualitative is None and not clause_times and not clause_qs and ci > 0 and \
                        not any(t.comparator == "qualitative" and t.start >= clause.start for t in produced):
                    qualitative = _governed_qualitative(text, folded, sentence, clause, sentence_times, times,
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


_START_AFTER = re.compile(r"(?:前|之前|以前|底前)?\s*(?:全面|全部|正式|陆续|启动|开始|即可|可)?"
                          r"(?:开工|动工|开建|启动建设|开始建设)")
_FINISH_AFTER = re.compile(r"(?:前|之前|以前|底前)?\s*(?:全面|全部|基本|如期|按期|顺利|正式|即可|可)?(?:主体)?"
                           r"(?:建成|竣工|完工|投用|投入使用|投运|投产|通车|交付|完成建设|完成主体工程)")


# Steps taken before building starts: approval, design, tendering, listing in a programme.
_PREPARATORY = re.compile(r"已(?:经)?(?:完成|通过|获得|取得|办理)?(?:了)?(?:项目)?(?:可研|可行性研究|立项|施工招标|"
                          r"招标|初步设计|施工图设计|设计|选址|用地预审|土地预审|环评|批复|审批|备案|评审|前期工作)|"
                          r"已(?:经)?(?:列入|纳入|获批|批复)")
_UNDER_WAY = re.compile(r"开工|动工|开建|在建|正在(?:建设|施工)|施工中|封顶|已完成投资|完成投资|主体工程")


def _project_times(folded: str, sentence: _Sentence, sentence_times: list[TimeExpression],
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
    if finishes and _PREPARATORY.search(text) and not _UNDER_WAY.search(text):
        return finishes[0].start, finishes
    return None, finishes


_PREVIOUS_LEVEL_AFTER = re.compile(r"\s*(?:提高|提升|增加|增长|扩大|降低|下降|减少|缩小|压减|调整|降|升|增)"
                                   r"(?:到|至|为)")


def _is_previous_level(folded: str, clause: _Clause, quantity: Quantity) -> bool:
    """'防洪标准由10年一遇提高到20年一遇': the amount after 由/从 is the level now, a baseline."""
    return bool(re.search(r"[由从][^，,。；;：:、\d]{0,6}$", folded[clause.start:quantity.start])) and \
        bool(_PREVIOUS_LEVEL_AFTER.match(folded, quantity.end))


def _is_elliptical(folded: str, clause: _Clause, quantities: list[Quantity], cues: list[tuple[int, str]]) -> bool:
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
    return not (_TRUE_MARKERS.search(rest) or _NEW_MARKERS.search(rest) or _FLOW_VERBS.search(rest)
                or _OUTCOME_VERBS.search(rest))


# Levels: rates, shares, concentrations and per-unit figures are neither stocks nor flows (GUIDELINES §6: null).
_LEVEL_UNITS = ("%", "‰", "个百分点", "百分点", "年一遇")
_LEVEL_NAME = re.compile(r"(?:率|比例|占比|比重|浓度|增速|增幅|密度|标准|指数|规模)"
                         r"(?:为|是|达到|达|超过|超|约|近|不低于|不少于|不高于|不超过|控制在|提高到|提升到|降至|降到|稳定在)?$")
_PER_UNIT = re.compile(r"(?:每|人均|户均|亩均|平均|均)[\u4e00-\u9fff]{0,12}$")
# A change against an earlier figure ('比上年增加0.25万人'): neither a stock nor a flow.
_CHANGE_BEFORE = re.compile(r"(?:比|较|同比|环比|与)[^，,。；;]*?(?:增加|增长|减少|下降|提高|降低|上升|多|少)了?\s*$")
# A count set apart from the list it follows, or one still under way.
_APART = re.compile(r"另有|另外还有|正在|在建|在施")


def _is_level(folded: str, clause: _Clause, quantity: Quantity) -> bool:
    unit = quantity.unit or ""
    if unit in _LEVEL_UNITS or "/" in unit:
        return True
    before = folded[clause.start:quantity.start].strip()
    return bool(_LEVEL_NAME.search(before) or _PER_UNIT.search(before))


def _cumulative(folded: str, clause: _Clause, quantity: Quantity, kind: str, sentence_times: list[TimeExpression],
                sentence_asof: bool, elliptical: bool, state: bool | None,
                deadline_expr: TimeExpression | None) -> bool | None:
    before = folded[clause.start:quantity.start]
    whole = folded[clause.start:clause.end]
    if _is_level(folded, clause, quantity) or _APART.search(whole) or _CHANGE_BEFORE.search(before):
        return None
    period = any(t.role == "deadline" and t.start < quantity.start and not t.plan for t in sentence_times) or \
        bool(re.search(r"今年|当年|本年|全年|年度|年内", whole))
    if _NEW_MARKERS.search(before):
        return False
    marker = _TRUE_MARKERS.search(before)
    if marker:
        # '2023年，全市共改造老旧小区86个': 共 sums a year's programme, which is a flow (GUIDELINES §6).
        return not (marker.group(0) in ("共", "共计") and period and not sentence_asof)
    if state is not None and (elliptical or _continues_list(folded, clause, quantity)):
        return state
    if kind == "baseline" and sentence_asof:
        return True
    if _FLOW_VERBS.search(whole) and (kind == "commitment" or period):
        return False
    return None


def _continues_list(folded: str, clause: _Clause, quantity: Quantity) -> bool:
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


def _qualitative(text: str, folded: str, sentence: _Sentence, ci: int, clause_times: list[TimeExpression],
                 times: list[TimeExpression], reference: dt.date | None, in_sentence: list[Quantity],
                 state_kind: str | None, clause_cues: list[tuple[int, str]],
                 skipped: list[bool]) -> ExtractedTarget | None:
    clause = sentence.clauses[ci]
    for expression in clause_times:
        if expression.is_future(reference) is not True:
            continue
        rest = folded[clause.start:clause.end].replace(folded[expression.start:expression.end], "", 1)
        rest = re.sub(r"^[\s到至在于力争争取计划预计将]+|[\s]+$", "", rest)
        if not rest:
            if ci + 1 >= len(sentence.clauses):
                return None
            candidate = sentence.clauses[ci + 1]
        else:
            prefix = folded[clause.start:expression.start].strip()
            follows = folded[expression.end:clause.end]
            follows = re.sub(r"^(?:前|之前|以前|底前)?(?:全面|基本|全部|如期|按期|按时|顺利|正式|陆续|逐步|同步|完全|"
                             r"将|要|可|能|再|还|并)*", "", follows)
            opening = len(prefix) <= 6 and (_COMMITMENT_CUES.match(follows) or _OUTCOME_VERBS.match(follows))
            if not (expression.marked or opening):
                continue
            candidate = clause
        if any(candidate.start <= q.start < candidate.end for q in in_sentence):
            return None
        if skipped[candidate.start] or skipped[max(candidate.start, candidate.end - 1)]:
            return None
        candidate_text = folded[candidate.start:candidate.end]
        if not _OUTCOME_VERBS.search(candidate_text):
            return None
        if _BASELINE_CUES.search(candidate_text):
            return None
        cues_here = [c for c in clause_cues if c[1] == "baseline" and c[0] < expression.start]
        if cues_here and state_kind != "commitment":
            return None
        q_start, q_end = _quote_span(text, candidate)
        indicator = _strip_indicator(text[candidate.start:candidate.end], times, candidate.start)
        indicator = re.sub(r"^(?:实现|完成|走出)", "", indicator) or indicator
        return ExtractedTarget(
            quote=text[q_start:q_end], indicator=indicator[:40], comparator="qualitative", value=None, unit=None,
            value_normalized=None, unit_normalized=None, deadline=expression.deadline,
            deadline_text=_deadline_text(expression), cumulative=None, kind="commitment", start=q_start,
            end=q_end, confidence=0.6, sentence_start=sentence.start, sentence_end=sentence.end)
    return None


_ADVERBS = (r"(?:全面|基本|全部|如期|按期|按时|顺利|正式|陆续|逐步|同步|完全|力争|争取|确保|将|要|可|能|再|还|并|同时|"
            r"进一步|有效|切实|彻底)*")
# Outcomes a later clause can promise on its own: a state reached or a thing done, not an effort ('形成合力',
# '建立健全机制', '提升水平' are ways of working and are left out).
_OPENING_OUTCOME = re.compile(_ADVERBS + r"(?:实现|完成|建成|完工|竣工|开工|动工|投用|投产|投入使用|投运|启用|开通|"
                              r"通车|上线|覆盖|达到|达标|落地|交付|消除|解决|缓解|改造|新建|扩建|拆除|创成|验收|搬迁|贯通|"
                              r"接通|出台|印发)")


def _governed_qualitative(text: str, folded: str, sentence: _Sentence, clause: _Clause,
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
    if not _OPENING_OUTCOME.match(body) or _BASELINE_CUES.search(body):
        return None
    q_start, q_end = _quote_span(text, clause)
    indicator = _strip_indicator(text[clause.start:clause.end], times, clause.start)
    indicator = re.sub("^" + _ADVERBS + r"(?:实现|完成|走出)?", "", indicator) or indicator
    return ExtractedTarget(
        quote=text[q_start:q_end], indicator=indicator[:40], comparator="qualitative", value=None, unit=None,
        value_normalized=None, unit_normalized=None, deadline=opening.deadline, deadline_text=_deadline_text(opening),
        cumulative=None, kind="commitment", start=q_start, end=q_end, confidence=0.5,
        sentence_start=sentence.start, sentence_end=sentence.end)


def _deadline_text(expression: TimeExpression) -> str:
    return re.sub(r"^(?:计划于|预计于|力争于|将于|拟于|力争|争取|于|在)", "", expression.text)
