"""The audit workbook: the ledger as an .xlsx file that auditors and leaders can read, filter, print and trust.

Sheets: 汇总 (summary and yearly handling statistics), 建议, 答复, 见面沟通, 承诺与指标 (one row per target, judged as
of a date), 佐证, 提醒, 回头看 (the audit findings of :mod:`desktop.core.audit`) and 变更记录 (the history, one row per
changed field). The caller hands in plain records (:class:`LedgerSnapshot`); nothing here reads the database.

One as-of date holds for the whole workbook: statistics, states and sheets count only what had happened by then.

Modules: ``model`` (sheet names, labels, the snapshot and the result), ``statistics`` (the yearly figures),
``columns`` (each sheet's columns), ``rows`` (the record sheets' rows), ``history`` (变更记录 for people),
``summary`` (汇总), ``cells`` (safe values, prepared cells, widths, print setup) and ``workbook`` (the writer and
the file).
"""

from desktop.core.xlsx_export.cells import Amount, safe_text
from desktop.core.xlsx_export.columns import SHEET_COLUMNS, Column
from desktop.core.xlsx_export.model import (
    ACTION_LABELS,
    COMPARATOR_LABELS,
    CUMULATIVE_LABELS,
    MAX_CELL_TEXT,
    NO,
    SHEET_AUDIT,
    SHEET_CONTACTS,
    SHEET_EVIDENCE,
    SHEET_HISTORY,
    SHEET_PROPOSALS,
    SHEET_REMINDERS,
    SHEET_REPLIES,
    SHEET_SUMMARY,
    SHEET_TARGETS,
    SUBJECT_LABELS,
    TABLE_LABELS,
    TRUNCATION_MARKER,
    TRUNCATION_PATTERN,
    WORKBOOK_TITLE,
    YES,
    EvidenceLine,
    ExportFilters,
    ExportResult,
    LedgerSnapshot,
    TruncatedCell,
    commitment_label,
    display_width,
    handling_year,
    reply_label,
    target_label,
)
from desktop.core.xlsx_export.statistics import (
    RATE_DEFINITIONS,
    ReplyTiming,
    YearStats,
    commitment_deadline,
    compute_statistics,
    reply_timing,
)
from desktop.core.xlsx_export.workbook import check_target, write_workbook

__all__ = [
    "ACTION_LABELS", "COMPARATOR_LABELS", "CUMULATIVE_LABELS", "MAX_CELL_TEXT", "NO", "RATE_DEFINITIONS",
    "SHEET_AUDIT", "SHEET_COLUMNS", "SHEET_CONTACTS", "SHEET_EVIDENCE", "SHEET_HISTORY", "SHEET_PROPOSALS",
    "SHEET_REMINDERS", "SHEET_REPLIES", "SHEET_SUMMARY", "SHEET_TARGETS", "SUBJECT_LABELS", "TABLE_LABELS",
    "TRUNCATION_MARKER", "TRUNCATION_PATTERN", "WORKBOOK_TITLE", "YES", "Amount", "Column", "EvidenceLine",
    "ExportFilters", "ExportResult", "LedgerSnapshot", "ReplyTiming", "TruncatedCell", "YearStats", "check_target",
    "commitment_deadline", "commitment_label", "compute_statistics", "display_width", "handling_year",
    "reply_label", "reply_timing", "safe_text", "target_label", "write_workbook",
]
