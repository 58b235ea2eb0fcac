from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from desktop.core.errors import LedgerError
from desktop.core.extraction import read_document
from tests.documents import docx_file, pdf_with_image_only, pdf_with_text

LETTER = "魏农代表：\n\n2021年完成5G建设投资15亿元，累计开通基站数超1万个。\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_read_plain_text_keeps_words_and_takes_the_source_line_as_url(tmp_path: Path) -> None:
    path = _write(tmp_path, "letter.txt", ("# source: http://example.gov.cn/a.html\r\n" + LETTER).encode())
    document = read_document(path)
    assert document.url == "http://example.gov.cn/a.html"
    assert document.text == LETTER
    assert document.format == "text"
    assert len(document.sha256) == 64 and document.content == path.read_bytes()


def test_read_gbk_file_is_detected_and_decoded(tmp_path: Path) -> None:
    path = _write(tmp_path, "gbk.txt", LETTER.encode("gbk"))
    assert read_document(path).text == LETTER


def test_read_gb18030_and_utf16_files(tmp_path: Path) -> None:
    assert read_document(_write(tmp_path, "a.txt", ("𠀀" + LETTER).encode("gb18030"))).text.startswith("𠀀魏农")
    assert read_document(_write(tmp_path, "b.txt", LETTER.encode("utf-16"))).text == LETTER


def test_read_markdown_with_front_matter(tmp_path: Path) -> None:
    text = ("---\ntitle: \"常州发展数字经济\"\ndate: 2022-03-03 08:13:24 +0800\npublisher: 常州日报\n---\n"
            "# 标题\n\n**一、强网络。**目前全市已开通5G基站近7000个。\n\n---\n")
    document = read_document(_write(tmp_path, "news.md", text.encode()))
    assert document.title == "常州发展数字经济"
    assert document.date == dt.date(2022, 3, 3)
    assert document.publisher == "常州日报"
    assert document.text == "标题\n\n一、强网络。目前全市已开通5G基站近7000个。\n"


def test_read_markdown_without_front_matter_takes_the_heading_as_title(tmp_path: Path) -> None:
    document = read_document(_write(tmp_path, "r.md", "# 关于某某的答复\n\n正文 [链接](http://x.cn)。\n".encode()))
    assert document.title == "关于某某的答复"
    assert document.text == "关于某某的答复\n\n正文 链接。\n"


def test_read_html_fragment_under_front_matter(tmp_path: Path) -> None:
    text = ("---\ntitle: \"报道\"\ndate: 2022-02-07\n---\n<p>目前，我市已开通5G基站11080个。</p>\n"
            " <p>5G个人用户达150万&amp;以上。</p><p class=\"em_media\">（文章来源：常州日报）</p>\n")
    document = read_document(_write(tmp_path, "news.txt", text.encode()))
    assert document.format == "html"
    assert document.title == "报道" and document.date == dt.date(2022, 2, 7)
    assert document.publisher == "常州日报"
    assert document.text == "目前，我市已开通5G基站11080个。\n\n5G个人用户达150万&以上。\n\n（文章来源：常州日报）\n"


def test_read_html_page_uses_title_and_skips_scripts(tmp_path: Path) -> None:
    page = ("<html><head><title>答复函</title><script>var a = 1;</script></head><body><div>第一段</div>"
            "<table><tr><td>指标</td><td>数值</td></tr></table></body></html>")
    document = read_document(_write(tmp_path, "page.html", page.encode()))
    assert document.title == "答复函"
    assert document.text == "第一段\n\n指标 | 数值\n"


def test_read_docx_paragraphs_and_table(tmp_path: Path) -> None:
    path = docx_file(tmp_path / "letter.docx", ["魏农代表：", "2021年完成5G建设投资15亿元。"],
                     table=[["指标", "目标"], ["基站", "1万个"]], title="关于第021号建议的答复")
    document = read_document(path)
    assert document.format == "docx"
    assert document.title == "关于第021号建议的答复"
    assert document.text == "魏农代表：\n\n2021年完成5G建设投资15亿元。\n\n指标 | 目标\n\n基站 | 1万个\n"


def test_read_pdf_text_layer(tmp_path: Path) -> None:
    path = _write(tmp_path, "letter.pdf", pdf_with_text(["魏农代表：", "2021年完成5G建设投资15亿元。"]))
    document = read_document(path)
    assert document.format == "pdf"
    assert document.text == "魏农代表：\n\n2021年完成5G建设投资15亿元。\n"


@pytest.mark.parametrize(("name", "data", "code"), [
    ("empty.txt", b"", "file_empty"),
    ("blank.txt", b" \n\r\n\t ", "file_empty"),
    ("binary.txt", bytes(range(256)) * 8, "encoding_unknown"),
    ("latin.txt", "Caf\u00e9 \u00e0 la cr\u00e8me, na\u00efve \u00fcber".encode("cp1252"), "encoding_unknown"),
    ("broken.docx", b"PK\x03\x04 this is not really a zip archive", "docx_corrupt"),
    ("scan.pdf", pdf_with_image_only(), "pdf_no_text"),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", "pdf_corrupt"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "format_unsupported"),
])
def test_bad_files_give_one_clear_error_naming_the_file(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(LedgerError) as caught:
        read_document(path)
    assert caught.value.code == code
    assert str(path) in caught.value.message
    assert caught.value.message.count(". ") == 0 and caught.value.message.endswith(".")


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not word")
    with pytest.raises(LedgerError) as caught:
        read_document(path)
    assert caught.value.code == "docx_corrupt"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LedgerError) as caught:
        read_document(tmp_path / "nowhere.txt")
    assert caught.value.code == "file_missing"


# ----------------------------------------------------------------------------------------------- hostile files
def test_a_pdf_declaring_a_huge_cross_reference_table_is_damaged_not_a_crash(tmp_path: Path) -> None:
    """pypdf stops such a file with its LimitReachedError (not a PdfReadError): still one sentence."""
    import re

    data = re.sub(rb"xref\n0 \d+\n", b"xref\n0 999999999\n", pdf_with_text(["到2021年底建成5G基站1万个。"]))
    with pytest.raises(LedgerError) as caught:
        read_document(_write(tmp_path, "limit.pdf", data))
    assert caught.value.code == "pdf_corrupt"


def test_a_docx_whose_document_has_no_body_is_damaged(tmp_path: Path) -> None:
    good = docx_file(tmp_path / "good.docx", ["答复"])
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
            target.writestr(item, data)
    with pytest.raises(LedgerError) as caught:
        read_document(broken)
    assert caught.value.code == "docx_corrupt"


def test_limits_are_checked_before_reading_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.extraction import readers

    sparse = tmp_path / "big.txt"
    with sparse.open("wb") as out:
        out.truncate(readers.MAX_TEXT_FILE_BYTES + 1)  # nothing to read: the size alone refuses it
    with pytest.raises(LedgerError) as caught:
        read_document(sparse)
    assert caught.value.code == "file_too_large" and "16 MB" in caught.value.message
    monkeypatch.setattr(readers, "MAX_TEXT_CHARS", 100)
    with pytest.raises(LedgerError) as caught:
        read_document(_write(tmp_path, "long.txt", (LETTER * 5).encode()))
    assert caught.value.code == "text_too_long" and "100" in caught.value.message
    monkeypatch.setattr(readers, "MAX_DOCX_XML_BYTES", 1000)
    with pytest.raises(LedgerError) as caught:
        read_document(docx_file(tmp_path / "long.docx", [LETTER] * 20))
    assert caught.value.code == "docx_too_large"


def test_file_names_are_shown_escaped(tmp_path: Path) -> None:
    document = read_document(_write(tmp_path, "a\nb\x1bc.txt", LETTER.encode()))
    assert document.file_name == "a\\nb\\x1bc.txt"
