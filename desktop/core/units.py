"""Units as written and in base units: magnitude words (万, 亿, 千...) fold into the number.

15亿元 → 1 500 000 000 元, 1.5万户 → 15 000 户, 2.85万m³ → 28 500 m³. SI units (km, 千克) stay as they are;
converting between units of one dimension (公里 and 米, 亿元 and 万元) is :func:`convert`.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from desktop.core.errors import ValidationError

# Longest first, so 百万 wins over 百 and 万亿 over 万.
MAGNITUDES: dict[str, Decimal] = {
    "万亿": Decimal(10) ** 12,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "十万": Decimal(10) ** 5,
    "亿": Decimal(10) ** 8,
    "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3,
    "百": Decimal(10) ** 2,
}

# Units that start with a magnitude character but are units of their own.
_WORDS_NOT_MAGNITUDES = ("百分点", "百分比", "千克", "千米", "千瓦时", "千瓦", "千伏安", "千伏", "千帕", "千兆", "万兆",
                         "百兆", "十分")

# Base unit aliases and their factor to the dimension's reference unit. Units missing here compare only
# with themselves (个 with 个, 家 with 家).
_DIMENSIONS: dict[str, tuple[str, Decimal]] = {
    "m": ("m", Decimal(1)), "米": ("m", Decimal(1)),
    "km": ("m", Decimal(1000)), "公里": ("m", Decimal(1000)), "千米": ("m", Decimal(1000)),
    "m²": ("m²", Decimal(1)), "m2": ("m²", Decimal(1)), "㎡": ("m²", Decimal(1)), "平方米": ("m²", Decimal(1)),
    "平米": ("m²", Decimal(1)), "平方": ("m²", Decimal(1)),
    "km²": ("m²", Decimal(10) ** 6), "km2": ("m²", Decimal(10) ** 6), "平方公里": ("m²", Decimal(10) ** 6),
    "公顷": ("m²", Decimal(10) ** 4), "亩": ("m²", Decimal("666.6666666666667")),
    "m³": ("m³", Decimal(1)), "m3": ("m³", Decimal(1)), "立方米": ("m³", Decimal(1)), "方": ("m³", Decimal(1)),
    "t": ("t", Decimal(1)), "吨": ("t", Decimal(1)), "kg": ("t", Decimal("0.001")), "千克": ("t", Decimal("0.001")),
    "公斤": ("t", Decimal("0.001")),
    "元": ("元", Decimal(1)), "美元": ("美元", Decimal(1)),
    "%": ("%", Decimal(1)), "％": ("%", Decimal(1)), "百分比": ("%", Decimal(1)),
    "kw": ("kW", Decimal(1)), "kW": ("kW", Decimal(1)), "千瓦": ("kW", Decimal(1)),
    "mw": ("kW", Decimal(1000)), "MW": ("kW", Decimal(1000)), "兆瓦": ("kW", Decimal(1000)),
    "G": ("G", Decimal(1)), "Gbps": ("G", Decimal(1)), "T": ("G", Decimal(1000)), "Tbps": ("G", Decimal(1000)),
}


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as written and the same amount in base units."""

    value: float
    unit: str
    value_normalized: float
    unit_normalized: str


@lru_cache(maxsize=4096)  # a ledger writes its units a few dozen ways; judging 100 000 targets splits them all
def split_unit(unit: str) -> tuple[Decimal, str]:
    """Split a unit as written into (magnitude factor, base unit): 亿元 → (10^8, 元), 万 → (10^4, '')."""
    unit = (unit or "").strip()
    if unit.startswith(_WORDS_NOT_MAGNITUDES):
        return Decimal(1), unit
    for word, factor in MAGNITUDES.items():
        if unit.startswith(word):
            rest = unit[len(word):]
            if rest.startswith(_WORDS_NOT_MAGNITUDES):
                return factor, rest
            inner, base = split_unit(rest) if rest[:1] in "万亿千百十" else (Decimal(1), rest)
            return factor * inner, base
    return Decimal(1), unit


_LARGEST_FLOAT = Decimal(sys.float_info.max)


def to_number(value: Decimal) -> float | int:
    """An exact Decimal as int when it is whole, float otherwise (JSON and SQLite friendly).

    Raises:
        ValidationError: the value is not finite ("Infinity", "NaN") or beyond what a float holds (a 400-digit
            number). Below that, how large an amount may be is the caller's rule (the store refuses what SQLite
            cannot hold, the ledger import what no office promises).
    """
    if not value.is_finite():
        raise ValidationError("value", f"'{value}' is not a number; write digits such as 1.5 or 15000.",
                              code="number_invalid", value=str(value))
    if abs(value) > _LARGEST_FLOAT:  # no amount is this large, and no float can hold it (400 digits)
        shown = f"{value:.3E}"
        raise ValidationError("value", f"'{shown}' is too large for an amount; write the figure as it is.",
                              code="number_too_large", value=shown)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def normalize(value: float | int | str | Decimal, unit: str) -> tuple[float | int, str]:
    """Fold the unit's magnitude word into the value: (15, '亿元') → (1500000000, '元').

    Raises:
        ValidationError: the value is not a finite number.
    """
    factor, base = split_unit(unit)
    try:
        number = Decimal(str(value))
    except InvalidOperation as error:
        raise ValidationError("value", f"'{value}' is not a number; write digits such as 1.5 or 15000.",
                              code="number_invalid", value=str(value)) from error
    return to_number(number * factor), base


_QUANTITY = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?)\s*(.*?)\s*$")


def parse_quantity(text: str, field: str = "value") -> Quantity:
    """Parse '15亿元', '1.5 万户', '30%', '１２００' (full-width) or a Chinese numeral such as '三千个'.

    Raises:
        ValidationError: when no number can be read.
    """
    raw = (text or "").strip()
    folded = unicodedata.normalize("NFKC", raw).replace(",", "")
    match = _QUANTITY.match(folded)
    if match:
        number, unit = match.group(1), match.group(2)
    else:
        number, unit = _split_chinese_numeral(folded)
        if number is None:
            raise ValidationError(field, f"'{raw}' is not a number; write digits such as 1.5 or 15000.",
                                  code="number_invalid", value=raw)
    value = to_number(Decimal(number))
    normalized, base = normalize(number, unit)
    return Quantity(value=value, unit=unit, value_normalized=normalized, unit_normalized=base)


def _split_chinese_numeral(text: str) -> tuple[str | None, str]:
    """Leading Chinese numeral and the rest: '三千个' → ('3000', '个'); '两条' → ('2', '条')."""
    import cn2an  # a few hundred ms to import; only needed for Chinese numerals

    digits = "零〇一二两三四五六七八九十百千万亿点"
    end = 0
    while end < len(text) and text[end] in digits:
        end += 1
    # Keep a trailing magnitude word as part of the unit when the rest is a unit (五千万元 → 5000 万元).
    for stop in range(end, 0, -1):
        head = text[:stop].replace("两", "二")
        try:
            number = cn2an.cn2an(head, "smart")
        except (ValueError, KeyError, IndexError):
            continue
        return str(number), text[stop:]
    return None, text


@lru_cache(maxsize=4096)
def dimension(unit_normalized: str) -> tuple[str, Decimal]:
    """The dimension a base unit belongs to and its factor to that dimension's reference unit."""
    unit = (unit_normalized or "").strip()
    return _DIMENSIONS.get(unit, _DIMENSIONS.get(unit.lower(), (unit, Decimal(1))))


def convert(value: float, from_unit: str, to_unit: str) -> float | None:
    """Convert a value between units as written (万个 → 个, 亿元 → 万元, 公里 → 米); None when incompatible."""
    from_factor, from_base = split_unit(from_unit)
    to_factor, to_base = split_unit(to_unit)
    from_dim, from_scale = dimension(from_base)
    to_dim, to_scale = dimension(to_base)
    if from_dim != to_dim:
        return None
    try:
        result = Decimal(str(value)) * from_factor * from_scale / (to_factor * to_scale)
        return to_number(result)
    except (InvalidOperation, ValidationError):
        return None


def compatible(unit_a: str, unit_b: str) -> bool:
    """True when amounts in the two units can be compared after conversion."""
    return convert(1, unit_a, unit_b) is not None
