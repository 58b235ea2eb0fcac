"""Reminders in the store: generate them from the ledger (idempotently), list them, snooze them, mark them done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from db.followup import load_proposal_files
from db.store import Store
from desktop.core.errors import LedgerError
from desktop.core.records import Reminder
from desktop.core.reminders import (
    DueItem,
    ReminderRules,
    became_due,
    completed,
    due_items,
    plan_reminders,
    reconcile,
    reopened,
    snoozed,
)


@dataclass(frozen=True)
class SyncResult:
    """How many reminders a generation run added, changed, closed automatically and reopened."""

    created: int
    updated: int
    closed: int
    reopened: int


def reminder_rules(store: Store) -> ReminderRules:
    return ReminderRules.from_settings(store.all_settings())


def sync_reminders(store: Store, as_of: dt.date, *, progress: Callable[[int, int], None] | None = None,
                   is_cancelled: Callable[[], bool] | None = None) -> SyncResult:
    """Bring the stored reminders in line with what the ledger needs as of a date, in one transaction.

    Running it again with nothing changed writes nothing.

    Raises:
        Cancelled: when ``is_cancelled()`` turns true (nothing is written then).
    """
    files = load_proposal_files(store, as_of, progress=progress, is_cancelled=is_cancelled)
    existing = store.list(Reminder)
    before = {r.id: r for r in existing}
    changes = reconcile(existing, plan_reminders(files, as_of, reminder_rules(store)), as_of)
    created = updated = closed = reopened = 0
    with store.transaction():
        for reminder in changes:
            store.save(reminder)
            if reminder.id is None:
                created += 1
                continue
            old = before[reminder.id]
            if old.state != "done" and reminder.state == "done":
                closed += 1
            elif old.state == "done" and reminder.state != "done":
                reopened += 1
            else:
                updated += 1
    return SyncResult(created, updated, closed, reopened)


def list_reminders(store: Store, *, include_done: bool = True) -> list[Reminder]:
    """Stored reminders by due date."""
    where = "" if include_done else "state <> 'done'"
    return store.list(Reminder, where, order_by="due_date, id")


def _longest_lead(store: Store) -> int:
    found = store.conn.execute("SELECT max(lead_days) FROM reminders WHERE state <> 'done'").fetchone()[0]
    return max(int(found or 0), 0)


def _day_after(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max


def due_reminders(store: Store, as_of: dt.date, within: int | None = None) -> list[DueItem]:
    """The reminders due or overdue on a date (see :func:`desktop.core.reminders.due_items`).

    Only reminders not done and due by the furthest horizon are read (an index range); the core decides which of
    them are due.
    """
    last_day = _day_after(as_of, _longest_lead(store) if within is None else max(within, 0))
    candidates = store.list(Reminder, "state <> 'done' AND due_date <= ?", (last_day.isoformat(),),
                            order_by="due_date, id")
    return due_items(candidates, as_of, within)


def reminders_became_due(store: Store, since: dt.date, until: dt.date) -> list[Reminder]:
    """The reminders that became due after ``since`` and by ``until`` (see
    :func:`desktop.core.reminders.became_due`), reading only those that can have: due after ``since`` and by
    ``until`` plus the longest lead time, or snoozed until after ``since``."""
    last_day = _day_after(until, _longest_lead(store))
    candidates = store.list(Reminder, "state <> 'done' AND ((due_date > ? AND due_date <= ?)"
                                      " OR (state = 'snoozed' AND snoozed_until > ?))",
                            (since.isoformat(), last_day.isoformat(), since.isoformat()), order_by="due_date, id")
    return became_due(candidates, since, until)


def _get(store: Store, reminder_id: int) -> Reminder:
    reminder = store.get(Reminder, reminder_id)
    if reminder is None:
        raise LedgerError(f"Reminder #{reminder_id} no longer exists; reload the list.", code="not_found",
                          table="reminders", id=reminder_id)
    return reminder


def snooze_reminder(store: Store, reminder_id: int, until: dt.date, today: dt.date) -> Reminder:
    """Snooze a reminder until a later date.

    Raises:
        ValidationError: the date is not after today. LedgerError: the reminder is gone.
    """
    return store.save(snoozed(_get(store, reminder_id), until, today))


def complete_reminder(store: Store, reminder_id: int, on: dt.date) -> Reminder:
    """Mark a reminder done.

    Raises:
        LedgerError: the reminder is gone.
    """
    return store.save(completed(_get(store, reminder_id), on))


def reopen_reminder(store: Store, reminder_id: int) -> Reminder:
    """Open a done or snoozed reminder again.

    Raises:
        LedgerError: the reminder is gone.
    """
    return store.save(reopened(_get(store, reminder_id)))


def change_reminders(store: Store, reminder_ids: list[int], change: Callable[[Reminder], Reminder]
                     ) -> list[tuple[Reminder, Reminder]]:
    """Apply one change (done, snoozed, reopened) to several reminders in one transaction: all or none.
    Returns (before, after) of each reminder that changed.

    Raises:
        LedgerError: a reminder is gone, or the change is refused (nothing is written then).
    """
    pairs: list[tuple[Reminder, Reminder]] = []
    with store.transaction():
        for reminder_id in reminder_ids:
            before = _get(store, reminder_id)
            after = change(before)
            if after != before:
                pairs.append((before, store.save(after)))
    return pairs
