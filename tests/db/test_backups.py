"""Backups that are whole or absent, restores that cannot lose a ledger, daily automatic backups, the witness."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from db import SCHEMA_VERSION, Store
from db.backups import automatic_backup, automatic_backups, close_ledger, ledger_backup_folder, write_backup
from db.demo import create_demo
from desktop.__main__ import main
from desktop.core.anchor import anchor_from_witness, witness_path
from desktop.core.records import Target
from tests.conftest import DEMO_DIR
from tests.dbfiles import dump_hash, file_hash

# About the SQLite file itself (its bytes, locks, disk, backups); a server ledger is the server's to keep safe.
pytestmark = pytest.mark.sqlite_only


def _restore(capsys: pytest.CaptureFixture[str], live: Path, backup: Path, *extra: str) -> tuple[int, str, str]:
    code = main(["restore", "--db", str(live), str(backup), *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _edit_target(path: Path, value: float) -> None:
    with Store.open(path) as store:
        target = store.get(Target, 1)
        assert target is not None
        store.save(dataclasses.replace(target, value=value))


# ----------------------------------------------------------------------------------------------- backup
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640)])
def test_a_backup_is_whole_and_has_the_umask_permissions(demo_db_path: Path, tmp_path: Path, umask: int,
                                                         mode: int, capsys: pytest.CaptureFixture[str]) -> None:
    old = os.umask(umask)
    try:
        assert main(["backup", "--db", str(demo_db_path), "-o", str(tmp_path / "copy.sqlite3")]) == 0
    finally:
        os.umask(old)
    copy = tmp_path / "copy.sqlite3"
    assert copy.stat().st_mode & 0o777 == mode
    assert dump_hash(copy) == dump_hash(demo_db_path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file left
    assert not copy.with_name("copy.sqlite3-wal").exists()  # one self-contained file
    assert main(["verify", "--db", str(copy)]) == 0


def test_a_backup_never_overwrites(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "copy.sqlite3"
    target.write_bytes(b"keep me")
    assert main(["backup", "--db", str(demo_db_path), "-o", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err and target.read_bytes() == b"keep me"


def test_what_a_killed_backup_left_is_removed_by_the_next(demo_db_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    dead = tmp_path / ".copy.sqlite3.999999999.0badf00d.part"  # no process has that id
    dead.write_bytes(b"half a backup")
    living = tmp_path / f".copy.sqlite3.{os.getpid()}.0badf00d.part"  # another backup of this process, running
    living.write_bytes(b"still being written")
    with Store.open(demo_db_path, read_only=True) as store:
        write_backup(store.conn, target)
    assert not dead.exists() and living.exists()


def test_a_cancelled_backup_leaves_nothing(demo_db_path: Path, tmp_path: Path) -> None:
    from desktop.core.errors import Cancelled

    with Store.open(demo_db_path, read_only=True) as store, pytest.raises(Cancelled):
        write_backup(store.conn, tmp_path / "copy.sqlite3", is_cancelled=lambda: True)
    assert [p.name for p in tmp_path.iterdir() if "copy" in p.name] == []


# ----------------------------------------------------------------------------------------------- restore
@pytest.mark.parametrize(("content", "words"), [
    (b"", "is empty (0 bytes)"),
    (b"not a database at all" * 50, "not a SQLite file"),
])
def test_restore_of_an_empty_or_foreign_file_is_refused(demo_db_path: Path, tmp_path: Path, content: bytes,
                                                        words: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    before = file_hash(demo_db_path)
    code, _, err = _restore(capsys, demo_db_path, bad)
    assert code == 2 and words in err and err.count("\n") == 1
    assert file_hash(demo_db_path) == before
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_restore_of_a_half_written_backup_is_refused(demo_db_path: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    whole = tmp_path / "whole.sqlite3"
    with Store.open(demo_db_path, read_only=True) as store:
        write_backup(store.conn, whole)
    half = tmp_path / "half.sqlite3"
    half.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])  # what a killed in-place copy leaves
    before = file_hash(demo_db_path), dump_hash(demo_db_path)
    code, _, err = _restore(capsys, demo_db_path, half)
    assert code == 2 and "is half-written" in err
    assert (file_hash(demo_db_path), dump_hash(demo_db_path)) == before
    assert main(["verify", "--db", str(demo_db_path)]) == 0


def test_restore_of_a_sqlite_file_that_is_no_ledger_is_refused(demo_db_path: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = dump_hash(demo_db_path)
    code, _, err = _restore(capsys, demo_db_path, other, "--force")
    assert code == 2 and "not a Reply Ledger database" in err
    assert dump_hash(demo_db_path) == before


def test_restore_of_a_backup_from_a_newer_version_is_refused(demo_db_path: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    newer = tmp_path / "newer.sqlite3"
    shutil.copyfile(demo_db_path, newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    code, _, err = _restore(capsys, demo_db_path, newer, "--force")
    assert code == 2 and "newer Reply Ledger" in err


def test_restore_of_an_older_backup_needs_to_be_told(demo_db_path: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    backup = tmp_path / "monday.sqlite3"
    assert main(["backup", "--db", str(demo_db_path), "-o", str(backup)]) == 0
    _edit_target(demo_db_path, 16.0)
    capsys.readouterr()
    before = dump_hash(demo_db_path)
    code, out, err = _restore(capsys, demo_db_path, backup)
    assert code == 2
    assert "undoes the 1 change(s) made since" in out and "restore --force" in err
    assert dump_hash(demo_db_path) == before
    code, out, _ = _restore(capsys, demo_db_path, backup, "--force")
    assert code == 0
    assert "targets: 13 → 13" in out and "history: 53 changes → 52 changes" in out
    kept = list(tmp_path.glob("demo.sqlite3.before-restore-*.bak"))
    assert len(kept) == 1 and dump_hash(kept[0]) == before and "kept as" in out
    assert dump_hash(demo_db_path) == dump_hash(backup)


def test_restore_of_another_ledger_needs_to_be_told(demo_db_path: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.sqlite3"
    with Store.open(other, actor="someone else") as store:
        create_demo(store, DEMO_DIR)
    code, _, err = _restore(capsys, demo_db_path, other)
    assert code == 2 and "of another ledger" in err
    assert _restore(capsys, demo_db_path, other, "--force")[0] == 0


def test_restore_of_the_same_state_goes_through_and_says_the_counts(demo_db_path: Path, tmp_path: Path,
                                                                    data_dir: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    backup = tmp_path / "copy.sqlite3"
    assert main(["backup", "--db", str(demo_db_path), "-o", str(backup)]) == 0
    with Store.open(demo_db_path) as store:
        close_ledger(store.conn, store.path, data_dir, data_dir / "backups", keep=0)
    sqlite3.connect(demo_db_path).execute("DELETE FROM evidence").connection.commit()  # lost behind the app's back
    capsys.readouterr()
    code, out, _ = _restore(capsys, demo_db_path, backup)
    assert code == 0, out
    assert "evidence: 0 → 1" in out and "proposals: 1 → 1" in out
    assert main(["verify", "--db", str(demo_db_path), "--anchor", str(witness_path(data_dir))]) == 0


# ----------------------------------------------------------------------------------------------- automatic
def test_automatic_backups_once_a_day_keeping_the_newest(demo_db_path: Path, tmp_path: Path) -> None:
    root = tmp_path / "backups"
    monday = dt.datetime(2024, 5, 6, 18, 0)
    with Store.open(demo_db_path) as store:
        first = automatic_backup(store.conn, demo_db_path, root, keep=2, now=monday)
        assert first is not None and first.parent == ledger_backup_folder(root, demo_db_path)
        assert automatic_backup(store.conn, demo_db_path, root, keep=2, now=monday.replace(hour=19)) is None
        tuesday = monday + dt.timedelta(days=1)
        assert automatic_backup(store.conn, demo_db_path, root, keep=2, now=tuesday) is None  # nothing changed
        for day in range(1, 4):
            target = store.get(Target, 1)
            store.save(dataclasses.replace(target, value=20.0 + day))  # type: ignore[type-var]
            assert automatic_backup(store.conn, demo_db_path, root, keep=2,
                                    now=monday + dt.timedelta(days=day)) is not None
        kept = automatic_backups(ledger_backup_folder(root, demo_db_path))
        assert [p.name[-23:-8] for p in kept] == ["20240508-180000", "20240509-180000"]
        assert automatic_backup(store.conn, demo_db_path, root, keep=0, now=monday + dt.timedelta(days=9)) is None


def test_closing_the_app_writes_the_witness_and_the_daily_backup(demo_db_path: Path, data_dir: Path) -> None:
    with Store.open(demo_db_path) as store:
        outcome = close_ledger(store.conn, store.path, data_dir, data_dir / "backups", keep=7)
        head = store.chain_head()
    assert outcome.witness is not None and outcome.backup is not None
    anchor = anchor_from_witness(outcome.witness, demo_db_path)
    assert (anchor.last_row, anchor.head, anchor.rows) == (head.last_row, head.head, head.rows)
    assert main(["verify", "--db", str(outcome.backup)]) == 0


def test_the_journal_of_a_killed_backup_is_removed_too(demo_db_path: Path, tmp_path: Path) -> None:
    """SQLite keeps a rollback journal beside the temporary copy while it writes it; a kill leaves both."""
    target = tmp_path / "copy.sqlite3"
    left = [tmp_path / ".copy.sqlite3.999999999.0badf00d.part",
            tmp_path / ".copy.sqlite3.999999999.0badf00d.part-journal"]
    for path in left:
        path.write_bytes(b"left by a kill")
    with Store.open(demo_db_path, read_only=True) as store:
        write_backup(store.conn, target)
    assert not any(path.exists() for path in left)


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
def test_an_exported_workbook_has_the_umask_permissions(demo_db_path: Path, tmp_path: Path, umask: int,
                                                        mode: int, capsys: pytest.CaptureFixture[str]) -> None:
    old = os.umask(umask)
    try:
        assert main(["export", "--db", str(demo_db_path), "-o", str(tmp_path / "audit.xlsx")]) == 0
    finally:
        os.umask(old)
    assert (tmp_path / "audit.xlsx").stat().st_mode & 0o777 == mode
