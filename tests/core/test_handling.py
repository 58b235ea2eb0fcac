"""A proposal's handling state from its dates, replies, ratings and promises: a table of cases."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.deadlines import DeadlineRules
from desktop.core.handling import ProposalFile, delivery_state, judge_handling, summarize_states
from desktop.core.records import HANDLING_STATES, RATINGS, Commitment, Feedback, Proposal, Reply
from desktop.core.status import Judgement

D = dt.date
RULES = DeadlineRules()
ASSIGNED = D(2021, 3, 10)


def make_file(*, replies: tuple[Reply, ...] = (), feedback: tuple[Feedback, ...] = (),
              promises: tuple[str, ...] = (), **proposal_fields) -> ProposalFile:
    fields = dict(session="常州市十六届人大五次会议", number="第021号", title="t", assigned_date=ASSIGNED, id=1)
    fields.update(proposal_fields)
    file = ProposalFile(proposal=Proposal(**fields), replies=list(replies), feedback=list(feedback))
    for index, state in enumerate(promises, start=1):
        file.commitments.append(Commitment(reply_id=replies[0].id, title=f"承诺{index}", id=index))
        file.commitment_states[index] = Judgement(state, "…", D(2022, 1, 1))
    return file


def reply(day: dt.date, reply_id: int = 10, reanswer: bool = False) -> Reply:
    return Reply(proposal_id=1, reply_date=day, doc_number=f"常工信复〔2021〕第{reply_id}号", is_reanswer=reanswer,
                 id=reply_id)


def rating(day: dt.date | None, value: str = "satisfied", reply_id: int = 10, aspect: str = "reply") -> Feedback:
    return Feedback(reply_id=reply_id, rating=value, feedback_date=day, aspect=aspect, id=reply_id * 10)


REPLIED = reply(D(2021, 6, 8))
SATISFIED = rating(D(2021, 6, 25))

CASES = [
    # (description, file, as_of, expected state, words the reason must hold)
    ("not yet answered", make_file(), D(2021, 5, 1), "pending", ["答复期限2021-06-10", "还有40天",
                                                                 "交办2021-03-10 + 3个月 = 2021-06-10"]),
    ("deadline passed", make_file(), D(2021, 6, 20), "reply_overdue", ["已过10天"]),
    ("no assignment date", make_file(assigned_date=None), D(2021, 6, 20), "pending", ["答复期限不详"]),
    ("extension approved", make_file(extended_due_date=D(2021, 8, 31), extension_approval="同意"), D(2021, 6, 20),
     "pending", ["经批准延期至2021-08-31"]),
    ("reply after the as-of date is not known yet", make_file(replies=(REPLIED,)), D(2021, 6, 1), "pending", []),
    ("withdrawn", make_file(state="withdrawn"), D(2021, 6, 20), "withdrawn", []),
    ("misrouted, not returned", make_file(misrouted_date=D(2021, 9, 30)), D(2021, 10, 12), "reply_overdue",
     ["误交办", "退回期限2021-10-11，已超期"]),
    ("returned in time", make_file(misrouted_date=D(2021, 9, 30), returned_date=D(2021, 10, 8)), D(2021, 10, 12),
     "returned", ["在退回期限2021-10-11内"]),
    ("returned late", make_file(misrouted_date=D(2021, 9, 30), returned_date=D(2021, 10, 12)), D(2021, 10, 12),
     "returned", ["晚于退回期限2021-10-11"]),
    ("replied, no rating", make_file(replies=(REPLIED,)), D(2021, 6, 20), "awaiting_feedback",
     ["2021-06-08答复（常工信复〔2021〕第10号）", "已等待12天"]),
    ("rating after the as-of date is not known", make_file(replies=(REPLIED,), feedback=(SATISFIED,)),
     D(2021, 6, 20), "awaiting_feedback", []),
    ("unsatisfied, no re-answer yet", make_file(replies=(REPLIED,), feedback=(rating(D(2021, 7, 1), "unsatisfied"),)),
     D(2021, 7, 10), "reanswer_due", ["不满意", "再答复期限2021-07-31"]),
    ("unsatisfied, re-answer late", make_file(replies=(REPLIED,), feedback=(rating(D(2021, 7, 1), "unsatisfied"),)),
     D(2021, 8, 10), "reanswer_due", ["已超期10天"]),
    ("unsatisfied with delivery", make_file(replies=(REPLIED,), feedback=(
        SATISFIED, rating(D(2022, 2, 1), "unsatisfied", aspect="delivery"))), D(2022, 2, 10), "reanswer_due",
     ["对落实评价不满意"]),
    ("re-answered, waiting for the new rating", make_file(
        replies=(REPLIED, reply(D(2021, 7, 20), 11, reanswer=True)),
        feedback=(rating(D(2021, 7, 1), "unsatisfied"),)), D(2021, 8, 1), "awaiting_feedback", ["再答复"]),
    ("re-answer rated satisfied, no promises", make_file(
        replies=(REPLIED, reply(D(2021, 7, 20), 11, reanswer=True)),
        feedback=(rating(D(2021, 7, 1), "unsatisfied"), rating(D(2021, 8, 1), "basically_satisfied", 11))),
     D(2021, 8, 10), "closed", ["基本满意", "无承诺事项"]),
    ("late reply", make_file(replies=(reply(D(2021, 6, 20)),), feedback=(SATISFIED,)), D(2021, 7, 1), "closed",
     ["超过答复期限2021-06-10共10天"]),
    ("all promises met", make_file(replies=(REPLIED,), feedback=(SATISFIED,), promises=("met", "met")),
     D(2022, 1, 1), "delivered", ["承诺2项全部达成"]),
    ("a promise missed", make_file(replies=(REPLIED,), feedback=(SATISFIED,), promises=("met", "missed", "on_track")),
     D(2022, 1, 1), "delivery_lagging", ["已达成1项", "未达成1项", "最需关注：“承诺2”未达成"]),
    ("promises under way", make_file(replies=(REPLIED,), feedback=(SATISFIED,), promises=("at_risk", "no_data")),
     D(2022, 1, 1), "delivering", ["有风险1项"]),
    ("undated rating counts as known", make_file(replies=(REPLIED,), feedback=(rating(None),)), D(2021, 6, 9),
     "closed", ["（日期不详）评价满意"]),
]


@pytest.mark.parametrize(("description", "file", "as_of", "expected", "words"), CASES, ids=[c[0] for c in CASES])
def test_judge_handling_cases(description: str, file: ProposalFile, as_of: dt.date, expected: str,
                              words: list[str]) -> None:
    judged = judge_handling(file, as_of, RULES)
    assert judged.state == expected, judged.reason
    assert judged.label == HANDLING_STATES[expected]
    assert "\n" not in judged.reason
    for word in words:
        assert word in judged.reason


def test_delivery_state_and_summary() -> None:
    assert delivery_state([]) == "closed"
    assert delivery_state(["met", "overdue"]) == "delivery_lagging"
    assert delivery_state(["met", "no_data"]) == "delivering"
    assert summarize_states(["met", "overdue", "overdue"]) == "已达成1项、逾期无佐证2项"
    assert summarize_states(["pending"], HANDLING_STATES, "件") == "待答复1件"


def test_reply_without_proposal_is_judged_from_its_reply() -> None:
    orphan = ProposalFile(proposal=None, replies=[REPLIED])
    assert orphan.label == "常工信复〔2021〕第10号"
    assert judge_handling(orphan, D(2021, 7, 1), RULES).state == "awaiting_feedback"


replies_strategy = st.lists(
    st.builds(lambda day, reanswer, n: reply(day, 10 + n, reanswer),
              st.dates(min_value=D(2021, 4, 1), max_value=D(2021, 12, 31)), st.booleans(),
              st.integers(min_value=0, max_value=5)),
    max_size=4, unique_by=lambda r: r.id)


@settings(max_examples=150, deadline=None)
@given(replies_strategy, st.lists(st.tuples(st.dates(min_value=D(2021, 4, 1), max_value=D(2022, 3, 1)),
                                            st.sampled_from(sorted(RATINGS)), st.integers(min_value=0, max_value=5)),
                                  max_size=4),
       st.dates(min_value=D(2021, 3, 1), max_value=D(2022, 6, 30)), st.randoms())
def test_handling_never_depends_on_the_order_things_were_entered(replies, ratings, as_of, shuffler) -> None:
    feedback = [Feedback(reply_id=10 + n, rating=value, feedback_date=day, id=100 + i)
                for i, (day, value, n) in enumerate(ratings)]
    first = judge_handling(make_file(replies=tuple(replies), feedback=tuple(feedback)), as_of, RULES)
    shuffled_replies, shuffled_feedback = list(replies), list(feedback)
    shuffler.shuffle(shuffled_replies)
    shuffler.shuffle(shuffled_feedback)
    second = judge_handling(make_file(replies=tuple(shuffled_replies), feedback=tuple(shuffled_feedback)), as_of,
                            RULES)
    assert (first.state, first.reason) == (second.state, second.reason)
