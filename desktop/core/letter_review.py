"""Reviewing an imported letter before it enters the ledger: the clerk's decisions, and the records they make.

A :class:`LetterReview` starts from what extraction found (:mod:`desktop.core.extraction`): the header fields
and one :class:`ReviewItem` per extracted target or baseline. The clerk accepts, edits or rejects each item and
links it to a commitment: a new one (items that share a quote start in the same new commitment) or one already
in the ledger. :func:`plan_records` turns the accepted items into the records to save, as ``reply-ledger import
--accept`` would: an accepted baseline ("目前全市已开通5G基站近7000个") linked to a commitment with a target it
measures becomes that target's baseline (:func:`desktop.core.extraction.grouping.best_baseline`, the rule of
:func:`~desktop.core.extraction.grouping.plan_acceptance`), otherwise a baseline target of that commitment. Items
left undecided are kept as pending suggestions for later, as a plain ``reply-ledger import`` keeps them. Every
item of the letter keeps one suggestion row saying what became of it (pending, rejected, or accepted with its
target), so that reviewing the letter again (:func:`recall_decisions`) shows the earlier decisions: the items
already in the ledger are shown as such and never saved a second time.

What identifies an item of a letter is its quote's place in the reply's text with its comparator and value
(:func:`target_key`); the same quote with the same comparator and value (:func:`quote_key`) recognises it in
another copy of the letter whose text moved it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from desktop.core.docnumber import parse_doc_number
from desktop.core.errors import RecordErrors, ValidationError
from desktop.core.extraction import Document, ExtractedTarget, LetterExtraction
from desktop.core.extraction.grouping import Figure, best_baseline, indicator_similarity, plan_acceptance
from desktop.core.records import PROPOSAL_KINDS, Commitment, Reply, SourceDocument, Suggestion, Target
from desktop.core.units import normalize

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
IN_LEDGER = "in_ledger"  # an accepted item whose target was saved before (a count of LetterReview.counts)
NEW_PREFIX = "new:"
EXISTING_PREFIX = "commitment:"
PROPOSAL_KINDS_BY_WORD = {label: code for code, label in PROPOSAL_KINDS.items()}
TITLE_LENGTH = 60
# Below this, a suggestion is marked for a closer look.
LOW_CONFIDENCE = 0.6
# How alike two indicators must be for a suggestion to be the same promise as a stored target.
SAME_PROMISE_SIMILARITY = 0.6


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
    """One suggestion: the target as extracted (and edited), the clerk's decision and its commitment.

    An item decided before carries its stored suggestion row (``suggestion_id``); one accepted before is
    ``in_ledger``, with the target it became or whose baseline it is (``stored_target_id``), and is not saved again.
    """

    target: Target
    confidence: float
    link: str
    decision: str = PENDING
    original: Target | None = None
    suggestion_id: int | None = None
    stored_target_id: int | None = None
    in_ledger: bool = False
    # A promise the ledger holds already (typed by hand, or from another letter of the proposal): accepting the
    # item links it to that target instead of adding it again, unless the clerk keeps it as new.
    duplicate_of: int | None = None
    duplicate_label: str | None = None
    keep_new: bool = False
    new_link: str | None = None  # the new commitment the item had before it was linked to the existing one

    @property
    def links_existing(self) -> bool:
        """Accepting this item links it to a target in the ledger rather than adding one."""
        return self.duplicate_of is not None and not self.keep_new

    @property
    def low_confidence(self) -> bool:
        return self.confidence < LOW_CONFIDENCE

    @property
    def edited(self) -> bool:
        """The clerk changed what extraction found (indicator, comparator, value, unit, deadline, kind...)."""
        return self.original is not None and suggestion_payload(self.original, 0) != suggestion_payload(self.target, 0)


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
        """Items by decision; the items accepted before count as ``IN_LEDGER``, not as ``ACCEPTED``."""
        counted = {PENDING: 0, ACCEPTED: 0, REJECTED: 0, IN_LEDGER: 0}
        for item in self.items:
            counted[IN_LEDGER if item.in_ledger else item.decision] += 1
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

    Items that share a quote are linked to the same new commitment, titled after the quote. A baseline that
    measures a promised target (the rule of ``reply-ledger import --accept``) starts linked to that target's
    commitment, so that accepting it records it as the target's baseline.
    """
    header = extraction.header
    reply = Reply(doc_number=_doc_number(header.doc_number, header.doc_number_normalized),
                  issuing_office=header.issuer, title=header.title or document.title, addressee=header.addressee,
                  reply_date=header.date, signer=header.signer, handler=header.handler, phone=header.phone,
                  cc=header.cc, result_class=header.classification, replying_unit=header.issuer, text=document.text)
    proposal = ProposalRef(session=header.session, number=header.number,
                           kind=PROPOSAL_KINDS_BY_WORD.get(header.proposal_type or "", "suggestion"),
                           title=header.proposal_title)
    extracted = extraction.targets
    home = _baseline_homes(extracted)
    groups: dict[str, NewCommitment] = {}
    items: list[ReviewItem] = []
    for index, target in enumerate(extracted):
        owner = extracted[home.get(index, index)]
        key = f"{owner.start}-{owner.end}"
        if key not in groups:
            groups[key] = NewCommitment(key=key, title=_title(owner.quote), quote=owner.quote,
                                        quote_start=owner.start, quote_end=owner.end)
        record = _target(target)
        items.append(ReviewItem(target=record, confidence=target.confidence, link=NEW_PREFIX + key,
                                original=dataclasses.replace(record)))
    groups = dict(sorted(groups.items(), key=lambda pair: (pair[1].quote_start, pair[1].quote_end)))
    notes = list(header.notes)
    return LetterReview(document=document, reply=reply, proposal=proposal, items=items, new_commitments=groups,
                        existing_reply_id=existing_reply.id if existing_reply else None, notes=notes)


def _baseline_homes(targets: list[ExtractedTarget]) -> dict[int, int]:
    """Baseline index → the promised target whose commitment it starts in: of the targets it is the baseline
    of (:func:`plan_acceptance`), the one with the most similar indicator (the first on a tie)."""
    homes: dict[int, int] = {}
    for target_index, baseline_index in sorted(plan_acceptance(targets).baseline_of.items()):
        similarity = indicator_similarity(targets[baseline_index].indicator, targets[target_index].indicator)
        current = homes.get(baseline_index)
        if current is None or similarity > indicator_similarity(targets[baseline_index].indicator,
                                                                targets[current].indicator):
            homes[baseline_index] = target_index
    return homes


def recall_decisions(review: LetterReview, suggestions: list[Suggestion], commitments: list[Commitment],
                     targets: list[Target]) -> None:
    """Show in ``review`` what was decided about its letter before: ``suggestions`` are the reply's target
    suggestion rows, ``commitments`` and ``targets`` what the ledger holds for the reply.

    An item is recognised by its suggestion row (:func:`suggestion_key`, or :func:`suggestion_quote_key` in a
    copy of the letter whose text moved it). Items without one are recognised by a stored target
    (:func:`target_key`, :func:`quote_key`) or, for a baseline, by the target it is the baseline of. An item
    accepted before is marked ``in_ledger`` and shows the stored target; a rejected one is rejected; an undecided
    one keeps the clerk's edits. Suggestions left undecided or rejected that extraction no longer finds are added
    as items of their own, and new commitments whose quote is a stored commitment's become that commitment.
    """
    stored = {target.id: target for target in targets}
    spans = {(c.quote_start, c.quote_end): c.id for c in commitments
             if c.quote_start is not None and c.id is not None}
    rows = sorted((row for row in suggestions if row.kind == "target"), key=lambda row: row.id or 0)
    by_key: dict[tuple, list[Suggestion]] = {}
    by_quote: dict[tuple, list[Suggestion]] = {}
    for row in rows:
        by_key.setdefault(suggestion_key(row.payload), []).append(row)
        by_quote.setdefault(suggestion_quote_key(row.payload), []).append(row)
    used: set[int] = set()

    def take(candidates: list[Suggestion] | None) -> Suggestion | None:
        for row in candidates or ():
            if id(row) not in used:
                used.add(id(row))
                return row
        return None

    claimed: set[int] = set()
    for item in review.items:
        origin = suggestion_payload(item.original or item.target, item.confidence)
        row = take(by_key.get(suggestion_key(origin))) or take(by_quote.get(suggestion_quote_key(origin)))
        if row is not None:
            _recall_row(item, row, stored, spans)
            if item.stored_target_id is not None and item.target.id == item.stored_target_id:
                claimed.add(item.stored_target_id)
    by_target_key: dict[tuple, list[Target]] = {}
    for target in targets:
        for key in (target_key(target), quote_key(target)):
            if key is not None:
                by_target_key.setdefault(key, []).append(target)
    for item in review.items:
        if item.suggestion_id is not None:
            continue
        found = None
        for key in (target_key(item.target), quote_key(item.target)):
            found = next((t for t in by_target_key.get(key, []) if t.id not in claimed), None) if key else None
            if found is not None:
                break
        if found is None and item.target.kind == "baseline":
            found = next((t for t in targets if t.baseline_quote == item.target.quote
                          and _number(t.baseline_value) == _number(item.target.value)), None)
        elif found is not None:
            claimed.add(found.id)  # type: ignore[arg-type]
            item.target = dataclasses.replace(found)
        if found is not None:
            item.decision, item.in_ledger, item.stored_target_id = ACCEPTED, True, found.id
            item.link = f"{EXISTING_PREFIX}{found.commitment_id}"
        elif item.target.comparator == "qualitative" and item.target.kind == "commitment" and \
                spans.get((item.target.quote_start, item.target.quote_end)) is not None:
            # A promise without a figure was accepted as the commitment quoting it (``import --accept``).
            item.decision, item.in_ledger = ACCEPTED, True
            item.link = f"{EXISTING_PREFIX}{spans[(item.target.quote_start, item.target.quote_end)]}"
    text = review.document.text
    for row in rows:
        if id(row) in used or row.state == ACCEPTED:
            continue
        target = target_from_payload(row.payload)
        start = target.quote_start
        if not target.quote or start is None or text[start:start + len(target.quote)] != target.quote:
            start = text.find(target.quote or "\0")
            if start < 0:
                continue  # the quote is not in this text: nothing to show it against
            target = dataclasses.replace(target, quote_start=start, quote_end=start + len(target.quote or ""))
        key = f"{target.quote_start}-{target.quote_end}"
        review.new_commitments.setdefault(key, NewCommitment(
            key=key, title=_title(target.quote or ""), quote=target.quote or "", quote_start=target.quote_start,
            quote_end=target.quote_end))  # type: ignore[arg-type]
        item = ReviewItem(target=target, confidence=row.score or 0.0, link=NEW_PREFIX + key, decision=row.state,
                          original=dataclasses.replace(target), suggestion_id=row.id)
        after = next((index for index, other in enumerate(review.items)
                      if (other.target.quote_start or 0) > (target.quote_start or 0)), len(review.items))
        review.items.insert(after, item)  # in the letter's order
    for key, new in list(review.new_commitments.items()):
        commitment_id = spans.get((new.quote_start, new.quote_end))
        if commitment_id is None:
            continue
        del review.new_commitments[key]
        for item in review.items:
            if item.link == NEW_PREFIX + key:
                item.link = f"{EXISTING_PREFIX}{commitment_id}"
    review.new_commitments = dict(sorted(review.new_commitments.items(),
                                         key=lambda pair: (pair[1].quote_start, pair[1].quote_end)))


def _recall_row(item: ReviewItem, row: Suggestion, stored: dict[int | None, Target],
                spans: dict[tuple, int | None]) -> None:
    """``item`` as its suggestion row ``row`` says it was decided."""
    item.suggestion_id = row.id
    if row.state == ACCEPTED:
        item.decision, item.in_ledger, item.stored_target_id = ACCEPTED, True, row.target_id
        target = stored.get(row.target_id) if row.target_id is not None else None
        if target is not None:
            item.link = f"{EXISTING_PREFIX}{target.commitment_id}"
            if target.kind == item.target.kind:  # its own target (not the target it is the baseline of)
                item.target = dataclasses.replace(target)
        elif spans.get((item.target.quote_start, item.target.quote_end)) is not None:
            item.link = f"{EXISTING_PREFIX}{spans[(item.target.quote_start, item.target.quote_end)]}"
        return
    item.decision = REJECTED if row.state == REJECTED else PENDING
    if row.payload.get("extracted"):  # edited before: show the edit, in this text's place
        edited = target_from_payload(row.payload)
        item.target = dataclasses.replace(edited, quote=item.target.quote, quote_start=item.target.quote_start,
                                          quote_end=item.target.quote_end)


def suggestion_payload(target: Target, confidence: float, original: Target | None = None) -> dict[str, Any]:
    """A reviewed item as a target suggestion, in the layout ``reply-ledger import`` stores
    (:meth:`ExtractedTarget.to_dict`). An item the clerk edited keeps what was extracted under ``extracted``,
    which is what recognises it in the letter again (:func:`suggestion_key`)."""
    payload = {
        "quote": target.quote, "indicator": target.indicator, "comparator": target.comparator, "value": target.value,
        "value_high": target.value_high, "unit": target.unit, "value_normalized": target.value_normalized,
        "unit_normalized": target.unit_normalized,
        "deadline": target.deadline.isoformat() if target.deadline else None, "deadline_text": target.deadline_text,
        "cumulative": target.cumulative, "kind": target.kind, "start": target.quote_start, "end": target.quote_end,
        "confidence": round(confidence, 2),
    }
    if original is not None:
        extracted = suggestion_payload(original, confidence)
        if extracted != payload:
            payload["extracted"] = extracted
    return payload


def suggestion_key(payload: dict[str, Any]) -> tuple:
    """What identifies a target suggestion of a letter: its quote's place, kind, comparator and value (as
    extracted, before any edit)."""
    payload = payload.get("extracted") or payload
    return (payload.get("start"), payload.get("end"), payload.get("kind"), payload.get("comparator"),
            payload.get("value"))


def suggestion_quote_key(payload: dict[str, Any]) -> tuple:
    """A target suggestion recognised by its quote instead of its place (in another copy of the letter)."""
    payload = payload.get("extracted") or payload
    return (payload.get("quote"), payload.get("kind"), payload.get("comparator"), payload.get("value"))


def _number(value: float | None) -> float | None:
    return None if value is None else round(float(value), 6)


def target_key(target: Target) -> tuple | None:
    """What makes two targets of one reply the same: the place of the quote in the reply's text, the comparator
    and the value (normalised, with its unit). None for a target without a quote place (typed by hand)."""
    if target.quote_start is None or target.quote_end is None:
        return None
    return (target.quote_start, target.quote_end, target.comparator, _number(target.value_normalized),
            _number(target.value_high), target.unit_normalized)


def quote_key(target: Target) -> tuple | None:
    """The same target recognised by its quote's words rather than their place (another copy of the letter)."""
    if not target.quote:
        return None
    return (target.quote, target.comparator, _number(target.value_normalized), _number(target.value_high),
            target.unit_normalized)


def target_from_payload(payload: dict[str, Any]) -> Target:
    """The target a stored suggestion describes (as the clerk last edited it)."""
    deadline = payload.get("deadline")
    value_high, unit = payload.get("value_high"), payload.get("unit")
    return Target(commitment_id=0, indicator=payload.get("indicator") or (payload.get("quote") or "")[:40],
                  comparator=payload.get("comparator") or "qualitative", value=payload.get("value"),
                  value_high=value_high, unit=unit, value_normalized=payload.get("value_normalized"),
                  value_high_normalized=normalize(value_high, unit or "")[0] if value_high is not None else None,
                  unit_normalized=payload.get("unit_normalized"),
                  deadline=dt.date.fromisoformat(deadline) if deadline else None,
                  deadline_text=payload.get("deadline_text"), cumulative=payload.get("cumulative"),
                  kind=payload.get("kind") or "commitment", quote=payload.get("quote"),
                  quote_start=payload.get("start"), quote_end=payload.get("end"))


@dataclass
class PlannedCommitment:
    """A commitment to write (``commitment.id`` None) or one already stored, with the new targets under it and
    stored targets of it that receive a baseline (``updates``)."""

    commitment: Commitment
    targets: list[Target]
    updates: list[Target] = field(default_factory=list)


@dataclass(frozen=True)
class SuggestionFate:
    """What became of one item, for the suggestion rows of its letter.

    ``state`` is the clerk's decision. An accepted item's target is ``target`` (commitment and target index in
    the plan) or the stored ``target_id`` it became before or whose baseline it became. ``payload`` and ``score``
    are what the item's suggestion row holds; ``suggestion_id`` is that row when it is stored already.
    """

    key: tuple
    state: str
    payload: dict[str, Any]
    score: float
    target: tuple[int, int] | None = None
    target_id: int | None = None
    suggestion_id: int | None = None


@dataclass
class ReviewPlan:
    """The records a review writes in one transaction: the accepted items, and the decisions as suggestions.
    ``reply_id`` is the stored reply the letter's review updates (None: found by document number, or new)."""

    source: SourceDocument
    proposal: ProposalRef | None
    reply: Reply
    commitments: list[PlannedCommitment]
    suggestions: list[SuggestionFate] = field(default_factory=list)
    reply_id: int | None = None

    @property
    def target_count(self) -> int:
        return sum(len(planned.targets) for planned in self.commitments)

    @property
    def pending_count(self) -> int:
        return sum(1 for fate in self.suggestions if fate.state == PENDING)


def plan_records(review: LetterReview, *, imported_by: str | None = None,
                 existing_commitments: dict[int, Commitment] | None = None,
                 existing_targets: dict[int, list[Target]] | None = None) -> ReviewPlan:
    """The records of the accepted items, grouped by the commitment each is linked to.

    A new commitment takes the latest deadline of its accepted targets and the replying unit as its responsible
    unit. ``existing_commitments`` are the stored commitments items may be linked to, ``existing_targets`` their
    stored targets (by commitment id), which an accepted baseline may measure. Items already in the ledger
    (``in_ledger``) are not planned again.

    Raises:
        RecordErrors: the header or an accepted item is not valid (each problem names its field).
    """
    problems = review.reply.problems()
    accepted = [item for item in review.items if item.decision == ACCEPTED and not item.in_ledger
                and not item.links_existing]
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
    members: dict[str, list[ReviewItem]] = {}
    for item in accepted:
        members.setdefault(item.link, []).append(item)
    planned: list[PlannedCommitment] = []
    where: dict[int, tuple[int, int] | int] = {}  # id(item) → (commitment index, target index) or stored target id
    for link, linked in members.items():
        new = review.new_commitment(link)
        stored: list[Target] = []
        if new is not None:
            commitment = Commitment(reply_id=0, title=new.title, quote=new.quote, quote_start=new.quote_start,
                                    quote_end=new.quote_end, responsible_unit=review.reply.replying_unit
                                    or review.reply.issuing_office)
        else:
            commitment_id = int(link.removeprefix(EXISTING_PREFIX))
            commitment = (existing_commitments or {}).get(commitment_id) or Commitment(
                reply_id=0, title="", id=commitment_id)
            stored = list((existing_targets or {}).get(commitment_id, []))
        plan = PlannedCommitment(commitment, [])
        position = len(planned)
        baselines = [item for item in linked if item.target.kind == "baseline"]
        measures = {id(item): _measured_by(item.target, baselines) for item in linked}
        used = {id(baseline) for baseline in measures.values() if baseline is not None}
        for target in stored:
            baseline = _measured_by(target, baselines)
            if baseline is not None:
                plan.updates.append(_with_baseline(target, baseline.target, review.reply.reply_date))
                where.setdefault(id(baseline), target.id)  # type: ignore[arg-type]
                used.add(id(baseline))
        for item in linked:  # in the letter's order
            if id(item) in used:
                continue  # the baseline of a target: recorded on it, not as a target of its own
            target = dataclasses.replace(item.target)
            baseline = measures[id(item)]
            if baseline is not None:
                target = _with_baseline(target, baseline.target, review.reply.reply_date)
                where.setdefault(id(baseline), (position, len(plan.targets)))
            where[id(item)] = (position, len(plan.targets))
            plan.targets.append(target)
        planned.append(plan)
    for plan in planned:
        if plan.commitment.id is None:
            deadlines = [(t.deadline, t.deadline_text) for t in plan.targets if t.deadline]
            if deadlines:
                latest = max(deadlines, key=lambda pair: pair[0])
                plan.commitment = dataclasses.replace(plan.commitment, deadline=latest[0], deadline_text=latest[1])
            plan.commitment.check()
    fates = []
    for item in review.items:
        origin = suggestion_payload(item.original or item.target, item.confidence)
        if item.in_ledger:
            place = item.stored_target_id
        elif item.decision == ACCEPTED and item.links_existing:
            place = item.duplicate_of  # the same promise, already in the ledger
        else:
            place = where.get(id(item))
        fates.append(SuggestionFate(
            key=suggestion_key(origin), state=item.decision,
            payload=suggestion_payload(item.target, item.confidence, item.original),
            score=round(item.confidence, 2), target=place if isinstance(place, tuple) else None,
            target_id=place if isinstance(place, int) else None, suggestion_id=item.suggestion_id))
    return ReviewPlan(source=source, proposal=proposal, reply=review.reply, commitments=planned, suggestions=fates,
                      reply_id=review.existing_reply_id)


def _measured_by(target: Target, baselines: list[ReviewItem]) -> ReviewItem | None:
    """The accepted baseline item that states ``target``'s starting figure (:func:`best_baseline`), if any."""
    if target.kind == "baseline" or target.comparator == "qualitative":
        return None
    figures = [Figure(b.target.indicator, b.target.unit, b.target.quote_start) for b in baselines]
    found = best_baseline(Figure(target.indicator, target.unit, target.quote_start), figures)
    return baselines[found] if found is not None else None


def _with_baseline(target: Target, baseline: Target, letter_date: dt.date | None) -> Target:
    """``target`` with the figure a letter states as its starting point, dated the letter's date."""
    return dataclasses.replace(target, baseline_value=baseline.value, baseline_unit=baseline.unit,
                               baseline_date=letter_date, baseline_quote=baseline.quote)


# --------------------------------------------------------------------------------------------- grouping, duplicates
@dataclass(frozen=True)
class ReviewGroup:
    """A row of the review's list: a promise (``item``) with the baselines that measure it (``children``), or
    (``item`` None) the baselines no promise of the letter is measured against."""

    item: int | None
    children: tuple[int, ...] = ()


def review_groups(review: LetterReview) -> list[ReviewGroup]:
    """Promises first, in the letter's order, each with the baselines it is measured against; baselines that
    measure no promise come last, together.

    A baseline belongs to the promise of its own commitment whose indicator is most like its own (the first on a
    tie), else to the most alike promise of the letter when they are alike enough.
    """
    promises = [index for index, item in enumerate(review.items) if item.target.kind != "baseline"]
    children: dict[int, list[int]] = {index: [] for index in promises}
    orphans: list[int] = []
    for index, item in enumerate(review.items):
        if item.target.kind != "baseline":
            continue
        same = [p for p in promises if review.items[p].link == item.link]
        pool = same or promises

        scores = {p: indicator_similarity(item.target.indicator, review.items[p].target.indicator) for p in pool}
        best = max(pool, key=scores.__getitem__, default=None)  # max() keeps the first of equal scores
        if best is not None and (same or scores[best] >= SAME_PROMISE_SIMILARITY):
            children[best].append(index)
        else:
            orphans.append(index)
    groups = [ReviewGroup(index, tuple(children[index])) for index in promises]
    if orphans:
        groups.append(ReviewGroup(None, tuple(orphans)))
    return groups


def same_promise(suggested: Target, stored: Target) -> bool:
    """Whether a suggested target is a promise the ledger holds already: a similar indicator, the same
    comparator family and the same value (in base units)."""
    if stored.kind == "baseline" or suggested.kind == "baseline":
        return False
    if indicator_similarity(suggested.indicator, stored.indicator) < SAME_PROMISE_SIMILARITY:
        return False
    family = {">=": "up", ">": "up", "<=": "down", "<": "down"}
    if family.get(suggested.comparator, suggested.comparator) != family.get(stored.comparator, stored.comparator):
        return False
    if suggested.comparator == "qualitative":
        return True
    return _number(suggested.value_normalized) == _number(stored.value_normalized) and \
        (suggested.unit_normalized or "") == (stored.unit_normalized or "")


def mark_duplicates(review: LetterReview, stored: list[tuple[Target, Commitment]]) -> int:
    """Mark the suggestions that are promises the ledger holds already (``stored``: targets of the same reply or
    of the proposal's other replies, with their commitments) and link them to those; returns how many.

    A stored target is matched once, and never one an item of this letter was accepted as before.
    """
    taken = {item.stored_target_id for item in review.items if item.in_ledger}
    found = 0
    for item in review.items:
        if item.in_ledger or item.target.kind == "baseline":
            continue
        for target, commitment in stored:
            if target.id in taken or not same_promise(item.target, target):
                continue
            taken.add(target.id)
            item.duplicate_of = target.id
            item.duplicate_label = f"{commitment.title}：{target.indicator}"
            item.new_link = item.link
            item.link = f"{EXISTING_PREFIX}{commitment.id}"
            # Its baselines go with it: accepted, they become the stored target's baseline.
            for other in review.items:
                if other.target.kind == "baseline" and not other.in_ledger and other.link == item.new_link:
                    other.new_link = other.link
                    other.link = item.link
            found += 1
            break
    return found
