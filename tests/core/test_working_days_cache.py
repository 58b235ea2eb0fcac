"""Working days are asked of chinese-calendar once per date: it checks its whole table on every call."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest

from desktop.core import deadlines


def test_each_date_is_asked_of_the_calendar_once(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[dt.date] = []
    original = chinese_calendar.is_workday

    def counted(day: dt.date) -> bool:
        asked.append(day)
        return original(day)

    monkeypatch.setattr(chinese_calendar, "is_workday", counted)
    deadlines._official_working_day.cache_clear()
    first = [deadlines.add_working_days(dt.date(2021, 9, 28) + dt.timedelta(days=n), 20, "答复") for n in range(30)]
    again = [deadlines.add_working_days(dt.date(2021, 9, 28) + dt.timedelta(days=n), 20, "答复") for n in range(30)]
    assert first == again
    assert len(asked) == len(set(asked))  # 30 deadlines of 20 working days: each date asked once
    assert first[0].date == dt.date(2021, 11, 1)  # past the National Day week, with its make-up working day
    deadlines._official_working_day.cache_clear()


def test_a_working_day_count_is_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[dt.date] = []
    original = chinese_calendar.is_workday
    monkeypatch.setattr(chinese_calendar, "is_workday", lambda day: asked.append(day) or original(day))
    deadlines._official_working_day.cache_clear()
    monkeypatch.setattr(deadlines, "_COUNTED", {})
    first = deadlines.add_working_days(dt.date(2022, 9, 28), 20, "答复")
    seen = len(asked)
    assert deadlines.add_working_days(dt.date(2022, 9, 28), 20, "答复") is first
    deadlines._official_working_day.cache_clear()
    assert deadlines.add_working_days(dt.date(2022, 9, 28), 20, "答复") is first
    assert len(asked) == seen  # the count was not walked again, even with the calendar's answers forgotten
    deadlines._official_working_day.cache_clear()
