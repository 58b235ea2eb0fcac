"""The audit workbook's core, fed plain records; read back with python-calamine, an independent reader."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from desktop.core.audit import Finding
from desktop.core.errors import Cancelled, LedgerError
from desktop.core.records import (
    Commitment,
    Evidence,
    Feedback,
    HistoryEntry,
    Proposal,
    Proposer,
    Reminder,
    Reply,
    Target,
)
from desktop.core.settings import RESULT_CLASS_SCHEMES
from desktop.core.status import judge_groups
from desktop.core.xlsx_export import (
    SHEET_COLUMNS,
    TRUNCATION_PATTERN,
    EvidenceLine,
    ExportFilters,
    LedgerSnapshot,
    compute_statistics,
    display_width,
    write_workbook,
)
from desktop.core.xlsx_export.cells import LINE_HEIGHT
from desktop.core.xlsx_export.statistics import count_commitment

AS_OF = dt.date(2022, 3, 31)
INJECTIONS = ("=HYPERLINK(\"http://example.com\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rline", "#N/A")


UNSUPPORTED = Finding("commitment_unsupported", "常州市十六届人大五次会议建议第035号", 2, "commitments", 3,
                      dt.date(2025, 12, 31), "承诺“走出常州特色政务服务发展之路”没有可衡量的指标，也没有佐证")


def _snapshot(title: str = "关于5G的建议", quote: str = "累计开通基站数超1万个", history=(),
              findings: list[Finding] | None = (UNSUPPORTED,)) -> LedgerSnapshot:
    """A small ledger: two proposals of 2021 (one answered late), three commitments, one met."""
    p1 = Proposal(id=1, session="常州市十六届人大五次会议", number="第021号", title=title,
                  assigned_date=dt.date(2021, 3, 10),
                  reply_due_date=dt.date(2021, 6, 10), lead_unit="常州市工业和信息化局", state="replied",
                  proposers=[Proposer(id=1, name="魏农"), Proposer(id=2, name="张敏", role="cosigner")])
    p2 = Proposal(id=2, session="常州市十六届人大五次会议", number="第035号", title="关于标识解析的建议",
                  assigned_date=dt.date(2021, 3, 10), reply_due_date=dt.date(2021, 6, 10),
                  lead_unit="常州市工业和信息化局")
    r1 = Reply(id=1, proposal_id=1, doc_number="常工信复〔2021〕第39号", reply_date=dt.date(2021, 6, 8),
               result_class="A",
               phone="0519-85681281")
    r2 = Reply(id=2, proposal_id=2, doc_number="常工信复〔2021〕第40号", reply_date=dt.date(2021, 6, 20),
               result_class="B")
    feedback = [Feedback(id=1, reply_id=1, rating="satisfied", feedback_date=dt.date(2021, 6, 25)),
                Feedback(id=2, reply_id=2, rating="basically_satisfied", feedback_date=dt.date(2021, 7, 1))]
    c1 = Commitment(id=1, reply_id=1, title="累计开通5G基站超1万个", quote=quote, deadline=dt.date(2021, 12, 31))
    c2 = Commitment(id=2, reply_id=1, title="完成5G建设投资", deadline=dt.date(2021, 12, 31))
    c3 = Commitment(id=3, reply_id=2, title="走出常州特色政务服务发展之路", deadline=dt.date(2025, 12, 31))
    t1 = Target(id=1, commitment_id=1, indicator="累计开通5G基站数", comparator=">", value=1, unit="万个",
                value_normalized=10000, unit_normalized="个", deadline=dt.date(2021, 12, 31), cumulative=True,
                baseline_value=7000, baseline_unit="个", baseline_date=dt.date(2021, 6, 8))
    t2 = Target(id=2, commitment_id=2, indicator="5G建设投资", comparator=">=", value=15, unit="亿元",
                value_normalized=1.5e9, unit_normalized="元", deadline=dt.date(2021, 12, 31), cumulative=False)
    e1 = Evidence(id=1, target_id=1, as_of_date=dt.date(2022, 3, 3), value=11080, unit="个", publisher="常州日报",
                  source_title="常州发展数字经济成绩斐然", quote="目前，我市已开通5G基站11080个")
    groups = list(judge_groups([c1, c2, c3], [t1, t2], [e1], AS_OF, {1: r1.reply_date, 2: r1.reply_date}))
    reminder = Reminder(id=1, kind="commitment_due", title="承诺到期：完成5G建设投资", due_date=dt.date(2021, 12, 31),
                        subject_table="commitments", subject_id=2, lead_days=30, uid="r1@test")
    return LedgerSnapshot(
        as_of=AS_OF, generated_at=dt.datetime(2022, 4, 1, 9, 30), filters=ExportFilters(unit="常州市工业和信息化局"),
        generated_by="tester", result_classes=RESULT_CLASS_SCHEMES["ABCD"], proposals=[p1, p2], replies=[r1, r2],
        feedback=feedback, groups=groups, target_row_count=3,
        commitment_facts={c.id: (c.title, c.reply_id) for c in (c1, c2, c3)},
        target_facts={t.id: (t.indicator, t.commitment_id) for t in (t1, t2)},
        evidence=[EvidenceLine(e1, t1.indicator, 1)], evidence_count=1, reminders=[reminder],
        history=list(history), history_count=len(history),
        findings=None if findings is None else list(findings))


def _rows(path: Path, sheet: str) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def test_xlsx_export_sheets_headers_and_types(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "ledger.xlsx", _snapshot()).path
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == ["汇总", "建议", "答复", "见面沟通", "承诺与指标", "佐证", "提醒", "回头看", "变更记录"]
    for name, columns in SHEET_COLUMNS.items():
        assert _rows(path, name)[0] == [c.header for c in columns]
    targets = _rows(path, "承诺与指标")
    header = targets[0]
    met = dict(zip(header, targets[1], strict=True))
    assert met["承诺期限"] == dt.date(2021, 12, 31) and met["佐证日期"] == dt.date(2022, 3, 3)
    assert met["目标值"] == 1.0 and met["最新佐证值"] == 11080.0 and met["基数"] == 7000.0
    assert met["指标状态"] == "已达成" and met["判定理由"].startswith("截至2022-03-03为11080个")
    assert met["进度"] == pytest.approx((11080 - 7000) / (10000 - 7000))
    assert met["答复文号"] == "常工信复〔2021〕第39号"
    qualitative = dict(zip(header, targets[3], strict=True))
    assert qualitative["承诺事项"] == "走出常州特色政务服务发展之路" and qualitative["指标"] == ""
    replies = {row[1]: dict(zip(_rows(path, "答复")[0], row, strict=True)) for row in _rows(path, "答复")[1:]}
    assert replies["常工信复〔2021〕第39号"]["联系电话"] == "0519-85681281"
    assert replies["常工信复〔2021〕第39号"]["答复满意度"] == "满意"
    assert replies["常工信复〔2021〕第39号"]["承诺数"] == 2
    finding = dict(zip(_rows(path, "回头看")[0], _rows(path, "回头看")[1], strict=True))
    assert finding["发现类型"] == "承诺无指标无佐证" and finding["日期"] == dt.date(2025, 12, 31)
    assert finding["对象"] == "常工信复〔2021〕第40号｜走出常州特色政务服务发展之路"
    reminder = dict(zip(_rows(path, "提醒")[0], _rows(path, "提醒")[1], strict=True))
    assert reminder["关联对象"] == "常工信复〔2021〕第39号｜完成5G建设投资" and reminder["提前天数"] == 30


def test_xlsx_export_number_formats_and_layout(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "ledger.xlsx", _snapshot()).path
    book = load_workbook(path)
    ws = book["承诺与指标"]
    header = [c.value for c in ws[1]]
    row = {h: c for h, c in zip(header, ws[2], strict=True)}
    assert row["承诺期限"].number_format == "yyyy-mm-dd" and row["承诺期限"].is_date
    assert row["进度"].number_format == "0.0%" and row["目标值"].data_type == "n"
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref == f"A1:{ws.cell(1, len(header)).column_letter}4"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    # One page wide (1, the file format's default, is left unwritten), as many pages high as needed.
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (1, None)
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$1:$1" and "&P" in ws.oddFooter.center.text
    widths = {h: ws.column_dimensions[c.column_letter].width for h, c in row.items()}
    assert widths["承诺事项"] >= display_width("累计开通5G基站超1万个") * 0.6
    assert ws.column_dimensions[row["承诺原文"].column_letter].hidden  # a folded detail column
    assert row["判定理由"].alignment.wrap_text
    rules = [rule.formula[0] for rng in ws.conditional_formatting for rule in rng.rules]
    assert {'"已达成"', '"有风险"', '"未达成"', '"逾期无佐证"'} <= set(rules)
    assert book.properties.title == "答复承诺台账审计工作簿" and book.properties.creator == "tester"
    assert "常州市工业和信息化局" in book.properties.description
    summary = book["汇总"]
    assert summary["B3"].value == "单位：常州市工业和信息化局"
    assert summary._charts, "the summary carries a native chart"


def test_xlsx_export_summary_statistics(tmp_path: Path) -> None:
    snapshot = _snapshot()
    delivery: dict = {}
    for group in snapshot.groups:
        count_commitment(delivery, group.commitment.reply_id, group.judgement.state, group.commitment.deadline, AS_OF)
    stats = compute_statistics(snapshot, delivery)
    year, total = stats[0], stats[-1]
    assert year.year == 2021 and total.year is None
    assert (year.proposals, year.replied, year.replied_on_time) == (2, 2, 1)
    assert year.reply_rate == 1.0 and year.on_time_rate == 0.5
    assert (year.rated, year.satisfied, year.basically_satisfied) == (2, 1, 1)
    assert year.satisfaction_rate == 1.0 and year.strict_satisfaction_rate == 0.5
    assert year.class_share("A") == 0.5 and year.class_share("B") == 0.5 and year.class_share("C") == 0.0
    # Two commitments were due by 2022-03-31; the 5G stations one was met.
    assert (year.commitments, year.commitments_due, year.commitments_met) == (3, 2, 1)
    assert year.delivery_rate == 0.5
    path = write_workbook(tmp_path / "ledger.xlsx", _snapshot()).path
    rows = _rows(path, "汇总")
    by_label: dict[str, list] = {}
    notes: dict[str, list] = {}
    for row in rows:
        if row and row[0]:
            (notes if row[0] in by_label else by_label).setdefault(row[0], row[1:])
    assert by_label["办复率"][0] == 1.0 and by_label["按期答复率"][0] == 0.5 and by_label["落实率"][0] == 0.5
    assert by_label["满意率（仅满意）"][0] == 0.5 and by_label["A类占比"][0] == 0.5
    assert "不晚于答复期限" in notes["按期答复率"][0]  # each rate's definition is written under the table
    assert notes["落实率"][0].startswith("到期承诺中已达成的项数")
    assert by_label["筛选条件"][0] == "单位：常州市工业和信息化局"
    assert by_label["截至日期"][0] == AS_OF
    assert by_label["承诺无指标无佐证"][0] == 1 and by_label["已解决类答复的承诺未兑现"][0] == 0


def test_xlsx_export_without_audit_findings(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "ledger.xlsx", _snapshot(findings=None)).path
    book = CalamineWorkbook.from_path(str(path))
    assert "回头看" not in book.sheet_names
    assert ["本次导出未运行回头看规则。"] in [row[:1] for row in _rows(path, "汇总")]


@pytest.mark.parametrize("text", INJECTIONS)
def test_xlsx_export_formula_injection_stays_text(tmp_path: Path, text: str) -> None:
    path = write_workbook(tmp_path / "ledger.xlsx", _snapshot(title=text, quote=text)).path
    with zipfile.ZipFile(path) as archive:
        sheets = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))
    assert "<f>" not in sheets, "no cell may hold a formula"
    proposals = _rows(path, "建议")
    assert proposals[1][proposals[0].index("标题")] == text
    targets = _rows(path, "承诺与指标")
    assert targets[1][targets[0].index("承诺原文")] == text
    # The value is checked above with calamine (as Excel and the ledger import read it: openpyxl leaves the
    # _x000D_ escape of a carriage return in an inline string as it is); here its cell's type and quote prefix.
    cell = load_workbook(path)["建议"].cell(2, proposals[0].index("标题") + 1)
    assert cell.data_type == "s" and cell.quotePrefix


def test_xlsx_export_illegal_characters_and_long_text(tmp_path: Path) -> None:
    long_text = "承诺" * 20_000
    result = write_workbook(tmp_path / "ledger.xlsx", _snapshot(title="bell\x07标题", quote=long_text))
    path = result.path
    proposals = _rows(path, "建议")
    assert proposals[1][proposals[0].index("标题")] == "bell标题"
    quote = _rows(path, "承诺与指标")[1][_rows(path, "承诺与指标")[0].index("承诺原文")]
    assert len(quote) < 32_767 and quote.endswith("（已截断，原文共40000字）")
    assert re.search(TRUNCATION_PATTERN, quote).group(1) == "40000"  # the marker a re-import recognises
    # Every cut is counted and named, for the command line and the summary.
    assert [cell.describe() for cell in result.truncated] == ["承诺与指标!承诺原文 第2行（原文40000字）"]
    summary = {row[0]: row[1] for row in _rows(path, "汇总") if row and row[0]}
    assert summary["超长截断"].startswith("1处文本超过单元格容量被截断：承诺与指标!承诺原文 第2行（原文40000字）")


def test_xlsx_export_values_carry_their_units(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "ledger.xlsx", _snapshot()).path
    book = load_workbook(path)
    ws = book["承诺与指标"]
    header = [c.value for c in ws[1]]
    row = {h: c for h, c in zip(header, ws[2], strict=True)}
    assert (row["目标值"].value, row["目标值"].number_format) == (1, '#,##0"万个"')
    assert (row["基数"].value, row["基数"].number_format) == (7000, '#,##0"个"')
    assert (row["最新佐证值"].value, row["最新佐证值"].number_format) == (11080, '#,##0"个"')
    investment = {h: c for h, c in zip(header, ws[3], strict=True)}
    assert investment["目标值"].number_format == '#,##0"亿元"'
    assert not ws.column_dimensions[row["目标值"].column_letter].hidden
    summary = book["汇总"]
    counts = {r[0].value: r[1] for r in summary.iter_rows(min_row=1) if r and r[0].value}
    assert counts["建议件数"].number_format == '#,##0"件"' and counts["应公开答复份数"].number_format == '#,##0"份"'


def test_xlsx_export_history_for_people(tmp_path: Path) -> None:
    letter = "关于对常州市十六届人大五次会议代表建议第021号的答复。" * 50
    entries = [
        HistoryEntry(1, "2021-06-08T02:00:00+00:00", "clerk", "replies", 1, "insert", None,
                     {"id": 1, "doc_number": "常工信复〔2021〕第39号", "reply_date": "2021-06-08", "result_class": "A",
                      "disclosure": "public", "text": letter, "created_at": "x", "updated_at": "x"},
                     "0" * 64, "a" * 64),
        HistoryEntry(2, "2021-06-09T02:00:00+00:00", "clerk", "replies", 1, "update",
                     {"id": 1, "doc_number": "常工信复〔2021〕第39号", "addressee": "魏农", "disclosure": "public",
                      "is_reanswer": 0, "text": letter},
                     {"id": 1, "doc_number": "常工信复〔2021〕第39号", "addressee": "魏农代表",
                      "disclosure": "not_public", "is_reanswer": 1, "text": letter + "补充"}, "a" * 64, "b" * 64),
        HistoryEntry(3, "2021-06-10T02:00:00+00:00", "clerk", "targets", 1, "update",
                     {"id": 1, "commitment_id": 1, "indicator": "累计开通5G基站数", "value": 1, "unit": "万个"},
                     {"id": 1, "commitment_id": 1, "indicator": "累计开通5G基站数", "value": 1.2, "unit": "万个"},
                     "b" * 64, "c" * 64),
    ]
    path = write_workbook(tmp_path / "ledger.xlsx", _snapshot(history=entries)).path
    rows = _rows(path, "变更记录")
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [(r["记录"], r["操作"], r["字段"]) for r in records] == [
        ("答复 常工信复〔2021〕第39号", "新增", "（新建）"),
        ("答复 常工信复〔2021〕第39号", "修改", "收件人"), ("答复 常工信复〔2021〕第39号", "修改", "公开属性"),
        ("答复 常工信复〔2021〕第39号", "修改", "再次答复"), ("答复 常工信复〔2021〕第39号", "修改", "答复全文"),
        ("指标 累计开通5G基站数（常工信复〔2021〕第39号）", "修改", "目标值")]
    assert records[0]["修改后"] == "2021-06-08，A类，公开"
    assert (records[1]["修改前"], records[1]["修改后"]) == ("魏农", "魏农代表")
    assert (records[2]["修改前"], records[2]["修改后"]) == ("公开", "不公开")
    assert (records[3]["修改前"], records[3]["修改后"]) == ("否", "是")
    # A long text is summarised: its first characters, its length and its SHA-256; the raw value stays folded.
    before = records[4]["修改前"]
    assert before.startswith("关于对常州市十六届人大五次会") and f"共{len(letter)}字，SHA-256 " in before
    assert len(before) < 60 and records[4]["修改前"] != records[4]["修改后"]
    assert json.loads(records[4]["原始记录（JSON）"])["修改后"].endswith("补充")
    assert (records[5]["修改前"], records[5]["修改后"]) == ("1万个", "1.2万个")
    assert records[0]["哈希"] == "a" * 64
    ws = load_workbook(path)["变更记录"]
    header = [c.value for c in ws[1]]
    assert ws.column_dimensions[ws.cell(1, header.index("原始记录（JSON）") + 1).column_letter].hidden


def test_xlsx_export_cancel_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "ledger.xlsx"
    target.write_bytes(b"the good old workbook")
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return True

    big = _snapshot()
    big.reminders = big.reminders * 2000
    with pytest.raises(Cancelled):
        write_workbook(target, big, is_cancelled=cancel)
    assert calls
    assert target.read_bytes() == b"the good old workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "ledger.xlsx"]


def test_xlsx_export_replaces_a_file_whole_and_reports_progress(tmp_path: Path) -> None:
    target = tmp_path / "ledger.xlsx"
    target.write_bytes(b"old")
    seen: list[tuple[int, int]] = []
    big = _snapshot()
    big.reminders = big.reminders * 1200
    write_workbook(target, big, progress=lambda done, total: seen.append((done, total)))
    assert zipfile.is_zipfile(target)
    assert seen[-1][0] == seen[-1][1] and len(seen) > 2
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "ledger.xlsx"]


def test_xlsx_export_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(LedgerError) as caught:
        write_workbook(tmp_path / "nowhere" / "ledger.xlsx", _snapshot())
    assert caught.value.code == "export_folder_missing" and "nowhere" in caught.value.message


def test_xlsx_export_file_open_in_excel(tmp_path: Path) -> None:
    (tmp_path / "~$ledger.xlsx").write_bytes(b"lock")
    with pytest.raises(LedgerError) as caught:
        write_workbook(tmp_path / "ledger.xlsx", _snapshot())
    assert caught.value.code == "export_target_locked" and "close it" in caught.value.message
    assert not (tmp_path / "ledger.xlsx").exists()


def test_xlsx_export_target_is_a_folder_or_not_xlsx(tmp_path: Path) -> None:
    (tmp_path / "book.xlsx").mkdir()
    with pytest.raises(LedgerError, match="is a folder"):
        write_workbook(tmp_path / "book.xlsx", _snapshot())
    with pytest.raises(LedgerError, match=r"\.xlsx"):
        write_workbook(tmp_path / "book.csv", _snapshot())


@pytest.fixture
def read_only_folder(tmp_path: Path):
    """A folder nobody may write into: immutable for root (chattr +i), mode 0500 for anyone else."""
    folder = tmp_path / "locked"
    folder.mkdir()
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False) \
            if shutil.which("chattr") else None
        if done is None or done.returncode != 0:
            pytest.skip("root writes into any folder and this file system cannot make one immutable")
        yield folder
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o500)
        yield folder
        folder.chmod(0o700)


def test_xlsx_export_read_only_folder(read_only_folder: Path) -> None:
    with pytest.raises(LedgerError) as caught:
        write_workbook(read_only_folder / "ledger.xlsx", _snapshot())
    assert caught.value.code == "export_folder_read_only" and "read-only" in caught.value.message
    assert list(read_only_folder.iterdir()) == []


def test_xlsx_export_rows_of_wrapped_text_keep_their_height(tmp_path: Path) -> None:
    """A row whose reason or quote wraps is written with the height it needs (spreadsheets do not grow rows on
    opening), also when most rows of the sheet have another height."""
    long_reason = "截至2022-03-03为11080个，已超过目标值。" * 12
    path = write_workbook(tmp_path / "ledger.xlsx", _snapshot(title=long_reason, quote=long_reason)).path
    ws = load_workbook(path)["建议"]
    header = [c.value for c in ws[1]]
    assert ws.cell(2, header.index("标题") + 1).value == long_reason
    assert (ws.row_dimensions[2].height or 0) > 2 * LINE_HEIGHT


def test_xlsx_export_keeps_no_height_per_row_however_the_heights_vary(tmp_path: Path, monkeypatch) -> None:
    """xlsxwriter keeps every height set_row is given until the file is closed (memory that grows with the rows):
    the usual height of a sheet is its default, and rows of other heights get theirs as the default of the moment
    they stream out. Only a row of one line (no default can give it back) and the last row (written out at the
    close) are given a height of their own, and every row keeps the height it needs."""
    import xlsxwriter.worksheet

    given: list[tuple[str, int]] = []
    set_row = xlsxwriter.worksheet.Worksheet.set_row

    def counting_set_row(self, row, *args, **kwargs):
        given.append((self.name, row))
        return set_row(self, row, *args, **kwargs)

    monkeypatch.setattr(xlsxwriter.worksheet.Worksheet, "set_row", counting_set_row)
    snapshot = _snapshot()
    two_lines = "承诺到期：" + "完成5G建设投资" * 4
    # The first rows (which set the usual height) have two lines; most later ones have six.
    titles = {n: two_lines if n <= 300 or n == 700 else two_lines * 3 for n in range(1, 1001)}
    titles[800] = "一行"
    snapshot.reminders = [Reminder(id=n, kind="custom", title=title, due_date=dt.date(2021, 12, 31), uid=f"r{n}@test")
                          for n, title in titles.items()]
    path = write_workbook(tmp_path / "ledger.xlsx", snapshot).path
    assert sorted(row for sheet, row in given if sheet == "提醒") == [0, 800, 1000]  # header, one line, last
    ws = load_workbook(path)["提醒"]
    heights = {n: ws.row_dimensions[n + 1].height for n in titles}
    assert heights[1] == heights[300] == heights[700] > LINE_HEIGHT + 2
    assert heights[301] == heights[699] == heights[701] == heights[1000] > heights[1]
    assert heights[800] == 15 and ws.row_dimensions[1].height == 15
    assert ws.sheet_format.defaultRowHeight == heights[1]
