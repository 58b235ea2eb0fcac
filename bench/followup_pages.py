"""How long the 回头看 and timeline pages hold the GUI thread on a large ledger, now that their work runs on the pool.

    QT_QPA_PLATFORM=offscreen python bench/followup_pages.py [--targets 100000] [--db EXISTING.sqlite3]

For each page: the time to build it when the pool holds its work (what the GUI thread pays before the page shows
itself busy), the time of the work alone (on a pool thread in the app), and the time to build it with everything
on the calling thread (the page as it was before, for comparison). Each figure is the median of three runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.timing import median_ms

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from db import Store
from desktop.core.records import Proposal
from desktop.ui.audit_view import AuditView, read_findings
from desktop.ui.timeline_view import TimelineView, read_timeline
from desktop.ui.workers import SyncPool, Worker

AS_OF = dt.date(2022, 3, 31)
RUNS = 3


class HeldPool(SyncPool):
    """Keeps the workers it is given: the GUI thread's share is what remains."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[Worker] = []

    def start(self, worker: Worker) -> None:
        self.held.append(worker)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="an existing ledger to measure instead of generating one")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="reply-ledger-bench-") as folder:
        path = args.db
        if path is None:
            from bench.generate_ledger import generate

            path = Path(folder) / "ledger.sqlite3"
            generate(path, args.targets)
        store = Store.open(path, create=False)
        proposals = store.list(Proposal, limit=1)
        if not proposals:
            parser.error(f"{path} holds no proposal to show a timeline of")
        proposal_id = proposals[0].id
        pages = {
            "回头看 (AuditView)": (lambda pool: AuditView(store, pool=pool, today=lambda: AS_OF),
                                 lambda: read_findings(path, AS_OF)),
            "timeline (TimelineView)": (lambda pool: TimelineView(store, proposal_id, pool=pool, today=lambda: AS_OF),
                                        lambda: read_timeline(path, proposal_id, AS_OF)),
        }
        print(f"{path}: {store.counts()}")
        print("| page | GUI thread, work on the pool (ms) | the work alone (ms) | all on the GUI thread (ms) |")
        print("|---|---:|---:|---:|")
        for name, (build, work) in pages.items():
            held = median_ms(lambda build=build: build(HeldPool()).deleteLater(), RUNS)
            alone = median_ms(work, RUNS)
            synchronous = median_ms(lambda build=build: build(SyncPool()).deleteLater(), RUNS)
            print(f"| {name} | {held:.0f} | {alone:.0f} | {synchronous:.0f} |")
            app.processEvents()
        store.close()


if __name__ == "__main__":
    main()
