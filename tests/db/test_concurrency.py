"""Several clerks at once: four processes, each making 500 edits to the same few targets.

Every save either lands with its history row or is refused as a conflict; nothing is lost: each target ends with
the value of the last save that landed on it (the history's order is the order the saves landed in), the history
has exactly one row per landed save, and its chain is whole.
"""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import random
from multiprocessing.synchronize import Barrier
from pathlib import Path

from db import Store
from db.verify import verify_ledger
from desktop.core.errors import LedgerError
from desktop.core.records import Target

CLERKS = 4
EDITS = 500
RECORDS = 6  # few, so that the clerks keep meeting on the same records
TIMEOUT_SECONDS = 300


def clerk(location: str, number: int, target_ids: list[int], log_path: str, start: Barrier) -> None:
    """One clerk (in a process of its own): open a target, change its time expression, save; again and again.

    Each save is of the copy opened one edit earlier (a clerk keeps a form open while she reads the next record),
    so the other clerks have time to save the same target in between: some saves must be refused.
    """
    rng = random.Random(number)
    log: list[list] = []
    with Store.open(location, actor=f"clerk{number}") as store:
        start.wait(TIMEOUT_SECONDS)  # every clerk at work at the same time
        opened = store.get(Target, rng.choice(target_ids))
        for edit in range(EDITS):
            target, opened = opened, store.get(Target, rng.choice(target_ids))
            value = f"clerk{number}-{edit}"
            try:
                store.save(dataclasses.replace(target, deadline_text=value))
            except LedgerError as error:
                if error.code != "conflict":
                    raise
                log.append(["conflict", target.id, value])
            else:
                log.append(["landed", target.id, value])
    Path(log_path).write_text(json.dumps(log), encoding="utf-8")


def test_four_clerks_five_hundred_edits_each_lose_nothing(demo_db_path: Path | str, tmp_path: Path) -> None:
    with Store.open(demo_db_path) as store:
        target_ids = [target.id for target in store.list(Target)][:RECORDS]
        first_new_row = (store.history()[-1].id or 0) + 1
    context = multiprocessing.get_context("spawn")
    logs = [tmp_path / f"clerk{number}.json" for number in range(CLERKS)]
    start = context.Barrier(CLERKS)
    processes = [context.Process(target=clerk, args=(str(demo_db_path), number, target_ids, str(logs[number]), start))
                 for number in range(CLERKS)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(TIMEOUT_SECONDS)
    assert [process.exitcode for process in processes] == [0] * CLERKS
    outcomes = [entry for log in logs for entry in json.loads(log.read_text(encoding="utf-8"))]
    assert len(outcomes) == CLERKS * EDITS
    landed = {value: target_id for outcome, target_id, value in outcomes if outcome == "landed"}
    # Both outcomes happened: the clerks did meet on the same records, and work still got saved.
    assert 0 < len(landed) < CLERKS * EDITS

    with Store.open(demo_db_path) as store:
        assert store.verify_history() == [] and verify_ledger(store.conn).ok  # every row as its history says
        changes = [entry for entry in store.history("targets") if entry.id >= first_new_row]
        # One history row per landed save, naming the value it wrote, and no row for a refused one.
        assert sorted(entry.after["deadline_text"] for entry in changes) == sorted(landed)
        assert all(entry.action == "update" and landed[entry.after["deadline_text"]] == entry.row_id
                   for entry in changes)
        last_landed = {entry.row_id: entry.after["deadline_text"] for entry in changes}
        for target_id in target_ids:
            assert store.get(Target, target_id).deadline_text == last_landed[target_id]
