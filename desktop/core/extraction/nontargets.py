"""Amounts that are not targets (GUIDELINES §3): specifications, eligibility criteria, the way a thing is done,
counts of what was just named, places."""

from __future__ import annotations

import re

from desktop.core.extraction.numbers import MEASURE_UNITS, Quantity

_AGE_UNITS = ("岁", "周岁")
_LENGTH_UNITS = ("米", "m", "km", "公里", "千米")
_NOUN = r"[\u4e00-\u9fffA-Za-z（）()]{1,12}"


def is_not_a_target(text: str, quantity: Quantity, following: Quantity | None) -> bool:
    """True for an amount that only describes something else: see the functions below. ``text`` is folded."""
    return (is_spec(text, quantity) or is_criterion(text, quantity, following) or is_manner(text, quantity)
            or counts_what_was_named(text, quantity) or is_place(text, quantity))


def is_spec(text: str, quantity: Quantity) -> bool:
    """120KW直流充电桩, 360KW以上大功率充电桩: the rating of a device, followed by the device's name."""
    return quantity.spec and bool(re.match(r"[\u4e00-\u9fffA-Za-z]", text[quantity.end:quantity.end + 1]))


def is_criterion(text: str, quantity: Quantity, following: Quantity | None) -> bool:
    """'60周岁以上老年人口9.46万人', '投资1亿元以上项目20个', '30户及以上通村组硬化路': a bound followed by a noun picks
    out what is counted; it is an eligibility criterion, not a target (GUIDELINES §3). An age bound before a noun
    always is one, and so is a bound on a count that a noun phrase follows inside the clause."""
    if quantity.comparator_word not in ("以上", "以下", "及以上", "及以下"):
        return False
    if quantity.unit in _AGE_UNITS and re.match(_NOUN, text[quantity.end:quantity.end + 1]):
        return True
    if following is not None and re.fullmatch(_NOUN, text[quantity.end:following.start]):
        return True
    counted = quantity.unit not in MEASURE_UNITS and not re.search(r"[%‰米亩吨元]", quantity.unit)
    return counted and bool(re.match(r"(?!的|[，,。；;、])[\u4e00-\u9fff]{2}[^，,。；;]{2}", text[quantity.end:]))


_MANNER_BEFORE = re.compile(r"(?:以|按|按照|采取|采用|通过)[^，,。；;\d]{0,3}$")
_MANNER_AFTER = re.compile(r"[^，,。；;]{0,12}?(?:模式|方式|形式|机制|办法)")


def is_manner(text: str, quantity: Quantity) -> bool:
    """'散户拟以四个一体化净化池模式进行处理': an amount inside the name of a way of doing things."""
    return bool(_MANNER_BEFORE.search(text, max(0, quantity.start - 8), quantity.start)) and \
        bool(_MANNER_AFTER.match(text, quantity.end))


_ORG_END = r"(?:局|办|委|院|厅|中心|公司|政府|部门|单位|街道|社区|乡|镇|村|站|所|队)"
_NAMED_ORGS = re.compile(rf"(?:[\u4e00-\u9fff]{{2,14}}?{_ORG_END}[、和及与]){{1,}}"
                         rf"[\u4e00-\u9fff]{{2,14}}?{_ORG_END}\s*$")
_NAMED_DOCUMENTS = re.compile(r"》\s*[、和及与]?\s*《[^《》]{1,40}》\s*(?:等)?\s*$")


def counts_what_was_named(text: str, quantity: Quantity) -> bool:
    """'由县扶贫办、县农开办、县水利局3家单位筹资', '审议通过《A办法》《B细则》两项制度': a count of the offices or
    documents just named, not a target (GUIDELINES §3, process facts)."""
    before = text[max(0, quantity.start - 60):quantity.start]
    if "》" in before[-4:] and _NAMED_DOCUMENTS.search(before):
        return True
    return any(mark in before for mark in "、和及与") and bool(_NAMED_ORGS.search(before))


_PLACE_BEFORE = re.compile(r"(?:距|距离|离)[^，,。；;\d]{1,20}$|[东南西北]侧?\s*$")


def is_place(text: str, quantity: Quantity) -> bool:
    """'距高速西出口1km处', '(建设北路南50米)': a distance that says where a thing is, not a target."""
    if not any(quantity.unit.endswith(unit) for unit in _LENGTH_UNITS):
        return False
    before = text[max(0, quantity.start - 24):quantity.start]
    if not _PLACE_BEFORE.search(before):
        return False
    return text[quantity.end:quantity.end + 1] in ("处", ")", "）") or before.rstrip().endswith(("东", "南", "西", "北",
                                                                                                 "侧"))
