"""Evidence suggestions: the figures a news article, bulletin or report states, matched to the open targets.

Figures (:func:`find_figures`): the statements of a current state that the extractor finds (kind ``baseline``:
"已开通5G基站11080个"), each with its as-of date — the document's date, unless a time expression before it in its
paragraph says otherwise: "截至2021年11月底" gives 2021-11-30, "2021年，…" gives 2021-12-31. A figure governed by a
date after the document's (a plan: "到2025年，建成5G基站2.8万个") is not a figure of the present and is left out,
as are ranges and figures per head ("每万人拥有5G基站21个").

Matching (:func:`match_figures`), for each open target (a measurable promise not yet met):

1. Place. The target's place is the office's city (setting ``office.city``), or else the city or county its
   reply was issued in (常州市工业和信息化局 → 常州). The document's place comes from its publisher (常州日报 →
   常州) or, failing that, from the place its title or first lines name (张家港经开区… → 张家港). A document of
   another place is never used; neither is a document that does not name the target's place at all, nor a
   sentence that names another city or county before the figure ("溧阳市已建成…"). When the place of neither
   the target nor the document is known, the match goes on with a lower score.
2. Indicator. Both indicators are reduced to their core (quotes, 累计/新增/已/开通/建成…, and a final 数/数量
   removed): "累计开通5G基站数" and "开通5G基站数" are both "5G基站". Equal cores score 1.0, a core inside the
   other 0.9, else the overlap of their character pairs (Dice); below 0.6 is no match.
3. Unit. The figure must convert to the target's unit (万个 → 个, 亿元 → 万元; a bare 亿 counts for counts only);
   an incompatible unit is never suggested.
4. Time. The figure must be dated on or after the promise (the reply's date): earlier figures are baselines, not
   progress. A figure the ledger already holds (same target, date and amount: :func:`is_recorded`) is not
   suggested again, and a target already met by then is not open.

The score (0–1) multiplies the indicator score, the place factor (1.0 when the document's place is the
target's, 0.8 when the document only names it, 0.6 when neither place is known), 0.8 when one side counts a
stock (累计) and the other an increment (新增), and the extractor's confidence (as 0.5 + 0.5 × confidence). Each
suggestion carries the reasons, in Chinese, that the clerk sees next to it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core.extraction import extract_targets, find_time_expressions
from desktop.core.extraction.numbers import fold
from desktop.core.records import Evidence, Target
from desktop.core.status import evidence_in_target_unit, format_amount

MIN_SIMILARITY = 0.6
MIN_SCORE = 0.4

_QUOTES = re.compile(r"[“”\"'‘’「」『』《》()（）\[\]【】\s、，,。:：;；·•■□-]")
_LEADING = ("累计", "新增", "全市", "我市", "本市", "目前", "已经", "已", "共计", "共有", "共", "总计", "建成",
            "建设", "开通", "完成", "实现", "培育", "拥有", "达到", "新建", "上线运营", "上线", "接入")
_TRAILING = ("总数", "数量", "个数", "总量", "数")
_PER_HEAD = re.compile(r"每|人均|户均|平均")
_PLACE_SUFFIX = "市|县|区|经开区|经济开发区|高新区|开发区|新区|工业园区"
_PUBLISHER_PLACE = re.compile(r"^([\u4e00-\u9fff]{2,3}?)(?:日报|晚报|早报|新闻|广播|电视|发布|融媒|在线|政府)")
_LEADING_PLACE = re.compile(rf"^([\u4e00-\u9fff]{{2,3}}?)(?:{_PLACE_SUFFIX})")
_OFFICE_PLACE = re.compile(r"^([\u4e00-\u9fff]{2,3}?)(?:市|县|区)")
# A city or county named in a sentence: 2–3 characters and 市/县 after a clause boundary; 上市, 城市, 超市... are
# words, not places.
_SENTENCE_PLACE = re.compile(r"(?:^|[，。；、：,;:\s])([\u4e00-\u9fff]{2,3})(?:市|县)")
_NOT_PLACE_ENDINGS = tuple("上城超都门股夜集早楼车")


@dataclass(frozen=True)
class Figure:
    """A figure a document states: what it measures, how much, as of when, and the words it was read from."""

    indicator: str
    comparator: str
    value: float
    unit: str
    value_normalized: float | None
    unit_normalized: str | None
    as_of: dt.date
    as_of_text: str | None
    cumulative: bool | None
    quote: str
    start: int
    end: int
    sentence: str
    confidence: float


@dataclass(frozen=True)
class OpenTarget:
    """A measurable promise with what matching needs to know about it: its place and when it was promised."""

    target: Target
    place: str | None
    promised: dt.date | None


@dataclass(frozen=True)
class DocumentFacts:
    """What a document says about itself: title, publisher, date, text."""

    text: str
    title: str | None = None
    publisher: str | None = None
    date: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True)
class EvidenceMatch:
    """A figure suggested as evidence for a target, with its score and the reasons for it."""

    target: Target
    figure: Figure
    score: float
    value_in_target_unit: float
    reasons: tuple[str, ...] = field(default_factory=tuple)

    def payload(self, document: DocumentFacts) -> dict[str, Any]:
        """The suggestion's JSON payload: the figure, where it was read, and why it was matched."""
        figure = self.figure
        return {
            "indicator": figure.indicator, "comparator": figure.comparator, "value": figure.value,
            "unit": figure.unit, "value_normalized": figure.value_normalized,
            "unit_normalized": figure.unit_normalized, "as_of": figure.as_of.isoformat(),
            "as_of_text": figure.as_of_text, "cumulative": figure.cumulative, "quote": figure.quote,
            "start": figure.start, "end": figure.end, "sentence": figure.sentence,
            "target_indicator": self.target.indicator, "value_in_target_unit": self.value_in_target_unit,
            "source_title": document.title, "publisher": document.publisher,
            "source_date": document.date.isoformat() if document.date else None, "source_url": document.url,
            "reasons": list(self.reasons),
        }


@functools.lru_cache(maxsize=65536)
def indicator_core(indicator: str) -> str:
    """The core of an indicator: quotes, stock/increment words and a final 数 removed (累计开通5G基站数 → 5G基站)."""
    text = _QUOTES.sub("", fold(indicator or ""))
    changed = True
    while changed:
        changed = False
        for word in _LEADING:
            if text.startswith(word) and len(text) > len(word) + 1:
                text, changed = text[len(word):], True
        for word in _TRAILING:
            if text.endswith(word) and len(text) > len(word) + 1:
                text, changed = text[: -len(word)], True
    return text


def _pairs(text: str) -> list[str]:
    return [text[i:i + 2] for i in range(len(text) - 1)] or [text]


@functools.lru_cache(maxsize=65536)
def indicator_similarity(first: str, second: str) -> float:
    """How alike two indicators are (1.0 the same core, 0.9 one core inside the other, else Dice on pairs)."""
    a, b = indicator_core(first), indicator_core(second)
    if not a or not b:
        return 0.0
    if bool(_PER_HEAD.search(a)) != bool(_PER_HEAD.search(b)):
        return 0.0  # 每万人拥有5G基站 is not a number of 5G基站
    if a == b:
        return 1.0
    if len(min(a, b, key=len)) >= 2 and (a in b or b in a):
        return 0.9
    pairs_a, pairs_b = _pairs(a), _pairs(b)
    common = sum(min(pairs_a.count(p), pairs_b.count(p)) for p in set(pairs_a))
    return 2 * common / (len(pairs_a) + len(pairs_b))


def place_of_office(name: str | None) -> str | None:
    """常州市工业和信息化局 → 常州; 常州 → 常州; None when no city or county can be read."""
    text = (name or "").strip()
    if not text:
        return None
    match = _OFFICE_PLACE.match(text)
    if match:
        return match.group(1)
    return text if 2 <= len(text) <= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", text) else None


def place_of_document(document: DocumentFacts) -> str | None:
    """The city or county a document is about: from its publisher (常州日报), its title or its first lines."""
    publisher = (document.publisher or "").strip()
    match = _PUBLISHER_PLACE.match(publisher)
    if match:
        return match.group(1)
    lines = [document.title or ""] + [line.strip() for line in document.text.splitlines()[:6]]
    for line in lines:
        match = _LEADING_PLACE.match(line)
        if match:
            return match.group(1)
    return None


def _paragraph_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def find_figures(text: str, document_date: dt.date | None) -> list[Figure]:
    """The figures of the present a document states, each with its as-of date (see the module docstring)."""
    folded = fold(text)
    times = [t for t in find_time_expressions(folded, document_date) if t.role in ("asof", "deadline")]
    figures = []
    for found in extract_targets(text, reference_date=document_date):
        if found.kind != "baseline" or found.value is None or found.comparator in ("range", "qualitative"):
            continue
        if _PER_HEAD.search(found.indicator or ""):
            continue
        paragraph = _paragraph_start(folded, found.start)
        governing = [t for t in times if paragraph <= t.start < found.start]
        as_of, as_of_text = document_date, None
        if governing and governing[-1].deadline is not None:
            said = governing[-1]
            if document_date is not None and said.deadline > document_date:
                continue  # a plan ("到2025年，建成…"), not a figure of the present
            as_of, as_of_text = said.deadline, said.text
        if as_of is None:
            continue  # a figure that no date can be given to cannot be evidence
        sentence = text[found.sentence_start:found.sentence_end] if found.sentence_end > found.sentence_start \
            else found.quote
        figures.append(Figure(
            indicator=found.indicator, comparator=found.comparator, value=float(found.value),
            unit=found.unit or "", value_normalized=found.value_normalized, unit_normalized=found.unit_normalized,
            as_of=as_of, as_of_text=as_of_text, cumulative=found.cumulative, quote=found.quote, start=found.start,
            end=found.end, sentence=sentence.strip(), confidence=float(found.confidence)))
    return figures


def _other_place_in_sentence(figure: Figure, place: str) -> str | None:
    """Another city or county named in the figure's sentence before the figure, if any."""
    at = figure.sentence.find(figure.quote)
    before = figure.sentence[: at + len(figure.quote)] if at >= 0 else figure.quote
    for match in _SENTENCE_PLACE.finditer(before):
        name = match.group(1)
        if name.endswith(_NOT_PLACE_ENDINGS) or name in ("全", "我", "本", "该", "各"):
            continue
        if place in name or name in place:
            continue
        return name
    return None


def match_figures(figures: Sequence[Figure], targets: Iterable[OpenTarget],
                  document: DocumentFacts) -> list[EvidenceMatch]:
    """Each figure's best-scoring suggestion per target (see the module docstring), best first."""
    document_place = place_of_document(document)
    everything = " ".join(part for part in (document.publisher, document.title, document.text) if part)
    figure_pairs = {pair for figure in figures for pair in _pairs(indicator_core(figure.indicator))}
    elsewhere: dict[str, set[int]] = {}  # place → figures whose sentence names another place
    matches: list[EvidenceMatch] = []
    for open_target in targets:
        target = open_target.target
        place = open_target.place
        if not figure_pairs.intersection(_pairs(indicator_core(target.indicator))):
            continue  # no two characters in common with any figure: cannot reach the similarity threshold
        if place and document_place and place != document_place:
            continue  # another city's document: never evidence for this office's targets
        if place and place not in everything:
            continue
        if place and document_place == place:
            place_factor, place_reason = 1.0, f"同一地区：{place}（{document.publisher or document.title or '文件'}）"
        elif place:
            place_factor, place_reason = 0.8, f"文件提及{place}"
        else:
            place_factor, place_reason = 0.6, "地区未知"
        if place and place not in elsewhere:
            elsewhere[place] = {i for i, figure in enumerate(figures) if _other_place_in_sentence(figure, place)}
        skipped = elsewhere.get(place or "", set())
        best: EvidenceMatch | None = None
        for index, figure in enumerate(figures):
            if index in skipped:
                continue
            similarity = indicator_similarity(target.indicator, figure.indicator)
            if similarity < MIN_SIMILARITY:
                continue
            if open_target.promised is not None and figure.as_of < open_target.promised:
                continue
            probe = Evidence(target_id=0, as_of_date=figure.as_of, value=figure.value, unit=figure.unit)
            amount = evidence_in_target_unit(probe, target)
            if amount is None:
                continue
            cumulative_factor = 0.8 if None not in (target.cumulative, figure.cumulative) and \
                target.cumulative != figure.cumulative else 1.0
            score = round(similarity * place_factor * cumulative_factor * (0.5 + 0.5 * figure.confidence), 2)
            if score < MIN_SCORE:
                continue
            target_unit = target.unit_normalized or target.unit or ""
            reasons = [
                f"指标{'相同' if similarity == 1.0 else '相近'}：{target.indicator} ~ {figure.indicator}"
                f"（{similarity:.2f}）",
                f"单位可换算：{format_amount(figure.value, figure.unit)} = {format_amount(amount, target_unit)}",
                place_reason,
                f"截至{figure.as_of.isoformat()}（{figure.as_of_text or '文件日期'}）",
            ]
            if cumulative_factor < 1:
                reasons.append("一为累计、一为新增，需核对")
            candidate = EvidenceMatch(target, figure, score, amount, tuple(reasons))
            if best is None or (candidate.score, candidate.figure.as_of) > (best.score, best.figure.as_of):
                best = candidate
        if best is not None:
            matches.append(best)
    matches.sort(key=lambda m: (-m.score, m.target.id or 0))
    return matches


def is_recorded(match: EvidenceMatch, evidence: Iterable[Evidence]) -> bool:
    """True when the ledger already holds this figure for the target (same date, same amount)."""
    for item in evidence:
        if item.as_of_date != match.figure.as_of:
            continue
        amount = evidence_in_target_unit(item, match.target)
        if amount is not None and abs(amount - match.value_in_target_unit) <= 1e-9 * max(1.0, abs(amount)):
            return True
    return False


def evidence_from_payload(payload: dict[str, Any], target_id: int, source_document_id: int | None,
                          recorded_by: str | None) -> Evidence:
    """The evidence record an accepted suggestion becomes."""
    comparator = payload.get("comparator") or "="
    if comparator not in (">=", ">", "=", "<=", "<"):
        comparator = "="
    source_date = payload.get("source_date")
    return Evidence(
        target_id=target_id, as_of_date=dt.date.fromisoformat(payload["as_of"]), value=payload["value"],
        unit=payload.get("unit"), value_normalized=payload.get("value_normalized"),
        unit_normalized=payload.get("unit_normalized"), comparator=comparator,
        source_title=payload.get("source_title"), publisher=payload.get("publisher"),
        source_date=dt.date.fromisoformat(source_date) if source_date else None,
        source_url=payload.get("source_url"), quote=payload.get("quote"), source_document_id=source_document_id,
        recorded_by=recorded_by, notes="；".join(payload.get("reasons") or []) or None)
