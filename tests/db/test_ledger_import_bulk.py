"""An import writes its rows with the derived tables' triggers suspended and rebuilds the search index and the
commitments list for the records it wrote at the end: the result must be what saving row by row, with every
trigger, gives — on both backends, for a first import and for a newer version that updates it."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from db import Store
from db import lists as db_lists
from db.connection import migrations
from db.ledger_import import ImportOutcome, _write_rows, _Writer, import_ledger
from desktop.core.errors import LedgerError
from desktop.core.ledger_import import read_ledger
from desktop.core.records import Commitment, Evidence, Proposal, Reply, Target
from tests.conftest import _copy_db, _server_ledger
from tests.ledger_workbooks import changzhou_ledger, numbered_office_ledger


@pytest.fixture
def other_db_path(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Path | str:
    """A second fresh ledger on the same backend."""
    if backend == "postgres":
        return _server_ledger(request, "empty")
    return _copy_db(request.getfixturevalue("empty_template"), tmp_path / "other.sqlite3")


def _row_by_row(store: Store, path: Path) -> None:
    """The same import without the bulk write: every record saved with all its triggers."""
    plan = read_ledger(path)
    outcome = ImportOutcome(problems=list(plan.problems))
    with store.transaction():
        _write_rows(_Writer(store, plan), plan, outcome, None, None)
    assert not outcome.problems


def _derived(store: Store) -> tuple[list[tuple], list[tuple]]:
    entries = [tuple(row) for row in store.conn.execute("SELECT * FROM search_index ORDER BY rowid")]
    listed = [tuple(row) for row in store.conn.execute("SELECT * FROM commitment_list ORDER BY row_key")]
    return entries, listed


def test_bulk_import_gives_the_derived_rows_of_saving_row_by_row(db_path: Path | str, other_db_path: Path | str,
                                                                  tmp_path: Path) -> None:
    first, newer = changzhou_ledger(tmp_path / "v1.xlsx"), changzhou_ledger(tmp_path / "v2.xlsx", newer=True)
    with Store.open(db_path, actor="tester") as bulk, Store.open(other_db_path, actor="tester") as by_row:
        import_ledger(bulk, read_ledger(first))
        _row_by_row(by_row, first)
        assert _derived(bulk) == _derived(by_row)
        assert _derived(bulk)[1]  # the list has rows: the comparison compares something
        outcome = import_ledger(bulk, read_ledger(newer))
        assert outcome.updated and outcome.created
        _row_by_row(by_row, newer)
        assert _derived(bulk) == _derived(by_row)
        assert bulk.conn.execute("SELECT count(*) FROM bulk_write").fetchone()[0] == 0
        assert bulk.verify_history() == []


def test_an_imported_ledger_is_searchable_listed_and_verifies(store: Store, tmp_path: Path) -> None:
    import_ledger(store, read_ledger(changzhou_ledger(tmp_path / "v1.xlsx")))
    target = next(t for t in store.list(Target) if "基站" in (t.quote or t.indicator or ""))
    assert ("target", target.id) in [(hit.kind, hit.id) for hit in store.search("基站")]  # a short term
    assert ("target", target.id) in [(hit.kind, hit.id) for hit in store.search("累计开通基站")]  # a long one
    proposal = next(p for p in store.list(Proposal) if p.number == "第021号")
    assert ("proposal", proposal.id) in [(hit.kind, hit.id) for hit in store.search("新基建")]
    keys = db_lists.list_keys(store, "commitments")
    assert sorted(keys) == sorted(t.id for t in store.list(Target))
    rows = db_lists.fetch_rows(store, "commitments", keys)
    latest = {e.target_id: e for e in store.list(Evidence, order_by="as_of_date, id")}
    assert {key: row["latest_value"] for key, row in rows.items()} == \
        {t.id: latest[t.id].value if t.id in latest else None for t in store.list(Target)}
    assert all(version == 1 for (version,) in store.conn.execute("SELECT version FROM commitments"))
    assert store.verify_history() == []


def test_an_ordinary_save_after_an_import_keeps_its_triggers(store: Store, tmp_path: Path) -> None:
    import_ledger(store, read_ledger(changzhou_ledger(tmp_path / "v1.xlsx")))
    reply = store.list(Reply)[0]
    saved = store.save(Commitment(reply_id=reply.id, title="新建充电桩二百个"))
    assert [(hit.kind, hit.id) for hit in store.search("充电桩")] == [("commitment", saved.id)]
    assert -saved.id in db_lists.list_keys(store, "commitments")


def test_a_dry_run_or_a_refused_import_leaves_no_bulk_write_behind(store: Store, tmp_path: Path) -> None:
    outcome = import_ledger(store, read_ledger(numbered_office_ledger(tmp_path / "ten.xlsx", 10)), dry_run=True)
    assert outcome.rows_written == 10
    assert store.count(Proposal) == 0
    assert store.conn.execute("SELECT count(*) FROM bulk_write").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM search_index").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM commitment_list").fetchone()[0] == 0


def test_the_rebuild_is_a_few_statements_whatever_the_rows(store: Store, tmp_path: Path) -> None:
    """No statement of the rebuild runs once per row: the derived rows are written set by set."""
    def statements(rows: int) -> Counter:
        seen: Counter = Counter()

        def count(sql: str) -> None:
            if not sql.startswith("--"):
                seen[" ".join(sql.split()[:3])] += 1

        plan = read_ledger(numbered_office_ledger(tmp_path / f"ledger-{rows}.xlsx", rows))
        store.conn.set_trace_callback(count)
        try:
            import_ledger(store, plan, dry_run=True)
        finally:
            store.conn.set_trace_callback(None)
        return seen

    ten, twenty = statements(10), statements(20)
    assert ten["INSERT INTO search_index"] == twenty["INSERT INTO search_index"] == 5
    assert ten["INSERT INTO commitment_list"] == twenty["INSERT INTO commitment_list"] == 2


def _schema_before_bulk_writes(folder: Path) -> Path:
    """The migrations of the schema before this one (the bulk_write table), copied to their own folder."""
    number = next(number for number, file in migrations() if "bulk_import" in file.name)
    kept = folder / "migrations"
    kept.mkdir()
    for file in (Path(__file__).resolve().parents[2] / "db" / "migrations").glob("*.sql"):
        if int(file.name[:4]) < number:
            shutil.copy(file, kept / file.name)
    return kept


def test_a_ledger_of_the_previous_schema_migrates_and_imports(request: pytest.FixtureRequest, backend: str,
                                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    location: Path | str
    if backend == "postgres":
        cluster = request.getfixturevalue("postgres_cluster")
        name = cluster.create_database(prefix="schema_before")
        request.addfinalizer(lambda: cluster.drop_database(name))
        location = cluster.url(name)
    else:
        location = tmp_path / "before.sqlite3"
    with monkeypatch.context() as patched:
        patched.setattr("db.connection.MIGRATIONS_DIR", _schema_before_bulk_writes(tmp_path))
        with Store.open(location, actor="tester") as old:
            assert "bulk_write" not in old.dialect.table_names(old.conn)
            _row_by_row(old, changzhou_ledger(tmp_path / "v1.xlsx"))  # as schema 6's triggers keep them
            before = _derived(old)
    with Store.open(location, actor="tester") as store:
        assert store.schema_version >= 7
        assert store.conn.execute("SELECT count(*) FROM bulk_write").fetchone()[0] == 0
        assert _derived(store) == before
        outcome = import_ledger(store, read_ledger(changzhou_ledger(tmp_path / "v2.xlsx", newer=True)))
        assert outcome.updated
        assert "commitment" in [hit.kind for hit in store.search("标识注册量")]  # the newer file's new promise
        assert store.verify_history() == []


def test_a_row_taken_back_inside_a_bulk_write_leaves_no_history_and_no_entries(store: Store) -> None:
    """The history rows a bulk write keeps to insert at its end go with a savepoint rolled back (a refused import
    row); the chain verifies and the search finds only what stayed."""
    with store.transaction(), store.bulk_write():
        first = store.save(Proposal(session="十六届五次", number="1", title="关于智能工厂的建议"))
        with pytest.raises(LedgerError), store.unit():
            store.save(Proposal(session="十六届五次", number="2", title="关于充电桩的建议"))
            store.save(Reply(proposal_id=first.id, doc_number="常工信复〔2021〕第1号"))
            store.save(Reply(proposal_id=first.id, doc_number="常工信复〔2021〕第1号"))  # the same number: refused
        third = store.save(Proposal(session="十六届五次", number="3", title="关于充电站的建议"))
    assert [p.number for p in store.list(Proposal)] == ["1", "3"]
    assert len(store.history("proposals")) == 2 and store.count(Reply) == 0
    assert store.verify_history() == []
    assert [(hit.kind, hit.id) for hit in store.search("充电")] == [("proposal", third.id)]
    assert [(hit.kind, hit.id) for hit in store.search("智能工厂")] == [("proposal", first.id)]


def test_the_history_rows_kept_for_later_stay_bounded(store: Store, tmp_path: Path) -> None:
    """A bulk write keeps its history rows to insert them together, a thousand at a time: an import of many rows
    never holds them all in memory."""
    plan = read_ledger(numbered_office_ledger(tmp_path / "ledger.xlsx", 400))  # seven records a row
    kept: list[int] = []

    def progress(done: int, total: int) -> None:
        if store._bulk is not None:
            kept.append(len(store._bulk.history))

    import_ledger(store, plan, progress=progress)
    assert len(kept) >= 7 and 0 < max(kept) < 1000 + 10
    assert store.conn.execute("SELECT count(*) FROM history").fetchone()[0] == 400 * 7 + 1  # and the workbook
    assert store.verify_history() == []
