"""Contacts with proposers (见面, 面商, 电话, 走访) read from a list for import: a .csv or .xlsx with one contact a row.

Columns are found by their header: 建议 (the proposal, as 常州市十六届人大五次会议建议第021号 or just 第021号 with a
届次 column), 日期, 方式 (见面/面商/电话/走访/其他, or meeting/consultation/phone/visit/other), 参加人员 and 内容
(or 备注). Each row is checked whole; a file with any bad row is refused with one sentence per problem, so that
nothing is half imported.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.errors import LedgerError, ValidationError
from desktop.core.records import CONTACT_METHODS, PROPOSAL_KINDS, Contact
from desktop.core.validation import parse_date

HEADERS = {
    "proposal": ("建议", "建议编号", "编号", "案号", "提案", "proposal"),
    "session": ("届次", "会议", "session"),
    "date": ("日期", "沟通日期", "见面日期", "时间", "date"),
    "method": ("方式", "沟通方式", "形式", "method"),
    "participants": ("参加人员", "参加人", "人员", "participants"),
    "notes": ("内容", "备注", "情况", "沟通情况", "notes"),
}
REQUIRED = ("proposal", "date")
_METHOD_CODES = {label: code for code, label in CONTACT_METHODS.items()} | {code: code for code in CONTACT_METHODS}
_LABEL = re.compile(rf"^(?P<session>.*?)(?P<kind>{'|'.join(PROPOSAL_KINDS.values())})?(?P<number>第?\s*\d+\s*号?)$")


@dataclass(frozen=True)
class ContactRow:
    """One row of the list: which proposal it names, and the contact (its proposal id still to be found)."""

    row: int
    session: str | None
    kind: str | None
    number: str
    contact: Contact

    @property
    def reference(self) -> str:
        return f"{self.session or ''}{PROPOSAL_KINDS.get(self.kind or '', '')}{self.number}"


@dataclass(frozen=True)
class ContactProblem:
    """Why a row cannot be imported: its number as the spreadsheet shows it, the column, one sentence."""

    row: int
    column: str | None
    message: str
    code: str

    def __str__(self) -> str:
        where = f"Row {self.row}" + (f", column '{self.column}'" if self.column else "")
        return f"{where}: {self.message}"


class ContactsRejected(LedgerError):
    """The list has bad rows; nothing was imported. ``problems`` holds one :class:`ContactProblem` each."""

    def __init__(self, path: Path, problems: Sequence[ContactProblem]) -> None:
        super().__init__(f"'{path.name}' has {len(problems)} row problem(s) and nothing was imported; correct them "
                         "and import the file again.", code="contacts_rejected", path=str(path), count=len(problems))
        self.problems = list(problems)


def split_proposal_reference(text: str) -> tuple[str | None, str | None, str]:
    """常州市十六届人大五次会议建议第021号 → (session, 'suggestion', '第021号'); 第021号 → (None, None, '第021号')."""
    clean = unicodedata.normalize("NFKC", text).strip()
    match = _LABEL.match(clean)
    if match is None:
        return None, None, clean
    kind_label = match.group("kind")
    kind = next((code for code, label in PROPOSAL_KINDS.items() if label == kind_label), None) if kind_label else None
    return (match.group("session").strip() or None), kind, match.group("number").replace(" ", "")


def read_contacts(path: str | Path) -> list[ContactRow]:
    """The contacts of a .csv or .xlsx list.

    Raises:
        ContactsRejected: some rows are bad (each problem is listed).
        LedgerError: the file cannot be read, or a required column is missing.
    """
    path = Path(path)
    table = _read_table(path)
    if not table:
        raise LedgerError(f"'{path.name}' is empty; put a header row (建议, 日期, 方式, 参加人员, 内容) and one "
                          "contact a row.", code="contacts_empty", path=str(path))
    header = [_text(value) or "" for value in table[0]]
    columns: dict[str, int] = {}
    for key, names in HEADERS.items():
        for index, name in enumerate(header):
            if name in names and key not in columns:
                columns[key] = index
    missing = [HEADERS[key][0] for key in REQUIRED if key not in columns]
    if missing:
        raise LedgerError(f"'{path.name}' has no column {'、'.join(missing)}; name the columns 建议, 日期, 方式, "
                          "参加人员 and 内容.", code="contacts_columns_missing", path=str(path), columns=missing)
    rows: list[ContactRow] = []
    problems: list[ContactProblem] = []
    for number, values in enumerate(table[1:], start=2):
        cell = {key: _text(values[index]) if index < len(values) else None for key, index in columns.items()}
        if not any(cell.values()):
            continue
        row = _row(number, cell, values[columns["date"]] if columns["date"] < len(values) else None, problems)
        if row is not None:
            rows.append(row)
    if problems:
        raise ContactsRejected(path, problems)
    return rows


def _row(number: int, cell: dict[str, str | None], raw_date: Any, problems: list[ContactProblem]
         ) -> ContactRow | None:
    bad = len(problems)
    reference = cell.get("proposal")
    if not reference:
        problems.append(ContactProblem(number, "建议", "The row names no proposal; write it as 第021号 (with a 届次 "
                                       "column) or as 常州市十六届人大五次会议建议第021号.",
                                       "contacts_proposal_missing"))
        session, kind, proposal_number = None, None, ""
    else:
        session, kind, proposal_number = split_proposal_reference(reference)
        session = session or cell.get("session")
    day = None
    try:
        day = parse_date(raw_date, "日期")
    except ValidationError as error:
        problems.append(ContactProblem(number, "日期", error.message, error.code))
    method_text = (cell.get("method") or "见面").strip()
    method = _METHOD_CODES.get(method_text)
    if method is None:
        problems.append(ContactProblem(number, "方式", f"'{method_text}' is not a way of contact; write one of "
                                       f"{'、'.join(CONTACT_METHODS.values())}.", "choice_invalid"))
    if len(problems) > bad or day is None or method is None:
        return None
    contact = Contact(proposal_id=0, contact_date=day, method=method, participants=cell.get("participants"),
                      notes=cell.get("notes"))
    return ContactRow(number, session, kind, proposal_number, contact)


def _read_table(path: Path) -> list[list[Any]]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            data = path.read_bytes()
            for encoding in ("utf-8-sig", "gb18030"):
                try:
                    text = data.decode(encoding)
                    break
                except UnicodeDecodeError:
                    continue
            else:
                raise LedgerError(f"'{path.name}' is neither UTF-8 nor GBK text; save it as CSV UTF-8.",
                                  code="contacts_encoding", path=str(path))
            return [list(row) for row in csv.reader(io.StringIO(text))]
        if suffix == ".xlsx":
            from openpyxl import load_workbook

            workbook = load_workbook(path, read_only=True, data_only=True)
            try:
                return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
            finally:
                workbook.close()
    except FileNotFoundError as error:
        raise LedgerError(f"'{path}' does not exist; check the file name.", code="file_missing",
                          file=str(path)) from error
    except LedgerError:
        raise
    except (OSError, ValueError, KeyError) as error:  # a corrupt or locked workbook
        raise LedgerError(f"'{path.name}' could not be read ({error}); check that it is a .csv or .xlsx file that is "
                          "not open elsewhere.", code="contacts_unreadable", path=str(path)) from error
    raise LedgerError(f"'{path.name}' is not a .csv or .xlsx file; save the list in one of those formats.",
                      code="contacts_format", path=str(path))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
