"""Numbers as Chinese texts write them: Arabic and full-width digits, Chinese numerals, magnitude words, units.

:func:`find_quantities` scans a text for amounts such as ``15亿元``, ``超3万多台套``, ``14000余户``,
``不少于 1 座``, ``30个以上``, ``0.08万人``, ``10年一遇``, ``三千个``, ``超百万``, ``1—2秒`` or ``百分之三十`` and
returns each with its comparator, its value as written, its unit as written (magnitude words included) and the
value in base units (:func:`desktop.core.units.normalize`). It does not decide whether an amount is a target:
that is the job of :mod:`desktop.core.extraction.targets`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from desktop.core.units import normalize, to_number


def fold(text: str) -> str:
    """The text with full-width digits, letters and signs made ASCII, character for character.

    Offsets stay valid: a character whose NFKC form is not exactly one character is kept as it is.
    """
    if text.isascii():
        return text
    return text.translate(_FOLD_TABLE)


def _fold_table() -> dict[int, str]:
    table = {}
    for code in [*range(0xFF01, 0xFF5F), 0xB2, 0xB3, 0x3000, 0xA0]:
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1:
            table[code] = folded
    return table


_FOLD_TABLE = _fold_table()


CN_DIGITS = "零〇一二两三四五六七八九"
CN_UNITS = "十百千万亿"
_CN_CHARS = CN_DIGITS + CN_UNITS

# Magnitude words that fold into the number, longest first.
MAGNITUDE_WORDS = ("万亿", "千万", "百万", "十万", "亿", "万", "千", "百")

# Units and counted nouns (量词) as written after a number, longest first when compiled. Latin units are
# matched without regard to case.
UNIT_WORDS = (
    "个百分点", "百分点", "年一遇", "平方公里", "平方千米", "平方米", "立方米", "千瓦时", "万千瓦", "千瓦", "兆瓦",
    "千伏安", "千伏", "公里", "千米", "延米", "厘米", "毫米", "平米", "平方", "立方", "公顷", "公斤", "千克",
    "微克", "毫克", "毫升", "分贝", "蒸吨", "周岁", "升",
    "台套", "人次", "户次", "家次", "车次", "架次", "班次", "个月", "个工作日", "工作日", "小时", "分钟",
    "美元", "元", "倍", "米", "亩", "吨", "方",
    "个", "家", "台", "座", "所", "户", "人", "名", "位", "栋", "幢", "条", "项", "件", "辆", "套", "处", "间",
    "张", "床", "支", "只", "头", "株", "棵", "盏", "根", "口", "眼", "块", "片", "部", "本", "册", "场", "次",
    "轮", "类", "种", "款", "架", "艘", "列", "趟", "层", "宗", "笔", "篇", "例", "份", "天", "周", "岁", "度",
    "秒", "杆", "班", "站",
    "kwh", "kw", "mw", "kv", "km2", "km²", "km", "m2", "m²", "m3", "m³", "㎡", "cm", "mm", "kg", "gbps",
    "mbps", "tb", "gb", "pb", "μg", "mg", "db", "g", "t", "m", "%", "‰",
)
# Units of a technical specification: an amount in them followed by a noun describes the noun (120KW直流充电桩).
SPEC_UNITS = {"kw", "mw", "kv", "千瓦", "兆瓦", "千伏", "千伏安", "kwh", "千瓦时", "蒸吨"}
MEASURE_UNITS = {"个百分点", "百分点", "%", "‰", "元", "美元", "倍"}

_UNIT_RE = re.compile("|".join(re.escape(u) for u in sorted(UNIT_WORDS, key=len, reverse=True)), re.IGNORECASE)
_MAG_RE = "|".join(MAGNITUDE_WORDS)

_ARABIC = r"\d+(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
_CN_NUMBER = rf"[{_CN_CHARS}]+(?:点[{CN_DIGITS}]+)?"
_NUMBER = re.compile(
    rf"""(?P<pct>百分之)?
        (?P<num>{_ARABIC}|{_CN_NUMBER})
        (?P<more1>[余多])?
        (?P<mag>(?:{_MAG_RE})(?![{CN_DIGITS}十]))?
        (?P<more2>[余多])?""",
    re.VERBOSE,
)
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|－|~|～|〜|至|到)\s*")

# Comparator words before the number (longest first) and after the unit.
PREFIX_COMPARATORS = (
    ("不少于", ">="), ("不低于", ">="), ("不小于", ">="), ("至少", ">="), ("达到", ">="), ("达", ">="),
    ("超过", ">"), ("超出", ">"), ("突破", ">"), ("多于", ">"), ("高于", ">"), ("大于", ">"), ("逾", ">"),
    ("超", ">"),
    ("不超过", "<="), ("不高于", "<="), ("不大于", "<="), ("不多于", "<="),
    ("不到", "<"), ("不足", "<"), ("少于", "<"), ("低于", "<"), ("小于", "<"), ("接近", "<"), ("将近", "<"),
    ("近", "<"),
    ("大约", "="), ("约为", "="), ("约", "="),
    # A cap or a floor written with 最: '每户最高2万元', '最少安排500万元'.
    ("最高", "<="), ("最多", "<="), ("最低", ">="), ("最少", ">="),
)
SUFFIX_COMPARATORS = (("及以上", ">="), ("及以下", "<="), ("以上", ">="), ("以下", "<="),
                       ("以内", "<="), ("之内", "<="), ("左右", "="))
_PREFIX_RE = re.compile("(?:" + "|".join(re.escape(w) for w, _ in PREFIX_COMPARATORS) + r")\s*$")
_PREFIX_MAP = dict(PREFIX_COMPARATORS)
_SUFFIX_RE = re.compile(r"\s*(" + "|".join(w for w, _ in SUFFIX_COMPARATORS) + ")")
_SUFFIX_MAP = dict(SUFFIX_COMPARATORS)
# Words before a number that make it vague or not an amount.
_VAGUE_BEFORE = ("数", "几", "上", "成", "好")


@dataclass
class Quantity:
    """An amount found in a text. Offsets index the text given to :func:`find_quantities`.

    ``start``/``end`` cover the comparator words, the number(s) and the unit; ``number_start`` is where the
    digits begin. ``comparator_word`` is the word the comparator came from ('' when there is none).
    """

    start: int
    end: int
    number_start: int
    value: float | int
    unit: str
    value_normalized: float | int
    unit_normalized: str
    comparator: str = "="
    comparator_word: str = ""
    value_high: float | int | None = None
    value_high_normalized: float | int | None = None
    chinese: bool = False
    spec: bool = False


@lru_cache(maxsize=4096)
def chinese_to_number(text: str) -> Decimal | None:
    """A Chinese numeral as a Decimal: 三千 → 3000, 两 → 2, 十二万五千 → 125000, 千 → 1000; None if not a count.

    Digit-by-digit readings (二〇二一, 一二) are not counts and give None.
    """
    import cn2an  # about 150 ms to import; most texts never need it

    body = text.replace("两", "二")
    if not body:
        return None
    integer = body.split("点", 1)[0]
    if len(integer) > 1 and not any(ch in CN_UNITS for ch in integer):
        return None
    if integer and integer[0] in CN_UNITS and integer[0] != "十":
        body = "一" + body
    try:
        value = cn2an.cn2an(body, "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def parse_number(text: str) -> Decimal | None:
    """'1,200.5', '１２', '3.3' or a Chinese numeral as a Decimal; None when it is not a number."""
    folded = fold(text).replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", folded):
        return Decimal(folded)
    return chinese_to_number(folded)


def _split_chinese_magnitude(num: str) -> tuple[str, str]:
    """千亿 → ('千', '亿'), 三千万 → ('三千', '万'), 一万 → ('一', '万'): the trailing 万/亿 is a magnitude word."""
    for word in ("万亿", "亿", "万"):
        if num.endswith(word) and len(num) > len(word):
            return num[: -len(word)], word
    return num, ""


def find_quantities(original: str, blocked: list[bool] | None = None) -> list[Quantity]:
    """Every amount in the text that has a unit, a magnitude word or a percent sign.

    Full-width digits and letters are read like ASCII ones; units are returned as written. Positions where
    ``blocked`` is True (dates, document numbers, titles...) are never read as numbers.
    """
    text = fold(original)
    found: list[Quantity] = []
    pos = 0
    length = len(text)
    while pos < length:
        match = _NUMBER.search(text, pos)
        if not match:
            break
        pos = match.end()
        start = match.start()
        if blocked is not None and any(blocked[start:match.end()]):
            pos = start + 1
            continue
        quantity = _read_quantity(text, match, original)
        if quantity is None:
            # Let a later, shorter reading start inside this one (e.g. a Chinese numeral after a word).
            pos = max(pos, start + 1) if match.group("num")[0] in _CN_CHARS else pos
            continue
        if blocked is not None and any(blocked[quantity.number_start:quantity.end]):
            continue
        found.append(quantity)
        pos = quantity.end
    return found


def _read_quantity(text: str, match: re.Match[str], original: str) -> Quantity | None:
    num = match.group("num")
    start = match.start()
    before = text[max(0, start - 1):start]
    if before and (before.isascii() and (before.isalnum() or before in "._/-+")):
        return None  # V2G, IPv6, 3.8.1, version numbers and identifiers
    if re.fullmatch(r"\d", num) and re.match(r"G(?![A-Za-z0-9])", text[match.end():match.end() + 2]):
        return None  # 5G, 4G: a generation of mobile networks, not an amount
    chinese = num[0] in _CN_CHARS
    magnitude = match.group("mag") or ""
    if chinese:
        if magnitude:
            return None  # the Chinese numeral already swallowed its magnitude characters
        num, magnitude = _split_chinese_magnitude(num)
        value = chinese_to_number(num)
        if value is None:
            return None
    else:
        try:
            value = Decimal(num.replace(",", ""))
        except InvalidOperation:
            return None
    end = match.end()
    more = bool(match.group("more1") or match.group("more2"))
    # A range: 1—2秒, 3至5个, 30%-40%, 5～10万元.
    value_high: Decimal | None = None
    high_magnitude = ""
    percent_first = text[end:end + 1] == "%" and not magnitude
    sep = _RANGE_SEP.match(text, end + 1 if percent_first else end)
    if sep and not more:
        second = _NUMBER.match(text, sep.end())
        if second and not second.group("pct"):
            high_num = second.group("num")
            high_chinese = high_num[0] in _CN_CHARS
            if high_chinese == chinese:
                if high_chinese:
                    high_num, high_magnitude = _split_chinese_magnitude(high_num)
                    high = chinese_to_number(high_num)
                else:
                    high = Decimal(high_num.replace(",", ""))
                    high_magnitude = second.group("mag") or ""
                unit_after = _UNIT_RE.match(text, second.end())
                high_percent = text[second.end():second.end() + 1] == "%"
                if high is not None and (unit_after or high_magnitude or high_percent) and \
                        (not percent_first or high_percent):
                    if not magnitude:
                        magnitude = high_magnitude
                    value_high = high
                    end = second.end()
                    more = bool(second.group("more1") or second.group("more2"))
    if match.group("pct"):
        unit = "%"
        unit_end = end
    else:
        gap = re.match(r"[ \t\u3000\xa0]*", text[end:end + 3]).end() if end < len(text) else 0
        stray = _STRAY_COMMA_UNIT.match(text, end + gap)
        if stray and not magnitude:
            gap += 1  # '水渠长600,米,': a comma dropped between the number and its unit
        unit_match = _UNIT_RE.match(text, end + gap)
        if unit_match and not _unit_is_word_start(text, unit_match):
            unit_text = original[unit_match.start():unit_match.end()]
            unit_end = unit_match.end()
            slash = re.match(r"/(" + _UNIT_RE.pattern + r"|日|年|月|h)", text[unit_end:], re.IGNORECASE)
            if slash:
                unit_end += slash.end()
                unit_text = original[unit_match.start():unit_end]
        elif magnitude:
            unit_text, unit_end = "", end
        else:
            return None
        unit = magnitude + unit_text
        end = unit_end
    if chinese and not magnitude and value == 1 and not value_high and not _comparator_before(text, start) and \
            not _counted_one(text, start, end, unit):
        return None  # 一个, 一名, 一条: an article ("a"), not a count
    if chinese and match.group("num")[0] in CN_UNITS and match.group("num")[0] != "十" and \
            not _comparator_before(text, start):
        return None  # 千家万户, 百姓: a bare magnitude is a number only after 超, 近, 达...
    if start and text[start - 1] in "第每" and not match.group("pct"):
        return None  # 第三, 每万人: an ordinal or the base of a rate
    if start and chinese and text[start - 1] in _VAGUE_BEFORE and \
            not (text[start - 1] == "上" and start >= 2 and text[start - 2] in "以之"):
        return None  # 数十个, 几百家, 上万人, 成千: vague amounts
    if text[start - 1:start] == "前" and (start < 2 or text[start - 2] not in "目当提此之以年日月"):
        return None  # 前三, 前10位: a ranking
    value_out = to_number(value)
    try:
        normalized, base = normalize(value_out, fold(unit))
        base = unit[len(unit) - len(base):] if base else base
    except (InvalidOperation, ValueError):
        return None
    quantity = Quantity(start=start, end=end, number_start=start, value=value_out, unit=unit,
                        value_normalized=normalized, unit_normalized=base, chinese=chinese)
    if value_high is not None:
        quantity.value_high = to_number(value_high)
        quantity.value_high_normalized = normalize(quantity.value_high, unit)[0]
        quantity.comparator = "range"
    # Comparator words.
    suffix = _SUFFIX_RE.match(text, end)
    prefix = _PREFIX_RE.search(text, max(0, start - 4), start)
    if prefix and prefix.group(0).strip() == "达" and text[max(0, prefix.start() - 1):prefix.start()] in ("到", "发"):
        prefix = None
    if quantity.comparator != "range":
        if suffix:
            quantity.comparator = _SUFFIX_MAP[suffix.group(1)]
            quantity.comparator_word = suffix.group(1)
            quantity.end = suffix.end()
        elif more:
            quantity.comparator, quantity.comparator_word = ">", "余" if "余" in text[start:end] else "多"
        elif prefix:
            word = prefix.group(0).strip()
            quantity.comparator, quantity.comparator_word = _PREFIX_MAP[word], word
    if prefix:
        quantity.start = prefix.start()
    base_unit = _UNIT_RE.fullmatch(unit[len(magnitude):].split("/")[0] or "-")
    quantity.spec = bool(base_unit) and unit[len(magnitude):].split("/")[0].lower() in SPEC_UNITS
    return quantity


# A comma between a number and its unit, left by a crawler: only before a unit that then ends the clause.
_STRAY_COMMA_UNIT = re.compile(r",(?=(?:米|公里|千米|平方米|亩|公顷|吨|元|万元|户|人|个|座|条|处)[，,。；;])")
# 一 + classifier is a count, not the article 'a', where it ends the clause ('在东门增设候客点一处'), or follows 共,
# 仅, 只 or a word of adding ('新增一处'), or, for things built, a verb of building ('新建一所学校').
_ONE_AFTER = re.compile(r"(?:共|共计|仅|只|仅有|只有|增设|新增|增加)$")
_ONE_BUILT_AFTER = re.compile(r"(?:新建|建设|修建|建成|改建|扩建|兴建|安装|配备|设置)$")
_BUILT_COUNTERS = ("座", "所", "处", "条", "辆", "台", "栋", "幢", "套", "间", "盏", "杆", "口", "眼", "站")


def _counted_one(text: str, start: int, end: int, unit: str) -> bool:
    if unit in ("种", "次", "批", "些", "系列", "方", "度", "天", "周", "年"):
        return False
    if re.match(r"\s*(?:[，,。；;！!？?]|$)", text[end:end + 1]) or not text[end:end + 1]:
        return True
    before = text[max(0, start - 3):start]
    return bool(_ONE_AFTER.search(before)) or (unit in _BUILT_COUNTERS and bool(_ONE_BUILT_AFTER.search(before)))


def _comparator_before(text: str, start: int) -> bool:
    return bool(_PREFIX_RE.search(text, max(0, start - 4), start))


# Characters after a unit match that show it is the start of a word, not a unit (5个人 is fine, 3人大 is not).
_NOT_UNIT_AFTER = {
    "人": "大民才口员群士", "名": "单称义牌", "次": "会", "度": "假", "方": "面案式法向针", "部": "门署分",
    "天": "然气", "周": "边年", "场": "景所地", "口": "岸", "头": "部", "米": "粮", "片": "区", "例": "如",
    "处": "理置", "列": "入为", "份": "额", "升": "级值温格", "班": "子级组车次长主", "站": "点长台内式位",
    "杆": "件",
}


def _unit_is_word_start(text: str, unit_match: re.Match[str]) -> bool:
    unit = unit_match.group(0)
    following = text[unit_match.end():unit_match.end() + 1]
    if unit in _NOT_UNIT_AFTER and following and following in _NOT_UNIT_AFTER[unit]:
        return True
    # 5Gbps is a unit; in 5GHz or 4K the letters belong to another word.
    return unit.isascii() and unit[-1:].isalpha() and following.isascii() and following.isalnum()
