"""The audit workbook from a real database: filters, judgement as of a date, history, and the round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from db import Store
from db.export import export_ledger, parse_state, parse_year
from db.ledger_import import import_ledger
from desktop.core.errors import Cancelled, LedgerError
from desktop.core.ledger_import import read_ledger
from desktop.core.records import Commitment, Proposal, Reminder, Reply, Target
from desktop.core.xlsx_export import ExportFilters
from tests.backends import temporary_tables

AS_OF = dt.date(2022, 3, 31)


def _sheets(path: Path) -> dict[str, list[list]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def _records(rows: list[list]) -> list[dict]:
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_export_demo_as_of_a_date(demo_store: Store, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    result = export_ledger(demo_store, tmp_path / "demo.xlsx", as_of=AS_OF,
                           progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (1000, 1000) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    sheets = _sheets(result.path)
    targets = _records(sheets["承诺与指标"])
    assert len(targets) == 15  # 13 targets, and 2 qualitative commitments with none
    stations = next(t for t in targets if t["指标"] == "累计开通5G基站数")
    assert stations["指标状态"] == "已达成" and stations["佐证日期"] == dt.date(2022, 3, 3)
    assert stations["佐证来源"].startswith("常州日报")
    assert next(t for t in targets if t["指标"] == "5G建设投资")["指标状态"] == "逾期无佐证"
    evidence = _records(sheets["佐证"])
    assert evidence[0]["来源文件"] == "news_2022-03-03_changzhou_digital_economy.md"
    assert len(evidence[0]["来源文件SHA-256"]) == 64
    history = _records(sheets["变更记录"])
    assert len(history) == len(demo_store.history())
    assert history[0]["操作"] == "新增" and isinstance(history[0]["时间"], dt.datetime)
    assert result.rows["提醒"] == 16
    findings = _records(sheets["回头看"])
    assert {f["对象"] for f in findings} == {"常工信复〔2021〕第39号｜实现全市城乡5G网络全覆盖",
                                           "常工信复〔2021〕第39号｜走出常州特色政务服务发展之路"}
    assert {f["发现类型"] for f in findings} == {"承诺无指标无佐证"}
    # Before the news of 2022-03-03, the same target had no data.
    earlier = _records(_sheets(export_ledger(demo_store, tmp_path / "early.xlsx", as_of=dt.date(2021, 12, 1)).path)
                       ["承诺与指标"])
    assert next(t for t in earlier if t["指标"] == "累计开通5G基站数")["指标状态"] == "无数据"


def test_export_filters(demo_store: Store, tmp_path: Path) -> None:
    met = export_ledger(demo_store, tmp_path / "met.xlsx", as_of=AS_OF, filters=ExportFilters(state="met"))
    sheets = _sheets(met.path)
    assert [t["指标"] for t in _records(sheets["承诺与指标"])] == ["累计开通5G基站数"]
    assert len(_records(sheets["佐证"])) == 1 and len(_records(sheets["建议"])) == 1
    assert [r["关联对象"] for r in _records(sheets["提醒"])] == ["常州市十六届人大五次会议建议第021号",
                                                              "常工信复〔2021〕第39号｜累计开通5G基站超1万个"]
    assert any(row[:2] == ["筛选条件", "状态：已达成"] for row in sheets["汇总"])
    history = _records(sheets["变更记录"])
    assert history and {h["表"] for h in history} <= {"建议", "提出人", "答复", "评价", "承诺", "指标", "佐证", "提醒"}
    assert len(history) < len(demo_store.history())

    unit = _sheets(export_ledger(demo_store, tmp_path / "unit.xlsx", as_of=AS_OF,
                                 filters=ExportFilters(unit="常州市工业和信息化局", year=2021,
                                                       session="十六届人大五次")).path)
    assert len(_records(unit["承诺与指标"])) == 15
    nobody = _sheets(export_ledger(demo_store, tmp_path / "none.xlsx", as_of=AS_OF,
                                   filters=ExportFilters(unit="常州市教育局")).path)
    assert _records(nobody["建议"]) == [] and _records(nobody["承诺与指标"]) == []
    assert _records(nobody["变更记录"]) == []
    wrong_year = _sheets(export_ledger(demo_store, tmp_path / "y.xlsx", filters=ExportFilters(year=2020)).path)
    assert _records(wrong_year["答复"]) == []


def test_export_filter_values() -> None:
    assert parse_state("有风险") == "at_risk" and parse_state("missed") == "missed" and parse_state(None) is None
    assert parse_year("2021") == 2021
    with pytest.raises(LedgerError, match="not a state"):
        parse_state("good")
    with pytest.raises(LedgerError, match="not a year"):
        parse_year("21年")


def test_export_cancel_writes_nothing(demo_store: Store, tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        export_ledger(demo_store, tmp_path / "demo.xlsx", is_cancelled=lambda: True)
    with pytest.raises(Cancelled):  # while judging for the state filter
        export_ledger(demo_store, tmp_path / "demo.xlsx", filters=ExportFilters(state="met"),
                      is_cancelled=lambda: True)
    assert not (tmp_path / "demo.xlsx").exists()
    assert not demo_store.conn.in_transaction
    assert temporary_tables(demo_store) == []


def test_export_import_export_round_trip(demo_store: Store, tmp_path: Path, db_path: Path) -> None:
    """Export, import into an empty database, export again: every sheet but the history says the same."""
    first = export_ledger(demo_store, tmp_path / "first.xlsx", as_of=AS_OF).path
    with Store.open(db_path, actor="tester") as empty:
        outcome = import_ledger(empty, read_ledger(first))
        assert not outcome.problems
        assert outcome.created["targets"] == 13 and outcome.created["commitments"] == 15
        second = export_ledger(empty, tmp_path / "second.xlsx", as_of=AS_OF).path
    before, after = _sheets(first), _sheets(second)
    assert list(before) == list(after)
    for name in ("建议", "答复", "承诺与指标", "提醒", "回头看"):
        assert after[name] == before[name], name
    # The files themselves are not carried by the workbook: the re-imported evidence names no source file.
    strip = ("来源文件", "来源文件SHA-256")
    assert [{k: v for k, v in r.items() if k not in strip} for r in _records(after["佐证"])] == \
        [{k: v for k, v in r.items() if k not in strip} for r in _records(before["佐证"])]
    # The export time, the change log's size and the history chain's head belong to each ledger: the new
    # database has the history of the import.
    own = ("导出时间", "变更记录", "变更记录链")
    summary = [row for row in before["汇总"] if row[0] not in own]
    assert [row for row in after["汇总"] if row[0] not in own] == summary


def test_export_import_into_the_same_database_changes_nothing(demo_store: Store, tmp_path: Path) -> None:
    path = export_ledger(demo_store, tmp_path / "demo.xlsx", as_of=AS_OF).path
    history = len(demo_store.history())
    outcome = import_ledger(demo_store, read_ledger(path))
    assert not outcome.created and not outcome.updated and not outcome.problems
    assert len(demo_store.history()) == history
    reply = demo_store.list(Reply)[0]
    assert reply.text and reply.source_document_id  # fields the workbook does not carry are kept
    assert demo_store.count(Proposal) == 1 and demo_store.count(Commitment) == 15


def test_export_names_the_targets_of_reminders_without_a_query_per_reminder(demo_store: Store, tmp_path: Path
                                                                             ) -> None:
    """The reminders' query brings each target's indicator and commitment along: more reminders about targets do
    not make the export ask the database more often."""
    targets = demo_store.list(Target)[:6]

    def statements_of_export(name: str) -> int:
        executed: list[str] = []
        demo_store.conn.set_trace_callback(executed.append)
        try:
            rows = _records(_sheets(export_ledger(demo_store, tmp_path / name, as_of=AS_OF).path)["提醒"])
        finally:
            demo_store.conn.set_trace_callback(None)
        assert all(row["关联对象"] for row in rows if row["关联类型"] == "指标")
        return len(executed)

    demo_store.save(Reminder(kind="custom", title="核实", due_date=dt.date(2022, 3, 1), subject_table="targets",
                             subject_id=targets[0].id, uid="first@test"))
    one = statements_of_export("one.xlsx")
    for index, target in enumerate(targets[1:]):
        demo_store.save(Reminder(kind="custom", title="核实", due_date=dt.date(2022, 3, 1), subject_table="targets",
                                 subject_id=target.id, uid=f"more{index}@test"))
    assert statements_of_export("six.xlsx") == one


def test_export_streams_reminders_and_names_their_targets_as_it_goes(demo_store: Store, tmp_path: Path) -> None:
    """Reminders are read through a cursor as their sheet is written (a ledger's 50 000 reminders are never all in
    memory), and each target a reminder or a finding names is looked up when its row is written."""
    from db.export import gather_snapshot

    demo_store.conn.execute("BEGIN")
    cursors: list = []
    try:
        snapshot = gather_snapshot(demo_store, AS_OF, ExportFilters(), generated_at=dt.datetime(2022, 4, 1),
                                   cursors=cursors)
        assert not isinstance(snapshot.reminders, list) and snapshot.reminder_count == 16
        assert len(snapshot.target_names) == 0  # nothing is held: names are looked up
        target = demo_store.list(Target)[0]
        commitment = demo_store.get(Commitment, target.commitment_id)
        assert snapshot.target_names.get(target.id).endswith(f"｜{commitment.title}｜{target.indicator}")
        assert snapshot.target_names.get(10**9) is None
    finally:
        for cursor in cursors:
            cursor.close()
        demo_store.conn.execute("ROLLBACK")
    demo_store.save(Reminder(kind="custom", title="核实基站数", due_date=dt.date(2022, 3, 1), subject_table="targets",
                             subject_id=target.id, uid="check@test"))
    rows = _records(_sheets(export_ledger(demo_store, tmp_path / "demo.xlsx", as_of=AS_OF).path)["提醒"])
    assert [row["关联对象"] for row in rows if row["标题"] == "核实基站数"] == [snapshot.target_names[target.id]]
