"""What the ledger already holds for a reply letter, so that reviewing or importing it again adds nothing twice.

A letter is found again by its document number, by its file (SHA-256) or by its text (the same letter in another
file: another encoding, another name). Its earlier decisions are the reply's target suggestion rows and the
commitments and targets stored under the reply. :class:`LedgerTargets` is the rule both the review's save and
``reply-ledger import --accept`` go through: the same quote place in the same reply, with the same comparator and
value (:func:`desktop.core.letter_review.target_key`, or the same quote words, :func:`quote_key`), never becomes a
second target, and the same quote place never a second commitment.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path

from db.store import Store
from desktop.core.errors import LedgerError, ValidationError
from desktop.core.extraction import Document
from desktop.core.letter_review import LetterReview, ProposalRef, quote_key, recall_decisions, target_key
from desktop.core.records import Commitment, Proposal, Reply, SourceDocument, Suggestion, Target


def find_letter_reply(store: Store, *, doc_number: str | None, sha256: str | None = None,
                      text: str | None = None) -> Reply | None:
    """The stored reply of a letter: by document number (any bracket style), else by the source document with
    the same bytes, else by the same text (of the reply or of its source document)."""
    if doc_number:
        try:
            found = store.find_reply_by_doc_number(doc_number)
        except ValidationError:
            found = None
        if found is not None:
            return found
    if sha256:
        source = store.find_source_document(sha256)
        if source is not None:
            replies = store.list(Reply, "source_document_id = ?", (source.id,), limit=1)
            if replies:
                return replies[0]
    if text and text.strip():
        replies = store.list(Reply, "text = ? OR source_document_id IN (SELECT id FROM source_documents "
                             "WHERE kind = 'letter' AND text = ?)", (text, text), limit=1)
        if replies:
            return replies[0]
    return None


def letter_text(store: Store, reply: Reply) -> str | None:
    """The text the quote places of a reply's targets and suggestions count in: its source document's, or its
    own when it has none."""
    if reply.source_document_id is not None:
        source = store.get(SourceDocument, reply.source_document_id)
        if source is not None and source.text:
            return source.text
    return reply.text


@dataclass(frozen=True)
class EarlierDecisions:
    """A reply's target suggestion rows, and the commitments and targets stored under it."""

    suggestions: list[Suggestion]
    commitments: list[Commitment]
    targets: list[Target]


def earlier_decisions(store: Store, reply_id: int) -> EarlierDecisions:
    suggestions = store.list(Suggestion, "reply_id = ? AND kind = 'target'", (reply_id,))
    commitments = store.commitments_of(reply_id)
    targets = store.list(Target, "commitment_id IN (SELECT id FROM commitments WHERE reply_id = ?)", (reply_id,),
                         order_by="commitment_id, id")
    return EarlierDecisions(suggestions, commitments, targets)


def recall(store: Store, review: LetterReview) -> LetterReview:
    """Show in ``review`` what was decided before about the letter of its stored reply
    (:func:`desktop.core.letter_review.recall_decisions`; nothing when it has none)."""
    if review.existing_reply_id is not None:
        decisions = earlier_decisions(store, review.existing_reply_id)
        recall_decisions(review, decisions.suggestions, decisions.commitments, decisions.targets)
    return review


class LedgerTargets:
    """The targets and commitments of one reply, by what makes them the same (see the module's description).

    ``find`` answers whether a target is in the ledger already; ``add`` and ``add_commitment`` remember what a
    save writes, so that one save cannot write the same target twice either.
    """

    def __init__(self, commitments: list[Commitment], targets: list[Target]) -> None:
        self._targets: dict[tuple, Target] = {}
        self._commitments: dict[tuple[int, int], int] = {}
        for commitment in commitments:
            self.add_commitment(commitment)
        for target in targets:
            self.add(target)

    @classmethod
    def of_reply(cls, store: Store, reply_id: int | None) -> LedgerTargets:
        if reply_id is None:
            return cls([], [])
        decisions = earlier_decisions(store, reply_id)
        return cls(decisions.commitments, decisions.targets)

    def add(self, target: Target) -> None:
        for key in (target_key(target), quote_key(target)):
            if key is not None:
                self._targets.setdefault(key, target)

    def find(self, target: Target) -> Target | None:
        """The stored target that is ``target`` (same quote place or words, comparator and value), if any."""
        for key in (target_key(target), quote_key(target)):
            if key is not None and key in self._targets:
                return self._targets[key]
        return None

    def add_commitment(self, commitment: Commitment) -> None:
        if commitment.quote_start is not None and commitment.quote_end is not None and commitment.id is not None:
            self._commitments.setdefault((commitment.quote_start, commitment.quote_end), commitment.id)

    def commitment_at(self, start: int | None, end: int | None) -> int | None:
        """The stored commitment of the reply quoting exactly this place of the text, if any."""
        return None if start is None or end is None else self._commitments.get((start, end))


def ledger_promises(store: Store, review: LetterReview) -> list[tuple[Target, Commitment]]:
    """The targets the ledger holds for the letter's reply and for the other replies of its proposal (typed by
    hand, or from another letter), with their commitments: what a suggestion may repeat."""
    reply_ids: list[int] = []
    if review.existing_reply_id is not None:
        reply_ids.append(review.existing_reply_id)
    ref = review.proposal
    if ref.session and ref.number:
        proposal = store.find_proposal(ref.session, ref.number)
        if proposal is not None:
            reply_ids += [reply.id for reply in store.replies_of(proposal.id) if reply.id not in reply_ids]  # type: ignore[misc]
    found: list[tuple[Target, Commitment]] = []
    for reply_id in reply_ids:
        for commitment in store.commitments_of(reply_id):
            found += [(target, commitment) for target in store.targets_of(commitment.id)]  # type: ignore[arg-type]
    return found


@dataclass(frozen=True)
class StoredLetter:
    """A stored reply and the letter it was imported from, to review again without reading a file."""

    reply: Reply
    document: Document
    proposal: ProposalRef | None


def stored_letter(store: Store, reply_id: int) -> StoredLetter:
    """The letter of a stored reply, as the document its suggestions and targets were read from.

    Raises:
        LedgerError: the reply is gone, or was typed in and has no letter text to review.
    """
    reply = store.get(Reply, reply_id)
    if reply is None:
        raise LedgerError(f"The reply #{reply_id} no longer exists; reload the list.", code="not_found",
                          table="replies", id=reply_id)
    source = store.get(SourceDocument, reply.source_document_id) if reply.source_document_id is not None else None
    text = (source.text if source is not None else None) or reply.text
    if not text or not text.strip():
        raise LedgerError(f"The reply {reply.doc_number or '#' + str(reply.id)} has no letter text to review; "
                          "import its letter file instead.", code="letter_text_missing",
                          doc_number=reply.doc_number or f"#{reply.id}")
    if source is not None:
        document = Document(path=Path(source.file_name), text=text,
                            format=Path(source.file_name).suffix.lstrip(".").lower() or "txt",
                            content=source.content or b"", sha256=source.sha256, title=source.title,
                            date=source.doc_date, url=source.url, publisher=source.publisher)
    else:  # a reply typed in with its text: the text is the letter
        content = text.encode("utf-8")
        document = Document(path=Path(f"reply_{reply.id}.txt"), text=text, format="txt", content=content,
                            sha256=hashlib.sha256(content).hexdigest(), title=reply.title)
    return StoredLetter(reply=reply, document=document, proposal=proposal_of(store, reply))


def proposal_of(store: Store, reply: Reply) -> ProposalRef | None:
    """The stored proposal a reply answers, as a review names it."""
    proposal = store.get(Proposal, reply.proposal_id) if reply.proposal_id is not None else None
    if proposal is None:
        return None
    return ProposalRef(session=proposal.session, number=proposal.number, kind=proposal.kind, title=proposal.title)


# The fields of a reply its letter's header states.
HEADER_FIELDS = ("doc_number", "issuing_office", "title", "addressee", "reply_date", "signer", "handler", "phone", "cc",
                 "result_class", "replying_unit")


def with_stored_header(extracted: Reply, stored: Reply) -> Reply:
    """The header a review of a stored reply's letter starts from: what was confirmed and stored, and what the
    letter states where nothing was stored."""
    values = {}
    for name in HEADER_FIELDS:
        values[name] = getattr(stored, name) if getattr(stored, name) not in (None, "") else getattr(extracted, name)
    return dataclasses.replace(extracted, **values)
