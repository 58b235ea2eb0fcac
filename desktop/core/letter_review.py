"""Reviewing an imported letter before it enters the ledger: the clerk's decisions, and the records they make.

A :class:`LetterReview` starts from what extraction found (:mod:`desktop.core.extraction`): the header fields
and one :class:`ReviewItem` per extracted target or baseline. The clerk accepts, edits or rejects each item and
links it to a commitment: a new one (items that share a quote start in the same new commitment) or one already
in the ledger. :func:`plan_records` turns the accepted items, and nothing else, into the records to save.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from desktop.core.docnumber import parse_doc_number
from desktop.core.errors import RecordErrors, ValidationError
from desktop.core.extraction import Document, ExtractedTarget, LetterExtraction
from desktop.core.records import PROPOSAL_KINDS, Commitment, Reply, SourceDocument, Target

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
NEW_PREFIX = "new:"
EXISTING_PREFIX = "commitment:"
PROPOSAL_KINDS_BY_WORD = {label: code for code, label in PROPOSAL_KINDS.items()}
TITLE_LENGTH = 60


@dataclass
class ProposalRef:
    """The proposal a letter answers, as the header names it."""

    session: str | None = None
    number: str | None = None
    kind: str = "suggestion"
    title: str | None = None


@dataclass
class NewCommitment:
    """A commitment the review will create; its targets are the accepted items linked to it."""

    key: str
    title: str
    quote: str
    quote_start: int
    quote_end: int


@dataclass
class ReviewItem:
    """One suggestion: the target as extracted (and edited), the clerk's decision and its commitment."""

    target: Target
    confidence: float
    link: str
    decision: str = PENDING
    original: Target | None = None

    @property
    def edited(self) -> bool:
        return self.original is not None and self.original != self.target


@dataclass
class LetterReview:
    """Everything the review screen shows and changes, without any Qt."""

    document: Document
    reply: Reply
    proposal: ProposalRef
    items: list[ReviewItem]
    new_commitments: dict[str, NewCommitment]
    existing_reply_id: int | None = None
    notes: list[str] = field(default_factory=list)

    def new_commitment(self, key: str) -> NewCommitment | None:
        return self.new_commitments.get(key.removeprefix(NEW_PREFIX)) if key.startswith(NEW_PREFIX) else None

    def counts(self) -> dict[str, int]:
        counted = {PENDING: 0, ACCEPTED: 0, REJECTED: 0}
        for item in self.items:
            counted[item.decision] += 1
        return counted


def _target(extracted: ExtractedTarget) -> Target:
    return Target(commitment_id=0, indicator=extracted.indicator or extracted.quote[:40],
                  comparator=extracted.comparator, value=extracted.value, value_high=extracted.value_high,
                  unit=extracted.unit, value_normalized=extracted.value_normalized,
                  value_high_normalized=extracted.value_high_normalized, unit_normalized=extracted.unit_normalized,
                  deadline=extracted.deadline, deadline_text=extracted.deadline_text, cumulative=extracted.cumulative,
                  kind=extracted.kind, quote=extracted.quote, quote_start=extracted.start, quote_end=extracted.end)


def _title(quote: str) -> str:
    text = re.sub(r"\s+", "", quote).strip("，。；;,")
    return text if len(text) <= TITLE_LENGTH else text[:TITLE_LENGTH - 1] + "…"


def _doc_number(header_doc_number: str | None, normalized: str | None) -> str | None:
    for candidate in (normalized, header_doc_number):
        if candidate:
            try:
                return parse_doc_number(candidate).normalized
            except ValidationError:
                continue
    return header_doc_number


def start_review(document: Document, extraction: LetterExtraction, *,
                 existing_reply: Reply | None = None) -> LetterReview:
    """A review of a read letter: the header as found, and every extracted target as a pending item.

    Items that share a quote are linked to the same new commitment, titled after the quote.
    """
    header = extraction.header
    reply = Reply(doc_number=_doc_number(header.doc_number, header.doc_number_normalized),
                  issuing_office=header.issuer, title=header.title or document.title, addressee=header.addressee,
                  reply_date=header.date, signer=header.signer, handler=header.handler, phone=header.phone,
                  cc=header.cc, result_class=header.classification, replying_unit=header.issuer, text=document.text)
    proposal = ProposalRef(session=header.session, number=header.number,
                           kind=PROPOSAL_KINDS_BY_WORD.get(header.proposal_type or "", "suggestion"),
                           title=header.proposal_title)
    groups: dict[str, NewCommitment] = {}
    items: list[ReviewItem] = []
    for extracted in extraction.targets:
        key = f"{extracted.start}-{extracted.end}"
        if key not in groups:
            groups[key] = NewCommitment(key=key, title=_title(extracted.quote), quote=extracted.quote,
                                        quote_start=extracted.start, quote_end=extracted.end)
        target = _target(extracted)
        items.append(ReviewItem(target=target, confidence=extracted.confidence, link=NEW_PREFIX + key,
                                original=dataclasses.replace(target)))
    notes = list(header.notes)
    return LetterReview(document=document, reply=reply, proposal=proposal, items=items, new_commitments=groups,
                        existing_reply_id=existing_reply.id if existing_reply else None, notes=notes)


@dataclass
class PlannedCommitment:
    """A commitment to write (``commitment.id`` None) or one already stored, with the new targets under it."""

    commitment: Commitment
    targets: list[Target]


@dataclass
class ReviewPlan:
    """The records a review writes: exactly the accepted items, in one transaction."""

    source: SourceDocument
    proposal: ProposalRef | None
    reply: Reply
    commitments: list[PlannedCommitment]

    @property
    def target_count(self) -> int:
        return sum(len(planned.targets) for planned in self.commitments)


def plan_records(review: LetterReview, *, imported_by: str | None = None,
                 existing_commitments: dict[int, Commitment] | None = None) -> ReviewPlan:
    """The records of the accepted items, grouped by the commitment each is linked to.

    A new commitment takes the latest deadline of its accepted targets and the replying unit as its responsible
    unit. ``existing_commitments`` are the stored commitments items may be linked to.

    Raises:
        RecordErrors: the header or an accepted item is not valid (each problem names its field).
    """
    problems = review.reply.problems()
    accepted = [item for item in review.items if item.decision == ACCEPTED]
    for item in accepted:
        problems.extend(item.target.problems())
    if problems:
        raise RecordErrors(problems)
    document = review.document
    source = SourceDocument(sha256=document.sha256, file_name=document.file_name, kind="letter",
                            title=review.reply.title or document.title, publisher=review.reply.issuing_office,
                            doc_date=review.reply.reply_date, url=document.url, text=document.text,
                            content=document.content, imported_by=imported_by)
    ref = review.proposal
    proposal = ref if ref.session and ref.number else None
    planned: dict[str, PlannedCommitment] = {}
    for item in accepted:
        if item.link not in planned:
            new = review.new_commitment(item.link)
            if new is not None:
                commitment = Commitment(reply_id=0, title=new.title, quote=new.quote, quote_start=new.quote_start,
                                        quote_end=new.quote_end, responsible_unit=review.reply.replying_unit
                                        or review.reply.issuing_office)
            else:
                commitment_id = int(item.link.removeprefix(EXISTING_PREFIX))
                commitment = (existing_commitments or {}).get(commitment_id) or Commitment(
                    reply_id=0, title="", id=commitment_id)
            planned[item.link] = PlannedCommitment(commitment, [])
        planned[item.link].targets.append(dataclasses.replace(item.target))
    for plan in planned.values():
        if plan.commitment.id is None:
            deadlines = [(t.deadline, t.deadline_text) for t in plan.targets if t.deadline]
            if deadlines:
                latest = max(deadlines, key=lambda pair: pair[0])
                plan.commitment = dataclasses.replace(plan.commitment, deadline=latest[0], deadline_text=latest[1])
            plan.commitment.check()
    return ReviewPlan(source=source, proposal=proposal, reply=review.reply, commitments=list(planned.values()))

