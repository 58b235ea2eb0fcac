from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from db import Store
from db import lists as db_lists
from db.lists import ListFilter
from desktop.core.records import Commitment, Evidence, Reply, Target


def _titles(store: Store, keys: list[int]) -> list[str]:
    rows = db_lists.fetch_rows(store, "commitments", keys)
    return [rows[key]["title"] for key in keys]


def test_lists_commitments_have_one_row_per_target_and_per_bare_commitment(demo_store: Store) -> None:
    keys = db_lists.list_keys(demo_store, "commitments")
    counts = demo_store.counts()
    bare = demo_store.conn.execute(
        "SELECT count(*) FROM commitments c WHERE NOT EXISTS (SELECT 1 FROM targets t WHERE t.commitment_id = c.id)"
    ).fetchone()[0]
    assert bare == 2
    assert len(keys) == counts.targets + bare == 15
    assert len([key for key in keys if key < 0]) == bare
    rows = db_lists.fetch_rows(demo_store, "commitments", keys)
    assert set(rows) == set(keys)
    bare_row = rows[next(key for key in keys if key < 0)]
    assert bare_row["target_id"] is None and bare_row["title"]


def test_lists_default_order_is_by_deadline_with_empty_dates_last(demo_store: Store) -> None:
    reply = demo_store.list(Reply)[0]
    undated = demo_store.save(Commitment(reply_id=reply.id, title="没有期限的承诺"))
    keys = db_lists.list_keys(demo_store, "commitments")
    rows = db_lists.fetch_rows(demo_store, "commitments", keys)
    deadlines = [rows[key]["deadline"] for key in keys]
    assert deadlines[-1] is None and keys[-1] == -undated.id
    assert deadlines[:-1] == sorted(deadlines[:-1])
    descending = db_lists.list_keys(demo_store, "commitments", sort="deadline", descending=True)
    rows = db_lists.fetch_rows(demo_store, "commitments", descending)
    assert [rows[key]["deadline"] for key in descending][:-1] == sorted(deadlines[:-1], reverse=True)
    assert descending[-1] == -undated.id  # empty values stay last in both directions


def test_lists_search_finds_two_character_words_in_commitments_and_targets(demo_store: Store) -> None:
    keys = db_lists.list_keys(demo_store, "commitments", ListFilter(text="基站"))
    assert _titles(demo_store, keys) == ["累计开通5G基站超1万个"]
    # A term of three or more characters goes through the trigram index; it matches a target's indicator.
    keys = db_lists.list_keys(demo_store, "commitments", ListFilter(text="标识注册量"))
    assert sorted(_titles(demo_store, keys)) == ["标识注册量累计超过5亿", "标识注册量达2.5亿"]
    # Every term must match; operators are text.
    assert db_lists.list_keys(demo_store, "commitments", ListFilter(text="基站 标识注册量")) == []
    assert db_lists.list_keys(demo_store, "commitments", ListFilter(text='"AND" OR (')) == []


@pytest.mark.parametrize("kind", sorted(db_lists.SPECS))
def test_lists_every_kind_reads_filters_and_searches(demo_store: Store, kind: str) -> None:
    keys = db_lists.list_keys(demo_store, kind)
    assert keys
    rows = db_lists.fetch_rows(demo_store, kind, keys)
    assert len(rows) == len(keys)
    choices = db_lists.filter_choices(demo_store, kind)
    if db_lists.spec(kind).date:
        assert choices.years
        year = choices.years[0]
        dated = db_lists.list_keys(demo_store, kind, ListFilter(year=year))
        assert 0 < len(dated) <= len(keys)
    for name in sorted(db_lists.spec(kind).sort):
        assert sorted(db_lists.list_keys(demo_store, kind, sort=name)) == sorted(keys)
    db_lists.list_keys(demo_store, kind, ListFilter(text="基站"))  # never raises


def test_lists_filters_by_unit_year_session_and_date_range(demo_store: Store) -> None:
    office = "常州市工业和信息化局"
    assert len(db_lists.list_keys(demo_store, "commitments", ListFilter(unit=office))) == 15
    assert db_lists.list_keys(demo_store, "commitments", ListFilter(unit="某某局")) == []
    in_2021 = db_lists.list_keys(demo_store, "commitments", ListFilter(year=2021))
    in_2025 = db_lists.list_keys(demo_store, "commitments", ListFilter(year=2025))
    assert len(in_2021) + len(in_2025) == 15 and in_2021 and in_2025
    ranged = db_lists.list_keys(demo_store, "commitments",
                                ListFilter(date_from=dt.date(2021, 12, 31), date_to=dt.date(2021, 12, 31)))
    assert ranged == in_2021
    assert db_lists.list_keys(demo_store, "commitments", ListFilter(date_from=dt.date(2026, 1, 1))) == []
    session = demo_store.conn.execute("SELECT session FROM proposals").fetchone()[0]
    assert len(db_lists.list_keys(demo_store, "commitments", ListFilter(session=session))) == 15
    assert db_lists.list_keys(demo_store, "replies", ListFilter(session="另一次会议")) == []
    assert db_lists.list_keys(demo_store, "proposals", ListFilter(state="replied")) == [1]
    assert db_lists.list_keys(demo_store, "proposals", ListFilter(state="open")) == []


def test_lists_state_filter_and_sort_use_judged_states(demo_store: Store) -> None:
    keys = db_lists.list_keys(demo_store, "commitments")
    states = {key: ("met" if index % 3 == 0 else "missed") for index, key in enumerate(keys)}
    met = db_lists.list_keys(demo_store, "commitments", ListFilter(state="met"), states=states)
    assert met == [key for key in keys if states[key] == "met"]
    by_state = db_lists.list_keys(demo_store, "commitments", sort="state", states=states)
    assert [states[key] for key in by_state] == sorted((states[key] for key in keys),
                                                       key=db_lists.STATE_ORDER.index)


def test_lists_fetch_skips_rows_that_are_gone(demo_store: Store) -> None:
    target = demo_store.list(Target)[0]
    keys = db_lists.list_keys(demo_store, "commitments")
    demo_store.delete(Target, target.id)
    rows = db_lists.fetch_rows(demo_store, "commitments", keys)
    assert target.id not in rows and len(rows) == len(keys) - 1


def test_lists_latest_evidence_is_the_newest(demo_store: Store) -> None:
    target = next(t for t in demo_store.list(Target) if t.indicator == "累计开通5G基站数")
    demo_store.save(Evidence(target_id=target.id, as_of_date=dt.date(2021, 6, 30), value=8000, unit="个"))
    row = db_lists.fetch_rows(demo_store, "commitments", [target.id])[target.id]
    assert (row["latest_value"], row["latest_date"]) == (11080, "2022-03-03")


def test_lists_record_labels_search_and_keep_the_current_value(demo_store: Store) -> None:
    found = db_lists.record_labels(demo_store, "targets", "基站")
    assert [label for _, label in found] == ["累计开通5G基站数 — 累计开通5G基站超1万个"]
    reply = demo_store.list(Reply)[0]
    labels = db_lists.record_labels(demo_store, "replies", "没有这个词", include=[reply.id])
    assert labels == [(reply.id, f"{reply.doc_number} {reply.title}")]
    assert len(db_lists.record_labels(demo_store, "commitments", limit=5)) == 5
    with pytest.raises(ValueError):
        db_lists.record_labels(demo_store, "nothing")


# ----------------------------------------------------------------- commitment_list, kept by triggers (schema 4)
_RECOMPUTED = """
SELECT t.id, c.id, t.id, c.reply_id, c.title, c.responsible_unit, coalesce(t.deadline, c.deadline), t.indicator,
       t.comparator, t.value_normalized, t.unit, t.kind, r.doc_number,
       (SELECT e.id FROM evidence e WHERE e.target_id = t.id ORDER BY e.as_of_date DESC, e.id DESC LIMIT 1)
  FROM targets t JOIN commitments c ON c.id = t.commitment_id LEFT JOIN replies r ON r.id = c.reply_id
UNION ALL
SELECT -c.id, c.id, NULL, c.reply_id, c.title, c.responsible_unit, c.deadline, NULL, NULL, NULL, NULL, NULL,
       r.doc_number, NULL
  FROM commitments c LEFT JOIN replies r ON r.id = c.reply_id
 WHERE NOT EXISTS (SELECT 1 FROM targets t WHERE t.commitment_id = c.id)
"""


def _assert_commitment_list_is_current(store: Store) -> None:
    kept = sorted(tuple(row) for row in store.conn.execute(
        "SELECT row_key, commitment_id, target_id, reply_id, title, responsible_unit, deadline, indicator, comparator,"
        " value_normalized, unit, kind, doc_number, latest_evidence_id FROM commitment_list"))
    assert kept == sorted(tuple(row) for row in store.conn.execute(_RECOMPUTED))


def test_lists_commitment_list_follows_every_change(demo_store: Store) -> None:
    """The table the commitments list reads is what its rows would be read from the records, after any write."""
    store = demo_store
    _assert_commitment_list_is_current(store)
    reply = store.list(Reply)[0]
    bare = store.save(Commitment(reply_id=reply.id, title="新承诺", responsible_unit="某局",
                                 deadline=dt.date(2023, 12, 31)))
    _assert_commitment_list_is_current(store)
    target = store.save(Target(commitment_id=bare.id, indicator="新指标", comparator=">=", value=3, unit="个"))
    _assert_commitment_list_is_current(store)  # the commitment's own row gave way to its target's
    store.save(dataclasses.replace(store.get(Commitment, bare.id), title="改过的承诺", deadline=dt.date(2024, 6, 30)))
    _assert_commitment_list_is_current(store)
    store.save(dataclasses.replace(store.get(Target, target.id), deadline=dt.date(2022, 1, 1), value=5))
    _assert_commitment_list_is_current(store)
    evidence = store.save(Evidence(target_id=target.id, as_of_date=dt.date(2022, 3, 1), value=4, unit="个"))
    store.save(Evidence(target_id=target.id, as_of_date=dt.date(2021, 3, 1), value=2, unit="个"))
    _assert_commitment_list_is_current(store)
    store.save(dataclasses.replace(store.get(Evidence, evidence.id), as_of_date=dt.date(2020, 1, 1)))
    _assert_commitment_list_is_current(store)
    other = next(c for c in store.list(Commitment) if c.id != bare.id)
    store.save(dataclasses.replace(store.get(Target, target.id), commitment_id=other.id))
    _assert_commitment_list_is_current(store)  # the commitment the target left has its own row again
    store.save(dataclasses.replace(store.get(Reply, reply.id), doc_number="常工信复〔2021〕第99号"))
    _assert_commitment_list_is_current(store)
    store.delete(Evidence, evidence.id)
    _assert_commitment_list_is_current(store)
    snapshot = store.delete(Target, target.id)
    _assert_commitment_list_is_current(store)
    store.restore(snapshot)
    _assert_commitment_list_is_current(store)
    store.delete(Commitment, other.id)
    _assert_commitment_list_is_current(store)
    store.delete(Reply, reply.id)
    _assert_commitment_list_is_current(store)
    assert store.conn.execute("SELECT count(*) FROM commitment_list").fetchone()[0] == 0


# ----------------------------------------------------------------- the slow paths are gone (query plans)
def _plans(store: Store, action) -> list[tuple[str, str]]:
    """(statement, its query plan as one text) of every SELECT an action runs."""
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        action()
    finally:
        store.conn.set_trace_callback(None)
    plans = []
    for sql in statements:
        if sql.lstrip().upper().startswith("SELECT"):
            plan = " | ".join(row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
            plans.append((sql, plan))
    return plans


@pytest.mark.parametrize(("sort", "descending", "index"), [
    (None, False, "commitment_list_deadline"), ("deadline", True, "commitment_list_deadline"),
    ("title", False, "commitment_list_title"), ("value", True, "commitment_list_value"),
    ("responsible_unit", False, "commitment_list_unit")])
@pytest.mark.sqlite_only  # SQLite's query plans
def test_lists_commitments_are_read_in_the_order_of_an_index(demo_store: Store, sort: str | None, descending: bool,
                                                             index: str) -> None:
    plans = _plans(demo_store, lambda: db_lists.list_keys(demo_store, "commitments", sort=sort, descending=descending))
    assert plans
    for sql, plan in plans:
        assert "TEMP B-TREE" not in plan, (sql, plan)  # no sort of every row
        assert "JOIN" not in sql  # the keys come from one table
    assert index in plans[0][1]


@pytest.mark.sqlite_only  # SQLite's query plans
def test_lists_search_looks_matches_up_by_index(demo_store: Store) -> None:
    """A search is answered from the full-text index, each kind's matches looked up by its id: never a test of
    every row against the index, nor a read of every text for a two-character word."""
    for text in ("基站", "5G基站", "站"):
        plans = _plans(demo_store, lambda text=text: db_lists.list_keys(demo_store, "commitments",
                                                                         ListFilter(text=text)))
        # One ordered read (empty values last in the same statement), so the matches are looked up once.
        assert sum("MATCH" in sql for sql, _plan in plans) == 1
        for sql, plan in plans:
            if "FROM search_vocab" in sql:
                assert "term >= " in sql  # the trigrams that start with a short term: a range of the vocabulary
                continue
            assert "SCAN l" not in plan, (sql, plan)
            assert "instr(" not in sql
            assert "MATCH" in sql


@pytest.mark.parametrize("sort, descending", [("deadline", False), ("deadline", True), ("value", True),
                                              ("title", False), (None, False)])
def test_lists_a_search_keeps_the_lists_order(demo_store: Store, sort: str | None, descending: bool) -> None:
    """The matches of a search come in the order of the whole list (empty values last, ties by key)."""
    every = db_lists.list_keys(demo_store, "commitments", sort=sort, descending=descending)
    for text in ("基站", "常州", "用户"):
        found = db_lists.list_keys(demo_store, "commitments", ListFilter(text=text), sort=sort, descending=descending)
        assert found, text
        assert found == [key for key in every if key in set(found)]


def test_lists_a_search_with_many_matches_finds_the_same_rows(demo_store: Store,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MANY_MATCHES a server reads the list's rows in one pass instead of looking each match up: same rows,
    same order (forced here on the demo's few matches)."""
    for text in ("基站", "常州", "用户"):
        for sort in ("deadline", "title"):
            looked_up = db_lists.list_keys(demo_store, "commitments", ListFilter(text=text), sort=sort)
            monkeypatch.setattr(db_lists, "MANY_MATCHES", 0)
            one_pass = db_lists.list_keys(demo_store, "commitments", ListFilter(text=text), sort=sort)
            monkeypatch.undo()
            assert one_pass == looked_up and looked_up, text


def test_lists_search_reads_the_servers_index_once(demo_store: Store, backend: str) -> None:
    """On the server, the trigram index is read once per list (both kinds the commitments list matches on, both
    ordered reads), not once per kind and per read; the matches are the same as on a file."""
    if backend != "postgres":
        pytest.skip("a file's FTS5 index is read by a subquery per kind (faster there than a list of ids)")
    for text in ("基站", "5G基站", "站", "没有这个词"):
        statements: list[str] = []
        demo_store.conn.set_trace_callback(statements.append)
        try:
            keys = db_lists.list_keys(demo_store, "commitments", ListFilter(text=text))
        finally:
            demo_store.conn.set_trace_callback(None)
        assert sum("search_index" in sql for sql in statements) == 1, statements
        expected = {key for key in db_lists.list_keys(demo_store, "commitments")
                    if any(text in str(value) for value in db_lists.fetch_rows(demo_store, "commitments", [key])[key]
                           .values())}
        assert set(keys) >= expected


@pytest.mark.sqlite_only  # SQLite's query plans
def test_lists_a_page_of_commitments_is_read_by_primary_key(demo_store: Store) -> None:
    keys = db_lists.list_keys(demo_store, "commitments")
    plans = _plans(demo_store, lambda: db_lists.fetch_rows(demo_store, "commitments", keys[:5]))
    assert len(plans) == 1
    _sql, plan = plans[0]
    assert "CORRELATED" not in plan and "SCAN" not in plan, plan  # no latest-evidence lookup row by row
    assert "SEARCH l USING INTEGER PRIMARY KEY" in plan


@pytest.mark.sqlite_only  # SQLite's query plans
def test_lists_evidence_and_reminders_open_in_index_order(demo_store: Store) -> None:
    for kind, index in (("evidence", "evidence_as_of"), ("reminders", "reminders_due_date")):
        plans = _plans(demo_store, lambda kind=kind: db_lists.list_keys(demo_store, kind))
        for sql, plan in plans:
            assert "TEMP B-TREE" not in plan and "JOIN" not in sql, (sql, plan)
        assert index in plans[0][1]
