"""Reading an Excel ledger (台账) into records: a foreign, hand-kept ledger, or the audit workbook we export.

A foreign ledger is one sheet with a header row whose names vary from office to office (提案号 or 建议编号,
办结时间 or 答复日期...). :func:`read_ledger` finds the header row under any merged title rows, guesses which
column holds which field from a synonym table (and near names), fills merged cells down their column, reads
dates written as Excel dates or as text (2021.6.10, 2021年6月10日, 二〇二一年六月十日), skips blank rows and a
totals row (合计), and checks every row. The result is an :class:`ImportPlan`: records grouped by the
spreadsheet row they came from, keyed by stable keys (session + kind + number of a proposal, the reply's
document number) so that importing a newer version of the same ledger updates rather than duplicates.
Nothing here writes: ``db.ledger_import`` applies a plan in one transaction.

Our own workbook (sheets 建议, 答复, 承诺与指标, 佐证, 提醒) is recognised by its sheets and headers and read
back whole, so that export → import → export gives the same workbook.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from desktop.core.errors import Cancelled, LedgerError, ValidationError
from desktop.core.records import (
    DISCLOSURES,
    PROPOSAL_KINDS,
    PROPOSAL_STATES,
    RATINGS,
    REMINDER_KINDS,
    REMINDER_STATES,
    RESULT_CLASS_CODES,
    TARGET_KINDS,
    TARGET_STATES,
    Commitment,
    Evidence,
    Feedback,
    Proposal,
    Proposer,
    Record,
    Reminder,
    Reply,
    Target,
)
from desktop.core.settings import HANDLING_MODES
from desktop.core.units import normalize
from desktop.core.validation import parse_date
from desktop.core.xlsx_export import (
    COMPARATOR_LABELS,
    CUMULATIVE_LABELS,
    NO,
    SHEET_EVIDENCE,
    SHEET_PROPOSALS,
    SHEET_REMINDERS,
    SHEET_REPLIES,
    SHEET_TARGETS,
    SUBJECT_LABELS,
    YES,
)

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


# --------------------------------------------------------------------------------------------- the fields
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
                                    "题目", "案由", "名称")),
    LedgerField("proposer", "领衔代表", ("领衔代表", "领衔人", "提出人", "提案人", "领衔委员", "代表姓名", "代表",
                                       "委员", "提出代表", "领衔代表（委员）")),
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
    LedgerField("notes", "备注", ("备注", "说明")),
    LedgerField("session", "届次", ("届次", "会议", "会次", "会议届次")),
    LedgerField("kind", "类别", ("建议类别", "件别", "类型", "类别")),
    LedgerField("assigned_date", "交办日期", ("交办日期", "交办时间")),
    LedgerField("reply_due_date", "答复期限", ("答复期限", "办理期限", "答复截止日期")),
)
FIELDS_BY_KEY = {f.key: f for f in FIELDS}
FIELDS_BY_LABEL = {f.label: f for f in FIELDS}
_TOTALS = ("合计", "总计", "小计", "共计")
_HEADER_SCAN_ROWS = 20
_FUZZY_CUTOFF = 0.75
_TITLE_LENGTH = 40


@dataclass(frozen=True)
class RowProblem:
    """Why a row cannot be imported: sheet, row number as Excel shows it, column header, one sentence.

    ``code`` and ``facts`` are those of the error behind the sentence (as :class:`LedgerError` carries them), so
    that the app can word it in the user's language.
    """

    sheet: str
    row: int
    column: str | None
    message: str
    code: str | None = None
    facts: dict[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, sheet: str, row: int, column: str | None, error: LedgerError) -> RowProblem:
        """The problem a row has because of ``error``."""
        facts = {key: value for key, value in error.facts.items() if key != "problems"}
        return cls(sheet, row, column, error.message, error.code, facts)

    def __str__(self) -> str:
        where = f"Sheet '{self.sheet}', row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ColumnMatch:
    """One guessed (or given) column of a field."""

    field: str
    header: str
    column: int  # 1-based
    how: str  # exact, near, given

    def describe(self) -> str:
        label = FIELDS_BY_KEY[self.field].label if self.field in FIELDS_BY_KEY else self.field
        return f"{label} ← '{self.header}' (column {get_column_letter(self.column)}, {self.how})"


# --------------------------------------------------------------------------------------------- plan
@dataclass
class PlannedRow:
    """The records one spreadsheet row gives, in the order they are written, with keys to find them again.

    ``proposal_key`` = (session, kind, number); ``reply_ref`` = (proposal key, document number or None);
    ``commitment_ref`` = (reply ref, title); ``target_ref`` = (commitment ref, indicator, position).
    """

    sheet: str
    row: int
    proposal: Proposal | None = None
    proposal_fields: frozenset[str] = frozenset()
    reply: Reply | None = None
    reply_ref: tuple | None = None
    reply_fields: frozenset[str] = frozenset()
    proposer_name: str | None = None
    feedback: list[Feedback] = field(default_factory=list)
    commitment: Commitment | None = None
    commitment_fields: frozenset[str] = frozenset()
    target: Target | None = None
    target_ref: tuple | None = None
    evidence: Evidence | None = None
    source_sha256: str | None = None
    reminder: Reminder | None = None
    subject: tuple[str, str] | None = None  # (table, label) of a reminder's subject
    columns: dict[str, str] = field(default_factory=dict)  # record field → header, for reports

    @property
    def commitment_ref(self) -> tuple | None:
        if self.commitment is None or self.reply_ref is None:
            return None
        return (self.reply_ref, self.commitment.title)


@dataclass
class ImportPlan:
    """What a ledger file holds: rows to write, rows that cannot be taken, and how the columns were read.

    ``headers`` are the header row's cells by column (1-based), ``sheets`` every sheet of the workbook and
    ``session`` the session the rows were given. ``blockers`` are what stops the rows from being read at all (no
    header row, no column for a required field, no session) when :func:`read_ledger` was asked not to raise them.
    """

    path: Path
    kind: str  # "foreign" or "workbook" (our own export)
    rows: list[PlannedRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    mapping: list[ColumnMatch] = field(default_factory=list)
    ignored_headers: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sheet: str = ""
    header_row: int = 0
    headers: dict[int, str] = field(default_factory=dict)
    sheets: list[str] = field(default_factory=list)
    session: str | None = None
    blockers: list[LedgerError] = field(default_factory=list)

    def mapping_overrides(self) -> dict[str, Any]:
        """The plan's sheet, header row, session and columns in the form :func:`load_mapping` returns: read with
        it, the ledger is read the same way again."""
        fields: dict[str, str | None] = {item.key: None for item in FIELDS}
        fields.update((match.field, get_column_letter(match.column)) for match in self.mapping)
        overrides: dict[str, Any] = {"sheet": self.sheet, "header_row": self.header_row, "fields": fields}
        if self.session:
            overrides["session"] = self.session
        return overrides

    def describe_mapping(self) -> list[str]:
        if self.kind == "workbook":
            return [f"Reply Ledger workbook: sheets {', '.join(sorted({r.sheet for r in self.rows}))}."]
        lines = [f"Sheet '{self.sheet}', header row {self.header_row}:"]
        lines += [f"  {match.describe()}" for match in self.mapping]
        if self.ignored_headers:
            lines.append("  not imported: " + ", ".join(f"'{h}'" for h in self.ignored_headers))
        missing = [f.label for f in FIELDS if f.key not in {m.field for m in self.mapping} and f.key != "seq"]
        if missing:
            lines.append("  no column for: " + ", ".join(missing))
        return lines


# --------------------------------------------------------------------------------------------- text helpers
def _clean_header(value: Any) -> str:
    text = unicodedata.normalize("NFKC", str(value or ""))
    text = re.sub(r"[\s*＊:：]", "", text)
    return re.sub(r"[(（][^)）]*[)）]$", "", text) or text


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        value = value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    text = str(value).strip()
    return text or None


def _split_names(text: str | None) -> list[str]:
    if not text:
        return []
    return [part for part in (p.strip() for p in re.split(r"[、,，;；/\n]+|\s{2,}", text)) if part]


def match_header(header: str) -> tuple[str, str] | None:
    """The field a header names, and how sure: ('number', 'exact') for 提案号, ('title', 'near') for 建议标题名."""
    cleaned = _clean_header(header)
    if not cleaned:
        return None
    for item in FIELDS:
        if cleaned in (_clean_header(s) for s in item.synonyms):
            return item.key, "exact"
    best: tuple[float, str] | None = None
    for item in FIELDS:
        for synonym in item.synonyms:
            synonym = _clean_header(synonym)
            if len(synonym) >= 2 and (synonym in cleaned or (len(cleaned) >= 2 and cleaned in synonym)):
                score = 0.7 + 0.3 * min(len(synonym), len(cleaned)) / max(len(synonym), len(cleaned))
            else:
                score = difflib.SequenceMatcher(None, cleaned, synonym).ratio()
            if score >= _FUZZY_CUTOFF and (best is None or score > best[0]):
                best = (score, item.key)
    return (best[1], "near") if best else None


def guess_mapping(headers: dict[int, str]) -> tuple[list[ColumnMatch], list[str]]:
    """Map header cells (column → text) to fields, each field at most once, exact names first."""
    candidates = []
    for column, header in headers.items():
        found = match_header(header)
        if found:
            candidates.append((0 if found[1] == "exact" else 1, column, found[0], found[1], header))
    taken_fields: set[str] = set()
    taken_columns: set[int] = set()
    matches = []
    for _, column, key, how, header in sorted(candidates):
        if key in taken_fields or column in taken_columns:
            continue
        taken_fields.add(key)
        taken_columns.add(column)
        matches.append(ColumnMatch(key, header, column, how))
    ignored = [header for column, header in sorted(headers.items()) if column not in taken_columns and header]
    return sorted(matches, key=lambda m: m.column), ignored


_SESSION = re.compile(r"([\u4e00-\u9fff]{0,12}?[第]?[一二三四五六七八九十\d]+届[\u4e00-\u9fff]{0,6}?"
                      r"[一二三四五六七八九十\d]+次会议)")


def session_from_title(text: str) -> str | None:
    """常州市十六届人大五次会议 from a title row such as 常州市十六届人大五次会议代表建议办理台账."""
    match = _SESSION.search(unicodedata.normalize("NFKC", text or ""))
    return match.group(1) if match else None


def kind_from_text(text: str) -> str | None:
    for code, label in (("criticism", "批评"), ("motion", "议案"), ("proposal", "提案"), ("suggestion", "建议")):
        if label in (text or ""):
            return code
    return None


def parse_rating(value: Any) -> str:
    """满意 / 基本满意 / 不满意 (or the codes)."""
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    if text in RATINGS:
        return text
    for code in ("unsatisfied", "basically_satisfied", "satisfied"):
        if RATINGS[code] in text:
            return code
    raise ValueError(f"'{text}' is not a rating; write 满意, 基本满意 or 不满意.")


def parse_result_class(value: Any) -> str:
    """A, A类, a, 甲类... to the stored code."""
    text = unicodedata.normalize("NFKC", str(value or "")).strip().rstrip("类").strip().upper()
    if text in RESULT_CLASS_CODES:
        return text
    raise ValueError(f"'{value}' is not a result class; write one of {', '.join(RESULT_CLASS_CODES)}.")


_YEAR_END = re.compile(r"^(\d{4})\s*年?\s*(底|末|年底|年末|年内|全年|)$")
_MONTH_END = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(底|末|)$")


def parse_deadline(value: Any) -> tuple[dt.date | None, str | None]:
    """A deadline as a date where one can be read (2021年底 → 2021-12-31), and the words as written."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, (dt.date, dt.datetime)):
        return parse_date(value), None
    text = _text(value) or ""
    folded = unicodedata.normalize("NFKC", text)
    try:
        return parse_date(folded), None
    except ValidationError:
        pass
    match = _YEAR_END.match(folded)
    if match:
        return dt.date(int(match.group(1)), 12, 31), text
    match = _MONTH_END.match(folded)
    if match and 1 <= int(match.group(2)) <= 12:
        year, month = int(match.group(1)), int(match.group(2))
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        return following - dt.timedelta(days=1), text
    return None, text


def short_title(text: str) -> str:
    """A commitment's short title: its first clause, at most 40 characters."""
    first = re.split(r"[。；;\n]", text.strip(), maxsplit=1)[0].strip()
    return first if len(first) <= _TITLE_LENGTH else first[:_TITLE_LENGTH] + "…"


def number_digits(number: str) -> str:
    return re.sub(r"\D", "", number or "").lstrip("0") or "0"


# --------------------------------------------------------------------------------------------- mapping file
def load_mapping(path: Path) -> dict[str, Any]:
    """Read a --mapping JSON file: {"建议编号": "案号", "备注": null, "sheet": "...", "header_row": 3}.

    Keys are field names (Chinese labels such as 建议编号, or keys such as number); values are a header as
    written, a column letter (C), or null to leave the field out.

    Raises:
        LedgerError: the file is missing, is not a JSON object, or names a field that does not exist.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise LedgerError(f"The mapping file '{path}' does not exist; check its name.", code="mapping_missing",
                          path=str(path)) from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LedgerError(f"The mapping file '{path}' is not valid JSON ({error}); write it like "
                          '{"建议编号": "案号"}.', code="mapping_invalid", path=str(path)) from error
    if not isinstance(data, dict):
        raise LedgerError(f"The mapping file '{path}' must hold one JSON object such as {{\"建议编号\": \"案号\"}}.",
                          code="mapping_invalid", path=str(path))
    result: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("sheet", "session"):
            if not isinstance(value, str):
                raise LedgerError(f"In the mapping file '{path}', '{key}' must be text.", code="mapping_invalid",
                                  path=str(path))
            result[key] = value
            continue
        if key == "header_row":
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise LedgerError(f"In the mapping file '{path}', 'header_row' must be a row number such as 3.",
                                  code="mapping_invalid", path=str(path))
            result[key] = value
            continue
        item = FIELDS_BY_LABEL.get(key) or FIELDS_BY_KEY.get(key)
        if item is None:
            names = ", ".join(f.label for f in FIELDS)
            raise LedgerError(f"The mapping file '{path}' names the field '{key}', which does not exist; use one of "
                              f"{names}.", code="mapping_unknown_field", path=str(path), field=key)
        if value is not None and not isinstance(value, str):
            raise LedgerError(f"In the mapping file '{path}', the field '{key}' must map to a header, a column "
                              "letter or null.", code="mapping_invalid", path=str(path), field=key)
        result.setdefault("fields", {})[item.key] = value
    return result


# --------------------------------------------------------------------------------------------- reading
def read_ledger(path: str | Path, *, mapping: dict[str, Any] | None = None, session: str | None = None,
                strict: bool = True, progress: Progress | None = None,
                is_cancelled: IsCancelled | None = None) -> ImportPlan:
    """Read a ledger file into an import plan (nothing is written).

    Args:
        mapping: overrides from :func:`load_mapping`.
        session: the session of every proposal when the ledger does not say (its title rows usually do).
        strict: raise the problems a mapping can fix (no header row, no column for a required field, no
            session); with False they are listed in ``plan.blockers`` instead and no row is read, so that the app
            can show the columns and let the clerk map them.

    Raises:
        LedgerError: the file cannot be read, or (``strict``) no header row / no column for a required field /
            no session is found.
        Cancelled: ``is_cancelled()`` turned true.
    """
    path = Path(path)
    if not path.is_file():
        raise LedgerError(f"The ledger '{path}' does not exist; check the path.", code="ledger_missing",
                          path=str(path))
    sheet_names = _sheet_names(path)
    own = {SHEET_PROPOSALS, SHEET_REPLIES, SHEET_TARGETS} <= set(sheet_names)
    if own and not (mapping or {}).get("fields") and not (mapping or {}).get("sheet"):
        plan = _OwnWorkbook(path, progress, is_cancelled).read()
    else:
        plan = _ForeignLedger(path, mapping or {}, session, strict, progress, is_cancelled).read()
    plan.sheets = sheet_names
    return plan


def _open(path: Path, read_only: bool):
    try:
        return load_workbook(path, read_only=read_only, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as error:
        raise LedgerError(f"'{path}' is not an Excel workbook that can be read ({error}); save it as .xlsx and try "
                          "again.", code="ledger_unreadable", path=str(path)) from error


def _sheet_names(path: Path) -> list[str]:
    workbook = _open(path, read_only=True)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _check_cancel(is_cancelled: IsCancelled | None, count: int) -> None:
    if is_cancelled and count % 200 == 0 and is_cancelled():
        raise Cancelled()


class _ForeignLedger:
    def __init__(self, path: Path, mapping: dict[str, Any], session: str | None, strict: bool,
                 progress: Progress | None, is_cancelled: IsCancelled | None) -> None:
        self.path = path
        self.mapping = mapping
        self.session = mapping.get("session") or session
        self.strict = strict
        self.progress = progress
        self.is_cancelled = is_cancelled

    def read(self) -> ImportPlan:
        # Merged cells are only known to a fully loaded workbook; hand-kept ledgers are small enough for that.
        workbook = _open(self.path, read_only=False)
        try:
            ws = self._pick_sheet(workbook)
            grid = self._grid(ws)
        finally:
            workbook.close()
        plan = ImportPlan(self.path, "foreign", sheet=ws.title)
        header_row = self.mapping.get("header_row") or self._find_header_row(grid)
        if header_row is None or header_row > len(grid):
            error = LedgerError(f"No header row was found in sheet '{ws.title}' of '{self.path.name}' (a row naming "
                                "columns such as 建议编号 and 建议标题); give it with \"header_row\" in --mapping.",
                                code="ledger_no_header", path=str(self.path), file=self.path.name, sheet=ws.title)
            if self.strict:
                raise error
            plan.blockers = [error]
            return plan
        plan.header_row = header_row
        headers = {index + 1: _text(value) or "" for index, value in enumerate(grid[header_row - 1])}
        headers = {column: text for column, text in headers.items() if text}
        plan.headers = headers
        plan.mapping, plan.ignored_headers = self._mapping(headers, ws.title)
        fields = {match.field: match for match in plan.mapping}
        blockers = []
        for required in ("number", "title"):
            if required not in fields:
                label = FIELDS_BY_KEY[required].label
                blockers.append(LedgerError(
                    f"Sheet '{ws.title}' of '{self.path.name}' has no column for {label}; name its header in "
                    f"--mapping, e.g. {{\"{label}\": \"...\"}}.", code="ledger_missing_column", path=str(self.path),
                    file=self.path.name, sheet=ws.title, field=label))
        titles = " ".join(_text(v) or "" for row in grid[: header_row - 1] for v in row)
        session = self.session or session_from_title(titles) or session_from_title(ws.title)
        plan.session = session
        ledger_kind = kind_from_text(titles) or kind_from_text(ws.title) or "suggestion"
        if session is None and "session" not in fields:
            blockers.append(LedgerError(
                f"'{self.path.name}' does not say which session its proposals belong to (no 届次 column and no "
                "session such as 十六届人大五次会议 in its title rows); give it with --session.",
                code="ledger_no_session", path=str(self.path), file=self.path.name))
        if blockers:
            if self.strict:
                raise blockers[0]
            plan.blockers = blockers
            return plan
        if session and not self.session:
            plan.notes.append(f"Session read from the title: {session}.")
        body = "政协" if "政协" in titles or ledger_kind == "proposal" else ("人大" if "人大" in titles else None)
        data_rows = grid[header_row:]
        total = len(data_rows)
        for offset, values in enumerate(data_rows):
            row_number = header_row + 1 + offset
            _check_cancel(self.is_cancelled, offset)
            if self.progress and offset % 200 == 0:
                self.progress(offset, total)
            cells = {key: values[match.column - 1] if match.column - 1 < len(values) else None
                     for key, match in fields.items()}
            if all(_text(v) is None for v in values):
                continue
            if any((_text(v) or "").replace(" ", "") in _TOTALS for v in values[:4]):
                plan.notes.append(f"Row {row_number} is a totals row; skipped.")
                continue
            planned, problems = self._row(ws.title, row_number, cells, fields, session, ledger_kind, body)
            if problems:
                plan.problems.extend(problems)
            else:
                plan.rows.append(planned)
        if self.progress:
            self.progress(total, total)
        return plan

    def _pick_sheet(self, workbook):
        wanted = self.mapping.get("sheet")
        if wanted:
            if wanted not in workbook.sheetnames:
                raise LedgerError(f"'{self.path.name}' has no sheet '{wanted}'; its sheets are "
                                  f"{', '.join(workbook.sheetnames)}.", code="ledger_no_sheet", path=str(self.path),
                                  file=self.path.name, sheet=wanted, sheets="、".join(workbook.sheetnames))
            return workbook[wanted]
        best, best_score = workbook.worksheets[0], -1
        for ws in workbook.worksheets:
            rows = [list(r) for r in ws.iter_rows(max_row=_HEADER_SCAN_ROWS, values_only=True)]
            score = max((self._header_score(r) for r in rows), default=0)
            if score > best_score:
                best, best_score = ws, score
        return best

    @staticmethod
    def _grid(ws) -> list[list[Any]]:
        """Cell values row by row, with each merged range's value copied into all its cells."""
        grid = [list(row) for row in ws.iter_rows(values_only=True)]
        for merged in ws.merged_cells.ranges:
            value = ws.cell(merged.min_row, merged.min_col).value
            for row in range(merged.min_row, merged.max_row + 1):
                for col in range(merged.min_col, merged.max_col + 1):
                    if row - 1 < len(grid) and col - 1 < len(grid[row - 1]):
                        grid[row - 1][col - 1] = value
        return grid

    @staticmethod
    def _header_score(values: Sequence[Any]) -> int:
        seen = {match_header(_text(v) or "") for v in values if _text(v)}
        keys = {found[0] for found in seen if found}
        # A merged title row repeats one text across its cells: it names at most one field.
        distinct = {_text(v) for v in values if _text(v)}
        return len(keys) if len(distinct) > 1 else 0

    def _find_header_row(self, grid: list[list[Any]]) -> int | None:
        best, best_score = None, 2
        for index, values in enumerate(grid[:_HEADER_SCAN_ROWS]):
            score = self._header_score(values)
            if score > best_score:
                best, best_score = index + 1, score
        return best

    def _mapping(self, headers: dict[int, str], sheet: str) -> tuple[list[ColumnMatch], list[str]]:
        matches, ignored = guess_mapping(headers)
        given = self.mapping.get("fields") or {}
        if not given:
            return matches, ignored
        by_field = {m.field: m for m in matches}
        for key, target in given.items():
            by_field.pop(key, None)
            if target is None:
                continue
            column = self._column_of(target, headers, sheet)
            for other, match in list(by_field.items()):
                if match.column == column:
                    by_field.pop(other)
            by_field[key] = ColumnMatch(key, headers.get(column, get_column_letter(column)), column, "given")
        used = {m.column for m in by_field.values()}
        ignored = [header for column, header in sorted(headers.items()) if column not in used]
        return sorted(by_field.values(), key=lambda m: m.column), ignored

    def _column_of(self, target: str, headers: dict[int, str], sheet: str) -> int:
        for column, header in headers.items():
            if header == target or _clean_header(header) == _clean_header(target):
                return column
        if re.fullmatch(r"[A-Za-z]{1,3}", target):
            return column_index_from_string(target.upper())
        raise LedgerError(f"The mapping names the header '{target}', which is not in the header row of sheet "
                          f"'{sheet}'; use a header as written or a column letter.", code="mapping_bad_header",
                          path=str(self.path), header=target)

    def _row(self, sheet: str, row: int, cells: dict[str, Any], fields: dict[str, ColumnMatch],
             session: str | None, ledger_kind: str, body: str | None) -> tuple[PlannedRow, list[RowProblem]]:
        problems: list[RowProblem] = []

        def header(key: str) -> str:
            return fields[key].header if key in fields else FIELDS_BY_KEY[key].label

        def problem(key: str, message: str, code: str, **facts: Any) -> None:
            problems.append(RowProblem(sheet, row, header(key), message, code, facts))

        def read(key: str, parse: Callable[[Any], Any], code: str = "") -> Any:
            value = cells.get(key)
            if _text(value) is None:
                return None
            try:
                return parse(value)
            except ValidationError as error:
                problems.append(RowProblem.of(sheet, row, header(key), error))
            except ValueError as error:
                problem(key, str(error), code, value=_text(value))
            return None

        number = _text(cells.get("number"))
        title = _text(cells.get("title"))
        row_session = _text(cells.get("session")) or session
        if number is None:
            problem("number", "The proposal number is empty; fill it in (rows of one proposal may share a merged "
                              "cell).", "required")
        if title is None:
            problem("title", "The title is empty; fill it in.", "required")
        if row_session is None:
            problem("session", "The ledger does not say which session the proposal belongs to (no 届次 column and "
                               "no session such as 十六届人大五次会议 in its title rows); give it with --session.",
                    "session_missing")
        kind = kind_from_text(_text(cells.get("kind")) or "") or ledger_kind
        names = _split_names(_text(cells.get("proposer")))
        proposal = Proposal(
            session=row_session or "", number=number or "", title=title or "", kind=kind, body=body,
            lead_unit=_text(cells.get("lead_unit")), co_units=_split_names(_text(cells.get("co_units"))),
            assigned_date=read("assigned_date", lambda v: parse_date(v, header("assigned_date"))),
            reply_due_date=read("reply_due_date", lambda v: parse_date(v, header("reply_due_date"))),
            proposers=[Proposer(name=name, role="lead" if i == 0 else "cosigner") for i, name in enumerate(names)],
        )
        proposal_fields = {"session", "number", "title", "kind"}
        proposal_fields |= {name for name, key in (("lead_unit", "lead_unit"), ("co_units", "co_units"),
                                                   ("assigned_date", "assigned_date"),
                                                   ("reply_due_date", "reply_due_date"), ("proposers", "proposer"))
                            if _text(cells.get(key)) is not None}
        if body:
            proposal_fields.add("body")
        reply_date = read("reply_date", lambda v: parse_date(v, header("reply_date")))
        result_class = read("result_class", parse_result_class, "result_class_invalid")
        doc_number = _text(cells.get("doc_number"))
        rating = read("rating", parse_rating, "rating_invalid")
        reply = None
        reply_fields: set[str] = set()
        if any(v is not None for v in (reply_date, result_class, doc_number, rating)) or cells.get("commitment"):
            reply = Reply(doc_number=doc_number, reply_date=reply_date, result_class=result_class,
                          replying_unit=proposal.lead_unit)
            reply_fields = {name for name, value in (("doc_number", doc_number), ("reply_date", reply_date),
                                                     ("result_class", result_class),
                                                     ("replying_unit", proposal.lead_unit)) if value is not None}
            for found in reply.problems():
                key = "doc_number" if found.field == "doc_number" else "result_class"
                problems.append(RowProblem.of(sheet, row, header(key), found))
            if reply_date is not None:
                proposal.state = "replied"
                proposal_fields.add("state")
        feedback = [Feedback(reply_id=0, rating=rating, aspect="reply")] if rating else []
        commitment = None
        commitment_fields: set[str] = set()
        text = _text(cells.get("commitment"))
        if text:
            deadline, deadline_text = parse_deadline(cells.get("deadline"))
            notes = "\n".join(f"{label}：{value}" for label, value in (
                (header("progress"), _text(cells.get("progress"))), (header("notes"), _text(cells.get("notes"))))
                if value)
            commitment = Commitment(reply_id=0, title=short_title(text), quote=text,
                                    responsible_unit=proposal.lead_unit, deadline=deadline,
                                    deadline_text=deadline_text, notes=notes or None)
            commitment_fields = {"title", "quote"} | {name for name in ("responsible_unit", "deadline",
                                                                        "deadline_text", "notes")
                                                      if getattr(commitment, name) is not None}
        elif _text(cells.get("progress")) or _text(cells.get("deadline")):
            problem("commitment" if "commitment" in fields else "progress",
                    "The row has progress or a deadline but no commitment (承诺事项) to attach it to; add the "
                    "commitment or clear the cells.", "import_commitment_missing")
        for found in proposal.problems():
            key = {"session": "session", "number": "number", "title": "title"}.get(found.field, "number")
            if not any(p.column == header(key) for p in problems):
                problems.append(RowProblem.of(sheet, row, header(key), found))
        planned = PlannedRow(sheet, row, proposal=proposal, proposal_fields=frozenset(proposal_fields),
                             reply=reply, reply_ref=((row_session, kind, number), doc_number) if reply else None,
                             reply_fields=frozenset(reply_fields), feedback=feedback, commitment=commitment,
                             commitment_fields=frozenset(commitment_fields),
                             columns={key: match.header for key, match in fields.items()})
        return planned, problems


# --------------------------------------------------------------------------------------------- our workbook
def _invert(labels: dict[str, str]) -> dict[str, str]:
    return {label: code for code, label in labels.items()}


_KIND_CODES = _invert(PROPOSAL_KINDS)
_PROPOSAL_STATE_CODES = _invert(PROPOSAL_STATES)
_DISCLOSURE_CODES = _invert(DISCLOSURES)
_RATING_CODES = _invert(RATINGS)
_TARGET_STATE_CODES = _invert(TARGET_STATES)
_TARGET_KIND_CODES = _invert(TARGET_KINDS)
_COMPARATOR_CODES = _invert(COMPARATOR_LABELS)
_CUMULATIVE_CODES = {label: value for value, label in CUMULATIVE_LABELS.items()}
_REMINDER_KIND_CODES = _invert(REMINDER_KINDS)
_REMINDER_STATE_CODES = _invert(REMINDER_STATES)
_SUBJECT_TABLES = _invert(SUBJECT_LABELS)
_HANDLING_CODES = {mode["label"]: mode["code"] for mode in HANDLING_MODES}


class _OwnWorkbook:
    """Reads back the sheets :mod:`desktop.core.xlsx_export` writes, by their headers."""

    def __init__(self, path: Path, progress: Progress | None, is_cancelled: IsCancelled | None) -> None:
        self.path = path
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.plan = ImportPlan(path, "workbook")
        self.proposal_keys: dict[str, tuple[str, str, str]] = {}
        self.done = 0

    def read(self) -> ImportPlan:
        workbook = _open(self.path, read_only=True)
        try:
            sheets = {name: self._records(workbook[name]) for name in
                      (SHEET_PROPOSALS, SHEET_REPLIES, SHEET_TARGETS, SHEET_EVIDENCE, SHEET_REMINDERS)
                      if name in workbook.sheetnames}
        finally:
            workbook.close()
        self.total = sum(len(rows) for rows in sheets.values())
        readers = ((SHEET_PROPOSALS, self._proposal), (SHEET_REPLIES, self._reply), (SHEET_TARGETS, self._target),
                   (SHEET_EVIDENCE, self._evidence), (SHEET_REMINDERS, self._reminder))
        target_positions: dict[tuple, int] = {}
        self.target_positions = target_positions
        for name, reader in readers:
            for row_number, values in sheets.get(name, []):
                self.done += 1
                _check_cancel(self.is_cancelled, self.done)
                if self.progress and self.done % 500 == 0:
                    self.progress(self.done, self.total)
                problems: list[RowProblem] = []
                planned = reader(name, row_number, values, problems)
                if problems:
                    self.plan.problems.extend(problems)
                elif planned is not None:
                    self.plan.rows.append(planned)
        self.plan.notes.append("变更记录 is not imported: the database records its own history of this import.")
        if self.progress:
            self.progress(self.total, self.total)
        return self.plan

    @staticmethod
    def _records(ws) -> list[tuple[int, dict[str, Any]]]:
        rows = ws.iter_rows(values_only=True)
        header = next(rows, None)
        if not header:
            return []
        names = [_text(h) for h in header]
        out = []
        for index, values in enumerate(rows, start=2):
            if values is None or all(_text(v) is None for v in values):
                continue
            out.append((index, {name: value for name, value in zip(names, values, strict=False) if name}))
        return out

    # ----------------------------------------------------------------------------------------- field readers
    class _Reader:
        def __init__(self, sheet: str, row: int, values: dict[str, Any], problems: list[RowProblem]) -> None:
            self.sheet, self.row, self.values, self.problems = sheet, row, values, problems

        def text(self, header: str) -> str | None:
            return _text(self.values.get(header))

        def date(self, header: str) -> dt.date | None:
            value = self.values.get(header)
            if _text(value) is None:
                return None
            try:
                return parse_date(value, header)
            except ValidationError as error:
                self.problems.append(RowProblem.of(self.sheet, self.row, header, error))
                return None

        def number(self, header: str) -> float | None:
            value = self.values.get(header)
            if _text(value) is None:
                return None
            if isinstance(value, bool):
                self.fail(header, f"'{value}' is not a number; write a number such as 15.", "number_invalid",
                          value=str(value))
                return None
            if isinstance(value, (int, float)):
                return float(value)
            try:
                return float(unicodedata.normalize("NFKC", str(value)).replace(",", ""))
            except ValueError:
                self.fail(header, f"'{value}' is not a number; write a number such as 15.", "number_invalid",
                          value=str(value))
                return None

        def integer(self, header: str) -> int | None:
            value = self.number(header)
            return int(value) if value is not None else None

        def code(self, header: str, codes: dict[str, Any], default: Any = None) -> Any:
            text = self.text(header)
            if text is None:
                return default
            if text in codes:
                return codes[text]
            if text in codes.values():
                return text
            self.fail(header, f"'{text}' is not one of {', '.join(codes)}; choose one of them.", "choice_invalid",
                      value=text, choices=list(codes))
            return default

        def flag(self, header: str) -> bool:
            return self.text(header) == YES

        def fail(self, header: str, message: str, code: str, **facts: Any) -> None:
            self.problems.append(RowProblem(self.sheet, self.row, header, message, code, facts))

    def _proposal_key_of(self, read: _Reader, header: str = "建议") -> tuple[str, str, str] | None:
        label = read.text(header)
        if label is None:
            return None
        key = self.proposal_keys.get(label)
        if key is None:
            read.fail(header, f"The proposal '{label}' is not in the sheet {SHEET_PROPOSALS}; add it there or fix "
                              "the name.", "import_proposal_missing", value=label, sheet=SHEET_PROPOSALS)
        return key

    def _proposal(self, sheet: str, row: int, values: dict[str, Any], problems: list[RowProblem]) -> PlannedRow:
        read = self._Reader(sheet, row, values, problems)
        names = [n for n in [read.text("领衔人")] if n]
        cosigners = _split_names(read.text("附议人"))
        proposal = Proposal(
            session=read.text("届次") or "", number=read.text("编号") or "", title=read.text("标题") or "",
            kind=read.code("类别", _KIND_CODES, "suggestion"), body=read.text("人大/政协"),
            delegation=read.text("代表团/界别"), received_date=read.date("收到日期"),
            assigned_date=read.date("交办日期"),
            reply_due_date=read.date("答复期限"), extended_due_date=read.date("延期期限"),
            extension_approval=read.text("延期批准"), misrouted_date=read.date("误交日期"),
            returned_date=read.date("退回日期"), lead_unit=read.text("主办单位"),
            co_units=_split_names(read.text("会办单位")), handling_mode=read.code("办理方式", _HANDLING_CODES),
            key_supervised=read.flag("重点督办"),
            # Workbooks since the as-of handling state keep the recorded state in 登记状态; older ones in 办理状态.
            state=read.code("登记状态" if "登记状态" in values else "办理状态", _PROPOSAL_STATE_CODES, "open"),
            proposers=[Proposer(name=n, role="lead") for n in names]
            + [Proposer(name=n, role="cosigner") for n in cosigners],
        )
        _record_problems(proposal, read, {"session": "届次", "number": "编号", "title": "标题",
                                          "extension_approval": "延期批准", "assigned_date": "交办日期",
                                          "reply_due_date": "答复期限"})
        key = (proposal.session, proposal.kind, proposal.number)
        self.proposal_keys[read.text("建议") or proposal.label] = key
        self.proposal_keys.setdefault(proposal.label, key)
        return PlannedRow(sheet, row, proposal=proposal, proposal_fields=PROPOSAL_SHEET_FIELDS)

    def _reply(self, sheet: str, row: int, values: dict[str, Any], problems: list[RowProblem]) -> PlannedRow | None:
        read = self._Reader(sheet, row, values, problems)
        key = self._proposal_key_of(read)
        reply = Reply(
            doc_number=read.text("答复文号"), issuing_office=read.text("发文机关"), title=read.text("标题"),
            addressee=read.text("收件人"), reply_date=read.date("答复日期"), signer=read.text("签发人"),
            handler=read.text("经办人"), phone=read.text("联系电话"), cc=read.text("抄送"),
            result_class=read.text("办理结果"), disclosure=read.code("公开属性", _DISCLOSURE_CODES),
            published_date=read.date("公开日期"), published_where=read.text("公开网站"),
            replying_unit=read.text("答复单位"),
            is_reanswer=read.flag("再次答复"),
        )
        _record_problems(reply, read, {"doc_number": "答复文号", "phone": "联系电话", "result_class": "办理结果",
                                       "disclosure": "公开属性"})
        feedback = []
        for aspect, rating_header, date_header, comments_header in (("reply", "答复满意度", "评价日期", "代表意见"),
                                                                    ("delivery", "落实满意度", "落实评价日期", None)):
            rating = read.code(rating_header, _RATING_CODES)
            if rating:
                feedback.append(Feedback(reply_id=0, rating=rating, aspect=aspect, feedback_date=read.date(date_header),
                                         comments=read.text(comments_header) if comments_header else None))
        return PlannedRow(sheet, row, reply=reply, reply_ref=(key, reply.doc_number), reply_fields=REPLY_SHEET_FIELDS,
                          proposer_name=read.text("答复对象代表"), feedback=feedback)

    def _reply_ref(self, read: _Reader) -> tuple:
        doc = read.text("答复文号")
        key = self._proposal_key_of(read) if (read.text("建议") or not doc) else None
        if doc is None and key is None:
            read.fail("答复文号", "The row names neither a reply document number nor a proposal; fill in one of them.",
                      "import_reply_ref_missing")
        return (key, doc)

    def _target(self, sheet: str, row: int, values: dict[str, Any], problems: list[RowProblem]) -> PlannedRow:
        read = self._Reader(sheet, row, values, problems)
        reply_ref = self._reply_ref(read)
        commitment = Commitment(
            reply_id=0, title=read.text("承诺事项") or "", quote=read.text("承诺原文"),
            responsible_unit=read.text("责任单位"), deadline=read.date("承诺期限"), deadline_text=read.text("期限表述"),
            manual_state=read.code("人工判定", _TARGET_STATE_CODES), notes=read.text("备注"))
        _record_problems(commitment, read, {"title": "承诺事项", "manual_state": "人工判定"})
        planned = PlannedRow(sheet, row, reply_ref=reply_ref, commitment=commitment,
                             commitment_fields=COMMITMENT_SHEET_FIELDS)
        indicator = read.text("指标")
        if indicator is None:
            return planned
        comparator = read.code("比较", _COMPARATOR_CODES, "qualitative")
        value, high, unit = read.number("目标值"), read.number("目标上限"), read.text("单位")
        target = Target(
            commitment_id=0, indicator=indicator, comparator=comparator, value=value, value_high=high, unit=unit,
            deadline=read.date("指标期限"), cumulative=read.code("累计/年度", _CUMULATIVE_CODES),
            kind=read.code("指标类型", _TARGET_KIND_CODES, "commitment"), baseline_value=read.number("基数"),
            baseline_unit=read.text("基数单位"), baseline_date=read.date("基数日期"))
        if value is not None:
            target.value_normalized, target.unit_normalized = normalize(value, unit or "")
        if high is not None:
            target.value_high_normalized = normalize(high, unit or "")[0]
        _record_problems(target, read, {"indicator": "指标", "comparator": "比较", "value": "目标值",
                                        "value_high": "目标上限", "kind": "指标类型"})
        commitment_ref = (reply_ref, commitment.title)
        position = self.target_positions.get((commitment_ref, indicator), 0)
        self.target_positions[(commitment_ref, indicator)] = position + 1
        planned.target = target
        planned.target_ref = (commitment_ref, indicator, position)
        return planned

    def _evidence(self, sheet: str, row: int, values: dict[str, Any], problems: list[RowProblem]) -> PlannedRow:
        read = self._Reader(sheet, row, values, problems)
        reply_ref = self._reply_ref(read)
        commitment_title, indicator = read.text("承诺事项"), read.text("指标")
        if commitment_title is None or indicator is None:
            read.fail("指标" if commitment_title else "承诺事项", "Evidence needs the commitment and indicator it "
                      "measures; fill in 承诺事项 and 指标.",
                      "import_target_ref_missing")
        achieved = read.text("是否实现")
        value, unit = read.number("数值"), read.text("单位")
        evidence = Evidence(
            target_id=0, as_of_date=read.date("佐证日期") or dt.date.min, value=value, unit=unit,
            comparator=read.code("比较", _COMPARATOR_CODES, "="),
            achieved=None if achieved is None else achieved == YES, source_title=read.text("来源标题"),
            publisher=read.text("发布单位"), source_date=read.date("来源日期"), source_url=read.text("链接"),
            quote=read.text("原文摘录"), recorded_by=read.text("记录人"), notes=read.text("备注"))
        if read.text("佐证日期") is None:
            read.fail("佐证日期", "Evidence needs the date it was measured; fill in 佐证日期.", "date_missing")
        if value is not None:
            evidence.value_normalized, evidence.unit_normalized = normalize(value, unit or "")
        _record_problems(evidence, read, {"value": "数值", "comparator": "比较"})
        if achieved not in (None, YES, NO):
            read.fail("是否实现", f"'{achieved}' is not 是 or 否; write one of them.", "choice_invalid", value=achieved,
                      choices=[YES, NO])
        return PlannedRow(sheet, row, evidence=evidence, source_sha256=read.text("来源文件SHA-256"),
                          target_ref=((reply_ref, commitment_title), indicator, 0))

    def _reminder(self, sheet: str, row: int, values: dict[str, Any], problems: list[RowProblem]) -> PlannedRow:
        read = self._Reader(sheet, row, values, problems)
        due = read.date("到期日")
        if due is None and read.text("到期日") is None:
            read.fail("到期日", "A reminder needs a due date; fill in 到期日.", "date_missing")
        reminder = Reminder(
            kind=read.code("类型", _REMINDER_KIND_CODES, "custom"), title=read.text("标题") or "",
            due_date=due or dt.date.min, lead_days=read.integer("提前天数"),
            state=read.code("状态", _REMINDER_STATE_CODES, "open"), snoozed_until=read.date("推迟至"),
            done_at=read.date("完成日期"), note=read.text("备注"), uid=read.text("标识"))
        _record_problems(reminder, read, {"kind": "类型", "title": "标题", "state": "状态",
                                          "snoozed_until": "推迟至"})
        table = read.code("关联类型", _SUBJECT_TABLES)
        subject = read.text("关联对象")
        return PlannedRow(sheet, row, reminder=reminder, subject=(table, subject) if table and subject else None)


# The fields our workbook carries for each record; an update from it changes these and keeps the rest (letter
# text, quote offsets, source files...).
PROPOSAL_SHEET_FIELDS = frozenset({
    "session", "number", "title", "kind", "body", "delegation", "received_date", "assigned_date", "reply_due_date",
    "extended_due_date", "extension_approval", "misrouted_date", "returned_date", "lead_unit", "co_units",
    "handling_mode", "key_supervised", "state", "proposers"})
REPLY_SHEET_FIELDS = frozenset({
    "doc_number", "issuing_office", "title", "addressee", "reply_date", "signer", "handler", "phone", "cc",
    "result_class", "disclosure", "published_date", "published_where", "replying_unit", "is_reanswer"})
COMMITMENT_SHEET_FIELDS = frozenset({"title", "quote", "responsible_unit", "deadline", "deadline_text", "manual_state",
                                     "notes"})
TARGET_SHEET_FIELDS = frozenset({
    "indicator", "comparator", "value", "value_high", "unit", "value_normalized", "value_high_normalized",
    "unit_normalized", "deadline", "cumulative", "kind", "baseline_value", "baseline_unit", "baseline_date"})
EVIDENCE_SHEET_FIELDS = frozenset({
    "as_of_date", "value", "unit", "value_normalized", "unit_normalized", "comparator", "achieved", "source_title",
    "publisher", "source_date", "source_url", "quote", "recorded_by", "notes"})
REMINDER_SHEET_FIELDS = frozenset({"kind", "title", "due_date", "lead_days", "state", "snoozed_until", "done_at",
                                   "note", "uid"})
FEEDBACK_FIELDS = frozenset({"rating", "feedback_date", "comments"})


def _record_problems(record: Record, read: _OwnWorkbook._Reader, headers: dict[str, str]) -> None:
    for problem in record.problems():
        header = headers.get(problem.field)
        if not any(p.row == read.row and p.column == header for p in read.problems):
            read.problems.append(RowProblem.of(read.sheet, read.row, header or problem.field, problem))


def report_lines(problems: Iterable[RowProblem]) -> list[str]:
    return [str(problem) for problem in problems]


def report_path(ledger: Path) -> Path:
    """Where --skip-bad writes its report: beside the ledger, named after it."""
    return ledger.with_name(f"{ledger.stem}.import-report.txt")


def write_report(ledger: Path, header: Sequence[str], problems: Sequence[RowProblem]) -> Path:
    """Write the rows that were left out, one sentence each, next to the ledger (replaced whole, never half).

    Raises:
        LedgerError: the folder cannot be written.
    """
    target = report_path(ledger)
    text = "\n".join([*header, "", *report_lines(problems)]) + "\n"
    partial = target.with_name(f".{target.name}.part")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise LedgerError(f"The report '{target}' could not be written ({error.strerror or error}); check that the "
                          "folder is writable.", code="report_write_failed", path=str(target)) from error
    return target
