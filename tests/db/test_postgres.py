"""What only a server ledger has: roles, the database user in the history, the indexes of the search, passwords,
its schema version, tampering behind the triggers, and copying a ledger up to the server and back down."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import psycopg
import pytest
from python_calamine import CalamineWorkbook

from db import ServerLocation, Store
from db.backends.postgres import initialise_server
from db.export import export_ledger
from db.transfer import copy_ledger
from desktop.core.errors import Cancelled, LedgerError
from desktop.core.records import Evidence, Proposal, Target
from tests.postgres_cluster import PASSWORD, PASSWORD_USER, SUPERUSER, TESTER


@pytest.fixture
def server_demo(request: pytest.FixtureRequest, postgres_cluster, postgres_templates) -> str:
    name = postgres_cluster.create_database(template=postgres_templates["demo"])
    request.addfinalizer(lambda: postgres_cluster.drop_database(name))
    return postgres_cluster.url(name)


@pytest.fixture
def office(request: pytest.FixtureRequest, postgres_cluster, demo_template: Path) -> dict[str, str]:
    """A ledger set up with server-init by the administrator, the demo copied in, a clerk and an auditor."""
    name = f"office_{os.getpid()}_{len(request.node.name)}_{dt.datetime.now().strftime('%H%M%S%f')}"
    admin = postgres_cluster.url(name, SUPERUSER)
    request.addfinalizer(lambda: postgres_cluster.drop_database(name))
    done = initialise_server(ServerLocation(admin), clerks=["clerk_wang"], auditors=["auditor_li"])
    assert any("clerk_wang is a clerk" in line for line in done)
    copy_ledger(demo_template, admin)
    return {"admin": admin, "clerk": postgres_cluster.url(name, "clerk_wang"),
            "auditor": postgres_cluster.url(name, "auditor_li")}


def test_clerk_changes_and_the_history_names_the_database_user(office: dict[str, str]) -> None:
    with Store.open(office["clerk"], actor="someone else") as clerk:
        assert clerk.actor == "clerk_wang" and not clerk.read_only
        target = clerk.list(Target)[0]
        clerk.save(dataclasses.replace(target, indicator=target.indicator + "（修订）"))
        assert clerk.history()[-1].actor == "clerk_wang"
        assert clerk.verify_history() == []
        # A clerk cannot write a history row in another's name, nor change or remove one.
        head = clerk.history()[-1]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            clerk.conn.execute("INSERT INTO history (at, actor, table_name, row_id, action, prev_hash, hash)"
                               " VALUES ('now', 'auditor_li', 'targets', 1, 'update', ?, 'x')", (head.hash,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            clerk.conn.execute("DELETE FROM history")


def test_the_auditor_reads_exports_and_verifies_but_changes_nothing(office: dict[str, str], tmp_path: Path) -> None:
    with Store.open(office["auditor"]) as auditor:
        assert auditor.read_only and auditor.counts().targets == 13
        assert auditor.search("基站")
        result = export_ledger(auditor, tmp_path / "audit.xlsx", as_of=dt.date(2022, 3, 31))
        assert result.path.exists()
        assert auditor.verify_history() == [] and auditor.integrity_problems() == []
        with pytest.raises(LedgerError) as caught:
            auditor.save(dataclasses.replace(auditor.list(Proposal)[0], title="改"))
        assert caught.value.code == "ledger_read_only"
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            auditor.conn.execute("UPDATE targets SET indicator = 'x'")


def test_a_login_without_a_role_is_told_to_ask_for_one(office: dict[str, str], postgres_cluster) -> None:
    stranger = office["clerk"].replace("clerk_wang@", f"{TESTER}@")
    with pytest.raises(LedgerError) as caught:
        Store.open(stranger)
    assert caught.value.code == "server_access_denied"


def test_search_terms_use_the_trigram_and_short_gram_indexes(server_demo: str) -> None:
    with Store.open(server_demo) as store:
        assert {hit.kind for hit in store.search("基站")} >= {"target"}
        assert store.search("5G基站") and store.search("基") and not store.search("基站站站")
        store.conn.execute("SET enable_seqscan = off")  # the demo is small: show the index can answer alone
        for term, index in (("基站", "search_index_short_grams"), ("5G基站", "search_index_trigrams")):
            clause, params = store.dialect.search_clause(store.conn, [term])
            plan = "\n".join(row[0] for row in store.conn.execute(
                f"EXPLAIN SELECT rowid FROM search_index WHERE {clause}", params))
            assert index in plan, plan


def test_a_ledger_from_a_newer_version_is_refused(server_demo: str, postgres_cluster) -> None:
    with psycopg.connect(server_demo, autocommit=True) as conn:
        conn.execute("UPDATE ledger_schema SET version = version + 1")
    with pytest.raises(LedgerError) as caught:
        Store.open(server_demo)
    assert caught.value.code == "db_too_new"


def test_verify_finds_history_changed_behind_the_triggers(server_demo: str) -> None:
    with Store.open(server_demo) as store:
        assert store.verify_history() == [] and store.integrity_problems() == []
        store.conn.execute("ALTER TABLE history DISABLE TRIGGER history_no_update")
        store.conn.execute("UPDATE history SET actor = 'someone else' WHERE id = 3")
        assert any("History row 3" in problem for problem in store.verify_history())
        assert any("history_no_update" in problem for problem in store.integrity_problems())


def test_a_password_from_the_prompt_or_the_password_file(server_demo: str, postgres_cluster, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    with psycopg.connect(postgres_cluster.url("postgres", SUPERUSER), autocommit=True) as conn:
        conn.execute("DO $$ BEGIN CREATE ROLE reply_ledger_clerk NOLOGIN;"
                     " EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        conn.execute(f"GRANT reply_ledger_clerk TO {PASSWORD_USER}")
    with Store.open(server_demo) as owner:  # the owner grants the clerk role its rights
        from db.backends.postgres import grant_roles

        grant_roles(owner.conn)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-file"))
    location = ServerLocation(server_demo.replace(f"{TESTER}@", f"{PASSWORD_USER}@"))
    with pytest.raises(LedgerError) as caught:
        Store.open(location)
    assert caught.value.code == "server_password_needed"
    with pytest.raises(LedgerError) as caught:
        Store.open(location.with_password("wrong"))
    assert caught.value.code == "server_login_failed"
    with Store.open(location.with_password(PASSWORD)) as store:
        assert store.actor == PASSWORD_USER and PASSWORD not in repr(store.location) + str(store.location)
    password_file = tmp_path / "pgpass"
    password_file.write_text(f"127.0.0.1:{postgres_cluster.port}:*:{PASSWORD_USER}:{PASSWORD}\n", encoding="utf-8")
    password_file.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(password_file))
    with Store.open(location) as store:
        assert store.counts().targets == 13


def _sheets(path: Path) -> dict[str, list[list]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


@pytest.mark.sqlite_only  # demo_db_path is the desk's file here
def test_migrate_the_demo_up_and_back_gives_the_same_workbook(demo_db_path: Path, postgres_cluster,
                                                                tmp_path: Path, request: pytest.FixtureRequest
                                                                ) -> None:
    name = postgres_cluster.create_database()
    request.addfinalizer(lambda: postgres_cluster.drop_database(name))
    server = postgres_cluster.url(name)
    up = copy_ledger(demo_db_path, server)
    back = copy_ledger(server, tmp_path / "back.sqlite3")
    assert up.rows == back.rows and up.head == back.head and up.rows["targets"] == 13
    when = dt.datetime(2022, 4, 1, 9, 0, tzinfo=dt.UTC)
    books = []
    for location in (demo_db_path, server, tmp_path / "back.sqlite3"):
        with Store.open(location, actor="tester") as store:
            assert store.verify_history() == [] and store.integrity_problems() == []
            out = tmp_path / f"{len(books)}.xlsx"
            export_ledger(store, out, as_of=dt.date(2022, 3, 31), generated_at=when)
            books.append(_sheets(out))
    history_sheet = "变更记录"
    for book in books[1:]:
        assert set(book) == set(books[0])
        for sheet in book:
            if sheet != history_sheet:
                assert book[sheet] == books[0][sheet], sheet
        assert len(book[history_sheet]) == len(books[0][history_sheet])
    # New records on the server get ids after the copied ones.
    with Store.open(server) as store:
        target = store.list(Target)[0]
        added = store.save(Evidence(target_id=target.id, as_of_date=dt.date(2022, 6, 30), value=12000, unit="个"))
        assert added.id > max(e.id for e in store.list(Evidence) if e.id != added.id)


@pytest.mark.sqlite_only  # demo_db_path is the desk's file here
def test_migrate_is_all_or_nothing(demo_db_path: Path, server_demo: str, postgres_cluster, tmp_path: Path,
                                   request: pytest.FixtureRequest) -> None:
    with pytest.raises(LedgerError) as caught:
        copy_ledger(demo_db_path, server_demo)  # the server ledger is not empty
    assert caught.value.code == "transfer_target_not_empty"
    name = postgres_cluster.create_database()
    request.addfinalizer(lambda: postgres_cluster.drop_database(name))
    empty = postgres_cluster.url(name)
    calls = []
    with pytest.raises(Cancelled):
        copy_ledger(demo_db_path, empty, progress=lambda done, total: calls.append(done),
                    is_cancelled=lambda: bool(calls))
    with Store.open(empty) as store:
        assert store.counts().proposals == 0 and store.history() == []
    with pytest.raises(Cancelled):
        copy_ledger(server_demo, tmp_path / "down.sqlite3", is_cancelled=lambda: True)
    assert not (tmp_path / "down.sqlite3").exists() and list(tmp_path.glob("*.partial*")) == []
    (tmp_path / "taken.sqlite3").write_bytes(b"")
    with pytest.raises(LedgerError) as caught:
        copy_ledger(server_demo, tmp_path / "taken.sqlite3")
    assert caught.value.code == "file_exists"
