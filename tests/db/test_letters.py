from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from db import Store
from db.letters import import_files
from desktop.__main__ import main
from desktop.core.records import SOURCE_KINDS, Commitment, Proposal, Reply, SourceDocument, Suggestion, Target
from tests.letters import write_small_letter

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "letters"
NEWS = """---
title: "常州发展数字经济成绩斐然"
date: 2022-03-03 08:13:24 +0800
categories: changzhouribao
---
<p>目前，我市已开通5G基站11080个。</p><p class="em_media">（文章来源：常州日报）</p>
"""


def _counts(store: Store) -> tuple[int, ...]:
    return tuple(store.count(cls) for cls in (SourceDocument, Proposal, Reply, Suggestion, Commitment, Target))


def test_import_stores_letter_proposal_reply_and_pending_suggestions(store: Store) -> None:
    (outcome,) = import_files(store, [FIXTURES / "seed_001.txt"])
    assert outcome.status == "imported"
    source = store.get(SourceDocument, outcome.source_document_id)
    assert source.kind == "letter" and source.content == (FIXTURES / "seed_001.txt").read_bytes()
    proposal = store.get(Proposal, outcome.proposal_id)
    assert (proposal.session, proposal.number, proposal.kind) == ("常州市十六届人大五次会议", "第021号", "suggestion")
    assert [p.name for p in proposal.proposers] == ["魏农"]
    reply = store.get(Reply, outcome.reply_id)
    assert (reply.doc_number, reply.signer, reply.handler, reply.phone) == \
        ("常工信复〔2021〕第39号", "沈新峰", "曹晓韬", "85681281")
    assert reply.source_document_id == source.id and reply.proposal_id == proposal.id
    suggestions = store.list(Suggestion)
    assert len(suggestions) == outcome.suggestions > 30
    assert {s.state for s in suggestions} == {"pending"}
    first = suggestions[0].payload
    assert reply.text[first["start"]:first["end"]] == first["quote"]
    assert store.count(Commitment) == 0


def test_importing_the_same_file_twice_changes_nothing(store: Store, tmp_path: Path) -> None:
    import_files(store, [FIXTURES / "dev_05.txt"])
    before = _counts(store)
    history = len(store.history())
    copy = tmp_path / "renamed.txt"
    shutil.copy(FIXTURES / "dev_05.txt", copy)
    (outcome,) = import_files(store, [copy], accept=True)
    assert outcome.status == "duplicate"
    assert outcome.message.endswith(f"nothing changed. {before[3]} suggestion(s) of its reply #{outcome.reply_id} "
                                    "are undecided: choose Review letter again on the reply in the app to decide them.")
    assert _counts(store) == before
    assert len(store.history()) == history


def test_existing_proposal_is_found_not_duplicated(store: Store) -> None:
    existing = store.save(Proposal(session="常州市十六届人大五次会议", number="第21号", title="已登记的建议"))
    (outcome,) = import_files(store, [FIXTURES / "seed_001.txt"])
    assert outcome.proposal_id == existing.id
    assert store.count(Proposal) == 1


def test_accept_creates_commitments_targets_and_attaches_baselines(store: Store) -> None:
    (outcome,) = import_files(store, [FIXTURES / "seed_001.txt"], accept=True)
    states = {s.state for s in store.list(Suggestion)}
    assert states == {"accepted", "pending"}
    pending = [s.payload for s in store.list(Suggestion, "state = 'pending'")]
    assert pending and {p["kind"] for p in pending} == {"baseline"}  # figures that measure no promise
    stations = store.list(Target, "value_normalized = 10000")
    assert len(stations) == 1
    assert (stations[0].kind, stations[0].comparator, stations[0].baseline_value, stations[0].baseline_unit) == \
        ("commitment", ">", 7000, "个")
    coverage = store.list(Commitment, "quote = ?", ("实现全市城乡5G网络全覆盖",))
    assert len(coverage) == 1 and str(coverage[0].deadline) == "2025-12-31"
    assert store.targets_of(coverage[0].id) == []  # qualitative: judged by hand
    assert store.count(Target, "kind = 'baseline'") == 0
    assert outcome.targets == store.count(Target)
    for target in store.list(Target):
        reply = store.get(Reply, outcome.reply_id)
        assert reply.text[target.quote_start:target.quote_end] == target.quote


def test_a_news_article_is_stored_but_not_as_a_letter(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "news.md"
    path.write_text(NEWS, encoding="utf-8")
    (outcome,) = import_files(store, [path])
    assert outcome.status == "not_letter"
    source = store.get(SourceDocument, outcome.source_document_id)
    assert (source.kind, source.publisher, str(source.doc_date)) == ("news", "常州日报", "2022-03-03")
    assert store.count(Reply) == 0 and store.count(Suggestion) == 0


def test_a_bad_file_stops_the_import_before_anything_is_written(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    with pytest.raises(Exception, match="is empty"):
        import_files(store, [FIXTURES / "dev_01.txt", bad])
    assert _counts(store) == (0, 0, 0, 0, 0, 0)


def test_import_command_twice(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(FIXTURES / "dev_02.txt"), str(FIXTURES / "dev_04.txt")]
    assert main(["import", *files, "--db", str(db_path), "--accept"]) == 0
    first = capsys.readouterr().out
    assert first.count("imported reply") == 2
    assert main(["import", *files, "--db", str(db_path)]) == 0
    second = capsys.readouterr().out
    assert second.count("already imported") == 2
    with Store.open(db_path) as store:
        assert _counts(store)[:3] == (2, 2, 2)



DOCUMENT_KINDS = {  # kind: (title, front matter, how the import names it)
    "news": ("常州日报：数字经济成绩斐然", "categories: changzhouribao\n", "a news report"),
    "bulletin": ("2022年常州市国民经济和社会发展统计公报", "", "a statistics bulletin"),
    "plan": ("常州市数字经济发展行动计划", "", "a plan"),
    "report": ("市工业和信息化局工作报告", "", "a report"),
    "other": ("一些数字", "", "an unclassified document"),
}


def test_every_kind_of_document_is_covered() -> None:
    assert set(DOCUMENT_KINDS) == set(SOURCE_KINDS) - {"letter"}


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_a_document_that_is_not_a_letter_is_named_by_its_kind(store: Store, tmp_path: Path, kind: str) -> None:
    title, front, named = DOCUMENT_KINDS[kind]
    path = tmp_path / "document.md"
    path.write_text(f'---\ntitle: "{title}"\n{front}---\n<p>目前，我市已开通5G基站11080个。</p>\n', encoding="utf-8")
    (outcome,) = import_files(store, [path])
    assert outcome.status == "not_letter" and store.get(SourceDocument, outcome.source_document_id).kind == kind
    assert f"; stored as {named} (source document #{outcome.source_document_id});" in outcome.message


def _typed_by_hand(store: Store, doc_number: str | None = None) -> tuple[Reply, Target]:
    """The clerk typed the proposal, its reply and one promise before the letter file came."""
    proposal = store.save(Proposal(session="常州市十六届人大六次会议", number="第045号", title="充电桩建设"))
    reply = store.save(Reply(proposal_id=proposal.id, title="关于充电桩建设建议的答复", doc_number=doc_number,
                             disclosure="public"))
    commitment = store.save(Commitment(reply_id=reply.id, title="2025年底公共充电桩超1万个"))
    typed = store.save(Target(commitment_id=commitment.id, indicator="全市公共充电桩数量", comparator=">=", value=1,
                              unit="万个", value_normalized=10000, unit_normalized="个"))
    return reply, typed


def test_import_accept_links_a_promise_typed_by_hand_for_another_reply(db_path: Path, tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(db_path) as store:
        _, typed = _typed_by_hand(store)
    assert main(["import", str(write_small_letter(tmp_path)), "--db", str(db_path), "--accept"]) == 0
    out = capsys.readouterr().out
    assert "accepted as 1 commitment(s) with 1 target(s)" in out
    assert ("1 promise(s) the ledger holds already (typed by hand or from another letter) linked to, not added "
            f"again: 2025年底公共充电桩超1万个：全市公共充电桩数量 (target #{typed.id})") in out
    with Store.open(db_path) as store:
        # The promise is there once, with the baseline the letter states; the letter's suggestion points to it.
        assert [t.indicator for t in store.list(Target)] == ["全市公共充电桩数量", "新建公共充电桩数"]
        assert store.get(Target, typed.id).baseline_value == 3200
        linked = next(s for s in store.list(Suggestion) if s.payload["value"] == 1)
        assert (linked.state, linked.target_id) == ("accepted", typed.id)
        assert store.count(Commitment) == 2  # the hand-typed one and the letter's 新建公共充电桩 promise


def test_import_accept_keeps_the_letter_of_a_reply_typed_by_hand(store: Store, tmp_path: Path) -> None:
    reply, typed = _typed_by_hand(store, doc_number="常交复〔2022〕第12号")
    [outcome] = import_files(store, [write_small_letter(tmp_path)], accept=True)
    assert (outcome.status, outcome.reply_id, outcome.commitments, outcome.targets) == ("accepted", reply.id, 1, 1)
    assert "typed in the ledger (reply #" in outcome.message and f"(target #{typed.id})" in outcome.message
    assert store.count(Reply) == 1
    stored = store.get(Reply, reply.id)
    # The letter is kept with the reply; what the clerk typed stays, and the header fills what was blank.
    assert stored.text and stored.source_document_id == outcome.source_document_id
    assert (stored.title, stored.disclosure, stored.signer) == ("关于充电桩建设建议的答复", "public", "李明")
    assert [t.indicator for t in store.list(Target)] == ["全市公共充电桩数量", "新建公共充电桩数"]
    # Imported again: the letter is the reply's now, and nothing is added twice.
    [again] = import_files(store, [write_small_letter(tmp_path, "copy.txt")], accept=True)
    assert again.status in ("duplicate", "reply_exists") and store.count(Target) == 2


def test_a_plain_import_of_the_letter_of_a_reply_typed_by_hand_leaves_its_targets_to_review(store: Store,
                                                                                           tmp_path: Path) -> None:
    reply, _ = _typed_by_hand(store, doc_number="常交复〔2022〕第12号")
    [outcome] = import_files(store, [write_small_letter(tmp_path)])
    assert (outcome.status, outcome.reply_id, outcome.suggestions) == ("imported", reply.id, 3)
    assert store.count(Suggestion, "reply_id = ? AND state = 'pending'", (reply.id,)) == 3
    assert store.count(Target) == 1
