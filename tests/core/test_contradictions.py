"""Contradictions in the figures as 回头看 findings: two figures for one indicator on one date, baselines stated
differently, cumulative evidence that goes backwards, a target met before it was promised."""

from __future__ import annotations

import datetime as dt

from desktop.core.audit import StatedFigure, find_contradictions, find_figure_conflicts, indicator_key
from desktop.core.deadlines import DeadlineRules
from desktop.core.handling import ProposalFile
from desktop.core.records import Commitment, Evidence, Proposal, Reply, Target
from desktop.core.status import judge_target

D = dt.date
AS_OF = D(2022, 6, 30)


def figure(kind: str, value: float, unit: str, day: D, reply_id: int, indicator: str = "5G基站数",
           cumulative: bool | None = True, subject_id: int = 1) -> StatedFigure:
    return StatedFigure(kind=kind, indicator=indicator, value=value, unit=unit, date=day,
                        proposal_label=f"建议{reply_id}", proposal_id=reply_id,
                        subject_table="evidence" if kind == "evidence" else "targets",
                        subject_id=subject_id, reply_id=reply_id, reply_label=f"常工信复〔2021〕第{reply_id}号",
                        cumulative=cumulative, source="常州日报" if kind == "evidence" else "")


def test_two_figures_for_one_indicator_on_one_date() -> None:
    found = find_figure_conflicts([
        figure("evidence", 11080, "个", D(2022, 3, 3), 1, subject_id=1),
        figure("evidence", 11000, "个", D(2022, 3, 3), 2, indicator="5G 基站数", subject_id=2),  # same after folding
        figure("evidence", 11080, "个", D(2022, 3, 3), 3, subject_id=3),  # agrees with the first
        figure("evidence", 12000, "个", D(2022, 4, 1), 1, subject_id=4),  # another day
        figure("evidence", 1.1, "亿元", D(2022, 3, 3), 1, indicator="5G基站数", subject_id=5),  # money: not compared
    ])
    assert [f.kind for f in found] == ["conflicting_figures"]
    assert found[0].date == D(2022, 3, 3) and "有3个数值" in found[0].message
    assert "11000个（常工信复〔2021〕第2号，常州日报）" in found[0].message
    # Units that convert into each other are compared: 1.108万个 is 11080个.
    assert find_figure_conflicts([figure("evidence", 11080, "个", D(2022, 3, 3), 1),
                                  figure("evidence", 11080, "个", D(2022, 3, 3), 2, subject_id=2)]) == []
    assert indicator_key("5G 基站数。") == indicator_key("5G基站数")


def test_baselines_stated_differently_in_two_letters() -> None:
    same_day = find_figure_conflicts([figure("baseline", 7000, "个", D(2021, 6, 8), 1),
                                      figure("baseline", 6500, "个", D(2021, 6, 8), 2, subject_id=2)])
    assert [f.kind for f in same_day] == ["conflicting_baselines"] and "同一日期的基数不一致" in same_day[0].message
    backwards = find_figure_conflicts([figure("baseline", 7000, "个", D(2021, 6, 8), 1),
                                       figure("baseline", 6500, "个", D(2021, 9, 1), 2, subject_id=2)])
    assert [f.kind for f in backwards] == ["conflicting_baselines"] and "反而更低" in backwards[0].message
    growing = [figure("baseline", 7000, "个", D(2021, 6, 8), 1), figure("baseline", 9000, "个", D(2021, 9, 1), 2)]
    assert find_figure_conflicts(growing) == []
    one_letter = [figure("baseline", 7000, "个", D(2021, 6, 8), 1), figure("baseline", 6500, "个", D(2021, 6, 8), 1)]
    assert find_figure_conflicts(one_letter) == []  # two figures of one letter are not two letters


REPLY_DATE = D(2021, 6, 8)


def _file(evidence: list[Evidence], cumulative: bool = True, reply_date: D = REPLY_DATE) -> ProposalFile:
    proposal = Proposal(session="常州市十六届人大五次会议", number="第021号", title="t", id=1)
    reply = Reply(proposal_id=1, doc_number="常工信复〔2021〕第39号", reply_date=reply_date, id=1)
    commitment = Commitment(reply_id=1, title="累计开通5G基站超1万个", deadline=D(2021, 12, 31), id=1)
    target = Target(commitment_id=1, indicator="累计开通5G基站数", comparator=">", value=1, unit="万个",
                    value_normalized=10000, unit_normalized="个", deadline=D(2021, 12, 31), cumulative=cumulative, id=1)
    file = ProposalFile(proposal=proposal, replies=[reply], commitments=[commitment], targets=[target],
                        evidence=evidence)
    judged = judge_target(target, evidence, AS_OF)
    file.target_states[1] = judged
    file.commitment_states[1] = judged
    return file


def _evidence(evidence_id: int, day: D, value: float, comparator: str = "=") -> Evidence:
    return Evidence(target_id=1, as_of_date=day, value=value, unit="个", comparator=comparator, publisher="常州日报",
                    id=evidence_id)


def _kinds(file: ProposalFile) -> list[str]:
    return [f.kind for f in find_contradictions([file], AS_OF, DeadlineRules(), [])]


def test_cumulative_evidence_that_goes_backwards() -> None:
    file = _file([_evidence(1, D(2021, 9, 1), 9000), _evidence(2, D(2021, 12, 1), 11080),
                  _evidence(3, D(2022, 3, 3), 10500)])
    found = [f for f in find_contradictions([file], AS_OF, DeadlineRules(), []) if f.kind == "evidence_backwards"]
    assert len(found) == 1 and found[0].subject_id == 3 and found[0].date == D(2022, 3, 3)
    assert "10500个" in found[0].message and "低于2021-12-01的11080个" in found[0].message
    assert "evidence_backwards" not in _kinds(_file([_evidence(1, D(2021, 9, 1), 9000),
                                                     _evidence(2, D(2021, 12, 1), 8000)], cumulative=False))
    # A bound ("超8000") is not an exact figure: it cannot go backwards.
    assert "evidence_backwards" not in _kinds(_file([_evidence(1, D(2021, 9, 1), 9000),
                                                     _evidence(2, D(2021, 12, 1), 8000, ">")]))


def test_target_met_before_the_reply_that_promised_it() -> None:
    file = _file([_evidence(1, D(2021, 5, 31), 10500)])
    found = [f for f in find_contradictions([file], AS_OF, DeadlineRules(), []) if f.kind == "met_before_promise"]
    assert len(found) == 1 and found[0].date == D(2021, 5, 31)
    assert "2021-06-08" in found[0].message and "已超过目标10000个" in found[0].message
    assert "met_before_promise" not in _kinds(_file([_evidence(1, D(2021, 5, 31), 9000)]))
    assert "met_before_promise" not in _kinds(_file([_evidence(1, D(2021, 7, 1), 10500)]))


def test_the_judgement_names_a_second_figure_of_the_same_day() -> None:
    target = _file([]).targets[0]
    judged = judge_target(target, [_evidence(1, D(2022, 3, 3), 11080), _evidence(2, D(2022, 3, 3), 9900)], AS_OF)
    assert judged.state == "missed" and "同日另有佐证11080个，按较不利的数值判定" in judged.reason
