"""Judging the whole ledger from its rows gives exactly the judgements of judging its records one by one."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import pickle
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from db import Store
from db.followup import deadline_rules, iter_proposal_files, load_proposal_files
from db.rows import RecordReader
from db.status import judge_ledger, promise_dates
from desktop.__main__ import main
from desktop.core.handling import ProposalFile, judge_handling
from desktop.core.records import Commitment, Evidence, Target
from desktop.core.reminders import ReminderRules, plan_reminders
from desktop.core.status import SEVERITY, add_to_tally, judge_records, judge_target, new_tally

D = dt.date


def _add_every_kind_of_case(store: Store) -> None:
    """What the generated ledger lacks: qualitative and baseline targets, hand-set states, commitments without
    targets, a value stored without its base unit, evidence in a unit that does not fit, later evidence."""
    reply_id = store.conn.execute("SELECT min(id) FROM replies").fetchone()[0]
    with store.transaction():
        def commitment(**fields) -> int:
            return store.save(Commitment(reply_id=reply_id, title="补充承诺", **fields)).id

        def target(commitment_id: int, **fields) -> int:
            values = dict(commitment_id=commitment_id, indicator="补充指标", comparator=">=", value=10.0, unit="个",
                          value_normalized=10.0, unit_normalized="个", deadline=D(2024, 12, 31))
            values.update(fields)
            return store.save(Target(**values)).id

        mixed = commitment(deadline=D(2024, 12, 31))
        done = target(mixed, comparator="qualitative", value=None, value_normalized=None)
        store.save(Evidence(target_id=done, as_of_date=D(2024, 3, 1), achieved=True))
        not_done = target(mixed, comparator="qualitative", value=None, value_normalized=None, indicator="定性二")
        store.save(Evidence(target_id=not_done, as_of_date=D(2024, 3, 1), achieved=False))
        target(mixed, comparator="qualitative", value=None, value_normalized=None, deadline=D(2030, 1, 1))
        target(mixed, kind="baseline", value=3.0, value_normalized=3.0)
        unfit = target(mixed, indicator="单位不符")
        store.save(Evidence(target_id=unfit, as_of_date=D(2024, 3, 1), value=5.0, unit="元"))
        later = target(mixed, indicator="佐证在后")
        store.save(Evidence(target_id=later, as_of_date=D(2031, 1, 1), value=50.0, unit="个"))
        target(mixed, indicator="未换算", value=2.0, unit="万个", value_normalized=None, unit_normalized=None)
        # Figures entered out of date order, two contradicting ones of a day, and two alike but for their source.
        busy = target(mixed, indicator="多条佐证", deadline=D(2030, 12, 31))
        for day, value, publisher in [(D(2024, 5, 1), 8.0, "甲"), (D(2023, 1, 1), 2.0, "乙"),
                                      (D(2024, 5, 1), 6.0, "丙"), (D(2024, 5, 1), 6.0, "丁")]:
            store.save(Evidence(target_id=busy, as_of_date=day, value=value, unit="个", publisher=publisher))
        target(commitment(manual_state="met", notes="已验收"))
        commitment(deadline=D(2020, 1, 1))
        commitment(deadline=D(2030, 1, 1))
        target(commitment(), kind="baseline", value=1.0, value_normalized=1.0)


@pytest.fixture
def generated(generated_ledger: Callable[[Callable[[Store], None]], Path | str]) -> Iterator[Store]:
    """A generated ledger of some hundred targets with every kind of case, on the backend of the test."""
    location = generated_ledger(_add_every_kind_of_case)
    with Store.open(location, actor="tester") as store:
        yield store


def _judged_record_by_record(store: Store, as_of: dt.date):
    commitments = store.list(Commitment)
    return judge_records(commitments, store.list(Target), store.list(Evidence), as_of,
                         promise_dates(store, [c.id for c in commitments]))


@pytest.mark.parametrize("as_of", [D(2019, 6, 30), D(2024, 6, 30), D(2026, 12, 3)])
def test_judging_the_ledger_from_its_rows_agrees_with_judging_every_record(generated: Store, as_of) -> None:
    status = judge_ledger(generated, as_of)
    groups = list(_judged_record_by_record(generated, as_of))
    assert status.commitments == {group.commitment.id: group.judgement for group in groups}
    assert status.targets == {target.id: judged for group in groups for target, judged in group.targets}
    some = [group.commitment.id for group in groups[::7]]
    part = judge_ledger(generated, as_of, commitment_ids=some)
    assert part.commitments == {key: status.commitments[key] for key in some}


# The judgements of the generated ledger as the record-by-record rules gave them before judging read rows and
# deferred its sentences: every state, reason, figure and latest evidence (by id), by date.
_EARLIER_JUDGEMENTS = Path(__file__).parent / "fixtures" / "generated_ledger_judgements.json.gz"


def _as_line(kind: str, key: int, judged) -> list:
    latest = judged.latest_evidence
    return [kind, key, judged.state, judged.reason, judged.as_of.isoformat(), latest.id if latest else None,
            judged.measured_value, judged.progress, judged.expected_value, judged.unit_problem]


def test_judging_the_ledger_gives_word_for_word_what_the_record_by_record_rules_gave(generated: Store) -> None:
    earlier = json.loads(gzip.decompress(_EARLIER_JUDGEMENTS.read_bytes()))
    for day, lines in earlier.items():
        as_of = dt.date.fromisoformat(day)
        status = judge_ledger(generated, as_of)
        fast = [_as_line("c", key, judged) for key, judged in sorted(status.commitments.items())]
        fast += [_as_line("t", key, judged) for key, judged in sorted(status.targets.items())]
        assert fast == lines
        by_record = {(kind, key): judged for group in _judged_record_by_record(generated, as_of)
                     for kind, key, judged in [("c", group.commitment.id, group.judgement),
                                               *(("t", target.id, judged) for target, judged in group.targets)]}
        assert [_as_line(*key, by_record[key]) for key in [(line[0], line[1]) for line in lines]] == lines


def test_judgements_read_later_compare_and_pickle_as_their_fields(generated: Store) -> None:
    status = judge_ledger(generated, D(2024, 6, 30))
    again = judge_ledger(generated, D(2024, 6, 30))
    for key, judged in status.targets.items():
        copy = pickle.loads(pickle.dumps(again.targets[key]))  # its deferred fields worked out on the way
        assert copy == judged and hash(copy.reason) == hash(judged.reason)
        assert copy.latest_evidence == judged.latest_evidence


def test_the_compared_ledger_holds_every_state(generated: Store) -> None:
    states = {judged.state for as_of in (D(2019, 6, 30), D(2024, 6, 30))
              for judged in judge_ledger(generated, as_of).targets.values()}
    assert states == set(SEVERITY)


@contextmanager
def _judged_in_full() -> Iterator[tuple[list[int], list[object]]]:
    """Inside the block: the number of evidence records each call of judge_target was given, and every record
    the store's reader built."""
    given: list[int] = []
    built: list[object] = []

    def watch(frame, event, arg) -> None:
        if event == "call" and frame.f_code is judge_target.__code__:
            given.append(len(frame.f_locals["evidence"]))
        elif event == "return" and frame.f_code is RecordReader.build.__code__:
            built.append(arg)

    sys.setprofile(watch)
    try:
        yield given, built
    finally:
        sys.setprofile(None)


def test_only_targets_with_evidence_known_on_the_date_take_the_full_rules(generated: Store) -> None:
    as_of = D(2024, 6, 30)
    with _judged_in_full() as (given, built):
        status = judge_ledger(generated, as_of)
    with_evidence = {row[0] for row in generated.conn.execute(
        "SELECT DISTINCT target_id FROM evidence WHERE as_of_date <= ?", (as_of.isoformat(),))}
    unconverted = {row[0] for row in generated.conn.execute(
        "SELECT id FROM targets WHERE value_normalized IS NULL AND comparator <> 'qualitative'"
        " AND kind <> 'baseline'")}
    assert len(given) == len(with_evidence | unconverted)
    assert 0 < len(given) < len(status.targets)  # the others were judged from their row alone
    # No target becomes a record (the rules read its few fields); evidence does, once, for the judgement to hold.
    known = generated.conn.execute("SELECT count(*) FROM evidence WHERE as_of_date <= ?",
                                   (as_of.isoformat(),)).fetchone()[0]
    assert all(isinstance(record, Evidence) for record in built) and len(built) == sum(given) == known


@pytest.mark.parametrize("as_of", [D(2024, 6, 30), D(2026, 12, 3)])
def test_proposal_files_judge_as_the_ledger_is_judged(generated: Store, as_of) -> None:
    status = judge_ledger(generated, as_of)
    files = load_proposal_files(generated, as_of)
    assert {key: judged for file in files for key, judged in file.commitment_states.items()} == status.commitments
    assert {key: judged for file in files for key, judged in file.target_states.items()} == status.targets


@pytest.mark.parametrize(("as_of", "known_only"), [(D(2024, 6, 30), True), (D(2026, 12, 3), False)])
def test_lean_files_give_the_same_states_reasons_and_reminders(generated: Store, as_of, known_only) -> None:
    # Lean files leave unread what the states, reasons and reminders do not use: on a ledger holding every state,
    # they must give exactly what the whole files give.
    full = list(iter_proposal_files(generated, as_of, known_only=known_only))
    lean = list(iter_proposal_files(generated, as_of, known_only=known_only, lean=True))
    rules = deadline_rules(generated)

    def shown(files: list[ProposalFile]) -> list:
        handling = [(file.label, judge_handling(file, as_of, rules).reason) for file in files]
        judged = [(key, judgement.state, judgement.reason) for file in files
                  for states in (file.commitment_states, file.target_states) for key, judgement in states.items()]
        return [handling, judged, plan_reminders(files, as_of, ReminderRules())]

    assert shown(lean) == shown(full)


@contextmanager
def _calls_of(*functions) -> Iterator[list[str]]:
    """Each call of the given functions inside the block: its name and the file of its caller."""
    codes = {function.__code__: function.__name__ for function in functions}
    called: list[str] = []

    def watch(frame, event, arg) -> None:
        if event == "call" and frame.f_code in codes:
            called.append(f"{codes[frame.f_code]} from {Path(frame.f_back.f_code.co_filename).name}")

    sys.setprofile(watch)
    try:
        yield called
    finally:
        sys.setprofile(None)


def test_planning_reminders_gathers_each_file_s_targets_once(generated: Store) -> None:
    as_of = D(2024, 6, 30)
    files = load_proposal_files(generated, as_of)
    with _calls_of(ProposalFile.targets_of, ProposalFile.is_promise, ProposalFile.promises) as called:
        plans = plan_reminders(files, as_of, ReminderRules())
    assert not called  # no scan of a file's targets per commitment
    planned = {(plan.kind, plan.subject_id) for plan in plans}
    for file in files:
        for commitment in file.commitments:
            if commitment.deadline and not file.is_promise(commitment):
                assert ("commitment_due", commitment.id) not in planned


def test_status_gathers_each_file_s_targets_once(generated: Store, capsys: pytest.CaptureFixture[str]) -> None:
    with _calls_of(ProposalFile.targets_of, ProposalFile.is_promise, ProposalFile.promises) as called:
        assert main(["status", "--db", str(generated.location), "--as-of", "2024-06-30"]) == 0
    assert called and not [call for call in called if call.endswith("status_command.py")]  # (the handling state's)
    lines = capsys.readouterr().out.splitlines()
    files = load_proposal_files(generated, D(2024, 6, 30), known_only=True)
    listed = [target.id for file in files for target in file.targets if target.kind != "baseline"]
    assert sorted(int(line.split("\t")[0].split()[1]) for line in lines if line.startswith("指标 ")) == sorted(listed)


@pytest.mark.sqlite_only  # about SQLite's plans; PostgreSQL chooses its own
def test_judging_reads_every_table_in_an_order_sqlite_has_without_sorting(generated: Store) -> None:
    statements: list[str] = []
    generated.conn.set_trace_callback(statements.append)
    try:
        judge_ledger(generated, D(2024, 6, 30))
    finally:
        generated.conn.set_trace_callback(None)
    reads = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    assert any("FROM evidence" in sql for sql in reads)
    for sql in reads:
        plan = [row[-1] for row in generated.conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
        assert not [step for step in plan if "TEMP B-TREE" in step], (sql, plan)


def test_judging_the_ledger_tallies_each_target_without_a_call(generated: Store) -> None:
    with _calls_of(add_to_tally, new_tally) as called:
        status = judge_ledger(generated, D(2024, 6, 30))
    assert 0 < len(called) <= len(status.commitments)  # a new tally per commitment, no call per target
    assert all(call.startswith("new_tally") for call in called)
