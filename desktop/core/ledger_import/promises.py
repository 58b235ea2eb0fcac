"""Promises made measurable: a ledger's 承诺事项 cell read by the letter extractor into targets, and its 落实情况
cell read the same way into dated evidence for those targets.

The extractor is the one letters go through (:func:`desktop.core.extraction.extract_targets`), so a ledger's
"2021年底前建成30个智能工厂" gives the same target a reply letter would: 建成智能工厂数 = 30 个, by 2021-12-31.
A figure in a promise cell is a promise unless its own words state the present (目前, 已, 截至…): the column
says what the text is. Where the text has no deadline, the 完成时限 column gives it.

A 落实情况 figure ("已完成32个", "完成1200个") becomes evidence for the target it measures: the one whose unit it can
be converted to, and among several the one with the nearest indicator. Text without such a figure stays a note.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from desktop.core.errors import ValidationError
from desktop.core.evidence_suggestions import indicator_similarity
from desktop.core.extraction import ExtractedTarget, extract_targets
from desktop.core.ledger_import.values import check_amount
from desktop.core.records import Evidence, Target
from desktop.core.units import compatible

_PRESENT_CUES = re.compile(r"目前|当前|现有|现已|已经|(?<![而不])已(?![将经])|截至|截止|至今|去年|上年|共有")
_EVIDENCE_COMPARATORS = (">=", ">", "=", "<=", "<")
# The extractor's grammar is pure and a ledger repeats its wordings; remember recent readings.
_CACHE = 4096


@functools.lru_cache(maxsize=_CACHE)
def _extract(text: str, reference: dt.date | None) -> tuple[ExtractedTarget, ...]:
    return tuple(extract_targets(text, reference_date=reference))


def promise_targets(text: str, *, reference_date: dt.date | None, deadline: dt.date | None,
                    deadline_text: str | None, field: str = "commitment") -> list[Target]:
    """The targets of a promise written in a ledger cell, in the order the text states them.

    Raises:
        ValidationError: ``number_too_large`` for a figure no office promises (1e400, a 400-digit number).
    """
    targets = []
    for found in _extract(text, reference_date):
        kind = "baseline" if found.kind == "baseline" and _PRESENT_CUES.search(found.quote) else "commitment"
        for value in (found.value, found.value_high, found.value_normalized, found.value_high_normalized):
            check_amount(value, field)
        targets.append(Target(
            commitment_id=0, indicator=found.indicator or found.quote[:40], comparator=found.comparator,
            value=found.value, value_high=found.value_high, unit=found.unit, value_normalized=found.value_normalized,
            value_high_normalized=found.value_high_normalized, unit_normalized=found.unit_normalized,
            deadline=(found.deadline or deadline) if kind == "commitment" else None,
            deadline_text=(found.deadline_text if found.deadline else deadline_text) if kind == "commitment" else None,
            cumulative=found.cumulative, kind=kind, quote=found.quote))
    return targets


def progress_evidence(text: str, targets: list[Target], *, as_of: dt.date, source_title: str,
                      field: str = "progress") -> list[tuple[int, Evidence]]:
    """Evidence for ``targets`` from the figures a 落实情况 cell states: (index of the target, evidence).

    Each target takes at most one figure and each figure measures at most one target.

    Raises:
        ValidationError: ``number_too_large``.
    """
    open_targets = [(index, target) for index, target in enumerate(targets)
                    if target.kind == "commitment" and target.comparator != "qualitative" and target.unit_normalized]
    if not open_targets:
        return []
    found: list[tuple[int, Evidence]] = []
    taken: set[int] = set()
    for figure in _extract(text, as_of):
        if figure.value is None or not figure.unit_normalized:
            continue
        for value in (figure.value, figure.value_normalized):
            check_amount(value, field)
        candidates = [(indicator_similarity(figure.indicator or "", target.indicator), index)
                      for index, target in open_targets
                      if index not in taken and compatible(figure.unit_normalized, target.unit_normalized or "")]
        if not candidates:
            continue
        _, index = max(candidates, key=lambda item: (item[0], -item[1]))
        taken.add(index)
        comparator = figure.comparator if figure.comparator in _EVIDENCE_COMPARATORS else "="
        found.append((index, Evidence(
            target_id=0, as_of_date=as_of, value=figure.value, unit=figure.unit,
            value_normalized=figure.value_normalized, unit_normalized=figure.unit_normalized, comparator=comparator,
            source_title=source_title, quote=text)))
    return found


def check_target(target: Target, field: str) -> None:
    """Raise ``number_too_large`` for a target whose figures cannot be stored (a hostile or mistyped cell)."""
    for value in (target.value, target.value_high, target.value_normalized, target.value_high_normalized,
                  target.baseline_value):
        check_amount(value, field)


__all__ = ["ValidationError", "check_target", "progress_evidence", "promise_targets"]
