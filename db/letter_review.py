"""Saving a reviewed letter: source document, proposal, reply, the accepted commitments and targets, and the
undecided items as target suggestions.

Everything is written in one transaction, so the ledger holds the whole review or nothing of it. A letter whose
file is already stored (same SHA-256) reuses that source document; a letter whose document number belongs to a
reply already in the ledger updates that reply with the confirmed header instead of adding a second one, and the
suggestions an earlier import left pending for it take the clerk's decisions instead of being stored twice.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from db.letters import _proposers  # the one reading of an addressee line into proposers
from db.store import Store
from desktop.core.errors import LedgerError, ValidationError
from desktop.core.letter_review import PENDING, ReviewPlan, suggestion_key
from desktop.core.records import Commitment, Proposal, Reply, Suggestion, Target


@dataclass(frozen=True)
class SavedReview:
    """The ids of what a review wrote (or reused)."""

    source_document_id: int
    proposal_id: int | None
    reply_id: int
    commitment_ids: list[int]
    target_ids: list[int]
    pending_suggestions: int = 0


def existing_reply(store: Store, doc_number: str | None) -> Reply | None:
    """The stored reply with this document number (any bracket style), if any."""
    if not doc_number:
        return None
    try:
        return store.find_reply_by_doc_number(doc_number)
    except ValidationError:
        return None


def pending_target_suggestions(store: Store, reply_id: int) -> list[Suggestion]:
    """The target suggestions of a reply still waiting for a decision (from an import or an earlier review)."""
    return store.list(Suggestion, "reply_id = ? AND kind = 'target' AND state = 'pending'", (reply_id,))


def save_review(store: Store, plan: ReviewPlan) -> SavedReview:
    """Write a reviewed letter in one transaction.

    Raises:
        RecordErrors, LedgerError: a record is refused (nothing is written then).
    """
    with store.transaction():
        source = store.find_source_document(plan.source.sha256) or store.save(plan.source)
        proposal: Proposal | None = None
        if plan.proposal is not None and plan.proposal.session and plan.proposal.number:
            ref = plan.proposal
            proposal = store.find_proposal(ref.session, ref.number, ref.kind)
            if proposal is None:
                proposal = store.save(Proposal(
                    session=ref.session, number=ref.number, kind=ref.kind,
                    title=ref.title or f"{ref.session}{ref.number}", body="政协" if "政协" in ref.session else "人大",
                    lead_unit=plan.reply.issuing_office, state="replied", proposers=_proposers(plan.reply.addressee)))
        reply = dataclasses.replace(plan.reply, source_document_id=source.id)
        if proposal is not None:
            lead = proposal.proposers[0] if proposal.proposers else None
            reply = dataclasses.replace(reply, proposal_id=proposal.id,
                                        proposer_id=reply.proposer_id or (lead.id if lead else None))
        stored = existing_reply(store, reply.doc_number)
        if stored is not None:
            reply = dataclasses.replace(reply, id=stored.id, proposal_id=reply.proposal_id or stored.proposal_id,
                                        proposer_id=reply.proposer_id or stored.proposer_id)
        reply = store.save(reply)
        commitment_ids: list[int] = []
        target_ids: list[int] = []
        saved_targets: list[list[int]] = []
        for planned in plan.commitments:
            commitment = planned.commitment
            if commitment.id is None:
                commitment = store.save(dataclasses.replace(commitment, reply_id=reply.id))
            elif store.get(Commitment, commitment.id) is None:
                raise LedgerError(f"The commitment #{commitment.id} chosen for a target no longer exists; choose "
                                  "another one.", code="not_found", table="commitments", id=commitment.id)
            commitment_ids.append(commitment.id)  # type: ignore[arg-type]
            ids = []
            for target in planned.targets:
                saved = store.save(dataclasses.replace(target, commitment_id=commitment.id,
                                                       source_document_id=source.id))
                ids.append(saved.id)
            saved_targets.append(ids)  # type: ignore[arg-type]
            target_ids.extend(ids)  # type: ignore[arg-type]
            for update in planned.updates:
                current = store.get(Target, update.id)  # type: ignore[arg-type]
                if current is None:
                    raise LedgerError(f"The target #{update.id} given a baseline no longer exists; reload and "
                                      "review the letter again.", code="not_found", table="targets", id=update.id)
                store.save(dataclasses.replace(current, baseline_value=update.baseline_value,
                                               baseline_unit=update.baseline_unit, baseline_date=update.baseline_date,
                                               baseline_quote=update.baseline_quote))
        pending = _record_suggestions(store, plan, reply.id, source.id, saved_targets)  # type: ignore[arg-type]
    return SavedReview(source_document_id=source.id, proposal_id=proposal.id if proposal else None,  # type: ignore[arg-type]
                       reply_id=reply.id, commitment_ids=commitment_ids, target_ids=target_ids,  # type: ignore[arg-type]
                       pending_suggestions=pending)


def _record_suggestions(store: Store, plan: ReviewPlan, reply_id: int, source_id: int,
                        saved_targets: list[list[int]]) -> int:
    """Pending suggestions of the reply take the clerk's decisions; undecided items not stored yet are added as
    pending suggestions. Returns how many of the letter's suggestions are left pending."""
    waiting: dict[tuple, list[Suggestion]] = {}
    for suggestion in pending_target_suggestions(store, reply_id):
        waiting.setdefault(suggestion_key(suggestion.payload), []).append(suggestion)
    pending = 0
    for fate in plan.suggestions:
        earlier = waiting.get(fate.key)
        stored = earlier.pop(0) if earlier else None
        if fate.state == PENDING:
            pending += 1
            if stored is None:
                store.save(Suggestion(kind="target", payload=fate.payload, reply_id=reply_id,
                                      source_document_id=source_id, score=fate.score))
            continue
        if stored is None:
            continue  # decided in this review: the targets (or nothing, when rejected) say it all
        target_id = fate.target_id
        if fate.target is not None:
            target_id = saved_targets[fate.target[0]][fate.target[1]]
        store.save(dataclasses.replace(stored, state=fate.state, target_id=target_id))
    return pending
