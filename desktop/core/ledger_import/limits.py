"""How large a ledger file may be, checked before it is read whole.

A hand-kept office ledger has hundreds or a few thousand rows; ten years of a large city's proposals stay under
50 000. The limits below are far above that, and far below what exhausts the machine: a small file can declare
50 million shared strings or a million rows, or hide gigabytes of XML in a few megabytes of zip (a zip bomb), and
a reader that trusts it takes all the memory there is. Every limit is checked on what the file declares and on
what is actually read, before the spreadsheet library sees the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import LedgerError

MIB = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """The limits of one read. The defaults are :data:`LIMITS`; tests and benchmarks may pass smaller ones."""

    file_bytes: int = 128 * MIB  # the file on disk (.xlsx, .xlsm, .ods, .xls, .csv)
    unpacked_bytes: int = 1024 * MIB  # all parts of a zip-based workbook, uncompressed
    zip_members: int = 10_000  # parts of a zip-based workbook
    sheets: int = 200
    rows: int = 200_000  # rows of one sheet
    columns: int = 1_000  # columns of one sheet
    cells: int = 10_000_000  # rows × columns of the used area, all sheets together
    shared_strings: int = 10_000_000
    header_chars: int = 60  # a longer cell is not a column header
    row_bytes: int = 64 * MIB  # the XML of one row

    def describe(self) -> str:
        """The limits as one line, for reports and the README."""
        return (f"at most {self.file_bytes // MIB} MB on disk and {self.unpacked_bytes // MIB} MB unpacked, "
                f"{self.sheets} sheets, {self.rows:,} rows and {self.columns:,} columns a sheet, {self.cells:,} "
                f"cells in all, {self.shared_strings:,} shared strings").replace(",", " ")


LIMITS = ReadLimits()


def too_large(path: Path, what: str, found: int, limit: int, unit: str = "") -> LedgerError:
    """The error for a file past a limit: names the file, what is too large, and the limit."""
    return LedgerError(
        f"'{path.name}' is too large to be a ledger: {what} {_amount(found, unit)}, more than the limit of "
        f"{_amount(limit, unit)}; split it into smaller workbooks or remove what is not the ledger.",
        code="ledger_too_large", path=str(path), file=path.name, what=what, found=_amount(found, unit),
        limit=_amount(limit, unit))


def _amount(value: int, unit: str) -> str:
    if unit == "bytes" and value >= MIB:
        return f"{value / MIB:.1f} MB" if value < 10 * MIB else f"{value // MIB} MB"
    return f"{value:,}".replace(",", " ") + (f" {unit}" if unit else "")


def check_file_size(path: Path, limits: ReadLimits) -> int:
    """The file's size, refused when it is past the limit.

    Raises:
        LedgerError: ``ledger_too_large``.
    """
    size = path.stat().st_size
    if size > limits.file_bytes:
        raise too_large(path, "the file has", size, limits.file_bytes, "bytes")
    return size
