from __future__ import annotations

import datetime as dt

import pytest

from db import Store
from db.reminders import complete_reminder, list_reminders, snooze_reminder, sync_reminders
from desktop.core.errors import LedgerError, ValidationError
from desktop.core.records import Commitment, Evidence, Proposal, Reminder, Target

D = dt.date


def test_sync_is_idempotent_and_keeps_the_demo_uids(demo_store: Store) -> None:
    before = {r.uid for r in demo_store.list(Reminder)}
    first = sync_reminders(demo_store, D(2022, 3, 31))
    assert first.created == 5 and first.closed == 1  # five stale targets; the 基站 promise was met
    history = len(demo_store.history())
    again = sync_reminders(demo_store, D(2022, 3, 31))
    assert (again.created, again.updated, again.closed, again.reopened) == (0, 0, 0, 0)
    assert len(demo_store.history()) == history  # nothing written the second time
    after = demo_store.list(Reminder)
    assert before <= {r.uid for r in after}
    assert len({(r.kind, r.subject_table, r.subject_id) for r in after}) == len(after)  # no duplicates
    stations = next(r for r in after if r.title == "承诺到期：累计开通5G基站超1万个")
    assert (stations.state, stations.done_at) == ("done", D(2022, 3, 31))


def test_new_evidence_closes_and_a_new_proposal_opens(demo_store: Store) -> None:
    sync_reminders(demo_store, D(2022, 3, 31))
    target = next(t for t in demo_store.list(Target) if t.indicator == "5G建设投资")
    demo_store.save(Evidence(target_id=target.id, as_of_date=D(2022, 1, 20), value=16, unit="亿元"))
    proposal = demo_store.save(Proposal(session="常州市十七届人大一次会议", number="第5号", title="新建议",
                                        assigned_date=D(2022, 3, 1)))
    result = sync_reminders(demo_store, D(2022, 3, 31))
    assert (result.created, result.closed) == (1, 1)
    by_title = {r.title: r for r in demo_store.list(Reminder)}
    assert by_title["承诺到期：完成5G建设投资"].state == "done"
    due = by_title["答复期限：常州市十七届人大一次会议建议第5号"]
    assert (due.due_date, due.subject_id, due.uid) == (D(2022, 6, 1), proposal.id,
                                                       f"reply_due-proposals-{proposal.id}@reply-ledger")


def test_snooze_and_done_in_the_store(demo_store: Store) -> None:
    sync_reminders(demo_store, D(2022, 3, 31))
    first = list_reminders(demo_store, include_done=False)[0]
    later = snooze_reminder(demo_store, first.id, D(2022, 4, 15), D(2022, 3, 31))
    assert (later.state, later.snoozed_until) == ("snoozed", D(2022, 4, 15))
    with pytest.raises(ValidationError):
        snooze_reminder(demo_store, first.id, D(2022, 3, 1), D(2022, 3, 31))
    done = complete_reminder(demo_store, first.id, D(2022, 4, 1))
    assert (done.state, done.done_at, done.snoozed_until) == ("done", D(2022, 4, 1), None)
    sync_reminders(demo_store, D(2022, 4, 2))
    assert demo_store.get(Reminder, first.id).state == "done"  # the clerk's done stays
    with pytest.raises(LedgerError):
        complete_reminder(demo_store, 9999, D(2022, 4, 1))


def test_deleted_promise_closes_its_reminder(demo_store: Store) -> None:
    sync_reminders(demo_store, D(2022, 3, 31))
    commitment = next(c for c in demo_store.list(Commitment) if c.title == "完成5G建设投资")
    demo_store.delete(Commitment, commitment.id)
    sync_reminders(demo_store, D(2022, 3, 31))
    reminder = next(r for r in demo_store.list(Reminder) if r.subject_table == "commitments"
                    and r.subject_id == commitment.id)
    assert reminder.state == "done" and reminder.note.startswith("自动完成")
