"""Small real documents for tests: .docx files written with python-docx and PDFs written byte by byte.

pypdf cannot write text, so :func:`pdf_with_text` builds a PDF whose text layer uses a Type0 font with a
ToUnicode map (no glyphs are embedded: text extraction needs only the map, as it does for many real letters).
"""

from __future__ import annotations

import zlib
from pathlib import Path


def docx_file(path: Path, paragraphs: list[str], table: list[list[str]] | None = None,
              title: str | None = None) -> Path:
    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    if title:
        document.core_properties.title = title
    document.save(path)
    return path


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _stream(data: bytes, extra: str = "") -> bytes:
    packed = zlib.compress(data)
    return f"<< /Length {len(packed)} /Filter /FlateDecode {extra}>>\nstream\n".encode() + packed + b"\nendstream"


def pdf_with_text(lines: list[str]) -> bytes:
    """A one-page PDF showing ``lines`` (Chinese included) in a text layer."""
    chars = sorted(set("".join(lines)))
    code = {ch: i + 1 for i, ch in enumerate(chars)}
    content = "BT /F1 12 Tf 40 800 Td 16 TL\n" + "".join(
        "<" + "".join(f"{code[ch]:04X}" for ch in line) + "> Tj T*\n" for line in lines) + "ET"
    mapping = "".join(f"<{code[ch]:04X}> <{ord(ch):04X}>\n" for ch in chars)
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(chars)} beginbfchar\n{mapping}endbfchar\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end")
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        _stream(content.encode("ascii")),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R "
        b"/DW 1000 >>",
        _stream(cmap.encode("ascii")),
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 "
        b"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    ])


def pdf_with_image_only() -> bytes:
    """A one-page PDF holding only a picture, as a scanner makes it: no text layer."""
    pixels = bytes([128]) * (8 * 8)
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        _stream(b"q 500 0 0 700 40 60 cm /Im1 Do Q"),
        _stream(pixels, "/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                "/BitsPerComponent 8 "),
    ])
