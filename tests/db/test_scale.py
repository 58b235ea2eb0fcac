"""The slow paths of a big ledger stay gone: checked by what the code asks of SQLite and of Python, not by a clock."""

from __future__ import annotations

import datetime as dt
import gc
import inspect
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from db import Store
from db.export import export_ledger
from db.followup import iter_proposal_files, load_proposal_files
from db.ledger_import import import_ledger
from db.reminders import due_reminders, iter_due_reminders, list_reminders, pending_reminder_changes, sync_reminders
from db.rows import from_row, record_reader
from db.status import judge_ledger
from desktop.core import records
from desktop.core.ledger_import import read_ledger
from desktop.core.records import Commitment, Evidence, Feedback, Proposal, Proposer, Reply, Target
from desktop.core.reminders import due_items
from desktop.core.status import judge_groups
from tests.ledger_workbooks import numbered_office_ledger

AS_OF = dt.date(2022, 6, 30)


def build_ledger(store: Store, proposals: int, *, first: int = 1) -> None:
    """``proposals`` proposals, each with a signer, a rated reply, two commitments, three targets, two figures."""
    with store.transaction():
        for number in range(first, first + proposals):
            proposal = store.save(Proposal(session="十六届人大五次会议", number=f"第{number:03d}号",
                                           title=f"关于第{number}项工作的建议", assigned_date=dt.date(2021, 3, 10),
                                           proposers=[Proposer(name=f"代表{number}")]))
            reply = store.save(Reply(proposal_id=proposal.id, doc_number=f"常工信复〔2021〕第{number}号",
                                     reply_date=dt.date(2021, 6, 1), result_class="B"))
            store.save(Feedback(reply_id=reply.id, rating="satisfied", feedback_date=dt.date(2021, 7, 1)))
            for index in range(2):
                commitment = store.save(Commitment(reply_id=reply.id, title=f"承诺{number}-{index}",
                                                   deadline=dt.date(2022 + index, 12, 31)))
                for value in range(1 + index * 2):
                    target = store.save(Target(commitment_id=commitment.id, indicator=f"指标{value}", comparator=">=",
                                               value=100.0 + value, unit="个", value_normalized=100.0 + value,
                                               unit_normalized="个", deadline=commitment.deadline))
                    if value == 0:
                        store.save(Evidence(target_id=target.id, as_of_date=dt.date(2022, 3, 1),
                                            value=40.0 + number, unit="个"))


@contextmanager
def statements(store: Store) -> Iterator[list[str]]:
    """Every SQL statement the store's connection runs inside the block (not those of triggers and of the search
    index's own upkeep, which SQLite reports as comments)."""
    seen: list[str] = []
    store.conn.set_trace_callback(lambda sql: None if sql.startswith("--") else seen.append(sql))
    try:
        yield seen
    finally:
        store.conn.set_trace_callback(None)


def reads(seen: list[str], table: str) -> int:
    """How many of the statements are reads of the table (its name after their first FROM)."""
    found = (re.search(r"\bFROM\s+(\w+)", sql) for sql in seen if sql.lstrip().upper().startswith("SELECT"))
    return sum(1 for match in found if match and match.group(1) == table)


@contextmanager
def collections() -> Iterator[list[set[str]]]:
    """The garbage collector's passes that start inside the block, each as the names of the functions running."""
    passes: list[set[str]] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            frame, running = inspect.currentframe(), set()
            while frame is not None:
                running.add(frame.f_code.co_name)
                frame = frame.f_back
            passes.append(running)

    gc.callbacks.append(seen)
    try:
        yield passes
    finally:
        gc.callbacks.remove(seen)


# ------------------------------------------------------------------------------------------------ reading records
def test_record_reader_builds_what_from_row_builds(demo_store: Store) -> None:
    for cls in (Proposal, Proposer, Reply, Feedback, Commitment, Target, Evidence, records.Reminder,
                records.SourceDocument, records.Contact, records.Suggestion):
        rows = demo_store.conn.execute(f"SELECT * FROM {cls.TABLE} ORDER BY id").fetchall()
        expected = [from_row(cls, row) for row in rows]
        if cls is Proposal:
            for proposal in expected:
                proposal.proposers = demo_store.list(Proposer, "proposal_id = ?", (proposal.id,),
                                                     order_by="position, id")
        assert demo_store.list(cls) == expected


def test_record_reader_leaves_omitted_columns_empty(demo_store: Store) -> None:
    targets = list(demo_store.iter(Target, omit=("quote", "baseline_quote")))
    assert targets and all(t.quote is None and t.baseline_quote is None for t in targets)
    assert [t.id for t in targets] == [t.id for t in demo_store.list(Target)]
    assert "NULL" in record_reader(Target, ("quote",)).select_list()


def test_listing_some_proposals_reads_only_their_signers(store: Store) -> None:
    build_ledger(store, 4)
    some = store.list(Proposal, "number IN ('第002号', '第003号')")
    assert [[p.name for p in proposal.proposers] for proposal in some] == [["代表2"], ["代表3"]]


# ------------------------------------------------------------------------------------------------ judging
def test_judge_ledger_reads_each_table_a_fixed_number_of_times_whatever_the_size(tmp_path, empty_template) -> None:
    counts = []
    for proposals in (3, 12):
        path = tmp_path / f"ledger{proposals}.sqlite3"
        path.write_bytes(empty_template.read_bytes())
        with Store.open(path, actor="tester") as store:
            build_ledger(store, proposals)
            with statements(store) as seen:
                status = judge_ledger(store, AS_OF)
            assert len(status.targets) == proposals * 4
            counts.append(len(seen))
            # Targets: the few whose value was never converted, then every one with the columns that judge it
            # without evidence; evidence with the rest of its target's columns.
            assert reads(seen, "targets") == 2 and reads(seen, "evidence") == 1
    assert counts[0] == counts[1]


def test_judge_ledger_leaves_the_garbage_collector_out(store: Store) -> None:
    build_ledger(store, 60)  # some thousands of records: automatic collection would run many times
    gc.collect()
    with collections() as passes:
        status = judge_ledger(store, AS_OF)
    assert len(status.targets) == 240
    # Collection resumes when judging is done (one pass may then run), never while records are read and judged.
    assert not any(running & {"judge_groups", "judge_target", "build"} for running in passes)
    assert len(passes) <= 1
    assert gc.isenabled()


def test_judge_ledger_agrees_with_judging_the_stored_records(store: Store) -> None:
    build_ledger(store, 5)
    status = judge_ledger(store, AS_OF)
    commitments = store.list(Commitment)
    targets = store.list(Target, order_by="commitment_id, id")
    by_target = {t.id: t.commitment_id for t in targets}
    evidence = sorted(store.list(Evidence), key=lambda e: (by_target[e.target_id], e.target_id, e.id))
    for group in judge_groups(commitments, targets, evidence, AS_OF, {c.id: dt.date(2021, 6, 1) for c in commitments}):
        assert status.commitments[group.commitment.id] == group.judgement
        for target, judgement in group.targets:
            assert status.targets[target.id] == judgement


# ------------------------------------------------------------------------------------------------ follow-up files
def test_proposal_files_read_each_table_once_per_batch_and_judge_what_they_read(store: Store) -> None:
    build_ledger(store, 6)
    with statements(store) as seen:
        files = load_proposal_files(store, AS_OF)
    assert len(files) == 6
    # One batch of proposals and one of replies without a proposal: two reads of each table, none by judging.
    assert reads(seen, "targets") == 2
    assert reads(seen, "evidence") == 2
    status = judge_ledger(store, AS_OF)
    for file in files:
        for target in file.targets:
            assert file.target_states[target.id] == status.targets[target.id]


@pytest.mark.sqlite_only  # SQLite's statements
def test_lean_files_read_no_contacts_signers_or_long_texts_and_judge_alike(store: Store) -> None:
    build_ledger(store, 6)
    full = list(iter_proposal_files(store, AS_OF, batch_size=4))
    with statements(store) as seen:
        lean = list(iter_proposal_files(store, AS_OF, batch_size=4, lean=True))
    # What `status` and `remind` do not show is not read: no contacts, no signers, no quotes of the letters.
    assert reads(seen, "contacts") == reads(seen, "proposers") == 0
    target_reads = [sql for sql in seen if re.search(r"\bFROM\s+targets\b", sql) and "quote_start, 1e18" in sql]
    assert target_reads and not [sql for sql in target_reads if re.search(r"SELECT[^;]*\bquote\b[^;]*FROM", sql)]
    assert [file.label for file in lean] == [file.label for file in full]
    def shown(states: dict) -> dict:  # what status prints and reminders write: the state and its reason
        return {key: (judgement.state, judgement.reason) for key, judgement in states.items()}

    for lean_file, full_file in zip(lean, full, strict=True):
        assert shown(lean_file.commitment_states) == shown(full_file.commitment_states)
        assert shown(lean_file.target_states) == shown(full_file.target_states)
        assert [t.indicator for t in lean_file.targets] == [t.indicator for t in full_file.targets]
        assert lean_file.contacts == [] and (lean_file.proposal is None or lean_file.proposal.proposers == [])


def test_proposal_files_stream_a_batch_at_a_time(store: Store) -> None:
    build_ledger(store, 7)
    with statements(store) as seen:
        stream = iter_proposal_files(store, AS_OF, batch_size=2)
        first = next(stream)
        read_for_the_first = reads(seen, "proposals")
        rest = list(stream)
    assert first.proposal is not None and len(rest) == 6
    # The first file came after reading the ids and one batch, not the whole ledger.
    assert read_for_the_first == 2
    assert reads(seen, "proposals") == 1 + 4  # the ids, then four batches of two


# ------------------------------------------------------------------------------------------------ reminders
def test_syncing_an_unchanged_ledger_reads_no_reminder(store: Store) -> None:
    build_ledger(store, 5)
    first = sync_reminders(store, AS_OF)
    assert first.created > 0
    pending = pending_reminder_changes(store, AS_OF)
    assert pending.planned == [] and pending.stored == [] and not pending.taken_uids
    again = sync_reminders(store, AS_OF)
    assert (again.created, again.updated, again.closed, again.reopened) == (0, 0, 0, 0)


def test_syncing_picks_exactly_what_changed(store: Store) -> None:
    build_ledger(store, 5)
    sync_reminders(store, AS_OF)
    target = store.list(Target, limit=1)[0]
    store.save(Evidence(target_id=target.id, as_of_date=dt.date(2022, 5, 1), value=500.0, unit="个"))
    pending = pending_reminder_changes(store, AS_OF)
    # The target is met now: its stale-evidence reminder goes; its commitment's note changes.
    assert {(r.kind, r.subject_id) for r in pending.stored} >= {("stale_evidence", target.id)}
    assert all(plan.subject_table != "targets" or plan.subject_id != target.id for plan in pending.planned)
    result = sync_reminders(store, AS_OF)
    assert result.closed >= 1
    assert pending_reminder_changes(store, AS_OF).stored == []


@pytest.mark.parametrize("within", [None, 0, 10, 400])
def test_due_reminders_are_what_due_items_finds_among_all(store: Store, within: int | None) -> None:
    build_ledger(store, 5)
    sync_reminders(store, AS_OF)
    expected = due_items(list_reminders(store), AS_OF, within)
    assert due_reminders(store, AS_OF, within) == expected


@pytest.mark.sqlite_only  # SQLite's statements
def test_the_printed_list_of_due_reminders_leaves_their_notes_unread(store: Store) -> None:
    build_ledger(store, 5)
    sync_reminders(store, AS_OF)
    with statements(store) as seen:
        lean = list(iter_due_reminders(store, AS_OF, 400, lean=True))
    listing = [sql for sql in seen if re.search(r"\bFROM\s+reminders\b", sql) and "due_date <=" in sql]
    assert listing and not [sql for sql in listing if re.search(r"SELECT[^;]*\bnote\b[^;]*FROM", sql)]

    def shown(items: list) -> list[tuple]:
        return [(item.reminder.due_date, item.when, item.reminder.kind, item.reminder.title) for item in items]

    assert shown(lean) and shown(lean) == shown(due_reminders(store, AS_OF, 400))


# ------------------------------------------------------------------------------------------------ export
@pytest.mark.sqlite_only  # SQLite's statements and plans
def test_export_reads_the_promise_dates_with_the_commitments(store: Store, tmp_path) -> None:
    build_ledger(store, 30)  # two batches of 回头看 (25 proposals each)
    with statements(store) as seen:
        export_ledger(store, tmp_path / "out.xlsx", as_of=AS_OF)
    promise_dates = [sql for sql in seen if "SELECT c.id, r.reply_date FROM commitments c JOIN replies r" in sql]
    # The workbook's own judging reads each commitment's promise date with it (no map of every commitment's date);
    # each 回头看 batch takes them from the replies it read.
    assert not promise_dates
    assert [sql for sql in seen if "r.reply_date AS promise_date FROM commitments c" in sql]


def test_proposal_files_judge_from_what_they_read_without_reading_promise_dates(store: Store) -> None:
    build_ledger(store, 6)
    with statements(store) as seen:
        files = load_proposal_files(store, AS_OF)
    assert not [sql for sql in seen if "r.reply_date FROM commitments" in sql]
    status = judge_ledger(store, AS_OF)
    assert {c: j for file in files for c, j in file.commitment_states.items()} == status.commitments
    assert {t: j for file in files for t, j in file.target_states.items()} == status.targets


# ------------------------------------------------------------------------------------------------ lookups
@pytest.mark.sqlite_only  # SQLite's statements and plans
def test_finding_a_reply_by_its_document_number_uses_the_index(store: Store) -> None:
    build_ledger(store, 3)
    with statements(store) as seen:
        found = store.find_reply_by_doc_number("常工信复〔2021〕第2号")
    assert found is not None and found.doc_number == "常工信复〔2021〕第2号"
    query = next(sql for sql in seen if "FROM replies" in sql)
    conn = sqlite3.connect(store.path)
    try:
        plan = " ".join(str(step[3]) for step in conn.execute(f"EXPLAIN QUERY PLAN {query}"))
    finally:
        conn.close()
    assert "USING INDEX replies_doc_number" in plan


# ------------------------------------------------------------------------------------------------ ledger import
@pytest.mark.parametrize("again", [False, True], ids=["new", "again"])
def test_importing_a_ledger_asks_the_same_of_sqlite_for_every_row(tmp_path, empty_template, again: bool) -> None:
    """Each row costs the same number of statements, whether the ledger has 10 rows or 30 (new, or imported before:
    proposals are looked up in one read of their session, replies through the document-number index)."""
    per_size = {}
    for rows in (10, 20, 30):
        path = tmp_path / f"ledger{rows}.sqlite3"
        path.write_bytes(empty_template.read_bytes())
        plan = read_ledger(numbered_office_ledger(tmp_path / f"ledger{rows}.xlsx", rows))
        with Store.open(path, actor="tester") as store:
            if again:
                import_ledger(store, plan)
            with statements(store) as seen:
                outcome = import_ledger(store, plan, dry_run=True)
            assert outcome.rows_written == rows and not outcome.problems
            per_size[rows] = (len(seen), reads(seen, "proposals"))
    first, second = per_size[20][0] - per_size[10][0], per_size[30][0] - per_size[20][0]
    assert first == second  # linear: the same statements for each further row
    assert per_size[30][1] - per_size[20][1] == per_size[20][1] - per_size[10][1] <= 20  # at most one read a row
