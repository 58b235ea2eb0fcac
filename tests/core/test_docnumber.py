from __future__ import annotations

import pytest

from desktop.core.docnumber import parse_doc_number
from desktop.core.errors import ValidationError


@pytest.mark.parametrize(
    ("text", "code", "year", "serial", "normalized"),
    [
        ("常工信复〔2021〕第39号", "常工信复", 2021, 39, "常工信复〔2021〕第39号"),
        ("潼民发【2024】275号", "潼民发", 2024, 275, "潼民发〔2024〕275号"),
        ("舞产集管[2021]32号", "舞产集管", 2021, 32, "舞产集管〔2021〕32号"),
        ("临交字［2020］12号", "临交字", 2020, 12, "临交字〔2020〕12号"),
        ("常工信复（2021）第39号", "常工信复", 2021, 39, "常工信复〔2021〕第39号"),
        ("常工信复(2021)39号", "常工信复", 2021, 39, "常工信复〔2021〕39号"),
        ("常工信复〔２０２１〕第３９号", "常工信复", 2021, 39, "常工信复〔2021〕第39号"),
        (" 常工信复 〔2021〕 第 039 号 ", "常工信复", 2021, 39, "常工信复〔2021〕第039号"),
    ],
)
def test_parse_doc_number_variants(text: str, code: str, year: int, serial: int, normalized: str) -> None:
    parsed = parse_doc_number(text)
    assert (parsed.issuer_code, parsed.year, parsed.serial) == (code, year, serial)
    assert parsed.normalized == normalized
    assert parsed.original == text.strip()


@pytest.mark.parametrize("text", ["", "   ", "第39号", "常工信复〔21〕第39号", "常工信复〔2021〕", "ABC[2021]3号",
                                  "常工信复〔2021〕第39"])
def test_parse_doc_number_rejects_with_one_sentence(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_doc_number(text)
    assert caught.value.field == "doc_number"
    assert "常工信复〔2021〕第39号" in caught.value.message
    assert caught.value.message.count(".") == 1 and caught.value.message.endswith(".")
