"""The name of what a figure measures, taken from the words around it."""

from __future__ import annotations

import re

from desktop.core.extraction.cues import CLAUSE_LEAD, FLOW_VERBS, VERB_TAIL
from desktop.core.extraction.numbers import Quantity
from desktop.core.extraction.sentences import Clause
from desktop.core.extraction.timeexpr import TimeExpression


def strip_indicator(text: str, times: list[TimeExpression], offset: int) -> str:
    chars = list(text)
    for expression in times:
        for k in range(expression.start - offset, expression.end - offset):
            if 0 <= k < len(chars):
                chars[k] = " "
    cleaned = "".join(chars)
    cleaned = re.sub(r"[\s，,、。；;：:]+", "", cleaned)
    for _ in range(3):
        cleaned = CLAUSE_LEAD.sub("", cleaned)
        cleaned = VERB_TAIL.sub("", cleaned)
        cleaned = re.sub(r"^(?:[在于到至从对由为]|拥有|有)", "", cleaned)
    return cleaned.strip("的 ")


def name_indicator(text: str, clause: Clause, quantity: Quantity, previous_end: int, next_start: int,
               times: list[TimeExpression], previous_indicator: str | None) -> str:
    before = strip_indicator(text[previous_end:quantity.start], times, previous_end)
    after_text = text[quantity.end:next_start]
    after = re.split(r"[，,。；;：:、（(]", after_text, maxsplit=1)[0]
    after = re.sub(r"^(?:的|左右|以上|以下)", "", after).strip()
    after = re.split(r"(?:全部|全面|已|将|可|实现|完成|上线|投入|进行|提供|的[\u4e00-\u9fff]{0,2}需求)", after)[0]
    counted = quantity.unit_normalized not in ("%", "元", "", "km", "m", "平米", "平方米", "亩", "m³", "G") and \
        not re.search(r"[米亩吨元%]", quantity.unit or "")
    if len(before) >= 2 and not FLOW_VERBS.fullmatch(before) and not re.fullmatch(r"[\u4e00-\u9fff]{1,2}", before):
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

