from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.extraction import find_time_expressions

LETTER_DATE = dt.date(2021, 6, 8)


def _one(text: str, reference: dt.date | None = LETTER_DATE):
    found = find_time_expressions(text, reference)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "deadline"), [
    ("2021年完成", dt.date(2021, 12, 31)),
    ("今年年底前完成", dt.date(2021, 12, 31)),
    ("年底前完成", dt.date(2021, 12, 31)),
    ("年内完成", dt.date(2021, 12, 31)),
    ("明年建成", dt.date(2022, 12, 31)),
    ("明年上半年建成", dt.date(2022, 6, 30)),
    ("上半年完成", dt.date(2021, 6, 30)),
    ("下半年完成", dt.date(2021, 12, 31)),
    ("到“十四五”期末，实现", dt.date(2025, 12, 31)),
    ("十四五期间完成", dt.date(2025, 12, 31)),
    ("到2025年，建成", dt.date(2025, 12, 31)),
    ("12月底完成", dt.date(2021, 12, 31)),
    ("9月份开工", dt.date(2021, 9, 30)),
    ("10月下旬完成", dt.date(2021, 10, 31)),
    ("10月中旬完成", dt.date(2021, 10, 20)),
    ("10月上旬完成", dt.date(2021, 10, 10)),
    ("12月15日前可完工", dt.date(2021, 12, 15)),
    ("2022年4月竣工", dt.date(2022, 4, 30)),
    ("2024-2026年实施", dt.date(2026, 12, 31)),
    ("四季度完成", dt.date(2021, 12, 31)),
    ("今年6月底前完成", dt.date(2021, 6, 30)),
    ("二〇二一年六月十日", dt.date(2021, 6, 10)),
])
def test_deadlines_relative_to_the_letter_date(text: str, deadline: dt.date) -> None:
    assert _one(text).deadline == deadline


def test_year_left_out_comes_from_the_reference_date() -> None:
    assert _one("年底前完成", dt.date(2019, 7, 26)).deadline == dt.date(2019, 12, 31)
    assert _one("12月15日前该工程项目可完工", dt.date(2020, 9, 20)).deadline == dt.date(2020, 12, 15)


def test_year_left_out_comes_from_an_earlier_full_date_in_the_paragraph() -> None:
    found = find_time_expressions("2022年3月1日召开推进会，要求6月底前完成。", LETTER_DATE)
    assert [e.deadline for e in found] == [dt.date(2022, 3, 1), dt.date(2022, 6, 30)]


def test_without_any_year_the_deadline_is_unknown_but_the_text_is_kept() -> None:
    expression = _one("12月底完成", None)
    assert expression.deadline is None and expression.text == "12月底"


def test_seasons_have_no_date() -> None:
    expression = _one("明春完工")
    assert expression.deadline is None and expression.text == "明春"


def test_roles() -> None:
    assert _one("截至2021年底，全市").role == "asof"
    assert _one("自2014年7月开工建设").role == "start"
    assert _one("2020年以来").role == "start"
    assert _one("2000年底前建成的老旧小区").role == "modifier"
    assert _one("到2025年，全市").role == "deadline"


def test_future_and_past() -> None:
    assert _one("2021年完成").is_future(LETTER_DATE) is True
    assert _one("2020年完成").is_future(LETTER_DATE) is False
    assert _one("2020年完成", None).is_future(None) is None
    assert _one("到2025年", None).is_future(None) is True


def test_not_time_expressions() -> None:
    assert find_time_expressions("治理标准为10年一遇，3个月内", LETTER_DATE) == []


@pytest.mark.parametrize("text", ["今年秋季学期投入使用", "明年春季开学", "2022年秋季完工", "秋季学期启用"])
def test_seasons_written_with_季_have_no_date(text: str) -> None:
    expression = _one(text)
    assert expression.deadline is None and expression.text.endswith(("季", "学期"))


def test_bare_year_words_take_the_year_the_paragraph_speaks_of() -> None:
    found = find_time_expressions("2020年，全市完成造林1万亩。全年新增绿地50公顷，年底前验收。", LETTER_DATE)
    assert [(e.text, e.deadline) for e in found] == [
        ("2020年", dt.date(2020, 12, 31)), ("全年", dt.date(2020, 12, 31)), ("年底前", dt.date(2020, 12, 31))]
    assert not found[1].is_future(LETTER_DATE)


def test_bare_month_takes_an_opening_year_of_the_paragraph() -> None:
    found = find_time_expressions("2022年，计划新建公园3个。项目将于10月底前开工。", None)
    assert found[-1].deadline == dt.date(2022, 10, 31)


def test_bare_year_words_skip_status_and_start_years() -> None:
    found = find_time_expressions("截至2020年底，累计建成公园8个。2019年以来新增3个，年内再建2个。", LETTER_DATE)
    assert found[-1].text == "年内" and found[-1].deadline == dt.date(2021, 12, 31)


def test_annual_target_is_an_attribute_not_a_deadline() -> None:
    (expression,) = find_time_expressions("完成年度目标任务的80%", LETTER_DATE)
    assert expression.role == "modifier"
    assert _one("年度完成投资5亿元").role == "deadline"


def test_seasons_are_ahead_or_past_by_the_reference_date() -> None:
    assert [e.is_future(LETTER_DATE) for e in find_time_expressions("今冬明春", LETTER_DATE)] == [True, True]
    assert _one("今春完成").is_future(LETTER_DATE) is False
    assert _one("今年秋季学期启用").is_future(LETTER_DATE) is True
    assert _one("春节前发放").is_future(LETTER_DATE) is None


def test_annual_plan_as_a_noun_and_as_a_verb() -> None:
    assert _one("完成全年计划的60%").role == "modifier"
    assert _one("全年计划开展培训").role == "deadline"


def test_points_to_reach_are_ahead_even_without_a_reference_date() -> None:
    assert _one("年内完成", None).is_future(None) is True
    assert _one("年底建成", None).is_future(None) is True
    assert find_time_expressions("计划5月开工", None)[0].is_future(None) is True
    assert _one("5月开工", None).is_future(None) is True  # a month and an outcome: a point to reach
    assert _one("5月份", None).is_future(None) is None


def test_this_year_named_later_in_the_paragraph_wins_over_an_earlier_year() -> None:
    text = "2020年，全市完成改造40个。今年将新建公园3个，年底前完成验收。明年3月开工，6月底前完成。"
    found = find_time_expressions(text, LETTER_DATE)
    assert [(e.text, e.deadline) for e in found] == [
        ("2020年", dt.date(2020, 12, 31)), ("今年", dt.date(2021, 12, 31)), ("年底前", dt.date(2021, 12, 31)),
        ("明年3月", dt.date(2022, 3, 31)), ("6月底前", dt.date(2022, 6, 30))]


def test_year_a_change_is_measured_from_is_not_a_deadline() -> None:
    base = find_time_expressions("到2025年，能耗比2020年下降13.5%", LETTER_DATE)[1]
    assert base.text == "2020年" and base.role == "modifier"
