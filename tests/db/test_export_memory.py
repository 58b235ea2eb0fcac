"""The audit export holds no record per commitment or target: memory stays flat as the ledger grows, the records
the sheets name are looked up as they are asked for, and 回头看's figure conflicts are found a batch at a time."""

from __future__ import annotations

import datetime as dt
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

import db.audit
from bench.generate_ledger import generate
from db import Store
from db.audit import figure_conflicts, stated_figures
from db.export import export_ledger, gather_snapshot
from desktop.core.audit import find_figure_conflicts
from desktop.core.records import Commitment, Target
from desktop.core.xlsx_export import ExportFilters

AS_OF = dt.date(2022, 3, 31)
GENERATED_AS_OF = dt.date(2026, 12, 3)


def _export_peak(path: Path, out: Path) -> int:
    """The most memory the export of a ledger took above what was held before it began (tracemalloc)."""
    with Store.open(path, actor="tester") as store:
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            export_ledger(store, out, as_of=GENERATED_AS_OF)
            return tracemalloc.get_traced_memory()[1] - before
        finally:
            tracemalloc.stop()


def test_export_memory_does_not_grow_with_the_number_of_commitments(tmp_path: Path) -> None:
    """Four times the targets, commitments, evidence and history: the export's peak memory stays nearly the same
    (it was 1.9 times as high when every commitment, each target's name and every stated figure were held)."""
    small, large = tmp_path / "small.sqlite3", tmp_path / "large.sqlite3"
    generate(small, 1000, seed=3)
    generate(large, 4000, seed=3)
    _export_peak(small, tmp_path / "warm.xlsx")  # the modules the export imports on first use
    small_peak = _export_peak(small, tmp_path / "small.xlsx")
    large_peak = _export_peak(large, tmp_path / "large.xlsx")
    assert large_peak < 1.5 * small_peak, (small_peak, large_peak)


def test_export_holds_no_commitment_or_target_and_names_those_in_scope(demo_store: Store) -> None:
    """The snapshot streams the commitments and looks up the facts other sheets name them by; a record out of the
    export's scope has none (the change log then names it from its own row)."""
    commitment = demo_store.list(Commitment)[0]
    target = demo_store.list(Target, "commitment_id = ?", (commitment.id,))[0]
    demo_store.conn.execute("BEGIN")
    cursors: list = []
    try:
        snapshot = gather_snapshot(demo_store, AS_OF, ExportFilters(), generated_at=dt.datetime(2022, 4, 1),
                                   cursors=cursors)
        assert not isinstance(snapshot.groups, list)
        assert len(snapshot.commitment_facts) == 0 and len(snapshot.target_facts) == 0  # nothing is held
        assert snapshot.commitment_facts.get(commitment.id) == (commitment.title, commitment.reply_id)
        assert snapshot.target_facts.get(target.id) == (target.indicator, commitment.id)
        assert snapshot.commitment_facts.get(10**9) is None and snapshot.target_facts.get(10**9) is None
    finally:
        for cursor in cursors:
            cursor.close()
        demo_store.conn.execute("ROLLBACK")
    demo_store.conn.execute("BEGIN")
    cursors = []
    try:  # a unit with no proposal: nothing is in scope
        snapshot = gather_snapshot(demo_store, AS_OF, ExportFilters(unit="常州市无此单位"),
                                   generated_at=dt.datetime(2022, 4, 1), cursors=cursors)
        assert snapshot.commitment_facts.get(commitment.id) is None
        assert snapshot.target_facts.get(target.id) is None
    finally:
        for cursor in cursors:
            cursor.close()
        demo_store.conn.execute("ROLLBACK")


def test_export_names_the_change_logs_records_without_a_query_per_entry(demo_store: Store, tmp_path: Path) -> None:
    """变更记录 names the commitments and targets of a chunk of entries with one lookup each: more changes to
    targets do not make the export ask the database more often."""
    targets = demo_store.list(Target)[:6]

    def statements_of_export(name: str) -> int:
        executed: list[str] = []
        demo_store.conn.set_trace_callback(executed.append)
        try:
            export_ledger(demo_store, tmp_path / name, as_of=AS_OF)
        finally:
            demo_store.conn.set_trace_callback(None)
        return len(executed)

    demo_store.save(_with_indicator(targets[0], "（核实）"))
    one = statements_of_export("one.xlsx")
    for target in targets[1:]:
        demo_store.save(_with_indicator(target, "（核实）"))
    assert statements_of_export("six.xlsx") == one


def _with_indicator(target: Target, suffix: str) -> Target:
    target.indicator = f"{target.indicator}{suffix}"
    return target


@pytest.fixture
def generated(generated_ledger: Callable[[Callable[[Store], None]], Path | str]) -> Store:
    with Store.open(generated_ledger(lambda store: None), actor="tester") as store:
        yield store


def test_figure_conflicts_found_in_batches_are_those_of_one_pass(generated: Store, monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    """Read in the order of their indicator's key and handed to the rules a few figures at a time (whole
    indicators), the figures give the findings of one pass over them all, in the same order."""
    whole = find_figure_conflicts(stated_figures(generated, GENERATED_AS_OF))
    assert whole, "the generated ledger states figures that contradict each other"
    monkeypatch.setattr(db.audit, "_FIGURE_BATCH", 3)
    execute = generated.conn.execute
    execute("CREATE TEMP TABLE every_target (id INTEGER PRIMARY KEY)")
    execute("CREATE TEMP TABLE indicator_keys (indicator TEXT PRIMARY KEY, figure_key TEXT NOT NULL)")
    try:
        execute("INSERT INTO every_target SELECT id FROM targets")
        batched = figure_conflicts(generated, GENERATED_AS_OF, targets_in="every_target", keys_table="indicator_keys")
    finally:
        execute("DROP TABLE every_target")
        execute("DROP TABLE indicator_keys")
    assert batched == whole
