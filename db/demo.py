"""Write the demo story (:mod:`desktop.core.demo`) into a store, in one transaction."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from db.store import Store
from desktop.core.demo import build_demo_story
from desktop.core.errors import LedgerError


def create_demo(store: Store, folder: Path) -> None:
    """Fill an empty store with the demo story.

    Raises:
        LedgerError: when the store already holds proposals (the demo is not merged into real data).
    """
    if store.counts().proposals:
        raise LedgerError(f"The database '{store.path}' already holds data; write the demo into a new file.",
                          code="demo_not_empty", path=str(store.path))
    story = build_demo_story(folder)
    with store.transaction():
        sources = {name: store.save(source) for name, source in story.sources.items()}
        letter = sources[next(name for name, s in story.sources.items() if s.kind == "letter")]
        proposal = store.save(story.proposal)
        reply = store.save(dataclasses.replace(story.reply, proposal_id=proposal.id,
                                               proposer_id=proposal.proposers[0].id, source_document_id=letter.id))
        store.save(dataclasses.replace(story.feedback, reply_id=reply.id, proposer_id=proposal.proposers[0].id))
        store.save(dataclasses.replace(story.reply_reminder, subject_id=proposal.id))
        for item in story.commitments:
            commitment = store.save(dataclasses.replace(item.commitment, reply_id=reply.id))
            for demo_target in item.targets:
                target = store.save(dataclasses.replace(demo_target.target, commitment_id=commitment.id,
                                                        source_document_id=letter.id))
                for evidence, source_name in demo_target.evidence:
                    store.save(dataclasses.replace(evidence, target_id=target.id,
                                                   source_document_id=sources[source_name].id))
            if item.reminder:
                store.save(dataclasses.replace(item.reminder, subject_id=commitment.id))
