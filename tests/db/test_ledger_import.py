"""Importing Excel ledgers into a store: all or nothing, updates instead of duplicates, skip-bad and dry runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from db import Store
from db.ledger_import import LedgerImportRejected, import_ledger
from desktop.core.errors import Cancelled
from desktop.core.ledger_import import read_ledger
from desktop.core.records import Commitment, Feedback, Proposal, Reply
from tests.ledger_workbooks import changzhou_ledger, cppcc_ledger, minimal_ledger


def _dump(store: Store) -> list[str]:
    return list(store.conn.iterdump())


def test_ledger_import_foreign_ledger(store: Store, tmp_path: Path) -> None:
    outcome = import_ledger(store, read_ledger(changzhou_ledger(tmp_path / "ledger.xlsx")))
    assert outcome.rows_written == 3 and not outcome.problems
    assert outcome.created == {"proposals": 2, "replies": 2, "commitments": 3, "feedback": 1, "targets": 3,
                               "evidence": 2, "source documents": 1}
    proposal = store.find_proposal("常州市十六届人大五次会议", "21")
    assert proposal is not None and proposal.state == "replied" and proposal.proposers[0].name == "魏农"
    reply = store.find_reply_by_doc_number("常工信复〔2021〕第39号")
    assert reply.proposal_id == proposal.id and reply.result_class == "A"
    assert [c.title for c in store.commitments_of(reply.id)] == ["2021年完成5G建设投资15亿元", "累计开通基站数超1万个"]
    assert store.feedback_of(reply.id)[0].rating == "satisfied"
    assert len(store.history("proposals")) == 2  # every change is in the history


def test_ledger_import_newer_version_updates_instead_of_duplicating(store: Store, tmp_path: Path) -> None:
    import_ledger(store, read_ledger(changzhou_ledger(tmp_path / "v1.xlsx")))
    outcome = import_ledger(store, read_ledger(changzhou_ledger(tmp_path / "v2.xlsx", newer=True)))
    assert outcome.created == {"commitments": 1, "feedback": 1, "targets": 1}
    assert outcome.updated == {"replies": 1}
    assert store.count(Proposal) == 2 and store.count(Reply) == 2 and store.count(Commitment) == 4
    reply = store.find_reply_by_doc_number("常工信复〔2021〕第40号")
    assert reply.reply_date == dt.date(2021, 6, 9)
    assert store.feedback_of(reply.id)[0].rating == "basically_satisfied"
    again = import_ledger(store, read_ledger(changzhou_ledger(tmp_path / "v3.xlsx", newer=True)))
    assert not again.created and not again.updated


def test_ledger_import_bad_rows_fail_the_whole_import(demo_store: Store, tmp_path: Path) -> None:
    before = _dump(demo_store)
    with pytest.raises(LedgerImportRejected) as caught:
        import_ledger(demo_store, read_ledger(cppcc_ledger(tmp_path / "cppcc.xlsx")))
    rejected = caught.value
    assert [(p.row, p.column) for p in rejected.problems] == [(4, "办结时间"), (4, "满意度"), (5, "复函文号")]
    assert rejected.code == "import_rejected" and "2 row(s) of 'cppcc.xlsx'" in rejected.message
    assert _dump(demo_store) == before


def test_ledger_import_database_refusal_is_a_row_problem(demo_store: Store, tmp_path: Path) -> None:
    """A document number that already answers another proposal is refused by row, and nothing is written."""
    path = changzhou_ledger(tmp_path / "ledger.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb.active["B6"] = "第099号"
    wb.active["I6"] = "常工信复〔2021〕第39号"  # the demo's reply to 第021号
    wb.save(path)
    before = _dump(demo_store)
    with pytest.raises(LedgerImportRejected) as caught:
        import_ledger(demo_store, read_ledger(path))
    assert [(p.row, p.column) for p in caught.value.problems] == [(6, "答复文号")]
    assert "already belongs to the reply to 常州市十六届人大五次会议建议第021号" in caught.value.problems[0].message
    assert _dump(demo_store) == before


def test_ledger_import_skip_bad_takes_the_good_rows(store: Store, tmp_path: Path) -> None:
    outcome = import_ledger(store, read_ledger(cppcc_ledger(tmp_path / "cppcc.xlsx")), skip_bad=True)
    assert outcome.rows_written == 1 and len(outcome.problems) == 3
    assert [p.number for p in store.list(Proposal)] == ["0101"]
    assert store.list(Proposal)[0].kind == "proposal"


def test_ledger_import_dry_run_writes_nothing(store: Store, tmp_path: Path) -> None:
    before = _dump(store)
    outcome = import_ledger(store, read_ledger(changzhou_ledger(tmp_path / "ledger.xlsx")), dry_run=True)
    assert outcome.dry_run and outcome.created["proposals"] == 2 and "would be imported" in outcome.summary()
    assert _dump(store) == before
    with pytest.raises(LedgerImportRejected):
        import_ledger(store, read_ledger(cppcc_ledger(tmp_path / "cppcc.xlsx")), dry_run=True)
    assert _dump(store) == before


def test_ledger_import_without_optional_columns(store: Store, tmp_path: Path) -> None:
    plan = read_ledger(minimal_ledger(tmp_path / "minimal.xlsx"), session="常州市十七届人大一次会议")
    outcome = import_ledger(store, plan)
    assert outcome.created == {"proposals": 2, "replies": 2}
    assert store.count(Feedback) == 0
    assert {r.reply_date for r in store.list(Reply)} == {dt.date(2022, 5, 30), dt.date(2022, 5, 28)}


def test_ledger_import_cancel_rolls_back(store: Store, tmp_path: Path) -> None:
    before = _dump(store)
    with pytest.raises(Cancelled):
        import_ledger(store, read_ledger(changzhou_ledger(tmp_path / "ledger.xlsx")), is_cancelled=lambda: True)
    assert _dump(store) == before and not store.conn.in_transaction
