"""Evidence suggestions: figures of the demo documents, indicator cores, places, and the matching rules."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.evidence_suggestions import (
    DocumentFacts,
    OpenTarget,
    evidence_from_payload,
    find_figures,
    indicator_core,
    indicator_similarity,
    is_recorded,
    match_figures,
    place_of_document,
    place_of_office,
)
from desktop.core.extraction import read_document
from desktop.core.records import Evidence, Target
from tests.conftest import DEMO_DIR

D = dt.date
REPLY_DATE = D(2021, 6, 8)


def stations(**changes) -> Target:
    fields = dict(commitment_id=2, indicator="累计开通5G基站数", comparator=">", value=1, unit="万个",
                  value_normalized=10000, unit_normalized="个", deadline=D(2021, 12, 31), cumulative=True,
                  baseline_value=7000, baseline_unit="个", baseline_date=REPLY_DATE, id=2)
    fields.update(changes)
    return Target(**fields)


def demo_document(name: str) -> DocumentFacts:
    document = read_document(DEMO_DIR / name)
    return DocumentFacts(document.text, document.title, document.publisher, document.date, document.url)


CHANGZHOU_0303 = "news_2022-03-03_changzhou_digital_economy.md"
CHANGZHOU_532 = "news_2022-02-07_changzhou_532_strategy.md"
NANCHANG = "news_2022-02-07_nanchang_digital_economy.md"
ZHANGJIAGANG = "report_2022-06-29_zhangjiagang_digital_economy.txt"


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("累计开通5G基站数", "开通5G基站数", 1.0),
    ("开通基站数", "开通5G基站数", 0.9),  # one core inside the other
    ("“我的常州”APP注册用户数", "我的常州APP注册用户", 1.0),
    ("累计开通5G基站数", "每万人拥有5G基站数", 0.0),  # per head is another measure
    ("建设省级智能车间数", "示范车间数", 0.25),
])
def test_indicator_similarity(first: str, second: str, expected: float) -> None:
    assert indicator_similarity(first, second) == pytest.approx(expected)


def test_indicator_core() -> None:
    assert indicator_core("累计开通5G基站数") == "5G基站"
    assert indicator_core("新增省级智能车间数") == "省级智能车间"
    assert indicator_core("数") == "数"  # never reduced to nothing


def test_places() -> None:
    assert place_of_office("常州市工业和信息化局") == "常州"
    assert place_of_office("常州") == "常州"
    assert place_of_office("张家港市") == "张家港"
    assert place_of_office("") is None
    assert place_of_document(demo_document(CHANGZHOU_0303)) == "常州"  # 常州日报
    assert place_of_document(demo_document(NANCHANG)) == "南昌"  # 南昌日报
    assert place_of_document(demo_document(ZHANGJIAGANG)) == "张家港"  # 张家港经开区…, no publisher


def test_figures_of_the_demo_news_with_their_as_of_dates() -> None:
    changzhou = demo_document(CHANGZHOU_0303)
    figures = {f.quote: f for f in find_figures(changzhou.text, changzhou.date)}
    station = figures["我市已开通5G基站11080个"]
    assert (station.value, station.unit, station.as_of, station.as_of_text) == (11080, "个", D(2022, 3, 3), None)
    assert "每万人拥有5G基站达21个" not in figures  # a figure per head
    output = next(f for f in figures.values() if f.value == 568.76)
    assert (output.as_of, output.as_of_text) == (D(2021, 12, 31), "2021年")  # "2021年，全市…实现产值…"
    nanchang = demo_document(NANCHANG)
    stations_nc = next(f for f in find_figures(nanchang.text, nanchang.date) if "5G基站" in f.indicator)
    assert (stations_nc.value, stations_nc.as_of, stations_nc.as_of_text) == (12350, D(2021, 11, 30),
                                                                             "截至2021年11月底")
    plan = demo_document(CHANGZHOU_532)
    assert not [f for f in find_figures(plan.text, plan.date) if "基站" in f.indicator]  # 2.8万个 is for 2025


def test_the_stations_target_gets_11080_and_no_other_city_figure() -> None:
    target = OpenTarget(stations(), "常州", REPLY_DATE)
    changzhou = demo_document(CHANGZHOU_0303)
    [match] = match_figures(find_figures(changzhou.text, changzhou.date), [target], changzhou)
    assert (match.figure.quote, match.value_in_target_unit, match.score) == ("我市已开通5G基站11080个", 11080, 0.93)
    assert "同一地区：常州（常州日报）" in match.reasons
    for other in (NANCHANG, ZHANGJIAGANG, CHANGZHOU_532):
        document = demo_document(other)
        assert match_figures(find_figures(document.text, document.date), [target], document) == []


def test_a_document_that_never_names_the_place_is_not_used() -> None:
    text = "目前，全市已开通5G基站11080个。"
    facts = DocumentFacts(text, title="数字经济发展情况", date=D(2022, 3, 3))
    figures = find_figures(text, facts.date)
    assert match_figures(figures, [OpenTarget(stations(), "常州", REPLY_DATE)], facts) == []
    [unknown] = match_figures(figures, [OpenTarget(stations(), None, REPLY_DATE)], facts)
    assert unknown.score < 0.93 and "地区未知" in unknown.reasons


def test_another_county_named_in_the_sentence_is_not_our_figure() -> None:
    text = "常州市数字经济发展情况\n目前，溧阳市已开通5G基站1200个。全市已开通5G基站11080个。"
    facts = DocumentFacts(text, title="常州市数字经济发展情况", date=D(2022, 3, 3))
    [match] = match_figures(find_figures(text, facts.date), [OpenTarget(stations(), "常州", REPLY_DATE)], facts)
    assert match.figure.value == 11080


def test_units_dates_and_recorded_figures() -> None:
    changzhou = demo_document(CHANGZHOU_0303)
    figures = find_figures(changzhou.text, changzhou.date)
    money = stations(indicator="开通5G基站投资", unit="亿元", value=15, value_normalized=1.5e9, unit_normalized="元")
    assert match_figures(figures, [OpenTarget(money, "常州", REPLY_DATE)], changzhou) == []  # 个 is not 元
    later = OpenTarget(stations(), "常州", D(2022, 6, 1))
    assert match_figures(figures, [later], changzhou) == []  # the figure predates the promise
    in_10k = OpenTarget(stations(unit="万个", value=1), "常州", REPLY_DATE)
    [match] = match_figures(figures, [in_10k], changzhou)
    recorded = Evidence(target_id=2, as_of_date=D(2022, 3, 3), value=1.108, unit="万个")
    assert is_recorded(match, [recorded])
    assert not is_recorded(match, [Evidence(target_id=2, as_of_date=D(2022, 3, 3), value=1.2, unit="万个")])


def test_accepted_payload_becomes_evidence_with_its_source() -> None:
    changzhou = demo_document(CHANGZHOU_0303)
    [match] = match_figures(find_figures(changzhou.text, changzhou.date), [OpenTarget(stations(), "常州", REPLY_DATE)],
                            changzhou)
    evidence = evidence_from_payload(match.payload(changzhou), 2, 7, "clerk")
    assert (evidence.value, evidence.unit, evidence.as_of_date, evidence.source_document_id) == (
        11080, "个", D(2022, 3, 3), 7)
    assert (evidence.publisher, evidence.source_title, evidence.quote) == (
        "常州日报", "常州发展数字经济成绩斐然", "我市已开通5G基站11080个")
    evidence.check()

