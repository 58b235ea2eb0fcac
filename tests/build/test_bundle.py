"""The built program (``sh build_spec/build.sh``): a bundle missing a part fails its own smoke test, and the
intact bundle works, with the office's PostgreSQL server too.

These tests run when REPLY_LEDGER_BUNDLE names the built folder (dist/reply-ledger-VERSION;
build_spec/run-tests.sh sets it). Each broken bundle is a hard-linked copy of the built folder (cheap, like
``cp -al``) with one file taken out or replaced: files are unlinked, never written in place, so the built folder
stays as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.smoke import one_failure_sentence, run_program

BUNDLE_ENV = "REPLY_LEDGER_BUNDLE"
PROGRAM = "reply-ledger-cli.exe" if sys.platform == "win32" else "reply-ledger"

pytestmark = pytest.mark.skipif(
    not os.environ.get(BUNDLE_ENV),
    reason=f"{BUNDLE_ENV} does not name a built folder (sh build_spec/build.sh writes dist/reply-ledger-VERSION)")


@pytest.fixture(scope="module")
def bundle() -> Path:
    folder = Path(os.environ[BUNDLE_ENV]).resolve()
    assert (folder / PROGRAM).is_file(), f"{BUNDLE_ENV}={folder} holds no {PROGRAM}: is it a built folder?"
    return folder


@pytest.fixture
def bundle_copy(bundle: Path, tmp_path: Path) -> Path:
    """A hard-linked copy of the built folder, to take parts out of."""
    copy = tmp_path / bundle.name
    shutil.copytree(bundle, copy, symlinks=True, copy_function=os.link)
    return copy


def part(folder: Path, pattern: str) -> Path:
    """The one file or folder of the bundle that ``pattern`` names (PySide6 places Qt's files differently on
    Windows and Linux, so they are found rather than spelled out)."""
    found = sorted(folder.rglob(pattern))
    assert len(found) == 1, f"{pattern} in {folder}: {found}"
    return found[0]


def smoke_test(program_folder: Path, data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return run_program([str(program_folder / PROGRAM), "--smoke-test"], data_dir, *args, **env)


def run_built(program_folder: Path, data_dir: Path, *args: str, **env: str) -> str:
    """Run a command of the built program; its output when it exits 0."""
    done = run_program([str(program_folder / PROGRAM)], data_dir, *args, **env)
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    return done.stdout


@pytest.mark.parametrize(("language", "counts"), [("zh_CN", "建议提案 0 件"), ("en", "0 proposals")])
def test_the_intact_bundle_passes(bundle_copy: Path, data_dir: Path, language: str, counts: str) -> None:
    done = smoke_test(bundle_copy, data_dir, "--lang", language)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"smoke test: {counts}")
    assert str(data_dir / "ledger.sqlite3") in done.stdout


def test_a_bundle_without_our_translation_fails(bundle_copy: Path, data_dir: Path) -> None:
    part(bundle_copy, "resources/translations/reply_ledger_zh_CN.qm").unlink()
    sentence = one_failure_sentence(smoke_test(bundle_copy, data_dir, "--lang", "zh_CN"))
    assert sentence.endswith("reply_ledger_zh_CN.qm is missing; reinstall Reply Ledger, "
                             "or run build_spec/update_translations.sh in a checkout.")


def test_a_bundle_with_a_corrupt_translation_fails(bundle_copy: Path, data_dir: Path) -> None:
    translation = part(bundle_copy, "resources/translations/reply_ledger_zh_CN.qm")
    translation.unlink()  # not written in place: the built folder shares the file
    translation.write_bytes(b"not a Qt translation")
    sentence = one_failure_sentence(smoke_test(bundle_copy, data_dir, "--lang", "zh_CN"))
    assert sentence == ("smoke test failed: the zh_CN translation reply_ledger_zh_CN.qm did not load, so the window "
                        "would be in English; reinstall Reply Ledger")


def test_a_bundle_without_qt_chinese_translation_fails(bundle_copy: Path, data_dir: Path) -> None:
    part(bundle_copy, "qtbase_zh_CN.qm").unlink()
    sentence = one_failure_sentence(smoke_test(bundle_copy, data_dir, "--lang", "zh_CN"))
    assert sentence == ("smoke test failed: the zh_CN translation qtbase_zh_CN.qm did not load, so the window "
                        "would be in English; reinstall Reply Ledger")


@pytest.mark.parametrize("name", ["reply_changgongxinfu_2021_39.md", "reply-ledger.svg"])
def test_a_bundle_without_a_demo_document_or_the_icon_fails(bundle_copy: Path, data_dir: Path, name: str) -> None:
    resource = part(bundle_copy, f"resources/*/{name}")
    resource.unlink()
    sentence = one_failure_sentence(smoke_test(bundle_copy, data_dir, "--lang", "en"))
    assert sentence.startswith(f"smoke test failed: {resource} is missing; reinstall Reply Ledger")


def test_a_bundle_without_migrations_fails(bundle_copy: Path, data_dir: Path) -> None:
    migrations = part(bundle_copy, "db/migrations")
    for migration in migrations.glob("*.sql"):
        migration.unlink()
    sentence = one_failure_sentence(smoke_test(bundle_copy, data_dir, "--lang", "en"))
    assert sentence == (f"smoke test failed: The database migrations are missing from {migrations}; "
                        "reinstall Reply Ledger.")


def test_a_bundle_without_the_offscreen_platform_plugin_fails(bundle_copy: Path, data_dir: Path) -> None:
    part(bundle_copy, "platforms/*qoffscreen*").unlink()
    sentence = one_failure_sentence(smoke_test(bundle_copy, data_dir, "--lang", "en", QT_QPA_PLATFORM="offscreen"))
    assert sentence.startswith("smoke test failed: the window cannot open because Qt stopped: ")


def test_the_built_program_moves_a_ledger_to_the_office_server(bundle: Path, data_dir: Path, tmp_path: Path,
                                                               postgres_cluster) -> None:
    # PSYCOPG_IMPL=binary: psycopg must use the compiled part the bundle carries, not fall back to this machine's
    # libpq.
    server = postgres_cluster.url(postgres_cluster.create_database())
    ledger = tmp_path / "demo.sqlite3"
    try:
        run_built(bundle, data_dir, "demo", "--db", str(ledger))
        status_of_file = run_built(bundle, data_dir, "status", "--db", str(ledger))
        run_built(bundle, data_dir, "migrate", "--from", str(ledger), "--to", server, PSYCOPG_IMPL="binary")
        verified = run_built(bundle, data_dir, "verify", "--db", server, PSYCOPG_IMPL="binary")
        status = run_built(bundle, data_dir, "status", "--db", server, PSYCOPG_IMPL="binary")
    finally:
        postgres_cluster.drop_database(server.rsplit("/", 1)[1])
    assert "integrity ok, links ok" in verified and "intact" in verified
    assert "常州市十六届人大五次会议建议第021号" in status
    assert status == status_of_file
