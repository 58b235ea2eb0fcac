"""Judging the whole ledger (or part of it) as of a date: loads targets and evidence in a few queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from db.store import Store
from desktop.core.errors import Cancelled
from desktop.core.records import Commitment, Evidence, Target
from desktop.core.status import Judgement, judge_groups


@dataclass(frozen=True)
class LedgerStatus:
    """Judgements of targets and commitments by id, all as of one date."""

    as_of: dt.date
    targets: dict[int, Judgement]
    commitments: dict[int, Judgement]


def promise_dates(store: Store) -> dict[int, dt.date]:
    """Commitment id → the date of the reply that made the promise (the start of its straight-line path)."""
    rows = store.conn.execute(
        "SELECT c.id, r.reply_date FROM commitments c JOIN replies r ON r.id = c.reply_id"
        " WHERE r.reply_date IS NOT NULL"
    )
    return {row[0]: dt.date.fromisoformat(row[1]) for row in rows}


def judge_ledger(store: Store, as_of: dt.date, *, commitment_ids: Sequence[int] | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 is_cancelled: Callable[[], bool] | None = None) -> LedgerStatus:
    """Judge every target and commitment (or those of the given commitments) as of a date.

    Raises:
        Cancelled: when ``is_cancelled()`` turns true.
    """
    scope, params = "", ()
    if commitment_ids is not None:
        scope = f" AND commitment_id IN ({', '.join('?' for _ in commitment_ids)})"
        params = tuple(commitment_ids)
    commitments = store.list(Commitment, "TRUE" + scope.replace("commitment_id", "id"), params)
    targets = store.list(Target, "TRUE" + scope, params, order_by="commitment_id, id")
    # Evidence in the same order as the targets, which is what judge_groups reads.
    evidence = store.list(
        Evidence, f"as_of_date <= ? AND target_id IN (SELECT id FROM targets WHERE TRUE{scope})",
        (as_of.isoformat(), *params),
        order_by="(SELECT commitment_id FROM targets WHERE targets.id = evidence.target_id), target_id, id")
    target_judgements: dict[int, Judgement] = {}
    commitment_judgements: dict[int, Judgement] = {}
    total = len(commitments)
    for done, group in enumerate(judge_groups(commitments, targets, evidence, as_of, promise_dates(store)), 1):
        if is_cancelled and done % 500 == 1 and is_cancelled():
            raise Cancelled()
        commitment_judgements[group.commitment.id or 0] = group.judgement
        for target, judgement in group.targets:
            target_judgements[target.id or 0] = judgement
        if progress and done % 500 == 0:
            progress(done, total)
    if progress:
        progress(total, total)
    return LedgerStatus(as_of, target_judgements, commitment_judgements)
