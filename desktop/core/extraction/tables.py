"""Tables written with pipes in a letter's text ('| 指标 | 2022年完成 | 2023年目标 |').

Crawled pages keep a table as one line per row with its cells between ``|``. The first row names the columns;
the first cell of each later row names the indicator, often with its unit in brackets ('高新技术企业数(家)').
:func:`find_tables` gives the rows and their cells with offsets; what a column means (achieved or planned, and
for which year) is decided in :mod:`desktop.core.extraction.targets`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ROW = re.compile(r"^[ \t\u3000]*\|?(?:[^|\n]*\|){2,}[^|\n]*$", re.MULTILINE)
_RULE_CELL = re.compile(r"^\s*:?-{2,}:?\s*$")
_NUMBER_CELL = re.compile(r"^\s*(?P<num>[+-]?\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>[^\s\d]{0,6})\s*$")
_UNIT_IN_NAME = re.compile(r"[(（]\s*(?P<unit>[^()（）\d]{1,6})\s*[)）]\s*$")


@dataclass
class Cell:
    start: int
    end: int
    text: str


@dataclass
class TableRow:
    """One row: its span in the text (the quote of its figures) and its cells."""

    start: int
    end: int
    cells: list[Cell]


@dataclass
class Table:
    header: TableRow
    rows: list[TableRow] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.header.start

    @property
    def end(self) -> int:
        return (self.rows[-1] if self.rows else self.header).end


def _row(text: str, start: int, end: int) -> TableRow:
    line = text[start:end]
    lead = len(line) - len(line.lstrip(" \t\u3000"))
    row_start, row_end = start + lead, start + len(line.rstrip())
    cells: list[Cell] = []
    at = row_start
    pieces = text[row_start:row_end].split("|")
    for index, piece in enumerate(pieces):
        stripped = piece.strip()
        # Pipes that open and close a row only frame it: '| a | b |' has two cells, 'a | b |' three.
        outer = index == 0 or (index == len(pieces) - 1 and not pieces[0].strip())
        if stripped or not outer:
            offset = at + (piece.index(stripped) if stripped else 0)
            cells.append(Cell(offset, offset + len(stripped), stripped))
        at += len(piece) + 1
    return TableRow(row_start, row_end, cells)


def find_tables(text: str, start: int = 0, end: int | None = None) -> list[Table]:
    """The pipe tables in text[start:end]: runs of at least two lines with two or more ``|``."""
    end = len(text) if end is None else end
    tables: list[Table] = []
    current: list[TableRow] = []
    previous_end = -2

    def close() -> None:
        rows = [row for row in current if not all(_RULE_CELL.match(c.text) or not c.text for c in row.cells)]
        if len(rows) >= 2:
            tables.append(Table(rows[0], rows[1:]))

    for match in _ROW.finditer(text, start, end):
        if match.start() != previous_end + 1:
            close()
            current = []
        current.append(_row(text, match.start(), match.end()))
        previous_end = match.end()
    close()
    return tables


def number_cell(cell: Cell) -> tuple[str, str] | None:
    """('7.8', '') for a cell holding a number, ('460', '家') when it also holds its unit; None otherwise."""
    match = _NUMBER_CELL.match(cell.text)
    if not match:
        return None
    return match.group("num").replace(",", ""), match.group("unit")


def indicator_and_unit(cell: Cell) -> tuple[str, str]:
    """'规上工业增加值增速(%)' → ('规上工业增加值增速', '%')."""
    match = _UNIT_IN_NAME.search(cell.text)
    if not match:
        return cell.text, ""
    return cell.text[:match.start()].strip(), match.group("unit").strip()
