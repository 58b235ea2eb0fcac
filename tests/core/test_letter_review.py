from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from desktop.core.errors import RecordErrors
from desktop.core.extraction import extract_document, read_document
from desktop.core.letter_review import ACCEPTED, EXISTING_PREFIX, PENDING, REJECTED, plan_records, start_review
from desktop.core.records import Commitment
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
    # Each quote starts its own new commitment, titled after the quote.
    assert len(review.new_commitments) == 3
    assert review.new_commitment(review.items[1].link).title == review.items[1].target.quote


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
