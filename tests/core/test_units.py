from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import ValidationError
from desktop.core.units import compatible, convert, normalize, parse_quantity, split_unit


@pytest.mark.parametrize(
    ("value", "unit", "normalized", "base"),
    [(15, "亿元", 1_500_000_000, "元"), (1.5, "万户", 15_000, "户"), (0.08, "万人", 800, "人"),
     (2.85, "万m³", 28_500, "m³"), (30, "%", 30, "%"), (3.8, "km", 3.8, "km"), (1000, "亿元", 100_000_000_000, "元"),
     (3.3, "亿", 330_000_000, ""), (1, "百万", 1_000_000, ""), (3, "万台套", 30_000, "台套"),
     (5, "百分点", 5, "百分点")],
)
def test_normalize_folds_magnitude_words(value: float, unit: str, normalized: float, base: str) -> None:
    assert normalize(value, unit) == (normalized, base)


def test_split_unit_keeps_si_words() -> None:
    assert split_unit("千克") == (Decimal(1), "千克")
    assert split_unit("万千瓦") == (Decimal(10000), "千瓦")


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=99),
       st.sampled_from([("万", 10**4), ("亿", 10**8), ("千", 10**3), ("百万", 10**6), ("千万", 10**7)]),
       st.sampled_from(["", "元", "个", "户", "家"]))
def test_normalize_any_decimal_with_magnitude(whole: int, hundredths: int, magnitude: tuple[str, int],
                                               base: str) -> None:
    word, factor = magnitude
    written = Decimal(whole) + Decimal(hundredths) / 100
    value, unit = normalize(str(written), word + base)
    assert unit == base
    assert Decimal(str(value)) == written * factor


@pytest.mark.parametrize(("text", "value", "unit", "normalized"),
                         [("15亿元", 15, "亿元", 1_500_000_000), ("１２００家", 1200, "家", 1200),
                          ("三千个", 3000, "个", 3000), ("两条", 2, "条", 2),
                          ("1,200.5 万元", 1200.5, "万元", 12_005_000)])
def test_parse_quantity(text: str, value: float, unit: str, normalized: float) -> None:
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit, quantity.value_normalized) == (value, unit, normalized)


def test_parse_quantity_rejects_text() -> None:
    with pytest.raises(ValidationError, match="'many' is not a number"):
        parse_quantity("many")


def test_convert_within_a_dimension() -> None:
    assert convert(1.1, "万个", "个") == 11_000
    assert convert(15, "亿元", "万元") == 150_000
    assert convert(3, "公里", "米") == 3000
    assert convert(2, "km", "公里") == 2
    assert convert(1, "个", "家") is None
    assert not compatible("元", "个")
    assert compatible("亿元", "万元")


@pytest.mark.parametrize("value", [float("inf"), "Infinity", "-Infinity", "NaN", float("nan")])
def test_normalize_refuses_what_is_not_a_finite_number(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize(value, "亿元")  # type: ignore[arg-type]
    assert caught.value.code == "number_invalid"


def test_normalize_keeps_large_whole_numbers_exact() -> None:
    assert normalize("9" * 20, "万") == (int("9" * 20 + "0000"), "")
    assert normalize(1, "万亿") == (10**12, "")
    assert convert(float("inf"), "亿元", "元") is None


def test_normalize_refuses_a_number_no_float_can_hold() -> None:
    with pytest.raises(ValidationError) as caught:
        normalize("9" * 400, "个")
    assert caught.value.code == "number_too_large" and "too large for an amount" in caught.value.message
