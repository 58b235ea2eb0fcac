"""Foreign ledgers (台账) as offices keep them, built as real .xlsx files for the import tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

CHANGZHOU_HEADERS = ("序号", "建议编号", "建议标题", "领衔代表", "主办单位", "会办单位", "办理结果", "答复日期",
                     "答复文号", "代表意见", "承诺事项", "完成时限", "落实情况", "备注")


def changzhou_ledger(path: Path, *, newer: bool = False) -> Path:
    """Merged title rows, the header on row 3, one proposal over two rows (merged cells down its columns),
    dates as an Excel date and as text, a blank row and a totals row. ``newer`` is the same ledger some weeks
    later: a reply date corrected, a rating added, one more commitment."""
    wb = Workbook()
    ws = wb.active
    ws.title = "建议台账"
    ws.append(["常州市十六届人大五次会议代表建议办理台账"])
    ws.merge_cells("A1:N1")
    ws.append(["填报单位：常州市工业和信息化局", None, None, None, None, None, None, None, None, None, "2021年12月"])
    ws.merge_cells("A2:J2")
    ws.append(list(CHANGZHOU_HEADERS))
    ws.append([1, "第021号", "关于将以5G为代表的新基建纳入“十四五”规划重要内容的建议", "魏农",
               "常州市工业和信息化局", "市发改委、市通信管理办", "A", dt.datetime(2021, 6, 8), "常工信复〔2021〕第39号",
               "满意", "2021年完成5G建设投资15亿元", "2021年底", "已完成投资16亿元", None])
    ws.append([None, None, None, None, None, None, None, None, None, None, "累计开通基站数超1万个",
               dt.datetime(2021, 12, 31), "截至2022年3月已开通11080个", "见常州日报2022-03-03"])
    for column in "ABCDEFGHIJ":
        ws.merge_cells(f"{column}4:{column}5")
    ws.append([2, "第035号", "关于加快工业互联网标识解析体系建设的建议", "张敏、李强", "常州市工业和信息化局", None,
               "B", "2021.6.10" if not newer else "2021.6.9", "常工信复〔2021〕第40号",
               None if not newer else "基本满意",
               "5个标识解析二级节点全部上线运营", "2021年6月底", None, None])
    if newer:
        ws.append([None, "第035号", "关于加快工业互联网标识解析体系建设的建议", "张敏、李强", "常州市工业和信息化局",
                   None, "B", "2021.6.9", "常工信复〔2021〕第40号", "基本满意", "标识注册量达2.5亿",
                   "2021年12月31日", None,
                   None])
    ws.append([])
    ws.append(["合计", "2件", None, None, None, None, None, None, None, None, "3项"])
    wb.save(path)
    return path


def cppcc_ledger(path: Path, *, bad: bool = True) -> Path:
    """A CPPCC office's ledger: other header names, dates in Chinese numerals, 甲/乙 classes; with ``bad``, two
    rows that cannot be imported (an impossible date and an unknown rating; a broken document number)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "提案办理"
    ws.append(["政协常州市十四届五次会议提案办理情况一览表"])
    ws.merge_cells("A1:L1")
    ws.append(["提案号", "案由", "提案人", "承办单位", "协办单位", "答复类别", "办结时间", "复函文号", "满意度",
               "落实措施", "完成时间", "进展"])
    ws.append(["0101", "关于推进中小企业数字化转型的提案", "王芳", "常州市工业和信息化局", "市财政局",
               "甲类", "二〇二一年六月十日", "常工信复〔2021〕第52号", "满意", "组织100家企业开展数字化诊断",
               "2021年12月31日",
               "已诊断64家"])
    ws.append(["0102", "关于支持专精特新企业发展的提案", "陈明", "常州市工业和信息化局", None, "乙类",
               "2021-13-40" if bad else "2021-06-20", "常工信复〔2021〕第53号", "还行" if bad else "满意", None, None,
               None])
    ws.append(["0103", "关于加强工业园区安全管理的提案", "刘洋", "常州市应急管理局", None, "乙类", "2021年6月15日",
               "应急复2021-7" if bad else "常应急复〔2021〕第7号", "基本满意", None, None, None])
    wb.save(path)
    return path


def minimal_ledger(path: Path) -> Path:
    """No title rows and few columns, with near names: no session, no document numbers, no ratings."""
    wb = Workbook()
    ws = wb.active
    ws.append(["编号", "建议标题名称", "领衔代表姓名", "主办单位", "答复 时间", "无关列"])
    ws.append(["7", "关于优化营商环境的建议", "赵磊", "常州市政务办", dt.datetime(2022, 5, 30), "x"])
    ws.append(["8", "关于完善公共充电设施的建议", "孙丽", "常州市工业和信息化局", "2022年5月28日", "y"])
    wb.save(path)
    return path


OFFICE_HEADERS = ("序号", "建议编号", "建议标题", "领衔代表", "主办单位", "会办单位", "办理结果", "交办日期",
                  "答复日期", "答复文号", "代表意见", "承诺事项", "完成时限", "落实情况", "备注")


def office_year_ledger(path: Path) -> Path:
    """An office's ledger as kept year by year: one sheet per year, a title of year and body only
    (2021年市人大代表建议办理情况台账, no session), the date it was filled in, result classes and ratings as words,
    promises with figures and 落实情况 that states figures (已完成32个 for a promise of 30个), no 答复期限 column,
    a footer of signatures. Both sheets have a proposal 第1号: they are different proposals."""
    wb = Workbook()
    first = wb.active
    first.title = "2021年"
    _office_sheet(first, 2021, [
        [1, "第1号", "关于加快推进智能工厂建设的建议", "王伟", "常州市工业和信息化局",
         "市发改委（市粮食和物资储备局）、市财政局", "解决采纳", dt.datetime(2021, 3, 10), dt.datetime(2021, 5, 28),
         "常工信复〔2021〕第12号", "满意", "2021年底前建成30个智能工厂", "2021年底", "已完成32个", None],
        [2, "第2号", "关于加快5G网络建设的建议", "李娜、周强", "常州市工业和信息化局", "市通信管理办", "列入计划",
         dt.datetime(2021, 3, 10), dt.datetime(2021, 6, 2), "常工信复〔2021〕第15号", "基本满意",
         "2021年新建5G基站1000个", "2021年12月31日", "完成1200个", "见市通信管理办统计"],
        [3, "第3号", "关于设立工业遗产保护基金的建议", "赵敏", "常州市工业和信息化局", None, "留作参考",
         dt.datetime(2021, 3, 10), dt.datetime(2021, 6, 5), "常工信复〔2021〕第18号", "未反馈", None, None, None,
         "代表未反馈意见"],
    ])
    second = wb.create_sheet("2022年")
    _office_sheet(second, 2022, [
        [1, "第1号", "关于支持专精特新企业发展的建议", "孙丽", "常州市工业和信息化局", None, "已解决", "3月8日",
         "5月30日", "常工信复〔2022〕第7号", "满意", "到2022年底累计培育专精特新企业100家", "2022年底", "已培育85家",
         None],
        [2, "第2号", "关于推进工业互联网平台建设的建议", "钱进", "常州市工业和信息化局", "市科技局", "正在解决",
         "3月8日", "6月1日", "常工信复〔2022〕第9号", "满意", "到2025年建成工业互联网平台20个", "2025年底", "已建成6个", None],
    ])
    wb.save(path)
    return path


def _office_sheet(ws, year: int, rows: list[list]) -> None:
    ws.append([f"{year}年市人大代表建议办理情况台账"])
    ws.merge_cells("A1:O1")
    ws.append([f"填报单位：常州市工业和信息化局　　填报时间：{year + 1}年3月31日"])
    ws.merge_cells("A2:O2")
    ws.append(list(OFFICE_HEADERS))
    for row in rows:
        ws.append(row)
    ws.append([])
    ws.append(["填表人：张三", None, None, "审核人：李四", None, None, None, "联系电话：0519-85681234"])
