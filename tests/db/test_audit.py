"""回头看 on a constructed ledger that holds each contradiction (and a near miss of each that is not one)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from db import Store
from db.audit import audit_ledger, proposal_timeline
from desktop.__main__ import main
from desktop.core.errors import LedgerError
from desktop.core.records import Proposal
from tests.contradictions import Ledger, build_contradictions

D = dt.date


@pytest.fixture
def ledger(store: Store) -> Ledger:
    return build_contradictions(store)


def test_audit_finds_each_contradiction(ledger: Ledger) -> None:
    findings = audit_ledger(ledger.store, D(2022, 3, 31))
    found = {(f.kind, f.subject_table, f.subject_id) for f in findings}
    ids = ledger.ids
    assert found == {
        ("solved_but_missed", "commitments", ids["A类未达成"]),
        ("solved_but_missed", "commitments", ids["A类逾期无佐证"]),
        ("met_not_reanswered", "replies", ids["r2"]),
        ("unsatisfied_not_reanswered", "feedback", ids["f4"]),
        ("unsatisfied_not_reanswered", "feedback", ids["f5"]),
        ("commitment_unsupported", "commitments", ids["定性承诺"]),
        ("commitment_unsupported", "commitments", ids["人工判定承诺"]),
    }
    by_subject = {(f.subject_table, f.subject_id): f for f in findings}
    missed = by_subject[("commitments", ids["A类未达成"])]
    assert missed.message.startswith(
        "答复常工信复〔2021〕第1号列为A类（所提问题已经解决或基本解决），但承诺“A类未达成”未达成")
    assert missed.proposal_label == "常州市十六届人大五次会议建议第001号" and missed.proposal_id == ids["p1"]
    assert "最后一项佐证截至2021-10-01" in by_subject[("replies", ids["r2"])].message
    assert "再答复期限2021-07-20已过254天" in by_subject[("feedback", ids["f4"])].message
    assert "2021-08-15才再答复" in by_subject[("feedback", ids["f5"])].message
    assert "人工判定为已达成但无佐证支撑" in by_subject[("commitments", ids["人工判定承诺"])].message


def test_audit_as_of_an_earlier_date(ledger: Ledger) -> None:
    # On 2021-07-01: no deadline of a promise has passed, and no re-answer deadline either.
    findings = audit_ledger(ledger.store, D(2021, 7, 1))
    assert {f.kind for f in findings} == {"commitment_unsupported"}


def test_audit_follows_the_result_class_scheme(ledger: Ledger) -> None:
    # In the 甲乙丙 scheme 'A' means nothing: the A-class findings go away, the rest stay.
    from desktop.core.settings import RESULT_CLASS_SCHEMES

    ledger.store.set_setting("result_class.classes", RESULT_CLASS_SCHEMES["甲乙丙"])
    kinds = {f.kind for f in audit_ledger(ledger.store, D(2022, 3, 31))}
    assert "solved_but_missed" not in kinds and "met_not_reanswered" not in kinds
    assert "unsatisfied_not_reanswered" in kinds


def test_timeline_in_date_order(ledger: Ledger) -> None:
    _, events = proposal_timeline(ledger.store, ledger.ids["p4"], D(2022, 3, 31))
    kinds = [event.kind for event in events]
    assert kinds == ["assigned", "contact", "reply", "commitment", "commitment", "reply_due", "feedback",
                     "deadline", "deadline"]
    dates = [event.date for event in events]
    assert dates == sorted(dates)
    assert events[1].text == "见面：代表、经办人"
    late = proposal_timeline(ledger.store, ledger.ids["p5"], D(2022, 3, 31))[1]
    assert [e.kind for e in late if e.kind in ("reply", "feedback", "reanswer")] == ["reply", "feedback", "reanswer"]
    before = proposal_timeline(ledger.store, ledger.ids["p5"], D(2021, 7, 1))[1]
    assert "reanswer" not in [e.kind for e in before]  # not known yet on that day
    with pytest.raises(LedgerError):
        proposal_timeline(ledger.store, 999, D(2022, 3, 31))


def test_demo_timeline_has_the_news_evidence(demo_store: Store) -> None:
    proposal = demo_store.list(Proposal)[0]
    _, events = proposal_timeline(demo_store, proposal.id, D(2022, 3, 31))
    evidence = [e for e in events if e.kind == "evidence"]
    assert [e.date for e in evidence] == [D(2022, 3, 3)]
    assert evidence[0].text.startswith("累计开通5G基站数：11080个（常州日报")
    assert events[0].kind == "assigned" and events[-1].date == D(2025, 12, 31)


def test_audit_command(ledger: Ledger, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger.store.close()
    assert main(["audit", "--db", str(db_path), "--as-of", "2022-03-31"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "回头看（截至2022-03-31）"
    assert len(out) == 1 + 7 + 1 and out[-1].startswith("共7条：")
    assert out[1].split("\t")[:3] == ["2021-12-31", "已解决类答复的承诺未兑现", "常州市十六届人大五次会议建议第001号"]
    assert main(["audit", "--db", str(db_path), "--as-of", "2021-05-01"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "共0条，未发现矛盾"


def test_timeline_command(ledger: Ledger, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger.store.close()
    assert main(["timeline", "--db", str(db_path), "--proposal", "5"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "常州市十六届人大五次会议建议第005号：建议p5"
    assert out[1] == "2021-03-10\t交办\t交办常州市十六届人大五次会议建议第005号，主办单位市工信局"
    assert main(["timeline", "--db", str(db_path), "--proposal", "77"]) == 2
    assert "No proposal has the number '77'" in capsys.readouterr().err
