from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_smoke_test_prints_the_counts_the_window_shows(demo_db_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "desktop", "--db", str(demo_db_path), "--smoke-test"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("smoke test: 1 proposals, 1 replies, 15 commitments")


def test_smoke_test_in_chinese(demo_db_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "desktop", "--db", str(demo_db_path), "--smoke-test",
                           "--lang", "zh_CN"], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert "建议提案 1 件，答复 1 件，承诺事项 15 项" in done.stdout


def test_bare_command_creates_the_default_database(data_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REPLY_LEDGER_DATA_DIR": str(data_dir)}
    done = subprocess.run([sys.executable, "-m", "desktop", "--smoke-test"], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert "smoke test: 0 proposals" in done.stdout
    assert (data_dir / "ledger.sqlite3").exists()
