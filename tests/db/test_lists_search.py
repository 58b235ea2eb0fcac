"""A search of the commitments list finds exactly the rows whose commitment or target holds every term, in the
list's order, read from indexes that hold the sort value (checked against a plain reading of the ledger)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from db import Store
from db import lists as db_lists
from db.lists import ListFilter
from db.search import SEARCH_CODES
from desktop.core.records import Commitment, Reply, Target


@pytest.fixture
def generated(generated_ledger: Callable[[Callable[[Store], None]], Path | str]) -> Iterator[Store]:
    """A generated ledger of some hundred targets, plus matching rows without a deadline, on the test's backend."""

    def add_rows_without_deadline(store: Store) -> None:
        reply = store.list(Reply)[0]
        bare = store.save(Commitment(reply_id=reply.id, title="新建5G基站（无期限）", responsible_unit="某局"))
        undated = store.save(Commitment(reply_id=reply.id, title="基站配套", responsible_unit="某局"))
        store.save(Target(commitment_id=undated.id, indicator="5G基站数", comparator=">=", value=3, unit="个"))
        store.save(Target(commitment_id=undated.id, indicator="光纤", comparator=">=", value=1, unit="条",
                          deadline=dt.date(2022, 1, 1)))
        assert bare.id

    location = generated_ledger(add_rows_without_deadline)
    with Store.open(location, actor="tester") as store:
        yield store


def _reference(store: Store, text: str, sort: str, descending: bool) -> list[int]:
    """The matches read plainly: every row of the list, every indexed text, compared and sorted in Python."""
    terms = [term.lower() for term in text.split()]
    bodies = {row[0]: row[1].lower() for row in store.conn.execute("SELECT rowid, body FROM search_index")}

    def holds(rowid: int) -> bool:
        return all(term in bodies.get(rowid, "") for term in terms)

    column = {"deadline": "deadline", "title": "title", "value": "value_normalized"}[sort]
    values: dict[int, Any] = {}
    for key, commitment_id, target_id, value in store.conn.execute(
            f"SELECT row_key, commitment_id, target_id, {column} FROM commitment_list"):
        if holds(commitment_id * 8 + SEARCH_CODES["commitment"]) or (
                target_id is not None and holds(target_id * 8 + SEARCH_CODES["target"])):
            values[key] = value
    valued = sorted(((value, key) for key, value in values.items() if value is not None), reverse=descending)
    empty = sorted((key for key, value in values.items() if value is None), reverse=descending)
    return [key for _value, key in valued] + empty


@pytest.mark.parametrize(("sort", "descending"), [(None, False), ("deadline", True), ("title", False),
                                                  ("value", True)])
def test_lists_search_finds_what_a_plain_reading_finds(generated: Store, sort: str | None,
                                                       descending: bool) -> None:
    for text in ("基站", "5G基站", "站", "老旧小区 改造", "注册用户数2", "没有这个词"):
        found = db_lists.list_keys(generated, "commitments", ListFilter(text=text), sort=sort,
                                   descending=descending)
        expected = _reference(generated, text, sort or "deadline", descending)
        assert found == expected, text
        if text == "基站":
            assert any(key < 0 for key in found) and len(found) > 20  # bare commitments and many matches


@pytest.mark.sqlite_only  # SQLite's query plans and index columns
def test_lists_search_sorts_its_matches_from_indexes_that_hold_the_deadline(demo_store: Store) -> None:
    """In the default order, each kind's matches are looked up by an index that also holds the deadline, so the
    sort reads no table row per match."""
    statements: list[str] = []
    demo_store.conn.set_trace_callback(statements.append)
    try:
        db_lists.list_keys(demo_store, "commitments", ListFilter(text="基站"))
    finally:
        demo_store.conn.set_trace_callback(None)
    (sql,) = [sql for sql in statements if "MATCH" in sql and sql.lstrip().upper().startswith("SELECT")]
    plan = " | ".join(row[3] for row in demo_store.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
    assert "INTEGER PRIMARY KEY" not in plan, plan
    for index, id_column in (("commitment_list_commitment", "commitment_id"),
                             ("commitment_list_target", "target_id")):
        assert f"INDEX {index} ({id_column}=?)" in plan, plan
        columns = [row[2] for row in demo_store.conn.execute(f"PRAGMA index_info({index})")]
        assert columns == [id_column, "deadline"]
