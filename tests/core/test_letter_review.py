from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from desktop.core.errors import RecordErrors
from desktop.core.extraction import extract_document, read_document
from desktop.core.letter_review import (
    ACCEPTED,
    EXISTING_PREFIX,
    IN_LEDGER,
    PENDING,
    REJECTED,
    plan_records,
    recall_decisions,
    start_review,
    suggestion_key,
    suggestion_payload,
)
from desktop.core.records import Commitment, Suggestion, Target
from tests.letters import SMALL_LETTER_TARGETS, write_small_letter


@pytest.fixture
def review(tmp_path: Path):
    document = read_document(write_small_letter(tmp_path))
    return start_review(document, extract_document(document))


def test_review_starts_with_the_header_and_pending_items(review) -> None:
    assert review.reply.doc_number == "常交复〔2022〕第12号"
    assert (review.reply.reply_date, review.reply.signer, review.reply.phone) == (
        dt.date(2022, 6, 20), "李明", "0519-85580000")
    assert (review.proposal.session, review.proposal.number, review.proposal.kind) == (
        "常州市十六届人大六次会议", "第045号", "suggestion")
    assert [(i.target.kind, i.target.indicator, i.target.value, i.target.unit) for i in review.items] == \
        SMALL_LETTER_TARGETS
    assert all(item.decision == PENDING and not item.edited for item in review.items)
    text = review.document.text
    for item in review.items:
        assert text[item.target.quote_start:item.target.quote_end] == item.target.quote
    # Each promise's quote starts its own new commitment, titled after the quote; the baseline starts in the
    # commitment of the target it measures (公共充电桩数, as `import --accept` pairs them).
    assert len(review.new_commitments) == 2
    assert review.new_commitment(review.items[1].link).title == review.items[1].target.quote
    assert review.items[0].link == review.items[2].link


def test_plan_holds_exactly_the_accepted_items(review) -> None:
    first, second, third = review.items
    first.decision, second.decision, third.decision = REJECTED, ACCEPTED, ACCEPTED
    third.target = dataclasses.replace(third.target, indicator="全市公共充电桩累计数")
    third.link = second.link  # both in one commitment
    review.new_commitment(second.link).title = "充电桩建设"
    plan = plan_records(review, imported_by="clerk")
    assert len(plan.commitments) == 1 and plan.target_count == 2
    planned = plan.commitments[0]
    assert planned.commitment.title == "充电桩建设"
    assert planned.commitment.deadline == dt.date(2025, 12, 31)  # the latest of its targets
    assert planned.commitment.responsible_unit == "常州市交通运输局"
    assert [t.indicator for t in planned.targets] == ["新建公共充电桩数", "全市公共充电桩累计数"]
    assert plan.source.sha256 == review.document.sha256 and plan.source.imported_by == "clerk"
    assert third.edited and not second.edited


def test_plan_refuses_a_bad_header_or_item(review) -> None:
    review.items[1].decision = ACCEPTED
    review.reply = dataclasses.replace(review.reply, phone="12")
    with pytest.raises(RecordErrors) as caught:
        plan_records(review)
    assert [p.field for p in caught.value.problems] == ["phone"]
    review.reply = dataclasses.replace(review.reply, phone=None)
    review.items[1].target = dataclasses.replace(review.items[1].target, value=None)
    with pytest.raises(RecordErrors) as caught:
        plan_records(review)
    assert [p.code for p in caught.value.problems] == ["value_missing"]


def test_plan_links_items_to_existing_commitments(review) -> None:
    existing = Commitment(reply_id=7, title="已有承诺", id=42)
    review.items[2].decision = ACCEPTED
    review.items[2].link = f"{EXISTING_PREFIX}42"
    plan = plan_records(review, existing_commitments={42: existing})
    assert plan.commitments[0].commitment is existing


def test_an_accepted_baseline_becomes_the_baseline_of_the_target_it_measures(review) -> None:
    baseline, _yearly, total = review.items
    baseline.decision = total.decision = ACCEPTED  # 新建公共充电桩数 left undecided
    plan = plan_records(review)
    assert len(plan.commitments) == 1 and plan.target_count == 1
    target = plan.commitments[0].targets[0]
    assert (target.indicator, target.kind, target.value, target.unit) == ("公共充电桩数", "commitment", 1, "万个")
    assert (target.baseline_value, target.baseline_unit, target.baseline_date, target.baseline_quote) == (
        3200, "个", dt.date(2022, 6, 20), baseline.target.quote)
    fates = {fate.payload["indicator"]: fate for fate in plan.suggestions}
    assert fates["建成公共充电桩数"].state == ACCEPTED and fates["建成公共充电桩数"].target == (0, 0)
    assert fates["公共充电桩数"].target == (0, 0)
    pending = fates["新建公共充电桩数"]
    assert pending.state == PENDING and plan.pending_count == 1 and pending.target is None
    assert pending.payload["value"] == 1500 and pending.key == suggestion_key(pending.payload)


def test_a_baseline_that_measures_no_target_of_its_commitment_stays_a_baseline_target(review) -> None:
    baseline, _yearly, total = review.items
    baseline.decision = ACCEPTED
    total.decision = REJECTED  # the target it measures is not taken
    plan = plan_records(review)
    assert [(t.kind, t.value, t.baseline_value) for t in plan.commitments[0].targets] == [("baseline", 3200, None)]
    # Linked to a commitment whose target is a qualitative promise, it stays on its own too.
    total.decision = ACCEPTED
    total.target = dataclasses.replace(total.target, comparator="qualitative", value=None, unit=None)
    plan = plan_records(review)
    assert [t.kind for t in plan.commitments[0].targets] == ["baseline", "commitment"]
    assert plan.commitments[0].targets[1].baseline_value is None


def test_an_accepted_baseline_reaches_the_stored_target_of_an_existing_commitment(review) -> None:
    existing = Commitment(reply_id=7, title="充电桩建设", id=42)
    stored = Target(commitment_id=42, indicator="全市公共充电桩数", comparator=">", value=1, unit="万个", id=9)
    baseline = review.items[0]
    baseline.decision = ACCEPTED
    baseline.link = f"{EXISTING_PREFIX}42"
    plan = plan_records(review, existing_commitments={42: existing}, existing_targets={42: [stored]})
    planned = plan.commitments[0]
    assert planned.targets == [] and [t.id for t in planned.updates] == [9]
    assert (planned.updates[0].baseline_value, planned.updates[0].baseline_date) == (3200, dt.date(2022, 6, 20))
    assert plan.suggestions[0].target_id == 9 and plan.suggestions[0].target is None


def _row(item, state: str, row_id: int, target_id: int | None = None, **edits) -> Suggestion:
    payload = suggestion_payload(dataclasses.replace(item.target, **edits), item.confidence,
                                 item.original if edits else None)
    return Suggestion(kind="target", payload=payload, reply_id=7, target_id=target_id, state=state, id=row_id)


def test_recall_shows_the_decisions_of_the_suggestion_rows(review) -> None:
    baseline, yearly, total = review.items
    commitment = Commitment(reply_id=7, title="充电桩建设", quote=total.target.quote,
                            quote_start=total.target.quote_start, quote_end=total.target.quote_end, id=42)
    stored = dataclasses.replace(total.target, commitment_id=42, indicator="全市公共充电桩累计数", id=9)
    rows = [_row(baseline, PENDING, 1, value=3300), _row(yearly, REJECTED, 2), _row(total, ACCEPTED, 3, 9)]
    recall_decisions(review, rows, [commitment], [stored])
    assert [(i.decision, i.in_ledger, i.suggestion_id, i.stored_target_id) for i in review.items] == [
        (PENDING, False, 1, None), (REJECTED, False, 2, None), (ACCEPTED, True, 3, 9)]
    assert baseline.target.value == 3300 and baseline.edited  # the earlier edit is kept
    assert total.target.indicator == "全市公共充电桩累计数"  # what the ledger holds
    # The baseline starts in the stored commitment; only the rejected promise still has a new one.
    assert baseline.link == total.link == f"{EXISTING_PREFIX}42"
    assert [new.quote for new in review.new_commitments.values()] == [yearly.target.quote]
    assert review.counts() == {PENDING: 1, ACCEPTED: 0, REJECTED: 1, IN_LEDGER: 1}
    plan = plan_records(review)
    assert plan.target_count == 0 and [f.suggestion_id for f in plan.suggestions] == [1, 2, 3]
    assert plan.suggestions[0].payload["value"] == 3300 and suggestion_key(plan.suggestions[0].payload) == \
        suggestion_key(rows[0].payload)  # an edited row is still recognised by what was extracted


def test_recall_without_rows_finds_stored_targets_and_shows_rows_extraction_no_longer_finds(review) -> None:
    baseline, yearly, total = review.items
    stored = dataclasses.replace(yearly.target, commitment_id=5, id=11)
    qualitative = Target(commitment_id=0, indicator="充电设施布局", comparator="qualitative", kind="commitment",
                         quote="加快充电桩建设", quote_start=0, quote_end=7)  # at a wrong place: found by its words
    gone = dataclasses.replace(qualitative, quote="这句话不在答复函里")
    rows = [Suggestion(kind="target", payload=suggestion_payload(target, 0.4), reply_id=7, id=row_id)
            for row_id, target in ((4, qualitative), (5, gone))]
    recall_decisions(review, rows, [], [stored])
    assert (yearly.decision, yearly.in_ledger, yearly.stored_target_id, yearly.link) == (
        ACCEPTED, True, 11, f"{EXISTING_PREFIX}5")
    assert baseline.decision == total.decision == PENDING
    [added] = [item for item in review.items if item.suggestion_id == 4]
    text = review.document.text
    start = text.index("加快充电桩建设")
    assert (added.target.quote_start, added.target.quote_end, added.decision) == (start, start + 7, PENDING)
    assert review.items.index(added) == 0  # in the letter's order: the sentence comes before the figures
    assert review.new_commitment(added.link).quote == "加快充电桩建设"
    assert len(review.items) == 4  # the row whose quote is not in the letter has nothing to be shown against
