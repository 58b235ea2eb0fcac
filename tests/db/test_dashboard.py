from __future__ import annotations

import datetime as dt

from db import Store
from db import dashboard as db_dashboard
from db.status import judge_ledger
from desktop.core.records import Commitment, Reply, Target


def test_dashboard_counts_by_unit_and_year(demo_store: Store) -> None:
    reply = demo_store.list(Reply)[0]
    other = demo_store.save(Commitment(reply_id=reply.id, title="新建公共充电桩", responsible_unit="常州市交通运输局",
                                       deadline=dt.date(2023, 12, 31)))
    demo_store.save(Target(commitment_id=other.id, indicator="公共充电桩数", comparator=">=", value=500, unit="台"))
    demo_store.save(Target(commitment_id=other.id, indicator="充电桩基数", comparator="=", value=100, unit="台",
                           kind="baseline"))
    by_unit = {group.key: (group.commitments, group.targets) for group in db_dashboard.counts_by_unit(demo_store)}
    assert by_unit == {"常州市工业和信息化局": (15, 13), "常州市交通运输局": (1, 1)}
    by_year = {group.key: (group.commitments, group.targets) for group in db_dashboard.counts_by_year(demo_store)}
    # The new target has no deadline of its own: it counts in its commitment's year. Baselines are not targets.
    assert by_year == {2021: (8, 8), 2025: (7, 5), 2023: (1, 1)}


def test_dashboard_counts_by_state_fold_the_judgements(demo_store: Store) -> None:
    status = judge_ledger(demo_store, dt.date(2022, 3, 31))
    groups = db_dashboard.counts_by_state(status.targets, status.commitments, ("met", "missed", "no_data"))
    assert [group.key for group in groups] == ["met", "missed", "no_data"]
    met = groups[0]
    assert met.targets == sum(1 for j in status.targets.values() if j.state == "met") >= 1
    assert met.commitments == sum(1 for j in status.commitments.values() if j.state == "met")


def test_dashboard_upcoming_deadlines_start_at_the_day(demo_store: Store) -> None:
    upcoming = db_dashboard.upcoming_deadlines(demo_store, dt.date(2022, 1, 1))
    assert upcoming and all(item.deadline >= dt.date(2022, 1, 1) for item in upcoming)
    assert [item.deadline for item in upcoming] == sorted(item.deadline for item in upcoming)
    # The qualitative promise (no targets) is listed by its commitment, with a negative key.
    assert any(item.key < 0 and item.title == "实现全市城乡5G网络全覆盖" for item in upcoming)
    assert len(db_dashboard.upcoming_deadlines(demo_store, dt.date(2021, 1, 1), limit=3)) == 3
    assert db_dashboard.upcoming_deadlines(demo_store, dt.date(2030, 1, 1)) == []
