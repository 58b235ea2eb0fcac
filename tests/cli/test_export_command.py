"""`reply-ledger export` and `reply-ledger import-ledger` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from db import Store
from desktop.__main__ import main
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


def _proposals(location: Path | str) -> int:
    with Store.open(location) as store:
        return store.counts().proposals
