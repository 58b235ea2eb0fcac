"""A hand-kept ledger read into an import plan: every sheet that looks like a ledger, its header row(s), columns,
session and year, and each row's records.

A sheet looks like a ledger when one of its first rows (or two rows together: a group header above its
sub-headers) names at least three ledger fields. Its session comes from a 届次 column, else its title rows
(十六届人大五次会议; or a year and a body, 2021年市人大代表建议), else its sheet name; ``--session`` and the
mapping override them. Two sheets of different years therefore never share a session, so their proposals never
merge. Dates without a year (3月10日) take the sheet's year.

Rows that are not proposals are skipped and counted, never reported as bad: blank rows (also those filled only by
a merged range from above), footer and signature rows (填表人, 审核人, 制表, 联系电话, 说明, 注:), totals rows
(合计, 小计) and repeated header rows. A row without number and title that holds a further promise belongs to the
proposal above it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from desktop.core.errors import Cancelled, LedgerError, ValidationError
from desktop.core.ledger_import.limits import ReadLimits
from desktop.core.ledger_import.plan import (
    ColumnMatch,
    ImportPlan,
    PlannedRow,
    RowProblem,
    SheetPlan,
    column_letter,
)
from desktop.core.ledger_import.promises import progress_evidence, promise_targets
from desktop.core.ledger_import.values import (
    CUT_NOTE,
    clean_header,
    kind_from_text,
    ledger_date_from_title,
    number_digits,
    parse_date_in_year,
    parse_deadline,
    session_from_title,
    short_title,
    split_names,
    text_of,
    year_of,
    year_session_from_title,
)
from desktop.core.ledger_import.vocabulary import FIELDS_BY_KEY, UnknownWord, Vocabulary, match_header
from desktop.core.ledger_import.workbooks import Sheet, WorkbookData, column_number
from desktop.core.records import Commitment, Feedback, Proposal, Proposer, Reply

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]

# Why a sheet is not imported (SheetPlan.skipped); the app words each in the user's language.
SKIPPED_NOT_A_LEDGER = "no header row naming ledger columns such as 建议编号 and 建议标题"
SKIPPED_BY_MAPPING = "left out by the mapping"
SKIPPED_NOT_CHOSEN = "not the sheet chosen"
_HEADER_SCAN_ROWS = 20
_MIN_HEADER_FIELDS = 3
_TOTALS = re.compile(r"^(合计|总计|小计|共计|总数|汇总)")
_FOOTER = re.compile(r"^(填表人|填报人|审核人|审批人|制表人?|制表单位|联系电话|联系人|说明|备注说明|注[:：]|注\d|附注|"
                     r"单位负责人|分管领导|负责人|签字|盖章|填报单位负责人|主要负责人)")
_BODY_PHRASE = re.compile(r"([\u4e00-\u9fff]{0,8}?"
                          r"(?:人大代表建议|政协委员提案|政协提案|代表建议|委员提案|议案|批评意见))")
# Proposal and reply cells a further promise row takes from the proposal above it when they are left empty.
_CARRIED = ("number", "title", "proposer", "lead_unit", "co_units", "session", "kind", "assigned_date",
            "reply_due_date", "reply_date", "doc_number", "result_class", "rating")


def header_score(values: list[Any], max_chars: int) -> set[str]:
    """The fields a row's cells name (a merged title row repeats one text: it names none)."""
    texts = {text for text in (text_of(v) for v in values) if text and len(text) <= max_chars}
    if len(texts) < 2:
        return set()
    found = {match_header(text, max_chars) for text in texts}
    return {item[0] for item in found if item}


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


class ForeignLedger:
    """Reads the sheets of a hand-kept ledger into one :class:`ImportPlan` (see the module docstring)."""

    def __init__(self, data: WorkbookData, mapping: dict[str, Any], session: str | None, strict: bool,
                 vocabulary: Vocabulary, limits: ReadLimits, progress: Progress | None,
                 is_cancelled: IsCancelled | None) -> None:
        self.data = data
        self.path = data.path
        self.mapping = mapping
        self.session = mapping.get("session") or session
        self.strict = strict
        self.vocabulary = vocabulary
        self.limits = limits
        self.progress = progress
        self.is_cancelled = is_cancelled

    # ----------------------------------------------------------------------------------------- sheets
    def read(self) -> ImportPlan:
        data = self.data
        plan = ImportPlan(self.path, "foreign", sheets=data.sheet_names, file_format=data.format,
                          encoding=data.encoding, source_sha256=data.sha256, source_content=data.content)
        only = self.mapping.get("sheet")
        if only and only not in data.sheet_names:
            raise LedgerError(f"'{self.path.name}' has no sheet '{only}'; its sheets are "
                              f"{', '.join(data.sheet_names)}.", code="ledger_no_sheet", path=str(self.path),
                              file=self.path.name, sheet=only, sheets="、".join(data.sheet_names))
        for sheet in data.sheets:
            plan.sheet_plans.append(self._sheet_plan(sheet, skip=SKIPPED_NOT_CHOSEN if only and sheet.name != only
                                                     else None))
        if not any(sp.imported for sp in plan.sheet_plans):
            first = next((sp for sp in plan.sheet_plans if sp.sheet == only), plan.sheet_plans[0] if plan.sheet_plans
                         else SheetPlan(""))
            first.skipped = None
            first.blockers = [self._no_header(first.sheet)]
            if not plan.sheet_plans:
                plan.sheet_plans.append(first)
        self.sheet_plans = {sheet_plan.sheet: sheet_plan for sheet_plan in plan.sheet_plans}
        for sheet in data.sheets:
            if sheet.formula_cells:
                cells = ", ".join(f"{column_letter(column)}{row}" for row, column, _ in sheet.formula_cells[:6])
                more = " …" if len(sheet.formula_cells) > 6 else ""
                plan.warnings.append(
                    f"Sheet '{sheet.name}': {len(sheet.formula_cells)} formula cell(s) ({cells}{more}) have no saved "
                    "value, as the program that wrote the file did not compute them; a HYPERLINK's text or else the "
                    "formula itself is read instead. Open and save the workbook in Excel or WPS to read computed "
                    "values.")
        self._check_years(plan)
        if self.strict and plan.blockers:
            raise plan.blockers[0]
        if plan.blockers:
            return plan
        plan.ledger_date, plan.ledger_date_source = self._ledger_date(self.data.sheets)
        total = sum(len(sheet.rows) for sheet in data.sheets)
        done = 0
        for sheet, sheet_plan in zip(data.sheets, plan.sheet_plans, strict=True):
            if sheet_plan.imported:
                _SheetRows(self, sheet, sheet_plan, plan, done, total).read()
            done += len(sheet.rows)
        if self.progress:
            self.progress(total, total)
        self._proposal_notes(plan)
        self._notes(plan)
        return plan

    @staticmethod
    def _proposal_notes(plan: ImportPlan) -> None:
        """Each proposal's notes from all its rows (the import writes a proposal from its first row only).

        A 备注 that is the same on every row of a proposal (one row, or a merged cell) is the proposal's; where
        its rows differ, each remark is about the promise of its row and stays on that commitment, and the remark of
        a row without a promise is the proposal's. The 落实情况/完成时限 of rows without a promise are the
        proposal's too."""
        rows_of: dict[tuple, list[PlannedRow]] = defaultdict(list)
        for row in plan.rows:
            if row.proposal is not None:
                key = (row.proposal.session, row.proposal.kind, number_digits(row.proposal.number))
                rows_of[key].append(row)
        for rows in rows_of.values():
            shared = len({row.remark for row in rows}) == 1
            lines: list[str] = []
            for row in rows:
                if row.remark and (shared or row.commitment is None):
                    lines.append(row.remark)
                elif row.remark and row.commitment is not None:
                    remark = f"{row.columns.get('notes', '备注')}：{row.remark}"
                    row.commitment.notes = "\n".join(filter(None, (row.commitment.notes, remark)))
                    row.commitment_fields = row.commitment_fields | {"notes"}
                lines += row.proposal_notes
            lines = list(dict.fromkeys(lines))
            for row in rows if lines else ():
                assert row.proposal is not None
                row.proposal.notes = "\n".join(lines)
                row.proposal_fields = row.proposal_fields | {"notes"}

    def _no_header(self, sheet: str) -> LedgerError:
        return LedgerError(f"No header row was found in sheet '{sheet}' of '{self.path.name}' (a row naming columns "
                           "such as 建议编号 and 建议标题); give it with \"header_row\" in --mapping.",
                           code="ledger_no_header", path=str(self.path), file=self.path.name, sheet=sheet)

    def _sheet_options(self, name: str) -> dict[str, Any]:
        options = {key: self.mapping[key] for key in ("header_row", "fields") if key in self.mapping}
        options.update((self.mapping.get("sheets") or {}).get(name) or {})
        return options

    def _sheet_plan(self, sheet: Sheet, skip: str | None) -> SheetPlan:
        plan = SheetPlan(sheet.name)
        options = self._sheet_options(sheet.name)
        if skip or options.get("skip"):
            plan.skipped = skip or SKIPPED_BY_MAPPING
            return plan
        given_row = options.get("header_row")
        if given_row:
            first, last = given_row, given_row
            if given_row > len(sheet.rows):
                plan.blockers.append(self._no_header(sheet.name))
                return plan
        else:
            found = self._find_header(sheet)
            if found is None:
                plan.skipped = SKIPPED_NOT_A_LEDGER
                return plan
            first, last = found
        plan.first_header_row, plan.header_row = first, last
        plan.headers = self._headers(sheet, first, last)
        plan.mapping, plan.ignored_headers = self._mapping(plan.headers, sheet.name, options.get("fields") or {})
        fields = {match.field for match in plan.mapping}
        for required in ("number", "title"):
            if required not in fields:
                label = FIELDS_BY_KEY[required].label
                plan.blockers.append(LedgerError(
                    f"Sheet '{sheet.name}' of '{self.path.name}' has no column for {label}; name its header in "
                    f"--mapping, e.g. {{\"{label}\": \"...\"}}.", code="ledger_missing_column", path=str(self.path),
                    file=self.path.name, sheet=sheet.name, field=label))
        titles = self._title_text(sheet, first)
        plan.year = year_of(titles) or year_of(sheet.name)
        given = options.get("session") or self.session
        if given:
            plan.session, plan.session_source = given, "given"
        else:
            plan.session, plan.session_source = self._session(sheet.name, titles, plan.year)
        if plan.session and plan.year is None:
            plan.year = year_of(plan.session)
        if plan.session is None and "session" not in fields:
            plan.blockers.append(LedgerError(
                f"'{self.path.name}' does not say which session the proposals of sheet '{sheet.name}' belong to (no "
                "届次 column, and no session such as 十六届人大五次会议 or year such as 2021年 in its title rows or "
                "name); give it with --session.", code="ledger_no_session", path=str(self.path), file=self.path.name,
                sheet=sheet.name))
        return plan

    def _find_header(self, sheet: Sheet) -> tuple[int, int] | None:
        """The header row, or the two rows of a two-row header (group names above, field names below)."""
        max_chars = self.limits.header_chars
        rows = sheet.rows[:_HEADER_SCAN_ROWS]
        scores = [header_score(row, max_chars) for row in rows]
        best: tuple[int, int, int] | None = None  # (score, first, last)
        for index, found in enumerate(scores):
            if len(found) >= _MIN_HEADER_FIELDS and (best is None or len(found) > best[0]):
                best = (len(found), index + 1, index + 1)
        if best is None:
            return None
        _, first, _ = best
        for upper, lower in ((first - 1, first), (first, first + 1)):
            if upper < 1 or lower > len(rows):
                continue
            combined = self._combined(sheet.rows[upper - 1], sheet.rows[lower - 1])
            both = header_score(combined, max_chars)
            if len(both) >= best[0] and len(scores[upper - 1]) >= 2 and len(scores[lower - 1]) >= 2:
                best = (len(both), upper, lower)
        return best[1], best[2]

    @staticmethod
    def _combined(upper: list[Any], lower: list[Any]) -> list[Any]:
        width = max(len(upper), len(lower))
        return [(lower[i] if i < len(lower) and text_of(lower[i]) else (upper[i] if i < len(upper) else None))
                for i in range(width)]

    def _headers(self, sheet: Sheet, first: int, last: int) -> dict[int, str]:
        row = sheet.rows[last - 1]
        if first != last:
            row = self._combined(sheet.rows[first - 1], row)
        return {index + 1: text for index, value in enumerate(row) if (text := text_of(value))}

    def _mapping(self, headers: dict[int, str], sheet: str,
                 given: dict[str, str | None]) -> tuple[list[ColumnMatch], list[str]]:
        short = {column: text for column, text in headers.items() if len(text) <= self.limits.header_chars}
        matches, ignored = guess_mapping(short)
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
            by_field[key] = ColumnMatch(key, headers.get(column, column_letter(column)), column, "given")
        used = {m.column for m in by_field.values()}
        ignored = [header for column, header in sorted(headers.items()) if column not in used]
        return sorted(by_field.values(), key=lambda m: m.column), ignored

    def _column_of(self, target: str, headers: dict[int, str], sheet: str) -> int:
        for column, header in headers.items():
            if header == target or clean_header(header) == clean_header(target):
                return column
        if re.fullmatch(r"[A-Za-z]{1,3}", target):
            return column_number(target.upper())
        raise LedgerError(f"The mapping names the header '{target}', which is not in the header row of sheet "
                          f"'{sheet}'; use a header as written or a column letter.", code="mapping_bad_header",
                          path=str(self.path), header=target)

    @staticmethod
    def _title_text(sheet: Sheet, first_header_row: int) -> str:
        seen: list[str] = []
        for row in sheet.rows[: first_header_row - 1]:
            for value in row:
                text = text_of(value)
                if text and text not in seen:
                    seen.append(text)
        return " ".join(seen)

    @staticmethod
    def _session(sheet_name: str, titles: str, year: int | None) -> tuple[str | None, str | None]:
        found = session_from_title(titles) or year_session_from_title(titles)
        if found:
            return found, "title rows"
        found = session_from_title(sheet_name) or year_session_from_title(sheet_name)
        if found:
            return found, "sheet name"
        sheet_year = year_of(sheet_name)
        if sheet_year:
            body = _BODY_PHRASE.search(unicodedata.normalize("NFKC", titles))
            label = f"{sheet_year}年{body.group(1)}" if body else sheet_name.strip()
            return label, "sheet name" + (" and title rows" if body else "")
        return None, None

    def _check_years(self, plan: ImportPlan) -> None:
        """One session given for sheets of different years would merge their proposals that share a number."""
        given: dict[str, dict[int, str]] = defaultdict(dict)
        for sheet_plan in plan.sheet_plans:
            if sheet_plan.imported and sheet_plan.session_source == "given" and sheet_plan.year:
                given[sheet_plan.session or ""].setdefault(sheet_plan.year, sheet_plan.sheet)
        for session, years in given.items():
            if len(years) > 1:
                sheets = "、".join(years.values())
                plan.global_blockers.append(LedgerError(
                    f"The sheets {sheets} of '{self.path.name}' are of different years "
                    f"({'、'.join(str(y) for y in years)}) but are all given the session '{session}'; give each sheet "
                    "its session in --mapping (\"sheets\": {\"2021年\": {\"session\": \"...\"}}) or leave the session "
                    "out.", code="ledger_session_years", path=str(self.path), file=self.path.name, sheets=sheets,
                    session=session))

    def _ledger_date(self, sheets: list[Sheet]) -> tuple[dt.date, str]:
        """The date the ledger states it was filled in (填报时间, 截至, or a date alone in its title rows), else
        the file's modified date."""
        for sheet in sheets:
            sheet_plan = self.sheet_plans.get(sheet.name)
            title_rows = (sheet_plan.first_header_row or sheet_plan.header_row) - 1 if sheet_plan else 0
            for row in sheet.rows[:max(title_rows, 0)]:
                for value in row:
                    text = text_of(value)
                    if text and len(text) < 200:
                        found = ledger_date_from_title(text)
                        if found:
                            return found, f"'{text}' in sheet '{sheet.name}'"
        return self.data.modified, "the file's modified date"

    def _notes(self, plan: ImportPlan) -> None:
        sessions = [sp for sp in plan.sheet_plans if sp.imported and sp.session and sp.session_source != "given"]
        for sheet_plan in sessions:
            plan.notes.append(f"Sheet '{sheet_plan.sheet}': session {sheet_plan.session} (from its "
                              f"{sheet_plan.session_source}).")
        skipped = [sp for sp in plan.sheet_plans if not sp.imported]
        for sheet_plan in skipped:
            plan.notes.append(f"Sheet '{sheet_plan.sheet}' is not imported: {sheet_plan.skipped}.")
        if any(row.evidence_of_targets for row in plan.rows):
            plan.notes.append(f"Figures in 落实情况 become evidence dated {plan.ledger_date} (from "
                              f"{plan.ledger_date_source}) unless a sheet says otherwise.")
        proposals = {(r.proposal.session, r.proposal.kind, r.proposal.number): r.proposal for r in plan.rows
                     if r.proposal is not None}
        no_due = [p for p in proposals.values() if p.reply_due_date is None]
        if no_due:
            no_assigned = sum(1 for p in no_due if p.assigned_date is None)
            note = (f"{len(no_due)} proposal(s) have no reply deadline in the ledger; it will be computed by the "
                    "office's deadline rule (assignment + 3 months).")
            if no_assigned:
                note += (f" {no_assigned} of them have no assignment date either, so 按期答复率 cannot judge them and "
                         "says so.")
            plan.notes.append(note)


class _SheetRows:
    """The rows of one sheet after its header, into planned rows and problems."""

    def __init__(self, ledger: ForeignLedger, sheet: Sheet, sheet_plan: SheetPlan, plan: ImportPlan, done: int,
                 total: int) -> None:
        self.ledger, self.sheet, self.sheet_plan, self.plan = ledger, sheet, sheet_plan, plan
        self.done, self.total = done, total
        self.fields = {match.field: match for match in sheet_plan.mapping}
        # Record field → header, for reports: one dict the sheet's rows share (read only; not one per row).
        self.columns = {key: match.header for key, match in self.fields.items()}
        titles = ForeignLedger._title_text(sheet, sheet_plan.first_header_row or sheet_plan.header_row)
        name_text = f"{titles} {sheet.name}"
        self.kind = kind_from_text(titles) or kind_from_text(sheet.name) or "suggestion"
        self.body = ("政协" if "政协" in name_text or self.kind == "proposal"
                     else "人大" if "人大" in name_text else None)
        self.unknown: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.unknown_accepted: dict[str, list[str]] = {}
        self.unknown_fields: dict[str, str] = {}  # column header → field (result_class, rating)
        self.yearless = 0
        self.positions: dict[tuple, int] = defaultdict(int)
        self.counts = {"blank": 0, "footer": 0, "totals": 0, "repeated header": 0}
        own_date = ledger._ledger_date([sheet])
        # A sheet's own 填报时间 dates its evidence; else the workbook's (another sheet's, or the file's date).
        self.as_of = own_date[0] if own_date[1] != "the file's modified date" else plan.ledger_date
        if self.as_of != plan.ledger_date:
            sheet_plan.notes.append(f"Figures in 落实情况 are dated {self.as_of} (from {own_date[1]}).")

    def header(self, key: str) -> str:
        return self.fields[key].header if key in self.fields else FIELDS_BY_KEY[key].label

    def read(self) -> None:
        sheet, ledger = self.sheet, self.ledger
        previous: dict[str, Any] | None = None
        bad_rows: set[int] = set()
        planned_rows: list[PlannedRow] = []
        for offset, values in enumerate(sheet.rows[self.sheet_plan.header_row:]):
            index = self.sheet_plan.header_row + offset
            row_number = index + 1
            if offset % 200 == 0:
                if ledger.is_cancelled and ledger.is_cancelled():
                    raise Cancelled()
                if ledger.progress:
                    ledger.progress(self.done + index, self.total)
            skip = self._skip_reason(values, sheet.merged_only[index] if index < len(sheet.merged_only) else False)
            if skip:
                self.counts[skip] += 1
                continue
            cells = {key: values[match.column - 1] if match.column - 1 < len(values) else None
                     for key, match in self.fields.items()}
            if text_of(cells.get("number")) is None and text_of(cells.get("title")) is None and previous:
                for key in _CARRIED:
                    if text_of(cells.get(key)) is None and key in previous:
                        cells[key] = previous[key]
            else:
                previous = cells
            problems: list[RowProblem] = []
            planned = self._row(row_number, cells, problems)
            self.sheet_plan.rows_read += 1
            if problems:
                self.plan.problems.extend(problems)
                bad_rows.add(row_number)
            elif planned is not None:
                planned_rows.append(planned)
        for (column, word), rows in self.unknown.items():
            accepted = self.unknown_accepted[column]
            label = FIELDS_BY_KEY[self.unknown_fields[column]].label  # what a mapping file's "values" names
            error = LedgerError(
                f"'{word}' is not a word the import knows for the column {column}; write one of "
                f"{'、'.join(accepted)}, or give its meaning with --mapping "
                f"{{\"values\": {{\"{label}\": {{\"{word}\": \"...\"}}}}}}.",
                code="word_unknown", value=word, column=column, accepted="、".join(accepted),
                field=self.unknown_fields[column])
            self.plan.problems.append(dataclasses.replace(RowProblem.of(sheet.name, rows[0], column, error),
                                                          rows=tuple(rows)))
            bad_rows.update(rows)
        mine = [p for p in self.plan.problems if p.sheet == sheet.name]
        others = [p for p in self.plan.problems if p.sheet != sheet.name]
        self.plan.problems[:] = others + sorted(mine, key=lambda p: p.row)
        self.plan.rows.extend(row for row in planned_rows if row.row not in bad_rows)
        self.sheet_plan.counts = {key: value for key, value in self.counts.items() if value}
        if self.yearless:
            self.sheet_plan.notes.append(f"{self.yearless} date(s) written without a year take the sheet's year "
                                         f"{self.sheet_plan.year}.")

    def _skip_reason(self, values: list[Any], merged_only: bool) -> str | None:
        texts = [text for text in (text_of(v) for v in values) if text]
        if not texts or merged_only:
            return "blank"
        head = unicodedata.normalize("NFKC", texts[0]).replace(" ", "")
        if _FOOTER.match(head):
            return "footer"
        if any(_TOTALS.match(unicodedata.normalize("NFKC", text).replace(" ", "")) for text in texts[:4]):
            return "totals"
        # The first three cells first: a data row fails there, before every cell is matched against the names.
        if all(match_header(text) for text in texts[:3]) and \
                len(header_score(values, self.ledger.limits.header_chars)) >= _MIN_HEADER_FIELDS:
            return "repeated header"
        return None

    # ----------------------------------------------------------------------------------------- one row
    def _row(self, row: int, cells: dict[str, Any], problems: list[RowProblem]) -> PlannedRow | None:
        sheet = self.sheet.name
        year = self.sheet_plan.year

        def problem_of(key: str, error: LedgerError) -> None:
            problems.append(RowProblem.of(sheet, row, self.header(key), error))

        def date(key: str) -> dt.date | None:
            value = cells.get(key)
            if text_of(value) is None:
                return None
            try:
                found, yearless = parse_date_in_year(value, self.header(key), year)
            except ValidationError as error:
                problem_of(key, error)
                return None
            self.yearless += yearless
            return found

        def word(key: str, read: Callable[[Any], str | None]) -> str | None:
            value = cells.get(key)
            if text_of(value) is None:
                return None
            try:
                return read(value)
            except UnknownWord as error:
                column = self.header(key)
                self.unknown[(column, error.word)].append(row)
                self.unknown_accepted[column] = error.accepted
                self.unknown_fields[column] = key
                return None

        number = text_of(cells.get("number"))
        title = text_of(cells.get("title"))
        session = text_of(cells.get("session")) or self.sheet_plan.session
        if number is None:
            problems.append(RowProblem(sheet, row, self.header("number"), "The proposal number is empty; fill it in "
                                       "(rows of one proposal may share a merged cell).", "required"))
        if title is None:
            problems.append(RowProblem(sheet, row, self.header("title"), "The title is empty; fill it in.",
                                       "required"))
        if session is None:
            problems.append(RowProblem(sheet, row, self.header("session"), "The ledger does not say which session "
                                       "the proposal belongs to (no 届次 column and no session such as "
                                       "十六届人大五次会议 in its title rows); give it with --session.",
                                       "session_missing"))
        kind = kind_from_text(text_of(cells.get("kind")) or "") or self.kind
        names = split_names(text_of(cells.get("proposer")))
        lead_unit = text_of(cells.get("lead_unit"))
        proposal = Proposal(
            session=session or "", number=number or "", title=title or "", kind=kind, body=self.body,
            lead_unit=lead_unit, co_units=split_names(text_of(cells.get("co_units")), slash=False),
            assigned_date=date("assigned_date"), reply_due_date=date("reply_due_date"),
            proposers=[Proposer(name=name, role="lead" if i == 0 else "cosigner") for i, name in enumerate(names)])
        proposal_fields = {"session", "number", "title", "kind"}
        proposal_fields |= {name for name, key in (("lead_unit", "lead_unit"), ("co_units", "co_units"),
                                                   ("assigned_date", "assigned_date"),
                                                   ("reply_due_date", "reply_due_date"), ("proposers", "proposer"))
                            if text_of(cells.get(key)) is not None}
        if self.body:
            proposal_fields.add("body")
        reply_date = date("reply_date")
        result_class = word("result_class", self.ledger.vocabulary.result_class)
        doc_number = text_of(cells.get("doc_number"))
        rating = word("rating", self.ledger.vocabulary.rating)
        commitment_text = text_of(cells.get("commitment"))
        reply = None
        reply_fields: set[str] = set()
        if any(v is not None for v in (reply_date, result_class, doc_number, rating)) or commitment_text:
            reply = Reply(doc_number=doc_number, reply_date=reply_date, result_class=result_class,
                          replying_unit=lead_unit)
            reply_fields = {name for name, value in (("doc_number", doc_number), ("reply_date", reply_date),
                                                     ("result_class", result_class), ("replying_unit", lead_unit))
                            if value is not None}
            for found in reply.problems():
                problem_of("doc_number" if found.field == "doc_number" else "result_class", found)
            if reply_date is not None:
                proposal.state = "replied"
                proposal_fields.add("state")
        feedback = [Feedback(reply_id=0, rating=rating, aspect="reply")] if rating else []
        for found in proposal.problems():
            key = {"session": "session", "number": "number", "title": "title"}.get(found.field, "number")
            if not any(p.column == self.header(key) for p in problems):
                problem_of(key, found)
        planned = PlannedRow(sheet, row, proposal=proposal, proposal_fields=frozenset(proposal_fields), reply=reply,
                             reply_ref=((session, kind, number), doc_number) if reply else None,
                             reply_fields=frozenset(reply_fields), feedback=feedback,
                             columns=self.columns)
        planned.remark = text_of(cells.get("notes"))
        if commitment_text:
            self._commitment(planned, cells, commitment_text, reply_date, proposal.assigned_date, problems)
        else:
            self._unmeasured(planned, cells)
        self._cut_cells(planned, cells)
        return planned

    def _unmeasured(self, planned: PlannedRow, cells: dict[str, Any]) -> None:
        """落实情况 or 完成时限 in a row without a promise: nothing to measure, so they go to the proposal's notes
        (and the sheet's report says so), never dropped."""
        lines = [f"{self.header(key)}：{value}" for key in ("progress", "deadline")
                 if (value := text_of(cells.get(key)))]
        if lines:
            planned.proposal_notes.extend(lines)
            self.sheet_plan.unmeasured_rows.append(planned.row)

    def _commitment(self, planned: PlannedRow, cells: dict[str, Any], text: str, reply_date: dt.date | None,
                    assigned_date: dt.date | None, problems: list[RowProblem]) -> None:
        year = self.sheet_plan.year
        reference = reply_date or assigned_date
        deadline, deadline_text = parse_deadline(cells.get("deadline"), year)
        progress = text_of(cells.get("progress"))
        # 备注 belongs to the proposal (see ForeignLedger._proposal_notes); the promise keeps its 落实情况.
        notes = f"{self.header('progress')}：{progress}" if progress else None
        planned.commitment = Commitment(reply_id=0, title=short_title(text), quote=text,
                                        responsible_unit=planned.proposal.lead_unit if planned.proposal else None,
                                        deadline=deadline, deadline_text=deadline_text, notes=notes or None)
        planned.commitment_fields = frozenset({"title", "quote"} | {
            name for name in ("responsible_unit", "deadline", "deadline_text", "notes")
            if getattr(planned.commitment, name) is not None})
        planned.position = self.positions[planned.reply_ref]
        self.positions[planned.reply_ref] += 1
        if reference is None and year:
            reference = dt.date(year, 1, 1)
        try:
            planned.targets = promise_targets(text, reference_date=reference, deadline=deadline,
                                              deadline_text=deadline_text, baseline_date=reply_date or assigned_date,
                                              field=self.header("commitment"))
        except ValidationError as error:
            problems.append(RowProblem.of(planned.sheet, planned.row, self.header("commitment"), error))
            return
        if progress and planned.targets and not CUT_NOTE.search(progress):
            try:
                planned.evidence_of_targets = progress_evidence(
                    progress, planned.targets, as_of=self.as_of,
                    source_title=f"{self.ledger.path.name}（{self.sheet.name}）", field=self.header("progress"))
            except ValidationError as error:
                problems.append(RowProblem.of(planned.sheet, planned.row, self.header("progress"), error))

    def _cut_cells(self, planned: PlannedRow, cells: dict[str, Any]) -> None:
        """Cells the audit workbook cut at Excel's limit: flagged, and never taken as the whole text."""
        cut = set()
        for key, record_field in (("title", "title"), ("commitment", "quote"), ("progress", "notes"),
                                  ("notes", "notes")):
            text = text_of(cells.get(key))
            found = CUT_NOTE.search(text or "")
            if found:
                cut.add(record_field)
                self.plan.warnings.append(
                    f"Sheet '{self.sheet.name}', row {planned.row}, column '{self.header(key)}': the text was cut at "
                    f"Excel's cell limit (the whole text had {found.group(1)} characters); it is kept as cut, marked "
                    "so, and does not replace a whole text already in the ledger.")
        planned.cut_fields = frozenset(cut)
