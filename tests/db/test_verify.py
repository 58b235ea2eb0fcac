"""`verify` proves the data: every row against its history, the chain, and anchors kept elsewhere."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from db import Store
from db.backups import close_ledger, write_backup
from db.export import export_ledger
from db.verify import GENESIS_HASH, history_hash, read_anchor, verify_ledger
from desktop.__main__ import main
from desktop.core.anchor import witness_path
from desktop.core.records import Evidence, Target
from tests.dbfiles import dump_hash, file_hash, tamper

V2_FIXTURE = Path(__file__).parent / "fixtures" / "ledger_v2.sqlite3"


def _verify(path: Path, capsys: pytest.CaptureFixture[str], *anchors: Path) -> tuple[int, str]:
    args = ["verify", "--db", str(path)]
    for anchor in anchors:
        args += ["--anchor", str(anchor)]
    code = main(args)
    return code, capsys.readouterr().out


def test_verify_of_an_untouched_ledger_passes(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _verify(demo_db_path, capsys)
    assert code == 0, out
    assert "match their history" in out


@pytest.mark.sqlite_only  # the file, its triggers or its witness
def test_verify_leaves_the_file_byte_identical(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(demo_db_path) as store:  # a ledger in use: WAL mode, a -wal file beside it
        store.save(Target(commitment_id=1, indicator="新增指标", comparator=">=", value=1.0))
    before = file_hash(demo_db_path)
    wal = demo_db_path.with_name(demo_db_path.name + "-wal")
    wal_before = file_hash(wal) if wal.exists() else None
    assert _verify(demo_db_path, capsys)[0] == 0
    assert file_hash(demo_db_path) == before
    assert (file_hash(wal) if wal.exists() and wal.stat().st_size else None) in (wal_before, None)


def test_verify_never_migrates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file of an older schema is checked as it is: not migrated, not backed up, byte for byte the same."""
    old = tmp_path / "v2.sqlite3"
    shutil.copyfile(V2_FIXTURE, old)
    before = file_hash(old)
    code, out = _verify(old, capsys)
    assert code == 0, out
    assert file_hash(old) == before
    assert sqlite3.connect(old).execute("PRAGMA user_version").fetchone()[0] == 2
    assert not list(tmp_path.glob("*.bak"))


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00" + b"\x00" * 50])
def test_verify_refuses_an_empty_or_broken_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                content: bytes) -> None:
    path = tmp_path / "empty.sqlite3"
    path.write_bytes(content)
    assert main(["verify", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and str(path) in err and err.count("\n") == 1
    assert path.read_bytes() == content


def test_verify_refuses_a_sqlite_file_that_is_no_ledger(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.sqlite3"
    tamper(path, "CREATE TABLE t (x)")
    assert main(["verify", "--db", str(path)]) == 2
    assert "not a Reply Ledger database" in capsys.readouterr().err


def test_a_direct_update_is_named(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tamper(demo_db_path, "UPDATE targets SET value = 1 WHERE id = 1")
    code, out = _verify(demo_db_path, capsys)
    assert code == 1
    assert "targets #1, field 'value': stored 1.0, by history 15.0" in out
    assert "changed outside the app" in out


def test_a_direct_insert_is_named(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tamper(demo_db_path, "INSERT INTO evidence (target_id, as_of_date, value, created_at, updated_at) "
           "VALUES (1, '2022-01-01', 99, 'x', 'x')")
    code, out = _verify(demo_db_path, capsys)
    assert code == 1
    with Store.open(demo_db_path) as store:
        new_id = max(evidence.id for evidence in store.list(Evidence))
    assert f"evidence #{new_id} was added outside the app" in out


def test_a_direct_delete_is_named(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tamper(demo_db_path, "DELETE FROM evidence")
    code, out = _verify(demo_db_path, capsys)
    assert code == 1
    assert "evidence #1 is missing, but its history says it exists" in out


def test_a_setting_changed_directly_is_named(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(demo_db_path) as store:
        store.set_setting("office.name", "常州市工业和信息化局")
    tamper(demo_db_path, "UPDATE settings SET value = '\"别的局\"' WHERE key = 'office.name'")
    code, out = _verify(demo_db_path, capsys)
    assert code == 1 and "settings #" in out and "field 'value'" in out


@pytest.mark.sqlite_only  # the file, its triggers or its witness
def test_stored_file_content_is_checked_by_its_hash(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tamper(demo_db_path, "UPDATE source_documents SET content = x'00' WHERE id = 1")
    code, out = _verify(demo_db_path, capsys)
    assert code == 1 and "source_documents #1, field 'content_sha256'" in out


def test_rows_of_a_v2_ledger_are_replayed_with_the_version_default(tmp_path: Path) -> None:
    """History rows written before record versions existed say nothing of the version: the default (1) holds."""
    path = tmp_path / "v2.sqlite3"
    shutil.copyfile(V2_FIXTURE, path)
    with Store.open(path) as store:
        assert verify_ledger(store.conn).ok
        target = store.get(Target, 1)
        assert target is not None and target.version == 1
        store.save(dataclasses.replace(target, value=16.0))
        assert verify_ledger(store.conn).ok
    tamper(path, "UPDATE targets SET version = 7 WHERE id = 2")
    with Store.open(path, read_only=True) as store:
        findings = verify_ledger(store.conn).findings
    assert [(f.table, f.row_id, f.field) for f in findings] == [("targets", 2, "version")]


# ----------------------------------------------------------------------------------------------- anchors
def _cut_tail(path: Path, rows: int) -> None:
    tamper(path, "DROP TRIGGER IF EXISTS history_no_delete",
           f"DELETE FROM history WHERE id > (SELECT max(id) - {rows} FROM history)")


@pytest.mark.sqlite_only  # the file, its triggers or its witness
def test_a_cut_tail_passes_alone_but_is_found_with_an_anchor(demo_db_path: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(demo_db_path) as store:
        workbook = export_ledger(store, tmp_path / "audit.xlsx").path
        backup = write_backup(store.conn, tmp_path / "copy.sqlite3")
        target = store.get(Target, 1)
        assert target is not None
        saved = store.save(dataclasses.replace(target, value=16.0))
    # The last change and its record undone behind the app's back: history and data agree again.
    tamper(demo_db_path, "DROP TRIGGER IF EXISTS history_no_delete",
           "DELETE FROM history WHERE id = (SELECT max(id) FROM history)",
           f"UPDATE targets SET value = 15.0, version = {saved.version - 1}, updated_at = "
           "(SELECT json_extract(after, '$.updated_at') FROM history WHERE table_name = 'targets' AND row_id = 1 "
           "ORDER BY id DESC LIMIT 1) WHERE id = 1")
    assert _verify(demo_db_path, capsys)[0] == 0  # what the file alone cannot show
    assert _verify(demo_db_path, capsys, workbook)[0] == 0  # the workbook was written before that change
    _cut_tail(demo_db_path, 5)
    with Store.open(demo_db_path, read_only=True) as store:
        assert not verify_ledger(store.conn).ok  # the five rows' records are still there: replay names them
    code, out = _verify(demo_db_path, capsys, workbook, backup)
    assert code == 1
    assert "recorded it with hash" in out and "rows were removed from its end" in out
    assert f"the workbook '{workbook.name}'" in out and f"the backup '{backup.name}'" in out


@pytest.mark.sqlite_only  # the file, its triggers or its witness
def test_a_whole_rebuilt_chain_is_found_with_an_anchor(demo_db_path: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Someone with the file and the code edits a row and recomputes every hash after it: only an anchor tells."""
    with Store.open(demo_db_path) as store:
        workbook = export_ledger(store, tmp_path / "audit.xlsx").path
    conn = sqlite3.connect(demo_db_path)
    conn.execute("DROP TRIGGER history_no_update")
    rows = conn.execute("SELECT id, at, actor, table_name, row_id, action, before, after FROM history "
                        "ORDER BY id").fetchall()
    prev = GENESIS_HASH
    for history_id, at, actor, table, row_id, action, before, after in rows:
        if table == "targets" and row_id == 1 and action == "insert":
            changed = json.loads(after)
            changed["value"] = 1.0
            after = json.dumps(changed, ensure_ascii=False, sort_keys=True)
        digest = history_hash(prev, at, actor, table, row_id, action, before, after)
        conn.execute("UPDATE history SET after = ?, prev_hash = ?, hash = ? || 'x' WHERE id = ?",
                     (after, prev, digest, history_id))  # a temporary suffix keeps the hashes unique meanwhile
        prev = digest
    conn.execute("UPDATE history SET hash = substr(hash, 1, 64)")
    conn.execute("UPDATE targets SET value = 1.0 WHERE id = 1")
    conn.commit()
    conn.close()
    assert _verify(demo_db_path, capsys)[0] == 0  # consistent in itself
    code, out = _verify(demo_db_path, capsys, workbook)
    assert code == 1 and "the history was rewritten after the anchor was taken" in out


@pytest.mark.sqlite_only  # the file, its triggers or its witness
def test_the_witness_written_at_close_is_an_anchor(demo_db_path: Path, data_dir: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(demo_db_path) as store:
        outcome = close_ledger(store.conn, store.path, data_dir, data_dir / "backups", keep=3)
    assert outcome.witness == witness_path(data_dir)
    assert _verify(demo_db_path, capsys, outcome.witness)[0] == 0
    _cut_tail(demo_db_path, 1)
    code, out = _verify(demo_db_path, capsys, outcome.witness)
    assert code == 1 and "the witness file" in out


def test_an_anchor_of_another_kind_is_refused(demo_db_path: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    note = tmp_path / "note.txt"
    note.write_text("hello", encoding="utf-8")
    before = dump_hash(demo_db_path)
    assert main(["verify", "--db", str(demo_db_path), "--anchor", str(note)]) == 2
    assert "neither an exported workbook, a backup nor the witness file" in capsys.readouterr().err
    assert dump_hash(demo_db_path) == before
    with pytest.raises(Exception, match="does not exist"):
        read_anchor(tmp_path / "missing.xlsx", demo_db_path)
