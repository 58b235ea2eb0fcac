"""Writing helpers: safe cell values, prepared cells for streaming, widths, row heights and print setup.

Text is text: a value that starts with = + - @, a tab or a carriage return is written as a text cell with Excel's
quote prefix, so it never runs as a formula, not even after someone edits the cell. A number that has a unit is
written as a number whose format shows the unit (11080 shows as 11,080个), so it prints with its unit and still
sums. Text over Excel's cell limit is cut with a stable marker and every cut is reported to the caller.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from desktop.core.records import TARGET_STATES
from desktop.core.xlsx_export.model import MAX_CELL_TEXT, NO, TRUNCATION_MARKER, WORKBOOK_TITLE, YES, display_width

# Conditional-format colours of the state cells (fill, font).
_STATE_COLOURS = {
    "met": ("C6EFCE", "006100"),
    "at_risk": ("FFEB9C", "9C5700"),
    "missed": ("FFC7CE", "9C0006"),
    "overdue": ("FFC7CE", "9C0006"),
}
RISKY_START = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
PERCENT_FORMAT = "0.0%"
COUNT_FORMAT = "#,##0"

FONT = "Calibri"  # the workbook's body font; CJK text falls back to the system's Chinese font
HEADER_FONT = Font(name=FONT, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
SECTION_FONT = Font(name=FONT, bold=True, size=12, color="1F3864")
TITLE_FONT = Font(name=FONT, bold=True, size=16)
HEADER_BORDER = Border(bottom=Side(style="thin", color="B4C6E7"))

LINE_HEIGHT = 16.0
MAX_ROW_HEIGHT = 409.0  # Excel's limit


@dataclass(frozen=True)
class Amount:
    """A number with its unit, written as a number cell whose format shows the unit."""

    value: float | None
    unit: str | None


def amount(value: float | None, unit: str | None) -> Amount | None:
    return None if value is None else Amount(value, unit)


WHOLE_FORMAT = "#,##0"
FRACTION_FORMAT = "#,##0.0###"  # up to four decimals shown; the cell keeps the exact value


def unit_format(unit: str | None, base: str = WHOLE_FORMAT) -> str:
    """An Excel number format that shows the unit after the number: #,##0"万个"."""
    literal = (unit or "").replace('"', "").replace("\\", "")
    return f'{base}"{literal}"' if literal else base


def fit_text(value: str) -> tuple[str, int | None]:
    """Text as a cell can hold it (no XML-illegal characters, at most MAX_CELL_TEXT characters and the marker);
    the original length when it had to be cut, else None."""
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(text) > MAX_CELL_TEXT:
        return text[:MAX_CELL_TEXT] + TRUNCATION_MARKER.format(length=len(value)), len(value)
    return text, None


def safe_text(value: str) -> str:
    """Text as it can be stored in a cell (see :func:`fit_text`)."""
    return fit_text(value)[0]


def is_risky(text: str) -> bool:
    return text.startswith(RISKY_START) or text in ERROR_CODES


class Sheet(WriteOnlyWorksheet):
    """A write-only sheet that takes prepared cells without openpyxl's convert-then-fail detour.

    openpyxl's own ``_values_to_row`` first tries to assign every value to a scratch cell and only on the
    resulting ValueError (whose message formats the cell's repr) accepts a ready Cell; with a prepared cell in
    every column that detour costs more than writing the cell.
    """

    def _values_to_row(self, values: Iterable[Any], row_idx: int) -> Iterator[Cell]:
        plain = WriteOnlyCell(self)
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                cell = value
            else:
                if plain.has_style:
                    plain = WriteOnlyCell(self)
                plain.value = value
                cell = plain
            cell.column = col_idx
            cell.row = row_idx
            yield cell


class PreparedCell(Cell):
    """A cell reused for every row of one column: its value is set directly and its style id looked up once.

    openpyxl would otherwise work out the type of every value (``_bind_value``) and look its style up in the
    workbook's style table for every cell it writes.
    """

    __slots__ = ("_cached_style_id",)

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        super().__init__(ws)
        self._cached_style_id: int | None = None

    @property
    def style_id(self) -> int:
        if self._cached_style_id is None:
            self._cached_style_id = Cell.style_id.fget(self)  # type: ignore[attr-defined]
        return self._cached_style_id

    def put(self, value: Any, data_type: str) -> PreparedCell:
        self._value = value
        self.data_type = data_type
        return self


class CellMaker:
    """Prepared cells of one sheet: one per column (and per unit of a number column), reused for every row.

    The sheet writer turns each cell into XML as soon as it is yielded, so one cell object per column can carry
    every row's value; its style is set up once, not once per cell. ``on_cut(column_index, length)`` hears of
    every text that had to be cut.
    """

    def __init__(self, ws: WriteOnlyWorksheet, kinds: Sequence[str],
                 on_cut: Callable[[int, int], None] | None = None) -> None:
        self.ws = ws
        self.kinds = list(kinds)
        self.on_cut = on_cut
        self.cells = [self._styled(kind) for kind in self.kinds]
        self.guards = [self._styled(kind, guard=True) for kind in self.kinds]
        self.amounts: dict[tuple[int, str | None, bool], PreparedCell] = {}

    def _styled(self, kind: str, guard: bool = False, number_format: str | None = None) -> PreparedCell:
        cell = PreparedCell(self.ws)
        cell.alignment = Alignment(vertical="top", wrap_text=kind == "wrap" or None)
        if guard:
            cell.quotePrefix = True
        elif number_format:
            cell.number_format = number_format
        elif kind == "date":
            cell.number_format = DATE_FORMAT
        elif kind == "datetime":
            cell.number_format = DATETIME_FORMAT
        elif kind == "percent":
            cell.number_format = PERCENT_FORMAT
        elif kind == "count":
            cell.number_format = COUNT_FORMAT
        return cell

    def _amount_cell(self, index: int, unit: str | None, whole: bool) -> PreparedCell:
        """The cell of a column for amounts in one unit: whole numbers without decimals, others with up to four
        (at most four decimals, so the widths fitted to the first rows hold every figure; General would show as
        many digits as it can and turn into #### in a narrow column)."""
        key = (index, unit, whole)
        cell = self.amounts.get(key)
        if cell is None:
            number_format = unit_format(unit, WHOLE_FORMAT if whole else FRACTION_FORMAT)
            cell = self.amounts[key] = self._styled(self.kinds[index], number_format=number_format)
        return cell

    def row(self, values: Sequence[Any]) -> list[Any]:
        out: list[Any] = []
        append = out.append
        for index, value in enumerate(values):
            kind = type(value)
            if value is None or value == "":
                append(None)
            elif kind is str:
                text, cut = fit_text(value)
                if cut is not None and self.on_cut:
                    self.on_cut(index, cut)
                if is_risky(text):
                    # Text, never a formula: openpyxl would store "=..." as one. The quote prefix keeps it text
                    # even when someone edits the cell in Excel.
                    append(self.guards[index].put(text, "s"))
                else:
                    append(self.cells[index].put(text, "s"))
            elif kind is Amount:
                number = value.value
                if number is None or not math.isfinite(number):
                    append(None)
                else:
                    append(self._amount_cell(index, value.unit, float(number).is_integer()).put(number, "n"))
            elif kind is bool:
                append(self.cells[index].put(YES if value else NO, "s"))
            elif kind is int or kind is float:
                append(self.cells[index].put(value, "n") if math.isfinite(value) else None)
            elif kind is dt.date or kind is dt.datetime:
                append(self.cells[index].put(value, "d"))
            else:
                cell = self.cells[index]
                cell.value = value
                append(cell)
        return out


class SummaryCells:
    """Cells of the summary sheet (few rows, so a fresh styled cell per value is fine).

    Kinds: label, text, note, date, datetime, percent, count, or ``count:件`` (a count shown with its unit).
    """

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws

    def row(self, values: Sequence[Any], style: str, kinds: Sequence[str] | None) -> list[Any]:
        out: list[Any] = []
        for index, value in enumerate(values):
            kind = kinds[index] if kinds and index < len(kinds) else ("label" if index == 0 else "text")
            if isinstance(value, str):
                value = safe_text(value)
            cell = WriteOnlyCell(self.ws, value=value)
            if isinstance(value, str) and is_risky(value):
                cell.data_type = "s"
                cell.quotePrefix = True
            if style == "title":
                cell.font = TITLE_FONT
            elif style == "section":
                cell.font = SECTION_FONT
            elif style == "header":
                cell.font, cell.fill = HEADER_FONT, HEADER_FILL
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            elif style == "total" or (kind == "label" and style == "meta"):
                cell.font = Font(name=FONT, bold=True)
            if kind == "note":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif style == "note":
                cell.alignment = Alignment(vertical="top")
            elif kind == "date":
                cell.number_format = DATE_FORMAT
                cell.alignment = Alignment(horizontal="left")
            elif kind == "datetime":
                cell.number_format = DATETIME_FORMAT
                cell.alignment = Alignment(horizontal="left")
            elif kind == "percent":
                cell.number_format = PERCENT_FORMAT
            elif kind.startswith("count"):
                unit = kind.partition(":")[2]
                cell.number_format = unit_format(unit, COUNT_FORMAT)
            out.append(cell)
        return out


def fit_widths(columns: Sequence[Any], sample: Sequence[Sequence[Any]]) -> list[float]:
    """Widths that fit the first rows' values (a CJK character counts two); headers wrap, so they only count
    up to four characters."""
    widths = []
    for index, column in enumerate(columns):
        longest = min(display_width(column.header), 8) + 2
        if column.kind == "date":
            longest = max(longest, 11)
        elif column.kind == "datetime":
            longest = max(longest, 19)
        elif column.kind == "state":
            longest = max(longest, 12)
        elif column.kind == "percent":
            longest = max(longest, 9)
        for row in sample:
            value = row[index] if index < len(row) else None
            if value is None:
                continue
            if isinstance(value, Amount):
                text = f"{value.value:,.4f}".rstrip("0").rstrip(".") + (value.unit or "") + "  " \
                    if value.value is not None else ""
            elif isinstance(value, float):
                text = f"{value:,.4f}".rstrip("0").rstrip(".")
            elif isinstance(value, (dt.date, dt.datetime)):
                continue
            else:
                text = str(value)
            longest = max(longest, max(display_width(line) for line in text.splitlines() or [""]) + 2)
        widths.append(float(min(max(longest, column.min_width), column.max_width)))
    return widths


def setup_print(ws: WriteOnlyWorksheet, title_rows: str, gridlines: bool = True) -> None:
    """A4 landscape, one page wide, title rows repeated, page numbers; call it before the first row is written
    (a write-only sheet writes its fit-to-page flag at the top of the file)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = gridlines
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.55
    ws.page_margins.header = ws.page_margins.footer = 0.25
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.left.text = "&A"
    ws.oddHeader.right.text = WORKBOOK_TITLE
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def state_formatting(ws: WriteOnlyWorksheet, cell_range: str) -> None:
    for state, (fill, font) in _STATE_COLOURS.items():
        ws.conditional_formatting.add(cell_range, CellIsRule(
            operator="equal", formula=[f'"{TARGET_STATES[state]}"'],
            fill=PatternFill("solid", start_color=fill, end_color=fill), font=Font(color=font)))


def row_height(values: Sequence[Any], wrapped: Sequence[tuple[int, float]]) -> float | None:
    """The height a row needs so its wrapped cells show whole (None: one line is enough)."""
    lines = 1
    for index, room in wrapped:
        value = values[index]
        if isinstance(value, str) and value:
            lines = max(lines, text_lines(value, max(room, 1.0)))
    if lines == 1:
        return None
    return min(lines * LINE_HEIGHT + 2, MAX_ROW_HEIGHT)


def text_lines(text: str, room: float) -> int:
    total = 0
    for part in text.split("\n"):
        # UTF-8 bytes plus characters, halved: 2 for a CJK character, 1 for ASCII, with no per-character loop.
        width = (len(part.encode("utf-8")) + len(part)) / 2
        total += max(1, math.ceil(width / room))
    return total
