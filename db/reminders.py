"""Reminders in the store: generate them from the ledger (idempotently), list them, snooze them, mark them done."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from db.followup import iter_proposal_files
from db.status import id_list
from db.store import Store
from desktop.core.errors import LedgerError
from desktop.core.records import Reminder
from desktop.core.reminders import (
    AUTO_DONE,
    GENERATED_KINDS,
    DueItem,
    PlannedReminder,
    ReminderRules,
    became_due,
    completed,
    due_items,
    iter_planned_reminders,
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

    Running it again with nothing changed writes nothing. The plan streams into a temporary table, a batch of
    proposals at a time, and SQL picks out the planned reminders that are new or differ from the stored ones and
    the stored ones no longer planned: only those are read into Python and reconciled, so a ledger where nothing
    changed reads none of its reminders.

    Raises:
        Cancelled: when ``is_cancelled()`` turns true (nothing is written then).
    """
    pending = pending_reminder_changes(store, as_of, progress=progress, is_cancelled=is_cancelled)
    before = {r.id: r for r in pending.stored}
    changes = reconcile(pending.stored, pending.planned, as_of, taken_uids=pending.taken_uids)
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


@dataclass(frozen=True)
class PendingReminders:
    """What :func:`desktop.core.reminders.reconcile` needs to bring the stored reminders in line with the plan.

    ``planned``: the planned reminders that are new or differ from their stored one; ``stored``: the stored
    reminders that may change (those of such plans, and the open generated ones no longer planned);
    ``taken_uids``: the stored UIDs that the new plans' UIDs would collide with. All empty when nothing changed.
    """

    planned: list[PlannedReminder]
    stored: list[Reminder]
    taken_uids: set[str | None]


def pending_reminder_changes(store: Store, as_of: dt.date, *, progress: Callable[[int, int], None] | None = None,
                             is_cancelled: Callable[[], bool] | None = None) -> PendingReminders:
    """Plan the reminders as of a date and compare the plan with the stored ones in SQL (see sync_reminders).

    Raises:
        Cancelled: when ``is_cancelled()`` turns true.
    """
    rules = reminder_rules(store)
    files = iter_proposal_files(store, as_of, lean=True, progress=progress, is_cancelled=is_cancelled)
    conn = store.conn
    conn.execute("DROP TABLE IF EXISTS planned_reminders")
    conn.execute("CREATE TEMP TABLE planned_reminders (position INTEGER NOT NULL, kind TEXT NOT NULL,"
                 " subject_table TEXT NOT NULL, subject_id INTEGER NOT NULL, title TEXT, due_date TEXT,"
                 " lead_days INTEGER, note TEXT)")
    try:
        conn.executemany("INSERT INTO planned_reminders VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         ((position, plan.kind, plan.subject_table, plan.subject_id, plan.title,
                           plan.due_date.isoformat(), plan.lead_days, plan.note)
                          for position, plan in enumerate(iter_planned_reminders(files, as_of, rules))))
        conn.execute("CREATE INDEX planned_reminders_key ON planned_reminders (kind, subject_table, subject_id)")
        return PendingReminders(*_changed_reminders(store))
    finally:
        conn.execute("DROP TABLE IF EXISTS planned_reminders")


# The stored reminder of a key is its oldest one (the one reconcile() keeps up to date).
_FIRST_OF_KEY = ("(SELECT min(x.id) FROM reminders x WHERE x.kind = {0}.kind"
                 " AND x.subject_table IS NOT DISTINCT FROM {0}.subject_table"
                 " AND x.subject_id IS NOT DISTINCT FROM {0}.subject_id)")


def _changed_reminders(store: Store) -> tuple[list[PlannedReminder], list[Reminder], set[str | None]]:
    """From planned_reminders (temporary): the plans that are new or differ from their stored reminder, the stored
    reminders reconcile() may change (those of such plans, and the open generated ones no longer planned), and the
    stored UIDs that the new plans' UIDs would collide with."""
    rows = store.conn.execute(
        "SELECT p.kind, p.subject_table, p.subject_id, p.title, p.due_date, p.lead_days, p.note, r.id"
        f" FROM planned_reminders p LEFT JOIN reminders r ON r.id = {_FIRST_OF_KEY.format('p')}"
        " WHERE r.id IS NULL OR r.title IS DISTINCT FROM p.title OR r.due_date IS DISTINCT FROM p.due_date"
        " OR r.lead_days IS DISTINCT FROM p.lead_days OR r.note IS DISTINCT FROM p.note"
        " OR (r.state = 'done' AND substr(r.note, 1, length(?)) = ?)"
        " ORDER BY p.position", (AUTO_DONE, AUTO_DONE)).fetchall()
    planned = [PlannedReminder(row[0], row[1], row[2], row[3], dt.date.fromisoformat(row[4]), row[5], row[6])
               for row in rows]
    stored_ids = [row[7] for row in rows if row[7] is not None]
    generated = ", ".join(f"'{kind}'" for kind in GENERATED_KINDS)
    no_longer_planned = (
        f"kind IN ({generated}) AND state <> 'done' AND id = {_FIRST_OF_KEY.format('reminders')}"
        " AND NOT EXISTS (SELECT 1 FROM planned_reminders p WHERE p.kind = reminders.kind"
        " AND p.subject_table = reminders.subject_table AND p.subject_id = reminders.subject_id)")
    existing = store.list(Reminder, f"id IN ({store.dialect.json_ids()}) OR ({no_longer_planned})",
                          (id_list(stored_ids),))
    new_uids = [plan.uid for plan, row in zip(planned, rows, strict=True) if row[7] is None]
    taken = {row[0] for row in store.conn.execute("SELECT uid FROM reminders WHERE uid IN"
                                                  f" ({store.dialect.json_texts()})", (json.dumps(new_uids),))}
    return planned, existing, taken


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
    """The reminders due or overdue on a date (see :func:`desktop.core.reminders.due_items`)."""
    return list(iter_due_reminders(store, as_of, within))


# What a list of due reminders to print leaves unread (``lean``): the note (the longest text), the subject, the UID.
_NOT_LISTED = ("subject_table", "subject_id", "done_at", "note", "uid", "version")


def iter_due_reminders(store: Store, as_of: dt.date, within: int | None = None, *,
                       lean: bool = False) -> Iterator[DueItem]:
    """The items of :func:`due_reminders` one at a time, in the same order, holding one due date's reminders.

    Only reminders not done and due by the furthest horizon are read (an index range), by due date; the core
    decides which of each day's reminders are due and orders them within the day. ``lean`` reminders hold only
    what a printed list shows (kind, title, dates, state): they are never to be saved.
    """
    last_day = _day_after(as_of, _longest_lead(store) if within is None else max(within, 0))
    candidates = store.iter(Reminder, "state <> 'done' AND due_date <= ?", (last_day.isoformat(),),
                            order_by="due_date, id", omit=_NOT_LISTED if lean else ())
    for _, same_day in itertools.groupby(candidates, key=lambda reminder: reminder.due_date):
        yield from due_items(same_day, as_of, within)


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
