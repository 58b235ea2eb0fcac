from __future__ import annotations

from desktop.core.extraction.tables import find_tables, indicator_and_unit, number_cell


def test_rows_cells_and_offsets() -> None:
    text = "前言。\n指标 | 2022年 | 2023年\n--- | --- | ---\n产值（亿元） | 1,200.5 | \n单独一行 | 不是表格\n"
    (table,) = find_tables(text)
    assert [c.text for c in table.header.cells] == ["指标", "2022年", "2023年"]
    (row,) = table.rows[:1]
    assert [c.text for c in row.cells] == ["产值（亿元）", "1,200.5", ""]
    for cell in row.cells:
        assert text[cell.start:cell.end] == cell.text
    assert indicator_and_unit(row.cells[0]) == ("产值", "亿元")
    assert number_cell(row.cells[1]) == ("1200.5", "")
    assert number_cell(row.cells[2]) is None


def test_a_single_line_with_pipes_is_not_a_table() -> None:
    assert find_tables("甲 | 乙 | 丙\n\n丁 | 戊 | 己\n") == []
