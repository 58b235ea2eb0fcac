"""Shared fixtures: a data folder under tmp_path, real database files copied from session-built templates."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from db import Store
from db.demo import create_demo

REPO = Path(__file__).resolve().parent.parent
DEMO_DIR = REPO / "resources" / "demo"
SAMPLES_DIR = REPO.parent / "shared" / "samples"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder; nothing touches the real home folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("REPLY_LEDGER_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def fail_on_log_warnings(request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture):
    """Unexpected warnings in the log fail the test (mark a test allow_log_warnings to expect them)."""
    caplog.set_level(logging.INFO)
    yield
    if request.node.get_closest_marker("allow_log_warnings"):
        return
    warnings = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    if warnings:
        pytest.fail("unexpected log warnings: " + "; ".join(f"{r.name}: {r.getMessage()}" for r in warnings))


def _copy_db(template: Path, target: Path) -> Path:
    shutil.copyfile(template, target)
    return target


# ------------------------------------------------------------------ the two backends
# Every test that uses a ledger fixture (store, demo_store, db_path, demo_db_path) runs twice: on a SQLite file and on
# a database of a real PostgreSQL server started for the session. Mark a test sqlite_only when it is about the file
# itself (its pages, its WAL, a committed old file).


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        only_sqlite = metafunc.definition.get_closest_marker("sqlite_only") is not None
        metafunc.parametrize("backend", ["sqlite"] if only_sqlite else ["sqlite", "postgres"], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The backend of this run of the test: ``sqlite`` or ``postgres``."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def postgres_cluster():
    from tests.postgres_cluster import PostgresCluster

    cluster = PostgresCluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def postgres_templates(postgres_cluster) -> dict[str, str]:
    """Template databases (migrated empty, and the demo) that each test's database is copied from."""
    empty = postgres_cluster.create_database(prefix="template_empty")
    Store.open(postgres_cluster.url(empty)).close()
    demo = postgres_cluster.create_database(prefix="template_demo")
    with Store.open(postgres_cluster.url(demo)) as store:
        create_demo(store, DEMO_DIR)
    return {"empty": empty, "demo": demo}


def _server_ledger(request: pytest.FixtureRequest, template: str) -> str:
    cluster = request.getfixturevalue("postgres_cluster")
    name = cluster.create_database(template=request.getfixturevalue("postgres_templates")[template])
    request.addfinalizer(lambda: cluster.drop_database(name))
    return cluster.url(name)


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("templates") / "empty.sqlite3"
    Store.open(path, actor="tester").close()
    _checkpoint(path)
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("templates") / "demo.sqlite3"
    with Store.open(path, actor="tester") as store:
        create_demo(store, DEMO_DIR)
    _checkpoint(path)
    return path


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the main file so that a plain file copy is the whole database."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


@pytest.fixture
def db_path(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Path | str:
    """A fresh, migrated, empty ledger: a database file, or the URL of a server database."""
    if backend == "postgres":
        return _server_ledger(request, "empty")
    return _copy_db(request.getfixturevalue("empty_template"), tmp_path / "ledger.sqlite3")


@pytest.fixture
def demo_db_path(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Path | str:
    """A ledger holding the demo story: a database file, or the URL of a server database."""
    if backend == "postgres":
        return _server_ledger(request, "demo")
    return _copy_db(request.getfixturevalue("demo_template"), tmp_path / "demo.sqlite3")


@pytest.fixture
def generated_ledger(request: pytest.FixtureRequest, backend: str,
                     tmp_path: Path) -> Callable[[Callable[[Store], None]], Path | str]:
    """Makes a generated ledger of some hundred targets (``bench/generate_ledger.py``, seed 3) with the cases a
    function saves into it, on the test's backend: the file, or a server database it was copied into."""

    def make(add_cases: Callable[[Store], None]) -> Path | str:
        from bench.generate_ledger import generate
        from db.transfer import copy_ledger

        path = tmp_path / "generated.sqlite3"
        generate(path, 900, seed=3)
        with Store.open(path, actor="tester") as store:
            add_cases(store)
        if backend != "postgres":
            return path
        location = request.getfixturevalue("db_path")  # an empty server database of the session's cluster
        copy_ledger(path, location)
        return location

    return make


@pytest.fixture
def store(db_path: Path | str):
    with Store.open(db_path, actor="tester") as opened:
        yield opened


@pytest.fixture
def demo_store(demo_db_path: Path | str):
    with Store.open(demo_db_path, actor="tester") as opened:
        yield opened
