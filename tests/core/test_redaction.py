"""Publication pre-check: every mobile, ID and bank card number of a test letter is redacted; the demo letter's
landline and handler are listed, not changed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from docx import Document

from desktop.core.errors import LedgerError
from desktop.core.redaction import find_personal_data, redact_text, write_redacted_copy

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "redaction" / "letter_with_personal_data.txt"
DEMO_LETTER = Path(__file__).resolve().parents[2] / "resources" / "demo" / "reply_changgongxinfu_2021_39.md"

MOBILES = ("13812345678", "138-1234-5678", "+86 139 1234 5678")
ID_CARDS = ("320402198001010012", "320411197512301235", "11010519491231002x", "320402800101001")
BANK_CARDS = ("6222 0210 0011 2230", "6228480012345678903")
OTHER_PERSONAL = ("李小红", "1980年1月1日", "王大明", "陈某某", "43岁", "常州市天宁区青龙街道龙锦路58号3幢2单元501室",
                  "钟楼区五星街道", "湖北省荆州市")


def test_every_mobile_id_and_bank_card_number_is_redacted() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    found = find_personal_data(text, handler="曹晓韬")
    redacted = {(f.kind, f.text) for f in found if f.redact}
    assert {text for kind, text in redacted if kind == "mobile"} == set(MOBILES)
    assert {text for kind, text in redacted if kind == "id_card"} == set(ID_CARDS)
    assert {text for kind, text in redacted if kind == "bank_card"} == set(BANK_CARDS)
    assert {text for kind, text in redacted if kind in ("personal", "home_address")} == set(OTHER_PERSONAL)
    listed = {(f.kind, f.text) for f in found if not f.redact}
    assert listed == {("landline", "0519-85681281"), ("handler", "曹晓韬")}
    clean = redact_text(text, found)
    for value in (*MOBILES, *ID_CARDS, *BANK_CARDS, *OTHER_PERSONAL):
        assert value not in clean
    # No run of 11 or more digits is left in the published text, and the office's own lines stay.
    assert not re.search(r"\d[\d \-]{9,}\d", clean.replace("0519-85681281", ""))
    assert "联系电话：0519-85681281" in clean and "经办人：曹晓韬" in clean
    assert clean.count("【已隐去：") == len(MOBILES) + len(ID_CARDS) + len(BANK_CARDS) + len(OTHER_PERSONAL)


def test_the_demo_letter_changes_nothing() -> None:
    text = DEMO_LETTER.read_text(encoding="utf-8")
    found = find_personal_data(text, handler="曹晓韬")
    assert [f for f in found if f.redact] == []
    assert {(f.kind, f.text) for f in found} == {("landline", "85681281"), ("handler", "曹晓韬")}
    assert redact_text(text, found) == text


def test_numbers_that_are_not_personal_data_stay() -> None:
    text = ("2021年完成5G建设投资15亿元，累计开通基站数超10000个，文号常工信复〔2021〕第39号，统一社会信用代码"
            "91320400MA1XXXXX3Q，邮编213022，项目编号202106080001。")
    assert find_personal_data(text) == []


def test_masked_forms_never_show_the_value() -> None:
    found = {f.text: f for f in find_personal_data(FIXTURE.read_text(encoding="utf-8"))}
    assert found["13812345678"].masked == "138****5678"
    assert found["320402198001010012"].masked == "3204**********0012"
    assert found["李小红"].masked == "（3字）"


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_write_redacted_copy(tmp_path: Path, suffix: str) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    copy = write_redacted_copy(tmp_path / f"out{suffix}", text, title="关于对第088号建议的答复", handler="曹晓韬",
                               generated_at=dt.datetime(2021, 6, 9, 10, 0))
    assert len(copy.redacted) == 17 and len(copy.to_check) == 2
    if suffix == ".txt":
        written = copy.path.read_text(encoding="utf-8")
    else:
        written = "\n".join(p.text for p in Document(str(copy.path)).paragraphs)
    assert written.startswith("关于对第088号建议的答复（公开前隐去个人信息的文本）")
    assert "隐去的个人信息（17处）" in written and "1. 个人信息 （3字）（第10行）：姓名" in written
    assert "3. 身份证号码 3204**********0012（第10行）" in written
    assert "请经办人确认是否公开（未隐去，2处）" in written and "办公电话 0519-85681281（第19行）" in written
    for value in (*MOBILES, *ID_CARDS, *BANK_CARDS, *OTHER_PERSONAL):
        assert value not in written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", f"out{suffix}"]


def test_write_redacted_copy_refuses_other_formats(tmp_path: Path) -> None:
    with pytest.raises(LedgerError) as caught:
        write_redacted_copy(tmp_path / "out.pdf", "文本", title="答复")
    assert caught.value.code == "redact_format" and ".txt or .docx" in caught.value.message
    with pytest.raises(LedgerError) as caught:
        write_redacted_copy(tmp_path / "missing" / "out.txt", "文本", title="答复")
    assert caught.value.code == "folder_missing"
