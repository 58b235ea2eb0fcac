"""`reply-ledger export` and `reply-ledger import-ledger` from the command line."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from db import Store
from desktop.__main__ import main
from desktop.core.records import Reply
from tests.ledger_workbooks import changzhou_ledger, cppcc_ledger


def test_export_command_writes_the_workbook(demo_db_path: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "audit.xlsx"
    args = ["export", "--db", str(demo_db_path), "-o", str(out), "--as-of", "2022-03-31", "--state", "已达成"]
    assert main(args) == 0
    assert "承诺与指标 1" in capsys.readouterr().out
    assert CalamineWorkbook.from_path(str(out)).sheet_names[0] == "汇总"


@pytest.mark.parametrize(("args", "words"), [
    (["--as-of", "2022-13-01"], "'2022-13-01' is not a date"),
    (["--state", "good"], "'good' is not a state"),
    (["--year", "twenty"], "'twenty' is not a year"),
])
def test_export_command_bad_options(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    args: list[str], words: str) -> None:
    assert main(["export", "--db", str(demo_db_path), "-o", str(tmp_path / "a.xlsx"), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and words in err and err.count("\n") == 1


def test_export_command_missing_folder(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(demo_db_path), "-o", str(tmp_path / "no" / "a.xlsx")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_import_ledger_command(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = changzhou_ledger(tmp_path / "ledger.xlsx")
    assert main(["import-ledger", str(ledger), "--db", str(db_path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "答复文号 ← '答复文号' (column I, exact)" in out and "Dry run: 3 row(s) would be imported" in out
    assert _proposals(db_path) == 0
    assert main(["import-ledger", str(ledger), "--db", str(db_path)]) == 0
    assert _proposals(db_path) == 2


def test_import_ledger_dry_run_creates_no_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "new.sqlite3"
    assert main(["import-ledger", str(changzhou_ledger(tmp_path / "ledger.xlsx")), "--db", str(db), "--dry-run"]) == 0
    assert "created 3 commitments" in capsys.readouterr().out
    assert not db.exists()


def test_import_ledger_command_bad_rows(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = cppcc_ledger(tmp_path / "cppcc.xlsx")
    assert main(["import-ledger", str(ledger), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "Sheet '提案办理', row 4, column '办结时间': '2021-13-40' is not a date; write it as 2021-12-31."
    assert err[-1].startswith("error: 2 row(s) of 'cppcc.xlsx' cannot be imported, so nothing was imported")
    assert main(["import-ledger", str(ledger), "--db", str(db_path), "--skip-bad"]) == 0
    report = tmp_path / "cppcc.import-report.txt"
    lines = report.read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("Sheet '提案办理', row 5, column '复函文号'") for line in lines)
    assert _proposals(db_path) == 1


def test_import_ledger_command_bad_mapping_file(db_path: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    mapping = tmp_path / "map.json"
    mapping.write_text('{"建议编号": "案号",', encoding="utf-8")
    ledger = changzhou_ledger(tmp_path / "ledger.xlsx")
    assert main(["import-ledger", str(ledger), "--db", str(db_path), "--mapping", str(mapping)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: The mapping file") and "not valid JSON" in err and err.count("\n") == 1


def _summary_and_proposals(path: Path) -> tuple[dict[str, list], list[dict]]:
    book = CalamineWorkbook.from_path(str(path))
    summary: dict[str, list] = {}
    for row in book.get_sheet_by_name("汇总").to_python():
        if row and row[0]:
            summary.setdefault(row[0], row[1:])  # the figure; its definition comes later under the same name
    rows = book.get_sheet_by_name("建议").to_python()
    return summary, [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_export_demo_before_the_reply_and_as_today(demo_db_path: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """As of 2021-05-01 the reply of 2021-06-08 did not exist: nothing was answered and 建议 says 待答复, as
    `status` does. As of 2022-03-31 the workbook reads as it does today."""
    early = tmp_path / "early.xlsx"
    assert main(["export", "--db", str(demo_db_path), "-o", str(early), "--as-of", "2021-05-01"]) == 0
    capsys.readouterr()
    summary, proposals = _summary_and_proposals(early)
    assert summary["办复率"][0] == 0.0 and summary["已办复件数"][0] == 0 and summary["满意率（含基本满意）"][0] == ""
    assert summary["按期答复率"][0] == 0.0 and summary["截至日期后的记录"][0].startswith("未计入：答复1份")
    assert (proposals[0]["办理状态"], proposals[0]["首次答复日期"]) == ("待答复", "")
    assert main(["status", "--db", str(demo_db_path), "--as-of", "2021-05-01"]) == 0
    assert capsys.readouterr().out.splitlines()[1].split("\t")[2] == "待答复"

    later, today = tmp_path / "later.xlsx", tmp_path / "today.xlsx"
    assert main(["export", "--db", str(demo_db_path), "-o", str(later), "--as-of", "2022-03-31"]) == 0
    assert main(["export", "--db", str(demo_db_path), "-o", str(today)]) == 0
    summary, proposals = _summary_and_proposals(later)
    assert summary["办复率"][0] == 1.0 and summary["按期答复率"][0] == 1.0 and summary["满意率（含基本满意）"][0] == 1.0
    assert summary["公开率"][0] == 1.0 and summary["截至日期后的记录"][0] == "无"
    assert proposals[0]["首次答复日期"] == dt.date(2021, 6, 8) and proposals[0]["办理状态"] == "落实滞后"
    now, _ = _summary_and_proposals(today)
    for label in ("建议件数", "已办复件数", "办复率", "按期答复率", "满意率（含基本满意）", "公开率", "见面率"):
        assert now[label] == summary[label], label


def test_export_names_cut_cells(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(demo_db_path) as store:
        reply = store.list(Reply)[0]
        store.save(dataclasses.replace(reply, title="很长的标题" * 7000))
    assert main(["export", "--db", str(demo_db_path), "-o", str(tmp_path / "a.xlsx"), "--as-of", "2022-03-31"]) == 0
    out = capsys.readouterr().out
    assert "2 cell(s) were cut to Excel's limit of 32000 characters" in out
    assert "  答复!标题 第2行（原文35000字）\n  变更记录!原始记录（JSON） 第54行" in out  # the edit's raw row too


def _proposals(location: Path | str) -> int:
    with Store.open(location) as store:
        return store.counts().proposals
