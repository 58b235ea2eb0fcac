"""What a foreign ledger's headers and words mean: the field synonyms, result classes, ratings, the mapping file.

All of it is data: the synonym table :data:`FIELDS`, the words of result classes (:data:`RESULT_CLASS_WORDS`, by
meaning, mapped onto the office's scheme) and of ratings (:data:`RATING_WORDS`), extended by a ``--mapping``
file's ``"values"``.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.errors import LedgerError
from desktop.core.ledger_import.values import clean_header
from desktop.core.records import RATINGS, RESULT_CLASS_CODES
from desktop.core.settings import RESULT_CLASS_SCHEMES


@dataclass(frozen=True)
class LedgerField:
    """A field a foreign ledger may have: its key, the name shown in reports, and the header names it goes by."""

    key: str
    label: str
    synonyms: tuple[str, ...]


# The synonym table: header names seen in offices' ledgers, longest and most specific first within a field.
FIELDS: tuple[LedgerField, ...] = (
    LedgerField("seq", "序号", ("序号", "排序号", "顺序号", "No")),
    LedgerField("number", "建议编号", ("建议编号", "提案编号", "议案编号", "建议号", "提案号", "议案号", "案号", "编号",
                                     "代表建议编号", "委员提案编号", "建议序号")),
    LedgerField("title", "建议标题", ("建议标题", "提案标题", "议案标题", "建议题目", "提案题目", "建议名称", "标题",
                                    "题目", "案由", "名称", "建议内容", "提案内容")),
    LedgerField("proposer", "领衔代表", ("领衔代表", "领衔人", "提出人", "提案人", "领衔委员", "代表姓名", "代表",
                                       "委员", "提出代表", "领衔代表（委员）", "建议人")),
    LedgerField("lead_unit", "主办单位", ("主办单位", "承办单位", "主办", "主办部门", "承办部门", "办理单位")),
    LedgerField("co_units", "会办单位", ("会办单位", "协办单位", "会办", "协办", "会办部门", "协办部门")),
    LedgerField("result_class", "办理结果", ("办理结果", "答复类别", "办理类别", "答复类型", "结果类别", "办理结果类别",
                                           "答复分类")),
    LedgerField("reply_date", "答复日期", ("答复日期", "办结时间", "答复时间", "办结日期", "复函日期", "答复办结时间")),
    LedgerField("doc_number", "答复文号", ("答复文号", "复函文号", "答复函文号", "文号", "发文字号", "发文文号")),
    LedgerField("rating", "代表意见", ("代表意见", "满意度", "代表满意度", "委员意见", "反馈意见", "测评意见",
                                     "代表反馈", "满意程度", "征询意见")),
    LedgerField("commitment", "承诺事项", ("承诺事项", "落实措施", "承诺内容", "答复承诺", "承诺", "整改措施",
                                         "办理措施")),
    LedgerField("deadline", "完成时限", ("完成时限", "完成时间", "承诺期限", "时限", "承诺完成时间", "完成期限")),
    LedgerField("progress", "落实情况", ("落实情况", "进展", "进展情况", "落实进展", "完成情况", "推进情况")),
    LedgerField("notes", "备注", ("备注",)),
    LedgerField("session", "届次", ("届次", "会议", "会次", "会议届次")),
    LedgerField("kind", "类别", ("建议类别", "件别", "类型", "类别")),
    LedgerField("assigned_date", "交办日期", ("交办日期", "交办时间")),
    LedgerField("reply_due_date", "答复期限", ("答复期限", "办理期限", "答复截止日期")),
)
FIELDS_BY_KEY = {f.key: f for f in FIELDS}
FIELDS_BY_LABEL = {f.label: f for f in FIELDS}
_FUZZY_CUTOFF = 0.75
_SYNONYMS = tuple((item.key, clean_header(synonym)) for item in FIELDS for synonym in item.synonyms)
_EXACT = {}
for _key, _synonym in _SYNONYMS:
    _EXACT.setdefault(_synonym, _key)
# Each synonym's characters, counted once: difflib's quick_ratio counts them again for every comparison.
_SYNONYM_CHARS = tuple(tuple(Counter(synonym).items()) for _, synonym in _SYNONYMS)
_HEADER_ALPHABET = frozenset("".join(synonym for _, synonym in _SYNONYMS))


@functools.lru_cache(maxsize=4096)
def match_header(header: str, max_chars: int = 60) -> tuple[str, str] | None:
    """The field a header names, and how sure: ('number', 'exact') for 提案号, ('title', 'near') for 建议标题名.

    A cell longer than ``max_chars`` is text, not a header (and comparing it would cost quadratic time)."""
    cleaned = clean_header(header)
    if not cleaned or len(cleaned) > max_chars:
        return None
    if cleaned in _EXACT:
        return _EXACT[cleaned], "exact"
    if _HEADER_ALPHABET.isdisjoint(cleaned):
        return None  # shares no character with any name: no name is in it, and no name is like it
    best: tuple[float, str] | None = None
    chars: Counter[str] | None = None
    for (key, synonym), synonym_chars in zip(_SYNONYMS, _SYNONYM_CHARS, strict=True):
        if len(synonym) >= 2 and (synonym in cleaned or (len(cleaned) >= 2 and cleaned in synonym)):
            score = 0.7 + 0.3 * min(len(synonym), len(cleaned)) / max(len(synonym), len(cleaned))
        else:
            # difflib's real_quick_ratio and quick_ratio, worked out without building a matcher (building one
            # indexes the synonym each time: that was most of reading a 100 000-row ledger, one cell at a time).
            length = len(cleaned) + len(synonym)
            if 2.0 * min(len(cleaned), len(synonym)) / length < _FUZZY_CUTOFF:
                continue
            chars = chars if chars is not None else Counter(cleaned)
            shared = sum(min(count, chars[char]) for char, count in synonym_chars if char in chars)
            if 2.0 * shared / length < _FUZZY_CUTOFF:
                continue
            score = difflib.SequenceMatcher(None, cleaned, synonym).ratio()
        if score >= _FUZZY_CUTOFF and (best is None or score > best[0]):
            best = (score, key)
    return (best[1], "near") if best else None


# --------------------------------------------------------------------------------------------- words
# Result classes as offices write them, by the meaning the office's scheme gives each class (desktop.core.settings).
RESULT_CLASS_WORDS: dict[str, tuple[str, ...]] = {
    "solved": ("解决采纳", "已解决", "解决", "采纳", "已采纳", "基本解决", "已经解决", "已基本解决", "解决或采纳",
               "已经解决或采纳", "所提问题已经解决", "所提问题已经解决或基本解决", "答复解决"),
    "in_progress": ("列入计划", "正在解决", "列入计划解决", "正在办理", "逐步解决", "计划解决", "部分解决",
                    "列入计划逐步解决", "正在解决或列入计划解决", "所提问题正在解决或已列入计划逐步解决"),
    "later": ("因条件限制", "条件限制", "暂不能解决", "以后解决", "需以后解决", "因条件限制需以后解决",
              "因条件限制暂不能解决", "所提问题因条件限制需以后解决"),
    "reference": ("留作参考", "参考", "作为参考", "供参考", "参考采纳", "所提问题留作参考"),
}
# Ratings as offices write them; None is "no rating yet".
RATING_WORDS: dict[str, str | None] = {
    "满意": "satisfied", "非常满意": "satisfied", "基本满意": "basically_satisfied", "比较满意": "basically_satisfied",
    "不满意": "unsatisfied",
    "未反馈": None, "未评价": None, "未测评": None, "未回复": None, "待反馈": None, "暂未反馈": None, "无": None,
    "暂无": None, "未表态": None, "-": None, "—": None, "/": None, "／": None,
}
# The words an unknown word's message names (the full lists are above).
_CLASS_EXAMPLES = ("解决采纳", "已解决", "列入计划", "正在解决", "因条件限制", "留作参考")
_RATING_EXAMPLES = ("满意", "基本满意", "不满意", "未反馈", "未评价")


class UnknownWord(ValueError):
    """A word a column holds that is not in the vocabulary; ``accepted`` lists the words that are."""

    def __init__(self, word: str, accepted: Sequence[str]) -> None:
        super().__init__(word)
        self.word = word
        self.accepted = list(accepted)


def _fold(value: Any) -> str:
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    return re.sub(r"\s", "", text)


class Vocabulary:
    """The words of result classes and ratings, mapped onto the office's result-class scheme.

    ``classes`` are the office's result classes (setting ``result_class.classes``: code and meaning);
    ``extra`` comes from a mapping file: {"result_class": {"已办结": "A"}, "rating": {"无意见": null}}.
    """

    def __init__(self, classes: Sequence[Mapping[str, str]] | None = None,
                 extra: Mapping[str, Mapping[str, str | None]] | None = None) -> None:
        classes = list(classes or RESULT_CLASS_SCHEMES["ABCD"])
        by_meaning = {item["meaning"]: item["code"] for item in classes}
        by_meaning.setdefault("later", by_meaning.get("reference", ""))
        by_meaning.setdefault("reference", by_meaning.get("later", ""))
        self.classes: dict[str, str] = {}
        for meaning, words in RESULT_CLASS_WORDS.items():
            for word in words:
                if by_meaning.get(meaning):
                    self.classes[word] = by_meaning[meaning]
        self.ratings: dict[str, str | None] = dict(RATING_WORDS)
        self.extra_classes = [_fold(word) for word in ((extra or {}).get("result_class") or {})]
        self.extra_ratings = [_fold(word) for word in ((extra or {}).get("rating") or {})]
        for word, value in ((extra or {}).get("result_class") or {}).items():
            self.classes[_fold(word)] = value  # type: ignore[assignment]
        for word, value in ((extra or {}).get("rating") or {}).items():
            self.ratings[_fold(word)] = {label: code for code, label in RATINGS.items()}.get(value or "", value)

    def result_class(self, value: Any) -> str | None:
        """A, A类, a, 甲类, 解决采纳, 已解决… to the stored code (None: the cell says there is none).

        Raises:
            UnknownWord: a word that is neither a class code nor a known word.
        """
        text = _fold(value)
        bare = re.sub(r"[(（【\[].*?[)）】\]]", "", text)
        for candidate in (text, bare, bare.removesuffix("类"), text.removesuffix("类")):
            if candidate in self.classes:
                return self.classes[candidate]
            upper = candidate.upper()
            if upper in RESULT_CLASS_CODES:
                return upper
        head = re.match(r"^([A-Da-d甲乙丙])(?:类|[(（:：、.\s]|$)", text)
        if head:
            return head.group(1).upper()
        raise UnknownWord(str(value).strip(), [*RESULT_CLASS_CODES, *_CLASS_EXAMPLES, *self.extra_classes])

    def rating(self, value: Any) -> str | None:
        """满意 / 基本满意 / 不满意 (or the codes) to the stored code; 未反馈 and the like to None.

        Raises:
            UnknownWord: any other word.
        """
        text = _fold(value)
        if text in RATINGS:
            return text
        bare = re.sub(r"[(（【\[].*?[)）】\]]", "", text)
        for candidate in (text, bare):
            if candidate in self.ratings:
                return self.ratings[candidate]
        for code in ("unsatisfied", "basically_satisfied", "satisfied"):
            if RATINGS[code] in bare and not bare.startswith("未"):
                return code
        raise UnknownWord(str(value).strip(), [*_RATING_EXAMPLES, *self.extra_ratings])


def parse_rating(value: Any) -> str | None:
    """满意 / 基本满意 / 不满意 (or the codes); None for 未反馈."""
    try:
        return Vocabulary().rating(value)
    except UnknownWord as error:
        raise ValueError(f"'{error.word}' is not a rating; write 满意, 基本满意 or 不满意.") from None


def parse_result_class(value: Any) -> str | None:
    """A, A类, a, 甲类, 解决采纳... to the stored code (the default A/B/C/D scheme)."""
    try:
        return Vocabulary().result_class(value)
    except UnknownWord:
        raise ValueError(f"'{value}' is not a result class; write one of {', '.join(RESULT_CLASS_CODES)}.") from None


# --------------------------------------------------------------------------------------------- mapping file
_SHEET_KEYS = ("header_row", "session", "skip")


def load_mapping(path: Path) -> dict[str, Any]:
    """Read a --mapping JSON file.

    The file holds field names (Chinese labels such as 建议编号, or keys such as number) mapped to a header as
    written, a column letter (C), or null to leave the field out; and optionally "sheet" (read only that sheet),
    "header_row", "session", "sheets" (the same per sheet, plus "skip": true) and "values" (words of a column
    and what they mean: {"办理结果": {"已办结": "A"}, "代表意见": {"无意见": null}}).

    Raises:
        LedgerError: the file is missing, is not a JSON object, or names a field that does not exist.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise LedgerError(f"The mapping file '{path}' does not exist; check its name.", code="mapping_missing",
                          path=str(path)) from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise LedgerError(f"The mapping file '{path}' is not valid JSON ({error}); write it like "
                          '{"建议编号": "案号"}.', code="mapping_invalid", path=str(path)) from error
    if not isinstance(data, dict):
        raise LedgerError(f"The mapping file '{path}' must hold one JSON object such as {{\"建议编号\": \"案号\"}}.",
                          code="mapping_invalid", path=str(path))
    return _mapping_part(path, data, top=True)


def _invalid(path: Path, text: str, **facts: Any) -> LedgerError:
    return LedgerError(f"In the mapping file '{path}', {text}", code="mapping_invalid", path=str(path), **facts)


def _mapping_part(path: Path, data: dict[str, Any], *, top: bool) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in data.items():
        if key in (("sheet", "session") if top else ("session",)):
            if not isinstance(value, str):
                raise _invalid(path, f"'{key}' must be text.")
            result[key] = value
        elif key == "header_row":
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise _invalid(path, "'header_row' must be a row number such as 3.")
            result[key] = value
        elif key == "skip" and not top:
            if not isinstance(value, bool):
                raise _invalid(path, "'skip' must be true or false.")
            result[key] = value
        elif key == "sheets" and top:
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise _invalid(path, "'sheets' must map sheet names to objects such as {\"header_row\": 3}.")
            result["sheets"] = {name: _mapping_part(path, part, top=False) for name, part in value.items()}
        elif key == "values" and top:
            result["values"] = _values_part(path, value)
        else:
            item = FIELDS_BY_LABEL.get(key) or FIELDS_BY_KEY.get(key)
            if item is None:
                names = ", ".join(f.label for f in FIELDS)
                raise LedgerError(f"The mapping file '{path}' names the field '{key}', which does not exist; use one "
                                  f"of {names}.", code="mapping_unknown_field", path=str(path), field=key)
            if value is not None and not isinstance(value, str):
                raise _invalid(path, f"the field '{key}' must map to a header, a column letter or null.", field=key)
            result.setdefault("fields", {})[item.key] = value
    return result


def _values_part(path: Path, value: Any) -> dict[str, dict[str, str | None]]:
    if not isinstance(value, dict):
        raise _invalid(path, "'values' must map a column to its words, e.g. {\"办理结果\": {\"已办结\": \"A\"}}.")
    result: dict[str, dict[str, str | None]] = {}
    for name, words in value.items():
        item = FIELDS_BY_LABEL.get(name) or FIELDS_BY_KEY.get(name)
        if item is None or item.key not in ("result_class", "rating"):
            raise _invalid(path, f"'values' may give the words of 办理结果 and 代表意见, not '{name}'.", field=name)
        if not isinstance(words, dict):
            raise _invalid(path, f"the words of '{name}' must be an object such as {{\"已办结\": \"A\"}}.")
        allowed = set(RESULT_CLASS_CODES) if item.key == "result_class" else set(RATINGS) | set(RATINGS.values())
        for word, meaning in words.items():
            if meaning is not None and meaning not in allowed:
                raise _invalid(path, f"'{word}' of '{name}' must mean one of {', '.join(sorted(allowed))} or null.",
                               field=name)
        result[item.key] = dict(words)
    return result
