"""`reply-ledger redact`: the demo reply has nothing to redact; a reply with personal data gets a clean copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from db import Store
from desktop.__main__ import main
from desktop.core.records import Proposal, Reply

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "redaction" / "letter_with_personal_data.txt"


def test_redact_the_demo_reply(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "public.txt"
    assert main(["redact", "--db", str(demo_db_path), "--reply", "常工信复〔2021〕第39号", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "0 item(s) of personal data redacted, 2 listed for you to decide" in printed
    assert "经办人姓名 曹晓韬" in printed and "办公电话 85681281" in printed
    with Store.open(demo_db_path) as store:
        letter = store.find_reply_by_doc_number("常工信复〔2021〕第39号").text
    written = out.read_text(encoding="utf-8")
    assert letter.rstrip("\n") in written and "【已隐去" not in written


def test_redact_a_reply_with_personal_data_to_docx(db_path: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(db_path) as store:
        proposal = store.save(Proposal(session="常州市十六届人大五次会议", number="第088号", title="帮扶"))
        store.save(Reply(proposal_id=proposal.id, doc_number="常工信复〔2021〕第88号", handler="曹晓韬",
                         text=FIXTURE.read_text(encoding="utf-8")))
    out = tmp_path / "public.docx"
    assert main(["redact", "--db", str(db_path), "--reply", "常工信复〔2021〕第88号", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "17 item(s) of personal data redacted, 2 listed" in printed and "13812345678" not in printed
    written = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "13812345678" not in written and "【已隐去：手机号码】" in written


@pytest.mark.parametrize(("args", "words"), [
    (["--reply", "常工信复〔2021〕第99号", "-o", "x.txt"], "No reply '常工信复〔2021〕第99号' is in the ledger"),
    (["--reply", "常工信复〔2021〕第39号", "-o", "x.pdf"], "does not end in .txt or .docx"),
    (["--reply", "第39号", "-o", "x.txt"], "第39号"),
])
def test_redact_bad_input(demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                          args: list[str], words: str) -> None:
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    assert main(["redact", "--db", str(demo_db_path), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and words in err
