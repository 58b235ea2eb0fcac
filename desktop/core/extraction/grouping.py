"""From extracted targets to ledger records: commitments grouped by quote, baselines matched to targets."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.core.extraction.targets import ExtractedTarget
from desktop.core.units import compatible


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def indicator_similarity(a: str | None, b: str | None) -> float:
    """How alike two indicator names are, 0..1: 1 when one contains the other, else the Dice score of their
    character bigrams (标识注册量 vs 累计标识注册量 → 1.0; 5G基站数 vs 开通5G基站数 → 1.0)."""
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    grams_a = {a[i:i + 2] for i in range(len(a) - 1)} or {a}
    grams_b = {b[i:i + 2] for i in range(len(b) - 1)} or {b}
    return 2 * len(grams_a & grams_b) / (len(grams_a) + len(grams_b))


@dataclass
class PlannedCommitment:
    """One commitment to create: the targets that share a quote (none for a qualitative promise)."""

    quote: str
    start: int
    end: int
    targets: list[int] = field(default_factory=list)  # indexes into the extraction's targets
    qualitative: list[int] = field(default_factory=list)


@dataclass
class AcceptPlan:
    """How an extraction becomes records: commitments, and the baseline (if any) for each commitment target."""

    commitments: list[PlannedCommitment]
    baseline_of: dict[int, int]  # commitment target index → baseline target index
    unmatched_baselines: list[int]


@dataclass(frozen=True)
class Figure:
    """What the baseline rule looks at: an indicator, its unit and where its quote starts (None: unknown)."""

    indicator: str | None
    unit: str | None
    start: int | None = None


def best_baseline(target: Figure, baselines: Sequence[Figure], threshold: float = 0.5) -> int | None:
    """The index of the baseline that measures ``target``, or None.

    A baseline matches when the indicators are alike (:func:`indicator_similarity` at least ``threshold``) and
    the units can be compared (个 and 万个, 元 and 亿元). Among several the most similar wins, then one stated
    before the target, then the nearest; the first listed breaks a tie.
    """
    best: tuple[float, int, int] | None = None
    found: int | None = None
    for index, baseline in enumerate(baselines):
        if not compatible(baseline.unit or "", target.unit or ""):
            continue
        score = indicator_similarity(baseline.indicator, target.indicator)
        if score < threshold:
            continue
        distance = (target.start or 0) - (baseline.start or 0)
        rank = (score, 1 if distance >= 0 else 0, -abs(distance))
        if best is None or rank > best:
            best, found = rank, index
    return found


def plan_acceptance(targets: list[ExtractedTarget], threshold: float = 0.5) -> AcceptPlan:
    """Group commitment targets by quote and attach each baseline to the commitment targets it measures
    (:func:`best_baseline`). Baselines that match nothing stay on their own.
    """
    by_quote: dict[tuple[int, int], PlannedCommitment] = {}
    for index, target in enumerate(targets):
        if target.kind != "commitment":
            continue
        key = (target.start, target.end)
        planned = by_quote.setdefault(key, PlannedCommitment(target.quote, target.start, target.end))
        (planned.qualitative if target.comparator == "qualitative" else planned.targets).append(index)
    baselines = [i for i, t in enumerate(targets) if t.kind == "baseline"]
    figures = [Figure(targets[b].indicator, targets[b].unit, targets[b].start) for b in baselines]
    baseline_of: dict[int, int] = {}
    for planned in by_quote.values():
        for index in planned.targets:
            target = targets[index]
            found = best_baseline(Figure(target.indicator, target.unit, target.start), figures, threshold)
            if found is not None:
                baseline_of[index] = baselines[found]
    used = set(baseline_of.values())
    return AcceptPlan(commitments=sorted(by_quote.values(), key=lambda p: (p.start, p.end)),
                      baseline_of=baseline_of, unmatched_baselines=[b for b in baselines if b not in used])
