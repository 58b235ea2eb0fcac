"""Hostile and unlucky input: each case is one sentence on stderr, exit status 2, and an unchanged database.

Full disks and read-only files are made for real in a private mount namespace (tests/safety/sandbox.py).
"""

from __future__ import annotations

import io
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from db import Store
from desktop.__main__ import main
from desktop.core.records import SourceDocument
from tests.dbfiles import dump_hash
from tests.documents import _pdf, docx_file
from tests.letters import SMALL_LETTER, write_small_letter
from tests.safety.sandbox import cli, run_sandboxed

# About the SQLite file itself (its bytes, locks, disk, backups); a server ledger is the server's to keep safe.
pytestmark = pytest.mark.sqlite_only


def _refused(capsys: pytest.CaptureFixture[str], args: list[str], db: Path, *words: str) -> str:
    """Run the command; it must exit 2 with one sentence naming the problem and leave the database as it was."""
    before = dump_hash(db)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    for word in words:
        assert word in err, err
    assert "Traceback" not in err
    assert dump_hash(db) == before
    return err


# ----------------------------------------------------------------------------------------------- letters
def test_a_number_too_large_to_be_real(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letter = tmp_path / "huge.txt"
    letter.write_text(SMALL_LETTER.replace("1500个", "9" * 400 + "个"), encoding="utf-8")
    _refused(capsys, ["import", str(letter), "--db", str(demo_db_path)], demo_db_path, "is too large for an amount")


def test_a_docx_with_a_broken_part(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = docx_file(tmp_path / "good.docx", ["答复", "2022年新建公共充电桩1500个。"])
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":  # a document without its body
                data = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                        b'wordprocessingml/2006/main"/>')
            target.writestr(item, data)
    _refused(capsys, ["import", str(broken), "--db", str(demo_db_path)], demo_db_path,
             "is not a readable Word .docx file", str(broken))


def test_a_docx_that_unpacks_to_gigabytes_is_refused_unread(demo_db_path: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    good = docx_file(tmp_path / "good.docx", ["答复"])
    bomb = tmp_path / "bomb.docx"
    paragraph = b"<w:p><w:r><w:t>" + "重复的段落".encode() * 20 + b"</w:t></w:r></w:p>"
    body = paragraph * (40 * 1024 * 1024 // len(paragraph))  # 40 MB of XML, a few hundred KB packed
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + body, 1)
            target.writestr(item.filename, data)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    _refused(capsys, ["import", str(bomb), "--db", str(demo_db_path)], demo_db_path, "unpacks to", "the limit is 32 MB")


def test_a_text_file_too_large_to_be_a_letter(demo_db_path: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as out:
        out.truncate(63 * 1024 * 1024)  # just under the old limit, which took a quarter of an hour to extract
    _refused(capsys, ["import", str(huge), "--db", str(demo_db_path)], demo_db_path, "63 MB", "16 MB")


def test_a_text_too_long_to_be_a_letter(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    long = tmp_path / "long.txt"
    long.write_text(SMALL_LETTER * 3000, encoding="utf-8")  # 591 000 characters, 1.7 MB
    _refused(capsys, ["import", str(long), "--db", str(demo_db_path)], demo_db_path, "characters of text",
             "500,000")


def test_a_pdf_that_refers_to_itself(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "loop.pdf"
    pdf.write_bytes(_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"2 0 R"]))
    _refused(capsys, ["import", str(pdf), "--db", str(demo_db_path)], demo_db_path, "is not a readable PDF")


def test_control_characters_in_a_file_name_are_printed_and_stored_escaped(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letter = write_small_letter(tmp_path, "reply\n\x1b[31mred\r.txt")
    assert main(["import", str(letter), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out and out.count("\n") == 1
    assert "reply\\n\\x1b[31mred\\r.txt" in out
    with Store.open(db_path) as store:
        assert [s.file_name for s in store.list(SourceDocument)] == ["reply\\n\\x1b[31mred\\r.txt"]
    missing = tmp_path / "no\nsuch\x1b.txt"
    assert main(["import", str(missing), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no\\nsuch\\x1b.txt" in err


def test_a_search_of_a_thousand_short_words(demo_store: Store) -> None:
    from db.lists import ListFilter, list_keys

    words = " ".join(f"{chr(0x4e00 + i)}{chr(0x4e00 + i + 1)}" for i in range(0, 2000, 2))
    with pytest.raises(Exception) as refused:
        demo_store.search(words)
    assert getattr(refused.value, "code", None) == "search_too_long"
    assert "1000 different words" in str(refused.value)
    with pytest.raises(Exception) as refused:
        list_keys(demo_store, "commitments", ListFilter(text=words))
    assert getattr(refused.value, "code", None) == "search_too_long"
    assert demo_store.search(" ".join(["基站"] * 1000))  # the same word a thousand times is one word


# ----------------------------------------------------------------------------------------------- disks and files
def test_a_read_only_database_file(demo_db_path: Path, tmp_path: Path) -> None:
    letter = write_small_letter(tmp_path)
    before = dump_hash(demo_db_path)
    result = run_sandboxed({"mounts": [{"kind": "ro", "target": demo_db_path}],
                            "run": cli("import", str(letter), "--db", str(demo_db_path)),
                            "then": [cli("verify", "--db", str(demo_db_path))], "dump": [demo_db_path]})
    assert result["code"] == 2, result
    assert result["stderr"] == (f"error: The database '{demo_db_path}' is read-only; make it writable or copy it to a "
                                "folder you can write to (verify and backup can read it as it is).\n")
    assert result["dumps"][str(demo_db_path)] == before
    assert result["then"][0]["code"] == 0, result["then"]  # it can still be checked


def test_a_read_only_folder(demo_db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "ledger.sqlite3"
    shutil.copyfile(demo_db_path, db)
    letter = write_small_letter(tmp_path)
    before = dump_hash(db)
    result = run_sandboxed({"mounts": [{"kind": "ro", "target": folder}],
                            "run": cli("import", str(letter), "--db", str(db)),
                            "then": [cli("verify", "--db", str(db)), cli("backup", "--db", str(db), "-o",
                                                                          str(tmp_path / "copy.sqlite3"))],
                            "dump": [db], "list": [folder]})
    assert result["code"] == 2, result
    assert result["stderr"].startswith(f"error: The folder of the database '{db}' is read-only")
    assert result["stderr"].count("\n") == 1
    assert result["dumps"][str(db)] == before and result["listing"][str(folder)] == ["ledger.sqlite3"]
    assert [t["code"] for t in result["then"]] == [0, 0], result["then"]


def _letters(folder: Path, count: int) -> list[Path]:
    paths = []
    for number in range(count):
        text = SMALL_LETTER.replace("第12号", f"第{100 + number}号").replace("第045号", f"第{200 + number}号")
        path = folder / f"letter_{number:02d}.txt"
        path.write_text(text + "补充说明。" * (number * 50), encoding="utf-8")
        paths.append(path)
    return paths


def test_a_full_disk_during_a_letter_import_says_what_was_imported(demo_db_path: Path, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    db = disk / "ledger.sqlite3"
    letters = _letters(tmp_path, 15)
    result = run_sandboxed({"mounts": [{"kind": "tmpfs", "target": disk, "size": "2m"}],
                            "copy": [(demo_db_path, db)], "fill": {"folder": disk, "leave": 600 * 1024},
                            "run": cli("import", *map(str, letters), "--db", str(db)),
                            "then": [cli("verify", "--db", str(db))], "dump": [db]})
    assert result["code"] == 2, result
    lines = result["stderr"].splitlines()
    imported = result["stdout"].count("\n")
    assert 0 < imported < 15, result
    assert lines[-2] == (f"{imported} of 15 file(s) were imported before this error; '{letters[imported]}' and the "
                         "files after it were not.")
    assert lines[-1].startswith("error: ") and "full" in lines[-1] and len(lines) == 2
    assert result["then"][0]["code"] == 0, result["then"]  # what was committed is whole


def test_a_backup_onto_a_full_disk_leaves_nothing(demo_db_path: Path, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    before = dump_hash(demo_db_path)
    result = run_sandboxed({"mounts": [{"kind": "tmpfs", "target": disk, "size": "1m"}],
                            "fill": {"folder": disk, "leave": 64 * 1024},
                            "run": cli("backup", "--db", str(demo_db_path), "-o", str(disk / "copy.sqlite3")),
                            "list": [disk], "dump": [demo_db_path]})
    assert result["code"] == 2, result
    assert result["stderr"] == (f"error: There is no room to write the backup '{disk / 'copy.sqlite3'}' (the disk is "
                                "full); nothing was written. Free some space and try again.\n")
    assert result["listing"][str(disk)] == ["filler"]
    assert result["dumps"][str(demo_db_path)] == before


def test_an_export_onto_a_full_disk_leaves_nothing(demo_db_path: Path, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    result = run_sandboxed({"mounts": [{"kind": "tmpfs", "target": disk, "size": "1m"}],
                            "fill": {"folder": disk, "leave": 16 * 1024},
                            "run": cli("export", "--db", str(demo_db_path), "-o", str(disk / "audit.xlsx")),
                            "list": [disk]})
    assert result["code"] == 2, result
    assert result["stderr"].startswith("error: ") and result["stderr"].count("\n") == 1
    assert "audit.xlsx" in result["stderr"] and ("room" in result["stderr"] or "disk" in result["stderr"])
    assert result["listing"][str(disk)] == ["filler"]


def test_a_database_locked_by_another_program_is_busy_not_broken(demo_db_path: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REPLY_LEDGER_BUSY_SECONDS", "0.5")
    with Store.open(demo_db_path):
        pass  # WAL mode, as a ledger in use is
    holder = sqlite3.connect(demo_db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        before = dump_hash(demo_db_path)
        assert main(["remind", "--db", str(demo_db_path)]) == 2
        err = capsys.readouterr().err
        assert err.splitlines()[-1].startswith("error: The ledger") and "is busy" in err
        assert dump_hash(demo_db_path) == before
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_an_unreadable_anchor_is_one_sentence(demo_db_path: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "audit.xlsx"
    broken.write_bytes(b"PK\x03\x04" + io.BytesIO(b"garbage").read())
    _refused(capsys, ["verify", "--db", str(demo_db_path), "--anchor", str(broken)], demo_db_path,
             "is not a readable workbook")
