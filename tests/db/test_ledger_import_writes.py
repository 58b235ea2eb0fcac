"""How an import writes: every history row holds the row as a read of the file gives it, the chain verifies, and the
statements per spreadsheet row stay the same however long the ledger is (counted, not timed)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from db import Store
from db.ledger_import import import_ledger
from db.rows import history_json
from desktop.core.errors import LedgerError
from desktop.core.ledger_import import read_ledger
from desktop.core.records import Proposal, Reply, Target
from tests.ledger_workbooks import changzhou_ledger, numbered_office_ledger


def _latest_history(store: Store) -> dict[tuple[str, int], tuple[str, str | None]]:
    latest: dict[tuple[str, int], tuple[str, str | None]] = {}
    for table, row_id, action, after in store.conn.execute(
            "SELECT table_name, row_id, action, after FROM history ORDER BY id"):
        latest[(table, row_id)] = (action, after)
    return latest


def test_every_history_row_is_the_row_as_read_back(store: Store, tmp_path: Path) -> None:
    import_ledger(store, read_ledger(changzhou_ledger(tmp_path / "v1.xlsx")))
    outcome = import_ledger(store, read_ledger(changzhou_ledger(tmp_path / "v2.xlsx", newer=True)))
    assert outcome.created and outcome.updated  # inserts and updates both went through the write path
    # Whole figures land in REAL columns: the history must say 15.0 as a read does, not the 15 that was bound.
    assert any(target.value is not None and target.value.is_integer() for target in store.list(Target))
    latest = _latest_history(store)
    assert latest
    for (table, row_id), (action, after) in latest.items():
        row = store.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
        if action == "delete":
            assert row is None
            continue
        assert after == history_json(dict(row)), (table, row_id)
    assert store.verify_history() == []


def test_a_group_of_writes_taken_back_leaves_the_chain_whole(store: Store) -> None:
    """The chain's head kept while the transaction is open goes back with a rolled-back group (an import row the
    database refuses): the next history row chains to the last one stored."""
    with store.transaction():
        first = store.save(Proposal(session="十六届五次", number="1", title="第一件"))
        with pytest.raises(LedgerError), store.unit():
            store.save(Proposal(session="十六届五次", number="2", title="第二件"))
            store.save(Reply(proposal_id=first.id, doc_number="常工信复〔2021〕第1号"))
            store.save(Reply(proposal_id=first.id, doc_number="常工信复〔2021〕第1号"))  # the same number: refused
        store.save(Proposal(session="十六届五次", number="3", title="第三件"))
    assert [p.number for p in store.list(Proposal)] == ["1", "3"]
    assert store.count(Reply) == 0
    assert len(store.history("proposals")) == 2
    assert store.verify_history() == []


def _statements(store: Store, tmp_path: Path, rows: int) -> Counter:
    """The statements a dry run of a ledger of ``rows`` rows sends (the same as a real import, then rolled back)."""
    ledger = read_ledger(numbered_office_ledger(tmp_path / f"ledger-{rows}.xlsx", rows))
    seen: Counter = Counter()

    def count(sql: str) -> None:
        if sql.startswith("--"):  # inside a trigger or the search index's own upkeep: the database's work, not ours
            return
        words = sql.split()
        seen[" ".join(words[:2] if "SAVEPOINT" in words[:2] else words[:3])] += 1
        seen["all"] += 1

    store.conn.set_trace_callback(count)
    try:
        outcome = import_ledger(store, ledger, dry_run=True)
    finally:
        store.conn.set_trace_callback(None)
    assert outcome.rows_written == rows
    return seen


def test_statements_per_row_stay_the_same_and_no_row_is_read_back(store: Store, tmp_path: Path) -> None:
    _statements(store, tmp_path, 5)  # what the store works out once (each table's column types) is out of the way
    ten, twenty, forty = (_statements(store, tmp_path, rows) for rows in (10, 20, 40))
    assert forty["all"] - twenty["all"] == 2 * (twenty["all"] - ten["all"])
    per_row = (twenty["all"] - ten["all"]) / 10
    # Seven records a row, each one INSERT (with its triggers) and one history row, one savepoint, a few lookups.
    assert per_row <= 60, per_row
    # Nothing just written is read again, and the chain's head is read once per transaction, not once per record.
    assert forty["SELECT * FROM"] == 0
    assert forty["SELECT hash FROM"] == 1
    assert forty["SELECT version FROM"] == 0
    assert store.count(Proposal) == 0 and store.verify_history() == []
