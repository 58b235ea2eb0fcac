"""The summary sheet (汇总): what the workbook covers, the yearly handling statistics with their definitions, counts
by state, unit, deadline year and result class, the 回头看 counts and the cells that had to be cut."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from desktop.core.audit import AUDIT_KINDS, CONTRADICTION_KINDS
from desktop.core.records import TARGET_STATES
from desktop.core.xlsx_export.cells import (
    LINE_HEIGHT,
    Formats,
    SummaryCells,
    setup_print,
    state_formatting,
    text_lines,
)
from desktop.core.xlsx_export.model import (
    SHEET_AUDIT,
    SHEET_EVIDENCE,
    SHEET_HISTORY,
    WORKBOOK_TITLE,
    LedgerSnapshot,
    TruncatedCell,
)
from desktop.core.xlsx_export.rows import Tally
from desktop.core.xlsx_export.statistics import RATE_DEFINITIONS, YearStats, compute_statistics

# Title rows printed at the top of every page of the summary: the title, the as-of date and the filters.
PRINT_TITLE_ROWS = 3
# The kinds of record the caller may leave out as dated after the as-of date, in the order they are named.
LEFT_OUT_ORDER = (("建议", "件"), ("答复", "份"), ("评价", "条"), ("见面沟通", "次"), ("佐证", "条"))


# The chart of the states, in pixels (16 cm by 7 cm).
CHART_SIZE = {"width": 605, "height": 265}


def write_summary(workbook: Any, ws: Any, formats: Formats, s: LedgerSnapshot, tally: Tally, counts: dict[str, int],
                  truncated: Sequence[TruncatedCell], history_rows: int,
                  extra_meta: Sequence[tuple[str, Any, str]] = ()) -> int:
    """Write the summary sheet (rows in order: the sheet streams); returns the number of rows written.

    Args:
        extra_meta: more (label, value, kind) lines for the title block, such as the history's chain head.
    """
    stats = compute_statistics(s, tally.delivery)
    codes = [c.get("code", "") for c in s.result_classes]
    for stat in stats:
        codes.extend(code for code in stat.classes if code not in codes)
    year_columns = len(stats)
    width = max(year_columns + 1, 9)
    ws.set_column(0, 0, 34)
    ws.set_column(1, width - 1, 13)
    meta: list[tuple[str, Any, str]] = [
        ("截至日期", s.as_of, "date"), ("筛选条件", s.filters.describe(), "text"),
        ("导出时间", s.generated_at.replace(microsecond=0, tzinfo=None), "datetime"),
        ("导出人", s.generated_by or "—", "text"),
        ("数据范围", f"建议{len(s.proposals)}件，答复{len(s.replies)}份，见面沟通{len(s.contacts)}次，"
                 f"承诺{sum(tally.commitment_states.values())}项，指标{sum(tally.target_states.values())}个，"
                 f"佐证{counts.get(SHEET_EVIDENCE, 0)}条，提醒{s.reminders_total}条", "text"),
        ("截至日期后的记录", _left_out_text(s.left_out), "text"),
        ("超长截断", _truncation_text(truncated), "text"),
        *extra_meta,
    ]
    title_end = 1 + len(meta)
    ws.freeze_panes(title_end, 0)
    setup_print(ws, (0, PRINT_TITLE_ROWS - 1), gridlines=False)
    last_column = width - 1
    cells = SummaryCells(ws, formats)
    row = 0
    note_room = 13 * (width - 1) * 0.9  # merged B..last column, with room for wider glyphs

    def put(values: Sequence[Any], style: str = "body", kinds: Sequence[str] | None = None, *,
            merged: bool = False) -> int:
        """Write the next row (1-based numbers, as the sheet shows them); ``merged``: its last cell spans to the
        last column."""
        nonlocal row
        row += 1
        if style in ("note", "meta") and isinstance(values[-1], str):
            lines = text_lines(values[-1], note_room)
            if lines > 1 or style == "note":
                ws.set_row(row - 1, lines * LINE_HEIGHT + 2)
        cells.row(row - 1, values, style, kinds, merge_last_to=last_column if merged else None)
        return row

    put([f"{s.office_name}{WORKBOOK_TITLE}" if s.office_name else WORKBOOK_TITLE], "title", merged=True)
    for label, value, kind in meta:
        put([label, value], "meta", ["label", kind], merged=True)
    put([])

    put(["一、年度办理统计（按交办年度）"], "section")
    put(["项目", *[str(y.year) if y.year else ("未注明年度" if y is not stats[-1] else "合计") for y in stats]],
        "header")
    for label, getter, kind in _measures(codes):
        put([label, *[getter(y) for y in stats]], "body", ["label", *[kind] * year_columns])
    put(["计算方法"], "label")
    for name, text in RATE_DEFINITIONS:
        put([name, text], "note", ["label", "note"], merged=True)
    put([])

    put([f"二、指标与承诺状态（截至{s.as_of.isoformat()}）"], "section")
    put(["状态", "指标数", "指标占比", "承诺数", "承诺占比"], "header")
    target_states, commitment_states = tally.target_states, tally.commitment_states
    n_targets, n_commitments = sum(target_states.values()), sum(commitment_states.values())
    first_state_row = row + 1
    kinds = ["state", "count:个", "percent", "count:项", "percent"]
    for state, label in TARGET_STATES.items():
        put([label, target_states[state], target_states[state] / n_targets if n_targets else None,
             commitment_states[state], commitment_states[state] / n_commitments if n_commitments else None],
            "body", kinds)
    last_state_row = row
    put(["合计", n_targets, None, n_commitments, None], "total", ["label", *kinds[1:]])
    state_formatting(ws, formats, first_state_row - 1, 0, last_state_row - 1)
    chart = workbook.add_chart({"type": "column"})
    chart.add_series({
        "name": [ws.name, first_state_row - 2, 1],
        "categories": [ws.name, first_state_row - 1, 0, last_state_row - 1, 0],
        "values": [ws.name, first_state_row - 1, 1, last_state_row - 1, 1],
    })
    chart.set_title({"name": "指标状态分布"})
    chart.set_y_axis({"name": "指标数（个）"})
    chart.set_legend({"none": True})
    chart.set_size(CHART_SIZE)
    ws.insert_chart(row + 1, 0, chart)
    for _ in range(16):  # the chart's place
        put([])

    put(["三、按责任单位统计承诺与指标"], "section")
    put(["责任单位", "承诺数", "指标数", *TARGET_STATES.values()], "header")
    by_unit = tally.by_unit
    for unit in sorted(by_unit, key=lambda u: (-by_unit[u]["承诺"], u)):
        counter = by_unit[unit]
        put([unit, counter["承诺"], counter["指标"], *[counter[state] for state in TARGET_STATES]], "body",
            ["label", "count:项", *["count:个"] * (1 + len(TARGET_STATES))])
    put([])

    put(["四、按指标期限年度统计"], "section")
    put(["期限年度", "指标数", *TARGET_STATES.values()], "header")
    by_year = tally.by_deadline_year
    for year in sorted(by_year, key=lambda y: (y is None, y or 0)):
        counter = by_year[year]
        put([str(year) if year else "未注明期限", counter["指标"], *[counter[state] for state in TARGET_STATES]],
            "body", ["label", *["count:个"] * (1 + len(TARGET_STATES))])
    put([])

    put(["五、按办理结果统计答复"], "section")
    put(["办理结果", "答复份数", "占比", "含义"], "header")
    class_counts = stats[-1].classes
    classed = stats[-1].classed
    labels = {c.get("code"): c.get("label", "") for c in s.result_classes}
    for code in codes:
        put([code, class_counts.get(code, 0), class_counts.get(code, 0) / classed if classed else None,
             labels.get(code, "（不在当前方案中）")], "body", ["label", "count:份", "percent", "text"])
    unclassed = sum(1 for r in s.replies if not r.result_class and not r.is_reanswer)
    put(["未标明", unclassed, None, None], "body", ["label", "count:份", "percent", "text"])
    put([])

    put([f"六、回头看（截至{s.as_of.isoformat()}）"], "section")
    if s.findings is None:
        put(["本次导出未运行回头看规则。"], "label")
    else:
        put(["发现类型", "条数"], "header")
        found = Counter(f.kind for f in s.findings)
        for kind, label in AUDIT_KINDS.items():
            put([label, found[kind]], "body", ["label", "count:条"])
        put(["合计", len(s.findings)], "total", ["label", "count:条"])
        put(["其中数据矛盾", sum(found[kind] for kind in CONTRADICTION_KINDS)], "total", ["label", "count:条"])
        put(["说明", f"每条发现列在“{SHEET_AUDIT}”表中：对象、日期和原因。数据矛盾指同一指标同日两个不同数值、"
                   "两份答复所述基数不一致、累计指标佐证倒退、作出承诺前已有佐证达到目标。"], "note",
            ["label", "note"], merged=True)
    put([])

    put(["七、变更记录与截断"], "section")
    put(["变更记录", f"“{SHEET_HISTORY}”表列出导出时数据库中的全部修改（不受截至日期限制），每个修改的字段一行，"
                 f"共{history_rows}行；长文本只列开头、字数和SHA-256，原始记录在折叠列中。"], "note",
        ["label", "note"], merged=True)
    put(["超长截断", _truncation_text(truncated, limit=50) + "。截断的单元格以“…（已截断，原文共N字）”结尾，"
                 "原文以数据库为准。"], "note", ["label", "note"], merged=True)
    return row


def _measures(codes: Sequence[str]) -> list[tuple[str, Callable[[YearStats], Any], str]]:
    measures: list[tuple[str, Callable[[YearStats], Any], str]] = [
        ("建议件数", lambda y: y.proposals, "count:件"),
        ("已办复件数", lambda y: y.replied, "count:件"),
        ("办复率", lambda y: y.reply_rate, "percent"),
        ("按期答复件数", lambda y: y.replied_on_time, "count:件"),
        ("无法判断是否按期件数（无交办日期）", lambda y: y.deadline_unknown, "count:件"),
        ("答复期限按规则计算件数", lambda y: y.deadline_computed, "count:件"),
        ("按期答复率", lambda y: y.on_time_rate, "percent"),
        ("见面件数（见面、面商、走访）", lambda y: y.met_in_person, "count:件"),
        ("见面率", lambda y: y.meeting_rate, "percent"),
        ("沟通件数（含电话）", lambda y: y.contacted, "count:件"),
        ("应公开答复份数", lambda y: y.to_publish, "count:份"),
        ("已公开份数", lambda y: y.published, "count:份"),
        ("按期公开份数", lambda y: y.published_on_time, "count:份"),
        ("逾期未公开份数", lambda y: y.publish_overdue, "count:份"),
        ("公开率", lambda y: y.publication_rate, "percent"),
        ("有评价件数", lambda y: y.rated, "count:件"),
        ("满意", lambda y: y.satisfied, "count:件"),
        ("基本满意", lambda y: y.basically_satisfied, "count:件"),
        ("不满意", lambda y: y.unsatisfied, "count:件"),
        ("满意率（含基本满意）", lambda y: y.satisfaction_rate, "percent"),
        ("满意率（仅满意）", lambda y: y.strict_satisfaction_rate, "percent"),
        ("标明办理结果的答复份数", lambda y: y.classed, "count:份"),
    ]
    for code in codes:
        measures.append((f"{code}类份数", lambda y, c=code: y.classes.get(c, 0), "count:份"))
        measures.append((f"{code}类占比", lambda y, c=code: y.class_share(c), "percent"))
    measures += [
        ("承诺项数", lambda y: y.commitments, "count:项"),
        ("到期承诺项数", lambda y: y.commitments_due, "count:项"),
        ("到期已达成项数", lambda y: y.commitments_met, "count:项"),
        ("落实率", lambda y: y.delivery_rate, "percent"),
    ]
    return measures


def _left_out_text(left_out: dict[str, int]) -> str:
    parts = [f"{name}{left_out[name]}{unit}" for name, unit in LEFT_OUT_ORDER if left_out.get(name)]
    if left_out.get("答复"):  # what hangs on a later reply is left out with it, and not counted again
        parts[[name for name, _ in LEFT_OUT_ORDER if left_out.get(name)].index("答复")] += "（连同其评价、承诺和佐证）"
    return "未计入：" + "、".join(parts) if parts else "无"


def _truncation_text(truncated: Sequence[TruncatedCell], limit: int = 5) -> str:
    if not truncated:
        return "无（没有超过单元格容量的文本）"
    named = "；".join(cell.describe() for cell in truncated[:limit])
    more = f"；另有{len(truncated) - limit}处" if len(truncated) > limit else ""
    return f"{len(truncated)}处文本超过单元格容量被截断：{named}{more}"
