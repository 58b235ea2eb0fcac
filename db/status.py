"""Judging the whole ledger (or part of it) as of a date: loads targets and evidence in a few queries."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from db.rows import RecordReader, record_reader
from db.store import Store
from desktop.core.errors import Cancelled
from desktop.core.gc_tuning import collection_paused
from desktop.core.records import Commitment, Evidence
from desktop.core.status import (
    Judgement,
    TargetFacts,
    add_to_tally,
    judge_tally,
    judge_target,
    judge_without_evidence,
    new_tally,
)


@dataclass(frozen=True)
class LedgerStatus:
    """Judgements of targets and commitments by id, all as of one date."""

    as_of: dt.date
    targets: dict[int, Judgement]
    commitments: dict[int, Judgement]


# Every target is read with the few columns that judge it when it has no evidence (most targets of a big ledger);
# the rest of the columns it is judged by come with its evidence, or with the few targets whose value was never
# converted to its base unit.
_TARGET_ROW = ("id", "commitment_id", "indicator", "kind", "comparator", "deadline", "value_normalized")
_TARGET_DETAIL = ("value", "value_high", "unit", "value_high_normalized", "unit_normalized", "cumulative",
                  "baseline_value", "baseline_unit", "baseline_date")
# Targets judge_target must see whole even without evidence: a value not converted to the target's base unit.
_UNCONVERTED = "value_normalized IS NULL AND kind <> 'baseline' AND comparator <> 'qualitative'"


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
    evidence takes the straight-line path, from the few fields that judge it (:class:`TargetFacts`, not a record),
    its evidence as records (the latest one stays in the judgement). Commitments are judged from the few columns
    that decide them, their promise date read with them.

    Raises:
        Cancelled: when ``is_cancelled()`` turns true.
    """
    scope, params = "", ()
    if commitment_ids is not None:
        scope = f" AND commitment_id IN ({store.dialect.json_ids()})"
        params = (id_list(commitment_ids),)
    target_judgements: dict[int, Judgement] = {}
    commitment_judgements: dict[int, Judgement] = {}
    dates: dict[str | None, dt.date | None] = {None: None}

    def day(text: str | None) -> dt.date | None:
        found = dates.get(text, False)
        if found is False:
            found = dates[text] = dt.date.fromisoformat(text)  # type: ignore[arg-type]
        return found  # type: ignore[return-value]

    def facts(row: tuple, detail: tuple) -> TargetFacts:
        """What judges a target, from its row and its :data:`_TARGET_DETAIL` (no record: a few fields)."""
        value, value_high, unit, high_normalized, unit_normalized, cumulative, baseline, baseline_unit, since = detail
        return TargetFacts(row[3], row[4], value, value_high, unit, row[6], high_normalized, unit_normalized,
                           day(row[5]), None if cumulative is None else bool(cumulative), baseline, baseline_unit,
                           None if since is None else day(since))

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
        unconverted = {row[0]: row[1:] for row in store.dialect.tuples(
            conn, f"SELECT id, {', '.join(_TARGET_DETAIL)} FROM targets WHERE {_UNCONVERTED}{scope}", params)}
        targets = store.dialect.tuples(conn, f"SELECT {', '.join(_TARGET_ROW)} FROM targets WHERE TRUE{scope}"
                                       " ORDER BY id", params)
        evidence_reader = record_reader(Evidence)
        evidence_rows = _evidence_by_target(store, evidence_reader, as_of, scope, params)
        build_evidence, detail_at = evidence_reader.build, len(evidence_reader.columns)
        pending = next(evidence_rows, None)
        for done, row in enumerate(targets, 1):
            if done % 2000 == 0:
                if is_cancelled and is_cancelled():
                    raise Cancelled()
                if progress:
                    progress(min(len(tallies), total), total)
            target_id, commitment_id, indicator, kind, comparator, deadline, normalized = row
            if pending is None or pending[0] != target_id:
                if kind == "baseline" or comparator == "qualitative" or normalized is not None:
                    key = (kind, comparator == "qualitative", deadline)
                    judgement = by_deadline.get(key)  # type: ignore[assignment]
                    if judgement is None:
                        judgement = by_deadline[key] = judge_without_evidence(kind, comparator, day(deadline), as_of)
                else:
                    judgement = judge_target(facts(row, unconverted[target_id]), (), as_of,
                                             start_date=promise_date.get(commitment_id))
            else:
                detail = pending[detail_at:]
                found: list[Evidence] = []
                while pending is not None and pending[0] == target_id:
                    found.append(build_evidence(pending[:detail_at]))
                    pending = next(evidence_rows, None)
                judgement = judge_target(facts(row, detail), found, as_of,
                                         start_date=promise_date.get(commitment_id))
            target_judgements[target_id] = judgement
            tally = tallies.get(commitment_id)
            if tally is None:
                tally = tallies[commitment_id] = new_tally()
            if kind != "baseline":
                add_to_tally(tally, indicator, judgement)
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


def _evidence_by_target(store: Store, reader: RecordReader, as_of: dt.date, scope: str,
                        params: tuple) -> Iterator[tuple]:
    """Evidence rows known on the date, by target, then id (the order of judging by target id); each row holds the
    reader's columns, then its target's :data:`_TARGET_DETAIL`. Evidence comes first: ``target_id`` is first."""
    assert reader.columns[0] == "target_id"
    where = scope.replace("commitment_id", "t.commitment_id")
    cursor = store.dialect.tuples(
        store.conn, f"SELECT {reader.select_list('e.')}, {', '.join('t.' + name for name in _TARGET_DETAIL)}"
        f" FROM evidence e JOIN targets t ON t.id = e.target_id WHERE e.as_of_date <= ?{where}"
        " ORDER BY e.target_id, e.id", (as_of.isoformat(), *params))
    return iter(cursor)
