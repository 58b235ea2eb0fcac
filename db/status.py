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
from desktop.core.status import Judgement, add_to_tally, judge_tally, judge_target, judge_without_evidence, new_tally


@dataclass(frozen=True)
class LedgerStatus:
    """Judgements of targets and commitments by id, all as of one date."""

    as_of: dt.date
    targets: dict[int, Judgement]
    commitments: dict[int, Judgement]


# Columns judging never reads (the records it builds are dropped once judged).
_NOT_JUDGED = ("deadline_text", "baseline_quote", "quote", "quote_start", "quote_end", "source_document_id")


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
    memory; the garbage collector is kept out while they pile up (see :mod:`desktop.core.gc_tuning`). A target
    without evidence known on the date is judged from its row as its deadline decides
    (:func:`desktop.core.status.judge_without_evidence`, one shared judgement per deadline); only a target with
    evidence becomes a record and takes the straight-line path. Commitments are judged from the few columns that
    decide them, their promise date read with them.

    Raises:
        Cancelled: when ``is_cancelled()`` turns true.
    """
    scope, params = "", ()
    if commitment_ids is not None:
        scope = f" AND commitment_id IN ({store.dialect.json_ids()})"
        params = (id_list(commitment_ids),)
    target_judgements: dict[int, Judgement] = {}
    commitment_judgements: dict[int, Judgement] = {}
    reader = record_reader(Target, _NOT_JUDGED)
    column = {name: index for index, name in enumerate(reader.columns)}
    id_at, commitment_at, indicator_at = column["id"], column["commitment_id"], column["indicator"]
    kind_at, comparator_at, deadline_at = column["kind"], column["comparator"], column["deadline"]
    normalized_at = column["value_normalized"]
    dates: dict[str | None, dt.date | None] = {None: None}

    def day(text: str | None) -> dt.date | None:
        found = dates.get(text, False)
        if found is False:
            found = dates[text] = dt.date.fromisoformat(text)  # type: ignore[arg-type]
        return found  # type: ignore[return-value]

    with collection_paused():
        conn = store.conn
        commitment_scope = scope.replace("commitment_id", "c.id")
        # The date each promise was made (its reply's), shared date objects: what the straight-line path needs.
        promise_date = {commitment_id: day(reply_date) for commitment_id, reply_date in conn.execute(
            "SELECT c.id, r.reply_date FROM commitments c JOIN replies r ON r.id = c.reply_id"
            f" WHERE r.reply_date IS NOT NULL{commitment_scope}", params)}
        total = store.count(Commitment, "TRUE" + scope.replace("commitment_id", "id"), params)
        # Targets and evidence in the order of the tables themselves (by id), which SQLite reads straight; each
        # commitment's promises are tallied as its targets come, in the order of their ids (a few numbers each).
        tallies: dict[int, list] = {}
        by_deadline: dict[tuple[str, bool, str | None], Judgement] = {}  # the deadline-only judgements met so far
        targets = store.dialect.tuples(conn, f"SELECT {reader.select_list()} FROM targets WHERE TRUE{scope}"
                                       " ORDER BY id", params)
        evidence_stream = _evidence_by_target(store, as_of, scope, params)
        pending_evidence = next(evidence_stream, None)
        for done, row in enumerate(targets, 1):
            if done % 2000 == 0:
                if is_cancelled and is_cancelled():
                    raise Cancelled()
                if progress:
                    progress(min(len(tallies), total), total)
            target_id = row[id_at]
            kind = row[kind_at]
            if pending_evidence is None or pending_evidence.target_id != target_id:
                comparator = row[comparator_at]
                if kind == "baseline" or comparator == "qualitative" or row[normalized_at] is not None:
                    key = (kind, comparator == "qualitative", row[deadline_at])
                    judgement = by_deadline.get(key)  # type: ignore[assignment]
                    if judgement is None:
                        judgement = by_deadline[key] = judge_without_evidence(kind, comparator,
                                                                              day(row[deadline_at]), as_of)
                else:
                    judgement = judge_target(reader.build(row), (), as_of,
                                             start_date=promise_date.get(row[commitment_at]))
            else:
                found: list[Evidence] = []
                while pending_evidence is not None and pending_evidence.target_id == target_id:
                    found.append(pending_evidence)
                    pending_evidence = next(evidence_stream, None)
                judgement = judge_target(reader.build(row), found, as_of,
                                         start_date=promise_date.get(row[commitment_at]))
            target_judgements[target_id] = judgement
            tally = tallies.get(row[commitment_at])
            if tally is None:
                tally = tallies[row[commitment_at]] = new_tally()
            if kind != "baseline":
                add_to_tally(tally, row[indicator_at], judgement)
        if is_cancelled and is_cancelled():
            raise Cancelled()
        del promise_date
        for commitment_id, manual_state, notes, deadline in conn.execute(
                f"SELECT c.id, c.manual_state, c.notes, c.deadline FROM commitments c WHERE TRUE{commitment_scope}"
                " ORDER BY c.id", params):
            commitment_judgements[commitment_id] = judge_tally(manual_state, notes, day(deadline),
                                                               tallies.pop(commitment_id, None), as_of)
    if progress:
        progress(total, total)
    return LedgerStatus(as_of, target_judgements, commitment_judgements)


def _evidence_by_target(store: Store, as_of: dt.date, scope: str, params: tuple) -> Iterator[Evidence]:
    """Evidence known on the date, by target, then id: the order of judging by target id."""
    reader = record_reader(Evidence)
    where = f" AND target_id IN (SELECT id FROM targets WHERE TRUE{scope})" if scope else ""
    cursor = store.dialect.tuples(store.conn, f"SELECT {reader.select_list()} FROM evidence WHERE as_of_date <= ?"
                                  f"{where} ORDER BY target_id, id", (as_of.isoformat(), *params))
    return reader.read(cursor)
