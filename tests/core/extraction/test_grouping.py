from __future__ import annotations

import datetime as dt

from desktop.core.extraction import extract_targets
from desktop.core.extraction.grouping import indicator_similarity, plan_acceptance


def test_indicator_similarity() -> None:
    assert indicator_similarity("标识注册量", "标识注册量") == 1.0
    assert indicator_similarity("开通5G基站数", "累计开通5G基站数") == 1.0
    assert indicator_similarity("标识注册量", "省级智能车间数") < 0.5
    assert indicator_similarity("", "x") == 0.0


def test_baselines_attach_to_matching_commitment_targets() -> None:
    text = ("目前全市已开通5G基站近7000个，省级智能车间12家。2021年累计开通5G基站超1万个，"
            "实现重点园区全覆盖。到2025年，新增高新技术企业500家。")
    targets = extract_targets(text, reference_date=dt.date(2021, 6, 8))
    plan = plan_acceptance(targets)
    by_value = {t.value_normalized: i for i, t in enumerate(targets)}
    assert plan.baseline_of == {by_value[10000]: by_value[7000]}
    assert plan.unmatched_baselines == [by_value[12]]
    # '实现重点园区全覆盖' is governed by the sentence's opening 2021年: a qualitative promise of its own.
    assert [(len(p.targets), len(p.qualitative)) for p in plan.commitments] == [(1, 0), (0, 1), (1, 0)]
