"""Deleting many records in one transaction, and putting them back with their ids (the undo of a deletion)."""

from __future__ import annotations

from db import Store
from desktop.core.records import Commitment, Evidence, Proposal, Reply, SourceDocument, Target


def test_store_delete_many_and_restore_keep_ids_links_and_history(demo_store: Store) -> None:
    before = {cls: [r.id for r in demo_store.list(cls)] for cls in (Commitment, Target, Evidence)}
    [reply] = demo_store.list(Reply)
    commitments = demo_store.commitments_of(reply.id)[:3]
    snapshot = demo_store.delete_many([(Commitment, c.id) for c in commitments])
    assert demo_store.count(Commitment) == len(before[Commitment]) - 3
    assert set(snapshot.ids("commitments")) == {c.id for c in commitments}
    demo_store.restore(snapshot)
    assert {cls: [r.id for r in demo_store.list(cls)] for cls in before} == before
    actions = [entry.action for entry in demo_store.history("commitments")]
    assert actions[-6:] == ["delete"] * 3 + ["insert"] * 3
    assert demo_store.verify_history() == []


def test_store_restore_puts_back_links_a_deletion_cleared(demo_store: Store) -> None:
    [reply] = demo_store.list(Reply)
    document = demo_store.get(SourceDocument, reply.source_document_id)
    snapshot = demo_store.delete(SourceDocument, document.id)
    assert demo_store.get(Reply, reply.id).source_document_id is None  # ON DELETE SET NULL
    demo_store.restore(snapshot)
    assert demo_store.get(Reply, reply.id).source_document_id == document.id
    assert demo_store.get(SourceDocument, document.id).content == document.content


def test_store_delete_of_a_proposal_with_replies_is_refused_whole(demo_store: Store) -> None:
    import pytest

    from desktop.core.errors import LedgerError

    [proposal] = demo_store.list(Proposal)
    with pytest.raises(LedgerError):
        demo_store.delete_many([(Proposal, proposal.id)])
    assert demo_store.count(Proposal) == 1 and demo_store.verify_history() == []
