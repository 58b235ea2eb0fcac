from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

import pytest

from desktop.core.extraction import extract_letter, extract_targets, read_document

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "letters"
HELD_OUT = Path(__file__).resolve().parents[2] / "fixtures" / "letters_heldout"
HELD_OUT_2 = Path(__file__).resolve().parents[2] / "fixtures" / "letters_heldout2"


def _targets(text: str, reference: dt.date | None = dt.date(2021, 6, 8)):
    return extract_targets(text, reference_date=reference)


def test_one_sentence_several_targets_share_its_deadline() -> None:
    found = _targets("到“十四五”期末，实现全市城乡5G网络全覆盖，标识注册量累计超过5亿，节点接入服务重点企业数超800家。")
    assert [(t.comparator, t.value_normalized, t.kind, t.deadline) for t in found] == [
        ("qualitative", None, "commitment", dt.date(2025, 12, 31)),
        (">", 500_000_000, "commitment", dt.date(2025, 12, 31)),
        (">", 800, "commitment", dt.date(2025, 12, 31)),
    ]
    assert found[1].cumulative is True and found[2].cumulative is None
    assert found[0].quote == "实现全市城乡5G网络全覆盖"


def test_commitment_and_baseline_by_cue_and_by_year() -> None:
    found = _targets("目前全市已开通5G基站近7000个。2020年完成投资超20亿元。2021年完成5G建设投资15亿元。")
    assert [(t.kind, t.comparator, t.deadline) for t in found] == [
        ("baseline", "<", None), ("baseline", ">", None), ("commitment", ">=", dt.date(2021, 12, 31))]
    assert [t.cumulative for t in found[1:]] == [False, False]


def test_deadlines_follow_the_letter_date() -> None:
    text = "今年年底前新建充电桩50台，明年上半年再建成30台。"
    early, late = _targets(text, dt.date(2019, 7, 26))
    assert (early.deadline, late.deadline) == (dt.date(2019, 12, 31), dt.date(2020, 6, 30))
    assert early.kind == late.kind == "commitment"


def test_past_year_in_a_later_letter_is_a_baseline() -> None:
    (target,) = _targets("2021年新开通公交线路5条。", dt.date(2022, 6, 15))
    assert (target.kind, target.deadline, target.cumulative) == ("baseline", None, False)


def test_sentence_without_cues_continues_the_plan_of_the_sentence_before() -> None:
    text = "2019年,兴庆区计划投入1.18亿元。第一期改造59个老旧小区,359栋楼14000余户。"
    found = _targets(text, dt.date(2019, 7, 26))
    assert all(t.kind == "commitment" and t.deadline == dt.date(2019, 12, 31) for t in found)
    assert [t.cumulative for t in found] == [False, False, False, False]
    assert [t.comparator for t in found] == ["=", "=", "=", ">"]


def test_qualitative_commitments_need_a_time_expression() -> None:
    found = _targets("下一步将加强监管。计划于2021年9月重启该工程,于2022年4月竣工。该项目于9月28日开标。")
    assert [(t.quote, t.deadline) for t in found] == [
        ("计划于2021年9月重启该工程", dt.date(2021, 9, 30)), ("于2022年4月竣工", dt.date(2022, 4, 30))]


def test_not_targets() -> None:
    text = ("按照“七个一”的统一推进机制，实施三大工程，位居全省第三。《常州市大数据发展三年行动计划（2021-2023）》"
            "(常政发〔2021〕12号)。实现2000年底前建成的老旧小区改造。")
    assert _targets(text) == []


def test_spec_rating_is_not_a_target_but_the_count_is() -> None:
    found = _targets("规划新建120KW直流充电桩297台、360KW以上大功率充电桩30台。")
    assert [(t.value, t.comparator, t.cumulative) for t in found] == [(297, "=", False), (30, "=", False)]


def test_stock_markers_and_lists() -> None:
    found = _targets("截至目前,全县新能源汽车保有量2409台,其中公共充电站17座257台。"
                     "我县共建设养老机构3家,日间照料中心9所。")
    assert all(t.kind == "baseline" for t in found)
    assert [t.cumulative for t in found] == [True, True, True, True, True]


def test_offsets_point_at_the_quote() -> None:
    text = "一、现状\n目前常州共计4个工业互联网标识解析二级节点上线运营，累计接入企业260家。\n"
    for target in _targets(text):
        assert text[target.start:target.end] == target.quote


def test_news_figures_with_a_reference_date() -> None:
    text = "目前，我市已开通5G基站11080个。到2025年，全市电子信息制造业收入要达到3300亿元。"
    base, goal = _targets(text, dt.date(2022, 3, 3))
    assert (base.kind, base.value_normalized) == ("baseline", 11080)
    assert (goal.kind, goal.deadline, goal.value_normalized) == ("commitment", dt.date(2025, 12, 31), 330_000_000_000)


def test_letter_targets_come_from_the_body_only() -> None:
    text = ("关于建设100个充电站的建议的答复\n\n张三代表：\n\n您提出的关于建设100个充电站的建议收悉。\n\n"
            "2021年将新建充电站20座。\n\n某某局\n2021年6月1日\n\n联系电话：12345678（共2份）\n")
    extraction = extract_letter(text)
    assert [(t.value, t.kind, t.deadline) for t in extraction.targets] == [
        (20, "commitment", dt.date(2021, 12, 31))]


def test_plan_word_after_已_states_what_was_done() -> None:
    (target,) = _targets("今年已争取省级补助资金800万元。")
    assert (target.kind, target.deadline) == ("baseline", None)
    (target,) = _targets("今年争取省级补助资金800万元。")
    assert (target.kind, target.deadline) == ("commitment", dt.date(2021, 12, 31))


def test_this_year_in_a_sentence_of_facts_names_the_current_period() -> None:
    found = _targets("今年全市应届毕业生达1.8万人，比上年增加0.1万人。今年全市新增就业不低于2万人。")
    assert [(t.value, t.kind, t.deadline) for t in found] == [
        (1.8, "baseline", None), (0.1, "baseline", None), (2, "commitment", dt.date(2021, 12, 31))]


def test_share_of_an_annual_target_is_progress_not_a_promise() -> None:
    found = _targets("1-5月，全市新增就业1.2万人，完成年度目标任务的45%；发放贷款超1亿元。")
    assert [(t.kind, t.comparator, t.deadline) for t in found] == [
        ("baseline", "=", None), ("baseline", "=", None), ("baseline", ">", None)]


def test_later_clause_with_an_outcome_verb_is_governed_by_the_opening_time() -> None:
    found = _targets("年底前完成10所学校维修改造，消除D级危房。明年计划新建驿站4个，基本实现街道全覆盖。"
                     "到2025年，建成示范区2个，在多个领域打造应用场景。")
    assert [(t.comparator, t.value, t.deadline) for t in found] == [
        (">=", 10, dt.date(2021, 12, 31)), ("qualitative", None, dt.date(2021, 12, 31)),
        ("=", 4, dt.date(2022, 12, 31)), ("qualitative", None, dt.date(2022, 12, 31)),
        ("=", 2, dt.date(2025, 12, 31))]
    assert [t.quote for t in found if t.comparator == "qualitative"] == ["消除D级危房", "基本实现街道全覆盖"]


def test_outcome_clause_after_a_past_or_missing_time_is_not_a_target() -> None:
    assert [t.comparator for t in _targets("2020年完成改造10所，消除D级危房。")] == ["="]
    assert [t.comparator for t in _targets("完成改造10所，消除D级危房。")] == ["="]


def test_bounds_that_pick_out_what_is_counted_are_criteria() -> None:
    found = _targets("全县65周岁以上老年人口3.2万人。今年为80周岁及以上老人发放津贴。"
                     "今年新增投资5000万元以上项目12个。")
    assert [(t.value, t.unit, t.comparator) for t in found] == [(3.2, "万人", "="), (12, "个", "=")]
    (target,) = _targets("到2025年，人均预期寿命达到80岁以上。")
    assert (target.value, target.comparator) == (80, ">=")


def test_bound_word_before_the_base_of_a_share() -> None:
    found = _targets("到2025年，绿地面积不低于建成区面积的40%，管理费用不超过总投资的3%，占全省的12%。")
    assert [(t.value, t.comparator) for t in found] == [(40, ">="), (3, "<="), (12, "=")]


def test_level_after_由_is_the_current_one() -> None:
    text = "计划明年完成提标改造，排放标准由一级B提高到一级A，处理能力由5万吨/日提高到8万吨/日。"
    old, new = [t for t in _targets(text) if t.value is not None]
    assert (old.unit, new.unit) == ("万吨/日", "万吨/日")
    assert (old.value, old.kind, old.deadline, old.cumulative) == (5, "baseline", None, None)
    assert (new.value, new.kind, new.deadline) == (8, "commitment", dt.date(2022, 12, 31))
    old, new = _targets("明年将补助标准由原来的每人500元提高到800元。")
    assert (old.value, old.kind, new.value, new.kind) == (500, "baseline", 800, "commitment")


def test_project_with_a_start_ahead_gives_its_figures_the_completion_date() -> None:
    found = _targets("该项目已完成初步设计，建筑面积1.2万平方米，总投资约9000万元，计划今年10月开工，"
                     "2023年6月底前竣工。")
    figures = [(t.value, t.kind, t.deadline) for t in found if t.value is not None]
    assert figures == [(1.2, "commitment", dt.date(2023, 6, 30)), (9000, "commitment", dt.date(2023, 6, 30))]
    assert [(t.quote, t.deadline) for t in found if t.value is None] == [
        ("计划今年10月开工", dt.date(2021, 10, 31)), ("2023年6月底前竣工", dt.date(2023, 6, 30))]


def test_project_under_way_keeps_its_figures_as_baselines() -> None:
    found = _targets("该项目总投资9000万元，已于今年3月开工，计划明年6月底前竣工。")
    assert [(t.value, t.kind) for t in found if t.value is not None] == [(9000, "baseline")]
    found = _targets("该项目已完成投资3000万元，计划今年10月开工。")
    assert [(t.value, t.kind) for t in found if t.value is not None] == [(3000, "baseline")]


def test_plan_figure_before_a_start_and_a_completion_date_takes_the_completion() -> None:
    found = _targets("计划新建道路3.5公里，计划今年9月开工，明年5月底前建成。")
    assert (found[0].value, found[0].deadline) == (3.5, dt.date(2022, 5, 31))


def test_pipe_table_columns_say_achieved_or_planned_and_the_year() -> None:
    text = ("主要指标如下：\n| 指标 | 2020年完成 | 2021年目标 | 备注 |\n|---|---|---|---|\n"
            "| 新能源公交车(辆) | 120 | 150 | 含出租 |\n| 充电桩覆盖率 | 85% | 95% | |\n| 说明 | 见附件 | 待定 | |\n")
    found = _targets(text)
    assert [(t.value, t.unit, t.kind, t.deadline, t.comparator) for t in found] == [
        (120, "辆", "baseline", None, "="), (150, "辆", "commitment", dt.date(2021, 12, 31), "="),
        (85, "%", "baseline", None, "="), (95, "%", "commitment", dt.date(2021, 12, 31), "=")]
    assert found[0].quote == "| 新能源公交车(辆) | 120 | 150 | 含出租 |"
    assert found[0].indicator == "新能源公交车"
    for target in found:
        assert text[target.start:target.end] == target.quote


def test_table_column_of_unknown_meaning_gives_nothing() -> None:
    assert _targets("| 区县 | 户数 | 人口 |\n| 东区 | 120户 | 300人 |\n") == []


def test_ascii_full_stop_ends_a_sentence() -> None:
    found = _targets("全县新建公园2个.年内争取建成绿道15公里.", dt.date(2021, 6, 8))
    assert [(t.value, t.kind, t.deadline) for t in found] == [
        (2, "baseline", None), (15, "commitment", dt.date(2021, 12, 31))]
    assert found[0].quote == "全县新建公园2个"


def test_levels_are_neither_stocks_nor_flows() -> None:
    found = _targets("截至2020年底，全市共有床位5000张，每千人口床位数5.1张，床位使用率为85%，收费标准为30元/天。")
    assert [(t.value, t.cumulative) for t in found] == [(5000, True), (5.1, None), (85, None), (30, None)]


def test_共_sums_a_stock_but_a_years_programme_is_a_flow() -> None:
    found = _targets("目前全县共开通公交线路27条，投入运营车辆186辆。2020年，全县共改造老旧小区40个，惠及居民9000户。")
    assert [(t.value, t.cumulative) for t in found] == [(27, True), (186, True), (40, False), (9000, False)]


def test_stock_reading_carries_to_later_items_of_the_list() -> None:
    found = _targets("2018年以来，累计完成水库除险加固6座，投入资金3150万元；建成泵站12座，另有3座正在施工。")
    assert [(t.value, t.cumulative) for t in found] == [(6, True), (3150, True), (12, True), (3, None)]


def test_a_bound_to_keep_is_a_target_even_without_a_plan_word() -> None:
    found = _targets("全市PM10年均浓度控制在60微克/立方米以内，森林覆盖率不低于40%。目前失业率控制在4%以内。")
    assert [(t.value, t.kind) for t in found] == [(60, "commitment"), (40, "commitment"), (4, "baseline")]


def test_figures_after_the_start_date_take_the_completion_date() -> None:
    found = _targets("项目计划今年9月开工，总投资约2亿元，明年10月底前建成。")
    assert [(t.value, t.deadline) for t in found if t.value is not None] == [(2, dt.date(2022, 10, 31))]


def test_plan_stated_for_a_season_ahead_is_a_commitment_without_a_date() -> None:
    (target,) = _targets("今年秋季学期新增学位600个。")
    assert (target.kind, target.deadline, target.deadline_text) == ("commitment", None, "今年秋季学期")


def test_policy_starting_ahead_is_a_commitment_and_one_started_is_a_fact() -> None:
    (ahead,) = _targets("2022年起，每年安排不少于500万元用于道路养护。")
    assert (ahead.kind, ahead.deadline) == ("commitment", None)
    (since,) = _targets("2020年以来，每年安排500万元用于道路养护。")
    assert since.kind == "baseline"


def test_plans_of_a_letter_without_a_date_take_the_year_of_the_passage() -> None:
    text = "2023年，我区将新建水厂2座。水厂计划5月开工。同时，年内完成3个村组应急供水工程，彻底解决缺水问题。"
    found = _targets(text, None)
    assert [(t.value, t.kind, t.deadline) for t in found] == [
        (2, "commitment", dt.date(2023, 12, 31)), (None, "commitment", dt.date(2023, 5, 31)),
        (3, "commitment", dt.date(2023, 12, 31)), (None, "commitment", dt.date(2023, 12, 31))]


def test_later_clauses_that_describe_efforts_are_not_promises() -> None:
    assert _targets("2022年，我局将持续推进村落保护，建立健全长效机制，形成工作合力，提升服务水平。") == []


def test_project_with_only_preparations_done_gives_its_figures_the_completion_date() -> None:
    found = _targets("该项目已完成可研批复，设计规模100吨/日，总投资约8600万元，力争2023年底前建成投运。")
    assert [(t.value, t.kind, t.deadline) for t in found if t.value is not None] == [
        (100, "commitment", dt.date(2023, 12, 31)), (8600, "commitment", dt.date(2023, 12, 31))]
    found = _targets("该项目已完成招标，总投资3000万元，目前正在施工，预计年底前建成。")
    assert [(t.value, t.kind) for t in found if t.value is not None] == [(3000, "baseline")]


def test_target_measured_against_a_past_year_keeps_its_deadline() -> None:
    (target,) = _targets("到2025年，单位GDP能耗比2020年下降13.5%。")
    assert (target.kind, target.deadline) == ("commitment", dt.date(2025, 12, 31))


def test_a_change_against_an_earlier_figure_is_not_a_stock() -> None:
    stock, change = _targets("2020年底全市共有医生3200名，比2019年底增加150名。")
    assert (stock.cumulative, change.cumulative) == (True, None)


def test_how_the_proposal_was_handled_gives_no_targets() -> None:
    text = ("关于第8号建议的答复\n\n王强代表：\n\n您的建议收悉。\n\n今年3月，我局组织召开专题协调会，参会人员60余人，"
            "其后又召开座谈会2次。今年计划新建停车泊位500个。\n\n某某市城市管理局\n2021年6月1日\n")
    assert [(t.value, t.kind) for t in extract_letter(text).targets] == [(500, "commitment")]


# ------------------------------------------------------------------------------------ measured accuracy
def _flat(text: str) -> tuple[str, list[int]]:
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    return unicodedata.normalize("NFKC", "".join(text[i] for i in keep)), keep


def _span(text: str, quote: str) -> set[int]:
    flat, keep = _flat(text)
    needle = re.sub(r"\s+", "", unicodedata.normalize("NFKC", quote))
    at = flat.find(needle)
    return set(range(keep[at], keep[at + len(needle) - 1] + 1)) if at >= 0 and needle else set()


def _same_amount(gold: dict, pred: dict) -> bool:
    if gold["value"] is None:
        return pred["value"] is None
    return pred["value_normalized"] is not None and abs(gold["value_normalized"] - pred["value_normalized"]) <= \
        1e-6 * max(1.0, abs(gold["value_normalized"]))


def _measure(folder: Path, gold_files: list[str]) -> tuple[float, float]:
    """Strict target F1 and header accuracy over annotated letters.

    Strict matching as in the guidelines: quote overlap, same amount, same comparator, deadline and kind.
    """
    gold = [entry for name in gold_files for entry in json.loads((folder / name).read_text("utf-8"))]
    strict = predicted = expected = header_right = header_total = 0
    for entry in gold:
        path = folder / entry["file"]
        original = path.read_text("utf-8")
        extraction = extract_letter(read_document(path).text)
        predictions = [t.to_dict() for t in extraction.targets]
        predicted += len(predictions)
        expected += len(entry["targets"])
        used: set[int] = set()
        for g in entry["targets"]:
            g_span = _span(original, g["quote"])
            for j, p in enumerate(predictions):
                if j in used or not (g_span & _span(original, p["quote"])) or not _same_amount(g, p):
                    continue
                used.add(j)
                strict += (g["comparator"], g["deadline"], g["kind"]) == (p["comparator"], p["deadline"], p["kind"])
                break
        header = extraction.header.to_dict()
        for key in ("doc_number_normalized", "issuer", "addressee", "date", "signer", "handler", "cc",
                    "classification"):
            header_total += 1
            header_right += header[key] == entry["header"][key]
    precision, recall = strict / predicted, strict / expected
    return 2 * precision * recall / (precision + recall), header_right / header_total


def test_measured_accuracy_on_the_annotated_letters_stays_high() -> None:
    f1, header = _measure(FIXTURES, ["dev_gold.json", "seed_001_gold.json"])
    assert f1 >= 0.97
    assert header >= 0.97


def test_measured_accuracy_on_the_held_out_letters_stays_above_the_floor() -> None:
    """Twelve letters written and annotated apart from the rules (tests/fixtures/letters_heldout/README.md)."""
    f1, header = _measure(HELD_OUT, ["heldout_gold.json"])
    assert f1 >= 0.93
    assert header >= 0.97


def test_measured_accuracy_on_the_second_held_out_set() -> None:
    """Fourteen letters never used to tune the rules (tests/fixtures/letters_heldout2/README.md); measured at
    strict F1 0.913 with the shared scorer when they were added. The floor guards against regressions; do not
    tune the rules on these letters, or they stop measuring anything."""
    f1, header = _measure(HELD_OUT_2, ["heldout2_gold.json"])
    assert f1 >= 0.88
    assert header >= 0.93


@pytest.mark.parametrize("name", ["dev_01.txt", "seed_001.txt"])
def test_every_quote_is_found_in_the_original_file(name: str) -> None:
    original = (FIXTURES / name).read_text("utf-8")
    for target in extract_letter(read_document(FIXTURES / name).text).targets:
        assert _span(original, target.quote), target.quote


def test_target_after_the_acknowledgement_on_the_same_line_is_kept() -> None:
    text = ("关于市人大十五届二次会议第8号建议的答复\n\n王强代表：\n\n"
            "您的建议收悉，现答复如下：今年计划新建停车泊位500个。\n\n某某市城市管理局\n2021 7 30\n")
    extraction = extract_letter(text)
    assert extraction.header.date == dt.date(2021, 7, 30)
    assert [(t.value, t.comparator, t.deadline) for t in extraction.targets] == [(500, "=", dt.date(2021, 12, 31))]
