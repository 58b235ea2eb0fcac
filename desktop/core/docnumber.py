"""Official document numbers (发文字号) such as 常工信复〔2021〕第39号: issuer code, year and serial."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desktop.core.errors import ValidationError

_OPEN = "〔【[［(（〖{"
_CLOSE = "〕】]］)）〗}"
_DOC_NUMBER = re.compile(
    rf"""^(?P<code>[\u3400-\u9fff]{{1,16}}?)
        \s*[{re.escape(_OPEN)}]?\s*
        (?P<year>(?:19|20)\d{{2}})
        \s*[{re.escape(_CLOSE)}]?\s*
        (?P<di>第)?\s*
        (?P<serial>\d{{1,6}})\s*号$""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class DocNumber:
    """A parsed document number; ``original`` keeps the text exactly as written."""

    original: str
    issuer_code: str
    year: int
    serial: int
    serial_text: str
    with_di: bool = False

    @property
    def normalized(self) -> str:
        """The canonical form 机关代字〔年份〕序号号, keeping 第 and leading zeros when the original has them."""
        return f"{self.issuer_code}〔{self.year}〕{'第' if self.with_di else ''}{self.serial_text}号"


def parse_doc_number(text: str, field: str = "doc_number") -> DocNumber:
    """Parse a document number, accepting 〔〕, 【】, [], ［］ and （） brackets and full-width digits.

    Raises:
        ValidationError: when the text is not a document number.
    """
    original = (text or "").strip()
    if not original:
        raise ValidationError(field, "The document number is empty; write it like 常工信复〔2021〕第39号.",
                              code="doc_number_empty")
    folded = unicodedata.normalize("NFKC", original).replace(" ", "").replace("\u3000", "")
    match = _DOC_NUMBER.match(folded)
    if not match:
        raise ValidationError(
            field,
            f"'{original}' is not a document number; write it like 常工信复〔2021〕第39号 "
            "(issuer code, year in brackets, serial, 号).",
            code="doc_number_invalid", value=original,
        )
    serial_text = match["serial"]
    return DocNumber(original=original, issuer_code=match["code"], year=int(match["year"]),
                     serial=int(serial_text), serial_text=serial_text, with_di=bool(match["di"]))

