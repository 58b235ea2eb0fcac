"""Reading Excel ledgers: header guessing, merged cells, text dates, totals rows, mapping files (nothing written)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop.core.errors import LedgerError
from desktop.core.ledger_import import (
    guess_mapping,
    load_mapping,
    match_header,
    parse_deadline,
    parse_rating,
    parse_result_class,
    read_ledger,
    session_from_title,
    short_title,
)
from desktop.core.ledger_import.promises import progress_evidence, promise_targets
from desktop.core.ledger_import.values import stated_dates
from tests.ledger_workbooks import changzhou_ledger, cppcc_ledger, minimal_ledger, notes_ledger


@pytest.mark.parametrize(("header", "field"), [
    ("提案号", "number"), ("建议编号", "number"), ("案由", "title"), ("领衔代表", "proposer"), ("提出人", "proposer"),
    ("承办单位", "lead_unit"), ("协办单位", "co_units"), ("答复类别", "result_class"), ("办结时间", "reply_date"),
    ("复函文号", "doc_number"), ("满意度", "rating"), ("落实措施", "commitment"), ("完成时限", "deadline"),
    ("进展", "progress"), ("备注", "notes"), ("序号", "seq"), ("答复日期\n(年月日)", "reply_date"),
    ("建议标题名称", "title"), ("领衔代表姓名", "proposer"), ("*承诺事项", "commitment"),
])
def test_ledger_import_header_names(header: str, field: str) -> None:
    found = match_header(header)
    assert found is not None and found[0] == field


def test_ledger_import_unrelated_headers_are_not_guessed() -> None:
    assert match_header("无关列") is None
    assert match_header("") is None
    matches, ignored = guess_mapping({1: "编号", 2: "标题", 3: "天气"})
    assert [(m.field, m.column) for m in matches] == [("number", 1), ("title", 2)] and ignored == ["天气"]


def test_ledger_import_value_parsers() -> None:
    assert parse_rating("基本满意") == "basically_satisfied" and parse_rating("不满意") == "unsatisfied"
    assert parse_rating(" 满意 ") == "satisfied"
    with pytest.raises(ValueError, match="not a rating"):
        parse_rating("还行")
    assert parse_result_class("A类") == "A" and parse_result_class("b") == "B" and parse_result_class("甲类") == "甲"
    with pytest.raises(ValueError, match="not a result class"):
        parse_result_class("E")
    assert parse_deadline("2021年底") == (dt.date(2021, 12, 31), "2021年底")
    assert parse_deadline("2021年6月底") == (dt.date(2021, 6, 30), "2021年6月底")
    assert parse_deadline("2021.6.10") == (dt.date(2021, 6, 10), None)
    assert parse_deadline("“十四五”期末") == (None, "“十四五”期末")
    assert session_from_title("常州市十六届人大五次会议代表建议办理台账") == "常州市十六届人大五次会议"
    assert session_from_title("政协常州市十四届五次会议提案办理情况一览表") == "政协常州市十四届五次会议"
    assert short_title("2021年完成5G建设投资15亿元；累计开通基站数超1万个。") == "2021年完成5G建设投资15亿元"


def test_ledger_import_merged_title_rows_and_cells(tmp_path: Path) -> None:
    plan = read_ledger(changzhou_ledger(tmp_path / "ledger.xlsx"))
    assert plan.kind == "foreign" and plan.sheet == "建议台账" and plan.header_row == 3
    assert {m.field: m.header for m in plan.mapping}["doc_number"] == "答复文号"
    assert not plan.problems
    assert [row.row for row in plan.rows] == [4, 5, 6]  # the blank row and the totals row are skipped
    assert plan.primary.counts == {"blank": 1, "totals": 1}
    first, second, third = plan.rows
    # Row 5 shares the merged proposal cells of row 4: same proposal, same reply, its own commitment.
    assert first.proposal.session == second.proposal.session == "常州市十六届人大五次会议"
    assert second.proposal.number == "第021号" and second.reply_ref == first.reply_ref
    assert [p.name for p in first.proposal.proposers] == ["魏农"]
    assert first.proposal.co_units == ["市发改委", "市通信管理办"]
    assert first.reply.reply_date == dt.date(2021, 6, 8) and first.reply.result_class == "A"
    assert first.commitment.deadline == dt.date(2021, 12, 31) and first.commitment.deadline_text == "2021年底"
    assert first.commitment.notes == "落实情况：已完成投资16亿元"
    # The promise is measurable, and its 落实情况 figure is evidence for it, dated by the ledger (2021年12月).
    assert [(t.indicator, t.value, t.unit, t.deadline) for t in first.targets] == [
        ("完成5G建设投资", 15, "亿元", dt.date(2021, 12, 31))]
    assert [(i, e.value, e.unit, e.as_of_date) for i, e in first.evidence_of_targets] == [
        (0, 16, "亿元", dt.date(2021, 12, 31))]
    assert second.commitment.title == "累计开通基站数超1万个"
    assert "备注：见常州日报2022-03-03" in second.commitment.notes
    assert third.reply.reply_date == dt.date(2021, 6, 10)  # written as the text 2021.6.10
    assert [p.role for p in third.proposal.proposers] == ["lead", "cosigner"]
    assert first.feedback[0].rating == "satisfied" and not third.feedback


def test_ledger_import_other_names_chinese_dates_and_bad_rows(tmp_path: Path) -> None:
    plan = read_ledger(cppcc_ledger(tmp_path / "cppcc.xlsx"))
    mapping = {m.field: m.header for m in plan.mapping}
    assert mapping["number"] == "提案号" and mapping["reply_date"] == "办结时间" and mapping["rating"] == "满意度"
    assert [row.row for row in plan.rows] == [3]
    good = plan.rows[0]
    assert good.proposal.kind == "proposal" and good.proposal.body == "政协"
    assert good.reply.reply_date == dt.date(2021, 6, 10) and good.reply.result_class == "甲"
    problems = [(p.row, p.column) for p in plan.problems]
    assert problems == [(4, "办结时间"), (4, "满意度"), (5, "复函文号")]
    assert "'2021-13-40' is not a date" in str(plan.problems[0])
    assert str(plan.problems[0]).startswith("Sheet '提案办理', row 4, column '办结时间': ")


def test_ledger_import_missing_columns_need_a_session(tmp_path: Path) -> None:
    path = minimal_ledger(tmp_path / "minimal.xlsx")
    with pytest.raises(LedgerError) as caught:
        read_ledger(path)
    assert caught.value.code == "ledger_no_session" and "--session" in caught.value.message
    plan = read_ledger(path, session="常州市十七届人大一次会议")
    assert {m.field: m.how for m in plan.mapping}["title"] == "near"
    assert plan.ignored_headers == ["无关列"]
    assert [r.reply.reply_date for r in plan.rows] == [dt.date(2022, 5, 30), dt.date(2022, 5, 28)]
    assert all(r.commitment is None and r.reply.doc_number is None for r in plan.rows)
    assert any("no column for" in line and "答复文号" in line for line in plan.describe_mapping())


def test_ledger_import_mapping_file_overrides(tmp_path: Path) -> None:
    path = minimal_ledger(tmp_path / "minimal.xlsx")
    mapping_file = tmp_path / "map.json"
    mapping_file.write_text(json.dumps({"届次": None, "建议标题": "B", "领衔代表": None,
                                        "session": "常州市十七届人大一次会议"}, ensure_ascii=False), encoding="utf-8")
    plan = read_ledger(path, mapping=load_mapping(mapping_file))
    fields = {m.field: (m.header, m.how) for m in plan.mapping}
    assert fields["title"] == ("建议标题名称", "given") and "proposer" not in fields
    assert plan.rows[0].proposal.session == "常州市十七届人大一次会议" and not plan.rows[0].proposal.proposers


@pytest.mark.parametrize(("content", "code"), [
    ("{not json", "mapping_invalid"),
    ('["建议编号"]', "mapping_invalid"),
    ('{"建议号码": "编号"}', "mapping_unknown_field"),
    ('{"建议标题": 3}', "mapping_invalid"),
    ('{"header_row": 0}', "mapping_invalid"),
])
def test_ledger_import_bad_mapping_files(tmp_path: Path, content: str, code: str) -> None:
    mapping_file = tmp_path / "map.json"
    mapping_file.write_text(content, encoding="utf-8")
    with pytest.raises(LedgerError) as caught:
        load_mapping(mapping_file)
    assert caught.value.code == code and "map.json" in caught.value.message


def test_ledger_import_mapping_names_a_missing_header(tmp_path: Path) -> None:
    mapping_file = tmp_path / "map.json"
    mapping_file.write_text('{"建议标题": "题名"}', encoding="utf-8")
    with pytest.raises(LedgerError) as caught:
        read_ledger(minimal_ledger(tmp_path / "m.xlsx"), mapping=load_mapping(mapping_file), session="某届某次会议")
    assert caught.value.code == "mapping_bad_header" and "'题名'" in caught.value.message


def test_ledger_import_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    path.write_text("这不是Excel文件", encoding="utf-8")
    with pytest.raises(LedgerError) as caught:
        read_ledger(path)
    assert caught.value.code == "ledger_damaged" and "ledger.xlsx" in caught.value.message
    with pytest.raises(LedgerError) as missing:
        read_ledger(tmp_path / "absent.xlsx")
    assert missing.value.code == "ledger_missing"


def test_ledger_import_no_header_row(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["天气", "温度"])
    wb.active.append(["晴", 20])
    wb.save(tmp_path / "other.xlsx")
    with pytest.raises(LedgerError) as caught:
        read_ledger(tmp_path / "other.xlsx")
    assert caught.value.code == "ledger_no_header"


def test_ledger_import_row_problems_carry_the_code_and_facts_of_their_error(tmp_path: Path) -> None:
    plan = read_ledger(cppcc_ledger(tmp_path / "cppcc.xlsx"))
    assert [(p.code, p.facts.get("value")) for p in plan.problems] == [
        ("date_invalid", "2021-13-40"), ("word_unknown", "还行"), ("doc_number_invalid", "应急复2021-7")]


def test_ledger_import_not_strict_lists_what_the_mapping_must_fix(tmp_path: Path) -> None:
    plan = read_ledger(minimal_ledger(tmp_path / "minimal.xlsx"), strict=False)
    assert [b.code for b in plan.blockers] == ["ledger_no_session"] and plan.rows == []
    assert plan.headers == {1: "编号", 2: "建议标题名称", 3: "领衔代表姓名", 4: "主办单位", 5: "答复 时间", 6: "无关列"}
    assert plan.sheets == ["Sheet"] and plan.header_row == 1
    # The mapping the plan was read with reads it the same way; with a session the rows are read.
    again = read_ledger(plan.path, mapping={**plan.mapping_overrides(), "session": "常州市十七届人大一次会议"})
    assert [(m.field, m.column) for m in again.mapping] == [(m.field, m.column) for m in plan.mapping]
    assert not again.blockers and len(again.rows) == 2
    unmapped = plan.mapping_overrides()
    unmapped["fields"]["title"] = None
    blocked = read_ledger(plan.path, mapping=unmapped, strict=False)
    assert [(b.code, b.facts["field"]) for b in blocked.blockers[:1]] == [("ledger_missing_column", "建议标题")]
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["天气", "温度"])
    wb.save(tmp_path / "other.xlsx")
    no_header = read_ledger(tmp_path / "other.xlsx", strict=False)
    assert [b.code for b in no_header.blockers] == ["ledger_no_header"] and no_header.headers == {}


def test_ledger_import_notes_baselines_and_dated_progress(tmp_path: Path) -> None:
    plan = read_ledger(notes_ledger(tmp_path / "notes.xlsx"))
    assert not plan.problems
    by_number = {}
    for row in plan.rows:
        by_number.setdefault(row.proposal.number, []).append(row)
    # 备注 of a proposal (one row) is the proposal's, not its commitment's.
    (first,) = by_number["第11号"]
    assert first.proposal.notes == "重点督办件" and "notes" in first.proposal_fields
    assert first.commitment.notes == "落实情况：截至2022年3月底已建成32个"
    # The present figure of the promise cell is the baseline of its target, not a target of its own.
    assert [(t.kind, t.indicator, t.value, t.baseline_value, t.baseline_unit, t.baseline_date, t.baseline_quote)
            for t in first.targets] == [("commitment", "建成智能车间数", 30, 20, "个", dt.date(2022, 5, 30),
                                         "目前已建成智能车间20个")]
    # 落实情况 dates its figure itself; the ledger's date (填报时间2023年3月31日) is only the fallback.
    assert [(i, e.value, e.as_of_date) for i, e in first.evidence_of_targets] == [(0, 32, dt.date(2022, 3, 31))]
    # A row without a promise: its 备注, 落实情况 and 完成时限 are the proposal's notes, and the sheet says so.
    (second,) = by_number["第12号"]
    assert second.commitment is None
    assert second.proposal.notes == "代表已当面沟通\n落实情况：已协调供电公司开辟绿色通道\n完成时限：2022年6月底"
    sheet = plan.primary
    assert sheet.unmeasured_rows == [5]
    assert any("1 row(s) (5) state 落实情况 or 完成时限 without a promise" in line for line in sheet.describe())
    # Two rows of one proposal with a 备注 on one promise only: the remark stays with that promise.
    third, fourth = by_number["第13号"]
    assert third.proposal.notes is None and "notes" not in third.proposal_fields
    assert fourth.commitment.notes == "落实情况：已培育41个\n备注：见市通信管理办统计"
    assert [e.as_of_date for _, e in third.evidence_of_targets] == [dt.date(2023, 3, 31)]


@pytest.mark.parametrize(("text", "dates"), [
    ("截至2022年3月底已建成32个", [(2, dt.date(2022, 3, 31))]),
    ("2022年3月31日已完成", [(0, dt.date(2022, 3, 31))]),
    ("截至2022-03-15，完成1200个", [(2, dt.date(2022, 3, 15))]),
    ("2021年底已完成30个，2022年底前达到40个", [(0, dt.date(2021, 12, 31))]),  # 2022年底前 is a deadline
    ("2022年已完成", []),  # a year alone names no day
    ("2022年13月已完成", []), ("2022年2月30日已完成", []),
])
def test_ledger_import_dates_a_progress_cell_states(text: str, dates: list) -> None:
    assert stated_dates(text) == dates


def test_ledger_import_progress_figures_take_their_own_dates() -> None:
    targets = promise_targets("2022年底前新建5G基站1000个，培育5G应用场景50个", reference_date=dt.date(2022, 6, 1),
                              deadline=None, deadline_text=None)
    found = progress_evidence("截至2022年3月底已新建5G基站800个；应用场景已培育41个（截至2022年5月）",
                              targets, as_of=dt.date(2022, 6, 30), source_title="台账")
    assert [(i, e.value, e.as_of_date) for i, e in found] == [(0, 800, dt.date(2022, 3, 31)),
                                                             (1, 41, dt.date(2022, 5, 31))]
    planned = progress_evidence("计划2022年6月底前完成1000个，已完成800个", targets, as_of=dt.date(2022, 4, 30),
                                source_title="台账")
    # What the cell plans is no measurement, and a planned date dates no figure.
    assert [(i, e.value, e.as_of_date) for i, e in planned] == [(0, 800, dt.date(2022, 4, 30))]
