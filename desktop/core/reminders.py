"""Reminders: which ones the ledger needs, how they merge with the stored ones, what is due, and the calendar.

What needs a reminder (as of a date; one per subject and kind, so that generating again updates instead of
duplicating; the UID is ``<kind>-<table>-<id>@reply-ledger`` and never changes once stored):

- reply_due 答复期限 — a proposal with no reply yet (not withdrawn or returned): its reply deadline (see
  :mod:`desktop.core.deadlines`), reminded ``reminder.lead_days`` before (30 and 7 days by default).
- commitment_due 承诺期限 — a promise not met yet, at its deadline, with the same lead times.
- target_due 指标期限 — a target not met yet whose deadline differs from its promise's (otherwise the promise's
  reminder already covers it).
- stale_evidence 佐证久未更新 — an open target (not met, deadline not passed) whose latest evidence — or the reply
  that made the promise, when there is none — is older than ``reminder.stale_evidence_days``.
- no_feedback 未反馈 — a reply with no rating ``reminder.feedback_wait_days`` after its date.
- reanswer_due 不满意再答复 — an unsatisfied rating with no re-answer, at the re-answer deadline.
- publish_due 答复公开期限 — a reply marked public (公开) that is not published yet, at its publication deadline
  (20 working days after the reply's date), reminded at the shortest lead time.

Merging the plan with what is stored (:func:`reconcile`): a new need adds an open reminder; a known one gets its
title, due date and explanation refreshed while the clerk's snooze or done stays; a reminder marked done comes back
when its due date moves, or when it had been closed automatically and is needed again; a generated reminder that
is no longer needed is closed automatically (done, with a note saying why). Reminders of kind ``custom`` are never
touched.

A reminder is due on a date when it is open (or its snooze has ended) and its due date minus its lead time has
come; it is overdue once its due date has passed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import tempfile
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop import APP_TITLE, __version__
from desktop.core.deadlines import DeadlineRules, publish_deadline, reanswer_deadline, reply_deadline
from desktop.core.errors import LedgerError, ValidationError
from desktop.core.handling import ProposalFile, known_on, reanswer_after, reply_label
from desktop.core.records import REMINDER_KINDS, Reminder

GENERATED_KINDS = ("reply_due", "commitment_due", "target_due", "stale_evidence", "no_feedback", "reanswer_due",
                   "publish_due")
AUTO_DONE = "自动完成："
_RESOLVED = {
    "reply_due": "已答复或无需答复",
    "commitment_due": "承诺已达成或已删除",
    "target_due": "指标已达成或已删除",
    "stale_evidence": "已有新佐证或期限已过",
    "no_feedback": "已收到评价",
    "reanswer_due": "已再答复",
    "publish_due": "已公开或无需公开",
}


@dataclass(frozen=True)
class ReminderRules:
    """The reminder settings of an office, with its deadline rules."""

    lead_days: tuple[int, ...] = (30, 7)
    stale_evidence_days: int = 180
    feedback_wait_days: int = 30
    deadlines: DeadlineRules = dataclasses.field(default_factory=DeadlineRules)

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> ReminderRules:
        defaults = cls()
        leads = values.get("reminder.lead_days", list(defaults.lead_days))
        clean = tuple(sorted({int(n) for n in leads if isinstance(n, int) and not isinstance(n, bool) and n > 0},
                             reverse=True))
        return cls(lead_days=clean, stale_evidence_days=int(values.get("reminder.stale_evidence_days",
                                                                       defaults.stale_evidence_days)),
                   feedback_wait_days=int(values.get("reminder.feedback_wait_days", defaults.feedback_wait_days)),
                   deadlines=DeadlineRules.from_settings(values))

    @property
    def longest_lead(self) -> int:
        return max(self.lead_days, default=0)

    @property
    def shortest_lead(self) -> int:
        return min(self.lead_days, default=0)


@dataclass(frozen=True)
class PlannedReminder:
    """A reminder the ledger needs: about what, due when, and why."""

    kind: str
    subject_table: str
    subject_id: int
    title: str
    due_date: dt.date
    lead_days: int
    note: str

    @property
    def key(self) -> tuple[str, str, int]:
        return self.kind, self.subject_table, self.subject_id

    @property
    def uid(self) -> str:
        return reminder_uid(self.kind, self.subject_table, self.subject_id)


def reminder_uid(kind: str, subject_table: str, subject_id: int) -> str:
    """The stable calendar UID of a generated reminder."""
    return f"{kind}-{subject_table}-{subject_id}@reply-ledger"


def plan_reminders(files: Iterable[ProposalFile], as_of: dt.date, rules: ReminderRules) -> list[PlannedReminder]:
    """Every reminder the ledger needs as of a date (see the module docstring)."""
    return list(iter_planned_reminders(files, as_of, rules))


def iter_planned_reminders(files: Iterable[ProposalFile], as_of: dt.date,
                           rules: ReminderRules) -> Iterator[PlannedReminder]:
    """The reminders of :func:`plan_reminders`, file by file, as the files come (nothing is held)."""
    lead = rules.longest_lead
    for file in files:
        planned: list[PlannedReminder] = []
        label = file.label
        replies = [r for r in file.replies if known_on(r.reply_date, as_of)]
        reply_ids = {r.id for r in replies}
        proposal = file.proposal
        if proposal is not None and proposal.id is not None and not replies and proposal.state != "withdrawn" \
                and not (proposal.returned_date and proposal.returned_date <= as_of):
            due = reply_deadline(proposal, rules.deadlines)
            if due is not None:
                planned.append(PlannedReminder("reply_due", "proposals", proposal.id, f"答复期限：{label}",
                                               due.date, lead, due.explanation))
        feedback = [f for f in file.feedback if f.reply_id in reply_ids and known_on(f.feedback_date, as_of)]
        for reply in replies:
            if reply.reply_date is None or any(f.reply_id == reply.id for f in feedback):
                continue
            due_date = reply.reply_date + dt.timedelta(days=rules.feedback_wait_days)
            planned.append(PlannedReminder(
                "no_feedback", "replies", reply.id, f"催收评价：{label}（{reply_label(reply)}）", due_date, 0,
                f"答复{reply.reply_date.isoformat()} + {rules.feedback_wait_days}天 = {due_date.isoformat()}，"
                "尚无评价"))
        for reply in replies:
            publish = publish_deadline(reply, rules.deadlines)
            if publish is None or reply.id is None or (reply.published_date and reply.published_date <= as_of):
                continue
            planned.append(PlannedReminder(
                "publish_due", "replies", reply.id, f"公开答复：{label}（{reply_label(reply)}）", publish.date,
                rules.shortest_lead, f"{publish.explanation}，尚未公开"))
        for rating in feedback:
            due = reanswer_deadline(rating, rules.deadlines)
            if due is None or rating.id is None or reanswer_after(replies, rating.feedback_date) is not None:
                continue
            planned.append(PlannedReminder("reanswer_due", "feedback", rating.id, f"不满意再答复：{label}",
                                           due.date, lead, due.explanation))
        starts = {r.id: r.reply_date for r in replies}
        evidence_dates: dict[int | None, list[dt.date]] = {}  # the file's evidence dates by target, gathered once
        for item in file.evidence:
            evidence_dates.setdefault(item.target_id, []).append(item.as_of_date)
        targets_of: dict[int | None, list[Any]] = {}  # the file's targets by commitment, gathered once
        for target in file.targets:
            targets_of.setdefault(target.commitment_id, []).append(target)
        for commitment in file.commitments:
            if commitment.reply_id not in reply_ids or commitment.id is None:
                continue
            targets = targets_of.get(commitment.id, [])
            if targets and all(target.kind == "baseline" for target in targets):
                continue  # only baselines: not a promise (ProposalFile.is_promise)
            judged = file.commitment_states.get(commitment.id)
            if commitment.deadline is not None and judged is not None and judged.state != "met":
                planned.append(PlannedReminder(
                    "commitment_due", "commitments", commitment.id, f"承诺到期：{commitment.title}",
                    commitment.deadline, lead,
                    f"期限{commitment.deadline.isoformat()}；{judged.label}：{judged.reason}"))
            for target in targets:
                planned.extend(_target_reminders(file, commitment.deadline, starts.get(commitment.reply_id), target,
                                                 evidence_dates.get(target.id, ()), as_of, rules))
        yield from planned


def _target_reminders(file: ProposalFile, commitment_deadline: dt.date | None, promised: dt.date | None,
                      target: Any, evidence_dates: Iterable[dt.date], as_of: dt.date,
                      rules: ReminderRules) -> list[PlannedReminder]:
    judged = file.target_states.get(target.id)
    if target.kind == "baseline" or target.id is None or judged is None or judged.state == "met":
        return []
    found = []
    if target.deadline is not None and target.deadline != commitment_deadline:
        found.append(PlannedReminder("target_due", "targets", target.id, f"指标到期：{target.indicator}",
                                     target.deadline, rules.longest_lead,
                                     f"期限{target.deadline.isoformat()}；{judged.label}：{judged.reason}"))
    if judged.state != "missed" and (target.deadline is None or as_of <= target.deadline):
        dated = [day for day in evidence_dates if day <= as_of]
        since, what = (max(dated), "最近佐证") if dated else (promised, "作出承诺")
        if since is not None:
            due_date = since + dt.timedelta(days=rules.stale_evidence_days)
            found.append(PlannedReminder(
                "stale_evidence", "targets", target.id, f"更新佐证：{target.indicator}{_deadline_words(target)}",
                due_date, 0,
                f"{what}{since.isoformat()} + {rules.stale_evidence_days}天 = {due_date.isoformat()}"))
    return found


def _deadline_words(target: Any) -> str:
    return f"（期限{target.deadline.isoformat()}）" if target.deadline else ""


def reconcile(existing: Sequence[Reminder], planned: Sequence[PlannedReminder], as_of: dt.date, *,
              taken_uids: Collection[str | None] | None = None) -> list[Reminder]:
    """The stored reminders to write so that they match the plan (new ones have no id). See the module docstring.

    ``existing`` may be only the stored reminders that can change (those of the planned keys and the generated
    ones no longer planned); ``taken_uids`` then names the stored UIDs a new reminder must not reuse (by default
    the UIDs of ``existing``).
    """
    by_key: dict[tuple[str, str | None, int | None], Reminder] = {}
    for reminder in sorted(existing, key=lambda r: r.id or 0):
        if reminder.kind in GENERATED_KINDS:
            by_key.setdefault((reminder.kind, reminder.subject_table, reminder.subject_id), reminder)
    if taken_uids is None:
        taken_uids = {r.uid for r in existing}
    changes: list[Reminder] = []
    needed: set[tuple[str, str | None, int | None]] = set()
    for plan in planned:
        needed.add(plan.key)
        current = by_key.get(plan.key)
        if current is None:
            uid = plan.uid if plan.uid not in taken_uids else f"{plan.kind}-{plan.subject_table}-{plan.subject_id}-" \
                                                              f"{as_of.strftime('%Y%m%d')}@reply-ledger"
            changes.append(Reminder(kind=plan.kind, title=plan.title, due_date=plan.due_date,
                                    subject_table=plan.subject_table, subject_id=plan.subject_id,
                                    lead_days=plan.lead_days, note=plan.note, uid=uid))
            continue
        updated = dataclasses.replace(current, title=plan.title, due_date=plan.due_date, lead_days=plan.lead_days,
                                      note=plan.note)
        reopen = current.state == "done" and (current.due_date != plan.due_date
                                              or (current.note or "").startswith(AUTO_DONE))
        if reopen:
            updated = dataclasses.replace(updated, state="open", done_at=None, snoozed_until=None)
        if updated != current:
            changes.append(updated)
    for key, current in by_key.items():
        if key not in needed and current.state != "done":
            changes.append(dataclasses.replace(current, state="done", done_at=as_of, snoozed_until=None,
                                               note=f"{AUTO_DONE}{_RESOLVED[current.kind]}"))
    return changes


def is_active(reminder: Reminder, on: dt.date) -> bool:
    """Open, or snoozed until no later than ``on``."""
    if reminder.state == "open":
        return True
    return reminder.state == "snoozed" and reminder.snoozed_until is not None and reminder.snoozed_until <= on


@dataclass(frozen=True)
class DueItem:
    """A reminder that is due or overdue on a date; ``days`` until its due date (negative when overdue)."""

    reminder: Reminder
    days: int

    @property
    def overdue(self) -> bool:
        return self.days < 0

    @property
    def when(self) -> str:
        if self.days < 0:
            return f"逾期{-self.days}天"
        return "今日到期" if self.days == 0 else f"还有{self.days}天"


def due_items(reminders: Iterable[Reminder], as_of: dt.date, within: int | None = None) -> list[DueItem]:
    """Active reminders due by ``as_of + within`` days, or — without ``within`` — whose lead time has begun."""
    items = []
    for reminder in reminders:
        if not is_active(reminder, as_of):
            continue
        horizon = within if within is not None else (reminder.lead_days or 0)
        if reminder.due_date - dt.timedelta(days=horizon) <= as_of:
            items.append(DueItem(reminder, (reminder.due_date - as_of).days))
    items.sort(key=lambda item: (item.reminder.due_date, GENERATED_KINDS.index(item.reminder.kind)
                                 if item.reminder.kind in GENERATED_KINDS else 99, item.reminder.id or 0))
    return items


def became_due(reminders: Iterable[Reminder], since: dt.date, until: dt.date) -> list[Reminder]:
    """The reminders that became due after ``since`` and by ``until``: a tray notification for each.

    A reminder becomes due when its lead time begins and again on its due date; a snoozed one when its snooze
    ends. Nothing is reported twice for one moment.
    """
    found = []
    for reminder in reminders:
        if not is_active(reminder, until):
            continue
        moments = {reminder.due_date - dt.timedelta(days=reminder.lead_days or 0), reminder.due_date}
        if reminder.state == "snoozed" and reminder.snoozed_until is not None:
            moments = {m for m in moments if m >= reminder.snoozed_until} | {reminder.snoozed_until}
        if any(since < moment <= until for moment in moments):
            found.append(reminder)
    return found


def snoozed(reminder: Reminder, until: dt.date, today: dt.date) -> Reminder:
    """The reminder snoozed until a later date.

    Raises:
        ValidationError: when the date is not after today.
    """
    if until <= today:
        raise ValidationError("snoozed_until", f"A reminder can only be snoozed until a later day than today "
                              f"({today.isoformat()}); pick a later date.", code="snooze_date_past",
                              value=until.isoformat(), today=today.isoformat())
    return dataclasses.replace(reminder, state="snoozed", snoozed_until=until, done_at=None)


def completed(reminder: Reminder, on: dt.date) -> Reminder:
    """The reminder marked done on a date (a clerk's done, never reopened unless its due date moves)."""
    note = reminder.note if not (reminder.note or "").startswith(AUTO_DONE) else None
    return dataclasses.replace(reminder, state="done", done_at=on, snoozed_until=None, note=note)


def reopened(reminder: Reminder) -> Reminder:
    """A done or snoozed reminder open again (the clerk changed her mind)."""
    return dataclasses.replace(reminder, state="open", done_at=None, snoozed_until=None)


def calendar_ics(reminders: Iterable[Reminder], rules: ReminderRules, stamp: dt.datetime) -> bytes:
    """An RFC 5545 calendar: one all-day event per reminder, its UID stable, alarms at the lead times.

    Done reminders stay in the calendar as cancelled events, so that importing the file again updates the event
    a calendar already holds instead of leaving its alarm behind.
    """
    import icalendar  # only a calendar needs it, and it is slow to import

    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{APP_TITLE}//{__version__}//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "答复承诺台账提醒")
    stamp_utc = stamp.astimezone(dt.UTC)
    for reminder in sorted(reminders, key=lambda r: (r.due_date, r.uid or "")):
        if not reminder.uid:
            continue
        event = icalendar.Event()
        event.add("uid", reminder.uid)
        event.add("dtstamp", stamp_utc)
        event.add("dtstart", reminder.due_date)
        event.add("dtend", reminder.due_date + dt.timedelta(days=1))
        event.add("summary", reminder.title)
        kind = REMINDER_KINDS.get(reminder.kind, reminder.kind)
        event.add("description", f"{kind}：{reminder.note}" if reminder.note else kind)
        event.add("categories", [kind])
        event.add("transp", "TRANSPARENT")
        if reminder.state == "done":
            event.add("status", "CANCELLED")
        else:
            event.add("status", "CONFIRMED")
            leads = rules.lead_days if reminder.lead_days else (0,)
            for days in leads:
                alarm = icalendar.Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", reminder.title)
                alarm.add("trigger", -dt.timedelta(days=days))
                event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()


def write_ics(path: Path, data: bytes) -> None:
    """Write the calendar beside its target and rename it into place, so a failure leaves no half file.

    Raises:
        LedgerError: when the folder is missing or the file cannot be written.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise LedgerError(f"The folder of '{path}' does not exist; create it or choose another file.",
                          code="folder_missing", path=str(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise LedgerError(f"The calendar '{path}' could not be written ({error.strerror}); check that the folder "
                          "is writable and the file is not open elsewhere.", code="file_unwritable",
                          path=str(path)) from error
