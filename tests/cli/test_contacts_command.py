"""`reply-ledger contacts`: import a list of meetings and calls all or nothing, list them, and 见面率 follows."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from db import Store
from desktop.__main__ import main
from desktop.core.records import Contact


def _csv(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(["建议,日期,方式,参加人员,内容", *rows]) + "\n", encoding="utf-8")
    return path


def test_import_and_list_contacts(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _csv(tmp_path / "见面.csv", [
        "常州市十六届人大五次会议建议第021号,2021-04-20,面商,魏农、曹晓韬,商定办理方案",
        "第21号,2021年5月10日,电话,魏农,通报进展"])
    assert main(["contacts", "import", str(source), "--db", str(demo_db_path), "--dry-run"]) == 0
    assert "Dry run: would record 2 contact(s)" in capsys.readouterr().out
    with Store.open(demo_db_path) as store:
        assert store.count(Contact) == 0
    assert main(["contacts", "import", str(source), "--db", str(demo_db_path)]) == 0
    assert "Recorded 2 contact(s) from 见面.csv; 0 were recorded before." in capsys.readouterr().out
    assert main(["contacts", "import", str(source), "--db", str(demo_db_path)]) == 0  # again: nothing twice
    assert "Recorded 0 contact(s)" in capsys.readouterr().out
    assert main(["contacts", "list", "--db", str(demo_db_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2021-04-20\t面商\t常州市十六届人大五次会议建议第021号\t魏农、曹晓韬\t商定办理方案"
    assert lines[-1] == "共2次，其中见面1次"
    out = tmp_path / "audit.xlsx"
    assert main(["export", "--db", str(demo_db_path), "-o", str(out), "--as-of", "2022-03-31"]) == 0
    summary: dict[str, list] = {}
    for row in CalamineWorkbook.from_path(str(out)).get_sheet_by_name("汇总").to_python():
        if row and row[0]:
            summary.setdefault(row[0], row[1:])
    assert summary["见面率"][0] == 1.0 and summary["沟通件数（含电话）"][0] == 1


def test_import_contacts_from_xlsx(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["届次", "编号", "见面日期", "沟通方式", "参加人员"])
    sheet.append(["常州市十六届人大五次会议", "第021号", "2021-04-20", "见面", "魏农"])
    book.save(tmp_path / "contacts.xlsx")
    assert main(["contacts", "import", str(tmp_path / "contacts.xlsx"), "--db", str(demo_db_path)]) == 0
    with Store.open(demo_db_path) as store:
        assert [(c.method, c.participants) for c in store.list(Contact)] == [("meeting", "魏农")]


def test_a_bad_row_imports_nothing(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _csv(tmp_path / "bad.csv", ["第021号,2021-04-20,见面,魏农,",
                                        "第021号,2021-02-30,见面,魏农,",
                                        "第021号,2021-04-21,写信,魏农,",
                                        "第999号,2021-04-22,见面,魏农,"])
    assert main(["contacts", "import", str(source), "--db", str(demo_db_path)]) == 2
    err = capsys.readouterr().err
    assert "Row 3, column '日期'" in err and "Row 4, column '方式': '写信' is not a way of contact" in err
    assert "'bad.csv' has 2 row problem(s) and nothing was imported" in err
    source = _csv(tmp_path / "unknown.csv", ["第021号,2021-04-20,见面,魏农,", "第999号,2021-04-22,见面,魏农,"])
    assert main(["contacts", "import", str(source), "--db", str(demo_db_path)]) == 2
    assert "Row 3, column '建议': The proposal '第999号' is not in the ledger" in capsys.readouterr().err
    with Store.open(demo_db_path) as store:
        assert store.count(Contact) == 0
    (tmp_path / "nocolumn.csv").write_text("日期,方式\n2021-04-20,见面\n", encoding="utf-8")
    assert main(["contacts", "import", str(tmp_path / "nocolumn.csv"), "--db", str(demo_db_path)]) == 2
    assert "has no column 建议" in capsys.readouterr().err
