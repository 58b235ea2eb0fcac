"""Status rules: a table of cases, and properties that must hold for any evidence."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.records import Commitment, Evidence, Target
from desktop.core.status import (
    SEVERITY,
    Judgement,
    evidence_in_target_unit,
    format_amount,
    judge_commitment,
    judge_commitment_from,
    judge_target,
    judge_without_evidence,
)

D = dt.date
DEADLINE = D(2021, 12, 31)
REPLY = D(2021, 6, 1)


def target(comparator: str = ">", value: float | None = 10000, unit: str = "个", **changes) -> Target:
    from desktop.core.units import normalize

    normalized, base = normalize(value, unit) if value is not None else (None, None)
    fields = dict(commitment_id=1, indicator="5G基站数", comparator=comparator, value=value, unit=unit,
                  value_normalized=normalized, unit_normalized=base, deadline=DEADLINE, cumulative=True)
    fields.update(changes)
    return Target(**fields)


def ev(day: dt.date, value: float | None, unit: str = "个", comparator: str = "=", achieved: bool | None = None,
       quote: str = "") -> Evidence:
    return Evidence(target_id=1, as_of_date=day, value=value, unit=unit, comparator=comparator, achieved=achieved,
                    quote=quote)


CASES = [
    # (description, target, evidence, as_of, expected state)
    ("> met", target(">", 1, "万个"), [ev(D(2021, 11, 1), 11080)], D(2022, 1, 1), "met"),
    ("> exactly equal is not met", target(">", 10000), [ev(D(2021, 11, 1), 10000)], D(2022, 1, 1), "missed"),
    (">= exactly equal is met", target(">=", 10000), [ev(D(2021, 11, 1), 10000)], D(2022, 1, 1), "met"),
    ("= reached", target("=", 50), [ev(D(2021, 11, 1), 50)], D(2022, 1, 1), "met"),
    ("= short after deadline", target("=", 50), [ev(D(2021, 11, 1), 40)], D(2022, 1, 1), "missed"),
    ("<= kept", target("<=", 5, "%"), [ev(D(2021, 12, 1), 4.5, "%")], D(2022, 1, 1), "met"),
    ("<= exceeded", target("<=", 5, "%"), [ev(D(2021, 12, 1), 5.5, "%")], D(2022, 1, 1), "missed"),
    ("< boundary", target("<", 5, "%"), [ev(D(2021, 12, 1), 5, "%")], D(2022, 1, 1), "missed"),
    ("range inside", target("range", 100, "个", value_high=200, value_high_normalized=200),
     [ev(D(2021, 12, 1), 150)], D(2022, 1, 1), "met"),
    ("range above", target("range", 100, "个", value_high=200, value_high_normalized=200),
     [ev(D(2021, 12, 1), 250)], D(2022, 1, 1), "missed"),
    ("unit conversion 万个 evidence", target(">=", 10000), [ev(D(2021, 12, 1), 1.2, "万个")], D(2022, 1, 1), "met"),
    ("unit conversion 亿元 vs 万元", target(">=", 15, "亿元", cumulative=False),
     [ev(D(2021, 12, 1), 160000, "万元")], D(2022, 1, 1), "met"),
    ("bare magnitude 亿 vs 亿", target(">=", 2.5, "亿", cumulative=None), [ev(D(2021, 12, 1), 3.3, "亿")],
     D(2022, 1, 1), "met"),
    ("incompatible unit is not compared", target(">=", 15, "亿元"), [ev(D(2021, 12, 1), 20, "个")], D(2022, 1, 1),
     "overdue"),
    ("no evidence before deadline", target(), [], D(2021, 6, 30), "no_data"),
    ("no evidence after deadline", target(), [], D(2022, 1, 1), "overdue"),
    ("evidence after as-of is ignored", target(), [ev(D(2022, 3, 3), 11080)], D(2021, 12, 1), "no_data"),
    ("late evidence still shows it was met", target(), [ev(D(2022, 3, 3), 11080)], D(2022, 3, 31), "met"),
    ("on track by the straight line", target(">=", 10000, baseline_value=7000, baseline_date=REPLY),
     [ev(D(2021, 9, 1), 8600)], D(2021, 9, 30), "on_track"),
    ("at risk by the straight line", target(">=", 10000, baseline_value=7000, baseline_date=REPLY),
     [ev(D(2021, 11, 1), 7200)], D(2021, 11, 30), "at_risk"),
    ("annual target starts from zero", target(">=", 30, "个", cumulative=False),
     [ev(D(2021, 7, 1), 10)], D(2021, 7, 2), "at_risk"),
    ("annual target ahead of the line", target(">=", 30, "个", cumulative=False),
     [ev(D(2021, 7, 1), 20)], D(2021, 7, 2), "on_track"),
    ("decreasing '=' target", target("=", 3, "%", baseline_value=8, baseline_unit="%", baseline_date=REPLY),
     [ev(D(2021, 12, 1), 2.9, "%")], D(2022, 1, 1), "met"),
    ("lower bound evidence meets >=", target(">=", 10000), [ev(D(2021, 12, 1), 11000, comparator=">")],
     D(2022, 1, 1), "met"),
    ("lower bound evidence cannot prove <=", target("<=", 100), [ev(D(2021, 12, 1), 50, comparator=">")],
     D(2022, 1, 1), "overdue"),
    ("upper bound evidence proves >= missed", target(">=", 100), [ev(D(2021, 12, 1), 50, comparator="<")],
     D(2022, 1, 1), "missed"),
    ("qualitative achieved", target("qualitative", None), [ev(D(2021, 12, 1), None, achieved=True)],
     D(2022, 1, 1), "met"),
    ("qualitative not achieved after deadline", target("qualitative", None),
     [ev(D(2021, 12, 1), None, achieved=False)], D(2022, 1, 1), "missed"),
    ("qualitative nothing recorded", target("qualitative", None), [], D(2021, 7, 1), "no_data"),
    ("baseline rows are not judged", target(kind="baseline", deadline=None), [ev(D(2021, 12, 1), 1)],
     D(2022, 1, 1), "no_data"),
]


@pytest.mark.parametrize(("description", "the_target", "evidence", "as_of", "expected"), CASES,
                         ids=[case[0] for case in CASES])
def test_judge_target_cases(description: str, the_target: Target, evidence: list[Evidence], as_of: dt.date,
                            expected: str) -> None:
    judgement = judge_target(the_target, evidence, as_of, start_date=REPLY)
    assert judgement.state == expected, judgement.reason
    assert judgement.reason and "\n" not in judgement.reason


def test_reason_reads_like_the_ledger() -> None:
    judgement = judge_target(target(">", 1, "万个"), [ev(D(2022, 3, 3), 11080)], D(2022, 3, 31))
    assert judgement.reason.startswith("截至2022-03-03为11080个，已超过目标10000个")
    assert judgement.label == "已达成"


def test_incompatible_units_are_reported() -> None:
    judgement = judge_target(target(">=", 15, "亿元"), [ev(D(2021, 12, 1), 20, "个")], D(2021, 12, 2))
    assert judgement.unit_problem and "个" in judgement.unit_problem and "元" in judgement.unit_problem
    assert "未计入" in judgement.reason


def test_at_risk_reason_explains_the_line() -> None:
    judgement = judge_target(target(">=", 10000, baseline_value=7000, baseline_date=REPLY),
                             [ev(D(2021, 11, 1), 7200)], D(2021, 11, 30))
    assert "按进度应达" in judgement.reason and judgement.expected_value > 7200
    assert judgement.progress == pytest.approx(200 / 3000)


def test_commitment_takes_its_worst_target() -> None:
    commitment = Commitment(reply_id=1, title="x", deadline=DEADLINE)
    met = judge_target(target(), [ev(D(2021, 12, 1), 20000)], D(2022, 1, 1))
    missing = judge_target(target(indicator="签约项目"), [], D(2022, 1, 1))
    judged = judge_commitment(commitment, [(target(), met), (target(indicator="签约项目"), missing)], D(2022, 1, 1))
    assert judged.state == "overdue"
    assert "签约项目" in judged.reason and "2项指标" in judged.reason


def test_commitment_manual_state_and_qualitative() -> None:
    as_of = D(2022, 1, 1)
    assert judge_commitment(Commitment(reply_id=1, title="x", deadline=DEADLINE), [], as_of).state == "overdue"
    assert judge_commitment(Commitment(reply_id=1, title="x", deadline=D(2025, 12, 31)), [], as_of).state == "no_data"
    manual = judge_commitment(Commitment(reply_id=1, title="x", manual_state="met", notes="已验收"), [], as_of)
    assert (manual.state, manual.reason) == ("met", "人工判定为已达成：已验收")


def test_commitment_holding_only_baselines_is_not_judged() -> None:
    holder = Commitment(reply_id=1, title="现状基数", deadline=DEADLINE)
    baseline = target(kind="baseline", deadline=None)
    judged = judge_commitment(holder, [(baseline, judge_target(baseline, [], D(2022, 1, 1)))], D(2022, 1, 1))
    assert (judged.state, judged.reason) == ("no_data", "仅含基数，不作评价")


def test_format_amount() -> None:
    assert format_amount(11080, "个") == "11080个"
    assert format_amount(1_500_000_000, "元") == "15亿元"
    assert format_amount(4_500_000, "") == "450万"
    assert format_amount(250_000_000, "") == "2.5亿"
    assert format_amount(4.5, "%") == "4.5%"


evidence_items = st.builds(
    ev,
    st.dates(min_value=D(2021, 1, 1), max_value=D(2022, 12, 31)),
    st.one_of(st.none(), st.integers(min_value=0, max_value=30000).map(float)),
    st.sampled_from(["个", "万个", "元", ""]),
    st.sampled_from(["=", ">", ">=", "<", "<="]),
    st.one_of(st.none(), st.booleans()),
    st.sampled_from(["", "a", "b"]),
)
targets = st.builds(
    target,
    st.sampled_from([">=", ">", "=", "<=", "<", "qualitative"]),
    st.integers(min_value=1, max_value=20000).map(float),
    st.sampled_from(["个", "万个"]),
    baseline_value=st.one_of(st.none(), st.integers(min_value=0, max_value=20000).map(float)),
    baseline_date=st.just(REPLY),
    cumulative=st.sampled_from([True, False, None]),
)


@settings(max_examples=300, deadline=None)
@given(targets, st.lists(evidence_items, max_size=6), st.dates(min_value=D(2021, 1, 1), max_value=D(2023, 1, 1)),
       st.randoms())
def test_status_never_depends_on_the_order_evidence_was_entered(the_target: Target, evidence: list[Evidence],
                                                                 as_of: dt.date, shuffler) -> None:
    if the_target.comparator == "qualitative":
        the_target = Target(**{**the_target.__dict__, "value": None, "value_normalized": None})
    first = judge_target(the_target, evidence, as_of, start_date=REPLY)
    shuffled = list(evidence)
    shuffler.shuffle(shuffled)
    second = judge_target(the_target, shuffled, as_of, start_date=REPLY)
    assert (first.state, first.reason) == (second.state, second.reason)
    assert first.state in SEVERITY


@settings(max_examples=200, deadline=None)
@given(targets, st.lists(evidence_items, max_size=6), st.dates(min_value=D(2021, 1, 1), max_value=D(2023, 1, 1)))
def test_evidence_after_the_as_of_date_changes_nothing(the_target: Target, evidence: list[Evidence],
                                                      as_of: dt.date) -> None:
    if the_target.comparator == "qualitative":
        the_target = Target(**{**the_target.__dict__, "value": None, "value_normalized": None})
    known = [item for item in evidence if item.as_of_date <= as_of]
    assert judge_target(the_target, evidence, as_of).state == judge_target(the_target, known, as_of).state


def test_targets_judged_alike_without_evidence_share_one_judgement() -> None:
    """Most targets of a big ledger have no evidence yet: their judgement follows from the deadline alone, so one
    frozen object stands for all of them (and a commitment with one promise takes its target's), equal field for
    field to what judging each would make."""
    as_of = D(2022, 1, 1)
    many = [judge_target(target(indicator=f"指标{n}"), [], as_of) for n in range(50)]
    assert all(judged is many[0] for judged in many)
    assert many[0] == Judgement("overdue", f"期限{DEADLINE.isoformat()}已过，尚无佐证", as_of)
    later = judge_target(target(deadline=D(2025, 12, 31)), [], as_of)
    assert later == Judgement("no_data", "尚无佐证，期限2025-12-31", as_of) and later is not many[0]
    assert judge_target(target(), [], D(2023, 1, 1)).as_of == D(2023, 1, 1)
    commitment = Commitment(reply_id=1, title="x")
    assert judge_commitment(commitment, [(target(), many[0])], as_of) is many[0]
    assert judge_commitment(commitment, [(target(), many[0])], D(2022, 6, 1)) == \
        Judgement(many[0].state, many[0].reason, D(2022, 6, 1))


@pytest.mark.parametrize("changes", [
    dict(), dict(comparator="qualitative", value=None), dict(kind="baseline"), dict(deadline=None),
    dict(deadline=D(2030, 1, 1)), dict(comparator="range", value=10, value_high=20, deadline=D(2030, 1, 1)),
    dict(comparator="qualitative", value=None, deadline=D(2030, 1, 1)), dict(comparator="<=", deadline=None),
])
def test_a_target_without_evidence_is_judged_by_its_deadline_as_the_straight_line_path_judges_it(changes) -> None:
    # Evidence dated after the as-of date is left out by the full path, which then finds nothing known: the answer
    # the deadline alone gives must be that one, field for field.
    promise = target(**changes)
    later = [ev(D(2023, 1, 1), 5, achieved=True)]
    for as_of in (D(2021, 1, 1), D(2022, 1, 1)):
        full = judge_target(promise, later, as_of, start_date=REPLY)
        assert judge_target(promise, [], as_of, start_date=REPLY) == full
        assert judge_without_evidence(promise.kind, promise.comparator, promise.deadline, as_of) == full


def test_a_commitment_is_judged_alike_from_its_record_or_from_the_fields_that_decide_it() -> None:
    as_of = D(2022, 1, 1)
    met = judge_target(target(), [ev(D(2021, 11, 1), 20000)], as_of)
    missing = judge_target(target(), [], as_of)
    for commitment, judged in [
        (Commitment(reply_id=1, title="x"), [(target(), met), (target(indicator="签约项目"), missing)]),
        (Commitment(reply_id=1, title="x", manual_state="at_risk", notes="进度滞后"), [(target(), met)]),
        (Commitment(reply_id=1, title="x", deadline=DEADLINE), []),
        (Commitment(reply_id=1, title="x"), [(target(kind="baseline"), missing)]),
    ]:
        promises = [(t.indicator, j) for t, j in judged if t.kind != "baseline"]
        assert judge_commitment_from(commitment.manual_state, commitment.notes, commitment.deadline, promises,
                                     bool(judged), as_of) == judge_commitment(commitment, judged, as_of)


@settings(max_examples=300, deadline=None)
@given(value=st.floats(allow_nan=False, allow_infinity=False, width=64),
       unit=st.sampled_from(["个", "万", "亿元", "万平方米", "%", "公里", "", "km"]))
def test_evidence_in_the_target_unit_is_what_converting_a_unit_to_itself_gives(value: float, unit: str) -> None:
    from desktop.core.units import convert

    promise = target(unit=unit, unit_normalized=unit)
    expected = convert(value, unit, unit)
    assert evidence_in_target_unit(ev(D(2021, 1, 1), value, unit=unit), promise) == \
        (float(expected) if expected is not None else None)
