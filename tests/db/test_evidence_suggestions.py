"""Evidence suggestions through the import of the demo documents, and accepting or rejecting them."""

from __future__ import annotations

import datetime as dt

import pytest

from db import Store
from db.evidence_suggestions import (
    accept_evidence_suggestion,
    list_evidence_suggestions,
    reject_evidence_suggestion,
    suggest_evidence,
    suggest_evidence_everywhere,
)
from db.letters import import_files
from db.status import judge_ledger
from desktop.core.errors import LedgerError
from desktop.core.records import Evidence, SourceDocument, Suggestion, Target
from tests.conftest import DEMO_DIR

D = dt.date
NEWS = ["news_2022-03-03_changzhou_digital_economy.md", "news_2022-02-07_changzhou_532_strategy.md",
        "news_2022-02-07_nanchang_digital_economy.md", "report_2022-06-29_zhangjiagang_digital_economy.txt"]


@pytest.fixture
def ledger_without_evidence(demo_store: Store) -> Store:
    """The demo's promises before anyone read the 2022 news: no evidence, no news documents."""
    for item in demo_store.list(Evidence):
        demo_store.delete(Evidence, item.id)
    for source in demo_store.list(SourceDocument, "kind <> 'letter'"):
        demo_store.delete(SourceDocument, source.id)
    return demo_store


def stations_target(store: Store) -> Target:
    return next(t for t in store.list(Target) if t.indicator == "累计开通5G基站数")


def test_importing_the_demo_news_suggests_11080_for_the_stations_target_only(ledger_without_evidence: Store) -> None:
    store = ledger_without_evidence
    outcomes = import_files(store, [DEMO_DIR / name for name in NEWS])
    assert [o.suggestions for o in outcomes] == [1, 0, 0, 0]  # none from 532 plans, 南昌 or 张家港
    assert outcomes[0].message.endswith("1 evidence suggestion(s) to review.")
    [suggestion] = list_evidence_suggestions(store)
    assert suggestion.target_id == stations_target(store).id
    assert suggestion.source_document_id == outcomes[0].source_document_id
    payload = suggestion.payload
    assert (payload["quote"], payload["value"], payload["unit"], payload["as_of"]) == (
        "我市已开通5G基站11080个", 11080, "个", "2022-03-03")
    assert suggestion.score == pytest.approx(0.93)


def test_accepting_records_the_evidence_and_the_target_is_met(ledger_without_evidence: Store) -> None:
    store = ledger_without_evidence
    import_files(store, [DEMO_DIR / NEWS[0]])
    [suggestion] = list_evidence_suggestions(store)
    evidence = accept_evidence_suggestion(store, suggestion.id)
    assert (evidence.target_id, evidence.value, evidence.as_of_date, evidence.publisher) == (
        suggestion.target_id, 11080, D(2022, 3, 3), "常州日报")
    assert store.get(Suggestion, suggestion.id).state == "accepted"
    status = judge_ledger(store, D(2022, 3, 31))
    assert status.targets[suggestion.target_id].state == "met"
    with pytest.raises(LedgerError) as raised:
        accept_evidence_suggestion(store, suggestion.id)
    assert raised.value.code == "suggestion_decided"
    assert suggest_evidence_everywhere(store) == []  # met now, and already suggested


def test_rejected_suggestions_are_not_made_again(ledger_without_evidence: Store) -> None:
    store = ledger_without_evidence
    [outcome] = import_files(store, [DEMO_DIR / NEWS[0]])
    [suggestion] = list_evidence_suggestions(store)
    reject_evidence_suggestion(store, suggestion.id)
    assert suggest_evidence(store, outcome.source_document_id) == []
    assert list_evidence_suggestions(store) == []
    assert [s.state for s in list_evidence_suggestions(store, None)] == ["rejected"]
    with pytest.raises(LedgerError):
        reject_evidence_suggestion(store, 999)


def test_import_with_accept_adds_the_evidence(ledger_without_evidence: Store) -> None:
    store = ledger_without_evidence
    [outcome] = import_files(store, [DEMO_DIR / NEWS[0]], accept=True)
    assert outcome.message.endswith("1 evidence record(s) added from its figures.")
    [evidence] = store.list(Evidence)
    assert evidence.target_id == stations_target(store).id and evidence.source_document_id == outcome.source_document_id


def test_the_demo_ledger_needs_no_suggestion_it_already_has(demo_store: Store) -> None:
    # The demo already records 11080 from the same report: nothing to suggest.
    assert suggest_evidence_everywhere(demo_store) == []


def test_the_office_city_setting_decides_the_place(ledger_without_evidence: Store) -> None:
    store = ledger_without_evidence
    store.set_setting("office.city", "南昌市")
    outcomes = import_files(store, [DEMO_DIR / NEWS[0], DEMO_DIR / NEWS[2]])
    assert [o.suggestions for o in outcomes] == [0, 1]  # now the 常州 report is the other city's


def test_extracted_letter_then_news(store: Store) -> None:
    # The whole path: the reply letter imported and accepted by the extractor, then the news report.
    import_files(store, [DEMO_DIR / "reply_changgongxinfu_2021_39.md"], accept=True)
    outcomes = import_files(store, [DEMO_DIR / NEWS[0], DEMO_DIR / NEWS[2]])
    assert [o.suggestions for o in outcomes] == [1, 0]
    [suggestion] = list_evidence_suggestions(store)
    target = store.get(Target, suggestion.target_id)
    assert "基站" in target.indicator and suggestion.payload["value"] == 11080
