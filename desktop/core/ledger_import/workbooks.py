"""Reading a ledger file into grids of cell values: .xlsx/.xlsm, .xls, .ods (python-calamine) and .csv/.tsv.

python-calamine reads all three spreadsheet formats, and several times faster than openpyxl. Before it sees a
zip-based workbook (.xlsx, .xlsm, .ods), every part is streamed once through :mod:`zipfile`, which never gives
more bytes than a part declares and checks each part's CRC: a part that lies about its size, or a broken zip, is
refused as damaged, and the sizes, rows, columns and shared strings the parts declare are held to
:mod:`~desktop.core.ledger_import.limits` before anything is read whole. The same pass finds the formula cells
that have no cached value (a workbook written by a program that does not compute formulas), which calamine reads
as empty: such a cell gets HYPERLINK's friendly name, else the formula text, and a warning.

Merged ranges are filled: every cell of a range holds the range's value, and a row whose only values come from
ranges that began above it is marked, so that it can be skipped as blank.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import html
import io
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from desktop.core.errors import Cancelled, LedgerError
from desktop.core.ledger_import.limits import LIMITS, ReadLimits, check_file_size, too_large

IsCancelled = Callable[[], bool]

FORMATS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".ods": "ods", ".csv": "csv", ".tsv": "tsv",
           ".txt": "tsv"}
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1 << 20


@dataclass
class Sheet:
    """One sheet's cells as rows of values (None for empty), merged ranges filled.

    ``merged_only[i]`` is true for a row whose values all come from merged ranges that began in an earlier row
    (a blank row inside a merged range). ``formula_cells`` are (row, column), 1-based, of formulas read without a
    cached value.
    """

    name: str
    rows: list[list[Any]]
    merged_only: list[bool] = field(default_factory=list)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # 0-based first row, col, last row, col
    formula_cells: list[tuple[int, int, str]] = field(default_factory=list)  # (row, column, what was used)


@dataclass
class WorkbookData:
    """A ledger file read whole: its sheets, format, hash and bytes (kept as the evidence's source document)."""

    path: Path
    format: str
    sheets: list[Sheet]
    modified: dt.date
    sha256: str
    content: bytes
    encoding: str | None = None

    @property
    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.sheets]


def damaged(path: Path, why: str) -> LedgerError:
    return LedgerError(f"'{path.name}' is damaged ({why}) and cannot be read; open it in Excel or WPS, save it again "
                       "and import the saved copy.", code="ledger_damaged", path=str(path), file=path.name, why=why)


def password_protected(path: Path) -> LedgerError:
    return LedgerError(f"'{path.name}' is protected by a password and cannot be read; open it in Excel or WPS, "
                       "remove the password, save it and import the saved copy.", code="ledger_encrypted",
                       path=str(path), file=path.name)


# Excel and WPS keep a password-protected workbook in a compound file whose stream is named EncryptedPackage.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_ZIP_ENCRYPTED_FLAG = 0x1


def read_workbook(path: str | Path, *, limits: ReadLimits = LIMITS,
                  is_cancelled: IsCancelled | None = None) -> WorkbookData:
    """Read every sheet of a ledger file.

    Raises:
        LedgerError: ``ledger_missing``, ``ledger_is_folder``, ``ledger_format`` (not a spreadsheet or text
            table), ``ledger_too_large`` (past a limit, checked before reading whole), ``ledger_damaged``,
            ``ledger_encoding`` (a text file that is neither UTF-8 nor GBK).
        Cancelled: ``is_cancelled()`` turned true between sheets.
    """
    path = Path(path)
    if path.is_dir():
        raise LedgerError(f"'{path}' is a folder, not a ledger file; give the path of the workbook itself.",
                          code="ledger_is_folder", path=str(path), file=path.name)
    if not path.is_file():
        raise LedgerError(f"The ledger '{path}' does not exist; check the path.", code="ledger_missing",
                          path=str(path))
    try:
        check_file_size(path, limits)
        content = path.read_bytes()
        modified = dt.date.fromtimestamp(path.stat().st_mtime)
    except OSError as error:
        raise LedgerError(f"The ledger '{path}' cannot be opened ({error.strerror or error}); check that it is not "
                          "locked and that you may read it.", code="ledger_unreadable", path=str(path)) from error
    kind = _format_of(path, content)
    sha256 = hashlib.sha256(content).hexdigest()
    encoding = None
    if kind in ("csv", "tsv"):
        sheet, encoding = _read_text_table(path, content, kind, limits)
        sheets = [sheet]
    else:
        formulas: dict[str, list[tuple[int, int, str]]] = {}
        if kind in ("xlsx", "ods"):
            formulas = _ZipCheck(path, content, kind, limits).run(is_cancelled)
        sheets = _read_calamine(path, content, limits, formulas, is_cancelled)
    return WorkbookData(path, kind, sheets, modified, sha256, content, encoding)


def _format_of(path: Path, content: bytes) -> str:
    suffix = path.suffix.lower()
    if content.startswith(_ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as error:
            raise damaged(path, "its zip structure is broken") from error
        if "content.xml" in names:
            return "ods"
        if "xl/workbook.xml" in names or "[Content_Types].xml" in names:
            return "xlsx"
        raise LedgerError(f"'{path.name}' is a zip file but not a workbook; save the ledger as .xlsx, .xls, .ods or "
                          ".csv.", code="ledger_format", path=str(path), file=path.name)
    if content.startswith(_OLE_MAGIC):
        if _ENCRYPTED_PACKAGE in content:
            raise password_protected(path)
        return "xls"
    if suffix in (".csv", ".tsv", ".txt"):
        return FORMATS[suffix]
    if suffix in (".xlsx", ".xlsm", ".ods"):
        raise damaged(path, "it is not a zip file, as a workbook of this kind must be")
    if suffix == ".xls":
        if content.lstrip()[:1] == b"<":  # an HTML table saved with an .xls name, as some systems export
            raise LedgerError(f"'{path.name}' is a web page named .xls, not a workbook; open it in Excel or WPS and "
                              "save it as .xlsx.", code="ledger_format", path=str(path), file=path.name)
        raise damaged(path, "it is not an Excel 97–2003 file")
    raise LedgerError(f"'{path.name}' is not a ledger file that can be read; save the ledger as .xlsx, .xls, .ods "
                      "or .csv.", code="ledger_format", path=str(path), file=path.name)


# --------------------------------------------------------------------------------------------- zip check
# A row's start tag, and its number when it has one: rows are counted and their highest number found in one pass.
_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row(?:\s[^>]*?\br=\"(\d+)\"|[\s>/])")
_PLAIN_ROW = re.compile(rb"<row(?:\s[^>]*?\br=\"(\d+)\"|[\s>/])")
_WIDE_CELL = re.compile(rb" r=\"([A-Z]{2,3})\d")  # columns past Z; most ledgers have none, so this is cheap
_FORMULA_CELL = re.compile(
    rb"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>([^<]*)</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>")
_CELL_REF = re.compile(rb"\br=\"([A-Z]{1,3})(\d+)\"")
_ROW_END_PREFIX = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?")
_ODS_ROW = re.compile(rb"<table:table-row[\s>/]")
_SHARED_STRING = re.compile(rb"<(?:\w+:)?si[\s>/]")
_HYPERLINK = re.compile(r"^\s*HYPERLINK\s*\(\s*(?:\"[^\"]*\"|[^,]*)\s*,\s*\"((?:[^\"]|\"\")*)\"\s*\)\s*$",
                        re.IGNORECASE)


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


class _ZipCheck:
    """Streams every part of a zip-based workbook once: sizes declared and read, rows, columns, formulas."""

    def __init__(self, path: Path, content: bytes, kind: str, limits: ReadLimits) -> None:
        self.path, self.content, self.kind, self.limits = path, content, kind, limits
        self.cells = 0

    def run(self, is_cancelled: IsCancelled | None) -> dict[str, list[tuple[int, int, str]]]:
        """Formula cells without a cached value, by sheet name."""
        try:
            return self._run(is_cancelled)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError) as error:
            raise damaged(self.path, "its zip data is broken or a part is not the size it declares") from error
        except ElementTree.ParseError as error:
            raise damaged(self.path, "its XML is not well-formed") from error

    def _run(self, is_cancelled: IsCancelled | None) -> dict[str, list[tuple[int, int, str]]]:
        limits = self.limits
        with zipfile.ZipFile(io.BytesIO(self.content)) as archive:
            infos = archive.infolist()
            if any(info.flag_bits & _ZIP_ENCRYPTED_FLAG for info in infos):
                raise password_protected(self.path)
            if len(infos) > limits.zip_members:
                raise too_large(self.path, "the workbook has", len(infos), limits.zip_members, "parts")
            declared = sum(info.file_size for info in infos)
            if declared > limits.unpacked_bytes:
                raise too_large(self.path, "its parts unpack to", declared, limits.unpacked_bytes, "bytes")
            sheet_parts = self._sheet_parts(archive) if self.kind == "xlsx" else {}
            formulas: dict[str, list[tuple[int, int, str]]] = {}
            for info in infos:
                if is_cancelled and is_cancelled():
                    raise Cancelled()
                name = info.filename
                if name in sheet_parts:
                    formulas[sheet_parts[name]] = self._scan_sheet(archive, info, sheet_parts[name])
                elif name == "content.xml" and self.kind == "ods":
                    self._scan_ods(archive, info)
                elif name.endswith("sharedStrings.xml"):
                    self._scan_shared_strings(archive, info)
                else:
                    self._drain(archive, info)
            if len(sheet_parts) > limits.sheets:
                raise too_large(self.path, "the workbook has", len(sheet_parts), limits.sheets, "sheets")
        return {name: cells for name, cells in formulas.items() if cells}

    def _stream(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo):
        read = 0
        with archive.open(info) as part:
            while chunk := part.read(_CHUNK):
                read += len(chunk)
                if read > info.file_size:  # zipfile stops at the declared size; this is a second guard
                    raise zipfile.BadZipFile(f"{info.filename} is larger than it declares")
                yield chunk

    def _drain(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        for _ in self._stream(archive, info):
            pass

    def _sheet_parts(self, archive: zipfile.ZipFile) -> dict[str, str]:
        """Part name → sheet name, from xl/workbook.xml and its relationships."""
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names:
            raise damaged(self.path, "it has no list of sheets")
        for part in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
            if part in names and archive.getinfo(part).file_size > 16 * 1024 * 1024:
                raise too_large(self.path, f"its part {part} has", archive.getinfo(part).file_size, 16 * 1024 * 1024,
                                "bytes")
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        targets: dict[str, str] = {}
        if "xl/_rels/workbook.xml.rels" in names:
            for rel in ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels")):
                target = rel.get("Target") or ""
                target = target.lstrip("/") if target.startswith("/") else "xl/" + target
                targets[rel.get("Id") or ""] = re.sub(r"[^/]+/\.\./", "", target)
        parts: dict[str, str] = {}
        for element in workbook.iter():
            if element.tag.rsplit("}", 1)[-1] != "sheet":
                continue
            rel_id = next((value for key, value in element.attrib.items() if key.rsplit("}", 1)[-1] == "id"), "")
            if rel_id in targets:
                parts[targets[rel_id]] = element.get("name") or ""
        return parts

    def _scan_sheet(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, sheet: str) -> list[tuple[int, int, str]]:
        limits = self.limits
        carry = b""
        last_row = rows = 0
        widest = 0
        formulas: list[tuple[int, int, str]] = []
        for chunk in self._stream(archive, info):
            buffer = carry + chunk
            cut = _last_row_end(buffer)
            if cut < 0:  # keep what has no row end yet, within reason
                if len(buffer) > limits.row_bytes:
                    raise too_large(self.path, f"a row of sheet '{sheet}' has", len(buffer), limits.row_bytes,
                                    "bytes")
                carry = buffer
                continue
            done, carry = buffer[:cut], buffer[cut:]
            last_row, rows, widest = self._count(done, sheet, last_row, rows, widest, formulas)
        last_row, rows, widest = self._count(carry, sheet, last_row, rows, widest, formulas)
        height = max(last_row, rows)
        if height > limits.rows:
            raise too_large(self.path, f"sheet '{sheet}' has", height, limits.rows, "rows")
        width = max(widest, 26 if height else 0)
        if widest > limits.columns:
            raise too_large(self.path, f"sheet '{sheet}' has", widest, limits.columns, "columns")
        self.cells += height * width
        if self.cells > limits.cells:
            raise too_large(self.path, "its sheets together have", self.cells, limits.cells, "cells")
        return formulas

    def _count(self, data: bytes, sheet: str, last_row: int, rows: int, widest: int,
               formulas: list[tuple[int, int, str]]) -> tuple[int, int, int]:
        # Most files write rows without a namespace prefix: then patterns that start with "<row" skip ahead to
        # each row instead of trying every tag of every cell.
        found = (_ROW if b":row" in data else _PLAIN_ROW).findall(data)
        rows += len(found)
        last_row = max(last_row, max(map(int, filter(None, found)), default=0))  # rows without a number: ''
        if rows > self.limits.rows or last_row > self.limits.rows:
            raise too_large(self.path, f"sheet '{sheet}' has", max(rows, last_row), self.limits.rows, "rows")
        for letters in set(_WIDE_CELL.findall(data)):
            widest = max(widest, column_number(letters.decode("ascii")))
        if b"</f>" in data or b"<f" in data:
            for match in _FORMULA_CELL.finditer(data):
                ref = _CELL_REF.search(match.group(1))
                if ref is None:
                    continue
                formula = (match.group(2) or b"").decode("utf-8", "replace")
                formulas.append((int(ref.group(2)), column_number(ref.group(1).decode("ascii")),
                                 _unescape(formula)))
        return last_row, rows, widest

    def _scan_ods(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        rows = 0
        tail = b""
        for chunk in self._stream(archive, info):
            data = tail + chunk
            rows += len(_ODS_ROW.findall(data[: len(data) - 32])) if len(data) > 32 else 0
            tail = data[-32:] if len(data) > 32 else data
            if rows > self.limits.rows * self.limits.sheets:
                break
        rows += len(_ODS_ROW.findall(tail))
        if rows > self.limits.rows * max(1, min(self.limits.sheets, 5)):
            raise too_large(self.path, "its sheets have", rows, self.limits.rows, "rows")

    def _scan_shared_strings(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        count = 0
        tail = b""
        for chunk in self._stream(archive, info):
            data = tail + chunk
            count += len(_SHARED_STRING.findall(data, 0, max(len(data) - 8, 0)))
            tail = data[max(len(data) - 8, 0):]
            if count > self.limits.shared_strings:
                raise too_large(self.path, "its shared-strings table has", count, self.limits.shared_strings, "strings")


def _last_row_end(data: bytes) -> int:
    """The offset just after the last row end tag (</row> or </x:row>) in ``data``; -1 when there is none."""
    pos = len(data)
    while (pos := data.rfind(b"row>", 0, pos)) >= 0:
        start = data.rfind(b"</", max(pos - 40, 0), pos)
        if start >= 0 and _ROW_END_PREFIX.fullmatch(data, start, pos):
            return pos + 4
    return -1


def _unescape(text: str) -> str:
    return html.unescape(text)


def formula_display(formula: str) -> str:
    """What a formula cell without a cached value shows: HYPERLINK's friendly name, else the formula."""
    match = _HYPERLINK.match(formula)
    if match:
        return match.group(1).replace('""', '"')
    return "=" + formula if formula else ""


# --------------------------------------------------------------------------------------------- calamine
def _read_calamine(path: Path, content: bytes, limits: ReadLimits,
                   formulas: dict[str, list[tuple[int, int, str]]], is_cancelled: IsCancelled | None) -> list[Sheet]:
    from python_calamine import CalamineWorkbook

    sheets: list[Sheet] = []
    cells = 0
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
        try:
            names = list(workbook.sheet_names)
            if len(names) > limits.sheets:
                raise too_large(path, "the workbook has", len(names), limits.sheets, "sheets")
            for name in names:
                if is_cancelled and is_cancelled():
                    raise Cancelled()
                sheet = workbook.get_sheet_by_name(name)
                height, width = sheet.total_height, sheet.total_width
                if height > limits.rows:
                    raise too_large(path, f"sheet '{name}' has", height, limits.rows, "rows")
                if width > limits.columns:
                    raise too_large(path, f"sheet '{name}' has", width, limits.columns, "columns")
                cells += height * width
                if cells > limits.cells:
                    raise too_large(path, "its sheets together have", cells, limits.cells, "cells")
                rows = sheet.to_python(skip_empty_area=False)
                merged = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
                sheets.append(_sheet(name, rows, merged, formulas.get(name, [])))
        finally:
            workbook.close()
    except (LedgerError, Cancelled):
        raise
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as error:
        raise damaged(path, _short(error)) from error
    return sheets


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split())[:120]
    return text or type(error).__name__


def _sheet(name: str, rows: list[list[Any]], merged: list[tuple[int, int, int, int]],
           formulas: list[tuple[int, int, str]]) -> Sheet:
    # Empty cells to None; a row without any (most rows of a filled-in ledger) is kept as calamine made it.
    grid = [[None if value == "" else value for value in row] if "" in row else row for row in rows]
    used: list[tuple[int, int, str]] = []
    for row, column, formula in formulas:
        if row - 1 < len(grid) and column - 1 < len(grid[row - 1]) and grid[row - 1][column - 1] is None:
            shown = formula_display(formula)
            if shown:
                grid[row - 1][column - 1] = shown
                used.append((row, column, shown))
    blank_before = [all(value is None for value in row) for row in grid]
    own_rows: set[int] = set()
    for first_row, first_col, last_row, last_col in merged:
        if first_row >= len(grid):
            continue
        value = grid[first_row][first_col] if first_col < len(grid[first_row]) else None
        for row in range(first_row, min(last_row, len(grid) - 1) + 1):
            line = grid[row]
            for col in range(first_col, min(last_col, len(line) - 1) + 1):
                if line[col] is None or (row, col) != (first_row, first_col):
                    line[col] = value
        own_rows.add(first_row)
    merged_only = [blank_before[index] and index not in own_rows and any(v is not None for v in row)
                   for index, row in enumerate(grid)]
    return Sheet(name, grid, merged_only, merged, used)


# --------------------------------------------------------------------------------------------- text tables
def decode_text(path: Path, content: bytes) -> tuple[str, str]:
    """The text of a .csv/.tsv file and its encoding: UTF-8 with or without BOM, UTF-16 with BOM, else GB18030
    (a superset of GBK and GB2312, as district systems export).

    Raises:
        LedgerError: ``ledger_encoding``.
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if content.startswith(bom):
            try:
                return content.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    for encoding in ("utf-8", "gb18030"):
        try:
            return content.decode(encoding), "gbk" if encoding == "gb18030" else encoding
        except UnicodeDecodeError:
            continue
    raise LedgerError(f"'{path.name}' is neither UTF-8 nor GBK text; save it from Excel or WPS as CSV (UTF-8) and "
                      "import that.", code="ledger_encoding", path=str(path), file=path.name)


def _read_text_table(path: Path, content: bytes, kind: str, limits: ReadLimits) -> tuple[Sheet, str]:
    text, encoding = decode_text(path, content)
    if "\x00" in text:
        raise damaged(path, "it holds binary data, not text")
    delimiter = "\t" if kind == "tsv" else _delimiter(text)
    rows: list[list[Any]] = []
    cells = 0
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(rows) >= limits.rows:
                raise too_large(path, "the table has more than", limits.rows, limits.rows, "rows")
            if len(row) > limits.columns:
                raise too_large(path, f"row {len(rows) + 1} has", len(row), limits.columns, "columns")
            cells += len(row)
            if cells > limits.cells:
                raise too_large(path, "the table has", cells, limits.cells, "cells")
            rows.append([value.strip() or None for value in row])
    except csv.Error as error:
        raise damaged(path, f"its CSV is malformed: {error}") from error
    return _sheet(path.stem, rows, [], []), encoding


def _delimiter(text: str) -> str:
    head = text[:65536].splitlines()[:20]
    counts = {delimiter: sum(line.count(delimiter) for line in head) for delimiter in (",", "\t", ";", "，")}
    best = max(counts, key=lambda key: counts[key])
    return best if counts[best] else ","
