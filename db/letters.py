"""Importing letters and other documents: source document, proposal, reply, and targets as suggestions.

Each file is written in one transaction. A file whose SHA-256 is already stored is left alone, and so is a letter
whose document number belongs to a reply already in the ledger.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from db.evidence_suggestions import accept_evidence_suggestion, suggest_evidence
from db.store import Store
from desktop.core.docnumber import parse_doc_number
from desktop.core.errors import Cancelled, ValidationError
from desktop.core.extraction import Document, LetterExtraction, extract_files
from desktop.core.extraction.grouping import plan_acceptance
from desktop.core.records import (
    RESULT_CLASS_CODES,
    Commitment,
    Proposal,
    Proposer,
    Reply,
    SourceDocument,
    Suggestion,
    Target,
)
from desktop.core.validation import check_phone

PROPOSAL_KIND_OF_TYPE = {"建议": "suggestion", "议案": "motion", "提案": "proposal"}
# How an import message names a stored document of each kind (desktop.core.records.SOURCE_KINDS).
KIND_PHRASES = {"letter": "a reply letter", "news": "a news report", "bulletin": "a statistics bulletin",
                "plan": "a plan", "report": "a report", "other": "an unclassified document"}


@dataclass
class ImportOutcome:
    """What importing one file did. ``status`` is 'imported', 'duplicate', 'reply_exists' or 'not_letter'."""

    path: Path
    status: str
    message: str
    source_document_id: int | None = None
    proposal_id: int | None = None
    reply_id: int | None = None
    suggestions: int = 0
    commitments: int = 0
    targets: int = 0


def import_files(store: Store, paths: Iterable[str | Path], *, accept: bool = False,
                 progress: Callable[[int, int], None] | None = None,
                 is_cancelled: Callable[[], bool] | None = None) -> list[ImportOutcome]:
    """Read every file first (a bad file stops the import before anything is written), then import each one
    in its own transaction.

    Raises:
        LedgerError: a file cannot be read.
        Cancelled: ``is_cancelled()`` said so; files already imported stay imported.
    """
    extracted = extract_files(paths)
    outcomes = []
    for done, (document, extraction) in enumerate(extracted):
        if is_cancelled and is_cancelled():
            raise Cancelled()
        outcomes.append(import_document(store, document, extraction, accept=accept))
        if progress:
            progress(done + 1, len(extracted))
    return outcomes


def import_document(store: Store, document: Document, extraction: LetterExtraction, *,
                    accept: bool = False) -> ImportOutcome:
    """Import one read document: a reply letter with its targets, or any other document on its own."""
    existing = store.find_source_document(document.sha256)
    if existing is not None:
        return ImportOutcome(document.path, "duplicate", f"{document.path}: already imported as source document "
                             f"#{existing.id} (same SHA-256); nothing changed.", source_document_id=existing.id)
    if not extraction.is_letter:
        return import_other_document(store, document, accept=accept)
    return import_letter(store, document, extraction, accept=accept)


def guess_source_kind(document: Document) -> str:
    """news / bulletin / plan / report / other, from the document's title and metadata."""
    title = document.title or ""
    if re.search(r"统计公报|公报", title):
        return "bulletin"
    if re.search(r"规划|行动计划|实施方案|方案", title) and not document.publisher:
        return "plan"
    if re.search(r"调研报告|工作报告|报告", title):
        return "report"
    meta = " ".join(document.meta.get(key, "") for key in ("categories", "tags", "category"))
    if document.publisher or re.search(r"日报|晚报|新闻|报道|news", meta + title, re.IGNORECASE):
        return "news"
    return "other"


def import_other_document(store: Store, document: Document, *, accept: bool = False) -> ImportOutcome:
    """Store a document that is not a reply letter (news report, bulletin, plan) with its text and bytes, and
    suggest the figures it states as evidence for the open targets they match (accepted at once with ``accept``).
    """
    kind = guess_source_kind(document)
    with store.transaction():
        source = store.save(_source_document(document, kind))
        suggestions = suggest_evidence(store, source.id)
        if accept:
            for suggestion in suggestions:
                accept_evidence_suggestion(store, suggestion.id)
    if accept:
        what = f"{len(suggestions)} evidence record(s) added from its figures"
    else:
        what = f"{len(suggestions)} evidence suggestion(s) to review"
    return ImportOutcome(document.path, "not_letter", f"{document.path}: no reply letter found; stored as "
                         f"{KIND_PHRASES[kind]} (source document #{source.id}); {what}.", source_document_id=source.id,
                         suggestions=len(suggestions))


def _source_document(document: Document, kind: str, title: str | None = None, publisher: str | None = None,
                     doc_date=None) -> SourceDocument:
    return SourceDocument(sha256=document.sha256, file_name=document.file_name, kind=kind,
                          title=title or document.title, publisher=publisher or document.publisher,
                          doc_date=doc_date or document.date, url=document.url, text=document.text,
                          content=document.content, imported_by=None)


def _proposers(addressee: str | None) -> list[Proposer]:
    """'马青、周丽等委员' → 马青 (lead), 周丽; '魏农代表' → 魏农."""
    if not addressee:
        return []
    names = re.sub(r"(等)?(代表|委员|同志|先生|女士|们)+$", "", addressee)
    proposers = []
    for position, name in enumerate(n for n in re.split(r"[、，,和及\s]+", names) if n):
        if 2 <= len(name) <= 4:
            proposers.append(Proposer(name=name, role="lead" if position == 0 else "cosigner", position=position))
    return proposers


def _find_or_create_proposal(store: Store, extraction: LetterExtraction) -> Proposal | None:
    header = extraction.header
    if not header.session or not header.number:
        return None
    kind = PROPOSAL_KIND_OF_TYPE.get(header.proposal_type or "", "suggestion")
    found = store.find_proposal(header.session, header.number, kind)
    if found is not None:
        return found
    body = "政协" if "政协" in header.session or kind == "proposal" else "人大"
    title = header.proposal_title or f"{header.session}{header.proposal_type or ''}{header.number}"
    proposal = Proposal(session=header.session, number=header.number, title=title, kind=kind, body=body,
                        lead_unit=header.issuer, state="replied", proposers=_proposers(header.addressee))
    return store.save(proposal)


def _reply_record(document: Document, extraction: LetterExtraction, proposal: Proposal | None,
                  source_id: int) -> Reply:
    header = extraction.header
    doc_number = None
    if header.doc_number:
        try:
            doc_number = parse_doc_number(header.doc_number_normalized or header.doc_number).normalized
        except ValidationError:
            doc_number = None
    phone = None
    if header.phone:
        try:
            phone = check_phone(header.phone)
        except ValidationError:
            phone = None
    lead = proposal.proposers[0] if proposal and proposal.proposers else None
    return Reply(proposal_id=proposal.id if proposal else None, doc_number=doc_number,
                 issuing_office=header.issuer, title=header.title, addressee=header.addressee,
                 reply_date=header.date, signer=header.signer, handler=header.handler, phone=phone, cc=header.cc,
                 result_class=header.classification if header.classification in RESULT_CLASS_CODES else None,
                 replying_unit=header.issuer, proposer_id=lead.id if lead else None, text=document.text,
                 source_document_id=source_id)


def import_letter(store: Store, document: Document, extraction: LetterExtraction, *,
                  accept: bool = False) -> ImportOutcome:
    """Store a reply letter: source document, proposal (found or created), reply, and its targets as pending
    suggestions, or with ``accept`` as commitments and targets (suggestions marked accepted)."""
    header = extraction.header
    if header.doc_number_normalized:
        try:
            existing_reply = store.find_reply_by_doc_number(header.doc_number_normalized)
        except ValidationError:
            existing_reply = None
        if existing_reply is not None:
            return ImportOutcome(document.path, "reply_exists", f"{document.path}: the reply "
                                 f"{header.doc_number_normalized} is already in the ledger (reply #{existing_reply.id}"
                                 "); nothing changed.", reply_id=existing_reply.id)
    with store.transaction():
        source = store.save(_source_document(document, "letter", title=header.title or document.title,
                                             publisher=header.issuer, doc_date=header.date))
        proposal = _find_or_create_proposal(store, extraction)
        reply = store.save(_reply_record(document, extraction, proposal, source.id))
        suggestions = [store.save(Suggestion(kind="target", payload=target.to_dict(), reply_id=reply.id,
                                             source_document_id=source.id, score=round(target.confidence, 2)))
                       for target in extraction.targets]
        commitments = targets = 0
        if accept:
            commitments, targets = _accept(store, extraction, reply, source.id, suggestions)
    label = header.doc_number_normalized or header.title or document.file_name
    left = store.count(Suggestion, "reply_id = ? AND state = 'pending'", (reply.id,))
    what = (f"accepted as {commitments} commitment(s) with {targets} target(s)"
            + (f", {left} baseline figure(s) that match no target left to review" if left else "") if accept
            else f"{len(suggestions)} target suggestion(s) to review")
    proposal_text = f"proposal #{proposal.id}" if proposal else "no proposal reference found"
    return ImportOutcome(document.path, "imported", f"{document.path}: imported reply #{reply.id} ({label}; "
                         f"{proposal_text}); {what}.", source_document_id=source.id,
                         proposal_id=proposal.id if proposal else None, reply_id=reply.id,
                         suggestions=len(suggestions), commitments=commitments, targets=targets)


def _target_record(target, commitment_id: int, source_id: int) -> Target:
    return Target(commitment_id=commitment_id, indicator=target.indicator or target.quote[:40],
                  comparator=target.comparator, value=target.value, value_high=target.value_high,
                  unit=target.unit, value_normalized=target.value_normalized,
                  value_high_normalized=target.value_high_normalized, unit_normalized=target.unit_normalized,
                  deadline=target.deadline, deadline_text=target.deadline_text, cumulative=target.cumulative,
                  kind=target.kind, quote=target.quote, quote_start=target.start, quote_end=target.end,
                  source_document_id=source_id)


def _accept(store: Store, extraction: LetterExtraction, reply: Reply, source_id: int,
            suggestions: list[Suggestion]) -> tuple[int, int]:
    """Turn the extraction into commitments and targets; returns (commitments, targets) created."""
    extracted = extraction.targets
    plan = plan_acceptance(extracted)
    issuer = extraction.header.issuer
    accepted_target: dict[int, int | None] = {}
    commitments = targets = 0
    for planned in plan.commitments:
        members = [extracted[i] for i in planned.targets + planned.qualitative]
        deadlines = [t.deadline for t in members if t.deadline]
        deadline = max(deadlines) if deadlines else None
        deadline_text = next((t.deadline_text for t in members if t.deadline == deadline and t.deadline_text),
                             None)
        commitment = store.save(Commitment(reply_id=reply.id, title=planned.quote[:60], quote=planned.quote,
                                           quote_start=planned.start, quote_end=planned.end,
                                           responsible_unit=issuer, deadline=deadline, deadline_text=deadline_text))
        commitments += 1
        for index in planned.qualitative:
            accepted_target[index] = None
        for index in planned.targets:
            record = _target_record(extracted[index], commitment.id, source_id)
            baseline_index = plan.baseline_of.get(index)
            if baseline_index is not None:
                baseline = extracted[baseline_index]
                record = dataclasses.replace(record, baseline_value=baseline.value, baseline_unit=baseline.unit,
                                             baseline_date=reply.reply_date, baseline_quote=baseline.quote)
            saved = store.save(record)
            targets += 1
            accepted_target[index] = saved.id
            if baseline_index is not None:
                accepted_target.setdefault(baseline_index, saved.id)
    # A baseline that measures none of the promises is not a promise itself: it stays a pending suggestion
    # that the clerk can attach to a target by hand, instead of becoming a commitment.
    for index, suggestion in enumerate(suggestions):
        if index in accepted_target:
            store.save(dataclasses.replace(suggestion, state="accepted", target_id=accepted_target[index]))
    return commitments, targets
