"""Judging the whole ledger (or part of it) as of a date: loads targets and evidence in a few queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from db.store import Store
from desktop.core.errors import Cancelled
from desktop.core.records import Commitment, Evidence, Target
from desktop.core.status import Judgement, judge_commitment, judge_target


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
    if commitment_ids is None:
        commitments = store.list(Commitment)
        targets = store.list(Target, order_by="commitment_id, id")
        evidence = store.list(Evidence, "as_of_date <= ?", (as_of.isoformat(),), order_by="target_id, id")
    else:
        marks = ", ".join("?" for _ in commitment_ids)
        commitments = store.list(Commitment, f"id IN ({marks})", tuple(commitment_ids))
        targets = store.list(Target, f"commitment_id IN ({marks})", tuple(commitment_ids),
                             order_by="commitment_id, id")
        evidence = store.list(
            Evidence, f"as_of_date <= ? AND target_id IN (SELECT id FROM targets WHERE commitment_id IN ({marks}))",
            (as_of.isoformat(), *commitment_ids), order_by="target_id, id")
    evidence_by_target: dict[int, list[Evidence]] = defaultdict(list)
    for item in evidence:
        evidence_by_target[item.target_id].append(item)
    starts = promise_dates(store)
    targets_by_commitment: dict[int, list[tuple[Target, Judgement]]] = defaultdict(list)
    target_judgements: dict[int, Judgement] = {}
    total = len(targets) + len(commitments)
    for done, target in enumerate(targets, start=1):
        if is_cancelled and done % 1000 == 1 and is_cancelled():
            raise Cancelled()
        judgement = judge_target(target, evidence_by_target.get(target.id or 0, []), as_of,
                                 start_date=starts.get(target.commitment_id))
        target_judgements[target.id or 0] = judgement
        targets_by_commitment[target.commitment_id].append((target, judgement))
        if progress and done % 1000 == 0:
            progress(done, total)
    commitment_judgements = {
        commitment.id or 0: judge_commitment(commitment, targets_by_commitment.get(commitment.id or 0, []), as_of)
        for commitment in commitments
    }
    if progress:
        progress(total, total)
    return LedgerStatus(as_of, target_judgements, commitment_judgements)
