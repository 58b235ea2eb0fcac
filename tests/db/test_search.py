from __future__ import annotations

import pytest

from db import Store
from desktop.core.records import Commitment, Target


def test_search_finds_two_character_chinese_words(demo_store: Store) -> None:
    hits = demo_store.search("基站")
    kinds = {hit.kind for hit in hits}
    assert {"reply", "commitment", "target", "source"} <= kinds
    commitment_ids = [hit.id for hit in hits if hit.kind == "commitment"]
    titles = {demo_store.get(Commitment, i).title for i in commitment_ids}
    assert "累计开通5G基站超1万个" in titles
    assert all("基站" in hit.snippet for hit in hits if hit.kind == "commitment")


def test_search_finds_document_numbers_and_longer_terms(demo_store: Store) -> None:
    # The letter is both the reply's text and a stored source document.
    assert sorted(hit.kind for hit in demo_store.search("常工信复")) == ["reply", "source"]
    assert {hit.kind for hit in demo_store.search("标识解析二级节点")} >= {"reply", "commitment"}


def test_search_combines_terms_and_filters_kinds(demo_store: Store) -> None:
    both = demo_store.search("基站 11080")
    assert [hit.kind for hit in both] == ["source"]
    only_commitments = demo_store.search("基站", kinds=["commitment"])
    assert only_commitments and {hit.kind for hit in only_commitments} == {"commitment"}


@pytest.mark.parametrize("text", ['"', "AND (", "基站 OR", "NEAR(", "*", "'; DROP TABLE replies; --", "body:基站",
                                  '"基站" AND', "-", "^", "()", "\\", "%", "_"])
def test_search_survives_any_user_text(demo_store: Store, text: str) -> None:
    demo_store.search(text)  # must not raise
    assert demo_store.count(Commitment) == 15


def test_search_treats_operators_as_text(demo_store: Store) -> None:
    assert demo_store.search("AND") == []
    assert demo_store.search("") == [] and demo_store.search("   ") == []


def test_search_index_follows_edits(demo_store: Store) -> None:
    commitment = demo_store.list(Commitment, "title = ?", ("培育50个示范应用企业",))[0]
    demo_store.save(Commitment(**{**commitment.__dict__, "notes": "独角兽孵化"}))
    assert [h.id for h in demo_store.search("独角兽", kinds=["commitment"])] == [commitment.id]
    demo_store.delete(Commitment, commitment.id)
    assert demo_store.search("独角兽", kinds=["commitment"]) == []


def test_search_finds_short_terms_at_the_end_of_a_text(demo_store: Store) -> None:
    """One- and two-character terms are looked up in the trigram index; the two spaces that end every entry make
    the last characters of a text findable too."""
    commitment = demo_store.list(Commitment)[0]
    target = demo_store.save(Target(commitment_id=commitment.id, indicator="污水管网长度", comparator=">=",
                                    value=120, unit="公里"))
    assert any(hit.id == target.id for hit in demo_store.search("公里", kinds=["target"]))
    assert any(hit.id == target.id for hit in demo_store.search("里", kinds=["target"]))
    assert any(hit.id == target.id for hit in demo_store.search("管网 公里", kinds=["target"]))
    assert demo_store.search("公里 没有这个词") == []
    assert demo_store.search("Ω") == []  # a character that no text has


@pytest.mark.sqlite_only  # SQLite's trace; the server's indexes: tests/db/test_postgres.py
def test_search_of_a_short_term_reads_no_text(demo_store: Store) -> None:
    statements: list[str] = []
    demo_store.conn.set_trace_callback(statements.append)
    try:
        demo_store.search("基站")
    finally:
        demo_store.conn.set_trace_callback(None)
    assert not any("instr(" in sql for sql in statements)
    assert any("MATCH" in sql for sql in statements)
