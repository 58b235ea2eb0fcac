from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.extraction.numbers import chinese_to_number, find_quantities, fold

MAGNITUDES = {"万": 10**4, "亿": 10**8, "千": 10**3, "百万": 10**6, "千万": 10**7}
FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def _only(text: str):
    found = find_quantities(text)
    assert len(found) == 1, (text, found)
    return found[0]


@given(n=st.integers(min_value=1, max_value=99_999_999), magnitude=st.sampled_from(sorted(MAGNITUDES)),
       full_width=st.booleans())
def test_arabic_numbers_with_magnitude_words_normalise(n: int, magnitude: str, full_width: bool) -> None:
    digits = str(n).translate(FULL_WIDTH) if full_width else str(n)
    quantity = _only(f"全市建成{digits}{magnitude}个")
    assert quantity.value == n
    assert quantity.unit == f"{magnitude}个"
    assert quantity.value_normalized == n * MAGNITUDES[magnitude]
    assert quantity.unit_normalized == "个"


@given(n=st.integers(min_value=2, max_value=9999), magnitude=st.sampled_from(["万", "亿"]))
def test_chinese_numerals_with_magnitude_words_normalise(n: int, magnitude: str) -> None:
    quantity = _only(f"累计接入企业{cn2an.an2cn(n)}{magnitude}家")
    assert quantity.value_normalized == n * MAGNITUDES[magnitude]
    assert quantity.unit_normalized == "家"


@given(whole=st.integers(min_value=0, max_value=99_999), cents=st.integers(min_value=1, max_value=99),
       magnitude=st.sampled_from(["万", "亿"]))
def test_decimal_numbers_normalise_exactly(whole: int, cents: int, magnitude: str) -> None:
    written = f"{whole}.{cents:02d}"
    quantity = _only(f"投资{written}{magnitude}元")
    assert Decimal(str(quantity.value_normalized)) == Decimal(written) * MAGNITUDES[magnitude]
    assert quantity.unit_normalized == "元"


@given(n=st.integers(min_value=2, max_value=99_999_999))
def test_plain_chinese_numerals_read_as_counts(n: int) -> None:
    assert chinese_to_number(cn2an.an2cn(n)) == n


@pytest.mark.parametrize(("text", "value", "unit", "normalized", "comparator"), [
    ("超3万多台套", 3, "万台套", 30000, ">"),
    ("14000余户", 14000, "户", 14000, ">"),
    ("不少于 1 座", 1, "座", 1, ">="),
    ("建设省级智能车间20个以上", 20, "个", 20, ">="),
    ("控制在10分钟以内", 10, "分钟", 10, "<="),
    ("近7000个", 7000, "个", 7000, "<"),
    ("约42亿元", 42, "亿元", 4_200_000_000, "="),
    ("48%左右", 48, "%", 48, "="),
    ("用户超百万，", 100, "万", 1_000_000, ">"),
    ("累计超千亿元", 1000, "亿元", 100_000_000_000, ">"),
    ("疏浚量2.85万m³。", 2.85, "万m³", 28500, "="),
    ("保护人口0.08万人", 0.08, "万人", 800, "="),
    ("治理标准为10年一遇", 10, "年一遇", 10, "="),
    ("三千个", 3000, "个", 3000, "="),
    ("两条", 2, "条", 2, "="),
    ("百分之三十", 30, "%", 30, "="),
    ("１２００万元", 1200, "万元", 12_000_000, "="),
    ("1,200万元", 1200, "万元", 12_000_000, "="),
    ("河道总长3.8km", 3.8, "km", 3.8, "="),
])
def test_amounts_with_comparators_and_units(text: str, value, unit: str, normalized, comparator: str) -> None:
    quantity = _only(text)
    assert (quantity.value, quantity.unit, quantity.value_normalized, quantity.comparator) == \
        (value, unit, normalized, comparator)


def test_ranges() -> None:
    quantity = _only("新增公交线路3至5条")
    assert (quantity.comparator, quantity.value, quantity.value_high) == ("range", 3, 5)
    percent = _only("比重30%-40%之间")
    assert (percent.comparator, percent.value, percent.value_high, percent.unit) == ("range", 30, 40, "%")
    money = _only("投入5～10万元")
    assert (money.value_normalized, money.value_high_normalized) == (50000, 100000)


@pytest.mark.parametrize("text", [
    "5G基站", "IPv6规模部署", "V2G技术", "一名市领导挂钩", "走出一条新路", "五大应用场景", "七大方向", "千家万户",
    "数十个项目", "几百家企业", "位居全省第三", "前三名", "每万人拥有", "163骨干网", "2021年", "上万人",
])
def test_words_that_are_not_amounts(text: str) -> None:
    assert find_quantities(text) == []


def test_spec_units_are_marked() -> None:
    rating, count = find_quantities("120KW直流充电桩297台")
    assert rating.spec and not count.spec
    assert count.value == 297


def test_fold_keeps_offsets() -> None:
    text = "投资１５亿元，ＡＢＣ"
    assert len(fold(text)) == len(text)
    assert fold(text) == "投资15亿元,ABC"


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("PM2.5平均浓度为38微克/立方米", 38, "微克/立方米"),
    ("PM10浓度降至60μg/m³", 60, "μg/m³"),
    ("夜间噪声控制在45分贝以内", 45, "分贝"),
    ("化学需氧量不高于20毫克/升", 20, "毫克/升"),
])
def test_concentration_and_noise_units_after_a_pollutant_name(text: str, value: int, unit: str) -> None:
    quantity = _only(text)
    assert (quantity.value, quantity.unit) == (value, unit)


def test_及以上_and_及以下_are_bounds() -> None:
    assert _only("培训人数1000人及以上").comparator == ">="
    assert _only("单次补贴500元及以下").comparator == "<="


def test_boiler_rating_is_a_specification() -> None:
    rating, count = find_quantities("淘汰10蒸吨/小时以下燃煤锅炉43台")
    assert rating.spec and rating.comparator == "<=" and not count.spec


def test_cap_and_floor_written_with_最() -> None:
    assert _only("给予每户最高2万元的补助").comparator == "<="
    assert _only("每年安排资金最少500万元").comparator == ">="
