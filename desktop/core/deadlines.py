"""Deadlines of the handling process, each with the sentence that says how it was computed.

The rules are office settings (``deadline.*`` in :mod:`desktop.core.settings`):

- reply: within N calendar months of assignment (default 3): 交办2021-03-10 + 3个月 = 2021-06-10. A month is
  added by the calendar; a day that does not exist in the target month falls back to that month's last day
  (2021-11-30 + 3个月 = 2022-02-28). A deadline recorded on the proposal (from the assignment notice) wins over
  the computed one; an approved extension (with the approval recorded) moves it, but never beyond the longest
  extension (default 6 months after assignment): a later extended date is capped and the explanation says so.
- return of a misrouted item: within N working days of the date it was found misrouted (default 3).
- publication of a public reply: within N working days of the reply's date (default 20).
- re-answer after a 不满意 rating: within N calendar days of the rating (default 30).

Working days follow the official calendar of the State Council (chinese-calendar): weekends and public holidays
are skipped, and the weekend days declared make-up workdays (调休上班) count. The library knows the years it was
released with (2004–2026 for the version pinned here). For a year it does not know, working days fall back to
Monday–Friday: the explanation says so, and a warning is logged once per year, so that an office updates the
library when the State Council publishes the next year's holidays (usually in November or December).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import chinese_calendar

from desktop.core.records import Feedback, Proposal, Reply

logger = logging.getLogger(__name__)

_warned_years: set[int] = set()


@dataclass(frozen=True)
class DeadlineRules:
    """The deadline settings of an office."""

    reply_months: int = 3
    max_extension_months: int = 6
    misrouted_return_working_days: int = 3
    publish_working_days: int = 20
    reanswer_days: int = 30

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> DeadlineRules:
        """Read the rules from a settings mapping such as ``Store.all_settings()``."""
        defaults = cls()
        return cls(
            reply_months=int(values.get("deadline.reply_months", defaults.reply_months)),
            max_extension_months=int(values.get("deadline.max_extension_months", defaults.max_extension_months)),
            misrouted_return_working_days=int(values.get("deadline.misrouted_return_working_days",
                                                         defaults.misrouted_return_working_days)),
            publish_working_days=int(values.get("deadline.publish_working_days", defaults.publish_working_days)),
            reanswer_days=int(values.get("deadline.reanswer_days", defaults.reanswer_days)),
        )


@dataclass(frozen=True)
class ComputedDate:
    """A deadline and the sentence that explains it ("交办2021-03-10 + 3个月 = 2021-06-10")."""

    date: dt.date
    explanation: str
    calendar_known: bool = True  # False when a working-day count fell back to Monday–Friday
    computed: bool = True  # False for a date recorded by hand (the assignment notice's, an approved extension)

    @property
    def source(self) -> str:
        """计算 (worked out from the office's rules) or 录入 (recorded on the proposal)."""
        return "计算" if self.computed else "录入"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later; the month's last day when that day does not exist."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def calendar_covers(year: int) -> bool:
    """True when the official holiday calendar of that year is known to the library."""
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@functools.lru_cache(maxsize=8192)
def _official_working_day(day: dt.date) -> bool | None:
    """chinese-calendar's answer, None for a year it does not know. Remembered: the library checks the date against
    its whole table on every call, and the publication deadlines of 5 000 replies ask it 150 000 times."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return None


def is_working_day(day: dt.date) -> tuple[bool, bool]:
    """(is it a working day, is the official calendar of its year known).

    For a year the library does not know, Monday–Friday are working days; a warning is logged once per year.
    """
    official = _official_working_day(day)
    if official is not None:
        return official, True
    if day.year not in _warned_years:
        _warned_years.add(day.year)
        logger.warning("the official holiday calendar of %d is not known to chinese-calendar %s; working "
                       "days of %d are counted Monday to Friday until the library is updated", day.year,
                       getattr(chinese_calendar, "__version__", "?"), day.year)
    return day.weekday() < 5, False


_COUNTED: dict[tuple[dt.date, int, str], ComputedDate] = {}
_COUNTED_LIMIT = 8192


def add_working_days(start: dt.date, count: int, what: str) -> ComputedDate:
    """The ``count``-th working day after ``start`` (the start day itself is not counted).

    Remembered when the official calendar knew every day counted (the answer is frozen): the replies of a ledger
    share a few hundred dates, and each publication deadline walks 20 working days.

    Args:
        what: how the start date is named in the explanation, such as "误交办" or "答复".
    """
    key = (start, count, what)
    found = _COUNTED.get(key)
    if found is None:
        found = _count_working_days(start, count, what)
        if found.calendar_known:
            if len(_COUNTED) >= _COUNTED_LIMIT:
                _COUNTED.clear()
            _COUNTED[key] = found
    return found


def _count_working_days(start: dt.date, count: int, what: str) -> ComputedDate:
    day, counted = start, 0
    closed_runs: list[tuple[dt.date, dt.date]] = []  # runs of days off that hold a weekday holiday
    run: list[dt.date] = []
    makeup: list[dt.date] = []
    unknown_years: set[int] = set()
    while counted < count:
        day += dt.timedelta(days=1)
        working, known = is_working_day(day)
        if not known:
            unknown_years.add(day.year)
        if not working:
            run.append(day)
            continue
        if any(off.weekday() < 5 for off in run):
            closed_runs.append((run[0], run[-1]))
        run = []
        counted += 1
        if day.weekday() >= 5:
            makeup.append(day)
    notes = []
    if closed_runs:
        notes.append("跳过节假日" + "、".join(a.isoformat() if a == b else f"{a.isoformat()}至{b.isoformat()}"
                                         for a, b in closed_runs))
    if makeup:
        notes.append("调休上班日" + "、".join(d.isoformat() for d in makeup) + "计入")
    if unknown_years:
        years = "、".join(f"{year}年" for year in sorted(unknown_years))
        notes.append(f"{years}法定节假日尚未收录，按周一至周五计工作日")
    note = f"（{'；'.join(notes)}）" if notes else ""
    return ComputedDate(day, f"{what}{start.isoformat()} + {count}个工作日 = {day.isoformat()}{note}",
                        calendar_known=not unknown_years)


def computed_reply_deadline(assigned: dt.date, rules: DeadlineRules) -> ComputedDate:
    """Assignment date + the reply months."""
    due = add_months(assigned, rules.reply_months)
    return ComputedDate(due, f"交办{assigned.isoformat()} + {rules.reply_months}个月 = {due.isoformat()}")


def reply_deadline(proposal: Proposal, rules: DeadlineRules) -> ComputedDate | None:
    """The date by which the proposal must be answered, with its explanation; None when nothing is known.

    An approved extension moves the deadline, capped at the longest extension after assignment. Otherwise the
    deadline recorded on the proposal wins over the computed one (the explanation shows both when they differ).
    """
    base: ComputedDate | None = None
    if proposal.assigned_date is not None:
        computed = computed_reply_deadline(proposal.assigned_date, rules)
        if proposal.reply_due_date is None:
            base = computed
        elif proposal.reply_due_date == computed.date:
            base = ComputedDate(computed.date, computed.explanation, computed=False)
        else:
            base = ComputedDate(proposal.reply_due_date, f"交办通知规定答复期限{proposal.reply_due_date.isoformat()}"
                                f"（按规则{computed.explanation}）", computed=False)
    elif proposal.reply_due_date is not None:
        base = ComputedDate(proposal.reply_due_date, f"交办通知规定答复期限{proposal.reply_due_date.isoformat()}",
                            computed=False)
    if proposal.extended_due_date is None or not (proposal.extension_approval or "").strip():
        return base
    extended = proposal.extended_due_date
    approval = proposal.extension_approval.strip()
    prefix = f"{base.explanation}；" if base else ""
    if proposal.assigned_date is not None:
        longest = add_months(proposal.assigned_date, rules.max_extension_months)
        if extended > longest:
            return ComputedDate(longest, f"{prefix}经批准延期至{extended.isoformat()}（{approval}），超过交办"
                                f"{proposal.assigned_date.isoformat()}后最长{rules.max_extension_months}个月，"
                                f"按{longest.isoformat()}计")
    return ComputedDate(extended, f"{prefix}经批准延期至{extended.isoformat()}（{approval}）", computed=False)


def misrouted_return_deadline(proposal: Proposal, rules: DeadlineRules) -> ComputedDate | None:
    """The date by which an item found misrouted must be returned to the assigning office."""
    if proposal.misrouted_date is None:
        return None
    return add_working_days(proposal.misrouted_date, rules.misrouted_return_working_days, "误交办")


def publish_deadline(reply: Reply, rules: DeadlineRules) -> ComputedDate | None:
    """The date by which a reply marked public must be published; None for other replies or without a date."""
    if reply.reply_date is None or reply.disclosure != "public":
        return None
    return add_working_days(reply.reply_date, rules.publish_working_days, "答复")


def reanswer_deadline(feedback: Feedback, rules: DeadlineRules) -> ComputedDate | None:
    """The date by which an unsatisfied rating must be answered again; None for other ratings or without a date."""
    if feedback.rating != "unsatisfied" or feedback.feedback_date is None:
        return None
    due = feedback.feedback_date + dt.timedelta(days=rules.reanswer_days)
    return ComputedDate(due, f"不满意评价{feedback.feedback_date.isoformat()} + {rules.reanswer_days}天 = "
                             f"{due.isoformat()}")
