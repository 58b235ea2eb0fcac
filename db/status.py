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
    SEVERITY_RANK,
    Judgement,
    TargetFacts,
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
# How a target without evidence is judged, as one small number (no text to build per row): by its kind alone, as
# a qualitative target by its deadline, as a promise by its deadline, or by judge_target (a value not converted).
_BASELINE, _QUALITATIVE, _BY_DEADLINE, _UNCONVERTED_VALUE = 0, 1, 2, 3
_TARGET_ROW = ("id", "commitment_id", "indicator", "deadline",
               f"CASE WHEN kind = 'baseline' THEN {_BASELINE} WHEN comparator = 'qualitative' THEN {_QUALITATIVE}"
               f" WHEN value_normalized IS NULL THEN {_UNCONVERTED_VALUE} ELSE {_BY_DEADLINE} END")
# What judge_without_evidence reads of a target of each way (it looks only for a baseline and a qualitative one).
_WITHOUT_EVIDENCE_AS = {_BASELINE: ("baseline", ""), _QUALITATIVE: ("commitment", "qualitative"),
                        _BY_DEADLINE: ("commitment", "")}
_TARGET_DETAIL = ("kind", "comparator", "value_normalized", "value", "value_high", "unit", "value_high_normalized",
                  "unit_normalized", "cumulative", "baseline_value", "baseline_unit", "baseline_date")
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

    def facts(deadline: str | None, detail: tuple) -> TargetFacts:
        """What judges a target, from its deadline and its :data:`_TARGET_DETAIL` (no record: a few fields)."""
        (kind, comparator, normalized, value, value_high, unit, high_normalized, unit_normalized, cumulative, baseline,
         baseline_unit, since) = detail
        return TargetFacts(kind, comparator, value, value_high, unit, normalized, high_normalized, unit_normalized,
                           day(deadline), None if cumulative is None else bool(cumulative), baseline, baseline_unit,
                           None if since is None else day(since))

    with collection_paused():
        conn = store.conn
        commitment_scope = scope.replace("commitment_id", "c.id")
        # The date each promise was made (its reply's), shared date objects: what the straight-line path needs.
        promise_date = {commitment_id: day(reply_date) for commitment_id, reply_date in conn.execute(
            "SELECT c.id, r.reply_date FROM commitments c JOIN replies r ON r.id = c.reply_id"
            f" WHERE r.reply_date IS NOT NULL{commitment_scope}", params)}
        total = store.count(Commitment, "TRUE" + scope.replace("commitment_id", "id"), params)
        # Targets by id and evidence by target, in orders SQLite reads without sorting (its table, an index); each
        # commitment's promises are tallied as its targets come, in the order of their ids (a few numbers each).
        tallies: dict[int, list] = {}
        # The deadline-only judgements met so far, with their rank in SEVERITY: most targets take one of these.
        by_deadline: dict[object, tuple[Judgement, int]] = {}
        unconverted = {row[0]: row[1:] for row in store.dialect.tuples(
            conn, f"SELECT id, {', '.join(_TARGET_DETAIL)} FROM targets WHERE {_UNCONVERTED}{scope}", params)}
        targets = store.dialect.tuples(conn, f"SELECT {', '.join(_TARGET_ROW)} FROM targets WHERE TRUE{scope}"
                                       " ORDER BY id", params)
        evidence_reader = record_reader(Evidence)
        evidence_rows = _evidence_by_target(store, evidence_reader, as_of, scope, params)
        build_evidence, detail_at = evidence_reader.build, len(evidence_reader.columns)
        pending = next(evidence_rows, None)
        pending_id = None if pending is None else pending[0]
        rank_of = SEVERITY_RANK
        for done, (target_id, commitment_id, indicator, deadline, way) in enumerate(targets, 1):
            if not done % 500:  # in the window, asking is also where a pool thread gives way to the GUI thread
                if is_cancelled and is_cancelled():
                    raise Cancelled()
                if progress and not done % 2000:
                    progress(min(len(tallies), total), total)
            if target_id != pending_id:
                if way != _UNCONVERTED_VALUE:
                    # A promise in its base unit (most targets) by its deadline alone; the others by their way too.
                    key = deadline if way == _BY_DEADLINE else (way, deadline)
                    shared = by_deadline.get(key)
                    if shared is None:
                        judged = judge_without_evidence(*_WITHOUT_EVIDENCE_AS[way], day(deadline), as_of)
                        shared = by_deadline[key] = (judged, rank_of[judged.state])
                    judgement, rank = shared
                else:
                    judgement = judge_target(facts(deadline, unconverted[target_id]), (), as_of,
                                             start_date=promise_date.get(commitment_id))
                    rank = rank_of[judgement.state]
            else:
                detail = pending[detail_at:]
                found: list[Evidence] = []
                while pending_id == target_id:
                    found.append(build_evidence(pending[:detail_at]))  # type: ignore[index]
                    pending = next(evidence_rows, None)
                    pending_id = None if pending is None else pending[0]
                judgement = judge_target(facts(deadline, detail), found, as_of,
                                         start_date=promise_date.get(commitment_id))
                rank = rank_of[judgement.state]
            target_judgements[target_id] = judgement
            tally = tallies.get(commitment_id)
            if tally is None:
                tally = tallies[commitment_id] = new_tally()
            if way != _BASELINE:  # add_to_tally, inline: a call per target is a tenth of this loop
                tally[0] += 1
                tally[4 + rank] += 1
                if rank < tally[1]:  # the first of the worst decides
                    tally[1], tally[2], tally[3] = rank, indicator, judgement
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
    """Evidence rows known on the date, by target, then date and id: the order of the index on (target, date),
    which SQLite reads without sorting, and a target's evidence judges alike in any order that keeps the figures
    of a day by id (see :func:`desktop.core.status.judge_group`). Each row holds the reader's columns, then its
    target's :data:`_TARGET_DETAIL`. Evidence comes first: ``target_id`` is first."""
    assert reader.columns[0] == "target_id"
    where = scope.replace("commitment_id", "t.commitment_id")
    cursor = store.dialect.tuples(
        store.conn, f"SELECT {reader.select_list('e.')}, {', '.join('t.' + name for name in _TARGET_DETAIL)}"
        f" FROM evidence e JOIN targets t ON t.id = e.target_id WHERE e.as_of_date <= ?{where}"
        " ORDER BY e.target_id, e.as_of_date, e.id", (as_of.isoformat(), *params))
    return iter(cursor)
