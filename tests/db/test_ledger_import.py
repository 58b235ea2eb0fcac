"""Importing Excel ledgers into a store: all or nothing, updates instead of duplicates, skip-bad and dry runs."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from db import Store
from db.ledger_import import LedgerImportRejected, import_ledger
from desktop.core.errors import Cancelled
from desktop.core.ledger_import import read_ledger
from desktop.core.records import Commitment, Evidence, Feedback, Proposal, Reply, SourceDocument, Target
from desktop.core.settings import RESULT_CLASS_SCHEMES
from tests.backends import dump
from tests.ledger_workbooks import (
    changzhou_ledger,
    cppcc_ledger,
    edited_wording_ledger,
    formula_title_ledger,
    gbk_csv_ledger,
    merged_blank_rows_ledger,
    minimal_ledger,
    notes_ledger,
    ods_ledger,
    office_year_ledger,
    two_row_header_ledger,
    wps_ledger,
    xls_ledger,
)


def _dump(store: Store) -> list:
    return dump(store)


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


# --------------------------------------------------------------------------------------------- offices' ledgers
def _landed(store: Store) -> dict:
    """What an import left in the store, in plain values."""
    proposals = sorted((p.session, p.number, p.title, tuple(p.co_units)) for p in store.list(Proposal))
    replies = sorted((r.doc_number or "", r.result_class or "", str(r.reply_date)) for r in store.list(Reply))
    targets = sorted((t.indicator, t.value, t.unit, str(t.deadline)) for t in store.list(Target))
    evidence = sorted((e.value, e.unit, e.quote) for e in store.list(Evidence))
    ratings = sorted(f.rating for f in store.list(Feedback))
    return {"proposals": proposals, "replies": replies, "targets": targets, "evidence": evidence, "ratings": ratings}


SIMPLE_LANDED_TARGETS = [("建成智慧停车平台", None, None, "2022-06-30"),
                         ("新增公共停车泊位数", 2000.0, "个", "2021-12-31")]


@pytest.mark.parametrize(("builder", "name", "session", "extra_targets"), [
    (xls_ledger, "ledger.xls", "常州市十六届人大五次会议", SIMPLE_LANDED_TARGETS),
    (ods_ledger, "ledger.ods", "常州市十六届人大五次会议", SIMPLE_LANDED_TARGETS[1:]),
    (wps_ledger, "ledger.xlsx", "常州市十六届人大五次会议", SIMPLE_LANDED_TARGETS[1:]),
    (gbk_csv_ledger, "ledger.csv", "2021年区人大代表建议", SIMPLE_LANDED_TARGETS[1:]),
    (formula_title_ledger, "ledger.xlsx", "2021年市人大代表建议", SIMPLE_LANDED_TARGETS[1:]),
])
def test_ledger_import_other_formats_land_the_same(store: Store, tmp_path: Path, builder, name: str, session: str,
                                                   extra_targets: list) -> None:
    """.xls, .ods, a WPS workbook, a GBK .csv and a workbook whose title is a formula without a cached value:
    each lands its proposals, classes written as B类/A类, ratings, the promise's target and the 落实情况 figure."""
    plan = read_ledger(builder(tmp_path / name))
    outcome = import_ledger(store, plan)
    assert not outcome.problems
    landed = _landed(store)
    assert [(s, n, t) for s, n, t, _ in landed["proposals"]] == [
        (session, "第5号", "关于建设智慧停车系统的建议"), (session, "第6号", "关于完善社区养老服务的建议")]
    assert landed["replies"] == [("", "A", "2021-06-22"), ("", "B", "2021-06-20")]
    assert landed["ratings"] == ["basically_satisfied", "satisfied"]
    assert landed["targets"] == sorted(extra_targets)
    assert landed["evidence"] == [(2300.0, "个", "已新增2300个")]


def test_ledger_import_gbk_and_utf8_csv_read_alike(tmp_path: Path) -> None:
    gbk = read_ledger(gbk_csv_ledger(tmp_path / "gbk.csv"))
    utf8 = read_ledger(gbk_csv_ledger(tmp_path / "utf8.csv", encoding="utf-8-sig"))
    assert gbk.encoding == "gbk" and utf8.encoding == "utf-8-sig"
    assert [r.proposal for r in gbk.rows] == [r.proposal for r in utf8.rows]


def test_ledger_import_formula_title_is_read_with_a_warning(tmp_path: Path) -> None:
    plan = read_ledger(formula_title_ledger(tmp_path / "f.xlsx"))
    assert plan.session == "2021年市人大代表建议" and plan.primary.session_source == "title rows"
    assert len(plan.warnings) == 1 and "(A1, A3, A4) have no saved value" in plan.warnings[0]


def test_ledger_import_two_row_header(store: Store, tmp_path: Path) -> None:
    plan = read_ledger(two_row_header_ledger(tmp_path / "two.xlsx"))
    assert (plan.primary.first_header_row, plan.header_row) == (2, 3)
    assert {m.field: m.header for m in plan.mapping} == {
        "seq": "序号", "number": "建议编号", "title": "建议标题", "lead_unit": "主办单位", "reply_date": "答复日期",
        "doc_number": "答复文号", "result_class": "办理结果", "commitment": "承诺事项", "progress": "进展情况"}
    import_ledger(store, plan)
    landed = _landed(store)
    assert landed["targets"] == [("完成老旧小区改造数", 50.0, "个", "2022-12-31")]
    assert landed["evidence"] == [(52.0, "个", "已完成52个")]


def test_ledger_import_merged_ranges_over_blank_rows_and_footers(store: Store, tmp_path: Path) -> None:
    """A merged range over blank rows does not make them rows; 制表/说明/注 rows are footers; nothing is bad."""
    plan = read_ledger(merged_blank_rows_ledger(tmp_path / "merged.xlsx"))
    assert not plan.problems and plan.primary.counts == {"blank": 2, "footer": 3}
    assert [(r.row, r.proposal.number) for r in plan.rows] == [(3, "第021号"), (4, "第021号"), (7, "第6号")]
    outcome = import_ledger(store, plan)
    assert outcome.created["proposals"] == 2 and outcome.created["commitments"] == 2
    assert _landed(store)["ratings"] == ["basically_satisfied", "satisfied"]


def test_ledger_import_two_sheets_per_year(store: Store, tmp_path: Path) -> None:
    """Both year sheets are read; 第1号 of 2021 and 第1号 of 2022 stay two proposals; dates without a year take
    the sheet's; words for classes map onto the office's scheme (A/B/C/D by default); 未反馈 is no rating."""
    plan = read_ledger(office_year_ledger(tmp_path / "office.xlsx"))
    assert [(sp.sheet, sp.session, sp.year) for sp in plan.sheet_plans] == [
        ("2021年", "2021年市人大代表建议", 2021), ("2022年", "2022年市人大代表建议", 2022)]
    assert [sp.counts for sp in plan.sheet_plans] == [{"blank": 1, "footer": 1}] * 2
    assert any("have no reply deadline in the ledger; it will be computed" in note for note in plan.notes)
    outcome = import_ledger(store, plan)
    assert outcome.created["proposals"] == 5 and not outcome.problems
    firsts = store.list(Proposal, "number = ?", ("第1号",), order_by="session")
    assert [(p.session, p.title, p.assigned_date) for p in firsts] == [
        ("2021年市人大代表建议", "关于加快推进智能工厂建设的建议", dt.date(2021, 3, 10)),
        ("2022年市人大代表建议", "关于支持专精特新企业发展的建议", dt.date(2022, 3, 8))]
    assert all(p.reply_due_date is None for p in store.list(Proposal))  # the office's rule computes it
    assert firsts[0].co_units == ["市发改委（市粮食和物资储备局）", "市财政局"]
    classes = {r.doc_number: r.result_class for r in store.list(Reply)}
    assert classes == {"常工信复〔2021〕第12号": "A", "常工信复〔2021〕第15号": "B", "常工信复〔2021〕第18号": "D",
                       "常工信复〔2022〕第7号": "A", "常工信复〔2022〕第9号": "B"}
    assert store.count(Feedback) == 4  # 未反馈 is no rating
    evidence = {e.quote: (e.value, e.as_of_date) for e in store.list(Evidence)}
    assert evidence == {"已完成32个": (32, dt.date(2022, 3, 31)), "完成1200个": (1200, dt.date(2022, 3, 31)),
                        "已培育85家": (85, dt.date(2023, 3, 31)), "已建成6个": (6, dt.date(2023, 3, 31))}
    source = store.list(SourceDocument)
    assert [s.file_name for s in source] == ["office.xlsx"] and source[0].content is not None
    assert all(e.source_document_id == source[0].id for e in store.list(Evidence))


def test_ledger_import_words_follow_the_office_scheme(tmp_path: Path) -> None:
    plan = read_ledger(office_year_ledger(tmp_path / "office.xlsx"), result_classes=RESULT_CLASS_SCHEMES["甲乙丙"])
    assert {r.reply.result_class for r in plan.rows} == {"甲", "乙", "丙"}


def test_ledger_import_unknown_word_is_one_message(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = office_year_ledger(tmp_path / "office.xlsx")
    wb = load_workbook(path)
    wb["2021年"]["G4"] = "已办结"
    wb["2021年"]["G5"] = "已办结"
    wb.save(path)
    plan = read_ledger(path)
    unknown = [p for p in plan.problems if p.code == "word_unknown"]
    assert len(unknown) == 1 and unknown[0].all_rows == (4, 5) and unknown[0].column == "办理结果"
    assert "'已办结' is not a word the import knows for the column 办理结果" in unknown[0].message
    assert "解决采纳" in unknown[0].message and str(unknown[0]).startswith("Sheet '2021年', rows 4, 5, column")
    given = read_ledger(path, mapping={"values": {"result_class": {"已办结": "A"}}})
    assert not given.problems


def test_ledger_import_reimport_with_edited_wording_updates_in_place(store: Store, tmp_path: Path) -> None:
    import_ledger(store, read_ledger(edited_wording_ledger(tmp_path / "v1.xlsx", edited=False)))
    first = store.list(Commitment, order_by="id")
    outcome = import_ledger(store, read_ledger(edited_wording_ledger(tmp_path / "v2.xlsx", edited=True)))
    again = store.list(Commitment, order_by="id")
    assert [c.id for c in again] == [c.id for c in first]  # the reworded promise is updated, not a second one
    assert again[0].quote == "2022年年底前建成省级智能工厂35个" and again[1].quote == "培育智能制造示范企业10家"
    assert outcome.updated["commitments"] == 1 and not outcome.created.get("commitments")
    target = store.list(Target, "commitment_id = ?", (again[0].id,))
    assert [(t.indicator, t.value) for t in target] == [("建成省级智能工厂数", 35)]
    assert sorted(e.value for e in store.list(Evidence, "target_id = ?", (target[0].id,))) == [20, 36]


def test_ledger_import_cut_text_never_replaces_the_whole(store: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = edited_wording_ledger(tmp_path / "v1.xlsx", edited=False)
    import_ledger(store, read_ledger(path))
    whole = store.list(Commitment, order_by="id")[1]
    wb = load_workbook(path)
    wb.active["F4"] = "培育智能制造示范企业…（已截断，原文共13字）"
    wb.save(path)
    plan = read_ledger(path)
    assert len(plan.warnings) == 1 and "cut at Excel's cell limit" in plan.warnings[0]
    import_ledger(store, plan)
    assert store.get(Commitment, whole.id).quote == "培育智能制造示范企业10家"


def test_ledger_import_co_units_with_marks_survive_the_round_trip(store: Store, tmp_path: Path) -> None:
    from db.export import export_ledger

    units = ["市委宣传部（市新闻出版局、市版权局）", "市住建局、市城管局联合办", "市委网信办/市互联网信息办"]
    store.save(Proposal(session="常州市十七届人大一次会议", number="第9号", title="关于某事的建议", co_units=units))
    path = export_ledger(store, tmp_path / "out.xlsx").path
    with Store.open(tmp_path / "empty.sqlite3") as empty:
        import_ledger(empty, read_ledger(path))
        assert empty.list(Proposal)[0].co_units == units


def test_ledger_import_limits_are_named(tmp_path: Path) -> None:
    from desktop.core.errors import LedgerError
    from desktop.core.ledger_import import ReadLimits

    path = gbk_csv_ledger(tmp_path / "l.csv")
    with pytest.raises(LedgerError) as too_big:
        read_ledger(path, limits=ReadLimits(file_bytes=100))
    assert too_big.value.code == "ledger_too_large" and "more than the limit of 100 bytes" in too_big.value.message
    with pytest.raises(LedgerError) as too_long:
        read_ledger(path, limits=ReadLimits(rows=2))
    assert "more than the limit of 2 rows" in too_long.value.message


def test_ledger_import_notes_and_baselines_land_and_come_back(store: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from db.export import export_ledger

    outcome = import_ledger(store, read_ledger(notes_ledger(tmp_path / "notes.xlsx")))
    assert not outcome.problems
    assert store.find_proposal("2022年市人大代表建议", "11").notes == "重点督办件"
    no_promise = store.find_proposal("2022年市人大代表建议", "12")
    assert no_promise.notes == "代表已当面沟通\n落实情况：已协调供电公司开辟绿色通道\n完成时限：2022年6月底"
    assert store.count(Target, "kind = 'baseline'") == 0  # 目前已建成智能车间20个 is the promise's baseline
    (workshops,) = store.list(Target, "indicator = '建成智能车间数'")
    assert (workshops.value, workshops.baseline_value, workshops.baseline_date) == (30, 20, dt.date(2022, 5, 30))
    assert [(e.value, e.as_of_date) for e in store.evidence_of(workshops.id)] == [(32, dt.date(2022, 3, 31))]
    assert [h for h in store.search("当面沟通") if h.kind == "proposal"]  # notes are searched
    # The 建议 sheet shows the notes, and our own workbook brings them back whole.
    path = export_ledger(store, tmp_path / "out.xlsx", as_of=dt.date(2023, 3, 31)).path
    sheet = load_workbook(path, read_only=True)["建议"]
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("备注")
    notes = [row[column] for row in rows[1:] if len(row) > column and row[column]]
    assert sorted(notes) == sorted([no_promise.notes, "重点督办件"])
    with Store.open(tmp_path / "empty.sqlite3") as empty:
        import_ledger(empty, read_ledger(path))
        assert {p.number: p.notes for p in empty.list(Proposal)} == {p.number: p.notes for p in store.list(Proposal)}
        again = export_ledger(empty, tmp_path / "again.xlsx", as_of=dt.date(2023, 3, 31)).path
        assert list(load_workbook(again, read_only=True)["建议"].iter_rows(values_only=True)) == rows


def test_ledger_import_a_baseline_target_of_an_earlier_import_becomes_the_baseline(store: Store,
                                                                                   tmp_path: Path) -> None:
    path = notes_ledger(tmp_path / "notes.xlsx")
    import_ledger(store, read_ledger(path))
    (promise,) = store.list(Target, "indicator = '建成智能车间数'")
    # As an earlier version of the import stored it: the present figure as a baseline target before the promise.
    store.save(Target(commitment_id=promise.commitment_id, indicator="建成智能车间数", comparator="=", value=20,
                      unit="个", value_normalized=20, unit_normalized="个", kind="baseline",
                      quote="目前已建成智能车间20个"))
    import_ledger(store, read_ledger(path))
    assert [(t.id, t.kind) for t in store.targets_of(promise.commitment_id)] == [(promise.id, "commitment")]
    assert store.get(Target, promise.id).baseline_value == 20


def test_ledger_import_the_same_file_again_redates_its_evidence_rather_than_adding_it(store: Store,
                                                                                      tmp_path: Path) -> None:
    path = notes_ledger(tmp_path / "notes.xlsx")
    import_ledger(store, read_ledger(path))
    (workshops,) = store.list(Target, "indicator = '建成智能车间数'")
    (figure,) = store.evidence_of(workshops.id)
    # As an earlier version of the import dated it: by the ledger's 填报时间, not the date its cell states.
    store.save(dataclasses.replace(figure, as_of_date=dt.date(2023, 3, 31)))
    outcome = import_ledger(store, read_ledger(path))
    assert [(e.id, e.as_of_date) for e in store.evidence_of(workshops.id)] == [(figure.id, dt.date(2022, 3, 31))]
    assert outcome.updated == {"evidence": 1}
