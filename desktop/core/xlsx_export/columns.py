"""The columns of each data sheet, declared once: header, kind of value, widths, and whether it is folded away."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.xlsx_export.model import (
    SHEET_AUDIT,
    SHEET_CONTACTS,
    SHEET_EVIDENCE,
    SHEET_HISTORY,
    SHEET_PROPOSALS,
    SHEET_REMINDERS,
    SHEET_REPLIES,
    SHEET_TARGETS,
)


@dataclass(frozen=True)
class Column:
    """A column of a data sheet: its Chinese header, kind of value and width limits.

    Kinds: text, wrap (long text, wrapped), date, datetime, number (an amount, shown with its unit), count,
    percent, state (a state label that conditional formatting colours). Detail columns come last and are folded
    into a column group so that the main columns print legibly on A4; one click on the group's "+" shows them.
    """

    header: str
    kind: str = "text"
    max_width: int = 30
    min_width: int = 5
    detail: bool = False  # folded away (a column group) on screen and on paper, still in the file


# 答复期限 is the deadline recorded on the proposal (what a ledger import reads back); 应答复日期 is the one that
# applies — recorded, extended or computed by the office's rule — and 期限依据 says which and how.
PROPOSAL_COLUMNS = (
    Column("届次", "wrap", 16, 10), Column("编号", "text", 10), Column("标题", "wrap", 28, 16),
    Column("领衔人", "text", 10), Column("交办日期", "date"), Column("应答复日期", "date"),
    Column("期限依据", "wrap", 22, 12), Column("首次答复日期", "date"), Column("按期答复", "text", 10),
    Column("办理状态", "text", 14), Column("主办单位", "wrap", 16), Column("见面", "text", 6),
    Column("重点督办", "text", 6),
    Column("建议", "wrap", 24, detail=True), Column("类别", detail=True), Column("附议人", "wrap", 20, detail=True),
    Column("代表团/界别", "wrap", 14, detail=True), Column("人大/政协", detail=True),
    Column("收到日期", "date", detail=True), Column("答复期限", "date", detail=True),
    Column("延期期限", "date", detail=True), Column("延期批准", "wrap", 16, detail=True),
    Column("误交日期", "date", detail=True), Column("退回日期", "date", detail=True),
    Column("会办单位", "wrap", 16, detail=True), Column("办理方式", detail=True),
    Column("登记状态", detail=True), Column("办理状态说明", "wrap", 40, detail=True),
    Column("备注", "wrap", 30, detail=True),
)
REPLY_COLUMNS = (
    Column("建议", "wrap", 22, 12), Column("答复文号", "wrap", 16, 10), Column("标题", "wrap", 26, 16),
    Column("答复日期", "date"), Column("签发人", "text", 8), Column("经办人", "text", 8), Column("办理结果"),
    Column("公开属性"), Column("公开日期", "date"), Column("公开期限", "date"), Column("答复满意度"),
    Column("落实满意度"), Column("承诺数", "count"),
    Column("发文机关", "wrap", 20, detail=True), Column("收件人", "wrap", 14, detail=True),
    Column("答复对象代表", "text", 10, detail=True), Column("联系电话", "text", 16, detail=True),
    Column("抄送", "wrap", 20, detail=True), Column("结果含义", "wrap", 20, detail=True),
    Column("公开网站", "wrap", 20, detail=True), Column("公开期限依据", "wrap", 30, detail=True),
    Column("答复单位", "wrap", 20, detail=True), Column("再次答复", detail=True),
    Column("评价日期", "date", detail=True), Column("代表意见", "wrap", 24, detail=True),
    Column("落实评价日期", "date", detail=True), Column("再答复期限", "date", detail=True),
    Column("再答复期限依据", "wrap", 30, detail=True),
)
CONTACT_COLUMNS = (
    Column("建议", "wrap", 30, 16), Column("日期", "date"), Column("方式", "text", 8), Column("参加人员", "wrap", 24),
    Column("内容", "wrap", 50, 24), Column("主办单位", "wrap", 16, detail=True),
)
TARGET_COLUMNS = (
    Column("答复文号", "wrap", 14, 10), Column("承诺事项", "wrap", 18, 12), Column("责任单位", "wrap", 12),
    Column("承诺期限", "date"), Column("承诺状态", "state"), Column("指标", "wrap", 16, 10), Column("比较"),
    Column("目标值", "number", 16), Column("指标期限", "date"), Column("基数", "number", 16),
    Column("最新佐证值", "number", 16), Column("佐证日期", "date"), Column("佐证来源", "wrap", 16),
    Column("进度", "percent"), Column("指标状态", "state"), Column("判定理由", "wrap", 30, 16),
    Column("建议", "wrap", 24, detail=True), Column("承诺原文", "wrap", 36, detail=True),
    Column("期限表述", "text", 14, detail=True), Column("人工判定", "state", detail=True),
    Column("目标上限", "number", 12, detail=True), Column("单位", "text", 6, detail=True),
    Column("累计/年度", detail=True), Column("指标类型", detail=True),
    Column("基数单位", "text", 8, detail=True), Column("基数日期", "date", detail=True),
    Column("佐证单位", "text", 8, detail=True), Column("备注", "wrap", 24, detail=True),
)
EVIDENCE_COLUMNS = (
    Column("答复文号", "wrap", 14, 10), Column("指标", "wrap", 18, 10), Column("佐证日期", "date"), Column("比较"),
    Column("数值", "number", 16), Column("是否实现"), Column("来源标题", "wrap", 24, 12),
    Column("发布单位", "wrap", 12), Column("来源日期", "date"), Column("原文摘录", "wrap", 34, 16),
    Column("建议", "wrap", 24, detail=True), Column("承诺事项", "wrap", 20, detail=True),
    Column("单位", "text", 6, detail=True), Column("链接", "wrap", 30, detail=True),
    Column("来源文件", "wrap", 24, detail=True), Column("来源文件SHA-256", "text", 20, detail=True),
    Column("记录人", "text", 10, detail=True), Column("备注", "wrap", 24, detail=True),
)
REMINDER_COLUMNS = (
    Column("类型"), Column("标题", "wrap", 30, 16), Column("到期日", "date"), Column("关联类型"),
    Column("关联对象", "wrap", 34, 16), Column("提前天数", "count"), Column("状态"), Column("推迟至", "date"),
    Column("完成日期", "date"), Column("备注", "wrap", 24, detail=True), Column("标识", "text", 24, detail=True),
)
AUDIT_COLUMNS = (
    Column("发现类型", "text", 22), Column("建议", "wrap", 24, 12), Column("对象", "wrap", 30, 14),
    Column("日期", "date"), Column("说明", "wrap", 60, 30),
)
# For people: one row per changed field, values in words; the raw rows stay in the folded columns.
HISTORY_COLUMNS = (
    Column("时间", "datetime", 19, 19), Column("操作人", "text", 10), Column("记录", "wrap", 58, 20),
    Column("操作", "text", 6), Column("字段", "wrap", 16, 14), Column("修改前", "wrap", 40, 30),
    Column("修改后", "wrap", 40, 30),
    Column("表", "text", 8, detail=True), Column("记录号", "count", detail=True),
    Column("原始记录（JSON）", "wrap", 60, detail=True), Column("哈希", "text", 20, detail=True),
)
SHEET_COLUMNS = {
    SHEET_PROPOSALS: PROPOSAL_COLUMNS, SHEET_REPLIES: REPLY_COLUMNS, SHEET_CONTACTS: CONTACT_COLUMNS,
    SHEET_TARGETS: TARGET_COLUMNS, SHEET_EVIDENCE: EVIDENCE_COLUMNS, SHEET_REMINDERS: REMINDER_COLUMNS,
    SHEET_AUDIT: AUDIT_COLUMNS, SHEET_HISTORY: HISTORY_COLUMNS,
}
