"""变更记录 for people: one row per changed field — when, who, which record, which field, from what to what.

A record is named by its kind and label (答复 常工信复〔2021〕第39号), a field by its Chinese label, a value in
words with its unit (15亿元, 是, 2021-06-10, 满意). A new or deleted record takes one row that sums it up. Long
texts (a letter's full text) are summarised as their first characters, their length and their SHA-256, so that
every row stays one or two lines high and the sheet prints at a readable size; the raw stored row stays in the
folded column 原始记录（JSON）, with the chain hash, for anyone who needs to check it.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections.abc import Callable, Iterator
from typing import Any

from desktop.core.records import (
    CONTACT_METHODS,
    DISCLOSURES,
    FEEDBACK_ASPECTS,
    PROPOSAL_KINDS,
    PROPOSAL_STATES,
    PROPOSER_ROLES,
    RATINGS,
    REMINDER_KINDS,
    REMINDER_STATES,
    SOURCE_KINDS,
    SUGGESTION_KINDS,
    SUGGESTION_STATES,
    TARGET_KINDS,
    TARGET_STATES,
    HistoryEntry,
)
from desktop.core.settings import HANDLING_MODES
from desktop.core.status import format_amount
from desktop.core.xlsx_export.model import ACTION_LABELS, COMPARATOR_LABELS, CUMULATIVE_LABELS, NO, TABLE_LABELS, YES

SUMMARY_CHARS = 16  # characters kept of a long text
LONG_TEXT = 40  # texts longer than this are summarised
NEW_RECORD, DELETED_RECORD = "（新建）", "（删除）"
_SKIP = {"created_at", "updated_at"}

FIELD_LABELS: dict[str, dict[str, str]] = {
    "proposals": {"session": "届次", "number": "编号", "title": "标题", "kind": "类别", "body": "人大/政协",
                  "delegation": "代表团/界别", "received_date": "收到日期", "assigned_date": "交办日期",
                  "reply_due_date": "答复期限", "extended_due_date": "延期期限", "extension_approval": "延期批准",
                  "misrouted_date": "误交日期", "returned_date": "退回日期", "lead_unit": "主办单位",
                  "co_units": "会办单位", "handling_mode": "办理方式", "key_supervised": "重点督办", "text": "建议全文",
                  "state": "登记状态", "notes": "备注"},
    "proposers": {"proposal_id": "建议", "name": "姓名", "role": "身份", "delegation": "代表团/界别",
                  "position": "排序"},
    "replies": {"proposal_id": "建议", "proposer_id": "答复对象代表", "doc_number": "答复文号",
                "doc_issuer_code": "文号机关代字", "doc_year": "文号年份", "doc_serial": "文号序号",
                "issuing_office": "发文机关", "title": "标题", "addressee": "收件人", "reply_date": "答复日期",
                "signer": "签发人", "handler": "经办人", "phone": "联系电话", "cc": "抄送", "result_class": "办理结果",
                "disclosure": "公开属性", "published_date": "公开日期", "published_where": "公开网站",
                "replying_unit": "答复单位", "is_reanswer": "再次答复", "text": "答复全文",
                "source_document_id": "来源文件"},
    "feedback": {"reply_id": "答复", "proposer_id": "评价代表", "rating": "评价", "aspect": "评价对象",
                 "feedback_date": "评价日期", "comments": "代表意见"},
    "commitments": {"reply_id": "答复", "title": "承诺事项", "quote": "承诺原文", "quote_start": "原文起点",
                    "quote_end": "原文终点", "responsible_unit": "责任单位", "deadline": "承诺期限",
                    "deadline_text": "期限表述", "manual_state": "人工判定", "notes": "备注"},
    "targets": {"commitment_id": "承诺", "indicator": "指标", "comparator": "比较", "value": "目标值",
                "value_high": "目标上限", "unit": "单位", "value_normalized": "折算目标值",
                "value_high_normalized": "折算目标上限", "unit_normalized": "折算单位", "deadline": "指标期限",
                "deadline_text": "期限表述", "cumulative": "累计/年度", "kind": "指标类型", "baseline_value": "基数",
                "baseline_unit": "基数单位", "baseline_date": "基数日期", "baseline_quote": "基数原文",
                "quote": "指标原文", "quote_start": "原文起点", "quote_end": "原文终点",
                "source_document_id": "来源文件"},
    "evidence": {"target_id": "指标", "as_of_date": "佐证日期", "value": "数值", "unit": "单位",
                 "value_normalized": "折算数值", "unit_normalized": "折算单位", "comparator": "比较",
                 "achieved": "是否实现", "source_title": "来源标题", "publisher": "发布单位", "source_date": "来源日期",
                 "source_url": "链接", "quote": "原文摘录", "source_document_id": "来源文件", "recorded_by": "记录人",
                 "notes": "备注"},
    "source_documents": {"sha256": "SHA-256", "file_name": "文件名", "kind": "类型", "title": "标题",
                         "publisher": "发布单位", "doc_date": "文件日期", "url": "链接", "text": "全文",
                         "content_sha256": "文件内容SHA-256", "imported_by": "导入人"},
    "reminders": {"kind": "类型", "subject_table": "关联类型", "subject_id": "关联对象", "title": "标题",
                  "due_date": "到期日", "lead_days": "提前天数", "state": "状态", "snoozed_until": "推迟至",
                  "done_at": "完成日期", "note": "备注", "uid": "标识"},
    "contacts": {"proposal_id": "建议", "contact_date": "日期", "method": "方式", "participants": "参加人员",
                 "notes": "内容"},
    "suggestions": {"kind": "类型", "state": "状态", "source_document_id": "来源文件", "reply_id": "答复",
                    "target_id": "指标", "score": "置信度", "payload": "内容"},
    "settings": {"key": "设置项", "value": "值"},
}
_HANDLING_MODES = {mode["code"]: mode["label"] for mode in HANDLING_MODES}
_CHOICES: dict[tuple[str, str], dict[Any, str]] = {
    ("proposals", "kind"): PROPOSAL_KINDS, ("proposals", "state"): PROPOSAL_STATES,
    ("proposals", "handling_mode"): _HANDLING_MODES, ("proposers", "role"): PROPOSER_ROLES,
    ("replies", "disclosure"): DISCLOSURES, ("feedback", "rating"): RATINGS, ("feedback", "aspect"): FEEDBACK_ASPECTS,
    ("commitments", "manual_state"): TARGET_STATES, ("targets", "comparator"): COMPARATOR_LABELS,
    ("targets", "kind"): TARGET_KINDS, ("evidence", "comparator"): COMPARATOR_LABELS,
    ("source_documents", "kind"): SOURCE_KINDS, ("reminders", "kind"): REMINDER_KINDS,
    ("reminders", "state"): REMINDER_STATES, ("reminders", "subject_table"): TABLE_LABELS,
    ("contacts", "method"): CONTACT_METHODS, ("suggestions", "kind"): SUGGESTION_KINDS,
    ("suggestions", "state"): SUGGESTION_STATES,
}
_FLAGS = {"key_supervised", "is_reanswer", "achieved"}
# Foreign keys: field → the table it refers to.
_LINKS = {"proposal_id": "proposals", "reply_id": "replies", "commitment_id": "commitments", "target_id": "targets",
          "proposer_id": "proposers", "source_document_id": "source_documents"}
# Amount fields and the field that holds their unit.
_UNITS = {("targets", "value"): "unit", ("targets", "value_high"): "unit",
          ("targets", "value_normalized"): "unit_normalized", ("targets", "value_high_normalized"): "unit_normalized",
          ("targets", "baseline_value"): "baseline_unit", ("evidence", "value"): "unit",
          ("evidence", "value_normalized"): "unit_normalized"}
# The fields that sum up a new or deleted record.
_KEY_FIELDS = {
    "proposals": ("title", "lead_unit", "assigned_date"), "proposers": ("name", "role"),
    "replies": ("title", "reply_date", "result_class"), "feedback": ("rating", "aspect", "feedback_date"),
    "commitments": ("deadline", "responsible_unit"), "targets": ("comparator", "value", "deadline"),
    "evidence": ("value", "achieved", "publisher", "source_title"), "source_documents": ("kind", "title", "sha256"),
    "reminders": ("kind", "due_date", "state"), "contacts": ("participants", "notes"),
    "suggestions": ("kind", "state"), "settings": ("value",),
}

Namer = Callable[[str, int], str | None]


def field_label(table: str, name: str) -> str:
    return FIELD_LABELS.get(table, {}).get(name, name)


def summarise_text(text: str) -> str:
    """A long text as its first characters, its length and its SHA-256 (the first 12 hex digits)."""
    one_line = " ".join(text.split())
    if len(one_line) <= LONG_TEXT:
        return one_line
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return f"{one_line[:SUMMARY_CHARS]}…（共{len(text)}字，SHA-256 {digest}）"


def value_text(table: str, name: str, value: Any, row: dict[str, Any], names: Namer) -> str:
    """A stored value in words: a choice by its label, a flag as 是/否, a link by its record, an amount with its
    unit, a long text summarised."""
    if value is None or value == "":
        return "（空）"
    choices = _CHOICES.get((table, name))
    if choices is not None:
        return str(choices.get(value, value))
    if name in _FLAGS:
        return YES if value else NO
    if table == "targets" and name == "cumulative":
        return CUMULATIVE_LABELS.get(bool(value), str(value))
    if name in _LINKS and isinstance(value, int):
        return names(_LINKS[name], value) or f"{TABLE_LABELS.get(_LINKS[name], _LINKS[name])}#{value}"
    if (table, name) in _UNITS and isinstance(value, (int, float)):
        unit_field = _UNITS[(table, name)]
        unit = row.get(unit_field) if row.get(unit_field) is not None else row.get("unit")
        return format_amount(value, unit)
    if isinstance(value, float):
        return f"{value:,.6f}".rstrip("0").rstrip(".")
    if isinstance(value, str) and value[:1] in "[{" and name in ("co_units", "payload", "value"):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            return summarise_text("、".join(str(item) for item in parsed)) if parsed else "（空）"
    return summarise_text(str(value))


def record_name(table: str, row: dict[str, Any], row_id: int, names: Namer, reply_of: Namer) -> str:
    """The record's kind, label and the reply it belongs to: 答复 常工信复〔2021〕第39号,
    指标 累计开通5G基站数（常工信复〔2021〕第39号）."""
    kind = TABLE_LABELS.get(table, table)
    label = names(table, row_id) or _own_label(table, row, names) or f"#{row_id}"
    context = None
    if table in ("commitments", "targets", "evidence", "feedback", "suggestions"):
        context = reply_of(table, row_id)
        if context is None:
            for link in ("reply_id", "commitment_id", "target_id"):
                if isinstance(row.get(link), int):
                    context = reply_of(_LINKS[link], row[link])
                    if context:
                        break
    return f"{kind} {label}（{context}）" if context else f"{kind} {label}"


def _own_label(table: str, row: dict[str, Any], names: Namer) -> str | None:
    if table == "proposals":
        session, number = row.get("session") or "", row.get("number") or ""
        return f"{session}{PROPOSAL_KINDS.get(row.get('kind') or '', '')}{number}" or None
    if table == "replies":
        return row.get("doc_number") or summarise_text(row.get("title") or "") or None
    if table == "feedback":
        rating = RATINGS.get(row.get("rating") or "", "")
        return f"{rating}{row.get('feedback_date') or ''}" or None
    if table == "evidence":
        indicator = names("targets", row["target_id"]) if isinstance(row.get("target_id"), int) else None
        return " ".join(part for part in (row.get("as_of_date"), indicator) if part) or None
    if table == "contacts":
        return f"{row.get('contact_date') or ''}{CONTACT_METHODS.get(row.get('method') or '', '')}" or None
    if table == "suggestions":
        return SUGGESTION_KINDS.get(row.get("kind") or "")
    field = {"proposers": "name", "commitments": "title", "targets": "indicator", "source_documents": "file_name",
             "reminders": "title", "settings": "key"}.get(table)
    value = row.get(field) if field else None
    return summarise_text(str(value)) if value else None


def _summary(table: str, row: dict[str, Any], names: Namer) -> str:
    """A new or deleted record in a few words: ≥1万个，期限2021-12-31."""
    worded: dict[str, str | None] = {}

    def value(name: str) -> str | None:
        if name not in worded:  # most fields are asked for twice: whether there is one, then its words
            raw = row.get(name)
            worded[name] = None if raw is None or raw == "" else value_text(table, name, raw, row, names)
        return worded[name]

    if table == "targets":
        goal = value("value")
        if row.get("comparator") == "range":
            goal = f"{goal}至{value('value_high')}"
        elif row.get("comparator") != "qualitative":
            goal = f"{COMPARATOR_LABELS.get(row.get('comparator'), '')}{goal}"
        else:
            goal = "定性"
        parts = [goal, f"期限{value('deadline')}" if value("deadline") else None,
                 "基数" if row.get("kind") == "baseline" else None]
    elif table == "evidence":
        figure = value("value") or (value("achieved") and f"是否实现：{value('achieved')}")
        parts = [figure, value("publisher") or value("source_title")]
    elif table == "commitments":
        parts = [f"期限{value('deadline')}" if value("deadline") else None, value("responsible_unit")]
    elif table == "replies":
        parts = [value("reply_date"), f"{row['result_class']}类" if row.get("result_class") else None,
                 value("disclosure")]
    elif table == "proposals":
        parts = [value("title"), f"交办{value('assigned_date')}" if value("assigned_date") else None]
    else:
        parts = [f"{field_label(table, name)}：{value(name)}" for name in _KEY_FIELDS.get(table, ()) if value(name)]
    return "，".join(part for part in parts if part) or "—"


_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)  # json.dumps with these options, made once


def _raw(values: Any) -> str:
    return _JSON.encode(values)


@functools.lru_cache(maxsize=1024)  # a save stamps all its rows alike; the local zone of a process does not change
def local_time(stamp: str) -> dt.datetime | str:
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment


def history_rows(entry: HistoryEntry, names: Namer, reply_of: Namer) -> Iterator[dict[str, Any]]:
    """The rows of one history entry: one per changed field, or one for a new or deleted record.

    Args:
        names: the label of a known record by (table, id): a proposal's, a reply's document number, a
            commitment's title, a target's indicator; None when unknown.
        reply_of: the document number of the reply a commitment, target or rating belongs to; None when unknown.
    """
    before, after = entry.before or {}, entry.after or {}
    row = after or before
    common = {"时间": local_time(entry.at), "操作人": entry.actor,
              "记录": record_name(entry.table_name, row, entry.row_id, names, reply_of),
              "操作": ACTION_LABELS.get(entry.action, entry.action),
              "表": TABLE_LABELS.get(entry.table_name, entry.table_name), "记录号": entry.row_id, "哈希": entry.hash}
    table = entry.table_name
    if entry.action == "insert":
        kept = {k: v for k, v in after.items() if k not in _SKIP and v is not None}
        yield {**common, "字段": NEW_RECORD, "修改后": _summary(table, after, names), "原始记录（JSON）": _raw(kept)}
        return
    if entry.action == "delete":
        kept = {k: v for k, v in before.items() if k not in _SKIP and v is not None}
        yield {**common, "字段": DELETED_RECORD, "修改前": _summary(table, before, names),
               "原始记录（JSON）": _raw(kept)}
        return
    changed = sorted((k for k in set(before) | set(after) if k not in _SKIP and before.get(k) != after.get(k)),
                     key=lambda k: (list(FIELD_LABELS.get(table, {})).index(k)
                                    if k in FIELD_LABELS.get(table, {}) else 999, k))
    if not changed:
        yield {**common, "字段": "（无字段变化）"}
        return
    for name in changed:
        yield {**common, "字段": field_label(table, name),
               "修改前": value_text(table, name, before.get(name), before, names),
               "修改后": value_text(table, name, after.get(name), after, names),
               "原始记录（JSON）": _raw({"字段": name, "修改前": before.get(name), "修改后": after.get(name)})}
