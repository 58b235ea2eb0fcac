"""The rules real letters need (undated, garbled, one-line letters), each shown on sentences written for it."""

from __future__ import annotations

import datetime as dt

from desktop.core.extraction import extract_letter, extract_targets

DATED = dt.date(2024, 5, 20)


def _targets(text: str, reference: dt.date | None = DATED):
    return extract_targets(text, reference_date=reference)


def _facts(targets) -> list[tuple]:
    return [(t.value, t.comparator, t.kind, t.deadline) for t in targets]


def _letter(title: str, body: str, closing: str = "某某县住房和城乡建设局\n"):
    return extract_letter(f"{title}\n王某代表：\n{body}\n{closing}")


# ------------------------------------------------------------------------- 1. no reference date
def test_undated_letter_takes_its_year_from_the_title() -> None:
    extraction = _letter("关于2024年县人大五届二次会议第15号建议的答复", "今年将改造背街小巷12条。")
    assert extraction.reference_guessed and extraction.reference_date == dt.date(2024, 1, 1)
    assert _facts(extraction.targets) == [(12, "=", "commitment", dt.date(2024, 12, 31))]


def test_undated_letter_takes_its_year_from_a_dated_proposal_number() -> None:
    extraction = _letter("关于第202301150042号建议的答复", "年内将新建公厕6座。")
    assert extraction.reference_date == dt.date(2023, 1, 1)
    assert _facts(extraction.targets) == [(6, "=", "commitment", dt.date(2023, 12, 31))]


def test_start_next_year_and_completion_give_the_investment_its_deadline_without_any_date() -> None:
    found = _targets("计划明年3月开工，2027年6月底前建成，总投资约3800万元。", None)
    investment = [t for t in found if t.value == 3800]
    assert _facts(investment) == [(3800, "=", "commitment", dt.date(2027, 6, 30))]


def test_without_any_year_a_month_and_an_outcome_is_a_commitment_without_a_date() -> None:
    found = _targets("县游泳馆9月底投入使用。", None)
    assert [(t.comparator, t.kind, t.deadline, t.deadline_text) for t in found] == [
        ("qualitative", "commitment", None, "9月底")]


def test_unwritten_year_comes_from_the_nearest_year_in_the_text() -> None:
    found = _targets("根据2023年工作要点开展路灯改造。\n\n北街将于年内安装路灯两处。", None)
    assert _facts(found) == [(2, "=", "commitment", dt.date(2023, 12, 31))]


def test_a_time_after_one_known_ahead_is_ahead_too() -> None:
    found = _targets("到2025年底前完成管网改造；2026年新增污水管网20公里。", None)
    assert _facts([t for t in found if t.value == 20]) == [(20, "=", "commitment", dt.date(2026, 12, 31))]


def test_confidence_is_lower_when_the_date_was_guessed_or_the_time_does_not_resolve() -> None:
    body = "今年将改造背街小巷12条。"
    dated = _letter("关于县人大五届二次会议第15号建议的答复", body, "某某局\n2024年5月20日\n").targets[0]
    guessed = _letter("关于2024年县人大五届二次会议第15号建议的答复", body).targets[0]
    assert guessed.confidence < dated.confidence
    unresolved = _targets("县游泳馆9月底投入使用。", None)[0]
    resolved = _targets("县游泳馆9月底投入使用。")[0]
    assert unresolved.confidence < resolved.confidence


# ------------------------------------------------------------------------- 2. under way is not planned
def test_figures_of_work_under_way_stay_facts_in_a_sentence_of_this_year() -> None:
    found = _targets("今年全县正在建设安置房1200套。")
    assert _facts(found) == [(1200, "=", "baseline", None)]


def test_project_reported_under_way_keeps_its_planned_figure_as_a_fact() -> None:
    found = _targets("按照今年的建设任务，我局计划在城东，建设一座高标准公厕，现已完成主体工程建设，"
                     "预计10月底投入使用。")
    assert [(t.value, t.kind) for t in found if t.value] == [(1, "baseline")]


# ------------------------------------------------------------------------- 3. dates that pick out what is counted
def test_a_date_of_building_that_picks_out_what_is_counted_is_not_a_deadline() -> None:
    found = _targets("拟对全县2003年底前建成、配套老化的56个小区实施改造，今年底前完成。")
    assert _facts([t for t in found if t.value]) == [(56, "=", "commitment", dt.date(2024, 12, 31))]
    assert not any(t.comparator == "qualitative" and "2003" in (t.deadline_text or "") for t in found)


# ------------------------------------------------------------------------- 4. qualitative promises with their own time
def test_a_time_followed_by_an_outcome_is_a_promise_whatever_the_subject() -> None:
    found = _targets("城北新区全民健身中心综合游泳馆9月底投入使用。")
    assert [(t.comparator, t.deadline) for t in found] == [("qualitative", dt.date(2024, 9, 30))]
    found = _targets("力争年内开工建设城北污水处理厂。")
    assert [(t.comparator, t.deadline) for t in found] == [("qualitative", dt.date(2024, 12, 31))]


def test_work_listed_for_a_year_is_promised_for_that_year_but_a_plan_name_is_not() -> None:
    found = _targets("其中西沟支渠已列入2025年实施项目中。")
    assert [(t.comparator, t.deadline) for t in found] == [("qualitative", dt.date(2025, 12, 31))]
    found = _targets("我局已将该项目列入2025年市重点项目建设计划，总投资约2亿元。")
    assert _facts(found) == [(2, "=", "commitment", None)]


def test_this_month_and_next_year_with_a_verb_of_starting() -> None:
    found = _targets("其中第一段已开展招标，本月底前动建，明年全线动建。")
    assert [(t.quote, t.deadline) for t in found] == [
        ("本月底前动建", dt.date(2024, 5, 31)), ("明年全线动建", dt.date(2025, 12, 31))]


def test_what_will_not_be_done_is_no_promise() -> None:
    assert _targets("该路段未列入我市年度建设计划。") == []


# ------------------------------------------------------------------------- 5. 一 + classifier
def test_one_and_a_classifier_is_a_count_where_it_ends_the_clause_or_follows_a_counting_word() -> None:
    assert [(t.value, t.unit) for t in _targets("今年将在东门增设出租车候客点一处。")] == [(1, "处")]
    assert [(t.value, t.unit) for t in _targets("目前该线路仅一辆车运营。")] == [(1, "辆")]
    assert [(t.value, t.unit) for t in _targets("计划新建一所寄宿制学校。")] == [(1, "所")]
    assert [(t.value, t.unit) for t in _targets("今年将设置公交站5站。")] == [(5, "站")]
    assert _targets("我们将建立一个长效机制。") == []


# ------------------------------------------------------------------------- 6. carried deadlines
def test_then_takes_the_deadline_of_the_sentence_before() -> None:
    found = _targets("停车场计划10月底前建成。届时将新增停车位200个。")
    assert _facts([t for t in found if t.value]) == [(200, "=", "commitment", dt.date(2024, 10, 31))]


def test_figure_followed_by_a_planned_completion_takes_its_date() -> None:
    found = _targets("已同意对48辆出租车进行更新，预计10月底前完成。")
    assert _facts([t for t in found if t.value]) == [(48, "=", "commitment", dt.date(2024, 10, 31))]


# ------------------------------------------------------------------------- 7. handling the proposal
def test_counts_about_handling_the_proposal_are_not_targets() -> None:
    extraction = _letter("关于第3号建议的答复", "我局先后四次调度建议办理进度。\n"
                         "局党组审议通过《停车管理办法》《收费实施细则》两项制度。\n"
                         "由县财政局、县交通局、县住建局3家单位共同筹资。")
    assert extraction.targets == []


# ------------------------------------------------------------------------- 8. comparators and non-targets
def test_reaching_apart_from_its_number_is_at_least() -> None:
    found = _targets("力争今年达到农村学校食堂标准化率95%。")
    assert [(t.value, t.comparator) for t in found] == [(95, ">=")]


def test_durations_reach_and_distances_in_an_address_are_not_targets() -> None:
    assert _targets("该水泵已使用12年，惠及3乡镇。") == []
    assert _targets("新建公厕位于城东(建设北路南50米)，距高速出口1公里处。") == []


def test_a_bound_on_a_count_before_a_noun_is_a_criterion() -> None:
    assert _targets("二是合理规划30户及以上自然村通组硬化路建设。") == []


def test_amount_in_the_name_of_a_way_of_working_is_not_a_target() -> None:
    assert _targets("散户拟以三个一体化净化池模式进行处理。") == []


# ------------------------------------------------------------------------- 9. cumulative
def test_items_under_其中_share_the_totals_flow_reading() -> None:
    found = _targets("2024年计划新建农村公路120公里。其中：通组公路80公里。")
    assert [(t.value, t.cumulative) for t in found] == [(120, False), (80, False)]


def test_equipping_and_renewing_in_a_period_are_flows() -> None:
    found = _targets("今年将为乡镇卫生院配备救护车12辆。")
    assert [(t.value, t.cumulative) for t in found] == [(12, False)]


def test_累计_carries_to_later_items_of_the_list() -> None:
    found = _targets("截至目前，全县累计建成5G基站1200个，开通5G用户30万户。")
    assert [(t.value_normalized, t.cumulative) for t in found] == [(1200, True), (300000, True)]


def test_共_right_before_the_number_is_a_stock_marker() -> None:
    found = _targets("目前全市共12个城市公园。")
    assert [(t.value, t.cumulative) for t in found] == [(12, True)]


# ------------------------------------------------------------------------- 10. indicator
def test_indicator_is_a_short_noun_phrase() -> None:
    found = _targets("您提到的北大街金源嘉园小区东门附近将于年内安装智能路灯两处。")
    assert found[0].indicator == "安装智能路灯数"
    found = _targets("全县规划实施示范工程4个示范乡镇、32个精品示范村。")
    assert [t.indicator for t in found] == ["示范乡镇数", "精品示范村数"]
    assert all(len(t.indicator) <= 16 for t in found)
