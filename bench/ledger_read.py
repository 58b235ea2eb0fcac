"""Reading a large foreign ledger: our readers against python-calamine's own read of the same file.

    python bench/ledger_read.py [--rows 100000] [--runs 3] [--keep FILE]

Builds an .xlsx ledger of ROWS rows (title row, 14 columns, promises and 落实情况 with figures, dates, words for
result classes), then times, as medians of RUNS runs in the same process:

* calamine: ``CalamineWorkbook.from_path`` and ``to_python()`` of every sheet (the floor: the library's own read);
* read_workbook: our reader (size and zip checks streamed over every part, formula scan, calamine, empty cells to
  None, merged ranges filled, the file's SHA-256);
* with ``--plan``, read_ledger: the whole plan, once (header, columns, every row's records, each promise and
  落实情况 through the letter extractor).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.timing import median_ms
from desktop.core.ledger_import import read_ledger
from desktop.core.ledger_import.workbooks import read_workbook

HEADERS = ["序号", "建议编号", "建议标题", "领衔代表", "主办单位", "会办单位", "办理结果", "交办日期", "答复日期",
           "答复文号", "代表意见", "承诺事项", "完成时限", "落实情况"]
CLASSES = ["解决采纳", "列入计划", "留作参考", "A类", "B"]


def build(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("2021年")
    sheet.append(["2021年市人大代表建议办理情况台账"])
    sheet.append(HEADERS)
    for number in range(1, rows + 1):
        sheet.append([number, f"第{number:06d}号", f"关于推进第{number}项工作的建议", "张三", "常州市工业和信息化局",
                      "市发改委、市财政局", CLASSES[number % len(CLASSES)], dt.datetime(2021, 3, 10),
                      dt.datetime(2021, 6, 1), f"常工信复〔2021〕第{number}号", "满意",
                      f"2021年底前建成{number % 50 + 10}个智能工厂", "2021年底", f"已完成{number % 60 + 5}个"])
    workbook.save(path)


def calamine_read(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    return sum(len(workbook.get_sheet_by_name(name).to_python()) for name in workbook.sheet_names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the ledger here (and reuse it when it exists)")
    parser.add_argument("--plan", action="store_true", help="also time read_ledger, the whole plan (minutes)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "ledger.xlsx"
        if not path.exists():
            started = time.perf_counter()
            build(path, args.rows)
            print(f"built {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
        floor = median_ms(lambda: calamine_read(path), args.runs)
        ours = median_ms(lambda: read_workbook(path), args.runs)
        print("| rows | calamine's own read | read_workbook | × calamine |")
        print(f"| {args.rows:,} | {floor / 1000:.2f} s | {ours / 1000:.2f} s | {ours / floor:.2f} |")
        if args.plan:
            started = time.perf_counter()
            plan = read_ledger(path)
            seconds = time.perf_counter() - started
            print(f"read_ledger: {seconds:.1f} s for {len(plan.rows):,} rows ({len(plan.problems)} problems), "
                  f"{seconds * 1000 / floor:.1f} × calamine's read")


if __name__ == "__main__":
    main()
