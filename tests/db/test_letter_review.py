from __future__ import annotations

from pathlib import Path

import pytest

from db import Store
from db.letter_review import begin_review, existing_reply, pending_target_suggestions, save_review
from db.letters import import_files
from desktop.core.errors import LedgerError
from desktop.core.extraction import extract_document, extract_files, read_document
from desktop.core.letter_review import ACCEPTED, EXISTING_PREFIX, PENDING, REJECTED, plan_records, start_review
from desktop.core.records import Commitment, Proposal, Reply, SourceDocument, Suggestion, Target
from tests.letters import SMALL_LETTER, write_small_letter


def _review(path: Path, store: Store):
    document = read_document(path)
    extraction = extract_document(document)
    return start_review(document, extraction, existing_reply=existing_reply(store, extraction.header.doc_number))


def test_save_review_writes_the_letter_and_exactly_the_accepted_targets(store: Store, tmp_path: Path) -> None:
    review = _review(write_small_letter(tmp_path), store)
    review.items[0].decision = REJECTED
    review.items[1].decision = review.items[2].decision = ACCEPTED
    saved = save_review(store, plan_records(review))
    assert [t.indicator for t in store.list(Target)] == ["新建公共充电桩数", "公共充电桩数"]
    assert store.count(Commitment) == 2
    # Each item keeps a suggestion row with its decision, so that the letter reviewed again shows it.
    assert sorted((s.payload["value"], s.state, s.target_id) for s in store.list(Suggestion)) == [
        (1, ACCEPTED, saved.target_ids[1]), (1500, ACCEPTED, saved.target_ids[0]), (3200, REJECTED, None)]
    reply = store.get(Reply, saved.reply_id)
    proposal = store.get(Proposal, saved.proposal_id)
    source = store.get(SourceDocument, saved.source_document_id)
    assert (reply.doc_number, reply.proposal_id, reply.source_document_id) == (
        "常交复〔2022〕第12号", proposal.id, source.id)
    assert [p.name for p in proposal.proposers] == ["王芳"] and reply.proposer_id == proposal.proposers[0].id
    assert source.kind == "letter" and source.content == (tmp_path / "reply_charging.txt").read_bytes()
    assert all(t.source_document_id == source.id for t in store.list(Target))
    assert store.verify_history() == []


def test_save_review_is_all_or_nothing(store: Store, tmp_path: Path) -> None:
    review = _review(write_small_letter(tmp_path), store)
    review.items[1].decision = ACCEPTED
    review.items[2].decision = ACCEPTED
    review.items[2].link = f"{EXISTING_PREFIX}999"  # a commitment that does not exist
    history = len(store.history())
    with pytest.raises(LedgerError):
        save_review(store, plan_records(review))
    assert store.counts().replies == store.counts().targets == store.counts().source_documents == 0
    assert len(store.history()) == history


def test_reviewing_a_letter_again_updates_its_reply(store: Store, tmp_path: Path) -> None:
    path = write_small_letter(tmp_path)
    first = _review(path, store)
    first.items[1].decision = ACCEPTED
    saved = save_review(store, plan_records(first))
    again = _review(path, store)
    assert again.existing_reply_id == saved.reply_id
    commitment_id = saved.commitment_ids[0]
    again.items[2].decision = ACCEPTED
    again.items[2].link = f"{EXISTING_PREFIX}{commitment_id}"
    again.reply.signer = "李明同志"
    second = save_review(store, plan_records(again, existing_commitments={
        commitment_id: store.get(Commitment, commitment_id)}))
    assert second.reply_id == saved.reply_id and second.source_document_id == saved.source_document_id
    assert store.counts().replies == 1 and store.count(Commitment) == 1
    assert [t.commitment_id for t in store.list(Target)] == [commitment_id, commitment_id]
    assert store.get(Reply, saved.reply_id).signer == "李明同志"


def test_undecided_items_are_kept_as_the_suggestions_the_command_line_stores(store: Store, tmp_path: Path) -> None:
    path = write_small_letter(tmp_path)
    review = _review(path, store)
    baseline, _yearly, total = review.items
    baseline.decision = total.decision = ACCEPTED
    saved = save_review(store, plan_records(review))
    assert saved.pending_suggestions == 1
    target = store.list(Target)[0]
    assert (target.indicator, target.baseline_value, target.baseline_unit, str(target.baseline_date)) == (
        "公共充电桩数", 3200, "个", "2022-06-20")
    assert target.baseline_quote == "目前全市已建成公共充电桩3200个"
    [pending] = pending_target_suggestions(store, saved.reply_id)
    assert (pending.kind, pending.state, pending.source_document_id) == ("target", "pending", saved.source_document_id)
    # The same payload `reply-ledger import` stores for that target.
    with Store.open(tmp_path / "cli.sqlite3") as other:
        import_files(other, [path])
        stored = {s.payload["value"]: s for s in other.list(Suggestion)}
    assert pending.payload == stored[1500].payload and pending.score == stored[1500].score


def test_reviewing_an_imported_letter_settles_its_pending_suggestions(store: Store, tmp_path: Path) -> None:
    path = write_small_letter(tmp_path)
    [outcome] = import_files(store, [path])  # the command line: three pending suggestions
    assert len(pending_target_suggestions(store, outcome.reply_id)) == 3
    review = _review(path, store)
    assert review.existing_reply_id == outcome.reply_id
    baseline, _yearly, total = review.items
    baseline.decision, total.decision = REJECTED, ACCEPTED
    saved = save_review(store, plan_records(review))
    states = {s.payload["value"]: (s.state, s.target_id) for s in store.list(Suggestion)}
    assert states == {3200: ("rejected", None), 1500: (PENDING, None), 1: ("accepted", saved.target_ids[0])}
    assert saved.pending_suggestions == 1 and store.count(Reply) == 1


def test_a_baseline_linked_to_a_stored_commitment_updates_its_target(store: Store, tmp_path: Path) -> None:
    path = write_small_letter(tmp_path)
    first = _review(path, store)
    first.items[2].decision = ACCEPTED
    saved = save_review(store, plan_records(first))
    commitment_id = saved.commitment_ids[0]
    again = _review(path, store)
    again.items[0].decision = ACCEPTED
    again.items[0].link = f"{EXISTING_PREFIX}{commitment_id}"
    save_review(store, plan_records(again, existing_commitments={commitment_id: store.get(Commitment, commitment_id)},
                                    existing_targets={commitment_id: store.targets_of(commitment_id)}))
    [target] = store.list(Target)
    assert (target.id, target.baseline_value, target.baseline_unit) == (saved.target_ids[0], 3200, "个")
    assert store.verify_history() == []


def _decide(review, *decisions: str) -> None:
    for item, decision in zip(review.items, decisions, strict=True):
        item.decision = decision


def test_saving_the_same_accepted_items_twice_adds_no_second_target(store: Store, tmp_path: Path) -> None:
    path = write_small_letter(tmp_path)
    first = _review(path, store)
    _decide(first, ACCEPTED, ACCEPTED, ACCEPTED)
    saved = save_review(store, plan_records(first))
    assert len(saved.target_ids) == 2 and saved.skipped == []
    # The same decisions once more, as a review that does not know them would make them.
    again = _review(path, store)
    _decide(again, ACCEPTED, ACCEPTED, ACCEPTED)
    second = save_review(store, plan_records(again))
    assert second.target_ids == [] and second.commitment_ids == saved.commitment_ids
    assert sorted(skipped.target_id for skipped in second.skipped) == sorted(saved.target_ids)
    assert store.count(Target) == 2 and store.count(Commitment) == 2 and store.count(Reply) == 1
    # Every item of the letter has one suggestion row that says what became of it.
    ids = {target.value: target.id for target in store.list(Target)}
    assert sorted((s.payload["value"], s.state, s.target_id) for s in store.list(Suggestion)) == [
        (1, ACCEPTED, ids[1]), (1500, ACCEPTED, ids[1500]), (3200, ACCEPTED, ids[1])]  # the baseline of 1万个


def test_a_second_review_shows_what_was_decided_before(store: Store, tmp_path: Path) -> None:
    path = write_small_letter(tmp_path)
    first = begin_review(store, *extract_files([path])[0])
    _decide(first, PENDING, REJECTED, ACCEPTED)
    saved = save_review(store, plan_records(first))
    again = begin_review(store, *extract_files([path])[0])
    assert again.existing_reply_id == saved.reply_id
    assert [(item.decision, item.stored_target_id) for item in again.items] == [
        (PENDING, None), (REJECTED, None), (ACCEPTED, saved.target_ids[0])]
    baseline, yearly, total = again.items
    assert total.in_ledger and not yearly.in_ledger and not baseline.in_ledger
    # The baseline still starts in the commitment of the target it measures: the stored one now.
    assert baseline.link == total.link == f"{EXISTING_PREFIX}{saved.commitment_ids[0]}"
    assert again.new_commitments.keys() == {f"{yearly.target.quote_start}-{yearly.target.quote_end}"}
    # The clerk accepts what is left undecided (and the one in the ledger is not saved twice).
    baseline.decision = ACCEPTED
    plan = plan_records(again, existing_commitments={c.id: c for c in store.commitments_of(saved.reply_id)},
                        existing_targets={c: store.targets_of(c) for c in saved.commitment_ids})
    assert plan.target_count == 0
    second = save_review(store, plan)
    assert second.target_ids == [] and second.skipped == []
    [target] = store.list(Target)
    assert (target.id, target.baseline_value, target.baseline_unit) == (saved.target_ids[0], 3200, "个")
    assert store.count(Commitment) == 1
    assert {s.payload["value"]: s.state for s in store.list(Suggestion)} == {
        3200: ACCEPTED, 1500: REJECTED, 1: ACCEPTED}
    third = begin_review(store, *extract_files([path])[0])
    assert [(item.decision, item.in_ledger) for item in third.items] == [
        (ACCEPTED, True), (REJECTED, False), (ACCEPTED, True)]


def test_a_review_recognises_targets_accepted_on_the_command_line(store: Store, tmp_path: Path) -> None:
    path = write_small_letter(tmp_path)
    [outcome] = import_files(store, [path], accept=True)
    review = begin_review(store, *extract_files([path])[0])
    assert review.existing_reply_id == outcome.reply_id
    assert [(item.decision, item.in_ledger) for item in review.items] == [(ACCEPTED, True)] * 3
    assert plan_records(review).target_count == 0


def test_a_letter_without_a_document_number_is_found_again_by_its_text(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "no_number.txt"
    path.write_text(SMALL_LETTER.replace("常交复〔2022〕第12号\n\n", ""), encoding="utf-8")
    first = begin_review(store, *extract_files([path])[0])
    _decide(first, ACCEPTED, ACCEPTED, ACCEPTED)
    saved = save_review(store, plan_records(first))
    copy = tmp_path / "no_number_gbk.txt"  # the same letter saved in another encoding: other bytes, same text
    copy.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    again = begin_review(store, *extract_files([copy])[0])
    assert again.existing_reply_id == saved.reply_id
    assert all(item.in_ledger for item in again.items)
    [outcome] = import_files(store, [copy], accept=True)
    assert (outcome.status, outcome.reply_id, outcome.targets) == ("reply_exists", saved.reply_id, 0)
    assert store.count(Reply) == 1 and store.count(Target) == 2 and store.count(Commitment) == 2


def test_import_accept_after_a_review_of_the_same_letter_in_another_file(store: Store, tmp_path: Path) -> None:
    path = write_small_letter(tmp_path)
    review = begin_review(store, *extract_files([path])[0])
    _decide(review, PENDING, REJECTED, ACCEPTED)
    saved = save_review(store, plan_records(review))
    copy = tmp_path / "reply_charging_gbk.txt"
    copy.write_bytes(SMALL_LETTER.encode("gbk"))
    [outcome] = import_files(store, [copy], accept=True)
    # What was still undecided is accepted; what is in the ledger, or was rejected, is left as it is.
    assert (outcome.status, outcome.reply_id, outcome.commitments, outcome.targets) == (
        "accepted", saved.reply_id, 0, 0)
    assert "1 item(s) already in the ledger and 1 rejected before were left as they are" in outcome.message
    [target] = store.list(Target)
    assert (target.id, target.baseline_value) == (saved.target_ids[0], 3200)
    assert {s.payload["value"]: s.state for s in store.list(Suggestion)} == {
        3200: ACCEPTED, 1500: REJECTED, 1: ACCEPTED}
    # Once more: nothing is left to accept.
    history = len(store.history())
    [again] = import_files(store, [copy], accept=True)
    assert again.status == "reply_exists" and "nothing changed" in again.message
    assert len(store.history()) == history and store.count(SourceDocument) == 1


def test_after_import_accept_a_review_leaves_undecided_only_what_the_import_left(store: Store) -> None:
    seed = Path(__file__).resolve().parents[1] / "fixtures" / "letters" / "seed_001.txt"
    [outcome] = import_files(store, [seed], accept=True)
    review = begin_review(store, *extract_files([seed])[0])
    pending = pending_target_suggestions(store, outcome.reply_id)
    undecided = [item for item in review.items if item.decision == PENDING]
    assert len(undecided) == len(pending) and {item.suggestion_id for item in undecided} == {s.id for s in pending}
    assert all(item.in_ledger for item in review.items if item.target.kind == "commitment")
    # Accepting all of it adds no target the import made; the figures become targets of their own (baselines).
    for item in undecided:
        item.decision = ACCEPTED
    targets = store.count(Target)
    commitments = {c.id: c for c in store.commitments_of(outcome.reply_id)}
    saved = save_review(store, plan_records(review, existing_commitments=commitments, existing_targets={
        commitment_id: store.targets_of(commitment_id) for commitment_id in commitments}))
    assert saved.skipped == [] and store.count(Target) == targets + len(saved.target_ids)
    assert {store.get(Target, target_id).kind for target_id in saved.target_ids} == {"baseline"}
    assert pending_target_suggestions(store, outcome.reply_id) == []
