"""Generate a large, realistic ledger for benchmarks: proposals, replies, commitments, targets and evidence.

    python bench/generate_ledger.py OUT.sqlite3 [--targets 100000]

Rows are written in one transaction with executemany, straight into the tables of a migrated database (the
search index fills through the schema's triggers). Each inserted row also gets its history row, hash-chained
exactly as :class:`db.Store` writes it, so the file passes ``reply-ledger verify`` and has the history an office
of that size would have.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import Store
from db.rows import history_json
from db.store import GENESIS_HASH, history_hash

UNITS = ["常州市工业和信息化局", "常州市发展和改革委员会", "常州市住房和城乡建设局", "常州市交通运输局",
         "常州市生态环境局", "常州市教育局", "常州市卫生健康委员会", "常州市农业农村局", "常州市商务局",
         "常州市科学技术局", "常州市民政局", "常州市水利局", "常州市文化广电和旅游局", "常州市市场监督管理局"]
INDICATORS = [("5G基站数", "个"), ("建设投资", "亿元"), ("标识注册量", "亿"), ("省级智能车间数", "个"),
              ("老旧小区改造数", "个"), ("公共充电桩数", "台"), ("新增绿地面积", "万平方米"), ("污水管网长度", "公里"),
              ("注册用户数", "万"), ("示范企业数", "家"), ("农村公路里程", "公里"), ("养老床位数", "张"),
              ("学位供给数", "个"), ("新能源公交车数", "辆"), ("上云企业数", "家"), ("覆盖率", "%")]
VERBS = ["完成", "新建", "累计开通", "力争达到", "新增", "改造", "培育", "建设"]
COMPARATORS = [">=", ">", "=", ">=", ">=", "<="]
SESSIONS = [f"常州市十{n}届人大{m}次会议" for n, m in (("五", "五"), ("六", "一"), ("六", "二"), ("六", "三"),
                                                    ("六", "四"), ("六", "五"), ("七", "一"), ("七", "二"))]


class HistoryWriter:
    """Builds history rows with the same chain the store writes."""

    def __init__(self, actor: str) -> None:
        self.prev = GENESIS_HASH
        self.actor = actor
        self.rows: list[tuple] = []

    def add(self, table: str, row: dict, at: str) -> None:
        after = history_json(row)
        digest = history_hash(self.prev, at, self.actor, table, row["id"], "insert", None, after)
        self.rows.append((at, self.actor, table, row["id"], "insert", None, after, self.prev, digest))
        self.prev = digest


def _insert(conn, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                     [tuple(row[c] for c in columns) for row in rows])


def generate(path: Path, targets: int = 100_000, *, seed: int = 7) -> dict[str, int]:
    """Write a ledger of about ``targets`` targets (3 per commitment on average) into a new file at ``path``."""
    rng = random.Random(seed)
    Store.open(path, actor="bench").close()
    store = Store.open(path, actor="bench")
    conn = store.conn
    at = dt.datetime(2024, 1, 1, tzinfo=dt.UTC).isoformat(timespec="seconds")
    history = HistoryWriter("bench")
    commitments_n = max(1, targets // 3)
    replies_n = max(1, commitments_n // 6)
    proposals, replies, commitments, target_rows, evidence = [], [], [], [], []
    stamp = {"created_at": at, "updated_at": at}
    for pid in range(1, replies_n + 1):
        session = SESSIONS[pid % len(SESSIONS)]
        year = 2017 + (pid % len(SESSIONS))
        assigned = dt.date(year, 3, 1) + dt.timedelta(days=rng.randrange(60))
        unit = rng.choice(UNITS)
        proposals.append({"id": pid, "kind": "suggestion", "body": "人大", "session": session,
                          "number": f"第{pid:04d}号", "title": f"关于推进{rng.choice(INDICATORS)[0]}工作的建议{pid}",
                          "delegation": None, "received_date": None, "assigned_date": assigned.isoformat(),
                          "reply_due_date": (assigned + dt.timedelta(days=92)).isoformat(),
                          "extended_due_date": None, "extension_approval": None, "misrouted_date": None,
                          "returned_date": None, "lead_unit": unit, "co_units": "[]", "handling_mode": "sole",
                          "key_supervised": int(pid % 17 == 0), "text": None, "state": "replied", **stamp})
        replies.append({"id": pid, "proposal_id": pid, "proposer_id": None,
                        "doc_number": f"常政复〔{year}〕第{pid}号", "doc_issuer_code": "常政复", "doc_year": year,
                        "doc_serial": pid, "issuing_office": unit,
                        "title": f"关于对{session}代表建议第{pid:04d}号的答复",
                        "addressee": "代表", "reply_date": (assigned + dt.timedelta(days=80)).isoformat(),
                        "signer": "张三", "handler": "李四", "phone": "85681281", "cc": None, "result_class": "B",
                        "disclosure": "public", "published_date": None, "replying_unit": unit, "is_reanswer": 0,
                        "text": None, "source_document_id": None, **stamp})
    for cid in range(1, commitments_n + 1):
        reply = replies[(cid - 1) % replies_n]
        year = reply["doc_year"] + rng.choice((0, 1, 1, 2, 4))
        deadline = dt.date(year, 12, 31).isoformat()
        indicator, unit = rng.choice(INDICATORS)
        commitments.append({"id": cid, "reply_id": reply["id"], "title": f"{rng.choice(VERBS)}{indicator}{cid}",
                            "quote": None, "quote_start": None, "quote_end": None,
                            "responsible_unit": reply["replying_unit"], "deadline": deadline,
                            "deadline_text": f"{year}年", "manual_state": None, "notes": None, **stamp})
    for tid in range(1, targets + 1):
        cid = rng.randrange(1, commitments_n + 1)
        commitment = commitments[cid - 1]
        indicator, unit = rng.choice(INDICATORS)
        value = float(rng.randrange(1, 5000))
        factor = {"亿元": 1e8, "亿": 1e8, "万平方米": 1e4, "万": 1e4}.get(unit, 1)
        base = {"亿元": "元", "亿": "", "万平方米": "平方米", "万": ""}.get(unit, unit)
        target_rows.append({"id": tid, "commitment_id": cid, "indicator": f"{indicator}", "comparator":
                            rng.choice(COMPARATORS), "value": value, "value_high": None, "unit": unit,
                            "value_normalized": value * factor, "value_high_normalized": None,
                            "unit_normalized": base, "deadline": commitment["deadline"],
                            "deadline_text": commitment["deadline_text"], "cumulative": rng.choice((0, 1, None)),
                            "kind": "commitment", "baseline_value": None, "baseline_unit": None, "baseline_date": None,
                            "baseline_quote": None, "quote": f"{commitment['title']}，{indicator}{value:g}{unit}",
                            "quote_start": None, "quote_end": None, "source_document_id": None, **stamp})
        if tid % 2 == 0:
            evidence.append({"id": tid // 2, "target_id": tid, "as_of_date": f"{2018 + tid % 7}-06-30",
                             "value": value * rng.uniform(0.3, 1.4), "unit": unit, "value_normalized": None,
                             "unit_normalized": base, "comparator": "=", "achieved": None,
                             "source_title": "统计公报", "publisher": "常州市统计局", "source_date": None,
                             "source_url": None, "quote": None, "source_document_id": None, "recorded_by": "bench",
                             "notes": None, **stamp})
    with store.transaction():
        for table, rows in (("proposals", proposals), ("replies", replies), ("commitments", commitments),
                            ("targets", target_rows), ("evidence", evidence)):
            _insert(conn, table, rows)
            for row in rows:
                history.add(table, row, at)
        conn.executemany("INSERT INTO history (at, actor, table_name, row_id, action, before, after, prev_hash, hash)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", history.rows)
    conn.execute("ANALYZE")
    counts = store.counts()
    store.close()
    return {"proposals": counts.proposals, "replies": counts.replies, "commitments": counts.commitments,
            "targets": counts.targets, "evidence": counts.evidence}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--targets", type=int, default=100_000)
    args = parser.parse_args()
    if args.out.exists():
        sys.exit(f"{args.out} exists; choose a new file.")
    started = time.perf_counter()
    counts = generate(args.out, args.targets)
    print(f"{counts} in {time.perf_counter() - started:.1f} s -> {args.out}")


if __name__ == "__main__":
    main()
