from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.__main__ import main


def test_demo_then_sqlite_shows_the_reply_and_targets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    assert "15 commitments, 13 targets" in capsys.readouterr().out
    conn = sqlite3.connect(db)
    doc_number, addressee = conn.execute("SELECT doc_number, addressee FROM replies").fetchone()
    assert (doc_number, addressee) == ("常工信复〔2021〕第39号", "魏农代表")
    assert conn.execute("SELECT count(*) FROM targets").fetchone()[0] >= 12
    stations = conn.execute("SELECT t.value_normalized, t.baseline_value, e.value, e.as_of_date FROM targets t"
                            " JOIN evidence e ON e.target_id = t.id WHERE t.indicator = '累计开通5G基站数'").fetchone()
    assert stations == (10000.0, 7000.0, 11080.0, "2022-03-03")
    assert conn.execute("SELECT rating FROM feedback").fetchone()[0] == "satisfied"
    assert conn.execute("SELECT count(*) FROM reminders").fetchone()[0] >= 1
    conn.close()


def test_demo_refuses_a_database_with_data(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--db", str(demo_db_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "already holds data" in err and err.count("\n") == 1


def test_global_db_option_before_the_command(tmp_path: Path) -> None:
    db = tmp_path / "early.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    assert db.exists()


def test_bad_database_file_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"\x00garbage" * 200)
    assert main(["verify", "--db", str(bad)]) == 2
    assert "is not a Reply Ledger database" in capsys.readouterr().err


@pytest.mark.sqlite_only  # restores a file; a server ledger is copied with migrate (tests/db/test_postgres.py)
def test_verify_backup_and_restore(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--db", str(demo_db_path)]) == 0
    assert "history chain of" in capsys.readouterr().out
    backup = tmp_path / "backup.sqlite3"
    assert main(["backup", "--db", str(demo_db_path), "-o", str(backup)]) == 0
    assert main(["backup", "--db", str(demo_db_path), "-o", str(backup)]) == 2  # never overwrites
    conn = sqlite3.connect(demo_db_path)
    conn.execute("DELETE FROM evidence")
    conn.commit()
    conn.close()
    assert main(["restore", "--db", str(demo_db_path), str(backup)]) == 0
    conn = sqlite3.connect(demo_db_path)
    assert conn.execute("SELECT count(*) FROM evidence").fetchone()[0] == 1
    conn.close()
    assert list(tmp_path.glob("demo.sqlite3.before-restore-*.bak"))


@pytest.mark.sqlite_only  # the same on a server: tests/db/test_postgres.py
def test_verify_reports_tampered_history(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conn = sqlite3.connect(demo_db_path)
    conn.execute("DROP TRIGGER history_no_update")
    conn.execute("UPDATE history SET after = json_set(after, '$.value', 99999) WHERE table_name = 'evidence'")
    conn.commit()
    conn.close()
    assert main(["verify", "--db", str(demo_db_path)]) == 1
    assert "was changed after it was written" in capsys.readouterr().out


def test_python_dash_m_desktop_runs_the_same_entry_point(tmp_path: Path, data_dir: Path) -> None:
    db = tmp_path / "m.sqlite3"
    done = subprocess.run([sys.executable, "-m", "desktop", "demo", "--db", str(db)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Demo written" in done.stdout
