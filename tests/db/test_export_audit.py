"""回头看 in the audit workbook: found from the records and judgements of 承诺与指标 as they stream past, the same
findings a whole-ledger 回头看 finds, without reading or judging the ledger a second time."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

import db.export
from bench.generate_ledger import generate
from db import Store
from db.audit import audit_ledger
from db.export import export_ledger
from desktop.core.xlsx_export import ExportFilters

AS_OF = dt.date(2022, 6, 30)  # the generated ledger runs from 2018 to 2024: later records are left out


def _audit_rows(path: Path) -> list[dict]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("回头看").to_python()
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ledger") / "ledger.sqlite3"
    generate(path, 1_500, seed=3)
    return path


def test_unfiltered_export_finds_what_the_whole_ledger_audit_finds_without_reading_files_again(
        ledger: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(ledger, actor="test") as store:
        expected = audit_ledger(store, AS_OF)

        def read_again(*args, **kwargs):
            raise AssertionError("the unfiltered export read the proposals' files a second time")

        monkeypatch.setattr(db.export, "load_proposal_files", read_again)
        result = export_ledger(store, tmp_path / "all.xlsx", as_of=AS_OF)
    rows = _audit_rows(result.path)
    assert len({f.kind for f in expected}) >= 3  # the ledger has findings of several kinds
    assert Counter((r["发现类型"], r["建议"], r["说明"]) for r in rows) == \
        Counter((f.label, f.proposal_label, f.message) for f in expected)
    _assert_in_proposal_order(result.path, rows)


def test_filtered_export_finds_in_the_order_of_its_proposals_too(ledger: Path, tmp_path: Path) -> None:
    with Store.open(ledger, actor="test") as store:
        session = store.conn.execute("SELECT session FROM proposals ORDER BY id LIMIT 1").fetchone()[0]
        result = export_ledger(store, tmp_path / "session.xlsx", as_of=AS_OF, filters=ExportFilters(session=session))
    rows = _audit_rows(result.path)
    assert rows
    _assert_in_proposal_order(result.path, rows)


def _assert_in_proposal_order(path: Path, rows: list[dict]) -> None:
    """Findings follow the 建议 sheet's order; the contradictions between figures come after them."""
    proposals = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("建议").to_python()
    label = proposals[0].index("建议")
    place = {row[label]: index for index, row in enumerate(proposals[1:])}
    figures = {"同一指标同日数值不一", "两份答复所述基数不一致"}
    kinds = [r["发现类型"] for r in rows]
    first_figure = next((i for i, kind in enumerate(kinds) if kind in figures), len(kinds))
    assert all(kind in figures for kind in kinds[first_figure:])
    places = [place[r["建议"]] for r in rows[:first_figure]]
    assert places == sorted(places)
