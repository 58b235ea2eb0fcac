"""The words that tell a promise from a fact, a stock from a flow, and the clause a time expression governs."""

from __future__ import annotations

import datetime as dt
import re

from desktop.core.extraction.numbers import Quantity
from desktop.core.extraction.sentences import Clause, Sentence
from desktop.core.extraction.timeexpr import TimeExpression

COMMITMENT_CUES = re.compile(
    r"已将|计划|拟(?!定)|(?<!即)将(?!近|其|军|来|所|此|之)|预计|力争|争取|确保|规划|需要|(?<![必所])需(?!求)|目标(?!(?:任务)?的)|预期|打算|届时|"
    r"实施后|建成后|完成后|投用后|投产后|到位后|(?<![主重需纲摘必只首紧简概])要(?![求点素害闻件])|"
    r"可(?=完工|竣工|建成|满足|实现|新增|达到|完成|投用|解决|覆盖|容纳|提供|带动|惠及|减少|增加|节约|节省)")
BASELINE_CUES = re.compile(
    r"已将|目前|当前|现有|现已|已经|(?<![而不])已|截至|截止|至今|以来|去年|上年|共有|现状|获评|获批|荣获|建有|同比|正在|在建|"
    r"(?<=[\u4e00-\u9fff])(?<![为除罢])了(?![解如却结])")
OUTCOME_VERBS = re.compile(
    r"实现|完成|建成|完工|竣工|开工|动工|投用|投产|投入使用|运营|启用|启动|重启|开通|通车|上线|覆盖|形成|打造|走出|"
    r"达到|达标|落地|交付|出台|制定|印发|修订|编制|改造|消除|解决|开放|推广|创成|创建|验收|搬迁|安装|铺设|改建|动建|建设|"
    r"新建|扩建|拆除|整治|治理|构建|建立|健全|迈入|跻身|成为|贯通|接通|投运|挂牌|开业|开园|提升|补齐|缓解")
TRUE_MARKERS = re.compile(
    r"累计|总计|共计|共有|保有量|总量|总数(?!的)|"
    r"(?<![公中])共(?![同享识性治赢商担青育生融济产谋筑抓促创])(?!建(?![设成]))(?=[\u4e00-\u9fff\d])")
NEW_MARKERS = re.compile(r"新增|新建|新开工|新开通|新培育|新认定|新引进")
FLOW_VERBS = re.compile(r"完成|投入|改造|建设|实施|培育|遴选|打造|创建|新建|新增|发放|培训|举办|开展|引进|招引|认定|"
                        r"配备|优化|更新|申报|"
                         r"铺设|安装|改建|扩建|修建|种植|植树|补贴|资助|奖励|淘汰|安排|争取|处理|帮扶|扶持")
CLAUSE_LEAD = re.compile(
    r"^(?:[一二三四五六七八九十]+是|其中|同时|并且|并|此外|另外|以及|和|且|而且|另|再|还|也|即|及|"
    r"(?:全|我|本|该)(?:市|县|区|省|镇|乡|局|委|单位|街道)|目前|当前|截至目前|现已|现有|现|已经|已|计划|拟|将|"
    r"预计|力争|争取|确保|需要|需|共计|共有|共|累计|今年|年内|届时|规划)+")
VERB_TAIL = re.compile(r"(?:累计|共计|共|总计|达到|达|超过|超|突破|为|是|约|近|有|拥有|不少于|不低于|至少|控制在|"
                        r"提高到|提升到|提高至|提升至|增加到|增至|降至|达成|完成|实现)+$")
SUBJECT_HEAD = re.compile(r"^(?:(?:全|我|本)(?:市|县|区|省|镇|乡|局|委)|[\u4e00-\u9fff]{2,4}(?:市|县|区))")


def find_cues(text: str, start: int, end: int, times: list[TimeExpression],
          reference: dt.date | None, status_times: frozenset[int] = frozenset()) -> list[tuple[int, str]]:
    """(position, kind) of the kind cues in text[start:end], time expressions included (except those starting
    at ``status_times``, which only name the current period)."""
    found: list[tuple[int, str]] = []
    segment = text[start:end]
    for match in COMMITMENT_CUES.finditer(segment):
        if segment[max(0, match.start() - 2):match.start()].endswith(("已", "已经", "曾")):
            continue  # 已争取, 已计划: a plan word after 已 tells what was done, not what will be
        kind = "baseline" if match.group(0) == "已将" else "commitment"
        found.append((start + match.start(), kind))
    for match in BASELINE_CUES.finditer(segment):
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
TARGET_WORDS = re.compile(r"不低于|不少于|不超过|不高于|控制在|至少")
PRESENT_PERIOD = ("今年", "本年", "当年", "全年", "本年度")


BOUND_WORDS = ("不少于", "不低于", "不小于", "至少", "不超过", "不高于", "不大于", "不多于")


def sets_a_bound(folded: str, clause: Clause, quantity: Quantity) -> bool:
    """'浓度控制在35微克/立方米以内', '覆盖率不低于90%': with no other cue, a bound to keep is a target."""
    return quantity.comparator_word in BOUND_WORDS or \
        bool(re.search(r"控制在\s*(?:约|大约)?\s*$", folded[clause.start:quantity.start]))


def status_times(folded: str, sentence: Sentence, sentence_times: list[TimeExpression],
                  reference: dt.date | None) -> frozenset[int]:
    """'今年全市高校毕业生达2.3万人，比上年增加0.25万人': a bare 今年 with no plan word in a sentence that states
    facts (比上年, 同比, 已…) names the current period; it does not make the figures promises (GUIDELINES §3: 今年
    is a commitment cue only with a plan)."""
    present = [t for t in sentence_times if t.role == "deadline" and t.text in PRESENT_PERIOD]
    if not present:
        return frozenset()
    text = folded[sentence.start:sentence.end]
    if any(not text[max(0, m.start() - 2):m.start()].endswith(("已", "已经", "曾"))
           for m in COMMITMENT_CUES.finditer(text)):
        return frozenset()
    if any(t.role == "deadline" and t.is_future(reference) and t.text not in PRESENT_PERIOD for t in sentence_times):
        return frozenset()
    if not any(m.group(0) != "已将" for m in BASELINE_CUES.finditer(text)) or TARGET_WORDS.search(text):
        return frozenset()
    return frozenset(t.start for t in present)


def governing_times(times: list[TimeExpression], start: int, end: int) -> list[TimeExpression]:
    return [t for t in times if start <= t.start < end and t.role == "deadline"]

