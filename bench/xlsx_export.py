"""Benchmark: the audit workbook of 100 000 targets against a plain openpyxl write-only write of the same rows.

    python bench/xlsx_export.py [--targets 100000] [--keep DIR]

Builds a ledger (10 years x 100 proposals, one reply each, 10 commitments per reply, the targets spread over
them, evidence for a fifth of the targets) with sqlite-utils in one transaction, then runs each writer in its
own process so that its peak memory (ru_maxrss) is its own:

- ours:  ``db.export.export_ledger`` — read and judge every target as of a date, write all sheets with column
         styles, state colours, frozen headers, filters and print setup;
- plain: the same sheets' rows read with one SQL query each and appended to an unstyled write-only workbook.

It prints time, rows per second and peak memory of each, and their ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

AS_OF = dt.date(2024, 6, 30)
UNITS = ("常州市工业和信息化局", "常州市发展和改革委员会", "常州市科学技术局", "常州市商务局", "常州市财政局")
INDICATORS = ("累计开通5G基站数", "5G建设投资", "标识注册量", "节点接入服务重点企业数", "新增省级智能车间数",
              "“5G+工业互联网”融合应用签约项目数", "规模以上工业增加值增速", "数字经济核心产业营业收入")


def build(path: Path, targets: int) -> dict[str, int]:
    """A ledger with ``targets`` targets, written in one transaction (no history rows: bulk data)."""
    from db import Store

    rng = random.Random(5)
    now = "2024-06-30T00:00:00+00:00"
    per_reply_commitments = 10
    proposals_n = max(1, targets // (per_reply_commitments * 10))
    with Store.open(path, actor="bench") as store:
        proposals, replies, commitments, target_rows, evidence = [], [], [], [], []
        for p in range(1, proposals_n + 1):
            year = 2015 + (p - 1) * 10 // proposals_n
            assigned = dt.date(year, 3, 10)
            proposals.append(dict(id=p, kind="suggestion", session=f"常州市第{year - 2000}次会议",
                                  number=f"第{p:03d}号", title=f"关于推进数字经济发展的建议（{p}）",
                                  assigned_date=assigned.isoformat(),
                                  reply_due_date=dt.date(year, 6, 10).isoformat(), lead_unit=rng.choice(UNITS),
                                  co_units="[]", key_supervised=0, state="replied", created_at=now, updated_at=now))
            replies.append(dict(id=p, proposal_id=p, doc_number=f"常工信复〔{year}〕第{p}号",
                                doc_issuer_code="常工信复", doc_year=year, doc_serial=p,
                                reply_date=dt.date(year, 6, rng.randint(1, 20)).isoformat(),
                                result_class=rng.choice("ABC"), is_reanswer=0, created_at=now, updated_at=now))
        target_id = 0
        commitment_id = 0
        while target_id < targets:
            commitment_id += 1
            reply_id = (commitment_id - 1) // per_reply_commitments % proposals_n + 1
            year = int(replies[reply_id - 1]["doc_year"])
            deadline = dt.date(year + rng.randint(0, 4), 12, 31)
            commitments.append(dict(id=commitment_id, reply_id=reply_id,
                                    title=f"承诺事项{commitment_id}：推进新型基础设施建设",
                                    quote="到“十四五”期末，标识注册量累计超过5亿，节点接入服务重点企业数超800家",
                                    responsible_unit=rng.choice(UNITS), deadline=deadline.isoformat(),
                                    created_at=now, updated_at=now))
            for _ in range(10):
                target_id += 1
                if target_id > targets:
                    break
                value = rng.choice((15, 1, 2.5, 800, 100, 30))
                target_rows.append(dict(id=target_id, commitment_id=commitment_id, indicator=rng.choice(INDICATORS),
                                        comparator=">=", value=value, unit="万个", value_normalized=value * 10000,
                                        unit_normalized="个", deadline=deadline.isoformat(), cumulative=1,
                                        kind="commitment", baseline_value=value * 5000, baseline_unit="个",
                                        baseline_date=f"{year}-06-08", created_at=now, updated_at=now))
                if target_id % 5 == 0:
                    evidence.append(dict(target_id=target_id, as_of_date=f"{year + 1}-03-03",
                                         value=value * 10000 * rng.uniform(0.5, 1.3), unit="个",
                                         value_normalized=None, unit_normalized="个", comparator="=",
                                         source_title="常州发展数字经济成绩斐然", publisher="常州日报",
                                         source_date=f"{year + 1}-03-03", quote="目前，我市已开通5G基站11080个",
                                         recorded_by="bench", created_at=now, updated_at=now))
        with store.transaction():  # one transaction: insert_all would otherwise commit every batch
            for table, rows in (("proposals", proposals), ("replies", replies), ("commitments", commitments),
                                ("targets", target_rows), ("evidence", evidence)):
                store.db[table].insert_all(rows, batch_size=2000)
        return {"proposals": len(proposals), "commitments": len(commitments), "targets": len(target_rows),
                "evidence": len(evidence)}


def run_ours(db: Path, out: Path) -> dict:
    from db import Store
    from db.export import export_ledger

    with Store.open(db, actor="bench") as store:
        started = time.perf_counter()
        result = export_ledger(store, out, as_of=AS_OF)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "rows": sum(v for k, v in result.rows.items() if k != "汇总")}


_PLAIN_QUERIES = {
    "建议": "SELECT session, kind, number, title, lead_unit, co_units, assigned_date, reply_due_date, state,"
            " received_date, extended_due_date, extension_approval, misrouted_date, returned_date, handling_mode,"
            " key_supervised, delegation, body, id, created_at, updated_at, kind, number FROM proposals",
    "答复": "SELECT proposal_id, doc_number, issuing_office, title, addressee, proposer_id, reply_date, signer,"
            " handler, phone, cc, result_class, disclosure, published_date, replying_unit, is_reanswer, doc_year,"
            " doc_serial, doc_issuer_code, id, created_at, updated_at, text FROM replies",
    "承诺与指标": "SELECT r.doc_number, c.title, c.responsible_unit, c.deadline, c.manual_state, t.indicator,"
                  " t.comparator, t.value, t.unit, t.deadline, t.baseline_value, t.value_normalized, t.baseline_date,"
                  " t.quote, t.value_high, t.kind, t.baseline_unit, p.session || p.number, c.quote, c.deadline_text,"
                  " c.manual_state, t.value_high, t.cumulative, t.kind, t.baseline_unit, t.baseline_date, t.unit,"
                  " c.notes FROM targets t JOIN commitments c ON c.id = t.commitment_id"
                  " JOIN replies r ON r.id = c.reply_id JOIN proposals p ON p.id = r.proposal_id",
    "佐证": "SELECT e.target_id, t.indicator, e.as_of_date, e.comparator, e.value, e.unit, e.achieved,"
            " e.source_title, e.publisher, e.source_date, e.quote, t.commitment_id, e.source_url,"
            " e.source_document_id, e.unit_normalized, e.recorded_by, e.notes, e.id"
            " FROM evidence e JOIN targets t ON t.id = e.target_id",
}


# Every sheet the audit workbook writes from stored rows, with as many cells a row as it writes: the four above and
# the reminders and the change log (one row per history entry: an insert's ten cells). 回头看 is left out: its
# rows are found by the export, not stored.
ALL_SHEET_QUERIES = {
    **_PLAIN_QUERIES,
    "提醒": "SELECT kind, title, due_date, subject_table, subject_table || '#' || subject_id, lead_days, state,"
            " snoozed_until, done_at, note, uid FROM reminders",
    "变更记录": "SELECT at, actor, table_name || '#' || row_id, action, '（新建）', substr(after, 1, 40), table_name,"
                " row_id, after, hash FROM history",
}


def run_plain(db: Path, out: Path, queries: dict[str, str] | None = None) -> dict:
    import sqlite3

    from openpyxl import Workbook

    conn = sqlite3.connect(db)
    started = time.perf_counter()
    workbook = Workbook(write_only=True)
    rows = 0
    for name, sql in (queries or _PLAIN_QUERIES).items():
        ws = workbook.create_sheet(name)
        for row in conn.execute(sql):
            ws.append(row)
            rows += 1
    workbook.save(out)
    seconds = time.perf_counter() - started
    conn.close()
    return {"seconds": seconds, "rows": rows}


def child(mode: str, db: Path, out: Path, targets: int) -> None:
    if mode == "build":
        started = time.perf_counter()
        counts = build(db, targets)
        print(json.dumps({"counts": counts, "seconds": time.perf_counter() - started}))
        return
    result = run_ours(db, out) if mode == "ours" else run_plain(db, out)
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["file_mib"] = out.stat().st_size / 2**20
    print(json.dumps(result))


def measure(mode: str, db: Path, out: Path, targets: int = 0) -> dict:
    # Each step runs in a fresh process: Linux keeps a process's peak memory across exec, so a parent holding
    # the generated rows would show up in every child's figure.
    done = subprocess.run([sys.executable, __file__, "--child", mode, "--db", str(db), "--out", str(out),
                           "--targets", str(targets)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--targets", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep the database and workbooks in this folder")
    parser.add_argument("--child", choices=("build", "ours", "plain"), help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.db, args.out, args.targets)
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="xlsx-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "bench.sqlite3"
    db.unlink(missing_ok=True)
    built = measure("build", db, folder / "unused.xlsx", args.targets)
    print(f"database: {built['counts']} built in {built['seconds']:.1f} s")
    plain = measure("plain", db, folder / "plain.xlsx")
    ours = measure("ours", db, folder / "ours.xlsx")
    for name, result in (("plain openpyxl write-only", plain), ("our export (styled, judged)", ours)):
        print(f"{name:28s} {result['seconds']:6.1f} s  {result['rows'] / result['seconds']:8.0f} rows/s  "
              f"peak {result['peak_mib']:6.0f} MiB  file {result['file_mib']:5.1f} MiB  ({result['rows']} rows)")
    print(f"ratio ours/plain: time {ours['seconds'] / plain['seconds']:.2f}x, "
          f"peak memory {ours['peak_mib'] / plain['peak_mib']:.2f}x")


if __name__ == "__main__":
    main()
