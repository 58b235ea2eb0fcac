"""One writer at a time: racing creation of a new database, a busy ledger said plainly, migrations split safely."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

import db.backends.sqlite as sqlite_backend
from db import SCHEMA_VERSION, Store
from db.backends.sqlite import NETWORK_FILESYSTEMS, filesystem_of
from db.connection import connect, split_statements
from desktop.__main__ import main
from desktop.core.errors import LedgerError
from desktop.core.records import Proposal
from tests.conftest import REPO
from tests.dbfiles import dump_hash
from tests.letters import write_small_letter

# About the SQLite file itself (its bytes, locks, disk, backups); a server ledger is the server's to keep safe.
pytestmark = pytest.mark.sqlite_only

_OPENER = textwrap.dedent("""
    import sys, time
    from db import Store
    from desktop.core.errors import LedgerError
    db, start = sys.argv[1], float(sys.argv[2])
    while time.time() < start:
        pass
    try:
        with Store.open(db) as store:
            print(store.schema_version)
    except LedgerError as error:
        print(error.code, error.message)
        sys.exit(2)
""")


def race_to_create(folder: Path, trials: int, racers: int = 2) -> list[tuple[int, str, str]]:
    """Start ``racers`` processes that open the same new database at the same moment, ``trials`` times."""
    results = []
    for trial in range(trials):
        path = folder / f"new-{trial}.sqlite3"
        start = time.time() + 1.5  # every racer has started and imported by then
        processes = [subprocess.Popen([sys.executable, "-c", _OPENER, str(path), str(start)], cwd=REPO,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for _ in range(racers)]
        for process in processes:
            out, err = process.communicate(timeout=120)
            results.append((process.returncode, out, err))
        with Store.open(path) as store:
            assert store.schema_version == SCHEMA_VERSION
    return results


def test_two_processes_creating_one_new_database(tmp_path: Path) -> None:
    results = race_to_create(tmp_path, trials=3)
    assert [code for code, _, _ in results] == [0] * 6, results
    assert all(out.strip() == str(SCHEMA_VERSION) for _, out, _ in results)


def writing_to_a_new_file(path: Path) -> sqlite3.Connection:
    """Another program writing to a file still in rollback-journal mode, as a ledger being created is at first."""
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO t VALUES (1)")
    return holder


def test_opening_a_file_another_program_is_writing_waits_for_it(tmp_path: Path) -> None:
    # Switching to WAL reads the file, then asks for the write lock; SQLite refuses that at once instead of
    # waiting (waiting could deadlock), so a racing second program must try again itself.
    holder = writing_to_a_new_file(tmp_path / "new.sqlite3")
    release = threading.Timer(0.6, lambda: holder.execute("ROLLBACK"))
    told: list[bool] = []
    release.start()
    try:
        conn = connect(tmp_path / "new.sqlite3", on_busy=lambda: told.append(True))
    finally:
        release.join()
        holder.close()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert len(told) <= 1
    conn.close()


def test_opening_a_file_held_too_long_says_it_is_busy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLY_LEDGER_BUSY_SECONDS", "0.5")
    holder = writing_to_a_new_file(tmp_path / "new.sqlite3")
    told: list[bool] = []
    try:
        with pytest.raises(LedgerError) as raised:
            connect(tmp_path / "new.sqlite3", on_busy=lambda: told.append(True))
    finally:
        holder.close()
    assert raised.value.code == "db_busy" and "new.sqlite3' is busy" in raised.value.message
    assert told == [True]


@pytest.mark.slow
def test_forty_races_to_create_a_database(tmp_path: Path) -> None:
    results = race_to_create(tmp_path, trials=40)
    failures = [result for result in results if result[0] != 0]
    assert failures == []


def test_a_busy_ledger_waits_with_a_message_then_says_so(demo_db_path: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REPLY_LEDGER_BUSY_SECONDS", "1")
    letter = write_small_letter(tmp_path)
    before = dump_hash(demo_db_path)
    holder = sqlite3.connect(demo_db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a long import in another program holds the write lock
    try:
        assert main(["import", str(letter), "--db", str(demo_db_path)]) == 2
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"The ledger '{demo_db_path}' is busy") and "waiting up to 1 seconds" in err[0]
    assert err[1].startswith("error: ") and "is busy: another program has been writing to it" in err[1]
    assert len(err) == 2
    assert dump_hash(demo_db_path) == before


def test_a_write_that_waits_goes_through_when_the_other_finishes(store: Store,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    told = []
    store.on_busy = lambda: (told.append(True), holder.execute("ROLLBACK"))  # the other program finishes
    saved = store.save(Proposal(session="十六届五次", number="第3号", title="建议"))
    holder.close()
    assert told == [True] and saved.id is not None


def test_migration_scripts_split_into_whole_statements() -> None:
    script = ("-- a comment; with a semicolon\nCREATE TABLE a (x TEXT DEFAULT ';');\n"
              "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n-- trailing\n")
    statements = split_statements(script)
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")


def test_a_read_only_open_writes_nothing(demo_db_path: Path) -> None:
    before = os.stat(demo_db_path).st_mtime_ns, dump_hash(demo_db_path)
    with Store.open(demo_db_path, read_only=True) as store, pytest.raises(sqlite3.OperationalError):
        store.conn.execute("DELETE FROM evidence")
    assert (os.stat(demo_db_path).st_mtime_ns, dump_hash(demo_db_path)) == before


def test_the_file_system_of_a_ledger_from_the_mounts_table() -> None:
    mounts = ("/dev/sda1 / ext4 rw 0 0\n//filer/office /mnt/office cifs rw 0 0\n"
              "filer:/export /mnt/nfs\\040share nfs4 rw 0 0\ntmpfs /mnt/office/tmp tmpfs rw 0 0\n")
    assert filesystem_of(Path("/home/wang/ledger.sqlite3"), mounts) == "ext4"
    assert filesystem_of(Path("/mnt/office/台账.sqlite3"), mounts) == "cifs"
    assert filesystem_of(Path("/mnt/office/tmp/x.sqlite3"), mounts) == "tmpfs"
    assert filesystem_of(Path("/mnt/nfs share/x.sqlite3"), mounts) == "nfs4"
    assert filesystem_of(Path("/mnt/officer/x.sqlite3"), mounts) == "ext4"
    assert {"nfs4", "cifs"} <= NETWORK_FILESYSTEMS and "tmpfs" not in NETWORK_FILESYSTEMS


def test_the_command_line_warns_of_a_ledger_on_a_network_drive(tmp_path: Path, db_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.__main__ import main

    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\n//filer/office {tmp_path} cifs rw 0 0\n", encoding="utf-8")
    monkeypatch.setattr(sqlite_backend, "MOUNTS_FILE", mounts)
    assert main(["status", "--db", str(db_path)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("warning: The ledger") and "network drive (cifs)" in err and "migrate" in err
