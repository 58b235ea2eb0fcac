"""From extracted targets to ledger records: commitments grouped by quote, baselines matched to targets."""

from __future__ import annotations

import re
import unicodedata
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


def plan_acceptance(targets: list[ExtractedTarget], threshold: float = 0.5) -> AcceptPlan:
    """Group commitment targets by quote and attach each baseline to the commitment targets it measures.

    A baseline matches a commitment target when their indicators are alike (:func:`indicator_similarity` at
    least ``threshold``) and their units can be compared (个 and 万个, 元 and 亿元). Among several baselines the
    most similar wins, then the nearest one before the target. Baselines that match nothing stay on their own.
    """
    by_quote: dict[tuple[int, int], PlannedCommitment] = {}
    for index, target in enumerate(targets):
        if target.kind != "commitment":
            continue
        key = (target.start, target.end)
        planned = by_quote.setdefault(key, PlannedCommitment(target.quote, target.start, target.end))
        (planned.qualitative if target.comparator == "qualitative" else planned.targets).append(index)
    baselines = [i for i, t in enumerate(targets) if t.kind == "baseline"]
    baseline_of: dict[int, int] = {}
    for planned in by_quote.values():
        for index in planned.targets:
            target = targets[index]
            best: tuple[float, int, int, int] | None = None
            for b in baselines:
                baseline = targets[b]
                if not compatible(baseline.unit or "", target.unit or ""):
                    continue
                score = indicator_similarity(baseline.indicator, target.indicator)
                if score < threshold:
                    continue
                distance = target.start - baseline.start
                rank = (score, 1 if distance >= 0 else 0, -abs(distance), b)
                if best is None or rank[:3] > best[:3]:
                    best = rank
            if best is not None:
                baseline_of[index] = best[3]
    used = set(baseline_of.values())
    return AcceptPlan(commitments=sorted(by_quote.values(), key=lambda p: (p.start, p.end)),
                      baseline_of=baseline_of, unmatched_baselines=[b for b in baselines if b not in used])
