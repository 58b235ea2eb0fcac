"""Cell values as the import reads them: text, names, numbers, dates (with the sheet's year), deadlines, sessions."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Any

from desktop.core.errors import ValidationError
from desktop.core.names import join_names, split_names
from desktop.core.validation import parse_date

__all__ = ["join_names", "split_names"]

# Larger figures are not amounts an office promises; they are typing errors or hostile input (1e400, Infinity).
MAX_AMOUNT = 1e15
TITLE_LENGTH = 40
# The note the audit workbook appends to a cell it cut at Excel's limit (desktop.core.xlsx_export.safe_text).
CUT_NOTE = re.compile(r"…（已截断，原文共(\d+)字）$")


def text_of(value: Any) -> str | None:
    """A cell as text: None when empty; 3.0 → '3'; dates as ISO dates."""
    if value.__class__ is str:  # most cells (a read of 100 000 rows asks some 4 million times)
        return value.strip() or None
    if value is None:
        return None
    if isinstance(value, float):
        if value.is_integer() and abs(value) < MAX_AMOUNT:
            value = int(value)
        elif not math.isfinite(value):
            return str(value)
    if isinstance(value, dt.datetime):
        value = value.date().isoformat()
    elif isinstance(value, dt.date):
        value = value.isoformat()
    elif isinstance(value, (dt.time, dt.timedelta)):
        value = str(value)
    text = str(value).strip()
    return text or None


def clean_header(value: Any) -> str:
    """A header folded for matching: no spaces, stars or colons, and a trailing (note) removed."""
    text = unicodedata.normalize("NFKC", str(value or ""))
    text = re.sub(r"[\s*＊:：]", "", text)
    return re.sub(r"[(（][^)）]*[)）]$", "", text) or text


def check_amount(value: float | int | None, field: str) -> float | None:
    """A number the ledger can store: finite and below 10^15.

    Raises:
        ValidationError: ``number_too_large``.
    """
    if value is None:
        return None
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number) or abs(number) >= MAX_AMOUNT:
        shown = str(value)
        shown = shown if len(shown) <= 24 else shown[:20] + "…"
        raise ValidationError(field, f"'{shown}' is too large for an amount; write the figure as it is, below "
                              "1 000 000 000 000 000.", code="number_too_large", value=shown)
    return number


def parse_number(value: Any, field: str) -> float | None:
    """A number written in a cell (15, '1,200', '１５'); None when empty.

    Raises:
        ValidationError: ``number_invalid`` or ``number_too_large``.
    """
    if text_of(value) is None:
        return None
    if isinstance(value, bool):
        raise ValidationError(field, f"'{value}' is not a number; write a number such as 15.",
                              code="number_invalid", value=str(value))
    if isinstance(value, (int, float)):
        return check_amount(value, field)
    text = unicodedata.normalize("NFKC", str(value)).replace(",", "").strip()
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", text):
        raise ValidationError(field, f"'{value}' is not a number; write a number such as 15.",
                              code="number_invalid", value=str(value))
    return check_amount(float(text) if len(text) < 400 else math.inf, field)


_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*[日号]?$")


def parse_date_in_year(value: Any, field: str, year: int | None) -> tuple[dt.date, bool]:
    """A date, and whether its year came from the sheet (3月10日 in a sheet of 2021 → 2021-03-10, True).

    Raises:
        ValidationError: not a date (or a date without a year where the sheet has none).
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValidationError(field, f"'{text_of(value)}' is not a date; write it as 2021-12-31.",
                              code="date_invalid", value=text_of(value))
    try:
        return parse_date(value, field), False
    except ValidationError:
        match = _MONTH_DAY.match(unicodedata.normalize("NFKC", str(value)).strip())
        if not match or year is None:
            raise
        try:
            return dt.date(year, int(match.group(1)), int(match.group(2))), True
        except ValueError:
            raise ValidationError(field, f"'{value}' is not a date; write it as 2021-12-31.", code="date_invalid",
                                  value=str(value)) from None


_YEAR_END = re.compile(r"^(\d{4})\s*年?\s*(底|末|年底|年末|年内|全年|)前?$")
_MONTH_END = re.compile(r"^(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(底|末|)前?$")


def parse_deadline(value: Any, year: int | None = None) -> tuple[dt.date | None, str | None]:
    """A deadline as a date where one can be read (2021年底 → 2021-12-31; 6月底 in a sheet of 2021 → 2021-06-30),
    and the words as written."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, (dt.date, dt.datetime)):
        return parse_date(value), None
    text = text_of(value) or ""
    folded = unicodedata.normalize("NFKC", text).strip()
    try:
        return parse_date_in_year(folded, "deadline", year)[0], None
    except ValidationError:
        pass
    match = _YEAR_END.match(folded)
    if match:
        return dt.date(int(match.group(1)), 12, 31), text
    match = _MONTH_END.match(folded)
    if match and 1 <= int(match.group(2)) <= 12 and (match.group(1) or year):
        deadline_year, month = int(match.group(1) or year or 0), int(match.group(2))
        following = dt.date(deadline_year + (month == 12), month % 12 + 1, 1)
        return following - dt.timedelta(days=1), text
    return None, text


def short_title(text: str) -> str:
    """A commitment's short title: its first clause, at most 40 characters."""
    first = re.split(r"[。；;\n]", text.strip(), maxsplit=1)[0].strip()
    return first if len(first) <= TITLE_LENGTH else first[:TITLE_LENGTH] + "…"


def number_digits(number: str) -> str:
    return re.sub(r"\D", "", number or "").lstrip("0") or "0"


# --------------------------------------------------------------------------------------------- title rows
_SESSION = re.compile(r"([\u4e00-\u9fff]{0,12}?[第]?[一二三四五六七八九十\d]+届[\u4e00-\u9fff]{0,6}?"
                      r"[一二三四五六七八九十\d]+次会议)")
_YEAR_BODY = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?\s*([\u4e00-\u9fff]{0,16}?"
                        r"(?:代表建议|委员提案|建议|提案|议案|批评意见))")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年|$)")
_LEDGER_DATE = re.compile(r"(?:填报(?:时间|日期)|截至|截止|统计(?:时间|日期)|制表(?:时间|日期)|日期)\s*[:：]?\s*"
                          r"((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*[日号]?|\s*月(?:底|末)?)?)")


_DATE_ALONE = re.compile(r"((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*[日号]?|\s*月(?:底|末)?))")


def session_from_title(text: str) -> str | None:
    """常州市十六届人大五次会议 from a title row such as 常州市十六届人大五次会议代表建议办理台账."""
    match = _SESSION.search(unicodedata.normalize("NFKC", text or ""))
    return match.group(1) if match else None


def year_session_from_title(text: str) -> str | None:
    """2021年市人大代表建议 from 2021年市人大代表建议办理情况台账: the year and the body name a session."""
    match = _YEAR_BODY.search(unicodedata.normalize("NFKC", text or ""))
    return f"{match.group(1)}年{match.group(2)}" if match else None


def year_of(text: str) -> int | None:
    """The first year (19xx or 20xx) a text names: 2021 from 2021年 or from a sheet named 2021."""
    match = _YEAR.search(unicodedata.normalize("NFKC", text or ""))
    return int(match.group(1)) if match else None


def ledger_date_from_title(text: str) -> dt.date | None:
    """The date the ledger was filled in, from 填报时间：2022年3月31日 / 截至2022年3月 in its title rows."""
    folded = unicodedata.normalize("NFKC", text or "").strip()
    match = _LEDGER_DATE.search(folded) or _DATE_ALONE.fullmatch(folded)
    if not match:
        return None
    written = re.sub(r"\s", "", match.group(1))
    try:
        return parse_date(written)
    except ValidationError:
        pass
    month = re.match(r"(\d{4})[-/.年](\d{1,2})", written)
    if month and 1 <= int(month.group(2)) <= 12:
        year, number = int(month.group(1)), int(month.group(2))
        return dt.date(year + (number == 12), number % 12 + 1, 1) - dt.timedelta(days=1)
    return None


# A date a 落实情况 cell states its figures by: 截至2022年3月底, 2022年3月31日, 2022-03-31, 2021年底. A date followed
# by 前 is a deadline (2022年底前建成), and a year alone (2022年) says no day.
_STATED_DATE = re.compile(
    r"(?>((?:19|20)\d{2})\s*(?:年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号]|[底末])?|(底|末))"
    r"|[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})))(?!\s*(?:之|以)?前)")


def stated_dates(text: str) -> list[tuple[int, dt.date]]:
    """The dates a text states, with where each starts: 截至2022年3月底 → (2, 2022-03-31); a month alone is its
    last day, a year's end (2021年底) the 31st of December; deadlines (2022年底前) and bare years are not dates."""
    found = []
    for match in _STATED_DATE.finditer(unicodedata.normalize("NFKC", text or "")):
        year, month, day, year_end, iso_month, iso_day = match.groups()
        month, day = (iso_month, iso_day) if iso_month else (month, day)
        if (month is None and not year_end) or (month is not None and not 1 <= int(month) <= 12):
            continue
        try:
            if month is None:
                date = dt.date(int(year), 12, 31)
            elif day is None:
                number = int(month)
                date = dt.date(int(year) + (number == 12), number % 12 + 1, 1) - dt.timedelta(days=1)
            else:
                date = dt.date(int(year), int(month), int(day))
        except ValueError:  # 2022年2月30日: not a date
            continue
        found.append((match.start(), date))
    return found


def kind_from_text(text: str) -> str | None:
    for code, label in (("criticism", "批评"), ("motion", "议案"), ("proposal", "提案"), ("suggestion", "建议")):
        if label in (text or ""):
            return code
    return None
