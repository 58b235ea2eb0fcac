"""Readers: one letter, article or bulletin file in, clean text with paragraph breaks and metadata out.

Formats: plain text (UTF-8, UTF-16 with a byte-order mark, GBK/GB18030), Markdown with or without YAML front
matter, HTML pages and fragments (front matter followed by ``<p>`` paragraphs, as news seeds are stored), Word
.docx and PDF files with a text layer. A file that cannot give text (empty, undecodable, corrupt, a scanned PDF
without a text layer, an unsupported format) raises one :class:`~desktop.core.errors.LedgerError` naming it.

The text keeps the words of the original verbatim: only markup is removed, line ends are made ``\\n``,
paragraphs are separated by a blank line, and a first line ``# source: URL`` (as crawled letters carry) becomes
the ``url`` metadata. Quotes taken from :attr:`Document.text` are therefore substrings of the original file
apart from white space.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import html
import io
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from desktop.core.errors import LedgerError, ValidationError, printable
from desktop.core.validation import parse_date

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".htm", ".html", ".xhtml", ""}
DOCX_SUFFIXES = {".docx", ".docm"}
PDF_SUFFIXES = {".pdf"}
# Limits, checked before anything is read whole: letters and articles are small, so anything far bigger is the
# wrong file or a hostile one (a small .docx can unpack to gigabytes of XML; extraction reads ~100 000
# characters a second).
MAX_BYTES = 64 * 1024 * 1024  # any file, as stored (a PDF or .docx may carry images)
MAX_TEXT_FILE_BYTES = 16 * 1024 * 1024  # .txt, .md and .html files
MAX_TEXT_CHARS = 500_000  # text of any document, ~250 pages: longer would take minutes to extract
MAX_DOCX_XML_BYTES = 32 * 1024 * 1024  # each XML part of a .docx, unpacked (declared sizes, which zipfile enforces)
MAX_DOCX_TOTAL_BYTES = 256 * 1024 * 1024  # all parts of a .docx unpacked (python-docx loads every one)
MAX_PDF_PAGES = 2_000


@dataclass
class Document:
    """The text of one file and the metadata found in it.

    ``text`` has paragraphs separated by blank lines. ``date`` is the document's own date from its metadata
    (front matter, a 时间/日期 line near the top); a reply letter's date (落款) is found by the header parser.
    ``content`` is the original bytes and ``sha256`` their hash.
    """

    path: Path
    text: str
    format: str
    content: bytes = field(repr=False, default=b"")
    sha256: str = ""
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    publisher: str | None = None
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def file_name(self) -> str:
        """The file's name as shown and stored: control characters (a newline, ESC) escaped."""
        return printable(self.path.name)


def _error(path: Path, message: str, code: str) -> LedgerError:
    return LedgerError(message, code=code, file=str(path))


def read_document(path: str | Path) -> Document:
    """Read a letter, article or bulletin file.

    Raises:
        LedgerError: the file is missing, empty, undecodable, corrupt, a PDF without text, or of a format
            that is not supported; the sentence names the file and says what to do.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        limit = MAX_TEXT_FILE_BYTES if path.suffix.lower() in TEXT_SUFFIXES - {""} else MAX_BYTES
        if size > limit:
            raise _too_large(path, size, limit)
        with path.open("rb") as handle:
            content = handle.read(limit + 1)  # the file may have grown since stat()
        if len(content) > limit:
            raise _too_large(path, len(content), limit)
    except FileNotFoundError as error:
        raise _error(path, f"'{path}' does not exist; check the file name.", "file_missing") from error
    except IsADirectoryError as error:
        raise _error(path, f"'{path}' is a folder; give the letter files inside it.", "file_is_folder") from error
    except OSError as error:
        raise _error(path, f"'{path}' cannot be read ({error.strerror}); check that it is not locked or "
                     "moved.", "file_unreadable") from error
    return read_bytes(content, path)


def _too_large(path: Path, size: int, limit: int) -> LedgerError:
    return LedgerError(f"'{path}' is {_megabytes(size)}, more than the {_megabytes(limit)} a letter or article "
                       "file may be; import the letter itself, not an archive or a collection.",
                       code="file_too_large", file=str(path), size=size, limit=limit)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size < 10 * 1024 * 1024 else f"{size // (1024 * 1024)} MB"


def _check_text_length(path: Path, length: int) -> None:
    if length > MAX_TEXT_CHARS:
        raise LedgerError(f"'{path}' holds {length:,} characters of text, more than the {MAX_TEXT_CHARS:,} a letter "
                          "or article may hold; import the letter itself, or split the document.",
                          code="text_too_long", file=str(path), length=length, limit=MAX_TEXT_CHARS)


def read_bytes(content: bytes, path: str | Path) -> Document:
    """Read a file's bytes; ``path`` names it in messages and picks the format by its suffix (and content).

    Raises:
        LedgerError: see :func:`read_document`; also when the file or its text is larger than the limits above.
    """
    path = Path(path)
    if not content.strip():
        raise _error(path, f"'{path}' is empty; choose the file that holds the letter text.", "file_empty")
    suffix = path.suffix.lower()
    if len(content) > MAX_BYTES:
        raise _too_large(path, len(content), MAX_BYTES)
    if content.startswith(b"PK\x03\x04") or suffix in DOCX_SUFFIXES:
        document = _read_docx(content, path)
    elif content.lstrip().startswith(b"%PDF") or suffix in PDF_SUFFIXES:
        document = _read_pdf(content, path)
    elif content.startswith(b"\xd0\xcf\x11\xe0") or suffix in (".doc", ".wps", ".rtf", ".xls", ".xlsx"):
        raise _error(path, f"'{path}' is not a format the ledger reads; save it as .docx, .pdf or .txt and "
                     "import that.", "format_unsupported")
    else:
        if len(content) > MAX_TEXT_FILE_BYTES:
            raise _too_large(path, len(content), MAX_TEXT_FILE_BYTES)
        document = _read_text_file(content, path)
    _check_text_length(path, len(document.text))
    document.content = content
    document.sha256 = hashlib.sha256(content).hexdigest()
    document.text = _tidy(document.text)
    if not document.text.strip():
        raise _error(path, f"'{path}' holds no text; choose the file that holds the letter text.", "file_empty")
    if document.date is None:
        document.date = _date_near_top(document.text)
    return document


# ----------------------------------------------------------------------------------------------- plain text
def decode_text(content: bytes, path: Path) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030; anything else is an error."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if content.startswith(bom):
            try:
                return content.decode(codec)
            except UnicodeDecodeError:
                break
    if b"\x00" not in content:
        try:
            return content.decode("utf-8")
        except UnicodeDecodeError:
            pass
        try:
            text = content.decode("gb18030")
        except UnicodeDecodeError:
            text = None
        if text is not None and _plausible(text):
            return text
    raise _error(path, f"'{path}' is not text in a known encoding (UTF-8 or GBK/GB18030); open it and save it "
                 "as UTF-8 text.", "encoding_unknown")


def _plausible(text: str) -> bool:
    """Text decoded from GB18030 looks like Chinese or ASCII, not like binary noise."""
    if not text:
        return False
    odd = sum(1 for ch in text if (unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn") and ch not in "\r\n\t\f")
              or "\u0080" <= ch <= "\u009f")
    common = sum(1 for ch in text if ch.isascii() or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
                 or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·")
    return odd == 0 and common >= 0.9 * len(text)


_SOURCE_LINE = re.compile(r"^\ufeff?\s*#\s*source\s*[:：]\s*(\S+)\s*\n", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"^\ufeff?---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_HTML_HINT = re.compile(r"<(p|div|br|span|table|h[1-6]|body|html|li)\b[^>]*>", re.IGNORECASE)
_MARKDOWN_HINT = re.compile(r"^#{1,6}\s+\S|\*\*[^*\n]+\*\*|^\s*[-*]\s+\S|^\s*\d+\.\s+\S|\[[^\]\n]+\]\([^)\s]+\)",
                            re.MULTILINE)


def _read_text_file(content: bytes, path: Path) -> Document:
    text = decode_text(content, path).replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, str] = {}
    source = _SOURCE_LINE.match(text)
    if source:
        meta["source"] = source.group(1)
        text = text[source.end():]
    front = _FRONT_MATTER.match(text)
    if front:
        meta.update(_front_matter(front.group(1)))
        text = text[front.end():]
    suffix = path.suffix.lower()
    if suffix in (".htm", ".html", ".xhtml") or len(_HTML_HINT.findall(text)) >= 2:
        body, html_meta = html_to_text(text)
        for key, value in html_meta.items():
            meta.setdefault(key, value)
        fmt = "html"
    elif suffix in (".md", ".markdown") or len(_MARKDOWN_HINT.findall(text)) >= 2:
        body, heading = markdown_to_text(text)
        if heading:
            meta.setdefault("heading", heading)
        fmt = "markdown"
    else:
        body, fmt = text, "text"
    document = Document(path=path, text=body, format=fmt, meta=meta)
    _apply_meta(document, meta)
    return document


def _front_matter(block: str) -> dict[str, str]:
    """The simple ``key: value`` lines of YAML front matter (quotes removed); nested values are skipped."""
    meta: dict[str, str] = {}
    for line in block.splitlines():
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$", line)
        if match and match.group(2):
            value = match.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            meta[match.group(1).lower()] = value
    return meta


def _apply_meta(document: Document, meta: dict[str, str]) -> None:
    document.title = meta.get("title") or meta.get("heading") or None
    for key in ("source_url", "url", "link", "source", "permalink", "og:url"):
        value = meta.get(key, "")
        if re.match(r"^https?://", value):
            document.url = value
            break
    for key in ("publisher", "author", "source_name", "og:site_name"):
        if meta.get(key):
            document.publisher = meta[key]
            break
    for key in ("date", "published", "pubdate", "article:published_time"):
        if meta.get(key):
            document.date = _meta_date(meta[key])
            if document.date:
                break
    if document.publisher is None:
        match = re.search(r"[（(]?\s*(?:文章)?来源\s*[:：]\s*([\u4e00-\u9fffA-Za-z]{2,20})\s*[)）]?", document.text)
        if match:
            document.publisher = match.group(1)


def _meta_date(value: str) -> dt.date | None:
    match = re.match(r"\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)", value)
    if not match:
        return None
    try:
        return parse_date(match.group(1))
    except ValidationError:
        return None


_TOP_DATE = re.compile(r"^\s*(?:发布)?(?:时间|日期|发布日期|发文日期|成文日期)\s*[:：]\s*"
                       r"(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)", re.MULTILINE)


def _date_near_top(text: str) -> dt.date | None:
    match = _TOP_DATE.search(text[:600])
    return _meta_date(match.group(1)) if match else None


# ----------------------------------------------------------------------------------------------- Markdown
def markdown_to_text(text: str) -> tuple[str, str | None]:
    """Markdown to plain text: heading marks, emphasis, rules, images and link targets go; words stay.

    Returns the text and the first heading (a title candidate).
    """
    heading = None
    lines = []
    for line in text.split("\n"):
        match = re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
        if match:
            line = match.group(1)
            if heading is None and line.strip():
                heading = _strip_inline_markdown(line).strip()
        elif re.match(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$", line):
            line = ""
        elif re.match(r"^\s{0,3}>\s?", line):
            line = re.sub(r"^\s{0,3}>\s?", "", line)
        lines.append(_strip_inline_markdown(line))
    return "\n".join(lines), heading


def _strip_inline_markdown(line: str) -> str:
    line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)
    line = re.sub(r"\[([^\]]+)\]\((?:[^)\s]+)(?:\s+\"[^\"]*\")?\)", r"\1", line)
    line = re.sub(r"<(https?://[^>\s]+)>", r"\1", line)
    line = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", line)
    line = line.replace("**", "")
    return line


# ----------------------------------------------------------------------------------------------- HTML
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
               "blockquote", "pre", "ul", "ol", "header", "footer", "dd", "dt", "hr"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "nav"}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self._skip = 0
        self._in_title = False
        self._title: list[str] = []
        self._cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        if tag == "title":
            self._in_title = True
        elif tag == "meta":
            values = dict(attrs)
            key = (values.get("name") or values.get("property") or "").lower()
            if key and values.get("content"):
                self.meta.setdefault(key, values["content"] or "")
        elif tag in ("td", "th"):
            if self._cell:
                self.parts.append(" | ")
            self._cell = True
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
            if tag == "tr":
                self._cell = False

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        if tag == "title":
            self._in_title = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
            return
        if self._skip:
            return
        self.parts.append(data)

    @property
    def title(self) -> str:
        return re.sub(r"\s+", " ", "".join(self._title)).strip()


def html_to_text(text: str) -> tuple[str, dict[str, str]]:
    """HTML to plain text: block elements become paragraphs, table cells are joined with ' | '."""
    collector = _TextCollector()
    collector.feed(text)
    collector.close()
    body = "".join(collector.parts)
    # Paragraph text of a fragment is often indented; the indentation is layout, not words.
    body = "\n".join(line.strip() for line in body.split("\n"))
    meta = dict(collector.meta)
    if collector.title:
        meta.setdefault("title", collector.title)
    return html.unescape(body) if "&" in body else body, meta


# ----------------------------------------------------------------------------------------------- .docx
def _read_docx(content: bytes, path: Path) -> Document:
    import zipfile

    from docx import Document as open_docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    damaged = _error(path, f"'{path}' is not a readable Word .docx file (it may be damaged or another format); "
                     "open it in Word or WPS and save it again as .docx.", "docx_corrupt")
    try:
        _check_docx_sizes(content, path)
        word = open_docx(io.BytesIO(content))
        body = word.element.body
        props = word.core_properties
        title, author = props.title, props.author
    except LedgerError:
        raise
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError, etree.LxmlError) as error:
        raise damaged from error
    except Exception as error:  # python-docx on a broken part (AttributeError, TypeError...): the file's fault
        logger.info("python-docx could not read %s", path, exc_info=True)
        raise damaged from error
    if body is None:
        raise damaged
    paragraphs: list[str] = []
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraphs.append("".join(node.text or "" for node in child.iter() if node.tag.endswith("}t")
                                      or node.tag.endswith("}tab")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row.iterchildren():
                        if cell.tag.endswith("}tc"):
                            cells.append("".join(node.text or "" for node in cell.iter() if node.tag.endswith("}t")))
                    paragraphs.append(" | ".join(c.strip() for c in cells))
    document = Document(path=path, text="\n\n".join(paragraphs), format="docx")
    meta: dict[str, str] = {}
    if title:
        meta["title"] = title
    if author:
        meta["author"] = author
    _apply_meta(document, meta)
    document.meta = meta
    return document


def _check_docx_sizes(content: bytes, path: Path) -> None:
    """Refuse a .docx whose parts unpack to more than a letter could hold, before anything is unpacked.

    The sizes the archive declares are what zipfile lets each part unpack to (it stops there and fails the
    checksum), so they are safe to trust for this.
    """
    import zipfile

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        parts = archive.infolist()
    total = sum(part.file_size for part in parts)
    largest_xml = max((part.file_size for part in parts if part.filename.lower().endswith((".xml", ".rels"))),
                      default=0)
    if largest_xml > MAX_DOCX_XML_BYTES or total > MAX_DOCX_TOTAL_BYTES:
        unpacked = max(total, largest_xml)
        raise LedgerError(f"'{path}' unpacks to {_megabytes(unpacked)}, far more than a letter holds (the limit is "
                          f"{_megabytes(MAX_DOCX_XML_BYTES)} of text); it is damaged or not a letter.",
                          code="docx_too_large", file=str(path), size=unpacked, limit=MAX_DOCX_XML_BYTES)


# ----------------------------------------------------------------------------------------------- PDF
def _read_pdf(content: bytes, path: Path) -> Document:
    from pypdf import PdfReader

    # pypdf logs every repaired defect of real-world files as a warning, and some (a font encoding it does not
    # know) as errors; they are not the user's business: a file it cannot read raises, and is said so below.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _error(path, f"'{path}' is a password-protected PDF; save an unprotected copy and import that.",
                         "pdf_encrypted")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise LedgerError(f"'{path}' has {len(reader.pages):,} pages, more than the {MAX_PDF_PAGES:,} a letter or "
                              "article may have; import the letter itself.", code="pdf_too_many_pages",
                              file=str(path), pages=len(reader.pages), limit=MAX_PDF_PAGES)
        pages: list[str] = []
        length = 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            length += len(pages[-1])
            _check_text_length(path, length)  # stop early: extracting a huge PDF whole takes minutes
        info = reader.metadata or {}
    except LedgerError:
        raise
    except Exception as error:  # pypdf on a damaged file: many kinds, LimitReachedError among them
        logger.info("pypdf could not read %s", path, exc_info=True)
        raise _error(path, f"'{path}' is not a readable PDF (it may be damaged); open it and save or print "
                     "it again as PDF.", "pdf_corrupt") from error
    text = "\n\n".join(_join_pdf_lines(page) for page in pages)
    if not text.strip():
        raise _error(path, f"'{path}' has no text layer (it is probably a scan); run OCR on it or import the "
                     "letter as .docx or .txt.", "pdf_no_text")
    document = Document(path=path, text=text, format="pdf")
    meta = {}
    title = info.get("/Title") if hasattr(info, "get") else None
    if title and str(title).strip():
        meta["title"] = str(title).strip()
    _apply_meta(document, meta)
    document.meta = meta
    return document


_SENTENCE_END = "。！？!?：:；;”」』)）"


def _join_pdf_lines(page: str) -> str:
    """Undo the hard line wraps of PDF text: a full line that does not end a sentence continues on the next."""
    lines = [line.rstrip() for line in page.replace("\r", "").split("\n")]
    long_lengths = sorted(len(line.strip()) for line in lines if len(line.strip()) >= 10)
    full = long_lengths[len(long_lengths) * 3 // 4] if long_lengths else 0
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            out.append("")
            continue
        if out and out[-1] and full and len(out[-1].strip()) >= full * 0.85 and out[-1][-1] not in _SENTENCE_END:
            out[-1] = out[-1] + stripped
        else:
            out.append(stripped)
    return "\n\n".join(p for p in out if p)


# ----------------------------------------------------------------------------------------------- tidy
def _tidy(text: str) -> str:
    """Uniform line ends, no trailing blanks, at most one empty line between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"
