from __future__ import annotations

from pathlib import Path

import pytest

from db import Store
from desktop.__main__ import main
from desktop.core.records import Evidence, SourceDocument
from tests.conftest import DEMO_DIR


@pytest.fixture
def bare_demo(demo_db_path: Path) -> Path:
    with Store.open(demo_db_path) as store:
        for item in store.list(Evidence):
            store.delete(Evidence, item.id)
        for source in store.list(SourceDocument, "kind <> 'letter'"):
            store.delete(SourceDocument, source.id)
    return demo_db_path


def test_import_list_accept(bare_demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    news = DEMO_DIR / "news_2022-03-03_changzhou_digital_economy.md"
    assert main(["import", str(news), "--db", str(bare_demo)]) == 0
    assert "1 evidence suggestion(s) to review." in capsys.readouterr().out
    assert main(["evidence", "--db", str(bare_demo)]) == 0
    first, last = capsys.readouterr().out.splitlines()
    number, score, state, target, figure, as_of, quote, source = first.split("\t")
    assert (score, state, target, figure, as_of, quote, source) == (
        "0.93", "待审核", "累计开通5G基站数", "开通5G基站数 11080个", "截至2022-03-03", "我市已开通5G基站11080个",
        "常州发展数字经济成绩斐然")
    assert last == "1 evidence suggestion(s) to review."
    assert main(["evidence", "accept", number.lstrip("#"), "--db", str(bare_demo)]) == 0
    assert "recorded as evidence" in capsys.readouterr().out
    assert main(["evidence", "--db", str(bare_demo)]) == 0
    assert capsys.readouterr().out == "0 evidence suggestion(s) to review.\n"
    assert main(["status", "--db", str(bare_demo), "--as-of", "2022-03-31"]) == 0
    assert "指标 2\t累计开通5G基站数\t已达成" in capsys.readouterr().out


def test_reject_and_bad_numbers(bare_demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["import", str(DEMO_DIR / "news_2022-03-03_changzhou_digital_economy.md"), "--db", str(bare_demo)])
    capsys.readouterr()
    assert main(["evidence", "reject", "x1", "--db", str(bare_demo)]) == 2
    assert "'x1' is not a suggestion number" in capsys.readouterr().err
    assert main(["evidence", "reject", "99", "--db", str(bare_demo)]) == 2
    assert "Evidence suggestion #99 does not exist" in capsys.readouterr().err
    assert main(["evidence", "--all", "--db", str(bare_demo)]) == 0
    number = capsys.readouterr().out.split("\t")[0].lstrip("#")
    assert main(["evidence", "reject", number, "--db", str(bare_demo)]) == 0
    assert main(["evidence", "suggest", "--db", str(bare_demo)]) == 0
    assert capsys.readouterr().out.endswith("0 new evidence suggestion(s).\n")
