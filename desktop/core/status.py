"""Judging targets and commitments as of a date, with a one-line reason in Chinese.

States (records.TARGET_STATES): met 已达成, on_track 进展正常, at_risk 有风险, missed 未达成,
overdue 逾期无佐证, no_data 无数据.

The rules, in the order they are applied to a target:

1. Only evidence measured on or before the as-of date counts ("what did we know on 2022-06-30?").
2. Evidence in a unit that cannot be converted to the target's unit (个 vs 元) is never compared; it is reported.
3. The latest usable evidence decides. Two figures of the same date: the less favourable one decides, so the
   order in which evidence was entered never changes a judgement, and the reason names the other figure (回头看
   lists the contradiction).
4. met: the latest figure satisfies the comparator (a figure written as "超11000" is a lower bound and only
   counts when the bound itself satisfies it). Evidence dated after the deadline still shows the target was
   reached, and the reason says it came late.
5. missed: the deadline has passed and the latest figure does not satisfy the target.
6. overdue: the deadline has passed and there is no usable evidence (or only a bound that cannot tell).
7. Before the deadline, a target that is not yet met is on_track or at_risk by a straight-line path: from the
   baseline (its value and date; for a yearly or "新增" target, zero at the start of the period) to the target
   value at the deadline. If the latest figure is behind where that line is on its date, the line through the
   baseline and that figure misses the target at the deadline: at_risk. Otherwise on_track. When no starting
   point is known the path cannot be drawn; the target is on_track and the reason says progress was not measured.
8. no_data: no usable evidence and the deadline has not passed (or there is none); qualitative targets without
   evidence of being achieved.

A commitment takes its hand-set state when it has one (qualitative promises are judged by hand); otherwise its
worst target decides (missed, overdue, at_risk, no_data, on_track, met, from worst to best). A commitment that
holds only baselines (the figures a letter states as the current situation) is not a promise and is not judged.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import FrozenInstanceError, dataclass
from decimal import Decimal
from typing import NamedTuple

from desktop.core.records import TARGET_STATES, Commitment, Evidence, Target
from desktop.core.units import convert, dimension, split_unit

# Worst first: the first state found among a commitment's targets decides.
SEVERITY = ("missed", "overdue", "at_risk", "no_data", "on_track", "met")
_SEVERITY_RANK = {state: rank for rank, state in enumerate(SEVERITY)}
STATE_LABELS = TARGET_STATES

# Dimensions whose amounts must never be compared with a bare count (注册量3.3亿 has no written unit).
_MEASURED_DIMENSIONS = {"元", "美元", "m", "m²", "m³", "t", "%", "kW", "G", "百分点"}


_FIELDS = ("state", "reason", "as_of", "latest_evidence", "measured_value", "progress", "expected_value",
           "unit_problem")
_set = object.__setattr__


class Judgement:
    """The state of a target or commitment on a date, and why.

    Frozen, so one judgement may stand for many targets: those whose judgement follows from a few of their fields
    alone (no evidence yet, a baseline) share one. Compares, hashes and pickles by its fields, as a frozen
    dataclass would.

    Judging a whole ledger gives 100 000 judgements of which few are ever read out, so the reason may be given as
    ``(format, *arguments)``: the sentence ``format(*arguments)``, written when it is first read.
    """

    # One slot holding the fields in the order of :data:`_FIELDS`: a judgement is made with one assignment (a
    # ledger makes 100 000 of them), and read through the properties below.
    __slots__ = ("_fields",)

    def __init__(self, state: str, reason: str | tuple, as_of: dt.date, latest_evidence: Evidence | None = None,
                 measured_value: float | None = None, progress: float | None = None,
                 expected_value: float | None = None, unit_problem: str | None = None) -> None:
        _set(self, "_fields", (state, reason, as_of, latest_evidence, measured_value, progress, expected_value,
                               unit_problem))

    @property
    def state(self) -> str:
        return self._fields[0]

    @property
    def reason(self) -> str:
        reason = self._fields[1]
        if reason.__class__ is not str:  # formatted once, when first read (the same text from any thread)
            reason = reason[0](*reason[1:])
            fields = self._fields
            _set(self, "_fields", (fields[0], reason, *fields[2:]))
        return reason

    @property
    def as_of(self) -> dt.date:
        return self._fields[2]

    @property
    def latest_evidence(self) -> Evidence | None:
        return self._fields[3]

    @property
    def measured_value(self) -> float | None:
        """The latest figure in the target's base unit."""
        return self._fields[4]

    @property
    def progress(self) -> float | None:
        """The share of the way from the starting point to the target (1.0 = reached)."""
        return self._fields[5]

    @property
    def expected_value(self) -> float | None:
        """Where the straight-line path stands on the latest figure's date."""
        return self._fields[6]

    @property
    def unit_problem(self) -> str | None:
        """Set when evidence was left out because its unit does not fit."""
        return self._fields[7]

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]

    def _values(self) -> tuple:
        self.reason  # noqa: B018 (written, so that the fields hold it)
        return self._fields

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Judgement:
            return NotImplemented
        return self is other or self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple:
        return Judgement, self._values()

    def __repr__(self) -> str:
        shown = zip(_FIELDS, self._values(), strict=True)
        return "Judgement(" + ", ".join(f"{name}={value!r}" for name, value in shown) + ")"


class TargetFacts(NamedTuple):
    """The fields of a target that judge it, as :func:`judge_target` reads them from a :class:`Target`: what
    judging a whole ledger makes of a target's row, instead of the whole record."""

    kind: str
    comparator: str
    value: float | None
    value_high: float | None
    unit: str | None
    value_normalized: float | None
    value_high_normalized: float | None
    unit_normalized: str | None
    deadline: dt.date | None
    cumulative: bool | None
    baseline_value: float | None
    baseline_unit: str | None
    baseline_date: dt.date | None


_SHARED: dict[tuple, Judgement] = {}
_SHARED_LIMIT = 4096  # distinct (kind, deadline, as-of date) keys a ledger has: a few hundred


def _shared(key: tuple, make: Callable[[], Judgement]) -> Judgement:
    """The judgement of a key made once and shared: every target or commitment whose judgement follows from the
    key alone (no evidence yet, a baseline) gets the same frozen object. Most targets of a big ledger are such:
    fewer objects to build and hold, and for the garbage collector to walk."""
    found = _SHARED.get(key)
    if found is None:
        if len(_SHARED) >= _SHARED_LIMIT:
            _SHARED.clear()
        found = _SHARED[key] = make()
    return found


def format_amount(value: float | None, unit: str | None) -> str:
    """A figure for a reason line: 11080个, 15亿元, 450万, 2.5亿 (万/亿 only for large numbers)."""
    if value is None:
        return "—"
    shown, magnitude = float(value), ""
    if abs(shown) >= 1e8:
        shown, magnitude = shown / 1e8, "亿"
    elif abs(shown) >= 1e5:
        shown, magnitude = shown / 1e4, "万"
    text = f"{shown:.4f}".rstrip("0").rstrip(".")
    return f"{text}{magnitude}{unit or ''}"


def _base_unit(target: Target | TargetFacts) -> str:
    if target.unit_normalized is not None:
        return target.unit_normalized
    return split_unit(target.unit or "")[1]


def _target_amounts(target: Target | TargetFacts) -> tuple[float | None, float | None]:
    low = target.value_normalized
    if low is None and target.value is not None:
        low = convert(target.value, target.unit or "", _base_unit(target))
    high = target.value_high_normalized
    if high is None and target.value_high is not None:
        high = convert(target.value_high, target.unit or "", _base_unit(target))
    return low, high


def evidence_in_target_unit(evidence: Evidence, target: Target | TargetFacts) -> float | None:
    """The evidence figure converted to the target's base unit; None when the units do not fit."""
    if evidence.value is None:
        return None
    base = _base_unit(target)
    written = evidence.unit if evidence.unit is not None else (evidence.unit_normalized or "")
    if written == base and math.isfinite(evidence.value):
        return float(evidence.value)  # what convert() gives between a unit and itself, without its Decimal work
    converted = convert(evidence.value, written, base)
    if converted is not None:
        return float(converted)
    # A bare magnitude (注册量3.3亿, unit "") fits any count unit, but never money, length, shares...
    evidence_base = split_unit(written)[1]
    factor = split_unit(written)[0]
    if "" in (base, evidence_base):
        other = evidence_base or base
        if dimension(other)[0] not in _MEASURED_DIMENSIONS:
            return float(Decimal(str(evidence.value)) * factor)
    return None


def _direction(target: Target | TargetFacts, low: float, high: float | None, start: float | None) -> int:
    """+1 when the promise is to reach at least an amount, -1 to stay at or below it."""
    if target.comparator in (">=", ">"):
        return 1
    if target.comparator in ("<=", "<"):
        return -1
    if target.comparator == "range":
        return -1 if start is not None and high is not None and start > high else 1
    return -1 if start is not None and start > low else 1


def _satisfies(target: Target | TargetFacts, low: float, high: float | None, value: float, evidence_comparator: str,
               direction: int) -> bool | None:
    """Does a figure (possibly a bound, "超11000") satisfy the target? None when a bound cannot tell."""
    comparator = target.comparator
    if comparator == "=":
        comparator = ">=" if direction > 0 else "<="
    lower_bound = evidence_comparator in (">", ">=")
    upper_bound = evidence_comparator in ("<", "<=")
    strict_bound = evidence_comparator in (">", "<")

    if comparator == ">=":
        return _at_least(value, low, False, upper_bound, lower_bound, strict_bound)
    if comparator == ">":
        return _at_least(value, low, True, upper_bound, lower_bound, strict_bound)
    if comparator == "<=":
        return _at_most(value, low, False, upper_bound, lower_bound, strict_bound)
    if comparator == "<":
        return _at_most(value, low, True, upper_bound, lower_bound, strict_bound)
    if comparator == "range" and high is not None:
        above = _at_least(value, low, False, upper_bound, lower_bound, strict_bound)
        below = _at_most(value, high, False, upper_bound, lower_bound, strict_bound)
        if above is False or below is False:
            return False
        return True if above and below else None
    return None


def _at_least(value: float, limit: float, strict: bool, upper_bound: bool, lower_bound: bool,
              strict_bound: bool) -> bool | None:
    """Is a figure (possibly a bound) at least the limit? None when a bound cannot tell."""
    if upper_bound:  # the true figure is below value
        return False if value < limit or (value == limit and (strict or strict_bound)) else None
    return value > limit or (value == limit and (not strict or (lower_bound and strict_bound)))


def _at_most(value: float, limit: float, strict: bool, upper_bound: bool, lower_bound: bool,
             strict_bound: bool) -> bool | None:
    """Is a figure (possibly a bound) at most the limit? None when a bound cannot tell."""
    if lower_bound:
        return False if value > limit or (value == limit and (strict or strict_bound)) else None
    return value < limit or (value == limit and (not strict or (upper_bound and strict_bound)))


def _starting_point(target: Target | TargetFacts, start_date: dt.date | None) -> tuple[float | None, dt.date | None]:
    """Where the straight-line path begins: the baseline, or zero at the start of a yearly/新增 target's period."""
    if target.baseline_value is not None:
        base_unit = target.baseline_unit if target.baseline_unit is not None else (target.unit or "")
        baseline = convert(target.baseline_value, base_unit, _base_unit(target))
        if baseline is None:
            baseline = evidence_in_target_unit(
                Evidence(target_id=0, as_of_date=dt.date.min, value=target.baseline_value, unit=base_unit), target)
        return (float(baseline) if baseline is not None else None), (target.baseline_date or start_date)
    if target.cumulative is False:
        period_start = start_date
        if target.deadline and (period_start is None or period_start.year == target.deadline.year):
            period_start = dt.date(target.deadline.year, 1, 1)
        return 0.0, period_start
    return None, start_date


def _pick_latest(candidates: list[tuple[Evidence, float]], direction: int) -> tuple[Evidence, float]:
    if len(candidates) == 1:
        return candidates[0]
    latest_date = max(evidence.as_of_date for evidence, _ in candidates)
    same_day = [item for item in candidates if item[0].as_of_date == latest_date]
    # The less favourable figure of the day decides; then a stable order of the remaining fields.
    return min(same_day, key=lambda item: (item[1] * direction, item[0].comparator, item[0].quote or "",
                                           item[0].source_title or ""))


def judge_target(target: Target | TargetFacts, evidence: Sequence[Evidence], as_of: dt.date, *,
                 start_date: dt.date | None = None) -> Judgement:
    """Judge one target as of a date from its evidence.

    Args:
        start_date: when the promise was made (the reply's date); used as the start of the straight-line path
            when the target has no baseline date.
    """
    # Most targets of a big ledger have no evidence yet: their deadline decides, before any unit is worked out.
    if target.kind == "baseline" or (not evidence and (target.comparator == "qualitative"
                                                       or target.value_normalized is not None)):
        return judge_without_evidence(target.kind, target.comparator, target.deadline, as_of)
    known = [item for item in evidence if item.as_of_date <= as_of]
    deadline = target.deadline
    past_deadline = deadline is not None and as_of > deadline
    if target.comparator == "qualitative":
        return _judge_qualitative(target, known, as_of, past_deadline)

    low, high = _target_amounts(target)
    unit = _base_unit(target)
    usable: list[tuple[Evidence, float]] = []
    unfit: list[Evidence] = []
    for item in known:
        value = evidence_in_target_unit(item, target)
        if value is None:
            if item.value is not None:
                unfit.append(item)
        else:
            usable.append((item, value))
    unit_problem = None
    if unfit:
        units = "、".join(sorted({item.unit or "（无单位）" for item in unfit}))
        unit_problem = f"{len(unfit)}条佐证的单位“{units}”与目标单位“{unit or '（无单位）'}”不一致，未计入"
    if low is None:
        return Judgement("no_data", "目标值无法换算，无法判断", as_of, unit_problem=unit_problem)

    if not usable:  # most targets of a big ledger: decided before any path or goal is worked out
        if unit_problem is None:  # decided by the deadline alone: one judgement for all such targets
            return _without_evidence(deadline, past_deadline, as_of)
        if past_deadline:
            return Judgement("overdue", f"期限{deadline.isoformat()}已过，尚无佐证；{unit_problem}", as_of,
                             unit_problem=unit_problem)
        when = f"，期限{deadline.isoformat()}" if deadline else ""
        return Judgement("no_data", f"尚无佐证{when}；{unit_problem}", as_of, unit_problem=unit_problem)

    start_value, path_start = _starting_point(target, start_date)
    direction = _direction(target, low, high, start_value)
    latest, value = _pick_latest(usable, direction)
    latest_date = latest.as_of_date
    # Two figures for one day contradict each other: the reason names the other ones.
    others = sorted({other for item, other in usable if item.as_of_date == latest_date
                     and not math.isclose(other, value, rel_tol=1e-9, abs_tol=1e-9)}) if len(usable) > 1 else ()
    progress = None
    if start_value is not None and not math.isclose(low, start_value):
        progress = (value - start_value) / (low - start_value)
    verdict = _satisfies(target, low, high, value, latest.comparator, direction)
    expected = None
    if verdict:
        state, outcome = "met", ("beyond" if (value - low) * direction > 0 and target.comparator != "range"
                                 else "reached")
    elif past_deadline:
        state, outcome = ("overdue", "bound") if verdict is None else ("missed", "missed")
    elif deadline is None or start_value is None or path_start is None or latest_date <= path_start \
            or deadline <= path_start:
        state, outcome = "on_track", "unmeasured"
    else:
        share = (latest_date - path_start).days / (deadline - path_start).days
        expected = start_value + (low - start_value) * min(share, 1.0)
        state = outcome = "on_track" if (value - expected) * direction >= 0 else "at_risk"
    # The sentence is written only when it is read: most judgements of a big ledger never are.
    reason = (_figure_reason, outcome, latest_date, latest.comparator, value, unit, others, low, high,
              target.comparator == "range", deadline, expected, unit_problem)
    return Judgement(state, reason, as_of, latest, value, progress, expected, unit_problem)


def _figure_reason(outcome: str, latest_date: dt.date, bound: str, value: float, unit: str, others: Sequence[float],
                   low: float, high: float | None, is_range: bool, deadline: dt.date | None, expected: float | None,
                   unit_problem: str | None) -> str:
    """The reason of a target judged by its latest figure (see :func:`judge_target`)."""
    goal = f"{format_amount(low, unit)}至{format_amount(high, unit)}" if is_range else format_amount(low, unit)
    seen = f"截至{latest_date.isoformat()}为{_bound_word(bound)}{format_amount(value, unit)}"
    if others:
        seen += f"（同日另有佐证{'、'.join(format_amount(other, unit) for other in others)}，按较不利的数值判定）"
    if outcome in ("beyond", "reached"):
        late = f"（佐证日期晚于期限{deadline.isoformat()}）" if deadline and latest_date > deadline else ""
        text = f"{seen}，{'已超过' if outcome == 'beyond' else '已达到'}目标{goal}{late}"
    elif outcome == "bound":
        text = f"{seen}，只知上下限，无法判断是否达到目标{goal}，期限{deadline.isoformat()}已过"  # type: ignore[union-attr]
    elif outcome == "missed":
        text = f"{seen}，未达到目标{goal}，期限{deadline.isoformat()}已过"  # type: ignore[union-attr]
    elif outcome == "unmeasured":
        text = f"{seen}，尚未达到目标{goal}；缺少基数或起始日期，未测算进度"
    elif outcome == "on_track":
        text = (f"{seen}，按进度应达{format_amount(expected, unit)}，进展正常（目标{goal}，"
                f"期限{deadline.isoformat()}）")  # type: ignore[union-attr]
    else:
        text = (f"{seen}，按进度应达{format_amount(expected, unit)}，照此进度到{deadline.isoformat()}"  # type: ignore[union-attr]
                f"达不到目标{goal}")
    return f"{text}；{unit_problem}" if unit_problem else text


def judge_without_evidence(kind: str, comparator: str, deadline: dt.date | None, as_of: dt.date) -> Judgement:
    """The judgement :func:`judge_target` gives a target without evidence known on the date, from the target's
    kind, comparator and deadline alone: exact for a baseline, a qualitative target and a target whose value is
    stored in its base unit (``value_normalized``), which are all the others judge as their deadline decides.

    Shared: one frozen judgement per (kind, deadline, date), so a whole ledger of such targets holds a few hundred.
    """
    if kind == "baseline":
        return _shared(("baseline", as_of), lambda: Judgement("no_data", "基数，不作评价", as_of))
    past_deadline = deadline is not None and as_of > deadline
    if comparator == "qualitative" and not past_deadline:
        return _shared(("qualitative", as_of), lambda: Judgement("no_data", "定性目标，尚无佐证", as_of))
    return _without_evidence(deadline, past_deadline, as_of)


def _without_evidence(deadline: dt.date | None, past_deadline: bool, as_of: dt.date) -> Judgement:
    def make() -> Judgement:
        if past_deadline:
            return Judgement("overdue", f"期限{deadline.isoformat()}已过，尚无佐证", as_of)  # type: ignore[union-attr]
        return Judgement("no_data", f"尚无佐证，期限{deadline.isoformat()}" if deadline else "尚无佐证", as_of)

    return _shared(("no evidence", deadline, as_of), make)


_BOUND_WORDS = {">": "超过", ">=": "不少于", "<": "不到", "<=": "不超过"}


def _bound_word(comparator: str) -> str:
    return _BOUND_WORDS.get(comparator, "")


def _judge_qualitative(target: Target | TargetFacts, known: list[Evidence], as_of: dt.date,
                       past_deadline: bool) -> Judgement:
    decided = [item for item in known if item.achieved is not None]
    if decided:
        latest_date = max(item.as_of_date for item in decided)
        same_day = [item for item in decided if item.as_of_date == latest_date]
        latest = min(same_day, key=lambda item: (bool(item.achieved), item.quote or ""))
        if latest.achieved:
            return Judgement("met", f"截至{latest.as_of_date.isoformat()}已实现", as_of, latest_evidence=latest)
        if past_deadline:
            return Judgement("missed", f"截至{latest.as_of_date.isoformat()}仍未实现，期限"
                             f"{target.deadline.isoformat()}已过", as_of, latest_evidence=latest)
        return Judgement("no_data", f"截至{latest.as_of_date.isoformat()}尚未实现，定性目标无法测算进度", as_of,
                         latest_evidence=latest)
    return judge_without_evidence("commitment", "qualitative", target.deadline, as_of)


def judge_commitment(commitment: Commitment, judged_targets: Sequence[tuple[Target, Judgement]],
                     as_of: dt.date) -> Judgement:
    """A commitment's state: set by hand when it is, otherwise its worst target decides."""
    promises = [(target.indicator, judgement) for target, judgement in judged_targets if target.kind != "baseline"]
    return judge_commitment_from(commitment.manual_state, commitment.notes, commitment.deadline, promises,
                                 bool(judged_targets), as_of)


def judge_commitment_from(manual_state: str | None, notes: str | None, deadline: dt.date | None,
                          promises: Sequence[tuple[str, Judgement]], has_targets: bool, as_of: dt.date) -> Judgement:
    """:func:`judge_commitment` from the few fields it reads: the commitment's hand-set state, notes and deadline,
    its promised targets (not baselines) in order as (indicator, judgement), and whether it holds any target."""
    tally = new_tally() if has_targets else None
    for indicator, judgement in promises:
        add_to_tally(tally, indicator, judgement)  # type: ignore[arg-type]
    return judge_tally(manual_state, notes, deadline, tally, as_of)


# A commitment's promises as they come, in the few numbers its judgement needs (so that judging a whole ledger
# holds one small list per commitment, not every target): how many, the rank, indicator and judgement of the
# first worst one, and how many of each state (by rank in SEVERITY).
_COUNT, _WORST_RANK, _WORST_INDICATOR, _WORST, _BY_STATE = 0, 1, 2, 3, 4


def new_tally() -> list:
    """The tally of a commitment that holds targets, before any promise was added."""
    return [0, len(SEVERITY), None, None, *([0] * len(SEVERITY))]


def add_to_tally(tally: list, indicator: str, judgement: Judgement) -> None:
    """Add a promised target (not a baseline), in the order of the commitment's targets."""
    rank = _SEVERITY_RANK[judgement.state]
    tally[_COUNT] += 1
    tally[_BY_STATE + rank] += 1
    if rank < tally[_WORST_RANK]:  # the first of the worst decides
        tally[_WORST_RANK], tally[_WORST_INDICATOR], tally[_WORST] = rank, indicator, judgement


def judge_tally(manual_state: str | None, notes: str | None, deadline: dt.date | None, tally: list | None,
                as_of: dt.date) -> Judgement:
    """A commitment's judgement from its tally (None when it holds no target): see :func:`judge_commitment`."""
    if manual_state:
        note = f"：{notes}" if notes else ""
        return Judgement(manual_state, f"人工判定为{STATE_LABELS[manual_state]}{note}", as_of)
    if tally is not None and not tally[_COUNT]:
        return _shared(("baselines only", as_of), lambda: Judgement("no_data", "仅含基数，不作评价", as_of))
    if tally is None:
        if deadline and as_of > deadline:
            return _shared(("no targets", deadline, as_of), lambda: Judgement(
                "overdue", f"期限{deadline.isoformat()}已过，无量化指标且未人工判定", as_of))
        return _shared(("no targets", None, as_of), lambda: Judgement("no_data", "无量化指标，需人工判定", as_of))
    worst: Judgement = tally[_WORST]
    if tally[_COUNT] == 1:
        if worst.as_of == as_of:
            return worst  # the same judgement, field for field: a frozen one can stand for both
        return Judgement(*worst._fields[:2], as_of, *worst._fields[3:])  # its deferred fields still deferred
    return Judgement(worst.state, (_tally_reason, tally[_COUNT], tally[_BY_STATE:], tally[_WORST_INDICATOR], worst),
                     as_of, worst.latest_evidence, unit_problem=worst.unit_problem)


def _tally_reason(count: int, by_state: Sequence[int], indicator: str, worst: Judgement) -> str:
    """The reason of a commitment of several promises: how many of each state, and why the first worst is so."""
    summary = "，".join(f"{STATE_LABELS[state]}{by_state[rank]}项" for rank, state in enumerate(SEVERITY)
                       if by_state[rank])
    return f"{count}项指标（{summary}）；{indicator}：{worst.reason}"


@dataclass(frozen=True)
class CommitmentGroup:
    """A commitment with its judgement and its targets, each with its judgement (one sheet row per target)."""

    commitment: Commitment
    judgement: Judgement
    targets: list[tuple[Target, Judgement]]


def judge_group(commitment: Commitment, targets: Sequence[Target], evidence_of: Mapping[int, Sequence[Evidence]],
                as_of: dt.date, start_date: dt.date | None = None) -> CommitmentGroup:
    """Judge one commitment from its targets, in any order, and each target's evidence known on the date, by date
    (the evidence of a day in the order of its ids): the judgements :func:`judge_groups` gives from the store's
    streams, without sorting whole batches again."""
    judged = [(target, judge_target(target, evidence_of.get(target.id or 0, ()), as_of, start_date=start_date))
              for target in sorted(targets, key=lambda target: target.id or 0)]
    return CommitmentGroup(commitment, judge_commitment(commitment, judged, as_of), judged)


def judge_groups(commitments: Iterable[Commitment], targets: Iterable[Target], evidence: Iterable[Evidence],
                 as_of: dt.date, start_dates: dict[int, dt.date] | None = None) -> Iterator[CommitmentGroup]:
    """Judge commitments one at a time from three streams in the same order.

    ``targets`` come grouped by commitment, in the order of ``commitments``; ``evidence`` grouped by target, in
    the order of ``targets`` (evidence after ``as_of`` may be left out). Only one commitment's records are held
    at a time. ``start_dates`` gives each commitment's promise date (its reply's date).
    """
    start_dates = start_dates or {}
    target_stream = iter(targets)
    evidence_stream = iter(evidence)
    pending_target = next(target_stream, None)
    pending_evidence = next(evidence_stream, None)
    for commitment in commitments:
        judged: list[tuple[Target, Judgement]] = []
        while pending_target is not None and pending_target.commitment_id == commitment.id:
            target = pending_target
            found: list[Evidence] = []
            while pending_evidence is not None and pending_evidence.target_id == target.id:
                found.append(pending_evidence)
                pending_evidence = next(evidence_stream, None)
            judged.append((target, judge_target(target, found, as_of,
                                                start_date=start_dates.get(commitment.id or 0))))
            pending_target = next(target_stream, None)
        yield CommitmentGroup(commitment, judge_commitment(commitment, judged, as_of), judged)


def judge_records(commitments: Iterable[Commitment], targets: Iterable[Target], evidence: Iterable[Evidence],
                  as_of: dt.date, start_dates: dict[int, dt.date] | None = None) -> Iterator[CommitmentGroup]:
    """Judge records held in memory, in any order, exactly as :func:`judge_groups` judges them from the store.

    Commitments are judged by id, each one's targets by id and each target's evidence by id (the order of the
    store's streams); targets of commitments not given and evidence after ``as_of`` are left out.
    """
    ordered = sorted(commitments, key=lambda commitment: commitment.id or 0)
    place = {commitment.id: index for index, commitment in enumerate(ordered)}
    kept_targets = sorted((target for target in targets if target.commitment_id in place),
                          key=lambda target: (place[target.commitment_id], target.id or 0))
    target_place = {target.id: index for index, target in enumerate(kept_targets)}
    kept_evidence = sorted((item for item in evidence if item.target_id in target_place and item.as_of_date <= as_of),
                           key=lambda item: (target_place[item.target_id], item.id or 0))
    return judge_groups(ordered, kept_targets, kept_evidence, as_of, start_dates)
