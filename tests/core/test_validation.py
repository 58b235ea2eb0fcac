from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import ValidationError
from desktop.core.validation import check_phone, parse_comparator, parse_date, parse_optional_date


@pytest.mark.parametrize(
    "text",
    ["2021-06-10", "2021/6/10", "2021.6.10", "2021年6月10日", "2021年06月10号", "二〇二一年六月十日", "20210610",
     "２０２１年６月１０日", "2021-06-10 00:00:00", "2021-06-10T08:13:24+08:00"],
)
def test_parse_date_accepts_office_spellings(text: str) -> None:
    assert parse_date(text) == dt.date(2021, 6, 10)


def test_parse_date_chinese_numerals_for_two_digit_days() -> None:
    assert parse_date("二〇二一年十二月三十一日") == dt.date(2021, 12, 31)
    assert parse_date("二○二○年九月二十日") == dt.date(2020, 9, 20)


@pytest.mark.parametrize("text", ["2021-13-40", "2021-02-30", "next Tuesday", "2021年2月29日", "12/31"])
def test_parse_date_rejects_impossible_dates(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date(text, "deadline")
    assert caught.value.field == "deadline"
    assert caught.value.message == f"'{text}' is not a date; write it as 2021-12-31."


def test_parse_optional_date_empty_is_none() -> None:
    assert parse_optional_date("  ") is None
    assert parse_optional_date(None) is None


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2199, 12, 31)))
def test_parse_date_round_trips_every_spelling(day: dt.date) -> None:
    for text in (day.isoformat(), f"{day.year}年{day.month}月{day.day}日", f"{day.year}.{day.month}.{day.day}",
                 f"{day.year}/{day.month:02d}/{day.day:02d}"):
        assert parse_date(text) == day


@pytest.mark.parametrize("text", ["85681281", "0519-85681281", "137-8903-2345", "13789032345", "(0519)85681281",
                                  "+86 137 8903 2345", "8339990", "0519-85681281转802"])
def test_check_phone_accepts_real_numbers(text: str) -> None:
    assert check_phone(text) == text


@pytest.mark.parametrize("text", ["12", "abc", "1378903234", "call me", "0519-8568128123456"])
def test_check_phone_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_phone(text)
    assert caught.value.field == "phone"
    assert text in caught.value.message


@pytest.mark.parametrize(("text", "expected"), [(">=", ">="), ("≥", ">="), ("不少于", ">="), ("超过", ">"), ("≤", "<="),
                                                ("range", "range"), ("qualitative", "qualitative"), ("近", "<")])
def test_parse_comparator(text: str, expected: str) -> None:
    assert parse_comparator(text) == expected


def test_parse_comparator_rejects() -> None:
    with pytest.raises(ValidationError, match="not a comparator"):
        parse_comparator("about")
