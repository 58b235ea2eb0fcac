"""`reply-ledger import-ledger` on an office's ledger, and on hostile files: one sentence, exit 2, nothing changed."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from db import Store
from db.export import export_ledger
from desktop.__main__ import main
from tests.backends import dump_of
from tests.ledger_workbooks import notes_ledger, office_year_ledger, wps_ledger


def _dump_hash(db: Path | str) -> str:
    return hashlib.sha256(repr(dump_of(db)).encode()).hexdigest()


def test_import_ledger_an_office_ledger_with_no_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """年 + body titles, two year sheets, 落实情况 with figures: no flags needed, and the export judges the past
    promises from the ledger's own 落实情况."""
    db = tmp_path / "new.sqlite3"
    assert main(["import-ledger", str(office_year_ledger(tmp_path / "LEDGER.xlsx")), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "session: 2021年市人大代表建议 (title rows)" in out and "session: 2022年市人大代表建议 (title rows)" in out
    assert "rows skipped: 1 blank, 1 footer" in out
    assert "5 proposal(s) have no reply deadline in the ledger; it will be computed by the office's deadline rule" \
           in out
    assert main(["export", "--db", str(db), "-o", str(tmp_path / "out.xlsx"), "--as-of", "2023-04-30"]) == 0
    workbook = load_workbook(tmp_path / "out.xlsx", read_only=True)
    proposals = [row for row in workbook["建议"].iter_rows(min_row=2, values_only=True) if row[0]]
    assert len(proposals) == 5
    targets = {row[1]: row[4] for row in workbook["承诺与指标"].iter_rows(min_row=2, values_only=True) if row[1]}
    assert targets == {"2021年底前建成30个智能工厂": "已达成", "2021年新建5G基站1000个": "已达成",
                       "到2022年底累计培育专精特新企业100家": "未达成", "到2025年建成工业互联网平台20个": "进展正常"}


def test_import_ledger_dry_run_names_progress_without_a_promise(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "new.sqlite3"
    assert main(["import-ledger", str(notes_ledger(tmp_path / "notes.xlsx")), "--db", str(db), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 row(s) (5) state 落实情况 or 完成时限 without a promise (承诺事项); with nothing to measure, the " \
           "text is kept in the proposal's notes." in out
    assert "Dry run: 4 row(s) would be imported" in out and not db.exists()


def _refused(capsys: pytest.CaptureFixture[str], db: Path, ledger: Path, *sentence: str) -> str:
    before = _dump_hash(db)
    assert main(["import-ledger", str(ledger), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err, err
    for part in sentence:
        assert part in lines[0], lines[0]
    assert _dump_hash(db) == before
    return lines[0]


def _zip_bytes(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _with_sheet(path: Path, sheet_xml: str) -> Path:
    """The WPS-style ledger with its sheet part replaced."""
    source = zipfile.ZipFile(wps_ledger(path.with_name("base.xlsx")))
    parts = {name: source.read(name).decode("utf-8") for name in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = sheet_xml
    path.write_bytes(_zip_bytes(parts))
    return path


def _set_declared_size(path: Path, member: str, size: int) -> Path:
    """Rewrite a member's uncompressed size in the central directory (what a zip bomb lies about)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46: at + 46 + name_length]) == name:
            struct.pack_into("<I", data, at + 24, size)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def test_import_ledger_damaged_zip(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    whole = wps_ledger(tmp_path / "whole.xlsx").read_bytes()
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(whole[: len(whole) // 2])
    _refused(capsys, demo_db_path, broken, "'broken.xlsx' is damaged", "save it again")


def test_import_ledger_damaged_xml(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _with_sheet(tmp_path / "bad.xlsx", '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                                             'main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>建议')
    _refused(capsys, demo_db_path, bad, "'bad.xlsx' is damaged")


def test_import_ledger_zip_part_marked_encrypted(demo_db_path: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """A part whose encryption flag is set (zipfile would raise RuntimeError asking for a password)."""
    data = bytearray(wps_ledger(tmp_path / "base.xlsx").read_bytes())
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            struct.pack_into("<H", data, at + flag_at, struct.unpack_from("<H", data, at + flag_at)[0] | 1)
            at = data.find(signature, at + 4)
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(bytes(data))
    _refused(capsys, demo_db_path, locked, "'locked.xlsx' is protected by a password", "remove the password")


def test_import_ledger_password_protected_workbook(demo_db_path: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """What Excel and WPS write for a workbook with a password: a compound file holding an EncryptedPackage."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    directory = "EncryptedPackage".encode("utf-16-le") + bytes(128 - 32)
    locked = tmp_path / "台账（加密）.xlsx"
    locked.write_bytes(header + directory + bytes(4096))
    _refused(capsys, demo_db_path, locked, "'台账（加密）.xlsx' is protected by a password")


def test_import_ledger_part_larger_than_declared(demo_db_path: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    lying = _set_declared_size(wps_ledger(tmp_path / "lying.xlsx"), "xl/worksheets/sheet1.xml", 100)
    _refused(capsys, demo_db_path, lying, "'lying.xlsx' is damaged", "not the size it declares")


def test_import_ledger_zip_bomb_by_declared_size(demo_db_path: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    bomb = _set_declared_size(wps_ledger(tmp_path / "bomb.xlsx"), "xl/worksheets/sheet1.xml", 3 * 1024 ** 3)
    _refused(capsys, demo_db_path, bomb, "'bomb.xlsx' is too large to be a ledger: its parts unpack to",
             "more than the limit of 1024 MB")


def test_import_ledger_a_million_rows_is_refused_before_reading(demo_db_path: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """A sheet that names row 1 000 000 would take gigabytes once read: refused from its XML, with the limit."""
    main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>建议编号</t></is></c></row>' \
           '<row r="1000000"><c r="A1000000"><v>1</v></c></row>'
    huge = _with_sheet(tmp_path / "huge.xlsx",
                       f'<worksheet xmlns="{main_ns}"><sheetData>{rows}</sheetData></worksheet>')
    _refused(capsys, demo_db_path, huge, "sheet '建议台账' has 1 000 000 rows, more than the limit of 200 000 rows")


def test_import_ledger_shared_strings_bomb(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Counted while streamed: the limit is lowered here so that the file stays small."""
    from desktop.core.ledger_import import limits

    monkeypatch.setattr(limits, "LIMITS", limits.ReadLimits(shared_strings=1000))
    strings = "<sst>" + "<si><t>x</t></si>" * 5000 + "</sst>"
    source = zipfile.ZipFile(wps_ledger(tmp_path / "base.xlsx"))
    parts = {name: source.read(name).decode("utf-8") for name in source.namelist()}
    parts["xl/sharedStrings.xml"] = strings
    path = tmp_path / "strings.xlsx"
    path.write_bytes(_zip_bytes(parts))
    _refused(capsys, demo_db_path, path, "its shared-strings table has", "more than the limit of 1 000 strings")


def test_import_ledger_a_folder(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ledgers.xlsx"
    folder.mkdir()
    _refused(capsys, demo_db_path, folder, "is a folder, not a ledger file")


@pytest.mark.parametrize(("value", "sentence"), [
    ("9" * 400, "is too large for an amount"),
    ("Infinity", "'Infinity' is not a number"),
    ("1e400", "is too large for an amount"),
])
def test_import_ledger_numbers_too_large(demo_store: Store, demo_db_path: Path, tmp_path: Path, value: str,
                                         sentence: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Our own workbook with a target value no office promises: the row is named, nothing is written."""
    path = export_ledger(demo_store, tmp_path / "demo.xlsx").path
    workbook = load_workbook(path)
    sheet = workbook["承诺与指标"]
    column = next(cell.column for cell in sheet[1] if cell.value == "目标值")
    sheet.cell(2, column).value = value
    workbook.save(path)
    before = _dump_hash(demo_db_path)
    assert main(["import-ledger", str(path), "--db", str(demo_db_path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Sheet '承诺与指标', row 2, column '目标值': " in err and sentence in err
    assert err.strip().splitlines()[-1].startswith("error: 1 row(s) of 'demo.xlsx' cannot be imported")
    assert _dump_hash(demo_db_path) == before


def test_import_ledger_promise_with_a_400_digit_figure(db_path: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    wb = Workbook()
    wb.active.append(["常州市十六届人大五次会议建议办理台账"])
    wb.active.append(["建议编号", "建议标题", "主办单位", "承诺事项"])
    wb.active.append(["第1号", "关于某事的建议", "常州市工业和信息化局", "2021年新建基站" + "9" * 400 + "个"])
    wb.save(tmp_path / "digits.xlsx")
    before = _dump_hash(db_path)
    assert main(["import-ledger", str(tmp_path / "digits.xlsx"), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert "row 3, column '承诺事项'" in err and "is too large for an amount" in err and "Traceback" not in err
    assert _dump_hash(db_path) == before


def test_import_ledger_long_header_cells(demo_db_path: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A workbook of long distinct cells where headers are looked for: no header, said at once."""
    wb = Workbook()
    for row in range(20):
        wb.active.append([f"{row}-{column}-" + "建议标题编号" * 400 for column in range(40)])
    wb.save(tmp_path / "long.xlsx")
    _refused(capsys, demo_db_path, tmp_path / "long.xlsx", "No header row was found in sheet 'Sheet'")
