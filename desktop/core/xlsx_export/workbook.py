"""Writing the workbook: the sheets in order, streamed row by row, into a file that replaces the old one only when
complete.

The writer is xlsxwriter in constant-memory mode: each sheet streams its rows to a temporary file as they are
written, so memory does not grow with the number of rows. It was chosen by measurement (bench/xlsx_export.py):
with every style, conditional format, chart and print setting of the workbook it writes faster than openpyxl's
write-only mode writes the same values unstyled. Cell formats are made once per column (and unit), state colours
come from conditional formatting. The file is written to a temporary file beside the target and renamed over it
only when complete: a failure or a cancel leaves any earlier file untouched and no half-written file behind.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from desktop.core.anchor import set_workbook_anchor
from desktop.core.errors import Cancelled, LedgerError
from desktop.core.tempfiles import create_beside, remove_stale_beside
from desktop.core.xlsx_export.cells import (
    DEFAULT_ROW_HEIGHT,
    HEADER,
    CellMaker,
    Formats,
    fit_widths,
    lines_height,
    row_height,
    setup_print,
    state_formatting,
)
from desktop.core.xlsx_export.columns import SHEET_COLUMNS, Column
from desktop.core.xlsx_export.history import history_rows
from desktop.core.xlsx_export.model import (
    SHEET_AUDIT,
    SHEET_CONTACTS,
    SHEET_EVIDENCE,
    SHEET_HISTORY,
    SHEET_PROPOSALS,
    SHEET_REMINDERS,
    SHEET_REPLIES,
    SHEET_SUMMARY,
    SHEET_TARGETS,
    WORKBOOK_TITLE,
    ExportResult,
    LedgerSnapshot,
    TruncatedCell,
)
from desktop.core.xlsx_export.rows import SheetRows, Tally
from desktop.core.xlsx_export.summary import write_summary

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]

_CHECK_EVERY = 500  # rows between progress reports and cancel checks
SHEET_ORDER = (SHEET_SUMMARY, SHEET_PROPOSALS, SHEET_REPLIES, SHEET_CONTACTS, SHEET_TARGETS, SHEET_EVIDENCE,
               SHEET_REMINDERS, SHEET_AUDIT, SHEET_HISTORY)


class WorkbookWriter:
    """Writes the sheets of one snapshot into a streaming workbook, counting rows and cut cells."""

    def __init__(self, snapshot: LedgerSnapshot, progress: Progress | None, is_cancelled: IsCancelled | None) -> None:
        self.snapshot = snapshot
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.tally = Tally()
        self.rows = SheetRows(snapshot, self.tally)
        self.total = (len(snapshot.proposals) + len(snapshot.replies) + len(snapshot.contacts)
                      + snapshot.target_row_count + snapshot.evidence_count + snapshot.reminders_total
                      + len(self._findings_found() or ()) + snapshot.history_count)
        self.done = 0
        self.counts: dict[str, int] = {}
        self.truncated: list[TruncatedCell] = []

    def _findings_found(self) -> list | None:
        """The 回头看 findings when they are known already (not while they are still to be found from the target
        rows: they count in the progress from when they are)."""
        findings = self.snapshot.findings
        return None if callable(findings) else findings

    def _resolve_findings(self) -> int:
        """Find the 回头看 findings that come from the target rows (written by now); returns how many."""
        findings = self.snapshot.findings
        if callable(findings):
            self.snapshot.findings = findings()
            # The new rows join the count at the share already done, so the progress never goes back.
            total = self.total + len(self.snapshot.findings)
            self.done = self.done * total // max(self.total, 1)
            self.total = total
        return len(self.snapshot.findings or ())

    def tick(self, rows: int = 1) -> None:
        before = self.done
        self.done += rows
        if before // _CHECK_EVERY != self.done // _CHECK_EVERY:
            if self.is_cancelled and self.is_cancelled():
                raise Cancelled()
            if self.progress:
                self.progress(min(self.done, self.total), self.total)

    def write(self, workbook: Any) -> None:
        s = self.snapshot
        self.formats = Formats(workbook)
        # Sheets appear in the order they are created; each streams to its own temporary file, so they can be
        # filled in any order. The targets go first: the summary and the proposals' states count them.
        names = [name for name in SHEET_ORDER if name != SHEET_AUDIT or s.findings is not None]
        sheets = {name: workbook.add_worksheet(name) for name in names}
        for name, rows, count in (
            (SHEET_TARGETS, self.rows.target_rows, s.target_row_count),
            (SHEET_PROPOSALS, self.rows.proposal_rows, len(s.proposals)),
            (SHEET_REPLIES, self.rows.reply_rows, len(s.replies)),
            (SHEET_CONTACTS, self.rows.contact_rows, len(s.contacts)),
            (SHEET_EVIDENCE, self.rows.evidence_rows, s.evidence_count),
            (SHEET_REMINDERS, self.rows.reminder_rows, s.reminders_total),
            (SHEET_AUDIT, self.rows.audit_rows, None),
            (SHEET_HISTORY, self._history_rows, s.history_count),
        ):
            if name in sheets:
                if count is None:
                    count = self._resolve_findings()
                self._write_data_sheet(sheets[name], SHEET_COLUMNS[name], rows(), count)
        self.counts[SHEET_SUMMARY] = write_summary(
            workbook, sheets[SHEET_SUMMARY], self.formats, s, self.tally, self.counts, self.truncated,
            self.counts.get(SHEET_HISTORY, 0), extra_meta=[(label, text, "text") for label, text in s.notes])
        self.counts = {name: self.counts[name] for name in sheets}
        if self.progress:
            self.progress(self.total, self.total)

    def _history_rows(self) -> Iterator[dict[str, Any]]:
        names, reply_of = self._record_namers()
        for entry in self.snapshot.history:
            yield from history_rows(entry, names, reply_of)

    def _record_namers(self) -> tuple[Callable[[str, int], str | None], Callable[[str, int], str | None]]:
        """Short names of the records the change log mentions, from the snapshot (their current labels), and the
        reply each commitment or target belongs to."""
        s, rows = self.snapshot, self.rows
        commitment_facts, target_facts = s.commitment_facts, s.target_facts
        proposers = {pr.id: pr.name for p in s.proposals for pr in p.proposers}
        sources = {doc_id: doc.file_name for doc_id, doc in s.sources.items()}

        def name(table: str, row_id: int) -> str | None:
            if table == "proposals":
                return rows.proposal_name(row_id)
            if table == "replies":
                return rows.reply_name(row_id) if row_id in rows.replies else None
            if table == "commitments":
                facts = commitment_facts.get(row_id)
                return facts[0] if facts else None
            if table == "targets":
                facts = target_facts.get(row_id)
                return facts[0] if facts else None
            if table == "proposers":
                return proposers.get(row_id)
            if table == "source_documents":
                return sources.get(row_id)
            return s.record_names.get((table, row_id))

        def reply_of(table: str, row_id: int) -> str | None:
            if table == "replies":
                return name("replies", row_id)
            if table == "commitments":
                facts = commitment_facts.get(row_id)
                return name("replies", facts[1]) if facts else None  # type: ignore[arg-type]
            if table == "targets":
                facts = target_facts.get(row_id)
                return reply_of("commitments", facts[1]) if facts else None
            return None

        return name, reply_of

    def _write_data_sheet(self, ws: Any, columns: Sequence[Column], rows: Iterator[dict[str, Any]],
                          expected: int) -> None:
        name = ws.name
        headers = [column.header for column in columns]
        ordered = (list(map(row.get, headers)) for row in rows)
        first = []
        for values in ordered:
            first.append(values)
            if len(first) >= 300:
                break
        widths = fit_widths(columns, first)
        for index, (column, width) in enumerate(zip(columns, widths, strict=True)):
            if column.detail:  # folded into a column group at the right, shown with its "+"
                ws.set_column(index, index, width, None, {"level": 1, "hidden": True})
            else:
                ws.set_column(index, index, width)
        if any(column.detail for column in columns):
            ws.set_column(len(columns), len(columns), None, None, {"collapsed": True})
        ws.freeze_panes(1, 1)
        setup_print(ws, (0, 0))
        header_format = self.formats.get(**HEADER)
        for index, header in enumerate(headers):
            ws.write_string(0, index, header, header_format)
        written = 0

        def cut(column_index: int, length: int) -> None:
            self.truncated.append(TruncatedCell(name, headers[column_index], written + 2, length))

        wrapped = [(index, (width - 1) * 0.9) for index, (column, width) in enumerate(zip(columns, widths, strict=True))
                   if column.kind == "wrap" and not column.detail]
        rooms: list[float | None] = [None] * len(columns)
        for index, room in wrapped:
            rooms[index] = room
        maker = CellMaker(ws, self.formats, [c.kind for c in columns], on_cut=cut, rooms=rooms)
        # Spreadsheets do not grow rows for wrapped text on opening: the height goes with the row. The height most
        # of the first rows need becomes the sheet's default. xlsxwriter keeps every height set_row is given until
        # the file is closed (some 200 bytes a row), so the rows of another height are not given theirs that way:
        # in constant-memory mode a row is written out, with the default height of that moment, when the next row
        # begins, so the default is changed for them instead (only a row of one line, which no default can give
        # back, and the sheet's last row, written out at the close, keep a height of their own).
        usual = _usual_height([row_height(values, wrapped) for values in first])
        if usual is not None:
            ws.set_default_row(usual)
            ws.set_row(0, DEFAULT_ROW_HEIGHT)  # the header row keeps its one line
        current = usual  # the default the rows now streaming out get
        height: float | None = None
        for values in _chain(first, ordered):
            row = written + 1
            height = lines_height(maker.write_row(row, values))
            if height != usual and (height is None or usual is None):
                ws.set_row(row, height or DEFAULT_ROW_HEIGHT)
            elif height != current:
                ws.set_default_row(height)
                current = height
            written += 1
            self.tick()
        if current != usual:
            if height == current:
                ws.set_row(written, height)
            ws.set_default_row(usual)
        ws.autofilter(0, 0, written, len(columns) - 1)
        for index, column in enumerate(columns):
            if column.kind == "state" and written:
                state_formatting(ws, self.formats, 1, index, written)
        self.counts[name] = written
        if written != expected and name != SHEET_HISTORY:  # the history has a row per changed field
            logger.info("%s: %d rows written, %d expected", name, written, expected)


def _usual_height(heights: list[float | None]) -> float | None:
    """The most common of the first rows' heights (None: one line, the default), the first of equals."""
    counts = Counter(heights)
    return max(counts, key=counts.__getitem__) if counts else None


def _chain(first: list[list[Any]], rest: Iterator[list[Any]]) -> Iterator[list[Any]]:
    yield from first
    yield from rest


def check_target(path: Path) -> None:
    """Refuse a target the workbook cannot be written to, with one sentence saying why.

    Raises:
        LedgerError: the folder is missing or read-only, the path is a folder, or the file is open in Excel/WPS.
    """
    folder = path.parent
    if not folder.is_dir():
        raise LedgerError(f"The folder '{folder}' does not exist; create it or choose another place for "
                          f"'{path.name}'.", code="export_folder_missing", path=str(path))
    if path.is_dir():
        raise LedgerError(f"'{path}' is a folder; give a file name ending in .xlsx.", code="export_target_is_folder",
                          path=str(path))
    if path.suffix.lower() != ".xlsx":
        raise LedgerError(f"'{path.name}' does not end in .xlsx; give the workbook an .xlsx name.",
                          code="export_not_xlsx", path=str(path))
    for lock in (folder / f"~${path.name}", folder / f".~lock.{path.name}#"):  # Excel/WPS, LibreOffice
        if lock.exists():
            raise LedgerError(f"'{path.name}' is open in a spreadsheet program (its lock file '{lock.name}' is "
                              "there); close it and export again.", code="export_target_locked", path=str(path))
    if path.exists() and not os.access(path, os.W_OK):
        raise LedgerError(f"'{path}' is read-only or locked by another program; close it or choose another name.",
                          code="export_target_locked", path=str(path))
    if not os.access(folder, os.W_OK):
        raise LedgerError(f"The folder '{folder}' is read-only; choose a folder you can write to.",
                          code="export_folder_read_only", path=str(path))


def write_workbook(path: str | Path, snapshot: LedgerSnapshot, *, progress: Progress | None = None,
                   is_cancelled: IsCancelled | None = None) -> ExportResult:
    """Write the audit workbook to ``path`` (replacing an older file only once the new one is complete).

    Raises:
        LedgerError: the target cannot be written (missing or read-only folder, file open elsewhere, disk full).
        Cancelled: ``is_cancelled()`` turned true; no file was written or changed.
    """
    path = Path(path)
    check_target(path)
    writer = WorkbookWriter(snapshot, progress, is_cancelled)
    remove_stale_beside(path)  # what a killed export of this file left
    try:
        temp_path = create_beside(path, ".xlsx.part")  # the umask's permissions, not mkstemp's owner-only
    except PermissionError as error:
        raise LedgerError(f"The folder '{path.parent}' is read-only; choose a folder you can write to.",
                          code="export_folder_read_only", path=str(path)) from error
    except OSError as error:
        raise LedgerError(f"The workbook '{path}' could not be written ({error.strerror or error}); check the disk "
                          "and the folder, then export again.", code="export_write_failed", path=str(path)) from error
    # Text is only ever written as text (write_string); nothing is guessed from it.
    workbook = xlsxwriter.Workbook(str(temp_path), {"constant_memory": True, "strings_to_numbers": False,
                                                    "strings_to_formulas": False, "strings_to_urls": False})
    _set_properties(workbook, snapshot)
    try:
        writer.write(workbook)
        if is_cancelled and is_cancelled():
            raise Cancelled()
        _close(workbook)
        _replace(temp_path, path)
    except BaseException as error:
        _discard(workbook)
        temp_path.unlink(missing_ok=True)
        if isinstance(error, OSError):
            reason = error.strerror or error
            raise LedgerError(f"The workbook '{path}' could not be written ({reason}); check that "
                              "the disk has room and the file is not open elsewhere, then export again.",
                              code="export_write_failed", path=str(path)) from error
        raise
    if writer.truncated:
        logger.info("%s: %d cell(s) cut to Excel's limit", path, len(writer.truncated))
    return ExportResult(path, writer.counts, tuple(writer.truncated))


def _close(workbook: Any) -> None:
    """Assemble the file; a failure to write it (a full disk) is an OSError.

    xlsxwriter leaves its zip file open when writing it fails, and closing that file fails again when it is
    dropped: that second failure goes to the log, not to the user's screen.
    """
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: logger.info("after a failed write: %s", unraisable.exc_value)
    try:
        workbook.close()
    except FileCreateError as error:
        cause = error.args[0] if error.args and isinstance(error.args[0], OSError) else None
        for failure in (error, error.__context__):
            if failure is not None and failure.__traceback__ is not None:
                traceback.clear_frames(failure.__traceback__)  # the open zip file goes now, under the hook above
        if cause is not None:
            raise OSError(cause.errno, cause.strerror) from None
        raise OSError(str(error)) from None
    finally:
        sys.unraisablehook = hook


def _replace(temp_path: Path, path: Path) -> None:
    try:
        os.replace(temp_path, path)
    except PermissionError as error:
        raise LedgerError(f"'{path}' is open in another program (Excel or WPS keep it locked); close it and export "
                          "again.", code="export_target_locked", path=str(path)) from error


def _discard(workbook: Any) -> None:
    """Drop the sheets' streaming temporary files after a failure or cancel."""
    for ws in workbook.worksheets():
        handle, name = getattr(ws, "row_data_fh", None), getattr(ws, "row_data_filename", None)
        try:
            if handle is not None and not handle.closed:
                handle.close()
            if name:
                os.unlink(name)
        except OSError:  # the file is being thrown away; only its removal matters
            logger.debug("removing a discarded sheet's temporary file failed", exc_info=True)


def _set_properties(workbook: Any, snapshot: LedgerSnapshot) -> None:
    moment = snapshot.generated_at
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    workbook.set_properties({
        "title": f"{snapshot.office_name}{WORKBOOK_TITLE}" if snapshot.office_name else WORKBOOK_TITLE,
        "subject": f"答复承诺台账，截至{snapshot.as_of.isoformat()}",
        "comments": (f"筛选条件：{snapshot.filters.describe()}；统计、状态和各表只计截至日期已发生的事项；"
                     "变更记录为导出时的全部修改。"),
        "keywords": "答复;承诺;台账;审计",
        "category": "审计",
        "author": snapshot.generated_by or "Reply Ledger",
        "created": moment,
    })
    if snapshot.chain is not None:
        set_workbook_anchor(workbook, snapshot.chain)
