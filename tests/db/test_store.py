from __future__ import annotations

import datetime as dt

import pytest

from db import Store
from desktop.core.errors import LedgerError, RecordErrors
from desktop.core.records import (
    Commitment,
    Contact,
    Evidence,
    Feedback,
    Proposal,
    Proposer,
    Reminder,
    Reply,
    SourceDocument,
    Suggestion,
    Target,
)


def _proposal(**changes) -> Proposal:
    values = dict(session="常州市十六届人大五次会议", number="第021号", title="关于新基建的建议",
                  assigned_date=dt.date(2021, 3, 10), proposers=[Proposer(name="魏农"), Proposer(name="李四",
                                                                                                 role="cosigner")])
    values.update(changes)
    return Proposal(**values)


def _chain(store: Store) -> tuple[Proposal, Reply, Commitment, Target]:
    proposal = store.save(_proposal())
    reply = store.save(Reply(proposal_id=proposal.id, doc_number="常工信复〔2021〕第39号",
                             reply_date=dt.date(2021, 6, 8)))
    commitment = store.save(Commitment(reply_id=reply.id, title="开通5G基站", quote="累计开通基站数超1万个"))
    target = store.save(Target(commitment_id=commitment.id, indicator="5G基站数", comparator=">", value=1, unit="万个",
                               value_normalized=10000, unit_normalized="个", deadline=dt.date(2021, 12, 31),
                               cumulative=True))
    return proposal, reply, commitment, target


def test_round_trip_keeps_types(store: Store) -> None:
    proposal, reply, _commitment, target = _chain(store)
    loaded = store.get(Proposal, proposal.id)
    assert loaded == proposal
    assert [p.name for p in loaded.proposers] == ["魏农", "李四"]
    assert store.get(Target, target.id) == target
    stored_reply = store.get(Reply, reply.id)
    assert stored_reply.reply_date == dt.date(2021, 6, 8)
    row = store.conn.execute("SELECT doc_issuer_code, doc_year, doc_serial FROM replies").fetchone()
    assert tuple(row) == ("常工信复", 2021, 39)
    assert store.get(Target, target.id).cumulative is True


def test_every_write_leaves_a_history_row(store: Store) -> None:
    proposal, reply, _commitment, target = _chain(store)
    document = store.save(SourceDocument(sha256="a" * 64, file_name="news.md", kind="news", content=b"x"))
    others = [
        Evidence(target_id=target.id, as_of_date=dt.date(2022, 3, 3), value=11080, unit="个"),
        Feedback(reply_id=reply.id, rating="satisfied"),
        Reminder(kind="custom", title="call back", due_date=dt.date(2022, 1, 1), uid="r1"),
        Contact(proposal_id=proposal.id, contact_date=dt.date(2021, 5, 1)),
        Suggestion(kind="evidence", payload={"value": 1}, target_id=target.id, source_document_id=document.id),
    ]
    for record in others:
        before = len(store.history())
        saved = store.save(record)
        entries = store.history()
        assert len(entries) == before + 1
        assert (entries[-1].table_name, entries[-1].row_id, entries[-1].action) == (record.TABLE, saved.id, "insert")
        assert entries[-1].actor == "tester"
    entry_count = len(store.history())
    store.save(Target(**{**target.__dict__, "value": 2, "value_normalized": 20000}))
    [update] = store.history()[entry_count:]
    assert update.action == "update" and update.before["value"] == 1 and update.after["value"] == 2
    doc_history = store.history("source_documents", document.id)
    assert "content" not in doc_history[0].after and doc_history[0].after["content_sha256"]


def test_saving_unchanged_record_writes_no_history(store: Store) -> None:
    _, _, commitment, _ = _chain(store)
    count = len(store.history())
    store.save(commitment)
    assert len(store.history()) == count


def test_delete_cascades_with_history(store: Store) -> None:
    _, _reply, commitment, target = _chain(store)
    store.save(Evidence(target_id=target.id, as_of_date=dt.date(2022, 3, 3), value=11080))
    store.delete(Commitment, commitment.id)
    assert store.count(Target) == 0 and store.count(Evidence) == 0
    deleted = [(e.table_name, e.action) for e in store.history() if e.action == "delete"]
    assert deleted == [("evidence", "delete"), ("targets", "delete"), ("commitments", "delete")]


def test_proposers_are_synchronised(store: Store) -> None:
    proposal = store.save(_proposal())
    lead, cosigner = proposal.proposers
    updated = store.save(Proposal(**{**proposal.__dict__, "proposers": [lead, Proposer(name="王五", role="cosigner")]}))
    assert [p.name for p in store.get(Proposal, updated.id).proposers] == ["魏农", "王五"]
    assert ("proposers", cosigner.id, "delete") in [(e.table_name, e.row_id, e.action) for e in store.history()]


def test_crash_inside_a_multi_row_save_leaves_the_database_as_before(store: Store) -> None:
    _, reply, _, _ = _chain(store)
    before = (store.counts(), len(store.history()))
    with pytest.raises(RuntimeError), store.transaction():
        for number in range(5):
            store.save(Commitment(reply_id=reply.id, title=f"承诺{number}"))
        raise RuntimeError("power cut")
    assert (store.counts(), len(store.history())) == before


def test_save_many_is_all_or_nothing(store: Store) -> None:
    _, reply, _, _ = _chain(store)
    before = store.counts()
    with pytest.raises(LedgerError):
        store.save_many([Commitment(reply_id=reply.id, title="好的"), Commitment(reply_id=9999, title="断链")])
    assert store.counts() == before


def test_validation_errors_come_before_sql(store: Store) -> None:
    with pytest.raises(RecordErrors) as caught:
        store.save(Reply(doc_number="not a number"))
    assert caught.value.problems[0].field == "doc_number"
    assert store.count(Reply) == 0


def test_constraints_reject_bad_rows_with_a_clear_error(store: Store) -> None:
    _, reply, commitment, _ = _chain(store)
    with pytest.raises(LedgerError) as caught:
        store._insert_row("targets", {"commitment_id": commitment.id, "indicator": "x", "comparator": "about",
                                      "value": 1})
    assert caught.value.code == "check_failed" and "comparator" in caught.value.message
    with pytest.raises(LedgerError) as caught:
        store._insert_row("replies", {"reply_date": "2021-02-30"})
    assert caught.value.code == "check_failed" and "reply_date" in caught.value.message
    with pytest.raises(LedgerError) as caught:
        store.save(_proposal())
    assert caught.value.code == "duplicate" and "already exists" in caught.value.message
    with pytest.raises(LedgerError) as caught:
        store.save(Reply(proposal_id=reply.proposal_id, doc_number="常工信复〔2021〕39号"))
    assert caught.value.code == "duplicate"
    with pytest.raises(LedgerError) as caught:
        store.save(Feedback(reply_id=424242, rating="satisfied"))
    assert caught.value.code == "broken_link"


@pytest.mark.parametrize("statement", [
    "INSERT INTO targets (commitment_id, indicator, comparator, created_at, updated_at)"
    " VALUES (1, 'x', '>', 'now', 'now')",
    "INSERT INTO proposals (session, number, title, kind, created_at, updated_at)"
    " VALUES ('s', '1', 't', 'petition', 'now', 'now')",
    "INSERT INTO reminders (kind, title, due_date, uid, state, created_at, updated_at)"
    " VALUES ('custom', 't', '2021-01-01', 'u', 'snoozed', 'now', 'now')",
    "INSERT INTO feedback (reply_id, rating, created_at, updated_at) VALUES (1, 'happy', 'now', 'now')",
    "INSERT INTO commitments (reply_id, title, created_at, updated_at) VALUES (1, '  ', 'now', 'now')",
])
def test_schema_checks_hold_without_the_store(store: Store, statement: str) -> None:
    _chain(store)
    with pytest.raises(store.dialect.integrity_errors):
        store.conn.execute(statement)


def test_history_is_append_only_and_chained(store: Store) -> None:
    _chain(store)
    assert store.verify_history() == []
    with pytest.raises(store.dialect.integrity_errors, match="append-only"):
        store.conn.execute("UPDATE history SET actor = 'someone else' WHERE id = 1")
    with pytest.raises(store.dialect.integrity_errors, match="append-only"):
        store.conn.execute("DELETE FROM history WHERE id = 1")
    # Someone who drops the guard and edits a row is still caught by the chain.
    store.conn.execute("DROP TRIGGER history_no_update" + (" ON history" if store.dialect.name == "postgresql" else ""))
    store.conn.execute("UPDATE history SET actor = 'someone else' WHERE id = 2")
    problems = store.verify_history()
    assert problems and "History row 2" in problems[0]


def test_settings_have_defaults_and_history(store: Store) -> None:
    assert store.get_setting("deadline.reply_months") == 3
    store.set_setting("deadline.reply_months", 2)
    assert store.get_setting("deadline.reply_months") == 2
    assert store.all_settings()["deadline.reply_months"] == 2
    assert store.history("settings")[-1].after == {"key": "deadline.reply_months", "value": "2"}
    store.set_setting("result_class.scheme", "甲乙丙")
    with pytest.raises(LedgerError):
        store.set_setting("deadline.reply_months", "three")


def test_find_helpers(store: Store) -> None:
    proposal, reply, _, _ = _chain(store)
    assert store.find_proposal("常州市十六届人大五次会议", "21").id == proposal.id
    assert store.find_proposal("常州市十六届人大五次会议", "第22号") is None
    assert store.find_reply_by_doc_number("常工信复[2021]第39号").id == reply.id
