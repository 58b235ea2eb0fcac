"""Cells typed or pasted are read by the records' rules; tab-separated text as Excel writes and reads it."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.errors import RecordErrors
from desktop.core.grid import apply_cell, parse_tsv, plan_paste, to_tsv
from desktop.core.records import Commitment, Proposal


def test_grid_tsv_round_trip_with_tabs_quotes_and_line_breaks() -> None:
    rows = [["第021号", '关于"新基建"的建议', "魏农\t王芳"], ["第045号", "第一行\n第二行", ""]]
    text = to_tsv(["编号", "标题", "提出人"], rows)
    assert text.startswith("编号\t标题\t提出人\r\n")
    assert parse_tsv(text) == [["编号", "标题", "提出人"], *rows]
    assert parse_tsv("a\tb\r\n\r\n\r\n") == [["a", "b"]]


def test_grid_apply_cell_reads_dates_labels_and_refuses_bad_values() -> None:
    proposal = Proposal(session="常州市十六届人大五次会议", number="第021号", title="新基建")
    assert apply_cell(proposal, "proposal", "assigned_date", "2021年3月10日").assigned_date == dt.date(2021, 3, 10)
    assert apply_cell(proposal, "proposal", "state", "已办结").state == "closed"
    assert apply_cell(proposal, "proposal", "key_supervised", "是").key_supervised is True
    with pytest.raises(RecordErrors) as refused:
        apply_cell(proposal, "proposal", "title", "  ")
    assert refused.value.problems[0].code == "required"
    with pytest.raises(RecordErrors):
        apply_cell(proposal, "proposal", "reply_due_date", "2021-02-30")
    with pytest.raises(RecordErrors):  # the record's own rule: the reply is due after the assignment
        apply_cell(apply_cell(proposal, "proposal", "assigned_date", "2021-03-10"), "proposal", "reply_due_date",
                   "2021-01-01")
    commitment = Commitment(reply_id=1, title="建成5G基站")
    assert apply_cell(commitment, "commitment", "manual_state", "").manual_state is None


def test_grid_plan_paste_reads_ledger_headers_and_the_lists_own() -> None:
    cells = [["提案号", "案由", "提案人", "会议届次"], ["12", "智能制造", "张伟、李明", "政协十四届一次会议"]]
    plan = plan_paste("proposals", cells)
    assert plan.has_header and not plan.problems and not plan.missing
    [proposal] = plan.records
    assert (proposal.number, proposal.title, proposal.session) == ("12", "智能制造", "政协十四届一次会议")
    assert [p.name for p in proposal.proposers] == ["张伟", "李明"]
    own = plan_paste("commitments", [["Commitment", "Responsible unit"], ["建成5G基站1万个", "市工信局"]],
                     own_headers={"Commitment": "title", "Responsible unit": "responsible_unit"},
                     defaults={"reply_id": 7})
    assert [(c.title, c.responsible_unit, c.reply_id) for c in own.records] == [("建成5G基站1万个", "市工信局", 7)]
    # Values without a header row are read in the list's column order; the session is given for all rows.
    bare = plan_paste("proposals", [["第1号", "甲"], ["第2号", "乙"]], own_headers={"编号": "number", "标题": "title"},
                      defaults={"session": "常州市十六届人大五次会议"})
    assert not bare.has_header and [p.number for p in bare.records] == ["第1号", "第2号"]
    missing = plan_paste("proposals", [["建议编号", "建议标题"], ["第1号", "甲"]])
    assert missing.missing == ["session"] and not missing.records


def test_grid_plan_paste_replies_find_their_proposals_and_read_class_words() -> None:
    proposals = {("常州市十六届人大五次会议", "21"): 4, (None, "45"): 9}

    def find(session: str | None, text: str) -> int | None:
        digits = "".join(ch for ch in text if ch.isdigit()).lstrip("0")
        return proposals.get((session, digits)) or proposals.get((None, digits))

    cells = [["届次", "建议编号", "答复文号", "答复日期", "办理结果", "签发人"],
             ["常州市十六届人大五次会议", "第021号", "常工信复〔2021〕第39号", "2021年6月8日", "解决采纳", "沈新峰"],
             ["", "第045号", "常交复〔2022〕第12号", "2022-06-20", "B", ""]]
    plan = plan_paste("replies", cells, find_proposal=find)
    assert not plan.problems and not plan.missing
    assert [(r.proposal_id, r.doc_number, str(r.reply_date), r.result_class, r.signer) for r in plan.records] == [
        (4, "常工信复〔2021〕第39号", "2021-06-08", "A", "沈新峰"),
        (9, "常交复〔2022〕第12号", "2022-06-20", "B", None)]
    # A proposal the ledger does not hold, and a word for the class no office uses, are problems of their row.
    bad = plan_paste("replies", [["建议编号", "办理结果"], ["第099号", "A"], ["第021号", "还在研究"]],
                     find_proposal=find, defaults={"session": "常州市十六届人大五次会议"})
    assert [(p.row, p.column, p.error.code) for p in bad.problems] == [
        (1, "建议编号", "paste_proposal_missing"), (2, "办理结果", "word_unknown")]
    # Without a proposal column, the proposal chosen for every row.
    chosen = plan_paste("replies", [["答复文号"], ["常工信复〔2021〕第40号"]], defaults={"proposal_id": 4})
    assert [r.proposal_id for r in chosen.records] == [4]
    assert plan_paste("replies", [["答复文号"], ["常工信复〔2021〕第40号"]]).missing == ["proposal_id"]


def test_grid_plan_paste_evidence_reads_values_units_and_dates() -> None:
    cells = [["截至日期", "数值", "单位", "来源", "发布单位"],
             ["2022-03-03", "11080", "个", "常州日报", "常州日报社"],
             ["2022年6月30日", "≥1.2万个", "", "市通信管理办通报", ""],
             ["2022-09-30", "是", "", "", ""]]
    plan = plan_paste("evidence", cells, defaults={"target_id": 3})
    assert not plan.problems and not plan.missing
    assert [(e.target_id, str(e.as_of_date), e.comparator, e.value, e.unit, e.value_normalized, e.achieved,
             e.source_title) for e in plan.records] == [
        (3, "2022-03-03", "=", 11080, "个", 11080, None, "常州日报"),
        (3, "2022-06-30", ">=", 1.2, "万个", 12000, None, "市通信管理办通报"),
        (3, "2022-09-30", "=", None, None, None, True, None)]
    assert plan.records[0].publisher == "常州日报社"
    bad = plan_paste("evidence", [["日期", "数值"], ["", "5"], ["2022-01-01", "很多"]], defaults={"target_id": 3})
    assert [(p.row, p.column, p.error.code) for p in bad.problems] == [(1, "日期", "date_missing"),
                                                                      (2, "数值", "number_invalid")]
    assert plan_paste("evidence", [["日期", "数值"], ["2022-01-01", "5"]]).missing == ["target_id"]
