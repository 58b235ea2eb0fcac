from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.errors import RecordErrors
from desktop.core.records import Commitment, Evidence, Proposal, Proposer, Reminder, Reply, Target


def test_proposal_problems_name_each_field() -> None:
    proposal = Proposal(session="", number="第021号", title=" ", kind="petition",
                        assigned_date=dt.date(2021, 3, 1), received_date=dt.date(2021, 3, 5),
                        proposers=[Proposer(name="")])
    fields = [problem.field for problem in proposal.problems()]
    assert fields == ["session", "title", "kind", "assigned_date", "name"]


def test_proposal_extension_needs_approval() -> None:
    proposal = Proposal(session="s", number="1", title="t", extended_due_date=dt.date(2021, 9, 10))
    assert [p.code for p in proposal.problems()] == ["extension_unapproved"]


def test_reply_checks_doc_number_phone_and_class() -> None:
    reply = Reply(doc_number="常工信复2021第39", phone="12", result_class="E")
    with pytest.raises(RecordErrors) as caught:
        reply.check()
    assert [p.field for p in caught.value.problems] == ["doc_number", "phone", "result_class"]
    assert Reply(doc_number="常工信复〔2021〕第39号", phone="85681281", result_class="甲").problems() == []


def test_target_needs_value_unless_qualitative() -> None:
    assert [p.code for p in Target(commitment_id=1, indicator="基站数", comparator=">").problems()] == ["value_missing"]
    assert Target(commitment_id=1, indicator="5G全覆盖", comparator="qualitative").problems() == []


def test_target_range_order() -> None:
    target = Target(commitment_id=1, indicator="x", comparator="range", value=10, value_high=5)
    assert [p.code for p in target.problems()] == ["range_order"]


def test_evidence_needs_value_or_yes_no() -> None:
    evidence = Evidence(target_id=1, as_of_date=dt.date(2022, 3, 3))
    assert [p.code for p in evidence.problems()] == ["value_missing"]
    assert Evidence(target_id=1, as_of_date=dt.date(2022, 3, 3), achieved=True).problems() == []


def test_commitment_offsets_must_fit() -> None:
    assert [p.code for p in Commitment(reply_id=1, title="t", quote_start=5, quote_end=2).problems()] == [
        "offsets_invalid"]


def test_snoozed_reminder_needs_wake_date() -> None:
    reminder = Reminder(kind="custom", title="call", due_date=dt.date(2022, 1, 1), state="snoozed")
    assert [p.code for p in reminder.problems()] == ["snooze_date_missing"]
