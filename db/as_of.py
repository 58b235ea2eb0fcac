"""What was known on a date: the one rule every view of the ledger as of a date applies (the audit workbook, the
status lines, the figures 回头看 compares).

A record dated after the as-of date did not exist yet: a proposal received (else assigned) later, a reply, a
rating, a contact or evidence dated later. What hangs on a later reply (its commitments and targets, its ratings)
goes with it. A record without a date counts as known.
"""

from __future__ import annotations

import datetime as dt

from db.store import Store

# The date that says when each kind of record came to be ({p} is the table's alias and a dot, or nothing).
_DATED_BY = {
    "proposals": "coalesce({p}received_date, {p}assigned_date)",
    "replies": "{p}reply_date",
    "feedback": "{p}feedback_date",
    "contacts": "{p}contact_date",
    "evidence": "{p}as_of_date",
}
# How the summaries name each kind.
KIND_NAMES = {"proposals": "建议", "replies": "答复", "feedback": "评价", "contacts": "见面沟通", "evidence": "佐证"}


def later(table: str, alias: str = "") -> str:
    """SQL that is true for a record of ``table`` dated after the as-of date (one ``?``: the date, ISO)."""
    return f"{_DATED_BY[table].format(p=f'{alias}.' if alias else '')} > ?"


def known(table: str, alias: str = "") -> str:
    """SQL that is true for a record of ``table`` known on the as-of date (one ``?``): the opposite of
    :func:`later`, with undated records known."""
    return f"NOT coalesce({later(table, alias)}, FALSE)"


def left_out(store: Store, as_of: dt.date, tables: tuple[str, ...] = ("proposals", "replies")) -> dict[str, int]:
    """How many records of each table are dated after the as-of date (by the name the summaries use)."""
    day = as_of.isoformat()
    return {KIND_NAMES[table]: store.conn.execute(f"SELECT count(*) FROM {table} WHERE {later(table)}",
                                                  (day,)).fetchone()[0] for table in tables}
