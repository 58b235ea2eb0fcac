"""Importing letters and other documents: source document, proposal, reply, and targets as suggestions.

Each file is written in one transaction. A file whose SHA-256 is already stored is left alone. A letter whose
reply is already in the ledger (same document number, or the same text in another file) adds no second reply: a
plain import leaves it alone, and ``accept`` accepts only what was left undecided, and only when the text is the
one stored for the reply (the quote places count in it). Items already in the ledger and items rejected before
are left as they are; the rule of :class:`db.letter_decisions.LedgerTargets` keeps any target from being stored
twice.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from db.evidence_suggestions import accept_evidence_suggestion, suggest_evidence
from db.letter_decisions import (
    HEADER_FIELDS,
    LedgerTargets,
    find_letter_reply,
    ledger_promises,
    letter_text,
    recall,
    with_stored_header,
)
from db.store import Store
from desktop.core.docnumber import parse_doc_number
from desktop.core.errors import Cancelled, ValidationError
from desktop.core.extraction import Document, LetterExtraction, extract_files
from desktop.core.extraction.grouping import plan_acceptance
from desktop.core.letter_review import (
    ACCEPTED,
    PENDING,
    REJECTED,
    LetterReview,
    ReviewItem,
    mark_duplicates,
    start_review,
)
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
    """What importing one file did. ``status`` is 'imported', 'duplicate', 'reply_exists' (nothing changed),
    'accepted' (what was left undecided of a reply in the ledger was accepted) or 'not_letter'."""

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
        replies = store.list(Reply, "source_document_id = ?", (existing.id,), limit=1)
        waiting = store.count(Suggestion, "reply_id = ? AND kind = 'target' AND state = 'pending'",
                              (replies[0].id,)) if replies else 0
        hint = (f" {waiting} suggestion(s) of its reply #{replies[0].id} are undecided: choose Review letter again "
                "on the reply in the app to decide them." if waiting else "")
        return ImportOutcome(document.path, "duplicate", f"{document.path}: already imported as source document "
                             f"#{existing.id} (same SHA-256); nothing changed.{hint}", source_document_id=existing.id,
                             reply_id=replies[0].id if replies else None)
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
    suggestions, or with ``accept`` as commitments and targets (suggestions marked accepted). A letter whose
    reply is in the ledger already is left alone, or with ``accept`` has what was left undecided accepted."""
    header = extraction.header
    existing = find_letter_reply(store, doc_number=header.doc_number_normalized, text=document.text)
    if existing is not None:
        return _import_again(store, document, extraction, existing, accept=accept)
    with store.transaction():
        source = store.save(_source_document(document, "letter", title=header.title or document.title,
                                             publisher=header.issuer, doc_date=header.date))
        proposal = _find_or_create_proposal(store, extraction)
        reply = store.save(_reply_record(document, extraction, proposal, source.id))
        suggestions = [store.save(Suggestion(kind="target", payload=target.to_dict(), reply_id=reply.id,
                                             source_document_id=source.id, score=round(target.confidence, 2)))
                       for target in extraction.targets]
        accepted = _Accepted()
        if accept:
            records = [_target_record(target, 0, source.id) for target in extraction.targets]
            review = start_review(document, extraction, existing_reply=reply)
            accepted = _accept(store, extraction, reply, source.id, suggestions, records,
                               duplicates=_duplicates(store, review))
    label = header.doc_number_normalized or header.title or document.file_name
    left = store.count(Suggestion, "reply_id = ? AND state = 'pending'", (reply.id,))
    what = (f"accepted as {accepted.commitments} commitment(s) with {accepted.targets} target(s)"
            + (f", {left} baseline figure(s) that match no target left to review" if left else "")
            + accepted.linked_text() if accept else f"{len(suggestions)} target suggestion(s) to review")
    proposal_text = f"proposal #{proposal.id}" if proposal else "no proposal reference found"
    return ImportOutcome(document.path, "imported", f"{document.path}: imported reply #{reply.id} ({label}; "
                         f"{proposal_text}); {what}.", source_document_id=source.id,
                         proposal_id=proposal.id if proposal else None, reply_id=reply.id,
                         suggestions=len(suggestions), commitments=accepted.commitments, targets=accepted.targets)


def _import_again(store: Store, document: Document, extraction: LetterExtraction, reply: Reply, *,
                  accept: bool) -> ImportOutcome:
    """A letter whose reply is in the ledger already: nothing changes, except that ``accept`` accepts the items
    left undecided (when the text is the stored one, which the quote places of the earlier decisions count in)."""
    label = reply.doc_number or extraction.header.doc_number_normalized or document.file_name
    where = f"{document.path}: the reply {label} is already in the ledger (reply #{reply.id})"
    waiting = store.count(Suggestion, "reply_id = ? AND kind = 'target' AND state = 'pending'", (reply.id,))
    review_hint = (f" {waiting} suggestion(s) of it are undecided: choose Review letter again on the reply in the "
                   "app to decide them." if waiting else "")
    if not (letter_text(store, reply) or "").strip():
        return _attach_letter(store, document, extraction, reply, accept=accept)
    if not accept:
        return ImportOutcome(document.path, "reply_exists", f"{where}; nothing changed.{review_hint}",
                             reply_id=reply.id)
    if letter_text(store, reply) != document.text:
        return ImportOutcome(document.path, "reply_exists", f"{where} with another text of the letter; nothing "
                             "changed. Review this file in the app (Import letter) to decide its suggestions.",
                             reply_id=reply.id)
    review = start_review(document, extraction, existing_reply=reply)
    items = list(review.items)  # one per extracted target, in order (recalling may add earlier ones)
    recall(store, review)
    duplicates = _duplicates(store, review)
    decided = {index: item for index, item in enumerate(items) if item.decision != PENDING}
    source_id = reply.source_document_id
    with store.transaction():
        rows = {row.id: row for row in store.list(Suggestion, "reply_id = ? AND kind = 'target'", (reply.id,))}
        suggestions: list[Suggestion | None] = []
        added = 0
        for index, item in enumerate(items):
            row = rows.get(item.suggestion_id) if item.suggestion_id is not None else None
            if row is None and item.decision == PENDING:
                row = store.save(Suggestion(kind="target", payload=extraction.targets[index].to_dict(),
                                            reply_id=reply.id, source_document_id=source_id,
                                            score=round(item.confidence, 2)))
                added += 1
            suggestions.append(row)
        records = [dataclasses.replace(item.target, id=None, commitment_id=0, source_document_id=source_id)
                   for item in items]
        accepted = _accept(store, extraction, reply, source_id, suggestions, records, decided=decided,
                           ledger=LedgerTargets.of_reply(store, reply.id), duplicates=duplicates)
    left = store.count(Suggestion, "reply_id = ? AND kind = 'target' AND state = 'pending'", (reply.id,))
    left_alone = []
    if accepted.present:
        left_alone.append(f"{accepted.present} item(s) already in the ledger")
    if accepted.rejected:
        left_alone.append(f"{accepted.rejected} rejected before")
    kept = " and ".join(left_alone) + " were left as they are" if left_alone else ""
    if not (accepted.commitments or accepted.targets or accepted.baselines or accepted.linked or added):
        because = f": {kept}" if kept else ""
        return ImportOutcome(document.path, "reply_exists", f"{where}; nothing changed{because}.{review_hint}",
                             reply_id=reply.id, source_document_id=source_id)
    parts = [f"accepted as {accepted.commitments} new commitment(s) with {accepted.targets} target(s)"]
    if accepted.baselines:
        parts.append(f"{accepted.baselines} baseline figure(s) recorded on targets already in the ledger")
    if left:
        parts.append(f"{left} baseline figure(s) that match no target left to review")
    if kept:
        parts.append(kept)
    return ImportOutcome(document.path, "accepted", f"{where}; " + "; ".join(parts) + accepted.linked_text() + ".",
                         reply_id=reply.id,
                         source_document_id=source_id, proposal_id=reply.proposal_id, suggestions=added,
                         commitments=accepted.commitments, targets=accepted.targets)


def _attach_letter(store: Store, document: Document, extraction: LetterExtraction, reply: Reply, *,
                   accept: bool) -> ImportOutcome:
    """The letter of a reply typed by hand (it has no letter text yet): the letter is kept as its source, the
    header fills what the clerk left blank, and its targets become suggestions, or with ``accept`` commitments and
    targets, where a promise typed by hand is linked to rather than added again (as the review does)."""
    header = extraction.header
    with store.transaction():
        source = store.save(_source_document(document, "letter", title=header.title or document.title,
                                             publisher=header.issuer, doc_date=header.date))
        letter = with_stored_header(_reply_record(document, extraction, None, source.id), reply)
        header_fields = {name: getattr(letter, name) for name in HEADER_FIELDS}
        reply = store.save(dataclasses.replace(reply, **header_fields, text=document.text,
                                               source_document_id=source.id))
        suggestions = [store.save(Suggestion(kind="target", payload=target.to_dict(), reply_id=reply.id,
                                             source_document_id=source.id, score=round(target.confidence, 2)))
                       for target in extraction.targets]
        accepted = _Accepted()
        if accept:
            records = [_target_record(target, 0, source.id) for target in extraction.targets]
            review = start_review(document, extraction, existing_reply=reply)
            accepted = _accept(store, extraction, reply, source.id, suggestions, records,
                               ledger=LedgerTargets.of_reply(store, reply.id), duplicates=_duplicates(store, review))
    label = reply.doc_number or header.title or document.file_name
    left = store.count(Suggestion, "reply_id = ? AND state = 'pending'", (reply.id,))
    what = (f"accepted as {accepted.commitments} new commitment(s) with {accepted.targets} target(s)"
            + (f", {left} baseline figure(s) that match no target left to review" if left else "")
            + accepted.linked_text() if accept else f"{len(suggestions)} target suggestion(s) to review")
    return ImportOutcome(document.path, "accepted" if accept else "imported",
                         f"{document.path}: the letter of the reply {label} typed in the ledger (reply #{reply.id}) "
                         f"is kept with it; {what}.", source_document_id=source.id, proposal_id=reply.proposal_id,
                         reply_id=reply.id, suggestions=len(suggestions), commitments=accepted.commitments,
                         targets=accepted.targets)


def _duplicates(store: Store, review: LetterReview) -> dict[int, ReviewItem]:
    """The letter's promises the ledger holds already for its reply or its proposal (typed by hand, or from another
    letter), by the index of the extracted target: the rule the review shows them by
    (:func:`desktop.core.letter_review.mark_duplicates`)."""
    mark_duplicates(review, ledger_promises(store, review))
    return {index: item for index, item in enumerate(review.items) if item.duplicate_of is not None}


def _target_record(target, commitment_id: int, source_id: int) -> Target:
    return Target(commitment_id=commitment_id, indicator=target.indicator or target.quote[:40],
                  comparator=target.comparator, value=target.value, value_high=target.value_high,
                  unit=target.unit, value_normalized=target.value_normalized,
                  value_high_normalized=target.value_high_normalized, unit_normalized=target.unit_normalized,
                  deadline=target.deadline, deadline_text=target.deadline_text, cumulative=target.cumulative,
                  kind=target.kind, quote=target.quote, quote_start=target.start, quote_end=target.end,
                  source_document_id=source_id)


@dataclass
class _Accepted:
    """What accepting a letter's items did, and what it left as it was."""

    commitments: int = 0
    targets: int = 0
    baselines: int = 0  # figures recorded as the baseline of a target already in the ledger
    present: int = 0  # items already in the ledger
    rejected: int = 0  # items rejected before
    linked: list[str] = field(default_factory=list)  # promises in the ledger already, linked to instead of added

    def linked_text(self) -> str:
        if not self.linked:
            return ""
        return (f"; {len(self.linked)} promise(s) the ledger holds already (typed by hand or from another letter) "
                f"linked to, not added again: {'; '.join(self.linked)}")


def _accept(store: Store, extraction: LetterExtraction, reply: Reply, source_id: int | None,
            suggestions: list[Suggestion | None], records: list[Target], *,
            decided: dict[int, ReviewItem] | None = None, ledger: LedgerTargets | None = None,
            duplicates: dict[int, ReviewItem] | None = None) -> _Accepted:
    """Turn the extraction into commitments and targets (``records``: the target of each extracted one).

    ``decided`` are the items decided before (by index), which are left as they are; ``ledger`` is what the
    reply holds already: a commitment quoting the same place is reused and a target in it is not stored again.
    ``duplicates`` are the promises the ledger holds already under another quote (typed by hand): they are linked
    to, their baseline recorded there when they have none, and a commitment of nothing but those is not made.
    """
    extracted = extraction.targets
    plan = plan_acceptance(extracted)
    decided = decided or {}
    ledger = ledger or LedgerTargets([], [])
    duplicates = {index: item for index, item in (duplicates or {}).items() if index not in decided}
    issuer = extraction.header.issuer
    result = _Accepted(present=sum(1 for item in decided.values() if item.in_ledger),
                       rejected=sum(1 for item in decided.values() if item.decision == REJECTED))
    accepted_target: dict[int, int | None] = {}
    for planned in plan.commitments:
        for index in [i for i in planned.targets + planned.qualitative if i in duplicates]:
            _link_duplicate(store, index, duplicates[index], plan.baseline_of.get(index), records, decided, reply,
                            accepted_target, result)
        members = [i for i in planned.targets + planned.qualitative if i not in decided and i not in duplicates]
        if not members:
            continue
        deadlines = [records[i].deadline for i in members if records[i].deadline]
        deadline = max(deadlines) if deadlines else None
        deadline_text = next((records[i].deadline_text for i in members
                              if records[i].deadline == deadline and records[i].deadline_text), None)
        commitment_id = ledger.commitment_at(planned.start, planned.end)
        if commitment_id is None:
            commitment = store.save(Commitment(reply_id=reply.id, title=planned.quote[:60], quote=planned.quote,
                                               quote_start=planned.start, quote_end=planned.end,
                                               responsible_unit=issuer, deadline=deadline,
                                               deadline_text=deadline_text))
            ledger.add_commitment(commitment)
            commitment_id = commitment.id
            result.commitments += 1
        for index in planned.qualitative:
            if index not in decided:
                accepted_target[index] = None
        for index in planned.targets:
            if index in decided or index in duplicates:
                continue
            record = dataclasses.replace(records[index], commitment_id=commitment_id, source_document_id=source_id)
            baseline_index = plan.baseline_of.get(index)
            if baseline_index in decided and decided[baseline_index].decision == REJECTED:
                baseline_index = None  # the clerk said this figure is not a baseline
            if baseline_index is not None:
                baseline = records[baseline_index]
                record = dataclasses.replace(record, baseline_value=baseline.value, baseline_unit=baseline.unit,
                                             baseline_date=reply.reply_date, baseline_quote=baseline.quote)
            found = ledger.find(record)
            if found is not None:  # in the ledger already, under another decision: not stored twice
                accepted_target[index] = found.id
                result.present += 1
                continue
            saved = store.save(record)
            ledger.add(saved)
            result.targets += 1
            accepted_target[index] = saved.id
            if baseline_index is not None and baseline_index not in decided:
                accepted_target.setdefault(baseline_index, saved.id)
    # A figure left undecided that states the baseline of a target accepted before is recorded on that target.
    for index, baseline_index in sorted(plan.baseline_of.items()):
        item = decided.get(index)
        if baseline_index in decided or baseline_index in accepted_target or item is None or not item.in_ledger:
            continue
        stored = store.get(Target, item.stored_target_id) if item.stored_target_id is not None else None
        if stored is None or stored.baseline_value is not None:
            continue
        baseline = records[baseline_index]
        store.save(dataclasses.replace(stored, baseline_value=baseline.value, baseline_unit=baseline.unit,
                                       baseline_date=reply.reply_date, baseline_quote=baseline.quote))
        accepted_target[baseline_index] = stored.id
        result.baselines += 1
    # A baseline that measures none of the promises is not a promise itself: it stays a pending suggestion
    # that the clerk can attach to a target by hand, instead of becoming a commitment.
    for index, suggestion in enumerate(suggestions):
        if index in accepted_target and suggestion is not None and index not in decided:
            store.save(dataclasses.replace(suggestion, state=ACCEPTED, target_id=accepted_target[index]))
    return result


def _link_duplicate(store: Store, index: int, item: ReviewItem, baseline_index: int | None, records: list[Target],
                    decided: dict[int, ReviewItem], reply: Reply, accepted_target: dict[int, int | None],
                    result: _Accepted) -> None:
    """Accept an extracted promise as the one the ledger holds already: its suggestion points there, and the
    figure the letter states as its baseline is recorded there when the stored promise has none."""
    stored_id = item.duplicate_of
    accepted_target[index] = stored_id
    result.linked.append(f"{item.duplicate_label} (target #{stored_id})")
    if baseline_index is None or (baseline_index in decided and decided[baseline_index].decision == REJECTED):
        return
    stored = store.get(Target, stored_id) if stored_id is not None else None
    if stored is None:
        return
    if stored.baseline_value is None:
        baseline = records[baseline_index]
        store.save(dataclasses.replace(stored, baseline_value=baseline.value, baseline_unit=baseline.unit,
                                       baseline_date=reply.reply_date, baseline_quote=baseline.quote))
        result.baselines += 1
    if baseline_index not in decided:
        accepted_target.setdefault(baseline_index, stored_id)
