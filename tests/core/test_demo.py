from __future__ import annotations

import datetime as dt

from desktop.core.demo import build_demo_story
from tests.conftest import DEMO_DIR


def test_demo_story_is_the_seed_letter() -> None:
    story = build_demo_story(DEMO_DIR)
    assert story.reply.doc_number == "常工信复〔2021〕第39号"
    assert story.proposal.number == "第021号" and story.proposal.session == "常州市十六届人大五次会议"
    assert story.proposal.proposers[0].name == "魏农"
    assert "标识注册量累计超过5亿" in (story.reply.text or "")
    assert len(story.commitments) >= 12
    targets = [t.target for c in story.commitments for t in c.targets]
    assert len(targets) >= 12
    assert {t.deadline for t in targets} == {dt.date(2021, 12, 31), dt.date(2025, 12, 31)}


def test_demo_quotes_point_into_the_letter() -> None:
    story = build_demo_story(DEMO_DIR)
    text = story.reply.text or ""
    for item in story.commitments:
        c = item.commitment
        assert text[c.quote_start:c.quote_end] == c.quote
        for demo_target in item.targets:
            t = demo_target.target
            assert text[t.quote_start:t.quote_end] == t.quote
            assert t.problems() == []
            if t.baseline_quote:
                assert t.baseline_quote in text


def test_demo_evidence_is_the_2022_report() -> None:
    story = build_demo_story(DEMO_DIR)
    stations = next(t for c in story.commitments for t in c.targets if t.target.indicator == "累计开通5G基站数")
    assert stations.target.value_normalized == 10_000 and stations.target.baseline_value == 7000
    [(evidence, source_name)] = stations.evidence
    assert (evidence.value, evidence.as_of_date) == (11080, dt.date(2022, 3, 3))
    assert evidence.quote in (story.sources[source_name].text or "")
