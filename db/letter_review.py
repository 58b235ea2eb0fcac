"""Reviewing a letter against the ledger and saving the review: source document, proposal, reply, the accepted
commitments and targets, and every item's decision as a target suggestion.

:func:`begin_review` starts the review of a read letter and, when its reply is in the ledger already (found by
document number, file or text, :func:`db.letter_decisions.find_letter_reply`), shows the earlier decisions;
:func:`begin_stored_review` does the same for a stored reply's letter, reviewed again without reading a file.

Everything is written in one transaction, so the ledger holds the whole review or nothing of it. A letter whose
file is already stored (same SHA-256) reuses that source document; a letter whose reply is already in the ledger
updates that reply with the confirmed header instead of adding a second one, and the suggestions stored for it
take the clerk's decisions instead of being stored twice. A target the reply holds already (same quote place,
comparator and value) is not written again but reported as skipped, and a new commitment quoting the same place
as a stored one is that stored one (:class:`db.letter_decisions.LedgerTargets`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from db.letter_decisions import (
    LedgerTargets,
    find_letter_reply,
    ledger_promises,
    proposal_of,
    recall,
    stored_letter,
    with_stored_header,
)
from db.letters import _proposers  # the one reading of an addressee line into proposers
from db.store import Store
from desktop.core.errors import LedgerError, ValidationError
from desktop.core.extraction import Document, LetterExtraction
from desktop.core.letter_review import (
    ACCEPTED,
    PENDING,
    LetterReview,
    ReviewPlan,
    mark_duplicates,
    start_review,
    suggestion_key,
)
from desktop.core.records import Commitment, Proposal, Reply, Suggestion, Target


@dataclass(frozen=True)
class SkippedTarget:
    """An accepted item not written because the reply holds that target already."""

    indicator: str
    target_id: int


@dataclass(frozen=True)
class SavedReview:
    """The ids of what a review wrote (or reused), and the accepted items found in the ledger already."""

    source_document_id: int
    proposal_id: int | None
    reply_id: int
    commitment_ids: list[int]
    target_ids: list[int]
    pending_suggestions: int = 0
    skipped: list[SkippedTarget] = field(default_factory=list)


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


def begin_review(store: Store, document: Document, extraction: LetterExtraction) -> LetterReview:
    """The review of a read letter. When its reply is in the ledger already, the header starts from the stored
    reply and the items show the earlier decisions."""
    header = extraction.header
    stored = find_letter_reply(store, doc_number=header.doc_number_normalized or header.doc_number,
                               sha256=document.sha256, text=document.text)
    review = start_review(document, extraction, existing_reply=stored)
    if stored is not None:
        review.reply = with_stored_header(review.reply, stored)
        review.proposal = proposal_of(store, stored) or review.proposal
    return _with_duplicates(store, recall(store, review))


def begin_stored_review(store: Store, reply_id: int, extraction: LetterExtraction,
                        document: Document | None = None) -> LetterReview:
    """The review of a stored reply's letter again (``extraction`` of its stored text, :func:`stored_letter`),
    with the stored header and proposal and the earlier decisions.

    Raises:
        LedgerError: the reply is gone or has no letter text.
    """
    letter = stored_letter(store, reply_id)
    review = start_review(document or letter.document, extraction, existing_reply=letter.reply)
    review.reply = with_stored_header(dataclasses.replace(review.reply, text=letter.reply.text or review.reply.text),
                                      letter.reply)
    if letter.proposal is not None:
        review.proposal = letter.proposal
    return _with_duplicates(store, recall(store, review))


def _with_duplicates(store: Store, review: LetterReview) -> LetterReview:
    mark_duplicates(review, ledger_promises(store, review))
    return review


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
        stored = store.get(Reply, plan.reply_id) if plan.reply_id is not None else None
        stored = stored or find_letter_reply(store, doc_number=reply.doc_number, sha256=source.sha256,
                                             text=reply.text)
        if stored is not None:
            reply = dataclasses.replace(reply, id=stored.id, proposal_id=reply.proposal_id or stored.proposal_id,
                                        proposer_id=reply.proposer_id or stored.proposer_id)
        reply = store.save(reply)
        ledger = LedgerTargets.of_reply(store, stored.id if stored is not None else None)
        commitment_ids: list[int] = []
        target_ids: list[int] = []
        skipped: list[SkippedTarget] = []
        saved_targets: list[list[int]] = []
        for planned in plan.commitments:
            commitment = planned.commitment
            present = [ledger.find(target) for target in planned.targets]
            if commitment.id is None:
                reused = ledger.commitment_at(commitment.quote_start, commitment.quote_end)
                if reused is not None:
                    commitment = dataclasses.replace(commitment, id=reused)
                elif any(found is None for found in present) or planned.updates:
                    commitment = store.save(dataclasses.replace(commitment, reply_id=reply.id))
                    ledger.add_commitment(commitment)
            elif store.get(Commitment, commitment.id) is None:
                raise LedgerError(f"The commitment #{commitment.id} chosen for a target no longer exists; choose "
                                  "another one.", code="not_found", table="commitments", id=commitment.id)
            if commitment.id is not None:
                commitment_ids.append(commitment.id)
            ids = []
            for target, found in zip(planned.targets, present, strict=True):
                if found is not None:  # in the ledger already: the same quote place, comparator and value
                    skipped.append(SkippedTarget(found.indicator, found.id))  # type: ignore[arg-type]
                    ids.append(found.id)
                    continue
                saved = store.save(dataclasses.replace(target, commitment_id=commitment.id,
                                                       source_document_id=source.id))
                ledger.add(saved)
                ids.append(saved.id)
                target_ids.append(saved.id)  # type: ignore[arg-type]
            saved_targets.append(ids)  # type: ignore[arg-type]
            for update in planned.updates:
                current = store.get(Target, update.id)  # type: ignore[arg-type]
                if current is None:
                    raise LedgerError(f"The target #{update.id} given a baseline no longer exists; reload and "
                                      "review the letter again.", code="not_found", table="targets", id=update.id)
                changed = dataclasses.replace(current, baseline_value=update.baseline_value,
                                              baseline_unit=update.baseline_unit, baseline_date=update.baseline_date,
                                              baseline_quote=update.baseline_quote)
                if changed != current:
                    store.save(changed)
        pending = _record_suggestions(store, plan, reply.id, source.id, saved_targets)  # type: ignore[arg-type]
    return SavedReview(source_document_id=source.id, proposal_id=proposal.id if proposal else None,  # type: ignore[arg-type]
                       reply_id=reply.id, commitment_ids=commitment_ids, target_ids=target_ids,  # type: ignore[arg-type]
                       pending_suggestions=pending, skipped=skipped)


def _record_suggestions(store: Store, plan: ReviewPlan, reply_id: int, source_id: int,
                        saved_targets: list[list[int]]) -> int:
    """Every item of the letter gets one suggestion row saying what became of it: the row it was recalled from
    (or a stored row with its key) takes the clerk's decision, and an item without one gets a new row. Returns
    how many of the letter's items are left pending."""
    rows = {row.id: row for row in store.list(Suggestion, "reply_id = ? AND kind = 'target'", (reply_id,))}
    claimed = {fate.suggestion_id for fate in plan.suggestions if fate.suggestion_id in rows}
    by_key: dict[tuple, list[Suggestion]] = {}
    for row in rows.values():
        if row.id not in claimed:
            by_key.setdefault(suggestion_key(row.payload), []).append(row)
    pending = 0
    for fate in plan.suggestions:
        target_id = fate.target_id
        if fate.target is not None:
            target_id = saved_targets[fate.target[0]][fate.target[1]]
        if fate.state == PENDING:
            pending += 1
        row = rows.get(fate.suggestion_id) if fate.suggestion_id is not None else None
        if row is None:
            candidates = by_key.get(fate.key) or []
            row = candidates.pop(0) if candidates else None
        if row is None:
            store.save(Suggestion(kind="target", payload=fate.payload, reply_id=reply_id, source_document_id=source_id,
                                  score=fate.score, state=fate.state,
                                  target_id=target_id if fate.state == ACCEPTED else None))
            continue
        if row.state == ACCEPTED and fate.state == ACCEPTED and row.target_id == target_id:
            continue  # accepted before and in the ledger: nothing to change
        changed = dataclasses.replace(row, state=fate.state, payload=fate.payload,
                                      target_id=target_id if fate.state == ACCEPTED else None)
        if changed != row:
            store.save(changed)
    return pending
