"""The name of what a figure measures, taken from the words around it."""

from __future__ import annotations

import re

from desktop.core.extraction.cues import CLAUSE_LEAD, FLOW_VERBS, VERB_TAIL
from desktop.core.extraction.numbers import Quantity
from desktop.core.extraction.sentences import Clause
from desktop.core.extraction.timeexpr import TimeExpression

# Where a time expression stood: a boundary for :func:`shorten`, removed from every name returned.
_CUT = "\ue000"


def strip_indicator(text: str, times: list[TimeExpression], offset: int, keep_cuts: bool = False) -> str:
    """The words of ``text`` (at ``offset``) that may name an indicator: without time expressions, punctuation,
    leading connectives and trailing verbs. With ``keep_cuts`` a mark stays where a time expression was."""
    chars = list(text)
    for expression in times:
        for k in range(expression.start - offset, expression.end - offset):
            if 0 <= k < len(chars):
                chars[k] = _CUT
    cleaned = "".join(chars)
    cleaned = re.sub(r"[\s，,、。；;：:()（）]+", "", cleaned)
    for _ in range(3):
        cleaned = CLAUSE_LEAD.sub("", cleaned.lstrip(_CUT))
        cleaned = VERB_TAIL.sub("", cleaned.rstrip(_CUT))
        cleaned = re.sub(r"^(?:[在于到至从对由为]|拥有|有)", "", cleaned)
    cleaned = cleaned.strip("的 " + _CUT)
    return cleaned if keep_cuts else cleaned.replace(_CUT, "")


def name_indicator(text: str, clause: Clause, quantity: Quantity, previous_end: int, next_start: int,
                   times: list[TimeExpression], previous_indicator: str | None) -> str:
    """A short name for what ``quantity`` measures, from the words before it in its clause or the noun after it."""
    return _name(text, clause, quantity, previous_end, next_start, times, previous_indicator).replace(_CUT, "")


def _name(text: str, clause: Clause, quantity: Quantity, previous_end: int, next_start: int,
          times: list[TimeExpression], previous_indicator: str | None) -> str:
    before = strip_indicator(text[previous_end:quantity.start], times, previous_end, keep_cuts=True)
    before = re.sub(r"(?:和|与|及|以及|并|了)$", "", before)
    after_text = text[quantity.end:next_start]
    after = re.split(r"[，,。；;：:、（(]", after_text, maxsplit=1)[0]
    after = re.sub(r"^(?:的|左右|以上|以下)", "", after).strip()
    after = re.split(r"(?:全部|全面|已|将|可|实现|完成|上线|投入|进行|提供|的[\u4e00-\u9fff]{0,2}需求)", after)[0]
    counted = quantity.unit_normalized not in ("%", "元", "", "km", "m", "平米", "平方米", "亩", "m³", "G") and \
        not re.search(r"[米亩吨元%]", quantity.unit or "")
    # '新建一所寄宿制学校', '4个示范乡镇', '50亩小龙虾养殖': the noun right after the amount names what it counts,
    # unless the words before already do.
    weak_before = len(before) <= 4 or bool(_WEAK_BEFORE.search(before))
    # A two-character noun ('项目') names a count only after weak words: alone it would match any indicator.
    names_count = len(after) >= 3 or (len(after) == 2 and weak_before)
    if names_count and (weak_before or counted) and after_text[:1] not in "，,。；;：:、（(":
        own_words = previous_end == clause.start and len(before) <= 4 and not _WEAK_BEFORE.search(before)
        name = (before if own_words else "") + after
        if counted and not re.search(r"(数|量)$", name):
            name += "数"
        return shorten(name)
    if len(before) >= 2 and not FLOW_VERBS.fullmatch(before) and not re.fullmatch(r"[\u4e00-\u9fff]{1,2}", before):
        name = shorten(before)
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
    return shorten(before) or clause.text.strip()[:20]


_LONGEST = 15
# Words before an amount that do not name anything: a verb of bringing in, involving, keeping, or a measure word.
_WEAK_BEFORE = re.compile(r"(?:引进|涉及|仍有|仍|按|为|约|共|有|可同时容纳|容纳|达|范围内|规模)$")
# Where the words before a figure stop naming what it measures: after 的, a subject with its plan word, a
# preposition ('您提到的北大街金源嘉园附近将于年内安装智能路灯' → '安装智能路灯').
_BOUNDARY = re.compile(_CUT + r"|的|将|拟|计划|预计|力争|争取|已|对|在|把|给|向|就|按照|根据|通过|其中|由于|经过")


def shorten(name: str) -> str:
    """A short noun phrase (at most about fifteen characters) for what a figure measures, from the words before
    it: the part after the last boundary word that leaves at least four characters, else the last characters."""
    if len(name.replace(_CUT, "")) <= _LONGEST:
        return name.replace(_CUT, "")
    for match in reversed(list(_BOUNDARY.finditer(name))):
        rest = name[match.end():].replace(_CUT, "")
        if 4 <= len(rest) <= _LONGEST:
            return rest
        if len(rest) > _LONGEST:
            break
    return name.replace(_CUT, "")[-_LONGEST:]

