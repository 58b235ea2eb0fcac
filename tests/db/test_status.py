from __future__ import annotations

import datetime as dt

import pytest

from db import Store
from db.status import judge_ledger
from desktop.core.errors import Cancelled
from desktop.core.records import Commitment, Target


def test_demo_as_of_2022_03_31(demo_store: Store) -> None:
    status = judge_ledger(demo_store, dt.date(2022, 3, 31))
    by_title = {c.title: status.commitments[c.id] for c in demo_store.list(Commitment)}
    stations = by_title["累计开通5G基站超1万个"]
    assert stations.state == "met"
    assert stations.reason.startswith("截至2022-03-03为11080个，已超过目标10000个")
    # 2021 promises with nothing recorded are overdue; 十四五 promises have no data yet.
    assert by_title["完成5G建设投资"].state == "overdue"
    assert by_title["标识注册量累计超过5亿"].state == "no_data"
    assert by_title["实现全市城乡5G网络全覆盖"].state == "no_data"
    assert len(status.targets) == demo_store.count(Target)


def test_demo_before_the_report_was_known(demo_store: Store) -> None:
    status = judge_ledger(demo_store, dt.date(2021, 12, 1))
    stations = next(c for c in demo_store.list(Commitment) if c.title == "累计开通5G基站超1万个")
    assert status.commitments[stations.id].state == "no_data"


def test_judge_part_of_the_ledger_and_cancel(demo_store: Store) -> None:
    some = [c.id for c in demo_store.list(Commitment, limit=3)]
    status = judge_ledger(demo_store, dt.date(2022, 3, 31), commitment_ids=some)
    assert set(status.commitments) == set(some)
    with pytest.raises(Cancelled):
        judge_ledger(demo_store, dt.date(2022, 3, 31), is_cancelled=lambda: True)
