"""Figures for the dashboard: commitments and targets by responsible unit and deadline year, and what is due next.

Counts by state need the judgements of :mod:`db.status`; :func:`counts_by_state` folds them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from db.store import Store
from desktop.core.status import Judgement


@dataclass(frozen=True)
class GroupCount:
    """One bar group: the value it stands for (unit, year or state), and the commitments and targets in it."""

    key: str | int | None
    commitments: int
    targets: int


@dataclass(frozen=True)
class Deadline:
    """A commitment or target due soon; ``key`` is its row key in the commitments list."""

    key: int
    deadline: dt.date
    title: str
    indicator: str | None
    responsible_unit: str | None


def counts_by_unit(store: Store) -> list[GroupCount]:
    """Commitments and targets (commitment kind, baselines left out) per responsible unit, largest first."""
    commitments = dict(store.conn.execute(
        "SELECT responsible_unit, count(*) FROM commitments GROUP BY responsible_unit").fetchall())
    targets = dict(store.conn.execute(
        "SELECT c.responsible_unit, count(*) FROM targets t JOIN commitments c ON c.id = t.commitment_id"
        " WHERE t.kind = 'commitment' GROUP BY c.responsible_unit").fetchall())
    units = sorted(set(commitments) | set(targets),
                   key=lambda unit: (-commitments.get(unit, 0), unit is None, unit or ""))
    return [GroupCount(unit, commitments.get(unit, 0), targets.get(unit, 0)) for unit in units]


def counts_by_year(store: Store) -> list[GroupCount]:
    """Commitments by the year of their deadline and targets by theirs (their commitment's when unset)."""
    commitments = {int(row[0]) if row[0] else None: row[1] for row in store.conn.execute(
        "SELECT substr(deadline, 1, 4), count(*) FROM commitments GROUP BY 1")}
    targets = {int(row[0]) if row[0] else None: row[1] for row in store.conn.execute(
        "SELECT substr(coalesce(t.deadline, c.deadline), 1, 4), count(*) FROM targets t"
        " JOIN commitments c ON c.id = t.commitment_id WHERE t.kind = 'commitment' GROUP BY 1")}
    years = sorted(set(commitments) | set(targets), key=lambda year: (year is None, year or 0))
    return [GroupCount(year, commitments.get(year, 0), targets.get(year, 0)) for year in years]


def counts_by_state(targets: Mapping[int, Judgement], commitments: Mapping[int, Judgement],
                    states: tuple[str, ...]) -> list[GroupCount]:
    """Commitments and targets per state, in the order of ``states``."""
    by_target = Counter(judgement.state for judgement in targets.values())
    by_commitment = Counter(judgement.state for judgement in commitments.values())
    return [GroupCount(state, by_commitment.get(state, 0), by_target.get(state, 0)) for state in states]


def upcoming_deadlines(store: Store, as_of: dt.date, *, limit: int = 30) -> list[Deadline]:
    """Targets (and commitments without targets) due on or after ``as_of``, soonest first."""
    day = as_of.isoformat()
    rows = store.conn.execute(
        "SELECT key, deadline, title, indicator, responsible_unit FROM ("
        " SELECT t.id AS key, t.deadline AS deadline, c.title AS title, t.indicator AS indicator,"
        "  c.responsible_unit AS responsible_unit FROM targets t JOIN commitments c ON c.id = t.commitment_id"
        "  WHERE t.kind = 'commitment' AND t.deadline >= ?"
        " UNION ALL"
        " SELECT -c.id, c.deadline, c.title, NULL, c.responsible_unit FROM commitments c"
        "  WHERE c.deadline >= ? AND NOT EXISTS (SELECT 1 FROM targets t WHERE t.commitment_id = c.id)"
        ") AS due ORDER BY deadline, key LIMIT ?", (day, day, int(limit)))
    return [Deadline(row[0], dt.date.fromisoformat(row[1]), row[2], row[3], row[4]) for row in rows]
