"""Working in the lists as in a spreadsheet: cells edited in place, rows copied out and pasted in.

Everything here is pure Python, so that the grid, the bulk actions and the paste preview check what is typed with
the same rules as the forms (each record's ``problems()``):

- :data:`GRID_FIELDS` says which fields of each record kind can be changed in a list cell or for many rows at
  once, and how their text is read (:func:`parse_cell`); :func:`apply_cell` gives the changed record.
- :func:`to_tsv` and :func:`parse_tsv` write and read tab-separated text as Excel and WPS put it on the clipboard
  (cells holding tabs, line breaks or quotes are quoted).
- :func:`plan_paste` turns rows copied from an Excel ledger into new records of a list: the header row is
  understood as the ledger import understands it (:func:`desktop.core.ledger_import.guess_mapping`), or by the
  list's own column names (a copy of the list pasted back).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.core.docnumber import parse_doc_number
from desktop.core.errors import LedgerError, RecordErrors, ValidationError
from desktop.core.records import (
    PROPOSAL_KINDS,
    PROPOSAL_STATES,
    RESULT_CLASS_CODES,
    TARGET_KINDS,
    TARGET_STATES,
    Commitment,
    Evidence,
    Proposal,
    Proposer,
    Record,
    Reply,
)
from desktop.core.units import parse_quantity
from desktop.core.validation import parse_optional_date

# The ledger import's vocabulary is imported on the first paste: the lists (and the window) do not wait for the
# import's readers.
if TYPE_CHECKING:
    from desktop.core.ledger_import import Vocabulary

TEXT, REQUIRED_TEXT, DATE, CHOICE, DOC_NUMBER, FLAG, NAMES = (
    "text", "required_text", "date", "choice", "doc_number", "flag", "names")
_YES = {"是", "y", "yes", "true", "1", "√", "✓", "x", "重点", "重点督办"}
_NO = {"否", "n", "no", "false", "0", ""}


@dataclass(frozen=True)
class GridField:
    """A field that can be changed from a list: how its text is read, and its choices (code → Chinese label)."""

    name: str
    kind: str
    choices: Mapping[str, str] | None = None


def _fields(*items: GridField) -> dict[str, GridField]:
    return {item.name: item for item in items}


# Per record kind, the fields a list cell or a bulk action may change.
GRID_FIELDS: dict[str, dict[str, GridField]] = {
    "proposal": _fields(
        GridField("session", REQUIRED_TEXT), GridField("number", REQUIRED_TEXT), GridField("title", REQUIRED_TEXT),
        GridField("kind", CHOICE, PROPOSAL_KINDS), GridField("lead_unit", TEXT), GridField("assigned_date", DATE),
        GridField("reply_due_date", DATE), GridField("key_supervised", FLAG), GridField("state", CHOICE,
                                                                                       PROPOSAL_STATES)),
    "reply": _fields(
        GridField("doc_number", DOC_NUMBER), GridField("title", TEXT), GridField("addressee", TEXT),
        GridField("reply_date", DATE), GridField("issuing_office", TEXT), GridField("signer", TEXT),
        GridField("result_class", CHOICE, {code: code for code in RESULT_CLASS_CODES})),
    "commitment": _fields(
        GridField("title", REQUIRED_TEXT), GridField("responsible_unit", TEXT), GridField("deadline", DATE),
        GridField("deadline_text", TEXT), GridField("manual_state", CHOICE, TARGET_STATES),
        GridField("notes", TEXT)),
    "target": _fields(
        GridField("indicator", REQUIRED_TEXT), GridField("deadline", DATE), GridField("deadline_text", TEXT),
        GridField("kind", CHOICE, TARGET_KINDS)),
    "evidence": _fields(
        GridField("as_of_date", DATE), GridField("source_title", TEXT), GridField("publisher", TEXT),
        GridField("source_date", DATE), GridField("recorded_by", TEXT)),
}


def grid_field(record_kind: str, name: str) -> GridField:
    try:
        return GRID_FIELDS[record_kind][name]
    except KeyError:
        raise ValueError(f"the field {record_kind}.{name} cannot be changed from a list") from None


def parse_cell(spec: GridField, value: Any) -> Any:
    """The value of a cell as typed or pasted: text, a date (2021-06-10, 2021年6月10日...), a choice given by its
    code or its Chinese label, a document number, a yes/no.

    Raises:
        ValidationError: the text cannot be read for this field (the sentence names the field).
    """
    if isinstance(value, dt.date | bool):
        return value
    text = "" if value is None else str(value).strip()
    if spec.kind in (TEXT, REQUIRED_TEXT):
        if not text and spec.kind == REQUIRED_TEXT:
            raise ValidationError(spec.name, f"The field '{spec.name}' is required; fill it in.", code="required")
        return text or None
    if spec.kind == DATE:
        return parse_optional_date(text, spec.name)
    if spec.kind == DOC_NUMBER:
        if text:
            parse_doc_number(text, spec.name)
        return text or None
    if spec.kind == FLAG:
        folded = text.lower()
        if folded in _YES:
            return True
        if folded in _NO:
            return False
        raise ValidationError(spec.name, f"'{text}' in the field '{spec.name}' is not a yes or no; write 是 or 否.",
                              code="flag_invalid", value=text)
    if spec.kind == CHOICE:
        if not text:
            return None
        choices = spec.choices or {}
        if text in choices:
            return text
        by_label = {label: code for code, label in choices.items()}
        if text in by_label:
            return by_label[text]
        raise ValidationError(spec.name, f"'{text}' is not a choice of the field '{spec.name}'; choose one of "
                              f"{', '.join(choices.values())}.", code="choice_invalid", value=text,
                              choices=list(choices.values()))
    if spec.kind == NAMES:
        return [part for part in (p.strip() for p in text.replace("，", "、").replace(",", "、").split("、")) if part]
    raise ValueError(f"unknown cell kind {spec.kind!r}")


def apply_cell(record: Record, record_kind: str, name: str, value: Any) -> Record:
    """``record`` with one field changed from a cell's text (or value), checked by the record's own rules.

    Raises:
        RecordErrors: the value cannot be read, or the record would not be valid with it.
    """
    spec = grid_field(record_kind, name)
    try:
        parsed = parse_cell(spec, value)
    except ValidationError as error:
        raise RecordErrors([error]) from error
    changed = dataclasses.replace(record, **{name: parsed})  # type: ignore[type-var]
    changed.check()
    return changed


# --------------------------------------------------------------------------------------------- tab-separated text
def _tsv_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    if any(char in text for char in '\t\n\r"'):
        return '"' + text.replace('"', '""') + '"'
    return text


def to_tsv(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Rows as tab-separated text with a header line, as Excel and WPS paste it into cells."""
    lines = ["\t".join(_tsv_cell(h) for h in headers)]
    lines += ["\t".join(_tsv_cell(cell) for cell in row) for row in rows]
    return "\r\n".join(lines) + "\r\n"


def parse_tsv(text: str) -> list[list[str]]:
    """Cells of tab-separated text as Excel copies them: quoted cells may hold tabs, line breaks and "" quotes.
    Trailing empty lines are dropped."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    quoted = False
    at_start = True
    index = 0
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    while index < len(text):
        char = text[index]
        if quoted:
            if char == '"':
                if text[index + 1:index + 2] == '"':
                    cell.append('"')
                    index += 1
                else:
                    quoted = False
            else:
                cell.append(char)
        elif char == '"' and at_start:
            quoted = True
        elif char == "\t":
            row.append("".join(cell))
            cell, at_start = [], True
            index += 1
            continue
        elif char == "\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_start = [], [], True
            index += 1
            continue
        else:
            cell.append(char)
        at_start = False
        index += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    return rows


# --------------------------------------------------------------------------------------------- pasting rows
# What the ledger import's fields become in each list that takes pasted rows.
PASTE_TARGETS: dict[str, dict[str, str]] = {
    "proposals": {"number": "number", "title": "title", "proposer": "proposers", "lead_unit": "lead_unit",
                  "session": "session", "kind": "kind", "assigned_date": "assigned_date",
                  "reply_due_date": "reply_due_date"},
    "commitments": {"commitment": "title", "deadline": "deadline", "lead_unit": "responsible_unit",
                    "notes": "notes"},
    # A reply row names its proposal by number (and session); its unit is the lead unit that answered.
    "replies": {"number": "proposal", "session": "session", "doc_number": "doc_number", "reply_date": "reply_date",
                "result_class": "result_class", "lead_unit": "replying_unit"},
    "evidence": {"notes": "notes"},
}
# Header names of the fields the ledger import does not know, as offices write them (matched after folding).
PASTE_HEADERS: dict[str, dict[str, str]] = {
    "replies": {"答复标题": "title", "复函标题": "title", "收件人": "addressee", "发文机关": "issuing_office",
                "发文单位": "issuing_office", "签发人": "signer", "经办人": "handler", "联系电话": "phone",
                "抄送": "cc"},
    "evidence": {"佐证日期": "as_of_date", "截至日期": "as_of_date", "统计日期": "as_of_date", "数据日期": "as_of_date",
                 "日期": "as_of_date", "时间": "as_of_date", "数值": "value", "实际值": "value", "完成值": "value",
                 "完成数": "value", "进度": "value", "单位": "unit", "计量单位": "unit", "来源": "source_title",
                 "来源标题": "source_title", "资料来源": "source_title", "出处": "source_title",
                 "发布单位": "publisher", "发布机构": "publisher", "来源日期": "source_date",
                 "发布日期": "source_date", "链接": "source_url", "网址": "source_url", "原文": "quote",
                 "原文摘录": "quote", "摘录": "quote", "记录人": "recorded_by", "填报人": "recorded_by"},
}
PASTE_RECORD_KINDS = {"proposals": "proposal", "commitments": "commitment", "replies": "reply",
                      "evidence": "evidence"}
# Fields a pasted row of each list needs (a column, or a value for all rows given in the preview); a reply's
# proposal may come from a column that names it.
PASTE_REQUIRED = {"proposals": ("session", "number", "title"), "commitments": ("title", "reply_id"),
                  "replies": ("proposal_id",), "evidence": ("target_id", "as_of_date")}
_PASTE_ALTERNATIVES = {"proposal_id": "proposal"}
_PASTE_SPECS = {"proposers": GridField("proposers", NAMES), "notes": GridField("notes", TEXT),
                "proposal": GridField("proposal", TEXT), "session": GridField("session", TEXT),
                "replying_unit": GridField("replying_unit", TEXT), "handler": GridField("handler", TEXT),
                "phone": GridField("phone", TEXT), "cc": GridField("cc", TEXT), "value": GridField("value", TEXT),
                "unit": GridField("unit", TEXT), "source_url": GridField("source_url", TEXT),
                "quote": GridField("quote", TEXT)}
FindProposal = Callable[[str | None, str], int | None]
_REPLY_FIELDS = {"proposal_id", "doc_number", "title", "addressee", "reply_date", "issuing_office", "signer",
                 "handler", "phone", "cc", "result_class", "replying_unit"}
_EVIDENCE_FIELDS = {"value", "unit", "value_normalized", "unit_normalized", "comparator", "achieved", "source_title",
                    "publisher", "source_date", "source_url", "quote", "recorded_by", "notes"}
_LEADING_COMPARATORS = {"≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", ">": ">", "<": "<", "=": "=", "超过": ">",
                        "不少于": ">=", "不低于": ">=", "达到": ">=", "不超过": "<=", "低于": "<"}
_HAS_UNIT = re.compile(r"[^\d.+\-\s]")
_ACHIEVED = {"是": True, "已实现": True, "已完成": True, "否": False, "未实现": False, "未完成": False}


@dataclass(frozen=True)
class PastedColumn:
    """One column of the pasted block: its header (or letter), and the record field it is read as (or None)."""

    column: int
    header: str
    field: str | None
    how: str  # "ledger" (the ledger import's names), "list" (this list's own names), "" (not read)


@dataclass(frozen=True)
class PasteProblem:
    """Why a pasted row cannot be taken: its number among the pasted rows (1-based), the column, the error."""

    row: int
    column: str | None
    error: LedgerError


@dataclass
class PastePlan:
    """What pasting a block of cells into a list would create."""

    kind: str
    columns: list[PastedColumn]
    has_header: bool
    records: list[Record] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)  # the pasted row of each record (1-based)
    problems: list[PasteProblem] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # required fields with no column and no value for all rows


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def map_columns(kind: str, first_row: Sequence[str], own_headers: Mapping[str, str] | None = None
                ) -> tuple[list[PastedColumn], bool]:
    """How the pasted columns are read: by the ledger import's header names, else by this list's own column
    names (``own_headers``: header text → field). Returns the columns and whether the first row is a header."""
    from desktop.core.ledger_import import guess_mapping
    from desktop.core.ledger_import.values import clean_header

    targets = PASTE_TARGETS[kind]
    own = dict(own_headers or {})
    known = {clean_header(header): name for header, name in PASTE_HEADERS.get(kind, {}).items()}
    matches, _ignored = guess_mapping({index + 1: text for index, text in enumerate(first_row) if text.strip()})
    by_column = {match.column - 1: targets.get(match.field) for match in matches}
    columns: list[PastedColumn] = []
    taken: set[str] = set()
    for index, text in enumerate(first_row):
        header = text.strip()
        name = own.get(header)
        how = "list" if name else ""
        if name is None and known.get(clean_header(header)):
            name, how = known[clean_header(header)], "ledger"
        if name is None and by_column.get(index):
            name, how = by_column[index], "ledger"
        if name in taken:
            name, how = None, ""
        if name:
            taken.add(name)
        columns.append(PastedColumn(index, header, name, how))
    has_header = bool(taken)
    if not has_header:  # plain values: read the columns in the list's order of its own names
        order = list(dict.fromkeys(own.values()))
        columns = [PastedColumn(index, _column_letter(index), order[index] if index < len(order) else None,
                                "list" if index < len(order) else "") for index in range(len(first_row))]
    return columns, has_header


def plan_paste(kind: str, cells: Sequence[Sequence[str]], *, own_headers: Mapping[str, str] | None = None,
               defaults: Mapping[str, Any] | None = None, columns: Sequence[PastedColumn] | None = None,
               has_header: bool | None = None, find_proposal: FindProposal | None = None,
               vocabulary: Vocabulary | None = None) -> PastePlan:
    """The records a block of pasted cells makes in a list (``proposals``, ``commitments``, ``replies`` or
    ``evidence``).

    ``defaults`` are values for every row (the session, the reply of new commitments, the proposal of new replies,
    the target of new evidence) used where a row has no column for the field; ``columns`` overrides the guessed
    reading of the columns. ``find_proposal(session, text)`` gives the id of the proposal a reply row names (by its
    number, or as the replies list shows it), None when the ledger has none; ``vocabulary`` reads result classes
    written as words (解决采纳, 列入计划) as the ledger import does.
    """
    if kind not in PASTE_TARGETS:
        raise ValueError(f"rows cannot be pasted into the {kind} list")
    cells = [list(row) for row in cells if any(str(c).strip() for c in row)]
    if not cells:
        return PastePlan(kind, [], False)
    guessed, header = map_columns(kind, cells[0], own_headers)
    columns = list(columns) if columns is not None else guessed
    has_header = header if has_header is None else has_header
    plan = PastePlan(kind, columns, has_header)
    fields = {column.field for column in columns if column.field}
    defaults = dict(defaults or {})
    plan.missing = [name for name in PASTE_REQUIRED[kind] if name not in fields
                    and _PASTE_ALTERNATIVES.get(name) not in fields and not defaults.get(name)]
    if plan.missing:
        return plan
    record_kind = PASTE_RECORD_KINDS[kind]
    for number, row in enumerate(cells[1:] if has_header else cells, start=1):
        values: dict[str, Any] = {}
        bad = False
        for column in columns:
            if not column.field or column.column >= len(row):
                continue
            text = row[column.column]
            try:
                values[column.field] = _paste_value(record_kind, column.field, text, column.header, vocabulary)
            except LedgerError as error:
                plan.problems.append(PasteProblem(number, column.header, error))
                bad = True
        if bad:
            continue
        try:
            record = _pasted_record(kind, values, defaults, find_proposal)
            record.check()
        except RecordErrors as errors:
            for problem in errors.problems:
                header = next((c.header for c in columns if c.field == problem.field), None)
                plan.problems.append(PasteProblem(number, header, problem))
            continue
        plan.records.append(record)
        plan.rows.append(number)
    return plan


def _paste_value(record_kind: str, name: str, text: str, header: str, vocabulary: Vocabulary | None) -> Any:
    from desktop.core.ledger_import import Vocabulary, parse_deadline
    from desktop.core.ledger_import.vocabulary import UnknownWord

    if name == "deadline" and record_kind == "commitment":
        return parse_deadline(text)  # 2021年底 → (2021-12-31, "2021年底")
    if name == "result_class" and text.strip() and text.strip().upper() not in RESULT_CLASS_CODES:
        try:
            return (vocabulary or Vocabulary()).result_class(text)  # 解决采纳, 列入计划, A类, 甲类
        except UnknownWord as error:
            raise ValidationError(name, f"'{error.word}' is not a word the import knows for the column {header}; "
                                  f"write one of {'、'.join(error.accepted)}.", code="word_unknown",
                                  value=error.word, column=header, accepted="、".join(error.accepted)) from None
    spec = _PASTE_SPECS.get(name) or grid_field(record_kind, name)
    return parse_cell(spec, text)


def _pasted_record(kind: str, values: dict[str, Any], defaults: Mapping[str, Any],
                   find_proposal: FindProposal | None) -> Record:
    if kind == "replies":
        return _pasted_reply(values, defaults, find_proposal)
    if kind == "evidence":
        return _pasted_evidence(values, defaults)
    if kind == "proposals":
        names = values.pop("proposers", None) or []
        merged = {"kind": "suggestion", "state": "open", **{k: v for k, v in defaults.items() if v is not None},
                  **{k: v for k, v in values.items() if v is not None}}
        proposers = [Proposer(name=name, role="lead" if i == 0 else "cosigner") for i, name in enumerate(names)]
        return Proposal(session=merged.pop("session", "") or "", number=merged.pop("number", "") or "",
                        title=merged.pop("title", "") or "", proposers=proposers, **merged)
    deadline, deadline_text = values.pop("deadline", (None, None)) or (None, None)
    merged = {**{k: v for k, v in defaults.items() if v is not None}, **{k: v for k, v in values.items()
                                                                         if v is not None}}
    return Commitment(reply_id=int(merged.pop("reply_id", 0) or 0), title=merged.pop("title", "") or "",
                      deadline=deadline, deadline_text=deadline_text or merged.pop("deadline_text", None),
                      **{k: v for k, v in merged.items() if k in ("responsible_unit", "notes")})


def _given(values: dict[str, Any], defaults: Mapping[str, Any]) -> dict[str, Any]:
    """A row's values over the values for every row (a cell left empty takes the value for every row)."""
    return {**{k: v for k, v in defaults.items() if v is not None}, **{k: v for k, v in values.items()
                                                                       if v is not None}}


def _pasted_reply(values: dict[str, Any], defaults: Mapping[str, Any], find_proposal: FindProposal | None) -> Reply:
    merged = _given(values, defaults)
    named = merged.pop("proposal", None)
    session = merged.pop("session", None)
    if named:
        found = find_proposal(session, named) if find_proposal else None
        if found is None:
            where = f"{session} " if session else ""
            raise RecordErrors([ValidationError(
                "proposal", f"No proposal {where}{named} is in the ledger; add the proposal first, or correct its "
                "number or session.", code="paste_proposal_missing", value=f"{where}{named}")])
        merged["proposal_id"] = found
    return Reply(**{k: v for k, v in merged.items() if k in _REPLY_FIELDS})


def _pasted_evidence(values: dict[str, Any], defaults: Mapping[str, Any]) -> Evidence:
    merged = _given(values, defaults)
    written, unit = merged.pop("value", None), merged.pop("unit", None)
    amount: dict[str, Any] = {}
    if written in _ACHIEVED:
        amount["achieved"] = _ACHIEVED[written]
    elif written:
        folded = unicodedata.normalize("NFKC", written).strip()
        comparator = next((c for c in _LEADING_COMPARATORS if folded.startswith(c)), None)
        if comparator:
            folded = folded[len(comparator):].strip()
            amount["comparator"] = _LEADING_COMPARATORS[comparator]
        try:
            quantity = parse_quantity(folded + (unit or "") if unit and not _HAS_UNIT.search(folded) else folded,
                                      "value")
        except ValidationError as error:
            raise RecordErrors([error]) from None
        amount.update(value=quantity.value, unit=quantity.unit or None, value_normalized=quantity.value_normalized,
                      unit_normalized=quantity.unit_normalized or None)
    merged.update(amount)
    if merged.get("as_of_date") is None:
        raise RecordErrors([ValidationError("as_of_date", "Evidence needs the date it was measured; fill it in.",
                                            code="date_missing")])
    return Evidence(target_id=int(merged.pop("target_id", 0) or 0), as_of_date=merged.pop("as_of_date", None),
                    **{k: v for k, v in merged.items() if k in _EVIDENCE_FIELDS})
