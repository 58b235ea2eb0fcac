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

import dataclasses
import datetime as dt
import functools
import re

from desktop.core.errors import ValidationError
from desktop.core.evidence_suggestions import indicator_similarity
from desktop.core.extraction import ExtractedTarget, extract_targets
from desktop.core.extraction.grouping import plan_acceptance
from desktop.core.ledger_import.values import check_amount, stated_dates
from desktop.core.records import Evidence, Target
from desktop.core.units import compatible

_PRESENT_CUES = re.compile(r"目前|当前|现有|现已|已经|(?<![而不])已(?![将经])|截至|截止|至今|去年|上年|共有")
# A date after these words is when something is planned (计划2022年6月建成), not when a figure was measured.
_PLAN_CUES = re.compile(r"计划|预计|力争|争取|拟|将于|确保|预期|目标")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_EVIDENCE_COMPARATORS = (">=", ">", "=", "<=", "<")
# The extractor's grammar is pure and a ledger repeats its wordings; remember recent readings.
_CACHE = 4096


@functools.lru_cache(maxsize=_CACHE)
def _extract(text: str, reference: dt.date | None) -> tuple[ExtractedTarget, ...]:
    return tuple(extract_targets(text, reference_date=reference))


def promise_targets(text: str, *, reference_date: dt.date | None, deadline: dt.date | None,
                    deadline_text: str | None, baseline_date: dt.date | None = None,
                    field: str = "commitment") -> list[Target]:
    """The targets of a promise written in a ledger cell, in the order the text states them.

    A figure stating the present ("目前已建成20个，2022年底前达到30个") is the baseline of the promise it measures,
    grouped as a reply letter's figures are (:func:`plan_acceptance`): it becomes that target's baseline, dated
    ``baseline_date`` (the reply's), not a target of its own. A present figure that measures no promise stays a
    baseline target, so that nothing the cell states is lost.

    Raises:
        ValidationError: ``number_too_large`` for a figure no office promises (1e400, a 400-digit number).
    """
    found = [dataclasses.replace(item, kind="baseline" if item.kind == "baseline" and _PRESENT_CUES.search(item.quote)
                                 else "commitment") for item in _extract(text, reference_date)]
    for item in found:
        for value in (item.value, item.value_high, item.value_normalized, item.value_high_normalized):
            check_amount(value, field)
    baseline_of = _baselines(found)
    measuring = set(baseline_of.values())
    targets = []
    for index, item in enumerate(found):
        if index in measuring:
            continue  # recorded on the promise it measures
        promise = item.kind == "commitment"
        target = Target(
            commitment_id=0, indicator=item.indicator or item.quote[:40], comparator=item.comparator,
            value=item.value, value_high=item.value_high, unit=item.unit, value_normalized=item.value_normalized,
            value_high_normalized=item.value_high_normalized, unit_normalized=item.unit_normalized,
            deadline=(item.deadline or deadline) if promise else None,
            deadline_text=(item.deadline_text if item.deadline else deadline_text) if promise else None,
            cumulative=item.cumulative, kind=item.kind, quote=item.quote)
        if index in baseline_of:
            baseline = found[baseline_of[index]]
            target = dataclasses.replace(target, baseline_value=baseline.value, baseline_unit=baseline.unit,
                                         baseline_date=baseline_date, baseline_quote=baseline.quote)
            if item.indicator in ("", item.quote) and baseline.indicator not in ("", baseline.quote):
                target.indicator = baseline.indicator  # "目前已建成智能车间20个，2022年底前达到30个"
        targets.append(target)
    return targets


def _baselines(found: list[ExtractedTarget]) -> dict[int, int]:
    """Promise index → the present figure that is its baseline: the letter import's grouping
    (:func:`plan_acceptance`), and, since a promise cell holds one promise, a present figure left over that can be
    compared with a promise stated after it ("目前已建成20个，2022年底前达到30个")."""
    baseline_of = dict(plan_acceptance(found).baseline_of)
    left = [index for index, item in enumerate(found)
            if item.kind == "baseline" and item.value is not None and index not in baseline_of.values()]
    for index, item in enumerate(found):
        if item.kind != "commitment" or item.comparator == "qualitative" or index in baseline_of:
            continue
        before = [b for b in left if found[b].start < item.start
                  and compatible(found[b].unit_normalized or "", item.unit_normalized or "")]
        if before:
            baseline_of[index] = before[-1]
    return baseline_of


def progress_evidence(text: str, targets: list[Target], *, as_of: dt.date, source_title: str,
                      field: str = "progress") -> list[tuple[int, Evidence]]:
    """Evidence for ``targets`` from the figures a 落实情况 cell states: (index of the target, evidence).

    Each target takes at most one figure and each figure measures at most one target. A figure is dated by the
    date its cell states for it ("截至2022年3月底已建成32个" → 2022-03-31, :func:`figure_date`), else by ``as_of``
    (the ledger's date); a planned date (计划2022年6月, 2022年底前) is not the date of a measurement.

    Raises:
        ValidationError: ``number_too_large``.
    """
    open_targets = [(index, target) for index, target in enumerate(targets)
                    if target.kind == "commitment" and target.comparator != "qualitative" and target.unit_normalized]
    if not open_targets:
        return []
    found: list[tuple[int, Evidence]] = []
    taken: set[int] = set()
    dates = [(start, day) for start, day in stated_dates(text) if not _PLAN_CUES.search(text[max(start - 4, 0):start])]
    for figure in _extract(text, as_of):
        if figure.value is None or not figure.unit_normalized:
            continue
        if figure.kind == "commitment" and figure.deadline is not None and figure.deadline > as_of:
            continue  # what the cell still plans (计划2022年6月底前完成1000个) measures nothing yet
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
            target_id=0, as_of_date=figure_date(text, dates, figure.start) or as_of, value=figure.value,
            unit=figure.unit, value_normalized=figure.value_normalized, unit_normalized=figure.unit_normalized,
            comparator=comparator, source_title=source_title, quote=text)))
    return found


def figure_date(text: str, dates: list[tuple[int, dt.date]], start: int) -> dt.date | None:
    """The date a figure at ``start`` is stated for: the nearest date written before it in its own sentence, else
    the first one after it there ("已建成32个（截至2022年3月底）"), else the last one of an earlier sentence ("截至
    2022年3月底：……；……"); None when the text states none."""
    sentence_start = max((found.end() for found in _SENTENCE_END.finditer(text, 0, start)), default=0)
    sentence_end = _SENTENCE_END.search(text, start)
    end = sentence_end.start() if sentence_end else len(text)
    before = [day for place, day in dates if sentence_start <= place <= start]
    after = [day for place, day in dates if start < place < end]
    earlier = [day for place, day in dates if place < sentence_start]
    return next(iter(before[-1:] or after[:1] or earlier[-1:]), None)


def check_target(target: Target, field: str) -> None:
    """Raise ``number_too_large`` for a target whose figures cannot be stored (a hostile or mistyped cell)."""
    for value in (target.value, target.value_high, target.value_normalized, target.value_high_normalized,
                  target.baseline_value):
        check_amount(value, field)


__all__ = ["ValidationError", "check_target", "progress_evidence", "promise_targets"]
