"""Publication pre-check: the personal data in a reply's text, and a redacted copy to publish.

Before a reply marked 公开 is published, its text is searched for personal data:

- redacted (replaced by 【已隐去：类别】): mobile numbers (13812345678, 138-1234-5678, +86 139 1234 5678), ID card
  numbers (18 digits with a valid birth date, the last one may be X; the old 15-digit form), bank card numbers
  (16 to 19 digits, grouped or not, that pass the Luhn check or follow 卡号/账号/银行), home addresses (after 家住,
  住址, 居住在...; or a street address down to a flat: 幢/栋/单元/室) and the personal details of private persons
  given as labelled fields (姓名, 户主, 患者, 家属, 当事人, 出生日期, 年龄...) or as a relative's name (配偶王某，).
- listed for the clerk to decide, never changed: office landlines (after 电话/联系电话/传真..., or written with an
  area code such as 0519-85681281) and the handler's name (the 经办人 or 联系人 of the letter). An office's own
  number and its handler are usually published; the clerk confirms.

The redacted copy lists every redaction by kind, line and a masked form (138****5678), never the value itself,
so the list can be published with the text. It is written as .txt or .docx, beside the target and renamed into
place when complete.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import LedgerError

REDACTED_KINDS = {"mobile": "手机号码", "id_card": "身份证号码", "bank_card": "银行卡号", "home_address": "家庭住址",
                  "personal": "个人信息"}
REVIEW_KINDS = {"landline": "办公电话", "handler": "经办人姓名"}
KIND_LABELS = {**REDACTED_KINDS, **REVIEW_KINDS}
FORMATS = (".txt", ".docx")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_DATE = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
_ID18 = re.compile(rf"(?<![0-9A-Za-z])[1-9]\d{{5}}(?:18|19|20)\d{{2}}{_DATE}\d{{3}}[\dXx](?![0-9A-Za-z])")
_ID15 = re.compile(rf"(?<![0-9A-Za-z])[1-9]\d{{5}}\d{{2}}{_DATE}\d{{3}}(?![0-9A-Za-z])")
_BANK = re.compile(r"(?<![\d])(?:\d{4}[ \-]?){3}\d{4,7}(?![\d])")
_BANK_CONTEXT = re.compile(r"(?:卡号|账号|帐号|银行|开户|储蓄卡|信用卡)[^\n]{0,12}$")
_MOBILE = re.compile(r"(?<![\d+])(?:(?:\+|00)86[ \-]?)?1[3-9]\d(?:[ \-]?\d{4}){2}(?![\d])")
_LANDLINE_WITH_AREA = re.compile(r"(?<![\d])[(（]?0\d{2,3}[)）]?[ \-－—]?[2-9]\d{6,7}(?:[-－转]\d{1,5})?(?![\d])")
_LANDLINE_AFTER_LABEL = re.compile(r"(?:电话|联系电话|办公电话|座机|传真|热线|Tel|TEL|tel)[:：\s]*"
                                   r"((?:[(（]?0\d{2,3}[)）]?[ \-－—]?)?[2-9]\d{6,7})(?![\d])")
_HOME_AFTER_LABEL = re.compile(r"(?:家庭住址|家住|住址|现住|居住在|居住于|住在|户籍地|户籍所在地)[:：为是]?\s*"
                               r"([^\s，。；、,;：:（）()]{4,40})")
_FLAT_ADDRESS = re.compile(r"[\u4e00-\u9fa5A-Za-z0-9]{2,24}?(?:路|街|巷|弄|大道|村|小区|花园|苑|新村)"
                           r"[\u4e00-\u9fa5A-Za-z0-9\-]{0,16}?\d+(?:幢|栋|号楼)[\u4e00-\u9fa5\d\-]{0,8}?\d+室")
_PERSONAL_FIELD = re.compile(r"(?P<label>姓名|户主|患者|家属|当事人|申请人|联系人家属|出生日期|出生年月|年龄|病情)"
                             r"[:：]\s*(?P<value>[^\s，。；,;、（）()]{1,20})")
_RELATIVE = re.compile(r"(?:配偶|丈夫|妻子|儿子|女儿|父亲|母亲)(?P<value>[\u4e00-\u9fa5]{2,3})(?=[（(，,、；;。\s])")
_HANDLER_FIELD = re.compile(r"(?:经办人|联系人|承办人)[:：]\s*([\u4e00-\u9fa5·]{2,4})"
                            r"(?=$|[^\u4e00-\u9fa5·]|电话|联系|手机|办公)", re.MULTILINE)


@dataclass(frozen=True)
class PersonalData:
    """One piece of personal data found in a text: what kind, where (character offsets), and whether it is redacted
    or only listed for the clerk to decide."""

    kind: str
    start: int
    end: int
    text: str
    redact: bool
    note: str = ""

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    def line(self, full_text: str) -> int:
        """The 1-based line number of the finding in the text."""
        return full_text.count("\n", 0, self.start) + 1

    @property
    def masked(self) -> str:
        """What the published list shows of a redacted value: 138****5678, 320402**********3X; a listed value whole."""
        if not self.redact:
            return self.text
        digits = re.sub(r"\D", "", self.text) if self.kind != "id_card" else re.sub(r"[^\dXx]", "", self.text)
        if self.kind == "mobile":
            return f"{digits[-11:][:3]}****{digits[-4:]}"
        if self.kind in ("id_card", "bank_card"):
            return f"{digits[:4]}{'*' * (len(digits) - 8)}{digits[-4:]}"
        return f"（{len(self.text)}字）"


def _id_checksum_ok(number: str) -> bool:
    if len(number) != 18:
        return True
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def find_personal_data(text: str, *, handler: str | None = None) -> list[PersonalData]:
    """Every piece of personal data in the text, in order (see the module docstring); spans never overlap.

    Args:
        handler: the reply's handler (经办人), whose name is listed wherever it appears.
    """
    found: list[PersonalData] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int, redact: bool, note: str = "") -> None:
        if start >= end or any(start < b and a < end for a, b in taken):
            return
        taken.append((start, end))
        found.append(PersonalData(kind, start, end, text[start:end], redact, note))

    for pattern in (_ID18, _ID15):
        for match in pattern.finditer(text):
            ok = _id_checksum_ok(match.group())
            add("id_card", match.start(), match.end(), True, "" if ok else "校验位不符，仍按身份证号码隐去")
    for match in _BANK.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        context = _BANK_CONTEXT.search(text, max(0, match.start() - 14), match.start())
        if 16 <= len(digits) <= 19 and (_luhn_ok(digits) or context):
            add("bank_card", match.start(), match.end(), True)
    for match in _MOBILE.finditer(text):
        add("mobile", match.start(), match.end(), True)
    for match in _HOME_AFTER_LABEL.finditer(text):
        add("home_address", match.start(1), match.end(1), True)
    for match in _FLAT_ADDRESS.finditer(text):
        add("home_address", match.start(), match.end(), True)
    for match in _PERSONAL_FIELD.finditer(text):
        add("personal", match.start("value"), match.end("value"), True, match.group("label"))
    for match in _RELATIVE.finditer(text):
        add("personal", match.start("value"), match.end("value"), True, "亲属姓名")
    for match in _LANDLINE_AFTER_LABEL.finditer(text):
        add("landline", match.start(1), match.end(1), False, "机关办公电话一般可以公开，请确认")
    for match in _LANDLINE_WITH_AREA.finditer(text):
        add("landline", match.start(), match.end(), False, "机关办公电话一般可以公开，请确认")
    names = {match.group(1) for match in _HANDLER_FIELD.finditer(text)}
    if handler and handler.strip():
        names.add(handler.strip())
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            add("handler", match.start(), match.end(), False, "经办人姓名一般随答复公开，请确认")
    found.sort(key=lambda item: item.start)
    return found


def redact_text(text: str, found: Iterable[PersonalData]) -> str:
    """The text with every redacted finding replaced by 【已隐去：类别】; listed findings stay as they are."""
    parts: list[str] = []
    at = 0
    for item in sorted((f for f in found if f.redact), key=lambda f: f.start):
        parts.append(text[at:item.start])
        parts.append(f"【已隐去：{item.label}】")
        at = item.end
    parts.append(text[at:])
    return "".join(parts)


def report_lines(text: str, found: Sequence[PersonalData]) -> tuple[list[str], list[str]]:
    """(the redactions, the items for the clerk to decide), one line each, numbered."""
    redacted = [f"{index}. {item.label} {item.masked}（第{item.line(text)}行）{('：' + item.note) if item.note else ''}"
                for index, item in enumerate((f for f in found if f.redact), start=1)]
    review = [f"{index}. {item.label} {item.text}（第{item.line(text)}行）：{item.note}"
              for index, item in enumerate((f for f in found if not f.redact), start=1)]
    return redacted, review


@dataclass(frozen=True)
class RedactedCopy:
    """What was written: where, and what was found."""

    path: Path
    found: tuple[PersonalData, ...]

    @property
    def redacted(self) -> list[PersonalData]:
        return [f for f in self.found if f.redact]

    @property
    def to_check(self) -> list[PersonalData]:
        return [f for f in self.found if not f.redact]


def check_output(path: Path) -> None:
    """Refuse an output the redacted copy cannot be written to.

    Raises:
        LedgerError: the suffix is neither .txt nor .docx, or the folder does not exist.
    """
    if path.suffix.lower() not in FORMATS:
        raise LedgerError(f"'{path.name}' does not end in .txt or .docx; name the redacted copy OUT.txt or OUT.docx.",
                          code="redact_format", path=str(path))
    if not path.parent.is_dir():
        raise LedgerError(f"The folder of '{path}' does not exist; create it or choose another file.",
                          code="folder_missing", path=str(path))


def write_redacted_copy(path: str | Path, text: str, *, title: str, handler: str | None = None,
                        generated_at: dt.datetime | None = None) -> RedactedCopy:
    """Find the personal data in ``text`` and write the redacted copy with its lists to ``path`` (.txt or .docx).

    Raises:
        LedgerError: a bad output name or folder, or the file cannot be written.
    """
    path = Path(path)
    check_output(path)
    found = find_personal_data(text, handler=handler)
    redacted, review = report_lines(text, found)
    moment = (generated_at or dt.datetime.now()).replace(microsecond=0)
    header = [f"{title}（公开前隐去个人信息的文本）", f"生成时间：{moment.isoformat(sep=' ')}"]
    sections = [(f"隐去的个人信息（{len(redacted)}处）", redacted or ["无"]),
                (f"请经办人确认是否公开（未隐去，{len(review)}处）", review or ["无"])]
    body = redact_text(text, found)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix + ".part", dir=path.parent)
        os.close(handle)
        try:
            if path.suffix.lower() == ".docx":
                _write_docx(Path(temporary), header, body, sections)
            else:
                lines = [*header, "", body.rstrip("\n"), ""]
                for heading, items in sections:
                    lines += ["", heading, *items]
                Path(temporary).write_text("\n".join(lines) + "\n", encoding="utf-8")
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise LedgerError(f"The redacted copy '{path}' could not be written ({error.strerror or error}); check that "
                          "the folder is writable and the file is not open elsewhere.", code="file_unwritable",
                          path=str(path)) from error
    return RedactedCopy(path, tuple(found))


def _write_docx(path: Path, header: list[str], body: str, sections: list[tuple[str, list[str]]]) -> None:
    from docx import Document  # python-docx, only needed for this format

    document = Document()
    document.add_heading(header[0], level=1)
    for line in header[1:]:
        document.add_paragraph(line)
    for paragraph in body.split("\n"):
        document.add_paragraph(paragraph)
    for heading, items in sections:
        document.add_heading(heading, level=2)
        for item in items:
            document.add_paragraph(item)
    document.save(str(path))
