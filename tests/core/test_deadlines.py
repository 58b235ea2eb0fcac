"""Deadline rules: calendar months, working days of the official calendar, explanations."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core import deadlines
from desktop.core.deadlines import (
    DeadlineRules,
    add_months,
    add_working_days,
    calendar_covers,
    is_working_day,
    misrouted_return_deadline,
    publish_deadline,
    reanswer_deadline,
    reply_deadline,
)
from desktop.core.records import Feedback, Proposal, Reply
from desktop.core.settings import default_settings

D = dt.date
RULES = DeadlineRules()


def proposal(**changes) -> Proposal:
    return Proposal(session="常州市十六届人大五次会议", number="第021号", title="t", **changes)


@pytest.mark.parametrize(("start", "months", "expected"), [
    (D(2021, 3, 10), 3, D(2021, 6, 10)),
    (D(2021, 11, 30), 3, D(2022, 2, 28)),  # no 30 February: the month's last day
    (D(2023, 11, 30), 3, D(2024, 2, 29)),  # leap year
    (D(2021, 8, 31), 3, D(2021, 11, 30)),
    (D(2021, 10, 15), 3, D(2022, 1, 15)),  # across the year end
    (D(2021, 1, 31), 1, D(2021, 2, 28)),
    (D(2021, 3, 10), 6, D(2021, 9, 10)),
])
def test_add_months_month_end_arithmetic(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)), st.integers(min_value=0, max_value=24))
def test_add_months_never_overshoots_the_month(start: dt.date, months: int) -> None:
    result = add_months(start, months)
    assert (result.year - start.year) * 12 + result.month - start.month == months
    assert result.day == start.day or (result.day < start.day and (result + dt.timedelta(days=1)).day == 1)


def test_reply_deadline_explains_itself() -> None:
    due = reply_deadline(proposal(assigned_date=D(2021, 3, 10)), RULES)
    assert due.date == D(2021, 6, 10)
    assert due.explanation == "交办2021-03-10 + 3个月 = 2021-06-10"
    month_end = reply_deadline(proposal(assigned_date=D(2021, 11, 30)), RULES)
    assert month_end.explanation == "交办2021-11-30 + 3个月 = 2022-02-28"


def test_reply_deadline_follows_the_setting() -> None:
    rules = DeadlineRules.from_settings({**default_settings(), "deadline.reply_months": 2})
    assert reply_deadline(proposal(assigned_date=D(2021, 3, 10)), rules).date == D(2021, 5, 10)


def test_recorded_deadline_wins_and_shows_the_rule() -> None:
    due = reply_deadline(proposal(assigned_date=D(2021, 3, 10), reply_due_date=D(2021, 6, 1)), RULES)
    assert due.date == D(2021, 6, 1)
    assert "交办通知规定答复期限2021-06-01" in due.explanation and "2021-06-10" in due.explanation
    assert reply_deadline(proposal(), RULES) is None


def test_approved_extension_moves_the_deadline_up_to_six_months() -> None:
    extended = proposal(assigned_date=D(2021, 3, 10), extended_due_date=D(2021, 8, 31),
                        extension_approval="市人大代表工委2021-06-01同意")
    due = reply_deadline(extended, RULES)
    assert due.date == D(2021, 8, 31)
    assert due.explanation.endswith("经批准延期至2021-08-31（市人大代表工委2021-06-01同意）")
    too_long = proposal(assigned_date=D(2021, 3, 10), extended_due_date=D(2021, 12, 31), extension_approval="同意")
    capped = reply_deadline(too_long, RULES)
    assert capped.date == D(2021, 9, 10)
    assert "最长6个月" in capped.explanation and capped.explanation.endswith("按2021-09-10计")


def test_extension_without_approval_does_not_count() -> None:
    unapproved = proposal(assigned_date=D(2021, 3, 10), extended_due_date=D(2021, 8, 31))
    assert reply_deadline(unapproved, RULES).date == D(2021, 6, 10)


def test_working_days_skip_the_national_day_and_count_the_make_up_saturday() -> None:
    # 2021-10-01..07 are holidays; Saturday 2021-10-09 is a make-up workday (调休上班).
    assert is_working_day(D(2021, 10, 9)) == (True, True)
    assert is_working_day(D(2021, 10, 4)) == (False, True)
    due = add_working_days(D(2021, 9, 30), 3, "误交办")
    assert due.date == D(2021, 10, 11)  # 10-08 (Fri), 10-09 (Sat, make-up), 10-11 (Mon)
    assert due.explanation == ("误交办2021-09-30 + 3个工作日 = 2021-10-11（跳过节假日2021-10-01至2021-10-07；"
                               "调休上班日2021-10-09计入）")
    assert due.calendar_known


def test_working_days_across_the_spring_festival() -> None:
    # 2022 Spring Festival: 01-31..02-06 off; Saturdays 01-29 and 01-30 are make-up workdays.
    due = add_working_days(D(2022, 1, 28), 3, "答复")
    assert due.date == D(2022, 2, 7)
    assert "2022-01-29、2022-01-30" in due.explanation and "2022-01-31至2022-02-06" in due.explanation


def test_misrouted_and_publish_and_reanswer_deadlines() -> None:
    misrouted = proposal(misrouted_date=D(2021, 9, 30))
    assert misrouted_return_deadline(misrouted, RULES).date == D(2021, 10, 11)
    assert misrouted_return_deadline(proposal(), RULES) is None
    public = Reply(reply_date=D(2021, 6, 8), disclosure="public")
    published = publish_deadline(public, RULES)
    # 20 working days after 2021-06-08, skipping the Dragon Boat holiday on Monday 2021-06-14.
    assert published.date == D(2021, 7, 7)
    assert "2021-06-14" in published.explanation
    assert publish_deadline(Reply(reply_date=D(2021, 6, 8), disclosure="not_public"), RULES) is None
    unsatisfied = Feedback(reply_id=1, rating="unsatisfied", feedback_date=D(2021, 7, 1))
    again = reanswer_deadline(unsatisfied, RULES)
    assert (again.date, again.explanation) == (D(2021, 7, 31), "不满意评价2021-07-01 + 30天 = 2021-07-31")
    assert reanswer_deadline(Feedback(reply_id=1, rating="satisfied", feedback_date=D(2021, 7, 1)), RULES) is None


@pytest.mark.allow_log_warnings
def test_a_year_beyond_the_calendar_falls_back_to_monday_to_friday(monkeypatch: pytest.MonkeyPatch,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(deadlines, "_warned_years", set())
    year = 2027
    assert not calendar_covers(year) and calendar_covers(2026)
    with caplog.at_level(logging.WARNING, logger="desktop.core.deadlines"):
        due = add_working_days(D(year, 3, 5), 3, "误交办")  # Friday
        again = add_working_days(D(year, 3, 12), 1, "误交办")
    assert due.date == D(year, 3, 10)  # Mon, Tue, Wed
    assert not due.calendar_known
    assert "2027年法定节假日尚未收录，按周一至周五计工作日" in due.explanation
    assert again.date == D(year, 3, 15)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and "2027" in r.getMessage()]
    assert len(warnings) == 1  # once per year, not once per day
