from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.__main__ import main

EXPECTED = Path(__file__).resolve().parents[1] / "fixtures" / "demo_output"


def test_status_of_the_demo_as_of_2022_03_31(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--db", str(demo_db_path), "--as-of", "2022-03-31"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "截至2022-03-31"
    rows = [line.split("\t") for line in lines[1:-1]]
    assert all(len(row) == 4 for row in rows)
    proposal = rows[0]
    assert proposal[:3] == ["建议", "常州市十六届人大五次会议建议第021号", "落实滞后"]
    assert proposal[3].startswith("2021-06-08答复（常工信复〔2021〕第39号），2021-06-25评价满意")
    targets = {row[1]: (row[2], row[3]) for row in rows if row[0].startswith("指标")}
    commitments = {row[1]: (row[2], row[3]) for row in rows if row[0].startswith("承诺")}
    assert len(targets) == 12 and len(commitments) == 15  # 13 targets, two share the indicator 标识注册量
    assert targets["累计开通5G基站数"] == (
        "已达成", "截至2022-03-03为11080个，已超过目标10000个（佐证日期晚于期限2021-12-31）")
    assert targets["5G建设投资"] == ("逾期无佐证", "期限2021-12-31已过，尚无佐证")
    assert targets["培育示范应用企业数"] == ("无数据", "尚无佐证，期限2025-12-31")
    assert commitments["实现全市城乡5G网络全覆盖"] == ("无数据", "无量化指标，需人工判定")
    assert lines[-1] == ("汇总：建议1件（落实滞后1件）；承诺15项（已达成1项、逾期无佐证7项、无数据7项）；"
                         "指标13项（已达成1项、逾期无佐证7项、无数据5项）")


def test_status_of_the_demo_is_unchanged_to_the_byte(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Pinned whole: the way the files are read and written may change, what a clerk's script reads may not.
    assert main(["status", "--db", str(demo_db_path), "--as-of", "2022-03-31"]) == 0
    assert capsys.readouterr().out == (EXPECTED / "status-demo-2022-03-31.txt").read_text(encoding="utf-8")


def test_status_before_the_deadline_and_bad_dates(demo_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--db", str(demo_db_path), "--as-of", "2021-06-01"]) == 0
    out = capsys.readouterr().out
    assert "建议\t常州市十六届人大五次会议建议第021号\t待答复\t尚未答复，答复期限2021-06-10，还有9天" in out
    assert main(["status", "--db", str(demo_db_path), "--as-of", "2021-02-30"]) == 2
    assert capsys.readouterr().err == "error: '2021-02-30' is not a date; write it as 2021-12-31.\n"


def test_status_of_a_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--db", str(tmp_path / "none.sqlite3")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite3").exists()


def test_output_cut_short_by_the_reader_is_not_an_error(demo_db_path: Path) -> None:
    # `reply-ledger timeline ... | head -1`: the reader goes away after one line.
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "desktop", "timeline", "--db", str(demo_db_path)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert first.decode("utf-8").startswith("常州市十六届人大五次会议建议第021号")
    assert stderr == b""


@pytest.mark.parametrize(("as_of", "proposals", "promises", "said"), [
    ("2021-01-01", [], 0, "；判定日期之后的建议1件、答复1件未列出"),  # received 2021-03-10, answered 2021-06-08
    ("2021-05-01", ["常州市十六届人大五次会议建议第021号"], 0, "；判定日期之后的答复1件未列出"),
    ("2021-06-08", ["常州市十六届人大五次会议建议第021号"], 15, ""),
])
def test_status_lists_what_the_workbook_of_the_same_day_holds(demo_db_path: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str], as_of: str,
                                                              proposals: list[str], promises: int, said: str) -> None:
    """Before the reply existed, its commitments and targets are not listed (not as 无数据): the rule of the audit
    workbook of that day, which leaves them out too."""
    from openpyxl import load_workbook

    assert main(["status", "--db", str(demo_db_path), "--as-of", as_of]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [line.split("\t") for line in lines[1:-1]]
    assert [row[1] for row in rows if row[0] == "建议"] == proposals
    assert len([row for row in rows if row[0].startswith("承诺")]) == promises
    assert lines[-1].endswith(f"指标{13 if promises else 0}项（{'无数据13项' if promises else '无'}）{said}")
    workbook = tmp_path / "audit.xlsx"
    assert main(["export", "--db", str(demo_db_path), "-o", str(workbook), "--as-of", as_of]) == 0
    sheets = load_workbook(workbook, read_only=True)
    listed = [row[0] for row in sheets["建议"].iter_rows(min_row=2, values_only=True) if row and row[0]]
    assert len(listed) == len(proposals)
    commitments = {row[0] for row in sheets["承诺与指标"].iter_rows(min_row=2, values_only=True) if row and row[0]}
    assert bool(commitments) == bool(promises)


class _CountingOut:
    """A standard output that counts its writes."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def flush(self) -> None:
        pass


def test_status_writes_a_proposal_at_a_time_not_a_line_at_a_time(demo_db_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    out = _CountingOut()
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["status", "--db", str(demo_db_path), "--as-of", "2022-03-31"]) == 0
    text = "".join(out.parts)
    lines = text.splitlines()
    assert len(lines) == 31  # the date, one proposal, 15 commitments, 13 targets and the summary
    # The date and the summary are printed (a text and a newline each); the 29 lines of the proposal are one write.
    assert len(out.parts) <= 5
