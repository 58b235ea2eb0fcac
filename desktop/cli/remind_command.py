"""`reply-ledger remind`: bring reminders up to date, print what is due or overdue, write an .ics calendar."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from desktop.cli.common import open_store
from desktop.cli.status_command import as_of_date
from desktop.core.errors import ValidationError
from desktop.core.records import REMINDER_KINDS

EXIT_OVERDUE = 1
WRITE_LINES = 500  # due reminders written together


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "remind", parents=[common], help="list due and overdue reminders; exit status 1 when any is overdue",
        description="Generate the reminders the ledger needs (reply deadlines, promise and target deadlines, "
        "targets without recent evidence, replies without a rating, re-answers after 不满意), then print each due "
        "or overdue one on a line: due date (YYYY-MM-DD), how far off, kind, title — tab-separated. Exit status 1 "
        "when something is overdue, 0 otherwise.")
    parser.add_argument("--within", metavar="DAYS", help="list what falls due within this many days "
                        "(default: each reminder's own lead time, 30 days before a deadline by default)")
    parser.add_argument("--as-of", metavar="DATE", help="the day to check for (default: today)")
    parser.add_argument("--ics", metavar="OUT.ics", type=Path,
                        help="also write every reminder to an iCalendar file (Outlook, WPS, phones import it)")
    parser.set_defaults(handler=run)


def _within(value: str | None) -> int | None:
    if value is None:
        return None
    text = value.strip()
    if not text.isdigit():
        raise ValidationError("--within", f"--within '{value}' is not a number of days; write a whole number such "
                              "as 30.", code="number_invalid", value=value)
    return int(text)


def run(args: argparse.Namespace) -> int:
    from db.reminders import iter_due_reminders, list_reminders, reminder_rules, sync_reminders
    from desktop.core.reminders import calendar_ics, write_ics

    as_of = as_of_date(args)
    within = _within(args.within)
    open_count = None
    overdue = due = 0
    with open_store(args, create=False) as store:
        sync_reminders(store, as_of)
        if args.ics:
            reminders = list_reminders(store)
            write_ics(args.ics, calendar_ics(reminders, reminder_rules(store), dt.datetime.now(dt.UTC)))
            open_count = sum(1 for r in reminders if r.state != "done")
            del reminders
        # Written as they are read, some hundred lines at a time: memory does not grow with what is due, and
        # there is no print per line.
        lines: list[str] = []
        for item in iter_due_reminders(store, as_of, within, lean=True):
            kind = REMINDER_KINDS.get(item.reminder.kind, item.reminder.kind)
            lines.append(f"{item.reminder.due_date.isoformat()}\t{item.when}\t{kind}\t{item.reminder.title}\n")
            due += 1
            overdue += item.overdue
            if len(lines) == WRITE_LINES:
                sys.stdout.write("".join(lines))
                lines.clear()
        sys.stdout.write("".join(lines))
    if due:
        print(f"截至{as_of.isoformat()}：逾期{overdue}项，即将到期{due - overdue}项")
    else:
        print(f"截至{as_of.isoformat()}：没有到期或逾期的提醒")
    if args.ics:
        print(f"日历已写入{args.ics}（{open_count}项待办）")
    return EXIT_OVERDUE if overdue else 0
