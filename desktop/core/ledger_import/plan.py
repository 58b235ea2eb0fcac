"""An import plan: the records each spreadsheet row gives, how each sheet was read, and what cannot be taken."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.errors import LedgerError
from desktop.core.ledger_import.vocabulary import FIELDS, FIELDS_BY_KEY
from desktop.core.records import Commitment, Evidence, Feedback, Proposal, Reminder, Reply, Target


def column_letter(column: int) -> str:
    """A spreadsheet column's letters: 1 → A, 28 → AB."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class RowProblem:
    """Why a row cannot be imported: sheet, row number as Excel shows it, column header, one sentence.

    ``code`` and ``facts`` are those of the error behind the sentence (as :class:`LedgerError` carries them), so
    that the app can word it in the user's language. ``rows`` lists every row a problem of a whole column stands
    for (an unknown word is one message for all the rows that use it).
    """

    sheet: str
    row: int
    column: str | None
    message: str
    code: str | None = None
    facts: dict[str, Any] = field(default_factory=dict, compare=False)
    rows: tuple[int, ...] = ()

    @classmethod
    def of(cls, sheet: str, row: int, column: str | None, error: LedgerError) -> RowProblem:
        """The problem a row has because of ``error``."""
        facts = {key: value for key, value in error.facts.items() if key != "problems"}
        return cls(sheet, row, column, error.message, error.code, facts)

    @property
    def all_rows(self) -> tuple[int, ...]:
        return self.rows or (self.row,)

    def __str__(self) -> str:
        if len(self.all_rows) > 1:
            shown = ", ".join(str(r) for r in self.all_rows[:12]) + (" …" if len(self.all_rows) > 12 else "")
            where = f"Sheet '{self.sheet}', rows {shown}"
        else:
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
        return f"{label} ← '{self.header}' (column {column_letter(self.column)}, {self.how})"


@dataclass
class PlannedRow:
    """The records one spreadsheet row gives, in the order they are written, with keys to find them again.

    ``reply_ref`` = (proposal key, document number or None) with proposal key = (session, kind, number);
    ``target_ref`` = ((reply ref, commitment title), indicator, position) for our own workbook's rows.
    A foreign ledger's commitment carries its ``targets`` (read from the 承诺事项 text) and ``evidence`` (from
    落实情况: the index of the target it measures, and the evidence), and its ``position`` among the commitments
    of its reply in the ledger.
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
    position: int | None = None
    targets: list[Target] = field(default_factory=list)
    evidence_of_targets: list[tuple[int, Evidence]] = field(default_factory=list)
    target: Target | None = None
    target_ref: tuple | None = None
    evidence: Evidence | None = None
    source_sha256: str | None = None
    reminder: Reminder | None = None
    subject: tuple[str, str] | None = None  # (table, label) of a reminder's subject
    cut_fields: frozenset[str] = frozenset()  # fields whose text the exporter cut at Excel's limit
    columns: dict[str, str] = field(default_factory=dict)  # record field → header, for reports
    # A foreign ledger's row: its 备注, and the 落实情况 or 完成时限 it states without a promise to measure them
    # against (lines of its proposal's notes).
    remark: str | None = None
    proposal_notes: list[str] = field(default_factory=list)

    @property
    def commitment_ref(self) -> tuple | None:
        if self.commitment is None or self.reply_ref is None:
            return None
        return (self.reply_ref, self.commitment.title)


@dataclass
class SheetPlan:
    """How one sheet of a foreign ledger is read: header row(s), columns, session, year, and why it is left out.

    ``blockers`` are what stops its rows from being read (no header row, no column for a required field, no
    session); ``skipped`` says why a sheet that is not imported was left out (not a ledger, or the clerk's
    choice).
    """

    sheet: str
    header_row: int = 0
    first_header_row: int = 0
    headers: dict[int, str] = field(default_factory=dict)
    mapping: list[ColumnMatch] = field(default_factory=list)
    ignored_headers: list[str] = field(default_factory=list)
    session: str | None = None
    session_source: str | None = None  # column, title, sheet name, given
    year: int | None = None
    blockers: list[LedgerError] = field(default_factory=list)
    skipped: str | None = None
    rows_read: int = 0
    notes: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # blank, footer, totals, repeated header rows skipped
    # Rows with 落实情况 or 完成时限 but no 承诺事项: nothing to measure, so the text goes to the proposal's notes.
    unmeasured_rows: list[int] = field(default_factory=list)

    @property
    def imported(self) -> bool:
        return self.skipped is None

    def unmeasured_text(self) -> str:
        rows = ", ".join(str(row) for row in self.unmeasured_rows[:12]) + (" …" if len(self.unmeasured_rows) > 12
                                                                           else "")
        return (f"{len(self.unmeasured_rows)} row(s) ({rows}) state 落实情况 or 完成时限 without a promise (承诺事项); "
                "with nothing to measure, the text is kept in the proposal's notes.")

    def describe(self) -> list[str]:
        if self.skipped:
            return [f"Sheet '{self.sheet}': skipped ({self.skipped})."]
        rows = (f"header rows {self.first_header_row}–{self.header_row}" if self.first_header_row
                and self.first_header_row != self.header_row else f"header row {self.header_row}")
        lines = [f"Sheet '{self.sheet}', {rows}:"]
        lines += [f"  {match.describe()}" for match in self.mapping]
        if self.ignored_headers:
            lines.append("  not imported: " + ", ".join(f"'{h}'" for h in self.ignored_headers))
        mapped = {m.field for m in self.mapping}
        missing = [f.label for f in FIELDS if f.key not in mapped and f.key != "seq"]
        if missing:
            lines.append("  no column for: " + ", ".join(missing))
        if self.session:
            lines.append(f"  session: {self.session} ({self.session_source})")
        skipped = ", ".join(f"{count} {what}" for what, count in self.counts.items() if count)
        if skipped:
            lines.append(f"  rows skipped: {skipped}")
        if self.unmeasured_rows:
            lines.append(f"  {self.unmeasured_text()}")
        lines += [f"  {note}" for note in self.notes]
        return lines


@dataclass
class ImportPlan:
    """What a ledger file holds: rows to write, rows that cannot be taken, and how each sheet was read.

    ``sheet_plans`` has one entry per sheet of a foreign ledger (imported or skipped, and why); ``sheets`` names
    every sheet of the workbook. ``ledger_date`` dates the evidence read from 落实情况; ``source`` is the workbook
    itself (file name, SHA-256, bytes), stored as the evidence's source document.
    """

    path: Path
    kind: str  # "foreign" or "workbook" (our own export)
    rows: list[PlannedRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    sheet_plans: list[SheetPlan] = field(default_factory=list)
    file_format: str = "xlsx"
    encoding: str | None = None
    ledger_date: dt.date | None = None
    ledger_date_source: str | None = None
    source_sha256: str | None = None
    source_content: bytes | None = field(default=None, repr=False)
    global_blockers: list[LedgerError] = field(default_factory=list)

    # The first imported sheet, for callers that show one sheet at a time.
    @property
    def primary(self) -> SheetPlan:
        imported = [plan for plan in self.sheet_plans if plan.imported]
        return (imported or self.sheet_plans or [SheetPlan("")])[0]

    @property
    def sheet(self) -> str:
        return self.primary.sheet

    @property
    def header_row(self) -> int:
        return self.primary.header_row

    @property
    def headers(self) -> dict[int, str]:
        return self.primary.headers

    @property
    def mapping(self) -> list[ColumnMatch]:
        return self.primary.mapping

    @property
    def ignored_headers(self) -> list[str]:
        return self.primary.ignored_headers

    @property
    def session(self) -> str | None:
        return self.primary.session

    @property
    def blockers(self) -> list[LedgerError]:
        return self.global_blockers + [error for plan in self.sheet_plans if plan.imported for error in plan.blockers]

    def sheet_plan(self, name: str) -> SheetPlan | None:
        return next((plan for plan in self.sheet_plans if plan.sheet == name), None)

    def mapping_overrides(self) -> dict[str, Any]:
        """The plan's sheets, header rows, sessions and columns in the form :func:`load_mapping` returns: read
        with it, the ledger is read the same way again."""
        sheets: dict[str, Any] = {}
        for plan in self.sheet_plans:
            fields: dict[str, str | None] = {item.key: None for item in FIELDS}
            fields.update((match.field, column_letter(match.column)) for match in plan.mapping)
            entry: dict[str, Any] = {"header_row": plan.header_row, "fields": fields} if plan.header_row else {}
            if plan.session and plan.session_source == "given":
                entry["session"] = plan.session
            if not plan.imported:
                entry["skip"] = True
            sheets[plan.sheet] = entry
        overrides: dict[str, Any] = {"sheets": sheets}
        if len(self.sheet_plans) == 1 and self.sheet_plans[0].imported:
            overrides["sheet"] = self.sheet_plans[0].sheet
            overrides.update(sheets[self.sheet_plans[0].sheet])
            if self.session:
                overrides["session"] = self.session
        return overrides

    def describe_mapping(self) -> list[str]:
        if self.kind == "workbook":
            return [f"Reply Ledger workbook: sheets {', '.join(sorted({r.sheet for r in self.rows}))}."]
        lines = []
        if self.encoding:
            lines.append(f"Read as {self.file_format.upper()} text in {self.encoding.upper()}.")
        for plan in self.sheet_plans:
            lines += plan.describe()
        return lines


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
# What a foreign ledger's promise text gives a target (re-reading a changed wording updates these).
LEDGER_TARGET_FIELDS = TARGET_SHEET_FIELDS | {"deadline_text", "quote", "baseline_quote"}
EVIDENCE_SHEET_FIELDS = frozenset({
    "as_of_date", "value", "unit", "value_normalized", "unit_normalized", "comparator", "achieved", "source_title",
    "publisher", "source_date", "source_url", "quote", "recorded_by", "notes"})
REMINDER_SHEET_FIELDS = frozenset({"kind", "title", "due_date", "lead_days", "state", "snoozed_until", "done_at",
                                   "note", "uid"})
FEEDBACK_FIELDS = frozenset({"rating", "feedback_date", "comments"})


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
