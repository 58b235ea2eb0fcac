"""Evidence suggestions in the store: made from a stored document, listed, accepted (as evidence) or rejected."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from db.status import judge_ledger
from db.store import Store
from desktop.core.errors import Cancelled, LedgerError
from desktop.core.evidence_suggestions import (
    DocumentFacts,
    OpenTarget,
    evidence_from_payload,
    find_figures,
    is_recorded,
    match_figures,
    place_of_office,
)
from desktop.core.records import Commitment, Evidence, Reply, SourceDocument, Suggestion, Target

# Ids bound per query, far below SQLite's limit on parameters.
_CHUNK = 500


def _targets_with_places(store: Store) -> list[OpenTarget]:
    """Every measurable promise with its place (office.city, else where its reply was issued) and promise date."""
    office_place = place_of_office(store.get_setting("office.city"))
    replies = {r.id: r for r in store.list(Reply)}
    commitments = {c.id: c for c in store.list(Commitment)}
    found = []
    for target in store.list(Target, "kind = 'commitment' AND comparator <> 'qualitative'"):
        commitment = commitments.get(target.commitment_id)
        reply = replies.get(commitment.reply_id) if commitment else None
        place = office_place
        if place is None and reply is not None:
            place = place_of_office(reply.issuing_office) or place_of_office(reply.replying_unit)
        if place is None and commitment is not None:
            place = place_of_office(commitment.responsible_unit)
        found.append(OpenTarget(target, place, reply.reply_date if reply else None))
    return found


def document_facts(source: SourceDocument) -> DocumentFacts:
    return DocumentFacts(text=source.text or "", title=source.title, publisher=source.publisher,
                         date=source.doc_date, url=source.url)


def suggest_evidence(store: Store, source_document_id: int, *, today: dt.date | None = None) -> list[Suggestion]:
    """Suggest the figures of a stored document (not a letter) as evidence for the open targets they match.

    Suggestions already made from this document for a target (pending, accepted or rejected) are not made again.
    Returns the new suggestions.

    Raises:
        LedgerError: the document does not exist.
    """
    source = store.get(SourceDocument, source_document_id)
    if source is None:
        raise LedgerError(f"Source document #{source_document_id} does not exist; check the number with the "
                          "document list.", code="not_found", table="source_documents", id=source_document_id)
    if source.kind == "letter" or not source.text:
        return []
    facts = document_facts(source)
    as_of = facts.date or today or dt.date.today()
    figures = find_figures(facts.text, facts.date or as_of)
    if not figures:
        return []
    matches = match_figures(figures, _targets_with_places(store), facts)
    if not matches:
        return []
    commitment_ids = sorted({m.target.commitment_id for m in matches})
    status = judge_ledger(store, as_of, commitment_ids=commitment_ids)
    target_ids = [m.target.id for m in matches]
    marks = ", ".join("?" for _ in target_ids)
    evidence: dict[int, list[Evidence]] = defaultdict(list)
    for item in store.list(Evidence, f"target_id IN ({marks})", target_ids):
        evidence[item.target_id].append(item)
    made = {s.target_id for s in store.list(Suggestion, "kind = 'evidence' AND source_document_id = ?",
                                            (source_document_id,))}
    new = []
    with store.transaction():
        for match in matches:
            judged = status.targets.get(match.target.id)
            if match.target.id in made or (judged is not None and judged.state == "met"):
                continue
            if is_recorded(match, evidence[match.target.id]):
                continue
            new.append(store.save(Suggestion(kind="evidence", payload=match.payload(facts),
                                             source_document_id=source_document_id, target_id=match.target.id,
                                             score=match.score)))
    return new


def suggest_evidence_everywhere(store: Store, *, today: dt.date | None = None,
                                progress: Callable[[int, int], None] | None = None,
                                is_cancelled: Callable[[], bool] | None = None) -> list[Suggestion]:
    """Run :func:`suggest_evidence` over every stored document that is not a letter (after new targets came in).

    Raises:
        Cancelled: when ``is_cancelled()`` turns true (suggestions of the documents done so far are kept).
    """
    sources = [s.id for s in store.list(SourceDocument, "kind <> 'letter'", order_by="doc_date, id")]
    new: list[Suggestion] = []
    for done, source_id in enumerate(sources, start=1):
        if is_cancelled and is_cancelled():
            raise Cancelled()
        new.extend(suggest_evidence(store, source_id, today=today))
        if progress:
            progress(done, len(sources))
    return new


def list_evidence_suggestions(store: Store, state: str | None = "pending") -> list[Suggestion]:
    """Evidence suggestions, best first (all states when ``state`` is None)."""
    if state is None:
        return store.list(Suggestion, "kind = 'evidence'", order_by="score DESC, id")
    return store.list(Suggestion, "kind = 'evidence' AND state = ?", (state,), order_by="score DESC, id")


@dataclass(frozen=True)
class SuggestionList:
    """Evidence suggestions and the commitment targets they name (by id); a missing one was deleted."""

    suggestions: list[Suggestion]
    targets: dict[int, Target]


def read_evidence_suggestions(store: Store, state: str | None = "pending") -> SuggestionList:
    """:func:`list_evidence_suggestions` with their targets, read by id (not every target of the ledger)."""
    suggestions = list_evidence_suggestions(store, state)
    ids = sorted({s.target_id for s in suggestions if s.target_id is not None})
    targets: dict[int, Target] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        targets.update((t.id, t) for t in store.list(Target, f"kind = 'commitment' AND id IN ({marks})", chunk)
                       if t.id is not None)
    return SuggestionList(suggestions, targets)


def _pending(store: Store, suggestion_id: int, *, need_target: bool = True) -> Suggestion:
    suggestion = store.get(Suggestion, suggestion_id)
    if suggestion is None or suggestion.kind != "evidence":
        raise LedgerError(f"Evidence suggestion #{suggestion_id} does not exist; list the suggestions to see their "
                          "numbers.", code="not_found", table="suggestions", id=suggestion_id)
    if suggestion.state != "pending":
        raise LedgerError(f"Evidence suggestion #{suggestion_id} was already {suggestion.state}; only a pending "
                          "suggestion can be accepted or rejected.", code="suggestion_decided", id=suggestion_id,
                          state=suggestion.state)
    if need_target and suggestion.target_id is None:
        raise LedgerError(f"The target of evidence suggestion #{suggestion_id} was deleted; reject the "
                          "suggestion.", code="suggestion_orphan", id=suggestion_id)
    return suggestion


def accept_evidence_suggestion(store: Store, suggestion_id: int) -> Evidence:
    """Record the suggested figure as evidence of its target and mark the suggestion accepted, together.

    Raises:
        LedgerError: the suggestion does not exist, was already decided, or its target is gone.
    """
    suggestion = _pending(store, suggestion_id)
    evidence = evidence_from_payload(suggestion.payload, suggestion.target_id, suggestion.source_document_id,
                                     store.actor)
    with store.transaction():
        saved = store.save(evidence)
        store.save(dataclasses.replace(suggestion, state="accepted"))
    return saved


def reject_evidence_suggestion(store: Store, suggestion_id: int) -> Suggestion:
    """Mark a suggestion rejected; it is not made again from the same document.

    Raises:
        LedgerError: the suggestion does not exist or was already decided.
    """
    suggestion = _pending(store, suggestion_id, need_target=False)
    return store.save(dataclasses.replace(suggestion, state="rejected"))
