from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.smoke import one_failure_sentence, run_program


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


# A copy of the program's sources with one part broken: `python -m desktop` run from the copy uses its
# desktop/, db/ and resources/ (paths.py finds resources/ beside the package), as an installation would.


def _copy_program(target: Path) -> Path:
    repo = Path(__file__).resolve().parents[2]
    ignore = shutil.ignore_patterns("__pycache__")
    for package in ("desktop", "db"):
        shutil.copytree(repo / package, target / package, ignore=ignore)
    for folder in ("demo", "icons", "translations"):
        shutil.copytree(repo / "resources" / folder, target / "resources" / folder, ignore=ignore)
    return target


def _smoke_test(program: Path, data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return run_program([sys.executable, "-m", "desktop", "--smoke-test"], data_dir, *args, cwd=program,
                       PYTHONPATH=str(program), **env)


def test_smoke_test_passes_on_an_intact_copy(tmp_path: Path, data_dir: Path) -> None:
    program = _copy_program(tmp_path / "program")
    done = _smoke_test(program, data_dir, "--lang", "zh_CN")
    assert done.returncode == 0, done.stderr
    assert "建议提案 0 件" in done.stdout
    assert str(data_dir / "ledger.sqlite3") in done.stdout


@pytest.mark.parametrize("args", [("--lang", "zh_CN"), ("--lang", "en"), ()])
def test_smoke_test_fails_without_the_compiled_translation(tmp_path: Path, data_dir: Path, args: tuple) -> None:
    program = _copy_program(tmp_path / "program")
    (program / "resources" / "translations" / "reply_ledger_zh_CN.qm").unlink()
    done = _smoke_test(program, data_dir, *args, LANG="zh_CN.UTF-8", LC_ALL="")
    assert "reply_ledger_zh_CN.qm is missing" in one_failure_sentence(done)


def test_smoke_test_fails_when_the_translation_does_not_load(tmp_path: Path, data_dir: Path) -> None:
    program = _copy_program(tmp_path / "program")
    (program / "resources" / "translations" / "reply_ledger_zh_CN.qm").write_bytes(b"not a Qt translation")
    done = _smoke_test(program, data_dir, "--lang", "zh_CN")
    assert "zh_CN translation reply_ledger_zh_CN.qm did not load" in one_failure_sentence(done)


def test_smoke_test_fails_in_the_system_language_when_its_translation_does_not_load(tmp_path: Path,
                                                                                    data_dir: Path) -> None:
    program = _copy_program(tmp_path / "program")
    (program / "resources" / "translations" / "reply_ledger_zh_CN.qm").write_bytes(b"")
    done = _smoke_test(program, data_dir, LANG="zh_CN.UTF-8", LC_ALL="", LC_MESSAGES="", LANGUAGE="")
    assert "did not load" in one_failure_sentence(done)


@pytest.mark.parametrize("part", ["resources/demo/reply_changgongxinfu_2021_39.md", "resources/icons/reply-ledger.svg"])
def test_smoke_test_fails_when_a_resource_is_missing(tmp_path: Path, data_dir: Path, part: str) -> None:
    program = _copy_program(tmp_path / "program")
    (program / part).unlink()
    assert Path(part).name in one_failure_sentence(_smoke_test(program, data_dir, "--lang", "en"))


def test_smoke_test_fails_without_migrations(tmp_path: Path, data_dir: Path) -> None:
    program = _copy_program(tmp_path / "program")
    for migration in (program / "db" / "migrations").glob("*.sql"):
        migration.unlink()
    assert "migrations are missing" in one_failure_sentence(_smoke_test(program, data_dir, "--lang", "en"))


def test_a_program_without_its_migrations_folder_says_so(tmp_path: Path, data_dir: Path) -> None:
    program = _copy_program(tmp_path / "program")
    shutil.rmtree(program / "db" / "migrations")
    done = _smoke_test(program, data_dir, "--lang", "en")
    assert done.returncode == 1
    assert done.stderr.strip() == f"error: {program / 'db' / 'migrations'} is missing; reinstall Reply Ledger."


def test_smoke_test_fails_when_the_window_cannot_open(tmp_path: Path, data_dir: Path) -> None:
    program = _copy_program(tmp_path / "program")
    done = _smoke_test(program, data_dir, "--lang", "en", QT_QPA_PLATFORM="no-such-screen")
    assert "the window cannot open" in one_failure_sentence(done)
