"""Follow-up at office scale: judging, 回头看, reminders and evidence suggestions over a large ledger.

Builds a ledger of PROPOSALS proposals (one reply each, 10 commitments of 2 targets per reply, evidence for every
other target) in a temporary file, then times each step against a plain read of the targets and evidence tables.

    .venv/bin/python bench/followup_scale.py [--proposals 5000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import Store
from db.audit import audit_ledger
from db.evidence_suggestions import suggest_evidence
from db.followup import load_proposal_files
from db.reminders import list_reminders, reminder_rules, sync_reminders
from db.status import judge_ledger
from desktop.core.extraction import read_document
from desktop.core.records import (
    Commitment,
    Evidence,
    Feedback,
    Proposal,
    Reply,
    SourceDocument,
    Target,
)
from desktop.core.reminders import calendar_ics

INDICATORS = ("开通5G基站数", "5G建设投资", "标识注册量", "省级智能车间数", "签约项目数", "上云企业数", "研发机构数",
              "高新技术企业数", "示范应用企业数", "工业互联网平台数")
UNITS = ("个", "亿元", "亿", "个", "个", "家", "家", "家", "个", "个")


def build(store: Store, proposals: int) -> None:
    start = dt.date(2016, 1, 10)
    with store.transaction():
        for n in range(proposals):
            assigned = start + dt.timedelta(days=(n * 7) % 3600)
            proposal = store.save(Proposal(session=f"常州市第{n // 500}次会议", number=f"第{n:04d}号", title=f"建议{n}",
                                           assigned_date=assigned))
            reply = store.save(Reply(proposal_id=proposal.id, reply_date=assigned + dt.timedelta(days=80),
                                     result_class="ABC"[n % 3], issuing_office="常州市工业和信息化局"))
            if n % 4:
                rating = ("satisfied", "basically_satisfied", "unsatisfied")[n % 3]
                store.save(Feedback(reply_id=reply.id, rating=rating, feedback_date=assigned + dt.timedelta(days=95)))
            for c in range(10):
                deadline = dt.date(assigned.year + 1 + c % 3, 12, 31)
                commitment = store.save(Commitment(reply_id=reply.id, title=f"承诺{n}-{c}", deadline=deadline))
                for t in range(2):
                    k = (c + t) % len(INDICATORS)
                    target = store.save(Target(commitment_id=commitment.id, indicator=INDICATORS[k], comparator=">=",
                                               value=100 + c, unit=UNITS[k], deadline=deadline, cumulative=True))
                    if t == 0:
                        store.save(Evidence(target_id=target.id, as_of_date=deadline - dt.timedelta(days=30),
                                            value=90 + (n + c) % 30, unit=UNITS[k]))


def timed(label: str, results: list[tuple[str, float]], action):
    begin = time.perf_counter()
    value = action()
    results.append((label, time.perf_counter() - begin))
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proposals", type=int, default=5000)
    args = parser.parse_args()
    as_of = dt.date(2022, 3, 31)
    demo = Path(__file__).resolve().parent.parent / "resources" / "demo"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scale.sqlite3"
        store = Store.open(path, actor="bench")
        begin = time.perf_counter()
        build(store, args.proposals)
        built = time.perf_counter() - begin
        counts = store.counts()
        print(f"built {counts.proposals} proposals, {counts.commitments} commitments, {counts.targets} targets, "
              f"{counts.evidence} evidence in {built:.1f} s")
        results: list[tuple[str, float]] = []
        timed("read targets and evidence (baseline)", results,
              lambda: (store.list(Target), store.list(Evidence)))
        timed("judge_ledger", results, lambda: judge_ledger(store, as_of))
        timed("load_proposal_files", results, lambda: load_proposal_files(store, as_of))
        findings = timed("audit_ledger", results, lambda: audit_ledger(store, as_of))
        first = timed("sync_reminders, first run", results, lambda: sync_reminders(store, as_of))
        again = timed("sync_reminders, nothing changed", results, lambda: sync_reminders(store, as_of))
        reminders = list_reminders(store)
        timed("calendar_ics of every reminder", results,
              lambda: calendar_ics(reminders, reminder_rules(store), dt.datetime.now(dt.UTC)))
        document = read_document(demo / "news_2022-03-03_changzhou_digital_economy.md")
        source = store.save(SourceDocument(sha256=document.sha256, file_name=document.file_name, kind="news",
                                           title=document.title, publisher=document.publisher,
                                           doc_date=document.date, text=document.text))
        made = timed("suggest_evidence for one news report", results, lambda: suggest_evidence(store, source.id))
        store.close()
    base = results[0][1]
    print(f"{len(findings)} findings; reminders: {first}, then {again}; {len(reminders)} reminders; "
          f"{len(made)} evidence suggestions")
    print("| step | seconds | × baseline read |")
    print("|---|---|---|")
    for label, seconds in results:
        print(f"| {label} | {seconds:.2f} | {seconds / base:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
