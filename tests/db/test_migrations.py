from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from db import SCHEMA_VERSION, Store
from db import lists as db_lists
from db.connection import connect, migrate, migrations
from desktop.core.errors import LedgerError
from desktop.core.records import Contact, Proposal, Reminder, Reply

TABLES = {"settings", "source_documents", "proposals", "proposers", "contacts", "replies", "feedback", "commitments",
          "targets", "evidence", "reminders", "suggestions", "history", "search_index"}


def test_migrations_from_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION == len(migrations())
        names = {row[0] for row in store.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
        assert names >= TABLES
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert not list(tmp_path.glob("*.bak")), "an empty file needs no backup"


def test_reopening_is_idempotent(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
    with Store.open(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION


@pytest.mark.sqlite_only  # the same on a server: tests/db/test_postgres.py
def test_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(LedgerError) as caught:
        Store.open(db_path)
    assert caught.value.code == "db_too_new"
    assert "newer Reply Ledger" in caught.value.message and str(db_path) in caught.value.message


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "letter.sqlite3"
    path.write_text("this is not sqlite " * 100, encoding="utf-8")
    with pytest.raises(LedgerError) as caught:
        Store.open(path)
    assert caught.value.code == "db_unreadable"


def test_missing_database_without_create(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match="does not exist"):
        Store.open(tmp_path / "nope.sqlite3", create=False)


def test_failed_migration_leaves_the_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A migration that fails half-way changes nothing: its statements and the version roll back together."""
    broken = tmp_path / "migrations"
    broken.mkdir()
    (broken / "0001_initial.sql").write_text("CREATE TABLE a (x);\nCREATE TABLE a (y);\n", encoding="utf-8")
    monkeypatch.setattr("db.connection.MIGRATIONS_DIR", broken)
    conn = connect(tmp_path / "x.sqlite3")
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, tmp_path / "x.sqlite3")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'a'").fetchone()[0] == 0
    conn.close()


def test_the_saved_version_1_file_opens(tmp_path: Path) -> None:
    """The committed schema-1 database (for later migration tests) still opens and holds the demo."""
    fixture = Path(__file__).parent / "fixtures" / "ledger_v1.sqlite3"
    copy = tmp_path / "v1.sqlite3"
    copy.write_bytes(fixture.read_bytes())
    with Store.open(copy) as store:
        assert store.counts().targets >= 12
        assert store.verify_history() == []


def test_version_1_is_migrated_to_find_suggestions_by_reply(tmp_path: Path) -> None:
    fixture = Path(__file__).parent / "fixtures" / "ledger_v1.sqlite3"
    copy = tmp_path / "v1.sqlite3"
    copy.write_bytes(fixture.read_bytes())
    with Store.open(copy) as store:
        assert store.schema_version == SCHEMA_VERSION >= 2
        plan = store.conn.execute("EXPLAIN QUERY PLAN SELECT count(*) FROM suggestions WHERE reply_id = 1 AND "
                                  "kind = 'target' AND state = 'pending'").fetchall()
        assert any("suggestions_reply" in row[-1] for row in plan)
        assert store.counts().targets >= 12 and store.verify_history() == []
    assert (tmp_path / "v1.sqlite3.v1.bak").exists()  # the file as it was, kept before migrating


def test_the_saved_version_2_file_opens(tmp_path: Path) -> None:
    """The committed schema-2 database (the demo as written by schema 2) opens, migrates and holds the demo."""
    fixture = Path(__file__).parent / "fixtures" / "ledger_v2.sqlite3"
    copy = tmp_path / "v2.sqlite3"
    copy.write_bytes(fixture.read_bytes())
    with Store.open(copy) as store:
        assert store.schema_version == SCHEMA_VERSION >= 2
        assert store.counts().targets == 13
        assert store.verify_history() == []


def test_version_2_is_migrated_for_contacts_and_publication(tmp_path: Path) -> None:
    """面商 contacts, where a reply was published and the publication reminder exist after migrating the demo of
    schema 2; its reminders keep their ids, UIDs and history."""
    fixture = Path(__file__).parent / "fixtures" / "ledger_v2.sqlite3"
    copy = tmp_path / "v2.sqlite3"
    copy.write_bytes(fixture.read_bytes())
    before = sqlite3.connect(copy)
    reminders = before.execute("SELECT id, uid, kind, state FROM reminders ORDER BY id").fetchall()
    before.close()
    with Store.open(copy) as store:
        assert store.schema_version == SCHEMA_VERSION >= 3
        assert [tuple(row) for row in store.conn.execute("SELECT id, uid, kind, state FROM reminders ORDER BY id")] \
            == reminders
        proposal = store.list(Proposal)[0]
        store.save(Contact(proposal_id=proposal.id, contact_date=dt.date(2021, 4, 20), method="consultation"))
        reply = store.list(Reply)[0]
        store.save(dataclasses.replace(reply, published_date=dt.date(2021, 7, 2), published_where="常州市人民政府网站"))
        assert store.get(Reply, reply.id).published_where == "常州市人民政府网站"
        store.save(Reminder(kind="publish_due", title="公开答复", due_date=dt.date(2021, 7, 7), uid="p@test"))
        assert store.verify_history() == []
        indexes = {row[1] for row in store.conn.execute("PRAGMA index_list(reminders)")}
        assert {"reminders_due", "reminders_subject"} <= indexes
        with pytest.raises(LedgerError):
            store.save(Contact(proposal_id=proposal.id, contact_date=dt.date(2021, 4, 20), method="letter"))
    assert (tmp_path / "v2.sqlite3.v2.bak").exists()


def test_version_2_is_migrated_for_fast_lists(tmp_path: Path) -> None:
    """After migrating the demo of schema 2, the commitments list reads commitment_list (one row per target and
    per commitment without targets, with the latest evidence), and short search terms go through the index."""
    fixture = Path(__file__).parent / "fixtures" / "ledger_v2.sqlite3"
    copy = tmp_path / "v2.sqlite3"
    copy.write_bytes(fixture.read_bytes())
    before = sqlite3.connect(copy)
    expected = {row[0] for row in before.execute(
        "SELECT id FROM targets UNION ALL SELECT -id FROM commitments c"
        " WHERE NOT EXISTS (SELECT 1 FROM targets t WHERE t.commitment_id = c.id)")}
    latest = dict(before.execute(
        "SELECT t.id, (SELECT e.value FROM evidence e WHERE e.target_id = t.id ORDER BY e.as_of_date DESC, e.id DESC"
        " LIMIT 1) FROM targets t").fetchall())
    before.close()
    with Store.open(copy) as store:
        assert store.schema_version == SCHEMA_VERSION >= 6
        keys = db_lists.list_keys(store, "commitments")
        assert sorted(keys) == sorted(expected)
        rows = db_lists.fetch_rows(store, "commitments", keys)
        assert {key: row["latest_value"] for key, row in rows.items() if key > 0} == latest
        assert store.conn.execute("SELECT count(*) FROM search_index WHERE substr(body, -2) <> '  '").fetchone()[0] == 0
        assert [hit.kind for hit in store.search("基站", kinds=["target"])] == ["target"]
        assert store.verify_history() == []


def test_version_2_is_migrated_for_proposal_notes(tmp_path: Path) -> None:
    """The demo of schema 2 takes notes on its proposal, which the search finds; its history stays valid."""
    fixture = Path(__file__).parent / "fixtures" / "ledger_v2.sqlite3"
    copy = tmp_path / "v2.sqlite3"
    copy.write_bytes(fixture.read_bytes())
    with Store.open(copy) as store:
        assert store.schema_version == SCHEMA_VERSION >= 4
        proposal = store.list(Proposal)[0]
        assert proposal.notes is None
        store.save(dataclasses.replace(proposal, notes="代表已当面沟通，同意延期答复"))
        assert store.get(Proposal, proposal.id).notes == "代表已当面沟通，同意延期答复"
        assert [(hit.kind, hit.id) for hit in store.search("同意延期")] == [("proposal", proposal.id)]
        assert [(hit.kind, hit.id) for hit in store.search(proposal.title[:6])][:1] == [("proposal", proposal.id)]
        assert store.verify_history() == []


def test_version_2_is_migrated_for_sorted_search_matches(tmp_path: Path) -> None:
    """After migrating the demo of schema 2, the indexes a search looks its matches up by hold the deadline, and
    the search finds the same rows in the same order as the whole list."""
    fixture = Path(__file__).parent / "fixtures" / "ledger_v2.sqlite3"
    copy = tmp_path / "v2.sqlite3"
    copy.write_bytes(fixture.read_bytes())
    with Store.open(copy) as store:
        assert store.schema_version == SCHEMA_VERSION >= 7
        for index, id_column in (("commitment_list_commitment", "commitment_id"),
                                 ("commitment_list_target", "target_id")):
            assert [row[2] for row in store.conn.execute(f"PRAGMA index_info({index})")] == [id_column, "deadline"]
        every = db_lists.list_keys(store, "commitments")
        found = db_lists.list_keys(store, "commitments", db_lists.ListFilter(text="基站"))
        assert found and found == [key for key in every if key in set(found)]
