"""Field validation with one clear sentence per problem: dates, phone numbers, comparators, text."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from desktop.core.errors import ValidationError

COMPARATORS = (">=", ">", "=", "<=", "<", "range", "qualitative")
_COMPARATOR_ALIASES = {
    "≥": ">=", "＞": ">", "≤": "<=", "＜": "<", "==": "=", "＝": "=",
    "不少于": ">=", "不低于": ">=", "达到": ">=", "以上": ">=", "至少": ">=",
    "超过": ">", "超": ">", "突破": ">", "多于": ">",
    "不超过": "<=", "不高于": "<=", "以内": "<=", "以下": "<=",
    "低于": "<", "少于": "<", "不到": "<", "近": "<",
    "约": "=", "等于": "=", "范围": "range", "区间": "range", "定性": "qualitative",
}

_CN_DIGITS = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "O": "0", "一": "1", "二": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_CN_SMALL = re.compile(r"^(十|[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])$")
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_CN_DATE = re.compile(
    r"^([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})[日号]$")


def _small_chinese_number(text: str) -> int:
    """一 .. 三十一 (months and days written in Chinese)."""
    if not _CN_SMALL.match(text):
        raise ValueError(text)
    if "十" not in text:
        return int(_CN_DIGITS[text])
    tens, _, ones = text.partition("十")
    return (int(_CN_DIGITS[tens]) if tens else 1) * 10 + (int(_CN_DIGITS[ones]) if ones else 0)


def parse_date(value: object, field: str = "date") -> dt.date:
    """Read a date written as 2021-06-10, 2021/6/10, 2021.6.10, 2021年6月10日, 二〇二一年六月十日 or a date object.

    Raises:
        ValidationError: for text that is not a real calendar date.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = str(value or "").strip()
    text = unicodedata.normalize("NFKC", raw)
    text = re.sub(r"[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?$", "", text).strip()
    parts: tuple[int, int, int] | None = None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            parts = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
            break
    if parts is None:
        match = _CN_DATE.match(text.replace(" ", ""))
        if match:
            try:
                year = int("".join(_CN_DIGITS[c] for c in match.group(1)))
                parts = (year, _small_chinese_number(match.group(2)), _small_chinese_number(match.group(3)))
            except (KeyError, ValueError):
                parts = None
    if parts is not None:
        try:
            return dt.date(*parts)
        except ValueError:
            pass
    if not raw:
        raise ValidationError(field, f"The field '{field}' needs a date; write it as 2021-12-31.",
                              code="date_missing")
    raise ValidationError(field, f"'{raw}' is not a date; write it as 2021-12-31.", code="date_invalid", value=raw)


def parse_optional_date(value: object, field: str = "date") -> dt.date | None:
    """Like :func:`parse_date`, but empty input gives None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value, field)


_PHONE_ALLOWED = re.compile(r"^[0-9+\-()\s（）转]+$")


def check_phone(value: str, field: str = "phone") -> str:
    """Accept a Chinese landline (85681281, 0519-85681281) or mobile (137-8903-2345) as written.

    Raises:
        ValidationError: when the text cannot be a phone number.
    """
    raw = (value or "").strip()
    text = unicodedata.normalize("NFKC", raw)
    if not _PHONE_ALLOWED.match(text):
        raise ValidationError(field, f"'{raw}' is not a phone number; use digits, spaces and dashes only, "
                              "such as 0519-85681281 or 137-8903-2345.", code="phone_invalid", value=raw)
    main = re.split(r"转", text)[0]
    digits = re.sub(r"\D", "", main)
    if digits.startswith("86") and len(digits) > 11:
        digits = digits[2:]
    if digits.startswith("1") and len(digits) == 11:
        return raw
    if 7 <= len(digits) <= 12 and not digits.startswith("1"):
        return raw
    raise ValidationError(field, f"'{raw}' is not a phone number; a mobile number has 11 digits and a landline "
                          "7 or 8 digits after its area code.", code="phone_invalid", value=raw)


def parse_comparator(value: str, field: str = "comparator") -> str:
    """Map a comparator symbol or word (≥, 不少于, range...) to one of :data:`COMPARATORS`.

    Raises:
        ValidationError: for anything else.
    """
    text = unicodedata.normalize("NFKC", (value or "").strip())
    if text in COMPARATORS:
        return text
    mapped = _COMPARATOR_ALIASES.get(text) or _COMPARATOR_ALIASES.get(value.strip() if value else "")
    if mapped:
        return mapped
    raise ValidationError(field, f"'{value}' is not a comparator; use one of >=, >, =, <=, <, range or qualitative.",
                          code="comparator_invalid", value=value)


def require_text(value: str | None, field: str, label: str) -> ValidationError | None:
    """A problem when a required text is empty, else None."""
    if value is None or not str(value).strip():
        return ValidationError(field, f"{label} is required; fill it in.", code="required", label=label)
    return None
