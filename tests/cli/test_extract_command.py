from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop.__main__ import main
from tests.documents import docx_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "letters"
HEADER_KEYS = {"doc_number", "doc_number_normalized", "issuer", "proposal_ref", "addressee", "date", "signer",
               "handler", "phone", "cc", "classification"}
TARGET_KEYS = {"quote", "indicator", "comparator", "value", "value_high", "unit", "value_normalized",
               "unit_normalized", "deadline", "deadline_text", "cumulative", "kind", "start", "end", "confidence"}


def test_extract_json_one_file_is_one_object(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--json", str(FIXTURES / "dev_02.txt")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"file", "header", "targets"}
    assert data["file"] == str(FIXTURES / "dev_02.txt")
    assert set(data["header"]) == HEADER_KEYS
    assert set(data["header"]["proposal_ref"]) == {"session", "number", "type"}
    assert data["header"]["doc_number"] == "舞产集管〔2021〕32号"
    assert all(set(target) == TARGET_KEYS for target in data["targets"])
    assert [t["comparator"] for t in data["targets"]] == ["=", "qualitative", "qualitative"]


def test_extract_json_several_files_is_a_list_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(FIXTURES / name) for name in ("seed_001.txt", "dev_04.txt", "dev_01.txt")]
    assert main(["extract", "--json", *files]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [item["file"] for item in data] == files
    assert data[1]["header"]["classification"] == "B"


def test_extract_table_and_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = docx_file(tmp_path / "reply.docx", ["某复〔2022〕7号", "关于市政协十二届一次会议第56号提案的答复",
                                                "李明委员：", "现答复如下：", "2022年计划新增公交线路3至5条。",
                                                "某某市交通运输局", "2022年6月15日"])
    assert main(["extract", str(path)]) == 0
    out = capsys.readouterr().out
    assert "某复〔2022〕7号" in out and "李明委员" in out and "2022-06-15" in out
    assert "承诺" in out and "3–5条" in out and "2022-12-31" in out


def test_extract_bad_file_is_one_sentence_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not a document")
    good = tmp_path / "good.txt"
    shutil.copy(FIXTURES / "dev_05.txt", good)
    assert main(["extract", "--json", str(good), str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: ") and str(bad) in captured.err and captured.err.count("\n") == 1
