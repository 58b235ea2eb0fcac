"""Reminders: what the ledger needs, merging with stored ones, what is due, what became due, the calendar."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import icalendar
import pytest

from desktop.core.errors import LedgerError, ValidationError
from desktop.core.handling import ProposalFile
from desktop.core.records import Commitment, Evidence, Feedback, Proposal, Reminder, Reply, Target
from desktop.core.reminders import (
    AUTO_DONE,
    PlannedReminder,
    ReminderRules,
    became_due,
    calendar_ics,
    completed,
    due_items,
    plan_reminders,
    reconcile,
    snoozed,
    write_ics,
)
from desktop.core.settings import default_settings
from desktop.core.status import Judgement

D = dt.date
RULES = ReminderRules()
END_2021 = D(2021, 12, 31)


def proposal_file(*, replied: dt.date | None = None, rating: str | None = None, rated: dt.date | None = None,
                  state: str = "on_track", evidence_on: dt.date | None = None,
                  target_deadline: dt.date = END_2021) -> ProposalFile:
    file = ProposalFile(proposal=Proposal(session="s", number="第1号", title="t", assigned_date=D(2021, 3, 10), id=1))
    if replied:
        file.replies.append(Reply(proposal_id=1, reply_date=replied, id=10))
        file.commitments.append(Commitment(reply_id=10, title="开通基站", deadline=D(2021, 12, 31), id=100))
        file.commitment_states[100] = Judgement(state, "理由", D(2021, 1, 1))
        file.targets.append(Target(commitment_id=100, indicator="基站数", comparator=">=", value=1, unit="个",
                                   deadline=target_deadline, id=1000))
        file.target_states[1000] = Judgement(state, "理由", D(2021, 1, 1))
        if evidence_on:
            file.evidence.append(Evidence(target_id=1000, as_of_date=evidence_on, value=1, unit="个", id=5))
    if rating:
        file.feedback.append(Feedback(reply_id=10, rating=rating, feedback_date=rated, id=20))
    return file


def kinds(planned: list[PlannedReminder]) -> dict[str, PlannedReminder]:
    return {plan.kind: plan for plan in planned}


def test_unanswered_proposal_needs_its_reply_deadline() -> None:
    planned = kinds(plan_reminders([proposal_file()], D(2021, 5, 1), RULES))
    assert set(planned) == {"reply_due"}
    reply = planned["reply_due"]
    assert (reply.due_date, reply.lead_days, reply.uid) == (D(2021, 6, 10), 30, "reply_due-proposals-1@reply-ledger")
    assert reply.note == "交办2021-03-10 + 3个月 = 2021-06-10"


def test_reply_deadline_follows_the_reply_months_setting() -> None:
    rules = ReminderRules.from_settings({**default_settings(), "deadline.reply_months": 2,
                                         "reminder.lead_days": [7, 30, 14]})
    planned = kinds(plan_reminders([proposal_file()], D(2021, 5, 1), rules))
    assert planned["reply_due"].due_date == D(2021, 5, 10)
    assert rules.lead_days == (30, 14, 7)


def test_replied_without_rating_and_promise_open() -> None:
    planned = kinds(plan_reminders([proposal_file(replied=D(2021, 6, 8))], D(2021, 7, 1), RULES))
    assert set(planned) == {"no_feedback", "commitment_due", "stale_evidence"}
    assert planned["no_feedback"].due_date == D(2021, 7, 8)
    assert planned["commitment_due"].due_date == D(2021, 12, 31)
    assert planned["stale_evidence"].due_date == D(2021, 12, 5)  # reply date + 180 days, no evidence yet
    assert planned["stale_evidence"].note == "作出承诺2021-06-08 + 180天 = 2021-12-05"


def test_latest_evidence_restarts_the_stale_clock() -> None:
    planned = kinds(plan_reminders([proposal_file(replied=D(2021, 6, 8), evidence_on=D(2021, 9, 1))],
                                   D(2021, 10, 1), RULES))
    assert planned["stale_evidence"].due_date == D(2022, 2, 28)
    assert planned["stale_evidence"].note.startswith("最近佐证2021-09-01")


def test_met_promise_and_rated_reply_need_nothing() -> None:
    planned = plan_reminders([proposal_file(replied=D(2021, 6, 8), rating="satisfied", rated=D(2021, 6, 20),
                                            state="met")], D(2021, 7, 1), RULES)
    assert planned == []


def test_unsatisfied_rating_needs_a_reanswer_and_target_with_its_own_deadline() -> None:
    file = proposal_file(replied=D(2021, 6, 8), rating="unsatisfied", rated=D(2021, 6, 20),
                         target_deadline=D(2021, 9, 30))
    planned = kinds(plan_reminders([file], D(2021, 7, 1), RULES))
    assert planned["reanswer_due"].due_date == D(2021, 7, 20)
    assert planned["target_due"].due_date == D(2021, 9, 30)  # differs from its promise's deadline
    file.replies.append(Reply(proposal_id=1, reply_date=D(2021, 7, 10), is_reanswer=True, id=11))
    assert "reanswer_due" not in kinds(plan_reminders([file], D(2021, 7, 15), RULES))


def stored(plan: PlannedReminder, reminder_id: int, **changes) -> Reminder:
    reminder = Reminder(kind=plan.kind, title=plan.title, due_date=plan.due_date, subject_table=plan.subject_table,
                        subject_id=plan.subject_id, lead_days=plan.lead_days, note=plan.note, uid=plan.uid,
                        id=reminder_id)
    return dataclasses.replace(reminder, **changes)


PLAN = PlannedReminder("commitment_due", "commitments", 100, "承诺到期：开通基站", D(2021, 12, 31), 30, "说明")


def test_reconcile_adds_then_keeps_still() -> None:
    first = reconcile([], [PLAN], D(2021, 7, 1))
    assert [(r.id, r.state, r.uid) for r in first] == [(None, "open", "commitment_due-commitments-100@reply-ledger")]
    assert reconcile([stored(PLAN, 1)], [PLAN], D(2021, 7, 1)) == []


def test_reconcile_keeps_the_clerks_snooze_and_the_old_uid() -> None:
    snoozing = stored(PLAN, 1, state="snoozed", snoozed_until=D(2021, 12, 1), uid="demo-commitment-1@reply-ledger")
    moved = dataclasses.replace(PLAN, due_date=D(2022, 1, 31))
    [changed] = reconcile([snoozing], [moved], D(2021, 7, 1))
    assert (changed.state, changed.snoozed_until, changed.due_date, changed.uid) == (
        "snoozed", D(2021, 12, 1), D(2022, 1, 31), "demo-commitment-1@reply-ledger")


def test_reconcile_closes_what_is_no_longer_needed_and_reopens_it_when_needed_again() -> None:
    [closed] = reconcile([stored(PLAN, 1)], [], D(2022, 3, 3))
    assert (closed.state, closed.done_at) == ("done", D(2022, 3, 3))
    assert closed.note.startswith(AUTO_DONE)
    [reopened] = reconcile([closed], [PLAN], D(2022, 3, 4))
    assert (reopened.state, reopened.done_at, reopened.note) == ("open", None, "说明")


def test_reconcile_respects_the_clerks_done_unless_the_date_moves() -> None:
    done = completed(stored(PLAN, 1), D(2021, 12, 1))
    assert reconcile([done], [PLAN], D(2021, 12, 2)) == []
    [moved] = reconcile([done], [dataclasses.replace(PLAN, due_date=D(2022, 6, 30))], D(2021, 12, 2))
    assert moved.state == "open"


def test_reconcile_never_touches_custom_reminders() -> None:
    custom = Reminder(kind="custom", title="年度总结", due_date=D(2021, 12, 1), uid="x", id=9)
    assert reconcile([custom], [], D(2022, 1, 1)) == []


def reminder(due: dt.date, lead: int = 30, state: str = "open", until: dt.date | None = None,
             reminder_id: int = 1) -> Reminder:
    return Reminder(kind="commitment_due", title=f"r{reminder_id}", due_date=due, lead_days=lead, state=state,
                    snoozed_until=until, uid=f"u{reminder_id}", id=reminder_id)


def test_due_items_by_lead_time_or_within() -> None:
    items = [reminder(D(2021, 12, 31), reminder_id=1), reminder(D(2021, 11, 1), reminder_id=2),
             reminder(D(2021, 12, 1), state="snoozed", until=D(2021, 12, 10), reminder_id=3),
             reminder(D(2021, 11, 1), state="done", reminder_id=4), reminder(D(2021, 12, 5), lead=0, reminder_id=5)]
    due = due_items(items, D(2021, 12, 5))
    assert [(i.reminder.id, i.days, i.when) for i in due] == [(2, -34, "逾期34天"), (5, 0, "今日到期"),
                                                              (1, 26, "还有26天")]
    assert [i.reminder.id for i in due_items(items, D(2021, 12, 5), within=0)] == [2, 5]
    assert [i.reminder.id for i in due_items(items, D(2021, 12, 10), within=0)] == [2, 3, 5]  # snooze ended


def test_became_due_between_two_checks() -> None:
    items = [reminder(D(2021, 12, 31), reminder_id=1), reminder(D(2021, 12, 5), lead=0, reminder_id=2),
             reminder(D(2021, 11, 1), state="snoozed", until=D(2021, 12, 3), reminder_id=3)]
    assert [r.id for r in became_due(items, D(2021, 11, 30), D(2021, 12, 1))] == [1]  # lead time began
    assert [r.id for r in became_due(items, D(2021, 12, 1), D(2021, 12, 3))] == [3]  # snooze ended
    assert [r.id for r in became_due(items, D(2021, 12, 3), D(2021, 12, 5))] == [2]
    assert became_due(items, D(2021, 12, 5), D(2021, 12, 6)) == []


def test_snooze_needs_a_later_day() -> None:
    later = snoozed(reminder(D(2021, 12, 31)), D(2022, 1, 5), D(2022, 1, 1))
    assert (later.state, later.snoozed_until) == ("snoozed", D(2022, 1, 5))
    with pytest.raises(ValidationError) as raised:
        snoozed(reminder(D(2021, 12, 31)), D(2022, 1, 1), D(2022, 1, 1))
    assert raised.value.code == "snooze_date_past"


def test_calendar_has_stable_uids_and_alarms_at_the_lead_times() -> None:
    items = [reminder(D(2021, 12, 31), reminder_id=1), reminder(D(2021, 12, 5), lead=0, reminder_id=2),
             reminder(D(2021, 11, 1), state="done", reminder_id=3)]
    parsed = icalendar.Calendar.from_ical(calendar_ics(items, RULES, dt.datetime(2021, 11, 1, 8, tzinfo=dt.UTC)))
    events = {str(e["uid"]): e for e in parsed.walk("VEVENT")}
    assert set(events) == {"u1", "u2", "u3"}
    assert events["u1"].decoded("dtstart") == D(2021, 12, 31)
    assert sorted(a.decoded("trigger") for a in events["u1"].walk("VALARM")) == [dt.timedelta(days=-30),
                                                                                 dt.timedelta(days=-7)]
    assert [a.decoded("trigger") for a in events["u2"].walk("VALARM")] == [dt.timedelta(0)]
    assert str(events["u3"]["status"]) == "CANCELLED" and not events["u3"].walk("VALARM")


def test_write_ics_replaces_the_file_whole(tmp_path: Path) -> None:
    folder = tmp_path / "calendars"
    folder.mkdir()
    target = folder / "out.ics"
    target.write_bytes(b"old")
    write_ics(target, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert [p.name for p in folder.iterdir()] == ["out.ics"]  # no temporary file left behind
    with pytest.raises(LedgerError) as raised:
        write_ics(tmp_path / "missing" / "out.ics", b"")
    assert raised.value.code == "folder_missing"
