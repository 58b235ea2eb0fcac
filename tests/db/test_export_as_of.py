"""The audit workbook as of a date: every 汇总 figure against a hand count, for three dates.

The ledger: five proposals of 2021 with replies, ratings, contacts, publications and evidence on both sides of the
dates. P2 and P3 have no typed reply deadline (an imported ledger often has none): their deadline is the office's
rule, assignment + 3 months = 2021-06-10. P4 has no assignment date: whether it was answered on time cannot be
judged. P5 arrives after the second date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from db import Store
from db.export import export_ledger
from db.followup import deadline_rules, load_proposal_files
from desktop.core.handling import judge_handling
from desktop.core.records import Commitment, Contact, Evidence, Feedback, Proposal, Reply, Target

D = dt.date
SESSION = "常州市十六届人大五次会议"
EARLY, MIDDLE, LATE = D(2021, 5, 1), D(2021, 8, 1), D(2022, 3, 31)


@pytest.fixture
def ledger(db_path: Path) -> Store:
    store = Store.open(db_path, actor="tester")

    def proposal(number: str, **dates) -> Proposal:
        return store.save(Proposal(session=SESSION, number=number, title=f"建议{number}", **dates))

    def reply(p: Proposal, serial: int, day: D, **fields) -> Reply:
        return store.save(Reply(proposal_id=p.id, doc_number=f"常工信复〔2021〕第{serial}号", reply_date=day, **fields))

    p1 = proposal("第1号", assigned_date=D(2021, 3, 10), reply_due_date=D(2021, 6, 10))
    p2 = proposal("第2号", assigned_date=D(2021, 3, 10))
    p3 = proposal("第3号", assigned_date=D(2021, 3, 10))
    p4 = proposal("第4号", received_date=D(2021, 3, 1))
    proposal("第5号", received_date=D(2021, 9, 1), assigned_date=D(2021, 9, 5))
    r1 = reply(p1, 1, D(2021, 6, 1), result_class="A", disclosure="public", published_date=D(2021, 6, 20),
               published_where="常州市人民政府网站")
    r2 = reply(p2, 2, D(2021, 6, 1), result_class="B", disclosure="public")
    r3 = reply(p3, 3, D(2021, 7, 1), result_class="C", disclosure="not_public")
    reply(p4, 4, D(2021, 6, 15), disclosure="public", published_date=D(2021, 9, 1))
    store.save(Feedback(reply_id=r1.id, rating="satisfied", feedback_date=D(2021, 6, 25)))
    store.save(Feedback(reply_id=r2.id, rating="basically_satisfied", feedback_date=D(2021, 7, 10)))
    store.save(Feedback(reply_id=r3.id, rating="unsatisfied", feedback_date=D(2021, 8, 20)))
    store.save(Contact(proposal_id=p1.id, contact_date=D(2021, 4, 20), method="meeting", participants="魏农"))
    store.save(Contact(proposal_id=p2.id, contact_date=D(2021, 5, 15), method="phone"))
    store.save(Contact(proposal_id=p3.id, contact_date=D(2021, 6, 15), method="consultation"))
    store.save(Contact(proposal_id=p4.id, contact_date=D(2021, 9, 10), method="visit"))
    for r, value, figures in ((r1, 100, ((D(2021, 7, 1), 60), (D(2022, 1, 15), 120))),
                              (r2, 50, ((D(2021, 12, 1), 30),))):
        c = store.save(Commitment(reply_id=r.id, title=f"建设站点{value}个", deadline=D(2021, 12, 31)))
        t = store.save(Target(commitment_id=c.id, indicator=f"站点数{value}", comparator=">=", value=value, unit="个",
                              value_normalized=value, unit_normalized="个", deadline=D(2021, 12, 31),
                              cumulative=True))
        for day, figure in figures:
            store.save(Evidence(target_id=t.id, as_of_date=day, value=figure, unit="个"))
    yield store
    store.close()


def _summary(path: Path) -> dict[str, list]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("汇总").to_python()
    found: dict[str, list] = {}
    for row in rows:
        if row and row[0] and row[0] not in found:
            found[row[0]] = row[1:]
    return found


def _records(path: Path, sheet: str) -> list[dict]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


# Hand counts of the total column (合计): counts, then rates (None: nothing to divide by, an empty cell).
EXPECTED = {
    EARLY: {"建议件数": 4, "已办复件数": 0, "办复率": 0.0, "按期答复件数": 0, "无法判断是否按期件数（无交办日期）": 1,
            "答复期限按规则计算件数": 2, "按期答复率": 0.0, "见面件数（见面、面商、走访）": 1, "见面率": 0.25,
            "沟通件数（含电话）": 1, "应公开答复份数": 0, "已公开份数": 0, "按期公开份数": 0, "逾期未公开份数": 0,
            "公开率": None, "有评价件数": 0, "满意": 0, "基本满意": 0, "不满意": 0, "满意率（含基本满意）": None,
            "满意率（仅满意）": None, "标明办理结果的答复份数": 0, "A类占比": None, "承诺项数": 0, "到期承诺项数": 0,
            "到期已达成项数": 0, "落实率": None},
    MIDDLE: {"建议件数": 4, "已办复件数": 4, "办复率": 1.0, "按期答复件数": 2, "无法判断是否按期件数（无交办日期）": 1,
             "答复期限按规则计算件数": 2, "按期答复率": 2 / 3, "见面件数（见面、面商、走访）": 2, "见面率": 0.5,
             "沟通件数（含电话）": 3, "应公开答复份数": 3, "已公开份数": 1, "按期公开份数": 1, "逾期未公开份数": 2,
             "公开率": 1 / 3, "有评价件数": 2, "满意": 1, "基本满意": 1, "不满意": 0, "满意率（含基本满意）": 1.0,
             "满意率（仅满意）": 0.5, "标明办理结果的答复份数": 3, "A类占比": 1 / 3, "承诺项数": 2, "到期承诺项数": 0,
             "到期已达成项数": 0, "落实率": None},
    LATE: {"建议件数": 5, "已办复件数": 4, "办复率": 0.8, "按期答复件数": 2, "无法判断是否按期件数（无交办日期）": 1,
           "答复期限按规则计算件数": 3, "按期答复率": 0.5, "见面件数（见面、面商、走访）": 3, "见面率": 0.6,
           "沟通件数（含电话）": 4, "应公开答复份数": 3, "已公开份数": 2, "按期公开份数": 1, "逾期未公开份数": 1,
           "公开率": 2 / 3, "有评价件数": 3, "满意": 1, "基本满意": 1, "不满意": 1, "满意率（含基本满意）": 2 / 3,
           "满意率（仅满意）": 1 / 3, "标明办理结果的答复份数": 3, "A类占比": 1 / 3, "承诺项数": 2, "到期承诺项数": 2,
           "到期已达成项数": 1, "落实率": 0.5},
}


@pytest.mark.parametrize("as_of", [EARLY, MIDDLE, LATE], ids=str)
def test_summary_figures_match_a_hand_count(ledger: Store, tmp_path: Path, as_of: D) -> None:
    path = export_ledger(ledger, tmp_path / "ledger.xlsx", as_of=as_of).path
    summary = _summary(path)
    assert summary["项目"] == ["2021", "合计", *[""] * (len(summary["项目"]) - 2)]  # one year, then the total
    for label, expected in EXPECTED[as_of].items():
        year, total = summary[label][0], summary[label][1]
        if expected is None:
            assert (year, total) == ("", ""), label
        else:
            assert total == pytest.approx(expected) and year == pytest.approx(expected), label


def test_left_out_records_are_named(ledger: Store, tmp_path: Path) -> None:
    early = _summary(export_ledger(ledger, tmp_path / "early.xlsx", as_of=EARLY).path)
    assert early["截至日期后的记录"][0] == "未计入：建议1件、答复4份（连同其评价、承诺和佐证）、见面沟通3次"
    middle = _summary(export_ledger(ledger, tmp_path / "middle.xlsx", as_of=MIDDLE).path)
    assert middle["截至日期后的记录"][0] == "未计入：建议1件、评价1条、见面沟通1次、佐证2条"
    assert _summary(export_ledger(ledger, tmp_path / "late.xlsx", as_of=LATE).path)["截至日期后的记录"][0] == "无"


def test_sheets_show_the_day_and_agree_with_the_handling_states(ledger: Store, tmp_path: Path) -> None:
    for as_of, replies, evidence, contacts in ((EARLY, 0, 0, 1), (MIDDLE, 4, 1, 3), (LATE, 4, 3, 4)):
        path = export_ledger(ledger, tmp_path / f"{as_of}.xlsx", as_of=as_of).path
        assert len(_records(path, "答复")) == replies and len(_records(path, "佐证")) == evidence
        assert len(_records(path, "见面沟通")) == contacts
        proposals = {row["编号"]: row for row in _records(path, "建议")}
        files = load_proposal_files(ledger, as_of)
        states = {f.proposal.number: judge_handling(f, as_of, deadline_rules(ledger)).label for f in files}
        assert {number: row["办理状态"] for number, row in proposals.items()} == \
            {number: state for number, state in states.items() if number in proposals}
    late = {row["编号"]: row for row in _records(tmp_path / f"{LATE}.xlsx", "建议")}
    assert (late["第2号"]["应答复日期"], late["第2号"]["按期答复"]) == (D(2021, 6, 10), "按期")
    assert late["第2号"]["期限依据"] == "计算：交办2021-03-10 + 3个月 = 2021-06-10"
    assert late["第1号"]["期限依据"].startswith("录入：")
    assert (late["第3号"]["按期答复"], late["第3号"]["办理状态"]) == ("逾期", "不满意待再答复")
    assert (late["第4号"]["按期答复"], late["第4号"]["期限依据"]) == ("无法判断", "无交办日期，无法计算")
    assert (late["第5号"]["按期答复"], late["第5号"]["办理状态"]) == ("超期未答复", "超期未答复")
    assert late["第1号"]["见面"] == "是" and late["第2号"]["见面"] == "否"  # a call is not a meeting
    middle = {row["编号"]: row for row in _records(tmp_path / f"{MIDDLE}.xlsx", "建议")}
    assert middle["第3号"]["办理状态"] == "已答复待反馈"  # the 不满意 of 2021-08-20 was not given yet
    replies = {row["答复文号"]: row for row in _records(tmp_path / f"{MIDDLE}.xlsx", "答复")}
    assert replies["常工信复〔2021〕第4号"]["公开日期"] == ""  # published only on 2021-09-01
    assert replies["常工信复〔2021〕第2号"]["公开期限"] == D(2021, 6, 30)  # 20 working days, 端午 skipped
    assert replies["常工信复〔2021〕第2号"]["公开期限依据"].startswith("计算：答复2021-06-01 + 20个工作日")


def test_on_time_rate_of_a_ledger_imported_without_deadlines(ledger: Store, tmp_path: Path) -> None:
    """No typed deadline anywhere: the office's rule decides, and the figure is not 0 %."""
    for p in ledger.list(Proposal):
        ledger.save(Proposal(**{**p.__dict__, "reply_due_date": None}))
    summary = _summary(export_ledger(ledger, tmp_path / "ledger.xlsx", as_of=LATE).path)
    assert summary["按期答复件数"][1] == 2 and summary["按期答复率"][1] == pytest.approx(0.5)
    assert summary["答复期限按规则计算件数"][1] == 4
