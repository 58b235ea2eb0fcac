"""Writing helpers: safe cell values, the formats of each column, widths, row heights and print setup.

The workbook is written with xlsxwriter in constant-memory mode (rows go to disk as they are written). Cell
formats are made once per kind of cell and reused (:class:`Formats`); :class:`CellMaker` writes one row with the
typed write call of each value, so no value is ever taken for a formula.

Text is text: a value that starts with = + - @, a tab or a carriage return is written as a text cell with Excel's
quote prefix, so it never runs as a formula, not even after someone edits the cell. A number that has a unit is
written as a number whose format shows the unit (11080 shows as 11,080个), so it prints with its unit and still
sums. Text over Excel's cell limit is cut with a stable marker and every cut is reported to the caller.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

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
HEADER = {"font_name": FONT, "bold": True, "font_color": "#FFFFFF", "bg_color": "#305496", "pattern": 1,
          "bottom": 1, "bottom_color": "#B4C6E7", "valign": "vcenter", "text_wrap": True}
SECTION = {"font_name": FONT, "bold": True, "font_size": 12, "font_color": "#1F3864"}
TITLE = {"font_name": FONT, "bold": True, "font_size": 16}
BOLD = {"font_name": FONT, "bold": True}
# Characters XML 1.0 cannot hold (control characters other than tab, line feed and carriage return).
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
ERROR_CODES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A")

LINE_HEIGHT = 16.0
DEFAULT_ROW_HEIGHT = 15.0  # a row of one line, as Excel and xlsxwriter make it
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


_RISKY_FIRST = frozenset(RISKY_START) | {"#"}  # the first characters of risky texts (error codes start with #)


class Formats:
    """The workbook's cell formats, each made once: xlsxwriter keeps every format object it is given."""

    def __init__(self, workbook: Any) -> None:
        self.workbook = workbook
        self._made: dict[tuple[tuple[str, Any], ...], Any] = {}

    def get(self, **properties: Any) -> Any:
        key = tuple(sorted(properties.items()))
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self.workbook.add_format(properties)
        return made


def _kind_format(kind: str) -> dict[str, Any]:
    """The format properties of a data cell of a column kind."""
    properties: dict[str, Any] = {"valign": "top"}
    if kind == "wrap":
        properties["text_wrap"] = True
    if kind == "date":
        properties["num_format"] = DATE_FORMAT
    elif kind == "datetime":
        properties["num_format"] = DATETIME_FORMAT
    elif kind == "percent":
        properties["num_format"] = PERCENT_FORMAT
    elif kind == "count":
        properties["num_format"] = COUNT_FORMAT
    return properties


_EXCEL_EPOCH = dt.date(1899, 12, 30).toordinal()
_FIRST_PLAIN_DAY = dt.date(1900, 3, 1)  # before it, Excel counts the 29 February 1900 that never was


def excel_serial(value: dt.date | dt.datetime) -> float:
    """The number Excel stores for a date or time (days since 1899-12-30, the time as a fraction of a day): what
    xlsxwriter's write_datetime writes, worked out without its general conversion (a large share of the export's
    time). For dates from 1900-03-01 on."""
    days = value.toordinal() - _EXCEL_EPOCH
    if isinstance(value, dt.datetime):
        return days + (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
    return days


class CellMaker:
    """Writes the data rows of one sheet: each value with the write call of its type and its column's format.

    ``on_cut(column_index, length)`` hears of every text that had to be cut.
    """

    def __init__(self, ws: Any, formats: Formats, kinds: Sequence[str],
                 on_cut: Callable[[int, int], None] | None = None,
                 rooms: Sequence[float | None] | None = None) -> None:
        self.ws = ws
        self.formats = formats
        self.kinds = list(kinds)
        self.on_cut = on_cut
        # Per column: the room a wrapped text has (see row_height), None for a column whose texts do not wrap.
        self.rooms = list(rooms) if rooms is not None else [None] * len(self.kinds)
        self.cells = [formats.get(**_kind_format(kind)) for kind in self.kinds]
        # Text that would read as a formula keeps Excel's quote prefix, so it stays text even when edited.
        self.guards = [formats.get(**{**_kind_format(kind), "quote_prefix": True}) for kind in self.kinds]
        self.amounts: dict[tuple[int, str | None, bool], Any] = {}

    def _amount_format(self, index: int, unit: str | None, whole: bool) -> Any:
        """The format of a column's amounts in one unit: whole numbers without decimals, others with up to four
        (at most four decimals, so the widths fitted to the first rows hold every figure; General would show as
        many digits as it can and turn into #### in a narrow column)."""
        key = (index, unit, whole)
        found = self.amounts.get(key)
        if found is None:
            properties = {**_kind_format(self.kinds[index]),
                          "num_format": unit_format(unit, WHOLE_FORMAT if whole else FRACTION_FORMAT)}
            found = self.amounts[key] = self.formats.get(**properties)
        return found

    def write_row(self, row: int, values: Sequence[Any]) -> int:
        """Write one row (0-based index) of values in column order; None, empty text and numbers that are not
        finite leave the cell empty. Returns the lines the row's wrapped texts need (1: one line is enough), as
        :func:`row_height` counts them, found in the same pass over the values."""
        ws, cells, rooms = self.ws, self.cells, self.rooms
        write_string, write_number = ws.write_string, ws.write_number
        lines = 1
        for index, value in enumerate(values):
            if value is None:
                continue
            kind = type(value)
            if kind is str:
                # Most texts are plain: no control character (isprintable), within a cell's limit, and not
                # starting like a formula or an error code. Only the others are looked at more closely.
                if not value:
                    continue
                if value[0] in _RISKY_FIRST or not value.isprintable() or len(value) > MAX_CELL_TEXT:
                    self._write_text(row, index, value)
                else:
                    write_string(row, index, value, cells[index])
                room = rooms[index]
                # No character is wider than 2.5 (text_lines): a short text without a line break takes one line.
                if room is not None and (len(value) * 2.5 > room or "\n" in value):
                    needed = text_lines(value, max(room, 1.0))
                    if needed > lines:
                        lines = needed
            elif kind is Amount:
                number = value.value
                if number is None or not math.isfinite(number):
                    continue
                write_number(row, index, number, self._amount_format(index, value.unit, float(number).is_integer()))
            elif kind is dt.date:
                if value >= _FIRST_PLAIN_DAY:
                    write_number(row, index, value.toordinal() - _EXCEL_EPOCH, cells[index])
                else:
                    ws.write_datetime(row, index, value, cells[index])
            elif kind is int or kind is float:
                if not math.isfinite(value):
                    continue
                write_number(row, index, value, cells[index])
            elif kind is bool:
                write_string(row, index, YES if value else NO, cells[index])
            elif kind is dt.datetime:
                if value.date() >= _FIRST_PLAIN_DAY:
                    write_number(row, index, excel_serial(value), cells[index])
                else:
                    ws.write_datetime(row, index, value, cells[index])
            else:
                text = safe_text(str(value))
                if not text:
                    continue
                write_string(row, index, text, cells[index])
        return lines

    def _write_text(self, row: int, index: int, value: str) -> None:
        """A text that may need cleaning, cutting or the quote prefix."""
        text, cut = fit_text(value)
        if cut is not None and self.on_cut:
            self.on_cut(index, cut)
        self.ws.write_string(row, index, text, self.guards[index] if is_risky(text) else self.cells[index])


class SummaryCells:
    """Cells of the summary sheet, styled by the row's style and each cell's kind.

    Kinds: label, text, note, date, datetime, percent, count, or ``count:件`` (a count shown with its unit).
    """

    def __init__(self, ws: Any, formats: Formats) -> None:
        self.ws = ws
        self.formats = formats

    def format(self, style: str, kind: str, value: Any) -> Any:
        properties: dict[str, Any] = {}
        if style == "title":
            properties.update(TITLE)
        elif style == "section":
            properties.update(SECTION)
        elif style == "header":
            properties.update(HEADER, align="center")
        elif style == "total" or (kind == "label" and style == "meta"):
            properties.update(BOLD)
        if kind == "note":
            properties.update(text_wrap=True, valign="top")
        elif style == "note":
            properties.update(valign="top")
        elif kind == "date":
            properties.update(num_format=DATE_FORMAT, align="left")
        elif kind == "datetime":
            properties.update(num_format=DATETIME_FORMAT, align="left")
        elif kind == "percent":
            properties.update(num_format=PERCENT_FORMAT)
        elif kind.startswith("count"):
            properties.update(num_format=unit_format(kind.partition(":")[2], COUNT_FORMAT))
        if isinstance(value, str) and is_risky(value):
            properties.update(quote_prefix=True)
        return self.formats.get(**properties)

    def write(self, row: int, column: int, value: Any, cell_format: Any, *, merge_to: int | None = None) -> None:
        """One cell (0-based row and column); with ``merge_to``, merged with the cells up to that column."""
        if isinstance(value, str):
            value = safe_text(value)
        if merge_to is not None and merge_to > column:
            self.ws.merge_range(row, column, row, merge_to, None, cell_format)
        if value is None or value == "":
            if merge_to is None:
                self.ws.write_blank(row, column, None, cell_format)
        elif isinstance(value, str):
            self.ws.write_string(row, column, value, cell_format)
        elif isinstance(value, (dt.date, dt.datetime)):
            self.ws.write_datetime(row, column, value, cell_format)
        elif isinstance(value, bool):
            self.ws.write_string(row, column, YES if value else NO, cell_format)
        elif isinstance(value, (int, float)):
            if math.isfinite(value):
                self.ws.write_number(row, column, value, cell_format)
        else:
            self.ws.write_string(row, column, safe_text(str(value)), cell_format)

    def row(self, row: int, values: Sequence[Any], style: str, kinds: Sequence[str] | None,
            merge_last_to: int | None = None) -> None:
        last = len(values) - 1
        for index, value in enumerate(values):
            kind = kinds[index] if kinds and index < len(kinds) else ("label" if index == 0 else "text")
            self.write(row, index, value, self.format(style, kind, value),
                       merge_to=merge_last_to if index == last else None)


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


def setup_print(ws: Any, title_rows: tuple[int, int] | None, gridlines: bool = True) -> None:
    """A4 landscape, one page wide, title rows (0-based, first and last) repeated, page numbers."""
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.hide_gridlines(0 if gridlines else 1)  # 0: shown and printed; 1: shown, not printed
    ws.set_margins(left=0.4, right=0.4, top=0.55, bottom=0.55)
    if title_rows is not None:
        ws.repeat_rows(*title_rows)
    ws.set_header(f"&L&A&R{WORKBOOK_TITLE}", {"margin": 0.25})
    ws.set_footer("&C第 &P 页，共 &N 页", {"margin": 0.25})


def state_formatting(ws: Any, formats: Formats, first_row: int, column: int, last_row: int) -> None:
    """The state colours of a range of one column (0-based rows, both included), by conditional formatting."""
    for state, (fill, font) in _STATE_COLOURS.items():
        ws.conditional_format(first_row, column, last_row, column, {
            "type": "cell", "criteria": "==", "value": f'"{TARGET_STATES[state]}"',
            "format": formats.get(bg_color=f"#{fill}", font_color=f"#{font}")})


def row_height(values: Sequence[Any], wrapped: Sequence[tuple[int, float]]) -> float | None:
    """The height a row needs so its wrapped cells show whole (None: one line is enough)."""
    lines = 1
    for index, room in wrapped:
        value = values[index]
        # No character is wider than 2.5 (text_lines): a short text without a line break takes one line.
        if isinstance(value, str) and value and (len(value) * 2.5 > room or "\n" in value):
            lines = max(lines, text_lines(value, max(room, 1.0)))
    return lines_height(lines)


def lines_height(lines: int) -> float | None:
    """The height of a row of so many lines (None: one line, the default)."""
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
