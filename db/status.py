"""Judging the whole ledger (or part of it) as of a date: loads targets and evidence in a few queries."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from db.store import Store, record_reader
from desktop.core.errors import Cancelled
from desktop.core.gc_tuning import collection_paused
from desktop.core.records import Commitment, Evidence, Target
from desktop.core.status import Judgement, judge_groups


@dataclass(frozen=True)
class LedgerStatus:
    """Judgements of targets and commitments by id, all as of one date."""

    as_of: dt.date
    targets: dict[int, Judgement]
    commitments: dict[int, Judgement]


# Columns judging never reads (the records it builds are dropped once judged).
_NOT_JUDGED = ("deadline_text", "baseline_quote", "quote", "quote_start", "quote_end", "source_document_id")
_COMMITMENT_NOT_JUDGED = ("title", "quote", "quote_start", "quote_end", "responsible_unit", "deadline_text")


def id_list(ids: Iterable[int]) -> str:
    """Ids as one JSON parameter, for ``IN ({dialect.json_ids()})``: no limit on how many."""
    return json.dumps([int(item) for item in ids])


def promise_dates(store: Store, commitment_ids: Sequence[int] | None = None) -> dict[int, dt.date]:
    """Commitment id → the date of the reply that made the promise (the start of its straight-line path).

    With ``commitment_ids``, only those commitments are read (a batch does not read the whole ledger).
    """
    sql = ("SELECT c.id, r.reply_date FROM commitments c JOIN replies r ON r.id = c.reply_id"
           " WHERE r.reply_date IS NOT NULL")
    params: tuple = ()
    if commitment_ids is not None:
        sql += f" AND c.id IN ({store.dialect.json_ids()})"
        params = (id_list(commitment_ids),)
    return {row[0]: dt.date.fromisoformat(row[1]) for row in store.conn.execute(sql, params)}


def judge_ledger(store: Store, as_of: dt.date, *, commitment_ids: Sequence[int] | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 is_cancelled: Callable[[], bool] | None = None) -> LedgerStatus:
    """Judge every target and commitment (or those of the given commitments) as of a date.

    Commitments, targets and evidence stream from three cursors in one order, so only the judgements stay in
    memory; the garbage collector is kept out while they pile up (see :mod:`desktop.core.gc_tuning`).

    Raises:
        Cancelled: when ``is_cancelled()`` turns true.
    """
    scope, params = "", ()
    if commitment_ids is not None:
        scope = f" AND commitment_id IN ({store.dialect.json_ids()})"
        params = (id_list(commitment_ids),)
    total = store.count(Commitment, "TRUE" + scope.replace("commitment_id", "id"), params)
    target_judgements: dict[int, Judgement] = {}
    commitment_judgements: dict[int, Judgement] = {}
    with collection_paused():
        commitments = store.iter(Commitment, "TRUE" + scope.replace("commitment_id", "id"), params,
                                 omit=_COMMITMENT_NOT_JUDGED)
        targets = store.iter(Target, "TRUE" + scope, params, order_by="commitment_id, id", omit=_NOT_JUDGED)
        groups = judge_groups(commitments, targets, _evidence_by_commitment(store, as_of, scope, params), as_of,
                              promise_dates(store, commitment_ids))
        for done, group in enumerate(groups, 1):
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


def _evidence_by_commitment(store: Store, as_of: dt.date, scope: str, params: tuple) -> Iterator[Evidence]:
    """Evidence known on the date, in the order judge_groups reads it: by commitment, target, then id."""
    reader = record_reader(Evidence)
    cursor = store.dialect.tuples(
        store.conn, f"SELECT {reader.select_list('e.')} FROM evidence e JOIN targets t ON t.id = e.target_id"
        f" WHERE e.as_of_date <= ?{scope.replace('commitment_id', 't.commitment_id')}"
        " ORDER BY t.commitment_id, e.target_id, e.id", (as_of.isoformat(), *params))
    return reader.read(cursor)
